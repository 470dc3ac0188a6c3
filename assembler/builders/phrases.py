"""What changed between two versions of a paragraph, in pieces a reader takes in at once.

Both redlines (Word and HTML) mark changes with this. A changed number, name or date is one
deletion and one insertion of just that phrase; a sentence that changed more than a phrase or two
is deleted and inserted whole. Never word by word through a sentence, which reads as
'~~Concept,~~Vastgesteld ~~nog~~op ~~niet~~3'. Offsets are in characters of the plain texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import Any, NamedTuple

# A phone number or other number with its spaces and dashes is one token ("+31 (0)20 123 4567"),
# a word with its inner hyphens or apostrophes one ("'s-Heerenveld"), then spaces, then any sign.
_TOKEN = re.compile(r"\+?\(?\d(?:[\d()./\-]|\s(?=[\d(]))*\d\)?|\w+(?:[-'’]\w+)*|\s+|[^\w\s]")
_END = frozenset(".!?")
PHRASE_WORDS = 3  # a change of at most this many words on either side stays a phrase
PHRASES = 2  # at most this many phrases changed in one sentence


class Op(NamedTuple):
    """A stretch of both texts: equal, or old[i1:i2] replaced by new[j1:j2] (either may be empty)."""

    equal: bool
    i1: int
    i2: int
    j1: int
    j2: int


def tokens(text: str) -> list[str]:
    found = _TOKEN.findall(text)
    assert "".join(found) == text
    return found


def _sentences(parts: list[str]) -> list[list[str]]:
    """Tokens grouped into sentences; line breaks and tabs stand alone, spaces end the sentence before."""
    groups: list[list[str]] = []
    current: list[str] = []
    ended = False
    for token in parts:
        if "\n" in token or "\t" in token:
            if current:
                groups.append(current)
            groups.append([token])
            current, ended = [], False
            continue
        if ended and not token.isspace():
            groups.append(current)
            current, ended = [], False
        current.append(token)
        if token in _END:
            ended = True
    if current:
        groups.append(current)
    return groups


def _words(parts: list[str]) -> int:
    return sum(1 for p in parts if any(ch.isalnum() for ch in p))


def phrase_ops(old: str, new: str) -> list[Op]:
    """The changes from old to new, by phrase or by whole sentence, in order."""
    a, b = _sentences(tokens(old)), _sentences(tokens(new))
    ops: list[Op] = []
    starts_a, starts_b = _starts(a), _starts(b)
    matcher = SequenceMatcher(None, ["".join(s) for s in a], ["".join(s) for s in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ia, ib = starts_a[i1], starts_b[j1]
        ea, eb = starts_a[i2], starts_b[j2]
        if tag == "equal":
            ops.append(Op(True, ia, ea, ib, eb))
        elif i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                ops += _sentence(a[i1 + k], b[j1 + k], starts_a[i1 + k], starts_b[j1 + k])
        else:
            ops.append(Op(False, ia, ea, ib, eb))
    return _joined(ops)


def _starts(groups: list[list[str]]) -> list[int]:
    starts, at = [], 0
    for group in groups:
        starts.append(at)
        at += sum(len(t) for t in group)
    return [*starts, at]


def _sentence(a: list[str], b: list[str], at_a: int, at_b: int) -> list[Op]:
    """One changed sentence: its changed phrases, or the sentence out and in whole."""
    offs_a, offs_b = _offsets(a, at_a), _offsets(b, at_b)
    regions: list[list[int]] = []
    gap: tuple[int, int] | None = None
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            gap = (i1, i2)
            continue
        # A space or a comma between two changes does not keep them apart for a reader.
        if regions and gap is not None and not _words(a[gap[0] : gap[1]]):
            regions[-1][1], regions[-1][3] = i2, j2
        else:
            regions.append([i1, i2, j1, j2])
        gap = None
    if not regions:
        return [Op(True, offs_a[0], offs_a[-1], offs_b[0], offs_b[-1])]
    sizes = [(_words(a[r[0] : r[1]]), _words(b[r[2] : r[3]])) for r in regions]
    changed = max(sum(x for x, _ in sizes), sum(y for _, y in sizes))
    if (
        len(regions) > PHRASES
        or any(max(size) > PHRASE_WORDS for size in sizes)
        or 2 * changed > max(_words(a), _words(b), 1)
    ):
        return [Op(False, offs_a[0], offs_a[-1], offs_b[0], offs_b[-1])]
    ops: list[Op] = []
    pa = pb = 0
    for i1, i2, j1, j2 in regions:
        ops.append(Op(True, offs_a[pa], offs_a[i1], offs_b[pb], offs_b[j1]))
        ops.append(Op(False, offs_a[i1], offs_a[i2], offs_b[j1], offs_b[j2]))
        pa, pb = i2, j2
    ops.append(Op(True, offs_a[pa], offs_a[-1], offs_b[pb], offs_b[-1]))
    return ops


def _offsets(parts: list[str], at: int) -> list[int]:
    found = [at]
    for part in parts:
        found.append(found[-1] + len(part))
    return found


def _joined(ops: list[Op]) -> list[Op]:
    """Neighbouring stretches of one kind as one, empty ones left out."""
    out: list[Op] = []
    for op in ops:
        if op.i1 == op.i2 and op.j1 == op.j2:
            continue
        if out and out[-1].equal == op.equal:
            out[-1] = Op(op.equal, out[-1].i1, op.i2, out[-1].j1, op.j2)
        else:
            out.append(op)
    return out


# Characters in two blocks above which they are compared word by word (see _alike).
LONG_BLOCK = 2000


def pair_blocks(old: Sequence[Any], new: Sequence[Any], text: Callable[[Any], str]) -> list[tuple[Any, Any]]:
    """Old and new blocks of a changed stretch in order, each new one with its most alike old one
    of the same kind (element tag) and at least half alike, or alone (None on the other side)."""
    pairs: list[tuple[Any, Any]] = []
    next_old = 0
    for block in new:
        best, score = None, 0.5
        for k in range(next_old, len(old)):
            if old[k].tag == block.tag:
                ratio = _alike(text(old[k]), text(block), score)
                if ratio >= score:
                    best, score = k, ratio
        if best is None:
            pairs.append((None, block))
            continue
        pairs += [(o, None) for o in old[next_old:best]]
        pairs.append((old[best], block))
        next_old = best + 1
    return pairs + [(o, None) for o in old[next_old:]]


def _alike(old: str, new: str, at_least: float) -> float:
    """How alike two blocks' texts are; 0 when it cannot reach at_least.

    Short blocks (a cell, a paragraph) are compared character by character, so a changed number
    still pairs with its old self. Long ones word by word: a whole chapter is one block at the top
    of an HTML page, and comparing two of those character by character took minutes. The quick
    upper bounds skip most pairs before the real comparison.
    """
    long = len(old) + len(new) > LONG_BLOCK
    matcher = SequenceMatcher(None, old.split() if long else old, new.split() if long else new, autojunk=False)
    if matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least:
        return 0.0
    return matcher.ratio()
