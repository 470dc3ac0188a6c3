"""Which municipalities of a region a batch builds: each with its name and folder, skipped when its
record still matches the inputs and outputs on disk, refused when two would share a folder."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from assembler.batch.manifest import HashCache, OutputCheck, Record, StateStore, relative
from assembler.errors import AssemblerError, ProfileError
from assembler.naming import slug
from assembler.profile.loader import load_document
from assembler.profile.reading import Region


@dataclass
class Item:
    """One municipality of the region as the plan sees it."""

    path: Path
    display: str
    naam: str
    slug: str
    valid: bool  # its record matches the inputs and outputs on disk
    current: bool  # valid, and no --force: skip it
    conflict: str | None = None


@dataclass
class Planner:
    """Plans a run from the records of the previous one; `records` is updated where a record's
    outputs were verified by hashing (copied or touched files), so next time a stat will do."""

    region: Region
    base: Path
    toolkit: dict[str, str]
    inputs: HashCache
    outputs: OutputCheck
    store: StateStore
    records: dict[str, Record]
    force: bool

    def plan(self, today: str) -> list[Item]:
        items = []
        for path in self.region.municipalities:
            display = relative(path, self.base)
            record = self.records.get(display)
            valid = record is not None and self._still_valid(record, today)
            if record is not None and (valid or self.inputs.get(display) == record.invoer.get(display)):
                naam, folder = record.gemeente, record.map
            else:
                naam = peek_name(path, display)
                folder = slug(naam)
            items.append(Item(path, display, naam, folder, valid, valid and not self.force))
        mark_conflicts(items, self.region.naam)
        return items

    def _still_valid(self, record: Record, today: str) -> bool:
        if not record.inputs_unchanged(self.toolkit, self.inputs, today):
            return False
        stats = self.outputs.intact(record.uitvoer, record.stat)
        if stats is None:
            return False
        if stats != record.stat:
            self.records[record.profiel] = replace(record, stat=stats)
            self.store.save(self.records[record.profiel])
        return True


def mark_conflicts(items: list[Item], region_naam: str) -> None:
    """Two municipalities must never write into the same folder."""
    taken = {f"regio-{slug(region_naam)}": f"het regiodocument van {region_naam}"}
    for item in items:
        other = taken.get(item.slug)
        if other is not None:
            item.conflict = (
                f"zou in dezelfde map '{item.slug}/' komen als {other}; geef elke gemeente een eigen naam"
            )
            item.valid = item.current = False
        else:
            taken[item.slug] = f"{item.naam} ({item.display})"


def select(items: list[Item], only: Sequence[str]) -> list[Item]:
    """The items --alleen names (by name, slug or file name); all of them without it."""
    if not only:
        return items
    wanted = {w.casefold(): w for w in only}
    chosen, matched = [], set()
    for item in items:
        keys = {item.naam.casefold(), item.slug, Path(item.display).stem.casefold()}
        hits = {w for w in wanted if w in keys or slug(wanted[w]) == item.slug}
        if hits:
            chosen.append(item)
            matched |= hits
    unknown = [wanted[w] for w in wanted if w not in matched]
    if unknown:
        raise AssemblerError(
            f"onbekende gemeente bij --alleen: {', '.join(unknown)}; deze regio heeft: "
            + ", ".join(i.naam for i in items)
        )
    return chosen


def peek_name(path: Path, display: str) -> str:
    """The municipality's name without validating the profile; a broken file shows as its file name."""
    try:
        name = load_document(path, display).data.get("naam")
    except (ProfileError, OSError):
        name = None
    return name.strip() if isinstance(name, str) and name.strip() else path.stem
