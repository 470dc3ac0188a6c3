"""Refuses a hostile or unusable workbook file before openpyxl or odfdo reads a byte of its XML.

An .xlsx and an .ods are both zips of XML parts: we check the zip's declared sizes and
compression ratios (zip bombs), refuse macro parts and DTDs, and only then let openpyxl (or
odfdo, for an .ods) unpack it.
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
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# A sheet of a profile has one row per field or partner; openpyxl (and read_ods) hold every cell.
MAX_ROWS = 2000
MAX_COLUMNS = 60


def refuse(display: str, message: str) -> ProfileError:
    return ProfileError([Problem(display, 1, 1, "", message)])


def check_file(path: Path, display: str) -> None:
    """Raise ProfileError in Dutch unless path is a plain, reasonably sized .xlsx or .ods workbook."""
    if not path.exists():
        raise refuse(display, "bestand niet gevonden; controleer het pad")
    if path.is_dir():
        raise refuse(display, "dit is een map, geen werkmap; geef het pad van een .xlsx- of .ods-bestand")
    suffix = path.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise refuse(
            display,
            f"een {suffix}-bestand wordt niet gelezen (mogelijk met macro's of een oud formaat); "
            "sla de werkmap op als Excel-werkmap (.xlsx) of als ODF-rekenblad (.ods)",
        )
    if suffix not in (".xlsx", ".ods"):
        raise refuse(
            display,
            "dit is geen werkmap die de toolkit leest; sla het bestand op als Excel-werkmap (.xlsx) "
            "of als ODF-rekenblad (.ods)",
        )
    kind = suffix.lstrip(".")
    size = path.stat().st_size
    if size > MAX_FILE:
        raise refuse(
            display,
            f"werkmap is te groot ({size // 1024} kB); een profiel is hooguit {MAX_FILE // 1024 // 1024} MB",
        )
    if not zipfile.is_zipfile(path):
        raise refuse(display, f"dit is geen geldige .{kind}-werkmap (het bestand is beschadigd of iets anders)")
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            mimetype = archive.read("mimetype") if kind == "ods" and "mimetype" in archive.namelist() else b""
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        raise refuse(display, f"dit is geen geldige .{kind}-werkmap (het bestand is beschadigd)") from None
    if kind == "ods" and mimetype.strip() != ODS_MIMETYPE:
        raise refuse(
            display, "dit is geen ODF-rekenblad (een ander soort bestand met de naam .ods); geef de .ods-werkmap"
        )
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
        if kind == "ods" and name.startswith(("basic/", "scripts/")):
            raise refuse(display, "werkmap bevat macro's; sla hem op als ODF-rekenblad (.ods) zonder macro's")
        if name.startswith("xl/externallinks/") or name.startswith("xl/activex/"):
            raise refuse(display, "werkmap bevat koppelingen naar andere bestanden of ActiveX; verwijder die")
    _refuse_doctypes(path, display, parts)
    if kind == "ods":
        _refuse_ods_scripts(path, display)


# An event that runs a script, an embedded macro library or a link to another file's data: an
# .ods the toolkit wrote has none of them, and Calc might run or fetch them when the file is opened.
_ODS_MARKS = (
    (b"<script:event-listener", "werkmap start macro's bij gebeurtenissen; verwijder die macro's"),
    (b"<office:script ", "werkmap bevat macro's; sla hem op als ODF-rekenblad (.ods) zonder macro's"),
    (b"<table:table-source", "werkmap haalt gegevens uit een ander bestand; verwijder die koppeling"),
    (b"<table:dde-source", "werkmap haalt gegevens uit een ander programma (DDE); verwijder die koppeling"),
    (b"<table:cell-range-source", "werkmap haalt gegevens uit een ander bestand; verwijder die koppeling"),
)


def _refuse_ods_scripts(path: Path, display: str) -> None:
    with zipfile.ZipFile(path) as archive:
        for name in ("content.xml", "styles.xml", "settings.xml"):
            if name not in archive.namelist():
                continue
            data = archive.read(name)
            for mark, message in _ODS_MARKS:
                if mark in data:
                    raise refuse(display, message)


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
                                f"onderdeel {part.filename} bevat een DTD; dat doet Excel noch Calc, "
                                "de werkmap wordt niet gelezen",
                            )
                        tail = window[-32:]
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, NotImplementedError, ValueError):
                raise refuse(
                    display, "dit is geen geldige werkmap (een onderdeel is beschadigd of versleuteld)"
                ) from None
