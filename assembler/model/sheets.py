"""The pages an edition says about itself: its status, why it is a concept, the national changes since
the edition it revises, the version history and the partners' sign-off."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assembler.dutch import dutch_date, enumeration
from assembler.model.routekaart import ChainStep, Change, Edition, Partner, Practice, SignOff, VeiligThuis
from assembler.national import ContentInfo, NationalContent, version_key
from assembler.profile.edition import VEILIG_THUIS_KEY, Agreement, EditionCheck
from assembler.wording import one


def status_text(document: Mapping[str, Any], edition: EditionCheck, teksten: Mapping[str, Any]) -> str:
    """'Vastgesteld op 15 oktober 2026 door ...'; for a concept, what it revises or that it is not adopted yet."""
    if edition.adopted:
        by = document.get("vastgesteld_door")
        return f"Vastgesteld op {dutch_date(document['vastgesteld_op'])}" + (f" door {by}" if by else "")
    if edition.vorige is not None:
        earlier = edition.vorige
        return one(teksten["herziening"], {"versie": earlier.versie, "datum": dutch_date(earlier.datum)})
    return str(teksten["niet_vastgesteld"])


def national_changes_intro(edition: EditionCheck, teksten: Mapping[str, Any]) -> str:
    earlier = edition.vorige
    if not edition.landelijke_wijzigingen or earlier is None:
        return ""
    if earlier.landelijke_versie is not None:
        text = one(teksten["landelijke_wijzigingen"], {"versie": earlier.landelijke_versie})
    else:
        text = one(teksten["landelijke_wijzigingen_zonder_versie"], {"datum": dutch_date(earlier.datum)})
    return " ".join(text.split())


def history(
    document: Mapping[str, Any], edition: EditionCheck, content: NationalContent, teksten: Mapping[str, Any]
) -> tuple[Edition, ...]:
    """The current edition first, then the earlier ones, newest first, each with its national version."""
    current = Edition(
        versie=str(document["versie"]) if edition.adopted else f"{document['versie']} (concept)",
        datum=document["vastgesteld_op"] if edition.adopted else None,
        datum_tekst=dutch_date(document["vastgesteld_op"]) if edition.adopted else str(teksten["niet_vastgesteld"]),
        samenvatting=str(teksten["huidige_versie" if edition.adopted else "huidige_versie_concept"]),
        landelijke_versie=edition.landelijke_versie if edition.adopted else content.info.versie,
        huidig=True,
    )
    rest = tuple(
        Edition(
            str(e["versie"]),
            e["datum"],
            dutch_date(e["datum"]),
            e.get("samenvatting"),
            str(e["landelijke_versie"]) if e.get("landelijke_versie") else content.info.version_on(e["datum"]),
        )
        for e in sorted(document.get("geschiedenis") or [], key=lambda e: e["datum"], reverse=True)
    )
    claimed = edition.vorige if edition.claimed and not edition.adopted else None
    if claimed is not None:
        # The adoption this concept revises: it happened, on the national text of its day.
        earlier: tuple[Edition, ...] = (
            Edition(
                claimed.versie,
                claimed.datum,
                dutch_date(claimed.datum),
                str(teksten["herziene_versie"]),
                claimed.landelijke_versie,
            ),
        )
        earlier += tuple(e for e in rest if (e.versie, e.datum) != (claimed.versie, claimed.datum))
    else:
        earlier = rest
    return (current, *earlier)


def _sign_off_text(agreement: Agreement | None, version: str, teksten: Mapping[str, Any]) -> str:
    if agreement is None:
        return str(teksten["geen_akkoord"])
    by = f" door {agreement.door}" if agreement.door else ""
    if agreement.versie != version:
        return one(
            teksten["akkoord_eerdere_versie"],
            {"datum": dutch_date(agreement.datum), "door": by, "versie": agreement.versie},
        )
    return f"akkoord op {dutch_date(agreement.datum)}{by}"


def sign_offs(
    edition: EditionCheck,
    vt: VeiligThuis,
    partners: tuple[Partner, ...],
    steps: tuple[ChainStep, ...],
    practices: list[Practice],
    teksten: Mapping[str, Any],
) -> tuple[SignOff, ...]:
    """Veilig Thuis, then every partner that acts in a chain step, regional ones first, with its akkoord."""

    def row(
        key: str, naam: str, herkomst: str, stappen: tuple[str, ...], praktijken: tuple[str, ...],
        partner: Partner | None,
    ) -> SignOff:
        agreement = edition.akkoorden.get(key)
        older = agreement.versie if agreement and agreement.versie != edition.versie else None
        return SignOff(
            naam=naam,
            herkomst=herkomst,
            stappen=stappen,
            praktijken=praktijken,
            datum=agreement.datum if agreement else None,
            datum_tekst=dutch_date(agreement.datum) if agreement else None,
            door=agreement.door if agreement else None,
            versie=agreement.versie if agreement else None,
            eerdere_versie=older,
            status_tekst=_sign_off_text(agreement, edition.versie, teksten),
            partner=partner,
        )

    # Veilig Thuis stands in every route: advice and reports, and help after a report.
    rows = [
        row(
            VEILIG_THUIS_KEY, vt.naam, "Veilig Thuis", tuple(s.naam for s in steps[:2]),
            tuple(p.naam for p in practices), None,
        )
    ]
    for partner in sorted(partners, key=lambda p: p.is_lokaal):
        own_steps = tuple(s.naam for s in steps if partner in s.partners)
        if not own_steps:
            continue
        rows.append(
            row(
                partner.id, partner.naam, "lokaal" if partner.is_lokaal else "regionaal", own_steps,
                tuple(p.naam for p in practices if partner in p.partners), partner,
            )
        )
    return tuple(rows)


def compare_national(old: str | None, new: str | None, info: ContentInfo) -> list[Change]:
    """What changed in the national content between the version an old edition rests on and the one the
    new edition rests on, from the changelog; an unknown version is said so rather than guessed."""
    if old == new or new is None:
        return []
    subject = "Landelijke inhoud"
    if old is None:
        return [
            Change(
                subject,
                f"Landelijke inhoud: de nieuwe editie rust op versie {new}; op welke versie de oude rustte, "
                "is niet vastgelegd.",
            )
        ]
    upper = version_key(new)
    between = [
        c for c in info.changes_since(old) if upper is None or (version_key(c.versie) or ()) <= upper
    ]
    changes = [Change(subject, f"Landelijke inhoud: van versie {old} naar versie {new}.")]
    for entry in reversed(between):
        chapters = f" (hoofdstukken: {enumeration(entry.hoofdstukken)})" if entry.hoofdstukken else ""
        changes.append(
            Change(
                subject,
                f"Landelijke inhoud versie {entry.versie} van {dutch_date(entry.datum)}: "
                f"{entry.samenvatting}{chapters}",
            )
        )
    return changes


def compare_content(old_digest: str | None, new_digest: str | None) -> list[Change]:
    """The national content (laws, organisations, signals) is a different edition than last time."""
    if not old_digest or not new_digest or old_digest == new_digest:
        return []
    return [
        Change(
            "Landelijke inhoud",
            "Landelijke inhoud bijgewerkt (wetten, organisaties, signalen of standaardteksten): "
            "lees de landelijke hoofdstukken opnieuw na.",
        )
    ]
