"""Progress of a batch: the municipalities in hand and the time left, on a terminal or in a CI log."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from typing import TextIO

from assembler.dutch import seconds as seconds_text

CLEAR_LINE = "\x1b[K"


def duration(seconds: float) -> str:
    """Dutch wording of a duration: '8 s', '4 min 10 s', '1 u 5 min'."""
    total = max(0, round(seconds))
    if total < 60:
        return f"{total} s"
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} u {minutes} min" if minutes else f"{hours} u"


class Progress:
    """On a terminal one line that keeps updating; elsewhere one plain line per finished municipality.

    The time left is the time per municipality so far times what is left, which
    already accounts for the number of workers.
    """

    def __init__(
        self,
        total: int,
        echo: Callable[[str], None],
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.echo = echo
        self.stream = stream if stream is not None and _isatty(stream) else None
        self.clock = clock
        self.started_at = clock()
        self.done = 0
        self.in_hand: list[str] = []

    def start(self, name: str) -> None:
        self.in_hand.append(name)
        self._redraw()

    def drop(self, name: str) -> None:
        """A municipality went back in the queue (its worker died); it is no longer in hand."""
        if name in self.in_hand:
            self.in_hand.remove(name)

    def finish(self, name: str, outcome: str, seconds: float) -> None:
        """outcome is a short Dutch phrase: 'gemaakt' or 'mislukt: reden'."""
        self.drop(name)
        self.done += 1
        line = f"{self._counter()} {name}: {outcome} ({seconds_text(seconds)})"
        if self.stream is not None:
            # Keep failures in the scrollback; successes only move the updating line on.
            if not outcome.startswith("gemaakt"):
                self._write(f"\r{line}{CLEAR_LINE}\n")
            self._redraw()
        else:
            self.echo(f"{line}; {self._status()}")

    def close(self) -> None:
        if self.stream is not None:
            self._write(f"\r{CLEAR_LINE}")

    def remaining(self) -> float | None:
        if not self.done:
            return None
        per_item = (self.clock() - self.started_at) / self.done
        return per_item * (self.total - self.done)

    def _counter(self) -> str:
        width = len(str(self.total))
        return f"[{self.done:>{width}}/{self.total}]"

    def _status(self) -> str:
        parts = []
        if self.in_hand:
            parts.append("bezig: " + ", ".join(self.in_hand))
        left = self.remaining()
        if self.done >= self.total:
            parts.append("klaar")
        elif left is None:
            parts.append("resterende tijd volgt na de eerste gemeente")
        else:
            parts.append(f"nog ongeveer {duration(left)}")
        return " · ".join(parts)

    def _redraw(self) -> None:
        if self.stream is not None:
            # A line wider than the terminal wraps, and the carriage return would then pile lines up.
            width = shutil.get_terminal_size().columns - 1
            line = f"{self._counter()} {self._status()}"
            if len(line) > width:
                line = line[: max(width - 1, 10)] + "…"
            self._write(f"\r{line}{CLEAR_LINE}")

    def _write(self, text: str) -> None:
        assert self.stream is not None
        self.stream.write(text)
        self.stream.flush()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
