"""The regional routekaart as a PDF, read the way a Veilig Thuis coordinator reads it."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from assembler.batch.worker import profile_reason
from assembler.builders.region import document as region_docx
from assembler.builders.region import pdf as region_pdf
from assembler.builders.region.context import context
from assembler.builders.web.weasy import render_pdf, shared_style
from assembler.errors import BuildError, ProfileError
from assembler.model.region import (
    FailedEntry,
    MunicipalityEntry,
    RegionModel,
    failed_entry,
    from_data,
    to_data,
)
from assembler.profile.reading import Region, load_profile
from tests.builders.region.conftest import OVERVIEW, TODAY, fixture_region, model_of, renamed
from tests.builders.region.pages import contents, headings, mostly_empty, read_pages, table_rows
from tests.builders.region.test_region_for_veilig_thuis import LEAKS
from tests.conftest import FIXTURE_REGION

CONTACTS = ("Gemeente", "Organisatie", "Rol", "Telefoon", "E-mail")
A4 = (595.3, 841.9)


def _broken_dijkmond(tmp: Path, region: Region) -> FailedEntry:
    """Dijkmond with an impossible adoption date, failed the way a batch fails it."""
    folder = tmp / "gemeenten"
    folder.mkdir(parents=True, exist_ok=True)
    text = (FIXTURE_REGION / "gemeenten" / "dijkmond.yaml").read_text(encoding="utf-8")
    broken = folder / "dijkmond.yaml"
    broken.write_text(text.replace("vastgesteld_op: 2026-11-01", "vastgesteld_op: 2026-13-01"), "utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(broken, display="gemeenten/dijkmond.yaml", region=region, today=TODAY)
    return failed_entry(
        "Dijkmond", "gemeenten/dijkmond.yaml", profile_reason(caught.value), caught.value.problems
    )


@pytest.fixture(scope="module")
def pdf(model: RegionModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = region_pdf.render(model, OVERVIEW)
    region_pdf.check(data, model)
    path = tmp_path_factory.mktemp("regio-pdf") / "routekaart-regio-oeverland.pdf"
    path.write_bytes(data)
    return path


def test_pdf_is_tagged_dutch_titled_and_dated_by_the_model(pdf: Path, model: RegionModel) -> None:
    reader = PdfReader(pdf)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "nl"
    assert reader.metadata is not None
    assert reader.metadata.title == model.titel == "Regionale routekaart schadelijke praktijken Oeverland"
    # The latest adoption date, never the moment of the build.
    assert reader.metadata["/CreationDate"] == reader.metadata["/ModDate"] == "D:20261101"
    assert region_pdf.render(model, OVERVIEW) == pdf.read_bytes()


def test_first_page_is_landscape_with_the_matrix_of_every_municipality(pdf: Path, model: RegionModel) -> None:
    pages = read_pages(pdf)
    first = pages[0]
    assert (round(first.width), round(first.height)) == (842, 595)
    assert "Regionale routekaart schadelijke praktijken Oeverland" in first.text
    matrix = next(t for t in first.tables if t[0][0] == "Gemeente" and "Regie" in t[0])
    assert matrix[0][1:4] == (
        "Signaleren en melden",
        "Toeleiden naar passende zorg",
        "Preventie, veiligheid en hulp",
    )
    rows = {row[0]: row for row in matrix[1:]}
    assert list(rows) == ["Brugstad", "Dijkmond", "'s-Molenwaard", "Wâldterp"]
    for entry in model.gemeenten:
        for step, cell in zip(entry.stappen, rows[entry.naam][1:4], strict=True):
            assert step.hoofdpartner and step.hoofdpartner in cell, (entry.naam, step.naam, cell)
            # The number stands whole, on one line, in the step's own cell; or plainly that there is none.
            assert str(step.hoofdpartner_telefoon or "geen nummer vastgelegd") in cell, (entry.naam, cell)
    # The gap map follows in one table per group, on a second landscape page when the first is full;
    # no table splits, and every handvat's name stands whole in its header.
    landscape = [p for p in pages if (round(p.width), round(p.height)) == (842, 595)]
    assert pages[: len(landscape)] == landscape and 1 <= len(landscape) <= 2
    tables = [t for p in landscape for t in p.tables if t[0][0] == "Gemeente" and "Regie" not in t[0]]
    gaps = next(t for t in tables if t[0][1] == "Afspraken met Veilig Thuis")
    assert [row[0] for row in gaps[1:]] == list(rows)
    names = [name for t in tables for name in t[0][1:]]
    # A long name breaks at a syllable, with a hyphen.
    whole = [re.sub(r"[‐-]\s+", "", n.replace("\n", " ")) for n in names]
    assert whole == list(model.handvat_namen)
    assert len(tables) == len(model.handvat_groepen)
    legend = " ".join(p.text for p in landscape).replace("Legenda:", "Legenda: ")
    for words in ("G = geregeld", "O = in ontwikkeling", "N = niet geregeld", "? = nog niet ingevuld"):
        assert words in legend
    assert "* = standaardkeuze van de regio" in legend
    # Everything after the overview reads in portrait A4.
    assert all((round(p.width, 1), round(p.height, 1)) == A4 for p in pages[len(landscape) :])


def test_contact_list_is_sorted_by_municipality(pdf: Path) -> None:
    rows = table_rows(read_pages(pdf), CONTACTS)
    municipalities = [row[0] for row in rows]
    # Filed as a Dutch list files them: 's-Molenwaard under M, Wâldterp under W.
    assert list(dict.fromkeys(municipalities)) == ["Brugstad", "Dijkmond", "'s-Molenwaard", "Wâldterp"]
    assert set(municipalities) == {"Brugstad", "Dijkmond", "'s-Molenwaard", "Wâldterp"}
    # A municipality without local partners sends the reader to Veilig Thuis.
    assert (
        "Dijkmond",
        "geen eigen lokale partner",
        "bel Veilig Thuis Oeverland of een regionale partner",
        "0800-2000",
        "–",
    ) in rows


def test_contents_page_numbers_are_where_the_headings_land(pdf: Path, model: RegionModel) -> None:
    pages = read_pages(pdf)
    listed = contents(pages)
    landed = {title: number for number, title in headings(pages)}
    assert [title for title, _ in listed] == [h.title for h in region_pdf.outline(context(model, OVERVIEW))]
    for title, number in listed:
        assert landed.get(title) == number, (
            f"{title}: inhoud zegt pagina {number}, kop staat op {landed.get(title)}"
        )
    # The bookmarks are the same headings, on the same pages, with the contents' own heading first.
    reader = PdfReader(pdf)
    marks: list[tuple[str, int]] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                marks.append((item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    assert [m for m in marks if m[0] != "Inhoud"] == listed
    # The contents open the portrait part, after the landscape overview (one or two pages).
    landscape = sum((round(p.width), round(p.height)) == (842, 595) for p in pages)
    assert ("Inhoud", landscape + 1) in marks


def _main_chapters(model: RegionModel) -> list[str]:
    return ["Inhoud", *(h.title for h in region_pdf.outline(context(model, OVERVIEW)) if h.level == 1)]


def test_no_page_is_mostly_empty_but_before_a_main_chapter(pdf: Path, model: RegionModel) -> None:
    assert mostly_empty(read_pages(pdf), _main_chapters(model)) == []


def test_a_forced_break_after_a_short_section_is_caught(model: RegionModel, tmp_path: Path) -> None:
    """The measure above must see a page left half empty; here the opening paragraph of the first
    municipality gets a forced break after it, on the page where 'De gemeenten' opens (a break after
    its choices table came too close to the middle once the status line and card contacts grew)."""
    html = region_pdf.render_html(model, OVERVIEW).replace(
        "</head>", "<style>#gemeente-1 + p { break-after: page; }</style></head>", 1
    )
    path = tmp_path / "gebroken.pdf"
    path.write_bytes(render_pdf(html, "test", style=shared_style(region_pdf.stylesheet())))
    pages = read_pages(path)
    opening = next(p.number for p in pages if p.body and p.body[0].text == "De gemeenten")
    assert mostly_empty(pages, _main_chapters(model)) == [opening]


def test_phone_numbers_never_break_and_the_text_holds_no_field_paths(
    entries: list[MunicipalityEntry], tmp_path: Path
) -> None:
    """Failures included: the reason names how many errors and where to look, not the fields."""
    failed = _broken_dijkmond(tmp_path, fixture_region())
    assert "gemeenten/dijkmond.yaml:" in failed.reden  # what validate and the batch summary say
    model = model_of([e for e in entries if e.naam != "Dijkmond"], [failed])
    data = region_pdf.render(model, OVERVIEW)
    region_pdf.check(data, model)
    path = tmp_path / "regio.pdf"
    path.write_bytes(data)
    pages = read_pages(path)
    text = "\n".join(p.text for p in pages)
    assert not LEAKS.findall(text), LEAKS.findall(text)
    assert (
        "de gegevens bevatten 1 fout; elke fout staat met haar plek op het blad Problemen"
        in text.replace("\n", " ")
    )
    # Every local number stands whole on one line, wherever it is printed.
    numbers = {str(c.telefoon) for e in model.gemeenten for c in e.contacten if c.telefoon}
    assert "0123-780800" in numbers  # written "+31 123 780 800": printed in the one display form
    lines = [line.text for p in pages for line in p.body]
    for number in numbers:
        assert any(number in line for line in lines), number


def test_a_large_region_repeats_table_headers_on_every_page(
    entries: list[MunicipalityEntry], tmp_path: Path
) -> None:
    many = [renamed(entries[i % len(entries)], f"Gemeente {i:02d}") for i in range(24)]
    model = model_of(many, [])
    data = region_pdf.render(model, OVERVIEW)
    region_pdf.check(data, model)
    path = tmp_path / "groot.pdf"
    path.write_bytes(data)
    pages = read_pages(path)
    landscape = [p for p in pages if p.landscape]
    assert len(landscape) >= 2, "het overzicht past nu op één pagina; neem meer gemeenten"
    assert [p.number for p in landscape] == list(range(1, len(landscape) + 1))
    matrix_header = tuple(context(model, OVERVIEW)["matrix_kop"])
    # The matrix runs over more than one page, and each page of it opens with the header row.
    assert len([p for p in landscape if any(t[0] == matrix_header for t in p.tables)]) >= 2
    listed = [p for p in pages if any(t[0] == CONTACTS for t in p.tables)]
    assert len(listed) >= 2
    names = [row[0] for row in table_rows(pages, CONTACTS)]
    assert names == sorted(names, key=str.casefold) and len(set(names)) == 24
    # No fragment of any table starts without its header: its first row is a known header row.
    known = {
        t[0]
        for p in pages
        for t in p.tables
        if t[0][0] in ("Gemeente", "Gegeven", "Partner", "Onderwerp", "Praktijk", "Ketenstap", "Naam")
    }
    for page in pages:
        for table in page.tables:
            assert table[0] in known, f"pagina {page.number}: tabel begint zonder kopregel: {table[0]}"
    assert mostly_empty(pages, _main_chapters(model)) == []


def test_check_refuses_a_portrait_first_page_and_a_missing_municipality(
    pdf: Path, model: RegionModel, entries: list[MunicipalityEntry]
) -> None:
    other = model_of([*entries, renamed(entries[0], "Nergenshuizen")], [])
    with pytest.raises(BuildError, match="Nergenshuizen"):
        region_pdf.check(pdf.read_bytes(), other)
    portrait = render_pdf(
        "<html lang='nl'><head><title>x</title></head><body><h1>x</h1><p style='break-before: page'>y</p></body></html>",
        "test",
        pdf_variant="pdf/ua-1",
    )
    with pytest.raises(BuildError, match="liggend"):
        region_pdf.check(portrait, model)


def test_word_and_pdf_editions_say_the_same_sentences(pdf: Path, model: RegionModel) -> None:
    """Both editions place the sentences the shared context words; neither has its own."""
    ctx = context(model, OVERVIEW)
    shown = {k: v for k, v in ctx["teksten"].items() if k not in ("geen_partners", "mislukt")}
    sentences = [s for v in shown.values() for s in ([v] if isinstance(v, str) else v)]
    sentences += [g["inleiding"] for g in ctx["gemeenten"]]
    sentences += [zin for g in ctx["gemeenten"] for zin in g["aandachtspunten"]]
    word = docx.Document(io.BytesIO(region_docx.render(model, OVERVIEW)))
    editions = {
        "Word": _squash("".join(p.text for p in word.paragraphs)),
        "PDF": _squash("".join(p.text for p in read_pages(pdf))),
    }
    for sentence in sentences:
        for edition, text in editions.items():
            assert _squash(sentence) in text, f"{edition}: {sentence}"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_local_text_in_arabic_reads_right_to_left(entries: list[MunicipalityEntry]) -> None:
    data = to_data(entries[0])
    data["praktijken"][0]["lokale_situatie"] = ["يقدم الفريق معلومات للعائلات."]
    model = model_of([from_data(MunicipalityEntry, data)], [])
    html = region_pdf.render_html(model, OVERVIEW)
    assert '<td dir="rtl">يقدم الفريق معلومات للعائلات.</td>' in html


def test_local_text_in_arabic_reads_right_to_left_in_word_too(entries: list[MunicipalityEntry]) -> None:
    data = to_data(entries[0])
    data["praktijken"][0]["lokale_situatie"] = ["يقدم الفريق معلومات للعائلات."]
    model = model_of([from_data(MunicipalityEntry, data)], [])
    word = docx.Document(io.BytesIO(region_docx.render(model, OVERVIEW)))
    cells = [p for t in word.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    (arabic,) = [p for p in cells if p.text == "يقدم الفريق معلومات للعائلات."]
    assert arabic._p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None
    assert all(p._p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is None for p in word.paragraphs)
