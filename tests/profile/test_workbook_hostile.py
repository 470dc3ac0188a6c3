"""Hostile or broken workbooks are refused in Dutch, naming sheet and cell, and the YAML stays as it was."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import BASE_PROFILE, Invoke, WriteFile
from tests.profile.workbook_kit import column, export, field_row, refused


@pytest.fixture
def target(write: WriteFile) -> Path:
    return write(BASE_PROFILE)


def _changed(target: Path, change: Callable[..., None]) -> Path:
    workbook = export(target)
    book = load_workbook(workbook)
    change(book)
    book.save(workbook)
    return workbook


def test_formula_is_refused_not_evaluated(target: Path) -> None:
    def formula(book) -> None:
        ws = book["Partners"]
        ws.cell(2, column(ws, "telefoon")).value = '=HYPERLINK("https://evil.example","0900-1234")'

    messages = refused(_changed(target, formula), target)
    assert len(messages) == 1 and "Partners!G2" in messages[0] and "formule" in messages[0]


def test_macro_workbook_isrefused(target: Path) -> None:
    workbook = export(target)
    macro = workbook.with_suffix(".xlsm")
    workbook.rename(macro)
    assert "macro" in refused(macro, target)[0]


def test_vba_part_inside_xlsx_isrefused(target: Path) -> None:
    workbook = export(target)
    with zipfile.ZipFile(workbook, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\x00" * 64)
    assert "macro" in refused(workbook, target)[0]


def test_zip_bomb_is_refused_before_unpacking(target: Path) -> None:
    workbook = export(target)
    with zipfile.ZipFile(workbook, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/bom.xml", b"\x00" * (60 * 1024 * 1024))
    assert workbook.stat().st_size < 1024 * 1024
    message = refused(workbook, target)[0]
    assert "zip-bom" in message


def test_very_large_file_isrefused(target: Path) -> None:
    workbook = target.parent / "groot.xlsx"
    workbook.write_bytes(b"PK" + b"\x00" * (6 * 1024 * 1024))
    assert "te groot" in refused(workbook, target)[0]


def test_not_a_workbook_isrefused(target: Path) -> None:
    workbook = target.parent / "nep.xlsx"
    workbook.write_text("naam;telefoon\n", encoding="utf-8")
    assert "geen geldige .xlsx" in refused(workbook, target)[0]


def test_hidden_sheet_isrefused(target: Path) -> None:
    def hide(book) -> None:
        book.create_sheet("Geheim").sheet_state = "hidden"

    messages = refused(_changed(target, hide), target)
    assert any("Geheim!A1" in m and "verborgen blad" in m for m in messages)


def test_extra_sheet_isrefused(target: Path) -> None:
    messages = refused(_changed(target, lambda book: book.create_sheet("Notities")), target)
    assert any("onbekend blad 'Notities'" in m for m in messages)


def test_number_in_phone_cell_isrefused(target: Path) -> None:
    def number(book) -> None:
        ws = book["Partners"]
        ws.cell(2, column(ws, "telefoon")).value = 201234567

    # The base profile's other message is a warning: it was adopted before the national text changed.
    messages = refused(_changed(target, number), target)
    assert len(messages) == 1 and "Partners!G2" in messages[0] and "eerste 0" in messages[0]


def test_wrong_types_arerefused(target: Path) -> None:
    def wrong(book) -> None:
        ws = book["Ketenaanpak"]
        ws.cell(field_row(ws, "sleutelpersonen"), 2).value = "misschien"
        gemeente = book["Gemeente"]
        gemeente.cell(field_row(gemeente, "naam"), 2).value = 42.5

    messages = refused(_changed(target, wrong), target)
    assert any("Ketenaanpak!B4" in m and "ja of nee" in m for m in messages), messages
    assert any("Gemeente!B3" in m and "getal" in m for m in messages), messages


def test_merged_cells_arerefused(target: Path) -> None:
    messages = refused(_changed(target, lambda book: book["Partners"].merge_cells("D2:E2")), target)
    assert any("Partners!D2" in m and "samengevoegde cellen" in m for m in messages)


def test_extra_column_isrefused(target: Path) -> None:
    def extra(book) -> None:
        ws = book["Partners"]
        ws.cell(1, ws.max_column + 1).value = "opmerking"
        ws.cell(2, ws.max_column).value = "bel na 17 uur"

    messages = refused(_changed(target, extra), target)
    assert any("kolomkop 'opmerking'" in m for m in messages)
    assert any("buiten de kolommen" in m for m in messages)


def test_cli_refuses_in_dutch_without_traceback(target: Path, run: Invoke) -> None:
    workbook = export(target)
    macro = workbook.with_suffix(".xlsm")
    workbook.rename(macro)
    result = run("import", macro, target)
    assert result.exit_code == 1
    assert "macro" in result.output and "Niet gelukt" in result.output


def test_entity_bomb_is_refused_before_parsing(target: Path) -> None:
    workbook = export(target)
    bomb = workbook.with_name("bom.xlsx")
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for part in source.infolist():
            data = source.read(part)
            if part.filename == "xl/worksheets/sheet2.xml":
                data = laughs.encode() + (data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data)
            out.writestr(part, data)
    assert "DTD" in refused(bomb, target)[0]


def test_workbook_of_another_profile_isrefused(target: Path, write: WriteFile) -> None:
    other = write(BASE_PROFILE.replace("naam: Testdam", "naam: Anderdam", 1), "anderdam.yaml")
    workbook = export(other)
    message = refused(workbook, target)[0]
    assert "gemaakt van 'anderdam.yaml', niet van 'profiel.yaml'" in message


def test_swapped_arguments_are_explained(target: Path, run: Invoke) -> None:
    workbook = export(target)
    before = target.read_bytes()
    result = run("import", target, workbook)
    assert result.exit_code == 1
    assert f"eerst de werkmap, dan het profiel: assembler importeer {workbook} {target}" in result.output
    assert target.read_bytes() == before


def test_oversized_part_isrefused(target: Path) -> None:
    workbook = export(target)
    with zipfile.ZipFile(workbook, "a", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/media/groot.bin", os.urandom(4 * 1024 * 1024 + 1))
    message = refused(workbook, target)[0]
    assert "xl/media/groot.bin is te groot" in message
