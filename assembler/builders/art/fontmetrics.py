"""Text widths from the shipped Noto Sans fonts, and word wrapping to a width in the same units."""

from __future__ import annotations

from functools import cache

from fontTools.ttLib import TTFont

from assembler.fonts import fallback_files
from assembler.resources import fonts_dir

FONT_FAMILY = "Noto Sans"
FONT_FILES = {
    "regular": "NotoSans-Regular.ttf",
    "bold": "NotoSans-Bold.ttf",
    "italic": "NotoSans-Italic.ttf",
    "bolditalic": "NotoSans-BoldItalic.ttf",
}


@cache
def _advances(style: str) -> tuple[dict[int, int], int, int]:
    """Per code point the advance width, the fallback width and units per em of one style.

    Characters Noto Sans lacks take their width from the fallback font that prints them
    (Arabic, Hebrew, symbols), scaled to Noto Sans's units.
    """
    font = TTFont(fonts_dir() / FONT_FILES[style], lazy=True)
    metrics = font["hmtx"].metrics
    cmap = font.getBestCmap()
    widths = {code: metrics[glyph][0] for code, glyph in cmap.items()}
    fallback = metrics[".notdef"][0] if ".notdef" in metrics else font["head"].unitsPerEm // 2
    units = font["head"].unitsPerEm
    font.close()
    for name in fallback_files("bold" if style.startswith("bold") else "normal"):
        extra = TTFont(fonts_dir() / name, lazy=True)
        scale = units / extra["head"].unitsPerEm
        extra_metrics = extra["hmtx"].metrics
        for code, glyph in extra.getBestCmap().items():
            widths.setdefault(code, round(extra_metrics[glyph][0] * scale))
        extra.close()
    return widths, fallback, units


def text_width(text: str, size: float, style: str = "regular") -> float:
    """Width of text set at size (any unit), without kerning; kerning only ever narrows Noto Sans."""
    widths, fallback, units = _advances(style)
    return sum(widths.get(ord(ch), fallback) for ch in text) * size / units


def _split_word(word: str, width: float, size: float, style: str) -> list[str]:
    """Break one word too long for a line into pieces that fit, at character boundaries."""
    pieces: list[str] = []
    current = ""
    for ch in word:
        if current and text_width(current + ch, size, style) > width:
            pieces.append(current)
            current = ch
        else:
            current += ch
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, width: float, size: float, style: str = "regular") -> list[str]:
    """Greedy word wrap so that no line is wider than width; never returns an empty list for text."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, style) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if text_width(word, size, style) <= width:
            current = word
        else:
            *full, current = _split_word(word, width, size, style)
            lines.extend(full)
    if current:
        lines.append(current)
    return lines
