"""Checks across fields and files, run on the merged profile: references, dates, paths, logos, gaps."""

from __future__ import annotations

import datetime as dt
import struct
import warnings
from pathlib import Path
from typing import Any

from assembler.dutch import enumeration
from assembler.national import PRACTICES, STALE_AFTER, STEPS, NationalContent, host_of, on_domain
from assembler.phone import read_phone
from assembler.problems import Problem
from assembler.profile.edition import INVULPLEK, EditionCheck, prose
from assembler.profile.edition import placeholders as find_placeholders
from assembler.profile.examples import is_example_contact
from assembler.profile.loader import Document
from assembler.profile.merge import LOCAL
from assembler.profile.schema import ALL

LOGO_MAX_BYTES = 5 * 1024 * 1024
LOGO_MAX_SIDE = 10_000


def unique_ids(doc: Document) -> list[Problem]:
    problems = []
    seen: dict[str, int] = {}
    for i, partner in enumerate(doc.data.get("partners") or []):
        pid = partner.get("id") if isinstance(partner, dict) else None
        if not isinstance(pid, str):
            continue
        if pid in seen:
            line = doc.where(("partners", seen[pid], "id"))[0]
            problems.append(
                doc.problem(
                    ("partners", i, "id"),
                    f"id '{pid}' wordt al gebruikt door een andere partner (regel {line}); "
                    "geef elke partner een eigen id",
                )
            )
        else:
            seen[pid] = i
    return problems


def references(doc: Document, resolved: dict[str, Any]) -> list[Problem]:
    known = {p["id"] for p in resolved.get("partners", [])}
    keten = doc.data.get("ketenaanpak") or {}
    problems = []
    hint = f"bekende partners: {', '.join(sorted(known))}" if known else "voeg eerst partners toe"

    coordinator = keten.get("coordinator")
    if isinstance(coordinator, str) and coordinator not in known:
        problems.append(
            doc.problem(("ketenaanpak", "coordinator"), f"partner '{coordinator}' bestaat niet; {hint}")
        )
    for step in STEPS:
        for i, pid in enumerate((keten.get(step) or {}).get("partners") or []):
            if pid not in known:
                problems.append(
                    doc.problem(("ketenaanpak", step, "partners", i), f"partner '{pid}' bestaat niet; {hint}")
                )
    vt_id = (resolved.get("veilig_thuis") or {}).get("id")
    for i, entry in enumerate((doc.data.get("document") or {}).get("akkoorden") or []):
        pid = entry.get("partner") if isinstance(entry, dict) else None
        if isinstance(pid, str) and pid not in known and pid not in ("veilig_thuis", vt_id):
            problems.append(
                doc.problem(
                    ("document", "akkoorden", i, "partner"),
                    f"partner '{pid}' bestaat niet; {hint}, of 'veilig_thuis' voor Veilig Thuis",
                )
            )
    return problems


def dates(doc: Document) -> list[Problem]:
    document = doc.data.get("document") or {}
    start, end = document.get("vastgesteld_op"), document.get("herzien_voor")
    if isinstance(start, dt.date) and isinstance(end, dt.date) and end <= start:
        return [
            doc.problem(
                ("document", "herzien_voor"),
                f"{end.isoformat()} ligt niet na vastgesteld_op ({start.isoformat()}); "
                "kies een datum na de vaststelling",
            )
        ]
    return []


def adoption(doc: Document) -> list[Problem]:
    """An edition said to be adopted needs its adoption date."""
    document = doc.data.get("document") or {}
    if document.get("status") == "vastgesteld" and not document.get("vastgesteld_op"):
        return [
            doc.problem(
                ("document", "status"),
                "status 'vastgesteld' vraagt om document.vastgesteld_op; vul de datum van vaststelling "
                "in of zet de status op 'concept'",
            )
        ]
    return []


def edition(doc: Document, check: EditionCheck, region_display: str | None) -> list[Problem]:
    """Every reason an edition said to be adopted prints as a concept, at its place; for a concept, only
    the open placeholders. A placeholder in an edition written as `status: vastgesteld` is refused."""
    problems = []
    for reason in check.reasons:
        if not check.claimed and reason.soort != INVULPLEK:
            continue
        for finding in reason.plekken:
            message = finding.melding
            path = finding.path
            if finding.in_regio:
                # The region file reports its own text with its line; here only what it does to this edition.
                if not check.claimed:
                    continue
                path = ("regio",)
                message = f"het regiobestand ({region_display}) heeft een {message}"
            if check.claimed:
                message = f"{message}; daarom wordt deze versie als concept gedrukt"
            refused = reason.soort == INVULPLEK and check.explicit
            problems.append(doc.problem(path, message, warning=not refused))
    return problems


def placeholders(doc: Document) -> list[Problem]:
    """Open placeholders in a region file's own text: every municipality prints them."""
    return [
        doc.problem(
            path,
            f"open invulplek {', '.join(repr(t) for t in found)} in de tekst; schrijf daar de eigen tekst (een "
            "gemeente met deze tekst kan niet als vastgesteld worden gedrukt)",
            warning=True,
        )
        for path, text in prose(doc.data)
        if (found := find_placeholders(text))
    ]


def recorded_checks(doc: Document, content: NationalContent, today: dt.date) -> list[Problem]:
    """A recorded check of a national number counts only against the organisation's own page and the
    number the national content prints now."""
    problems = []
    by_id = {o.id: o for o in content.organisaties}
    for i, check in enumerate(doc.data.get("controles") or []):
        org = by_id.get(str(check.get("organisatie")))
        if org is None:
            continue  # the schema has named the allowed organisations already
        page = str(check.get("pagina") or "")
        if page and not on_domain(page, org.eigen_domeinen):
            problems.append(
                doc.problem(
                    ("controles", i, "pagina"),
                    f"een controle van {org.naam} telt alleen op een eigen pagina van de organisatie "
                    f"({', '.join(org.eigen_domeinen)}), niet op {host_of(page) or page}; vergelijk het "
                    f"nummer bijvoorbeeld met {org.bron}",
                )
            )
        numbers = org.nummers
        number = str(check.get("nummer") or "")
        checked = read_phone(number).phone if number else None
        if checked is not None and not any(checked.same_number(n) for n in numbers):
            problems.append(
                doc.problem(
                    ("controles", i, "nummer"),
                    f"de landelijke inhoud drukt voor {org.naam} {enumeration(numbers)} af, niet {number}; "
                    "deze controle telt daarom niet mee. Vergelijk het nummer dat in de routekaart staat",
                    warning=True,
                )
            )
        day = check.get("datum")
        if isinstance(day, dt.date) and day > today:
            problems.append(
                doc.problem(
                    ("controles", i, "datum"),
                    f"{day.isoformat()} ligt in de toekomst; vul de dag in waarop het nummer van {org.naam} "
                    "met de pagina is vergeleken",
                )
            )
        elif isinstance(day, dt.date) and today - day > STALE_AFTER:
            problems.append(
                doc.problem(
                    ("controles", i, "datum"),
                    f"de controle van {org.naam} is van {day.isoformat()}, meer dan twaalf maanden geleden; "
                    "vergelijk het nummer opnieuw met de pagina en werk de datum bij",
                    warning=True,
                )
            )
    return problems


def existing_file(doc: Document, field: str, what: str) -> tuple[Path | None, list[Problem]]:
    value = doc.data.get(field)
    if not isinstance(value, str):
        return None, []
    try:
        target = (doc.path.parent / value).resolve()
        found = target.is_file()
    except OSError as exc:  # a name too long for the file system, a loop of links
        return None, [
            doc.problem((field,), f"{what} '{value[:80]}' is geen bruikbaar pad ({exc.strerror or exc})")
        ]
    if target.is_dir():
        return None, [
            doc.problem((field,), f"{what} '{value}' is een map; geef het pad van het bestand zelf")
        ]
    if not found:
        return None, [
            doc.problem(
                (field,),
                f"{what} '{value}' niet gevonden (gezocht: {target}); het pad geldt vanaf de map van dit bestand",
            )
        ]
    return target, []


def logo(doc: Document) -> list[Problem]:
    target, problems = existing_file(doc, "logo", "logo")
    if target is None:
        return problems
    try:
        size = target.stat().st_size
        with target.open("rb") as handle:
            head = handle.read(24)  # signature, and a PNG's width and height
    except OSError as exc:
        return [doc.problem(("logo",), f"logo kan niet worden gelezen ({exc.strerror or exc})")]
    if size > LOGO_MAX_BYTES:
        return [doc.problem(("logo",), f"logo is {size // 1024 // 1024} MB; hooguit 5 MB")]
    if not (head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff")):
        return [
            doc.problem(
                ("logo",),
                "logo is geen PNG- of JPEG-afbeelding (gekeken naar de inhoud, niet de naam); sla het op als PNG",
            )
        ]
    from PIL import Image, UnidentifiedImageError

    try:
        # Pillow warns above 89 million pixels and refuses above twice that; we judge the size
        # ourselves, below, with a message that says what to do.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(target) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        width, height = struct.unpack(">II", head[16:24]) if head.startswith(b"\x89PNG") else (0, 0)
        if not width:
            return [
                doc.problem(("logo",), f"logo heeft te veel pixels; hooguit {LOGO_MAX_SIDE} pixels per zijde")
            ]
    except (UnidentifiedImageError, OSError):
        return [
            doc.problem(
                ("logo",), "logo is beschadigd en kan niet worden gelezen; sla het opnieuw op als PNG"
            )
        ]
    if max(width, height) > LOGO_MAX_SIDE:
        return [
            doc.problem(
                ("logo",),
                f"logo is {width} × {height} pixels; hooguit {LOGO_MAX_SIDE} pixels per zijde",
            )
        ]
    return []


def _checked(
    doc: Document, path: tuple[str | int, ...], value: Any, label: str, today: dt.date
) -> list[Problem]:
    if value is None:
        return [
            doc.problem(
                path,
                f"gecontroleerd_op ontbreekt bij {label}; noteer wanneer de gegevens zijn nagekeken",
                warning=True,
            )
        ]
    if isinstance(value, dt.date) and today - value > STALE_AFTER:
        return [
            doc.problem(
                (*path, "gecontroleerd_op"),
                f"gegevens van {label} zijn voor het laatst nagekeken op {value.isoformat()}, "
                "meer dan twaalf maanden geleden; bel ze na en werk de datum bij",
                warning=True,
            )
        ]
    return []


def freshness(doc: Document, today: dt.date) -> list[Problem]:
    problems = []
    for i, partner in enumerate(doc.data.get("partners") or []):
        # A starter's example partner is named as such already; a check date of it means nothing.
        if is_example_contact(partner) and partner.get("gecontroleerd_op") is None:
            continue
        problems += _checked(
            doc, ("partners", i), partner.get("gecontroleerd_op"), f"partner '{partner.get('naam')}'", today
        )
    vt = doc.data.get("veilig_thuis")
    if isinstance(vt, dict) and not (is_example_contact(vt) and vt.get("gecontroleerd_op") is None):
        problems += _checked(doc, ("veilig_thuis",), vt.get("gecontroleerd_op"), "Veilig Thuis", today)
    return problems


def _covers(partner: dict[str, Any], field: str, key: str) -> bool:
    values = partner.get(field) or []
    return key in values or ALL in values


def gaps(doc: Document, resolved: dict[str, Any]) -> list[Problem]:
    """Warnings for chain steps and high-priority practices without a local partner."""
    local = [p for p in resolved.get("partners", []) if p.get("herkomst") == LOCAL]
    keten = resolved.get("ketenaanpak") or {}
    problems = []
    for step in STEPS:
        named = set((keten.get(step) or {}).get("partners") or [])
        if not any(_covers(p, "stappen", step) or p["id"] in named for p in local):
            problems.append(
                doc.problem(
                    ("ketenaanpak", step) if step in (doc.data.get("ketenaanpak") or {}) else ("partners",),
                    f"ketenstap '{step}' heeft geen lokale partner; voeg een partner toe met "
                    f"'stappen: [{step}]'",
                    warning=True,
                )
            )
    for practice, choices in (resolved.get("praktijken") or {}).items():
        if (
            practice in PRACTICES
            and (choices or {}).get("prioriteit") == "hoog"
            and not any(_covers(p, "praktijken", practice) for p in local)
        ):
            problems.append(
                doc.problem(
                    ("praktijken", practice, "prioriteit"),
                    f"'{practice}' heeft prioriteit hoog maar geen lokale partner; voeg een partner "
                    f"toe met '{practice}' in 'praktijken'",
                    warning=True,
                )
            )
    return problems
