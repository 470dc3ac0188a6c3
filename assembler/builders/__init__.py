"""Builders turn the content model into files; each declares a name, a format and its outputs.

Only modules in this package import docxtpl or weasyprint.
"""

from __future__ import annotations

import importlib

from assembler.builders.base import Builder

# name -> module:class; imported on demand so `validate` never loads weasyprint.
REGISTRY = {
    "docx": "assembler.builders.word.builder:DocxBuilder",
    "odt": "assembler.builders.odf.builder:OdtBuilder",
    "pdf": "assembler.builders.web.pdf:PdfBuilder",
    "html": "assembler.builders.web.html:HtmlBuilder",
    "kaarten": "assembler.builders.cards.builder:CardsBuilder",
}
DEFAULT_FORMATS = ("docx", "odt", "pdf", "html", "kaarten")


def get_builder(name: str) -> type[Builder]:
    module_name, class_name = REGISTRY[name].split(":")
    builder: type[Builder] = getattr(importlib.import_module(module_name), class_name)
    return builder
