"""The outside tools some tests use, and the one way a test skips when one is missing.

A missing tool skips with a Dutch reason that names the command installing it (the README's
prerequisites); under CI (CI=true) tests/conftest.py turns such a skip into a failure, so a
check cannot vanish there. tests/test_skips.py holds every skip in the suite to this module.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[1]
_APT = "sudo apt-get install --no-install-recommends"
# What each tool is called in a message, and the command that installs it.
INSTALL = {
    "LibreOffice": f"{_APT} libreoffice-writer-nogui libreoffice-calc-nogui",
    "Chromium": f"{_APT} chromium chromium-driver (Ubuntu: chromium-browser chromium-chromedriver)",
    "npm": f"{_APT} npm",
    "axe-core": "npm install --prefix tests/browser --no-audit --no-fund",
}
# Every missing-tool reason says this; the CI hook in tests/conftest.py looks for it.
MISSING = "ontbreekt; installeer met:"
# The skips that are not a missing tool: forking for a second core; the set-up test offline.
NO_SECOND_CORE = "werkt alleen op Linux met twee of meer processorkernen"
NO_INDEX = "de pakketbron (PyPI of npm) is niet bereikbaar; de set-up uit de README heeft internet nodig"

AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"


def missing_reason(tool: str) -> str:
    return f"{tool} {MISSING} {INSTALL[tool]}"


def missing(tool: str) -> NoReturn:
    """Skip the running test for a missing tool (a failure under CI)."""
    pytest.skip(missing_reason(tool))


def soffice() -> str:
    """LibreOffice's command, or a skip naming how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        missing("LibreOffice")
    return found


HAS_SOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))
needs_libreoffice = pytest.mark.skipif(not HAS_SOFFICE, reason=missing_reason("LibreOffice"))


def chromium() -> tuple[str, str]:
    """(browser, driver): Debian's chromium and chromedriver, or Ubuntu's snap of both."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or shutil.which("chromium.chromedriver")
    if browser is None or driver is None:
        missing("Chromium")
    return browser, driver


def npm() -> str:
    found = shutil.which("npm")
    if found is None:
        missing("npm")
    return found


def axe_source() -> str:
    if not AXE.is_file():
        missing("axe-core")
    return AXE.read_text(encoding="utf-8")


def in_ci() -> bool:
    return os.environ.get("CI") == "true"
