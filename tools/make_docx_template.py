"""Generates templates/routekaart.docx, the docxtpl template of the Routekaart, so it can be rebuilt exactly.

Run `python tools/make_docx_template.py` after changing the layout or the fixed Dutch text;
the national content itself lives in templates/content/*.yaml, never in this template.
Styles are real Word styles (Title, Heading 1-3, List Bullet, "Routekaart Tabel", ...) so a
communications officer can restyle the document in Word; the builder recolours them at render time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "templates" / "routekaart.docx"

W = nsdecls("w")
FONT = "Noto Sans"
LANG = "nl-NL"
COLOUR = "1D4F91"  # assembler.model.routekaart.DEFAULT_COLOUR; the builder replaces it with the house colour
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
        _style(
            "paragraph",
            "Header",
            "header",
            f'<w:tabs><w:tab w:val="clear" w:pos="4680"/><w:tab w:val="clear" w:pos="9360"/>'
            f'<w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
            grey + _size(8),
            ui_priority=99,
            qformat=False,
        ),
        _style(
            "paragraph",
            "Footer",
            "footer",
            f'<w:tabs><w:tab w:val="clear" w:pos="4680"/><w:tab w:val="clear" w:pos="9360"/>'
            f'<w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
            grey + _size(8),
            ui_priority=99,
            qformat=False,
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


class Writer:
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

    def paras(self, expr: str, style: str = "Normal") -> None:
        self.tag(f"{{%p for alinea in {expr} %}}")
        self.p("{{ alinea }}", style)
        self.tag("{%p endfor %}")

    def bullets(self, expr: str, item: str = "{{ punt }}", var: str = "punt") -> None:
        self.tag(f"{{%p for {var} in {expr} %}}")
        self.p(item, "List Bullet")
        self.tag("{%p endfor %}")

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


def _field_runs(instruction: str, placeholder: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{placeholder}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _simple_field(instruction: str, shown: str) -> str:
    return f'<w:fldSimple {W} w:instr=" {instruction} "><w:r><w:t>{shown}</w:t></w:r></w:fldSimple>'


# ---------------------------------------------------------------------------
# Page set-up, header and footer


def page_setup(document: Document) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin, section.bottom_margin = Mm(25), Mm(22)
    section.header_distance = section.footer_distance = Mm(11)
    # The cover has no header or footer; every later page does.
    section.different_first_page_header_footer = True

    header = section.header.paragraphs[0]
    header.style = document.styles["Header"]
    header.add_run("{{ gemeente }} · {{ titel }}")
    header.add_run("\tversie {{ versie }}")

    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.add_run("Vastgesteld op {{ vastgesteld_op_tekst }}\tpagina ")
    footer._p.append(parse_xml(_simple_field("PAGE", "2")))
    footer._p.append(parse_xml(f'<w:r {W}><w:t xml:space="preserve"> van </w:t></w:r>'))
    footer._p.append(parse_xml(_simple_field("NUMPAGES", "2")))


# ---------------------------------------------------------------------------
# The document


def cover(w: Writer) -> None:
    w.tag("{%p if logo_afbeelding %}")
    w.p("{{ logo_afbeelding }}")
    w.tag("{%p endif %}")
    w.p("{{ titel }}", "Title")
    w.p("{{ gemeente }}", "Subtitle")
    w.p(
        "Over de aanpak van {{ praktijken|map(attribute='naam')|map('lower')|opsomming }}, "
        "met de afspraken en partners in {{ gemeente }}.",
        "Omslaggegevens",
    )
    details = w.p("Versie {{ versie }}, vastgesteld op {{ vastgesteld_op_tekst }}", "Omslaggegevens")
    details.paragraph_format.space_before = Pt(150)
    w.tag("{%p if herzien_voor_tekst %}")
    w.p("Herzien vóór {{ herzien_voor_tekst }}", "Omslaggegevens")
    w.tag("{%p endif %}")
    w.p(
        "Eigenaar: {{ eigenaar.naam }}{% if eigenaar.functie %}, {{ eigenaar.functie }}{% endif %}",
        "Omslaggegevens",
    )
    w.tag("{%p if regio %}")
    w.p("Veilig Thuis-regio {{ regio }}", "Omslaggegevens")
    w.tag("{%p endif %}")
    w.tag("{%p if website %}")
    w.p("Meer informatie: {{r link(website) }}", "Omslaggegevens")
    w.tag("{%p endif %}")


def contents(w: Writer) -> None:
    w.p("Inhoud", "TOC Heading")
    paragraph = w.p(style="toc 1")
    for run in parse_xml(
        f"<w:p {W}>"
        + _field_runs(
            'TOC \\o "1-2" \\h \\z \\u',
            "Kies ‘Veld bijwerken’ (F9) om de inhoudsopgave te vullen.",
        )
        + "</w:p>"
    ):
        paragraph._p.append(run)


def inleiding(w: Writer) -> None:
    w.h("Inleiding", 1)
    w.p(
        "{{ acuut_tekst }} Voor advies of een melding: {{ veilig_thuis.naam }}, telefoon "
        "{{ veilig_thuis.telefoon }} ({{ veilig_thuis.bereikbaarheid }}).",
        "Waarschuwing",
    )
    w.paras("inleiding")
    w.h("Maatwerk", 2)
    w.paras("maatwerk")
    w.h("Leeswijzer", 2)
    w.paras("leeswijzer")


def partner_table(w: Writer, expr: str, var: str = "partner") -> None:
    w.table(
        ["Partner", "Rol", "Telefoon", "E-mail"],
        [40, 46, 29, 55],
        Loop(
            f"{var} in {expr}",
            [
                f"{{{{ {var}.naam }}}}",
                f"{{{{ {var}.rol or {var}.type_label }}}}",
                f"{{% if {var}.telefoon %}}{{{{ {var}.telefoon }}}}{{% else %}}{DASH}{{% endif %}}"
                f"{{% if {var}.spoed %}} (spoed: {{{{ {var}.spoed }}}}){{% endif %}}",
                f"{{% if {var}.email %}}{{{{r mail({var}.email) }}}}{{% else %}}{DASH}{{% endif %}}",
            ],
        ),
    )


def organisation_table(w: Writer, expr: str) -> None:
    w.table(
        ["Organisatie", "Wat zij doet", "Contact"],
        [45, 80, 45],
        Loop(
            f"org in {expr}",
            [
                "{{ org.naam }}",
                "{{ org.rol }}",
                [
                    "{%p if org.telefoon %}",
                    "{{ org.telefoon }}{% if org.telefoon_toelichting %} ({{ org.telefoon_toelichting }})"
                    "{% endif %}",
                    "{%p endif %}",
                    "{%p if org.website %}",
                    "{{r link(org.website) }}",
                    "{%p endif %}",
                    "{%p if org.email %}",
                    "{{r mail(org.email) }}",
                    "{%p endif %}",
                    "{%p if not org.telefoon and not org.website and not org.email %}",
                    "Via Veilig Thuis of de eigen ketenpartners",
                    "{%p endif %}",
                    "{%p if org.gecontroleerd_op %}",
                    ("Gecontroleerd op {{ org.gecontroleerd_op|datum }}", "Tabelnoot"),
                    "{%p endif %}",
                ],
            ],
        ),
    )


def praktijken(w: Writer) -> None:
    w.h("De schadelijke praktijken", 1)
    w.p(
        "Dit hoofdstuk beschrijft {% if praktijken|length == 1 %}de schadelijke praktijk{% else %}"
        "de {{ praktijken|length|getal }} schadelijke praktijken{% endif %} waarop {{ gemeente }} zich richt: "
        "{{ praktijken|map(attribute='naam')|map('lower')|opsomming }}."
    )
    w.p(
        "Per praktijk staat wat die inhoudt, aan welke signalen en risicofactoren je haar herkent, welke "
        "wetgeving geldt, welke extra aandachtspunten de meldcode kent en wat je wel en niet doet. Daarna "
        "volgen de organisaties die kunnen helpen, de situatie in {{ gemeente }} en de lokale en regionale "
        "partners. Een routeschema laat steeds zien welke weg een signaal aflegt en wie daarbij betrokken is."
    )
    w.tag("{%p for praktijk in praktijken %}")
    w.h(
        "{{ praktijk.naam }}{% if praktijk.afkorting %} ({{ praktijk.afkorting }}){% endif %}",
        2,
        page_break=True,
    )
    w.tag("{%p if praktijk.prioriteit_label %}")
    w.p(
        "{{ gemeente }} geeft deze praktijk prioriteit {{ praktijk.prioriteit_label|lower }}.",
        "Toelichting",
    )
    w.tag("{%p endif %}")
    w.paras("praktijk.omschrijving")

    w.tag("{%p if praktijk.feiten %}")
    w.h("Feiten en cijfers", 3)
    w.bullets("praktijk.feiten")
    w.tag("{%p endif %}")

    w.h("Signalen", 3)
    w.tag("{%p if praktijk.signalen %}")
    w.tag("{%p for groep in praktijk.signalen %}")
    w.p("{{ groep.kop }}", "Heading 4")
    w.bullets("groep.items")
    w.tag("{%p endfor %}")
    w.tag("{%p else %}")
    w.p(
        "Voor deze praktijk zijn geen afzonderlijke signalen beschreven. Neem elk vermoeden serieus en "
        "volg de meldcode."
    )
    w.tag("{%p endif %}")

    w.tag("{%p if praktijk.risicofactoren %}")
    w.h("Risicofactoren", 3)
    w.p("De kans op {{ praktijk.naam|lower }} is groter als een of meer van deze factoren spelen:")
    w.bullets("praktijk.risicofactoren")
    w.tag("{%p endif %}")

    w.h("Wat de wet zegt", 3)
    w.paras("praktijk.wetgeving")

    w.h("De meldcode bij {{ praktijk.naam|lower }}", 3)
    w.paras("praktijk.meldcode")

    w.h("Bij acuut gevaar", 3)
    w.bullets("praktijk.acuut")

    w.h("Wel en niet doen", 3)
    w.tag("{%p if praktijk.wel_doen %}")
    w.p("Wel doen", "Heading 4")
    w.bullets("praktijk.wel_doen")
    w.tag("{%p endif %}")
    w.p("Niet doen", "Heading 4")
    w.bullets("praktijk.niet_doen")

    w.h("Landelijke organisaties", 3)
    w.tag("{%p if praktijk.organisaties %}")
    w.p(
        "Deze landelijke organisaties bieden expertise, advies of hulp bij {{ praktijk.naam|lower }}. Wat "
        "zij precies doen, staat in het hoofdstuk Betrokken organisaties.",
        keep=True,
    )
    w.bullets(
        "praktijk.organisaties",
        "{{ org.naam }}{% if org.telefoon %}, telefoon {{ org.telefoon }}{% endif %}"
        "{% if org.website %}: {{r link(org.website) }}{% endif %}",
        "org",
    )
    w.tag("{%p else %}")
    w.p(
        "Voor advies over {{ praktijk.naam|lower }} is {{ veilig_thuis.naam }} het aanspreekpunt, "
        "telefoon {{ veilig_thuis.telefoon }}."
    )
    w.tag("{%p endif %}")

    w.h("De situatie in {{ gemeente }}", 3)
    w.paras("praktijk.lokale_situatie")

    w.h("Partners in {{ gemeente }} en de regio", 3)
    w.tag("{%p if praktijk.partners %}")
    w.p(
        "{% if praktijk.partners|length == 1 %}Bij {{ praktijk.naam|lower }} is deze partner betrokken:"
        "{% else %}Bij {{ praktijk.naam|lower }} werken deze partners samen:{% endif %}",
        keep=True,
    )
    partner_table(w, "praktijk.partners")
    w.tag("{%p else %}")
    w.p(
        "Voor {{ praktijk.naam|lower }} zijn nog geen lokale of regionale partners vastgelegd. Professionals "
        "kunnen voor advies terecht bij {{ veilig_thuis.naam }}, telefoon {{ veilig_thuis.telefoon }}."
    )
    w.tag("{%p endif %}")

    w.h("Route bij signalen", 3)
    w.p(
        "Het schema laat zien welke weg een signaal van {{ praktijk.naam|lower }} in {{ gemeente }} aflegt "
        "en wie er bij elke stap betrokken is. Bij direct gevaar geldt altijd: bel 112.",
        keep=True,
    )
    picture = w.p("{{ routeschema(praktijk) }}")
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.keep_with_next = True
    w.p("Route bij signalen van {{ praktijk.naam|lower }} in {{ gemeente }}.", "Caption")

    w.tag("{%p endfor %}")


def wetgeving(w: Writer) -> None:
    w.h("Wet- en regelgeving", 1)
    w.paras("wetgeving_inleiding")
    w.tag("{%p for wet in wetten %}")
    w.h("{{ wet.naam }}", 2)
    w.paras("wet.kern")
    w.tag("{%p endfor %}")
    w.h("De meldcode in {{ meldcode.stappen|length|getal }} stappen", 2)
    w.paras("meldcode.inleiding")
    w.tag("{%p for stap in meldcode.stappen %}")
    w.p("{{ stap.uitleg }}", "List Number", bold_prefix="{{ stap.naam }}. ")
    w.tag("{%p endfor %}")
    w.tag("{%p if meldcode.afwegingskader %}")
    w.h("Het afwegingskader", 3)
    w.paras("meldcode.afwegingskader")
    w.tag("{%p endif %}")


def organisaties(w: Writer) -> None:
    w.h("Betrokken organisaties", 1)
    w.p(
        "Bij de aanpak van schadelijke praktijken werken landelijke, regionale en lokale organisaties samen. "
        "Dit hoofdstuk zet ze op een rij, met hun rol en hoe je ze bereikt."
    )
    w.h("Landelijk", 2)
    w.p("{{ organisaties_inleiding_landelijk }}", keep=True)
    w.tag("{%p if organisaties %}")
    organisation_table(w, "organisaties")
    w.tag("{%p else %}")
    w.p("Voor landelijke expertise is {{ veilig_thuis.naam }} het eerste aanspreekpunt.")
    w.tag("{%p endif %}")

    w.h("Regionaal", 2)
    w.p("{{ organisaties_inleiding_regionaal }}")
    w.h("{{ veilig_thuis.naam }}", 3)
    w.p(
        "{{ veilig_thuis.telefoon }}{% if veilig_thuis.bereikbaarheid %} ({{ veilig_thuis.bereikbaarheid }})"
        "{% endif %}",
        bold_prefix="Telefoon: ",
    )
    w.tag("{%p if veilig_thuis.email %}")
    w.p("{{r mail(veilig_thuis.email) }}", bold_prefix="E-mail: ")
    w.tag("{%p endif %}")
    w.tag("{%p if veilig_thuis.website %}")
    w.p("{{r link(veilig_thuis.website) }}", bold_prefix="Website: ")
    w.tag("{%p endif %}")
    w.tag("{%p if veilig_thuis.adres %}")
    w.p("{{ veilig_thuis.adres }}", bold_prefix="Adres: ")
    w.tag("{%p endif %}")
    w.tag("{%p if veilig_thuis.aandachtsfunctionaris_vgv %}")
    w.p(
        "{{ veilig_thuis.aandachtsfunctionaris_vgv.naam }}"
        "{% if veilig_thuis.aandachtsfunctionaris_vgv.telefoon %}, telefoon "
        "{{ veilig_thuis.aandachtsfunctionaris_vgv.telefoon }}{% endif %}"
        "{% if veilig_thuis.aandachtsfunctionaris_vgv.email %}, e-mail "
        "{{r mail(veilig_thuis.aandachtsfunctionaris_vgv.email) }}{% endif %}",
        bold_prefix="Aandachtsfunctionaris VGV: ",
    )
    w.tag("{%p endif %}")
    w.h("Regionale partners", 3)
    w.tag("{%p if partners_regionaal %}")
    w.p(
        "{% if partners_regionaal|length == 1 %}Deze partner werkt{% else %}Deze partners werken{% endif %} "
        "voor alle gemeenten in de regio:",
        keep=True,
    )
    partner_table(w, "partners_regionaal")
    w.tag("{%p else %}")
    w.p("Naast {{ veilig_thuis.naam }} zijn er geen regionale partners vastgelegd.")
    w.tag("{%p endif %}")

    w.h("Lokaal", 2)
    w.tag("{%p if partners_lokaal %}")
    w.p("{{ organisaties_inleiding_lokaal }}", keep=True)
    partner_table(w, "partners_lokaal")
    w.tag("{%p else %}")
    w.p(
        "{{ gemeente }} heeft in deze routekaart nog geen eigen lokale partners vastgelegd. Professionals "
        "kunnen terecht bij {{ veilig_thuis.naam }} en bij de regionale partners hierboven."
    )
    w.tag("{%p endif %}")


def ketenaanpak(w: Writer) -> None:
    w.h("De ketenaanpak", 1)
    w.paras("ketenaanpak_inleiding")
    w.h("Regie en coördinatie", 2)
    w.p("{{ regie_tekst }}")
    w.p("{{ coordinator_tekst }}")
    w.tag("{%p if coordinator and (coordinator.telefoon or coordinator.email) %}")
    w.p(
        "{% if coordinator.telefoon %}telefoon {{ coordinator.telefoon }}{% endif %}"
        "{% if coordinator.telefoon and coordinator.email %}, {% endif %}"
        "{% if coordinator.email %}e-mail {{r mail(coordinator.email) }}{% endif %}",
        bold_prefix="Contact {{ coordinator.naam }}: ",
    )
    w.tag("{%p endif %}")

    w.tag("{%p for stap in stappen %}")
    w.h("{{ stap.naam }}", 2)
    w.h("Doel", 3)
    w.paras("stap.doel")
    w.tag("{%p if stap.aandachtspunten %}")
    w.h("Aandachtspunten", 3)
    w.bullets("stap.aandachtspunten")
    w.tag("{%p endif %}")
    w.h("Afspraken in {{ gemeente }}", 3)
    w.paras("stap.afspraken")
    w.h("Partners", 3)
    w.tag("{%p if stap.partners %}")
    w.p(
        "{% if stap.partners|length == 1 %}In deze stap is deze partner betrokken:{% else %}In deze stap "
        "werken deze partners samen:{% endif %}",
        keep=True,
    )
    partner_table(w, "stap.partners")
    w.tag("{%p endif %}")
    w.tag("{%p if stap.geen_lokale_partner %}")
    after_table = w.p("{{ stap.geen_lokale_partner }}")
    after_table.paragraph_format.space_before = Pt(8)  # Word puts no space between a table and the next line
    w.tag("{%p endif %}")
    w.tag("{%p endfor %}")

    w.tag("{%p if sleutelpersonen_tekst %}")
    w.h("Sleutelpersonen", 2)
    w.p("{{ sleutelpersonen_tekst }}")
    w.tag("{%p endif %}")
    w.h("Deskundigheidsbevordering", 2)
    w.paras("deskundigheidsbevordering")


def handvatten(w: Writer) -> None:
    w.h("Wat regelt de gemeente", 1)
    w.paras("handvatten_inleiding")
    w.h("Checklist per ketenstap", 2)
    w.table(
        ["Ketenstap", "Handvat", "Wat de gemeente regelt", "Status in {{ gemeente }}"],
        [32, 38, 58, 42],
        Loop(
            "h in handvatten",
            [
                "{{ h.stap_naam }}",
                "{{ h.naam }}",
                "{{ h.wat }}",
                "{{ h.status_label }}{% if h.toelichting %}: {{ h.toelichting }}{% endif %}"
                "{% if h.wie %} (wie: {{ h.wie }}){% endif %}",
            ],
        ),
    )
    w.h("Voor Veilig Thuis", 2)
    w.paras("handvatten_veilig_thuis")


def keuzes(w: Writer) -> None:
    w.h("Afspraken en keuzes", 1)
    w.p(
        "Dit overzicht vat de keuzes samen die {{ gemeente }} voor deze routekaart heeft gemaakt. De "
        "eigenaar van het document bewaakt dat ze actueel blijven."
    )
    w.table(
        ["Onderwerp", "Keuze in {{ gemeente }}"],
        [60, 110],
        Loop(
            "praktijk in praktijken",
            [
                "{{ praktijk.naam }}",
                "{% if praktijk.prioriteit_label %}Opgenomen, prioriteit {{ praktijk.prioriteit_label|lower }}"
                "{% else %}Opgenomen, zonder vastgelegde prioriteit{% endif %}",
            ],
        ),
        Row(["Regie over de ketenaanpak", "{{ regie_label|hoofdletter }}"]),
        Row(
            [
                "Coördinator",
                "{% if coordinator %}{{ coordinator.naam }}{% else %}Nog niet aangewezen{% endif %}",
            ]
        ),
        Loop(
            "stap in stappen",
            [
                "Ketenstap: {{ stap.naam|lower }}",
                "{% if stap.afspraken_eigen %}Eigen lokale afspraken{% else %}Standaardafspraken uit deze "
                "routekaart{% endif %}{% if stap.partners %}; {{ stap.partners|length|getal }} "
                "{% if stap.partners|length == 1 %}partner{% else %}partners{% endif %}{% endif %}",
            ],
        ),
        Row(
            [
                "Sleutelpersonen",
                "{% if sleutelpersonen %}De gemeente werkt met sleutelpersonen"
                "{% elif sleutelpersonen is sameas false %}De gemeente werkt (nog) niet met sleutelpersonen"
                "{% else %}Nog geen keuze vastgelegd{% endif %}",
            ]
        ),
        Row(
            [
                "Deskundigheidsbevordering",
                "{% if deskundigheidsbevordering_eigen %}Eigen afspraken{% else %}Standaardtekst uit deze "
                "routekaart{% endif %}",
            ]
        ),
        Row(
            [
                "Zakkaarten: formaat",
                "{% if kaarten.formaat == 'a6' %}A6 (105 × 148 mm){% else %}Creditcard (85,6 × 54 mm)"
                "{% endif %}",
            ]
        ),
        Row(
            [
                "Zakkaarten: doelgroepen",
                "{% if kaarten.doelgroep_namen %}{{ kaarten.doelgroep_namen|opsomming }}"
                "{% else %}Nog niet gekozen{% endif %}",
            ]
        ),
        Row(
            [
                "Eigenaar van dit document",
                "{{ eigenaar.naam }}{% if eigenaar.functie %}, {{ eigenaar.functie }}{% endif %}"
                "{% if eigenaar.email %} ({{r mail(eigenaar.email) }}){% endif %}",
            ]
        ),
        Row(["Versie", "{{ versie }}, vastgesteld op {{ vastgesteld_op_tekst }}"]),
        Row(
            [
                "Herziening",
                "{% if herzien_voor_tekst %}Vóór {{ herzien_voor_tekst }}{% else %}Nog geen datum "
                "vastgesteld{% endif %}",
            ]
        ),
    )


def bijlagen(w: Writer) -> None:
    w.h("Bijlagen", 1)
    w.h("Contactlijst", 2)
    w.p("{{ contactlijst_inleiding }}")
    small = "Contactlijst"  # a smaller paragraph style, so the whole list fits on one page
    w.table(
        ["Naam", "Rol", "Telefoon", "E-mail", "Bereikbaar"],
        [34, 48, 26, 40, 22],
        Loop(
            "contact in contacten",
            [
                [("{{ contact.naam }}", small)],
                [("{{ contact.rol|eerste_zin }}", small)],
                [
                    (
                        f"{{% if contact.telefoon %}}{{{{ contact.telefoon }}}}{{% else %}}{DASH}{{% endif %}}",
                        small,
                    )
                ],
                [
                    (
                        f"{{% if contact.email %}}{{{{r mail(contact.email) }}}}{{% else %}}{DASH}{{% endif %}}",
                        small,
                    )
                ],
                [
                    (
                        f"{{% if contact.bereikbaarheid %}}{{{{ contact.bereikbaarheid }}}}{{% else %}}{DASH}"
                        "{% endif %}",
                        small,
                    )
                ],
            ],
        ),
    )
    w.h("Begrippenlijst", 2, page_break=True)
    w.table(
        ["Begrip", "Uitleg"],
        [45, 125],
        Loop("begrip in begrippen", ["{{ begrip.term }}", "{{ begrip.uitleg }}"]),
    )
    w.h("Bronnen", 2, page_break=True)
    w.p(
        "De landelijke informatie in deze routekaart steunt op de volgende bronnen. Bij elke bron staat "
        "wanneer die voor het laatst is geraadpleegd."
    )
    w.bullets(
        "bronnen",
        "{{ bron.titel }}, {{ bron.uitgever }} (geraadpleegd op {{ bron.geraadpleegd|datum }}): "
        "{{r link(bron.url) }}",
        "bron",
    )


def core_properties(document: Document) -> None:
    props = document.core_properties
    props.title = "Routekaart schadelijke praktijken"
    props.subject = "Ketenaanpak schadelijke praktijken"
    props.author = ""
    props.last_modified_by = ""
    props.language = LANG
    props.keywords = "schadelijke praktijken, routekaart, ketenaanpak"
    props.comments = "Sjabloon voor de routekaart van een gemeente."
    props.revision = 1
    fixed = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    props.created = props.modified = fixed
    props.last_printed = fixed


def blank_document(core_properties: Callable[[Any], None], page_setup: Callable[[Any], None]) -> Any:
    """A document with our styles, settings and page set-up and an empty body."""
    document = docx.Document()
    tidy_package(document)
    install_styles(document)
    install_settings(document)
    core_properties(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    page_setup(document)
    return document


def build() -> bytes:
    document = blank_document(core_properties, page_setup)
    writer = Writer(document)
    cover(writer)
    contents(writer)
    inleiding(writer)
    praktijken(writer)
    wetgeving(writer)
    organisaties(writer)
    ketenaanpak(writer)
    handvatten(writer)
    keuzes(writer)
    bijlagen(writer)
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Same bytes on every run: fixed timestamps and member order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in names]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in first + sorted(n for n in names if n not in first):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=TARGET)
    args = parser.parse_args()
    args.output.write_bytes(build())
    print(f"geschreven: {args.output}")


if __name__ == "__main__":
    main()
