"""A real, non-editable `pip install .` into a fresh venv works from another folder, templates included."""

from __future__ import annotations

import importlib.util
import os
import site
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


def _running_site_dirs() -> list[str]:
    """The running environment's package folders: a system Python's or a user's venv alike.

    A venv inside the checkout (the README's .venv) counts too: its folder is on the list, and
    a folder named in a .pth file is only added to the path, its own .pth files (an editable
    install's pointer back to the checkout) are not read.
    """
    dirs = [*site.getsitepackages()]
    if site.ENABLE_USER_SITE:
        dirs.append(site.getusersitepackages())
    return [d for d in dict.fromkeys(dirs) if Path(d).is_dir()]


def _build_wheel(tmp_path: Path) -> Path:
    """A real wheel of the checkout, built the way pip builds one for a user."""
    dist = tmp_path / "dist"
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-input", "-w", dist, ROOT]
    built = _run(build, cwd=tmp_path)
    if built.returncode != 0 and any(m in built.stdout + built.stderr for m in _OFFLINE):
        if importlib.util.find_spec("hatchling") is None:
            pytest.fail("no package index for the build backend and no hatchling here:\n" + built.stderr)
        built = _run([*build, "--no-build-isolation"], cwd=tmp_path)
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = dist.glob("*.whl")
    return wheel


@pytest.mark.slow
@pytest.mark.clone  # what a user's venv changes is exactly what this test checks
def test_installed_package_validates_the_fixture_region_from_another_folder(tmp_path: Path) -> None:
    """Install the project as a user would and run the installed command elsewhere.

    The wheel goes through a real build in pip's isolated build environment (or, with no
    package index, a build with the backend already here) and is installed as a regular
    package into a fresh venv made from the running interpreter. The dependencies are not
    downloaded again: a .pth file lets the venv see the running environment's package
    folders, whether that is a system Python (as in CI) or a user's own venv, where
    --system-site-packages would only reach the base interpreter's packages.
    """
    wheel = _build_wheel(tmp_path)
    venv = tmp_path / "venv"
    work = tmp_path / "elders"
    work.mkdir()
    made = _run([sys.executable, "-m", "venv", venv], cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    found = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=work)
    own = Path(found.stdout.strip())
    # Appended after the venv's own folder, so the venv's copy of assembler always wins.
    (own / "running-environment.pth").write_text("\n".join(_running_site_dirs()) + "\n", encoding="utf-8")

    # --force-reinstall: a copy of assembler in the running environment must not count as installed here.
    install = [
        python,
        "-m",
        "pip",
        "install",
        "--no-index",
        "--no-deps",
        "--force-reinstall",
        "--no-input",
        wheel,
    ]
    installed = _run(install, cwd=work)
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
    # The layouts of every document, the regional PDF's template and stylesheet among them.
    for layout in ("routekaart-regio.docx", "html/regio.html.j2", "html/regio.css", "html/print.css"):
        assert (package / "_templates" / layout).is_file(), layout
    assert (package / "profile" / "schemadoc.py").is_file()

    assembler = venv / "bin" / "assembler"
    validated = _run([assembler, "validate", FIXTURE_REGION / "regio.yaml"], cwd=work)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "Geldig: 5 bestanden gecontroleerd, 0 fouten" in validated.stdout

    reference = _run([assembler, "schema", "--markdown"], cwd=work)
    assert reference.returncode == 0
    assert reference.stdout == (ROOT / "docs" / "profiel.md").read_text(encoding="utf-8")

    started = _run([assembler, "init", "Wilgendaal"], cwd=work)
    assert started.returncode == 0, started.stderr
    assert _run([assembler, "validate", work / "wilgendaal.yaml"], cwd=work).returncode == 0
