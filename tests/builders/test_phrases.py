"""Changes marked in pieces a reader takes in at once: a phrase, or a whole sentence; never interleaved words."""

from __future__ import annotations

import datetime as dt

from docx.oxml.ns import nsdecls, qn
from lxml import etree

from assembler.builders.phrases import phrase_ops, tokens
from assembler.builders.word.redline import _Marks, changed_paragraph


def marked(old: str, new: str) -> str:
    """The change as ~~deleted~~[[inserted]] text, the way a reader sees the redline."""
    out = []
    for op in phrase_ops(old, new):
        if op.equal:
            assert old[op.i1 : op.i2] == new[op.j1 : op.j2]
            out.append(new[op.j1 : op.j2])
        else:
            out.append(
                (f"~~{old[op.i1 : op.i2]}~~" if op.i2 > op.i1 else "")
                + (f"[[{new[op.j1 : op.j2]}]]" if op.j2 > op.j1 else "")
            )
    return "".join(out)


def test_a_rewritten_sentence_goes_out_and_in_whole() -> None:
    # The example: no '~~Concept,~~Vastgesteld ~~nog~~op ~~niet~~3 ~~vastgesteld~~december 2026'.
    assert marked("Concept, nog niet vastgesteld", "Vastgesteld op 3 december 2026") == (
        "~~Concept, nog niet vastgesteld~~[[Vastgesteld op 3 december 2026]]"
    )


def test_a_changed_number_is_the_number_out_and_in() -> None:
    assert marked("Bel 020-1234568 voor advies.", "Bel 020-7654321 voor advies.") == (
        "Bel ~~020-1234568~~[[020-7654321]] voor advies."
    )
    # A number written with spaces is one piece, so one changed digit replaces the number.
    assert marked("Bel +31 (0)20 123 4567.", "Bel +31 (0)20 123 4568.") == (
        "Bel ~~+31 (0)20 123 4567~~[[+31 (0)20 123 4568]]."
    )
    assert tokens("Bel +31 (0)20 123 4567 of 112, op 3 december.") == [
        "Bel",
        " ",
        "+31 (0)20 123 4567",
        " ",
        "of",
        " ",
        "112",
        ",",
        " ",
        "op",
        " ",
        "3",
        " ",
        "december",
        ".",
    ]


def test_two_small_changes_in_a_sentence_stay_phrases_and_other_sentences_stay_untouched() -> None:
    assert (
        marked(
            "Versie 2026.1, vastgesteld op 15 oktober 2026. Het college stelde haar vast.",
            "Versie 2026.2, vastgesteld op 3 december 2026. Het college stelde haar vast.",
        )
        == "Versie ~~2026.1~~[[2026.2]], vastgesteld op ~~15 oktober~~[[3 december]] 2026. Het college stelde haar vast."
    )
    assert marked(
        "Eerste zin blijft. Tweede zin gaat helemaal anders.",
        "Eerste zin blijft. Een heel andere zin staat hier.",
    ) == ("Eerste zin blijft. ~~Tweede zin gaat helemaal anders.~~[[Een heel andere zin staat hier.]]")


def _paragraph(number: str) -> etree._Element:
    """'Bel <number> voor advies.' with the number a bold link, as the routekaart writes contact lines."""
    return etree.fromstring(
        f'<w:p {nsdecls("w", "r")}><w:r><w:t xml:space="preserve">Bel </w:t></w:r>'
        f'<w:hyperlink r:id="rId9"><w:r><w:rPr><w:b/></w:rPr><w:t>{number}</w:t></w:r></w:hyperlink>'
        f'<w:r><w:t xml:space="preserve"> voor advies.</w:t></w:r></w:p>'
    )


def test_word_marks_the_number_inside_its_link_and_keeps_its_format() -> None:
    new, old = _paragraph("020-7654321"), _paragraph("020-1234568")
    changed_paragraph(new, old, _Marks(dt.datetime(2026, 11, 1, tzinfo=dt.UTC), 100))
    link = new.find(qn("w:hyperlink"))
    (removal,) = link.findall(qn("w:del"))
    (insertion,) = link.findall(qn("w:ins"))
    assert "".join(t.text for t in removal.iter(qn("w:delText"))) == "020-1234568"
    assert "".join(t.text for t in insertion.iter(qn("w:t"))) == "020-7654321"
    assert removal.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:b')}") is not None  # the old number stays bold
    # The words around the number are no change at all.
    outside = [t.text for r in new.findall(qn("w:r")) for t in r.iter(qn("w:t"))]
    assert outside == ["Bel ", " voor advies."]
    assert [int(m.get(qn("w:id"))) for m in (removal, insertion)] == [101, 100]
