"""The route's shared colours and words: readable in any house colour, the whole route told in words."""

from __future__ import annotations

import pytest

from assembler.builders.art.routestyle import LANE_TEXT, acute_palette, alt_text, stage_palette
from assembler.model.routekaart import Route, RouteStage


def luminance(colour: str) -> float:
    """WCAG relative luminance, written out here so the test does not trust the code it checks."""
    values = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("colour", ["#1F5C99", "#FFFF66", "#F5F5F5", "#00A0E0", "#000000"])
def test_text_keeps_aa_contrast_on_its_fill(colour: str) -> None:
    for palette in (stage_palette(colour), acute_palette()):
        assert contrast(palette.band_text, palette.band) >= 4.5, (colour, palette)
        assert contrast(palette.text, palette.fill) >= 4.5, (colour, palette)
        assert contrast(palette.note, palette.fill) >= 4.5, (colour, palette)
        # Frames, arrows and the lane carry meaning too: at least 3:1 against the white page.
        assert contrast(palette.stroke, "#FFFFFF") >= 3.0, (colour, palette)


def test_the_acute_red_differs_from_every_house_colour() -> None:
    assert acute_palette().band != stage_palette("#1F5C99").band
    assert acute_palette() == acute_palette()


def test_alt_text_tells_every_step_partner_and_the_acute_route() -> None:
    route = Route(
        stages=(
            RouteStage("Signaal", ("Onderwijs", "Huisartsen"), "Legt vast."),
            RouteStage("Veilig Thuis", ("Veilig Thuis Testland (0800-2000)",), ""),
        ),
        acuut=RouteStage("Acuut gevaar", ("Politie: 112",), "Bel 112."),
    )
    text = alt_text(route, "Route bij signalen")
    assert text.startswith("Route bij signalen. Stap 1, Signaal: Onderwijs; Huisartsen. Legt vast.")
    assert "Stap 2, Veilig Thuis: Veilig Thuis Testland (0800-2000)." in text
    assert text.endswith(f"{LANE_TEXT}: Politie: 112. Bel 112.")
