"""Defaults are declared in the schema and filled in after the region, so a region's choice wins."""

from __future__ import annotations

from assembler.profile.merge import origins, resolve
from assembler.profile.schema import AUDIENCES, HOUSE_COLOUR, defaults


def _gemeente(**extra: object) -> dict[str, object]:
    return {"soort": "gemeente", "naam": "Proefdam", "document": {"versie": "1"}, **extra}


def test_the_schema_declares_the_four_defaults() -> None:
    assert defaults() == {
        ("huisstijl", "hoofdkleur"): HOUSE_COLOUR,
        ("ketenaanpak", "regie"): "gemeente",
        ("kaarten", "formaat"): "creditcard",
        ("kaarten", "doelgroepen"): list(AUDIENCES[:4]),
    }


def test_a_profile_without_choices_gets_the_defaults() -> None:
    data = resolve(_gemeente(), None)
    assert data["kaarten"] == {"formaat": "creditcard", "doelgroepen": list(AUDIENCES[:4])}
    assert data["ketenaanpak"]["regie"] == "gemeente"
    assert data["huisstijl"]["hoofdkleur"] == HOUSE_COLOUR


def test_region_standaard_beats_the_default_and_the_profile_beats_both() -> None:
    region = {
        "naam": "Proefland",
        "veilig_thuis": {"naam": "Veilig Thuis Proefland"},
        "standaard": {"kaarten": {"formaat": "a6"}, "ketenaanpak": {"regie": "veilig_thuis"}},
    }
    data = resolve(_gemeente(ketenaanpak={"regie": "zorg_en_veiligheidshuis"}), region)
    assert data["kaarten"]["formaat"] == "a6"
    assert data["kaarten"]["doelgroepen"] == list(AUDIENCES[:4])
    assert data["ketenaanpak"]["regie"] == "zorg_en_veiligheidshuis"


def test_origins_name_each_choice_the_municipality_left_to_others() -> None:
    region = {
        "naam": "Proefland",
        "veilig_thuis": {"naam": "Veilig Thuis Proefland"},
        "standaard": {"ketenaanpak": {"regie": "veilig_thuis"}},
    }
    found = origins(_gemeente(kaarten={"formaat": "a6"}), region)
    assert found["ketenaanpak.regie"] == "regio"
    assert found["huisstijl.hoofdkleur"] == "standaard"
    assert found["kaarten.doelgroepen"] == "standaard"
    assert "kaarten.formaat" not in found  # written by the municipality itself
    assert "ketenaanpak.regie" not in origins(_gemeente(ketenaanpak={"regie": "gemeente"}), region)
    assert origins(_gemeente(), None)["ketenaanpak.regie"] == "standaard"
