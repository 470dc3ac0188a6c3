"""The profile and region schema, declared once with a Dutch description per field.

The same declaration drives validation (cerberus), the starter profile (`assembler init`)
and the reference in docs/profiel.md, so none of them can drift from the others.
"""

from __future__ import annotations

from typing import Any

from assembler.cardformats import CARD_FORMATS, DEFAULT_CARD_FORMAT, choices_text

# AUDIENCES: the card audiences are the professions of templates/content/beroepen.yaml, in its order.
from assembler.national import AUDIENCES, NUMBERED_ORGANISATIONS, PRACTICES, STEPS
from assembler.national.handvatten import HANDVATTEN, STATUSES, VT_AFSPRAKEN

SCHEMA_VERSION = 1
PRIORITIES = ("hoog", "gemiddeld", "laag")
DOCUMENT_STATUSES = ("concept", "vastgesteld")
REGIE = ("gemeente", "veilig_thuis", "zorg_en_veiligheidshuis")
PARTNER_TYPES = (
    "politie",
    "jeugdgezondheidszorg",
    "zorg_en_veiligheidshuis",
    "sociaal_wijkteam",
    "leerplicht",
    "sleutelpersonen",
    "jongerenwerk",
    "onderwijs",
    "huisartsen",
    "kinderopvang",
    "veilig_thuis",
    "gemeente",
    "ggz",
    "vrouwenopvang",
    "welzijn",
    "ziekenhuis",
    "zelforganisatie",
    "overig",
)
ALL = "alle"
HOUSE_COLOUR = "#1D4F91"  # a sober dark blue with AA contrast for white text

TEXT_MAX = 4000
NAME_MAX = 120


def _d(description: str, example: Any = None, *, default: Any = None, **rules: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {"beschrijving": description}
    if example is not None:
        meta["voorbeeld"] = example
    if default is not None:
        # Filled in after the region is merged (profile/merge.py), so a region's `standaard` wins.
        meta["standaard"] = default
    return {"meta": meta, **rules}


def _text(
    description: str, example: Any = None, *, maxlength: int = TEXT_MAX, **rules: Any
) -> dict[str, Any]:
    return _d(description, example, type="string", empty=False, maxlength=maxlength, **rules)


def _name(description: str, example: Any = None, **rules: Any) -> dict[str, Any]:
    return _text(description, example, maxlength=NAME_MAX, **rules)


def _phone(description: str, example: str) -> dict[str, Any]:
    return _d(description, example, type="string", coerce="to_text", check_with="phone")


def _email(description: str, example: str) -> dict[str, Any]:
    return _d(description, example, type="string", check_with="email")


def _url(description: str, example: str) -> dict[str, Any]:
    return _d(description, example, type="string", check_with="url")


def _date(description: str, example: str) -> dict[str, Any]:
    return _d(description, example, type="date", coerce="to_date")


def _choice(
    description: str, options: tuple[str, ...], example: str, default: str | None = None
) -> dict[str, Any]:
    return _d(description, example, default=default, type="string", allowed=list(options))


def _choices(
    description: str, options: tuple[str, ...], example: list[str], default: list[str] | None = None
) -> dict[str, Any]:
    return _d(
        description,
        example,
        default=default,
        type="list",
        schema={"type": "string", "allowed": list(options)},
        check_with="unique_items",
    )


def _dict(description: str, fields: dict[str, Any], **rules: Any) -> dict[str, Any]:
    return _d(description, None, type="dict", schema=fields, **rules)


CHECKED = _date(
    "Datum waarop de contactgegevens voor het laatst zijn nagebeld of nagekeken. "
    "Ouder dan twaalf maanden geeft een waarschuwing.",
    "2026-09-01",
)

# A name the starter profile writes ends in this marker, so nobody mistakes it for a real one and
# `validate` can point at every one still left (profile/examples.py).
EXAMPLE_MARK = "(voorbeeld)"

PERSON = {
    "naam": _name("Naam van de persoon of het team.", f"A. de Vries {EXAMPLE_MARK}", required=True),
    "functie": _name("Functie.", "Beleidsadviseur zorg en veiligheid"),
    "email": _email("E-mailadres.", "a.devries@gemeente.example"),
    "telefoon": _phone("Telefoonnummer zoals mensen het schrijven.", "0123-456789"),
}

AKKOORD = {
    "datum": _date("Datum van het akkoord.", "2026-09-20") | {"required": True},
    "door": _name("Wie akkoord gaf.", f"naam en functie {EXAMPLE_MARK}", required=True),
    "versie": _d(
        "Voor welke versie van de routekaart het akkoord geldt (document.versie). Zonder dit veld leidt "
        "de toolkit de versie af uit de datum en de versiegeschiedenis. Alleen een akkoord voor de versie "
        "die wordt vastgesteld, telt mee; een akkoord voor een eerdere versie staat als zodanig op het "
        "akkoordblad.",
        "2026.1",
        type="string",
        coerce="to_text",
        empty=False,
        maxlength=40,
    ),
}

PARTNER = {
    "id": _d(
        "Korte vaste sleutel van de partner (kleine letters, cijfers en streepjes), "
        "waarmee de ketenaanpak naar de partner verwijst. Een lokale partner met het id "
        "van een regionale partner vervangt die.",
        "voorbeeld-wijkteam",
        type="string",
        required=True,
        regex=r"^[a-z0-9][a-z0-9-]{0,62}$",
    ),
    "naam": _name(
        "Naam zoals professionals de organisatie kennen.", f"Sociaal wijkteam {EXAMPLE_MARK}", required=True
    ),
    "type": _choice("Soort organisatie.", PARTNER_TYPES, "sociaal_wijkteam") | {"required": True},
    "rol": _text(
        "Wat deze partner in de ketenaanpak doet, in één of twee zinnen.",
        "Eerste aanspreekpunt voor inwoners en professionals.",
        maxlength=600,
    ),
    "praktijken": _choices(
        "Voor welke schadelijke praktijken de partner een rol heeft; 'alle' voor alle vier.",
        (*PRACTICES, ALL),
        ["alle"],
    ),
    "stappen": _choices("In welke ketenstappen de partner een rol heeft.", STEPS, ["signaleren_en_melden"]),
    "telefoon": _phone("Telefoonnummer voor professionals.", "0123-456789"),
    "spoed": _phone("Nummer voor spoed, als dat anders is dan het gewone nummer.", "112"),
    "email": _email("E-mailadres.", "wijkteam@gemeente.example"),
    "website": _url("Website (https).", "https://www.gemeente.example/wijkteam"),
    "adres": _name("Bezoek- of postadres.", "Marktplein 1, 9999 AB Voorbeeldstad"),
    "bereikbaarheid": _name(
        "Wanneer de partner bereikbaar is.", "maandag tot en met vrijdag, 9.00 tot 17.00 uur"
    ),
    "gecontroleerd_op": CHECKED,
    "akkoord": _dict(
        "Akkoord van de partner met de eigen rol in de routekaart: datum, wie namens de partner tekende "
        "en voor welke versie van de routekaart. Zonder dit veld staat de partner als 'nog geen akkoord' "
        "op het akkoordblad.",
        AKKOORD,
    ),
    "aanspreekpunt_voor": _choices(
        "Voor welke beroepsgroepen van de zakkaarten deze partner bereikbaar is met vragen van "
        "professionals; 'alle' voor elke beroepsgroep. Alleen dan staat de partner op hun kaarten: op "
        "de kaart van elke praktijk in 'praktijken', als de partner ook een rol heeft in de stap "
        "signaleren_en_melden (in 'stappen' of bij die ketenstap genoemd). Een Zorg- en "
        "Veiligheidshuis of de politie staat nooit als contact op een kaart.",
        (*AUDIENCES, ALL),
        ["onderwijs", "huisartsen"],
    ),
}

CONTROLES = _d(
    "Eigen controles van landelijke nummers: wie het nummer op welke dag vergeleek met welke pagina "
    "van de organisatie zelf. Een regiobestand geldt voor al zijn gemeenten; een gemeente kan zelf "
    "controles toevoegen. Een gecontroleerd nummer staat in de routekaart met 'gecontroleerd op'.",
    None,
    type="list",
    schema={
        "type": "dict",
        "schema": {
            "organisatie": _choice(
                "Welke landelijke organisatie (het id uit de landelijke inhoud).",
                NUMBERED_ORGANISATIONS,
                "veilig-thuis",
            )
            | {"required": True},
            "nummer": _phone("Het nummer dat is vergeleken, zoals het in de routekaart staat.", "0800-2000")
            | {"required": True},
            "datum": _date("Dag van de vergelijking met de pagina.", "2026-09-01") | {"required": True},
            "door": _name(
                "Wie het nummer vergeleek (naam en organisatie).", f"A. de Vries, gemeente {EXAMPLE_MARK}"
            )
            | {"required": True},
            "pagina": _url(
                "De pagina op een eigen website van de organisatie waar het nummer staat.",
                "https://www.veiligthuis.nl/",
            )
            | {"required": True},
        },
    },
)

# What Veilig Thuis agrees with the municipalities per topic of "Voor Veilig Thuis" (handvatten.yaml).
_VT_AGREEMENTS = {
    "intake": (
        "Hoe een adviesvraag of melding over een schadelijke praktijk binnenkomt en bij wie zij terechtkomt.",
        "Adviesvragen over schadelijke praktijken gaan direct naar het team specialistische zaken.",
    ),
    "bereikbaarheid_vgv": (
        "Wanneer de aandachtsfunctionaris VGV bereikbaar is en wie vervangt bij afwezigheid.",
        "Op werkdagen van 9.00 tot 17.00 uur; daarbuiten neemt de dienstdoende teamleider het over.",
    ),
    "lkha": (
        "Wanneer en door wie Veilig Thuis het LKHA inschakelt bij huwelijksdwang en achterlating.",
        "De casusregisseur overlegt bij elke melding over achterlating met het LKHA.",
    ),
    "raad": (
        "Hoe Veilig Thuis en de Raad voor de Kinderbescherming in de regio samenwerken, ook met spoed.",
        "Bij acuut gevaar belt de casusregisseur dezelfde dag met de Raad.",
    ),
    "lec_egg": (
        "Hoe Veilig Thuis de politie, en via haar het LEC EGG, betrekt bij eergerelateerd geweld.",
        "Bij een vermoeden van eergerelateerd geweld belt Veilig Thuis de politie, die zo nodig het LEC EGG inschakelt.",
    ),
    "overdracht": (
        "Hoe Veilig Thuis een zaak overdraagt aan de lokale partner en wat de melder terughoort.",
        "De melder hoort binnen vijf werkdagen wie de zaak overneemt.",
    ),
    "weging": (
        "Hoe de melder en de lokale partners de uitkomst horen van de weging na een melding.",
        "Na de veiligheidstaxatie belt Veilig Thuis de melder en het wijkteam.",
    ),
}
assert tuple(_VT_AGREEMENTS) == VT_AFSPRAKEN, "schema and handvatten.yaml name the same topics"

VT_WERKAFSPRAKEN = _dict(
    "Afspraken die Veilig Thuis met de gemeenten in de regio maakt, per onderwerp in één of twee zinnen. "
    "Veilig Thuis vult ze in het regiobestand in; de routekaart van elke gemeente en het regionale document "
    "tonen ze bij 'Voor Veilig Thuis'. Een onderwerp dat hier ontbreekt, staat als 'nog niet vastgelegd'.",
    {key: _text(description, example, maxlength=600) for key, (description, example) in _VT_AGREEMENTS.items()},
)

VEILIG_THUIS = {
    "id": _d(
        "Sleutel van de Veilig Thuis-organisatie.",
        "veilig-thuis-voorbeeldregio",
        type="string",
        regex=r"^[a-z0-9][a-z0-9-]{0,62}$",
    ),
    "naam": _name(
        "Naam van de regionale Veilig Thuis-organisatie.", f"Veilig Thuis {EXAMPLE_MARK}", required=True
    ),
    "telefoon": _phone("Telefoonnummer; landelijk is dat 0800-2000.", "0800-2000"),
    "email": _email("E-mailadres.", "info@veiligthuis.example"),
    "website": _url("Website (https).", "https://www.veiligthuis.example"),
    "adres": _name("Post- of bezoekadres.", "Postbus 1234, 9999 ZZ Voorbeeldstad"),
    "bereikbaarheid": _name("Wanneer Veilig Thuis bereikbaar is.", "24 uur per dag, 7 dagen per week"),
    "aandachtsfunctionaris_vgv": _dict(
        "De aandachtsfunctionaris vrouwelijke genitale verminking (VGV) van Veilig Thuis.",
        {k: v for k, v in PERSON.items() if k != "functie"},
    ),
    "gecontroleerd_op": CHECKED,
    "akkoord": _dict(
        "Akkoord van Veilig Thuis met de eigen rol in de routekaart: datum, wie tekende en voor welke "
        "versie. Veilig Thuis staat in elke route; zonder akkoord staat het als 'nog geen akkoord' op het "
        "akkoordblad.",
        AKKOORD,
    ),
    "werkafspraken": VT_WERKAFSPRAKEN,
}

STEP = {
    "afspraken": _text(
        "Wat er lokaal is afgesproken voor deze ketenstap. Leeg laten geeft de landelijke standaardtekst.",
        "Het wijkteam is casusregisseur zodra Veilig Thuis de zaak overdraagt.",
    ),
    "partners": _d(
        "Ids van de partners die deze stap uitvoeren.",
        ["voorbeeld-wijkteam"],
        type="list",
        schema={"type": "string"},
        check_with="unique_items",
    ),
}

KETENAANPAK = {
    "regie": _choice(
        "Wie de regie over de ketenaanpak heeft. Leeg laten geeft de standaardkeuze van de regio "
        "(of anders 'gemeente'); de routekaart zegt dan dat de gemeente dit niet zelf heeft vastgelegd.",
        REGIE,
        "gemeente",
        default="gemeente",
    ),
    "coordinator": _d(
        "Id van de partner die de ketenaanpak coördineert.", "voorbeeld-wijkteam", type="string"
    ),
    "sleutelpersonen": _d(
        "Of de gemeente met sleutelpersonen uit gemeenschappen werkt.", True, type="boolean"
    ),
    **{
        step: _dict(f"Afspraken en partners voor de ketenstap '{step}'.", STEP, nullable=True)
        for step in STEPS
    },
    "deskundigheidsbevordering": _text(
        "Hoe professionals worden geschoold. Leeg laten geeft de standaardtekst.",
        "Jaarlijkse training meldcode en schadelijke praktijken.",
    ),
}

KAARTEN = {
    "formaat": _choice(
        f"Formaat van de zakkaarten: {choices_text()}.",
        tuple(CARD_FORMATS),
        DEFAULT_CARD_FORMAT,
        default=DEFAULT_CARD_FORMAT,
    ),
    "doelgroepen": _choices(
        "Voor welke beroepsgroepen er een eigen kaartenset komt.",
        AUDIENCES,
        ["onderwijs", "huisartsen"],
        default=list(AUDIENCES[:4]),
    ),
    "qr": _url(
        "Adres waar de QR-code op de kaart naartoe leidt; zonder dit veld de website.",
        "https://www.gemeente.example/schadelijke-praktijken",
    ),
}

HUISSTIJL = {
    "hoofdkleur": _d(
        "Huiskleur voor koppen en tabelkoppen, als hexadecimale kleur (#1F5C99 of kort #15A). "
        "Is wit op deze kleur slecht leesbaar, dan krijgen tekst en kaarten een donkerdere tint.",
        "#1F5C99",
        default=HOUSE_COLOUR,
        type="string",
        coerce="to_color",
        check_with="color",
    ),
}

PRACTICE = {
    "prioriteit": _choice(
        "Hoeveel aandacht de praktijk lokaal krijgt; bepaalt de volgorde.", PRIORITIES, "hoog"
    ),
    "lokale_situatie": _text(
        "De lokale situatie in eigen woorden. Leeg laten geeft een standaardtekst.",
        "De GGD organiseert elk voorjaar voorlichting met sleutelpersonen.",
    ),
}

HANDVAT = {
    "status": _choice(
        "Hoe ver de gemeente is: geregeld, in_ontwikkeling, niet_geregeld of niet_van_toepassing.",
        STATUSES,
        "in_ontwikkeling",
    )
    | {"required": True},
    "toelichting": _text(
        "De afspraak in eigen woorden: wat er is geregeld of nog moet gebeuren, in één of twee zinnen. "
        "Staat in de routekaart als 'Afspraak'.",
        "Afspraken over overdracht na een melding liggen vast in het regionale convenant.",
        maxlength=600,
    ),
    "wie": _name("Wie dit regelt of ervoor verantwoordelijk is.", "Team zorg en veiligheid"),
}

HANDVATTEN_SECTIE = _dict(
    "Stand van zaken per handvat in het hoofdstuk 'Wat regelt de gemeente'. "
    "Een handvat dat hier ontbreekt, staat als 'nog niet ingevuld' in de routekaart. Een handvat dat "
    "alleen bij een praktijk hoort die de gemeente niet kiest, staat niet in haar routekaart. In de "
    "standaard van het regiobestand geldt een handvat voor elke gemeente die het niet zelf invult; de "
    "routekaart noemt het dan 'standaardkeuze van de regio'.",
    {h: _dict(f"Status van het handvat '{h}'.", HANDVAT, nullable=True) for h in HANDVATTEN},
)

def _version(description: str, example: str, **rules: Any) -> dict[str, Any]:
    return _d(description, example, type="string", coerce="to_text", empty=False, maxlength=40, **rules)


DOCUMENT = {
    "versie": _version("Versie van de routekaart.", "2026.1", required=True),
    "landelijke_versie": _version(
        "Versie van de landelijke inhoud waarop deze versie van de routekaart is vastgesteld (bij een "
        "concept: geschreven). Een routekaart is pas vastgesteld als dit de landelijke versie is die de "
        "toolkit afdrukt. 'assembler init' en de werkmap vullen dit in; zonder dit veld leidt de toolkit "
        "het af uit vastgesteld_op.",
        "2026.4",
    ),
    "vastgesteld_op": _date(
        "Datum waarop de routekaart is vastgesteld; nodig bij status 'vastgesteld'.", "2026-10-15"
    ),
    "status": _choice(
        "Stand van het document: 'concept' (elke pagina en kaart krijgt het woord CONCEPT) of "
        "'vastgesteld'. Zonder dit veld is het document vastgesteld als vastgesteld_op is ingevuld, "
        "anders een concept.",
        DOCUMENT_STATUSES,
        "vastgesteld",
    ),
    "vastgesteld_door": _name(
        "Wie de routekaart heeft vastgesteld, zoals het in de zin 'Vastgesteld op … door …' past.",
        "het college van burgemeester en wethouders",
    ),
    "akkoord_vereist": _d(
        "Of de vaststelling een akkoord vraagt van elke partner in de routes en van Veilig Thuis "
        "(standaard ja). Zet op false als de routekaart bewust zonder die akkoorden is vastgesteld; het "
        "document zegt dat dan zelf.",
        False,
        type="boolean",
    ),
    "akkoorden": _d(
        "Akkoorden voor deze routekaart van partners die niet in dit bestand staan: regionale partners "
        "en Veilig Thuis van de regio. Een akkoord hier gaat voor een akkoord in het regiobestand.",
        None,
        type="list",
        schema={
            "type": "dict",
            "schema": {
                "partner": _d(
                    "Id van de partner, of 'veilig_thuis' voor Veilig Thuis.",
                    "veilig_thuis",
                    type="string",
                    required=True,
                    regex=r"^[a-z0-9][a-z0-9_-]{0,62}$",
                ),
                **AKKOORD,
            },
        },
    ),
    "geschiedenis": _d(
        "Eerdere edities van de routekaart, voor de versietabel.",
        None,
        type="list",
        schema={
            "type": "dict",
            "schema": {
                "versie": _version("Versie van die editie.", "2025.1", required=True),
                "datum": _date("Datum van die editie.", "2025-10-01") | {"required": True},
                "samenvatting": _text(
                    "Wat er in die editie veranderde, in één of twee zinnen.",
                    "Eerste editie.",
                    maxlength=600,
                ),
                # Last, so that a workbook made before this column existed still reads (read.py).
                "landelijke_versie": _version(
                    "Versie van de landelijke inhoud waarop die editie rustte; zonder dit veld leidt de "
                    "toolkit haar af uit de datum.",
                    "2025.2",
                ),
            },
        },
    ),
    "herzien_voor": _date(
        "Datum waarvoor de routekaart opnieuw wordt bekeken; na vastgesteld_op.", "2027-10-15"
    ),
    "eigenaar": _dict("Eigenaar van het document: wie vragen beantwoordt.", PERSON, required=True),
    "inleiding": _text(
        "Eigen inleiding. Leeg laten geeft de standaardinleiding.",
        "In onze gemeente ligt het accent op preventie.",
    ),
}

COMMON = {
    "schema_versie": _d(
        "Versie van dit profielformaat; nu 1.",
        SCHEMA_VERSION,
        type="integer",
        required=True,
        allowed=[SCHEMA_VERSION],
    ),
    "naam": _name("Naam zoals die in de documenten staat.", "Voorbeeldstad", required=True),
}

GEMEENTE: dict[str, Any] = {
    **COMMON,
    "soort": _choice("Soort bestand: 'gemeente' voor een gemeenteprofiel.", ("gemeente",), "gemeente")
    | {"required": True},
    "regio": _d(
        "Pad naar het regiobestand, vanaf dit bestand gezien. De gemeente erft dan Veilig Thuis, regionale partners en standaardkeuzes.",
        "../regio.yaml",
        type="string",
        empty=False,
    ),
    "website": _url(
        "Website van de gemeente over schadelijke praktijken.",
        "https://www.gemeente.example/schadelijke-praktijken",
    ),
    "logo": _d(
        "Pad naar het logo (PNG of JPEG), vanaf dit bestand gezien.", "logo.png", type="string", empty=False
    ),
    "tooi_code": _d(
        "Code van de gemeente in TOOI, de lijst van overheidsorganisaties: 'gm' en de vier cijfers van de "
        "gemeentecode. De regionale website noemt de gemeente daarmee als uitgever in de Woo-metadata; "
        "zonder deze code komt de routekaart niet in de Woo-sitemap.",
        "gm0363",
        type="string",
        check_with="tooi_code",
    ),
    "sjabloon": _d(
        "Pad naar een eigen Word-sjabloon (.docx) in plaats van het standaardsjabloon.",
        "eigen-sjabloon.docx",
        type="string",
        empty=False,
    ),
    "huisstijl": _dict("Huisstijl van de gemeente.", HUISSTIJL),
    "document": _dict("Gegevens over het document zelf.", DOCUMENT, required=True),
    "praktijken": _dict(
        "De schadelijke praktijken die in de routekaart komen; alleen deze krijgen een hoofdstuk en een kaart.",
        {
            p: _dict(f"Keuzes voor '{p}'; '{{}}' neemt alles over.", PRACTICE, nullable=True)
            for p in PRACTICES
        },
        required=True,
        minlength=1,
    ),
    "veilig_thuis": _dict(
        "Eigen Veilig Thuis-gegevens; zonder regio of om die van de regio te vervangen.", VEILIG_THUIS
    ),
    "ketenaanpak": _dict("Hoe de ketenaanpak lokaal is ingericht.", KETENAANPAK),
    "partners": _d("Lokale partners.", None, type="list", schema={"type": "dict", "schema": PARTNER}),
    "kaarten": _dict("Keuzes voor de zakkaarten.", KAARTEN),
    "handvatten": HANDVATTEN_SECTIE,
    "controles": CONTROLES,
}

SITE = {
    "url": _url(
        "Internetadres waar de map site/ online komt. De QR-code op de zakkaarten leidt dan naar "
        "de pagina van de gemeente op deze site, en de sitemap gebruikt dit adres.",
        "https://routekaart.regio.example/",
    ),
    "verantwoordelijk": _name(
        "Wie verantwoordelijk is voor de toegankelijkheid van de site (organisatie of team); "
        "staat in de toegankelijkheidsverklaring.",
        "Veilig Thuis Regio, team communicatie",
    ),
    "email": _email(
        "Adres voor vragen en meldingen over de toegankelijkheid van de site.", "web@regio.example"
    ),
    "gecontroleerd_op": _date(
        "Datum waarop iemand de site voor het laatst zelf op toegankelijkheid heeft gecontroleerd; "
        "zonder dit veld meldt de verklaring alleen de automatische controle.",
        "2026-11-01",
    ),
    "verlaten_naar": _url(
        "Neutrale site waar de knop 'Deze site direct verlaten' naartoe gaat; standaard www.google.nl.",
        "https://www.google.nl/",
    ),
    "concepten_publiceren": _d(
        "Ook routekaarten die nog concept zijn op de site zetten, met pagina, downloads en Woo-metadata, "
        "overal gemarkeerd als concept (true). Standaard (false) komt een routekaart pas op de site als "
        "hij is vastgesteld.",
        False,
        type="boolean",
    ),
}

REGIO: dict[str, Any] = {
    **COMMON,
    "soort": _choice("Soort bestand: 'regio' voor een Veilig Thuis-regio.", ("regio",), "regio")
    | {"required": True},
    "veilig_thuis": _dict("De Veilig Thuis-organisatie van de regio.", VEILIG_THUIS, required=True),
    "partners": _d(
        "Regionale partners; elke gemeente in de regio neemt ze over.",
        None,
        type="list",
        schema={"type": "dict", "schema": PARTNER},
    ),
    "standaard": _dict(
        "Standaardkeuzes voor alle gemeenten; een gemeente kan elk veld zelf invullen.",
        {
            "kaarten": _dict("Standaard voor de zakkaarten.", KAARTEN),
            "ketenaanpak": _dict("Standaard voor de ketenaanpak.", KETENAANPAK),
            "huisstijl": _dict(
                "Standaard huisstijl van de gemeenten. De hoofdkleur is ook de kleur van het regiodocument, "
                "het overzicht en de regionale website.",
                HUISSTIJL,
            ),
            "handvatten": HANDVATTEN_SECTIE,
        },
    ),
    "site": _dict(
        "De regionale website die `assembler regio --site` maakt (map site/ in de uitvoermap).",
        SITE,
    ),
    "controles": CONTROLES,
    "gemeenten": _d(
        "Paden naar de gemeenteprofielen, vanaf dit bestand gezien.",
        ["gemeenten/voorbeeldstad.yaml"],
        type="list",
        schema={"type": "string", "empty": False},
        check_with="unique_items",
    ),
}

SCHEMAS = {"gemeente": GEMEENTE, "regio": REGIO}


def strip_meta(schema: Any) -> Any:
    """The schema without the 'meta' rule, as cerberus needs it."""
    if isinstance(schema, dict):
        return {k: strip_meta(v) for k, v in schema.items() if k != "meta"}
    if isinstance(schema, list):
        return [strip_meta(v) for v in schema]
    return schema


def fields_at(schema: dict[str, Any], path: tuple[str | int, ...]) -> dict[str, Any] | None:
    """The field declarations of the mapping at a document path, for suggestions."""
    current: dict[str, Any] | None = schema
    for part in path:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        rule = current.get(str(part))
        if rule is None:
            return None
        if rule.get("type") == "list":
            rule = rule.get("schema", {})
        current = rule.get("schema") if isinstance(rule.get("schema"), dict) else None
        if current is not None and "type" in current and not isinstance(current.get("type"), dict):
            current = current.get("schema")
    return current


def defaults() -> dict[tuple[str, str], Any]:
    """(section, field) -> the value a municipality gets when neither it nor its region sets one."""
    found: dict[tuple[str, str], Any] = {}
    for section, rule in GEMEENTE.items():
        for name, field in (rule.get("schema") or {}).items():
            if isinstance(field, dict) and "standaard" in field.get("meta", {}):
                found[(section, name)] = field["meta"]["standaard"]
    return found


def leaf_patterns(schema: dict[str, Any], prefix: str = "") -> tuple[str, ...]:
    """Every single value a document of this schema can hold, as a dotted path with '*' for a list
    item ('partners.*.telefoon'): what a change report or a generated test walks."""
    found: list[str] = []
    for key, rule in schema.items():
        path = f"{prefix}{key}"
        if rule.get("type") == "dict":
            found += leaf_patterns(rule["schema"], f"{path}.")
        elif rule.get("type") == "list" and rule.get("schema", {}).get("type") == "dict":
            found += leaf_patterns(rule["schema"]["schema"], f"{path}.*.")
        else:
            found.append(path)
    return tuple(found)
