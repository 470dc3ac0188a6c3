"""Refuses a hostile or unusable workbook file before openpyxl reads a byte of its XML.

An .xlsx is a zip of XML parts: we check the zip's declared sizes and compression ratios
(zip bombs), refuse macro parts, and only then let openpyxl unpack it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from assembler.errors import ProfileError
from assembler.problems import Problem

MAX_FILE = 5 * 1024 * 1024
# A region of four municipalities unpacks to about 0.6 MB, its largest sheet to 85 kB; openpyxl
# holds every cell in memory, so these bounds also bound its memory use.
MAX_UNPACKED = 30 * 1024 * 1024
MAX_PART = 4 * 1024 * 1024
MAX_PARTS = 500
MAX_RATIO = 200  # XML compresses well, but not a thousandfold unless someone built it to
MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlsb", ".xls", ".xla", ".xlam")


def refuse(display: str, message: str) -> ProfileError:
    return ProfileError([Problem(display, 1, 1, "", message)])


def check_file(path: Path, display: str) -> None:
    """Raise ProfileError in Dutch unless path is a plain, reasonably sized .xlsx workbook."""
    if not path.exists():
        raise refuse(display, "bestand niet gevonden; controleer het pad")
    if path.is_dir():
        raise refuse(display, "dit is een map, geen werkmap; geef het pad van een .xlsx-bestand")
    suffix = path.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise refuse(
            display,
            f"een {suffix}-bestand wordt niet gelezen (mogelijk met macro's of een oud formaat); "
            "sla de werkmap op als Excel-werkmap (.xlsx)",
        )
    if suffix != ".xlsx":
        raise refuse(display, "dit is geen .xlsx-werkmap; sla het bestand op als Excel-werkmap (.xlsx)")
    size = path.stat().st_size
    if size > MAX_FILE:
        raise refuse(
            display,
            f"werkmap is te groot ({size // 1024} kB); een profiel is hooguit {MAX_FILE // 1024 // 1024} MB",
        )
    if not zipfile.is_zipfile(path):
        raise refuse(display, "dit is geen geldige .xlsx-werkmap (het bestand is beschadigd of iets anders)")
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise refuse(display, "dit is geen geldige .xlsx-werkmap (het bestand is beschadigd)") from None
    if len(parts) > MAX_PARTS:
        raise refuse(display, f"werkmap bevat te veel onderdelen ({len(parts)}); is dit wel een profiel?")
    unpacked = sum(p.file_size for p in parts)
    if unpacked > MAX_UNPACKED:
        raise refuse(
            display,
            f"werkmap zou uitgepakt {unpacked // 1024 // 1024} MB zijn; een profiel is veel kleiner "
            "(mogelijk een zip-bom)",
        )
    for part in parts:
        if part.file_size > MAX_PART:
            raise refuse(
                display,
                f"onderdeel {part.filename} is te groot ({part.file_size // 1024} kB); is dit wel een profiel?",
            )
        if part.file_size > 1024 * 1024 and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise refuse(
                display, f"onderdeel {part.filename} is verdacht sterk ingepakt (mogelijk een zip-bom)"
            )
        name = part.filename.lower()
        if "vbaproject" in name or (name.endswith(".bin") and "vba" in name):
            raise refuse(
                display, "werkmap bevat macro's; sla hem op als Excel-werkmap (.xlsx) zonder macro's"
            )
        if name.startswith("xl/externallinks/") or name.startswith("xl/activex/"):
            raise refuse(display, "werkmap bevat koppelingen naar andere bestanden of ActiveX; verwijder die")
    _refuse_doctypes(path, display, parts)


# Office never writes a DTD; one in a part can only be there to expand entities (billion laughs)
# or fetch files, so it is refused before any XML parser sees it. UTF-16 spellings count too.
_DTD_MARKS = tuple(
    mark.encode(codec) for mark in ("<!DOCTYPE", "<!ENTITY") for codec in ("ascii", "utf-16-le", "utf-16-be")
)


def _refuse_doctypes(path: Path, display: str, parts: list[zipfile.ZipInfo]) -> None:
    with zipfile.ZipFile(path) as archive:
        for part in parts:
            if part.is_dir():
                continue
            try:
                with archive.open(part) as stream:
                    tail = b""
                    while chunk := stream.read(1 << 16):
                        window = tail + chunk
                        if any(mark in window for mark in _DTD_MARKS):
                            raise refuse(
                                display,
                                f"onderdeel {part.filename} bevat een DTD; dat doet Excel nooit, de werkmap wordt niet gelezen",
                            )
                        tail = window[-32:]
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, NotImplementedError, ValueError):
                raise refuse(
                    display, "dit is geen geldige .xlsx-werkmap (een onderdeel is beschadigd of versleuteld)"
                ) from None
