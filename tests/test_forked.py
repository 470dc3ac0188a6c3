"""Work on a second core: the child's result or failure comes back as if the caller had run it."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assembler import forked
from assembler.errors import AssemblerError, BuildError
from assembler.forked import Forked
from tests.conftest import Invoke
from tests.tools import NO_SECOND_CORE

pytestmark = pytest.mark.skipif(not forked.enabled(), reason=NO_SECOND_CORE)


class Unpicklable(Exception):
    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("cannot pickle this")


def _fail() -> None:
    raise BuildError("de zakkaarten passen niet")


def _die() -> None:
    os._exit(3)


def test_the_child_runs_elsewhere_and_its_value_comes_back() -> None:
    with Forked(lambda: (os.getpid(), b"x" * 3_000_000)) as pending:
        pid, data = pending.result()
    assert pid != os.getpid()
    assert data == b"x" * 3_000_000  # more than a pipe holds at once


def test_an_error_in_the_child_is_raised_in_the_parent_with_its_type_and_message() -> None:
    with Forked(_fail) as pending, pytest.raises(BuildError, match="de zakkaarten passen niet"):
        pending.result()


def test_an_error_that_cannot_be_pickled_still_arrives_with_its_message() -> None:
    def fail() -> None:
        raise Unpicklable("vreemde fout")

    with Forked(fail) as pending, pytest.raises(AssemblerError, match="Unpicklable: vreemde fout"):
        pending.result()


def test_a_child_that_dies_is_reported_in_dutch() -> None:
    with Forked(_die) as pending, pytest.raises(AssemblerError, match=r"stopte onverwacht.*afsluitcode 3"):
        pending.result()


def test_a_child_no_longer_wanted_is_stopped_and_reaped() -> None:
    started = time.monotonic()
    with Forked(lambda: time.sleep(30)) as pending:
        pid = pending._pid
        assert pid is not None
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped: no zombie left


def test_suspended_and_the_environment_switch_keep_everything_in_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with forked.suspended():
        assert Forked(os.getpid).result() == os.getpid()
    assert Forked(os.getpid).result() != os.getpid()
    monkeypatch.setenv("ASSEMBLER_PARALLEL", "0")
    assert Forked(os.getpid).result() == os.getpid()


@pytest.fixture
def both_ways(
    run: Invoke, profile: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., tuple[tuple[str, dict[str, bytes]], tuple[str, dict[str, bytes]]]]]:
    def build(*args: str) -> tuple[tuple[str, dict[str, bytes]], tuple[str, dict[str, bytes]]]:
        # A house colour too light for white text: the cards warn, so warnings come from a builder.
        path = profile(('hoofdkleur: "#1F5C99"', 'hoofdkleur: "#7FB2E5"'))
        results = []
        for switch in ("1", "0"):
            monkeypatch.setenv("ASSEMBLER_PARALLEL", switch)
            out = tmp_path / f"uit-{switch}"
            result = run(*args, path, "-o", out)
            assert result.exit_code == 0, result.output
            files = {p.name: p.read_bytes() for p in sorted((out / "testdam").glob("[!.]*"))}
            results.append((result.output.replace(str(out), "UIT"), files))
        return results[0], results[1]

    yield build


def test_a_build_on_two_cores_gives_the_same_bytes_and_messages_as_on_one(
    both_ways: Callable[..., tuple],
) -> None:
    (output, files), (output_alone, files_alone) = both_ways("build")
    assert "waarschuwing: huisstijl.hoofdkleur: de huiskleur" in output
    assert output == output_alone
    assert sorted(files) == [
        "routekaart-testdam.docx",
        "routekaart-testdam.html",
        "routekaart-testdam.odt",
        "routekaart-testdam.pdf",
        "zakkaarten-testdam-a4.pdf",
        "zakkaarten-testdam.pdf",
    ]
    assert files == files_alone


def test_interrupted_while_waiting_the_parent_stops_the_child_at_once() -> None:
    import signal as signals

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signals.signal(signals.SIGALRM, interrupt)
    started = time.monotonic()
    try:
        with Forked(lambda: time.sleep(30)) as pending:
            pid = pending._pid
            assert pid is not None
            signals.setitimer(signals.ITIMER_REAL, 0.3)
            with pytest.raises(KeyboardInterrupt):
                pending.result()
    finally:
        signals.setitimer(signals.ITIMER_REAL, 0)
        signals.signal(signals.SIGALRM, previous)
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
