"""A batch rerun lists, per municipality, what changed since the previous run into the same folder,
on the overview's "Wijzigingen" sheet; an unchanged rerun empties it. Also `batch --formaat`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from assembler.cli import main
from tests.conftest import BASE_PROFILE, BASE_REGION, edit

OVERVIEW = "overzicht-testland.xlsx"


def batch(region: Path, out: Path) -> str:
    result = CliRunner().invoke(main, ["batch", str(region), "-o", str(out), "-j", "1", "--formaat", "docx"])
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == 0, result.output
    return result.output


def sheet(out: Path) -> list[tuple[object, ...]]:
    workbook = load_workbook(out / OVERVIEW)
    assert workbook.sheetnames == ["Overzicht", "Handvatten", "Controles", "Kaarten", "Problemen", "Wijzigingen"]
    return list(workbook["Wijzigingen"].iter_rows(values_only=True))


@pytest.fixture
def region(tmp_path: Path) -> Path:
    folder = tmp_path / "regio"
    (folder / "gemeenten").mkdir(parents=True)
    gemeente = edit(BASE_PROFILE, "naam: Testdam\n", "naam: Testdam\nregio: ../regio.yaml\n")
    (folder / "gemeenten" / "testdam.yaml").write_text(gemeente, encoding="utf-8")
    path = folder / "regio.yaml"
    path.write_text(BASE_REGION, encoding="utf-8")
    return path


def test_rerun_lists_a_changed_phone_number_and_an_unchanged_rerun_lists_none(
    region: Path, tmp_path: Path
) -> None:
    out = tmp_path / "uit"
    first = batch(region, out)
    assert "sinds de vorige run" not in first
    assert sheet(out)[2:] == []  # a first run has nothing to compare with
    # --formaat docx: only the Word routekaart was made, of the regional document too.
    assert sorted(p.name for p in (out / "testdam").iterdir() if not p.name.startswith(".")) == [
        "routekaart-testdam.docx"
    ]
    assert _visible(out / "regio-testland") == ["routekaart-regio-testland.docx"]

    profile = region.parent / "gemeenten" / "testdam.yaml"
    profile.write_text(edit(profile.read_text(encoding="utf-8"), '"020-1234568"', '"020-7654321"'), "utf-8")
    second = batch(region, out)
    assert "1 wijziging sinds de vorige run" in second
    rows = sheet(out)
    assert rows[0][0] == "Wijzigingen sinds de vorige run in deze map"
    assert rows[1] == ("Gemeente", "Onderwerp", "Wijziging")
    assert rows[2:] == [
        (
            "Testdam",
            "Sociaal wijkteam Testdam",
            "Sociaal wijkteam Testdam: telefoonnummer gewijzigd van 020-1234568 in 020-7654321.",
        )
    ]

    third = batch(region, out)
    assert "sinds de vorige run" not in third
    rows = sheet(out)
    assert rows[0][0] == "Geen wijzigingen sinds de vorige run in deze map"
    assert rows[2:] == []


def test_region_partner_change_reaches_every_municipality(region: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    batch(region, out)
    region.write_text(
        edit(BASE_REGION, "naam: Politie Testland\n", "naam: Politie Testland-Noord\n"), "utf-8"
    )
    batch(region, out)
    assert [r[2] for r in sheet(out)[2:]] == ["Partner Politie Testland heet nu Politie Testland-Noord."]


def _visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_regional_editions_follow_the_formats(region: Path, tmp_path: Path) -> None:
    """The regional Word file comes with docx, its PDF with pdf; the overview always."""
    out = tmp_path / "uit"
    cards = CliRunner().invoke(
        main, ["batch", str(region), "-o", str(out), "-j", "1", "--formaat", "kaarten"]
    )
    assert cards.exit_code == 0, cards.output
    assert not (out / "regio-testland").exists()
    assert "Regiodocument" not in cards.output and f"Overzicht: {out / OVERVIEW}" in cards.output

    pdf = CliRunner().invoke(main, ["batch", str(region), "-o", str(out), "-j", "1", "--formaat", "pdf"])
    assert pdf.exit_code == 0, pdf.output
    assert _visible(out / "regio-testland") == ["routekaart-regio-testland.pdf"]
    assert (
        f"Regiodocument (PDF): {out / 'regio-testland' / 'routekaart-regio-testland.pdf'} (bijgewerkt)"
        in pdf.output
    )
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["regio"]["uitvoer"]) == {"regio-testland/routekaart-regio-testland.pdf", OVERVIEW}


def test_batch_refuses_an_unknown_format(region: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["batch", str(region), "-o", str(tmp_path / "uit"), "--formaat", "rtf"])
    # A usage error, refused before any work: exit 2 and no output folder.
    assert result.exit_code == 2
    assert "onbekend formaat: rtf" in result.output
    assert not (tmp_path / "uit").exists()
