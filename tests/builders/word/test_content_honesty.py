"""The built Word routekaart is honest: national framing first, no invented local practice, corrected meldcode."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from assembler.national import national_content
from tests.conftest import BASE_PROFILE, CONTRACT, Invoke, WriteFile

MINIMAL = """\
schema_versie: 1
soort: gemeente
naam: Minidam
document:
  versie: "1.0"
  vastgesteld_op: 2026-11-01
  eigenaar:
    naam: Team Zorg
    email: zorg@minidam.example
praktijken:
  vrouwelijke_genitale_verminking: {}
  huwelijksdwang: {}
  gedwongen_achterlating: {}
  eergerelateerd_geweld: {}
"""

# Sentences that name the municipality without claiming anything about its practice:
# headings, the document's own structure, and explicit "not yet recorded" notes.
STRUCTURAL = (
    r"{g}",
    r"Over de aanpak van .*, met de afspraken en partners in {g}\.",
    r"Het ministerie van VWS publiceerde .*",
    r"Deze routekaart gaat over de aanpak van .* in {g}, met .* als advies- en meldpunt\.",
    r"Dit hoofdstuk beschrijft de vier schadelijke praktijken waarop {g} zich richt: .*",
    r"Per praktijk staat wat die inhoudt.*",
    r"De situatie in {g}",
    r"Partners in {g}( en de regio)?",
    r"Afspraken in {g}",
    r"Keuze in {g}",
    r"Het schema laat zien welke weg een signaal van .* in {g} aflegt en wie er bij elke stap betrokken is\..*",
    r"Route bij signalen van .* in {g}\.",
    r"{g} heeft in deze routekaart nog geen eigen lokale partners vastgelegd\..*",
    r"Voor deze ketenstap zijn in {g} geen eigen lokale partners vastgelegd;.*",
    r"Dit overzicht vat de keuzes samen die {g} voor deze routekaart heeft gemaakt\..*",
    r"Dit is de standaardtekst: .*",
    r"Dit is de standaardkeuze( van de regio .*)?: {g} heeft in haar profiel .*",
    r"Standaardtekst: .*",
    # The chapter "Wat regelt de gemeente": its status column comes from the profile or says "nog niet ingevuld".
    r"Naast de wettelijke taken van Veilig Thuis .* met de stand van zaken in {g}\.",
    r"De status komt uit het profiel van de gemeente\..*",
    r"Voor Veilig Thuis.* laat dit overzicht zien wat {g} lokaal heeft geregeld\..*",
    r"Status in {g}",
    # The sign-off sheet: what each partner agreed to comes from the profile's akkoord entries.
    r"De routekaart is alleen bruikbaar als elke partner .* {g} op hem rekent, en of hij daar akkoord mee is gegaan\.",
)


def paragraphs(path: Path) -> list[str]:
    document = docx.Document(str(path))
    texts = [p.text.strip() for p in document.paragraphs]
    texts += [c.text.strip() for t in document.tables for row in t.rows for c in row.cells]
    return [t for t in texts if t]


def build_docx(run: Invoke, profile: Path, out: Path) -> Path:
    result = run("build", profile, "--formaat", "docx", "-o", out)
    assert result.exit_code == 0, result.output
    found = sorted(out.rglob("routekaart-*.docx"))
    assert len(found) == 1
    return found[0]


def standard_texts(name: str) -> set[str]:
    """The national stand-in texts for chain steps and training, filled in for this municipality."""
    content = national_content()
    raw = [t for s in content.stappen.values() for t in s.standaard_afspraken]
    raw += [str(t) for t in content.teksten["deskundigheidsbevordering"]]
    return {" ".join(t.replace("{gemeente}", name).split()) for t in raw}


def local_claims(texts: list[str], name: str) -> list[str]:
    """Paragraphs that name the municipality and are neither structure nor marked stand-in text."""
    patterns = [re.compile(p.format(g=re.escape(name)), re.S) for p in STRUCTURAL]
    marked = standard_texts(name)
    claims = []
    for text in texts:
        if name not in text or any(p.fullmatch(text) for p in patterns):
            continue
        # Stand-in chain-step and training texts are marked by a note that follows them.
        if any(" ".join(text.split()).startswith(m.split("{")[0][:60]) for m in marked):
            continue
        claims.append(text)
    return claims


def _marked_regie(texts: list[str], text: str) -> bool:
    """The regie sentence of a municipality that did not choose it is followed by a note saying so."""
    if " de procesregie over de ketenaanpak" not in text:
        return False
    return texts[texts.index(text) + 1].startswith("Dit is de standaardkeuze")


def test_a_minimal_profile_prints_no_invented_local_practice(
    run: Invoke, write: WriteFile, tmp_path: Path
) -> None:
    texts = paragraphs(build_docx(run, write(MINIMAL, "minidam.yaml"), tmp_path / "uit"))
    assert [t for t in local_claims(texts, "Minidam") if not _marked_regie(texts, t)] == []
    # Every stand-in is labelled where it stands: four practices, three chain steps, training.
    assert sum(t.startswith("Standaardtekst: Minidam heeft nog niet beschreven") for t in texts) == 4
    assert sum(t.startswith("Dit is de standaardtekst: Minidam heeft voor deze stap") for t in texts) == 3
    assert any(
        t.startswith("Dit is de standaardtekst: Minidam heeft nog geen eigen afspraken over training")
        for t in texts
    )


@pytest.mark.skipif(not CONTRACT.exists(), reason="het contract (../shared) ontbreekt in deze checkout")
def test_the_contract_polderdam_prints_no_invented_local_practice(run: Invoke, tmp_path: Path) -> None:
    texts = paragraphs(build_docx(run, CONTRACT / "gemeenten" / "polderdam.yaml", tmp_path / "uit"))
    assert [t for t in local_claims(texts, "Polderdam") if not _marked_regie(texts, t)] == []
    assert "Dit is de standaardkeuze van de regio Middenland: Polderdam heeft" in "\n".join(texts)


def test_the_national_framing_stays_and_the_local_introduction_follows(
    run: Invoke, write: WriteFile, tmp_path: Path
) -> None:
    texts = paragraphs(build_docx(run, write(BASE_PROFILE, "testdam.yaml"), tmp_path / "uit"))
    framing = next(i for i, t in enumerate(texts) if "zelfbeschikking" in t)
    purpose = next(i for i, t in enumerate(texts) if t.startswith("Het ministerie van VWS publiceerde"))
    own = texts.index("In Testdam ligt het accent op preventie.")
    assert framing < purpose < own


def test_meldcode_step_five_afwegingskader_and_one_hour_rule_as_built(
    run: Invoke, write: WriteFile, tmp_path: Path
) -> None:
    texts = paragraphs(build_docx(run, write(BASE_PROFILE, "testdam.yaml"), tmp_path / "uit"))
    whole = "\n".join(texts)
    assert "Regel zelf hulp of meld" not in whole
    assert "of dat je meldt" not in whole and "hulp kunt organiseren of dat" not in whole
    step5 = next(t for t in texts if "Neem eerst het besluit of melden" in t)
    assert step5.index("melden") < step5.index("zelf passende hulp")
    for n in range(1, 6):
        assert any(t.startswith(f"Vraag {n}:") for t in texts), n
    assert "acute en structurele onveiligheid meldt u altijd" in whole
    for text in texts:
        if "een uur" in text:
            assert "acuut" in text, text
    assert "blijvende onveiligheid" not in whole
    assert "12 tot 29" not in whole
    assert whole.count("1.500") == 1
    assert f"Landelijke inhoud: versie {national_content().info.versie}" in whole


def test_the_contact_list_has_the_lkha_when_forced_marriage_is_chosen(
    run: Invoke, write: WriteFile, tmp_path: Path
) -> None:
    texts = paragraphs(build_docx(run, write(MINIMAL, "minidam.yaml"), tmp_path / "uit"))
    start = next(i for i, t in enumerate(texts) if t.startswith("Op deze pagina staan de belangrijkste"))
    contact_list = "\n".join(texts[start:])
    assert "Landelijk Knooppunt Huwelijksdwang en Achterlating" in contact_list
    assert "huwelijksdwangenachterlating.nl" in contact_list
