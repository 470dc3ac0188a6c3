"""The editor works without JavaScript: the page's own form, posted as a browser without script
posts it, shows each problem beside its field, adds a row and saves it with the comments kept."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from assembler.editor.guard import Guard
from assembler.editor.server import Editor
from assembler.editor.session import Session
from tests.editor.helpers import region_copy

PORT = 8766
HOST = f"127.0.0.1:{PORT}"


class _Form(HTMLParser):
    """What a browser sends for the page's form: every named control's value, ticked boxes only,
    a select's chosen option, a textarea's text (the HTML form submission algorithm, simplified)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pairs: list[tuple[str, str]] = []
        self.buttons: set[tuple[str, str]] = set()
        self.options: dict[str, set[str]] = {}  # a select's name -> the values it offers
        self.blocks: dict[str, str] = {}  # id -> text of the elements with an id that start with "m-"
        self._select: tuple[str, str | None, str | None] | None = None  # name, chosen, first
        self._textarea: str | None = None
        self._text: list[str] = []
        self._message: tuple[str, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if self._message is not None and tag == "div":
            self._message = (self._message[0], self._message[1] + 1)
        if tag == "div" and a.get("id", "").startswith("m-"):
            self._message, self._text = (a["id"], 1), []
        name = a.get("name")
        if tag == "input" and name and "disabled" not in a:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "image"):
                self.pairs.append((name, a.get("value", "")))
        elif tag == "button" and name:
            self.buttons.add((name, a.get("value", "")))
        elif tag == "select" and name:
            self._select = (name, None, None)
        elif tag == "option" and self._select is not None:
            name, chosen, first = self._select
            self.options.setdefault(name, set()).add(a.get("value", ""))
            self._select = (name, a.get("value") if "selected" in a else chosen, first if first is not None else a.get("value"))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data: str) -> None:
        if self._textarea is not None or self._message is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select is not None:
            name, chosen, first = self._select
            self.pairs.append((name, chosen if chosen is not None else first or ""))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # A browser drops the one newline right after <textarea>.
            text = "".join(self._text)
            self.pairs.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "div" and self._message is not None:
            ident, depth = self._message
            if depth == 1:
                self.blocks[ident] = "".join(self._text).strip()
                self._message = None
            else:
                self._message = (ident, depth - 1)


def _read(html: str) -> _Form:
    form = _Form()
    form.feed(html)
    return form


def _submit(client: Any, html: str, button: str, **typed: str) -> Any:
    """Post the page's form by pressing `button` (name=value), with some fields typed over."""
    form = _read(html)
    name, value = button.split("=", 1)
    assert (name, value) in form.buttons, f"the page has no button {button}"
    for key, text in typed.items():
        assert key not in form.options or text in form.options[key], f"{key} offers no {text}"
    pairs = [(k, typed.pop(k) if k in typed else v) for k, v in form.pairs]
    assert not typed, f"the page has no field {sorted(typed)}"
    headers = {"Host": HOST, "Origin": f"http://{HOST}", "Sec-Fetch-Site": "same-origin"}
    data: dict[str, list[str]] = {}
    for key, item in [*pairs, (name, value)]:
        data.setdefault(key, []).append(item)
    return client.post("/", data=data, headers=headers)


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Any, Path]:
    path = region_copy(tmp_path).parent / "gemeenten" / "brugstad.yaml"
    editor = Editor(Session(path, check_cards=False), tmp_path / "uit", Guard(port=PORT))
    client = editor.app.test_client()
    client.set_cookie(editor.guard.cookie, editor.guard.token, domain="127.0.0.1")
    return client, path


def test_without_script_a_problem_stands_beside_its_field_a_row_is_added_and_the_file_saved(setup: tuple[Any, Path]) -> None:
    client, path = setup
    before = path.read_text(encoding="utf-8")
    page = client.get("/", headers={"Host": HOST})
    assert page.status_code == 200
    html = page.get_data(as_text=True)

    checked = _submit(client, html, "_actie=controleren", **{"partners.0.telefoon": "0123-78"})
    assert checked.status_code == 200 and checked.mimetype == "text/html"
    shown = _read(checked.get_data(as_text=True))
    assert "te weinig cijfers" in shown.blocks["m-v-partners-0-telefoon"]
    assert [k for k, text in shown.blocks.items() if "Fout:" in text] == ["m-v-partners-0-telefoon"]

    rows = sum(1 for k, _ in shown.pairs if k.startswith("partners.") and k.endswith(".id"))
    added = _submit(client, checked.get_data(as_text=True), "_actie=toevoegen:partners", **{"partners.0.telefoon": "0123-780799"})
    after_add = _read(added.get_data(as_text=True))
    assert sum(1 for k, _ in after_add.pairs if k.startswith("partners.") and k.endswith(".id")) == rows + 1
    # The new row's required fields wait beside it; nothing else is wrong.
    new = f"partners.{rows}"
    wrong = {k for k, text in after_add.blocks.items() if "Fout:" in text}
    assert wrong == {f"m-v-{new.replace('.', '-')}-{key}" for key in ("id", "naam", "type")}

    typed = {f"{new}.id": "huisarts-brugstad", f"{new}.naam": "Huisartsenpost Brugstad", f"{new}.type": "huisartsen"}
    saved = _submit(client, added.get_data(as_text=True), "_actie=opslaan", **typed, **{f"{new}.telefoon": "0123-780777"})
    assert saved.status_code == 200
    page_after = saved.get_data(as_text=True)
    assert "Opgeslagen" in page_after
    assert not any("Fout:" in text for text in _read(page_after).blocks.values())
    text = path.read_text(encoding="utf-8")
    assert '"0123-780799"' in text and "0123-780789" in text  # the partner's number changed, the owner's did not
    assert "id: huisarts-brugstad" in text and "0123-780777" in text
    # The comments are kept, and every line not changed stays where it was.
    assert [line for line in before.splitlines() if line.lstrip().startswith("#")] == [
        line for line in text.splitlines() if line.lstrip().startswith("#")
    ]
    assert text.count("\n  - id:") == before.count("\n  - id:") + 1
