"""The workbook carries the new edition fields: a new edition recorded in it gets the national version
the toolkit prints, akkoorden and checks have their sheets, and a workbook from before the newest
columns still reads, leaving those fields as they were."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from assembler.pipeline.workbook_import import import_workbook
from assembler.profile.loader import load_document
from tests.conftest import BASE_PROFILE, NATIONAL, WriteFile, edit
from tests.profile.workbook_kit import column, export, field_row


def _document(path: Path) -> dict:
    return load_document(path).data["document"]


def test_a_new_edition_records_the_national_version_printed_now(write: WriteFile) -> None:
    path = write(edit(BASE_PROFILE, f'  landelijke_versie: "{NATIONAL.versie}"\n', '  landelijke_versie: "2026.1"\n'))
    workbook = export(path)
    book = load_workbook(workbook)
    sheet = book["Gemeente"]
    sheet.cell(field_row(sheet, "document.versie"), 2).value = "2026.2"
    book.save(workbook)
    import_workbook(workbook, path)
    document = _document(path)
    assert document["versie"] == "2026.2"
    assert document["landelijke_versie"] == NATIONAL.versie


def test_a_national_version_typed_in_the_workbook_is_kept(write: WriteFile) -> None:
    path = write(BASE_PROFILE)
    workbook = export(path)
    book = load_workbook(workbook)
    sheet = book["Gemeente"]
    sheet.cell(field_row(sheet, "document.versie"), 2).value = "2026.2"
    sheet.cell(field_row(sheet, "document.landelijke_versie"), 2).value = "2026.3"
    book.save(workbook)
    import_workbook(workbook, path)
    assert _document(path)["landelijke_versie"] == "2026.3"


def test_akkoorden_and_checks_come_back_from_their_sheets(write: WriteFile) -> None:
    path = write(BASE_PROFILE)
    workbook = export(path)
    book = load_workbook(workbook)
    akkoorden = book["Akkoorden"]
    assert [c.value for c in akkoorden[1]] == ["partner", "datum", "door", "versie"]
    akkoorden["A2"], akkoorden["B2"], akkoorden["C2"], akkoorden["D2"] = (
        "veilig_thuis",
        dt.datetime(2026, 11, 30),
        "H. de Wit, directeur",
        "2026.1",
    )
    checks = book["Controles"]
    assert [c.value for c in checks[1]] == ["organisatie", "nummer", "datum", "door", "pagina"]
    for col, value in enumerate(
        ("politie", "112", dt.datetime(2026, 11, 30), "F. Bakker", "https://www.politie.nl/contact"), start=1
    ):
        checks.cell(2, col).value = value
    book.save(workbook)
    result = import_workbook(workbook, path)
    assert result.changes
    data = load_document(path).data
    assert data["document"]["akkoorden"] == [
        {"partner": "veilig_thuis", "datum": dt.date(2026, 11, 30), "door": "H. de Wit, directeur", "versie": "2026.1"}
    ]
    assert data["controles"][0]["organisatie"] == "politie" and data["controles"][0]["nummer"] == "112"


def test_a_workbook_from_before_the_newest_columns_still_reads(write: WriteFile) -> None:
    path = write(BASE_PROFILE)
    before = path.read_bytes()
    workbook = export(path)
    book = load_workbook(workbook)
    partners = book["Partners"]
    versie = column(partners, "akkoord.versie")
    # The newest columns are the last ones: the akkoord's version and whatever came after it.
    assert column(partners, "aanspreekpunt_voor") == partners.max_column > versie
    partners.delete_cols(versie, partners.max_column - versie + 1)
    book.save(workbook)
    result = import_workbook(workbook, path)
    # Nothing changed: the akkoord versions and the later fields stay as the YAML has them.
    assert result.changes == () and path.read_bytes() == before
