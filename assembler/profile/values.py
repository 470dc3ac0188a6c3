"""Checks and normalises single values as people write them: e-mail, URLs, colours (phone numbers: assembler/phone.py)."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from email_validator import EmailNotValidError, validate_email

from assembler.wcag import AA_TEXT, WHITE, contrast, darken_for, normal_hex


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


TOOI_CODE = re.compile(r"gm[0-9]{4}")


def check_tooi_code(text: str) -> str | None:
    """A municipality's code in TOOI (the government's register of organisations): gm and four digits."""
    if not TOOI_CODE.fullmatch(text):
        return (
            f"'{text}' is geen TOOI-code van een gemeente; schrijf 'gm' en de vier cijfers van de "
            "gemeentecode, zoals gm0363"
        )
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
