"""Which pocket cards a municipality gets and what each face says: a pure function of the content model."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from assembler.cardformats import CARD_FORMATS
from assembler.errors import ContentError
from assembler.model.routekaart import Partner, Practice, Routekaart
from assembler.national import NationalContent
from assembler.phone import NUMBER, Phone, digits
from assembler.problems import Place, origin_of

# Partners of these types only help the named audiences: a GP does not call the
# school-attendance officer, a teacher does.
ONLY_FOR = {"leerplicht": frozenset({"onderwijs"})}
# Partners of these types come first for the named audience, because the content
# differs there (a pupil who does not return after the holidays is a leerplicht case).
FIRST_FOR = {"onderwijs": ("leerplicht",)}
# The police is reached through 112 on every card; as "local contact" it would
# crowd out the team that actually advises.
NOT_A_CONTACT = frozenset({"politie"})
SIGNALLING = "signaleren_en_melden"
FGM = "vrouwelijke_genitale_verminking"


@dataclass(frozen=True)
class Origin:
    """Where a text on a card comes from, in words the user recognises; local texts come from the
    profile, and `plek` is where the value stands in it (None for national text and composed lines)."""

    veld: str
    lokaal: bool
    plek: Place | None = None


@dataclass(frozen=True)
class TextBlock:
    kop: str | None
    items: tuple[str, ...]
    stijl: str  # lijst, genummerd, niet, tips, tekst
    herkomst: Origin


@dataclass(frozen=True)
class CallEntry:
    """One line of "whom to call": a label, who, and the number (none for the in-house contact)."""

    soort: str  # intern, lokaal, vgv, veilig_thuis, landelijk, spoed
    label: str
    wie: str | None
    telefoon: Phone | None
    wanneer: str | None
    herkomst: Origin
    telefoon_herkomst: Origin | None = None
    wanneer_herkomst: Origin | None = None


@dataclass(frozen=True)
class CardFace:
    kant: str  # voorkant, achterkant
    kop: str
    meta: str  # the small line above the heading: set and municipality
    blokken: tuple[TextBlock, ...]
    acuut: TextBlock | None
    bellen: tuple[CallEntry, ...]
    qr: str | None
    voet: str | None
    stempel: str | None = None  # CONCEPT across a face of a routekaart that is not adopted yet


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


def _national(what: str, file: str = "kaarten.yaml") -> Origin:
    return Origin(f"landelijke kaarttekst '{what}' ({file})", lokaal=False)


def _local(veld: str, value: object) -> Origin:
    """A text the profile or its region wrote: named in words, and placed where the value stands."""
    return Origin(veld, True, origin_of(value))


def _partner_origin(partner: Partner, field: str) -> Origin:
    where = "profiel" if partner.is_lokaal else "regiobestand"
    return _local(f"{field} van partner '{partner.id}' ({where}, partners)", getattr(partner, field))


def _usable(partner: Partner, audience: str) -> bool:
    """Whether a partner is someone this audience would phone about a case."""
    if not partner.telefoon or partner.type in NOT_A_CONTACT or partner.type == audience:
        return False
    allowed = ONLY_FOR.get(partner.type)
    return allowed is None or audience in allowed


def local_contacts(model: Routekaart, audience: str, practice: str | None) -> tuple[Partner, ...]:
    """The partners to phone, best first: local before regional, signalling partners before others.

    For one practice this is the first local partner covering it with a phone, else a
    regional one, plus the partner types the audience needs first (leerplicht for
    schools). For the general card (practice None) the local partners a professional
    reports signals to (chain step signaleren_en_melden), else every local partner with
    a phone, else the first regional one.
    """
    candidates = [
        p for p in model.partners if _usable(p, audience) and (practice is None or practice in p.praktijken)
    ]
    candidates.sort(key=lambda p: (not p.is_lokaal, SIGNALLING not in p.stappen))
    if not candidates:
        return ()
    first_types = FIRST_FOR.get(audience, ())
    preferred = [p for p in candidates if p.type in first_types]
    if practice is None:
        local = [p for p in candidates if p.is_lokaal]
        local = [p for p in local if SIGNALLING in p.stappen] or local or candidates[:1]
        chosen = preferred + [p for p in local if p not in preferred]
    else:
        main = next((p for p in candidates if p.type not in first_types), None)
        chosen = preferred[:1] + ([main] if main else [])
    return tuple(dict.fromkeys(chosen))


def _partner_entry(partner: Partner) -> CallEntry:
    return CallEntry(
        soort="lokaal",
        label=partner.naam,
        wie=None,
        telefoon=partner.telefoon,
        wanneer=partner.bereikbaarheid,
        herkomst=_partner_origin(partner, "naam"),
        telefoon_herkomst=_partner_origin(partner, "telefoon"),
        wanneer_herkomst=_partner_origin(partner, "bereikbaarheid"),
    )


def _emergency_number(content: NationalContent) -> Phone:
    police = content.organisation("politie")
    if not police.telefoon:
        raise ContentError("organisaties.yaml: de politie heeft geen alarmnummer")
    return police.telefoon


def _calls(
    model: Routekaart,
    content: NationalContent,
    audience: str,
    practices: Sequence[str],
    practice: str | None,
) -> tuple[CallEntry, ...]:
    koppen = _section(content, "koppen")
    group = _section(content, "doelgroepen").get(audience) or {}
    vt = model.veilig_thuis
    entries: list[CallEntry] = []
    # The in-house contact is the same for every practice; it stands once, on the set's general card.
    if practice is None and group.get("aanspreekpunt"):
        entries.append(
            CallEntry(
                soort="intern",
                label=_text(koppen, "intern", "koppen"),
                wie=str(group["aanspreekpunt"]).strip(),
                telefoon=None,
                wanneer=None,
                herkomst=_national(f"doelgroepen.{audience}.aanspreekpunt"),
            )
        )
    entries += [_partner_entry(p) for p in local_contacts(model, audience, practice)]
    vgv = vt.aandachtsfunctionaris_vgv
    if FGM in practices and vgv and vgv.telefoon:
        entries.append(
            CallEntry(
                soort="vgv",
                label=_text(koppen, "vgv", "koppen"),
                wie=vgv.naam,
                telefoon=vgv.telefoon,
                wanneer=None,
                herkomst=_local(
                    "naam van de aandachtsfunctionaris VGV (veilig_thuis.aandachtsfunctionaris_vgv)", vgv.naam
                ),
                telefoon_herkomst=_local(
                    "telefoon van de aandachtsfunctionaris VGV (veilig_thuis.aandachtsfunctionaris_vgv)", vgv.telefoon
                ),
            )
        )
    entries.append(
        CallEntry(
            soort="veilig_thuis",
            label=_text(koppen, "veilig_thuis", "koppen"),
            wie=vt.naam,
            telefoon=vt.telefoon,
            wanneer=vt.bereikbaarheid,
            herkomst=_local("naam van Veilig Thuis (veilig_thuis.naam)", vt.naam),
            telefoon_herkomst=_local("telefoon van Veilig Thuis (veilig_thuis.telefoon)", vt.telefoon),
            wanneer_herkomst=_local("bereikbaarheid van Veilig Thuis (veilig_thuis.bereikbaarheid)", vt.bereikbaarheid),
        )
    )
    national = content.organisation("veilig-thuis")
    if national.telefoon and not national.telefoon.same_number(vt.telefoon):
        # A regional direct line is fine, but the free national number must stay on the card.
        entries.append(
            CallEntry(
                soort="landelijk",
                label=_text(koppen, "landelijk", "koppen"),
                wie=national.naam,
                telefoon=national.telefoon,
                wanneer=national.telefoon_toelichting,
                herkomst=_national("veilig-thuis", "organisaties.yaml"),
                wanneer_herkomst=_national("veilig-thuis", "organisaties.yaml"),
            )
        )
    entries.append(
        CallEntry(
            soort="spoed",
            label=_text(koppen, "acuut", "koppen"),
            wie=_text(koppen, "politie", "koppen"),
            telefoon=_emergency_number(content),
            wanneer=None,
            herkomst=_national("koppen.acuut"),
        )
    )
    return tuple(entries)


def _numbers_in(text: str) -> set[str]:
    """The phone numbers a sentence prints, as digits: '0800-2000 of 112' gives {'08002000', '112'}."""
    return {digits(m) for m in NUMBER.findall(text)}


def _band(model: Routekaart, set_name: str) -> str:
    return f"{set_name} · {model.gemeente}"


def _compact_calls(
    entries: Sequence[CallEntry], acute: str, practice: str, short_fgm: str
) -> tuple[CallEntry, ...]:
    """The few numbers a credit-card practice card has room for, most specific first.

    The full list stands on the set's general card ("Wie bel je?"). Here: the FGM
    aandachtsfunctionaris (the acute route for FGM), the first local contact, and Veilig
    Thuis and 112 unless the card's acute line already prints that number.
    """
    printed = _numbers_in(acute)
    chosen = [replace(e, label=short_fgm) for e in entries if e.soort == "vgv" and practice == FGM]
    chosen += [e for e in entries if e.soort == "lokaal"][:1]
    chosen += [
        e
        for e in entries
        if e.soort in ("veilig_thuis", "spoed") and e.telefoon and e.telefoon.digits not in printed
    ]
    return tuple(chosen)


def _practice_card(
    model: Routekaart,
    content: NationalContent,
    audience: str,
    set_name: str,
    practice: Practice,
    practices: Sequence[str],
) -> Card:
    koppen = _section(content, "koppen")
    text = content.praktijken[practice.key].kaart
    file = "praktijken.yaml"
    compact = CARD_FORMATS[model.kaarten.formaat].compact
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
    back_blocks = (
        TextBlock(
            # On a credit card the numbered list speaks for itself; the line is needed for the numbers.
            None if compact else _text(koppen, "stappen", "koppen"),
            text.stappen,
            "genummerd",
            _national(f"{practice.key}.kaart.stappen", file),
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
    calls = _calls(model, content, audience, (practice.key,), practice.key)
    if compact:
        # A credit card's back holds the steps, the don'ts and a few numbers; the acute line
        # moves to the front, where it is the first thing a reader sees.
        calls = _compact_calls(calls, acute_line, practice.key, _text(koppen, "vgv_kort", "koppen"))
    band = _band(model, set_name)
    return Card(
        id=f"{audience}-{practice.key}",
        titel=practice.naam,
        set_naam=set_name,
        doelgroep=audience,
        praktijk=practice.key,
        gemeente=model.gemeente,
        voorkant=CardFace(
            kant="voorkant",
            kop=practice.naam,
            meta=band,
            blokken=tuple(front_blocks),
            acuut=acute if compact else None,
            bellen=(),
            qr=None,
            voet=None,
        ),
        achterkant=CardFace(
            kant="achterkant",
            # A credit card's back band also carries the set's name; the short form leaves it room.
            kop=(practice.afkorting or practice.naam) if compact else practice.naam,
            meta=band,
            blokken=back_blocks,
            acuut=None if compact else acute,
            bellen=calls,
            qr=None,
            voet=None,
        ),
    )


def _general_card(
    model: Routekaart, content: NationalContent, audience: str, set_name: str, practices: Sequence[str]
) -> Card:
    koppen = _section(content, "koppen")
    general = _section(content, "algemeen")
    group = _section(content, "doelgroepen").get(audience) or {}
    front_blocks = [
        TextBlock(None, (_text(general, "inleiding", "algemeen"),), "tekst", _national("algemeen.inleiding")),
        TextBlock(None, _items(general.get("stappen")), "genummerd", _national("algemeen.stappen")),
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
    title = _text(general, "titel", "algemeen")
    return Card(
        id=f"{audience}-algemeen",
        titel=title,
        set_naam=set_name,
        doelgroep=audience,
        praktijk=None,
        gemeente=model.gemeente,
        voorkant=CardFace(
            kant="voorkant",
            kop=title,
            meta=_band(model, set_name),
            blokken=tuple(front_blocks),
            acuut=TextBlock(
                None, (_text(general, "acuut", "algemeen"),), "tekst", _national("algemeen.acuut")
            ),
            bellen=(),
            qr=None,
            voet=None,
        ),
        achterkant=CardFace(
            kant="achterkant",
            kop=_text(koppen, "bellen", "koppen"),
            meta=_band(model, set_name),
            blokken=(),
            acuut=None,
            bellen=_calls(model, content, audience, practices, None),
            qr=model.kaarten.qr,
            voet=footer,
        ),
    )


def cards_for(model: Routekaart, content: NationalContent) -> tuple[Card, ...]:
    """Every card, set by set: per audience a general card, then one card per selected practice.

    One set per audience keeps printing simple (a school gets its own stack) and lets
    each card carry that audience's tips and in-house contact.
    """
    groups = _section(content, "doelgroepen")
    practices = tuple(p.key for p in model.praktijken)
    cards: list[Card] = []
    for audience, label in zip(model.kaarten.doelgroepen, model.kaarten.doelgroep_namen, strict=True):
        set_name = str((groups.get(audience) or {}).get("naam") or label)
        cards.append(_general_card(model, content, audience, set_name, practices))
        cards += [
            _practice_card(model, content, audience, set_name, practice, practices)
            for practice in model.praktijken
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
