"""What a scraper leaves of a TikTok, Reddit or Mastodon embed that lost its link: a post with its account and no id,
as an Instagram caption line is (newuser36 #6: they gave nothing, and no warning). Fixtures are fictional."""

import pytest

from resolver.extract.text import find_embeds

REMNANTS = [
    ("tiktok", "The challenger wrote:\n\n@ballotfacts They are shredding ballots! #election ♬ original sound - "
     "ballotfacts\n\nMore text.", "tiktok", "ballotfacts", "https://www.tiktok.com/@ballotfacts"),
    ("tiktok-another-sound", "@count.watch Ballots arrive at 9 ♬ Hold On - Jane Roe\n", "tiktok", "count.watch",
     "https://www.tiktok.com/@count.watch"),
    ("reddit", "Ballots found in river\nby u/Throwaway_2026 in ElectionRumors\n\nMore text.", "reddit",
     "Throwaway_2026", "https://www.reddit.com/user/Throwaway_2026/"),
    ("reddit-r-prefix", "Ballots found in river\n  by u/Throwaway_2026 in r/ElectionRumors  \n", "reddit",
     "Throwaway_2026", "https://www.reddit.com/user/Throwaway_2026/"),
    ("mastodon", "Post by @dave@infosec.exchange\nView on Mastodon\n", "mastodon", "dave@infosec.exchange",
     "https://infosec.exchange/@dave"),
]


@pytest.mark.parametrize("text, platform, handle, url", [r[1:] for r in REMNANTS], ids=[r[0] for r in REMNANTS])
def test_a_remnant_is_a_post_of_its_account_with_no_id(text, platform, handle, url):
    [embed] = find_embeds(text)
    assert (embed.platform, embed.kind, embed.post_id, embed.author_handle, embed.url, embed.detector) == (
        platform, "post", None, handle, url, "text-signature")
    assert text[embed.span[0]:embed.span[1]].strip()


@pytest.mark.parametrize("text", [
    "The song ♬ original sound - ballotfacts went viral.",            # no account opens the line
    "A thread posted by u/Throwaway_2026 in ElectionRumors claimed it.",   # prose about a post, the line goes on
    "Reddit user by u/Throwaway_2026 in ElectionRumors and more",
    "Post by @dave@infosec.exchange\nwas shared widely.",             # no "View on Mastodon" below
], ids=["sound-in-prose", "reddit-in-prose", "reddit-line-goes-on", "mastodon-no-view-line"])
def test_the_same_words_in_prose_are_no_post(text):
    assert find_embeds(text) == []


def test_a_remnant_beside_its_own_link_is_one_post():
    text = ("@ballotfacts They are shredding ballots! ♬ original sound - ballotfacts\n"
            "https://www.tiktok.com/@ballotfacts/video/7348705314746699155\n")
    [embed] = find_embeds(text)
    assert (embed.platform, embed.post_id, embed.author_handle) == ("tiktok", "7348705314746699155", "ballotfacts")


@pytest.mark.parametrize("line", [
    "@bob Great song ♬ On Repeat - Ann Lee — Jane Roe (@janeroe_news) March 4, 2024",
    "@bob Great song ♬\n— Jane Roe (@janeroe_news) March 4, 2024",
], ids=["same-line", "next-line"])
def test_a_flattened_tweet_with_a_music_note_stays_the_tweet(line):
    """A tweet's words may open with a reply's "@bob" and hold a ♬: the X signature is read as before."""
    embeds = find_embeds("Intro.\n\n" + line + "\n")
    assert [(e.platform, e.author_handle) for e in embeds] == [("twitter", "janeroe_news")]


def test_a_remnant_with_its_link_on_its_line_is_one_post():
    text = ("@ballotfacts They are shredding ballots! ♬ original sound - ballotfacts "
            "https://www.tiktok.com/@ballotfacts/video/7348705314746699155\n")
    [embed] = find_embeds(text)
    assert (embed.platform, embed.post_id, embed.author_handle) == ("tiktok", "7348705314746699155", "ballotfacts")
