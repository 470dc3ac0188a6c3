"""The whole site as files in memory: pages, downloads, assets, statement and sitemap, checked before any is written.

A municipality page is rendered again only when what it is made from changed; each
page keeps the date it last changed, so a rebuild without changes is byte-identical.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from assembler.builders.base import Builder
from assembler.builders.site.assets import site_assets
from assembler.builders.site.audit import audit, checks
from assembler.builders.site.pages import (
    Download,
    IndexEntry,
    SitePage,
    accessibility_page,
    index_page,
    municipality_page,
)
from assembler.builders.site.sitemap import absolute, sitemap
from assembler.builders.site.woo import Published, WooDocument, is_record_file, woo_document, woo_files
from assembler.errors import BuildError
from assembler.model.site import SHARED, SiteMember, SiteModel, SiteState
from assembler.naming import sort_key

INDEX = "index.html"
STATEMENT = "toegankelijkheid/index.html"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _size(n: int) -> str:
    return (
        f"{max(1, round(n / 1024))} kB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB".replace(".", ",")
    )


def _is_shared(rel: str) -> bool:
    """A file every page uses (stylesheet, fonts, the index, the statement), not a municipality's."""
    return "/" not in rel or rel.startswith(("assets/", "toegankelijkheid/", "sitemaps/"))


@dataclass(frozen=True)
class MemberFiles:
    files: dict[str, bytes]
    entry: IndexEntry
    gewijzigd: dt.date
    woo: WooDocument | None  # None without a TOOI code: no Woo records


class SiteBuilder(Builder[SiteModel]):
    """Renders the site of one region; an unchanged municipality's page is taken from the previous
    site (context.existing) when its files there are intact."""

    def render(self, model: SiteModel) -> dict[str, bytes]:
        files, state = _Site(model, self.context.existing).build()
        self.context.kept = state.dumps()
        return files

    def check(self, model: SiteModel, name: str, data: bytes) -> None:
        """The site is checked as a whole, links between its pages too, before anything is returned."""


class _Site:
    def __init__(self, model: SiteModel, existing: Callable[[str], bytes | None]) -> None:
        self.model = model
        self.state = model.vorige
        self.today = model.vandaag
        self.existing = existing
        self.base = model.url

    def page(self, root: str, huidige: str, gewijzigd: dt.date, path: str, **values: Any) -> SitePage:
        return SitePage(
            root=root,
            huidige=huidige,
            regio=self.model.regio,
            vt_naam=self.model.veilig_thuis.naam,
            vt_telefoon=self.model.landelijk_telefoon,
            verlaten_naar=self.model.verlaten_naar,
            gewijzigd=gewijzigd,
            url=absolute(self.base, path) if self.base else None,
            **values,
        )

    def _dated(self, key: str, sleutel: str) -> dt.date:
        """The date a page last changed: kept while its key stays the same."""
        old = self.state.paginas.get(key) or {}
        if old.get("sleutel") == sleutel and old.get("datum"):
            return dt.date.fromisoformat(old["datum"])
        return self.today

    def _reuse(self, key: str, sleutel: str) -> dict[str, bytes] | None:
        """The page's files as they are on disk, when its key is unchanged and they are intact."""
        old = self.state.paginas.get(key) or {}
        if old.get("sleutel") != sleutel:
            return None
        files = {}
        for rel, sha in (old.get("bestanden") or {}).items():
            data = self.existing(rel)
            if data is None or _sha(data) != sha:
                return None
            files[rel] = data
        return files or None

    def member_files(self, member: SiteMember) -> MemberFiles | None:
        """The page, downloads and record values of a municipality; None for a concept the region
        does not publish."""
        reused = self._reuse(member.slug, member.sleutel)
        old = self.state.paginas.get(member.slug) or {}
        if reused is not None and "versie" in old and "woo" in old:
            entry = IndexEntry(
                member.naam,
                member.slug,
                old["versie"],
                dt.date.fromisoformat(old["vastgesteld_op"]),
                bool(old.get("concept")),
            )
            if entry.concept and not self.model.concepten_publiceren:
                return None
            woo = WooDocument.from_state(old["woo"])
            return MemberFiles(reused, entry, self._dated(member.slug, member.sleutel), woo)
        model = member.model()
        # A concept comes on the site, marked as one, only when the region file says so.
        if model.is_concept and not self.model.concepten_publiceren:
            return None
        gewijzigd = self._dated(member.slug, member.sleutel)
        files: dict[str, bytes] = {}
        downloads = []
        for offered in member.bestanden:
            path = offered.path
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise BuildError(f"{path} kan niet worden gelezen: {exc.strerror or exc}") from exc
            files[f"{member.slug}/{path.name}"] = data
            downloads.append(Download(offered.label, path.name, offered.soort, _size(len(data))))
        logo_name = None
        if model.logo is not None:
            try:
                logo = model.logo.read_bytes()
            except OSError as exc:
                raise BuildError(f"logo {model.logo} kan niet worden gelezen: {exc.strerror or exc}") from exc
            logo_name = "logo.png" if logo.startswith(b"\x89PNG") else "logo.jpg"
            files[f"{member.slug}/{logo_name}"] = logo
        page = self.page(
            "../",
            "gemeente",
            gewijzigd,
            f"{member.slug}/",
            downloads=tuple(downloads),
        )
        files[f"{member.slug}/index.html"] = municipality_page(model, logo_name, page)
        entry = IndexEntry(model.gemeente, member.slug, model.versie, model.datum, model.is_concept)
        return MemberFiles(files, entry, gewijzigd, woo_document(model))

    def build(self) -> tuple[dict[str, bytes], SiteState]:
        """Every file of the site and the state to keep for next time."""
        members = self.model.gemeenten
        files = site_assets()
        state: dict[str, dict[str, Any]] = {}
        entries, dates = [], []
        published: list[Published] = []
        for member in members:
            made = self.member_files(member)
            if made is None:
                continue
            own, entry, gewijzigd = made.files, made.entry, made.gewijzigd
            files.update(own)
            entries.append(entry)
            dates.append((f"{member.slug}/", gewijzigd))
            if made.woo is not None:
                records = [rel for rel in own if is_record_file(rel.rsplit("/", 1)[-1])]
                published += [Published(rel, made.woo, gewijzigd) for rel in records]
            state[member.slug] = {
                "sleutel": member.sleutel,
                "datum": gewijzigd.isoformat(),
                "versie": entry.versie,
                "vastgesteld_op": entry.vastgesteld_op.isoformat(),
                "concept": entry.concept,
                "woo": made.woo.state() if made.woo else None,
                "bestanden": {rel: _sha(data) for rel, data in own.items()},
            }
        entries.sort(key=lambda e: (sort_key(e.naam), e.slug))
        regio = self.model.regio
        # The index changes with the list and with every page's date; the statement only with the
        # region's settings and the number of pages.
        index_key = _sha(json.dumps([self.model.sleutel, [vars(e) for e in entries], dates], default=str).encode())
        index_date = max([self._dated("_index", index_key), *(d for _, d in dates)])
        files[INDEX] = index_page(
            self.page(
                "",
                "index",
                index_date,
                "",
                titel=f"Routekaarten schadelijke praktijken, regio {regio}",
                beschrijving=(
                    f"De routekaart schadelijke praktijken van elke gemeente in regio {regio}, "
                    "met Veilig Thuis en de zakkaarten."
                ),
            ),
            self.model.kleur,
            self.model.veilig_thuis,
            entries,
            any(m.bestanden for m in members),
        )
        count = len(members) + 2
        statement_key = _sha(json.dumps([self.model.sleutel, count], default=str).encode())
        statement_date = self._dated("_toegankelijkheid", statement_key)
        files[STATEMENT] = accessibility_page(
            self.page(
                "../",
                "toegankelijkheid",
                statement_date,
                "toegankelijkheid/",
                titel=f"Toegankelijkheidsverklaring, regio {regio}",
                beschrijving=f"Hoe toegankelijk de site met routekaarten van regio {regio} is en waar u terecht kunt.",
            ),
            self.model.kleur,
            self.model.verantwoordelijk,
            self.model.email,
            self.model.gecontroleerd_op,
            checks(count),
            count,
        )
        state["_index"] = {"sleutel": index_key, "datum": index_date.isoformat()}
        state["_toegankelijkheid"] = {"sleutel": statement_key, "datum": statement_date.isoformat()}
        if self.base:
            pages = [("", index_date), *dates, ("toegankelijkheid/", statement_date)]
            files["sitemap.xml"] = sitemap(self.base, pages)
            files.update(woo_files(self.base, published, general_sitemap=True))
        state[SHARED] = {"bestanden": {rel: "" for rel in files if _is_shared(rel)}}
        audit(files, self.model.verlaten_naar)
        return files, SiteState(state)
