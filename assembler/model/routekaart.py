"""The content model of one municipality's Routekaart: frozen dataclasses builders render from.

Builders never look at the profile or the national content directly; everything a
document shows is decided here, by a pure function of the resolved profile and the
national content.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from assembler.naming import slug as slug_of
from assembler.national import (
    ContentChange,
    Law,
    Meldcode,
    Organisation,
    PracticeContent,
    SignalGroup,
    Source,
    Term,
)
from assembler.phone import Phone
from assembler.profile.schema import HOUSE_COLOUR

DEFAULT_COLOUR = HOUSE_COLOUR
# The routekaart's chapters by id, in the order they stand: the HTML and PDF outline
# (builders/web/render.py) and the Word template (tools/make_docx_template.py) print these titles.
CHAPTERS = {
    "inleiding": "Inleiding",
    "praktijken": "De schadelijke praktijken",
    "wetgeving": "Wet- en regelgeving",
    "organisaties": "Betrokken organisaties",
    "ketenaanpak": "De ketenaanpak",
    "handvatten": "Wat regelt de gemeente",
    "afspraken": "Afspraken en keuzes",
    "bijlagen": "Bijlagen",
}
PRIORITY_ORDER = {"hoog": 0, "gemiddeld": 1, "laag": 2, None: 3}


@dataclass(frozen=True)
class Person:
    naam: str
    functie: str | None = None
    email: str | None = None
    telefoon: Phone | None = None


@dataclass(frozen=True)
class Partner:
    id: str
    naam: str
    type: str
    type_label: str
    rol: str | None
    praktijken: tuple[str, ...]
    praktijk_namen: tuple[str, ...]
    stappen: tuple[str, ...]
    stap_namen: tuple[str, ...]
    telefoon: Phone | None
    spoed: Phone | None
    email: str | None
    website: str | None
    adres: str | None
    bereikbaarheid: str | None
    gecontroleerd_op: dt.date | None
    herkomst: str
    # The card audiences (professions) this partner answers questions of ('alle' expanded).
    aanspreekpunt_voor: tuple[str, ...] = ()

    @property
    def is_lokaal(self) -> bool:
        return self.herkomst == "lokaal"


@dataclass(frozen=True)
class VeiligThuisAfspraak:
    """A topic of "Voor Veilig Thuis": what it means nationally, and what Veilig Thuis agreed in the region."""

    id: str
    naam: str
    uitleg: str
    praktijken: tuple[str, ...]  # ("alle",) or the practices the topic belongs to
    afspraak: str | None  # Veilig Thuis's own words from the region file; None when not recorded
    afspraak_tekst: str  # the agreement, or "nog niet vastgelegd"
    bronnen: tuple[Source, ...]


@dataclass(frozen=True)
class VeiligThuis:
    naam: str
    telefoon: Phone
    email: str | None
    website: str | None
    adres: str | None
    bereikbaarheid: str | None
    aandachtsfunctionaris_vgv: Person | None
    gecontroleerd_op: dt.date | None
    # Every topic of "Voor Veilig Thuis", with the agreement Veilig Thuis recorded for it.
    afspraken: tuple[VeiligThuisAfspraak, ...] = ()


@dataclass(frozen=True)
class RouteStage:
    titel: str
    wie: tuple[str, ...]
    toelichting: str


@dataclass(frozen=True)
class Route:
    """How a signal travels through the local chain for one practice."""

    stages: tuple[RouteStage, ...]
    acuut: RouteStage


@dataclass(frozen=True)
class Practice:
    """One chosen practice: the national text (the municipality's name filled in) and what the profile adds."""

    landelijk: PracticeContent
    prioriteit: str | None
    prioriteit_label: str | None
    organisaties: tuple[Organisation, ...]
    lokale_situatie: tuple[str, ...]
    lokale_situatie_eigen: bool
    partners: tuple[Partner, ...]
    lokale_partners: tuple[Partner, ...]
    bronnen: tuple[Source, ...]
    route: Route

    # The national text, read through so templates keep writing `praktijk.signalen`.
    @property
    def key(self) -> str:
        return self.landelijk.key

    @property
    def naam(self) -> str:
        return self.landelijk.naam

    @property
    def afkorting(self) -> str:
        return self.landelijk.afkorting

    @property
    def omschrijving(self) -> tuple[str, ...]:
        return self.landelijk.omschrijving

    @property
    def feiten(self) -> tuple[str, ...]:
        return self.landelijk.feiten

    @property
    def signalen(self) -> tuple[SignalGroup, ...]:
        return self.landelijk.signalen

    @property
    def risicofactoren(self) -> tuple[str, ...]:
        return self.landelijk.risicofactoren

    @property
    def wetgeving(self) -> tuple[str, ...]:
        return self.landelijk.wetgeving

    @property
    def meldcode(self) -> tuple[str, ...]:
        return self.landelijk.meldcode

    @property
    def acuut(self) -> tuple[str, ...]:
        return self.landelijk.acuut

    @property
    def wel_doen(self) -> tuple[str, ...]:
        return self.landelijk.wel_doen

    @property
    def niet_doen(self) -> tuple[str, ...]:
        return self.landelijk.niet_doen


@dataclass(frozen=True)
class ChainStep:
    key: str
    naam: str
    doel: tuple[str, ...]
    aandachtspunten: tuple[str, ...]
    afspraken: tuple[str, ...]
    afspraken_eigen: bool
    partners: tuple[Partner, ...]
    lokale_partners: tuple[Partner, ...]
    geen_lokale_partner: str | None


@dataclass(frozen=True)
class Contact:
    """One row of the contact list."""

    naam: str
    rol: str
    telefoon: Phone | None
    email: str | None
    bereikbaarheid: str | None
    soort: str  # landelijk, regionaal, lokaal
    gecontroleerd_op: dt.date | None = None
    # A national number's source, its domain printed beside it when no check was recorded.
    bron: str | None = None
    bron_domein: str | None = None


@dataclass(frozen=True)
class SignOff:
    """One row of the sign-off sheet: Veilig Thuis or a partner in the routes, its part, and its akkoord.

    ``akkoord`` is true only for an akkoord with this version; ``eerdere_versie`` names the version of
    an older one, which the sheet shows as such."""

    naam: str
    herkomst: str  # "Veilig Thuis", "regionaal" or "lokaal"
    stappen: tuple[str, ...]
    praktijken: tuple[str, ...]
    datum: dt.date | None
    datum_tekst: str | None
    door: str | None
    versie: str | None
    eerdere_versie: str | None
    status_tekst: str
    partner: Partner | None = None

    @property
    def akkoord(self) -> bool:
        return self.datum is not None and self.eerdere_versie is None


@dataclass(frozen=True)
class Edition:
    """A row of the version history: an earlier edition, or the current one (``huidig``)."""

    versie: str
    datum: dt.date | None
    datum_tekst: str
    samenvatting: str | None
    landelijke_versie: str | None = None
    huidig: bool = False


@dataclass(frozen=True)
class CardSettings:
    formaat: str
    doelgroepen: tuple[str, ...]
    doelgroep_namen: tuple[str, ...]
    qr: str | None


@dataclass(frozen=True)
class Handvat:
    """One handvat with the municipality's status; ``status`` is "nog_niet_ingevuld" when absent."""

    id: str
    naam: str
    groep: str
    groep_naam: str
    wat: str  # what the municipality arranges and why, for its practices and regie
    bronnen: tuple[Source, ...]
    status: str
    status_label: str
    # The label with, for a status the municipality took over from its region, "(standaardkeuze ...)".
    status_tekst: str
    code: str
    toelichting: str | None
    wie: str | None
    afspraak_tekst: str  # the municipality's own agreement (toelichting), or "nog niet vastgelegd"
    # 'regio' when the whole entry comes from the region's standaard, not from the municipality.
    herkomst: str | None = None

    @property
    def ingevuld(self) -> bool:
        return self.status != "nog_niet_ingevuld"


@dataclass(frozen=True)
class HandvatGroup:
    """The handvatten of one group (the basis, then the chain steps) as the chapter shows them."""

    id: str
    naam: str
    handvatten: tuple[Handvat, ...]


@dataclass(frozen=True)
class Routekaart:
    gemeente: str
    slug: str
    regio: str | None
    titel: str
    versie: str
    status: str
    status_tekst: str
    concept_tekst: str
    concept_uitleg: str
    datum: dt.date
    vastgesteld_op: dt.date | None
    vastgesteld_op_tekst: str | None
    vastgesteld_door: str | None
    herzien_voor: dt.date | None
    herzien_voor_tekst: str | None
    eigenaar: Person
    website: str | None
    logo: Path | None
    kleur: str
    inleiding: tuple[str, ...]
    inleiding_eigen: bool
    maatwerk: tuple[str, ...]
    leeswijzer: tuple[str, ...]
    praktijken: tuple[Practice, ...]
    wetgeving_inleiding: tuple[str, ...]
    wetten: tuple[Law, ...]
    organisaties_inleiding_landelijk: str
    organisaties_inleiding_regionaal: str
    organisaties_inleiding_lokaal: str
    organisaties: tuple[Organisation, ...]
    veilig_thuis: VeiligThuis
    partners: tuple[Partner, ...]
    partners_regionaal: tuple[Partner, ...]
    partners_lokaal: tuple[Partner, ...]
    ketenaanpak_inleiding: tuple[str, ...]
    regie: str
    regie_label: str
    regie_tekst: str
    # None when the municipality chose the regie itself; else 'regio' or 'standaard', and a note saying so.
    regie_herkomst: str | None
    regie_noot: str | None
    coordinator: Partner | None
    coordinator_tekst: str
    sleutelpersonen: bool | None
    # 'regio' or 'standaard' for a value the municipality left to a standard; None for its own choice and
    # for no choice at all (sleutelpersonen None). The text then opens by saying it is a standard text.
    sleutelpersonen_herkomst: str | None
    sleutelpersonen_tekst: str
    deskundigheidsbevordering: tuple[str, ...]
    deskundigheidsbevordering_eigen: bool
    stappen: tuple[ChainStep, ...]
    meldcode: Meldcode
    contactlijst_inleiding: str
    contacten: tuple[Contact, ...]
    acuut_tekst: str
    begrippen: tuple[Term, ...]
    bronnen: tuple[Source, ...]
    kaarten: CardSettings
    trefwoorden: tuple[str, ...]
    inhoud_versie: str
    inhoud_datum: dt.date
    inhoud_datum_tekst: str
    handvatten_inleiding: tuple[str, ...]
    # Only the handvatten that belong to the municipality's practices, in the content's order.
    handvatten: tuple[Handvat, ...]
    handvatten_groepen: tuple[HandvatGroup, ...]
    handvatten_veilig_thuis: tuple[str, ...]
    # The topics of "Voor Veilig Thuis" that belong to the municipality's practices.
    veilig_thuis_afspraken: tuple[VeiligThuisAfspraak, ...]
    akkoord_inleiding: str
    akkoorden: tuple[SignOff, ...]
    geschiedenis_inleiding: str
    geschiedenis: tuple[Edition, ...]
    # Why this edition prints as a concept (empty for an adopted one), in the reader's words.
    concept_redenen: tuple[str, ...] = ()
    # The national version the edition rests on, and for a revision concept what changed nationally
    # since the edition it revises (`landelijke_wijzigingen_sinds` names that edition's national version).
    landelijke_versie: str | None = None
    landelijke_wijzigingen: tuple[ContentChange, ...] = ()
    landelijke_wijzigingen_inleiding: str = ""
    # False when the edition was adopted without the partners' akkoord, which the sign-off sheet says.
    akkoord_vereist: bool = True
    # National numbers in this document that nobody recorded a check of: listed in the colophon.
    ongecontroleerde_nummers: tuple[str, ...] = ()
    controle_tekst: str = ""
    # The municipality's code in TOOI (gm0363), for the Woo metadata of the regional website.
    tooi_code: str | None = None

    @property
    def is_concept(self) -> bool:
        return self.status == "concept"

    @property
    def titel_volledig(self) -> str:
        return f"{self.titel} {self.gemeente}"


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


@dataclass(frozen=True)
class RegionRedline:
    """Two editions of a region: every change, grouped under the region and each municipality, and
    the redline of each municipality in both editions (in the region file's order)."""

    naam: str
    gemeenten: tuple[tuple[str, Redline], ...]  # the municipality's name and its redline
    groepen: tuple[tuple[str, tuple[str, ...]], ...]  # a heading and its changes

    @property
    def slug(self) -> str:
        return slug_of(self.naam)
