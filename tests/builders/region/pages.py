"""Reading a PDF page by page as a reader sees it: body lines, headings, tables, and pages left mostly empty.

Shared by the tests of the regional PDF (WeasyPrint) and of the regional Word file as
LibreOffice lays it out.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

# A page whose text stops in its top half has more than half of its text area blank.
MOSTLY_EMPTY = 0.5
# Headings of levels 1 and 2 are set in bold at 12 pt or more; table and body text stay below.
HEADING_SIZE = 11.9
STRICT = {"vertical_strategy": "lines_strict", "horizontal_strategy": "lines_strict"}


@dataclass(frozen=True)
class Line:
    text: str
    top: float
    bottom: float
    size: float
    bold: bool
    leader: bool = False  # a dotted line is drawn along it (the PDF's contents)


@dataclass(frozen=True)
class Page:
    number: int  # from 1
    width: float
    height: float
    body: tuple[Line, ...]  # without the running header and footer
    tables: tuple[tuple[tuple[str, ...], ...], ...]  # every table fragment, row by row

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.body)

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text)


def read_pages(path: Path) -> list[Page]:
    """Every page with its body lines; a top or bottom line that recurs (digits aside) on most
    pages is the running header or footer and is left out."""
    with pdfplumber.open(path) as pdf:
        raw = []
        for page in pdf.pages:
            dotted = [d["top"] for d in page.lines if d.get("dash") and d["dash"][0] and d["dash"][0][0] == 0]
            lines = [
                Line(
                    line["text"],
                    line["top"],
                    line["bottom"],
                    max(c["size"] for c in line["chars"]),
                    "Bold" in line["chars"][0]["fontname"],
                    any(line["top"] <= top <= line["bottom"] + 2 for top in dotted),
                )
                for line in page.extract_text_lines(return_chars=True)
                if line["text"].strip()
            ]
            tables = tuple(
                tuple(tuple((cell or "").replace("\n", " ") for cell in row) for row in table)
                for table in page.extract_tables(STRICT)
            )
            raw.append((page.width, page.height, lines, tables))
    edges = Counter(
        shape for _, _, lines, _ in raw if lines for shape in {_shape(lines[0].text), _shape(lines[-1].text)}
    )
    running = {shape for shape, count in edges.items() if count > len(raw) / 2}
    pages = []
    for number, (width, height, lines, tables) in enumerate(raw, 1):
        while lines and _shape(lines[0].text) in running:
            lines = lines[1:]
        while lines and _shape(lines[-1].text) in running:
            lines = lines[:-1]
        pages.append(Page(number, width, height, tuple(lines), tables))
    return pages


def headings(pages: Iterable[Page]) -> list[tuple[int, str]]:
    """(page number, text) of every heading of level 1 or 2, in reading order."""
    return [
        (page.number, line.text)
        for page in pages
        for line in page.body
        if line.bold and line.size >= HEADING_SIZE
    ]


def mostly_empty(pages: list[Page], chapters: Iterable[str]) -> list[int]:
    """Pages whose text ends in the top half, except the last and one followed by a main chapter.

    Before a main chapter a page may end early: the chapter starts on a page of its own.
    Anywhere else an early end means a forced break or a block too big to move along.
    """
    titles = set(chapters)
    found = []
    for page, following in itertools.pairwise(pages):
        if following.body and following.body[0].text in titles:
            continue
        bottom = max((line.bottom for line in page.body), default=0.0)
        if bottom < page.height * MOSTLY_EMPTY:
            found.append(page.number)
    return found


def table_rows(pages: Iterable[Page], header: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The rows below `header` of every fragment of the table that has it, over all pages."""
    return [row for page in pages for table in page.tables if table[0] == header for row in table[1:]]


def contents(pages: list[Page]) -> list[tuple[str, int]]:
    """(title, page number) of every entry of the table of contents: a line ending in its page
    number after dots, typed (Word) or drawn (the PDF)."""
    entries = []
    for page in pages:
        for line in page.body:
            match = re.fullmatch(r"(.+?)\s*(?:\. ?){3,}\s*(\d+)", line.text) or (
                re.fullmatch(r"(.+?)\s+(\d+)", line.text) if line.leader else None
            )
            if match:
                entries.append((match.group(1), int(match.group(2))))
    return entries
