"""Builds one municipality of a batch, in a worker process or in-process, and returns a small outcome.

The outcome holds hashes, problems and the municipality's regional entry (a few
kilobytes), never the model or the rendered bytes, so neither the workers nor the
parent grow with the size of the region.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import signal
import threading
import time
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assembler import forked
from assembler.batch.manifest import Output, jsonable, relative, sha256_bytes, sha256_file
from assembler.builders import DEFAULT_FORMATS
from assembler.dutch import plural
from assembler.errors import AssemblerError, ProfileError
from assembler.model.region import entry_from, fresh_until, to_data
from assembler.national import national_content
from assembler.pipeline.municipality import build_profile
from assembler.problems import Problem, Severity
from assembler.profile.reading import Region
from assembler.zips import write_zip

_region: Region | None = None


def use_region(region: Region) -> None:
    """The region every following build merges into its profiles."""
    global _region
    _region = region


def init_worker(region: Region, parent_pid: int) -> None:
    """Runs once in each worker process."""
    use_region(region)
    forked.disable()  # every core already has a worker
    # The parent alone decides about stopping: it catches Ctrl-C and SIGTERM and then ends its workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()


def _exit_with_parent(parent_pid: int) -> None:
    # A worker waiting for work never notices its parent was killed; without this it would live on.
    while True:
        time.sleep(1.0)
        try:
            os.kill(parent_pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:
            pass


@dataclass(frozen=True)
class Job:
    profile: Path
    display: str  # the profile's path as seen from the region file's folder
    naam: str
    slug: str
    outdir: Path
    today: dt.date
    formats: tuple[str, ...] = DEFAULT_FORMATS


@dataclass(frozen=True)
class Outcome:
    display: str
    naam: str
    slug: str
    reden: str | None = None  # why it failed; None when it was built
    problemen: tuple[Problem, ...] = ()
    intern: bool = False
    detail: str | None = None
    invoer: dict[str, str] = field(default_factory=dict)
    uitvoer: dict[str, Output] = field(default_factory=dict)
    archief: bytes = b""  # the zip for distribution; the parent writes it, as all files in the output folder
    gegevens: dict[str, Any] | None = None
    vergelijk: dict[str, Any] | None = None  # the resolved profile, for next run's "Wijzigingen"
    vers_tot: str | None = None
    seconden: float = 0.0
    pid: int = 0
    piek_kb: int = 0

    @property
    def ok(self) -> bool:
        return self.reden is None


def zip_name(folder: str) -> str:
    """The distribution zip of a municipality, beside its folder."""
    return f"{folder}.zip"


def profile_reason(exc: ProfileError) -> str:
    """The first error in full and how many more there are: a summary line names the cause."""
    errors = [p for p in exc.problems if p.is_error] or exc.problems
    if not errors:
        return str(exc) or "profiel ongeldig"
    first = errors[0].format()
    more = len(errors) - 1
    if more:
        return f"{first} (en nog {plural(more, 'fout', 'fouten')})"
    return first


def build_one(job: Job) -> Outcome:
    """Every format of one municipality, its zip, hashes and regional entry; failures become an outcome."""
    started = time.perf_counter()
    try:
        outcome = _build(job)
    except ProfileError as exc:
        outcome = Outcome(
            job.display, job.naam, job.slug, reden=profile_reason(exc), problemen=tuple(exc.problems)
        )
    except AssemblerError as exc:
        outcome = Outcome(job.display, job.naam, job.slug, reden=str(exc))
    except Exception as exc:
        outcome = Outcome(
            job.display,
            job.naam,
            job.slug,
            reden=f"interne fout ({type(exc).__name__}: {exc}); dit ligt aan de toolkit, niet aan het profiel",
            intern=True,
            detail=traceback.format_exc(),
        )
    return _measured(outcome, started)


def _measured(outcome: Outcome, started: float) -> Outcome:
    return replace(
        outcome,
        seconden=time.perf_counter() - started,
        pid=os.getpid(),
        piek_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    )


def _build(job: Job) -> Outcome:
    region = _region
    if region is None:
        raise AssemblerError("interne fout: de worker kreeg geen regio mee")
    base = region.source.parent
    # Hash before reading: an edit during the build then shows up as a change next run.
    inputs = {relative(job.profile, base): sha256_file(job.profile)}
    result = build_profile(
        job.profile, job.outdir, job.formats, region=region, today=job.today, display=job.display
    )
    if result.model.slug != job.slug:
        raise AssemblerError(
            f"de naam in het profiel is tijdens de batch gewijzigd (nu '{result.model.gemeente}'); "
            "draai de batch opnieuw"
        )
    for name in ("logo", "sjabloon"):
        path = result.profile.file(name)
        if path is not None:
            inputs[relative(path, base)] = sha256_file(path)

    entries = []
    outputs: dict[str, Output] = {}
    for path in sorted(result.files, key=lambda p: p.name):
        data = path.read_bytes()
        rel = f"{job.slug}/{path.name}"
        entries.append((rel, data))
        outputs[rel] = Output(sha256_bytes(data), len(data))
    archive = write_zip(entries)
    outputs[zip_name(job.slug)] = Output(sha256_bytes(archive), len(archive))

    warnings = tuple(Problem(job.display, 0, 0, "", text, Severity.WARNING) for text in result.warnings)
    entry = entry_from(
        result.model,
        national_content(),
        (*result.problems, *warnings),
        bestand=job.display,
        region_file=region.display,
    )
    until = fresh_until(entry, job.today)
    return Outcome(
        job.display,
        result.model.gemeente,
        job.slug,
        invoer=inputs,
        uitvoer=outputs,
        archief=archive,
        gegevens=to_data(entry),
        vergelijk=jsonable(result.profile.data),
        vers_tot=until.isoformat() if until else None,
    )
