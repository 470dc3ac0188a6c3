"""The shipped fonts, declared once: Noto Sans by style, its fallbacks per script, and what they print.

Every place that names a font file or writes an @font-face rule (the PDF's WeasyPrint fonts,
the web pages' subset WOFF2, the site's font files, the measured columns) reads this table.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from fontTools.ttLib import TTFont

from assembler.resources import fonts_dir

FAMILY = "Noto Sans"


@dataclass(frozen=True)
class Face:
    """One face of Noto Sans: its style name, file, and CSS weight and style."""

    style: str  # regular, bold, italic, bolditalic
    file: str
    weight: str
    slant: str


FACES: tuple[Face, ...] = (
    Face("regular", "NotoSans-Regular.ttf", "normal", "normal"),
    Face("bold", "NotoSans-Bold.ttf", "bold", "normal"),
    Face("italic", "NotoSans-Italic.ttf", "normal", "italic"),
    Face("bolditalic", "NotoSans-BoldItalic.ttf", "bold", "italic"),
)
FACE = {face.style: face for face in FACES}
# Scripts Noto Sans lacks that a Dutch municipality may well print (names, a local text in
# Arabic or Hebrew), and monochrome symbols for the emoji people paste. Each family maps a
# weight to its file; a missing weight is made bold by the renderer.
FALLBACKS: tuple[tuple[str, dict[str, str]], ...] = (
    ("Noto Sans Arabic", {"normal": "NotoSansArabic-Regular.ttf", "bold": "NotoSansArabic-Bold.ttf"}),
    ("Noto Sans Hebrew", {"normal": "NotoSansHebrew-Regular.ttf", "bold": "NotoSansHebrew-Bold.ttf"}),
    ("Noto Sans Symbols2", {"normal": "NotoSansSymbols2-Regular.ttf"}),
)
STACK = ", ".join(f'"{name}"' for name in (FAMILY, *(family for family, _ in FALLBACKS))) + ", sans-serif"
SCRIPTS = "Latijns, Grieks, Cyrillisch, Arabisch en Hebreeuws schrift, en symbolen zonder kleur"


def direction(text: str) -> str:
    """'rtl' when the first letter that has a direction is Arabic or Hebrew, else 'ltr': how a
    paragraph of local text reads (the rule of Unicode's bidi algorithm, P2 and P3)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def fallback_files(weight: str = "normal") -> tuple[str, ...]:
    """The fallback font files for a weight ('normal' or 'bold'), in the order they are tried."""
    return tuple(files.get(weight, files["normal"]) for _, files in FALLBACKS)


@cache
def _cmap(name: str) -> frozenset[int]:
    font = TTFont(fonts_dir() / name, lazy=True)
    codes = frozenset(font.getBestCmap())
    font.close()
    return codes


@cache
def printable() -> frozenset[int]:
    """Every code point some shipped font has a glyph for."""
    codes: set[int] = set(_cmap(FACE["regular"].file))
    for name in fallback_files():
        codes |= _cmap(name)
    return frozenset(codes)


def covering(char: str, weight: str = "normal") -> str | None:
    """The first fallback file with a glyph for char, or None."""
    return next((name for name in fallback_files(weight) if ord(char) in _cmap(name)), None)


def _invisible(char: str) -> bool:
    # Layout characters and variation selectors (the U+FE0F after an emoji) print nothing,
    # so no font needs a glyph for them.
    code = ord(char)
    return (
        char.isspace()
        or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
    )


def unprintable(text: str) -> list[str]:
    """The characters of text, each once and in order, that no shipped font can print."""
    codes = printable()
    return list(dict.fromkeys(c for c in text if ord(c) not in codes and not _invisible(c)))


@cache
def _advances(name: str) -> tuple[dict[int, int], int]:
    font = TTFont(fonts_dir() / name, lazy=True)
    metrics = font["hmtx"].metrics
    widths = {code: metrics[glyph][0] for code, glyph in font.getBestCmap().items()}
    units = int(font["head"].unitsPerEm)
    font.close()
    return widths, units


def in_noto_sans(text: str, bold: bool = False) -> bool:
    """Whether Noto Sans itself (no fallback) has a glyph for every character of text."""
    widths, _ = _advances(FACE["bold" if bold else "regular"].file)
    return all(ord(char) in widths for char in text)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """How wide text sets in Noto Sans at `size` (in the unit of size), from the glyphs' advance
    widths: no kerning, which only ever narrows it; a character Noto Sans lacks counts as 0.6 em."""
    widths, units = _advances(FACE["bold" if bold else "regular"].file)
    missing = 0.6 * units
    return sum(widths.get(ord(char), missing) for char in text) * size / units
