"""Woo publication of the regional website: a DiWoo metadata record per published routekaart file,
gathered in a Woo sitemap that the Woo-index harvests (https://standaarden.overheid.nl/diwoo/metadata/).

A routekaart that its partners signed is a convenant under the Wet open overheid. Each edition on
the site (PDF, ODF, Word) gets a record inside the sitemap's <url>, as the DiWoo extension of the
sitemap protocol has it: the publisher as a TOOI organisation, the official title, the information
category, the document's own date, language, format and, for an adopted routekaart, its adoption
(vaststelling) with its date. The partners' sign-off dates are told in the description, by
organisation name only: the TOOI value for signing (ondertekening) could not be confirmed from an
official overheid.nl source, and a person's name never goes into the metadata.

Files, when the region file gives site.url (records need absolute https addresses):
  sitemaps/sitemap-convenanten.xml            the records
  sitemaps/sitemapindex-diwoo-infocat011.xml  the index, named as the Woo-harvester requires
  robots.txt                                  points harvesters to the index (and to sitemap.xml)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from assembler.builders.site.sitemap import absolute
from assembler.dutch import dutch_date, enumeration
from assembler.model.routekaart import Routekaart

DIWOO = "https://standaarden.overheid.nl/diwoo/metadata/"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
TOOI_GEMEENTE = "https://identifier.overheid.nl/tooi/id/gemeente/"
TOOI_KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"
CONVENANTEN = (TOOI_KERN + "c_8fc2335c", "convenanten")
VASTSTELLING = (TOOI_KERN + "c_641ecd76", "vaststelling")
# The EU Publications Office's authority tables, which DiWoo's language and format lists use.
DUTCH = ("http://publications.europa.eu/resource/authority/language/NLD", "Nederlands")
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
FORMATS = {".pdf": "PDF", ".odt": "ODT", ".docx": "DOCX"}
INFOCAT = "011"  # convenanten, the eleventh of the Woo's seventeen categories
RECORDS = "sitemaps/sitemap-convenanten.xml"
INDEX = f"sitemaps/sitemapindex-diwoo-infocat{INFOCAT}.xml"
ROBOTS = "robots.txt"


@dataclass(frozen=True)
class WooDocument:
    """What a routekaart's records say, kept between runs with its page (site state)."""

    tooi_code: str
    gemeente: str
    titel: str
    concept: bool
    datum: str  # the document's own date (ISO)
    vastgesteld_op: str | None
    omschrijving: str
    trefwoorden: tuple[str, ...]

    @classmethod
    def from_state(cls, raw: Any) -> WooDocument | None:
        if not isinstance(raw, dict):
            return None
        try:
            return cls(**{**raw, "trefwoorden": tuple(raw.get("trefwoorden") or ())})
        except TypeError:
            return None

    def state(self) -> dict[str, Any]:
        return asdict(self)


def woo_document(model: Routekaart) -> WooDocument | None:
    """The record's values for a routekaart; None without a TOOI code (the publisher must be named)."""
    if not model.tooi_code:
        return None
    adopted = model.vastgesteld_op if not model.is_concept else None
    parts = [f"Versie {model.versie}."]
    parts.append(f"Vastgesteld op {dutch_date(adopted)}." if adopted else "Concept, nog niet vastgesteld.")
    # Only an akkoord with this version counts; Veilig Thuis signs too.
    signed = [f"{row.naam} ({dutch_date(row.datum)})" for row in model.akkoorden if row.akkoord and row.datum]
    if signed:
        parts.append(f"Akkoord van de partners: {enumeration(signed)}.")
    return WooDocument(
        tooi_code=model.tooi_code,
        gemeente=model.gemeente,
        titel=model.titel_volledig + (" (concept)" if model.is_concept else ""),
        concept=model.is_concept,
        datum=model.datum.isoformat(),
        vastgesteld_op=adopted.isoformat() if adopted else None,
        omschrijving=" ".join(parts),
        trefwoorden=tuple(model.trefwoorden),
    )


@dataclass(frozen=True)
class Published:
    """One file of the site that gets a record: its path in the site, its document, its last change."""

    path: str
    document: WooDocument
    gewijzigd: dt.date


def is_record_file(name: str) -> bool:
    """The routekaart's editions; the pocket cards are no convenant and get no record."""
    return name.startswith("routekaart-") and any(name.endswith(suffix) for suffix in FORMATS)


def _resource(tag: str, uri: str, label: str, indent: str) -> str:
    return f"{indent}<diwoo:{tag} resource={quoteattr(uri)}>{escape(label)}</diwoo:{tag}>"


def record(item: Published, base: str) -> str:
    """One <url> with its DiWoo record."""
    doc = item.document
    suffix = "." + item.path.rsplit(".", 1)[-1]
    publisher = (TOOI_GEMEENTE + doc.tooi_code, f"gemeente {doc.gemeente}")
    i = "      "
    lines = [
        "  <url>",
        f"    <loc>{escape(absolute(base, item.path))}</loc>",
        f"    <lastmod>{item.gewijzigd.isoformat()}</lastmod>",
        "    <diwoo:Document>",
        "     <diwoo:DiWoo>",
        _resource("publisher", *publisher, i),
        _resource("verantwoordelijke", *publisher, i),
        f"{i}<diwoo:titelcollectie><diwoo:officieleTitel>{escape(doc.titel)}</diwoo:officieleTitel>"
        "</diwoo:titelcollectie>",
        f"{i}<diwoo:omschrijvingen><diwoo:omschrijving>{escape(doc.omschrijving)}</diwoo:omschrijving>"
        "</diwoo:omschrijvingen>",
        f"{i}<diwoo:classificatiecollectie>",
        f"{i} <diwoo:informatiecategorieen>",
        _resource("informatiecategorie", *CONVENANTEN, i + "  "),
        f"{i} </diwoo:informatiecategorieen>",
    ]
    if doc.trefwoorden:
        lines.append(f"{i} <diwoo:trefwoorden>")
        lines += [f"{i}  <diwoo:trefwoord>{escape(word)}</diwoo:trefwoord>" for word in doc.trefwoorden]
        lines.append(f"{i} </diwoo:trefwoorden>")
    lines += [
        f"{i}</diwoo:classificatiecollectie>",
        f"{i}<diwoo:creatiedatum>{doc.datum}</diwoo:creatiedatum>",
        _resource("language", *DUTCH, i),
        _resource("format", FILE_TYPE + FORMATS[suffix], FORMATS[suffix].lower(), i),
    ]
    if doc.vastgesteld_op:
        lines += [
            f"{i}<diwoo:documenthandelingen>",
            f"{i} <diwoo:documenthandeling>",
            _resource("soortHandeling", *VASTSTELLING, i + "  "),
            f"{i}  <diwoo:atTime>{doc.vastgesteld_op}T00:00:00</diwoo:atTime>",
            _resource("wasAssociatedWith", *publisher, i + "  "),
            f"{i} </diwoo:documenthandeling>",
            f"{i}</diwoo:documenthandelingen>",
        ]
    lines += ["     </diwoo:DiWoo>", "    </diwoo:Document>", "  </url>"]
    return "\n".join(lines)


def woo_files(base: str, published: list[Published], general_sitemap: bool) -> dict[str, bytes]:
    """The Woo sitemap with every record, its index and robots.txt; nothing without records."""
    if not published:
        return {}
    ordered = sorted(published, key=lambda p: p.path)
    lastmod = max(p.gewijzigd for p in ordered).isoformat()
    records = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{SITEMAP}" xmlns:diwoo="{DIWOO}">',
        *(record(item, base) for item in ordered),
        "</urlset>",
    ]
    index = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<sitemapindex xmlns="{SITEMAP}">',
        f"  <sitemap><loc>{escape(absolute(base, RECORDS))}</loc><lastmod>{lastmod}</lastmod></sitemap>",
        "</sitemapindex>",
    ]
    robots = ["User-agent: *", "Allow: /"]
    if general_sitemap:
        robots.append(f"Sitemap: {absolute(base, 'sitemap.xml')}")
    robots.append(f"Sitemap: {absolute(base, INDEX)}")
    return {
        RECORDS: ("\n".join(records) + "\n").encode("utf-8"),
        INDEX: ("\n".join(index) + "\n").encode("utf-8"),
        ROBOTS: ("\n".join(robots) + "\n").encode("utf-8"),
    }
