"""Adoption fields: status and its default, vastgesteld_door, geschiedenis, partner akkoord and their checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from assembler.errors import ProfileError
from assembler.profile.reading import load_profile
from tests.conftest import CONTRACT

AKKOORD = "    akkoord:\n      datum: 2026-09-20\n      door: J. Jansen, teamleider\n"
WIJKTEAM_MAIL = "    email: wijkteam@testdam.test\n"
NO_DATE = ("  vastgesteld_op: 2026-10-15\n", "")


def _akkoord_warnings(path: Path) -> list[str]:
    return [p.message for p in load_profile(path).warnings if "akkoord" in p.message]


def test_adopted_when_a_date_is_given(profile: Callable[..., Path]) -> None:
    loaded = load_profile(profile())
    assert loaded.data["document"]["status"] == "vastgesteld"
    # An adopted profile that records no sign-off at all (every older profile) stays quiet.
    assert _akkoord_warnings(profile()) == []


def test_concept_without_a_date(profile: Callable[..., Path]) -> None:
    loaded = load_profile(profile(NO_DATE))
    assert loaded.data["document"]["status"] == "concept"
    assert _akkoord_warnings(profile(NO_DATE, name="b.yaml")) == []


def test_explicit_concept_with_a_planned_date(profile: Callable[..., Path]) -> None:
    path = profile(("  vastgesteld_op: 2026-10-15\n", "  status: concept\n  vastgesteld_op: 2026-10-15\n"))
    assert load_profile(path).data["document"]["status"] == "concept"


def test_adopted_needs_its_date(profile: Callable[..., Path]) -> None:
    path = profile(("  vastgesteld_op: 2026-10-15\n", "  status: vastgesteld\n"))
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    [problem] = caught.value.problems
    assert problem.path == "document.status" and problem.line == 9
    assert "vraagt om document.vastgesteld_op" in problem.message


def test_partner_in_a_route_without_akkoord_is_named_once_sign_off_is_recorded(
    profile: Callable[..., Path],
) -> None:
    path = profile((WIJKTEAM_MAIL, WIJKTEAM_MAIL + AKKOORD))
    warnings = _akkoord_warnings(path)
    assert warnings == [
        "partner 'Politie Testdam' staat in de route maar heeft nog geen akkoord gegeven op deze "
        "vastgestelde routekaart; vul akkoord (datum, door) in"
    ]
    concept = profile((WIJKTEAM_MAIL, WIJKTEAM_MAIL + AKKOORD), NO_DATE, name="concept.yaml")
    assert _akkoord_warnings(concept) == []  # a concept is still collecting its sign-off


def test_history_and_adopted_by_validate(profile: Callable[..., Path]) -> None:
    path = profile(
        (
            "  vastgesteld_op: 2026-10-15\n",
            "  vastgesteld_op: 2026-10-15\n  vastgesteld_door: college van burgemeester en wethouders\n"
            "  geschiedenis:\n    - versie: 2025.1\n      datum: 2025-10-01\n      samenvatting: Eerste editie.\n",
        )
    )
    document = load_profile(path).data["document"]
    assert document["geschiedenis"] == [
        {"versie": "2025.1", "datum": dt.date(2025, 10, 1), "samenvatting": "Eerste editie."}
    ]
    assert document["vastgesteld_door"] == "college van burgemeester en wethouders"


def test_bad_akkoord_is_an_error_with_its_line(profile: Callable[..., Path]) -> None:
    path = profile((WIJKTEAM_MAIL, WIJKTEAM_MAIL + "    akkoord:\n      door: J. Jansen\n"))
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert any(p.path == "partners.0.akkoord.datum" for p in caught.value.problems)


@pytest.mark.skipif(not CONTRACT.is_dir(), reason="contract region not available on this machine")
def test_contract_profiles_are_adopted_and_quiet_about_akkoord() -> None:
    for path in sorted((CONTRACT / "gemeenten").glob("*.yaml")):
        loaded = load_profile(path)
        assert loaded.data["document"]["status"] == "vastgesteld"
        assert not [p for p in loaded.warnings if "akkoord" in p.message]
