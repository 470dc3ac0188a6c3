"""One cover in every format: municipality, logo, title, status, date and version, in that order.

The Word and ODF covers are read as a reader sees them, rendered by LibreOffice; the PDF cover
from the PDF itself; the HTML cover from the page's header. Each is native to its format (Word
and ODF paragraph styles, a printed table, a definition list), but they hold the same elements in
the same order.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pdfplumber
import pytest

from assembler.dutch import dutch_date
from tests import tools
from tests.builders.word.test_docx_libreoffice import convert
from tests.conftest import BuiltProfile

pytestmark = [pytest.mark.slow, tools.needs_libreoffice]

ORDER = ["gemeente", "logo", "titel", "status", "datum", "versie"]
LABELS = ["Status", "Datum", "Versie", "Herzien vóór", "Eigenaar", "Contact", "Website"]


def _lines(page: pdfplumber.page.Page) -> list[tuple[float, str]]:
    """The page's text lines from top to bottom: (top, text)."""
    rows: dict[float, list[dict[str, object]]] = {}
    for word in page.extract_words(keep_blank_chars=False, use_text_flow=False):
        top = round(float(word["top"]) / 2) * 2  # words of one line share their top within a point or so
        rows.setdefault(top, []).append(word)
    return [
        (top, " ".join(str(w["text"]) for w in sorted(words, key=lambda w: float(w["x0"]))))
        for top, words in sorted(rows.items())
    ]


def _cover(pdf: Path, built: BuiltProfile) -> tuple[list[str], list[str], dict[str, str]]:
    """(the cover's elements by their place from the top, the detail labels in order, each detail line)."""
    model = built.model
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        lines = _lines(page)
        images = [float(image["top"]) for image in page.images]

    def first(start: str) -> tuple[float, str]:
        return next((top, text) for top, text in lines if text.startswith(start))

    tops = {
        "gemeente": first(f"Gemeente {model.gemeente}")[0],
        "titel": first("Routekaart")[0],
        "status": first("Status ")[0],
        "datum": first("Datum ")[0],
        "versie": first("Versie ")[0],
    }
    if images:
        tops["logo"] = min(images)
    order = sorted(tops, key=lambda name: tops[name])
    labels = [label for label in LABELS for _, text in lines if text.startswith(label + " ")]
    details = {label: first(label + " ")[1] for label in labels}
    # What to do in acute danger comes after the details, on the cover itself.
    assert first("Is er direct gevaar")[0] > tops["versie"]
    return order, labels, details


@pytest.mark.parametrize("name", ["brugstad", "dijkmond"])  # with a logo, and without
def test_word_odt_pdf_and_html_covers_hold_the_same_elements_in_the_same_order(
    fixture_region_built: dict[str, BuiltProfile], tmp_path: Path, name: str
) -> None:
    built = fixture_region_built[name]
    model = built.model
    expected = [e for e in ORDER if e != "logo" or model.logo is not None]

    word_order, word_labels, word_details = _cover(
        convert(built.folder / f"routekaart-{name}.docx", tmp_path, tmp_path / "lo-profiel"), built
    )
    odt_pdfs = tmp_path / "odt"
    odt_order, odt_labels, odt_details = _cover(
        convert(built.folder / f"routekaart-{name}.odt", odt_pdfs, tmp_path / "lo-profiel"), built
    )
    pdf_order, pdf_labels, pdf_details = _cover(built.folder / f"routekaart-{name}.pdf", built)
    assert word_order == expected
    assert odt_order == expected
    assert pdf_order == expected
    assert word_labels == odt_labels == pdf_labels
    assert word_labels[:3] == ["Status", "Datum", "Versie"]
    # Date and version say the same; the status too, though a concept's longer status may wrap
    # at another word in another font: each format's first status line begins the model's status.
    for label in ("Datum", "Versie"):
        assert word_details[label] == odt_details[label] == pdf_details[label], label
    assert pdf_details["Datum"] == f"Datum {dutch_date(model.datum)}"
    assert pdf_details["Versie"] == f"Versie {model.versie}"
    status = f"Status {model.status_tekst}"
    for details in (word_details, odt_details, pdf_details):
        shown = details["Status"]
        assert status.startswith(shown) and len(shown) > len("Status Concept"), (shown, status)
    # The fixture's municipalities are concepts, and their covers say so from the first word.
    assert model.is_concept and pdf_details["Status"].startswith("Status Concept")

    page = lxml.html.parse(str(built.folder / f"routekaart-{name}.html")).getroot()
    (cover,) = page.xpath('//header[@class="voorblad"]')
    parts = [child.get("class") or child.tag for child in cover]
    shown = [p for p in parts if p != "conceptbanner"]
    assert shown[: len(expected) - 3] == ["bovenkop", *(["logo"] if model.logo else []), "doctitel"]
    municipality = f"Gemeente {model.gemeente}" + (f", regio {model.regio}" if model.regio else "")
    assert cover.xpath('./p[@class="bovenkop"]')[0].text_content() == municipality
    assert [dt.text_content() for dt in cover.xpath(".//dl/div/dt")] == pdf_labels
    assert parts[-1] == "acuut voorblad-acuut"
