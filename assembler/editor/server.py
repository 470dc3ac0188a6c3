"""The editor's web application (Flask): the page, the form's round trips, the previews, saving and building.

Every request passes the guard (editor/guard.py) first. The form works without JavaScript:
each button posts the whole form to `/`. The page's own script (templates/editor/static/
editor.js) posts the same form in the background after every change and asks for JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, g, jsonify, redirect, render_template, request

from assembler.builders.registry import DEFAULT_FORMATS
from assembler.resources import templates_dir

from . import making
from .guard import COMMON_HEADERS, PAGE_POLICY, PREVIEW_POLICY, Guard
from .session import PREVIEWS, Session
from .view import page_context

# The only files the editor serves besides its pages: its own script and stylesheet.
ASSETS = {"editor.js": "text/javascript; charset=utf-8", "editor.css": "text/css; charset=utf-8"}
MAX_BYTES = 4 * 1024 * 1024  # a profile is at most 2 MB (profile/loader.py); its form a little more
MAX_FIELDS = 20_000
ROW_ACTIONS = ("toevoegen:", "verwijderen:", "omhoog:", "omlaag:")


class Editor:
    """The application and what it holds: the session, the guard, the output folder, the build job."""

    def __init__(self, session: Session, outdir: Path, guard: Guard | None = None) -> None:
        self.session = session
        self.outdir = outdir
        self.guard = guard or Guard()
        self.job: making.Job | None = None
        self.app = _app(self)

    def close(self) -> None:
        making.stop(self.job)


def _app(editor: Editor) -> Flask:
    folder = templates_dir() / "editor"
    app = Flask("assembler.editor", template_folder=str(folder), static_folder=None)
    app.config.update(MAX_CONTENT_LENGTH=MAX_BYTES, MAX_FORM_MEMORY_SIZE=MAX_BYTES, MAX_FORM_PARTS=MAX_FIELDS)
    guard = editor.guard

    @app.before_request
    def check() -> Any:
        refused = guard.host(request.headers.get("Host"))
        if refused is None and not guard.allowed(request.cookies.get(guard.cookie), request.args.get("token")):
            return _refuse(403, "Geen toegang. Open de editor met de link die 'assembler bewerk' liet zien.")
        if refused is None and request.method == "POST":
            refused = guard.post(
                request.headers.get("Origin"),
                request.headers.get("Referer"),
                request.headers.get("Sec-Fetch-Site"),
                request.headers.get("X-CSRF-Token") or request.form.get("_csrf"),
            )
        if refused is not None:
            return _refuse(refused.status, refused.message)
        g.policy = PAGE_POLICY
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers.update(COMMON_HEADERS)
        response.headers["Content-Security-Policy"] = getattr(g, "policy", PAGE_POLICY)
        response.headers["X-Frame-Options"] = "SAMEORIGIN" if getattr(g, "policy", "") == PREVIEW_POLICY else "DENY"
        if request.args.get("token") and response.status_code < 400:
            response.set_cookie(guard.cookie, guard.token, httponly=True, samesite="Strict", path="/")
        return response

    @app.get("/")
    def page() -> Any:
        if request.args.get("token"):
            # The token goes into a cookie; the address bar and the history keep the plain address.
            response = redirect("/", code=303)
            return response
        return _page(editor)

    @app.post("/")
    def post() -> Any:
        return _handle(editor, request.form.get("_actie", ""))

    @app.get("/voorbeeld/<name>")
    def preview(name: str) -> Any:
        if name not in PREVIEWS:
            abort(404)
        g.policy = PREVIEW_POLICY
        pages = editor.session.outcome.pages
        html = pages.get(name) or _empty_preview()
        return Response(html, mimetype="text/html")

    @app.get("/maken")
    def job() -> Any:
        return jsonify(_job(editor))

    @app.get("/static/<name>")
    def asset(name: str) -> Any:
        if name not in ASSETS:
            abort(404)
        data = (folder / "static" / name).read_bytes()
        return Response(data, content_type=ASSETS[name])

    @app.errorhandler(404)
    def not_found(error: Any) -> Any:
        return _refuse(404, "Deze pagina bestaat niet in de editor.")

    @app.errorhandler(413)
    def too_large(error: Any) -> Any:
        return _refuse(413, "Het formulier is te groot; een profiel is hooguit 2 MB.")

    return app


def _refuse(status: int, message: str) -> Response:
    response = Response(
        f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Editor: geweigerd</title></head>'
        f"<body><main><h1>Geweigerd</h1><p>{message}</p></main></body></html>",
        status=status,
        mimetype="text/html",
    )
    return response


def _empty_preview() -> str:
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Nog geen voorbeeld</title></head>'
        "<body><main><p>Nog geen voorbeeld: het profiel laadt pas als de fouten zijn opgelost.</p></main></body></html>"
    )


def _wants_json() -> bool:
    return "application/json" in (request.headers.get("Accept") or "")


def _pairs() -> dict[str, list[str]]:
    return {name: request.form.getlist(name) for name in request.form if not name.startswith("_")}


def _handle(editor: Editor, action: str) -> Any:
    session = editor.session
    notice: dict[str, Any] | None = None
    reshaped = False
    if action == "herladen":
        session.reload()
        reshaped = True
        notice = {"ok": True, "tekst": f"{session.current.display} is opnieuw ingelezen."}
    elif action.startswith("openen") or action.startswith("voorbeeld"):
        session.change(_pairs())
        index = _index(request.form.get("_bestand" if action.startswith("openen") else "_voorbeeld"), len(session.files))
        if index is None:
            notice = {"ok": False, "tekst": "Dat bestand hoort niet bij deze editor."}
        elif action.startswith("voorbeeld"):
            session.choose_sample(index)
        elif session.unsaved:
            notice = {"ok": False, "tekst": "Sla eerst op of lees het bestand opnieuw in; er zijn wijzigingen die nog niet zijn opgeslagen."}
        else:
            session.open(index)
            reshaped = True
    else:
        row = action if action.startswith(ROW_ACTIONS) else None
        session.change(_pairs(), row)
        reshaped = row is not None
        if action == "opslaan":
            saved = session.save()
            notice = {"ok": saved.ok, "tekst": saved.message, "wijzigingen": [_change(c) for c in saved.changes]}
            reshaped = saved.ok
        elif action == "maken":
            notice = _start(editor, request.form.getlist("_formaat"))
    if _wants_json():
        return jsonify(_state(editor, notice, reshaped))
    return _page(editor, notice)


def _index(value: str | None, count: int) -> int | None:
    if value is None or not value.isdigit() or int(value) >= count:
        return None
    return int(value)


def _change(change: Any) -> str:
    from assembler.pipeline.workbook_import import describe

    return describe(change)


def _start(editor: Editor, formats: list[str]) -> dict[str, Any]:
    session = editor.session
    chosen = [f for f in formats if f in DEFAULT_FORMATS] or list(DEFAULT_FORMATS)
    if editor.job is not None and editor.job.running:
        return {"ok": False, "tekst": "Er wordt al gemaakt; wacht tot dat klaar is."}
    if session.unsaved:
        return {"ok": False, "tekst": "Sla eerst op: de documenten worden gemaakt van het bestand zoals het is opgeslagen."}
    if session.outcome.errors:
        return {"ok": False, "tekst": "Los eerst de fouten op; met fouten worden geen documenten gemaakt."}
    # A region file brings every municipality and the regional outputs (batch); a municipality itself.
    editor.job = making.start(making.arguments(session.kind, session.current.path, editor.outdir, chosen))
    return {"ok": True, "tekst": f"Bezig met maken in {editor.outdir}…"}


def _job(editor: Editor) -> dict[str, Any]:
    job = editor.job
    if job is None:
        return {"staat": "geen", "tekst": "", "regels": []}
    return {"staat": job.state, "tekst": job.summary(), "regels": job.lines[-200:]}


def _state(editor: Editor, notice: dict[str, Any] | None, reshaped: bool) -> dict[str, Any]:
    """The page's changing parts as JSON, for its script."""
    session = editor.session
    with session.lock:
        return _rendered_state(editor, notice, reshaped)


def _rendered_state(editor: Editor, notice: dict[str, Any] | None, reshaped: bool) -> dict[str, Any]:
    session = editor.session
    context = page_context(session, editor.guard.csrf, notice)
    outcome = context["outcome"]
    state: dict[str, Any] = {
        "versie": outcome.revision,
        "fouten": outcome.errors,
        "waarschuwingen": outcome.warnings,
        "tellingen": context["counts"],
        "meldingen": context["messages"],
        "samenvatting": render_template("samenvatting.html", **context),
        "voorbeeld": outcome.preview_revision,
        "kaarten": render_template("contacten.html", **context),
        "melding": notice,
        "onopgeslagen": session.unsaved,
        "focus": session.focus,
        "seconden": round(outcome.checked_in, 3),
    }
    if reshaped:
        state["formulier"] = render_template("velden.html", **context)
        state["kop"] = render_template("kop.html", **context)
    session.focus = None  # focus moves once, right after the action that asked for it
    return state


def _page(editor: Editor, notice: dict[str, Any] | None = None) -> Any:
    with editor.session.lock:
        context = page_context(editor.session, editor.guard.csrf, notice)
        context["job"] = _job(editor)
        context["outdir"] = editor.outdir
        html = render_template("pagina.html", **context)
        editor.session.focus = None
        return html

