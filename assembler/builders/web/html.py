"""The routekaart as one self-contained web page: CSS, fonts, logo and diagrams inline, no scripts."""

from __future__ import annotations

from html.parser import HTMLParser

from assembler.builders.base import Builder
from assembler.builders.web.render import read_logo, render_html
from assembler.builders.web.webfonts import web_font_css
from assembler.errors import BuildError
from assembler.model.routekaart import Routekaart

MAX_BYTES = 2 * 1024 * 1024
LANDMARKS = ("header", "nav", "main", "footer")


class _Inspector(HTMLParser):
    """Collects what the check needs: tags seen, the lang, and any resource outside the file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.lang: str | None = None
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        source = values.get("src") if tag in ("img", "script", "iframe", "source") else None
        if tag == "link":
            source = values.get("href")
        if source and not source.startswith("data:"):
            self.external.append(source)


class HtmlBuilder(Builder[Routekaart]):
    def render(self, model: Routekaart) -> dict[str, bytes]:
        return {self.filenames(model)[0]: self.preview(model).encode("utf-8")}

    def preview(self, model: Routekaart) -> str:
        return render_html(model, "html", web_font_css(), read_logo(model.logo))

    def check(self, model: Routekaart, name: str, data: bytes) -> None:
        check_page(name, data)


def check_page(name: str, data: bytes) -> None:
    """A page that works on its own: Dutch, with its landmarks, no script and nothing from outside."""
    if len(data) > MAX_BYTES:
        raise BuildError(
            f"{name} is {len(data) // 1024} kB; hooguit {MAX_BYTES // 1024} kB (is het logo te groot?)"
        )
    inspector = _Inspector()
    try:
        inspector.feed(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise BuildError(f"{name} is geen geldige UTF-8-tekst: {exc}") from exc
    if inspector.lang != "nl":
        raise BuildError(f'{name} mist lang="nl"')
    missing = [t for t in LANDMARKS if t not in inspector.tags]
    if missing:
        raise BuildError(f"{name} mist de onderdelen {', '.join(missing)}")
    if "script" in inspector.tags:
        raise BuildError(f"{name} bevat een script; de pagina moet zonder werken")
    if inspector.external:
        raise BuildError(
            f"{name} verwijst naar bestanden buiten de pagina: {', '.join(inspector.external[:3])}"
        )
