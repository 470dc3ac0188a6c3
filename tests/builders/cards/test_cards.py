"""Pocket cards as a reader and a print shop see them: page boxes, numbers, QR code, tagging, sheets."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
import zxingcpp
from click.testing import CliRunner
from pypdf import PdfReader

from assembler.builders.cards.imposition import A4, BLEED, MARK_GAP, PRINTER_MARGIN, choose_layout, note_box
from assembler.builders.cards.sheets import print_note
from assembler.cardformats import CARD_FORMATS
from assembler.cli import main
from assembler.model.cards import cards_for
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.profile.reading import load_profile
from assembler.wcag import contrast
from tests.conftest import FIXTURE_REGION, ROOT, BuiltProfile, edit

GEMEENTEN = FIXTURE_REGION / "gemeenten"
NAMES = ("brugstad", "dijkmond", "s-molenwaard", "waldterp")
PT = 72 / 25.4
LONG_NAME = (  # 119 characters: the schema allows 120
    "Stichting Maatschappelijke Dienstverlening en Ondersteuning van Gezinnen in Testdam "
    "en alle Omliggende Kernen en Dorpen"
)
# The FGM card's acute line names 112 itself, so its back has no 112 row: the overflow
# case needs a longer officer name and an urgent number to overflow.
LONG_FGM_OFFICER = "Anne-Marie Wilhelmina Johanna van den Berg-Dijkstra-Oudeboekhorst"
LONG_HOURS = (
    "maandag, dinsdag en donderdag van 8.30 tot 12.00 uur en van 13.00 tot 17.00 uur, "
    "woensdag op afspraak, vrijdag gesloten"
)


def cli(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output and "Interne fout" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def built(fixture_region_built: dict[str, BuiltProfile]) -> dict[str, tuple[Path, Path]]:
    """The cards of every fixture municipality, from the run's one build of the fixture region."""
    files = {}
    for name in NAMES:
        folder, output = fixture_region_built[name].folder, fixture_region_built[name].output
        loose, sheets = folder / f"zakkaarten-{name}.pdf", folder / f"zakkaarten-{name}-a4.pdf"
        assert f"geschreven: {loose}" in output and f"geschreven: {sheets}" in output
        # Neither the builder nor WeasyPrint has anything to say about the fixture region's cards (the
        # profile's own warnings, with their file and line, may: about whom the cards name).
        builder = [line for line in output.splitlines() if "waarschuwing" in line and ".yaml:" not in line]
        assert "zakkaarten" not in "\n".join(builder)
        files[name] = (loose, sheets)
    return files


def model_of(name: str):  # type: ignore[no-untyped-def]
    return tailor(load_profile(GEMEENTEN / f"{name}.yaml"), national_content())


def page_texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def card_texts(path: Path) -> list[str]:
    """Front and back of each card together, in card order."""
    pages = page_texts(path)
    return [pages[i] + "\n" + pages[i + 1] for i in range(0, len(pages), 2)]


def test_each_fixture_municipality_gives_both_pdfs(built: dict[str, tuple[Path, Path]]) -> None:
    for name, (loose, sheets) in built.items():
        assert loose.read_bytes().startswith(b"%PDF-") and sheets.read_bytes().startswith(b"%PDF-"), name


@pytest.mark.parametrize(("name", "formaat"), [("brugstad", "creditcard"), ("s-molenwaard", "a6")])
def test_trim_box_is_the_card_and_bleed_box_three_mm_more(
    built: dict[str, tuple[Path, Path]], name: str, formaat: str
) -> None:
    width, height = CARD_FORMATS[formaat].size
    reader = PdfReader(built[name][0])
    for page in reader.pages:
        trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
        assert float(trim.width) == pytest.approx(width * PT, abs=0.05)
        assert float(trim.height) == pytest.approx(height * PT, abs=0.05)
        for side in ("left", "bottom"):
            assert float(getattr(trim, side)) - float(getattr(bleed, side)) == pytest.approx(3 * PT, abs=0.05)
        for side in ("right", "top"):
            assert float(getattr(bleed, side)) - float(getattr(trim, side)) == pytest.approx(3 * PT, abs=0.05)
        # The crop marks stand outside the bleed, so the sheet is larger still.
        assert float(media.width) > float(bleed.width) and float(media.height) > float(bleed.height)


def test_one_page_per_face_fronts_and_backs_alternate(built: dict[str, tuple[Path, Path]]) -> None:
    for name in NAMES:
        cards = cards_for(model_of(name), national_content())
        pages = page_texts(built[name][0])
        assert len(pages) == 2 * len(cards), name
        for index, c in enumerate(cards):
            assert c.voorkant.kop in pages[2 * index]
            assert c.achterkant.kop in pages[2 * index + 1]


def test_local_numbers_stand_on_the_right_cards(built: dict[str, tuple[Path, Path]]) -> None:
    model = model_of("brugstad")
    cards = cards_for(model, national_content())
    texts = dict(zip((c.id for c in cards), card_texts(built["brugstad"][0]), strict=True))
    for c in cards:
        for face in c.faces:
            for entry in face.bellen:
                if entry.telefoon:
                    assert str(entry.telefoon) in texts[c.id], (c.id, entry.telefoon)
        if not c.id.endswith("-meldcode"):  # "Jouw meldcode" names the meldcode, not whom to call
            assert "0800-2000" in texts[c.id] and "112" in texts[c.id], c.id
    # The FGM officer of Veilig Thuis on every FGM card, the attendance officer on the school
    # card for forced abandonment, and never on a GP's card.
    assert all("0123-780700" in t for i, t in texts.items() if i.endswith("vrouwelijke_genitale_verminking"))
    assert "0123-780790" in texts["onderwijs-gedwongen_achterlating"]
    assert all("0123-780790" not in t for i, t in texts.items() if i.startswith("huisartsen"))
    assert "0123-780789" in texts["huisartsen-algemeen"]


def test_local_numbers_of_the_other_municipalities(built: dict[str, tuple[Path, Path]]) -> None:
    # The youth workers are marked for schools: on the school set's general card and both practice cards.
    school = card_texts(built["s-molenwaard"][0])[:4]
    assert ["+31 123 780 800" in t for t in school] == [True, False, True, True]
    # Wâldterp's area team is the local contact, except on its own team's cards.
    general = [t for t in card_texts(built["waldterp"][0]) if "Wie bel je" in t]
    assert len(general) == 4
    assert all(("0123-780900" in t) != ("Sociaal wijkteam" in t) for t in general)
    # Dijkmond has no partners of its own: the regional youth-health service, marked for FGM only,
    # stands on the FGM cards; the case conference nowhere, though the region marks it.
    cards = cards_for(model_of("dijkmond"), national_content())
    texts = card_texts(built["dijkmond"][0])
    marked = ("onderwijs", "huisartsen", "kinderopvang", "sociaal_wijkteam")
    assert [("0123-780710" in t) for t in texts] == [
        c.praktijk == "vrouwelijke_genitale_verminking" and c.doelgroep in marked for c in cards
    ]
    assert not any("0123-780720" in t for t in texts)


def test_no_unconfirmed_number_anywhere(built: dict[str, tuple[Path, Path]]) -> None:
    for loose, sheets in built.values():
        for path in (loose, sheets):
            text = re.sub(r"\D", "", "\n".join(page_texts(path)))
            assert "0703454319" not in text, path


def _decode(path: Path, page: int) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    try:
        image = pdf[page].render(scale=600 / 72).to_pil()
    finally:
        pdf.close()
    return [result.text for result in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize("name", ["brugstad", "s-molenwaard"])
def test_qr_code_decodes_to_the_profile_address(built: dict[str, tuple[Path, Path]], name: str) -> None:
    # The QR code stands on the back of each set's general card: page 2.
    assert _decode(built[name][0], 1) == [model_of(name).kaarten.qr]


def test_no_qr_code_without_an_address(built: dict[str, tuple[Path, Path]]) -> None:
    assert model_of("dijkmond").kaarten.qr is None
    assert _decode(built["dijkmond"][0], 1) == []


def test_tagged_pdf_ua_with_language_title_and_date(built: dict[str, tuple[Path, Path]]) -> None:
    for path in built["brugstad"]:
        reader = PdfReader(path)
        xmp = reader.xmp_metadata
        assert xmp is not None
        packet = xmp.stream.get_data().decode("utf-8")
        assert 'pdfuaid:part="1"' in packet
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "nl"
        assert bool(root["/MarkInfo"]["/Marked"])
        assert "/StructTreeRoot" in root
        assert reader.metadata is not None and reader.metadata.title.startswith("Zakkaarten")
        # Dates come from the routekaart's vastgesteld_op, never from the clock.
        assert str(reader.metadata["/CreationDate"]).startswith("D:20261015")


def test_fonts_are_the_shipped_noto_sans_embedded(built: dict[str, tuple[Path, Path]]) -> None:
    for path in built["brugstad"]:
        reader = PdfReader(path)
        fonts = set()
        for page in reader.pages[:4]:
            for font in (page["/Resources"].get("/Font") or {}).values():
                font = font.get_object()
                descendant = font["/DescendantFonts"][0].get_object()
                assert "/FontFile2" in descendant["/FontDescriptor"], font["/BaseFont"]
                fonts.add(str(font["/BaseFont"]).split("+")[-1])
        assert fonts and all(f.startswith("Noto-Sans") for f in fonts), fonts


@pytest.mark.parametrize("name", ["brugstad", "s-molenwaard"])
def test_no_text_under_7_pt(built: dict[str, tuple[Path, Path]], name: str) -> None:
    with pdfplumber.open(built[name][0]) as pdf:
        sizes = {round(char["size"], 2) for page in pdf.pages for char in page.chars}
    assert sizes and min(sizes) >= 7.0


def _band_rects(
    page: pdfplumber.page.Page, colour: tuple[float, ...]
) -> list[tuple[float, float, float, float]]:
    return sorted(
        (round(r["x0"], 1), round(r["top"], 1), round(r["x1"], 1), round(r["bottom"], 1))
        for r in page.rects
        if tuple(round(c, 2) for c in (r.get("non_stroking_color") or ())) == colour
    )


@pytest.mark.parametrize(("name", "per_sheet"), [("brugstad", 9), ("s-molenwaard", 2)])
def test_a4_sheets_hold_the_cards_and_backs_mirror_the_fronts(
    built: dict[str, tuple[Path, Path]], name: str, per_sheet: int
) -> None:
    model = model_of(name)
    count = len(cards_for(model, national_content()))
    assert choose_layout(*CARD_FORMATS[model.kaarten.formaat].size).per_sheet == per_sheet
    colour = tuple(round(int(model.kleur[i : i + 2], 16) / 255, 2) for i in (1, 3, 5))
    with pdfplumber.open(built[name][1]) as pdf:
        assert len(pdf.pages) == 2 * math.ceil(count / per_sheet)
        width = float(pdf.pages[0].width)
        assert (width, float(pdf.pages[0].height)) == pytest.approx((A4[0] * PT, A4[1] * PT), abs=0.1)
        on_sheets = []
        for front, back in zip(pdf.pages[::2], pdf.pages[1::2], strict=True):
            fronts, backs = _band_rects(front, colour), _band_rects(back, colour)
            on_sheets.append(len(fronts))
            # Every card has one band per face; turned over the long edge, left and right swap.
            mirrored = sorted((width - x1, top, width - x0, bottom) for x0, top, x1, bottom in fronts)
            assert len(backs) == len(mirrored)
            for got, want in zip(backs, mirrored, strict=True):
                assert max(abs(g - w) for g, w in zip(got, want, strict=True)) < 0.2, (got, want)
    assert on_sheets == [per_sheet] * (count // per_sheet) + (
        [count % per_sheet] if count % per_sheet else []
    )


def test_sheet_layouts_fit_with_bleed_and_printable_cut_marks() -> None:
    for width, height in (f.size for f in CARD_FORMATS.values()):
        layout = choose_layout(width, height)
        for slots in (layout.fronts, layout.backs):
            boxes = [
                (s.left - BLEED, s.top - BLEED, s.left + s.width + BLEED, s.top + s.height + BLEED)
                for s in slots
            ]
            for i, a in enumerate(boxes):
                assert a[0] >= 0 and a[1] >= 0 and a[2] <= A4[0] and a[3] <= A4[1]
                for b in boxes[i + 1 :]:  # bleeds may touch, never overlap
                    assert (
                        a[2] <= b[0] + 1e-6
                        or b[2] <= a[0] + 1e-6
                        or a[3] <= b[1] + 1e-6
                        or b[3] <= a[1] + 1e-6
                    )
            for mark in layout.marks:
                assert mark.x >= PRINTER_MARGIN - 1e-6 and mark.x + mark.w <= A4[0] - PRINTER_MARGIN + 1e-6
                assert mark.y >= PRINTER_MARGIN - 1e-6 and mark.y + mark.h <= A4[1] - PRINTER_MARGIN + 1e-6
                for box in boxes:  # a mark never touches a card or its bleed
                    apart = (
                        mark.x + mark.w <= box[0] - MARK_GAP + 1e-6
                        or mark.x >= box[2] + MARK_GAP - 1e-6
                        or mark.y + mark.h <= box[1] - MARK_GAP + 1e-6
                        or mark.y >= box[3] + MARK_GAP - 1e-6
                    )
                    assert apart
        for front, back in zip(layout.fronts, layout.backs, strict=True):
            assert back.left == pytest.approx(A4[0] - front.left - front.width)
            assert back.top == pytest.approx(front.top)
            assert back.rotation == -front.rotation


def _overflow_profile(profile: Callable[..., Path], formaat: str) -> Path:
    return profile(
        ("naam: Sociaal wijkteam Testdam", f"naam: {LONG_NAME}"),
        (
            '    telefoon: "020-1234568"\n',
            f'    telefoon: "020-1234568"\n    spoed: "020-1234569"\n    bereikbaarheid: "{LONG_HOURS}"\n',
        ),
        ("    bereikbaarheid: maandag tot en met vrijdag, 9.00 tot 17.00 uur\n", ""),
        (
            "  naam: Veilig Thuis Testland\n",
            "  naam: Veilig Thuis Testland\n  aandachtsfunctionaris_vgv:\n"
            f'    naam: {LONG_FGM_OFFICER}\n    telefoon: "020-7654321"\n',
        ),
        ("formaat: creditcard", f"formaat: {formaat}"),
    )


def test_a_long_partner_name_that_does_not_fit_is_an_error_naming_card_and_field(
    profile: Callable[..., Path], tmp_path: Path
) -> None:
    path = _overflow_profile(profile, "creditcard")
    code, output = cli("cards", path, "-o", tmp_path / "uit")
    assert code == 1
    assert "Fout: zakkaart 'Meldcode in 5 stappen' (set Onderwijs), achterkant" in output
    assert "past niet op het formaat creditcard (85,6 × 54 mm)" in output
    assert "Te lang is de naam van partner 'wijkteam-testdam'" in output
    assert "kies kaarten.formaat: a6" in output
    assert not (tmp_path / "uit" / "testdam").exists()


def test_too_much_local_text_on_a6_is_an_error_naming_the_longest_texts(
    profile: Callable[..., Path], tmp_path: Path
) -> None:
    path = _overflow_profile(profile, "a6")
    text = path.read_text(encoding="utf-8")
    extra = "".join(
        edit(
            text[text.index("  - id: wijkteam-testdam") : text.index("  - id: politie-testdam")],
            "id: wijkteam-testdam",
            f"id: team-{n}",
        )
        for n in range(3)
    )
    path.write_text(
        edit(text, "  - id: politie-testdam", extra + "  - id: politie-testdam"), encoding="utf-8"
    )
    code, output = cli("cards", path, "-o", tmp_path / "uit")
    assert code == 1
    assert "Fout: zakkaart 'Meldcode in 5 stappen' (set Onderwijs), achterkant" in output
    assert "past niet op het formaat A6 (105 × 148 mm)" in output
    assert "bereikbaarheid van partner" in output or "naam van partner" in output


def test_a_light_house_colour_gives_a_darker_shade_and_a_warning(
    profile: Callable[..., Path], tmp_path: Path
) -> None:
    path = profile(('hoofdkleur: "#1F5C99"', 'hoofdkleur: "#FFEE00"'))
    code, output = cli("cards", path, "-o", tmp_path)
    assert code == 0, output
    assert "de huiskleur #FFEE00 is te licht voor witte tekst" in output
    with pdfplumber.open(tmp_path / "testdam" / "zakkaarten-testdam.pdf") as pdf:
        band = max(pdf.pages[0].rects, key=lambda r: r["width"] * r["height"])
    red, green, blue = band["non_stroking_color"]
    shade = "#{:02X}{:02X}{:02X}".format(*(round(c * 255) for c in (red, green, blue)))
    assert shade != "#FFEE00" and contrast(shade, "#FFFFFF") >= 4.5


def test_a_dark_house_colour_is_used_as_is_without_warning(
    profile: Callable[..., Path], tmp_path: Path
) -> None:
    code, output = cli("cards", profile(), "-o", tmp_path)
    assert code == 0 and "huiskleur" not in output
    with pdfplumber.open(tmp_path / "testdam" / "zakkaarten-testdam.pdf") as pdf:
        colours = {tuple(round(c, 3) for c in r["non_stroking_color"]) for r in pdf.pages[0].rects}
    assert (0.122, 0.361, 0.6) in colours  # #1F5C99


def test_two_builds_give_the_same_bytes(built: dict[str, tuple[Path, Path]], tmp_path: Path) -> None:
    code, output = cli("build", GEMEENTEN / "dijkmond.yaml", "--formaat", "kaarten", "-o", tmp_path)
    assert code == 0, output
    for earlier in built["dijkmond"]:
        assert (tmp_path / "dijkmond" / earlier.name).read_bytes() == earlier.read_bytes()


def _dark(bitmap: object, x_mm: float, y_mm: float, origin: tuple[float, float], dpmm: float) -> bool:
    """Whether there is ink at x_mm, y_mm from the origin (mm from the page's top left), give or take a pixel.

    A hairline mark covers a pixel only partly, so the darkest of the nine around the spot counts.
    """
    image = bitmap.to_pil().convert("L")  # type: ignore[attr-defined]
    x, y = round((origin[0] + x_mm) * dpmm), round((origin[1] + y_mm) * dpmm)
    darkest = min(image.getpixel((x + dx, y + dy)) for dx in (-1, 0, 1) for dy in (-1, 0, 1))
    return bool(darkest < 160)


@pytest.mark.parametrize(("name", "formaat"), [("brugstad", "creditcard"), ("s-molenwaard", "a6")])
def test_crop_marks_stand_in_line_with_the_cuts_outside_the_bleed(
    built: dict[str, tuple[Path, Path]], name: str, formaat: str
) -> None:
    width, height = CARD_FORMATS[formaat].size
    dpmm = 600 / 25.4
    pdf = pdfium.PdfDocument(built[name][0])
    try:
        for number in (0, len(pdf) - 1):
            page = pdf[number]
            media_left, _, _, media_top = page.get_mediabox()
            trim_left, _, _, trim_top = page.get_trimbox()
            origin = ((trim_left - media_left) / PT, (media_top - trim_top) / PT)  # trim corner, mm
            bitmap = page.render(scale=600 / 72)
            for x, y in ((0, 0), (width, 0), (0, height), (width, height)):
                outward_x, outward_y = (-1 if x == 0 else 1), (-1 if y == 0 else 1)
                # On the cut line, beyond bleed and gap: the mark. Inside the bleed, on that line: none.
                assert _dark(bitmap, x + outward_x * (BLEED + MARK_GAP + 1.5), y, origin, dpmm), (
                    number,
                    x,
                    y,
                )
                assert _dark(bitmap, x, y + outward_y * (BLEED + MARK_GAP + 1.5), origin, dpmm), (
                    number,
                    x,
                    y,
                )
                assert not _dark(bitmap, x + outward_x * (BLEED + MARK_GAP - 0.4), y, origin, dpmm)
                # Off the cut lines, in the corner of the slug: no ink.
                assert not _dark(bitmap, x + outward_x * 6, y + outward_y * 6, origin, dpmm)
    finally:
        pdf.close()


def test_cut_marks_on_the_sheets_line_up_front_and_back(built: dict[str, tuple[Path, Path]]) -> None:
    layout = choose_layout(*CARD_FORMATS["creditcard"].size)
    dpmm = 300 / 25.4
    pdf = pdfium.PdfDocument(built["brugstad"][1])
    try:
        for number in (0, 1):  # a front and its back
            bitmap = pdf[number].render(scale=300 / 72)
            for mark in layout.marks:
                centre = (mark.x + mark.w / 2, mark.y + mark.h / 2)
                assert _dark(bitmap, *centre, (0.0, 0.0), dpmm), (number, mark)
    finally:
        pdf.close()


# --- the printing note ---------------------------------------------------------------------


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("formaat", sorted(CARD_FORMATS))
def test_the_note_has_a_printable_margin_clear_of_marks_and_cards(formaat: str) -> None:
    layout = choose_layout(*CARD_FORMATS[formaat].size)
    box = note_box(layout)
    area = (box.left, box.top, box.left + box.width, box.top + box.height)
    assert area[0] >= PRINTER_MARGIN and area[1] >= PRINTER_MARGIN
    assert area[2] <= A4[0] - PRINTER_MARGIN and area[3] <= A4[1] - PRINTER_MARGIN
    for mark in layout.marks:
        assert not _overlap(area, (mark.x, mark.y, mark.x + mark.w, mark.y + mark.h)), mark
    for slot in (*layout.fronts, *layout.backs):
        card = (slot.left - BLEED, slot.top - BLEED, slot.left + slot.width + BLEED, slot.top + slot.height + BLEED)
        assert not _overlap(area, card), slot


def test_the_duplex_edge_follows_the_imposition() -> None:
    # Portrait A4, backs mirrored left to right: the sheet turns over its long edge.
    assert choose_layout(*CARD_FORMATS["creditcard"].size).flip_edge == "lange"
    # The same mirroring on a landscape sheet turns it over a short edge.
    assert choose_layout(*CARD_FORMATS["creditcard"].size, sheet=(A4[1], A4[0])).flip_edge == "korte"


@pytest.mark.parametrize("name", ["brugstad", "s-molenwaard"])
def test_every_sheet_carries_the_printing_note_in_its_margin(built: dict[str, tuple[Path, Path]], name: str) -> None:
    layout = choose_layout(*CARD_FORMATS[model_of(name).kaarten.formaat].size)
    note = " ".join(print_note(layout).split())
    per_sheet = {2: "twee kaarten per vel", 9: "negen kaarten per vel"}[layout.per_sheet]
    for says in ("ware grootte (100 %", "dubbelzijdig, omslaan via de lange kant", "langs de snijtekens", per_sheet):
        assert says in note, says
    box = note_box(layout)
    pdf = pdfium.PdfDocument(built[name][1])
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            text = page.get_textpage()
            height = page.get_height()
            inside = text.get_text_bounded(
                left=box.left * PT,
                bottom=height - (box.top + box.height) * PT,
                right=(box.left + box.width) * PT,
                top=height - box.top * PT,
            )
            # Read back where the printer puts it: the whole note, and nothing else, in the margin.
            assert " ".join(inside.split()) == note, (number, inside)
            assert text.get_text_range().count("Afdrukken:") == 1
    finally:
        pdf.close()


def test_the_readme_says_what_the_sheets_say() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Printing the pocket cards") :]
    section = " ".join(section[: section.index("\n## ")].split())
    creditcard = choose_layout(*CARD_FORMATS["creditcard"].size)
    assert " ".join(print_note(creditcard).split()) in section.replace("> ", "")
    assert "print at 100 %" in section and f"flipping on the {'long' if creditcard.flip_edge == 'lange' else 'short'} edge" in section
    for formaat, count in (("creditcard", "nine"), ("a6", "two")):
        layout = choose_layout(*CARD_FORMATS[formaat].size)
        assert {"nine": 9, "two": 2}[count] == layout.per_sheet
        assert f"{count} {'credit-card' if formaat == 'creditcard' else 'A6'} cards" in section
    assert f"{2 * BLEED:g} mm of bleed between" in section and f"{PRINTER_MARGIN:g} mm from the paper's edge" in section
