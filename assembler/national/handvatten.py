"""The national handvatten (what a municipality arranges itself) and the topics Veilig Thuis agrees on
with the municipalities, from templates/content/handvatten.yaml.

The ids are fixed here because the profile schema names them; the texts stay data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from assembler.errors import ContentError
from assembler.national.loading import PRACTICES, numbers, with_numbers
from assembler.national.types import STEPS
from assembler.resources import content_dir

FILE = "handvatten.yaml"
HANDVATTEN = (
    "regionaal_plan",
    "procesregie",
    "monitoring",
    "afspraken_veilig_thuis",
    "informatiedeling",
    "deskundigheidsbevordering",
    "leerplicht_vakantie",
    "privacyconvenant",
    "inkoop_hulp_en_opvang",
    "specialistische_opvang_egg",
    "nazorg_vgv",
    "sleutelpersonen",
    "verklaring_vgv",
    "huisverbod",
)
# The topics of "Voor Veilig Thuis": Veilig Thuis writes its agreement on each in the region file.
VT_AFSPRAKEN = ("intake", "bereikbaarheid_vgv", "lkha", "raad", "lec_egg", "overdracht", "weging")
STATUSES = ("geregeld", "in_ontwikkeling", "niet_geregeld", "niet_van_toepassing")
EMPTY = "nog_niet_ingevuld"
ALL = "alle"


def _fits(own: tuple[str, ...], practices: set[str]) -> bool:
    """Whether something meant for `own` practices ("alle" for every one) belongs with these practices."""
    return ALL in own or bool(practices & set(own))


@dataclass(frozen=True)
class Group:
    id: str
    naam: str


@dataclass(frozen=True)
class Handvat:
    id: str
    naam: str
    groep: str
    wat: str
    praktijken: tuple[str, ...]  # ("alle",) or the practices the handvat belongs to
    per_praktijk: Mapping[str, str]  # a sentence added when the municipality chose that practice
    per_regie: Mapping[str, str]  # replaces `wat` when the regie lies with that party
    bronnen: tuple[str, ...]  # ids in bronnen.yaml

    def fits(self, practices: set[str]) -> bool:
        """Whether the handvat belongs in the routekaart of a municipality with these practices."""
        return _fits(self.praktijken, practices)


@dataclass(frozen=True)
class Topic:
    """A subject of "Voor Veilig Thuis": what it means nationally; the agreement comes from the region."""

    id: str
    naam: str
    uitleg: str
    praktijken: tuple[str, ...]
    bronnen: tuple[str, ...]

    def fits(self, practices: set[str]) -> bool:
        """Whether the topic concerns a municipality with these practices."""
        return _fits(self.praktijken, practices)


@dataclass(frozen=True)
class HandvattenContent:
    inleiding: tuple[str, ...]
    inleiding_regie: Mapping[str, str]  # regie -> the sentence on who has the procesregie
    weggelaten: str
    statussen: Mapping[str, str]  # status key (and EMPTY) -> Dutch label
    codes: Mapping[str, str]  # status key (and EMPTY) -> short code for the regional map
    herkomst: Mapping[str, str]  # regio (label), teken (mark in the map), legenda
    niet_gekozen: Mapping[str, str]  # code and legenda for a handvat outside the chosen practices
    geen_afspraak: str
    groepen: tuple[Group, ...]
    handvatten: tuple[Handvat, ...]
    veilig_thuis_inleiding: tuple[str, ...]
    veilig_thuis: tuple[Topic, ...]

    def groep(self, group_id: str) -> Group:
        return next(g for g in self.groepen if g.id == group_id)


def _text(value: Any) -> str:
    return " ".join(str(value).split())


def _texts(values: Any) -> tuple[str, ...]:
    return tuple(_text(v) for v in values)


def _mapping(value: Any) -> dict[str, str]:
    return {str(k): _text(v) for k, v in (value or {}).items()}


def _handvat(raw: Mapping[str, Any]) -> Handvat:
    return Handvat(
        id=raw["id"],
        naam=raw["naam"],
        groep=raw["groep"],
        wat=_text(raw["wat"]),
        praktijken=tuple(raw.get("praktijken") or (ALL,)),
        per_praktijk=_mapping(raw.get("per_praktijk")),
        per_regie=_mapping(raw.get("per_regie")),
        bronnen=tuple(raw["bronnen"]),
    )


def _topic(raw: Mapping[str, Any]) -> Topic:
    return Topic(
        id=raw["id"],
        naam=_text(raw["naam"]),
        uitleg=_text(raw["uitleg"]),
        praktijken=tuple(raw.get("praktijken") or (ALL,)),
        bronnen=tuple(raw["bronnen"]),
    )


def _load(path: Path) -> Any:
    try:
        return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError, UnicodeDecodeError) as exc:
        raise ContentError(f"landelijke inhoud {path} is onleesbaar: {exc}") from exc


def load_handvatten(folder: Path | None = None) -> HandvattenContent:
    folder = folder or content_dir()
    path = folder / FILE
    raw = _load(path)
    organisations = _load(folder / "organisaties.yaml")
    source_ids = {str(s["id"]) for s in _load(folder / "bronnen.yaml") or []}
    raw = with_numbers(raw, numbers(organisations), FILE)
    try:
        content = HandvattenContent(
            inleiding=_texts(raw["inleiding"]),
            inleiding_regie=_mapping(raw["inleiding_regie"]),
            weggelaten=_text(raw["weggelaten"]),
            statussen={str(k): str(v) for k, v in raw["statussen"].items()},
            codes={str(k): str(v) for k, v in raw["codes"].items()},
            herkomst=_mapping(raw["herkomst"]),
            niet_gekozen=_mapping(raw["niet_gekozen"]),
            geen_afspraak=_text(raw["geen_afspraak"]),
            groepen=tuple(Group(str(g["id"]), str(g["naam"])) for g in raw["groepen"]),
            handvatten=tuple(_handvat(h) for h in raw["handvatten"]),
            veilig_thuis_inleiding=_texts(raw["veilig_thuis_inleiding"]),
            veilig_thuis=tuple(_topic(t) for t in raw["veilig_thuis"]),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ContentError(f"landelijke inhoud {path} mist een veld: {exc}") from exc
    _check(content, path, source_ids)
    return content


def _check(content: HandvattenContent, path: Path, source_ids: set[str]) -> None:
    ids = tuple(h.id for h in content.handvatten)
    if sorted(ids) != sorted(HANDVATTEN):
        raise ContentError(f"{path}: de handvatten {list(ids)} wijken af van {list(HANDVATTEN)}")
    topics = tuple(t.id for t in content.veilig_thuis)
    if sorted(topics) != sorted(VT_AFSPRAKEN):
        raise ContentError(
            f"{path}: de onderwerpen voor Veilig Thuis {list(topics)} wijken af van {list(VT_AFSPRAKEN)}"
        )
    groups = {g.id for g in content.groepen}
    missing_steps = [s for s in STEPS if s not in groups]
    if missing_steps:
        raise ContentError(f"{path}: elke ketenstap is een groep; ontbreekt: {', '.join(missing_steps)}")
    order = [g.id for g in content.groepen]
    positions = [order.index(h.groep) for h in content.handvatten if h.groep in groups]
    if positions != sorted(positions):
        raise ContentError(f"{path}: zet de handvatten per groep, in de volgorde van groepen")
    for h in content.handvatten:
        if h.groep not in groups:
            raise ContentError(f"{path}: handvat {h.id} noemt onbekende groep '{h.groep}'")
        if not h.bronnen:
            raise ContentError(f"{path}: handvat {h.id} heeft geen bron; noem de officiële pagina")
        for regie in h.per_regie:
            if regie not in content.inleiding_regie:
                raise ContentError(f"{path}: handvat {h.id} noemt onbekende regie '{regie}'")
    items: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
        (h.id, (*h.praktijken, *h.per_praktijk), h.bronnen) for h in content.handvatten
    ]
    items += [(t.id, t.praktijken, t.bronnen) for t in content.veilig_thuis]
    for item_id, practices, sources in items:
        for practice in practices:
            if practice not in (*PRACTICES, ALL):
                raise ContentError(f"{path}: {item_id} noemt onbekende praktijk '{practice}'")
        for source in sources:
            if source not in source_ids:
                raise ContentError(f"{path}: {item_id} noemt onbekende bron '{source}' (zie bronnen.yaml)")
    for key in (*STATUSES, EMPTY):
        if key not in content.statussen or key not in content.codes:
            raise ContentError(f"{path}: status '{key}' heeft geen label of code")


@cache
def national_handvatten() -> HandvattenContent:
    """The shipped handvatten, loaded once per process."""
    return load_handvatten()
