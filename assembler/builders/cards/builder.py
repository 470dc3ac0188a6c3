"""The pocket-card builder: every card face as its own page for the print shop, and imposed on A4.

`validate` asks only `preflight`, which settles every face it can without a renderer
(verdict.py); the layout modules, and WeasyPrint with them, are imported when a face must
really be laid out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assembler.builders.art.colours import house_palette
from assembler.builders.base import BuildContext, Builder
from assembler.builders.cards.faces import DocumentInfo, FaceItem, face_items
from assembler.builders.cards.fitcache import remember
from assembler.builders.cards.verdict import unsettled
from assembler.cardformats import CARD_FORMATS, CardFormat
from assembler.errors import BuildError
from assembler.forked import Forked
from assembler.model.cards import Card, cards_for
from assembler.model.routekaart import Routekaart

if TYPE_CHECKING:
    import pypdfium2 as pdfium

    from assembler.builders.cards.pages import CardRenderer, LaidOut

PT_PER_MM = 72 / 25.4


class CardsBuilder(Builder[Routekaart]):
    def __init__(self, context: BuildContext) -> None:
        super().__init__(context)
        self.spec: CardFormat | None = None
        self.cards: tuple[Card, ...] = ()
        self.colour = ""

    def prepare(self, model: Routekaart) -> None:
        self.spec = CARD_FORMATS[model.kaarten.formaat]
        self.cards = cards_for(model, self.context.national())
        # White text stands on the card band; validate warns when this shade differs from the colour.
        self.colour = house_palette(model.kleur).band

    def preflight(self, model: Routekaart) -> None:
        """What `validate` asks: every face fits. A face measured or known to fit is settled without
        a layout (verdict.py); the rest is laid out as the build lays it out."""
        spec = self._spec(model)
        pending = unsettled(self.cards, spec, self._qr_label())
        if pending:
            self.lay_out(model, only=pending)

    def _qr_label(self) -> str:
        return str(self.context.national().kaarten["koppen"]["qr"])

    def preview(self, model: Routekaart) -> str:
        """Every card face on one web page, from the same face template and stylesheet."""
        from assembler.builders.cards.screen import faces_page

        self.prepare(model)
        title = f"Zakkaarten schadelijke praktijken {model.gemeente}"
        return faces_page(self.cards, self._spec(model), self.colour, self._qr_label(), title)

    def _info(self, model: Routekaart, what: str) -> DocumentInfo:
        return DocumentInfo(
            title=f"Zakkaarten schadelijke praktijken {model.gemeente}{what}",
            author=model.gemeente,
            description=(
                f"Zakkaarten bij de {model.titel_volledig}, versie {model.versie}: "
                "signalen, stappen en telefoonnummers per schadelijke praktijk."
            ),
            keywords=", ".join(("zakkaarten", *model.trefwoorden)),
            date=model.datum.isoformat(),
        )

    def lay_out(self, model: Routekaart, only: list[FaceItem] | None = None) -> tuple[CardRenderer, LaidOut]:
        """Every face (or `only` these) laid out and checked to fit; raises CardOverflowError naming
        the text to shorten. The faces that fit are remembered (fitcache)."""
        from assembler.builders.cards.fit import check_fit
        from assembler.builders.cards.pages import CardRenderer

        spec = self._spec(model)
        qr_label = self._qr_label()
        renderer = CardRenderer(spec, self.colour, qr_label, list(self.context.roots), self.context.warnings)
        items = face_items(self.cards, qr_label) if only is None else only
        laid_out = renderer.layout_faces(items, self._info(model, ""))
        check_fit(laid_out, spec, lambda face, key: renderer.retry(laid_out, face, key))
        remember(laid_out.fragments, spec)
        return renderer, laid_out

    def _spec(self, model: Routekaart) -> CardFormat:
        if self.spec is None:
            self.prepare(model)
        assert self.spec is not None
        return self.spec

    def render(self, model: Routekaart) -> dict[str, bytes]:
        from assembler.builders.cards.imposition import choose_layout

        renderer, laid_out = self.lay_out(model)
        spec = self._spec(model)
        layout = choose_layout(spec.width, spec.height)
        info = self._info(model, " (A4-vellen)")

        def sheets_pdf() -> tuple[bytes, list[str]]:
            before = len(self.context.warnings)
            data = renderer.sheets_pdf(laid_out, layout, info)
            return data, self.context.warnings[before:]

        # The faces are laid out; the loose cards and the A4 sheets are drawn side by side.
        with Forked(sheets_pdf) as pending:
            single = renderer.faces_pdf(laid_out)
            sheets, warnings = pending.result()
        self.context.warnings.extend(w for w in warnings if w not in self.context.warnings)
        loose, a4 = self.filenames(model)
        return {loose: single, a4: sheets}

    def check(self, model: Routekaart, name: str, data: bytes) -> None:
        """Read the PDF back: it opens, has the right number of pages, and every loose face the card's trim box.

        pdfium reads a tagged PDF far faster than a pure-Python reader, which matters with
        hundreds of structure elements per file.
        """
        import pypdfium2 as pdfium

        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise BuildError(f"{name} is geen leesbare PDF: {exc}") from exc
        try:
            count = len(pdf)
            loose = not name.endswith("-a4.pdf")
            expected = 2 * len(self.cards) if loose else None
            if expected is not None and count != expected:
                raise BuildError(
                    f"{name} heeft {count} pagina's; verwacht {expected} (voor- en achterkanten)"
                )
            if not count:
                raise BuildError(f"{name} heeft geen pagina's")
            if loose:
                self._check_trim(name, pdf, count)
        finally:
            pdf.close()

    def _check_trim(self, name: str, pdf: pdfium.PdfDocument, count: int) -> None:
        assert self.spec is not None  # set by prepare
        width, height = self.spec.width * PT_PER_MM, self.spec.height * PT_PER_MM
        for number in range(count):
            left, bottom, right, top = pdf[number].get_trimbox()
            if abs(right - left - width) > 0.5 or abs(top - bottom - height) > 0.5:
                raise BuildError(
                    f"{name}, pagina {number + 1}: snijmaat {right - left:.1f} × {top - bottom:.1f} pt, "
                    f"verwacht {width:.1f} × {height:.1f} pt"
                )
