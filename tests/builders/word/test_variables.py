"""`assembler sjabloon`: the default template written out, and every name a template may use, with its meaning."""

from __future__ import annotations

import dataclasses
import re
import zipfile
from pathlib import Path

from assembler.builders.word import variables
from assembler.builders.word.env import FILTERS, HELPERS, model_names
from assembler.model.routekaart import Routekaart
from tests.conftest import ROOT, Invoke

SHIPPED = ROOT / "templates" / "routekaart.docx"
_TAG = re.compile(r"\{[{%]-?(?:p|tr|tc|r)?\s(.*?)-?[}%]\}", re.DOTALL)
_FOR = re.compile(r"^for\s+(\w+)\s+in\s+([\w.]+)")
_DOTTED = re.compile(r"(?<![\w.'\"|])([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*)")
_JINJA = {
    "for",
    "in",
    "if",
    "elif",
    "else",
    "endif",
    "endfor",
    "not",
    "and",
    "or",
    "is",
    "none",
    "true",
    "false",
    "loop",
    "set",
    "defined",
    "r",
}


def _classes() -> dict[type, dict[str, object]]:
    """Every model class a template reaches from the routekaart, with its readable names."""
    found: dict[type, dict[str, object]] = {}

    def visit(kind: type) -> None:
        if kind in found:
            return
        found[kind] = variables.fields(kind)
        for hint in found[kind].values():
            _, inner = variables._inner(hint)
            if isinstance(inner, type) and dataclasses.is_dataclass(inner):
                visit(inner)

    visit(Routekaart)
    return found


def test_every_readable_name_has_a_dutch_meaning() -> None:
    missing = [
        f"{kind.__name__}.{name}"
        for kind, names in _classes().items()
        for name in names
        if f"{kind.__name__}.{name}" not in variables.MEANINGS and name not in variables.MEANINGS
    ]
    assert not missing, (
        "velden zonder uitleg voor 'assembler sjabloon'; voeg ze toe aan MEANINGS in "
        "assembler/builders/word/variables.py:\n" + "\n".join(missing)
    )
    assert set(FILTERS) == set(variables.FILTER_MEANINGS)


def test_no_meaning_is_left_over_from_a_field_that_went() -> None:
    used = {f"{kind.__name__}.{name}" for kind, names in _classes().items() for name in names}
    used |= {name for names in _classes().values() for name in names}
    assert set(variables.MEANINGS) <= used, set(variables.MEANINGS) - used
    assert set(variables.LOOP_NAMES) <= used, set(variables.LOOP_NAMES) - used


def test_the_listing_covers_the_model_and_the_helpers() -> None:
    codes = [row.code for row in variables.template_rows()]
    for name in model_names():
        assert any(
            re.search(rf"(\{{\{{ | in ){name}( \}}\}}| %\}})", c) or c.startswith(f"{name}(") for c in codes
        ), name
    assert "{% for praktijk in praktijken %}" in codes
    assert "{{ praktijk.naam }}" in codes and "{{ veilig_thuis.telefoon }}" in codes
    for helper in HELPERS:
        assert any(helper in c for c in codes), helper
    assert all(row.meaning for row in variables.template_rows())


def _shipped_tags() -> list[str]:
    tags = []
    with zipfile.ZipFile(SHIPPED) as package:
        for name in package.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                text = re.sub(r"<[^>]+>", "", package.read(name).decode("utf-8"))
                tags += [m.group(1).strip() for m in _TAG.finditer(text)]
    return tags


def _kind(path: str, bindings: dict[str, set[str]], depth: int = 0) -> set[object]:
    """The types a dotted name can have in the template, a loop variable standing for its list's items."""
    head, *rest = path.split(".")
    if head in bindings and depth < 5:
        kinds = {variables._inner(k)[1] for source in bindings[head] for k in _kind(source, bindings, depth + 1)}
    elif head in model_names():
        kinds = {model_names()[head]}
    else:
        return set()
    for attr in rest:
        kinds = {
            variables.fields(inner)[attr]
            for k in kinds
            for inner in [variables._inner(k)[1]]
            if isinstance(inner, type) and dataclasses.is_dataclass(inner) and attr in variables.fields(inner)
        }
    return kinds


def test_every_name_the_shipped_template_uses_is_listed() -> None:
    rows = variables.template_rows()
    codes = {row.code for row in rows}
    tags = _shipped_tags()
    assert len(tags) > 100, "the shipped template's tags were not found"
    bindings: dict[str, set[str]] = {}
    for tag in tags:
        loop = _FOR.match(tag)
        if loop:
            # The listing writes each loop as the shipped template does, with the same variable.
            assert f"{{% for {loop.group(1)} in {loop.group(2)} %}}" in codes, tag
            bindings.setdefault(loop.group(1), set()).add(loop.group(2))
    unlisted = set()
    for tag in tags:
        body = re.sub(r"'[^']*'|\"[^\"]*\"", "", tag)
        body = re.sub(r"\|\s*\w+(\([^)]*\))?", "", body)  # filters
        for name in _DOTTED.findall(body):
            # Every field on the way has a meaning (test above), so a name that resolves is listed.
            if name.split(".")[0] not in _JINJA and name not in HELPERS and not _kind(name, bindings):
                unlisted.add(name)
    assert not unlisted, sorted(unlisted)


# --- the command ---------------------------------------------------------------------------


def test_the_command_writes_the_shipped_template_and_lists_the_names(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "eigen.docx"
    result = run("sjabloon", "-o", target)
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == SHIPPED.read_bytes()
    assert result.output.startswith(f"Standaardsjabloon geschreven: {target}.")
    for line in ("{{ gemeente }}", "{% for praktijk in praktijken %}", "  {{ praktijk.naam }}", "|datum"):
        assert f"\n{line} " in result.output, line
    assert "naam van de gemeente" in result.output
    assert f"assembler controleer-sjabloon {target}" in result.output
    # What it wrote passes the check a municipality's own template must pass.
    checked = run("controleer-sjabloon", target)
    assert checked.exit_code == 0, checked.output


def test_the_command_keeps_an_existing_file_and_wants_docx(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "eigen.docx"
    target.write_bytes(b"eigen werk")
    kept = run("sjabloon", "-o", target)
    assert kept.exit_code == 1 and "bestaat al" in kept.output
    assert target.read_bytes() == b"eigen werk"
    assert run("sjabloon", "-o", target, "--overschrijven").exit_code == 0
    assert target.read_bytes() == SHIPPED.read_bytes()
    wrong = run("sjabloon", "-o", tmp_path / "eigen.pdf")
    assert wrong.exit_code == 2 and ".docx" in wrong.output
    assert not (tmp_path / "eigen.pdf").exists()
