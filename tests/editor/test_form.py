"""The editor's form comes from the schema: every field has a control with the schema's own help, and a
form posted back untouched gives the data it was drawn from, value for value and type for type."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from assembler.editor.form import Form, apply_action, build_form, controls, read_form, without_empty_rows
from assembler.profile.loader import load_document
from assembler.profile.schema import GEMEENTE, REGIO
from tests.conftest import CONTRACT, FIXTURE_REGION, ROOT
from tests.editor.helpers import drawn, posted

FILES = sorted(
    [*FIXTURE_REGION.rglob("*.yaml"), *(ROOT / "profiles").rglob("*.yaml")]
    + (sorted(CONTRACT.rglob("*.yaml")) if CONTRACT.is_dir() else [])
)


def _leaf_paths(schema: dict[str, Any], prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every single value the schema declares; a list of groups counts with its first row."""
    found = []
    for key, rule in schema.items():
        path = (*prefix, key)
        if rule.get("type") == "dict":
            found += _leaf_paths(rule["schema"], path)
        elif rule.get("type") == "list" and rule.get("schema", {}).get("type") == "dict":
            found += _leaf_paths(rule["schema"]["schema"], (*path, 0))
        else:
            found.append(path)
    return found


def _one_row_everywhere(schema: dict[str, Any]) -> dict[str, Any]:
    """Data with one (empty) row in every list of groups, so the form draws their fields too."""
    data: dict[str, Any] = {}
    for key, rule in schema.items():
        if rule.get("type") == "dict":
            data[key] = _one_row_everywhere(rule["schema"])
        elif rule.get("type") == "list" and rule.get("schema", {}).get("type") == "dict":
            data[key] = [_one_row_everywhere(rule["schema"]["schema"])]
    return data


@pytest.mark.parametrize(("kind", "schema"), [("gemeente", GEMEENTE), ("regio", REGIO)])
def test_every_schema_field_has_a_control_with_the_schemas_own_help(kind: str, schema: dict[str, Any]) -> None:
    """A field another engineer adds to the schema appears in the editor without work there."""
    form = build_form(kind, _one_row_everywhere(schema))
    by_path = {c.path: c for c in controls(form)}
    expected = _leaf_paths(schema)
    assert sorted(map(str, by_path)) == sorted(map(str, expected))
    for path in expected:
        rule: Any = {"schema": schema}
        for part in path:
            rule = rule["schema"] if isinstance(part, int) else rule["schema"][part]
        control = by_path[path]
        assert control.description == rule["meta"]["beschrijving"]
        if "allowed" in rule:
            assert control.kind == "choice" and control.options == tuple(map(str, rule["allowed"]))


def test_fixed_choices_are_dropdowns_and_lists_of_choices_checkboxes() -> None:
    form = build_form("gemeente", load_document(FIXTURE_REGION / "gemeenten" / "brugstad.yaml").data)
    by_name = {c.name: c for c in controls(form)}
    assert by_name["ketenaanpak.regie"].kind == "choice"
    assert by_name["ketenaanpak.regie"].options == ("gemeente", "veilig_thuis", "zorg_en_veiligheidshuis")
    assert by_name["partners.0.type"].kind == "choice"
    assert by_name["partners.0.praktijken"].kind == "choices"
    assert by_name["partners.0.praktijken"].chosen == ("alle",)
    assert by_name["partners.0.telefoon"].kind == "tel"
    assert by_name["document.vastgesteld_op"].kind == "date"
    assert by_name["document.vastgesteld_op"].value == "2026-10-15"
    assert by_name["ketenaanpak.sleutelpersonen"].kind == "boolean"
    assert by_name["document.inleiding"].kind == "area"
    assert by_name["partners.0.telefoon"].example == "0123-456789"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(p.parents[2])))
def test_an_untouched_form_gives_the_data_back(path: Path) -> None:
    data = load_document(path).data
    kind = "regio" if data.get("soort") == "regio" else "gemeente"
    back = read_form(kind, copy.deepcopy(data), Form(drawn(kind, data)))
    assert back == data
    assert _types(back) == _types(data)


def _types(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value).__name__


def _brugstad() -> dict[str, Any]:
    return load_document(FIXTURE_REGION / "gemeenten" / "brugstad.yaml").data


def test_typed_values_come_back_as_the_loader_reads_them() -> None:
    data = _brugstad()
    pairs = drawn("gemeente", data)
    pairs["partners.0.telefoon"] = ["0123-780799"]
    pairs["document.vastgesteld_op"] = ["2026-11-02"]
    pairs["ketenaanpak.sleutelpersonen"] = ["nee"]
    pairs["ketenaanpak.signaleren_en_melden.partners"] = ["wijkteam-brugstad,  ggd-oeverland"]
    pairs["partners.0.praktijken"] = ["", "huwelijksdwang", "eergerelateerd_geweld"]
    pairs["document.herzien_voor"] = ["2027-02-30"]  # no such day: stays text for validation to name
    back = read_form("gemeente", data, Form(pairs))
    assert back["partners"][0]["telefoon"] == "0123-780799"
    assert back["document"]["vastgesteld_op"] == dt.date(2026, 11, 2)
    assert back["ketenaanpak"]["sleutelpersonen"] is False
    assert back["ketenaanpak"]["signaleren_en_melden"]["partners"] == ["wijkteam-brugstad", "ggd-oeverland"]
    assert back["partners"][0]["praktijken"] == ["huwelijksdwang", "eergerelateerd_geweld"]
    assert back["document"]["herzien_voor"] == "2027-02-30"


def test_an_emptied_field_leaves_the_file_and_a_practice_is_chosen_or_not() -> None:
    data = _brugstad()
    pairs = drawn("gemeente", data)
    pairs["partners.0.email"] = [""]
    del pairs["praktijken.huwelijksdwang._gekozen"]
    back = read_form("gemeente", data, Form(pairs))
    assert "email" not in back["partners"][0]
    assert "huwelijksdwang" not in back["praktijken"]
    pairs["praktijken.huwelijksdwang._gekozen"] = ["ja"]
    pairs["praktijken.huwelijksdwang.prioriteit"] = [""]
    back = read_form("gemeente", data, Form(pairs))
    assert back["praktijken"]["huwelijksdwang"] == {}


def test_rows_are_added_moved_and_removed() -> None:
    data = _brugstad()
    ids = [p["id"] for p in data["partners"]]
    data, focus = apply_action("gemeente", data, "toevoegen:partners")
    assert data["partners"][-1] == {} and focus == f"partners.{len(ids)}.id"
    assert [p.get("id") for p in without_empty_rows(data)["partners"]] == ids
    data, focus = apply_action("gemeente", data, "omlaag:partners.0")
    assert [p.get("id") for p in data["partners"][:2]] == [ids[1], ids[0]] and focus == "partners.1.omlaag"
    data, _ = apply_action("gemeente", data, "omhoog:partners.1")
    data, focus = apply_action("gemeente", data, "verwijderen:partners.0")
    assert [p.get("id") for p in data["partners"]][: len(ids) - 1] == ids[1:]
    assert focus == "partners.toevoegen"
    data, _ = apply_action("gemeente", data, "toevoegen:document.geschiedenis")
    assert data["document"]["geschiedenis"] == [{}]
    # What the form does not offer is ignored.
    same, focus = apply_action("gemeente", copy.deepcopy(data), "verwijderen:naam.0")
    assert same == data and focus is None


def test_a_row_posted_from_its_old_place_keeps_its_untouched_values() -> None:
    """Rows are read by their marker, so a row's fields the form does not show (unknown keys) stay with it."""
    data = _brugstad()
    data["partners"][1]["extra_veld"] = "blijft"
    form = build_form("gemeente", data)
    pairs = posted(form)
    back = read_form("gemeente", data, Form(pairs))
    assert back["partners"][1]["extra_veld"] == "blijft"
