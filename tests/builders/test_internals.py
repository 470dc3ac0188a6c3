"""The internals of WeasyPrint, docxtpl, python-docx and cerberus the builders rely on are still there.

pyproject.toml caps these libraries below the next release; when a cap is raised, these
tests say in plain words which internal went away instead of a build failing deep inside.
"""

from __future__ import annotations

import inspect

import cerberus
import pytest
from docx.opc.pkgwriter import PackageWriter
from docxtpl import DocxTemplate  # only inspected here: nothing renders, so autoescape does not apply
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

LIB_CHANGED = (
    "{lib} changed an internal the toolkit uses ({what}); adapt {where} before raising the version cap"
)


def test_weasyprint_layout_boxes_are_reachable_from_a_page() -> None:
    document = HTML(string="<p>Tekst</p>").render()
    page = document.pages[0]
    assert hasattr(page, "_page_box"), LIB_CHANGED.format(
        lib="WeasyPrint", what="Page._page_box", where="builders/web/pdffit.py and builders/cards/fit.py"
    )
    found = set()
    stack = [page._page_box]
    while stack:
        box = stack.pop()
        found.update(
            cls.__name__
            for cls in (boxes.LineBox, boxes.TextBox, boxes.BlockContainerBox)
            if isinstance(box, cls)
        )
        assert not isinstance(box, boxes.TextBox) or {"text", "position_x", "width"} <= set(dir(box))
        stack.extend(getattr(box, "children", ()))
    assert found == {"LineBox", "TextBox", "BlockContainerBox"}, LIB_CHANGED.format(
        lib="WeasyPrint", what="boxes.LineBox/TextBox/BlockContainerBox", where="builders/web/pdffit.py"
    )


def test_weasyprint_background_layout_and_fetcher_keep_their_shape() -> None:
    from weasyprint.layout.background import layout_box_backgrounds
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    params = list(inspect.signature(layout_box_backgrounds).parameters)
    assert len(params) >= 3, LIB_CHANGED.format(
        lib="WeasyPrint",
        what="layout_box_backgrounds(page, box, get_image_from_uri)",
        where="builders/cards/sheets.py",
    )
    assert callable(FontConfiguration) and hasattr(URLFetcher, "fetch") and callable(URLFetcherResponse)


def test_python_docx_package_writer_steps_exist() -> None:
    for step in ("_write_content_types_stream", "_write_pkg_rels", "_write_parts"):
        assert hasattr(PackageWriter, step), LIB_CHANGED.format(
            lib="python-docx", what=f"PackageWriter.{step}", where="builders/word/finish.py"
        )


def test_docxtpl_exposes_what_the_word_builder_calls() -> None:
    for name in ("render", "build_url_id", "save"):
        assert callable(getattr(DocxTemplate, name, None)), LIB_CHANGED.format(
            lib="docxtpl", what=f"DocxTemplate.{name}", where="builders/word"
        )
    source = inspect.getsource(DocxTemplate)
    for attribute in ("self.current_rendering_part", "self.docx"):
        assert attribute in source, LIB_CHANGED.format(
            lib="docxtpl", what=f"DocxTemplate {attribute}", where="builders/word/env.py and builder.py"
        )


def test_cerberus_keeps_errors_and_config_on_the_validator() -> None:
    validator = cerberus.Validator({"a": {"type": "integer"}})
    assert not validator.validate({"a": "x"})
    assert isinstance(getattr(validator, "_errors", None), list), LIB_CHANGED.format(
        lib="cerberus", what="Validator._errors", where="profile/validation.py"
    )
    assert isinstance(getattr(validator, "_config", None), dict), LIB_CHANGED.format(
        lib="cerberus", what="Validator._config", where="profile/validation.py"
    )


@pytest.mark.parametrize("module", ["pydyf", "fontTools.subset", "lxml.etree", "markupsafe"])
def test_declared_helper_modules_import(module: str) -> None:
    __import__(module)
