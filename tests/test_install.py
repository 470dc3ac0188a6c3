"""A real, non-editable `pip install .` into a fresh venv works from another folder, templates included."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_REGION, ROOT

# Messages pip prints when the isolated build environment cannot fetch the build backend.
_OFFLINE = ("No matching distribution found for hatchling", "Could not find a version that satisfies")


def _env() -> dict[str, str]:
    # Nothing may point the venv back at the checkout: the installed copy must stand alone.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(args: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=_env(), capture_output=True, text=True, timeout=900, check=False
    )


@pytest.mark.slow
def test_installed_package_validates_the_contract_from_another_folder(tmp_path: Path) -> None:
    """Install the project as a user would and run the installed command elsewhere.

    The venv is created with --system-site-packages and the project installed with
    --no-deps: the dependencies (weasyprint, docxtpl, ...) come from the system, where
    CI has installed them, so the test does not download the whole dependency tree
    again, yet the project itself goes through a real wheel build in pip's isolated
    build environment and is installed as a regular, non-editable package. Only when
    that isolated environment cannot fetch the build backend (no index reachable) do
    we fall back to --no-build-isolation with a backend already on the machine.
    """
    venv = tmp_path / "venv"
    work = tmp_path / "elders"
    work.mkdir()
    made = _run([sys.executable, "-m", "venv", "--system-site-packages", venv], cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"

    install = [python, "-m", "pip", "install", "--no-deps", "--no-input", ROOT]
    installed = _run(install, cwd=work)
    if installed.returncode != 0 and any(m in installed.stdout + installed.stderr for m in _OFFLINE):
        if importlib.util.find_spec("hatchling") is None:
            pytest.fail("no package index for the build backend and no hatchling here:\n" + installed.stderr)
        installed = _run([*install, "--no-build-isolation"], cwd=work)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    # The venv's own copy is imported, not the checkout or an editable install.
    where = _run(
        [python, "-c", "import assembler, pathlib; print(pathlib.Path(assembler.__file__).parent)"], cwd=work
    )
    package = Path(where.stdout.strip())
    assert package.is_relative_to(venv), package
    assert not (package / "__init__.py").is_symlink()

    # Templates and national content travel inside the wheel.
    shipped = {p.name for p in (package / "_templates" / "content").glob("*.yaml")}
    assert shipped == {p.name for p in (ROOT / "templates" / "content").glob("*.yaml")}
    assert shipped, "no content files in the installed package"
    assert (package / "_templates" / "fonts" / "NotoSans-Regular.ttf").is_file()
    assert (package / "profile" / "schemadoc.py").is_file()

    assembler = venv / "bin" / "assembler"
    validated = _run([assembler, "validate", FIXTURE_REGION / "regio.yaml"], cwd=work)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "Geldig: 1 bestand gecontroleerd, 0 fouten" in validated.stdout

    reference = _run([assembler, "schema", "--markdown"], cwd=work)
    assert reference.returncode == 0
    assert reference.stdout == (ROOT / "docs" / "profiel.md").read_text(encoding="utf-8")

    started = _run([assembler, "init", "Wilgendaal"], cwd=work)
    assert started.returncode == 0, started.stderr
    assert _run([assembler, "validate", work / "wilgendaal.yaml"], cwd=work).returncode == 0
