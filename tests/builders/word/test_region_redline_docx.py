"""`assembler wijzigingen OUD/regio.yaml NIEUW/regio.yaml -o x.docx`: one Word document for a region,
the list of changes first, then each municipality's routekaart with tracked changes in a section of
its own, under its own header and footer."""

from __future__ import annotations

import io
import shutil

import docx
import pytest
from docx.oxml.ns import qn

from assembler.builders.word.combine import municipalities_in
from tests.builders.word.test_redline import invoke, resolve, texts
from tests.conftest import FIXTURE_REGION

OLD, NEW = "0123-780790", "0123-780799"  # Leerplicht Brugstad


@pytest.fixture(scope="module")
def redline(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    root = tmp_path_factory.mktemp("regio-wijzigingen")
    shutil.copytree(FIXTURE_REGION, root / "oud")
    shutil.copytree(FIXTURE_REGION, root / "nieuw")
    brugstad = root / "nieuw" / "gemeenten" / "brugstad.yaml"
    text = brugstad.read_text(encoding="utf-8")
    assert text.count(f'"{OLD}"') == 1
    brugstad.write_text(text.replace(f'"{OLD}"', f'"{NEW}"'), encoding="utf-8")
    target = root / "regio.docx"
    output, code = invoke(
        "wijzigingen", root / "oud" / "regio.yaml", root / "nieuw" / "regio.yaml", "-o", target
    )
    assert code == 0, output
    assert f"Leerplicht Brugstad: telefoonnummer gewijzigd van {OLD} in {NEW}." in output
    return target.read_bytes()


def _sections(data: bytes) -> list[list[str]]:
    """Each section's paragraphs (tables included), as the reader meets them, deletions left out."""
    body = docx.Document(io.BytesIO(data)).element.body
    sections: list[list[str]] = [[]]
    for paragraph in body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        if text.strip():
            sections[-1].append(text)
        properties = paragraph.find(qn("w:pPr"))
        if properties is not None and properties.find(qn("w:sectPr")) is not None:
            sections.append([])
    return sections


def test_the_list_of_changes_comes_first_without_header(redline: bytes) -> None:
    document = docx.Document(io.BytesIO(redline))
    summary = _sections(redline)[0]
    assert summary[0] == "Wijzigingen in regio Oeverland"
    assert f"Leerplicht Brugstad: telefoonnummer gewijzigd van {OLD} in {NEW}." in summary
    assert summary.count("Geen wijzigingen.") == 4  # the region and the three other municipalities
    first = document.sections[0]
    assert not first.different_first_page_header_footer
    assert all(not p.text.strip() for p in first.header.paragraphs + first.footer.paragraphs)


def test_each_municipality_has_a_section_under_its_own_header(redline: bytes) -> None:
    document = docx.Document(io.BytesIO(redline))
    headers = [line.split(" · ")[0] for line in municipalities_in(redline)[1:]]
    assert headers == ["Brugstad", "Dijkmond", "'s-Molenwaard", "Wâldterp"]
    # The fixture's municipalities are concepts: each section's header carries the stamp too.
    assert all(s.header.paragraphs[0].text == "CONCEPT" for s in document.sections[1:])
    footers = [s.footer.paragraphs[0].text for s in document.sections[1:]]
    assert len(set(footers)) == 4, footers  # each says when that routekaart was adopted
    # Each municipality's own text stands in its own section.
    sections = _sections(redline)[1:]
    for name, section in zip(headers, sections, strict=False):
        assert any(name in line for line in section[:5]), (name, section[:5])


def test_the_change_is_tracked_in_its_municipality_only(redline: bytes) -> None:
    body = docx.Document(io.BytesIO(redline)).element.body
    deleted = ["".join(t.text or "" for t in d.iter(qn("w:delText"))) for d in body.iter(qn("w:del"))]
    inserted = ["".join(t.text or "" for t in i.iter(qn("w:t"))) for i in body.iter(qn("w:ins"))]
    assert deleted and set(deleted) == {OLD} and set(inserted) == {NEW}
    # Accepting every change leaves the old number only in the summary's sentence; rejecting, the new.
    accepted = "\n".join(texts(resolve(docx.Document(io.BytesIO(redline)).element.body, keep="ins")))
    rejected = "\n".join(texts(resolve(docx.Document(io.BytesIO(redline)).element.body, keep="del")))
    assert accepted.count(OLD) == 1 and accepted.count(NEW) == len(inserted) + 1
    assert rejected.count(NEW) == 1 and rejected.count(OLD) == len(deleted) + 1
    brugstad, *others = _sections(redline)[1:]
    assert any(NEW in line for line in brugstad)
    assert not any(NEW in line or OLD in line for section in others for line in section)


def test_revision_ids_and_bookmarks_are_unique_and_every_link_finds_its_place(redline: bytes) -> None:
    body = docx.Document(io.BytesIO(redline)).element.body
    revisions = [e.get(qn("w:id")) for e in body.iter(qn("w:ins"), qn("w:del"))]
    assert len(revisions) == len(set(revisions))
    bookmarks = [b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))]
    assert len(bookmarks) == len(set(bookmarks)) and all(len(b) <= 40 for b in bookmarks)
    anchors = {link.get(qn("w:anchor")) for link in body.iter(qn("w:hyperlink"))} - {None}
    assert anchors and anchors <= set(bookmarks)
    # Each municipality keeps its own filled-in contents; Word is not told to rebuild them on opening.
    settings = docx.Document(io.BytesIO(redline)).settings.element
    assert settings.find(qn("w:updateFields")) is None
