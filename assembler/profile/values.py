"""Checks and normalises single values as people write them: phone numbers, e-mail, URLs, colours."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlparse

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from assembler.wcag import AA_TEXT, WHITE, contrast, darken_for, normal_hex

_EMERGENCY = {"112"}
_MUNICIPAL_SHORT = re.compile(r"^14\s?0\d{2,3}$")
_PHONE_CHARS = re.compile(r"^[0-9+()\-\s./]+$")


@dataclass(frozen=True)
class PhoneCheck:
    """The outcome of reading a phone number: an error, a warning, or a clean number."""

    error: str | None = None
    warning: str | None = None
    e164: str | None = None


PHONE_HINT = "schrijf het zoals 0123-456789, 0800-2000, 14 020, 112 of +31 20 123 4567"


@lru_cache(maxsize=4096)
def check_phone(text: str) -> PhoneCheck:
    """Read a phone number once per process: validation and tailoring ask about the same numbers."""
    raw = text.strip()
    compact = re.sub(r"[\s\-./()]", "", raw)
    if compact in _EMERGENCY:
        return PhoneCheck(e164=compact)
    if _MUNICIPAL_SHORT.match(raw) or (compact.startswith("140") and len(compact) in (5, 6)):
        return PhoneCheck(e164=compact)
    if not raw or not _PHONE_CHARS.match(raw):
        return PhoneCheck(error=f"'{text}' is geen telefoonnummer; {PHONE_HINT}")
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException:
        return PhoneCheck(error=f"'{text}' is geen telefoonnummer; {PHONE_HINT}")
    if not phonenumbers.is_possible_number(number):
        return PhoneCheck(
            error=f"'{text}' heeft te veel of te weinig cijfers voor een telefoonnummer; {PHONE_HINT}"
        )
    if number.country_code == 31 and not _dutch_length_ok(str(number.national_number)):
        return PhoneCheck(
            error=f"'{text}' heeft te veel of te weinig cijfers voor een Nederlands nummer; {PHONE_HINT}"
        )
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if not phonenumbers.is_valid_number(number):
        if number.country_code == 31:
            return PhoneCheck(
                warning=f"'{text}' heeft een onbekend netnummer; controleer of het nummer klopt",
                e164=e164,
            )
        return PhoneCheck(warning=f"'{text}' is geen bekend nummer; controleer het", e164=e164)
    return PhoneCheck(e164=e164)


def _dutch_length_ok(national: str) -> bool:
    # Dutch numbers have nine digits after the 0, except service numbers (0800, 0900,
    # 0906, 0909: four to seven) and machine-to-machine numbers (097: eleven).
    if national.startswith(("800", "900", "906", "909")):
        return 7 <= len(national) + 1 <= 11
    if national.startswith("97"):
        return len(national) == 11
    return len(national) == 9


def tel_uri(text: str) -> str | None:
    """A tel: link for a phone number as written, or None when it cannot be dialled as such."""
    result = check_phone(text)
    return f"tel:{result.e164}" if result.e164 and not result.error else None


def check_email(text: str) -> str | None:
    """An error message, or None when the address is well-formed (no DNS lookup)."""
    try:
        validate_email(text, check_deliverability=False, test_environment=True)
    except EmailNotValidError:
        return f"'{text}' is geen geldig e-mailadres; schrijf het als naam@organisatie.nl"
    return None


def check_url(text: str) -> str | None:
    parsed = urlparse(text.strip())
    if parsed.scheme not in ("http", "https"):
        return f"'{text}' is geen webadres; begin met https://"
    if not parsed.hostname or "." not in parsed.hostname or " " in text.strip():
        return f"'{text}' is geen volledig webadres; schrijf het als https://www.gemeente.nl/pagina"
    return None


def check_color(text: str) -> str | None:
    if normal_hex(text) is None:
        return f"'{text}' is geen kleurcode; schrijf een hexadecimale kleur zoals #1F5C99 of #15A"
    return None


def normal_color(text: str) -> str:
    """'#0af' as '#00AAFF': the one form every builder gets; text that is no colour stays for check_color."""
    return normal_hex(text) or text


def color_warning(text: str) -> str | None:
    """A warning when white text on the house colour misses WCAG AA, naming the shade used instead."""
    colour = normal_hex(text)
    if colour is None or contrast(colour, WHITE) >= AA_TEXT:
        return None
    ratio = f"{contrast(colour, WHITE):.1f}".replace(".", ",")
    return (
        f"de huiskleur {colour} is te licht voor witte tekst (contrast {ratio}:1, nodig 4,5:1); "
        f"koppen en kaarten gebruiken daarom de donkerdere tint {darken_for(colour, WHITE)}. "
        "Kies een donkerdere hoofdkleur als u dat niet wilt"
    )
