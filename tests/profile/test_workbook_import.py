"""Edits made in the workbook land in the YAML with comments kept; a bad cell is refused by sheet and cell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assembler.errors import ProfileError
from assembler.pipeline.workbook_import import import_workbook
from assembler.profile.loader import load_document
from assembler.profile.reading import load_profile
from tests.conftest import BASE_PROFILE, EXAMPLE_REGION, Invoke, WriteFile
from tests.profile.workbook_kit import column, copy_region, edit, export, field_row, validations

COMMENTED = "# Profiel van Testdam; bijgehouden door de beleidsadviseur.\n" + BASE_PROFILE.replace(
    "partners:\n", "# Lokale partners, nagebeld in het voorjaar.\npartners:\n", 1
)


@pytest.fixture
def kreekmonde(tmp_path: Path) -> Path:
    return copy_region(EXAMPLE_REGION, tmp_path) / "gemeenten" / "kreekmonde.yaml"


def test_phone_number_lands_in_yaml_with_comments_kept(kreekmonde: Path) -> None:
    before = kreekmonde.read_text(encoding="utf-8")
    workbook = export(kreekmonde)
    edit(workbook, "Partners", 3, "telefoon", "0123-459999")

    result = import_workbook(workbook, kreekmonde)

    after = kreekmonde.read_text(encoding="utf-8")
    assert [(c.cell, c.path, c.old, c.new) for c in result.changes] == [
        ("Partners!G3", "partners.1.telefoon", "0123-451200", "0123-459999")
    ]
    # Exactly one line differs, its quoting kept; every comment and blank line is still there.
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == [('    telefoon: "0123-451200"', '    telefoon: "0123-459999"')]
    partners = {p["id"]: p for p in load_profile(kreekmonde).data["partners"]}
    assert str(partners["leerplicht-kreekmonde"]["telefoon"]) == "0123-459999"


def test_edits_across_sheets(kreekmonde: Path) -> None:
    workbook = export(kreekmonde)
    book = load_workbook(workbook)
    book["Praktijken"]["C2"].value = "laag"
    chain = book["Ketenaanpak"]
    chain.cell(field_row(chain, "toeleiden_naar_zorg.afspraken"), 2).value = "Regel een\nregel twee"
    partners = book["Partners"]
    for col, value in (("id", "welzijn-kreekmonde"), ("naam", "Welzijn Kreekmonde"), ("type", "welzijn")):
        partners.cell(5, column(partners, col)).value = value
    gemeente = book["Gemeente"]
    gemeente.cell(field_row(gemeente, "kaarten.qr"), 2).value = None
    book.save(workbook)

    result = import_workbook(workbook, kreekmonde, today=dt.date(2026, 11, 20))

    assert {c.path for c in result.changes} == {
        "praktijken.vrouwelijke_genitale_verminking.prioriteit",
        "ketenaanpak.toeleiden_naar_zorg.afspraken",
        "partners.3",
        "kaarten.qr",
    }
    data = load_profile(kreekmonde, today=dt.date(2026, 11, 20)).data
    assert data["praktijken"]["vrouwelijke_genitale_verminking"]["prioriteit"] == "laag"
    assert data["ketenaanpak"]["toeleiden_naar_zorg"]["afspraken"] == "Regel een\nregel twee"
    assert load_document(kreekmonde).data["partners"][-1] == {
        "id": "welzijn-kreekmonde",
        "naam": "Welzijn Kreekmonde",
        "type": "welzijn",
    }
    assert "qr" not in data["kaarten"]
    text = kreekmonde.read_text(encoding="utf-8")
    assert text.startswith("# Kreekmonde: VERZONNEN havenstad")
    # The new partner follows the last one, before the blank line that separates the next group.
    assert "    type: welzijn\n\nkaarten:" in text


def test_bad_email_is_refused_by_cell_and_yaml_unchanged(write: WriteFile) -> None:
    target = write(COMMENTED)
    before = target.read_bytes()
    workbook = export(target)
    edit(workbook, "Partners", 2, "email", "wijkteam@@testdam")

    with pytest.raises(ProfileError) as caught:
        import_workbook(workbook, target)

    messages = [p.format() for p in caught.value.problems]
    assert len(messages) == 1
    assert "Partners!I2: partners.0.email:" in messages[0]
    assert "e-mailadres" in messages[0]
    assert target.read_bytes() == before


def test_every_bad_cell_is_named_at_once(write: WriteFile) -> None:
    target = write(COMMENTED)
    before = target.read_bytes()
    workbook = export(target)
    book = load_workbook(workbook)
    book["Partners"].cell(2, column(book["Partners"], "type")).value = "bakkerij"
    gemeente = book["Gemeente"]
    gemeente.cell(field_row(gemeente, "document.vastgesteld_op"), 2).value = "31-02-2026"
    gemeente.cell(field_row(gemeente, "naam"), 2).value = None
    book.save(workbook)

    with pytest.raises(ProfileError) as caught:
        import_workbook(workbook, target)

    cells = {p.cell for p in caught.value.problems if p.is_error}
    adopted = f"Gemeente!B{field_row(gemeente, 'document.vastgesteld_op')}"
    assert cells == {"Gemeente!B3", adopted, "Partners!C2"}, cells
    missing = next(p for p in caught.value.problems if p.cell == "Gemeente!B3")
    assert missing.message == "verplicht veld 'naam' ontbreekt; vul deze cel in"
    assert target.read_bytes() == before


def test_cli_prints_changes_and_leaves_unedited_file_alone(write: WriteFile, run: Invoke) -> None:
    target = write(COMMENTED)
    before = target.read_bytes()
    workbook = target.parent / "testdam.xlsx"

    exported = run("export", target, "-o", workbook)
    assert exported.exit_code == 0, exported.output
    assert "Werkmap geschreven" in exported.output
    again = run("export", target, "-o", workbook)
    assert again.exit_code == 1 and "bestaat al" in again.output

    unchanged = run("import", workbook, target)
    assert unchanged.exit_code == 0, unchanged.output
    assert "Geen wijzigingen" in unchanged.output
    assert target.read_bytes() == before

    edit(workbook, "Partners", 2, "telefoon", "0900-1234567")
    changed = run("import", workbook, target)
    assert changed.exit_code == 0, changed.output
    assert "Partners!G2: partners.0.telefoon: '" in changed.output
    assert "-> '0900-1234567'" in changed.output
    assert "Bijgewerkt: 1 wijziging in 1 bestand." in changed.output
    assert '"0900-1234567"' in target.read_text(encoding="utf-8")


def test_cli_refuses_bad_cell_with_exit_1(write: WriteFile, run: Invoke) -> None:
    target = write(COMMENTED)
    before = target.read_bytes()
    workbook = export(target)
    edit(workbook, "Partners", 2, "email", "geen adres")
    result = run("import", workbook, target)
    assert result.exit_code == 1
    assert "Partners!I2" in result.output and "Niet gelukt" in result.output
    assert target.read_bytes() == before


def test_date_typed_as_text_is_a_date(write: WriteFile) -> None:
    target = write(COMMENTED)
    workbook = export(target)
    book = load_workbook(workbook)
    gemeente = book["Gemeente"]
    cell = gemeente.cell(field_row(gemeente, "document.vastgesteld_op"), 2)
    cell.value = "2026-03-04"
    cell.number_format = "@"
    book.save(workbook)

    import_workbook(workbook, target)

    assert "  vastgesteld_op: 2026-03-04\n" in target.read_text(encoding="utf-8")
    assert load_document(target).data["document"]["vastgesteld_op"] == dt.date(2026, 3, 4)


def test_cli_tells_changes_in_the_words_of_the_change_report(kreekmonde: Path, run: Invoke) -> None:
    workbook = export(kreekmonde)
    edit(workbook, "Partners", 3, "telefoon", "0123-459999")
    edit(workbook, "Praktijken", 2, "prioriteit", "hoog")

    result = run("import", workbook, kreekmonde)

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "- Leerplicht Kreekmonde: telefoonnummer gewijzigd van 0123-451200 in 0123-459999." in lines
    assert any(
        line.startswith("- ") and "prioriteit gewijzigd van gemiddeld in hoog" in line for line in lines
    )
    assert "    Partners!G3: partners.1.telefoon: '0123-451200' -> '0123-459999'" in lines
    assert lines[-1] == "Bijgewerkt: 2 wijzigingen in 1 bestand."


def test_deleting_a_partner_row_removes_that_partner(kreekmonde: Path) -> None:
    workbook = export(kreekmonde)
    book = load_workbook(workbook)
    book["Partners"].delete_rows(3)  # leerplicht-kreekmonde
    book.save(workbook)
    with pytest.raises(ProfileError) as caught:
        import_workbook(workbook, kreekmonde, today=dt.date(2026, 11, 20))
    errors = [p for p in caught.value.problems if p.is_error]
    assert [(p.cell, "'leerplicht-kreekmonde' bestaat niet" in p.message) for p in errors] == [
        ("Ketenaanpak!B6", True)
    ]
    assert all(p.file.endswith(".xlsx") for p in caught.value.problems)

    chain = book["Ketenaanpak"]
    chain["B6"] = "wijkteam-kreekmonde, ggd-lindeland"
    book.save(workbook)

    import_workbook(workbook, kreekmonde, today=dt.date(2026, 11, 20))

    partners = load_document(kreekmonde).data["partners"]
    assert [p["id"] for p in partners] == ["wijkteam-kreekmonde", "jongerenwerk-kreekmonde"]
    assert partners[1]["gecontroleerd_op"] == dt.date(2026, 10, 28)
    assert partners[1]["telefoon"] == "0123-451300"


def test_no_practice_chosen_points_at_the_practice_sheet(write: WriteFile) -> None:
    target = write(COMMENTED)
    workbook = export(target)
    book = load_workbook(workbook)
    for row in range(2, 6):
        book["Praktijken"].cell(row, 2).value = "nee"
        for col in range(3, 5):
            book["Praktijken"].cell(row, col).value = None
    book.save(workbook)

    with pytest.raises(ProfileError) as caught:
        import_workbook(workbook, target)

    assert [p.cell for p in caught.value.problems if p.is_error] == ["Praktijken!B2"]


def test_geen_audiences_is_an_empty_list_and_a_blank_cell_the_default(write: WriteFile) -> None:
    target = write(COMMENTED)
    workbook = export(target)
    book = load_workbook(workbook)
    gemeente = book["Gemeente"]
    row = field_row(gemeente, "kaarten.doelgroepen")
    rule = validations(gemeente)[f"B{row}"]
    assert rule.prompt.endswith("Leeg: de standaard; 'geen': geen enkele.")
    gemeente.cell(row, 2).value = "Geen"
    book.save(workbook)

    import_workbook(workbook, target)

    assert "  doelgroepen: []\n" in target.read_text(encoding="utf-8")
    assert load_profile(target).data["kaarten"]["doelgroepen"] == []
    # Exported again, the empty list says 'geen' (not blank, which would mean the default).
    again = load_workbook(export(target, "opnieuw.xlsx"))["Gemeente"]
    assert again.cell(row, 2).value == "geen"
    before = target.read_bytes()
    assert import_workbook(target.parent / "opnieuw.xlsx", target).changes == ()
    assert target.read_bytes() == before

    edit(target.parent / "opnieuw.xlsx", "Gemeente", row, 2, None)
    import_workbook(target.parent / "opnieuw.xlsx", target)
    assert "doelgroepen" not in target.read_text(encoding="utf-8")
    assert load_profile(target).data["kaarten"]["doelgroepen"] == [
        "onderwijs",
        "huisartsen",
        "jeugdgezondheidszorg",
        "sociaal_wijkteam",
    ]
