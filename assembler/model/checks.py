"""What still needs checking: every number in a routekaart nobody compared with its source lately.

A national number counts as checked when someone compared it with the organisation's own page
and recorded that (in the national content, or under `controles` in the region or municipality
file); a regional or local contact when its `gecontroleerd_op` is less than a year old. Pure:
`check-content` and the overview's "Controles" sheet print what this returns. A number keeps its
last check date rather than a verdict, so a batch can store it and judge it on a later day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assembler.dutch import dutch_date, enumeration
from assembler.model.routekaart import Routekaart
from assembler.national import STALE_AFTER, Organisation, on_domain
from assembler.phone import Phone

NATIONAL = "landelijk"
REGIONAL = "regionaal"
LOCAL = "lokaal"
_KIND_ORDER = {NATIONAL: 0, REGIONAL: 1, LOCAL: 2}
RECORD_NATIONAL = "controles (organisatie, nummer, datum, door, pagina) in het regiobestand of het gemeenteprofiel"
RECORD_VEILIG_THUIS = "gecontroleerd_op bij veilig_thuis"
RECORD_PARTNER = "gecontroleerd_op bij de partner"


@dataclass(frozen=True)
class NumberCheck:
    """A number a routekaart prints, with the day it was last compared with its source (ISO) or None."""

    soort: str  # landelijk, regionaal or lokaal
    naam: str
    nummers: str  # as printed: "112 en 0900-8844"
    gecontroleerd_op: str | None
    vergelijk_met: str | None  # the organisation's own page, or the partner's website
    vastleggen: str  # where a check is recorded

    def reden(self, today: dt.date) -> str | None:
        """Why it needs checking on that day, or None when its check is recent."""
        if self.gecontroleerd_op is None:
            return "nog niet nagekeken"
        checked = dt.date.fromisoformat(self.gecontroleerd_op)
        if today - checked > STALE_AFTER:
            return f"laatst nagekeken op {dutch_date(checked)}, langer dan twaalf maanden geleden"
        return None


@dataclass(frozen=True)
class CheckRow:
    """A number that needs checking, why, and the municipalities whose routekaart prints it."""

    nummer: NumberCheck
    reden: str
    gemeenten: tuple[str, ...]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def checked_on(org: Organisation, checks: Iterable[Mapping[str, Any]]) -> dt.date | None:
    """The day the organisation's printed numbers were last compared with its own page: the national
    content's check, or a check the region or municipality recorded of every number it prints; for
    two numbers, the older of their newest checks. A check of another number does not count."""
    numbers = org.nummers
    if not numbers:
        return None
    newest: list[dt.date] = []
    for number in numbers:
        days = [
            c["datum"]
            for c in checks
            if c.get("organisatie") == org.id
            and isinstance(c.get("nummer"), Phone)
            and c["nummer"].same_number(number)
            and on_domain(str(c.get("pagina") or ""), org.eigen_domeinen)
        ]
        if org.gecontroleerd_op is not None:
            days.append(org.gecontroleerd_op)
        if not days:
            return None
        newest.append(max(days))
    return min(newest)


def unchecked_numbers(orgs: Iterable[Organisation]) -> tuple[str, ...]:
    """'Politie (112 en 0900-8844)': each national number printed without a recorded check."""
    return tuple(
        f"{o.naam} ({enumeration(o.nummers)})" for o in orgs if o.telefoon and o.gecontroleerd_op is None
    )


def numbers_of(model: Routekaart) -> tuple[NumberCheck, ...]:
    """Every number the routekaart prints with its last check: national, then regional, then local."""
    found: list[NumberCheck] = []
    for org in model.organisaties:
        if not org.telefoon:
            continue
        numbers = enumeration(org.nummers)
        found.append(NumberCheck(NATIONAL, org.naam, numbers, _iso(org.gecontroleerd_op), org.bron, RECORD_NATIONAL))
    vt = model.veilig_thuis
    found.append(
        NumberCheck(
            REGIONAL if model.regio else LOCAL,
            vt.naam,
            str(vt.telefoon),
            _iso(vt.gecontroleerd_op),
            vt.website,
            RECORD_VEILIG_THUIS,
        )
    )
    for partner in model.partners:
        phones = [n for n in (partner.telefoon, partner.spoed) if n]
        if phones:
            found.append(
                NumberCheck(
                    LOCAL if partner.is_lokaal else REGIONAL,
                    partner.naam,
                    enumeration(phones),
                    _iso(partner.gecontroleerd_op),
                    partner.website,
                    RECORD_PARTNER,
                )
            )
    return tuple(sorted(found, key=lambda c: (_KIND_ORDER[c.soort], c.naam.lower())))


def check_rows(per_municipality: Sequence[tuple[str, Iterable[NumberCheck]]], today: dt.date) -> tuple[CheckRow, ...]:
    """One row per number that needs checking, naming every municipality that prints it: a national
    number or a regional contact is checked once for the whole region."""
    order: list[NumberCheck] = []
    where: dict[NumberCheck, list[str]] = {}
    for name, numbers in per_municipality:
        for number in numbers:
            if number.reden(today) is None:
                continue
            if number not in where:
                order.append(number)
                where[number] = []
            where[number].append(name)
    ordered = sorted(order, key=lambda c: (_KIND_ORDER[c.soort], c.naam.lower()))
    return tuple(CheckRow(n, n.reden(today) or "", tuple(where[n])) for n in ordered)


def report_lines(rows: Sequence[CheckRow], subject: str, municipalities: int) -> list[str]:
    """The `check-content REGIO|PROFIEL` report: exactly what still needs checking, and where to compare."""
    lines = [f"Nog na te kijken voor {subject}:"]
    if not rows:
        return [*lines, "  niets: elk nummer is in de afgelopen twaalf maanden nagekeken."]
    for row in rows:
        number = row.nummer
        lines.append(f"- {number.naam} ({number.soort}): {number.nummers}; {row.reden}")
        if number.vergelijk_met:
            lines.append(f"  vergelijk met: {number.vergelijk_met}")
        else:
            lines.append("  vergelijk met: de organisatie zelf (geen website opgenomen); bel het nummer na")
        if municipalities > 1:
            lines.append(f"  staat in de routekaart van: {enumeration(row.gemeenten)}")
        lines.append(f"  vastleggen in: {number.vastleggen}")
    lines.append(f"{len(rows)} {'nummer' if len(rows) == 1 else 'nummers'} na te kijken.")
    return lines
