"""The national texts hold the corrections of 2026-11-29: step 5, the one-hour rule, one voice, B1 cards."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assembler.national import NationalContent, national_content

# Card text is read in a hurry: B1 means short sentences.
MAX_CARD_WORDS = 15


def _card_texts(content: NationalContent) -> Iterator[str]:
    general = content.kaarten["algemeen"]
    yield general["inleiding"]
    yield general["acuut"]
    yield from general["stappen"]
    yield from general["niet_doen"]
    for audience in content.kaarten["doelgroepen"].values():
        yield from audience.get("tips", ())
    for p in content.praktijken.values():
        yield from p.kaart.stappen
        yield from p.kaart.niet_doen
        yield p.kaart.acuut
        for tips in p.kaart.doelgroepen.values():
            yield from tips
    for step in content.meldcode.stappen:
        yield step.kort


def _routekaart_texts(content: NationalContent) -> Iterator[str]:
    for p in content.praktijken.values():
        for field in ("omschrijving", "feiten", "wetgeving", "meldcode", "acuut", "wel_doen", "niet_doen"):
            yield from getattr(p, field)
        for group in p.signalen:
            yield from group.items
    for law in content.wetten:
        yield from law.kern
    yield from content.meldcode.inleiding
    yield from content.meldcode.afwegingskader
    for step in content.meldcode.stappen:
        yield step.uitleg
    for s in content.stappen.values():
        yield from (*s.doel, *s.aandachtspunten, *s.standaard_afspraken)
    yield from content.teksten["inleiding"]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s]


def test_card_sentences_stay_short() -> None:
    long = [
        s for t in _card_texts(national_content()) for s in sentences(t) if len(s.split()) > MAX_CARD_WORDS
    ]
    assert long == []


def test_cards_use_the_meldcode_term_and_no_outdated_step_five() -> None:
    texts = " ".join(_card_texts(national_content()))
    assert "blijvende onveiligheid" not in texts
    assert "structurele onveiligheid" in texts
    assert "Regel zelf hulp of meld" not in texts


def test_the_achterlating_card_sends_a_professional_to_veilig_thuis_not_bz() -> None:
    card = national_content().praktijken["gedwongen_achterlating"].kaart
    text = " ".join((*card.stappen, card.acuut, *card.niet_doen))
    assert "247 247 247" not in text and "Buitenlandse Zaken" not in text
    assert "Veilig Thuis 0800-2000" in card.acuut


def test_every_card_that_names_the_lkha_says_how_to_reach_it() -> None:
    for p in national_content().praktijken.values():
        for text in (*p.kaart.stappen, p.kaart.acuut, *p.kaart.niet_doen):
            if "LKHA" in text:
                assert "0800-2000" in text or "huwelijksdwangenachterlating.nl" in text, text


def test_a_card_that_names_the_police_gives_a_number() -> None:
    for text in _card_texts(national_content()):
        for s in sentences(text):
            if "politie" in s.lower() and "LEC EGG" not in s:
                assert "112" in s or "0900-8844" in s, s


def test_step_five_is_two_decisions_in_order() -> None:
    content = national_content()
    step = content.meldcode.stappen[4]
    assert step.nummer == 5
    first, second = step.uitleg.index("melden"), step.uitleg.index("zelf passende hulp")
    assert first < second
    assert "acute of structurele onveiligheid" in step.uitleg
    frame = " ".join(content.meldcode.afwegingskader)
    assert [n for n in range(1, 6) if f"Vraag {n}:" in frame] == [1, 2, 3, 4, 5]


def test_the_one_hour_rule_is_only_for_acute_danger() -> None:
    for text in _routekaart_texts(national_content()):
        if "een uur" in text:
            assert "acuut" in text, text
    for text in _card_texts(national_content()):
        assert "een uur" not in text


def test_interpreters_are_advice_not_a_rule() -> None:
    everything = [*_card_texts(national_content()), *_routekaart_texts(national_content())]
    assert not [t for t in everything if re.search(r"Laat geen familielid.*tolken", t)]


def test_no_unconfirmed_fact_is_printed() -> None:
    content = national_content()
    everything = " ".join([*_routekaart_texts(content), *(o.rol for o in content.organisaties)])
    assert "12 tot 29" not in everything  # Fier's age range
    assert "Femmes for Freedom wijst" not in everything  # an NGO's reading of art. 284 Sr
    assert "Een rechter kan een echtgenoot daarmee" not in everything  # law in force: unconfirmed


def test_the_routekaart_speaks_to_u_and_cites_no_source_in_a_sentence() -> None:
    for text in _routekaart_texts(national_content()):
        assert not re.search(r"\b(je|jouw)\b", text), text
        assert not re.search(r"\bVolgens (het|de|een)? ?[A-Z]", text) and "Volgens ikvermoed" not in text, (
            text
        )


def test_the_national_figure_of_1500_reports_is_printed_once() -> None:
    texts = list(_routekaart_texts(national_content()))
    assert sum(t.count("1.500") for t in texts) == 1
