"""Property test of the rule of issue 15: a profile `validate` accepts builds in every format.

Profiles vary the values people write in many forms (colours, phone numbers) and the
text that used to break a build (emoji, right-to-left script, long words, many
partners). Each is validated exactly as `assembler validate` does; accepted profiles
must build docx, pdf, html and kaarten, refused ones must say where.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from assembler.pipeline.municipality import build_profile
from assembler.pipeline.preflight import card_problems
from assembler.profile.reading import check_paths
from tests.profile.test_properties_loader import _dump
from tests.test_properties_build import BASE, check_outputs, fresh

FEW = settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

HEX = "0123456789abcdefABCDEF"
COLOURS = st.one_of(
    st.text(alphabet=HEX, min_size=3, max_size=3).map(lambda h: f"#{h}"),
    st.text(alphabet=HEX, min_size=6, max_size=6).map(lambda h: f"#{h}"),
)
PHONES = st.sampled_from(
    [
        "020-1234567",
        "020 123 4567",
        "(020) 123 45 67",
        "020.123.4567",
        "0201234567",
        "+31 20 123 4567",
        "+31(0)20-1234567",
        "0031 20 123 4567",
        "0800-2000",
        "0800 2000",
        "0900-8844",
        "14 020",
        "14020",
        "112",
    ]
)
WORDS = st.sampled_from(
    [
        "Wijkteam",
        "Veilig 🏠 thuis",
        "☎ ★ ✓",
        "مرحبا بكم",
        "שלום לכולם",
        "Ελλάδα",
        "Жуковский",
        "Zorg 👩‍👧",  # refused: no shipped font has these
        "你好",  # refused
        "https://www.testdam.test/" + "lange-pagina" * 12,
        "Ketenaanpakschadelijkepraktijkencoördinatie" * 3,
    ]
)
TEXT = st.lists(WORDS, min_size=1, max_size=3).map(" ".join)


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data["huisstijl"]["hoofdkleur"] = draw(COLOURS)
    data["document"]["inleiding"] = draw(TEXT)
    data["document"]["eigenaar"]["telefoon"] = draw(PHONES)
    data["partners"][0]["naam"] = draw(TEXT)
    data["partners"][0]["telefoon"] = draw(PHONES)
    data["kaarten"]["formaat"] = draw(st.sampled_from(["creditcard", "a6"]))
    for i in range(draw(st.integers(0, 12))):
        data["partners"].append(
            {
                "id": f"partner-{i}",
                "naam": draw(TEXT),
                "type": "ggz",
                "praktijken": ["alle"],
                "stappen": ["signaleren_en_melden"],
                "telefoon": draw(PHONES),
                "gecontroleerd_op": fresh(BASE["partners"][0]["gecontroleerd_op"]),
            }
        )
    return data


@FEW
@given(data=profiles())
def test_what_validate_accepts_builds_in_every_format(tmp_path_factory, data: dict[str, Any]) -> None:
    root: Path = tmp_path_factory.mktemp("v")
    path = root / "gemeente.yaml"
    _dump(data, path)
    problems = check_paths([path], extra=card_problems)
    errors = [p for p in problems if p.is_error]
    if errors:
        event("geweigerd door validate")
        assert all(p.file and p.line >= 1 and p.path and p.message for p in errors)
        return
    event("gebouwd")
    result = build_profile(path, root / "uit", ("docx", "pdf", "html", "kaarten"))
    check_outputs(result)
    assert len(result.files) == 5
