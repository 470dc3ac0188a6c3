"""The exported workbook as a spreadsheet user meets it: sheets, dropdowns, Dutch help, text-formatted numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assembler.profile.schema import GEMEENTE, PARTNER, PARTNER_TYPES, SCHEMAS
from assembler.profile.workbook.layout import FieldSheet, TableSheet, leaves, sheets_for
from tests.conftest import BASE_PROFILE, EXAMPLE_REGION, WriteFile
from tests.profile.workbook_kit import column, export, field_row, validations


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
        "Akkoorden",
        "Controles",
        "Over deze werkmap",
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

    rules = validations(partners)
    kind = rules["C2"]
    assert kind.type == "list" and kind.formula1 == '"' + ",".join(PARTNER_TYPES) + '"'
    assert kind.prompt == PARTNER["type"]["meta"]["beschrijving"]
    assert "Kies uit:" in rules["E2"].prompt and "alle" in rules["E2"].prompt

    gemeente = book["Gemeente"]
    row = field_row(gemeente, "kaarten.formaat")
    assert gemeente.cell(row, 2).value == "creditcard"
    assert validations(gemeente)[f"B{row}"].formula1 == '"creditcard,a6"'
    assert gemeente.cell(row, 3).value.startswith("Formaat van de zakkaarten")

    practices = book["Praktijken"]
    assert [c.value for c in practices[1]][:3] == ["praktijk", "gekozen", "prioriteit"]
    assert validations(practices)["B2"].formula1 == '"ja,nee"'


def test_region_workbook(tmp_path: Path) -> None:
    region = tmp_path / "regio"
    region.mkdir()
    (region / "regio.yaml").write_bytes((EXAMPLE_REGION / "regio.yaml").read_bytes())
    book = load_workbook(export(region / "regio.yaml"))
    assert book.sheetnames == [
        "Toelichting",
        "Regio",
        "Veilig Thuis",
        "Partners",
        "Standaard",
        "Controles",
        "Over deze werkmap",
    ]
    assert book["Partners"].max_row >= 4
    assert book["Partners"]["A2"].value == "politie-lindeland"
    standard = book["Standaard"]
    assert standard.cell(field_row(standard, "huisstijl.hoofdkleur"), 2).value == "#2E6B4F"
    regio = book["Regio"]
    assert regio.cell(field_row(regio, "gemeenten"), 2).value.startswith("gemeenten/kreekmonde.yaml, ")


def _schema_fields(schema: dict, prefix: tuple = ()) -> set[tuple]:
    """Every single value a profile can hold, with '[]' for an item of a list of groups."""
    found: set[tuple] = set()
    for key, rule in schema.items():
        item = rule.get("schema", {})
        if rule.get("type") == "dict":
            found |= _schema_fields(item, (*prefix, key))
        elif rule.get("type") == "list" and item.get("type") == "dict":
            found |= _schema_fields(item["schema"], (*prefix, key, "[]"))
        else:
            found.add((*prefix, key))
    return found


def _sheet_fields(sheets: tuple) -> list[tuple]:
    """Every value the workbook has a cell for, in the same spelling."""
    found: list[tuple] = []
    for sheet in sheets:
        if isinstance(sheet, FieldSheet):
            found += [(*sheet.root, *f.path) for f in sheet.fields]
        elif isinstance(sheet, TableSheet):
            found += [(*sheet.root, "[]", *f.path) for f in sheet.columns]
        else:
            found += [(*sheet.root, key, *f.path) for key in sheet.keys for f in sheet.columns]
    return found


@pytest.mark.parametrize("kind", ["gemeente", "regio"])
def test_every_field_of_the_schema_has_one_place_in_the_workbook(kind: str) -> None:
    # A list of groups added to the schema without a TableSheet would vanish from the workbook.
    placed = _sheet_fields(sheets_for(kind))
    assert len(placed) == len(set(placed))
    assert set(placed) == _schema_fields(SCHEMAS[kind])


def test_a_list_of_groups_is_a_table_not_a_field() -> None:
    labels = {field.label for field in leaves(GEMEENTE)}
    assert "naam" in labels and "document.eigenaar.telefoon" in labels
    assert not any(label.startswith(("partners", "document.geschiedenis")) for label in labels)
