"""A phone number is one value: as printed, its exact tel: URI and its kind, read once per process."""

from __future__ import annotations

import copy
import pickle

import pytest

from assembler.phone import NUMBER, Kind, Phone, digits, phone, read_phone
from assembler.problems import Place, origin_of

# As people write them: each reads without a warning and dials exactly this.
WRITTEN = {
    "020-1234567": ("tel:+31201234567", Kind.FIXED),
    "0201234567": ("tel:+31201234567", Kind.FIXED),
    "010 123 45 67": ("tel:+31101234567", Kind.FIXED),
    "088-9648550": ("tel:+31889648550", Kind.FIXED),
    "0800-2000": ("tel:+318002000", Kind.TOLL_FREE),
    "0800-0188": ("tel:+318000188", Kind.TOLL_FREE),
    "0900-8844": ("tel:+319008844", Kind.PREMIUM),
    "0900-0101": ("tel:+319000101", Kind.PREMIUM),
    "14 020": ("tel:14020", Kind.SHORT),
    "140 20": ("tel:14020", Kind.SHORT),
    "14 0123": ("tel:140123", Kind.SHORT),
    "112": ("tel:112", Kind.SHORT),
    "+31 20 123 4567": ("tel:+31201234567", Kind.FIXED),
    "+31 (0)20 123 4567": ("tel:+31201234567", Kind.FIXED),
    "06-12345678": ("tel:+31612345678", Kind.MOBILE),
    "+32 2 555 12 12": ("tel:+3225551212", Kind.INTERNATIONAL),
}


@pytest.mark.parametrize("written", WRITTEN)
def test_a_number_as_people_write_it_is_printed_as_written_and_dials_exactly(written: str) -> None:
    reading = read_phone(written)
    assert reading.error is None and reading.warning is None, reading
    number = reading.phone
    assert number is not None
    assert (number.uri, number.kind) == WRITTEN[written]
    # The printed form is decided in one place (Phone.printed); today it is the number as written.
    assert str(number) == number.printed == written
    assert f"bel {number}" == f"bel {written}"


@pytest.mark.parametrize("written", ["0123-456789", "+31 123 456 800"])
def test_an_unassigned_area_code_reads_with_a_warning(written: str) -> None:
    reading = read_phone(written)
    assert reading.error is None and reading.phone is not None
    assert reading.warning is not None and "onbekend netnummer" in reading.warning


@pytest.mark.parametrize(
    "written", ["", "bel ons", "020-12345", "020-123456789", "0800-20", "911", "06-1234567", "tel: 020"]
)
def test_what_is_no_phone_number_gives_an_error_and_no_value(written: str) -> None:
    reading = read_phone(written)
    assert reading.phone is None and reading.error is not None
    with pytest.raises(ValueError, match=r"telefoonnummer|cijfers"):
        phone(written)


def test_a_number_is_read_once_per_process() -> None:
    read_phone.cache_clear()
    for _ in range(3):
        phone("020-7654321")
    info = read_phone.cache_info()
    assert (info.misses, info.hits) == (1, 2)


def test_the_same_line_written_twice_is_the_same_number_and_the_origin_is_not_part_of_it() -> None:
    here = Place("gemeente.yaml", 12, 15, "partners.0.telefoon")
    national, international = phone("0800-2000"), phone("+31 800 2000", here)
    assert national.same_number(international) and national != international
    assert phone("0800-2000", here) == national and origin_of(phone("0800-2000", here)) == here
    assert not phone("112").same_number(national)


def test_a_phone_survives_copy_and_pickle_with_its_origin() -> None:
    here = Place("regio.yaml", 3, 4, "veilig_thuis.telefoon")
    number = phone("0800-2000", here)
    for copied in (copy.deepcopy(number), pickle.loads(pickle.dumps(number))):
        assert copied == number and copied.origin == here and isinstance(copied, Phone)


def test_one_digits_helper_and_one_number_pattern() -> None:
    assert digits("+31 (0)20-123 4567") == "310201234567"
    assert phone("0800-2000").digits == "08002000"
    assert NUMBER.findall("bel 0800-2000 of 112, en +31 20 123 4567.") == ["0800-2000", "112", "+31 20 123 4567"]
