"""The CONCEPT marking of the ODF edition, as the Word edition has it: the word at the top of every
page header (the cover's too) and a pale diagonal watermark behind the text of every page."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from lxml import etree

from assembler.builders.odf.nodes import add_text, fragments, node
from assembler.builders.odf.styles import CONCEPT

GRAPHIC = "Watermerk"
TEXT = "WatermerkTekst"
# A box of 150 × 45 mm turned 45° anticlockwise, in the middle of the page (LibreOffice's own
# watermark is the same Fontwork shape: its text is stretched to the box, whatever the font size).
WIDTH, HEIGHT = 150.0, 45.0


def graphic_style() -> list[str]:
    """Pale grey at half opacity, no line, behind the text, centred on the page; and its text's style."""
    return [
        f'<style:style style:name="{GRAPHIC}" style:family="graphic">'
        '<style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="#D9D9D9" '
        'draw:opacity="50%" draw:auto-grow-width="false" draw:auto-grow-height="false" '
        'draw:textarea-horizontal-align="center" draw:textarea-vertical-align="middle" '
        'style:wrap="run-through" style:run-through="background" style:number-wrapped-paragraphs="no-limit" '
        'style:vertical-pos="middle" style:vertical-rel="page-content" style:horizontal-pos="center" '
        'style:horizontal-rel="page-content" style:flow-with-text="false"/>'
        "</style:style>",
        f'<style:style style:name="{TEXT}" style:family="paragraph">'
        '<style:text-properties fo:font-size="100pt" fo:font-weight="bold" fo:color="#D9D9D9"/></style:style>',
    ]


def _shape(text: str, number: int) -> etree._Element:
    # Where the box would stand if the centring above were lost: its middle on the middle of the page.
    angle = math.pi / 4
    centre_x, centre_y = (
        WIDTH / 2 * math.cos(angle) + HEIGHT / 2 * math.sin(angle),
        HEIGHT / 2 * math.cos(angle) - WIDTH / 2 * math.sin(angle),
    )
    x, y = 105 - centre_x, 148.5 - centre_y
    return fragments(
        [
            f'<draw:custom-shape text:anchor-type="paragraph" draw:z-index="0" draw:name="Watermerk{number}" '
            f'draw:style-name="{GRAPHIC}" draw:text-style-name="{TEXT}" svg:width="{WIDTH:g}mm" '
            f'svg:height="{HEIGHT:g}mm" draw:transform="rotate ({angle!r}) translate ({x:.2f}mm {y:.2f}mm)">'
            f"<svg:title>{escape(text)}</svg:title>"
            f"<text:p>{escape(text)}</text:p>"
            '<draw:enhanced-geometry svg:viewBox="0 0 21600 21600" draw:text-areas="0 0 21600 21600" '
            'draw:text-path="true" draw:text-path-mode="shape" draw:text-path-scale="shape" '
            'draw:text-path-same-letter-heights="false" draw:type="fontwork-plain-text" draw:modifiers="10800"/>'
            "</draw:custom-shape>"
        ]
    )[0]


def concept_mark(text: str, number: int) -> etree._Element:
    """The header paragraph with the mark, the watermark anchored to it (its style: graphic_style())."""
    paragraph = node("text:p", {"text:style-name": CONCEPT})
    paragraph.append(_shape(text, number))
    add_text(paragraph, text)
    return paragraph
