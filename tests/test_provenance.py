"""National content provenance: official sources only, honest check dates, and `assembler check-content`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from assembler.errors import ContentError
from assembler.national import (
    CONTENT_FILES,
    STALE_AFTER,
    checks_off_own_domain,
    contact_status,
    load_content,
    national_content,
    on_domain,
    report_lines,
    sources_off_own_domain,
    unofficial_sources,
)
from assembler.resources import content_dir
from tests.conftest import Invoke

SECONDARY = (
    "5dok",
    "docplayer",
    "studylib",
    "wordpress",
    "advocaten",
    "lawfirm",
    "nrc.nl",
    "nos.nl",
    "bd.nl",
)


def test_every_printed_source_is_on_an_official_domain() -> None:
    assert unofficial_sources(national_content()) == ()


def test_a_source_off_the_list_is_caught() -> None:
    content = national_content()
    bad = dataclasses.replace(content.bronnen[0], url="https://5dok.net/article/meldcode")
    changed = dataclasses.replace(content, bronnen=(bad, *content.bronnen[1:]))
    assert unofficial_sources(changed) == ("https://5dok.net/article/meldcode",)


def test_no_secondary_site_is_left_among_the_sources() -> None:
    content = national_content()
    urls = [s.url for s in content.bronnen] + [o.bron for o in content.organisaties]
    assert not [u for u in urls if any(s in u for s in SECONDARY)]


def test_every_check_date_has_a_source_on_the_organisations_own_domain() -> None:
    content = national_content()
    assert checks_off_own_domain(content) == ()
    for org in content.organisaties:
        if org.gecontroleerd_op:
            assert org.eigen_domeinen and on_domain(org.bron, org.eigen_domeinen), org.id


def test_every_contact_source_is_a_page_of_the_organisation_itself() -> None:
    # Another body's page, however official, does not confirm an organisation's number.
    content = national_content()
    assert sources_off_own_domain(content) == ()
    for org in content.organisaties:
        assert org.eigen_domeinen and on_domain(org.bron, org.eigen_domeinen), (org.id, org.bron)


def test_a_contact_sourced_to_another_organisations_page_fails_the_check() -> None:
    content = national_content()
    moved = dataclasses.replace(
        content.organisation("slachtofferhulp"), bron="https://www.politie.nl/themas/slachtofferhulp.html"
    )
    changed = dataclasses.replace(
        content, organisaties=tuple(moved if o.id == moved.id else o for o in content.organisaties)
    )
    assert sources_off_own_domain(changed) == ("slachtofferhulp",)
    assert unofficial_sources(changed) == ()  # politie.nl is official: only the own-domain check catches it
    assert contact_status(moved, dt.date.today()) == "ongeldig"
    report = "\n".join(report_lines(changed, dt.date.today()))
    assert "bron staat niet op een eigen domein van de organisatie" in report
    assert "(1 met een bron buiten de eigen domeinen)" in report


def test_a_comparison_with_a_stored_copy_is_no_check() -> None:
    # A check date means someone compared the number with the live page (DOMAIN.md).
    for org in national_content().organisaties:
        if org.controle and "kopie" in org.controle:
            assert org.gecontroleerd_op is None, org.id
    for org_id in ("veilig-thuis", "politie"):
        assert national_content().organisation(org_id).gecontroleerd_op is None


def test_sources_carry_no_check_date_given_in_bulk() -> None:
    # The day the file was written is not a check: no date stamped on every source at once.
    dates = Counter(s.geraadpleegd for s in national_content().bronnen if s.geraadpleegd)
    assert all(count <= 3 for count in dates.values()), dates


def test_a_check_date_with_a_source_elsewhere_is_caught() -> None:
    content = national_content()
    vt = content.organisation("veilig-thuis")
    moved = dataclasses.replace(
        vt,
        bron="https://www.augeo.nl/nl-nl/themas/meldcode/veilig-thuis/",
        gecontroleerd_op=dt.date(2026, 1, 5),
    )
    changed = dataclasses.replace(content, organisaties=(moved, *content.organisaties[1:]))
    assert checks_off_own_domain(changed) == ("veilig-thuis",)
    assert contact_status(moved, dt.date.today()) == "ongeldig"


def test_unchecked_and_stale_contacts_are_flagged() -> None:
    vt = dataclasses.replace(
        national_content().organisation("veilig-thuis"), gecontroleerd_op=dt.date(2026, 1, 5)
    )
    assert contact_status(vt, vt.gecontroleerd_op) == "gecontroleerd"
    assert contact_status(vt, vt.gecontroleerd_op + STALE_AFTER + dt.timedelta(days=1)) == "verouderd"
    assert (
        contact_status(dataclasses.replace(vt, gecontroleerd_op=None), dt.date.today())
        == "niet_gecontroleerd"
    )


def test_check_content_lists_version_contacts_sources_and_flags(run: Invoke) -> None:
    content = national_content()
    result = run("check-content")
    assert result.exit_code == 0, result.output
    out = result.output
    assert f"versie {content.info.versie}" in out
    for org in content.organisaties:
        assert f"- {org.naam}:" in out and org.bron in out
    unchecked = sum(1 for o in content.organisaties if o.gecontroleerd_op is None)
    assert out.count("niet gecontroleerd op de eigen pagina") == unchecked > 0
    # Veilig Thuis and the police were only compared with stored copies: listed as unchecked.
    for name in ("- Veilig Thuis: 0800-2000", "- Politie: 112 en 0900-8844"):
        block = out[out.index(name) :].split("\n- ")[0]
        assert "niet gecontroleerd op de eigen pagina" in block and "opgeslagen kopie" in block
        assert not re.search(r"gecontroleerd op \d", block)


def test_report_flags_a_stale_check_a_year_on() -> None:
    content = national_content()
    checked = dataclasses.replace(content.organisaties[0], gecontroleerd_op=dt.date(2026, 1, 5))
    changed = dataclasses.replace(content, organisaties=(checked, *content.organisaties[1:]))
    later = dt.date(2026, 1, 5) + dt.timedelta(days=400)
    assert any("ouder dan 12 maanden" in line for line in report_lines(changed, later))


def test_lkha_is_reachable_without_a_phone_number() -> None:
    lkha = national_content().organisation("lkha")
    assert lkha.telefoon is None  # its number is unconfirmed
    assert lkha.contactlijst and lkha.telefoon_toelichting
    assert "huwelijksdwangenachterlating.nl" in lkha.telefoon_toelichting
    # Veilig Thuis can bring the LKHA in; 0800-2000 does not reach the LKHA itself.
    assert "Veilig Thuis kan het LKHA inschakelen" in lkha.telefoon_toelichting
    assert "0800-2000" not in lkha.telefoon_toelichting


def test_a_number_only_seen_on_another_bodys_page_is_not_printed() -> None:
    content = national_content()
    for org_id, site in (
        ("buitenlandse-zaken", "nederlandwereldwijd.nl"),
        # Seen on its own domain only on an overview of press items, not on a contact page.
        ("centrum-seksueel-geweld", "centrumseksueelgeweld.nl"),
        ("sterk-huis", "sterkhuis.nl"),
    ):
        org = content.organisation(org_id)
        assert org.telefoon is None, org_id
        assert org.contactlijst or org.website
        assert site in (org.telefoon_toelichting or "")


def test_a_number_on_the_organisations_own_page_is_printed_with_that_page() -> None:
    # Slachtofferhulp gives 0900-0101, option 3, on its own page for referring professionals.
    helpers = national_content().organisation("slachtofferhulp")
    assert str(helpers.telefoon) == "0900-0101" and "keuze 3" in (helpers.telefoon_toelichting or "")
    assert helpers.bron.startswith("https://www.slachtofferhulp.nl/professionals/")
    fier = national_content().organisation("fier")
    assert str(fier.telefoon) == "088-20 80 000" and fier.bron == "https://www.fier.nl/opvang/zahir"
    for org in (helpers, fier):
        assert org.gecontroleerd_op is None  # a stored copy is no live check


def test_check_content_lists_the_restored_contacts_with_their_sources(run: Invoke) -> None:
    out = run("check-content").output
    for name, number, source in (
        ("Fier", "088-20 80 000", "https://www.fier.nl/opvang/zahir"),
        ("Sterk Huis", "geen telefoonnummer opgenomen", "https://www.sterkhuis.nl/eva-en-zahir/"),
        (
            "Slachtofferhulp Nederland",
            "0900-0101",
            "https://www.slachtofferhulp.nl/professionals/een-slachtoffer-doorverwijzen/"
            "doorverwijzen-naar-slachtofferhulp/",
        ),
    ):
        block = out[out.index(f"- {name}: {number}") :].split("\n- ")[0]
        assert f"bron: {source}" in block
        assert "niet gecontroleerd op de eigen pagina" in block


def test_the_changelog_has_the_current_version_first_and_refuses_an_incomplete_entry(tmp_path: Path) -> None:
    info = national_content().info
    assert info.wijzigingen[0].versie == info.versie == "2026.5"
    assert [c.versie for c in info.wijzigingen][:2] == ["2026.5", "2026.4"]
    assert all(c.samenvatting and c.hoofdstukken for c in info.wijzigingen)
    assert "Wat regelt de gemeente" in info.wijzigingen[0].hoofdstukken
    for field in ("versie", "datum", "samenvatting"):
        folder = tmp_path / field
        shutil.copytree(content_dir(), folder)
        yaml = YAML()
        raw = yaml.load((folder / "inhoud.yaml").read_text(encoding="utf-8"))
        del raw["wijzigingen"][1][field]
        with (folder / "inhoud.yaml").open("w", encoding="utf-8") as out:
            yaml.dump(raw, out)
        with pytest.raises(ContentError, match=f"wijziging 2 mist {field}"):
            load_content(folder)


def test_most_contacts_say_they_are_unchecked() -> None:
    # A check date means a check: contacts never compared with their own page carry none.
    dates = [o.gecontroleerd_op for o in national_content().organisaties]
    assert dates.count(None) > len(dates) // 2


def test_a_law_without_an_official_source_is_refused(tmp_path: Path) -> None:
    content = tmp_path / "inhoud"
    shutil.copytree(content_dir(), content)
    yaml = YAML()
    laws = yaml.load((content / "wetten.yaml").read_text(encoding="utf-8"))
    laws[0]["bronnen"] = []
    with (content / "wetten.yaml").open("w", encoding="utf-8") as out:
        yaml.dump(laws, out)
    with pytest.raises(ContentError, match=f"wet {laws[0]['id']} heeft geen bron"):
        load_content(content)


def test_every_law_rests_on_a_page_of_the_official_law_or_its_owner() -> None:
    content = national_content()
    sources = {s.id: s for s in content.bronnen}
    for law in content.wetten:
        assert law.bronnen, law.id
        assert all(sources[b].url.startswith("https://") for b in law.bronnen)


# Phone-number-like text: 0800-2000, 088-9648550, 070-345 43 19, +31 247 247 247, 112.
PHONE_LIKE = re.compile(r"\+\d[\d ()-]{6,}\d|\b0\d{1,3}[- ]?\d{3,}(?:[ -]\d+)*|\b112\b")
# The fields where a national number is written down: the one place for it.
NUMBER_FIELDS = re.compile(r"^\s*(telefoon|telefoon_zonder_spoed):")


def test_no_phone_number_is_typed_into_a_content_text() -> None:
    # A number in free text would not follow a change in organisaties.yaml: texts use {nummer_...}.
    found = []
    for name in CONTENT_FILES:
        for n, line in enumerate((content_dir() / name).read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("#") or NUMBER_FIELDS.match(line) or "://" in line:
                continue
            found += [f"{name}:{n}: {m.group(0)}" for m in PHONE_LIKE.finditer(line)]
    assert found == []


def test_the_phone_pattern_finds_the_numbers_it_guards_against() -> None:
    for text in (
        "bel 0800-2000",
        "LEC EGG (088-9648550)",
        "0900-8844",
        "Bel 112.",
        "+31 247 247 247",
        "070-345 43 19",
    ):
        assert PHONE_LIKE.search(text), text
    for text in ("sinds 1 juli 2013", "ongeveer 1.500 meldingen", "artikel 5.2.6", "Stb. 2013, 324", "4.200"):
        assert not PHONE_LIKE.search(text), text


def _copy_with(tmp_path: Path, name: str, old: str, new: str) -> Path:
    folder = tmp_path / "inhoud"
    shutil.copytree(content_dir(), folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_a_changed_number_in_organisaties_reaches_every_text(tmp_path: Path) -> None:
    content = load_content(
        _copy_with(tmp_path, "organisaties.yaml", 'telefoon: "0800-2000"', 'telefoon: "0800-9999"')
    )
    everything = " ".join(
        [
            *(p.kaart.acuut for p in content.praktijken.values()),
            *(t for p in content.praktijken.values() for t in (*p.acuut, *p.meldcode)),
            *(t.uitleg for t in content.begrippen),
            content.teksten["organisaties_inleiding"]["regionaal"],
        ]
    )
    assert "0800-2000" not in everything
    assert everything.count("0800-9999") >= 8


def test_an_unknown_number_placeholder_is_refused(tmp_path: Path) -> None:
    folder = _copy_with(
        tmp_path, "kaarten.yaml", "Direct gevaar? Bel {nummer_politie}", "Bel {nummer_onbekend}"
    )
    with pytest.raises(ContentError, match=r"onbekend nummer \{nummer_onbekend\}"):
        load_content(folder)
