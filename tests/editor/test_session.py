"""An editing session: each change checked as `validate` checks it, the preview from the registry's
builders, saving that keeps the file readable and refuses to overwrite a file changed on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembler.editor.session import Session
from assembler.profile.reading import check_paths
from tests.editor.helpers import drawn, region_copy


@pytest.fixture
def brugstad(tmp_path: Path) -> Path:
    return region_copy(tmp_path).parent / "gemeenten" / "brugstad.yaml"


def _session(path: Path) -> Session:
    return Session(path, check_cards=False)


def _change(session: Session, **fields: str) -> None:
    pairs = drawn(session.kind, session.working)
    for name, value in fields.items():
        pairs[name.replace("__", ".")] = [value]
    session.change(pairs)


def test_a_bad_number_is_named_at_its_field_in_validates_words(brugstad: Path) -> None:
    session = _session(brugstad)
    _change(session, partners__0__telefoon="0123-78")
    errors = [p for p in session.outcome.problems if p.is_error]
    assert [p.path for p in errors] == ["partners.0.telefoon"]
    # The same message `assembler controleer` gives for the same file.
    brugstad.write_text(brugstad.read_text(encoding="utf-8").replace('"0123-780789"', '"0123-78"', 2), encoding="utf-8")
    validate = [p for p in check_paths([brugstad]) if p.is_error]
    assert errors[0].message == validate[0].message
    assert "te weinig cijfers" in errors[0].message


def test_the_preview_follows_a_valid_change_and_waits_on_an_invalid_one(brugstad: Path) -> None:
    session = _session(brugstad)
    first = session.outcome.preview_revision
    assert "0123-780789" in session.outcome.pages["routekaart"]
    _change(session, partners__0__telefoon="0123-78")
    assert session.outcome.preview_revision == first  # the last valid state stays on screen
    _change(session, partners__0__telefoon="0123-780799")
    assert session.outcome.preview_revision > first
    assert "0123-780799" in session.outcome.pages["routekaart"]
    assert "0123-780799" in session.outcome.pages["kaarten"]
    numbers = {str(e.telefoon) for card in session.outcome.cards for face in card.faces for e in face.bellen}
    assert "0123-780799" in numbers


def test_a_field_left_to_the_region_shows_the_regions_value(brugstad: Path) -> None:
    session = _session(brugstad.parent / "dijkmond.yaml")
    found = session.inherited(("kaarten", "formaat"))
    assert found is not None and found.text == "creditcard" and found.source == "regio"
    vt = session.inherited(("veilig_thuis", "telefoon"))
    assert vt is not None and vt.text == "0800-2000" and vt.source == "regio"
    assert session.inherited(("naam",)) is None
    assert "Politie basisteam Oeverland (politie-oeverland)" in session.inherited_rows()[("partners",)]


def test_saving_keeps_comments_order_and_untouched_values(brugstad: Path) -> None:
    before = brugstad.read_text(encoding="utf-8")
    session = _session(brugstad)
    _change(session, partners__0__telefoon="0123-780799")
    saved = session.save()
    assert saved.ok, saved.message
    after = brugstad.read_text(encoding="utf-8")
    assert after == before.replace('telefoon: "0123-780789"\n    email: wijkteam', 'telefoon: "0123-780799"\n    email: wijkteam')
    assert [c.path for c in saved.changes] == ["partners.0.telefoon"]
    assert not session.unsaved


def test_an_added_row_is_written_and_an_empty_one_is_not(brugstad: Path) -> None:
    session = _session(brugstad)
    pairs = drawn("gemeente", session.working)
    session.change(pairs, "toevoegen:partners")
    session.change(drawn("gemeente", session.working), "toevoegen:partners")
    n = len(session.working["partners"]) - 1
    pairs = drawn("gemeente", session.working)
    pairs[f"partners.{n}.id"] = ["huisarts-brugstad"]
    pairs[f"partners.{n}.naam"] = ["Huisartsen Brugstad"]
    pairs[f"partners.{n}.type"] = ["huisartsen"]
    session.change(pairs)
    # The row added and left empty asks for its required fields; it is not saved.
    assert {p.path for p in session.outcome.problems if p.is_error} == {
        f"partners.{n - 1}.{field}" for field in ("id", "naam", "type")
    }
    assert session.save().ok
    text = brugstad.read_text(encoding="utf-8")
    assert "- id: huisarts-brugstad\n    naam: Huisartsen Brugstad\n    type: huisartsen\n" in text
    assert text.startswith("# Volledig ingevuld profiel van een VERZONNEN gemeente")
    assert text.count("- id:") == n  # the first new row, left empty, is not written


def test_saving_is_refused_when_the_file_changed_on_disk(brugstad: Path) -> None:
    session = _session(brugstad)
    _change(session, naam="Brugstad aan Zee")
    brugstad.write_text(brugstad.read_text(encoding="utf-8").replace("Lotte Verbeek", "Lotte de Vries"), encoding="utf-8")
    on_disk = brugstad.read_text(encoding="utf-8")
    saved = session.save()
    assert not saved.ok
    assert "veranderd sinds de editor het las" in saved.message
    assert [(c.path, c.old, c.new) for c in saved.changes] == [("document.eigenaar.naam", "Lotte Verbeek", "Lotte de Vries")]
    assert brugstad.read_text(encoding="utf-8") == on_disk
    session.reload()
    assert session.working["document"]["eigenaar"]["naam"] == "Lotte de Vries"


def test_a_region_opens_with_its_municipalities_to_choose_from(tmp_path: Path) -> None:
    region = region_copy(tmp_path)
    session = _session(region)
    assert [f.label for f in session.files] == ["Oeverland", "Brugstad", "Dijkmond", "'s-Molenwaard", "Wâldterp"]
    assert session.kind == "regio" and session.outcome.previewed == "Brugstad"
    _change(session, veilig_thuis__telefoon="0800-2001")
    assert "0800-2001" in session.outcome.pages["routekaart"]
    session.choose_sample(1)
    assert session.outcome.previewed == "Dijkmond"
    session.open(2)
    assert session.kind == "gemeente" and session.current.label == "Dijkmond"


@pytest.mark.slow
def test_the_check_is_validates_own_cards_included(brugstad: Path) -> None:
    """As `bewerk` runs it (the card check on), the editor finds what `validate` finds in the same file."""
    from assembler.pipeline.preflight import card_problems

    session = Session(brugstad)
    _change(session, partners__0__telefoon="0123-78")
    assert session.save().ok
    def seen(problems: list) -> list:
        return sorted((p.file, p.path, p.message, p.severity) for p in problems)

    assert seen(session.outcome.problems) == seen(check_paths([brugstad], extra=card_problems))
    assert any(p.is_error and p.path == "partners.0.telefoon" for p in session.outcome.problems)


def test_each_card_number_says_why_the_contact_rule_put_it_there(brugstad: Path) -> None:
    """The editor shows, per card, the reason the contact rule gives and the field the number came from."""
    from jinja2 import Environment, FileSystemLoader

    from assembler.editor.view import card_contacts
    from assembler.resources import templates_dir

    session = _session(brugstad)
    cards = session.outcome.cards
    assert cards
    shown = [(card, card_contacts(card)) for card in cards]
    for card, contacts in shown:
        for contact in contacts:
            assert contact.reason, (card.titel, contact.label)
            assert contact.field, (card.titel, contact.label)
    reasons = {contact.reason for _, contacts in shown for contact in contacts}
    assert "advies en melden" in reasons and "acuut gevaar" in reasons
    page = Environment(loader=FileSystemLoader(templates_dir() / "editor")).get_template("contacten.html")
    html = page.render(contacts=shown)
    assert "Waarom: advies en melden." in html
    left_out = [skip for card in cards for skip in card.weggelaten]
    assert left_out  # Brugstad's case conference and VGV-only team stay off the cards, with the reason
    for skip in left_out:
        assert f"{skip.naam}: {skip.reden}" in html
