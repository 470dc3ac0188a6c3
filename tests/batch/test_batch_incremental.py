"""Batch orchestration with a stand-in for the builders: what is skipped, rebuilt, refused or reported.

The stand-in loads and tailors each profile for real but writes one small text file
instead of rendering, so these tests run in seconds; tests/batch/test_batch.py builds for real.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from assembler.batch.manifest import STATE_DIR
from assembler.batch.run import BatchResult, run_batch
from assembler.errors import AssemblerError, BuildError, LockError
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.pipeline.municipality import BuildResult
from assembler.profile.reading import load_profile
from tests.conftest import FIXTURE_REGION, Invoke

TODAY = dt.date(2026, 11, 20)
ALL = ["Brugstad", "Dijkmond", "'s-Molenwaard", "Wâldterp"]


@pytest.fixture
def region(tmp_path: Path) -> Path:
    """A copy of the fixture region that a test may change."""
    target = tmp_path / "regio-oeverland"
    shutil.copytree(FIXTURE_REGION, target)
    return target / "regio.yaml"


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace rendering by one text file per municipality; returns the names built, in order."""
    names: list[str] = []

    def build(path, outdir, formats, template=None, region=None, today=None, display=None):  # type: ignore[no-untyped-def]
        profile = load_profile(path, display=display, region=region, today=today)
        model = tailor(profile, national_content())
        if model.gemeente == "Wâldterp" and os.environ.get("FAKE_CRASH"):
            raise RuntimeError("kapot in de bouwer")
        folder = outdir / model.slug
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"routekaart-{model.slug}.txt"
        target.write_text(f"{model.gemeente} versie {model.versie}\n", encoding="utf-8")
        names.append(model.gemeente)
        return BuildResult(profile=profile, model=model, folder=folder, files=[target])

    monkeypatch.setattr("assembler.batch.worker.build_profile", build)
    return names


def batch(region: Path, out: Path, **options: object) -> BatchResult:
    lines: list[str] = []
    options.setdefault("today", TODAY)
    return run_batch(region, out, jobs=1, echo=lines.append, **options)  # type: ignore[arg-type]


def snapshot(folder: Path) -> dict[str, int]:
    return {
        str(p.relative_to(folder)): p.stat().st_mtime_ns for p in sorted(folder.rglob("*")) if p.is_file()
    }


def manifest_of(out: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def test_first_run_builds_all_and_records_inputs_and_outputs(
    region: Path, tmp_path: Path, built: list[str]
) -> None:
    out = tmp_path / "uit"
    result = batch(region, out)
    assert result.ok and result.gemaakt == ALL and built == ALL
    assert "4 gemeenten gemaakt, 0 overgeslagen (ongewijzigd), 0 mislukt" in result.summary()
    data = manifest_of(out)
    brugstad = data["gemeenten"]["brugstad"]
    assert set(brugstad["invoer"]) == {"gemeenten/brugstad.yaml", "regio.yaml", "logo-brugstad.png"}
    assert set(brugstad["uitvoer"]) == {"brugstad/routekaart-brugstad.txt", "brugstad.zip"}
    assert data["regio"]["uitvoer"].keys() == {
        "regio-oeverland/routekaart-regio-oeverland.docx",
        "regio-oeverland/routekaart-regio-oeverland.pdf",
        "overzicht-oeverland.xlsx",
    }
    assert data["toolkit"]["versie"] and data["toolkit"]["landelijke_inhoud"] == national_content().digest


def test_unchanged_rerun_skips_all_and_touches_no_file(
    region: Path, tmp_path: Path, built: list[str]
) -> None:
    out = tmp_path / "uit"
    batch(region, out)
    before = snapshot(out)
    built.clear()
    result = batch(region, out)
    assert built == [] and result.overgeslagen == ALL and result.ok
    assert "0 gemeenten gemaakt, 4 overgeslagen (ongewijzigd)" in result.summary()
    assert "(bijgewerkt)" not in result.summary()
    assert snapshot(out) == before


def test_changed_profile_rebuilds_only_that_municipality(
    region: Path, tmp_path: Path, built: list[str]
) -> None:
    out = tmp_path / "uit"
    batch(region, out)
    document = out / "regio-oeverland" / "routekaart-regio-oeverland.docx"
    old_document = document.read_bytes()
    profile = region.parent / "gemeenten" / "waldterp.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace('"2026.1"', '"2026.3"'), encoding="utf-8")
    built.clear()
    result = batch(region, out)
    assert built == ["Wâldterp"] and len(result.overgeslagen) == 3
    assert document.read_bytes() != old_document  # the regional document shows the new version
    assert (out / "waldterp" / "routekaart-waldterp.txt").read_text(
        encoding="utf-8"
    ) == "Wâldterp versie 2026.3\n"


def test_region_file_logo_and_damaged_output_each_trigger_a_rebuild(
    region: Path, tmp_path: Path, built: list[str]
) -> None:
    out = tmp_path / "uit"
    batch(region, out)
    logo = region.parent / "logo-brugstad.png"
    logo.write_bytes(logo.read_bytes() + b"\0")
    built.clear()
    batch(region, out)
    assert built == ["Brugstad"]

    (out / "dijkmond" / "routekaart-dijkmond.txt").unlink()
    built.clear()
    batch(region, out)
    assert built == ["Dijkmond"]

    # Same size, other bytes: the new modification time makes the batch hash it and notice. It is
    # somebody's edit now, so the batch refuses to overwrite it instead of silently replacing it.
    archive = out / "waldterp.zip"
    original = archive.read_bytes()
    archive.write_bytes(original[::-1])
    built.clear()
    result = batch(region, out)
    assert built == ["Wâldterp"] and [f.naam for f in result.mislukt] == ["Wâldterp"]
    assert "met de hand gewijzigd" in result.mislukt[0].reden
    assert archive.read_bytes() == original[::-1]
    archive.unlink()
    built.clear()
    assert batch(region, out).ok and built == ["Wâldterp"] and archive.read_bytes() == original

    region.write_text(region.read_text(encoding="utf-8") + "# gewijzigd\n", encoding="utf-8")
    built.clear()
    batch(region, out)
    assert built == ALL


def test_a_deleted_regional_pdf_is_made_again_and_nothing_else_is_written(
    region: Path, tmp_path: Path, built: list[str]
) -> None:
    out = tmp_path / "uit"
    batch(region, out)
    pdf = out / "regio-oeverland" / "routekaart-regio-oeverland.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pdf.unlink()
    before = snapshot(out)
    built.clear()
    result = batch(region, out)
    assert built == [] and result.ok and pdf.read_bytes() == data
    summary = result.summary()
    assert f"Regiodocument (PDF): {pdf} (bijgewerkt)" in summary
    assert "Regiodocument (Word): " in summary and "routekaart-regio-oeverland.docx (ongewijzigd)" in summary
    # Only the PDF came back; the Word file, the overview and the manifest stand as they were
    # (the bookkeeping in the hidden files notes the new PDF).
    after = snapshot(out)
    kept = {k: v for k, v in before.items() if "/." not in f"/{k}"}
    assert {k: v for k, v in after.items() if k in kept} == kept
    assert set(after) - set(before) == {"regio-oeverland/routekaart-regio-oeverland.pdf"}


def test_a_regional_pdf_that_cannot_be_made_fails_the_run_and_keeps_the_previous_files(
    region: Path, tmp_path: Path, built: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import assembler.builders.region.pdf as region_pdf

    out = tmp_path / "uit"
    assert batch(region, out).ok
    folder = out / "regio-oeverland"
    before = {p.name: p.read_bytes() for p in folder.glob("routekaart-*")}
    profile = region.parent / "gemeenten" / "waldterp.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace('"2026.1"', '"2026.3"'), encoding="utf-8")
    render = region_pdf.render

    def refuse(*args: object) -> bytes:
        raise BuildError("PDF-regiodocument: tekst past niet in zijn kolom en zou over de rand lopen")

    monkeypatch.setattr(region_pdf, "render", refuse)
    built.clear()
    result = batch(region, out)
    assert built == ["Wâldterp"] and not result.ok
    assert (
        "Regiodocument en overzicht niet bijgewerkt: PDF-regiodocument: tekst past niet in zijn kolom"
        in result.summary()
    )
    # All or nothing: the Word file was not replaced by one the PDF does not match.
    assert {p.name: p.read_bytes() for p in folder.glob("routekaart-*")} == before
    assert manifest_of(out)["gemeenten"]["waldterp"]["invoer"]

    monkeypatch.setattr(region_pdf, "render", render)
    built.clear()
    again = batch(region, out)
    assert again.ok and built == []
    assert {p.name: p.read_bytes() for p in folder.glob("routekaart-*")} != before


def test_touched_but_unchanged_outputs_are_verified_once_and_kept(
    region: Path, tmp_path: Path, built: list[str]
) -> None:
    out = tmp_path / "uit"
    batch(region, out)
    for path in out.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    built.clear()
    assert batch(region, out).overgeslagen == ALL and built == []
    records = {p: p.read_bytes() for p in (out / STATE_DIR).glob("*.json")}
    assert batch(region, out).overgeslagen == ALL and built == []
    # The new times were recorded by the first rerun, so the second had nothing to re-hash or save.
    assert {p: p.read_bytes() for p in (out / STATE_DIR).glob("*.json")} == records


def test_force_rebuilds_everything_with_the_same_bytes(
    region: Path, tmp_path: Path, built: list[str]
) -> None:
    out = tmp_path / "uit"
    batch(region, out)
    manifest = (out / "manifest.json").read_bytes()
    built.clear()
    result = batch(region, out, force=True)
    assert built == ALL and result.overgeslagen == []
    assert (out / "manifest.json").read_bytes() == manifest


def test_unreadable_record_only_rebuilds_its_municipality(
    region: Path, tmp_path: Path, built: list[str]
) -> None:
    out = tmp_path / "uit"
    batch(region, out)
    record = next(p for p in (out / STATE_DIR).glob("*.json") if "dijkmond" in p.read_text(encoding="utf-8"))
    record.write_text("{kapot", encoding="utf-8")
    built.clear()
    batch(region, out)
    assert built == ["Dijkmond"]


def test_contact_check_going_stale_rebuilds_that_municipality(
    region: Path, tmp_path: Path, built: list[str]
) -> None:
    out = tmp_path / "uit"
    batch(region, out)
    built.clear()
    # Stichting Sleutelpersonen (Brugstad) was checked on 2026-05-20: stale after 2027-05-20.
    batch(region, out, today=dt.date(2027, 5, 21))
    assert built == ["Brugstad"]


def test_broken_profile_fails_alone_with_its_reason(region: Path, tmp_path: Path, built: list[str]) -> None:
    profile = region.parent / "gemeenten" / "dijkmond.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace(
            "vastgesteld_op: 2026-11-01", "vastgesteld_op: 2026-13-01"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "uit"
    result = batch(region, out)
    assert not result.ok and built == ["Brugstad", "'s-Molenwaard", "Wâldterp"]
    (failure,) = result.mislukt
    assert failure.naam == "Dijkmond" and failure.bestand == "gemeenten/dijkmond.yaml"
    assert "gemeenten/dijkmond.yaml:9" in failure.reden and "vastgesteld_op" in failure.reden
    assert "Dijkmond (gemeenten/dijkmond.yaml): gemeenten/dijkmond.yaml:9" in result.summary()
    assert manifest_of(out)["gemeenten"]["dijkmond"]["mislukt"] == failure.reden
    # Failures are tried again on the next run; the good ones are skipped.
    built.clear()
    again = batch(region, out)
    assert built == [] and len(again.overgeslagen) == 3 and len(again.mislukt) == 1


def test_fail_fast_stops_after_the_first_failure(region: Path, tmp_path: Path, built: list[str]) -> None:
    profile = region.parent / "gemeenten" / "dijkmond.yaml"
    profile.write_text("schema_versie: 1\nsoort: gemeente\nnaam: Dijkmond\n", encoding="utf-8")
    result = batch(region, tmp_path / "uit", fail_fast=True)
    assert built == ["Brugstad"] and [f.naam for f in result.mislukt] == ["Dijkmond"]
    assert result.niet_gestart == ["'s-Molenwaard", "Wâldterp"]
    assert "stopte na de eerste fout" in result.summary()
    assert result.regio_melding and "'s-Molenwaard" in result.regio_melding
    assert not (tmp_path / "uit" / "overzicht-oeverland.xlsx").exists()


def test_unexpected_exception_is_an_internal_error_and_the_rest_is_built(
    region: Path, tmp_path: Path, built: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_CRASH", "1")
    result = batch(region, tmp_path / "uit")
    assert built == ["Brugstad", "Dijkmond", "'s-Molenwaard"]
    (failure,) = result.mislukt
    assert failure.naam == "Wâldterp"
    assert failure.reden.startswith("interne fout (RuntimeError: kapot in de bouwer)")


def test_only_builds_the_named_municipalities(region: Path, tmp_path: Path, built: list[str]) -> None:
    out = tmp_path / "uit"
    result = batch(region, out, only=["'s-molenwaard", "WALDTERP"])
    assert built == ["'s-Molenwaard", "Wâldterp"] and result.ok
    assert not (out / "brugstad").exists()
    # The regional outputs need every municipality, so they wait for a full run.
    assert result.regio_melding and "Brugstad, Dijkmond" in result.regio_melding
    assert not (out / "overzicht-oeverland.xlsx").exists()
    with pytest.raises(
        AssemblerError, match="onbekende gemeente bij --alleen: Atlantis; deze regio heeft: Brugstad"
    ):
        batch(region, out, only=["Atlantis"])


def test_two_municipalities_with_one_name_do_not_share_a_folder(
    region: Path, tmp_path: Path, built: list[str]
) -> None:
    folder = region.parent / "gemeenten"
    twin = (folder / "dijkmond.yaml").read_text(encoding="utf-8")
    (folder / "dijkmond-2.yaml").write_text(twin, encoding="utf-8")
    region.write_text(
        region.read_text(encoding="utf-8").replace(
            "  - gemeenten/waldterp.yaml", "  - gemeenten/waldterp.yaml\n  - gemeenten/dijkmond-2.yaml"
        ),
        encoding="utf-8",
    )
    result = batch(region, tmp_path / "uit")
    (failure,) = result.mislukt
    assert failure.bestand == "gemeenten/dijkmond-2.yaml"
    assert "dezelfde map 'dijkmond/'" in failure.reden and "gemeenten/dijkmond.yaml" in failure.reden
    assert built == ALL


def test_a_leftover_temporary_file_is_removed(region: Path, tmp_path: Path, built: list[str]) -> None:
    out = tmp_path / "uit"
    (out / "brugstad").mkdir(parents=True)
    leftover = out / "brugstad" / ".assembler-tmp-abc.pdf"
    leftover.write_bytes(b"half")
    batch(region, out)
    assert not leftover.exists()


HOLDER = """
import sys, time
from pathlib import Path
from assembler.pipeline.output import folder_lock
with folder_lock(Path(sys.argv[1])):
    print("vast", flush=True)
    time.sleep(120)
"""


def test_a_second_run_is_refused_and_a_killed_holder_frees_the_folder(
    region: Path, tmp_path: Path, built: list[str]
) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "vast"
        with pytest.raises(
            LockError, match=r"in gebruik door een andere run van assembler \(batch of build\)"
        ):
            batch(region, out)
        assert built == []
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    # The lock file is still there, but the OS released the lock with the process.
    assert (out / ".assembler.lock").exists()
    assert batch(region, out).ok and built == ALL


def test_a_single_build_waits_for_no_one_and_refuses_a_folder_a_batch_holds(
    region: Path, tmp_path: Path, run: Invoke
) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    profile = region.parent / "gemeenten" / "brugstad.yaml"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "vast"
        result = run("build", profile, "--formaat", "html", "-o", out)
        assert result.exit_code == 1
        assert "in gebruik door een andere run van assembler (batch of build) die nog loopt" in result.output
        assert not (out / "brugstad").exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    result = run("build", profile, "--formaat", "html", "-o", out)
    assert result.exit_code == 0, result.output
    assert (out / "brugstad" / "routekaart-brugstad.html").exists()
