"""The chapter "Wat regelt de gemeente" and the agreements of "Voor Veilig Thuis", as a pure function of the
resolved profile and the national handvatten.

A handvat is shown only when it belongs to one of the municipality's practices; its text follows the regie,
gains a sentence per chosen practice where the content has one, and carries its official sources. A status
the municipality took over from its region's `standaard` says so ("standaardkeuze van de regio").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from assembler.model.routekaart import Handvat, HandvatGroup, VeiligThuis, VeiligThuisAfspraak
from assembler.national import NationalContent
from assembler.national.handvatten import EMPTY, HandvattenContent
from assembler.profile.reading import Profile

Fill = Callable[[str], str]
FROM_REGION = "regio"


def _words(text: Any) -> str | None:
    """A profile's free text on one line; None when empty."""
    joined = " ".join(str(text or "").split())
    return joined or None


def agreements(
    raw: Mapping[str, Any] | None, hv: HandvattenContent, content: NationalContent
) -> tuple[VeiligThuisAfspraak, ...]:
    """Every topic of "Voor Veilig Thuis" with what Veilig Thuis recorded (veilig_thuis.werkafspraken)."""
    raw = raw or {}
    rows = []
    for topic in hv.veilig_thuis:
        own = _words(raw.get(topic.id))
        rows.append(
            VeiligThuisAfspraak(
                id=topic.id,
                naam=topic.naam,
                uitleg=topic.uitleg,
                praktijken=topic.praktijken,
                afspraak=own,
                afspraak_tekst=own or hv.geen_afspraak,
                bronnen=tuple(content.source(s) for s in topic.bronnen),
            )
        )
    return tuple(rows)


def fitting_agreements(
    rows: tuple[VeiligThuisAfspraak, ...], hv: HandvattenContent, practices: set[str]
) -> tuple[VeiligThuisAfspraak, ...]:
    """The topics that belong to the municipality's practices (the LKHA only with forced marriage or
    abandonment, the LEC EGG only with honour-based violence, and so on)."""
    fits = {t.id for t in hv.veilig_thuis if t.fits(practices)}
    return tuple(r for r in rows if r.id in fits)


def handvatten(
    raw: Mapping[str, Any] | None,
    origins: Mapping[str, str],
    practices: set[str],
    regie: str,
    region: str | None,
    hv: HandvattenContent,
    content: NationalContent,
    fill: Fill,
) -> tuple[Handvat, ...]:
    """The handvatten that belong to the municipality's practices, in the content's order, each with the
    profile's status, who and agreement, or "nog niet ingevuld"."""
    raw = raw or {}
    rows = []
    for h in hv.handvatten:
        if not h.fits(practices):
            continue
        own = raw.get(h.id) or {}
        status = own.get("status") or EMPTY
        origin = origins.get(f"handvatten.{h.id}")
        label = hv.statussen[status]
        note = None
        if origin == FROM_REGION:
            note = hv.herkomst["regio"] + (f" {region}" if region else "")
        extras = [h.per_praktijk[p] for p in h.per_praktijk if p in practices]
        toelichting = _words(own.get("toelichting"))
        rows.append(
            Handvat(
                id=h.id,
                naam=h.naam,
                groep=h.groep,
                groep_naam=hv.groep(h.groep).naam,
                wat=fill(" ".join([h.per_regie.get(regie, h.wat), *extras])),
                bronnen=tuple(content.source(s) for s in h.bronnen),
                status=status,
                status_label=label,
                status_tekst=f"{label} ({note})" if note else label,
                code=hv.codes[status],
                toelichting=toelichting,
                wie=_words(own.get("wie")),
                afspraak_tekst=toelichting or hv.geen_afspraak,
                herkomst=FROM_REGION if origin == FROM_REGION else None,
            )
        )
    return tuple(rows)


def groups(rows: tuple[Handvat, ...], hv: HandvattenContent) -> tuple[HandvatGroup, ...]:
    """The groups in the content's order, each with its handvatten; a group left empty is left out."""
    found = []
    for group in hv.groepen:
        members = tuple(h for h in rows if h.groep == group.id)
        if members:
            found.append(HandvatGroup(group.id, group.naam, members))
    return tuple(found)


def introduction(
    hv: HandvattenContent, regie: str, left_out: bool, fill: Fill, regie_note: str | None = None
) -> tuple[str, ...]:
    """The chapter's opening: the municipality's own task, who has the procesregie in this routekaart
    (followed by `regie_note` when that rests on a standard choice the municipality did not make),
    and, when handvatten fell away with a practice not chosen, that they did."""
    first, *rest = (fill(t) for t in hv.inleiding)
    opening = " ".join([first, fill(hv.inleiding_regie[regie]), *([regie_note] if regie_note else [])])
    tail = [fill(hv.weggelaten)] if left_out else []
    return (opening, *rest, *tail)


def chapter(
    profile: Profile,
    regie: str,
    practices: set[str],
    vt: VeiligThuis,
    hv: HandvattenContent,
    content: NationalContent,
    fill: Fill,
) -> dict[str, Any]:
    """The routekaart's fields for the chapter: its opening, the checklist by group, and the agreements of
    "Voor Veilig Thuis" that fit the municipality's practices (tailor's chapter step)."""
    data = profile.data
    checklist = handvatten(
        data.get("handvatten"), profile.herkomst, practices, regie, data.get("regio_naam"), hv, content, fill
    )
    # Who has the regie is a local statement only when the municipality recorded it; else say whose choice it is.
    origin = profile.herkomst.get("ketenaanpak.regie")
    note = fill(content.teksten["regie_herkomst"][origin]) if origin else None
    return {
        "handvatten_inleiding": introduction(hv, regie, len(checklist) < len(hv.handvatten), fill, note),
        "handvatten": checklist,
        "handvatten_groepen": groups(checklist, hv),
        "handvatten_veilig_thuis": tuple(fill(t) for t in hv.veilig_thuis_inleiding),
        "veilig_thuis_afspraken": fitting_agreements(vt.afspraken, hv, practices),
    }
