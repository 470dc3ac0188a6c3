"""The contact rule of the pocket cards, in one place: whom a card tells its reader to call, and why.

In this order:

1. the audience's own aandachtsfunctionaris (kaarten.yaml, ``aanspreekpunt``);
2. Veilig Thuis for advice and reporting, with its hours (and the free national number
   beside a regional direct line);
3. partners the profile ties to this card: reachable for the audience's questions
   (``aanspreekpunt_voor``), with the card's practice in ``praktijken`` (every chosen
   practice on a set's general card) and a role in signaleren_en_melden
   (profile/cardreach.left_out); on a card about FGM, Veilig Thuis's FGM officer;
4. 112 for acute danger.

A case conference, the police as a contact, a partner outside the card's practice and a
number already printed under a national name never stand on a card. No fitting partner
leaves the aandachtsfunctionaris and Veilig Thuis: nothing is made up. Every card face with
numbers, and the "Kaarten" sheet of the regional overview, read this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from assembler.dutch import enumeration, short_hours
from assembler.errors import ContentError
from assembler.model.routekaart import Partner, Routekaart
from assembler.national import NationalContent
from assembler.phone import Phone
from assembler.problems import Place, origin_of
from assembler.profile.cardreach import (
    SIGNALLING,
    Reach,
    audience_label,
    left_out,
    national_numbers,
    number_key,
)

__all__ = [
    "FGM",
    "CallEntry",
    "LeftOut",
    "Origin",
    "Routing",
    "card_routing",
    "for_practice_card",
    "national_origin",
]

FGM = "vrouwelijke_genitale_verminking"
# Partners of these types come first for the named audience: a pupil who does not return
# after the holidays is a leerplicht case.
FIRST_FOR = {"onderwijs": ("leerplicht",)}


@dataclass(frozen=True)
class Origin:
    """Where a text on a card comes from, in words the user recognises; local texts come from the
    profile, and `plek` is where the value stands in it (None for national text and composed lines)."""

    veld: str
    lokaal: bool
    plek: Place | None = None


@dataclass(frozen=True)
class CallEntry:
    """One line of "whom to call": a label, who, and the number (none for the in-house contact)."""

    soort: str  # intern, lokaal, vgv, veilig_thuis, landelijk, spoed
    label: str
    wie: str | None
    telefoon: Phone | None
    wanneer: str | None  # the hours in their short form ("ma–vr 9–17", "24/7")
    herkomst: Origin
    telefoon_herkomst: Origin | None = None
    wanneer_herkomst: Origin | None = None
    reden: str = ""  # why the rule puts it on the card, for the regional "Kaarten" sheet


@dataclass(frozen=True)
class LeftOut:
    """A partner of the municipality that is not on a card, and why."""

    naam: str
    reden: str


@dataclass(frozen=True)
class Routing:
    """The numbers on one card face, in order, and the partners the rule left off it."""

    bellen: tuple[CallEntry, ...]
    weggelaten: tuple[LeftOut, ...]


def national_origin(what: str, file: str = "kaarten.yaml") -> Origin:
    return Origin(f"landelijke kaarttekst '{what}' ({file})", lokaal=False)


def _local(veld: str, value: object) -> Origin:
    """A text the profile or its region wrote: named in words, and placed where the value stands."""
    return Origin(veld, True, origin_of(value))


def _partner_origin(partner: Partner, field: str) -> Origin:
    where = "profiel" if partner.is_lokaal else "regiobestand"
    return _local(f"{field} van partner '{partner.id}' ({where}, partners)", getattr(partner, field))


def _heading(content: NationalContent, key: str) -> str:
    koppen = content.kaarten.get("koppen")
    value = koppen.get(key) if isinstance(koppen, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"kaarten.yaml mist de tekst 'koppen.{key}'")
    return value.strip()


def reach(model: Routekaart, partner: Partner) -> Reach:
    """What the rule looks at in a partner of the model."""
    signalling = next((s for s in model.stappen if s.key == SIGNALLING), None)
    return Reach(
        naam=partner.naam,
        type=partner.type,
        praktijken=partner.praktijken,
        voor=partner.aanspreekpunt_voor,
        in_step=signalling is not None and partner in signalling.partners,
        telefoon=partner.telefoon,
    )


def card_numbers(model: Routekaart, content: NationalContent) -> dict[str, str]:
    """Every number a card prints under a name of its own: national numbers, Veilig Thuis, its FGM officer."""
    vt = model.veilig_thuis
    officer = vt.aandachtsfunctionaris_vgv
    own = [
        (vt.telefoon, vt.naam),
        (officer.telefoon if officer else None, f"de aandachtsfunctionaris VGV van {vt.naam}"),
    ]
    return national_numbers(content, own)


def fitting_partners(
    model: Routekaart, content: NationalContent, audience: str, practices: Sequence[str]
) -> tuple[tuple[Partner, ...], tuple[LeftOut, ...]]:
    """The partners the rule puts on a card, best first, and the others with the reason.

    Local partners come before regional ones, and the types the audience needs first
    (leerplicht for schools) before the rest; otherwise the profile's order holds.
    """
    numbers = card_numbers(model, content)
    chosen: list[Partner] = []
    skipped: list[LeftOut] = []
    for partner in model.partners:
        why = left_out(reach(model, partner), audience, practices, numbers, content)
        if why is None:
            chosen.append(partner)
        else:
            skipped.append(LeftOut(partner.naam, why))
    first = FIRST_FOR.get(audience, ())
    chosen.sort(key=lambda p: (p.type not in first, not p.is_lokaal))
    return tuple(chosen), tuple(skipped)


def _partner_entry(partner: Partner, why: str) -> CallEntry:
    return CallEntry(
        soort="lokaal",
        label=partner.naam,
        wie=None,
        telefoon=partner.telefoon,
        wanneer=short_hours(partner.bereikbaarheid) if partner.bereikbaarheid else None,
        herkomst=_partner_origin(partner, "naam"),
        telefoon_herkomst=_partner_origin(partner, "telefoon"),
        wanneer_herkomst=_partner_origin(partner, "bereikbaarheid"),
        reden=why,
    )


def _emergency_number(content: NationalContent) -> Phone:
    police = content.organisation("politie")
    if not police.telefoon:
        raise ContentError("organisaties.yaml: de politie heeft geen alarmnummer")
    return police.telefoon


def card_routing(model: Routekaart, content: NationalContent, audience: str, practice: str | None) -> Routing:
    """The whole list for one card: a practice card (``practice``) or the set's general card (None)."""
    chosen = tuple(p.key for p in model.praktijken)
    practices = (practice,) if practice else chosen
    group = (content.kaarten.get("doelgroepen") or {}).get(audience) or {}
    vt = model.veilig_thuis
    entries: list[CallEntry] = []
    if group.get("aanspreekpunt"):
        entries.append(
            CallEntry(
                soort="intern",
                label=_heading(content, "intern"),
                wie=str(group["aanspreekpunt"]).strip(),
                telefoon=None,
                wanneer=None,
                herkomst=national_origin(f"doelgroepen.{audience}.aanspreekpunt"),
                reden=f"eigen aandachtsfunctionaris van {audience_label(audience, content)}",
            )
        )
    entries.append(
        CallEntry(
            soort="veilig_thuis",
            label=_heading(content, "veilig_thuis"),
            wie=vt.naam,
            telefoon=vt.telefoon,
            wanneer=short_hours(vt.bereikbaarheid) if vt.bereikbaarheid else None,
            herkomst=_local("naam van Veilig Thuis (veilig_thuis.naam)", vt.naam),
            telefoon_herkomst=_local("telefoon van Veilig Thuis (veilig_thuis.telefoon)", vt.telefoon),
            wanneer_herkomst=_local("bereikbaarheid van Veilig Thuis (veilig_thuis.bereikbaarheid)", vt.bereikbaarheid),
            reden="advies en melden",
        )
    )
    national = content.organisation("veilig-thuis")
    if national.telefoon and not national.telefoon.same_number(vt.telefoon):
        # A regional direct line is fine, but the free national number must stay on the card.
        entries.append(
            CallEntry(
                soort="landelijk",
                label=_heading(content, "landelijk"),
                wie=national.naam,
                telefoon=national.telefoon,
                wanneer=short_hours(national.telefoon_toelichting) if national.telefoon_toelichting else None,
                herkomst=national_origin("veilig-thuis", "organisaties.yaml"),
                wanneer_herkomst=national_origin("veilig-thuis", "organisaties.yaml"),
                reden="het gratis landelijke nummer, naast het eigen nummer van de regio",
            )
        )
    partners, skipped = fitting_partners(model, content, audience, practices)
    scope = (
        content.praktijken[practice].naam.lower()
        if practice
        else "alle gekozen praktijken"
        if len(chosen) > 1
        else enumeration(content.praktijken[k].naam.lower() for k in chosen)
    )
    why = (
        f"aanspreekpunt voor {audience_label(audience, content)}; rol bij {scope} en bij signaleren en melden"
    )
    entries += [_partner_entry(p, why) for p in partners]
    officer = vt.aandachtsfunctionaris_vgv
    if FGM in practices and officer and officer.telefoon:
        entries.append(
            CallEntry(
                soort="vgv",
                label=_heading(content, "vgv"),
                wie=officer.naam,
                telefoon=officer.telefoon,
                wanneer=None,
                herkomst=_local(
                    "naam van de aandachtsfunctionaris VGV (veilig_thuis.aandachtsfunctionaris_vgv)", officer.naam
                ),
                telefoon_herkomst=_local(
                    "telefoon van de aandachtsfunctionaris VGV (veilig_thuis.aandachtsfunctionaris_vgv)",
                    officer.telefoon,
                ),
                reden="aandachtsfunctionaris VGV van Veilig Thuis, bij vrouwelijke genitale verminking",
            )
        )
    entries.append(
        CallEntry(
            soort="spoed",
            label=_heading(content, "acuut"),
            wie=_heading(content, "politie"),
            telefoon=_emergency_number(content),
            wanneer=None,
            herkomst=national_origin("koppen.acuut"),
            reden="acuut gevaar",
        )
    )
    return Routing(_ordered(entries), skipped)


# The order on a card: in-house first, then the local partners, the FGM officer, Veilig Thuis, 112.
_ORDER = ("intern", "lokaal", "vgv", "veilig_thuis", "landelijk", "spoed")


def _ordered(entries: Sequence[CallEntry]) -> tuple[CallEntry, ...]:
    return tuple(sorted(entries, key=lambda e: _ORDER.index(e.soort)))


def for_practice_card(
    routing: Routing, room: int, printed: set[str] | None, practice: str, short_fgm: str | None
) -> Routing:
    """The numbers a practice card's back has room for, most specific first.

    The in-house contact stands in step 2 and on the set's general card, so not here; at most
    ``room`` partners (the rest are listed as left off). On a credit card (``printed``: the
    number keys the acute line on its front already prints) the FGM officer comes first under
    its short label (``short_fgm``), and Veilig Thuis and 112 only when the acute line lacks them.
    """
    entries = [e for e in routing.bellen if e.soort != "intern"]
    local = [e for e in entries if e.soort == "lokaal"]
    kept = local[:room]
    why = "op een praktijkkaart van dit formaat is plaats voor " + (
        "één lokaal nummer" if room == 1 else f"{room} lokale nummers"
    )
    dropped = tuple(LeftOut(e.label, why) for e in local[room:])
    if printed is None:
        chosen = [e for e in entries if e.soort != "lokaal" or e in kept]
        return Routing(tuple(chosen), dropped + routing.weggelaten)
    chosen = [replace(e, label=short_fgm or e.label) for e in entries if e.soort == "vgv" and practice == FGM]
    chosen += kept
    chosen += [
        e
        for e in entries
        if e.soort in ("veilig_thuis", "spoed") and e.telefoon and number_key(e.telefoon) not in printed
    ]
    return Routing(tuple(chosen), dropped + routing.weggelaten)
