"""The editor answers only its own page on this machine: a wrong or missing token, a foreign Host
(DNS rebinding), a cross-site POST and a path outside its files are refused; its pages carry a strict CSP."""

from __future__ import annotations

from typing import Any

import pytest

from assembler.editor.guard import Guard
from assembler.editor.server import Editor
from assembler.editor.session import Session
from tests.editor.helpers import drawn, region_copy

PORT = 8765
HOST = f"127.0.0.1:{PORT}"
ORIGIN = f"http://{HOST}"


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Editor:
    region = region_copy(tmp_path_factory.mktemp("guard"))
    session = Session(region.parent / "gemeenten" / "dijkmond.yaml", check_cards=False)
    return Editor(session, region.parent / "uit", Guard(port=PORT))


@pytest.fixture
def client(editor: Editor) -> Any:
    client = editor.app.test_client()
    client.set_cookie(editor.guard.cookie, editor.guard.token, domain="127.0.0.1")
    return client


def _get(editor: Editor, path: str, **headers: str) -> Any:
    """A request as a browser without the editor's cookie sends it."""
    return editor.app.test_client().get(path, headers={"Host": HOST, **headers})


def _post(client: Any, editor: Editor, data: dict[str, Any], **headers: str) -> Any:
    base = {"Host": HOST, "Origin": ORIGIN, "Sec-Fetch-Site": "same-origin"}
    return client.post("/", data=data, headers={**base, **headers})


def test_the_printed_link_sets_a_samesite_cookie_and_drops_the_token_from_the_address(editor: Editor) -> None:
    response = _get(editor, f"/?token={editor.guard.token}")
    assert response.status_code == 303 and response.headers["Location"] == "/"
    cookie = response.headers["Set-Cookie"]
    assert f"{editor.guard.cookie}={editor.guard.token}" in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


@pytest.mark.parametrize("path", ["/", "/voorbeeld/routekaart", "/static/editor.js", "/maken", "/?token=fout"])
def test_without_the_token_nothing_is_answered(editor: Editor, path: str) -> None:
    response = _get(editor, path)
    assert response.status_code == 403
    assert "Geen toegang" in response.get_data(as_text=True)
    assert "Dijkmond" not in response.get_data(as_text=True)


def test_a_wrong_cookie_is_refused(editor: Editor) -> None:
    client = editor.app.test_client()
    client.set_cookie(editor.guard.cookie, "geraden", domain="127.0.0.1")
    assert client.get("/", headers={"Host": HOST}).status_code == 403


@pytest.mark.parametrize("host", ["aanvaller.example", f"aanvaller.example:{PORT}", "127.0.0.1:1", "192.168.1.5:8765", ""])
def test_a_foreign_host_is_refused_even_with_the_token(client: Any, host: str) -> None:
    response = client.get("/", headers={"Host": host})
    assert response.status_code == 400
    assert "127.0.0.1" in response.get_data(as_text=True)


def test_the_page_and_its_assets_are_served_with_a_strict_policy(client: Any) -> None:
    page = client.get("/", headers={"Host": HOST})
    assert page.status_code == 200
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy and "unsafe" not in policy
    assert "frame-ancestors 'none'" in policy
    assert page.headers["X-Frame-Options"] == "DENY" and page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    assert "<script>" not in html and "http://" not in html.replace(ORIGIN, "") and "https://cdn" not in html
    script = client.get("/static/editor.js", headers={"Host": HOST})
    assert script.status_code == 200 and script.headers["Content-Type"].startswith("text/javascript")
    preview = client.get("/voorbeeld/routekaart", headers={"Host": HOST})
    assert preview.status_code == 200 and "Dijkmond" in preview.get_data(as_text=True)
    assert "sandbox" in preview.headers["Content-Security-Policy"]
    assert "script-src" not in preview.headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path",
    [
        "/static/../pyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%2fcards%2fkaarten.css.j2",
        "/static/pagina.html",
        "/voorbeeld/..%2f..%2fetc%2fpasswd",
        "/voorbeeld/regio",
        "/etc/passwd",
    ],
)
def test_a_path_outside_the_editors_files_is_refused(client: Any, path: str) -> None:
    response = client.get(path, headers={"Host": HOST})
    assert response.status_code == 404
    assert "root:" not in response.get_data(as_text=True)


def test_a_file_outside_the_session_cannot_be_opened(client: Any, editor: Editor) -> None:
    data = {**_flat(editor), "_csrf": editor.guard.csrf, "_actie": "openen", "_bestand": "../../etc/passwd"}
    response = _post(client, editor, data)
    assert response.status_code == 200
    assert "hoort niet bij deze editor" in response.get_data(as_text=True)
    assert editor.session.current.label == "Dijkmond"


def _flat(editor: Editor) -> dict[str, Any]:
    return {k: v if len(v) > 1 else v[0] for k, v in drawn("gemeente", editor.session.working).items()}


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://aanvaller.example"},
        {"Origin": "null"},
        {"Origin": f"http://127.0.0.1:{PORT + 1}"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "", "Referer": "http://aanvaller.example/pagina"},
    ],
)
def test_a_cross_site_post_is_refused_and_changes_nothing(client: Any, editor: Editor, headers: dict[str, str]) -> None:
    before = editor.session.working
    data = {**_flat(editor), "naam": "Overgenomen", "_csrf": editor.guard.csrf, "_actie": "opslaan"}
    base = {"Host": HOST, "Origin": ORIGIN, "Sec-Fetch-Site": "same-origin", **headers}
    if headers.get("Origin") == "":
        del base["Origin"]
    response = client.post("/", data=data, headers=base)
    assert response.status_code == 403
    assert editor.session.working == before


def test_a_post_without_the_csrf_token_is_refused(client: Any, editor: Editor) -> None:
    data = {**_flat(editor), "naam": "Overgenomen", "_actie": "controleren"}
    assert _post(client, editor, data).status_code == 403
    assert _post(client, editor, {**data, "_csrf": "fout"}).status_code == 403
    assert editor.session.working["naam"] == "Dijkmond"


def test_a_request_too_large_is_refused(client: Any, editor: Editor) -> None:
    data = {**_flat(editor), "_csrf": editor.guard.csrf, "document.inleiding": "x" * (5 * 1024 * 1024)}
    assert _post(client, editor, data).status_code == 413


def test_the_editors_own_post_is_answered_as_json(client: Any, editor: Editor) -> None:
    data = {**_flat(editor), "_csrf": editor.guard.csrf, "document.eigenaar.email": "geen-adres"}
    response = _post(client, editor, data, Accept="application/json")
    assert response.status_code == 200
    state = response.get_json()
    assert state["fouten"] == 1
    assert list(state["meldingen"]) == ["v-document-eigenaar-email"]
    assert "e-mailadres" in state["meldingen"]["v-document-eigenaar-email"][0]["tekst"]
    # Put back for the other tests.
    _post(client, editor, {**_flat(editor), "_csrf": editor.guard.csrf, "document.eigenaar.email": "zorgenveiligheid@dijkmond.example"})
