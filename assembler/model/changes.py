"""What changed between two editions of a profile or region, in the words a policy officer uses.

A pure comparison of two resolved profiles (``Profile.data``, region already merged) or two
region files (``Region.data``); it returns Dutch sentences and does no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assembler.dutch import dutch_date, enumeration
from assembler.model.routekaart import Routekaart
from assembler.national import PRACTICES, STEPS, ContentInfo, NationalContent, version_key


@dataclass(frozen=True)
class Change:
    """One change: who or what it is about, and a full Dutch sentence saying what changed."""

    subject: str
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Redline:
    """Two editions of one municipality's routekaart and what changed between them: the model of
    the documents that show the new edition marked up against the old one."""

    oud: Routekaart
    nieuw: Routekaart
    wijzigingen: tuple[str, ...]

    @property
    def slug(self) -> str:
        return self.nieuw.slug


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
_DOCUMENT_FIELDS = (
    ("versie", "versie"),
    ("landelijke_versie", "versie van de landelijke inhoud"),
    ("status", "status"),
    ("vastgesteld_op", "datum van vaststelling"),
    ("vastgesteld_door", "vastgesteld door"),
    ("herzien_voor", "datum voor herziening"),
    ("akkoord_vereist", "akkoord van de partners nodig"),
)


def _fallback_label(group: str, key: str) -> str:
    return key.replace("_", " ")


def content_labels(content: NationalContent) -> Labels:
    """Labels from the national content: practice and step names, priorities, regie, audiences."""

    def label(group: str, key: str) -> str:
        if group == "praktijk" and key in content.praktijken:
            return content.praktijken[key].naam
        if group == "stap" and key in content.stappen:
            return content.stappen[key].naam
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
    subject: str, what: str, old: Any, new: Any, *, show: Callable[[Any], str] = _show
) -> list[Change]:
    """A short value (number, address, date) changed: name it with the old and the new value."""
    if old == new or (_blank(old) and _blank(new)):
        return []
    if _blank(old):
        return [Change(subject, f"{subject}: {what} toegevoegd ({show(new)}).")]
    if _blank(new):
        return [Change(subject, f"{subject}: {what} verwijderd (was {show(old)}).")]
    return [Change(subject, f"{subject}: {what} gewijzigd van {show(old)} in {show(new)}.")]


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
        changes += _field(subject, what, old.get(key), new.get(key))
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
    changes += _field(
        subject, "contactgegevens gecontroleerd op", old.get("gecontroleerd_op"), new.get("gecontroleerd_op")
    )
    changes += _akkoord(subject, old.get("akkoord"), new.get("akkoord"))
    return changes


def _akkoord(subject: str, old: Any, new: Any) -> list[Change]:
    old, new = old or {}, new or {}
    if old == new:
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
        changes += _field(subject, what, old.get(key), new.get(key))
    return changes


def _veilig_thuis(old: Any, new: Any) -> list[Change]:
    old, new = old or {}, new or {}
    subject = str(new.get("naam") or old.get("naam") or "Veilig Thuis")
    changes: list[Change] = []
    for key, what in _CONTACT_FIELDS:
        changes += _field(subject, what, old.get(key), new.get(key))
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
    known = {(str(e.get("versie")), _show(e.get("datum"))) for e in old or [] if isinstance(e, Mapping)}
    return [
        Change("Document", f"Document: versiegeschiedenis aangevuld met versie {e.get('versie')}.")
        for e in new or []
        if isinstance(e, Mapping) and (str(e.get("versie")), _show(e.get("datum"))) not in known
    ]


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
    changes += _document(old.get("document"), new.get("document"))
    names = {str(p["id"]): str(p["naam"]) for p in (new.get("partners") or []) if isinstance(p, Mapping)}
    names["veilig_thuis"] = str((new.get("veilig_thuis") or {}).get("naam") or "Veilig Thuis")
    changes += _akkoorden(
        (old.get("document") or {}).get("akkoorden"), (new.get("document") or {}).get("akkoorden"), names
    )
    changes += _practices(old.get("praktijken"), new.get("praktijken"), label)
    changes += _veilig_thuis(old.get("veilig_thuis"), new.get("veilig_thuis"))
    partners_old, partners_new = _partners_by_id(old), _partners_by_id(new)
    changes += _chain(old.get("ketenaanpak"), new.get("ketenaanpak"), partners_old, partners_new, label)
    changes += _partners(old, new, label)
    changes += _field(subject, "website", old.get("website"), new.get("website"))
    changes += _field(subject, "logo", old.get("logo"), new.get("logo"))
    changes += _field(
        subject,
        "huiskleur",
        (old.get("huisstijl") or {}).get("hoofdkleur"),
        (new.get("huisstijl") or {}).get("hoofdkleur"),
    )
    changes += _cards(old.get("kaarten"), new.get("kaarten"), label)
    return changes


def compare_regions(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    labels: NationalContent | Labels | None = None,
) -> list[Change]:
    """Every change from one region file to the next: Veilig Thuis, regional partners, defaults, municipalities."""
    label = _labels(labels)
    subject = f"Regio {new.get('naam') or ''}".strip()
    changes = _field(subject, "naam", old.get("naam"), new.get("naam"))
    changes += _veilig_thuis(old.get("veilig_thuis"), new.get("veilig_thuis"))
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
    changes += _field(
        subject,
        "standaard huiskleur",
        (old_std.get("huisstijl") or {}).get("hoofdkleur"),
        (new_std.get("huisstijl") or {}).get("hoofdkleur"),
    )
    return changes


def compare_municipality_sets(old: Sequence[str], new: Sequence[str], region: str) -> list[Change]:
    """Municipalities that joined or left a region, by name."""
    subject = f"Regio {region}".strip()
    changes = [Change(name, f"{subject}: gemeente toegevoegd: {name}.") for name in new if name not in old]
    changes += [Change(name, f"{subject}: gemeente vervallen: {name}.") for name in old if name not in new]
    return changes


def compare_content(old_digest: str | None, new_digest: str | None) -> list[Change]:
    """The national content (laws, organisations, signals) is a different edition than last time."""
    if not old_digest or not new_digest or old_digest == new_digest:
        return []
    return [
        Change(
            "Landelijke inhoud",
            "Landelijke inhoud bijgewerkt (wetten, organisaties, signalen of standaardteksten): "
            "lees de landelijke hoofdstukken opnieuw na.",
        )
    ]


def compare_national(old: str | None, new: str | None, info: ContentInfo) -> list[Change]:
    """What changed in the national content between the version an old edition rests on and the one the
    new edition rests on, from the changelog; an unknown version is said so rather than guessed."""
    if old == new or new is None:
        return []
    subject = "Landelijke inhoud"
    if old is None:
        return [
            Change(
                subject,
                f"Landelijke inhoud: de nieuwe editie rust op versie {new}; op welke versie de oude rustte, "
                "is niet vastgelegd.",
            )
        ]
    upper = version_key(new)
    between = [
        c for c in info.changes_since(old) if upper is None or (version_key(c.versie) or ()) <= upper
    ]
    changes = [Change(subject, f"Landelijke inhoud: van versie {old} naar versie {new}.")]
    for entry in reversed(between):
        chapters = f" (hoofdstukken: {enumeration(entry.hoofdstukken)})" if entry.hoofdstukken else ""
        changes.append(
            Change(
                subject,
                f"Landelijke inhoud versie {entry.versie} van {dutch_date(entry.datum)}: "
                f"{entry.samenvatting}{chapters}",
            )
        )
    return changes


def _labels(labels: NationalContent | Labels | None) -> Labels:
    if labels is None:
        return _fallback_label
    if isinstance(labels, NationalContent):
        return content_labels(labels)
    return labels
