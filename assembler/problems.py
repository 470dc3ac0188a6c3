"""A problem found in a profile: where it stood, which field, what is wrong and how to fix it.

Also where a value was written (Place), carried by the value itself (a Placed text, a Phone)
from validation through the merge and the model, so an error found late, in a layout or an
import, names its file, line and field straight from the value.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding; formatted as ``bestand:regel:kolom: veld.pad: wat er mis is; hoe het goed is``."""

    file: str
    line: int
    column: int
    path: str
    message: str
    severity: Severity = Severity.ERROR
    cell: str = ""  # a workbook's 'Partners!E7', shown in place of line and column

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        where = f"{self.file}: {self.cell}" if self.cell else f"{self.file}:{self.line}:{self.column}"
        prefix = "" if self.is_error else "waarschuwing: "
        field = f"{self.path}: " if self.path else ""
        return f"{where}: {prefix}{field}{self.message}"

    def as_json(self) -> dict[str, Any]:
        """The problem for other programs (`assembler controleer --json`), keys in Dutch like the rest."""
        data: dict[str, Any] = {
            "bestand": self.file,
            "regel": self.line,
            "kolom": self.column,
            "veld": self.path,
            "melding": self.message,
            "ernst": self.severity.value,
        }
        if self.cell:
            data["cel"] = self.cell
        return data


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Errors and warnings in file order, duplicates removed."""
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.path, p.message))


@dataclass(frozen=True)
class Place:
    """Where a value was written: file, line and column, its field path, and in a workbook its cell."""

    file: str
    line: int
    column: int
    path: str
    cell: str = ""

    def problem(self, message: str, *, warning: bool = False) -> Problem:
        severity = Severity.WARNING if warning else Severity.ERROR
        return Problem(self.file, self.line, self.column, self.path, message, severity, cell=self.cell)


class Placed(str):
    """A text that knows where it was written; in every other respect it is the str it holds.

    Validation makes one of every text in a profile. The merge, the model and the templates
    treat it as text; only an error names its place (``origin_of``).
    """

    origin: Place

    def __new__(cls, text: str, origin: Place) -> Placed:
        made = super().__new__(cls, text)
        made.origin = origin
        return made

    def __reduce__(self) -> tuple[type[Placed], tuple[str, Place]]:
        return (Placed, (str(self), self.origin))

    # Immutable like any str: a copy (the merge deep-copies profile data) is the value itself.
    def __copy__(self) -> Placed:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Placed:
        return self


def origin_of(value: object) -> Place | None:
    """Where a value was written, when it carries its place (a Placed text, a Phone); else None."""
    origin = getattr(value, "origin", None)
    return origin if isinstance(origin, Place) else None
