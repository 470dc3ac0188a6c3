"""Places in messages and records stay the same however a region's files are reached, links included."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from assembler.batch.run import run_batch
from assembler.profile.reading import load_region
from tests.conftest import FIXTURE_REGION, Invoke

TODAY = dt.date(2026, 11, 20)
NAMES = ("brugstad", "dijkmond", "s-molenwaard", "waldterp")


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp/echt/regio-oeverland, reachable as tmp/link; its municipality files are links to tmp/elders."""
    real = tmp_path / "echt" / "regio-oeverland"
    shutil.copytree(FIXTURE_REGION, real)
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    for name in NAMES:
        source = real / "gemeenten" / f"{name}.yaml"
        shutil.move(source, elsewhere / source.name)
        source.symlink_to(elsewhere / source.name)
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _places(output: str) -> list[str]:
    return [line.split(":", 1)[0] for line in output.splitlines() if ": waarschuwing:" in line]


@pytest.mark.parametrize("given", ["echt/regio-oeverland", "link"])
def test_validate_names_each_file_as_the_region_file_lists_it(tree: Path, run: Invoke, given: str) -> None:
    result = run("validate", f"{given}/regio.yaml")
    assert result.exit_code == 0, result.output
    places = set(_places(result.output))
    assert places == {f"{given}/regio.yaml", *(f"{given}/gemeenten/{n}.yaml" for n in NAMES)}
    assert f"{given}/gemeenten/brugstad.yaml:19:15: waarschuwing" in result.output
    assert "elders" not in result.output and ".." not in result.output


def test_a_region_given_with_an_absolute_path_keeps_it(tree: Path, run: Invoke) -> None:
    result = run("validate", tree / "link" / "regio.yaml")
    assert f"{tree / 'link' / 'gemeenten' / 'waldterp.yaml'}:" in result.output
    assert "elders" not in result.output and "echt" not in result.output


def test_a_municipality_outside_the_region_folder_is_named_as_the_user_wrote_it(
    tree: Path, run: Invoke
) -> None:
    region = tree / "link" / "regio.yaml"
    text = region.read_text(encoding="utf-8").replace("gemeenten/waldterp.yaml", "../../elders/waldterp.yaml")
    region.write_text(text.replace("regio: ../regio.yaml", "regio: ../link/regio.yaml"), encoding="utf-8")
    result = run("validate", "link/regio.yaml")
    # The entry as written, after the folder as given: a path that opens the same file in a shell.
    assert "link/../../elders/waldterp.yaml:29:15: waarschuwing" in result.output
    assert "link/gemeenten/brugstad.yaml:19:15: waarschuwing" in result.output


def test_region_lists_its_municipalities_under_the_folder_it_was_reached_by(tree: Path) -> None:
    region = load_region(tree / "link" / "regio.yaml", display="regio.yaml", today=TODAY)
    base = tree / "link"
    assert [os.path.relpath(m, base) for m in region.municipalities] == [f"gemeenten/{n}.yaml" for n in NAMES]


@pytest.mark.parametrize("given", ["echt/regio-oeverland", "link"])
def test_batch_records_inputs_relative_to_the_region_file(tree: Path, given: str) -> None:
    out = tree / "uit"
    result = run_batch(
        f"{given}/regio.yaml", out, jobs=1, echo=lambda _: None, today=TODAY, formats=("html",)
    )
    assert result.ok, result.summary()
    records = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["gemeenten"]
    assert set(records["brugstad"]["invoer"]) == {
        "gemeenten/brugstad.yaml",
        "regio.yaml",
        "logo-brugstad.png",
    }
    assert set(records["waldterp"]["invoer"]) == {"gemeenten/waldterp.yaml", "regio.yaml"}
