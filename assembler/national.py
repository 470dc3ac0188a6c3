"""Loads the national standard content (templates/content/*.yaml) into frozen dataclasses.

The content is data with sources, kept apart from layout: updating a phone number
or a law means editing one YAML file, never a Word template.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

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
    bron: str
    gecontroleerd_op: dt.date


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
    geraadpleegd: dt.date


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
        raise ContentError(f"landelijke inhoud {content_dir() / 'praktijken.yaml'} beschrijft geen praktijken")
    return tuple(str(key) for key in practices)


PRACTICES = _practice_keys()


def digest_of(folder: Path) -> str:
    """A sha256 over every content file, so batch runs notice a changed national text."""
    h = hashlib.sha256()
    for name in CONTENT_FILES:
        h.update(name.encode())
        h.update((folder / name).read_bytes())
    return h.hexdigest()


def load_content(folder: Path | None = None) -> NationalContent:
    raw = {name: _shipped(name) if folder is None else _read(folder, name) for name in CONTENT_FILES}
    folder = folder or content_dir()
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
                    gecontroleerd_op=_date(o["gecontroleerd_op"], f"organisatie {o['id']}"),
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
                    geraadpleegd=_date(b["geraadpleegd"], f"bron {b['id']}"),
                )
                for b in raw["bronnen.yaml"]
            ),
            teksten=raw["teksten.yaml"],
            kaarten=raw["kaarten.yaml"],
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
        for src in law.bronnen:
            if src not in source_ids:
                raise ContentError(f"wet {law.id} noemt onbekende bron '{src}'")


@cache
def national_content() -> NationalContent:
    """The shipped content, loaded once per process."""
    return load_content()
