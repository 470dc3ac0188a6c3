"""The one place for Dutch dates, enumerations and small numbers."""

from __future__ import annotations

import datetime as dt

from assembler.dutch import dutch_date, enumeration, number_word, seconds
from assembler.naming import sort_key


def test_enumeration_joins_with_commas_and_en() -> None:
    assert enumeration([]) == ""
    assert enumeration(["Politie"]) == "Politie"
    assert enumeration(["a", "b"]) == "a en b"
    assert enumeration(("Onderwijs", "Huisartsen", "Sociaal wijkteam"), klein=True) == (
        "Onderwijs, huisartsen en sociaal wijkteam"
    )


def test_dates_numbers_and_seconds_read_as_dutch() -> None:
    assert dutch_date(dt.date(2026, 10, 15)) == "15 oktober 2026"
    assert number_word(3) == "drie"
    assert number_word(40) == "40"
    assert seconds(2.44) == "2,4 s"


def test_place_names_are_filed_as_a_dutch_list_files_them() -> None:
    names = ["Wâldterp", "'s-Molenwaard", "Brugstad", "’t Zandt", "Dijkmond", "Súdermar"]
    assert sorted(names, key=sort_key) == ["Brugstad", "Dijkmond", "'s-Molenwaard", "Súdermar", "Wâldterp", "’t Zandt"]
