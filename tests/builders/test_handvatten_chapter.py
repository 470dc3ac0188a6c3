"""The chapter 'Wat regelt de gemeente' read back from the Word, PDF and HTML routekaart."""

from __future__ import annotations

from pathlib import Path

import docx
import lxml.html
import pdfplumber
import pytest
from click.testing import CliRunner

from assembler.cli import main
from tests.conftest import BASE_PROFILE

OWN = """
handvatten:
  monitoring:
    status: in_ontwikkeling
    toelichting: De gemeente bouwt met Veilig Thuis een dashboard.
    wie: Team zorg en veiligheid
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("handvatten")
    profile = folder / "testdam.yaml"
    profile.write_text(BASE_PROFILE + OWN, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(profile), "-o", str(folder / "uit")])
    assert result.exit_code == 0, result.output
    (routekaart,) = (folder / "uit").rglob("routekaart-*.docx")
    return routekaart.parent


def _one(folder: Path, pattern: str) -> Path:
    (found,) = folder.glob(pattern)
    return found


def test_word_has_the_chapter_with_a_checklist_row_per_handvat(built: Path) -> None:
    document = docx.Document(str(_one(built, "routekaart-*.docx")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Wat regelt de gemeente" in headings
    assert headings.index("Wat regelt de gemeente") == headings.index("De ketenaanpak") + 1
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text == "Ketenstap"]
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert len(rows) == 7
    monitoring = next(r for r in rows if r[1] == "Monitoring")
    assert monitoring[3].startswith("In ontwikkeling: De gemeente bouwt")
    assert "(wie: Team zorg en veiligheid)" in monitoring[3]
    assert sum(r[3] == "Nog niet ingevuld" for r in rows) == 6
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Voor Veilig Thuis" in text and "{{" not in text and "{%" not in text


def test_pdf_shows_the_chapter_and_statuses(built: Path) -> None:
    with pdfplumber.open(_one(built, "routekaart-*.pdf")) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "Wat regelt de gemeente" in text
    assert "Checklist per ketenstap" in text
    assert "In ontwikkeling" in text and text.count("Nog niet ingevuld") >= 6
    assert "Nazorg na VGV" in text and "Monitoring" in text


def test_html_table_has_a_header_per_step_and_the_status_in_words(built: Path) -> None:
    page = lxml.html.fromstring(_one(built, "routekaart-*.html").read_bytes())
    (table,) = page.xpath("//table[contains(@class, 'handvatten')]")
    groups = [th.text_content().strip() for th in table.xpath(".//tr[@class='groep']/th")]
    assert groups == ["Signaleren en melden", "Toeleiden naar passende zorg", "Preventie, veiligheid en hulp"]
    statuses = [s.text_content().strip() for s in table.xpath(".//strong[contains(@class, 'status')]")]
    assert len(statuses) == 7 and statuses.count("Nog niet ingevuld") == 6
    assert page.get_element_by_id("handvatten-veilig-thuis") is not None
    toc = [a.text_content() for a in page.xpath("//nav[contains(@class, 'inhoud')]//a")]
    assert any("Wat regelt de gemeente" in t for t in toc)
