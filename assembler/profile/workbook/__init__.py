"""The profile as a spreadsheet: export a profile or region to a workbook, import the filled-in workbook back.

Layout (layout.py) is declared once; export.py writes it, read.py and importing.py read it back.
"""

from __future__ import annotations

from pathlib import Path

from assembler.errors import ProfileError
from assembler.problems import sort_problems


def export_workbook(source: Path) -> bytes:
    """The workbook for one profile or region file; ProfileError when the file itself has errors."""
    from assembler.profile.loader import load_document
    from assembler.profile.validation import validate_document
    from assembler.profile.workbook.export import workbook_bytes

    doc = load_document(source)
    _, problems = validate_document(doc)
    errors = [p for p in problems if p.is_error]
    if errors:
        # Export lays the file out by its schema; fix the file first, then fill in the workbook.
        raise ProfileError(sort_problems(errors))
    return workbook_bytes(doc.data)
