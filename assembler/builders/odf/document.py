"""The ODF edition built with odfdo from the filled-in outline: headings, lists, tables, links,
bookmarks, the contents, the logo, the running header and footer and the CONCEPT marking."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from lxml import etree
from odfdo import Document, Element
from odfdo.xmlpart import XmlPart

from assembler.builders.art.routestyle import alt_text
from assembler.builders.odf import styles as S
from assembler.builders.odf.autostyles import AutoStyles
from assembler.builders.odf.nodes import add, add_text, fragments, node, qname
from assembler.builders.odf.outline import Filled
from assembler.builders.odf.tables import RouteTable, outline_table
from assembler.builders.odf.watermark import concept_mark, graphic_style
from assembler.builders.word.bidi import RTL_LETTERS
from assembler.builders.word.env import LOGO_BOX_MM, image_size
from assembler.builders.word.finish import TOC_BOOKMARK_BASE
from assembler.fonts import direction
from assembler.model.routekaart import Routekaart

LIST_STYLES = {"List Bullet": S.BULLETS, "List Number": S.NUMBERS}
RTL = 'style:writing-mode="rl-tb" fo:text-align="start"'


def _text(element: etree._Element) -> str:
    return "".join(element.itertext())


class OdfWriter:
    """Writes one filled-in outline into a fresh odfdo text document."""

    def __init__(self, model: Routekaart, filled: Filled) -> None:
        self.model = model
        self.filled = filled
        self.document = Document("text")
        self.styles = AutoStyles()
        self.routes = RouteTable(self.styles)
        self.tables = 0
        self.images = 0
        self.toc_entries: list[tuple[str, str, int]] = []
        self.toc_levels = 0
        self.first = True  # the first paragraph opens the cover page

    # -- inline content -------------------------------------------------------

    def _inline(self, target: etree._Element, source: etree._Element) -> None:
        """The text and inline elements of an outline element, appended to an ODF paragraph or span."""
        add_text(target, source.text or "")
        for child in source:
            if child.tag == "b":
                self._inline(add(target, "text:span", {"text:style-name": S.STRONG}), child)
            elif child.tag == "a":
                link = {
                    "xlink:type": "simple",
                    "xlink:href": child.get("href", ""),
                    "text:style-name": S.LINK,
                    "text:visited-style-name": S.LINK,
                }
                add(target, "text:a", link, _text(child))
            elif child.tag == "tab":
                add(target, "text:tab")
            elif child.tag == "page-number":
                add(target, "text:page-number", {"text:select-page": "current"}, "1")
            elif child.tag == "page-count":
                add(target, "text:page-count", text="1")
            elif child.tag == "logo":
                target.append(self._logo())
            else:
                raise ValueError(f"unknown inline element <{child.tag}> in the outline")
            add_text(target, child.tail or "")

    def _logo(self) -> etree._Element:
        """The logo as a picture in the line, at most 60 × 30 mm as in Word, with its alternative text."""
        assert self.model.logo is not None
        data = self.model.logo.read_bytes()
        width, height = image_size(data)
        scale = min(LOGO_BOX_MM[0] / width, LOGO_BOX_MM[1] / height)
        uri = self._picture(data)
        self.images += 1
        frame = node(
            "draw:frame",
            {
                "draw:name": f"Logo{self.images}",
                "text:anchor-type": "as-char",
                "svg:width": f"{width * scale:.2f}mm",
                "svg:height": f"{height * scale:.2f}mm",
            },
        )
        add(
            frame,
            "draw:image",
            {"xlink:href": uri, "xlink:type": "simple", "xlink:show": "embed", "xlink:actuate": "onLoad"},
        )
        add(frame, "svg:title", text=f"Logo van {self.model.gemeente}")
        add(frame, "svg:desc", text=f"Logo van {self.model.gemeente}")
        return frame

    def _picture(self, data: bytes) -> str:
        """The picture in the package as Pictures/<hash>.png or .jpg (the logo's type read from its
        bytes, as the profile check reads it), listed in the manifest with its media type."""
        png = data.startswith(b"\x89PNG")
        path = f"Pictures/{hashlib.sha256(data).hexdigest()[:32]}.{'png' if png else 'jpg'}"
        container = self.document.container
        assert container is not None
        container.set_part(path, data)
        self.document.manifest.add_full_path(path, "image/png" if png else "image/jpeg")
        return path

    # -- paragraphs -----------------------------------------------------------

    def _paragraph_style(self, source: etree._Element, named: str) -> str:
        props = []
        if source.get("keep") == "1":
            props.append('fo:keep-with-next="always"')
        if source.get("before"):
            props.append(f'fo:margin-top="{source.get("before")}pt"')
        if source.get("align") == "center":
            props.append('fo:text-align="center"')
        text = _text(source)
        if RTL_LETTERS.search(text) and direction(text) == "rtl":
            props.append(RTL)
        master = ""
        if self.first:
            master, self.first = S.COVER, False
        return self.styles.paragraph(named, " ".join(props), master=master)

    def paragraph(self, source: etree._Element, named: str | None = None) -> etree._Element:
        style = named or S.PARAGRAPH[source.get("style", "Normal")]
        paragraph = node("text:p", {"text:style-name": self._paragraph_style(source, style)})
        self._inline(paragraph, source)
        return paragraph

    def heading(self, source: etree._Element) -> etree._Element:
        """A heading; a paragraph in a heading style (the Word template's "Heading 4") is one too."""
        style = source.get("style", "")
        level = int(
            style.removeprefix("Heading ") if style.startswith("Heading ") else source.get("level", "1")
        )
        named = S.PARAGRAPH[f"Heading {level}"]
        props = 'fo:break-before="page"' if source.get("page-break") == "1" else ""
        text = _text(source)
        if RTL_LETTERS.search(text) and direction(text) == "rtl":
            props = f"{props} {RTL}".strip()
        header = node(
            "text:h",
            {"text:style-name": self.styles.paragraph(named, props), "text:outline-level": str(level)},
        )
        if level <= self.toc_levels and text.strip():
            name = f"_Toc{TOC_BOOKMARK_BASE + len(self.toc_entries) + 1}"
            self.toc_entries.append((name, text.strip(), level))
            add(header, "text:bookmark-start", {"text:name": name})
            self._inline(header, source)
            add(header, "text:bookmark-end", {"text:name": name})
        else:
            self._inline(header, source)
        return header

    def _list(self, items: list[etree._Element]) -> etree._Element:
        listing = node("text:list", {"text:style-name": LIST_STYLES[items[0].get("style", "")]})
        for source in items:
            add(listing, "text:list-item").append(self.paragraph(source))
        return listing

    # -- blocks ---------------------------------------------------------------

    def _blocks(self, body: etree._Element) -> Iterator[etree._Element]:
        pending: list[etree._Element] = []
        for source in body:
            if pending and (source.tag != "p" or source.get("style") != pending[0].get("style")):
                yield self._list(pending)
                pending = []
            if source.tag == "p" and source.get("style") in LIST_STYLES:
                pending.append(source)
            elif source.tag == "p" and source.find("route") is not None:
                practice = self.filled.routes[source.find("route").get("key", "")]
                titel = f"Route bij signalen van {practice.naam.lower()} in {self.model.gemeente}"
                self.tables += 1
                yield self.routes.table(
                    self.tables, practice.route, self.model.kleur, titel, alt_text(practice.route, titel)
                )
            elif source.tag == "h" or source.get("style", "").startswith("Heading "):
                yield self.heading(source)
            elif source.tag == "p":
                yield self.paragraph(source)
            elif source.tag == "toc":
                yield self._toc(int(source.get("levels", "2")))
            elif source.tag == "table":
                self.tables += 1
                yield outline_table(self.tables, source, self.model.kleur, self.styles, self._fill_cell)
            else:
                raise ValueError(f"unknown block <{source.tag}> in the outline")
        if pending:
            yield self._list(pending)

    def _fill_cell(self, cell: etree._Element, source: etree._Element, heading: bool) -> None:
        for paragraph in source.iterchildren("p"):
            style = paragraph.get("style")
            named = (
                S.PARAGRAPH[style]
                if style and style != "Normal"
                else (S.TABLE_HEADING if heading else S.TABLE_TEXT)
            )
            cell.append(self.paragraph(paragraph, named))

    # -- contents -------------------------------------------------------------

    def _toc(self, levels: int) -> etree._Element:
        self.toc_levels = levels
        return node("text:table-of-content", {"text:name": "Inhoudsopgave", "text:protected": "true"})

    def _fill_toc(self, toc: etree._Element) -> None:
        """The source (outline levels 1..n, each entry a link) and the entries as they stand now:
        a reader who never updates the index sees the chapters; Writer adds page numbers on update."""
        templates = "".join(
            f'<text:table-of-content-entry-template text:outline-level="{level}" '
            f'text:style-name="{S.PARAGRAPH[f"toc {level}"]}">'
            "<text:index-entry-link-start/><text:index-entry-text/>"
            '<text:index-entry-tab-stop style:type="right" style:leader-char="."/>'
            "<text:index-entry-page-number/><text:index-entry-link-end/>"
            "</text:table-of-content-entry-template>"
            for level in range(1, self.toc_levels + 1)
        )
        toc.extend(
            fragments(
                [
                    f'<text:table-of-content-source text:outline-level="{self.toc_levels}" '
                    'text:use-index-marks="false" text:use-outline-level="true">'
                    f"<text:index-title-template/>{templates}</text:table-of-content-source>"
                ]
            )
        )
        index = add(toc, "text:index-body")
        for name, text, level in self.toc_entries:
            entry = add(index, "text:p", {"text:style-name": S.PARAGRAPH[f"toc {level}"]})
            link = {"xlink:type": "simple", "xlink:href": f"#{name}", "text:style-name": S.INDEX_LINK}
            add(entry, "text:a", {**link, "text:visited-style-name": S.INDEX_LINK}, text)

    # -- the whole document ---------------------------------------------------

    def running(self) -> tuple[list[etree._Element], list[etree._Element]]:
        """The header and footer paragraphs of every page after the cover."""
        root = self.filled.root
        return (
            [self._running(p, S.HEADER) for p in root.iterfind("header/p")],
            [self._running(p, S.FOOTER) for p in root.iterfind("footer/p")],
        )

    def _running(self, source: etree._Element, style: str) -> etree._Element:
        # Named styles only: a header lives in styles.xml, where content.xml's automatic styles are unknown.
        paragraph = node("text:p", {"text:style-name": style})
        self._inline(paragraph, source)
        return paragraph

    def write(self) -> Document:
        office_text = self.document.body
        office_text.clear()
        header, footer = self.running()
        toc = None
        for block in self._blocks(self.filled.root.find("body")):
            if block.tag == qname("text:table-of-content"):
                toc = block
            office_text.append(Element.from_tag(block))
        if toc is not None:
            self._fill_toc(toc)
        replace_children(self.document, "content.xml", "office:automatic-styles", self.styles.elements())
        install_styles(self.document, self.model, header, footer)
        return self.document


def replace_children(document: Document, part_name: str, xpath: str, elements: list[etree._Element]) -> None:
    """The children of one container element of an XML part (office:styles, ...) replaced by `elements`."""
    part = document.get_part(part_name)
    if not isinstance(part, XmlPart):
        raise TypeError(f"{part_name} is not an XML part")
    container = part.root.get_element(xpath)
    if container is None:
        raise ValueError(f"{part_name} has no {xpath}")
    container.clear()
    for element in elements:
        container.append(Element.from_tag(element))


def install_styles(
    document: Document, model: Routekaart, header: list[etree._Element], footer: list[etree._Element]
) -> None:
    """styles.xml anew: fonts, defaults, the named styles in the house colour, the page layouts and
    the master pages (the cover without header and footer), with the CONCEPT marking on a concept."""

    def fill(xpath: str, elements: list[etree._Element]) -> None:
        replace_children(document, "styles.xml", xpath, elements)

    fill("office:font-face-decls", fragments(S.font_faces()))
    fill("office:styles", fragments([*S.default_styles(), *S.common_styles(model.kleur), S.outline_style()]))
    automatic = S.page_layouts()
    page_header = node("style:header")
    cover = node(
        "style:master-page",
        {
            "style:name": S.COVER,
            "style:display-name": "First Page",
            "style:page-layout-name": "Pagina" if model.is_concept else "Omslag",
            "style:next-style-name": S.MASTER,
        },
    )
    if model.is_concept:
        automatic.extend(graphic_style())
        page_header.append(concept_mark(model.concept_tekst, 1))
        add(cover, "style:header").append(concept_mark(model.concept_tekst, 2))
    fill("office:automatic-styles", fragments(automatic))
    page_header.extend(header)
    page_footer = node("style:footer")
    page_footer.extend(footer)
    standard = node("style:master-page", {"style:name": S.MASTER, "style:page-layout-name": "Pagina"})
    standard.extend([page_header, page_footer])
    fill("office:master-styles", [standard, cover])
