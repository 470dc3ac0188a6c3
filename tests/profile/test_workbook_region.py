"""A region workbook carries the region and each of its municipalities; an edit lands in the right file."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from assembler.errors import ProfileError
from assembler.national.handvatten import VT_AFSPRAKEN
from assembler.pipeline.workbook_import import import_workbook
from assembler.profile.reading import check_paths
from assembler.profile.workbook.layout import municipality_label
from tests.conftest import EXAMPLE_REGION, Invoke
from tests.profile.workbook_kit import copy_region, edit, export


@pytest.fixture
def region(tmp_path: Path) -> Path:
    return copy_region(EXAMPLE_REGION, tmp_path) / "regio.yaml"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


def test_region_workbook_has_sheets_per_municipality(region: Path) -> None:
    names = load_workbook(export(region)).sheetnames
    assert names[:5] == ["Toelichting", "Regio", "Veilig Thuis", "Partners", "Standaard"]
    for municipality in ("Kreekmonde", "Wilgendaal", "Ter Linde"):
        assert f"{municipality} Partners" in names
        assert f"{municipality} Praktijken" in names
    assert all(len(name) <= 31 for name in names)


def test_municipality_edit_lands_in_its_own_file(region: Path) -> None:
    folder = region.parent
    before = _snapshot(folder)
    workbook = export(region)
    edit(workbook, "Wilgendaal Partners", 2, "telefoon", "0123-452199")
    edit(workbook, "Partners", 2, "naam", "Politie basisteam Lindeland-Oost")

    result = import_workbook(workbook, region)

    after = _snapshot(folder)
    assert {name for name in after if after[name] != before[name]} == {
        "regio.yaml",
        "gemeenten/wilgendaal.yaml",
    }
    assert {(Path(c.file).name, c.cell) for c in result.changes} == {
        ("wilgendaal.yaml", "'Wilgendaal Partners'!G2"),
        ("regio.yaml", "Partners!B2"),
    }
    assert '"0123-452199"' in (folder / "gemeenten" / "wilgendaal.yaml").read_text(encoding="utf-8")
    assert result.report is not None
    report = {heading: [c.text for c in changes] for heading, changes in result.report.groups}
    assert any("Politie basisteam Lindeland-Oost" in text for text in report["Regio Lindeland"])
    assert any("telefoonnummer gewijzigd" in text and "0123-452199" in text for text in report["Wilgendaal"])
    assert not [p for p in check_paths([region]) if p.is_error]


def test_error_in_a_municipality_sheet_writes_no_file(region: Path, run: Invoke) -> None:
    folder = region.parent
    before = _snapshot(folder)
    workbook = export(region)
    edit(workbook, "Regio", 3, 2, "Lindeland-Noord")  # a valid edit in the region itself
    edit(workbook, "Ter Linde Partners", 2, "email", "niet@@goed")

    with pytest.raises(ProfileError) as caught:
        import_workbook(workbook, region)
    assert [p.cell for p in caught.value.problems if p.is_error] == ["'Ter Linde Partners'!I2"]
    assert _snapshot(folder) == before

    result = run("import", workbook, region)
    assert result.exit_code == 1 and "'Ter Linde Partners'!I2" in result.output
    assert _snapshot(folder) == before


def test_municipality_labels_fit_and_differ() -> None:
    taken: set[str] = set()
    first = municipality_label("'s-Heerenveld", taken)
    assert first == "s-Heerenveld"
    long = municipality_label("Súdwest-Fryslân en omstreken [test]", taken)
    assert len(f"{long} Veilig Thuis") <= 31 and "[" not in long
    assert municipality_label("s-heerenveld", taken) == "s-heerenveld 2"


def test_field_of_a_new_group_is_named_by_its_cell(region: Path) -> None:
    workbook = export(region)
    book = load_workbook(workbook)
    ws = book["Regio"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "site.url")
    ws.cell(row, 2).value = "https://routekaart.lindeland.example/"
    book.save(workbook)

    result = import_workbook(workbook, region)

    assert [(c.cell, c.path, c.new) for c in result.changes] == [
        (f"Regio!B{row}", "site.url", "https://routekaart.lindeland.example/")
    ]
    assert region.read_text(encoding="utf-8").endswith(
        "site:\n  url: https://routekaart.lindeland.example/\n"
    )


def test_the_agreements_of_veilig_thuis_travel_through_the_workbook(region: Path) -> None:
    """'Voor Veilig Thuis' is filled in by Veilig Thuis in the region file; the workbook carries it both ways."""
    workbook = export(region)
    sheet = load_workbook(workbook)["Veilig Thuis"]
    rows = {row[0].value: row[1].value for row in sheet.iter_rows(min_row=2) if row[0].value}
    assert str(rows["werkafspraken.lkha"]).startswith("Bij elke melding over achterlating")
    assert {f"werkafspraken.{topic}" for topic in VT_AFSPRAKEN} <= set(rows)
    line = next(row[0].row for row in sheet.iter_rows(min_row=2) if row[0].value == "werkafspraken.weging")
    sheet.cell(row=line, column=2, value="Veilig Thuis belt de melder binnen twee werkdagen na de weging.")
    sheet.parent.save(workbook)

    import_workbook(workbook, region)

    text = region.read_text(encoding="utf-8")
    assert "Veilig Thuis belt de melder binnen twee werkdagen na de weging." in text
    assert "overlegt de casusregisseur dezelfde werkdag" in " ".join(text.split())
