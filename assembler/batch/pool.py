"""Running the municipalities' builds: in this process, or in a pool of worker processes that
survives a worker dying, and stops at once on Ctrl-C or SIGTERM."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from assembler.batch.progress import Progress
from assembler.batch.worker import Job, Outcome
from assembler.builders.registry import Kind, of_kind
from assembler.profile.reading import Region

# A worker is replaced after this many municipalities: the rendering libraries keep caches that
# grow slowly, and a fresh worker (forked from the preloaded server) costs a second or two.
WORKER_TASKS = 50
BROKEN_WORKER = "het werkproces stopte onverwacht (bijvoorbeeld door geheugengebrek)"

# Called with each outcome; False stops the run (--fail-fast).
Handler = Callable[[Outcome], bool]


@contextlib.contextmanager
def sigterm_interrupts() -> Iterator[None]:
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


def run_here(region: Region, jobs: list[Job], progress: Progress, handle: Handler) -> None:
    from assembler.batch.worker import build_one, use_region

    use_region(region)
    for job in jobs:
        progress.start(job.naam)
        if not handle(build_one(job)):
            return


def _new_pool(region: Region, workers: int) -> ProcessPoolExecutor:
    # forkserver: workers share no open files with the parent (not the folder lock either) and
    # start from a process that already imported the municipal builders.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(
        ["assembler.batch.worker", *(e.module for e in of_kind(Kind.MUNICIPALITY))]
    )
    from assembler.batch.worker import init_worker

    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=init_worker,
        initargs=(region, os.getpid()),
        max_tasks_per_child=WORKER_TASKS,
    )


def run_pool(region: Region, jobs: list[Job], workers: int, progress: Progress, handle: Handler) -> None:
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
