"""Times one municipality's Word routekaart (profile to written file) against a raw docxtpl render.

The raw render is DocxTemplate(template).render(context) and save, with the same template,
the same Jinja environment and a context whose pictures are already drawn. The full build
is assembler's build_profile(..., formats=("docx",)): loading and validating the profile,
tailoring, drawing the route diagrams, rendering, finishing (house colour, TOC, properties),
the fixed zip, the read-back check and the atomic write. A first build draws every diagram
and every glyph; within one process later builds of the same routes reuse the pictures.

A floor row shows what the route diagrams cannot cost less than: their pixels through
deflate at its fastest level, with no drawing and no PNG around them. The last line sets it
beside the room the target leaves for the diagrams once the rest of the build is paid.

    python bench/bench_docx.py [--runs 7] [--gemeente rivierstad]
"""

from __future__ import annotations

import argparse
import gc
import io
import statistics
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

from docxtpl import DocxTemplate

from assembler.build.pipeline import build_profile
from assembler.builders.art import svgraster
from assembler.builders.art.diagram import PNG_WIDTH, route_svg
from assembler.builders.word.builder import check_docx, default_template, diagram_for, render_docx
from assembler.builders.word.env import ContextMaker, make_environment
from assembler.builders.word.images import diagram_png
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.profile.reading import load_profile

FLOOR = "floor: deflate the diagrams' pixels"
REST = (  # the rows of a full build that are not the diagrams
    "  of which: load, validate, tailor",
    "  of which: render, finish, fixed zip",
    "  of which: read-back check",
)
CONTRACT = Path(__file__).resolve().parents[2] / "shared" / "contract" / "regio-middenland" / "gemeenten"


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
    parser.add_argument("--gemeente", default="rivierstad")
    args = parser.parse_args()
    profile_path = CONTRACT / f"{args.gemeente}.yaml"

    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "uitvoer"
        template = default_template()

        # One full build first: imports, fonts, the national content, every diagram drawn.
        start = time.perf_counter()
        build_profile(profile_path, out, ("docx",))
        cold = time.perf_counter() - start

        model = tailor(load_profile(profile_path), national_content())
        draw = diagram_for(model)
        pictures = {p.key: draw(p) for p in model.praktijken}
        logo = model.logo.read_bytes() if model.logo else None

        def raw() -> None:
            tpl = DocxTemplate(template)
            context = ContextMaker(model, tpl, lambda p: pictures[p.key], logo).context()
            # Same environment as the builder (autoescape on), so the comparison is fair.
            tpl.render(context, jinja_env=make_environment())
            tpl.save(io.BytesIO())

        def forget() -> None:
            """Back to what a first build finds: no remembered pictures, glyphs or font faces."""
            diagram_png.cache_clear()
            svgraster._glyph.cache_clear()
            svgraster._font.cache_clear()

        def first() -> None:
            forget()
            build_profile(profile_path, out, ("docx",))

        def full() -> None:
            build_profile(profile_path, out, ("docx",))

        def load() -> None:
            tailor(load_profile(profile_path), national_content())

        def diagrams() -> None:
            forget()
            for practice in model.praktijken:
                draw(practice)

        def render() -> None:
            render_docx(model, template, lambda p: pictures[p.key])

        data = render_docx(model, template, lambda p: pictures[p.key])
        # The least a lossless PNG of these pictures costs: their pixels through deflate at its
        # fastest level, with no drawing, no filtering and no PNG around it.
        pixels = [
            svgraster.rasterise(route_svg(p.route, model.kleur, p.naam), PNG_WIDTH).tobytes()
            for p in model.praktijken
        ]

        def deflate_only() -> None:
            for block in pixels:
                zlib.compress(block, 1)

        medians = interleaved(
            {
                "raw docxtpl render + save": raw,
                "full build, diagrams drawn": first,
                "  of which: load, validate, tailor": load,
                "  of which: draw the diagrams": diagrams,
                "  of which: render, finish, fixed zip": render,
                "  of which: read-back check": lambda: check_docx("x", data),
                FLOOR: deflate_only,
            },
            args.runs,
        )
        rows = list(medians.items())
        rows += interleaved({"full build, diagrams remembered": full}, max(3, args.runs // 2)).items()

    raw_wall, raw_cpu = rows[0][1]
    print(
        f"Word-routekaart {model.gemeente}: mediaan van {args.runs} runs (eerste, koude build: {cold:.3f} s)"
    )
    print(f"{'stap':40} {'wand (s)':>9} {'× raw':>6} {'cpu (s)':>9} {'× raw':>6}")
    for label, (wall, cpu) in rows:
        print(f"{label:40} {wall:9.3f} {wall / raw_wall:6.2f} {cpu:9.3f} {cpu / raw_cpu:6.2f}")
    full_wall, full_cpu = rows[1][1]
    print(
        f"doel: volledige build binnen 1.5 × raw; gemeten {full_wall / raw_wall:.2f} × (wandtijd) en "
        f"{full_cpu / raw_cpu:.2f} × (cpu-tijd), met alle diagrammen opnieuw getekend"
    )
    times = dict(rows)
    rest = sum(times[k][1] for k in REST)
    print(
        f"ruimte voor de {len(pixels)} diagrammen binnen het doel: {1.5 * raw_cpu - rest:.3f} s cpu; "
        f"alleen al deflate van hun pixels ({PNG_WIDTH} px breed): {times[FLOOR][1]:.3f} s"
    )


if __name__ == "__main__":
    main()
