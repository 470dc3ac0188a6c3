"""Every output is declared once, in builders/registry.py, and made through it: `build`, `batch` and
`wijzigingen` write exactly the files the registry names for the formats asked, and a new output
is one builder plus one registry line. The region's colour reaches every regional output."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook

from assembler.batch.run import BatchResult, run_batch
from assembler.builders import registry
from assembler.builders.art.colours import HousePalette, house_palette
from assembler.builders.base import BuildContext, Builder
from assembler.builders.registry import DEFAULT_FORMATS, OUTPUTS, Entry, Kind, entry_of, of_kind
from assembler.model.region import region_colour
from assembler.model.routekaart import DEFAULT_COLOUR, Routekaart
from assembler.naming import slug
from tests.conftest import BASE_PROFILE, BASE_REGION, Invoke, edit

TODAY = dt.date(2026, 11, 29)
REGION_COLOUR = "#4A9B6F"  # light enough that the palette's shades all differ from it
OWN_COLOUR = "#8C2E5A"  # the municipality's own: it must not reach the regional outputs
REGION_NAME = "Testland"


def _region(folder: Path) -> Path:
    region = edit(
        BASE_REGION,
        "standaard:\n",
        f'standaard:\n  huisstijl:\n    hoofdkleur: "{REGION_COLOUR}"\n',
    )
    region += "site:\n  url: https://routekaart.testland.example/\n"
    (folder / "gemeenten").mkdir(parents=True)
    profile = edit(BASE_PROFILE, 'hoofdkleur: "#1F5C99"', f'hoofdkleur: "{OWN_COLOUR}"')
    (folder / "gemeenten" / "testdam.yaml").write_text(profile, encoding="utf-8")
    (folder / "regio.yaml").write_text(region, encoding="utf-8")
    return folder / "regio.yaml"


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, BatchResult]:
    """Testland with its own colour, every format and the site, built once."""
    folder = tmp_path_factory.mktemp("testland")
    region = _region(folder)
    out = folder / "uit"
    result = run_batch(region, out, jobs=1, today=TODAY, echo=lambda line: None, site=True)
    assert result.ok, result.summary()
    return region, out, result


def _visible(folder: Path) -> set[str]:
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    }


def test_every_builder_class_is_named_by_one_registry_line() -> None:
    assert len({e.name for e in OUTPUTS}) == len(OUTPUTS)
    assert len({e.builder for e in OUTPUTS}) == len(OUTPUTS)
    assert {e.kind for e in OUTPUTS} == set(Kind)
    assert DEFAULT_FORMATS == ("docx", "odt", "pdf", "html", "kaarten")
    for output in OUTPUTS:
        cls = output.load()
        assert issubclass(cls, Builder)
        assert entry_of(cls) is output
        assert cls(BuildContext()).name == output.name
        if output.kind is Kind.MUNICIPALITY:
            assert len(output.offers) == len(output.files), output.name
    assert [e.name for e in registry.regional(("html",))] == ["overzicht"]
    assert [e.name for e in registry.regional(DEFAULT_FORMATS)] == ["regio-docx", "regio-pdf", "overzicht"]


def test_batch_writes_exactly_the_files_the_registry_names(batch: tuple[Path, Path, BatchResult]) -> None:
    _, out, result = batch
    municipal = {f"testdam/{name}" for e in of_kind(Kind.MUNICIPALITY) for name in e.filenames("testdam")}
    regional = {name for e in of_kind(Kind.REGION) for name in e.filenames(slug(REGION_NAME))}
    site = {f"site/{name}" for e in of_kind(Kind.SITE) for name in e.filenames(slug(REGION_NAME))}
    files = _visible(out)
    assert municipal | regional | {"testdam.zip", "manifest.json"} == {
        f for f in files if not f.startswith("site/")
    }
    assert site <= files
    # The batch summary names each regional output by its registry label.
    labels = [label for label, _, _ in result.bestanden]
    assert labels == [
        *(e.label for e in of_kind(Kind.REGION)),
        *(e.label for e in of_kind(Kind.SITE)),
        "Manifest",
    ]
    # The site offers the files the registry says it offers, with the registry's words.
    page = (out / "site" / "testdam" / "index.html").read_text(encoding="utf-8")
    for output in of_kind(Kind.MUNICIPALITY):
        for name, offer in zip(output.filenames("testdam"), output.offers, strict=True):
            assert (f'href="{name}"' in page) == (offer is not None), name
            if offer is not None:
                assert offer.label in page


def test_build_writes_exactly_the_formats_asked(
    run: Invoke, batch: tuple[Path, Path, BatchResult], tmp_path: Path
) -> None:
    region, _, _ = batch
    profile = region.parent / "gemeenten" / "testdam.yaml"
    result = run("build", profile, "--formaat", "html,docx", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    expected = {name for n in ("docx", "html") for name in registry.entry(n).filenames("testdam")}
    assert {p.name for p in (tmp_path / "testdam").iterdir() if not p.name.startswith(".")} == expected
    wrong = run("build", profile, "--formaat", "rtf", "-o", tmp_path)
    assert wrong.exit_code == 1
    assert f"kies uit {', '.join(DEFAULT_FORMATS)}" in wrong.output


def test_wijzigingen_writes_each_change_document_the_registry_offers(
    run: Invoke, batch: tuple[Path, Path, BatchResult], tmp_path: Path
) -> None:
    region, _, _ = batch
    old = region.parent / "gemeenten" / "testdam.yaml"
    new = tmp_path / "testdam-nieuw.yaml"
    new.write_text(old.read_text(encoding="utf-8").replace('"2026.1"', '"2026.2"'), encoding="utf-8")
    for output in of_kind(Kind.CHANGES):
        target = tmp_path / f"wijzigingen{output.suffix}"
        result = run("wijzigingen", old, new, "-o", target)
        assert result.exit_code == 0, result.output
        assert "versie" in result.output and target.is_file()
        text = target.read_bytes()
        if output.suffix == ".docx":
            with zipfile.ZipFile(io.BytesIO(text)) as package:
                body = package.read("word/document.xml").decode("utf-8")
            assert "<w:ins " in body and "<w:del " in body
        else:
            page = text.decode("utf-8")
            assert "<ins>" in page and "<del>" in page and "2026.2" in page
    wrong = run("wijzigingen", old, new, "-o", tmp_path / "wijzigingen.pdf")
    assert wrong.exit_code == 1
    assert "kies een bestand dat eindigt op .docx of .html" in wrong.output


class TextBuilder(Builder[Routekaart]):
    """A new output as an engineer would add one: this class and one registry line."""

    def render(self, model: Routekaart) -> dict[str, bytes]:
        return {self.filenames(model)[0]: f"Routekaart {model.gemeente}\n".encode()}

    def check(self, model: Routekaart, name: str, data: bytes) -> None:
        assert model.gemeente.encode() in data


def test_a_new_output_is_one_builder_and_one_registry_line(
    run: Invoke, batch: tuple[Path, Path, BatchResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = Entry(
        "tekst",
        "routekaart (tekst)",
        Kind.MUNICIPALITY,
        f"{__name__}:TextBuilder",
        ("routekaart-{slug}.txt",),
        offers=(None,),
    )
    monkeypatch.setattr(registry, "OUTPUTS", (*OUTPUTS, line))
    monkeypatch.setitem(registry.REGISTRY, "tekst", line)
    region, _, _ = batch
    result = run("build", region.parent / "gemeenten" / "testdam.yaml", "--formaat", "tekst", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "testdam" / "routekaart-testdam.txt").read_text(
        encoding="utf-8"
    ) == "Routekaart Testdam\n"


# -- the region's palette on every regional output ---------------------------------------------


def _hex(value: str) -> str:
    return "#" + value.upper()[-6:]


def _css(html: str, name: str) -> str:
    found = re.search(rf"--{name}:\s*(#[0-9A-Fa-f]{{6}})", html)
    assert found is not None, name
    return found.group(1).upper()


def test_the_region_colour_comes_from_its_standard_house_style() -> None:
    assert region_colour({"standaard": {"huisstijl": {"hoofdkleur": "#4a9b6f"}}}) == REGION_COLOUR
    assert region_colour({"standaard": {"kaarten": {"formaat": "a6"}}}) == DEFAULT_COLOUR
    assert region_colour({}) == DEFAULT_COLOUR


def test_every_regional_output_takes_the_region_palette(batch: tuple[Path, Path, BatchResult]) -> None:
    _, out, _ = batch
    palette = house_palette(REGION_COLOUR)
    others = {house_palette(OWN_COLOUR).colour, house_palette(DEFAULT_COLOUR).colour, "#1F5C99"}
    assert len({palette.colour, palette.band, palette.heading, palette.tint}) == 4  # a telling colour

    # The site's own pages: headings, links and boxes in the region's shades.
    for page in ("index.html", "toegankelijkheid/index.html"):
        html = (out / "site" / page).read_text(encoding="utf-8")
        assert (_css(html, "kop"), _css(html, "licht")) == (palette.heading, palette.tint), page
    # The municipality's own page keeps the municipality's colour.
    own = (out / "site" / "testdam" / "index.html").read_text(encoding="utf-8")
    assert _css(own, "kop") == house_palette(OWN_COLOUR).heading

    _check_pdf(out / "regio-testland" / "routekaart-regio-testland.pdf", palette, others)
    _check_docx(out / "regio-testland" / "routekaart-regio-testland.docx", palette, others)
    _check_overview(out / "overzicht-testland.xlsx", palette)


def _check_pdf(path: Path, palette: HousePalette, others: set[str]) -> None:
    """The colours the PDF draws: table header fills, rules and heading text in the heading shade."""
    drawn: set[str] = set()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for shape in (*page.rects, *page.lines, *page.chars):
                for key in ("non_stroking_color", "stroking_color"):
                    colour = shape.get(key)
                    if isinstance(colour, list | tuple) and len(colour) == 3:
                        drawn.add("#" + "".join(f"{round(c * 255):02X}" for c in colour))
    assert palette.heading in drawn, sorted(drawn)
    assert not drawn & others, sorted(drawn & others)


def _check_docx(path: Path, palette: HousePalette, others: set[str]) -> None:
    """Heading styles in the band shade, the table header row filled with the colour."""
    with zipfile.ZipFile(path) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
    heading = re.search(r'w:styleId="Heading1".*?</w:style>', styles, re.S)
    assert heading is not None
    assert _hex(re.findall(r'w:color w:val="([0-9A-F]{6})"', heading.group(0))[0]) == palette.band
    fills = {_hex(f) for f in re.findall(r'w:fill="([0-9A-F]{6})"', styles)}
    assert palette.colour in fills
    colours = {_hex(c) for c in re.findall(r'w:color w:val="([0-9A-F]{6})"', styles)}
    assert not (fills | colours) & others


def _check_overview(path: Path, palette: HousePalette) -> None:
    workbook = load_workbook(path)
    for sheet in workbook.worksheets:
        header = sheet.cell(row=1, column=1)
        assert _hex(header.fill.fgColor.rgb) == palette.colour, sheet.title
        assert _hex(header.font.color.rgb) == palette.colour_text, sheet.title
