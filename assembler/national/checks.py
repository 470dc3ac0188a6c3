"""Provenance: official sources, checked contacts and the check-content report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assembler.dutch import dutch_date
from assembler.national.types import (
    NationalContent,
    Organisation,
    on_domain,
)

# A check older than this is flagged, on national contacts and a profile's own alike: numbers and pages change.
STALE_AFTER = dt.timedelta(days=365)


@dataclass(frozen=True)
class ContactCheck:
    """One national contact as check-content reports it."""

    organisatie: Organisation
    status: str  # gecontroleerd, niet_gecontroleerd, verouderd, ongeldig

    @property
    def flagged(self) -> bool:
        return self.status != "gecontroleerd"


def own_source(org: Organisation) -> bool:
    """Whether the contact's source is a page of the organisation itself (one of its own domains)."""
    return bool(org.eigen_domeinen) and on_domain(org.bron, org.eigen_domeinen)


def contact_status(org: Organisation, today: dt.date) -> str:
    if not own_source(org):
        return "ongeldig"
    if org.gecontroleerd_op is None:
        return "niet_gecontroleerd"
    if today - org.gecontroleerd_op > STALE_AFTER:
        return "verouderd"
    return "gecontroleerd"


def contact_checks(content: NationalContent, today: dt.date) -> tuple[ContactCheck, ...]:
    return tuple(ContactCheck(o, contact_status(o, today)) for o in content.organisaties)


def unofficial_sources(content: NationalContent) -> tuple[str, ...]:
    """Every printed URL (source list, organisation sources) that is not on an official domain."""
    domains = content.info.officiele_domeinen
    urls = [s.url for s in content.bronnen] + [o.bron for o in content.organisaties]
    # A profession's kader is printed on the cards as a QR code and an address: official pages only.
    for profession in content.beroepen.values():
        urls += [*([profession.adres] if profession.adres else []), *profession.bronnen]
    return tuple(u for u in urls if not on_domain(u, domains))


def sources_off_own_domain(content: NationalContent) -> tuple[str, ...]:
    """Organisations whose contact source is not a page on their own domain: another body's page,
    however official, is not where an organisation's number is confirmed."""
    return tuple(o.id for o in content.organisaties if not own_source(o))


def checks_off_own_domain(content: NationalContent) -> tuple[str, ...]:
    """Organisations with a check date whose source is not on the organisation's own domain."""
    return tuple(o.id for o in content.organisaties if o.gecontroleerd_op and not own_source(o))


_STATUS_TEXT = {
    "niet_gecontroleerd": "LET OP: niet gecontroleerd op de eigen pagina van de organisatie",
    "verouderd": "LET OP: controle is ouder dan 12 maanden",
    "ongeldig": "LET OP: bron staat niet op een eigen domein van de organisatie",
}


def report_lines(content: NationalContent, today: dt.date) -> list[str]:
    """The Dutch report of ``assembler inhoud`` (formerly check-content), line by line."""
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
        number = " en ".join(str(n) for n in org.nummers)
        lines.append(f"- {org.naam}: {number or 'geen telefoonnummer opgenomen'}")
        lines.append(f"  bron: {org.bron}")
        if org.gecontroleerd_op:
            lines.append(f"  gecontroleerd op {dutch_date(org.gecontroleerd_op)}")
        if org.controle:
            lines.append(f"  controle: {' '.join(org.controle.split())}")
        if check.status == "ongeldig":
            lines.append(f"  {_STATUS_TEXT['ongeldig']}")
        # A check against another page is no check: such a contact counts as unchecked too.
        if check.status in ("ongeldig", "niet_gecontroleerd"):
            lines.append(f"  {_STATUS_TEXT['niet_gecontroleerd']}")
        elif check.status == "verouderd":
            lines.append(f"  {_STATUS_TEXT['verouderd']}")
    bad_sources = unofficial_sources(content)
    for url in bad_sources:
        lines.append(f"LET OP: bron niet op een officieel domein: {url}")
    flagged = sum(c.flagged for c in checks)
    off_own = len(sources_off_own_domain(content))
    undated = sum(1 for s in content.bronnen if s.geraadpleegd is None)
    lines += [
        "",
        f"{len(checks)} contacten: {len(checks) - flagged} gecontroleerd, {flagged} gemarkeerd "
        f"({off_own} met een bron buiten de eigen domeinen); {len(bad_sources)} niet-officiële bronnen.",
        f"{len(content.bronnen)} bronnen, waarvan {undated} zonder datum van een controle op de eigen pagina.",
    ]
    return lines
