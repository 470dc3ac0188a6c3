"""What `validate` checks beyond the profile: every pocket-card face fits, so a face that cannot is refused there."""

from __future__ import annotations

from assembler.builders.base import BuildContext
from assembler.builders.registry import make
from assembler.errors import AssemblerError, CardOverflowError
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.problems import Place, Problem, origin_of
from assembler.profile.reading import Profile


def card_problems(profile: Profile) -> list[Problem]:
    """An error, placed at the field it names (or at the card format), when a card face would not fit.

    The cards builder's preflight settles a face measured or known to fit without a layout and
    lays every other face out as the build does (builders/cards/verdict.py), so what validate
    accepts, the cards build can make; the renderer is loaded only for such a face.
    """
    content = national_content()
    builder = make("kaarten", BuildContext(content=content, roots=(profile.source.parent,)))
    try:
        builder.preflight(tailor(profile, content))
    except CardOverflowError as exc:
        return [(exc.places[0] if exc.places else _format_place(profile)).problem(str(exc))]
    except AssemblerError as exc:
        return [_format_place(profile).problem(str(exc))]
    return []


def _format_place(profile: Profile) -> Place:
    """Where the card format was chosen: the municipality's own kaarten.formaat, its region's
    standard, or (a schema default is written nowhere) the top of the profile."""
    return origin_of(profile.data["kaarten"]["formaat"]) or Place(profile.display, 1, 1, "kaarten")
