"""'Documenten maken': the saved file built by the command line's own `maak` (or `regio` for a region)
in a child process, its lines shown as they come.

The child is the same command a user would type, so every safeguard holds as it does there:
the output folder's lock, the records of what was written, hand-edited files refused, all
outputs of a municipality or none. A child also keeps a crash in a renderer out of the editor.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# The command line, run as a module of this interpreter (assembler/__main__.py).
COMMAND = (sys.executable, "-m", "assembler")
MAX_LINES = 2000


@dataclass
class Job:
    """One run of the command: its lines so far, whether it is done and how it ended."""

    command: tuple[str, ...]
    lines: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None
    code: int | None = None
    process: subprocess.Popen[str] | None = None

    @property
    def running(self) -> bool:
        return self.code is None

    @property
    def seconds(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    @property
    def state(self) -> str:
        if self.code is None:
            return "bezig"
        return "klaar" if self.code == 0 else "mislukt"

    def summary(self) -> str:
        if self.code is None:
            return f"Bezig met maken ({self.seconds:.0f} s)…"
        if self.code == 0:
            return f"Klaar in {self.seconds:.0f} s."
        return f"Niet gelukt (code {self.code}); zie de meldingen hieronder."


def arguments(kind: str, path: Path, outdir: Path, formats: Sequence[str]) -> tuple[str, ...]:
    """The command line for this file: `maak` for a municipality, `regio` for a region."""
    command = "regio" if kind == "regio" else "maak"
    return (*COMMAND, command, str(path), "-o", str(outdir), "--formaat", ",".join(formats))


def start(command: tuple[str, ...]) -> Job:
    """Run command in a child process; its output lines land in the job as they come."""
    job = Job(command)
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    job.process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
    )
    threading.Thread(target=_follow, args=(job,), daemon=True).start()
    return job


def _follow(job: Job) -> None:
    assert job.process is not None and job.process.stdout is not None
    for line in job.process.stdout:
        if len(job.lines) < MAX_LINES:
            job.lines.append(line.rstrip("\n"))
    job.code = job.process.wait()
    job.finished = time.monotonic()


def stop(job: Job | None) -> None:
    """End a running build as Ctrl-C would (the command removes its temporary files)."""
    if job is None or job.process is None or job.code is not None:
        return
    job.process.terminate()
    try:
        job.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        job.process.kill()
