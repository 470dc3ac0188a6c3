"""The HTML and PDF routekaart carry the national content version and the corrected meldcode."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from assembler.national import national_content
from tests.conftest import BASE_PROFILE, Invoke, WriteFile


def test_html_and_pdf_print_the_content_version_and_no_outdated_step_five(
    run: Invoke, write: WriteFile, tmp_path: Path
) -> None:
    result = run(
        "build", write(BASE_PROFILE, "testdam.yaml"), "--formaat", "pdf,html", "-o", tmp_path / "uit"
    )
    assert result.exit_code == 0, result.output
    folder = tmp_path / "uit" / "testdam"
    pdf = " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(folder / "routekaart-testdam.pdf").pages
    )
    html = (folder / "routekaart-testdam.html").read_text(encoding="utf-8")
    version = f"Landelijke inhoud: versie {national_content().info.versie}"
    assert version in pdf and version in html
    for text in (pdf, html):
        assert "Regel zelf hulp" not in text and "blijvende onveiligheid" not in text
        assert "Neem eerst het besluit of melden" in text
