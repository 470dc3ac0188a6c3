"""WCAG colour arithmetic: contrast ratios, and a colour darkened until text on it stays readable.

Pure functions, shared by profile validation (the contrast warning) and the builders' house palette."""

from __future__ import annotations

import re

WHITE = "#FFFFFF"
AA_TEXT = 4.5  # WCAG 2.1 1.4.3 for normal-size text
AA_GRAPHICS = 3.0  # WCAG 2.1 1.4.11 for lines and shapes that carry meaning

_HEX = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def normal_hex(colour: str) -> str | None:
    """Any CSS hex colour ('#0af', '#00aaff', ' #00AAFF ') as '#00AAFF'; None when it is not one."""
    match = _HEX.match(colour.strip())
    if not match:
        return None
    value = match.group(1)
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return "#" + value.upper()


def rgb(colour: str) -> tuple[int, int, int]:
    """'#1F5C99' (or '#15a') to (31, 92, 153); validation has already refused anything else."""
    value = normal_hex(colour)
    if value is None:
        raise ValueError(f"kleur moet de vorm #RRGGBB hebben, niet {colour!r}")
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def hex_colour(red: float, green: float, blue: float) -> str:
    return "#{:02X}{:02X}{:02X}".format(*(max(0, min(255, round(c))) for c in (red, green, blue)))


def luminance(colour: str) -> float:
    """Relative luminance as WCAG 2.1 defines it."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(colour: str, other: str, share: float) -> str:
    """colour with `share` (0..1) of other mixed in."""
    a, b = rgb(colour), rgb(other)
    return hex_colour(*(x + (y - x) * share for x, y in zip(a, b, strict=True)))


def darken_for(colour: str, background: str, ratio: float = AA_TEXT) -> str:
    """colour itself when it reaches `ratio` against background, else the first darker shade that does.

    A pale house colour (say a light yellow) would otherwise give white headings
    nobody can read; darkening keeps its hue so the document still looks like the
    municipality's own.
    """
    step = 0.0
    candidate = colour.upper()
    while contrast(candidate, background) < ratio and step < 1.0:
        step = round(step + 0.02, 2)
        candidate = mix(colour, "#000000", step)
    return candidate


def text_on(fill: str, preferred: str = "#1A1A1A") -> str:
    """A text colour readable on fill: preferred if it passes AA, else white or near-black."""
    if contrast(preferred, fill) >= AA_TEXT:
        return preferred.upper()
    return WHITE if contrast(WHITE, fill) >= contrast("#000000", fill) else "#000000"
