"""A caption the platform cut with its "… more" / "...more" / "… See more" (TikTok, Instagram and Facebook embeds
show a long caption so): the words after it are the platform's, not the article's claim (newuser44c #1)."""

import pytest

from resolver.quotes import compare

POST = "ok i'm crying 😭😭 he really said family #theomarsh #fyp"


@pytest.mark.parametrize("said", [
    "ok i'm crying 😭😭 he really said family … more",
    "ok i'm crying 😭😭 he really said family ...more",
    "ok i'm crying 😭😭 he really said family... more",
    "ok i'm crying 😭😭 he really said family … See more",
    "ok i'm crying 😭😭 he really said family…More",
])
def test_a_caption_cut_by_the_platforms_more_is_a_partial_quote_never_a_changed_word(said):
    c = compare(said, POST)
    assert c.result == "pass", c.evidence
    assert c.partial and c.truncated
    assert "more" not in " ".join(map(str, c.changes))
    assert "cut-off" in c.evidence and "not compared" in c.evidence


def test_a_changed_word_before_the_platforms_cut_still_fails():
    c = compare("ok i'm crying 😭😭 he really said friends … more", POST)
    assert c.result == "fail"
    assert "friends" in c.evidence and "more" not in c.evidence


def test_a_more_cut_that_does_not_start_at_the_posts_start_warns():
    # the platform cuts a caption from its start: a "… more" after words from the middle is not its cut
    c = compare("he really said family … more", POST)
    assert c.result == "warn", c.evidence
    assert "cut-off" in c.evidence


def test_a_more_cut_of_a_post_with_nothing_after_it_warns():
    c = compare("ok i'm crying he really said family #theomarsh #fyp … more", POST)
    assert c.result == "warn", c.evidence


def test_a_post_ending_in_its_own_more_is_compared_as_words():
    post = "they wanted less and gave … more"
    assert compare("they wanted less and gave … more", post).result == "pass"
    assert compare("they wanted less and gave … less", post).result == "fail"


def test_a_closing_more_the_post_itself_holds_is_its_word_not_the_platforms_cut():
    """"We need … more" of "We need less, not more.": the "…" cuts "less, not" and the quote turns the post around.
    Read as a platform's cut-off, its "more" was set aside and the quote passed as a partial quote (the lead's reread
    of fixnu44f); where the post holds the word, it is the post's word, read as any other: the dropped negation
    fails. A caption cut by the platform, whose words hold no "more", is still read as cut."""
    from resolver.quotes import compare

    turned = compare("We need … more", "We need less, not more.")
    assert turned.result == "fail" and not turned.platform_cut
    assert compare("We need … more", "We need money and more.").result in ("pass", "warn")
    cut = compare("ok he said family … more", "ok he said family is everything #theomarsh #fyp")
    assert cut.result == "pass" and cut.platform_cut == "… more"
