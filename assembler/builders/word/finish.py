"""Finishing a rendered Word document: house colour in the styles, a filled TOC, properties, fixed zip bytes."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from assembler.builders.art.colours import house_palette
from assembler.builders.word.bidi import mark_right_to_left
from assembler.builders.word.concept import mark_concept
from assembler.model.routekaart import Routekaart
from assembler.zips import MSDOS, STORED_SUFFIXES, ZipWriter, rezip_office

W = nsdecls("w")
LANG = "nl-NL"
HEADING_STYLES = ("Title", "Heading1", "Heading2", "Heading3", "TOCHeading")
TABLE_STYLE_ID = "RoutekaartTabel"
TOC_BOOKMARK_BASE = 900_000_000  # _Toc + nine digits, as Word names them; far from Word's own ids
# Settings children that must follow w:updateFields (ECMA-376 CT_Settings order).
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _styles_by_id(document: Document) -> dict[str, etree._Element]:
    return {s.get(qn("w:styleId")): s for s in document.styles.element.findall(qn("w:style"))}


def _set_child(parent: etree._Element, tag: str, xml: str, before: tuple[str, ...] = ()) -> etree._Element:
    """Replace parent's `tag` child by xml, keeping schema order by inserting before the first of `before`."""
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    element = parse_xml(xml)
    for name in before:
        anchor = parent.find(qn(name))
        if anchor is not None:
            anchor.addprevious(element)
            return element
    parent.append(element)
    return element


def _rpr(style: etree._Element) -> etree._Element:
    rpr = style.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {W}/>")
        style.append(rpr)
    return rpr


# Elements of w:rPr that come after w:color, so a new w:color lands in schema order.
_AFTER_COLOR = tuple(
    f"w:{name}"
    for name in (
        "spacing",
        "w",
        "kern",
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
    )
)


def apply_house_colour(document: Document, colour: str) -> None:
    """Headings, the title rule and the table header row take the municipality's colour.

    Heading text is darkened only as far as needed to stay readable on white (WCAG AA);
    a dark house colour is used exactly as given.
    """
    styles = _styles_by_id(document)
    palette = house_palette(colour)
    text = _hex(palette.band)
    for style_id in HEADING_STYLES:
        style = styles.get(style_id)
        if style is None:
            continue
        rpr = _rpr(style)
        if style_id != "TOCHeading" or rpr.find(qn("w:color")) is not None:
            _set_child(rpr, "w:color", f'<w:color {W} w:val="{text}"/>', _AFTER_COLOR)
        for border in style.iter(qn("w:bottom")):
            border.set(qn("w:color"), _hex(palette.colour))
    table = styles.get(TABLE_STYLE_ID)
    if table is None:
        return
    for conditional in table.findall(qn("w:tblStylePr")):
        if conditional.get(qn("w:type")) != "firstRow":
            continue
        for shading in conditional.iter(qn("w:shd")):
            shading.set(qn("w:fill"), _hex(palette.colour))
        header_text = _hex(palette.colour_text)
        _set_child(_rpr(conditional), "w:color", f'<w:color {W} w:val="{header_text}"/>', _AFTER_COLOR)


# ---------------------------------------------------------------------------
# Table of contents


def _outline_levels(document: Document) -> dict[str, int]:
    """Style id to outline level (0-based), following basedOn chains."""
    styles = _styles_by_id(document)

    def level(style_id: str, seen: frozenset[str] = frozenset()) -> int | None:
        style = styles.get(style_id)
        if style is None or style_id in seen:
            return None
        found = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if found is not None:
            return int(found.get(qn("w:val")))
        based = style.find(qn("w:basedOn"))
        return level(based.get(qn("w:val")), seen | {style_id}) if based is not None else None

    result = {}
    for style_id in styles:
        found = level(style_id)
        if found is not None and found < 9:
            result[style_id] = found
    return result


def _paragraph_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()


def _toc_levels(instruction: str) -> tuple[int, int]:
    match = re.search(r'\\o\s+"(\d)-(\d)"', instruction)
    return (int(match.group(1)), int(match.group(2))) if match else (1, 3)


def _find_toc(body: etree._Element) -> tuple[etree._Element, str] | None:
    """The paragraph where a TOC field begins, and its instruction."""
    for instr in body.iter(qn("w:instrText")):
        text = (instr.text or "").strip()
        if text.upper().startswith("TOC"):
            paragraph = next(a for a in instr.iterancestors() if a.tag == qn("w:p"))
            return paragraph, text
    return None


def fill_toc(document: Document) -> int:
    """Put the current headings into the TOC field's result, each a link to a bookmark on its heading.

    Word rebuilds the whole field with page numbers on opening (updateFields); LibreOffice
    shows this result as it stands, so it lists the real chapters instead of a placeholder.
    Returns the number of entries.
    """
    body = document.element.body
    found = _find_toc(body)
    if found is None:
        return 0
    field_paragraph, instruction = found
    low, high = _toc_levels(instruction)
    levels = _outline_levels(document)
    used_ids = [
        int(b.get(qn("w:id"))) for b in body.iter(qn("w:bookmarkStart")) if b.get(qn("w:id"), "").isdigit()
    ]
    next_id = max(used_ids, default=0) + 1
    entries: list[tuple[str, str, int]] = []
    wanted = range(low - 1, high)
    for p in body.iter(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        if ppr is None or p is field_paragraph:
            continue
        own = ppr.find(qn("w:outlineLvl"))
        style = ppr.find(qn("w:pStyle"))
        if own is not None:
            level: int | None = int(own.get(qn("w:val")))
        else:
            level = levels.get(style.get(qn("w:val"))) if style is not None else None
        if level is None or level not in wanted:
            continue
        text = _paragraph_text(p)
        if not text:
            continue
        name = f"_Toc{TOC_BOOKMARK_BASE + len(entries) + 1}"
        ppr.addnext(parse_xml(f'<w:bookmarkStart {W} w:id="{next_id}" w:name="{name}"/>'))
        p.append(parse_xml(f'<w:bookmarkEnd {W} w:id="{next_id}"/>'))
        next_id += 1
        entries.append((name, text, level + 1))
    if not entries:
        return 0
    _write_entries(field_paragraph, entries)
    return len(entries)


def _entry_runs(name: str, text: str) -> str:
    run = etree.Element(qn("w:t"))
    run.text = text
    run.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    escaped = etree.tostring(run, encoding="unicode")
    return f'<w:hyperlink {W} w:anchor="{name}" w:history="1"><w:r>{escaped}</w:r></w:hyperlink>'


def _write_entries(field_paragraph: etree._Element, entries: list[tuple[str, str, int]]) -> None:
    runs = list(field_paragraph.iter(qn("w:r")))
    separate = next(
        (
            r
            for r in runs
            if (c := r.find(qn("w:fldChar"))) is not None and c.get(qn("w:fldCharType")) == "separate"
        ),
        None,
    )
    end = next(
        (
            r
            for r in runs
            if (c := r.find(qn("w:fldChar"))) is not None and c.get(qn("w:fldCharType")) == "end"
        ),
        None,
    )
    if separate is None or end is None:
        return  # a TOC spread over paragraphs by hand: leave it for Word to fill
    # Drop the old result (placeholder text) between separate and end.
    node = separate.getnext()
    while node is not None and node is not end:
        following = node.getnext()
        field_paragraph.remove(node)
        node = following
    field_paragraph.remove(end)
    first_name, first_text, first_level = entries[0]
    _set_style(field_paragraph, f"TOC{first_level}")
    separate.addnext(parse_xml(_entry_runs(first_name, first_text)))
    anchor = field_paragraph
    for name, text, level in entries[1:]:
        paragraph = parse_xml(
            f'<w:p {W}><w:pPr><w:pStyle w:val="TOC{level}"/></w:pPr>{_entry_runs(name, text)}</w:p>'
        )
        anchor.addnext(paragraph)
        anchor = paragraph
    anchor.append(end)


def _set_style(paragraph: etree._Element, style_id: str) -> None:
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is None:
        ppr = parse_xml(f"<w:pPr {W}/>")
        paragraph.insert(0, ppr)
    _set_child(ppr, "w:pStyle", f'<w:pStyle {W} w:val="{style_id}"/>')
    ppr.insert(0, ppr.find(qn("w:pStyle")))


# ---------------------------------------------------------------------------
# Properties and settings


def document_time(model: Routekaart) -> dt.datetime:
    """Every time stamp in the file: the document's date (its adoption) at midnight UTC, never the build time."""
    day = model.datum
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


CORE_MAX = 255  # python-docx (and Word's dialog) hold a document property to 255 characters


def core_text(text: str) -> str:
    """A document property within its 255 characters: a long name is cut with an ellipsis there,
    as the property is a label; the document itself prints the whole text."""
    return text if len(text) <= CORE_MAX else text[: CORE_MAX - 1].rstrip(" ,") + "\u2026"


def set_properties(document: Document, model: Routekaart) -> None:
    props = document.core_properties
    when = document_time(model)
    props.title = core_text(model.titel_volledig)
    props.subject = core_text(f"Ketenaanpak schadelijke praktijken in {model.gemeente}")
    props.author = core_text(model.eigenaar.naam)
    props.last_modified_by = core_text(model.eigenaar.naam)
    props.category = "Routekaart"
    props.language = LANG
    props.keywords = core_text(", ".join(model.trefwoorden))
    props.version = core_text(model.versie)
    props.revision = 1
    props.identifier = core_text(f"routekaart-{model.slug}-{model.versie}")
    props.comments = core_text(f"Versie {model.versie}. {model.status_tekst}.")
    props.created = props.modified = props.last_printed = when


def request_field_update(document: Document) -> None:
    """<w:updateFields w:val="true"/>: Word refreshes the TOC and page numbers when the file is opened."""
    settings = document.settings.element
    after = tuple(f"w:{name}" for name in _AFTER_UPDATE_FIELDS)
    _set_child(settings, "w:updateFields", f'<w:updateFields {W} w:val="true"/>', after)


def _is_spacer(node: etree._Element | None) -> bool:
    """An empty paragraph left by breaking a paragraph open for a route table."""
    if node is None or node.tag != qn("w:p"):
        return False
    kept = (qn("w:drawing"), qn("w:bookmarkStart"), qn("w:sectPr"), qn("w:fldChar"), qn("w:tab"), qn("w:br"))
    if any(True for el in node.iter(*kept)):
        return False
    return not "".join(t.text or "" for t in node.iter(qn("w:t")))


def drop_route_spacers(document: Document) -> None:
    """Remove the empty paragraph before and after each route table in the body.

    A spacer stays where removing it would join two tables, which Word would merge into one.
    """
    body = document.element.body
    for table in body.findall(qn("w:tbl")):
        if table.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}") is None:
            continue
        before = table.getprevious()
        if _is_spacer(before) and before is not None:
            neighbour = before.getprevious()
            if neighbour is None or neighbour.tag != qn("w:tbl"):
                body.remove(before)
        after = table.getnext()
        following = after.getnext() if after is not None else None
        if _is_spacer(after) and after is not None and following is not None and following.tag == qn("w:p"):
            body.remove(after)


def finish(document: Document, model: Routekaart) -> None:
    drop_route_spacers(document)
    mark_right_to_left(document)
    apply_house_colour(document, model.kleur)
    fill_toc(document)
    set_properties(document, model)
    request_field_update(document)
    if model.is_concept:
        mark_concept(document, model.concept_tekst)


# ---------------------------------------------------------------------------
# Deterministic bytes


class _PackageWriter(ZipWriter):
    """python-docx's physical package writer, with a fixed date on every member."""

    def __init__(self, when: dt.datetime) -> None:
        super().__init__(when, system=MSDOS, stored=STORED_SUFFIXES)

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.add(pack_uri.membername, blob)


def package_bytes(document: Document, when: dt.datetime) -> bytes:
    """The saved .docx with every member dated `when`, written in one pass.

    python-docx's own writer stamps the current time; rezipping its output would compress
    everything twice, so its part serialisation is reused with our zip writer instead.
    """
    package = document.part.package
    try:
        from docx.opc.pkgwriter import PackageWriter

        for part in package.parts:
            part.before_marshal()
        writer = _PackageWriter(when)
        PackageWriter._write_content_types_stream(writer, package.parts)
        PackageWriter._write_pkg_rels(writer, package.rels)
        PackageWriter._write_parts(writer, package.parts)  # type: ignore[arg-type]
        return writer.close()
    except AttributeError:  # a python-docx without these helpers: save, then rezip
        out = io.BytesIO()
        document.save(out)
        return rezip_office(out.getvalue(), when)
