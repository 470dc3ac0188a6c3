"""Reads the Word and the ODF edition of a routekaart the same way: headings with their levels,
tables, links, bookmarks and the text of every paragraph, in document order."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree
from odfdo import Document

from assembler.builders.odf.nodes import qname, text_of

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
HREF = "{http://www.w3.org/1999/xlink}href"


def squash(text: str) -> str:
    """Text compared between editions: whitespace of any kind as one space."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Edition:
    headings: list[tuple[int, str]]  # (level 1.., text)
    tables: int
    header_rows: int  # tables whose first row is marked to repeat on every page
    links: list[str]  # external targets, in order
    internal_links: list[str]  # bookmark names the contents link to
    bookmarks: list[str]
    paragraphs: list[str]  # non-empty paragraph texts, squashed


def read_docx(path: Path) -> Edition:
    document = docx.Document(str(path))
    body = document.element.body
    levels: dict[str, int] = {}
    for style in document.styles.element.findall(qn("w:style")):
        found = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if found is not None and int(found.get(qn("w:val"))) < 9:
            levels[style.get(qn("w:styleId"))] = int(found.get(qn("w:val"))) + 1
    headings, paragraphs = [], []
    for p in body.iter(qn("w:p")):
        # As a reader sees it: a tab (the cover's label and value) or a line break is white space.
        text = "".join(
            " " if t.tag in (qn("w:tab"), qn("w:br")) else t.text or ""
            for t in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"))
            if t.getparent().tag == qn("w:r")
        )
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        level = levels.get(style.get(qn("w:val"))) if style is not None else None
        if level is not None and text.strip():
            headings.append((level, squash(text)))
        if text.strip():
            paragraphs.append(squash(text))
    rels = document.part.rels
    links, internal = [], []
    for link in body.iter(qn("w:hyperlink")):
        if link.get(R_ID):
            links.append(rels[link.get(R_ID)].target_ref)
        elif link.get(qn("w:anchor")):
            internal.append(link.get(qn("w:anchor")))
    tables = body.findall(f".//{qn('w:tbl')}")
    header_rows = sum(
        1 for t in tables if t.find(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    )
    bookmarks = [b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))]
    return Edition(headings, len(tables), header_rows, links, internal, bookmarks, paragraphs)


def odt_parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {n: etree.fromstring(package.read(n)) for n in package.namelist() if n.endswith(".xml")}


def read_odt(path: Path) -> Edition:
    # odfdo opens the package as a reader's office suite would; lxml reads the body it holds.
    document = Document(str(path))
    assert document.get_type() == "text"
    root = odt_parts(path.read_bytes())["content.xml"].find(f"{qname('office:body')}/{qname('office:text')}")
    headings, paragraphs = [], []
    for element in root.iter(qname("text:p"), qname("text:h")):
        text = text_of(element)
        if element.tag == qname("text:h") and text.strip():
            headings.append((int(element.get(qname("text:outline-level"))), squash(text)))
        if text.strip():
            paragraphs.append(squash(text))
    links, internal = [], []
    for link in root.iter(qname("text:a")):
        target = link.get(HREF, "")
        (internal if target.startswith("#") else links).append(
            target.lstrip("#") if target.startswith("#") else target
        )
    tables = list(root.iter(qname("table:table")))
    header_rows = sum(1 for t in tables if t.find(qname("table:table-header-rows")) is not None)
    bookmarks = [
        b.get(qname("text:name")) for b in root.iter(qname("text:bookmark-start"), qname("text:bookmark"))
    ]
    return Edition(headings, len(tables), header_rows, links, internal, bookmarks, paragraphs)
