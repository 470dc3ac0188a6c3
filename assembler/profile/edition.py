"""Whether an edition is what it says: adopted only when it holds up, else a concept with its reasons.

An edition prints as adopted only when all of these hold:
1. it records the national content version it was adopted on (``document.landelijke_versie``,
   or derived from ``vastgesteld_op`` and the national changelog), and that is the version a
   build prints;
2. it holds no stand-in text and no unfilled placeholder (``<…>``);
3. every partner in a route and Veilig Thuis agreed to this version, or
   ``document.akkoord_vereist: false`` says the adoption did not need it.
A pure function of the resolved profile and the content info: ``validate`` turns the reasons
into problems with their place, the model prints them in the document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from assembler.dutch import dutch_date, enumeration
from assembler.national import STEPS, ContentChange, ContentInfo, NationalContent

Path_ = tuple[str | int, ...]

# "<lesprogramma>", "<naam van de school>": a word right after '<' and right before '>', so that
# "jonger dan 18 < 21" or "a <b" in ordinary text is not taken for one.
PLACEHOLDER = re.compile(r"<[^\s<>](?:[^<>\n]{0,78}[^\s<>])?>")
STAND_IN_PHRASE = re.compile(r"hier hoort te staan", re.IGNORECASE)
# Fields whose text is a path or an address, never printed as prose.
_NOT_PROSE = {"regio", "logo", "sjabloon", "gemeenten", "website", "qr", "url", "email", "pagina"}
VEILIG_THUIS_KEY = "veilig_thuis"

LANDELIJKE_VERSIE = "landelijke_versie"
STANDAARDTEKST = "standaardtekst"
INVULPLEK = "invulplek"
AKKOORD = "akkoord"
NIET_VASTGESTELD = "niet_vastgesteld"


@dataclass(frozen=True)
class Finding:
    """One place a reason rests on, for ``validate``: a field path and a message that may name fields.

    ``in_regio`` is true when the path is in the region file rather than the municipality's own.
    """

    path: Path_
    melding: str
    in_regio: bool = False


@dataclass(frozen=True)
class Reason:
    """Why an edition is a concept: a sentence for the document (no field names) and its places."""

    soort: str
    tekst: str
    plekken: tuple[Finding, ...]


@dataclass(frozen=True)
class Agreement:
    """A partner's akkoord as the sign-off sheet shows it; ``versie`` is derived when it was not written."""

    datum: dt.date
    door: str | None
    versie: str
    versie_afgeleid: bool


@dataclass(frozen=True)
class Earlier:
    """The adopted edition a concept revises."""

    versie: str
    datum: dt.date
    landelijke_versie: str | None


@dataclass(frozen=True)
class EditionCheck:
    status: str  # 'vastgesteld' or 'concept': what the build prints
    claimed: bool  # the profile says the edition is adopted
    explicit: bool  # ... in so many words (document.status: vastgesteld)
    versie: str
    landelijke_versie: str | None  # the national version it was adopted on (or written against)
    landelijke_versie_afgeleid: bool
    reasons: tuple[Reason, ...]
    vorige: Earlier | None
    akkoorden: Mapping[str, Agreement]  # partner id, or VEILIG_THUIS_KEY, to its agreement
    akkoord_vereist: bool
    landelijke_wijzigingen: tuple[ContentChange, ...]

    @property
    def adopted(self) -> bool:
        return self.status == "vastgesteld"


Names = Mapping[str, str]  # practice and step keys to their Dutch names


def content_names(content: NationalContent) -> dict[str, str]:
    """The Dutch names of the practices and chain steps, for the reasons an edition gives."""
    return {**{k: p.naam for k, p in content.praktijken.items()}, **{k: s.naam for k, s in content.stappen.items()}}


def _listed(items: list[str]) -> str:
    """'a, b en c'; with semicolons when an item holds a comma or 'en' itself ('GGD, jeugdgezondheidszorg')."""
    if len(items) > 1 and any("," in i or " en " in i for i in items):
        return "; ".join(items[:-1]) + " en " + items[-1]
    return enumeration(items)


def route_partners(resolved: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The partners that act in at least one chain step: named for it, or with the step among their own."""
    keten = resolved.get("ketenaanpak") or {}
    named = {pid for step in STEPS for pid in ((keten.get(step) or {}).get("partners") or [])}
    return [
        p for p in resolved.get("partners") or [] if p["id"] in named or set(p.get("stappen") or []) & set(STEPS)
    ]


def prose(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every string a document may print, with its path; paths, addresses and ids left out."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            if key not in _NOT_PROSE and key != "id":
                yield from prose(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from prose(value, (*path, i))
    elif isinstance(data, str):
        yield path, data


def placeholders(text: str) -> list[str]:
    """The unfilled placeholders in a text: '<…>' tokens and the stand-in phrase 'Hier hoort te staan'."""
    return PLACEHOLDER.findall(text) + [m.group(0) for m in STAND_IN_PHRASE.finditer(text)]


def _version_of_akkoord(day: dt.date, document: Mapping[str, Any]) -> str:
    """The edition an akkoord without a version belongs to: the first earlier edition adopted on or after
    its date; given after every earlier edition, it is for the current one."""
    for edition in sorted(document.get("geschiedenis") or [], key=lambda e: e["datum"]):
        if edition["datum"] >= day:
            return str(edition["versie"])
    return str(document["versie"])


def _agreement(raw: Mapping[str, Any] | None, document: Mapping[str, Any]) -> Agreement | None:
    if not raw or not isinstance(raw.get("datum"), dt.date):
        return None
    written = raw.get("versie")
    return Agreement(
        datum=raw["datum"],
        door=raw.get("door"),
        versie=str(written) if written is not None else _version_of_akkoord(raw["datum"], document),
        versie_afgeleid=written is None,
    )


def agreements(resolved: Mapping[str, Any]) -> dict[str, Agreement]:
    """Every akkoord the edition records: a partner's own, then the municipality's list, which goes first."""
    document = resolved.get("document") or {}
    found: dict[str, Agreement] = {}
    for partner in resolved.get("partners") or []:
        agreement = _agreement(partner.get("akkoord"), document)
        if agreement:
            found[partner["id"]] = agreement
    vt = resolved.get("veilig_thuis") or {}
    agreement = _agreement(vt.get("akkoord"), document)
    if agreement:
        found[VEILIG_THUIS_KEY] = agreement
    vt_id = vt.get("id")
    for entry in sorted(document.get("akkoorden") or [], key=lambda e: e["datum"]):
        agreement = _agreement(entry, document)
        key = VEILIG_THUIS_KEY if entry["partner"] == vt_id else entry["partner"]
        if agreement:
            found[key] = agreement
    return found


def _earlier(document: Mapping[str, Any], claimed: bool, info: ContentInfo) -> Earlier | None:
    adopted = document.get("vastgesteld_op")
    if claimed and isinstance(adopted, dt.date):
        recorded = document.get(LANDELIJKE_VERSIE)
        return Earlier(
            str(document["versie"]), adopted, str(recorded) if recorded else info.version_on(adopted)
        )
    history = sorted(document.get("geschiedenis") or [], key=lambda e: e["datum"])
    if not history:
        return None
    last = history[-1]
    recorded = last.get(LANDELIJKE_VERSIE)
    return Earlier(str(last["versie"]), last["datum"], str(recorded) if recorded else info.version_on(last["datum"]))


def national_changes(earlier: Earlier | None, info: ContentInfo) -> tuple[ContentChange, ...]:
    """The national changes since the edition a concept revises; none for a first edition."""
    if earlier is None:
        return ()
    if earlier.landelijke_versie is not None:
        return info.changes_since(earlier.landelijke_versie)
    return tuple(c for c in info.wijzigingen if c.datum > earlier.datum)


def _national_version(
    document: Mapping[str, Any], info: ContentInfo
) -> tuple[str | None, bool, Reason | None]:
    """The national version the edition rests on, whether it was derived, and the reason it does not fit."""
    recorded = document.get(LANDELIJKE_VERSIE)
    adopted = document.get("vastgesteld_op")
    derived = recorded is None
    version = str(recorded) if recorded is not None else (
        info.version_on(adopted) if isinstance(adopted, dt.date) else None
    )
    path: Path_ = ("document", LANDELIJKE_VERSIE) if not derived else ("document", "vastgesteld_op")
    printed = f"versie {info.versie} van {dutch_date(info.datum)}"
    if version is None:
        return None, derived, Reason(
            LANDELIJKE_VERSIE,
            f"Niet vastgelegd op welke landelijke inhoud deze versie rust; deze uitgave bevat de landelijke "
            f"inhoud {printed}.",
            (
                Finding(
                    path,
                    "vastgelegd noch af te leiden op welke landelijke inhoud deze versie is vastgesteld; vul "
                    f"document.landelijke_versie in (een build drukt landelijke inhoud {printed} af)",
                ),
            ),
        )
    if version != info.versie:
        how = " (afgeleid uit vastgesteld_op)" if derived else ""
        return version, derived, Reason(
            LANDELIJKE_VERSIE,
            f"Vastgesteld op de landelijke inhoud van versie {version}; deze uitgave bevat de landelijke "
            f"inhoud {printed}.",
            (
                Finding(
                    path,
                    f"versie {document.get('versie')} is vastgesteld op landelijke inhoud versie {version}{how}, "
                    f"maar een build drukt landelijke inhoud {printed} af; bekijk de landelijke wijzigingen "
                    "en stel de routekaart opnieuw vast (nieuwe versie, vastgesteld_op en "
                    "landelijke_versie)",
                ),
            ),
        )
    since = info.date_of(version)
    if isinstance(adopted, dt.date) and since is not None and adopted < since:
        return version, derived, Reason(
            LANDELIJKE_VERSIE,
            f"Vastgesteld op {dutch_date(adopted)}, vóór de landelijke inhoud van versie {version} "
            f"bestond ({dutch_date(since)}).",
            (
                Finding(
                    ("document", "vastgesteld_op"),
                    f"vastgesteld op {dutch_date(adopted)}, maar landelijke inhoud versie {version} is van "
                    f"{dutch_date(since)}; een routekaart kan niet zijn vastgesteld op een tekst die er nog "
                    "niet was",
                ),
            ),
        )
    return version, derived, None


def _stand_ins(resolved: Mapping[str, Any], herkomst: Mapping[str, str], names: Names) -> Reason | None:
    keten = resolved.get("ketenaanpak") or {}
    found: list[tuple[str, Finding]] = []
    for step in STEPS:
        if not (keten.get(step) or {}).get("afspraken"):
            found.append(
                (
                    f"de afspraken bij {names.get(step, step).lower()}",
                    Finding(
                        ("ketenaanpak", step, "afspraken"),
                        f"geen eigen afspraken voor '{step}': de routekaart drukt daar een standaardtekst af; "
                        "vul ketenaanpak." + step + ".afspraken in",
                    ),
                )
            )
    for key, choice in (resolved.get("praktijken") or {}).items():
        if not (choice or {}).get("lokale_situatie"):
            found.append(
                (
                    f"de lokale situatie bij {names.get(key, key).lower()}",
                    Finding(
                        ("praktijken", key, "lokale_situatie"),
                        f"geen eigen lokale situatie voor '{key}': de routekaart drukt daar een "
                        f"standaardtekst af; vul praktijken.{key}.lokale_situatie in",
                    ),
                )
            )
    if not keten.get("deskundigheidsbevordering"):
        found.append(
            (
                "de afspraken over deskundigheidsbevordering",
                Finding(
                    ("ketenaanpak", "deskundigheidsbevordering"),
                    "geen eigen afspraken over scholing: de routekaart drukt een standaardtekst af; vul "
                    "ketenaanpak.deskundigheidsbevordering in",
                ),
            )
        )
    if keten.get("sleutelpersonen") is None:
        found.append(
            (
                "de keuze over sleutelpersonen",
                Finding(
                    ("ketenaanpak", "sleutelpersonen"),
                    "niet vastgelegd of de gemeente met sleutelpersonen werkt: de routekaart drukt een "
                    "standaardtekst af; vul ketenaanpak.sleutelpersonen in (true of false)",
                ),
            )
        )
    if herkomst.get("ketenaanpak.regie") == "standaard":
        found.append(
            (
                "wie de regie heeft",
                Finding(
                    ("ketenaanpak", "regie"),
                    "de regie is niet vastgelegd, ook niet door de regio: de routekaart noemt een "
                    "standaardkeuze; vul ketenaanpak.regie in",
                ),
            )
        )
    if not found:
        return None
    return Reason(
        STANDAARDTEKST,
        f"Er staan nog standaardteksten in plaats van eigen keuzes en afspraken: {_listed([t for t, _ in found])}.",
        tuple(f for _, f in found),
    )


def _find(data: Any, text: str) -> Path_ | None:
    return next((path for path, value in prose(data) if value == text), None)


def _placeholders(
    resolved: Mapping[str, Any], own: Mapping[str, Any], region: Mapping[str, Any] | None
) -> Reason | None:
    tokens: list[str] = []
    findings: list[Finding] = []
    for path, text in prose(resolved):
        found = placeholders(text)
        if not found:
            continue
        own_path = _find(own, text)
        in_region = own_path is None and region is not None and _find(region, text) is not None
        place = own_path or (_find(region, text) if in_region else None) or path
        tokens += [t for t in found if t not in tokens]
        shown = ", ".join(f"'{t}'" for t in found)
        findings.append(
            Finding(
                place,
                f"open invulplek {shown} in de tekst; schrijf daar de eigen tekst (in een vastgestelde routekaart "
                "kan geen invulplek staan)",
                in_region,
            )
        )
    if not findings:
        return None
    what = "een open invulplek" if len(tokens) == 1 else "open invulplekken"
    return Reason(
        INVULPLEK,
        f"Er staat nog {what} in de tekst: {enumeration(tokens)}.",
        tuple(findings),
    )


def _partner_place(own: Mapping[str, Any], partner_id: str) -> Path_ | None:
    for i, partner in enumerate(own.get("partners") or []):
        if isinstance(partner, Mapping) and partner.get("id") == partner_id:
            return ("partners", i, "akkoord")
    return None


def _sign_off(
    resolved: Mapping[str, Any], own: Mapping[str, Any], found: Mapping[str, Agreement]
) -> Reason | None:
    document = resolved.get("document") or {}
    version = str(document.get("versie"))
    missing: list[str] = []
    older: list[str] = []
    findings: list[Finding] = []
    vt = resolved.get("veilig_thuis") or {"naam": "Veilig Thuis"}
    parties = [(p["id"], p["naam"], p.get("herkomst") == "regio") for p in route_partners(resolved)]
    parties.append((VEILIG_THUIS_KEY, str(vt.get("naam") or "Veilig Thuis"), "veilig_thuis" not in own))
    listed: Path_ = ("document", "akkoorden") if (own.get("document") or {}).get("akkoorden") else ("document",)
    for key, name, elsewhere in parties:
        agreement = found.get(key)
        if agreement is not None and agreement.versie == version:
            continue
        place = _partner_place(own, key) or (
            ("veilig_thuis", "akkoord") if key == VEILIG_THUIS_KEY and not elsewhere else listed
        )
        where = (
            f"; zet het in document.akkoorden (partner: {key}, datum, door, versie: {version})"
            if place == listed
            else f"; vul akkoord in (datum, door, versie: {version})"
        )
        if agreement is None:
            missing.append(name)
            findings.append(Finding(place, f"'{name}' staat in de route maar heeft geen akkoord gegeven{where}"))
        else:
            older.append(f"{name} (versie {agreement.versie})")
            findings.append(
                Finding(
                    place,
                    f"'{name}' gaf akkoord op {dutch_date(agreement.datum)} voor versie {agreement.versie}, "
                    f"niet voor versie {version}{where}",
                )
            )
    if not findings:
        return None
    parts = []
    if missing:
        parts.append(f"Nog geen akkoord voor versie {version} van {_listed(missing)}.")
    if older:
        parts.append(f"Alleen een akkoord voor een eerdere versie van {_listed(older)}.")
    return Reason(AKKOORD, " ".join(parts), tuple(findings))


def check_edition(
    resolved: Mapping[str, Any],
    own: Mapping[str, Any],
    region: Mapping[str, Any] | None,
    herkomst: Mapping[str, str],
    info: ContentInfo,
    names: Names,
) -> EditionCheck:
    """Judge one municipality's edition: what it prints as, and every reason it is not adopted."""
    document = resolved.get("document") or {}
    claimed = document.get("status") == "vastgesteld"
    explicit = (own.get("document") or {}).get("status") == "vastgesteld"
    needs_sign_off = document.get("akkoord_vereist") is not False
    version, derived, national = _national_version(document, info)
    if not claimed:
        # A concept is written against the national text a build prints, unless it says otherwise.
        recorded = document.get(LANDELIJKE_VERSIE)
        version, derived = (str(recorded), False) if recorded is not None else (info.versie, True)
    found = agreements(resolved)
    reasons: list[Reason] = []
    if not claimed:
        reasons.append(
            Reason(NIET_VASTGESTELD, "Deze versie is nog niet vastgesteld.", ())
        )
    for reason in (
        national if claimed else None,
        _stand_ins(resolved, herkomst, names),
        _placeholders(resolved, own, region),
        _sign_off(resolved, own, found) if needs_sign_off else None,
    ):
        if reason is not None:
            reasons.append(reason)
    earlier = _earlier(document, claimed, info)
    status = "vastgesteld" if claimed and not reasons else "concept"
    return EditionCheck(
        status=status,
        claimed=claimed,
        explicit=explicit,
        versie=str(document.get("versie")),
        landelijke_versie=version,
        landelijke_versie_afgeleid=derived,
        reasons=tuple(reasons),
        vorige=earlier if status == "concept" else None,
        akkoorden=found,
        akkoord_vereist=needs_sign_off,
        landelijke_wijzigingen=national_changes(earlier, info) if status == "concept" else (),
    )
