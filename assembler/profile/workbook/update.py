"""Writes changed values into the YAML text in place: comments, key order, quoting and untouched values stay."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-fold a long line the user wrote on one line
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


def updated_text(text: str, old: dict[str, Any], new: dict[str, Any]) -> str:
    """text with every difference between old and new (raw profile data) written in."""
    yaml = _yaml()
    tree = yaml.load(text)
    _merge(tree, old, new)
    stream = io.StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue()


def _merge(node: Any, old: Any, new: Any) -> None:
    # A comment or blank line after a group belongs, in ruamel, to the group's last value. When
    # the last value goes or a value is added after it, the comment moves along to the new end.
    reshaped = (
        list(node) != [k for k in new if k in node] or any(k not in node for k in new)
        if isinstance(node, dict)
        else len(node) != len(new)
    )
    tail = _take_tail(node) if reshaped else None
    if isinstance(node, dict):
        _drop(node, [k for k in node if k not in new])
        for key, value in new.items():
            before = old.get(key) if isinstance(old, dict) else None
            if key in node and _equal(before, value):
                continue
            if key in node and isinstance(value, dict | list) and isinstance(node[key], type(value)):
                _merge(node[key], before, value)
            else:
                node[key] = _scalar(node.get(key), value)
    elif isinstance(node, list):
        olds = old if isinstance(old, list) else []
        del node[len(new) :]
        for i, value in enumerate(new):
            before = olds[i] if i < len(olds) else None
            if i < len(node):
                if _equal(before, value):
                    continue
                if isinstance(value, dict | list) and isinstance(node[i], type(value)):
                    _merge(node[i], before, value)
                else:
                    node[i] = _scalar(node[i], value)
            else:
                node.append(_scalar(None, value))
    if tail is not None:
        _put_tail(node, tail)


def _slots(container: Any) -> list[tuple[Any, Any, int]]:
    """The comment slots after the last value, from this level down the chain of last values."""
    if isinstance(container, CommentedMap) and container:
        key: Any = list(container)[-1]
        return _chain(container, key, 2)
    if isinstance(container, CommentedSeq) and container and not container.fa.flow_style():
        return _chain(container, len(container) - 1, 0)
    return []


def _chain(owner: Any, key: Any, pos: int) -> list[tuple[Any, Any, int]]:
    value = owner[key]
    if isinstance(value, CommentedSeq) and value.fa.flow_style():
        return [(owner, key, pos)]
    return [(owner, key, pos), *_slots(value)]


def _block(owner: Any, key: Any) -> bool:
    return isinstance(owner[key], LiteralScalarString | FoldedScalarString)


def _take(slots: list[tuple[Any, Any, int]]) -> tuple[Any, bool] | None:
    """The comment at the deepest filled slot, removed there, and whether it followed a block scalar."""
    for owner, key, pos in reversed(slots):
        entry = owner.ca.items.get(key)
        if entry and len(entry) > pos and entry[pos] is not None:
            token = entry[pos]
            entry[pos] = None
            return token, _block(owner, key)
    return None


def _put(slots: list[tuple[Any, Any, int]], taken: tuple[Any, bool] | None) -> None:
    if taken is None or not slots:
        return
    token, after_block = taken
    owner, key, pos = slots[-1]
    # A block scalar ends with its own line break; a plain value's comment carries it instead.
    if after_block and not _block(owner, key):
        token.value = "\n" + token.value
    elif not after_block and _block(owner, key) and token.value.startswith("\n"):
        token.value = token.value[1:]
    entry = owner.ca.items.setdefault(key, [None, None, None, None])
    entry[pos] = token


def _take_tail(container: Any) -> tuple[Any, bool] | None:
    return _take(_slots(container))


def _put_tail(container: Any, taken: tuple[Any, bool] | None) -> None:
    _put(_slots(container), taken)


def _drop(node: Any, gone: list[Any]) -> None:
    """Remove keys; the comment after a removed group moves to the end of the value before it."""
    keys = list(node)
    for key in gone:
        taken = _take(_chain(node, key, 2))
        earlier = [k for k in keys[: keys.index(key)] if k not in gone]
        if earlier and taken is not None and key != keys[-1]:
            _put(_chain(node, earlier[-1], 2), taken)
    for key in gone:
        del node[key]


def _equal(a: Any, b: Any) -> bool:
    return type(a) is type(b) and bool(a == b)


def _scalar(current: Any, value: Any) -> Any:
    """A new value in the YAML spelling of the one it replaces, where that still fits."""
    if isinstance(value, dict):
        result = CommentedMap()
        for key, item in value.items():
            result[key] = _scalar(None, item)
        return result
    if isinstance(value, list):
        seq = CommentedSeq(_scalar(None, item) for item in value)
        if all(not isinstance(item, dict | list) for item in value):
            seq.fa.set_flow_style()  # short lists of ids are written [a, b] in every profile
        return seq
    if isinstance(value, str):
        if "\n" in value:
            return LiteralScalarString(value)
        if isinstance(current, DoubleQuotedScalarString):
            return DoubleQuotedScalarString(value)
        if isinstance(current, SingleQuotedScalarString):
            return SingleQuotedScalarString(value)
        return value
    return value
