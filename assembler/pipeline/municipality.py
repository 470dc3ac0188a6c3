"""Builds one municipality: profile to model to the chosen builders, all outputs or none changed."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assembler.builders.base import BuildContext
from assembler.builders.registry import DEFAULT_FORMATS, Kind, of_kind
from assembler.errors import AssemblerError, FitError, OutputError
from assembler.model.routekaart import Routekaart
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.pipeline.blame import placed
from assembler.pipeline.output import folder_lock, held_interrupts, remove_temp_files, safe_child, write_files
from assembler.pipeline.ownership import announce, check_writable, record_written
from assembler.pipeline.produce import files_of, produce
from assembler.problems import Problem
from assembler.profile.reading import Profile, Region, load_profile


@dataclass
class BuildResult:
    profile: Profile
    model: Routekaart
    folder: Path
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.profile.warnings


def parse_formats(text: str | None) -> tuple[str, ...]:
    """'docx,pdf' to ('docx', 'pdf'); None gives every format (the registry's municipal outputs)."""
    choices = [e.name for e in of_kind(Kind.MUNICIPALITY)]
    if not text:
        return tuple(choices)
    wanted = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [w for w in wanted if w not in choices]
    if unknown or not wanted:
        raise AssemblerError(f"onbekend formaat: {', '.join(unknown) or '(leeg)'}; kies uit {', '.join(choices)}")
    return wanted



def build_profile(
    path: Path,
    outdir: Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    template: Path | None = None,
    region: Region | None = None,
    today: dt.date | None = None,
    display: str | None = None,
    lock: bool = False,
) -> BuildResult:
    """Load, tailor, render every format, then write them all; `lock` takes the output folder's
    lock for the writing (a single build on the command line; a batch holds it already)."""
    profile = load_profile(path, display=display, region=region, today=today)
    content = national_content()
    model = tailor(profile, content)
    folder = safe_child(outdir, model.slug)
    context = BuildContext(
        content=content, template=template or profile.file("sjabloon"), roots=(profile.source.parent,)
    )
    result = BuildResult(profile=profile, model=model, folder=folder)
    # Render and check everything first, so a failing format leaves every old output in place.
    try:
        rendered = render_all(context, model, formats)
    except FitError as exc:
        # Name the profile field that holds the text, when it is the municipality's own.
        raise placed(profile, exc) or exc from exc
    with folder_lock(outdir) if lock else contextlib.nullcontext():
        result.files = commit(folder, rendered)
    result.warnings = context.warnings
    return result


def render_all(context: BuildContext, model: Routekaart, formats: Sequence[str]) -> dict[str, bytes]:
    """Every format rendered and checked, in the order asked; warnings in that order too."""
    return files_of(produce(formats, model, context))


def commit(folder: Path, rendered: dict[str, bytes]) -> list[Path]:
    """Write a municipality's outputs as one step: only over files we made, with Ctrl-C held
    for the moment it takes, and an unwritable folder reported in Dutch."""
    try:
        # Temporary files of a run that was killed outright (power cut, kill -9) are ours by name.
        remove_temp_files(folder)
        check_writable(folder, list(rendered))
        with held_interrupts():
            announce(folder, rendered)
            files = write_files(folder, rendered)
            record_written(folder, rendered)
    except OSError as exc:
        raise OutputError(
            f"kan niet schrijven in {folder} ({exc.strerror or exc}); de eerdere uitvoer is ongewijzigd"
        ) from exc
    return files
