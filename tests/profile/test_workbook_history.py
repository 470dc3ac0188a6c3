"""The Geschiedenis sheet: earlier editions go out to the workbook and come back, added, edited or deleted."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assembler.pipeline.workbook_import import import_workbook
from assembler.profile.loader import load_document
from assembler.profile.reading import load_profile
from assembler.profile.schema import GEMEENTE
from tests.conftest import Invoke
from tests.profile.workbook_kit import export, history_region, validations

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def region(tmp_path: Path) -> Path:
    return history_region(tmp_path)


@pytest.fixture
def brugstad(region: Path) -> Path:
    return region / "gemeenten" / "brugstad.yaml"


def _history(path: Path) -> list[dict]:
    return load_profile(path, today=TODAY).data["document"].get("geschiedenis", [])


def test_sheet_shows_each_edition_with_real_dates(brugstad: Path) -> None:
    book = load_workbook(export(brugstad))
    ws = book["Geschiedenis"]
    assert book.sheetnames[-4:] == ["Geschiedenis", "Akkoorden", "Controles", "Over deze werkmap"]
    assert [c.value for c in ws[1]] == ["versie", "datum", "samenvatting", "landelijke_versie"]
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_row=ws.max_row)][:3] == [
        ["2025.2", dt.datetime(2025, 11, 1), "Telefoonnummers bijgewerkt.", None],
        ["2025.1", dt.datetime(2025, 3, 1), "Eerste editie.", None],
        [None, None, None, None],
    ]
    # Dates are date cells shown day-month-year; versions are text, so 2025.10 stays 2025.10.
    assert ws["B2"].number_format == "dd-mm-yyyy" and ws["B4"].number_format == "dd-mm-yyyy"
    assert ws["A2"].data_type == "s" and ws["A2"].number_format == "@" and ws["A4"].number_format == "@"
    rules = validations(ws)
    item = GEMEENTE["document"]["schema"]["geschiedenis"]["schema"]["schema"]
    assert rules["A2"].prompt == item["versie"]["meta"]["beschrijving"]
    assert rules["B2"].prompt == "Datum van die editie. Schrijf DD-MM-JJJJ, bijvoorbeeld 15-10-2026."
    assert str(rules["B2"].sqref) == f"B2:B{2 + 2 + 199}"  # the rows below get the help too
    intro = {row[0]: row[1] for row in book["Toelichting"].iter_rows(min_row=6, values_only=True)}
    assert intro["Geschiedenis"].startswith("Eén rij per eerdere editie van de routekaart")


def test_unedited_history_leaves_yaml_byte_identical(region: Path, brugstad: Path) -> None:
    before = brugstad.read_bytes()
    result = import_workbook(export(brugstad), brugstad, today=TODAY)
    assert result.changes == () and brugstad.read_bytes() == before
    # The same through the region's workbook, where the sheet is 'Brugstad Geschiedenis'.
    regio = region / "regio.yaml"
    book = load_workbook(export(regio, "regio.xlsx"))
    assert book["Brugstad Geschiedenis"]["A3"].value == "2025.1"
    result = import_workbook(region / "regio.xlsx", regio, today=TODAY)
    assert result.changes == () and brugstad.read_bytes() == before


def test_added_edited_and_deleted_rows_reach_the_yaml(brugstad: Path) -> None:
    before_text = brugstad.read_text(encoding="utf-8")
    before = load_document(brugstad).data
    workbook = export(brugstad)
    book = load_workbook(workbook)
    ws = book["Geschiedenis"]
    ws["C2"] = "Telefoonnummers en partners bijgewerkt."
    ws.delete_rows(3)  # edition 2025.1
    # Row 3 stays empty (no edition); the new edition follows below it, typed the Dutch way.
    ws["A4"], ws["B4"], ws["C4"] = "2024.1", "1-10-2024", "Proefversie."
    ws["A5"], ws["B5"] = "2023.1", dt.datetime(2023, 5, 17)
    book.save(workbook)

    result = import_workbook(workbook, brugstad, today=TODAY)

    assert _history(brugstad) == [
        {
            "versie": "2025.2",
            "datum": dt.date(2025, 11, 1),
            "samenvatting": "Telefoonnummers en partners bijgewerkt.",
        },
        {"versie": "2024.1", "datum": dt.date(2024, 10, 1), "samenvatting": "Proefversie."},
        {"versie": "2023.1", "datum": dt.date(2023, 5, 17)},
    ]
    assert {c.cell for c in result.changes} == {
        "Geschiedenis!C2",
        "Geschiedenis!A4",
        "Geschiedenis!B4",
        "Geschiedenis!C4",
        "Geschiedenis!A5",
    }
    # Everything outside the list is as it was, the comment above it included.
    after = load_document(brugstad).data
    assert {k: v for k, v in after["document"].items() if k != "geschiedenis"} == {
        k: v for k, v in before["document"].items() if k != "geschiedenis"
    }
    assert {k: v for k, v in after.items() if k != "document"} == {
        k: v for k, v in before.items() if k != "document"
    }
    after_text = brugstad.read_text(encoding="utf-8")
    assert "  # Eerdere edities, nieuwste eerst.\n  geschiedenis:\n    - versie: '2025.2'\n" in after_text
    changed = [
        line for line in difflib.ndiff(before_text.splitlines(), after_text.splitlines()) if line[:1] in "+-"
    ]
    assert all(line[2:].startswith("    ") for line in changed), changed  # only lines inside the list


def test_profile_without_history_gets_an_empty_sheet_and_can_start_one(region: Path, run: Invoke) -> None:
    dijkmond = region / "gemeenten" / "dijkmond.yaml"
    before = dijkmond.read_bytes()
    workbook = export(dijkmond)
    ws = load_workbook(workbook)["Geschiedenis"]
    assert [c.value for c in ws[1]] == ["versie", "datum", "samenvatting", "landelijke_versie"]
    assert all(c.value is None for row in ws.iter_rows(min_row=2) for c in row)
    assert run("import", workbook, dijkmond).exit_code == 0
    assert dijkmond.read_bytes() == before

    book = load_workbook(workbook)
    book["Geschiedenis"]["A2"] = "2025.1"
    book["Geschiedenis"]["B2"] = dt.datetime(2025, 10, 1)
    book.save(workbook)
    result = run("import", workbook, dijkmond)

    assert result.exit_code == 0, result.output
    assert "Geschiedenis!A2: document.geschiedenis.0: toegevoegd ('2025.1')" in result.output
    assert "versiegeschiedenis aangevuld met versie 2025.1" in result.output
    assert _history(dijkmond) == [{"versie": "2025.1", "datum": dt.date(2025, 10, 1)}]
    assert dijkmond.read_text(encoding="utf-8").startswith(before.decode("utf-8").split("\n", 1)[0])


def test_deleting_every_row_removes_the_list(brugstad: Path) -> None:
    workbook = export(brugstad)
    book = load_workbook(workbook)
    book["Geschiedenis"].delete_rows(2, 2)
    book.save(workbook)

    import_workbook(workbook, brugstad, today=TODAY)

    text = brugstad.read_text(encoding="utf-8")
    assert "geschiedenis" not in text and "versie: 2025" not in text
    assert "geschiedenis" not in load_document(brugstad).data["document"]


def test_bad_cells_are_named_in_dutch_at_once_and_nothing_is_written(brugstad: Path, run: Invoke) -> None:
    before = brugstad.read_bytes()
    workbook = export(brugstad)
    book = load_workbook(workbook)
    ws = book["Geschiedenis"]
    ws["A3"] = None  # a missing version
    ws["B2"] = "gisteren"  # not a date
    ws["A4"], ws["B4"] = "2024.1", "31-02-2024"  # a date that does not exist
    ws["A5"], ws["B5"] = "2023.1", dt.datetime(2023, 5, 17, 14, 30)  # a date with a time
    ws["A6"], ws["C6"] = "2022.1", "Zonder datum."  # a missing date
    book.save(workbook)

    result = run("import", workbook, brugstad)

    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "Geschiedenis!" in line]
    assert [line.split("werkmap.xlsx: ", 1)[1] for line in lines] == [
        "Geschiedenis!B2: document.geschiedenis.0.datum: 'gisteren' is geen bestaande datum; "
        "typ een datum als DD-MM-JJJJ, bijvoorbeeld 15-10-2026",
        "Geschiedenis!A3: document.geschiedenis.1.versie: verplicht veld 'versie' ontbreekt; vul deze cel in",
        "Geschiedenis!B4: document.geschiedenis.2.datum: '31-02-2024' is geen bestaande datum; "
        "typ een datum als DD-MM-JJJJ, bijvoorbeeld 15-10-2026",
        "Geschiedenis!B5: document.geschiedenis.3.datum: datum met tijd gevonden; "
        "vul alleen een datum in (DD-MM-JJJJ)",
        "Geschiedenis!B6: document.geschiedenis.4.datum: verplicht veld 'datum' ontbreekt; vul deze cel in",
    ]
    assert "Niet gelukt: 5 fouten" in result.output
    assert brugstad.read_bytes() == before


def test_region_workbook_edit_lands_in_the_municipality_file(region: Path) -> None:
    before = {p: p.read_bytes() for p in region.rglob("*.yaml")}
    regio = region / "regio.yaml"
    workbook = export(regio, "regio.xlsx")
    book = load_workbook(workbook)
    book["Dijkmond Geschiedenis"]["A2"] = "2025.1"
    book["Dijkmond Geschiedenis"]["B2"] = dt.datetime(2025, 9, 1)
    book.save(workbook)

    result = import_workbook(workbook, regio, today=TODAY)

    assert [(Path(c.file).name, c.cell) for c in result.changes] == [
        ("dijkmond.yaml", "'Dijkmond Geschiedenis'!A2")
    ]
    changed = {p.name for p in region.rglob("*.yaml") if p.read_bytes() != before[p]}
    assert changed == {"dijkmond.yaml"}
    assert _history(region / "gemeenten" / "dijkmond.yaml") == [
        {"versie": "2025.1", "datum": dt.date(2025, 9, 1)}
    ]


def test_a_workbook_from_before_the_sheet_existed_keeps_the_history(region: Path, brugstad: Path) -> None:
    """A workbook exported by an earlier version has no Geschiedenis sheet: its other edits still
    land, and the editions in the YAML stay as they are."""
    before = _history(brugstad)
    path = export(brugstad)
    book = load_workbook(path)
    del book["Geschiedenis"]
    ws = book["Gemeente"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "website")
    ws.cell(row, 2).value = "https://www.brugstad.example/nieuw"
    book.save(path)
    result = import_workbook(path, brugstad, today=TODAY)
    assert [c for c in result.changes if "geschiedenis" in str(c)] == []
    assert load_profile(brugstad, today=TODAY).data["website"] == "https://www.brugstad.example/nieuw"
    assert _history(brugstad) == before
    # The same through the region's workbook, where the sheet is 'Brugstad Geschiedenis'.
    regio = region / "regio.yaml"
    path = export(regio, "regio.xlsx")
    book = load_workbook(path)
    del book["Brugstad Geschiedenis"]
    book.save(path)
    result = import_workbook(path, regio, today=TODAY)
    assert result.changes == () and _history(brugstad) == before
