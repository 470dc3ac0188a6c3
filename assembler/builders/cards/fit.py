"""The overflow guard: every card face must fit on one page inside the safe zone, or the build stops.

Nothing is cut off or moved to another card quietly. When a face does not fit, the
guard finds the field to blame by trying the face again with one text of the
municipality's shortened at a time; the one that makes it fit is named.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from weasyprint.formatting_structure import boxes

from assembler.builders.cards.faces import FaceItem
from assembler.builders.cards.pages import FormatSpec, LaidOut
from assembler.cardformats import LARGEST_CARD_FORMAT
from assembler.dutch import enumeration
from assembler.errors import CardOverflowError
from assembler.model.cards import Origin
from assembler.problems import Place

PX_PER_MM = 96 / 25.4
TOLERANCE = 0.5  # px: rounding in the layout, far below a visible overflow
STAMP = "stempel"

# (face number, data-v of the field to shorten) -> the laid-out pages of that one face
Retry = Callable[[int, str], list[Any]]


@dataclass
class _FieldUse:
    """How much room one field's text took on a face."""

    veld: str
    lokaal: bool
    plek: Place | None  # where the municipality wrote the value
    text: str
    key: str | None  # data-v: where the field stands in the face's HTML
    lines: set[tuple[int, float]] = field(default_factory=set)
    wide: float = 0.0  # px past the safe zone on the right
    low: float = 0.0  # px past the safe zone at the bottom, or on a page after the face's own

    @property
    def overflow(self) -> bool:
        return self.wide > 0 or self.low > 0


@dataclass(frozen=True)
class _Marked:
    origin: Origin
    element: Any


def _text_boxes(
    box: Any, fields: Sequence[Origin], marked: _Marked | None = None
) -> Iterator[tuple[Any, _Marked | None]]:
    """Every text box under box with the nearest element above it that names its field (data-f)."""
    element = getattr(box, "element", None)
    if element is not None and STAMP in (element.get("class") or "").split():
        return  # a concept's stamp lies across the face on purpose, out of the flow
    if element is not None and element.get("data-f"):
        marked = _Marked(fields[int(element.get("data-f"))], element)
    if isinstance(box, boxes.TextBox):
        yield box, marked
    for child in getattr(box, "children", ()):
        yield from _text_boxes(child, fields, marked)


def _element_text(element: Any) -> str:
    return " ".join(" ".join(element.itertext()).split())


def _face_of(page: Any) -> int | None:
    """The data-face number of the card face on a page (a face that spills over keeps its number)."""
    stack = [page._page_box]
    while stack:
        box = stack.pop()
        element = getattr(box, "element", None)
        if (
            element is not None
            and getattr(box, "element_tag", None) == "section"
            and element.get("data-face")
        ):
            return int(element.get("data-face"))
        stack.extend(reversed(getattr(box, "children", ())))
    return None


def _measure(pages: list[Any], spec: FormatSpec, fields: Sequence[Origin]) -> dict[str, _FieldUse]:
    """Per field the lines it takes and how far it runs past the safe zone, over a face's pages."""
    safe = spec.safe * PX_PER_MM
    right_edge = spec.width * PX_PER_MM - safe + TOLERANCE
    bottom_edge = spec.height * PX_PER_MM - safe + TOLERANCE
    uses: dict[str, _FieldUse] = {}
    for index, page in enumerate(pages):
        for box, marked in _text_boxes(page._page_box, fields):
            if marked is None or not box.text.strip():
                continue
            origin = marked.origin
            use = uses.get(origin.veld)
            if use is None:
                text = _element_text(marked.element)
                use = uses[origin.veld] = _FieldUse(
                    origin.veld, origin.lokaal, origin.plek, text, marked.element.get("data-v")
                )
            use.lines.add((index, round(box.position_y, 1)))
            use.wide = max(use.wide, box.position_x + box.width - right_edge)
            # Anything on a second page did not fit at all.
            use.low = max(use.low, box.position_y + box.height - bottom_edge if index == 0 else box.height)
    return uses


def fits(pages: list[Any], spec: FormatSpec, fields: Sequence[Origin]) -> bool:
    """Whether a face laid out on these pages fits: one page, every text inside the safe zone."""
    return len(pages) == 1 and not any(u.overflow for u in _measure(pages, spec, fields).values())


def face_pages(laid_out: LaidOut) -> dict[int, list[Any]]:
    """The laid-out pages of each face (a face that spills over has more than one)."""
    pages: dict[int, list[Any]] = {i: [] for i in range(len(laid_out.items))}
    for page in laid_out.unique.pages:
        face = _face_of(page)
        if face is None or face not in pages:
            raise CardOverflowError("de opmaak van de zakkaarten bevat een pagina zonder kaart")
        pages[face].append(page)
    return pages


def check_fit(laid_out: LaidOut, spec: FormatSpec, retry: Retry) -> None:
    """Raise CardOverflowError, naming the card, the side and the field to shorten, for the first face that does not fit."""
    pages = face_pages(laid_out)
    for face, item in enumerate(laid_out.items):
        if not pages[face]:
            raise CardOverflowError(
                f"zakkaart {item.card.label}, {item.face.kant}: de kaart ontbreekt in de opmaak"
            )
        if fits(pages[face], spec, laid_out.fields):
            continue
        uses = list(_measure(pages[face], spec, laid_out.fields).values())
        culprit = _blame(face, uses, spec, laid_out.fields, retry)
        named = [culprit] if culprit is not None else _longest_local(uses)[:3]
        raise CardOverflowError(
            _message(item, spec, uses, len(pages[face]) > 1, culprit),
            [u.plek for u in named if u.lokaal and u.plek is not None],
        )


def _blame(
    face: int, uses: list[_FieldUse], spec: FormatSpec, fields: Sequence[Origin], retry: Retry
) -> _FieldUse | None:
    """The municipality's field without which the face fits; else the line that runs out sideways."""
    local = sorted(
        (u for u in uses if u.lokaal and u.key is not None), key=lambda u: (-len(u.lines), -len(u.text))
    )
    for use in local:
        if fits(retry(face, str(use.key)), spec, fields):
            return use
    wide = [u for u in uses if u.wide > 0]
    return max(wide, key=lambda u: u.wide) if wide else None


def _longest_local(uses: list[_FieldUse]) -> list[_FieldUse]:
    """The municipality's texts on the face, those that take the most room first."""
    return sorted((u for u in uses if u.lokaal), key=lambda u: (-len(u.lines), -len(u.text), u.veld))


def _choices(*options: str) -> str:
    """'a', 'b', 'c' as 'A, b of c.'"""
    text = enumeration(options, voegwoord="of")
    return " " + text[0].upper() + text[1:] + "."


def _message(
    item: FaceItem, spec: FormatSpec, uses: list[_FieldUse], spilled: bool, culprit: _FieldUse | None
) -> str:
    where = f"zakkaart {item.card.label}, {item.face.kant}"
    problem = "loopt over naar een tweede kaart" if spilled else "loopt buiten de veilige rand"
    text = f"{where}: de tekst past niet op het formaat {spec.label} en {problem}."
    bigger = (f"kies kaarten.formaat: {LARGEST_CARD_FORMAT}",) if spec.name != LARGEST_CARD_FORMAT else ()
    if culprit is not None:
        quoted = culprit.text if len(culprit.text) <= 60 else culprit.text[:57] + "…"
        text += f" Te lang is de {culprit.veld}: “{quoted}”."
        fix = "maak die tekst korter" if culprit.lokaal else "kort die landelijke kaarttekst in"
        return text + _choices(fix, *bigger)
    # No single text explains it: name the longest ones the municipality wrote.
    local = _longest_local(uses)
    if not local:
        return (
            text + " De landelijke kaarttekst is te lang voor dit formaat." + _choices("kort die in", *bigger)
        )
    named = "; ".join(f"{u.veld} ({len(u.lines)} regels)" for u in local[:3])
    text += f" Er staat te veel lokale tekst op; het langst zijn: {named}."
    partners = any(u.veld.startswith(("naam van partner", "bereikbaarheid van partner")) for u in local)
    fewer = ("zet minder partners op deze kaarten (aanspreekpunt_voor)",) if partners else ()
    return text + _choices("maak die teksten korter", *fewer, *bigger)
