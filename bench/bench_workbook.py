"""Times the spreadsheet route on a region: export the workbook, import it unedited, import one edit.

    python -m bench.bench_workbook                                # the example region
    python -m bench.bench_workbook ../shared/contract/regio-middenland

The region is copied to a temporary folder first, so the originals are never written.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from openpyxl import load_workbook

from assembler.pipeline.workbook_import import import_workbook
from assembler.profile.workbook import export_workbook

ROOT = Path(__file__).resolve().parents[1]
T = TypeVar("T")


def _timed(label: str, action: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = action()
    print(f"{label}: {time.perf_counter() - start:.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("region", nargs="?", type=Path, default=ROOT / "profiles" / "regio-voorbeeld")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / args.region.name
        shutil.copytree(args.region, folder)
        target = folder / "regio.yaml"
        workbook = folder / "regio.xlsx"
        data = _timed("export", lambda: export_workbook(target))
        workbook.write_bytes(data)
        print(f"workbook: {len(data) // 1024} kB, {len(load_workbook(workbook).sheetnames)} sheets")
        result = _timed("import, unedited", lambda: import_workbook(workbook, target))
        assert not result.changes
        book = load_workbook(workbook)
        book["Partners"]["B2"] = "Nieuwe naam voor de bench"
        book.save(workbook)
        result = _timed("import, one edit", lambda: import_workbook(workbook, target))
        print(f"changed: {len(result.changes)} cell(s) in {len(result.written)} file(s)")


if __name__ == "__main__":
    main()
