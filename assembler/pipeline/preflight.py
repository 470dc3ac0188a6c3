"""What `validate` checks beyond the profile: every pocket-card face fits, so a face that cannot is refused there."""

from __future__ import annotations

from assembler.builders.base import BuildContext
from assembler.builders.cards.verdict import unsettled
from assembler.errors import AssemblerError, CardOverflowError
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.problems import Place, Problem, origin_of
from assembler.profile.reading import Profile


def card_problems(profile: Profile) -> list[Problem]:
    """An error, placed at the field it names (or at the card format), when a card face would not fit.

    A face is known to fit when the same face fitted before (builders/cards/verdict.py); every
    other face is laid out as the build lays it out, so what validate accepts, the cards build
    can make. Only then is the renderer loaded.
    """
    content = national_content()
    model = tailor(profile, content)
    pending = unsettled(model, content)
    if not pending:
        return []
    from assembler.builders.cards.builder import CardsBuilder

    builder = CardsBuilder(BuildContext(profile=profile, content=content))
    try:
        builder.lay_out(model, only=pending)
    except CardOverflowError as exc:
        return [(exc.places[0] if exc.places else _format_place(profile)).problem(str(exc))]
    except AssemblerError as exc:
        return [_format_place(profile).problem(str(exc))]
    return []


def _format_place(profile: Profile) -> Place:
    """Where the card format was chosen: the municipality's own kaarten.formaat, its region's
    standard, or (a schema default is written nowhere) the top of the profile."""
    return origin_of(profile.data["kaarten"]["formaat"]) or Place(profile.display, 1, 1, "kaarten")
