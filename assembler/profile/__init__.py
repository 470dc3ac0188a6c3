"""Reading a profile: load the YAML with positions, validate it, merge the region into it.

``load_profile`` and ``load_region`` are the entry points; they are imported on first use so
that importing one stage module never drags in the others.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Profile", "Region", "load_profile", "load_region"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from assembler.profile import reading

        return getattr(reading, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
