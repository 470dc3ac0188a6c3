"""The fixture region as a regional model, built without a batch: its entries and helpers to vary it."""

from __future__ import annotations

import datetime as dt

import pytest

from assembler.batch.manifest import relative
from assembler.model.region import (
    FailedEntry,
    MunicipalityEntry,
    RegionModel,
    entry_from,
    from_data,
    region_colour,
    region_model,
    to_data,
)
from assembler.model.tailor import tailor, tailor_region
from assembler.national import national_content
from assembler.profile.reading import Region, load_profile, load_region
from tests.conftest import FIXTURE_REGION

TODAY = dt.date(2026, 11, 20)
OVERVIEW = "overzicht-oeverland.xlsx"


def fixture_region() -> Region:
    return load_region(FIXTURE_REGION / "regio.yaml", display="regio.yaml", today=TODAY)


def model_of(entries: list[MunicipalityEntry], failed: list[FailedEntry]) -> RegionModel:
    """The fixture region's model with these municipalities built and these failed."""
    region = fixture_region()
    content = national_content()
    vt, partners = tailor_region(region.data, content)
    return region_model(
        region.naam, region_colour(region.data), vt, partners, entries, failed, content, TODAY, region.warnings
    )


def renamed(entry: MunicipalityEntry, name: str) -> MunicipalityEntry:
    data = to_data(entry)
    data["naam"] = name
    return from_data(MunicipalityEntry, data)


@pytest.fixture(scope="module")
def entries() -> list[MunicipalityEntry]:
    """The four municipalities of the fixture region, as a batch records them."""
    region = fixture_region()
    content = national_content()
    found = []
    for path in region.municipalities:
        display = relative(path, FIXTURE_REGION)
        profile = load_profile(path, display=display, region=region, today=TODAY)
        found.append(entry_from(tailor(profile, content), content, profile.warnings, display, region.display))
    return found


@pytest.fixture(scope="module")
def model(entries: list[MunicipalityEntry]) -> RegionModel:
    return model_of(entries, [])
