"""Plain-text forms that look like a flattened post's signature or end a post's URL and are neither (sig36, #10, #15):
a dateline dated in words, a list of handles and dates, a photo credit with a handle; and the characters after a URL
that are no part of it (an emoji glued to an id, Danish and other languages' quote marks), or that are (a ZWNJ in a
Persian IDN host). A post wrongly identified is worse than one missed. Fixtures are fictional."""

import pytest

from resolver.extract.text import find_embeds, find_urls

POST = "The bridge on Elm Street is closed until Monday."
OWN = "https://twitter.com/janeroe/status/1569315424346779648"   # minted 2022-09-12, the signatures' day


# 2. An emoji or a tag after the post's own link
@pytest.mark.parametrize("after", ["🎉", "1️⃣", "❤️", "🇩🇰"], ids=["emoji", "keycap", "heart", "flag"])
def test_an_emoji_glued_to_a_post_links_id_ends_it(after):
    """"…/status/N🎉": the emoji was read into the id and the post lost; a keycap's digit ("1️⃣") is the emoji's, and
    taking it into the id would name another post."""
    text = f"Read it here {OWN}{after} today.\n"
    [embed] = find_embeds(text)
    assert (embed.post_id, embed.id_doubt) == ("1569315424346779648", None)
    assert text[embed.span[0]:embed.span[1]] == OWN


@pytest.mark.parametrize("url, post_id", [
    ("https://t.me/riverton/4521", "riverton/4521"),
    ("https://bsky.app/profile/jane.bsky.social/post/3kabcdefghi2x", "jane.bsky.social/3kabcdefghi2x"),
], ids=["telegram", "bluesky"])
def test_an_emoji_glued_to_another_platforms_post_id_ends_it(url, post_id):
    [embed] = find_embeds(f"Read it here {url}🎉 today.\n")
    assert embed.post_id == post_id


@pytest.mark.parametrize("after", [" 🎉", " 🎉🎉", " #Riverton", " #Riverton #ElmStreet 🌉", "🎉"],
                         ids=["emoji", "emojis", "tag", "tags-and-emoji", "glued-emoji"])
def test_an_emoji_or_a_tag_after_the_posts_own_link_keeps_its_id(after):
    """A post's words end with its own link, then the emoji or tags the copy kept after it: the link still ends the
    words (review35r1: it was read as a link amid the words, and the post had no id)."""
    [embed] = find_embeds(f"{POST} {OWN}{after}\n— Jane Roe (@janeroe) September 12, 2022\n")
    assert embed.post_id == "1569315424346779648"


def test_a_same_day_self_link_with_words_and_a_tag_after_it_is_still_amid_the_words():
    """Words after the link (a tag then words) make it a link the words quote: still no id of it."""
    [embed] = find_embeds(f"As I said {OWN} #Riverton the bridge is closed.\n— Jane Roe (@janeroe) September 12, 2022\n")
    assert embed.post_id is None


# 3. Quote marks of other languages
@pytest.mark.parametrize("opening, closing", [("»", "«"), ("«", "»"), ("›", "‹"), ("‹", "›"), ("„", "“"), ("„", "”")],
                         ids=["danish", "french", "danish-single", "swiss-single", "german", "polish"])
@pytest.mark.parametrize("url, post_id", [
    (OWN, "1569315424346779648"), ("https://t.me/riverton/4521", "riverton/4521"),
], ids=["x", "telegram"])
def test_a_quote_mark_of_another_language_ends_a_url(opening, closing, url, post_id):
    """"Se »https://t.me/riverton/4521« her": the Danish closing "«" was read into the URL and the post lost."""
    text = f"Se {opening}{url}{closing} her.\n"
    assert [found for found, _, _ in find_urls(text)] == [url]
    assert [e.post_id for e in find_embeds(text)] == [post_id]


# 6. A ZWNJ in a Persian IDN host
@pytest.mark.parametrize("url, post_id", [
    ("https://مثال\u200cنمونه.ir/@jane/109876543210987654", "مثال\u200cنمونه.ir/109876543210987654"),
    ("https://خبر\u200cها.ir/@jane/109876543210987654", "خبر\u200cها.ir/109876543210987654"),
], ids=["host", "host-ending-label"])
def test_a_zwnj_inside_a_persian_idn_host_is_kept(url, post_id):
    """IDNA2008 allows a ZWNJ between Arabic-script letters of a label: "مثال\u200cنمونه.ir" and "مثالنمونه.ir" are two
    domains. The ZWNJ was skipped as a CMS's break point, and the post read on the other's."""
    text = f"See {url} now.\n"
    assert [found for found, _, _ in find_urls(text)] == [url]
    [embed] = find_embeds(text)
    assert embed.post_id == post_id


@pytest.mark.parametrize("text, url", [
    ("See https://twitter.com/jane/sta\u200ctus/1569315424346779648 now", OWN.replace("janeroe", "jane")),
    ("See https://t.me/river\u200cton/4521 now", "https://t.me/riverton/4521"),
], ids=["x-path", "telegram-path"])
def test_a_zwnj_in_a_urls_path_is_still_skipped(text, url):
    assert [found for found, _, _ in find_urls(text)] == [url]
