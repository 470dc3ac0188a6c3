"""A second core for one build: a function run in a forked child while the parent goes on.

A single `assembler build` or `assembler cards` has parts that do not depend on each
other (the PDF routekaart and the pocket cards; the loose cards and the A4 sheets once
the faces are laid out). On a machine with more than one core the child takes one of
them; its result, or the exception it raised, comes back pickled through a pipe, so the
caller sees exactly what it would have seen running the function itself.

Only where fork is safe and there is a core to spare: on Linux, with more than one CPU,
not inside a batch worker (the batch already keeps every core busy and turns it off),
and not when ASSEMBLER_PARALLEL=0. Otherwise the function simply runs in the caller when
its result is asked for. The outputs are the same bytes either way.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Generic, TypeVar

from assembler.errors import AssemblerError

T = TypeVar("T")

_allowed = sys.platform.startswith("linux") and hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def disable() -> None:
    """No forking from now on in this process (batch workers call this)."""
    global _allowed
    _allowed = False


@contextlib.contextmanager
def suspended() -> Iterator[None]:
    """No forking while the block runs (a batch told to use one process at a time)."""
    global _allowed
    before, _allowed = _allowed, False
    try:
        yield
    finally:
        _allowed = before


def enabled() -> bool:
    return _allowed and os.environ.get("ASSEMBLER_PARALLEL", "1") != "0"


class Forked(Generic[T]):
    """`fn()` started in a child process; `result()` returns its value or raises its exception.

    Use it as a context manager, so a child whose result is no longer wanted (the parent
    failed or was interrupted) is stopped and reaped.
    """

    def __init__(self, fn: Callable[[], T]) -> None:
        self._fn = fn
        self._pid: int | None = None
        self._fd = -1
        if enabled():
            self._start()

    def _start(self) -> None:
        read, write = os.pipe()
        # Frozen objects are left alone by the garbage collector, so neither process copies
        # the pages they share just to look at them (copy-on-write).
        gc.freeze()
        pid = os.fork()
        if pid == 0:  # the child: do the work, send it back, and leave without running any cleanup
            gc.disable()  # it lives for a moment; what it makes is freed when it exits
            os.close(read)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            try:
                payload = _pickled(self._fn)
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(payload)
            finally:
                os._exit(0)
        gc.unfreeze()
        os.close(write)
        self._pid, self._fd = pid, read

    def result(self) -> T:
        if self._pid is None:
            return self._fn()
        fd, self._fd = self._fd, -1
        try:
            with os.fdopen(fd, "rb") as pipe:
                payload = pipe.read()
        except BaseException:  # interrupted while waiting: stop the child now, not when it is done
            self.cancel()
            raise
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        if not payload:
            raise AssemblerError(
                f"een hulpproces van de build stopte onverwacht ({_describe(status)}); probeer het opnieuw "
                "of zet ASSEMBLER_PARALLEL=0"
            )
        ok, value = pickle.loads(payload)  # our own child wrote it, through our own pipe
        if ok:
            return value
        raise value

    def cancel(self) -> None:
        """Stop the child if it still runs and reap it."""
        if self._pid is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        os.waitpid(self._pid, 0)
        self._pid = None

    def __enter__(self) -> Forked[T]:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.cancel()


def _pickled(fn: Callable[[], object]) -> bytes:
    try:
        return pickle.dumps((True, fn()))
    except BaseException as exc:  # every failure goes back to the parent, to be raised there
        try:
            return pickle.dumps((False, exc))
        except Exception:  # an exception that cannot be pickled still needs its message
            return pickle.dumps((False, AssemblerError(f"{type(exc).__name__}: {exc}")))


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signaal {os.WTERMSIG(status)}"
    return f"afsluitcode {os.waitstatus_to_exitcode(status)}"
