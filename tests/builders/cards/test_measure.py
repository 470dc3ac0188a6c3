"""The measured fit check (builders/cards/measure.py) never says "fits" where the real layout does not.

`validate` settles a card face without laying it out when the estimate from the font's advance
widths fits; so the estimate must reach at least as low as WeasyPrint's layout on every face of
the example, fixture and contract regions, and on faces built to stand right at the edge.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from weasyprint.formatting_structure import boxes

from assembler.builders.cards.faces import FaceItem, face_items
from assembler.builders.cards.fit import face_pages, fits
from assembler.builders.cards.measure import fits as measured_fits
from assembler.builders.cards.measure import lowest_text
from assembler.builders.cards.pages import CardRenderer, DocumentInfo
from assembler.cardformats import CARD_FORMATS
from assembler.model.cards import cards_for
from assembler.model.routekaart import Partner, Routekaart
from assembler.model.tailor import tailor
from assembler.national import AUDIENCES, PRACTICES, national_content
from assembler.profile.reading import load_profile, load_region
from tests.conftest import CONTRACT, EXAMPLE_REGION, FIXTURE_REGION

INFO = DocumentInfo("proef", "proef", "proef", "proef", "2026-01-01")
ROUNDING = 1e-6  # px


def _texts(box: Any) -> Iterator[Any]:
    if isinstance(box, boxes.TextBox) and box.text.strip():
        yield box
    for child in getattr(box, "children", ()):
        yield from _texts(child)


def _laid_out(model: Routekaart, root: Path, sides: tuple[str, ...]) -> list[tuple[FaceItem, float, bool]]:
    """Every different face (of these sides) of the model's cards with how low its text reaches in
    the real layout (a second page counts as endless) and whether it fits."""
    content = national_content()
    label = str(content.kaarten["koppen"]["qr"])
    spec = CARD_FORMATS[model.kaarten.formaat]
    renderer = CardRenderer(spec, "#1F5C99", label, [root], [])
    items = [i for i in face_items(cards_for(model, content), label) if i.face.kant in sides]
    laid_out = renderer.layout_faces(items, INFO)
    found = []
    for face, pages in face_pages(laid_out).items():
        lowest = max(t.position_y + t.height for t in _texts(pages[0]._page_box))
        reach = lowest if len(pages) == 1 else float("inf")
        found.append((laid_out.items[face], reach, fits(pages, spec, laid_out.fields)))
    return found


def _judge(model: Routekaart, root: Path, sides: tuple[str, ...] = ("voorkant", "achterkant")) -> tuple[int, int, int]:
    """Compare estimate and layout on every face: (faces, settled by the estimate, fitting in fact)."""
    content = national_content()
    label = str(content.kaarten["koppen"]["qr"])
    spec = CARD_FORMATS[model.kaarten.formaat]
    settled = fitting = 0
    faces = _laid_out(model, root, sides)
    for item, real, real_fits in faces:
        estimate = lowest_text(item, spec, label)
        where = (model.gemeente, spec.name, item.card.id, item.face.kant)
        if estimate is not None:
            assert estimate >= real - ROUNDING, (where, estimate, real)
        if measured_fits(item, spec, label):
            settled += 1
            assert real_fits, where
        fitting += real_fits
    return len(faces), settled, fitting


def _regions() -> list[Path]:
    return [r / "regio.yaml" for r in (EXAMPLE_REGION, FIXTURE_REGION, CONTRACT) if (r / "regio.yaml").is_file()]


@pytest.mark.parametrize("region_file", _regions(), ids=lambda p: p.parent.name)
def test_the_estimate_reaches_at_least_as_low_as_the_layout_on_every_card_of_the_region(region_file: Path) -> None:
    region = load_region(region_file)
    total = settled = 0
    for path in region.municipalities:
        model = tailor(load_profile(path, region=region), national_content())
        faces, ok, fitting = _judge(model, path.parent)
        assert fitting == faces  # these regions build, so every face fits
        total, settled = total + faces, settled + ok
    # And it is of use: nearly every shipped face is settled without a layout.
    assert settled >= 0.9 * total, (settled, total)


def _crowded(model: Routekaart, name_length: int, hours: bool, partners: int) -> Routekaart:
    """The model with `partners` local signalling partners of long names (and long hours), each a
    contact for every audience about every practice."""
    first = next(p for p in model.partners if p.telefoon and p.type not in ("politie",))
    words = "Stichting voor Maatschappelijke Dienstverlening en Ondersteuning van Gezinnen Kinderen Jongeren"
    name = (words * 3)[:name_length].rstrip()
    made = [
        dataclasses.replace(
            first,
            id=f"team-{n}",
            naam=f"{name} {n}",
            herkomst="lokaal",
            stappen=("signaleren_en_melden",),
            praktijken=PRACTICES,
            aanspreekpunt_voor=AUDIENCES,  # on every card of every set (model/contacts.py)
            bereikbaarheid=("maandag tot en met vrijdag van 8.30 tot 17.00 uur, woensdag op afspraak" if hours else None),
        )
        for n in range(partners)
    ]
    kept: list[Partner] = [p for p in model.partners if p.type == "politie"]
    # The contact rule reads a partner's role from the chain step it stands in.
    steps = tuple(
        dataclasses.replace(s, partners=tuple(made), lokale_partners=tuple(made)) if s.key == "signaleren_en_melden" else s
        for s in model.stappen
    )
    return dataclasses.replace(model, partners=tuple(made + kept), partners_lokaal=tuple(made), stappen=steps)


@pytest.mark.parametrize("formaat", list(CARD_FORMATS))
def test_faces_right_at_the_edge_are_never_settled_when_they_do_not_fit(formaat: str) -> None:
    path = FIXTURE_REGION / "gemeenten" / "brugstad.yaml"
    model = tailor(load_profile(path), national_content())
    model = dataclasses.replace(model, kaarten=dataclasses.replace(model.kaarten, formaat=formaat))
    overflowing = settled = 0
    # The partners stand on the backs only.
    for partners, length in ((2, 118), (4, 60), (6, 100), (9, 40)):
        crowded = _crowded(model, length, partners % 2 == 0, partners)
        faces, ok, fitting = _judge(crowded, path.parent, ("achterkant",))
        overflowing += faces - fitting
        settled += ok
    # The cases reach past the edge, and the estimate still settles the faces well inside it.
    assert overflowing and settled


def test_a_word_noto_sans_cannot_set_is_left_to_the_layout_each_time_it_is_measured() -> None:
    from assembler.builders.cards.measure import WIDTH_SHARE, Unsure, line_count
    from assembler.fonts import text_width

    # Widths are remembered per word; a remembered width is the font's, and a remembered gap stays a gap.
    for _ in range(2):
        assert line_count([("Bel Veilig", False), ("Thuis", True)], 10, 1000, 1000) == 1
        width = text_width("Veilig", 10) + text_width(" ", 10) + text_width("Thuis", 10, bold=True)
        assert line_count([("Veilig", False), (" ", False), ("Thuis", True)], 10, width / WIDTH_SHARE + 0.01, width) == 1
        assert line_count([("Veilig", False), (" ", False), ("Thuis", True)], 10, width / WIDTH_SHARE - 0.01, width) == 2
        with pytest.raises(Unsure):
            line_count([("Bel 漢字", False)], 10, 1000, 1000)
