"""`assembler init` writes an honest starter: a concept, no claims it cannot make, example values that
look like examples, and `validate` names every example value left, with its line."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from assembler.national import load_content_info
from assembler.profile.loader import load_document
from assembler.profile.reading import load_profile
from assembler.profile.schemadoc import starter_profile
from tests.conftest import Invoke, line_of

# Names that belong to other (test or contract) municipalities, and the old made-up sign-off.
FOREIGN = ("Rivierstad", "Middenland", "J. Jansen", "Anouk de Vries")


def test_the_starter_is_a_concept_without_claims() -> None:
    text = starter_profile("Testdorp")
    data = load_document_text(text)
    document = data["document"]
    assert document["status"] == "concept"
    assert document["landelijke_versie"] == load_content_info().versie
    for claim in ("vastgesteld_op", "vastgesteld_door", "geschiedenis", "akkoorden", "akkoord_vereist"):
        assert claim not in document, claim
    assert all("akkoord" not in p and "gecontroleerd_op" not in p for p in data["partners"])
    # Choices a municipality has not made stay unmade, and print as standard choices until it does.
    assert "handvatten" not in data and "veilig_thuis" not in data
    assert {"regie", "sleutelpersonen", "coordinator"}.isdisjoint(data["ketenaanpak"])
    for name in FOREIGN:
        assert name not in text, name


def load_document_text(text: str, tmp: Path | None = None) -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(text)


def test_init_output_warns_only_about_example_values(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "testdorp.yaml"
    assert run("init", "Testdorp", "-o", target).exit_code == 0
    checked = run("validate", target)
    assert checked.exit_code == 0, checked.output
    warnings = load_profile(target).warnings
    assert warnings
    for warning in warnings:
        value = str(_value(target, warning.path))
        is_example = "(voorbeeld)" in value or ".example" in value or value.startswith("0123")
        assert is_example, warning.format()
        assert warning.line == _line(target, warning.path), warning.format()
    assert any("voorbeeldwaarde uit het startprofiel" in w.message for w in warnings)
    assert any("voorbeeldadres" in w.message for w in warnings)


def _value(path: Path, dotted: str) -> object:
    value: object = load_document(path).data
    for part in dotted.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]  # type: ignore[index]
    return value


def _line(path: Path, dotted: str) -> int:
    parts = tuple(int(p) if p.isdigit() else p for p in dotted.split("."))
    return load_document(path).where(parts)[0]


def test_init_output_builds_as_a_concept(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "testdorp.yaml"
    run("init", "Testdorp", "-o", target)
    built = run("build", target, "--formaat", "html", "-o", tmp_path / "uit")
    assert built.exit_code == 0, built.output
    page = lxml_html.fromstring((tmp_path / "uit" / "testdorp" / "routekaart-testdorp.html").read_bytes())
    text = page.text_content()
    assert page.xpath('//div[@class="conceptbanner"]')
    assert "Concept, nog niet vastgesteld" in text
    assert "Deze versie is nog niet vastgesteld." in text
    for name in FOREIGN:
        assert name not in text, name
    rows = page.xpath('//table[@class="akkoord"]/tbody/tr')
    assert rows and all(r.xpath("./td")[-1].text_content() == "Nog geen akkoord" for r in rows)


def test_leftover_example_values_are_named_in_any_profile(profile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = profile(
        ("    email: wijkteam@testdam.test\n", "    email: wijkteam@gemeente.example\n"),
        ("    naam: Politie Testdam\n", "    naam: Politie (voorbeeld)\n"),
    )
    text = path.read_text(encoding="utf-8")
    found = {(w.path, w.line) for w in load_profile(path).warnings}
    assert ("partners.0.email", line_of(text, "wijkteam@gemeente.example")) in found
    assert ("partners.1.naam", line_of(text, "Politie (voorbeeld)")) in found
