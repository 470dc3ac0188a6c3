"""The regional content model (pure): Veilig Thuis, regional partners, each municipality's choices, the gaps.

A batch keeps one small MunicipalityEntry per municipality instead of its whole
Routekaart, so memory does not grow with the size of a region; entries round-trip
through plain JSON data so a later run can reuse them without parsing profiles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from assembler.cardformats import CARD_FORMATS
from assembler.dutch import dutch_date, plural
from assembler.model.cardroutes import CardRoute, card_routes
from assembler.model.checks import CheckRow, NumberCheck, check_rows, numbers_of
from assembler.model.routekaart import DEFAULT_COLOUR, ChainStep, Partner, Routekaart, VeiligThuis
from assembler.naming import slug
from assembler.national import PRACTICES, STALE_AFTER, NationalContent
from assembler.national.handvatten import EMPTY, STATUSES, HandvattenContent, national_handvatten
from assembler.phone import Phone, phone
from assembler.problems import Problem

# Used for document dates when no municipality could be built; any fixed value keeps bytes stable.
FALLBACK_DATE = dt.date(2000, 1, 1)

NOT_CHOSEN = "niet gekozen"
NO_PRIORITY = "geen prioriteit"
NO_LOCAL_PARTNER = "geen lokale partner"
FAILED = "mislukt"

T = TypeVar("T")


@dataclass(frozen=True)
class Finding:
    """A problem found in a profile, kept with its place so a reader can go and fix it."""

    bestand: str
    regel: int
    kolom: int
    veld: str
    melding: str
    soort: str  # "fout" or "waarschuwing"

    @property
    def plek(self) -> str:
        # Builder warnings have no line: they are about the output, not one field.
        return f"{self.bestand}:{self.regel}" if self.regel else self.bestand


@dataclass(frozen=True)
class Owner:
    naam: str
    functie: str | None
    email: str | None
    telefoon: Phone | None


@dataclass(frozen=True)
class LocalContact:
    naam: str
    soort: str
    rol: str
    telefoon: Phone | None
    email: str | None
    bereikbaarheid: str | None
    praktijken: str
    stappen: str
    gecontroleerd_op: str | None


@dataclass(frozen=True)
class PracticeChoice:
    key: str
    naam: str
    gekozen: bool
    prioriteit: str  # a Dutch label, or "niet gekozen" / "geen prioriteit"
    lokale_situatie: tuple[str, ...]  # only the municipality's own words
    lokale_partners: tuple[str, ...]


@dataclass(frozen=True)
class StepChoice:
    key: str
    naam: str
    lokale_partners: tuple[str, ...]
    afspraken: tuple[str, ...]  # only the municipality's own words
    hoofdpartner: str | None  # the first local partner of the step, else the first regional one
    hoofdpartner_telefoon: Phone | None


@dataclass(frozen=True)
class HandvatStatus:
    id: str
    naam: str
    status: str
    label: str
    code: str
    # 'regio' when the municipality took the status over from the region's standaard.
    herkomst: str | None = None


@dataclass(frozen=True)
class MunicipalityEntry:
    """What the regional document and the overview need to know about one built municipality."""

    naam: str
    slug: str
    bestand: str
    versie: str
    vastgesteld_op: str
    vastgesteld_op_tekst: str
    status_tekst: str
    eigenaar: Owner
    regie: str
    coordinator: str | None
    sleutelpersonen: str
    praktijken: tuple[PracticeChoice, ...]
    stappen: tuple[StepChoice, ...]
    contacten: tuple[LocalContact, ...]
    kaartformaat: str
    doelgroepen: tuple[str, ...]
    gaten: tuple[str, ...]
    bevindingen: tuple[Finding, ...]
    handvatten: tuple[HandvatStatus, ...]
    # 'regio' or 'standaard' when the municipality left the regie to a standard choice.
    regie_herkomst: str | None = None
    # The same for working with key persons: then `sleutelpersonen` is a standard choice, not its own.
    sleutelpersonen_herkomst: str | None = None
    # Why the routekaart prints as a concept; empty for an adopted one.
    concept_redenen: tuple[str, ...] = ()
    # Every number the routekaart prints with its last check, judged on the day the overview is made.
    nummers: tuple[NumberCheck, ...] = ()
    # Every pocket card with numbers: whom it names and why (the overview's sheet "Kaarten").
    kaarten: tuple[CardRoute, ...] = ()


@dataclass(frozen=True)
class FailedEntry:
    """A municipality that could not be built, with the reason in Dutch."""

    naam: str
    bestand: str
    reden: str
    bevindingen: tuple[Finding, ...]


@dataclass(frozen=True)
class Overview:
    """The gaps table shared by the spreadsheet and the regional document."""

    groepen: tuple[tuple[str, int], ...]  # a label over that many columns; "" for a column on its own
    kop: tuple[str, ...]
    rijen: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ProblemRow:
    gemeente: str
    plek: str
    soort: str
    veld: str
    melding: str


@dataclass(frozen=True)
class ChangeRow:
    """One line of the "Wijzigingen" sheet: what changed in a municipality since the previous run."""

    gemeente: str
    onderwerp: str
    wijziging: str


@dataclass(frozen=True)
class RegionModel:
    naam: str
    slug: str
    datum: dt.date
    datum_tekst: str
    kleur: str  # the region's house colour (#RRGGBB): every regional output takes its palette from it
    veilig_thuis: VeiligThuis
    partners: tuple[Partner, ...]
    gemeenten: tuple[MunicipalityEntry, ...]
    mislukt: tuple[FailedEntry, ...]
    overzicht: Overview
    problemen: tuple[ProblemRow, ...]
    praktijk_namen: tuple[str, ...]
    stap_namen: tuple[str, ...]
    peildatum: dt.date  # the day stale contacts are judged on, as in the overview's attention column
    handvat_namen: tuple[str, ...]
    handvat_legenda: tuple[tuple[str, str], ...]  # (code, label), so the gap map reads without colour
    wijzigingen: tuple[ChangeRow, ...] = ()
    controles: tuple[CheckRow, ...] = ()  # what still needs checking, for the overview's sheet
    # The handvatten in groups (the basis, then the chain steps): a group's name over that many columns.
    handvat_groepen: tuple[tuple[str, int], ...] = ()
    # Per municipality its name, then a short code per handvat (the gap map) and the status in words
    # (the overview): a status taken from the region is marked, a handvat outside its practices dashed.
    handvat_codes: tuple[tuple[str, ...], ...] = ()
    handvat_woorden: tuple[tuple[str, ...], ...] = ()

    @property
    def titel(self) -> str:
        return f"Regionale routekaart schadelijke praktijken {self.naam}"


def region_colour(region: Mapping[str, Any]) -> str:
    """The region's house colour: its standard `huisstijl.hoofdkleur`, else the schema's."""
    standard = ((region.get("standaard") or {}).get("huisstijl") or {}).get("hoofdkleur")
    return str(standard or DEFAULT_COLOUR).upper()


def finding(problem: Problem) -> Finding:
    return Finding(
        problem.file, problem.line, problem.column, problem.path, problem.message, problem.severity.value
    )


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _names(partners: Iterable[Partner]) -> tuple[str, ...]:
    return tuple(p.naam for p in partners)


def _choices_text(
    values: tuple[str, ...], names: tuple[str, ...], universe: Sequence[str], every: str
) -> str:
    if values and set(values) >= set(universe):
        return every
    return ", ".join(names) or "geen"


def _lead(step: ChainStep) -> Partner | None:
    """Whom the front office calls for a step: a local partner first, else the region's; one with a phone first."""
    candidates = step.lokale_partners or step.partners
    return next((p for p in candidates if p.telefoon), next(iter(candidates), None))


def entry_from(
    model: Routekaart,
    content: NationalContent,
    problems: Iterable[Problem],
    bestand: str,
    region_file: str | None = None,
) -> MunicipalityEntry:
    """The regional view of one municipality; problems of the region file itself are left to the region."""
    chosen = {p.key: p for p in model.praktijken}
    practices = []
    for key in PRACTICES:
        practice = chosen.get(key)
        label = NOT_CHOSEN if practice is None else practice.prioriteit_label or NO_PRIORITY
        practices.append(
            PracticeChoice(
                key=key,
                naam=content.praktijken[key].naam,
                gekozen=practice is not None,
                prioriteit=label,
                lokale_situatie=practice.lokale_situatie
                if practice and practice.lokale_situatie_eigen
                else (),
                lokale_partners=_names(practice.lokale_partners) if practice else (),
            )
        )
    steps = tuple(
        StepChoice(
            key=s.key,
            naam=s.naam,
            lokale_partners=_names(s.lokale_partners),
            afspraken=s.afspraken if s.afspraken_eigen else (),
            hoofdpartner=lead.naam if lead else None,
            hoofdpartner_telefoon=lead.telefoon if lead else None,
        )
        for s, lead in ((s, _lead(s)) for s in model.stappen)
    )
    gaps = [f"{s.naam}: {NO_LOCAL_PARTNER}" for s in model.stappen if not s.lokale_partners]
    gaps += [
        f"{p.naam}: prioriteit hoog, maar {NO_LOCAL_PARTNER}"
        for p in model.praktijken
        if p.prioriteit == "hoog" and not p.lokale_partners
    ]
    contacts = tuple(
        LocalContact(
            naam=p.naam,
            soort=p.type_label,
            rol=p.rol or p.type_label,
            telefoon=p.telefoon,
            email=p.email,
            bereikbaarheid=p.bereikbaarheid,
            praktijken=_choices_text(p.praktijken, p.praktijk_namen, PRACTICES, "alle praktijken"),
            stappen=_choices_text(p.stappen, p.stap_namen, tuple(content.stappen), "alle stappen"),
            gecontroleerd_op=p.gecontroleerd_op.isoformat() if p.gecontroleerd_op else None,
        )
        for p in model.partners_lokaal
    )
    if model.sleutelpersonen is None:
        key_persons = "niet vastgelegd"
    else:
        key_persons = "ja" if model.sleutelpersonen else "nee"
    owner = model.eigenaar
    return MunicipalityEntry(
        naam=model.gemeente,
        slug=model.slug,
        bestand=bestand,
        versie=model.versie,
        vastgesteld_op=model.datum.isoformat(),
        vastgesteld_op_tekst=model.vastgesteld_op_tekst or model.status_tekst.lower(),
        status_tekst=model.status_tekst,
        eigenaar=Owner(owner.naam, owner.functie, owner.email, owner.telefoon),
        regie=_cap(model.regie_label),
        coordinator=model.coordinator.naam if model.coordinator else None,
        sleutelpersonen=key_persons,
        praktijken=tuple(practices),
        stappen=steps,
        contacten=contacts,
        kaartformaat=CARD_FORMATS[model.kaarten.formaat].adjective,
        doelgroepen=model.kaarten.doelgroep_namen,
        gaten=tuple(gaps),
        bevindingen=tuple(finding(p) for p in problems if p.file != region_file),
        handvatten=tuple(
            HandvatStatus(h.id, h.naam, h.status, h.status_label, h.code, h.herkomst)
            for h in model.handvatten
        ),
        regie_herkomst=model.regie_herkomst,
        sleutelpersonen_herkomst=model.sleutelpersonen_herkomst,
        concept_redenen=model.concept_redenen,
        nummers=numbers_of(model),
        kaarten=card_routes(model, content),
    )


def failed_entry(naam: str, bestand: str, reden: str, problems: Iterable[Problem] = ()) -> FailedEntry:
    return FailedEntry(naam, bestand, reden, tuple(finding(p) for p in problems))


def stale_checks(entry: MunicipalityEntry, today: dt.date) -> tuple[int, int]:
    """How many of the municipality's own contacts were last checked over a year ago, and how many never."""
    stale = missing = 0
    for contact in entry.contacten:
        if contact.gecontroleerd_op is None:
            missing += 1
        elif today - dt.date.fromisoformat(contact.gecontroleerd_op) > STALE_AFTER:
            stale += 1
    return stale, missing


def fresh_until(entry: MunicipalityEntry, today: dt.date) -> dt.date | None:
    """The last day on which the stale-or-not verdict on the entry's contacts stays as it is today."""
    checked = [c.gecontroleerd_op for c in entry.contacten] + [n.gecontroleerd_op for n in entry.nummers]
    limits = [dt.date.fromisoformat(c) + STALE_AFTER for c in checked if c is not None]
    return min((d for d in limits if d >= today), default=None)


def attention_text(entry: MunicipalityEntry, today: dt.date) -> str:
    """'3 waarschuwingen, waaronder 2 gaten in de keten': all warnings, with the kinds a region acts on."""
    warnings = sum(f.soort == "waarschuwing" for f in entry.bevindingen)
    if not warnings:
        return "geen waarschuwingen"
    stale, missing = stale_checks(entry, today)
    details = []
    if entry.gaten:
        details.append(plural(len(entry.gaten), "gat", "gaten") + " in de keten")
    if stale:
        details.append(plural(stale, "verouderd contact", "verouderde contacten"))
    if missing:
        details.append(plural(missing, "contact", "contacten") + " zonder controledatum")
    text = plural(warnings, "waarschuwing", "waarschuwingen")
    return text + (", waaronder " + ", ".join(details) if details else "")


def overview(
    entries: Sequence[MunicipalityEntry],
    failed: Sequence[FailedEntry],
    content: NationalContent,
    today: dt.date,
) -> Overview:
    """Municipalities against practices (priority), chain steps (local partner or not), regie and cards."""
    practices = tuple(content.praktijken[k].naam for k in PRACTICES)
    steps = tuple(s.naam for s in content.stappen.values())
    groups = (
        ("", 1),
        ("Prioriteit per praktijk", len(practices)),
        ("Lokale partner per ketenstap", len(steps)),
        ("", 1),
        ("", 1),
        ("", 1),
    )
    header = ("Gemeente", *practices, *steps, "Regie", "Zakkaarten voor", "Aandachtspunten")
    rows: list[tuple[str, ...]] = [
        (
            e.naam,
            *(p.prioriteit for p in e.praktijken),
            *("; ".join(s.lokale_partners) or NO_LOCAL_PARTNER for s in e.stappen),
            e.regie,
            ", ".join(e.doelgroepen),
            attention_text(e, today),
        )
        for e in entries
    ]
    blank = ("",) * (len(header) - 2)
    rows += [(f.naam, *blank, f"{FAILED}: {f.reden}") for f in failed]
    return Overview(groups, header, tuple(rows))


def problem_rows(
    entries: Sequence[MunicipalityEntry],
    failed: Sequence[FailedEntry],
    region_naam: str,
    region_problems: Iterable[Problem],
) -> tuple[ProblemRow, ...]:
    """Every problem with its place: the region file's own, then per municipality, failures included."""
    rows = [
        ProblemRow(f"regio {region_naam}", f.plek, f.soort, f.veld, f.melding)
        for f in map(finding, region_problems)
    ]
    for e in entries:
        # Gaps are among the profile's warnings already, with their line; no second row for them.
        rows += [ProblemRow(e.naam, f.plek, f.soort, f.veld, f.melding) for f in e.bevindingen]
    for x in failed:
        rows += [ProblemRow(x.naam, f.plek, f.soort, f.veld, f.melding) for f in x.bevindingen]
        if not x.bevindingen:
            rows.append(ProblemRow(x.naam, x.bestand, "fout", "", x.reden))
    return tuple(rows)


def region_date(entries: Sequence[MunicipalityEntry], veilig_thuis: VeiligThuis) -> dt.date:
    """The latest adoption date of a municipality; the document's date, so it never depends on the clock."""
    dates = [dt.date.fromisoformat(e.vastgesteld_op) for e in entries]
    if not dates and veilig_thuis.gecontroleerd_op:
        dates.append(veilig_thuis.gecontroleerd_op)
    return max(dates, default=FALLBACK_DATE)


def handvat_cells(entry: MunicipalityEntry, hv: HandvattenContent) -> tuple[list[str], list[str]]:
    """A municipality's row of the gap map (short codes) and of the overview (words), in the content's
    order: a status it took from the region carries the region mark, a handvat outside its practices
    the dash."""
    own = {h.id: h for h in entry.handvatten}
    codes, words = [], []
    for h in hv.handvatten:
        status = own.get(h.id)
        if status is None:
            codes.append(hv.niet_gekozen["code"])
            words.append(hv.niet_gekozen["legenda"])
        elif status.herkomst == "regio":
            codes.append(status.code + hv.herkomst["teken"])
            words.append(f"{status.label} ({hv.herkomst['regio']})")
        else:
            codes.append(status.code)
            words.append(status.label)
    return codes, words


def _groups(hv: HandvattenContent) -> tuple[tuple[str, int], ...]:
    return tuple(
        (g.naam, count) for g in hv.groepen if (count := sum(h.groep == g.id for h in hv.handvatten))
    )


def region_model(
    naam: str,
    kleur: str,
    veilig_thuis: VeiligThuis,
    partners: Sequence[Partner],
    entries: Sequence[MunicipalityEntry],
    failed: Sequence[FailedEntry],
    content: NationalContent,
    today: dt.date,
    region_problems: Iterable[Problem] = (),
    handvatten: HandvattenContent | None = None,
    changes: Sequence[ChangeRow] = (),
) -> RegionModel:
    hv = handvatten or national_handvatten()
    date = region_date(entries, veilig_thuis)
    rows = [handvat_cells(e, hv) for e in entries]
    return RegionModel(
        naam=naam,
        slug=slug(naam),
        datum=date,
        datum_tekst=dutch_date(date),
        kleur=kleur,
        veilig_thuis=veilig_thuis,
        partners=tuple(partners),
        gemeenten=tuple(entries),
        mislukt=tuple(failed),
        overzicht=overview(entries, failed, content, today),
        problemen=problem_rows(entries, failed, naam, region_problems),
        praktijk_namen=tuple(content.praktijken[k].naam for k in PRACTICES),
        stap_namen=tuple(s.naam for s in content.stappen.values()),
        peildatum=today,
        handvat_namen=tuple(h.naam for h in hv.handvatten),
        handvat_legenda=(
            *((hv.codes[k], hv.statussen[k]) for k in (*STATUSES, EMPTY)),
            (hv.herkomst["teken"], hv.herkomst["legenda"]),
            (hv.niet_gekozen["code"], hv.niet_gekozen["legenda"]),
        ),
        wijzigingen=tuple(changes),
        controles=check_rows([(e.naam, e.nummers) for e in entries], today),
        handvat_groepen=_groups(hv),
        handvat_codes=tuple((e.naam, *cells[0]) for e, cells in zip(entries, rows, strict=True)),
        handvat_woorden=tuple((e.naam, *cells[1]) for e, cells in zip(entries, rows, strict=True)),
    )


def to_data(entry: Any) -> Any:
    """A dataclass as plain JSON data (dicts, lists, strings, numbers); a phone number as written,
    without the place it was written (a record must not depend on how a path was typed)."""
    return _plain(entry)


def _plain(value: Any) -> Any:
    if isinstance(value, Phone):
        # A printed form the national content declares travels with it.
        return value.written if value.form is None else {"geschreven": value.written, "vorm": value.form}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, str) else value


def from_data(cls: type[T], data: Any) -> T:
    """The inverse of to_data for the entry dataclasses above; raises ValueError on data of another shape."""
    try:
        return typing.cast(T, _build(cls, data))
    except (TypeError, KeyError, AttributeError) as exc:
        raise ValueError(f"{cls.__name__}: onverwachte gegevens ({exc})") from exc


def _build(tp: Any, data: Any) -> Any:
    if tp is Phone:
        if (
            isinstance(data, Mapping)
            and isinstance(data.get("geschreven"), str)
            and isinstance(data.get("vorm"), str)
        ):
            return dataclasses.replace(phone(data["geschreven"]), form=data["vorm"])
        if not isinstance(data, str):
            raise TypeError(f"{data!r} is geen telefoonnummer")
        return phone(data)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = typing.get_type_hints(tp)
        if not isinstance(data, Mapping):
            raise TypeError(f"{tp.__name__} verwacht een object")
        # A field with a default may be absent from data written by an older version.
        return tp(
            **{
                f.name: _build(hints[f.name], data[f.name])
                for f in dataclasses.fields(tp)
                if f.name in data or f.default is dataclasses.MISSING
            }
        )
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in data)
        return tuple(_build(a, v) for a, v in zip(args, data, strict=True))
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _build(inner, data)
    if tp in (str, int, bool):
        if not isinstance(data, tp):
            raise TypeError(f"{data!r} is geen {tp.__name__}")
        return data
    raise TypeError(f"type {tp!r} niet ondersteund")
