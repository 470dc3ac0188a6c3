"""Batch progress: plain lines for a CI log, one updating line on a terminal, Dutch durations."""

from __future__ import annotations

import io

from assembler.batch.progress import Progress, duration


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_durations_read_as_dutch() -> None:
    assert duration(8.4) == "8 s"
    assert duration(250) == "4 min 10 s"
    assert duration(120) == "2 min"
    assert duration(3900) == "1 u 5 min"


def test_ci_log_gets_one_plain_line_per_municipality_with_time_left() -> None:
    lines: list[str] = []
    clock = Clock()
    progress = Progress(4, lines.append, io.StringIO(), clock=clock)
    progress.start("Rivierstad")
    progress.start("Polderdam")
    assert lines == []  # nothing until something is done: a CI log stays short
    clock.now += 10
    progress.finish("Rivierstad", "gemaakt", 9.6)
    assert lines == ["[1/4] Rivierstad: gemaakt (9,6 s); bezig: Polderdam · nog ongeveer 30 s"]
    clock.now += 10
    progress.finish("Polderdam", "mislukt: profiel ongeldig", 0.2)
    assert lines[-1] == "[2/4] Polderdam: mislukt: profiel ongeldig (0,2 s); nog ongeveer 20 s"
    progress.finish("Súdermar", "gemaakt", 1.0)
    progress.finish("'s-Heerenveld", "gemaakt", 1.0)
    assert lines[-1].endswith("klaar")


def test_terminal_gets_one_updating_line_and_keeps_failures() -> None:
    screen = Terminal()
    lines: list[str] = []
    clock = Clock()
    progress = Progress(2, lines.append, screen, clock=clock)
    progress.start("Rivierstad")
    assert screen.getvalue().startswith("\r[0/2] bezig: Rivierstad · resterende tijd volgt")
    clock.now += 4
    progress.finish("Rivierstad", "gemaakt", 4.0)
    progress.start("Polderdam")
    progress.finish("Polderdam", "mislukt: kapot", 0.1)
    progress.close()
    output = screen.getvalue()
    assert lines == []  # everything went to the terminal line
    assert "\r[2/2] Polderdam: mislukt: kapot (0,1 s)\x1b[K\n" in output  # a failure stays visible
    assert "Rivierstad: gemaakt" not in output  # a success only moves the line on
    assert output.endswith("\r\x1b[K")
