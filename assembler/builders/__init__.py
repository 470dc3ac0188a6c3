"""Builders turn a model into files; every output is declared once, in builders/registry.py.

Only modules in this package import docxtpl or weasyprint; none of them is imported until
an output is made (registry.make).
"""

from __future__ import annotations

from assembler.builders.registry import DEFAULT_FORMATS, REGISTRY, Kind, make

__all__ = ["DEFAULT_FORMATS", "REGISTRY", "Kind", "make"]
