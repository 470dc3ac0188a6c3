"""A problem found in a profile: where it stood, which field, what is wrong and how to fix it."""

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
