"""Woo publication on the regional website: every DiWoo record read back (required fields, TOOI URIs,
dates), a Woo sitemap that lists every published routekaart file and no concept unless the region
file publishes concepts, no person's name in the metadata, and the site's own guarantees kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from assembler.builders.site.woo import CONVENANTEN, FILE_TYPE, INDEX, RECORDS, TOOI_GEMEENTE, VASTSTELLING
from assembler.cli import main
from assembler.dutch import dutch_date
from tests.builders.site.helpers import EXIT_URL, SITE_URL, build, check_links, make_region, snapshot
from tests.conftest import ADOPTED, edit

FORMATS = ("docx", "odt", "kaarten")
S = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
D = "{https://standaarden.overheid.nl/diwoo/metadata/}"
CODES = {"testdam": "gm9901", "testveld": "gm9902", "testburg": "gm9903"}
# Testdam's police signed this version earlier than the others.
POLICE_SIGNED = ("      datum: {}\n      door: P. Jansen, teamchef\n", "2026-09-20")


def make_woo_region(folder: Path, concepts: bool | None = None) -> Path:
    """Testdam and Testveld adopted with TOOI codes (Testdam's police signed on 20 September),
    Testburg a concept with a code, Testhoven adopted without one."""
    region = make_region(folder, extra=("Testburg", "Testhoven"))
    if concepts is not None:
        region.write_text(
            region.read_text(encoding="utf-8") + f"  concepten_publiceren: {str(concepts).lower()}\n",
            encoding="utf-8",
        )
    for slug, code in CODES.items():
        path = folder / "gemeenten" / f"{slug}.yaml"
        text = path.read_text(encoding="utf-8").replace("huisstijl:", f"tooi_code: {code}\nhuisstijl:", 1)
        if slug == "testdam":
            template, day = POLICE_SIGNED
            text = edit(text, template.format(ADOPTED), template.format(day))
        if slug == "testburg":
            text = edit(text, f"  vastgesteld_op: {ADOPTED}\n", "")
        path.write_text(text, encoding="utf-8")
    return region


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("woo")
    out = folder / "uit"
    result = build(make_woo_region(folder), out, formats=FORMATS)
    assert result.ok, result.summary()
    return out / "site"


def records(site: Path) -> dict[str, etree._Element]:
    """Each <url> of the Woo sitemap by its address."""
    root = etree.parse(str(site / RECORDS)).getroot()
    assert root.tag == f"{S}urlset"
    return {url.findtext(f"{S}loc"): url for url in root.iter(f"{S}url")}


def one(parent: etree._Element, path: str) -> etree._Element:
    found = parent.findall(path.replace("d:", D))
    assert len(found) == 1, (path, len(found))
    return found[0]


def test_every_record_has_the_required_fields_with_tooi_uris_and_dates(site: Path) -> None:
    found = records(site)
    assert found
    for loc, url in found.items():
        rel = loc.removeprefix(SITE_URL)
        slug, name = rel.split("/")
        assert (site / rel).is_file()  # a link to the file itself, on the site
        diwoo = one(url, "d:Document/d:DiWoo")
        publisher = one(diwoo, "d:publisher")
        assert (
            publisher.get("resource")
            == TOOI_GEMEENTE + CODES[slug]
            == f"https://identifier.overheid.nl/tooi/id/gemeente/{CODES[slug]}"
        )
        assert publisher.text == f"gemeente {slug.title()}"
        assert (
            one(diwoo, "d:titelcollectie/d:officieleTitel").text
            == f"Routekaart schadelijke praktijken {slug.title()}"
        )
        category = one(diwoo, "d:classificatiecollectie/d:informatiecategorieen/d:informatiecategorie")
        assert (
            category.get("resource")
            == CONVENANTEN[0]
            == "https://identifier.overheid.nl/tooi/def/thes/kern/c_8fc2335c"
        )
        assert one(diwoo, "d:creatiedatum").text == ADOPTED
        assert one(diwoo, "d:language").text == "Nederlands"
        kind = name.rsplit(".", 1)[1]
        assert one(diwoo, "d:format").get("resource") == FILE_TYPE + kind.upper()
        action = one(diwoo, "d:documenthandelingen/d:documenthandeling")
        assert one(action, "d:soortHandeling").get("resource") == VASTSTELLING[0]
        assert VASTSTELLING[0] == "https://identifier.overheid.nl/tooi/def/thes/kern/c_641ecd76"
        assert one(action, "d:atTime").text == f"{ADOPTED}T00:00:00"
        assert dt.date.fromisoformat(one(url, f"{S}lastmod").text) <= dt.date(2026, 11, 29)
        description = one(diwoo, "d:omschrijvingen/d:omschrijving").text
        adopted = dutch_date(dt.date.fromisoformat(ADOPTED))
        assert f"Vastgesteld op {adopted}" in description
        # Every akkoord with this version, Veilig Thuis's too, each on its own day.
        assert f"Akkoord van de partners: Veilig Thuis Testland ({adopted})" in description
        if slug == "testdam":
            assert "Politie Testdam (20 september 2026)" in description


def test_the_woo_sitemap_lists_every_published_routekaart_and_no_concept(site: Path) -> None:
    found = {loc.removeprefix(SITE_URL) for loc in records(site)}
    on_site = {
        str(p.relative_to(site)) for p in site.glob("*/routekaart-*") if p.suffix in (".docx", ".odt", ".pdf")
    }
    with_code = {rel for rel in on_site if rel.split("/")[0] in CODES}
    assert (
        found
        == with_code
        == {f"{s}/routekaart-{s}.{k}" for s in ("testdam", "testveld") for k in ("docx", "odt")}
    )
    # Testhoven, without a TOOI code, is on the site but has no records; the concept is nowhere.
    assert (site / "testhoven" / "index.html").is_file()
    assert not (site / "testburg").exists()
    assert "testburg" not in (site / "index.html").read_text(encoding="utf-8").lower()
    # The cards are no convenant.
    assert any(site.glob("testdam/zakkaarten-*")) and not any("zakkaarten" in f for f in found)
    index = etree.parse(str(site / INDEX)).getroot()
    assert [e.text for e in index.iter(f"{S}loc")] == [SITE_URL + RECORDS]
    assert INDEX == "sitemaps/sitemapindex-diwoo-infocat011.xml"
    robots = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {SITE_URL}{INDEX}" in robots and f"Sitemap: {SITE_URL}sitemap.xml" in robots


def test_no_person_is_named_in_the_metadata(site: Path) -> None:
    text = (site / RECORDS).read_text(encoding="utf-8")
    # The owner (document.eigenaar) and whoever signed for the police (akkoord.door) stay out.
    for person in ("Fenna Bakker", "Bakker", "J. Jansen", "Jansen", "teamleider", "Beleidsadviseur"):
        assert person not in text


def test_a_region_that_publishes_concepts_marks_them(tmp_path: Path) -> None:
    out = tmp_path / "uit"
    result = build(make_woo_region(tmp_path, concepts=True), out, formats=FORMATS)
    assert result.ok, result.summary()
    site = out / "site"
    page = (site / "testburg" / "index.html").read_text(encoding="utf-8")
    assert "CONCEPT" in page.upper()
    concept = {loc: url for loc, url in records(site).items() if "/testburg/" in loc}
    assert set(concept) == {f"{SITE_URL}testburg/routekaart-testburg.{k}" for k in ("docx", "odt")}
    for url in concept.values():
        diwoo = one(url, "d:Document/d:DiWoo")
        assert one(diwoo, "d:titelcollectie/d:officieleTitel").text.endswith("(concept)")
        assert diwoo.find(f"{D}documenthandelingen") is None  # not adopted: no vaststelling
        assert "Concept, nog niet vastgesteld." in one(diwoo, "d:omschrijvingen/d:omschrijving").text
    # Said explicitly, false is the default: no concept.
    out2 = tmp_path / "zonder"
    build(make_woo_region(tmp_path / "b", concepts=False), out2, formats=FORMATS)
    assert not (out2 / "site" / "testburg").exists()
    assert "testburg" not in (out2 / "site" / RECORDS).read_text(encoding="utf-8")


def test_links_stay_inside_and_a_rebuild_is_byte_identical(site: Path, tmp_path: Path) -> None:
    check_links(site, EXIT_URL)
    region = make_woo_region(tmp_path)
    out = tmp_path / "uit"
    build(region, out, formats=FORMATS)
    before = snapshot(out / "site")
    build(region, out, formats=FORMATS, today=dt.date(2026, 12, 1))
    assert snapshot(out / "site") == before
    # A new edition changes its own page and files, the index and the sitemaps, nothing else.
    profile = tmp_path / "gemeenten" / "testveld.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace('versie: "2026.1"', 'versie: "2026.2"'), "utf-8"
    )
    build(region, out, formats=FORMATS)
    after = snapshot(out / "site")
    changed = {n for n in after if after[n] != before.get(n)}
    assert {n for n in changed if not n.startswith("testveld/")} <= {
        "index.html",
        "sitemap.xml",
        RECORDS,
        INDEX,
    }
    assert RECORDS in changed


def test_the_tooi_code_is_checked(tmp_path: Path) -> None:
    folder = tmp_path / "regio"
    make_woo_region(folder)
    path = folder / "gemeenten" / "testdam.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("tooi_code: gm9901", "tooi_code: '0363'"), "utf-8"
    )
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "tooi_code" in result.output and "'0363' is geen TOOI-code van een gemeente" in result.output
