"""Safe names for output folders and files."""

from __future__ import annotations

import re
import unicodedata

from slugify import slugify as _slugify


def slug(name: str) -> str:
    """Lowercase ASCII, diacritics and apostrophes dropped, spaces as hyphens; never a path.

    "'s-Heerenveld" gives "s-heerenveld", "Súdermar" gives "sudermar", "../../etc" gives "etc".
    """
    result = _slugify(name, replacements=[("'", ""), ("’", "")], max_length=60, word_boundary=True)
    return result or "gemeente"


def sort_key(name: str) -> str:
    """How a Dutch list files a place name: "'s-Heerenveld" under H, "Súdermar" under S, case ignored."""
    bare = re.sub(r"^['’](s|t)[- ]", "", name.strip(), flags=re.IGNORECASE)
    folded = unicodedata.normalize("NFKD", bare.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))
