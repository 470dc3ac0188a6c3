"""Safe names for output folders and files."""

from __future__ import annotations

from slugify import slugify as _slugify


def slug(name: str) -> str:
    """Lowercase ASCII, diacritics and apostrophes dropped, spaces as hyphens; never a path.

    "'s-Heerenveld" gives "s-heerenveld", "Súdermar" gives "sudermar", "../../etc" gives "etc".
    """
    result = _slugify(name, replacements=[("'", ""), ("’", "")], max_length=60, word_boundary=True)
    return result or "gemeente"
