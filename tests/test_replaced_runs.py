"""A run of words replaced by a run of others (a sentence of another post merged into a quote) is counted and shown
with each side's punctuation (newuser34 #6: it read "1 change in the quoted words: except Eastside Boil advisories
remain for 2 days → The audit found 3 errors not 30", its full stops and commas gone). Fictional posts."""

from __future__ import annotations

import json

import pytest

from resolver import quotes
from tests.test_quotes_beside_links import _page, report   # noqa: F401  (the loopback report fixture)

HEALTH = "Water is safe to drink in all districts except Eastside. Boil advisories remain for 2 days."
MERGED = "Water is safe to drink in all districts. The audit found 3 errors, not 30."


@pytest.mark.parametrize("said, found, evidence", [
    (MERGED, HEALTH, "1 change in the quoted words: 8 words replaced by 7: “except Eastside. Boil advisories remain "
                     "for 2 days.” → “The audit found 3 errors, not 30.”"),
    ("Costs rose 21 percent this year.", "Costs rose 12 percent this year.", "1 change in the quoted words: 12 → 21"),
    ("The council approved the new plan tonight.", "The council rejected the bridge plan tonight.",
     "2 changes in the quoted words: rejected → approved; bridge → new"),
], ids=["a-sentence-replaced", "a-word-replaced", "two-words-apart"])
def test_a_run_of_words_replaced_is_counted_and_keeps_its_punctuation(said, found, evidence):
    compared = quotes.compare(said, found)
    assert (compared.result, compared.evidence) == ("fail", evidence)


def test_a_merged_sentence_reads_as_words_replaced_in_every_report_format(report):   # noqa: F811
    """The report fixture serves @CouncilorSmith's post: a widget quoting it with its last sentence swapped."""
    from tests.test_quotes_beside_links import URL

    article = _page('<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The council rejected the bridge plan '
                    'tonight. We will not support new tolls on Route 9. The audit found 3 errors, not 30.</p>&mdash; '
                    f'Pat Smith (@CouncilorSmith) <a href="{URL}?ref_src=twsrc%5Etfw">March 14, 2023</a></blockquote>')
    shown = "6 words replaced by 7: “Costs rose 12 percent this year.” → “The audit found 3 errors, not 30.”"
    [embed] = json.loads(report(article, "json", exit_code=4))["embeds"]
    [text] = [c for c in embed["checks"] if c["name"] == "text"]
    assert text["result"] == "fail" and text["evidence"].endswith(shown), text
    assert shown in report(article, "md", exit_code=4)
    assert "6 words replaced by 7: “Costs rose 12 percent this year.” → “The audit found 3 errors, not 30.”" \
        in report(article, "html", exit_code=4).replace("&#34;", '"')
