"""The Word routekaart, read back with python-docx the way a reader and Word see it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import RGBColor

from assembler.builders.word.builder import check_docx, default_template, render_docx
from assembler.builders.word.check import check_template_file
from assembler.builders.word.env import clean_text, finalize
from assembler.dutch import dutch_date, enumeration
from assembler.errors import BuildError, TemplateError
from assembler.model.routekaart import DEFAULT_COLOUR, Routekaart
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.pipeline.municipality import build_profile
from assembler.profile.reading import load_profile
from tests.conftest import FIXTURE_REGION, BuiltProfile, Invoke

MUNICIPALITIES = ("brugstad", "dijkmond", "s-molenwaard", "waldterp")
W = nsdecls("w")


@dataclass
class Built:
    model: Routekaart
    path: Path
    output: str

    @property
    def data(self) -> bytes:
        return self.path.read_bytes()

    @property
    def document(self) -> Document:
        return docx.Document(str(self.path))

    def member(self, name: str) -> str:
        with zipfile.ZipFile(self.path) as package:
            return package.read(name).decode("utf-8")


def text_of(element: object) -> str:
    """The visible text under an element (python-docx elements redefine lxml's .text, so no itertext)."""
    return "".join(t.text or "" for t in element.iter(qn("w:t")))  # type: ignore[attr-defined]


def paragraph_texts(document: Document) -> list[str]:
    """Every paragraph in the body, tables included, in order (hyperlinked text too)."""
    return [text_of(p) for p in document.element.body.iter(qn("w:p"))]


def full_text(document: Document) -> str:
    return "\n".join(paragraph_texts(document))


def headings(document: Document) -> list[tuple[int, str]]:
    found = []
    for p in document.paragraphs:
        match = re.fullmatch(r"Heading (\d)", p.style.name)
        if match:
            found.append((int(match.group(1)), p.text))
    return found


def section(document: Document, level: int, title: str) -> list[tuple[int, str]]:
    """The headings below the given one, up to the next heading of its level or higher."""
    items = headings(document)
    start = items.index((level, title))
    result = []
    for lvl, text in items[start + 1 :]:
        if lvl <= level:
            break
        result.append((lvl, text))
    return result


def build(run: Invoke, profile: Path, out: Path, *extra: str) -> tuple[str, int]:
    result = run("build", profile, "--formaat", "docx", "-o", out, *extra)
    return result.output, result.exit_code


@pytest.fixture(scope="module")
def built(fixture_region_built: dict[str, BuiltProfile]) -> dict[str, Built]:
    return {
        name: Built(b.model, b.folder / f"routekaart-{b.model.slug}.docx", b.output)
        for name, b in fixture_region_built.items()
    }


# ---------------------------------------------------------------------------
# The fixture municipalities


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_builds_a_valid_docx_named_after_the_slug(built: dict[str, Built], name: str) -> None:
    b = built[name]
    assert b.path.name == f"routekaart-{b.model.slug}.docx"
    assert f"geschreven: {b.path}" in b.output
    with zipfile.ZipFile(b.path) as package:
        assert package.testzip() is None
    check_docx(b.path.name, b.data)


def test_slugs_drop_apostrophes_and_diacritics(built: dict[str, Built]) -> None:
    assert built["s-molenwaard"].path.parent.name == "s-molenwaard"
    assert built["waldterp"].path.parent.name == "waldterp"


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_name_in_title_cover_and_header(built: dict[str, Built], name: str) -> None:
    b = built[name]
    document = b.document
    gemeente = b.model.gemeente
    assert gemeente in document.core_properties.title
    # The cover opens with the municipality, then (logo and) the title with the name under it.
    assert document.paragraphs[0].text.startswith(f"Gemeente {gemeente}")
    # Title and name are two Title paragraphs, one border group: the rule runs under the name.
    titles = [p.text for p in document.paragraphs[:12] if p.style.name == "Title"]
    assert titles == ["Routekaart schadelijke praktijken", gemeente]
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert gemeente in header and f"versie {b.model.versie}" in header


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_footer_numbers_pages_as_x_of_y(built: dict[str, Built], name: str) -> None:
    footer = built[name].member("word/footer1.xml")
    assert re.search(r'w:instr=" PAGE "', footer) and re.search(r'w:instr=" NUMPAGES "', footer)
    assert "pagina " in footer and " van " in footer


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_every_local_and_regional_partner_phone_and_email(built: dict[str, Built], name: str) -> None:
    b = built[name]
    text = full_text(b.document)
    m = b.model
    expected = [m.veilig_thuis.naam, m.veilig_thuis.telefoon, *(v for v in [m.veilig_thuis.email] if v)]
    afv = m.veilig_thuis.aandachtsfunctionaris_vgv
    if afv:
        expected += [afv.naam, *(v for v in (afv.telefoon, afv.email) if v)]
    assert m.partners_regionaal  # Dijkmond has no local partners of its own
    for partner in m.partners:
        expected += [partner.naam, *(v for v in (partner.telefoon, partner.spoed, partner.email) if v)]
    missing = [value for value in map(str, expected) if value not in text]
    assert not missing, f"ontbreekt in de routekaart van {name}: {missing}"


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_contact_list_has_one_row_per_contact(built: dict[str, Built], name: str) -> None:
    b = built[name]
    tables = [t for t in b.document.tables if [c.text for c in t.rows[0].cells][:2] == ["Naam", "Rol"]]
    assert len(tables) == 1
    rows = tables[0].rows[1:]
    assert [r.cells[0].text.split("\n")[0] for r in rows] == [c.naam for c in b.model.contacten]
    for row, contact in zip(rows, b.model.contacten, strict=True):
        # A number with a check says when; a national one without a check gives its source, by its name.
        check = f"\ngecontroleerd op {dutch_date(contact.gecontroleerd_op)}" if contact.gecontroleerd_op else ""
        assert row.cells[2].text == str(contact.telefoon or "–") + check
        source = contact.bron and contact.telefoon and not contact.gecontroleerd_op
        assert row.cells[0].text == contact.naam + (f"\nbron: {contact.bron_domein}" if source else "")
        assert row.cells[3].text == (contact.email or "–")
        assert row.cells[4].text == (contact.bereikbaarheid or "–")


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_chapters_of_exactly_the_selected_practices(built: dict[str, Built], name: str) -> None:
    b = built[name]
    document = b.document
    chapters = [text for level, text in headings(document) if level == 1]
    assert chapters == [
        "Inleiding",
        "De schadelijke praktijken",
        "Wet- en regelgeving",
        "Betrokken organisaties",
        "De ketenaanpak",
        "Wat regelt de gemeente",
        "Afspraken en keuzes",
        "Bijlagen",
    ]
    practices = [text for level, text in section(document, 1, "De schadelijke praktijken") if level == 2]
    assert practices == [f"{p.naam} ({p.afkorting})" if p.afkorting else p.naam for p in b.model.praktijken]
    content = national_content()
    others = [
        content.praktijken[k].naam for k in content.praktijken if k not in {p.key for p in b.model.praktijken}
    ]
    all_headings = " | ".join(text for _, text in headings(document))
    for other in others:
        assert other not in all_headings


def test_s_molenwaard_has_only_its_two_practices(built: dict[str, Built]) -> None:
    document = built["s-molenwaard"].document
    practices = [text for level, text in section(document, 1, "De schadelijke praktijken") if level == 2]
    assert [p.split(" (")[0] for p in practices] == ["Huwelijksdwang", "Eergerelateerd geweld"]
    assert len(built["s-molenwaard"].model.praktijken) == 2


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_partner_table_per_chain_step(built: dict[str, Built], name: str) -> None:
    b = built[name]
    document = b.document
    body = list(document.element.body)
    for step in b.model.stappen:
        start = next(
            i
            for i, el in enumerate(body)
            if el.tag == qn("w:p") and text_of(el) == step.naam and _style(el) == "Heading2"
        )
        following = body[start + 1 :]
        table_el = next(
            (el for el in following if el.tag == qn("w:tbl")),
            None,
        )
        next_step = next(
            (
                i
                for i, el in enumerate(following)
                if el.tag == qn("w:p") and _style(el) in ("Heading1", "Heading2")
            ),
            len(following),
        )
        if step.partners:
            assert table_el is not None and following.index(table_el) < next_step
            names = [text_of(tr.find(qn("w:tc"))) for tr in table_el.findall(qn("w:tr"))[1:]]
            assert names == [p.naam for p in step.partners]
        if step.geen_lokale_partner:
            texts = [text_of(el) for el in following[:next_step]]
            assert step.geen_lokale_partner in texts


def _style(element: object) -> str | None:
    style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")  # type: ignore[attr-defined]
    return style.get(qn("w:val")) if style is not None else None


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_toc_field_filled_and_word_asked_to_update(built: dict[str, Built], name: str) -> None:
    b = built[name]
    body = b.member("word/document.xml")
    instructions = re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", body)
    assert any(re.match(r'\s*TOC \\o "1-\d" \\h \\z \\u', i) for i in instructions)
    settings = b.member("word/settings.xml")
    assert '<w:updateFields w:val="true"/>' in settings
    document = b.document
    toc = [p.text for p in document.paragraphs if re.fullmatch(r"toc \d", p.style.name)]
    assert toc[:2] == ["Inleiding", "Maatwerk"]
    assert "Bijlagen" in toc and "Contactlijst" in toc
    for practice in b.model.praktijken:
        assert practice.naam in " ".join(toc)
    # Each entry links to a bookmark on its heading.
    anchors = re.findall(r'<w:hyperlink w:anchor="(_Toc\d+)"', body)
    assert len(anchors) == len(toc)
    for anchor in anchors:
        assert f'w:name="{anchor}"' in body


def test_logo_on_the_cover_of_brugstad_only(built: dict[str, Built]) -> None:
    logo = (FIXTURE_REGION / "logo-brugstad.png").read_bytes()
    for name, b in built.items():
        with zipfile.ZipFile(b.path) as package:
            media = [package.read(n) for n in package.namelist() if n.startswith("word/media/")]
        digests = {hashlib.sha256(m).hexdigest() for m in media}
        has_logo = hashlib.sha256(logo).hexdigest() in digests
        assert has_logo == (name == "brugstad"), name
        # The logo is the only picture: the routes are tables of text.
        drawings = b.member("word/document.xml").count("<w:drawing>")
        assert drawings == int(has_logo)
        assert len(media) == drawings
    body = built["brugstad"].member("word/document.xml")
    first_picture = body.index("<w:drawing>")
    assert first_picture < body.index(">Routekaart schadelijke praktijken<")
    assert 'descr="Logo van Brugstad"' in body


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_route_diagrams_have_alt_text(built: dict[str, Built], name: str) -> None:
    b = built[name]
    body = b.member("word/document.xml")
    descriptions = re.findall(r'<w:tblDescription w:val="([^"]*)"', body)
    routes = [d for d in descriptions if d.startswith("Route bij signalen")]
    assert len(routes) == len(b.model.praktijken)
    for practice, text in zip(b.model.praktijken, routes, strict=True):
        assert text.startswith(f"Route bij signalen van {practice.naam.lower()} in {b.model.gemeente}.")
        assert "Stap 1, Signaal" in text and "Bij acuut gevaar" in text and "112" in text
        assert str(b.model.veilig_thuis.telefoon) in text


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_urls_and_email_addresses_are_hyperlinks(built: dict[str, Built], name: str) -> None:
    b = built[name]
    rels = b.member("word/_rels/document.xml.rels")
    targets = set(re.findall(r'Target="([^"]+)" TargetMode="External"', rels))
    for partner in b.model.partners:
        if partner.email:
            assert f"mailto:{partner.email}" in targets
    for source in b.model.bronnen:
        assert source.url.replace("&", "&amp;") in targets
    if b.model.website:
        assert b.model.website in targets  # on the cover
    body = b.member("word/document.xml")
    assert body.count("<w:hyperlink r:id=") >= len(b.model.bronnen)


def test_house_colour_on_headings_and_table_headers(built: dict[str, Built]) -> None:
    for name, b in built.items():
        document = b.document
        colour = RGBColor.from_string(b.model.kleur.lstrip("#"))
        for style in ("Heading 1", "Heading 2", "Heading 3", "Title"):
            assert document.styles[style].font.color.rgb == colour, (name, style)
        table_style = document.styles["Routekaart Tabel"].element
        fills = [
            shd.get(qn("w:fill"))
            for cond in table_style.findall(qn("w:tblStylePr"))
            if cond.get(qn("w:type")) == "firstRow"
            for shd in cond.iter(qn("w:shd"))
        ]
        assert fills == [b.model.kleur.lstrip("#")], name
    assert built["brugstad"].model.kleur == "#1F5C99"
    assert built["dijkmond"].model.kleur == DEFAULT_COLOUR


def test_a_pale_house_colour_is_darkened_for_heading_text(profile, tmp_path: Path) -> None:
    path = profile(('hoofdkleur: "#1F5C99"', 'hoofdkleur: "#FFE066"'))
    result = build_profile(path, tmp_path, ("docx",))
    document = docx.Document(str(result.files[0]))
    heading = document.styles["Heading 1"].font.color.rgb
    assert heading != RGBColor.from_string("FFE066")  # light yellow on white is unreadable
    fills = [shd.get(qn("w:fill")) for shd in document.styles["Routekaart Tabel"].element.iter(qn("w:shd"))]
    assert "FFE066" in fills  # the header band keeps the real colour, with dark text on it


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_dutch_language_and_noto_sans(built: dict[str, Built], name: str) -> None:
    b = built[name]
    styles = b.member("word/styles.xml")
    defaults = styles[styles.index("<w:docDefaults>") : styles.index("</w:docDefaults>")]
    assert 'w:lang w:val="nl-NL"' in defaults and 'w:ascii="Noto Sans"' in defaults
    document = b.document
    normal = document.styles["Normal"].element
    assert normal.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "nl-NL"
    assert document.styles["Normal"].font.name == "Noto Sans"
    assert document.core_properties.language == "nl-NL"


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_document_properties(built: dict[str, Built], name: str) -> None:
    b = built[name]
    props = b.document.core_properties
    m = b.model
    assert props.title == m.titel_volledig
    assert props.author == m.eigenaar.naam
    assert props.version == m.versie
    assert m.gemeente in props.keywords
    assert all(p.naam in props.keywords for p in m.praktijken)
    # The document's own date: its adoption, or for a concept the newest date in its data.
    assert props.created.date() == m.datum
    assert props.modified.date() == m.datum
    with zipfile.ZipFile(b.path) as package:
        assert {i.date_time[:3] for i in package.infolist()} == {(m.datum.year, m.datum.month, m.datum.day)}


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_reads_as_finished_text(built: dict[str, Built], name: str) -> None:
    document = built[name].document
    texts = paragraph_texts(document)
    text = "\n".join(texts)
    for leftover in ("None", "{{", "}}", "{%", "%}", "Undefined", "[]", "()", "{gemeente}"):
        assert leftover not in text, f"{leftover!r} in de routekaart van {name}"
    assert all(text.strip() for _, text in headings(document)), "lege kop"
    for table in document.tables:
        if table._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}") is not None:
            continue  # a route: its arrow and lane cells are empty on purpose (tests/builders/word/test_route.py)
        assert len(table.rows) > 1, "tabel zonder rijen"
        for row in table.rows:
            for cell in row.cells:
                assert cell.text.strip(), f"lege cel in tabel '{table.rows[0].cells[0].text}'"


def test_local_texts_and_choices_appear(built: dict[str, Built]) -> None:
    b = built["brugstad"]
    text = full_text(b.document)
    assert b.model.inleiding[0] in text
    assert "Elk jaar een training over de meldcode en schadelijke praktijken" in text
    assert "Zodra Veilig Thuis de zaak overdraagt, voert het wijkteam de casusregie." in text
    assert b.model.regie_tekst in text and b.model.coordinator_tekst in text
    summary = next(t for t in b.document.tables if t.rows[0].cells[0].text == "Onderwerp")
    rows = {r.cells[0].text: r.cells[1].text for r in summary.rows[1:]}
    assert rows["Vrouwelijke genitale verminking"] == "Opgenomen, prioriteit hoog"
    assert rows["Coördinator"] == "Sociaal wijkteam Brugstad"
    assert rows["Regie over de ketenaanpak"] == "De gemeente"
    assert rows["Herziening"] == "Vóór 15 oktober 2027"
    assert rows["Zakkaarten: formaat"].startswith("Creditcard")
    molenwaard = {
        r.cells[0].text: r.cells[1].text
        for r in next(
            t for t in built["s-molenwaard"].document.tables if t.rows[0].cells[0].text == "Onderwerp"
        ).rows
    }
    assert molenwaard["Regie over de ketenaanpak"] == "Veilig Thuis"
    assert molenwaard["Coördinator"] == "Nog niet aangewezen"
    assert molenwaard["Zakkaarten: formaat"].startswith("A6")


def test_two_builds_are_byte_identical(built: dict[str, Built], tmp_path: Path) -> None:
    profile = FIXTURE_REGION / "gemeenten" / "brugstad.yaml"
    again = build_profile(profile, tmp_path, ("docx",))
    assert again.files[0].read_bytes() == built["brugstad"].data


def test_a_build_writes_nothing_outside_its_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No cache in the home folder or anywhere else: only DIR/<slug>/ gets files."""
    home, out = tmp_path / "thuis", tmp_path / "uitvoer"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    build_profile(FIXTURE_REGION / "gemeenten" / "dijkmond.yaml", out, ("docx",))
    assert list(home.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thuis", "uitvoer"]
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written and all(name.startswith("dijkmond/") for name in written), written


# ---------------------------------------------------------------------------
# Hostile profile text


HOSTILE = {
    "markup": "Tom & Jerry <b>vet</b> \"dubbel\" 'enkel' a<b && c>d",
    "jinja": "{{ gemeente }} en {% if x %}ja{% endif %} en {# opmerking #} en {{ 7*7 }}",
    "docxtpl": "{_{ raar }_} en {_% blok %_} en {%p if x %}",
    "emoji": "Veilig 🏠 thuis ☎ ★ ✓ ❤️ 🚑",  # what the shipped symbol font prints
    "rtl": "مرحبا بالعالم — שלום עולם — Brugstad",
    "long": "Ketenaanpak" * 40,
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_text_appears_literally(profile, tmp_path: Path, case: str) -> None:
    text = HOSTILE[case]
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    path = profile(
        ("inleiding: In Testdam ligt het accent op preventie.", f"inleiding: {quoted}"),
        (
            "    lokale_situatie: Scholen in Testdam bespreken vrije partnerkeuze in de bovenbouw.",
            f"    lokale_situatie: {quoted}",
        ),
        ("    afspraken: Het wijkteam voert de casusregie.", f"    afspraken: {quoted}"),
    )
    result = build_profile(path, tmp_path, ("docx",))
    data = result.files[0].read_bytes()
    check_docx("x.docx", data)
    texts = paragraph_texts(docx.Document(io.BytesIO(data)))
    assert texts.count(text) == 3, f"{case}: {text!r} staat niet drie keer letterlijk in het document"


def test_hostile_partner_name_in_tables_and_route(profile, tmp_path: Path) -> None:
    name = 'Team <Zorg> & "Veilig" {{ x }} 🏠'
    quoted = '"' + name.replace('"', '\\"') + '"'
    path = profile(("naam: Sociaal wijkteam Testdam", f"naam: {quoted}"))
    result = build_profile(path, tmp_path, ("docx",))
    document = docx.Document(str(result.files[0]))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert cells.count(name) >= 3  # partner tables per practice and step, contact list
    body = zipfile.ZipFile(result.files[0]).read("word/document.xml").decode()
    assert "Team &lt;Zorg&gt; &amp; &quot;Veilig&quot; {{ x }} 🏠" in body  # in the route's description
    # ... and as a line of its own in a route table's step.
    caption = f"{qn('w:tblPr')}/{qn('w:tblCaption')}"
    routes = [t for t in document.element.body.iter(qn("w:tbl")) if t.find(caption) is not None]
    assert any(name in text_of(p) for t in routes for p in t.iter(qn("w:p")))


def test_output_filter_makes_any_text_xml_safe() -> None:
    assert str(finalize(None)) == ""
    assert str(finalize("a\x07b\x0bc\x00d")) == "a b c d"
    # docxtpl turns '{_{', '}_}', '{_%' and '%_}' into brackets after rendering; none may survive.
    kept = str(finalize("{_{ x }_} {_% y %_}"))
    assert not any(marker in kept for marker in ("{_{", "}_}", "{_%", "%_}"))
    assert kept.replace("&#95;", "_") == "{_{ x }_} {_% y %_}"
    assert str(finalize("<&>\"'")) == "&lt;&amp;&gt;&#34;&#39;"
    assert clean_text("a\r\nb\rc") == "a\nb\nc"
    assert enumeration(["a", "b", "c"]) == "a, b en c"
    assert enumeration(["a"]) == "a"


# ---------------------------------------------------------------------------
# Templates: the shipped one, StrictUndefined and a municipality's own


def test_shipped_template_passes_its_own_check() -> None:
    assert check_template_file(default_template()) == []


def make_template(path: Path, *paragraphs: str, split: bool = False) -> Path:
    """A small .docx template: a heading, then one paragraph per text."""
    document = docx.Document()
    document.add_heading("Inleiding", 1)
    for text in paragraphs:
        document.add_paragraph(text)
    if split:
        # Word with track changes on: a deletion between the two braces of '{{'. docxtpl cannot
        # join them, so the tag would be printed as text.
        p = document.add_paragraph()
        p._p.append(parse_xml("<w:r " + W + "><w:t>Welkom in {</w:t></w:r>"))
        p._p.append(
            parse_xml(
                f'<w:del {W} w:id="9" w:author="a" w:date="2026-01-01T00:00:00Z">'
                "<w:r><w:delText>x</w:delText></w:r></w:del>"
            )
        )
        p._p.append(parse_xml("<w:r " + W + '><w:t xml:space="preserve">{ gemeente }}.</w:t></w:r>'))
    document.save(str(path))
    return path


def test_strict_undefined_names_the_missing_variable(tmp_path: Path) -> None:
    template = make_template(tmp_path / "sjabloon.docx", "Hallo {{ gemeentenaam }}")
    model = tailor(load_profile(FIXTURE_REGION / "gemeenten" / "dijkmond.yaml"), national_content())
    with pytest.raises(TemplateError, match="'gemeentenaam' bestaat niet"):
        render_docx(model, template, lambda p: (b"", ""))
    template = make_template(tmp_path / "leeg.docx", "{{ coordinator.naam }}")
    with pytest.raises(TemplateError, match="lege waarde heeft geen 'naam'"):
        render_docx(model, template, lambda p: (b"", ""))


def test_a_broken_document_fails_the_read_back() -> None:
    with pytest.raises(BuildError, match="niet geldig"):
        check_docx("kapot.docx", b"PK\x03\x04 niet echt")


def test_check_template_reports_split_tag_with_its_place(run: Invoke, tmp_path: Path) -> None:
    template = make_template(tmp_path / "sjabloon.docx", "Gewone tekst.", split=True)
    result = run("check-template", template)
    assert result.exit_code == 1
    assert (
        "sjabloon.docx: alinea 3 (hoofdstuk 'Inleiding'): tag '{{ gemeente }}' is over meerdere "
        "opmaakdelen verdeeld"
    ) in result.output
    assert "Sjabloon niet bruikbaar: 1 probleem." in result.output


def test_check_template_accepts_runs_that_docxtpl_repairs(run: Invoke, tmp_path: Path) -> None:
    document = docx.Document()
    p = document.add_paragraph()
    p.add_run("Welkom in {{ gem")
    p.add_run("een").bold = True
    p.add_run("te }}.")
    path = tmp_path / "goed.docx"
    document.save(str(path))
    result = run("check-template", path)
    assert result.exit_code == 0, result.output
    assert "Sjabloon in orde" in result.output


def test_check_template_reports_curly_quotes_and_unknown_names(run: Invoke, tmp_path: Path) -> None:
    template = make_template(
        tmp_path / "sjabloon.docx",
        "Praktijken: {{ praktijken|map(attribute=“naam”)|join(', ') }}",
        "Welkom in {{ gemeentenaam }}.",
        "{%p for praktijk in praktijken %}",
        "{{ praktijk.naamm }} {{ eigenaar.telefoonnummer }} {{ praktijk.naam|onbekend }}",
        "{%p endfor %}",
        "{{ gemeente ",
        "{%p if regio %}",
    )
    result = run("check-template", template)
    assert result.exit_code == 1
    out = result.output
    assert "alinea 2 (hoofdstuk 'Inleiding'): tag '{{ praktijken|map(attribute=“naam”)" in out
    assert "gekrulde aanhalingstekens" in out
    assert "alinea 3 (hoofdstuk 'Inleiding'): onbekende variabele 'gemeentenaam'" in out
    assert "bedoelt u 'gemeente'?" in out
    assert (
        "alinea 5 (hoofdstuk 'Inleiding'): 'praktijk.naamm' bestaat niet in het model; bedoelt u 'naam'?"
        in out
    )
    assert "'eigenaar.telefoonnummer' bestaat niet in het model; bedoelt u 'telefoon'?" in out
    assert "onbekend filter 'onbekend'" in out
    assert "alinea 7 (hoofdstuk 'Inleiding'): tag '{{ gemeente' wordt niet gesloten" in out
    assert "alinea 8 (hoofdstuk 'Inleiding'): '{% if %}' wordt nergens afgesloten met '{% endif %}'" in out


def test_build_refuses_a_bad_template_with_the_same_message(run: Invoke, tmp_path: Path) -> None:
    template = make_template(tmp_path / "sjabloon.docx", "Welkom in {{ gemeentenaam }}.", split=True)
    expected = run("check-template", template).output.splitlines()[:2]
    out = tmp_path / "uitvoer"
    output, code = build(run, FIXTURE_REGION / "gemeenten" / "dijkmond.yaml", out, "--sjabloon", template)
    assert code == 1
    assert "Fout: eigen sjabloon niet bruikbaar (2 problemen)" in output
    for line in expected:
        assert line in output
    assert not (out / "dijkmond").exists()


def test_profile_field_sjabloon_is_checked_too(run: Invoke, profile, tmp_path: Path) -> None:
    make_template(tmp_path / "eigen.docx", "Hallo {{ gemeente.naam }}")
    path = profile(("naam: Testdam\n", "naam: Testdam\nsjabloon: eigen.docx\n"))
    output, code = build(run, path, tmp_path / "uitvoer")
    assert code == 1
    assert "eigen.docx: alinea 2 (hoofdstuk 'Inleiding'): 'gemeente.naam' bestaat niet" in output


def test_a_good_own_template_is_used(run: Invoke, profile, tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Routekaart {{ gemeente }}", 1)
    document.add_paragraph("{%p for partner in partners_lokaal %}")
    # A phone number prints as written and carries its exact tel: address and its kind.
    document.add_paragraph(
        "{{ partner.naam }}: {{ partner.telefoon }} ({{ partner.telefoon.uri }}, {{ partner.telefoon.kind }}) "
        "{{r mail(partner.email) }}"
    )
    document.add_paragraph("{%p endfor %}")
    document.save(str(tmp_path / "eigen.docx"))
    path = profile(("naam: Testdam\n", "naam: Testdam\nsjabloon: eigen.docx\n"))
    output, code = build(run, path, tmp_path / "uitvoer")
    assert code == 0, output
    written = docx.Document(str(tmp_path / "uitvoer" / "testdam" / "routekaart-testdam.docx"))
    texts = [p.text for p in written.paragraphs]
    assert texts[0] == "Routekaart Testdam"
    assert "Sociaal wijkteam Testdam: 020-1234568 (tel:+31201234568, vast) wijkteam@testdam.test" in texts
    assert written.core_properties.title == "Routekaart schadelijke praktijken Testdam"


def test_a_checked_national_number_shows_its_check_date(built: dict[str, Built]) -> None:
    model = built["brugstad"].model
    checked = [
        dataclasses.replace(c, gecontroleerd_op=dt.date(2026, 12, 1))
        if c.naam == "Politie"
        else c
        for c in model.contacten
    ]
    data = render_docx(dataclasses.replace(model, contacten=tuple(checked)), default_template())
    document = docx.Document(io.BytesIO(data))
    (table,) = [t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == ["Naam", "Rol"]]
    cells = {r.cells[0].text: r.cells[2].text for r in table.rows[1:]}
    assert cells["Politie"] == "112\ngecontroleerd op 1 december 2026"
    # Without a check: the number and, under the name, its source; never "niet gecontroleerd".
    assert cells["Slachtofferhulp Nederland\nbron: slachtofferhulp.nl"] == "0900-0101"
    # A number seen only on a press page is not printed (content 2026.5): no number, no source to stand by.
    assert cells["Centrum Seksueel Geweld"] == "–"
