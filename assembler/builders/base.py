"""The fixed sequence every builder follows: prepare, render to bytes, check the bytes.

Writing is the pipeline's job (pipeline/municipality.py), all formats at once and only after every check passed.
"""

from __future__ import annotations

import contextlib
import gc
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from assembler.model.routekaart import Routekaart
from assembler.national import NationalContent
from assembler.profile.reading import Profile


@dataclass
class BuildContext:
    """What a builder may use besides the model; warnings it collects go back to the user."""

    profile: Profile
    content: NationalContent
    template: Path | None = None
    warnings: list[str] = field(default_factory=list)


class Builder(ABC):
    name: ClassVar[str]
    label: ClassVar[str]

    def __init__(self, context: BuildContext) -> None:
        self.context = context

    @abstractmethod
    def filenames(self, model: Routekaart) -> list[str]:
        """The names of the files this builder writes into the municipality's folder."""

    def prepare(self, model: Routekaart) -> None:
        """Checks that must pass before rendering (templates, overflow)."""

    @abstractmethod
    def render(self, model: Routekaart) -> dict[str, bytes]:
        """Every output file's name and content."""

    def check(self, name: str, data: bytes) -> None:
        """Read an output back and raise BuildError when it is not valid."""

    def produce(self, model: Routekaart) -> dict[str, bytes]:
        """Prepare, render and check; nothing is written yet."""
        with collector_paused():
            self.prepare(model)
            rendered = self.render(model)
            for name, data in rendered.items():
                self.check(name, data)
        return rendered


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a document is made, back on afterwards.

    A layout makes millions of short-lived objects (boxes, styles, XML nodes) that reference
    counting frees on its own; the collector would walk the whole growing heap again and
    again meanwhile, a sixth of a PDF build, to find next to nothing (a few MB more at peak).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
