"""Writes changed values into the YAML text in place: comments, key order, quoting and untouched values stay."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
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
    if isinstance(node, dict):
        for key in [k for k in node if k not in new]:
            del node[key]
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
        # The blank line (or comment) after a list belongs to its last item in ruamel; keep it
        # after the list when items are added or removed, not between the old and new ones.
        tail = _take_tail(node) if len(new) != len(node) else None
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


def _take_tail(seq: list[Any]) -> Any:
    if not seq or not isinstance(seq[-1], CommentedMap) or not seq[-1]:
        return None
    last = seq[-1]
    entry = last.ca.items.get(list(last)[-1])
    if not entry or len(entry) < 3 or entry[2] is None:
        return None
    token = entry[2]
    entry[2] = None
    return token


def _put_tail(seq: list[Any], token: Any) -> None:
    if not seq or not isinstance(seq[-1], CommentedMap) or not seq[-1]:
        return
    last = seq[-1]
    entry = last.ca.items.setdefault(list(last)[-1], [None, None, None, None])
    entry[2] = token


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
