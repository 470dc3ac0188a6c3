"""Export then import without edits leaves every example and contract YAML byte-identical."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from assembler.fonts import unprintable
from assembler.pipeline.workbook_import import import_workbook
from assembler.profile.loader import load_document
from tests.conftest import CONTRACT, EXAMPLE_REGION, needs_contract
from tests.profile.workbook_kit import copy_region, export

FILES = [
    "regio.yaml",
    *(f"gemeenten/{p.name}" for p in sorted((EXAMPLE_REGION / "gemeenten").glob("*.yaml"))),
]


def _round_trip(region: Path, name: str) -> None:
    target = region / name
    before = target.read_bytes()
    result = import_workbook(export(target), target)
    assert result.changes == ()
    assert target.read_bytes() == before


@pytest.mark.parametrize("name", FILES)
def test_example_region_unchanged(tmp_path: Path, name: str) -> None:
    _round_trip(copy_region(EXAMPLE_REGION, tmp_path), name)


@needs_contract
def test_contract_region_unchanged(tmp_path: Path) -> None:
    region = copy_region(CONTRACT, tmp_path)
    names = ["regio.yaml", *(f"gemeenten/{p.name}" for p in sorted((region / "gemeenten").glob("*.yaml")))]
    assert len(names) > 1
    for name in names:
        _round_trip(region, name)


PRACTICES = [
    "vrouwelijke_genitale_verminking",
    "huwelijksdwang",
    "gedwongen_achterlating",
    "eergerelateerd_geweld",
]
# Only text the shipped fonts print: validate refuses the rest, whatever the workbook says.
plain = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")), min_size=1, max_size=40
).filter(lambda s: s.strip() == s and s and not unprintable(s))
ids = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
phones = st.sampled_from(["0800-2000", "0900-8844", "112", "020-5551234", "+31 20 555 1234"])
partner = st.fixed_dictionaries(
    {"id": ids, "naam": plain, "type": st.sampled_from(["politie", "ggz", "overig"])},
    optional={
        "rol": st.one_of(plain, plain.map(lambda s: s + "\nen verder\n")),
        "praktijken": st.lists(st.sampled_from([*PRACTICES, "alle"]), max_size=3, unique=True),
        "telefoon": phones,
        "email": st.sampled_from(["a@b.example", "info@test.example"]),
        "gecontroleerd_op": st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)),
    },
)
edition = st.fixed_dictionaries(
    {"versie": st.sampled_from(["2025.1", "1", "v2", "2024.10"]), "datum": st.dates(dt.date(2015, 1, 1))},
    optional={"samenvatting": st.one_of(plain, plain.map(lambda s: s + "\nen meer\n"))},
)
practice = st.one_of(
    st.none(),
    st.builds(dict),
    st.fixed_dictionaries(
        {},
        optional={
            "prioriteit": st.sampled_from(["hoog", "laag"]),
            # Local texts run to paragraphs: blank lines and indented lines inside a block.
            "lokale_situatie": st.one_of(plain, st.tuples(plain, plain).map("\n\n  ".join)),
        },
    ),
)
profiles = st.fixed_dictionaries(
    {
        "schema_versie": st.just(1),
        "soort": st.just("gemeente"),
        "naam": plain,
        "document": st.fixed_dictionaries(
            {
                "versie": st.sampled_from(["1", "2026.1", "v3"]),
                "vastgesteld_op": st.dates(dt.date(2020, 1, 1), dt.date(2026, 1, 1)),
                "eigenaar": st.fixed_dictionaries({"naam": plain}, optional={"telefoon": phones}),
            },
            optional={"geschiedenis": st.lists(edition, max_size=3)},
        ),
        "praktijken": st.dictionaries(st.sampled_from(PRACTICES), practice, min_size=1),
    },
    optional={
        "partners": st.lists(partner, max_size=3, unique_by=lambda p: p["id"]),
        "ketenaanpak": st.fixed_dictionaries(
            {}, optional={"sleutelpersonen": st.booleans(), "regie": st.just("gemeente")}
        ),
        "kaarten": st.fixed_dictionaries(
            {}, optional={"formaat": st.just("a6"), "doelgroepen": st.builds(list)}
        ),
    },
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=profiles)
def test_generated_profiles_unchanged(tmp_path_factory: pytest.TempPathFactory, data: dict) -> None:
    folder = tmp_path_factory.mktemp("gen")
    target = folder / "profiel.yaml"
    yaml = YAML()
    yaml.allow_unicode = True
    with target.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    before = target.read_bytes()
    raw = load_document(target).data
    result = import_workbook(export(target), target, today=dt.date(2026, 11, 1))
    assert result.changes == ()
    assert target.read_bytes() == before
    assert load_document(target).data == raw
