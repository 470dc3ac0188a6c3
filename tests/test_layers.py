"""The flow runs one way: profile -> model -> builders -> pipeline -> batch -> editor -> cli, with no cycles.

Only builders import docxtpl, weasyprint or odfdo, so `validate` never loads a renderer.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "assembler"
# The modules directly under assembler/ (but the CLI) are shared helpers every stage may use.
STAGE_PACKAGES = {"profile", "model", "builders", "pipeline", "batch", "editor"}
STAGES = ["base", "profile", "model", "builders", "pipeline", "batch", "editor", "cli"]
RENDERERS = ("docxtpl", "weasyprint", "odfdo")


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _stage(module: str) -> str:
    first = module.split(".")[1] if "." in module else "assembler"
    if first in ("cli", "__main__"):  # `python -m assembler` is the command line too
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
        # A package's __init__ and its `python -m` entry point are doors, not modules with a job.
        modules = [p for p in folder.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
        assert len(modules) <= 12, f"{folder.relative_to(PACKAGE.parent)} holds {len(modules)} modules"
    for path in MODULES:
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 700, f"{_module(path)} has {lines} lines"


BUILDERS = PACKAGE / "builders"
BUILDER_MODULES = sorted(BUILDERS.rglob("*.py"))
PROFILE_LOADING = ("assembler.profile.reading", "assembler.profile.loader", "assembler.profile.validation")


@pytest.mark.parametrize("path", BUILDER_MODULES, ids=lambda p: _module(p))
def test_builders_take_models_and_never_load_a_profile(path: Path) -> None:
    wrong = [
        f"{path.name}:{line}: {target}"
        for target, line in _imports(path)
        if target.startswith(PROFILE_LOADING) or target == "assembler.profile.reading"
    ]
    assert not wrong, "a builder is given its model; it does not read profiles:\n" + "\n".join(wrong)


# What a builder module may call while it is imported: constructors of constants and cheap
# values. Anything else (reading a file, loading the national content, laying something out)
# belongs in a function that runs when an output is made.
CHEAP_CALLS = {
    "dataclass",
    "field",
    "TypeVar",
    "re.compile",
    "tuple",
    "frozenset",
    "set",
    "dict",
    "range",
    "cache",
    "lru_cache",
    "qn",  # python-docx: a namespaced tag name
    "nsdecls",
    "PatternFill",  # openpyxl style values
    "Font",
    "Alignment",
}


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ast.unparse(node)


def _calls(node: ast.AST) -> Iterator[ast.Call]:
    """Calls made when node is evaluated: not those inside a lambda, which run later."""
    if isinstance(node, ast.Lambda):
        return
    if isinstance(node, ast.Call):
        yield node
    for child in ast.iter_child_nodes(node):
        yield from _calls(child)


def _import_time_calls(body: list[ast.stmt], classes: set[str]) -> Iterator[tuple[int, str]]:
    """Every call a module (or class) body makes when it runs, but calls of classes it defines."""
    for statement in body:
        if isinstance(statement, ast.Import | ast.ImportFrom):
            continue
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            parts: list[ast.AST] = [*statement.decorator_list]
            parts += [d for d in (*statement.args.defaults, *statement.args.kw_defaults) if d is not None]
        elif isinstance(statement, ast.ClassDef):
            classes.add(statement.name)
            parts = [*statement.decorator_list, *statement.bases]
            yield from _import_time_calls(statement.body, classes)
        elif isinstance(statement, ast.If):  # if TYPE_CHECKING:
            yield from _import_time_calls(statement.body + statement.orelse, classes)
            continue
        else:
            parts = [statement]
        for part in parts:
            for call in _calls(part):
                name = _dotted(call.func)
                if name not in CHEAP_CALLS and name not in classes:
                    yield call.lineno, name


@pytest.mark.parametrize("path", BUILDER_MODULES, ids=lambda p: _module(p))
def test_builders_do_no_work_at_import(path: Path) -> None:
    calls = list(_import_time_calls(ast.parse(path.read_text(encoding="utf-8")).body, set()))
    wrong = [f"{path.name}:{line}: {name}(...)" for line, name in calls]
    assert not wrong, "a builder module holds definitions and constants only:\n" + "\n".join(wrong)


def test_no_work_at_import_is_caught() -> None:
    """The check above fails on the kind of module it is there to refuse."""
    source = (
        "from assembler.national import national_content\n"
        "NUMBER = national_content().organisation('veilig-thuis').telefoon\n"
        "CSS = (FOLDER / 'x.css').read_text()\n"
        "@dataclass(frozen=True)\nclass Kept:\n    a: int = 1\n"
        "DEFAULT = Kept(2)\n"
        "LATER = lambda: open('x')\n"
    )
    names = [name for _, name in _import_time_calls(ast.parse(source).body, set())]
    assert names == ["national_content().organisation", "national_content", "FOLDER / 'x.css'.read_text"]


PROBE = """
import builtins, importlib, pathlib, sys
from assembler.resources import templates_dir

shipped = str(templates_dir())
builders, before = sys.argv[1].split(), sys.argv[2].split()
for name in before:  # what the builders build on may read what it needs when it is imported
    importlib.import_module(name)
read = []
def watch(original):
    def opened(file, *args, **kwargs):
        if str(file).startswith(shipped):
            read.append(str(file))
        return original(file, *args, **kwargs)
    return opened
builtins.open = watch(builtins.open)
pathlib.Path.open = watch(pathlib.Path.open)
for name in builders:
    importlib.import_module(name)
print("\\n".join(read))
"""


def test_importing_every_builder_reads_no_shipped_file() -> None:
    """What the static check promises, seen from a fresh interpreter: importing every builder
    module reads nothing of templates/ (no national content, no stylesheet, no font)."""
    import subprocess
    import sys

    builders = " ".join(_module(p) for p in BUILDER_MODULES)
    before = " ".join(_module(p) for p in MODULES if _stage(_module(p)) in ("base", "profile", "model"))
    done = subprocess.run(
        [sys.executable, "-c", PROBE, builders, before], capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"read while importing the builders:\n{done.stdout}"


# Outside the builders, only the registry and the contract are imported: every output is made
# through registry.make, so a new builder needs no import anywhere else. The template checker
# (`assembler controleer-sjabloon`) and the template listing (`assembler sjabloon`) are tools of
# their own, not outputs.
THROUGH_THE_REGISTRY = ("assembler.builders", "assembler.builders.registry", "assembler.builders.base")
OWN_TOOLS = {"assembler.builders.word.check", "assembler.builders.word.variables"}


@pytest.mark.parametrize("path", [p for p in MODULES if BUILDERS not in p.parents], ids=lambda p: _module(p))
def test_outputs_are_made_through_the_registry(path: Path) -> None:
    wrong = [
        f"{path.name}:{line}: {target}"
        for target, line in _imports(path)
        if target.startswith("assembler.builders") and target not in THROUGH_THE_REGISTRY + tuple(OWN_TOOLS)
    ]
    assert not wrong, "builders are picked from builders/registry.py, not imported:\n" + "\n".join(wrong)
