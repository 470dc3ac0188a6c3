"""'Documenten maken' runs the command line's own build into the output folder, with its lines as progress;
the command starts the editor on 127.0.0.1, prints the link with its token and stops cleanly on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assembler.editor.guard import Guard
from assembler.editor.server import Editor
from assembler.editor.session import Session
from tests.editor.helpers import drawn, region_copy

pytestmark = pytest.mark.slow
HOST = "127.0.0.1:8766"


def test_documents_are_made_from_the_saved_file_only(tmp_path: Path) -> None:
    region = region_copy(tmp_path)
    path = region.parent / "gemeenten" / "dijkmond.yaml"
    editor = Editor(Session(path, check_cards=False), tmp_path / "uit", Guard(port=8766))
    client = editor.app.test_client()
    client.set_cookie(editor.guard.cookie, editor.guard.token, domain="127.0.0.1")
    headers = {"Host": HOST, "Origin": f"http://{HOST}", "Accept": "application/json"}
    form = {k: v[0] if len(v) == 1 else v for k, v in drawn("gemeente", editor.session.working).items()}
    base = {**form, "_csrf": editor.guard.csrf, "_actie": "maken", "_formaat": "html"}
    unsaved = client.post("/", data={**base, "naam": "Dijkmond-Oost"}, headers=headers).get_json()
    assert unsaved["melding"]["ok"] is False and "Sla eerst op" in unsaved["melding"]["tekst"]
    assert editor.job is None
    started = client.post("/", data=base, headers=headers).get_json()
    assert started["melding"]["ok"], started["melding"]
    deadline = time.monotonic() + 300
    while editor.job is not None and editor.job.running and time.monotonic() < deadline:
        time.sleep(0.5)
    job = client.get("/maken", headers={"Host": HOST}).get_json()
    assert job["staat"] == "klaar", job
    written = tmp_path / "uit" / "dijkmond" / "routekaart-dijkmond.html"
    assert any(line == f"geschreven: {written}" for line in job["regels"]), job["regels"]
    assert "Dijkmond" in written.read_text(encoding="utf-8")
    assert not (tmp_path / "uit" / "dijkmond" / "routekaart-dijkmond.pdf").exists()


def test_the_command_prints_its_link_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    region = region_copy(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "assembler", "bewerk", str(region.parent / "gemeenten" / "dijkmond.yaml"), "--geen-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        # Ctrl-C's default handling, even when the tests run as a background job (SIGINT ignored).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().startswith("Bezig met openen van ")
        line = process.stdout.readline()
        assert line.startswith("De editor draait op http://127.0.0.1:"), line
        assert "?token=" in line and len(line.split("?token=")[1].strip()) >= 40
        import urllib.error
        import urllib.request

        url = line.split()[-1]
        plain = url.split("?")[0]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(plain, timeout=30)
        assert refused.value.code == 403
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
    assert process.returncode == 0, out
    assert "Editor gestopt." in out
    assert "Traceback" not in out
