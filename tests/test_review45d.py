"""review45d (stop 45): an adversarial read of stop 44's perf44 and fixleft44b, each bug a test first.

Pure: `compare`, `opcodes` and `_unglue` of resolver.quotes; no network."""

import random

import pytest

from resolver import quotes
from resolver.quotes import compare

# A post that is a chant, its line written 60 times (720 words): no word of it stands once on either side.
CHANT = " ".join(["We march today, we march for all of us, and we sing."] * 60)
_WORDS = CHANT.split(" ")


# perf44 matched two long texts (over 250,000 word pairs) on the words each holds once, and left a long stretch with
# none unmatched, as "replaced": a quote of a chant with one word changed read "420 words replaced by 301", and one
# cut with "…" failed as a change where the word table warns of the cut. Such a stretch is now matched by its fewest
# edits, as the table matches it.
@pytest.mark.parametrize("said,verdict", [
    (" ".join(_WORDS[:300] + ["forever"] + _WORDS[301:601]), ("fail", "1 change in the quoted words: We → forever")),
    (" ".join(_WORDS[:300] + ["…"] + _WORDS[305:601]),
     ("warn", 'partial quote: 596 of 720 words; elided with …: "We march today we march"')),
    (" ".join(_WORDS[5:601]), ("pass", "partial quote: 596 of 720 words")),
], ids=["changed", "elided", "partial"])
def test_a_long_quote_of_a_repeated_refrain_is_matched_word_by_word_not_all_replaced(said, verdict):
    assert len(said.split()) * len(_WORDS) > quotes.TABLE_MOST   # the long texts' path, not the table's
    c = compare(said, CHANT)
    assert (c.result, c.evidence) == verdict


def test_a_long_quote_of_a_refrain_dropping_its_negation_names_each_not_dropped():
    post = " ".join(["We will not stop, we will not go back, we stand here."] * 60)
    said = post.replace("not go back", "go back", 30)
    c = compare(said, post)
    assert c.result == "fail" and [(x.post, x.article) for x in c.changes] == [("not", "")] * 30, c.evidence[:300]


def test_the_fewest_edits_match_as_many_words_as_the_table_and_give_up_past_their_work():
    rng = random.Random(45)
    for _ in range(300):
        a = [rng.choice("abc") for _ in range(rng.randint(0, 12))]
        b = [rng.choice("abc") for _ in range(rng.randint(0, 12))]
        found = quotes._fewest_edits(a, b, [10 ** 6])
        assert found is not None and all(a[i] == b[j] for i, j in found), (a, b, found)
        assert all(i1 < i2 and j1 < j2 for (i1, j1), (i2, j2) in zip(found, found[1:])), (a, b, found)
        assert len(found) == len(quotes._table_pairs(a, b)), (a, b, found)
    work = [1_000]
    assert quotes._fewest_edits(["a", "b"] * 500, ["c", "d"] * 500, work) is None and work[0] < 0
