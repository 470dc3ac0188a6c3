"""Reads two editions (two municipality profiles or two region files) and lists what changed per municipality."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from assembler.errors import AssemblerError, ProfileError
from assembler.model.changes import Change, compare_profiles, compare_regions
from assembler.national import national_content
from assembler.problems import Problem
from assembler.profile.loader import load_document
from assembler.profile.reading import Profile, Region, load_profile, load_region

T = TypeVar("T")


@dataclass(frozen=True)
class Comparison:
    """The changes between two editions, grouped under a heading (region or municipality name)."""

    groups: tuple[tuple[str, tuple[Change, ...]], ...]

    @property
    def changes(self) -> tuple[Change, ...]:
        return tuple(c for _, changes in self.groups for c in changes)


def _kind(path: Path) -> str:
    return "regio" if load_document(path).data.get("soort") == "regio" else "gemeente"


def compare_files(old: Path, new: Path, today: dt.date | None = None) -> Comparison:
    """Compare two files of the same kind after merging their regions; raise ProfileError when one cannot be read."""
    problems: list[Problem] = []
    kinds: list[str] = []
    for path in (old, new):
        try:
            kinds.append(_kind(path))
        except ProfileError as exc:
            problems += exc.problems
    if problems:
        raise ProfileError(problems)
    if kinds[0] != kinds[1]:
        raise AssemblerError(
            f"{old} is {_what(kinds[0])} en {new} is {_what(kinds[1])}; vergelijk twee gemeenteprofielen "
            "of twee regiobestanden"
        )
    labels = national_content()
    if kinds[0] == "gemeente":
        before, after = _both(lambda p: load_profile(p, today=today), old, new)
        return Comparison(((after.naam, tuple(compare_profiles(before.data, after.data, labels))),))
    region_old, region_new = _both(lambda p: load_region(p, today=today), old, new)
    groups: list[tuple[str, tuple[Change, ...]]] = []
    profiles_old = _municipalities(region_old)
    profiles_new = _municipalities(region_new)
    members = (list(profiles_old), list(profiles_new))
    region_changes = compare_regions(region_old.data, region_new.data, labels, members)
    groups.append((f"Regio {region_new.naam}", tuple(region_changes)))
    for name, profile in profiles_new.items():
        if name in profiles_old:
            groups.append((name, tuple(compare_profiles(profiles_old[name].data, profile.data, labels))))
    return Comparison(tuple(groups))


def _what(kind: str) -> str:
    return "een regiobestand" if kind == "regio" else "een gemeenteprofiel"


def _both(load: Callable[[Path], T], old: Path, new: Path) -> tuple[T, T]:
    # Read both before failing, so that one run shows the problems of both files.
    results: list[T] = []
    problems: list[Problem] = []
    for path in (old, new):
        try:
            results.append(load(path))
        except ProfileError as exc:
            problems += exc.problems
    if problems:
        raise ProfileError(problems)
    return results[0], results[1]


def _municipalities(region: Region) -> dict[str, Profile]:
    profiles: dict[str, Profile] = {}
    problems: list[Problem] = []
    for path in region.municipalities:
        try:
            profile = load_profile(path, region=region)
        except ProfileError as exc:
            problems += exc.problems
            continue
        profiles[profile.naam] = profile
    if problems:
        raise ProfileError(problems)
    return profiles


def check_target(new: Path, target: Path) -> None:
    """Refuse, before anything is compared, a changes document the toolkit cannot make of these files."""
    try:
        region = _kind(new) == "regio"
    except ProfileError:
        return  # compare_files names the problems of both files
    if region and target.suffix.lower() == ".docx":
        raise AssemblerError(
            "een Word-document met wijzigingen maakt de toolkit van twee gemeenteprofielen; voor twee "
            "regiobestanden schrijft hij een webpagina met een deel per gemeente: kies een bestand op .html"
        )


def write_changes_document(old: Path, new: Path, target: Path, today: dt.date | None = None) -> int:
    """Write the new routekaart marked up against the old one: .docx with tracked changes or .html.

    Returns the number of changes listed. Two municipality profiles give either; two region files
    give one web page with every change and a section per municipality in both editions.
    """
    from assembler.model.tailor import tailor
    from assembler.pipeline.output import atomic_write

    suffix = target.suffix.lower()
    if suffix not in (".docx", ".html"):
        raise AssemblerError(f"{target}: kies een bestand dat eindigt op .docx of .html")
    check_target(new, target)
    comparison = compare_files(old, new, today)
    content = national_content()
    if _kind(new) == "regio":
        from assembler.builders.web.redline import redline_region_html

        region_old, region_new = _both(lambda p: load_region(p, today=today), old, new)
        profiles_old, profiles_new = _municipalities(region_old), _municipalities(region_new)
        editions = [
            (name, tailor(profiles_old[name], content), tailor(profile, content))
            for name, profile in profiles_new.items()
            if name in profiles_old
        ]
        groups = [(heading, [c.text for c in changes]) for heading, changes in comparison.groups]
        data = redline_region_html(region_new.naam, editions, groups).encode("utf-8")
        atomic_write(target, data)
        return len(comparison.changes)
    before, after = _both(lambda p: load_profile(p, today=today), old, new)
    old_model, new_model = tailor(before, content), tailor(after, content)
    if suffix == ".docx":
        from assembler.builders.word.builder import check_docx, default_template
        from assembler.builders.word.redline import redline_docx

        template = after.file("sjabloon") or default_template()
        data = redline_docx(old_model, new_model, template)
        check_docx(target.name, data)
    else:
        from assembler.builders.web.redline import redline_html

        data = redline_html(old_model, new_model, [c.text for c in comparison.changes]).encode("utf-8")
    atomic_write(target, data)
    return len(comparison.changes)
