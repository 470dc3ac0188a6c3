"""Wording shared by every stage: national texts filled with a municipality's values, free text as paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping


class Fill(dict[str, str]):
    """Placeholders in national texts; an unknown one stays as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def paragraphs(text: str | None) -> tuple[str, ...]:
    """A profile's free text as paragraphs: blank lines split, single line breaks join."""
    if not text:
        return ()
    parts = re.split(r"\n\s*\n", text.strip())
    return tuple(
        " ".join(line.strip() for line in part.splitlines() if line.strip()) for part in parts if part.strip()
    )


def fill(texts: Iterable[str], values: Mapping[str, str]) -> tuple[str, ...]:
    fill_in = Fill(values)
    return tuple(t.format_map(fill_in) for t in texts)


def one(text: str, values: Mapping[str, str]) -> str:
    return text.format_map(Fill(values))
