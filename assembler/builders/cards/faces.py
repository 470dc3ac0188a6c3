"""The HTML side of the cards: the Jinja environment, the QR code, and marking which field each text is.

The overflow guard needs to know, for every piece of text on a face, which profile or
content field it came from; the HTML carries a short number (data-f) for that, and a
second number (data-v) on each text the municipality wrote, so one can be cut short
for a second try.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape as html_escape
from html.parser import HTMLParser

import jinja2
import segno
from markupsafe import Markup, escape

from assembler.cardformats import CardFormat
from assembler.model.cards import Card, CardFace, Origin
from assembler.phone import NUMBER
from assembler.problems import origin_of
from assembler.resources import templates_dir


def mm(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") + "mm"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir() / "cards")),
        # HTML is escaped; the stylesheet is not (it holds no profile text, only numbers and a checked colour).
        autoescape=jinja2.select_autoescape(["html.j2"], default_for_string=True, default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["mm"] = mm
    env.filters["heel"] = _whole_numbers
    env.filters["kort_adres"] = short_address
    return env


def short_address(url: str) -> str:
    """A web address as people type it: no https://, no www., no closing slash."""
    text = re.sub(r"^https?://", "", url)
    return text.removeprefix("www.").rstrip("/")


_INITIAL = re.compile(r"\b([^\W\d_]\.) +(?=[^\W\d_])")


def whole_parts(text: str) -> list[tuple[str, bool]]:
    """The text in parts, each marked True when it must not break: a phone number never breaks over
    two lines ("0800-" / "2000"), and an initial stays with the name after it ("M. Yusuf", not
    "M." / "Yusuf", by a no-break space)."""
    text = _INITIAL.sub("\\1\u00a0", text)
    parts, last = [], 0
    for match in NUMBER.finditer(text):
        parts += [(text[last : match.start()], False), (match.group(0), True)]
        last = match.end()
    parts.append((text[last:], False))
    return parts


def _whole_numbers(text: str) -> Markup:
    """Escaped text in which the parts that must not break (whole_parts) stand in a nowrap span."""
    return Markup(
        "".join(
            f'<span class="heel">{escape(part)}</span>' if whole else str(escape(part))
            for part, whole in whole_parts(text)
        )
    )


@cache
def qr_svg(url: str, title: str) -> Markup:
    """A QR code as inline vector SVG; the title becomes the figure's alternative text in the PDF."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, title=title, dark="#000000", light="#FFFFFF")
    return Markup(svg)


class Fields:
    """Numbers the origins of the texts on the cards, so the HTML carries a short data-f="3"."""

    def __init__(self) -> None:
        self.origins: list[Origin] = []
        self._index: dict[Origin, int] = {}

    def ref(self, origin: Origin) -> Markup:
        if origin not in self._index:
            self._index[origin] = len(self.origins)
            self.origins.append(origin)
        return Markup(f'data-f="{self._index[origin]}"')

    def named(self, veld: str, lokaal: bool, value: object = None) -> Markup:
        """A field the template names itself; `value` is the model's value, which may know its place."""
        return self.ref(Origin(veld, lokaal, origin_of(value)))


@dataclass(frozen=True)
class FaceItem:
    card: Card
    face: CardFace
    number: int  # the card's place in its set, printed as "2/5"
    total: int
    qr: Markup | None


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    author: str
    description: str
    keywords: str
    date: str  # ISO date the documents carry, from the routekaart's vastgesteld_op


def face_items(cards: Sequence[Card], qr_label: str) -> list[FaceItem]:
    """Every face in print order (front, back, next card), numbered within its set."""
    totals: dict[str, int] = {}
    for card in cards:
        totals[card.set_naam] = totals.get(card.set_naam, 0) + 1
    seen: dict[str, int] = {}
    items = []
    for card in cards:
        seen[card.set_naam] = seen.get(card.set_naam, 0) + 1
        for face in card.faces:
            qr = qr_svg(face.qr, f"{face.qr_tekst or qr_label}: {face.qr}") if face.qr else None
            items.append(FaceItem(card, face, seen[card.set_naam], totals[card.set_naam], qr))
    return items


def face_html(item: FaceItem, spec: CardFormat, qr_label: str, fields: Fields) -> str:
    """The HTML of one face (templates/cards/kaart.html.j2), its texts marked by field in `fields`."""
    return (
        environment()
        .get_template("kaart.html.j2")
        .render(item=item, fmt=spec, qr_label=qr_label, field=fields.ref, field_of=fields.named)
    )


def numbered(fragment: str, face: int, origins: Sequence[Origin]) -> str:
    """Mark the face with its number and each text the municipality wrote with its own (data-v)."""
    counter = iter(range(1_000_000))

    def mark(match: re.Match[str]) -> str:
        if not origins[int(match.group(1))].lokaal:
            return match.group(0)
        return f'{match.group(0)} data-v="{next(counter)}"'

    marked = re.sub(r'data-f="(\d+)"', mark, fragment)
    return marked.replace("<section ", f'<section data-face="{face}" ', 1)


class _Shorten(HTMLParser):
    """Copies HTML, replacing all text inside the element with a given data-v by one letter."""

    def __init__(self, key: str) -> None:
        super().__init__(convert_charrefs=True)
        self.key = key
        self.out: list[str] = []
        self.depth = 0  # > 0 inside the element being shortened
        self.written = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += 1
        elif dict(attrs).get("data-v") == self.key:
            self.depth = 1
        self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.out.append(html_escape(data, quote=False))
        elif not self.written and data.strip():
            self.out.append("X")
            self.written = True


def shorten(fragment: str, key: str) -> str:
    parser = _Shorten(key)
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out)
