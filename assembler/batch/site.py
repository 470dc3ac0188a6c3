"""The regional website after a batch: which municipalities it shows, and writing site/ so that
unchanged files are left alone and files of municipalities that left the region are removed."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from assembler.batch.manifest import STATE_DIR, Record
from assembler.builders.base import BuildContext
from assembler.builders.registry import Kind, of_kind
from assembler.errors import OutputError
from assembler.model.region import RegionModel
from assembler.model.routekaart import Routekaart
from assembler.model.site import SiteFile, SiteMember, SiteState, site_model
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.pipeline.output import atomic_write, remove_temp_files, safe_child
from assembler.pipeline.produce import produce
from assembler.profile.reading import Region, load_profile

SITE_DIR = "site"
STATE_NAME = "site.staat"  # not .json: the record store reads every .json file in its folder


def _model_loader(path: Path, display: str, region: Region, today: dt.date) -> Callable[[], Routekaart]:
    def load() -> Routekaart:
        return tailor(load_profile(path, display=display, region=region, today=today), national_content())

    return load


def offered(outdir: Path, record: Record) -> tuple[SiteFile, ...]:
    """The files of a municipality's build the site offers, in the registry's order, with the words the
    registry gives each."""
    files = []
    for output in of_kind(Kind.MUNICIPALITY):
        for name, offer in zip(output.filenames(record.map), output.offers, strict=True):
            rel = f"{record.map}/{name}"
            if offer is not None and rel in record.uitvoer:
                files.append(SiteFile(outdir / rel, offer.label, offer.soort))
    return tuple(files)


def members_of(
    region: Region, outdir: Path, entries: list[tuple[Path, Record]], today: dt.date
) -> list[SiteMember]:
    """The municipalities with a current build: their records say which files they have."""
    members = []
    for path, record in entries:
        downloads = offered(outdir, record)
        members.append(
            SiteMember(
                naam=record.gemeente,
                slug=record.map,
                sleutel=record.inhoud,
                bestanden=downloads,
                model=_model_loader(path, record.profiel, region, today),
            )
        )
    return members


def write_site(
    region: Region, model: RegionModel, outdir: Path, members: list[SiteMember], today: dt.date
) -> tuple[Path, bool, dict[str, bytes]]:
    """Build and write outdir/site; returns its folder, whether any file changed, and every file of
    the site by its path under that folder (for the manifest)."""
    folder = safe_child(outdir, SITE_DIR)
    state_path = outdir / STATE_DIR / STATE_NAME
    try:
        old = SiteState.from_json(state_path.read_bytes())
    except OSError:
        old = SiteState.from_json(None)
    ours = old.files()

    def existing(rel: str) -> bytes | None:
        try:
            return (folder / rel).read_bytes()
        except OSError:
            return None

    site = site_model(model, region.data.get("site"), national_content(), tuple(members), old, today)
    context = BuildContext(existing=existing)
    files = produce(["site"], site, context)["site"].files
    state = context.kept or SiteState({}).dumps()
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
        atomic_write(state_path, state)
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

