"""The regional website's model (pure): the region as the site shows it, its municipalities, and
what the previous site was made from, so an unchanged page keeps its date and its bytes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assembler.model.region import RegionModel
from assembler.model.routekaart import Routekaart, VeiligThuis
from assembler.model.tailor import national_vt_phone
from assembler.national import NationalContent
from assembler.phone import Phone

DEFAULT_EXIT = "https://www.google.nl/"
SHARED = "_gedeeld"  # the state's entry for the files every page shares


@dataclass(frozen=True)
class SiteFile:
    """A file of a municipality offered for download, with the words its link gets."""

    path: Path
    label: str
    soort: str  # "Word" or "PDF"


@dataclass(frozen=True)
class SiteMember:
    """A built municipality as the site sees it."""

    naam: str
    slug: str
    sleutel: str  # changes whenever anything its page is made from changes
    bestanden: tuple[SiteFile, ...]  # its Word, PDF and card files, in the order offered
    model: Callable[[], Routekaart]  # loads and tailors the profile; called only when the page is redone


@dataclass
class SiteState:
    """Per page the key it was made from, the date it last changed and the hashes of its files."""

    paginas: dict[str, dict[str, Any]]

    @classmethod
    def from_json(cls, data: bytes | None) -> SiteState:
        try:
            raw = json.loads(data) if data else {}
            return cls(dict(raw.get("paginas", {})))
        except (ValueError, AttributeError):
            return cls({})

    def dumps(self) -> bytes:
        return json.dumps({"paginas": self.paginas}, sort_keys=True, ensure_ascii=False, indent=1).encode()

    def files(self) -> set[str]:
        """Every file the site this state describes was made of, by its path in the site folder."""
        return {rel for page in self.paginas.values() for rel in (page.get("bestanden") or {})}


@dataclass(frozen=True)
class SiteModel:
    regio: str
    slug: str
    kleur: str  # the region's colour, as on the regional documents
    veilig_thuis: VeiligThuis
    landelijk_telefoon: Phone  # the national Veilig Thuis number: free, day and night, whatever the region
    url: str | None  # where the site goes online (site.url), for the sitemap and canonical links
    verlaten_naar: str  # where "Deze site direct verlaten" leads
    verantwoordelijk: str  # who answers for its accessibility
    email: str | None
    gecontroleerd_op: dt.date | None  # the last check by a person, if any
    vandaag: dt.date
    gemeenten: tuple[SiteMember, ...]
    vorige: SiteState  # what the previous site was made from
    # A concept comes on the site, marked as concept, only when the region file says so (site.concepten_publiceren).
    concepten_publiceren: bool = False

    @property
    def sleutel(self) -> str:
        """Changes whenever anything the region's own pages show changes."""
        shown = {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if f.name not in ("vandaag", "gemeenten", "vorige")
        }
        return hashlib.sha256(json.dumps(shown, default=_plain, sort_keys=True).encode()).hexdigest()


def _plain(value: Any) -> Any:
    # A phone number as printed, without the place it was written: the key is the same on every machine.
    if isinstance(value, Phone):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    return str(value)


def site_model(
    region: RegionModel,
    settings: Mapping[str, Any] | None,
    content: NationalContent,
    members: tuple[SiteMember, ...],
    previous: SiteState,
    today: dt.date,
) -> SiteModel:
    """The site of a region from its regional model and the region file's `site` section."""
    settings = settings or {}
    checked = settings.get("gecontroleerd_op")
    return SiteModel(
        regio=region.naam,
        slug=region.slug,
        kleur=region.kleur,
        veilig_thuis=region.veilig_thuis,
        landelijk_telefoon=national_vt_phone(content),
        url=settings.get("url"),
        verlaten_naar=settings.get("verlaten_naar") or DEFAULT_EXIT,
        verantwoordelijk=settings.get("verantwoordelijk") or region.veilig_thuis.naam,
        email=settings.get("email"),
        gecontroleerd_op=checked if isinstance(checked, dt.date) else None,
        vandaag=today,
        gemeenten=members,
        vorige=previous,
        concepten_publiceren=bool(settings.get("concepten_publiceren")),
    )
