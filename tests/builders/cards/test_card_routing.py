"""Every built card of the fixture region routes its reader by the contact rule, read from the PDF text.

The expectations are worked out here from the profiles themselves, not asked of the toolkit:
a partner's number stands on a card only when the partner is marked for the card's audience,
covers its practice (every chosen practice on a set's general card), has a role in signalling
and is neither a case conference, the police, nor a national number under another name.
The overview's sheet "Kaarten" is checked against the same cards.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from assembler.builders.region.overview import CARDS_HEADER, CARDS_SHEET, NO_LOCAL_CONTACT, render
from assembler.cli import main
from assembler.model.cards import Card, cards_for
from assembler.model.region import entry_from, region_colour, region_model
from assembler.model.tailor import tailor, tailor_region
from assembler.national import AUDIENCES, PRACTICES, national_content
from assembler.profile.reading import Profile, load_profile, load_region
from tests.builders.cards.test_cards import page_texts
from tests.conftest import FIXTURE_REGION

GEMEENTEN = FIXTURE_REGION / "gemeenten"
NAMES = ("brugstad", "dijkmond", "s-molenwaard", "waldterp")
NATIONAL = {"08002000", "112", "09008844", "0889648550"}
TODAY = dt.date(2026, 11, 20)


def digits(number: object) -> str:
    """A number (a Phone or the text on a page) as a reader dials it, in national form: +31 123 780 800
    is 0123780800."""
    text = str(number)
    plain = re.sub(r"\D", "", text)
    return "0" + plain[2:] if text.strip().startswith("+31") else plain


@dataclass(frozen=True)
class Built:
    profile: Profile
    cards: tuple[Card, ...]
    texts: tuple[str, ...]  # front and back of each card, in print order

    def numbers_on(self, index: int) -> set[str]:
        return {digits(m) for m in re.findall(r"\+?\d[\d -]{1,}\d", self.texts[index])}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    out = tmp_path_factory.mktemp("routing")
    found = {}
    for name in NAMES:
        result = CliRunner().invoke(main, ["cards", str(GEMEENTEN / f"{name}.yaml"), "-o", str(out)])
        assert result.exit_code == 0, result.output
        pages = page_texts(out / name / f"zakkaarten-{name}.pdf")
        profile = load_profile(GEMEENTEN / f"{name}.yaml")
        cards = cards_for(tailor(profile, national_content()), national_content())
        texts = tuple(pages[i] + "\n" + pages[i + 1] for i in range(0, len(pages), 2))
        assert len(texts) == len(cards)
        found[name] = Built(profile, cards, texts)
    return found


def _expand(values: list[str] | None, universe: tuple[str, ...]) -> set[str]:
    chosen = set(values or [])
    return set(universe) if "alle" in chosen else chosen


def _may_stand(partner: dict[str, Any], card: Card, profile: Profile) -> bool:
    """The rule, restated from the profile: may this partner's number stand on this card?"""
    keten = profile.data.get("ketenaanpak") or {}
    named = (keten.get("signaleren_en_melden") or {}).get("partners") or []
    chosen = set(profile.data["praktijken"])
    practices = {card.praktijk} if card.praktijk else chosen
    return (
        partner["type"] not in ("zorg_en_veiligheidshuis", "politie", card.doelgroep)
        and card.doelgroep in _expand(partner.get("aanspreekpunt_voor"), AUDIENCES)
        and practices <= _expand(partner.get("praktijken") or ["alle"], PRACTICES)
        and ("signaleren_en_melden" in (partner.get("stappen") or []) or partner["id"] in named)
        and digits(str(partner.get("telefoon") or "")) not in NATIONAL
    )


def _partners(profile: Profile) -> list[dict[str, Any]]:
    return [p for p in profile.data.get("partners") or [] if p.get("telefoon")]


def test_a_partner_stands_on_a_card_only_by_the_rule(built: dict[str, Built]) -> None:
    checked = 0
    for name, b in built.items():
        for index, card in enumerate(b.cards):
            on_card = b.numbers_on(index)
            for partner in _partners(b.profile):
                number = digits(partner["telefoon"])
                if number in NATIONAL:
                    continue
                if number in on_card:
                    assert _may_stand(partner, card, b.profile), (name, card.id, partner["id"])
                    checked += 1
                elif card.id.endswith("-algemeen"):
                    # "Wie bel je?" lists every partner the rule allows.
                    assert not _may_stand(partner, card, b.profile), (name, card.id, partner["id"])
    assert checked > 30


def test_a_vgv_only_partner_is_never_on_a_card_of_another_practice(built: dict[str, Built]) -> None:
    seen = 0
    for b in built.values():
        for index, card in enumerate(b.cards):
            if "0123780710" in b.numbers_on(index):  # GGD Oeverland, a role in VGV only
                assert card.praktijk == "vrouwelijke_genitale_verminking", card.id
                assert "Vrouwelijke genitale verminking" in b.texts[index]
                seen += 1
    assert seen >= 3  # and it does stand where it belongs


def test_a_case_conference_is_never_on_a_card(built: dict[str, Built]) -> None:
    # The region marks its Zorg- en Veiligheidshuis for every audience; no card names it all the same.
    for b in built.values():
        for index, text in enumerate(b.texts):
            assert "0123780720" not in b.numbers_on(index) and "Veiligheidshuis" not in text


def test_a_national_number_never_stands_under_a_local_name(built: dict[str, Built]) -> None:
    waldterp = built["waldterp"]
    for index, text in enumerate(waldterp.texts):
        assert ", team Wâldterp" not in " ".join(text.split()), waldterp.cards[index].id
    for b in built.values():
        names = [p["naam"] for p in b.profile.data.get("partners") or []]
        for text in b.texts:
            for line in text.splitlines():
                if any(n in digits(line) for n in ("08002000", "09008844")):
                    assert not any(name in line for name in names), line


def test_every_local_number_has_its_hours_beside_it(built: dict[str, Built]) -> None:
    hours = {
        "0123780789": "ma–vr 9–17",
        "0123780790": "ma–vr 8.30–16.30",
        "0123780710": "ma–vr 8.30–17",
        "0123780800": "di–za 12–22",
        "0123780900": "ma–vr 9–17",
    }
    for b in built.values():
        for index, text in enumerate(b.texts):
            flat = " ".join(text.split())
            for number in b.numbers_on(index) & set(hours):
                assert hours[number] in flat, (b.cards[index].id, number)


def test_without_a_fitting_partner_the_card_names_the_aandachtsfunctionaris_and_veilig_thuis(
    built: dict[str, Built],
) -> None:
    dijkmond = built["dijkmond"]
    general = dijkmond.cards.index(next(c for c in dijkmond.cards if c.id == "jeugdgezondheidszorg-algemeen"))
    text = " ".join(dijkmond.texts[general].split())
    assert "Eerst intern: de aandachtsfunctionaris (VGV) van je JGZ-organisatie" in text
    assert "Veilig Thuis Oeverland" in text and "0800-2000" in text and "112" in text
    local = {digits(p["telefoon"]) for p in _partners(dijkmond.profile)}
    assert not dijkmond.numbers_on(general) & local


# ---- the overview's sheet "Kaarten" ----


@pytest.fixture(scope="module")
def sheet() -> list[tuple[Any, ...]]:
    region = load_region(FIXTURE_REGION / "regio.yaml", display="regio.yaml", today=TODAY)
    content = national_content()
    entries = []
    for path in region.municipalities:
        profile = load_profile(path, region=region, today=TODAY)
        entries.append(entry_from(tailor(profile, content), content, profile.warnings, path.name, region.display))
    vt, partners = tailor_region(region.data, content)
    model = region_model(
        region.naam, region_colour(region.data), vt, partners, entries, [], content, TODAY, region.warnings
    )
    book = load_workbook(io.BytesIO(render(model)))
    assert CARDS_SHEET in book.sheetnames
    rows = list(book[CARDS_SHEET].iter_rows(values_only=True))
    assert rows[0] == CARDS_HEADER
    return rows[1:]


def _local(text: str) -> set[str]:
    return {n for n in (digits(m) for m in re.findall(r"\+?\d[\d -]{5,}\d", text)) if n.startswith("0123")}


def test_the_cards_sheet_says_what_every_built_card_prints(
    built: dict[str, Built], sheet: list[tuple[Any, ...]]
) -> None:
    by_name = {b.profile.naam: b for b in built.values()}
    rows_per_town: dict[str, list[tuple[Any, ...]]] = {}
    for row in sheet:
        rows_per_town.setdefault(str(row[0]), []).append(row)
    assert set(rows_per_town) == set(by_name)
    for town, rows in rows_per_town.items():
        b = by_name[town]
        # Every card with numbers has its row, in print order: a set's general card and its practice cards.
        with_numbers = [(i, c) for i, c in enumerate(b.cards) if not c.id.endswith("-meldcode")]
        assert len(rows) == len(with_numbers), town
        for row, (index, card) in zip(rows, with_numbers, strict=True):
            _, set_name, title, local, listed, why, left_off = (str(v or "") for v in row)
            assert set_name == card.set_naam and (title == card.titel or card.id.endswith("-algemeen"))
            assert title in b.texts[index] or "Wie bel je?" in b.texts[index]
            # The local numbers the row names are the local numbers the card prints, no more, no less.
            assert _local(listed) == _local(b.texts[index]), (town, card.id)
            assert len(listed.splitlines()) == len(why.splitlines())
            partners = {digits(p["telefoon"]) for p in _partners(b.profile)}
            assert (local == NO_LOCAL_CONTACT) == (not _local(b.texts[index]) & partners), (town, card.id)
            if "0123780720" not in _local(b.texts[index]) and card.id.endswith("-algemeen"):
                assert "Zorg- en Veiligheidshuis Oeverland: casusoverleg" in left_off
