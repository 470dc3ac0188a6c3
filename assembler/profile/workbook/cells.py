"""One value between profile and cell: how export writes it, and how import reads it back or refuses it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from assembler.profile.loader import clean_text
from assembler.profile.workbook.layout import Field

YES, NO = "ja", "nee"
NONE = "geen"  # an empty list where a blank cell would give the default (kaarten.doelgroepen)
LIST_SEPARATOR = ", "
# Date cells show day-month-year, as Dutch readers write a date; the help text says so.
DATE_FORMAT = "dd-mm-yyyy"
DATE_HINT = "DD-MM-JJJJ"
_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


class CellTypeError(ValueError):
    """A cell holds a kind of value the field cannot take; the message is Dutch."""


def to_cell(field: Field, value: Any) -> Any:
    """The cell value for a profile value; None leaves the cell empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, list):
        if not value and field.says_none:
            return NONE
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, int | float) and field.kind in ("text", "phone", "choice"):
        # A number written as a number in YAML (spoed: 112) is still text in this field.
        return str(value)
    if isinstance(value, dt.date | int | float):
        return value
    return str(value)


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def is_empty(value: Any) -> bool:
    """A profile value a blank cell stands for: absent, null, empty text or an empty list or group."""
    return value is None or value == "" or value == [] or value == {}


def from_cell(field: Field, value: Any) -> Any:
    """The profile value a non-blank cell holds, as the YAML loader would have produced it (None: nothing)."""
    kind = field.kind
    if isinstance(value, dt.datetime):
        if kind != "date":
            raise CellTypeError("datum gevonden waar tekst hoort; maak de cel op als tekst")
        if value.time() != dt.time(0):
            raise CellTypeError(f"datum met tijd gevonden; vul alleen een datum in ({DATE_HINT})")
        return value.date()
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        if kind == "date" and isinstance(value, dt.date):
            return value
        raise CellTypeError(f"tijd of duur gevonden; vul een datum in ({DATE_HINT})")
    if isinstance(value, bool):
        if kind == "boolean":
            return value
        raise CellTypeError("WAAR of ONWAAR gevonden waar tekst hoort; typ de waarde als tekst")
    if isinstance(value, int | float):
        return _number(field, value)
    if not isinstance(value, str):
        raise CellTypeError("deze cel kan niet worden gelezen; typ de waarde opnieuw als tekst")
    text = clean_text(value.replace("\r\n", "\n"))
    if kind == "boolean":
        lowered = text.strip().lower()
        if lowered in (YES, "true", "waar"):
            return True
        if lowered in (NO, "false", "onwaar"):
            return False
        raise CellTypeError(f"'{text.strip()}' is geen keuze; kies ja of nee")
    if kind == "integer":
        try:
            return int(text.strip())
        except ValueError:
            raise CellTypeError(f"'{text.strip()}' is geen geheel getal") from None
    if kind == "list":
        if field.says_none and text.strip().lower() == NONE:
            return []
        # Nothing but separators is as good as a blank cell.
        return [item.strip() for item in text.replace("\n", ",").split(",") if item.strip()] or None
    if kind == "date":
        return _date(text.strip())
    if kind in ("choice", "phone"):
        return text.strip()
    return text


def _date(text: str) -> Any:
    """A date typed as text (15-10-2026 or 2026-10-15) is still a date; anything else stays text."""
    dutch = _DUTCH_DATE.fullmatch(text)
    try:
        if dutch:
            day, month, year = (int(part) for part in dutch.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        return text  # the validator names an impossible date


def _number(field: Field, value: float) -> Any:
    kind = field.kind
    if kind == "integer" and float(value).is_integer():
        return int(value)
    if kind == "phone":
        # As a number the leading zero is gone: 0123-456789 would come back as 123456789.
        raise CellTypeError(
            "telefoonnummer staat als getal in de cel en is zo zijn eerste 0 kwijt; "
            "maak de cel op als tekst en typ het nummer opnieuw"
        )
    if field.rule.get("coerce") == "to_text" and kind == "text":
        if float(value).is_integer():
            return str(int(value))
        # A version typed as a number: 2027.10 is stored as 2027.1, the typed text is gone.
        raise CellTypeError(
            f"{value:g} staat als getal in de cel, zodat een 0 aan het eind wegvalt "
            "(2027.10 wordt 2027.1); maak de cel op als tekst en typ de waarde opnieuw"
        )
    raise CellTypeError(f"getal {value} gevonden waar {_wanted(field)} hoort")


def _wanted(field: Field) -> str:
    return {
        "date": f"een datum ({DATE_HINT})",
        "boolean": "ja of nee",
        "list": "een lijst gescheiden door komma's",
        "choice": "een keuze uit de lijst",
    }.get(field.kind, "tekst")


def same(field: Field, old: Any, new: Any) -> bool:
    """Whether a cell still says what the profile says; spreadsheets may drop a final line break."""
    if isinstance(old, str) and isinstance(new, str):
        return old.rstrip() == new.rstrip()
    if isinstance(old, list) and isinstance(new, list):
        return [str(v) for v in old] == new
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, int | float) and isinstance(new, str) and field.rule.get("coerce") == "to_text":
        return str(old) == new
    if isinstance(old, str) and isinstance(new, dt.date):
        # A date the YAML quotes ("2026-09-01") is still the date the cell shows.
        return old.strip() == new.isoformat()
    return bool(old == new) and type(old) is type(new)
