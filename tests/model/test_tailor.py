"""The content model: what the tailoring step decides from a profile and the national content."""

from __future__ import annotations

import dataclasses

import pytest

from assembler.model.tailor import paragraphs, tailor
from assembler.national import national_content
from assembler.profile.reading import load_profile
from tests.conftest import FIXTURE_REGION

GEMEENTEN = FIXTURE_REGION / "gemeenten"


def model_of(name: str):
    return tailor(load_profile(GEMEENTEN / f"{name}.yaml"), national_content())


def test_only_selected_practices_ordered_by_priority() -> None:
    model = model_of("s-molenwaard")
    assert [p.key for p in model.praktijken] == ["huwelijksdwang", "eergerelateerd_geweld"]
    brugstad = model_of("brugstad")
    assert [p.prioriteit for p in brugstad.praktijken] == ["hoog", "hoog", "gemiddeld", "gemiddeld"]
    assert brugstad.praktijken[0].key == "vrouwelijke_genitale_verminking"


def test_local_texts_win_and_standard_texts_fill_in() -> None:
    brugstad = model_of("brugstad")
    assert brugstad.inleiding_eigen
    # The national framing comes first; the municipality's own introduction follows it.
    assert "zelfbeschikking" in brugstad.inleiding[0]
    assert "sleutelpersonen" in " ".join(brugstad.inleiding[1:])
    vgv = brugstad.praktijken[0]
    assert vgv.lokale_situatie_eigen and "Somalische" in vgv.lokale_situatie[0]
    dijkmond = model_of("dijkmond")
    assert not dijkmond.inleiding_eigen
    assert all(p.lokale_situatie and not p.lokale_situatie_eigen for p in dijkmond.praktijken)
    # Standard texts name the municipality and never leave a placeholder behind.
    assert any("Dijkmond" in para for para in dijkmond.inleiding)
    for value in _all_strings(dijkmond):
        assert "{gemeente}" not in value and "{regio}" not in value


def test_profile_text_is_never_formatted() -> None:
    model = model_of("s-molenwaard")
    situation = model.praktijken[0].lokale_situatie[0]
    assert situation == "Met het mbo-college loopt een <lesprogramma> over vrije partnerkeuze & relaties."


def test_partners_grouped_per_step_and_practice() -> None:
    model = model_of("brugstad")
    steps = {s.key: s for s in model.stappen}
    assert [p.id for p in steps["signaleren_en_melden"].partners][:3] == [
        "wijkteam-brugstad",
        "leerplicht-brugstad",
        "ggd-oeverland",
    ]
    assert "stichting-sleutelpersonen" in [p.id for p in steps["preventie_veiligheid_hulp"].partners]
    vgv = model.praktijken[0]
    assert "ggd-oeverland" in [p.id for p in vgv.partners]
    assert "leerplicht-brugstad" not in [p.id for p in vgv.partners]


def test_coordinator_and_regie_are_worded() -> None:
    brugstad = model_of("brugstad")
    assert brugstad.coordinator is not None
    assert "Sociaal wijkteam Brugstad" in brugstad.coordinator_tekst
    molenwaard = model_of("s-molenwaard")
    assert molenwaard.regie == "veilig_thuis"
    assert "Veilig Thuis" in molenwaard.regie_tekst


def test_region_veilig_thuis_and_route_names() -> None:
    model = model_of("waldterp")
    assert model.veilig_thuis.naam == "Veilig Thuis Oeverland"
    assert str(model.veilig_thuis.telefoon) == "0800-2000"
    assert model.slug == "waldterp"
    route = model.praktijken[0].route
    names = [n for stage in route.stages for n in stage.wie]
    assert any("Gebiedsteam Wâldterp" in n for n in names)
    assert "112" in route.acuut.wie[0]


def test_contact_list_has_a_row_per_partner_and_only_confirmed_national_numbers() -> None:
    model = model_of("brugstad")
    names = [c.naam for c in model.contacten]
    for partner in model.partners:
        assert partner.naam in names
    national = [c for c in model.contacten if c.soort == "landelijk"]
    # A national row has a confirmed number, or (the LKHA) says how to reach it without one.
    assert national and all(c.telefoon or c.bereikbaarheid for c in national)
    lkha = [c for c in national if "LKHA" in c.naam]
    assert lkha and lkha[0].telefoon is None
    assert "Veilig Thuis kan het LKHA inschakelen" in (lkha[0].bereikbaarheid or "")
    assert all("070-345" not in str(c.telefoon or "") for c in model.contacten)
    # Slachtofferhulp's number for referring professionals stands on its own page (option 3); a number
    # only seen elsewhere (Centrum Seksueel Geweld's, on a press overview) is left out, with the site.
    helpers = [c for c in national if c.naam == "Slachtofferhulp Nederland"]
    assert helpers and str(helpers[0].telefoon) == "0900-0101" and "keuze 3" in (helpers[0].bereikbaarheid or "")
    sexual = [c for c in national if c.naam == "Centrum Seksueel Geweld"]
    assert (
        sexual and sexual[0].telefoon is None and sexual[0].bereikbaarheid == "via centrumseksueelgeweld.nl"
    )
    # A national number stands with its source; the colophon names those nobody compared with it.
    for contact in national:
        assert contact.bron_domein and contact.bron_domein in (contact.bron or "")
    unchecked = " ".join(model.ongecontroleerde_nummers)
    assert "Politie (112 en 0900-8844)" in unchecked and "Slachtofferhulp Nederland (0900-0101)" in unchecked
    assert "Centrum Seksueel Geweld" not in unchecked
    assert "Politie (112 en 0900-8844)" in model.controle_tekst


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("een\ntwee\n\ndrie", ("een twee", "drie")),
        ("  ", ()),
        (None, ()),
    ],
)
def test_paragraphs(text, expected) -> None:
    assert paragraphs(text) == expected


def _all_strings(obj):
    if isinstance(obj, str):
        yield obj
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from _all_strings(getattr(obj, f.name))
    elif isinstance(obj, tuple | list):
        for item in obj:
            yield from _all_strings(item)
    elif isinstance(obj, dict):
        for item in obj.values():
            yield from _all_strings(item)


def test_a_regie_left_to_the_region_is_marked_as_its_standard_choice() -> None:
    dijkmond = model_of("dijkmond")  # sets no regie; the region's standaard says 'gemeente'
    assert dijkmond.regie == "gemeente"
    assert dijkmond.regie_herkomst == "regio"
    assert dijkmond.regie_noot is not None
    assert "standaardkeuze van de regio Oeverland" in dijkmond.regie_noot
    assert "Dijkmond" in dijkmond.regie_noot
    brugstad = model_of("brugstad")  # writes 'regie: gemeente' itself
    assert brugstad.regie_herkomst is None
    assert brugstad.regie_noot is None


def test_a_regie_left_to_the_schema_default_is_marked_as_the_standard_choice(profile) -> None:
    path = profile(("  regie: gemeente\n", ""))
    model = tailor(load_profile(path), national_content())
    assert model.regie == "gemeente"
    assert model.regie_herkomst == "standaard"
    assert model.regie_noot is not None
    assert model.regie_noot.startswith("Dit is de standaardkeuze: Testdam")
