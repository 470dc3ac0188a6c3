"""Every output prints a phone number in one Dutch display form; the tel: link dials exactly the number."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from assembler.model.changes import compare_profiles
from assembler.model.region import from_data, to_data
from assembler.national import national_content
from assembler.national.loading import national_phone
from assembler.phone import TWO_DIGIT_AREAS, Kind, Phone, digits, display, phone, read_phone
from assembler.resources import content_dir

# Every notation the validator accepts, and the one form every output prints it in.
FORMS = {
    # Two-digit area codes, however written.
    "020-1234567": "020-1234567",
    "0201234567": "020-1234567",
    "020 123 4567": "020-1234567",
    "020 - 123 45 67": "020-1234567",
    "(020) 123 45 67": "020-1234567",
    "020/1234567": "020-1234567",
    "020.123.45.67": "020-1234567",
    "010 123 45 67": "010-1234567",
    "036-5123456": "036-5123456",
    "079-3123456": "079-3123456",
    "+31 20 123 4567": "020-1234567",
    "+31 (0)20 123 4567": "020-1234567",
    "+31(0)201234567": "020-1234567",
    "+31-20-1234567": "020-1234567",
    "0031 20 123 4567": "020-1234567",
    "0031201234567": "020-1234567",
    # Three-digit area codes.
    "0595-123410": "0595-123410",
    "0595 12 34 10": "0595-123410",
    "(0595) 123410": "0595-123410",
    "+31 595 123 410": "0595-123410",
    "0118-412345": "0118-412345",
    "0123-780789": "0123-780789",  # the examples' made-up area code
    "+31 123 780 800": "0123-780800",
    # Mobile.
    "06-12345678": "06-12345678",
    "06 1234 5678": "06-12345678",
    "0612345678": "06-12345678",
    "+31 6 12345678": "06-12345678",
    "+31 (0)6 1234 5678": "06-12345678",
    "0031 6 12 34 56 78": "06-12345678",
    # Non-geographic.
    "088-9648550": "088-9648550",
    "088 964 85 50": "088-9648550",
    "085 123 4567": "085-1234567",
    "091-1234567": "091-1234567",
    "+31 88 964 8550": "088-9648550",
    # Information numbers, four to seven digits after the code.
    "0800-2000": "0800-2000",
    "0800 2000": "0800-2000",
    "08002000": "0800-2000",
    "+31 800 2000": "0800-2000",
    "0800-0188": "0800-0188",
    "0800-1234567": "0800-1234567",
    "0900-8844": "0900-8844",
    "0900 0101": "0900-0101",
    "0906-1234": "0906-1234",
    "0909-1234567": "0909-1234567",
    # Short numbers as the organisations print them.
    "112": "112",
    "14 020": "14 020",
    "140 20": "14 020",
    "14020": "14 020",
    "14 0123": "14 0123",
    "140123": "14 0123",
    # Foreign numbers in international form, spaced.
    "+32 2 555 12 12": "+32 2 555 12 12",
    "+3225551212": "+32 2 555 12 12",
    "0032 2 555 12 12": "+32 2 555 12 12",
    "+49 30 1234567": "+49 30 1234567",
    "+44 20 7946 0958": "+44 20 7946 0958",
    "+1 202-555-0143": "+1 202 555 0143",
    "+39 06 1234 5678": "+39 06 1234 5678",
}


def national_significant(uri: str) -> str:
    """The digits a printed number must show: a Dutch number with its 0, a short number as dialled,
    a foreign one with its country code."""
    dialled = uri.removeprefix("tel:")
    if dialled.startswith("+31"):
        return "0" + dialled[3:]
    return digits(dialled)


@pytest.mark.parametrize("written", FORMS)
def test_every_notation_prints_in_the_one_display_form(written: str) -> None:
    reading = read_phone(written)
    assert reading.error is None, reading
    number = reading.phone
    assert number is not None
    assert str(number) == number.printed == FORMS[written]
    assert number.written == written  # the profile keeps what its author typed
    # No digit changed, added or dropped; the printed form reads back as the same line, in the same form.
    assert digits(number.printed) == national_significant(number.uri) == number.digits
    again = phone(number.printed)
    assert again.uri == number.uri and again.printed == number.printed and again.kind == number.kind


def test_the_two_digit_area_codes_are_libphonenumbers() -> None:
    """The list of two-digit netnummers (the Nummerplan) agrees with libphonenumber's metadata for
    every geographic prefix: 01x to 05x and 07x."""
    for first in "123457":
        for second in "0123456789":
            code = first + second
            number = phonenumbers.parse(f"0{code}5123456", "NL")
            if not phonenumbers.is_valid_number(number):
                # No two-digit code; a three-digit one is always valid with some third digit.
                assert code not in TWO_DIGIT_AREAS, code
                continue
            two_digits = phonenumbers.length_of_geographical_area_code(number) == 2
            assert two_digits == (code in TWO_DIGIT_AREAS), code
    assert len(TWO_DIGIT_AREAS) == 30


def test_a_number_of_an_unknown_prefix_keeps_its_digits_without_a_guessed_dash() -> None:
    assert display("0831234567", "tel:+31831234567") == "0831234567"
    # A foreign number libphonenumber cannot group safely stays as written.
    assert display(" +999 123 ", "tel:+999123") == "+999 123"


# Hypothesis: Dutch numbers of every kind, written in every notation the validator reads.
_SEPARATORS = st.sampled_from(["", " ", "-", ".", "/", " - "])
_DUTCH = st.one_of(
    st.tuples(st.sampled_from(sorted(TWO_DIGIT_AREAS)), st.from_regex(r"[1-9][0-9]{6}", fullmatch=True)),
    st.tuples(
        st.sampled_from(["595", "118", "123", "475", "299", "511"]),
        st.from_regex(r"[1-9][0-9]{5}", fullmatch=True),
    ),
    st.tuples(st.just("6"), st.from_regex(r"[1-5][0-9]{7}", fullmatch=True)),
    st.tuples(st.sampled_from(["85", "88", "91"]), st.from_regex(r"[0-9]{7}", fullmatch=True)),
    st.tuples(st.sampled_from(["800", "900", "906", "909"]), st.from_regex(r"[0-9]{4,7}", fullmatch=True)),
)


@st.composite
def dutch_written(draw: st.DrawFn) -> tuple[str, str]:
    code, rest = draw(_DUTCH)
    cut = draw(st.integers(0, len(rest)))
    sep = draw(_SEPARATORS)
    body = code + draw(_SEPARATORS) + rest[:cut] + (sep if 0 < cut < len(rest) else "") + rest[cut:]
    prefix = draw(st.sampled_from(["0", "+31 ", "+31", "+31 (0)", "0031 ", "(0", "+31-"]))
    if prefix == "(0":
        body = code + ")" + " " + rest
    return prefix + body, code + rest


@settings(max_examples=300, deadline=None)
@given(dutch_written())
def test_a_dutch_number_prints_its_own_digits_and_dials_exactly(case: tuple[str, str]) -> None:
    written, national = case
    reading = read_phone(written)
    assert reading.phone is not None, reading
    number = reading.phone
    assert number.uri == f"tel:+31{national}"
    assert digits(number.printed) == "0" + national == national_significant(number.uri)
    code, _, rest = number.printed.partition("-")
    assert code.startswith("0") and rest.isdigit() and code[1:].isdigit()
    assert phone(number.printed).printed == number.printed


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["+32", "+49", "+44", "+33", "+1", "+90", "+212", "+39", "+351"]),
    st.from_regex(r"[1-9][0-9]{6,9}", fullmatch=True),
    st.sampled_from(["", " ", "-"]),
)
def test_a_foreign_number_keeps_its_digits_and_dials_exactly(country: str, rest: str, sep: str) -> None:
    written = country + " " + sep.join([rest[:3], rest[3:]])
    reading = read_phone(written)
    if reading.phone is None:
        return  # too many or too few digits for that country: refused by validate
    number = reading.phone
    assert number.kind is Kind.INTERNATIONAL
    assert number.uri == "tel:" + country + rest
    assert digits(number.printed) == digits(number.uri) and number.printed.startswith(country + " ")


def test_every_national_number_prints_as_the_national_content_types_it() -> None:
    """The numbers someone compared with the organisation's own page print exactly as typed: where the
    display form would differ (Fier prints "088-20 80 000"), the content's own form is kept."""
    loaded = {org.id: org for org in national_content().organisaties}
    typed = YAML(typ="safe").load((content_dir() / "organisaties.yaml").read_text("utf-8"))
    seen = 0
    for org in typed:
        for key in ("telefoon", "telefoon_zonder_spoed"):
            if org.get(key):
                number = national_phone(org[key], f"{org['id']}.{key}")
                assert number is not None, org["id"]
                assert number.form is None or number.form == org[key], number
                assert str(number) == org[key] == str(getattr(loaded[org["id"]], key))
                seen += 1
    assert seen >= 5


def test_a_national_number_typed_otherwise_keeps_its_typed_form_through_a_record() -> None:
    # Should an owner's page print "0800 2000", the national content prints it that way.
    number = national_phone("0800 2000", "veilig-thuis.telefoon")
    assert number is not None and number.printed == "0800 2000" and number.uri == "tel:+318002000"
    assert from_data(Phone, to_data(number)).printed == "0800 2000"
    assert to_data(phone("+31 800 2000")) == "+31 800 2000"  # a record keeps what the profile typed


def _profile(eigenaar: str, partner: str | Phone) -> dict[str, object]:
    return {
        "naam": "Testdam",
        "document": {"eigenaar": {"naam": "Fenna", "telefoon": phone(eigenaar)}},
        "partners": [{"id": "wijkteam", "naam": "Wijkteam", "telefoon": partner}],
    }


def test_a_number_written_another_way_is_no_change_and_another_number_is() -> None:
    old = _profile("+31 (0)20 123 4567", phone("0800 2000"))
    assert compare_profiles(old, _profile("020-1234567", phone("0800-2000"))) == []
    # A previous run's record holds the printed text: still no change.
    assert (
        compare_profiles(_profile("020-1234567", "0800-2000"), _profile("020 123 45 67", phone("08002000")))
        == []
    )
    changed = [c.text for c in compare_profiles(old, _profile("020-1234567", phone("0800-2001")))]
    assert changed == ["Wijkteam: telefoonnummer gewijzigd van 0800-2000 in 0800-2001."]
