"""Tables of the ODF edition: the outline's tables with a repeated header row, and the route.

The outline's tables look as the Word table style "Routekaart Tabel" makes them: a header row in
the house colour (table:table-header-rows, so it repeats on every page), thin grey borders, every
second row shaded, rows that never break across pages, columns as wide as in Word. The route is
the Word route's table cell for cell (builders/word/route.py): the steps with their title bands,
arrows between them, the dashed red lane beside them and the acute-danger box underneath.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from assembler.builders.art.colours import house_palette
from assembler.builders.art.routestyle import LANE_TEXT, Palette, acute_palette, stage_palette
from assembler.builders.odf.autostyles import AutoStyles
from assembler.builders.odf.nodes import add, node, qname
from assembler.builders.odf.styles import ARROW_FONT, BULLETS, TABLE_TEXT, TEXT_WIDTH_MM
from assembler.model.routekaart import Route, RouteStage

BORDER = "0.5pt solid #BFBFBF"
PADDING = (
    'fo:padding-top="0.79mm" fo:padding-bottom="0.79mm" fo:padding-left="1.5mm" fo:padding-right="1.5mm"'
)
BAND = "#F2F2F2"
# The route's columns in twips, as the Word route: the steps, a gap, the lane.
STEP_W, GAP_W, LANE_W = 6870, 200, 2000
ARROW = "↓"

# Fills a cell from the outline's <cell>: (odf cell, outline cell, header row?) -> None
CellFiller = Callable[[etree._Element, etree._Element, bool], None]


def _scaled(widths_mm: list[float]) -> list[float]:
    scale = TEXT_WIDTH_MM / sum(widths_mm)
    return [w * scale for w in widths_mm]


def titled(table: etree._Element, title: str, description: str) -> None:
    """table:title and table:desc, the table's alternative text (first children, as ODF orders them)."""
    table.insert(0, node("table:desc", text=description))
    table.insert(0, node("table:title", text=title))


def _table(name: str, style: str) -> etree._Element:
    return node("table:table", {"table:name": name, "table:style-name": style})


def _column(table: etree._Element, style: str) -> None:
    add(table, "table:table-column", {"table:style-name": style})


def _cell(style: str) -> etree._Element:
    return node("table:table-cell", {"table:style-name": style, "office:value-type": "string"})


def outline_table(
    number: int, source: etree._Element, colour: str, styles: AutoStyles, fill: CellFiller
) -> etree._Element:
    """One of the outline's tables; `fill` puts the paragraphs of an outline cell into a table cell."""
    widths = _scaled([float(w) for w in source.get("widths", "").split()])
    table = _table(f"Tabel{number}", styles.table())
    for width in widths:
        _column(table, styles.column(width))
    palette = house_palette(colour)
    header_cell = styles.cell(f'fo:background-color="{palette.colour}" fo:border="{BORDER}" {PADDING}')
    plain_cell = styles.cell(f'fo:border="{BORDER}" {PADDING}')
    band_cell = styles.cell(f'fo:background-color="{BAND}" fo:border="{BORDER}" {PADDING}')
    keep = styles.row(keep=True)
    header = add(table, "table:table-header-rows")
    for source_row in source.iterchildren("header"):
        header.append(_row(source_row, header_cell, keep, fill, True))
    for index, source_row in enumerate(source.iterchildren("row")):
        table.append(_row(source_row, band_cell if index % 2 else plain_cell, keep, fill, False))
    return table


def _row(
    source: etree._Element, cell_style: str, row_style: str, fill: CellFiller, heading: bool
) -> etree._Element:
    row = node("table:table-row", {"table:style-name": row_style})
    for source_cell in source.iterchildren("cell"):
        cell = _cell(cell_style)
        fill(cell, source_cell, heading)
        row.append(cell)
    return row


# ---------------------------------------------------------------------------
# The route


class RouteTable:
    """The route of one practice as an ODF table, built as builders/word/route.py builds Word's."""

    def __init__(self, styles: AutoStyles) -> None:
        self.styles = styles

    def _p(
        self,
        text: str,
        colour: str,
        size: float,
        *,
        bold: bool = False,
        italic: bool = False,
        font: str = "",
        shade: str = "",
        centre: bool = False,
        before: float = 0,
        after: float = 2,
    ) -> etree._Element:
        props = f'fo:margin-top="{before:g}pt" fo:margin-bottom="{after:g}pt" fo:line-height="110%" '
        props += 'fo:keep-with-next="always" fo:keep-together="always"'
        if shade:
            props += f' fo:background-color="{shade}"'
        if centre:
            props += ' fo:text-align="center"'
        text_props = f'fo:color="{colour}" fo:font-size="{size:g}pt" style:font-size-complex="{size:g}pt"'
        if bold:
            text_props += ' fo:font-weight="bold" style:font-weight-complex="bold"'
        if italic:
            text_props += ' fo:font-style="italic" style:font-style-complex="italic"'
        if font:
            text_props += f' style:font-name="{font}"'
        return node("text:p", {"text:style-name": self.styles.paragraph(TABLE_TEXT, props, text_props)}, text)

    def _stage(self, cell: etree._Element, number: str, stage: RouteStage, palette: Palette) -> None:
        cell.append(
            self._p(
                f"{number}{stage.titel}",
                palette.band_text,
                11,
                bold=True,
                shade=palette.band,
                before=3,
                after=3,
            )
        )
        names = [self._p(name, palette.text, 10) for name in stage.wie]
        if len(names) > 1:
            bullets = add(cell, "text:list", {"text:style-name": BULLETS})
            for paragraph in names:
                add(bullets, "text:list-item").append(paragraph)
        else:
            for paragraph in names:
                cell.append(paragraph)
        if stage.toelichting:
            cell.append(self._p(stage.toelichting, palette.note, 9, italic=True, before=2))

    def _arrow(self, colour: str) -> etree._Element:
        return self._p(ARROW, colour, 14, bold=True, font=ARROW_FONT, centre=True, after=0)

    def _cell(self, props: str = "", span: int = 1, rows: int = 1, centre: bool = False) -> etree._Element:
        props = (props + ' fo:padding-left="2mm" fo:padding-right="2mm"').strip()
        if centre:
            props += ' style:vertical-align="middle"'
        cell = _cell(self.styles.cell(props))
        if span > 1:
            cell.set(qname("table:number-columns-spanned"), str(span))
        if rows > 1:
            cell.set(qname("table:number-rows-spanned"), str(rows))
        return cell

    @staticmethod
    def _covered() -> etree._Element:
        return node("table:covered-table-cell")

    def table(self, number: int, route: Route, colour: str, title: str, summary: str) -> etree._Element:
        steps, red = stage_palette(colour), acute_palette()
        frame = f'fo:border="1.5pt solid {steps.stroke}" fo:background-color="{steps.fill}"'
        lane = f'fo:border-left="1.5pt dashed {red.stroke}"'
        table = _table(f"Route{number}", self.styles.table())
        for twips in (STEP_W, GAP_W, LANE_W):
            _column(table, self.styles.column(twips * 25.4 / 1440))
        titled(table, title[:200], summary)
        keep = self.styles.row(keep=True)
        lane_rows = 2 * len(route.stages) - 1
        for i, stage in enumerate(route.stages, 1):
            if i > 1:
                row = node("table:table-row", {"table:style-name": keep})
                arrow = self._cell()
                arrow.append(self._arrow(steps.stroke))
                row.append(arrow)
                row.append(self._cell())
                row.append(self._covered())
                table.append(row)
            row = node("table:table-row", {"table:style-name": keep})
            step = self._cell(frame)
            self._stage(step, f"{i}. ", stage, steps)
            row.append(step)
            row.append(self._cell())
            if i == 1:
                side = self._cell(lane, rows=lane_rows, centre=True)
                side.append(self._p(LANE_TEXT, red.stroke, 9, bold=True))
                side.append(self._arrow(red.stroke))
                row.append(side)
            else:
                row.append(self._covered())
            table.append(row)
        row = node("table:table-row", {"table:style-name": keep})
        row.append(self._cell(span=2))
        row.append(self._covered())
        down = self._cell()
        down.append(self._arrow(red.stroke))
        row.append(down)
        table.append(row)
        row = node("table:table-row", {"table:style-name": keep})
        acute = self._cell(f'fo:border="1.5pt dashed {red.stroke}" fo:background-color="{red.fill}"', span=3)
        self._stage(acute, "", route.acuut, red)
        row.append(acute)
        row.append(self._covered())
        row.append(self._covered())
        table.append(row)
        return table
