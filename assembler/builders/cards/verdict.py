"""Which card faces `validate` must still lay out to know they fit: those neither measured nor known to fit.

No renderer is loaded here. A face is settled when a generous estimate from the font's metrics
already fits its safe zone (measure), or when the same face fitted in an earlier layout
(fitcache). Only the faces left over go to the real layout (CardsBuilder.lay_out).
"""

from __future__ import annotations

from collections.abc import Sequence

from assembler.builders.cards.faces import FaceItem, Fields, face_html, face_items
from assembler.builders.cards.fitcache import known
from assembler.builders.cards.measure import fits
from assembler.cardformats import CardFormat
from assembler.model.cards import Card


def unsettled(cards: Sequence[Card], spec: CardFormat, qr_label: str) -> list[FaceItem]:
    """The faces of these cards not yet known to fit, in print order."""
    fields = Fields()
    return [
        item
        for item in face_items(cards, qr_label)
        if not fits(item, spec, qr_label) and not known(face_html(item, spec, qr_label, fields), spec)
    ]
