"""The built Word routekaart is honest: national framing first, no invented local practice, corrected meldcode."""

from __future__ import annotations

import re
from pathlib import Path

import docx

from assembler.national import national_content
from assembler.national.handvatten import national_handvatten
from tests.conftest import Invoke, WriteFile

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
    r"Gemeente {g}(, regio .*)?",  # the cover: municipality, then title and name
    r"Routekaart schadelijke praktijken\n{g}",
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
    r"Dit is de standaardkeuze( van de regio .*)?: {g} heeft (niet zelf|nog niet) vastgelegd .*",
    r"Standaardtekst: .*",
    # The chapter "Wat regelt de gemeente" (content 2026.5): its status column comes from the profile or
    # says "nog niet ingevuld"; who has the regie is said to be a standard choice when it is one.
    r"Naast de wettelijke taken van Veilig Thuis .* hoe ver {g} is\. In deze routekaart .*procesregie.*\. "
    r"Dit is de standaardkeuze: {g} heeft nog niet vastgelegd wie de regie heeft\.",
    r"De stand van zaken, wie het regelt en de afspraak komen van de gemeente zelf\..*",
    r"Veilig Thuis is het advies- en meldpunt voor professionals en inwoners in {g}\. Hieronder .*",
    r"Stand van zaken in {g}(: Nog niet ingevuld)?",
    # The sign-off sheet: what each partner agreed to comes from the profile's akkoord entries.
    r"Een routekaart werkt alleen als elke partner .* {g} op die partner rekent, en of de partner daarmee akkoord ging voor deze versie\.",
    # Why an edition is a concept, and the colophon on the checks: about this document, not about {g}.
    r"Waarom dit een concept is:",
    r".*Deze versie is nog niet vastgesteld\.",
    r".*standaardteksten in plaats van eigen keuzes en afspraken: .*",
    r"Nog door niemand nagekeken op de eigen website van de organisatie: .*",
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
    """The national stand-in text for training, filled in for this municipality (a note follows it)."""
    raw = [str(t) for t in national_content().teksten["deskundigheidsbevordering"]]
    return {" ".join(t.replace("{gemeente}", name).split()) for t in raw}


def handvat_texts(name: str) -> set[str]:
    """What the national content says a municipality arranges per handvat, filled in for this one:
    a task, not a claim about what it did."""
    rows = national_handvatten().handvatten
    texts = {h.wat for h in rows} | {t for h in rows for t in h.per_praktijk.values()}
    return {" ".join(t.replace("{gemeente}", name).split()) for t in texts}


def local_claims(texts: list[str], name: str) -> list[str]:
    """Paragraphs that name the municipality and are neither structure nor marked stand-in text."""
    patterns = [re.compile(p.format(g=re.escape(name)), re.S) for p in STRUCTURAL]
    marked = standard_texts(name) | handvat_texts(name)
    claims = []
    for text in texts:
        if name not in text or any(p.fullmatch(text) for p in patterns):
            continue
        # The stand-in training text is marked by a note that follows it.
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
    assert any(
        t.startswith("Dit is de standaardtekst: Minidam heeft nog geen eigen afspraken over training")
        for t in texts
    )


def test_chain_step_stand_ins_say_so_first_and_claim_nothing_local(
    run: Invoke, write: WriteFile, tmp_path: Path
) -> None:
    texts = paragraphs(build_docx(run, write(MINIMAL, "minidam.yaml"), tmp_path / "uit"))
    headings = [i for i, t in enumerate(texts) if t == "Afspraken in Minidam"]
    assert len(headings) == 3
    for i in headings:
        # The marker is the first thing under the heading, not a note after a claim.
        assert texts[i + 1].startswith(
            "Standaardtekst: Minidam heeft voor deze stap nog geen eigen afspraken"
        ), texts[i + 1]
        assert texts[i + 2].startswith("Landelijk geldt:"), texts[i + 2]
    whole = "\n".join(texts)
    assert "Dit is de standaardtekst: Minidam heeft voor deze stap" not in whole
    # The old stand-ins told what professionals in the municipality do: no such sentence is left.
    for claim in ("Professionals in Minidam werken", "Meldingen gaan naar", "In Minidam werken de gemeente"):
        assert claim not in whole


def test_key_persons_left_unset_are_no_local_claim(run: Invoke, write: WriteFile, tmp_path: Path) -> None:
    path = build_docx(run, write(MINIMAL, "minidam.yaml"), tmp_path / "uit")
    body = docx.Document(str(path)).paragraphs
    (heading,) = [
        i for i, p in enumerate(body) if p.text == "Sleutelpersonen" and p.style.name.startswith("Heading")
    ]
    assert body[heading + 1].text.startswith(
        "Standaardtekst: Minidam heeft nog niet vastgelegd of zij met sleutelpersonen werkt."
    )
    texts = paragraphs(path)
    whole = "\n".join(texts)
    assert "zijn sleutelpersonen actief" not in whole and "De gemeente werkt met sleutelpersonen" not in whole
    assert "Nog geen keuze vastgelegd" in texts
