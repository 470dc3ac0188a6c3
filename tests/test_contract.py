"""The shared contract region (../shared/contract beside the checkout) validates and builds unchanged.

An extra check on machines that have that folder; a plain clone skips it with the reason.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.conftest import CONTRACT, Invoke, needs_contract
from tests.test_region_editions import check_region

pytestmark = needs_contract

REGION = CONTRACT / "regio.yaml"


def _municipalities() -> list[Path]:
    return sorted((CONTRACT / "gemeenten").glob("*.yaml"))


def test_contract_region_validates_with_warnings_only(run: Invoke) -> None:
    result = run("validate", REGION)
    assert result.exit_code == 0, result.output
    assert "Geldig: 5 bestanden gecontroleerd, 0 fouten" in result.output
    for municipality in _municipalities():
        assert run("validate", municipality).exit_code == 0, municipality.name


def test_contract_region_validates_as_json(run: Invoke) -> None:
    result = run("validate", "--json", REGION, *_municipalities())
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["geldig"] is True
    assert report["problemen"] and {p["ernst"] for p in report["problemen"]} == {"waarschuwing"}
    # Every file of the region is checked and named: the region file and each municipality.
    assert {Path(p["bestand"]).name for p in report["problemen"]} >= {m.name for m in _municipalities()}


@pytest.mark.slow
def test_contract_region_builds_every_municipality_in_every_format(tmp_path: Path) -> None:
    out = tmp_path / "uit"
    done = subprocess.run(
        [sys.executable, "-m", "assembler.cli", "batch", str(REGION), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    records = manifest["gemeenten"]
    assert len(records) == len(_municipalities())
    for slug, record in records.items():
        assert "mislukt" not in record, (slug, record)
        names = [Path(name) for name in record["uitvoer"]]
        assert {p.suffix for p in names} >= {".docx", ".pdf", ".html", ".zip"}, names
        for name in names:
            assert (out / name).stat().st_size > 0, name
        (word,) = [p for p in names if p.suffix == ".docx"]
        text = "\n".join(p.text for p in docx.Document(str(out / word)).paragraphs)
        assert "Veilig Thuis" in text and "{{" not in text and "{%" not in text
        for pdf in (p for p in names if p.suffix == ".pdf"):
            pages = PdfReader(str(out / pdf)).pages
            assert pages and "0800-2000" in "".join(page.extract_text() for page in pages), pdf
    assert manifest["regio"]["uitvoer"], "no regional outputs"
    # Every edition is a concept with its reasons, no national number is called unchecked, and
    # no document speaks the tool's language: read from this same build.
    check_region("contract", out)
