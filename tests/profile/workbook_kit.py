"""Helpers for the workbook tests: export into a copy, edit a cell by column name, import."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from assembler.errors import ProfileError
from assembler.pipeline.workbook_import import import_workbook
from assembler.profile.workbook import export_workbook
from tests.conftest import FIXTURE_REGION
from tests.conftest import edit as edit_text

# Brugstad's earlier editions: one version in single quotes, one in double quotes, and a comment
# above the list that must outlive every import.
HISTORY = (
    "  herzien_voor: 2027-10-15\n"
    "  # Eerdere edities, nieuwste eerst.\n"
    "  geschiedenis:\n"
    "    - versie: '2025.2'\n"
    "      datum: 2025-11-01\n"
    "      samenvatting: Telefoonnummers bijgewerkt.\n"
    '    - versie: "2025.1"\n'
    "      datum: 2025-03-01\n"
    "      samenvatting: Eerste editie.\n"
)


def copy_region(source: Path, tmp_path: Path) -> Path:
    """A private copy of a region folder, so that imports never touch the original."""
    target = tmp_path / source.name
    shutil.copytree(source, target)
    return target


def history_region(tmp_path: Path) -> Path:
    """A copy of the test region in which Brugstad records two earlier editions."""
    folder = copy_region(FIXTURE_REGION, tmp_path)
    brugstad = folder / "gemeenten" / "brugstad.yaml"
    text = brugstad.read_text(encoding="utf-8")
    brugstad.write_text(edit_text(text, "  herzien_voor: 2027-10-15\n", HISTORY), encoding="utf-8")
    return folder


def refused(workbook: Path, target: Path) -> list[str]:
    """The import's problems, as printed; the target file left byte for byte as it was."""
    before = target.read_bytes()
    with pytest.raises(ProfileError) as caught:
        import_workbook(workbook, target)
    assert target.read_bytes() == before
    return [p.format() for p in caught.value.problems]


def export(profile: Path, name: str = "werkmap.xlsx") -> Path:
    """The profile's workbook beside it, as .xlsx or .ods by the name's extension."""
    workbook = profile.parent / name
    workbook.write_bytes(export_workbook(profile, workbook.suffix))
    return workbook


def column(ws: Any, name: str) -> int:
    """The 1-based column whose header is name."""
    headers = [c.value for c in ws[1]]
    return headers.index(name) + 1


def validations(ws: Any) -> dict[str, Any]:
    """Each cell range's data validation (dropdown, input message), by the top-left cell it covers."""
    found = {}
    for validation in ws.data_validations.dataValidation:
        for ref in str(validation.sqref).split():
            found[ref.split(":")[0]] = validation
    return found


def field_row(ws: Any, label: str) -> int:
    """The row of a field on a sheet with one field per row."""
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, 1).value == label:
            return row
    raise AssertionError(f"veld {label} staat niet op blad {ws.title}")


def edit(workbook: Path, sheet: str, row: int, col: int | str, value: Any) -> None:
    book = load_workbook(workbook)
    ws = book[sheet]
    ws.cell(row, column(ws, col) if isinstance(col, str) else col).value = value
    book.save(workbook)
