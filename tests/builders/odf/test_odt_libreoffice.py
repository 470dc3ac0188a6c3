"""LibreOffice opens the ODF edition of each example municipality and converts it to PDF; it lays
out as many pages as the Word edition (within one), with the header, footer and contents filled."""

from __future__ import annotations

import statistics
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from tests.builders.odf.test_odt import EXAMPLE, build, build_text
from tests.builders.word.test_docx_libreoffice import convert, squash
from tests.conftest import ADOPTED, BASE_PROFILE, EXAMPLE_REGION, edit

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", EXAMPLE)
def test_libreoffice_converts_the_odt_with_the_page_count_of_the_docx(name: str, tmp_path: Path) -> None:
    folder = build(EXAMPLE_REGION / "gemeenten" / f"{name}.yaml", tmp_path / "uit")
    profile = tmp_path / "lo-profiel"
    odt_pdf = convert(folder / f"routekaart-{name}.odt", tmp_path / "odt", profile)
    docx_pdf = convert(folder / f"routekaart-{name}.docx", tmp_path / "docx", profile)
    pages = [page.extract_text() or "" for page in PdfReader(str(odt_pdf)).pages]
    word_pages = len(PdfReader(str(docx_pdf)).pages)
    assert 20 <= len(pages) <= 80
    assert abs(len(pages) - word_pages) <= 1, f"{name}: ODT {len(pages)} pagina's, Word {word_pages}"
    gemeente = squash(name.replace("-", " ").title())
    assert gemeente in squash(pages[0]) and "Routekaartschadelijkepraktijken" in squash(pages[0])
    # The cover has no running header; every later page has it and "pagina N van M".
    assert "pagina1van" not in squash(pages[0])
    for number, page in enumerate(pages[1:], start=2):
        assert gemeente in squash(page)
        assert f"pagina{number}van{len(pages)}" in squash(page)
    contents = squash(pages[1])
    for chapter in ("Inhoud", "Inleiding", "Deschadelijkepraktijken", "Deketenaanpak", "Bijlagen"):
        assert chapter in contents


# #D9D9D9 at half opacity on white: (217 + 255) / 2. Table bands and anti-aliased text edges
# take many pale greys, but rarely exactly this one.
WATERMARK_GREY = 236


def _pale_centre(pdf: Path) -> list[int]:
    """Per page, the pixels in the middle of the page in the watermark's pale grey (#D9D9D9 at half
    opacity on white); body text is dark and table bands are paler, so few of them are there."""
    document = pdfium.PdfDocument(str(pdf))
    counts = []
    for page in document:
        image = page.render(scale=50 / 72).to_pil().convert("RGB")
        width, height = image.size
        centre = image.crop((int(width * 0.2), int(height * 0.3), int(width * 0.8), int(height * 0.7)))
        raw = centre.tobytes()
        pixels = zip(raw[0::3], raw[1::3], raw[2::3], strict=True)
        counts.append(sum(1 for r, g, b in pixels if r == g == b == WATERMARK_GREY))
    return counts


def test_libreoffice_shows_concept_on_every_page(tmp_path: Path) -> None:
    concept = edit(BASE_PROFILE, f"  vastgesteld_op: {ADOPTED}\n", "")
    pdf = convert(build_text(concept, tmp_path / "concept"), tmp_path / "pdf", tmp_path / "lo-profiel")
    pages = [page.extract_text() or "" for page in PdfReader(str(pdf)).pages]
    assert len(pages) > 10
    # The header's word on every page, the cover included, and the watermark behind every page.
    assert all("CONCEPT" in page for page in pages)
    pale = _pale_centre(pdf)
    adopted = convert(
        build_text(BASE_PROFILE, tmp_path / "vastgesteld"), tmp_path / "pdf2", tmp_path / "lo-profiel"
    )
    assert not any("CONCEPT" in (page.extract_text() or "") for page in PdfReader(str(adopted)).pages)
    plain = _pale_centre(adopted)
    # A route table's fill can hide part of the mark on its page; it still shows around the table.
    assert min(pale) > max(2000, 2 * statistics.median(plain)), (sorted(pale), sorted(plain))
    assert statistics.median(pale) > 4 * statistics.median(plain), (pale, plain)
