"""What changed between two editions of a profile or region, in the words a policy officer uses.

Pure: two resolved profiles (``Profile.data``, region merged) or two region files in, Dutch sentences out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from fnmatch import fnmatchcase
from typing import Any

from assembler.dutch import dutch_date
from assembler.model.routekaart import Change
from assembler.national import PRACTICES, STEPS, NationalContent
from assembler.national.handvatten import HANDVATTEN, national_handvatten
from assembler.profile.cardreach import number_key
from assembler.profile.schema import ALL, GEMEENTE, REGIO, leaf_patterns

Labels = Callable[[str, str], str]

# Partner and Veilig Thuis fields a reader sees, with the word a policy officer uses.
_CONTACT_FIELDS = (
    ("naam", "naam"),
    ("telefoon", "telefoonnummer"),
    ("spoed", "spoednummer"),
    ("email", "e-mailadres"),
    ("website", "website"),
    ("adres", "adres"),
    ("bereikbaarheid", "bereikbaarheid"),
)
_PERSON_FIELDS = (
    ("naam", "naam"),
    ("functie", "functie"),
    ("telefoon", "telefoonnummer"),
    ("email", "e-mailadres"),
)
# The phone numbers among them.
_NUMBER_FIELDS = frozenset({"telefoon", "spoed"})
_DOCUMENT_FIELDS = (
    ("versie", "versie"),
    ("landelijke_versie", "versie van de landelijke inhoud"),
    ("status", "status"),
    ("vastgesteld_op", "datum van vaststelling"),
    ("vastgesteld_door", "vastgesteld door"),
    ("herzien_voor", "datum voor herziening"),
    ("akkoord_vereist", "akkoord van de partners nodig"),
)


_AKKOORD_FIELDS = ("datum", "door", "versie")


def _fallback_label(group: str, key: str) -> str:
    return key.replace("_", " ")


def content_labels(content: NationalContent) -> Labels:
    """Labels from the national content: practice and step names, priorities, regie, audiences."""

    def label(group: str, key: str) -> str:
        if group == "praktijk" and key in content.praktijken:
            return content.praktijken[key].naam
        if group == "stap" and key in content.stappen:
            return content.stappen[key].naam
        if group == "handvat":
            names = {h.id: h.naam for h in national_handvatten().handvatten}
            return names.get(key, _fallback_label(group, key))
        if group == "handvat_status":
            return national_handvatten().statussen.get(key, _fallback_label(group, key))
        if group == "organisatie":
            return next((o.naam for o in content.organisaties if o.id == key), key)
        return content.label(group, key)

    return label


def _show(value: Any) -> str:
    if isinstance(value, dt.date):
        return dutch_date(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list | tuple):
        return ", ".join(_show(v) for v in value) or "geen"
    return str(value).strip()


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _field(
    subject: str, what: str, old: Any, new: Any, *, show: Callable[[Any], str] = _show, number: bool = False
) -> list[Change]:
    """A short value (number, address, date) changed: name it with the old and the new value.
    ``number``: a phone number, compared by the line it dials."""
    if _same(old, new, number) or (_blank(old) and _blank(new)):
        return []
    if _blank(old):
        return [Change(subject, f"{subject}: {what} toegevoegd ({show(new)}).")]
    if _blank(new):
        return [Change(subject, f"{subject}: {what} verwijderd (was {show(old)}).")]
    return [Change(subject, f"{subject}: {what} gewijzigd van {show(old)} in {show(new)}.")]


def _same(old: Any, new: Any, number: bool) -> bool:
    # A number written another way dials the same line: no change (a Phone, or a previous run's text).
    if number and not _blank(old) and not _blank(new):
        return number_key(old) == number_key(new)
    return bool(old == new)


def _text(subject: str, what: str, old: Any, new: Any, *, default: str = "") -> list[Change]:
    """A long text changed: say so without quoting pages of it."""
    if _norm(old) == _norm(new):
        return []
    if _blank(old):
        return [Change(subject, f"{subject}: {what} toegevoegd.")]
    if _blank(new):
        return [Change(subject, f"{subject}: {what} verwijderd{default}.")]
    return [Change(subject, f"{subject}: {what} gewijzigd.")]


def _norm(text: Any) -> str:
    # Re-wrapping a paragraph in the YAML file changes nothing a reader sees.
    return " ".join(str(text).split()) if text is not None else ""


def _set(
    subject: str,
    what_added: str,
    what_removed: str,
    old: Iterable[str],
    new: Iterable[str],
    label: Callable[[str], str],
) -> list[Change]:
    old_list, new_list = list(old or ()), list(new or ())
    added = [label(k) for k in new_list if k not in old_list]
    removed = [label(k) for k in old_list if k not in new_list]
    changes = []
    if added:
        changes.append(Change(subject, f"{subject}: {what_added} {', '.join(added)}."))
    if removed:
        changes.append(Change(subject, f"{subject}: {what_removed} {', '.join(removed)}."))
    return changes


def _partners_by_id(data: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {str(p["id"]): p for p in data.get("partners") or [] if isinstance(p, Mapping) and "id" in p}


def _partner_name(partners: Mapping[str, Mapping[str, Any]], pid: Any) -> str:
    if pid is None:
        return "niemand"
    partner = partners.get(str(pid))
    return str(partner["naam"]) if partner and partner.get("naam") else str(pid)


def _practices_of(partner: Mapping[str, Any]) -> list[str]:
    chosen = list(partner.get("praktijken") or [])
    return list(PRACTICES) if "alle" in chosen else chosen


def _partner(old: Mapping[str, Any], new: Mapping[str, Any], label: Labels) -> list[Change]:
    subject = str(new.get("naam") or new["id"])
    changes: list[Change] = []
    for key, what in _CONTACT_FIELDS:
        if key == "naam" and old.get("naam") != new.get("naam"):
            changes.append(Change(subject, f"Partner {old.get('naam')} heet nu {new.get('naam')}."))
            continue
        changes += _field(subject, what, old.get(key), new.get(key), number=key in _NUMBER_FIELDS)
    changes += _field(
        subject,
        "soort organisatie",
        old.get("type"),
        new.get("type"),
        show=lambda v: label("partner_type", str(v)),
    )
    changes += _text(subject, "rol", old.get("rol"), new.get("rol"))
    changes += _set(
        subject,
        "nu ook betrokken bij",
        "niet meer betrokken bij",
        _practices_of(old),
        _practices_of(new),
        lambda k: label("praktijk", k).lower(),
    )
    changes += _set(
        subject,
        "nu ook in de ketenstap",
        "niet meer in de ketenstap",
        old.get("stappen") or [],
        new.get("stappen") or [],
        lambda k: label("stap", k),
    )
    changes += _set(
        subject,
        "nu aanspreekpunt op de zakkaarten voor",
        "geen aanspreekpunt meer op de zakkaarten voor",
        old.get("aanspreekpunt_voor") or [],
        new.get("aanspreekpunt_voor") or [],
        lambda k: "alle beroepsgroepen" if k == ALL else label("doelgroep", k).lower(),
    )
    changes += _field(
        subject, "contactgegevens gecontroleerd op", old.get("gecontroleerd_op"), new.get("gecontroleerd_op")
    )
    changes += _akkoord(subject, old.get("akkoord"), new.get("akkoord"))
    return changes


def _akkoord(subject: str, old: Any, new: Any) -> list[Change]:
    old, new = old or {}, new or {}
    if all(old.get(k) == new.get(k) for k in _AKKOORD_FIELDS):
        return []
    if not new:
        return [Change(subject, f"{subject}: akkoord ingetrokken (was {_show_akkoord(old)}).")]
    if not old:
        return [Change(subject, f"{subject}: akkoord gegeven ({_show_akkoord(new)}).")]
    return [
        Change(subject, f"{subject}: akkoord gewijzigd van {_show_akkoord(old)} in {_show_akkoord(new)}.")
    ]


def _show_akkoord(value: Mapping[str, Any]) -> str:
    parts = [_show(value[k]) for k in ("datum", "door") if value.get(k)]
    if value.get("versie"):
        parts.append(f"voor versie {value['versie']}")
    return ", ".join(parts) or "zonder gegevens"


def _akkoorden(old: Any, new: Any, names: Mapping[str, str]) -> list[Change]:
    """The municipality's own list of akkoorden for partners from elsewhere, compared per partner."""
    before = {str(a.get("partner")): a for a in old or [] if isinstance(a, Mapping)}
    after = {str(a.get("partner")): a for a in new or [] if isinstance(a, Mapping)}
    changes: list[Change] = []
    for key in [*after, *(k for k in before if k not in after)]:
        subject = names.get(key, "Veilig Thuis" if key == "veilig_thuis" else key)
        changes += _akkoord(subject, _without_partner(before.get(key)), _without_partner(after.get(key)))
    return changes


def _without_partner(value: Mapping[str, Any] | None) -> dict[str, Any]:
    return {k: v for k, v in (value or {}).items() if k != "partner"}


def _partners(old: Mapping[str, Any], new: Mapping[str, Any], label: Labels) -> list[Change]:
    before, after = _partners_by_id(old), _partners_by_id(new)
    changes: list[Change] = []
    for pid, partner in after.items():
        if pid not in before:
            where = " (regionaal)" if partner.get("herkomst") == "regio" else ""
            changes.append(Change(str(partner["naam"]), f"Partner toegevoegd: {partner['naam']}{where}."))
    for pid, partner in before.items():
        if pid not in after:
            changes.append(Change(str(partner["naam"]), f"Partner verwijderd: {partner['naam']}."))
    for pid, partner in after.items():
        if pid in before:
            changes += _partner(before[pid], partner, label)
    return changes


def _person(subject: str, old: Any, new: Any) -> list[Change]:
    old, new = old or {}, new or {}
    changes: list[Change] = []
    for key, what in _PERSON_FIELDS:
        changes += _field(subject, what, old.get(key), new.get(key), number=key in _NUMBER_FIELDS)
    return changes


def _veilig_thuis(old: Any, new: Any) -> list[Change]:
    old, new = old or {}, new or {}
    subject = str(new.get("naam") or old.get("naam") or "Veilig Thuis")
    changes: list[Change] = []
    for key, what in _CONTACT_FIELDS:
        changes += _field(subject, what, old.get(key), new.get(key), number=key in _NUMBER_FIELDS)
    changes += _field(subject, "sleutel (id)", old.get("id"), new.get("id"))
    changes += _person(
        f"{subject}, aandachtsfunctionaris VGV",
        old.get("aandachtsfunctionaris_vgv"),
        new.get("aandachtsfunctionaris_vgv"),
    )
    changes += _field(
        subject, "contactgegevens gecontroleerd op", old.get("gecontroleerd_op"), new.get("gecontroleerd_op")
    )
    changes += _akkoord(subject, old.get("akkoord"), new.get("akkoord"))
    return changes


def _practices(old: Any, new: Any, label: Labels) -> list[Change]:
    old, new = old or {}, new or {}
    changes: list[Change] = []
    for key in PRACTICES:
        name = label("praktijk", key)
        if key in new and key not in old:
            changes.append(Change(name, f"Praktijk toegevoegd: {name}."))
        elif key in old and key not in new:
            changes.append(Change(name, f"Praktijk vervallen: {name}."))
        elif key in old:
            before, after = old[key] or {}, new[key] or {}
            changes += _field(
                name,
                "prioriteit",
                before.get("prioriteit"),
                after.get("prioriteit"),
                show=lambda v: label("prioriteit", str(v)).lower(),
            )
            changes += _text(
                name,
                "lokale situatie",
                before.get("lokale_situatie"),
                after.get("lokale_situatie"),
                default="; nu de standaardtekst",
            )
    return changes


def _chain(
    old: Any,
    new: Any,
    partners_old: Mapping[str, Mapping[str, Any]],
    partners_new: Mapping[str, Mapping[str, Any]],
    label: Labels,
) -> list[Change]:
    old, new = old or {}, new or {}
    subject = "Ketenaanpak"
    changes = _field(
        subject,
        "regie",
        old.get("regie"),
        new.get("regie"),
        show=lambda v: label("regie", str(v)),
    )
    old_coordinator, new_coordinator = old.get("coordinator"), new.get("coordinator")
    if old_coordinator != new_coordinator:
        changes.append(
            Change(
                subject,
                f"{subject}: coördinator gewijzigd van {_partner_name(partners_old, old_coordinator)} "
                f"in {_partner_name(partners_new, new_coordinator)}.",
            )
        )
    changes += _field(
        subject, "werken met sleutelpersonen", old.get("sleutelpersonen"), new.get("sleutelpersonen")
    )
    for step in STEPS:
        name = f"Ketenstap {label('stap', step)}"
        before, after = old.get(step) or {}, new.get(step) or {}
        changes += _text(
            name,
            "lokale afspraken",
            before.get("afspraken"),
            after.get("afspraken"),
            default="; nu de standaardtekst",
        )
        added = [p for p in after.get("partners") or [] if p not in (before.get("partners") or [])]
        removed = [p for p in before.get("partners") or [] if p not in (after.get("partners") or [])]
        if added:
            names = ", ".join(_partner_name(partners_new, p) for p in added)
            changes.append(Change(name, f"{name}: partner toegevoegd: {names}."))
        if removed:
            names = ", ".join(_partner_name(partners_old, p) for p in removed)
            changes.append(Change(name, f"{name}: partner niet meer betrokken: {names}."))
    changes += _text(
        subject,
        "tekst over deskundigheidsbevordering",
        old.get("deskundigheidsbevordering"),
        new.get("deskundigheidsbevordering"),
        default="; nu de standaardtekst",
    )
    return changes


def _cards(old: Any, new: Any, label: Labels) -> list[Change]:
    old, new = old or {}, new or {}
    subject = "Zakkaarten"
    changes = _field(subject, "formaat", old.get("formaat"), new.get("formaat"))
    changes += _set(
        subject,
        "nieuwe kaartenset voor",
        "geen kaartenset meer voor",
        old.get("doelgroepen") or [],
        new.get("doelgroepen") or [],
        lambda k: label("doelgroep", k).lower(),
    )
    changes += _field(subject, "adres achter de QR-code", old.get("qr"), new.get("qr"))
    return changes


def _history(old: Any, new: Any) -> list[Change]:
    """Earlier editions, matched by their version: added, removed, or with another date or summary."""
    before = {str(e.get("versie")): e for e in old or [] if isinstance(e, Mapping)}
    after = {str(e.get("versie")): e for e in new or [] if isinstance(e, Mapping)}
    changes = [
        Change("Document", f"Document: versiegeschiedenis aangevuld met versie {versie}.")
        for versie in after
        if versie not in before
    ]
    changes += [
        Change("Document", f"Document: versie {versie} uit de versiegeschiedenis gehaald.")
        for versie in before
        if versie not in after
    ]
    for versie, edition in after.items():
        if versie in before:
            subject = f"Versiegeschiedenis, versie {versie}"
            changes += _field(subject, "datum", before[versie].get("datum"), edition.get("datum"))
            changes += _text(
                subject, "samenvatting", before[versie].get("samenvatting"), edition.get("samenvatting")
            )
            was, now = before[versie].get("landelijke_versie"), edition.get("landelijke_versie")
            changes += _field(subject, "versie van de landelijke inhoud", was, now)
    return changes


def _checks(old: Any, new: Any, label: Labels) -> list[Change]:
    """Recorded checks of national numbers, per organisation in their order: added, removed, redone."""

    def keyed(checks: Any) -> dict[tuple[str, int], Mapping[str, Any]]:
        found: dict[tuple[str, int], Mapping[str, Any]] = {}
        for check in (c for c in checks or [] if isinstance(c, Mapping)):
            org = str(check.get("organisatie"))
            found[(org, sum(k[0] == org for k in found))] = check
        return found

    before, after = keyed(old), keyed(new)
    changes: list[Change] = []
    for key in [*after, *(k for k in before if k not in after)]:
        subject = f"Controle van het nummer van {label('organisatie', key[0])}"
        was, now = before.get(key) or {}, after.get(key) or {}
        for field, what in (("nummer", "nummer"), ("datum", "datum"), ("door", "door"), ("pagina", "pagina")):
            changes += _field(subject, what, was.get(field), now.get(field), number=field == "nummer")
    return changes


def _document(old: Any, new: Any) -> list[Change]:
    old, new = old or {}, new or {}
    subject = "Document"
    changes: list[Change] = []
    for key, what in _DOCUMENT_FIELDS:
        changes += _field(subject, what, old.get(key), new.get(key))
    changes += _person("Eigenaar van het document", old.get("eigenaar"), new.get("eigenaar"))
    changes += _text(
        subject, "inleiding", old.get("inleiding"), new.get("inleiding"), default="; nu de standaardinleiding"
    )
    changes += _history(old.get("geschiedenis"), new.get("geschiedenis"))
    return changes


def _handvatten(old: Any, new: Any, label: Labels) -> list[Change]:
    """Per handvat: its status (geregeld, in ontwikkeling, ...), what is said about it and who does it."""
    old, new = old or {}, new or {}
    changes: list[Change] = []
    for key in HANDVATTEN:
        before, after = old.get(key) or {}, new.get(key) or {}
        subject = f"Handvat {label('handvat', key)}"
        changes += _field(
            subject,
            "status",
            before.get("status"),
            after.get("status"),
            show=lambda v: label("handvat_status", str(v)).lower(),
        )
        changes += _text(subject, "toelichting", before.get("toelichting"), after.get("toelichting"))
        changes += _field(subject, "wie het regelt", before.get("wie"), after.get("wie"))
    return changes


_SITE_FIELDS = (
    ("url", "adres van de site"),
    ("verantwoordelijk", "verantwoordelijke voor de toegankelijkheid"),
    ("email", "e-mailadres voor de toegankelijkheid"),
    ("gecontroleerd_op", "datum van de laatste eigen toegankelijkheidscontrole"),
    ("verlaten_naar", "bestemming van de knop 'Deze site direct verlaten'"),
)


def _site(old: Any, new: Any) -> list[Change]:
    old, new = old or {}, new or {}
    changes: list[Change] = []
    for key, what in _SITE_FIELDS:
        changes += _field("Regionale website", what, old.get(key), new.get(key))
    return changes


def compare_profiles(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    labels: NationalContent | Labels | None = None,
) -> list[Change]:
    """Every change from one resolved municipality profile to the next, in reading order."""
    label = _labels(labels)
    subject = str(new.get("naam") or "Gemeente")
    changes = _field(subject, "naam", old.get("naam"), new.get("naam"))
    changes += _field(subject, "regio", old.get("regio_naam"), new.get("regio_naam"))
    changes += _field(subject, "regiobestand", old.get("regio"), new.get("regio"))
    changes += _document(old.get("document"), new.get("document"))
    names = {str(p["id"]): str(p["naam"]) for p in (new.get("partners") or []) if isinstance(p, Mapping)}
    names["veilig_thuis"] = str((new.get("veilig_thuis") or {}).get("naam") or "Veilig Thuis")
    changes += _akkoorden(
        (old.get("document") or {}).get("akkoorden"), (new.get("document") or {}).get("akkoorden"), names
    )
    changes += _practices(old.get("praktijken"), new.get("praktijken"), label)
    changes += _veilig_thuis(old.get("veilig_thuis"), new.get("veilig_thuis"))
    changes += _checks(old.get("controles"), new.get("controles"), label)
    partners_old, partners_new = _partners_by_id(old), _partners_by_id(new)
    changes += _chain(old.get("ketenaanpak"), new.get("ketenaanpak"), partners_old, partners_new, label)
    changes += _partners(old, new, label)
    changes += _field(subject, "website", old.get("website"), new.get("website"))
    changes += _field(
        subject, "TOOI-code (de uitgever in de Woo-metadata)", old.get("tooi_code"), new.get("tooi_code")
    )
    changes += _field(subject, "logo", old.get("logo"), new.get("logo"))
    changes += _field(
        subject,
        "huiskleur",
        (old.get("huisstijl") or {}).get("hoofdkleur"),
        (new.get("huisstijl") or {}).get("hoofdkleur"),
    )
    changes += _cards(old.get("kaarten"), new.get("kaarten"), label)
    changes += _handvatten(old.get("handvatten"), new.get("handvatten"), label)
    changes += _field(subject, "eigen Word-sjabloon", old.get("sjabloon"), new.get("sjabloon"))
    return changes + unclaimed(old, new, GEMEENTE_FIELDS, subject)


def compare_regions(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    labels: NationalContent | Labels | None = None,
    members: tuple[Sequence[str], Sequence[str]] | None = None,
) -> list[Change]:
    """Every change from one region file to the next: Veilig Thuis, regional partners, defaults, municipalities.

    ``members``, the names of the municipalities before and after, names joined and departed
    municipalities; without it they are named by their file.
    """
    label = _labels(labels)
    subject = f"Regio {new.get('naam') or ''}".strip()
    changes = _field(subject, "naam", old.get("naam"), new.get("naam"))
    changes += _veilig_thuis(old.get("veilig_thuis"), new.get("veilig_thuis"))
    changes += _checks(old.get("controles"), new.get("controles"), label)
    partners_old, partners_new = _partners_by_id(old), _partners_by_id(new)
    changes += _partners(old, new, label)
    old_std, new_std = old.get("standaard") or {}, new.get("standaard") or {}
    for change in _chain(
        old_std.get("ketenaanpak"), new_std.get("ketenaanpak"), partners_old, partners_new, label
    ):
        changes.append(
            Change(change.subject, f"Standaard voor de regio: {change.text[0].lower()}{change.text[1:]}")
        )
    for change in _cards(old_std.get("kaarten"), new_std.get("kaarten"), label):
        changes.append(
            Change(change.subject, f"Standaard voor de regio: {change.text[0].lower()}{change.text[1:]}")
        )
    for change in _handvatten(old_std.get("handvatten"), new_std.get("handvatten"), label):
        changes.append(
            Change(change.subject, f"Standaard voor de regio: {change.text[0].lower()}{change.text[1:]}")
        )
    changes += _field(
        subject,
        "standaard huiskleur",
        (old_std.get("huisstijl") or {}).get("hoofdkleur"),
        (new_std.get("huisstijl") or {}).get("hoofdkleur"),
    )
    changes += _site(old.get("site"), new.get("site"))
    if members is not None:
        changes += compare_municipality_sets(members[0], members[1], str(new.get("naam") or ""))
    else:
        changes += _set(
            subject,
            "gemeentebestand toegevoegd:",
            "gemeentebestand vervallen:",
            old.get("gemeenten") or [],
            new.get("gemeenten") or [],
            str,
        )
    return changes + unclaimed(old, new, REGIO_FIELDS, subject)


def compare_municipality_sets(old: Sequence[str], new: Sequence[str], region: str) -> list[Change]:
    """Municipalities that joined or left a region, by name."""
    subject = f"Regio {region}".strip()
    changes = [Change(name, f"{subject}: gemeente toegevoegd: {name}.") for name in new if name not in old]
    changes += [Change(name, f"{subject}: gemeente vervallen: {name}.") for name in old if name not in new]
    return changes


def _labels(labels: NationalContent | Labels | None) -> Labels:
    if labels is None:
        return _fallback_label
    if isinstance(labels, NationalContent):
        return content_labels(labels)
    return labels


# The fields the comparisons above describe in a policy officer's words, as schema paths ('*': any
# list item or any practice, step or handvat). Every other field of the schema, such as one added
# later, is still reported, by its name (unclaimed below); tests/model/test_changes_schema.py
# changes each field of the schema in turn and holds that every change is seen.
_CONTACT_CLAIMS = (*(k for k, _ in _CONTACT_FIELDS), "id", "gecontroleerd_op")
_PARTNER_CLAIMS = (
    *_CONTACT_CLAIMS,
    "type",
    "rol",
    "praktijken",
    "stappen",
    "aanspreekpunt_voor",
    *(f"akkoord.{k}" for k in _AKKOORD_FIELDS),
)
_CHAIN_CLAIMS = (
    "regie",
    "coordinator",
    "sleutelpersonen",
    "deskundigheidsbevordering",
    "*.afspraken",
    "*.partners",
)
_CARD_CLAIMS = ("formaat", "doelgroepen", "qr")
_HANDVAT_CLAIMS = ("*.status", "*.toelichting", "*.wie")


def _claims(prefix: str, names: Iterable[str]) -> tuple[str, ...]:
    return tuple(f"{prefix}.{name}" for name in names)


# schema_versie and soort are the same in any two files compared: the schema allows one version,
# and `wijzigingen` refuses a municipality against a region.
_SHARED_CLAIMS = (
    *_claims("controles.*", ("organisatie", "nummer", "datum", "door", "pagina")),
    "schema_versie",
    "soort",
    "naam",
    *_claims("veilig_thuis", _CONTACT_CLAIMS),
    *_claims("veilig_thuis.aandachtsfunctionaris_vgv", (k for k, _ in _PERSON_FIELDS)),
    *_claims("partners.*", _PARTNER_CLAIMS),
)
_GEMEENTE_CLAIMS = (
    *_SHARED_CLAIMS,
    "regio",
    "website",
    "tooi_code",
    "logo",
    "sjabloon",
    "huisstijl.hoofdkleur",
    *_claims("document", (k for k, _ in _DOCUMENT_FIELDS)),
    *_claims("document.eigenaar", (k for k, _ in _PERSON_FIELDS)),
    "document.inleiding",
    *_claims("document.geschiedenis.*", ("versie", "datum", "samenvatting", "landelijke_versie")),
    *_claims("praktijken.*", ("prioriteit", "lokale_situatie")),
    *_claims("ketenaanpak", _CHAIN_CLAIMS),
    *_claims("kaarten", _CARD_CLAIMS),
    *_claims("handvatten", _HANDVAT_CLAIMS),
)
_REGIO_CLAIMS = (
    *_SHARED_CLAIMS,
    *_claims("standaard.ketenaanpak", _CHAIN_CLAIMS),
    *_claims("standaard.kaarten", _CARD_CLAIMS),
    "standaard.huisstijl.hoofdkleur",
    *_claims("standaard.handvatten", _HANDVAT_CLAIMS),
    *_claims("site", (k for k, _ in _SITE_FIELDS)),
    "gemeenten",
)


def _unclaimed(schema: dict[str, Any], claims: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f for f in leaf_patterns(schema) if not any(fnmatchcase(f, claim) for claim in claims))


GEMEENTE_FIELDS = _unclaimed(GEMEENTE, _GEMEENTE_CLAIMS)
REGIO_FIELDS = _unclaimed(REGIO, _REGIO_CLAIMS)
_ITEM_KEYS = ("id", "versie")  # what names a partner or an earlier edition in a list


def _values_at(data: Any, parts: list[str], label: str = "") -> dict[str, Any]:
    """The values at a schema path ('*' for each list item, named by its id or version)."""
    if not parts:
        return {label: data}
    head, rest = parts[0], parts[1:]
    if head == "*":
        found: dict[str, Any] = {}
        for i, item in enumerate(data if isinstance(data, list) else []):
            key = next((item[k] for k in _ITEM_KEYS if isinstance(item, Mapping) and item.get(k)), i + 1)
            found.update(_values_at(item, rest, f"{label}[{key}]"))
        return found
    child = data.get(head) if isinstance(data, Mapping) else None
    return _values_at(child, rest, f"{label}.{head}" if label else head)


def unclaimed(
    old: Mapping[str, Any], new: Mapping[str, Any], fields: Sequence[str], subject: str
) -> list[Change]:
    """Changes to the fields no comparison above describes, named by their place in the profile."""
    changes: list[Change] = []
    for pattern in fields:
        before, after = _values_at(old, pattern.split(".")), _values_at(new, pattern.split("."))
        for place in [*before, *(p for p in after if p not in before)]:
            changes += _field(subject, f"veld {place}", before.get(place), after.get(place))
    return changes
