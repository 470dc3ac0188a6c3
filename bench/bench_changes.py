"""Times `assembler wijzigingen OUD NIEUW -o BESTAND`: the change report with the new routekaart
marked up, as a Word document and as a web page, for one profile where one number changed.

Each run is the whole command in-process (reading both editions, comparing, rendering both
routekaarten, marking up, writing). Target: below 10 s for either format; the web page's redline
took minutes before long blocks were paired word by word.

    python -m bench.bench_changes [--runs 3] [--profiel PAD]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from assembler.cli import main as cli

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "profiles" / "regio-voorbeeld" / "gemeenten" / "kreekmonde.yaml"
TARGET_SECONDS = 10.0


def _editions(profile: Path, work: Path) -> tuple[Path, Path]:
    """The profile's folder twice (its region beside it), the new one with one number changed."""
    source = profile.parent.parent if (profile.parent.parent / "regio.yaml").is_file() else profile.parent
    old, new = work / "oud", work / "nieuw"
    shutil.copytree(source, old)
    shutil.copytree(source, new)
    where = new / profile.relative_to(source)
    text = where.read_text(encoding="utf-8")
    # The first phone number's last digit, one up: still a valid number, now a changed one.
    found = re.search(r'telefoon: "[^"]*(\d)"', text)
    if found is None:
        sys.exit(f"{profile}: geen telefoonnummer om te wijzigen")
    digit = str((int(found.group(1)) + 1) % 10)
    where.write_text(text[: found.start(1)] + digit + text[found.end(1) :], encoding="utf-8")
    return old / profile.relative_to(source), where


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profiel", type=Path, default=DEFAULT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        old, new = _editions(args.profiel, work)
        print(f"{'formaat':<8} {'min s':>8} {'mediaan s':>10} {'max s':>8}  doel < {TARGET_SECONDS:.0f} s")
        for suffix in ("html", "docx"):
            times = []
            for run in range(args.runs):
                target = work / f"wijzigingen-{run}.{suffix}"
                started = time.perf_counter()
                result = CliRunner().invoke(cli, ["wijzigingen", str(old), str(new), "-o", str(target)])
                times.append(time.perf_counter() - started)
                if result.exit_code != 0:
                    sys.exit(result.output)
            mark = "ja" if statistics.median(times) < TARGET_SECONDS else "nee"
            print(f"{suffix:<8} {min(times):>8.2f} {statistics.median(times):>10.2f} {max(times):>8.2f}  {mark}")


if __name__ == "__main__":
    main()
