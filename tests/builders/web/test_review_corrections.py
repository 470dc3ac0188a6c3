"""The review of 2026-11-29, read back from the built HTML and PDF routekaart.

Unchecked national numbers say so, no number rests on another body's page, stand-in
agreements say so before anything else, and the practice lists say what they are. The
corrections of 2026-12-06 (DOMAIN.md) found own pages for Slachtofferhulp's 0900-0101 and for
Fier, so those print again; Centrum Seksueel Geweld's number waits for a contact page.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pdfplumber
import pytest
from lxml.html import HtmlElement

from assembler.model.routekaart import Routekaart
from tests.conftest import BuiltProfile

GONE = ("0800-0188", "247 247 247", "bereik je ook het LKHA", "Landelijke organisaties voor advies")


@pytest.fixture(scope="module")
def dijkmond(fixture_region_built: dict[str, BuiltProfile]) -> tuple[Routekaart, HtmlElement, str]:
    built = fixture_region_built["dijkmond"]
    html, pdf = built.folder / "routekaart-dijkmond.html", built.folder / "routekaart-dijkmond.pdf"
    return built.model, lxml.html.parse(str(html)).getroot(), _pdf_text(pdf)


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)


def _flat(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def test_unchecked_national_numbers_stand_with_their_source(
    dijkmond: tuple[Routekaart, HtmlElement, str],
) -> None:
    model, page, pdf = dijkmond
    rows = page.xpath("//table[contains(@class, 'contacten')]//tr[td]")
    national = [c for c in model.contacten if c.soort == "landelijk"]
    unchecked = [c.naam for c in national if c.telefoon and c.gecontroleerd_op is None]
    assert {"Politie", "Slachtofferhulp Nederland", "Fier"} <= set(unchecked)
    # A number seen only on a press page is not printed at all (content 2026.5).
    assert [c.telefoon for c in national if c.naam == "Centrum Seksueel Geweld"] == [None]
    sourced = {}
    for row in rows:
        name = " ".join((row.xpath("th")[0].text or "").split())
        sourced[name] = "Bron: " in _flat(row.xpath("th")[0])
    assert sourced == {c.naam: c.naam in unchecked for c in model.contacten}
    # Never "niet gecontroleerd" beside a number: the colophon names the numbers nobody checked.
    assert "niet gecontroleerd" not in pdf.lower() and "niet gecontroleerd" not in _flat(page).lower()
    assert "Nog door niemand nagekeken op de eigen website van de organisatie: Veilig Thuis (0800-2000)" in pdf
    # Nothing claims a check that was only a comparison with a stored copy.
    assert "gecontroleerd op 29 november 2026" not in pdf.lower()
    assert re.search(r"Bron: veiligthuisutrecht\.nl(?!, gecontroleerd)", pdf)


def test_no_number_or_organisation_without_its_own_page(
    dijkmond: tuple[Routekaart, HtmlElement, str],
) -> None:
    _, page, pdf = dijkmond
    html = _flat(page)
    for text in GONE:
        assert text not in html and text not in pdf, text
    # Slachtofferhulp's line for referring professionals, from its own page, with the option to choose.
    assert "Slachtofferhulp Nederland: 0900-0101 (keuze 3 voor professionals die een slachtoffer doorverwijzen)" in pdf


def test_practice_lists_say_what_they_are(dijkmond: tuple[Routekaart, HtmlElement, str]) -> None:
    model, page, _ = dijkmond
    headings = [_flat(h) for h in page.iter("h4") if _flat(h).startswith("Landelijke organisaties")]
    assert headings == [f"Landelijke organisaties bij {p.naam.lower()}" for p in model.praktijken]


def test_stand_in_agreements_say_so_first(dijkmond: tuple[Routekaart, HtmlElement, str]) -> None:
    model, page, pdf = dijkmond
    standard = [s for s in model.stappen if not s.afspraken_eigen]
    assert standard, "Dijkmond legt geen eigen afspraken vast"
    for heading in (h for h in page.iter("h4") if _flat(h) == f"Afspraken in {model.gemeente}"):
        following = heading.getnext()
        assert following is not None
        text = _flat(following)
        own = [s for s in model.stappen if s.afspraken_eigen and s.afspraken[0].startswith(text[:40])]
        assert own or text.startswith(f"Standaardtekst: {model.gemeente} heeft voor deze stap"), text
    notes = [_flat(p) for p in page.iter("p") if "noot" in (p.get("class") or "")]
    assert not [n for n in notes if n.startswith("Dit is de standaardtekst: Dijkmond heeft voor deze stap")]
    assert pdf.count(f"Standaardtekst: {model.gemeente} heeft voor deze stap") == len(standard)
    assert "Landelijk geldt:" in pdf
    assert not re.search(r"Meldingen gaan naar|Professionals in Dijkmond werken", pdf)
