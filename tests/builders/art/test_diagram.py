"""The route diagram: real partner names, wrapped text that stays in its box, readable colours, stable bytes."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image, ImageFont

from assembler.builders.art.diagram import NARROW, WIDE, Geometry, route_png, route_svg
from assembler.model.routekaart import Route, Routekaart, RouteStage
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.profile.reading import load_profile
from assembler.resources import fonts_dir
from tests.conftest import FIXTURE_REGION

SVG = "{http://www.w3.org/2000/svg}"
FONT_FILES = {
    ("normal", "normal"): "NotoSans-Regular.ttf",
    ("bold", "normal"): "NotoSans-Bold.ttf",
    ("normal", "italic"): "NotoSans-Italic.ttf",
}
LONG_NAME = (
    "Stichting Interculturele Zelforganisaties en Sleutelfiguren voor Preventie van Schadelijke Praktijken "
    "Brugstad-Zuid & Omstreken"
)
ONE_LONG_WORD = "Kinderbeschermingsvoorlichtingsdeskundigheidsbevorderingsprogrammaorganisatie"


def model_of(path: Path) -> Routekaart:
    return tailor(load_profile(path), national_content())


@pytest.fixture(scope="module")
def brugstad() -> Routekaart:
    return model_of(FIXTURE_REGION / "gemeenten" / "brugstad.yaml")


def luminance(colour: str) -> float:
    """WCAG relative luminance, written out here so the test does not trust the code it checks."""
    values = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def measured(text: str, size: float, weight: str, style: str) -> float:
    """Width as Pillow lays the text out with the shipped font (an independent measurement)."""
    font = ImageFont.truetype(str(fonts_dir() / FONT_FILES[(weight, style)]), size=100)
    return font.getlength(text) * size / 100


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def stages(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if "stage" in (g.get("class") or "").split()]


def texts_of(group: ET.Element) -> list[str]:
    return [t.text or "" for t in group.iter(f"{SVG}text")]


def flowing(group: ET.Element) -> str:
    """The text of a box as one line, the way a reader puts wrapped lines together."""
    return " ".join(t for t in texts_of(group) if t != "•")


def route_with(*names: str) -> Route:
    return Route(
        stages=(
            RouteStage("Signaal", ("Onderwijs", "Huisartsen"), "Een professional ziet signalen."),
            RouteStage("Overleg", ("Aandachtsfunctionaris of collega", *names), "Overleg met een collega."),
            RouteStage("Veilig Thuis", ("Veilig Thuis Testland (0800-2000)",), "Advies vragen of melden."),
            RouteStage("Zorg", names or ("Sociaal wijkteam Testdam",), "Passende zorg."),
            RouteStage("Veiligheid en hulp", ("Politie Testdam",), "Bescherming en hulp."),
        ),
        acuut=RouteStage("Acuut gevaar", ("Politie Testdam: 112",), "Bel bij direct gevaar altijd 112."),
    )


def test_svg_is_accessible_xml_with_title_and_description(brugstad: Routekaart) -> None:
    practice = brugstad.praktijken[0]
    root = parse(route_svg(practice.route, brugstad.kleur, "Route bij VGV in Brugstad"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    first, second = list(root)[:2]
    assert first.tag == f"{SVG}title" and first.text == "Route bij VGV in Brugstad"
    assert second.tag == f"{SVG}desc"
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    assert set((root.get("aria-labelledby") or "").split()) == {first.get("id"), second.get("id")} <= ids
    # The description tells the whole route in words, acute path included.
    assert "Sociaal wijkteam Brugstad" in (second.text or "")
    assert "112" in (second.text or "")


@pytest.mark.parametrize("name", ["brugstad", "dijkmond", "s-molenwaard", "waldterp"])
def test_every_stage_shows_the_partners_the_model_names(name: str) -> None:
    model = model_of(FIXTURE_REGION / "gemeenten" / f"{name}.yaml")
    for practice in model.praktijken:
        for geometry in (WIDE, NARROW):
            root = parse(route_svg(practice.route, model.kleur, practice.naam, geometry))
            boxes = stages(root)
            assert len(boxes) == len(practice.route.stages) + 1
            for stage, box in zip((*practice.route.stages, practice.route.acuut), boxes, strict=True):
                shown = flowing(box)
                assert stage.titel in shown
                for who in stage.wie:
                    assert who in shown, f"{who!r} ontbreekt in het schema van {practice.naam}"


def test_local_partner_names_from_the_profile_are_in_the_diagram(brugstad: Routekaart) -> None:
    vgv = next(p for p in brugstad.praktijken if p.key == "vrouwelijke_genitale_verminking")
    text = " ".join(flowing(b) for b in stages(parse(route_svg(vgv.route, brugstad.kleur, "VGV"))))
    for local in ("Sociaal wijkteam Brugstad", "Stichting Sleutelpersonen Brugstad & Omstreken"):
        assert local in text
    assert "Aandachtsfunctionaris VGV Veilig Thuis Oeverland: R. Kaya" in text
    assert "Politie basisteam Oeverland: 112" in text


def _check_fits(svg: str) -> int:
    """Assert that no text line is wider than the box it stands in; returns how many lines were checked."""
    checked = 0
    for box in stages(parse(svg)):
        rect = next(r for r in box.iter(f"{SVG}rect") if r.get("class") == "box")
        width = float(rect.get("width", "0"))
        for t in box.iter(f"{SVG}text"):
            x = float(t.get("x", "0"))
            size = float(t.get("font-size", "0"))
            right = x + measured(t.text or "", size, t.get("font-weight", ""), t.get("font-style", ""))
            assert x >= 0 and right <= width - 4, f"{t.text!r} steekt buiten het vak ({right:.1f} > {width})"
            checked += 1
    return checked


@pytest.mark.parametrize("geometry", [WIDE, NARROW])
def test_long_names_wrap_inside_their_box(geometry: Geometry) -> None:
    route = route_with(LONG_NAME, ONE_LONG_WORD)
    svg = route_svg(route, "#1F5C99", "Lange namen", geometry)
    assert _check_fits(svg) > 10
    overleg = stages(parse(svg))[1]
    lines = texts_of(overleg)
    # The long name takes several lines, and each line is a piece of it in order.
    assert not any(line == LONG_NAME for line in lines)
    assert LONG_NAME in flowing(overleg)
    # A single word wider than the box is broken into pieces that fit.
    pieces = [line for line in lines if line and line in ONE_LONG_WORD]
    assert len(pieces) >= 2 and "".join(pieces) == ONE_LONG_WORD


def test_boxes_grow_with_their_text() -> None:
    short = stages(parse(route_svg(route_with("Wijkteam"), "#1F5C99", "kort")))[1]
    long = stages(parse(route_svg(route_with(LONG_NAME, LONG_NAME + " Noord"), "#1F5C99", "lang")))[1]

    def height(box: ET.Element) -> float:
        return float(next(r for r in box.iter(f"{SVG}rect") if r.get("class") == "box").get("height", "0"))

    assert height(long) > height(short) + 30


def test_fixture_diagrams_keep_text_inside_boxes(brugstad: Routekaart) -> None:
    for practice in brugstad.praktijken:
        for geometry in (WIDE, NARROW):
            _check_fits(route_svg(practice.route, brugstad.kleur, practice.naam, geometry))


@pytest.mark.parametrize("colour", ["#1F5C99", "#FFFF66", "#F5F5F5", "#00A0E0", "#000000"])
def test_text_keeps_aa_contrast_on_its_fill(colour: str) -> None:
    svg = route_svg(route_with("Sociaal wijkteam"), colour, "Contrast")
    for box in stages(parse(svg)):
        body = next(r for r in box.iter(f"{SVG}rect") if r.get("class") == "box")
        band = next(box.iter(f"{SVG}path"))
        band_bottom = float(re.match(r"M0 ([\d.]+)", band.get("d", "")).group(1))  # type: ignore[union-attr]
        for t in box.iter(f"{SVG}text"):
            fill = band.get("fill") if float(t.get("y", "0")) < band_bottom else body.get("fill")
            ratio = contrast(t.get("fill", ""), fill or "")
            assert ratio >= 4.5, f"{t.text!r}: contrast {ratio:.2f} op {fill} bij huiskleur {colour}"
    # Arrows and lines carry meaning too: at least 3:1 against the white page.
    for shape in parse(svg).iter():
        stroke = shape.get("stroke")
        if stroke:
            assert contrast(stroke, "#FFFFFF") >= 3.0


def test_acute_path_is_drawn_distinctly(brugstad: Routekaart) -> None:
    root = parse(route_svg(brugstad.praktijken[0].route, brugstad.kleur, "Acuut"))
    acute = stages(root)[-1]
    assert "acuut" in (acute.get("class") or "")
    frame = next(r for r in acute.iter(f"{SVG}rect") if r.get("class") == "box")
    normal = next(r for r in stages(root)[0].iter(f"{SVG}rect") if r.get("class") == "box")
    # Dashed and in another colour than the chain, so it differs in more than colour alone.
    assert frame.get("stroke-dasharray") and not normal.get("stroke-dasharray")
    assert frame.get("stroke") != normal.get("stroke")
    lane = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "acuut-lijn")
    stubs = [line for line in lane.iter(f"{SVG}line") if line.get("stroke-dasharray")]
    assert len(stubs) >= len(brugstad.praktijken[0].route.stages)
    assert "112" in flowing(acute)


def test_svg_and_png_are_deterministic(brugstad: Routekaart) -> None:
    route = brugstad.praktijken[0].route
    assert route_svg(route, "#1F5C99", "x") == route_svg(route, "#1F5C99", "x")
    first = route_png(route, brugstad.kleur, "Route")
    assert first == route_png(route, brugstad.kleur, "Route")
    image = Image.open(io.BytesIO(first))
    assert image.format == "PNG" and image.width == 1600
    width, height = (
        float(v) for v in parse(route_svg(route, brugstad.kleur, "Route")).get("viewBox", "").split()[2:]
    )
    assert abs(image.height / image.width - height / width) < 0.01
    # The header bands are drawn: the picture holds the darkened house colour, not just white.
    colours = {c for _, c in image.convert("RGB").getcolors(maxcolors=1 << 20) or []}
    assert any(abs(c[0] - 0x1F) < 12 and abs(c[1] - 0x5C) < 12 and abs(c[2] - 0x99) < 12 for c in colours)


def test_two_diagrams_on_one_page_do_not_share_ids(brugstad: Routekaart) -> None:
    seen: set[str] = set()
    for practice in brugstad.praktijken:
        for geometry in (WIDE, NARROW):
            ids = {
                el.get("id")
                for el in parse(route_svg(practice.route, "#1F5C99", practice.naam, geometry)).iter()
            }
            ids.discard(None)
            assert not (ids & seen)
            seen |= {i for i in ids if i}


def test_names_with_markup_characters_are_escaped() -> None:
    svg = route_svg(
        route_with("Team <Zorg> & 'Veiligheid'"), "#1F5C99", 'Titel met "aanhalingstekens" & <tags>'
    )
    root = parse(svg)  # would raise on broken XML
    assert "Team <Zorg> & 'Veiligheid'" in " ".join(flowing(b) for b in stages(root))
