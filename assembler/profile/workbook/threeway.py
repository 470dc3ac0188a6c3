"""Merges a workbook into a profile that changed since the export, field by field, losing nothing.

Three editions of the raw profile data: as it was at the export (``base``), as the workbook has it
(``book``) and as the YAML file has it now (``yaml``). A field changed on one side only takes that
side's value; a field changed on both sides to different values is a conflict, unless the workbook
is told to win. Partners and earlier editions are matched by their id or version, so that a
partner added in the YAML and another added in the workbook both stay.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assembler.profile.loader import Path_

_ITEM_KEYS = ("id", "versie")


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()  # a field that is not there


@dataclass(frozen=True)
class Conflict:
    """A field both sides changed since the export: its path (as the workbook has it) and the three values."""

    path: Path_
    base: Any
    book: Any
    yaml: Any


@dataclass(frozen=True)
class Kept:
    """A field changed in the YAML file since the export: its path in the file now, before and after
    (None where it was or is not there: a partner added or removed as a whole)."""

    path: Path_
    old: Any
    new: Any


@dataclass
class Merge:
    data: dict[str, Any]
    conflicts: list[Conflict] = field(default_factory=list)
    # Fields changed in the YAML file since the export and kept, though the workbook has the old value.
    kept: list[Kept] = field(default_factory=list)


def merge(base: dict[str, Any], book: dict[str, Any], yaml: dict[str, Any], book_wins: bool = False) -> Merge:
    """The profile with the workbook's changes and the YAML's changes since the export."""
    result = Merge({})
    merged = _merge(base, book, yaml, (), result, book_wins)
    result.data = merged if isinstance(merged, dict) else {}
    return result


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and bool(a == b)


def _merge(base: Any, book: Any, yaml: Any, path: Path_, result: Merge, book_wins: bool) -> Any:
    if _same(book, yaml):
        return yaml
    if _same(book, base):
        result.kept += _differences(base, yaml, path)
        return yaml
    if _same(yaml, base):
        return book
    if all(isinstance(v, dict) or v is MISSING for v in (base, book, yaml)) and MISSING not in (book, yaml):
        return _dicts({} if base is MISSING else base, book, yaml, path, result, book_wins)
    keyed = _keyed(base, book, yaml)
    if keyed is not None:
        return _lists(base if isinstance(base, list) else [], book, yaml, keyed, path, result, book_wins)
    if not book_wins:
        result.conflicts.append(Conflict(path, base, book, yaml))
    return book


def _dicts(
    base: dict[str, Any],
    book: dict[str, Any],
    yaml: dict[str, Any],
    path: Path_,
    result: Merge,
    book_wins: bool,
) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    # The YAML file's key order, then what the workbook added.
    for key in [*yaml, *(k for k in book if k not in yaml)]:
        value = _merge(
            base.get(key, MISSING),
            book.get(key, MISSING),
            yaml.get(key, MISSING),
            (*path, key),
            result,
            book_wins,
        )
        if value is not MISSING:
            merged[key] = value
    return merged


def _keyed(*lists: Any) -> str | None:
    """The field that names the items when all three are lists of groups with unique names."""
    present = [v for v in lists if v is not MISSING]
    if not present or not all(isinstance(v, list) and all(isinstance(i, dict) for i in v) for v in present):
        return None
    for key in _ITEM_KEYS:
        names = [[i.get(key) for i in v] for v in present]
        if all(None not in n and len(set(map(str, n))) == len(n) for n in names):
            return key
    return None


def _lists(
    base: list[dict[str, Any]],
    book: Any,
    yaml: Any,
    key: str,
    path: Path_,
    result: Merge,
    book_wins: bool,
) -> list[dict[str, Any]]:
    book = [] if book is MISSING else book
    yaml = [] if yaml is MISSING else yaml
    by = {
        name: {str(i[key]): i for i in items}
        for name, items in (("base", base), ("book", book), ("yaml", yaml))
    }
    index = {str(i[key]): n for n, i in enumerate(book)}
    merged: list[dict[str, Any]] = []
    # The YAML file's order, then the items the workbook added, in its order.
    names = [str(i[key]) for i in yaml] + [str(i[key]) for i in book if str(i[key]) not in by["yaml"]]
    for name in names:
        where = (*path, index[name]) if name in index else (*path, name)
        value = _merge(
            by["base"].get(name, MISSING),
            by["book"].get(name, MISSING),
            by["yaml"].get(name, MISSING),
            where,
            result,
            book_wins,
        )
        if value is not MISSING:
            merged.append(value)
    return merged


def _differences(old: Any, new: Any, path: Path_) -> list[Kept]:
    """The single fields that differ between two editions (list items by their place in ``new``, a
    removed item by its name), each with its value in both."""
    if _same(old, new):
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        return [
            p
            for key in [*new, *(k for k in old if k not in new)]
            for p in _differences(old.get(key, MISSING), new.get(key, MISSING), (*path, key))
        ]
    key = _keyed(old, new)
    if key is not None:
        before = {str(i[key]): i for i in old} if isinstance(old, list) else {}
        after = [str(i[key]) for i in new] if isinstance(new, list) else []
        found = [
            p
            for n, name in enumerate(after)
            for p in _differences(before.get(name, MISSING), new[n], (*path, n))
        ]
        return found + [Kept((*path, name), item, None) for name, item in before.items() if name not in after]
    return [Kept(path, None if old is MISSING else old, None if new is MISSING else new)]
