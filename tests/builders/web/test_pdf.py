"""The PDF routekaart, read back the way a reader and a PDF checker see it: text, pages, TOC, tags, fonts."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from click.testing import CliRunner
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from assembler.builders.web.weasy import render_pdf
from assembler.cli import main
from assembler.errors import BuildError
from assembler.model.routekaart import Routekaart
from assembler.resources import fonts_dir
from tests.conftest import FIXTURE_REGION, BuiltProfile

MUNICIPALITIES = ("brugstad", "dijkmond", "s-molenwaard", "waldterp")
A4 = (595.28, 841.89)


@dataclass
class Built:
    model: Routekaart
    pdf: Path
    html: Path
    output: str
    pages: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


def squash(text: str) -> str:
    """Text without any whitespace, so a value wrapped over two lines still matches."""
    return re.sub(r"\s+", "", text)


def build(profile: Path, out: Path, formats: str = "pdf,html") -> tuple[str, int]:
    result = CliRunner().invoke(main, ["build", str(profile), "--formaat", formats, "-o", str(out)])
    assert "Traceback" not in result.output, result.output
    return result.output, result.exit_code


@pytest.fixture(scope="module")
def built(fixture_region_built: dict[str, BuiltProfile]) -> dict[str, Built]:
    result = {}
    for name, b in fixture_region_built.items():
        pdf = b.folder / f"routekaart-{b.model.slug}.pdf"
        with pdfplumber.open(pdf) as doc:
            pages = [page.extract_text() or "" for page in doc.pages]
        result[name] = Built(b.model, pdf, b.folder / f"routekaart-{b.model.slug}.html", b.output, pages)
    return result


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_build_writes_pdf_and_html_without_layout_warnings(built: dict[str, Built], name: str) -> None:
    b = built[name]
    assert b.pdf.is_file() and b.html.is_file()
    assert f"geschreven: {b.pdf}" in b.output
    assert "PDF-routekaart" not in b.output  # WeasyPrint reported nothing about our templates


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_every_partner_phone_and_email_is_in_the_text(built: dict[str, Built], name: str) -> None:
    b = built[name]
    text = squash(b.text)
    m = b.model
    expected = [m.gemeente, m.veilig_thuis.naam, m.veilig_thuis.telefoon]
    if m.veilig_thuis.email:
        expected.append(m.veilig_thuis.email)
    afv = m.veilig_thuis.aandachtsfunctionaris_vgv
    if afv:
        expected += [afv.naam, *(v for v in (afv.telefoon, afv.email) if v)]
    for p in m.partners:
        expected += [p.naam, *(v for v in (p.telefoon, p.spoed, p.email) if v)]
    for c in m.contacten:
        expected += [c.naam, *(v for v in (c.telefoon, c.email) if v)]
    missing = [value for value in map(str, expected) if squash(value) not in text]
    assert not missing, f"ontbreekt in de PDF van {name}: {missing}"


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_no_python_leftovers_or_template_tags(built: dict[str, Built], name: str) -> None:
    text = built[name].text
    for leftover in ("None", "{{", "}}", "{%", "Undefined", "[]", "()"):
        assert leftover not in text, f"{leftover!r} staat in de PDF van {name}"


TOC_ENTRY = re.compile(r"^(\d+(?:\.\d+)?)\s+(.+?)\s+(\d+)$", flags=re.MULTILINE)


def toc_start(pages: list[str]) -> int:
    return next(i for i, page in enumerate(pages) if "Inhoud" in page.splitlines()[:3])


def toc_entries(pages: list[str]) -> tuple[list[tuple[str, str, int]], int]:
    """(number, title, page) from the contents pages, and the index of the last contents page.

    An entry is a line that starts with its number and ends with its page number; the dotted
    leader between them is drawn, not text. The contents end where chapter 1 begins.
    """
    entries = []
    start = toc_start(pages)
    last = start
    for index in range(start, len(pages)):
        found = TOC_ENTRY.findall(pages[index])
        if not found or re.search(r"^1 Inleiding$", pages[index], flags=re.MULTILINE):
            break
        last = index
        entries += [(number, title.strip(" ."), int(p)) for number, title, p in found]
    return entries, last


def heading_page(pages: list[str], number: str, title: str, after: int) -> int:
    """The 1-based page whose own lines start with this numbered heading (contents pages skipped)."""
    pattern = re.compile(rf"^{re.escape(number)} {re.escape(title[:30])}", flags=re.MULTILINE)
    hits = [
        i + 1 for i, page in enumerate(pages) if i >= after and pattern.search(page)
    ]
    assert len(hits) == 1, f"kop {number} {title} gevonden op pagina's {hits}"
    return hits[0]


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_contents_page_numbers_are_where_the_headings_stand(built: dict[str, Built], name: str) -> None:
    pages = built[name].pages
    entries, last_toc_page = toc_entries(pages)
    chapters = [e for e in entries if "." not in e[0]]
    assert [c[1] for c in chapters] == [
        "Inleiding",
        "De schadelijke praktijken",
        "Wet- en regelgeving",
        "Betrokken organisaties",
        "De ketenaanpak",
        "Wat regelt de gemeente",
        "Afspraken en keuzes",
        "Bijlagen",
    ]
    practices = [e[1] for e in entries if e[0].startswith("2.")]
    assert practices == [p.naam for p in built[name].model.praktijken]
    for number, title, page in entries:
        assert heading_page(pages, number, title, last_toc_page + 1) == page, f"{number} {title}"


def test_contents_entries_have_a_dotted_leader(built: dict[str, Built]) -> None:
    """Between each title and its page number runs a dotted line (one dashed stroke per entry)."""
    b = built["brugstad"]
    entries, last = toc_entries(b.pages)
    led = 0
    with pdfplumber.open(b.pdf) as doc:
        for page in doc.pages[toc_start(b.pages) : last + 1]:
            dotted = [line for line in page.lines if line.get("dash") and line["dash"][0][0] == 0]
            for words in _lines_of(page.extract_words()):
                if not TOC_ENTRY.match(" ".join(w["text"] for w in words)):
                    continue
                title_end, number_start, baseline = words[-2]["x1"], words[-1]["x0"], words[-1]["bottom"]
                assert any(
                    line["x0"] >= title_end
                    and line["x1"] <= number_start
                    and line["x1"] - line["x0"] > 0.5 * (number_start - title_end)
                    and abs(line["top"] - baseline) < 4
                    for line in dotted
                ), f"geen stippellijn na {' '.join(w['text'] for w in words)}"
                led += 1
    assert led == len(entries)


def _lines_of(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into lines by their baseline, left to right."""
    lines: dict[float, list[dict[str, Any]]] = {}
    for word in words:
        lines.setdefault(round(word["bottom"]), []).append(word)
    return [sorted(line, key=lambda w: w["x0"]) for _, line in sorted(lines.items())]


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_running_header_and_footer(built: dict[str, Built], name: str) -> None:
    b = built[name]
    total = len(b.pages)
    assert "pagina" not in b.pages[0]  # the cover has no footer
    for number, page in enumerate(b.pages[1:], start=2):
        lines = page.splitlines()
        assert lines[0].startswith(b.model.titel_volledig) and lines[0].endswith(f"Versie {b.model.versie}")
        assert lines[-1].endswith(f"pagina {number} van {total}")
        assert lines[-1].startswith(b.model.status_tekst)


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_tagged_pdf_ua_with_language_title_author_and_a4(built: dict[str, Built], name: str) -> None:
    b = built[name]
    reader = PdfReader(b.pdf)
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfuaid:part(="1"|>1<)', xmp), xmp
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])  # PDF/UA: show the title, not the file name
    info = reader.metadata
    assert info is not None
    assert info.title == b.model.titel_volledig
    assert b.model.gemeente in (info.author or "") and b.model.eigenaar.naam in (info.author or "")
    # Dates come from the profile, never from the clock.
    stamp = b.model.datum.strftime("%Y%m%d")
    assert str(info["/CreationDate"]).startswith(f"D:{stamp}")
    assert str(info["/ModDate"]).startswith(f"D:{stamp}")
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == (
            round(A4[0], 1),
            round(A4[1], 1),
        )


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_bookmarks_follow_the_chapters(built: dict[str, Built], name: str) -> None:
    reader = PdfReader(built[name].pdf)
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = [str(item.title) for item in top]
    assert "1 Inleiding" in titles and "6 Wat regelt de gemeente" in titles and "8 Bijlagen" in titles
    # Sections sit under their chapter, and every bookmark jumps to the page its heading is on.
    assert any(isinstance(item, list) and item for item in reader.outline)
    pages = built[name].pages
    for item in top:
        page = reader.get_destination_page_number(item) + 1
        assert str(item.title) in pages[page - 1].replace("\n", " ") or str(item.title) == "Inhoud"


def test_only_the_shipped_fonts_are_used_and_embedded(built: dict[str, Built]) -> None:
    shipped = {TTFont(path)["name"].getDebugName(5) for path in fonts_dir().glob("NotoSans-*.ttf")}
    reader = PdfReader(built["brugstad"].pdf)
    fonts: dict[str, str | None] = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            program = (
                descriptor.get("/FontFile2") or descriptor.get("/FontFile3") or descriptor.get("/FontFile")
            )
            assert program is not None, f"{font['/BaseFont']} is niet ingebed"
            embedded = TTFont(io.BytesIO(program.get_object().get_data()))
            fonts[str(font["/BaseFont"])] = embedded["name"].getDebugName(5)
    names = {re.sub(r"^/[A-Z]{6}\+", "", name) for name in fonts}
    # Regular, bold and italic, all Noto Sans: no fallback to a system font anywhere.
    assert names >= {"Noto-Sans", "Noto-Sans-Bold", "Noto-Sans-Italic"}, names
    assert all(name.startswith("Noto-Sans") for name in names), names
    assert set(fonts.values()) <= shipped, f"ingebed {set(fonts.values())}, meegeleverd {shipped}"


def test_route_diagram_with_local_names_is_in_the_pdf_text(built: dict[str, Built]) -> None:
    b = built["brugstad"]
    vgv = next(p for p in b.model.praktijken if p.key == "vrouwelijke_genitale_verminking")
    # SVG text comes out without spaces in some extractors; compare squashed.
    diagram_pages = [p for p in b.pages if "1.Signaal" in squash(p) and "Acuutgevaar" in squash(p)]
    assert len(diagram_pages) == len(b.model.praktijken)
    page = squash(diagram_pages[0])
    # Names in the two-column boxes may be interleaved by the extractor line by line, so
    # every word must be there; names that stand alone on their line must be there whole.
    for stage in vgv.route.stages:
        for who in stage.wie:
            assert all(squash(word) in page for word in who.split()), who
    for whole in (
        "Veilig Thuis Oeverland (0800-2000)",
        "Politie basisteam Oeverland: 112",
        "Stichting Sleutelpersonen Brugstad &",
    ):
        assert squash(whole) in page, whole


def test_contact_list_fits_on_one_page(built: dict[str, Built]) -> None:
    b = built["brugstad"]
    _, last_toc_page = toc_entries(b.pages)
    page = squash(b.pages[heading_page(b.pages, "8.1", "Contactlijst", last_toc_page + 1) - 1])
    for contact in b.model.contacten:
        # A long name wraps in its cell and interleaves with the e-mail beside it; its words stay.
        assert all(squash(word) in page for word in contact.naam.split()), contact.naam
        if contact.telefoon:
            assert squash(str(contact.telefoon)) in page


def test_two_builds_are_byte_identical(built: dict[str, Built], tmp_path: Path) -> None:
    output, code = build(FIXTURE_REGION / "gemeenten" / "brugstad.yaml", tmp_path, "pdf")
    assert code == 0, output
    again = tmp_path / "brugstad" / "routekaart-brugstad.pdf"
    assert again.read_bytes() == built["brugstad"].pdf.read_bytes()


def test_logo_is_on_the_cover(built: dict[str, Built]) -> None:
    with pdfplumber.open(built["brugstad"].pdf) as doc:
        assert doc.pages[0].images, "het logo ontbreekt op het voorblad"
    with pdfplumber.open(built["dijkmond"].pdf) as doc:
        assert not doc.pages[0].images


BASE_HTML = '<!DOCTYPE html><html lang="nl"><head><title>t</title></head><body><p>tekst</p>{}</body></html>'


def test_missing_image_is_an_error_in_dutch() -> None:
    with pytest.raises(BuildError, match="onderdeel ontbreekt"):
        render_pdf(BASE_HTML.format('<img src="bestaat-niet.png" alt="x">'), "PDF-routekaart")


@pytest.mark.parametrize(
    "reference",
    ['<img src="file:///etc/hostname" alt="x">', '<img src="https://example.org/logo.png" alt="x">'],
)
def test_files_outside_the_allowed_folders_and_the_network_are_refused(reference: str) -> None:
    with pytest.raises(BuildError) as info:
        render_pdf(BASE_HTML.format(reference), "PDF-routekaart")
    assert "PDF-routekaart" in str(info.value)


def test_bad_css_becomes_a_warning_not_silence() -> None:
    warnings: list[str] = []
    render_pdf(
        BASE_HTML.format('<p style="colour: rood; width: banaan">x</p>'), "PDF-routekaart", warnings=warnings
    )
    assert warnings and all(w.startswith("PDF-routekaart: opmaakregel genegeerd") for w in warnings)
    with pytest.raises(BuildError):
        render_pdf(BASE_HTML.format('<p style="width: banaan">x</p>'), "PDF-routekaart")


def _laid_out(body: str) -> list[object]:
    from weasyprint import HTML

    css = "<style>@page { size: A4; margin: 20mm } body { font-size: 10pt }</style>"
    html = BASE_HTML.format(body).replace("<title>t</title>", "<title>t</title>" + css)
    return list(HTML(string=html).render().pages)


def test_the_fit_check_finds_text_running_out_of_its_column_or_off_the_page() -> None:
    from assembler.builders.web.pdffit import overflowing

    fits = '<div style="width: 40mm">Een gewone zin die netjes over meerdere regels wordt verdeeld.</div>'
    assert overflowing(_laid_out(fits)) == []
    column = '<div style="width: 20mm; white-space: nowrap">0800-2000 en nog veel meer</div>'
    assert overflowing(_laid_out(column)) == [(1, "0800-2000 en nog veel meer", None)]
    wide = f'<table><tr><td style="white-space: nowrap">{"x" * 200}</td></tr></table>'
    assert overflowing(_laid_out(wide)) == [(1, "x" * 200, None)]
    # A marked element (render.Marks) gives the text its mark: the place of the value it shows.
    marked = '<div style="width: 20mm; white-space: nowrap"><a data-o="3">0800-2000 en nog veel meer</a></div>'
    assert overflowing(_laid_out(marked)) == [(1, "0800-2000 en nog veel meer", 3)]


def test_a_long_address_in_the_phone_column_stands_on_one_line(profile: Callable[..., Path], tmp_path: Path) -> None:
    # Fixed table layout: the phone column is measured for its longest line (columns.py).
    address = "aanmelding.schadelijke.praktijken@testdam.test"
    path = profile(('    telefoon: "020-1234568"\n    email: wijkteam@testdam.test', f"    email: {address}"))
    output, code = build(path, tmp_path, "pdf")
    assert code == 0, output
    with pdfplumber.open(tmp_path / "testdam" / "routekaart-testdam.pdf") as doc:
        lines = [line for page in doc.pages for line in (page.extract_text() or "").splitlines()]
    assert any(address in line for line in lines), "het adres is afgebroken"


def test_an_address_too_long_for_the_page_stops_the_build_with_the_page_and_text(
    profile: Callable[..., Path], tmp_path: Path
) -> None:
    # No phone: the short partner list shows the e-mail address instead, and it never breaks.
    address = (
        "aanmelding.schadelijke.praktijken@wijkteam-jeugd-en-gezin-testdam-oost-west-noord-en-zuid"
        ".gemeente-testdam-en-alle-omliggende-kernen.example"
    )
    path = profile(
        ('    telefoon: "020-1234568"\n    email: wijkteam@testdam.test', f"    email: {address}"),
    )
    output, code = build(path, tmp_path, "pdf")
    assert code == 1, output
    # The fit guard names the profile field (file, line, field) whose text does not fit.
    assert re.search(r"profiel\.yaml:\d+:\d+: partners\.0\.email: de tekst '", output), output
    assert "past niet in zijn kolom van de PDF-routekaart" in output
    assert address[:40] in output
    assert not (tmp_path / "testdam" / "routekaart-testdam.pdf").exists()
