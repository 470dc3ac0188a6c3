"""Two editions of a region as one Word document with tracked changes: the list of changes first,
then one section per municipality with its routekaart marked up (builders/word/redline.py).

Each municipality's section keeps its own header and footer (its name, version and adoption date)
and its own bookmarks, so its contents and links stay within it; docxcompose brings its styles,
numbering and pictures across. Revision ids are renumbered once for the whole document.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docxcompose.composer import Composer

from assembler.builders.base import Builder
from assembler.builders.word.builder import check_docx, default_template
from assembler.builders.word.finish import core_text, document_time, package_bytes
from assembler.builders.word.redline import AUTHOR, redline_docx
from assembler.errors import BuildError
from assembler.model.routekaart import RegionRedline

_STORIES = (
    "header",
    "footer",
    "first_page_header",
    "first_page_footer",
    "even_page_header",
    "even_page_footer",
)
_R_ATTRIBUTES = (qn("r:id"), qn("r:embed"), qn("r:link"))
BOOKMARK_MAX = 40  # Word keeps a bookmark name to 40 characters


def _rename_bookmarks(document: Any, number: int) -> None:
    """Give this municipality's bookmarks names of their own, and point its links and fields at them."""
    body = document.element.body
    names: dict[str, str] = {}
    for start in body.iter(qn("w:bookmarkStart")):
        name = start.get(qn("w:name")) or ""
        if name and name != "_GoBack":
            suffix = f"_{number}"
            names[name] = name[: BOOKMARK_MAX - len(suffix)] + suffix
            start.set(qn("w:name"), names[name])
    if not names:
        return
    for link in body.iter(qn("w:hyperlink")):
        anchor = link.get(qn("w:anchor"))
        if anchor in names:
            link.set(qn("w:anchor"), names[anchor])
    for instruction in body.iter(qn("w:instrText")):
        words = (instruction.text or "").split(" ")
        instruction.text = " ".join(names.get(word, word) for word in words)


def _section_break(master: Any, bare: bool = False) -> Any:
    """A paragraph that ends a section with a copy of the document's last section properties;
    bare: without header, footer or a separate first page."""
    properties = copy.deepcopy(master.element.body.sectPr)
    if bare:
        for tag in ("w:headerReference", "w:footerReference", "w:titlePg"):
            for element in properties.findall(qn(tag)):
                properties.remove(element)
    paragraph = master.element.body._add_p()  # before the body's own sectPr
    paragraph.get_or_add_pPr().append(properties)
    return paragraph


def _copy_story(source: Any, target: Any) -> None:
    """A header or footer's content into another package's header or footer, its pictures and
    links related anew."""
    element = target._element
    for child in list(element):
        element.remove(child)
    for child in source._element:
        element.append(copy.deepcopy(child))
    for node in element.iter():
        for attribute in _R_ATTRIBUTES:
            rid = node.get(attribute)
            if not rid:
                continue
            relation = source.part.rels[rid]
            if relation.is_external:
                node.set(
                    attribute, target.part.relate_to(relation.target_ref, relation.reltype, is_external=True)
                )
            elif attribute == qn("r:embed"):
                node.set(attribute, target.part.get_or_add_image(io.BytesIO(relation.target_part.blob))[0])
            else:
                raise BuildError(
                    "de kop- of voettekst van een gemeente verwijst naar een onderdeel dat niet mee kan"
                )


def _own_headers(master: Any, source: Any) -> None:
    """The last section (the municipality just appended) shows that municipality's header and footer."""
    section, own = master.sections[-1], source.sections[-1]
    # Drop only the references: the section closed before this one still shows those parts
    # (python-docx's is_linked_to_previous = True would drop the parts and free their ids).
    for tag in ("w:headerReference", "w:footerReference"):
        for reference in section._sectPr.findall(qn(tag)):
            section._sectPr.remove(reference)
    for story in _STORIES:
        theirs = getattr(own, story)
        ours = getattr(section, story)
        if not theirs.is_linked_to_previous:
            ours.is_linked_to_previous = False
            _copy_story(theirs, ours)


def _summary(master: Any, model: RegionRedline) -> None:
    """The list of every change, at the start, in a section of its own without header or footer."""
    body = master.element.body
    first = body[0]
    added = [master.add_paragraph(f"Wijzigingen in regio {model.naam}", style="Title")]
    added.append(
        master.add_paragraph(
            "Hierna volgt per gemeente de nieuwe routekaart met de wijzigingen als bijgehouden "
            "wijzigingen: nieuwe tekst is ingevoegd, vervallen tekst is verwijderd. Word toont ze in het "
            "deelvenster Revisies."
        )
    )
    for heading, changes in model.groepen:
        added.append(master.add_paragraph(heading, style="Heading 2"))
        for text in changes or ("Geen wijzigingen.",):
            added.append(master.add_paragraph(text, style="List Bullet"))
    for paragraph in added:
        first.addprevious(paragraph._p)
    first.addprevious(_section_break(master, bare=True))


def _renumber_revisions(master: Any) -> int:
    """Unique ids for every tracked change, above every other id in the document; returns their count."""
    body = master.element.body
    marks = [
        e
        for e in body.iter(qn("w:ins"), qn("w:del"))
        if e.get(qn("w:author")) == AUTHOR and e.get(qn("w:id"))
    ]
    marked = {id(e) for e in marks}
    taken = [
        int(e.get(qn("w:id")))
        for e in body.iter()
        if id(e) not in marked and str(e.get(qn("w:id"), "")).isdigit()
    ]
    for number, element in enumerate(marks, start=max(taken, default=0) + 1):
        element.set(qn("w:id"), str(number))
    return len(marks)


def region_redline_docx(model: RegionRedline, template: Path) -> bytes:
    """One .docx: the list of changes, then each municipality's routekaart marked up, a section each."""
    if not model.gemeenten:
        raise BuildError(
            "geen gemeente staat in beide regiobestanden; er is geen routekaart om te vergelijken"
        )
    parts = []
    for number, (_, redline) in enumerate(model.gemeenten, start=1):
        document = Document(io.BytesIO(redline_docx(redline.oud, redline.nieuw, template)))
        _rename_bookmarks(document, number)
        parts.append(document)
    master = parts[0]
    composer = Composer(master)
    for document in parts[1:]:
        _section_break(master)  # ends the municipality before, with its header and footer
        composer.append(document)
        _own_headers(master, document)
    _summary(master, model)
    _renumber_revisions(master)
    # The contents of each routekaart are filled in; updating fields on opening would make every
    # one of them list the headings of all municipalities.
    settings = master.settings.element
    for update in settings.findall(qn("w:updateFields")):
        settings.remove(update)
    master.core_properties.title = core_text(f"Wijzigingen in de routekaarten van regio {model.naam}")
    when = max(document_time(redline.nieuw) for _, redline in model.gemeenten)
    return package_bytes(master, when)


def municipalities_in(data: bytes) -> Sequence[str]:
    """Each section's header line that names its routekaart ("Brugstad · Routekaart …"), for checks.

    A concept's header has the CONCEPT stamp above that line; a section without such a line
    (the list of changes) gives "".
    """
    document = Document(io.BytesIO(data))
    return [
        next((p.text for p in section.header.paragraphs if " · " in p.text), "")
        for section in document.sections
    ]


class RegionRedlineDocxBuilder(Builder[RegionRedline]):
    """Each municipality rendered with context.template or the shipped template."""

    def render(self, model: RegionRedline) -> dict[str, bytes]:
        template = self.context.template or default_template()
        return {self.filenames(model)[0]: region_redline_docx(model, template)}

    def check(self, model: RegionRedline, name: str, data: bytes) -> None:
        check_docx(name, data)
        shown = municipalities_in(data)[1:]
        missing = [n for n, _ in model.gemeenten if not any(n in header for header in shown)]
        if len(shown) != len(model.gemeenten) or missing:
            raise BuildError(
                f"{name}: niet elke gemeente heeft een eigen deel met haar kop ({', '.join(missing) or 'aantal'})"
            )
