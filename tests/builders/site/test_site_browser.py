"""The regional website in headless Chromium: axe-core finds no WCAG 2.1 A/AA violations on the index,
the statement and each municipality page at phone and desktop width; the quick exit works by keyboard."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.builders.site.helpers import build, make_region
from tests.builders.web.test_html_browser import DESKTOP, PHONE, open_page, page_url, run_axe
from tests.conftest import CONTRACT, CONTRACT_MISSING, FIXTURE_REGION

pytestmark = pytest.mark.slow
PAGES = [
    "index.html",
    "anderdam/index.html",
    "testdam/index.html",
    "testveld/index.html",
    "toegankelijkheid/index.html",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("regio")
    # Anderdam gives the index a second first letter to filter on.
    result = build(make_region(folder, extra=("Anderdam",)), folder / "uit", formats=("docx", "html"))
    assert result.ok, result.summary()
    return folder / "uit" / "site"


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("page", PAGES)
def test_axe_finds_no_violations(browser: Any, axe_source: str, site: Path, page: str, width: int) -> None:
    open_page(browser, site / page, width)
    violations = run_axe(browser, axe_source)["violations"]
    assert violations == [], "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n  " + "\n  ".join(v["nodes"]) for v in violations
    )


@pytest.mark.parametrize("page", PAGES)
def test_no_horizontal_overflow_on_a_phone(browser: Any, site: Path, page: str) -> None:
    open_page(browser, site / page, PHONE)
    widths = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth];")
    assert widths[0] <= widths[1]


def _wait_for(browser: Any, url: str) -> None:
    for _ in range(100):
        if browser.current_url == url:
            return
        time.sleep(0.05)
    assert browser.current_url == url


def _history(browser: Any) -> list[str]:
    """The tab's navigation history as Chromium keeps it (what Back and Forward walk through)."""
    found = browser.execute_cdp_cmd("Page.getNavigationHistory", {})
    return [entry["url"] for entry in found["entries"]]


@pytest.fixture
def tab(browser: Any, tmp_path: Path) -> Iterator[tuple[Any, str, str]]:
    """A fresh tab with a history of its own that starts on a neutral page; the exit target is a
    served page as well (the test has no network: the script reads the link's href when used)."""
    start, away = tmp_path / "start.html", tmp_path / "weg.html"
    for page, title in ((start, "Start"), (away, "Weg")):
        page.write_text(
            f"<!DOCTYPE html><html lang='nl'><title>{title}</title><p>{title}</p></html>", encoding="utf-8"
        )
    original = browser.current_window_handle
    browser.switch_to.new_window("tab")
    browser.get(page_url(browser, start))
    try:
        yield browser, page_url(browser, start), page_url(browser, away)
    finally:
        browser.close()
        browser.switch_to.window(original)


def _through_the_site(browser: Any, site: Path, away: str) -> None:
    """Open the index, follow a link to a municipality and one to a heading in its contents."""
    from selenium.webdriver.common.by import By

    browser.get(page_url(browser, site / "index.html"))
    browser.find_element(By.CSS_SELECTOR, ".gemeentelijst a[href*='testdam']").click()
    _wait_for(browser, page_url(browser, site / "testdam" / "index.html"))
    heading = browser.find_element(By.CSS_SELECTOR, "nav a[href^='#']")
    fragment = heading.get_attribute("href")
    heading.click()
    _wait_for(browser, fragment)
    browser.execute_script("document.querySelector('a.verlaten').href = arguments[0];", away)


def _left_without_a_trace(browser: Any, site: Path, start: str, away: str) -> None:
    """The exit replaced the site's one history entry: no site page is left, and Back goes to the
    page before the visit, not into the site."""
    _wait_for(browser, away)
    history = _history(browser)
    assert history[-2:] == [start, away]
    assert not [url for url in history if url.startswith(page_url(browser, site) + "/")], history
    browser.back()
    _wait_for(browser, start)


def test_quick_exit_is_second_tab_stop_and_leaves_no_site_page_in_the_history(
    tab: tuple[Any, str, str], site: Path
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser, start, away = tab
    _through_the_site(browser, site, away)
    # Within the site each step replaced the last: the site is one entry after the start page.
    assert _history(browser)[-2:] == [start, browser.current_url]
    browser.execute_script("window.scrollTo(0, 0); document.activeElement.blur();")
    browser.execute_script("document.querySelector('a.skiplink').focus();")
    ActionChains(browser).send_keys(Keys.TAB).perform()
    focused = browser.execute_script(
        "const a = document.activeElement; const r = a.getBoundingClientRect();"
        "return [a.className, a.textContent.trim(), r.top >= 0 && r.bottom <= window.innerHeight];"
    )
    assert focused == ["verlaten", "Deze site direct verlaten", True]
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    _left_without_a_trace(browser, site, start, away)


def test_esc_pressed_once_leaves_the_site_the_same_way(tab: tuple[Any, str, str], site: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser, start, away = tab
    _through_the_site(browser, site, away)
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    _left_without_a_trace(browser, site, start, away)


def test_the_page_says_what_the_exit_does_and_does_not_hide(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, site / "testdam" / "index.html", DESKTOP)
    bar = browser.find_element(By.CSS_SELECTOR, ".verlaten-balk").text
    assert "Of druk op Esc: u gaat meteen naar google.nl." in bar
    about = browser.find_element(By.ID, "over-verlaten").text
    assert "Met de terugknop komt u daarna dus niet meer op deze site" in about
    assert "Uw browsergeschiedenis houdt bij dat u hier was" in about
    assert "Zonder JavaScript werkt de knop als een gewone link" in about


def test_text_filter_narrows_the_list(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, site / "index.html", DESKTOP)
    box = browser.find_element(By.ID, "filter-naam")
    assert box.is_displayed()
    box.send_keys("veld")
    shown = browser.execute_script(
        "return [...document.querySelectorAll('.gemeentelijst li')].filter(li => li.offsetParent).map(li => li.dataset.naam);"
    )
    assert shown == ["testveld"]


def test_letter_filter_works_without_javascript(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        open_page(browser, site / "index.html", PHONE)
        # Without scripts the text box stays hidden: it could not filter.
        assert not browser.find_element(By.ID, "filter-naam").is_displayed()

        def shown() -> list[str]:
            items = browser.find_elements(By.CSS_SELECTOR, ".gemeentelijst li")
            return [li.find_element(By.TAG_NAME, "a").text for li in items if li.is_displayed()]

        assert shown() == ["Anderdam", "Testdam", "Testveld"]
        browser.find_element(By.CSS_SELECTOR, "label[for=letter-t]").click()
        assert shown() == ["Testdam", "Testveld"]
        # The radio buttons are a keyboard group: arrow keys move between the letters.
        ActionChains(browser).send_keys(Keys.ARROW_LEFT).perform()
        assert shown() == ["Anderdam"]
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.mark.parametrize("folder", [FIXTURE_REGION, CONTRACT], ids=["oeverland", "contract"])
def test_whole_region_pages_have_no_violations(
    browser: Any, axe_source: str, tmp_path_factory: pytest.TempPathFactory, folder: Path
) -> None:
    from assembler.batch.run import run_batch
    from tests.builders.site.helpers import TODAY

    if not (folder / "regio.yaml").is_file():
        pytest.skip(CONTRACT_MISSING)
    out = tmp_path_factory.mktemp("regio")
    result = run_batch(
        folder / "regio.yaml",
        out,
        jobs=2,
        today=TODAY,
        formats=("html",),
        echo=lambda line: None,
        site=True,
    )
    assert result.ok, result.summary()
    found = []
    for page in sorted((out / "site").rglob("*.html")):
        for width in (DESKTOP, PHONE):
            open_page(browser, page, width)
            found += [
                f"{page.relative_to(out)} @ {width}: {v['id']}"
                for v in run_axe(browser, axe_source)["violations"]
            ]
    assert found == []
