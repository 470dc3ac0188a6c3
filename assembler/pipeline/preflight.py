"""What `validate` checks beyond the profile: the pocket cards laid out once, so a face that cannot fit is refused there."""

from __future__ import annotations

import re

from assembler.builders.base import BuildContext
from assembler.builders.registry import make
from assembler.errors import AssemblerError
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.problems import Problem
from assembler.profile.loader import load_document
from assembler.profile.reading import Profile

_PARTNER = re.compile(r"partner '([a-z0-9-]+)'")


def card_problems(profile: Profile) -> list[Problem]:
    """An error, placed at the partner or the kaarten section it concerns, when a card face would not fit.

    The layout is the one the build makes (about a second per municipality), so what
    validate accepts, the cards build can make.
    """
    content = national_content()
    builder = make("kaarten", BuildContext(content=content, roots=(profile.source.parent,)))
    try:
        builder.preflight(tailor(profile, content))
    except AssemblerError as exc:
        return [_placed(profile, str(exc))]
    return []


def _placed(profile: Profile, message: str) -> Problem:
    doc = load_document(profile.source, profile.display)
    path: tuple[str | int, ...] = ("kaarten",)
    partners = doc.data.get("partners") or []
    match = _PARTNER.search(message)
    if match:
        index = next(
            (i for i, p in enumerate(partners) if isinstance(p, dict) and p.get("id") == match.group(1)),
            None,
        )
        if index is not None:
            path = ("partners", index)
    return doc.problem(path, message, key=path == ("kaarten",))
