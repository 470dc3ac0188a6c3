"""Reads a YAML profile into plain data plus the line and column where every value stood.

We compose the YAML node tree ourselves instead of letting a YAML library construct
objects, so that we can report every duplicate key, refuse anchors and aliases (alias
bombs), keep impossible dates as text for the validator, and never lose a position.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import MappingEndEvent, MappingStartEvent, SequenceEndEvent, SequenceStartEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.parser import RoundTripParser
from ruamel.yaml.reader import ReaderError

from assembler.errors import ProfileError
from assembler.problems import Place, Problem

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 20
MAX_NODES = 50_000
MAX_EVENTS = 2 * MAX_NODES

Path_ = tuple[str | int, ...]

_DATE_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
# Word pastes a vertical tab or form feed for a manual line break; zero-width and bidi
# control marks are invisible and break layouts. Other control characters are dropped, and so
# are the code points XML cannot hold at all (lone surrogates and U+FFFE/U+FFFF, which a
# double-quoted YAML string can spell as "\ud800").
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n\n", "\r": ""})
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ud800-\udfff\ufeff\ufff9-\ufffb\ufffe\uffff]"
)


def clean_text(value: str) -> str:
    """Text as a reader expects it: line-break characters as line breaks, invisible controls removed."""
    return _INVISIBLE.sub("", value.translate(_LINE_BREAKS))


_INT_RE = re.compile(r"^[-+]?\d+$")
_CODE_RE = re.compile(r"^(\+|-?0\d)")


@dataclass
class Document:
    """A loaded YAML file: its data and, per key path, where the value and the key stood."""

    path: Path
    display: str
    data: dict[str, Any]
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of a path, or of its nearest ancestor that exists."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if not key and probe in self.keys:
                return self.keys[probe]
            probe = probe[:-1]
        return (1, 1)

    def origin(self, path: Path_, *, key: bool = False) -> Place:
        """Where the value (or with key=True the field name) at path stands: what its value carries."""
        line, col = self.where(path, key=key)
        return Place(self.display, line, col, dotted(path))

    def problem(self, path: Path_, message: str, *, key: bool = False, warning: bool = False) -> Problem:
        return self.origin(path, key=key).problem(message, warning=warning)

    # What a reader of this kind of document is told to write for a date.
    date_advice = "schrijf JJJJ-MM-DD, bijvoorbeeld 2026-09-01"

    def missing(self, path: Path_) -> Problem:
        """A required field that is absent: named by its own path, but placed at its parent, the key
        line of a group or the first line of a list item (list items have no key)."""
        field = str(path[-1])
        parent = path[:-1]
        line, col = self.where(parent, key=parent in self.keys)
        return Place(self.display, line, col, dotted(path)).problem(
            f"verplicht veld '{field}' ontbreekt; voeg '{field}: ...' toe"
        )


def dotted(path: Path_) -> str:
    return ".".join(str(p) for p in path)


def _fail(display: str, message: str, line: int = 1, column: int = 1) -> ProfileError:
    return ProfileError([Problem(display, line, column, "", message)])


def read_text(path: Path, display: str) -> str:
    """The file as text, or a ProfileError that says in Dutch why it cannot be read."""
    if not path.exists():
        raise _fail(display, "bestand niet gevonden; controleer het pad")
    if path.is_dir():
        raise _fail(display, "dit is een map, geen bestand; geef het pad van een .yaml-bestand")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(
                display,
                f"bestand is te groot ({size // 1024} kB); een profiel is hooguit "
                f"{MAX_BYTES // 1024 // 1024} MB",
            )
        raw = path.read_bytes()
    except PermissionError:
        raise _fail(display, "geen leesrechten op dit bestand") from None
    except OSError as exc:
        raise _fail(display, f"bestand kan niet worden gelezen ({exc.strerror})") from None
    if b"\x00" in raw:
        raise _fail(display, "dit is geen tekstbestand; een profiel is YAML-tekst in UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _fail(
            display,
            "tekst is geen geldige UTF-8; sla het bestand op als UTF-8 "
            "(in Kladblok: Opslaan als, codering UTF-8)",
            line,
            col,
        ) from None
    return text


def _tab_problems(text: str, display: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(
                Problem(
                    display,
                    number,
                    indent.index("\t") + 1,
                    "",
                    "tab gebruikt om in te springen; gebruik spaties (YAML staat geen tabs toe)",
                )
            )
    return problems


def load_document(path: Path | str, display: str | None = None) -> Document:
    """Load one YAML file; raise ProfileError with every problem found."""
    path = Path(path)
    display = display or str(path)
    return parse_document(read_text(path, display), path, display)


def parse_document(text: str, path: Path, display: str) -> Document:
    """YAML text read as if it stood in the file at path: the editor checks what it is about to save."""
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise _fail(display, "bestand is leeg; begin met 'soort: gemeente' of 'soort: regio'")
    # Raw control characters are not allowed in YAML; treat them as the reader would.
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    tabs = _tab_problems(text, display)
    if tabs:
        raise ProfileError(tabs)
    try:
        node = _compose(text)
    except _TooMuch as exc:
        raise _fail(display, str(exc), exc.line, exc.column) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = _translate_yaml_error(str(exc.problem or exc.context or "onbekende fout"))
        raise _fail(display, f"YAML-fout: {what}", line, col) from None
    except ReaderError as exc:
        # A control character YAML refuses, such as a bell pasted from another program.
        before = text[: max(exc.position, 0)]
        line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        raise _fail(
            display,
            f"onzichtbaar stuurteken (U+{exc.character:04X}) in de tekst; typ deze plek opnieuw"
            if isinstance(exc.character, int)
            else "onzichtbaar stuurteken in de tekst; typ deze plek opnieuw",
            line,
            col,
        ) from None
    except YAMLError as exc:
        if "expected a single document" in str(exc):
            raise _fail(display, "meer dan één YAML-document ('---'); houd één profiel per bestand") from None
        raise _fail(display, f"YAML-fout: {exc}") from None
    except RecursionError:
        raise _fail(display, "te diep genest; een profiel is hooguit enkele niveaus diep") from None
    if node is None:
        raise _fail(display, "bestand is leeg; begin met 'soort: gemeente' of 'soort: regio'")
    builder = _Builder(display)
    data = builder.build(node, ())
    if builder.problems:
        raise ProfileError(builder.problems)
    if data is None:
        # A file holding only '---' or '~' is as empty as a file holding nothing.
        raise _fail(display, "bestand is leeg; begin met 'soort: gemeente' of 'soort: regio'")
    if not isinstance(data, dict):
        kind = "een lijst" if isinstance(data, list) else "een losse waarde"
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        raise _fail(
            display,
            f"het bestand bevat {kind}; een profiel is een reeks velden als 'naam: ...'",
            line,
            col,
        )
    return Document(path=path, display=display, data=data, values=builder.values, keys=builder.keys)


class _TooMuch(Exception):
    """Absurdly many or deeply nested values, refused where the event that crossed the limit stands."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem)
        self.line, self.column = mark.line + 1, mark.column + 1


class _LimitedParser(RoundTripParser):
    """The round-trip parser, counting events as the composer takes them."""

    def __init__(self, loader: Any) -> None:
        super().__init__(loader)
        self.events = 0
        self.depth = 0

    def get_event(self) -> Any:
        event = super().get_event()
        if isinstance(event, MappingStartEvent | SequenceStartEvent):
            self.depth += 1
        elif isinstance(event, MappingEndEvent | SequenceEndEvent):
            self.depth -= 1
        if self.events > MAX_EVENTS:
            raise _TooMuch(f"te veel waarden (meer dan {MAX_NODES}); is dit wel een profiel?", event.start_mark)
        if self.depth > MAX_DEPTH + 1:
            raise _TooMuch("te diep genest; een profiel is hooguit enkele niveaus diep", event.start_mark)
        self.events += 1
        return event


def _compose(text: str) -> Node | None:
    """The node tree of the text in one pass, refusing absurdly many or deeply nested values as
    their events arrive, before composing them costs far more: a dense 2 MB list would take a
    minute, and deep nesting grows quadratically."""
    yaml = YAML(typ="rt")
    yaml.Parser = _LimitedParser
    node: Node | None = yaml.compose(text)
    return node


_YAML_MESSAGES = (
    ("could not find expected ':'", "dubbele punt ':' ontbreekt na een veldnaam"),
    (
        "mapping values are not allowed here",
        "onverwachte ':'; zet tekst met een dubbele punt tussen aanhalingstekens",
    ),
    ("found character '\\t'", "tab gevonden; gebruik spaties"),
    ("expected <block end>, but found", "inspringing klopt niet; lijn velden op hetzelfde niveau uit"),
    (
        "found unexpected end of stream",
        "bestand houdt midden in een waarde op; sluit aanhalingstekens en haakjes",
    ),
    ("found undefined alias", "alias (*naam) wordt niet ondersteund"),
    ("but found another document", "meer dan één YAML-document ('---'); houd één profiel per bestand"),
    ("expected ',' or ']'", "lijst tussen [ en ] is niet goed afgesloten; controleer de komma's en de ']'"),
    ("expected ',' or '}'", "groep tussen { en } is niet goed afgesloten; controleer de komma's en de '}'"),
    ("while scanning a quoted scalar", "aanhalingsteken wordt niet gesloten"),
    (
        "found unknown escape character",
        "onbekende escape met '\\' in tekst tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens",
    ),
)


def _translate_yaml_error(problem: str) -> str:
    for needle, dutch in _YAML_MESSAGES:
        if needle in problem:
            return dutch
    return f"ongeldige YAML ({problem})"


class _Builder:
    """Turns a node tree into dicts, lists and scalars, recording positions and problems."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.values: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.anchors: set[str] = set()
        self.count = 0

    def _problem(self, node: Node, path: Path_, message: str) -> None:
        self.problems.append(
            Problem(
                self.display,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                dotted(path),
                message,
            )
        )

    def build(self, node: Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            if self.count == MAX_NODES + 1:
                self._problem(node, path, f"te veel waarden (meer dan {MAX_NODES}); is dit wel een profiel?")
            return None
        self.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if getattr(node, "anchor", None):
            # An alias is the anchored node itself; name each anchor once, not per use.
            if node.anchor in self.anchors:
                return None
            self.anchors.add(node.anchor)
            self._problem(
                node,
                path,
                f"anker '&{node.anchor}' wordt niet ondersteund; schrijf de waarden voluit",
            )
            return None
        if len(path) > MAX_DEPTH:
            self._problem(node, path, "te diep genest")
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        self._problem(node, path, "onbekend YAML-element")
        return None

    def _mapping(self, node: MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self._problem(key_node, path, "een veldnaam moet gewone tekst zijn")
                continue
            key = str(key_node.value)
            if key == "<<":
                self._problem(key_node, path, "samenvoegen met '<<' wordt niet ondersteund")
                continue
            child = (*path, key)
            if key in seen:
                self._problem(
                    key_node,
                    child,
                    f"veld '{key}' staat er twee keer (eerder op regel {seen[key]}); houd er één over",
                )
                continue
            seen[key] = key_node.start_mark.line + 1
            self.keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: ScalarNode, path: Path_) -> Any:
        tag = str(node.tag)
        value = node.value
        if tag.endswith(":null"):
            return None
        if tag.endswith(":bool"):
            return value.lower() in ("true", "yes", "on")
        if tag.endswith(":int") and _INT_RE.match(value.replace("_", "")):
            if _CODE_RE.match(value):
                # A leading zero or plus marks a code such as 0201234567 or +31..., not a
                # quantity: as a number the phone number would lose its leading zero.
                return value
            return int(value.replace("_", ""))
        if tag.endswith(":float"):
            try:
                number = float(value)
            except ValueError:
                return value
            return value if math.isnan(number) or math.isinf(number) else number
        if tag.endswith(":timestamp") and _DATE_RE.match(value):
            try:
                year, month, day = (int(x) for x in value.split("-"))
                return dt.date(year, month, day)
            except ValueError:
                # An impossible date stays text; the validator names it.
                return value
        if tag.endswith(":timestamp"):
            return value
        return clean_text(value)


def iter_paths(data: Any, prefix: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every (path, value) pair below data, depth first."""
    yield prefix, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from iter_paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from iter_paths(value, (*prefix, i))
