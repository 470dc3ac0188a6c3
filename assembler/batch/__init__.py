"""Batch runs: every municipality of a region in worker processes, plus the regional outputs.

``run_batch`` is the entry point, imported on first use.
"""

from __future__ import annotations

from typing import Any

__all__ = ["run_batch"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from assembler.batch import run

        return getattr(run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
