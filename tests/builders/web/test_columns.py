"""The measured phone column of the PDF's short partner tables."""

from __future__ import annotations

import dataclasses

from assembler.builders.web.columns import Columns, phone_lines, share
from assembler.fonts import text_width
from assembler.model.routekaart import Partner


def _partner(**values: object) -> Partner:
    fields = {f.name: None for f in dataclasses.fields(Partner)}
    fields.update(id="p", naam="P", type="t", type_label="T", praktijken=(), praktijk_namen=(), stappen=())
    fields.update(stap_namen=(), herkomst="lokaal")
    fields.update(values)
    return Partner(**fields)  # type: ignore[arg-type]


def test_the_phone_column_holds_phones_spoed_and_the_address_of_a_partner_without_a_number() -> None:
    partners = [
        _partner(telefoon="020-1234567", spoed="0800-1234", email="niet@getoond.example"),
        _partner(email="alleen@adres.example"),
    ]
    assert phone_lines(partners) == ["020-1234567", "spoed 0800-1234", "alleen@adres.example"]


def test_the_share_is_what_the_widest_line_needs_within_its_bounds() -> None:
    line = "aanmelding@wijkteam-testdam.test"
    need = share([line], 0, 100)
    # The line, a cell's padding (1 em) and a little slack, as a share of 174 mm, rounded up.
    assert (text_width(line, 10) + 10) / 493.2 * 100 < need < (text_width(line, 10) + 13) / 493.2 * 100 + 0.1
    assert share(["0800-2000"], 14, 62) == 14
    assert share(["x" * 200], 14, 62) == 62


def test_only_the_pdf_gets_a_colgroup() -> None:
    partners = [_partner(telefoon="020-1234567")]
    assert str(Columns(fixed=True).partners_short(partners)).startswith('<colgroup><col style="width: 28%"><col>')
    assert str(Columns(fixed=False).partners_short(partners)) == ""
