"""Clearing cells removes just those lines from the YAML: comments and blank lines around them stay."""

from __future__ import annotations

import difflib
from pathlib import Path

from openpyxl import load_workbook

from assembler.pipeline.workbook_import import import_workbook
from tests.conftest import EXAMPLE_REGION
from tests.profile.workbook_kit import copy_region, export, field_row


def _diff(before: str, after: str) -> tuple[list[str], list[str]]:
    lines = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [x[2:] for x in lines if x.startswith("- ")], [x[2:] for x in lines if x.startswith("+ ")]


def _clear(workbook: Path, sheet: str, *labels: str) -> None:
    book = load_workbook(workbook)
    ws = book[sheet]
    for label in labels:
        ws.cell(field_row(ws, label), 2).value = None
    book.save(workbook)


def test_comment_after_a_cleared_last_field_stays(tmp_path: Path) -> None:
    region = copy_region(EXAMPLE_REGION, tmp_path) / "regio.yaml"
    before = region.read_text(encoding="utf-8")
    workbook = export(region)
    _clear(workbook, "Veilig Thuis", "gecontroleerd_op")

    import_workbook(workbook, region)

    removed, added = _diff(before, region.read_text(encoding="utf-8"))
    assert (removed, added) == (["  gecontroleerd_op: 2026-11-02"], [])
    assert "\n\n# Regionale partners; elke gemeente hieronder neemt ze over.\npartners:" in region.read_text(
        encoding="utf-8"
    )


def test_cleared_group_and_block_text_leave_the_blank_lines(tmp_path: Path) -> None:
    target = copy_region(EXAMPLE_REGION, tmp_path) / "gemeenten" / "kreekmonde.yaml"
    before = target.read_text(encoding="utf-8")
    workbook = export(target)
    _clear(workbook, "Gemeente", "huisstijl.hoofdkleur", "document.inleiding")

    import_workbook(workbook, target)

    after = target.read_text(encoding="utf-8")
    removed, added = _diff(before, after)
    assert added == []
    assert removed[:2] == ["huisstijl:", '  hoofdkleur: "#0B5E7A"']
    assert removed[2] == "  inleiding: |" and len(removed) == 6
    assert "logo: ../logo-kreekmonde.png\n\n# Deze versie is vastgesteld" in after
    assert '    telefoon: "0123-451000"\n\npraktijken:' in after
