"""The Word route: a native table of text in the house colour, no picture, read back by python-docx and LibreOffice."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from assembler.builders.art.routestyle import LANE_TEXT, acute_palette, stage_palette
from assembler.builders.word.route import route_table
from assembler.model.routekaart import Route, Routekaart, RouteStage
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.pipeline.municipality import build_profile
from assembler.profile.reading import load_profile
from tests.builders.word.test_docx_libreoffice import convert, squash
from tests.tools import needs_libreoffice

CAPTION = f"{qn('w:tblPr')}/{qn('w:tblCaption')}"


def text_of(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def route_tables(path: Path) -> list[etree._Element]:
    body = docx.Document(str(path)).element.body
    return [t for t in body.iter(qn("w:tbl")) if t.find(CAPTION) is not None]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Routekaart, Path]:
    from tests.conftest import BASE_PROFILE

    folder = tmp_path_factory.mktemp("route")
    source = folder / "testdam.yaml"
    source.write_text(BASE_PROFILE, encoding="utf-8")
    model = tailor(load_profile(source), national_content())
    result = build_profile(source, folder / "uit", ("docx",))
    return model, result.files[0]


def test_no_pictures_in_the_document(built: tuple[Routekaart, Path]) -> None:
    _, path = built
    with zipfile.ZipFile(path) as package:
        assert not [n for n in package.namelist() if n.startswith("word/media/")]
        body = package.read("word/document.xml").decode()
    assert "<w:drawing>" not in body and "<w:pict>" not in body


def test_every_route_step_and_partner_is_text_in_its_table(built: tuple[Routekaart, Path]) -> None:
    model, path = built
    tables = route_tables(path)
    assert len(tables) == len(model.praktijken)
    for practice, table in zip(model.praktijken, tables, strict=True):
        caption = table.find(CAPTION).get(qn("w:val"))
        assert caption == f"Route bij signalen van {practice.naam.lower()} in {model.gemeente}"
        lines = [text_of(p) for p in table.iter(qn("w:p"))]
        for number, stage in enumerate(practice.route.stages, 1):
            assert f"{number}. {stage.titel}" in lines
            for name in stage.wie:
                assert name in lines, (practice.key, name)
        assert practice.route.acuut.titel in lines
        assert all(name in lines for name in practice.route.acuut.wie)
        assert LANE_TEXT in lines
        # The steps come in order, the acute box last.
        order = [lines.index(f"{n}. {s.titel}") for n, s in enumerate(practice.route.stages, 1)]
        assert order == sorted(order) and order[-1] < lines.index(practice.route.acuut.titel)


def test_route_in_the_house_colour_with_a_dashed_red_acute_box(built: tuple[Routekaart, Path]) -> None:
    model, path = built
    table = route_tables(path)[0]
    fills = {s.get(qn("w:fill")) for s in table.iter(qn("w:shd"))}
    steps, red = stage_palette(model.kleur), acute_palette()
    assert steps.band.lstrip("#").upper() in fills
    assert red.band.lstrip("#").upper() in fills
    dashed = [b for b in table.iter(qn("w:top")) if b.get(qn("w:val")) == "dashed"]
    assert dashed and all(b.get(qn("w:color")) == red.stroke.lstrip("#").upper() for b in dashed)
    assert table.find(f"{qn('w:tblPr')}/{qn('w:tblLayout')}").get(qn("w:type")) == "fixed"


def test_the_route_table_replaces_its_paragraph_without_empty_lines(built: tuple[Routekaart, Path]) -> None:
    _, path = built
    for table in route_tables(path):
        before, after = table.getprevious(), table.getnext()
        assert text_of(before).startswith("Het schema laat zien")
        assert text_of(after).startswith("Route bij signalen van")


def test_hostile_text_stays_literal_and_the_xml_sound() -> None:
    odd = 'Team <Zorg> & "Veilig" {{ x }} {_{ y }_} \x07 🏠'
    route = Route(
        stages=(RouteStage("Signaal", (odd, "Tweede"), odd),), acuut=RouteStage("Acuut gevaar", ("112",), "")
    )
    xml = str(route_table(route, "#1F5C99", odd, odd))
    table = etree.fromstring(
        f'<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{xml}</w:body>'
    )
    lines = [text_of(p) for p in table.iter(qn("w:p"))]
    assert 'Team <Zorg> & "Veilig" {{ x }} {_{ y }_}   🏠' in lines
    assert "{_{" not in xml and "\x07" not in xml


@pytest.mark.slow
@needs_libreoffice
def test_libreoffice_draws_the_route_with_its_names(built: tuple[Routekaart, Path], tmp_path: Path) -> None:
    model, path = built
    pdf = convert(path, tmp_path / "pdf", tmp_path / "lo-profiel")
    from pypdf import PdfReader

    pages = [squash(page.extract_text() or "") for page in PdfReader(str(pdf)).pages]
    for practice in model.praktijken:
        # The page that shows this practice's route: its numbered steps all on it.
        titles = [squash(f"{n}. {s.titel}") for n, s in enumerate(practice.route.stages, 1)]
        found = [p for p in pages if all(t in p for t in titles) and squash(LANE_TEXT) in p]
        assert found, practice.key
        names = {squash(n) for s in (*practice.route.stages, practice.route.acuut) for n in s.wie}
        assert any(all(n in p for n in names) for p in found), practice.key
    assert not re.search(r"\{\{|\{%", "".join(pages))
