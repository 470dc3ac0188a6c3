"""The routekaart's outline, filled in: the Word template's text and order as a plain XML tree.

templates/routekaart-outline.xml is written by tools/make_docx_template.py from the same
sections as the Word template (see tools/outline_kit.py for its elements). It is rendered here
in the Word edition's sandbox with the Word edition's model values and filters, so the ODF
edition says exactly what the Word edition says; only the helpers differ: a link or e-mail
address becomes <a href>, the route <route key>, the logo <logo/>.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml import etree
from markupsafe import Markup

from assembler.builders.word.env import clean_text, display_url, helper_context, rendering_environment
from assembler.errors import BuildError
from assembler.model.routekaart import Practice, Routekaart
from assembler.resources import template_path

OUTLINE = "routekaart-outline.xml"


@cache
def _source() -> str:
    return template_path(OUTLINE).read_text(encoding="utf-8")


def _anchor(href: str, text: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(clean_text(href), clean_text(text))


@dataclass(frozen=True)
class Filled:
    """The rendered outline and the practices its <route> elements stand for."""

    root: etree._Element
    routes: dict[str, Practice]


class _Helpers:
    def __init__(self, model: Routekaart) -> None:
        self.model = model
        self.routes: dict[str, Practice] = {}

    def link(self, url: str | None, tekst: str | None = None) -> Markup:
        return _anchor(url, tekst or display_url(url)) if url else Markup("")

    def mail(self, adres: str | None) -> Markup:
        return _anchor(f"mailto:{adres}", adres) if adres else Markup("")

    def routeschema(self, praktijk: Practice) -> Markup:
        self.routes[praktijk.key] = praktijk
        return Markup('<route key="{}"/>').format(praktijk.key)

    def context(self) -> dict[str, Any]:
        logo = Markup("<logo/>") if self.model.logo else None
        return helper_context(self.model, self.link, self.mail, self.routeschema, logo)


def fill_outline(model: Routekaart) -> Filled:
    """The outline rendered for one municipality, parsed strictly."""
    helpers = _Helpers(model)
    text = rendering_environment().from_string(_source()).render(helpers.context())
    try:
        root = etree.fromstring(text.encode("utf-8"))
    except etree.XMLSyntaxError as exc:
        raise BuildError(
            f"de opbouw van de ODF-routekaart is na het invullen geen geldige XML ({exc})"
        ) from exc
    return Filled(root, helpers.routes)
