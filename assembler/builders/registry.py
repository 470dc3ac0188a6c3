"""Every output the toolkit makes, declared once: its name, label, model, files and builder.

This module imports no builder: a builder's module (and docxtpl, WeasyPrint or openpyxl
with it) is imported only when something is rendered, so `--help`, profile checks and a
batch rerun without changes never load a renderer. A new output is one builder module and one
line in OUTPUTS.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assembler.builders.base import BuildContext, Builder


class Kind(StrEnum):
    """Which model an output is made from, and so which command makes it."""

    MUNICIPALITY = "gemeente"  # a Routekaart: `build`, and per municipality in `batch`
    REGION = "regio"  # the RegionModel: `batch`, after every municipality
    SITE = "site"  # the SiteModel: `batch --site`
    CHANGES = "wijzigingen"  # a Redline of two editions: `wijzigingen -o`


@dataclass(frozen=True)
class Offer:
    """How the regional website offers a file for download: link text and kind."""

    label: str
    soort: str


@dataclass(frozen=True)
class Entry:
    """One registered output."""

    name: str  # what --formaat says
    label: str  # what a user reads in lists and the batch summary
    kind: Kind
    builder: str  # "module:Class", imported on demand
    # The files it writes, with {slug} for the model's slug: a municipality's in its own folder,
    # the region's relative to the batch folder, the site's relative to site/.
    files: tuple[str, ...]
    # For the region: made in a batch when this municipal format is asked; None: always made.
    asked_with: str | None = None
    # For a municipality: per file, how the regional website offers it (None: not offered).
    offers: tuple[Offer | None, ...] = ()
    # The slowest of its kind: made beside the others, on a second core (pipeline/produce.py).
    aside: bool = False

    def filenames(self, slug: str) -> list[str]:
        return [pattern.format(slug=slug) for pattern in self.files]

    def load(self) -> type[Builder[Any]]:
        module_name, class_name = self.builder.split(":")
        builder: type[Builder[Any]] = getattr(importlib.import_module(module_name), class_name)
        return builder

    @property
    def module(self) -> str:
        return self.builder.split(":")[0]

    @property
    def suffix(self) -> str:
        """The extension of its (first) file: ".docx"."""
        return "." + self.files[0].rsplit(".", 1)[-1]


_WORD = Offer("Routekaart als Word-bestand", "Word")
_ODF = Offer("Routekaart als OpenDocument-bestand (ODF), om te bewerken", "ODF")
_PDF = Offer("Routekaart als PDF-bestand", "PDF")
_CARDS = Offer("Zakkaarten, één kaart per pagina", "PDF")
_SHEETS = Offer("Zakkaarten op A4-vellen, om zelf te printen en te snijden", "PDF")

# In the order they are made, listed and offered for download.
OUTPUTS = (
    Entry(
        "docx",
        "routekaart (Word)",
        Kind.MUNICIPALITY,
        "assembler.builders.word.builder:DocxBuilder",
        ("routekaart-{slug}.docx",),
        offers=(_WORD,),
    ),
    Entry(
        "odt",
        "routekaart (ODF)",
        Kind.MUNICIPALITY,
        "assembler.builders.odf.builder:OdtBuilder",
        ("routekaart-{slug}.odt",),
        offers=(_ODF,),
    ),
    Entry(
        "pdf",
        "routekaart (PDF)",
        Kind.MUNICIPALITY,
        "assembler.builders.web.pdf:PdfBuilder",
        ("routekaart-{slug}.pdf",),
        offers=(_PDF,),
        aside=True,
    ),
    Entry(
        "html",
        "routekaart (HTML)",
        Kind.MUNICIPALITY,
        "assembler.builders.web.html:HtmlBuilder",
        ("routekaart-{slug}.html",),
        offers=(None,),
    ),
    Entry(
        "kaarten",
        "zakkaarten",
        Kind.MUNICIPALITY,
        "assembler.builders.cards.builder:CardsBuilder",
        ("zakkaarten-{slug}.pdf", "zakkaarten-{slug}-a4.pdf"),
        offers=(_CARDS, _SHEETS),
    ),
    Entry(
        "regio-docx",
        "Regiodocument (Word)",
        Kind.REGION,
        "assembler.builders.region.document:RegionDocxBuilder",
        ("regio-{slug}/routekaart-regio-{slug}.docx",),
        asked_with="docx",
    ),
    Entry(
        "regio-pdf",
        "Regiodocument (PDF)",
        Kind.REGION,
        "assembler.builders.region.pdf:RegionPdfBuilder",
        ("regio-{slug}/routekaart-regio-{slug}.pdf",),
        asked_with="pdf",
        aside=True,
    ),
    Entry(
        "overzicht",
        "Overzicht",
        Kind.REGION,
        "assembler.builders.region.overview:OverviewBuilder",
        ("overzicht-{slug}.xlsx",),
    ),
    Entry(
        "site",
        "Website",
        Kind.SITE,
        "assembler.builders.site.builder:SiteBuilder",
        ("index.html",),
    ),
    Entry(
        "wijzigingen-docx",
        "bijgehouden wijzigingen in Word",
        Kind.CHANGES,
        "assembler.builders.word.redline:RedlineDocxBuilder",
        ("wijzigingen-{slug}.docx",),
    ),
    Entry(
        "wijzigingen-html",
        "doorgehaald en onderstreept",
        Kind.CHANGES,
        "assembler.builders.web.redline:RedlineHtmlBuilder",
        ("wijzigingen-{slug}.html",),
    ),
)
REGISTRY = {entry.name: entry for entry in OUTPUTS}


def of_kind(kind: Kind) -> tuple[Entry, ...]:
    return tuple(e for e in OUTPUTS if e.kind is kind)


# What `build` and `batch` make without --formaat: every municipal output.
DEFAULT_FORMATS = tuple(e.name for e in OUTPUTS if e.kind is Kind.MUNICIPALITY)


def entry(name: str) -> Entry:
    return REGISTRY[name]


def entry_of(cls: type) -> Entry:
    """The registry line that names this builder class."""
    target = f"{cls.__module__}:{cls.__qualname__}"
    for registered in OUTPUTS:
        if registered.builder == target:
            return registered
    raise LookupError(f"{target} staat niet in het register van uitvoer (assembler/builders/registry.py)")


def make(name: str, context: BuildContext) -> Builder[Any]:
    """The builder of a registered output, its module imported now."""
    return REGISTRY[name].load()(context)


def regional(formats: Iterable[str]) -> tuple[Entry, ...]:
    """The regional outputs a batch makes for these municipal formats: each edition of the regional
    routekaart follows its format; the overview, where a region sees what went wrong, always comes."""
    asked = set(formats)
    return tuple(e for e in of_kind(Kind.REGION) if e.asked_with is None or e.asked_with in asked)


def for_suffix(kind: Kind, suffix: str) -> Entry | None:
    """The output of this kind whose file ends in suffix (".docx"), if any."""
    return next((e for e in of_kind(kind) if e.suffix == suffix.lower()), None)


def suffixes(kind: Kind) -> tuple[str, ...]:
    return tuple(e.suffix for e in of_kind(kind))
