"""The whole reading chain: load, validate, merge the region, check across fields; a Profile or every problem."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler.errors import ProfileError
from assembler.national import national_content
from assembler.problems import Problem, sort_problems
from assembler.profile import cardreach, crosscheck, glyphs
from assembler.profile.edition import check_edition, content_names
from assembler.profile.examples import example_values
from assembler.profile.loader import Document, load_document
from assembler.profile.merge import origins, resolve
from assembler.profile.validation import validate_document


@dataclass(frozen=True)
class Region:
    """A validated region file and the municipality files it lists."""

    source: Path
    display: str
    data: dict[str, Any]
    municipalities: tuple[Path, ...]
    warnings: tuple[Problem, ...]

    @property
    def naam(self) -> str:
        return str(self.data["naam"])


@dataclass(frozen=True)
class Profile:
    """A municipality profile with everything it inherits filled in, ready for tailoring."""

    source: Path
    display: str
    data: dict[str, Any]
    region: Region | None
    warnings: tuple[Problem, ...]
    # 'section.field' -> 'regio' or 'standaard': choices the municipality did not write itself.
    herkomst: dict[str, str] = field(default_factory=dict)

    @property
    def naam(self) -> str:
        return str(self.data["naam"])

    def file(self, field: str) -> Path | None:
        """A path field (logo, sjabloon) joined to the profile's own folder, links left as they are."""
        value = self.data.get(field)
        return self.source.parent / value if isinstance(value, str) else None


def _display(path: Path, display: str | None) -> str:
    return display or str(path)


def _errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)


def _kind_problem(doc: Document, data: dict[str, Any], wanted: str) -> list[Problem]:
    kind = data.get("soort")
    if kind in ("gemeente", "regio") and kind != wanted:
        what = "een regiobestand" if kind == "regio" else "een gemeenteprofiel"
        return [doc.problem(("soort",), f"dit is {what}; hier is een bestand met 'soort: {wanted}' nodig")]
    return []


def load_region(
    path: Path | str,
    display: str | None = None,
    today: dt.date | None = None,
    document: Document | None = None,
) -> Region:
    """Read and validate a region file (or ``document``, already read from elsewhere, standing in for it)."""
    path = Path(path)
    today = today or dt.date.today()
    doc = document or load_document(path, _display(path, display))
    data, problems = validate_document(doc)
    problems += _kind_problem(doc, data, "regio")
    if not _errors(problems):
        problems += crosscheck.unique_ids(doc)
        problems += crosscheck.freshness(doc, today)
        problems += glyphs.printable(doc, data)
        problems += crosscheck.placeholders(doc)
        problems += crosscheck.recorded_checks(doc, national_content(), today)
        problems += example_values(doc)
        problems += cardreach.partner_numbers(doc, data.get("veilig_thuis"))
        problems += cardreach.marked_partners(doc, data.get("veilig_thuis"))
    municipalities = []
    for i, rel in enumerate(data.get("gemeenten") or []):
        if not isinstance(rel, str):
            continue
        # Joined, not resolved: a place printed for this file must not climb through a symlink.
        target = path.absolute().parent / rel
        if not target.is_file():
            problems.append(
                doc.problem(("gemeenten", i), f"gemeenteprofiel '{rel}' niet gevonden (gezocht: {target})")
            )
        else:
            municipalities.append(target)
    if _errors(problems):
        raise ProfileError(sort_problems(problems))
    return Region(path.absolute(), doc.display, data, tuple(municipalities), tuple(problems))


def load_profile(
    path: Path | str,
    display: str | None = None,
    region: Region | None = None,
    today: dt.date | None = None,
    document: Document | None = None,
) -> Profile:
    """Read, validate and resolve one municipality; raise ProfileError with every problem found.

    ``document`` stands in for the file's content (a workbook read back), judged as if it stood at path.
    """
    path = Path(path)
    today = today or dt.date.today()
    doc = document or load_document(path, _display(path, display))
    data, problems = validate_document(doc)
    problems += _kind_problem(doc, data, "gemeente")
    if _errors(problems):
        raise ProfileError(sort_problems(problems))
    problems += crosscheck.unique_ids(doc)
    problems += glyphs.printable(doc, data)
    problems += crosscheck.dates(doc)
    problems += crosscheck.logo(doc)
    problems += crosscheck.existing_file(doc, "sjabloon", "sjabloon")[1]
    if region is None and isinstance(data.get("regio"), str):
        target, missing = crosscheck.existing_file(doc, "regio", "regiobestand")
        problems += missing
        if target is not None:
            try:
                region = load_region(target, _relative_display(doc.display, data["regio"]), today)
            except ProfileError as exc:
                problems += exc.problems
    if _errors(problems) and region is None and isinstance(data.get("regio"), str):
        # Without its region, references to regional partners cannot be judged fairly;
        # otherwise go on, so that a bad logo does not hide an unknown partner id.
        raise ProfileError(sort_problems(problems))
    resolved = resolve(data, region.data if region else None)
    herkomst = origins(data, region.data if region else None)
    content = national_content()
    problems += crosscheck.references(doc, resolved)
    problems += crosscheck.freshness(doc, today)
    problems += crosscheck.gaps(doc, resolved)
    problems += cardreach.partner_numbers(doc, resolved.get("veilig_thuis"))
    problems += cardreach.marked_partners(
        doc,
        resolved.get("veilig_thuis"),
        ((resolved.get("ketenaanpak") or {}).get(cardreach.SIGNALLING) or {}).get("partners") or (),
    )
    problems += cardreach.routing(doc, resolved)
    problems += crosscheck.adoption(doc)
    edition = check_edition(
        resolved, data, region.data if region else None, herkomst, content.info, content_names(content)
    )
    problems += crosscheck.edition(doc, edition, region.display if region else None)
    problems += crosscheck.recorded_checks(doc, content, today)
    problems += example_values(doc)
    if region is not None:
        problems += region.warnings
    if _errors(problems):
        raise ProfileError(sort_problems(problems))
    return Profile(path.absolute(), doc.display, resolved, region, tuple(sort_problems(problems)), herkomst)


def _relative_display(base: str, rel: str) -> str:
    return os.path.normpath(Path(base).parent / rel)


# A check the later stages add to every municipality that loads cleanly (validate passes the
# pocket-card layout check from pipeline/preflight.py; the profile stage cannot import it).
Extra = Callable[["Profile"], list[Problem]]


@dataclass(frozen=True)
class Checked:
    """What checking a file found: every problem, what loaded cleanly on the way, and each file
    checked (a region's municipalities too: the count `validate` reports is the count it checked)."""

    problems: list[Problem]
    profiles: tuple[Profile, ...] = ()  # the municipalities that loaded (one for a profile)
    region: Region | None = None
    files: tuple[str, ...] = ()  # as the user named them


def check_paths(paths: list[Path], today: dt.date | None = None, extra: Extra | None = None) -> list[Problem]:
    """Every problem in the given files; a region brings its municipalities along. Never raises ProfileError."""
    return check_files(paths, today, extra).problems


def check_files(paths: list[Path], today: dt.date | None = None, extra: Extra | None = None) -> Checked:
    """check_paths, and the files it read (the profiles and region are left out: several paths)."""
    problems: list[Problem] = []
    files: list[str] = []
    for path in paths:
        one = _check_one(path, today, extra)
        problems += one.problems
        files += one.files
    # A municipality named on its own and through its region is one file checked.
    unique: dict[str, str] = {}
    for name in files:
        unique.setdefault(os.path.realpath(name), name)
    return Checked(sort_problems(problems), files=tuple(unique.values()))


def check_municipality(
    path: Path,
    today: dt.date | None = None,
    extra: Extra | None = None,
    *,
    display: str | None = None,
    region: Region | None = None,
    document: Document | None = None,
) -> Checked:
    """A municipality checked as `validate` checks it (``document`` stands in for the file's content)."""
    files = (display or str(path),)
    try:
        profile = load_profile(path, display, region=region, today=today, document=document)
    except ProfileError as exc:
        return Checked(exc.problems, (), region, files)
    return Checked(list(profile.warnings) + (extra or _nothing)(profile), (profile,), profile.region, files)


def check_region(
    path: Path, today: dt.date | None = None, extra: Extra | None = None, *, document: Document | None = None
) -> Checked:
    """A region file and every municipality it lists, checked as `validate` checks them."""
    try:
        region = load_region(path, today=today, document=document)
    except ProfileError as exc:
        return Checked(exc.problems, files=(str(path),))
    problems = list(region.warnings)
    profiles: list[Profile] = []
    files = [str(path)]
    base = path.parent
    for municipality in region.municipalities:
        # The region's folder as the user named it plus the entry as written: no link is followed,
        # and a '..' stays, since collapsing it by name could point past a symlink.
        display = str(base / municipality.relative_to(region.source.parent))
        one = check_municipality(municipality, today, extra, display=display, region=region)
        problems += one.problems
        profiles += one.profiles
        files += one.files
    return Checked(problems, tuple(profiles), region, tuple(files))


def _nothing(profile: Profile) -> list[Problem]:
    return []


def _check_one(path: Path, today: dt.date | None, extra: Extra | None) -> Checked:
    try:
        doc = load_document(path)
    except ProfileError as exc:
        return Checked(exc.problems, files=(str(path),))
    if doc.data.get("soort") != "regio":
        return check_municipality(path, today, extra)
    return check_region(path, today, extra)
