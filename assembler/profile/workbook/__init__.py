"""The profile as a spreadsheet: export a profile or region to a workbook, import the filled-in workbook back.

Layout (layout.py) is declared once; export.py writes it and read.py reads it back. Checking the
result and writing the YAML files is build work: assembler/pipeline/workbook_import.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from assembler.errors import ProfileError
from assembler.problems import sort_problems

SUFFIXES = (".xlsx", ".ods")  # an Excel workbook, or LibreOffice's OpenDocument spreadsheet


def export_workbook(source: Path, suffix: str = ".xlsx") -> bytes:
    """The workbook for one profile or region file, as .xlsx or .ods (suffix); ProfileError when
    the file itself has errors."""
    from assembler.profile.loader import load_document
    from assembler.profile.validation import validate_document
    from assembler.profile.workbook.export import workbook_bytes
    from assembler.profile.workbook.members import region_members
    from assembler.profile.workbook.origin import origin_of

    doc = load_document(source)
    docs = [doc]
    members = region_members(source, doc.data) if doc.data.get("soort") == "regio" else []
    docs += [member for _, member in members]
    errors = []
    for each in docs:
        errors += [p for p in validate_document(each)[1] if p.is_error]
    if errors:
        # Export lays each file out by its schema; fix the files first, then fill in the workbook.
        raise ProfileError(sort_problems(errors))
    origins = [origin_of(source.name, source.read_bytes())]
    origins += [origin_of(_relative(member.path, source), member.path.read_bytes()) for _, member in members]
    return workbook_bytes(
        doc.data, source.name, [(label, member.data) for label, member in members], origins, suffix
    )


def _relative(path: Path, source: Path) -> str:
    """A member's name as the region file writes it: its path from the region's folder."""
    return os.path.relpath(path, source.parent).replace(os.sep, "/")
