"""The editor in headless Chromium, as a policy officer uses it: a bad number gets its Dutch message
beside the field, the corrected number shows in the routekaart and on a card, a partner row is added
and saved with the file's comments kept, and a file changed on disk is not overwritten. axe-core
finds no violations at phone and desktop width, and rows are added by keyboard."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from assembler.editor.guard import Guard
from assembler.editor.serve import running
from assembler.editor.server import Editor
from assembler.editor.session import Session
from tests.builders.web.test_html_browser import DESKTOP, PHONE, run_axe
from tests.editor.helpers import region_copy

pytestmark = pytest.mark.slow
WAIT = 90  # seconds: a check lays out every card face until fast validation lands


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    region = region_copy(tmp_path_factory.mktemp("editor"))
    session = Session(region.parent / "gemeenten" / "brugstad.yaml")
    editor = Editor(session, region.parent / "uit", Guard())
    with running(editor):
        yield editor


def _until(check: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"niet gezien binnen {WAIT} s: {what}")


def _open(browser: Any, editor: Editor, width: int) -> None:
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    browser.get(editor.guard.url)
    _until(lambda: browser.execute_script("return document.readyState") == "complete", "de pagina")


def _text(browser: Any, css: str) -> str:
    """The element's text; "" while the page's script is replacing it."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.common.by import By

    try:
        return str(browser.find_element(By.CSS_SELECTOR, css).text)
    except (StaleElementReferenceException, NoSuchElementException):
        return ""


def _frame_text(browser: Any, frame: str) -> str:
    from selenium.webdriver.common.by import By

    browser.switch_to.frame(browser.find_element(By.ID, frame))
    try:
        return str(browser.find_element(By.TAG_NAME, "body").text)
    finally:
        browser.switch_to.default_content()


def _type(browser: Any, element_id: str, text: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    field = browser.find_element(By.ID, element_id)
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.send_keys(text)


def test_fill_in_check_preview_save_and_conflict(browser: Any, editor: Editor) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    path = editor.session.current.path
    _open(browser, editor, DESKTOP)
    phone = "v-partners-0-telefoon"
    _type(browser, phone, "0123-78")
    message = _until(
        lambda: _text(browser, f"#m-{phone}").startswith("Fout") and _text(browser, f"#m-{phone}"),
        "de melding bij het telefoonnummer",
    )
    assert message.startswith("Fout: '0123-78' heeft te veel of te weinig cijfers voor een Nederlands nummer")
    assert browser.find_element(By.ID, phone).get_attribute("aria-invalid") == "true"
    assert "1 fout" in _text(browser, "#status")
    assert "partners.0.telefoon" in _text(browser, "#samenvatting")

    _type(browser, phone, "0123-780799")
    _until(lambda: not _text(browser, f"#m-{phone}").startswith("Fout"), "de melding weg")
    _until(lambda: "0123-780799" in _frame_text(browser, "frame-routekaart"), "het nummer in de routekaart")
    _until(lambda: "0123-780799" in _frame_text(browser, "frame-kaarten"), "het nummer op een kaart")
    assert "0123-780789" not in _frame_text(browser, "frame-kaarten")
    assert "0123-780799" in _text(browser, "#contacten-lijst")

    n = len(browser.find_elements(By.CSS_SELECTOR, "#r-partners > fieldset.rij"))
    browser.find_element(By.ID, "partners.toevoegen").click()
    new = _until(lambda: browser.find_elements(By.ID, f"v-partners-{n}-id"), "de nieuwe partnerrij")[0]
    assert browser.switch_to.active_element == new
    new.send_keys("huisarts-brugstad")
    _type(browser, f"v-partners-{n}-naam", "Huisartsen Brugstad")
    Select(browser.find_element(By.ID, f"v-partners-{n}-type")).select_by_value("huisartsen")
    _type(browser, f"v-partners-{n}-telefoon", "0123-780755")
    _until(lambda: "0 fouten" in _text(browser, "#status"), "geen fouten meer")

    browser.find_element(By.ID, "knop-opslaan").click()
    _until(lambda: "Opgeslagen" in _text(browser, "#bericht"), "de bevestiging van het opslaan")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Volledig ingevuld profiel van een VERZONNEN gemeente in de testregio Oeverland.")
    assert '    telefoon: "0123-780799"\n' in text
    assert "  - id: huisarts-brugstad\n    naam: Huisartsen Brugstad\n    type: huisartsen\n" in text
    assert "0123-780789" in text  # the owner's number, untouched

    path.write_text(text.replace("Lotte Verbeek", "Lotte de Vries"), encoding="utf-8")
    _type(browser, "v-naam", "Brugstad aan de Rivier")
    browser.find_element(By.ID, "knop-opslaan").click()
    notice = _until(lambda: "Niet opgeslagen" in _text(browser, "#bericht") and _text(browser, "#bericht"), "de weigering")
    assert "veranderd sinds de editor het las" in notice
    assert "document.eigenaar.naam: 'Lotte Verbeek' -> 'Lotte de Vries'" in notice
    assert "Brugstad aan de Rivier" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_axe_finds_no_violations(browser: Any, axe_source: str, editor: Editor, width: int) -> None:
    _open(browser, editor, width)
    violations = run_axe(browser, axe_source)["violations"]
    assert violations == [], "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n  " + "\n  ".join(v["nodes"]) for v in violations
    )


def test_rows_by_keyboard_alone(browser: Any, editor: Editor) -> None:
    """Enter on a row's buttons moves, adds and removes rows, and focus lands where the work goes on."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open(browser, editor, DESKTOP)
    rows = len(browser.find_elements(By.CSS_SELECTOR, "#r-partners > fieldset.rij"))
    add = browser.find_element(By.ID, "partners.toevoegen")
    browser.execute_script("arguments[0].focus();", add)
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    added = _until(lambda: browser.find_elements(By.ID, f"v-partners-{rows}-id"), "een rij erbij")[0]
    assert browser.switch_to.active_element == added
    remove = browser.find_element(By.CSS_SELECTOR, f"button[value='verwijderen:partners.{rows}']")
    browser.execute_script("arguments[0].focus();", remove)
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    _until(lambda: not browser.find_elements(By.ID, f"v-partners-{rows}-id"), "de rij weg")
    assert browser.switch_to.active_element.get_attribute("id") == "partners.toevoegen"
    # On a fresh page the skip link is the first stop and leads into the form.
    _open(browser, editor, DESKTOP)
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element.text == "Naar het formulier"
    ActionChains(browser).send_keys(Keys.ENTER).send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element.text == "Algemeen"  # the form's first link
