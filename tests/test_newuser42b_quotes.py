"""newuser42b (a politics fact-checker's pass), items 1, 2, 4 and 6: quote verdicts that warned or passed a change of
meaning, passed a change of none, or named a change wrongly. Pure comparisons, and the verdict on words quoted beside a
link (`text_check`), with fictional posts."""

from __future__ import annotations

import pytest

from resolver.provenance import text_check
from resolver.quotes import compare

TAXES = "We will not raise property taxes this year. Our schools come first."


# 1: an elision inside a clause that drops a negation or a figure changes what the post says; it warned as a cut.
@pytest.mark.parametrize("said, found, dropped", [
    ("We will … raise property taxes this year.", TAXES, '"not" (the cut drops a negation'),
    ("We will […] raise property taxes this year.", TAXES, '"not" (the cut drops a negation'),
    ("We will [...] raise property taxes this year.", TAXES, '"not" (the cut drops a negation'),
    ("We will … cut the fees.", "We will never cut the fees.", '"never" (the cut drops a negation'),
    ("Taxes will … and fees will fall.", "Taxes will not rise, and fees will fall.",
     '"not rise" (the cut drops a negation'),
    ("We will cut … jobs at City Hall.", "We will cut 300 jobs at City Hall.", '"300" (the cut drops a figure'),
], ids=["ellipsis-not", "bracketed-ellipsis-not", "bracketed-dots-not", "never", "across-a-comma", "figure"])
def test_an_elision_that_drops_a_negation_or_a_figure_fails(said, found, dropped):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert c.evidence.startswith(f"1 change in the quoted words: elided with …: {dropped}"), c.evidence


@pytest.mark.parametrize("said, found, elided", [
    ("We will not raise property taxes … this year.", "We will not raise property taxes on homes this year.",
     "on homes"),
    ("We will cut taxes. … Schools come first.", "We will cut taxes. We will not raise fees. Schools come first.",
     "We will not raise fees"),
    ("The plan … will pass.", "The plan, which costs $40 million, will pass.", "which costs $40 million"),
    ("We will not … raise taxes.", "We will not, this year, raise taxes.", "this year"),
], ids=["no-negation", "a-whole-sentence", "a-clause-set-off", "negation-kept"])
def test_an_elision_of_other_words_or_of_a_whole_sentence_or_clause_still_warns(said, found, elided):
    c = compare(said, found)
    assert c.result == "warn" and c.evidence.endswith(f'elided with …: "{elided}"'), c.evidence


# 2: a quote in the link's sentence (`"…," Mayor <a>posted</a>`) is the weaker reading, and a change warned "they may
# quote something else"; not where nearly all its words are the post's around a changed negation or figure.
JOBS = "We won't cut 300 jobs at City Hall this year, whatever the budget says. Read the plan."


def _beside(said: str, found: str = JOBS) -> dict:
    post = {"status": "available", "text": found, "archived": [], "post_id": "2031399680209846273"}
    return text_check({"text": said, "detector": "html-link", "text_confidence": "uncertain"}, post)


def test_a_dropped_contracted_negation_in_the_links_sentence_fails_and_is_named():
    checked = _beside("We will cut 300 jobs at City Hall this year, whatever the budget says.")
    assert checked["result"] == "fail", checked
    assert checked["changes"] == ["won't → will (the negation of \"won't\" dropped: \"won't\" is \"will not\")"]
    assert "13 of its 14 words are the post's" in checked["evidence"]
    assert "so this is no fail" not in checked["evidence"]


def test_a_changed_figure_in_the_links_sentence_fails():
    checked = _beside("We will not cut 3000 jobs at City Hall this year, whatever the budget says.")
    assert checked["result"] == "fail", checked
    assert "300 → 3000" in checked["evidence"]


@pytest.mark.parametrize("said", [
    "We won't cut 300 jobs at City Hall this year, whatever the budget says.",   # the post's words
    "We will not cut 300 jobs at City Hall this year, whatever the budget says.",   # written out
])
def test_the_right_quote_in_the_links_sentence_does_not_fail(said):
    assert _beside(said)["result"] in ("pass", "warn")
    assert "written otherwise" in _beside(said)["evidence"] or _beside(said)["result"] == "pass"


@pytest.mark.parametrize("said, found", [
    ("Costs rose 21 percent this year.", "Costs rose 12 percent this year. We will act."),   # a short phrase
    ("We will cut 300 jobs at the port this spring, whatever the budget says.", JOBS),   # other words changed too
    ("We will hire 3000 nurses at City Hall this year, whatever the union says.", JOBS),   # mostly another sentence
], ids=["short-phrase", "other-changes-too", "other-words"])
def test_a_weaker_reading_with_little_of_the_post_or_other_changes_still_warns(said, found):
    checked = _beside(said, found)
    assert checked["result"] == "warn", checked


# 6: "and" for the post's "&" (HTML &amp;) is house style, the same word; it failed as an added "and".
AMPERSAND = '(the same word, "&" on one side and "and" on the other)'


@pytest.mark.parametrize("said, found, shown", [
    ("Schools and hospitals come first.", "Schools &amp; hospitals come first.", "& → and"),
    ("Schools and hospitals come first.", "Schools & hospitals come first.", "& → and"),
    ("Schools & hospitals come first.", "Schools and hospitals come first.", "and → &"),
    ("Schools, and hospitals, come first.", "Schools, & hospitals, come first.", "& → and"),
], ids=["entity", "sign", "sign-in-the-quote", "between-commas"])
def test_and_for_an_ampersand_is_the_same_word_written_otherwise(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert c.evidence.endswith(f"but for 1 word written otherwise: {shown} {AMPERSAND}"), c.evidence


@pytest.mark.parametrize("said, found, change", [
    ("Schools and hospitals come first.", "Schools hospitals come first.", 'added "and"'),   # no "&" there
    ("Schools and clinics come first.", "Schools &amp; hospitals come first.", "hospitals → and clinics"),
    ("Schools and hospitals come last.", "Schools &amp; hospitals come first.", "first → last"),
    ("Schools and hospitals come first.", "Schools or hospitals come first.", "or → and"),
    ("Schools and hospitals come first.", "Schools & not hospitals come first.", "not → and"),
], ids=["no-ampersand", "word-beside-replaced", "another-change", "or", "negation-beside"])
def test_a_change_beside_or_instead_of_an_ampersand_still_fails(said, found, change):
    c = compare(said, found)
    assert c.result == "fail" and change in c.evidence, c.evidence


def test_and_for_an_ampersand_beside_a_link_is_no_fail():
    checked = _beside("Schools and hospitals come first, whatever the budget says.",
                      "Schools &amp; hospitals come first, whatever the budget says.")
    assert checked["result"] == "warn" and "& → and" in checked["evidence"], checked


# 4: two names that trade places were reported as one dropped ("dropped "and Marsh""), the one put first left out.
@pytest.mark.parametrize("said, found, shown", [
    ("Marsh and Okafor will vote together on the water bill next week.",
     "Okafor and Marsh will vote together on the water bill next week.",
     "Okafor and Marsh → Marsh and Okafor (the same words in another order)"),
    ("Our city: Marsh and Okafor will vote together.", "Our city: Okafor and Marsh will vote together.",
     "Okafor and Marsh → Marsh and Okafor (the same words in another order)"),
    ("The rate fell from 5 to 3 percent.", "The rate fell from 3 to 5 percent.",
     "3 to 5 → 5 to 3 (the same words in another order)"),
], ids=["at-the-start", "inside", "figures"])
def test_words_that_trade_places_fail_named_as_a_reordering(said, found, shown):
    c = compare(said, found)
    assert (c.result, c.evidence) == ("fail", f"1 change in the quoted words: {shown}")


def test_a_dropped_name_is_still_named_dropped_and_the_right_order_passes():
    found = "Okafor and Marsh will vote together on the water bill next week."
    dropped = compare("Okafor will vote together on the water bill next week.", found)
    assert (dropped.result, dropped.evidence) == ("fail", '1 change in the quoted words: dropped "and Marsh"')
    assert compare(found, found).result == "pass"
