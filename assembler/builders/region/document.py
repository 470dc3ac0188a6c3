"""The regional routekaart as an editable Word file (.docx), rendered with docxtpl from the shared context."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import docx
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, TemplateError

from assembler.builders.base import Builder
from assembler.builders.region.context import context, overview_file
from assembler.builders.word.bidi import mark_right_to_left
from assembler.builders.word.finish import apply_house_colour, fill_toc, request_field_update
from assembler.errors import BuildError
from assembler.errors import TemplateError as AssemblerTemplateError
from assembler.model.region import RegionModel
from assembler.model.routekaart import DEFAULT_COLOUR
from assembler.resources import template_path
from assembler.zips import rezip_office

TEMPLATE = "routekaart-regio.docx"
# The colour the template is drawn in (tools/docx_kit.py): a region with this colour needs no change.
TEMPLATE_COLOUR = DEFAULT_COLOUR


def _moment(model: RegionModel) -> dt.datetime:
    """Every time stamp in the file: the latest adoption date at midnight UTC, never the build time."""
    return dt.datetime.combine(model.datum, dt.time(), tzinfo=dt.UTC)


def _core_properties(document: Any, model: RegionModel) -> None:
    props = document.core_properties
    moment = _moment(model)
    props.title = model.titel
    props.subject = f"Ketenaanpak schadelijke praktijken in de regio {model.naam}"
    props.author = model.veilig_thuis.naam
    props.last_modified_by = model.veilig_thuis.naam
    props.keywords = "schadelijke praktijken, routekaart, regio, " + model.naam
    props.comments = f"Samengesteld uit de routekaarten van {len(model.gemeenten)} gemeenten."
    props.revision = 1
    props.created = props.modified = props.last_printed = moment


def render(model: RegionModel, overview_name: str, template: Path | None = None) -> bytes:
    """The regional document as bytes; equal models give equal bytes."""
    tpl = DocxTemplate(str(template or template_path(TEMPLATE)))
    env = Environment(autoescape=True, undefined=StrictUndefined)
    try:
        tpl.render(context(model, overview_name), jinja_env=env, autoescape=True)
    except TemplateError as exc:
        raise AssemblerTemplateError(f"regiosjabloon {TEMPLATE}: {exc}") from exc
    document = tpl.docx
    if model.kleur != TEMPLATE_COLOUR:
        apply_house_colour(document, model.kleur)
    mark_right_to_left(document)  # a local text in Arabic or Hebrew reads from the right
    if not fill_toc(document):
        raise BuildError(f"het regiosjabloon {TEMPLATE} heeft geen inhoudsopgave (TOC-veld)")
    _core_properties(document, model)
    request_field_update(document)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return rezip_office(buffer.getvalue(), _moment(model))


def check(data: bytes, model: RegionModel) -> None:
    """Read the document back and make sure the region, Veilig Thuis and every municipality are in it."""
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds on a broken package
        raise BuildError(f"het regiodocument is geen geldig Word-bestand: {exc}") from exc
    headings = {
        p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")
    }
    text = "\n".join(p.text for p in document.paragraphs)
    missing = [e.naam for e in model.gemeenten if e.naam not in headings]
    if model.veilig_thuis.naam not in headings:
        missing.insert(0, model.veilig_thuis.naam)
    if model.naam not in text:
        missing.insert(0, f"regio {model.naam}")
    if missing:
        raise BuildError(f"het regiodocument mist: {', '.join(missing)}")


class RegionDocxBuilder(Builder[RegionModel]):
    def render(self, model: RegionModel) -> dict[str, bytes]:
        return {self.filenames(model)[0]: render(model, overview_file(model))}

    def check(self, model: RegionModel, name: str, data: bytes) -> None:
        check(data, model)
