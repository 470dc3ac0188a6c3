"""Region inheritance as a pure function: region defaults and partners under a municipality's own values."""

from __future__ import annotations

import copy
from typing import Any

from assembler.profile.schema import defaults

REGIONAL = "regio"
LOCAL = "lokaal"
# Where a choice the municipality did not write itself comes from.
FROM_REGION = "regio"
FROM_SCHEMA = "standaard"


def deep_merge(base: Any, override: Any) -> Any:
    """``override`` wins field by field; mappings merge recursively, anything else is replaced."""
    if override is None:
        return copy.deepcopy(base)
    if isinstance(base, dict) and isinstance(override, dict):
        merged = copy.deepcopy(base)
        for key, value in override.items():
            merged[key] = deep_merge(base.get(key), value) if key in base else copy.deepcopy(value)
        return merged
    return copy.deepcopy(override)


def merge_partners(regional: list[dict[str, Any]], local: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Regional partners first, then local ones; a local partner with a regional id replaces it in place."""
    local_by_id = {p["id"]: p for p in local}
    merged = [
        {
            **copy.deepcopy(local_by_id.get(p["id"], p)),
            "herkomst": LOCAL if p["id"] in local_by_id else REGIONAL,
        }
        for p in regional
    ]
    regional_ids = {p["id"] for p in regional}
    merged.extend({**copy.deepcopy(p), "herkomst": LOCAL} for p in local if p["id"] not in regional_ids)
    return merged


def with_defaults(data: dict[str, Any]) -> dict[str, Any]:
    """The schema's defaults (its `standaard` values) wherever neither the profile nor its region set one."""
    for (section, name), value in defaults().items():
        fields = data.get(section)
        if fields is None:
            fields = data[section] = {}
        if fields.get(name) is None:
            fields[name] = copy.deepcopy(value)
    return data


def origins(gemeente: dict[str, Any], region: dict[str, Any] | None) -> dict[str, str]:
    """'section.field' -> 'regio' or 'standaard' for each choice the municipality left to its region's
    `standaard` or to the schema's default; its own choices are not listed."""
    found: dict[str, str] = {}
    regional = (region or {}).get("standaard") or {}
    sections = {section for section, _ in defaults()} | {
        k for k, v in regional.items() if isinstance(v, dict)
    }
    for section in sorted(sections):
        own = gemeente.get(section)
        own = own if isinstance(own, dict) else {}
        region_section = regional.get(section)
        region_section = region_section if isinstance(region_section, dict) else {}
        names = set(region_section) | {name for s, name in defaults() if s == section}
        for name in sorted(names):
            if own.get(name) is not None:
                continue
            if region_section.get(name) is not None:
                found[f"{section}.{name}"] = FROM_REGION
            elif (section, name) in defaults():
                found[f"{section}.{name}"] = FROM_SCHEMA
    return found


def document_status(document: dict[str, Any]) -> str:
    """'concept' or 'vastgesteld': as written, else adopted exactly when an adoption date is given."""
    status = document.get("status")
    if status in ("concept", "vastgesteld"):
        return str(status)
    return "vastgesteld" if document.get("vastgesteld_op") else "concept"


def resolve(gemeente: dict[str, Any], region: dict[str, Any] | None) -> dict[str, Any]:
    """The municipality's data with everything it inherits from its region, then the defaults, filled in;
    ``document.status`` is always set."""
    resolved = _resolve(gemeente, region)
    if isinstance(resolved.get("document"), dict):
        resolved["document"]["status"] = document_status(resolved["document"])
    return resolved


def _resolve(gemeente: dict[str, Any], region: dict[str, Any] | None) -> dict[str, Any]:
    if region is None:
        resolved = copy.deepcopy(gemeente)
        resolved["partners"] = merge_partners([], gemeente.get("partners") or [])
        return with_defaults(resolved)
    resolved = copy.deepcopy(gemeente)
    for key, value in (region.get("standaard") or {}).items():
        resolved[key] = deep_merge(value, gemeente.get(key))
    resolved["veilig_thuis"] = deep_merge(region["veilig_thuis"], gemeente.get("veilig_thuis"))
    resolved["partners"] = merge_partners(region.get("partners") or [], gemeente.get("partners") or [])
    resolved["regio_naam"] = region["naam"]
    # The region's checks of national numbers hold for every municipality; its own come after them.
    resolved["controles"] = [*(region.get("controles") or []), *(gemeente.get("controles") or [])]
    site_url = (region.get("site") or {}).get("url")
    if site_url:
        resolved["regio_site_url"] = site_url
    return with_defaults(resolved)
