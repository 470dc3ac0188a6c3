"""Where cards sit on an A4 print sheet, front and back, so that a long-edge duplex print lines up."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

A4 = (210.0, 297.0)
BLEED = 3.0  # mm of artwork past the cut, on every side of every card
PRINTER_MARGIN = 5.0  # office printers leave about this much unprinted at the paper edge
MARK_GAP = 1.0  # cut marks start this far outside the bleed, so a mark never touches artwork
MARK_LENGTH = 4.0
MARK_THICKNESS = 0.1
NOTE_GAP = 1.0  # the printing note keeps this far from the cut marks
NOTE_ACROSS = 8.0  # a band above the cards this high takes the note in lines across the sheet
NOTE_ALONG = 3.5  # else a band beside them this wide takes it in one line up the long edge

T = TypeVar("T")


@dataclass(frozen=True)
class Slot:
    """A card's trim area on the sheet (mm from the sheet's top left) and how its face is turned."""

    left: float
    top: float
    width: float
    height: float
    rotation: int  # degrees clockwise: 0, or -90/90 when the card lies on its side

    def box(self, card_width: float, card_height: float) -> tuple[float, float]:
        """Top left of the unturned card box that, turned about its centre, covers this slot."""
        centre_x, centre_y = self.left + self.width / 2, self.top + self.height / 2
        return centre_x - card_width / 2, centre_y - card_height / 2


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Layout:
    sheet: tuple[float, float]
    card: tuple[float, float]
    columns: int
    rows: int
    rotated: bool
    fronts: tuple[Slot, ...]
    backs: tuple[Slot, ...]  # backs[i] lies behind fronts[i] once the sheet is turned over its long edge
    marks: tuple[Mark, ...]

    @property
    def per_sheet(self) -> int:
        return len(self.fronts)

    @property
    def flip_edge(self) -> str:
        """The edge a duplex print turns the sheet over so each back lands behind its front: 'lange' or 'korte'."""
        front, back = self.fronts[0], self.backs[0]
        # Turned over a side edge, left and right swap and top and bottom stay.
        over_side = abs(back.left - (self.sheet[0] - front.left - front.width)) < 1e-6 and back.top == front.top
        side_is_long = self.sheet[1] >= self.sheet[0]
        return "lange" if over_side == side_is_long else "korte"


@dataclass(frozen=True)
class NoteBox:
    """Where the printing note goes (mm from the sheet's top left): in the margin, clear of marks and cards."""

    left: float
    top: float
    width: float
    height: float
    upright: bool  # False: the text runs up the sheet's left edge

    def box(self) -> tuple[float, float, float, float]:
        """The unturned text box (left, top, width, height) that, turned about its centre, covers this area."""
        if self.upright:
            return self.left, self.top, self.width, self.height
        centre_x, centre_y = self.left + self.width / 2, self.top + self.height / 2
        return centre_x - self.height / 2, centre_y - self.width / 2, self.height, self.width


def note_box(layout: Layout) -> NoteBox:
    """The printable margin the cut marks leave free: above the cards, else beside them."""
    block_left = min(s.left for s in layout.fronts) - BLEED
    block_top = min(s.top for s in layout.fronts) - BLEED
    free = MARK_GAP + MARK_LENGTH + NOTE_GAP  # the marks start MARK_GAP outside the bleed
    above = block_top - free - PRINTER_MARGIN
    beside = block_left - free - PRINTER_MARGIN
    sheet_width, sheet_height = layout.sheet
    if above >= NOTE_ACROSS:
        return NoteBox(PRINTER_MARGIN, PRINTER_MARGIN, sheet_width - 2 * PRINTER_MARGIN, above, upright=True)
    if beside >= NOTE_ALONG:
        return NoteBox(PRINTER_MARGIN, PRINTER_MARGIN, beside, sheet_height - 2 * PRINTER_MARGIN, upright=False)
    raise ValueError("de kaarten laten op het vel geen marge vrij voor de afdrukinstructie")


@dataclass(frozen=True)
class Placed(Generic[T]):
    slot: Slot
    item: T


@dataclass(frozen=True)
class Sheet(Generic[T]):
    kant: str  # voorkant or achterkant
    placed: tuple[Placed[T], ...]
    marks: tuple[Mark, ...]


def _fit(room: float, size: float) -> int:
    # n cards with a 2×bleed gutter between them: n·size + (n−1)·2·bleed ≤ room
    return max(0, math.floor((room + 2 * BLEED) / (size + 2 * BLEED) + 1e-9))


def choose_layout(card_width: float, card_height: float, sheet: tuple[float, float] = A4) -> Layout:
    """The grid that holds the most cards with bleed and printable cut marks; upright cards on a tie."""
    outside = PRINTER_MARGIN + MARK_LENGTH + MARK_GAP + BLEED
    room_w, room_h = sheet[0] - 2 * outside, sheet[1] - 2 * outside
    best: tuple[int, bool, int, int] | None = None
    for rotated in (False, True):
        foot_w, foot_h = (card_height, card_width) if rotated else (card_width, card_height)
        cols, rows = _fit(room_w, foot_w), _fit(room_h, foot_h)
        if cols * rows and (best is None or cols * rows > best[0]):
            best = (cols * rows, rotated, cols, rows)
    if best is None:
        raise ValueError(f"een kaart van {card_width} × {card_height} mm past niet op het vel")
    _, rotated, cols, rows = best
    foot_w, foot_h = (card_height, card_width) if rotated else (card_width, card_height)
    block_w = cols * foot_w + (cols - 1) * 2 * BLEED
    block_h = rows * foot_h + (rows - 1) * 2 * BLEED
    x0, y0 = (sheet[0] - block_w) / 2, (sheet[1] - block_h) / 2
    fronts, backs = [], []
    for row in range(rows):
        for col in range(cols):
            left = x0 + col * (foot_w + 2 * BLEED)
            top = y0 + row * (foot_h + 2 * BLEED)
            # Turned over its long edge, the sheet swaps left and right and keeps top and bottom;
            # a card on its side must then turn the other way to keep its own top edge.
            fronts.append(Slot(left, top, foot_w, foot_h, -90 if rotated else 0))
            backs.append(Slot(sheet[0] - left - foot_w, top, foot_w, foot_h, 90 if rotated else 0))
    return Layout(
        sheet=sheet,
        card=(card_width, card_height),
        columns=cols,
        rows=rows,
        rotated=rotated,
        fronts=tuple(fronts),
        backs=tuple(backs),
        marks=_marks(fronts, (x0, y0, x0 + block_w, y0 + block_h)),
    )


def _marks(slots: Sequence[Slot], block: tuple[float, float, float, float]) -> tuple[Mark, ...]:
    """Cut marks in the margin around the block, one pair per cut line; the same on both sides."""
    left, top, right, bottom = block
    off = BLEED + MARK_GAP
    half = MARK_THICKNESS / 2
    xs = sorted({round(v, 4) for s in slots for v in (s.left, s.left + s.width)})
    ys = sorted({round(v, 4) for s in slots for v in (s.top, s.top + s.height)})
    marks = []
    for x in xs:
        marks.append(Mark(x - half, top - off - MARK_LENGTH, MARK_THICKNESS, MARK_LENGTH))
        marks.append(Mark(x - half, bottom + off, MARK_THICKNESS, MARK_LENGTH))
    for y in ys:
        marks.append(Mark(left - off - MARK_LENGTH, y - half, MARK_LENGTH, MARK_THICKNESS))
        marks.append(Mark(right + off, y - half, MARK_LENGTH, MARK_THICKNESS))
    return tuple(marks)


def impose(pairs: Sequence[tuple[T, T]], layout: Layout) -> list[Sheet[T]]:
    """(front, back) pairs to sheets: a front sheet, then its back sheet, and so on."""
    sheets: list[Sheet[T]] = []
    n = layout.per_sheet
    for start in range(0, len(pairs), n):
        chunk = pairs[start : start + n]
        sheets.append(
            Sheet(
                "voorkant",
                tuple(Placed(layout.fronts[i], front) for i, (front, _) in enumerate(chunk)),
                layout.marks,
            )
        )
        sheets.append(
            Sheet(
                "achterkant",
                tuple(Placed(layout.backs[i], back) for i, (_, back) in enumerate(chunk)),
                layout.marks,
            )
        )
    return sheets
