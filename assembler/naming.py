"""Safe names for output folders and files, and Dutch date wording."""

from __future__ import annotations

import datetime as dt

from slugify import slugify as _slugify

_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def slug(name: str) -> str:
    """Lowercase ASCII, diacritics and apostrophes dropped, spaces as hyphens; never a path.

    "'s-Heerenveld" gives "s-heerenveld", "Súdermar" gives "sudermar", "../../etc" gives "etc".
    """
    result = _slugify(name, replacements=[("'", ""), ("’", "")], max_length=60, word_boundary=True)
    return result or "gemeente"


def dutch_date(value: dt.date) -> str:
    """15 oktober 2026."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
