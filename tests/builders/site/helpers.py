"""A small test region with a website, and a reader that finds every link and resource of a page."""

from __future__ import annotations

import datetime as dt
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from assembler.batch.run import BatchResult, run_batch
from tests.conftest import BASE_PROFILE, BASE_REGION, edit

SITE_URL = "https://routekaart.testland.test/"
EXIT_URL = "https://www.google.nl/"
TODAY = dt.date(2026, 11, 29)
FORMATS = ("docx", "html", "kaarten")
SITE_SECTION = f"""\
site:
  url: {SITE_URL}
  verantwoordelijk: Team communicatie Veilig Thuis Testland
  email: web@veiligthuistestland.test
  gecontroleerd_op: 2026-11-20
"""


def make_region(folder: Path, site: bool = True, extra: tuple[str, ...] = ()) -> Path:
    """Testland with Testdam, Testveld and the `extra` names; with `site`, a site section that gives the base URL."""
    listed = "".join(f"  - gemeenten/{name.lower()}.yaml\n" for name in ("Testveld", *extra))
    region = edit(BASE_REGION, "  - gemeenten/testdam.yaml\n", "  - gemeenten/testdam.yaml\n" + listed)
    if site:
        region += SITE_SECTION
    (folder / "gemeenten").mkdir(parents=True, exist_ok=True)
    # Without an own QR address the cards point to the municipality's page on the site.
    base = edit(BASE_PROFILE, "  qr: https://www.testdam.test/qr\n", "")
    (folder / "gemeenten" / "testdam.yaml").write_text(base, encoding="utf-8")
    # Testveld has A6 cards: there the address stands printed beside the QR code.
    testveld = edit(
        edit(base, "naam: Testdam", "naam: Testveld"), "  formaat: creditcard\n", "  formaat: a6\n"
    )
    (folder / "gemeenten" / "testveld.yaml").write_text(testveld, encoding="utf-8")
    for name in extra:
        text = edit(base, "naam: Testdam", f"naam: {name}")
        (folder / "gemeenten" / f"{name.lower()}.yaml").write_text(text, encoding="utf-8")
    path = folder / "regio.yaml"
    path.write_text(region, encoding="utf-8")
    return path


def build(
    region: Path, out: Path, formats: tuple[str, ...] = FORMATS, site: bool = False, today: dt.date = TODAY
) -> BatchResult:
    return run_batch(region, out, jobs=1, today=today, formats=formats, echo=lambda line: None, site=site)


class PageReader(HTMLParser):
    """Links (a href), resources (src, link href) and ids of one page, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[dict[str, str], str]] = []
        self.resources: list[str] = []
        self.ids: set[str] = set()
        self.lang: str | None = None
        self.meta: dict[str, str] = {}
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "html":
            self.lang = values.get("lang")
        if tag == "a" and "href" in values:
            self.links.append((values, values["href"]))
        if values.get("src"):
            self.resources.append(values["src"])
        if tag == "link" and values.get("rel") != "canonical":
            self.resources.append(values["href"])
        if tag == "meta" and "name" in values:
            self.meta[values["name"]] = values.get("content", "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read(path: Path) -> PageReader:
    reader = PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def check_links(site: Path, exit_url: str) -> None:
    """Every link and resource of every page resolves to a file in site; the quick exit is the only way out."""
    pages = sorted(site.rglob("*.html"))
    assert pages
    readers = {p: read(p) for p in pages}
    for page, reader in readers.items():
        for resource in reader.resources:
            assert not urlsplit(resource).scheme and not resource.startswith("//"), f"{page}: {resource}"
            assert (page.parent / resource).resolve().is_file(), f"{page}: {resource}"
        outbound = []
        for attrs, href in reader.links:
            parts = urlsplit(href)
            if parts.scheme in ("tel", "mailto"):
                continue
            if parts.scheme:
                outbound.append((attrs.get("class"), href))
                continue
            target = Path(posixpath.normpath(page.parent / parts.path)) if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page}: {href}"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in readers[target].ids, f"{page}: {href}"
        assert outbound == [("verlaten", exit_url)], f"{page}: {outbound}"
