"""Checks a Word template before any render: broken tags and names the content model does not provide.

Every problem is reported with its place (part, paragraph number, chapter), in Dutch, so a
communications officer can find it in Word. The shipped template must pass with no issues;
a municipality's own template (`sjabloon:` or --sjabloon) is refused when any issue remains.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from jinja2 import Environment, nodes
from jinja2.exceptions import TemplateSyntaxError
from lxml import etree

from assembler.builders.word.env import (
    Helper,
    Image,
    allowed_owner,
    make_environment,
    model_names,
    patcher,
    unsafe_name,
)
from assembler.builders.word.package import package_issues, shorten

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_MARKERS = ("{{", "{%", "{#", "}}", "%}", "#}")
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}
_PREFIX = re.compile(r"^(\{[{%#])(p|tr|tc|r)\s")
_CURLY = "“”„‘’‚«»"  # the quotes Word's AutoCorrect types
_DOCXTPL_TAGS = re.compile(r"\{%-?\s*(cellbg|colspan)\s+(.*?)\s*-?%\}")
_DOCXTPL_MARKS = re.compile(r"\{%-?\s*(vm|hm)\s*-?%\}")
_NOUNS = {
    "Routekaart": "de routekaart",
    "Practice": "een praktijk",
    "Partner": "een partner",
    "ChainStep": "een ketenstap",
    "Contact": "een contact",
    "Organisation": "een organisatie",
    "VeiligThuis": "Veilig Thuis",
    "Person": "een persoon",
    "Route": "een route",
    "RouteStage": "een routestap",
    "CardSettings": "de kaartinstellingen",
    "Law": "een wet",
    "Source": "een bron",
    "Term": "een begrip",
    "SignalGroup": "een signalengroep",
    "Meldcode": "de meldcode",
    "MeldcodeStep": "een meldcodestap",
}
_FORMAT_REACH = re.compile(r"\{[^{}]*[.\[]\s*_")  # a format field that reads a private attribute
_ELEMENT_FILTERS = {"first", "last", "random"}
_STR_FILTERS = {
    "join", "lower", "upper", "title", "capitalize", "trim", "string", "e", "escape", "safe", "format",
    "replace", "truncate", "center", "indent", "striptags", "urlize", "wordwrap", "datum", "opsomming",
    "getal", "hoofdletter", "eerste_zin", "forceescape", "urlencode", "xmlattr", "tojson", "filesizeformat", "pprint",
}  # fmt: skip
_INT_FILTERS = {"length", "count", "wordcount", "int", "abs", "round", "sum", "float"}
_SAME_FILTERS = {
    "sort",
    "reverse",
    "unique",
    "list",
    "select",
    "reject",
    "selectattr",
    "rejectattr",
    "default",
    "d",
}


class _Any:
    """Type unknown to the check: anything goes."""


ANY: Any = _Any


class _Refused:
    """The type of a value the sandbox already refused: its own attributes need no second report."""


@dataclass
class _Paragraph:
    number: int
    text: str
    xml: str
    chapter: str | None
    in_table: bool


@dataclass
class _Part:
    label: str  # "" for the body, "koptekst", "voettekst 2", ...
    paragraphs: list[_Paragraph] = field(default_factory=list)
    numbered: bool = True  # False for a document property: one value, no paragraphs to count


class _Report:
    def __init__(self, file_label: str) -> None:
        self.file_label = file_label
        self._found: list[tuple[int, int, int, str]] = []  # part, paragraph, order, text
        self._seen: set[str] = set()
        self._parts: list[str] = []

    @property
    def issues(self) -> list[str]:
        """In document order: part by part, paragraph by paragraph."""
        return [text for *_, text in sorted(self._found)]

    def place(self, part: _Part, paragraph: _Paragraph | None) -> str:
        where = [self.file_label]
        if part.label:
            where.append(part.label)
        if paragraph is None or not part.numbered:
            return ": ".join(where)
        extra = []
        if paragraph.chapter:
            extra.append(f"hoofdstuk '{shorten(paragraph.chapter)}'")
        if paragraph.in_table:
            extra.append("in een tabel")
        text = f"alinea {paragraph.number}" + (f" ({', '.join(extra)})" if extra else "")
        return ": ".join([*where, text])

    def add(self, part: _Part, paragraph: _Paragraph | None, message: str) -> None:
        issue = f"{self.place(part, paragraph)}: {message}"
        if issue in self._seen:
            return
        self._seen.add(issue)
        if part.label not in self._parts:
            self._parts.append(part.label)
        number = paragraph.number if paragraph else 0
        self._found.append((self._parts.index(part.label), number, len(self._found), issue))


def _suggest(word: str, options: Iterable[str]) -> str | None:
    """The option the author most likely meant: one that shares its start with the word, else the closest."""
    options = list(options)
    starts = sorted((o for o in options if word.startswith(o) or o.startswith(word)), key=len, reverse=True)
    if starts:
        return starts[0]
    close = difflib.get_close_matches(word, options, n=1)
    return close[0] if close else None


# ---------------------------------------------------------------------------
# Reading the template


def _paragraphs(root: etree._Element, headings: bool) -> list[_Paragraph]:
    result = []
    chapter = None
    for number, p in enumerate(root.iter(qn("w:p")), start=1):
        text = "".join(t.text or "" for t in p.iter(qn("w:t"))).replace("\n", " ")
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if headings and style is not None and style.get(qn("w:val")) in ("Heading1", "Kop1") and text.strip():
            chapter = text.strip()
        in_table = any(a.tag == qn("w:tc") for a in p.iterancestors())
        result.append(_Paragraph(number, text, etree.tostring(p, encoding="unicode"), chapter, in_table))
    return result


def _parts(document: Any) -> Iterator[_Part]:
    yield _Part("", _paragraphs(document.element.body, headings=True))
    kinds = {RT.HEADER: "koptekst", RT.FOOTER: "voettekst", RT.FOOTNOTES: "voetnoten"}
    found: dict[str, list[Any]] = {}
    for rel in document.part.rels.values():
        if rel.reltype in kinds and not rel.is_external:
            found.setdefault(kinds[rel.reltype], []).append(rel.target_part)
    for label, parts in found.items():
        parts.sort(key=lambda part: str(part.partname))
        for index, part in enumerate(parts, start=1):
            root = etree.fromstring(part.blob)
            name = label if len(parts) == 1 else f"{label} {index}"
            yield _Part(name, _paragraphs(root, headings=False))
    # docxtpl renders these document properties as templates too.
    props = document.core_properties
    names = {"title": "titel", "subject": "onderwerp", "author": "auteur", "comments": "opmerkingen"}
    for name, dutch in names.items():
        value = getattr(props, name) or ""
        if "{" in value or "}" in value:
            yield _Part(
                f"documenteigenschap '{dutch}'", [_Paragraph(1, value, "", None, False)], numbered=False
            )


# ---------------------------------------------------------------------------
# Tag-level checks (per paragraph)


def _scan(text: str) -> tuple[list[str], list[str]]:
    """The tags in a paragraph's visible text, and problems with unbalanced brackets."""
    tags, problems = [], []
    i = 0
    while True:
        hits = [(text.find(m, i), m) for m in _MARKERS if text.find(m, i) >= 0]
        if not hits:
            break
        start, marker = min(hits)
        if marker not in _CLOSER:
            problems.append(f"'{marker}' zonder bijbehorende opening; controleer de tag ervoor")
            i = start + 2
            continue
        end = text.find(_CLOSER[marker], start + 2)
        if end < 0:
            problems.append(
                f"tag '{shorten(text[start:])}' wordt niet gesloten met '{_CLOSER[marker]}' in dezelfde alinea"
            )
            break
        tags.append(text[start : end + 2])
        i = end + 2
    return tags, problems


def _normal(tag: str) -> str:
    tag = _PREFIX.sub(r"\1 ", tag)
    for curly, straight in (("“", '"'), ("”", '"'), ("„", '"'), ("‘", "'"), ("’", "'"), ("‚", "'")):
        tag = tag.replace(curly, straight)
    return re.sub(r"\s+", "", tag)


def _unescape(xml: str) -> str:
    return (
        xml.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def _repaired_tags(paragraph_xml: str) -> tuple[list[str], list[str]]:
    """Tags as docxtpl will see them after its own clean-up: (clean tags, tags still holding markup)."""
    patched = patcher().patch_xml(paragraph_xml)
    clean: list[str] = []
    broken: list[str] = []
    for match in _TAG.finditer(patched):
        tag = match.group(0)
        (broken if "<" in tag else clean).append(_unescape(tag))
    return clean, broken


def _check_paragraph(report: _Report, part: _Part, p: _Paragraph) -> bool:
    """Report tag problems in one paragraph; True when its tags are usable for the Jinja checks."""
    tags, problems = _scan(p.text)
    for problem in problems:
        report.add(part, p, problem)
    if not tags:
        return not problems
    usable = not problems
    if p.xml:
        clean, _ = _repaired_tags(p.xml)
        available = [_normal(t) for t in clean]
        for tag in tags:
            wanted = _normal(tag)
            if wanted in available:
                available.remove(wanted)
            else:
                usable = False
                report.add(
                    part,
                    p,
                    f"tag '{shorten(tag)}' is over meerdere opmaakdelen verdeeld (andere opmaak, een "
                    "bijgehouden wijziging of een veld middenin); typ de tag opnieuw in één keer",
                )
    for tag in tags:
        curly = sorted({c for c in tag if c in _CURLY})
        if curly:
            report.add(
                part,
                p,
                f"tag '{shorten(tag)}' bevat gekrulde aanhalingstekens ({' '.join(curly)}); typ rechte "
                "aanhalingstekens (\" of ') en zet in Word 'slimme aanhalingstekens' uit",
            )
        prefix = _PREFIX.match(tag)
        kind = prefix.group(2) if prefix else ""
        if kind in ("tr", "tc") and not p.in_table:
            report.add(part, p, f"tag '{shorten(tag)}' hoort in een tabelcel te staan")
        if kind == "p" and p.text.strip() != tag.strip():
            report.add(
                part,
                p,
                f"tag '{shorten(tag)}' vervangt de hele alinea, dus de tekst ernaast verdwijnt; "
                "zet de tag in een eigen alinea",
            )
        expression = _PREFIX.sub(r"\1 ", tag)
        if tag.startswith("{{") and kind != "r" and re.search(r"\b(link|mail)\s*\(", expression):
            report.add(
                part, p, f"tag '{shorten(tag)}' maakt een link; schrijf die als '{{{{r ...}}}}' (met r)"
            )
        if kind == "r" and re.search(r"\b(routeschema|logo_afbeelding)\b", expression):
            report.add(
                part, p, f"tag '{shorten(tag)}' voegt een afbeelding of schema in; schrijf die zonder r: '{{{{ ... }}}}'"
            )
    return usable


def _jinja_line(text: str) -> str:
    """A paragraph's text as docxtpl hands it to Jinja: prefixes gone, quotes straightened, own tags mapped."""
    out = []
    last = 0
    for match in _TAG.finditer(text):
        out.append(text[last : match.start()])
        tag = _PREFIX.sub(r"\1 ", match.group(0))
        for curly, straight in (("“", '"'), ("”", '"'), ("„", '"'), ("‘", "'"), ("’", "'"), ("‚", "'")):
            tag = tag.replace(curly, straight)
        tag = _DOCXTPL_TAGS.sub(r"{{ \2 }}", tag)
        tag = _DOCXTPL_MARKS.sub("", tag)
        out.append(tag)
        last = match.end()
    out.append(text[last:])
    return "".join(out)


# ---------------------------------------------------------------------------
# Jinja-level checks (per part)


def _syntax(env: Environment, source: str) -> TemplateSyntaxError | None:
    try:
        env.parse(source)
    except TemplateSyntaxError as exc:
        return exc
    return None


_OPENERS = {"if": "{% endif %}", "for": "{% endfor %}", "with": "{% endwith %}", "macro": "{% endmacro %}"}


def _tag_syntax(env: Environment, tag: str) -> str | None:
    """A single tag's own syntax error, judged apart from the blocks around it."""
    body = tag[2:-2].strip().lstrip("-").rstrip("-").strip()
    if tag.startswith("{#"):
        return None
    if tag.startswith("{{"):
        probe = tag
    else:
        word = body.split(None, 1)[0] if body else ""
        if word in ("endif", "endfor", "else", "endwith", "endmacro", "endfilter", "endset", "endcall"):
            return None
        if word == "elif":
            probe = "{% if true %}" + tag + "{% endif %}"
        elif word in _OPENERS:
            probe = tag + _OPENERS[word]
        else:
            probe = tag
    error = _syntax(env, probe)
    return _dutch_syntax(error.message or "") if error else None


def _dutch_syntax(message: str) -> str:
    """Jinja's syntax messages in Dutch, for the cases a template author meets."""
    inner = re.search(r"The innermost block that needs to be closed is '(\w+)'", message)
    unknown = re.match(r"Encountered unknown tag '(\w+)'", message)
    if message.startswith("Unexpected end of template") and inner:
        block = inner.group(1)
        return f"'{{% {block} %}}' wordt nergens afgesloten met '{{% end{block} %}}'"
    if unknown and inner:
        return (
            f"'{{% {unknown.group(1)} %}}' staat waar '{{% end{inner.group(1)} %}}' verwacht wordt; "
            "de blokken lopen door elkaar"
        )
    if unknown and unknown.group(1).startswith("end"):
        return f"'{{% {unknown.group(1)} %}}' zonder bijbehorende '{{% {unknown.group(1)[3:]} %}}'"
    if unknown and unknown.group(1) in ("else", "elif"):
        return f"'{{% {unknown.group(1)} %}}' staat buiten een '{{% if %}}'-blok"
    if unknown:
        return f"onbekende tag '{unknown.group(1)}'"
    return f"ongeldige Jinja ({message})"


def _strip(hint: Any) -> Any:
    """X | None to X; unknown unions to ANY."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _strip(args[0]) if len(args) == 1 else ANY
    return hint


def _element(hint: Any) -> Any:
    hint = _strip(hint)
    origin = typing.get_origin(hint)
    if origin in (tuple, list) or (origin is not None and origin.__name__ in ("Sequence", "Iterable")):
        args = [a for a in typing.get_args(hint) if a is not Ellipsis]
        return _strip(args[0]) if args else ANY
    return ANY


def _fields(cls: type) -> dict[str, Any]:
    hints = dict(typing.get_type_hints(cls))
    for name, member in vars(cls).items():
        if isinstance(member, property) and member.fget is not None:
            hints[name] = typing.get_type_hints(member.fget).get("return", ANY)
    return hints


def _dotted(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Const):
        return f'"{node.value}"' if isinstance(node.value, str) else repr(node.value)
    if isinstance(node, nodes.Tuple | nodes.List) and not node.items:
        return "()" if isinstance(node, nodes.Tuple) else "[]"
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_dotted(node.node)}[{node.arg.value!r}]"
    return "…"


class _Walker:
    """Walks a Jinja AST with a scope of names and their types; reports unknown names and attributes."""

    def __init__(self, env: Environment, report: _Report, part: _Part, known: dict[str, Any]) -> None:
        self.env = env
        self.report = report
        self.part = part
        self.known = known

    def at(self, node: nodes.Node, message: str) -> None:
        lineno = getattr(node, "lineno", 0) or 0
        paragraphs = self.part.paragraphs
        paragraph = paragraphs[lineno - 1] if 0 < lineno <= len(paragraphs) else None
        self.report.add(self.part, paragraph, message)

    # statements ---------------------------------------------------------

    def body(self, items: Iterable[nodes.Node], scope: dict[str, Any]) -> None:
        for item in items:
            self.stmt(item, scope)

    def stmt(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expr(child, scope)
        elif isinstance(node, nodes.For):
            kind = _element(self.expr(node.iter, scope))
            inner = dict(scope)
            self.bind(node.target, kind, inner)
            inner["loop"] = ANY
            if node.test is not None:
                self.expr(node.test, inner)
            self.body(node.body, inner)
            self.body(node.else_, scope)
        elif isinstance(node, nodes.If):
            self.expr(node.test, scope)
            self.body(node.body, scope)
            for branch in node.elif_:
                self.stmt(branch, scope)
            self.body(node.else_, scope)
        elif isinstance(node, nodes.Assign):
            self.bind(node.target, self.expr(node.node, scope), scope)
        elif isinstance(node, nodes.AssignBlock):
            self.body(node.body, dict(scope))
            self.bind(node.target, str, scope)
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=False):
                self.bind(target, self.expr(value, scope), inner)
            self.body(node.body, inner)
        elif isinstance(node, nodes.Macro | nodes.CallBlock):
            inner = dict(scope)
            for arg in node.args:
                inner[arg.name] = ANY
            inner["caller"] = ANY
            for default in node.defaults:
                self.expr(default, scope)
            if isinstance(node, nodes.Macro):
                scope[node.name] = Helper
                inner[node.name] = Helper
            else:
                self.expr(node.call, scope)
            self.body(node.body, inner)
        elif isinstance(node, nodes.Include | nodes.Import | nodes.FromImport | nodes.Extends):
            self.at(node, "een Word-sjabloon kan geen andere sjablonen invoegen (include, import, extends)")
        else:
            for item in node.iter_child_nodes():
                if isinstance(item, nodes.Expr):
                    self.expr(item, scope)
                else:
                    self.stmt(item, scope)

    def bind(self, target: nodes.Node, kind: Any, scope: dict[str, Any]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = kind
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, ANY, scope)
        elif isinstance(target, nodes.NSRef):
            return

    # expressions --------------------------------------------------------

    def expr(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name in self.env.globals:
                return ANY
            close = _suggest(node.name, scope)
            hint = f"; bedoelt u '{close}'?" if close else ""
            self.at(node, f"onbekende variabele '{node.name}': het model levert die niet{hint}")
            return ANY
        if isinstance(node, nodes.Getattr):
            if (
                node.attr in ("format", "format_map")
                and isinstance(node.node, nodes.Const)
                and isinstance(node.node.value, str)
                and _FORMAT_REACH.search(node.node.value)
            ):
                # '{0.__class__}'.format(x) reaches the same internals as x.__class__ does.
                self.at(
                    node,
                    f"'{shorten(node.node.value)}' is afgeschermd: een opmaaktekst mag niet bij "
                    "de binnenkant van Python",
                )
            return self.attribute(node, self.expr(node.node, scope), node.attr)
        if isinstance(node, nodes.Getitem):
            owner = self.expr(node.node, scope)
            self.expr(node.arg, scope)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self.attribute(node, owner, node.arg.value)
            return _element(owner)
        if isinstance(node, nodes.Const):
            return type(node.value)
        if isinstance(node, nodes.Filter):
            return self.filter(node, scope)
        if isinstance(node, nodes.Test):
            if node.name not in self.env.tests:
                self.at(node, f"onbekende test '{node.name}' (na 'is')")
            if node.node is not None and node.name not in ("defined", "undefined"):
                self.expr(node.node, scope)
            self.args(node, scope)
            return bool
        if isinstance(node, nodes.Call):
            callee = self.expr(node.node, scope)
            self.args(node, scope)
            if isinstance(node.node, nodes.Name) and node.node.name == "routeschema":
                return Image
            return ANY if callee is not Image else Image
        for child in node.iter_child_nodes():
            self.expr(child, scope)
        return ANY

    def args(self, node: nodes.Call | nodes.Filter | nodes.Test, scope: dict[str, Any]) -> None:
        for arg in node.args:
            self.expr(arg, scope)
        for keyword in node.kwargs:
            self.expr(keyword.value, scope)
        for extra in (node.dyn_args, node.dyn_kwargs):
            if extra is not None:
                self.expr(extra, scope)

    def filter(self, node: nodes.Filter, scope: dict[str, Any]) -> Any:
        if node.name not in self.env.filters:
            close = _suggest(node.name, self.env.filters)
            hint = f"; bedoelt u '{close}'?" if close else ""
            self.at(node, f"onbekend filter '{node.name}'{hint}")
        owner = self.expr(node.node, scope) if node.node is not None else ANY
        self.args(node, scope)
        if node.name == "attr" and node.args and isinstance(node.args[0], nodes.Const):
            return self.attribute(node, owner, str(node.args[0].value), what="attr")
        if node.name in ("map", "selectattr", "rejectattr", "sort", "groupby", "sum", "unique"):
            for keyword in node.kwargs:
                if keyword.key == "attribute" and isinstance(keyword.value, nodes.Const):
                    self.attribute(node, _element(owner), str(keyword.value.value), what="attribute")
            mapped = node.args[0].value if node.args and isinstance(node.args[0], nodes.Const) else None
            if node.name == "map" and mapped is not None and mapped not in self.env.filters:
                self.at(node, f"onbekend filter '{mapped}' in map()")
            if (
                node.name in ("selectattr", "rejectattr")
                and node.args
                and isinstance(node.args[0], nodes.Const)
            ):
                self.attribute(node, _element(owner), str(node.args[0].value), what="attribute")
        if node.name in _ELEMENT_FILTERS:
            return _element(owner)
        if node.name in _STR_FILTERS:
            return str
        if node.name in _INT_FILTERS:
            return int
        if node.name in _SAME_FILTERS:
            return _strip(owner)
        return ANY

    def attribute(self, node: nodes.Node, owner: Any, attr: str, what: str = "") -> Any:
        owner = _strip(owner)
        if owner is _Refused:
            return _Refused
        label = _dotted(node) if not what else f"{what}('{attr}')" if what == "attr" else f"{what}='{attr}'"
        if unsafe_name(attr):
            self.at(
                node,
                f"'{label}' is afgeschermd: een sjabloon gebruikt alleen de gegevens van de routekaart, "
                "niet de binnenkant van Python",
            )
            return _Refused
        if owner is ANY or owner is typing.Any:
            return ANY
        if owner in (Helper, Image):
            self.at(node, f"'{label}' bestaat niet: dit is een functie of afbeelding zonder onderdelen")
            return ANY
        if isinstance(owner, type) and dataclasses.is_dataclass(owner):
            fields = _fields(owner)
            if attr in fields:
                return fields[attr]
            if hasattr(owner, attr):
                return ANY
            noun = _NOUNS.get(owner.__name__, owner.__name__)
            close = _suggest(attr, fields)
            hint = f"bedoelt u '{close}'?" if close else f"{noun} heeft: {', '.join(list(fields)[:12])}"
            if not close and len(fields) > 12:
                hint += ", …"
            self.at(node, f"'{label}' bestaat niet in het model; {hint}")
            return ANY
        origin = typing.get_origin(owner) or owner
        if isinstance(origin, type) and not allowed_owner(origin):
            # A Path (logo) has methods that read and write files; the sandbox refuses them.
            self.at(node, f"'{label}' is afgeschermd: een sjabloon kan geen bestanden lezen of schrijven")
            return _Refused
        if isinstance(origin, type) and not hasattr(origin, attr):
            self.at(node, f"'{label}' bestaat niet: deze waarde heeft geen onderdeel '{attr}'")
        return ANY


# ---------------------------------------------------------------------------
# Entry point


def _check_part(env: Environment, report: _Report, part: _Part, known: dict[str, Any]) -> None:
    lines = []
    for p in part.paragraphs:
        usable = _check_paragraph(report, part, p)
        line = _jinja_line(p.text) if usable else ""
        if usable:
            for tag in _TAG.findall(line):
                message = _tag_syntax(env, tag)
                if message:
                    report.add(part, p, f"tag '{shorten(tag)}': {message}")
                    line = ""
                    break
        lines.append(line)
    # Report a structural error (an unclosed for, a stray endif), set its paragraph aside and try
    # again, so one mistake does not hide the others.
    for _ in range(len(lines)):
        error = _syntax(env, "\n".join(lines))
        if error is None:
            break
        lineno = error.lineno or 0
        paragraph = part.paragraphs[lineno - 1] if 0 < lineno <= len(part.paragraphs) else None
        report.add(part, paragraph, _dutch_syntax(error.message or str(error)))
        if paragraph is None or not lines[lineno - 1]:
            return
        lines[lineno - 1] = ""
    else:
        return
    source = "\n".join(lines)
    _Walker(env, report, part, known).body(env.parse(source).body, dict(known))


def check_template_file(path: Path) -> list[str]:
    """Every problem in a Word template, each with its place; an empty list means the template is usable."""
    path = Path(path)
    report = _Report(path.name)
    if not path.exists():
        return [f"{path.name}: bestand niet gevonden ({path})"]
    if path.is_dir():
        return [f"{path.name}: is een map, geen Word-bestand"]
    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile):
        return [f"{path.name}: is geen Word-document; sla het in Word op als 'Word-document (*.docx)'"]
    except (KeyError, ValueError, etree.XMLSyntaxError) as exc:
        return [f"{path.name}: is geen geldig Word-document (.docx) ({exc})"]
    env = make_environment()
    known = model_names()
    for part in _parts(document):
        _check_part(env, report, part, known)
    return package_issues(path) + report.issues
