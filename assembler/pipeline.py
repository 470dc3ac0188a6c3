"""Builds one municipality: profile to model to the chosen builders, all outputs or none changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assembler.builders import DEFAULT_FORMATS, REGISTRY, get_builder
from assembler.builders.base import BuildContext, write_all
from assembler.content import national_content
from assembler.errors import AssemblerError
from assembler.model import Routekaart
from assembler.output import safe_child
from assembler.ownership import announce, check_writable, record_written
from assembler.problems import Problem
from assembler.profile import Profile, Region, load_profile
from assembler.tailor import tailor


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
    """'docx,pdf' to ('docx', 'pdf'); None gives every format."""
    if not text:
        return DEFAULT_FORMATS
    wanted = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [w for w in wanted if w not in REGISTRY]
    if unknown or not wanted:
        raise AssemblerError(
            f"onbekend formaat: {', '.join(unknown) or '(leeg)'}; kies uit {', '.join(REGISTRY)}"
        )
    return wanted


def build_profile(
    path: Path,
    outdir: Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    template: Path | None = None,
    region: Region | None = None,
    today: dt.date | None = None,
    display: str | None = None,
) -> BuildResult:
    profile = load_profile(path, display=display, region=region, today=today)
    content = national_content()
    model = tailor(profile, content)
    folder = safe_child(outdir, model.slug)
    context = BuildContext(profile=profile, content=content, template=template or profile.file("sjabloon"))
    result = BuildResult(profile=profile, model=model, folder=folder)
    # Render and check everything first, so a failing format leaves every old output in place.
    rendered: dict[str, bytes] = {}
    for name in formats:
        rendered.update(get_builder(name)(context).produce(model))
    check_writable(folder, list(rendered))
    announce(folder, rendered)
    result.files = write_all(folder, rendered)
    record_written(folder, rendered)
    result.warnings = context.warnings
    return result
