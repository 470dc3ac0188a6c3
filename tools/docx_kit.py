"""House styles and writing helpers shared by the Word template generators in tools/.

tools/make_docx_template.py (the municipal routekaart) and tools/make_regio_template.py (the
regional one) both start from `blank_document`, so the two documents carry the same real Word
styles and a communications officer restyles them the same way.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips
from docx.table import Table
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from assembler.zips import rezip_office  # noqa: E402

TEMPLATE_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

W = nsdecls("w")
FONT = "Noto Sans"
LANG = "nl-NL"
COLOUR = "1D4F91"  # assembler.profile.schema.HOUSE_COLOUR; the builder replaces it with the house colour
TEXT_WIDTH = 9070  # twips: A4 (11906) minus two margins of 2.5 cm
TABLE_STYLE = "Routekaart Tabel"
DASH = "–"


# ---------------------------------------------------------------------------
# Styles


def _fonts() -> str:
    return f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'


def _lang() -> str:
    return f'<w:lang w:val="{LANG}" w:eastAsia="{LANG}" w:bidi="ar-SA"/>'


def _style(
    kind: str,
    style_id: str,
    name: str,
    ppr: str = "",
    rpr: str = "",
    based_on: str | None = "Normal",
    nxt: str | None = None,
    extra: str = "",
    ui_priority: int | None = None,
    qformat: bool = True,
    default: bool = False,
) -> str:
    parts = [
        f'<w:style {W} w:type="{kind}" w:styleId="{style_id}"' + (' w:default="1"' if default else "") + ">"
    ]
    parts.append(f'<w:name w:val="{name}"/>')
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if nxt:
        parts.append(f'<w:next w:val="{nxt}"/>')
    if ui_priority is not None:
        parts.append(f'<w:uiPriority w:val="{ui_priority}"/>')
    if qformat:
        parts.append("<w:qFormat/>")
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    parts.append(extra)
    parts.append("</w:style>")
    return "".join(parts)


def _size(points: float) -> str:
    half = round(points * 2)
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def _heading(level: int, size: float, before: int, after: int, page_break: bool = False) -> str:
    ppr = "<w:keepNext/><w:keepLines/>" + ("<w:pageBreakBefore/>" if page_break else "")
    ppr += f'<w:spacing w:before="{before}" w:after="{after}" w:line="240" w:lineRule="auto"/>'
    ppr += f'<w:outlineLvl w:val="{level - 1}"/>'
    rpr = f'{_fonts()}<w:b/><w:bCs/><w:color w:val="{COLOUR}"/>{_size(size)}'
    return _style("paragraph", f"Heading{level}", f"heading {level}", ppr, rpr, nxt="Normal", ui_priority=9)


def _table_style() -> str:
    border = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>'
    borders = "".join(border.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tblpr = (
        f"<w:tblPr><w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblCellMar><w:top w:w="45" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="45" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    )
    header = (
        '<w:tblStylePr w:type="firstRow"><w:pPr><w:keepNext/></w:pPr>'
        '<w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>'
        "<w:tblPr/><w:trPr><w:tblHeader/></w:trPr>"
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{COLOUR}"/></w:tcPr></w:tblStylePr>'
    )
    band = (
        '<w:tblStylePr w:type="band2Horz"><w:tblPr/>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/></w:tcPr></w:tblStylePr>'
    )
    return _style(
        "table",
        "RoutekaartTabel",
        TABLE_STYLE,
        ppr='<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
        rpr=_size(8.5),
        based_on="TableNormal",
        ui_priority=40,
        extra=tblpr + header + band,
    )


def _styles() -> list[str]:
    list_spacing = '<w:spacing w:before="0" w:after="60"/><w:contextualSpacing/>'
    grey = '<w:color w:val="595959"/>'
    return [
        # Size and spacing live in docDefaults, not here: Normal's own values would beat the table
        # style inside every table cell.
        _style("paragraph", "Normal", "Normal", "", _fonts() + _lang(), based_on=None, default=True),
        _style(
            "paragraph",
            "Title",
            "Title",
            f'<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="8" w:color="{COLOUR}"/></w:pBdr>'
            '<w:spacing w:before="1200" w:after="360" w:line="240" w:lineRule="auto"/>',
            f'{_fonts()}<w:b/><w:bCs/><w:color w:val="{COLOUR}"/><w:kern w:val="28"/>{_size(30)}',
            nxt="Normal",
            ui_priority=10,
        ),
        _style(
            "paragraph",
            "Subtitle",
            "Subtitle",
            '<w:spacing w:before="0" w:after="480" w:line="240" w:lineRule="auto"/>',
            f'{_fonts()}<w:color w:val="404040"/>{_size(20)}',
            nxt="Normal",
            ui_priority=11,
        ),
        _heading(1, 20, 0, 280, page_break=True),
        _heading(2, 14, 360, 120),
        _heading(3, 11.5, 240, 80),
        _style(
            "paragraph",
            "Heading4",
            "heading 4",
            '<w:keepNext/><w:keepLines/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="3"/>',
            f'{_fonts()}<w:b/><w:bCs/><w:color w:val="262626"/>{_size(10)}',
            nxt="Normal",
            ui_priority=9,
        ),
        _style(
            "paragraph",
            "TOCHeading",
            "TOC Heading",
            '<w:outlineLvl w:val="9"/>',
            based_on="Heading1",
            nxt="Normal",
            ui_priority=39,
        ),
        *(
            _style(
                "paragraph",
                f"TOC{level}",
                f"toc {level}",
                f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH}"/></w:tabs>'
                f'<w:spacing w:before="{120 if level == 1 else 0}" w:after="40"/>'
                f'<w:ind w:left="{(level - 1) * 240}"/>',
                "<w:b/><w:bCs/>" if level == 1 else "",
                nxt="Normal",
                ui_priority=39,
            )
            for level in (1, 2, 3)
        ),
        _style(
            "paragraph",
            "ListBullet",
            "List Bullet",
            f'<w:numPr><w:numId w:val="1"/></w:numPr>{list_spacing}',
            ui_priority=99,
        ),
        _style(
            "paragraph",
            "ListNumber",
            "List Number",
            f'<w:numPr><w:numId w:val="5"/></w:numPr>{list_spacing}',
            ui_priority=99,
        ),
        # Header and footer: the same small grey line with a right tab at the text edge.
        *(
            _style(
                "paragraph",
                name,
                name.lower(),
                f'<w:tabs><w:tab w:val="clear" w:pos="4680"/><w:tab w:val="clear" w:pos="9360"/>'
                f'<w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>'
                '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
                grey + _size(8),
                ui_priority=99,
                qformat=False,
            )
            for name in ("Header", "Footer")
        ),
        _style(
            "paragraph",
            "Caption",
            "caption",
            '<w:spacing w:before="60" w:after="200"/>',
            f"<w:i/><w:iCs/>{grey}{_size(8.5)}",
            nxt="Normal",
            ui_priority=35,
        ),
        _style(
            "paragraph",
            "Omslaggegevens",
            "Omslaggegevens",
            '<w:spacing w:before="0" w:after="60"/>',
            f'<w:color w:val="404040"/>{_size(10.5)}',
            nxt="Omslaggegevens",
        ),
        # A row of the cover's details: bold label, a tab, the value; a thin line under each row.
        _style(
            "paragraph",
            "Omslagregel",
            "Omslagregel",
            '<w:pBdr><w:between w:val="single" w:sz="4" w:space="3" w:color="D0D0D0"/>'
            '<w:bottom w:val="single" w:sz="4" w:space="3" w:color="D0D0D0"/></w:pBdr>'
            '<w:tabs><w:tab w:val="left" w:pos="2608"/></w:tabs><w:spacing w:before="0" w:after="40"/>'
            '<w:ind w:left="2608" w:right="1701" w:hanging="2608"/>',
            f'<w:color w:val="262626"/>{_size(10)}',
            nxt="Omslagregel",
        ),
        _style(
            "paragraph",
            "Waarschuwing",
            "Waarschuwing",
            '<w:keepLines/><w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="B3261E"/></w:pBdr>'
            '<w:shd w:val="clear" w:color="auto" w:fill="FCEBEA"/>'
            '<w:spacing w:before="120" w:after="240"/><w:ind w:left="200" w:right="113"/>',
            f'<w:b/><w:bCs/><w:color w:val="7A1A14"/>{_size(10.5)}',
            nxt="Normal",
        ),
        _style(
            "paragraph",
            "Contactlijst",
            "Contactlijst",
            '<w:spacing w:before="0" w:after="0" w:line="228" w:lineRule="auto"/>',
            _size(7.5),
            nxt="Contactlijst",
        ),
        _style(
            "paragraph",
            "Tabelnoot",
            "Tabelnoot",
            '<w:spacing w:before="40" w:after="0"/>',
            f"{grey}{_size(7.5)}",
            nxt="Normal",
        ),
        _style(
            "paragraph",
            "Toelichting",
            "Toelichting",
            '<w:spacing w:before="0" w:after="120"/>',
            f"<w:i/><w:iCs/>{grey}{_size(9)}",
            nxt="Normal",
        ),
        _style(
            "character",
            "Hyperlink",
            "Hyperlink",
            rpr='<w:color w:val="0B5394"/><w:u w:val="single"/>',
            based_on="DefaultParagraphFont",
            ui_priority=99,
            qformat=False,
        ),
        _style(
            "character",
            "Strong",
            "Strong",
            rpr="<w:b/><w:bCs/>",
            based_on="DefaultParagraphFont",
            ui_priority=22,
        ),
        _table_style(),
    ]


def install_styles(document: Document) -> None:
    """Replace the default template's styles we use by our own definitions, in Noto Sans and nl-NL."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    defaults.getparent().replace(
        defaults,
        parse_xml(
            f"<w:docDefaults {W}><w:rPrDefault><w:rPr>{_fonts()}{_size(10)}{_lang()}</w:rPr></w:rPrDefault>"
            '<w:pPrDefault><w:pPr><w:spacing w:after="140" w:line="264" w:lineRule="auto"/></w:pPr>'
            "</w:pPrDefault></w:docDefaults>"
        ),
    )
    # The sample file carries some 140 built-in table styles; one house style keeps the gallery clear.
    for old in styles.findall(qn("w:style")):
        if old.get(qn("w:type")) == "table" and old.get(qn("w:styleId")) not in ("TableNormal", "TableGrid"):
            styles.remove(old)
    for xml in _styles():
        element = parse_xml(xml)
        style_id = element.get(qn("w:styleId"))
        for old in styles.findall(qn("w:style")):
            if old.get(qn("w:styleId")) == style_id:
                styles.remove(old)
        styles.append(element)
    # Theme fonts too, so a style a user adds later in Word also starts in Noto Sans.
    for part in document.part.package.iter_parts():
        if part.partname == "/word/theme/theme1.xml":
            blob = part.blob.decode("utf-8")
            for old in ("Calibri", "Cambria"):
                blob = blob.replace(f'typeface="{old}"', f'typeface="{FONT}"')
            part._blob = blob.encode("utf-8")


# ---------------------------------------------------------------------------
# Package housekeeping


def tidy_package(document: Document) -> None:
    """Drop parts of python-docx's sample file that would mislead (a stranger's thumbnail, old style copies)."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rel_id)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects") or rel.reltype.endswith("/customXml"):
            document.part.rels.pop(rel_id)
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = (
                b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
                b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                b"<Template>routekaart.docx</Template><DocSecurity>0</DocSecurity>"
                b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
                b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
            )


def install_settings(document: Document) -> None:
    """Dutch proofing and number format, and ask Word to refresh fields (TOC, page numbers) on opening."""
    settings = document.settings.element
    for tag in ("w:themeFontLang", "w:decimalSymbol", "w:listSeparator", "w:updateFields"):
        for old in settings.findall(qn(tag)):
            settings.remove(old)
    compat = settings.find(qn("w:compat"))
    compat.addprevious(parse_xml(f'<w:updateFields {W} w:val="true"/>'))
    mapping = settings.find(qn("w:clrSchemeMapping"))
    mapping.addprevious(parse_xml(f'<w:themeFontLang {W} w:val="{LANG}"/>'))
    settings.append(parse_xml(f'<w:decimalSymbol {W} w:val=","/>'))
    settings.append(parse_xml(f'<w:listSeparator {W} w:val=";"/>'))
    # Elements after listSeparator in the schema (w14:docId, ...) must stay last.
    for extra in list(settings):
        if extra.tag.startswith("{http://schemas.microsoft.com/office/word/2010/wordml}"):
            settings.remove(extra)
            settings.append(extra)


# ---------------------------------------------------------------------------
# Writing helpers


class Idioms:
    """The writing idioms both template writers share: a loop of paragraphs, a loop of bullets.

    `Writer` writes them into the Word template; tools/outline_kit.py's `OutlineWriter` into the
    outline the ODF edition is made from, so the two editions say the same in the same order.
    """

    def p(self, text: str = "", style: str = "Normal", bold_prefix: str = "", keep: bool = False) -> Any:
        raise NotImplementedError

    def tag(self, tag: str) -> Any:
        raise NotImplementedError

    def h(self, text: str, level: int, page_break: bool = False) -> Any:
        raise NotImplementedError

    def toc(self, levels: tuple[int, int], placeholder: str) -> Any:
        raise NotImplementedError

    def table(self, headers: Sequence[str], widths_mm: Sequence[float], *blocks: Row | Loop) -> Any:
        raise NotImplementedError

    def paras(self, expr: str, style: str = "Normal") -> None:
        self.tag(f"{{%p for alinea in {expr} %}}")
        self.p("{{ alinea }}", style)
        self.tag("{%p endfor %}")

    def bullets(self, expr: str, item: str = "{{ punt }}", var: str = "punt") -> None:
        self.tag(f"{{%p for {var} in {expr} %}}")
        self.p(item, "List Bullet")
        self.tag("{%p endfor %}")


class Writer(Idioms):
    """Appends template paragraphs and tables to the body; every method mirrors one docxtpl idiom."""

    def __init__(self, document: Document) -> None:
        self.doc = document

    def p(
        self, text: str = "", style: str = "Normal", bold_prefix: str = "", keep: bool = False
    ) -> Paragraph:
        paragraph = self.doc.add_paragraph(style=style)
        paragraph.paragraph_format.keep_with_next = keep or None
        if bold_prefix:
            paragraph.add_run(bold_prefix, style="Strong")
        if text:
            paragraph.add_run(text)
        return paragraph

    def tag(self, tag: str) -> Paragraph:
        """A paragraph holding only a {%p ... %} tag; docxtpl removes the whole paragraph."""
        return self.doc.add_paragraph(tag)

    def h(self, text: str, level: int, page_break: bool = False) -> Paragraph:
        paragraph = self.doc.add_paragraph(text, style=f"Heading {level}")
        if page_break:
            paragraph.paragraph_format.page_break_before = True
        return paragraph

    def toc(self, levels: tuple[int, int], placeholder: str) -> Paragraph:
        """The table of contents as a TOC field over the given heading levels; the builder fills it."""
        paragraph = self.p(style="toc 1")
        low, high = levels
        for run in parse_xml(f"<w:p {W}>" + field_runs(f'TOC \\o "{low}-{high}" \\h \\z \\u', placeholder) + "</w:p>"):
            paragraph._p.append(run)
        return paragraph

    def table(self, headers: Sequence[str], widths_mm: Sequence[float], *blocks: Row | Loop) -> Table:
        """A header row, then fixed rows and loops (one row per item) in the given order."""
        cols = len(headers)
        table = self.doc.add_table(rows=0, cols=cols)
        table.style = self.doc.styles[TABLE_STYLE]
        table.autofit = False
        rows: list[Sequence[Cell]] = [headers]
        for block in blocks:
            if isinstance(block, Loop):
                blank = [""] * (cols - 1)
                rows += [[f"{{%tr for {block.loop} %}}", *blank], block.cells, ["{%tr endfor %}", *blank]]
            else:
                rows.append(block.cells)
        for values in rows:
            row = table.add_row()
            for cell, value in zip(row.cells, values, strict=True):
                lines = [value] if isinstance(value, str) else list(value)
                for index, line in enumerate(lines):
                    text, style = line if isinstance(line, tuple) else (line, None)
                    paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                    paragraph.text = text
                    if style:
                        paragraph.style = self.doc.styles[style]
        table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {W}/>"))
        for row in table.rows[1:]:
            # A row stays on one page, so a partner's name never parts from its phone number.
            row._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {W}/>"))
        _widths(table, widths_mm)
        look = table._tbl.tblPr.find(qn("w:tblLook"))
        if look is not None:
            table._tbl.tblPr.remove(look)
        table._tbl.tblPr.append(
            parse_xml(
                f'<w:tblLook {W} w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
                'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
            )
        )
        return table


Cell = str | Sequence[str | tuple[str, str]]


@dataclass(frozen=True)
class Row:
    cells: Sequence[Cell]


@dataclass(frozen=True)
class Loop:
    loop: str  # "x in xs"
    cells: Sequence[Cell]


def _widths(table: Table, widths_mm: Sequence[float]) -> None:
    twips = [w * 1440 / 25.4 for w in widths_mm]
    scale = TEXT_WIDTH / sum(twips)
    ints = [round(t * scale) for t in twips]
    ints[-1] += TEXT_WIDTH - sum(ints)
    tbl = table._tbl
    tbl.tblPr.append(parse_xml(f'<w:tblW {W} w:w="{TEXT_WIDTH}" w:type="dxa"/>'))
    tbl.tblPr.append(parse_xml(f'<w:tblLayout {W} w:type="fixed"/>'))
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), ints, strict=True):
        col.set(qn("w:w"), str(width))
    for row in table.rows:
        for cell, width in zip(row.cells, ints, strict=True):
            cell.width = Twips(width)


def field_runs(instruction: str, placeholder: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{placeholder}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def simple_field(instruction: str, shown: str) -> str:
    return f'<w:fldSimple {W} w:instr=" {instruction} "><w:r><w:t>{shown}</w:t></w:r></w:fldSimple>'




@dataclass(frozen=True)
class About:
    """The core properties of a template."""

    title: str
    subject: str
    keywords: str
    comments: str


def core_properties(document: Document, about: About) -> None:
    props = document.core_properties
    props.title = about.title
    props.subject = about.subject
    props.author = ""
    props.last_modified_by = ""
    props.language = LANG
    props.keywords = about.keywords
    props.comments = about.comments
    props.revision = 1
    props.created = props.modified = props.last_printed = TEMPLATE_DATE


def blank_document(about: About, page_setup: Callable[[Any], None]) -> Any:
    """A document with our styles, settings and page set-up and an empty body."""
    document = docx.Document()
    tidy_package(document)
    install_styles(document)
    install_settings(document)
    core_properties(document, about)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    page_setup(document)
    return document



def package(document: Document) -> bytes:
    """The template's bytes: the same on every run."""
    import io

    out = io.BytesIO()
    document.save(out)
    return rezip_office(out.getvalue(), TEMPLATE_DATE)
