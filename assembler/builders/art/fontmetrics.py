"""The shipped Noto Sans: its family name and its files by style."""

from __future__ import annotations

FONT_FAMILY = "Noto Sans"
FONT_FILES = {
    "regular": "NotoSans-Regular.ttf",
    "bold": "NotoSans-Bold.ttf",
    "italic": "NotoSans-Italic.ttf",
    "bolditalic": "NotoSans-BoldItalic.ttf",
}
