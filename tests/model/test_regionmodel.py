"""The regional content model and its two renderings: the Word document and the overview spreadsheet."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from openpyxl import load_workbook

from assembler.batch.manifest import relative
from assembler.builders.region import document as region_docx
from assembler.builders.region import overview
from assembler.errors import BuildError
from assembler.model.region import (
    MunicipalityEntry,
    RegionModel,
    attention_text,
    entry_from,
    failed_entry,
    fresh_until,
    from_data,
    region_colour,
    region_model,
    to_data,
)
from assembler.model.tailor import tailor, tailor_region
from assembler.national import national_content
from assembler.profile.reading import load_profile, load_region
from tests.conftest import FIXTURE_REGION

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def entries() -> dict[str, MunicipalityEntry]:
    region = load_region(FIXTURE_REGION / "regio.yaml", display="regio.yaml", today=TODAY)
    content = national_content()
    result = {}
    for path in region.municipalities:
        display = relative(path, FIXTURE_REGION)
        profile = load_profile(path, display=display, region=region, today=TODAY)
        entry = entry_from(tailor(profile, content), content, profile.warnings, display, region.display)
        result[entry.naam] = entry
    return result


@pytest.fixture(scope="module")
def model(entries: dict[str, MunicipalityEntry]) -> RegionModel:
    region = load_region(FIXTURE_REGION / "regio.yaml", display="regio.yaml", today=TODAY)
    content = national_content()
    vt, partners = tailor_region(region.data, content)
    failed = [failed_entry("Kapotstad", "gemeenten/kapotstad.yaml", "profiel <ongeldig> & leeg")]
    return region_model(
        region.naam,
        region_colour(region.data),
        vt,
        partners,
        list(entries.values()),
        failed,
        content,
        TODAY,
        region.warnings,
    )


def test_entries_survive_a_round_trip_through_json_data(entries: dict[str, MunicipalityEntry]) -> None:
    for entry in entries.values():
        assert from_data(MunicipalityEntry, to_data(entry)) == entry
    with pytest.raises(ValueError, match="MunicipalityEntry"):
        from_data(MunicipalityEntry, {"naam": "Zonder rest"})


def test_entry_holds_priorities_steps_contacts_and_own_texts(entries: dict[str, MunicipalityEntry]) -> None:
    brugstad = entries["Brugstad"]
    assert [p.prioriteit for p in brugstad.praktijken] == ["Hoog", "Gemiddeld", "Gemiddeld", "Hoog"]
    assert "Somalische" in brugstad.praktijken[0].lokale_situatie[0]
    assert brugstad.praktijken[1].lokale_situatie == ()  # no own text: the national text applies
    assert brugstad.contacten[0].naam == "Sociaal wijkteam Brugstad"
    assert brugstad.coordinator == "Sociaal wijkteam Brugstad" and brugstad.sleutelpersonen == "ja"
    molenwaard = entries["'s-Molenwaard"]
    assert [p.prioriteit for p in molenwaard.praktijken] == ["niet gekozen", "Hoog", "niet gekozen", "Hoog"]
    assert molenwaard.regie == "Veilig Thuis" and molenwaard.kaartformaat == "A6"
    dijkmond = entries["Dijkmond"]
    assert dijkmond.contacten == () and len(dijkmond.gaten) == 3
    # Problems of the region file belong to the region, not to each municipality.
    assert all(f.bestand == "gemeenten/dijkmond.yaml" for f in dijkmond.bevindingen)


def test_fresh_until_is_the_day_a_contact_check_goes_stale(entries: dict[str, MunicipalityEntry]) -> None:
    brugstad = entries["Brugstad"]  # Stichting Sleutelpersonen: checked 2026-05-20
    assert fresh_until(brugstad, TODAY) == dt.date(2027, 5, 20)
    # Dijkmond has no contacts of its own; the region's Zorg- en Veiligheidshuis, checked on
    # 2026-06-30, is the first number in its routekaart to need checking again.
    assert fresh_until(entries["Dijkmond"], TODAY) == dt.date(2027, 6, 30)
    assert "1 verouderd contact" in attention_text(brugstad, dt.date(2027, 5, 21))
    assert "verouderd" not in attention_text(brugstad, TODAY)


def test_overview_rows_match_the_fixture_region(model: RegionModel) -> None:
    table = model.overzicht
    assert sum(span for _, span in table.groepen) == len(table.kop) == 11
    rows = {r[0]: r for r in table.rijen}
    assert list(rows) == ["Brugstad", "Dijkmond", "'s-Molenwaard", "Wâldterp", "Kapotstad"]
    assert rows["Dijkmond"][5:8] == ("geen lokale partner",) * 3
    # Besides its gaps: why Dijkmond prints as a concept, its example addresses, and whom its cards name
    # (an audience without a marked partner; the practices whose cards name no local contact).
    dijkmond = next(e for e in model.gemeenten if e.naam == "Dijkmond")
    warnings = sum(f.soort == "waarschuwing" for f in dijkmond.bevindingen)
    assert warnings > 3
    assert rows["Dijkmond"][-1] == f"{warnings} waarschuwingen, waaronder 3 gaten in de keten"
    # Wâldterp's Veilig Thuis team (the schools' contact, on the national number) signals only.
    assert rows["Wâldterp"][5:8] == (
        "Gebiedsteam Wâldterp; Veilig Thuis Oeverland, team Wâldterp",
        "Gebiedsteam Wâldterp",
        "Gebiedsteam Wâldterp",
    )
    assert rows["Kapotstad"][-1] == "mislukt: profiel <ongeldig> & leeg"
    places = [p.plek for p in model.problemen]
    assert "gemeenten/brugstad.yaml:70" in places and "regio.yaml:49" in places
    assert model.datum == dt.date(2026, 11, 1)  # Dijkmond's adoption, the latest


def test_regional_document_reads_back_with_every_part(model: RegionModel) -> None:
    data = region_docx.render(model, "overzicht-oeverland.xlsx")
    region_docx.check(data, model)
    document = docx.Document(io.BytesIO(data))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    headings = [t for s, t in paragraphs if s.startswith("Heading")]
    for name in ("Veilig Thuis Oeverland", "Regionale partners", "Brugstad", "Wâldterp", "Niet opgenomen"):
        assert name in headings
    # The table of contents lists the chapters before Word adds page numbers.
    contents = [t for s, t in paragraphs if s in ("toc 1", "toc 2")]
    # The regional overview opens the document; the portrait chapters follow.
    assert contents[:7] == [
        "Overzicht van de regio",
        "Handvatten per gemeente",
        "Veilig Thuis en de regio",
        "Over dit document",
        "Veilig Thuis Oeverland",
        "Afspraken van Veilig Thuis met de gemeenten",
        "Regionale partners",
    ]
    assert "Contactlijst per gemeente" in contents and "De gemeenten" in contents
    assert "Dijkmond" in contents
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "profiel <ongeldig> & leeg" in cells  # autoescaped, not swallowed as markup
    assert "Met het mbo-college loopt een <lesprogramma> over vrije partnerkeuze & relaties." in cells
    header = document.sections[1].header.paragraphs[0].text
    assert "regio Oeverland" in header and "Veilig Thuis Oeverland" in header
    assert document.sections[0].page_width > document.sections[0].page_height  # the landscape overview first
    assert document.core_properties.created == dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    assert region_docx.render(model, "overzicht-oeverland.xlsx") == data


def test_regional_document_check_refuses_a_missing_municipality(model: RegionModel) -> None:
    data = region_docx.render(model, "overzicht-oeverland.xlsx")
    other = region_model(
        model.naam,
        model.kleur,
        model.veilig_thuis,
        model.partners,
        (*model.gemeenten, _renamed(model.gemeenten[0], "Nergenshuizen")),
        (),
        national_content(),
        TODAY,
    )
    with pytest.raises(BuildError, match="Nergenshuizen"):
        region_docx.check(data, other)


def _renamed(entry: MunicipalityEntry, name: str) -> MunicipalityEntry:
    data = to_data(entry)
    data["naam"] = name
    return from_data(MunicipalityEntry, data)


def test_overview_spreadsheet_reads_back(model: RegionModel) -> None:
    data = overview.render(model)
    overview.check(data, model)
    assert overview.render(model) == data
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook["Overzicht"]
    assert sheet.freeze_panes == "B3" and sheet.auto_filter.ref == "A2:K7"
    assert sheet["B1"].value == "Prioriteit per praktijk" and "B1:E1" in sheet.merged_cells
    assert [c.value for c in sheet["A"]][2:] == [
        "Brugstad",
        "Dijkmond",
        "'s-Molenwaard",
        "Wâldterp",
        "Kapotstad",
    ]
    assert sheet.column_dimensions["A"].width >= 12
    problems = workbook["Problemen"]
    assert [c.value for c in problems[1]] == ["Gemeente", "Plek (bestand:regel)", "Soort", "Veld", "Melding"]
    assert problems.freeze_panes == "B2"
    assert workbook.properties.created == dt.datetime(2026, 11, 1)
    with pytest.raises(BuildError, match="geen geldig Excel-bestand"):
        overview.check(b"geen zip", model)
