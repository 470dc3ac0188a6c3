"""Automatic styles: the one-off variants a paragraph, cell or column needs, made once per document.

A paragraph that keeps with the next, reads from the right or starts the cover page gets an
automatic style on top of its named style, as Writer itself writes them; equal variants share
one style, numbered in the order first needed, so the same document gives the same names.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from assembler.builders.odf.nodes import fragments
from assembler.builders.odf.styles import TEXT_WIDTH_MM


class AutoStyles:
    def __init__(self) -> None:
        self.made: dict[tuple[str, ...], str] = {}
        self.counts: Counter[str] = Counter()
        self.xml: list[str] = []

    def _style(self, key: tuple[str, ...], prefix: str, xml: str) -> str:
        name = self.made.get(key)
        if name is None:
            self.counts[prefix] += 1
            name = self.made[key] = f"{prefix}{self.counts[prefix]}"
            self.xml.append(xml.replace("{name}", name))
        return name

    def elements(self) -> list[etree._Element]:
        """Every style made, for office:automatic-styles of content.xml."""
        return fragments(self.xml)

    def paragraph(self, parent: str, properties: str = "", text: str = "", master: str = "") -> str:
        """A variant of the named paragraph style `parent` with extra paragraph or text properties."""
        if not (properties or text or master):
            return parent
        xml = (
            '<style:style style:name="{name}" style:family="paragraph" '
            + f'style:parent-style-name="{parent}"'
        )
        xml += f' style:master-page-name="{master}">' if master else ">"
        if properties:
            xml += f"<style:paragraph-properties {properties}/>"
        if text:
            xml += f"<style:text-properties {text}/>"
        xml += "</style:style>"
        return self._style(("P", parent, properties, text, master), "P", xml)

    def text(self, properties: str) -> str:
        xml = f'<style:style style:name="{{name}}" style:family="text"><style:text-properties {properties}/></style:style>'
        return self._style(("T", properties), "T", xml)

    def table(self, width_mm: float = TEXT_WIDTH_MM, align: str = "center") -> str:
        xml = (
            '<style:style style:name="{name}" style:family="table"><style:table-properties '
            f'style:width="{width_mm:.2f}mm" table:align="{align}" fo:margin-top="0mm" fo:margin-bottom="0mm"/>'
            "</style:style>"
        )
        return self._style(("Tbl", f"{width_mm:.2f}", align), "Tabel", xml)

    def column(self, width_mm: float) -> str:
        xml = (
            '<style:style style:name="{name}" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{width_mm:.2f}mm"/></style:style>'
        )
        return self._style(("Col", f"{width_mm:.2f}"), "Kolom", xml)

    def row(self, keep: bool) -> str:
        keep_attr = ' fo:keep-together="always"' if keep else ' fo:keep-together="auto"'
        xml = (
            '<style:style style:name="{name}" style:family="table-row">'
            f"<style:table-row-properties{keep_attr}/></style:style>"
        )
        return self._style(("Row", str(keep)), "Rij", xml)

    def cell(self, properties: str) -> str:
        xml = (
            '<style:style style:name="{name}" style:family="table-cell">'
            f"<style:table-cell-properties {properties}/></style:style>"
        )
        return self._style(("Cell", properties), "Cel", xml)
