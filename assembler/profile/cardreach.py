"""Which partners a pocket card may name, and validate's warnings about the routing on the cards.

A card names a local or regional partner only when the profile marks it as reachable for the
card's audience (``aanspreekpunt_voor``), ties it to the card's practice (``praktijken``) and to
the step signaleren_en_melden, and it has a number of its own: a case-conference body and the
police never stand on a card as a contact, and a national number is printed once, under its own
name. The contact rule of the cards (model/contacts.py) asks :func:`left_out` about every
partner; the checks below give the same answers as warnings with the place to mend them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assembler.dutch import enumeration
from assembler.national import AUDIENCES, PRACTICES, NationalContent, national_content
from assembler.phone import Phone, digits, read_phone
from assembler.problems import Problem
from assembler.profile.loader import Document
from assembler.profile.schema import ALL

SIGNALLING = "signaleren_en_melden"
# A case conference ("als een zaak vastloopt") is not a desk a teacher phones.
CASE_CONFERENCE = frozenset({"zorg_en_veiligheidshuis"})
# The police stand on every card under 112; as a "local contact" they would crowd out the advisers.
POLICE = "politie"
NEVER_ON_A_CARD = CASE_CONFERENCE | {POLICE}
# The police's own national numbers (112, 0900-8844, the LEC EGG) are not a stand-in under another name.
POLICE_NUMBERS = frozenset({"politie", "lec-egg"})


def number_key(number: Phone | str | None) -> str:
    """One form of a phone number for comparing, the line it dials: 0800-2000, 0800 2000 and
    +31 800 2000 give one key. A Phone (the model's numbers, the national content's) gives its
    own; a number as the raw profile writes it is read as a Phone first.

    Every comparison of numbers for the cards goes through here.
    """
    if not number:
        return ""
    if isinstance(number, Phone):
        return number.uri
    reading = read_phone(str(number))
    return reading.phone.uri if reading.phone else digits(str(number))


@dataclass(frozen=True)
class Reach:
    """What the contact rule looks at in one partner."""

    naam: str
    type: str
    praktijken: tuple[str, ...]  # 'alle' expanded
    voor: tuple[str, ...]  # aanspreekpunt_voor, 'alle' expanded
    in_step: bool  # a role in signaleren_en_melden: its own step, or named for that chain step
    telefoon: Phone | str | None  # a Phone in the model, the text the profile wrote in validate


def expand(values: Iterable[str] | None, universe: Sequence[str]) -> tuple[str, ...]:
    chosen = list(values or [])
    return tuple(universe) if ALL in chosen else tuple(v for v in universe if v in chosen)


def reach_of(raw: Mapping[str, Any], named: Iterable[str] = ()) -> Reach:
    """The reach of a partner as the profile writes it; ``named`` are the ids the step names."""
    return Reach(
        naam=str(raw.get("naam")),
        type=str(raw.get("type")),
        praktijken=expand(raw.get("praktijken") or [ALL], PRACTICES),
        voor=expand(raw.get("aanspreekpunt_voor"), AUDIENCES),
        in_step=SIGNALLING in (raw.get("stappen") or []) or raw.get("id") in set(named),
        telefoon=raw.get("telefoon"),
    )


def national_numbers(
    content: NationalContent, own: Iterable[tuple[Phone | str | None, str]] = ()
) -> dict[str, str]:
    """Number key -> the name a card prints it under: every national number, and ``own`` (number, name)
    pairs, the region's Veilig Thuis and its FGM officer, which the cards print under their own names."""
    found: dict[str, str] = {}
    for phone, name in own:
        if phone:
            found.setdefault(number_key(phone), name)
    for org in content.organisaties:
        for phone in (org.telefoon, org.telefoon_zonder_spoed):
            if phone:
                found.setdefault(number_key(phone), org.naam)
    return found


def veilig_thuis_numbers(veilig_thuis: Mapping[str, Any] | None) -> list[tuple[Phone | str | None, str]]:
    """The (number, name) pairs of a profile's Veilig Thuis section, as the cards print them."""
    if not veilig_thuis:
        return []
    name = str(veilig_thuis.get("naam") or "Veilig Thuis")
    officer = veilig_thuis.get("aandachtsfunctionaris_vgv") or {}
    return [
        (veilig_thuis.get("telefoon"), name),
        (officer.get("telefoon"), f"de aandachtsfunctionaris VGV van {name}"),
    ]


def _own_national(reach: Reach, content: NationalContent) -> set[str]:
    """The national numbers that are the partner's own: a police team may carry the police's numbers."""
    if reach.type != POLICE:
        return set()
    return {
        number_key(phone)
        for org in content.organisaties
        if org.id in POLICE_NUMBERS
        for phone in (org.telefoon, org.telefoon_zonder_spoed)
        if phone
    }


def national_twin(reach: Reach, numbers: Mapping[str, str], content: NationalContent) -> str | None:
    """The name a card already prints the partner's number under, when it is a national number."""
    key = number_key(reach.telefoon)
    if not key or key not in numbers or key in _own_national(reach, content):
        return None
    return numbers[key]


def _names(keys: Iterable[str], content: NationalContent) -> str:
    return enumeration(content.praktijken[k].naam.lower() for k in keys)


def audience_label(audience: str, content: NationalContent) -> str:
    return content.label("doelgroep", audience).lower()


def left_out(
    reach: Reach,
    audience: str,
    practices: Sequence[str],
    numbers: Mapping[str, str],
    content: NationalContent,
) -> str | None:
    """Why the partner is not on a card of this audience about these practices; None when it is.

    ``practices`` holds the card's practice, or for a set's general card every practice the
    municipality chose: a partner there must cover them all.
    """
    if reach.type in CASE_CONFERENCE:
        return "casusoverleg, geen aanspreekpunt voor vragen van professionals"
    if reach.type == POLICE:
        return "de politie staat op elke kaart onder het alarmnummer"
    if reach.type == audience:
        return "de eigen organisatie van deze beroepsgroep"
    if audience not in reach.voor:
        return f"geen aanspreekpunt voor {audience_label(audience, content)} (aanspreekpunt_voor)"
    missing = [p for p in practices if p not in reach.praktijken]
    if missing:
        return f"geen rol bij {_names(missing, content)} (praktijken)"
    if not reach.in_step:
        return "geen rol in de stap signaleren en melden"
    if not reach.telefoon:
        return "geen telefoonnummer"
    twin = national_twin(reach, numbers, content)
    if twin:
        return f"het nummer {reach.telefoon} staat al op de kaart, als nummer van {twin}"
    return None


# ---- validate: the same rule as warnings ----


def _partners(doc: Document) -> list[tuple[int, dict[str, Any]]]:
    return [(i, p) for i, p in enumerate(doc.data.get("partners") or []) if isinstance(p, dict)]


def partner_numbers(doc: Document, veilig_thuis: Mapping[str, Any] | None) -> list[Problem]:
    """A partner in this file whose number is a national one (or Veilig Thuis's): printed once, not twice."""
    content = national_content()
    numbers = national_numbers(content, veilig_thuis_numbers(veilig_thuis))
    problems = []
    for i, raw in _partners(doc):
        reach = reach_of(raw)
        twin = national_twin(reach, numbers, content)
        if twin and reach.type not in CASE_CONFERENCE:
            problems.append(
                doc.problem(
                    ("partners", i, "telefoon"),
                    f"'{reach.telefoon}' is het nummer van {twin}; een zakkaart drukt het alleen onder die "
                    f"naam af en laat '{reach.naam}' dan weg. Geef het eigen nummer van '{reach.naam}', of "
                    "laat telefoon leeg als de partner geen eigen nummer heeft",
                    warning=True,
                )
            )
    return problems


def marked_partners(
    doc: Document, veilig_thuis: Mapping[str, Any] | None, named: Iterable[str] = ()
) -> list[Problem]:
    """A partner marked as aanspreekpunt that no card can list, or whose hours a card cannot print."""
    content = national_content()
    numbers = national_numbers(content, veilig_thuis_numbers(veilig_thuis))
    named = set(named)
    problems = []
    for i, raw in _partners(doc):
        if not raw.get("aanspreekpunt_voor"):
            continue
        reach = reach_of(raw, named)
        path = ("partners", i, "aanspreekpunt_voor")
        if reach.type in NEVER_ON_A_CARD:
            what = (
                "een casusoverleg"
                if reach.type in CASE_CONFERENCE
                else "de politie (112 staat op elke kaart)"
            )
            problems.append(
                doc.problem(
                    path,
                    f"'{reach.naam}' is {what} en staat nooit als contact op een zakkaart; haal "
                    "aanspreekpunt_voor weg en zet het bij de partner die vragen van professionals beantwoordt",
                    warning=True,
                )
            )
        elif not reach.telefoon:
            problems.append(
                doc.problem(
                    path,
                    f"'{reach.naam}' is aanspreekpunt voor professionals maar heeft geen telefoonnummer, "
                    "dus staat op geen zakkaart; vul telefoon in",
                    warning=True,
                )
            )
        elif not raw.get("bereikbaarheid") and not national_twin(reach, numbers, content):
            problems.append(
                doc.problem(
                    ("partners", i),
                    f"'{reach.naam}' staat op de zakkaarten zonder openingstijden; vul bereikbaarheid in "
                    "(bijvoorbeeld 'maandag tot en met vrijdag, 9.00 tot 17.00 uur'), dan staan ze kort "
                    "naast het nummer",
                    warning=True,
                )
            )
    return problems


def _place(doc: Document, *paths: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """The first path that stands in the file, so the warning points at a line the user wrote."""
    for path in paths:
        data: Any = doc.data
        for part in path:
            data = data.get(part) if isinstance(data, dict) else None
        if data is not None:
            return path
    return paths[-1]


def routing(doc: Document, resolved: Mapping[str, Any]) -> list[Problem]:
    """Audiences whose cards name no local partner, and chosen practices whose cards name none."""
    content = national_content()
    keten = resolved.get("ketenaanpak") or {}
    named = (keten.get(SIGNALLING) or {}).get("partners") or []
    reaches = [reach_of(p, named) for p in resolved.get("partners") or []]
    numbers = national_numbers(content, veilig_thuis_numbers(resolved.get("veilig_thuis")))
    audiences = [a for a in AUDIENCES if a in ((resolved.get("kaarten") or {}).get("doelgroepen") or [])]
    practices = [p for p in PRACTICES if p in (resolved.get("praktijken") or {})]
    problems = []
    unmarked = [
        a for a in audiences if not any(a in r.voor and r.type not in NEVER_ON_A_CARD | {a} for r in reaches)
    ]
    if unmarked:
        labels = enumeration(audience_label(a, content) for a in unmarked)
        problems.append(
            doc.problem(
                _place(doc, ("kaarten", "doelgroepen"), ("partners",), ("praktijken",)),
                f"geen partner is aanspreekpunt voor {labels}: hun zakkaarten noemen alleen de eigen "
                "aandachtsfunctionaris en Veilig Thuis. Zet bij een partner die vragen van deze "
                f"professionals beantwoordt 'aanspreekpunt_voor: [{', '.join(unmarked)}]' (of 'alle')",
                warning=True,
            )
        )
    if len(unmarked) == len(audiences):
        return problems  # nothing is marked at all: the warning above says what to do
    bare = [
        p
        for p in practices
        if not any(left_out(r, a, (p,), numbers, content) is None for r in reaches for a in audiences)
    ]
    if bare:
        problems.append(
            doc.problem(
                _place(doc, ("praktijken", bare[0]), ("praktijken",)),
                f"de zakkaarten over {_names(bare, content)} noemen geen lokaal contact: geen partner met "
                f"{' of '.join(repr(p) for p in bare)} (of 'alle') in praktijken is aanspreekpunt voor een van "
                "de beroepsgroepen, heeft een rol in signaleren_en_melden en een eigen nummer. Vul dat aan bij "
                "de partner die professionals hierover advies geeft; anders noemen de kaarten alleen de eigen "
                "aandachtsfunctionaris en Veilig Thuis",
                key=True,
                warning=True,
            )
        )
    return problems
