"""The national handvatten (what a municipality arranges locally) from templates/content/handvatten.yaml.

The ids are fixed here because the profile schema names them; the texts stay data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from assembler.errors import ContentError
from assembler.national import STEPS
from assembler.resources import content_dir

FILE = "handvatten.yaml"
HANDVATTEN = (
    "afspraken_veilig_thuis",
    "deskundigheidsbevordering",
    "sleutelpersonen",
    "informatiedeling",
    "inkoop_hulp_en_opvang",
    "nazorg_vgv",
    "monitoring",
)
STATUSES = ("geregeld", "in_ontwikkeling", "niet_geregeld", "niet_van_toepassing")
EMPTY = "nog_niet_ingevuld"


@dataclass(frozen=True)
class Handvat:
    id: str
    naam: str
    stap: str
    wat: str
    bron: str


@dataclass(frozen=True)
class HandvattenContent:
    inleiding: tuple[str, ...]
    statussen: Mapping[str, str]  # status key (and EMPTY) -> Dutch label
    codes: Mapping[str, str]  # status key (and EMPTY) -> short code for the regional map
    handvatten: tuple[Handvat, ...]
    veilig_thuis: tuple[str, ...]


def load_handvatten(folder: Path | None = None) -> HandvattenContent:
    path = (folder or content_dir()) / FILE
    try:
        raw = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
        items = tuple(
            Handvat(
                id=h["id"],
                naam=h["naam"],
                stap=h["stap"],
                wat=" ".join(str(h["wat"]).split()),
                bron=h["bron"],
            )
            for h in raw["handvatten"]
        )
        content = HandvattenContent(
            inleiding=tuple(" ".join(str(t).split()) for t in raw["inleiding"]),
            statussen={str(k): str(v) for k, v in raw["statussen"].items()},
            codes={str(k): str(v) for k, v in raw["codes"].items()},
            handvatten=items,
            veilig_thuis=tuple(" ".join(str(t).split()) for t in raw["veilig_thuis"]),
        )
    except (OSError, YAMLError, UnicodeDecodeError) as exc:
        raise ContentError(f"landelijke inhoud {path} is onleesbaar: {exc}") from exc
    except (KeyError, TypeError) as exc:
        raise ContentError(f"landelijke inhoud {path} mist een veld: {exc}") from exc
    _check(content, path)
    return content


def _check(content: HandvattenContent, path: Path) -> None:
    ids = tuple(h.id for h in content.handvatten)
    if sorted(ids) != sorted(HANDVATTEN):
        raise ContentError(f"{path}: de handvatten {list(ids)} wijken af van {list(HANDVATTEN)}")
    for h in content.handvatten:
        if h.stap not in STEPS:
            raise ContentError(f"{path}: handvat {h.id} noemt onbekende ketenstap '{h.stap}'")
    for key in (*STATUSES, EMPTY):
        if key not in content.statussen or key not in content.codes:
            raise ContentError(f"{path}: status '{key}' heeft geen label of code")


@cache
def national_handvatten() -> HandvattenContent:
    """The shipped handvatten, loaded once per process."""
    return load_handvatten()
