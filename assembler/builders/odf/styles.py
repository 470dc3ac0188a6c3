"""The ODF edition's styles: the Word template's house styles as OpenDocument styles, in the house colour.

Every paragraph style of the Word template (tools/docx_kit.py) has its counterpart here, with
the same font, sizes, spacing and colours, so the two editions set the same lines on the same
pages. Names are LibreOffice's own where it has the style (Heading 1, Contents 1, Header,
Caption), so the document restyles like any other in Writer.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from assembler.builders.art.colours import house_palette

FONT = "Noto Sans"
ARROW_FONT = "Arial"  # as the Word route: Noto Sans has no arrows
LANG = ("nl", "NL")
TEXT_WIDTH_MM = 160.0  # A4 minus two margins of 25 mm
MARK_COLOUR = "#B00020"  # the CONCEPT mark, as in Word

# Word style name in the outline -> ODF style name.
PARAGRAPH = {
    "Normal": "Standard",
    "Title": "Title",
    "Subtitle": "Subtitle",
    "Heading 1": "Heading_20_1",
    "Heading 2": "Heading_20_2",
    "Heading 3": "Heading_20_3",
    "Heading 4": "Heading_20_4",
    "TOC Heading": "Contents_20_Heading",
    "toc 1": "Contents_20_1",
    "toc 2": "Contents_20_2",
    "List Bullet": "List_20_Bullet",
    "List Number": "List_20_Number",
    "Caption": "Caption",
    "Omslaggegevens": "Omslaggegevens",
    "Omslagregel": "Omslagregel",
    "Waarschuwing": "Waarschuwing",
    "Contactlijst": "Contactlijst",
    "Tabelnoot": "Tabelnoot",
    "Toelichting": "Toelichting",
}
TABLE_TEXT = "Table_20_Contents"  # a "Normal" paragraph in a table cell
TABLE_HEADING = "Table_20_Heading"
HEADER, FOOTER = "Header", "Footer"
STRONG = "Strong_20_Emphasis"
LINK = "Internet_20_link"
INDEX_LINK = "Index_20_Link"
BULLETS, NUMBERS = "Lijst_20_opsomming", "Lijst_20_nummering"
CONCEPT = "Concept"
ROUTE_ARROW = "Routepijl"
MASTER, COVER = "Standard", "First_20_Page"

_PT = 20  # twips per point, for the values copied from the Word template


def _display(name: str) -> str:
    return name.replace("_20_", " ")


def _paragraph(
    name: str,
    paragraph: str = "",
    text: str = "",
    parent: str | None = "Standard",
    nxt: str | None = None,
    outline: int | None = None,
    extra: str = "",
) -> str:
    attributes = (
        f'style:name="{name}" style:display-name={quoteattr(_display(name))} style:family="paragraph"'
    )
    if parent:
        attributes += f' style:parent-style-name="{parent}"'
    if nxt:
        attributes += f' style:next-style-name="{nxt}"'
    if outline is not None:
        attributes += f' style:default-outline-level="{outline}"'
    parts = [f"<style:style {attributes}>"]
    if paragraph or extra:
        parts.append(f"<style:paragraph-properties {paragraph}>{extra}</style:paragraph-properties>")
    if text:
        parts.append(f"<style:text-properties {text}/>")
    parts.append("</style:style>")
    return "".join(parts)


def _spacing(before: float, after: float, line: int | None = None) -> str:
    """Word's twips of space before and after, and its line value (240 = single) as a percentage."""
    spacing = f'fo:margin-top="{before / _PT:g}pt" fo:margin-bottom="{after / _PT:g}pt"'
    if line is not None:
        spacing += f' fo:line-height="{round(line * 100 / 240)}%"'
    return spacing


def _font(size: float, colour: str | None = None, bold: bool = False, italic: bool = False) -> str:
    props = (
        f'fo:font-size="{size:g}pt" style:font-size-asian="{size:g}pt" style:font-size-complex="{size:g}pt"'
    )
    if colour:
        props += f' fo:color="{colour}"'
    if bold:
        props += ' fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"'
    if italic:
        props += ' fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"'
    return props


def _right_tab() -> str:
    return (
        f'<style:tab-stops><style:tab-stop style:position="{TEXT_WIDTH_MM:g}mm" style:type="right"/>'
        "</style:tab-stops>"
    )


def font_faces() -> list[str]:
    return [
        f'<style:font-face style:name="{name}" svg:font-family=\'"{name}"\' '
        'style:font-family-generic="swiss" style:font-pitch="variable"/>'
        for name in (FONT, ARROW_FONT)
    ]


def default_styles() -> list[str]:
    """Noto Sans 10 pt in Dutch for every paragraph, as the Word template's document defaults."""
    language, country = LANG
    text = (
        f'style:font-name="{FONT}" style:font-name-asian="{FONT}" style:font-name-complex="{FONT}" '
        + _font(10)
        + f' fo:language="{language}" fo:country="{country}" style:language-asian="{language}" '
        f'style:country-asian="{country}" style:language-complex="ar" style:country-complex="SA"'
    )
    return [
        '<style:default-style style:family="paragraph">'
        '<style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="page"/>'
        f'<style:text-properties {text} fo:hyphenate="false"/></style:default-style>',
        '<style:default-style style:family="table">'
        '<style:table-properties table:border-model="collapsing"/></style:default-style>',
    ]


def common_styles(colour: str) -> list[str]:
    """The named styles in the municipality's house colour (headings, title rule, table header)."""
    palette = house_palette(colour)
    grey = "#595959"
    heading = palette.band
    keep = 'fo:keep-with-next="always" fo:keep-together="always"'
    styles = [
        _paragraph("Standard", _spacing(0, 140, 264), parent=None),
        _paragraph(
            "Title",
            f'{_spacing(1200, 360, 240)} fo:border-bottom="2.25pt solid {palette.colour}" '
            'fo:padding-bottom="8pt"',
            _font(30, heading, bold=True),
            nxt="Standard",
        ),
        _paragraph("Subtitle", _spacing(0, 480, 240), _font(20, "#404040"), nxt="Standard"),
        _heading(1, 20, heading, _spacing(0, 280, 240) + ' fo:break-before="page"'),
        _heading(2, 14, heading, _spacing(360, 120, 240)),
        _heading(3, 11.5, heading, _spacing(240, 80, 240)),
        _heading(4, 10, "#262626", _spacing(160, 60)),
        # The contents' heading looks like a chapter heading and starts a page, but is no heading itself.
        _paragraph(
            "Contents_20_Heading",
            f'{_spacing(0, 280, 240)} fo:break-before="page" {keep}',
            _font(20, heading, bold=True),
            nxt="Standard",
        ),
        _paragraph(
            "Contents_20_1",
            _spacing(120, 40),
            'fo:font-weight="bold" style:font-weight-complex="bold"',
            extra=_dot_tab(),
        ),
        _paragraph("Contents_20_2", f'{_spacing(0, 40)} fo:margin-left="{240 / _PT:g}pt"', extra=_dot_tab()),
        _paragraph("List_20_Bullet", f'{_spacing(0, 60)} style:contextual-spacing="true"'),
        _paragraph("List_20_Number", f'{_spacing(0, 60)} style:contextual-spacing="true"'),
        _paragraph(HEADER, _spacing(0, 0, 240), _font(8, grey), extra=_right_tab()),
        _paragraph(FOOTER, _spacing(0, 0, 240), _font(8, grey), extra=_right_tab()),
        _paragraph("Caption", _spacing(60, 200), _font(8.5, grey, italic=True), nxt="Standard"),
        _paragraph("Omslaggegevens", _spacing(0, 60), _font(10.5, "#404040"), nxt="Omslaggegevens"),
        # A row of the cover's details: bold label, a tab to the hanging indent, the value, a thin
        # line under every row (Word's between-border; join-border off draws one per paragraph).
        _paragraph(
            "Omslagregel",
            f'{_spacing(0, 40)} fo:margin-left="{2608 / _PT:g}pt" fo:text-indent="-{2608 / _PT:g}pt" '
            f'fo:margin-right="{1701 / _PT:g}pt" fo:border-bottom="0.5pt solid #D0D0D0" '
            'fo:padding-bottom="3pt" style:join-border="false"',
            _font(10, "#262626"),
            nxt="Omslagregel",
        ),
        _paragraph(
            "Waarschuwing",
            f'{_spacing(120, 240)} fo:keep-together="always" fo:border-left="3pt solid #B3261E" '
            f'fo:padding-left="8pt" fo:background-color="#FCEBEA" fo:margin-left="{200 / _PT:g}pt" '
            f'fo:margin-right="{113 / _PT:g}pt"',
            _font(10.5, "#7A1A14", bold=True),
            nxt="Standard",
        ),
        _paragraph("Contactlijst", _spacing(0, 0, 228), _font(7.5), nxt="Contactlijst"),
        _paragraph("Tabelnoot", _spacing(40, 0), _font(7.5, grey), nxt="Standard"),
        _paragraph("Toelichting", _spacing(0, 120), _font(9, grey, italic=True), nxt="Standard"),
        # In a table: the Word table style's 8.5 pt with no space around paragraphs; the header row bold
        # in the colour that reads on the house colour.
        _paragraph(TABLE_TEXT, _spacing(0, 0, 240), _font(8.5)),
        _paragraph(
            TABLE_HEADING, _spacing(0, 0, 240), _font(8.5, palette.colour_text, bold=True), parent=TABLE_TEXT
        ),
        _paragraph(
            CONCEPT,
            'fo:text-align="center" ' + _spacing(0, 0, 240),
            _font(8, MARK_COLOUR, bold=True),
            parent=HEADER,
        ),
        _paragraph(ROUTE_ARROW, 'fo:text-align="center" ' + _spacing(0, 0), "", parent=TABLE_TEXT),
        f'<style:style style:name="{STRONG}" style:display-name="Strong Emphasis" style:family="text">'
        '<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" '
        'style:font-weight-complex="bold"/></style:style>',
        f'<style:style style:name="{LINK}" style:display-name="Internet link" style:family="text">'
        '<style:text-properties fo:color="#0B5394" style:text-underline-style="solid" '
        'style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>',
        # The contents' entries are links without a link's colour, as Word shows them.
        f'<style:style style:name="{INDEX_LINK}" style:display-name="Index Link" style:family="text"/>',
        _list(BULLETS, bullets=True),
        _list(NUMBERS, bullets=False),
    ]
    return styles


def _heading(level: int, size: float, colour: str, spacing: str) -> str:
    """Heading N: bold, kept with the next paragraph and in one piece, at outline level N."""
    keep = 'fo:keep-with-next="always" fo:keep-together="always"'
    return _paragraph(
        f"Heading_20_{level}",
        f"{spacing} {keep}",
        _font(size, colour, bold=True),
        nxt="Standard",
        outline=level,
    )


def _dot_tab() -> str:
    return (
        f'<style:tab-stops><style:tab-stop style:position="{TEXT_WIDTH_MM:g}mm" style:type="right" '
        'style:leader-style="dotted" style:leader-text="."/></style:tab-stops>'
    )


def _list(name: str, bullets: bool) -> str:
    """Word's List Bullet and List Number: a hanging indent of a quarter inch."""
    level = (
        '<text:list-level-style-bullet text:level="1" text:bullet-char="•">'
        if bullets
        else '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix=".">'
    )
    close = "</text:list-level-style-bullet>" if bullets else "</text:list-level-style-number>"
    return (
        f'<text:list-style style:name="{name}" style:display-name={quoteattr(_display(name))}>{level}'
        '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
        '<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="6.35mm" '
        'fo:text-indent="-6.35mm" fo:margin-left="6.35mm"/></style:list-level-properties>'
        f"{close}</text:list-style>"
    )


def outline_style() -> str:
    """Headings 1-4 are the document's outline (Writer's Navigator, the PDF's bookmarks), unnumbered."""
    levels = "".join(
        f'<text:outline-level-style text:level="{level}" style:num-format=""/>' for level in range(1, 11)
    )
    return f'<text:outline-style style:name="Outline">{levels}</text:outline-style>'


def page_layouts() -> list[str]:
    """A4 portrait, 25 mm at the sides; the body from 25 mm to 22 mm from the edges, the header and
    footer 11 mm from them, as in Word. The cover's layout has no header or footer."""
    page = (
        'fo:page-width="210mm" fo:page-height="297mm" style:print-orientation="portrait" '
        'fo:margin-left="25mm" fo:margin-right="25mm"'
    )
    header = (
        '<style:header-style><style:header-footer-properties fo:min-height="10mm" fo:margin-bottom="4mm" '
        'style:dynamic-spacing="false"/></style:header-style>'
    )
    footer = (
        '<style:footer-style><style:header-footer-properties fo:min-height="7mm" fo:margin-top="4mm" '
        'style:dynamic-spacing="false"/></style:footer-style>'
    )
    return [
        f'<style:page-layout style:name="Pagina"><style:page-layout-properties {page} '
        f'fo:margin-top="11mm" fo:margin-bottom="11mm"/>{header}{footer}</style:page-layout>',
        f'<style:page-layout style:name="Omslag"><style:page-layout-properties {page} '
        'fo:margin-top="25mm" fo:margin-bottom="22mm"/></style:page-layout>',
    ]
