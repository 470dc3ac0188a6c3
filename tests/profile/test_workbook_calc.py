"""The workbook survives LibreOffice Calc: converted once by Calc, it imports with the same result."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assembler.pipeline.workbook_import import import_workbook
from assembler.profile.reading import load_profile
from tests.conftest import EXAMPLE_REGION
from tests.profile.workbook_kit import copy_region, edit, export, history_region
from tests.tools import needs_libreoffice, soffice

pytestmark = [
    pytest.mark.slow,
    needs_libreoffice,
]


def through_calc(workbook: Path, tmp_path: Path) -> Path:
    """soffice --headless --convert-to xlsx: Calc opens the workbook and saves it as its own."""
    outdir = tmp_path / "calc"
    result = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={(tmp_path / 'lo-profiel').resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(outdir),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    converted = outdir / workbook.name
    assert result.returncode == 0, result.stderr
    assert converted.is_file(), f"Calc schreef geen werkmap: {result.stdout} {result.stderr}"
    assert converted.read_bytes() != workbook.read_bytes()
    return converted


def test_calc_round_trip_keeps_yaml_and_carries_an_edit(tmp_path: Path) -> None:
    target = copy_region(EXAMPLE_REGION, tmp_path) / "gemeenten" / "kreekmonde.yaml"
    before = target.read_text(encoding="utf-8")
    workbook = export(target)
    edit(workbook, "Partners", 2, "telefoon", "0123-451199")

    result = import_workbook(through_calc(workbook, tmp_path), target)

    assert [(c.cell, c.new) for c in result.changes] == [("Partners!G2", "0123-451199")]
    after = target.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == [('    telefoon: "0123-451100"', '    telefoon: "0123-451199"')]
    partners = {p["id"]: p for p in load_profile(target).data["partners"]}
    assert str(partners["wijkteam-kreekmonde"]["telefoon"]) == "0123-451199"


def test_calc_round_trip_of_a_region_changes_nothing(tmp_path: Path) -> None:
    folder = copy_region(EXAMPLE_REGION, tmp_path)
    before = {p: p.read_bytes() for p in folder.rglob("*.yaml")}

    result = import_workbook(through_calc(export(folder / "regio.yaml"), tmp_path), folder / "regio.yaml")

    assert result.changes == () and result.written == ()
    assert {p: p.read_bytes() for p in folder.rglob("*.yaml")} == before


def test_calc_round_trip_keeps_the_history_and_carries_a_new_edition(tmp_path: Path) -> None:
    brugstad = history_region(tmp_path) / "gemeenten" / "brugstad.yaml"
    before = brugstad.read_text(encoding="utf-8")
    workbook = export(brugstad)
    book = load_workbook(workbook)
    book["Geschiedenis"]["A4"] = "2024.1"
    book["Geschiedenis"]["B4"] = dt.datetime(2024, 10, 1)
    book.save(workbook)

    converted = through_calc(workbook, tmp_path)
    # Calc keeps the date cells as dates, shown day-month-year.
    assert load_workbook(converted)["Geschiedenis"]["B2"].number_format.replace("\\", "") == "dd-mm-yyyy"
    result = import_workbook(converted, brugstad)

    assert [(c.cell, c.path) for c in result.changes] == [("Geschiedenis!A4", "document.geschiedenis.2")]
    after = brugstad.read_text(encoding="utf-8")
    assert after == before.replace(
        "      samenvatting: Eerste editie.\n",
        "      samenvatting: Eerste editie.\n    - versie: '2024.1'\n      datum: 2024-10-01\n",
    )
