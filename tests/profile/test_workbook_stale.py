"""A workbook filled in while the YAML file changed: nothing is lost, nothing silently reverted.

The issue's case: export, correct a phone number in the YAML, then import the old workbook.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assembler.errors import ProfileError
from assembler.pipeline.workbook_import import describe, import_workbook
from assembler.profile.loader import load_document
from assembler.profile.workbook.origin import ORIGIN_SHEET
from tests.conftest import EXAMPLE_REGION, Invoke
from tests.profile.workbook_kit import column, copy_region, edit, export, field_row

OLD, FIXED = '"0123-451200"', '"0123-451201"'  # the leerplicht's number, corrected in the YAML


@pytest.fixture
def kreekmonde(tmp_path: Path) -> Path:
    return copy_region(EXAMPLE_REGION, tmp_path) / "gemeenten" / "kreekmonde.yaml"


def _correct_yaml(path: Path, old: str = OLD, new: str = FIXED) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def _partners(path: Path) -> dict[str, dict]:
    return {p["id"]: p for p in load_document(path).data["partners"]}


def test_the_workbook_records_what_it_was_made_from(kreekmonde: Path) -> None:
    book = load_workbook(export(kreekmonde))
    ws = book[ORIGIN_SHEET]
    assert book.sheetnames[-1] == ORIGIN_SHEET and ws.sheet_state == "visible"
    assert ws.protection.sheet  # protected against typing
    assert "wat er sinds de export in het YAML-bestand is veranderd" in ws["B2"].value
    assert ws["A4"].value == "kreekmonde.yaml" and len(ws["B4"].value) == 64


def test_a_correction_in_the_yaml_survives_an_old_workbook(kreekmonde: Path, run: Invoke) -> None:
    workbook = export(kreekmonde)
    _correct_yaml(kreekmonde)
    # Meanwhile someone edits another field in the workbook: both changes must end up in the file.
    edit(workbook, "Partners", 2, "naam", "Wijkteam Kreekmonde-Noord")

    result = run("import", workbook, kreekmonde)

    assert result.exit_code == 0, result.output
    partners = _partners(kreekmonde)
    assert partners["leerplicht-kreekmonde"]["telefoon"] == "0123-451201"  # not reverted to ...200
    assert partners["wijkteam-kreekmonde"]["naam"] == "Wijkteam Kreekmonde-Noord"
    # The user is told what was kept from the YAML, and what the workbook changed.
    assert "Sinds de export in het profiel gewijzigd en bewaard:" in result.output
    assert "partners.1.telefoon: '0123-451200' -> '0123-451201'" in result.output
    assert "Partners!B2: partners.0.naam:" in result.output


def test_an_unedited_old_workbook_changes_nothing(kreekmonde: Path) -> None:
    workbook = export(kreekmonde)
    _correct_yaml(kreekmonde)
    before = kreekmonde.read_bytes()
    result = import_workbook(workbook, kreekmonde)
    assert result.changes == () and kreekmonde.read_bytes() == before
    assert [c.path for c in result.kept] == ["partners.1.telefoon"]


def test_a_partner_added_or_removed_in_the_yaml_is_named_as_a_whole(kreekmonde: Path) -> None:
    workbook = export(kreekmonde)
    # Since the export: a partner is inserted first, another removed (with its place in a step).
    text = kreekmonde.read_text(encoding="utf-8")
    text = text.replace("jongerenwerk-kreekmonde, politie-lindeland", "politie-lindeland")
    start = text.index("  - id: jongerenwerk-kreekmonde")
    end = text.index("aanspreekpunt_voor: [onderwijs]\n", start)
    removed = text[start : end + len("aanspreekpunt_voor: [onderwijs]\n")]
    added = removed.replace("jongerenwerk-kreekmonde", "buurtwerk-kreekmonde").replace("De Kade", "De Brug")
    text = text.replace(removed, "").replace("partners:\n  - id: wijkteam", f"partners:\n{added}  - id: wijkteam")
    kreekmonde.write_text(text, encoding="utf-8")

    result = import_workbook(workbook, kreekmonde)

    kept = {describe(c) for c in result.kept}
    assert "partners.0: toegevoegd ('Jongerenwerk De Brug')" in kept
    assert "partners.jongerenwerk-kreekmonde: verwijderd ('Jongerenwerk De Kade')" in kept
    # The partners after the new one are matched by id, not by place: none of them reads as changed.
    assert not [line for line in kept if "Wijkteam" in line or "Leerplicht" in line], kept
    assert result.changes == ()


def test_a_field_changed_on_both_sides_is_refused_with_both_values(kreekmonde: Path, run: Invoke) -> None:
    workbook = export(kreekmonde)
    _correct_yaml(kreekmonde)
    edit(workbook, "Partners", 3, "telefoon", "0123-459999")
    before = kreekmonde.read_bytes()

    with pytest.raises(ProfileError) as caught:
        import_workbook(workbook, kreekmonde)

    (problem,) = caught.value.problems
    assert problem.cell == "Partners!G3" and problem.path == "partners.1.telefoon"
    assert problem.message == (
        f"sinds de export zowel in de werkmap als in {kreekmonde} gewijzigd: in de werkmap '0123-459999', "
        "in het profiel '0123-451201' (bij de export '0123-451200'); typ in de werkmap de waarde die moet "
        "blijven, of lees in met --werkmap-wint om overal de waarde uit de werkmap te nemen"
    )
    assert kreekmonde.read_bytes() == before
    result = run("import", workbook, kreekmonde)
    assert result.exit_code == 1 and "Partners!G3" in result.output
    assert kreekmonde.read_bytes() == before


def test_typing_the_yaml_value_in_the_workbook_ends_the_conflict(kreekmonde: Path) -> None:
    workbook = export(kreekmonde)
    _correct_yaml(kreekmonde)
    edit(workbook, "Partners", 3, "telefoon", "0123-451201")
    edit(workbook, "Partners", 3, "naam", "Leerplicht en RMC Kreekmonde")
    import_workbook(workbook, kreekmonde)
    partner = _partners(kreekmonde)["leerplicht-kreekmonde"]
    assert (partner["telefoon"], partner["naam"]) == ("0123-451201", "Leerplicht en RMC Kreekmonde")


def test_the_workbook_wins_when_asked(kreekmonde: Path, run: Invoke) -> None:
    workbook = export(kreekmonde)
    _correct_yaml(kreekmonde)
    _correct_yaml(kreekmonde, "naam: Leerplicht Kreekmonde", "naam: Leerplicht en RMC Kreekmonde")
    edit(workbook, "Partners", 3, "telefoon", "0123-459999")

    result = run("import", "--werkmap-wint", workbook, kreekmonde)

    assert result.exit_code == 0, result.output
    partner = _partners(kreekmonde)["leerplicht-kreekmonde"]
    # Only the conflict goes the workbook's way: the YAML's other change is kept.
    assert (partner["telefoon"], partner["naam"]) == ("0123-459999", "Leerplicht en RMC Kreekmonde")


def test_partners_added_on_both_sides_both_stay(kreekmonde: Path) -> None:
    workbook = export(kreekmonde)
    text = kreekmonde.read_text(encoding="utf-8")
    anchor = "kaarten:\n"
    added = (
        "  - id: welzijn-kreekmonde\n    naam: Welzijn Kreekmonde\n    type: welzijn\n"
        '    telefoon: "0123-450000"\n'
    )
    assert text.count(anchor) == 1
    kreekmonde.write_text(text.replace(anchor, added + anchor), encoding="utf-8")
    book = load_workbook(workbook)
    ws = book["Partners"]
    row = ws.max_row + 1
    for name, value in (
        ("id", "ggd-kreekmonde"),
        ("naam", "GGD Kreekmonde"),
        ("type", "jeugdgezondheidszorg"),
    ):
        ws.cell(row, column(ws, name)).value = value
    book.save(workbook)

    import_workbook(workbook, kreekmonde)

    ids = list(_partners(kreekmonde))
    assert ids[-2:] == ["welzijn-kreekmonde", "ggd-kreekmonde"]


def test_a_partner_deleted_in_the_workbook_but_edited_in_the_yaml_is_a_conflict(kreekmonde: Path) -> None:
    workbook = export(kreekmonde)
    _correct_yaml(kreekmonde)
    book = load_workbook(workbook)
    book["Partners"].delete_rows(3)
    book.save(workbook)
    with pytest.raises(ProfileError) as caught:
        import_workbook(workbook, kreekmonde)
    (problem,) = caught.value.problems
    assert problem.path.startswith("partners.leerplicht-kreekmonde")
    assert "in de werkmap (leeg)" in problem.message and "'Leerplicht Kreekmonde'" in problem.message


def test_a_renamed_profile_is_refused_unless_asked_for(kreekmonde: Path, run: Invoke) -> None:
    workbook = export(kreekmonde)
    renamed = kreekmonde.with_name("kreekmonde-2027.yaml")
    shutil.copy(kreekmonde, renamed)
    _correct_yaml(renamed)
    edit(workbook, "Partners", 2, "naam", "Wijkteam Kreekmonde-Noord")

    refused = run("import", workbook, renamed)
    assert refused.exit_code == 1
    assert (
        "deze werkmap is gemaakt van 'kreekmonde.yaml', niet van 'kreekmonde-2027.yaml'; lees hem terug in "
        "het bestand waarvan hij is gemaakt, of gebruik --ander-profiel" in refused.output
    )

    result = run("import", "--ander-profiel", workbook, renamed)

    assert result.exit_code == 0, result.output
    partners = _partners(renamed)
    # The copy's own correction stays; the workbook's edit lands; the original is untouched.
    assert partners["leerplicht-kreekmonde"]["telefoon"] == "0123-451201"
    assert partners["wijkteam-kreekmonde"]["naam"] == "Wijkteam Kreekmonde-Noord"
    assert _partners(kreekmonde)["wijkteam-kreekmonde"]["naam"] != "Wijkteam Kreekmonde-Noord"


def test_a_region_member_changed_since_the_export_is_merged(tmp_path: Path) -> None:
    region = copy_region(EXAMPLE_REGION, tmp_path) / "regio.yaml"
    wilgendaal = region.parent / "gemeenten" / "wilgendaal.yaml"
    workbook = export(region, "regio.xlsx")
    text = wilgendaal.read_text(encoding="utf-8")
    number = load_document(wilgendaal).data["partners"][0]["telefoon"]
    wilgendaal.write_text(text.replace(number, "0123-452101", 1), encoding="utf-8")
    book = load_workbook(workbook)
    ws = book["Wilgendaal Gemeente"]
    ws.cell(field_row(ws, "document.versie"), 2).value = "2027.1"
    book.save(workbook)

    result = import_workbook(workbook, region)

    data = load_document(wilgendaal).data
    assert data["partners"][0]["telefoon"] == "0123-452101" and data["document"]["versie"] == "2027.1"
    assert [Path(c.file).name for c in result.kept] == ["wilgendaal.yaml"]


def test_a_workbook_without_its_record_is_refused_unless_the_workbook_wins(
    kreekmonde: Path, run: Invoke
) -> None:
    workbook = export(kreekmonde)
    book = load_workbook(workbook)
    del book[ORIGIN_SHEET]
    book.save(workbook)
    refused = run("import", workbook, kreekmonde)
    assert refused.exit_code == 1
    assert "deze werkmap zegt niet wat het profiel bij de export bevatte" in refused.output
    assert run("import", "--werkmap-wint", workbook, kreekmonde).exit_code == 0


@pytest.mark.parametrize(
    ("cell", "value", "reason"),
    [
        ("B4", "0" * 64, "past niet bij zijn controlegetal"),
        ("C4", "bm90IHppcA==", "is beschadigd"),
        ("C4", "!!!", "is beschadigd"),
        ("A3", "Iets anders", "de kop van het blad ontbreekt"),
    ],
    ids=["wrong-hash", "not-zlib", "not-base64", "no-header"],
)
def test_a_damaged_record_is_refused_by_name(kreekmonde: Path, cell: str, value: str, reason: str) -> None:
    workbook = export(kreekmonde)
    book = load_workbook(workbook)
    book[ORIGIN_SHEET][cell] = value
    book.save(workbook)
    with pytest.raises(ProfileError) as caught:
        import_workbook(workbook, kreekmonde)
    (problem,) = caught.value.problems
    assert f"blad '{ORIGIN_SHEET}' is niet meer te lezen" in problem.message and reason in problem.message


def test_a_zip_bomb_in_the_record_is_refused(kreekmonde: Path) -> None:
    import base64
    import zlib

    workbook = export(kreekmonde)
    bomb = base64.b64encode(zlib.compress(b"a" * (3 * 1024 * 1024), 9)).decode("ascii")
    book = load_workbook(workbook)
    book[ORIGIN_SHEET]["C4"] = bomb
    book.save(workbook)
    with pytest.raises(ProfileError) as caught:
        import_workbook(workbook, kreekmonde)
    assert "is te groot" in caught.value.problems[0].message
