"""Each fixture municipality's Word routekaart opens in real LibreOffice and converts to a sound PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from assembler.cli import main
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.profile.reading import load_profile
from tests.conftest import FIXTURE_REGION

pytestmark = pytest.mark.slow

MUNICIPALITIES = ("brugstad", "dijkmond", "s-molenwaard", "waldterp")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def convert(docx: Path, outdir: Path, profile_dir: Path) -> Path:
    """soffice --headless --convert-to pdf, with a profile of its own so runs never share state."""
    assert SOFFICE, "LibreOffice (soffice) is niet geïnstalleerd"
    result = subprocess.run(
        [
            SOFFICE,
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
def test_libreoffice_converts_the_routekaart(name: str, tmp_path: Path) -> None:
    profile = FIXTURE_REGION / "gemeenten" / f"{name}.yaml"
    result = CliRunner().invoke(
        main, ["build", str(profile), "--formaat", "docx", "-o", str(tmp_path / "uit")]
    )
    assert result.exit_code == 0, result.output
    model = tailor(load_profile(profile), national_content())
    docx = tmp_path / "uit" / model.slug / f"routekaart-{model.slug}.docx"

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
