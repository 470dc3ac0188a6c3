"""A copy of the fixture region to edit, and the form a browser would post for a session's data."""

from __future__ import annotations

import shutil
from pathlib import Path

from assembler.editor.form import Control, Group, Rows, build_form
from tests.conftest import FIXTURE_REGION


def region_copy(folder: Path) -> Path:
    """The fixture region copied into folder; returns the copy's region file."""
    target = folder / "regio-oeverland"
    shutil.copytree(FIXTURE_REGION, target)
    return target / "regio.yaml"


def posted(form: Group) -> dict[str, list[str]]:
    """What a browser posts for this form untouched: every control's value, row markers, chosen groups."""
    pairs: dict[str, list[str]] = {}

    def walk(element: Control | Group | Rows) -> None:
        if isinstance(element, Control):
            if element.kind == "choices":
                pairs[element.name] = ["", *element.chosen]
            else:
                pairs[element.name] = [element.value]
        elif isinstance(element, Rows):
            pairs[f"{element.name}._rij"] = [""]
            for i, row in enumerate(element.rows):
                pairs[f"{row.name}._rij"] = [str(i)]
                for item in row.items:
                    walk(item)
        else:
            if element.choosable and element.chosen:
                pairs[f"{element.name}._gekozen"] = ["ja"]
            for item in element.items:
                walk(item)

    walk(form)
    return pairs


def drawn(kind: str, data: dict) -> dict[str, list[str]]:
    return posted(build_form(kind, data))
