"""`assembler batch` end to end on the fixture region: every format for real, in worker processes.

The fixture region is read where it is and never changed; outputs go to temporary folders.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from tests.conftest import FIXTURE_REGION

REGION = FIXTURE_REGION / "regio.yaml"
NAMES = ["Brugstad", "Dijkmond", "'s-Molenwaard", "Wâldterp"]
SLUGS = ["brugstad", "dijkmond", "s-molenwaard", "waldterp"]
DOCUMENT = Path("regio-oeverland") / "routekaart-regio-oeverland.docx"
OVERVIEW = Path("overzicht-oeverland.xlsx")
TIMEOUT = 1200


def batch(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assembler.cli", "batch", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def start_batch(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "assembler.cli", "batch", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def listed(out: Path) -> dict[str, dict[str, object]]:
    """Every output the manifest names, with its sha256 and size."""
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    files = dict(data["regio"]["uitvoer"])
    for entry in data["gemeenten"].values():
        files.update(entry.get("uitvoer", {}))
    return files


def visible_files(out: Path) -> set[str]:
    """Files a user sees: not the run's own bookkeeping (lock, records), which start with a dot."""
    return {
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(out).parts)
    }


def mtimes(out: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = tmp_path_factory.mktemp("batch") / "uit"
    return out, batch(REGION, "-o", out)


def test_fixture_region_builds_every_municipality_in_every_format(built) -> None:  # type: ignore[no-untyped-def]
    out, proc = built
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert "Regio Oeverland: 4 gemeenten gemaakt, 0 overgeslagen (ongewijzigd), 0 mislukt" in proc.stdout
    for slug in SLUGS:
        folder = out / slug
        names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
        assert f"routekaart-{slug}.docx" in names and f"routekaart-{slug}.pdf" in names
        assert f"routekaart-{slug}.html" in names
        assert any("kaart" in n and n.endswith(".pdf") and n != f"routekaart-{slug}.pdf" for n in names), (
            names
        )
        # The zip for distribution holds exactly the municipality's files, each identical.
        with zipfile.ZipFile(out / f"{slug}.zip") as archive:
            assert archive.namelist() == [f"{slug}/{n}" for n in names]
            for n in names:
                assert archive.read(f"{slug}/{n}") == (folder / n).read_bytes()
            assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    # Progress went to stderr, one plain line per municipality (no terminal here).
    assert proc.stderr.count("gemaakt (") == 4 and "[4/4]" in proc.stderr


def test_regional_document_names_the_region_veilig_thuis_and_every_municipality(built) -> None:  # type: ignore[no-untyped-def]
    out, _ = built
    document = docx.Document(str(out / DOCUMENT))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "regio Oeverland" in text
    assert "Veilig Thuis Oeverland" in headings
    assert [h for h in headings if h in NAMES] == NAMES
    # Dutch finished text: no template tags, and the fixture region's '&' and '<' came through as text.
    assert "{{" not in text and "{%" not in text
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert "Stichting Sleutelpersonen Brugstad & Omstreken" in cells
    assert any("<lesprogramma>" in c for c in cells)
    assert "0123-780700" in " ".join(cells)  # the aandachtsfunctionaris VGV of Veilig Thuis
    # Dated by the latest adoption (Dijkmond, 1 November 2026), never by the build time.
    assert document.core_properties.created == dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    overview = document.tables[0]  # the regional matrix opens the document
    assert overview.rows[0].cells[1].text == "Signaleren en melden"
    assert [r.cells[0].text for r in overview.rows[1:]] == NAMES


def _tally(stdout: str) -> tuple[int, int]:
    """The errors and warnings the batch summary names."""
    found = re.search(r"^(\d+) fout(?:en)?, (\d+) waarschuwing(?:en)? in de profielen", stdout, re.M)
    assert found, stdout
    return int(found.group(1)), int(found.group(2))


def test_overview_spreadsheet_has_the_gaps_table_and_every_problem(built) -> None:  # type: ignore[no-untyped-def]
    out, proc = built
    workbook = load_workbook(out / OVERVIEW)
    assert workbook.sheetnames == ["Overzicht", "Handvatten", "Controles", "Kaarten", "Problemen", "Wijzigingen"]
    sheet = workbook["Overzicht"]
    assert sheet.freeze_panes == "B3"
    header = [c.value for c in sheet[2]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=3, values_only=True)}
    assert list(rows) == NAMES
    assert rows["Brugstad"]["Vrouwelijke genitale verminking"] == "Hoog"
    assert rows["Wâldterp"]["Vrouwelijke genitale verminking"] == "Laag"
    assert rows["'s-Molenwaard"]["Vrouwelijke genitale verminking"] == "niet gekozen"
    assert rows["'s-Molenwaard"]["Regie"] == "Veilig Thuis"
    dijkmond = rows["Dijkmond"]
    assert [dijkmond[s] for s in header[5:8]] == ["geen lokale partner"] * 3
    assert "3 gaten in de keten" in dijkmond["Aandachtspunten"]
    assert "Sociaal wijkteam Brugstad" in rows["Brugstad"]["Signaleren en melden"]
    problems = list(workbook["Problemen"].iter_rows(min_row=2, values_only=True))
    places = {p[1] for p in problems}
    assert "gemeenten/brugstad.yaml:70" in places  # the wijkteam's 0123 number
    assert any(p[0] == "regio Oeverland" and p[1].startswith("regio.yaml:") for p in problems)
    # The terminal's summary counts what the Problemen sheet lists, and points there.
    kinds = [p[2] for p in problems]
    assert _tally(proc.stdout) == (kinds.count("fout"), kinds.count("waarschuwing"))
    assert kinds.count("waarschuwing") > 5 and "zie het blad Problemen in het overzicht" in proc.stdout


def test_overview_lists_what_still_needs_checking(built) -> None:  # type: ignore[no-untyped-def]
    out, _ = built
    sheet = load_workbook(out / OVERVIEW)["Controles"]
    assert sheet["A1"].value.startswith("Nog na te kijken op ")
    header = [c.value for c in sheet[2]]
    assert header == ["Contact", "Soort", "Nummer", "Waarom", "Vergelijk met", "Staat in de routekaart van", "Vastleggen in"]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=3, values_only=True)}
    # A national number nobody compared with its own page, once for the whole region, with the page.
    police = rows["Politie"]
    assert police["Soort"] == "landelijk" and police["Nummer"] == "112 en 0900-8844"
    assert police["Waarom"] == "nog niet nagekeken"
    assert police["Vergelijk met"].startswith("https://www.politie.nl/")
    assert police["Staat in de routekaart van"] == ", ".join(NAMES)
    assert police["Vastleggen in"].startswith("controles (organisatie, nummer, datum, door, pagina)")
    # Contacts checked within the year are not listed.
    assert "Veilig Thuis Oeverland" not in rows


def test_manifest_lists_every_output_and_input_with_hashes(built) -> None:  # type: ignore[no-untyped-def]
    out, _ = built
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    files = listed(out)
    assert set(files) == visible_files(out) - {"manifest.json"}
    for name, entry in files.items():
        content = (out / name).read_bytes()
        assert entry == {"sha256": hashlib.sha256(content).hexdigest(), "grootte": len(content)}
    for slug in SLUGS:
        for rel, sha in data["gemeenten"][slug]["invoer"].items():
            assert hashlib.sha256((FIXTURE_REGION / rel).read_bytes()).hexdigest() == sha
    assert "logo-brugstad.png" in data["gemeenten"]["brugstad"]["invoer"]
    assert data["toolkit"]["formaten"] == "docx,odt,pdf,html,kaarten"
    assert (out / "manifest.json").read_text(encoding="utf-8") == json.dumps(
        data, ensure_ascii=False, indent=2, sort_keys=True
    ) + "\n"


def test_rerun_without_changes_skips_all_and_changes_no_file(built) -> None:  # type: ignore[no-untyped-def]
    out, _ = built
    before = mtimes(out)
    proc = batch(REGION, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert "0 gemeenten gemaakt, 4 overgeslagen (ongewijzigd), 0 mislukt" in proc.stdout
    assert "bijgewerkt" not in proc.stdout
    # Skipped municipalities still count: their warnings stand in the overview as before.
    assert _tally(proc.stdout) == _tally(built[1].stdout)
    assert mtimes(out) == before


def test_force_rebuilds_with_identical_bytes(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "uit"
    shutil.copytree(built[0], out)
    before = {p: (out / p).read_bytes() for p in visible_files(out)}
    times = mtimes(out)
    proc = batch(REGION, "-o", out, "--force", "--alleen", "Dijkmond")
    assert proc.returncode == 0, proc.stderr
    assert "1 gemeente gemaakt, 0 overgeslagen" in proc.stdout
    pdf = out / "dijkmond" / "routekaart-dijkmond.pdf"
    assert pdf.stat().st_mtime_ns != times[str(pdf)]
    assert {p: (out / p).read_bytes() for p in visible_files(out)} == before


def test_interrupted_run_then_rerun_gives_the_same_outputs_and_manifest(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    reference, _ = built
    out = tmp_path / "uit"
    run = start_batch(REGION, "-o", out, "--jobs", "2")
    try:
        deadline = time.monotonic() + TIMEOUT
        while not list(out.glob("*.zip")):
            assert run.poll() is None, "de batch was al klaar of gestopt voordat hij kon worden onderbroken"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        # While it runs, the folder is locked for a second batch.
        second = batch(REGION, "-o", out)
        assert second.returncode == 1
        assert "in gebruik door een andere run van assembler (batch of build) die nog loopt" in second.stderr
        run.send_signal(signal.SIGTERM)
        _, stderr = run.communicate(timeout=120)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode != 0
    assert "Batch gestopt" in stderr and "Afgebroken" in stderr
    assert not list(out.rglob(".assembler-tmp-*"))
    assert not (out / "manifest.json").exists()

    rerun = batch(REGION, "-o", out)
    assert rerun.returncode == 0, rerun.stderr
    assert "0 mislukt" in rerun.stdout and "0 overgeslagen" not in rerun.stdout
    assert (out / "manifest.json").read_bytes() == (reference / "manifest.json").read_bytes()
    # Two independent builds give the same bytes: documents, PDFs, cards, zips, the spreadsheet.
    assert visible_files(out) == visible_files(reference)
    for name in visible_files(reference):
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name


def test_one_broken_municipality_fails_alone(tmp_path: Path) -> None:
    region = tmp_path / "regio-oeverland"
    shutil.copytree(FIXTURE_REGION, region)
    profile = region / "gemeenten" / "dijkmond.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace(
            "vastgesteld_op: 2026-11-01", "vastgesteld_op: 2026-13-01"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "uit"
    proc = batch(region / "regio.yaml", "-o", out)
    assert proc.returncode == 1
    assert "3 gemeenten gemaakt, 0 overgeslagen (ongewijzigd), 1 mislukt" in proc.stdout
    assert "Dijkmond (gemeenten/dijkmond.yaml): gemeenten/dijkmond.yaml:9" in proc.stdout
    assert "vastgesteld_op" in proc.stdout
    assert _tally(proc.stdout)[0] == 1
    for slug in ("brugstad", "s-molenwaard", "waldterp"):
        assert (out / slug / f"routekaart-{slug}.pdf").is_file() and (out / f"{slug}.zip").is_file()
    assert not (out / "dijkmond").exists()
    rows = list(load_workbook(out / OVERVIEW)["Overzicht"].iter_rows(min_row=3, values_only=True))
    failed = next(r for r in rows if r[0] == "Dijkmond")
    assert failed[-1].startswith("mislukt: gemeenten/dijkmond.yaml:9")
    document = docx.Document(str(out / DOCUMENT))
    assert "Niet opgenomen" in [p.text for p in document.paragraphs]


def test_alleen_builds_just_the_named_municipality(tmp_path: Path) -> None:
    out = tmp_path / "uit"
    proc = batch(REGION, "-o", out, "--alleen", "wâldterp")
    assert proc.returncode == 0, proc.stderr
    assert "1 gemeente gemaakt" in proc.stdout
    assert {n.split("/")[0] for n in visible_files(out)} == {"waldterp", "waldterp.zip", "manifest.json"}
    assert not (out / OVERVIEW).exists()
    assert "Regiodocument en overzicht niet bijgewerkt" in proc.stdout
    unknown = batch(REGION, "-o", out, "--alleen", "Atlantis")
    assert unknown.returncode == 1 and "onbekende gemeente bij --alleen: Atlantis" in unknown.stderr


def test_regional_document_asks_word_to_refresh_its_contents(built) -> None:  # type: ignore[no-untyped-def]
    out, _ = built
    data = (out / DOCUMENT).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        settings = archive.read("word/settings.xml").decode("utf-8")
    assert 'w:updateFields w:val="true"' in settings
