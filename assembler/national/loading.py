"""Reads templates/content/*.yaml into the dataclasses of national/types.py, with numbers filled in."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from assembler.errors import ContentError
from assembler.national.types import (
    CONTENT_FILES,
    STEPS,
    CardText,
    ContentChange,
    ContentInfo,
    Law,
    Meldcode,
    MeldcodeStep,
    NationalContent,
    Organisation,
    PoliceRoute,
    PracticeContent,
    Profession,
    SignalGroup,
    Source,
    StepContent,
    Term,
)
from assembler.phone import Phone, read_phone
from assembler.resources import content_dir


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


def _numbered_organisations() -> tuple[str, ...]:
    """The national organisations with a printed phone number: those whose number someone can check."""
    organisations = _shipped("organisaties.yaml")
    if not isinstance(organisations, list):
        raise ContentError(f"landelijke inhoud {content_dir() / 'organisaties.yaml'} is geen lijst")
    return tuple(
        str(o["id"])
        for o in organisations
        if isinstance(o, Mapping) and "id" in o and any(o.get(key) for key in NUMBER_FIELDS)
    )


def _audience_keys() -> tuple[str, ...]:
    """The card audiences the shipped content describes, in its order: the schema offers these."""
    professions = _shipped("beroepen.yaml")
    if not isinstance(professions, Mapping) or not professions:
        raise ContentError(f"landelijke inhoud {content_dir() / 'beroepen.yaml'} beschrijft geen beroepen")
    return tuple(str(key) for key in professions)


AUDIENCES = _audience_keys()


def _profession(key: str, raw: Mapping[str, Any]) -> Profession:
    route = raw.get("route")
    return Profession(
        key=key,
        meldcode=str(raw["meldcode"]).strip() if raw.get("meldcode") else None,
        adres=str(raw["adres"]).strip() if raw.get("adres") else None,
        adres_tekst=str(raw["adres_tekst"]).strip() if raw.get("adres_tekst") else None,
        verschillen=_texts(raw.get("verschillen")),
        bronnen=tuple(str(u) for u in raw.get("bronnen") or ()),
        route=None
        if not route
        else PoliceRoute(
            titel=str(route["titel"]).strip(),
            inleiding=str(route["inleiding"]).strip(),
            stappen=_texts(route["stappen"]),
            praktijkstappen=_texts(route["praktijkstappen"]),
        ),
    )


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
NUMBERED_ORGANISATIONS = _numbered_organisations()


def national_phone(value: Any, where: str) -> Phone | None:
    """A number of organisaties.yaml as a Phone (None when absent); one that does not read is a packaging fault.

    The national content types a number as the organisation's own page prints it (someone compared
    the two): it is printed that way, also where the one display form would write it otherwise.
    """
    if value is None:
        return None
    reading = read_phone(str(value))
    if reading.phone is None:
        raise ContentError(f"organisaties.yaml, {where}: {reading.error}")
    typed = str(value).strip()
    return reading.phone if reading.phone.printed == typed else replace(reading.phone, form=typed)


def numbers(organisations: Any) -> dict[str, str]:
    """The national numbers as printed, by placeholder name: organisation id (dashes as underscores)
    after 'nummer_'."""
    found = {}
    for org in organisations or []:
        for key, suffix in NUMBER_FIELDS.items():
            number = national_phone(org.get(key) or None, f"{org.get('id')}.{key}")
            if number is not None:
                found[f"nummer_{str(org['id']).replace('-', '_')}{suffix}"] = str(number)
    return found


def with_numbers(value: Any, known: Mapping[str, str], where: str) -> Any:
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
        return {k: with_numbers(v, known, where) for k, v in value.items()}
    if isinstance(value, list):
        return [with_numbers(v, known, where) for v in value]
    return value


def load_content(folder: Path | None = None) -> NationalContent:
    raw = {name: _shipped(name) if folder is None else _read(folder, name) for name in CONTENT_FILES}
    folder = folder or content_dir()
    known = numbers(raw["organisaties.yaml"])
    raw = {name: with_numbers(value, known, name) for name, value in raw.items()}
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
                    telefoon=national_phone(o.get("telefoon"), f"{o['id']}.telefoon"),
                    telefoon_toelichting=o.get("telefoon_toelichting"),
                    website=o.get("website"),
                    email=o.get("email"),
                    praktijken=tuple(o.get("praktijken", ("alle",))),
                    bron=o["bron"],
                    eigen_domeinen=tuple(o.get("eigen_domeinen") or ()),
                    gecontroleerd_op=_optional_date(o.get("gecontroleerd_op"), f"organisatie {o['id']}"),
                    controle=o.get("controle"),
                    contactlijst=bool(o.get("contactlijst")),
                    telefoon_zonder_spoed=national_phone(
                        o.get("telefoon_zonder_spoed"), f"{o['id']}.telefoon_zonder_spoed"
                    ),
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
            beroepen={str(k): _profession(str(k), v) for k, v in raw["beroepen.yaml"].items()},
            info=_info(raw["inhoud.yaml"]),
            digest=digest_of(folder),
        )
    except (KeyError, TypeError) as exc:
        raise ContentError(f"landelijke inhoud in {folder} mist een veld: {exc}") from exc
    _check_references(content)
    return content


def _check_professions(content: NationalContent) -> None:
    """Every audience has its set name and in-house contact, and a named kader its official page."""
    groups = content.kaarten.get("doelgroepen") or {}
    for key, profession in content.beroepen.items():
        if not isinstance(groups.get(key), Mapping) or not groups[key].get("aanspreekpunt"):
            raise ContentError(f"beroepen.yaml noemt '{key}', maar kaarten.yaml heeft geen doelgroep '{key}'")
        if profession.adres and not profession.bronnen:
            raise ContentError(f"beroep {key}: noem in bronnen de officiële pagina's van de meldcode")
        if profession.verschillen and not profession.bronnen:
            raise ContentError(f"beroep {key}: verschillen zonder bron; noem de officiële pagina")
        if profession.route is not None and profession.meldcode:
            raise ContentError(f"beroep {key}: een eigen route en een meldcode sluiten elkaar uit")


def _check_references(content: NationalContent) -> None:
    _check_professions(content)
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
    info = ContentInfo(
        versie=str(raw["versie"]),
        datum=_date(raw["datum"], "inhoud.yaml datum"),
        officiele_domeinen=tuple(raw["officiele_domeinen"]),
        wijzigingen=_changes(raw.get("wijzigingen")),
    )
    if info.wijzigingen and info.wijzigingen[0].versie != info.versie:
        raise ContentError(
            f"inhoud.yaml: de nieuwste vermelding onder wijzigingen is versie {info.wijzigingen[0].versie}, "
            f"de inhoud is versie {info.versie}; zet de vermelding voor {info.versie} bovenaan"
        )
    return info


CHANGE_FIELDS = ("versie", "datum", "samenvatting")


def _changes(raw: Any) -> tuple[ContentChange, ...]:
    """The changelog, newest first; an entry without versie, datum or samenvatting is refused."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ContentError("inhoud.yaml: wijzigingen moet een lijst zijn")
    changes = []
    for number, entry in enumerate(raw, 1):
        where = f"inhoud.yaml: wijziging {number}"
        if not isinstance(entry, Mapping):
            raise ContentError(f"{where} is geen groep velden")
        missing = [f for f in CHANGE_FIELDS if not entry.get(f)]
        if missing:
            raise ContentError(f"{where} mist {', '.join(missing)}")
        chapters = entry.get("hoofdstukken") or []
        if not isinstance(chapters, list):
            raise ContentError(f"{where}: hoofdstukken moet een lijst zijn")
        changes.append(
            ContentChange(
                versie=str(entry["versie"]),
                datum=_date(entry["datum"], where),
                samenvatting=" ".join(str(entry["samenvatting"]).split()),
                hoofdstukken=tuple(str(c) for c in chapters),
            )
        )
    dates = [c.datum for c in changes]
    if dates != sorted(dates, reverse=True):
        raise ContentError("inhoud.yaml: zet de wijzigingen op volgorde, met de nieuwste bovenaan")
    return tuple(changes)


def load_content_info(folder: Path | None = None) -> ContentInfo:
    """Only the version, date and official domains (inhoud.yaml), without loading all content."""
    # The shipped file is read once per process: validate asks for it on every profile, the editor on every change.
    raw = _shipped("inhoud.yaml") if folder is None else _read(folder, "inhoud.yaml")
    try:
        return _info(raw)
    except (KeyError, TypeError) as exc:
        where = (folder or content_dir()) / "inhoud.yaml"
        raise ContentError(f"landelijke inhoud {where} mist een veld: {exc}") from exc


@cache
def national_content() -> NationalContent:
    """The shipped content, loaded once per process."""
    return load_content()
