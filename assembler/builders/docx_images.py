"""Route diagrams as PNG for the Word document, kept in a disk cache keyed by their content.

Drawing one diagram takes a few tenths of a second (WeasyPrint plus PNG compression), far
more than rendering the whole document; a rebuild with unchanged routes reuses the
pictures. The key covers everything the picture shows (the route with its partner
names and phone numbers, the colour, the title) and the drawing code itself, so a
changed number or a changed layout can never bring back an old picture.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

from assembler.model import Route
from assembler.output import atomic_write
from assembler.resources import fonts_dir

CACHE_ENV = "ROUTEKAART_CACHE"  # a folder, or "uit" to switch the cache off
_DRAWING_MODULES = ("diagram.py", "colours.py", "fontmetrics.py", "weasy.py")
_PNG_START = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"IEND\xaeB`\x82"


def cache_dir() -> Path | None:
    """Where diagrams are kept; None when the cache is switched off."""
    setting = os.environ.get(CACHE_ENV, "").strip()
    if setting.lower() in ("uit", "off", "0", "nee"):
        return None
    if setting:
        return Path(setting).expanduser() / "routeschema"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "routekaart-assembler" / "routeschema"


@cache
def _drawing_digest() -> str:
    """A hash of the code and fonts that draw the diagram."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _DRAWING_MODULES:
        path = here / name
        digest.update(name.encode())
        if path.is_file():
            digest.update(path.read_bytes())
    for font in sorted(fonts_dir().glob("*.ttf")):
        digest.update(f"{font.name}:{font.stat().st_size}".encode())
    return digest.hexdigest()


def diagram_key(route: Route, kleur: str, titel: str) -> str:
    text = repr((route, kleur.upper(), titel))
    return hashlib.sha256(f"{_drawing_digest()}\n{text}".encode()).hexdigest()


def _complete_png(data: bytes) -> bool:
    return data.startswith(_PNG_START) and data.endswith(_PNG_END)


def cached_png(route: Route, kleur: str, titel: str, draw: Callable[[Route, str, str], bytes]) -> bytes:
    """The diagram from the cache when present and whole; else drawn now and stored."""
    folder = cache_dir()
    if folder is None:
        return draw(route, kleur, titel)
    path = folder / f"{diagram_key(route, kleur, titel)}.png"
    with contextlib.suppress(OSError):
        data = path.read_bytes()
        if _complete_png(data):
            return data
    data = draw(route, kleur, titel)
    # A cache that cannot be written (read-only home, full disk) must never fail a build.
    with contextlib.suppress(OSError):
        atomic_write(path, data)
    return data
