"""A phone number as one value: as printed, its exact tel: URI and its kind, read once per process.

Like python-docx's RGBColor or phonenumbers' PhoneNumber, a ``Phone`` is a small immutable
value. Validation makes one of every number a profile writes (and the national content of
every number in organisaties.yaml); the merge, the model and every output carry that value
as it is. A template prints ``{{ partner.telefoon }}`` and links ``{{ partner.telefoon.uri }}``.

Every output prints a number in one Dutch display form (``display``): the area code or service
code before a dash (020-1234567, 0595-123410, 06-12345678, 088-1234567, 0800-2000), a
municipal number as "14 020", a foreign number in international form (+32 2 555 12 12). The
profile keeps what its author typed (``written``); the display form never adds, drops or
changes a digit of the number the ``tel:`` link dials.
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

# The two-digit area codes (netnummers) after the 0; every other geographic area code has three
# digits (0595, 0118). The list of the Nummerplan, held against libphonenumber's metadata in
# tests/test_phone_display.py.
TWO_DIGIT_AREAS = frozenset(
    {
        "10", "13", "15", "20", "23", "24", "26", "30", "33", "35", "36", "38", "40", "43",
        "45", "46", "50", "53", "55", "58", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79",
    }
)
# Non-geographic codes of two digits after the 0: VPN 082, personal 084/087, location-free 085/091,
# company 088, machine-to-machine 097.
_SERVICE_TWO = frozenset({"82", "84", "85", "87", "88", "91", "97"})
# Information numbers: free 0800, paid 0900/0906/0909.
_SERVICE_THREE = ("800", "900", "906", "909")


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
    # A printed form its source declares (the national content's number as the owner's page prints
    # it, when that differs from the display form); None: the display form.
    form: str | None = None

    @property
    def printed(self) -> str:
        """The number as every output prints it. This is the one place its printed form is decided:
        the one Dutch display form, unless the source declares its own."""
        return self.form if self.form is not None else display(self.written, self.uri)

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
    if (
        compact in _EMERGENCY
        or _MUNICIPAL_SHORT.match(raw)
        or (compact.startswith("140") and len(compact) in (5, 6))
    ):
        return Reading(Phone(text, f"tel:{compact}", Kind.SHORT))
    if not raw or not _PHONE_CHARS.match(raw):
        return Reading(error=f"'{text}' is geen telefoonnummer; {PHONE_HINT}")
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException:
        return Reading(error=f"'{text}' is geen telefoonnummer; {PHONE_HINT}")
    if not phonenumbers.is_possible_number(number):
        return Reading(
            error=f"'{text}' heeft te veel of te weinig cijfers voor een telefoonnummer; {PHONE_HINT}"
        )
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
        return Reading(
            phone, warning=f"'{text}' heeft een onbekend netnummer; controleer of het nummer klopt"
        )
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


@lru_cache(maxsize=4096)
def display(written: str, uri: str) -> str:
    """The one Dutch display form of a number that dials ``uri`` (written as ``written``).

    Dutch numbers in national form with the area or service code before a dash, a municipal
    number as "14 020", a foreign number international with spaces; what cannot be formatted
    without doubt (an unknown prefix) stays in its plain digits, a foreign number as written.
    The digits are always those of the number ``uri`` dials.
    """
    dialled = uri.removeprefix("tel:")
    if not dialled.startswith("+"):  # a short number: 112, 14 020, 14 0123
        return f"14 {dialled[2:]}" if dialled.startswith("140") else dialled
    if dialled.startswith("+31"):
        return _dutch(dialled[3:])
    return _international(written, dialled)


def _dutch(national: str) -> str:
    """A Dutch national significant number (without the 0) in national form: '201234567' → '020-1234567'."""
    if national.startswith("6"):
        code = 1
    elif national.startswith(_SERVICE_THREE):
        code = 3
    elif national[:2] in TWO_DIGIT_AREAS or national[:2] in _SERVICE_TWO:
        code = 2
    elif national[:1] in "123457" and len(national) == 9:
        code = 3  # a geographic number with a three-digit area code: 0595-123410
    else:
        return "0" + national  # an unknown prefix: where its code ends is not known
    return f"0{national[:code]}-{national[code:]}"


def _international(written: str, dialled: str) -> str:
    """A foreign number in international form with spaces ('+32 2 555 12 12'), or as written when
    libphonenumber's grouping would not keep exactly its digits."""
    try:
        number = phonenumbers.parse(dialled)
    except phonenumbers.NumberParseException:
        return written.strip()
    tidy = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL).replace("-", " ")
    tidy = " ".join(tidy.split())
    return tidy if re.fullmatch(r"\+[\d ]+", tidy) and digits(tidy) == digits(dialled) else written.strip()


def phone(text: str, origin: Place | None = None) -> Phone:
    """The Phone of a number already checked (validation passed it); ValueError when it is none."""
    reading = read_phone(text)
    if reading.phone is None:
        raise ValueError(reading.error)
    return reading.phone if origin is None else replace(reading.phone, origin=origin)
