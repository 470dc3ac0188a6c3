"""The regional outputs of a batch: the regional model made once, then every regional output the
registry lists for the formats asked (builders/registry.py, `regional`), rendered and read back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assembler.batch.manifest import Record, dated, dumps, sha256_bytes
from assembler.batch.plan import Item
from assembler.batch.worker import Outcome
from assembler.builders.base import BuildContext
from assembler.builders.registry import Entry
from assembler.model.region import (
    ChangeRow,
    FailedEntry,
    MunicipalityEntry,
    RegionModel,
    failed_entry,
    region_colour,
    region_model,
)
from assembler.model.tailor import tailor_region
from assembler.national import national_content
from assembler.pipeline.produce import Made, produce
from assembler.profile.reading import Region


def regional_model(
    region: Region,
    entries: Sequence[MunicipalityEntry],
    failed: Sequence[FailedEntry],
    today: dt.date,
    changes: Sequence[ChangeRow] = (),
) -> RegionModel:
    """The region as its outputs show it: Veilig Thuis, partners, colour and every municipality."""
    content = national_content()
    vt, partners = tailor_region(region.data, content)
    return region_model(
        region.naam,
        region_colour(region.data),
        vt,
        partners,
        entries,
        failed,
        content,
        today,
        region.warnings,
        changes=changes,
    )


def render_regional(model: RegionModel, outputs: Sequence[Entry], parallel: bool = True) -> dict[str, Made]:
    """Every regional output asked, by its name in the registry; nothing is written here.

    With `parallel` the PDF, the slowest, is drawn on a second core while the Word file
    and the workbook are made; the bytes are the same either way.
    """
    return produce([e.name for e in outputs], model, BuildContext(), parallel=parallel)


def change_rows(
    previous: Mapping[str, Record], records: Mapping[str, Record], built: set[str], items: Sequence[Item]
) -> list[tuple[str, str, str]]:
    """Per municipality built this run, what changed since the previous run into this folder."""
    if not previous:
        return []  # a first run has nothing to compare with
    from assembler.model.changes import compare_profiles
    from assembler.model.sheets import compare_content

    content = national_content()
    rows: list[tuple[str, str, str]] = []
    for item in items:
        record = records.get(item.display)
        if item.display not in built or record is None:
            continue
        before = previous.get(item.display)
        # Built here for the first time (also the rest of an interrupted first run): nothing
        # to compare with, and a finished rerun must equal an uninterrupted run byte for byte.
        if before is None or not before.vergelijk or not record.vergelijk:
            continue
        changes = compare_content(
            before.toolkit.get("landelijke_inhoud"), record.toolkit.get("landelijke_inhoud")
        )
        changes += compare_profiles(dated(before.vergelijk), dated(record.vergelijk), content)
        rows += [(record.gemeente, c.subject, c.text) for c in changes]
    listed = {i.display for i in items}
    rows += [
        (r.gemeente, r.gemeente, "Niet meer in het regiobestand.")
        for d, r in previous.items()
        if d not in listed
    ]
    return rows


@dataclass(frozen=True)
class Inputs:
    """Everything the regional outputs are made from, as the run knows it."""

    toolkit: dict[str, str]
    region: Region
    region_sha: str
    items: Sequence[Item]
    records: Mapping[str, Record]
    failures: Mapping[str, Outcome]
    changes: Sequence[tuple[str, str, str]]

    def key(self) -> str:
        """Equal keys mean equal regional documents."""
        parts: list[dict[str, Any]] = []
        for item in self.items:
            failure = self.failures.get(item.display)
            if failure is not None:
                problems = [p.format() for p in failure.problemen]
                parts.append({"mislukt": [item.naam, item.display, failure.reden, problems]})
            else:
                parts.append({"gemaakt": self.records[item.display].inhoud})
        data = {
            "toolkit": self.toolkit,
            "regio": self.region_sha,
            "regio_problemen": [p.format() for p in self.region.warnings],
            "gemeenten": parts,
            # The sheet lists this run's changes: an unchanged rerun must empty it again.
            "wijzigingen": list(self.changes),
        }
        return sha256_bytes(dumps(data))

    def model(self, today: dt.date) -> RegionModel:
        """The regional model: the built municipalities from their records, the failed ones with why."""
        from assembler.model.region import from_data

        entries, failed = [], []
        for item in self.items:
            failure = self.failures.get(item.display)
            if failure is not None:
                failed.append(failed_entry(item.naam, item.display, failure.reden or "", failure.problemen))
            else:
                entries.append(from_data(MunicipalityEntry, self.records[item.display].gegevens))
        return regional_model(self.region, entries, failed, today, [ChangeRow(*row) for row in self.changes])
