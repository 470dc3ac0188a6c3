""".ods, LibreOffice's own format, is written and read like .xlsx: the same round trip, the same
record of what the workbook was made from, the same dropdowns and help, the same refusals."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from odfdo import Cell, Document, Element, Row, Table

from assembler.pipeline.workbook_import import import_workbook
from assembler.profile.workbook.origin import ORIGIN_SHEET
from tests.conftest import BASE_PROFILE, EXAMPLE_REGION, FIXTURE_REGION, Invoke, WriteFile
from tests.profile.workbook_kit import copy_region, export, refused

OLD, FIXED = '"0123-451200"', '"0123-451201"'  # the leerplicht's number in Kreekmonde


@pytest.fixture
def target(write: WriteFile) -> Path:
    return write(BASE_PROFILE)


@pytest.fixture
def kreekmonde(tmp_path: Path) -> Path:
    return copy_region(EXAMPLE_REGION, tmp_path) / "gemeenten" / "kreekmonde.yaml"


def _table(doc: Document, name: str) -> Table:
    table = doc.body.get_table(name=name)
    assert table is not None, name
    return table


def _column(table: Table, header: str) -> int:
    """The 0-based column whose header is header."""
    return [table.get_cell((x, 0)).value for x in range(12)].index(header)


def _row(table: Table, label: str) -> int:
    """The 0-based row of a field on a sheet with one field per row."""
    return [table.get_cell((0, y)).value for y in range(60)].index(label)


def change(workbook: Path, edit: Callable[[Document], None]) -> Path:
    doc = Document(workbook)
    edit(doc)
    doc.save(workbook)
    return workbook


def set_text(workbook: Path, sheet: str, row: int, header: str, value: str) -> None:
    def edit(doc: Document) -> None:
        table = _table(doc, sheet)
        table.set_cell((_column(table, header), row), Cell(value))

    change(workbook, edit)


def _rezip(workbook: Path, name: str, edit: Callable[[bytes], bytes]) -> Path:
    """A copy of the workbook with one part's bytes changed, the rest as they were."""
    out = workbook.with_name("bewerkt.ods")
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for part in source.infolist():
            data = source.read(part)
            copy.writestr(part, edit(data) if part.filename == name else data)
    return out


# -- the round trip -------------------------------------------------------------------------------


@pytest.mark.parametrize("region", [FIXTURE_REGION, EXAMPLE_REGION], ids=["oeverland", "voorbeeld"])
def test_an_unedited_ods_leaves_every_yaml_file_byte_identical(region: Path, tmp_path: Path) -> None:
    folder = copy_region(region, tmp_path)
    before = {p: p.read_bytes() for p in folder.rglob("*.yaml")}
    workbook = export(folder / "regio.yaml", "werkmap.ods")
    with zipfile.ZipFile(workbook) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"

    result = import_workbook(workbook, folder / "regio.yaml")

    assert result.changes == () and result.written == ()
    assert {p: p.read_bytes() for p in folder.rglob("*.yaml")} == before


def test_an_edit_in_the_ods_is_written_to_the_yaml(kreekmonde: Path, run: Invoke) -> None:
    before = kreekmonde.read_text(encoding="utf-8")
    workbook = kreekmonde.parent / "kreekmonde.ods"
    exported = run("export", kreekmonde, "-o", workbook)
    assert exported.exit_code == 0, exported.output
    set_text(workbook, "Partners", 1, "telefoon", "0123-451199")

    result = run("import", workbook, kreekmonde)

    assert result.exit_code == 0, result.output
    assert "Partners!G2" in result.output
    after = kreekmonde.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == [('    telefoon: "0123-451100"', '    telefoon: "0123-451199"')]


def test_export_refuses_another_kind_of_file_before_any_work(kreekmonde: Path, run: Invoke) -> None:
    result = run("export", kreekmonde, "-o", kreekmonde.with_suffix(".csv"))
    assert result.exit_code == 2
    assert "een werkmap krijgt de extensie .xlsx of .ods" in result.output
    assert not kreekmonde.with_suffix(".csv").exists()


# -- the record and the stale-workbook logic --------------------------------------------------------


def test_the_ods_records_its_source_and_what_each_file_held(kreekmonde: Path) -> None:
    doc = Document(export(kreekmonde, "werkmap.ods"))
    assert doc.meta.get_user_defined_metadata_of_name("assembler-bron")["value"] == "kreekmonde.yaml"
    tables = doc.body.get_tables()
    record = tables[-1]
    assert record.name == ORIGIN_SHEET
    assert record.get_attribute_string("table:protected") == "true"
    assert record.get_cell((0, 3)).value == "kreekmonde.yaml" and len(record.get_cell((1, 3)).value) == 64


def test_a_yaml_correction_survives_an_old_ods_and_a_conflict_isrefused(kreekmonde: Path) -> None:
    workbook = export(kreekmonde, "werkmap.ods")
    text = kreekmonde.read_text(encoding="utf-8")
    kreekmonde.write_text(text.replace(OLD, FIXED), encoding="utf-8")
    # One-sided: the workbook changes a name, the YAML a number; both stay.
    set_text(workbook, "Partners", 1, "naam", "Wijkteam Kreekmonde-Noord")
    result = import_workbook(workbook, kreekmonde)
    after = kreekmonde.read_text(encoding="utf-8")
    assert FIXED in after and "Wijkteam Kreekmonde-Noord" in after
    assert [c.path for c in result.kept] == ["partners.1.telefoon"]

    # Two-sided: the same number changed in the workbook too.
    workbook = export(kreekmonde, "tweede.ods")
    kreekmonde.write_text(after.replace(FIXED, '"0123-451202"'), encoding="utf-8")
    set_text(workbook, "Partners", 2, "telefoon", "0123-459999")
    messages = refused(workbook, kreekmonde)
    assert len(messages) == 1
    assert "Partners!G3" in messages[0] and "0123-459999" in messages[0] and "0123-451202" in messages[0]


def test_an_ods_of_another_profile_is_refused_unless_asked(target: Path, write: WriteFile) -> None:
    other = write(BASE_PROFILE.replace("naam: Testdam", "naam: Anderdam", 1), "anderdam.yaml")
    workbook = export(other, "anderdam.ods")
    assert "gemaakt van 'anderdam.yaml', niet van 'profiel.yaml'" in refused(workbook, target)[0]


# -- dropdowns, help and formats -------------------------------------------------------------------


def test_dropdowns_help_and_text_formats_are_in_the_ods(target: Path) -> None:
    doc = Document(export(target, "werkmap.ods"))
    content = doc.get_part("content")
    rules = {
        v.get_attribute_string("table:name"): v
        for v in content.get_elements("//table:content-validation")
    }
    table = _table(doc, "Ketenaanpak")
    cell = table.get_cell((1, _row(table, "sleutelpersonen")))
    rule = rules[cell.get_attribute_string("table:content-validation-name")]
    assert rule.get_attribute_string("table:condition") == 'of:cell-content-is-in-list("ja";"nee")'
    help_text = rule.get_element("table:help-message").text_recursive
    assert "sleutelpersonen" in help_text.lower() or len(help_text) > 20
    # A phone cell is text-formatted, so Calc keeps a typed leading zero; empty rows below too.
    partners = _table(doc, "Partners")
    col = _column(partners, "telefoon")
    styles = {
        s.get_attribute_string("style:name"): s.get_attribute_string("style:data-style-name")
        for s in content.get_elements("//style:style[@style:family='table-cell']")
    }
    for row in (1, 30):
        style = partners.get_cell((col, row)).get_attribute_string("table:style-name")
        assert styles[style] == "tekst", (row, style)
        assert partners.get_cell((col, row)).get_attribute_string("table:content-validation-name")


# -- hostile files ----------------------------------------------------------------------------------


def test_a_formula_is_refused_not_evaluated(target: Path) -> None:
    def formula(doc: Document) -> None:
        table = _table(doc, "Partners")
        table.set_cell(
            (_column(table, "telefoon"), 1),
            Cell("0900-1234", formula='of:=HYPERLINK("https://evil.example";"0900-1234")'),
        )

    messages = refused(change(export(target, "werkmap.ods"), formula), target)
    assert len(messages) == 1 and "Partners!G2" in messages[0] and "formule" in messages[0]


def test_a_hidden_sheet_isrefused(target: Path) -> None:
    def hide(doc: Document) -> None:
        doc.get_part("content").get_element("office:automatic-styles").append(
            Element.from_tag(
                '<style:style style:name="verborgen" style:family="table">'
                '<style:table-properties table:display="false"/></style:style>'
            )
        )
        secret = Table("Geheim", style="verborgen")
        secret.set_value((0, 0), "geheim")
        doc.body.append(secret)

    messages = refused(change(export(target, "werkmap.ods"), hide), target)
    assert any("Geheim!A1" in m and "verborgen blad" in m for m in messages), messages


def test_merged_cells_arerefused(target: Path) -> None:
    def merge(doc: Document) -> None:
        table = _table(doc, "Partners")
        cell = table.get_cell((3, 1))
        cell.set_attribute("table:number-columns-spanned", "2")
        table.set_cell((3, 1), cell)

    messages = refused(change(export(target, "werkmap.ods"), merge), target)
    assert any("Partners!D2" in m and "samengevoegde cellen" in m for m in messages), messages


def test_an_oversized_sheet_is_refused_without_expanding_it(target: Path) -> None:
    def grow(doc: Document) -> None:
        row = Row(repeated=1_000_000)
        row.append(Cell("x"))
        _table(doc, "Partners").append(row)

    message = refused(change(export(target, "werkmap.ods"), grow), target)[0]
    assert "blad 'Partners' is te groot" in message


def test_empty_rows_repeated_as_calc_writes_them_are_no_problem(target: Path) -> None:
    def pad(doc: Document) -> None:
        _table(doc, "Partners").append(Row(repeated=1_048_000))

    before = target.read_bytes()
    result = import_workbook(change(export(target, "werkmap.ods"), pad), target)
    assert result.changes == () and target.read_bytes() == before


def test_macros_arerefused(target: Path) -> None:
    workbook = export(target, "werkmap.ods")
    with zipfile.ZipFile(workbook, "a") as archive:
        archive.writestr("Basic/Standard/Module1.xml", "<script:module/>")
    assert "macro" in refused(workbook, target)[0]


def test_a_script_run_on_opening_isrefused(target: Path) -> None:
    listener = (
        b"<office:scripts><office:event-listeners><script:event-listener script:language="
        b'"ooo:script" script:event-name="dom:load" xlink:href="vnd.sun.star.script:Standard.Module1.Main"/>'
        b"</office:event-listeners></office:scripts>"
    )
    workbook = _rezip(
        export(target, "werkmap.ods"), "content.xml", lambda data: data.replace(b"<office:scripts/>", listener)
    )
    assert "macro" in refused(workbook, target)[0]


def test_a_zip_bomb_is_refused_before_unpacking(target: Path) -> None:
    workbook = export(target, "werkmap.ods")
    with zipfile.ZipFile(workbook, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Pictures/bom.xml", b"\x00" * (60 * 1024 * 1024))
    assert workbook.stat().st_size < 1024 * 1024
    assert "zip-bom" in refused(workbook, target)[0]


def test_an_entity_bomb_is_refused_before_parsing(target: Path) -> None:
    laughs = b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]>'
    workbook = _rezip(
        export(target, "werkmap.ods"), "content.xml", lambda data: laughs + data.split(b"?>", 1)[1]
    )
    assert "DTD" in refused(workbook, target)[0]


def test_other_files_named_ods_arerefused(target: Path) -> None:
    text = target.parent / "nep.ods"
    text.write_text("naam;telefoon\n", encoding="utf-8")
    assert "geen geldige .ods-werkmap" in refused(text, target)[0]
    writer = _rezip(
        export(target, "werkmap.ods"), "mimetype", lambda _: b"application/vnd.oasis.opendocument.text"
    )
    assert "geen ODF-rekenblad" in refused(writer, target)[0]
    template = target.parent / "sjabloon.ots"
    template.write_bytes(export(target, "werkmap.ods").read_bytes())
    assert "sla het bestand op als Excel-werkmap (.xlsx) of als ODF-rekenblad (.ods)" in refused(template, target)[0]
