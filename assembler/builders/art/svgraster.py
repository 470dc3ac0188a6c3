"""A small Pillow rasteriser for exactly the SVG that diagram.route_svg draws, so its PNG needs no browser engine.

Only the elements and attributes route_svg writes are understood; anything else is refused
with an error rather than drawn wrong. Speed matters (four diagrams per Word document), so
the picture is drawn once at its final size with straight edges snapped to whole pixels,
which keeps them sharp; only the spots with curved or slanted edges (rounded corners,
arrowheads, dashes around a corner) are drawn again at four times the size and scaled
down, which smooths them. Text is set glyph by glyph with the shipped Noto Sans fonts at
their unhinted advance widths, without kerning: the metrics the diagram's line wrapping
was measured with, so no line outgrows its box. Rendered glyphs are kept per process.
"""

from __future__ import annotations

import itertools
import math
import re
import struct
import unicodedata
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from fontTools.ttLib import TTFont
from PIL import Image, ImageColor, ImageDraw, ImageFont

from assembler.builders.art.fontmetrics import FONT_FILES, text_width
from assembler.errors import BuildError
from assembler.fonts import covering
from assembler.resources import fonts_dir

DPI = 300
COMPRESS_LEVEL = 3
SMOOTH = 4  # oversampling of the curved spots
PHASES = 4  # horizontal glyph positions per pixel
_ARC_STEPS = 8  # straight pieces per rounded corner of a dashed frame
_NS = "{http://www.w3.org/2000/svg}"
_NUMBER = r"-?\d+(?:\.\d+)?"
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_TRANSLATE = re.compile(rf"^translate\(({_NUMBER})[ ,]+({_NUMBER})\)$")
_POINT = re.compile(rf"^({_NUMBER}),({_NUMBER})$")
# The header band: a rectangle whose two top corners are rounded with quadratic curves.
_BAND = re.compile(
    rf"^M({_NUMBER}) ({_NUMBER}) V({_NUMBER}) Q({_NUMBER}) ({_NUMBER}) ({_NUMBER}) ({_NUMBER}) "
    rf"H({_NUMBER}) Q({_NUMBER}) ({_NUMBER}) ({_NUMBER}) ({_NUMBER}) V({_NUMBER}) Z$"
)
_TOLERANCE = 0.051  # route_svg writes one decimal, so derived numbers agree to within that
_IGNORED = {"title", "desc"}  # read by screen readers, not drawn
_ATTRIBUTES = {
    "svg": {"viewBox", "width", "height", "role", "aria-labelledby", "class"},
    "g": {"class", "transform"},
    "rect": {
        "class",
        "x",
        "y",
        "width",
        "height",
        "rx",
        "fill",
        "stroke",
        "stroke-width",
        "stroke-dasharray",
    },
    "path": {"d", "fill"},
    "line": {"x1", "y1", "x2", "y2", "stroke", "stroke-width", "stroke-dasharray"},
    "polygon": {"points", "fill"},
    "text": {"x", "y", "font-family", "font-size", "font-weight", "font-style", "fill", "text-anchor"},
}
_STYLES = {
    ("normal", "normal"): "regular",
    ("bold", "normal"): "bold",
    ("normal", "italic"): "italic",
    ("bold", "italic"): "bolditalic",
}
_ANCHORS = {"start": "ls", "end": "rs"}  # Pillow anchors: left or right end, on the baseline

Point = tuple[float, float]
Colour = tuple[int, int, int]
Box = tuple[int, int, int, int]  # left, top, right, bottom in pixels; right and bottom exclusive


@dataclass(frozen=True)
class _Fill:
    """A filled rectangle; radius rounds the corners that corners (tl, tr, br, bl) marks."""

    box: Box
    colour: Colour
    radius: float = 0.0
    corners: tuple[bool, bool, bool, bool] = (True, True, True, True)


@dataclass(frozen=True)
class _Ring:
    """The solid outline of a rounded rectangle, width pixels wide, inside box."""

    box: Box
    colour: Colour
    width: int
    radius: float


@dataclass(frozen=True)
class _Shape:
    """A filled polygon (width 0), or a polyline that width pixels wide follows the points."""

    points: tuple[Point, ...]
    colour: Colour
    width: int = 0


@dataclass(frozen=True)
class _Label:
    """One line of text; y is its baseline."""

    x: float
    y: float
    text: str
    style: str
    size: float  # pixels
    anchor: str
    colour: Colour


_Drawn = _Fill | _Ring | _Shape


def _fail(problem: str) -> BuildError:
    return BuildError(
        f"routeschema: {problem} (alleen de eigen routeschema-SVG kan als plaatje worden getekend)"
    )


def _tag(element: ET.Element) -> str:
    return element.tag.removeprefix(_NS)


def _number(element: ET.Element, name: str, default: float | None = None) -> float:
    value = element.get(name)
    if value is None:
        if default is None:
            raise _fail(f"<{_tag(element)}> mist het attribuut {name}")
        return default
    if not re.fullmatch(_NUMBER, value):
        raise _fail(f"{name}={value!r} op <{_tag(element)}> is geen getal")
    return float(value)


def _colour(element: ET.Element, name: str) -> Colour | None:
    """The colour of fill or stroke; None for 'none'. As in SVG, fill is black and stroke none by default."""
    value = element.get(name, "#000000" if name == "fill" else "none")
    if value == "none":
        return None
    if not _COLOUR.match(value):
        raise _fail(f"{name}={value!r} op <{_tag(element)}> is geen kleur van de vorm #RRGGBB")
    red, green, blue = ImageColor.getrgb(value)[:3]
    return red, green, blue


def _dashes(element: ET.Element) -> tuple[float, ...]:
    value = element.get("stroke-dasharray")
    if value is None:
        return ()
    parts = value.replace(",", " ").split()
    if not parts or not all(re.fullmatch(_NUMBER, p) for p in parts) or sum(float(p) for p in parts) <= 0:
        raise _fail(f"stroke-dasharray={value!r} wordt niet ondersteund")
    pattern = tuple(float(p) for p in parts)
    # SVG repeats an odd list once more, so that dashes and gaps alternate.
    return pattern * 2 if len(pattern) % 2 else pattern


def _along(points: list[Point], pattern: tuple[float, ...]) -> Iterator[list[Point]]:
    """The dashes of a polyline: the stretches that are 'on' in the repeating pattern, from its first point."""
    index, left, on = 0, pattern[0], True
    current: list[Point] = [points[0]]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        done = 0.0
        while length - done > left:
            done += left
            point = (x0 + (x1 - x0) * done / length, y0 + (y1 - y0) * done / length)
            if on:
                yield [*current, point]
            current = [point]
            on = not on
            index = (index + 1) % len(pattern)
            left = pattern[index]
        left -= length - done
        if on:
            current.append((x1, y1))
    if on and len(current) > 1:
        yield current


def _rounded_path(left: float, top: float, right: float, bottom: float, r: float) -> list[Point]:
    """A rounded rectangle as a closed polyline, starting where SVG starts a <rect>: on the top edge, after the corner."""
    points: list[Point] = []
    centres = (
        (right - r, top + r, -90),
        (right - r, bottom - r, 0),
        (left + r, bottom - r, 90),
        (left + r, top + r, 180),
    )
    for cx, cy, start in centres:
        for step in range(_ARC_STEPS + 1):
            angle = math.radians(start + 90 * step / _ARC_STEPS)
            points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    points.append((left + r, top))
    return points


@cache
def _face(name: str, size: float) -> ImageFont.FreeTypeFont:
    """One FreeType face per file and pixel size; BASIC layout adds no kerning, like the wrapping."""
    return ImageFont.truetype(str(fonts_dir() / name), size=size, layout_engine=ImageFont.Layout.BASIC)


def _font(style: str, size: float, char: str) -> ImageFont.FreeTypeFont:
    """Noto Sans in the style, or for a character it lacks (Arabic, Hebrew, a symbol) the shipped
    fallback that has it, as WeasyPrint picks it in the PDF."""
    name = FONT_FILES[style]
    if ord(char) not in _noto_codes(style):
        name = covering(char, "bold" if style.startswith("bold") else "normal") or name
    return _face(name, size)


@cache
def _noto_codes(style: str) -> frozenset[int]:
    font = TTFont(fonts_dir() / FONT_FILES[style], lazy=True)
    codes = frozenset(font.getBestCmap())
    font.close()
    return codes


@lru_cache(maxsize=4096)
def _glyph(style: str, size: float, char: str, phase: int) -> tuple[Image.Image, int, int] | None:
    """The coverage mask of one character with its pen phase/PHASES pixel right of a whole pixel,
    and the offset of the mask's corner from that whole pixel on the baseline; None when nothing shows.

    Pillow renders a whole line on every call; a diagram repeats the same few dozen glyphs, so
    drawing each once per position and pasting it is several times faster.
    """
    font = _font(style, size, char)
    box = font.getbbox(char, anchor="ls")
    left, top, right, bottom = math.floor(box[0]), math.floor(box[1]), math.ceil(box[2]), math.ceil(box[3])
    if right <= left or bottom <= top:
        return None
    mask = Image.new("L", (right - left + 2, bottom - top + 2))
    ImageDraw.Draw(mask).text((1 - left + phase / PHASES, 1 - top), char, font=font, fill=255, anchor="ls")
    return mask, left - 1, top - 1


# Letters of right-to-left scripts (Hebrew, Arabic and their presentation forms), and a run
# of them with the spaces inside it: such a run is shaped and set right to left as a whole.
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_RTL_RUN = re.compile(f"[{_RTL}](?:[{_RTL}\\s]*[{_RTL}])?")


def _set(image: Image.Image, label: _Label) -> None:
    """Draw one line of text, each glyph at the pen position its unhinted advance width gives.

    The line reads left to right (the documents are Dutch); a run of Arabic or Hebrew in it
    is joined and set right to left, as a browser and Word show it.
    """
    unit = label.size / 1000  # text_width's size argument; any unit works as long as it is the same
    pen = label.x - (text_width(label.text, 1000, label.style) * unit if label.anchor == "rs" else 0.0)
    baseline = round(label.y)
    start = 0
    for run in _RTL_RUN.finditer(label.text):
        pen = _set_glyphs(image, label, label.text[start : run.start()], pen, baseline)
        pen = _set_rtl(image, label, run.group(), pen, baseline)
        start = run.end()
    _set_glyphs(image, label, label.text[start:], pen, baseline)


@cache
def _shaping_face(name: str, size: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(fonts_dir() / name), size=size, layout_engine=ImageFont.Layout.RAQM)


def _set_rtl(image: Image.Image, label: _Label, run: str, pen: float, baseline: int) -> float:
    """One right-to-left run, shaped by raqm with the shipped font for its script; the pen after it."""
    name = covering(run[0], "bold" if label.style.startswith("bold") else "normal")
    if name is None:  # validation refuses text no shipped font prints; draw what we can
        return _set_glyphs(image, label, run, pen, baseline)
    font = _shaping_face(name, label.size)
    width = font.getlength(run, direction="rtl")
    left, top, right, bottom = font.getbbox(run, anchor="ls", direction="rtl")
    mask = Image.new("L", (math.ceil(right - min(left, 0)) + 4, math.ceil(bottom - top) + 4))
    ImageDraw.Draw(mask).text((2 - min(left, 0), 2 - top), run, font=font, fill=255, anchor="ls", direction="rtl")
    x, y = math.floor(pen) - 2 + math.floor(min(left, 0)), baseline + math.floor(top) - 2
    image.paste(label.colour, (x, y, x + mask.width, y + mask.height), mask)
    return pen + width


def _set_glyphs(image: Image.Image, label: _Label, text: str, pen: float, baseline: int) -> float:
    unit = label.size / 1000
    for char in text:
        if unicodedata.category(char) == "Cf":
            continue  # invisible format characters (soft hyphen, zero-width joiner): a browser shows nothing
        whole = math.floor(pen)
        phase = round((pen - whole) * PHASES)
        glyph = _glyph(label.style, label.size, char, phase % PHASES)
        if glyph is not None:
            mask, dx, dy = glyph
            x, y = whole + phase // PHASES + dx, baseline + dy
            image.paste(label.colour, (x, y, x + mask.width, y + mask.height), mask)
        pen += text_width(char, 1000, label.style) * unit
    return pen


class _Reader:
    """Turns the SVG elements into shapes in pixels of the final picture, in drawing order."""

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self.shapes: list[_Drawn] = []
        self.labels: list[_Label] = []

    def px(self, value: float) -> int:
        return round(value * self.scale)

    def width(self, element: ET.Element) -> int:
        return max(1, round(_number(element, "stroke-width", 1.0) * self.scale))

    def element(self, element: ET.Element, dx: float, dy: float) -> None:
        if not element.tag.startswith(_NS):
            raise _fail(f"element {element.tag!r} staat buiten de SVG-namespace")
        tag = _tag(element)
        if tag in _IGNORED:
            return
        allowed = _ATTRIBUTES.get(tag)
        if allowed is None or tag == "svg":
            raise _fail(f"het element <{tag}> wordt niet ondersteund")
        unknown = sorted(set(element.attrib) - allowed)
        if unknown:
            raise _fail(f"attribuut {', '.join(unknown)} op <{tag}> wordt niet ondersteund")
        if tag == "text":
            self.text(element, dx, dy)
            return
        if (element.text or "").strip():
            raise _fail(f"losse tekst in <{tag}> wordt niet ondersteund")
        if tag == "g":
            self.group(element, dx, dy)
            return
        if len(element):
            raise _fail(f"<{tag}> met onderdelen wordt niet ondersteund")
        {"rect": self.rect, "path": self.band, "line": self.line, "polygon": self.polygon}[tag](
            element, dx, dy
        )

    def children(self, parent: ET.Element, dx: float, dy: float) -> None:
        for child in parent:
            if (child.tail or "").strip():
                raise _fail(f"losse tekst in <{_tag(parent)}> wordt niet ondersteund")
            self.element(child, dx, dy)

    def group(self, element: ET.Element, dx: float, dy: float) -> None:
        transform = element.get("transform")
        if transform is not None:
            match = _TRANSLATE.match(transform)
            if not match:
                raise _fail(f"transform={transform!r} wordt niet ondersteund (alleen translate)")
            dx, dy = dx + float(match.group(1)), dy + float(match.group(2))
        self.children(element, dx, dy)

    def rect(self, element: ET.Element, dx: float, dy: float) -> None:
        x, y = dx + _number(element, "x", 0.0), dy + _number(element, "y", 0.0)
        right, bottom = x + _number(element, "width"), y + _number(element, "height")
        r = _number(element, "rx", 0.0)
        fill, stroke = _colour(element, "fill"), _colour(element, "stroke")
        if fill is not None:
            box = (self.px(x), self.px(y), self.px(right), self.px(bottom))
            self.shapes.append(_Fill(box, fill, r * self.scale))
        if stroke is None:
            return
        # SVG centres a stroke on the edge: the outline reaches half its width outside.
        half = _number(element, "stroke-width", 1.0) / 2
        outer = (self.px(x - half), self.px(y - half), self.px(right + half), self.px(bottom + half))
        width = self.width(element)
        pattern = _dashes(element)
        if not pattern:
            self.shapes.append(_Ring(outer, stroke, width, (r + half) * self.scale))
            return
        inset = width / 2  # the centre line, from the snapped outer edge, so straight dashes stay sharp
        path = _rounded_path(
            outer[0] + inset, outer[1] + inset, outer[2] - inset, outer[3] - inset, r * self.scale
        )
        self.dashed(path, pattern, stroke, width)

    def band(self, element: ET.Element, dx: float, dy: float) -> None:
        d = element.get("d", "")
        match = _BAND.match(d)
        if not match:
            raise _fail(f"het pad {d!r} is geen kopband")
        left, bottom, curve, qx0, top, ex0, ey0, h_end, qx1, qy1, right, ey1, bottom1 = (
            float(v) for v in match.groups()
        )
        r = curve - top
        expected = [(qx0, left), (ex0, left + r), (ey0, top), (h_end, right - r), (qx1, right), (qy1, top)]
        expected += [(ey1, top + r), (bottom1, bottom)]
        if r < 0 or any(abs(got - want) > _TOLERANCE for got, want in expected):
            raise _fail(f"het pad {d!r} is geen kopband")
        fill = _colour(element, "fill")
        if fill is not None:
            box = (self.px(dx + left), self.px(dy + top), self.px(dx + right), self.px(dy + bottom))
            self.shapes.append(_Fill(box, fill, r * self.scale, (True, True, False, False)))

    def line(self, element: ET.Element, dx: float, dy: float) -> None:
        stroke = _colour(element, "stroke")
        if stroke is None:
            return
        start = ((dx + _number(element, "x1")) * self.scale, (dy + _number(element, "y1")) * self.scale)
        end = ((dx + _number(element, "x2")) * self.scale, (dy + _number(element, "y2")) * self.scale)
        pattern = _dashes(element)
        if pattern:
            self.dashed([start, end], pattern, stroke, self.width(element))
        else:
            self.stroke([start, end], stroke, self.width(element))

    def dashed(self, path: list[Point], pattern: tuple[float, ...], colour: Colour, width: int) -> None:
        for piece in _along(path, tuple(p * self.scale for p in pattern)):
            self.stroke(piece, colour, width)

    def stroke(self, points: list[Point], colour: Colour, width: int) -> None:
        """A stroke along points; a level or upright one becomes a sharp rectangle (SVG's default butt ends)."""
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if max(ys) - min(ys) < 1e-6 or max(xs) - min(xs) < 1e-6:
            upright = max(xs) - min(xs) < 1e-6
            across = round((xs[0] if upright else ys[0]) - width / 2)
            low, high = round(min(ys if upright else xs)), round(max(ys if upright else xs))
            if high > low:
                box = (across, low, across + width, high) if upright else (low, across, high, across + width)
                self.shapes.append(_Fill(box, colour))
            return
        self.shapes.append(_Shape(tuple(points), colour, width))

    def polygon(self, element: ET.Element, dx: float, dy: float) -> None:
        points: list[Point] = []
        for pair in element.get("points", "").split():
            match = _POINT.match(pair)
            if not match:
                raise _fail(f"het punt {pair!r} van een <polygon> wordt niet ondersteund")
            points.append(
                ((dx + float(match.group(1))) * self.scale, (dy + float(match.group(2))) * self.scale)
            )
        if len(points) < 3:
            raise _fail("een <polygon> heeft minstens drie punten nodig")
        fill = _colour(element, "fill")
        if fill is not None:
            self.shapes.append(_Shape(tuple(points), fill))

    def text(self, element: ET.Element, dx: float, dy: float) -> None:
        content = element.text or ""
        if len(element):
            raise _fail("opmaak binnen <text> wordt niet ondersteund")
        if "\n" in content or "\r" in content:
            raise _fail("een tekstregel met een regeleinde wordt niet ondersteund")
        if "Noto Sans" not in element.get("font-family", "Noto Sans"):
            raise _fail(f"lettertype {element.get('font-family')!r} wordt niet meegeleverd")
        style = _STYLES.get((element.get("font-weight", "normal"), element.get("font-style", "normal")))
        anchor = _ANCHORS.get(element.get("text-anchor", "start"))
        if style is None or anchor is None:
            raise _fail(
                "alleen normale, vette en schuine tekst, links of rechts uitgelijnd, wordt ondersteund"
            )
        fill = _colour(element, "fill")
        if fill is None or not content.strip():
            return
        x, y = (dx + _number(element, "x")) * self.scale, (dy + _number(element, "y")) * self.scale
        size = round(_number(element, "font-size") * self.scale, 2)
        self.labels.append(_Label(x, y, content, style, size, anchor, fill))


def _bounds(shape: _Drawn) -> Box:
    if isinstance(shape, _Shape):
        xs, ys = [p[0] for p in shape.points], [p[1] for p in shape.points]
        grow = shape.width / 2 + 1
        return (
            math.floor(min(xs) - grow),
            math.floor(min(ys) - grow),
            math.ceil(max(xs) + grow),
            math.ceil(max(ys) + grow),
        )
    return shape.box


def _smooth_spots(shape: _Drawn) -> list[Box]:
    """The parts of a shape whose edges are curved or slanted; everything else is axis-parallel and exact."""
    if isinstance(shape, _Shape):
        return [_bounds(shape)]
    left, top, right, bottom = shape.box
    if shape.radius <= 0:
        return []
    size = math.ceil(shape.radius) + 1
    corners = shape.corners if isinstance(shape, _Fill) else (True, True, True, True)
    spots = (
        (left, top, left + size, top + size),
        (right - size, top, right, top + size),
        (right - size, bottom - size, right, bottom),
        (left, bottom - size, left + size, bottom),
    )
    return [spot for spot, rounded in zip(spots, corners, strict=True) if rounded]


def _paint(draw: ImageDraw.ImageDraw, shape: _Drawn, k: int, ox: int, oy: int) -> None:
    """Draw shape k times as large, shifted by (ox, oy) pixels of that size."""
    if isinstance(shape, _Shape):
        points = [(x * k - ox, y * k - oy) for x, y in shape.points]
        if shape.width:
            draw.line(
                points, fill=shape.colour, width=shape.width * k, joint="curve" if len(points) > 2 else None
            )
        else:
            draw.polygon(points, fill=shape.colour)
        return
    left, top, right, bottom = shape.box
    box = (left * k - ox, top * k - oy, right * k - ox - 1, bottom * k - oy - 1)
    if isinstance(shape, _Ring):
        draw.rounded_rectangle(box, radius=shape.radius * k, outline=shape.colour, width=shape.width * k)
    elif shape.radius > 0:
        draw.rounded_rectangle(box, radius=shape.radius * k, fill=shape.colour, corners=shape.corners)
    else:
        draw.rectangle(box, fill=shape.colour)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _merged(spots: list[Box]) -> list[Box]:
    """Overlapping spots joined into one, so a corner that a fill, a frame and a band share is drawn once."""
    merged: list[Box] = []
    for spot in spots:
        while True:
            other = next((m for m in merged if _overlap(m, spot)), None)
            if other is None:
                break
            merged.remove(other)
            spot = (
                min(spot[0], other[0]),
                min(spot[1], other[1]),
                max(spot[2], other[2]),
                max(spot[3], other[3]),
            )
        merged.append(spot)
    return merged


def _size(root: ET.Element) -> tuple[float, float]:
    view_box = (root.get("viewBox") or "").split()
    if len(view_box) != 4 or not all(re.fullmatch(_NUMBER, v) for v in view_box):
        raise _fail("de viewBox ontbreekt of is onleesbaar")
    x, y, width, height = (float(v) for v in view_box)
    if x != 0 or y != 0 or width <= 0 or height <= 0:
        raise _fail(f"viewBox {root.get('viewBox')!r} wordt niet ondersteund (alleen 0 0 breedte hoogte)")
    return width, height


def rasterise(svg: str, width_px: int) -> Image.Image:
    """The SVG as an RGB image width_px wide, its height in proportion, on a white page."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        raise _fail(f"geen geldige XML ({exc})") from exc
    if root.tag != f"{_NS}svg":
        raise _fail(f"het bovenste element is <{root.tag}>, geen <svg>")
    unknown = sorted(set(root.attrib) - _ATTRIBUTES["svg"])
    if unknown:
        raise _fail(f"attribuut {', '.join(unknown)} op <svg> wordt niet ondersteund")
    width, height = _size(root)
    reader = _Reader(width_px / width)
    reader.children(root, 0.0, 0.0)

    image = Image.new("RGB", (width_px, max(1, round(height * reader.scale))), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for shape in reader.shapes:
        _paint(draw, shape, 1, 0, 0)
    bounds = [_bounds(shape) for shape in reader.shapes]
    for spot in _merged([spot for shape in reader.shapes for spot in _smooth_spots(shape)]):
        left, top, right, bottom = spot
        patch = Image.new("RGB", ((right - left) * SMOOTH, (bottom - top) * SMOOTH), (255, 255, 255))
        patch_draw = ImageDraw.Draw(patch)
        for shape, box in zip(reader.shapes, bounds, strict=True):
            if _overlap(box, spot):
                _paint(patch_draw, shape, SMOOTH, left * SMOOTH, top * SMOOTH)
        image.paste(patch.reduce(SMOOTH), (left, top))
    # Text last: in route_svg no shape is ever drawn over a line of text.
    for label in reader.labels:
        _set(image, label)
    return image


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(image: Image.Image) -> bytes:
    """An RGB image as PNG with its resolution; the same pixels always give the same bytes.

    Written here rather than by Pillow: Pillow tries five row filters on every row, which
    for flat artwork like this costs more time than deflate itself and packs no smaller
    than deflate alone (every row is stored unfiltered, filter type 0).
    """
    if image.mode != "RGB":
        raise ValueError("png_bytes schrijft alleen RGB-beelden")
    width, height = image.size
    pixels, stride = memoryview(image.tobytes()), width * 3
    # Each row goes to deflate straight from the pixels, after its zero byte (no filter):
    # no copy of the whole picture with the filter bytes put in.
    deflate = zlib.compressobj(COMPRESS_LEVEL)
    parts = []
    for y in range(height):
        parts.append(deflate.compress(b"\x00"))
        parts.append(deflate.compress(pixels[y * stride : (y + 1) * stride]))
    parts.append(deflate.flush())
    per_metre = round(DPI / 0.0254)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)),
            _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
            _chunk(b"IDAT", b"".join(parts)),
            _chunk(b"IEND", b""),
        )
    )


def svg_png(svg: str, width_px: int) -> bytes:
    """The SVG as PNG bytes width_px wide at DPI; the same SVG always gives the same bytes."""
    return png_bytes(rasterise(svg, width_px))
