"""The national content as frozen dataclasses: practices, laws, organisations, steps, terms, sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from assembler.errors import ContentError
from assembler.phone import Phone

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
    "beroepen.yaml",
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
class PoliceRoute:
    """For a profession outside the Wet verplichte meldcode (the police): its own route on the cards."""

    titel: str  # the general card's heading, instead of "Meldcode in 5 stappen"
    inleiding: str
    stappen: tuple[str, ...]  # the general card's numbered route
    praktijkstappen: tuple[str, ...]  # on a practice card, in the place of meldcode steps 4 and 5


@dataclass(frozen=True)
class Profession:
    """One card audience's profession: its own meldcode or afwegingskader, and what differs for it.

    ``meldcode`` is None where no kader is confirmed: the card then says to follow the
    organisation's own meldcode and prints no address.
    """

    key: str
    meldcode: str | None
    adres: str | None  # the kader's official page, printed as a QR code and an address
    adres_tekst: str | None  # the label beside that QR code
    verschillen: tuple[str, ...]  # card sentences: only differences DOMAIN confirms
    bronnen: tuple[str, ...]  # the official pages the name, address and differences rest on
    route: PoliceRoute | None = None

    @property
    def meldcode_geldt(self) -> bool:
        """Whether the meldcode's steps 4 and 5 (the afwegingskader) apply to this profession."""
        return self.route is None


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
    telefoon: Phone | None
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
    telefoon_zonder_spoed: Phone | None = None

    @property
    def nummers(self) -> tuple[Phone, ...]:
        """Every number printed for it: 112 and 0900-8844 for the police, one for most, none for some."""
        return tuple(n for n in (self.telefoon, self.telefoon_zonder_spoed) if n)

    @property
    def bron_domein(self) -> str:
        """The host of ``bron`` ('www.veiligthuis.nl'): what a document prints as the number's source."""
        return host_of(self.bron)


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


def version_key(version: str) -> tuple[int, ...] | None:
    """'2026.4' as (2026, 4), so versions sort as numbers; None when a part is not a number."""
    parts = str(version).split(".")
    return tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else None


@dataclass(frozen=True)
class ContentChange:
    """One entry of the national changelog (inhoud.yaml `wijzigingen`): what a content version changed."""

    versie: str
    datum: dt.date
    samenvatting: str
    hoofdstukken: tuple[str, ...]


@dataclass(frozen=True)
class ContentInfo:
    """Version and date of the national content, the domains a printed source may come from, and
    the changelog, newest first."""

    versie: str
    datum: dt.date
    officiele_domeinen: tuple[str, ...]
    # The changelog, newest first; the first entry is the current version.
    wijzigingen: tuple[ContentChange, ...] = ()

    def _releases(self) -> list[tuple[str, dt.date]]:
        """(version, date) of every known content version, oldest first; the current one included."""
        known = {c.versie: c.datum for c in self.wijzigingen}
        known.setdefault(self.versie, self.datum)
        return sorted(known.items(), key=lambda item: (item[1], version_key(item[0]) or ()))

    def version_on(self, day: dt.date) -> str | None:
        """The content version in force on a day: the newest release on or before it; None before the
        first known release (then nobody can tell which national text was read)."""
        on = [version for version, date in self._releases() if date <= day]
        return on[-1] if on else None

    def date_of(self, version: str) -> dt.date | None:
        return dict(self._releases()).get(version)

    def changes_since(self, version: str) -> tuple[ContentChange, ...]:
        """The changelog entries after ``version`` up to the current one, newest first.

        Versions compare as numbers where they are numbers, else by the changelog's order; a version
        the changelog does not know gives every entry not older than the current content's date."""
        key = version_key(version)
        if key is not None:
            newer = [
                c
                for c in self.wijzigingen
                if (version_key(c.versie) or ()) > key and c.datum <= self.datum
            ]
            return tuple(sorted(newer, key=lambda c: (c.datum, version_key(c.versie) or ()), reverse=True))
        order = [c.versie for c in self.wijzigingen]
        if version in order:
            return self.wijzigingen[: order.index(version)]
        return self.wijzigingen


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
    beroepen: Mapping[str, Profession]
    info: ContentInfo
    digest: str

    def organisation(self, org_id: str) -> Organisation:
        for org in self.organisaties:
            if org.id == org_id:
                return org
        raise ContentError(f"landelijke organisatie '{org_id}' staat niet in organisaties.yaml")

    def profession(self, audience: str) -> Profession:
        found = self.beroepen.get(audience)
        if found is None:
            raise ContentError(f"beroepen.yaml beschrijft de doelgroep '{audience}' niet")
        return found

    def source(self, source_id: str) -> Source:
        for src in self.bronnen:
            if src.id == source_id:
                return src
        raise ContentError(f"bron '{source_id}' staat niet in bronnen.yaml")

    def label(self, group: str, key: str) -> str:
        """A Dutch label from teksten.yaml ``labels``; the key itself when none is given."""
        labels = self.teksten.get("labels", {}).get(group, {})
        return str(labels.get(key, key.replace("_", " ")))
