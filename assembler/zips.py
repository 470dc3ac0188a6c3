"""Deterministic zip files: fixed timestamps, order and permissions, so equal content gives equal bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterable

# The earliest time a zip can hold; any fixed value would do, this one says "no real date".
ZIP_EPOCH = dt.datetime(1980, 1, 1)
UNIX = 3  # the permission bits below mean the same on every system
MSDOS = 0  # how Word and Excel mark their own packages
# Already compressed; deflating them again only costs time.
STORED_SUFFIXES = (".png", ".jpeg", ".jpg", ".gif")
OFFICE_FIRST = ("[Content_Types].xml", "_rels/.rels")


class ZipWriter:
    """Writes members one by one, each with the same date (the day of `when`) and mode."""

    def __init__(self, when: dt.datetime = ZIP_EPOCH, system: int = UNIX, stored: tuple[str, ...] = ()) -> None:
        self.stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
        self.system = system
        self.stored = stored
        self.buffer = io.BytesIO()
        self.zip = zipfile.ZipFile(self.buffer, "w", zipfile.ZIP_DEFLATED)

    def add(self, name: str, data: bytes) -> None:
        info = zipfile.ZipInfo(name, date_time=self.stamp)
        info.compress_type = zipfile.ZIP_STORED if name.lower().endswith(self.stored) else zipfile.ZIP_DEFLATED
        info.create_system = self.system
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, data, compresslevel=6)

    def close(self) -> bytes:
        self.zip.close()
        return self.buffer.getvalue()


def write_zip(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of (name, data) in the given order, every entry with the same timestamp and mode."""
    writer = ZipWriter()
    for name, data in entries:
        writer.add(name, data)
    return writer.close()


def rezip_office(data: bytes, when: dt.datetime) -> bytes:
    """An Office package again, every member dated `when`, in a fixed order: equal input, equal bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = source.namelist()
        first = [n for n in OFFICE_FIRST if n in names]
        writer = ZipWriter(when, system=MSDOS)
        for name in first + sorted(n for n in names if n not in first):
            writer.add(name, source.read(name))
    return writer.close()


def office_package(write: Callable[[zipfile.ZipFile], None], when: dt.datetime) -> bytes:
    """An Office package from a writer that fills a zip archive itself (openpyxl's ExcelWriter),
    made deterministic as rezip_office makes it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        write(archive)
    return rezip_office(buffer.getvalue(), when)
