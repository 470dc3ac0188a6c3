"""The route in the PDF and the web page: real text, tagged in the PDF's structure tree, no SVG or picture."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import lxml.html
import pdfplumber
import pytest

from assembler.builders.art.routestyle import LANE_TEXT
from assembler.model.routekaart import Routekaart
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.pipeline.municipality import build_profile
from assembler.profile.reading import load_profile
from tests.conftest import BASE_PROFILE


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Routekaart, Path, Path]:
    folder = tmp_path_factory.mktemp("route-web")
    source = folder / "testdam.yaml"
    source.write_text(BASE_PROFILE, encoding="utf-8")
    model = tailor(load_profile(source), national_content())
    result = build_profile(source, folder / "uit", ("pdf", "html"))
    pdf = next(p for p in result.files if p.suffix == ".pdf")
    html = next(p for p in result.files if p.suffix == ".html")
    return model, pdf, html


def route_words(model: Routekaart) -> dict[str, list[str]]:
    """Per practice: every numbered step title, every partner name, the acute box and the lane text."""
    found = {}
    for practice in model.praktijken:
        route = practice.route
        words = [f"{n}. {s.titel}" for n, s in enumerate(route.stages, 1)]
        words += [name for stage in (*route.stages, route.acuut) for name in stage.wie]
        found[practice.key] = [*words, route.acuut.titel, LANE_TEXT]
    return found


def mcids(nodes: list[dict[str, Any]]) -> set[int]:
    found: set[int] = set()
    for node in nodes:
        found.update(node.get("mcids", ()))
        found |= mcids(node.get("children", []))
    return found


def test_every_route_word_is_tagged_text_in_the_pdf(built: tuple[Routekaart, Path, Path]) -> None:
    model, pdf_path, _ = built
    with pdfplumber.open(pdf_path) as pdf:
        tagged_pages = []
        for page in pdf.pages:
            in_tree = mcids(page.structure_tree)
            tagged_pages.append(squash("".join(c["text"] for c in page.chars if c.get("mcid") in in_tree)))
        # No vector text: the route is not an SVG drawn glyph by glyph, nor a picture.
        assert not any(page.images for page in pdf.pages)
    for key, words in route_words(model).items():
        first = squash(words[0])
        pages = [p for p in tagged_pages if first in p and squash(LANE_TEXT) in p]
        assert pages, key
        for word in words:
            assert any(squash(word) in p for p in pages), (key, word)


def test_every_route_word_is_html_text(built: tuple[Routekaart, Path, Path]) -> None:
    model, _, html_path = built
    doc = lxml.html.fromstring(html_path.read_bytes())
    assert not doc.xpath("//figure//*[local-name()='svg' or local-name()='img']")
    figures = doc.xpath("//figure[contains(@class, 'route')]")
    assert len(figures) == len(model.praktijken)
    for (key, words), figure in zip(route_words(model).items(), figures, strict=True):
        text = squash(figure.text_content())
        for word in words:
            assert squash(word) in text, (key, word)
