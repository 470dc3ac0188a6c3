"""Times one municipality's Word routekaart (profile to written file) against a raw docxtpl render.

The raw render is the floor: DocxTemplate(template).render(context) and save, with the same
template, the same Jinja environment and a context whose route tables are already made. The
full build is assembler's build_profile(..., formats=("docx",)): loading and validating the
profile, tailoring, the route tables, rendering, finishing (house colour, TOC, properties),
the fixed zip, the read-back check and the atomic write. Target: within 1.3 x the floor.

    python -m bench.bench_docx [--runs 7] [--profiel PAD]
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from docxtpl import DocxTemplate

from assembler.builders.word.builder import check_docx, default_template, diagram_for, render_docx
from assembler.builders.word.env import ContextMaker, make_environment
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.pipeline.municipality import build_profile
from assembler.profile.reading import load_profile

TARGET = 1.3
ROOT = Path(__file__).resolve().parents[1]
# The contract region when it is beside the repository, else the example region it ships.
CANDIDATES = (
    ROOT.parent / "shared" / "contract" / "regio-middenland" / "gemeenten" / "rivierstad.yaml",
    Path("/work/shared/contract/regio-middenland/gemeenten/rivierstad.yaml"),
    ROOT / "profiles" / "regio-voorbeeld" / "gemeenten" / "kreekmonde.yaml",
)


def interleaved(actions: dict[str, Callable[[], object]], runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds per action.

    The actions take turns, so a busy moment on the machine hits all alike; CPU time of this
    process is shown too, because on a shared machine wall time mostly measures the neighbours.
    """
    wall: dict[str, list[float]] = {name: [] for name in actions}
    cpu: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            gc.collect()
            start, start_cpu = time.perf_counter(), time.process_time()
            action()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in actions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profiel", type=Path, default=next(p for p in CANDIDATES if p.is_file()))
    args = parser.parse_args()
    profile_path = args.profiel

    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "uitvoer"
        template = default_template()

        # One full build first: imports, fonts, the national content.
        start = time.perf_counter()
        build_profile(profile_path, out, ("docx",))
        cold = time.perf_counter() - start

        model = tailor(load_profile(profile_path), national_content())
        draw = diagram_for(model)
        routes = {p.key: draw(p) for p in model.praktijken}
        logo = model.logo.read_bytes() if model.logo else None

        def raw() -> None:
            tpl = DocxTemplate(template)
            context = ContextMaker(model, tpl, lambda p: routes[p.key], logo).context()
            # Same environment as the builder (autoescape on), so the comparison is fair.
            tpl.render(context, jinja_env=make_environment())
            tpl.save(io.BytesIO())

        def full() -> None:
            build_profile(profile_path, out, ("docx",))

        def load() -> None:
            tailor(load_profile(profile_path), national_content())

        def tables() -> None:
            for practice in model.praktijken:
                draw(practice)

        def render() -> None:
            render_docx(model, template)

        data = render_docx(model, template)
        rows = list(
            interleaved(
                {
                    "floor: raw docxtpl render + save": raw,
                    "full build": full,
                    "  of which: load, validate, tailor": load,
                    "  of which: route tables": tables,
                    "  of which: render, finish, fixed zip": render,
                    "  of which: read-back check": lambda: check_docx("x", data),
                },
                args.runs,
            ).items()
        )

    raw_wall, raw_cpu = rows[0][1]
    busy = os.getloadavg()
    print(
        f"Word-routekaart {model.gemeente}: mediaan van {args.runs} runs (eerste, koude build: {cold:.3f} s; "
        f"belasting {busy[0]:.2f} {busy[1]:.2f} {busy[2]:.2f})"
    )
    print(f"{'stap':40} {'wand (s)':>9} {'× vloer':>8} {'cpu (s)':>9} {'× vloer':>8}")
    for label, (wall, cpu) in rows:
        print(f"{label:40} {wall:9.3f} {wall / raw_wall:8.2f} {cpu:9.3f} {cpu / raw_cpu:8.2f}")
    full_wall, full_cpu = rows[1][1]
    print(
        f"doel: volledige build binnen {TARGET} × vloer; gemeten {full_wall / raw_wall:.2f} × (wandtijd) en "
        f"{full_cpu / raw_cpu:.2f} × (cpu-tijd)"
    )

if __name__ == "__main__":
    main()
