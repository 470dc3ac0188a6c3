"""WeasyPrint under control: local files only, shipped fonts, and its log turned into our errors and warnings."""

from __future__ import annotations

import contextlib
import logging
import mimetypes
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from assembler.errors import BuildError
from assembler.fonts import FACES, FALLBACKS, FAMILY
from assembler.resources import templates_dir

# Messages that mean something is missing from the output, not just styled differently.
_MISSING = ("failed to load", "unsupported", "no required alt", "not found", "error fetching")


def font_face_css() -> str:
    """@font-face rules for the shipped Noto Sans and its fallbacks, so a PDF never depends on the machine's fonts."""
    # url() paths are relative to templates/.
    rules = [
        f'@font-face {{ font-family: "{FAMILY}"; src: url("fonts/{face.file}"); '
        f"font-weight: {face.weight}; font-style: {face.slant}; }}"
        for face in FACES
    ]
    rules += [
        f'@font-face {{ font-family: "{family}"; src: url("fonts/{name}"); font-weight: {weight}; }}'
        for family, files in FALLBACKS
        for weight, name in files.items()
    ]
    return "\n".join(rules)


class LocalFetcher(URLFetcher):
    """Serves data: URIs and files under the given folders; refuses the network and everything else.

    A profile is written by a municipality and may name any path; keeping WeasyPrint
    inside the package templates and the profile's own folder means a document can
    never pull in a file from elsewhere on the machine or from the internet.
    """

    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.roots = tuple(dict.fromkeys(root.resolve() for root in roots))

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise ValueError(f"alleen lokale bestanden zijn toegestaan, niet {url}")
        path = Path(unquote(urlsplit(url).path)).resolve()
        if not any(path == root or root in path.parents for root in self.roots):
            raise ValueError(f"{path} ligt buiten de toegestane mappen")
        if not path.is_file():
            raise ValueError(f"{path} bestaat niet")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def captured_log() -> Iterator[list[logging.LogRecord]]:
    """Collect what WeasyPrint logs at WARNING and above while the block runs, and keep it off stderr."""
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    old_propagate, old_level = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    if logger.level == logging.NOTSET or logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.propagate = old_propagate
        logger.setLevel(old_level)


def sort_log(records: Iterable[logging.LogRecord], what: str) -> tuple[list[str], list[str]]:
    """Split WeasyPrint's log into errors (something is missing) and warnings (styling), in Dutch."""
    errors, warnings = [], []
    for record in records:
        message = record.getMessage().strip()
        if record.levelno >= logging.ERROR or any(m in message.lower() for m in _MISSING):
            errors.append(f"{what}: onderdeel ontbreekt of is onjuist ({message})")
        else:
            warnings.append(f"{what}: opmaakregel genegeerd ({message})")
    return errors, warnings


@dataclass(frozen=True)
class SharedStyle:
    """A stylesheet parsed once for many documents, after the shipped fonts' @font-face rules,
    with the one font configuration every document of the process uses."""

    sheets: tuple[CSS, ...]
    fonts: FontConfiguration
    records: tuple[logging.LogRecord, ...]  # what WeasyPrint said while parsing


@cache
def shared_fonts() -> tuple[FontConfiguration, CSS]:
    """The @font-face rules of the shipped fonts, parsed once per process into one font
    configuration. Every stylesheet parsed into a configuration of its own loads every font
    again, about 2 MB a time: the cards had one per house colour, which a batch run of a
    whole country would keep growing."""
    fonts = FontConfiguration()
    css, _ = _parse(font_face_css(), fonts, "lettertypen")
    return fonts, css


@lru_cache(maxsize=8)
def shared_style(text: str) -> SharedStyle:
    """Parse the stylesheet once per process; keyed by the text itself, so an edited stylesheet
    is parsed afresh. A batch worker pays this once instead of per municipality."""
    fonts, faces = shared_fonts()
    css, records = _parse(text, fonts, "stijlblad")
    return SharedStyle((faces, css), fonts, records)


def _parse(text: str, fonts: FontConfiguration, what: str) -> tuple[CSS, tuple[logging.LogRecord, ...]]:
    """A stylesheet of the templates, parsed into `fonts`; what WeasyPrint calls an error stops the build."""
    base = templates_dir()
    with captured_log() as records:
        css = CSS(string=text, base_url=str(base) + "/", url_fetcher=LocalFetcher((base,)), font_config=fonts)
    errors, _ = sort_log(records, what)
    if errors:
        raise BuildError("\n".join(dict.fromkeys(errors)))
    return css, tuple(records)


def render_pdf(
    html: str,
    what: str,
    roots: Iterable[Path] = (),
    warnings: list[str] | None = None,
    check: Callable[[list[Any]], None] | None = None,
    style: SharedStyle | None = None,
    **options: Any,
) -> bytes:
    """HTML to PDF bytes with the shipped templates as base; raises BuildError when WeasyPrint reports a fault.

    `what` names the document in messages ("PDF-routekaart", "routeschema"); styling
    warnings go to `warnings` when given, else they count as errors too. `check` sees the
    laid-out pages before anything is drawn, and raises BuildError to stop the build.
    `style` is a stylesheet shared between documents; WeasyPrint applies it as the user's, so the
    document's own rules (colours, running header and footer) win over it.
    """
    base = templates_dir()
    fetcher = LocalFetcher((base, *roots))
    with captured_log() as records:
        try:
            shared: dict[str, Any] = {"font_config": style.fonts, "stylesheets": list(style.sheets)} if style else {}
            document = HTML(string=html, base_url=str(base) + "/", url_fetcher=fetcher).render(
                pdf_variant=options.get("pdf_variant"), **shared
            )
            if check is not None:
                check(document.pages)
            data = document.write_pdf(**options)
        except BuildError:
            raise
        except Exception as exc:  # WeasyPrint raises many kinds; the user needs one clear message
            raise BuildError(f"{what} kon niet worden gemaakt: {type(exc).__name__}: {exc}") from exc
    errors, soft = sort_log(records, what)
    if warnings is None:
        errors += soft
    else:
        warnings.extend(w for w in soft if w not in warnings)
    if errors:
        raise BuildError("\n".join(dict.fromkeys(errors)))
    if not isinstance(data, bytes):
        raise BuildError(f"{what} kon niet worden gemaakt: WeasyPrint gaf geen PDF terug")
    return data
