"""Every exception the toolkit raises on purpose; the CLI turns these into messages and exit codes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assembler.problems import Place, Problem


class AssemblerError(Exception):
    """Raised when work cannot be done for a reason the user can fix; the message is Dutch."""

    exit_code = 1


class ProfileError(AssemblerError):
    """Raised when a profile or region file has errors; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


class ContentError(AssemblerError):
    """Raised when the shipped national content is missing or malformed (a packaging fault)."""


class TemplateError(AssemblerError):
    """Raised when a Word template has broken tags or asks for variables the model lacks."""


class BuildError(AssemblerError):
    """Raised when an output could not be made or failed its read-back check."""


class FitError(BuildError):
    """Raised when laid-out text runs out of its column; carries each text with the place its value
    was written (None for text that is not a profile's value), so the build can name the field."""

    def __init__(self, message: str, overflows: Sequence[tuple[str, Place | None]] = ()) -> None:
        super().__init__(message)
        self.overflows = tuple(overflows)

    def __reduce__(self) -> tuple[type[FitError], tuple[str, tuple[tuple[str, Place | None], ...]]]:
        # A PDF is rendered in a forked child; the places must survive the trip back.
        return (type(self), (str(self), self.overflows))


class CardOverflowError(BuildError):
    """Raised when a pocket-card face does not fit; names the card and the field that is too long,
    and carries where that field's value was written (none for national text)."""

    def __init__(self, message: str, places: Sequence[Place] = ()) -> None:
        super().__init__(message)
        self.places = tuple(places)

    def __reduce__(self) -> tuple[type[CardOverflowError], tuple[str, tuple[Place, ...]]]:
        return (type(self), (str(self), self.places))


class OutputError(AssemblerError):
    """Raised when an output folder or file cannot be written safely."""


class LockError(AssemblerError):
    """Raised when another run holds the output folder."""
