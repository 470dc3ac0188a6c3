"""Card faces known to fit: a face laid out once is not laid out again to check it, in this process or the next.

Each face is a page of its own, so whether it fits depends on nothing but its own HTML, its
format, the card stylesheet and templates, the shipped fonts and the layout engine (WeasyPrint
and the Pango, HarfBuzz and fontconfig it draws with). A face that fitted is remembered by a
hash of all of that: one line in a file under $XDG_CACHE_HOME/assembler (else
~/.cache/assembler), named after the hash of everything but the face. Another toolkit,
template, font or engine version reads another file, so it never trusts this one; when a
version cannot be told, nothing is remembered at all.

Only "fits" is remembered, never "does not fit": a face that does not fit is always laid out,
so the error can name the field. Writers append whole lines in one write (atomic on a local
file system), so batch workers and a `validate` beside them can share the file; a reader skips
any line that is not a whole key. ASSEMBLER_CACHE=uit turns it off.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import re
import time
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

from assembler import __version__
from assembler.cardformats import CardFormat
from assembler.fonts import FACES, fallback_files
from assembler.resources import fonts_dir, templates_dir

CACHE_ENV = "ASSEMBLER_CACHE"
_OFF = {"0", "uit", "nee", "off", "no", "false"}
MAX_BYTES = 8 * 1024 * 1024  # some 120 000 faces; then the file starts afresh
STALE_DAYS = 30  # a file of an older version unused this long is removed
_KEY = re.compile(rb"[0-9a-f]{64}")
# What numbers a face's texts for messages and retries (faces.Fields, faces.numbered): no part of its layout.
_NUMBERS = re.compile(r' data-(?:face|f|v)="\d+"')
# The code that lays a face out and judges it, beside the templates and fonts.
_SOURCES = ("faces.py", "fit.py", "pages.py")
_PACKAGES = ("weasyprint", "pydyf", "tinycss2", "cssselect2", "tinyhtml5", "fonttools", "pillow")
# Libraries WeasyPrint draws with, by the names it loads them under, and how each tells its version.
_LIBRARIES = (
    ("libpango-1.0.so.0", "pango_version_string"),
    ("libharfbuzz.so.0", "hb_version_string"),
    ("libfontconfig.so.1", "FcGetVersion"),
)


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "assembler"


def _library_version(name: str, function: str) -> str:
    library = ctypes.CDLL(name)
    call = getattr(library, function)
    if function.endswith("_string"):
        call.restype = ctypes.c_char_p
        return str(call().decode("ascii"))
    call.restype = ctypes.c_int
    return str(call())


@cache
def environment_digest() -> str | None:
    """A hash of everything but the face that decides its layout; None when a part cannot be told."""
    h = hashlib.sha256(f"assembler {__version__}\n".encode())
    try:
        for name in _PACKAGES:
            h.update(f"{name} {metadata.version(name)}\n".encode())
        for library, function in _LIBRARIES:
            h.update(f"{library} {_library_version(library, function)}\n".encode())
        here = Path(__file__).resolve().parent
        files = [here / name for name in _SOURCES]
        files += [here.parents[1] / "cardformats.py", here.parents[1] / "fonts.py"]
        files += sorted((templates_dir() / "cards").glob("*"))
        fonts = {*(f.file for f in FACES), *fallback_files(), *fallback_files("bold")}
        files += [fonts_dir() / name for name in sorted(fonts)]
        for path in files:
            h.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    except (OSError, AttributeError, UnicodeDecodeError, metadata.PackageNotFoundError):
        return None
    return h.hexdigest()


def face_key(fragment: str, spec: CardFormat, environment: str) -> str:
    """The key of one face: its HTML (without the numbers that only name its texts) in its format."""
    text = f"{environment}\n{spec!r}\n{_NUMBERS.sub('', fragment)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class KnownFits:
    """The keys of faces that fitted, as read from (and added to) one cache file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.keys: set[str] = set()
        self._read = 0  # how far the file has been read: whole lines only

    def __contains__(self, key: str) -> bool:
        if key not in self.keys:
            self._catch_up()
        return key in self.keys

    def _catch_up(self) -> None:
        """Read what other processes appended since the last look."""
        if self.path is None:
            return
        try:
            with self.path.open("rb") as stream:
                size = os.fstat(stream.fileno()).st_size
                if size < self._read:  # the file started afresh
                    self._read = 0
                stream.seek(self._read)
                data = stream.read(size - self._read)
        except OSError:
            return
        end = data.rfind(b"\n") + 1  # a line still being written waits for the next look
        self.keys.update(line.decode("ascii") for line in data[:end].split(b"\n") if _KEY.fullmatch(line))
        self._read += end

    def add(self, keys: Iterable[str]) -> None:
        new = [k for k in keys if k not in self.keys]
        self.keys.update(new)
        if self.path is None or not new:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.path.exists() and self.path.stat().st_size > MAX_BYTES:
                self.path.write_bytes(b"")
            handle = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(handle, "".join(f"{k}\n" for k in new).encode("ascii"))
            finally:
                os.close(handle)
        except OSError:
            pass  # a cache that cannot be written only costs time


def _cache_file(environment: str) -> Path | None:
    if os.environ.get(CACHE_ENV, "").strip().lower() in _OFF:
        return None
    folder = cache_folder()
    _remove_stale(folder, f"kaarten-{environment[:24]}.txt")
    return folder / f"kaarten-{environment[:24]}.txt"


def _remove_stale(folder: Path, keep: str) -> None:
    """Files of other versions nobody used for a month."""
    limit = time.time() - STALE_DAYS * 86400
    try:
        for path in folder.glob("kaarten-*.txt"):
            if path.name != keep and path.stat().st_mtime < limit:
                path.unlink()
    except OSError:
        pass


def remember(fragments: Iterable[str], spec: CardFormat) -> None:
    """Faces laid out and found to fit."""
    environment = environment_digest()
    if environment:
        known_fits().add(face_key(f, spec, environment) for f in fragments)


def known(fragment: str, spec: CardFormat) -> bool:
    """Whether this face is known to fit."""
    environment = environment_digest()
    return environment is not None and face_key(fragment, spec, environment) in known_fits()


@cache
def known_fits() -> KnownFits:
    """The faces this machine knows to fit, for this process; empty and unwritten when the layout
    environment cannot be told or the cache is turned off."""
    environment = environment_digest()
    return KnownFits(_cache_file(environment) if environment else None)
