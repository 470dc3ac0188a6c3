"""Column widths for the PDF's short partner tables, so WeasyPrint can lay every table out fixed.

With auto layout WeasyPrint measures every cell of a table twice (narrowest and widest) before
it sets a line; with fixed layout it takes the widths it is given (print.css), which saves about
a tenth of a PDF build. Most columns had set widths already. The phone column of the short
partner tables had none: auto layout made it as wide as its longest line, which never breaks
(a phone number, or the e-mail address of a partner without one). That width is measured here
instead, with the shipped font, for only the lines that column holds. It may take up to 62% of
the table, leaving the role column a tenth, as auto layout did; a line longer still stops the
build at the fit guard (pdffit.py), naming the field.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from urllib.parse import urlsplit

from markupsafe import Markup

from assembler.fonts import text_width
from assembler.model.routekaart import Partner

TEXT_WIDTH = (210 - 2 * 18) * 72 / 25.4  # pt: A4 less the side margins of print.css's @page
SIZE = 10.0  # pt: print.css sets html at 10pt
PADDING = 1.0  # em: half an em on either side of a cell (routekaart.css th, td)
SLACK = 1.5  # pt: the cell's border and rounding
NAME = 28.0  # % for the name column, as .kol-naam in print.css


def domein(url: str) -> str:
    """The host of a URL without www., as short link text (the template's filter domein)."""
    host = urlsplit(url).netloc
    return host[4:] if host.startswith("www.") else host


def phone_lines(partners: Iterable[Partner]) -> list[str]:
    """The lines of the short table's phone column, as macros.html.j2 writes them."""
    lines: list[str] = []
    for p in partners:
        lines += [str(p.telefoon)] if p.telefoon else []
        lines += [f"spoed {p.spoed}"] if p.spoed else []
        lines += [p.email] if p.email and not (p.telefoon or p.spoed) else []
    return lines


def share(lines: Iterable[str], least: float, most: float) -> float:
    """The percentage of the table a column needs for the widest of these unbroken lines,
    within least and most, rounded up to a tenth."""
    widest = max((text_width(line, SIZE) for line in lines), default=0.0)
    need = 100 * (widest + PADDING * SIZE + SLACK) / TEXT_WIDTH
    return min(most, max(least, math.ceil(10 * need) / 10))


class Columns:
    """The colgroup of a short partner table in the PDF; in the web page nothing, where a
    browser's auto layout costs nothing worth saving and a phone's narrow screen needs it."""

    def __init__(self, fixed: bool) -> None:
        self.fixed = fixed

    def partners_short(self, partners: Iterable[Partner]) -> Markup:
        if not self.fixed:
            return Markup("")
        phone = share(phone_lines(partners), 14, 62)
        return Markup(f'<colgroup><col style="width: {NAME:g}%"><col><col style="width: {phone:g}%"></colgroup>')
