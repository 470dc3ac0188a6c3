"""The pocket cards as one web page for a screen: every card's front and back, drawn from the same
face template and format stylesheet as the printed cards, without a layout engine.

The editor shows this page beside the form after every change (`Builder.preview`); the
printed faces are what the PDF holds, and `validate` checks that each fits.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from assembler.builders.cards.faces import Fields, environment, face_html, face_items
from assembler.builders.cards.imposition import A4
from assembler.builders.web.webfonts import web_font_css
from assembler.cardformats import CardFormat
from assembler.model.cards import Card
from assembler.resources import templates_dir


def card_anchor(card: Card) -> str:
    """The id of a card's place on the page, so the editor can link to it."""
    return f"kaart-{card.id}"


def faces_page(cards: Sequence[Card], spec: CardFormat, colour: str, qr_label: str, title: str) -> str:
    """Every card of the municipality in print order, front and back side by side."""
    env = environment()
    fields = Fields()
    items = face_items(cards, qr_label)
    shown = []
    # Each card's two faces follow each other in print order.
    for front, back in zip(items[::2], items[1::2], strict=True):
        faces = [Markup(face_html(item, spec, qr_label, fields)) for item in (front, back)]
        shown.append((front.card, card_anchor(front.card), front.number, front.total, faces))
    css = env.get_template("kaarten.css.j2").render(fmt=spec, sheet_width=A4[0], sheet_height=A4[1])
    screen = (templates_dir() / "cards" / "scherm.css").read_text(encoding="utf-8")
    return env.get_template("scherm.html.j2").render(
        title=title, cards=shown, fmt=spec, colour=colour, css=Markup(web_font_css() + "\n" + css + "\n" + screen)
    )
