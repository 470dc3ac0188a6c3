"""Generated docs stay in step with the schema; the starter profile validates; README, CI and licence agree."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assembler.cli import main
from assembler.profile.loader import load_document
from assembler.profile.schema import GEMEENTE, REGIO
from assembler.profile.schemadoc import schema_markdown, starter_profile
from tests.conftest import BASE_REGION, ROOT, Invoke
from tests.readme import apt_packages, setup_commands

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000185d114090000000049454e44ae426082"
)


def _fields(schema: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for name, rule in schema.items():
        yield prefix + name, rule
        if rule.get("type") == "dict":
            yield from _fields(rule["schema"], f"{prefix}{name}.")
        elif rule.get("type") == "list" and rule.get("schema", {}).get("type") == "dict":
            yield from _fields(rule["schema"]["schema"], f"{prefix}{name}[].")


# --- docs/profiel.md -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "document"), [("schema", "profiel.md"), ("sjabloon", "sjabloon.md")], ids=["profiel", "sjabloon"]
)
def test_committed_reference_matches_the_command(run: Invoke, command: str, document: str) -> None:
    # docs/profiel.md (the profile reference) and docs/sjabloon.md (the template names) are generated.
    result = run(command, "--markdown")
    assert result.exit_code == 0
    committed = (ROOT / "docs" / document).read_text(encoding="utf-8")
    assert committed == result.stdout, (
        f"docs/{document} is verouderd; maak het opnieuw met: assembler {command} --markdown > docs/{document}"
    )


@pytest.mark.parametrize(
    ("schema", "heading"), [(GEMEENTE, "## Gemeenteprofiel"), (REGIO, "## Regiobestand")]
)
def test_reference_names_every_field_with_description(schema: dict[str, Any], heading: str) -> None:
    text = schema_markdown()
    section = text[text.index(heading) :]
    for path, rule in _fields(schema):
        row = next((ln for ln in section.splitlines() if ln.startswith(f"| `{path}` |")), None)
        assert row is not None, path
        assert rule["meta"]["beschrijving"].split(".")[0] in row, path
        assert ("| ja |" in row) == bool(rule.get("required")), path
        for option in rule.get("allowed", []):
            assert f"`{option}`" in row, (path, option)


def test_every_field_has_a_description_and_every_value_an_example() -> None:
    for schema in (GEMEENTE, REGIO):
        for path, rule in _fields(schema):
            meta = rule.get("meta", {})
            assert meta.get("beschrijving"), path
            is_group = rule.get("type") == "dict" or (
                rule.get("type") == "list" and rule.get("schema", {}).get("type") == "dict"
            )
            assert is_group or "voorbeeld" in meta, path


# --- assembler nieuw ------------------------------------------------------------------


def test_init_writes_a_starter_profile_that_validates(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "gravenwaal.yaml"
    result = run("nieuw", "'s-Gravenwaal", "-o", target)
    assert result.exit_code == 0, result.output
    checked = run("controleer", target)
    assert checked.exit_code == 0, checked.output
    assert load_document(target).data["naam"] == "'s-Gravenwaal"


def test_init_defaults_to_a_slug_and_refuses_to_overwrite(
    run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("nieuw", "Súdermar Noord").exit_code == 0
    target = tmp_path / "sudermar-noord.yaml"
    assert target.is_file()
    target.write_text("eigen werk\n", encoding="utf-8")
    again = run("nieuw", "Súdermar Noord")
    assert again.exit_code == 1
    assert "bestaat al" in again.output
    assert target.read_text(encoding="utf-8") == "eigen werk\n"
    assert run("nieuw", "Súdermar Noord", "--overschrijven").exit_code == 0
    assert "naam: Súdermar Noord" in target.read_text(encoding="utf-8")


def test_every_field_of_the_starter_has_a_comment_above_it() -> None:
    lines = starter_profile("Testdam").splitlines()
    field_line = re.compile(r"^(\s*)(# )?(- )?([a-z_]+):(\s|$)")
    seen = set()
    for number, line in enumerate(lines):
        match = field_line.match(line)
        if not match:
            continue
        seen.add(match.group(4))
        above = lines[number - 1].strip()
        assert above.startswith("# ") and not field_line.match(lines[number - 1]), line
    names = {path.rsplit(".", 1)[-1].removesuffix("[]") for path, _ in _fields(GEMEENTE)}
    assert names <= seen, names - seen


def test_switched_off_fields_are_valid_when_switched_on(run: Invoke, tmp_path: Path) -> None:
    # Every '# veld: waarde' line sits at the right depth: removing '# ' gives a valid profile
    # once the files that regio, logo and sjabloon point to exist.
    # Groups switched off (with their fields) are switched on the same way, line by line.
    text = re.sub(
        r"^(\s*)# ((- )?[a-z_]+:( |$))", r"\1\2", starter_profile("Testdam"), flags=re.MULTILINE
    )
    assert "\nregio: " in text and "\n  inleiding: " in text and "    lokale_situatie: " in text
    folder = tmp_path / "gemeenten"
    folder.mkdir()
    (tmp_path / "regio.yaml").write_text(BASE_REGION, encoding="utf-8")
    (folder / "logo.png").write_bytes(PNG_1PX)
    (folder / "eigen-sjabloon.docx").write_bytes(b"PK\x03\x04")
    target = folder / "testdam.yaml"
    target.write_text(text, encoding="utf-8")
    result = run("controleer", target)
    assert result.exit_code == 0, result.output


def test_schema_command_without_flag_prints_the_same(run: Invoke) -> None:
    assert run("schema").stdout == schema_markdown()


# --- README, CI, licence -------------------------------------------------------------


def test_readme_has_exactly_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install, test = setup_commands()
    # The first makes a virtual environment, installs into it and builds the example region.
    assert install.startswith("python3 -m venv .venv && .venv/bin/pip install . && ")
    assert install.endswith(".venv/bin/assembler regio profiles/regio-voorbeeld/regio.yaml -o output")
    # The second installs the test extras and the browser test tools, then runs every test.
    assert test.startswith(".venv/bin/pip install '.[test]' && npm install --prefix tests/browser ")
    assert test.endswith(" && .venv/bin/python -m pytest -n auto")
    # Nothing installs into the system Python (PEP 668 refuses it on Debian and Ubuntu).
    assert "PIP_BREAK_SYSTEM_PACKAGES" not in readme and "--break-system-packages" not in readme
    assert {"python3-venv", "libpango-1.0-0", "npm", "chromium-driver", "libreoffice-writer-nogui"} <= set(apt_packages())
    assert "## Snel aan de slag" in readme
    # Every command by its Dutch name, with the earlier English name beside it.
    for command in main.commands:
        assert f"| `assembler {command}" in readme, command
    for english, dutch in main.english.items():
        # A cell may hold an escaped '\|' ("[REGIO\|PROFIEL]"); only a bare '|' ends it.
        cell = r"(?:[^|\\]|\\.)*"
        assert re.search(rf"^\| `assembler {dutch}{cell}\| `{english}` \|", readme, re.MULTILINE), english


def test_ci_runs_the_readme_setup_as_written() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in script
    lines = [ln.strip() for ln in script.splitlines() if not ln.lstrip().startswith("#")]
    for command in setup_commands():
        # The full run, and the short run from a fresh clone with no ../shared.
        assert sum(ln.startswith(command) for ln in lines) == 2, command
    assert "git clone" in script and "test ! -e ../shared" in script
    assert "export PIP_BREAK_SYSTEM_PACKAGES" not in script
    # It installs what the README lists (npm only where the machine lacks one).
    installed = " ".join(ln for ln in lines if "apt-get install" in ln or "packages=(" in ln or "+=(" in ln)
    for package in apt_packages():
        assert re.search(rf"(^|[ (]){re.escape(package)}([ )]|$)", installed), package
    assert (ROOT / ".ci" / "run").stat().st_mode & 0o111


def test_licence_is_the_full_eupl_1_2() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    for number, title in enumerate(
        [
            "Definitions",
            "Scope of the rights granted by the Licence",
            "Communication of the Source Code",
            "Limitations on copyright",
            "Obligations of the Licensee",
            "Chain of Authorship",
            "Disclaimer of Warranty",
            "Disclaimer of Liability",
            "Additional agreements",
            "Acceptance of the Licence",
            "Information to the public",
            "Termination of the Licence",
            "Miscellaneous",
            "Jurisdiction",
            "Applicable Law",
        ],
        start=1,
    ):
        assert f"\n{number}. {title}\n" in text, title
    assert "‘Compatible Licences’ according to Article 5 EUPL are:" in text
    assert text.rstrip().endswith("require the production of a new\nEUPL version.")
    assert len(text.split()) > 2200
