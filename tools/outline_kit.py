"""The outline writer: the Word template's content, written once more as a small XML outline.

tools/make_docx_template.py writes the routekaart's text, order and structure through a writer.
`docx_kit.Writer` turns each call into the Word template; `OutlineWriter` turns the same calls
into templates/routekaart-outline.xml, a Jinja template of a plain XML outline (headings,
paragraphs with a style, tables with a header row, links, the contents) that the ODF builder
(assembler/builders/odf) renders with the Word edition's sandbox and model and then writes as
OpenDocument. One script, two templates: the editions cannot drift apart in wording or order.

The outline's elements:
  outline > header, footer, body
  p[style, keep, before (pt), align]       a paragraph; inline: b, tab, a[href], logo, route, page-number, page-count
  h[level, page-break]                      a heading
  toc[levels]                               the table of contents over heading levels 1..levels
  table[widths (mm)] > header > cell*       the header row, repeated on every page
                     > row > cell*          a body row; a cell holds p elements
Jinja tags ({% if %}, {% for %}) stand on lines of their own, outside any element they wrap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from docx_kit import Idioms, Loop, Row

_JINJA = re.compile(r"({{.*?}}|{%.*?%})", re.DOTALL)
_DOCXTPL_MARK = re.compile(r"^({%|{{)(p|tr|r) ")  # docxtpl's paragraph, row and rich-text markers
ALIGN = {1: "center"}  # python-docx's WD_ALIGN_PARAGRAPH.CENTER


def jinja(text: str) -> str:
    """docxtpl's marked tags as plain Jinja ({%p if %} → {% if %}, {{r x }} → {{ x }}), the text
    between the tags XML-escaped."""
    parts = []
    for part in _JINJA.split(text):
        if _JINJA.fullmatch(part):
            if any(c in part for c in "<>&"):
                raise ValueError(f"a template tag with <, > or & cannot stand in the outline: {part}")
            parts.append(_DOCXTPL_MARK.sub(r"\1 ", part))
        else:
            parts.append(escape(part))
    return "".join(parts).replace("\t", "<tab/>")


class _Paragraph:
    """What the template script sets on a paragraph after writing it (python-docx's names)."""

    def __init__(self, attributes: dict[str, str]) -> None:
        self._attributes = attributes

    @property
    def paragraph_format(self) -> _Paragraph:
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "_attributes":
            object.__setattr__(self, name, value)
        elif name == "space_before":
            self._attributes["before"] = f"{value.pt:g}"
        elif name == "keep_with_next":
            self._attributes["keep"] = "1" if value else "0"
        elif name == "alignment":
            self._attributes["align"] = ALIGN[int(value)]
        else:
            raise AttributeError(f"the outline has no paragraph setting {name!r}")


class OutlineWriter(Idioms):
    """Collects the outline's lines; `text()` is the finished template."""

    def __init__(self) -> None:
        self.lines: list[Any] = []

    def p(
        self, text: str = "", style: str = "Normal", bold_prefix: str = "", keep: bool = False
    ) -> _Paragraph:
        attributes = {"style": style}
        if keep:
            attributes["keep"] = "1"
        content = (f"<b>{jinja(bold_prefix)}</b>" if bold_prefix else "") + jinja(text)
        self.lines.append(("p", attributes, content))
        return _Paragraph(attributes)

    def tag(self, tag: str) -> None:
        self.lines.append(jinja(tag))

    def h(self, text: str, level: int, page_break: bool = False) -> _Paragraph:
        attributes = {"level": str(level)}
        if page_break:
            attributes["page-break"] = "1"
        self.lines.append(("h", attributes, jinja(text)))
        return _Paragraph(attributes)

    def toc(self, levels: tuple[int, int], placeholder: str) -> None:
        low, high = levels
        if low != 1:
            raise ValueError("the outline's contents always start at heading level 1")
        self.lines.append(f'<toc levels="{high}"/>')

    def table(self, headers: Sequence[str], widths_mm: Sequence[float], *blocks: Row | Loop) -> None:
        self.lines.append(f'<table widths="{" ".join(f"{w:g}" for w in widths_mm)}">')
        self.lines.append(
            "<header>" + "".join(f"<cell>{_cell_lines(h)}</cell>" for h in headers) + "</header>"
        )
        for block in blocks:
            if isinstance(block, Loop):
                self.lines.append(jinja(f"{{%tr for {block.loop} %}}"))
            self.lines.append("<row>")
            self.lines.extend(f"<cell>{_cell_lines(cell)}</cell>" for cell in block.cells)
            self.lines.append("</row>")
            if isinstance(block, Loop):
                self.lines.append(jinja("{%tr endfor %}"))
        self.lines.append("</table>")

    @staticmethod
    def running(name: str, left: str, right: str, page_numbers: bool = False) -> str:
        """The running header or footer: left and right of a tab, optionally 'N van M' after the right."""
        numbers = "<page-number/> van <page-count/>" if page_numbers else ""
        return f"<{name}><p>{jinja(left)}<tab/>{jinja(right)}{numbers}</p></{name}>"

    def text(self, running: Sequence[str]) -> str:
        body = [_line(line) for line in self.lines]
        return "\n".join(["<outline>", *running, "<body>", *body, "</body>", "</outline>", ""])


def _cell_lines(cell: str | Sequence[str | tuple[str, str]]) -> str:
    lines = [cell] if isinstance(cell, str) else list(cell)
    out = []
    for line in lines:
        text, style = line if isinstance(line, tuple) else (line, None)
        if text.startswith("{%p "):  # a paragraph tag of docxtpl: the line is the tag alone
            out.append(jinja(text))
        else:
            out.append(_line(("p", {"style": style} if style else {}, jinja(text))))
    return "".join(out)


def _line(line: Any) -> str:
    if isinstance(line, str):
        return line
    name, attributes, content = line
    attrs = "".join(f" {key}={quoteattr(value)}" for key, value in attributes.items())
    return f"<{name}{attrs}>{content}</{name}>"
