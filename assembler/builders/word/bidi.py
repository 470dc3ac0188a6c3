"""Right-to-left local text in Word: a paragraph that starts in Arabic or Hebrew reads and aligns
from the right (w:bidi), and every run with such letters is marked as right-to-left (w:rtl)."""

from __future__ import annotations

import re

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from assembler.fonts import direction

W = nsdecls("w")
# Hebrew, Arabic (with Syriac, Thaana and the Arabic supplements) and their presentation forms.
RTL_LETTERS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")

# Children of w:pPr that come after w:bidi, and of w:rPr after w:rtl (ECMA-376 schema order).
_AFTER_BIDI = tuple(
    qn(f"w:{n}")
    for n in (
        "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
        "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl",
        "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
    )
)  # fmt: skip
_AFTER_RTL = tuple(qn(f"w:{n}") for n in ("cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"))


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _properties(parent: etree._Element, tag: str) -> etree._Element:
    """parent's w:pPr or w:rPr, made as its first child when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = parse_xml(f"<{tag} {W}/>")
        parent.insert(0, found)
    return found


def _flag(properties: etree._Element, tag: str, after: tuple[str, ...]) -> None:
    """An on/off child such as <w:bidi/>, placed in schema order; nothing when already there."""
    if properties.find(qn(tag)) is not None:
        return
    element = parse_xml(f"<{tag} {W}/>")
    anchor = next((child for child in properties if child.tag in after), None)
    if anchor is None:
        properties.append(element)
    else:
        anchor.addprevious(element)


def mark_right_to_left(document: Document) -> int:
    """Set the direction of every paragraph with right-to-left letters; the number of paragraphs
    that now read from the right. A document without such letters is left untouched, quickly."""
    body = document.element.body
    if not RTL_LETTERS.search("".join(body.itertext())):
        return 0
    turned = 0
    for paragraph in body.iter(qn("w:p")):
        text = _text(paragraph)
        if not RTL_LETTERS.search(text):
            continue
        for run in paragraph.iter(qn("w:r")):
            if RTL_LETTERS.search(_text(run)):
                _flag(_properties(run, "w:rPr"), "w:rtl", _AFTER_RTL)
        if direction(text) == "rtl":
            _flag(_properties(paragraph, "w:pPr"), "w:bidi", _AFTER_BIDI)
            turned += 1
    return turned
