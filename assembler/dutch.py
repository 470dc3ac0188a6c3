"""Dutch wording used in every output and message: dates, enumerations and small numbers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_NUMBERS = ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf")


def dutch_date(value: dt.date) -> str:
    """15 oktober 2026."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def enumeration(
    items: Iterable[Any], klein: bool = False, midden: bool = False, voegwoord: str = "en"
) -> str:
    """'a', 'a en b', 'a, b en c' (or 'a, b of c' with voegwoord="of"); with klein=True every item after
    the first starts in lower case, and with midden=True the first as well, for a list in the middle of a
    sentence."""
    words = [str(i) for i in items]
    if klein or midden:
        start = 0 if midden else 1
        words = words[:start] + [w[:1].lower() + w[1:] for w in words[start:]]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {voegwoord} {words[-1]}"


def plural(count: int, one: str, many: str) -> str:
    """'1 gemeente', '3 gemeenten': a count with the noun in the form it takes."""
    return f"{count} {one if count == 1 else many}"


def number_word(value: int) -> str:
    """A small count as a Dutch word (twee, drie); larger numbers as digits."""
    return _NUMBERS[value] if 0 <= value < len(_NUMBERS) else str(value)


def seconds(value: float) -> str:
    """'2,4 s': a Dutch decimal comma."""
    return f"{value:.1f}".replace(".", ",") + " s"


_DAYS = {
    "maandag": "ma",
    "dinsdag": "di",
    "woensdag": "wo",
    "donderdag": "do",
    "vrijdag": "vr",
    "zaterdag": "za",
    "zondag": "zo",
}
_ROUND_THE_CLOCK = re.compile(
    r"\b(24 uur per dag,? (7|zeven) dagen per week|dag en nacht(,? ook in het weekend)?)( bereikbaar)?",
    re.IGNORECASE,
)


def short_hours(text: str) -> str:
    """Office hours as a pocket card prints them beside a number: 'ma–vr 9–17', '24/7'.

    Written-out days become their two-letter form, 'tot en met' and 'tot' a dash, and whole
    hours lose their '.00' and 'uur'; anything else stays as the profile wrote it.
    """
    words = _ROUND_THE_CLOCK.sub("24/7", " ".join(text.split()).strip().rstrip("."))
    short = re.sub(
        r"\b(" + "|".join(_DAYS) + r")(en)?\b",
        lambda m: _DAYS[m.group(1).lower()],
        words,
        flags=re.IGNORECASE,
    )
    short = re.sub(r"\b(ma|di|wo|do|vr|za|zo) tot en met (ma|di|wo|do|vr|za|zo)\b,?", r"\1–\2", short)
    short = re.sub(r"\b(van )?(\d{1,2})[.:](\d{2}) tot (\d{1,2})[.:](\d{2})( uur)?", r"\2.\3–\4.\5", short)
    return re.sub(r"\b(\d{1,2})\.00\b", r"\1", short)
