"""The one house palette: every builder takes its colours from here, so all formats agree."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from assembler.wcag import AA_GRAPHICS, WHITE, darken_for, mix, normal_hex, text_on


@dataclass(frozen=True)
class HousePalette:
    """The municipality's colour and the shades derived from it, each readable where it is used."""

    colour: str  # as the profile gives it: rules, borders and table header fills
    colour_text: str  # text on a colour fill (white or near-black, whichever passes AA)
    band: str  # fill that carries white text, and heading text on white (AA on white)
    band_text: str
    tint: str  # light fill for boxes and diagram bodies
    tint_text: str
    heading: str  # headings and links, readable on both white and the tint
    heading_text: str  # text on a heading-coloured fill
    stroke: str  # lines that carry meaning (AA for graphics on white)


@cache
def house_palette(colour: str) -> HousePalette:
    """The palette for a house colour in any CSS hex form."""
    base = normal_hex(colour)
    if base is None:
        raise ValueError(f"kleur moet de vorm #RRGGBB hebben, niet {colour!r}")
    band = darken_for(base, WHITE)
    tint = mix(band, WHITE, 0.9)
    heading = darken_for(band, tint)
    return HousePalette(
        colour=base,
        colour_text=text_on(base, WHITE),
        band=band,
        band_text=text_on(band, WHITE),
        tint=tint,
        tint_text=text_on(tint),
        heading=heading,
        heading_text=text_on(heading, WHITE),
        stroke=darken_for(band, WHITE, AA_GRAPHICS),
    )
