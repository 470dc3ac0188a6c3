"""Checks across fields and files, run on the merged profile: references, dates, paths, logos, gaps."""

from __future__ import annotations

import datetime as dt
import struct
import warnings
from pathlib import Path
from typing import Any

from assembler.dutch import dutch_date
from assembler.national import PRACTICES, STALE_AFTER, STEPS, load_content_info
from assembler.problems import Problem
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


def adoption(doc: Document, resolved: dict[str, Any]) -> list[Problem]:
    """An adopted edition needs its date; once partners sign off, name those in a route who have not."""
    document = doc.data.get("document") or {}
    problems = []
    if document.get("status") == "vastgesteld" and not document.get("vastgesteld_op"):
        problems.append(
            doc.problem(
                ("document", "status"),
                "status 'vastgesteld' vraagt om document.vastgesteld_op; vul de datum van vaststelling "
                "in of zet de status op 'concept'",
            )
        )
    if problems or (resolved.get("document") or {}).get("status") != "vastgesteld":
        return problems
    partners = resolved.get("partners") or []
    # Only profiles that record sign-off at all are held to it: an edition adopted before
    # this field existed (like every older profile) has no akkoord anywhere and stays quiet.
    if not any(p.get("akkoord") for p in partners) and "status" not in document:
        return problems
    for partner in route_partners(resolved):
        if not partner.get("akkoord"):
            own = [i for i, p in enumerate(doc.data.get("partners") or []) if p.get("id") == partner["id"]]
            path: tuple[str | int, ...] = ("partners", own[0]) if own else ("document", "status")
            problems.append(
                doc.problem(
                    path,
                    f"partner '{partner['naam']}' staat in de route maar heeft nog geen akkoord gegeven "
                    "op deze vastgestelde routekaart; vul akkoord (datum, door) in",
                    warning=True,
                )
            )
    return problems


def national_text(doc: Document, resolved: dict[str, Any]) -> list[Problem]:
    """An edition adopted before the national content's date was adopted on another national text."""
    document = resolved.get("document") or {}
    adopted = document.get("vastgesteld_op")
    if document.get("status") != "vastgesteld" or not isinstance(adopted, dt.date):
        return []
    info = load_content_info()
    if adopted >= info.datum:
        return []
    return [
        doc.problem(
            ("document", "vastgesteld_op"),
            f"versie {document.get('versie')} van deze routekaart is vastgesteld op {dutch_date(adopted)}, "
            f"maar de landelijke tekst is daarna veranderd: een build drukt nu landelijke inhoud versie "
            f"{info.versie} van {dutch_date(info.datum)} af, niet de tekst die is vastgesteld; bekijk de "
            "landelijke wijzigingen en stel de routekaart opnieuw vast (nieuwe versie en vastgesteld_op)",
            warning=True,
        )
    ]


def route_partners(resolved: dict[str, Any]) -> list[dict[str, Any]]:
    """The partners that act in at least one chain step: named for it, or with the step among their own."""
    keten = resolved.get("ketenaanpak") or {}
    named = {pid for step in STEPS for pid in ((keten.get(step) or {}).get("partners") or [])}
    return [
        p
        for p in resolved.get("partners") or []
        if p["id"] in named or set(p.get("stappen") or []) & set(STEPS)
    ]


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
        problems += _checked(
            doc, ("partners", i), partner.get("gecontroleerd_op"), f"partner '{partner.get('naam')}'", today
        )
    vt = doc.data.get("veilig_thuis")
    if isinstance(vt, dict):
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
