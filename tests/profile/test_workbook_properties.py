"""Property: after any valid edits in the workbook and an import, the YAML says what the workbook said."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from ruamel.yaml import YAML

from assembler.pipeline.workbook_import import import_workbook
from assembler.profile.workbook.origin import ORIGIN_SHEET
from tests.profile.test_workbook_roundtrip import phones, plain, profiles
from tests.profile.workbook_kit import column, export, field_row

# (sheet, field label or partner column, value) edits that keep any generated profile valid.
VALUES = {
    ("Gemeente", "naam"): plain,
    ("Gemeente", "document.eigenaar.naam"): plain,
    ("Gemeente", "document.eigenaar.telefoon"): st.one_of(phones, st.none()),
    ("Gemeente", "kaarten.formaat"): st.sampled_from(["a6", "creditcard", None]),
    ("Partners", "naam"): plain,
    ("Partners", "telefoon"): st.one_of(phones, st.none()),
    ("Partners", "rol"): st.one_of(plain, st.none()),
    ("Geschiedenis", "samenvatting"): st.one_of(plain, st.none()),
    ("Geschiedenis", "datum"): st.datetimes(dt.datetime(2015, 1, 1), dt.datetime(2030, 1, 1)).map(
        lambda d: d.replace(hour=0, minute=0, second=0, microsecond=0)
    ),
}
one_edit = st.sampled_from(sorted(VALUES)).flatmap(lambda key: VALUES[key].map(lambda value: (*key, value)))
edits = st.lists(one_edit, min_size=1, max_size=4)


def _values(workbook: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = load_workbook(workbook)
    # The sheets to fill in; the record of what the profile held at the export differs by design.
    return {
        ws.title: [tuple(row) for row in ws.iter_rows(values_only=True)]
        for ws in book.worksheets[1:]
        if ws.title != ORIGIN_SHEET
    }


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=profiles, changes=edits)
def test_yaml_says_what_the_workbook_said(
    tmp_path_factory: pytest.TempPathFactory, data: dict, changes: list[tuple[str, str, Any]]
) -> None:
    folder = tmp_path_factory.mktemp("edit")
    target = folder / "profiel.yaml"
    yaml = YAML()
    yaml.allow_unicode = True
    with target.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    workbook = export(target)
    book = load_workbook(workbook)
    for sheet, name, value in changes:
        ws = book[sheet]
        if sheet == "Gemeente":
            ws.cell(field_row(ws, name), 2).value = value
        elif data.get("partners") if sheet == "Partners" else data["document"].get("geschiedenis"):
            ws.cell(2, column(ws, name)).value = value
    book.save(workbook)

    import_workbook(workbook, target, today=dt.date(2026, 11, 1))

    # Exported again, the profile gives the very cells that were imported.
    assert _values(export(target, "opnieuw.xlsx")) == _values(workbook)
