"""Where the national content comes from: official sources, checked contacts, and the check-content report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assembler.dutch import dutch_date
from assembler.national import NationalContent, Organisation, on_domain

# A check older than this is flagged: numbers and pages change.
STALE_AFTER = dt.timedelta(days=365)


@dataclass(frozen=True)
class ContactCheck:
    """One national contact as check-content reports it."""

    organisatie: Organisation
    status: str  # gecontroleerd, niet_gecontroleerd, verouderd, ongeldig

    @property
    def flagged(self) -> bool:
        return self.status != "gecontroleerd"


def contact_status(org: Organisation, today: dt.date) -> str:
    if org.gecontroleerd_op is None:
        return "niet_gecontroleerd"
    if not on_domain(org.bron, org.eigen_domeinen):
        return "ongeldig"
    if today - org.gecontroleerd_op > STALE_AFTER:
        return "verouderd"
    return "gecontroleerd"


def contact_checks(content: NationalContent, today: dt.date) -> tuple[ContactCheck, ...]:
    return tuple(ContactCheck(o, contact_status(o, today)) for o in content.organisaties)


def unofficial_sources(content: NationalContent) -> tuple[str, ...]:
    """Every printed URL (source list, organisation sources) that is not on an official domain."""
    domains = content.info.officiele_domeinen
    urls = [s.url for s in content.bronnen] + [o.bron for o in content.organisaties]
    return tuple(u for u in urls if not on_domain(u, domains))


def checks_off_own_domain(content: NationalContent) -> tuple[str, ...]:
    """Organisations with a check date whose source is not on the organisation's own domain."""
    return tuple(
        o.id for o in content.organisaties if o.gecontroleerd_op and not on_domain(o.bron, o.eigen_domeinen)
    )


_STATUS_TEXT = {
    "niet_gecontroleerd": "LET OP: niet gecontroleerd op de eigen pagina van de organisatie",
    "verouderd": "LET OP: controle is ouder dan 12 maanden",
    "ongeldig": "LET OP: controledatum zonder bron op het eigen domein van de organisatie",
}


def report_lines(content: NationalContent, today: dt.date) -> list[str]:
    """The Dutch report of ``assembler check-content``, line by line."""
    info = content.info
    lines = [
        f"Landelijke inhoud: versie {info.versie} van {dutch_date(info.datum)}",
        f"Officiële domeinen voor bronnen: {len(info.officiele_domeinen)}",
        "",
        "Landelijke contactgegevens:",
    ]
    checks = contact_checks(content, today)
    for check in checks:
        org = check.organisatie
        number = org.telefoon or "geen telefoonnummer opgenomen"
        lines.append(f"- {org.naam}: {number}")
        lines.append(f"  bron: {org.bron}")
        if org.gecontroleerd_op:
            lines.append(f"  gecontroleerd op {dutch_date(org.gecontroleerd_op)}")
            if org.controle:
                lines.append(f"  hoe: {' '.join(org.controle.split())}")
        if check.flagged:
            lines.append(f"  {_STATUS_TEXT[check.status]}")
    bad_sources = unofficial_sources(content)
    for url in bad_sources:
        lines.append(f"LET OP: bron niet op een officieel domein: {url}")
    flagged = sum(c.flagged for c in checks)
    lines += [
        "",
        f"{len(checks)} contacten: {len(checks) - flagged} gecontroleerd, {flagged} gemarkeerd; "
        f"{len(bad_sources)} niet-officiële bronnen.",
    ]
    return lines
