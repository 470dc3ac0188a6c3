"""The files every page of the site shares, written once: stylesheets, script and fonts."""

from __future__ import annotations

from assembler.builders.art.fontmetrics import FONT_FAMILY
from assembler.builders.web.render import stylesheet
from assembler.builders.web.webfonts import FACES, woff2_font
from assembler.resources import templates_dir


def font_file(style: str) -> str:
    return f"assets/fonts/noto-sans-{style}.woff2"


def _font_css() -> str:
    rules = []
    for style, weight, slant in FACES:
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; font-style: {slant}; '
            f'font-display: swap; src: url("fonts/noto-sans-{style}.woff2") format("woff2"); }}'
        )
    return "\n".join(rules)


def site_assets() -> dict[str, bytes]:
    """Every shared file by its path inside the site folder."""
    folder = templates_dir() / "site"
    css = "\n".join((_font_css(), stylesheet("html"), (folder / "site.css").read_text(encoding="utf-8")))
    files = {
        "assets/site.css": css.encode("utf-8"),
        "assets/print.css": (folder / "print.css").read_bytes(),
        "assets/site.js": (folder / "site.js").read_bytes(),
    }
    for style, _weight, _slant in FACES:
        files[font_file(style)] = woff2_font(style)
    return files
