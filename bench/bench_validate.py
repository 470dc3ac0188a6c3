"""Times `assembler validate`: the example region in a fresh process (with an empty and with a filled
card cache), one municipality in a warm process (as an editor validating on every change would), and
optionally the tests of tests/profile.

validate checks that every pocket-card face fits without laying the faces out where it can
(builders/cards/measure.py, builders/cards/fitcache.py); the table says how many faces still went
to the real layout. Wall time on a shared machine mostly measures the neighbours, so CPU time is
shown beside it. Targets: the example region within 2 s, one municipality within 0.3 s, tests/profile
within 60 s.

    python -m bench.bench_validate [--runs 5] [--tests]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REGION = ROOT / "profiles" / "regio-voorbeeld"
MUNICIPALITY = "gemeenten/kreekmonde.yaml"
TARGETS = {"region": 2.0, "municipality": 0.3, "tests": 60.0}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _process(args: list[str], cache: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one command in a fresh process with this cache folder."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    start, start_cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    wall, cpu = time.perf_counter() - start, _children_cpu() - start_cpu
    if done.returncode not in (0, 1) or "Traceback" in done.stderr:
        sys.exit(f"{' '.join(args)} faalde:\n{done.stdout}{done.stderr}")
    return wall, cpu


def _median(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def _validate_region(runs: int, scratch: Path) -> dict[str, tuple[float, float]]:
    command = [sys.executable, "-m", "assembler.cli", "validate", str(REGION / "regio.yaml")]
    cold = [_process(command, Path(tempfile.mkdtemp(dir=scratch))) for _ in range(runs)]
    warm_cache = scratch / "warm"
    _process(command, warm_cache)
    warm = [_process(command, warm_cache) for _ in range(runs)]
    return {"cold": _median(cold), "warm": _median(warm)}


def _in_process(action: Callable[[int], object], runs: int) -> tuple[float, float]:
    action(-1)  # imports, the national content, the number cache
    samples = []
    for run in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action(run)
        samples.append((time.perf_counter() - start, time.process_time() - start_cpu))
    return _median(samples)


def _one_municipality(runs: int, scratch: Path) -> dict[str, tuple[float, float]]:
    os.environ["XDG_CACHE_HOME"] = str(scratch / "in-proces")
    from assembler.pipeline.preflight import card_problems
    from assembler.profile.reading import check_paths

    copy = scratch / "regio"
    shutil.copytree(REGION, copy)
    path = copy / MUNICIPALITY
    original = path.read_text(encoding="utf-8")

    def same(run: int) -> None:
        check_paths([path], extra=card_problems)

    def edited(run: int) -> None:
        # Another name for the first partner each time: new card faces, as after a user's edit.
        path.write_text(original.replace("Wijkteam Kreekmonde", f"Wijkteam Kreekmonde {run + 2}"), encoding="utf-8")
        check_paths([path], extra=card_problems)

    return {"same": _in_process(same, runs), "edited": _in_process(edited, runs)}


def _faces_laid_out() -> tuple[int, int]:
    """How many card faces of the example region validate still lays out, of how many."""
    from assembler.builders.cards.faces import face_items
    from assembler.builders.cards.measure import fits
    from assembler.cardformats import CARD_FORMATS
    from assembler.model.cards import cards_for
    from assembler.model.tailor import tailor
    from assembler.national import national_content
    from assembler.profile.reading import load_profile, load_region

    content = national_content()
    label = str(content.kaarten["koppen"]["qr"])
    region = load_region(REGION / "regio.yaml")
    unsure = total = 0
    for path in region.municipalities:
        model = tailor(load_profile(path, region=region), content)
        spec = CARD_FORMATS[model.kaarten.formaat]
        items = face_items(cards_for(model, content), label)
        unsure += sum(not fits(item, spec, label) for item in items)
        total += len(items)
    return unsure, total


def _tests(scratch: Path) -> tuple[float, float]:
    command = [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider", "tests/profile"]
    return _process(command, scratch)


def _row(what: str, figure: tuple[float, float], target: float) -> str:
    wall, cpu = figure
    verdict = "ok" if wall <= target else "boven doel"
    return f"{what:<56} {wall:>8.2f} s {cpu:>8.2f} s   ≤ {target:g} s   {verdict}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tests", action="store_true", help="time tests/profile too (minutes)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        region = _validate_region(args.runs, scratch)
        one = _one_municipality(max(args.runs, 7), scratch)
        tests = _tests(scratch) if args.tests else None
    print(f"{'':<56} {'wall':>10} {'CPU':>10}   doel")
    print(_row("validate voorbeeldregio, nieuw proces, lege cache", region["cold"], TARGETS["region"]))
    print(_row("validate voorbeeldregio, nieuw proces, gevulde cache", region["warm"], TARGETS["region"]))
    print(_row("één gemeente, warm proces, ongewijzigd", one["same"], TARGETS["municipality"]))
    print(_row("één gemeente, warm proces, elke keer bewerkt", one["edited"], TARGETS["municipality"]))
    unsure, total = _faces_laid_out()
    print(f"kaartkanten die validate nog echt opmaakt (voorbeeldregio, lege cache): {unsure} van {total}")
    if tests is not None:
        print(_row("python -m pytest tests/profile (-n 0)", tests, TARGETS["tests"]))


if __name__ == "__main__":
    main()
