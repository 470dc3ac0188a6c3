"""A concept Word routekaart says CONCEPT in every header (cover included) with a watermark; an
adopted one does not; the sign-off sheet and the version history read back from the document."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from assembler.cli import main
from tests.conftest import BASE_PROFILE, edit

AKKOORD = "    akkoord:\n      datum: 2026-09-20\n      door: J. Jansen, teamleider\n"
HISTORY = (
    "  vastgesteld_door: college van burgemeester en wethouders\n"
    "  geschiedenis:\n"
    "    - versie: 2025.1\n      datum: 2025-10-01\n      samenvatting: Eerste editie.\n"
)


def concept_text() -> str:
    return edit(BASE_PROFILE, "  vastgesteld_op: 2026-10-15\n", "")


def adopted_text() -> str:
    text = edit(BASE_PROFILE, "  herzien_voor: 2027-10-15\n", "  herzien_voor: 2027-10-15\n" + HISTORY)
    return edit(
        text, "    email: wijkteam@testdam.test\n", "    email: wijkteam@testdam.test\n" + AKKOORD
    )


def build_docx(text: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "testdam.yaml"
    profile.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(profile), "--formaat", "docx", "-o", str(folder / "uit")])
    assert result.exit_code == 0, result.output
    return folder / "uit" / "testdam" / "routekaart-testdam.docx"


@pytest.fixture(scope="module")
def concept(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_docx(concept_text(), tmp_path_factory.mktemp("concept"))


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_docx(adopted_text(), tmp_path_factory.mktemp("vastgesteld"))


def headers(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        return {n: package.read(n).decode() for n in package.namelist() if n.startswith("word/header")}


def test_every_header_of_a_concept_says_concept(concept: Path) -> None:
    document = docx.Document(str(concept))
    section = document.sections[0]
    assert section.different_first_page_header_footer  # the cover has its own header...
    for header in (section.header, section.first_page_header):  # ...and it is marked too
        assert header.paragraphs[0].text == "CONCEPT"
    parts = headers(concept)
    assert len(parts) == 2
    for xml in parts.values():
        # The watermark: Word's own VML text shape, which LibreOffice shows as well.
        assert 'string="CONCEPT"' in xml and "PowerPlusWaterMarkObject" in xml


def test_concept_cover_and_footer_say_not_adopted(concept: Path) -> None:
    document = docx.Document(str(concept))
    texts = [p.text for p in document.paragraphs]
    assert "Versie 2026.1. Concept, nog niet vastgesteld" in texts
    assert document.sections[0].footer.paragraphs[0].text.startswith("Concept, nog niet vastgesteld")


def test_adopted_shows_no_concept_mark(adopted: Path) -> None:
    for xml in headers(adopted).values():
        assert "CONCEPT" not in xml
    document = docx.Document(str(adopted))
    assert "CONCEPT" not in "\n".join(p.text for p in document.paragraphs)
    assert "Versie 2026.1. Vastgesteld op 15 oktober 2026 door college van burgemeester en wethouders" in [
        p.text for p in document.paragraphs
    ]


def _table(document: docx.document.Document, first: str) -> list[list[str]]:
    for table in document.tables:
        rows = [[c.text for c in row.cells] for row in table.rows]
        if (
            rows
            and rows[0][0] == first
            and len(rows[0]) in (3, 4)
            and rows[0][-1] in ("Akkoord", "Wat veranderde")
        ):
            return rows
    raise AssertionError(f"geen tabel die begint met {first}")


def test_sign_off_sheet_lists_partners_in_the_routes_with_their_akkoord(adopted: Path) -> None:
    document = docx.Document(io.BytesIO(adopted.read_bytes()))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Akkoord van de partners" in headings and "Versiegeschiedenis" in headings
    rows = _table(document, "Partner")
    assert rows[0] == ["Partner", "Ketenstappen", "Schadelijke praktijken", "Akkoord"]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Sociaal wijkteam Testdam"][1] == "Signaleren en melden, Toeleiden naar passende zorg"
    assert by_name["Sociaal wijkteam Testdam"][3] == "20 september 2026, J. Jansen, teamleider"
    assert by_name["Politie Testdam"][1] == "Preventie, veiligheid en hulp"
    assert by_name["Politie Testdam"][3] == "nog geen akkoord"
    history = _table(document, "Versie")
    assert history[1:] == [["2025.1", "1 oktober 2025", "Eerste editie."]]


def test_concept_without_history_has_no_history_table(concept: Path) -> None:
    document = docx.Document(str(concept))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Akkoord van de partners" in headings
    assert "Versiegeschiedenis" not in headings
