"""The new routekaart as one web page, with what changed since the old one struck through and underlined.

The list of changes comes first. Then the new page itself, compared block by block with the old
one: headings, paragraphs, list items and table cells are matched by their text, and tables keep
their rows and cells (a removed partner is a struck-through row of the same table). Within a
block a changed number or name is marked as that phrase, a changed sentence as a whole
(builders/phrases.py, as in the Word redline). Old text comes back as plain text, without its
links; the page keeps the new edition's head, styles and diagrams.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

from lxml import etree
from lxml import html as lxml_html
from markupsafe import escape

from assembler.builders.base import Builder
from assembler.builders.phrases import pair_blocks, phrase_ops
from assembler.builders.web.html import check_page
from assembler.builders.web.render import read_logo, render_html
from assembler.builders.web.webfonts import web_font_css
from assembler.errors import BuildError
from assembler.model.routekaart import Redline, RegionRedline, Routekaart

# Blocks whose text is compared phrase by phrase; every other element is a container of blocks.
LEAVES = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "caption", "figcaption"}
)
# Drawn or embedded content: shown new, marked as changed, never taken apart.
WHOLE = frozenset({"svg", "img", "style", "script"})
_STYLE = """
ins.wijziging, ins { background: #E6F4EA; color: #0B5521; text-decoration: underline; }
del.wijziging, del { background: #FDECEE; color: #8A0016; text-decoration: line-through; }
tr.verwijderd th, tr.verwijderd td { background: #FDECEE; }
.wijzigingen-uitleg { border: 2px solid #1D4F91; padding: 0.6em 1em; margin: 1em 0; }
"""


def _text(element: Any) -> str:
    return str(element.text_content()) if not isinstance(element, etree._Comment) else ""


def _signature(element: Any) -> str:
    return f"{element.tag}:{' '.join(_text(element).split())}"


def _children(element: Any) -> list[Any]:
    return [c for c in element if isinstance(c.tag, str)]


def _tag(element: Any) -> str:
    return str(element.tag).rsplit("}", 1)[-1]


def _diff(new: Any, old: Any) -> None:
    """Mark new (in place) against old: containers block by block, leaves phrase by phrase."""
    tag = _tag(new)
    if tag in WHOLE:
        return
    if tag in LEAVES:
        _phrases(new, old)
        return
    new_blocks, old_blocks = _children(new), _children(old)
    a, b = [_signature(o) for o in old_blocks], [_signature(n) for n in new_blocks]
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        anchor = new_blocks[j1 - 1] if j1 > 0 else None
        following = new_blocks[j2] if j2 < len(new_blocks) else None
        for o, n in pair_blocks(old_blocks[i1:i2], new_blocks[j1:j2], _signature):
            if n is None:
                removed = _deleted(o)
                if anchor is not None:
                    anchor.addnext(removed)
                elif following is not None:
                    following.addprevious(removed)
                else:
                    new.append(removed)
                anchor = removed
                continue
            if o is None:
                _inserted(n)
            elif _tag(n) in WHOLE:
                _mark_whole(n)
            else:
                _diff(n, o)
            anchor = n


def _segments(element: Any) -> list[tuple[Any, str, int, int]]:
    """The element's current text pieces (element.text or a child's tail) with their offsets;
    text already marked as deleted does not count."""
    found: list[tuple[Any, str, int, int]] = []
    at = 0

    def walk(node: Any) -> None:
        nonlocal at
        if node.text and _tag(node) != "del":
            found.append((node, "text", at, at + len(node.text)))
            at += len(node.text)
        for child in node:
            if isinstance(child.tag, str) and _tag(child) not in ("del", *WHOLE):
                walk(child)
            if child.tail:
                found.append((child, "tail", at, at + len(child.tail)))
                at += len(child.tail)

    walk(element)
    return found


def _cut(element: Any, at: int, mark: Any) -> None:
    """Put a deletion mark at character ``at`` of the element's current text, before an insertion there."""
    segments = _segments(element)
    for node, where, start, end in segments:
        if not (start <= at < end or (at == end and (node, where, start, end) == segments[-1])):
            continue
        if where == "text" and _tag(node) == "ins" and at == start:
            node.addprevious(mark)  # old text out, then the new in
            return
        text = getattr(node, where)
        mark.tail = text[at - start :]
        setattr(node, where, text[: at - start])
        if where == "text":
            node.insert(0, mark)
        else:
            node.addnext(mark)
        return
    element.append(mark)


def _phrases(new: Any, old: Any) -> None:
    old_text = _text(old)
    new_text = "".join(getattr(n, w) for n, w, _, _ in _segments(new))
    for op in reversed([op for op in phrase_ops(old_text, new_text) if not op.equal]):
        # An insertion spanning several pieces (a link and the text after it) is marked piece by piece.
        for node, where, start, end in reversed(_segments(new)):
            lo, hi = max(start, op.j1), min(end, op.j2)
            if lo < hi:
                _cut_piece(node, where, lo - start, hi - lo)
        if op.i2 > op.i1:
            removal = etree.Element("del", {"class": "wijziging"})
            removal.text = old_text[op.i1 : op.i2]
            _cut(new, op.j1, removal)


def _cut_piece(node: Any, where: str, offset: int, length: int) -> None:
    text = getattr(node, where)
    mark = etree.Element("ins", {"class": "wijziging"})
    mark.text, mark.tail = text[offset : offset + length], text[offset + length :]
    setattr(node, where, text[:offset])
    if where == "text":
        node.insert(0, mark)
    else:
        node.addnext(mark)


def _inserted(element: Any) -> None:
    """A new block: its text underlined, leaf by leaf (a new table row stays a row)."""
    if _tag(element) in WHOLE:
        _mark_whole(element)
        return
    if _tag(element) in LEAVES or not _children(element):
        for node, where, start, end in reversed(_segments(element)):
            _cut_piece(node, where, 0, end - start)
        return
    for child in _children(element):
        _inserted(child)


def _deleted(element: Any) -> Any:
    """An old block, as plain struck-through text in the same structure (a row stays a row)."""
    copied = copy.deepcopy(element)
    for node in copied.iter():
        if isinstance(node.tag, str):
            node.attrib.pop("id", None)
            node.attrib.pop("aria-labelledby", None)
    for node in list(copied.iter()):
        if isinstance(node.tag, str) and _tag(node) in WHOLE and node.getparent() is not None:
            node.getparent().remove(node)
    for link in list(copied.iter("a")):
        link.drop_tag()
    _struck(copied)
    if _tag(copied) == "tr":
        copied.set("class", (copied.get("class", "") + " verwijderd").strip())
    return copied


def _struck(element: Any) -> None:
    if _tag(element) in LEAVES or not _children(element):
        text = _text(element)
        for child in list(element):
            element.remove(child)
        element.text = None
        if text.strip():
            removal = etree.SubElement(element, "del", {"class": "wijziging"})
            removal.text = text
        return
    for child in _children(element):
        _struck(child)


def _mark_whole(element: Any) -> None:
    """A changed diagram or image: the new one, underlined as new as a whole."""
    wrapper = etree.Element("ins", {"class": "wijziging"})
    element.addprevious(wrapper)
    wrapper.append(element)


def _body(html: str, which: str) -> Any:
    page = lxml_html.document_fromstring(html)
    body = page.find("body")
    if body is None or body.find(".//main") is None:
        raise BuildError(f"de {which} routekaart heeft geen hoofdinhoud om te vergelijken")
    return page


def _marked(old: Routekaart, new: Routekaart) -> Any:
    """The new edition's page with its differences from the old one marked."""
    fonts = web_font_css()
    before = _body(render_html(old, "html", fonts, read_logo(old.logo)), "oude")
    after = _body(render_html(new, "html", fonts, read_logo(new.logo)), "nieuwe")
    _diff(after.find("body"), before.find("body"))
    return after


def _summary(heading: str, groups: Sequence[tuple[str, Sequence[str]]]) -> Any:
    lists = "".join(
        (f"<h3>{escape(name)}</h3>" if name else "")
        + "<ul>"
        + ("".join(f"<li>{escape(text)}</li>" for text in texts) or "<li>Geen wijzigingen.</li>")
        + "</ul>"
        for name, texts in groups
    )
    return lxml_html.fragment_fromstring(
        '<section class="wijzigingen-uitleg" aria-labelledby="wijzigingen-kop">'
        f'<h2 id="wijzigingen-kop">{escape(heading)}</h2>'
        "<p>Nieuwe tekst is <ins>onderstreept</ins>, vervallen tekst is <del>doorgestreept</del>.</p>"
        f"{lists}</section>"
    )


def redline_region_html(model: RegionRedline) -> str:
    """One page for two editions of a region: every change first, then a section per municipality
    with its routekaart marked up (ids given the municipality's slug, so each section links within
    itself). The page has one main landmark: each municipality's own becomes a division."""
    if not model.gemeenten:
        raise BuildError(
            "geen gemeente staat in beide regiobestanden; er is geen routekaart om te vergelijken"
        )
    pages = [(name, redline.nieuw.slug, _marked(redline.oud, redline.nieuw)) for name, redline in model.gemeenten]
    page = pages[0][2]
    parts = [(name, slug, _children(marked.find("body"))) for name, slug, marked in pages]
    body = page.find("body")
    for child in list(body):
        body.remove(child)
    main = etree.SubElement(body, "main")
    main.append(_summary(f"Wijzigingen in regio {model.naam}", model.groepen))
    for name, slug, children in parts:
        section = etree.SubElement(
            main, "section", {"class": "gemeente-wijzigingen", "aria-label": f"Gemeente {name}"}
        )
        for child in children:
            if "skiplink" not in (child.get("class") or ""):
                section.append(child)
        for node in section.iter():
            if not isinstance(node.tag, str):
                continue
            if node.tag == "main":
                node.tag = "div"
            for attribute in ("id", "for"):
                if node.get(attribute):
                    node.set(attribute, f"{slug}-{node.get(attribute)}")
            for attribute in ("aria-labelledby", "aria-describedby"):
                if node.get(attribute):
                    node.set(attribute, " ".join(f"{slug}-{v}" for v in node.get(attribute).split()))
            if (node.get("href") or "").startswith("#"):
                node.set("href", f"#{slug}-{node.get('href')[1:]}")
    _styled(page)
    return "<!DOCTYPE html>\n" + lxml_html.tostring(page, encoding="unicode")


def _styled(page: Any) -> None:
    style = page.find(".//head/style")
    if style is not None:
        style.text = (style.text or "") + _STYLE


def redline_html(old: Routekaart, new: Routekaart, changes: list[str]) -> str:
    """The new page with the old one's differences marked, and the list of changes first."""
    after = _marked(old, new)
    body = after.find("body")
    summary = _summary(f"Wijzigingen ten opzichte van versie {old.versie}", [("", changes)])
    first = _children(body)
    skip = first[0] if first and "skiplink" in (first[0].get("class") or "") else None
    if skip is not None:
        skip.addnext(summary)
    else:
        body.insert(0, summary)
    _styled(after)
    return "<!DOCTYPE html>\n" + lxml_html.tostring(after, encoding="unicode")


class RedlineHtmlBuilder(Builder[Redline]):
    def render(self, model: Redline) -> dict[str, bytes]:
        page = redline_html(model.oud, model.nieuw, list(model.wijzigingen))
        return {self.filenames(model)[0]: page.encode("utf-8")}

    def check(self, model: Redline, name: str, data: bytes) -> None:
        # The same page as the routekaart in HTML, with marks in it: the same checks hold.
        check_page(name, data)


class RegionRedlineHtmlBuilder(Builder[RegionRedline]):
    def render(self, model: RegionRedline) -> dict[str, bytes]:
        return {self.filenames(model)[0]: redline_region_html(model).encode("utf-8")}

    def check(self, model: RegionRedline, name: str, data: bytes) -> None:
        check_page(name, data)
