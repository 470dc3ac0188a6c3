"""Generates templates/routekaart-regio.docx, the docxtpl template of the regional routekaart.

Run `python tools/make_regio_template.py` after changing its layout or fixed Dutch text.
It shares the styles of the municipal template (tools/make_docx_template.py), so both
documents look alike and a communications officer restyles them the same way in Word.
Every sentence comes worded from assembler/builders/region/context.py, which the PDF
edition (templates/html/regio.html.j2) reads too, so the two editions say the same.
The table of contents is a real TOC field: the builder fills in the headings, and Word
refreshes it with page numbers on opening (updateFields).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION_START
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.table import Table

# The shared kit is a sibling script, not a package module.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from docx_kit import (
    ROOT,
    TEXT_WIDTH,
    About,
    Loop,
    W,
    Writer,
    blank_document,
    package,
    simple_field,
)

from assembler.builders.region.context import HEADINGS  # docx_kit has put the repository on the path
from assembler.national.handvatten import national_handvatten

TARGET = ROOT / "templates" / "routekaart-regio.docx"
LANDSCAPE_WIDTH = round((297 - 2 * 20) * 1440 / 25.4)  # twips between the landscape margins


def _group_sizes() -> list[int]:
    """How many handvatten each group holds (handvatten.yaml): one gap table per group, a column each."""
    hv = national_handvatten()
    return [n for g in hv.groepen if (n := sum(h.groep == g.id for h in hv.handvatten))]


TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'


def _header_footer(section: object, document: Document, width: int) -> None:
    """Region name on top, date and page numbers below; the right tab sits at the text edge."""
    # A landscape section clears the style's right tab (at the portrait text edge) and sets its own.
    clear = f'<w:tab w:val="clear" w:pos="{TEXT_WIDTH}"/>' if width != TEXT_WIDTH else ""
    tab = f'<w:tabs {W}>{clear}<w:tab w:val="right" w:pos="{width}"/></w:tabs>'
    header = section.header  # type: ignore[attr-defined]
    header.is_linked_to_previous = False
    top = header.paragraphs[0]
    top.style = document.styles["Header"]
    top._p.get_or_add_pPr().append(parse_xml(tab))
    top.add_run("Regionale routekaart schadelijke praktijken · regio {{ regio }}\t{{ veilig_thuis.naam }}")
    footer = section.footer  # type: ignore[attr-defined]
    footer.is_linked_to_previous = False
    bottom = footer.paragraphs[0]
    bottom.style = document.styles["Footer"]
    bottom._p.get_or_add_pPr().append(parse_xml(tab))
    bottom.add_run("Stand van zaken {{ datum_tekst }}\tpagina ")
    bottom._p.append(parse_xml(simple_field("PAGE", "1")))
    bottom._p.append(parse_xml(f'<w:r {W}><w:t xml:space="preserve"> van </w:t></w:r>'))
    bottom._p.append(parse_xml(simple_field("NUMPAGES", "1")))


def page_setup(document: Document) -> None:
    """The document opens on a landscape page: the regional matrix is what a coordinator looks for first."""
    section = document.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(15), Mm(13)
    section.header_distance = section.footer_distance = Mm(7)
    section.different_first_page_header_footer = False
    _header_footer(section, document, LANDSCAPE_WIDTH)


def portrait_section(document: Document) -> None:
    """The rest of the document reads on portrait pages."""
    section = document.add_section(WD_SECTION_START.NEW_PAGE)
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin, section.bottom_margin = Mm(25), Mm(22)
    section.header_distance = section.footer_distance = Mm(11)
    section.different_first_page_header_footer = False
    _header_footer(section, document, TEXT_WIDTH)


def cover(w: Writer) -> None:
    # Smaller than on a portrait cover: the title shares its page with the regional overview.
    title = w.p("{{ titel }}", "Title")
    for run in title.runs:
        run.font.size = Pt(18)
    title.paragraph_format.space_after = Pt(4)
    w.p("{{ teksten.omslag }}", "Omslaggegevens")


def contents(w: Writer) -> None:
    """An empty TOC field; the builder fills in the headings and Word adds page numbers on opening."""
    w.p("Inhoud", "TOC Heading")
    paragraph = w.p(style="toc 1")
    for kind, extra in (("begin", ' w:dirty="true"'), ("separate", ""), ("end", "")):
        if kind == "separate":
            paragraph._p.append(
                parse_xml(
                    f'<w:r {W}><w:instrText xml:space="preserve"> {TOC_INSTRUCTION} </w:instrText></w:r>'
                )
            )
        paragraph._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="{kind}"{extra}/></w:r>'))


def introduction(w: Writer) -> None:
    # Follows the table of contents on the same page: the first portrait page is not left empty.
    w.h(HEADINGS["regio"], 1).paragraph_format.page_break_before = False
    w.h(HEADINGS["over"], 2)
    w.paras("teksten.over")


def veilig_thuis(w: Writer) -> None:
    w.h("{{ veilig_thuis.naam }}", 2)
    w.p("{{ teksten.veilig_thuis }}")
    w.table(
        ["Gegeven", "Waarde"], [45, 115], Loop("rij in veilig_thuis_rijen", ["{{ rij[0] }}", "{{ rij[1] }}"])
    )
    w.h(HEADINGS["werkafspraken"], 2)
    w.p("{{ teksten.werkafspraken }}")
    w.table(
        ["Onderwerp", "Wat het inhoudt", "Afspraak in de regio"],
        [35, 67, 58],
        Loop("a in werkafspraken", ["{{ a.naam }}", "{{ a.uitleg }}", "{{ a.afspraak }}"]),
    )


def regional_partners(w: Writer) -> None:
    w.h(HEADINGS["partners"], 2)
    w.tag("{%p if partners %}")
    w.p("{{ teksten.partners }}")
    w.table(
        ["Partner", "Rol", "Praktijken", "Ketenstappen", "Contact"],
        [32, 48, 26, 30, 34],
        Loop(
            "partner in partners",
            [
                "{{ partner.naam }}",
                "{{ partner.rol }}",
                "{{ partner.praktijken }}",
                "{{ partner.stappen }}",
                "{{ partner.contact }}",
            ],
        ),
    )
    w.tag("{%p else %}")
    w.p("{{ teksten.geen_partners }}")
    w.tag("{%p endif %}")
    w.tag("{%p if regio_aandachtspunten %}")
    w.h("Aandachtspunten voor de regio", 3)
    w.bullets("regio_aandachtspunten")
    w.tag("{%p endif %}")


def contact_list(w: Writer) -> None:
    w.h(HEADINGS["contactlijst"], 2)
    w.p("{{ teksten.contactlijst }}")
    w.table(
        ["Gemeente", "Organisatie", "Rol", "Telefoon", "E-mail"],
        [28, 38, 44, 24, 36],
        Loop(
            "c in contactlijst",
            ["{{ c.gemeente }}", "{{ c.naam }}", "{{ c.rol }}", "{{ c.telefoon }}", "{{ c.email }}"],
        ),
    )


def municipalities(w: Writer) -> None:
    w.h(HEADINGS["gemeenten"], 1)
    w.p("{{ teksten.gemeenten }}")
    w.tag("{%p for g in gemeenten %}")
    w.h("{{ g.naam }}", 2)
    w.p("{{ g.inleiding }}")
    w.h("Keuzes", 3)
    w.table(["Onderwerp", "Keuze"], [45, 115], Loop("k in g.keuzes", ["{{ k[0] }}", "{{ k[1] }}"]))
    w.h("Prioriteiten", 3)
    w.table(
        ["Praktijk", "Prioriteit", "Lokale partners", "Lokale situatie"],
        [38, 24, 40, 58],
        Loop(
            "p in g.praktijken",
            ["{{ p.naam }}", "{{ p.prioriteit }}", "{{ p.partners }}", "{{ p.situatie }}"],
        ),
    )
    w.h("Ketenstappen", 3)
    w.table(
        ["Ketenstap", "Lokale partners", "Eigen afspraken"],
        [40, 50, 70],
        Loop("s in g.stappen", ["{{ s.naam }}", "{{ s.partners }}", "{{ s.afspraken }}"]),
    )
    w.h("Lokale contacten", 3)
    w.tag("{%p if g.contacten %}")
    w.table(
        ["Naam", "Rol", "Telefoon", "E-mail", "Bereikbaar"],
        [34, 50, 24, 34, 28],
        Loop(
            "c in g.contacten",
            ["{{ c.naam }}", "{{ c.rol }}", "{{ c.telefoon }}", "{{ c.email }}", "{{ c.bereikbaarheid }}"],
        ),
    )
    w.tag("{%p else %}")
    w.p("{{ g.geen_contacten }}")
    w.tag("{%p endif %}")
    w.h("Aandachtspunten", 3)
    w.tag("{%p if g.aandachtspunten %}")
    w.bullets("g.aandachtspunten")
    w.tag("{%p else %}")
    w.p("{{ g.geen_aandachtspunten }}")
    w.tag("{%p endif %}")
    w.tag("{%p endfor %}")


def failures(w: Writer) -> None:
    w.tag("{%p if mislukt %}")
    w.h(HEADINGS["niet-opgenomen"], 2)
    w.p("{{ teksten.mislukt }}")
    w.table(
        ["Gemeente", "Bestand", "Reden"],
        [30, 40, 90],
        Loop("m in mislukt", ["{{ m.naam }}", "{{ m.bestand }}", "{{ m.reden }}"]),
    )
    w.tag("{%p endif %}")


def _landscape_widths(table: Table, widths_mm: Sequence[float]) -> None:
    twips = [w * 1440 / 25.4 for w in widths_mm]
    scale = LANDSCAPE_WIDTH / sum(twips)
    ints = [round(t * scale) for t in twips]
    ints[-1] += LANDSCAPE_WIDTH - sum(ints)
    tbl = table._tbl
    for old in tbl.tblPr.findall(qn("w:tblW")):
        tbl.tblPr.remove(old)
    tbl.tblPr.append(parse_xml(f'<w:tblW {W} w:w="{LANDSCAPE_WIDTH}" w:type="dxa"/>'))
    # Narrow cell margins: eleven columns need every millimetre.
    tbl.tblPr.append(
        parse_xml(
            f'<w:tblCellMar {W}><w:top w:w="40" w:type="dxa"/><w:left w:w="45" w:type="dxa"/>'
            '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="45" w:type="dxa"/></w:tblCellMar>'
        )
    )
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), ints, strict=True):
        col.set(qn("w:w"), str(width))
    for row in table.rows:
        for cell, width in zip(row.cells, ints, strict=True):
            cell.width = Twips(width)


def _small(table: Table, size: float = 7.5) -> None:
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)


def overview(w: Writer) -> None:
    # Right under the title on the first page: not a page of its own.
    heading = w.h(HEADINGS["overzicht"], 1)
    heading.paragraph_format.page_break_before = False
    heading.paragraph_format.space_after = Pt(4)
    w.p("{{ teksten.matrix }}")
    widths = [22, 34, 34, 34, 18, 26, 17, 36]
    table = w.table(
        [f"{{{{ matrix_kop[{i}] }}}}" for i in range(len(widths))],
        widths,
        Loop("rij in matrix", [f"{{{{ rij[{i}] }}}}" for i in range(len(widths))]),
    )
    _landscape_widths(table, widths)
    _small(table)
    w.h(HEADINGS["handvatten"], 2).paragraph_format.space_before = Pt(8)
    # One table per group, a column per handvat: the columns are fixed in Word, so the counts come
    # from handvatten.yaml when this template is made.
    for index, count in enumerate(_group_sizes()):
        group = f"kaart_groepen[{index}]"
        w.p(f"{{{{ {group}.naam }}}}", "Tabelnoot").paragraph_format.keep_with_next = True
        gap_widths = [40, *([(257 - 40) / count] * count)]
        gaps = w.table(
            [f"{{{{ {group}.kop[{i}] }}}}" for i in range(len(gap_widths))],
            gap_widths,
            Loop(f"rij in {group}.rijen", [f"{{{{ rij[{i}] }}}}" for i in range(len(gap_widths))]),
        )
        _landscape_widths(gaps, gap_widths)
        _small(gaps, 7)
    w.p("Legenda: {{ legenda }}. {{ overzicht_uitleg }}", "Toelichting")


ABOUT = About(
    title="Regionale routekaart schadelijke praktijken",
    subject="Ketenaanpak schadelijke praktijken in de regio",
    keywords="schadelijke praktijken, routekaart, regio, Veilig Thuis",
    comments="Sjabloon voor de regionale routekaart van een Veilig Thuis-regio.",
)


def build() -> bytes:
    document = blank_document(ABOUT, page_setup)
    writer = Writer(document)
    cover(writer)
    overview(writer)
    portrait_section(document)
    contents(writer)
    introduction(writer)
    veilig_thuis(writer)
    regional_partners(writer)
    contact_list(writer)
    municipalities(writer)
    failures(writer)
    for part in document.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = part.blob.replace(b"routekaart.docx", b"routekaart-regio.docx")
    return package(document)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=TARGET)
    args = parser.parse_args()
    args.output.write_bytes(build())
    print(f"geschreven: {args.output}")


if __name__ == "__main__":
    main()
