"""Property tests over the whole build: profile-shaped data gives valid outputs or a Dutch error, never a crash."""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import docx
import odfdo
import pypdf
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from assembler.builders.odf.builder import check_odt
from assembler.builders.word.builder import check_docx
from assembler.cardformats import CARD_FORMATS
from assembler.errors import AssemblerError, ProfileError
from assembler.pipeline.municipality import BuildResult, build_profile
from assembler.pipeline.output import TEMP_PREFIX
from assembler.profile.schema import AUDIENCES, PARTNER_TYPES, PRIORITIES, REGIE
from tests.builders.odf.editions import read_odt
from tests.conftest import BASE_PROFILE
from tests.profile.test_properties_loader import PRACTICE_KEYS, STEP_KEYS, _dump, nasty_text, profile_data

BOUNDED = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


BASE: dict[str, Any] = YAML(typ="safe").load(BASE_PROFILE)

# Text as people type or paste it: markup, Jinja, emoji, right-to-left script, and the controls
# Word and web pages bring along, always around at least one visible character.
CONTROLS = st.sampled_from(["\v", "\f", "\u200b", "\u202e", "\u2066", "\x00", "\x07", "\n", "\n\n", "\ufeff"])
ANY_SCRIPT = st.characters(blacklist_categories=("Cs",))
# What the shipped Noto Sans can print: a PDF refuses a character it would show as an empty box.
LATIN = st.characters(min_codepoint=0x20, max_codepoint=0x24F, blacklist_categories=("Cs", "Cc"))
WORLD = [
    "A & B <c>",
    "{{ gemeente }} {% if x %}",
    "{_{ x }_}",
    "Zorg 👩‍👧 en 🏠",
    "مرحبا",
    "]]>",
    "Élan",
    "1",
]


def mostly(
    good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any], one_in: int = 10
) -> st.SearchStrategy[Any]:
    """good, and once in so many draws bad: a profile with a dozen fields should often be valid."""
    return st.integers(1, one_in).flatmap(lambda n: bad if n == 1 else good)


def pasted(alphabet: st.SearchStrategy[str], samples: list[str]) -> st.SearchStrategy[str]:
    """Pasted text; now and then text no profile may hold: empty, only invisible, far too long, anything."""
    good = st.builds(
        lambda before, visible, control, after: f"{before}{visible}{control}{after}",
        st.one_of(st.just(""), CONTROLS),
        st.sampled_from(samples),
        CONTROLS,
        st.text(alphabet=alphabet, max_size=40),
    )
    return mostly(good, st.one_of(nasty_text, st.text(max_size=3), st.just("\u200b\v")))


def phone(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return mostly(
        st.sampled_from(["020-1234567", "0800-2000", "0900-8844", "112", "+31 20 123 4567"]), text, 25
    )


def fresh(day: dt.date) -> dt.date:
    # The YAML writer would make one date object used twice into an anchor and an alias.
    return dt.date.fromordinal(day.toordinal())


@st.composite
def extra_partner(draw: st.DrawFn, number: int, text: st.SearchStrategy[str]) -> dict[str, Any]:
    partner = {
        "id": f"partner-{number}",
        "naam": draw(text),
        "type": draw(st.sampled_from(PARTNER_TYPES)),
        "praktijken": draw(
            st.lists(st.sampled_from([*PRACTICE_KEYS, "alle"]), min_size=1, max_size=3, unique=True)
        ),
        "stappen": draw(st.lists(st.sampled_from(STEP_KEYS), max_size=3, unique=True)),
        "telefoon": draw(phone(text)),
        "gecontroleerd_op": fresh(BASE["partners"][0]["gecontroleerd_op"]),
    }
    for key, value in (("rol", draw(st.none() | text)), ("spoed", draw(st.none() | phone(text)))):
        if value is not None:
            partner[key] = value
    return partner


@st.composite
def buildable(draw: st.DrawFn, text: st.SearchStrategy[str]) -> dict[str, Any]:
    """The complete base profile with its text, choices and lists varied: mostly valid, sometimes not."""
    data = copy.deepcopy(BASE)
    data["naam"] = draw(text)
    data["huisstijl"]["hoofdkleur"] = draw(
        mostly(st.from_regex(r"#[0-9A-Fa-f]{6}", fullmatch=True), text, 25)
    )
    document = data["document"]
    document["inleiding"] = draw(text)
    document["eigenaar"]["naam"] = draw(text)
    document["eigenaar"]["functie"] = draw(text)
    document["eigenaar"]["telefoon"] = draw(phone(text))
    document["vastgesteld_op"] = draw(st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)))
    document["herzien_voor"] = document["vastgesteld_op"] + dt.timedelta(days=draw(st.integers(1, 1500)))
    practices = draw(st.lists(st.sampled_from(PRACTICE_KEYS), min_size=1, max_size=4, unique=True))
    data["praktijken"] = {
        key: draw(
            st.fixed_dictionaries(
                {}, optional={"prioriteit": st.sampled_from(PRIORITIES), "lokale_situatie": text}
            )
        )
        for key in practices
    }
    for partner in data["partners"]:
        partner["naam"] = draw(text)
        partner["telefoon"] = draw(phone(text))
    data["partners"] += [draw(extra_partner(i, text)) for i in range(draw(st.integers(0, 3)))]
    data["veilig_thuis"]["naam"] = draw(text)
    keten = data["ketenaanpak"]
    keten["regie"] = draw(st.sampled_from(REGIE))
    keten["sleutelpersonen"] = draw(st.booleans())
    keten["toeleiden_naar_zorg"]["afspraken"] = draw(text)
    if draw(st.booleans()):
        del keten["coordinator"]
    data["kaarten"]["formaat"] = draw(st.sampled_from(tuple(CARD_FORMATS)))
    data["kaarten"]["doelgroepen"] = draw(
        st.lists(st.sampled_from(AUDIENCES), min_size=1, max_size=3, unique=True)
    )
    return data


def check_outputs(result: BuildResult) -> None:
    """Every file opens the way a reader opens it."""
    assert result.files
    for path in result.files:
        data = path.read_bytes()
        if path.suffix == ".docx":
            check_docx(path.name, data)
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                assert package.testzip() is None
            document = docx.Document(io.BytesIO(data))
            assert document.core_properties.title.startswith("Routekaart")
            assert any(p.text.strip() for p in document.paragraphs)
        elif path.suffix == ".odt":
            check_odt(path.name, data)
            odf = odfdo.Document(io.BytesIO(data))
            assert (odf.meta.title or "").startswith("Routekaart")
            edition = read_odt(path)
            assert edition.headings and edition.paragraphs
        elif path.suffix == ".pdf":
            reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
            assert len(reader.pages) >= 1
            assert reader.pages[0].extract_text().strip()
    assert not list(result.folder.glob(f"{TEMP_PREFIX}*"))


def check_error(exc: AssemblerError) -> None:
    message = str(exc)
    assert message.strip()
    assert "Traceback" not in message
    if isinstance(exc, ProfileError):
        assert exc.problems
        for problem in exc.problems:
            assert problem.file and problem.line >= 1 and problem.message


def build_or_explain(data: dict[str, Any], root: Path, formats: tuple[str, ...]) -> BuildResult | None:
    path = root / "gemeente.yaml"
    _dump(data, path)
    try:
        result = build_profile(path, root / "uit", formats)
    except AssemblerError as exc:
        check_error(exc)
        event(f"geweigerd: {type(exc).__name__}")
        return None
    check_outputs(result)
    event("gebouwd")
    return result


@BOUNDED
@given(data=buildable(pasted(ANY_SCRIPT, WORLD)))
def test_varied_profiles_build_valid_word_and_odf_documents_or_explain(
    tmp_path_factory, data: dict[str, Any]
) -> None:
    build_or_explain(data, tmp_path_factory.mktemp("b"), ("docx", "odt"))


@settings(BOUNDED, max_examples=10)
@given(data=profile_data)
def test_any_profile_shaped_data_builds_or_explains(tmp_path_factory, data: dict[str, Any]) -> None:
    build_or_explain(data, tmp_path_factory.mktemp("p"), ("docx", "odt"))


@settings(BOUNDED, max_examples=4)
@given(data=buildable(pasted(LATIN, [w for w in WORLD if w.isascii() or w == "Élan"])))
def test_varied_profiles_build_valid_pdfs_and_cards_or_explain(
    tmp_path_factory, data: dict[str, Any]
) -> None:
    build_or_explain(data, tmp_path_factory.mktemp("k"), ("pdf", "kaarten"))
