"""The contract every builder keeps: prepare, render to bytes, check the bytes.

A builder is made with a BuildContext and given its model: a Routekaart, the RegionModel,
the SiteModel or a Redline (builders/registry.py says which). Writing is the caller's job
(pipeline/municipality.py, batch/, pipeline/compare.py), all files at once and only after
every check passed.
"""

from __future__ import annotations

import contextlib
import gc
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from assembler.builders.registry import Entry, entry_of
from assembler.errors import BuildError
from assembler.national import NationalContent


class Model(Protocol):
    """What every model gives a builder to name its files by."""

    @property
    def slug(self) -> str: ...


M = TypeVar("M", bound=Model, contravariant=True)


def _nothing(rel: str) -> bytes | None:
    return None


@dataclass
class BuildContext:
    """What a builder may use besides its model; warnings it collects go back to the user."""

    content: NationalContent | None = None  # the national texts (the cards' fixed headings)
    template: Path | None = None  # a municipality's own Word template, instead of the shipped one
    roots: tuple[Path, ...] = ()  # folders a renderer may read files from (the profile's folder)
    # A file of this output as the previous run left it, by its name; None when there is none.
    # A builder that remakes only what changed (the site) reuses the rest from here.
    existing: Callable[[str], bytes | None] = _nothing
    # What such a builder keeps for its next run (the site: each page's key and date), set while
    # it renders; the caller stores it and hands it back through the next run's model.
    kept: bytes | None = None
    warnings: list[str] = field(default_factory=list)

    def national(self) -> NationalContent:
        """The national content, for a builder that prints some of its fixed texts itself."""
        if self.content is None:
            raise BuildError("interne fout: deze uitvoer heeft de landelijke inhoud nodig en kreeg die niet")
        return self.content


class Builder(ABC, Generic[M]):
    """One registered output; its name, label and files are its line in builders/registry.py."""

    def __init__(self, context: BuildContext) -> None:
        self.context = context
        self.entry: Entry = entry_of(type(self))

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def label(self) -> str:
        return self.entry.label

    def filenames(self, model: M) -> list[str]:
        """The names of the files this builder writes."""
        return self.entry.filenames(model.slug)

    def prepare(self, model: M) -> None:
        """Checks that must pass before rendering (templates, overflow)."""

    def preflight(self, model: M) -> None:
        """What `validate` asks of this output: the checks the build would make of the model,
        without drawing files. By default the same as prepare."""
        self.prepare(model)

    def preview(self, model: M) -> str | None:
        """This output as one self-contained web page for a screen, or None when it offers none.

        The editor's live preview (`assembler bewerk`) asks for it after every change, so it
        is drawn without a layout engine and without checks; nothing is written.
        """
        return None

    @abstractmethod
    def render(self, model: M) -> dict[str, bytes]:
        """Every output file's name and content."""

    def check(self, model: M, name: str, data: bytes) -> None:
        """Read an output back and raise BuildError when it is not valid or does not show the model."""

    def produce(self, model: M) -> dict[str, bytes]:
        """Prepare, render and check; nothing is written yet."""
        with collector_paused():
            self.prepare(model)
            rendered = self.render(model)
            for name, data in rendered.items():
                self.check(model, name, data)
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
