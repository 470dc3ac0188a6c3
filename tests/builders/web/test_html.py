"""The HTML routekaart read back as a document: landmarks, headings, links, inline resources, no scripts."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from lxml.html import HtmlElement

from assembler.builders.base import BuildContext
from assembler.builders.web.html import HtmlBuilder
from assembler.errors import BuildError
from assembler.model.routekaart import Routekaart
from assembler.pipeline.municipality import build_profile
from tests.conftest import FIXTURE_REGION, BuiltProfile, Invoke

MUNICIPALITIES = ("brugstad", "dijkmond", "s-molenwaard", "waldterp")


@pytest.fixture(scope="module")
def pages(fixture_region_built: dict[str, BuiltProfile]) -> dict[str, tuple[Routekaart, bytes]]:
    result = {}
    for name in MUNICIPALITIES:
        built = fixture_region_built[name]
        html = built.folder / f"routekaart-{built.model.slug}.html"
        assert f"geschreven: {html}" in built.output
        # The build itself had nothing to warn about (the profile's own warnings name their file first).
        assert not [line for line in built.output.splitlines() if line.startswith("waarschuwing: ")]
        result[name] = (built.model, html.read_bytes())
    return result


def tree(data: bytes) -> HtmlElement:
    return lxml.html.fromstring(data)


def text_of(element: HtmlElement) -> str:
    return re.sub(r"\s+", " ", element.text_content()).strip()


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_one_self_contained_file_under_two_megabytes(
    pages: dict[str, tuple[Routekaart, bytes]], name: str
) -> None:
    model, data = pages[name]
    assert len(data) < 2 * 1024 * 1024
    doc = tree(data)
    assert not doc.xpath("//script"), "de pagina hoort zonder JavaScript te werken"
    assert not doc.xpath("//link[@rel='stylesheet']") and doc.xpath("//style")
    for src in doc.xpath("//img/@src"):
        assert src.startswith("data:image/"), src
    # Fonts travel inside the CSS; nothing is fetched from elsewhere.
    css = "\n".join(doc.xpath("//style/text()"))
    assert re.findall(r"url\((?!\"?data:)", css) == []
    assert "@font-face" in css
    if model.logo:
        assert doc.xpath("//header//img[starts-with(@src, 'data:image/png;base64,')]/@alt") == [
            f"Logo van de gemeente {model.gemeente}"
        ]


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_language_landmarks_and_skip_link(pages: dict[str, tuple[Routekaart, bytes]], name: str) -> None:
    model, data = pages[name]
    doc = tree(data)
    assert doc.get("lang") == "nl"
    assert doc.xpath("//meta[@name='viewport']/@content") == ["width=device-width, initial-scale=1"]
    assert doc.findtext(".//title") == model.titel_volledig
    body = doc.find("body")
    assert [child.tag for child in body if child.tag in ("header", "nav", "main", "footer")] == [
        "header",
        "nav",
        "main",
        "footer",
    ]
    first_link = body.xpath(".//a")[0]
    assert first_link.get("class") == "skiplink"
    target = first_link.get("href").lstrip("#")
    assert doc.xpath(f"//main[@id='{target}']")


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_headings_are_nested_and_never_empty(pages: dict[str, tuple[Routekaart, bytes]], name: str) -> None:
    doc = tree(pages[name][1])
    headings = doc.xpath("//h1|//h2|//h3|//h4|//h5|//h6")
    assert [h.tag for h in headings].count("h1") == 1 and headings[0].tag == "h1"
    level = 1
    for h in headings:
        new = int(h.tag[1])
        assert new <= level + 1, f"kop {text_of(h)!r} springt van h{level} naar h{new}"
        level = new
        assert text_of(h), "lege kop"
        # Something follows every heading before the next heading of the same or a higher level.
        following = h.getnext()
        assert following is not None and not (
            following.tag in ("h1", "h2", "h3", "h4", "h5") and int(following.tag[1]) <= new
        ), f"kop {text_of(h)!r} heeft geen inhoud"
    for table in doc.xpath("//table"):
        assert table.xpath(".//tbody/tr"), "lege tabel"


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_contents_links_to_every_chapter_and_section(
    pages: dict[str, tuple[Routekaart, bytes]], name: str
) -> None:
    model, data = pages[name]
    doc = tree(data)
    links = doc.xpath("//nav//a/@href")
    ids = set(doc.xpath("//@id"))
    assert len(links) > 20
    for href in links:
        assert href.startswith("#") and href[1:] in ids, href
    chapters = [text_of(a) for a in doc.xpath("//nav/ol/li/a")]
    assert chapters == [
        "1 Inleiding",
        "2 De schadelijke praktijken",
        "3 Wet- en regelgeving",
        "4 Betrokken organisaties",
        "5 De ketenaanpak",
        "6 Wat regelt de gemeente",
        "7 Afspraken en keuzes",
        "8 Bijlagen",
    ]
    assert [text_of(doc.get_element_by_id(h[1:])) for h in links] == [
        text_of(a) for a in doc.xpath("//nav//a")
    ]
    practices = [text_of(a).split(" ", 1)[1] for a in doc.xpath("//nav/ol/li[2]/ol/li/a")]
    assert practices == [p.naam for p in model.praktijken]


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_every_partner_with_tel_and_mailto_links(
    pages: dict[str, tuple[Routekaart, bytes]], name: str
) -> None:
    model, data = pages[name]
    doc = tree(data)
    text = text_of(doc)
    tel = set(doc.xpath("//a[starts-with(@href, 'tel:')]/@href"))
    mail = set(doc.xpath("//a[starts-with(@href, 'mailto:')]/@href"))
    people = [*model.partners, model.veilig_thuis]
    for p in people:
        assert p.naam in text
        if p.telefoon:
            assert str(p.telefoon) in text and p.telefoon.uri in tel, p.telefoon
        if p.email:
            assert f"mailto:{p.email}" in mail
    for contact in model.contacten:
        assert contact.naam in text
        if contact.telefoon:
            assert contact.telefoon.uri in tel
    assert "tel:112" in tel
    for leftover in ("None", "{{", "{%", "Undefined"):
        assert leftover not in text


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_routes_are_html_text_with_names(pages: dict[str, tuple[Routekaart, bytes]], name: str) -> None:
    model, data = pages[name]
    doc = tree(data)
    figures = doc.xpath("//figure[contains(@class, 'route')]")
    assert len(figures) == len(model.praktijken)
    for practice, figure in zip(model.praktijken, figures, strict=True):
        assert not figure.xpath(".//*[local-name()='svg' or local-name()='img']")
        steps = figure.xpath(".//li[contains(@class, 'route-stap')]")
        assert len(steps) == len(practice.route.stages)
        for number, (stage, step) in enumerate(zip(practice.route.stages, steps, strict=True), 1):
            assert text_of(step.xpath(".//*[@class='route-kop']")[0]) == f"{number}. {stage.titel}"
            words = text_of(step)
            assert all(who in words for who in stage.wie), stage.wie
        acute = text_of(figure.xpath(".//*[contains(@class, 'route-acuut')]")[0])
        assert practice.route.acuut.titel in acute
        assert all(who in acute for who in practice.route.acuut.wie)
        # The arrows and lane are drawn by CSS on empty elements hidden from screen readers.
        for mark in figure.xpath(".//span[@aria-hidden='true']"):
            assert not text_of(mark).strip()
        assert practice.naam.lower() in text_of(figure.xpath(".//figcaption")[0])


def test_local_names_reach_the_page(pages: dict[str, tuple[Routekaart, bytes]]) -> None:
    _, data = pages["brugstad"]
    text = data.decode("utf-8")
    assert "Stichting Sleutelpersonen Brugstad &amp; Omstreken" in text
    assert "Sociaal wijkteam Brugstad" in text
    # A name with an apostrophe and markup in free text are shown as text, not markup.
    _, molenwaard = pages["s-molenwaard"]
    doc = tree(molenwaard)
    assert "'s-Molenwaard" in text_of(doc.xpath("//h1")[0])
    assert "<lesprogramma>" in text_of(doc)
    assert not doc.xpath("//lesprogramma")


def test_output_is_byte_identical(pages: dict[str, tuple[Routekaart, bytes]], tmp_path: Path) -> None:
    again = build_profile(FIXTURE_REGION / "gemeenten" / "brugstad.yaml", tmp_path, ("html",))
    assert again.files[0].read_bytes() == pages["brugstad"][1]


def test_cli_builds_html(run: Invoke, tmp_path: Path) -> None:
    result = run("build", FIXTURE_REGION / "gemeenten" / "waldterp.yaml", "--formaat", "html", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "waldterp" / "routekaart-waldterp.html").is_file()
    assert not (tmp_path / "waldterp" / "routekaart-waldterp.pdf").exists()


def test_check_refuses_a_page_with_a_script_or_outside_resource(
    pages: dict[str, tuple[Routekaart, bytes]],
) -> None:
    model, data = pages["dijkmond"]

    builder = HtmlBuilder(BuildContext())
    builder.check(model, "ok.html", data)
    with pytest.raises(BuildError, match="script"):
        builder.check(model, "x.html", data.replace(b"</body>", b"<script>alert(1)</script></body>"))
    with pytest.raises(BuildError, match="buiten de pagina"):
        builder.check(
            model, "x.html", data.replace(b"</body>", b'<img src="https://example.org/x.png" alt=""></body>')
        )
    with pytest.raises(BuildError, match="lang"):
        builder.check(model, "x.html", data.replace(b'<html lang="nl">', b"<html>"))
