"""The pocket-card formats, declared once: size, print margins, type sizes and how much a face holds.

The schema offers their names, the card model asks whether a format is compact, the card
builder lays faces out with these measures and the regional document names them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CardFormat:
    """One card format; sizes in mm, type sizes in pt and never under 7 pt."""

    name: str  # the value in a profile's kaarten.formaat
    label: str  # in messages: "A6 (105 × 148 mm)"
    size_text: str
    adjective: str  # in running text: "kaarten in creditcardformaat"
    width: float
    height: float
    safe: float  # text keeps this far inside the cut
    gap: float
    band_bottom: float
    indent: float
    body_pt: float
    small_pt: float
    kop_pt: float
    number_pt: float
    leading: float
    qr: float
    compact: bool  # fewer lines per face: short headings, the acute route on the front, hours after names
    bleed: float = 3.0
    slug: float = 5.0  # room outside the bleed for the crop marks (builders/cards/cropmarks.py)

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) of the trimmed card in mm."""
        return (self.width, self.height)


CARD_FORMATS: dict[str, CardFormat] = {
    f.name: f
    for f in (
        CardFormat(
            name="creditcard",
            label="creditcard (85,6 × 54 mm)",
            size_text="85,6 × 54 mm",
            adjective="creditcardformaat",
            width=85.6,
            height=54.0,
            safe=3.0,
            gap=0.7,
            band_bottom=0.9,
            indent=2.6,
            body_pt=7.0,
            small_pt=7.0,
            kop_pt=9.0,
            number_pt=9.0,
            leading=1.1,
            qr=15.0,
            compact=True,
        ),
        CardFormat(
            name="a6",
            label="A6 (105 × 148 mm)",
            size_text="105 × 148 mm",
            adjective="A6",
            width=105.0,
            height=148.0,
            safe=5.0,
            gap=2.4,
            band_bottom=2.2,
            indent=4.0,
            body_pt=9.5,
            small_pt=8.0,
            kop_pt=14.0,
            number_pt=14.0,
            leading=1.25,
            qr=26.0,
            compact=False,
        ),
    )
}
DEFAULT_CARD_FORMAT = "creditcard"
LARGEST_CARD_FORMAT = "a6"


def choices_text() -> str:
    """'creditcard (85,6 × 54 mm) of a6 (105 × 148 mm)': the names a profile may use, with their sizes."""
    return " of ".join(f"{f.name} ({f.size_text})" for f in CARD_FORMATS.values())
