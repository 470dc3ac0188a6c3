"""sitemap.xml: every page's address online and the date it last changed."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape


def absolute(base: str, path: str) -> str:
    """The online address of a page folder such as 'kreekmonde/' under the site's base URL."""
    return base.rstrip("/") + "/" + path


def sitemap(base: str, pages: list[tuple[str, dt.date]]) -> bytes:
    """pages: (folder path relative to the site, e.g. '' or 'kreekmonde/', date modified)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for path, date in pages:
        lines.append(
            f"  <url><loc>{escape(absolute(base, path))}</loc><lastmod>{date.isoformat()}</lastmod></url>"
        )
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")
