"""Reading a built routekaart back as a reader sees it: the Word file's lines, the PDF's and the web page's
text, shared by the chapter and language tests."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import docx
import lxml.html
import pdfplumber

from tests.conftest import BuiltProfile


def one(folder: Path, pattern: str) -> Path:
    (found,) = folder.glob(pattern)
    return found


def flat(text: str) -> str:
    return " ".join(text.split())


@cache  # a built file does not change after its build; reading a 50-page PDF takes seconds
def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def word_lines(b: BuiltProfile) -> list[str]:
    """The Word file's paragraphs and table cells in reading order."""
    document = docx.Document(str(one(b.folder, "routekaart-*.docx")))
    lines = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            lines.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
        elif block.tag.endswith("}tbl"):
            for cell in block.iter():
                if cell.tag.endswith("}tc"):
                    lines.append("".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")))
    return lines


def html_page(b: BuiltProfile) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(one(b.folder, "routekaart-*.html").read_bytes())
