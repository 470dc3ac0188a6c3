"""The command speaks Dutch, all of it: names, placeholders, click's own texts; the English names still run."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from assembler.cli import main
from assembler.cli.catalogue import MESSAGES, PLURALS
from tests.conftest import FIXTURE_REGION, ROOT, Invoke

CLICK_SOURCE = Path(click.__file__).parent
DUTCH_NAMES = list(main.commands)
ENGLISH_NAMES = {
    "validate": "controleer",
    "init": "nieuw",
    "build": "maak",
    "cards": "kaarten",
    "batch": "regio",
    "export": "exporteer",
    "import": "importeer",
    "check-content": "inhoud",
    "check-template": "controleer-sjabloon",
}
ENGLISH_OPTIONS = {
    "--strict": "--streng",
    "--force": "--forceer",
    "--fail-fast": "--stop-bij-fout",
    "--jobs": "--processen",
}


def _click_msgids() -> Iterator[tuple[str, ...]]:
    """Every text the installed click passes through gettext: (msgid,) or (singular, plural)."""
    for path in sorted(CLICK_SOURCE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "ngettext")
            ):
                texts = tuple(
                    a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
                )
                if texts:
                    yield texts


def _english_fragments() -> set[str]:
    """The fixed words of click's English texts, as they would show: 'No such option', 'Did you mean'."""
    fragments = set()
    for msgids in _click_msgids():
        for msgid in msgids:
            for piece in re.split(r"\{[^}]*\}|%\([a-z]+\)s|[\n\t]", msgid):
                piece = piece.strip(" .:()'\"")
                # Whole words only: 'file' and 'path' alone are too short to tell apart from Dutch.
                if len(piece) >= 5 and re.search(r"[a-z]{3}", piece):
                    fragments.add(piece)
    # Words click prints without gettext: metavars of its types and its usage line.
    return fragments | {
        "Usage",
        "Options",
        "[OPTIONS]",
        "COMMAND",
        "[ARGS]",
        "TEXT",
        "PATH",
        "INTEGER",
        "default:",
        "[required]",
    }


ENGLISH = sorted(_english_fragments())


def _english_in(text: str) -> list[str]:
    return [fragment for fragment in ENGLISH if fragment in text]


# --- the catalogue -----------------------------------------------------------------------


def test_every_text_click_translates_has_a_dutch_entry() -> None:
    missing = []
    for msgids in _click_msgids():
        if len(msgids) == 1 and msgids[0] not in MESSAGES:
            missing.append(msgids[0])
        if len(msgids) == 2 and msgids not in PLURALS:
            missing.append(" | ".join(msgids))
    assert not missing, (
        "click-teksten zonder Nederlandse vertaling in assembler/cli/catalogue.py:\n" + "\n".join(missing)
    )


def test_the_catalogue_keeps_every_placeholder() -> None:
    def fields(text: str) -> set[str]:
        return set(re.findall(r"\{[^}]*\}|%\([a-z]+\)s", text))

    for english, dutch in MESSAGES.items():
        assert fields(english) == fields(dutch), english
    for (singular, plural), (enkelvoud, meervoud) in PLURALS.items():
        assert fields(singular) == fields(enkelvoud), singular
        assert fields(plural) == fields(meervoud), plural


def test_the_english_fragments_are_found() -> None:
    # The scan below is only as good as its list: it knows click's texts, as shown.
    for shown in (
        "Usage:",
        "Show this message and exit.",
        "Error:",
        "No such option",
        "Did you mean",
        "Missing argument",
        "Invalid value for",
    ):
        assert _english_in(shown), shown


# --- help pages --------------------------------------------------------------------------


def test_the_main_help_is_dutch_and_lists_the_english_names(run: Invoke) -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert result.output.startswith("Gebruik: main [OPTIES] OPDRACHT [ARGUMENTEN]...")
    assert not _english_in(result.output), _english_in(result.output)
    for english, dutch in ENGLISH_NAMES.items():
        assert re.search(
            rf"^  {re.escape(english)} +{re.escape('= ' + dutch)}$", result.output, re.MULTILINE
        ), english
    for dutch in DUTCH_NAMES:
        assert re.search(rf"^  {re.escape(dutch)} ", result.output, re.MULTILINE), dutch


@pytest.mark.parametrize("command", DUTCH_NAMES)
def test_every_command_help_is_dutch(run: Invoke, command: str) -> None:
    result = run(command, "--hulp")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Gebruik: main {command} [OPTIES]")
    assert "Opties:" in result.output and "Toon deze uitleg en stop." in result.output
    assert not _english_in(result.output), _english_in(result.output)
    english = [old for old, new in ENGLISH_NAMES.items() if new == command]
    if english:
        assert f"Oude naam, werkt ook: {english[0]}." in result.output


def test_the_english_options_are_listed_beside_the_dutch(run: Invoke) -> None:
    shown = run("regio", "--help").output + run("controleer", "--help").output
    for english, dutch in ENGLISH_OPTIONS.items():
        assert re.search(rf"{re.escape(dutch)}, {re.escape(english)}\b", shown), english


# --- usage errors ------------------------------------------------------------------------


USAGE_ERRORS = [
    pytest.param([], "Gebruik: main [OPTIES] OPDRACHT", id="geen-opdracht"),
    pytest.param(
        ["valdate", "x.yaml"], "Onbekende opdracht 'valdate'. Bedoelde u 'controleer'?", id="tikfout-engels"
    ),
    pytest.param(["kaartn", "x.yaml"], "Onbekende opdracht 'kaartn'. Bedoelde u 'kaarten'?", id="tikfout"),
    pytest.param(["opruimen"], "Onbekende opdracht 'opruimen'.", id="onbekende-opdracht"),
    pytest.param(["--onbekend"], "Onbekende optie '--onbekend'.", id="onbekende-optie-groep"),
    pytest.param(["controleer"], "Ontbrekend argument 'PAD...'.", id="ontbrekend-argument"),
    pytest.param(["wijzigingen", "a.yaml"], "Ontbrekend argument 'NIEUW'.", id="ontbrekend-tweede-argument"),
    pytest.param(["importeer"], "Ontbrekend argument 'WERKMAP'.", id="ontbrekende-werkmap"),
    pytest.param(
        ["controleer", "--stregn", "x.yaml"],
        "Onbekende optie '--stregn'. Bedoelde u '--streng'?",
        id="bedoelde-u",
    ),
    pytest.param(
        ["maak", "--format", "pdf", "x.yaml"],
        "Onbekende optie '--format'. Bedoelde u '--formaat'?",
        id="format",
    ),
    pytest.param(
        ["controleer", "--streng=ja", "x.yaml"], "Optie '--streng' neemt geen waarde.", id="vlag-met-waarde"
    ),
    pytest.param(["maak", "x.yaml", "-o"], "Optie '-o' heeft een waarde nodig.", id="optie-zonder-waarde"),
    pytest.param(["schema", "extra"], "Onverwacht extra argument (extra).", id="extra-argument"),
    pytest.param(
        ["kaarten", "a.yaml", "b.yaml", "c.yaml"],
        "Onverwachte extra argumenten (b.yaml c.yaml).",
        id="extra-argumenten",
    ),
    pytest.param(
        ["regio", "x.yaml", "-j", "0"],
        "Ongeldige waarde voor '-j' / '--processen' / '--jobs': 0 ligt niet tussen",
        id="buiten-bereik",
    ),
    pytest.param(["regio", "x.yaml", "-j", "twee"], "'twee' is geen geldig geheel getal.", id="geen-getal"),
    pytest.param(["validate", "--strict"], "Ontbrekend argument 'PAD...'.", id="engelse-namen"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS)
def test_every_kind_of_usage_error_is_dutch_and_exits_2(run: Invoke, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not _english_in(result.output), _english_in(result.output)
    if args:
        assert "Fout: " in result.output


def test_a_usage_error_shows_the_dutch_command_and_its_help(run: Invoke) -> None:
    result = run("validate")
    assert "Gebruik: main controleer [OPTIES] PAD...\nUitleg: 'main controleer --hulp'.\n" in result.output


# --- the English names keep working --------------------------------------------------------


def test_the_english_names_run_the_same_commands(run: Invoke, tmp_path: Path) -> None:
    region = FIXTURE_REGION / "regio.yaml"
    dutch = run("controleer", "--streng", "--json", region)
    english = run("validate", "--strict", "--json", region)
    assert (english.exit_code, english.stdout) == (dutch.exit_code, dutch.stdout)

    assert run("init", "Kreekmonde", "-o", tmp_path / "k.yaml").exit_code == 0
    assert run("schema").stdout == run("schema", "--markdown").stdout
    assert run("check-content").stdout == run("inhoud").stdout
    template = ROOT / "templates" / "routekaart.docx"
    assert run("check-template", template).exit_code == 0

    workbook = tmp_path / "k.xlsx"
    assert run("export", tmp_path / "k.yaml", "-o", workbook).exit_code == 0
    imported = run("import", workbook, tmp_path / "k.yaml")
    assert imported.exit_code == 0, imported.output
    assert "Geen wijzigingen" in imported.output

    # The building commands and their English options reach the work: a missing profile is exit 1, not 2.
    missing = tmp_path / "nergens.yaml"
    for args in (
        ["build", missing, "--strict", "--formaat", "pdf"],
        ["cards", missing, "--strict"],
        ["batch", missing, "--force", "--fail-fast", "--jobs", "1"],
    ):
        result = run(*args, "-o", tmp_path / "uit")
        assert result.exit_code == 1, (args, result.output)
        assert "Fout: " in result.output or "nergens.yaml" in result.output


# --- JSON and the form of address --------------------------------------------------------------


def test_json_keys_are_dutch(run: Invoke) -> None:
    report = json.loads(run("controleer", "--json", FIXTURE_REGION / "regio.yaml").stdout)
    assert set(report) == {"geldig", "problemen"}
    for problem in report["problemen"]:
        assert set(problem) == {"bestand", "regel", "kolom", "veld", "melding", "ernst"}


# Every module but the card model and the card routing that names its cards, whose texts are the cards' own (B1, "je").
CARD_TEXT_MODULES = {"model/cards.py", "model/cardroutes.py"}  # cardroutes names the cards by their titles


def test_messages_say_u_not_je() -> None:
    informal = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)
    found = []
    for path in sorted((ROOT / "assembler").rglob("*.py")):
        if path.relative_to(ROOT / "assembler").as_posix() in CARD_TEXT_MODULES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and informal.search(node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:80]}")
    assert not found, "\n".join(found)
