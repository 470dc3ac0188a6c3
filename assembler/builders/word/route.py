"""The route of one practice as a native Word table: editable text in the house colour, no picture.

One bordered cell per step with its title band, partner names and note; arrows between the
steps; a dashed red lane beside them leads to the acute-danger box under the chain, since
police and 112 are the way out at any moment. Plain table features only (shading, borders,
vertical merge), so Word and LibreOffice draw it alike and a screen reader reads it in order.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from assembler.builders.art.routestyle import LANE_TEXT, Palette, acute_palette, stage_palette
from assembler.builders.word.env import clean_text, keep_literal
from assembler.model.routekaart import Route, RouteStage

# Twips: the steps, a gap, the lane; together the text width of an A4 page with 2.5 cm margins.
STEP_W, GAP_W, LANE_W = 6870, 200, 2000
TOTAL_W = STEP_W + GAP_W + LANE_W
# Noto Sans has no arrows; Arial has them in Word, LibreOffice maps it to Liberation Sans.
ARROW_FONT = "Arial"
ARROW = "↓"


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _t(text: str) -> str:
    return str(keep_literal(str(escape(clean_text(text)))))


def _run(text: str, colour: str, size: int, bold: bool = False, italic: bool = False, font: str = "") -> str:
    props = (
        (f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>' if font else "")
        + ("<w:b/>" if bold else "")
        + ("<w:i/>" if italic else "")
        + f'<w:color w:val="{_hex(colour)}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    )
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{_t(text)}</w:t></w:r>'


def _para(
    runs: str,
    *,
    shade: str = "",
    centre: bool = False,
    before: int = 0,
    after: int = 40,
    bullet: bool = False,
) -> str:
    # The template's List Bullet style, so Word and screen readers see a real list.
    props = ('<w:pStyle w:val="ListBullet"/>' if bullet else "") + "<w:keepNext/><w:keepLines/>"
    if shade:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{_hex(shade)}"/>'
    props += f'<w:spacing w:before="{before}" w:after="{after}" w:line="264" w:lineRule="auto"/>'
    if centre:
        props += '<w:jc w:val="center"/>'
    return f"<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>"


def _borders(colour: str, style: str, sides: str = "top left bottom right") -> str:
    inner = "".join(
        f'<w:{side} w:val="{style}" w:sz="12" w:space="0" w:color="{_hex(colour)}"/>'
        for side in sides.split()
    )
    return f"<w:tcBorders>{inner}</w:tcBorders>"


def _cell(
    width: int,
    content: str,
    *,
    borders: str = "",
    fill: str = "",
    span: int = 1,
    merge: str = "",
    centre: bool = False,
) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge:
        props += f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>"
    props += borders
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{_hex(fill)}"/>'
    if centre:
        props += '<w:vAlign w:val="center"/>'
    # A cell must end in a paragraph, even an empty one.
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content or _para('', after=0)}</w:tc>"


def _row(cells: str, keep: bool = True) -> str:
    props = "<w:cantSplit/>" if keep else ""
    return f"<w:tr><w:trPr>{props}</w:trPr>{cells}</w:tr>"


def _stage(number: str, stage: RouteStage, palette: Palette) -> str:
    """Title band, the partners (bulleted when there are several) and the note of one step."""
    parts = [
        _para(
            _run(f"{number}{stage.titel}", palette.band_text, 22, bold=True),
            shade=palette.band,
            before=60,
            after=60,
        )
    ]
    bullets = len(stage.wie) > 1
    for name in stage.wie:
        parts.append(_para(_run(name, palette.text, 20), bullet=bullets))
    if stage.toelichting:
        parts.append(_para(_run(stage.toelichting, palette.note, 18, italic=True), before=40))
    return "".join(parts)


def _arrow(colour: str) -> str:
    return _para(_run(ARROW, colour, 28, bold=True, font=ARROW_FONT), centre=True, after=0)


def route_table(route: Route, kleur: str, titel: str, summary: str) -> Markup:
    """The route as a <w:tbl>; titel and summary become the table's alternative text."""
    steps, red = stage_palette(kleur), acute_palette()
    frame = _borders(steps.stroke, "single")
    lane_borders = _borders(red.stroke, "dashed", "left")
    rows = []
    for i, stage in enumerate(route.stages, 1):
        lane_merge = "restart" if i == 1 else "continue"
        if i > 1:
            rows.append(
                _row(
                    _cell(STEP_W, _arrow(steps.stroke))
                    + _cell(GAP_W, "")
                    + _cell(LANE_W, "", borders=lane_borders, merge=lane_merge)
                )
            )
        lane = ""
        if i == 1:
            lane = _para(_run(LANE_TEXT, red.stroke, 18, bold=True), before=0) + _arrow(red.stroke)
        rows.append(
            _row(
                _cell(STEP_W, _stage(f"{i}. ", stage, steps), borders=frame, fill=steps.fill)
                + _cell(GAP_W, "")
                + _cell(LANE_W, lane, borders=lane_borders, merge=lane_merge, centre=True)
            )
        )
    rows.append(_row(_cell(STEP_W + GAP_W, "", span=2) + _cell(LANE_W, _arrow(red.stroke))))
    rows.append(
        _row(
            _cell(
                TOTAL_W,
                _stage("", route.acuut, red),
                borders=_borders(red.stroke, "dashed"),
                fill=red.fill,
                span=3,
            )
        )
    )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in (STEP_W, GAP_W, LANE_W))
    props = (
        f'<w:tblW w:w="{TOTAL_W}" w:type="dxa"/><w:jc w:val="center"/>'
        "<w:tblBorders>"
        + "".join(
            f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="113" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/>'
        f'<w:tblCaption w:val="{_t(titel[:200])}"/><w:tblDescription w:val="{_t(summary)}"/>'
    )
    return Markup(f"<w:tbl><w:tblPr>{props}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>")


def route_block(route: Route, kleur: str, titel: str, summary: str) -> Markup:
    """The table for a {{ routeschema() }} tag, which stands inside a run of a paragraph.

    A table cannot live in a paragraph, so the output closes the run and paragraph first and
    opens a new one after; finish.drop_route_spacers removes the two empty paragraphs this leaves.
    """
    table = route_table(route, kleur, titel, summary)
    return Markup(f'</w:t></w:r></w:p>{table}<w:p><w:r><w:t xml:space="preserve">')
