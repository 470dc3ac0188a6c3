"""The loader: values with their positions, and a Dutch ProfileError (never a crash) for bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assembler.errors import ProfileError
from assembler.profile import loader
from assembler.profile.loader import MAX_BYTES, MAX_DEPTH, dotted, iter_paths, load_document
from tests.conftest import FIXTURE_REGION, WriteFile


def _problems(path: Path) -> list[str]:
    with pytest.raises(ProfileError) as caught:
        load_document(path)
    return [p.format() for p in caught.value.problems]


def test_fixture_loads_with_positions() -> None:
    doc = load_document(FIXTURE_REGION / "gemeenten" / "brugstad.yaml")
    assert doc.data["naam"] == "Brugstad"
    assert doc.data["document"]["vastgesteld_op"] == dt.date(2026, 10, 15)
    # 'telefoon: "0123-780789"' of the first partner stands on line 70, value at column 15.
    assert doc.where(("partners", 0, "telefoon")) == (70, 15)
    assert doc.where(("partners", 0, "telefoon"), key=True) == (70, 5)
    assert doc.data["partners"][0]["telefoon"] == "0123-780789"


def test_where_falls_back_to_the_nearest_ancestor(write: WriteFile) -> None:
    doc = load_document(write("soort: gemeente\ndocument:\n  versie: x\n"))
    assert doc.where(("document", "eigenaar", "naam")) == (3, 3)
    assert doc.where(("document", "eigenaar"), key=True) == (2, 1)
    assert doc.where(("bestaat_niet",)) == (1, 1)


def test_scalars_keep_their_meaning(write: WriteFile) -> None:
    doc = load_document(
        write(
            "a: 0201234567\nb: +31201234567\nc: 112\nd: 2026-02-30\ne: 2026-02-28\nf: true\ng: ~\nh: .nan\n"
        )
    )
    # A leading zero or plus is a code (a phone number), not a quantity: kept as written.
    assert doc.data["a"] == "0201234567"
    assert doc.data["b"] == "+31201234567"
    assert doc.data["c"] == 112
    # An impossible date stays text so that the validator can name it.
    assert doc.data["d"] == "2026-02-30"
    assert doc.data["e"] == dt.date(2026, 2, 28)
    assert doc.data["f"] is True
    assert doc.data["g"] is None
    assert doc.data["h"] == ".nan"


def test_every_duplicate_key_is_reported_with_its_line(write: WriteFile) -> None:
    messages = _problems(write("soort: gemeente\nnaam: A\nnaam: B\ndocument:\n  versie: 1\n  versie: 2\n"))
    assert len(messages) == 2
    assert any(":3:1: naam: veld 'naam' staat er twee keer (eerder op regel 2)" in m for m in messages)
    assert any(
        ":6:3: document.versie: veld 'versie' staat er twee keer (eerder op regel 5)" in m for m in messages
    )


def test_alias_bomb_is_refused_quickly(write: WriteFile) -> None:
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    messages = _problems(write("\n".join(lines) + "\n"))
    # One message per anchor, not one per use: nine anchors.
    assert len(messages) == 9
    assert ":1:4: a: anker '&a' wordt niet ondersteund" in messages[0]


def test_merge_key_is_refused(write: WriteFile) -> None:
    messages = _problems(write("soort: gemeente\ndocument:\n  <<: {versie: 1}\n"))
    assert any(":3:3: document: samenvoegen met '<<' wordt niet ondersteund" in m for m in messages)


@pytest.mark.parametrize(
    ("content", "location", "fragment"),
    [
        pytest.param(b"", ":1:1:", "bestand is leeg", id="leeg"),
        pytest.param(b"# alleen uitleg\n\n", ":1:1:", "bestand is leeg", id="alleen-commentaar"),
        pytest.param(b"\xef\xbb\xbf", ":1:1:", "bestand is leeg", id="alleen-bom"),
        pytest.param(b"---\n", ":1:1:", "bestand is leeg", id="alleen-streepjes"),
        pytest.param(b"- a\n- b\n", ":1:1:", "het bestand bevat een lijst", id="lijst"),
        pytest.param(b"gewoon een zin\n", ":1:1:", "het bestand bevat een losse waarde", id="losse-waarde"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00", ":1:1:", "geen tekstbestand", id="binair"),
        pytest.param(b"soort: gemeente\nnaam: Caf\xe9\n", ":2:10:", "geen geldige UTF-8", id="latin-1"),
        pytest.param(b"soort: gemeente\nnaam: \x07Bel\n", ":2:7:", "stuurteken (U+0007)", id="stuurteken"),
        pytest.param(b"soort: gemeente\ndocument:\n\tversie: 1\n", ":3:1:", "tab gebruikt", id="tab"),
        pytest.param(
            b"soort: gemeente\nnaam: 'open\nwebsite: x\n", ":4:1:", "YAML-fout", id="open-aanhalingsteken"
        ),
        pytest.param(b"soort: gemeente\n  naam: x\n", ":2:7:", "YAML-fout", id="inspringing"),
        pytest.param(
            b"soort: gemeente\n---\nsoort: regio\n", ":2:1:", "meer dan één YAML-document", id="twee"
        ),
        pytest.param(
            b"soort: gemeente\n? [a, b]\n: c\n", ":2:3:", "veldnaam moet gewone tekst zijn", id="sleutel"
        ),
        pytest.param(
            b"a: " + b"[" * 1000 + b"]" * 1000 + b"\n",
            f":1:{len('a: ') + MAX_DEPTH + 1}:",
            "te diep genest",
            id="diep",
        ),
    ],
)
def test_bad_input_gives_one_clear_message(
    write: WriteFile, content: bytes, location: str, fragment: str
) -> None:
    messages = _problems(write(content))
    assert any(location in m and fragment in m for m in messages), messages


def test_too_many_values_are_refused_before_composing(
    write: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Composing costs far more per value than parsing; the event count stops a dense file first.
    monkeypatch.setattr(loader, "MAX_EVENTS", 500)
    messages = _problems(write("x: [" + ", ".join(["1"] * 2_000) + "]\n"))
    assert len(messages) == 1
    assert "te veel waarden" in messages[0]


def test_too_many_values_are_refused_while_building(
    write: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "MAX_NODES", 300)
    messages = _problems(write("x: [" + ", ".join(["1"] * 2_000) + "]\n"))
    assert len(messages) == 1
    assert "te veel waarden (meer dan 300)" in messages[0]


def test_a_file_over_the_limit_is_not_read(write: WriteFile) -> None:
    path = write(b"# opvulling\n" * (MAX_BYTES // 12 + 10))
    (message,) = _problems(path)
    assert "bestand is te groot" in message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "bestand niet gevonden" in _problems(tmp_path / "nergens.yaml")[0]
    assert "dit is een map" in _problems(tmp_path)[0]


def test_iter_paths_and_dotted() -> None:
    pairs = dict(iter_paths({"a": [{"b": 1}]}))
    assert pairs[("a", 0, "b")] == 1
    assert dotted(("partners", 2, "id")) == "partners.2.id"
