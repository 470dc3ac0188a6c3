"""No silent skips: every skip in the suite says in Dutch why, through tests/tools.py or the contract's reason.

With the README's prerequisites installed the test command skips nothing but the contract
checks; a missing tool names the command that installs it, and under CI it fails instead.
"""

from __future__ import annotations

import ast
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests import tools
from tests.conftest import CONTRACT_MISSING, ROOT, pytest_runtest_makereport

# The reasons a test may skip with: names from tests/tools.py and tests/conftest.py.
ALLOWED = {"CONTRACT_MISSING", "NO_SECOND_CORE", "NO_INDEX", "missing_reason"}
SKIPS = {"skip", "skipif", "importorskip", "xfail"}


def _skip_calls(path: Path) -> list[tuple[int, ast.Call]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in SKIPS:
                found.append((node.lineno, node))
    return found


def _reason(call: ast.Call) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "reason":
            return keyword.value
    name = call.func.attr if isinstance(call.func, ast.Attribute) else ""
    return call.args[0] if name == "skip" and call.args else None


def test_every_skip_gives_one_of_the_known_dutch_reasons() -> None:
    wrong = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path.name in ("tools.py", "test_skips.py"):
            continue
        for line, call in _skip_calls(path):
            reason = _reason(call)
            names = {
                n.id if isinstance(n, ast.Name) else n.attr
                for n in (ast.walk(reason) if reason is not None else ())
                if isinstance(n, ast.Name | ast.Attribute)
            }
            if not names & ALLOWED:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {ast.unparse(call)[:100]}")
    assert not wrong, "skip zonder een reden uit tests/tools.py of CONTRACT_MISSING:\n" + "\n".join(wrong)


@pytest.mark.parametrize("tool", sorted(tools.INSTALL))
def test_a_missing_tool_names_the_command_that_installs_it(tool: str) -> None:
    reason = tools.missing_reason(tool)
    assert reason.startswith(f"{tool} ontbreekt; installeer met: ")
    command = reason.split(": ", 1)[1]
    assert command.startswith(("sudo apt-get install ", "npm install --prefix tests/browser"))


def test_the_reasons_are_dutch() -> None:
    for reason in (
        CONTRACT_MISSING,
        tools.NO_SECOND_CORE,
        tools.NO_INDEX,
        *map(tools.missing_reason, tools.INSTALL),
    ):
        assert any(word in reason for word in ("ontbreekt", "werkt alleen", "niet bereikbaar")), reason


def _reported(reason: str) -> SimpleNamespace:
    """A skip report as pytest makes one, run through the hook in tests/conftest.py."""
    report = SimpleNamespace(skipped=True, outcome="skipped", longrepr=("test_x.py", 3, f"Skipped: {reason}"))
    steps = pytest_runtest_makereport(None, None)  # type: ignore[arg-type]
    next(steps)
    try:
        steps.send(report)
    except StopIteration as done:
        return done.value
    raise AssertionError("the hook yields once")


def test_ci_fails_a_skip_for_a_missing_tool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert _reported(tools.missing_reason("axe-core")).outcome == "failed"
    # The contract is absent from every user's clone, CI's short run included: still a skip.
    assert _reported(CONTRACT_MISSING).outcome == "skipped"
    monkeypatch.setenv("CI", "false")
    assert _reported(tools.missing_reason("axe-core")).outcome == "skipped"
