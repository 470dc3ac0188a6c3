"""Deterministic zip files: fixed timestamps, order and permissions, so equal content gives equal bytes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

# The earliest time a zip can hold; any fixed value would do, this one says "no real date".
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def write_zip(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of (name, data) in the given order, every entry with the same timestamp and mode."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the mode below means the same everywhere
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()
