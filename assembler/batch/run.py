"""Region batch runs: every municipality in worker processes, then the regional document, overview and manifest.

A municipality is skipped when the files its last build read are unchanged and
its outputs are intact; deciding that only hashes files. One that fails does not
stop the others. The output folder is locked for the duration of a run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from assembler import forked
from assembler.batch.manifest import (
    MANIFEST_NAME,
    HashCache,
    Output,
    OutputCheck,
    Record,
    RegionState,
    StateStore,
    dumps,
    manifest,
    outputs_of,
    relative,
    sha256_bytes,
    sha256_file,
    stats_of,
    toolkit_fingerprint,
)
from assembler.batch.progress import Progress
from assembler.batch.worker import Job, Outcome, zip_name
from assembler.builders import DEFAULT_FORMATS
from assembler.dutch import seconds as seconds_text
from assembler.errors import AssemblerError, OutputError, ProfileError
from assembler.model.region import regional_outputs
from assembler.naming import slug
from assembler.pipeline.output import atomic_write, folder_lock, remove_temp_files
from assembler.pipeline.ownership import announce, check_writable, record_written
from assembler.profile.loader import load_document
from assembler.profile.reading import Region, load_region

# A worker is replaced after this many municipalities: the rendering libraries keep caches that
# grow slowly, and a fresh worker (forked from the preloaded server) costs a second or two.
WORKER_TASKS = 50
BROKEN_WORKER = "het werkproces stopte onverwacht (bijvoorbeeld door geheugengebrek)"


@dataclass(frozen=True)
class Failure:
    naam: str
    bestand: str
    reden: str


@dataclass
class BatchResult:
    """What a run did; summary() is the Dutch report the CLI prints."""

    regio: str
    outdir: Path
    gemaakt: list[str] = field(default_factory=list)
    overgeslagen: list[str] = field(default_factory=list)
    mislukt: list[Failure] = field(default_factory=list)
    niet_gestart: list[str] = field(default_factory=list)
    bestanden: list[tuple[str, Path, bool]] = field(default_factory=list)  # label, path, written this run
    regio_melding: str | None = None
    regio_fout: str | None = None  # the regional outputs could not be made; the previous ones stay
    wijzigingen: int = 0  # changes since the previous run, listed on the overview's "Wijzigingen" sheet
    fouten: int = 0  # errors in the region and its profiles, as listed on the overview
    waarschuwingen: int = 0
    site_melding: str | None = None
    seconden: float = 0.0
    regio_seconden: dict[str, float] = field(default_factory=dict)  # per regional output made this run
    piek_per_worker_kb: dict[int, int] = field(default_factory=dict)
    piek_verloop: list[tuple[int, int]] = field(default_factory=list)  # (pid, peak KB) after each build

    @property
    def ok(self) -> bool:
        return not self.mislukt and not self.site_melding and not self.regio_fout

    def summary(self) -> str:
        lines = [
            f"Regio {self.regio}: {_count(len(self.gemaakt), 'gemeente', 'gemeenten')} gemaakt, "
            f"{len(self.overgeslagen)} overgeslagen (ongewijzigd), {len(self.mislukt)} mislukt "
            f"in {seconds_text(self.seconden)}.",
            f"{_count(self.fouten, 'fout', 'fouten')}, "
            f"{_count(self.waarschuwingen, 'waarschuwing', 'waarschuwingen')} in de profielen"
            + ("; zie het blad Problemen in het overzicht." if self.fouten or self.waarschuwingen else "."),
        ]
        if self.mislukt:
            lines.append("Mislukt:")
            lines += [f"  - {f.naam} ({f.bestand}): {f.reden}" for f in self.mislukt]
        if self.niet_gestart:
            lines.append(
                "Niet gemaakt omdat de batch stopte na de eerste fout (--fail-fast): "
                + ", ".join(self.niet_gestart)
            )
        if self.regio_melding:
            lines.append(self.regio_melding)
        if self.regio_fout:
            lines.append(self.regio_fout)
        if self.wijzigingen:
            lines.append(
                f"{_count(self.wijzigingen, 'wijziging', 'wijzigingen')} sinds de vorige run; "
                "zie het blad Wijzigingen in het overzicht."
            )
        if self.site_melding:
            lines.append(self.site_melding)
        for label, path, written in self.bestanden:
            lines.append(f"{label}: {path} ({'bijgewerkt' if written else 'ongewijzigd'})")
        return "\n".join(lines)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@dataclass
class Item:
    """One municipality of the region as the plan sees it."""

    path: Path
    display: str
    naam: str
    slug: str
    valid: bool  # its record matches the inputs and outputs on disk
    current: bool  # valid, and no --force: skip it
    conflict: str | None = None


def run_batch(
    region: Path | str,
    outdir: Path | str,
    jobs: int | None = None,
    only: Sequence[str] = (),
    force: bool = False,
    fail_fast: bool = False,
    echo: Callable[[str], None] = print,
    today: dt.date | None = None,
    stream: TextIO | None = None,
    formats: Sequence[str] = DEFAULT_FORMATS,
    site: bool = False,
) -> BatchResult:
    """Build every municipality of a region file into outdir, plus the regional outputs and the manifest.

    Raises ProfileError for a broken region file, LockError when another run holds
    outdir, and KeyboardInterrupt after SIGTERM or Ctrl-C (finished work is kept).
    With more than one job the workers start through multiprocessing's forkserver,
    which imports the calling script again: call this from under
    ``if __name__ == "__main__":``, as the assembler command does.
    With `site`, or when the region file has a `site` section, outdir/site gets the regional website.
    """
    region_path = Path(region)
    out = Path(outdir)
    if not region_path.is_file():
        raise AssemblerError(f"regiobestand {region_path} niet gevonden")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"uitvoermap {out} kan niet worden gemaakt: {exc.strerror}") from exc
    run = _Run(
        region_path,
        out.resolve(),
        jobs or os.cpu_count() or 1,
        only,
        force,
        fail_fast,
        echo,
        today or dt.date.today(),
        stream if stream is not None else sys.stderr,
        tuple(formats),
        site,
    )
    with _sigterm_interrupts(), folder_lock(out):
        return run.execute()


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM stops a batch like Ctrl-C: workers are ended, finished work stays, no temporary files."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Run:
    def __init__(
        self,
        region_path: Path,
        outdir: Path,
        jobs: int,
        only: Sequence[str],
        force: bool,
        fail_fast: bool,
        echo: Callable[[str], None],
        today: dt.date,
        stream: TextIO,
        formats: tuple[str, ...],
        site: bool = False,
    ) -> None:
        self.region_path = region_path
        self.outdir = outdir
        self.jobs = max(1, jobs)
        self.only = tuple(only)
        self.force = force
        self.fail_fast = fail_fast
        self.echo = echo
        self.today = today
        self.stream = stream
        self.formats = formats
        self.site = site
        self.started = time.perf_counter()
        self.store = StateStore(outdir)
        self.failures: dict[str, Outcome] = {}
        self.built: set[str] = set()
        self.regional_seconds: dict[str, float] = {}
        self.site_outputs: dict[str, Output] = {}

    def execute(self) -> BatchResult:
        left = remove_temp_files(self.outdir)
        if left:
            self.echo(
                f"{_count(left, 'tijdelijk bestand', 'tijdelijke bestanden')} van een afgebroken run opgeruimd."
            )
        # Hashed before it is read: an edit during the run then shows up as a change next time.
        region_sha = sha256_file(self.region_path)
        region = load_region(self.region_path, display=self.region_path.name, today=self.today)
        self.region = region
        self.base = region.source.parent
        self.region_rel = relative(region.source, self.base)
        # The formats belong to the fingerprint: a build with fewer formats is not a full build.
        self.toolkit = {**toolkit_fingerprint(), "formaten": ",".join(self.formats)}
        self.inputs = HashCache(self.base)
        self.inputs.remember(self.region_rel, region_sha)
        self.outputs = OutputCheck(self.outdir)
        self.region_sha = region_sha
        result = BatchResult(regio=region.naam, outdir=self.outdir)

        self.records = self.store.load()
        # What the previous run built in this folder, to list on the "Wijzigingen" sheet.
        self.previous = dict(self.records)
        items = self._plan()
        selected = self._select(items)
        for stale in set(self.records) - {i.display for i in items}:
            self.store.forget(stale)  # no longer in the region file
            del self.records[stale]
        todo = []
        for item in selected:
            if item.conflict:
                self.failures[item.display] = Outcome(item.display, item.naam, item.slug, reden=item.conflict)
                result.mislukt.append(Failure(item.naam, item.display, item.conflict))
            elif item.current:
                result.overgeslagen.append(item.naam)
            else:
                todo.append(item)

        stopped = self._build(todo, result)
        result.niet_gestart = [i.naam for i in todo if i.display in stopped]
        self.changes = self._changes(items)
        result.wijzigingen = len(self.changes)
        self._finish(items, result)
        self._tally(items, result)
        result.seconden = time.perf_counter() - self.started
        return result

    # -- planning -------------------------------------------------------------------------------

    def _plan(self) -> list[Item]:
        today = self.today.isoformat()
        records = self.records
        items = []
        for path in self.region.municipalities:
            display = relative(path, self.base)
            record = records.get(display)
            valid = record is not None and self._still_valid(record, today)
            if record is not None and (valid or self.inputs.get(display) == record.invoer.get(display)):
                naam, folder = record.gemeente, record.map
            else:
                naam = _peek_name(path, display)
                folder = slug(naam)
            items.append(Item(path, display, naam, folder, valid, valid and not self.force))
        self._mark_conflicts(items)
        return items

    def _still_valid(self, record: Record, today: str) -> bool:
        if not record.inputs_unchanged(self.toolkit, self.inputs, today):
            return False
        stats = self.outputs.intact(record.uitvoer, record.stat)
        if stats is None:
            return False
        if stats != record.stat:
            # Verified by hashing (copied or touched files): remember them, so next time a stat will do.
            self.records[record.profiel] = replace(record, stat=stats)
            self.store.save(self.records[record.profiel])
        return True

    def _mark_conflicts(self, items: list[Item]) -> None:
        """Two municipalities must never write into the same folder."""
        taken = {f"regio-{slug(self.region.naam)}": f"het regiodocument van {self.region.naam}"}
        for item in items:
            other = taken.get(item.slug)
            if other is not None:
                item.conflict = (
                    f"zou in dezelfde map '{item.slug}/' komen als {other}; geef elke gemeente een eigen naam"
                )
                item.valid = item.current = False
            else:
                taken[item.slug] = f"{item.naam} ({item.display})"

    def _select(self, items: list[Item]) -> list[Item]:
        if not self.only:
            return items
        wanted = {w.casefold(): w for w in self.only}
        chosen, matched = [], set()
        for item in items:
            keys = {item.naam.casefold(), item.slug, Path(item.display).stem.casefold()}
            hits = {w for w in wanted if w in keys or slug(wanted[w]) == item.slug}
            if hits:
                chosen.append(item)
                matched |= hits
        unknown = [wanted[w] for w in wanted if w not in matched]
        if unknown:
            raise AssemblerError(
                f"onbekende gemeente bij --alleen: {', '.join(unknown)}; deze regio heeft: "
                + ", ".join(i.naam for i in items)
            )
        return chosen

    # -- building -------------------------------------------------------------------------------

    def _build(self, todo: list[Item], result: BatchResult) -> set[str]:
        """Build todo; returns the profiles that were never started because of --fail-fast."""
        if not todo:
            return set()
        jobs = [Job(i.path, i.display, i.naam, i.slug, self.outdir, self.today, self.formats) for i in todo]
        progress = Progress(len(jobs), self.echo, self.stream)
        not_started = {j.display for j in jobs}

        def handle(outcome: Outcome) -> bool:
            not_started.discard(outcome.display)
            if outcome.pid:  # 0: the worker died before it could report
                result.piek_verloop.append((outcome.pid, outcome.piek_kb))
                result.piek_per_worker_kb[outcome.pid] = max(
                    outcome.piek_kb, result.piek_per_worker_kb.get(outcome.pid, 0)
                )
            if outcome.ok:
                try:
                    write_owned(self.outdir, zip_name(outcome.slug), outcome.archief)
                except OutputError as exc:
                    outcome = replace(outcome, reden=str(exc))
            if outcome.ok:
                self.records[outcome.display] = record = self._record(outcome)
                self.store.save(record)
                self.built.add(outcome.display)
                result.gemaakt.append(outcome.naam)
                progress.finish(outcome.naam, "gemaakt", outcome.seconden)
                return True
            self.failures[outcome.display] = outcome
            result.mislukt.append(Failure(outcome.naam, outcome.display, outcome.reden or ""))
            progress.finish(outcome.naam, f"mislukt: {outcome.reden}", outcome.seconden)
            if outcome.detail and os.environ.get("ASSEMBLER_DEBUG"):
                self.echo(outcome.detail)
            return not self.fail_fast

        try:
            if self.jobs == 1:
                with forked.suspended():  # one process at a time, as asked
                    _run_here(self.region, jobs, progress, handle)
            elif len(jobs) == 1:
                _run_here(self.region, jobs, progress, handle)
            else:
                _run_pool(self.region, jobs, min(self.jobs, len(jobs)), progress, handle)
        except BaseException:
            progress.close()
            # Workers may have died mid-write; their temporary files must not outlive the run.
            remove_temp_files(self.outdir)
            self.echo(
                f"Batch gestopt: {_count(len(result.gemaakt), 'gemeente', 'gemeenten')} klaar en bewaard; "
                "draai de batch opnieuw om de rest te maken."
            )
            raise
        progress.close()
        return not_started if self.fail_fast and result.mislukt else set()

    def _record(self, outcome: Outcome) -> Record:
        assert outcome.gegevens is not None
        return Record(
            profiel=outcome.display,
            gemeente=outcome.naam,
            map=outcome.slug,
            toolkit=dict(self.toolkit),
            invoer={self.region_rel: self.region_sha, **outcome.invoer},
            uitvoer=outcome.uitvoer,
            gegevens=outcome.gegevens,
            vergelijk=outcome.vergelijk or {},
            vers_tot=outcome.vers_tot,
            stat=stats_of(self.outdir, outcome.uitvoer),
        ).sealed()

    # -- regional outputs and manifest ----------------------------------------------------------

    def _finish(self, items: list[Item], result: BatchResult) -> None:
        records = self.records
        files = regional_outputs(slug(self.region.naam), self.formats)
        # The regional outputs describe every municipality, so each must be done, skipped or failed.
        missing = [
            i.naam for i in items if not (i.valid or i.display in self.built or i.display in self.failures)
        ]
        state = self.store.load_region()
        if missing:
            result.regio_melding = (
                "Regiodocument en overzicht niet bijgewerkt: nog niet gemaakt of veranderd sinds de vorige "
                f"run: {', '.join(missing)}. Draai de batch zonder --alleen om ze bij te werken."
            )
        else:
            key = self._region_key(items)
            stats = self.outputs.intact(state.uitvoer, state.stat) if state.sleutel == key else None
            written: set[str] = set()
            if self.force or not state.uitvoer or stats is None:
                names = [rel for _, rel in files]
                try:
                    written = self._write_regional(items, names)
                except AssemblerError as exc:
                    # The municipalities are done and kept; the region's files stay as they were.
                    result.regio_fout = f"Regiodocument en overzicht niet bijgewerkt: {exc}"
                    files = []
                else:
                    state = RegionState(key, outputs_of(self.outdir, names), stats_of(self.outdir, names))
                    self.store.save_region(state)
            elif stats != state.stat:
                state = replace(state, stat=stats or {})
                self.store.save_region(state)
            result.bestanden += [(label, self.outdir / rel, rel in written) for label, rel in files]
            result.regio_seconden = {
                label: self.regional_seconds[rel] for label, rel in files if rel in self.regional_seconds
            }
            if self.site or "site" in self.region.data:
                self._write_site(items, result)
        failures = {
            self.failures[i.display].slug: (i.naam, i.display, self.failures[i.display].reden or "")
            for i in items
            if i.display in self.failures
        }
        data = manifest(
            self.toolkit,
            self.region.naam,
            self.region_rel,
            self.region_sha,
            state.uitvoer,
            [records[i.display] for i in items if i.display in records],
            failures,
            self.site_outputs,
        )
        path = self.outdir / MANIFEST_NAME
        result.bestanden.append(("Manifest", path, write_owned(self.outdir, MANIFEST_NAME, dumps(data))))

    def _tally(self, items: list[Item], result: BatchResult) -> None:
        """Errors and warnings of the region and every municipality, built, skipped or failed."""
        found = [p.is_error for p in self.region.warnings]
        for item in items:
            if item.display in self.failures:
                found += [p.is_error for p in self.failures[item.display].problemen] or [True]
            elif item.display in self.records:
                found += [f["soort"] == "fout" for f in self.records[item.display].gegevens["bevindingen"]]
        result.fouten, result.waarschuwingen = sum(found), len(found) - sum(found)

    def _changes(self, items: list[Item]) -> list[tuple[str, str, str]]:
        """Per municipality built this run, what changed since the previous run into this folder."""
        if not self.previous:
            return []  # a first run has nothing to compare with
        from assembler.batch.manifest import dated
        from assembler.model.changes import compare_content, compare_profiles
        from assembler.national import national_content

        content = national_content()
        rows: list[tuple[str, str, str]] = []
        for item in items:
            record = self.records.get(item.display)
            if item.display not in self.built or record is None:
                continue
            before = self.previous.get(item.display)
            # Built here for the first time (also the rest of an interrupted first run): nothing
            # to compare with, and a finished rerun must equal an uninterrupted run byte for byte.
            if before is None or not before.vergelijk or not record.vergelijk:
                continue
            changes = compare_content(
                before.toolkit.get("landelijke_inhoud"), record.toolkit.get("landelijke_inhoud")
            )
            changes += compare_profiles(dated(before.vergelijk), dated(record.vergelijk), content)
            rows += [(record.gemeente, c.subject, c.text) for c in changes]
        listed = {i.display for i in items}
        rows += [
            (r.gemeente, r.gemeente, "Niet meer in het regiobestand.")
            for d, r in self.previous.items()
            if d not in listed
        ]
        return rows

    def _write_site(self, items: list[Item], result: BatchResult) -> None:
        # Imported here: only a run with a site needs the web renderer in this process.
        from assembler.batch.site import members_of, write_site

        # A municipality that failed this time keeps its last good page online.
        entries = [(i.path, self.records[i.display]) for i in items if i.display in self.records]
        try:
            folder, written, files = write_site(
                self.region,
                self.outdir,
                members_of(self.region, self.outdir, entries, self.today),
                self.today,
            )
        except AssemblerError as exc:
            result.site_melding = f"Website niet bijgewerkt: {exc}"
            return
        result.bestanden.append(("Website", folder / "index.html", written))
        prefix = folder.relative_to(self.outdir).as_posix()
        self.site_outputs = {f"{prefix}/{rel}": Output(sha256_bytes(b), len(b)) for rel, b in files.items()}

    def _region_key(self, items: list[Item]) -> str:
        """Everything the regional outputs are made from; equal keys mean equal documents."""
        parts: list[dict[str, Any]] = []
        for item in items:
            if item.display in self.failures:
                failure = self.failures[item.display]
                problems = [p.format() for p in failure.problemen]
                parts.append({"mislukt": [item.naam, item.display, failure.reden, problems]})
            else:
                parts.append({"gemaakt": self.records[item.display].inhoud})
        data = {
            "toolkit": self.toolkit,
            "regio": self.region_sha,
            "regio_problemen": [p.format() for p in self.region.warnings],
            "gemeenten": parts,
            # The sheet lists this run's changes: an unchanged rerun must empty it again.
            "wijzigingen": self.changes,
        }
        return sha256_bytes(dumps(data))

    def _write_regional(self, items: list[Item], names: list[str]) -> set[str]:
        """Render every regional output, then write those whose bytes changed; returns their names."""
        # Imported here: a rerun without changes never needs docxtpl, WeasyPrint or openpyxl.
        from assembler.batch.regional import render_regional
        from assembler.model.region import ChangeRow, MunicipalityEntry, failed_entry, from_data

        entries, failed = [], []
        for item in items:
            failure = self.failures.get(item.display)
            if failure is not None:
                failed.append(failed_entry(item.naam, item.display, failure.reden or "", failure.problemen))
            else:
                entries.append(from_data(MunicipalityEntry, self.records[item.display].gegevens))
        rendered = render_regional(
            self.region,
            entries,
            failed,
            self.today,
            [ChangeRow(*row) for row in self.changes],
            names,
            parallel=self.jobs > 1,
        )
        self.regional_seconds = {name: made.seconds for name, made in rendered.items()}
        return {name for name, made in rendered.items() if write_owned(self.outdir, name, made.data)}


def write_owned(outdir: Path, rel: str, data: bytes) -> bool:
    """Write outdir/rel unless it already holds exactly data; never over a file someone else made."""
    target = outdir / rel
    try:
        if target.read_bytes() == data:
            return False
    except OSError:
        pass
    folder, name = target.parent, target.name
    check_writable(folder, [name])
    announce(folder, {name: data})
    atomic_write(target, data)
    record_written(folder, {name: data})
    return True


def _peek_name(path: Path, display: str) -> str:
    """The municipality's name without validating the profile; a broken file shows as its file name."""
    try:
        name = load_document(path, display).data.get("naam")
    except (ProfileError, OSError):
        name = None
    return name.strip() if isinstance(name, str) and name.strip() else path.stem


def _run_here(region: Region, jobs: list[Job], progress: Progress, handle: Callable[[Outcome], bool]) -> None:
    from assembler.batch.worker import build_one, use_region

    use_region(region)
    for job in jobs:
        progress.start(job.naam)
        if not handle(build_one(job)):
            return


def _new_pool(region: Region, workers: int) -> ProcessPoolExecutor:
    # forkserver: workers share no open files with the parent (not the folder lock either) and
    # start from a process that already imported the builders.
    context = multiprocessing.get_context("forkserver")
    from assembler.builders import REGISTRY

    context.set_forkserver_preload(["assembler.batch.worker", *(v.split(":")[0] for v in REGISTRY.values())])
    from assembler.batch.worker import init_worker

    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=init_worker,
        initargs=(region, os.getpid()),
        max_tasks_per_child=WORKER_TASKS,
    )


def _run_pool(
    region: Region,
    jobs: list[Job],
    workers: int,
    progress: Progress,
    handle: Callable[[Outcome], bool],
) -> None:
    """At most `workers` jobs in flight, so 'in hand' is true and --fail-fast stops soon."""
    from assembler.batch.worker import build_one

    pending = deque(jobs)
    crashed: set[str] = set()
    pool = _new_pool(region, workers)
    running: dict[Future[Outcome], Job] = {}
    try:
        stop = False
        while (pending and not stop) or running:
            while pending and not stop and len(running) < workers:
                job = pending.popleft()
                running[pool.submit(build_one, job)] = job
                progress.start(job.naam)
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            lost: list[Job] = []
            for future in done:
                job = running.pop(future)
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    lost.append(job)
                    continue
                if not handle(outcome):
                    stop = True
            if lost:
                # A dead worker breaks the whole pool. Which job killed it is unknown, so every job
                # in flight gets one more try in a fresh pool; a job that breaks a pool twice fails.
                lost += running.values()
                running.clear()
                _terminate(pool)
                for job in reversed(lost):
                    progress.drop(job.naam)
                    if job.display in crashed:
                        if not handle(Outcome(job.display, job.naam, job.slug, reden=BROKEN_WORKER)):
                            stop = True
                    else:
                        crashed.add(job.display)
                        pending.appendleft(job)
                pool = _new_pool(region, workers)
    except BaseException:
        _terminate(pool)
        raise
    pool.shutdown(wait=True)


def _terminate(pool: ProcessPoolExecutor) -> None:
    """End the workers now: shutdown() alone would let each finish its municipality first."""
    # _processes is private, but the executor has no public way to end running workers.
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in workers:
        with contextlib.suppress(Exception):
            process.join(timeout=5)
