"""Which files in an output folder the toolkit made, so it never overwrites someone else's file."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from assembler.errors import OutputError
from assembler.pipeline.output import atomic_write

RECORD = ".assembler-uitvoer.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_record(folder: Path) -> dict[str, list[str]]:
    """Per file name, the hashes of the versions we wrote (the last one, or two during a write)."""
    try:
        raw = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = raw.get("bestanden") if isinstance(raw, dict) else None
    if not isinstance(files, dict):
        return {}
    return {str(k): [str(h) for h in v] if isinstance(v, list) else [str(v)] for k, v in files.items()}


def check_writable(folder: Path, names: list[str]) -> None:
    """Refuse when a file we would replace was not made by us, or was changed since."""
    record = read_record(folder)
    foreign = []
    for name in names:
        target = folder / name
        if not target.exists():
            continue
        if target.is_dir() or sha256(target.read_bytes()) not in record.get(name, []):
            foreign.append(name)
    if foreign:
        listed = ", ".join(foreign)
        raise OutputError(
            f"in {folder} staat al {listed}, niet gemaakt door de toolkit of daarna met de hand "
            "gewijzigd; verplaats of hernoem dat bestand (zodat uw wijzigingen bewaard blijven) "
            "of kies een andere uitvoermap met -o"
        )


def _save(folder: Path, record: dict[str, list[str]]) -> None:
    payload = json.dumps({"bestanden": dict(sorted(record.items()))}, indent=2, sort_keys=True)
    atomic_write(folder / RECORD, (payload + "\n").encode("utf-8"))


def announce(folder: Path, rendered: Mapping[str, bytes]) -> None:
    """Before writing: accept both the old and the new version, so a run killed half-way
    leaves files that the next run still recognises as its own."""
    record = read_record(folder)
    for name, data in rendered.items():
        record[name] = [*record.get(name, [])[-1:], sha256(data)]
    _save(folder, record)


def record_written(folder: Path, written: Mapping[str, bytes]) -> None:
    """After writing: only the new versions are ours."""
    record = read_record(folder)
    record.update({name: [sha256(data)] for name, data in written.items()})
    _save(folder, record)


def write_owned(outdir: Path, rel: str, data: bytes) -> bool:
    """Write outdir/rel unless it already holds exactly data; never over a file someone else made.
    Returns whether it wrote."""
    target = outdir / rel
    try:
        if target.read_bytes() == data:
            return False
    except OSError:
        pass
    folder, name = target.parent, target.name
    check_writable(folder, [name])
    announce(folder, {name: data})
    atomic_write(target, data)
    record_written(folder, {name: data})
    return True
