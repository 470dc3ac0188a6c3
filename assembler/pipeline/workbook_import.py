"""Import a filled-in workbook into its YAML profile: read, check as `validate` does, write only when all is well.

What changed is told twice: in the words of the change report (`assembler wijzigingen`) and per cell.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assembler.errors import AssemblerError, BuildError, ProfileError
from assembler.model.changes import compare_profiles, compare_regions
from assembler.national import national_content
from assembler.pipeline.compare import Comparison
from assembler.pipeline.output import atomic_write, held_interrupts
from assembler.problems import Problem, sort_problems
from assembler.profile.loader import Document, Path_, dotted, load_document
from assembler.profile.reading import Profile, Region, load_profile, load_region
from assembler.profile.workbook.layout import REGIO_SHEETS, municipality_sheets
from assembler.profile.workbook.members import region_members
from assembler.profile.workbook.read import WorkbookDocument, read_parts, read_workbook
from assembler.profile.workbook.update import updated_text


@dataclass(frozen=True)
class FieldChange:
    """One field the workbook changed: its file, where it stands in workbook and profile, before and after."""

    file: str
    cell: str
    path: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ImportResult:
    written: tuple[Path, ...]
    changes: tuple[FieldChange, ...]
    warnings: tuple[Problem, ...]
    # The change report between the files before and after; None when the old files did not validate.
    report: Comparison | None = None


def import_workbook(workbook: Path, target: Path, today: dt.date | None = None) -> ImportResult:
    """Bring target (a gemeente or regio YAML, and a region's municipalities) in line with workbook.

    Raises ProfileError, with every problem named by sheet and cell, and writes nothing, on any error.
    """
    if target.suffix.lower() in (".xlsx", ".xlsm", ".xls") and workbook.suffix.lower() in (".yaml", ".yml"):
        raise AssemblerError(f"eerst de werkmap, dan het profiel: assembler importeer {target} {workbook}")
    base = load_document(target)
    display = str(workbook)
    if base.data.get("soort") == "regio":
        members = region_members(target, base.data)
        parts = [(base, REGIO_SHEETS), *((m, municipality_sheets(label)) for label, m in members)]
        bases = [base, *(m for _, m in members)]
        docs = read_parts(workbook, parts, display)
        warnings, region, profiles = _check_region(docs, today)
    else:
        bases = [base]
        docs = [read_workbook(workbook, base, display)]
        warnings, profile = _check_profile(docs[0], today)
        region, profiles = None, [profile]
    changed: list[tuple[Path, str]] = []
    changes: list[FieldChange] = []
    for old, new in zip(bases, docs, strict=True):
        found = _changes(old, new)
        if found:
            text = updated_text(old.path.read_text(encoding="utf-8-sig"), old.data, new.data)
            _confirm(text, old.path, new.data)
            changed.append((old.path, text))
            changes += found
    # The old edition is read for the report before anything is replaced.
    report = _report(target, today, region, profiles) if changes else None
    # Every file is checked and its new text confirmed before the first one is replaced.
    with held_interrupts():
        for path, text in changed:
            atomic_write(path, text.encode("utf-8"))
    return ImportResult(tuple(p for p, _ in changed), tuple(changes), tuple(sort_problems(warnings)), report)


def _report(
    target: Path, today: dt.date | None, region: Region | None, profiles: list[Profile]
) -> Comparison | None:
    """The change report from the files as they were to the workbook's edition (both resolved)."""
    labels = national_content()
    try:
        if region is None:  # a municipality on its own
            before = load_profile(target, today=today)
            return Comparison(
                ((profiles[0].naam, tuple(compare_profiles(before.data, profiles[0].data, labels))),)
            )
        old_region = load_region(target, today=today)
        groups = [(f"Regio {region.naam}", tuple(compare_regions(old_region.data, region.data, labels)))]
        for profile in profiles:
            before = load_profile(profile.source, region=old_region, today=today)
            groups.append((profile.naam, tuple(compare_profiles(before.data, profile.data, labels))))
    except ProfileError:
        return None  # the old edition had errors: only the cell list can say what changed
    return Comparison(tuple(groups))


def _own(doc: WorkbookDocument, problems: Sequence[Problem]) -> list[Problem]:
    """The cells that could not be read, then validation's problems by cell: every error at once.

    A cell that could not be read is named once, for that reason, not again for the value it lacks.
    """
    unread = {p.cell for p in doc.unread}
    return [*doc.unread, *(p for p in problems if p.cell not in unread)]


def _check_profile(doc: WorkbookDocument, today: dt.date | None) -> tuple[list[Problem], Profile]:
    try:
        region = _region(doc.path, doc.data.get("regio"), today)
        profile = load_profile(doc.path, today=today, document=doc, region=region)
    except ProfileError as exc:
        # The region's own warnings are not about this workbook; `validate` shows them.
        own = [p for p in _own(doc, exc.problems) if p.is_error or p.file == doc.display]
        raise ProfileError(sort_problems(own)) from None
    warnings = [p for p in profile.warnings if p.file == doc.display]
    if doc.unread:
        raise ProfileError(sort_problems(_own(doc, warnings)))
    return warnings, profile


def _check_region(
    docs: list[WorkbookDocument], today: dt.date | None
) -> tuple[list[Problem], Region, list[Profile]]:
    region_doc, *municipalities = docs
    try:
        region = load_region(region_doc.path, today=today, document=region_doc)
    except ProfileError as exc:
        # Without a region the municipalities cannot be checked; their unreadable cells can be named.
        problems = _own(region_doc, exc.problems) + [p for doc in municipalities for p in doc.unread]
        raise ProfileError(sort_problems(problems)) from None
    problems = _own(region_doc, region.warnings)
    profiles = []
    for doc in municipalities:
        try:
            profile = load_profile(doc.path, today=today, document=doc, region=region)
        except ProfileError as exc:
            problems += _own(doc, exc.problems)
            continue
        problems += _own(doc, profile.warnings)
        profiles.append(profile)
    if any(p.is_error for p in problems):
        raise ProfileError(sort_problems(problems))
    return problems, region, profiles


def _region(target: Path, rel: Any, today: dt.date | None) -> Region | None:
    """The municipality's region, named as seen from the YAML file (not from the workbook)."""
    if not isinstance(rel, str) or not (target.parent / rel).is_file():
        return None  # load_profile names a missing region itself
    path = target.parent / rel
    return load_region(path, os.path.normpath(path), today)


def _confirm(text: str, target: Path, wanted: dict[str, Any]) -> None:
    """Read the new YAML back before it replaces the old: it must hold exactly what the workbook said."""
    handle, name = tempfile.mkstemp(suffix=".yaml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        data = load_document(Path(name)).data
    except ProfileError:
        data = None
    finally:
        os.unlink(name)
    if data != wanted:
        raise BuildError(
            f"het bijgewerkte profiel {target} kon niet goed worden geschreven; er is niets veranderd"
        )


def _changes(base: Document, doc: WorkbookDocument) -> list[FieldChange]:
    def cell(path: Path_) -> str:
        line = doc.where(path)[0]
        return doc.cells[line - 1] if 1 <= line <= len(doc.cells) else ""

    return field_changes(base.data, doc.data, str(doc.path), cell)


def field_changes(
    old: Any, new: Any, file: str, cell: Callable[[Path_], str] = lambda path: ""
) -> list[FieldChange]:
    """Every field that differs between two editions of a file's raw data, named by its path (and cell)."""
    found: list[FieldChange] = []
    _walk(old, new, (), file, cell, found)
    return found


def _walk(
    old: Any, new: Any, path: Path_, file: str, cell: Callable[[Path_], str], found: list[FieldChange]
) -> None:
    in_group = not path or isinstance(path[-1], str)
    if in_group and old is None and _groups(new):
        # A new group (not a new partner): name each field that was filled in; a new list of
        # groups (the first partner or edition): name each item.
        old = type(new)()
    elif in_group and new is None and _groups(old):
        new = type(old)()
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            _walk(old.get(key), new.get(key), (*path, key), file, cell, found)
    elif isinstance(old, list) and isinstance(new, list) and not (_scalars(old) and _scalars(new)):
        for i in range(max(len(old), len(new))):
            _walk(
                old[i] if i < len(old) else None, new[i] if i < len(new) else None, (*path, i), file, cell, found
            )
    elif type(old) is not type(new) or old != new:
        found.append(FieldChange(file, cell(path), dotted(path), old, new))


def _scalars(items: list[Any]) -> bool:
    return all(not isinstance(i, dict | list) for i in items)


def _groups(value: Any) -> bool:
    """A filled-in group, or a list of groups: what a change list names field by field."""
    return bool(value) and (isinstance(value, dict) or (isinstance(value, list) and not _scalars(value)))


def describe(change: FieldChange) -> str:
    """One change as a line for the user: cell, field, old -> new."""
    where = f"{change.cell}: " if change.cell else ""
    if change.old is None and isinstance(change.new, dict):
        return f"{where}{change.path}: toegevoegd ({_shown(change.new)})"
    if change.new is None and isinstance(change.old, dict):
        return f"{where}{change.path}: verwijderd ({_shown(change.old)})"
    return f"{where}{change.path}: {_shown(change.old)} -> {_shown(change.new)}"


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dict):
        # A partner by its name or id, an earlier edition by its version.
        name = value.get("naam") or value.get("id") or value.get("versie")
        return f"'{name}'" if name else "groep velden"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    text = " / ".join(line for line in str(value).strip().splitlines())
    return f"'{text[:57]}...'" if len(text) > 60 else f"'{text}'"
