"""The shipped Noto Sans as small WOFF2 data URIs, so the web page and its diagrams look as measured."""

from __future__ import annotations

import base64
import io
from functools import cache

from fontTools import subset
from fontTools.ttLib import TTFont

from assembler.builders.art.fontmetrics import FONT_FAMILY, FONT_FILES
from assembler.resources import fonts_dir

# Latin-1, Latin Extended-A (Frisian, Turkish and other names), punctuation, euro, arrows.
# Glyphs outside fall back to the reader's own sans-serif, character by character.
UNICODES = (
    *range(0x20, 0x7F),
    *range(0xA0, 0x180),
    *range(0x2010, 0x2027),
    0x2030,
    0x2039,
    0x203A,
    0x20AC,
    0x2122,
    *range(0x2190, 0x2194),
)
FACES = (("regular", "normal", "normal"), ("bold", "bold", "normal"), ("italic", "normal", "italic"))


@cache
def _woff2(style: str) -> bytes:
    font = TTFont(fonts_dir() / FONT_FILES[style], recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk"]
    options.name_IDs = ["*"]  # keep the OFL licence and copyright names inside the font
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


@cache
def web_font_css() -> str:
    """@font-face rules with the fonts inline; about 100 kB in all, the same for every document."""
    rules = []
    for style, weight, slant in FACES:
        data = base64.b64encode(_woff2(style)).decode("ascii")
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; font-style: {slant}; '
            f'font-display: swap; src: url("data:font/woff2;base64,{data}") format("woff2"); }}'
        )
    return "\n".join(rules)


def woff2_font(style: str) -> bytes:
    """One face ("regular", "bold", "italic") as a subset WOFF2 file, for pages that link their fonts."""
    return _woff2(style)
