"""Tailoring: a pure function from a resolved profile and the national content to the content model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from assembler.dutch import dutch_date, enumeration, number_word
from assembler.errors import ContentError
from assembler.model import handvatten as chapter
from assembler.model.checks import checked_on, unchecked_numbers
from assembler.model.routekaart import (
    PRIORITY_ORDER,
    CardSettings,
    ChainStep,
    Contact,
    Edition,
    Partner,
    Person,
    Practice,
    Route,
    Routekaart,
    RouteStage,
    VeiligThuis,
)
from assembler.model.sheets import history as edition_history
from assembler.model.sheets import national_changes_intro, sign_offs, status_text
from assembler.naming import slug
from assembler.national import PRACTICES, STEPS, NationalContent, Organisation, PracticeContent
from assembler.national.handvatten import HandvattenContent, national_handvatten
from assembler.phone import Phone
from assembler.profile.edition import EditionCheck, check_edition, content_names
from assembler.profile.reading import Profile
from assembler.profile.schema import ALL, AUDIENCES
from assembler.wording import fill, one, paragraphs

# What the regional Veilig Thuis says about its hours when it gives none and uses the national line.
NATIONAL_VT_HOURS = "dag en nacht, ook in het weekend"
FALLBACK_DATE = dt.date(2000, 1, 1)


def _person(raw: Mapping[str, Any] | None) -> Person | None:
    if not raw:
        return None
    return Person(
        naam=raw["naam"],
        functie=raw.get("functie"),
        email=raw.get("email"),
        telefoon=raw.get("telefoon"),
    )


def _expand(values: Iterable[str] | None, universe: tuple[str, ...]) -> tuple[str, ...]:
    values = list(values or [])
    if ALL in values:
        return universe
    return tuple(v for v in universe if v in values)


def _partner(raw: Mapping[str, Any], content: NationalContent) -> Partner:
    praktijken = _expand(raw.get("praktijken") or [ALL], PRACTICES)
    stappen = _expand(raw.get("stappen"), STEPS)
    return Partner(
        id=raw["id"],
        naam=raw["naam"],
        type=raw["type"],
        type_label=content.label("partner_type", raw["type"]),
        rol=raw.get("rol"),
        praktijken=praktijken,
        praktijk_namen=tuple(content.praktijken[p].naam for p in praktijken),
        stappen=stappen,
        stap_namen=tuple(content.stappen[s].naam for s in stappen),
        telefoon=raw.get("telefoon"),
        spoed=raw.get("spoed"),
        email=raw.get("email"),
        website=raw.get("website"),
        adres=raw.get("adres"),
        bereikbaarheid=raw.get("bereikbaarheid"),
        gecontroleerd_op=raw.get("gecontroleerd_op"),
        herkomst=raw.get("herkomst", "lokaal"),
        aanspreekpunt_voor=_expand(raw.get("aanspreekpunt_voor"), AUDIENCES),
    )


def national_vt_phone(content: NationalContent) -> Phone:
    """The free national Veilig Thuis number, from organisaties.yaml (the one place it is written)."""
    phone = content.organisation("veilig-thuis").telefoon
    if not phone:
        raise ContentError("organisaties.yaml: Veilig Thuis heeft geen landelijk telefoonnummer")
    return phone


def _veilig_thuis(
    raw: Mapping[str, Any] | None, content: NationalContent, hv: HandvattenContent | None = None
) -> VeiligThuis:
    raw = raw or {"naam": "Veilig Thuis"}
    national = national_vt_phone(content)
    phone: Phone = raw.get("telefoon") or national
    # Day and night holds for the national line; a region's own number says its own hours.
    hours = NATIONAL_VT_HOURS if phone.same_number(national) else None
    return VeiligThuis(
        naam=raw["naam"],
        telefoon=phone,
        email=raw.get("email"),
        website=raw.get("website"),
        adres=raw.get("adres"),
        bereikbaarheid=raw.get("bereikbaarheid") or hours,
        aandachtsfunctionaris_vgv=_person(raw.get("aandachtsfunctionaris_vgv")),
        gecontroleerd_op=raw.get("gecontroleerd_op"),
        afspraken=chapter.agreements(raw.get("werkafspraken"), hv or national_handvatten(), content),
    )


def _organisations(
    content: NationalContent, ids: Iterable[str] | None = None, checks: Iterable[Mapping[str, Any]] = ()
) -> tuple[Organisation, ...]:
    """The national organisations; a number's check is the national content's own or one the region or
    municipality recorded (`controles`)."""
    chosen = [content.organisation(i) for i in ids] if ids is not None else list(content.organisaties)
    checks = list(checks)
    return tuple(replace(o, gecontroleerd_op=checked_on(o, checks)) for o in chosen)


def _step_partners(step: str, keten: Mapping[str, Any], partners: tuple[Partner, ...]) -> tuple[Partner, ...]:
    """Partners named for the step first, in the profile's order, then those whose own steps include it."""
    named = list(((keten.get(step) or {}).get("partners")) or [])
    by_id = {p.id: p for p in partners}
    ordered = [by_id[i] for i in named if i in by_id]
    ordered += [p for p in partners if step in p.stappen and p.id not in named]
    return tuple(ordered)


def _route(
    practice: PracticeContent,
    partners: tuple[Partner, ...],
    steps: Mapping[str, tuple[Partner, ...]],
    vt: VeiligThuis,
    audiences: tuple[str, ...],
    content: NationalContent,
) -> Route:
    def names(step: str, exclude_police: bool = False) -> tuple[str, ...]:
        return tuple(
            p.naam for p in steps[step] if p in partners and not (exclude_police and p.type == "politie")
        )

    professionals = tuple(content.label("doelgroep", a) for a in audiences) or ("Professional",)
    consult = ["Aandachtsfunctionaris of collega"]
    if practice.key == "vrouwelijke_genitale_verminking" and vt.aandachtsfunctionaris_vgv:
        consult.append(f"Aandachtsfunctionaris VGV {vt.naam}: {vt.aandachtsfunctionaris_vgv.naam}")
    consult += [n for n in names("signaleren_en_melden") if n not in consult]
    police = [p for p in partners if p.type == "politie"]
    urgent = police[0].naam if police else "Politie"
    texts = {
        **content.teksten["route"],
        **(content.teksten["route"].get("per_praktijk") or {}).get(practice.key, {}),
    }
    return Route(
        stages=(
            RouteStage("Signaal", professionals, texts["signaal"]),
            RouteStage("Overleg", tuple(consult), texts["overleg"]),
            RouteStage("Veilig Thuis", (f"{vt.naam} ({vt.telefoon})",), texts["veilig_thuis"]),
            RouteStage("Zorg", names("toeleiden_naar_zorg") or (vt.naam,), texts["zorg"]),
            RouteStage(
                "Veiligheid en hulp",
                names("preventie_veiligheid_hulp", exclude_police=True) or (vt.naam,),
                texts["veiligheid"],
            ),
        ),
        acuut=RouteStage("Acuut gevaar", (f"{urgent}: {_emergency(content)}",), texts["acuut"]),
    )


def _emergency(content: NationalContent) -> Phone:
    """112, as organisaties.yaml has it for the police."""
    number = content.organisation("politie").telefoon
    if not number:
        raise ContentError("organisaties.yaml: de politie heeft geen alarmnummer")
    return number


def _practices_phrase(names: list[str]) -> str:
    """'de schadelijke praktijk huwelijksdwang' or 'twee schadelijke praktijken: a en b'."""
    lowered = [n[:1].lower() + n[1:] for n in names]
    if len(lowered) == 1:
        return f"de schadelijke praktijk {lowered[0]}"
    return f"{number_word(len(lowered))} schadelijke praktijken: {enumeration(lowered)}"


def _practice_order(selected: Mapping[str, Any]) -> list[str]:
    keys = [p for p in PRACTICES if p in selected]
    return sorted(
        keys, key=lambda k: (PRIORITY_ORDER.get((selected[k] or {}).get("prioriteit"), 3), PRACTICES.index(k))
    )


def _contacts(
    vt: VeiligThuis,
    partners: tuple[Partner, ...],
    orgs: tuple[Organisation, ...],
) -> tuple[Contact, ...]:
    """The one-page contact list; a national organisation with ``contactlijst`` stands on it even without a phone."""
    rows = [
        Contact(
            vt.naam,
            "Advies en melden bij huiselijk geweld, kindermishandeling en schadelijke praktijken",
            vt.telefoon,
            vt.email,
            vt.bereikbaarheid,
            "regionaal",
            vt.gecontroleerd_op,
        )
    ]
    if vt.aandachtsfunctionaris_vgv:
        afv = vt.aandachtsfunctionaris_vgv
        rows.append(
            Contact(
                f"{afv.naam}, aandachtsfunctionaris VGV",
                f"Vrouwelijke genitale verminking, {vt.naam}",
                afv.telefoon,
                afv.email,
                None,
                "regionaal",
                vt.gecontroleerd_op,
            )
        )
    for p in sorted(partners, key=lambda p: (not p.is_lokaal, p.naam.lower())):
        rows.append(
            Contact(
                p.naam,
                p.rol or p.type_label,
                p.telefoon,
                p.email,
                p.bereikbaarheid,
                "lokaal" if p.is_lokaal else "regionaal",
                p.gecontroleerd_op,
            )
        )
    rows += [
        Contact(
            o.naam,
            o.rol,
            o.telefoon,
            o.email,
            o.telefoon_toelichting,
            "landelijk",
            o.gecontroleerd_op,
            bron=o.bron,
            bron_domein=o.bron_domein,
        )
        for o in orgs
        # The regional Veilig Thuis row already carries the national number.
        if (o.telefoon or o.contactlijst) and o.id != "veilig-thuis"
    ]
    return tuple(rows)



def site_page(base: str | None, name: str) -> str | None:
    """The municipality's page on the regional site, at a URL that stays the same between editions."""
    return f"{base.rstrip('/')}/{slug(name)}/" if base else None


def _regie_note(profile: Profile, teksten: Mapping[str, Any], values: Mapping[str, str]) -> str | None:
    """Says so when the regie sentence rests on the region's or the schema's standard choice."""
    origin = profile.herkomst.get("ketenaanpak.regie")
    return one(teksten["regie_herkomst"][origin], values) if origin else None


def _key_persons_text(
    chosen: bool | None, origin: str | None, teksten: Mapping[str, Any], values: Mapping[str, str]
) -> str:
    """The key-persons paragraph: the municipality's own statement; for a choice it did not make
    itself (left to the region, or not recorded at all) first that it is a standard text or choice,
    then only what key persons are, never whether they work there."""
    if origin is None and chosen is not None:
        return one(teksten["sleutelpersonen"]["ja" if chosen else "nee"], values)
    key = origin or "standaard"
    keuze = "niet vastgelegd" if chosen is None else ("ja" if chosen else "nee")
    note = one(teksten["sleutelpersonen_herkomst"][key], {**values, "keuze": keuze})
    return f"{note} {one(teksten['sleutelpersonen_uitleg'], values)}"


def tailor(
    profile: Profile, content: NationalContent, handvatten: HandvattenContent | None = None
) -> Routekaart:
    """The routekaart of one municipality: national content with its name filled in, and its own choices."""
    data = profile.data
    hv = handvatten or national_handvatten()
    teksten = content.teksten
    name = data["naam"]
    vt = _veilig_thuis(data.get("veilig_thuis"), content, hv)
    partners = tuple(_partner(p, content) for p in data.get("partners", []))
    keten = data["ketenaanpak"]
    coordinator = {p.id: p for p in partners}.get(keten.get("coordinator", ""))
    values = _placeholders(data, vt, coordinator, content)
    audiences = tuple(a for a in AUDIENCES if a in data["kaarten"]["doelgroepen"])
    steps_partners = {s: _step_partners(s, keten, partners) for s in STEPS}
    steps = _chain(keten, steps_partners, content, values)
    checks = data.get("controles") or []
    practices = _chosen_practices(
        data["praktijken"], partners, steps_partners, vt, audiences, content, values, checks
    )
    chosen = {p.key for p in practices}
    orgs = _chosen_organisations(content, chosen, checks)
    edition = check_edition(
        data, data, profile.region.data if profile.region else None, profile.herkomst, content.info,
        content_names(content),
    )
    unchecked = unchecked_numbers(orgs)
    return Routekaart(
        gemeente=name,
        slug=slug(name),
        regio=data.get("regio_naam"),
        titel=teksten["titel"],
        **_edition(data, edition, content, teksten),
        website=data.get("website"),
        logo=profile.file("logo"),
        kleur=data["huisstijl"]["hoofdkleur"].upper(),
        tooi_code=data.get("tooi_code"),
        **_introduction(data["document"], teksten, values),
        praktijken=practices,
        wetgeving_inleiding=fill(_texts(teksten["wetgeving_inleiding"]), values),
        wetten=tuple(w for w in content.wetten if ALL in w.praktijken or chosen & set(w.praktijken)),
        organisaties_inleiding_landelijk=one(teksten["organisaties_inleiding"]["landelijk"], values),
        organisaties_inleiding_regionaal=one(teksten["organisaties_inleiding"]["regionaal"], values),
        organisaties_inleiding_lokaal=one(teksten["organisaties_inleiding"]["lokaal"], values),
        organisaties=orgs,
        veilig_thuis=vt,
        partners=partners,
        partners_regionaal=tuple(p for p in partners if not p.is_lokaal),
        partners_lokaal=tuple(p for p in partners if p.is_lokaal),
        **_approach(profile, keten, coordinator, teksten, values, content),
        stappen=steps,
        meldcode=content.meldcode,
        contactlijst_inleiding=one(teksten["contactlijst_inleiding"], values),
        contacten=_contacts(vt, partners, orgs),
        acuut_tekst=one(teksten["acuut"], values),
        begrippen=tuple(sorted(content.begrippen, key=lambda t: t.term.lower())),
        bronnen=content.bronnen,
        kaarten=_card_settings(data, audiences, content),
        trefwoorden=(
            "schadelijke praktijken",
            "routekaart",
            "ketenaanpak",
            name,
            *(p.naam for p in practices),
        ),
        akkoord_inleiding=one(teksten["akkoord_inleiding"], values)
        + ("" if edition.akkoord_vereist else " " + one(teksten["akkoord_niet_vereist"], values)),
        akkoorden=sign_offs(edition, vt, partners, steps, list(practices), teksten),
        concept_redenen=tuple(r.tekst for r in edition.reasons) if not edition.adopted else (),
        landelijke_versie=edition.landelijke_versie,
        landelijke_wijzigingen=edition.landelijke_wijzigingen,
        landelijke_wijzigingen_inleiding=national_changes_intro(edition, teksten),
        akkoord_vereist=edition.akkoord_vereist,
        ongecontroleerde_nummers=unchecked,
        controle_tekst=one(
            teksten["controle_colofon"] if unchecked else teksten["controle_colofon_alles"],
            {"nummers": enumeration(unchecked)},
        ).strip(),
        inhoud_versie=content.info.versie,
        inhoud_datum=content.info.datum,
        inhoud_datum_tekst=dutch_date(content.info.datum),
        **chapter.chapter(profile, keten["regie"], chosen, vt, hv, content, lambda t: one(t, values)),
    )


def _placeholders(
    data: Mapping[str, Any], vt: VeiligThuis, coordinator: Partner | None, content: NationalContent
) -> dict[str, str]:
    """What the national texts' {placeholders} say for this municipality."""
    name = data["naam"]
    return {
        "gemeente": name,
        "regio": data.get("regio_naam") or name,
        "veilig_thuis": vt.naam,
        "coordinator": coordinator.naam if coordinator else "",
        "praktijken": _practices_phrase(
            [content.praktijken[k].naam for k in _practice_order(data["praktijken"])]
        ),
    }


def _chain(
    keten: Mapping[str, Any],
    steps_partners: Mapping[str, tuple[Partner, ...]],
    content: NationalContent,
    values: Mapping[str, str],
) -> tuple[ChainStep, ...]:
    """The chain steps in order: the national aims with the local agreements and partners."""
    no_partner = one(content.teksten["geen_lokale_partner"], values)
    steps = []
    for s in STEPS:
        own = (keten.get(s) or {}).get("afspraken")
        partners = steps_partners[s]
        steps.append(
            ChainStep(
                key=s,
                naam=content.stappen[s].naam,
                doel=fill(content.stappen[s].doel, values),
                aandachtspunten=fill(content.stappen[s].aandachtspunten, values),
                afspraken=paragraphs(own) or fill(content.stappen[s].standaard_afspraken, values),
                afspraken_eigen=bool(own),
                partners=partners,
                lokale_partners=tuple(p for p in partners if p.is_lokaal),
                geen_lokale_partner=None if any(p.is_lokaal for p in partners) else no_partner,
            )
        )
    return tuple(steps)


def _chosen_practices(
    selected: Mapping[str, Any],
    partners: tuple[Partner, ...],
    steps_partners: Mapping[str, tuple[Partner, ...]],
    vt: VeiligThuis,
    audiences: tuple[str, ...],
    content: NationalContent,
    values: Mapping[str, str],
    checks: Sequence[Mapping[str, Any]] = (),
) -> tuple[Practice, ...]:
    """The chosen practices by priority: national text, the local situation, partners and route."""
    practices = []
    for key in _practice_order(selected):
        pc = content.praktijken[key]
        choice = selected[key] or {}
        own = paragraphs(choice.get("lokale_situatie"))
        prio = choice.get("prioriteit")
        relevant = tuple(p for p in partners if key in p.praktijken)
        practices.append(
            Practice(
                landelijk=replace(
                    pc,
                    omschrijving=fill(pc.omschrijving, values),
                    standaard_lokale_situatie=fill(pc.standaard_lokale_situatie, values),
                ),
                prioriteit=prio,
                prioriteit_label=content.label("prioriteit", prio) if prio else None,
                organisaties=_organisations(content, pc.organisaties, checks),
                lokale_situatie=own or fill(pc.standaard_lokale_situatie, values),
                lokale_situatie_eigen=bool(own),
                partners=relevant,
                lokale_partners=tuple(p for p in relevant if p.is_lokaal),
                bronnen=tuple(content.source(s) for s in pc.bronnen),
                route=_route(pc, relevant, steps_partners, vt, audiences, content),
            )
        )
    return tuple(practices)


def _chosen_organisations(
    content: NationalContent, chosen: set[str], checks: Sequence[Mapping[str, Any]] = ()
) -> tuple[Organisation, ...]:
    """The national organisations for the chosen practices, with the checks recorded of their numbers."""
    return tuple(
        o
        for o in _organisations(content, checks=checks)
        if ALL in o.praktijken or chosen & set(o.praktijken)
    )


def _edition(
    data: Mapping[str, Any], edition: EditionCheck, content: NationalContent, teksten: Mapping[str, Any]
) -> dict[str, Any]:
    """Version, status, dates, owner and history of this edition; adopted only when it holds up."""
    document = data["document"]
    revise = document.get("herzien_voor")
    # A concept may name a planned or claimed date, but nothing calls it adopted on that date.
    adopted = document.get("vastgesteld_op") if edition.adopted else None
    history = edition_history(document, edition, content, teksten)
    owner = _person(document["eigenaar"])
    assert owner is not None  # required by the schema
    return {
        "versie": str(document["versie"]),
        "status": edition.status,
        "status_tekst": status_text(document, edition, teksten),
        "concept_tekst": str(teksten["concept"]),
        "concept_uitleg": str(teksten["concept_uitleg"]).strip(),
        "datum": adopted or _latest_date(data, history),
        "vastgesteld_op": adopted,
        "vastgesteld_op_tekst": dutch_date(adopted) if adopted else None,
        "vastgesteld_door": document.get("vastgesteld_door"),
        "herzien_voor": revise,
        "herzien_voor_tekst": dutch_date(revise) if revise else None,
        "eigenaar": owner,
        "geschiedenis_inleiding": " ".join(str(teksten["geschiedenis_inleiding"]).split()),
        "geschiedenis": history,
    }


def _introduction(
    document: Mapping[str, Any], teksten: Mapping[str, Any], values: Mapping[str, str]
) -> dict[str, Any]:
    """The opening chapter: the national framing always, then the municipality's own introduction."""
    own = paragraphs(document.get("inleiding"))
    return {
        "inleiding": fill(_texts(teksten["inleiding"]), values)
        + (own or fill(_texts(teksten["inleiding_standaard"]), values)),
        "inleiding_eigen": bool(own),
        "maatwerk": fill(_texts(teksten["maatwerk"]), values),
        "leeswijzer": fill(_texts(teksten["leeswijzer"]), values),
    }


def _approach(
    profile: Profile,
    keten: Mapping[str, Any],
    coordinator: Partner | None,
    teksten: Mapping[str, Any],
    values: Mapping[str, str],
    content: NationalContent,
) -> dict[str, Any]:
    """Who leads the chain approach, whether it works with key persons, and how it trains."""
    regie = keten["regie"]
    sleutel = keten.get("sleutelpersonen")
    # None when the municipality chose itself, and when it recorded nothing (then `sleutel` is None).
    sleutel_origin = profile.herkomst.get("ketenaanpak.sleutelpersonen") if sleutel is not None else None
    own_training = paragraphs(keten.get("deskundigheidsbevordering"))
    return {
        "ketenaanpak_inleiding": fill(_texts(teksten["ketenaanpak_inleiding"]), values),
        "regie": regie,
        "regie_label": content.label("regie", regie),
        "regie_tekst": one(teksten["regie"][regie], values),
        "regie_herkomst": profile.herkomst.get("ketenaanpak.regie"),
        "regie_noot": _regie_note(profile, teksten, values),
        "coordinator": coordinator,
        "coordinator_tekst": one(
            teksten["coordinator"] if coordinator else teksten["geen_coordinator"], values
        ),
        "sleutelpersonen": sleutel,
        "sleutelpersonen_herkomst": sleutel_origin,
        "sleutelpersonen_tekst": _key_persons_text(sleutel, sleutel_origin, teksten, values),
        "deskundigheidsbevordering": own_training
        or fill(_texts(teksten["deskundigheidsbevordering"]), values),
        "deskundigheidsbevordering_eigen": bool(own_training),
    }


def _card_settings(
    data: Mapping[str, Any], audiences: tuple[str, ...], content: NationalContent
) -> CardSettings:
    """The pocket cards: format, audiences and where the QR code leads."""
    cards = data["kaarten"]
    return CardSettings(
        formaat=cards["formaat"],
        doelgroepen=audiences,
        doelgroep_namen=tuple(content.label("doelgroep", a) for a in audiences),
        qr=cards.get("qr") or site_page(data.get("regio_site_url"), data["naam"]) or data.get("website"),
    )


def _latest_date(data: Mapping[str, Any], history: tuple[Edition, ...]) -> dt.date:
    """The date a concept carries: the newest date in its own data, never the build clock."""
    dates = [e.datum for e in history if e.datum is not None]
    for raw in [*(data.get("partners") or []), data.get("veilig_thuis") or {}]:
        dates += [d for d in (raw.get("gecontroleerd_op"), (raw.get("akkoord") or {}).get("datum")) if d]
    dates += [a["datum"] for a in (data["document"].get("akkoorden") or [])]
    return max(dates, default=FALLBACK_DATE)


def _texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return paragraphs(value)
    return tuple(str(v).strip() for v in value)


def tailor_region(
    region: Mapping[str, Any], content: NationalContent
) -> tuple[VeiligThuis, tuple[Partner, ...]]:
    """A region file's Veilig Thuis and regional partners as the model shows them, for the regional document."""
    partners = tuple(_partner({**p, "herkomst": "regio"}, content) for p in region.get("partners") or [])
    return _veilig_thuis(region.get("veilig_thuis"), content), partners
