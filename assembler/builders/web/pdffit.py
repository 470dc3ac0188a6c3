"""No text of the PDF routekaart sticks out of its column: checked on the laid-out pages.

Phone numbers and e-mail addresses in the phone column never break. One too long for its
column, or a table widened by it past the margin, would run over a border or off the
paper, where it could be misread or printed half: for a phone number that is a safety
problem. So after layout
every line of text is measured against the block it stands in, and a line that sticks
out is an error naming the page and the text, before any file is written.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from weasyprint.formatting_structure import boxes

from assembler.builders.web.render import MARK
from assembler.errors import FitError
from assembler.problems import Place

TOLERANCE = 0.5  # CSS px; rounding in WeasyPrint's own layout stays well under this


def _lines(box: Any, block: Any) -> Iterator[tuple[Any, Any]]:
    """Every line box with the block container whose content area it must stay within."""
    if isinstance(box, boxes.LineBox):
        yield box, block
        return
    if isinstance(box, boxes.BlockContainerBox):
        block = box
    for child in getattr(box, "children", ()):
        yield from _lines(child, block)


def _texts(box: Any, mark: int | None = None) -> Iterator[tuple[Any, int | None]]:
    """Every text box, with the mark of the nearest element around it that carries one."""
    element = getattr(box, "element", None)
    if element is not None and element.get(MARK) is not None:
        mark = int(element.get(MARK))
    if isinstance(box, boxes.TextBox):
        yield box, mark
    for child in getattr(box, "children", ()):
        yield from _texts(child, mark)


def overflowing(pages: list[Any]) -> list[tuple[int, str, int | None]]:
    """(page number, text, mark) of every piece of text that ends right of its block's content area,
    or right of the page's (a table widened by an unbreakable cell can push past the margin)."""
    found = []
    for number, page in enumerate(pages, 1):
        box = page._page_box
        page_right = box.content_box_x() + box.width + TOLERANCE
        for line, block in _lines(box, None):
            right = (
                page_right
                if block is None
                else min(page_right, block.content_box_x() + block.width + TOLERANCE)
            )
            for text, mark in _texts(line):
                if text.position_x + text.width > right and text.text.strip():
                    found.append((number, text.text.strip(), mark))
    return found


def check_fit(pages: list[Any], what: str, places: Sequence[Place] = ()) -> None:
    """Raise FitError naming page and text of all that sticks out; `places` are the places of the
    marked values (render.Marks), so an error can name the field of each that is the profile's."""
    problems = overflowing(pages)
    if problems:
        shown = "; ".join(f"pagina {page}: '{text}'" for page, text, _ in problems[:5])
        more = f" (en {len(problems) - 5} meer)" if len(problems) > 5 else ""
        raise FitError(
            f"{what}: tekst past niet in zijn kolom en zou over de rand lopen: {shown}{more}. "
            "Maak die tekst korter, of meld dit als fout in de toolkit als het landelijke tekst is.",
            [(text, places[mark] if mark is not None and mark < len(places) else None) for _, text, mark in problems],
        )
