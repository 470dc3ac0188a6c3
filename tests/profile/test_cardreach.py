"""validate warns about the routing on the pocket cards, with the file, the line and a fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from assembler.profile.reading import load_profile
from tests.conftest import line_of


def warnings_of(path: Path) -> list[str]:
    # The base profile is adopted on the national version a build prints: no edition warning stands here.
    return [p.format() for p in load_profile(path).warnings]


def test_the_base_profile_routes_its_cards_without_a_warning(profile: Callable[..., Path]) -> None:
    assert warnings_of(profile()) == []


def test_a_partner_with_a_national_number_is_named_with_its_line(profile: Callable[..., Path]) -> None:
    path = profile(('    telefoon: "020-1234568"\n', '    telefoon: "0800 2000"\n'))
    cards, found = warnings_of(path)  # in the order of the file: praktijken stand above partners
    # Left off every card, the team leaves its practices without a local contact: said once, for all four.
    assert "de zakkaarten over vrouwelijke genitale verminking, huwelijksdwang" in cards
    line = line_of(path.read_text(encoding="utf-8"), '    telefoon: "0800 2000"')
    assert found.startswith(f"{path}:{line}:")
    assert "'0800 2000' is het nummer van Veilig Thuis Testland" in found
    assert "Geef het eigen nummer van 'Sociaal wijkteam Testdam'" in found


def test_the_police_may_carry_the_police_numbers(profile: Callable[..., Path]) -> None:
    # Politie Testdam has 0900-8844: its own number under its own name, and never a card contact.
    assert "0900-8844" in profile().read_text(encoding="utf-8")
    assert warnings_of(profile()) == []


def test_an_audience_without_a_marked_partner(profile: Callable[..., Path]) -> None:
    path = profile(("    aanspreekpunt_voor: [alle]\n", "    aanspreekpunt_voor: [onderwijs]\n"))
    (found,) = warnings_of(path)
    line = line_of(path.read_text(encoding="utf-8"), "  doelgroepen: [onderwijs, huisartsen]")
    assert found.startswith(f"{path}:{line}:")
    assert "geen partner is aanspreekpunt voor huisartsen" in found
    assert "noemen alleen de eigen aandachtsfunctionaris en Veilig Thuis" in found
    assert "'aanspreekpunt_voor: [huisartsen]'" in found


def test_a_practice_whose_cards_would_name_no_local_contact(profile: Callable[..., Path]) -> None:
    path = profile(
        (
            "    praktijken: [alle]\n    stappen: [signaleren_en_melden, toeleiden_naar_zorg]\n",
            "    praktijken: [huwelijksdwang, gedwongen_achterlating, eergerelateerd_geweld]\n"
            "    stappen: [signaleren_en_melden, toeleiden_naar_zorg]\n",
        )
    )
    (found,) = warnings_of(path)
    line = line_of(path.read_text(encoding="utf-8"), "  vrouwelijke_genitale_verminking:")
    assert found.startswith(f"{path}:{line}:")
    assert "de zakkaarten over vrouwelijke genitale verminking noemen geen lokaal contact" in found


def test_a_marked_partner_without_the_signalling_step_counts_for_no_card(profile: Callable[..., Path]) -> None:
    path = profile(
        (
            "    afspraken: Scholen vragen bij een vermoeden advies aan het wijkteam.\n    partners: [wijkteam-testdam]\n",
            "    afspraken: Scholen vragen bij een vermoeden advies aan het wijkteam.\n",
        ),
        ("    stappen: [signaleren_en_melden, toeleiden_naar_zorg]\n", "    stappen: [toeleiden_naar_zorg]\n"),
    )
    (found,) = [w for w in warnings_of(path) if "zakkaarten" in w]
    assert "gedwongen achterlating en eergerelateerd geweld noemen geen lokaal contact" in found


def test_a_case_conference_marked_as_aanspreekpunt_is_told_it_never_stands_on_a_card(
    profile: Callable[..., Path],
) -> None:
    path = profile(
        (
            "  - id: politie-testdam\n",
            "  - id: zvh-testdam\n    naam: Zorg- en Veiligheidshuis Testdam\n    type: zorg_en_veiligheidshuis\n"
            '    stappen: [toeleiden_naar_zorg]\n    telefoon: "020-1234570"\n    gecontroleerd_op: 2026-10-01\n'
            "    aanspreekpunt_voor: [alle]\n  - id: politie-testdam\n",
        )
    )
    found = [w for w in warnings_of(path) if "casusoverleg" in w]
    line = line_of(path.read_text(encoding="utf-8"), "    aanspreekpunt_voor: [alle]", nth=2)
    assert len(found) == 1 and found[0].startswith(f"{path}:{line}:")
    assert "staat nooit als contact op een zakkaart; haal aanspreekpunt_voor weg" in found[0]


def test_a_marked_partner_without_hours_is_asked_for_them(profile: Callable[..., Path]) -> None:
    path = profile(("    bereikbaarheid: maandag tot en met vrijdag, 9.00 tot 17.00 uur\n", ""))
    (found,) = warnings_of(path)
    assert "zonder openingstijden; vul bereikbaarheid in" in found


def test_a_region_partner_is_judged_in_the_region_file(write: Callable[..., Path]) -> None:
    from tests.conftest import BASE_REGION

    region = write(
        BASE_REGION.replace(
            '    telefoon: "0900-8844"\n', '    telefoon: "0900-8844"\n    aanspreekpunt_voor: [alle]\n'
        ).replace("gemeenten:\n  - gemeenten/testdam.yaml\n", ""),
        "regio.yaml",
    )
    from assembler.profile.reading import load_region

    (found,) = [p.format() for p in load_region(region).warnings]
    assert found.startswith(f"{region}:{line_of(region.read_text(encoding='utf-8'), 'aanspreekpunt_voor')}:")
    assert "de politie (112 staat op elke kaart)" in found
