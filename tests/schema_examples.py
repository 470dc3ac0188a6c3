"""Complete profiles written from the schema's own examples: every field filled in, two items per list.

A test built on these covers a field added to the schema later without being told.
"""

from __future__ import annotations

import copy
from typing import Any

# The second item of a list differs from the first in what names it.
SECOND = {"id": "tweede-partner", "versie": "2024.1", "naam": "Tweede partner"}


def rule_at(schema: dict[str, Any], pattern: str) -> dict[str, Any]:
    rule: dict[str, Any] = {"type": "dict", "schema": schema}
    for part in pattern.split("."):
        rule = rule["schema"] if part == "*" else rule["schema"][part]
    return rule


def example(rule: dict[str, Any]) -> Any:
    """A complete value for a schema rule from its examples: every field, two items per list."""
    kind = rule.get("type")
    if kind == "dict":
        return {key: example(sub) for key, sub in rule["schema"].items()}
    if kind == "list" and rule.get("schema", {}).get("type") == "dict":
        first = example(rule["schema"])
        second = copy.deepcopy(first)
        for key, value in SECOND.items():
            if key in second:
                second[key] = value
        return [first, second]
    return copy.deepcopy(rule["meta"]["voorbeeld"])
