"""Routekaart toolkit: assembles a municipality's Routekaart schadelijke praktijken and pocket cards.

The stages, each a subpackage: ``profile`` (read, validate, merge), ``model`` (tailor the national
content), ``builders`` (one folder per output family), ``build`` (one profile) and ``batch`` (a region).
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_ENTRY_POINTS = {
    "load_profile": "assembler.profile.reading",
    "load_region": "assembler.profile.reading",
    "build_profile": "assembler.pipeline.municipality",
    "run_batch": "assembler.batch.run",
}


def __getattr__(name: str) -> Any:
    # Imported on first use so that `import assembler` stays cheap and cycle-free.
    if name in _ENTRY_POINTS:
        import importlib

        return getattr(importlib.import_module(_ENTRY_POINTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
