"""Checks one loaded document against the schema and turns every cerberus error into a Dutch problem."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

import cerberus
from cerberus import errors as cerr

from assembler.phone import phone, read_phone
from assembler.problems import Placed, Problem
from assembler.profile.loader import Document, Path_
from assembler.profile.schema import SCHEMAS, fields_at, strip_meta
from assembler.profile.values import (
    check_color,
    check_email,
    check_tooi_code,
    check_url,
    color_warning,
    normal_color,
)

_TYPE_NAMES = {
    "string": "tekst",
    "integer": "een geheel getal",
    "boolean": "true of false",
    "date": "een datum (JJJJ-MM-DD)",
    "list": "een lijst (regels die beginnen met '- ', of [a, b])",
    "dict": "een groep velden (ingesprongen regels met 'veld: waarde')",
}


class _Validator(cerberus.Validator):
    """cerberus with our value checks; warnings are collected beside the errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Child validators copy the config, so a list kept there is shared by all of them.
        self._config.setdefault("warnings_sink", [])
        self._config.setdefault("phones_sink", set())

    @property
    def warnings(self) -> list[tuple[Path_, str]]:
        return self._config["warnings_sink"]

    @property
    def phones(self) -> set[Path_]:
        """Where the document holds a phone number that reads well (made a Phone after validation)."""
        return self._config["phones_sink"]

    def _normalize_coerce_to_text(self, value: Any) -> Any:
        if isinstance(value, bool):
            return value
        return str(value) if isinstance(value, int | float) else value

    def _normalize_coerce_to_date(self, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                return value
        return value

    def _normalize_coerce_to_color(self, value: Any) -> Any:
        return normal_color(value) if isinstance(value, str) else value

    def _path(self, field: str) -> Path_:
        return (*self.document_path, field)

    def _check_with_phone(self, field: str, value: Any) -> None:
        if not isinstance(value, str):
            return
        result = read_phone(value)
        if result.error:
            self._error(field, result.error)
            return
        self.phones.add(self._path(field))
        if result.warning:
            self.warnings.append((self._path(field), result.warning))

    def _check_with_email(self, field: str, value: Any) -> None:
        if isinstance(value, str) and (msg := check_email(value)):
            self._error(field, msg)

    def _check_with_url(self, field: str, value: Any) -> None:
        if isinstance(value, str) and (msg := check_url(value)):
            self._error(field, msg)

    def _check_with_tooi_code(self, field: str, value: Any) -> None:
        if isinstance(value, str) and (msg := check_tooi_code(value)):
            self._error(field, msg)

    def _check_with_color(self, field: str, value: Any) -> None:
        if isinstance(value, str) and (msg := check_color(value)):
            self._error(field, msg)
        elif isinstance(value, str) and (warning := color_warning(value)):
            self.warnings.append((self._path(field), warning))

    def _check_with_unique_items(self, field: str, value: Any) -> None:
        if isinstance(value, list):
            seen: set[Any] = set()
            for item in value:
                if isinstance(item, str | int) and item in seen:
                    self._error(field, f"'{item}' staat twee keer in de lijst; noem elke waarde één keer")
                    return
                if isinstance(item, str | int):
                    seen.add(item)


def _leaf_errors(errors: list[cerr.ValidationError]) -> list[cerr.ValidationError]:
    leaves: list[cerr.ValidationError] = []
    for error in errors:
        if error.is_group_error and error.child_errors:
            leaves.extend(_leaf_errors(list(error.child_errors)))
        else:
            leaves.append(error)
    return leaves


def _suggest(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close and len(word) >= 4:
        # A shortened name ('preventie') is too far off for difflib but still clear.
        close = sorted(o for o in options if o.startswith(word.lower()))[:1]
    return f"; bedoelde u '{close[0]}'?" if close else ""


def _allowed_text(options: list[Any]) -> str:
    return ", ".join(str(o) for o in options)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "een groep velden"
    if isinstance(value, list):
        return "een lijst"
    if value is None:
        return "niets"
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def _translate(doc: Document, schema: dict[str, Any], error: cerr.ValidationError) -> Problem:
    path: Path_ = tuple(error.document_path)
    field = str(path[-1]) if path else ""
    code = error.code
    if code == cerr.UNKNOWN_FIELD.code:
        fields = fields_at(schema, path[:-1]) or {}
        hint = _suggest(field, list(fields))
        if not hint and fields:
            hint = f"; toegestaan zijn: {_allowed_text(sorted(fields))}"
        return doc.problem(path, f"onbekend veld '{field}'{hint}", key=True)
    if code == cerr.REQUIRED_FIELD.code:
        return doc.missing(path)
    if error.rule == "type":
        wanted = " of ".join(_TYPE_NAMES.get(t, t) for t in _as_list(error.constraint))
        if "date" in _as_list(error.constraint) and isinstance(error.value, str):
            return doc.problem(path, f"'{error.value}' is geen bestaande datum; {doc.date_advice}")
        return doc.problem(path, f"moet {wanted} zijn, maar is {_describe(error.value)}")
    if error.rule == "allowed":
        bad = (
            error.value
            if not isinstance(error.value, list)
            else next((v for v in error.value if v not in error.constraint), error.value)
        )
        options = [str(o) for o in error.constraint]
        hint = _suggest(str(bad), options)
        return doc.problem(path, f"'{bad}' is geen geldige keuze; kies uit: {_allowed_text(options)}{hint}")
    if error.rule == "empty":
        return doc.problem(path, "is leeg; vul een waarde in of laat het veld weg")
    if error.rule == "nullable":
        return doc.problem(path, "heeft geen waarde; vul een waarde in of laat het veld weg")
    if error.rule == "maxlength":
        return doc.problem(path, f"is te lang ({len(error.value)} tekens); hooguit {error.constraint} tekens")
    if error.rule == "minlength":
        return doc.problem(path, f"is te kort; minstens {error.constraint} nodig")
    if error.rule == "regex":
        return doc.problem(
            path,
            f"'{error.value}' is geen geldig id; gebruik kleine letters, cijfers en streepjes, "
            "zoals 'wijkteam-noord'",
        )
    if error.rule == "check_with" or code == cerr.CUSTOM.code:
        message = error.info[0] if error.info else str(error.constraint)
        return doc.problem(path, str(message))
    if error.rule == "coerce":
        return doc.problem(path, f"waarde {_describe(error.value)} kan niet worden gelezen")
    return doc.problem(path, f"ongeldige waarde {_describe(error.value)} (regel {error.rule})")


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


def validate_document(doc: Document) -> tuple[dict[str, Any], list[Problem]]:
    """Normalised data and every problem (errors and warnings) of one document."""
    kind = doc.data.get("soort")
    if kind not in SCHEMAS:
        options = "'gemeente' of 'regio'"
        if kind is None:
            return doc.data, [
                doc.problem(
                    (), "veld 'soort' ontbreekt; begin het bestand met 'soort: gemeente' of 'soort: regio'"
                )
            ]
        hint = _suggest(str(kind), list(SCHEMAS))
        return doc.data, [doc.problem(("soort",), f"'{kind}' is geen geldige soort; kies {options}{hint}")]
    schema = SCHEMAS[kind]
    validator = _Validator(strip_meta(schema))
    ok = validator.validate(doc.data)
    problems = [doc.problem(path, msg, warning=True) for path, msg in validator.warnings]
    if not ok:
        problems.extend(_translate(doc, schema, e) for e in _leaf_errors(list(validator._errors)))
    data = _carried(doc, validator.document, validator.phones) if ok else doc.data
    return data, problems


def _carried(doc: Document, value: Any, phones: set[Path_], path: Path_ = ()) -> Any:
    """The validated data with its values made once, each knowing where it was written: every
    phone number a Phone, every other text a Placed text. The merge and the model carry them on."""
    if isinstance(value, dict):
        return {key: _carried(doc, item, phones, (*path, key)) for key, item in value.items()}
    if isinstance(value, list):
        return [_carried(doc, item, phones, (*path, i)) for i, item in enumerate(value)]
    if isinstance(value, str):
        origin = doc.origin(path)
        return phone(value, origin) if path in phones else Placed(value, origin)
    return value
