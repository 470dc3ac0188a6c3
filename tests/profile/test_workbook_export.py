"""The exported workbook as a spreadsheet user meets it: sheets, dropdowns, Dutch help, text-formatted numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from assembler.profile.schema import PARTNER, PARTNER_TYPES
from tests.conftest import BASE_PROFILE, EXAMPLE_REGION, WriteFile
from tests.profile.workbook_kit import column, export, field_row


def _validations(ws) -> dict[str, object]:
    """Each cell range's data validation, by the top-left cell it covers."""
    found = {}
    for validation in ws.data_validations.dataValidation:
        for ref in str(validation.sqref).split():
            found[ref.split(":")[0]] = validation
    return found


def test_municipality_workbook(write: WriteFile) -> None:
    book = load_workbook(export(write(BASE_PROFILE)))
    assert book.sheetnames == [
        "Toelichting",
        "Gemeente",
        "Praktijken",
        "Ketenaanpak",
        "Partners",
        "Veilig Thuis",
        "Geschiedenis",
    ]
    assert all(ws.sheet_state == "visible" for ws in book.worksheets)
    intro = [row[0] for row in book["Toelichting"].iter_rows(min_row=6, max_col=1, values_only=True)]
    assert intro == book.sheetnames[1:]

    partners = book["Partners"]
    assert partners.freeze_panes == "B2"
    # A group inside a partner (akkoord) gets a column per field: akkoord.datum, akkoord.door.
    columns = [
        f"{name}.{sub}" if rule.get("type") == "dict" else name
        for name, rule in PARTNER.items()
        for sub in (rule["schema"] if rule.get("type") == "dict" else [None])
    ]
    assert [c.value for c in partners[1]] == columns
    phone = partners.cell(2, column(partners, "telefoon"))
    assert phone.value == "020-1234568" and phone.data_type == "s" and phone.number_format == "@"
    checked = partners.cell(2, column(partners, "gecontroleerd_op"))
    assert isinstance(checked.value, dt.datetime) and checked.number_format == "dd-mm-yyyy"
    assert partners.column_dimensions["A"].width >= 20

    rules = _validations(partners)
    kind = rules["C2"]
    assert kind.type == "list" and kind.formula1 == '"' + ",".join(PARTNER_TYPES) + '"'
    assert kind.prompt == PARTNER["type"]["meta"]["beschrijving"]
    assert "Kies uit:" in rules["E2"].prompt and "alle" in rules["E2"].prompt

    gemeente = book["Gemeente"]
    row = field_row(gemeente, "kaarten.formaat")
    assert gemeente.cell(row, 2).value == "creditcard"
    assert _validations(gemeente)[f"B{row}"].formula1 == '"creditcard,a6"'
    assert gemeente.cell(row, 3).value.startswith("Formaat van de zakkaarten")

    practices = book["Praktijken"]
    assert [c.value for c in practices[1]][:3] == ["praktijk", "gekozen", "prioriteit"]
    assert _validations(practices)["B2"].formula1 == '"ja,nee"'


def test_region_workbook(tmp_path: Path) -> None:
    region = tmp_path / "regio"
    region.mkdir()
    (region / "regio.yaml").write_bytes((EXAMPLE_REGION / "regio.yaml").read_bytes())
    book = load_workbook(export(region / "regio.yaml"))
    assert book.sheetnames == ["Toelichting", "Regio", "Veilig Thuis", "Partners", "Standaard"]
    assert book["Partners"].max_row >= 4
    assert book["Partners"]["A2"].value == "politie-lindeland"
    standard = book["Standaard"]
    assert standard.cell(field_row(standard, "huisstijl.hoofdkleur"), 2).value == "#2E6B4F"
    regio = book["Regio"]
    assert regio.cell(field_row(regio, "gemeenten"), 2).value.startswith("gemeenten/kreekmonde.yaml, ")


def test_lists_of_groups_are_left_to_the_yaml() -> None:
    from assembler.profile.schema import GEMEENTE
    from assembler.profile.workbook.layout import leaves

    labels = {field.label for field in leaves(GEMEENTE)}
    assert "naam" in labels and "document.eigenaar.telefoon" in labels
    assert not any(label == "partners" or label.startswith("partners.") for label in labels)
