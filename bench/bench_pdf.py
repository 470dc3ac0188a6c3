"""Times one municipality's PDF routekaart (WeasyPrint) beside LibreOffice converting the same routekaart .docx.

Both sides are measured as a user would run them, each a fresh command:

- ``assembler build PROFILE --formaat pdf``: Python start, loading and validating the
  profile, tailoring, the HTML, WeasyPrint's layout and the read-back check;
- ``soffice --headless --convert-to pdf`` on the .docx that ``assembler build --formaat docx``
  wrote, with its own LibreOffice profile (warm: created by a first, untimed conversion).

Beside these, the PDF builder alone in a warm process (what a batch worker pays per
municipality), LibreOffice's first conversion with a fresh profile, and a floor: a fresh
command in which WeasyPrint sets the same text with no stylesheet, tagging, diagrams or
logo, the least any WeasyPrint PDF of this routekaart can cost. Medians of N runs.

    python -m bench.bench_pdf [--runs 5] [--profiel PAD]

Targets: the PDF within 1.2 x the floor (bare WeasyPrint on the same text), which puts it at
or under about 1.8 x LibreOffice's conversion of the same routekaart.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from assembler.builders.base import BuildContext
from assembler.builders.web.pdf import PdfBuilder
from assembler.builders.web.render import render_html
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.profile.reading import load_profile

ROOT = Path(__file__).resolve().parents[1]
# The contract region when it is beside the repository, else the example region it ships.
CANDIDATES = (
    ROOT.parent / "shared" / "contract" / "regio-middenland" / "gemeenten" / "rivierstad.yaml",
    Path("/work/shared/contract/regio-middenland/gemeenten/rivierstad.yaml"),
    ROOT / "profiles" / "regio-voorbeeld" / "gemeenten" / "kreekmonde.yaml",
)
TARGET = 1.8  # x LibreOffice
TARGET_FLOOR = 1.2  # x bare WeasyPrint


@dataclass
class Timing:
    wall: float  # seconds on the clock
    cpu: float  # user + system seconds of the command and everything it started

    @staticmethod
    def median(runs: list[Timing]) -> Timing:
        return Timing(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs))


def timed(command: list[str]) -> Timing:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"mislukt ({done.returncode}): {' '.join(command)}\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(elapsed, cpu)


def soffice(docx: Path, outdir: Path, profile: Path) -> list[str]:
    return [
        shutil.which("soffice") or "soffice",
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        str(docx),
    ]


def in_process(profile_path: Path, runs: int) -> tuple[Timing, Timing, int]:
    """First render in a fresh process, then the median of warm renders, and the page count."""
    profile = load_profile(profile_path)
    content = national_content()
    model = tailor(profile, content)
    builder = PdfBuilder(BuildContext(content=content, roots=(profile.source.parent,)))
    times = []
    data = b""
    for _ in range(runs + 1):
        started, cpu = time.perf_counter(), time.process_time()
        data = next(iter(builder.produce(model).values()))
        times.append(Timing(time.perf_counter() - started, time.process_time() - cpu))
    return times[0], Timing.median(times[1:]), len(PdfReader(io.BytesIO(data)).pages)


BARE = """\
import sys
from weasyprint import HTML
HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])
"""


def bare_text(profile_path: Path, work: Path) -> list[str]:
    """A fresh command that has WeasyPrint, and nothing else, set the routekaart's text on A4.

    The same HTML as the PDF builder's, without the stylesheet, tagging, route diagrams and
    logo; only the page size, margins and type size are kept. What this costs is the least
    any WeasyPrint PDF of this text can cost.
    """
    model = tailor(load_profile(profile_path), national_content())
    html = render_html(model, "pdf", "", None)
    html = re.sub(r"<style.*?</style>|<svg.*?</svg>|<img[^>]*>", "", html, flags=re.S)
    page = "<style>@page { size: A4; margin: 24mm 18mm 22mm 18mm } html { font-size: 10pt }</style>"
    source = work / "kaal.html"
    source.write_text(html.replace("</head>", page + "</head>", 1), encoding="utf-8")
    script = work / "kaal.py"
    script.write_text(BARE, encoding="utf-8")
    return [sys.executable, str(script), str(source), str(work / "kaal.pdf")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profiel", type=Path, default=next(p for p in CANDIDATES if p.is_file()))
    args = parser.parse_args()
    profile = args.profiel
    assembler = [sys.executable, "-m", "assembler.cli", "build", str(profile)]

    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        work = Path(tmp)
        timed([*assembler, "--formaat", "docx", "-o", str(work / "docx")])
        docx = next((work / "docx").rglob("*.docx"))

        cold_profile = work / "lo-koud"
        lo_cold = timed(soffice(docx, work / "lo-koud-uit", cold_profile))
        warm_profile = work / "lo-warm"
        timed(soffice(docx, work / "lo-warm-uit", warm_profile))  # creates the profile, untimed
        timed([*assembler, "--formaat", "pdf", "-o", str(work / "pdf-opwarmen")])  # untimed, like LO's
        floor = bare_text(profile, work)
        # Alternate the three, so a busy moment on the machine hits every side alike.
        lo_runs, cli_runs, floor_runs = [], [], []
        for i in range(args.runs):
            lo_runs.append(timed(soffice(docx, work / f"lo-{i}", warm_profile)))
            cli_runs.append(timed([*assembler, "--formaat", "pdf", "-o", str(work / f"pdf-{i}")]))
            floor_runs.append(timed(floor))

    first, warm, pages = in_process(profile, args.runs)
    lo, cli, bare = Timing.median(lo_runs), Timing.median(cli_runs), Timing.median(floor_runs)

    rows = [
        ("LibreOffice .docx -> PDF, warm profiel (mediaan)", lo, False),
        ("LibreOffice .docx -> PDF, nieuw profiel (1 keer)", lo_cold, False),
        ("assembler build --formaat pdf (mediaan)", cli, True),
        ("ondergrens: kale WeasyPrint, zelfde tekst (mediaan)", bare, True),
        ("PdfBuilder in een lopend proces, eerste keer", first, True),
        ("PdfBuilder in een lopend proces (mediaan)", warm, True),
    ]
    print(
        f"PDF-routekaart {profile.stem}: {pages} pagina's; {args.runs} metingen per regel; {os.cpu_count()} kernen"
    )
    print(f"{'meting':<50} {'klok (s)':>9} {'cpu (s)':>8} {'klok/LO':>8} {'cpu/LO':>7}")
    print("-" * 86)
    for label, t, compare in rows:
        ratios = f"{t.wall / lo.wall:>8.2f} {t.cpu / lo.cpu:>7.2f}" if compare else f"{'':>8} {'':>7}"
        print(f"{label:<50} {t.wall:>9.2f} {t.cpu:>8.2f} {ratios}")
    print("-" * 86)
    ratio = cli.wall / lo.wall
    verdict = "gehaald" if ratio <= TARGET else "niet gehaald"
    print(f"doel: assembler build hooguit {TARGET} x LibreOffice (warm, klok): {verdict} ({ratio:.2f})")
    floor_ratio, floor_cpu = cli.wall / bare.wall, cli.cpu / bare.cpu
    verdict = "gehaald" if floor_ratio <= TARGET_FLOOR else "niet gehaald"
    print(
        f"doel: assembler build hooguit {TARGET_FLOOR} x de ondergrens (klok): {verdict} "
        f"({floor_ratio:.2f}; cpu {floor_cpu:.2f})"
    )
    print(
        f"ondergrens: WeasyPrint alleen, op de tekst van dezelfde routekaart zonder stijlblad, tags "
        f"of logo: {bare.wall / lo.wall:.2f} x LibreOffice"
    )
    print(f"belasting van de machine (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
