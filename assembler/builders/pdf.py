"""The routekaart as a tagged A4 PDF (PDF/UA-1), drawn by WeasyPrint from the shared HTML."""

from __future__ import annotations

import hashlib
import io

from assembler.builders.base import Builder
from assembler.builders.html_render import read_logo, render_html
from assembler.builders.weasy import font_face_css, render_pdf
from assembler.errors import BuildError
from assembler.model import Routekaart

A4_POINTS = (595.28, 841.89)
WHAT = "PDF-routekaart"


class PdfBuilder(Builder):
    name = "pdf"
    label = "routekaart (PDF)"

    def filenames(self, model: Routekaart) -> list[str]:
        return [f"routekaart-{model.slug}.pdf"]

    def render(self, model: Routekaart) -> dict[str, bytes]:
        html = render_html(model, "pdf", font_face_css(), read_logo(model.logo))
        # The file identifier comes from the content, so the same input gives the same bytes.
        identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
        data = render_pdf(
            html,
            WHAT,
            roots=(self.context.profile.source.parent,),
            warnings=self.context.warnings,
            pdf_variant="pdf/ua-1",
            pdf_identifier=identifier,
        )
        return {self.filenames(model)[0]: data}

    def check(self, name: str, data: bytes) -> None:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        try:
            reader = PdfReader(io.BytesIO(data))
            pages = len(reader.pages)
            box = reader.pages[0].mediabox
            catalog = reader.root_object
            metadata = reader.metadata
            stream = catalog.get("/Metadata")
            xmp = stream.get_object().get_data() if stream is not None else b""
        except (PdfReadError, KeyError, ValueError) as exc:
            raise BuildError(f"{name} is geen leesbare PDF: {exc}") from exc
        if pages < 2:
            raise BuildError(f"{name} heeft maar {pages} pagina; er ontbreekt inhoud")
        if abs(float(box.width) - A4_POINTS[0]) > 1 or abs(float(box.height) - A4_POINTS[1]) > 1:
            raise BuildError(
                f"{name} is niet op A4 opgemaakt ({float(box.width):.0f} × {float(box.height):.0f} punt)"
            )
        if str(catalog.get("/Lang", "")) != "nl":
            raise BuildError(f"{name} mist de taalaanduiding nl")
        if "/StructTreeRoot" not in catalog or b"pdfuaid:part" not in xmp:
            raise BuildError(f"{name} is niet getagd als PDF/UA-1")
        if metadata is None or not metadata.title:
            raise BuildError(f"{name} mist een titel in de documenteigenschappen")
