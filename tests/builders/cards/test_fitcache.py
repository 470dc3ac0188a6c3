"""Card faces known to fit are remembered honestly: only for the same layout environment, shared
safely between processes, and only when a real layout found them fitting."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from assembler.builders.cards import fitcache, verdict
from assembler.builders.cards.fitcache import KnownFits, environment_digest, face_key
from assembler.cardformats import CARD_FORMATS
from assembler.model.cards import cards_for
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.pipeline.preflight import card_problems
from assembler.profile.reading import load_profile
from tests.conftest import BASE_PROFILE, WriteFile

SPEC = CARD_FORMATS["creditcard"]
FACE = '<section data-face="3" class="face" data-f="0"><p data-f="2" data-v="1">Tekst</p></section>'


def test_the_key_is_the_face_itself_in_its_format_and_environment() -> None:
    environment = environment_digest()
    assert environment is not None, "this machine's layout environment should be readable"
    # The numbers that only name the face's texts are no part of it.
    assert face_key(FACE, SPEC, environment) == face_key(
        '<section class="face" data-f="7"><p data-f="9">Tekst</p></section>', SPEC, environment
    )
    assert face_key(FACE, SPEC, environment) != face_key(FACE.replace("Tekst", "Tekst!"), SPEC, environment)
    assert face_key(FACE, SPEC, environment) != face_key(FACE, CARD_FORMATS["a6"], environment)
    assert face_key(FACE, SPEC, environment) != face_key(FACE, SPEC, "een andere versie")


def test_another_version_of_a_font_or_template_reads_another_file(monkeypatch: pytest.MonkeyPatch) -> None:
    first = fitcache._cache_file("a" * 64)
    assert first is not None and first != fitcache._cache_file("b" * 64)
    assert first.parent == Path(os.environ["XDG_CACHE_HOME"]) / "assembler"
    monkeypatch.setenv(fitcache.CACHE_ENV, "uit")
    assert fitcache._cache_file("a" * 64) is None


def _append(path: str, worker: int) -> None:
    cache = KnownFits(Path(path))
    for n in range(50):
        cache.add([f"{worker:02x}{n:02x}".ljust(64, "0")])


def test_processes_append_side_by_side_and_a_reader_sees_whole_keys_only(tmp_path: Path) -> None:
    path = tmp_path / "kaarten.txt"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_append, args=(str(path), w)) for w in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    reader = KnownFits(path)
    expected = {f"{w:02x}{n:02x}".ljust(64, "0") for w in range(4) for n in range(50)}
    assert all(k in reader for k in expected) and reader.keys == expected
    # A line still being written is not read until it is whole.
    with path.open("ab") as stream:
        stream.write(b"f" * 30)
    assert ("f" * 64) not in reader
    with path.open("ab") as stream:
        stream.write(b"f" * 34 + b"\n" + b"kapot\n")
    assert ("f" * 64) in reader and "kapot" not in reader.keys


def test_validate_lays_out_only_faces_it_cannot_settle_and_remembers_those_that_fit(
    write: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = load_profile(write(BASE_PROFILE.replace("Sociaal wijkteam Testdam", "Sociaal wijkteam Testdam-Oost")))
    content = national_content()
    cards = cards_for(tailor(profile, content), content)
    label = str(content.kaarten["koppen"]["qr"])
    # The estimate settles every shipped face; here it declines, as it would near the edge.
    monkeypatch.setattr(verdict, "fits", lambda item, spec, label: False)
    assert verdict.unsettled(cards, SPEC, label)
    assert card_problems(profile) == []  # laid out for real: they fit, and are remembered
    assert verdict.unsettled(cards, SPEC, label) == []
    # A second run settles them from what it remembers, without a layout.
    from assembler.builders.cards.builder import CardsBuilder

    def no_layout(*args: object, **kwargs: object) -> None:
        raise AssertionError("a remembered face was laid out again")

    monkeypatch.setattr(CardsBuilder, "lay_out", no_layout)
    assert card_problems(profile) == []
