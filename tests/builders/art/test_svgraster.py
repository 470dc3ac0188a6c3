"""The SVG rasteriser for the Word diagrams: right pixels where the SVG puts shapes and text, stable bytes, strict input."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from assembler.builders.art import svgraster
from assembler.builders.art.diagram import PNG_WIDTH, route_png, route_svg
from assembler.errors import BuildError
from assembler.model.routekaart import Route, RouteStage
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.profile.reading import load_profile
from tests.conftest import FIXTURE_REGION

SVG = "{http://www.w3.org/2000/svg}"
NAVY, RED, PALE = (0x1F, 0x5C, 0x99), (0xB3, 0x26, 0x1E), (0xE9, 0xEF, 0xF5)
WHITE = (255, 255, 255)


def svg(body: str, width: int = 200, height: int = 100) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}"><title>t</title><desc>d</desc>{body}</svg>'
    )


def draw(body: str, width_px: int = 400) -> Image.Image:
    image = Image.open(io.BytesIO(svgraster.svg_png(svg(body), width_px)))
    assert image.mode == "RGB"
    return image


def near(pixel: tuple[int, ...], colour: tuple[int, int, int], slack: int = 0) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(pixel, colour, strict=True))


def test_png_has_the_asked_width_proportional_height_and_300_dpi() -> None:
    image = draw('<rect x="0" y="0" width="200" height="100" fill="#FFFFFF"/>', 400)
    assert image.size == (400, 200)
    assert [round(v) for v in image.info["dpi"]] == [300, 300]


def test_rect_fill_and_centred_stroke_land_where_the_svg_puts_them() -> None:
    # Scale 2: the rect spans x 40..160, y 20..80 in pixels; the 4-unit stroke reaches 4 px either side.
    image = draw(
        '<rect x="0" y="0" width="200" height="100" fill="#FFFFFF"/>'
        '<rect x="20" y="10" width="60" height="30" rx="6" fill="#E9EFF5" stroke="#1F5C99" stroke-width="4"/>'
    )
    assert near(image.getpixel((100, 50)), PALE)
    assert near(image.getpixel((40, 50)), NAVY)  # on the left edge
    assert near(image.getpixel((37, 50)), NAVY) and near(image.getpixel((43, 50)), NAVY)
    assert near(image.getpixel((35, 50)), WHITE) and near(image.getpixel((45, 50)), PALE)
    # Rounded corner: the very corner of the outer box stays white, and its edge pixels are smoothed.
    assert near(image.getpixel((36, 16)), WHITE)
    corner = {image.getpixel((x, y)) for x in range(36, 50) for y in range(16, 30)}
    assert any(not near(c, WHITE) and not near(c, NAVY) and not near(c, PALE) for c in corner)


def test_band_path_rounds_only_its_top_corners() -> None:
    image = draw(
        '<g transform="translate(10 10)">'
        '<path d="M0 30 V6 Q0 0 6 0 H94 Q100 0 100 6 V30 Z" fill="#1F5C99"/></g>'
    )
    assert near(image.getpixel((120, 40)), NAVY)
    assert near(image.getpixel((20, 20)), WHITE)  # top-left corner rounded away
    assert near(image.getpixel((20, 79)), NAVY)  # bottom-left corner square
    assert near(image.getpixel((219, 79)), NAVY)
    assert near(image.getpixel((221, 40)), WHITE)


@pytest.mark.parametrize("bad", ["M0 30 V6 Q0 0 6 0 H90 Q100 0 100 6 V30 Z", "M0 0 L10 10 Z"])
def test_other_paths_are_refused(bad: str) -> None:
    with pytest.raises(BuildError, match="kopband"):
        svgraster.svg_png(svg(f'<path d="{bad}" fill="#1F5C99"/>'), 400)


def test_dashed_line_alternates_dash_and_gap_from_its_start() -> None:
    image = draw(
        '<line x1="10" y1="50" x2="190" y2="50" stroke="#B3261E" stroke-width="2" stroke-dasharray="6 4"/>'
    )
    row = [near(image.getpixel((x, 100)), RED) for x in range(20, 380)]
    # Scale 2: 12 px dash, 8 px gap, starting with a dash at x = 20.
    assert row[:12] == [True] * 12 and row[12:20] == [False] * 8 and row[20:32] == [True] * 12
    assert sum(row) == pytest.approx(len(row) * 12 / 20, abs=12)


def test_solid_line_and_polygon_arrowhead() -> None:
    image = draw(
        '<g class="arrow"><line x1="100" y1="10" x2="100" y2="80" stroke="#1F5C99" stroke-width="2.5"/>'
        '<polygon points="94,80 106,80 100,90" fill="#1F5C99"/></g>'
    )
    assert all(near(image.getpixel((200, y)), NAVY) for y in range(22, 158))
    assert near(image.getpixel((200, 170)), NAVY)  # inside the triangle
    assert near(image.getpixel((190, 176)), WHITE)  # beside its tip


def test_text_sits_on_its_baseline_and_end_anchor_ends_at_x() -> None:
    image = draw(
        '<text x="10" y="40" font-family="\'Noto Sans\', sans-serif" font-size="20" font-weight="bold" '
        'font-style="normal" fill="#1A1A1A">Hallo</text>'
        '<text x="190" y="80" text-anchor="end" font-family="\'Noto Sans\', sans-serif" font-size="14" '
        'font-weight="normal" font-style="italic" fill="#B3261E">Acuut</text>'
    )
    dark = [(x, y) for x in range(400) for y in range(0, 100) if sum(image.getpixel((x, y))) < 200]
    assert dark and min(x for x, _ in dark) >= 18 and max(y for _, y in dark) <= 81  # baseline y = 80 px
    assert min(y for _, y in dark) < 60  # cap height of 20-unit text is some 28 px
    reds = [x for x in range(400) for y in range(120, 170) if near(image.getpixel((x, y)), RED, 40)]
    assert reds and 370 <= max(reds) <= 381 and min(reds) > 250


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('<circle cx="5" cy="5" r="3"/>', "<circle>"),
        ('<g transform="rotate(45)"><rect width="5" height="5"/></g>', "translate"),
        ('<rect width="5" height="5" opacity="0.5"/>', "opacity"),
        ('<rect width="5" height="5" fill="red"/>', "#RRGGBB"),
        ('<text x="1" y="1" font-family="Arial">x</text>', "Arial"),
        ('<text x="1" y="1" text-anchor="middle">x</text>', "uitgelijnd"),
        ('<text x="1" y="1"><tspan>x</tspan></text>', "opmaak"),
        ('<rect width="5" height="5"><animate/></rect>', "onderdelen"),
    ],
)
def test_anything_outside_the_subset_is_refused_with_a_dutch_message(body: str, problem: str) -> None:
    with pytest.raises(BuildError, match="routeschema") as caught:
        svgraster.svg_png(svg(body), 100)
    assert problem in str(caught.value)


def test_broken_xml_and_other_roots_are_refused() -> None:
    with pytest.raises(BuildError, match="geen geldige XML"):
        svgraster.svg_png("<svg", 100)
    with pytest.raises(BuildError, match="geen <svg>"):
        svgraster.svg_png('<html xmlns="http://www.w3.org/1999/xhtml"/>', 100)
    with pytest.raises(BuildError, match="viewBox"):
        svgraster.svg_png(svg("").replace('viewBox="0 0 200 100"', 'viewBox="5 5 200 100"'), 100)


def route() -> Route:
    model = tailor(load_profile(FIXTURE_REGION / "gemeenten" / "brugstad.yaml"), national_content())
    return model.praktijken[0].route


def test_diagram_bytes_do_not_depend_on_remembered_glyphs() -> None:
    first = route_png(route(), "#1F5C99", "Route")
    svgraster._glyph.cache_clear()
    assert route_png(route(), "#1F5C99", "Route") == first


def test_no_text_ink_reaches_the_right_edge_of_any_box() -> None:
    """Wrapped text stays inside its box in the picture too: the right padding of each box holds only the fill."""
    long = "Stichting Interculturele Zelforganisaties en Sleutelfiguren Brugstad-Zuid & Omstreken"
    word = "Kinderbeschermingsvoorlichtingsdeskundigheidsbevorderingsprogrammaorganisatie" * 2
    stages = (
        RouteStage("Signaal", ("Onderwijs", long, word), "Een professional ziet signalen en legt ze vast."),
        RouteStage("Overleg", (long + " Noord", "Wijkteam"), "Overleg met een collega. " * 6),
    )
    picture = Route(stages=stages, acuut=RouteStage("Acuut gevaar", ("Politie: 112",), "Bel 112. " * 12))
    text = route_svg(picture, "#1F5C99", "Lang")
    image = Image.open(io.BytesIO(route_png(picture, "#1F5C99", "Lang"))).convert("RGB")
    root = ET.fromstring(text)
    scale = PNG_WIDTH / float(root.get("viewBox", "").split()[2])
    checked = 0
    for group in root.iter(f"{SVG}g"):
        if "stage" not in (group.get("class") or "").split():
            continue
        dx, dy = (float(v) for v in (group.get("transform") or "")[len("translate(") : -1].split())
        frame = next(r for r in group.iter(f"{SVG}rect") if r.get("class") == "box")
        band_bottom = float((next(group.iter(f"{SVG}path")).get("d") or "").split()[1])
        fill = tuple(int((frame.get("fill") or "")[i : i + 2], 16) for i in (1, 3, 5))
        right = (dx + float(frame.get("width", "0"))) * scale
        top, bottom = (dy + band_bottom) * scale + 2, (dy + float(frame.get("height", "0"))) * scale - 12
        # The layout keeps text 12 units from the edge; 10 leaves room for an italic overhang.
        for x in range(round(right - 10 * scale), round(right - 1.5 * scale)):
            for y in range(round(top), round(bottom)):
                assert near(image.getpixel((x, y)), fill), f"tekst raakt de rand van het vak bij ({x}, {y})"  # type: ignore[arg-type]
                checked += 1
    assert checked > 5000
