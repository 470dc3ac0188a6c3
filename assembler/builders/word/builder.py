"""The Routekaart as a Word document: the model rendered into a docxtpl template, finished and checked."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from docx import Document
from docxtpl import DocxTemplate
from lxml import etree
from markupsafe import Markup

from assembler.builders.art.routestyle import alt_text
from assembler.builders.base import Builder
from assembler.builders.word.check import check_template_file
from assembler.builders.word.env import ContextMaker, patcher, rendering_environment
from assembler.builders.word.finish import document_time, finish, package_bytes
from assembler.builders.word.route import route_block
from assembler.dutch import plural
from assembler.errors import AssemblerError, BuildError, TemplateError
from assembler.model.routekaart import Practice, Routekaart
from assembler.resources import template_path

DEFAULT_TEMPLATE = "routekaart.docx"


def default_template() -> Path:
    return template_path(DEFAULT_TEMPLATE)


class _StrictTemplate(DocxTemplate):
    """docxtpl re-parses the rendered body with a forgiving parser that silently drops broken text;
    parse it strictly first, so a fault surfaces as an error instead of a quietly shorter document."""

    def patch_xml(self, src_xml: str) -> str:
        return _patched(src_xml)

    def fix_tables(self, xml: str) -> Any:
        try:
            etree.fromstring(xml.encode("utf-8"))
        except etree.XMLSyntaxError as exc:
            raise BuildError(f"de Word-tekst is na het invullen geen geldige XML ({exc})") from exc
        return super().fix_tables(xml)


@lru_cache(maxsize=32)
def _patched(src_xml: str) -> str:
    """docxtpl's clean-up of a part's XML before Jinja sees it (tags split over runs joined again):
    a pure function of the text, so each part of a template is cleaned once per process, and the
    same text object comes back, which the compiled-template cache then finds at once."""
    return DocxTemplate.patch_xml(patcher(), src_xml)


def diagram_for(model: Routekaart) -> Callable[[Practice], Markup]:
    """The route of each practice as a native Word table, with the route in words as its description."""

    def make(praktijk: Practice) -> Markup:
        titel = f"Route bij signalen van {praktijk.naam.lower()} in {model.gemeente}"
        return route_block(praktijk.route, model.kleur, titel, alt_text(praktijk.route, titel))

    return make


_UNDEFINED = (
    (
        re.compile(r"^access to attribute '([^']+)' of '[^']+' object is unsafe\.$"),
        "'{0}' is afgeschermd: een sjabloon gebruikt alleen de gegevens van de routekaart, "
        "niet de binnenkant van Python of bestanden",
    ),
    (
        re.compile(r"^(.+) is not safely callable$"),
        "'{0}' mag een sjabloon niet aanroepen",
    ),
    (
        re.compile(r"^'None' has no attribute '([^']+)'$"),
        "een lege waarde heeft geen '{0}'; zet er {{% if %}} omheen",
    ),
    (re.compile(r"^'([^']+)' is undefined$"), "'{0}' bestaat niet in het model"),
    (
        re.compile(r"^'(?:[^']+ object|[^']+)' has no attribute '([^']+)'$"),
        "'{0}' bestaat niet op dit onderdeel",
    ),
)


def _dutch(exc: jinja2.TemplateError) -> str:
    message = str(exc.message or exc)
    for pattern, text in _UNDEFINED:
        match = pattern.match(message)
        if match:
            return text.format(*match.groups())
    return message


def _python(exc: Exception) -> str:
    """A Python error raised by a template expression, in words a template author can act on."""
    if isinstance(exc, ZeroDivisionError):
        return "deling door nul"
    if isinstance(exc, OverflowError) and "range" in str(exc).lower():
        return "range() met meer dan 100000 stappen is niet toegestaan"
    return f"{type(exc).__name__}: {exc}"


def _where(exc: jinja2.TemplateError) -> str:
    lines = [line.strip() for line in getattr(exc, "docx_context", None) or () if line and line.strip()]
    return f" (bij: '{' / '.join(lines[:3])[:160]}')" if lines else ""


def render_docx(
    model: Routekaart, template: Path, diagram: Callable[[Practice], Markup] | None = None
) -> bytes:
    """Render, finish and return the .docx bytes; a template fault raises TemplateError naming it."""
    tpl = _StrictTemplate(template)
    logo = model.logo.read_bytes() if model.logo else None
    maker = ContextMaker(model, tpl, diagram or diagram_for(model), logo)
    try:
        # As make_environment(): autoescape=True, StrictUndefined, immutable sandbox; shared by
        # every render in the process, so each template text is compiled once.
        tpl.render(maker.context(), jinja_env=rendering_environment())
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{template.name}: {_dutch(exc)}{_where(exc)}") from exc
    except AssemblerError:
        raise
    except Exception as exc:
        # In the shipped template this is a fault of the toolkit and must surface as one; in a
        # municipality's own template an expression such as {{ 1/0 }} is the template's fault.
        if template.resolve() == default_template().resolve():
            raise
        raise TemplateError(
            f"{template.name}: het sjabloon kon niet worden ingevuld ({_python(exc)})"
        ) from exc
    finish(tpl.docx, model)
    return package_bytes(tpl.docx, document_time(model))


def check_docx(name: str, data: bytes) -> None:
    """Reopen the file as Word would and refuse it when it is not a sound .docx."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            broken = package.testzip()
            if broken is not None:
                raise BuildError(f"{name}: onderdeel {broken} in het Word-bestand is beschadigd")
            for member in package.namelist():
                if member.endswith((".xml", ".rels")):
                    etree.fromstring(package.read(member))
        document = Document(io.BytesIO(data))
    except BuildError:
        raise
    except (zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, KeyError) as exc:
        raise BuildError(f"{name}: het gemaakte Word-bestand is niet geldig ({exc})") from exc
    if not any(p.text.strip() for p in document.paragraphs):
        raise BuildError(f"{name}: het gemaakte Word-bestand bevat geen tekst")


class DocxBuilder(Builder[Routekaart]):
    def template(self) -> Path:
        return self.context.template or default_template()

    def prepare(self, model: Routekaart) -> None:
        # The shipped template is checked by the test suite; a municipality's own is checked here,
        # before anything is rendered, with the same messages as `assembler check-template`.
        if self.context.template is None:
            return
        issues = check_template_file(self.context.template)
        if issues:
            count = plural(len(issues), "probleem", "problemen")
            raise TemplateError(
                f"eigen sjabloon niet bruikbaar ({count}); controleer het met "
                f"'assembler controleer-sjabloon':\n" + "\n".join(issues)
            )

    def render(self, model: Routekaart) -> dict[str, bytes]:
        return {self.filenames(model)[0]: render_docx(model, self.template())}

    def check(self, model: Routekaart, name: str, data: bytes) -> None:
        check_docx(name, data)
