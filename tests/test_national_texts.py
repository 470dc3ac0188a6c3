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
        yield from p.kaart.acuut_doelgroepen.values()
        for tips in p.kaart.doelgroepen.values():
            yield from tips
    for step in content.meldcode.stappen:
        yield step.kort
    # The card "Jouw meldcode" and the police's own route (beroepen.yaml).
    profession_card = content.kaarten["beroep"]
    yield profession_card["eigen"]
    yield from profession_card["woorden"]
    for profession in content.beroepen.values():
        yield from profession.verschillen
        if profession.route:
            yield profession.route.inleiding
            yield from profession.route.stappen
            yield from profession.route.praktijkstappen


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
        for text in (*p.kaart.stappen, p.kaart.acuut, *p.kaart.niet_doen, *_tips(p)):
            if "LKHA" in text:
                assert (
                    "Veilig Thuis kan het LKHA inschakelen" in text
                    or "Veilig Thuis of het LKHA" in text
                    or ("huwelijksdwangenachterlating.nl" in text)
                ), text


def test_veilig_thuis_brings_the_lkha_in_rather_than_reaching_it() -> None:
    # 0800-2000 reaches the regional Veilig Thuis, which can bring in the LKHA (DOMAIN.md, section 3).
    content = national_content()
    texts = [*_card_texts(content), *_routekaart_texts(content), *(t.uitleg for t in content.begrippen)]
    texts += [o.telefoon_toelichting or "" for o in content.organisaties]
    wrong = [t for t in texts if re.search(r"bereik je ook het LKHA|LKHA[^.]*\bvia Veilig Thuis", t)]
    assert wrong == []


def _tips(p: object) -> list[str]:
    return [t for tips in p.kaart.doelgroepen.values() for t in tips]  # type: ignore[attr-defined]


def test_every_practice_card_numbers_the_five_meldcode_steps_in_order() -> None:
    content = national_content()
    general = content.kaarten["algemeen"]["stappen"]
    for p in content.praktijken.values():
        steps = p.kaart.stappen
        assert len(steps) == 5, p.key
        assert steps[0] == general[0], p.key  # 1: signals on paper
        assert "advies" in steps[1], p.key  # 2: consult
        assert steps[2].startswith("Praat"), p.key  # 3: the talk, as this practice allows it
        assert "afwegingskader" in steps[3] and "acute of structurele onveiligheid" in steps[3], p.key  # 4
        assert steps[4] == general[4], p.key  # 5: two decisions, in order
        assert steps[4].index("meldt") < steps[4].index("zelf helpt")
        # An urgent line belongs in the acute box, not in the place of a step.
        for step in steps:
            assert not re.match(r"(Dreigt|Acuut|Komt|Reis niet)", step), step


def test_acute_lines_put_112_first_and_send_the_rest_to_0900_8844() -> None:
    for p in national_content().praktijken.values():
        for line in (p.kaart.acuut, *p.kaart.acuut_doelgroepen.values()):
            first, *rest = sentences(line)
            assert first == "Direct gevaar?" and rest[0] == "Bel 112.", line
            assert "112" not in " ".join(rest[1:]), line
            for sentence in rest:
                if "politie" in sentence:
                    assert "0900-8844" in sentence, sentence


def test_the_police_card_does_not_tell_the_police_to_call_the_police() -> None:
    for p in national_content().praktijken.values():
        line = p.kaart.acuut_doelgroepen.get("politie", p.kaart.acuut)
        assert "politie" not in line.lower(), (p.key, line)
        for tip in p.kaart.doelgroepen.get("politie", ()):
            assert not re.search(r"\b(bel|schakel)\b[^.]*\bpolitie\b", tip.lower()), tip


def test_the_family_talk_follows_each_practice_s_own_rule() -> None:
    content = national_content()
    cards = {p.key: p.kaart for p in content.praktijken.values()}
    # Forced marriage and abandonment: the young person only after advice, alone and safely; never the family.
    for key in ("huwelijksdwang", "gedwongen_achterlating"):
        step = cards[key].stappen[2]
        assert step.startswith("Praat pas na dat advies met de jongere, alleen en veilig."), key
        assert "Nooit met ouders of familie." in step, key
    # Honour violence: the victim after advice, the parents only in step 5.
    assert "stap 5" in cards["eergerelateerd_geweld"].stappen[2]
    assert all("stap 5" in t for t in cards["eergerelateerd_geweld"].doelgroepen["onderwijs"])
    # FGM: signals may in principle be discussed with the parents.
    assert cards["vrouwelijke_genitale_verminking"].stappen[2].startswith("Praat met de ouders")
    # Nothing on a card or in the routekaart suggests the family may be spoken to once advice is asked.
    texts = [*_card_texts(content), *_routekaart_texts(content)]
    loose = [
        t
        for t in texts
        if re.search(
            r"(met (de )?famili\w*|ouders)[^.]*(zonder advies|voordat je advies|voordat er advies)", t
        )
        or re.search(r"(zonder|na) (dat )?advies[^.]*met (de )?familie", t)
        or "nooit eerst met de familie" in t
    ]
    assert loose == []


def test_interpreter_advice_is_not_a_dont_that_reads_as_no_interpreter() -> None:
    content = national_content()
    donts = [
        *content.kaarten["algemeen"]["niet_doen"],
        *(t for p in content.praktijken.values() for t in p.kaart.niet_doen),
    ]
    for text in donts:
        if "tolk" in text:
            assert text.startswith("Liever geen") and "Zet" not in text, text


def test_words_on_the_cards_are_in_the_glossary() -> None:
    content = national_content()
    cards = " ".join(_card_texts(content)).lower()
    terms = " ".join(t.term.lower() for t in content.begrippen)
    for word in (
        "lkha",
        "afwegingskader",
        "structurele onveiligheid",
        "veiligheidsplan",
        "sleutelfiguur",
        "aandachtsfunctionaris",
    ):
        if word in cards:
            assert word in terms, word


def test_the_safety_plan_is_made_with_veilig_thuis_or_the_lkha() -> None:
    content = national_content()
    for text in [*_card_texts(content), *_routekaart_texts(content)]:
        for sentence in sentences(text):
            if "veiligheidsplan" in sentence and "reis" in sentence.lower():
                assert "Veilig Thuis of het LKHA" in sentence, sentence


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


def test_facts_carry_their_date_and_rest_on_an_official_page() -> None:
    content = national_content()
    texts = [*_routekaart_texts(content), *(o.rol for o in content.organisaties)]
    for sentence in (s for t in texts for s in sentences(t)):
        if "1.500" in sentence:
            assert "2023" in sentence, sentence
        if "veroordeeld voor huwelijksdwang" in sentence:
            assert "LKHA" in sentence, sentence
    whole = " ".join(texts)
    assert "november 2026" in whole  # the LKHA's statement, dated
    assert "Sinds 1 januari 2015" not in whole  # the LKHA's start date rests on no official page
    # The OM, the IND and the KMar: no page of their own on record, so no entry. Fier and Sterk Huis
    # are back since their own pages are on record (DOMAIN, 2026-12-06), each sourced there.
    assert not {"openbaar-ministerie", "ind", "koninklijke-marechaussee"} & {
        o.id for o in content.organisaties
    }
    for org_id, domain in (("fier", "fier.nl"), ("sterk-huis", "sterkhuis.nl")):
        assert content.organisation(org_id).bron.startswith(f"https://www.{domain}/")
    assert "12 tot en met 23 jaar" in content.organisation("fier").rol
