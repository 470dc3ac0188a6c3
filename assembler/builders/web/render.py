"""The routekaart as one HTML string, from the model, for both the PDF and the web page.

The chapter outline is computed once here, so the table of contents, the headings
and the PDF bookmarks can never disagree.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from assembler.builders.art.colours import house_palette
from assembler.builders.art.routestyle import LANE_TEXT, acute_palette, stage_palette
from assembler.builders.web.columns import Columns, domein
from assembler.dutch import dutch_date, enumeration
from assembler.errors import BuildError
from assembler.fonts import direction
from assembler.model.routekaart import CHAPTERS, Practice, Routekaart
from assembler.naming import slug
from assembler.problems import Place, origin_of
from assembler.resources import templates_dir

Mode = Literal["pdf", "html"]
TEMPLATE = "routekaart.html.j2"


@dataclass(frozen=True)
class Section:
    id: str
    number: str
    title: str


@dataclass(frozen=True)
class Chapter:
    id: str
    number: str
    title: str
    sections: tuple[Section, ...]


def _chapter(number: int, ident: str, title: str, sections: list[tuple[str, str]]) -> Chapter:
    return Chapter(
        id=ident,
        number=str(number),
        title=title,
        sections=tuple(
            Section(s_id, f"{number}.{i}", s_title) for i, (s_id, s_title) in enumerate(sections, 1)
        ),
    )


def practice_id(practice: Practice) -> str:
    return f"praktijk-{slug(practice.naam)}"


def outline(model: Routekaart) -> tuple[Chapter, ...]:
    """Every numbered chapter and section the document shows, in order."""
    chain = [(f"stap-{slug(s.naam)}", s.naam) for s in model.stappen]
    chain.append(("regie", "Regie en aanspreekpunt"))
    if model.sleutelpersonen_tekst:
        chain.append(("sleutelpersonen", "Sleutelpersonen"))
    chain.append(("deskundigheid", "Deskundigheidsbevordering"))
    sections = {
        "inleiding": [("maatwerk", "Maatwerk"), ("leeswijzer", "Leeswijzer")],
        "praktijken": [(practice_id(p), p.naam) for p in model.praktijken],
        "wetgeving": [(f"wet-{w.id}", w.naam) for w in model.wetten]
        + [("meldcode", "De meldcode in vijf stappen")],
        "organisaties": [
            ("organisaties-landelijk", "Landelijke organisaties"),
            ("organisaties-regionaal", "Regionale organisaties"),
            ("organisaties-lokaal", "Lokale organisaties"),
        ],
        "ketenaanpak": chain,
        "handvatten": [
            ("handvatten-overzicht", "Overzicht"),
            *((f"handvatten-{g.id}", g.naam) for g in model.handvatten_groepen),
            ("handvatten-veilig-thuis", "Voor Veilig Thuis"),
        ],
        "afspraken": [("keuzes", "Keuzes in deze routekaart"), ("beheer", "Beheer van deze routekaart")]
        + ([("akkoord", "Akkoord van de partners")] if model.akkoorden else [])
        + ([("versies", "Versiegeschiedenis")] if model.geschiedenis else [])
        + ([("landelijk-gewijzigd", "Landelijke wijzigingen")] if model.landelijke_wijzigingen else []),
        "bijlagen": [("contactlijst", "Contactlijst"), ("begrippen", "Begrippenlijst"), ("bronnen", "Bronnen")],
    }
    return tuple(_chapter(n, key, title, sections[key]) for n, (key, title) in enumerate(CHAPTERS.items(), 1))


@dataclass(frozen=True)
class Palette:
    """The house colour made safe: headings and table headers keep AA contrast on white."""

    kleur: str
    kop: str  # heading text on white
    kop_tekst: str  # text on a kop-coloured fill
    licht: str  # light tint for callouts
    licht_tekst: str


def palette(kleur: str) -> Palette:
    # Headings and links also stand on the light tint (boxes, the contents), so they take
    # the house palette's heading shade, which passes on both backgrounds.
    house = house_palette(kleur)
    return Palette(
        kleur=house.colour,
        kop=house.heading,
        kop_tekst=house.heading_text,
        licht=house.tint,
        licht_tekst=house.tint_text,
    )


def data_uri(data: bytes) -> str:
    """A PNG or JPEG logo as a data: URI; the profile checks already allow nothing else."""
    mime = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def read_logo(path: Path | None) -> bytes | None:
    """The logo's bytes; the profile checks made sure it exists, but it may vanish in between."""
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BuildError(f"logo {path} kan niet worden gelezen: {exc.strerror or exc}") from exc


def css_string(value: str) -> Markup:
    """A value as a double-quoted CSS string, for running headers built from profile text.

    Quotes, backslashes and the characters HTML gives meaning to become CSS hex
    escapes, so a name can neither end the string nor the <style> element.
    """
    escaped = "".join(f"\\{ord(ch):x} " if ch in '"\\<>&' or not ch.isprintable() else ch for ch in value)
    return Markup(f'"{escaped}"')


@cache
def environment() -> Environment:
    env = Environment(
        # site/ holds the regional website's parts, which the routekaart includes in site mode.
        loader=FileSystemLoader([str(templates_dir() / "html"), str(templates_dir() / "site")]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["css_string"] = css_string
    env.filters["datum"] = dutch_date
    env.filters["opsomming"] = enumeration
    env.filters["slug"] = slug
    env.filters["domein"] = domein
    env.filters["richting"] = direction_attribute
    return env


def direction_attribute(text: str | None) -> Markup:
    """' dir="rtl"' for a local text written in Arabic or Hebrew, so it reads and aligns right to
    left in the PDF and the browser; nothing for a left-to-right text."""
    return Markup(' dir="rtl"') if text and direction(text) == "rtl" else Markup("")


def stylesheet(mode: Mode) -> str:
    """The shared CSS plus the print or the screen layer; read fresh so edits show without a restart."""
    folder = templates_dir() / "html"
    names = ("routekaart.css", "print.css" if mode == "pdf" else "screen.css")
    return "\n".join((folder / name).read_text(encoding="utf-8") for name in names)


def headings(chapters: tuple[Chapter, ...]) -> dict[str, Chapter | Section]:
    """Every heading by id, for the template's heading macro."""
    found: dict[str, Chapter | Section] = {}
    for chapter in chapters:
        found[chapter.id] = chapter
        found.update((s.id, s) for s in chapter.sections)
    return found


class Marks:
    """Where the values stand that a laid-out PDF may find too wide (phone numbers and e-mail
    addresses never break): each is marked data-o="n", its place the nth of ``places``, so the fit
    check names the field of one that sticks out. The marks are not content: ``strip`` removes them."""

    def __init__(self) -> None:
        self.places: list[Place] = []

    def __call__(self, value: object) -> Markup:
        place = origin_of(value)
        if place is None:
            return Markup("")
        self.places.append(place)
        return Markup(f' {MARK}="{len(self.places) - 1}"')

    @staticmethod
    def strip(html: str) -> str:
        return _MARKED.sub("", html)


MARK = "data-o"
_MARKED = re.compile(f' {MARK}="\\d+"')


def _unmarked(value: object) -> Markup:
    return Markup("")


def render_html(
    model: Routekaart,
    mode: Mode,
    font_css: str,
    logo: bytes | None,
    inline_css: bool = True,
    marks: Marks | None = None,
) -> str:
    """The whole document; `font_css` holds the @font-face rules the mode needs.

    With inline_css=False the shared stylesheet is left out (the PDF builder hands it to
    WeasyPrint parsed once); the page keeps only what is its own: colours, header and footer.
    With `marks` the values that may not fit carry their place (see Marks).
    """
    css = Markup(font_css + "\n" + stylesheet(mode)) if inline_css else Markup("")
    return render_page(model, mode, css, data_uri(logo) if logo else None, marks=marks)


def render_page(
    model: Routekaart,
    mode: Mode,
    css: Markup,
    logo_src: str | None,
    site: object | None = None,
    marks: Marks | None = None,
) -> str:
    """The document with the given inline CSS and logo address; `site` (a page of the regional
    website) adds its header, footer and stylesheet links and turns outbound links into text."""
    template = environment().get_template(TEMPLATE)
    chapters = outline(model)
    return template.render(
        m=model,
        mode=mode,
        outline=chapters,
        koppen=headings(chapters),
        kleuren=palette(model.kleur),
        route_kleuren=stage_palette(model.kleur),
        acuut_kleuren=acute_palette(),
        route_lijn=LANE_TEXT,
        logo=logo_src,
        css=css,
        auteur=f"{model.eigenaar.naam}, gemeente {model.gemeente}",
        practice_id=practice_id,
        kolommen=Columns(fixed=mode == "pdf"),
        site=site,
        herkomst=marks or _unmarked,
    )
