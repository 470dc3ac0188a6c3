"""Word's diagram pictures print Arabic, Hebrew and symbols with the shipped fonts, right to left where needed."""

from __future__ import annotations

from PIL import Image

from assembler.builders.art.svgraster import rasterise


def _svg(text: str, weight: str = "normal") -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" viewBox="0 0 200 40">'
        '<rect width="200" height="40" fill="#FFFFFF"/>'
        f'<text x="10" y="28" font-family="Noto Sans" font-size="20" font-weight="{weight}" '
        f'font-style="normal" fill="#000000">{text}</text></svg>'
    )


def _ink(image: Image.Image) -> list[int]:
    """Dark pixels per column."""
    grey = image.convert("L")
    width, height = grey.size
    pixels = grey.load()
    return [sum(1 for y in range(height) if pixels[x, y] < 128) for x in range(width)]


def _clusters(text: str) -> list[int]:
    """Widths of the runs of inked columns, left to right: one per letter that does not join."""
    widths: list[int] = []
    run = 0
    for n in [*_ink(rasterise(_svg(text), 400)), 0]:
        if n:
            run += 1
        elif run:
            widths.append(run)
            run = 0
    return widths


def test_hebrew_is_set_right_to_left() -> None:
    # Shin is a wide letter, yod a narrow one: read right to left, the first letter stands on the right.
    shin_yod = _clusters("שי")
    assert len(shin_yod) == 2 and shin_yod[0] < shin_yod[1], shin_yod
    yod_shin = _clusters("יש")
    assert len(yod_shin) == 2 and yod_shin[0] > yod_shin[1], yod_shin
    # Dutch around it stays left to right: the Latin word stands left of the Hebrew one.
    mixed = _clusters("l שי")
    assert len(mixed) == 3 and mixed[1] < mixed[2], mixed


def test_arabic_letters_are_joined_as_one_word() -> None:
    # Joined, 'بب' is narrower than two separate letters side by side.
    joined = [x for x, n in enumerate(_ink(rasterise(_svg("ببب"), 400))) if n]
    single = [x for x, n in enumerate(_ink(rasterise(_svg("ب"), 400))) if n]
    assert joined[-1] - joined[0] < 3 * (single[-1] - single[0])


def test_symbols_and_other_scripts_leave_no_empty_box() -> None:
    # The .notdef box of Noto Sans is a hollow rectangle; a real glyph is not. Each character
    # must give ink, and the symbol must differ from the box drawn for an unprintable one.
    box = _ink(rasterise(_svg("\U000f0000"), 400))
    for text in ("🏠", "ש", "ب", "Ж", "Ω"):
        ink = _ink(rasterise(_svg(text), 400))
        assert sum(ink) > 0, text
        assert ink != box, text
