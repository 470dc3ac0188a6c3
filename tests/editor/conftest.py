"""The browser fixtures of the web page tests, shared with the editor's browser tests."""

from tests.builders.web.test_html_browser import axe_source, browser  # noqa: F401
