"""Starting the editor: bound to 127.0.0.1 on a free port, the link with its token printed and opened."""

from __future__ import annotations

import threading
import webbrowser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from waitress.server import create_server

from .guard import LOOPBACK, Guard
from .server import MAX_BYTES, Editor
from .session import Session

# Enough for a page, its script and stylesheet, two previews and a check in flight.
THREADS = 6


@contextmanager
def running(editor: Editor, port: int = 0) -> Iterator[object]:
    """The editor served on a background thread until the block ends (tests use this)."""
    server = create_server(
        editor.app,
        host=LOOPBACK,
        port=port,
        threads=THREADS,
        max_request_body_size=MAX_BYTES,
        max_request_header_size=64 * 1024,
        ident="assembler-bewerk",
        clear_untrusted_proxy_headers=True,
    )
    editor.guard.port = int(server.effective_port)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        # Let a request being answered finish before its socket closes (Ctrl-C during a preview
        # would otherwise leave waitress logging a traceback about a closed descriptor).
        server.task_dispatcher.shutdown(cancel_pending=True, timeout=5)
        server.close()
        editor.close()


def serve(
    path: Path,
    outdir: Path,
    *,
    port: int = 0,
    open_browser: bool = True,
    echo: Callable[[str], None] = print,
) -> None:
    """Serve the editor for path until Ctrl-C; the link is printed (and opened) once it listens."""
    echo(f"Bezig met openen van {path}: de eerste controle legt ook de zakkaarten op…")
    session = Session(path)
    editor = Editor(session, outdir, Guard())
    with running(editor, port):
        echo(f"De editor draait op {editor.guard.url}")
        echo("Alleen deze computer kan hem bereiken, en alleen met deze link. Stop met Ctrl-C.")
        if open_browser:
            webbrowser.open(editor.guard.url)
        threading.Event().wait()
