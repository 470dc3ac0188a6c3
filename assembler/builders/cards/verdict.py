"""Which card faces `validate` must still lay out to know they fit: those neither measured nor known to fit.

No renderer is loaded here. A face is settled when a generous estimate from the font's metrics
already fits its safe zone (measure), or when the same face fitted in an earlier layout
(fitcache). Only the faces left over go to the real layout (CardsBuilder.lay_out).
"""

from __future__ import annotations

from assembler.builders.cards.faces import FaceItem, Fields, face_html, face_items
from assembler.builders.cards.fitcache import known
from assembler.builders.cards.measure import fits
from assembler.cardformats import CARD_FORMATS
from assembler.model.cards import cards_for
from assembler.model.routekaart import Routekaart
from assembler.national import NationalContent


def unsettled(model: Routekaart, content: NationalContent) -> list[FaceItem]:
    """The faces of the municipality's cards not yet known to fit, in print order."""
    spec = CARD_FORMATS[model.kaarten.formaat]
    qr_label = str(content.kaarten["koppen"]["qr"])
    fields = Fields()
    return [
        item
        for item in face_items(cards_for(model, content), qr_label)
        if not fits(item, spec, qr_label) and not known(face_html(item, spec, qr_label, fields), spec)
    ]
