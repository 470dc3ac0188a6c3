"""The new routekaart as one web page with what changed since the old one struck through and underlined.

lxml's htmldiff compares the two rendered pages word by word and marks the differences
with <ins> and <del>; the page keeps the new edition's head, styles and diagrams.
"""

from __future__ import annotations

import re

from lxml.html.diff import htmldiff
from markupsafe import escape

from assembler.builders.base import Builder
from assembler.builders.web.html import check_page
from assembler.builders.web.render import read_logo, render_html
from assembler.builders.web.webfonts import web_font_css
from assembler.errors import BuildError
from assembler.model.changes import Redline
from assembler.model.routekaart import Routekaart

_MAIN = re.compile(r"(<main\b[^>]*>)(.*)(</main>)", re.S)
_STYLE = """
ins.wijziging, main ins { background: #E6F4EA; color: #0B5521; text-decoration: underline; }
del.wijziging, main del { background: #FDECEE; color: #8A0016; text-decoration: line-through; }
.wijzigingen-uitleg { border: 2px solid #1D4F91; padding: 0.6em 1em; margin: 1em 0; }
"""


def _main(html: str, which: str) -> re.Match[str]:
    match = _MAIN.search(html)
    if match is None:
        raise BuildError(f"de {which} routekaart heeft geen hoofdinhoud om te vergelijken")
    return match


def redline_html(old: Routekaart, new: Routekaart, changes: list[str]) -> str:
    """The new page with the old one's differences marked, and the list of changes above the content."""
    fonts = web_font_css()
    before = render_html(old, "html", fonts, read_logo(old.logo))
    after = render_html(new, "html", fonts, read_logo(new.logo))
    old_main, new_main = _main(before, "oude"), _main(after, "nieuwe")
    marked = htmldiff(old_main.group(2), new_main.group(2))
    items = "".join(f"<li>{escape(text)}</li>" for text in changes) or "<li>Geen wijzigingen.</li>"
    summary = (
        '<section class="wijzigingen-uitleg" aria-labelledby="wijzigingen-kop">'
        '<h2 id="wijzigingen-kop">Wijzigingen ten opzichte van versie '
        f"{escape(old.versie)}</h2>"
        "<p>Nieuwe tekst is <ins>onderstreept</ins>, vervallen tekst is <del>doorgestreept</del>.</p>"
        f"<ul>{items}</ul></section>"
    )
    page = after[: new_main.start(2)] + summary + marked + after[new_main.end(2) :]
    return page.replace("</style>", _STYLE + "</style>", 1)


class RedlineHtmlBuilder(Builder[Redline]):
    def render(self, model: Redline) -> dict[str, bytes]:
        page = redline_html(model.oud, model.nieuw, list(model.wijzigingen))
        return {self.filenames(model)[0]: page.encode("utf-8")}

    def check(self, model: Redline, name: str, data: bytes) -> None:
        # The same page as the routekaart in HTML, with marks in it: the same checks hold.
        check_page(name, data)
