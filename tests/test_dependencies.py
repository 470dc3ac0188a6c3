"""Every third-party module the package imports is declared, and every declared dependency is used."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.conftest import ROOT


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_name(r) for r in project["dependencies"]}


def _imported() -> set[str]:
    modules: set[str] = set()
    for path in (ROOT / "assembler").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return {m for m in modules if m not in sys.stdlib_module_names and m != "assembler"}


def _distributions(modules: set[str]) -> dict[str, set[str]]:
    known = packages_distributions()
    return {m: {d.lower().replace("_", "-") for d in known.get(m, [])} for m in modules}


def test_every_imported_module_is_declared() -> None:
    declared = _declared()
    missing = {m: dists for m, dists in _distributions(_imported()).items() if not dists & declared}
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_every_declared_dependency_is_imported() -> None:
    used = set().union(*_distributions(_imported()).values())
    unused = _declared() - used - {"brotli"}
    assert not unused, f"declared in pyproject.toml but not imported by the package: {sorted(unused)}"


def test_woff2_fonts_can_be_written() -> None:
    # webfonts.py writes WOFF2, which fontTools does only with brotli (the [woff] extra).
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(r.replace(" ", "").startswith("fonttools[woff]") for r in project["dependencies"])
