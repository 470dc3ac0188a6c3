"""A check of a national number that a region or municipality recorded prints "gecontroleerd op" in
Word, PDF and HTML alike; a national number without one prints with its source only, and the
colophon names it. `check-content` with a profile lists exactly what still needs checking."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from lxml import html as lxml_html
from pypdf import PdfReader

from assembler.dutch import dutch_date
from assembler.profile.reading import load_profile
from tests.conftest import BASE_PROFILE, BASE_REGION, Invoke, edit

DAY = dt.date.today() - dt.timedelta(days=10)
CHECKS = f"""controles:
  - organisatie: veilig-thuis
    nummer: "0800-2000"
    datum: {DAY.isoformat()}
    door: F. Bakker, gemeente Testdam
    pagina: https://www.veiligthuis.nl/
  - organisatie: politie
    nummer: "112"
    datum: {DAY.isoformat()}
    door: F. Bakker, gemeente Testdam
    pagina: https://www.politie.nl/contact
"""
CHECKED_TEXT = f"gecontroleerd op {dutch_date(DAY)}"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from assembler.cli import main

    folder = tmp_path_factory.mktemp("controles")
    profile = folder / "testdam.yaml"
    profile.write_text(BASE_PROFILE + CHECKS, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["build", str(profile), "--formaat", "docx,pdf,html,kaarten", "-o", str(folder / "uit")]
    )
    assert result.exit_code == 0, result.output
    return folder / "uit" / "testdam"


def _html_org_rows(out: Path) -> dict[str, str]:
    page = lxml_html.fromstring((out / "routekaart-testdam.html").read_bytes())
    rows = page.xpath('//table[@class="organisaties"]/tbody/tr')
    return {r.xpath("./th")[0].text_content().strip(): " ".join(r.text_content().split()) for r in rows}


def test_html_prints_the_recorded_check_and_otherwise_the_source(out: Path) -> None:
    rows = _html_org_rows(out)
    assert "Bron: veiligthuisutrecht.nl, " + CHECKED_TEXT in rows["Veilig Thuis"]
    # Only 112 was compared; 0900-8844 was not, so the police's numbers count as unchecked.
    assert "gecontroleerd op" not in rows["Politie"] and "Bron: politie.nl" in rows["Politie"]
    page = lxml_html.fromstring((out / "routekaart-testdam.html").read_bytes())
    colophon = " ".join(page.xpath('//p[@class="controle"]')[0].text_content().split())
    assert "Politie (112 en 0900-8844)" in colophon and "Veilig Thuis (0800-2000)" not in colophon


def test_pdf_prints_the_recorded_check(out: Path) -> None:
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out / "routekaart-testdam.pdf").pages).split())
    assert "Bron: veiligthuisutrecht.nl, " + CHECKED_TEXT in text
    assert "Nog door niemand nagekeken op de eigen website van de organisatie:" in text


def test_word_prints_the_recorded_check(out: Path) -> None:
    document = docx.Document(str(out / "routekaart-testdam.docx"))
    [orgs] = [t for t in document.tables if t.rows[0].cells[0].text == "Organisatie"]
    cells = {r.cells[0].text: r.cells[2].text for r in orgs.rows[1:]}
    assert cells["Veilig Thuis"].endswith("Bron: veiligthuisutrecht.nl, " + CHECKED_TEXT)
    assert cells["Politie"].endswith("Bron: politie.nl")
    # Local contacts print their own check date in Word too.
    [contacts] = [t for t in document.tables if t.rows[0].cells[0].text == "Naam"]
    phones = {r.cells[0].text.split("\n")[0]: r.cells[2].text for r in contacts.rows[1:]}
    assert "gecontroleerd op" in phones["Sociaal wijkteam Testdam"]


def test_no_document_says_unchecked_beside_a_national_number(out: Path) -> None:
    texts = [
        "\n".join(p.extract_text() for p in PdfReader(out / name).pages)
        for name in ("routekaart-testdam.pdf", "zakkaarten-testdam.pdf", "zakkaarten-testdam-a4.pdf")
    ]
    texts.append(lxml_html.fromstring((out / "routekaart-testdam.html").read_bytes()).text_content())
    document = docx.Document(str(out / "routekaart-testdam.docx"))
    texts.append("\n".join(p.text for p in document.paragraphs))
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert not any("niet gecontroleerd" in t.lower() for t in texts)


def test_a_check_against_another_site_is_refused(write) -> None:  # type: ignore[no-untyped-def]
    text = BASE_PROFILE + CHECKS.replace("https://www.veiligthuis.nl/", "https://www.rijksoverheid.nl/vt")
    from assembler.errors import ProfileError

    with pytest.raises(ProfileError) as caught:
        load_profile(write(text))
    [error] = [p for p in caught.value.problems if p.is_error]
    assert error.path == "controles.0.pagina" and "eigen pagina van de organisatie" in error.message


def test_a_check_of_another_number_does_not_count(write) -> None:  # type: ignore[no-untyped-def]
    text = BASE_PROFILE + CHECKS.replace('nummer: "112"', 'nummer: "0900-1234567"')
    [warning] = [w for w in load_profile(write(text)).warnings if w.path == "controles.1.nummer"]
    assert "telt daarom niet mee" in warning.message


def test_a_check_dated_in_the_future_is_refused_with_what_to_fill_in(write) -> None:  # type: ignore[no-untyped-def]
    later = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    text = BASE_PROFILE + CHECKS.replace(f"datum: {DAY.isoformat()}", f"datum: {later}", 1)
    from assembler.errors import ProfileError

    with pytest.raises(ProfileError) as caught:
        load_profile(write(text))
    [error] = [p for p in caught.value.problems if p.is_error]
    assert error.path == "controles.0.datum"
    assert error.message == (
        f"{later} ligt in de toekomst; vul de dag in waarop het nummer van Veilig Thuis "
        "met de pagina is vergeleken"
    )


def test_a_region_records_checks_for_all_its_municipalities(write, run: Invoke) -> None:  # type: ignore[no-untyped-def]
    region = write(BASE_REGION + CHECKS, "regio.yaml")
    municipality = edit(BASE_PROFILE, "naam: Testdam\n", "naam: Testdam\nregio: ../regio.yaml\n")
    write(municipality, "gemeenten/testdam.yaml")
    result = run("check-content", region)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Nog na te kijken voor regio Testland ({region}):"
    named = [line for line in lines if line.startswith("- ")]
    # The recorded check of Veilig Thuis's number counts; the police's second number was not compared.
    assert not any(line.startswith("- Veilig Thuis (landelijk)") for line in named)
    assert any(line.startswith("- Politie (landelijk): 112 en 0900-8844; nog niet nagekeken") for line in named)
    politie = lines.index(next(line for line in named if line.startswith("- Politie (landelijk)")))
    assert lines[politie + 1] == "  vergelijk met: https://www.politie.nl/informatie/taakvelden-en-doelstelling-lec-egg.html"
    assert lines[-1].endswith("na te kijken.")
