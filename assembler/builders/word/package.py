"""What a Word package would make Word do on a reader's computer: fetch files, run macros or objects.

docxtpl copies every part of a template into the routekaart, so a template is refused for these.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree


def shorten(text: str, limit: int = 40) -> str:
    """One line of at most `limit` characters, for quoting a piece of template in a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Fields that make Word read another file or start another program when it updates fields,
# which the routekaart asks it to do on opening (for the table of contents).
_FETCHING_FIELD = re.compile(
    r"(?<![A-Za-z])(INCLUDETEXT|INCLUDEPICTURE|INCLUDE|LINK|DDEAUTO|DDE|IMPORT)\b", re.IGNORECASE
)
_PACKAGE_PARTS = {"word/header", "word/footer", "word/document", "word/footnotes", "word/endnotes"}
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def package_issues(path: Path) -> list[str]:
    """External links other than hyperlinks, file-fetching fields, macros and ActiveX or OLE objects.

    docxtpl copies every part of the template into the routekaart, so whatever the template
    makes Word fetch or run on opening, the routekaart would do too, on every reader's computer.
    """
    label = path.name
    issues = []
    with zipfile.ZipFile(path) as package:
        for name in sorted(package.namelist()):
            lowered = name.lower()
            if (
                lowered.endswith("vbaproject.bin")
                or lowered.startswith("word/activex/")
                or (lowered.startswith("word/embeddings/") and lowered.endswith(".bin"))
            ):
                issues.append(
                    f"{label}: bevat macro's of ingesloten programmaonderdelen ({name}); sla het sjabloon "
                    "op als gewoon Word-document (*.docx) zonder ingesloten objecten"
                )
            elif lowered.endswith(".rels"):
                for rel in etree.fromstring(package.read(name)).iter(_REL):
                    kind = rel.get("Type", "").rsplit("/", 1)[-1]
                    if rel.get("TargetMode") == "External" and kind != "hyperlink":
                        issues.append(
                            f"{label}: verwijst naar een extern bestand dat Word bij het openen ophaalt "
                            f"({kind}: {shorten(rel.get('Target', ''), 80)}); verwijder die koppeling"
                        )
            elif lowered.endswith(".xml") and any(lowered.startswith(p) for p in _PACKAGE_PARTS):
                root = etree.fromstring(package.read(name))
                # Word may split one field code over several runs: read a paragraph's codes as one.
                codes = [
                    "".join(el.text or "" for el in p.iter(qn("w:instrText"))) for p in root.iter(qn("w:p"))
                ]
                codes += [el.get(qn("w:instr"), "") for el in root.iter(qn("w:fldSimple"))]
                for code in codes:
                    for match in _FETCHING_FIELD.finditer(code):
                        issues.append(
                            f"{label}: {name}: veld {match.group(1).upper()} haalt bij het bijwerken een "
                            f"ander bestand op ('{shorten(code.strip(), 60)}'); verwijder dit veld"
                        )
    return issues
