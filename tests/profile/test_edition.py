"""An edition is adopted only when it holds up; otherwise `validate` says why, at the place, and
`--strict` fails on it. The rules are judged by profile/edition.py and told by crosscheck.edition."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from assembler.errors import ProfileError
from assembler.national import ContentChange, ContentInfo
from assembler.profile.edition import check_edition
from assembler.profile.reading import load_profile
from tests.conftest import ADOPTED, BASE_PROFILE, NATIONAL, Invoke, line_of

EDITION = "als concept gedrukt"
NO_STEP_TEXT = ("    afspraken: De politie en het wijkteam maken samen een veiligheidsplan.\n", "")


def _edition(path: Path) -> list[str]:
    return [p.format() for p in load_profile(path).warnings if EDITION in p.message]


def test_the_base_is_adopted_without_a_word(profile: Callable[..., Path]) -> None:
    loaded = load_profile(profile())
    assert loaded.warnings == ()
    assert loaded.data["document"]["status"] == "vastgesteld"


def test_another_national_version_is_a_reason_at_its_line(profile: Callable[..., Path]) -> None:
    path = profile((f'  landelijke_versie: "{NATIONAL.versie}"\n', '  landelijke_versie: "2026.1"\n'))
    [warning] = _edition(path)
    assert f":{line_of(path.read_text(), 'landelijke_versie')}:" in warning
    assert "document.landelijke_versie" in warning
    assert f"vastgesteld op landelijke inhoud versie 2026.1, maar een build drukt landelijke inhoud versie {NATIONAL.versie}" in warning


def test_adopted_before_the_national_text_existed_is_a_reason(profile: Callable[..., Path]) -> None:
    day = NATIONAL.datum - dt.timedelta(days=1)
    path = profile((f"  vastgesteld_op: {ADOPTED}\n", f"  vastgesteld_op: {day.isoformat()}\n"))
    [warning] = _edition(path)
    assert "document.vastgesteld_op" in warning and "een tekst die er nog niet was" in warning


def test_without_a_recorded_version_the_date_decides(profile: Callable[..., Path]) -> None:
    # Adopted on the day the printed content appeared: that version, derived from the date, fits.
    path = profile((f'  landelijke_versie: "{NATIONAL.versie}"\n', ""))
    assert _edition(path) == []
    older = profile(
        (f'  landelijke_versie: "{NATIONAL.versie}"\n', ""),
        (f"  vastgesteld_op: {ADOPTED}\n", "  vastgesteld_op: 2026-10-15\n"),
        name="ouder.yaml",
    )
    [warning] = _edition(older)
    assert "vastgelegd noch af te leiden" in warning and "document.vastgesteld_op" in warning


def test_stand_ins_are_named_each_at_its_field(profile: Callable[..., Path]) -> None:
    path = profile(
        NO_STEP_TEXT,
        ("    lokale_situatie: Leerplicht belt na elke zomervakantie de scholen na.\n", ""),
        ("  deskundigheidsbevordering: Elk jaar een training over de meldcode.\n", ""),
    )
    warnings = _edition(path)
    assert len(warnings) == 3
    assert any("ketenaanpak.preventie_veiligheid_hulp.afspraken" in w for w in warnings)
    assert any("praktijken.gedwongen_achterlating" in w for w in warnings)
    assert any("ketenaanpak.deskundigheidsbevordering" in w for w in warnings)


def test_a_placeholder_is_refused_when_adoption_is_written_out(profile: Callable[..., Path]) -> None:
    text = "Leerplicht belt na elke zomervakantie de scholen na."
    placeholder = (text, "Leerplicht belt na <aantal> dagen de scholen na.")
    # Adopted because a date is given: the edition prints as a concept, and says why.
    [warning] = _edition(profile(placeholder))
    assert "open invulplek '<aantal>'" in warning
    # Adopted in so many words: refused.
    written = profile(placeholder, ("  vastgesteld_op:", "  status: vastgesteld\n  vastgesteld_op:"), name="b.yaml")
    with pytest.raises(ProfileError) as caught:
        load_profile(written)
    [error] = [p for p in caught.value.problems if p.is_error]
    assert error.path == "praktijken.gedwongen_achterlating.lokale_situatie"
    assert error.line == line_of(written.read_text(), "<aantal>")


def test_a_placeholder_in_a_concept_is_a_warning_and_nothing_else_nags(profile: Callable[..., Path]) -> None:
    path = profile(
        ("Leerplicht belt na elke zomervakantie de scholen na.", "Leerplicht belt <wie?> na."),
        ("  vastgesteld_op:", "  status: concept\n  vastgesteld_op:"),
        NO_STEP_TEXT,
    )
    warnings = load_profile(path).warnings
    assert [w.path for w in warnings] == ["praktijken.gedwongen_achterlating.lokale_situatie"]
    assert "open invulplek '<wie?>'" in warnings[0].message and not warnings[0].is_error


def test_plain_angle_brackets_are_no_placeholder(profile: Callable[..., Path]) -> None:
    path = profile(("Leerplicht belt na elke zomervakantie de scholen na.", "Jongeren < 18 en > 12 jaar."))
    assert _edition(path) == []


def test_a_partner_without_akkoord_for_this_version(profile: Callable[..., Path]) -> None:
    path = profile(
        ("      door: P. Jansen, teamchef\n      versie: \"2026.1\"\n", "      door: P. Jansen, teamchef\n      versie: \"2025.1\"\n")
    )
    [warning] = _edition(path)
    assert "'Politie Testdam' gaf akkoord" in warning and "voor versie 2025.1, niet voor versie 2026.1" in warning
    assert "partners.1.akkoord" in warning


def test_veilig_thuis_must_agree_too(profile: Callable[..., Path]) -> None:
    base = BASE_PROFILE
    start = base.index("  akkoord:\n    datum:")
    end = base.index("ketenaanpak:")
    path = profile((base[start:end], ""))
    [warning] = _edition(path)
    assert "'Veilig Thuis Testland' staat in de route maar heeft geen akkoord gegeven" in warning


def test_an_akkoord_without_version_belongs_to_the_edition_of_its_date(profile: Callable[..., Path]) -> None:
    history = '  geschiedenis:\n    - versie: "2025.1"\n      datum: 2025-10-01\n'
    recent = profile(('      door: M. Visser, teamleider\n      versie: "2026.1"\n', "      door: M. Visser, teamleider\n"))
    assert _edition(recent) == []  # given after every earlier edition: for this one
    old = profile(
        ('      door: M. Visser, teamleider\n      versie: "2026.1"\n', "      door: M. Visser, teamleider\n"),
        (f"      datum: {ADOPTED}\n      door: M. Visser", "      datum: 2025-09-01\n      door: M. Visser"),
        ("  herzien_voor: 2027-10-15\n", "  herzien_voor: 2027-10-15\n" + history),
        name="oud.yaml",
    )
    [warning] = _edition(old)
    assert "voor versie 2025.1, niet voor versie 2026.1" in warning


def test_adoption_without_akkoord_when_the_profile_says_so(profile: Callable[..., Path]) -> None:
    base = BASE_PROFILE
    start = base.index("  akkoord:\n    datum:")
    end = base.index("ketenaanpak:")
    path = profile((base[start:end], ""), ("  herzien_voor:", "  akkoord_vereist: false\n  herzien_voor:"))
    assert _edition(path) == []


def test_validate_strict_fails_on_a_reason(run: Invoke, profile: Callable[..., Path]) -> None:
    path = profile(NO_STEP_TEXT)
    plain = run("validate", path)
    assert plain.exit_code == 0 and EDITION in plain.output
    strict = run("validate", "--strict", path)
    assert strict.exit_code == 1 and "Niet geldig" in strict.output


def test_a_concept_is_written_against_the_printed_text() -> None:
    info = ContentInfo("2026.4", dt.date(2026, 11, 29), ())
    data = {"document": {"versie": "1", "status": "concept"}, "praktijken": {}, "ketenaanpak": {}}
    check = check_edition(data, data, None, {}, info, {})
    assert check.status == "concept" and check.landelijke_versie == "2026.4"
    assert check.vorige is None and check.landelijke_wijzigingen == ()
    assert next(r.tekst for r in check.reasons) == "Deze versie is nog niet vastgesteld."


def test_a_revision_lists_the_national_changes_since_its_adoption() -> None:
    log = (
        ContentChange("2026.5", dt.date(2026, 12, 6), "Nieuwe tekst over huwelijksdwang.", ("Praktijken",)),
        ContentChange("2026.4", dt.date(2026, 11, 29), "Nummers op eigen pagina's.", ()),
        ContentChange("2026.3", dt.date(2026, 11, 20), "Eerste versie met bronnen.", ()),
    )
    info = ContentInfo("2026.5", dt.date(2026, 12, 6), (), log)
    data = {
        "document": {"versie": "2", "status": "vastgesteld", "vastgesteld_op": dt.date(2026, 11, 30)},
        "praktijken": {},
        "ketenaanpak": {},
    }
    check = check_edition(data, data, None, {}, info, {})
    assert check.landelijke_versie == "2026.4" and check.landelijke_versie_afgeleid
    assert check.status == "concept"
    assert [c.versie for c in check.landelijke_wijzigingen] == ["2026.5"]
    assert check.vorige is not None and (check.vorige.versie, check.vorige.datum) == ("2", dt.date(2026, 11, 30))
