"""The workbook as an OpenDocument spreadsheet (.ods, LibreOffice's own format), through odfdo.

Export lays a workbook out once, with openpyxl (export.py); `ods_bytes` writes that same workbook
as .ods: every value with its type, bold, filled and wrapped cells, the text and date formats
(so a typed 0123-456789 stays text), column widths, the dropdowns with their Dutch help, the
protected record sheet, and the file it was made from in the document's properties.

`read_ods` turns an .ods back into an in-memory openpyxl workbook, so that import reads and checks
both formats with one reader (read.py): a formula stays a formula, a hidden sheet stays hidden and
merged cells stay merged, so each is refused as it is in an .xlsx. guard.py has refused a hostile
file (zip bomb, macros, a DTD) before this module parses a byte of it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from odfdo import Cell, Column, Document, Element, Paragraph, Row, Table, XmlPart
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from assembler.profile.workbook.guard import MAX_COLUMNS, MAX_ROWS, refuse

# The file a workbook was made from (openpyxl's core property `identifier` in an .xlsx): a
# custom property in an .ods, which Calc keeps when it saves.
SOURCE_PROPERTY = "assembler-bron"
_CM_PER_CHARACTER = 0.2  # a spreadsheet column width counts characters of the default font
_TEXT_STYLE = "tekst"
_DATE_STYLE = "datum"


# -- writing ------------------------------------------------------------------------------------


class _Styles:
    """The cell styles a workbook uses, made once each: bold, size, fill, wrap and number format."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.names: dict[tuple[Any, ...], str] = {}
        styles = _part(doc, "content").get_element("office:automatic-styles")
        assert styles is not None  # odfdo's spreadsheet template has them
        self.automatic: Element = styles
        self.automatic.append(
            Element.from_tag(
                f'<number:text-style style:name="{_TEXT_STYLE}"><number:text-content/></number:text-style>'
            )
        )
        self.automatic.append(
            Element.from_tag(
                f'<number:date-style style:name="{_DATE_STYLE}"><number:day number:style="long"/>'
                '<number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text>'
                '<number:year number:style="long"/></number:date-style>'
            )
        )
        self.columns: dict[float, str] = {}

    def cell(self, cell: Any) -> str | None:
        font, fill, alignment = cell.font, cell.fill, cell.alignment
        colour = fill.fgColor.rgb if fill is not None and fill.fill_type == "solid" else None
        key = (
            bool(font.b),
            float(font.sz) if font.sz and float(font.sz) != 11 else None,
            colour[-6:] if isinstance(colour, str) else None,
            bool(alignment.wrap_text),
            alignment.vertical == "top",
            cell.number_format if cell.number_format in ("@",) or cell.is_date else None,
        )
        if key == (False, None, None, False, False, None):
            return None
        if key not in self.names:
            bold, size, background, wrap, top, number = key
            name = f"ce{len(self.names) + 1}"
            data = ""
            if number == "@":
                data = f' style:data-style-name="{_TEXT_STYLE}"'
            elif number is not None:
                data = f' style:data-style-name="{_DATE_STYLE}"'
            text = ""
            if bold or size:
                text = (
                    "<style:text-properties"
                    + (' fo:font-weight="bold"' if bold else "")
                    + (f' fo:font-size="{size:g}pt"' if size else "")
                    + "/>"
                )
            cell_props = (
                "<style:table-cell-properties"
                + (f' fo:background-color="#{background}"' if background else "")
                + (' fo:wrap-option="wrap"' if wrap else "")
                + (' style:vertical-align="top"' if top else "")
                + "/>"
            )
            self.automatic.append(
                Element.from_tag(
                    f'<style:style style:name="{name}" style:family="table-cell"{data}>{cell_props}{text}</style:style>'
                )
            )
            self.names[key] = name
        return self.names[key]

    def column(self, width: float) -> str:
        if width not in self.columns:
            name = f"co{len(self.columns) + 1}"
            self.automatic.append(
                Element.from_tag(
                    f'<style:style style:name="{name}" style:family="table-column">'
                    f'<style:table-column-properties style:column-width="{width * _CM_PER_CHARACTER:.2f}cm"/>'
                    "</style:style>"
                )
            )
            self.columns[width] = name
        return self.columns[width]


def _address(title: str, row: int, col: int) -> str:
    from openpyxl.utils import get_column_letter

    quoted = "'" + title.replace("'", "''") + "'"
    return f"{quoted}.{get_column_letter(col)}{row}"


def _validations(book: Workbook) -> tuple[Element | None, dict[tuple[str, int, int], str]]:
    """The workbook's dropdowns and help texts as ODF content validations, and which cell has which."""
    container = Element.from_tag("<table:content-validations/>")
    where: dict[tuple[str, int, int], str] = {}
    for ws in book.worksheets:
        for validation in ws.data_validations.dataValidation:
            name = f"val{len(container.children) + 1}"
            ranges = list(validation.sqref.ranges)
            if not ranges:
                continue
            first = ranges[0]
            element = Element.from_tag(
                f'<table:content-validation table:name="{name}" table:allow-empty-cell="true"/>'
            )
            element.set_attribute("table:base-cell-address", _address(ws.title, first.min_row, first.min_col))
            if validation.type == "list" and validation.formula1:
                options = validation.formula1.strip('"').split(",")
                quoted = ";".join('"' + option.replace('"', '""') + '"' for option in options)
                element.set_attribute("table:condition", f"of:cell-content-is-in-list({quoted})")
                element.set_attribute("table:display-list", "unsorted")
            if validation.prompt:
                help_message = Element.from_tag('<table:help-message table:display="true"/>')
                help_message.set_attribute("table:title", validation.promptTitle or "")
                help_message.append(Paragraph(validation.prompt))
                element.append(help_message)
            if validation.type == "list" and validation.error:
                error = Element.from_tag('<table:error-message table:message-type="stop" table:display="true"/>')
                error.set_attribute("table:title", validation.errorTitle or "")
                error.append(Paragraph(validation.error))
                element.append(error)
            container.append(element)
            for cells in ranges:
                for row in range(cells.min_row, cells.max_row + 1):
                    for col in range(cells.min_col, cells.max_col + 1):
                        where[(ws.title, row, col)] = name
    return (container if container.children else None), where


def _value_cell(value: Any, style: str | None) -> Cell:
    if value is None:
        cell = Cell()
    elif isinstance(value, str):
        cell = Cell()
        cell.set_attribute("office:value-type", "string")
        cell.set_attribute("calcext:value-type", "string")
        for line in value.split("\n"):
            # formatted: runs of spaces and tabs are kept as ODF spells them (text:s, text:tab)
            cell.append(Paragraph(line, formatted=True))
    else:
        cell = Cell(value)
    if style:
        cell.style = style
    return cell


def _table(ws: Worksheet, styles: _Styles, validations: dict[tuple[str, int, int], str]) -> Table:
    table = Table(ws.title)
    if ws.protection.sheet:
        # Protected without a password, as export.py protects the record sheet in an .xlsx.
        table.set_attribute("table:protected", "true")
    height = max([ws.max_row] + [r for (t, r, _) in validations if t == ws.title])
    width = max([ws.max_column] + [c for (t, _, c) in validations if t == ws.title])
    from openpyxl.utils import get_column_letter

    for col in range(1, width + 1):
        dimension = ws.column_dimensions.get(get_column_letter(col))
        column = Column()
        if dimension is not None and dimension.width:
            column.style = styles.column(float(dimension.width))
        table.append(column)
    lines: list[tuple[list[tuple[Any, str | None, str | None]], int]] = []
    for row_number in range(1, height + 1):
        keys = []
        for col in range(1, width + 1):
            source = ws._cells.get((row_number, col))  # only the cells export made: no new ones
            value = source.value if source is not None else None
            style = styles.cell(source) if source is not None else None
            keys.append((value, style, validations.get((ws.title, row_number, col))))
        if lines and lines[-1][0] == keys and all(k[0] is None for k in keys):
            lines[-1] = (keys, lines[-1][1] + 1)  # an empty row like the one above: repeated
        else:
            lines.append((keys, 1))
    for keys, repeated in lines:
        row = Row(repeated=repeated if repeated > 1 else None)
        i = 0
        while i < len(keys):
            value, style, validation = keys[i]
            run = 1
            while value is None and i + run < len(keys) and keys[i + run] == keys[i]:
                run += 1
            cell = _value_cell(value, style)
            if validation:
                cell.set_attribute("table:content-validation-name", validation)
            if run > 1:
                cell.repeated = run
            row.append(cell)
            i += run
        table.append(row)
    return table


def ods_bytes(book: Workbook) -> bytes:
    """The workbook as .ods bytes: the same sheets, values, formats, dropdowns and help."""
    doc = Document("spreadsheet")
    body = doc.body
    body.clear()
    styles = _Styles(doc)
    container, where = _validations(book)
    if container is not None:
        body.append(container)
    for ws in book.worksheets:
        body.append(_table(ws, styles, where))
    meta = doc.meta
    meta.set_title(book.properties.title or "")
    if book.properties.identifier:
        meta.set_user_defined_metadata(SOURCE_PROPERTY, book.properties.identifier)
    meta.language = "nl-NL"
    stream = io.BytesIO()
    doc.save(stream)
    return stream.getvalue()


# -- reading ------------------------------------------------------------------------------------


def read_ods(path: Path, display: str) -> Workbook:
    """The .ods as an openpyxl workbook in memory, for read.py's checks and reading."""
    try:
        doc = Document(Path(path))
        kind = doc.get_type()
        tables = list(doc.body.get_tables())
    except Exception as exc:  # odfdo and lxml raise many kinds for a broken file; all mean the same
        raise refuse(
            display, f"werkmap kan niet worden gelezen ({type(exc).__name__}); sla hem opnieuw op als .ods"
        ) from None
    if kind != "spreadsheet":
        raise refuse(display, "dit is geen rekenblad maar een ander OpenDocument-bestand; geef de .ods-werkmap")
    hidden = _hidden_table_styles(doc)
    book = Workbook()
    book.remove(book.active)
    source = doc.meta.get_user_defined_metadata_of_name(SOURCE_PROPERTY)
    if source is not None:
        book.properties.identifier = str(source.get("value") or "")
    for table in tables:
        name = table.name or ""
        try:
            ws = book.create_sheet(name)
        except ValueError:
            raise refuse(
                display, f"blad '{name}' heeft een naam die geen werkmap kent; de werkmap heeft alleen de bladen uit de export"
            ) from None
        if ws.title != name:  # openpyxl renamed a duplicate
            raise refuse(display, f"blad '{name}' staat er twee keer in; verwijder het tweede")
        if table.style in hidden:
            ws.sheet_state = "hidden"
        if table.protected:
            ws.protection.sheet = True
        _fill(ws, table, display)
    return book


def _hidden_table_styles(doc: Document) -> set[str]:
    found = set()
    for part in ("content", "styles"):
        for style in _part(doc, part).get_elements("//style:style[@style:family='table']"):
            properties = style.get_element("style:table-properties")
            if properties is not None and properties.get_attribute_string("table:display") == "false":
                found.add(style.get_attribute_string("style:name") or "")
    return found


def _part(doc: Document, name: str) -> XmlPart:
    part = doc.get_part(name)
    if not isinstance(part, XmlPart):
        raise ValueError(f"{name}.xml ontbreekt")
    return part


def _rows(table: Table) -> Iterator[Element]:
    # Rows may sit in header-row and row-group elements; a sheet nests no tables.
    yield from table.get_elements("descendant::table:table-row")


def _fill(ws: Worksheet, table: Table, display: str) -> None:
    """Copy the cells that hold anything, without ever expanding a repeat of empty cells or rows."""
    row = 0
    merges: list[tuple[int, int, int, int]] = []
    for element in _rows(table):
        repeated = _count(element, "table:number-rows-repeated")
        cells = element.get_elements("table:table-cell|table:covered-table-cell")
        if not any(_holds(cell) for cell in cells):
            row += repeated
            continue
        if row + repeated > MAX_ROWS:
            raise _too_big(display, ws.title)
        for _ in range(repeated):
            row += 1
            col = 0
            for cell in cells:
                count = _count(cell, "table:number-columns-repeated")
                if not _holds(cell):
                    col += count
                    continue
                if col + count > MAX_COLUMNS:
                    raise _too_big(display, ws.title)
                value = _value(cell)
                for _ in range(count):
                    col += 1
                    ws.cell(row, col).value = value
                    rows = _count(cell, "table:number-rows-spanned")
                    cols = _count(cell, "table:number-columns-spanned")
                    if rows > 1 or cols > 1:
                        merges.append((row, col, row + rows - 1, col + cols - 1))
    for top, left, bottom, right in merges:  # after the values: merging empties the covered cells
        ws.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)


def _too_big(display: str, title: str) -> Any:
    return refuse(
        display,
        f"blad '{title}' is te groot (meer dan {MAX_ROWS} rijen of {MAX_COLUMNS} kolommen); is dit wel een profiel?",
    )


def _count(element: Element, attribute: str) -> int:
    value = element.get_attribute_integer(attribute)
    return value if value and value > 0 else 1


def _holds(cell: Element) -> bool:
    """Whether a cell has a value, a formula, text or a merge: anything the reader must see."""
    return bool(
        cell.get_attribute("office:value-type")
        or cell.get_attribute("table:formula")
        or cell.get_attribute("table:number-columns-spanned")
        or cell.get_attribute("table:number-rows-spanned")
        or cell.get_elements("text:p|text:h")
    )


def _value(cell: Any) -> Any:
    formula = cell.get_attribute_string("table:formula")
    if formula:
        # Kept as a formula (data type 'f'), so that read.py refuses it like one in an .xlsx.
        return "=" + formula.split(":=", 1)[-1].lstrip("=")
    if cell.tag == "table:covered-table-cell":
        return None
    kind = cell.get_attribute_string("office:value-type")
    if kind is None:
        text = "\n".join(p.text_recursive for p in cell.get_elements("text:p|text:h"))
        return text or None
    value = cell.value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
