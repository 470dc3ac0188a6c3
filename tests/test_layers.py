"""The flow runs one way: profile -> model -> builders -> pipeline -> batch -> cli, with no cycles.

Only builders import docxtpl, weasyprint or odfdo, so `validate` never loads a renderer.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "assembler"
# The modules directly under assembler/ (but the CLI) are shared helpers every stage may use.
STAGE_PACKAGES = {"profile", "model", "builders", "pipeline", "batch"}
STAGES = ["base", "profile", "model", "builders", "pipeline", "batch", "cli"]
RENDERERS = ("docxtpl", "weasyprint", "odfdo")


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _stage(module: str) -> str:
    first = module.split(".")[1] if "." in module else "assembler"
    if first == "cli":
        return "cli"
    return first if first in STAGE_PACKAGES else "base"


def _imports(path: Path, at_import_time: bool = False) -> Iterator[tuple[str, int]]:
    """Every module an import statement names: anywhere in the file, or only those run on import."""
    package = _module(path) if path.name == "__init__.py" else _module(path).rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body if at_import_time else ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            submodules = [
                f"{base}.{alias.name}"
                for alias in node.names
                if (PACKAGE.parent / Path(*f"{base}.{alias.name}".split("."))).with_suffix(".py").exists()
            ]
            # `from assembler.profile import loader` names the module assembler.profile.loader
            yield from ((m, node.lineno) for m in submodules) if submodules else [(base, node.lineno)]


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module(p))
def test_imports_run_one_way(path: Path) -> None:
    here = _module(path)
    level = STAGES.index(_stage(here))
    wrong = []
    for target, line in _imports(path):
        if target.split(".")[0] in RENDERERS and _stage(here) != "builders":
            wrong.append(f"{path.name}:{line}: {target} outside the builders")
        if target.startswith("assembler.") and STAGES.index(_stage(target)) > level:
            wrong.append(f"{path.name}:{line}: {here} ({_stage(here)}) imports {target} ({_stage(target)})")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles() -> None:
    graph: dict[str, set[str]] = {}
    names = {_module(p) for p in MODULES}
    for path in MODULES:
        graph[_module(path)] = {t for t, _ in _imports(path, at_import_time=True) if t in names and t != _module(path)}
    seen: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        seen[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if seen.get(nxt) == 1:
                raise AssertionError("cycle: " + " -> ".join([*stack[stack.index(nxt):], nxt]))
            if nxt not in seen:
                visit(nxt)
        stack.pop()
        seen[node] = 2

    for module in sorted(graph):
        if module not in seen:
            visit(module)


def test_every_folder_stays_small() -> None:
    for folder in [PACKAGE, *sorted(p for p in PACKAGE.rglob("*") if p.is_dir() and p.name != "__pycache__")]:
        modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
        assert len(modules) <= 12, f"{folder.relative_to(PACKAGE.parent)} holds {len(modules)} modules"
    for path in MODULES:
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 700, f"{_module(path)} has {lines} lines"
