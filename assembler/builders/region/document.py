"""The regional routekaart (.docx) for the Veilig Thuis organisation, rendered with docxtpl."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import docx
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, TemplateError

from assembler.builders.word.finish import fill_toc, request_field_update
from assembler.dutch import dutch_date, enumeration
from assembler.errors import BuildError
from assembler.errors import TemplateError as AssemblerTemplateError
from assembler.model.attention import points, region_points
from assembler.model.region import NO_LOCAL_PARTNER, FailedEntry, MunicipalityEntry, RegionModel, StepChoice
from assembler.resources import template_path
from assembler.zips import rezip_office

TEMPLATE = "routekaart-regio.docx"
DASH = "–"
KEY_PERSONS = {
    "ja": "de gemeente werkt met sleutelpersonen uit gemeenschappen",
    "nee": "de gemeente werkt (nog) niet met sleutelpersonen",
    "niet vastgelegd": "niet vastgelegd in het profiel",
}


def _or_dash(value: str | None) -> str:
    return value or DASH


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _veilig_thuis_rows(model: RegionModel) -> list[tuple[str, str]]:
    vt = model.veilig_thuis
    rows = [("Telefoon", vt.telefoon)]
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
        details = [person.naam, *(v for v in (person.telefoon, person.email) if v)]
        rows.append(("Aandachtsfunctionaris VGV", ", ".join(details)))
    if vt.gecontroleerd_op:
        rows.append(("Gegevens nagekeken op", dutch_date(vt.gecontroleerd_op)))
    return rows


def _partners(model: RegionModel) -> list[dict[str, str]]:
    rows = []
    for p in model.partners:
        contact = [v for v in (p.telefoon, f"spoed {p.spoed}" if p.spoed else None, p.email) if v]
        every_practice = len(p.praktijken) == len(model.praktijk_namen)
        every_step = len(p.stappen) == len(model.stap_namen)
        rows.append(
            {
                "naam": p.naam,
                "rol": p.rol or p.type_label,
                "praktijken": "alle praktijken" if every_practice else ", ".join(p.praktijk_namen) or DASH,
                "stappen": "alle stappen" if every_step else ", ".join(p.stap_namen) or DASH,
                "contact": " · ".join(contact) or DASH,
            }
        )
    return rows


def _step_cell(s: StepChoice) -> str:
    if s.hoofdpartner is None:
        return "geen partner vastgelegd"
    regional = "" if s.hoofdpartner in s.lokale_partners else " (regionaal)"
    phone = f"\n{s.hoofdpartner_telefoon or 'geen nummer vastgelegd'}"
    return f"{s.hoofdpartner}{regional}{phone}"


def key_persons(e: MunicipalityEntry, long: bool = False) -> str:
    """'ja', or its sentence; a choice the municipality left to a standard says whose it is."""
    text = KEY_PERSONS.get(e.sleutelpersonen, e.sleutelpersonen) if long else e.sleutelpersonen
    if e.sleutelpersonen_herkomst is None:
        return text
    whose = "standaardkeuze van de regio" if e.sleutelpersonen_herkomst == "regio" else "standaardkeuze"
    return f"{e.sleutelpersonen} ({whose}; niet door de gemeente zelf vastgelegd)"


def _matrix(model: RegionModel) -> tuple[list[str], list[list[str]]]:
    """One row per municipality: per chain step whom to call and the number, then the choices."""
    header = ["Gemeente", *model.stap_namen, "Regie", "Coördinator", "Sleutelpersonen", "Zakkaarten voor"]
    rows = [
        [
            e.naam,
            *(_step_cell(s) for s in e.stappen),
            e.regie,
            e.coordinator or "niet aangewezen",
            key_persons(e),
            ", ".join(d.lower() for d in e.doelgroepen) or DASH,
        ]
        for e in model.gemeenten
    ]
    return header, rows


def _gap_map(model: RegionModel) -> tuple[list[str], list[list[str]]]:
    """Handvatten as short codes per municipality; the legend spells every code out."""
    header = ["Gemeente", *model.handvat_namen]
    rows = [[e.naam, *(h.code for h in e.handvatten)] for e in model.gemeenten]
    return header, rows


def _contact_list(model: RegionModel) -> list[dict[str, str]]:
    """Every local contact, by municipality in alphabetical order; a municipality without any says so."""
    rows = []
    for e in sorted(model.gemeenten, key=lambda e: e.naam.casefold()):
        if not e.contacten:
            rows.append(
                {
                    "gemeente": e.naam,
                    "naam": "geen eigen lokale partner",
                    "rol": f"bel {model.veilig_thuis.naam} of een regionale partner",
                    "telefoon": model.veilig_thuis.telefoon,
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


def _municipality(e: MunicipalityEntry, today: dt.date) -> dict[str, Any]:
    owner = e.eigenaar
    owner_text = owner.naam + (f" ({owner.functie})" if owner.functie else "")
    owner_text += "".join(f", {v}" for v in (owner.email, owner.telefoon) if v)
    cards = e.kaartformaat + (f", voor {enumeration(d.lower() for d in e.doelgroepen)}" if e.doelgroepen else "")
    return {
        "naam": e.naam,
        "versie": e.versie,
        "vastgesteld_op_tekst": e.vastgesteld_op_tekst,
        "status_tekst": e.status_tekst,
        "eigenaar": owner_text,
        "keuzes": [
            ("Regie over de ketenaanpak", e.regie),
            ("Coördinatie", e.coordinator or "geen vast aanspreekpunt aangewezen"),
            ("Sleutelpersonen", key_persons(e, long=True)),
            ("Zakkaarten", cards),
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


def _failure(f: FailedEntry) -> dict[str, str]:
    return {"naam": f.naam, "bestand": f.bestand, "reden": f.reden}


def context(model: RegionModel, overview_name: str) -> dict[str, Any]:
    """Everything the template shows, already worded; the template only places it."""
    built = len(model.gemeenten)
    matrix_kop, matrix = _matrix(model)
    kaart_kop, kaart = _gap_map(model)
    return {
        "matrix_kop": matrix_kop,
        "matrix": matrix,
        "kaart_kop": kaart_kop,
        "kaart": kaart,
        "legenda": "; ".join(f"{code} = {label.lower()}" for code, label in model.handvat_legenda),
        "contactlijst": _contact_list(model),
        "titel": model.titel,
        "regio": model.naam,
        "datum_tekst": model.datum_tekst,
        "aantal_tekst": _count(built, "gemeente", "gemeenten"),
        "veilig_thuis": model.veilig_thuis,
        "veilig_thuis_rijen": _veilig_thuis_rows(model),
        "partners": _partners(model),
        "gemeenten": [_municipality(e, model.peildatum) for e in model.gemeenten],
        "mislukt": [_failure(f) for f in model.mislukt],
        "regio_aandachtspunten": [
            p.zin
            for p in region_points(
                (p for p in model.problemen if p.gemeente.startswith("regio ")), model.naam
            )
        ],
        "overzicht_uitleg": (
            f"Dezelfde gegevens staan in het spreadsheet {overview_name}, met op het blad Problemen "
            "elke waarschuwing en de plek in het profiel."
        ),
        "overzicht_bestand": overview_name,
    }


def _moment(model: RegionModel) -> dt.datetime:
    """Every time stamp in the file: the latest adoption date at midnight UTC, never the build time."""
    return dt.datetime.combine(model.datum, dt.time(), tzinfo=dt.UTC)


def _core_properties(document: Any, model: RegionModel) -> None:
    props = document.core_properties
    moment = _moment(model)
    props.title = model.titel
    props.subject = f"Ketenaanpak schadelijke praktijken in de regio {model.naam}"
    props.author = model.veilig_thuis.naam
    props.last_modified_by = model.veilig_thuis.naam
    props.keywords = "schadelijke praktijken, routekaart, regio, " + model.naam
    props.comments = f"Samengesteld uit de routekaarten van {len(model.gemeenten)} gemeenten."
    props.revision = 1
    props.created = props.modified = props.last_printed = moment


def render(model: RegionModel, overview_name: str, template: Path | None = None) -> bytes:
    """The regional document as bytes; equal models give equal bytes."""
    tpl = DocxTemplate(str(template or template_path(TEMPLATE)))
    env = Environment(autoescape=True, undefined=StrictUndefined)
    try:
        tpl.render(context(model, overview_name), jinja_env=env, autoescape=True)
    except TemplateError as exc:
        raise AssemblerTemplateError(f"regiosjabloon {TEMPLATE}: {exc}") from exc
    document = tpl.docx
    if not fill_toc(document):
        raise BuildError(f"het regiosjabloon {TEMPLATE} heeft geen inhoudsopgave (TOC-veld)")
    _core_properties(document, model)
    request_field_update(document)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return rezip_office(buffer.getvalue(), _moment(model))


def check(data: bytes, model: RegionModel) -> None:
    """Read the document back and make sure the region, Veilig Thuis and every municipality are in it."""
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds on a broken package
        raise BuildError(f"het regiodocument is geen geldig Word-bestand: {exc}") from exc
    headings = {
        p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")
    }
    text = "\n".join(p.text for p in document.paragraphs)
    missing = [e.naam for e in model.gemeenten if e.naam not in headings]
    if model.veilig_thuis.naam not in headings:
        missing.insert(0, model.veilig_thuis.naam)
    if model.naam not in text:
        missing.insert(0, f"regio {model.naam}")
    if missing:
        raise BuildError(f"het regiodocument mist: {', '.join(missing)}")
