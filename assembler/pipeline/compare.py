"""Reads two editions (two municipality profiles or two region files) and lists what changed per municipality."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from assembler.dutch import enumeration
from assembler.errors import AssemblerError, ProfileError
from assembler.model.changes import compare_profiles, compare_regions
from assembler.model.routekaart import Change
from assembler.model.sheets import compare_national
from assembler.national import NationalContent, national_content
from assembler.problems import Problem
from assembler.profile.edition import check_edition, content_names
from assembler.profile.loader import load_document
from assembler.profile.reading import Profile, Region, load_profile, load_region

if TYPE_CHECKING:
    from assembler.builders.registry import Entry

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
        return Comparison(((after.naam, _municipality(before, after, labels)),))
    region_old, region_new = _both(lambda p: load_region(p, today=today), old, new)
    groups: list[tuple[str, tuple[Change, ...]]] = []
    profiles_old = _municipalities(region_old)
    profiles_new = _municipalities(region_new)
    members = (list(profiles_old), list(profiles_new))
    region_changes = compare_regions(region_old.data, region_new.data, labels, members)
    groups.append((f"Regio {region_new.naam}", tuple(region_changes)))
    for name, profile in profiles_new.items():
        if name in profiles_old:
            groups.append((name, _municipality(profiles_old[name], profile, labels)))
    return Comparison(tuple(groups))


def _national_version(profile: Profile, content: NationalContent) -> str | None:
    region = profile.region.data if profile.region else None
    edition = check_edition(
        profile.data, profile.data, region, profile.herkomst, content.info, content_names(content)
    )
    return edition.landelijke_versie


def _municipality(before: Profile, after: Profile, content: NationalContent) -> tuple[Change, ...]:
    """The municipality's own changes, then what changed nationally between the texts the two rest on."""
    national = compare_national(
        _national_version(before, content), _national_version(after, content), content.info
    )
    return (*compare_profiles(before.data, after.data, content), *national)


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


def _target(new: Path, target: Path) -> Entry:
    """The registered output that writes target for this kind of file, or a usage error."""
    from assembler.builders.registry import Kind, for_suffix, suffixes

    kind = Kind.REGION_CHANGES if _kind(new) == "regio" else Kind.CHANGES
    output = for_suffix(kind, target.suffix)
    if output is None:
        what = "twee regiobestanden" if kind is Kind.REGION_CHANGES else "twee gemeenteprofielen"
        choices = enumeration(suffixes(kind), voegwoord="of")
        raise AssemblerError(f"{target}: van {what} schrijft de toolkit een bestand dat eindigt op {choices}")
    return output


def check_target(new: Path, target: Path) -> None:
    """Refuse, before anything is compared, a changes document the toolkit cannot make of these files."""
    try:
        _target(new, target)
    except ProfileError:
        return  # compare_files names the problems of both files


def write_changes_document(old: Path, new: Path, target: Path, today: dt.date | None = None) -> int:
    """Write the new edition marked up against the old one, in the format target's suffix names: the
    registry's outputs of kind `wijzigingen` for two municipality profiles (.docx with tracked
    changes, .html), of kind `regio-wijzigingen` for two region files (a section per municipality).

    Returns the number of changes listed.
    """
    from assembler.builders.base import BuildContext
    from assembler.model.routekaart import Redline, RegionRedline
    from assembler.model.tailor import tailor
    from assembler.pipeline.output import atomic_write
    from assembler.pipeline.produce import produce

    output = _target(new, target)
    comparison = compare_files(old, new, today)
    content = national_content()
    model: Redline | RegionRedline
    if _kind(new) == "regio":
        region_old, region_new = _both(lambda p: load_region(p, today=today), old, new)
        profiles_old, profiles_new = _municipalities(region_old), _municipalities(region_new)
        by_name = dict(comparison.groups)
        model = RegionRedline(
            region_new.naam,
            tuple(
                (
                    name,
                    Redline(
                        tailor(profiles_old[name], content),
                        tailor(profile, content),
                        tuple(c.text for c in by_name.get(name, ())),
                    ),
                )
                for name, profile in profiles_new.items()
                if name in profiles_old
            ),
            tuple((heading, tuple(c.text for c in changes)) for heading, changes in comparison.groups),
        )
        folders = [region_new.source.parent] + [p.source.parent for p in profiles_new.values()]
        context = BuildContext(content=content, roots=tuple(dict.fromkeys(folders)))
    else:
        before, after = _both(lambda p: load_profile(p, today=today), old, new)
        model = Redline(tailor(before, content), tailor(after, content), tuple(c.text for c in comparison.changes))
        context = BuildContext(content=content, template=after.file("sjabloon"), roots=(after.source.parent,))
    (data,) = produce([output.name], model, context)[output.name].files.values()
    atomic_write(target, data)
    return len(comparison.changes)
