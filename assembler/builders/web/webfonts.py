"""The shipped Noto Sans as small WOFF2 data URIs, so the web page and its diagrams look as measured."""

from __future__ import annotations

import base64
import io
from functools import cache

from fontTools import subset
from fontTools.ttLib import TTFont

from assembler.fonts import FACE, FAMILY, Face
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
# The faces web pages carry: bold italic is left to the browser.
WEB_FACES = tuple(FACE[style] for style in ("regular", "bold", "italic"))


@cache
def _woff2(style: str) -> bytes:
    font = TTFont(fonts_dir() / FACE[style].file, recalcTimestamp=False)
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


def web_font_rule(face: Face, url: str) -> str:
    """The @font-face rule of one web face, its WOFF2 at url (a data: URI or a file beside the page)."""
    return (
        f'@font-face {{ font-family: "{FAMILY}"; font-weight: {face.weight}; font-style: {face.slant}; '
        f'font-display: swap; src: url("{url}") format("woff2"); }}'
    )


@cache
def web_font_css() -> str:
    """@font-face rules with the fonts inline; about 100 kB in all, the same for every document."""
    return "\n".join(
        web_font_rule(face, "data:font/woff2;base64," + base64.b64encode(_woff2(face.style)).decode("ascii"))
        for face in WEB_FACES
    )


def woff2_font(style: str) -> bytes:
    """One face ("regular", "bold", "italic") as a subset WOFF2 file, for pages that link their fonts."""
    return _woff2(style)
