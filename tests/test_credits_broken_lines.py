"""Credits a PDF's or a newsletter's line breaks cut: a name hyphenated at a line end, a line break inside a credit's
brackets (newuser33b #5). Read joined, never a part of a name given as the name. Fixtures are fictional."""

import pytest

from resolver.extract import find_all
from resolver.extract.credits import find_credits

BROKEN = [
    ("The levee at dusk. (Photo: Mar-\ntin Example/Reuters)", "Martin Example", "Reuters", "uncertain"),
    ("The levee at dusk. (Photo: Mar-\r\ntin Example/Reuters)", "Martin Example", "Reuters", "uncertain"),
    ("A keeper carries an otter. (AP Photo/Ja-\nne Doe)", "Jane Doe", "AP", "uncertain"),
    ("The levee at dusk. (Photo: Martin\nExample/Reuters)", "Martin Example", "Reuters", None),
    ("The levee at dusk. (Photo: Martin Example/\nReuters)", "Martin Example", "Reuters", None),
    ("The square at noon.\nPhoto: Jean-\nPierre Example/AFP\nMore prose.", "Jean-Pierre Example", "AFP", "uncertain"),
]


@pytest.mark.parametrize("text, creator, organization, confidence", BROKEN,
                         ids=["hyphen", "hyphen-crlf", "agency-hyphen", "bracket-break", "after-slash", "capital"])
def test_a_credit_broken_at_a_line_end_is_read_joined(text, creator, organization, confidence):
    [credit] = find_credits(text, plain=True)
    assert (credit.creator, credit.organization) == (creator, organization)
    assert text[credit.span[0]:credit.span[1]] == credit.raw   # the span quotes the page as it is, line break and all
    if confidence:
        assert credit.split_confidence == confidence   # where the hyphen belongs is a guess
    [whole] = find_all(text, "text")[1]
    assert (whole.creator, whole.organization) == (creator, organization)


def test_spans_of_a_joined_credit_are_shifted_by_the_offset():
    text = "Intro.\n(Photo: Mar-\ntin Example/Reuters) and (Photo: Ann Roe/AP)"
    found = find_credits(text, offset=100)
    assert [(c.creator, c.span) for c in found] == [("Martin Example", (107, 140)), ("Ann Roe", (145, 164))]
    assert [text[a - 100:b - 100] for _, (a, b) in [(c.creator, c.span) for c in found]] == [c.raw for c in found]


def test_a_hyphen_elsewhere_changes_no_credit():
    text = "A well-\nknown bridge at dusk. (Jane Doe/Reuters)\nThe two-\nlane road. (Photo: Ann Roe)"
    assert [(c.creator, c.organization, text[c.span[0]:c.span[1]]) for c in find_credits(text, plain=True)] == [
        ("Jane Doe", "Reuters", "Jane Doe/Reuters"), ("Ann Roe", None, "(Photo: Ann Roe)")]


# review33r6: a line break after a whole "Name/Organisation" ends the credit; joining read the next line into it.
@pytest.mark.parametrize("text, expected", [
    ("(Photo: Jane Doe/Reuters\nVideo: John Roe/AP)", [("Jane Doe", "Reuters"), ("John Roe", "AP")]),
    ("(Photo: Jane Doe/Reuters, taken\nfrom the bridge)", [("Jane Doe", "Reuters")]),
    ("Crowds gathered. (AP Photo/Jane Doe\nFile photo from the bridge)", [("Jane Doe", "AP")]),
], ids=["second-credit", "caption-words", "agency"])
def test_a_line_break_after_a_whole_credit_ends_it(text, expected):
    """Before the join these were right; joined, the organisation ran to the bracket's end, "Reuters Video: John
    Roe/AP", given as sure."""
    assert [(c.creator, c.organization) for c in find_credits(text, plain=True)] == expected


def test_a_break_inside_a_credits_brackets_in_an_html_source_is_one_space():
    """An HTML source's line break and indentation inside a credit are one space: "Jane       Doe" is no name."""
    html = "<html><body><article><p>The levee. (Photo: Jane\n      Doe/Reuters)</p></article></body></html>"
    [credit] = find_all(html, "html")[1]
    assert (credit.creator, credit.organization) == ("Jane Doe", "Reuters")
