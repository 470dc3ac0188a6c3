"""The regional outputs of a batch rendered and read back: the regional routekaart as Word and
as PDF, and the overview workbook (which of them: model/region.py, regional_outputs)."""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Made:
    """One regional output: its bytes, and how long rendering and reading it back took."""

    data: bytes
    seconds: float


def _timed(make: Callable[[RegionModel], bytes], model: RegionModel) -> Made:
    started = time.perf_counter()
    data = make(model)
    return Made(data, time.perf_counter() - started)


def _docx(model: RegionModel) -> bytes:
    data = region_docx.render(model, overview_name(model.slug))
    region_docx.check(data, model)
    return data


def _pdf(model: RegionModel) -> bytes:
    data = region_pdf.render(model, overview_name(model.slug))
    region_pdf.check(data, model, pdf_document_name(model.slug).rsplit("/", 1)[-1])
    return data


def _sheet(model: RegionModel) -> bytes:
    data = overview.render(model)
    overview.check(data, model)
    return data


def render_regional(
    region: Region,
    entries: Sequence[MunicipalityEntry],
    failed: Sequence[FailedEntry],
    today: dt.date,
    changes: Sequence[ChangeRow],
    names: Sequence[str],
    parallel: bool = True,
) -> dict[str, Made]:
    """Every regional output in `names`, rendered and read back; nothing is written here.

    With `parallel` the PDF, the slowest, is drawn on a second core (assembler/forked.py)
    while the Word file and the workbook are made; the bytes are the same either way.
    """
    content = national_content()
    vt, partners = tailor_region(region.data, content)
    model = region_model(
        region.naam, vt, partners, entries, failed, content, today, region.warnings, changes=changes
    )
    makers = {
        document_name(model.slug): _docx,
        overview_name(model.slug): _sheet,
        pdf_document_name(model.slug): _pdf,
    }
    pdf_name = pdf_document_name(model.slug)
    aside = parallel and pdf_name in names
    made: dict[str, Made] = {}
    with Forked(lambda: _timed(_pdf, model)) if aside else contextlib.nullcontext() as pending:
        for name in names:
            if not (aside and name == pdf_name):
                made[name] = _timed(makers[name], model)
        if pending is not None:
            made[pdf_name] = pending.result()
    return {name: made[name] for name in names}
