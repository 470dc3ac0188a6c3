"""The routekaart as a tagged A4 PDF (PDF/UA-1), drawn by WeasyPrint from the shared HTML."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from assembler.builders.base import Builder
from assembler.builders.web.pdffit import check_fit
from assembler.builders.web.render import Marks, read_logo, render_html, stylesheet
from assembler.builders.web.weasy import render_pdf, shared_style
from assembler.errors import BuildError
from assembler.model.routekaart import Routekaart

A4_POINTS = (595.28, 841.89)
WHAT = "PDF-routekaart"


class PdfBuilder(Builder[Routekaart]):
    def render(self, model: Routekaart) -> dict[str, bytes]:
        # The stylesheet is the same for every municipality: parsed once per process, with the
        # fonts; the page itself carries only its colours and running header and footer.
        css = stylesheet("pdf")
        marks = Marks()
        html = render_html(model, "pdf", "", read_logo(model.logo), inline_css=False, marks=marks)
        # The file identifier comes from the content (not the marks), so the same input gives the same bytes.
        identifier = hashlib.sha256((css + marks.strip(html)).encode("utf-8")).hexdigest()[:32].encode("ascii")
        data = render_pdf(
            html,
            WHAT,
            roots=self.context.roots,
            warnings=self.context.warnings,
            check=lambda pages: check_fit(pages, WHAT, marks.places),
            style=shared_style(css),
            pdf_variant="pdf/ua-1",
            pdf_identifier=identifier,
        )
        return {self.filenames(model)[0]: data}

    def check(self, model: Routekaart, name: str, data: bytes) -> None:
        facts = read_pdf(name, data)
        if len(facts.sizes) < 2:
            raise BuildError(f"{name} heeft maar {len(facts.sizes)} pagina; er ontbreekt inhoud")
        width, height = facts.sizes[0]
        if not is_a4(facts.sizes[0]):
            raise BuildError(f"{name} is niet op A4 opgemaakt ({width:.0f} × {height:.0f} punt)")
        check_accessible(name, facts)


@dataclass(frozen=True)
class PdfFacts:
    """What a reader's viewer sees of a PDF before reading it: pages, title, language, tags, bookmarks."""

    sizes: tuple[tuple[float, float], ...]  # (width, height) in points, per page
    title: str
    language: str
    tagged: bool
    bookmarks: tuple[str, ...]


def read_pdf(name: str, data: bytes) -> PdfFacts:
    """Read a PDF back through pdfium, the way a viewer does; BuildError when it does not open."""
    # pdfium reads the file in milliseconds; pypdf would parse every object of the
    # structure tree (over half a second) to tell us the same.
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise BuildError(f"{name} is geen leesbare PDF: {exc}") from exc
    try:
        return PdfFacts(
            sizes=tuple(tuple(document.get_page_size(i)) for i in range(len(document))),
            title=document.get_metadata_dict().get("Title") or "",
            language=_language(document),
            tagged=bool(pdfium.raw.FPDFCatalog_IsTagged(document.raw)),
            bookmarks=tuple(b.get_title() for b in document.get_toc()),
        )
    finally:
        document.close()


def is_a4(size: tuple[float, float], landscape: bool = False) -> bool:
    width, height = A4_POINTS[::-1] if landscape else A4_POINTS
    return abs(size[0] - width) <= 1 and abs(size[1] - height) <= 1


def check_accessible(name: str, facts: PdfFacts) -> None:
    """The basics PDF/UA-1 asks of every document we write: language, structure tree, title."""
    if facts.language != "nl":
        raise BuildError(f"{name} mist de taalaanduiding nl")
    if not facts.tagged:
        raise BuildError(f"{name} is niet getagd (PDF/UA-1 vraagt een structuurboom)")
    if not facts.title:
        raise BuildError(f"{name} mist een titel in de documenteigenschappen")


def _language(document: Any) -> str:
    """The catalog's /Lang, read through pdfium (UTF-16 with a terminating zero)."""
    import ctypes

    import pypdfium2.raw as pdfium_raw

    size = pdfium_raw.FPDFCatalog_GetLanguage(document.raw, None, 0)
    if size <= 2:
        return ""
    buffer = (ctypes.c_ushort * (size // 2))()
    pdfium_raw.FPDFCatalog_GetLanguage(document.raw, buffer, size)
    return bytes(buffer).decode("utf-16-le").rstrip("\x00")
