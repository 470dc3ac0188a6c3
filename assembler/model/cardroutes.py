"""The routing of every pocket card in review form: per set and card, whom it names, why, and who is left off.

The regional overview's sheet "Kaarten" and the regional document's summary read this, so a
Veilig Thuis coordinator can check every card's routing without opening the PDFs. It is made
from the cards themselves (model/cards.py), so it says what the cards print.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assembler.model.cards import Card, cards_for
from assembler.model.routekaart import Routekaart
from assembler.national import NationalContent
from assembler.phone import NUMBER, Phone
from assembler.profile.cardreach import number_key

GENERAL_CARD = "Wie bel je? (kaart 1 van de set)"


@dataclass(frozen=True)
class CardContact:
    """One line of a card's list of numbers."""

    soort: str  # intern, lokaal, vgv, veilig_thuis, landelijk, spoed (model/contacts.py)
    naam: str  # the partner, person or organisation; for the in-house contact who it is
    tekst: str  # as the card says it: label, who, number and hours
    telefoon: Phone | None
    reden: str


@dataclass(frozen=True)
class CardSkip:
    naam: str
    reden: str


@dataclass(frozen=True)
class CardRoute:
    """One card with numbers: a set's general card or a practice card."""

    doelgroep: str  # the set's name
    kaart: str  # the practice's name, or GENERAL_CARD
    contacten: tuple[CardContact, ...]
    # The acute line when it prints numbers the list does not (a credit card's practice card).
    acuut: str | None
    weggelaten: tuple[CardSkip, ...]

    @property
    def lokaal(self) -> tuple[str, ...]:
        """The names of the local and regional partners on the card."""
        return tuple(c.naam for c in self.contacten if c.soort == "lokaal")


def _line(label: str, wie: str | None, telefoon: Phone | None, wanneer: str | None) -> str:
    text = f"{label}: {wie}" if wie else label
    if telefoon:
        text += f", {telefoon}"
    return text + (f" ({wanneer})" if wanneer else "")


def _route(card: Card) -> CardRoute:
    face = card.achterkant
    contacts = tuple(
        CardContact(e.soort, e.wie or e.label, _line(e.label, e.wie, e.telefoon, e.wanneer), e.telefoon, e.reden)
        for e in face.bellen
    )
    listed = {number_key(c.telefoon) for c in contacts if c.telefoon}
    acute = card.voorkant.acuut or face.acuut
    line = " ".join(acute.items) if acute else None
    numbers = {number_key(n) for n in NUMBER.findall(line or "")}
    return CardRoute(
        doelgroep=card.set_naam,
        kaart=card.titel if card.praktijk else GENERAL_CARD,
        contacten=contacts,
        acuut=line if numbers - listed else None,
        weggelaten=tuple(CardSkip(s.naam, s.reden) for s in card.weggelaten),
    )


def card_routes(model: Routekaart, content: NationalContent) -> tuple[CardRoute, ...]:
    """Every card that tells its reader whom to call, in print order."""
    return routes_of(cards_for(model, content))


def routes_of(cards: Iterable[Card]) -> tuple[CardRoute, ...]:
    return tuple(_route(c) for c in cards if c.achterkant.bellen or c.praktijk)
