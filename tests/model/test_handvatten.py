"""The handvatten: national content, the optional profile section, region defaults and the model."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assembler.errors import ContentError
from assembler.model.tailor import tailor, tailor_region
from assembler.national import PRACTICES, STEPS, national_content, on_domain
from assembler.national.handvatten import HANDVATTEN, VT_AFSPRAKEN, load_handvatten, national_handvatten
from assembler.profile.reading import load_profile, load_region
from assembler.resources import content_dir
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


def _sentences(text: str) -> int:
    # A sentence ends in a full stop, question or exclamation mark before a space and a capital;
    # "artikel 5.2.6" and "t/m" do not end one.
    return len(re.findall(r"[.!?](?=\s+[A-Z(]|$)", text))


def test_every_handvat_says_what_and_why_in_two_to_four_sentences_from_official_pages() -> None:
    hv = national_handvatten()
    content = national_content()
    assert [h.id for h in hv.handvatten] == list(HANDVATTEN)
    domains = content.info.officiele_domeinen
    for h in hv.handvatten:
        assert h.groep in {g.id for g in hv.groepen}
        texts = [h.wat, *h.per_regie.values()]
        extra = sum(_sentences(t) for t in h.per_praktijk.values())
        for text in texts:
            assert _sentences(text) >= 2 and _sentences(text) + extra <= 4, (h.id, text)
        assert h.bronnen, h.id
        for source in h.bronnen:
            assert on_domain(content.source(source).url, domains), (h.id, source)


def test_every_step_is_a_group_with_the_steps_own_name() -> None:
    hv = national_handvatten()
    content = national_content()
    names = {g.id: g.naam for g in hv.groepen}
    for step in STEPS:
        assert names[step] == content.stappen[step].naam


def test_the_meldrecht_is_worded_as_information_given_to_veilig_thuis_only() -> None:
    by_id = {h.id: h for h in national_handvatten().handvatten}
    text = by_id["informatiedeling"].wat
    meldrecht = next(s for s in re.split(r"(?<=\.)\s+", text) if "meldrecht" in s)
    assert "Veilig Thuis informatie geven" in meldrecht and "met elkaar" not in meldrecht
    assert "alleen voor informatie aan Veilig Thuis" in text
    # Sharing between partners rests on a basis of its own, such as a covenant.
    assert "privacyconvenant" in by_id["privacyconvenant"].wat


def test_no_text_claims_every_organisation_has_an_attention_officer() -> None:
    hv = national_handvatten()
    every = re.compile(r"elke organisatie heeft een aandachtsfunctionaris", re.IGNORECASE)
    for h in hv.handvatten:
        assert not every.search(" ".join([h.wat, *h.per_praktijk.values(), *h.per_regie.values()]))
    assert "bij voorkeur een aandachtsfunctionaris" in {h.id: h for h in hv.handvatten}[
        "deskundigheidsbevordering"
    ].wat.replace("\n", " ")


def test_aftercare_after_fgm_is_about_care_and_only_for_fgm() -> None:
    by_id = {h.id: h for h in national_handvatten().handvatten}
    aftercare = by_id["nazorg_vgv"]
    assert aftercare.praktijken == ("vrouwelijke_genitale_verminking",)
    assert "zorg" in aftercare.wat and "besneden" in aftercare.wat
    # Prevention (JGZ talking with parents) sits with the Verklaring, not under aftercare.
    assert "bespreekt" not in aftercare.wat
    assert by_id["verklaring_vgv"].praktijken == ("vrouwelijke_genitale_verminking",)


def test_the_huisverbod_is_the_mayors_tool_without_a_claim_that_it_fits_these_practices() -> None:
    huisverbod = {h.id: h for h in national_handvatten().handvatten}["huisverbod"]
    assert "burgemeester" in huisverbod.wat and "tien dagen" in huisverbod.wat
    assert "niet speciaal voor de praktijken" in huisverbod.wat
    law = next(w for w in national_content().wetten if w.id == "wet-tijdelijk-huisverbod")
    assert law.bronnen and "niet speciaal voor de praktijken" in " ".join(law.kern)


def test_absent_entries_read_nog_niet_ingevuld(write) -> None:
    model = tailor(load_profile(write(BASE_PROFILE)), national_content())
    assert len(model.handvatten) == len(HANDVATTEN)  # Testdam has all four practices
    assert {h.status_label for h in model.handvatten} == {"Nog niet ingevuld"}
    assert {h.afspraak_tekst for h in model.handvatten} == {"nog niet vastgelegd"}
    assert not any(h.ingevuld or h.herkomst for h in model.handvatten)
    assert "Testdam" in " ".join(model.handvatten_inleiding)
    assert "{" not in " ".join(model.handvatten_inleiding + model.handvatten_veilig_thuis)
    assert "{" not in " ".join(h.wat for h in model.handvatten)


def test_profile_statuses_with_explanation_and_who(write) -> None:
    model = tailor(load_profile(write(BASE_PROFILE + OWN)), national_content())
    by_id = {h.id: h for h in model.handvatten}
    assert by_id["monitoring"].status_label == "In ontwikkeling"
    assert by_id["monitoring"].status_tekst == "In ontwikkeling"  # its own choice: no label
    assert by_id["monitoring"].afspraak_tekst.startswith("De gemeente bouwt")
    assert by_id["monitoring"].wie == "Team zorg en veiligheid"
    assert by_id["nazorg_vgv"].code == "nvt"
    assert by_id["informatiedeling"].status == "nog_niet_ingevuld"


def test_handvatten_follow_the_practices(write) -> None:
    # Only forced marriage: the other practices' blocks (priority and own local situation) go.
    only_hd = BASE_PROFILE
    for practice in ("vrouwelijke_genitale_verminking", "gedwongen_achterlating", "eergerelateerd_geweld"):
        only_hd = re.sub(rf"^  {practice}:\n(?:    .*\n)*", "", only_hd, count=1, flags=re.MULTILINE)
    assert "  huwelijksdwang:\n" in only_hd and "gedwongen_achterlating" not in only_hd
    model = tailor(load_profile(write(only_hd)), national_content())
    ids = {h.id for h in model.handvatten}
    assert {"nazorg_vgv", "verklaring_vgv", "specialistische_opvang_egg"}.isdisjoint(ids)
    assert {"leerplicht_vakantie", "huisverbod", "privacyconvenant"} <= ids
    assert any("niet in deze routekaart opneemt" in p for p in model.handvatten_inleiding)
    # The topics of "Voor Veilig Thuis" follow too: the LKHA with forced marriage, no LEC EGG without EGG.
    topics = {a.id for a in model.veilig_thuis_afspraken}
    assert "lkha" in topics and {"lec_egg", "bereikbaarheid_vgv"}.isdisjoint(topics)
    deskundigheid = next(h for h in model.handvatten if h.id == "deskundigheidsbevordering")
    assert "aandachtsfunctionarissen VGV" not in deskundigheid.wat


def test_handvatten_follow_the_regie(write) -> None:
    own = edit(BASE_PROFILE, "  regie: gemeente\n", "  regie: veilig_thuis\n")
    model = tailor(load_profile(write(own)), national_content())
    intro = " ".join(model.handvatten_inleiding)
    assert "ligt de procesregie over de keten bij Veilig Thuis Testland" in intro
    assert "voert de regie" not in intro and "zelf de procesregie" not in intro
    procesregie = next(h for h in model.handvatten if h.id == "procesregie")
    assert "ligt de regie bij Veilig Thuis Testland" in procesregie.wat
    municipal = tailor(load_profile(write(BASE_PROFILE, "ander.yaml")), national_content())
    assert "zelf de procesregie" in " ".join(municipal.handvatten_inleiding)


def test_region_standaard_gives_defaults_marked_as_the_regions_choice(write) -> None:
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
    assert by_id["monitoring"].status == "niet_geregeld" and by_id["monitoring"].herkomst is None
    shared = by_id["informatiedeling"]
    assert shared.status == "geregeld" and shared.wie == "Regio Testland" and shared.herkomst == "regio"
    assert shared.status_tekst == "Geregeld (standaardkeuze van de regio Testland)"


def test_veilig_thuis_agreements_come_from_the_region_file(write) -> None:
    region = edit(
        BASE_REGION,
        "veilig_thuis:\n",
        "veilig_thuis:\n  werkafspraken:\n    lkha: De casusregisseur belt het LKHA dezelfde dag.\n",
    )
    write(edit(BASE_PROFILE, "naam: Testdam\n", "naam: Testdam\nregio: ../regio.yaml\n"), "gemeenten/testdam.yaml")
    vt, _ = tailor_region(load_region(write(region, "regio.yaml")).data, national_content())
    by_id = {a.id: a for a in vt.afspraken}
    assert tuple(by_id) == VT_AFSPRAKEN
    assert by_id["lkha"].afspraak == "De casusregisseur belt het LKHA dezelfde dag."
    assert by_id["raad"].afspraak is None and by_id["raad"].afspraak_tekst == "nog niet vastgelegd"
    assert all(a.uitleg and a.bronnen for a in vt.afspraken)
    intake = by_id["intake"].uitleg
    assert "0800-2000" in intake  # filled from organisaties.yaml


def test_example_region_is_complete_and_consistent() -> None:
    path = Path(EXAMPLE_REGION) / "gemeenten" / "kreekmonde.yaml"
    model = tailor(load_profile(path), national_content())
    by_id = {h.id: h for h in model.handvatten}
    assert set(by_id) == set(HANDVATTEN)  # Kreekmonde has all four practices
    assert all(h.ingevuld for h in model.handvatten)
    assert by_id["afspraken_veilig_thuis"].status_tekst.startswith("Geregeld (standaardkeuze van de regio")
    # VGV is one of Kreekmonde's practices: aftercare is not "niet van toepassing".
    assert by_id["nazorg_vgv"].status != "niet_van_toepassing"
    # The training agreement says the same as the chain chapter: twice a year.
    assert "Twee keer per jaar" in by_id["deskundigheidsbevordering"].afspraak_tekst
    assert "Twee keer per jaar" in " ".join(model.deskundigheidsbevordering)
    assert "elk jaar" not in by_id["deskundigheidsbevordering"].afspraak_tekst
    # Every agreement of Veilig Thuis is recorded in the example's region file.
    assert all(a.afspraak for a in model.veilig_thuis.afspraken)


def _copy_content(tmp_path: Path) -> Path:
    folder = tmp_path / "inhoud"
    shutil.copytree(content_dir(), folder)
    return folder


def test_a_handvat_without_a_source_or_with_an_unknown_one_is_refused(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    path = folder / "handvatten.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("bronnen: [movisie-gemeenten-wmo]", "bronnen: []", 1), encoding="utf-8")
    with pytest.raises(ContentError, match="heeft geen bron"):
        load_handvatten(folder)
    path.write_text(text.replace("[movisie-gemeenten-wmo]", "[een-blog]", 1), encoding="utf-8")
    with pytest.raises(ContentError, match="onbekende bron 'een-blog'"):
        load_handvatten(folder)


def test_a_handvat_for_an_unknown_practice_is_refused(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    path = folder / "handvatten.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("praktijken: [eergerelateerd_geweld]", "praktijken: [eerwraak]", 1), encoding="utf-8"
    )
    with pytest.raises(ContentError, match="onbekende praktijk 'eerwraak'"):
        load_handvatten(folder)
    assert "eergerelateerd_geweld" in PRACTICES
