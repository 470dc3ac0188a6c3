"""An error found late (a card face that does not fit, a PDF column too narrow, a workbook import)
names file, line and field from the place the value carried since validation: no profile text is
searched and no message parsed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assembler.errors import FitError, ProfileError
from assembler.pipeline.blame import placed
from assembler.pipeline.workbook_import import import_workbook
from assembler.problems import Placed, origin_of
from assembler.profile.reading import load_profile
from tests.conftest import BASE_PROFILE, BASE_REGION, Invoke, WriteFile, edit, line_of

LONG_NAME = (  # 119 characters: the schema allows 120
    "Stichting Maatschappelijke Dienstverlening en Ondersteuning van Gezinnen in Testdam "
    "en alle Omliggende Kernen en Dorpen"
)
LONG_FGM_OFFICER = "Anne-Marie Wilhelmina Johanna van den Berg-Dijkstra-Oudeboekhorst"


def _region_with_a_long_partner(write: WriteFile) -> tuple[Path, str]:
    """Testdam in a region whose own partner, the only one with a number, has a very long name."""
    region = edit(
        BASE_REGION,
        "standaard:\n  kaarten:\n    formaat: a6\n",
        f"""  - id: steunpunt-testland
    naam: {LONG_NAME}
    type: ggz
    praktijken: [alle]
    stappen: [signaleren_en_melden]
    aanspreekpunt_voor: [alle]
    telefoon: "020-7654321"
    spoed: "020-7654322"
standaard:
  kaarten:
    formaat: creditcard
""",
    )
    region = edit(
        region,
        '  telefoon: "0800-2000"\n',
        f'  telefoon: "0800-2000"\n  aandachtsfunctionaris_vgv:\n    naam: {LONG_FGM_OFFICER}\n'
        '    telefoon: "020-7654329"\n',
    )
    write(region, "regio.yaml")
    municipality = edit(
        edit(BASE_PROFILE, "naam: Testdam\n", "naam: Testdam\nregio: ../regio.yaml\n"),
        '    telefoon: "020-1234568"\n    email: wijkteam@testdam.example\n',
        "    email: wijkteam@testdam.example\n",
    )
    return write(edit(municipality, "  formaat: creditcard\n", ""), "gemeenten/testdam.yaml"), region


def test_a_value_keeps_the_place_it_was_written_through_merge_and_model(write: WriteFile) -> None:
    path, region = _region_with_a_long_partner(write)
    profile = load_profile(path)
    inherited = next(p for p in profile.data["partners"] if p["id"] == "steunpunt-testland")
    assert isinstance(inherited["naam"], Placed)
    place = origin_of(inherited["naam"])
    assert place is not None and Path(place.file) == path.parent.parent / "regio.yaml"
    assert (place.line, place.column, place.path) == (line_of(region, f"naam: {LONG_NAME}"), 11, "partners.1.naam")
    number = origin_of(inherited["telefoon"])  # a Phone carries its place too
    assert number is not None and number.path == "partners.1.telefoon"
    # The municipality's own values carry their own file.
    own = origin_of(profile.data["document"]["eigenaar"]["telefoon"])
    assert own is not None and own.file == str(path)


def test_a_card_that_does_not_fit_is_named_at_the_field_in_the_file_that_wrote_it(
    write: WriteFile, run: Invoke
) -> None:
    path, region = _region_with_a_long_partner(write)
    result = run("validate", path)
    assert result.exit_code == 1, result.output
    # The name was inherited from the region: the error stands where it was written, in the region file.
    found = re.search(
        r"^(\S*regio\.yaml):(\d+):11: partners\.1\.naam: zakkaart 'Vrouwelijke genitale verminking' "
        r"\(set Onderwijs\), achterkant: de tekst past niet op het formaat creditcard",
        result.output,
        re.MULTILINE,
    )
    assert found, result.output
    assert Path(found.group(1)) == path.parent.parent / "regio.yaml"
    assert int(found.group(2)) == line_of(region, f"naam: {LONG_NAME}")
    assert "Te lang is de naam van partner 'steunpunt-testland'" in result.output


def test_the_pdf_fit_guard_names_the_field_from_the_carried_place(write: WriteFile) -> None:
    path = write(BASE_PROFILE)
    profile = load_profile(path)
    address = profile.data["partners"][0]["email"]
    error = FitError(
        "PDF-routekaart: tekst past niet in zijn kolom",
        [(str(address), origin_of(address)), ("Landelijke tekst die niet past", None)],
    )
    blamed = placed(profile, error)
    assert blamed is not None
    (problem,) = blamed.problems
    line = line_of(BASE_PROFILE, "email: wijkteam@testdam.example")
    assert problem.format().startswith(f"{path}:{line}:12: partners.0.email: ")
    # Text that is not the profile's (national text, a toolkit fault) is not blamed on a field.
    assert placed(profile, FitError("x", [("Landelijke tekst", None)])) is None


def test_a_workbook_names_the_cell_and_field_with_advice_for_a_cell(write: WriteFile) -> None:
    from openpyxl import load_workbook

    from tests.profile.workbook_kit import export, field_row

    path = write(BASE_PROFILE)
    book = export(path)
    workbook = load_workbook(book)
    sheet = workbook["Gemeente"]
    date_row, name_row = field_row(sheet, "document.vastgesteld_op"), field_row(sheet, "naam")
    sheet.cell(date_row, 2).value = "31-02-2026"
    sheet.cell(name_row, 2).value = None
    workbook.save(book)
    with pytest.raises(ProfileError) as caught:
        import_workbook(book, path)
    # The place is the cell the value came from; the advice is the workbook's own, not YAML's.
    messages = [p.format() for p in caught.value.problems]
    assert f"{book}: Gemeente!B{name_row}: naam: verplicht veld 'naam' ontbreekt; vul deze cel in" in messages
    assert (
        f"{book}: Gemeente!B{date_row}: document.vastgesteld_op: '31-02-2026' is geen bestaande datum; "
        "typ een datum als DD-MM-JJJJ, bijvoorbeeld 15-10-2026"
    ) in messages
    assert path.read_text(encoding="utf-8") == BASE_PROFILE
