"""Turns text that did not fit in a laid-out document back into the profile fields that hold it."""

from __future__ import annotations

from pathlib import Path

from assembler.errors import FitError, ProfileError
from assembler.problems import Problem
from assembler.profile.glyphs import strings
from assembler.profile.loader import Document, load_document
from assembler.profile.reading import Profile


def _squash(text: str) -> str:
    return "".join(text.split())


def _documents(profile: Profile) -> list[Document]:
    sources: list[tuple[Path, str]] = [(profile.source, profile.display)]
    if profile.region is not None:
        sources.append((profile.region.source, profile.region.display))
    return [load_document(path, display) for path, display in sources]


def placed(profile: Profile, error: FitError) -> ProfileError | None:
    """A ProfileError naming file, line and field of each text that did not fit; None when none is the profile's."""
    problems: list[Problem] = []
    for doc in _documents(profile):
        for path, value in strings(doc.data):
            hits = [t for t in error.texts if len(_squash(t)) >= 8 and _squash(t) in _squash(value)]
            if hits:
                shown = hits[0] if len(hits[0]) <= 60 else hits[0][:57] + "…"
                problems.append(
                    doc.problem(
                        path,
                        f"de tekst '{shown}' past niet in zijn kolom van de PDF-routekaart en zou over de "
                        "rand lopen; breek het lange woord of webadres op met spaties, of maak de tekst korter",
                    )
                )
    return ProfileError(problems) if problems else None
