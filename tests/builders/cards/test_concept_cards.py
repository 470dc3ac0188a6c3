"""Every face of a concept's pocket cards carries CONCEPT, on the single faces and on the A4 sheets;
an adopted edition's cards carry none."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from assembler.cli import main
from tests.builders.word.test_concept_word import adopted_text, concept_text


def cards(text: str, folder: Path) -> tuple[list[str], list[str]]:
    profile = folder / "testdam.yaml"
    profile.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["cards", str(profile), "-o", str(folder / "uit")])
    assert result.exit_code == 0, result.output
    out = folder / "uit" / "testdam"
    faces = [p.extract_text() for p in PdfReader(out / "zakkaarten-testdam.pdf").pages]
    sheets = [p.extract_text() for p in PdfReader(out / "zakkaarten-testdam-a4.pdf").pages]
    return faces, sheets


def test_every_face_of_a_concept_is_marked(tmp_path: Path) -> None:
    faces, sheets = cards(concept_text(), tmp_path)
    assert len(faces) >= 10
    assert [i for i, text in enumerate(faces) if "CONCEPT" not in text] == []
    assert all(text.count("CONCEPT") >= 1 for text in sheets)
    assert sum(text.count("CONCEPT") for text in sheets) == len(faces)


def test_adopted_cards_carry_no_mark(tmp_path: Path) -> None:
    faces, sheets = cards(adopted_text(), tmp_path)
    assert not any("CONCEPT" in text for text in faces + sheets)
