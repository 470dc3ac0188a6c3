"""The ODF package: meta.xml with the title, language and the document's own date, and the zip
written by assembler/zips.py with `mimetype` first and stored, every member on that date."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from odfdo import Document

from assembler.builders.word.finish import document_time
from assembler.model.routekaart import Routekaart
from assembler.zips import STORED_SUFFIXES, ZipWriter

LANGUAGE = "nl-NL"
# ODF 1.3 (OASIS, 2021), which LibreOffice 7 and Word write and read; odfdo stamps its parts 1.4,
# a version older office suites warn about. Nothing in the edition needs 1.4.
ODF_VERSION = b"1.3"
_VERSION = re.compile(rb'((?:office|manifest):version=")1\.4(")')
GENERATOR = "Routekaart toolkit (assembler)"
MIMETYPE = "mimetype"
FIRST = (MIMETYPE, "content.xml", "styles.xml", "meta.xml", "settings.xml")
MANIFEST = "META-INF/manifest.xml"
# Parts of odfdo's blank document that say nothing about this one: a stranger's thumbnail and
# LibreOffice's empty user-interface folders.
DROPPED = ("Thumbnails/", "Configurations2/")


def set_meta(document: Document, model: Routekaart) -> None:
    meta = document.meta
    when = document_time(model).replace(tzinfo=None)
    meta.title = model.titel_volledig
    meta.subject = f"Ketenaanpak schadelijke praktijken in {model.gemeente}"
    meta.description = f"Versie {model.versie}. {model.status_tekst}."
    meta.language = LANGUAGE
    meta.generator = GENERATOR
    meta.initial_creator = model.eigenaar.naam
    meta.creator = model.eigenaar.naam
    meta.creation_date = when
    meta.date = when
    meta.editing_cycles = 1
    meta.editing_duration = dt.timedelta(0)
    meta.keywords = ", ".join(model.trefwoorden)
    meta.set_user_defined_metadata("Versie", model.versie)
    meta.set_user_defined_metadata("Status", model.status)
    statistic = meta.get_element("//meta:document-statistic")
    if statistic is not None and statistic.parent is not None:
        statistic.parent.delete(statistic)  # the blank document's counts; Writer recounts on opening


def _drop_parts(document: Document) -> None:
    container = document.container
    if container is None:
        raise ValueError("odfdo's document has no container")
    manifest = document.manifest
    for path in list(container.parts):
        if path.startswith(DROPPED) or path == "manifest.rdf":
            container.del_part(path)
    for path in manifest.get_paths():
        if path.startswith(DROPPED) or path == "manifest.rdf":
            manifest.del_full_path(path)


def package_bytes(document: Document, model: Routekaart) -> bytes:
    """The .odt's bytes: the same model gives the same bytes, whenever and wherever it is built."""
    set_meta(document, model)
    _drop_parts(document)
    saved = io.BytesIO()
    document.save(saved)
    when = document_time(model)
    writer = ZipWriter(when, stored=(MIMETYPE, *STORED_SUFFIXES))
    with zipfile.ZipFile(saved) as source:
        names = [n for n in source.namelist() if not n.startswith(DROPPED) and n != "manifest.rdf"]
        ordered = [n for n in FIRST if n in names]
        ordered += sorted(n for n in names if n not in ordered and n != MANIFEST)
        ordered += [MANIFEST]
        for name in ordered:
            data = source.read(name)
            if name.endswith(".xml"):
                # The manifest names the version twice (its root and "/"); they must agree.
                data = _VERSION.sub(
                    rb"\g<1>" + ODF_VERSION + rb"\g<2>", data, count=0 if name == MANIFEST else 1
                )
            writer.add(name, data)
    return writer.close()
