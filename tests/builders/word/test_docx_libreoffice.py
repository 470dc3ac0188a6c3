"""Each fixture municipality's Word routekaart opens in real LibreOffice and converts to a sound PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests import tools
from tests.conftest import BuiltProfile

pytestmark = pytest.mark.slow

MUNICIPALITIES = ("brugstad", "dijkmond", "s-molenwaard", "waldterp")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def convert(docx: Path, outdir: Path, profile_dir: Path) -> Path:
    """soffice --headless --convert-to pdf, with a profile of its own so runs never share state."""
    result = subprocess.run(
        [
            tools.soffice(),
            f"-env:UserInstallation={profile_dir.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    pdf = outdir / f"{docx.stem}.pdf"
    assert result.returncode == 0, result.stderr
    assert pdf.is_file(), f"geen PDF gemaakt: {result.stdout} {result.stderr}"
    return pdf


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_libreoffice_converts_the_routekaart(
    name: str, tmp_path: Path, fixture_region_built: dict[str, BuiltProfile]
) -> None:
    model = fixture_region_built[name].model
    docx = fixture_region_built[name].folder / f"routekaart-{model.slug}.docx"

    pdf = convert(docx, tmp_path / "pdf", tmp_path / "lo-profiel")
    reader = PdfReader(str(pdf))
    pages = [page.extract_text() or "" for page in reader.pages]
    assert 8 <= len(pages) <= 80, f"{name}: {len(pages)} pagina's"
    text = squash("\n".join(pages))
    assert squash(model.gemeente) in squash(pages[0])
    assert squash(model.titel) in squash(pages[0])
    # The header carries the name on every page after the cover.
    assert all(squash(model.gemeente) in squash(page) for page in pages[1:])
    # The footer's page fields were filled in: "pagina 2 van N".
    assert f"pagina2van{len(pages)}" in squash(pages[1])
    # The contents page lists the chapters (our filled TOC field, not a placeholder).
    contents = squash(pages[1])
    for chapter in ("Inleiding", "Deschadelijkepraktijken", "Deketenaanpak", "Bijlagen"):
        assert chapter in contents
    assert "Veldbijwerken" not in contents
    for practice in model.praktijken:
        assert squash(practice.naam) in text
    for contact in model.contacten:
        if contact.telefoon:
            assert squash(str(contact.telefoon)) in text
