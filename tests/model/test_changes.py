"""The comparison of two editions: the Dutch sentences a policy officer reads, and `assembler wijzigingen`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from assembler.model.changes import compare_profiles, compare_regions
from assembler.model.sheets import compare_content, compare_national
from assembler.national import ContentChange, ContentInfo, national_content
from assembler.profile.reading import load_profile, load_region
from tests.conftest import BASE_PROFILE, BASE_REGION, NATIONAL, edit


def _data(write, text: str, name: str) -> dict:
    return dict(load_profile(write(text, name)).data)


def test_unchanged_profile_has_no_changes(write) -> None:
    old = _data(write, BASE_PROFILE, "oud.yaml")
    assert compare_profiles(old, old, national_content()) == []


def test_phone_change_names_partner_with_old_and_new_number(write) -> None:
    old = _data(write, BASE_PROFILE, "oud.yaml")
    new = _data(write, edit(BASE_PROFILE, '"020-1234568"', '"020-7654321"'), "nieuw.yaml")
    texts = [c.text for c in compare_profiles(old, new, national_content())]
    assert texts == ["Sociaal wijkteam Testdam: telefoonnummer gewijzigd van 020-1234568 in 020-7654321."]


def test_policy_changes_in_dutch(write) -> None:
    old = _data(write, BASE_PROFILE, "oud.yaml")
    text = BASE_PROFILE
    text = edit(text, "    prioriteit: hoog", "    prioriteit: laag")
    text = edit(text, "  regie: gemeente", "  regie: veilig_thuis")
    text = edit(text, "  coordinator: wijkteam-testdam", "  coordinator: politie-testdam")
    text = edit(
        text,
        "  eergerelateerd_geweld:\n    prioriteit: laag\n"
        "    lokale_situatie: Het wijkteam werkt samen met de politie bij eergerelateerd geweld.\n",
        "",
    )
    text = edit(
        text,
        "    lokale_situatie: Leerplicht belt na elke zomervakantie de scholen na.",
        "    lokale_situatie: Nieuw.",
    )
    text = edit(text, "    email: wijkteam@testdam.test\n", "    email: team@testdam.test\n")
    text = edit(
        text,
        "kaarten:\n",
        "  - id: jongerenwerk-testdam\n    naam: Jongerenwerk Testdam\n    type: jongerenwerk\n"
        '    telefoon: "020-1234599"\n    gecontroleerd_op: 2026-01-01\nkaarten:\n',
    )
    new = _data(write, text, "nieuw.yaml")
    texts = [c.text for c in compare_profiles(old, new, national_content())]
    assert "Vrouwelijke genitale verminking: prioriteit gewijzigd van hoog in laag." in texts
    assert "Ketenaanpak: regie gewijzigd van de gemeente in Veilig Thuis." in texts
    assert "Ketenaanpak: coördinator gewijzigd van Sociaal wijkteam Testdam in Politie Testdam." in texts
    assert "Praktijk vervallen: Eergerelateerd geweld." in texts
    assert "Gedwongen achterlating: lokale situatie gewijzigd." in texts
    assert (
        "Sociaal wijkteam Testdam: e-mailadres gewijzigd van wijkteam@testdam.test in team@testdam.test."
        in texts
    )
    assert "Partner toegevoegd: Jongerenwerk Testdam." in texts


def test_rewrapped_text_is_no_change(write) -> None:
    old = _data(write, BASE_PROFILE, "oud.yaml")
    new = _data(
        write,
        edit(
            BASE_PROFILE,
            "  inleiding: In Testdam ligt het accent op preventie.",
            "  inleiding: |\n    In Testdam ligt\n    het accent op preventie.\n",
        ),
        "nieuw.yaml",
    )
    assert compare_profiles(old, new) == []


def test_region_partner_removed(write) -> None:
    gemeente = edit(BASE_PROFILE, "naam: Testdam\n", "naam: Testdam\nregio: ../regio.yaml\n")
    for folder in ("oud", "nieuw"):
        write(gemeente, f"{folder}/gemeenten/testdam.yaml")
    before = load_region(write(BASE_REGION, "oud/regio.yaml")).data
    after = load_region(
        write(
            edit(BASE_REGION, '    telefoon: "0900-8844"\n', '    telefoon: "0900-8845"\n'),
            "nieuw/regio.yaml",
        )
    ).data
    texts = [c.text for c in compare_regions(before, after, national_content())]
    assert texts == ["Politie Testland: telefoonnummer gewijzigd van 0900-8844 in 0900-8845."]


def test_content_digest() -> None:
    assert compare_content("a", "a") == []
    assert compare_content(None, "a") == []
    assert len(compare_content("a", "b")) == 1


def test_cli_prints_changes_and_exits_zero(write, run) -> None:
    old = write(BASE_PROFILE, "oud.yaml")
    new = write(edit(BASE_PROFILE, '"020-1234568"', '"020-7654321"'), "nieuw.yaml")
    result = run("wijzigingen", old, new)
    assert result.exit_code == 0
    assert (
        "- Sociaal wijkteam Testdam: telefoonnummer gewijzigd van 020-1234568 in 020-7654321."
        in result.output
    )
    assert "1 wijziging." in result.output
    same = run("wijzigingen", old, old)
    assert same.exit_code == 0
    assert "Geen wijzigingen." in same.output


def test_cli_region_lists_per_municipality(write, run) -> None:
    gemeente = edit(BASE_PROFILE, "naam: Testdam\n", "naam: Testdam\nregio: ../regio.yaml\n")
    write(gemeente, "oud/gemeenten/testdam.yaml")
    write(edit(gemeente, '"020-1234568"', '"020-7654321"'), "nieuw/gemeenten/testdam.yaml")
    old, new = write(BASE_REGION, "oud/regio.yaml"), write(BASE_REGION, "nieuw/regio.yaml")
    result = run("wijzigingen", old, new)
    assert result.exit_code == 0, result.output
    assert (
        "Testdam:\n  - Sociaal wijkteam Testdam: telefoonnummer gewijzigd van 020-1234568 in 020-7654321."
        in result.output
    )


def test_cli_unreadable_file(write, run, tmp_path: Path) -> None:
    old = write(BASE_PROFILE, "oud.yaml")
    result = run("wijzigingen", old, tmp_path / "weg.yaml")
    assert result.exit_code == 1
    assert "weg.yaml:1:1: bestand niet gevonden" in result.output
    assert "Traceback" not in result.output


def test_cli_refuses_mixed_kinds(write, run) -> None:
    old = write(BASE_PROFILE, "oud.yaml")
    region = write(BASE_REGION, "regio.yaml")
    write(
        edit(BASE_PROFILE, "naam: Testdam\n", "naam: Testdam\nregio: ../regio.yaml\n"),
        "gemeenten/testdam.yaml",
    )
    result = run("wijzigingen", old, region)
    assert result.exit_code == 1
    assert "vergelijk twee gemeenteprofielen of twee regiobestanden" in result.output


def test_national_changes_between_two_editions() -> None:
    log = (
        ContentChange("2026.6", dt.date(2026, 12, 20), "Nieuwe signalen bij VGV.", ("De schadelijke praktijken",)),
        ContentChange("2026.5", dt.date(2026, 12, 6), "Bronnen op eigen pagina's.", ()),
        ContentChange("2026.4", dt.date(2026, 11, 29), "Meldcode in vijf stappen.", ()),
    )
    info = ContentInfo("2026.6", dt.date(2026, 12, 20), (), log)
    texts = [c.text for c in compare_national("2026.4", "2026.6", info)]
    assert texts == [
        "Landelijke inhoud: van versie 2026.4 naar versie 2026.6.",
        "Landelijke inhoud versie 2026.5 van 6 december 2026: Bronnen op eigen pagina's.",
        "Landelijke inhoud versie 2026.6 van 20 december 2026: Nieuwe signalen bij VGV. "
        "(hoofdstukken: De schadelijke praktijken)",
    ]
    # Up to the version the new edition rests on, not beyond it.
    assert len(compare_national("2026.4", "2026.5", info)) == 2
    assert compare_national("2026.6", "2026.6", info) == []
    assert "niet vastgelegd" in compare_national(None, "2026.6", info)[0].text


def test_wijzigingen_names_the_national_versions_and_akkoorden(write, run) -> None:  # type: ignore[no-untyped-def]
    old = write(edit(BASE_PROFILE, f'  landelijke_versie: "{NATIONAL.versie}"\n', '  landelijke_versie: "2026.1"\n'), "oud.yaml")
    new = write(
        edit(BASE_PROFILE, '      door: P. Jansen, teamchef\n', '      door: P. de Jong, teamchef\n'), "nieuw.yaml"
    )
    result = run("wijzigingen", old, new)
    assert result.exit_code == 0, result.output
    assert f"Document: versie van de landelijke inhoud gewijzigd van 2026.1 in {NATIONAL.versie}." in result.output
    assert f"Landelijke inhoud: van versie 2026.1 naar versie {NATIONAL.versie}." in result.output
    assert "Politie Testdam: akkoord gewijzigd van" in result.output and "P. de Jong" in result.output
