"""fixleft44b (stop 44): gaps earlier helpers found and left (fixq4343, review43b43, review43c43), each a test first.

Quote verdicts here are pure (`compare`); signatures are pure (`find_signatures`, `find_embeds`)."""

import pytest

from resolver.quotes import compare

DOLLAR_NAMED = "its dollar named ({}) on one side and a bare $ on the other, which does not say which dollar"


# fixq4343 left: "US$40m" and "$40,000,000" for the post's "$40m" / "$40 million" failed as changed figures. They
# are the same amount written otherwise: a warn naming how, never a pass.
@pytest.mark.parametrize("said,found,shown", [
    ("The deal was worth US$40m to them", "The deal was worth $40m to them",
     "$40m → US$40m (the same amount, " + DOLLAR_NAMED.format("US$") + ")"),
    ("The deal was worth $40m to them", "The deal was worth A$40m to them",
     "A$40m → $40m (the same amount, " + DOLLAR_NAMED.format("A$") + ")"),
    ("The deal was worth US$40m to them", "The deal was worth $40 million to them",
     "$40 million → US$40m (the same amount, its thousand, million or billion written short on one side; and "
     + DOLLAR_NAMED.format("US$") + ")"),
    ("The deal was worth $40,000,000 to them", "The deal was worth $40m to them",
     "$40m → $40,000,000 (the same amount, in full figures on one side and by its thousand, million or billion on "
     "the other)"),
    ("The deal was worth $40,000,000 to them", "The deal was worth $40 million to them",
     "$40 million → $40,000,000 (the same amount, in full figures on one side and by its thousand, million or "
     "billion on the other)"),
    ("The deal was worth $2,500,000,000 to them", "The deal was worth $2.5bn to them",
     "$2.5bn → $2,500,000,000 (the same amount, in full figures on one side and by its thousand, million or "
     "billion on the other)"),
    ("The deal was worth 40,000,000 dollars to them", "The deal was worth $40m to them",
     "$40m → 40,000,000 dollars (the same amount, in full figures on one side and by its thousand, million or "
     "billion on the other; its currency a sign on one side and a word on the other)"),
    ("The deal was worth US$40,000,000 to them", "The deal was worth $40m to them",
     "$40m → US$40,000,000 (the same amount, in full figures on one side and by its thousand, million or billion "
     "on the other; and " + DOLLAR_NAMED.format("US$") + ")"),
], ids=["us-for-bare", "bare-for-a", "us-m-for-million", "full-for-m", "full-for-million", "full-for-bn",
        "full-dollars-for-m", "us-full-for-m"])
def test_an_amount_with_its_dollar_named_or_in_full_figures_warns_naming_how(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert f"1 figure written otherwise: {shown}" in c.evidence, c.evidence
    assert "change in the quoted words" not in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("The deal was worth US$40m to them", "The deal was worth A$40m to them"),
    ("The deal was worth C$40m to them", "The deal was worth US$40 million to them"),
    ("The deal was worth US$40m to them", "The deal was worth £40m to them"),
    ("The deal was worth US$40m to them", "The deal was worth €40 million to them"),
    ("The deal was worth US$40m to them", "The deal was worth $4m to them"),
    ("The deal was worth US$40m to them", "The deal was worth $40bn to them"),
    ("The deal was worth $4,000,000 to them", "The deal was worth $40m to them"),
    ("The deal was worth $40,000,000 to them", "The deal was worth $40 billion to them"),
    ("The deal was worth $40,000,000 to them", "The deal was worth €40m to them"),
    ("The deal was worth 40,000,000 euros to them", "The deal was worth $40m to them"),
    ("The deal was worth $40,000 to them", "The deal was worth $40m to them"),
], ids=["us-for-a", "c-for-us", "us-for-pound", "us-for-euro", "us-for-4m", "us-m-for-bn", "4-million-full",
        "full-for-billion", "full-dollars-for-euros", "full-euros-for-dollars", "thousand-for-million"])
def test_another_currency_or_amount_beside_a_named_dollar_or_full_figures_still_fails(said, found):
    c = compare(said, found)
    assert c.result == "fail", c.evidence


# fixq4343 left: ordinals past tenth ("11th"/"eleventh", "21st"/"twenty-first", "100th") failed as changed figures.
@pytest.mark.parametrize("said,found,shown", [
    ("She came 11th in the race", "She came eleventh in the race", "eleventh → 11th"),
    ("She came eleventh in the race", "She came 11th in the race", "11th → eleventh"),
    ("She came 21st in the race", "She came twenty-first in the race", "twenty first → 21st"),
    ("She came twenty-first in the race", "She came 21st in the race", "21st → twenty first"),
    ("She came 20th in the race", "She came twentieth in the race", "twentieth → 20th"),
    ("She came 99th in the race", "She came ninety-ninth in the race", "ninety ninth → 99th"),
    ("She came 100th in the race", "She came hundredth in the race", "hundredth → 100th"),
    ("She came 100th in the race", "She came one hundredth in the race", "one hundredth → 100th"),
    ("She came 112th in the race", "She came one hundred and twelfth in the race", "one hundred and twelfth → 112th"),
], ids=["11th", "eleventh", "21st", "twenty-first", "20th", "99th", "100th", "one-hundredth", "112th"])
def test_an_ordinal_past_tenth_in_words_warns_naming_how(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert f"1 figure written otherwise: {shown} (the same ordinal, in words on one side)" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("She came 11th in the race", "She came twelfth in the race"),
    ("She came 21st in the race", "She came twenty-second in the race"),
    ("She came 21st in the race", "She came twentieth in the race"),
    ("She came 20th in the race", "She came twenty in the race"),
    ("She came 100th in the race", "She came thousandth in the race"),
    ("She came 21st in the race", "She came first in the race"),
    ("She came twenty-first in the race", "She came 22nd in the race"),
    ("She came 101st in the race", "She came hundredth in the race"),
], ids=["11-for-12", "21-for-22", "21-for-20", "20th-for-twenty", "100-for-1000", "21-for-first", "words-for-22",
        "101-for-100"])
def test_another_ordinal_past_tenth_still_fails(said, found):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
