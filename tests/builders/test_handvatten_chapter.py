"""The chapter 'Wat regelt de gemeente' read back from the Word, PDF and HTML routekaart of every fixture
municipality: the handvatten follow its practices and regie, the meldrecht is worded for Veilig Thuis only,
the attention officer is a recommendation, the huisverbod stands with its source, and the EGG acute box and
the contact list name the national specialist shelter with its own source."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import lxml.html
import pytest
from click.testing import CliRunner

from assembler.cli import main
from assembler.national.handvatten import national_handvatten
from tests.builders.readback import flat, html_page, one, pdf_text, word_lines
from tests.conftest import BASE_PROFILE, FIXTURE_REGION, BuiltProfile, build_profiles

MUNICIPALITIES = ("brugstad", "dijkmond", "s-molenwaard", "waldterp")
# Also the older wording that made it a requirement of every organisation without "bij voorkeur".
EVERY_ORGANISATION = re.compile(
    r"elke organisatie heeft een aandachtsfunctionaris|binnen elke organisatie: de aandachtsfunctionaris",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuiltProfile]:
    return build_profiles(tmp_path_factory.mktemp("handvatten"), MUNICIPALITIES, "docx,pdf,html")


def _word_chapter(b: BuiltProfile) -> list[str]:
    lines = word_lines(b)
    start = [i for i, line in enumerate(lines) if line == "Wat regelt de gemeente"][-1]
    end = lines.index("Afspraken en keuzes", start)
    return lines[start:end]


def _pdf_text(b: BuiltProfile) -> str:
    return pdf_text(one(b.folder, "routekaart-*.pdf"))


def _pdf_chapter(b: BuiltProfile) -> str:
    text = _pdf_text(b)
    start = [m.start() for m in re.finditer(r"^6 Wat regelt de gemeente$", text, re.MULTILINE)][-1]
    return text[start : text.index("7 Afspraken en keuzes", start)]


def _expected(b: BuiltProfile) -> list[str]:
    """The handvatten the national content gives this municipality's practices, in order."""
    chosen = {p.key for p in b.model.praktijken}
    return [h.naam for h in national_handvatten().handvatten if h.fits(chosen)]


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_the_handvatten_follow_the_practices_in_every_edition(
    built: dict[str, BuiltProfile], name: str
) -> None:
    b = built[name]
    expected = _expected(b)
    every = [h.naam for h in national_handvatten().handvatten]
    html = html_page(b)
    headings = [h.text_content().strip() for h in html.xpath("//section[@class='handvat']/h4")]
    topics = [a.naam for a in b.model.veilig_thuis_afspraken]
    assert headings == expected + topics
    word = _word_chapter(b)
    pdf = _pdf_chapter(b)
    for naam in every:
        assert (naam in word) == (naam in expected), (name, naam)
        assert (naam in pdf) == (naam in expected), (name, naam)
    if name == "s-molenwaard":  # forced marriage and honour violence only
        for absent in ("Zorg na VGV", "Verklaring tegen meisjesbesnijdenis"):
            assert absent not in expected and absent not in pdf
        assert "Leerplicht na de vakantie" in expected
        assert "niet in deze routekaart opneemt" in flat(pdf)
    else:
        assert "Zorg na VGV" in expected


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_the_chapter_follows_the_regie(built: dict[str, BuiltProfile], name: str) -> None:
    b = built[name]
    pdf = flat(_pdf_chapter(b))
    word = " ".join(_word_chapter(b))
    vt = b.model.veilig_thuis.naam
    for text in (pdf, word):
        if b.model.regie == "veilig_thuis":
            assert f"ligt de procesregie over de keten bij {vt}" in text
            assert "zelf de procesregie" not in text and "voert de regie" not in text
        else:
            assert f"voert de gemeente {b.model.gemeente} zelf de procesregie" in text
    assert {b.model.regie for b in built.values()} == {"gemeente", "veilig_thuis"}


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_the_meldrecht_names_veilig_thuis_only(built: dict[str, BuiltProfile], name: str) -> None:
    b = built[name]
    for text in (flat(_pdf_chapter(b)), " ".join(_word_chapter(b)), flat(html_page(b).text_content())):
        sentences = [s for s in re.split(r"(?<=\.)\s+(?=[A-Z])", text) if "meldrecht" in s.lower()]
        assert sentences, name
        # A sentence on the meldrecht either grants it for information to Veilig Thuis, or says
        # what it does not cover; none lets partners share with each other on it.
        for sentence in sentences:
            assert "Veilig Thuis" in sentence or " niet " in sentence, sentence
            assert "elkaar" not in sentence or " niet " in sentence, sentence
        assert "alleen voor informatie aan Veilig Thuis" in text
        assert "Het meldrecht geldt ook zonder toestemming" not in text


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_no_edition_claims_every_organisation_has_an_attention_officer(
    built: dict[str, BuiltProfile], name: str
) -> None:
    b = built[name]
    for text in (flat(_pdf_text(b)), " ".join(word_lines(b)), flat(html_page(b).text_content())):
        assert not EVERY_ORGANISATION.search(text)
        assert "bij voorkeur een aandachtsfunctionaris" in text


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_the_huisverbod_stands_with_its_source(built: dict[str, BuiltProfile], name: str) -> None:
    b = built[name]
    html = html_page(b)
    (block,) = html.xpath("//section[@class='handvat'][h4='Tijdelijk huisverbod']")
    links = [a.get("href") for a in block.xpath(".//p[@class='bron']//a")]
    assert links and all("huiselijkgeweld.nl" in u or "veiligthuisgv.nl" in u for u in links)
    assert "burgemeester" in block.text_content()
    word = _word_chapter(b)
    at = len(word) - 1 - word[::-1].index("Tijdelijk huisverbod")  # the heading, after the overview
    assert any(
        "Wet tijdelijk huisverbod, handreiking voor burgemeesters" in line for line in word[at : at + 4]
    )
    pdf = flat(_pdf_text(b))
    assert "Wet tijdelijk huisverbod" in pdf and "huisverbod" in flat(_pdf_chapter(b))
    # The law chapter has it too, as the mayor's tool in domestic violence in general.
    assert "niet speciaal voor de praktijken in deze routekaart" in pdf


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_the_egg_acute_box_and_the_contact_list_name_the_specialist_shelter(
    built: dict[str, BuiltProfile], name: str
) -> None:
    b = built[name]
    html = html_page(b)
    (egg,) = html.xpath("//section[@aria-labelledby='praktijk-eergerelateerd-geweld']")
    (acute,) = egg.xpath(".//div[@class='acuut']")
    box = flat(acute.text_content())
    assert "Zahir van Fier" in box and "fier.nl/opvang/zahir" in box and "12 tot en met 23 jaar" in box
    assert "EVA van Sterk Huis" in box and "sterkhuis.nl" in box
    contacts = flat(html.get_element_by_id("contactlijst").getparent().text_content())
    assert "Fier" in contacts and "088-20 80 000" in contacts and "Sterk Huis" in contacts
    # Their own pages are their sources in the table of national organisations.
    organisations = flat(html.get_element_by_id("organisaties-landelijk").getparent().text_content())
    assert "fier.nl" in organisations and "sterkhuis.nl" in organisations
    word = " ".join(word_lines(b))
    assert "Zahir van Fier (088-20 80 000, fier.nl/opvang/zahir)" in word


def test_slachtofferhulp_is_listed_with_its_number_for_professionals(built: dict[str, BuiltProfile]) -> None:
    html = html_page(built["brugstad"])
    contacts = flat(html.get_element_by_id("contactlijst").getparent().text_content())
    assert "0900-0101" in contacts and "keuze 3" in contacts.lower()
    organisations = html.get_element_by_id("organisaties-landelijk").getparent()
    sources = [a.get("href") for a in organisations.xpath(".//a")]
    assert any(u.startswith("https://www.slachtofferhulp.nl/professionals/") for u in sources)


def test_veilig_thuis_agreements_stand_in_the_chapter_and_are_pointed_to_from_the_organisations(
    built: dict[str, BuiltProfile],
) -> None:
    b = built["s-molenwaard"]
    html = html_page(b)
    (part,) = html.xpath("//h3[@id='handvatten-veilig-thuis']")
    blocks = html.xpath("//section[@class='handvat'][starts-with(h4/@id, 'vt-')]")
    topics = [s.xpath("h4")[0].text_content() for s in blocks]
    assert topics == [a.naam for a in b.model.veilig_thuis_afspraken]
    # 's-Molenwaard has no FGM chapter: no topic on the FGM attention officer's reachability.
    assert "Aandachtsfunctionaris VGV" not in topics and "Het LKHA inschakelen" in topics
    regional = flat(html.get_element_by_id("organisaties-regionaal").getparent().text_content())
    assert "Voor Veilig Thuis" in regional
    assert part is not None


def test_a_profile_without_a_region_shows_each_handvat_with_its_state(tmp_path: Path) -> None:
    own = """
handvatten:
  monitoring:
    status: in_ontwikkeling
    toelichting: De gemeente bouwt met Veilig Thuis een dashboard.
    wie: Team zorg en veiligheid
"""
    profile = tmp_path / "testdam.yaml"
    profile.write_text(BASE_PROFILE + own, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(profile), "--formaat", "docx,html", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "testdam"
    document = docx.Document(str(one(folder, "routekaart-*.docx")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings.index("Wat regelt de gemeente") == headings.index("De ketenaanpak") + 1
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text == "Handvat"]
    rows = {r.cells[0].text: r.cells[1].text for r in table.rows[1:]}
    assert rows["Monitoring"] == "In ontwikkeling"
    assert sum(v == "Nog niet ingevuld" for v in rows.values()) == len(rows) - 1
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Afspraak: De gemeente bouwt met Veilig Thuis een dashboard." in text
    assert "Voor Veilig Thuis" in text and "{{" not in text and "{%" not in text
    page = lxml.html.fromstring(one(folder, "routekaart-*.html").read_bytes())
    toc = [a.text_content() for a in page.xpath("//nav[contains(@class, 'inhoud')]//a")]
    assert any("Wat regelt de gemeente" in t for t in toc) and any("Voor Veilig Thuis" in t for t in toc)
    assert FIXTURE_REGION.exists()
