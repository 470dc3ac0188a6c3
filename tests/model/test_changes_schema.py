"""`assembler wijzigingen` sees a change to every field of the schema: generated from the schema itself.

A complete region and municipality are written from the schema's own examples (every field filled
in, two items in every list). Then each field of the schema in turn gets another valid value (and,
where it is optional, is taken out), and the change report between the two editions must say so.
A field added to the schema later is in this test at once; the report names a field no comparison
describes in words by its place in the profile (model/changes.py, `unclaimed`).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from assembler.model.changes import GEMEENTE_FIELDS, REGIO_FIELDS, compare_profiles, compare_regions
from assembler.national import national_content
from assembler.pipeline.compare import compare_files
from assembler.profile.loader import Document
from assembler.profile.reading import load_profile, load_region
from assembler.profile.schema import GEMEENTE, REGIO, leaf_patterns
from assembler.resources import template_path
from tests.conftest import FIXTURE_REGION
from tests.schema_examples import example, rule_at

TODAY = dt.date(2026, 11, 20)
MUNICIPALITY = "gemeenten/rivierstad.yaml"

# Fields whose value cannot differ between two editions that can be compared.
FIXED = {
    "schema_versie": "the schema allows one version",
    "soort": "wijzigingen refuses a municipality against a region (tested in test_changes.py)",
}
# An optional field that goes only together with another: an adopted edition needs its date.
ALSO_REMOVE = {"document.vastgesteld_op": ("document.status",)}
# Optional fields whose removal changes nothing a reader sees, with the reason.
SILENT_REMOVAL = {
    "document.status": "without a status it follows from vastgesteld_op: still 'vastgesteld'",
}


def other(pattern: str, rule: dict[str, Any], value: Any) -> Any:
    """Another valid value for a field, of the kind its rule asks for."""
    meta = rule.get("meta", {})
    if "allowed" in rule:
        return next(o for o in rule["allowed"] if o != value)
    if rule.get("type") == "list":
        allowed = rule.get("schema", {}).get("allowed")
        if allowed:
            return [o for o in allowed if o not in value][:2]
        if pattern == "gemeenten":
            return [*value, "gemeenten/tweede.yaml"]
        return ["tweede-partner"]  # a chain step's partners
    if rule.get("type") == "boolean":
        return not value
    if rule.get("type") == "date":
        return dt.date.fromisoformat(str(value)) - dt.timedelta(days=1)
    check = rule.get("check_with")
    if check == "phone":
        return "020-7654321"
    if check == "email":
        return "ander.adres@gemeente.example"
    if check == "url" and pattern.endswith("controles.*.pagina"):
        return f"{str(value).rstrip('/')}/contact"  # a check counts only on the organisation's own site
    if check == "url":
        return "https://www.ander.example/pagina"
    if check == "color":
        return "#2A6041"
    if check == "tooi_code":
        return "gm0599"
    if pattern.endswith("akkoorden.*.partner"):
        return "tweede-partner"
    if pattern == "ketenaanpak.coordinator":
        return "tweede-partner"
    if pattern.endswith("id"):
        return "andere-sleutel"
    if pattern in ("regio", "logo", "sjabloon"):
        stem, dot, suffix = str(value).rpartition(".")
        return f"{stem}-2{dot}{suffix}"
    assert "maxlength" in rule or "empty" in rule or meta, pattern
    return f"{value} (bijgewerkt)"


def put(data: dict[str, Any], pattern: str, value: Any, remove: bool = False) -> None:
    """Set (or remove) the field; in a list, the last item (the second partner, the older edition)."""
    parts = pattern.split(".")
    node: Any = data
    for part in parts[:-1]:
        node = node[-1] if part == "*" else node[part]
    if remove:
        del node[parts[-1]]
    else:
        node[parts[-1]] = value


def get(data: dict[str, Any], pattern: str) -> Any:
    node: Any = data
    for part in pattern.split("."):
        node = node[-1] if part == "*" else node[part]
    return node


def dump(data: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    stream = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, stream)
    path.write_text(stream.getvalue(), encoding="utf-8")


def complete() -> tuple[dict[str, Any], dict[str, Any]]:
    """The region and its municipality with every field filled in, as the schema's examples give them."""
    region = example({"type": "dict", "schema": REGIO})
    municipality = example({"type": "dict", "schema": GEMEENTE})
    region["gemeenten"] = [MUNICIPALITY]
    region["site"]["gecontroleerd_op"] = "2026-11-01"
    for data in (region, municipality):
        for partner in data["partners"]:
            partner["gecontroleerd_op"] = (TODAY - dt.timedelta(days=30)).isoformat()
        data["veilig_thuis"]["gecontroleerd_op"] = (TODAY - dt.timedelta(days=30)).isoformat()
    municipality["regio"] = "../regio.yaml"
    return region, municipality


def tree(folder: Path, region: dict[str, Any], municipality: dict[str, Any]) -> Path:
    """A region folder with its files: the region, the municipality, a second one, logos, templates."""
    dump(region, folder / "regio.yaml")
    shutil.copy(folder / "regio.yaml", folder / "regio-2.yaml")
    dump(municipality, folder / MUNICIPALITY)
    second = {**copy.deepcopy(municipality), "naam": "Tweede"}
    dump(second, folder / "gemeenten" / "tweede.yaml")
    for name in ("logo.png", "logo-2.png"):
        shutil.copy(FIXTURE_REGION / "logo-brugstad.png", folder / "gemeenten" / name)
    for name in ("eigen-sjabloon.docx", "eigen-sjabloon-2.docx"):
        shutil.copy(template_path("routekaart.docx"), folder / "gemeenten" / name)
    return folder


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The old and the new edition's folders; the tests change the new one's data in memory."""
    region, municipality = complete()
    base = tmp_path_factory.mktemp("wijzigingen")
    old = tree(base / "oud", region, municipality)
    new = tree(base / "nieuw", region, municipality)
    unchanged = compare_files(old / "regio.yaml", new / "regio.yaml", TODAY)
    assert unchanged.changes == (), unchanged.changes
    return old, new


def _read(
    folder: Path, region: dict[str, Any], municipality: dict[str, Any], own_region: bool
) -> tuple[Any, Any]:
    """The region and the municipality as `wijzigingen` reads them, from data instead of YAML text
    (which would take most of the test's time); the files beside them (logo, template, a second
    region) are on disk."""
    where = folder / "regio.yaml"
    read = load_region(where, today=TODAY, document=Document(where, str(where), copy.deepcopy(region)))
    where = folder / MUNICIPALITY
    doc = Document(where, str(where), copy.deepcopy(municipality))
    return read, load_profile(where, today=TODAY, document=doc, region=read if own_region else None)


def compared(editions: tuple[Path, Path], which: str, pattern: str, remove: bool = False) -> list[str]:
    """The change report, in sentences, after changing (or removing) one field in the new edition."""
    old, new = editions
    region, municipality = complete()
    alone = remove and which == "gemeente" and pattern != "regio"
    if alone:
        # Without a region: a field taken out is gone, not inherited from the region's equal example.
        del municipality["regio"]
    before = _read(old, region, municipality, not alone)
    data = region if which == "regio" else municipality
    schema = REGIO if which == "regio" else GEMEENTE
    value = get(data, pattern)
    put(data, pattern, None if remove else other(pattern, rule_at(schema, pattern), value), remove)
    for also in ALSO_REMOVE.get(pattern, ()) if remove else ():
        put(data, also, None, remove=True)
    if pattern.endswith("controles.*.organisatie") and not remove:
        # A check of another organisation is of its number, on its own page.
        org = national_content().organisation(str(get(data, pattern)))
        put(data, pattern.replace("organisatie", "nummer"), str(org.telefoon))
        put(data, pattern.replace("organisatie", "pagina"), org.bron)
    after = _read(new, region, municipality, not alone and pattern != "regio")
    labels = national_content()
    if which == "regio":
        return [c.text for c in compare_regions(before[0].data, after[0].data, labels)]
    return [c.text for c in compare_profiles(before[1].data, after[1].data, labels)]


def _check(texts: list[str], pattern: str, unclaimed: tuple[str, ...], new: Any = None) -> None:
    assert texts, f"{pattern}: geen wijziging gemeld"
    if pattern not in unclaimed:
        # A field the report knows is named in a policy officer's words, not by its place.
        assert not any(": veld " in t for t in texts), texts
    if isinstance(new, str) and ("@" in new or new.startswith(("https://", "020-"))):
        assert any(new in t for t in texts), (pattern, texts)


def _fields(schema: dict[str, Any]) -> list[str]:
    return [f for f in leaf_patterns(schema) if f not in FIXED]


@pytest.mark.parametrize("pattern", _fields(GEMEENTE))
def test_every_municipality_field_changed_is_reported(editions: tuple[Path, Path], pattern: str) -> None:
    _, municipality = complete()
    new = other(pattern, rule_at(GEMEENTE, pattern), get(municipality, pattern))
    _check(compared(editions, "gemeente", pattern), pattern, GEMEENTE_FIELDS, new)


@pytest.mark.parametrize("pattern", _fields(REGIO))
def test_every_region_field_changed_is_reported(editions: tuple[Path, Path], pattern: str) -> None:
    region, _ = complete()
    new = other(pattern, rule_at(REGIO, pattern), get(region, pattern))
    _check(compared(editions, "regio", pattern), pattern, REGIO_FIELDS, new)


def _optional(schema: dict[str, Any]) -> list[str]:
    """Fields a user may leave out that have no default to take their place."""
    found = []
    for pattern in _fields(schema):
        rule = rule_at(schema, pattern)
        if not rule.get("required") and "standaard" not in rule.get("meta", {}):
            found.append(pattern)
    return found


@pytest.mark.parametrize("pattern", _optional(GEMEENTE))
def test_every_optional_municipality_field_removed_is_reported(
    editions: tuple[Path, Path], pattern: str
) -> None:
    texts = compared(editions, "gemeente", pattern, remove=True)
    if pattern in SILENT_REMOVAL:
        assert texts == []
        return
    _check(texts, pattern, GEMEENTE_FIELDS)


@pytest.mark.parametrize("pattern", _optional(REGIO))
def test_every_optional_region_field_removed_is_reported(editions: tuple[Path, Path], pattern: str) -> None:
    _check(compared(editions, "regio", pattern, remove=True), pattern, REGIO_FIELDS)


def test_a_handvat_status_change_reads_as_policy_officers_say_it(editions: tuple[Path, Path]) -> None:
    old, new = editions
    region, municipality = complete()
    municipality["handvatten"]["nazorg_vgv"]["status"] = "geregeld"
    tree(new, region, municipality)
    texts = [c.text for c in compare_files(old / MUNICIPALITY, new / MUNICIPALITY, TODAY).changes]
    assert texts == ["Handvat Zorg na VGV: status gewijzigd van in ontwikkeling in geregeld."]


def test_a_municipality_joining_the_region_is_named_by_its_name(editions: tuple[Path, Path]) -> None:
    old, new = editions
    region, municipality = complete()
    region["gemeenten"].append("gemeenten/tweede.yaml")
    tree(new, region, municipality)
    comparison = compare_files(old / "regio.yaml", new / "regio.yaml", TODAY)
    assert [c.text for c in comparison.changes] == [f"Regio {region['naam']}: gemeente toegevoegd: Tweede."]


def test_a_field_no_comparison_describes_is_still_reported_by_its_place() -> None:
    from assembler.model.changes import unclaimed

    old = {"document": {"landelijke_versie": "2026.2"}, "partners": [{"id": "a", "akkoord": {"versie": "1"}}]}
    new = {"document": {"landelijke_versie": "2026.4"}, "partners": [{"id": "a", "akkoord": {"versie": "2"}}]}
    texts = [
        c.text
        for c in unclaimed(old, new, ("document.landelijke_versie", "partners.*.akkoord.versie"), "Testdam")
    ]
    assert texts == [
        "Testdam: veld document.landelijke_versie gewijzigd van 2026.2 in 2026.4.",
        "Testdam: veld partners[a].akkoord.versie gewijzigd van 1 in 2.",
    ]
