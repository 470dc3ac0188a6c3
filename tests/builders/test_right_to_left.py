"""A local text in Arabic or Hebrew reads and aligns from the right in Word (also as LibreOffice
lays it out), in the PDF and in the browser; the Dutch around it stays left to right."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import lxml.html
import pdfplumber
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from assembler.cli import main
from assembler.fonts import direction
from tests import tools
from tests.conftest import BASE_PROFILE

ARABIC = "مرحبا بكم في بلدية تستدام، نعمل معا من أجل السلامة في المنزل — Testdam"
HEBREW = "שלום לכולם, הצוות השכונתי מוביל את הטיפול בכל מקרה"
RTL_RANGE = ("\u0590", "\u08ff")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("rtl")
    text = BASE_PROFILE.replace(
        "inleiding: In Testdam ligt het accent op preventie.", f'inleiding: "{ARABIC}"'
    ).replace("    afspraken: Het wijkteam voert de casusregie.", f'    afspraken: "{HEBREW}"')
    profile = root / "testdam.yaml"
    profile.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(profile), "--formaat", "docx,pdf,html", "-o", str(root)])
    assert result.exit_code == 0, result.output
    return root / "testdam"


def _rtl(text: str) -> bool:
    return any(RTL_RANGE[0] <= c <= RTL_RANGE[1] for c in text)


def test_direction_follows_the_first_letter_with_a_direction() -> None:
    assert direction(ARABIC) == "rtl"
    assert direction("— 12 " + HEBREW) == "rtl"  # punctuation and digits have no direction of their own
    assert direction("Testdam " + ARABIC) == "ltr"
    assert direction("2026") == "ltr"


def test_word_paragraphs_in_arabic_or_hebrew_read_from_the_right(folder: Path) -> None:
    document = docx.Document(str(folder / "routekaart-testdam.docx"))
    marked = {p.text for p in document.paragraphs if p._p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None}
    assert ARABIC in marked and HEBREW in marked
    assert all(_rtl(t) for t in marked)  # no Dutch paragraph turned around
    for paragraph in document.paragraphs:
        if paragraph.text in (ARABIC, HEBREW):
            for run in paragraph.runs:
                assert (run._r.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is not None) == _rtl(run.text)


def _rtl_lines(pdf_path: Path) -> list[tuple[float, float, float]]:
    """(left, right, page width) of every line of Arabic or Hebrew words."""
    found = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            lines: dict[int, list[dict]] = {}
            for word in page.extract_words():
                if _rtl(word["text"]):
                    lines.setdefault(round(word["top"]), []).append(word)
            for words in lines.values():
                found.append((min(w["x0"] for w in words), max(w["x1"] for w in words), float(page.width)))
    return found


def _right_aligned(lines: list[tuple[float, float, float]]) -> None:
    assert lines
    for left, right, width in lines:
        # Flush with the right margin (at most 30 mm from the edge), ragged on the left.
        assert right > width - 30 * 72 / 25.4, (left, right, width)
        assert left > 40 * 72 / 25.4, (left, right, width)


def test_pdf_sets_arabic_and_hebrew_paragraphs_right_aligned(folder: Path) -> None:
    _right_aligned(_rtl_lines(folder / "routekaart-testdam.pdf"))


def test_html_marks_the_direction_of_each_local_paragraph(folder: Path) -> None:
    page = lxml.html.parse(str(folder / "routekaart-testdam.html")).getroot()
    rtl = {" ".join(p.text_content().split()) for p in page.iter("p", "li") if p.get("dir") == "rtl"}
    assert ARABIC in rtl and HEBREW in rtl
    assert all(_rtl(t) for t in rtl)


@pytest.mark.slow
def test_libreoffice_sets_the_word_paragraphs_right_aligned(folder: Path, tmp_path: Path) -> None:
    soffice = tools.soffice()
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(folder / "routekaart-testdam.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    _right_aligned(_rtl_lines(tmp_path / "routekaart-testdam.pdf"))
