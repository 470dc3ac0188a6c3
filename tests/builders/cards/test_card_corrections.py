"""The built pocket cards hold the corrections: Veilig Thuis for achterlating, step 5, numbers with names."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.conftest import BASE_PROFILE, Invoke, WriteFile


def card_texts(path: Path) -> list[str]:
    """Front and back of each card together, in card order, with line breaks as spaces."""
    pdf = pdfium.PdfDocument(path)
    try:
        pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()
    return [" ".join((pages[i] + " " + pages[i + 1]).split()) for i in range(0, len(pages), 2)]


def cards_of_testdam(run: Invoke, write: WriteFile, folder: Path, text: str = BASE_PROFILE, audiences: str = "") -> list[str]:
    """The cards of a Testdam profile (`text`, its audiences replaced by `audiences` when given), built
    by the command line into `folder`: front and back of each card together."""
    if audiences:
        text = text.replace("doelgroepen: [onderwijs, huisartsen]", f"doelgroepen: [{audiences}]")
    result = run("cards", write(text, "testdam.yaml"), "-o", folder / "uit")
    assert result.exit_code == 0, result.output
    return card_texts(folder / "uit" / "testdam" / "zakkaarten-testdam.pdf")


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    from click.testing import CliRunner

    from assembler.cli import main

    folder = tmp_path_factory.mktemp("kaarten")
    (folder / "testdam.yaml").write_text(BASE_PROFILE, encoding="utf-8")
    result = CliRunner().invoke(main, ["cards", str(folder / "testdam.yaml"), "-o", str(folder / "uit")])
    assert result.exit_code == 0, result.output
    return card_texts(folder / "uit" / "testdam" / "zakkaarten-testdam.pdf")


def card_of(cards: list[str], title: str) -> str:
    found = [c for c in cards if title in c]
    assert found, f"geen kaart met {title!r}"
    return found[0]


def test_the_achterlating_card_sends_the_reader_to_veilig_thuis_not_buitenlandse_zaken(
    cards: list[str],
) -> None:
    card = card_of(cards, "achterlating")
    assert "247 247 247" not in card and "Buitenlandse Zaken" not in card
    assert re.search(r"Meld direct bij Veilig Thuis 0800-2000", card)


def test_no_card_prints_the_old_step_five_or_blijvende_onveiligheid(cards: list[str]) -> None:
    text = " ".join(cards)
    assert "Regel zelf hulp" not in text and "blijvende onveiligheid" not in text
    assert "Besluit eerst of je meldt" in text
    assert "structurele onveiligheid" in text


def test_the_one_hour_rule_is_not_on_the_cards(cards: list[str]) -> None:
    assert "een uur" not in " ".join(cards)


def test_the_lkha_is_spelled_out_or_left_out_on_the_cards(
    run: Invoke, write: WriteFile, tmp_path: Path
) -> None:
    # The steps name Veilig Thuis only: a reader cannot call in the LKHA, Veilig Thuis can. Where a
    # reader can act with it (a safety plan), it is spelled out.
    cards = cards_of_testdam(run, write, tmp_path, audiences="sociaal_wijkteam")
    assert "LKHA" not in " ".join(cards)
    assert "Landelijk Knooppunt Huwelijksdwang en Achterlating een veiligheidsplan" in card_of(cards, "achterlating")


def test_the_vgv_card_gives_the_police_number(cards: list[str]) -> None:
    card = card_of(cards, "genitale verminking")
    # 112 only for direct danger; a departure this week goes to the police's 0900-8844.
    assert (
        "Direct gevaar? Bel 112. Vertrek vandaag of deze week? Bel meteen Veilig Thuis 0800-2000 en de politie 0900-8844."
        in card
    )
    assert "de politie via 112" not in card


def test_interpreters_are_advice_on_the_cards(cards: list[str]) -> None:
    text = " ".join(cards)
    assert "Laat geen familielid" not in text
    assert "bij voorkeur een professionele tolk" in text


def test_cards_build_from_a_written_profile(run: Invoke, write: WriteFile, tmp_path: Path) -> None:
    # The same corrections hold for a profile with a single practice.
    text = BASE_PROFILE.replace(
        "  huwelijksdwang:\n    prioriteit: gemiddeld\n"
        "    lokale_situatie: Scholen in Testdam bespreken vrije partnerkeuze in de bovenbouw.\n",
        "",
    )
    cards = cards_of_testdam(run, write, tmp_path, text)
    assert "247 247 247" not in " ".join(cards)


PRACTICE_TITLES = ("genitale verminking", "Huwelijksdwang", "achterlating", "Eergerelateerd geweld")


def test_every_practice_card_numbers_the_five_meldcode_steps(cards: list[str]) -> None:
    for title in PRACTICE_TITLES:
        card = card_of(cards, title)
        starts = [
            card.index(f"{n} {word}")
            for n, word in enumerate(("Schrijf", "V", "Praat", "Weeg af", "Besluit"), 1)
        ]
        assert starts == sorted(starts), title
        assert "4 Weeg af met het afwegingskader: is er acute of structurele onveiligheid?" in card, title
        assert "5 Besluit eerst of je meldt. Kijk daarna of je ook zelf helpt." in card, title
        # The urgent lines stand in the acute box, not in the place of a step.
        for old in (
            "Dreigt een vertrek? Meld direct",
            "Reis niet tegen te houden? Maak met de jongere",
            "Acuut risico? Doorloop",
        ):
            assert old not in card, (title, old)


def test_every_acute_line_starts_with_112_for_direct_danger(cards: list[str]) -> None:
    for title in PRACTICE_TITLES:
        card = card_of(cards, title)
        assert "Direct gevaar? Bel 112." in card, title
        assert card.count("112") == 1, title  # and nowhere else on the card: the rest goes to 0900-8844


def test_the_family_rule_on_each_card(cards: list[str]) -> None:
    for title in ("Huwelijksdwang", "achterlating"):
        card = card_of(cards, title)
        assert "3 Praat pas na dat advies met de jongere, alleen en veilig. Nooit met ouders of familie." in card
    assert "Praat niet met de ouders vóór stap 5." in card_of(cards, "Eergerelateerd geweld")
    assert "3 Praat met de ouders als dat veilig kan." in card_of(cards, "genitale verminking")
    text = " ".join(cards)
    assert "nooit eerst met de familie" not in text and "met de familie zonder advies" not in text


def test_step_two_asks_veilig_thuis_and_interpreters_are_a_preference(cards: list[str]) -> None:
    text = " ".join(cards)
    assert "2 Vraag advies aan je aandachtsfunctionaris of Veilig Thuis. 3" in card_of(cards, "Huwelijksdwang")
    assert "bereik je ook het LKHA" not in text
    # Under "Niet doen ×" the interpreter line says what not to do, never "use an interpreter".
    assert "× Zet bij voorkeur een professionele tolk" not in text
    assert "× Liever geen familielid, kennis of kind als tolk." in text


def test_the_police_card_does_not_send_the_police_to_the_police(
    run: Invoke, write: WriteFile, tmp_path: Path
) -> None:
    cards = cards_of_testdam(run, write, tmp_path, audiences="politie")
    fgm = card_of(cards, "genitale verminking")
    assert "de politie 0900-8844" not in fgm and "bel de politie" not in fgm.lower()
    assert "Vertrek vandaag of deze week, of meisje al besneden? Bel meteen Veilig Thuis 0800-2000." in fgm
