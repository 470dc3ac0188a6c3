"""Every name a Word template may use, with a one-line Dutch meaning: `assembler sjabloon` and docs/sjabloon.md.

The list is walked from the content model itself (the names `env.model_names` gives the
template, then each dataclass's fields and properties), so it cannot drift from what a
template can reach; only the meanings are written here. A field without a meaning fails
tests/builders/word/test_variables.py.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from assembler.builders.word.builder import default_template
from assembler.builders.word.env import FILTERS, HELPERS, Helper, Image, model_names, properties, unsafe_name
from assembler.model.routekaart import Routekaart

__all__ = ["INTRO", "default_template", "listing", "markdown", "template_rows"]

# The meaning of a field: under "Class.field" when it is its own, else under the field's name.
MEANINGS: dict[str, str] = {
    # Routekaart: the document as a whole.
    "gemeente": "naam van de gemeente",
    "slug": "de naam van de gemeente in bestandsnamen (kleine letters, streepjes)",
    "regio": "naam van de Veilig Thuis-regio, als de gemeente bij een regio hoort",
    "Routekaart.titel": "titel van het document",
    "titel_volledig": "titel met de naam van de gemeente erin",
    "Routekaart.versie": "versie van deze editie",
    "Routekaart.status": "concept of vastgesteld",
    "Routekaart.status_tekst": "de status zoals het document hem noemt (Concept of Vastgesteld)",
    "concept_tekst": "het woord dat een concept op elke pagina draagt",
    "concept_uitleg": "zin die uitlegt dat dit een concept is",
    "is_concept": "waar als deze editie een concept is",
    "Routekaart.datum": "datum van deze editie (gebruik |datum voor '15 oktober 2026')",
    "vastgesteld_op": "datum van vaststelling, als die er is",
    "vastgesteld_op_tekst": "datum van vaststelling, voluit geschreven",
    "vastgesteld_door": "wie de routekaart vaststelde",
    "herzien_voor": "datum waarvoor de routekaart herzien moet zijn",
    "herzien_voor_tekst": "die herzieningsdatum, voluit geschreven",
    "eigenaar": "eigenaar van het document (een persoon)",
    "Routekaart.website": "website van de gemeente over schadelijke praktijken",
    "logo": "het pad van het logobestand (het logo zelf: logo_afbeelding)",
    "kleur": "huiskleur als hexadecimale code, zoals #1F5C99",
    "inleiding": "alinea's van de inleiding",
    "inleiding_eigen": "waar als de gemeente een eigen inleiding schreef",
    "maatwerk": "alinea's over maatwerk voor de gemeente",
    "leeswijzer": "alinea's van de leeswijzer",
    "Routekaart.praktijken": "de schadelijke praktijken die de routekaart behandelt, op prioriteit",
    "wetgeving_inleiding": "alinea's die de wetgeving inleiden",
    "wetten": "de wetten die voor deze praktijken gelden",
    "organisaties_inleiding_landelijk": "inleiding op de landelijke organisaties",
    "organisaties_inleiding_regionaal": "inleiding op de regionale partners",
    "organisaties_inleiding_lokaal": "inleiding op de lokale partners",
    "Routekaart.organisaties": "landelijke organisaties met hun contactgegevens",
    "veilig_thuis": "de Veilig Thuis-organisatie van de gemeente",
    "Routekaart.partners": "alle partners, regionaal en lokaal",
    "partners_regionaal": "de partners die de gemeente van de regio erft",
    "partners_lokaal": "de partners van de gemeente zelf",
    "ketenaanpak_inleiding": "alinea's die de ketenaanpak inleiden",
    "regie": "wie de regie heeft, als code (gemeente, veilig_thuis, ...)",
    "regie_label": "wie de regie heeft, in woorden",
    "regie_tekst": "zin over wie de regie heeft",
    "regie_herkomst": "waar de regiekeuze vandaan komt (gemeente of regio)",
    "regie_noot": "noot als de regiekeuze een standaardkeuze van de regio is",
    "coordinator": "de coördinerende partner (een partner), als die er is",
    "coordinator_tekst": "zin over de coördinator",
    "sleutelpersonen": "waar als de gemeente met sleutelpersonen werkt, onwaar als niet, leeg als onbekend",
    "sleutelpersonen_herkomst": "waar de keuze voor sleutelpersonen vandaan komt",
    "sleutelpersonen_tekst": "zin over sleutelpersonen",
    "deskundigheidsbevordering": "alinea's over deskundigheidsbevordering",
    "deskundigheidsbevordering_eigen": "waar als de gemeente die alinea's zelf schreef",
    "Routekaart.stappen": "de drie ketenstappen",
    "Routekaart.meldcode": "de meldcode huiselijk geweld en kindermishandeling",
    "contactlijst_inleiding": "inleiding op de contactlijst",
    "contacten": "de contactlijst: iedereen die men kan bellen",
    "acuut_tekst": "zin over wat te doen bij acuut gevaar (112)",
    "begrippen": "de begrippenlijst",
    "Routekaart.bronnen": "alle bronnen van de landelijke tekst",
    "kaarten": "de instellingen van de zakkaarten",
    "trefwoorden": "trefwoorden van het document",
    "inhoud_versie": "versie van de landelijke inhoud",
    "inhoud_datum": "datum van de landelijke inhoud",
    "inhoud_datum_tekst": "die datum, voluit geschreven",
    "handvatten_inleiding": "alinea's die de handvatten inleiden",
    "handvatten": "de handvatten: wat de gemeente per ketenstap heeft geregeld",
    "handvatten_veilig_thuis": "alinea's over de handvatten voor Veilig Thuis",
    "akkoord_inleiding": "inleiding op het akkoord van de partners",
    "akkoorden": "het akkoord van elke partner in een ketenstap",
    "geschiedenis_inleiding": "inleiding op de versiegeschiedenis",
    "geschiedenis": "eerdere edities",
    "tooi_code": "code van de gemeente in TOOI, zoals gm0363, als die is ingevuld",
    # Shared by several kinds of value.
    "naam": "naam",
    "id": "vaste code",
    "key": "vaste code",
    "functie": "functie",
    "email": "e-mailadres",
    "telefoon": "telefoonnummer zoals het gedrukt wordt",
    "website": "website",
    "adres": "adres",
    "bereikbaarheid": "wanneer bereikbaar",
    "gecontroleerd_op": "datum waarop de gegevens zijn nagekeken",
    "rol": "rol in de aanpak",
    # A practice.
    "landelijk": "de landelijke tekst over de praktijk",
    "prioriteit": "prioriteit in de gemeente: hoog, gemiddeld of laag",
    "prioriteit_label": "de prioriteit in woorden",
    "Practice.organisaties": "landelijke organisaties voor deze praktijk",
    "lokale_situatie": "alinea's over de situatie in de gemeente",
    "lokale_situatie_eigen": "waar als de gemeente die alinea's zelf schreef",
    "Practice.partners": "partners die bij deze praktijk een rol hebben",
    "Practice.lokale_partners": "lokale partners bij deze praktijk",
    "Practice.bronnen": "bronnen van de tekst over deze praktijk",
    "route": "de route van signaal tot hulp",
    "afkorting": "afkorting, zoals VGV",
    "omschrijving": "alinea's die de praktijk beschrijven",
    "feiten": "feiten en cijfers",
    "signalen": "signalen, in groepen",
    "risicofactoren": "risicofactoren",
    "wetgeving": "alinea's over de wetgeving bij deze praktijk",
    "Practice.meldcode": "alinea's over de meldcode bij deze praktijk",
    "PracticeContent.meldcode": "alinea's over de meldcode bij deze praktijk",
    "Practice.acuut": "wat te doen bij acuut gevaar",
    "PracticeContent.acuut": "wat te doen bij acuut gevaar",
    "wel_doen": "wat wel te doen",
    "niet_doen": "wat niet te doen",
    "PracticeContent.organisaties": "codes van de landelijke organisaties voor deze praktijk",
    "PracticeContent.bronnen": "codes van de bronnen",
    "standaard_lokale_situatie": "de standaardtekst over de lokale situatie",
    "kaart": "de teksten van de zakkaart van deze praktijk",
    "kop": "kop van de groep",
    "items": "de signalen in de groep",
    "CardText.signalen": "signalen op de kaart",
    "CardText.stappen": "stappen op de kaart",
    "CardText.niet_doen": "wat niet te doen, op de kaart",
    "CardText.acuut": "de regel voor acuut gevaar op de kaart",
    "CardText.doelgroepen": "per doelgroep de eigen regels van de kaart",
    "CardText.acuut_doelgroepen": "per doelgroep de eigen regel voor acuut gevaar",
    # Organisations and partners.
    "telefoon_toelichting": "toelichting bij het telefoonnummer",
    "telefoon_zonder_spoed": "tweede nummer voor als er geen spoed is (zoals 0900-8844 van de politie)",
    "Organisation.praktijken": "codes van de praktijken waarbij de organisatie een rol heeft",
    "eigen_domeinen": "de eigen webdomeinen van de organisatie",
    "controle": "wat bij de controle van het nummer is vergeleken",
    "contactlijst": "waar als de organisatie in de contactlijst staat",
    "bron": "webpagina waar de gegevens vandaan komen",
    "bron_domein": "het domein van die webpagina (www.veiligthuis.nl), zoals het bij een nummer als bron staat",
    "Organisation.nummers": "elk nummer dat voor de organisatie gedrukt wordt (bij de politie 112 en 0900-8844)",
    "type": "soort partner, als code",
    "type_label": "soort partner, in woorden",
    "Partner.praktijken": "codes van de praktijken waarbij de partner een rol heeft",
    "praktijk_namen": "namen van die praktijken",
    "Partner.stappen": "codes van de ketenstappen van de partner",
    "Partner.aanspreekpunt_voor": "codes van de beroepsgroepen op wier zakkaarten de partner als contact staat "
    "('alle': elke beroepsgroep)",
    "stap_namen": "namen van die ketenstappen",
    "spoed": "telefoonnummer bij spoed",
    "herkomst": "lokaal of regionaal",
    "is_lokaal": "waar als het een lokale partner is",
    "aandachtsfunctionaris_vgv": "aandachtsfunctionaris vrouwelijke genitale verminking (een persoon)",
    # A phone number: printed as it is; its parts for a link or a choice.
    "written": "het nummer zoals het profiel of de landelijke inhoud het schreef",
    "printed": "het nummer zoals elk document het drukt, in één vorm (hetzelfde als het nummer zelf)",
    "Phone.form": "de vorm die de landelijke inhoud zelf voor het nummer opgeeft; meestal leeg",
    "uri": "het nummer als tel:-link, zoals tel:+31201234567",
    "Phone.kind": "soort nummer: mobiel, vast, gratis, betaald, kort of buitenland",
    "Phone.digits": "alleen de cijfers van het nummer",
    # Sources, laws, routes.
    "Source.titel": "titel van de bron",
    "uitgever": "wie de bron uitgeeft",
    "url": "webadres van de bron",
    "geraadpleegd": "datum waarop de bron is geraadpleegd",
    "stages": "de stappen van de route",
    "Route.acuut": "de stap bij acuut gevaar",
    "RouteStage.titel": "titel van de stap",
    "wie": "wie in deze stap iets doet",
    "RouteStage.toelichting": "toelichting bij de stap",
    "kern": "alinea's met de kern van de wet",
    "Law.praktijken": "codes van de praktijken waarvoor de wet geldt",
    "Law.bronnen": "codes van de bronnen",
    # Chain steps and the meldcode.
    "doel": "alinea's over het doel van de stap",
    "aandachtspunten": "aandachtspunten",
    "afspraken": "alinea's met de afspraken in de gemeente",
    "afspraken_eigen": "waar als de gemeente die afspraken zelf schreef",
    "ChainStep.partners": "partners in deze stap",
    "ChainStep.lokale_partners": "lokale partners in deze stap",
    "geen_lokale_partner": "zin als de stap geen lokale partner heeft",
    "Meldcode.inleiding": "alinea's die de meldcode inleiden",
    "Meldcode.stappen": "de vijf stappen van de meldcode",
    "afwegingskader": "alinea's over het afwegingskader",
    "nummer": "nummer van de stap",
    "MeldcodeStep.uitleg": "uitleg bij de stap",
    "kort": "de stap in een paar woorden",
    # The contact list, terms and cards.
    "Contact.rol": "waarvoor men hen belt",
    "soort": "landelijk, regionaal of lokaal",
    "term": "het begrip",
    "Term.uitleg": "uitleg van het begrip",
    "formaat": "formaat van de kaarten: creditcard of a6",
    "CardSettings.doelgroepen": "codes van de doelgroepen met een eigen kaartenset",
    "doelgroep_namen": "namen van die doelgroepen",
    "qr": "het webadres achter de QR-code, als die er is",
    # Handvatten, sign-off and editions.
    "Routekaart.handvatten_groepen": "de groepen van handvatten, elk met zijn handvatten",
    "Routekaart.veilig_thuis_afspraken": "de afspraken van Veilig Thuis die bij de praktijken van de gemeente horen",
    "wat": "wat de gemeente regelt en waarom, voor haar praktijken en regie",
    "Handvat.groep": "code van de groep van het handvat",
    "Handvat.groep_naam": "naam van die groep",
    "Handvat.bronnen": "de officiële bronnen van het handvat",
    "Handvat.status_tekst": "stand van zaken in woorden, met 'standaardkeuze van de regio' als die van de regio komt",
    "Handvat.afspraak_tekst": "de afspraak van de gemeente, of 'nog niet vastgelegd'",
    "VeiligThuisAfspraak.uitleg": "wat het onderwerp landelijk inhoudt",
    "VeiligThuisAfspraak.praktijken": "codes van de praktijken waar het onderwerp bij hoort, of 'alle'",
    "VeiligThuisAfspraak.afspraak": "de afspraak zoals Veilig Thuis hem in het regiobestand schreef, als die er is",
    "VeiligThuisAfspraak.afspraak_tekst": "die afspraak, of 'nog niet vastgelegd'",
    "VeiligThuisAfspraak.bronnen": "de officiële bronnen van het onderwerp",
    "Handvat.status": "stand van zaken, als code",
    "status_label": "stand van zaken, in woorden",
    "code": "de lettercode uit de legenda",
    "Handvat.toelichting": "toelichting van de gemeente",
    "Handvat.wie": "wie het regelt",
    "ingevuld": "waar als de gemeente dit heeft ingevuld",
    "partner": "de partner (een partner)",
    "SignOff.stappen": "namen van de ketenstappen van de partner",
    "SignOff.praktijken": "namen van de praktijken van de partner",
    "SignOff.datum": "datum van het akkoord, als die er is",
    "datum_tekst": "die datum, voluit geschreven",
    "door": "wie namens de partner akkoord gaf",
    "SignOff.status_tekst": "het akkoord in woorden, of 'nog geen akkoord'",
    "akkoord": "waar als de partner akkoord gaf",
    "Edition.versie": "versie van de editie",
    "Edition.datum": "datum van de editie",
    "samenvatting": "wat er in die editie veranderde",
    "SignOff.versie": "de versie waarvoor het akkoord gegeven is, als dat er is",
    "SignOff.eerdere_versie": "de eerdere versie als het akkoord alleen voor die versie geldt, anders leeg",
    "Edition.landelijke_versie": "de versie van de landelijke inhoud waarop die editie rust",
    "Edition.huidig": "waar voor de editie van dit document zelf",
    "Routekaart.concept_redenen": "waarom dit document een concept is; leeg als het is vastgesteld",
    "Routekaart.landelijke_versie": "de versie van de landelijke inhoud waarop deze editie is vastgesteld of geschreven",
    "Routekaart.landelijke_wijzigingen": "wat er landelijk veranderde sinds de editie die dit concept herziet",
    "ContentChange.versie": "versie van de landelijke inhoud",
    "ContentChange.datum": "datum van die versie",
    "ContentChange.samenvatting": "wat er in die versie landelijk veranderde",
    "ContentChange.hoofdstukken": "de hoofdstukken waar de wijziging staat",
    "Routekaart.landelijke_wijzigingen_inleiding": "inleiding op de landelijke wijzigingen",
    "Routekaart.akkoord_vereist": "onwaar als de editie is vastgesteld zonder akkoord van de partners",
    "Routekaart.ongecontroleerde_nummers": "landelijke nummers in dit document waarvan geen controle is vastgelegd",
    "Routekaart.controle_tekst": "de zin in het colofon over die nummers",
}

# The loop variable for a list: under "Class.field" or the field's name (the shipped template's own).
LOOP_NAMES: dict[str, str] = {
    "praktijken": "praktijk",
    "Partner.praktijken": "code",
    "Organisation.praktijken": "code",
    "eigen_domeinen": "domein",
    "Law.praktijken": "code",
    "SignOff.praktijken": "naam",
    "wetten": "wet",
    "organisaties": "org",
    "PracticeContent.organisaties": "code",
    "partners": "partner",
    "partners_regionaal": "partner",
    "partners_lokaal": "partner",
    "lokale_partners": "partner",
    "stappen": "stap",
    "Partner.stappen": "code",
    "Partner.aanspreekpunt_voor": "code",
    "SignOff.stappen": "naam",
    "CardText.stappen": "punt",
    "contacten": "contact",
    "begrippen": "begrip",
    "bronnen": "bron",
    "PracticeContent.bronnen": "code",
    "Law.bronnen": "code",
    "handvatten": "h",
    "handvatten_groepen": "groep",
    "veilig_thuis_afspraken": "a",
    "VeiligThuis.afspraken": "a",
    "Handvat.bronnen": "b",
    "VeiligThuisAfspraak.bronnen": "b",
    "VeiligThuisAfspraak.praktijken": "code",
    "Organisation.nummers": "nummer",
    "concept_redenen": "reden",
    "landelijke_wijzigingen": "wijziging",
    "ContentChange.hoofdstukken": "hoofdstuk",
    "ongecontroleerde_nummers": "nummer",
    "akkoorden": "rij",
    "geschiedenis": "editie",
    "signalen": "groep",
    "CardText.signalen": "punt",
    "stages": "etappe",
    "items": "punt",
    "wie": "naam",
    "praktijk_namen": "naam",
    "stap_namen": "naam",
    "doelgroepen": "code",
    "doelgroep_namen": "naam",
    "trefwoorden": "woord",
    "feiten": "punt",
    "risicofactoren": "punt",
    "acuut": "punt",
    "wel_doen": "punt",
    "niet_doen": "punt",
    "aandachtspunten": "punt",
}
# Every other list of text is a list of paragraphs.
PARAGRAPH = "alinea"

FILTER_MEANINGS: dict[str, str] = {
    "datum": "een datum voluit: {{ datum|datum }} geeft 15 oktober 2026",
    "opsomming": "een lijst als zin: a, b en c",
    "getal": "een getal tot twaalf in letters: 3 wordt drie",
    "hoofdletter": "eerste letter een hoofdletter, de rest blijft",
    "eerste_zin": "alleen de eerste zin van een tekst",
}


@dataclass(frozen=True)
class Row:
    """One line of the listing: how a template writes it, its meaning, and how deep it sits."""

    depth: int
    code: str
    meaning: str


def _meaning(owner: type, name: str) -> str:
    found = MEANINGS.get(f"{owner.__name__}.{name}") or MEANINGS.get(name)
    if found is None:
        raise KeyError(f"{owner.__name__}.{name}")
    return found


def _loop_name(owner: type, name: str) -> str:
    return LOOP_NAMES.get(f"{owner.__name__}.{name}") or LOOP_NAMES.get(name) or PARAGRAPH


def _inner(kind: Any) -> tuple[bool, Any]:
    """(is a list, the type of a value or of each item), through Optional."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(kind) if a is not type(None)]
        return _inner(rest[0]) if len(rest) == 1 else (False, Any)
    if origin in (tuple, list):
        return True, next((a for a in typing.get_args(kind) if a is not Ellipsis), Any)
    return False, kind


def fields(kind: type) -> dict[str, Any]:
    """The names a template may read on a model value, with their types."""
    found: dict[str, Any] = dict(typing.get_type_hints(kind))
    found.update(properties(kind))
    return {name: hint for name, hint in found.items() if not unsafe_name(name)}


def _rows(
    owner: type, names: Mapping[str, Any], prefix: str, depth: int, shown: dict[type, str]
) -> Iterator[Row]:
    for name, hint in names.items():
        many, item = _inner(hint)
        path = f"{prefix}{name}"
        meaning = _meaning(owner, name)
        model = dataclasses.is_dataclass(item) and isinstance(item, type)
        if many:
            variable = _loop_name(owner, name)
            yield Row(depth, f"{{% for {variable} in {path} %}}", meaning)
            target, inner_prefix = item, f"{variable}."
        else:
            yield Row(depth, f"{{{{ {path} }}}}", meaning)
            target, inner_prefix = item, f"{path}."
        if not model:
            continue
        if target in shown:
            yield Row(depth + 1, "", f"dezelfde velden als {shown[target]}")
            continue
        shown[target] = path
        yield from _rows(target, fields(target), inner_prefix, depth + 1, shown)


def template_rows() -> list[Row]:
    """Every value, list, helper and filter a template may use, in the model's order."""
    names = {n: k for n, k in model_names().items() if n not in HELPERS}
    rows = list(_rows(Routekaart, names, "", 0, {}))
    for name, (kind, explanation) in HELPERS.items():
        code = f"{{{{ {name} }}}}" if kind is Image else f"{name}(...)"
        assert kind in (Helper, Image)
        rows.append(Row(0, code, explanation))
    rows += [Row(0, f"|{name}", FILTER_MEANINGS[name]) for name in FILTERS]
    return rows


INTRO = (
    "Een eigen Word-sjabloon mag de namen hieronder gebruiken.",
    "{{ naam }} zet een waarde in de tekst; {% for x in lijst %} ... {% endfor %} herhaalt een stuk",
    "voor elk item van een lijst ({%p ... %} voor alinea's, {%tr ... %} voor tabelrijen). Binnen",
    "een lijst staat elk veld onder de naam van het item, zoals {{ praktijk.naam }}.",
)


def listing() -> list[str]:
    """The rows as aligned text lines, for the terminal."""
    rows = template_rows()
    width = min(46, max(len(r.code) + 2 * r.depth for r in rows))
    lines = []
    for row in rows:
        code = "  " * row.depth + row.code
        lines.append(f"{code:<{width}}  {row.meaning}" if row.code else f"{code:<{width}}  ({row.meaning})")
    return lines


def markdown() -> str:
    """docs/sjabloon.md: the same listing as a table."""
    out = [
        "# Namen voor een eigen Word-sjabloon",
        "",
        "Dit bestand is gemaakt met `assembler sjabloon --markdown`; pas het niet met de hand aan.",
        "`assembler sjabloon -o eigen-sjabloon.docx` schrijft het standaardsjabloon om mee te beginnen,",
        "`assembler controleer-sjabloon eigen-sjabloon.docx` controleert een aangepast sjabloon.",
        "",
        "`{{ naam }}` zet een waarde in de tekst; `{% for x in lijst %}` ... `{% endfor %}` herhaalt een",
        "stuk voor elk item van een lijst (`{%p ... %}` voor alinea's, `{%tr ... %}` voor tabelrijen).",
        "Binnen een lijst staat elk veld onder de naam van het item, zoals `{{ praktijk.naam }}`.",
        "De hulpmiddelen `link`, `mail` en `routeschema` en de filters (`|datum`) staan onderaan.",
        "",
        "| In het sjabloon | Betekenis |",
        "| --- | --- |",
    ]
    for row in template_rows():
        indent = "&nbsp;&nbsp;" * row.depth
        code = f"{indent}`{row.code}`" if row.code else indent
        meaning = row.meaning.replace("|", "\\|") if row.code else f"({row.meaning})"
        out.append(f"| {code.replace('|', chr(92) + '|')} | {meaning} |")
    return "\n".join(out) + "\n"
