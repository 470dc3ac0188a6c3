"""Loads the national standard content (templates/content/*.yaml) into frozen dataclasses.

The content is data with sources, kept apart from layout: updating a phone number
or a law means editing one YAML file, never a Word template. A national phone number
stands only in organisaties.yaml; every other text names it by a placeholder such as
``{nummer_veilig_thuis}`` (``nummer_`` and the organisation's id), filled in here when the
content is loaded, so a changed number reaches the routekaart and the cards alike. The
handvatten (what a municipality arranges itself) have a module of their own beside it,
`national/handvatten.py`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from assembler.dutch import dutch_date
from assembler.errors import ContentError
from assembler.resources import content_dir

STEPS = ("signaleren_en_melden", "toeleiden_naar_zorg", "preventie_veiligheid_hulp")
CONTENT_FILES = (
    "praktijken.yaml",
    "wetten.yaml",
    "organisaties.yaml",
    "ketenstappen.yaml",
    "meldcode.yaml",
    "begrippen.yaml",
    "bronnen.yaml",
    "teksten.yaml",
    "kaarten.yaml",
    "inhoud.yaml",
    "handvatten.yaml",
)


@dataclass(frozen=True)
class SignalGroup:
    kop: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class CardText:
    """The short texts a pocket card prints for one practice."""

    signalen: tuple[str, ...]
    stappen: tuple[str, ...]
    niet_doen: tuple[str, ...]
    acuut: str
    doelgroepen: Mapping[str, tuple[str, ...]]
    # An audience for whom the acute line reads differently (the police is not told to call the police).
    acuut_doelgroepen: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PracticeContent:
    key: str
    naam: str
    afkorting: str
    omschrijving: tuple[str, ...]
    feiten: tuple[str, ...]
    signalen: tuple[SignalGroup, ...]
    risicofactoren: tuple[str, ...]
    wetgeving: tuple[str, ...]
    meldcode: tuple[str, ...]
    acuut: tuple[str, ...]
    wel_doen: tuple[str, ...]
    niet_doen: tuple[str, ...]
    organisaties: tuple[str, ...]
    bronnen: tuple[str, ...]
    standaard_lokale_situatie: tuple[str, ...]
    kaart: CardText


@dataclass(frozen=True)
class Law:
    id: str
    naam: str
    kern: tuple[str, ...]
    praktijken: tuple[str, ...]
    bronnen: tuple[str, ...]


@dataclass(frozen=True)
class Organisation:
    """A national organisation; ``telefoon`` is only set when the number is confirmed."""

    id: str
    naam: str
    rol: str
    telefoon: str | None
    telefoon_toelichting: str | None
    website: str | None
    email: str | None
    praktijken: tuple[str, ...]
    # The page on one of ``eigen_domeinen`` where the contact details stand.
    bron: str
    eigen_domeinen: tuple[str, ...]
    # Set only when someone compared the number with ``bron`` on an own domain.
    gecontroleerd_op: dt.date | None
    controle: str | None
    contactlijst: bool
    # A second number for when there is no emergency (the police's 0900-8844 beside 112).
    telefoon_zonder_spoed: str | None = None


@dataclass(frozen=True)
class StepContent:
    key: str
    naam: str
    doel: tuple[str, ...]
    aandachtspunten: tuple[str, ...]
    standaard_afspraken: tuple[str, ...]


@dataclass(frozen=True)
class MeldcodeStep:
    nummer: int
    naam: str
    uitleg: str
    kort: str


@dataclass(frozen=True)
class Meldcode:
    inleiding: tuple[str, ...]
    stappen: tuple[MeldcodeStep, ...]
    afwegingskader: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    term: str
    uitleg: str


@dataclass(frozen=True)
class Source:
    id: str
    titel: str
    uitgever: str
    url: str
    geraadpleegd: dt.date | None


@dataclass(frozen=True)
class ContentInfo:
    """Version and date of the national content, and the domains a printed source may come from."""

    versie: str
    datum: dt.date
    officiele_domeinen: tuple[str, ...]


def host_of(url: str) -> str:
    """The host of a URL without a leading ``www.``."""
    return (urlparse(url).hostname or "").removeprefix("www.")


def on_domain(url: str, domains: Iterable[str]) -> bool:
    """True when the URL's host is one of the domains or a subdomain of one."""
    host = host_of(url)
    return any(host == d or host.endswith("." + d) for d in domains)


@dataclass(frozen=True)
class NationalContent:
    praktijken: Mapping[str, PracticeContent]
    wetten: tuple[Law, ...]
    organisaties: tuple[Organisation, ...]
    stappen: Mapping[str, StepContent]
    meldcode: Meldcode
    begrippen: tuple[Term, ...]
    bronnen: tuple[Source, ...]
    teksten: Mapping[str, Any]
    kaarten: Mapping[str, Any]
    info: ContentInfo
    digest: str

    def organisation(self, org_id: str) -> Organisation:
        for org in self.organisaties:
            if org.id == org_id:
                return org
        raise ContentError(f"landelijke organisatie '{org_id}' staat niet in organisaties.yaml")

    def source(self, source_id: str) -> Source:
        for src in self.bronnen:
            if src.id == source_id:
                return src
        raise ContentError(f"bron '{source_id}' staat niet in bronnen.yaml")

    def label(self, group: str, key: str) -> str:
        """A Dutch label from teksten.yaml ``labels``; the key itself when none is given."""
        labels = self.teksten.get("labels", {}).get(group, {})
        return str(labels.get(key, key.replace("_", " ")))


def _texts(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(p.strip() for p in value.strip().split("\n\n") if p.strip())
    return tuple(str(v).strip() for v in value)


def _optional_date(value: Any, where: str) -> dt.date | None:
    return None if value is None else _date(value, where)


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ContentError(f"{where}: geen geldige datum: {value!r}") from exc


def _practice(key: str, raw: Mapping[str, Any]) -> PracticeContent:
    kaart = raw["kaart"]
    return PracticeContent(
        key=key,
        naam=raw["naam"],
        afkorting=raw.get("afkorting", ""),
        omschrijving=_texts(raw["omschrijving"]),
        feiten=_texts(raw.get("feiten")),
        signalen=tuple(SignalGroup(kop=g["kop"], items=_texts(g["items"])) for g in raw["signalen"]),
        risicofactoren=_texts(raw.get("risicofactoren")),
        wetgeving=_texts(raw["wetgeving"]),
        meldcode=_texts(raw["meldcode"]),
        acuut=_texts(raw["acuut"]),
        wel_doen=_texts(raw.get("wel_doen")),
        niet_doen=_texts(raw["niet_doen"]),
        organisaties=tuple(raw.get("organisaties", ())),
        bronnen=tuple(raw.get("bronnen", ())),
        standaard_lokale_situatie=_texts(raw["standaard_lokale_situatie"]),
        kaart=CardText(
            signalen=_texts(kaart["signalen"]),
            stappen=_texts(kaart["stappen"]),
            niet_doen=_texts(kaart["niet_doen"]),
            acuut=str(kaart["acuut"]).strip(),
            doelgroepen={k: _texts(v) for k, v in (kaart.get("doelgroepen") or {}).items()},
            acuut_doelgroepen={k: str(v).strip() for k, v in (kaart.get("acuut_doelgroepen") or {}).items()},
        ),
    )


def _read(folder: Path, name: str) -> Any:
    path = folder / name
    try:
        return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError, UnicodeDecodeError) as exc:
        raise ContentError(f"landelijke inhoud {path} is onleesbaar: {exc}") from exc


@cache
def _shipped(name: str) -> Any:
    return _read(content_dir(), name)


def _practice_keys() -> tuple[str, ...]:
    """The practices the shipped content describes, in its order: adding one to praktijken.yaml offers it."""
    practices = _shipped("praktijken.yaml")
    if not isinstance(practices, Mapping) or not practices:
        raise ContentError(
            f"landelijke inhoud {content_dir() / 'praktijken.yaml'} beschrijft geen praktijken"
        )
    return tuple(str(key) for key in practices)


PRACTICES = _practice_keys()


def digest_of(folder: Path) -> str:
    """A sha256 over every content file, so batch runs notice a changed national text."""
    h = hashlib.sha256()
    for name in CONTENT_FILES:
        h.update(name.encode())
        h.update((folder / name).read_bytes())
    return h.hexdigest()


# A placeholder for a national number: {nummer_veilig_thuis}, {nummer_politie_zonder_spoed}.
NUMBER_PLACEHOLDER = re.compile(r"\{(nummer_[a-z0-9_]+)\}")
NUMBER_FIELDS = {"telefoon": "", "telefoon_zonder_spoed": "_zonder_spoed"}


def numbers(organisations: Any) -> dict[str, str]:
    """The national numbers by placeholder name: organisation id (dashes as underscores) after 'nummer_'."""
    found = {}
    for org in organisations or []:
        for key, suffix in NUMBER_FIELDS.items():
            if org.get(key):
                found[f"nummer_{str(org['id']).replace('-', '_')}{suffix}"] = str(org[key])
    return found


def _with_numbers(value: Any, known: Mapping[str, str], where: str) -> Any:
    """Every string in the data with its number placeholders filled; an unknown one is refused."""
    if isinstance(value, str):

        def fill(match: re.Match[str]) -> str:
            if match.group(1) not in known:
                raise ContentError(
                    f"{where}: onbekend nummer {match.group(0)}; een landelijk nummer staat in "
                    f"organisaties.yaml (bekend: {', '.join(sorted(known))})"
                )
            return known[match.group(1)]

        return NUMBER_PLACEHOLDER.sub(fill, value)
    if isinstance(value, Mapping):
        return {k: _with_numbers(v, known, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_numbers(v, known, where) for v in value]
    return value


def load_content(folder: Path | None = None) -> NationalContent:
    raw = {name: _shipped(name) if folder is None else _read(folder, name) for name in CONTENT_FILES}
    folder = folder or content_dir()
    known = numbers(raw["organisaties.yaml"])
    raw = {name: _with_numbers(value, known, name) for name, value in raw.items()}
    try:
        praktijken = {str(key): _practice(str(key), value) for key, value in raw["praktijken.yaml"].items()}
        stappen = {
            key: StepContent(
                key=key,
                naam=s["naam"],
                doel=_texts(s["doel"]),
                aandachtspunten=_texts(s.get("aandachtspunten")),
                standaard_afspraken=_texts(s["standaard_afspraken"]),
            )
            for key, s in ((k, raw["ketenstappen.yaml"][k]) for k in STEPS)
        }
        mc = raw["meldcode.yaml"]
        content = NationalContent(
            praktijken=praktijken,
            wetten=tuple(
                Law(
                    id=w["id"],
                    naam=w["naam"],
                    kern=_texts(w["kern"]),
                    praktijken=tuple(w.get("praktijken", ("alle",))),
                    bronnen=tuple(w.get("bronnen", ())),
                )
                for w in raw["wetten.yaml"]
            ),
            organisaties=tuple(
                Organisation(
                    id=o["id"],
                    naam=o["naam"],
                    rol=str(o["rol"]).strip(),
                    telefoon=o.get("telefoon"),
                    telefoon_toelichting=o.get("telefoon_toelichting"),
                    website=o.get("website"),
                    email=o.get("email"),
                    praktijken=tuple(o.get("praktijken", ("alle",))),
                    bron=o["bron"],
                    eigen_domeinen=tuple(o.get("eigen_domeinen") or ()),
                    gecontroleerd_op=_optional_date(o.get("gecontroleerd_op"), f"organisatie {o['id']}"),
                    controle=o.get("controle"),
                    contactlijst=bool(o.get("contactlijst")),
                    telefoon_zonder_spoed=o.get("telefoon_zonder_spoed"),
                )
                for o in raw["organisaties.yaml"]
            ),
            stappen=stappen,
            meldcode=Meldcode(
                inleiding=_texts(mc["inleiding"]),
                stappen=tuple(
                    MeldcodeStep(
                        nummer=int(s["nummer"]),
                        naam=s["naam"],
                        uitleg=str(s["uitleg"]).strip(),
                        kort=str(s["kort"]).strip(),
                    )
                    for s in mc["stappen"]
                ),
                afwegingskader=_texts(mc["afwegingskader"]),
            ),
            begrippen=tuple(
                Term(term=t["term"], uitleg=str(t["uitleg"]).strip()) for t in raw["begrippen.yaml"]
            ),
            bronnen=tuple(
                Source(
                    id=b["id"],
                    titel=b["titel"],
                    uitgever=b["uitgever"],
                    url=b["url"],
                    geraadpleegd=_optional_date(b.get("geraadpleegd"), f"bron {b['id']}"),
                )
                for b in raw["bronnen.yaml"]
            ),
            teksten=raw["teksten.yaml"],
            kaarten=raw["kaarten.yaml"],
            info=_info(raw["inhoud.yaml"]),
            digest=digest_of(folder),
        )
    except (KeyError, TypeError) as exc:
        raise ContentError(f"landelijke inhoud in {folder} mist een veld: {exc}") from exc
    _check_references(content)
    return content


def _check_references(content: NationalContent) -> None:
    source_ids = {s.id for s in content.bronnen}
    org_ids = {o.id for o in content.organisaties}
    for p in content.praktijken.values():
        for org in p.organisaties:
            if org not in org_ids:
                raise ContentError(f"praktijk {p.key} noemt onbekende organisatie '{org}'")
        for src in p.bronnen:
            if src not in source_ids:
                raise ContentError(f"praktijk {p.key} noemt onbekende bron '{src}'")
    for law in content.wetten:
        # A law is printed as fact, so it needs its official page (see bronnen.yaml).
        if not law.bronnen:
            raise ContentError(f"wet {law.id} heeft geen bron; noem de officiële pagina of laat de wet weg")
        for src in law.bronnen:
            if src not in source_ids:
                raise ContentError(f"wet {law.id} noemt onbekende bron '{src}'")


def _info(raw: Mapping[str, Any]) -> ContentInfo:
    return ContentInfo(
        versie=str(raw["versie"]),
        datum=_date(raw["datum"], "inhoud.yaml datum"),
        officiele_domeinen=tuple(raw["officiele_domeinen"]),
    )


def load_content_info(folder: Path | None = None) -> ContentInfo:
    """Only the version, date and official domains (inhoud.yaml), without loading all content."""
    folder = folder or content_dir()
    try:
        return _info(_read(folder, "inhoud.yaml"))
    except (KeyError, TypeError) as exc:
        raise ContentError(f"landelijke inhoud {folder / 'inhoud.yaml'} mist een veld: {exc}") from exc


@cache
def national_content() -> NationalContent:
    """The shipped content, loaded once per process."""
    return load_content()


# --- Provenance: official sources, checked contacts and the check-content report ---

# A check older than this is flagged: numbers and pages change.
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
    """The Dutch report of ``assembler check-content``, line by line."""
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
        number = " en ".join(n for n in (org.telefoon, org.telefoon_zonder_spoed) if n)
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
