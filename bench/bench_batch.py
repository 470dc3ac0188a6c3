"""Times a region batch on a synthetic region: 1 and 2 workers, speedup, memory per worker, rerun time.

The region is generated in a temporary folder: fictional municipalities with varied
practices, priorities, partners, regie and card formats, and local numbers in the
unassigned area code 0123. Every format is built, as `assembler batch` does.

    python -m bench.bench_batch                 # all 342 municipalities (slow with 1 worker)
    python -m bench.bench_batch --gemeenten 40  # a smaller region; times are extrapolated to 342
    python -m bench.bench_batch --landelijk --gemeenten 24  # the national run: --jobs 2 only

Targets on a 2-core machine: 342 municipalities in under 8 minutes with 2 workers, a speedup
of at least 1.8, a rerun without changes under 2 s, under 300 MB per worker that does not grow.
Beside the national time stand its split per format (one warm municipality per format, times
342 over two workers) and its floor: that sum, as if the two workers lost nothing to each other;
and the time of each regional output (Word, PDF, overview), made once after the municipalities.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import io
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from assembler.batch.run import BatchResult, run_batch
from assembler.builders.base import BuildContext
from assembler.builders.registry import DEFAULT_FORMATS, make
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.pipeline.municipality import BuildResult
from assembler.profile.reading import Region, load_profile, load_region

COUNTRY = 342
PREFIXES = (
    "Aal", "Berk", "Dijk", "Eik", "Hazel", "Ijssel", "Linde", "Molen", "Ooster", "Wester",
    "Zilver", "Beek", "Vlier", "Wilg", "Hoog", "Laag", "Duin", "Heide", "Kreek",
)  # fmt: skip
SUFFIXES = (
    "dam", "veen", "horst", "wijk", "hoven", "kerk", "meer", "rode", "zijl",
    "broek", "loo", "sloot", "stede", "zand", "burg", "haven", "gaarde", "ven",
)  # fmt: skip
PRACTICES = (
    "vrouwelijke_genitale_verminking",
    "huwelijksdwang",
    "gedwongen_achterlating",
    "eergerelateerd_geweld",
)
PRIORITIES = ("hoog", "gemiddeld", "laag", None)
STEPS = ("signaleren_en_melden", "toeleiden_naar_zorg", "preventie_veiligheid_hulp")
AUDIENCES = (
    "onderwijs",
    "huisartsen",
    "jeugdgezondheidszorg",
    "sociaal_wijkteam",
    "kinderopvang",
    "jongerenwerk",
)
REGIE = ("gemeente", "gemeente", "veilig_thuis", "zorg_en_veiligheidshuis")
TARGET_MINUTES, TARGET_SPEEDUP, TARGET_RERUN, TARGET_MB = 8.0, 1.8, 2.0, 300
JOBS = 2


def names(count: int) -> list[str]:
    every = [f"{a}{b}" for a in PREFIXES for b in SUFFIXES]
    if count > len(every):
        raise SystemExit(f"hooguit {len(every)} gemeenten")
    # Spread over the alphabet, so a small region is as varied as a large one.
    step = len(every) / count
    return [every[int(i * step)] for i in range(count)]


def write_region(folder: Path, count: int) -> Path:
    checked = (dt.date.today() - dt.timedelta(days=30)).isoformat()
    (folder / "gemeenten").mkdir(parents=True)
    listing = []
    for i, name in enumerate(names(count)):
        file = f"gemeenten/{name.lower()}.yaml"
        listing.append(f"  - {file}")
        (folder / file).write_text(municipality(i, name, checked), encoding="utf-8")
    region = (
        f"""schema_versie: 1
soort: regio
naam: Proefland
veilig_thuis:
  id: veilig-thuis-proefland
  naam: Veilig Thuis Proefland
  telefoon: "0800-2000"
  email: info@veiligthuisproefland.example
  bereikbaarheid: 24 uur per dag, 7 dagen per week
  aandachtsfunctionaris_vgv:
    naam: R. Ahmed
    telefoon: "0123-400000"
  gecontroleerd_op: {checked}
partners:
  - id: politie-proefland
    naam: Politie Proefland
    type: politie
    praktijken: [alle]
    stappen: [preventie_veiligheid_hulp]
    telefoon: "0900-8844"
    spoed: "112"
    gecontroleerd_op: {checked}
  - id: ggd-proefland
    naam: GGD Proefland
    type: jeugdgezondheidszorg
    praktijken: [vrouwelijke_genitale_verminking]
    stappen: [signaleren_en_melden]
    telefoon: "0123-400010"
    gecontroleerd_op: {checked}
standaard:
  kaarten:
    formaat: creditcard
    doelgroepen: [onderwijs, huisartsen]
gemeenten:
"""
        + "\n".join(listing)
        + "\n"
    )
    path = folder / "regio.yaml"
    path.write_text(region, encoding="utf-8")
    return path


def municipality(i: int, name: str, checked: str) -> str:
    """One profile; i decides which choices it makes, so the region covers every combination."""
    chosen = [p for k, p in enumerate(PRACTICES) if (i >> k) % 2 or k == i % 4]
    practices = "\n".join(
        f"  {p}:" + (f"\n    prioriteit: {prio}" if (prio := PRIORITIES[(i + k) % 4]) else " {}")
        for k, p in enumerate(chosen)
    )
    partners = []
    for k in range(i % 4):
        steps = [STEPS[(i + k) % 3]] + ([STEPS[(i + k + 1) % 3]] if k == 0 else [])
        partners.append(
            f"""  - id: partner-{k}
    naam: {("Wijkteam", "Leerplicht", "Jongerenwerk")[k % 3]} {name}
    type: {("sociaal_wijkteam", "leerplicht", "jongerenwerk")[k % 3]}
    rol: Aanspreekpunt voor professionals in {name}.
    praktijken: [alle]
    stappen: [{", ".join(steps)}]
    telefoon: "0123-{410000 + i * 4 + k}"
    email: partner{k}@{name.lower()}.example
    gecontroleerd_op: {checked}"""
        )
    audiences = [a for k, a in enumerate(AUDIENCES) if (i + k) % 3 != 0][: 2 + i % 3]
    return f"""schema_versie: 1
soort: gemeente
naam: {name}
regio: ../regio.yaml
document:
  versie: "2026.{1 + i % 3}"
  vastgesteld_op: {dt.date(2026, 9, 1) + dt.timedelta(days=i % 60)}
  eigenaar:
    naam: Team Veiligheid {name}
    email: veiligheid@{name.lower()}.example
praktijken:
{practices}
ketenaanpak:
  regie: {REGIE[i % 4]}
  sleutelpersonen: {"true" if i % 2 else "false"}
{"partners:" + chr(10) + chr(10).join(partners) if partners else ""}
kaarten:
  formaat: {"a6" if i % 5 == 0 else "creditcard"}
  doelgroepen: [{", ".join(audiences)}]
"""


def timed_batch(region: Path, out: Path, jobs: int) -> tuple[float, BatchResult]:
    gc.collect()
    started = time.perf_counter()
    result = run_batch(region, out, jobs=jobs, echo=lambda line: None, stream=io.StringIO())
    return time.perf_counter() - started, result


def timed_rerun(command: list[str]) -> tuple[float, str]:
    """The rerun as a user starts it: a fresh process, interpreter start included."""
    started = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    return time.perf_counter() - started, proc.stdout.strip().splitlines()[0] if proc.stdout else proc.stderr


# Sizes of one municipality's real outputs (Rivierstad, bytes), for the rerun at full scale.
OUTPUT_SIZES = {
    "routekaart-{slug}.docx": 1_123_184,
    "routekaart-{slug}.pdf": 283_075,
    "routekaart-{slug}.html": 304_125,
    "zakkaarten-{slug}.pdf": 157_454,
    "zakkaarten-{slug}-a4.pdf": 112_517,
}


def stand_in(
    path: Path,
    outdir: Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    template: Path | None = None,
    region: Region | None = None,
    today: dt.date | None = None,
    display: str | None = None,
    lock: bool = False,
) -> BuildResult:
    """Loads and tailors for real, then writes random files of the real outputs' sizes."""
    profile = load_profile(path, display=display, region=region, today=today)
    model = tailor(profile, national_content())
    folder = outdir / model.slug
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for pattern, size in OUTPUT_SIZES.items():
        target = folder / pattern.format(slug=model.slug)
        target.write_bytes(os.urandom(size))
        files.append(target)
    return BuildResult(profile=profile, model=model, folder=folder, files=files)


def use_stand_in() -> None:
    import assembler.batch.worker

    assembler.batch.worker.build_profile = stand_in


# A rerun process with the stand-in in place: should a template change between the two runs
# make it rebuild, it rebuilds in seconds instead of rendering 342 municipalities for real.
STAND_IN_CLI = (
    "import sys; sys.path.insert(0, sys.argv.pop(1)); import bench_batch; bench_batch.use_stand_in(); "
    "from assembler.cli import main; main()"
)


def rerun_at_scale(scratch: Path, count: int = COUNTRY) -> tuple[float, str]:
    """The no-change rerun for a full region without building it for real first.

    The stand-in writes files of the real outputs' sizes (random bytes, so the zips are as
    large too) through the real batch code; then a fresh `assembler batch` process checks
    all of them and skips every municipality, as after a real build.
    """
    region = write_region(scratch / "proefland-groot", count)
    out = scratch / "uit-groot"
    use_stand_in()
    run_batch(region, out, jobs=1, echo=lambda line: None, stream=io.StringIO())
    command = [sys.executable, "-c", STAND_IN_CLI, str(Path(__file__).parent), "batch", str(region)]
    return timed_rerun([*command, "-o", str(out), "--jobs", "1"])


def per_format(region: Path, samples: int = 3) -> dict[str, float | None]:
    """Median seconds per format for one municipality, warm, in this process: where the time goes."""
    loaded = load_region(region)
    content = national_content()
    times: dict[str, list[float]] = {f: [] for f in DEFAULT_FORMATS}
    for path in loaded.municipalities[: samples + 1]:
        profile = load_profile(path, region=loaded)
        model = tailor(profile, content)
        for name in DEFAULT_FORMATS:
            builder = make(name, BuildContext(content=content, roots=(profile.source.parent,)))
            started = time.perf_counter()
            try:
                builder.produce(model)
            except Exception as exc:  # a failing builder is reported, the bench goes on
                print(f"formaat {name} mislukt voor {model.gemeente}: {exc}", file=sys.stderr)
                continue
            times[name].append(time.perf_counter() - started)
    # The first municipality warms caches (fonts, templates); leave it out.
    return {name: _median(values[1:]) for name, values in times.items()}


def _median(values: list[float]) -> float | None:
    return sorted(values)[len(values) // 2] if values else None


def memory(result: BatchResult) -> tuple[int, int, int]:
    """Peak MB over all workers, and the largest growth of one worker from its first build to its last."""
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for pid, kb in result.piek_verloop:
        first.setdefault(pid, kb)
        last[pid] = kb
    peak = max(last.values(), default=0) // 1024
    growth = max((last[p] - first[p] for p in last), default=0) // 1024
    return peak, growth, len(last)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--gemeenten", type=int, default=COUNTRY, help="aantal gemeenten (standaard 342)")
    parser.add_argument("--zonder-een", action="store_true", help="sla de run met één werkproces over")
    parser.add_argument(
        "--landelijk", action="store_true", help="alleen de landelijke run: --jobs 2, met verdeling per formaat"
    )
    args = parser.parse_args()
    if args.landelijk:
        args.zonder_een = True
    count = args.gemeenten
    scale = COUNTRY / count

    with tempfile.TemporaryDirectory(prefix="bench-batch-") as scratch:
        region = write_region(Path(scratch) / "proefland", count)
        formats = per_format(region)
        runs: dict[int, tuple[float, BatchResult]] = {}
        for jobs in (1, 2):
            if jobs == 1 and args.zonder_een:
                continue
            runs[jobs] = timed_batch(region, Path(scratch) / f"uit-{jobs}", jobs)
            seconds, result = runs[jobs]
            print(
                f"{jobs} werkproces(sen): {len(result.gemaakt)} gemaakt, {len(result.mislukt)} mislukt "
                f"in {seconds:.1f} s",
                file=sys.stderr,
            )
            for failure in result.mislukt[:5]:
                print(f"  mislukt: {failure.naam}: {failure.reden}", file=sys.stderr)
        out = Path(scratch) / "uit-2"
        # Through the stand-in as well: had someone changed a template during the long build, the
        # rerun would otherwise render the whole region again. Then it says so, and is not "ok".
        cli = [sys.executable, "-c", STAND_IN_CLI, str(Path(__file__).parent), "batch", str(region)]
        rerun_seconds, rerun_line = timed_rerun([*cli, "-o", str(out), "--jobs", "1"])
        scale_seconds, scale_line = rerun_at_scale(Path(scratch))

    rows: list[tuple[str, str, str]] = [("gemeenten in de proefregio", str(count), "")]
    for name, taken in formats.items():
        shown = f"{taken:.2f} s" if taken is not None else "mislukt"
        national = f"{taken * COUNTRY / JOBS / 60:.1f} min landelijk bij --jobs {JOBS}" if taken else ""
        rows.append((f"één gemeente, formaat {name} (warm)", shown, national))
    floor = sum(t for t in formats.values() if t) * COUNTRY / JOBS
    rows.append((f"ondergrens landelijk: som per formaat × {COUNTRY} / {JOBS}", f"{floor / 60:.1f} min", ""))
    for jobs, (seconds, result) in runs.items():
        total = seconds * scale
        peak, growth, workers = memory(result)
        label = f"--jobs {jobs}"
        rows.append((f"{label}: totale tijd ({count} gemeenten)", f"{seconds:.1f} s", ""))
        if scale != 1:
            rows.append(
                (
                    f"{label}: totale tijd, geschat voor {COUNTRY}",
                    f"{total / 60:.1f} min",
                    _target(jobs, total),
                )
            )
        else:
            rows.append((f"{label}: totale tijd", f"{total / 60:.1f} min", _target(jobs, total)))
        rows.append((f"{label}: gemeenten per minuut", f"{count / seconds * 60:.1f}", ""))
        # The regional outputs follow the municipalities, in the parent process; the PDF on a core of its own.
        for output, taken in result.regio_seconden.items():
            rows.append((f"{label}: {output[:1].lower()}{output[1:]} ({count} gemeenten)", f"{taken:.1f} s", ""))
        rows.append(
            (
                f"{label}: piekgeheugen per werkproces ({workers})",
                f"{peak} MB",
                "ok" if peak < TARGET_MB else f"boven {TARGET_MB} MB",
            )
        )
        rows.append((f"{label}: groei per werkproces, eerste tot laatste", f"{growth} MB", ""))
    if 1 in runs and 2 in runs:
        speedup = runs[1][0] / runs[2][0]
        rows.append(
            ("versnelling --jobs 2 t.o.v. --jobs 1", f"{speedup:.2f}×", _ok(speedup >= TARGET_SPEEDUP))
        )
    rows.append(
        (
            f"herhaalde run zonder wijzigingen ({count})",
            f"{rerun_seconds:.2f} s",
            _rerun(rerun_seconds, rerun_line),
        )
    )
    rows.append(("  uitkomst", rerun_line, ""))
    rows.append(
        (
            f"herhaalde run, {COUNTRY} gemeenten (uitvoer nagebootst)",
            f"{scale_seconds:.2f} s",
            _rerun(scale_seconds, scale_line),
        )
    )
    rows.append(("  uitkomst", scale_line, ""))
    if scale != 1:
        rows.append(("let op", f"tijden ×{scale:.2f} geëxtrapoleerd naar {COUNTRY} gemeenten", ""))
    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    print(f"{'meting':<{width}}  {'waarde':>{value_width}}  doel")
    print("-" * (width + value_width + 12))
    for label, value, verdict in rows:
        print(f"{label:<{width}}  {value:>{value_width}}  {verdict}")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"(machine: {os.cpu_count()} kernen; belasting 1, 5, 15 min: {load})")


def _ok(passed: bool) -> str:
    return "ok" if passed else "NIET gehaald"


def _rerun(seconds: float, line: str) -> str:
    if " 0 gemeenten gemaakt" not in line:
        return "NIET alles overgeslagen (sjabloon gewijzigd tijdens de meting?)"
    return _ok(seconds < TARGET_RERUN)


def _target(jobs: int, seconds: float) -> str:
    return _ok(seconds / 60 < TARGET_MINUTES) if jobs == 2 else ""


if __name__ == "__main__":
    main()
