"""In the PDF's HTML each phone number and e-mail address carries the place its value was written
(data-o), so the fit guard can name the field of one that sticks out; the marks are no content."""

from __future__ import annotations

import re

from assembler.builders.web.render import Marks, render_html
from assembler.model.tailor import tailor
from assembler.national import national_content
from assembler.profile.reading import load_profile
from tests.conftest import FIXTURE_REGION


def test_phones_and_addresses_are_marked_with_their_place_and_the_marks_are_no_content() -> None:
    path = FIXTURE_REGION / "gemeenten" / "brugstad.yaml"
    model = tailor(load_profile(path), national_content())
    marks = Marks()
    marked = render_html(model, "pdf", "", None, inline_css=False, marks=marks)
    plain = render_html(model, "pdf", "", None, inline_css=False)
    assert Marks.strip(marked) == plain and "data-o=" not in plain
    # Every mark points at a place; a number of the profile's own at the profile, an inherited one at the region.
    found = [int(n) for n in re.findall(r' data-o="(\d+)"', marked)]
    assert found == list(range(len(marks.places)))
    files = {place.file for place in marks.places}
    assert str(path) in files and any(f.endswith("regio.yaml") for f in files)
    fields = {place.path.rsplit(".", 1)[-1] for place in marks.places}
    assert {"telefoon", "email"} <= fields <= {"telefoon", "spoed", "email"}
    # The national numbers (0800-2000 of the contact list, 112) carry no place of a profile.
    assert re.search(r'<a class="tel" href="tel:112">112</a>', marked)
    # The web page is never marked.
    assert "data-o=" not in render_html(model, "html", "", None)
