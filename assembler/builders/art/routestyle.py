"""The route diagram's shared parts: its colours, fixed wording and the route told in words.

Word draws the route as a native table (builders/word/route.py), the web page and the PDF as
HTML boxes (templates/html/macros.html.j2); both take their colours and wording from here,
so the three documents show the same route in the same house colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from assembler.builders.art.colours import house_palette
from assembler.model.routekaart import Route
from assembler.wcag import WHITE, darken_for, mix, text_on

LANE_TEXT = "Bij acuut gevaar, in elke stap"
ACUTE_RED = "#B3261E"
TEXT_DARK = "#1A1A1A"
NOTE_GREY = "#3D3D3D"


@dataclass(frozen=True)
class Palette:
    band: str  # header band fill, band_text on it
    band_text: str
    fill: str  # body fill
    text: str
    note: str
    stroke: str


def _palette(band: str, fill: str, stroke: str) -> Palette:
    return Palette(
        band=band,
        band_text=text_on(band, WHITE),
        fill=fill,
        text=text_on(fill, TEXT_DARK),
        note=text_on(fill, NOTE_GREY),
        stroke=stroke,
    )


@cache
def stage_palette(colour: str) -> Palette:
    """The steps' colours: a band dark enough for white text, a light body, a visible frame."""
    house = house_palette(colour)
    return _palette(house.band, house.tint, house.stroke)


@cache
def acute_palette() -> Palette:
    """The acute-danger box and lane: the same red in every municipality."""
    red = darken_for(ACUTE_RED, WHITE)
    return _palette(red, mix(red, WHITE, 0.92), red)


def description(route: Route) -> str:
    steps = [
        f"Stap {i}, {s.titel}: {'; '.join(s.wie)}. {s.toelichting}".strip()
        for i, s in enumerate(route.stages, 1)
    ]
    acute = f"{LANE_TEXT}: {'; '.join(route.acuut.wie)}. {route.acuut.toelichting}".strip()
    return " ".join([*steps, acute])


def alt_text(route: Route, titel: str) -> str:
    """The route in words, for a summary beside the drawn route."""
    return f"{titel}. {description(route)}"
