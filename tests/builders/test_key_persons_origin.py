"""Key persons the municipality did not record itself are a standard choice, never a local claim."""

from __future__ import annotations

from pathlib import Path

import docx
import lxml.html
import pdfplumber
import pytest
from click.testing import CliRunner

from assembler.cli import main
from tests.conftest import EXAMPLE_REGION

# Wilgendaal leaves sleutelpersonen to the Lindeland region's standaard (true).
NOTE = (
    "Standaardkeuze van de regio Lindeland: Wilgendaal heeft niet zelf vastgelegd of zij "
    "met sleutelpersonen werkt."
)
CHOICE = "Niet zelf vastgelegd (standaardkeuze van de regio: ja)"
CLAIMS = ("zijn sleutelpersonen actief", "De gemeente werkt met sleutelpersonen")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sleutelpersonen")
    profile = EXAMPLE_REGION / "gemeenten" / "wilgendaal.yaml"
    result = CliRunner().invoke(main, ["build", str(profile), "--formaat", "docx,pdf,html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out / "wilgendaal"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_word_marks_the_regions_choice_first(folder: Path) -> None:
    document = docx.Document(str(folder / "routekaart-wilgendaal.docx"))
    paragraphs = [p.text for p in document.paragraphs]
    (heading,) = [
        i
        for i, p in enumerate(document.paragraphs)
        if p.text == "Sleutelpersonen" and p.style.name.startswith("Heading")
    ]
    assert paragraphs[heading + 1].startswith(NOTE)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert CHOICE in cells
    whole = "\n".join(paragraphs + cells)
    assert not [c for c in CLAIMS if c in whole]


def test_pdf_marks_the_regions_choice_first(folder: Path) -> None:
    with pdfplumber.open(folder / "routekaart-wilgendaal.pdf") as pdf:
        text = _flat(" ".join(page.extract_text() or "" for page in pdf.pages))
    assert NOTE in text and CHOICE in text
    assert not [c for c in CLAIMS if c in text]


def test_html_marks_the_regions_choice_first(folder: Path) -> None:
    page = lxml.html.parse(str(folder / "routekaart-wilgendaal.html")).getroot()
    (heading,) = [h for h in page.iter("h3") if _flat(h.text_content()).endswith("Sleutelpersonen")]
    following = heading.getnext()
    assert following is not None and _flat(following.text_content()).startswith(NOTE)
    text = _flat(page.text_content())
    assert CHOICE in text and not [c for c in CLAIMS if c in text]
