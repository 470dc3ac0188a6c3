"""Each set of cards names its reader's own meldcode, as DOMAIN.md ("Professions") gives it, read from the PDF.

Every audience is built in both card formats, so the new audiences (leerplicht and RMC,
verloskunde, burgerzaken) pass the fit guard in each. The police get their own route, never the
meldcode's header.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp

from tests.builders.cards.test_card_corrections import cards_of_testdam
from tests.conftest import BASE_PROFILE, Invoke, WriteFile

EVERY_AUDIENCE = (
    "onderwijs, huisartsen, jeugdgezondheidszorg, sociaal_wijkteam, kinderopvang, jongerenwerk, politie, "
    "leerplicht, verloskunde, burgerzaken"
)
# Audience: (set name on the card, what the card "Jouw meldcode" names, the official page its QR code opens).
# Typed here from DOMAIN.md, section "Professions", not read from beroepen.yaml.
OWN = {
    "Onderwijs": (
        "Afwegingskader meldcode onderwijs en leerplicht",
        "https://www.huiselijkgeweld.nl/interventies/publicaties/interventies/2018/07/04/"
        "afwegingskader-meldcode-onderwijs-en-leerplicht",
    ),
    "Leerplicht en RMC": (
        "Afwegingskader meldcode onderwijs en leerplicht",
        "https://www.huiselijkgeweld.nl/interventies/publicaties/interventies/2018/07/04/"
        "afwegingskader-meldcode-onderwijs-en-leerplicht",
    ),
    "Huisartsen": (
        "KNMG-meldcode Kindermishandeling en huiselijk geweld",
        "https://knmg-meldcode.maglr.com/meldcode-kindermishandeling-en-huiselijk-geweld/voorwoord1",
    ),
    "Jeugdgezondheidszorg": (
        "JGZ-richtlijn Kindermishandeling",
        "https://www.jgzrichtlijnen.nl/alle-richtlijnen/richtlijn/kindermishandeling",
    ),
    "Sociaal wijkteam": (
        "Afwegingskader voor sociaal werk en jeugd- en gezinsprofessionals",
        "https://www.afwegingskadermeldcode.nl/",
    ),
    "Kinderopvang": (
        "Protocol kindermishandeling en grensoverschrijdend gedrag voor de kinderopvang",
        "https://www.huiselijkgeweld.nl/interventies/hulpverlening/"
        "protocol-kindermishandeling-en-grensoverschrijdend-gedrag-voor-de-kinderopvang",
    ),
    "Verloskunde": (
        "KNOV-meldcode Kindermishandeling en huiselijk geweld",
        "https://www.knov.nl/kennis-en-scholing/vakkennis-en-wetenschap/vakkennis/"
        "meldcode-kindermishandeling-en-huiselijk-geweld",
    ),
    # No confirmed kader for youth work: the organisation's own meldcode, and no address.
    "Jongerenwerk": ("Volg de meldcode van je eigen organisatie.", None),
    # BRP officials: the gemeente's own meldcode, and the circular of the Wet BRP.
    "Burgerzaken": ("Volg de meldcode van je eigen organisatie.", "https://wetten.overheid.nl/BWBR0047347"),
}


def page_texts(path: Path) -> list[str]:
    """Each face's text on one line, starting with its heading (an A6 band reads "2/11 Jouw meldcode");
    a hyphen where an address breaks over two lines reads as the hyphen it is."""
    pdf = pdfium.PdfDocument(path)
    try:
        pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()
    return [re.sub(r"^\d+/\d+ ", "", " ".join(p.replace("\ufffe", "-").split())) for p in pages]


def qr_codes(path: Path, page: int) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    try:
        image = pdf[page].render(scale=600 / 72).to_pil()
    finally:
        pdf.close()
    return [found.text for found in zxingcpp.read_barcodes(image)]


@pytest.fixture(scope="module", params=["creditcard", "a6"])
def every_set(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """Testdam's cards for all ten audiences; the build lays every face out and refuses one that does not fit."""
    from click.testing import CliRunner

    from assembler.cli import main

    folder = tmp_path_factory.mktemp(request.param)
    text = BASE_PROFILE.replace("doelgroepen: [onderwijs, huisartsen]", f"doelgroepen: [{EVERY_AUDIENCE}]")
    text = text.replace("formaat: creditcard", f"formaat: {request.param}")
    (folder / "testdam.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["cards", str(folder / "testdam.yaml"), "-o", str(folder / "uit")])
    assert result.exit_code == 0, result.output
    assert "Fout" not in result.output
    return request.param, folder / "uit" / "testdam" / "zakkaarten-testdam.pdf"


def _own_card(pages: list[str], set_name: str) -> tuple[int, str, str]:
    """The page number of the front of the set's card "Jouw meldcode", its front and its back."""
    for i in range(0, len(pages), 2):
        front, back = pages[i], pages[i + 1]
        if front.startswith("Jouw meldcode") and back.startswith(f"Jouw meldcode {set_name} "):
            return i, front, back
    raise AssertionError(f"geen kaart 'Jouw meldcode' in de set {set_name}")


def test_each_set_names_its_own_meldcode_with_its_official_page(every_set: tuple[str, Path]) -> None:
    _, path = every_set
    pages = page_texts(path)
    for set_name, (name, address) in OWN.items():
        index, front, back = _own_card(pages, set_name)
        assert name in front, set_name
        if address is None:
            assert qr_codes(path, index + 1) == [] and "Lees je" not in back, set_name
        else:
            assert qr_codes(path, index + 1) == [address], set_name
            # The address is printed as well, so nobody has to trust the code.
            printed = address.removeprefix("https://").removeprefix("www.").rstrip("/")
            assert printed in back.replace("/ ", "/"), set_name


def test_what_differs_for_doctors_schools_jgz_and_burgerzaken(every_set: tuple[str, Path]) -> None:
    pages = page_texts(every_set[1])
    doctors = _own_card(pages, "Huisartsen")[1]
    assert "kindcheck" in doctors and "beroepsgeheim" in doctors and "meldrecht" in doctors
    assert "leerplicht" in _own_card(pages, "Onderwijs")[1]
    assert "aandachtsfunctionarissen VGV" in _own_card(pages, "Jeugdgezondheidszorg")[1]
    brp = _own_card(pages, "Burgerzaken")[1]
    assert "Veilig Thuis" in brp and "minderjarige" in brp and "21 oktober 2022" in brp


def test_the_meldcode_words_are_explained_in_plain_words(every_set: tuple[str, Path]) -> None:
    pages = page_texts(every_set[1])
    for set_name in OWN:
        back = _own_card(pages, set_name)[2]
        for word in ("Afwegingskader:", "Acute onveiligheid:", "Structurele onveiligheid:"):
            assert word in back, (set_name, word)


def test_the_police_get_their_route_and_never_the_meldcode_header(every_set: tuple[str, Path]) -> None:
    pages = page_texts(every_set[1])
    fronts = pages[::2]
    general = next(i for i, front in enumerate(fronts) if front.startswith("Route voor de politie"))
    card = fronts[general] + " " + pages[2 * general + 1]
    assert "Meldcode in 5 stappen" not in card
    assert "Jouw beroep valt niet onder de Wet verplichte meldcode." in card
    assert "LEC EGG" in card and "112" in card
    assert "Schakel Veilig Thuis in volgens de werkwijze van je eigen organisatie." in card
    # Nine sets open with the meldcode and have a card "Jouw meldcode"; the police's set has neither.
    assert sum(front.startswith("Meldcode in 5 stappen") for front in fronts) == 9
    assert sum(front.startswith("Jouw meldcode") for front in fronts) == 9


def test_police_practice_cards_end_with_their_route(
    run: Invoke, write: WriteFile, tmp_path: Path
) -> None:
    cards = cards_of_testdam(run, write, tmp_path, audiences="politie")
    assert cards[0].startswith("Route voor de politie") and all("Meldcode in 5 stappen" not in c for c in cards)
    assert not any(c.startswith("Jouw meldcode") for c in cards)
    for card in cards[1:]:
        assert "afwegingskader" not in card.lower()
        assert "4 Schakel Veilig Thuis in volgens de werkwijze van je eigen organisatie." in card
        assert "5 " not in card.split("Niet doen")[0].split("4 Schakel")[1]
