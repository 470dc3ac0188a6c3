"""ODF elements made directly in odfdo's namespaces.

odfdo's element constructors parse a namespace prologue for every element they make (about
0.3 ms each), which made a forty-page routekaart take 1.5 s; elements made here cost a few
microseconds and are handed to odfdo's document as they are (odfdo wraps lxml elements).
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree
from odfdo.element import NAMESPACES_XML, ODF_NAMESPACES

_SPACES = re.compile(r"( {2,}|\t|\n)")


@cache
def qname(name: str) -> str:
    """'text:p' in lxml's {namespace}local form."""
    prefix, local = name.split(":")
    return f"{{{ODF_NAMESPACES[prefix]}}}{local}"


def node(name: str, attributes: dict[str, str] | None = None, text: str | None = None) -> etree._Element:
    element = etree.Element(qname(name), {qname(k): v for k, v in (attributes or {}).items()})
    if text:
        add_text(element, text)
    return element


def add(
    parent: etree._Element, name: str, attributes: dict[str, str] | None = None, text: str | None = None
) -> etree._Element:
    child = node(name, attributes, text)
    parent.append(child)
    return child


def _plain(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def add_text(parent: etree._Element, text: str) -> None:
    """Text as ODF keeps it: a run of spaces as one space and text:s, tabs and line breaks as elements."""
    for part in _SPACES.split(text):
        if part == "\t":
            parent.append(node("text:tab"))
        elif part == "\n":
            parent.append(node("text:line-break"))
        elif part.startswith("  "):
            _plain(parent, " ")
            parent.append(node("text:s", {"text:c": str(len(part) - 1)}))
        else:
            _plain(parent, part)


def fragments(xml: list[str]) -> list[etree._Element]:
    """Several elements written as XML with ODF prefixes, parsed in one go."""
    root = etree.fromstring(NAMESPACES_XML % "".join(xml).encode("utf-8"))  # bytes % bytes
    return list(root)


def text_of(element: etree._Element) -> str:
    """The text a reader sees in an ODF paragraph: text:s, text:tab and text:line-break counted."""
    parts: list[str] = []
    _walk(element, parts)
    return "".join(parts)


def _walk(element: etree._Element, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        if child.tag == qname("text:s"):
            parts.append(" " * int(child.get(qname("text:c"), "1")))
        elif child.tag == qname("text:tab"):
            parts.append("\t")
        elif child.tag == qname("text:line-break"):
            parts.append("\n")
        elif child.tag not in (qname("draw:frame"), qname("draw:custom-shape")):
            _walk(child, parts)
        if child.tail:
            parts.append(child.tail)
