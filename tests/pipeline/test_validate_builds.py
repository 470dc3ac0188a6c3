"""What `validate` accepts builds in every format; what cannot be built is refused there, with its place.

The four cases of issue 15: a short CSS colour, emoji and other scripts, a pasted URL
as one long word, and a route with many partners.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import docx
import pdfplumber
import pypdf

from assembler.builders.art.colours import house_palette
from tests.conftest import BASE_PROFILE, Invoke, edit, line_of

Profile = Callable[..., Path]
INTRO = "inleiding: In Testdam ligt het accent op preventie."
# WeasyPrint names an embedded face after its family and style: the shipped bold italic file
# (PostScript name NotoSans-BoldItalic) embeds as Noto-Sans-Bold-Italic.
SHIPPED_FONTS = {"Noto-Sans", "Noto-Sans-Bold", "Noto-Sans-Italic", "Noto-Sans-BoldItalic", "Noto-Sans-Bold-Italic"} | {
    f"Noto-Sans-{script}{weight}" for script in ("Arabic", "Hebrew", "Symbols2") for weight in ("", "-Bold")
}


def _build_all(run: Invoke, path: Path, out: Path) -> dict[str, Path]:
    validated = run("validate", path)
    assert validated.exit_code == 0, validated.output
    built = run("build", path, "-o", out)
    assert built.exit_code == 0, built.output
    files = {p.name: p for p in (out / "testdam").iterdir()}
    assert {
        "routekaart-testdam.docx",
        "routekaart-testdam.pdf",
        "routekaart-testdam.html",
        "zakkaarten-testdam.pdf",
        "zakkaarten-testdam-a4.pdf",
    } <= set(files), sorted(files)
    return files


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _fonts(path: Path) -> set[str]:
    names: set[str] = set()

    def walk(resources: object) -> None:
        for font in (resources.get("/Font") or {}).values():  # type: ignore[attr-defined]
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
        for xobject in (resources.get("/XObject") or {}).values():  # type: ignore[attr-defined]
            xobject = xobject.get_object()
            if "/Resources" in xobject:
                walk(xobject["/Resources"])

    for page in pypdf.PdfReader(path).pages:
        walk(page["/Resources"])
    return names


def _docx_text(path: Path) -> str:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_short_css_colour_is_normalised_once_and_builds_everywhere(
    profile: Profile, run: Invoke, tmp_path: Path
) -> None:
    path = profile(('hoofdkleur: "#1F5C99"', 'hoofdkleur: "#0af"'))
    files = _build_all(run, path, tmp_path / "uit")
    html = files["routekaart-testdam.html"].read_text(encoding="utf-8")
    assert house_palette("#00AAFF").heading in html and "#0af" not in html
    styles = files["routekaart-testdam.docx"]
    document = docx.Document(io.BytesIO(styles.read_bytes()))
    xml = document.styles.element.xml
    # The table header takes the colour as given; headings a darker shade that passes AA on white.
    assert 'w:fill="00AAFF"' in xml


def test_a_pale_house_colour_warns_in_validate_and_names_the_darker_shade(
    profile: Profile, run: Invoke
) -> None:
    path = profile(('hoofdkleur: "#1F5C99"', 'hoofdkleur: "#fe0"'))
    result = run("validate", path)
    assert result.exit_code == 0, result.output
    line = line_of(BASE_PROFILE, "hoofdkleur")
    assert re.search(rf":{line}:\d+: waarschuwing: huisstijl\.hoofdkleur: de huiskleur #FFEE00 is te licht voor witte tekst", result.output)
    assert re.search(r"donkerdere tint #[0-9A-F]{6}", result.output)


def test_symbols_and_right_to_left_scripts_build_with_the_shipped_fonts(
    profile: Profile, run: Invoke, tmp_path: Path
) -> None:
    path = profile(
        ("naam: Sociaal wijkteam Testdam", "naam: Sociaal wijkteam Testdam 🏠"),
        (INTRO, "inleiding: Welkom, مرحبا بكم, en שלום לכולם in Testdam."),
        ("naam: Politie Testdam", "naam: Politie Testdam Ελλάδα Жуковский"),
    )
    files = _build_all(run, path, tmp_path / "uit")
    pdf = files["routekaart-testdam.pdf"]
    assert _fonts(pdf) <= SHIPPED_FONTS, _fonts(pdf) - SHIPPED_FONTS
    assert {"Noto-Sans-Arabic", "Noto-Sans-Hebrew", "Noto-Sans-Symbols2"} <= _fonts(pdf)
    text = _pdf_text(pdf)
    # pdfplumber reads glyphs left to right as they stand on the page: a right-to-left
    # run therefore comes out reversed when, and only when, it was laid out right to left.
    assert "שלום"[::-1] in text or "םולש" in text
    assert "Ελλάδα" in text and "🏠" in text
    assert _fonts(files["zakkaarten-testdam.pdf"]) <= SHIPPED_FONTS
    assert "🏠" in _pdf_text(files["zakkaarten-testdam.pdf"])
    assert "שלום לכולם" in _docx_text(files["routekaart-testdam.docx"])
    html = files["routekaart-testdam.html"].read_text(encoding="utf-8")
    assert "مرحبا بكم" in html


def test_characters_no_shipped_font_prints_are_refused_with_their_place(
    profile: Profile, run: Invoke
) -> None:
    path = profile(
        ("naam: Politie Testdam", "naam: Politie 你好 Testdam"),
        (INTRO, "inleiding: Samen sterk 👩‍👧 in Testdam."),
    )
    result = run("validate", path)
    assert result.exit_code == 1
    name = line_of(BASE_PROFILE, "naam: Politie Testdam")
    intro = line_of(BASE_PROFILE, INTRO)
    assert re.search(rf":{name}:\d+: partners\.1\.naam: bevat tekens die niet gedrukt kunnen worden: '你' \(U\+4F60\)", result.output)
    assert "Chinees, Japans en Koreaans schrift" in result.output
    assert re.search(rf":{intro}:\d+: document\.inleiding: .*'👩' \(U\+1F469\)", result.output)
    assert "emoji" in result.output
    assert "Traceback" not in result.output


def test_a_pasted_url_as_one_long_word_wraps_in_every_format(
    profile: Profile, run: Invoke, tmp_path: Path
) -> None:
    url = "https://www.testdam.test/" + "schadelijkepraktijken" * 8
    path = profile((INTRO, f"inleiding: Lees eerst {url} en bel dan het wijkteam."))
    files = _build_all(run, path, tmp_path / "uit")
    squashed = "".join(_pdf_text(files["routekaart-testdam.pdf"]).split())
    assert url in squashed
    with pdfplumber.open(files["routekaart-testdam.pdf"]) as pdf:
        for page in pdf.pages:
            assert all(char["x1"] <= page.width for char in page.chars)
    assert url in _docx_text(files["routekaart-testdam.docx"])


def _many_partners(count: int, name: str) -> str:
    entries = "".join(
        f"""  - id: partner-{i}
    naam: {name} {i}
    type: ggz
    praktijken: [alle]
    stappen: [signaleren_en_melden]
    telefoon: "020-12345{i:02d}"
    bereikbaarheid: Maandag tot en met vrijdag van 9.00 tot 17.00 uur
    gecontroleerd_op: 2026-10-01
    aanspreekpunt_voor: [alle]
"""
        for i in range(count)
    )
    return edit(BASE_PROFILE, "kaarten:\n", entries + "kaarten:\n")


def test_too_many_partners_for_a_card_are_refused_by_validate_at_the_partner(
    write: Callable[..., Path], run: Invoke
) -> None:
    text = _many_partners(40, "Partnerorganisatie voor zorg en veiligheid Testdam")
    path = write(text)
    result = run("validate", path)
    assert result.exit_code == 1, result.output
    found = re.search(
        r"profiel\.yaml:(\d+):\d+: partners\.(\d+)\.naam: zakkaart .* past niet op het formaat creditcard",
        result.output,
    )
    assert found, result.output
    # The error stands at the field it names, the name that takes most room, where it was written:
    # the place the value carried from validation through the model to the card layout.
    named = re.search(r"naam van partner '(partner-\d+)'", result.output)
    assert named
    number = int(named.group(1).split("-")[1])
    lines = text.splitlines()
    assert lines[int(found.group(1)) - 1].strip() == f"naam: Partnerorganisatie voor zorg en veiligheid Testdam {number}"
    assert int(found.group(2)) == number + 2
    assert "zet minder partners op deze kaarten (aanspreekpunt_voor)" in result.output
    assert "kies kaarten.formaat: a6" in result.output


def test_partners_that_validate_accepts_build_as_cards(
    write: Callable[..., Path], run: Invoke, tmp_path: Path
) -> None:
    path = write(_many_partners(2, "GGZ Testdam"))
    assert run("validate", path).exit_code == 0
    result = run("build", path, "--formaat", "kaarten", "-o", tmp_path / "uit")
    assert result.exit_code == 0, result.output
    cards = _pdf_text(tmp_path / "uit" / "testdam" / "zakkaarten-testdam.pdf")
    assert "GGZ Testdam 0" in cards and "GGZ Testdam 1" in cards
