"""Card faces to PDF with WeasyPrint: one face per page with bleed, or imposed on A4 sheets."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pydyf
from weasyprint import HTML

from assembler.builders.cards.cropmarks import draw_marks, face_marks
from assembler.builders.cards.faces import (
    DocumentInfo,
    FaceItem,
    Fields,
    environment,
    face_html,
    numbered,
    shorten,
)
from assembler.builders.cards.imposition import A4, Layout
from assembler.builders.cards.sheets import note_place, place_faces, print_note, sheet_slots
from assembler.builders.web.weasy import LocalFetcher, SharedStyle, captured_log, shared_style, sort_log
from assembler.cardformats import CARD_FORMATS, CardFormat
from assembler.errors import BuildError
from assembler.model.cards import Origin
from assembler.resources import templates_dir

PT_PER_MM = 72 / 25.4


# The builder lays out with the declared formats themselves.
FormatSpec = CardFormat
SPECS = CARD_FORMATS


@dataclass(frozen=True)
class LaidOut:
    """The faces after layout: each different face once, and the order they are printed in."""

    unique: Any  # WeasyPrint document, one page per different face
    items: tuple[FaceItem, ...]  # the first item of each different face, for messages
    fragments: tuple[str, ...]  # the HTML of each different face
    order: tuple[int, ...]  # for every printed face, its page in `unique`
    html: str
    info: DocumentInfo
    fields: tuple[Origin, ...]  # data-f="i" on an element: its text comes from fields[i]

    @property
    def document(self) -> Any:
        """Every face in print order; a face that recurs reuses its laid-out page."""
        return self.unique.copy([self.unique.pages[i] for i in self.order])


@cache
def _style(spec: FormatSpec, sheet: tuple[float, float]) -> SharedStyle:
    """The card stylesheet of a format, parsed once per process with the shared fonts.

    The house colour is not in it: each document brings its own (kaarten.html.j2), so a
    batch run parses two stylesheets, not one per municipality's colour.
    """
    source = (
        environment()
        .get_template("kaarten.css.j2")
        .render(fmt=spec, sheet_width=sheet[0], sheet_height=sheet[1])
    )
    return shared_style(source)


class CardRenderer:
    """Renders faces with one font configuration and one stylesheet per format, and checks the layout."""

    def __init__(
        self, spec: FormatSpec, colour: str, qr_label: str, roots: Iterable[Path], warnings: list[str]
    ) -> None:
        self.spec = spec
        self.colour = colour
        self.qr_label = qr_label
        self.base = templates_dir()
        self.fetcher = LocalFetcher((self.base, *roots))
        self.warnings = warnings
        self.style = _style(spec, A4)
        self._judge(list(self.style.records), "de opmaak van de zakkaarten")

    def _render(self, html: str, what: str) -> Any:
        with captured_log() as records:
            try:
                document = HTML(string=html, base_url=str(self.base) + "/", url_fetcher=self.fetcher).render(
                    font_config=self.style.fonts, stylesheets=list(self.style.sheets), pdf_variant="pdf/ua-1"
                )
            except Exception as exc:  # WeasyPrint raises many kinds; the user needs one clear message
                raise BuildError(f"{what} konden niet worden opgemaakt: {type(exc).__name__}: {exc}") from exc
        self._judge(records, what)
        return document

    def _judge(self, records: list[Any], what: str) -> None:
        errors, soft = sort_log(records, what)
        if errors:
            raise BuildError("\n".join(dict.fromkeys(errors)))
        self.warnings.extend(w for w in soft if w not in self.warnings)

    def _write(self, document: Any, html: str, what: str, finisher: Any = None) -> bytes:
        # The identifier hangs on the input, so the same profile gives the same bytes.
        identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
        with captured_log() as records:
            data = document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=identifier, finisher=finisher)
        self._judge(records, what)
        if not isinstance(data, bytes):
            raise BuildError(f"{what} konden niet worden gemaakt: WeasyPrint gaf geen PDF terug")
        return data

    def layout_faces(self, items: Sequence[FaceItem], info: DocumentInfo) -> LaidOut:
        """Lay out every different face once; sets often share a face, and layout is the slow part."""
        fields = Fields()
        fragments: dict[str, int] = {}
        firsts: list[FaceItem] = []
        order = []
        for item in items:
            fragment = face_html(item, self.spec, self.qr_label, fields)
            if fragment not in fragments:
                fragments[fragment] = len(fragments)
                firsts.append(item)
            order.append(fragments[fragment])
        faces = tuple(numbered(f, i, fields.origins) for f, i in fragments.items())
        html = self._document_html(faces, info)
        document = self._render(html, "de zakkaarten")
        return LaidOut(document, tuple(firsts), faces, tuple(order), html, info, tuple(fields.origins))

    def _document_html(self, faces: Sequence[str], info: DocumentInfo) -> str:
        return (
            environment()
            .get_template("kaarten.html.j2")
            .render(faces=faces, fmt=self.spec, colour=self.colour, **vars(info))
        )

    def retry(self, laid_out: LaidOut, face: int, key: str) -> list[Any]:
        """The pages of one face laid out again with one local field cut to a single character."""
        html = self._document_html([shorten(laid_out.fragments[face], key)], laid_out.info)
        return list(self._render(html, "de zakkaarten").pages)

    def faces_pdf(self, laid_out: LaidOut) -> bytes:
        return self._write(laid_out.document, laid_out.html, "de zakkaarten", finisher=self._finish_faces)

    def sheets_pdf(self, laid_out: LaidOut, layout: Layout, info: DocumentInfo) -> bytes:
        """The A4 sheets, filled with the faces of the laid-out single-face document."""
        count = len(laid_out.order)
        sheets = sheet_slots(count, layout, self.spec.width, self.spec.height)
        html = environment().get_template("vellen.html.j2").render(
            sheets=sheets, fmt=self.spec, note=print_note(layout), note_place=note_place(layout), **vars(info)
        )
        document = self._render(html, "de A4-vellen met zakkaarten")
        if len(document.pages) != len(sheets):
            raise BuildError(
                f"de A4-vellen met zakkaarten kregen {len(document.pages)} pagina's in plaats van {len(sheets)}"
            )
        place_faces(document, laid_out.unique.pages, laid_out.order)
        # The placeholder HTML alone would give two municipalities the same identifier.
        return self._write(
            document,
            laid_out.html + html,
            "de A4-vellen met zakkaarten",
            finisher=lambda _document, pdf: self._mark_sheets(pdf, layout, len(sheets)),
        )

    @staticmethod
    def _mark_sheets(pdf: pydyf.PDF, layout: Layout, count: int) -> None:
        """The cut marks in the margin of every sheet; the same on fronts and backs, so they line up."""
        if draw_marks(pdf, layout.marks) != count:
            raise BuildError("de snijtekens konden niet op elk A4-vel worden gezet")

    def _finish_faces(self, document: Any, pdf: pydyf.PDF) -> None:
        """Draw the crop marks, and set BleedBox to the trim plus exactly the bleed (WeasyPrint sets it from the wider slug)."""
        marks = face_marks(self.spec.width, self.spec.height, self.spec.bleed, self.spec.slug)
        if draw_marks(pdf, marks) != len(document.pages):
            raise BuildError("de snijtekens konden niet op elke kaartkant worden gezet")
        bleed = self.spec.bleed * PT_PER_MM
        for obj in pdf.objects:
            if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/Page" and "TrimBox" in obj:
                left, top, right, bottom = (float(v) for v in obj["TrimBox"])
                obj["BleedBox"] = pydyf.Array([left - bleed, top - bleed, right + bleed, bottom + bleed])
