"""No text of the PDF routekaart sticks out of its column: checked on the laid-out pages.

Phone numbers and e-mail addresses in the phone column never break. One too long for its
column, or a table widened by it past the margin, would run over a border or off the
paper, where it could be misread or printed half: for a phone number that is a safety
problem. So after layout
every line of text is measured against the block it stands in, and a line that sticks
out is an error naming the page and the text, before any file is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from weasyprint.formatting_structure import boxes

from assembler.errors import FitError

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


def _texts(box: Any) -> Iterator[Any]:
    if isinstance(box, boxes.TextBox):
        yield box
    for child in getattr(box, "children", ()):
        yield from _texts(child)


def overflowing(pages: list[Any]) -> list[tuple[int, str]]:
    """(page number, text) of every piece of text that ends right of its block's content area,
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
            for text in _texts(line):
                if text.position_x + text.width > right and text.text.strip():
                    found.append((number, text.text.strip()))
    return found


def check_fit(pages: list[Any], what: str) -> None:
    problems = overflowing(pages)
    if problems:
        shown = "; ".join(f"pagina {page}: '{text}'" for page, text in problems[:5])
        more = f" (en {len(problems) - 5} meer)" if len(problems) > 5 else ""
        raise FitError(
            f"{what}: tekst past niet in zijn kolom en zou over de rand lopen: {shown}{more}. "
            "Maak die tekst korter, of meld dit als fout in de toolkit als het landelijke tekst is.",
            [text for _, text in problems],
        )
