"""Adoption fields: status and its default, vastgesteld_door, geschiedenis, akkoord and their checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from assembler.errors import ProfileError
from assembler.profile.reading import load_profile
from tests.conftest import ADOPTED, CONTRACT, line_of, needs_contract

NO_DATE = (f"  vastgesteld_op: {ADOPTED}\n", "")
EDITION = "als concept gedrukt"


def test_adopted_when_a_date_is_given(profile: Callable[..., Path]) -> None:
    loaded = load_profile(profile())
    assert loaded.data["document"]["status"] == "vastgesteld"
    assert loaded.warnings == ()


def test_concept_without_a_date(profile: Callable[..., Path]) -> None:
    loaded = load_profile(profile(NO_DATE))
    assert loaded.data["document"]["status"] == "concept"
    # A concept is still collecting its sign-off: nothing nags about it.
    assert loaded.warnings == ()


def test_explicit_concept_with_a_planned_date(profile: Callable[..., Path]) -> None:
    path = profile((f"  vastgesteld_op: {ADOPTED}\n", f"  status: concept\n  vastgesteld_op: {ADOPTED}\n"))
    assert load_profile(path).data["document"]["status"] == "concept"


def test_adopted_needs_its_date(profile: Callable[..., Path]) -> None:
    path = profile((f"  vastgesteld_op: {ADOPTED}\n", "  status: vastgesteld\n"))
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    [problem] = [p for p in caught.value.problems if p.is_error]
    assert problem.path == "document.status" and problem.line == line_of(path.read_text(), "status:")
    assert "vraagt om document.vastgesteld_op" in problem.message


def test_history_and_adopted_by_validate(profile: Callable[..., Path]) -> None:
    path = profile(
        (
            f"  vastgesteld_op: {ADOPTED}\n",
            f"  vastgesteld_op: {ADOPTED}\n  vastgesteld_door: het college van burgemeester en wethouders\n"
            "  geschiedenis:\n    - versie: \"2025.1\"\n      datum: 2025-10-01\n      samenvatting: Eerste editie.\n"
            "      landelijke_versie: \"2025.3\"\n",
        )
    )
    document = load_profile(path).data["document"]
    assert document["geschiedenis"] == [
        {
            "versie": "2025.1",
            "datum": dt.date(2025, 10, 1),
            "samenvatting": "Eerste editie.",
            "landelijke_versie": "2025.3",
        }
    ]
    assert document["vastgesteld_door"] == "het college van burgemeester en wethouders"


def test_bad_akkoord_is_an_error_with_its_line(profile: Callable[..., Path]) -> None:
    path = profile(("      door: M. Visser, teamleider\n", "      door:\n"))
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert any(p.path == "partners.0.akkoord.door" for p in caught.value.problems)


def test_an_akkoord_for_an_unknown_partner_is_an_error(profile: Callable[..., Path]) -> None:
    listed = (
        "  herzien_voor: 2027-10-15\n",
        "  herzien_voor: 2027-10-15\n  akkoorden:\n    - partner: politie-elders\n"
        f"      datum: {ADOPTED}\n      door: A. Smit\n",
    )
    with pytest.raises(ProfileError) as caught:
        load_profile(profile(listed))
    [problem] = caught.value.problems
    assert problem.path == "document.akkoorden.0.partner" and "'politie-elders' bestaat niet" in problem.message


@needs_contract
def test_contract_profiles_claim_adoption_and_print_as_concepts_with_reasons() -> None:
    for path in sorted((CONTRACT / "gemeenten").glob("*.yaml")):
        loaded = load_profile(path)
        assert loaded.data["document"]["status"] == "vastgesteld"
        reasons = [p for p in loaded.warnings if EDITION in p.message]
        assert reasons and not any(p.is_error for p in loaded.warnings), path
        # The national version nobody recorded, and the akkoord of Veilig Thuis, at the least.
        assert any(p.path == "document.vastgesteld_op" for p in reasons), path
        assert any("Veilig Thuis" in p.message for p in reasons), path
