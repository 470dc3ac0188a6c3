"""Which pocket cards a municipality gets and what each face says (the pure part, no rendering)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assembler.model.cards import CallEntry, Card, CardFace, cards_for
from assembler.model.contacts import fitting_partners
from assembler.model.routekaart import Routekaart
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.profile.reading import load_profile
from tests.conftest import FIXTURE_REGION

GEMEENTEN = FIXTURE_REGION / "gemeenten"
FGM = "vrouwelijke_genitale_verminking"
PHONE = re.compile(r"\+?\d[\d -]{5,}\d|\b112\b")


def model_of(name: str) -> Routekaart:
    return tailor(load_profile(GEMEENTEN / f"{name}.yaml"), national_content())


def cards_of(name: str) -> tuple[Card, ...]:
    return cards_for(model_of(name), national_content())


def card(cards: tuple[Card, ...], card_id: str) -> Card:
    return next(c for c in cards if c.id == card_id)


def numbers(face: CardFace) -> list[str]:
    return [str(e.telefoon) for e in face.bellen if e.telefoon]


def face_text(face: CardFace) -> str:
    parts = [face.kop, face.meta, face.voet or ""]
    for block in (*face.blokken, *([face.acuut] if face.acuut else [])):
        parts += [block.kop or "", *block.items]
    for entry in face.bellen:
        parts += [entry.label, entry.wie or "", str(entry.telefoon or ""), entry.wanneer or ""]
    return "\n".join(parts)


def card_text(c: Card) -> str:
    return face_text(c.voorkant) + "\n" + face_text(c.achterkant)


def digits(text: object) -> str:
    return re.sub(r"\D", "", str(text))


def local_ids(model: Routekaart, audience: str, practice: str | None) -> list[str]:
    practices = (practice,) if practice else tuple(p.key for p in model.praktijken)
    return [p.id for p in fitting_partners(model, national_content(), audience, practices)[0]]


def test_one_set_per_audience_general_card_then_own_meldcode_then_practices_by_priority() -> None:
    model = model_of("brugstad")
    cards = cards_for(model, national_content())
    audiences = model.kaarten.doelgroepen
    size = 2 + len(model.praktijken)
    assert len(cards) == len(audiences) * size
    for index, audience in enumerate(audiences):
        chunk = cards[index * size : (index + 1) * size]
        assert [c.doelgroep for c in chunk] == [audience] * size
        assert chunk[0].praktijk is None and chunk[0].titel == "Meldcode in 5 stappen"
        assert chunk[1].id == f"{audience}-meldcode" and chunk[1].titel == "Jouw meldcode"
        assert [c.praktijk for c in chunk[2:]] == [p.key for p in model.praktijken]
    assert len({c.id for c in cards}) == len(cards)


def test_only_selected_practices_and_chosen_audiences() -> None:
    cards = cards_of("s-molenwaard")
    assert {c.praktijk for c in cards} == {None, "huwelijksdwang", "eergerelateerd_geweld"}
    assert [c.set_naam for c in cards if c.id.endswith("-algemeen")] == [
        "Onderwijs",
        "Sociaal wijkteam",
        "Jongerenwerk",
    ]


def test_practice_card_front_has_the_signals_back_the_practice_steps_and_donts() -> None:
    content = national_content()
    cards = cards_of("s-molenwaard")  # A6: everything on its own face
    honour = card(cards, "onderwijs-eergerelateerd_geweld")
    text = content.praktijken["eergerelateerd_geweld"].kaart
    assert honour.voorkant.blokken[0].items == text.signalen
    steps, donts = honour.achterkant.blokken
    assert steps.items == text.stappen and steps.stijl == "genummerd"
    # The honour-based violence rule: the victim after expert advice, the parents only in step 5.
    assert (
        steps.items[2] == "Praat pas na dat advies met het slachtoffer. Praat niet met de ouders vóór stap 5."
    )
    assert donts.items == text.niet_doen and donts.stijl == "niet"
    assert honour.achterkant.acuut is not None and honour.achterkant.acuut.items == (text.acuut,)


def test_the_police_reads_its_own_acute_line_on_the_fgm_card() -> None:
    content = national_content()
    model = model_of("brugstad")
    settings = dataclasses.replace(
        model.kaarten, doelgroepen=("onderwijs", "politie"), doelgroep_namen=("Onderwijs", "Politie")
    )
    cards = cards_for(dataclasses.replace(model, kaarten=settings), content)
    text = content.praktijken[FGM].kaart

    def acute(card_id: str) -> tuple[str, ...]:
        found = card(cards, card_id)
        block = found.voorkant.acuut or found.achterkant.acuut
        assert block is not None
        return block.items

    assert acute(f"onderwijs-{FGM}") == (text.acuut,) and "de politie" in text.acuut
    assert acute(f"politie-{FGM}") == (text.acuut_doelgroepen["politie"],)
    assert "politie" not in acute(f"politie-{FGM}")[0].lower()


def test_fgm_card_names_the_veilig_thuis_fgm_officer_with_name_and_number() -> None:
    model = model_of("brugstad")
    officer = model.veilig_thuis.aandachtsfunctionaris_vgv
    assert officer is not None
    for c in cards_for(model, national_content()):
        fgm_entries = [e for e in c.achterkant.bellen if e.soort == "vgv"]
        if c.praktijk == FGM or c.id.endswith("-algemeen"):
            assert [(e.wie, e.telefoon) for e in fgm_entries] == [(officer.naam, officer.telefoon)]
        else:
            assert fgm_entries == []


def test_fgm_acute_line_sends_to_veilig_thuis_and_the_police() -> None:
    fgm = card(cards_of("brugstad"), "onderwijs-vrouwelijke_genitale_verminking")
    acute = (fgm.voorkant.acuut or fgm.achterkant.acuut).items[0]  # type: ignore[union-attr]
    assert "0800-2000" in acute and "politie" in acute


def test_every_practice_card_carries_veilig_thuis_and_112() -> None:
    for name in ("brugstad", "dijkmond", "s-molenwaard", "waldterp"):
        for c in cards_of(name):
            if c.id.endswith("-meldcode"):
                continue  # the card "Jouw meldcode" names the reader's meldcode and prints no numbers
            text = digits(card_text(c))
            assert "08002000" in text, c.id
            assert "112" in text, c.id


def test_school_cards_put_the_attendance_officer_first_where_it_covers_the_practice() -> None:
    model = model_of("brugstad")
    cards = cards_for(model, national_content())
    abandonment = card(cards, "onderwijs-gedwongen_achterlating")
    assert abandonment.achterkant.bellen[0].label == "Leerplicht Brugstad"
    assert "0123-780790" in numbers(abandonment.achterkant)
    # Leerplicht does not cover FGM, and it answers only the schools' questions.
    assert "0123-780790" not in numbers(card(cards, "onderwijs-vrouwelijke_genitale_verminking").achterkant)
    assert all("0123-780790" not in card_text(c) for c in cards if c.doelgroep == "huisartsen")
    assert local_ids(model, "onderwijs", "gedwongen_achterlating") == ["leerplicht-brugstad", "wijkteam-brugstad"]
    # The general card lists only partners for every chosen practice: leerplicht has two of four.
    assert local_ids(model, "onderwijs", None) == ["wijkteam-brugstad"]


def test_an_audience_does_not_get_its_own_organisation_as_contact() -> None:
    model = model_of("brugstad")
    assert "ggd-oeverland" not in local_ids(model, "jeugdgezondheidszorg", FGM)
    assert "wijkteam-brugstad" not in local_ids(model, "sociaal_wijkteam", None)
    assert local_ids(model, "huisartsen", FGM) == ["wijkteam-brugstad", "ggd-oeverland"]


def test_without_local_partners_only_a_marked_regional_partner_of_the_practice_is_a_contact() -> None:
    model = model_of("dijkmond")
    assert not model.partners_lokaal
    # The youth-health service is marked for GPs, for FGM only; the case conference never stands on a
    # card, though the region marks it; the police never stands in as "local contact".
    assert local_ids(model, "huisartsen", FGM) == ["ggd-oeverland"]
    assert local_ids(model, "huisartsen", "huwelijksdwang") == []
    assert local_ids(model, "onderwijs", None) == []


def test_general_card_has_the_five_steps_tips_inhouse_contact_local_numbers_and_qr() -> None:
    model = model_of("brugstad")
    content = national_content()
    general = card(cards_for(model, content), "onderwijs-algemeen")
    steps = next(b for b in general.voorkant.blokken if b.stijl == "genummerd")
    assert steps.items == tuple(content.kaarten["algemeen"]["stappen"])
    tips = next(b for b in general.voorkant.blokken if b.stijl == "tips")
    assert tips.items == tuple(content.kaarten["doelgroepen"]["onderwijs"]["tips"])
    entries = general.achterkant.bellen
    assert entries[0].soort == "intern"
    assert entries[0].wie == content.kaarten["doelgroepen"]["onderwijs"]["aanspreekpunt"]
    assert set(numbers(general.achterkant)) == {"0123-780789", "0123-780700", "0800-2000", "112"}
    assert general.achterkant.qr == "https://www.brugstad.example/schadelijke-praktijken"
    # Brugstad's adoption does not hold up (see tests/test_region_editions.py): the card says concept.
    assert general.achterkant.voet == "Routekaart Brugstad, versie 2026.1, concept"


def test_qr_falls_back_to_the_website_and_is_left_out_without_one() -> None:
    assert (
        card(cards_of("s-molenwaard"), "onderwijs-algemeen").achterkant.qr
        == "https://www.s-molenwaard.example"
    )
    for c in cards_of("dijkmond"):
        # Without a website no routekaart code; the card "Jouw meldcode" points to the profession's kader.
        expected = national_content().profession(c.doelgroep).adres if c.id.endswith("-meldcode") else None
        assert c.achterkant.qr == expected and c.voorkant.qr is None, c.id


def test_audience_tips_only_where_the_content_has_them() -> None:
    content = national_content()
    cards = cards_of("brugstad")
    for c in cards:
        if c.praktijk is None:
            continue
        tips = [b for b in c.voorkant.blokken if b.stijl == "tips"]
        expected = content.praktijken[c.praktijk].kaart.doelgroepen.get(c.doelgroep, ())
        assert [b.items for b in tips] == ([expected] if expected else []), c.id
    school = card(cards, "onderwijs-gedwongen_achterlating")
    assert any("leerplicht" in t for b in school.voorkant.blokken for t in b.items)
    youth_health = card(cards, "jeugdgezondheidszorg-vrouwelijke_genitale_verminking")
    assert any(
        "Verklaring tegen meisjesbesnijdenis" in t for b in youth_health.voorkant.blokken for t in b.items
    )


def test_credit_card_keeps_a_practice_back_short_and_never_repeats_a_number_of_the_acute_line() -> None:
    cards = cards_of("brugstad")
    honour = card(cards, "huisartsen-eergerelateerd_geweld")
    assert honour.voorkant.acuut is not None and honour.achterkant.acuut is None
    acute = honour.voorkant.acuut.items[0]
    assert "112" in acute and "0800-2000" in acute
    assert numbers(honour.achterkant) == ["0123-780789"]
    fgm = card(cards, "huisartsen-vrouwelijke_genitale_verminking")
    # The FGM acute line names the police number itself, so 112 is not repeated below it.
    assert fgm.voorkant.acuut is not None and "112" in fgm.voorkant.acuut.items[0]
    assert numbers(fgm.achterkant) == ["0123-780700", "0123-780789"]
    assert fgm.achterkant.kop == "VGV" and fgm.voorkant.kop == "Vrouwelijke genitale verminking"


def test_a6_practice_back_has_acute_line_and_all_numbers() -> None:
    honour = card(cards_of("s-molenwaard"), "onderwijs-eergerelateerd_geweld")
    assert honour.achterkant.acuut is not None and honour.voorkant.acuut is None
    assert numbers(honour.achterkant) == ["0123-780800", "0800-2000", "112"]
    assert [e.soort for e in honour.achterkant.bellen] == ["lokaal", "veilig_thuis", "spoed"]


def test_a_regional_direct_line_keeps_the_free_national_number_on_the_card(
    profile: Callable[..., Path],
) -> None:
    path = profile(
        ('  telefoon: "0800-2000"\n  email: info@veilig', '  telefoon: "020-5556677"\n  email: info@veilig')
    )
    cards = cards_for(tailor(load_profile(path), national_content()), national_content())
    general = card(cards, "onderwijs-algemeen")
    assert "020-5556677" in numbers(general.achterkant)
    landelijk = [e for e in general.achterkant.bellen if e.soort == "landelijk"]
    assert [str(e.telefoon) for e in landelijk] == ["0800-2000"]


def _entries(cards: tuple[Card, ...]) -> Iterator[CallEntry]:
    for c in cards:
        for face in c.faces:
            yield from face.bellen


def test_only_numbers_from_the_profile_the_region_or_confirmed_national_content() -> None:
    content = national_content()
    confirmed = {digits(o.telefoon) for o in content.organisaties if o.telefoon}
    for name in ("brugstad", "dijkmond", "s-molenwaard", "waldterp"):
        model = model_of(name)
        allowed = confirmed | {digits(p.telefoon) for p in model.partners if p.telefoon}
        allowed |= {digits(model.veilig_thuis.telefoon)}
        if model.veilig_thuis.aandachtsfunctionaris_vgv:
            allowed.add(digits(model.veilig_thuis.aandachtsfunctionaris_vgv.telefoon or ""))
        cards = cards_for(model, content)
        for entry in _entries(cards):
            assert entry.telefoon is None or digits(entry.telefoon) in allowed, entry
        for c in cards:
            # Also every number inside a sentence (acute lines, tips), the footer's date aside.
            texts = [
                t for face in c.faces for t in face_text(dataclasses.replace(face, voet=None)).splitlines()
            ]
            for text in texts:
                for found in PHONE.findall(text):
                    assert digits(found) in allowed, (c.id, text)
        # The LKHA number is seen only on a third-party page: never on a card.
        assert all("0703454319" not in digits(card_text(c)) for c in cards)


def test_every_text_names_where_it_comes_from() -> None:
    for c in cards_of("brugstad"):
        for face in c.faces:
            for block in face.blokken:
                assert block.herkomst.veld and not block.herkomst.lokaal
            for entry in face.bellen:
                if entry.soort == "lokaal":
                    assert entry.herkomst.lokaal and "partner" in entry.herkomst.veld
                    assert entry.telefoon_herkomst is not None and entry.telefoon_herkomst.lokaal


def test_pure_same_input_same_cards() -> None:
    model = model_of("brugstad")
    content = national_content()
    first, second = cards_for(model, content), cards_for(model, content)
    assert first == second
    with pytest.raises(dataclasses.FrozenInstanceError):
        first[0].titel = "iets anders"  # type: ignore[misc]


def test_missing_card_headings_in_the_content_are_a_content_error(tmp_path: Path) -> None:
    from assembler.errors import ContentError

    content = national_content()
    broken = dataclasses.replace(content, kaarten={k: v for k, v in content.kaarten.items() if k != "koppen"})
    with pytest.raises(ContentError, match="koppen"):
        cards_for(model_of("dijkmond"), broken)
