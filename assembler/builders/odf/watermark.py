"""The CONCEPT marking of the ODF edition, as the Word edition has it: the word at the top of every
page header (the cover's too) and a pale diagonal watermark behind the text of every page."""

from __future__ import annotations

from xml.sax.saxutils import escape

from lxml import etree

from assembler.builders.odf.nodes import add_text, fragments, node
from assembler.builders.odf.styles import CONCEPT

GRAPHIC = "Watermerk"
# A box of 150 × 45 mm turned 45° anticlockwise about its top left corner; placed so that its
# centre falls on the centre of an A4 page (105, 148.5 mm).
WIDTH, HEIGHT = 150.0, 45.0
ORIGIN = (36.1, 185.6)


def graphic_style() -> str:
    """No line, no fill, behind the text, text centred in the box, pale grey and half transparent."""
    return (
        f'<style:style style:name="{GRAPHIC}" style:family="graphic">'
        '<style:graphic-properties draw:stroke="none" draw:fill="none" style:wrap="run-through" '
        'style:run-through="background" draw:textarea-horizontal-align="center" '
        'draw:textarea-vertical-align="middle" draw:auto-grow-height="false" draw:auto-grow-width="false" '
        'style:vertical-pos="from-top" style:vertical-rel="page" style:horizontal-pos="from-left" '
        'style:horizontal-rel="page" fo:padding="0mm"/>'
        '<style:paragraph-properties fo:text-align="center"/>'
        '<style:text-properties fo:font-size="72pt" fo:font-weight="bold" fo:color="#D9D9D9" '
        'style:text-opacity="50%"/>'
        "</style:style>"
    )


def _shape(text: str, number: int) -> etree._Element:
    x, y = ORIGIN
    return fragments(
        [
            f'<draw:custom-shape text:anchor-type="paragraph" draw:z-index="0" draw:name="Watermerk{number}" '
            f'draw:style-name="{GRAPHIC}" svg:width="{WIDTH:g}mm" svg:height="{HEIGHT:g}mm" '
            f'draw:transform="rotate (0.785398163397448) translate ({x:g}mm {y:g}mm)">'
            f"<svg:title>{escape(text)}</svg:title>"
            f"<text:p>{escape(text)}</text:p>"
            '<draw:enhanced-geometry svg:viewBox="0 0 21600 21600" draw:type="rectangle" '
            'draw:enhanced-path="M 0 0 L 21600 0 21600 21600 0 21600 0 0 Z N"/>'
            "</draw:custom-shape>"
        ]
    )[0]


def concept_mark(text: str, number: int) -> etree._Element:
    """The header paragraph with the mark, the watermark anchored to it (its style: graphic_style())."""
    paragraph = node("text:p", {"text:style-name": CONCEPT})
    paragraph.append(_shape(text, number))
    add_text(paragraph, text)
    return paragraph
