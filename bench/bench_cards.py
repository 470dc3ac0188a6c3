"""Pocket-card speed and memory: card faces per second for one municipality's full set, and peak memory.

Usage: python -m bench.bench_cards [PROFILE ...] [--runs N]
Without a profile it measures the contract municipalities Rivierstad (credit card, QR code)
and 's-Heerenveld (A6). Speed runs go without tracemalloc, which slows Python down; one
extra run per profile measures the traced peak. Nothing is asserted: the table is the result.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

from assembler import forked
from assembler.builders.base import BuildContext, collector_paused
from assembler.builders.cards.builder import CardsBuilder
from assembler.builders.cards.faces import face_items
from assembler.builders.cards.fit import check_fit
from assembler.builders.cards.imposition import choose_layout
from assembler.builders.cards.pages import CardRenderer
from assembler.model.routekaart import Routekaart
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.profile.reading import load_profile

ROOT = Path(__file__).resolve().parents[1]
# The contract region ($ASSEMBLER_CONTRACT, or beside the repository or a worktree of it).
CONTRACT = next(
    (
        folder / "regio-middenland" / "gemeenten"
        for folder in (
            Path(os.environ.get("ASSEMBLER_CONTRACT") or ROOT.parent / "shared" / "contract"),
            ROOT.parents[1] / "shared" / "contract",
        )
        if (folder / "regio-middenland").is_dir()
    ),
    ROOT.parent / "shared" / "contract" / "regio-middenland" / "gemeenten",
)
DEFAULT_PROFILES = (CONTRACT / "rivierstad.yaml", CONTRACT / "s-heerenveld.yaml")
TARGET_FACES_PER_SECOND = 40
TARGET_MEGABYTES = 300


@dataclass
class Row:
    name: str
    formaat: str
    cards: int
    faces: int
    unique: int
    wall: float
    cpu: float
    stages: dict[str, float]
    traced_mb: float
    rss_mb: float


def _stages(builder: CardsBuilder, model: Routekaart) -> tuple[dict[str, float], int]:
    """One build split into its steps, to see where the time goes; also how many faces differ."""
    with collector_paused():  # as Builder.produce runs them
        return _timed_stages(builder, model)


def _timed_stages(builder: CardsBuilder, model: Routekaart) -> tuple[dict[str, float], int]:
    times: dict[str, float] = {}
    start = time.perf_counter()
    builder.prepare(model)
    spec = builder._spec(model)
    renderer = CardRenderer(
        spec,
        builder.colour,
        str(builder.context.national().kaarten["koppen"]["qr"]),
        list(builder.context.roots),
        builder.context.warnings,
    )
    items = face_items(builder.cards, "QR")
    times["model"] = time.perf_counter() - start
    start = time.perf_counter()
    laid_out = renderer.layout_faces(items, builder._info(model, ""))
    times["opmaak"] = time.perf_counter() - start
    start = time.perf_counter()
    check_fit(laid_out, spec, lambda face, key: renderer.retry(laid_out, face, key))
    times["pascontrole"] = time.perf_counter() - start
    start = time.perf_counter()
    single = renderer.faces_pdf(laid_out)
    times["pdf los"] = time.perf_counter() - start
    start = time.perf_counter()
    layout = choose_layout(spec.width, spec.height)
    sheets = renderer.sheets_pdf(laid_out, layout, builder._info(model, " (A4-vellen)"))
    times["pdf A4"] = time.perf_counter() - start
    start = time.perf_counter()
    builder.check(model, "los.pdf", single)
    builder.check(model, "x-a4.pdf", sheets)
    times["controle"] = time.perf_counter() - start
    return times, len(laid_out.items)


def _cpu() -> float:
    """CPU seconds of this process and of the children it waited for (the builder may draw on a
    second core in a forked child; see assembler/forked.py)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def measure(path: Path, runs: int) -> Row:
    profile = load_profile(path)
    content = national_content()
    model = tailor(profile, content)

    def context() -> BuildContext:
        return BuildContext(content=content, roots=(profile.source.parent,))

    # A warm-up build loads fonts and templates once, as a batch run would.
    CardsBuilder(context()).produce(model)
    walls, cpus = [], []
    builder = CardsBuilder(context())
    for _ in range(runs):
        builder = CardsBuilder(context())
        gc.collect()
        wall, cpu = time.perf_counter(), _cpu()
        builder.produce(model)
        walls.append(time.perf_counter() - wall)
        cpus.append(_cpu() - cpu)
    stages, unique = _stages(CardsBuilder(context()), model)
    tracemalloc.start()
    CardsBuilder(context()).produce(model)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    faces = 2 * len(builder.cards)
    return Row(
        name=model.gemeente,
        formaat=model.kaarten.formaat,
        cards=len(builder.cards),
        faces=faces,
        unique=unique,
        wall=statistics.median(walls),
        cpu=statistics.median(cpus),
        stages=stages,
        traced_mb=peak / 2**20,
        rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profiles", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    rows = [measure(p, args.runs) for p in (args.profiles or DEFAULT_PROFILES)]
    print(f"zakkaarten: mediaan van {args.runs} builds (beide PDF's, QR-code inbegrepen), na één opwarmbuild")
    print()
    header = (
        f"{'gemeente':<14} {'formaat':<10} {'kaarten':>7} {'kanten':>6} {'verschillend':>12} "
        f"{'wand s':>7} {'cpu s':>6} {'kanten/s':>9} {'idem cpu':>9} {'tracemalloc MB':>15} {'maxrss MB':>10}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r.name:<14} {r.formaat:<10} {r.cards:>7} {r.faces:>6} {r.unique:>12} {r.wall:>7.2f} {r.cpu:>6.2f} "
            f"{r.faces / r.wall:>9.1f} {r.faces / r.cpu:>9.1f} {r.traced_mb:>15.1f} {r.rss_mb:>10.1f}"
        )
    print()
    stage_names = list(rows[0].stages)
    print(f"{'stap (s, één build)':<22}" + "".join(f"{r.name:>14}" for r in rows))
    for stage in stage_names:
        print(f"{stage:<22}" + "".join(f"{r.stages[stage]:>14.2f}" for r in rows))
    print()
    load = os.getloadavg()[0]
    print(
        f"doel: ten minste {TARGET_FACES_PER_SECOND} kanten/s in één proces (ASSEMBLER_PARALLEL=0) en minder dan "
        f"{TARGET_MEGABYTES} MB (maxrss is de piek van het hele proces, inclusief de opwarmbuild)"
    )
    print(
        f"belasting van de machine tijdens de meting (load average, 1 min): {load:.1f} op {os.cpu_count()} kernen"
    )
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if forked.enabled():
        print(
            "de A4-vellen worden in een tweede proces getekend terwijl de losse kaarten worden geschreven; "
            f"cpu s telt beide processen, piek van dat proces: {children:.1f} MB (ASSEMBLER_PARALLEL=0 zet het uit)"
        )
    else:
        print("alles in één proces (ASSEMBLER_PARALLEL=0 of één kern)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
