"""A card face measured with the shipped font's advance widths instead of laid out: "fits" only when
even a generous estimate stays inside the safe zone.

The estimate follows the face's template (templates/cards/_face.html.j2) and stylesheet
(kaarten.css.j2) box by box, and errs on the long side wherever it simplifies:

- lines break only at spaces, never after a hyphen or an en space as the layout may, and every
  line of a text that flows beside a float (the number of a call, the band's card number) is
  taken as narrow as the line beside it;
- widths are the glyphs' advances without kerning or ligatures (which only narrow a text in
  Noto Sans), and a line may fill only WIDTH_SHARE of its measure;
- margins are added up, never collapsed;
- a text's box reaches ASCENT_DESCENT em below its line's top, as WeasyPrint gives it.

What it cannot judge on the safe side it does not judge: a word wider than its line, a character
Noto Sans has no glyph for (a fallback font has other metrics), a card number wider than half
the band. Such a face is left to the real layout. tests/builders/cards/test_measure.py holds the
estimate against WeasyPrint's layout of every face of the example, fixture and contract regions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assembler.builders.cards.faces import FaceItem, short_address, whole_parts
from assembler.cardformats import CardFormat
from assembler.fonts import in_noto_sans, text_width
from assembler.model.cards import CallEntry, TextBlock

PX_PER_MM = 96 / 25.4
PX_PER_PT = 96 / 72
ASCENT_DESCENT = (1069 + 293) / 1000  # Noto Sans, in em
WIDTH_SHARE = 0.985
SAFETY = 1.0  # px kept clear of the safe zone's edge, beyond the fit check's own tolerance
TOLERANCE = 0.5  # px, as builders/cards/fit.py allows
_SPACE = re.compile(r"[ \t\n\r\f]+")
_PIECE = re.compile(r"[ \t\n\r\f]+|[^ \t\n\r\f]+")
# Call kinds whose label is plain and whose name is bold (.call-veilig_thuis .call-label and so on).
_PLAIN_LABEL = frozenset({"veilig_thuis", "vgv", "spoed", "landelijk"})

Runs = Sequence[tuple[str, bool]]  # (text, bold)


class Unsure(Exception):
    """The estimate cannot be sure of the safe side here: the real layout must decide."""


@lru_cache(maxsize=1 << 16)
def _piece_width(piece: str, size: float, bold: bool) -> float | None:
    """A word's width, None when Noto Sans lacks one of its characters. Remembered: the same
    national texts stand on every face, and the editor measures the faces again on each change."""
    return text_width(piece, size, bold) if in_noto_sans(piece, bold) else None


def _words(runs: Runs, size: float) -> list[tuple[float, float]]:
    """(width, width of the space before it) per word: what stands between collapsible spaces,
    across runs of other weights ("Thuis" bold and ":" plain are one word)."""
    words: list[tuple[float, float]] = []
    word: float | None = None  # the width of the word being read, None between words
    space = 0.0  # the collapsed space before the next word
    for text, bold in runs:
        for piece in _PIECE.findall(text):
            if _SPACE.fullmatch(piece):
                if word is not None:
                    words.append((word, space))
                    word, space = None, text_width(" ", size, bold)
                continue
            width = _piece_width(piece, size, bold)
            if width is None:
                raise Unsure("a character only a fallback font has")
            word = (word or 0.0) + width
    if word is not None:
        words.append((word, space))
    return words


def line_count(runs: Runs, size: float, first: float, rest: float) -> int:
    """The lines greedy breaking at spaces needs, the first line `first` wide, the others `rest`."""
    lines, used = 0, 0.0
    for width, space in _words(runs, size):
        room = (first if lines <= 1 else rest) * WIDTH_SHARE
        if lines and used + space + width <= room:
            used += space + width
            continue
        lines += 1
        if width > (first if lines == 1 else rest) * WIDTH_SHARE:
            raise Unsure("a word wider than its line")
        used = width
    return lines


def _anywhere_lines(text: str, size: float, width: float) -> int:
    """Lines of a text that may break anywhere (overflow-wrap: anywhere), such as a web address."""
    if not in_noto_sans(text):
        raise Unsure("a character only a fallback font has")
    lines, used = 1, 0.0
    for char in text:
        advance = text_width(char, size)
        if used + advance > width * WIDTH_SHARE:
            lines, used = lines + 1, 0.0
        used += advance
    return lines


# Where a long address breaks: after a slash or a hyphen that a letter follows. The layout may break
# at more places (it never needs more lines for that); a piece wider than the line is left to it.
_ADDRESS_PIECE = re.compile(r".+?(?:[/-](?=[^\W\d_])|$)")


def _address_lines(address: str, size: float, width: float) -> int:
    """Lines of a web address shown whole (.qr-los .qr-url): greedy at its slashes and hyphens."""
    if not in_noto_sans(address):
        raise Unsure("a character only a fallback font has")
    lines, used = 0, 0.0
    for piece in _ADDRESS_PIECE.findall(address):
        advance = text_width(piece, size)
        if advance > width * WIDTH_SHARE:
            raise Unsure("a piece of an address wider than its line")
        if lines and used + advance <= width * WIDTH_SHARE:
            used += advance
            continue
        lines, used = lines + 1, advance
    return lines


def _whole(text: str, bold: bool = False) -> list[tuple[str, bool]]:
    """Text through the template's filter heel: a part that must not break has its spaces no-break."""
    return [(part.replace(" ", "\u00a0") if whole else part, bold) for part, whole in whole_parts(text)]


def _hours(text: str) -> list[tuple[str, bool]]:
    """Office hours as the template prints them: short hours (.heel) stay on one line."""
    return [(text.replace(" ", "\u00a0"), False)] if len(text) <= 16 else _whole(text)


class _Face:
    """One face, top to bottom, keeping the lowest point any text of it reaches."""

    def __init__(self, item: FaceItem, spec: CardFormat, qr_label: str) -> None:
        self.item, self.spec, self.qr_label = item, spec, qr_label
        self.width = spec.width * PX_PER_MM
        self.height = spec.height * PX_PER_MM
        self.safe = spec.safe * PX_PER_MM
        self.measure = self.width - 2 * self.safe
        self.body = spec.body_pt * PX_PER_PT
        self.small = spec.small_pt * PX_PER_PT
        self.y = self.safe
        self.lowest = 0.0

    def _mm(self, value: float) -> float:
        return value * PX_PER_MM

    def text(self, runs: Runs, size: float, leading: float, first: float, rest: float | None = None) -> float:
        """Place a paragraph at the current height; return its height."""
        lines = line_count(runs, size, first, first if rest is None else rest)
        return self._lines(lines, size, leading)

    def _lines(self, lines: int, size: float, leading: float) -> float:
        if lines:
            self.lowest = max(self.lowest, self.y + (lines - 1) * size * leading + ASCENT_DESCENT * size)
        return lines * size * leading

    def band(self) -> None:
        spec, item = self.spec, self.item
        kop = spec.kop_pt * PX_PER_PT
        number = f"{item.number}/{item.total}"
        if spec.compact and item.face.kant == "achterkant":
            number = f"{item.card.set_naam} {number}"
        float_width = text_width(number, self.small) + self._mm(2)  # .band-nr: padding-left 2mm
        if float_width > self.measure / 2 or not in_noto_sans(number):
            raise Unsure("a card number wider than half the band")
        self.lowest = max(self.lowest, self.y + ASCENT_DESCENT * self.small)
        beside = self.measure - float_width
        top = self.y
        height = self.text([(item.face.kop, True)], kop, 1.1, beside)
        if not spec.compact:
            self.y = top + height
            height += self.text([(item.face.meta, False)], self.small, 1.15, beside)
        self.y = top + max(height, 1.1 * kop) + self._mm(spec.band_bottom) + self._mm(spec.gap)

    def block(self, block: TextBlock) -> None:
        spec, body, lead = self.spec, self.body, self.spec.leading
        run_in = spec.compact and block.stijl in ("tips", "niet")
        if block.kop and not run_in:
            self.y += self.text([(block.kop, True)], body, lead, self.measure)
        hanging = self.measure - 1.1 * body  # li: padding-left 1.1em, text-indent -1.1em
        mark = "×" if block.stijl == "niet" else "•"
        if run_in:
            runs: list[tuple[str, bool]] = [(block.kop, True), (" ", False)] if block.kop else []
            for index, text in enumerate(block.items):
                runs += [(" " if index else "", False), (f"{mark}\u2002", False), *_whole(text)]
            self.y += self.text(runs, body, lead, self.measure)
        for index, text in enumerate(() if run_in else block.items, 1):
            if block.stijl == "genummerd":
                self.y += self.text([(f"{index}\u2002", True), *_whole(text)], body, lead, self.measure, hanging)
            elif block.stijl in ("tekst", "naam"):
                self.y += self.text(_whole(text, bold=block.stijl == "naam"), body, lead, self.measure)
            else:
                self.y += self.text([(f"{mark}\u2002", False), *_whole(text)], body, lead, self.measure, hanging)
        self.y += self._mm(spec.gap)

    def acute(self, block: TextBlock) -> None:
        width = self.measure - self._mm(self.spec.indent)  # border and padding, half the indent each
        for text in block.items:
            self.y += self.text(_whole(text, bold=True), self.body, self.spec.leading, width)
        self.y += self._mm(self.spec.gap)

    def call(self, entry: CallEntry, width: float, short: bool) -> None:
        spec = self.spec
        leading = 1.05 if spec.compact else 1.2
        label = None if short and entry.soort == "veilig_thuis" else entry.label
        who = None if short and entry.soort == "spoed" else entry.wie
        plain = entry.soort in _PLAIN_LABEL
        runs: list[tuple[str, bool]] = []
        if label:
            runs += [(label, not plain), (": " if who else "", False)]
        if who:
            runs += _whole(who, bold=plain)
        hours = _hours(entry.wanneer) if entry.wanneer else []
        if hours and spec.compact:
            # After the name, in the small size: taken at the body's size, which is wider.
            runs += [(", ", False), *hours]
        float_height = 0.0
        if entry.telefoon:
            number = spec.number_pt * PX_PER_PT
            printed = str(entry.telefoon)
            raised = float("%.2f" % (spec.body_pt * (leading + 1.069 - 0.293) / 2 - spec.number_pt * 0.888))
            raised *= PX_PER_PT  # .call-nr: margin-top, so number and name share a baseline
            float_width = text_width(printed, number, True) + self._mm(1.5)
            if float_width > width * WIDTH_SHARE or not in_noto_sans(printed, True):
                raise Unsure("a number wider than its line")
            width -= float_width
            self.lowest = max(self.lowest, self.y + raised + ASCENT_DESCENT * number)
            float_height = raised + number
        top = self.y
        height = self.text(runs, self.body, leading, width)
        if hours and not spec.compact:
            self.y = top + height
            height += self.text(hours, self.small, leading, width)
        self.y = top + max(height, float_height) + self._mm(spec.gap / 2)

    def calls_and_code(self) -> None:
        spec, item, face = self.spec, self.item, self.item.face
        beside = bool(item.qr) and spec.compact
        width = self.measure - self._mm(spec.qr + 2) if beside else self.measure
        top = self.y
        for entry in face.bellen:
            self.call(entry, width, spec.compact and item.card.praktijk is not None)
        if not face.qr:
            return
        if not face.bellen:
            self.code_alone()
            return
        code = self._mm(spec.qr)
        if beside:
            # Beside the calls, out of the flow: the code, its label under it; then the address.
            bottom = self.y
            self.y = top + code
            self.text([(self.qr_label, False)], self.small, 1.15, code)
            # The row is at least as tall as the code; the last call's margin may still follow it.
            self.y = max(bottom, top + self._mm(spec.qr + 6 + spec.gap / 2))
            lines = _anywhere_lines(short_address(face.qr), self.small, self.measure)
            self.y += self._lines(lines, self.small, spec.leading)
            return
        self.y += self._mm(spec.gap)
        top, beside_code = self.y, self.measure - code - self._mm(3)
        height = self.text([(self.qr_label, False)], self.small, 1.15, beside_code)
        self.y = top + height
        height += self._lines(_anywhere_lines(" " + face.qr, self.small, beside_code), self.small, 1.15)
        self.y = top + max(height, code)

    def code_alone(self) -> None:
        """A QR code without numbers (the card that names the reader's own meldcode): a larger code floating left, its label
        and whole address beside it (.qr-los)."""
        face, spec = self.item.face, self.spec
        self.y += self._mm(spec.gap)
        code = self._mm(spec.qr + 5)
        top, beside_code = self.y, self.measure - code - self._mm(2)
        height = self.text([(face.qr_tekst or self.qr_label, False)], self.small, 1.15, beside_code)
        self.y = top + height
        address = short_address(face.qr or "")
        height += self._lines(_address_lines(address, self.small, beside_code), self.small, 1.15)
        self.y = top + max(height, code)

    def footer_and_stamp(self) -> None:
        face, spec = self.item.face, self.spec
        if face.voet:
            self.y += self._mm(spec.gap / 2)
            self.y += self.text([(face.voet, False)], self.small, spec.leading, self.measure)
        if face.stempel:
            size = self._mm(min(spec.width, spec.height) / 6)  # .stempel: the shorter side decides
            wide = text_width(face.stempel, size, True) > self.measure - 2 * SAFETY
            if wide or not in_noto_sans(face.stempel, True):
                raise Unsure("the concept stamp is wider than the face")
            self.lowest = max(self.lowest, 0.4 * self.height + ASCENT_DESCENT * size)

    def bottom(self) -> float:
        """The lowest point a text of the face reaches, in px from the trim's top."""
        face = self.item.face
        self.band()
        for block in face.blokken:
            self.block(block)
        if face.acuut:
            self.acute(face.acuut)
        self.calls_and_code()
        self.footer_and_stamp()
        if self.y > self.height:
            raise Unsure("the flow runs off the page")
        return self.lowest


def lowest_text(item: FaceItem, spec: CardFormat, qr_label: str) -> float | None:
    """How far down the face's text reaches at most, in px from the top of the trim; None when unsure."""
    try:
        return _Face(item, spec, qr_label).bottom()
    except Unsure:
        return None


def fits(item: FaceItem, spec: CardFormat, qr_label: str) -> bool:
    """True only when the face certainly fits its safe zone; False when it may not (then lay it out)."""
    lowest = lowest_text(item, spec, qr_label)
    limit = (spec.height - spec.safe) * PX_PER_MM + TOLERANCE - SAFETY
    return lowest is not None and lowest <= limit
