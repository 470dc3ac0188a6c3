"""A regie the municipality did not choose itself is marked as a standard choice in every format."""

from __future__ import annotations

from pathlib import Path

import docx
import lxml.html
import pdfplumber
import pytest

from tests.conftest import BuiltProfile

NOTE = "Dit is de standaardkeuze van de regio Oeverland: Dijkmond heeft niet zelf vastgelegd"
CHOICE = "(standaardkeuze van de regio)"


@pytest.fixture(scope="module")
def folder(fixture_region_built: dict[str, BuiltProfile]) -> Path:
    return fixture_region_built["dijkmond"].folder


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_word_says_whose_choice_the_regie_is(folder: Path) -> None:
    document = docx.Document(str(folder / "routekaart-dijkmond.docx"))
    paragraphs = [p.text for p in document.paragraphs]
    regie = next(
        i for i, t in enumerate(paragraphs) if t.startswith("In Dijkmond heeft de gemeente de procesregie")
    )
    assert paragraphs[regie + 1].startswith(NOTE)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert f"De gemeente {CHOICE}" in cells


def test_pdf_says_whose_choice_the_regie_is(folder: Path) -> None:
    with pdfplumber.open(folder / "routekaart-dijkmond.pdf") as pdf:
        text = _flat(" ".join(page.extract_text() or "" for page in pdf.pages))
    assert NOTE in text
    assert f"De gemeente {CHOICE}" in text


def test_html_says_whose_choice_the_regie_is(folder: Path) -> None:
    page = lxml.html.parse(str(folder / "routekaart-dijkmond.html")).getroot()
    notes = [_flat(p.text_content()) for p in page.iter("p") if "noot" in (p.get("class") or "")]
    assert any(n.startswith(NOTE) for n in notes)
    assert CHOICE in _flat(page.text_content())
