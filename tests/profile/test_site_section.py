"""The region file's optional site section: checked like every other field, reported in Dutch with its line."""

from __future__ import annotations

from pathlib import Path

from tests.builders.site.helpers import make_region
from tests.conftest import Invoke, line_of


def test_site_section_validates(tmp_path: Path, run: Invoke) -> None:
    result = run("validate", make_region(tmp_path))
    assert result.exit_code == 0, result.output


def test_bad_site_fields_are_all_reported_with_their_line(tmp_path: Path, run: Invoke) -> None:
    region = make_region(tmp_path)
    text = region.read_text(encoding="utf-8").replace(
        "site:\n", 'site:\n  verlaten_naar: "javascript:history.back()"\n  kleur: rood\n'
    )
    text = text.replace("gecontroleerd_op: 2026-11-20", "gecontroleerd_op: gisteren")
    region.write_text(text, encoding="utf-8")
    result = run("validate", region)
    assert result.exit_code == 1
    out = result.output
    assert f"regio.yaml:{line_of(text, 'javascript')}:" in out and "site.verlaten_naar" in out
    assert f"regio.yaml:{line_of(text, 'kleur: rood')}:" in out and "onbekend veld 'kleur'" in out
    assert "site.gecontroleerd_op" in out
