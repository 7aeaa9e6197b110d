"""fixleft42a: look-alike accounts review42b found and left. A link written with letters of another script in place
of Latin ones (`mastodon.social/@Gаrgron/N`, a Cyrillic а) is how an impostor passes for an outlet or a person: the
report must say it, never take it as the real account's post nor drop it (newuser39a #6, review41b #4)."""

from __future__ import annotations

import json

import pytest

from tests.test_newuser39a import reporter  # noqa: F401  (a fixture)

A = "\u0430"   # CYRILLIC SMALL LETTER A
NAMED_A = "CYRILLIC SMALL LETTER A U+0430 in place of a"
FAKE_X = f"https://twitter.com/MoInfo_G{A}za/status/1765127646213058617"
REAL_X = "https://twitter.com/MoInfo_Gaza/status/1765127646213058617"
X_DOUBT = (f"its link names the account MoInfo_G{A}za ({NAMED_A}), which passes for MoInfo_Gaza: no X account is "
           "spelt so; the post is read by its id, not as MoInfo_Gaza's")


def _in_text(link: str) -> list:
    from resolver.extract import find_all

    return find_all(f"Источник: {link} конец", "text")[0]


def _in_markup(markup: str) -> list:
    from resolver.extract import find_all

    return find_all(f"<html><body><p>Источник:</p>{markup}<p>конец</p></body></html>", "html")[0]


MASTODON = f"https://mastodon.social/@G{A}rgron/109876543210123456"
MASTODON_DOUBT = (f"its link names the account G{A}rgron ({NAMED_A}), which passes for Gargron: no Mastodon account "
                  "is spelt so")
MASTODON_MARKUP = [
    f'<p><a href="{MASTODON}">пост</a></p>',
    f'<iframe src="{MASTODON}/embed" width="400" allowfullscreen="allowfullscreen"></iframe>',
    f'<blockquote class="mastodon-embed" data-embed-url="{MASTODON}/embed"><a href="{MASTODON}">Post by @G{A}rgron'
    '</a></blockquote>',
]


# 1. `mastodon.social/@Gаrgron/N` was taken as a post of "Gаrgron@mastodon.social" with no doubt, in text and markup
# alike: `lookalike_link` knew no Mastodon address. Mastodon serves /@user/<id> only under the post's own account,
# so the link names no post of the real one; it is said as X's and Telegram's look-alikes are.
@pytest.mark.parametrize("where", ["text", "a", "iframe", "blockquote"])
def test_a_mastodon_link_naming_a_lookalike_account_is_said_and_names_no_post(where):
    embeds = _in_text(MASTODON) if where == "text" else _in_markup(MASTODON_MARKUP[["a", "iframe", "blockquote"]
                                                                                   .index(where)])
    [embed] = embeds
    assert (embed.platform, embed.post_id, embed.author_handle) == ("mastodon", None, None), embed
    assert embed.id_doubt == MASTODON_DOUBT, embed.id_doubt


def test_a_real_mastodon_link_beside_is_still_the_accounts_post():
    [embed] = _in_text(MASTODON.replace(A, "a"))
    assert (embed.post_id, embed.author_handle, embed.id_doubt) == (
        "mastodon.social/109876543210123456", "Gargron@mastodon.social", None)


def test_a_report_on_a_mastodon_lookalike_link_says_it_and_names_no_author(reporter):  # noqa: F811
    code, out = reporter("report", "--offline", "--format", "json", "a.txt",
                         article=f"Пост: {MASTODON} — конец.\n", name="a.txt")
    assert code in (0, 3), out
    [embed] = json.loads(out)["embeds"]
    assert (embed["post_id"], embed["id_doubt"]) == (None, MASTODON_DOUBT), embed
    assert f"G{A}rgron@" not in out, out


# 2. An X status link naming a look-alike account keeps the id (X shows a post by its id) and its doubt; merged with
# the real account's link to the same id (one post, one embed), the doubt was dropped: "a place that names the post
# plainly settles an id" (dedupe) is true of a run-on URL, not of a disguise the page holds.
@pytest.mark.parametrize("first", ["fake", "real"])
@pytest.mark.parametrize("where", ["text", "markup"])
def test_an_x_lookalike_link_merged_with_the_real_link_keeps_its_doubt(first, where):
    links = (FAKE_X, REAL_X) if first == "fake" else (REAL_X, FAKE_X)
    embeds = _in_text(f"{links[0]} и {links[1]}") if where == "text" else \
        _in_markup(f'<p><a href="{links[0]}">пост</a> и <a href="{links[1]}">ещё</a></p>')
    [embed] = embeds
    assert embed.post_id == "1765127646213058617", embed
    # the look-alike's doubt; "not as MoInfo_Gaza's" only where the real link's handle is not kept (review43b)
    kept = X_DOUBT.partition("its link ")[2] if embed.author_handle is None else \
        X_DOUBT.partition("its link ")[2].partition("; the post is read by its id")[0]
    assert embed.id_doubt is not None and kept in embed.id_doubt, embed.id_doubt
    assert embed.author_handle in (None, "MoInfo_Gaza"), embed   # never the look-alike


def test_an_x_lookalike_link_beside_the_real_posts_embed_code_keeps_its_doubt():
    [embed] = _in_markup(f'<blockquote class="twitter-tweet"><p lang="en">Words.</p>&mdash; MoInfo (@MoInfo_Gaza) '
                         f'<a href="{REAL_X}">March 5, 2024</a></blockquote><p><a href="{FAKE_X}">пост</a></p>')
    assert (embed.post_id, embed.author_handle) == ("1765127646213058617", "MoInfo_Gaza"), embed
    assert embed.id_doubt is not None and f"MoInfo_G{A}za" in embed.id_doubt, embed.id_doubt


def test_two_real_links_to_one_x_post_still_say_no_doubt():
    [embed] = _in_text(f"{REAL_X} и {REAL_X.replace('twitter.com', 'x.com')}")
    assert embed.id_doubt is None, embed.id_doubt


TELEGRAM_DOUBT = (f"its link names the account w{A}rmonitor ({NAMED_A}), which passes for warmonitor: no Telegram "
                  "account is spelt so")


# 3. A look-alike channel in Telegram's widget code or a frame of its embed page gave no embed and no word.
@pytest.mark.parametrize("markup", [
    f'<script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="w{A}rmonitor/4525" '
    'data-width="100%"></script>',
    f'<iframe src="https://t.me/w{A}rmonitor/4525?embed=1" width="100%" frameborder="0"></iframe>',
], ids=["widget", "iframe"])
def test_a_lookalike_channel_in_a_telegram_embed_code_is_said(markup):
    [embed] = _in_markup(markup)
    assert (embed.platform, embed.post_id, embed.author_handle, embed.id_doubt) == (
        "telegram", None, None, TELEGRAM_DOUBT), embed
    assert embed.detector in ("html-script", "html-iframe"), embed.detector


# 4. and 5. What a look-alike letter stands in is said for what it is: an Instagram shortcode, a video's or a post's
# id, a subreddit, a group, is no account ("names the account Cаbcdef" named an account no link names).
IDS = [
    (f"https://www.instagram.com/p/C{A}bcdef/", "instagram",
     f"its link names the post by the shortcode C{A}bcdef ({NAMED_A}), which passes for Cabcdef: no Instagram "
     "shortcode holds such a letter"),
    (f"https://www.instagram.com/reel/C{A}bcdef/", "instagram",
     f"its link names the post by the shortcode C{A}bcdef ({NAMED_A}), which passes for Cabcdef: no Instagram "
     "shortcode holds such a letter"),
    (f"https://www.youtube.com/shorts/{A}bcdefghijk", "youtube",
     f"its link names the post by the video id {A}bcdefghijk ({NAMED_A}), which passes for abcdefghijk: no YouTube "
     "video id holds such a letter"),
    (f"https://www.threads.net/@zuck/post/C1{A}bcdefghi", "threads",
     f"its link names the post by the post id C1{A}bcdefghi ({NAMED_A}), which passes for C1abcdefghi: no Threads "
     "post id holds such a letter"),
    (f"https://bsky.app/profile/jay.bsky.team/post/3k{A}bcdefgh2x", "bluesky",
     f"its link names the post by the post id 3k{A}bcdefgh2x ({NAMED_A}), which passes for 3kabcdefgh2x: no Bluesky "
     "post id holds such a letter"),
    (f"https://www.reddit.com/r/worldnews/comments/{A}bc123/title/", "reddit",
     f"its link names the post by the post id {A}bc123 ({NAMED_A}), which passes for abc123: no Reddit post id holds "
     "such a letter"),
]


@pytest.mark.parametrize("link, platform, doubt", IDS, ids=["instagram-p", "instagram-reel", "youtube-shorts",
                                                             "threads", "bluesky", "reddit"])
@pytest.mark.parametrize("where", ["text", "markup"])
def test_a_lookalike_letter_in_a_posts_id_is_said_as_an_id_never_an_account(link, platform, doubt, where):
    embeds = _in_text(link) if where == "text" else _in_markup(f'<p><a href="{link}">пост</a></p>')
    [embed] = embeds
    assert (embed.platform, embed.post_id, embed.author_handle, embed.id_doubt) == (platform, None, None, doubt)
    assert "account" not in embed.id_doubt


ACCOUNTS = [
    # a look-alike account whose link keeps the id (the platform shows the post by it), the account not taken
    (f"https://www.tiktok.com/@v{A}enkor_ua/video/7301234567890123456", "tiktok", "7301234567890123456",
     f"its link names the account v{A}enkor_ua ({NAMED_A}), which passes for vaenkor_ua: no TikTok account is spelt "
     "so; the post is read by its id, not as vaenkor_ua's"),
    (f"https://www.facebook.com/BBCN{A}ws/posts/123456789", "facebook", "123456789",
     f"its link names the account BBCN{A}ws ({NAMED_A}), which passes for BBCNaws: no Facebook account is spelt so; "
     "the post is read by its id, not as BBCNaws's"),
    (f"https://www.facebook.com/groups/g{A}za/posts/1234567", "facebook", "1234567",
     f"its link names the group g{A}za ({NAMED_A}), which passes for gaza: no Facebook group is spelt so; the post "
     "is read by its id, not as gaza's"),
    (f"https://www.instagram.com/n{A}sa/p/Cabcdef/", "instagram", "Cabcdef",
     f"its link names the account n{A}sa ({NAMED_A}), which passes for nasa: no Instagram account is spelt so; the "
     "post is read by its id, not as nasa's"),
    # and one whose link names no post of the real one
    (f"https://www.threads.net/@zu{A}k/post/C1abcdefghi", "threads", None,
     f"its link names the account zu{A}k ({NAMED_A}), which passes for zuak: no Threads account is spelt so"),
    (f"https://bsky.app/profile/j{A}y.bsky.team/post/3kabcdefgh2x", "bluesky", None,
     f"its link names the account j{A}y.bsky.team ({NAMED_A}), which passes for jay.bsky.team: no Bluesky account "
     "is spelt so"),
    (f"https://www.reddit.com/r/w{A}rldnews/comments/abc123/title/", "reddit", None,
     f"its link names the subreddit r/w{A}rldnews ({NAMED_A}), which passes for r/warldnews: no subreddit is spelt "
     "so"),
    (f"https://www.reddit.com/user/sp{A}ez/comments/abc123/title/", "reddit", None,
     f"its link names the account sp{A}ez ({NAMED_A}), which passes for spaez: no Reddit account is spelt so"),
]


@pytest.mark.parametrize("link, platform, post_id, doubt", ACCOUNTS,
                         ids=["tiktok", "facebook-page", "facebook-group", "instagram", "threads", "bluesky",
                              "reddit-subreddit", "reddit-user"])
@pytest.mark.parametrize("where", ["text", "a", "iframe"])
def test_a_lookalike_account_of_any_platform_is_said_in_text_links_and_frames(link, platform, post_id, doubt, where):
    markup = {"a": f'<p><a href="{link}">пост</a></p>', "iframe": f'<iframe src="{link}" width="400"></iframe>'}
    embeds = _in_text(link) if where == "text" else _in_markup(markup[where])
    [embed] = embeds
    assert (embed.platform, embed.post_id, embed.author_handle, embed.id_doubt) == (platform, post_id, None, doubt)


def test_words_of_a_reddit_links_title_are_no_account():
    """A Reddit link's title words are its reader's, not a name: Reddit shows the post by its id whatever they say;
    a look-alike letter in them was said "names the account" and the post dropped."""
    [embed] = _in_text("https://www.reddit.com/r/worldnews/comments/abc123/\u0421risis_in_town/")
    assert (embed.post_id, embed.id_doubt) == ("abc123", None), embed


def test_a_report_on_a_mastodon_lookalike_link_asks_nothing_of_its_instance(fakenet, tmp_path, monkeypatch):
    """The look-alike is said, and nothing on its host is asked: not its oEmbed, not its page (the real post's id in
    the link was read before, and its instance asked as Gаrgron's)."""
    from tests.test_verdicts import cli_on_fakenet

    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, ["mastodon.social", "web.archive.org", "archive.org"])
    config = tmp_path / "config.toml"
    config.write_text(config.read_text().replace("[origins]\n", "[origins]\nonly_configured = true\n"))
    code, out = run("report", "--format", "json", "a.txt", article=f"Пост: {MASTODON} — конец.\n", name="a.txt")
    [embed] = json.loads(out)["embeds"]
    assert (embed["post_id"], embed["id_doubt"]) == (None, MASTODON_DOUBT), embed
    assert [hit for hit in fakenet.hits if hit[0] == "mastodon.social"] == [], fakenet.hits
    code, out = run("report", "--offline", "a.txt")
    assert MASTODON_DOUBT in out and f"G{A}rgron@" not in out, out


# A browser's copy of a link escapes the letters beyond ASCII ("@G%D0%B0rgron"): the same disguise, escaped, was taken
# as the account's post ("G%D0%B0rgron@mastodon.social"), or its id read with no word, or dropped with none.
ESCAPED = [
    ("https://mastodon.social/@G%D0%B0rgron/109876543210123456", "mastodon", None, MASTODON_DOUBT),
    ("https://t.me/w%D0%B0rmonitor/4525", "telegram", None, TELEGRAM_DOUBT),
    ("https://twitter.com/MoInfo_G%D0%B0za/status/1765127646213058617", "twitter", "1765127646213058617", X_DOUBT),
    ("https://www.tiktok.com/@v%D0%B0enkor_ua/video/7301234567890123456", "tiktok", "7301234567890123456",
     ACCOUNTS[0][3]),
    ("https://www.instagram.com/p/C%D0%B0bcdef/", "instagram", None, IDS[0][2]),
]


@pytest.mark.parametrize("link, platform, post_id, doubt", ESCAPED,
                         ids=["mastodon", "telegram", "x", "tiktok", "instagram-shortcode"])
@pytest.mark.parametrize("where", ["text", "a"])
def test_a_lookalike_written_escaped_is_said_as_written_plainly(link, platform, post_id, doubt, where):
    embeds = _in_text(link) if where == "text" else _in_markup(f'<p><a href="{link}">пост</a></p>')
    [embed] = embeds
    assert (embed.platform, embed.post_id, embed.author_handle, embed.id_doubt) == (platform, post_id, None, doubt)


def test_an_escaped_name_all_in_another_script_is_no_disguise():
    [embed] = _in_text("https://www.facebook.com/%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0/posts/123456789")
    assert (embed.post_id, embed.id_doubt) == ("123456789", None), embed


BSKY_DID = "did:plc:abcdefghijklmnopqrstuvwx"


def _bluesky_code(shown: str, linked: str) -> str:
    return (f'<blockquote class="bluesky-embed" data-bluesky-uri="at://{BSKY_DID}/app.bsky.feed.post/3kabcdefgh2x" '
            f'data-bluesky-cid="bafyreia"><p lang="en">Words of the post.</p>&mdash; Jay (<a href="https://bsky.app/'
            f'profile/{BSKY_DID}?ref_src=embed">@{shown}</a>) <a href="https://bsky.app/profile/{linked}/post/'
            '3kabcdefgh2x?ref_src=embed">May 1, 2024 at 10:00 AM</a></blockquote>')


# Bluesky's embed code showing a look-alike handle ("@jаy.bsky.team") was read as that account's post, no doubt said.
@pytest.mark.parametrize("shown, linked", [(f"j{A}y.bsky.team", f"j{A}y.bsky.team"), (f"j{A}y.bsky.team", BSKY_DID),
                                           ("jay.bsky.team", f"j{A}y.bsky.team")], ids=["both", "shown", "linked"])
def test_a_bluesky_embed_code_naming_a_lookalike_handle_keeps_the_post_and_says_it(shown, linked):
    [embed] = _in_markup(_bluesky_code(shown, linked))
    assert (embed.platform, embed.post_id) == ("bluesky", f"{BSKY_DID}/3kabcdefgh2x"), embed
    assert embed.author_handle in (None, "jay.bsky.team") and embed.author_handle != shown.replace("a", A), embed
    assert embed.id_doubt is not None and f"j{A}y.bsky.team (" in embed.id_doubt, embed.id_doubt
    assert "passes for jay.bsky.team" in embed.id_doubt.replace("@", ""), embed.id_doubt


def test_a_bluesky_embed_code_of_a_real_handle_says_no_doubt():
    [embed] = _in_markup(_bluesky_code("jay.bsky.team", "jay.bsky.team"))
    assert (embed.author_handle, embed.id_doubt) == ("jay.bsky.team", None), embed


# Instagram's "A post shared by N (@nаsa)" was read as the account "n": the handle cut at the look-alike letter.
@pytest.mark.parametrize("where", ["markup", "text"])
def test_an_instagram_line_naming_a_lookalike_handle_is_not_cut_to_another_account(where):
    line = f"A post shared by NASA (@n{A}sa) on May 1, 2024"
    if where == "markup":
        embeds = _in_markup(f'<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/'
                            f'Cabcdef/"><a href="https://www.instagram.com/p/Cabcdef/">{line}</a></blockquote>')
    else:
        embeds = _in_text(f"Words of the post.\n{line}\nhttps://www.instagram.com/p/Cabcdef/\n")
    assert all(e.author_handle not in ("n", f"n{A}sa") for e in embeds), embeds
    assert any(e.post_id == "Cabcdef" for e in embeds), embeds
