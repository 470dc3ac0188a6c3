"""Times the regional website on a synthetic region: the first site, a rerun without changes, one changed municipality.

The region comes from bench_batch.write_region; the municipalities are built once with
the HTML format only (the site copies whatever files a batch made), then the site is
written three times. The site's pages are rendered in the batch's own process.

    python -m bench.bench_site                 # 40 municipalities
    python -m bench.bench_site --gemeenten 342
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_batch import write_region

from assembler.batch.manifest import StateStore
from assembler.batch.regional import regional_model
from assembler.batch.run import run_batch
from assembler.batch.site import members_of, write_site
from assembler.model.region import MunicipalityEntry, from_data
from assembler.profile.reading import load_region


def timed_site(region_path: Path, out: Path, today: dt.date) -> tuple[float, bool]:
    region = load_region(region_path)
    records = {r.profiel: r for r in StateStore(out).load().values()}
    base = region.source.parent
    entries = [(p, records[str(p.relative_to(base))]) for p in region.municipalities]
    started = time.perf_counter()
    # As the batch does: the regional model from the records, then the site.
    model = regional_model(region, [from_data(MunicipalityEntry, r.gegevens) for _, r in entries], [], today)
    _, changed, _ = write_site(region, model, out, members_of(region, out, entries, today), today)
    return time.perf_counter() - started, changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gemeenten", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        region = write_region(folder / "regio", args.gemeenten)
        out = folder / "uit"
        run_batch(region, out, jobs=args.jobs, formats=("html",), echo=lambda line: None, today=today)
        first, _ = timed_site(region, out, today)
        again, changed_again = timed_site(region, out, today)
        # One municipality gets a new version: its page and the index are rendered again.
        profile = sorted((folder / "regio").rglob("gemeenten/*.yaml"))[0]
        text = profile.read_text(encoding="utf-8")
        profile.write_text(text.replace("naam:", "# gewijzigd\nnaam:", 1), encoding="utf-8")
        run_batch(region, out, jobs=args.jobs, formats=("html",), echo=lambda line: None, today=today)
        one, _ = timed_site(region, out, today)
        size = sum(p.stat().st_size for p in (out / "site").rglob("*") if p.is_file())
    print(f"{'site, ' + str(args.gemeenten) + ' gemeenten':<40} {'seconden':>9}")
    print(f"{'eerste keer':<40} {first:>9.2f}")
    print(f"{'opnieuw, niets gewijzigd':<40} {again:>9.2f}  (bestanden gewijzigd: {changed_again})")
    print(f"{'opnieuw, één gemeente gewijzigd':<40} {one:>9.2f}")
    print(f"{'grootte van site/':<40} {size / 1024 / 1024:>8.1f} MB")


if __name__ == "__main__":
    main()
