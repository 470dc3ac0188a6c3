"""The municipalities a region workbook carries: each listed profile that exists, with its sheet label."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assembler.profile.loader import Document, load_document
from assembler.profile.workbook.layout import municipality_label


def region_members(source: Path, data: dict[str, Any]) -> list[tuple[str, Document]]:
    """(label, raw document) per municipality the region lists, in its order; missing files are left to validation."""
    taken: set[str] = set()
    members = []
    for rel in data.get("gemeenten") or []:
        if not isinstance(rel, str) or not (source.parent / rel).is_file():
            continue
        path = source.parent / rel
        doc = load_document(path, str(path))
        members.append((municipality_label(str(doc.data.get("naam") or path.stem), taken), doc))
    return members
