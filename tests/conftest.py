"""Shared fixtures: the project's own test region, a small profile factory and a CLI runner."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from assembler.cli import main
from assembler.national import load_content_info

ROOT = Path(__file__).resolve().parents[1]
# The fictional region written for these tests; every test that needs a whole region uses it.
FIXTURE_REGION = ROOT / "tests" / "fixtures" / "regio-oeverland"
# The shared contract region beside the checkout (../shared/contract): only tests/test_contract.py
# reads it, and skips when a clone has none. ASSEMBLER_CONTRACT names another contract folder,
# for a checkout that does not sit beside it (a git worktree, say).
CONTRACT = (
    Path(os.environ.get("ASSEMBLER_CONTRACT") or ROOT.parent / "shared" / "contract") / "regio-middenland"
)
# The reason every contract check skips with where the contract is absent, as in a user's clone.
CONTRACT_MISSING = (
    f"het gedeelde contract ontbreekt ({CONTRACT}): een eigen clone heeft het niet; "
    "ASSEMBLER_CONTRACT kan een andere map aanwijzen"
)
needs_contract = pytest.mark.skipif(not (CONTRACT / "regio.yaml").is_file(), reason=CONTRACT_MISSING)
EXAMPLE_REGION = ROOT / "profiles" / "regio-voorbeeld"


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The card faces a test run finds fitting are remembered for that run only (builders/cards/fitcache.py),
    in a folder of its own, never in the user's ~/.cache; CLI runs in child processes inherit it."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))

# Contact details checked a month ago, so that the base stays free of warnings over time.
CHECKED = (dt.date.today() - dt.timedelta(days=30)).isoformat()
# The national content a build prints now: the base is adopted on it, on the day it appeared.
NATIONAL = load_content_info()
ADOPTED = NATIONAL.datum.isoformat()

# A complete municipality without a region, adopted as it should be: on the national content
# a build prints, with its own text in every place that would otherwise hold a stand-in, and
# with the akkoord of Veilig Thuis and of every partner in a route for this version. Every field
# a bad case can break is present, and it validates without a warning. Its addresses lie on
# `.test`: the starter profile's `.example` is an example value `validate` points out.
BASE_PROFILE = """\
schema_versie: 1
soort: gemeente
naam: Testdam
website: https://www.testdam.test/schadelijke-praktijken
huisstijl:
  hoofdkleur: "#1F5C99"
document:
  versie: "2026.1"
  landelijke_versie: "@NATIONAL@"
  vastgesteld_op: @ADOPTED@
  herzien_voor: 2027-10-15
  eigenaar:
    naam: Fenna Bakker
    functie: Beleidsadviseur
    email: f.bakker@testdam.test
    telefoon: "020-1234567"
  inleiding: In Testdam ligt het accent op preventie.
praktijken:
  vrouwelijke_genitale_verminking:
    prioriteit: hoog
    lokale_situatie: De jeugdgezondheidszorg bespreekt VGV bij elk huisbezoek.
  huwelijksdwang:
    prioriteit: gemiddeld
    lokale_situatie: Scholen in Testdam bespreken vrije partnerkeuze in de bovenbouw.
  gedwongen_achterlating:
    lokale_situatie: Leerplicht belt na elke zomervakantie de scholen na.
  eergerelateerd_geweld:
    prioriteit: laag
    lokale_situatie: Het wijkteam werkt samen met de politie bij eergerelateerd geweld.
veilig_thuis:
  id: veilig-thuis-testland
  naam: Veilig Thuis Testland
  telefoon: "0800-2000"
  email: info@veiligthuistestland.test
  website: https://www.veiligthuistestland.test
  gecontroleerd_op: @CHECKED@
  akkoord:
    datum: @ADOPTED@
    door: H. de Wit, directeur
    versie: "2026.1"
ketenaanpak:
  regie: gemeente
  coordinator: wijkteam-testdam
  sleutelpersonen: true
  signaleren_en_melden:
    afspraken: Scholen vragen bij een vermoeden advies aan het wijkteam.
    partners: [wijkteam-testdam]
  toeleiden_naar_zorg:
    afspraken: Het wijkteam voert de casusregie.
    partners: [wijkteam-testdam]
  preventie_veiligheid_hulp:
    afspraken: De politie en het wijkteam maken samen een veiligheidsplan.
    partners: [politie-testdam]
  deskundigheidsbevordering: Elk jaar een training over de meldcode.
partners:
  - id: wijkteam-testdam
    naam: Sociaal wijkteam Testdam
    type: sociaal_wijkteam
    praktijken: [alle]
    stappen: [signaleren_en_melden, toeleiden_naar_zorg]
    telefoon: "020-1234568"
    email: wijkteam@testdam.test
    gecontroleerd_op: @CHECKED@
    bereikbaarheid: maandag tot en met vrijdag, 9.00 tot 17.00 uur
    aanspreekpunt_voor: [alle]
    akkoord:
      datum: @ADOPTED@
      door: M. Visser, teamleider
      versie: "2026.1"
  - id: politie-testdam
    naam: Politie Testdam
    type: politie
    praktijken: [alle]
    stappen: [preventie_veiligheid_hulp]
    telefoon: "0900-8844"
    spoed: "112"
    gecontroleerd_op: @CHECKED@
    akkoord:
      datum: @ADOPTED@
      door: P. Jansen, teamchef
      versie: "2026.1"
kaarten:
  formaat: creditcard
  doelgroepen: [onderwijs, huisartsen]
  qr: https://www.testdam.test/qr
""".replace("@CHECKED@", CHECKED).replace("@NATIONAL@", NATIONAL.versie).replace("@ADOPTED@", ADOPTED)

BASE_REGION = """\
schema_versie: 1
soort: regio
naam: Testland
veilig_thuis:
  id: veilig-thuis-testland
  naam: Veilig Thuis Testland
  telefoon: "0800-2000"
  gecontroleerd_op: @CHECKED@
partners:
  - id: politie-testland
    naam: Politie Testland
    type: politie
    praktijken: [alle]
    stappen: [preventie_veiligheid_hulp]
    telefoon: "0900-8844"
    gecontroleerd_op: @CHECKED@
    # Every municipality of Testland is at version 2026.1, so this one akkoord holds for each.
    akkoord:
      datum: @ADOPTED@
      door: R. de Boer, teamchef
      versie: "2026.1"
standaard:
  kaarten:
    formaat: a6
gemeenten:
  - gemeenten/testdam.yaml
""".replace("@CHECKED@", CHECKED).replace("@ADOPTED@", ADOPTED)


def edit(text: str, old: str, new: str) -> str:
    """text with ``old`` replaced once; fails loudly when the base no longer holds ``old``."""
    assert text.count(old) == 1, f"{old!r} staat {text.count(old)} keer in de basis"
    return text.replace(old, new)


def line_of(text: str, needle: str, nth: int = 0) -> int:
    """The 1-based line that holds ``needle``: the only one, or the nth (1-based) when nth is given."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    if nth:
        return hits[nth - 1]
    assert len(hits) == 1, f"{needle!r} staat op regels {hits}"
    return hits[0]


WriteFile = Callable[..., Path]


@pytest.fixture
def write(tmp_path: Path) -> WriteFile:
    """Write text (or bytes) to tmp_path/name and return the path."""

    def _write(text: str | bytes, name: str = "profiel.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def profile(write: WriteFile) -> Callable[..., Path]:
    """A municipality profile: the base with (old, new) replacements applied."""

    def _profile(*changes: tuple[str, str], name: str = "profiel.yaml") -> Path:
        text = BASE_PROFILE
        for old, new in changes:
            text = edit(text, old, new)
        return write(text, name)

    return _profile


Invoke = Callable[..., Result]


@pytest.fixture
def run() -> Invoke:
    """Run the assembler command line in-process and check it never shows a traceback."""
    runner = CliRunner()

    def _run(*args: str | Path) -> Result:
        result = runner.invoke(main, [str(a) for a in args])
        assert "Traceback" not in result.output, result.output
        # The CLI turns an unexpected exception into "Interne fout" with exit 1: still a crash.
        assert "Interne fout" not in result.output, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        return result

    return _run


@dataclass(frozen=True)
class BuiltProfile:
    """One profile built through the CLI: its model, its output folder and what the command printed."""

    model: Any
    folder: Path
    output: str


FIXTURE_MUNICIPALITIES = ("brugstad", "dijkmond", "s-molenwaard", "waldterp")


def run_temp(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The temporary folder of the whole run: under pytest-xdist, the one its workers' folders share."""
    return tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent


@pytest.fixture(scope="session")
def fixture_region_built(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> dict[str, BuiltProfile]:
    """The four fixture municipalities built once for the whole run, in every format, as `assembler maak` does.

    For reading only: many modules read these files, so none may change them (a test that
    changes or rebuilds a file builds its own copy). Under pytest-xdist the first worker builds
    into the run's shared temporary folder, behind a lock, and the others read what it wrote.
    """
    import json

    from filelock import FileLock

    shared = run_temp(tmp_path_factory, worker_id)
    out = shared / "oeverland-gebouwd"
    record = shared / "oeverland-gebouwd.json"
    with FileLock(str(shared / "oeverland-gebouwd.lock")):
        if not record.is_file():
            built = build_profiles(out, FIXTURE_MUNICIPALITIES, "docx,odt,pdf,html,kaarten")
            record.write_text(json.dumps({n: b.output for n, b in built.items()}), encoding="utf-8")
            return built
    outputs = json.loads(record.read_text(encoding="utf-8"))
    return {name: _built(name, out, outputs[name]) for name in FIXTURE_MUNICIPALITIES}


def _built(name: str, out: Path, output: str) -> BuiltProfile:
    from assembler.model.tailor import tailor
    from assembler.national import national_content
    from assembler.profile.reading import load_profile

    model = tailor(load_profile(FIXTURE_REGION / "gemeenten" / f"{name}.yaml"), national_content())
    return BuiltProfile(model, out / model.slug, output)


def build_profiles(out: Path, names: Iterable[str], formats: str) -> dict[str, BuiltProfile]:
    """Builds fixture-region municipalities as a user would (`assembler maak`); fails on any error."""
    built = {}
    for name in names:
        profile = FIXTURE_REGION / "gemeenten" / f"{name}.yaml"
        result = CliRunner().invoke(main, ["maak", str(profile), "--formaat", formats, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.output, result.output
        built[name] = _built(name, out, result.output)
    return built


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Under CI (CI=true) a test skipped for a missing tool fails: the check must not vanish there."""
    from tests.tools import MISSING, in_ci

    report = yield
    if report.skipped and in_ci() and isinstance(report.longrepr, tuple) and MISSING in report.longrepr[2]:
        report.outcome = "failed"
        report.longrepr = f"{report.longrepr[2]} (in CI is dit een fout)"
    return report
