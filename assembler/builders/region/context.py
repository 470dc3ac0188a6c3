"""The regional routekaart in words: every value the Word and the PDF edition show, renderer-free.

Both templates only place what this module words, so the two editions cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assembler.builders.registry import entry
from assembler.dutch import dutch_date, enumeration, plural
from assembler.model.attention import points, region_points
from assembler.model.region import NO_LOCAL_PARTNER, FailedEntry, MunicipalityEntry, RegionModel, StepChoice
from assembler.naming import sort_key
from assembler.phone import Phone

DASH = "–"
KEY_PERSONS = {
    "ja": "de gemeente werkt met sleutelpersonen uit gemeenschappen",
    "nee": "de gemeente werkt (nog) niet met sleutelpersonen",
    "niet vastgelegd": "nog niet vastgelegd",
}
NO_NUMBER = "geen nummer vastgelegd"
# The fixed headings of levels 1 and 2, by id: the PDF's outline (builders/region/pdf.py) and the Word
# template (tools/make_regio_template.py) print these; the Veilig Thuis and municipality headings are names.
HEADINGS = {
    "overzicht": "Overzicht van de regio",
    "handvatten": "Handvatten per gemeente",
    "regio": "Veilig Thuis en de regio",
    "over": "Over dit document",
    "werkafspraken": "Afspraken van Veilig Thuis met de gemeenten",
    "partners": "Regionale partners",
    "contactlijst": "Contactlijst per gemeente",
    "gemeenten": "De gemeenten",
    "niet-opgenomen": "Niet opgenomen",
}


def overview_file(model: RegionModel) -> str:
    """The overview workbook's name, as both editions refer to it."""
    return entry("overzicht").filenames(model.slug)[0]


def _or_dash(value: str | Phone | None) -> str:
    """A value as worded (a phone number as printed), or a dash for none."""
    return str(value) if value else DASH


def _or_none(number: Phone | None) -> str | None:
    return str(number) if number else None


def _veilig_thuis_rows(model: RegionModel) -> list[tuple[str, str]]:
    vt = model.veilig_thuis
    rows = [("Telefoon", str(vt.telefoon))]
    for label, value in (
        ("Bereikbaarheid", vt.bereikbaarheid),
        ("E-mail", vt.email),
        ("Website", vt.website),
        ("Adres", vt.adres),
    ):
        if value:
            rows.append((label, value))
    person = vt.aandachtsfunctionaris_vgv
    if person:
        details = [person.naam, *(str(v) for v in (person.telefoon, person.email) if v)]
        rows.append(("Aandachtsfunctionaris VGV", ", ".join(details)))
    if vt.gecontroleerd_op:
        rows.append(("Gegevens nagekeken op", dutch_date(vt.gecontroleerd_op)))
    return rows


def _partners(model: RegionModel) -> list[dict[str, str]]:
    rows = []
    for p in model.partners:
        phones = [v for v in (_or_none(p.telefoon), f"spoed {p.spoed}" if p.spoed else None) if v]
        every_practice = len(p.praktijken) == len(model.praktijk_namen)
        every_step = len(p.stappen) == len(model.stap_namen)
        rows.append(
            {
                "naam": p.naam,
                "rol": p.rol or p.type_label,
                "praktijken": "alle praktijken" if every_practice else ", ".join(p.praktijk_namen) or DASH,
                "stappen": "alle stappen" if every_step else ", ".join(p.stap_namen) or DASH,
                "contact": " · ".join([*phones, *([p.email] if p.email else [])]) or DASH,
            }
        )
    return rows


def _step(s: StepChoice) -> dict[str, str | None]:
    """Whom the front office calls for a step, and the number; None as number when none is needed."""
    if s.hoofdpartner is None:
        return {"partner": "geen partner vastgelegd", "telefoon": None}
    regional = "" if s.hoofdpartner in s.lokale_partners else " (regionaal)"
    return {"partner": f"{s.hoofdpartner}{regional}", "telefoon": _or_none(s.hoofdpartner_telefoon) or NO_NUMBER}


def _step_cell(s: StepChoice) -> str:
    step = _step(s)
    return "\n".join(line for line in (step["partner"], step["telefoon"]) if line)


STANDARD_CHOICE = {"regio": "standaardkeuze van de regio", "standaard": "standaardkeuze"}
STANDARD_SHORT = {"regio": "regiostandaard", "standaard": "standaard"}


def _choice(value: str, origin: str | None) -> str:
    """A choice in the matrix; one the municipality left to a standard says so, briefly."""
    return f"{value} ({STANDARD_SHORT[origin]})" if origin in STANDARD_SHORT else value


def key_persons(e: MunicipalityEntry) -> str:
    """The sentence for the choice rows; a choice the municipality left to a standard says whose it is."""
    text = KEY_PERSONS.get(e.sleutelpersonen, e.sleutelpersonen)
    origin = e.sleutelpersonen_herkomst
    if origin not in STANDARD_CHOICE:
        return text
    return f"{e.sleutelpersonen} ({STANDARD_CHOICE[origin]}; niet door de gemeente zelf vastgelegd)"


def _regie(e: MunicipalityEntry) -> str:
    if e.regie_herkomst not in STANDARD_CHOICE:
        return e.regie
    return f"{e.regie} ({STANDARD_CHOICE[e.regie_herkomst]}; niet door de gemeente zelf vastgelegd)"


def _matrix_rows(model: RegionModel) -> list[dict[str, Any]]:
    """One row per municipality: per chain step whom to call and the number, then the choices."""
    return [
        {
            "gemeente": e.naam,
            "stappen": [_step(s) for s in e.stappen],
            "regie": _choice(e.regie, e.regie_herkomst),
            "coordinator": e.coordinator or "niet aangewezen",
            "sleutelpersonen": _choice(e.sleutelpersonen, e.sleutelpersonen_herkomst),
            "doelgroepen": ", ".join(d.lower() for d in e.doelgroepen) or DASH,
        }
        for e in model.gemeenten
    ]


def _matrix(model: RegionModel) -> tuple[list[str], list[list[str]]]:
    """The matrix as plain cells, a step's partner and number on two lines."""
    header = ["Gemeente", *model.stap_namen, "Regie", "Coördinator", "Sleutelpersonen", "Zakkaarten voor"]
    rows = [
        [
            e.naam,
            *(_step_cell(s) for s in e.stappen),
            row["regie"],
            row["coordinator"],
            row["sleutelpersonen"],
            row["doelgroepen"],
        ]
        for e, row in zip(model.gemeenten, _matrix_rows(model), strict=True)
    ]
    return header, rows


def _gap_map(model: RegionModel) -> list[dict[str, Any]]:
    """Handvatten as short codes per municipality, one table per group (the basis, then the chain steps)
    so every handvat's name has room; the legend spells every code and mark out."""
    tables, start = [], 1
    for name, count in model.handvat_groepen:
        end = start + count
        tables.append(
            {
                "naam": name,
                "kop": ["Gemeente", *model.handvat_namen[start - 1 : end - 1]],
                "rijen": [[row[0], *row[start:end]] for row in model.handvat_codes],
            }
        )
        start = end
    return tables


def _agreements(model: RegionModel) -> list[dict[str, str]]:
    """What Veilig Thuis agreed with the municipalities, per topic: the national meaning beside it."""
    return [
        {
            "naam": a.naam,
            "uitleg": a.uitleg,
            "afspraak": a.afspraak_tekst,
            "eigen": "ja" if a.afspraak else "",
        }
        for a in model.veilig_thuis.afspraken
    ]


def _contact_list(model: RegionModel) -> list[dict[str, str]]:
    """Every local contact, by municipality in alphabetical order; a municipality without any says so."""
    rows = []
    for e in sorted(model.gemeenten, key=lambda e: sort_key(e.naam)):
        if not e.contacten:
            rows.append(
                {
                    "gemeente": e.naam,
                    "naam": "geen eigen lokale partner",
                    "rol": f"bel {model.veilig_thuis.naam} of een regionale partner",
                    "telefoon": str(model.veilig_thuis.telefoon),
                    "email": DASH,
                }
            )
        for c in e.contacten:
            rows.append(
                {
                    "gemeente": e.naam,
                    "naam": c.naam,
                    "rol": c.rol,
                    "telefoon": _or_dash(c.telefoon),
                    "email": _or_dash(c.email),
                }
            )
    return rows


def _texts(model: RegionModel) -> dict[str, Any]:
    """The fixed sentences of the document, with the region's names in them."""
    vt = model.veilig_thuis.naam
    return {
        "omslag": (
            f"Voor {vt} en de gemeenten in de regio {model.naam}: wie lokaal wat doet bij vrouwelijke "
            "genitale verminking, huwelijksdwang, gedwongen achterlating en eergerelateerd geweld. "
            f"Stand van zaken op {model.datum_tekst}, samengesteld uit de routekaarten van "
            f"{plural(len(model.gemeenten), 'gemeente', 'gemeenten')}."
        ),
        "matrix": (
            "Per ketenstap de partner die u als eerste belt, met het nummer; (regionaal) betekent dat de "
            "gemeente voor die stap geen eigen partner heeft."
        ),
        "over": [
            f"Elke gemeente in de regio {model.naam} legt in een eigen routekaart vast hoe zij schadelijke "
            "praktijken aanpakt en met wie. Dit document legt die routekaarten naast elkaar, zodat "
            f"{vt} per gemeente weet bij wie een signaal terechtkomt en wat er is afgesproken. Het "
            "overzicht op de eerste pagina zet alle gemeenten naast elkaar; de contactlijst hieronder "
            "geeft per gemeente wie u belt.",
            "Alles in dit document komt uit wat de gemeenten zelf hebben vastgelegd. Klopt er iets niet, "
            "dan past de gemeente haar gegevens aan en wordt het document opnieuw gemaakt; zo blijven de "
            "routekaarten van de gemeenten en dit regionale overzicht met elkaar in overeenstemming.",
        ],
        "veilig_thuis": (
            f"{vt} is het advies- en meldpunt voor huiselijk geweld en kindermishandeling, ook wanneer "
            "het gaat om schadelijke praktijken. Professionals en inwoners kunnen er advies vragen en een "
            "melding doen. Het landelijke nummer 0800-2000 is gratis en komt uit bij de Veilig "
            "Thuis-organisatie van de regio."
        ),
        "partners": (
            "Deze partners werken voor alle gemeenten in de regio. Elke gemeente neemt ze over in haar "
            "routekaart, tenzij zij voor dezelfde organisatie eigen gegevens heeft vastgelegd."
        ),
        "geen_partners": (
            f"De regio heeft geen regionale partners naast {vt} vastgelegd; elke gemeente legt haar "
            "partners zelf vast."
        ),
        "contactlijst": (
            "Voor de frontoffice: per gemeente, op alfabet, de lokale partners met hun nummer. Bij acuut "
            "gevaar belt u 112."
        ),
        "gemeenten": (
            "Hieronder staat per gemeente wat zij in haar routekaart heeft vastgelegd. Heeft een gemeente "
            "geen eigen tekst geschreven, dan volgt haar routekaart de landelijke standaardtekst; die "
            "wordt hier niet herhaald."
        ),
        "werkafspraken": (
            f"Over deze onderwerpen maakt {vt} afspraken met de gemeenten in de regio. Per onderwerp staat "
            "wat het landelijk inhoudt en wat er in de regio is afgesproken; de routekaart van elke gemeente "
            "toont dezelfde afspraken bij 'Voor Veilig Thuis'."
        ),
        "mislukt": (
            "Van deze gemeenten kon de routekaart niet worden gemaakt. Zij staan niet in dit document tot "
            "hun gegevens zijn hersteld en de regio opnieuw is samengesteld."
        ),
    }


def card_contacts(e: MunicipalityEntry) -> str:
    """How the municipality's pocket cards route their readers, in one or two sentences."""
    total = len(e.kaarten)
    if not total:
        return "geen zakkaarten"
    counts: dict[str, int] = {}
    for route in e.kaarten:
        for name in dict.fromkeys(route.lokaal):
            counts[name] = counts.get(name, 0) + 1
    bare = sum(1 for route in e.kaarten if not route.lokaal)
    cards = plural(total, "kaart", "kaarten")
    if not counts:
        return (
            f"geen van de {cards} met telefoonnummers noemt een lokaal contact; zij noemen alleen de eigen "
            "aandachtsfunctionaris en Veilig Thuis"
        )
    named = enumeration(f"{name} ({n})" for name, n in counts.items())
    verb = "noemt" if total - bare == 1 else "noemen"
    text = f"{total - bare} van de {cards} met telefoonnummers {verb} een lokaal contact: {named}"
    if bare:
        verb = "noemt" if bare == 1 else "noemen"
        text += f"; {bare} {verb} alleen de eigen aandachtsfunctionaris en Veilig Thuis"
    return text


def _municipality(e: MunicipalityEntry, today: dt.date, veilig_thuis: str) -> dict[str, Any]:
    owner = e.eigenaar
    owner_text = owner.naam + (f" ({owner.functie})" if owner.functie else "")
    owner_text += "".join(f", {v}" for v in (owner.email, owner.telefoon) if v)
    cards = e.kaartformaat + (
        f", voor {enumeration(d.lower() for d in e.doelgroepen)}" if e.doelgroepen else ""
    )
    return {
        "naam": e.naam,
        "slug": e.slug,
        "versie": e.versie,
        "vastgesteld_op_tekst": e.vastgesteld_op_tekst,
        "status_tekst": e.status_tekst,
        "eigenaar": owner_text,
        "inleiding": (
            f"Routekaart versie {e.versie}. {e.status_tekst}. Aanspreekpunt voor de routekaart: {owner_text}."
        ),
        "geen_contacten": (
            f"{e.naam} heeft geen eigen lokale partners vastgelegd; professionals kunnen terecht bij "
            f"{veilig_thuis} en de regionale partners."
        ),
        "geen_aandachtspunten": f"Voor {e.naam} zijn er geen aandachtspunten.",
        "keuzes": [
            ("Regie over de ketenaanpak", _regie(e)),
            ("Coördinatie", e.coordinator or "geen vast aanspreekpunt aangewezen"),
            ("Sleutelpersonen", key_persons(e)),
            ("Zakkaarten", cards),
            ("Contacten op de zakkaarten", card_contacts(e)),
        ],
        "praktijken": [
            {
                "naam": p.naam,
                "prioriteit": p.prioriteit,
                "partners": "; ".join(p.lokale_partners) or (NO_LOCAL_PARTNER if p.gekozen else DASH),
                "situatie": " ".join(p.lokale_situatie)
                or ("volgt de landelijke standaardtekst" if p.gekozen else "niet in de routekaart"),
            }
            for p in e.praktijken
        ],
        "stappen": [
            {
                "naam": s.naam,
                "partners": "; ".join(s.lokale_partners) or NO_LOCAL_PARTNER,
                "afspraken": " ".join(s.afspraken) or "volgt de landelijke standaardtekst",
            }
            for s in e.stappen
        ],
        "contacten": [
            {
                "naam": c.naam,
                "rol": c.rol,
                "telefoon": _or_dash(c.telefoon),
                "email": _or_dash(c.email),
                "bereikbaarheid": _or_dash(c.bereikbaarheid),
            }
            for c in e.contacten
        ],
        "aandachtspunten": [p.zin for p in points(e, today)],
    }


def _failure(f: FailedEntry, overview_name: str) -> dict[str, str]:
    """Why a municipality is missing, in words: the places of profile errors stay on the problem sheet."""
    errors = [b for b in f.bevindingen if b.soort == "fout"]
    if errors:
        reason = (
            f"de gegevens bevatten {plural(len(errors), 'fout', 'fouten')}; elke fout staat met haar "
            f"plek op het blad Problemen van {overview_name}"
        )
    else:
        reason = f.reden
    return {"naam": f.naam, "bestand": f.bestand, "reden": reason}


def context(model: RegionModel, overview_name: str) -> dict[str, Any]:
    """Everything the templates show, already worded; a template only places it."""
    built = len(model.gemeenten)
    matrix_kop, matrix = _matrix(model)
    return {
        "matrix_kop": matrix_kop,
        "matrix": matrix,
        "matrix_rijen": _matrix_rows(model),
        "kaart_groepen": _gap_map(model),
        "werkafspraken": _agreements(model),
        "legenda": "; ".join(f"{code} = {label.lower()}" for code, label in model.handvat_legenda),
        "legenda_codes": [(code, label.lower()) for code, label in model.handvat_legenda],
        "contactlijst": _contact_list(model),
        "titel": model.titel,
        "regio": model.naam,
        "datum": model.datum,
        "datum_tekst": model.datum_tekst,
        "aantal_tekst": plural(built, "gemeente", "gemeenten"),
        "veilig_thuis": model.veilig_thuis,
        "veilig_thuis_rijen": _veilig_thuis_rows(model),
        "partners": _partners(model),
        "gemeenten": [_municipality(e, model.peildatum, model.veilig_thuis.naam) for e in model.gemeenten],
        "teksten": _texts(model),
        "mislukt": [_failure(f, overview_name) for f in model.mislukt],
        "regio_aandachtspunten": [
            p.zin
            for p in region_points(
                (p for p in model.problemen if p.gemeente.startswith("regio ")), model.naam
            )
        ],
        "overzicht_uitleg": (
            f"Dezelfde gegevens staan in het spreadsheet {overview_name}, met op het blad Problemen "
            "elke waarschuwing en de plek waar die in de gegevens staat, en op het blad Kaarten per zakkaart "
            "wie erop staat, waarom, en welke partners er niet op staan."
        ),
        "overzicht_bestand": overview_name,
    }
