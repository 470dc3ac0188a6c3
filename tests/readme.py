"""The README's set-up, read from its own text: the system packages and the two commands."""

from __future__ import annotations

import re

from tests.conftest import ROOT

SETUP_HEADING = "## Set-up on a fresh machine"


def setup_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index(SETUP_HEADING)
    return readme[start : readme.index("\n## ", start + len(SETUP_HEADING))]


def _shell_lines() -> list[str]:
    blocks = re.findall(r"^```sh\n(.*?)^```", setup_section(), re.MULTILINE | re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def apt_packages() -> list[str]:
    """Every package the set-up's `sudo apt-get install` lines name."""
    packages = []
    for line in _shell_lines():
        if line.startswith("sudo apt-get install "):
            packages += [word for word in line.split()[3:] if not word.startswith("-")]
    return packages


def setup_commands() -> tuple[str, str]:
    """The two commands a user types in the checkout: set up and build the example, then test."""
    commands = [line for line in _shell_lines() if not line.startswith("sudo ")]
    assert len(commands) == 2, commands
    return commands[0], commands[1]
