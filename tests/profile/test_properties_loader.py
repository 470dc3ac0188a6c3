"""Property tests: any text or profile-shaped data gets problems or a Profile, never a crash."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from assembler.errors import ProfileError
from assembler.problems import Problem
from assembler.profile.loader import load_document
from assembler.profile.reading import check_paths, load_profile
from assembler.profile.schema import AUDIENCES, PARTNER_TYPES, PRIORITIES, REGIE

PRACTICE_KEYS = [
    "vrouwelijke_genitale_verminking",
    "huwelijksdwang",
    "gedwongen_achterlating",
    "eergerelateerd_geweld",
]
STEP_KEYS = ["signaleren_en_melden", "toeleiden_naar_zorg", "preventie_veiligheid_hulp"]

FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text a policy officer might paste: markup, quotes, Jinja, emoji, RTL, controls, very long words.
nasty_text = st.one_of(
    st.text(min_size=1, max_size=80),
    st.sampled_from(
        [
            "A & B <c> \"d\" 'e'",
            "{{ gemeente }} {% if x %}y{% endif %}",
            "Voorlichting 👩‍👧 en zorg",
            "مرحبا بكم في الغد",
            "x" * 300,
            "regel\x0bnieuw\u200b\u202e",
            "]]> <![CDATA[",
        ]
    ),
)


def _dump(data: object, path: Path) -> None:
    yaml = YAML()
    yaml.allow_unicode = True
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)


def _check_problems(problems: list[Problem]) -> None:
    for problem in problems:
        assert problem.file and problem.line >= 1 and problem.column >= 1
        assert problem.message


@FAST
@given(text=st.text(max_size=400))
def test_any_text_gives_problems_or_data(tmp_path_factory, text: str) -> None:
    path = tmp_path_factory.mktemp("p") / "profiel.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        load_document(path)
    except ProfileError as exc:
        _check_problems(exc.problems)
    _check_problems(check_paths([path]))


@FAST
@given(raw=st.binary(max_size=300))
def test_any_bytes_gives_problems(tmp_path_factory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("b") / "profiel.yaml"
    path.write_bytes(raw)
    _check_problems(check_paths([path]))


partner = st.fixed_dictionaries(
    {
        "id": st.one_of(st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True), nasty_text),
        "naam": nasty_text,
        "type": st.one_of(st.sampled_from(PARTNER_TYPES), nasty_text),
    },
    optional={
        "rol": nasty_text,
        "praktijken": st.lists(st.sampled_from([*PRACTICE_KEYS, "alle"]), max_size=3, unique=True),
        "stappen": st.lists(st.sampled_from(STEP_KEYS), max_size=3, unique=True),
        "telefoon": st.one_of(
            st.sampled_from(["0123-456789", "0800-2000", "112", "+31 20 123 4567"]), nasty_text
        ),
        "email": st.one_of(st.just("team@gemeente.example"), nasty_text),
        "website": st.one_of(st.just("https://www.gemeente.example"), nasty_text),
        "gecontroleerd_op": st.one_of(st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)), nasty_text),
    },
)

profile_data = st.fixed_dictionaries(
    {
        "schema_versie": st.one_of(st.just(1), st.integers()),
        "soort": st.one_of(st.just("gemeente"), nasty_text),
        "naam": nasty_text,
        "document": st.fixed_dictionaries(
            {
                "versie": st.one_of(st.just("1.0"), nasty_text),
                "vastgesteld_op": st.one_of(st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)), nasty_text),
                "eigenaar": st.fixed_dictionaries({"naam": nasty_text}),
            },
            optional={"inleiding": nasty_text, "herzien_voor": st.dates()},
        ),
        "praktijken": st.dictionaries(
            st.one_of(st.sampled_from(PRACTICE_KEYS), nasty_text),
            st.one_of(
                st.just({}),
                st.fixed_dictionaries(
                    {}, optional={"prioriteit": st.sampled_from(PRIORITIES), "lokale_situatie": nasty_text}
                ),
            ),
            min_size=1,
            max_size=4,
        ),
    },
    optional={
        "partners": st.lists(partner, max_size=4),
        "ketenaanpak": st.fixed_dictionaries(
            {},
            optional={
                "regie": st.one_of(st.sampled_from(REGIE), nasty_text),
                "coordinator": nasty_text,
                "signaleren_en_melden": st.fixed_dictionaries(
                    {}, optional={"afspraken": nasty_text, "partners": st.lists(nasty_text, max_size=2)}
                ),
            },
        ),
        "kaarten": st.fixed_dictionaries(
            {},
            optional={
                "formaat": st.sampled_from(["creditcard", "a6", "A5"]),
                "doelgroepen": st.lists(st.sampled_from(AUDIENCES), unique=True),
            },
        ),
        "huisstijl": st.fixed_dictionaries({"hoofdkleur": st.one_of(st.just("#1F5C99"), nasty_text)}),
    },
)


@FAST
@given(data=profile_data)
def test_profile_shaped_data_validates_or_explains(tmp_path_factory, data: dict) -> None:
    path = tmp_path_factory.mktemp("g") / "gemeente.yaml"
    _dump(data, path)
    try:
        profile = load_profile(path)
    except ProfileError as exc:
        assert exc.problems
        assert any(p.is_error for p in exc.problems)
        _check_problems(exc.problems)
    else:
        assert profile.naam
        _check_problems(list(profile.warnings))
