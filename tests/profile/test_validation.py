"""Bad profiles give one Dutch message each, with file, line, field path and a fix; plus merge and values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from assembler.profile.loader import load_document
from assembler.profile.merge import LOCAL, REGIONAL, deep_merge, merge_partners, resolve
from assembler.profile.reading import check_paths, load_profile
from assembler.profile.validation import validate_document
from assembler.profile.values import check_color, check_email, check_url
from tests.conftest import (
    ADOPTED,
    BASE_PROFILE,
    BASE_REGION,
    CHECKED,
    Invoke,
    WriteFile,
    edit,
    line_of,
)

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000185d114090000000049454e44ae426082"
)

NAAM_WEBSITE = "naam: Testdam\nwebsite:"


def case(
    name: str,
    changes: list[tuple[str, str]],
    path: str,
    needle: str | tuple[str, int],
    fragment: str,
    files: dict[str, bytes] | None = None,
) -> Any:
    """One bad profile: the edits to the base, the field path, the text on the reported line
    (or the text and which occurrence), a piece of the message, and files to put beside it."""
    return pytest.param(changes, path, needle, fragment, files or {}, id=name)


BAD_PROFILES = [
    case(
        "onbekend-veld",
        [(NAAM_WEBSITE, "naam: Testdam\nwebsit:")],
        "websit",
        "websit:",
        "onbekend veld 'websit'; bedoelde u 'website'?",
    ),
    case(
        "onbekend-veld-in-partner",
        [('    telefoon: "020-1234568"', '    telefon: "020-1234568"')],
        "partners.0.telefon",
        "telefon:",
        "bedoelde u 'telefoon'?",
    ),
    case(
        "onbekende-praktijk",
        [("  huwelijksdwang:\n", "  huwelijkdwang:\n")],
        "praktijken.huwelijkdwang",
        "huwelijkdwang:",
        "bedoelde u 'huwelijksdwang'?",
    ),
    case(
        "onbekend-veld-aandachtsfunctionaris",
        [
            (
                "  website: https://www.veiligthuistestland.test\n",
                "  website: https://www.veiligthuistestland.test\n"
                "  aandachtsfunctionaris_vgv:\n    naam: R. Abdi\n    telefon: '0800-2000'\n",
            )
        ],
        "veilig_thuis.aandachtsfunctionaris_vgv.telefon",
        "telefon:",
        "bedoelde u 'telefoon'?",
    ),
    case(
        "kaartformaat",
        [("formaat: creditcard", "formaat: visitekaartje")],
        "kaarten.formaat",
        "visitekaartje",
        "'visitekaartje' is geen geldige keuze; kies uit: creditcard, a6",
    ),
    case(
        "prioriteit",
        [("prioriteit: gemiddeld", "prioriteit: urgent")],
        "praktijken.huwelijksdwang.prioriteit",
        "urgent",
        "kies uit: hoog, gemiddeld, laag",
    ),
    case(
        "regie",
        [("regie: gemeente", "regie: burgemeester")],
        "ketenaanpak.regie",
        "burgemeester",
        "kies uit: gemeente, veilig_thuis, zorg_en_veiligheidshuis",
    ),
    case(
        "partnertype",
        [("type: politie", "type: agenten")],
        "partners.1.type",
        "agenten",
        "kies uit: politie, jeugdgezondheidszorg,",
    ),
    case(
        "praktijk-van-partner",
        [("    praktijken: [alle]\n    stappen: [prev", "    praktijken: [besnijdenis]\n    stappen: [prev")],
        "partners.1.praktijken.0",
        "besnijdenis",
        "kies uit: vrouwelijke_genitale_verminking, huwelijksdwang, gedwongen_achterlating, "
        "eergerelateerd_geweld, alle",
    ),
    case(
        "stap-van-partner",
        [("stappen: [preventie_veiligheid_hulp]", "stappen: [preventie]")],
        "partners.1.stappen.0",
        "stappen: [preventie]",
        "bedoelde u 'preventie_veiligheid_hulp'?",
    ),
    case(
        "doelgroep",
        [("doelgroepen: [onderwijs, huisartsen]", "doelgroepen: [onderwijs, leraren]")],
        "kaarten.doelgroepen.1",
        "leraren",
        "kies uit: onderwijs, huisartsen, jeugdgezondheidszorg",
    ),
    case(
        "schemaversie",
        [("schema_versie: 1", "schema_versie: 2")],
        "schema_versie",
        "schema_versie",
        "kies uit: 1",
    ),
    case(
        "soort",
        [("soort: gemeente", "soort: gemeent")],
        "soort",
        "soort:",
        "bedoelde u 'gemeente'?",
    ),
    case(
        "naam-ontbreekt",
        [("naam: Testdam\n", "")],
        "naam",
        "schema_versie: 1",
        "verplicht veld 'naam' ontbreekt",
    ),
    case(
        "eigenaar-zonder-naam",
        [("    naam: Fenna Bakker\n", "")],
        "document.eigenaar.naam",
        "  eigenaar:",
        "verplicht veld 'naam' ontbreekt",
    ),
    case(
        "vastgesteld-zonder-datum",
        [(f"  vastgesteld_op: {ADOPTED}\n", "  status: vastgesteld\n")],
        "document.status",
        "status: vastgesteld",
        "status 'vastgesteld' vraagt om document.vastgesteld_op",
    ),
    case(
        "partner-zonder-naam",
        [("    naam: Politie Testdam\n", "")],
        "partners.1.naam",
        "- id: politie-testdam",
        "verplicht veld 'naam' ontbreekt",
    ),
    case(
        "onmogelijke-datum",
        [(f"vastgesteld_op: {ADOPTED}", "vastgesteld_op: 2026-02-30")],
        "document.vastgesteld_op",
        "2026-02-30",
        "'2026-02-30' is geen bestaande datum; schrijf JJJJ-MM-DD",
    ),
    case(
        "datum-omgekeerd",
        [(f"vastgesteld_op: {ADOPTED}", "vastgesteld_op: 15-10-2026")],
        "document.vastgesteld_op",
        "15-10-2026",
        "geen bestaande datum",
    ),
    case(
        "controledatum-onmogelijk",
        [
            (
                "  gecontroleerd_op: " + CHECKED + "\n  akkoord:",
                "  gecontroleerd_op: 2026-13-01\n  akkoord:",
            )
        ],
        "veilig_thuis.gecontroleerd_op",
        "2026-13-01",
        "geen bestaande datum",
    ),
    case(
        "herzien-voor-vastgesteld",
        [("herzien_voor: 2027-10-15", "herzien_voor: 2025-10-15")],
        "document.herzien_voor",
        "herzien_voor",
        f"2025-10-15 ligt niet na vastgesteld_op ({ADOPTED})",
    ),
    case(
        "telefoon-tekst",
        [('telefoon: "020-1234568"', "telefoon: bel de receptie")],
        "partners.0.telefoon",
        "bel de receptie",
        "'bel de receptie' is geen telefoonnummer; schrijf het zoals 0123-456789",
    ),
    case(
        "telefoon-te-kort",
        [('telefoon: "020-1234568"', 'telefoon: "020-12345"')],
        "partners.0.telefoon",
        '"020-12345"',
        "te weinig cijfers voor een Nederlands nummer",
    ),
    case(
        "veilig-thuis-nummer-te-kort",
        [('telefoon: "0800-2000"', 'telefoon: "0800-20"')],
        "veilig_thuis.telefoon",
        "0800-20",
        "te weinig cijfers",
    ),
    case(
        "spoednummer",
        [('spoed: "112"', 'spoed: "911"')],
        "partners.1.spoed",
        "911",
        "te weinig cijfers voor een telefoonnummer",
    ),
    case(
        "email",
        [("email: wijkteam@testdam.test", "email: wijkteam@")],
        "partners.0.email",
        "wijkteam@",
        "geen geldig e-mailadres; schrijf het als naam@organisatie.nl",
    ),
    case(
        "email-eigenaar",
        [("email: f.bakker@testdam.test", "email: f.bakker bij testdam")],
        "document.eigenaar.email",
        "f.bakker bij testdam",
        "geen geldig e-mailadres",
    ),
    case(
        "website-ftp",
        [
            (
                NAAM_WEBSITE + " https://www.testdam.test/schadelijke-praktijken",
                NAAM_WEBSITE + " ftp://testdam.test",
            )
        ],
        "website",
        "ftp://",
        "is geen webadres; begin met https://",
    ),
    case(
        "qr-zonder-https",
        [("qr: https://www.testdam.test/qr", "qr: www.testdam.test/qr")],
        "kaarten.qr",
        "qr:",
        "begin met https://",
    ),
    case(
        "qr-javascript",
        [("qr: https://www.testdam.test/qr", "qr: 'javascript:alert(1)'")],
        "kaarten.qr",
        "javascript",
        "begin met https://",
    ),
    case(
        "kleur",
        [('hoofdkleur: "#1F5C99"', "hoofdkleur: blauw")],
        "huisstijl.hoofdkleur",
        "blauw",
        "geen kleurcode; schrijf een hexadecimale kleur zoals #1F5C99",
    ),
    case(
        "id-met-hoofdletters",
        [("  - id: politie-testdam", "  - id: Politie Testdam")],
        "partners.1.id",
        "- id: Politie Testdam",
        "geen geldig id; gebruik kleine letters, cijfers en streepjes",
    ),
    case(
        "dubbel-id",
        [
            ("  - id: politie-testdam", "  - id: wijkteam-testdam"),
            ("    partners: [politie-testdam]", "    partners: [wijkteam-testdam]"),
        ],
        "partners.1.id",
        ("  - id: wijkteam-testdam", 2),
        "id 'wijkteam-testdam' wordt al gebruikt door een andere partner "
        f"(regel {line_of(BASE_PROFILE, '  - id: wijkteam-testdam')})",
    ),
    case(
        "onbekende-coordinator",
        [("coordinator: wijkteam-testdam", "coordinator: wijkteam-elders")],
        "ketenaanpak.coordinator",
        "wijkteam-elders",
        "partner 'wijkteam-elders' bestaat niet; bekende partners: politie-testdam, wijkteam-testdam",
    ),
    case(
        "onbekende-partner-in-ketenstap",
        [("    partners: [politie-testdam]", "    partners: [politie-elders]")],
        "ketenaanpak.preventie_veiligheid_hulp.partners.0",
        "politie-elders",
        "partner 'politie-elders' bestaat niet",
    ),
    case(
        "dubbele-partner-in-ketenstap",
        [("    partners: [politie-testdam]", "    partners: [politie-testdam, politie-testdam]")],
        "ketenaanpak.preventie_veiligheid_hulp.partners",
        "politie-testdam, politie-testdam",
        "'politie-testdam' staat twee keer in de lijst",
    ),
    case(
        "logo-ontbreekt",
        [("naam: Testdam\n", "naam: Testdam\nlogo: logo.png\n")],
        "logo",
        "logo:",
        "logo 'logo.png' niet gevonden",
    ),
    case(
        "logo-is-tekst",
        [("naam: Testdam\n", "naam: Testdam\nlogo: logo.png\n")],
        "logo",
        "logo:",
        "logo is geen PNG- of JPEG-afbeelding (gekeken naar de inhoud, niet de naam)",
        files={"logo.png": b"Dit is geen plaatje maar tekst.\n"},
    ),
    case(
        "logo-kapot",
        [("naam: Testdam\n", "naam: Testdam\nlogo: logo.png\n")],
        "logo",
        "logo:",
        "logo is beschadigd",
        files={"logo.png": PNG_1PX[:30]},
    ),
    case(
        "regio-ontbreekt",
        [("naam: Testdam\n", "naam: Testdam\nregio: ../regio.yaml\n")],
        "regio",
        "regio:",
        "regiobestand '../regio.yaml' niet gevonden",
    ),
    case(
        "sjabloon-ontbreekt",
        [("naam: Testdam\n", "naam: Testdam\nsjabloon: eigen.docx\n")],
        "sjabloon",
        "sjabloon:",
        "sjabloon 'eigen.docx' niet gevonden",
    ),
    case("naam-leeg", [("naam: Testdam", 'naam: ""')], "naam", 'naam: ""', "is leeg; vul een waarde in"),
    case(
        "naam-te-lang", [("naam: Testdam", "naam: " + "x" * 130)], "naam", "x" * 130, "te lang (130 tekens)"
    ),
    case(
        "versie-leeg",
        [('  versie: "2026.1"\n  landelijke', "  versie: ''\n  landelijke")],
        "document.versie",
        "versie: ''",
        "is leeg",
    ),
    case(
        "groep-als-losse-waarde",
        [
            (
                "kaarten:\n  formaat: creditcard\n  doelgroepen: [onderwijs, huisartsen]\n"
                "  qr: https://www.testdam.test/qr\n",
                "kaarten: creditcard\n",
            )
        ],
        "kaarten",
        "kaarten: creditcard",
        "moet een groep velden",
    ),
    case(
        "ja-nee",
        [("sleutelpersonen: true", "sleutelpersonen: misschien")],
        "ketenaanpak.sleutelpersonen",
        "misschien",
        "moet true of false zijn, maar is 'misschien'",
    ),
    case(
        "geen-praktijken",
        [
            (
                BASE_PROFILE[BASE_PROFILE.index("praktijken:") : BASE_PROFILE.index("veilig_thuis:")],
                "praktijken: {}\n",
            )
        ],
        "praktijken",
        "praktijken: {}",
        "is te kort",
    ),
    case(
        "dubbele-doelgroep",
        [("doelgroepen: [onderwijs, huisartsen]", "doelgroepen: [onderwijs, onderwijs]")],
        "kaarten.doelgroepen",
        "onderwijs, onderwijs",
        "'onderwijs' staat twee keer in de lijst",
    ),
    case(
        "partner-als-losse-waarde",
        [("  - id: politie-testdam", "  - politie\n  - id: politie-testdam")],
        "partners.1",
        "  - politie",
        "moet een groep velden",
    ),
]


@pytest.mark.parametrize(("changes", "path", "needle", "fragment", "files"), BAD_PROFILES)
def test_bad_profile(
    run: Invoke,
    write: WriteFile,
    changes: list[tuple[str, str]],
    path: str,
    needle: str | tuple[str, int],
    fragment: str,
    files: dict[str, bytes],
) -> None:
    text = BASE_PROFILE
    for old, new in changes:
        text = edit(text, old, new)
    target = write(text)
    for name, content in files.items():
        write(content, name)
    result = run("validate", target)
    assert result.exit_code == 1, result.output
    line = line_of(text, *needle) if isinstance(needle, tuple) else line_of(text, needle)
    problem_lines = list(
        ln for ln in result.output.splitlines() if ln.startswith(f"{target}:")
    )
    assert len(problem_lines) == 1, result.output
    assert problem_lines[0].startswith(f"{target}:{line}:"), result.output
    assert f": {path}: " in problem_lines[0], result.output
    assert fragment in problem_lines[0], result.output
    assert "Niet geldig: 1 fout" in result.output


def test_there_are_at_least_thirty_distinct_bad_profiles() -> None:
    texts = set()
    for param in BAD_PROFILES:
        changes = param.values[0]
        text = BASE_PROFILE
        for old, new in changes:
            text = edit(text, old, new)
        texts.add((text, tuple(sorted(param.values[4].items()))))
    assert len(texts) == len(BAD_PROFILES) >= 30


REGION_CASES = [
    pytest.param(
        ("  - gemeenten/testdam.yaml", "  - gemeenten/testdam.yaml\n  - gemeenten/nergens.yaml"),
        "gemeenten.1",
        ("nergens.yaml", 1),
        "gemeenteprofiel 'gemeenten/nergens.yaml' niet gevonden",
        id="gemeente-ontbreekt",
    ),
    pytest.param(
        ("  naam: Veilig Thuis Testland\n", ""),
        "veilig_thuis.naam",
        ("veilig_thuis:", 1),
        "verplicht veld 'naam' ontbreekt",
        id="veilig-thuis-zonder-naam",
    ),
    pytest.param(
        ("gemeenten:\n", "partners:\ngemeenten:\n"),
        "partners",
        ("partners:", 2),
        "veld 'partners' staat er twee keer",
        id="dubbel-veld",
    ),
    pytest.param(
        ("    formaat: a6", "    formaat: a5"),
        "standaard.kaarten.formaat",
        ("a5", 1),
        "kies uit: creditcard, a6",
        id="standaardformaat",
    ),
    pytest.param(
        ("standaard:\n", "standaard:\n  kaartjes: {}\n"),
        "standaard.kaartjes",
        ("kaartjes", 1),
        "bedoelde u 'kaarten'?",
        id="onbekende-standaard",
    ),
    pytest.param(
        (
            "  - id: politie-testland\n",
            "  - id: politie-testland\n    naam: Politie\n    type: politie\n"
            f"    gecontroleerd_op: {CHECKED}\n  - id: politie-testland\n",
        ),
        "partners.1.id",
        ("- id: politie-testland", 2),
        "id 'politie-testland' wordt al gebruikt",
        id="dubbel-regionaal-id",
    ),
]


@pytest.mark.parametrize(("change", "path", "needle", "fragment"), REGION_CASES)
def test_bad_region(
    run: Invoke, write: WriteFile, change: tuple[str, str], path: str, needle: tuple[str, int], fragment: str
) -> None:
    text = edit(BASE_REGION, *change)
    region = write(text, "regio/regio.yaml")
    write(
        edit(BASE_PROFILE, "naam: Testdam\n", "naam: Testdam\nregio: ../regio.yaml\n"),
        "regio/gemeenten/testdam.yaml",
    )
    result = run("validate", region)
    assert result.exit_code == 1, result.output
    lines = [ln for ln in result.output.splitlines() if ln.startswith(f"{region}:")]
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"{region}:{line_of(text, *needle)}:"), result.output
    assert f": {path}: " in lines[0] and fragment in lines[0], result.output


def test_regio_that_is_a_municipality_profile(run: Invoke, write: WriteFile) -> None:
    write(BASE_PROFILE, "ander.yaml")
    target = write(edit(BASE_PROFILE, "naam: Testdam\n", "naam: Testdam\nregio: ander.yaml\n"))
    result = run("validate", target)
    assert result.exit_code == 1
    assert (
        f"{target.parent / 'ander.yaml'}:2:8: soort: dit is een gemeenteprofiel; hier is een bestand met "
        "'soort: regio' nodig" in result.output
    )


def test_three_errors_are_reported_in_one_run(run: Invoke, write: WriteFile) -> None:
    text = BASE_PROFILE
    for old, new in [
        (NAAM_WEBSITE, "naam: Testdam\nwebsit:"),
        ("prioriteit: gemiddeld", "prioriteit: urgent"),
        ("formaat: creditcard", "formaat: visitekaartje"),
    ]:
        text = edit(text, old, new)
    target = write(text)
    result = run("validate", target)
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if ln.startswith(f"{target}:")]
    assert [ln.split(":")[1] for ln in lines] == [
        str(line_of(text, "websit:")),
        str(line_of(text, "urgent")),
        str(line_of(text, "visitekaartje")),
    ]
    assert "Niet geldig: 3 fouten, 0 waarschuwingen." in result.output


def test_cross_checks_report_together(write: WriteFile) -> None:
    text = edit(BASE_PROFILE, "herzien_voor: 2027-10-15", "herzien_voor: 2026-10-15")
    text = edit(text, "coordinator: wijkteam-testdam", "coordinator: niemand")
    text = edit(text, "naam: Testdam\n", "naam: Testdam\nlogo: logo.png\n")
    write(b"GIF89a", "logo.png")
    problems = check_paths([write(text)])
    assert sorted(p.path for p in problems if p.is_error) == [
        "document.herzien_voor",
        "ketenaanpak.coordinator",
        "logo",
    ]


def test_a_real_png_logo_is_accepted(write: WriteFile) -> None:
    write(PNG_1PX, "img/logo.png")
    text = edit(BASE_PROFILE, "naam: Testdam\n", "naam: Testdam\nlogo: img/logo.png\n")
    assert list(check_paths([write(text)])) == []


# --- warnings ---------------------------------------------------------------------


def test_unassigned_area_code_is_a_warning_not_an_error(run: Invoke, write: WriteFile) -> None:
    target = write(edit(BASE_PROFILE, 'telefoon: "020-1234568"', 'telefoon: "0123-456789"'))
    result = run("validate", target)
    assert result.exit_code == 0, result.output
    line = line_of(BASE_PROFILE, '"020-1234568"')
    assert (
        f"{target}:{line}:15: waarschuwing: partners.0.telefoon: '0123-456789' heeft een onbekend netnummer"
        in result.output
    )
    assert "0 fouten, 1 waarschuwing" in result.output


def test_stale_and_missing_check_dates_warn(write: WriteFile) -> None:
    old = (dt.date.today() - dt.timedelta(days=400)).isoformat()
    text = edit(BASE_PROFILE, "  gecontroleerd_op: " + CHECKED + "\n  akkoord:", "  akkoord:")
    text = edit(
        text,
        '    spoed: "112"\n    gecontroleerd_op: ' + CHECKED,
        '    spoed: "112"\n    gecontroleerd_op: ' + old,
    )
    problems = check_paths([write(text)])
    assert all(not p.is_error for p in problems)
    messages = {p.path: p.message for p in problems}
    assert "gecontroleerd_op ontbreekt bij Veilig Thuis" in messages["veilig_thuis"]
    assert "meer dan twaalf maanden geleden" in messages["partners.1.gecontroleerd_op"]


def test_step_and_high_priority_without_local_partner_warn(write: WriteFile) -> None:
    text = edit(BASE_PROFILE, "    partners: [politie-testdam]\n", "")
    text = edit(text, "    stappen: [preventie_veiligheid_hulp]\n", "")
    text = edit(
        text,
        "    praktijken: [alle]\n    stappen: [signaleren_en_melden",
        "    praktijken: [huwelijksdwang]\n    stappen: [signaleren_en_melden",
    )
    text = edit(
        text, "    praktijken: [alle]\n    telefoon", "    praktijken: [huwelijksdwang]\n    telefoon"
    )
    problems = check_paths([write(text)])
    assert all(not p.is_error for p in problems), problems
    by_path = {p.path: p.message for p in problems}
    assert (
        "ketenstap 'preventie_veiligheid_hulp' heeft geen lokale partner"
        in by_path["ketenaanpak.preventie_veiligheid_hulp"]
    )
    assert (
        "'vrouwelijke_genitale_verminking' heeft prioriteit hoog maar geen lokale partner"
        in by_path["praktijken.vrouwelijke_genitale_verminking.prioriteit"]
    )


def test_regional_partners_do_not_count_as_local(write: WriteFile) -> None:
    # The region's police covers every practice, but only for one step and only regionally.
    write(BASE_REGION, "regio/regio.yaml")
    text = edit(BASE_PROFILE, "naam: Testdam\n", "naam: Testdam\nregio: ../regio.yaml\n")
    text = text[: text.index("ketenaanpak:")] + "kaarten:\n  formaat: creditcard\n"
    problems = check_paths([write(text, "regio/gemeenten/testdam.yaml")])
    assert all(not p.is_error for p in problems), problems
    messages = " | ".join(p.message for p in problems)
    for step in ("signaleren_en_melden", "toeleiden_naar_zorg", "preventie_veiligheid_hulp"):
        assert f"ketenstap '{step}' heeft geen lokale partner" in messages
    assert "'vrouwelijke_genitale_verminking' heeft prioriteit hoog maar geen lokale partner" in messages


# --- region inheritance (pure) ----------------------------------------------------------


REGION = {
    "naam": "Testland",
    "veilig_thuis": {"naam": "Veilig Thuis Testland", "telefoon": "0800-2000", "email": "vt@test.example"},
    "partners": [
        {"id": "politie", "naam": "Politie Testland", "telefoon": "0900-8844"},
        {"id": "ggd", "naam": "GGD Testland", "telefoon": "0123-450000"},
    ],
    "standaard": {
        "kaarten": {"formaat": "a6", "doelgroepen": ["onderwijs", "huisartsen"]},
        "ketenaanpak": {"regie": "gemeente", "sleutelpersonen": True},
        "huisstijl": {"hoofdkleur": "#112233"},
    },
}


def test_resolve_merges_partners_by_id_local_replaces_regional() -> None:
    gemeente = {
        "naam": "Testdam",
        "partners": [
            {"id": "ggd", "naam": "GGD Testdam (lokaal team)", "telefoon": "0123-451111"},
            {"id": "wijkteam", "naam": "Wijkteam Testdam"},
        ],
    }
    resolved = resolve(gemeente, REGION)
    assert [p["id"] for p in resolved["partners"]] == ["politie", "ggd", "wijkteam"]
    ggd = resolved["partners"][1]
    assert ggd["naam"] == "GGD Testdam (lokaal team)"
    assert ggd["telefoon"] == "0123-451111"
    assert ggd["herkomst"] == LOCAL
    assert resolved["partners"][0]["herkomst"] == REGIONAL
    assert resolved["partners"][2]["herkomst"] == LOCAL
    assert resolved["regio_naam"] == "Testland"


def test_resolve_takes_standaard_and_own_values_win_field_by_field() -> None:
    gemeente = {
        "naam": "Testdam",
        "kaarten": {"formaat": "creditcard"},
        "ketenaanpak": {"sleutelpersonen": False},
        "veilig_thuis": {"telefoon": "0800-2000", "email": "eigen@test.example"},
    }
    resolved = resolve(gemeente, REGION)
    # Own value wins, the rest of the group still comes from the region.
    assert resolved["kaarten"] == {"formaat": "creditcard", "doelgroepen": ["onderwijs", "huisartsen"]}
    assert resolved["ketenaanpak"] == {"regie": "gemeente", "sleutelpersonen": False}
    assert resolved["huisstijl"] == {"hoofdkleur": "#112233"}
    assert resolved["veilig_thuis"]["naam"] == "Veilig Thuis Testland"
    assert resolved["veilig_thuis"]["email"] == "eigen@test.example"


def test_resolve_is_pure() -> None:
    gemeente = {
        "naam": "Testdam",
        "kaarten": {"formaat": "creditcard"},
        "partners": [{"id": "x", "naam": "X"}],
    }
    before_gemeente = repr(gemeente)
    before_region = repr(REGION)
    first = resolve(gemeente, REGION)
    first["kaarten"]["doelgroepen"].append("politie")
    first["partners"][0]["naam"] = "veranderd"
    assert repr(gemeente) == before_gemeente
    assert repr(REGION) == before_region
    assert resolve(gemeente, REGION) == resolve(gemeente, REGION)


def test_resolve_without_region_marks_partners_local() -> None:
    resolved = resolve({"naam": "Testdam", "partners": [{"id": "a", "naam": "A"}]}, None)
    assert resolved["partners"] == [{"id": "a", "naam": "A", "herkomst": LOCAL}]
    assert "regio_naam" not in resolved


def test_deep_merge_and_merge_partners_edge_cases() -> None:
    assert deep_merge({"a": {"b": 1, "c": 2}}, {"a": {"c": 3}}) == {"a": {"b": 1, "c": 3}}
    assert deep_merge({"a": [1, 2]}, {"a": [3]}) == {"a": [3]}
    assert deep_merge({"a": 1}, None) == {"a": 1}
    assert merge_partners([], []) == []


def test_inheritance_through_files(write: WriteFile) -> None:
    write(BASE_REGION, "regio/regio.yaml")
    text = edit(BASE_PROFILE, "naam: Testdam\n", "naam: Testdam\nregio: ../regio.yaml\n")
    text = edit(text, "kaarten:\n  formaat: creditcard\n", "kaarten:\n")
    text = edit(text, "coordinator: wijkteam-testdam", "coordinator: politie-testland")
    path = write(text, "regio/gemeenten/testdam.yaml")
    profile = load_profile(path)
    assert profile.data["kaarten"]["formaat"] == "a6"
    assert profile.data["regio_naam"] == "Testland"
    assert [p["id"] for p in profile.data["partners"]] == [
        "politie-testland",
        "wijkteam-testdam",
        "politie-testdam",
    ]
    # The municipality's own Veilig Thuis block wins over the region's.
    assert profile.data["veilig_thuis"]["email"] == "info@veiligthuistestland.test"


# --- values --------------------------------------------------------------------------


def test_email_url_colour() -> None:
    assert check_email("a.devries@rivierstad.example") is None
    assert check_email("a.devries@") is not None
    assert check_email("geen adres") is not None
    assert check_url("https://www.rivierstad.example/pad?x=1") is None
    assert check_url("http://rivierstad.example") is None
    for bad in (
        "ftp://rivierstad.example",
        "javascript:alert(1)",
        "www.rivierstad.example",
        "https://localhost",
        "https://a b.example",
    ):
        assert check_url(bad) is not None, bad
    assert check_color("#1F5C99") is None
    assert check_color("#abc") is None
    for bad in ("1F5C99", "#1F5C9", "blauw", "#GGGGGG"):
        assert check_color(bad) is not None, bad


def test_unquoted_phone_number_keeps_its_leading_zero(write: WriteFile) -> None:
    text = edit(BASE_PROFILE, 'telefoon: "020-1234568"', "telefoon: 0201234568")
    profile = load_profile(write(text))
    number = profile.data["partners"][0]["telefoon"]
    assert number.written == "0201234568" and str(number) == "020-1234568"


def test_validate_document_normalises_dates_and_numbers(write: WriteFile) -> None:
    text = edit(BASE_PROFILE, '  versie: "2026.1"\n  landelijke', "  versie: 3\n  landelijke")
    text = edit(text, f"vastgesteld_op: {ADOPTED}", f"vastgesteld_op: '{ADOPTED}'")
    data, problems = validate_document(load_document(write(text)))
    assert problems == []
    assert data["document"]["versie"] == "3"
    assert data["document"]["vastgesteld_op"] == dt.date.fromisoformat(ADOPTED)


def test_a_municipality_without_region_stands_alone(tmp_path: Path, write: WriteFile) -> None:
    profile = load_profile(write(BASE_PROFILE))
    assert profile.region is None
    assert profile.warnings == ()
    assert profile.data["veilig_thuis"]["naam"] == "Veilig Thuis Testland"
