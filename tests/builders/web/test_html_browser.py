"""The HTML routekaart in a real browser: headless Chromium, axe-core for WCAG 2.1 A/AA, and a phone-sized screen."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assembler.pipeline.municipality import build_profile
from tests import tools
from tests.conftest import BASE_PROFILE, BuiltProfile, edit, run_temp

pytestmark = pytest.mark.slow

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE, DESKTOP = 375, 1280


@pytest.fixture(scope="module")
def axe_source() -> str:
    return tools.axe_source()


@pytest.fixture(scope="module")
def pages(
    tmp_path_factory: pytest.TempPathFactory, fixture_region_built: dict[str, BuiltProfile]
) -> dict[str, Path]:
    found = {
        name: fixture_region_built[name].folder / f"routekaart-{name}.html"
        for name in ("brugstad", "dijkmond", "s-molenwaard")
    }
    # A pale house colour: headings and table headers must still reach AA contrast.
    pale = tmp_path_factory.mktemp("profiel") / "bleekdam.yaml"
    pale.write_text(
        edit(
            edit(BASE_PROFILE, "naam: Testdam", "naam: Bleekdam"),
            'hoofdkleur: "#1F5C99"',
            'hoofdkleur: "#FFE680"',
        ),
        encoding="utf-8",
    )
    found["bleekdam"] = build_profile(pale, tmp_path_factory.mktemp("html"), ("html",)).files[0]
    return found


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Iterator[Any]:
    """Headless Chromium, with the test's folders served on 127.0.0.1.

    Pages are opened over HTTP rather than as file:// URLs: Ubuntu's Chromium is a snap, which
    sees a private /tmp of its own and so none of the files the tests write there.
    """
    binary, chromedriver = tools.chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    root = run_temp(tmp_path_factory, worker_id)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profiel')}",
        f"--window-size={DESKTOP},900",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    driver.set_script_timeout(120)
    driver.served = (root, f"http://127.0.0.1:{server.server_address[1]}/")
    try:
        yield driver
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()


def page_url(driver: Any, path: Path) -> str:
    """The address the browser fixture serves a file under the test's temporary folders at."""
    root, base = driver.served
    return base + path.resolve().relative_to(root.resolve()).as_posix()


def open_page(driver: Any, path: Path, width: int) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    driver.get(page_url(driver, path))
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done(true));"
    )


def run_axe(driver: Any, source: str) -> dict[str, Any]:
    driver.execute_script(source)
    result: dict[str, Any] = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(r => done({violations: r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary)}))}))
          .catch(e => done({error: String(e)}));
        """,
        WCAG_TAGS,
    )
    assert "error" not in result, result
    return result


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("name", ["brugstad", "dijkmond", "s-molenwaard", "bleekdam"])
def test_axe_finds_no_wcag21_a_or_aa_violations(
    browser: Any, axe_source: str, pages: dict[str, Path], name: str, width: int
) -> None:
    open_page(browser, pages[name], width)
    violations = run_axe(browser, axe_source)["violations"]
    assert violations == [], "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n  " + "\n  ".join(v["nodes"]) for v in violations
    )


@pytest.mark.parametrize("name", ["brugstad", "dijkmond", "s-molenwaard"])
def test_phone_width_has_no_horizontal_overflow(browser: Any, pages: dict[str, Path], name: str) -> None:
    open_page(browser, pages[name], PHONE)
    widths = browser.execute_script(
        "return [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth];"
    )
    assert widths[2] == PHONE
    assert max(widths[:2]) <= PHONE, f"pagina is {max(widths[:2])} px breed op een scherm van {PHONE} px"
    # The route's boxes fit the phone, and their names stand one under the other there.
    boxes = browser.execute_script(
        "return [...document.querySelectorAll('.route-doos')].map(e => e.getBoundingClientRect().right);"
    )
    assert boxes and max(boxes) <= PHONE
    columns = browser.execute_script(
        "return [...document.querySelectorAll('ul.route-wie')].map(e => getComputedStyle(e).columnCount);"
    )
    assert set(columns) <= {"1", "auto"}
    open_page(browser, pages[name], DESKTOP)
    columns = browser.execute_script(
        "return [...document.querySelectorAll('ul.route-wie')].map(e => getComputedStyle(e).columnCount);"
    )
    assert columns and set(columns) == {"2"}


def test_skip_link_is_first_and_visible_on_focus(browser: Any, pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    open_page(browser, pages["brugstad"], DESKTOP)
    ActionChains(browser).send_keys(Keys.TAB).perform()
    focused = browser.execute_script(
        "const a = document.activeElement; const r = a.getBoundingClientRect();"
        "return [a.className, a.getAttribute('href'), r.top >= 0 && r.bottom <= window.innerHeight];"
    )
    assert focused == ["skiplink", "#hoofdinhoud", True]
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    assert browser.execute_script("return document.activeElement.id") == "hoofdinhoud"


def test_shipped_fonts_load_from_the_page_itself(browser: Any, pages: dict[str, Path]) -> None:
    open_page(browser, pages["brugstad"], DESKTOP)
    loaded = browser.execute_script(
        "return [...document.fonts].filter(f => f.family.includes('Noto Sans') && f.status === 'loaded').length;"
    )
    assert loaded >= 2
    family = browser.execute_script("return getComputedStyle(document.body).fontFamily;")
    assert family.startswith('"Noto Sans"')
