"""A concept PDF carries CONCEPT on every page and the HTML opens with a concept banner; an adopted
edition carries neither; both show the sign-off sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html
from pypdf import PdfReader

from assembler.cli import main
from tests.builders.word.test_concept_word import ADOPTED_TEXT, adopted_text, concept_text


def build(text: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "testdam.yaml"
    profile.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["build", str(profile), "--formaat", "pdf,html", "-o", str(folder / "uit")]
    )
    assert result.exit_code == 0, result.output
    return folder / "uit" / "testdam"


@pytest.fixture(scope="module")
def concept(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(concept_text(), tmp_path_factory.mktemp("concept"))


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(adopted_text(), tmp_path_factory.mktemp("vastgesteld"))


def test_every_pdf_page_of_a_concept_says_concept(concept: Path) -> None:
    pages = [p.extract_text() for p in PdfReader(concept / "routekaart-testdam.pdf").pages]
    assert len(pages) > 20
    missing = [i + 1 for i, text in enumerate(pages) if "CONCEPT" not in text]
    assert missing == []
    assert "Concept, nog niet vastgesteld" in pages[-1]


def test_adopted_pdf_has_no_concept_mark(adopted: Path) -> None:
    text = "\n".join(p.extract_text() for p in PdfReader(adopted / "routekaart-testdam.pdf").pages)
    assert "CONCEPT" not in text
    assert f"Vastgesteld op {ADOPTED_TEXT}" in text


def test_html_banner_only_for_a_concept(concept: Path, adopted: Path) -> None:
    page = lxml_html.fromstring((concept / "routekaart-testdam.html").read_bytes())
    [banner] = page.xpath('//div[@class="conceptbanner"]')
    assert " ".join(banner.text_content().split()).startswith("CONCEPT Dit is een concept.")
    reasons = [li.text_content() for li in banner.xpath('.//ul[@class="redenen"]/li')]
    assert reasons[0] == "Deze versie is nog niet vastgesteld."
    # The banner opens the cover, before the title, so nobody reads a concept for the real thing.
    assert banner.getparent().get("class") == "voorblad"
    done = lxml_html.fromstring((adopted / "routekaart-testdam.html").read_bytes())
    assert done.xpath('//div[@class="conceptbanner"]') == []
    assert "CONCEPT" not in done.text_content()


def test_sign_off_sheet_in_html_and_pdf(adopted: Path) -> None:
    page = lxml_html.fromstring((adopted / "routekaart-testdam.html").read_bytes())
    rows = page.xpath('//table[@class="akkoord"]/tbody/tr')
    cells = {r.xpath("./th")[0].text_content(): [td.text_content() for td in r.xpath("./td")] for r in rows}
    assert cells["Sociaal wijkteam Testdam"][-1] == f"Akkoord op {ADOPTED_TEXT} door M. Visser, teamleider"
    assert cells["Veilig Thuis Testland"][-1] == f"Akkoord op {ADOPTED_TEXT} door H. de Wit, directeur"
    assert [a.text_content() for a in page.xpath('//nav//a[@href="#akkoord"]')]
    versions = page.xpath('//table[@class="versies"]/tbody/tr')
    rows = [[c.text_content() for c in v.xpath("./th|./td")] for v in versions]
    assert rows[1] == ["2025.1", "1 oktober 2025", "niet vastgelegd", "Eerste editie."]
    assert rows[0][:2] == ["2026.1", ADOPTED_TEXT]
    text = "\n".join(p.extract_text() for p in PdfReader(adopted / "routekaart-testdam.pdf").pages)
    assert "Akkoord van de partners" in text and "Akkoord op" in text
