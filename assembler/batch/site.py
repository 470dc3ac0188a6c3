"""The regional website after a batch: which municipalities it shows, and writing site/ so that
unchanged files are left alone and files of municipalities that left the region are removed."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from assembler.batch.manifest import STATE_DIR, Record
from assembler.builders.site.builder import Member, SiteBuilder, SiteState
from assembler.errors import OutputError
from assembler.model.routekaart import Routekaart
from assembler.model.tailor import tailor, tailor_region
from assembler.national import national_content
from assembler.pipeline.output import atomic_write, remove_temp_files, safe_child
from assembler.profile.reading import Region, load_profile

SITE_DIR = "site"
STATE_NAME = "site.staat"  # not .json: the record store reads every .json file in its folder


def _model_loader(path: Path, display: str, region: Region, today: dt.date) -> Callable[[], Routekaart]:
    def load() -> Routekaart:
        return tailor(load_profile(path, display=display, region=region, today=today), national_content())

    return load


def members_of(
    region: Region, outdir: Path, entries: list[tuple[Path, Record]], today: dt.date
) -> list[Member]:
    """The municipalities with a current build: their records say which files they have."""
    members = []
    for path, record in entries:
        downloads = tuple(
            outdir / rel
            for rel in sorted(record.uitvoer)
            if rel.startswith(f"{record.map}/") and not rel.endswith(".html")
        )
        members.append(
            Member(
                naam=record.gemeente,
                slug=record.map,
                sleutel=record.inhoud,
                bestanden=downloads,
                model=_model_loader(path, record.profiel, region, today),
            )
        )
    return members


def write_site(
    region: Region, outdir: Path, members: list[Member], today: dt.date
) -> tuple[Path, bool, dict[str, bytes]]:
    """Build and write outdir/site; returns its folder, whether any file changed, and every file of
    the site by its path under that folder (for the manifest)."""
    folder = safe_child(outdir, SITE_DIR)
    state_path = outdir / STATE_DIR / STATE_NAME
    try:
        old = SiteState.from_json(state_path.read_bytes())
    except OSError:
        old = SiteState.from_json(None)
    ours = {rel for page in old.paginas.values() for rel in (page.get("bestanden") or {})}

    def existing(rel: str) -> bytes | None:
        try:
            return (folder / rel).read_bytes()
        except OSError:
            return None

    vt, _partners = tailor_region(region.data, national_content())
    files, state = SiteBuilder(region.data, vt, today, old, existing).build(members)
    ours |= set(_shared(old))
    state.paginas["_gedeeld"] = {"bestanden": {rel: "" for rel in files if _is_shared(rel)}}
    todo = {}
    for rel, data in sorted(files.items()):
        current = existing(rel)
        if current == data:
            continue
        if current is not None and rel not in ours:
            raise OutputError(
                f"{folder / rel} bestaat al en is niet door de toolkit gemaakt; "
                "verplaats het of kies een andere uitvoermap"
            )
        todo[rel] = data
    try:
        # The state first: whatever a killed run already wrote is then known to be ours.
        state_path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(state_path, state.dumps())
        folder.mkdir(exist_ok=True)
        remove_temp_files(folder)
        changed = bool(todo)
        for rel, data in todo.items():
            target = safe_child(folder, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, data)
        for rel in sorted(ours - set(files)):
            # Pages of municipalities no longer in the region, made by an earlier run.
            with contextlib.suppress(FileNotFoundError):
                (folder / rel).unlink()
                changed = True
            with contextlib.suppress(OSError):
                (folder / rel).parent.rmdir()
    except OSError as exc:
        raise OutputError(f"kan de site niet schrijven in {folder}: {exc.strerror or exc}") from exc
    return folder, changed, files


def _is_shared(rel: str) -> bool:
    return "/" not in rel or rel.startswith(("assets/", "toegankelijkheid/", "sitemaps/"))


def _shared(state: SiteState) -> list[str]:
    return list((state.paginas.get("_gedeeld") or {}).get("bestanden") or {})
