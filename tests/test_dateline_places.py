"""The place list a credit's dateline is told by (credits31, #10): what it holds and what it must not."""

import pytest

from resolver.extract.credit_places import names_a_known_place, names_a_place_first, places


@pytest.mark.parametrize("words", [
    # a zone's city, a country, a capital no zone is named after, a frequent dateline
    "Addis Ababa", "KYIV", "Buenos Aires", "Ukraine", "Saudi Arabia", "Washington", "NEW DELHI", "Rio de Janeiro",
    "Khan Younis", "St. Louis", "Port-au-Prince",
    # a feature word after or before a listed place
    "Tokyo Bay", "Kabul Airport", "Central Kyiv", "NORTHERN GAZA",
])
def test_a_listed_place_is_known(words):
    assert names_a_known_place(words)


@pytest.mark.parametrize("words", [
    "Paris Hilton", "Rio Ferdinand", "Gleb Garanich", "Jane Doe", "NYPD", "NASA", "Georgia", "Jordan", "Casey",
    "Sydney", "Bay", "Tokyo Bay Roe", "Central", "",
])
def test_a_name_or_an_acronym_is_no_known_place(words):
    assert not names_a_known_place(words)


def test_a_place_that_is_as_often_a_name_is_no_place_before_a_slash():
    assert names_a_known_place("Chad") and not names_a_place_first("Chad")
    assert names_a_place_first("Kyiv") and names_a_place_first("KYIV")
    assert names_a_known_place("Orlando") and not names_a_place_first("Orlando") and not names_a_place_first("SOFIA")


def test_the_list_is_case_folded_and_spaced_once():
    assert all(name == " ".join(name.split()).casefold() for name in places())
    assert len(places()) > 600
