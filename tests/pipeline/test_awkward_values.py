"""What `validate` accepts builds: every printed field of the schema, with valid but awkward values.

A complete municipality (every field from the schema's examples) gets, in every printed field at
once, a value the validator accepts but a layout may not expect: each phone notation (+31, (0),
spaces, dashes, dots, 0800/0900, short numbers), the longest e-mail addresses and web addresses,
names as long as allowed, one unbroken word, right-to-left text. Then either `validate` refuses the
profile, naming file, line and field, or all four formats build and read back.

The fields come from the schema, so a printed field added later is covered at once. CI runs a few
examples (each is a full build); a longer run: ASSEMBLER_AWKWARD_EXAMPLES=200 python -m pytest
tests/pipeline/test_awkward_values.py -n 0.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from ruamel.yaml import YAML

from assembler.errors import ProfileError
from assembler.phone import read_phone
from assembler.pipeline.municipality import build_profile
from assembler.pipeline.preflight import card_problems
from assembler.profile.reading import check_paths
from assembler.profile.schema import GEMEENTE, leaf_patterns
from assembler.profile.values import check_email, check_url
from tests.schema_examples import example, rule_at
from tests.test_properties_build import check_outputs

EXAMPLES = int(os.environ.get("ASSEMBLER_AWKWARD_EXAMPLES", "3"))
FORMATS = ("docx", "pdf", "html", "kaarten")
LONGEST = 600  # characters of a long text field; names stop at their own maximum (120)
TODAY = dt.date(2026, 11, 20)
# Fields that are no text a reader sees: keys and references to them, paths to files, the house colour.
NOT_PRINTED = ("id", "coordinator", "regio", "logo", "sjabloon", "soort", "hoofdkleur")

PHONES = [
    "+31 20 123 4567",
    "+31 (0)20 123 4567",
    "+31 (0) 20 - 123 45 67",
    "+31201234567",
    "0031 20 123 4567",
    "(020) 123 45 67",
    "020 - 123 45 67",
    "020.123.4567",
    "0201234567",
    "06-12345678",
    "06 123 456 78",
    "088-123 45 67",
    "0800-2000",
    "0800 0123",
    "0800-1234567",
    "0900-8844",
    "0900 123 4567",
    "112",
    "14 020",
    "14020",
    "+32 2 123 45 67",
    "+49 30 1234567",
]
SEPARATORS = st.sampled_from(["", " ", "-", " - ", ".", "  "])


@st.composite
def phones(draw: st.DrawFn) -> str:
    """A listed notation, or a Dutch number with separators and prefix of its own."""
    if draw(st.booleans()):
        return draw(st.sampled_from(PHONES))
    area, rest = draw(st.sampled_from([("20", "1234567"), ("10", "7654321"), ("6", "12345678"), ("595", "123410")]))
    prefix = draw(st.sampled_from(["0", "+31 ", "+31 (0)", "0031 ", "(0"]))
    close = ")" if prefix == "(0" else ""
    cuts = sorted(draw(st.sets(st.integers(1, len(rest) - 1), max_size=3)))
    parts = [rest[a:b] for a, b in zip([0, *cuts], [*cuts, len(rest)], strict=True)]
    text = f"{prefix}{area}{close}{draw(SEPARATORS)}"
    for part in parts[:-1]:
        text += part + draw(SEPARATORS)
    return (text + parts[-1]).strip()


LABEL = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=63).filter(
    lambda s: not s.startswith("-") and not s.endswith("-")
)


@st.composite
def emails(draw: st.DrawFn) -> str:
    longest = "a" * 64 + "@" + ".".join(["b" * 63, "c" * 63, "d" * 57, "nl"])  # 254 characters
    local = draw(st.sampled_from(["a", "voornaam.achternaam", "x" * 64, "team+meldingen"]))
    domain = ".".join([*draw(st.lists(LABEL, min_size=1, max_size=3)), "example"])
    return draw(st.sampled_from([longest, f"{local}@{domain}"[:254]]))


@st.composite
def urls(draw: st.DrawFn) -> str:
    host = ".".join(["www", *draw(st.lists(LABEL, min_size=1, max_size=2)), "nl"])
    path = "/".join(draw(st.lists(st.text(alphabet="abcdefghij-_0123456789", min_size=1, max_size=80), max_size=6)))
    query = draw(st.sampled_from(["", "?pagina=1&sortering=naam", "#contact"]))
    return f"https://{host}/{path}{query}"


WORDS = ["Zorg", "en", "Veiligheidshuis", "Rivierstad-Noord", "'s-Heerenveld", "Súdwest-Fryslân"]
RTL = ["مرحبا بكم في رivierstad", "شركاء الحي", "שלום לכולם", "צוות השכונה"]


@st.composite
def texts(draw: st.DrawFn, maxlength: int) -> str:
    kind = draw(st.sampled_from(["long", "word", "rtl", "mixed"]))
    if kind == "word":
        return ("Gezondheidsbevorderingsprogrammacoördinatie" * 20)[: min(maxlength, 120)]
    if kind == "rtl":
        return draw(st.sampled_from(RTL))
    words = draw(st.lists(st.sampled_from(WORDS + (RTL if kind == "mixed" else [])), min_size=1, max_size=100))
    # As long as the field allows, up to a long paragraph: pages of text per field only slow the build.
    return " ".join(words)[: min(maxlength, LONGEST)].strip()


def printed(schema: dict[str, Any]) -> dict[str, st.SearchStrategy[Any]]:
    """A strategy per printed field of the schema, by the kind of value its rule asks for."""
    found: dict[str, st.SearchStrategy[Any]] = {}
    for pattern in leaf_patterns(schema):
        rule = rule_at(schema, pattern)
        if pattern.split(".")[-1] in NOT_PRINTED or rule.get("type") not in ("string", None) or "allowed" in rule:
            continue
        check = rule.get("check_with")
        if check == "phone":
            found[pattern] = phones().filter(lambda t: read_phone(t).error is None)
        elif check == "email":
            found[pattern] = emails().filter(lambda t: check_email(t) is None)
        elif check == "url":
            found[pattern] = urls().filter(lambda t: check_url(t) is None)
        elif check is None and rule.get("type") == "string":
            found[pattern] = texts(int(rule.get("maxlength", 4000)))
    return found


FIELDS = printed(GEMEENTE)


def test_the_awkward_values_cover_every_printed_field() -> None:
    """The generated fields are the schema's: names, texts, phones, e-mail and web addresses."""
    assert {"naam", "document.versie", "partners.*.telefoon", "partners.*.email", "kaarten.qr"} <= set(FIELDS)
    assert "handvatten.nazorg_vgv.toelichting" in FIELDS and "partners.*.id" not in FIELDS


def base() -> dict[str, Any]:
    data = example({"type": "dict", "schema": GEMEENTE})
    for name in ("regio", "logo", "sjabloon"):
        del data[name]
    checked = (TODAY - dt.timedelta(days=30)).isoformat()
    for partner in data["partners"]:
        partner["gecontroleerd_op"] = checked
    data["veilig_thuis"]["gecontroleerd_op"] = checked
    data["kaarten"]["formaat"] = "a6"  # the roomiest card: long local text still has to fit
    return data


def put(data: Any, parts: list[str], value: Any) -> None:
    if parts[0] == "*":
        for item in data:
            put(item, parts[1:], value)
    elif len(parts) == 1:
        data[parts[0]] = value
    else:
        put(data[parts[0]], parts[1:], value)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(values=st.fixed_dictionaries({k: st.one_of(v, st.none()) for k, v in FIELDS.items()}))
def test_what_validate_accepts_builds_in_every_format(tmp_path_factory, values: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    data = base()
    # Each field awkward or as the schema's example: all of them awkward at once would fill every
    # pocket card past its edge, a fair refusal that would leave the other formats untried.
    values = {k: v for k, v in values.items() if v is not None}
    for pattern, value in values.items():
        put(data, pattern.split("."), value)
    folder = tmp_path_factory.mktemp("awkward")
    path = folder / "rivierstad.yaml"
    stream = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, stream)
    path.write_text(stream.getvalue(), encoding="utf-8")

    errors = [p for p in check_paths([path], TODAY, card_problems) if p.is_error]
    if errors:
        # Refused: each problem names the file, a line and the field, as `validate` prints it.
        for problem in errors:
            assert problem.file == str(path) and problem.line >= 1 and problem.path, problem.format()
        event(f"geweigerd: {sorted({re.sub(r'[0-9]+', 'N', p.path) for p in errors})}")
        if os.environ.get("ASSEMBLER_AWKWARD_SHOW"):
            print(*(p.message[:300] for p in errors), sep="\n")
        return
    try:
        result = build_profile(path, folder / "uit", FORMATS, today=TODAY)
    except ProfileError as exc:  # pragma: no cover - the failure this test exists to find
        raise AssertionError(f"validate nam het profiel aan, de build niet:\n{exc}") from None
    event("gebouwd")
    check_outputs(result)
    assert {p.suffix for p in result.files} == {".docx", ".pdf", ".html"}
    page = lxml_html.fromstring(next(p for p in result.files if p.suffix == ".html").read_bytes())
    links = {a.get("href") for a in page.iter("a")}
    # Every phone number printed keeps its exact tel: link.
    for pattern, value in values.items():
        number = read_phone(value).phone if pattern.endswith(("telefoon", "spoed")) and value else None
        if number is not None:
            assert number.uri in links, (pattern, value)
