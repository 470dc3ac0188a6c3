"""The automated check of every page: links resolve inside the site, nothing comes from elsewhere,
and the basics a screen reader needs. Its results fill the accessibility statement."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from assembler.builders.site.pages import Check
from assembler.errors import BuildError

LANDMARKS = ("header", "main", "footer")
# Schemes that open an app on the reader's device rather than another site.
DEVICE_SCHEMES = ("mailto", "tel")
CHECKS = (
    'De taal van de pagina is Nederlands (lang="nl")',
    "Elke pagina heeft een titel en één hoofdkop",
    "Kop, hoofdinhoud en voettekst zijn als zodanig gemarkeerd",
    "Elke afbeelding heeft een tekstalternatief",
    "De eerste link springt direct naar de inhoud",
    "Elke link naar een pagina of bestand van de site werkt",
    "Niets wordt van een andere website geladen; de enige link naar een andere website is de knop "
    "'Deze site direct verlaten'",
    "De knop 'Deze site direct verlaten' staat op elke pagina",
)


@dataclass
class PageFacts:
    lang: str | None = None
    title: bool = False
    h1: int = 0
    ids: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (class, href)
    resources: list[str] = field(default_factory=list)
    images_without_alt: int = 0
    first_link: str | None = None


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        facts = self.facts
        values = {k: v or "" for k, v in attrs}
        facts.tags.add(tag)
        if "id" in values:
            facts.ids.add(values["id"])
        if tag == "html":
            facts.lang = values.get("lang")
        elif tag == "title":
            facts.title = True
        elif tag == "h1":
            facts.h1 += 1
        elif tag == "a" and "href" in values:
            facts.links.append((values.get("class", ""), values["href"]))
            if facts.first_link is None:
                facts.first_link = values["href"]
        elif tag in ("img", "script", "iframe", "source", "video", "audio") and values.get("src"):
            facts.resources.append(values["src"])
        elif tag == "link" and values.get("href") and values.get("rel") != "canonical":
            facts.resources.append(values["href"])
        if tag == "img" and "alt" not in values:
            facts.images_without_alt += 1


def read_page(html: str) -> PageFacts:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.facts


def _target(page: str, href: str) -> tuple[str, str]:
    """The site path a relative link points to, and its fragment."""
    parts = urlsplit(href)
    base = posixpath.dirname(page)
    path = posixpath.normpath(posixpath.join(base, unquote(parts.path))) if parts.path else page
    if parts.path.endswith("/"):
        path = posixpath.join(path, "index.html")
    return path, parts.fragment


def audit(files: dict[str, bytes], exit_url: str) -> None:
    """Check every HTML page in files (site path to bytes); BuildError lists every problem found."""
    pages = {name: read_page(data.decode("utf-8")) for name, data in files.items() if name.endswith(".html")}
    problems: list[str] = []
    for name, facts in sorted(pages.items()):
        if facts.lang != "nl":
            problems.append(f'{name}: mist lang="nl"')
        if not facts.title or facts.h1 != 1:
            problems.append(f"{name}: heeft geen titel of niet precies één hoofdkop")
        missing = [t for t in LANDMARKS if t not in facts.tags]
        if missing:
            problems.append(f"{name}: mist {', '.join(missing)}")
        if facts.images_without_alt:
            problems.append(f"{name}: {facts.images_without_alt} afbeelding(en) zonder alt-tekst")
        if facts.first_link != "#hoofdinhoud" or "hoofdinhoud" not in facts.ids:
            problems.append(f"{name}: de eerste link is niet 'Direct naar de inhoud'")
        for source in facts.resources:
            scheme = urlsplit(source).scheme
            if scheme or source.startswith("//"):
                problems.append(f"{name}: laadt {source} van buiten de site")
            elif _target(name, source)[0] not in files:
                problems.append(f"{name}: {source} bestaat niet op de site")
        exits = 0
        for cls, href in facts.links:
            parts = urlsplit(href)
            if parts.scheme in DEVICE_SCHEMES:
                continue
            if parts.scheme or href.startswith("//"):
                if href == exit_url and "verlaten" in cls.split():
                    exits += 1
                else:
                    problems.append(f"{name}: link naar een andere site: {href}")
                continue
            path, fragment = _target(name, href)
            if path not in files:
                problems.append(f"{name}: link naar {href} gaat naar een bestand dat niet op de site staat")
            elif fragment and path in pages and fragment not in pages[path].ids:
                problems.append(f"{name}: link naar {href} wijst naar een plek die niet bestaat")
        if exits != 1:
            problems.append(f"{name}: heeft {exits} knoppen 'Deze site direct verlaten' in plaats van één")
    if problems:
        raise BuildError("de site is niet in orde:\n  - " + "\n  - ".join(problems))


def checks(count: int) -> list[Check]:
    """What audit() makes sure of, as the statement lists it; a site that fails one is never written."""
    ok = f"in orde op alle {count} pagina's"
    return [Check(text, ok) for text in CHECKS]
