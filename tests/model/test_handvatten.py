"""The handvatten: national content, the optional profile section, region defaults and the model."""

from __future__ import annotations

from pathlib import Path

from assembler.model.tailor import tailor
from assembler.national import STEPS, national_content
from assembler.national.handvatten import HANDVATTEN, national_handvatten
from assembler.profile.reading import load_profile
from tests.conftest import BASE_PROFILE, BASE_REGION, EXAMPLE_REGION, edit

OWN = """
handvatten:
  monitoring:
    status: in_ontwikkeling
    toelichting: De gemeente bouwt met Veilig Thuis een dashboard.
    wie: Team zorg en veiligheid
  nazorg_vgv:
    status: niet_van_toepassing
"""


def test_every_handvat_has_a_chain_step_and_a_text_from_an_official_source() -> None:
    content = national_handvatten()
    assert [h.id for h in content.handvatten] == list(HANDVATTEN)
    official = ("movisie.nl", "pharos.nl", "meldcode.nu", "rijksoverheid.nl", "huiselijkgeweld.nl")
    for h in content.handvatten:
        assert h.stap in STEPS
        assert len(h.wat.split()) >= 10
        assert h.bron.startswith("https://") and any(d in h.bron for d in official), h.bron


def test_absent_entries_read_nog_niet_ingevuld(write) -> None:
    model = tailor(load_profile(write(BASE_PROFILE)), national_content())
    assert len(model.handvatten) == len(HANDVATTEN)
    assert {h.status_label for h in model.handvatten} == {"Nog niet ingevuld"}
    assert not any(h.ingevuld for h in model.handvatten)
    assert "Testdam" in " ".join(model.handvatten_inleiding)
    assert "{" not in " ".join(model.handvatten_inleiding + model.handvatten_veilig_thuis)


def test_profile_statuses_with_explanation_and_who(write) -> None:
    model = tailor(load_profile(write(BASE_PROFILE + OWN)), national_content())
    by_id = {h.id: h for h in model.handvatten}
    assert by_id["monitoring"].status_label == "In ontwikkeling"
    assert by_id["monitoring"].toelichting.startswith("De gemeente bouwt")
    assert by_id["monitoring"].wie == "Team zorg en veiligheid"
    assert by_id["nazorg_vgv"].code == "nvt"
    assert by_id["informatiedeling"].status == "nog_niet_ingevuld"


def test_unknown_status_and_handvat_are_refused_with_file_and_line(write, run) -> None:
    bad = OWN.replace("in_ontwikkeling", "bijna").replace("nazorg_vgv:", "nazorg:")
    path = write(BASE_PROFILE + bad)
    result = run("validate", path)
    assert result.exit_code == 1
    assert "handvatten.monitoring.status" in result.output
    assert "handvatten.nazorg" in result.output
    assert f"{path.name}:" in result.output or str(path) in result.output


def test_region_standaard_gives_defaults_a_municipality_overrides(write) -> None:
    region = edit(
        BASE_REGION,
        "standaard:\n",
        "standaard:\n  handvatten:\n    monitoring:\n      status: geregeld\n"
        "    informatiedeling:\n      status: geregeld\n      wie: Regio Testland\n",
    )
    write(region, "regio.yaml")
    local = edit(BASE_PROFILE, "soort: gemeente\n", "soort: gemeente\nregio: ../regio.yaml\n")
    local += "handvatten:\n  monitoring:\n    status: niet_geregeld\n"
    path = write(local, "gemeenten/testdam.yaml")
    model = tailor(load_profile(path), national_content())
    by_id = {h.id: h for h in model.handvatten}
    assert by_id["monitoring"].status == "niet_geregeld"
    assert (
        by_id["informatiedeling"].status == "geregeld" and by_id["informatiedeling"].wie == "Regio Testland"
    )


def test_example_region_fills_some_handvatten() -> None:
    path = Path(EXAMPLE_REGION) / "gemeenten" / "kreekmonde.yaml"
    model = tailor(load_profile(path), national_content())
    labels = {h.id: h.status_label for h in model.handvatten}
    assert labels["afspraken_veilig_thuis"] == "Geregeld"  # from the region's standaard
    assert labels["monitoring"] == "Niet geregeld"
