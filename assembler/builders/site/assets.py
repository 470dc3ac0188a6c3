"""The files every page of the site shares, written once: stylesheets, script and fonts."""

from __future__ import annotations

from assembler.builders.web.render import stylesheet
from assembler.builders.web.webfonts import WEB_FACES, web_font_rule, woff2_font
from assembler.resources import templates_dir


def font_file(style: str) -> str:
    return f"assets/fonts/noto-sans-{style}.woff2"


def _font_css() -> str:
    return "\n".join(web_font_rule(face, f"fonts/noto-sans-{face.style}.woff2") for face in WEB_FACES)


def site_assets() -> dict[str, bytes]:
    """Every shared file by its path inside the site folder."""
    folder = templates_dir() / "site"
    css = "\n".join((_font_css(), stylesheet("html"), (folder / "site.css").read_text(encoding="utf-8")))
    files = {
        "assets/site.css": css.encode("utf-8"),
        "assets/print.css": (folder / "print.css").read_bytes(),
        "assets/site.js": (folder / "site.js").read_bytes(),
    }
    for face in WEB_FACES:
        files[font_file(face.style)] = woff2_font(face.style)
    return files
