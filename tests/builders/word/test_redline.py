"""`assembler wijzigingen OUD NIEUW -o`: the new routekaart as Word tracked changes and as an HTML redline.

Accepting every tracked change must give the new routekaart's text, rejecting every one the old
routekaart's text; that is what the college relies on in Word's review pane.
"""

from __future__ import annotations

import copy
import io
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from lxml import etree
from lxml import html as lxml_html
from pypdf import PdfReader

from assembler.cli import main
from tests import tools
from tests.conftest import BASE_PROFILE, BASE_REGION, edit
from tests.tools import needs_libreoffice

OLD_PHONE, NEW_PHONE = '"020-1234568"', '"020-7654321"'
INTRO = "  inleiding: In Testdam ligt het accent op preventie."


def invoke(*args: str | Path) -> tuple[str, int]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    return result.output, result.exit_code


def body(data: bytes) -> etree._Element:
    return copy.deepcopy(docx.Document(io.BytesIO(data)).element.body)


def texts(element: etree._Element) -> list[str]:
    """Every paragraph's text in document order, tables included."""
    out = []
    for paragraph in element.iter(qn("w:p")):
        out.append("".join(t.text or "" for t in paragraph.iter(qn("w:t"))))
    return [t for t in out if t.strip()]


def _marked(element: etree._Element, container: str, kind: str) -> bool:
    props = element.find(qn(container))
    if props is None:
        return False
    if container == "w:pPr":
        props = props.find(qn("w:rPr"))
    return props is not None and props.find(qn(f"w:{kind}")) is not None


def resolve(element: etree._Element, keep: str) -> etree._Element:
    """Accept (keep='ins') or reject (keep='del') every tracked change."""
    drop = "del" if keep == "ins" else "ins"
    for row in list(element.iter(qn("w:tr"))):
        if _marked(row, "w:trPr", drop):
            row.getparent().remove(row)
    for paragraph in list(element.iter(qn("w:p"))):
        if _marked(paragraph, "w:pPr", drop):
            paragraph.getparent().remove(paragraph)
    for node in list(element.iter(qn(f"w:{drop}"))):
        if node.getparent() is not None and node.getparent().tag != qn("w:rPr"):
            node.getparent().remove(node)
    for node in list(element.iter(qn(f"w:{keep}"))):
        parent = node.getparent()
        if parent.tag in (qn("w:rPr"), qn("w:trPr")):
            continue
        for child in list(node):
            node.addprevious(child)
        parent.remove(node)
    for deleted in element.iter(qn("w:delText")):
        deleted.tag = qn("w:t")
    return element


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("edities")
    old = folder / "oud.yaml"
    old.write_text(BASE_PROFILE, encoding="utf-8")
    new = folder / "nieuw.yaml"
    text = edit(BASE_PROFILE, OLD_PHONE, NEW_PHONE)
    new.write_text(
        edit(text, INTRO, INTRO.replace("preventie.", "voorlichting in de wijk.")), encoding="utf-8"
    )
    paths = {"oud": old, "nieuw": new}
    for name, profile in list(paths.items()):
        output, code = invoke("build", profile, "--formaat", "docx", "-o", folder / name)
        assert code == 0, output
        paths[f"{name}.docx"] = folder / name / "testdam" / "routekaart-testdam.docx"
    output, code = invoke("wijzigingen", old, new, "-o", folder / "wijzigingen.docx")
    assert code == 0, output
    paths["redline"] = folder / "wijzigingen.docx"
    paths["uitvoer"] = folder / "uitvoer.txt"
    paths["uitvoer"].write_text(output, encoding="utf-8")
    return paths


def test_cli_names_the_partner_with_old_and_new_number(editions: dict[str, Path]) -> None:
    output = editions["uitvoer"].read_text(encoding="utf-8")
    assert "- Sociaal wijkteam Testdam: telefoonnummer gewijzigd van 020-1234568 in 020-7654321." in output
    assert "- Document: inleiding gewijzigd." in output
    assert f"geschreven: {editions['redline']}" in output


def test_phone_number_is_a_tracked_deletion_and_insertion(editions: dict[str, Path]) -> None:
    root = body(editions["redline"].read_bytes())
    deleted = ["".join(t.text or "" for t in d.iter(qn("w:delText"))) for d in root.iter(qn("w:del"))]
    inserted = ["".join(t.text or "" for t in i.iter(qn("w:t"))) for i in root.iter(qn("w:ins"))]
    assert "020-1234568" in deleted and "020-7654321" in inserted
    assert (
        deleted.count("020-1234568") == inserted.count("020-7654321") >= 2
    )  # partner tables and contact list
    for mark in [*root.iter(qn("w:del")), *root.iter(qn("w:ins"))]:
        assert mark.get(qn("w:author")) == "Routekaart toolkit" and mark.get(qn("w:date"))
    ids = [m.get(qn("w:id")) for m in [*root.iter(qn("w:del")), *root.iter(qn("w:ins"))]]
    assert len(ids) == len(set(ids))
    # Word wants revision ids apart from bookmark ids (the table of contents has many bookmarks).
    assert not set(ids) & {b.get(qn("w:id")) for b in root.iter(qn("w:bookmarkStart"))}


def test_a_changed_sentence_is_marked_word_by_word(editions: dict[str, Path]) -> None:
    root = body(editions["redline"].read_bytes())
    for paragraph in root.iter(qn("w:p")):
        plain = ["".join(t.text or "" for t in r.iter(qn("w:t"))) for r in paragraph.findall(qn("w:r"))]
        if plain and plain[0] == "In Testdam ligt het accent op ":
            deleted = "".join(t.text or "" for t in paragraph.iter(qn("w:delText")))
            inserted = "".join(
                t.text or "" for i in paragraph.findall(qn("w:ins")) for t in i.iter(qn("w:t"))
            )
            assert deleted == "preventie."
            assert inserted == "voorlichting in de wijk."
            return
    raise AssertionError("de gewijzigde inleiding staat niet woord voor woord gemarkeerd")


def test_accepting_gives_the_new_text_and_rejecting_the_old(editions: dict[str, Path]) -> None:
    redline = editions["redline"].read_bytes()
    accepted = texts(resolve(body(redline), keep="ins"))
    rejected = texts(resolve(body(redline), keep="del"))
    assert accepted == texts(body(editions["nieuw.docx"].read_bytes()))
    assert rejected == texts(body(editions["oud.docx"].read_bytes()))


def test_html_redline(editions: dict[str, Path], tmp_path: Path) -> None:
    target = tmp_path / "wijzigingen.html"
    output, code = invoke("wijzigingen", editions["oud"], editions["nieuw"], "-o", target)
    assert code == 0, output
    page = lxml_html.fromstring(target.read_bytes())
    assert page.get("lang") == "nl"
    summary = page.xpath('//section[@class="wijzigingen-uitleg"]//li')
    assert "Sociaal wijkteam Testdam: telefoonnummer gewijzigd van 020-1234568 in 020-7654321." in [
        li.text_content() for li in summary
    ]
    main_part = page.xpath("//main")[0]
    # htmldiff names a changed link target after the text ("Link: tel:..."), which is Dutch as well.
    assert any(d.text_content().strip().startswith("020-1234568") for d in main_part.iter("del"))
    assert any(i.text_content().strip().startswith("020-7654321") for i in main_part.iter("ins"))


def test_refuses_other_suffixes_and_regions(editions: dict[str, Path], tmp_path: Path) -> None:
    output, code = invoke("wijzigingen", editions["oud"], editions["nieuw"], "-o", tmp_path / "x.pdf")
    assert code == 1 and "kies een bestand dat eindigt op .docx of .html" in output
    gemeente = edit(BASE_PROFILE, "naam: Testdam\n", "naam: Testdam\nregio: ../regio.yaml\n")
    (tmp_path / "gemeenten").mkdir()
    (tmp_path / "gemeenten" / "testdam.yaml").write_text(gemeente, encoding="utf-8")
    region = tmp_path / "regio.yaml"
    region.write_text(BASE_REGION, encoding="utf-8")
    output, code = invoke("wijzigingen", region, region, "-o", tmp_path / "x.docx")
    assert code == 1 and "alleen van twee gemeenteprofielen" in output
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.slow
@needs_libreoffice
def test_libreoffice_converts_the_tracked_changes(editions: dict[str, Path], tmp_path: Path) -> None:
    result = subprocess.run(
        [
            tools.soffice(),
            f"-env:UserInstallation={(tmp_path / 'lo').resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(editions["redline"]),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    pdf = tmp_path / "wijzigingen.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages).replace("\n", "")
    # LibreOffice shows tracked changes: the struck old number and the new one both print.
    assert "020-7654321" in text and "020-1234568" in text
