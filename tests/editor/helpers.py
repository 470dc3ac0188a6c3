"""A copy of the fixture region to edit, and the form a browser would post for a session's data."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from assembler.editor.form import as_posted, build_form
from tests.conftest import FIXTURE_REGION

posted = as_posted


def region_copy(folder: Path) -> Path:
    """The fixture region copied into folder; returns the copy's region file."""
    target = folder / "regio-oeverland"
    shutil.copytree(FIXTURE_REGION, target)
    return target / "regio.yaml"


def drawn(kind: str, data: dict[str, Any]) -> dict[str, list[str]]:
    return as_posted(build_form(kind, data))
