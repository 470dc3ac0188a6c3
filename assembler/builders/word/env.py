"""The Jinja environment and render context of the Word template: safe output, Dutch filters, link and image helpers.

The same declarations serve the builder (which renders) and the template check (which
must know, without a model at hand, which names and filters a template may use).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import struct
import typing
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from typing import Any

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage, RichText
from jinja2 import BaseLoader, Environment, StrictUndefined
from jinja2.runtime import LoopContext
from jinja2.sandbox import (
    UNSAFE_ASYNC_GENERATOR_ATTRIBUTES,
    UNSAFE_COROUTINE_ATTRIBUTES,
    UNSAFE_FUNCTION_ATTRIBUTES,
    UNSAFE_GENERATOR_ATTRIBUTES,
    UNSAFE_METHOD_ATTRIBUTES,
    ImmutableSandboxedEnvironment,
    SecurityError,
)
from jinja2.utils import Cycler, Joiner, Namespace
from markupsafe import Markup, escape

from assembler.dutch import dutch_date, enumeration, number_word
from assembler.model.routekaart import Practice, Routekaart

# Characters XML 1.0 forbids, plus the C1 controls and docxtpl's own markers (\a paragraph, \f page).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_CHAR_REF = re.compile(r"&#(x[0-9a-fA-F]+|[0-9]+);")

LOGO_BOX_MM = (60.0, 30.0)


@cache
def patcher() -> DocxTemplate:
    """An instance for docxtpl's patch_xml (tags split over runs joined again), which reads nothing
    of its instance: one serves every call, the template checker's and the builder's."""
    return DocxTemplate(None)


def clean_text(value: str) -> str:
    """Text as Word can store it: no control characters, line breaks as \\n."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    return _INVALID_XML.sub(" ", text)


def keep_literal(xml: str) -> str:
    # After rendering, docxtpl turns '{_{', '}_}', '{_%' and '%_}' into Jinja brackets; an
    # escaped underscore keeps such profile text exactly as typed.
    return xml.replace("{_", "{&#95;").replace("_}", "&#95;}")


def _invalid_ref(match: re.Match[str]) -> str:
    ref = match.group(1)
    try:
        code = int(ref[1:], 16) if ref[0] in "xX" else int(ref)
        return match.group(0) if not _INVALID_XML.match(chr(code)) else " "
    except (ValueError, OverflowError):
        return " "


def finalize(value: Any) -> Any:
    """Every {{ }} output passes here before autoescaping: None prints as nothing, text is made XML-safe."""
    if value is None:
        return ""
    if isinstance(value, RichText | InlineImage):
        return value  # made by our helpers from cleaned text
    if hasattr(value, "__html__"):
        # Markup from a filter (|e, |format) or a macro: already escaped, but it may still carry a
        # character XML forbids, raw or as a character reference (&#1;).
        return Markup(_CHAR_REF.sub(_invalid_ref, _INVALID_XML.sub(" ", str(value.__html__()))))
    return Markup(keep_literal(str(escape(clean_text(str(value))))))


# ---------------------------------------------------------------------------
# Filters


def datum(value: dt.date) -> str:
    """15 oktober 2026."""
    return dutch_date(value)


def hoofdletter(value: str) -> str:
    """First letter upper case, the rest untouched ('de gemeente' → 'De gemeente', 'Veilig Thuis' stays)."""
    return value[:1].upper() + value[1:]


def eerste_zin(value: str) -> str:
    """The first sentence only, for tight places such as the contact list."""
    match = re.match(r"(.+?[.!?])(?=\s+[A-ZÀ-Ý])", value.strip(), re.DOTALL)
    return match.group(1) if match else value.strip()


FILTERS: dict[str, Callable[..., Any]] = {
    "eerste_zin": eerste_zin,
    "datum": datum,
    "opsomming": enumeration,
    "getal": number_word,
    "hoofdletter": hoofdletter,
}


# ---------------------------------------------------------------------------
# The sandbox: a template, shipped or a municipality's own, reaches the model and nothing else

# Whose attributes a template may read: plain values, Jinja's loop helpers and the model's
# dataclasses. Everything else (a Path such as `logo`, the pictures and links our helpers
# return, modules, classes) could read or write files or reach Python's internals.
_PLAIN = (str, int, float, bool, dt.date, tuple, list, dict, LoopContext, Cycler, Joiner, Namespace)
_MODEL_MODULES = ("assembler.model.routekaart", "assembler.national.types", "assembler.phone")
_UNSAFE_NAMES = frozenset(
    # `origin`: where a value was written (a path on the machine) is no content of the routekaart.
    {"mro", "format_map", "origin"}
    | UNSAFE_FUNCTION_ATTRIBUTES
    | UNSAFE_METHOD_ATTRIBUTES
    | UNSAFE_GENERATOR_ATTRIBUTES
    | UNSAFE_COROUTINE_ATTRIBUTES
    | UNSAFE_ASYNC_GENERATOR_ATTRIBUTES
)
MAX_REPEAT = 100_000  # longest text or list a template may make with * (a page is a few thousand)
MAX_EXPONENT = 64


def allowed_owner(kind: type) -> bool:
    """Whether a template may read attributes of a value of this type."""
    if dataclasses.is_dataclass(kind):
        return kind.__module__ in _MODEL_MODULES
    return issubclass(kind, _PLAIN)


def unsafe_name(attr: str) -> bool:
    """Names the sandbox refuses on any value: private, dunder and Python's internal attributes."""
    return attr.startswith("_") or attr in _UNSAFE_NAMES


class _NoFiles(BaseLoader):
    """Refuses {% include %}, {% import %} and {% extends %}: a template never reaches the filesystem."""

    def get_source(self, environment: Environment, template: str) -> Any:
        raise SecurityError(
            f"een Word-sjabloon kan geen andere sjablonen of bestanden invoegen ('{template}' via "
            "include, import of extends)"
        )


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, narrowed to the model's own values and bounded in size."""

    intercepted_binops = frozenset({"*", "**"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if unsafe_name(attr) or not allowed_owner(type(obj)):
            return False
        return bool(super().is_safe_attribute(obj, attr, value))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        # The sandbox caps range() but not repetition or powers; '"x" * 10**9' would fill the memory.
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise SecurityError(
                f"machtsverheffen tot meer dan {MAX_EXPONENT} is niet toegestaan in een sjabloon"
            )
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | list | tuple)
                    and isinstance(count, int)
                    and len(seq) * count > MAX_REPEAT
                ):
                    raise SecurityError(
                        f"herhalen met * tot meer dan {MAX_REPEAT} tekens of items is niet toegestaan "
                        "in een sjabloon"
                    )
        return super().call_binop(context, operator, left, right)


def _text(value: Any) -> Any:
    # |safe and |urlize would pass profile text into the document XML unescaped; here they
    # leave it text, which the output filter escapes.
    return value


def make_environment() -> Environment:
    """The sandbox with autoescape on, StrictUndefined (a missing name is an error that names it),
    no file loader, and our filters."""
    return _configured(TemplateSandbox(autoescape=True, undefined=StrictUndefined, finalize=finalize, loader=_NoFiles()))


def _configured(env: TemplateSandbox) -> TemplateSandbox:
    env.filters.update(FILTERS)
    env.filters.update(safe=_text, urlize=_text)
    return env


class _CompilingOnce(TemplateSandbox):
    """The sandbox that keeps what it compiled: docxtpl hands it a template's XML as text for every
    document (body, headers, footers, each property), and compiling that text was over half of a
    Word render. The same text gives the same template, whatever the context it is rendered with."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._compiled: OrderedDict[str, Any] = OrderedDict()

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            template = self._compiled[source] = super().from_string(source)
            while len(self._compiled) > _COMPILED_KEPT:
                self._compiled.popitem(last=False)  # the least recently used: a municipality's own template
        else:
            self._compiled.move_to_end(source)
        return template


_COMPILED_KEPT = 64  # parts of a few templates: the shipped one and municipalities' own


@cache
def rendering_environment() -> Environment:
    """One sandbox per process for rendering, configured as make_environment(), that compiles each
    template text once (a batch worker renders hundreds of documents from the same template)."""
    return _configured(_CompilingOnce(autoescape=True, undefined=StrictUndefined, finalize=finalize, loader=_NoFiles()))


# ---------------------------------------------------------------------------
# Context: the model's fields at top level, plus helpers


class Helper:
    """Marks a context name as a function for the template check; attributes on it do not exist."""


class Image:
    """Marks a context name or helper result as a picture."""


# name -> (type for the template check, Dutch explanation for the template author)
HELPERS: dict[str, tuple[Any, str]] = {
    "link": (Helper, "webadres als link: {{r link(adres) }} of {{r link(adres, 'tekst') }}"),
    "mail": (Helper, "e-mailadres als link: {{r mail(adres) }}"),
    "routeschema": (Helper, "routeschema van een praktijk als tabel: {{ routeschema(praktijk) }} in een eigen alinea"),
    "logo_afbeelding": (Image, "het logo van de gemeente als afbeelding, of niets als er geen logo is"),
}


def properties(cls: type) -> dict[str, Any]:
    found = {}
    for name, member in vars(cls).items():
        if isinstance(member, property) and member.fget is not None:
            found[name] = typing.get_type_hints(member.fget).get("return", Any)
    return found


def model_names() -> dict[str, Any]:
    """Every top-level name a template may use, with its type (for the template check)."""
    names: dict[str, Any] = dict(typing.get_type_hints(Routekaart))
    names.update(properties(Routekaart))
    names.update({name: kind for name, (kind, _) in HELPERS.items()})
    return names


def model_values(model: Routekaart) -> dict[str, Any]:
    values = {f.name: getattr(model, f.name) for f in dataclasses.fields(model)}
    values.update({name: getattr(model, name) for name in properties(Routekaart)})
    return values


class DescribedImage(InlineImage):
    """docxtpl's InlineImage with an alternative text for screen readers."""

    def __init__(self, tpl: DocxTemplate, data: bytes, width: Any, height: Any, alt: str) -> None:
        super().__init__(tpl, io.BytesIO(data), width=width, height=height)
        self.alt = clean_text(alt)

    def _insert_image(self) -> str:
        inline = self.tpl.current_rendering_part.new_pic_inline(
            self.image_descriptor, self.width, self.height
        )
        inline.docPr.set("descr", self.alt)
        inline.docPr.set("title", self.alt.split(". ")[0][:200])
        return f'</w:t></w:r><w:r><w:drawing>{inline.xml}</w:drawing></w:r><w:r><w:t xml:space="preserve">'


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels, read from the PNG header."""
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def image_size(data: bytes) -> tuple[int, int]:
    if data.startswith(b"\x89PNG"):
        return png_size(data)
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(data)) as picture:
        return picture.size


def fit(size: tuple[int, int], box_mm: tuple[float, float]) -> tuple[Mm, Mm]:
    """The largest width and height within box_mm that keep the picture's proportions."""
    width, height = size
    scale = min(box_mm[0] / width, box_mm[1] / height)
    return Mm(width * scale), Mm(height * scale)


def display_url(url: str) -> str:
    """An address as people read it: without https:// and a trailing slash."""
    return re.sub(r"^https?://", "", url).rstrip("/")


def _rich(text: str, tpl: DocxTemplate, target: str) -> RichText:
    rich = RichText(clean_text(text), url_id=tpl.build_url_id(target), style="Hyperlink")
    rich.xml = keep_literal(rich.xml)
    return rich


class ContextMaker:
    """Builds the render context for one model; pictures are made only when the template asks for them."""

    def __init__(
        self,
        model: Routekaart,
        tpl: DocxTemplate,
        diagram: Callable[[Practice], Markup],
        logo: bytes | None,
    ) -> None:
        self.model = model
        self.tpl = tpl
        self.diagram = diagram
        self.logo = logo

    def link(self, url: str | None, tekst: str | None = None) -> RichText:
        # An empty address gives no link at all rather than a link to nowhere.
        return _rich(tekst or display_url(url), self.tpl, url) if url else RichText()

    def mail(self, adres: str | None) -> RichText:
        return _rich(adres, self.tpl, f"mailto:{adres}") if adres else RichText()

    def routeschema(self, praktijk: Practice) -> Markup:
        return self.diagram(praktijk)

    def logo_image(self) -> DescribedImage | None:
        if self.logo is None:
            return None
        width, height = fit(image_size(self.logo), LOGO_BOX_MM)
        return DescribedImage(self.tpl, self.logo, width, height, f"Logo van {self.model.gemeente}")

    def context(self) -> dict[str, Any]:
        return helper_context(self.model, self.link, self.mail, self.routeschema, self.logo_image())


def helper_context(
    model: Routekaart,
    link: Callable[..., Any],
    mail: Callable[[str | None], Any],
    routeschema: Callable[[Practice], Any],
    logo: Any,
) -> dict[str, Any]:
    """The model's values with the helpers a template calls (HELPERS), as each edition makes them."""
    values = model_values(model)
    values.update(link=link, mail=mail, routeschema=routeschema, logo_afbeelding=logo)
    return values
