"""The regional document as a Veilig Thuis coordinator reads it: matrix first, sentences, no field paths."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import docx
import openpyxl
import pdfplumber
import pytest
from click.testing import CliRunner

from assembler.builders.region import document as region_docx
from assembler.cli import main
from assembler.model.attention import GAP, PHONES, PRIORITY, REGIE, points
from assembler.model.region import (
    Finding,
    HandvatStatus,
    MunicipalityEntry,
    Owner,
    PracticeChoice,
    RegionModel,
    StepChoice,
)
from assembler.naming import sort_key
from assembler.national.handvatten import national_handvatten
from tests.builders.region.conftest import OVERVIEW
from tests.builders.region.pages import mostly_empty, read_pages
from tests.builders.word.test_docx_libreoffice import convert
from tests.conftest import EXAMPLE_REGION
from tests.tools import needs_libreoffice

# A dotted profile path (partners.0.telefoon), a YAML list snippet, or a file:line position.
LEAKS = re.compile(
    r"\b(partners|ketenaanpak|praktijken|document|veilig_thuis|handvatten|kaarten|standaard)\.[\w.]+"
    r"|\w+: \[\w+"
    r"|\.ya?ml:\d*"
)


def _batch(region: Path, out: Path) -> Path:
    result = CliRunner().invoke(main, ["batch", str(region / "regio.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _batch(EXAMPLE_REGION, tmp_path_factory.mktemp("voorbeeld"))


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def test_regional_document_opens_with_the_matrix_with_lead_partner_and_phone(example: Path) -> None:
    (path,) = example.rglob("routekaart-regio-*.docx")
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Overzicht van de regio"
    matrix = document.tables[0]
    header = [c.text for c in matrix.rows[0].cells]
    assert header[:4] == [
        "Gemeente",
        "Signaleren en melden",
        "Toeleiden naar passende zorg",
        "Preventie, veiligheid en hulp",
    ]
    names = [r.cells[0].text for r in matrix.rows[1:]]
    assert sorted(names) == ["Kreekmonde", "Ter Linde", "Wilgendaal"]
    for row in matrix.rows[1:]:
        for cell in row.cells[1:4]:
            # Whom to call and the number, or plainly that nobody is named.
            assert (
                re.search(r"\d{3}|geen nummer vastgelegd$", cell.text)
                or cell.text == "geen partner vastgelegd"
            )
    # The gap map: a table per group of handvatten, the region's own standard marked with '*'.
    gaps = document.tables[1:5]
    headers = [[c.text for c in t.rows[0].cells] for t in gaps]
    assert [h[0] for h in headers] == ["Gemeente"] * 4
    assert [n for h in headers for n in h[1:]] == [h.naam for h in national_handvatten().handvatten]
    codes = [c.text for t in gaps for r in t.rows if r.cells[0].text == "Kreekmonde" for c in r.cells[1:]]
    by_name = dict(zip((h.id for h in national_handvatten().handvatten), codes, strict=True))
    assert by_name["afspraken_veilig_thuis"] == "G*" and by_name["regionaal_plan"] == "G*"
    assert by_name["procesregie"] == "G" and by_name["monitoring"] == "O"
    ter_linde = [c.text for t in gaps for r in t.rows if r.cells[0].text == "Ter Linde" for c in r.cells[1:]]
    # Ter Linde has FGM and honour violence only: no leerplicht handvat for forced marriage or abandonment.
    assert dict(zip(by_name, ter_linde, strict=True))["leerplicht_vakantie"] == "–"
    legend = "\n".join(p.text for p in document.paragraphs if p.text.startswith("Legenda"))
    for words in (
        "G = geregeld",
        "O = in ontwikkeling",
        "N = niet geregeld",
        "? = nog niet ingevuld",
        "* = standaardkeuze van de regio",
        "– = hoort niet bij de praktijken",
    ):
        assert words in legend
    # The first page is landscape; the rest reads in portrait.
    assert document.sections[0].page_width > document.sections[0].page_height
    assert document.sections[-1].page_width < document.sections[-1].page_height


def test_contact_list_is_sorted_by_municipality(example: Path) -> None:
    (path,) = example.rglob("routekaart-regio-*.docx")
    document = docx.Document(str(path))
    (table,) = [
        t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == ["Gemeente", "Organisatie"]
    ]
    municipalities = [r.cells[0].text for r in table.rows[1:]]
    assert municipalities == sorted(municipalities, key=sort_key)
    assert set(municipalities) == {"Kreekmonde", "Ter Linde", "Wilgendaal"}


def test_overview_workbook_has_the_handvatten_per_municipality(example: Path) -> None:
    (path,) = example.glob("overzicht-*.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True)
    rows = list(workbook["Handvatten"].iter_rows(values_only=True))
    # A group row (the basis, then the chain steps) over the handvatten, then their names.
    assert rows[0][1] == "Basis van de aanpak" and "Signaleren en melden" in rows[0]
    ids = [h.id for h in national_handvatten().handvatten]
    assert rows[1][0] == "Gemeente" and len(rows[1]) == len(ids) + 1
    by_name = {r[0]: dict(zip(ids, r[1:], strict=True)) for r in rows[2:]}
    kreekmonde = by_name["Kreekmonde"]
    assert kreekmonde["afspraken_veilig_thuis"] == "Geregeld (standaardkeuze van de regio)"
    assert kreekmonde["nazorg_vgv"] == "In ontwikkeling"
    assert by_name["Wilgendaal"]["monitoring"] == "Nog niet ingevuld"
    assert by_name["Ter Linde"]["leerplicht_vakantie"] == "hoort niet bij de praktijken die de gemeente koos"


def test_regional_document_shows_what_veilig_thuis_agreed(example: Path) -> None:
    (path,) = example.rglob("routekaart-regio-*.docx")
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Afspraken van Veilig Thuis met de gemeenten" in headings
    (table,) = [
        t
        for t in document.tables
        if [c.text for c in t.rows[0].cells] == ["Onderwerp", "Wat het inhoudt", "Afspraak in de regio"]
    ]
    rows = {r.cells[0].text: (r.cells[1].text, r.cells[2].text) for r in table.rows[1:]}
    assert list(rows) == [t.naam for t in national_handvatten().veilig_thuis]
    meaning, agreed = rows["Het LKHA inschakelen"]
    assert "LKHA" in meaning and agreed.startswith("Bij elke melding over achterlating")
    assert all(agreed != "nog niet vastgelegd" for _, agreed in rows.values())
    (pdf,) = example.rglob("routekaart-regio-*.pdf")
    with pdfplumber.open(pdf) as opened:
        cells = [
            " ".join((cell or "").split())
            for page in opened.pages
            for table in page.extract_tables()
            for row in table
            for cell in row
        ]
        text = " ".join(page.extract_text() or "" for page in opened.pages)
    assert "Afspraken van Veilig Thuis met de gemeenten" in text
    assert any(c.startswith("Bij elke melding over achterlating") and "LKHA" in c for c in cells)


def _entry(stappen: tuple[StepChoice, ...], warnings: tuple[Finding, ...]) -> MunicipalityEntry:
    return MunicipalityEntry(
        naam="Polderdam",
        slug="polderdam",
        bestand="polderdam.yaml",
        versie="1",
        vastgesteld_op="2026-01-01",
        vastgesteld_op_tekst="1 januari 2026",
        status_tekst="Vastgesteld",
        eigenaar=Owner("A", None, None, None),
        regie="De gemeente",
        coordinator="Wijkteam",
        sleutelpersonen="ja",
        praktijken=(PracticeChoice("huwelijksdwang", "Huwelijksdwang", True, "hoog", (), ()),),
        stappen=stappen,
        contacten=(),
        kaartformaat="A6",
        doelgroepen=(),
        gaten=(),
        bevindingen=warnings,
        handvatten=(HandvatStatus("monitoring", "Monitoring", "geregeld", "Geregeld", "G"),),
    )


def test_points_are_sentences_ordered_by_weight() -> None:
    steps = (
        StepChoice("signaleren_en_melden", "Signaleren en melden", ("Wijkteam",), (), "Wijkteam", "0123"),
        StepChoice("preventie_veiligheid_hulp", "Preventie, veiligheid en hulp", (), (), None, None),
    )
    phone = Finding(
        "polderdam.yaml",
        9,
        3,
        "partners.0.telefoon",
        "'0123-456789' heeft een onbekend netnummer; controleer of het nummer klopt",
        "waarschuwing",
    )
    found = points(_entry(steps, (phone,)), dt.date(2026, 11, 1))
    assert [p.gewicht for p in found][:3] == [GAP, PRIORITY, PHONES]
    assert found[0].zin == "Polderdam heeft voor preventie, veiligheid en hulp nog geen lokale partner."
    assert "hoge prioriteit" in found[1].zin
    for p in found:
        assert not LEAKS.search(p.zin) and p.zin.endswith(".")


@pytest.mark.slow
@needs_libreoffice
def test_libreoffice_leaves_no_page_mostly_empty_except_before_a_main_chapter(
    model: RegionModel, tmp_path: Path
) -> None:
    """The Word edition as LibreOffice lays it out, measured like the PDF edition: text bottoms."""
    path = tmp_path / "routekaart-regio-oeverland.docx"
    path.write_bytes(region_docx.render(model, OVERVIEW))
    document = docx.Document(str(path))
    chapters = ["Inhoud", *(p.text for p in document.paragraphs if p.style.name == "Heading 1")]
    pages = read_pages(convert(path, tmp_path / "pdf", tmp_path / "lo-profiel"))
    assert pages[0].landscape and "Overzicht van de regio" in pages[0].text
    # The overview's landscape pages come first (its tables per group of handvatten may take a
    # second page); from the contents on, every page is portrait.
    first_portrait = [p.landscape for p in pages].index(False)
    assert "Inhoud" in pages[first_portrait].text
    assert not any(p.landscape for p in pages[first_portrait:])
    assert mostly_empty(pages, chapters) == []


def test_a_regie_left_to_a_standard_choice_is_a_point_after_the_gaps() -> None:
    steps = (StepChoice("signaleren_en_melden", "Signaleren en melden", (), (), None, None),)
    own = points(_entry(steps, ()), dt.date(2026, 11, 1))
    assert not any("regie" in p.zin for p in own)
    regional = points(dataclasses.replace(_entry(steps, ()), regie_herkomst="regio"), dt.date(2026, 11, 1))
    (regie,) = [p for p in regional if "regie" in p.zin]
    assert regie.gewicht == REGIE and regional[0].gewicht == GAP
    assert regie.zin == (
        "Polderdam heeft niet zelf vastgelegd wie de regie heeft; volgens de standaardkeuze van de regio "
        "ligt die bij de gemeente."
    )


def test_key_persons_inherited_from_the_region_are_marked_as_its_standard_choice(example: Path) -> None:
    (path,) = example.rglob("routekaart-regio-*.docx")
    document = docx.Document(str(path))
    matrix = document.tables[0]
    header = [c.text for c in matrix.rows[0].cells]
    column = header.index("Sleutelpersonen")
    cells = {r.cells[0].text: r.cells[column].text for r in matrix.rows[1:]}
    # Wilgendaal left it to the region; Kreekmonde and Ter Linde chose themselves.
    assert cells == {
        "Kreekmonde": "nee",
        "Ter Linde": "ja",
        "Wilgendaal": "ja (regiostandaard)",
    }
    regie = {r.cells[0].text: r.cells[header.index("Regie")].text for r in matrix.rows[1:]}
    # Only Ter Linde chose its regie itself.
    assert {n: v.endswith("(regiostandaard)") for n, v in regie.items()} == {
        "Kreekmonde": True,
        "Ter Linde": False,
        "Wilgendaal": True,
    }
    text = _docx_text(path)
    assert "ja (standaardkeuze van de regio; niet door de gemeente zelf vastgelegd)" in text
    assert (
        "Wilgendaal heeft niet zelf vastgelegd of de gemeente met sleutelpersonen werkt; "
        "de standaardkeuze van de regio is 'ja'."
    ) in text
    assert "Kreekmonde heeft niet zelf vastgelegd of de gemeente met sleutelpersonen" not in text


def test_key_persons_not_chosen_by_the_municipality_are_a_point() -> None:
    steps = (
        StepChoice("signaleren_en_melden", "Signaleren en melden", ("Wijkteam",), (), "Wijkteam", "0123"),
    )
    day = dt.date(2026, 11, 1)
    assert not [p for p in points(_entry(steps, ()), day) if "sleutelpersonen" in p.zin]
    inherited = dataclasses.replace(_entry(steps, ()), sleutelpersonen_herkomst="regio")
    assert [p.zin for p in points(inherited, day) if "sleutelpersonen" in p.zin] == [
        "Polderdam heeft niet zelf vastgelegd of de gemeente met sleutelpersonen werkt; "
        "de standaardkeuze van de regio is 'ja'."
    ]
    unset = dataclasses.replace(_entry(steps, ()), sleutelpersonen="niet vastgelegd")
    assert [p.zin for p in points(unset, day) if "sleutelpersonen" in p.zin] == [
        "Polderdam heeft nog niet vastgelegd of de gemeente met sleutelpersonen werkt."
    ]
