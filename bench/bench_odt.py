"""Times one municipality's ODF routekaart against its Word routekaart, builder against builder.

Both start from the same tailored model and end with checked bytes (render, finish, package, read
back), warm, taking turns. The ODF edition is made from the same outline as the Word edition, so it
should cost about what the Word edition costs. Target: within 3 x the Word builder, and below 0.5 s.

    python -m bench.bench_odt [--runs 7] [--profiel PAD]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_docx import CANDIDATES, interleaved

from assembler.builders.base import BuildContext
from assembler.builders.odf.builder import OdtBuilder
from assembler.builders.word.builder import DocxBuilder
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.profile.reading import load_profile

TARGET_RATIO = 3.0
TARGET_SECONDS = 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profiel", type=Path, default=next(p for p in CANDIDATES if p.is_file()))
    args = parser.parse_args()
    profile = load_profile(args.profiel)
    content = national_content()
    model = tailor(profile, content)
    context = BuildContext(content=content)
    odt, docx = OdtBuilder(context), DocxBuilder(context)
    sizes = {
        "ODF": len(next(iter(odt.produce(model).values()))),
        "Word": len(next(iter(docx.produce(model).values()))),
    }
    times = interleaved({"ODF": lambda: odt.produce(model), "Word": lambda: docx.produce(model)}, args.runs)
    print(f"Profiel: {args.profiel.name}, {args.runs} runs om en om, mediaan (warm)")
    print(f"{'builder':<8} {'wand s':>8} {'CPU s':>8} {'kB':>6}")
    for name, (wall, cpu) in times.items():
        print(f"{name:<8} {wall:>8.3f} {cpu:>8.3f} {sizes[name] // 1024:>6}")
    ratio = times["ODF"][1] / times["Word"][1]
    print(
        f"ODF / Word (CPU): {ratio:.2f}x, doel <= {TARGET_RATIO:.1f}x {'✓' if ratio <= TARGET_RATIO else '✗'}"
    )
    seconds = times["ODF"][1]
    print(f"ODF (CPU): {seconds:.3f} s, doel < {TARGET_SECONDS} s {'✓' if seconds < TARGET_SECONDS else '✗'}")


if __name__ == "__main__":
    main()
