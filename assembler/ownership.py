"""Which files in an output folder the toolkit made, so it never overwrites someone else's file."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from assembler.errors import OutputError
from assembler.output import atomic_write

RECORD = ".assembler-uitvoer.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_record(folder: Path) -> dict[str, str]:
    try:
        raw = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = raw.get("bestanden") if isinstance(raw, dict) else None
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def check_writable(folder: Path, names: list[str]) -> None:
    """Refuse when a file we would replace was not made by us, or was changed since."""
    record = read_record(folder)
    foreign = []
    for name in names:
        target = folder / name
        if not target.exists():
            continue
        if target.is_dir() or name not in record or sha256(target.read_bytes()) != record[name]:
            foreign.append(name)
    if foreign:
        listed = ", ".join(foreign)
        raise OutputError(
            f"in {folder} staat al {listed}, niet gemaakt door de toolkit of daarna met de hand "
            "gewijzigd; verplaats of hernoem dat bestand (zodat uw wijzigingen bewaard blijven) "
            "of kies een andere uitvoermap met -o"
        )


def record_written(folder: Path, written: Mapping[str, bytes]) -> None:
    record = read_record(folder)
    record.update({name: sha256(data) for name, data in written.items()})
    payload = json.dumps({"bestanden": dict(sorted(record.items()))}, indent=2, sort_keys=True)
    atomic_write(folder / RECORD, (payload + "\n").encode("utf-8"))
