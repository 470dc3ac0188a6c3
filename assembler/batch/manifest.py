"""What a batch built from what: file hashes, per-municipality records and the manifest.json they make up.

Deciding that a municipality can be skipped only re-hashes the files its record
names; it never parses a profile, so a rerun without changes stays fast.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from assembler import __version__
from assembler.national import digest_of, load_content_info
from assembler.phone import Phone
from assembler.pipeline.output import atomic_write, safe_child
from assembler.resources import content_dir, templates_dir

MANIFEST_NAME = "manifest.json"
STATE_DIR = ".assembler-batch"
CHUNK = 1024 * 1024


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def relative(path: Path, base: Path) -> str:
    """path as seen from base, with forward slashes, so a manifest reads the same on every machine."""
    return Path(os.path.relpath(path, base)).as_posix()


@cache
def toolkit_fingerprint() -> dict[str, str]:
    """The tool version, the shipped templates and the national content: a change in any rebuilds all."""
    shipped = templates_dir()
    content = content_dir()
    h = hashlib.sha256()
    for path in sorted(p for p in shipped.rglob("*") if p.is_file() and content not in p.parents):
        if "__pycache__" in path.parts:
            continue
        h.update(relative(path, shipped).encode())
        h.update(b"\0")
        h.update(sha256_file(path).encode())
    info = load_content_info(content)
    return {
        "versie": __version__,
        "sjablonen": h.hexdigest(),
        "landelijke_inhoud": digest_of(content),
        # Readable beside the digest: which national text the documents rest on.
        "landelijke_inhoud_versie": info.versie,
        "landelijke_inhoud_datum": info.datum.isoformat(),
    }


class HashCache:
    """Hashes of the files under one folder, each file read once per run (a region file is every
    municipality's input)."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self._known: dict[str, str | None] = {}

    def remember(self, rel: str, sha: str) -> None:
        self._known[rel] = sha

    def get(self, rel: str) -> str | None:
        """The sha256 of base/rel, or None when the file is gone."""
        if rel not in self._known:
            try:
                self._known[rel] = sha256_file(self.base / rel)
            except OSError:
                self._known[rel] = None
        return self._known[rel]


@dataclass(frozen=True)
class Output:
    sha256: str
    grootte: int

    def as_json(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "grootte": self.grootte}


Stat = tuple[int, int]  # size and modification time in nanoseconds


def stat_of(path: Path) -> Stat | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def outputs_of(root: Path, rels: Iterable[str]) -> dict[str, Output]:
    """Hash and size of each output file under root."""
    result = {}
    for rel in sorted(rels):
        data = (root / rel).read_bytes()
        result[rel] = Output(sha256_bytes(data), len(data))
    return result


def stats_of(root: Path, rels: Iterable[str]) -> dict[str, Stat]:
    return {rel: st for rel in sorted(rels) if (st := stat_of(root / rel)) is not None}


class OutputCheck:
    """Whether recorded outputs are still there, unchanged.

    A whole country's outputs are over a gigabyte; hashing them all would make a rerun
    without changes slow. So, like git's index, a file whose size and modification time
    are what they were right after we wrote it counts as intact, and any other file is
    hashed and compared with its recorded sha256.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.hashes = HashCache(root)

    def intact(self, outputs: Mapping[str, Output], stats: Mapping[str, Stat]) -> dict[str, Stat] | None:
        """The files' current stats when every output is intact, else None."""
        current = {}
        for rel, expected in outputs.items():
            st = stat_of(self.root / rel)
            if st is None or st[0] != expected.grootte:
                return None
            if stats.get(rel) != st and self.hashes.get(rel) != expected.sha256:
                return None
            current[rel] = st
        return current


@dataclass(frozen=True)
class Record:
    """One built municipality: its inputs and outputs with hashes, and its entry for the regional outputs."""

    profiel: str
    gemeente: str
    map: str
    toolkit: dict[str, str]
    invoer: dict[str, str]
    uitvoer: dict[str, Output]
    gegevens: dict[str, Any]
    vers_tot: str | None = None  # after this date the stale-contact verdict may change: rebuild
    stat: dict[str, Stat] = field(default_factory=dict)
    inhoud: str = ""  # a hash of all of the above except stat: what the regional outputs depend on
    vergelijk: dict[str, Any] = field(default_factory=dict)  # the resolved profile, to compare next run

    def content(self) -> dict[str, Any]:
        return {
            "profiel": self.profiel,
            "gemeente": self.gemeente,
            "map": self.map,
            "toolkit": self.toolkit,
            "invoer": self.invoer,
            "uitvoer": {k: v.as_json() for k, v in self.uitvoer.items()},
            "gegevens": self.gegevens,
            "vers_tot": self.vers_tot,
            "vergelijk": self.vergelijk,
        }

    def sealed(self) -> Record:
        """The record with its content hash filled in."""
        return replace(self, inhoud=sha256_bytes(dumps(self.content())))

    def dump(self) -> bytes:
        stats = {k: list(v) for k, v in self.stat.items()}
        return dumps({**self.content(), "stat": stats, "inhoud": self.inhoud})

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Record:
        return cls(
            profiel=str(data["profiel"]),
            gemeente=str(data["gemeente"]),
            map=str(data["map"]),
            toolkit=dict(data["toolkit"]),
            invoer={str(k): str(v) for k, v in data["invoer"].items()},
            uitvoer={str(k): Output(str(v["sha256"]), int(v["grootte"])) for k, v in data["uitvoer"].items()},
            gegevens=dict(data["gegevens"]),
            vers_tot=data.get("vers_tot"),
            stat={str(k): (int(v[0]), int(v[1])) for k, v in data.get("stat", {}).items()},
            inhoud=str(data["inhoud"]),
            vergelijk=dict(data.get("vergelijk") or {}),
        )

    def inputs_unchanged(self, toolkit: Mapping[str, str], inputs: HashCache, today_iso: str) -> bool:
        """Same toolkit, same input files, and no contact check has gone stale since."""
        return (
            self.toolkit == dict(toolkit)
            and (self.vers_tot is None or today_iso <= self.vers_tot)
            and all(inputs.get(rel) == sha for rel, sha in self.invoer.items())
        )


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def jsonable(value: Any) -> Any:
    """Profile data as JSON: dates become ISO text (see ``dated`` for the way back), phone numbers
    the text they print (what a change report compares and shows)."""
    if isinstance(value, Phone):
        return str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def dated(value: Any) -> Any:
    """The inverse of ``jsonable``: ISO dates become dates again, so changes read '15 oktober 2026'."""
    if isinstance(value, dict):
        return {k: dated(v) for k, v in value.items()}
    if isinstance(value, list):
        return [dated(v) for v in value]
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def dumps(data: Any) -> bytes:
    """JSON with sorted keys and a final newline: equal data, equal bytes."""
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


@dataclass
class StateStore:
    """Per-municipality records in a hidden folder of the output folder, one small file each.

    A record is written as soon as its municipality is done, so a killed run loses
    no finished work; the manifest is assembled from the records at the end.
    """

    outdir: Path
    folder: Path = field(init=False)

    def __post_init__(self) -> None:
        self.folder = safe_child(self.outdir, STATE_DIR)

    def _path(self, profiel: str) -> Path:
        # Named after the profile, not the slug, so a renamed municipality keeps one record.
        return self.folder / f"{sha256_bytes(profiel.encode())[:20]}.json"

    def load(self) -> dict[str, Record]:
        records: dict[str, Record] = {}
        if not self.folder.is_dir():
            return records
        for path in sorted(self.folder.glob("*.json")):
            if path.name == REGION_STATE:
                continue
            try:
                record = Record.from_json(json.loads(path.read_bytes()))
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                continue  # an unreadable record only means that municipality is built again
            if path == self._path(record.profiel):
                records[record.profiel] = record
        return records

    def save(self, record: Record) -> None:
        atomic_write(self._path(record.profiel), record.dump())

    def forget(self, profiel: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(profiel).unlink()

    def load_region(self) -> RegionState:
        """What the regional outputs were last made from; an empty state when unknown."""
        try:
            data = json.loads((self.folder / REGION_STATE).read_text(encoding="utf-8"))
            return RegionState(
                str(data["sleutel"]),
                {str(k): Output(str(v["sha256"]), int(v["grootte"])) for k, v in data["uitvoer"].items()},
                {str(k): (int(v[0]), int(v[1])) for k, v in data["stat"].items()},
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return RegionState("", {}, {})

    def save_region(self, state: RegionState) -> None:
        data = {
            "sleutel": state.sleutel,
            "uitvoer": {k: v.as_json() for k, v in state.uitvoer.items()},
            "stat": {k: list(v) for k, v in state.stat.items()},
        }
        atomic_write(self.folder / REGION_STATE, dumps(data))


@dataclass(frozen=True)
class RegionState:
    sleutel: str
    uitvoer: dict[str, Output]
    stat: dict[str, Stat]


REGION_STATE = "regio.json"


def manifest(
    toolkit: Mapping[str, str],
    region_name: str,
    region_file: str,
    region_sha: str,
    region_outputs: Mapping[str, Output],
    records: Iterable[Record],
    failures: Mapping[str, tuple[str, str, str]],
    site: Mapping[str, Output] | None = None,
) -> dict[str, Any]:
    """The manifest: every output with hash and size, every input with hash, the toolkit; no timestamps.

    failures maps a folder name to (municipality, profile, reason) for those that failed this run;
    site holds the regional website's files when this run wrote or checked it.
    """
    municipalities: dict[str, Any] = {}
    for record in records:
        municipalities[record.map] = {
            "gemeente": record.gemeente,
            "profiel": record.profiel,
            "invoer": record.invoer,
            "uitvoer": {k: v.as_json() for k, v in record.uitvoer.items()},
        }
    for folder, (name, profile, reason) in failures.items():
        entry = municipalities.setdefault(folder, {"gemeente": name, "profiel": profile})
        entry["mislukt"] = reason
    return {
        "toolkit": dict(toolkit),
        "regio": {
            "naam": region_name,
            "invoer": {region_file: region_sha},
            "uitvoer": {k: v.as_json() for k, v in region_outputs.items()},
        },
        "gemeenten": municipalities,
        **({"site": {"uitvoer": {k: v.as_json() for k, v in sorted(site.items())}}} if site else {}),
    }
