"""The editor's latency on a change and its memory, for one municipality in the warm editor.

Run as a module: python -m bench.bench_editor [--rondes N]

Each round changes a partner's phone number through the editor's own request (the form
posted as its script posts it) and times, median of the rounds:
- validation: the check `validate` makes, without the card layout and with it (as `bewerk` runs);
- preview: tailoring and both preview pages (routekaart and card faces) drawn through the registry;
- the whole round trip of the request, as the browser waits for it.
Memory is the process's peak resident size after the rounds.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from assembler.builders.base import BuildContext
from assembler.builders.registry import make
from assembler.editor.form import as_posted, build_form
from assembler.editor.guard import Guard
from assembler.editor.server import Editor
from assembler.editor.session import PREVIEWS, Session
from assembler.model.tailor import tailor
from assembler.pipeline.preflight import card_problems
from assembler.profile.reading import check_municipality

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "regio-oeverland"
TARGETS = {"validatie": 0.100, "voorbeeld": 0.300, "geheugen": 300.0}


def _median(action: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rondes", type=int, default=7)
    rounds = parser.parse_args().rondes
    with tempfile.TemporaryDirectory() as folder:
        region = Path(folder) / "regio"
        shutil.copytree(FIXTURE, region)
        path = region / "gemeenten" / "brugstad.yaml"
        started = time.perf_counter()
        session = Session(path)
        startup = time.perf_counter() - started
        guard = Guard(port=1)
        editor = Editor(session, region / "uit", guard)
        client = editor.app.test_client()
        client.set_cookie(guard.cookie, guard.token, domain="127.0.0.1")
        headers = {"Host": "127.0.0.1:1", "Origin": guard.origin, "Accept": "application/json", "X-CSRF-Token": guard.csrf}
        numbers = iter(f"0123-7807{n:02d}" for n in range(10, 99))

        def request() -> None:
            pairs = as_posted(build_form("gemeente", session.working))
            pairs["partners.0.telefoon"] = [next(numbers)]
            response = client.post("/", data=pairs, headers=headers)
            assert response.status_code == 200, response.status_code

        request()  # warm
        trip = _median(request, rounds)
        doc = session._document()
        region_data = session._region(session.working.get("regio"))

        def check(extra: object = None) -> object:
            return check_municipality(path, extra=extra, region=region_data, document=doc)  # type: ignore[arg-type]

        fast = _median(check, rounds)
        full = _median(lambda: check(card_problems), max(3, rounds // 2))
        profile = session.profile
        context = BuildContext(content=session.content, roots=(path.parent,))

        def preview() -> None:
            model = tailor(profile, session.content)
            for output in PREVIEWS.values():
                make(output, context).preview(model)

        drawn = _median(preview, rounds)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("opstarten (eerste controle en voorbeeld)", startup, None, "s"),
        ("validatie zonder kaartopmaak", fast, TARGETS["validatie"], "s"),
        ("validatie zoals validate (met kaarten)", full, TARGETS["validatie"], "s"),
        ("voorbeeld: routekaart en kaarten", drawn, TARGETS["voorbeeld"], "s"),
        ("wijziging heen en terug (alles)", trip, TARGETS["voorbeeld"], "s"),
        ("geheugen (piek)", peak, TARGETS["geheugen"], "MB"),
    ]
    print(f"Editor, Brugstad (fixture), mediaan van {rounds} rondes")
    print(f"{'meting':42} {'gemeten':>10} {'doel':>10}")
    for label, value, target, unit in rows:
        shown = f"{value * 1000:.0f} ms" if unit == "s" else f"{value:.0f} MB"
        goal = "" if target is None else (f"{target * 1000:.0f} ms" if unit == "s" else f"{target:.0f} MB")
        mark = "" if target is None else ("  ok" if value <= target else "  boven doel")
        print(f"{label:42} {shown:>10} {goal:>10}{mark}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
