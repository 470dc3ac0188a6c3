"""Locates the shipped templates and national content, in a wheel or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def templates_dir() -> Path:
    """The folder with templates/, fonts/ and content/.

    In a wheel it is installed as ``assembler/_templates``; in a checkout it is
    the top-level ``templates/`` beside the package.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "_templates", here.parent / "templates"):
        if (candidate / "content").is_dir():
            return candidate
    raise FileNotFoundError("de map templates/ van het pakket ontbreekt; installeer opnieuw")


def template_path(name: str) -> Path:
    return templates_dir() / name


def content_dir() -> Path:
    return templates_dir() / "content"


def fonts_dir() -> Path:
    return templates_dir() / "fonts"
