"""The editor's form, laid out from the schema, and a submitted form read back into raw profile data.

Every field of the schema becomes one control with the schema's own Dutch description and
example; nothing here repeats a help text. A form is read back onto a copy of the data it
was drawn from: a value the user did not touch keeps its YAML type and spelling, and keys
the schema does not know stay (validation names them).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from assembler.profile.loader import Path_, clean_text, dotted
from assembler.profile.schema import SCHEMAS
from assembler.profile.schemadoc import type_name
from assembler.profile.workbook.layout import ChoiceSheet, sheets_for

# What a form posts beside the fields: the row marker of a repeatable group, a chosen group.
ROW = "_rij"
CHOSEN = "_gekozen"
ACTION = "_actie"
# Above this many characters a text field gets a text area.
SHORT_TEXT = 160
NEW_ROW = "nieuw"

Lookup = Callable[[Path_], "Inherited | None"]


@dataclass(frozen=True)
class Inherited:
    """A value the file leaves open and the region (or the schema's default) fills in."""

    text: str
    source: str  # "regio" or "standaard"


@dataclass
class Control:
    """One single value: its place in the data, its schema rule and what the form shows."""

    path: Path_
    rule: dict[str, Any]
    value: str  # as the control shows it
    chosen: tuple[str, ...] = ()  # a list of fixed choices: the ticked ones
    inherited: Inherited | None = None

    @property
    def name(self) -> str:
        return dotted(self.path)

    @property
    def id(self) -> str:
        return "v-" + re.sub(r"[^A-Za-z0-9_-]", "-", self.name)

    @property
    def key(self) -> str:
        return str(self.path[-1])

    @property
    def label(self) -> str:
        return label_of(self.key)

    @property
    def description(self) -> str:
        return str(self.rule.get("meta", {}).get("beschrijving", ""))

    @property
    def example(self) -> str | None:
        example = self.rule.get("meta", {}).get("voorbeeld")
        if example is None:
            return None
        return ", ".join(str(e) for e in example) if isinstance(example, list) else str(example)

    @property
    def default(self) -> str | None:
        meta = self.rule.get("meta", {})
        return _shown(meta["standaard"]) if "standaard" in meta else None

    @property
    def required(self) -> bool:
        return bool(self.rule.get("required"))

    @property
    def kind(self) -> str:
        """The control: text, area, tel, email, url, date, integer, boolean, choice, choices or list."""
        return control_kind(self.rule, self.value)

    @property
    def type_text(self) -> str:
        return type_name(self.rule)

    @property
    def options(self) -> tuple[str, ...]:
        if self.rule.get("type") == "list":
            return tuple(str(o) for o in self.rule.get("schema", {}).get("allowed", ()))
        return tuple(str(o) for o in self.rule.get("allowed", ()))

    @property
    def maxlength(self) -> int | None:
        value = self.rule.get("maxlength")
        return int(value) if isinstance(value, int) else None


@dataclass
class Group:
    """A group of fields (a fieldset); `choosable` groups (the practices) are switched on or off."""

    path: Path_
    rule: dict[str, Any]
    items: list[Control | Group | Rows]
    choosable: bool = False
    chosen: bool = True

    @property
    def name(self) -> str:
        return dotted(self.path)

    @property
    def id(self) -> str:
        return "g-" + re.sub(r"[^A-Za-z0-9_-]", "-", self.name or "profiel")

    @property
    def label(self) -> str:
        return label_of(str(self.path[-1])) if self.path else ""

    @property
    def description(self) -> str:
        return str(self.rule.get("meta", {}).get("beschrijving", ""))


@dataclass
class Rows:
    """A list of groups (partners, earlier editions, sign-offs): rows to add, remove and move."""

    path: Path_
    rule: dict[str, Any]
    rows: list[Group] = field(default_factory=list)
    # Read-only rows the file inherits (a municipality's regional partners), by their name.
    inherited: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return dotted(self.path)

    @property
    def id(self) -> str:
        return "r-" + re.sub(r"[^A-Za-z0-9_-]", "-", self.name)

    @property
    def label(self) -> str:
        return label_of(str(self.path[-1]))

    @property
    def description(self) -> str:
        return str(self.rule.get("meta", {}).get("beschrijving", ""))

    @property
    def item_label(self) -> str:
        return _ITEM_LABELS.get(str(self.path[-1]), "rij")


# How one row of a list is called in a button ("Partner toevoegen"); the list's own key is the label.
_ITEM_LABELS = {"partners": "partner", "geschiedenis": "editie", "gemeenten": "gemeente"}


def label_of(key: str) -> str:
    """A field's label: its Dutch key as words ('vastgesteld_op' reads 'Vastgesteld op')."""
    text = key.replace("_", " ")
    return text[:1].upper() + text[1:]


def control_kind(rule: dict[str, Any], value: str = "") -> str:
    kind = rule.get("type")
    check = rule.get("check_with")
    if kind == "list":
        return "choices" if rule.get("schema", {}).get("allowed") else "list"
    if "allowed" in rule:
        return "choice"
    if kind == "boolean":
        return "boolean"
    if kind == "integer":
        return "integer"
    if kind == "date":
        # A date the file holds as text (2026-02-30) stays visible as typed, so it can be mended.
        return "date" if not value or _ISO_DATE.fullmatch(value) else "text"
    if check == "phone":
        return "tel"
    if check in ("email", "url"):
        return str(check)
    if (rule.get("maxlength") or 0) > SHORT_TEXT:
        return "area"
    return "text"


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _shown(value: Any) -> str:
    """A raw value as its control shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(_shown(v) for v in value)
    return str(value)


def _is_group_list(rule: dict[str, Any]) -> bool:
    return rule.get("type") == "list" and rule.get("schema", {}).get("type") == "dict"


def choice_roots(kind: str) -> frozenset[Path_]:
    """Groups whose sub-groups are chosen rather than filled in (the practices): the workbook's ChoiceSheets."""
    return frozenset(s.root for s in sheets_for(kind) if isinstance(s, ChoiceSheet))


def schema_for(kind: str) -> dict[str, Any]:
    return SCHEMAS["regio" if kind == "regio" else "gemeente"]


# --- drawing the form -------------------------------------------------------------------


def build_form(kind: str, data: Mapping[str, Any], inherited: Lookup = lambda path: None,
               inherited_rows: Mapping[Path_, tuple[str, ...]] | None = None) -> Group:
    """The whole form for a file of this kind ('gemeente' or 'regio') holding data."""
    roots = choice_roots(kind)
    return Group((), {}, _items(schema_for(kind), data, (), roots, inherited, inherited_rows or {}))


def _items(
    fields: dict[str, Any],
    data: Any,
    prefix: Path_,
    roots: frozenset[Path_],
    inherited: Lookup,
    inherited_rows: Mapping[Path_, tuple[str, ...]],
) -> list[Control | Group | Rows]:
    data = data if isinstance(data, Mapping) else {}
    items: list[Control | Group | Rows] = []
    for key, rule in fields.items():
        path = (*prefix, key)
        value = data.get(key)
        if rule.get("type") == "dict":
            choosable = prefix in roots
            items.append(
                Group(
                    path,
                    rule,
                    _items(rule["schema"], value, path, roots, inherited, inherited_rows),
                    choosable=choosable,
                    chosen=key in data if choosable else True,
                )
            )
        elif _is_group_list(rule):
            rows = Rows(path, rule, inherited=inherited_rows.get(path, ()))
            for i, item in enumerate(value if isinstance(value, list) else []):
                row_path = (*path, i)
                sub = _items(rule["schema"]["schema"], item, row_path, roots, inherited, inherited_rows)
                rows.rows.append(Group(row_path, rule["schema"], sub))
            items.append(rows)
        else:
            control = Control(path, rule, _shown(value), inherited=None if value not in (None, "") else inherited(path))
            if control.kind == "choices" and isinstance(value, list):
                control.chosen = tuple(str(v) for v in value)
            items.append(control)
    return items


def elements(group: Group | Rows) -> Iterator[Control | Group | Rows]:
    """The group and everything below it, in form order."""
    yield group
    for item in group.rows if isinstance(group, Rows) else group.items:
        if isinstance(item, Control):
            yield item
        else:
            yield from elements(item)


def controls(group: Group | Rows) -> Iterator[Control]:
    """Every control below a group, in form order."""
    return (e for e in elements(group) if isinstance(e, Control))


def as_posted(form: Group) -> dict[str, list[str]]:
    """What a browser posts for this form as drawn: every control's value, row markers, chosen groups."""
    pairs: dict[str, list[str]] = {}
    for element in elements(form):
        if isinstance(element, Control):
            pairs[element.name] = ["", *element.chosen] if element.kind == "choices" else [element.value]
        elif isinstance(element, Rows):
            pairs[f"{element.name}.{ROW}"] = [""]
            for i, row in enumerate(element.rows):
                pairs[f"{row.name}.{ROW}"] = [str(i)]
        elif element.choosable and element.chosen:
            pairs[f"{element.name}.{CHOSEN}"] = ["ja"]
    return pairs


# --- reading a form back ----------------------------------------------------------------


class Form:
    """A submitted form: the values of one name (a checkbox list has several)."""

    def __init__(self, pairs: Mapping[str, list[str]]) -> None:
        self.pairs = pairs

    def get(self, name: str) -> str | None:
        values = self.pairs.get(name)
        return values[-1] if values else None

    def all(self, name: str) -> list[str] | None:
        return list(self.pairs[name]) if name in self.pairs else None

    def rows(self, prefix: str) -> list[str]:
        """The row markers of a list, in the order the form holds them."""
        return [
            self.pairs[name][-1] for name in self.pairs if _row_name(name, prefix)
        ]

    def row_numbers(self, prefix: str) -> list[int]:
        return sorted(int(name[len(prefix) + 1 :].split(".")[0]) for name in self.pairs if _row_name(name, prefix))


def _row_name(name: str, prefix: str) -> bool:
    if not (name.startswith(prefix + ".") and name.endswith("." + ROW)):
        return False
    middle = name[len(prefix) + 1 : -len(ROW) - 1]
    return middle.isdigit()


def read_form(kind: str, old: Mapping[str, Any], form: Form) -> dict[str, Any]:
    """The raw data the form describes, drawn on a copy of old (the data the form was drawn from)."""
    return _read_group(schema_for(kind), old, (), form, choice_roots(kind))


def _read_group(
    fields: dict[str, Any], old: Any, prefix: Path_, form: Form, roots: frozenset[Path_]
) -> dict[str, Any]:
    result: dict[str, Any] = copy.deepcopy(dict(old)) if isinstance(old, Mapping) else {}
    for key, rule in fields.items():
        path = (*prefix, key)
        name = dotted(path)
        before = result.get(key)
        if rule.get("type") == "dict":
            if prefix in roots:
                if form.get(f"{name}.{CHOSEN}") is None:
                    result.pop(key, None)
                    continue
                group = _read_group(rule["schema"], before, path, form, roots)
                # Chosen with nothing filled in: `{}`, or the empty spelling the file already had.
                result[key] = group or (before if key in result and not before else {})
                continue
            group = _read_group(rule["schema"], before, path, form, roots)
            if group:
                result[key] = group
            elif key in result and not before:
                pass  # `{}` or an empty key stays as written
            elif rule.get("required"):
                result[key] = {}
            else:
                result.pop(key, None)
        elif _is_group_list(rule):
            rows = _read_rows(rule, before, path, form, roots)
            if rows is None:
                continue
            if rows or (key in result and before == []):
                result[key] = rows
            else:
                result.pop(key, None)
        else:
            _read_value(result, key, rule, path, form)
    return result


def _read_rows(
    rule: dict[str, Any], old: Any, path: Path_, form: Form, roots: frozenset[Path_]
) -> list[dict[str, Any]] | None:
    name = dotted(path)
    numbers = form.row_numbers(name)
    if not numbers and form.get(f"{name}.{ROW}") is None:
        return None  # the list was not in the form at all: leave it as it was
    olds = old if isinstance(old, list) else []
    rows = []
    for number in numbers:
        marker = form.get(f"{name}.{number}.{ROW}") or ""
        before = olds[int(marker)] if marker.isdigit() and int(marker) < len(olds) else {}
        rows.append(_read_group(rule["schema"]["schema"], before, (*path, number), form, roots))
    return rows


def _read_value(result: dict[str, Any], key: str, rule: dict[str, Any], path: Path_, form: Form) -> None:
    name = dotted(path)
    before = result.get(key)
    if control_kind(rule) == "choices":
        ticked = form.all(name)
        if ticked is None:
            return
        chosen = [t for t in ticked if t]
        if isinstance(before, list) and sorted(map(str, before)) == sorted(chosen):
            return
        if not chosen:
            result.pop(key, None)
            return
        # Kept in the order the file had them, new ones in the schema's order.
        kept = [v for v in before if str(v) in chosen] if isinstance(before, list) else []
        result[key] = kept + [c for c in chosen if c not in map(str, kept)]
        return
    text = form.get(name)
    if text is None:
        return
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.strip() == _shown(before).strip() and (before is not None or not text.strip()):
        return  # untouched: keeps its YAML type and spelling
    if not text.strip():
        result.pop(key, None)
        return
    result[key] = typed(rule, text, before)


def typed(rule: dict[str, Any], text: str, before: Any = None) -> Any:
    """A value typed into a control as the YAML loader would have read it."""
    kind = control_kind(rule)
    if "\n" in text.strip():
        value = clean_text(text.strip("\n").rstrip())
        ends = isinstance(before, str) and before.endswith("\n")
        return value + "\n" if ends or before is None else value
    text = clean_text(text.strip())
    if kind == "boolean":
        return {"ja": True, "nee": False}.get(text.lower(), text)
    if rule.get("type") == "integer":
        return int(text) if re.fullmatch(r"[-+]?\d+", text) else text
    if kind in ("date",) or rule.get("type") == "date":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    if kind == "list":
        return [part.strip() for part in text.split(",") if part.strip()]
    return text


# --- row actions --------------------------------------------------------------------------


def apply_action(kind: str, data: dict[str, Any], action: str) -> tuple[dict[str, Any], str | None]:
    """A row action ('toevoegen:partners', 'verwijderen:partners.2', 'omhoog:…', 'omlaag:…') on data.

    Returns the new data and the name of the control to give focus to next, or None when the
    action is not one the form offers (it is then ignored).
    """
    verb, _, target = action.partition(":")
    parts: list[str | int] = [int(p) if p.isdigit() else p for p in target.split(".") if p]
    if verb == "toevoegen":
        rule = _rule_at(schema_for(kind), tuple(parts))
        if rule is None or not _is_group_list(rule):
            return data, None
        items = _list_at(data, tuple(parts), create=True)
        items.append({})
        first = next(iter(rule["schema"]["schema"]))
        return data, dotted((*parts, len(items) - 1, first))
    if verb not in ("verwijderen", "omhoog", "omlaag") or not parts or not isinstance(parts[-1], int):
        return data, None
    rule = _rule_at(schema_for(kind), tuple(parts[:-1]))
    if rule is None or not _is_group_list(rule):
        return data, None
    items = _list_at(data, tuple(parts[:-1]))
    index = int(parts[-1])
    if index >= len(items):
        return data, None
    list_name = dotted(tuple(parts[:-1]))
    if verb == "verwijderen":
        del items[index]
        return data, f"{list_name}.toevoegen"
    other = index - 1 if verb == "omhoog" else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
        index = other
    return data, f"{list_name}.{index}.{verb}"


def _rule_at(schema: dict[str, Any], path: Path_) -> dict[str, Any] | None:
    rule: dict[str, Any] | None = {"type": "dict", "schema": schema}
    for part in path:
        if rule is None:
            return None
        if isinstance(part, int):
            rule = rule.get("schema") if rule.get("type") == "list" else None
            continue
        inner = rule.get("schema") if rule.get("type") == "dict" else None
        rule = inner.get(part) if isinstance(inner, dict) else None
    return rule


def _list_at(data: dict[str, Any], path: Path_, create: bool = False) -> list[Any]:
    node: Any = data
    for i, part in enumerate(path):
        last = i == len(path) - 1
        if isinstance(part, int):
            node = node[part]
            continue
        if part not in node or node[part] is None:
            if not create:
                return []
            node[part] = [] if last else {}
        node = node[part]
    return node if isinstance(node, list) else []


def without_empty_rows(data: Any) -> Any:
    """The data as it is written: a row added and left empty is not a partner or an edition."""
    if isinstance(data, dict):
        return {k: without_empty_rows(v) for k, v in data.items()}
    if isinstance(data, list):
        return [without_empty_rows(v) for v in data if v != {}]
    return data
