"""Region batch runs: every municipality in worker processes, then the regional outputs, the site and
the manifest.

A municipality is skipped when the files its last build read are unchanged and
its outputs are intact; deciding that only hashes files. One that fails does not
stop the others. The output folder is locked for the duration of a run.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

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
from assembler.batch.plan import Item, Planner, select
from assembler.batch.pool import run_here, run_pool, sigterm_interrupts
from assembler.batch.progress import Progress
from assembler.batch.result import BatchResult, Failure
from assembler.batch.worker import Job, Outcome, zip_name
from assembler.builders.registry import DEFAULT_FORMATS, Entry, entry, regional
from assembler.dutch import plural
from assembler.errors import AssemblerError, OutputError
from assembler.model.region import RegionModel
from assembler.naming import slug
from assembler.pipeline.output import folder_lock, remove_temp_files
from assembler.pipeline.ownership import write_owned
from assembler.profile.reading import Region, load_region

__all__ = ["BatchResult", "Failure", "run_batch"]


@dataclass(frozen=True)
class Settings:
    """How a run was asked for."""

    region_path: Path
    outdir: Path
    jobs: int
    only: tuple[str, ...]
    force: bool
    fail_fast: bool
    echo: Callable[[str], None]
    today: dt.date
    stream: TextIO
    formats: tuple[str, ...]
    site: bool


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
    settings = Settings(
        region_path,
        out.resolve(),
        max(1, jobs or os.cpu_count() or 1),
        tuple(only),
        force,
        fail_fast,
        echo,
        today or dt.date.today(),
        stream if stream is not None else sys.stderr,
        tuple(formats),
        site,
    )
    with sigterm_interrupts(), folder_lock(out):
        started = time.perf_counter()
        left = remove_temp_files(settings.outdir)
        if left:
            echo(
                f"{plural(left, 'tijdelijk bestand', 'tijdelijke bestanden')} van een afgebroken run opgeruimd."
            )
        # Hashed before it is read: an edit during the run then shows up as a change next time.
        region_sha = sha256_file(region_path)
        loaded = load_region(region_path, display=region_path.name, today=settings.today)
        result = _Run(settings, loaded, region_sha).execute()
        result.seconden = time.perf_counter() - started
        return result


class _Run:
    """One run over a loaded region: plan, build the municipalities, then the region's outputs."""

    def __init__(self, settings: Settings, region: Region, region_sha: str) -> None:
        self.settings = settings
        self.outdir = settings.outdir
        self.region = region
        self.region_sha = region_sha
        self.base = region.source.parent
        self.region_rel = relative(region.source, self.base)
        # The formats belong to the fingerprint: a build with fewer formats is not a full build.
        self.toolkit = {**toolkit_fingerprint(), "formaten": ",".join(settings.formats)}
        self.inputs = HashCache(self.base)
        self.inputs.remember(self.region_rel, region_sha)
        self.outputs = OutputCheck(self.outdir)
        self.store = StateStore(self.outdir)
        self.records = self.store.load()
        # What the previous run built in this folder, to list on the "Wijzigingen" sheet.
        self.previous = dict(self.records)
        self.failures: dict[str, Outcome] = {}
        self.built: set[str] = set()
        self.changes: list[tuple[str, str, str]] = []
        self.site_outputs: dict[str, Output] = {}

    def execute(self) -> BatchResult:
        result = BatchResult(regio=self.region.naam, outdir=self.outdir)
        planner = Planner(
            self.region,
            self.base,
            self.toolkit,
            self.inputs,
            self.outputs,
            self.store,
            self.records,
            self.settings.force,
        )
        items = planner.plan(self.settings.today.isoformat())
        selected = select(items, self.settings.only)
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
        from assembler.batch.regional import change_rows

        self.changes = change_rows(self.previous, self.records, self.built, items)
        result.wijzigingen = len(self.changes)
        self._finish(items, result)
        return result

    # -- the municipalities -----------------------------------------------------------------------

    def _build(self, todo: list[Item], result: BatchResult) -> set[str]:
        """Build todo; returns the profiles that were never started because of --fail-fast."""
        if not todo:
            return set()
        s = self.settings
        jobs = [Job(i.path, i.display, i.naam, i.slug, self.outdir, s.today, s.formats) for i in todo]
        progress = Progress(len(jobs), s.echo, s.stream)
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
                s.echo(outcome.detail)
            return not s.fail_fast

        try:
            if s.jobs == 1:
                with forked.suspended():  # one process at a time, as asked
                    run_here(self.region, jobs, progress, handle)
            elif len(jobs) == 1:
                run_here(self.region, jobs, progress, handle)
            else:
                run_pool(self.region, jobs, min(s.jobs, len(jobs)), progress, handle)
        except BaseException:
            progress.close()
            # Workers may have died mid-write; their temporary files must not outlive the run.
            remove_temp_files(self.outdir)
            s.echo(
                f"Batch gestopt: {plural(len(result.gemaakt), 'gemeente', 'gemeenten')} klaar en bewaard; "
                "draai de batch opnieuw om de rest te maken."
            )
            raise
        progress.close()
        return not_started if s.fail_fast and result.mislukt else set()

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

    # -- the region: its outputs, the site and the manifest -----------------------------------------

    def _finish(self, items: list[Item], result: BatchResult) -> None:
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
            state, model = self._regional(items, state, result)
            if self.settings.site or "site" in self.region.data:
                self._write_site(items, model, result)
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
            [self.records[i.display] for i in items if i.display in self.records],
            failures,
            self.site_outputs,
        )
        path = self.outdir / MANIFEST_NAME
        result.bestanden.append(("Manifest", path, write_owned(self.outdir, MANIFEST_NAME, dumps(data))))

    def _regional(
        self, items: list[Item], state: RegionState, result: BatchResult
    ) -> tuple[RegionState, Callable[[], RegionModel]]:
        """Render and write the regional outputs unless they are up to date; returns the region's state
        and the regional model (made at most once, for the outputs and the site)."""
        from assembler.batch.regional import Inputs

        inputs = Inputs(
            self.toolkit, self.region, self.region_sha, items, self.records, self.failures, self.changes
        )
        made: list[RegionModel] = []

        def model() -> RegionModel:
            if not made:
                made.append(inputs.model(self.settings.today))
            return made[0]

        outputs = regional(self.settings.formats)
        files = [(e.label, rel) for e in outputs for rel in e.filenames(slug(self.region.naam))]
        key = inputs.key()
        stats = self.outputs.intact(state.uitvoer, state.stat) if state.sleutel == key else None
        written: set[str] = set()
        seconds: dict[str, float] = {}
        if self.settings.force or not state.uitvoer or stats is None:
            names = [rel for _, rel in files]
            try:
                written, seconds = self._write_regional(model(), outputs)
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
        result.regio_seconden = {label: seconds[label] for label, _ in files if label in seconds}
        return state, model

    def _write_regional(
        self, model: RegionModel, entries: Sequence[Entry]
    ) -> tuple[set[str], dict[str, float]]:
        """Render every regional output, then write the files whose bytes changed; returns their names
        and the seconds each output took, by its label."""
        # Imported here: a rerun without changes never needs a renderer.
        from assembler.batch.regional import render_regional

        rendered = render_regional(model, entries, parallel=self.settings.jobs > 1)
        written = {
            rel
            for made in rendered.values()
            for rel, data in made.files.items()
            if write_owned(self.outdir, rel, data)
        }
        return written, {e.label: rendered[e.name].seconds for e in entries}

    def _write_site(self, items: list[Item], model: Callable[[], RegionModel], result: BatchResult) -> None:
        # Imported here: only a run with a site needs the web renderer in this process.
        from assembler.batch.site import members_of, write_site

        # A municipality that failed this time keeps its last good page online.
        entries = [(i.path, self.records[i.display]) for i in items if i.display in self.records]
        today = self.settings.today
        try:
            folder, written, files = write_site(
                self.region, model(), self.outdir, members_of(self.region, self.outdir, entries, today), today
            )
        except AssemblerError as exc:
            result.site_melding = f"Website niet bijgewerkt: {exc}"
            return
        site = entry("site")
        result.bestanden.append((site.label, folder / site.filenames(slug(self.region.naam))[0], written))
        prefix = folder.relative_to(self.outdir).as_posix()
        self.site_outputs = {f"{prefix}/{rel}": Output(sha256_bytes(b), len(b)) for rel, b in files.items()}
