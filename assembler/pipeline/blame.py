"""Names the profile field of text that did not fit in a laid-out document, from the place its value carries."""

from __future__ import annotations

from assembler.errors import FitError, ProfileError
from assembler.problems import Place, Problem
from assembler.profile.reading import Profile


def placed(profile: Profile, error: FitError) -> ProfileError | None:
    """A ProfileError naming file, line and field of each text that did not fit; None when none is the
    profile's (or its region's): national text that does not fit is a fault in the toolkit."""
    own = {profile.display, *((profile.region.display,) if profile.region else ())}
    problems: dict[Place, Problem] = {}
    for text, place in error.overflows:
        if place is None or place.file not in own or place in problems:
            continue
        shown = text if len(text) <= 60 else text[:57] + "…"
        problems[place] = place.problem(
            f"de tekst '{shown}' past niet in zijn kolom van de PDF-routekaart en zou over de "
            "rand lopen; breek het lange woord of webadres op met spaties, of maak de tekst korter"
        )
    return ProfileError(list(problems.values())) if problems else None
