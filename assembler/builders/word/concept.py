"""Marks a concept Word document: CONCEPT in every page header and a diagonal watermark behind every page.

Done after rendering, so a municipality's own template is marked as well. The watermark is
the VML text shape Word itself inserts (Design > Watermark); LibreOffice shows it too.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import quoteattr

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from assembler.errors import BuildError

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"'
)
MARK_COLOUR = "B00020"


def _mark_paragraph(text: str, number: int) -> str:
    shape = (
        f'<v:shape id="PowerPlusWaterMarkObject{number}" o:spid="_x0000_s{2049 + number}" '
        'type="#_x0000_t136" '
        'style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:130pt;rotation:315;'
        "z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
        'mso-position-vertical:center;mso-position-vertical-relative:margin" '
        'o:allowincell="f" fillcolor="#d9d9d9" stroked="f">'
        '<v:fill opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" string={quoteattr(text)}/>'
        '<w10:wrap anchorx="margin" anchory="margin"/>'
        "</v:shape>"
    )
    shapetype = (
        '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
        'path="m@7,l@8,m@5,21600l@6,21600e">'
        '<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/>'
        '<v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
        '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>'
        '<v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>'
        '<v:f eqn="sum @6 0 @5"/></v:formulas>'
        '<v:path textpathok="t" o:connecttype="custom" '
        'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
        '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/>'
        '</v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    )
    return (
        f"<w:p {NAMESPACES}>"
        '<w:pPr><w:jc w:val="center"/></w:pPr>'
        f"<w:r><w:rPr><w:noProof/></w:rPr><w:pict>{shapetype}{shape}</w:pict></w:r>"
        f'<w:r><w:rPr><w:b/><w:color w:val="{MARK_COLOUR}"/></w:rPr>'
        f"<w:t>{text}</w:t></w:r>"
        "</w:p>"
    )


def _headers(document: Document) -> list[Any]:
    """The XML of every header part, whatever page it is for (default, first, even).

    Read through the relationships rather than ``section.header``: docxtpl swaps rendered
    header parts in behind python-docx's cached lookups, and the swapped-in part is the one saved.
    """
    rels = sorted(document.part.rels.values(), key=lambda rel: rel.rId)
    return [rel.target_part._element for rel in rels if rel.reltype == RT.HEADER]


def _define_all_headers(document: Document) -> None:
    """A cover page with 'different first page' and no header of its own would show no mark: give it one."""
    for section in document.sections[:1]:
        wanted = [section.first_page_header] if section.different_first_page_header_footer else []
        if document.settings.odd_and_even_pages_header_footer:
            wanted.append(section.even_page_header)
        for header in wanted:
            if header.is_linked_to_previous:
                header.is_linked_to_previous = False


def mark_concept(document: Document, text: str) -> None:
    """Put the mark at the top of every header; nothing else in the document changes."""
    _define_all_headers(document)
    headers = _headers(document)
    if not headers:
        raise BuildError("het Word-sjabloon heeft geen koptekst om CONCEPT in te zetten")
    for number, header in enumerate(headers, start=1):
        header.insert(0, parse_xml(_mark_paragraph(text, number)))
