"""Every output of the example, fixture and contract regions, read back as a reader sees it: an edition
is what it says (adopted only when it holds up, a concept with its reasons otherwise), no national
number is called unchecked beside it, and no document speaks the tool's language."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import docx
import pytest
from lxml import html as lxml_html
from pypdf import PdfReader

from tests.builders.region.pages import read_pages
from tests.builders.region.test_region_for_veilig_thuis import LEAKS
from tests.conftest import EXAMPLE_REGION, FIXTURE_REGION

pytestmark = pytest.mark.slow

REGIONS = {"voorbeeld": EXAMPLE_REGION, "oeverland": FIXTURE_REGION}  # the contract: see test_contract
# Words and field names from the profile files; a document speaks of choices, not of files and fields.
TOOL_WORDS = re.compile(
    # A field path is lower case; "praktijken.Wie" is a sentence's end run into the next heading.
    r"\bprofiel(en)?\b|\bregiobestand|\b(?:document|ketenaanpak|praktijken|partners|kaarten|veilig_thuis)(?-i:\.[a-z_]+)"
    r"|\b[a-z]+_[a-z_]+\b",
    re.IGNORECASE,
)
ADDRESSES = re.compile(r"\S*(?:://|www\.|@)\S*")
REASONS = "Waarom dit een concept is:"


@cache
def built(name: str, base: Path) -> Path:
    region = REGIONS[name]
    out = base / name
    done = subprocess.run(
        [sys.executable, "-m", "assembler.cli", "batch", str(region / "regio.yaml"), "-o", str(out), "-j", "2"],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("regio-edities")


def _docx_text(path: Path) -> str:
    """Everything a Word reader sees: paragraphs, tables, headers and footers, the watermark included."""
    with zipfile.ZipFile(path) as package:
        parts = [package.read(n).decode() for n in package.namelist() if re.match(r"word/(header|footer)", n)]
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    marks = re.findall(r'string="([^"]+)"', "".join(parts))  # the VML watermark text
    headers = [re.sub(r"<[^>]+>", "", part) for part in parts]
    return "\n".join(texts + marks + headers)


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def _html_text(path: Path) -> str:
    """The page as a reader sees it: its style sheet and scripts are no text."""
    page = lxml_html.fromstring(path.read_bytes())
    for hidden in page.xpath("//style|//script"):
        hidden.drop_tree()
    return str(page.text_content())


@cache
def documents(out: Path) -> dict[Path, str]:
    """Every document a batch wrote (municipal and regional), as text."""
    found: dict[Path, str] = {}
    for path in sorted(out.rglob("*")):
        if any(part.startswith(".") or part == "site" for part in path.relative_to(out).parts):
            continue
        if path.suffix == ".docx":
            found[path] = _docx_text(path)
        elif path.suffix == ".pdf":
            found[path] = _pdf_text(path)
        elif path.suffix == ".html":
            found[path] = _html_text(path)
    return found


def _no_national_number_called_unchecked(out: Path) -> None:
    texts = documents(out)
    assert len(texts) >= 5
    for path, text in texts.items():
        if path.parent.name.startswith("regio-"):
            continue
        assert "niet gecontroleerd" not in text.lower(), path
        if path.name.startswith("routekaart-"):
            # Each national number without a recorded check stands with its source; the colophon names it.
            assert "Bron: politie.nl" in text or "bron: politie.nl" in text, path


def _no_tool_language(out: Path) -> None:
    """No document speaks the tool's language: no field names, profile paths or file positions."""
    texts = documents(out)
    # The regional routekaart in both editions is read too, besides every municipality's files.
    assert {p.suffix for p in texts if p.parent.name.startswith("regio-")} == {".docx", ".pdf"}
    for path, text in texts.items():
        words = sorted({m.group(0) for m in TOOL_WORDS.finditer(ADDRESSES.sub(" ", text))})
        assert words == [], (path, words)
        # Nor a profile path, a YAML list or a file:line position (a web page's addresses aside).
        leaks = re.findall(r"\.ya?ml:\d", text) if path.suffix == ".html" else LEAKS.findall(text)
        assert leaks == [], (path, leaks[:5])


def _example_one_adopted_two_concepts(out: Path) -> None:
    texts = documents(out)
    kreekmonde = {p: t for p, t in texts.items() if p.parent.name == "kreekmonde"}
    assert {p.suffix for p in kreekmonde} == {".docx", ".pdf", ".html"}
    for path, text in kreekmonde.items():
        assert "CONCEPT" not in text and REASONS not in text, path
        if path.name.startswith("routekaart-"):
            assert "Vastgesteld op 6 december 2026 door het college van burgemeester en wethouders" in text, path
    for slug in ("wilgendaal", "ter-linde"):
        for path, text in ((p, t) for p, t in texts.items() if p.parent.name == slug):
            assert "CONCEPT" in text, path
            if path.name.startswith("routekaart-"):
                assert REASONS in text, path
    ter_linde = _html_text(out / "ter-linde" / "routekaart-ter-linde.html")
    assert "Concept: herziening van versie 2026.1 (vastgesteld op 24 november 2025)" in ter_linde
    assert "Alleen een akkoord voor een eerdere versie van Politie basisteam Lindeland (versie 2026.1)." in ter_linde
    wilgendaal = _pdf_text(out / "wilgendaal" / "routekaart-wilgendaal.pdf")
    assert "Concept: herziening van versie 1.0 (vastgesteld op 9 november 2026)" in wilgendaal


def _example_sign_off_names_veilig_thuis_and_the_version(out: Path) -> None:
    page = lxml_html.fromstring((out / "kreekmonde" / "routekaart-kreekmonde.html").read_bytes())
    rows = page.xpath('//table[@class="akkoord"]/tbody/tr')
    first = [c.text_content() for c in rows[0].xpath("./th|./td")]
    assert first[0] == "Veilig Thuis Lindeland"
    assert first[-1] == "Akkoord op 6 december 2026 door M. Bakker, directeur Veilig Thuis Lindeland"
    history = [[c.text_content() for c in r.xpath("./th|./td")] for r in page.xpath('//table[@class="versies"]/tbody/tr')]
    # The edition adopted on the national version a build prints, then the one before it, on 2026.4.
    assert history[0][:3] == ["2026.3", "6 december 2026", "versie 2026.5"]
    assert history[1][:3] == ["2026.2", "1 december 2026", "versie 2026.4"]
    ter_linde = docx.Document(str(out / "ter-linde" / "routekaart-ter-linde.docx"))
    [sign_off] = [t for t in ter_linde.tables if t.rows[0].cells[-1].text == "Akkoord"]
    police = next(r for r in sign_off.rows if r.cells[0].text.startswith("Politie basisteam Lindeland"))
    assert police.cells[-1].text == (
        "Akkoord op 10 november 2025 door H. Koster, teamchef basisteam Lindeland voor versie 2026.1, "
        "een eerdere versie"
    )


def _contract_concepts_with_their_reasons(out: Path) -> None:
    texts = documents(out)
    routekaarten = {
        p: t for p, t in texts.items() if p.name.startswith("routekaart-") and not p.parent.name.startswith("regio-")
    }
    assert len(routekaarten) == 3 * 4
    for path, text in routekaarten.items():
        assert "CONCEPT" in text and REASONS in text, path
        assert "Concept: herziening van versie" in text, path


def _contract_regional_document_names_the_municipality_without_partners(out: Path) -> None:
    gap = (
        "Polderdam heeft voor signaleren en melden, toeleiden naar passende zorg en preventie, "
        "veiligheid en hulp nog geen lokale partner."
    )
    (path,) = out.rglob("routekaart-regio-*.docx")
    assert gap in " ".join(documents(out)[path].split())
    (pdf,) = out.rglob("routekaart-regio-*.pdf")
    pages = read_pages(pdf)
    assert pages[0].landscape and not any(p.landscape for p in pages[-1:])
    assert gap in " ".join(p.text.replace("\n", " ") for p in pages)


# Beyond what holds for every region: the example's editions and the contract's concepts.
REGION_CHECKS: dict[str, tuple[Callable[[Path], None], ...]] = {
    "voorbeeld": (_example_one_adopted_two_concepts, _example_sign_off_names_veilig_thuis_and_the_version),
    "oeverland": (),
    "contract": (
        _contract_concepts_with_their_reasons,
        _contract_regional_document_names_the_municipality_without_partners,
    ),
}


def check_region(name: str, out: Path) -> None:
    """Every document of a region's batch output is what it says (test_contract calls this on the
    contract build it makes anyway)."""
    _no_national_number_called_unchecked(out)
    _no_tool_language(out)
    for check in REGION_CHECKS[name]:
        check(out)


# One test per region: its batch build and reading every document back take most of a minute,
# and in one test they happen once, on one test worker. The contract's build is test_contract's.
@pytest.mark.parametrize("name", list(REGIONS))
def test_every_document_of_the_region_is_what_it_says(name: str, base: Path) -> None:
    check_region(name, built(name, base))
