"""The shipped fonts: Noto Sans with its fallbacks per script, and the characters they print together."""

from __future__ import annotations

import unicodedata
from functools import cache

from fontTools.ttLib import TTFont

from assembler.resources import fonts_dir

FAMILY = "Noto Sans"
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
    codes: set[int] = set(_cmap("NotoSans-Regular.ttf"))
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
