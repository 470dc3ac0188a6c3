"""Crop and cut marks, written straight into each page's content stream once WeasyPrint has drawn it.

WeasyPrint's own `marks: crop` builds and parses a small SVG for every page, and cut
marks as positioned boxes cost layout, drawing and tagging for every sheet; together
that was over a tenth of the card build. A few filled rectangles per page need none of
it. They are added as an artifact, so a screen reader skips them, in the page's own
coordinates: WeasyPrint starts every page stream by turning the y axis downwards with
the origin at the top left corner of the trim (the page box), and keeps its own drawing
in balanced q/Q pairs, so the end of the stream is in that same system.
"""

from __future__ import annotations

from collections.abc import Sequence

import pydyf

from assembler.builders.cards.imposition import MARK_GAP, MARK_THICKNESS, Mark

PT_PER_MM = 72 / 25.4


def face_marks(width: float, height: float, bleed: float, slug: float) -> tuple[Mark, ...]:
    """The eight crop marks around one width × height mm card face, in mm from its top left corner.

    Each mark lies in line with a cut, starts MARK_GAP mm outside the bleed and runs to
    the paper's edge, bleed + slug mm from the cut, so it never touches the artwork.
    """
    near, far = bleed + MARK_GAP, bleed + slug
    if far <= near:
        raise ValueError(f"de snijrand ({slug} mm) laat geen ruimte voor snijtekens buiten de afloop")
    half, length = MARK_THICKNESS / 2, far - near
    marks = []
    for y in (0.0, height):  # along the top and bottom cuts, left and right of the card
        marks.append(Mark(-far, y - half, length, MARK_THICKNESS))
        marks.append(Mark(width + near, y - half, length, MARK_THICKNESS))
    for x in (0.0, width):  # along the left and right cuts, above and below the card
        marks.append(Mark(x - half, -far, MARK_THICKNESS, length))
        marks.append(Mark(x - half, height + near, MARK_THICKNESS, length))
    return tuple(marks)


def draw_marks(pdf: pydyf.PDF, marks: Sequence[Mark]) -> int:
    """Fill the marks in black on every page of pdf; returns the number of pages marked."""
    pages = 0
    for obj in pdf.objects:
        if not (isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/Page"):
            continue
        reference = obj["Contents"]
        number = int((reference.decode() if isinstance(reference, bytes) else str(reference)).split()[0])
        stream = pdf.objects[number]
        if not isinstance(stream, pydyf.Stream):
            raise TypeError(f"de inhoud van pagina-object {number} is geen stream")
        stream.begin_marked_content("Artifact")
        stream.push_state()
        stream.set_color_rgb(0, 0, 0)
        for mark in marks:
            stream.rectangle(mark.x * PT_PER_MM, mark.y * PT_PER_MM, mark.w * PT_PER_MM, mark.h * PT_PER_MM)
        stream.fill()
        stream.pop_state()
        stream.end_marked_content()
        pages += 1
    return pages
