"""A phone number as one value: as printed, its exact tel: URI and its kind, read once per process.

Like python-docx's RGBColor or phonenumbers' PhoneNumber, a ``Phone`` is a small immutable
value. Validation makes one of every number a profile writes (and the national content of
every number in organisaties.yaml); the merge, the model and every output carry that value
as it is. A template prints ``{{ partner.telefoon }}`` and links ``{{ partner.telefoon.uri }}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache

import phonenumbers

from assembler.problems import Place

# A run of digits with spaces or hyphens in between: how a phone number stands in running text
# ("0800-2000", "+31 123 780 800"). Cards and the regional PDF keep such a run on one line.
NUMBER = re.compile(r"\+?\d[\d \-]*\d")

PHONE_HINT = "schrijf het zoals 0123-456789, 0800-2000, 14 020, 112 of +31 20 123 4567"
_EMERGENCY = {"112"}
_MUNICIPAL_SHORT = re.compile(r"^14\s?0\d{2,3}$")
_PHONE_CHARS = re.compile(r"^[0-9+()\-\s./]+$")


def digits(text: str) -> str:
    """Only the digits: '0800-2000' gives '08002000'."""
    return "".join(ch for ch in text if ch.isdigit())


class Kind(StrEnum):
    """What sort of number it is, as a reader would tell it."""

    MOBILE = "mobiel"
    FIXED = "vast"
    TOLL_FREE = "gratis"  # 0800
    PREMIUM = "betaald"  # 0900, 0906, 0909
    SHORT = "kort"  # 112, the municipal 14 0xx
    INTERNATIONAL = "buitenland"


@dataclass(frozen=True)
class Phone:
    """A phone number: ``str()`` gives it as printed, ``uri`` dials it exactly."""

    written: str  # as the profile or the national content wrote it
    uri: str  # tel:+31201234567, tel:112, tel:14020
    kind: Kind
    # Where it was written; not part of the number, so equal numbers from two files are equal.
    origin: Place | None = field(default=None, compare=False, repr=False)

    @property
    def printed(self) -> str:
        """The number as every output prints it. This is the one place its display form is decided:
        for now exactly as written."""
        return self.written

    @property
    def digits(self) -> str:
        """The digits of the printed number, to find it in a sentence that prints it."""
        return digits(self.printed)

    def same_number(self, other: Phone) -> bool:
        """Whether both dial the same line, however each is written ('0800-2000', '+31 800 2000')."""
        return self.uri == other.uri

    def __str__(self) -> str:
        return self.printed


@dataclass(frozen=True)
class Reading:
    """A number as read: an error, or the Phone with at most a warning."""

    phone: Phone | None = None
    error: str | None = None
    warning: str | None = None


@lru_cache(maxsize=4096)
def read_phone(text: str) -> Reading:
    """Read a number once per process: validation, the national content and a batch's records ask
    about the same numbers."""
    raw = text.strip()
    compact = re.sub(r"[\s\-./()]", "", raw)
    if compact in _EMERGENCY or _MUNICIPAL_SHORT.match(raw) or (compact.startswith("140") and len(compact) in (5, 6)):
        return Reading(Phone(text, f"tel:{compact}", Kind.SHORT))
    if not raw or not _PHONE_CHARS.match(raw):
        return Reading(error=f"'{text}' is geen telefoonnummer; {PHONE_HINT}")
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException:
        return Reading(error=f"'{text}' is geen telefoonnummer; {PHONE_HINT}")
    if not phonenumbers.is_possible_number(number):
        return Reading(error=f"'{text}' heeft te veel of te weinig cijfers voor een telefoonnummer; {PHONE_HINT}")
    national = str(number.national_number)
    if number.country_code == 31 and not _dutch_length_ok(national):
        return Reading(
            error=f"'{text}' heeft te veel of te weinig cijfers voor een Nederlands nummer; {PHONE_HINT}"
        )
    phone = Phone(
        text,
        "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        _kind(national) if number.country_code == 31 else Kind.INTERNATIONAL,
    )
    if phonenumbers.is_valid_number(number):
        return Reading(phone)
    if number.country_code == 31:
        return Reading(phone, warning=f"'{text}' heeft een onbekend netnummer; controleer of het nummer klopt")
    return Reading(phone, warning=f"'{text}' is geen bekend nummer; controleer het")


def _dutch_length_ok(national: str) -> bool:
    # Dutch numbers have nine digits after the 0, except service numbers (0800, 0900,
    # 0906, 0909: four to seven) and machine-to-machine numbers (097: eleven).
    if national.startswith(("800", "900", "906", "909")):
        return 7 <= len(national) + 1 <= 11
    if national.startswith("97"):
        return len(national) == 11
    return len(national) == 9


def _kind(national: str) -> Kind:
    """The kind of a Dutch number by its prefix after the 0."""
    if national.startswith("6"):
        return Kind.MOBILE
    if national.startswith("800"):
        return Kind.TOLL_FREE
    if national.startswith(("900", "906", "909")):
        return Kind.PREMIUM
    return Kind.FIXED


def phone(text: str, origin: Place | None = None) -> Phone:
    """The Phone of a number already checked (validation passed it); ValueError when it is none."""
    reading = read_phone(text)
    if reading.phone is None:
        raise ValueError(reading.error)
    return reading.phone if origin is None else replace(reading.phone, origin=origin)
