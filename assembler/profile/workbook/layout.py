"""The sheets of a profile workbook, declared once from the schema; export and import both read this."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from assembler.national import PRACTICES
from assembler.profile.schema import GEMEENTE, PRACTICE, REGIO

Path_ = tuple[str | int, ...]

FIELD_HEADER = ("Veld", "Waarde", "Toelichting")
CHOSEN = "gekozen"
PRACTICE_KEY = "praktijk"


@dataclass(frozen=True)
class Field:
    """One value in the workbook: its place in the profile and its schema rule."""

    path: Path_
    rule: dict[str, Any]

    @property
    def label(self) -> str:
        return ".".join(str(p) for p in self.path)

    @property
    def description(self) -> str:
        return str(self.rule.get("meta", {}).get("beschrijving", ""))

    @property
    def kind(self) -> str:
        """text, phone, date, boolean, integer, choice or list."""
        if self.rule.get("check_with") == "phone":
            return "phone"
        kind = self.rule.get("type", "string")
        if kind == "string":
            return "choice" if "allowed" in self.rule else "text"
        return str(kind)

    @property
    def says_none(self) -> bool:
        """A list with a default: a blank cell gives the default, so an empty list needs a word of its own."""
        return self.kind == "list" and "standaard" in self.rule.get("meta", {})

    @property
    def options(self) -> tuple[str, ...]:
        if self.kind == "choice":
            return tuple(self.rule["allowed"])
        if self.kind == "list":
            return tuple(self.rule.get("schema", {}).get("allowed", ()))
        return ()


@dataclass(frozen=True)
class FieldSheet:
    """Rows of single values under one group: column A names the field, column B holds it."""

    name: str
    root: Path_
    fields: tuple[Field, ...]
    about: str


@dataclass(frozen=True)
class TableSheet:
    """A list of groups (partners, earlier editions): one row per item, one column per field.

    ``key`` names the column that ties a row to its item in the profile (a partner's id, an
    edition's versie), so that a deleted or moved row takes its whole item along.
    """

    name: str
    root: Path_
    columns: tuple[Field, ...]
    about: str
    key: str
    # Added after the first workbooks went out: a workbook without this sheet is read as one
    # made before it existed, and this part of the profile stays as the YAML has it.
    optional: bool = False


@dataclass(frozen=True)
class ChoiceSheet:
    """A group with a fixed set of optional sub-groups (the practices): one row per key."""

    name: str
    root: Path_
    keys: tuple[str, ...]
    columns: tuple[Field, ...]
    about: str


Sheet = FieldSheet | TableSheet | ChoiceSheet


def leaves(schema: dict[str, Any], prefix: Path_ = (), skip: tuple[str, ...] = ()) -> tuple[Field, ...]:
    """Every single value below a schema group, in schema order; groups are walked into."""
    found: list[Field] = []
    for key, rule in schema.items():
        if key in skip:
            continue
        if rule.get("type") == "dict":
            found.extend(leaves(rule["schema"], (*prefix, key)))
        elif rule.get("type") == "list" and rule.get("schema", {}).get("type") == "dict":
            # A list of groups needs a table of its own; without one it stays as the YAML has it.
            continue
        else:
            found.append(Field((*prefix, key), rule))
    return tuple(found)


def table(
    name: str, schema: dict[str, Any], root: Path_, key: str, about: str, optional: bool = False
) -> TableSheet:
    """The sheet for the list of groups at ``root`` in ``schema``: a column per field of one item."""
    rule: dict[str, Any] = {"schema": schema}
    for part in root:
        rule = rule["schema"][part]
    item = rule["schema"]
    assert rule.get("type") == "list" and item.get("type") == "dict", f"{root} is not a list of groups"
    columns = leaves(item["schema"])
    assert any(c.path == (key,) for c in columns), f"{root} has no field {key}"
    return TableSheet(name, root, columns, about, key, optional)


def _partners(schema: dict[str, Any], about: str) -> TableSheet:
    return table("Partners", schema, ("partners",), "id", about)


def _checks(schema: dict[str, Any]) -> TableSheet:
    return table(
        "Controles",
        schema,
        ("controles",),
        "nummer",
        "Eén rij per landelijk nummer dat iemand heeft vergeleken met de eigen website van de "
        "organisatie: welke organisatie, welk nummer, wanneer, door wie en op welke pagina.",
        optional=True,
    )


def _veilig_thuis(schema: dict[str, Any], about: str) -> FieldSheet:
    return FieldSheet("Veilig Thuis", ("veilig_thuis",), leaves(schema["veilig_thuis"]["schema"]), about)


GEMEENTE_SHEETS: tuple[Sheet, ...] = (
    FieldSheet(
        "Gemeente",
        (),
        leaves(GEMEENTE, skip=("praktijken", "veilig_thuis", "ketenaanpak", "partners")),
        "De losse gegevens van de gemeente: naam, website, het document en zijn eigenaar, "
        "huiskleur en de keuzes voor de zakkaarten.",
    ),
    ChoiceSheet(
        "Praktijken",
        ("praktijken",),
        PRACTICES,
        leaves(PRACTICE),
        "Eén rij per schadelijke praktijk. Zet 'gekozen' op ja voor elke praktijk die in de "
        "routekaart komt, en kies de prioriteit. Een lege lokale situatie geeft de standaardtekst.",
    ),
    FieldSheet(
        "Ketenaanpak",
        ("ketenaanpak",),
        leaves(GEMEENTE["ketenaanpak"]["schema"]),
        "Wie de regie heeft, wie coördineert en wat er per ketenstap is afgesproken. Partners "
        "noemt u met hun id uit het blad Partners, gescheiden door komma's.",
    ),
    _partners(
        GEMEENTE,
        "Eén rij per lokale partner, één kolom per gegeven. Het id is een korte vaste sleutel; "
        "praktijken en stappen scheidt u met komma's. Telefoonnummers zijn tekst. In aanspreekpunt_voor "
        "staan de beroepsgroepen op wier zakkaarten de partner als contact staat.",
    ),
    _veilig_thuis(
        GEMEENTE,
        "Alleen invullen als de gemeente geen regio heeft, of andere Veilig Thuis-gegevens "
        "gebruikt dan de regio.",
    ),
    table(
        "Geschiedenis",
        GEMEENTE,
        ("document", "geschiedenis"),
        "versie",
        "Eén rij per eerdere editie van de routekaart, voor de versietabel: versie, datum "
        "(DD-MM-JJJJ), de landelijke versie waarop ze rustte en wat er veranderde. Stelt u een "
        "nieuwe editie vast, zet de vorige editie dan hier en de nieuwe versie en datum op het blad "
        "Gemeente; de import vult daar "
        "de landelijke versie in die de toolkit nu afdrukt. Een lege rij telt niet mee.",
        optional=True,
    ),
    table(
        "Akkoorden",
        GEMEENTE,
        ("document", "akkoorden"),
        "partner",
        "Eén rij per akkoord van een partner die niet op het blad Partners staat: een regionale "
        "partner (met zijn id) of Veilig Thuis (veilig_thuis). Datum, wie tekende en voor welke "
        "versie van de routekaart.",
        optional=True,
    ),
    _checks(GEMEENTE),
)

REGIO_SHEETS: tuple[Sheet, ...] = (
    FieldSheet(
        "Regio",
        (),
        leaves(REGIO, skip=("veilig_thuis", "partners", "standaard")),
        "De naam van de regio en de gemeenteprofielen die erbij horen, gescheiden door komma's.",
    ),
    _veilig_thuis(REGIO, "De Veilig Thuis-organisatie van de regio; elke gemeente neemt haar over."),
    _partners(
        REGIO,
        "Eén rij per regionale partner; elke gemeente in de regio neemt ze over. In aanspreekpunt_voor "
        "staan de beroepsgroepen op wier zakkaarten de partner als contact staat.",
    ),
    FieldSheet(
        "Standaard",
        ("standaard",),
        leaves(REGIO["standaard"]["schema"]),
        "Standaardkeuzes voor alle gemeenten; een gemeente kan elk veld zelf anders invullen.",
    ),
    _checks(REGIO),
)

INTRO_SHEET = "Toelichting"


def sheets_for(kind: str) -> tuple[Sheet, ...]:
    return REGIO_SHEETS if kind == "regio" else GEMEENTE_SHEETS


def header(sheet: Sheet) -> tuple[str, ...]:
    """The header row of a sheet, as export writes it and import expects it."""
    if isinstance(sheet, FieldSheet):
        return FIELD_HEADER
    if isinstance(sheet, ChoiceSheet):
        return (PRACTICE_KEY, CHOSEN, *(c.label for c in sheet.columns))
    return tuple(c.label for c in sheet.columns)


# Excel allows 31 characters in a sheet name and forbids a few; a municipality's label leaves
# room for the longest sheet name after it. Names of places shorten the Dutch way ('Capelle a.d.
# IJssel'); a name still too long keeps its first and last word ('Valkenburg…Geul').
_SHEET_FORBIDDEN = str.maketrans("", "", "[]:*?/\\")
LABEL_MAX = 31 - max(len(f" {sheet.name}") for sheet in GEMEENTE_SHEETS)
_SHORTER = (
    (" aan den ", " a.d. "),
    (" aan de ", " a.d. "),
    (" aan het ", " a.h. "),
    (" op ", " o. "),
    ("Sint-", "St.-"),
)
ELLIPSIS = "…"


def _fits(label: str, taken: set[str]) -> bool:
    return len(label) <= LABEL_MAX and label.lower() not in taken and label.lower() != INTRO_SHEET.lower()


def _candidates(name: str) -> list[str]:
    """The spellings of a name that fit, shortest last, each still starting with its first word."""
    short = name
    for long, abbreviation in _SHORTER:
        short = short.replace(long, abbreviation)
    found = [name, short]
    words = short.split(" ")
    if len(words) > 1:
        head, tail = words[0], words[-1]
        found.append(f"{head}{ELLIPSIS}{tail}")
        room = LABEL_MAX - len(tail) - 1
        if room >= 4:
            found.append(f"{head[:room].rstrip(' -')}{ELLIPSIS}{tail}")
    fitting = [c for c in dict.fromkeys(found) if len(c) <= LABEL_MAX]
    return fitting or [f"{short[: LABEL_MAX - 1].rstrip(' -.')}{ELLIPSIS}"]


def municipality_label(naam: str, taken: set[str]) -> str:
    """A readable sheet-name prefix for a municipality in a region workbook, unique among ``taken``."""
    name = " ".join(str(naam).translate(_SHEET_FORBIDDEN).split()).strip(" '") or "Gemeente"
    candidates = _candidates(name)
    label = next((c for c in candidates if _fits(c, taken)), None)
    n = 2
    while label is None:
        # A name taken already (or shortened alike): number it, keeping as much of the name as fits.
        suffix = f" {n}"
        cut = candidates[0][: LABEL_MAX - len(suffix)].rstrip(" -.")
        label = f"{cut}{suffix}" if _fits(f"{cut}{suffix}", taken) else None
        n += 1
    taken.add(label.lower())
    return label


def municipality_sheets(label: str) -> tuple[Sheet, ...]:
    """A municipality's sheets inside a region workbook, each name starting with its label."""
    return tuple(replace(sheet, name=f"{label} {sheet.name}") for sheet in GEMEENTE_SHEETS)
