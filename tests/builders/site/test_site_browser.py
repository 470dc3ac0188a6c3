"""The regional website in headless Chromium: axe-core finds no WCAG 2.1 A/AA violations on the index,
the statement and each municipality page at phone and desktop width; the quick exit works by keyboard."""

from __future__ import annotations

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


def test_quick_exit_is_second_tab_stop_and_leaves_without_a_history_entry(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    open_page(browser, site / "testdam" / "index.html", DESKTOP)
    # The test has no network: point the link at a page of the site; the script reads href when pressed.
    target = page_url(browser, site / "index.html") + "?weg"
    browser.execute_script("document.querySelector('a.verlaten').href = arguments[0];", target)
    before = browser.execute_script("return history.length;")
    ActionChains(browser).send_keys(Keys.TAB).send_keys(Keys.TAB).perform()
    focused = browser.execute_script(
        "const a = document.activeElement; const r = a.getBoundingClientRect();"
        "return [a.className, a.textContent.trim(), r.top >= 0 && r.bottom <= window.innerHeight];"
    )
    assert focused == ["verlaten", "Deze site direct verlaten", True]
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    browser.implicitly_wait(0)
    for _ in range(50):
        if browser.current_url == target:
            break
        browser.execute_script("return 1;")
    assert browser.current_url == target
    # location.replace: the routekaart is no longer in the history, so Back cannot return to it.
    assert browser.execute_script("return history.length;") == before


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
