"""The A4 print sheets: the faces already laid out for the loose cards, moved into their places on the sheet.

Laying every face out a second time would double the work and could, in principle,
break a line differently; moving the laid-out boxes keeps both files identical.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from weasyprint.layout.background import layout_box_backgrounds

from assembler.builders.cards.imposition import Layout, impose, note_box
from assembler.dutch import number_word
from assembler.errors import BuildError


def sheet_slots(count: int, layout: Layout, width: float, height: float) -> list[dict[str, Any]]:
    """Per sheet its side and places (face index, unturned box position, rotation)."""
    pairs = [(i, i + 1) for i in range(0, count, 2)]
    sheets = []
    for sheet in impose(pairs, layout):
        slots = []
        for placed in sheet.placed:
            x, y = placed.slot.box(width, height)
            slots.append({"x": x, "y": y, "rotation": placed.slot.rotation, "face": placed.item})
        sheets.append({"kant": sheet.kant, "slots": slots})
    return sheets


def print_note(layout: Layout) -> str:
    """What the margin of every sheet tells the person printing it: scale, duplex edge, where to cut."""
    cards = "kaart" if layout.per_sheet == 1 else "kaarten"
    return (
        "Afdrukken: A4 op ware grootte (100 %, niet 'aanpassen aan pagina'), dubbelzijdig, omslaan via "
        f"de {layout.flip_edge} kant; dan valt elke achterkant achter zijn voorkant. Snijden: langs de "
        f"snijtekens in de marge, {number_word(layout.per_sheet)} {cards} per vel."
    )


def note_place(layout: Layout) -> dict[str, Any]:
    """The note's text box on the sheet, for the template: position, size and turn."""
    box = note_box(layout)
    left, top, width, height = box.box()
    return {"x": left, "y": top, "width": width, "height": height, "rotation": 0 if box.upright else -90}


def _no_images(**_: Any) -> None:
    """The cards use no background images; a request for one is a template fault."""
    raise BuildError("de zakkaarten vragen een achtergrondafbeelding op; dat hoort niet")


def _boxes(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def _face_box(page: Any) -> Any:
    for box in _boxes(page._page_box):
        element = getattr(box, "element", None)
        if getattr(box, "element_tag", None) == "section" and element is not None:
            return box
    raise BuildError("de opmaak van een zakkaart is onvolledig: geen kaart op de pagina")


def place_faces(sheets_document: Any, faces: Sequence[Any], order: Sequence[int]) -> None:
    """Put a copy of every laid-out face into its empty place on the sheets, shifted to that place.

    `faces` are the pages with each different face once; `order[i]` is the page of printed face i.
    """
    placed = 0
    for page in sheets_document.pages:
        for box in _boxes(page._page_box):
            element = getattr(box, "element", None)
            if element is None or getattr(box, "element_tag", None) != "div" or not element.get("data-plek"):
                continue
            face = _face_box(faces[order[int(element.get("data-plek"))]]).deepcopy()
            face.translate(box.content_box_x() - face.position_x, box.content_box_y() - face.position_y)
            # Background areas were fixed at layout time; work them out again at the new place.
            layout_box_backgrounds(page._page_box, face, _no_images)
            box.children = [face]
            placed += 1
    if placed != len(order):
        raise BuildError(f"op de A4-vellen staan {placed} kaartkanten; verwacht {len(order)}")
