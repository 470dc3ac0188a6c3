"""Refuses text the shipped fonts cannot print, with its place, before a PDF or card would show an empty box."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from assembler.fonts import SCRIPTS, unprintable
from assembler.problems import Problem
from assembler.profile.loader import Document, Path_


def strings(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every text in a profile's data with its path, depth first."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, (*path, index))


def _name(char: str) -> str:
    return f"'{char}' (U+{ord(char):04X})"


def _hint(chars: list[str]) -> str:
    hints = []
    if any(unicodedata.name(c, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")) for c in chars):
        hints.append(
            "Chinees, Japans en Koreaans schrift kan de toolkit niet drukken; schrijf die tekst in een ander schrift"
        )
    if any(ord(c) >= 0x1F000 for c in chars):
        hints.append(
            "deze emoji kan de toolkit niet drukken; laat ze weg of schrijf in woorden wat ze betekenen"
        )
    return "; ".join(hints) or "laat de tekens weg of vervang ze"


def printable(doc: Document, data: dict[str, Any]) -> list[Problem]:
    """One error per text that holds characters no shipped font has, naming them and what to do."""
    problems = []
    for path, text in strings(data):
        missing = unprintable(text)
        if missing:
            shown = ", ".join(_name(c) for c in missing[:5]) + (" en meer" if len(missing) > 5 else "")
            problems.append(
                doc.problem(
                    path,
                    f"bevat tekens die niet gedrukt kunnen worden: {shown}. De toolkit drukt {SCRIPTS}; "
                    f"{_hint(missing)}",
                )
            )
    return problems
