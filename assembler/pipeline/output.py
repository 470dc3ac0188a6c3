"""Writing outputs safely: inside the output folder only, via a temporary file and a rename."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from filelock import FileLock, Timeout

from assembler.errors import LockError, OutputError

TEMP_PREFIX = ".assembler-tmp-"
LOCK_NAME = ".assembler.lock"


@contextlib.contextmanager
def folder_lock(outdir: Path) -> Iterator[None]:
    """One run at a time per output folder: a batch for its whole run, a single build while it writes.

    flock is released by the OS when its holder dies, so no lock goes stale.
    """
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"kan de uitvoermap {outdir} niet maken ({exc.strerror or exc})") from exc
    lock = FileLock(str(outdir / LOCK_NAME), timeout=0)
    try:
        lock.acquire()
    except Timeout as exc:
        raise LockError(
            f"de uitvoermap {outdir} is in gebruik door een andere run van assembler (batch of build) "
            "die nog loopt; wacht tot die klaar is, of kies met -o een andere map"
        ) from exc
    try:
        yield
    finally:
        lock.release()


def safe_child(root: Path, name: str) -> Path:
    """root/name, refusing anything that would land outside root."""
    root = root.resolve()
    target = (root / name).resolve()
    if target != root and root not in target.parents:
        raise OutputError(f"'{name}' zou buiten de uitvoermap {root} terechtkomen; dat is niet toegestaan")
    return target


def _stage(path: Path, data: bytes) -> str:
    """data in a temporary file beside path, flushed to disk; returns the temporary file's name."""
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=path.suffix, dir=path.parent)
    try:
        # mkstemp makes the file private (0600); outputs are ordinary files for the team.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def atomic_write(path: Path, data: bytes) -> None:
    """Write data to path so that a reader sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _stage(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def held_interrupts() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block ends (POSIX), so a short commit is never cut in half.

    Where the platform cannot hold signals (Windows) the block runs unprotected; every single
    file is still written whole by its rename.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def write_files(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every file into folder as one step: all are staged as temporary files first and
    renamed only when every one is on disk, so a full disk leaves all old files as they were."""
    targets = [(safe_child(folder, name), data) for name, data in files.items()]
    folder.mkdir(parents=True, exist_ok=True)
    staged: list[str] = []
    try:
        for target, data in targets:
            staged.append(_stage(target, data))
        for tmp, (target, _) in zip(staged, targets, strict=True):
            os.replace(tmp, target)
    except BaseException:
        for tmp in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)  # already renamed ones are gone; the rest must not linger
        raise
    return [target for target, _ in targets]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def remove_temp_files(folder: Path) -> int:
    """Remove temporary files a killed run left behind; returns how many."""
    count = 0
    if folder.is_dir():
        for leftover in folder.rglob(f"{TEMP_PREFIX}*"):
            with contextlib.suppress(OSError):
                leftover.unlink()
                count += 1
    return count
