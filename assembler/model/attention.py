"""Points of attention in policy language, per municipality and ordered by weight.

Documents print these sentences; field paths, YAML and file:line positions stay in
`validate` and on the overview workbook's problem sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from assembler.dutch import enumeration, plural
from assembler.model.region import Finding, MunicipalityEntry, ProblemRow, stale_checks

# Lower weighs more: a concept before a missing partner, a missing partner before an unusual area code.
CONCEPT, GAP, PRIORITY, NOT_ARRANGED, COORDINATOR, REGIE, CHECKS, PHONES, EXAMPLES, UNFILLED, OTHER = range(11)
REGIE_ORIGIN = {"regio": "de standaardkeuze van de regio", "standaard": "de standaardkeuze"}


@dataclass(frozen=True, order=True)
class Point:
    gewicht: int
    zin: str


def _lower(name: str) -> str:
    # Step and handvat names start with a capital only because they start a heading.
    return name[:1].lower() + name[1:]


def _article_lower(name: str) -> str:
    """'De gemeente' -> 'de gemeente'; a proper name such as 'Veilig Thuis' keeps its capital."""
    first, _, rest = name.partition(" ")
    return f"{first.lower()} {rest}" if first in ("De", "Het") and rest else name


def _kind(f: Finding | ProblemRow) -> int:
    """Which sentence a validator finding is already told by; OTHER when none."""
    if "als concept gedrukt" in f.melding or "open invulplek" in f.melding:
        return CONCEPT
    if "voorbeeldadres" in f.melding or "voorbeeldwaarde" in f.melding:
        return EXAMPLES
    if "geen lokale partner" in f.melding:
        return GAP
    if f.veld.endswith("gecontroleerd_op") or f.melding.startswith("gecontroleerd_op"):
        return CHECKS
    if "netnummer" in f.melding or "geen bekend nummer" in f.melding:
        return PHONES
    return OTHER


def points(entry: MunicipalityEntry, today: dt.date) -> tuple[Point, ...]:
    name = entry.naam
    found: list[Point] = []
    if entry.concept_redenen:
        found.append(Point(CONCEPT, f"De routekaart van {name} is nog een concept. {' '.join(entry.concept_redenen)}"))
    missing = [_lower(s.naam) for s in entry.stappen if not s.lokale_partners]
    if missing:
        found.append(Point(GAP, f"{name} heeft voor {enumeration(missing)} nog geen lokale partner."))
    for p in entry.praktijken:
        if p.gekozen and p.prioriteit == "hoog" and not p.lokale_partners:
            found.append(
                Point(
                    PRIORITY,
                    f"{name} geeft {_lower(p.naam)} hoge prioriteit, maar heeft daarvoor nog geen "
                    "lokale partner.",
                )
            )
    not_arranged = [_lower(h.naam) for h in entry.handvatten if h.status == "niet_geregeld"]
    if not_arranged:
        found.append(Point(NOT_ARRANGED, f"{name} heeft {enumeration(not_arranged)} nog niet geregeld."))
    if entry.coordinator is None:
        found.append(Point(COORDINATOR, f"{name} heeft nog geen coördinator voor de ketenaanpak aangewezen."))
    if entry.regie_herkomst in REGIE_ORIGIN:
        found.append(
            Point(
                REGIE,
                f"{name} heeft niet zelf vastgelegd wie de regie heeft; volgens "
                f"{REGIE_ORIGIN[entry.regie_herkomst]} ligt die bij {_article_lower(entry.regie)}.",
            )
        )
    if entry.sleutelpersonen_herkomst in REGIE_ORIGIN:
        found.append(
            Point(
                REGIE,
                f"{name} heeft niet zelf vastgelegd of de gemeente met sleutelpersonen werkt; "
                f"{REGIE_ORIGIN[entry.sleutelpersonen_herkomst]} is '{entry.sleutelpersonen}'.",
            )
        )
    elif entry.sleutelpersonen == "niet vastgelegd":
        found.append(
            Point(REGIE, f"{name} heeft nog niet vastgelegd of de gemeente met sleutelpersonen werkt.")
        )
    stale, unchecked = stale_checks(entry, today)
    if unchecked:
        found.append(
            Point(
                CHECKS,
                f"Bij {plural(unchecked, 'lokaal contact', 'lokale contacten')} van {name} staat niet "
                "wanneer de gegevens voor het laatst zijn nagekeken.",
            )
        )
    if stale:
        found.append(
            Point(
                CHECKS,
                f"De gegevens van {plural(stale, 'lokaal contact', 'lokale contacten')} van {name} zijn "
                "langer dan twaalf maanden niet nagekeken.",
            )
        )
    kinds = [_kind(f) for f in entry.bevindingen if f.soort == "waarschuwing"]
    phones = kinds.count(PHONES)
    if phones:
        found.append(
            Point(
                PHONES,
                f"{name} noemt {plural(phones, 'telefoonnummer', 'telefoonnummers')} met een ongebruikelijk "
                "netnummer; het is goed die na te bellen.",
            )
        )
    examples = kinds.count(EXAMPLES)
    if examples:
        found.append(
            Point(
                EXAMPLES,
                f"Bij {name} staan nog {plural(examples, 'voorbeeldwaarde', 'voorbeeldwaarden')}, zoals adressen "
                "op het niet-bestaande domein .example; vervang ze door de echte gegevens.",
            )
        )
    unfilled = sum(h.status == "nog_niet_ingevuld" for h in entry.handvatten)
    if unfilled:
        found.append(
            Point(
                UNFILLED,
                f"Voor {unfilled} van de {len(entry.handvatten)} handvatten heeft {name} nog niet "
                "vastgelegd hoe ver de gemeente is.",
            )
        )
    other = kinds.count(OTHER)
    if other:
        found.append(
            Point(
                OTHER,
                f"Voor {name} is er nog {plural(other, 'andere waarschuwing', 'andere waarschuwingen')}; "
                "die staan op het blad Problemen van het overzicht.",
            )
        )
    return tuple(sorted(found))


def region_points(findings: Iterable[Finding | ProblemRow], region: str) -> tuple[Point, ...]:
    """The region file's own findings, told as sentences (phone numbers, old checks, the rest)."""
    kinds = [_kind(f) for f in findings if f.soort == "waarschuwing"]
    found = []
    if kinds.count(CHECKS):
        found.append(
            Point(
                CHECKS,
                f"Bij {plural(kinds.count(CHECKS), 'regionaal contact', 'regionale contacten')} is de "
                "controle van de gegevens verouderd of niet vastgelegd.",
            )
        )
    if kinds.count(PHONES):
        found.append(
            Point(
                PHONES,
                f"De regionale gegevens van {region} noemen "
                f"{plural(kinds.count(PHONES), 'telefoonnummer', 'telefoonnummers')} met een ongebruikelijk "
                "netnummer; het is goed die na te bellen.",
            )
        )
    if kinds.count(EXAMPLES):
        found.append(
            Point(
                EXAMPLES,
                f"In de regionale gegevens van {region} staan nog "
                f"{plural(kinds.count(EXAMPLES), 'voorbeeldwaarde', 'voorbeeldwaarden')}, zoals adressen op het "
                "niet-bestaande domein .example.",
            )
        )
    rest = kinds.count(OTHER) + kinds.count(GAP) + kinds.count(CONCEPT)
    if rest:
        found.append(
            Point(
                OTHER,
                f"Voor de regio is er nog {plural(rest, 'andere waarschuwing', 'andere waarschuwingen')}; "
                "die staan op het blad Problemen van het overzicht.",
            )
        )
    return tuple(sorted(found))
