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
from assembler.dutch import dutch_date
from tests.conftest import ADOPTED, BASE_PROFILE, NATIONAL, edit

HISTORY = (
    "  vastgesteld_door: het college van burgemeester en wethouders\n"
    "  geschiedenis:\n"
    "    - versie: \"2025.1\"\n      datum: 2025-10-01\n      samenvatting: Eerste editie.\n"
)
ADOPTED_TEXT = dutch_date(NATIONAL.datum)
# The police agreed to last year's edition only.
OLDER_AKKOORD = (
    '      door: P. Jansen, teamchef\n      versie: "2026.1"\n',
    '      door: P. Jansen, teamchef\n      versie: "2025.1"\n',
)


def concept_text() -> str:
    return edit(BASE_PROFILE, f"  vastgesteld_op: {ADOPTED}\n", "")


def adopted_text() -> str:
    return edit(BASE_PROFILE, "  herzien_voor: 2027-10-15\n", "  herzien_voor: 2027-10-15\n" + HISTORY)


def older_akkoord_text() -> str:
    return edit(adopted_text(), *OLDER_AKKOORD)


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
    assert "Status\tConcept, nog niet vastgesteld" in texts
    assert "Versie\t2026.1" in texts
    assert document.sections[0].footer.paragraphs[0].text.startswith("Concept, nog niet vastgesteld")


def test_adopted_shows_no_concept_mark(adopted: Path) -> None:
    for xml in headers(adopted).values():
        assert "CONCEPT" not in xml
    document = docx.Document(str(adopted))
    assert "CONCEPT" not in "\n".join(p.text for p in document.paragraphs)
    texts = [p.text for p in document.paragraphs]
    assert "Status\tVastgesteld door het college van burgemeester en wethouders" in texts
    assert f"Datum\t{ADOPTED_TEXT}" in texts
    assert "Waarom dit een concept is:" not in texts


def _table(document: docx.document.Document, first: str) -> list[list[str]]:
    for table in document.tables:
        rows = [[c.text for c in row.cells] for row in table.rows]
        if (
            rows
            and rows[0][0] == first
            and len(rows[0]) == 4
            and rows[0][-1] in ("Akkoord", "Wat veranderde")
        ):
            return rows
    raise AssertionError(f"geen tabel die begint met {first}")


def test_sign_off_sheet_lists_veilig_thuis_and_the_partners_in_the_routes(adopted: Path) -> None:
    document = docx.Document(io.BytesIO(adopted.read_bytes()))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Akkoord van de partners" in headings and "Versiegeschiedenis" in headings
    rows = _table(document, "Partner")
    assert rows[0] == ["Partner", "Ketenstappen", "Schadelijke praktijken", "Akkoord"]
    assert rows[1][0] == "Veilig Thuis Testland"
    assert rows[1][3] == f"Akkoord op {ADOPTED_TEXT} door H. de Wit, directeur"
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Sociaal wijkteam Testdam"][1] == "Signaleren en melden, Toeleiden naar passende zorg"
    assert by_name["Sociaal wijkteam Testdam"][3] == f"Akkoord op {ADOPTED_TEXT} door M. Visser, teamleider"
    assert by_name["Politie Testdam"][1] == "Preventie, veiligheid en hulp"
    # Gender-neutral: the partner is "die partner", never "hem" or "hij".
    intro = next(p.text for p in document.paragraphs if p.text.startswith("Een routekaart werkt alleen"))
    assert "op die partner rekent" in intro and not {"hem", "hij", "zijn"} & set(intro.split())


def test_version_history_has_this_edition_and_the_national_version_of_each(adopted: Path) -> None:
    history = _table(docx.Document(str(adopted)), "Versie")
    assert history == [
        ["Versie", "Vastgesteld", "Landelijke inhoud", "Wat veranderde"],
        ["2026.1", ADOPTED_TEXT, f"versie {NATIONAL.versie}", "Deze versie."],
        ["2025.1", "1 oktober 2025", "niet vastgelegd", "Eerste editie."],
    ]


def test_an_akkoord_for_an_older_version_is_shown_as_such(tmp_path: Path) -> None:
    document = docx.Document(str(build_docx(older_akkoord_text(), tmp_path)))
    rows = {r[0]: r for r in _table(document, "Partner")[1:]}
    assert rows["Politie Testdam"][3] == (
        f"Akkoord op {ADOPTED_TEXT} door P. Jansen, teamchef voor versie 2025.1, een eerdere versie"
    )
    texts = [p.text for p in document.paragraphs]
    reasons = texts[texts.index("Waarom dit een concept is:") + 1 :]
    assert reasons[0] == "Alleen een akkoord voor een eerdere versie van Politie Testdam (versie 2025.1)."
    footer = document.sections[0].footer.paragraphs[0].text
    assert footer.startswith(f"Concept: herziening van versie 2026.1 (vastgesteld op {ADOPTED_TEXT})")


def test_a_first_concept_has_only_its_own_row_in_the_history(concept: Path) -> None:
    document = docx.Document(str(concept))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Akkoord van de partners" in headings
    history = _table(document, "Versie")
    assert history[1:] == [
        ["2026.1 (concept)", "Concept, nog niet vastgesteld", f"versie {NATIONAL.versie}", "Deze versie, nog als concept."]
    ]
