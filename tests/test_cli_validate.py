"""`assembler controleer` (validate) as a user meets it: exit codes, Dutch messages with places, JSON, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import BASE_PROFILE, EXAMPLE_REGION, FIXTURE_REGION, Invoke, WriteFile, edit, line_of

FIXTURE_MUNICIPALITIES = sorted((FIXTURE_REGION / "gemeenten").glob("*.yaml"))


def test_fixture_region_validates(run: Invoke) -> None:
    result = run("controleer", FIXTURE_REGION / "regio.yaml")
    assert result.exit_code == 0, result.output
    # The region file and the four municipalities it brings along: five files checked.
    assert "Geldig: 5 bestanden gecontroleerd, 0 fouten" in result.stdout
    # The region brings its four municipalities along: their warnings name their own files.
    for municipality in FIXTURE_MUNICIPALITIES:
        assert f"gemeenten/{municipality.name}:" in result.output


def test_the_fixture_region_has_four_municipalities() -> None:
    assert [p.stem for p in FIXTURE_MUNICIPALITIES] == [
        "brugstad",
        "dijkmond",
        "s-molenwaard",
        "waldterp",
    ]


@pytest.mark.parametrize("municipality", FIXTURE_MUNICIPALITIES, ids=lambda p: p.stem)
def test_each_fixture_municipality_validates_alone(run: Invoke, municipality: Path) -> None:
    result = run("controleer", municipality)
    assert result.exit_code == 0, result.output
    assert " 0 fouten" in result.stdout


def test_all_fixture_files_at_once(run: Invoke) -> None:
    result = run("controleer", FIXTURE_REGION / "regio.yaml", *FIXTURE_MUNICIPALITIES)
    assert result.exit_code == 0, result.output
    assert "Geldig: 5 bestanden gecontroleerd, 0 fouten" in result.stdout


def test_example_region_in_profiles_validates(run: Invoke) -> None:
    region = EXAMPLE_REGION / "regio.yaml"
    result = run("controleer", region)
    assert result.exit_code == 0, result.output
    municipalities = sorted((EXAMPLE_REGION / "gemeenten").glob("*.yaml"))
    assert len(municipalities) == 3
    for municipality in municipalities:
        assert run("controleer", municipality).exit_code == 0
        # Fictional on purpose: every example file says so, and no local number can be dialled.
        text = municipality.read_text(encoding="utf-8")
        assert "VERZONNEN" in text
    assert "VERZONNEN" in region.read_text(encoding="utf-8")


def test_the_unassigned_area_code_warns_in_the_fixture_region(run: Invoke) -> None:
    result = run("controleer", FIXTURE_REGION / "gemeenten" / "waldterp.yaml")
    assert result.exit_code == 0
    assert "waarschuwing: partners.0.telefoon: '0123-780900' heeft een onbekend netnummer" in result.output


# --- --strict and --json -----------------------------------------------------------------


def test_strict_turns_warnings_into_failure(run: Invoke) -> None:
    waldterp = FIXTURE_REGION / "gemeenten" / "waldterp.yaml"
    assert run("controleer", waldterp).exit_code == 0
    result = run("controleer", "--streng", waldterp)
    assert result.exit_code == 1
    assert "Niet geldig: 0 fouten, " in result.output


def test_strict_passes_a_profile_without_warnings(run: Invoke, write: WriteFile) -> None:
    # Adopted as it should be (see tests/conftest.py), the base profile has nothing to warn about.
    result = run("controleer", "--streng", write(BASE_PROFILE))
    assert result.exit_code == 0, result.output
    assert "0 fouten, 0 waarschuwingen" in result.stdout


def test_json_lists_every_problem(run: Invoke, write: WriteFile) -> None:
    text = edit(BASE_PROFILE, "formaat: creditcard", "formaat: visitekaartje")
    text = edit(text, 'telefoon: "020-1234568"', 'telefoon: "0123-780789"')
    target = write(text)
    result = run("controleer", "--json", target)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["geldig"] is False
    by_path = {p["veld"]: p for p in report["problemen"]}
    assert set(by_path) == {"kaarten.formaat", "partners.0.telefoon"}
    bad = by_path["kaarten.formaat"]
    assert bad["ernst"] == "fout"
    assert bad["bestand"] == str(target)
    assert bad["regel"] == line_of(text, "visitekaartje")
    assert bad["kolom"] == 12
    assert "kies uit: creditcard, a6" in bad["melding"]
    assert by_path["partners.0.telefoon"]["ernst"] == "waarschuwing"


def test_json_for_a_valid_file(run: Invoke) -> None:
    result = run("controleer", "--json", FIXTURE_REGION / "regio.yaml")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["geldig"] is True
    assert report["problemen"], "the fixture region's 0123 numbers give warnings"
    assert {p["ernst"] for p in report["problemen"]} == {"waarschuwing"}


def test_json_with_strict(run: Invoke) -> None:
    result = run("controleer", "--json", "--streng", FIXTURE_REGION / "regio.yaml")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["geldig"] is False


def test_json_for_an_unreadable_file(run: Invoke, tmp_path: Path) -> None:
    result = run("controleer", "--json", tmp_path / "nergens.yaml")
    assert result.exit_code == 1
    (problem,) = json.loads(result.stdout)["problemen"]
    assert "bestand niet gevonden" in problem["melding"]


# --- usage errors -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["controleer"], id="geen-pad"),
        pytest.param(["controleer", "--stikt", "x.yaml"], id="onbekende-optie"),
        pytest.param(["valideer", "x.yaml"], id="onbekend-commando"),
    ],
)
def test_usage_errors_exit_2(run: Invoke, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output


# --- never a traceback ------------------------------------------------------------------


NEVER_A_TRACEBACK = [
    pytest.param(b"", 1, "bestand is leeg", id="leeg-bestand"),
    pytest.param(b"\x00\x01\x02\xff\xfe binair", 1, "geen tekstbestand", id="binair"),
    pytest.param(
        "soort: gemeente\nnaam: Wâldterp\n".encode("latin-1"), 2, "geen geldige UTF-8", id="geen-utf8"
    ),
    pytest.param("soort: gemeente\nnaam: Wâldterp\n".encode("utf-16"), 1, "geen tekstbestand", id="utf16"),
    pytest.param(
        b"soort: gemeente\nnaam: [Testdam\nwebsite: x\n",
        3,
        "YAML-fout: lijst tussen [ en ] is niet goed afgesloten",
        id="yaml-syntax",
    ),
    pytest.param(b"soort: gemeente\nnaam: 'Testdam\n", 3, "YAML-fout", id="open-aanhalingsteken"),
    pytest.param(b"soort: gemeente\nnaam: Test: dam\n", 2, "YAML-fout: onverwachte ':'", id="dubbele-punt"),
    pytest.param(b"- soort: gemeente\n- naam: Testdam\n", 1, "het bestand bevat een lijst", id="lijst"),
    pytest.param(b"Testdam\n", 1, "het bestand bevat een losse waarde", id="losse-waarde"),
    pytest.param(b"42\n", 1, "het bestand bevat een losse waarde", id="getal"),
    pytest.param(
        b'a: &a ["x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\n'
        b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c]\n",
        1,
        "anker '&a' wordt niet ondersteund",
        id="alias-bom",
    ),
    pytest.param(
        b"soort: gemeente\nnaam: A\nnaam: B\n", 3, "veld 'naam' staat er twee keer", id="dubbele-sleutel"
    ),
    pytest.param(b"soort: gemeente\ndocument:\n\tversie: '1'\n", 3, "tab gebruikt", id="tab"),
    pytest.param(
        b"soort: gemeente\n---\nsoort: regio\n",
        2,
        "meer dan één YAML-document",
        id="twee-documenten",
    ),
    pytest.param(b"soort: gemeente\nnaam: \x1bTestdam\n", 2, "stuurteken", id="stuurteken"),
    pytest.param(b"soort: rijk\n", 1, "'rijk' is geen geldige soort", id="verkeerde-soort"),
    pytest.param(b"naam: Testdam\n", 1, "veld 'soort' ontbreekt", id="zonder-soort"),
    pytest.param(b"soort: gemeente\n", 1, "verplicht veld 'document' ontbreekt", id="alleen-soort"),
    pytest.param(b"soort: regio\nnaam: R\n", 1, "verplicht veld 'veilig_thuis' ontbreekt", id="kale-regio"),
    pytest.param(
        b"soort: gemeente\nnaam: !!python/object/apply:os.system [echo gevaarlijk]\n",
        2,
        "naam: moet tekst zijn, maar is een lijst",
        id="python-tag",
    ),
    pytest.param(
        b"soort: gemeente\n" + b"a: " + b"[" * 500 + b"]" * 500 + b"\n", 2, "te diep genest", id="diep"
    ),
]


@pytest.mark.parametrize(("content", "line", "fragment"), NEVER_A_TRACEBACK)
def test_never_a_traceback(run: Invoke, write: WriteFile, content: bytes, line: int, fragment: str) -> None:
    target = write(content)
    result = run("controleer", target)
    assert result.exit_code == 1, result.output
    assert any(ln.startswith(f"{target}:{line}:") and fragment in ln for ln in result.output.splitlines()), (
        result.output
    )
    assert "Niet geldig:" in result.output


def test_a_directory(run: Invoke, tmp_path: Path) -> None:
    result = run("controleer", tmp_path)
    assert result.exit_code == 1
    assert f"{tmp_path}:1:1: dit is een map, geen bestand" in result.output


def test_a_missing_file(run: Invoke, tmp_path: Path) -> None:
    result = run("controleer", tmp_path / "nergens.yaml")
    assert result.exit_code == 1
    assert "nergens.yaml:1:1: bestand niet gevonden; controleer het pad" in result.output


def test_a_50_mb_file(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "groot.yaml"
    with target.open("wb") as handle:
        chunk = b"naam: " + b"x" * 1017 + b"\n"
        for _ in range(50 * 1024):
            handle.write(chunk)
    assert target.stat().st_size == 50 * 1024 * 1024
    result = run("controleer", target)
    assert result.exit_code == 1
    assert f"{target}:1:1: bestand is te groot (51200 kB)" in result.output


def test_a_region_listing_broken_files(run: Invoke, write: WriteFile) -> None:
    head = (
        "schema_versie: 1\nsoort: regio\nnaam: Testland\nveilig_thuis:\n  naam: Veilig Thuis Testland\n"
        "  gecontroleerd_op: 2026-11-01\n"
    )
    region = write(head + "gemeenten: [leeg.yaml, binair.yaml]\n", "regio.yaml")
    write(b"", "leeg.yaml")
    write(b"\x00\x01", "binair.yaml")
    result = run("controleer", region)
    assert result.exit_code == 1
    assert f"{region.parent / 'leeg.yaml'}:1:1: bestand is leeg" in result.output
    assert f"{region.parent / 'binair.yaml'}:1:1: dit is geen tekstbestand" in result.output
    assert "Niet geldig: 2 fouten" in result.output

    (region.parent / "map").mkdir()
    region = write(head + "gemeenten:\n  - map\n", "regio.yaml")
    result = run("controleer", region)
    assert result.exit_code == 1
    assert f"{region}:8:5: gemeenten.0: gemeenteprofiel 'map' niet gevonden" in result.output


def test_errors_in_several_files_are_all_reported(run: Invoke, write: WriteFile) -> None:
    first = write(edit(BASE_PROFILE, "regie: gemeente", "regie: burgemeester"), "een.yaml")
    second = write(b"", "twee.yaml")
    result = run("controleer", first, second, FIXTURE_REGION / "gemeenten" / "dijkmond.yaml")
    assert result.exit_code == 1
    assert f"{first}:{line_of(BASE_PROFILE, 'regie: gemeente')}:10: ketenaanpak.regie:" in result.output
    assert f"{second}:1:1: bestand is leeg" in result.output
    assert "Niet geldig: 2 fouten" in result.output
