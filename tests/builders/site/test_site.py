"""The regional website as a reader finds it: every link resolves inside site/, nothing from elsewhere,
the help conventions on every page, a sitemap, and rebuilds that change only what changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from assembler.builders.art.colours import house_palette
from assembler.dutch import dutch_date
from assembler.model.routekaart import DEFAULT_COLOUR
from tests.builders.site.helpers import (
    EXIT_URL,
    SITE_URL,
    TODAY,
    build,
    check_links,
    make_region,
    read,
    snapshot,
)
from tests.conftest import NATIONAL, edit


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("regio")
    region = make_region(folder)
    out = folder / "uit"
    result = build(region, out)
    assert result.ok, result.summary()
    return region, out


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_site_has_index_statement_and_a_page_per_municipality(built: tuple[Path, Path]) -> None:
    site = built[1] / "site"
    names = {str(p.relative_to(site)) for p in pages(site)}
    assert names == {"index.html", "testdam/index.html", "testveld/index.html", "toegankelijkheid/index.html"}
    for slug in ("testdam", "testveld"):
        folder = site / slug
        assert (folder / f"routekaart-{slug}.docx").read_bytes() == (
            built[1] / slug / f"routekaart-{slug}.docx"
        ).read_bytes()
        assert any(p.name.startswith("zakkaarten-") for p in folder.iterdir())
    # Shared files once, not inlined in every page.
    assert (site / "assets" / "site.css").is_file()
    assert len(list((site / "assets" / "fonts").glob("*.woff2"))) == 3
    for page in pages(site):
        assert "@font-face" not in page.read_text(encoding="utf-8")


def test_every_link_resolves_inside_the_site_and_nothing_comes_from_elsewhere(
    built: tuple[Path, Path],
) -> None:
    check_links(built[1] / "site", EXIT_URL)


def test_every_page_carries_the_help_site_conventions(built: tuple[Path, Path]) -> None:
    site = built[1] / "site"
    for page in pages(site):
        reader = read(page)
        text = " ".join(" ".join(reader.text).split())
        assert reader.lang == "nl"
        first = reader.links[0]
        assert first[1] == "#hoofdinhoud" and "hoofdinhoud" in reader.ids, page
        exit_link = [a for a, href in reader.links if "verlaten" in a.get("class", "")]
        assert len(exit_link) == 1 and reader.links[1][0] is exit_link[0], page
        assert "Deze site direct verlaten" in text
        assert any(href == "tel:112" for _, href in reader.links)
        assert "0800-2000" in text and "112" in text
        assert "geen cookies" in text and "andere websites" in text
        html = page.read_text(encoding="utf-8")
        assert 'media="print"' in html and "assets/print.css" in html
        assert reader.meta.get("description") and reader.meta.get("dcterms.modified") == "2026-11-29"
        assert "<title>" in html


def test_index_lists_every_municipality_with_its_edition_and_a_filter(built: tuple[Path, Path]) -> None:
    index = built[1] / "site" / "index.html"
    reader = read(index)
    text = " ".join(" ".join(reader.text).split())
    hrefs = [href for _, href in reader.links]
    assert "testdam/index.html" in hrefs and "testveld/index.html" in hrefs
    assert "Veilig Thuis Testland" in text
    assert text.count(f"vastgesteld op {dutch_date(NATIONAL.datum)}") == 2
    html = index.read_text(encoding="utf-8")
    # The letters filter is CSS: it works with scripts switched off.
    assert 'type="radio"' in html and "body:has(#letter-t:checked)" in html
    assert 'id="filter-naam"' in html


def test_statement_is_filled_from_the_region_file(built: tuple[Path, Path]) -> None:
    reader = read(built[1] / "site" / "toegankelijkheid" / "index.html")
    text = " ".join(" ".join(reader.text).split())
    assert "Team communicatie Veilig Thuis Testland" in text
    assert "20 november 2026" in text
    assert "web@veiligthuistestland.test" in text
    assert "in orde op alle 4 pagina's" in text


def test_a_region_without_a_colour_has_the_house_colour_of_its_documents(built: tuple[Path, Path]) -> None:
    """Testland names no colour: its site takes the schema's house colour, as its regional documents do."""
    palette = house_palette(DEFAULT_COLOUR)
    for page in ("index.html", "toegankelijkheid/index.html"):
        html = (built[1] / "site" / page).read_text(encoding="utf-8")
        assert f"--kop: {palette.heading};" in html and f"--licht: {palette.tint};" in html, page


def test_sitemap_lists_every_page_under_the_base_url(built: tuple[Path, Path]) -> None:
    from xml.etree import ElementTree

    tree = ElementTree.parse(built[1] / "site" / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [u.findtext("s:loc", namespaces=ns) for u in tree.getroot().findall("s:url", ns)]
    assert sorted(locs) == sorted(SITE_URL + p for p in ("", "testdam/", "testveld/", "toegankelijkheid/"))


def test_card_qr_code_points_to_the_municipality_page(built: tuple[Path, Path]) -> None:
    cards = built[1] / "site" / "testveld" / "zakkaarten-testveld.pdf"
    text = "".join(page.extract_text() for page in PdfReader(cards).pages)
    assert f"{SITE_URL}testveld/" in text.replace("\n", "")


def test_rebuild_is_byte_identical_and_a_change_touches_only_its_own_pages(
    tmp_path: Path, built: tuple[Path, Path]
) -> None:
    region = make_region(tmp_path)
    out = tmp_path / "uit"
    build(region, out)
    before = snapshot(out / "site")
    result = build(region, out)
    assert ("Website", out / "site" / "index.html", False) in result.bestanden
    assert snapshot(out / "site") == before
    # A day later nothing changed either: each page keeps the date it last changed.
    build(region, out, today=TODAY + dt.timedelta(days=1))
    assert snapshot(out / "site") == before

    # Testveld adopts version 2026.2: its own akkoorden and the regional police's, for that version.
    profile = tmp_path / "gemeenten" / "testveld.yaml"
    revised = profile.read_text(encoding="utf-8").replace('versie: "2026.1"', 'versie: "2026.2"')
    police = (
        "  akkoorden:\n    - partner: politie-testland\n      datum: 2026-12-06\n"
        '      door: R. de Boer, teamchef\n      versie: "2026.2"\n'
    )
    profile.write_text(
        edit(revised, "  herzien_voor: 2027-10-15\n", "  herzien_voor: 2027-10-15\n" + police),
        encoding="utf-8",
    )
    build(region, out)
    after = snapshot(out / "site")
    changed = {name for name in after if after[name] != before.get(name)}
    assert {n for n in changed if n.startswith("testveld/")} >= {"testveld/index.html"}
    assert {n for n in changed if not n.startswith("testveld/")} <= {"index.html", "sitemap.xml"}
    assert "index.html" in changed
    assert "versie 2026.2" in (out / "site" / "index.html").read_text(encoding="utf-8")
