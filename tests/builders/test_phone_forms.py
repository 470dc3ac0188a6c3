"""A profile that writes its numbers in mixed notations prints each in the one display form, read back
from the Word routekaart, the PDF routekaart and the pocket cards as a reader sees them."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.document import Document

# As the profile writes them, and as every output must print them.
MIXED = (
    ('    telefoon: "020-1234567"\n', '    telefoon: "+31 (0)20 123 4567"\n'),  # the owner
    ('  telefoon: "0800-2000"\n', '  telefoon: "0800 2000"\n'),  # Veilig Thuis
    ('    telefoon: "020-1234568"\n', '    telefoon: "0031 20 123 45 68"\n'),  # the wijkteam
    ('    telefoon: "0900-8844"\n', '    telefoon: "+31 900 8844"\n'),  # the police
)
PRINTED = ("020-1234567", "0800-2000", "020-1234568", "0900-8844", "112")
# Any way of writing a number that the display form does not use.
RAW = re.compile(r"\+31|0031|\(0\)|0800 2000|020 123|08002000")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from assembler.cli import main
    from tests.conftest import BASE_PROFILE, edit

    folder = tmp_path_factory.mktemp("vormen")
    text = BASE_PROFILE
    for old, new in MIXED:
        text = edit(text, old, new)
    (folder / "testdam.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["build", str(folder / "testdam.yaml"), "--formaat", "docx,pdf,kaarten", "-o", str(folder / "uit")],
    )
    assert result.exit_code == 0, result.output
    return folder / "uit" / "testdam"


def docx_text(path: Path) -> str:
    document: Document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


READERS: dict[str, tuple[str, Callable[[Path], str]]] = {
    "word": ("routekaart-testdam.docx", docx_text),
    "pdf": ("routekaart-testdam.pdf", pdf_text),
    "kaarten": ("zakkaarten-testdam.pdf", pdf_text),
}


@pytest.mark.parametrize("output", READERS)
def test_mixed_notations_print_in_one_form(outputs: Path, output: str) -> None:
    name, read = READERS[output]
    text = read(outputs / name)
    assert not RAW.search(text), RAW.search(text)
    expected = PRINTED if output != "kaarten" else ("0800-2000", "112")
    for number in expected:
        assert number in text, (output, number)


def test_the_pdf_links_dial_exactly(outputs: Path) -> None:
    from pypdf import PdfReader

    uris = set()
    for page in PdfReader(outputs / "routekaart-testdam.pdf").pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if str(action.get("/URI", "")).startswith("tel:"):
                uris.add(str(action["/URI"]))
    assert {"tel:+31201234567", "tel:+318002000", "tel:+31201234568", "tel:+319008844", "tel:112"} <= uris
