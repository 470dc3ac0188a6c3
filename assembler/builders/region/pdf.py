"""The regional routekaart as a tagged PDF (PDF/UA-1), drawn by WeasyPrint from the Word edition's context.

The first page, in landscape, holds the overview of the region; the chapters follow in
portrait. The outline is computed once here, so the contents, the headings and the
bookmarks can never disagree.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape

from assembler.builders.base import Builder
from assembler.builders.region.context import HEADINGS, context, overview_file
from assembler.builders.web.pdf import check_accessible, is_a4, read_pdf
from assembler.builders.web.pdffit import check_fit
from assembler.builders.web.render import environment, palette
from assembler.builders.web.weasy import render_pdf, shared_style
from assembler.errors import BuildError
from assembler.model.region import RegionModel
from assembler.phone import NUMBER
from assembler.resources import templates_dir

TEMPLATE = "regio.html.j2"
STYLESHEETS = ("routekaart.css", "print.css", "regio.css")
WHAT = "PDF-regiodocument"



@dataclass(frozen=True)
class Heading:
    id: str
    level: int
    title: str


def outline(ctx: dict[str, Any]) -> tuple[Heading, ...]:
    """The headings of levels 1 and 2 in reading order: the contents and the bookmarks list these."""
    def fixed(key: str, level: int) -> Heading:
        return Heading(key, level, HEADINGS[key])

    headings = [
        fixed("overzicht", 1),
        fixed("handvatten", 2),
        fixed("regio", 1),
        fixed("over", 2),
        Heading("veilig-thuis", 2, ctx["veilig_thuis"].naam),
        fixed("werkafspraken", 2),
        fixed("partners", 2),
        fixed("contactlijst", 2),
        fixed("gemeenten", 1),
        # By position: two municipalities may share a slug until the batch refuses them.
        *(Heading(f"gemeente-{i}", 2, g["naam"]) for i, g in enumerate(ctx["gemeenten"], 1)),
    ]
    if ctx["mislukt"]:
        headings.append(fixed("niet-opgenomen", 2))
    return tuple(headings)


def numbers(text: str) -> Markup:
    """The text escaped, with every run of digits (phone numbers above all) kept on one line."""
    parts, last = [], 0
    # A phone number must not break over two lines; keeping a date's year or a house number
    # together as well does no harm.
    for match in NUMBER.finditer(text):
        parts += [escape(text[last : match.start()]), Markup('<span class="tel">%s</span>') % match.group()]
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


@cache
def _environment() -> Environment:
    # An overlay shares the routekaart's loader, filters and template cache.
    env = environment().overlay()
    env.filters["nummers"] = numbers
    return env


def stylesheet() -> str:
    """The municipal PDF's look and the regional layer (shared_style adds the fonts); read fresh so
    edits show at once."""
    folder = templates_dir() / "html"
    return "\n".join((folder / n).read_text(encoding="utf-8") for n in STYLESHEETS)


def render_html(model: RegionModel, overview_name: str) -> str:
    ctx = context(model, overview_name)
    headings = outline(ctx)
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            **ctx,
            inhoud=headings,
            koppen={h.id: h for h in (*headings, Heading("inhoud", 1, "Inhoud"))},
            kleuren=palette(model.kleur),
        )
    )


def render(model: RegionModel, overview_name: str) -> bytes:
    """The regional PDF as bytes; equal models give equal bytes (dates come from the model)."""
    css = stylesheet()
    html = render_html(model, overview_name)
    # The file identifier comes from the content, so the same input gives the same bytes.
    identifier = hashlib.sha256((css + html).encode("utf-8")).hexdigest()[:32].encode("ascii")
    return render_pdf(
        html,
        WHAT,
        check=lambda pages: check_fit(pages, WHAT),
        style=shared_style(css),
        pdf_variant="pdf/ua-1",
        pdf_identifier=identifier,
    )


def check(data: bytes, model: RegionModel, name: str = WHAT) -> None:
    """Read the PDF back: overview in landscape first, then portrait A4; tagged, Dutch, titled, complete."""
    facts = read_pdf(name, data)
    landscape = 0
    while landscape < len(facts.sizes) and is_a4(facts.sizes[landscape], landscape=True):
        landscape += 1
    portrait = [is_a4(size) for size in facts.sizes[landscape:]]
    if not landscape or not portrait or not all(portrait):
        shapes = ", ".join(f"{w:.0f} × {h:.0f}" for w, h in facts.sizes[:6])
        raise BuildError(
            f"{name} moet openen met het overzicht op A4 liggend en verder op A4 staand zijn "
            f"(pagina's in punten: {shapes})"
        )
    check_accessible(name, facts)
    if facts.title != model.titel:
        raise BuildError(f"{name} heeft als titel '{facts.title}' in plaats van '{model.titel}'")
    missing = [
        n for n in (model.veilig_thuis.naam, *(e.naam for e in model.gemeenten)) if n not in facts.bookmarks
    ]
    if missing:
        raise BuildError(f"{name} mist: {', '.join(missing)}")


class RegionPdfBuilder(Builder[RegionModel]):
    def render(self, model: RegionModel) -> dict[str, bytes]:
        return {self.filenames(model)[0]: render(model, overview_file(model))}

    def check(self, model: RegionModel, name: str, data: bytes) -> None:
        check(data, model, name.rsplit("/", 1)[-1])
