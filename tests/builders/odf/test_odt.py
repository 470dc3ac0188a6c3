"""The ODF edition read back with odfdo and lxml: the same headings, tables, links, bookmarks and
text as the Word edition; a sound, reproducible package; outline levels, contents, header rows,
house colour, logo, CONCEPT marking and right-to-left paragraphs."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from odfdo import Document

from assembler.builders.art.colours import house_palette
from assembler.builders.odf.builder import check_odt
from assembler.builders.odf.nodes import qname, text_of
from assembler.cli import main
from assembler.errors import BuildError
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.profile.reading import load_profile
from tests.builders.odf.editions import odt_parts, read_docx, read_odt, squash
from tests.conftest import ADOPTED, BASE_PROFILE, EXAMPLE_REGION, edit

EXAMPLE = ("kreekmonde", "ter-linde", "wilgendaal")
ARABIC = "مرحبا بكم في بلدية تستدام، نعمل معا من أجل السلامة في المنزل — Testdam"
STYLE = qname("text:style-name")


def build(profile: Path, out: Path, formats: str = "docx,odt") -> Path:
    result = CliRunner().invoke(main, ["build", str(profile), "--formaat", formats, "-o", str(out)])
    assert result.exit_code == 0, result.output
    model = tailor(load_profile(profile), national_content())
    return out / model.slug


def build_text(text: str, folder: Path, formats: str = "odt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "testdam.yaml"
    profile.write_text(text, encoding="utf-8")
    return build(profile, folder / "uit", formats) / "routekaart-testdam.odt"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("voorbeeld")
    for name in EXAMPLE:
        build(EXAMPLE_REGION / "gemeenten" / f"{name}.yaml", out)
    return out


@pytest.mark.parametrize("name", EXAMPLE)
def test_the_odt_has_the_headings_tables_links_bookmarks_and_text_of_the_docx(
    example: Path, name: str
) -> None:
    word = read_docx(example / name / f"routekaart-{name}.docx")
    odf = read_odt(example / name / f"routekaart-{name}.odt")
    assert len(word.headings) > 60 and {level for level, _ in word.headings} == {1, 2, 3, 4}
    assert odf.headings == word.headings
    assert word.tables > 10 and odf.tables == word.tables
    assert odf.header_rows == word.header_rows > 10  # every table but the routes repeats its header row
    assert len(word.links) > 50 and odf.links == word.links
    assert len(word.internal_links) > 20 and odf.internal_links == word.internal_links
    assert odf.bookmarks == word.bookmarks == word.internal_links  # the contents link to the headings
    assert len(word.paragraphs) > 500
    assert odf.paragraphs == word.paragraphs


def test_the_package_is_sound_and_reproducible(example: Path, tmp_path: Path) -> None:
    path = example / "kreekmonde" / "routekaart-kreekmonde.odt"
    data = path.read_bytes()
    check_odt(path.name, data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        first = package.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert package.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        names = set(package.namelist())
        assert {i.date_time for i in package.infolist()} == {(2026, 12, 6, 0, 0, 0)}  # the adoption date
    parts = odt_parts(data)
    # ODF 1.3 in every part, the version current office suites write.
    versions = {p.get(qname("office:version")) or p.get(qname("manifest:version")) for p in parts.values()}
    assert versions == {"1.3"}
    manifest = parts["META-INF/manifest.xml"]
    entries = list(manifest.iter(qname("manifest:file-entry")))
    # The package's version ("/") must be the manifest's, or office suites refuse the file.
    assert {e.get(qname("manifest:version")) for e in entries if e.get(qname("manifest:version"))} == {"1.3"}
    listed = {e.get(qname("manifest:full-path")) for e in entries}
    assert listed - {"/"} == names - {"mimetype", "META-INF/manifest.xml"}  # no more, no less
    media = {e.get(qname("manifest:full-path")): e.get(qname("manifest:media-type")) for e in entries}
    assert {media[n] for n in names if n.startswith("Pictures/")} == {"image/png"}
    assert not any(n.startswith(("Thumbnails/", "Configurations2/")) for n in names)
    again = build(EXAMPLE_REGION / "gemeenten" / "kreekmonde.yaml", tmp_path, "odt")
    assert (again / path.name).read_bytes() == data


def test_meta_gives_title_language_and_the_documents_own_date(example: Path) -> None:
    document = Document(str(example / "kreekmonde" / "routekaart-kreekmonde.odt"))
    meta = document.meta
    assert meta.title == "Routekaart schadelijke praktijken Kreekmonde"
    assert meta.language == "nl-NL"
    assert meta.creation_date is not None and meta.creation_date.date().isoformat() == "2026-12-06"
    assert meta.date is not None and meta.date.date().isoformat() == "2026-12-06"
    assert "schadelijke praktijken" in (meta.keywords or "")
    assert meta.get_user_defined_metadata()["Versie"] == "2026.3"


def test_headings_are_outline_levels_and_the_contents_is_a_filled_index(example: Path) -> None:
    parts = odt_parts((example / "kreekmonde" / "routekaart-kreekmonde.odt").read_bytes())
    content, styles = parts["content.xml"], parts["styles.xml"]
    named = {s.get(qname("style:name")): s for s in styles.iter(qname("style:style"))}
    for level in (1, 2, 3, 4):
        assert named[f"Heading_20_{level}"].get(qname("style:default-outline-level")) == str(level)
    assert styles.find(f".//{qname('text:outline-style')}") is not None
    toc = content.find(f".//{qname('text:table-of-content')}")
    assert toc is not None
    source = toc.find(qname("text:table-of-content-source"))
    assert source.get(qname("text:outline-level")) == "2"
    entries = [text_of(p) for p in toc.find(qname("text:index-body")).iter(qname("text:p"))]
    headings = [
        text_of(h) for h in content.iter(qname("text:h")) if int(h.get(qname("text:outline-level"))) <= 2
    ]
    assert entries == headings and "Inleiding" in entries and "Bronnen" in entries
    # Each entry links to a bookmark around its heading's text.
    for link in toc.iter(qname("text:a")):
        name = link.get("{http://www.w3.org/1999/xlink}href").lstrip("#")
        start = content.find(f".//{qname('text:bookmark-start')}[@{qname('text:name')}='{name}']")
        assert start is not None and start.getparent().tag == qname("text:h")
        assert text_of(start.getparent()) == link.text


def test_tables_repeat_their_header_row_and_the_routes_are_described(example: Path) -> None:
    content = odt_parts((example / "kreekmonde" / "routekaart-kreekmonde.odt").read_bytes())["content.xml"]
    headers = []
    for table in content.iter(qname("table:table")):
        rows = table.find(qname("table:table-header-rows"))
        if table.get(qname("table:name")).startswith("Route"):
            assert rows is None
            assert table.find(qname("table:title")).text.startswith("Route bij signalen van ")
            assert "Stap 1" in table.find(qname("table:desc")).text
            continue
        assert rows is not None and len(rows) == 1
        headers.append(squash(" ".join(text_of(c) for c in rows[0])))
    assert "Partner Rol Telefoon E-mail" in headers
    assert "Naam Rol Telefoon E-mail Bereikbaar" in headers
    assert "Begrip Uitleg" in headers


def test_house_colour_in_headings_title_rule_and_table_headers(tmp_path: Path) -> None:
    colour = "#8A1538"
    text = edit(BASE_PROFILE, 'hoofdkleur: "#1F5C99"', f'hoofdkleur: "{colour}"')
    parts = odt_parts(build_text(text, tmp_path).read_bytes())
    palette = house_palette(colour)
    named = {s.get(qname("style:name")): s for s in parts["styles.xml"].iter(qname("style:style"))}
    for name in ("Heading_20_1", "Heading_20_2", "Heading_20_3", "Title"):
        props = named[name].find(qname("style:text-properties"))
        assert props.get(qname("fo:color")).lower() == palette.band.lower()
    title = named["Title"].find(qname("style:paragraph-properties"))
    assert palette.colour.lower() in title.get(qname("fo:border-bottom")).lower()
    cells = {
        s.get(qname("style:name")): s.find(qname("style:table-cell-properties"))
        for s in parts["content.xml"].iter(qname("style:style"))
        if s.get(qname("style:family")) == "table-cell"
    }
    first_header = parts["content.xml"].find(
        f".//{qname('table:table-header-rows')}//{qname('table:table-cell')}"
    )
    fill = cells[first_header.get(qname("table:style-name"))].get(qname("fo:background-color"))
    assert fill.lower() == palette.colour.lower()


def test_the_logo_is_a_described_picture_in_the_package(example: Path) -> None:
    data = (example / "kreekmonde" / "routekaart-kreekmonde.odt").read_bytes()
    content = odt_parts(data)["content.xml"]
    frames = list(content.iter(qname("draw:frame")))
    assert len(frames) == 1
    image = frames[0].find(qname("draw:image"))
    target = image.get("{http://www.w3.org/1999/xlink}href")
    assert frames[0].find(qname("svg:title")).text == "Logo van Kreekmonde"
    logo = (EXAMPLE_REGION / "logo-kreekmonde.png").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.read(target) == logo
    width = float(frames[0].get(qname("svg:width")).removesuffix("mm"))
    height = float(frames[0].get(qname("svg:height")).removesuffix("mm"))
    assert width <= 60.01 and height <= 30.01 and max(width / 60, height / 30) > 0.99


def _masters(data: bytes) -> dict[str, etree._Element]:
    styles = odt_parts(data)["styles.xml"]
    return {m.get(qname("style:name")): m for m in styles.iter(qname("style:master-page"))}


def test_a_concept_says_concept_in_every_header_with_a_watermark(tmp_path: Path) -> None:
    concept = edit(BASE_PROFILE, f"  vastgesteld_op: {ADOPTED}\n", "")
    masters = _masters(build_text(concept, tmp_path / "concept").read_bytes())
    assert set(masters) == {"Standard", "First_20_Page"}
    for master in masters.values():
        header = master.find(qname("style:header"))
        first = header.find(qname("text:p"))
        assert text_of(first) == "CONCEPT"
        shape = first.find(qname("draw:custom-shape"))
        assert shape is not None and "rotate" in shape.get(qname("draw:transform"))
        assert text_of(shape.find(qname("text:p"))) == "CONCEPT"

    adopted = _masters(build_text(BASE_PROFILE, tmp_path / "vastgesteld").read_bytes())
    assert adopted["First_20_Page"].find(qname("style:header")) is None
    assert "CONCEPT" not in etree.tostring(adopted["Standard"], encoding="unicode")


def test_arabic_local_text_reads_from_the_right(tmp_path: Path) -> None:
    text = BASE_PROFILE.replace(
        "inleiding: In Testdam ligt het accent op preventie.", f'inleiding: "{ARABIC}"'
    )
    content = odt_parts(build_text(text, tmp_path).read_bytes())["content.xml"]
    modes = {
        s.get(qname("style:name")): s.find(qname("style:paragraph-properties"))
        for s in content.iter(qname("style:style"))
    }

    def mode(paragraph: etree._Element) -> str | None:
        props = modes.get(paragraph.get(STYLE))
        return None if props is None else props.get(qname("style:writing-mode"))

    paragraphs = list(content.iter(qname("text:p")))
    arabic = [p for p in paragraphs if text_of(p) == ARABIC]
    assert arabic and all(mode(p) == "rl-tb" for p in arabic)
    assert not any(mode(p) == "rl-tb" for p in paragraphs if text_of(p).startswith("Dit hoofdstuk"))


def test_a_broken_package_is_refused() -> None:
    with pytest.raises(BuildError, match="niet geldig"):
        check_odt("x.odt", b"geen zip")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("content.xml", "<a/>")
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(BuildError, match="mimetype"):
        check_odt("x.odt", out.getvalue())
