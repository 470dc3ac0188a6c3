"""The region overview spreadsheet (.xlsx): the gaps table, the handvatten per municipality, every
problem, and what changed since the previous run."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from assembler.builders.art.colours import house_palette
from assembler.builders.base import Builder
from assembler.errors import BuildError
from assembler.model.region import FAILED, NO_LOCAL_PARTNER, RegionModel
from assembler.zips import office_package

OVERVIEW_SHEET = "Overzicht"
PROBLEMS_SHEET = "Problemen"
CHANGES_SHEET = "Wijzigingen"
CHANGES_HEADER = ("Gemeente", "Onderwerp", "Wijziging")
HANDVATTEN_SHEET = "Handvatten"
CHECKS_SHEET = "Controles"
CHECKS_HEADER = ("Contact", "Soort", "Nummer", "Waarom", "Vergelijk met", "Staat in de routekaart van", "Vastleggen in")
CARDS_SHEET = "Kaarten"
CARDS_HEADER = (
    "Gemeente",
    "Kaartenset",
    "Kaart",
    "Lokaal contact",
    "Op de kaart",
    "Waarom",
    "Niet op de kaart",
)
NO_LOCAL_CONTACT = "geen: alleen de eigen aandachtsfunctionaris en Veilig Thuis"
# A light fill per status helps the eye; the cell always says the status in words.
STATUS_FILLS = {
    "Geregeld": PatternFill("solid", fgColor="E2EFDA"),
    "In ontwikkeling": PatternFill("solid", fgColor="FFF2CC"),
    "Niet geregeld": PatternFill("solid", fgColor="F8CBAD"),
}
PROBLEM_HEADER = ("Gemeente", "Plek (bestand:regel)", "Soort", "Veld", "Melding")
GAP_FILL = PatternFill("solid", fgColor="FCE4D6")
FAILED_FILL = PatternFill("solid", fgColor="F8CBAD")
WRAP = Alignment(wrap_text=True, vertical="top")
MAX_WIDTH = 60
HEADER_ROWS = 2  # the group row, then the column labels


@dataclass(frozen=True)
class HeaderStyle:
    """The header rows in the region's colour, their text readable on it (as the Word tables' header row)."""

    fill: PatternFill
    font: Font

    @classmethod
    def of(cls, colour: str) -> HeaderStyle:
        palette = house_palette(colour)
        return cls(
            PatternFill("solid", fgColor=palette.colour.lstrip("#").upper()),
            Font(bold=True, color=palette.colour_text.lstrip("#").upper()),
        )


def _style_header(cells: tuple[Cell, ...] | list[Cell], style: HeaderStyle) -> None:
    for cell in cells:
        cell.fill = style.fill
        cell.font = style.font
        cell.alignment = WRAP


def _fill_sheet(
    sheet: Worksheet,
    style: HeaderStyle,
    header: tuple[str, ...],
    rows: tuple[tuple[str, ...], ...],
    groups: tuple[tuple[str, int], ...] = (),
) -> None:
    """Optional group row, the column labels, the rows; frozen header and first column, a filter."""
    if groups:
        sheet.append([label if i == 0 else None for label, span in groups for i in range(span)])
        column = 1
        for _label, span in groups:
            if span > 1:
                sheet.merge_cells(start_row=1, start_column=column, end_row=1, end_column=column + span - 1)
            column += span
        _style_header(sheet[1], style)
    sheet.append(list(header))
    header_row = sheet.max_row
    _style_header(sheet[header_row], style)
    for row in rows:
        sheet.append(list(row))
    for column in range(1, len(header) + 1):
        values = [
            str(sheet.cell(row=r, column=column).value or "") for r in range(header_row, sheet.max_row + 1)
        ]
        # Wide enough for most cells, never so wide that one long message hides the rest of the sheet.
        longest = max((len(line) for v in values for line in v.split("\n")), default=8)
        sheet.column_dimensions[get_column_letter(column)].width = min(max(longest + 2, 10), MAX_WIDTH)
    for line in sheet.iter_rows(min_row=header_row + 1):
        for cell in line:
            cell.alignment = WRAP
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(header))}{sheet.max_row}"


def handvatten_header(model: RegionModel) -> tuple[str, ...]:
    return ("Gemeente", *model.handvat_namen)


def handvatten_rows(model: RegionModel) -> tuple[tuple[str, ...], ...]:
    """Per municipality the status of every handvat in words (a status taken from the region says so);
    a failed one says so once."""
    rows = list(model.handvat_woorden)
    blank = ("",) * (len(model.handvat_namen) - 1)
    rows += [(f.naam, f"{FAILED}: {f.reden}", *blank) for f in model.mislukt]
    return tuple(rows)


def _checks_title(model: RegionModel) -> str:
    if not model.controles:
        return "Alle nummers zijn in de afgelopen twaalf maanden nagekeken"
    return f"Nog na te kijken op {model.peildatum.strftime('%d-%m-%Y')}"


def check_rows(model: RegionModel) -> tuple[tuple[str, ...], ...]:
    """What still needs checking: one row per number, with the page to compare it against."""
    return tuple(
        (
            row.nummer.naam,
            row.nummer.soort,
            row.nummer.nummers,
            row.reden,
            row.nummer.vergelijk_met or "bel de organisatie zelf",
            ", ".join(row.gemeenten),
            row.nummer.vastleggen,
        )
        for row in model.controles
    )
def card_rows(model: RegionModel) -> tuple[tuple[str, ...], ...]:
    """Per municipality, set and card: the numbers the card names, why each, and the partners left off."""
    rows = []
    for e in model.gemeenten:
        for route in e.kaarten:
            listed = [c.tekst for c in route.contacten]
            why = [c.reden for c in route.contacten]
            if route.acuut:
                listed.append(f"Regel acuut gevaar: {route.acuut}")
                why.append("landelijke kaarttekst van de praktijk")
            rows.append(
                (
                    e.naam,
                    route.doelgroep,
                    route.kaart,
                    "; ".join(route.lokaal) or NO_LOCAL_CONTACT,
                    "\n".join(f"{n}. {text}" for n, text in enumerate(listed, 1)),
                    "\n".join(f"{n}. {text}" for n, text in enumerate(why, 1)),
                    "\n".join(f"{s.naam}: {s.reden}" for s in route.weggelaten) or "–",
                )
            )
    return tuple(rows)


def render(model: RegionModel) -> bytes:
    """The workbook as bytes; fixed document dates and zip timestamps, so equal models give equal bytes."""
    workbook = Workbook()
    style = HeaderStyle.of(model.kleur)
    overview = workbook.active
    overview.title = OVERVIEW_SHEET
    _fill_sheet(overview, style, model.overzicht.kop, model.overzicht.rijen, model.overzicht.groepen)
    for line in overview.iter_rows(min_row=HEADER_ROWS + 1):
        for cell in line:
            if cell.value == NO_LOCAL_PARTNER:
                cell.fill = GAP_FILL
            elif isinstance(cell.value, str) and cell.value.startswith(f"{FAILED}:"):
                cell.fill = FAILED_FILL
    statuses = workbook.create_sheet(HANDVATTEN_SHEET)
    _fill_sheet(
        statuses, style, handvatten_header(model), handvatten_rows(model), (("", 1), *model.handvat_groepen)
    )
    for line in statuses.iter_rows(min_row=HEADER_ROWS + 1, min_col=2):
        for cell in line:
            # "Geregeld (standaardkeuze van de regio)" takes the colour of "Geregeld".
            fill = STATUS_FILLS.get(str(cell.value).split(" (")[0])
            if fill is not None:
                cell.fill = fill
    checks = workbook.create_sheet(CHECKS_SHEET)
    _fill_sheet(
        checks,
        style,
        CHECKS_HEADER,
        check_rows(model),
        ((_checks_title(model), len(CHECKS_HEADER)),),
    )
    cards = workbook.create_sheet(CARDS_SHEET)
    _fill_sheet(cards, style, CARDS_HEADER, card_rows(model))
    for (cell,) in cards.iter_rows(min_row=2, min_col=4, max_col=4):
        if cell.value == NO_LOCAL_CONTACT:
            cell.fill = GAP_FILL
    problems = workbook.create_sheet(PROBLEMS_SHEET)
    rows = tuple((p.gemeente, p.plek, p.soort, p.veld, p.melding) for p in model.problemen)
    _fill_sheet(problems, style, PROBLEM_HEADER, rows)
    changes = workbook.create_sheet(CHANGES_SHEET)
    title = (
        "Wijzigingen sinds de vorige run in deze map"
        if model.wijzigingen
        else "Geen wijzigingen sinds de vorige run in deze map"
    )
    _fill_sheet(
        changes,
        style,
        CHANGES_HEADER,
        tuple((c.gemeente, c.onderwerp, c.wijziging) for c in model.wijzigingen),
        ((title, len(CHANGES_HEADER)),),
    )

    props = workbook.properties
    moment = dt.datetime.combine(model.datum, dt.time())
    props.created = props.modified = moment
    props.title = f"Overzicht schadelijke praktijken regio {model.naam}"
    props.creator = model.veilig_thuis.naam
    props.lastModifiedBy = model.veilig_thuis.naam
    # openpyxl's save() stamps the current time into docProps/core.xml; its writer alone does not.
    return office_package(lambda archive: ExcelWriter(workbook, archive).save(), moment)


def check(data: bytes, model: RegionModel) -> None:
    """Read the workbook back: both sheets, the header, one row per municipality."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True)
    except Exception as exc:  # openpyxl raises several kinds on a broken package
        raise BuildError(f"het overzicht is geen geldig Excel-bestand: {exc}") from exc
    if workbook.sheetnames != [
        OVERVIEW_SHEET, HANDVATTEN_SHEET, CHECKS_SHEET, CARDS_SHEET, PROBLEMS_SHEET, CHANGES_SHEET
    ]:
        raise BuildError(f"het overzicht heeft de bladen {workbook.sheetnames}")
    rows = list(workbook[OVERVIEW_SHEET].iter_rows(values_only=True))
    if len(rows) < HEADER_ROWS or tuple(rows[HEADER_ROWS - 1]) != model.overzicht.kop:
        raise BuildError("de kopregel van het overzicht klopt niet")
    names = [r[0] for r in rows[HEADER_ROWS:]]
    expected = [r[0] for r in model.overzicht.rijen]
    if names != expected:
        raise BuildError(f"het overzicht noemt {names}, verwacht {expected}")


class OverviewBuilder(Builder[RegionModel]):
    def render(self, model: RegionModel) -> dict[str, bytes]:
        return {self.filenames(model)[0]: render(model)}

    def check(self, model: RegionModel, name: str, data: bytes) -> None:
        check(data, model)
