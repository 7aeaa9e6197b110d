"""A scraped Bluesky (or X) signature and its own post link: the time Bluesky's embed writes after the date, and the
link on the line below the signature rather than after its date. One post, one embed, with its id, words, name and
date (newuser36 #2: two embeds, one "not identified", one with the id and nothing else). Fixtures are fictional."""

import pytest

from resolver.extract.text import find_embeds

WORDS = "Intro line.\n\nTurnout is up 12 points in the north.\n"
BSKY_SIG = "— Maria Ortega (@mariaortega.bsky.social) March 10, 2026"
BSKY_LINK = "https://bsky.app/profile/mariaortega.bsky.social/post/3mgpk77abcd2u"
BSKY_ID = "mariaortega.bsky.social/3mgpk77abcd2u"


@pytest.mark.parametrize("signed", [
    f"{BSKY_SIG} at 9:12 PM {BSKY_LINK}",
    f"{BSKY_SIG} at 9:12 PM\n{BSKY_LINK}",
    f"{BSKY_SIG}\n{BSKY_LINK}",
    f"{BSKY_SIG} at 9:12 PM\r\n  {BSKY_LINK} \r\n",
    f"{BSKY_SIG} at 21:12\n{BSKY_LINK}.",
], ids=["time-same-line", "time-next-line", "next-line", "crlf-indented", "24-hour-full-stop"])
def test_a_bluesky_signature_and_its_own_link_are_one_post(signed):
    text = WORDS + signed + "\n\nMore text."
    [post] = find_embeds(text)
    assert (post.platform, post.post_id, post.author_handle, post.author_name, post.detector) == (
        "bluesky", BSKY_ID, "mariaortega.bsky.social", "Maria Ortega", "text-signature")
    assert (post.text, post.date) == ("Turnout is up 12 points in the north.", "2026-03-10")
    assert post.url == BSKY_LINK
    assert text[post.span[0]:post.span[1]].endswith("/post/3mgpk77abcd2u")


def test_the_time_after_at_is_read_as_part_of_the_date():
    [post] = find_embeds(WORDS + f"{BSKY_SIG} at 9:12 PM\n\nMore text.")
    assert (post.date_text, post.date, post.post_id) == ("March 10, 2026 at 9:12 PM", "2026-03-10", None)


def test_an_x_signature_and_its_own_link_on_the_next_line_are_one_post():
    """1900471231200000000 was minted on 2025-03-14 (UTC): the signature's day."""
    text = WORDS + "— Maria Ortega (@mariaortega) March 14, 2025\nhttps://twitter.com/mariaortega/status/1900471231200000000\n"
    [post] = find_embeds(text)
    assert (post.platform, post.post_id, post.author_handle, post.text, post.detector) == (
        "twitter", "1900471231200000000", "mariaortega", "Turnout is up 12 points in the north.", "text-signature")


@pytest.mark.parametrize("below", [
    "https://bsky.app/profile/other.bsky.social/post/3mgpk77abcd2u",                      # another account's post
    "https://bsky.app/profile/mariaortega.bsky.social/post/3mgpk77abcd2u and more words",   # the line goes on: prose
    "\nhttps://bsky.app/profile/mariaortega.bsky.social/post/3mgpk77abcd2u",               # a blank line between
    "https://bsky.app/profile/mariaortega.bsky.social/post/3mgpk77abcd2u\n— Maria Ortega (@mariaortega.bsky.social) "
    "March 11, 2026",                                                                        # the next post's words
], ids=["another-account", "line-goes-on", "blank-line", "next-posts-words"])
def test_a_link_below_that_may_not_be_the_signatures_is_its_own_embed(below):
    text = WORDS + BSKY_SIG + "\n" + below + "\n"
    embeds = find_embeds(text)
    signature = embeds[0]
    assert (signature.detector, signature.post_id) == ("text-signature", None)
    assert any(e.post_id and e.post_id.endswith("/3mgpk77abcd2u") for e in embeds[1:])


OTHER_DAY = "https://twitter.com/mariaortega/status/1766912345678901234"   # minted 2024-03-10 (UTC)


@pytest.mark.parametrize("signed", [
    f"— Maria Ortega (@mariaortega) March 10, 2026\n{OTHER_DAY}\n",
    f"— Maria Ortega (@mariaortega) March 10, 2026 {OTHER_DAY}\n",
], ids=["below", "after-the-date"])
def test_an_x_link_under_a_signature_minted_on_another_day_is_a_candidate_with_its_conflict_said(signed):
    """1766912345678901234 was minted in March 2024, two years before the signature's date. Below the signature it was
    its own embed, the signature's no id and no word of the conflict (review36e); after the date it was the
    signature's id with no doubt (t21, left alone in stop 37). Either way it is the candidate the signature's link
    names, and the conflict is said, as for another account's link: the checks of the article's copy warn."""
    [post] = find_embeds(WORDS + signed)
    assert (post.detector, post.post_id, post.author_handle, post.url) == (
        "text-signature", "1766912345678901234", "mariaortega", OTHER_DAY)
    assert post.id_doubt == "the link names a post made on 2024-03-10 (UTC); the signature says March 10, 2026"
    assert post.text == "Turnout is up 12 points in the north."


def test_another_accounts_link_below_minted_on_another_day_says_both_conflicts():
    link = "https://twitter.com/otheruser/status/1766912345678901234"
    [post] = find_embeds(WORDS + f"— Maria Ortega (@mariaortega) March 10, 2026\n{link}\n")
    assert (post.detector, post.post_id, post.url) == ("text-signature", "1766912345678901234", link)
    assert post.id_doubt == ("the link names a post by @otheruser made on 2024-03-10 (UTC); the signature says "
                             "@mariaortega, March 10, 2026")


def test_a_bluesky_link_below_made_on_another_day_is_not_the_signatures():
    """A post's key is a TID, the time it was made (3jzfcijpj2z2a: June 2023): a link below a signature of March 10,
    2026 to the account's post of 2023 is another post. It was read as the signature's: the 2026 words, name and date
    put on the 2023 post's id (review36e). 3mgpk77abcd2u, made on the signature's day, stays joined (above)."""
    text = WORDS + BSKY_SIG + " at 9:12 PM\nhttps://bsky.app/profile/mariaortega.bsky.social/post/3jzfcijpj2z2a\n"
    first, second = find_embeds(text)
    assert (first.detector, first.post_id, first.text) == ("text-signature", None,
                                                           "Turnout is up 12 points in the north.")
    assert (second.detector, second.post_id) == ("text-url", "mariaortega.bsky.social/3jzfcijpj2z2a")


def test_a_mastodon_link_below_made_on_another_day_is_not_the_signatures():
    """A Mastodon id is a snowflake too (its time in milliseconds, shifted 16 bits): 109876543210987654 is of February
    2023, another post than the one signed on March 10, 2026 (review36e); 116205472972800000, made that day, is the
    signature's own."""
    sig = "— Maria Ortega (@mariaortega@mastodon.social) March 10, 2026\n"
    first, second = find_embeds(WORDS + sig + "https://mastodon.social/@mariaortega/109876543210987654\n")
    assert (first.detector, first.post_id) == ("text-signature", None)
    assert (second.detector, second.post_id) == ("text-url", "mastodon.social/109876543210987654")
    [post] = find_embeds(WORDS + sig + "https://mastodon.social/@mariaortega/116205472972800000\n")
    assert (post.detector, post.post_id, post.text) == ("text-signature", "mastodon.social/116205472972800000",
                                                        "Turnout is up 12 points in the north.")
