"""The new routekaart as Word tracked changes (w:ins, w:del) against the old one, for the review pane.

Paragraphs and table rows are matched by their text, a changed paragraph with the most alike
old one. Within a changed paragraph or table cell a changed number, name or date is one
deletion and one insertion of that phrase, and a sentence that changed more is deleted and
inserted whole (builders/phrases.py); the runs keep their format, links and images. Content
taken from the old edition keeps its text and format but no images or links, since those
live in the old package.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from assembler.builders.base import Builder
from assembler.builders.phrases import pair_blocks, phrase_ops
from assembler.builders.word.builder import check_docx, default_template, render_docx
from assembler.builders.word.finish import document_time, package_bytes
from assembler.model.routekaart import Redline, Routekaart

AUTHOR = "Routekaart toolkit"


class _Marks:
    """Makes w:ins and w:del elements with unique ids, one author and one date."""

    def __init__(self, when: dt.datetime, first_id: int = 1) -> None:
        self.next_id = first_id
        self.date = when.strftime("%Y-%m-%dT%H:%M:%SZ")

    def make(self, kind: str) -> Any:
        element = etree.Element(qn(f"w:{kind}"))
        element.set(qn("w:id"), str(self.next_id))
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self.date)
        self.next_id += 1
        return element


def _text(element: Any) -> str:
    parts = []
    for node in element.iter(qn("w:t"), qn("w:delText"), qn("w:tab"), qn("w:br")):
        if node.tag in (qn("w:t"), qn("w:delText")):
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == qn("w:tab") else "\n")
    return "".join(parts)


def _signature(block: Any) -> str:
    if block.tag == qn("w:tbl"):
        rows = block.findall(qn("w:tr"))
        return "TABEL:" + (_text(rows[0]) if rows else "")
    return "ALINEA:" + _text(block)


def _plain_runs(paragraph: Any) -> list[Any]:
    """The paragraph's runs as plain text runs: links unwrapped, images and fields dropped."""
    runs = []
    for run in paragraph.iter(qn("w:r")):
        texts = [n for n in run if n.tag in (qn("w:t"), qn("w:tab"), qn("w:br"))]
        if not texts or not _text(run):
            continue
        fresh = etree.Element(qn("w:r"))
        rpr = run.find(qn("w:rPr"))
        if rpr is not None:
            fresh.append(copy.deepcopy(rpr))
        for node in texts:
            fresh.append(copy.deepcopy(node))
        runs.append(fresh)
    return runs


def _as_deleted(run: Any) -> Any:
    for node in run.iter(qn("w:t")):
        node.tag = qn("w:delText")
    return run


def _mark_paragraph_mark(paragraph: Any, kind: str, marks: _Marks) -> None:
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        paragraph.insert(0, ppr)
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.Element(qn("w:rPr"))
        # w:rPr comes last in w:pPr except for w:sectPr and w:pPrChange.
        anchor = ppr.find(qn("w:sectPr"))
        if anchor is None:
            anchor = ppr.find(qn("w:pPrChange"))
        if anchor is not None:
            anchor.addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.insert(0, marks.make(kind))


def _wrap_content(paragraph: Any, kind: str, marks: _Marks) -> None:
    """Every run of a paragraph inside a w:ins or w:del, where it stands (links keep their runs inside)."""
    tracked = (qn("w:ins"), qn("w:del"))
    for run in list(paragraph.iter(qn("w:r"))):
        if run.getparent().tag in tracked:
            continue
        wrapper = marks.make(kind)
        run.addprevious(wrapper)
        wrapper.append(run)
        if kind == "del":
            _as_deleted(run)


def deleted_paragraph(old: Any, marks: _Marks) -> Any:
    """A copy of an old paragraph, shown as deleted."""
    paragraph = etree.Element(qn("w:p"))
    ppr = old.find(qn("w:pPr"))
    if ppr is not None:
        own = copy.deepcopy(ppr)
        for sect in own.findall(qn("w:sectPr")):
            own.remove(sect)
        paragraph.append(own)
    for run in _plain_runs(old):
        paragraph.append(run)
    _wrap_content(paragraph, "del", marks)
    _mark_paragraph_mark(paragraph, "del", marks)
    return paragraph


def inserted_paragraph(paragraph: Any, marks: _Marks) -> None:
    _wrap_content(paragraph, "ins", marks)
    _mark_paragraph_mark(paragraph, "ins", marks)


_TEXT_NODES = (qn("w:t"), qn("w:tab"), qn("w:br"))
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _node_text(node: Any) -> str:
    if node.tag in (qn("w:t"), qn("w:delText")):
        return node.text or ""
    return "\t" if node.tag == qn("w:tab") else "\n"


def _live_runs(paragraph: Any) -> list[tuple[Any, int, int]]:
    """The paragraph's current runs (not those already deleted) with their text's start and end."""
    found, at = [], 0
    for run in paragraph.iter(qn("w:r")):
        if any(a.tag == qn("w:del") for a in run.iterancestors()):
            continue
        length = sum(len(_node_text(n)) for n in run if n.tag in _TEXT_NODES)
        found.append((run, at, at + length))
        at += length
    return found


def _splittable(run: Any) -> bool:
    return all(n.tag in (qn("w:rPr"), *_TEXT_NODES) for n in run)


def _text_run(text: str, rpr: Any, deleted: bool = False) -> Any:
    """A run holding text with the given format; tabs and line breaks as Word writes them."""
    run = etree.Element(qn("w:r"))
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    for piece in re.split(r"([\t\n])", text):
        if piece == "\t":
            etree.SubElement(run, qn("w:tab"))
        elif piece == "\n":
            etree.SubElement(run, qn("w:br"))
        elif piece:
            node = etree.SubElement(run, qn("w:delText" if deleted else "w:t"))
            node.text = piece
            node.set(_SPACE, "preserve")
    return run


def _run_text(run: Any) -> str:
    return "".join(_node_text(n) for n in run if n.tag in _TEXT_NODES)


def _split(paragraph: Any, at: int) -> bool:
    """Make a run boundary at character ``at``; False when a run that cannot be split is in the way."""
    for run, start, end in _live_runs(paragraph):
        if start < at < end:
            if not _splittable(run):
                return False
            text, rpr = _run_text(run), run.find(qn("w:rPr"))
            first, second = _text_run(text[: at - start], rpr), _text_run(text[at - start :], rpr)
            run.addprevious(first)
            run.addprevious(second)
            run.getparent().remove(run)
            return True
    return True


def _old_slice(old: Any, i1: int, i2: int) -> list[Any]:
    """The old paragraph's text from i1 to i2 as deleted runs, each in its old format."""
    runs, at = [], 0
    for run in _plain_runs(old):
        text = _run_text(run)
        start, end = max(i1, at), min(i2, at + len(text))
        if start < end:
            runs.append(_text_run(text[start - at : end - at], run.find(qn("w:rPr")), deleted=True))
        at += len(text)
    return runs


def changed_paragraph(new: Any, old: Any, marks: _Marks) -> None:
    """Mark what changed inside one paragraph: the changed phrases or sentences, old out and new in."""
    ops = [
        op
        for op in phrase_ops(_text(old), "".join(_run_text(r) for r, _, _ in _live_runs(new)))
        if not op.equal
    ]
    if not all(_split(new, at) for op in ops for at in (op.j1, op.j2)):
        _replace_whole(new, old, marks)
        return
    for op in reversed(ops):
        runs = _live_runs(new)
        inside = [run for run, start, end in runs if op.j1 <= start and end <= op.j2 and end > start]
        for run in inside:
            wrapper = marks.make("ins")
            run.addprevious(wrapper)
            wrapper.append(run)
        if op.i2 > op.i1:
            removal = marks.make("del")
            for run in _old_slice(old, op.i1, op.i2):
                removal.append(run)
            after = next((run for run, start, end in runs if start >= op.j1 and end > start), None)
            anchor = (
                after.getparent() if after is not None and after.getparent().tag == qn("w:ins") else after
            )
            if anchor is not None:
                anchor.addprevious(removal)
            else:
                new.append(removal)


def _replace_whole(new: Any, old: Any, marks: _Marks) -> None:
    """The old paragraph's text out and the new one's in, where the new one cannot be split."""
    _wrap_content(new, "ins", marks)
    removal = marks.make("del")
    for run in _plain_runs(old):
        removal.append(_as_deleted(run))
    if not len(removal):
        return
    content = [c for c in new if c.tag != qn("w:pPr")]
    if content:
        content[0].addprevious(removal)
    else:
        new.append(removal)


def _cell_blocks(cell: Any) -> list[Any]:
    return [c for c in cell if c.tag in (qn("w:p"), qn("w:tbl"))]


def _diff_blocks(new: Sequence[Any], old: Sequence[Any], marks: _Marks) -> int:
    """Compare two block lists in place (the new ones stay, the old ones come back as deleted)."""
    a = [_signature(b) for b in old]
    b = [_signature(n) for n in new]
    changes = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            for o, n in zip(old[i1:i2], new[j1:j2], strict=True):
                if n.tag == qn("w:tbl"):
                    changes += _diff_table(n, o, marks)
            continue
        # Deleted blocks stand after the new block before them, or before the next new one.
        anchor = new[j1 - 1] if j1 > 0 else None
        following = new[j2] if j2 < len(new) else None
        for o, n in pair_blocks(old[i1:i2], new[j1:j2], _signature):
            changes += 1
            if n is None:
                removed = _deleted_block(o, marks)
                if anchor is not None:
                    anchor.addnext(removed)
                elif following is not None:
                    following.addprevious(removed)
                elif new:
                    new[-1].addnext(removed)
                else:
                    continue
                anchor = removed
                continue
            if o is None:
                _insert_block(n, marks)
            elif n.tag == qn("w:p"):
                changed_paragraph(n, o, marks)
            else:
                _diff_table(n, o, marks)
            anchor = n
    return changes


def _insert_block(block: Any, marks: _Marks) -> None:
    if block.tag == qn("w:p"):
        inserted_paragraph(block, marks)
        return
    for row in block.findall(qn("w:tr")):
        _mark_row(row, "ins", marks)


def _deleted_block(block: Any, marks: _Marks) -> Any:
    if block.tag == qn("w:p"):
        return deleted_paragraph(block, marks)
    table = copy.deepcopy(block)
    for row in table.findall(qn("w:tr")):
        _clean_old_row(row, marks)
    return table


def _clean_old_row(row: Any, marks: _Marks) -> None:
    for cell in row.findall(qn("w:tc")):
        for block in _cell_blocks(cell):
            if block.tag == qn("w:p"):
                block.addprevious(deleted_paragraph(block, marks))
            cell.remove(block)
        if not _cell_blocks(cell):
            etree.SubElement(cell, qn("w:p"))
    _mark_row(row, "del", marks, content=False)


def _mark_row(row: Any, kind: str, marks: _Marks, content: bool = True) -> None:
    trpr = row.find(qn("w:trPr"))
    if trpr is None:
        trpr = etree.Element(qn("w:trPr"))
        before = row.find(qn("w:tblPrEx"))
        if before is not None:
            before.addnext(trpr)
        else:
            row.insert(0, trpr)
    trpr.append(marks.make(kind))
    if content and kind == "ins":
        for cell in row.findall(qn("w:tc")):
            for paragraph in cell.findall(qn("w:p")):
                inserted_paragraph(paragraph, marks)


def _diff_table(new: Any, old: Any, marks: _Marks) -> int:
    old_rows, new_rows = old.findall(qn("w:tr")), new.findall(qn("w:tr"))
    # Rows are matched on their first cell (a partner's or a practice's name), so a changed
    # phone number shows as a changed cell instead of a row out and a row in.
    a = [_text(r.find(qn("w:tc"))) if r.find(qn("w:tc")) is not None else "" for r in old_rows]
    b = [_text(r.find(qn("w:tc"))) if r.find(qn("w:tc")) is not None else "" for r in new_rows]
    changes = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            for o, n in zip(old_rows[i1:i2], new_rows[j1:j2], strict=True):
                changes += _diff_row(n, o, marks)
            continue
        for n in new_rows[j1:j2]:
            _mark_row(n, "ins", marks)
            changes += 1
        anchor = new_rows[j2 - 1] if j2 > j1 else (new_rows[j1 - 1] if j1 > 0 else None)
        for o in old_rows[i1:i2]:
            removed = copy.deepcopy(o)
            _clean_old_row(removed, marks)
            if anchor is not None:
                anchor.addnext(removed)
            elif new_rows:
                new_rows[0].addprevious(removed)
            else:
                new.append(removed)
            anchor = removed
            changes += 1
    return changes


def _diff_row(new: Any, old: Any, marks: _Marks) -> int:
    old_cells, new_cells = old.findall(qn("w:tc")), new.findall(qn("w:tc"))
    if len(old_cells) != len(new_cells):
        _mark_row(new, "ins", marks)
        removed = copy.deepcopy(old)
        _clean_old_row(removed, marks)
        new.addprevious(removed)
        return 1
    changes = 0
    for o, n in zip(old_cells, new_cells, strict=True):
        if _text(o) != _text(n):
            changes += _diff_blocks(_cell_blocks(n), _cell_blocks(o), marks)
    return changes


def _body_blocks(document: Any) -> list[Any]:
    return [c for c in document.element.body if c.tag in (qn("w:p"), qn("w:tbl"))]


def redline(old: bytes, new: bytes, when: dt.datetime) -> tuple[bytes, int]:
    """The new .docx with every difference from the old one as a tracked change, and how many there are."""
    old_doc, new_doc = Document(io.BytesIO(old)), Document(io.BytesIO(new))
    # Revision ids share one number space with bookmarks and comments: start above them all.
    taken = [int(v) for v in new_doc.element.body.xpath("//@w:id") if str(v).isdigit()]
    marks = _Marks(when, max(taken, default=0) + 1)
    changes = _diff_blocks(_body_blocks(new_doc), _body_blocks(old_doc), marks)
    return package_bytes(new_doc, when), changes


def redline_docx(
    old: Routekaart,
    new: Routekaart,
    template: Path,
    render: Callable[[Routekaart, Path], bytes] = render_docx,
) -> bytes:
    """Render both editions with the same template and mark the new one up against the old."""
    data, _ = redline(render(old, template), render(new, template), document_time(new))
    return data


class RedlineDocxBuilder(Builder[Redline]):
    """Both editions rendered with the municipality's template (context.template) or the shipped one."""

    def render(self, model: Redline) -> dict[str, bytes]:
        template = self.context.template or default_template()
        return {self.filenames(model)[0]: redline_docx(model.oud, model.nieuw, template)}

    def check(self, model: Redline, name: str, data: bytes) -> None:
        check_docx(name, data)
