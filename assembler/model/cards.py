"""Which pocket cards a municipality gets and what each face says: a pure function of the content model."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from assembler.cardformats import CARD_FORMATS
from assembler.errors import ContentError
from assembler.model.contacts import (
    CallEntry,
    LeftOut,
    Origin,
    Routing,
    card_routing,
    for_practice_card,
    national_origin,
)
from assembler.model.routekaart import Practice, Routekaart
from assembler.national import NationalContent, Profession
from assembler.phone import NUMBER
from assembler.profile.cardreach import number_key

__all__ = ["CallEntry", "Card", "CardFace", "Origin", "TextBlock", "cards_for"]


@dataclass(frozen=True)
class TextBlock:
    kop: str | None
    items: tuple[str, ...]
    stijl: str  # lijst, genummerd, niet, tips, tekst
    herkomst: Origin


@dataclass(frozen=True)
class CardFace:
    kant: str  # voorkant, achterkant
    kop: str
    meta: str  # the small line above the heading: set and municipality
    blokken: tuple[TextBlock, ...]
    acuut: TextBlock | None = None
    bellen: tuple[CallEntry, ...] = ()
    qr: str | None = None
    voet: str | None = None
    stempel: str | None = None  # CONCEPT across a face of a routekaart that is not adopted yet
    qr_tekst: str | None = None  # the label beside the QR code, when it is not the routekaart's


@dataclass(frozen=True)
class Card:
    id: str
    titel: str
    set_naam: str
    doelgroep: str
    praktijk: str | None
    gemeente: str
    voorkant: CardFace
    achterkant: CardFace
    # The municipality's partners the contact rule left off this card, and why (the "Kaarten" sheet).
    weggelaten: tuple[LeftOut, ...] = ()

    @property
    def faces(self) -> tuple[CardFace, CardFace]:
        return (self.voorkant, self.achterkant)

    @property
    def label(self) -> str:
        """How messages name this card: its title and its set."""
        return f"'{self.titel}' (set {self.set_naam})"


def _section(content: NationalContent, key: str) -> Mapping[str, Any]:
    value = content.kaarten.get(key)
    if not isinstance(value, Mapping):
        raise ContentError(f"kaarten.yaml mist het onderdeel '{key}'")
    return value


def _text(section: Mapping[str, Any], key: str, where: str) -> str:
    value = section.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"kaarten.yaml mist de tekst '{where}.{key}'")
    return value.strip()


def _items(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),)
    return tuple(str(v).strip() for v in value if str(v).strip())


_national = national_origin


def _numbers_in(text: str) -> set[str]:
    """The phone numbers a sentence prints, as number keys: '0800-2000 of 112' gives two."""
    return {number_key(m) for m in NUMBER.findall(text)}


def _band(model: Routekaart, set_name: str) -> str:
    return f"{set_name} · {model.gemeente}"


def _card(
    model: Routekaart,
    audience: str,
    set_name: str,
    key: str,
    faces: tuple[CardFace, CardFace],
    praktijk: str | None = None,
    weggelaten: tuple[LeftOut, ...] = (),
) -> Card:
    """A card of the audience's set, titled as its front; ``key``: the practice, 'algemeen' or 'meldcode'."""
    return Card(
        id=f"{audience}-{key}",
        titel=faces[0].kop,
        set_naam=set_name,
        doelgroep=audience,
        praktijk=praktijk,
        gemeente=model.gemeente,
        voorkant=faces[0],
        achterkant=faces[1],
        weggelaten=weggelaten,
    )


def _practice_steps(content: NationalContent, practice: str, profession: Profession) -> tuple[str, ...]:
    """The practice's five meldcode steps; a profession with its own route (the police) ends with that
    route instead of steps 4 and 5, the afwegingskader it does not use."""
    steps = content.praktijken[practice].kaart.stappen
    if profession.route is None:
        return steps
    return (*steps[:3], *profession.route.praktijkstappen)


def _practice_card(
    model: Routekaart,
    content: NationalContent,
    audience: str,
    set_name: str,
    practice: Practice,
) -> Card:
    koppen = _section(content, "koppen")
    text = content.praktijken[practice.key].kaart
    profession = content.profession(audience)
    file = "praktijken.yaml"
    small = CARD_FORMATS[model.kaarten.formaat].compact
    front_blocks = [
        TextBlock(
            _text(koppen, "signalen", "koppen"),
            text.signalen,
            "lijst",
            _national(f"{practice.key}.kaart.signalen", file),
        )
    ]
    tips = text.doelgroepen.get(audience, ())
    if tips:
        front_blocks.append(
            TextBlock(
                _text(koppen, "tips", "koppen"),
                tips,
                "tips",
                _national(f"{practice.key}.kaart.doelgroepen.{audience}", file),
            )
        )
    steps_origin = (
        _national(f"{practice.key}.kaart.stappen", file)
        if profession.route is None
        else _national(f"{audience}.route.praktijkstappen en {practice.key}.kaart.stappen", "beroepen.yaml")
    )
    back_blocks = (
        TextBlock(
            # On a credit card the numbered list speaks for itself; the line is needed for the numbers.
            None if small else _text(koppen, "stappen", "koppen"),
            _practice_steps(content, practice.key, profession),
            "genummerd",
            steps_origin,
        ),
        TextBlock(
            _text(koppen, "niet_doen", "koppen"),
            text.niet_doen,
            "niet",
            _national(f"{practice.key}.kaart.niet_doen", file),
        ),
    )
    # The police reads its own acute line: it is not told to call the police.
    acute_line = text.acuut_doelgroepen.get(audience, text.acuut)
    acute_field = "acuut_doelgroepen." + audience if audience in text.acuut_doelgroepen else "acuut"
    acute = TextBlock(None, (acute_line,), "tekst", _national(f"{practice.key}.kaart.{acute_field}", file))
    # A credit card's back holds the steps, the don'ts and a few numbers; the acute line moves
    # to the front, where it is the first thing a reader sees.
    routing: Routing = for_practice_card(
        card_routing(model, content, audience, practice.key),
        room=1 if small else 2,
        printed=_numbers_in(acute_line) if small else None,
        practice=practice.key,
        short_fgm=_text(koppen, "vgv_kort", "koppen") if small else None,
    )
    band = _band(model, set_name)
    front = CardFace("voorkant", practice.naam, band, tuple(front_blocks), acuut=acute if small else None)
    back = CardFace(
        "achterkant",
        # A credit card's back band also carries the set's name; the short form leaves it room.
        (practice.afkorting or practice.naam) if small else practice.naam,
        band,
        back_blocks,
        acuut=None if small else acute,
        bellen=routing.bellen,
    )
    return _card(model, audience, set_name, practice.key, (front, back), practice.key, routing.weggelaten)


def _general_card(model: Routekaart, content: NationalContent, audience: str, set_name: str) -> Card:
    """The set's first card: the meldcode in five steps (or the police's own route), and whom to call."""
    koppen = _section(content, "koppen")
    general = _section(content, "algemeen")
    group = _section(content, "doelgroepen").get(audience) or {}
    route = content.profession(audience).route
    if route is None:
        title = _text(general, "titel", "algemeen")
        front_blocks = [
            TextBlock(
                None, (_text(general, "inleiding", "algemeen"),), "tekst", _national("algemeen.inleiding")
            ),
            TextBlock(None, _items(general.get("stappen")), "genummerd", _national("algemeen.stappen")),
        ]
    else:
        # Not under the Wet verplichte meldcode: its own route, never "Meldcode in 5 stappen".
        where = f"{audience}.route"
        title = route.titel
        front_blocks = [
            TextBlock(None, (route.inleiding,), "tekst", _national(f"{where}.inleiding", "beroepen.yaml")),
            TextBlock(None, route.stappen, "genummerd", _national(f"{where}.stappen", "beroepen.yaml")),
        ]
    tips = _items(group.get("tips"))
    if tips:
        front_blocks.append(
            TextBlock(
                _text(koppen, "tips", "koppen"), tips, "tips", _national(f"doelgroepen.{audience}.tips")
            )
        )
    dont = _items(general.get("niet_doen"))
    if dont:
        front_blocks.append(
            TextBlock(_text(koppen, "niet_doen", "koppen"), dont, "niet", _national("algemeen.niet_doen"))
        )
    edition = model.vastgesteld_op_tekst or model.concept_tekst.lower()
    footer = f"{_text(koppen, 'versie', 'koppen')} {model.gemeente}, versie {model.versie}, {edition}"
    routing = card_routing(model, content, audience, None)
    band = _band(model, set_name)
    acute = TextBlock(None, (_text(general, "acuut", "algemeen"),), "tekst", _national("algemeen.acuut"))
    front = CardFace("voorkant", title, band, tuple(front_blocks), acuut=acute)
    back = CardFace(
        "achterkant",
        _text(koppen, "bellen", "koppen"),
        band,
        (),
        bellen=routing.bellen,
        qr=model.kaarten.qr,
        voet=footer,
    )
    return _card(model, audience, set_name, "algemeen", (front, back), weggelaten=routing.weggelaten)


def _profession_card(model: Routekaart, content: NationalContent, audience: str, set_name: str) -> Card:
    """The set's card "Jouw meldcode": the reader's own meldcode or afwegingskader by name, with a QR
    code to its official page, what differs for this profession, and the meldcode's words explained."""
    text = _section(content, "beroep")
    profession = content.profession(audience)
    where = f"{audience} ({audience}.meldcode)"
    if profession.meldcode:
        name = TextBlock(None, (profession.meldcode,), "naam", _national(where, "beroepen.yaml"))
    else:
        # No kader confirmed for this profession: point to the organisation's own, print no name.
        name = TextBlock(None, (_text(text, "eigen", "beroep"),), "naam", _national("beroep.eigen"))
    blocks = [name]
    if profession.verschillen:
        blocks.append(
            TextBlock(
                _text(text, "verschillen", "beroep"),
                profession.verschillen,
                "lijst",
                _national(f"{audience}.verschillen", "beroepen.yaml"),
            )
        )
    words = TextBlock(
        _text(text, "woorden_kop", "beroep"),
        _items(text.get("woorden")),
        "lijst",
        _national("beroep.woorden"),
    )
    title = _text(text, "kop", "beroep")
    band = _band(model, set_name)
    label = (profession.adres_tekst or _text(text, "adres", "beroep")) if profession.adres else None
    front = CardFace("voorkant", title, band, tuple(blocks))
    back = CardFace("achterkant", title, band, (words,), qr=profession.adres, qr_tekst=label)
    return _card(model, audience, set_name, "meldcode", (front, back))


def cards_for(model: Routekaart, content: NationalContent) -> tuple[Card, ...]:
    """Every card, set by set: per audience a general card, the profession's card "Jouw meldcode"
    (not for a profession with its own route), then one card per selected practice.

    One set per audience keeps printing simple (a school gets its own stack) and lets
    each card carry that audience's meldcode, tips and in-house contact.
    """
    groups = _section(content, "doelgroepen")
    cards: list[Card] = []
    for audience, label in zip(model.kaarten.doelgroepen, model.kaarten.doelgroep_namen, strict=True):
        set_name = str((groups.get(audience) or {}).get("naam") or label)
        cards.append(_general_card(model, content, audience, set_name))
        if content.profession(audience).route is None:
            cards.append(_profession_card(model, content, audience, set_name))
        cards += [
            _practice_card(model, content, audience, set_name, practice) for practice in model.praktijken
        ]
    if model.is_concept:
        cards = [
            replace(
                card,
                voorkant=replace(card.voorkant, stempel=model.concept_tekst),
                achterkant=replace(card.achterkant, stempel=model.concept_tekst),
            )
            for card in cards
        ]
    return tuple(cards)
