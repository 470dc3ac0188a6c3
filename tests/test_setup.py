"""The README's two set-up commands, read from the README and run from a fresh clone, as .ci/run does.

A fresh clone of the committed HEAD, no ../shared beside it, no PIP_BREAK_SYSTEM_PACKAGES: the
first command must make its own virtual environment, install the toolkit into it from the
package index and build the example region; the second must install the test tools and run
the tests. The tests it runs are narrowed through PYTEST_ADDOPTS (as .ci/run narrows its short
run), leaving the commands themselves as the README writes them.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests import tools
from tests.conftest import ROOT
from tests.readme import setup_commands

# What pip and npm print when the package index cannot be reached.
_OFFLINE = (
    "No matching distribution found",
    "Could not find a version that satisfies",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "ENOTFOUND",
    "EAI_AGAIN",
)
# The inner run: the command-line tests, which need no LibreOffice or browser.
INNER_TESTS = "-p no:cacheprovider -m 'not slow' tests/test_cli_dutch.py"


def _env() -> dict[str, str]:
    # Nothing of the running environment may leak in: no venv, no path back to this checkout,
    # no permission to install into the system Python, no contract.
    drop = (
        "PYTHONPATH",
        "PYTHONHOME",
        "VIRTUAL_ENV",
        "PIP_BREAK_SYSTEM_PACKAGES",
        "ASSEMBLER_CONTRACT",
        "PYTEST_ADDOPTS",
    )
    env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith("PYTEST_XDIST")}
    # A venv's bin folder first on PATH would make `python3` that venv's interpreter.
    running = Path(os.environ["VIRTUAL_ENV"]) / "bin" if "VIRTUAL_ENV" in os.environ else None
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if running is None or Path(p) != running
    )
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _bash(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=1800, check=False
    )


def _must_pass(done: subprocess.CompletedProcess[str], what: str) -> str:
    output = done.stdout + done.stderr
    if done.returncode != 0 and any(m in output for m in _OFFLINE) and not tools.in_ci():
        pytest.skip(f"{tools.NO_INDEX} ({what})")
    assert done.returncode == 0, f"{what}:\n{output[-6000:]}"
    return output


@pytest.mark.slow
@pytest.mark.clone  # a fresh clone and venv are exactly what this test is about
def test_the_readme_setup_works_from_a_fresh_clone(tmp_path: Path) -> None:
    install, test = setup_commands()
    tools.npm()
    clone = tmp_path / "assembler"
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True)
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(clone)], check=True)
    subprocess.run(
        ["git", "-C", str(clone), "checkout", "--quiet", "--detach", head.stdout.strip()], check=True
    )
    assert not (clone.parent / "shared").exists()
    assert not (clone / ".venv").exists()
    env = _env()

    built = _must_pass(_bash(install, clone, env), "eerste opdracht")
    assert "Regio Lindeland: 3 gemeenten gemaakt, 0 overgeslagen (ongewijzigd), 0 mislukt" in built
    for name in ("kreekmonde", "wilgendaal", "ter-linde"):
        assert (clone / "output" / name / f"routekaart-{name}.pdf").is_file(), name
    assert (clone / "output" / "regio-lindeland" / "routekaart-regio-lindeland.pdf").is_file()
    # The venv holds a real copy of the toolkit, templates and content inside it, not a link to the clone.
    python = clone / ".venv" / "bin" / "python"
    where = subprocess.run(
        [python, "-c", "import assembler, pathlib; print(pathlib.Path(assembler.__file__).parent)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    package = Path(where.stdout.strip())
    assert package.is_relative_to(clone / ".venv"), package
    assert (package / "_templates" / "routekaart.docx").is_file()

    env["PYTEST_ADDOPTS"] = INNER_TESTS
    tested = _must_pass(_bash(test, clone, env), "tweede opdracht")
    assert " passed" in tested and " failed" not in tested and " skipped" not in tested, tested[-2000:]
    assert (clone / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js").is_file()
    # The set-up leaves the clone as it found it: everything it makes is ignored by git.
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True, check=True
    )
    assert status.stdout == ""
