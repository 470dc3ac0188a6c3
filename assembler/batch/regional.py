"""The regional outputs of a batch rendered and read back: the regional routekaart as Word and
as PDF, and the overview workbook (which of them: model/region.py, regional_outputs)."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence

from assembler.builders.region import document as region_docx
from assembler.builders.region import overview
from assembler.builders.region import pdf as region_pdf
from assembler.forked import Forked
from assembler.model.region import (
    ChangeRow,
    FailedEntry,
    MunicipalityEntry,
    RegionModel,
    document_name,
    overview_name,
    pdf_document_name,
    region_model,
)
from assembler.model.tailor import tailor_region
from assembler.national import national_content
from assembler.profile.reading import Region


def _pdf(model: RegionModel) -> bytes:
    data = region_pdf.render(model, overview_name(model.slug))
    region_pdf.check(data, model, pdf_document_name(model.slug).rsplit("/", 1)[-1])
    return data


def render_regional(
    region: Region,
    entries: Sequence[MunicipalityEntry],
    failed: Sequence[FailedEntry],
    today: dt.date,
    changes: Sequence[ChangeRow],
    names: Sequence[str],
    parallel: bool = True,
) -> dict[str, bytes]:
    """Every regional output in `names`, rendered and read back; nothing is written here.

    With `parallel` the PDF, the slowest, is drawn on a second core (assembler/forked.py)
    while the Word file and the workbook are made; the bytes are the same either way.
    """
    content = national_content()
    vt, partners = tailor_region(region.data, content)
    model = region_model(
        region.naam, vt, partners, entries, failed, content, today, region.warnings, changes=changes
    )
    pdf_name = pdf_document_name(model.slug)
    rendered: dict[str, bytes] = {}
    aside = pdf_name in names and parallel
    with Forked(lambda: _pdf(model)) if aside else contextlib.nullcontext() as pending:
        if document_name(model.slug) in names:
            document = region_docx.render(model, overview_name(model.slug))
            region_docx.check(document, model)
            rendered[document_name(model.slug)] = document
        sheet = overview.render(model)
        overview.check(sheet, model)
        rendered[overview_name(model.slug)] = sheet
        if pdf_name in names:
            rendered[pdf_name] = pending.result() if pending is not None else _pdf(model)
    return {name: rendered[name] for name in names}
