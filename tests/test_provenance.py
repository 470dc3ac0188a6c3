"""National content provenance: official sources only, honest check dates, and `assembler check-content`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from assembler.errors import ContentError
from assembler.national import (
    STALE_AFTER,
    checks_off_own_domain,
    contact_status,
    load_content,
    national_content,
    on_domain,
    report_lines,
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
    checked = [o for o in content.organisaties if o.gecontroleerd_op]
    assert checked, "at least Veilig Thuis and the police were compared with their own pages"
    for org in checked:
        assert org.eigen_domeinen and on_domain(org.bron, org.eigen_domeinen), org.id


def test_a_check_date_with_a_source_elsewhere_is_caught() -> None:
    content = national_content()
    vt = content.organisation("veilig-thuis")
    moved = dataclasses.replace(vt, bron="https://www.augeo.nl/nl-nl/themas/meldcode/veilig-thuis/")
    changed = dataclasses.replace(content, organisaties=(moved, *content.organisaties[1:]))
    assert checks_off_own_domain(changed) == ("veilig-thuis",)
    assert contact_status(moved, dt.date.today()) == "ongeldig"


def test_unchecked_and_stale_contacts_are_flagged() -> None:
    vt = national_content().organisation("veilig-thuis")
    assert vt.gecontroleerd_op is not None
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
    assert "gecontroleerd op " in out


def test_report_flags_a_stale_check_a_year_on() -> None:
    content = national_content()
    later = max(o.gecontroleerd_op for o in content.organisaties if o.gecontroleerd_op) + dt.timedelta(
        days=400
    )
    assert any("ouder dan 12 maanden" in line for line in report_lines(content, later))


def test_lkha_is_reachable_without_a_phone_number() -> None:
    lkha = national_content().organisation("lkha")
    assert lkha.telefoon is None  # its number is unconfirmed
    assert lkha.contactlijst and lkha.telefoon_toelichting
    assert "huwelijksdwangenachterlating.nl" in lkha.telefoon_toelichting
    assert "0800-2000" in lkha.telefoon_toelichting


def test_most_contacts_say_they_are_unchecked() -> None:
    # A check date means a check: contacts never compared with their own page carry none.
    dates = [o.gecontroleerd_op for o in national_content().organisaties]
    assert dates.count(None) > len(dates) // 2


def test_a_law_without_an_official_source_is_refused(tmp_path: Path) -> None:
    content = tmp_path / "inhoud"
    shutil.copytree(content_dir(), content)
    laws = yaml.safe_load((content / "wetten.yaml").read_text(encoding="utf-8"))
    laws[0]["bronnen"] = []
    (content / "wetten.yaml").write_text(yaml.safe_dump(laws, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError, match=f"wet {laws[0]['id']} heeft geen bron"):
        load_content(content)


def test_every_law_rests_on_a_page_of_the_official_law_or_its_owner() -> None:
    content = national_content()
    sources = {s.id: s for s in content.bronnen}
    for law in content.wetten:
        assert law.bronnen, law.id
        assert all(sources[b].url.startswith("https://") for b in law.bronnen)
