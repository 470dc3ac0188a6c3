"""Writing outputs safely: inside the output folder only, via a temporary file and a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from assembler.errors import OutputError

TEMP_PREFIX = ".assembler-tmp-"


def safe_child(root: Path, name: str) -> Path:
    """root/name, refusing anything that would land outside root."""
    root = root.resolve()
    target = (root / name).resolve()
    if target != root and root not in target.parents:
        raise OutputError(f"'{name}' zou buiten de uitvoermap {root} terechtkomen; dat is niet toegestaan")
    return target


def atomic_write(path: Path, data: bytes) -> None:
    """Write data to path so that a reader sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=path.suffix, dir=path.parent)
    try:
        # mkstemp makes the file private (0600); outputs are ordinary files for the team.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


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
