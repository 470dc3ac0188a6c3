"""An edition adopted on an older national content version prints as a revision concept that lists
the national changes since, in Word, PDF and HTML alike; the changelog comes from inhoud.yaml."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
import pytest
from lxml import html as lxml_html
from pypdf import PdfReader

from assembler.builders.base import BuildContext
from assembler.dutch import dutch_date
from assembler.errors import ContentError
from assembler.model.tailor import tailor
from assembler.national import load_content, load_content_info
from assembler.pipeline.municipality import render_all
from assembler.profile.reading import load_profile
from assembler.resources import content_dir
from tests.conftest import ADOPTED, BASE_PROFILE, NATIONAL, WriteFile

NEXT = "2099.1"
# One version on: the entry that goes on top of the shipped changelog (whose first entry is the
# version the base profile was adopted on).
CHANGELOG = f"""  - versie: "{NEXT}"
    datum: 2099-01-15
    samenvatting: >-
      De tekst over achterlating noemt nu wat een school doet als een leerling na de
      vakantie niet terugkomt.
    hoofdstukken: [De schadelijke praktijken, De ketenaanpak]
"""


def newer_content(folder: Path, changelog: str = CHANGELOG) -> Path:
    """A copy of the shipped content one version on, its changelog entry on top (test data, not national
    text)."""
    target = folder / "inhoud"
    shutil.copytree(content_dir(), target)
    info = (target / "inhoud.yaml").read_text(encoding="utf-8")
    info = info.replace(f'versie: "{NATIONAL.versie}"', f'versie: "{NEXT}"', 1)
    info = info.replace(f"datum: {NATIONAL.datum.isoformat()}", "datum: 2099-01-15", 1)
    assert re.search(r"^wijzigingen:\n", info, re.MULTILINE), "the shipped content has a changelog"
    info = re.sub(r"^wijzigingen:\n", lambda m: m.group(0) + changelog, info, count=1, flags=re.MULTILINE)
    (target / "inhoud.yaml").write_text(info, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("landelijk")
    content = load_content(newer_content(folder))
    path = folder / "testdam.yaml"
    path.write_text(BASE_PROFILE, encoding="utf-8")
    profile = load_profile(path)
    model = tailor(profile, content)
    assert model.is_concept
    return render_all(BuildContext(content=content, roots=(folder,)), model, ("docx", "pdf", "html"))


def test_the_changelog_is_read_newest_first(tmp_path: Path) -> None:
    info = load_content_info(newer_content(tmp_path))
    assert [c.versie for c in info.wijzigingen][:2] == [NEXT, NATIONAL.versie]
    first = info.wijzigingen[0]
    assert first.hoofdstukken == ("De schadelijke praktijken", "De ketenaanpak")
    assert first.samenvatting.startswith("De tekst over achterlating noemt nu")
    assert info.version_on(NATIONAL.datum) == NATIONAL.versie
    assert [c.versie for c in info.changes_since(NATIONAL.versie)] == [NEXT]
    assert info.changes_since(NEXT) == ()


def test_a_changelog_out_of_order_is_refused(tmp_path: Path) -> None:
    wrong = CHANGELOG.replace("datum: 2099-01-15", "datum: 2001-01-15")
    with pytest.raises(ContentError, match="nieuwste bovenaan"):
        load_content_info(newer_content(tmp_path, wrong))


def test_the_shipped_content_reads_with_or_without_a_changelog() -> None:
    info = load_content_info()
    assert info.versie == NATIONAL.versie
    assert all(c.samenvatting for c in info.wijzigingen)


def test_status_says_which_edition_is_revised(built: dict[str, bytes]) -> None:
    status = f"Concept: herziening van versie 2026.1 (vastgesteld op {dutch_date(NATIONAL.datum)})"
    page = lxml_html.fromstring(built["routekaart-testdam.html"])
    assert status in page.text_content()
    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(built["routekaart-testdam.pdf"])).pages)
    assert status in pdf
    word = docx.Document(io.BytesIO(built["routekaart-testdam.docx"]))
    assert word.sections[0].footer.paragraphs[0].text.startswith(status)
    assert ADOPTED  # the base's adoption date is the day the printed version appeared


def test_html_lists_the_national_changes(built: dict[str, bytes]) -> None:
    page = lxml_html.fromstring(built["routekaart-testdam.html"])
    [section] = page.xpath('//ul[@class="landelijk-gewijzigd"]')
    [item] = section.xpath("./li")
    text = " ".join(item.text_content().split())
    assert text.startswith(f"Versie {NEXT} (15 januari 2099).")
    assert "leerling na de vakantie niet terugkomt" in text
    assert "Hoofdstukken: De schadelijke praktijken, De ketenaanpak." in text
    intro = section.getprevious().text_content()
    assert f"op de landelijke inhoud van versie {NATIONAL.versie}" in " ".join(intro.split())
    reasons = [li.text_content() for li in page.xpath('//ul[@class="redenen"]/li')]
    assert any(f"versie {NATIONAL.versie}; deze uitgave bevat de landelijke inhoud versie {NEXT}" in r for r in reasons)


def test_pdf_lists_the_national_changes(built: dict[str, bytes]) -> None:
    reader = PdfReader(io.BytesIO(built["routekaart-testdam.pdf"]))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Landelijke wijzigingen" in text
    assert f"Versie {NEXT} (15 januari 2099)." in text
    assert "leerling na de vakantie niet terugkomt" in text
    # The reasons stand on the page after the cover, the cover keeps to one page.
    assert "Waarom dit een concept is:" in reader.pages[1].extract_text()
    assert "Is er direct gevaar?" in reader.pages[0].extract_text()


def test_word_lists_the_national_changes(built: dict[str, bytes]) -> None:
    word = docx.Document(io.BytesIO(built["routekaart-testdam.docx"]))
    texts = [p.text for p in word.paragraphs]
    heading = len(texts) - 1 - texts[::-1].index("Landelijke wijzigingen")  # the chapter, not the contents
    assert f"versie {NATIONAL.versie}" in texts[heading + 1]
    assert texts[heading + 2].startswith(f"Versie {NEXT} (15 januari 2099). De tekst over achterlating noemt nu")
    assert texts[heading + 2].endswith("Hoofdstukken: De schadelijke praktijken, De ketenaanpak.")
    assert "Waarom dit een concept is:" in texts


def test_the_history_names_the_national_version_of_each_edition(built: dict[str, bytes], write: WriteFile) -> None:
    word = docx.Document(io.BytesIO(built["routekaart-testdam.docx"]))
    [table] = [t for t in word.tables if t.rows[0].cells[0].text == "Versie"]
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert rows[0] == ["2026.1 (concept)", "Concept, nog niet vastgesteld", f"versie {NEXT}", "Deze versie, nog als concept."]
    assert rows[1][:3] == ["2026.1", dutch_date(NATIONAL.datum), f"versie {NATIONAL.versie}"]
