"""An edition adopted before the national content's date is told that the national text changed since."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from assembler.dutch import dutch_date
from assembler.national import national_content
from assembler.profile.reading import load_profile
from tests.conftest import (
    BASE_PROFILE,
    CONTRACT,
    NATIONAL_TEXT_CHANGED,
    Invoke,
    WriteFile,
    edit,
    needs_contract,
)


def _adopted(day: dt.date, text: str = BASE_PROFILE) -> str:
    return edit(text, "vastgesteld_op: 2026-10-15", f"vastgesteld_op: {day.isoformat()}")


def test_adopted_before_the_national_text_is_a_warning_naming_both_editions(write: WriteFile) -> None:
    info = national_content().info
    profile = load_profile(write(_adopted(info.datum - dt.timedelta(days=1))))
    (warning,) = [p for p in profile.warnings if NATIONAL_TEXT_CHANGED in p.message]
    assert not warning.is_error and warning.path == "document.vastgesteld_op"
    # Both editions by version and date: the adopted routekaart and the national text printed now.
    assert "versie 2026.1" in warning.message
    assert dutch_date(info.datum - dt.timedelta(days=1)) in warning.message
    assert f"landelijke inhoud versie {info.versie} van {dutch_date(info.datum)}" in warning.message


def test_adopted_on_or_after_the_national_text_is_quiet(write: WriteFile) -> None:
    info = national_content().info
    for day in (info.datum, info.datum + dt.timedelta(days=30)):
        profile = load_profile(write(_adopted(day)))
        assert not [p for p in profile.warnings if NATIONAL_TEXT_CHANGED in p.message], day


def test_a_concept_is_not_told_about_adoption(write: WriteFile) -> None:
    text = edit(
        BASE_PROFILE, "  vastgesteld_op: 2026-10-15\n", "  status: concept\n  vastgesteld_op: 2026-10-15\n"
    )
    profile = load_profile(write(text))
    assert not [p for p in profile.warnings if NATIONAL_TEXT_CHANGED in p.message]


def test_validate_and_build_print_the_warning_and_still_succeed(
    run: Invoke, write: WriteFile, tmp_path: Path
) -> None:
    path = write(BASE_PROFILE)
    checked = run("validate", path)
    assert checked.exit_code == 0, checked.output
    assert (
        "waarschuwing: document.vastgesteld_op: versie 2026.1 van deze routekaart is vastgesteld op 15 oktober 2026"
        in checked.output
    )
    built = run("build", path, "--formaat", "html", "-o", tmp_path / "uit")
    assert built.exit_code == 0, built.output
    assert NATIONAL_TEXT_CHANGED in built.output


@needs_contract
def test_the_contract_region_still_validates(run: Invoke) -> None:
    result = run("validate", CONTRACT / "regio.yaml")
    assert result.exit_code == 0, result.output
    assert NATIONAL_TEXT_CHANGED in result.output  # its editions predate the national text: a warning only
