"""The route diagram of one practice: an accessible SVG drawn from the model, and the same picture as PNG.

The chain runs top to bottom, one box per stage with the real partner names;
a dashed red lane on the right joins every stage to the acute-danger box, since
police and 112 are the way out at any moment, not a sixth step. Text is measured
with the shipped Noto Sans metrics and wrapped, so boxes grow instead of overflowing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from xml.sax.saxutils import escape

from assembler.builders.art.colours import house_palette
from assembler.builders.art.fontmetrics import wrap
from assembler.fonts import STACK
from assembler.model.routekaart import Route, RouteStage
from assembler.wcag import WHITE, darken_for, mix, text_on

MARGIN = 12
PAD = 12
ARROW_GAP = 26
ACUTE_GAP = 34
BULLET_INDENT = 16
COLUMN_GAP = 18

TITLE = (15.0, 20.0, "bold")  # size, line height, style
NAME = (14.0, 19.0, "regular")
NOTE = (12.5, 17.0, "italic")
LANE_LABEL = (12.0, 16.0, "bold")
LANE_TEXT = "Bij acuut gevaar, in elke stap"
# Kerning and the renderer's rounding may differ a little from our advance widths.
SAFETY = 0.97

ACUTE_RED = "#B3261E"
TEXT_DARK = "#1A1A1A"
NOTE_GREY = "#3D3D3D"
# Unquoted: WeasyPrint's SVG text falls back along the list only when the names carry no quotes.
FONT = STACK.replace('"', "")
PNG_WIDTH = 1600


@dataclass(frozen=True)
class Geometry:
    """Where things go: the wide variant suits a page, the narrow one a phone."""

    width: int
    lane_space: int  # between the boxes' right edge and the right margin, for the acute lane
    columns: int  # names side by side inside a box

    @property
    def box_w(self) -> float:
        return self.width - 2 * MARGIN - self.lane_space

    @property
    def lane_x(self) -> float:
        return MARGIN + self.box_w + self.lane_space / 2


WIDE = Geometry(width=720, lane_space=56, columns=2)
NARROW = Geometry(width=380, lane_space=44, columns=1)


@dataclass(frozen=True)
class _Palette:
    band: str  # header band fill, white text on it
    band_text: str
    fill: str  # body fill
    text: str
    note: str
    stroke: str


def _palette(colour: str) -> _Palette:
    house = house_palette(colour)
    return _Palette(
        band=house.band,
        band_text=house.band_text,
        fill=house.tint,
        text=text_on(house.tint, TEXT_DARK),
        note=text_on(house.tint, NOTE_GREY),
        stroke=house.stroke,
    )


def _num(value: float) -> str:
    """Fixed notation so the same input always gives the same bytes."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text(x: float, y: float, content: str, spec: tuple[float, float, str], fill: str) -> str:
    size, _, style = spec
    weight = "bold" if "bold" in style else "normal"
    slant = "italic" if "italic" in style else "normal"
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-family="{FONT}" font-size="{_num(size)}" '
        f'font-weight="{weight}" font-style="{slant}" fill="{fill}">{escape(content)}</text>'
    )


@dataclass
class _Box:
    """One stage laid out: its height and the SVG of its contents relative to its top."""

    height: float
    parts: list[str]


def _name_column(
    names: tuple[str, ...], x: float, top: float, width: float, bullets: bool, colour: str
) -> _Box:
    """A list of names one under the other from top, each wrapped to width; height counts from top."""
    parts: list[str] = []
    y = top
    name_x = x + (BULLET_INDENT if bullets else 0)
    for name in names:
        for i, line in enumerate(wrap(name, (width - (name_x - x)) * SAFETY, NAME[0], NAME[2])):
            y += NAME[1]
            if bullets and i == 0:
                parts.append(_text(x + 2, y - 5, "•", NAME, colour))
            parts.append(_text(name_x, y - 5, line, NAME, colour))
    return _Box(height=y - top, parts=parts)


def _layout(
    number: str, stage: RouteStage, width: float, columns: int, palette: _Palette, dashed: bool = False
) -> _Box:
    inner = width - 2 * PAD
    title_lines = wrap(f"{number}{stage.titel}", inner * SAFETY, TITLE[0], TITLE[2])
    band_h = PAD * 0.6 * 2 + TITLE[1] * len(title_lines)
    parts: list[str] = []
    y = PAD * 0.6
    for line in title_lines:
        y += TITLE[1]
        parts.append(_text(PAD, y - 5, line, TITLE, palette.band_text))
    top = band_h + PAD * 0.8
    names = stage.wie
    bullets = len(names) > 1
    # Column-major, so a list still reads top to bottom, then on in the next column.
    per_column = -(-len(names) // columns) if len(names) > 1 else 1
    groups = [names[i : i + per_column] for i in range(0, len(names), per_column)] or [()]
    col_w = (inner - COLUMN_GAP * (len(groups) - 1)) / len(groups)
    tallest = 0.0
    for index, group in enumerate(groups):
        column = _name_column(group, PAD + index * (col_w + COLUMN_GAP), top, col_w, bullets, palette.text)
        parts.extend(column.parts)
        tallest = max(tallest, column.height)
    y = top + tallest
    if stage.toelichting:
        y += 4
        for line in wrap(stage.toelichting, inner * SAFETY, NOTE[0], NOTE[2]):
            y += NOTE[1]
            parts.append(_text(PAD, y - 5, line, NOTE, palette.note))
    height = y + PAD * 0.8
    dash = ' stroke-dasharray="7 4"' if dashed else ""
    frame = [
        f'<rect class="box" x="0" y="0" width="{_num(width)}" height="{_num(height)}" rx="6" '
        f'fill="{palette.fill}" stroke="{palette.stroke}" stroke-width="2"{dash}/>',
        # The band is a path so only its top corners are rounded, like the frame.
        f'<path d="M0 {_num(band_h)} V6 Q0 0 6 0 H{_num(width - 6)} Q{_num(width)} 0 {_num(width)} 6 '
        f'V{_num(band_h)} Z" fill="{palette.band}"/>',
    ]
    return _Box(height=height, parts=frame + parts)


def _arrow_down(x: float, top: float, bottom: float, colour: str, dashed: bool = False) -> str:
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    return (
        f'<g class="arrow"><line x1="{_num(x)}" y1="{_num(top)}" x2="{_num(x)}" y2="{_num(bottom - 9)}" '
        f'stroke="{colour}" stroke-width="2.5"{dash}/>'
        f'<polygon points="{_num(x - 6)},{_num(bottom - 10)} {_num(x + 6)},{_num(bottom - 10)} '
        f'{_num(x)},{_num(bottom)}" fill="{colour}"/></g>'
    )


def _description(route: Route) -> str:
    steps = [
        f"Stap {i}, {s.titel}: {'; '.join(s.wie)}. {s.toelichting}".strip()
        for i, s in enumerate(route.stages, 1)
    ]
    acute = f"Bij acuut gevaar, in elke stap: {'; '.join(route.acuut.wie)}. {route.acuut.toelichting}".strip()
    return " ".join([*steps, acute])


def _ident(route: Route, titel: str, geometry: Geometry) -> str:
    """A stable id prefix, unique per diagram and variant, so several SVGs can share one HTML page."""
    return "route-" + hashlib.sha256(repr((titel, route, geometry)).encode()).hexdigest()[:10]


def route_svg(route: Route, kleur: str, titel: str, geometry: Geometry = WIDE) -> str:
    """The route as a self-contained SVG with a title and a full text description.

    The default wide layout fits an A4 page; pass NARROW for a phone screen.
    """
    g = geometry
    palette = _palette(kleur)
    red = darken_for(ACUTE_RED, WHITE)
    acute_fill = mix(red, WHITE, 0.92)
    acute_palette = _Palette(
        band=red,
        band_text=text_on(red, WHITE),
        fill=acute_fill,
        text=text_on(acute_fill, TEXT_DARK),
        note=text_on(acute_fill, NOTE_GREY),
        stroke=red,
    )
    ident = _ident(route, titel, g)
    body: list[str] = []
    y = float(MARGIN)
    centres: list[float] = []
    for i, stage in enumerate(route.stages, 1):
        box = _layout(f"{i}. ", stage, g.box_w, g.columns, palette)
        if i > 1:
            body.append(_arrow_down(MARGIN + g.box_w / 2, y - ARROW_GAP, y, palette.stroke))
        body.append(
            f'<g class="stage" transform="translate({_num(MARGIN)} {_num(y)})">{"".join(box.parts)}</g>'
        )
        centres.append(y + min(box.height / 2, 40))
        y += box.height + ARROW_GAP
    acute_top = y - ARROW_GAP + ACUTE_GAP
    acute = _layout("", route.acuut, g.width - 2 * MARGIN, g.columns, acute_palette, dashed=True)
    # The lane: a stub from every stage into one dashed red line down to the acute box.
    lane = [
        f'<line x1="{_num(MARGIN + g.box_w)}" y1="{_num(c)}" x2="{_num(g.lane_x)}" y2="{_num(c)}" '
        f'stroke="{red}" stroke-width="2" stroke-dasharray="6 4"/>'
        for c in centres
    ]
    lane.append(_arrow_down(g.lane_x, centres[0], acute_top, red, dashed=True))
    lane.append(
        f'<text x="{_num(g.lane_x - 10)}" y="{_num(acute_top - 10)}" text-anchor="end" '
        f'font-family="{FONT}" font-size="{_num(LANE_LABEL[0])}" font-weight="bold" font-style="normal" '
        f'fill="{red}">{escape(LANE_TEXT)}</text>'
    )
    body.append(f'<g class="acuut-lijn">{"".join(lane)}</g>')
    body.append(
        f'<g class="stage acuut" transform="translate({_num(MARGIN)} {_num(acute_top)})">'
        f"{''.join(acute.parts)}</g>"
    )
    height = acute_top + acute.height + MARGIN
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {g.width} {_num(height)}" '
        f'width="{g.width}" height="{_num(height)}" role="img" '
        f'aria-labelledby="{ident}-titel {ident}-beschrijving" class="routeschema">'
        f'<title id="{ident}-titel">{escape(titel)}</title>'
        f'<desc id="{ident}-beschrijving">{escape(_description(route))}</desc>'
        f'<rect x="0" y="0" width="{g.width}" height="{_num(height)}" fill="{WHITE}"/>'
        f"{''.join(body)}</svg>"
    )


def route_png(route: Route, kleur: str, titel: str) -> bytes:
    """The same diagram as a PNG PNG_WIDTH pixels wide at 300 dpi, for the Word document.

    svgraster draws the SVG itself with the shipped fonts, at the advance widths the
    wrapping was measured with; the same route always gives the same bytes.
    """
    # Imported here: only the Word builder needs Pillow, the HTML and PDF builders use the SVG.
    from assembler.builders.art.svgraster import svg_png

    return svg_png(route_svg(route, kleur, titel), PNG_WIDTH)


def alt_text(route: Route, titel: str) -> str:
    """The diagram in words, for documents that need an alternative text beside the picture."""
    return f"{titel}. {_description(route)}"
