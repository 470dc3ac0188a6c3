"""Outputs made from one model through the registry: rendered, read back, nothing written yet.

Every command that makes files (`build`, `batch`, `wijzigingen`) asks for its outputs by
name here; the registry (builders/registry.py) says which builder makes each.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assembler.builders.base import BuildContext
from assembler.builders.registry import REGISTRY, make
from assembler.forked import Forked


@dataclass(frozen=True)
class Made:
    """One output: its files by name, the warnings its builder gave, how long it took."""

    files: dict[str, bytes]
    warnings: tuple[str, ...]
    seconds: float


def produce(
    names: Sequence[str], model: Any, context: BuildContext, parallel: bool = True
) -> dict[str, Made]:
    """Each named output of the model, in the order asked; the builder's warnings also land in
    context.warnings, in that order and each once.

    With `parallel` and more than one output, the one the registry marks `aside` (the
    slowest) is drawn on a second core (assembler/forked.py) while the others are made;
    the bytes are the same either way.
    """

    def one(name: str) -> Made:
        started = time.perf_counter()
        before = len(context.warnings)
        files = make(name, context).produce(model)
        added = tuple(context.warnings[before:])
        del context.warnings[before:]
        return Made(files, added, time.perf_counter() - started)

    aside = next((n for n in names if REGISTRY[n].aside), None) if parallel and len(names) > 1 else None
    done: dict[str, Made] = {}
    with Forked(lambda: one(aside)) if aside else contextlib.nullcontext() as pending:
        for name in names:
            if name != aside:
                done[name] = one(name)
        if pending is not None and aside is not None:
            done[aside] = pending.result()
    for name in names:
        context.warnings.extend(w for w in done[name].warnings if w not in context.warnings)
    return {name: done[name] for name in names}


def files_of(made: dict[str, Made]) -> dict[str, bytes]:
    """Every file of the outputs made, in their order."""
    return {name: data for output in made.values() for name, data in output.files.items()}
