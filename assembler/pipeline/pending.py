"""`check-content REGIO|PROFIEL`: what still needs checking in the routekaarten of a region or one profile."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from assembler.errors import ProfileError
from assembler.model.checks import NumberCheck, check_rows, numbers_of, report_lines
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.problems import Problem
from assembler.profile.loader import load_document
from assembler.profile.reading import Profile, load_profile, load_region


def _profiles(path: Path, today: dt.date) -> tuple[str, list[Profile]]:
    if load_document(path).data.get("soort") != "regio":
        profile = load_profile(path, today=today)
        return f"{profile.naam} ({path})", [profile]
    region = load_region(path, today=today)
    profiles: list[Profile] = []
    problems: list[Problem] = []
    for member in region.municipalities:
        try:
            profiles.append(load_profile(member, region=region, today=today))
        except ProfileError as exc:
            problems += exc.problems
    if problems:
        raise ProfileError(problems)
    return f"regio {region.naam} ({path})", profiles


def pending_lines(path: Path, today: dt.date | None = None) -> list[str]:
    """The report lines; raises ProfileError when a profile cannot be read."""
    today = today or dt.date.today()
    content = national_content()
    subject, profiles = _profiles(path, today)
    numbers: list[tuple[str, tuple[NumberCheck, ...]]] = [
        (p.naam, numbers_of(tailor(p, content))) for p in profiles
    ]
    return report_lines(check_rows(numbers, today), subject, len(profiles))
