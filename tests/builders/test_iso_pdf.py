"""Every PDF the toolkit writes is ISO 32000-1 (PDF 1.7) with its PDF/UA-1 identification, as the
Forum Standaardisatie's "pas toe of leg uit" list names PDF (NEN-ISO) with PDF/UA: the routekaart,
the pocket cards in both formats (loose and on A4 sheets) and the regional routekaart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from pypdf import PdfReader

from assembler.cli import main
from tests.conftest import FIXTURE_REGION

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
PDFUA = "http://www.aiim.org/pdfua/ns/id/"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("iso")
    # Brugstad has credit-card cards, 's-Molenwaard A6 ones; the regional PDF comes with `pdf` in a
    # run of the whole region.
    result = CliRunner().invoke(
        main, ["batch", str(FIXTURE_REGION / "regio.yaml"), "--formaat", "pdf,kaarten", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return sorted(out.rglob("*.pdf"))


def test_every_kind_of_pdf_is_checked(pdfs: list[Path]) -> None:
    names = {p.name for p in pdfs}
    for expected in (
        "routekaart-brugstad.pdf",
        "zakkaarten-brugstad.pdf",  # credit card
        "zakkaarten-brugstad-a4.pdf",
        "zakkaarten-s-molenwaard.pdf",  # A6
        "zakkaarten-s-molenwaard-a4.pdf",
        "routekaart-regio-oeverland.pdf",
    ):
        assert expected in names


def _xmp(reader: PdfReader) -> etree._Element:
    stream = reader.trailer["/Root"]["/Metadata"].get_object()
    return etree.fromstring(stream.get_data())


def test_every_pdf_declares_pdf_1_7_and_pdf_ua_1(pdfs: list[Path]) -> None:
    for path in pdfs:
        data = path.read_bytes()
        reader = PdfReader(str(path))
        # ISO 32000-1 is PDF 1.7: the file header says so and the catalogue does not raise it.
        assert data.startswith(b"%PDF-1.7\n"), path.name
        assert reader.trailer["/Root"].get("/Version") in (None, "/1.7"), path.name
        # PDF/UA-1: pdfuaid:part 1 in the XMP metadata (as an element or an attribute), a tagged,
        # marked document with a language and a title shown instead of the file name.
        xmp = _xmp(reader)
        parts = [e.text for e in xmp.iter(f"{{{PDFUA}}}part")]
        parts += [d.get(f"{{{PDFUA}}}part") for d in xmp.iter(f"{RDF}Description") if d.get(f"{{{PDFUA}}}part")]
        assert parts == ["1"], (path.name, parts)
        root = reader.trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"]), path.name
        assert "/StructTreeRoot" in root, path.name
        assert root["/Lang"] == "nl", path.name
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]), path.name
        assert re.search(r"\S", reader.metadata.title or ""), path.name
