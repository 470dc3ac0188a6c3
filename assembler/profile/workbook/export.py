"""Writes a profile or region as a workbook to fill in: dropdowns, Dutch help per cell, text-formatted numbers."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from assembler.profile.workbook.cells import DATE_FORMAT, DATE_HINT, LIST_SEPARATOR, NO, NONE, YES, to_cell
from assembler.profile.workbook.layout import (
    INTRO_SHEET,
    ChoiceSheet,
    Field,
    FieldSheet,
    Path_,
    Sheet,
    TableSheet,
    header,
    municipality_sheets,
    sheets_for,
)

TEXT_FORMAT = "@"
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
# Excel refuses a longer input message or title, and a longer inline list of choices.
PROMPT_MAX = 255
TITLE_MAX = 32
TABLE_ROWS = 200  # rows below the data that still get dropdowns and formats for new entries


def get(data: Any, path: Path_) -> Any:
    """The value at a path, or None when any step is missing."""
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def workbook_bytes(
    data: dict[str, Any], source_name: str, municipalities: Sequence[tuple[str, dict[str, Any]]] = ()
) -> bytes:
    """The workbook for one validated profile or region, as .xlsx bytes.

    A region's municipalities (label, data) each get their own set of sheets after the region's.
    """
    book = Workbook()
    # Import refuses a workbook made from another file, so that Kreekmonde never overwrites Wilgendaal.
    book.properties.identifier = source_name
    book.properties.title = f"Profiel {data.get('naam', '')}"
    book.properties.creator = "assembler"
    intro = book.active
    assert intro is not None
    intro.title = INTRO_SHEET
    parts = [(data, sheets_for(str(data.get("soort"))))]
    parts += [(mdata, municipality_sheets(label)) for label, mdata in municipalities]
    title = f"{'Regio' if data.get('soort') == 'regio' else 'Gemeente'} {data.get('naam', '')}"
    _intro(intro, title, parts[0][1], [label for label, _ in municipalities])
    for part, sheets in parts:
        for sheet in sheets:
            ws = book.create_sheet(sheet.name)
            if isinstance(sheet, FieldSheet):
                _fields(ws, sheet, part)
            elif isinstance(sheet, TableSheet):
                _table(ws, sheet, part)
            else:
                _choices(ws, sheet, part)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _intro(ws: Worksheet, title: str, sheets: tuple[Sheet, ...], labels: list[str]) -> None:
    rows = [
        (title, ""),
        (
            "Zo werkt het",
            "Vul de bladen in en lees de werkmap terug met 'assembler importeer WERKMAP.xlsx PROFIEL.yaml'. "
            "Het profiel (bij een regio ook elk gemeenteprofiel) wordt dan bijgewerkt; opmerkingen en volgorde in het YAML-bestand blijven staan. "
            "Bij een fout wordt niets geschreven en noemt de toolkit blad en cel.",
        ),
        (
            "Regels",
            "Voeg geen bladen of kolommen toe, voeg geen cellen samen en gebruik geen formules: "
            f"typ waarden zelf. Lijsten scheidt u met komma's, datums schrijft u als {DATE_HINT}. "
            "Een lege cel laat het veld weg. Op een blad met één rij per partner of editie telt een "
            "lege rij niet mee, en haalt een gewiste rij die partner of editie weg.",
        ),
        ("", ""),
        ("Blad", "Waarvoor"),
        *((sheet.name, sheet.about) for sheet in sheets),
        *(
            (f"{label} ...", f"De bladen van gemeente {label}, zoals in de werkmap van een gemeenteprofiel.")
            for label in labels
        ),
    ]
    for values in rows:
        ws.append(values)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A5"].font = ws["B5"].font = Font(bold=True)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 100
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _head(ws: Worksheet, names: tuple[str, ...], widths: list[int]) -> None:
    ws.append(list(names))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    ws.freeze_panes = "B2"
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToHeight = 0
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def _fields(ws: Worksheet, sheet: FieldSheet, data: dict[str, Any]) -> None:
    _head(ws, header(sheet), [34, 50, 70])
    for row, field in enumerate(sheet.fields, start=2):
        ws.cell(row, 1, field.label).font = Font(bold=True)
        _put(ws, row, 2, field, get(data, (*sheet.root, *field.path)))
        ws.cell(row, 3, field.description).alignment = Alignment(wrap_text=True, vertical="top")
        _help(ws, field, f"B{row}")


def _table(ws: Worksheet, sheet: TableSheet, data: dict[str, Any]) -> None:
    _head(ws, header(sheet), [_width(c) for c in sheet.columns])
    items = get(data, sheet.root) or []
    for row, item in enumerate(items, start=2):
        for col, field in enumerate(sheet.columns, start=1):
            _put(ws, row, col, field, get(item, field.path))
    last = len(items) + 1 + TABLE_ROWS
    for col, field in enumerate(sheet.columns, start=1):
        letter = get_column_letter(col)
        _help(ws, field, f"{letter}2:{letter}{last}")
        _format_empty(ws, field, col, len(items) + 2, last)


def _choices(ws: Worksheet, sheet: ChoiceSheet, data: dict[str, Any]) -> None:
    _head(ws, header(sheet), [34, 10, *(_width(c) for c in sheet.columns)])
    group = get(data, sheet.root) or {}
    chosen = Field(
        ("gekozen",),
        {"type": "boolean", "meta": {"beschrijving": "ja: deze praktijk komt in de routekaart."}},
    )
    for row, key in enumerate(sheet.keys, start=2):
        ws.cell(row, 1, key).font = Font(bold=True)
        ws.cell(row, 2, YES if key in group else NO)
        for col, field in enumerate(sheet.columns, start=3):
            _put(ws, row, col, field, get(group, (key, *field.path)))
    last = len(sheet.keys) + 1
    _help(ws, chosen, f"B2:B{last}")
    for col, field in enumerate(sheet.columns, start=3):
        letter = get_column_letter(col)
        _help(ws, field, f"{letter}2:{letter}{last}")


def _width(field: Field) -> int:
    if field.kind in ("date", "boolean", "integer"):
        return 14
    if field.kind == "phone":
        return 16
    if field.kind == "list" or field.rule.get("maxlength", 0) > 200:
        return 50
    return 28


def _put(ws: Worksheet, row: int, col: int, field: Field, value: Any) -> None:
    cell = ws.cell(row, col, to_cell(field, value))
    if isinstance(cell.value, dt.date):
        cell.number_format = DATE_FORMAT
    elif field.kind not in ("integer",):
        # Text format keeps a typed 0123-456789 or 2026.1 as the text it is.
        cell.number_format = TEXT_FORMAT
    if field.kind == "text" or field.kind == "list":
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _format_empty(ws: Worksheet, field: Field, col: int, first: int, last: int) -> None:
    if field.kind in ("phone", "text", "choice", "list"):
        for row in range(first, last + 1):
            ws.cell(row, col).number_format = TEXT_FORMAT
    elif field.kind == "date":
        for row in range(first, last + 1):
            ws.cell(row, col).number_format = DATE_FORMAT


def _help(ws: Worksheet, field: Field, ref: str) -> None:
    """A dropdown for fixed choices and the schema's Dutch description as input message."""
    options: tuple[str, ...] = field.options
    if field.kind == "boolean":
        options = (YES, NO)
    hints = ""
    if field.kind == "list" and options:
        hints += " Kies uit: " + LIST_SEPARATOR.join(options) + "; scheid met komma's."
    if field.says_none:
        hints += f" Leeg: de standaard; '{NONE}': geen enkele."
    elif field.kind == "date":
        hints += f" Schrijf {DATE_HINT}, bijvoorbeeld 15-10-2026."
    # Excel shows at most 255 characters: the description gives way, the hints on what to type stay.
    room = PROMPT_MAX - len(hints)
    description = field.description
    if len(description) > room:
        description = description[: max(room - 1, 0)] + "…"
    prompt = (description + hints)[:PROMPT_MAX]
    if options and field.kind != "list":
        validation = DataValidation(
            type="list",
            formula1='"' + ",".join(options) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Ongeldige keuze",
            error="Kies een waarde uit de lijst.",
        )
    else:
        validation = DataValidation(allow_blank=True)
    validation.showInputMessage = True
    validation.promptTitle = field.label[-TITLE_MAX:]
    validation.prompt = prompt
    validation.add(ref)
    ws.add_data_validation(validation)
