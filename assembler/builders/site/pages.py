"""The site's HTML pages: a municipality's routekaart in site mode, the index and the accessibility statement."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from assembler.builders.web.render import environment, palette, render_page
from assembler.model.routekaart import Routekaart, VeiligThuis
from assembler.phone import Phone


@dataclass(frozen=True)
class Download:
    label: str
    href: str
    soort: str
    grootte: str


@dataclass(frozen=True)
class SitePage:
    """What the site's header, footer and head need on one page."""

    root: str  # from the page to the site folder: "" or "../"
    huidige: str  # "index", "gemeente" or "toegankelijkheid"
    regio: str
    vt_naam: str
    # The national Veilig Thuis number (organisaties.yaml): free and answered day and night.
    vt_telefoon: Phone
    verlaten_naar: str
    gewijzigd: dt.date
    titel: str = ""
    beschrijving: str = ""
    url: str | None = None  # the page's address online, when the region gives site.url
    downloads: tuple[Download, ...] = ()


@dataclass(frozen=True)
class IndexEntry:
    naam: str
    slug: str
    versie: str
    vastgesteld_op: dt.date  # for a concept: the date the document carries
    concept: bool = False

    @property
    def href(self) -> str:
        # index.html, not the bare folder: the site then also works opened from a disk or share.
        return f"{self.slug}/index.html"

    @property
    def letter(self) -> str:
        first = self.slug[:1]
        return first if first.isalnum() else "overig"


@dataclass(frozen=True)
class Check:
    omschrijving: str
    uitkomst: str


def municipality_page(model: Routekaart, logo_name: str | None, page: SitePage) -> bytes:
    html = render_page(model, "html", Markup(""), logo_name, site=page)
    return html.encode("utf-8")


def _render(template: str, page: SitePage, kleur: str, kop: str, **values: Any) -> bytes:
    html = environment().get_template(template).render(site=page, kleuren=palette(kleur), kop=kop, **values)
    return html.encode("utf-8")


def index_page(
    page: SitePage, kleur: str, vt: VeiligThuis, entries: list[IndexEntry], downloads: bool
) -> bytes:
    letters = sorted({e.letter for e in entries})
    return _render(
        "index.html.j2",
        page,
        kleur,
        f"Routekaarten schadelijke praktijken, regio {page.regio}",
        vt=vt,
        gemeenten=entries,
        letters=letters,
        bestanden=downloads,
    )


def accessibility_page(
    page: SitePage,
    kleur: str,
    verantwoordelijk: str,
    email: str | None,
    gecontroleerd_op: dt.date | None,
    checks: list[Check],
    count: int,
) -> bytes:
    return _render(
        "toegankelijkheid.html.j2",
        page,
        kleur,
        "Toegankelijkheidsverklaring",
        verantwoordelijk=verantwoordelijk,
        email=email,
        gecontroleerd_op=gecontroleerd_op,
        controles=checks,
        aantal=count,
    )
