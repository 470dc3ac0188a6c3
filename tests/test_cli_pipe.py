"""A reader that stops early (`assembler check-content | head`) ends the command quietly, not as an internal error."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_a_closed_pipe_is_not_an_internal_error() -> None:
    done = subprocess.run(
        f"{sys.executable} -m assembler.cli check-content | head -1",
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.startswith("Landelijke inhoud")
    assert "Interne fout" not in done.stderr
    assert "Traceback" not in done.stderr
