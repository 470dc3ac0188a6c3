"""What a workbook was exported from: each YAML file's name, its content hash and its text at the export.

Import compares them with the files as they are now. A file that changed since the export is
merged field by field (profile/workbook/threeway.py) instead of being overwritten with the
workbook's older values. The record lives on the last sheet, 'Over deze werkmap': visible (import
refuses hidden sheets), protected against typing, with a sentence on what it is for. The text is
kept compressed (zlib, base64) in cells of at most 30,000 characters.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import zlib
from dataclasses import dataclass
from typing import Any

from assembler.profile.loader import MAX_BYTES

ORIGIN_SHEET = "Over deze werkmap"
HEADER = ("Bestand", "Controlegetal (SHA-256)", "Inhoud bij de export (ingepakt)")
ABOUT = (
    "Dit blad onthoudt van welk profiel deze werkmap is gemaakt en wat er toen in stond. Zo ziet "
    "'assembler importeer' wat er sinds de export in het YAML-bestand is veranderd, en gaat er bij het "
    "inlezen niets verloren. Verander dit blad niet; het is beveiligd en wordt niet ingelezen als profiel."
)
FIRST_ROW = 4  # title, explanation, header, then one row per file
CHUNK = 30_000  # a cell holds at most 32,767 characters
MAX_FILES = 200
_HASH = re.compile(r"^[0-9a-f]{64}$")
_BASE64 = re.compile(r"^[A-Za-z0-9+/=]*$")


class OriginError(ValueError):
    """The record on the sheet cannot be read; the message is Dutch."""


@dataclass(frozen=True)
class Origin:
    """One YAML file as it was when the workbook was exported."""

    name: str  # as seen from the main file's folder: 'regio.yaml', 'gemeenten/brugstad.yaml'
    sha256: str
    text: str  # the file's bytes as UTF-8 text, byte for byte: its digest is sha256


def origin_of(name: str, data: bytes) -> Origin:
    return Origin(name, digest(data), data.decode("utf-8"))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def rows(origins: list[Origin]) -> list[list[str]]:
    """The sheet's rows: title, explanation, header, then per file its name, hash and packed text."""
    table: list[list[str]] = [[ORIGIN_SHEET], ["Waarvoor", ABOUT], list(HEADER)]
    for origin in origins:
        packed = base64.b64encode(zlib.compress(origin.text.encode("utf-8"), 9)).decode("ascii")
        chunks = [packed[i : i + CHUNK] for i in range(0, len(packed), CHUNK)] or [""]
        table.append([origin.name, origin.sha256, *chunks])
    return table


def read_rows(values: list[list[Any]]) -> list[Origin]:
    """The files the sheet records; OriginError when anything on it is not as export wrote it."""
    if len(values) < FIRST_ROW - 1 or [_text(v) for v in values[FIRST_ROW - 2][:3]] != list(HEADER):
        raise OriginError("de kop van het blad ontbreekt")
    found: list[Origin] = []
    for row in values[FIRST_ROW - 1 :]:
        cells = [_text(v) for v in row]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        if len(found) >= MAX_FILES:
            raise OriginError("te veel bestanden")
        if len(cells) < 3 or not cells[0] or not _HASH.match(cells[1]):
            raise OriginError(f"rij {FIRST_ROW + len(found)} is onvolledig")
        packed = "".join(cells[2:])
        if not _BASE64.match(packed) or len(packed) > 2 * MAX_BYTES:
            raise OriginError(f"de inhoud van {cells[0]} is beschadigd")
        text = _unpack(packed, cells[0])
        if digest(text.encode("utf-8")) != cells[1]:
            raise OriginError(f"de inhoud van {cells[0]} past niet bij zijn controlegetal")
        found.append(Origin(cells[0], cells[1], text))
    if not found:
        raise OriginError("er staat geen bestand op")
    return found


def _unpack(packed: str, name: str) -> str:
    try:
        inflate = zlib.decompressobj()
        raw = inflate.decompress(base64.b64decode(packed, validate=True), MAX_BYTES + 1)
        if len(raw) > MAX_BYTES or inflate.unconsumed_tail:
            raise OriginError(f"de inhoud van {name} is te groot")
        return raw.decode("utf-8")
    except (binascii.Error, zlib.error, UnicodeDecodeError):
        raise OriginError(f"de inhoud van {name} is beschadigd") from None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
