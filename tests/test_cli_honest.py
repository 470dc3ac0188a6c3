"""The command line tells the truth: versions YAML reads as numbers are refused, usage errors exit 2
before any work starts, and the counts it prints are the counts of what it did."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assembler.errors import ProfileError
from assembler.pipeline.workbook_import import import_workbook
from assembler.profile.reading import load_profile
from tests.conftest import BASE_PROFILE, FIXTURE_REGION, Invoke, WriteFile, edit, line_of
from tests.profile.workbook_kit import export, field_row

# The document's own version; the akkoorden below it name that version too.
DOCUMENT_VERSION = '\n  versie: "2026.1"\n'


@pytest.mark.parametrize(
    ("typed", "read"),
    [("2027.10", "2027.1"), ("1.0", "1"), ("2026.1", "2026.1")],
    ids=["trailing-zero", "one-point-zero", "no-loss-still-refused"],
)
def test_a_version_yaml_reads_as_a_number_is_refused_with_a_hint_to_quote_it(
    write: WriteFile, run: Invoke, typed: str, read: str
) -> None:
    path = write(edit(BASE_PROFILE, DOCUMENT_VERSION, f"\n  versie: {typed}\n"))
    result = run("validate", path)
    assert result.exit_code == 1
    line = line_of(BASE_PROFILE, 'versie: "2026.1"', nth=1)  # the document's, above the akkoorden
    # One problem for the field, at its line, quoting what the user typed and how to fix it.
    assert [ln for ln in result.output.splitlines() if "document.versie" in ln] == [
        f"{path}:{line}:11: document.versie: {typed} leest YAML als het getal {read}, niet als tekst; "
        f'zet de waarde tussen aanhalingstekens: versie: "{typed}"'
    ]
    # The build refuses it as well, before anything is written.
    assert run("build", path, "-o", path.parent / "uit").exit_code == 1
    assert not (path.parent / "uit").exists()


def test_an_earlier_edition_version_as_a_number_is_refused_too(write: WriteFile, run: Invoke) -> None:
    history = '  geschiedenis:\n    - versie: 2025.10\n      datum: 2025-10-01\n  herzien_voor: 2027-10-15\n'
    path = write(edit(BASE_PROFILE, "  herzien_voor: 2027-10-15\n", history))
    result = run("validate", path)
    assert result.exit_code == 1
    assert "document.geschiedenis.0.versie: 2025.10 leest YAML als het getal 2025.1" in result.output


def test_a_whole_number_version_and_a_phone_number_with_a_dot_keep_their_text(write: WriteFile) -> None:
    text = edit(BASE_PROFILE, DOCUMENT_VERSION, "\n  versie: 3\n")
    text = edit(text, 'telefoon: "020-1234568"', "telefoon: 020.1234568")
    data = load_profile(write(text)).data
    assert data["document"]["versie"] == "3"
    # Validation carries the number on as a Phone with every digit (a float would print 20.1234568),
    # printed in the one Dutch form.
    assert str(data["partners"][0]["telefoon"]) == "020-1234568"
    assert data["partners"][0]["telefoon"].written == "020.1234568"


def test_a_version_typed_as_a_number_in_the_workbook_is_refused_by_its_cell(write: WriteFile) -> None:
    path = write(BASE_PROFILE, "testdam.yaml")
    before = path.read_bytes()
    workbook = export(path)
    book = load_workbook(workbook)
    ws = book["Gemeente"]
    row = field_row(ws, "document.versie")
    ws.cell(row, 2).value = 2027.10  # a number cell: the spreadsheet keeps 2027.1
    ws.cell(row, 2).number_format = "General"
    book.save(workbook)
    with pytest.raises(ProfileError) as caught:
        import_workbook(workbook, path)
    (problem,) = [p for p in caught.value.problems if p.is_error]
    assert problem.cell == f"Gemeente!B{row}"
    assert "2027.1 staat als getal in de cel" in problem.message
    assert "maak de cel op als tekst" in problem.message
    assert path.read_bytes() == before


def test_an_unknown_format_is_a_usage_error_before_any_work(profile, run: Invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = profile()
    result = run("build", path, "--formaat", "word", "-o", tmp_path / "uit")
    assert result.exit_code == 2
    assert "onbekend formaat: word; kies uit docx" in result.output
    assert not (tmp_path / "uit").exists()


def test_a_changes_document_of_another_kind_is_a_usage_error_before_the_list(
    profile, run: Invoke, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    old = profile(name="oud.yaml")
    new = profile(('telefoon: "020-1234568"', 'telefoon: "020-7654321"'), name="nieuw.yaml")
    result = run("wijzigingen", old, new, "-o", tmp_path / "x.pdf")
    assert result.exit_code == 2
    assert "kies een bestand dat eindigt op .docx of .html" in result.output
    # Nothing was compared: the change list is not printed before the refusal.
    assert "telefoonnummer gewijzigd" not in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_validate_counts_every_file_it_checked(run: Invoke) -> None:
    region = FIXTURE_REGION / "regio.yaml"
    municipalities = sorted((FIXTURE_REGION / "gemeenten").glob("*.yaml"))
    result = run("validate", region)
    assert result.exit_code == 0, result.output
    assert re.search(r"^Geldig: 5 bestanden gecontroleerd, 0 fouten", result.stdout, re.M)
    # A municipality named beside its region is one file, checked once in the count.
    result = run("validate", region, municipalities[0])
    assert re.search(r"^Geldig: 5 bestanden gecontroleerd", result.stdout, re.M)
    result = run("validate", municipalities[0])
    assert re.search(r"^Geldig: 1 bestand gecontroleerd", result.stdout, re.M)
