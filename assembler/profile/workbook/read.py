"""Reads a filled-in workbook back into the raw data the YAML loader gives, with a cell for every value.

The workbook is laid over the profile it was exported from: a cell that still says what the
profile says leaves the value (and its YAML spelling) alone, a blank cell removes the field.
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assembler.errors import ProfileError
from assembler.national import load_content_info
from assembler.problems import Place, Problem
from assembler.profile.edition import LANDELIJKE_VERSIE as VERSION
from assembler.profile.loader import Document, dotted
from assembler.profile.workbook.cells import DATE_HINT, CellTypeError, from_cell, is_blank, is_empty, same
from assembler.profile.workbook.export import get
from assembler.profile.workbook.guard import MAX_COLUMNS, MAX_ROWS, check_file, refuse
from assembler.profile.workbook.layout import (
    INTRO_SHEET,
    ChoiceSheet,
    Field,
    FieldSheet,
    Path_,
    Sheet,
    TableSheet,
    header,
    sheets_for,
)
from assembler.profile.workbook.origin import ORIGIN_SHEET, Origin, OriginError, read_rows


@dataclass
class WorkbookDocument(Document):
    """A Document whose positions are workbook cells: 'line' n is the nth cell in ``cells``."""

    cells: list[str] = field(default_factory=list)
    by_path: dict[str, int] = field(default_factory=dict)
    # Cells that could not be read (a phone number as a number, a date with a time); the value
    # there stays as the profile had it, and the import reports these beside validation's problems.
    unread: list[Problem] = field(default_factory=list)

    def place(self, path: Path_, cell: str) -> None:
        self.cells.append(cell)
        self.values[path] = self.keys[path] = (len(self.cells), 1)
        self.by_path[dotted(path)] = len(self.cells)

    def _cell(self, line: int, column: int, path: Path_) -> Place:
        cell = self.cells[line - 1] if 1 <= line <= len(self.cells) else ""
        return Place(self.display, line, column, dotted(path), cell)

    def origin(self, path: Path_, *, key: bool = False) -> Place:
        """The cell of the value at path (or of its nearest group with a cell): what the value carries."""
        return self._cell(*self.where(path, key=key), path)

    # A date cell shows day-month-year; say it the way the cell does.
    date_advice = f"typ een datum als {DATE_HINT}, bijvoorbeeld 15-10-2026"

    def missing(self, path: Path_) -> Problem:
        """A required field that is absent: at its own (blank) cell when the workbook has one, else
        at its group's; what to do is to fill in the cell."""
        line, column = (self.by_path[dotted(path)], 1) if dotted(path) in self.by_path else self.where(path[:-1])
        return self._cell(line, column, path).problem(f"verplicht veld '{path[-1]}' ontbreekt; vul deze cel in")


def cell_name(ws: Worksheet, row: int, col: int) -> str:
    title = ws.title if " " not in ws.title else f"'{ws.title}'"
    return f"{title}!{get_column_letter(col)}{row}"


class _Reader:
    def __init__(self, display: str, base: dict[str, Any], doc: WorkbookDocument) -> None:
        self.display = display
        self.data = copy.deepcopy(base)
        self.doc = doc
        self.problems: list[Problem] = []

    def problem(self, ws: Worksheet, row: int, col: int, message: str, path: Path_ = ()) -> None:
        self.doc.cells.append(cell_name(ws, row, col))
        self.problems.append(
            Problem(self.display, len(self.doc.cells), 1, dotted(path), message, cell=self.doc.cells[-1])
        )

    def leaf(
        self, ws: Worksheet, row: int, col: int, target: Any, path: Path_, fld: Field, full: Path_
    ) -> None:
        """Lay one cell over ``target`` at ``path``; ``full`` is its path in the whole profile."""
        raw = ws.cell(row, col).value
        self.doc.place(full, cell_name(ws, row, col))
        old = get(target, path)
        if is_blank(raw):
            # A blank cell removes the value; where 'geen' stands for an empty list, that one too.
            if not is_empty(old) or (fld.says_none and old == []):
                _remove(target, path)
            return
        try:
            new = from_cell(fld, raw)
        except CellTypeError as exc:
            self.problem(ws, row, col, str(exc), full)
            return
        if new is None or new == "":
            if not is_empty(old):
                _remove(target, path)
            return
        if old is not None and same(fld, old, new):
            return
        _set(target, path, new)

    def field_sheet(self, ws: Worksheet, sheet: FieldSheet) -> None:
        by_label = {f.label: f for f in sheet.fields}
        for row in range(2, ws.max_row + 1):
            label = ws.cell(row, 1).value
            if is_blank(label):
                if not is_blank(ws.cell(row, 2).value):
                    self.problem(ws, row, 1, "waarde zonder veldnaam in kolom A; zet de veldnaam terug")
                continue
            fld = by_label.get(str(label).strip())
            if fld is None:
                self.problem(ws, row, 1, f"onbekend veld '{label}'; gebruik de veldnamen uit de export")
                continue
            full = (*sheet.root, *fld.path)
            self.leaf(ws, row, 2, self.data, full, fld, full)

    def table_sheet(self, ws: Worksheet, sheet: TableSheet) -> None:
        base = get(self.data, sheet.root)
        base_items = base if isinstance(base, list) else []
        items: list[Any] = []
        # A workbook exported before the last columns existed lacks them: those fields stay as they were.
        width = present_columns(ws, sheet)
        key_col = next(col for col, fld in enumerate(sheet.columns, start=1) if fld.path == (sheet.key,))
        by_key = {
            str(i.get(sheet.key)): i
            for i in base_items
            if isinstance(i, dict) and i.get(sheet.key) is not None
        }
        for row in range(2, ws.max_row + 1):
            if all(is_blank(ws.cell(row, c).value) for c in range(1, width + 1)):
                continue  # an empty row is no item
            index = len(items)
            # A row belongs to the item with its key, so deleting or moving a row moves the whole item.
            old = by_key.get(_text(ws.cell(row, key_col).value))
            item = copy.deepcopy(old) if isinstance(old, dict) else {}
            self.doc.place((*sheet.root, index), cell_name(ws, row, 1))
            for col, fld in enumerate(sheet.columns[:width], start=1):
                self.leaf(ws, row, col, item, fld.path, fld, (*sheet.root, index, *fld.path))
            items.append(item)
        if items:
            _set(self.data, sheet.root, items)
        elif not is_empty(base):
            _remove(self.data, sheet.root)  # every row deleted: like a blank cell, the field goes

    def choice_sheet(self, ws: Worksheet, sheet: ChoiceSheet) -> None:
        group = get(self.data, sheet.root)
        if not isinstance(group, dict):
            group = {}
        chosen_field = Field(("gekozen",), {"type": "boolean"})
        seen: set[str] = set()
        for row in range(2, ws.max_row + 1):
            key = ws.cell(row, 1).value
            if is_blank(key):
                continue
            key = str(key).strip()
            if key not in sheet.keys or key in seen:
                self.problem(
                    ws, row, 1, f"onbekende of dubbele rij '{key}'; kies uit: {', '.join(sheet.keys)}"
                )
                continue
            seen.add(key)
            try:
                chosen = not is_blank(ws.cell(row, 2).value) and from_cell(
                    chosen_field, ws.cell(row, 2).value
                )
            except CellTypeError as exc:
                self.problem(ws, row, 2, str(exc), (*sheet.root, key))
                continue
            filled = [c for c in range(3, len(sheet.columns) + 3) if not is_blank(ws.cell(row, c).value)]
            if not chosen:
                if filled:
                    self.problem(
                        ws,
                        row,
                        filled[0],
                        "praktijk is niet gekozen maar wel ingevuld; zet 'gekozen' op ja of maak de cellen leeg",
                        (*sheet.root, key),
                    )
                group.pop(key, None)
                continue
            if key not in group:
                group[key] = {}
            self.doc.place((*sheet.root, key), cell_name(ws, row, 1))
            for col, fld in enumerate(sheet.columns, start=3):
                full = (*sheet.root, key, *fld.path)
                self.leaf(ws, row, col, group, (key, *fld.path), fld, full)
        # Keep the profile's own order; newly chosen practices follow in national order.
        if group or not is_empty(get(self.data, sheet.root)):
            _set(self.data, sheet.root, group)


def present_columns(ws: Worksheet, sheet: TableSheet) -> int:
    """How many of the table's columns the sheet has: all, or a workbook from before the last ones
    were added (its header stops at a known column, and nothing stands to the right of it)."""
    names = header(sheet)
    last = 0
    for col in range(1, len(names) + 1):
        value = ws.cell(1, col).value
        if value is None or str(value).strip() != names[col - 1]:
            break
        last = col
    if last < len(names) and last >= 1 and all(
        is_blank(ws.cell(row, col).value)
        for row in range(1, ws.max_row + 1)
        for col in range(last + 1, max(ws.max_column, len(names)) + 1)
    ):
        return last
    return len(names)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else str(value)


def _set(data: dict[str, Any], path: Path_, value: Any) -> None:
    """Set the value at path, making each missing (or null) group on the way."""
    current: Any = data
    for part in path[:-1]:
        nxt = current.get(part)
        if not isinstance(nxt, dict):
            nxt = current[part] = {}
        current = nxt
    current[path[-1]] = value


def _remove(data: Any, path: Path_) -> None:
    """Remove the value at path, and each group above it that held only that value."""
    parents = [data]
    for part in path[:-1]:
        nxt = get(parents[-1], (part,))
        if not isinstance(nxt, dict | list):
            return
        parents.append(nxt)
    last: Any = path[-1]
    for depth in range(len(path) - 1, -1, -1):
        container = parents[depth]
        if isinstance(container, dict):
            container.pop(last, None)
        if container or depth == 0 or not isinstance(container, dict):
            return
        last = path[depth - 1]


def _open(path: Path, display: str) -> Any:
    try:
        with warnings.catch_warnings():
            # openpyxl warns about data validation extensions and the like; they change nothing we read.
            warnings.simplefilter("ignore")
            return load_workbook(path, read_only=False, data_only=False, keep_vba=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a broken file; all mean the same to a user
        raise refuse(
            display, f"werkmap kan niet worden gelezen ({type(exc).__name__}); sla hem opnieuw op als .xlsx"
        ) from None


def _structure(reader: _Reader, book: Any, sheets: tuple[Sheet, ...]) -> dict[str, Worksheet]:
    """The worksheets by name, after refusing hidden, extra or missing sheets, merges, formulas and extra columns."""
    expected = {INTRO_SHEET, ORIGIN_SHEET, *(s.name for s in sheets)}
    found: dict[str, Worksheet] = {}
    for ws in book.worksheets + list(getattr(book, "chartsheets", [])):
        if not isinstance(ws, Worksheet):
            reader.problems.append(
                Problem(
                    reader.display,
                    1,
                    1,
                    "",
                    f"blad '{ws.title}' is geen gewoon blad; verwijder het",
                    cell=f"{ws.title}!A1",
                )
            )
            continue
        if ws.sheet_state != "visible":
            reader.problem(ws, 1, 1, "verborgen blad; maak het zichtbaar en leeg het, of verwijder het")
            continue
        if ws.title not in expected:
            reader.problem(
                ws, 1, 1, f"onbekend blad '{ws.title}'; de werkmap heeft alleen de bladen uit de export"
            )
            continue
        found[ws.title] = ws
    optional = {ORIGIN_SHEET} | {s.name for s in sheets if isinstance(s, TableSheet) and s.optional}
    for name in sorted(expected - set(found) - optional):
        if not any(p.cell.startswith(name) or p.cell.startswith(f"'{name}") for p in reader.problems):
            reader.problems.append(
                Problem(
                    reader.display,
                    1,
                    1,
                    "",
                    f"blad '{name}' ontbreekt; exporteer de werkmap opnieuw",
                    cell=f"{name}!A1",
                )
            )
    for sheet in sheets:
        ws = found.get(sheet.name)
        if ws is None:
            continue
        if ws.max_row > MAX_ROWS or ws.max_column > MAX_COLUMNS:
            reader.problem(
                ws,
                1,
                1,
                f"blad is te groot ({ws.max_row} rijen, {ws.max_column} kolommen); is dit wel een profiel?",
            )
            del found[sheet.name]
            continue
        for merged in list(ws.merged_cells.ranges):
            reader.problem(
                ws,
                merged.min_row,
                merged.min_col,
                f"samengevoegde cellen {merged.coord}; maak het samenvoegen ongedaan",
            )
        names = header(sheet)
        if isinstance(sheet, TableSheet):
            names = names[: present_columns(ws, sheet)]
        for col in range(1, max(ws.max_column, len(names)) + 1):
            value = ws.cell(1, col).value
            want = names[col - 1] if col <= len(names) else None
            if (str(value).strip() if value is not None else None) != want:
                reader.problem(
                    ws,
                    1,
                    col,
                    f"kolomkop '{value or ''}' klopt niet; verwacht '{want or ''}' (voeg geen kolommen toe of weg)",
                )
        for row in ws.iter_rows():
            for cell in row:
                _cell_checks(reader, ws, cell, len(names))
    return found


def _cell_checks(reader: _Reader, ws: Worksheet, cell: Cell | Any, width: int) -> None:
    if not isinstance(cell, Cell) or cell.value is None:
        return
    if cell.data_type == "f" or (
        not isinstance(cell.value, str | int | float | bool) and type(cell.value).__name__.endswith("Formula")
    ):
        reader.problem(
            ws,
            cell.row,
            cell.column,
            "formule in de cel; typ de waarde zelf (formules worden niet uitgerekend)",
        )
    elif cell.column > width and cell.row > 1:
        reader.problem(
            ws, cell.row, cell.column, "waarde buiten de kolommen van de export; verwijder extra kolommen"
        )


def open_book(path: Path, display: str) -> Any:
    """The workbook (an .ods as an openpyxl workbook in memory, ods.py), after refusing a hostile or
    unusable file (guard.py); ProfileError otherwise."""
    check_file(path, display)
    if path.suffix.lower() == ".ods":
        from assembler.profile.workbook.ods import read_ods

        return read_ods(path, display)
    return _open(path, display)


def read_origins(book: Any, display: str) -> list[Origin] | None:
    """What each YAML file held when the workbook was exported; None for a workbook from before
    the toolkit recorded it. ProfileError when the record is there but cannot be read."""
    if ORIGIN_SHEET not in book.sheetnames:
        return None
    ws = book[ORIGIN_SHEET]
    if not isinstance(ws, Worksheet) or ws.max_row > MAX_ROWS or ws.max_column > MAX_COLUMNS:
        raise refuse(display, f"blad '{ORIGIN_SHEET}' is geen gewoon blad; exporteer de werkmap opnieuw")
    values = [list(row) for row in ws.iter_rows(values_only=True)]
    try:
        return read_rows(values)
    except OriginError as exc:
        raise refuse(
            display,
            f"blad '{ORIGIN_SHEET}' is niet meer te lezen ({exc}); exporteer de werkmap opnieuw, of lees "
            "hem in met --werkmap-wint (dan gaan wijzigingen in het profiel sinds de export verloren)",
        ) from None


def read_workbook(path: Path, base: Document, display: str | None = None) -> WorkbookDocument:
    """The profile as the workbook has it, laid over ``base``; unreadable cells are on ``unread``."""
    display = display or str(path)
    book = open_book(path, display)
    return read_parts(book, path, [(base, sheets_for(str(base.data.get("soort"))))], display)[0]


def read_parts(
    book: Any, path: Path, parts: Sequence[tuple[Document, tuple[Sheet, ...]]], display: str
) -> list[WorkbookDocument]:
    """Each document as its own sheets in the workbook have it (a region and its municipalities).

    ProfileError when the workbook's shape is wrong (sheets, columns, merges, formulas); a cell
    that cannot be read is left on its document's ``unread``, to be reported with validation.
    """
    checker = _Reader(display, {}, WorkbookDocument(path=path, display=display, data={}))
    found = _structure(checker, book, tuple(s for _, sheets in parts for s in sheets))
    if checker.problems:
        raise ProfileError(checker.problems)
    docs: list[WorkbookDocument] = []
    for base, sheets in parts:
        doc = WorkbookDocument(path=base.path, display=display, data={})
        reader = _Reader(display, base.data, doc)
        doc.place((), cell_name(found[sheets[0].name], 1, 1))
        for sheet in sheets:
            ws = found.get(sheet.name)
            if ws is None:
                # A workbook from before this sheet existed: keep what the YAML has there.
                kept = get(base.data, sheet.root)
                if kept is not None:
                    _set(reader.data, sheet.root, copy.deepcopy(kept))
                continue
            if sheet.root:
                # A problem with the group as a whole (no practice chosen) points at its sheet.
                doc.place(sheet.root, cell_name(ws, 2, 2 if isinstance(sheet, ChoiceSheet) else 1))
            if isinstance(sheet, FieldSheet):
                reader.field_sheet(ws, sheet)
            elif isinstance(sheet, TableSheet):
                reader.table_sheet(ws, sheet)
            else:
                reader.choice_sheet(ws, sheet)
        doc.unread = reader.problems
        doc.data = new_edition_version(base.data, reader.data)
        docs.append(doc)
    return docs


def new_edition_version(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """A workbook that records a new edition (another version or adoption date) and leaves the national
    version as it was, records the national content the toolkit prints now: the text that was adopted."""
    if after.get("soort") != "gemeente":
        return after
    old, new = before.get("document") or {}, after.get("document")
    if not isinstance(new, dict) or not isinstance(old, dict):
        return after
    edition = ("versie", "vastgesteld_op")
    if all(old.get(k) == new.get(k) for k in edition) or old.get(VERSION) != new.get(VERSION):
        return after
    new[VERSION] = load_content_info().versie
    return after
