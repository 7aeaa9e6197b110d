"""Post URLs that a scraper or a typist ran into the next word: where the URL ends, which id it names, and whether
that reading is sure (newuser31b §1, §2: ids with a word glued on, posts missed after ",word"). Fixtures are
fictional."""

import pytest

from resolver.extract import find_all
from resolver.extract.text import find_embeds, find_urls


def only(text: str):
    [embed] = find_embeds(text)
    return embed


def quoted(text: str, embed) -> str:
    return text[embed.span[0]:embed.span[1]]


# A TID: 13 characters of base32-sortable; anything longer after it is the next word.
@pytest.mark.parametrize("tail", ["The mayor", ".Later it", "Police said"])
def test_bluesky_tid_then_a_word_is_the_tid_surely(tail):
    text = f"Posted: https://bsky.app/profile/ann.example.social/post/3kq2mzabcde2a{tail} went on."
    embed = only(text)
    assert embed.post_id == "ann.example.social/3kq2mzabcde2a"
    assert embed.id_doubt is None
    assert quoted(text, embed) == "https://bsky.app/profile/ann.example.social/post/3kq2mzabcde2a"


@pytest.mark.parametrize("glued, rkey", [("3kqzz7alrt2The", "3kqzz7alrt2"), ("3kqzz7alrt3.Later", "3kqzz7alrt3")])
def test_bluesky_key_that_is_no_tid_then_a_word_is_uncertain(glued, rkey):
    """The key before the word is no TID either: where it ends is a guess, and the embed says so."""
    text = f"The service posted https://bsky.app/profile/wx.example.social/post/{glued} mayor replied."
    embed = only(text)
    assert embed.post_id == f"wx.example.social/{rkey}"
    assert embed.id_doubt and "guess" in embed.id_doubt
    assert embed.to_json()["id_doubt"] == embed.id_doubt
    assert quoted(text, embed).endswith(rkey)


@pytest.mark.parametrize("url, code", [
    ("https://www.instagram.com/p/QxAbCdEfGh1Residents", "QxAbCdEfGh1"),
    ("https://www.threads.net/@harbour.desk/post/Dz9abcDEFghPolice", "Dz9abcDEFgh"),
])
def test_shortcode_run_into_a_capitalised_word_keeps_the_code_as_uncertain(url, code):
    text = f"A photo {url} said the council."
    embed = only(text)
    assert embed.post_id == code
    assert embed.id_doubt
    assert quoted(text, embed) == url[:url.index(code) + len(code)]


def test_shortcode_of_usual_length_is_sure():
    embed = only("A photo https://www.instagram.com/p/QxAbCdEfGh1/ went round.")
    assert (embed.post_id, embed.id_doubt) == ("QxAbCdEfGh1", None)


@pytest.mark.parametrize("url, post_id", [
    ("https://t.me/harbourdesk/78", "harbourdesk/78"),
    ("https://www.tiktok.com/@rivernews/video/7300000000000000999", "7300000000000000999"),
    ("https://www.facebook.com/rivernews/posts/1234567890123456", "1234567890123456"),
])
def test_digit_id_glued_to_a_word_ends_at_the_first_non_digit(url, post_id):
    text = f"Filmed {url}The end came."
    embed = only(text)
    assert embed.post_id == post_id
    assert embed.id_doubt is None   # the id's syntax is digits: the word cannot be part of it
    assert quoted(text, embed) == url


COMMA_GLUED = ("Sources: https://t.me/harbourdesk/78,https://youtu.be/QxYtAbCdE01,"
               "https://mastodon.social/@jane/112000000000001234,and https://www.instagram.com/p/QxAbCdEfGh1/,and "
               "https://www.tiktok.com/@rivernews/video/7300000000000000999;then "
               "https://www.reddit.com/r/Riverton/comments/1ab2cd/flood_photos/’s done.")


def test_comma_semicolon_and_apostrophe_end_a_url():
    embeds = find_embeds(COMMA_GLUED)
    assert [e.post_id for e in embeds] == ["harbourdesk/78", "QxYtAbCdE01", "mastodon.social/112000000000001234",
                                           "QxAbCdEfGh1", "7300000000000000999", "1ab2cd"]
    for embed in embeds:
        span = quoted(COMMA_GLUED, embed)
        assert span.startswith("https://") and not span.endswith((",", ";", "’"))
        assert "," not in span and ";" not in span and "’" not in span
        assert embed.id_doubt is None


def test_comma_glued_urls_in_html_paragraph_text():
    html = f"<html><body><p>{COMMA_GLUED}</p></body></html>"
    embeds, _ = find_all(html, "html")
    assert len(embeds) == 6
    for embed in embeds:
        span = html[embed.span[0]:embed.span[1]]
        assert "," not in span and ";" not in span and "’" not in span


def test_a_comma_inside_an_ordinary_link_stays():
    """Only a post URL is cut at a glued word: another link keeps its commas (a tweet's links list them)."""
    [(url, _, _)] = find_urls("see https://news.example/search?q=flood,bridge now")
    assert url == "https://news.example/search?q=flood,bridge"


def test_a_report_says_the_id_is_uncertain():
    from resolver.report import _facts
    embed = only("The service posted https://bsky.app/profile/wx.example.social/post/3kqzz7alrt2The mayor replied.")
    [first, *_] = _facts({**embed.to_json(), "post": None})
    assert first == ("Id", "wx.example.social/3kqzz7alrt2", None, f"uncertain: {embed.id_doubt}")
    sure = only("Posted https://bsky.app/profile/wx.example.social/post/3kq2mzabcde2a today.")
    assert all(row[0] != "Id" for row in _facts({**sure.to_json(), "post": None}))


def test_the_same_post_named_plainly_elsewhere_is_sure():
    text = ("Posted https://bsky.app/profile/wx.example.social/post/3kqzz7alrt2The mayor replied.\n\n"
            "Source: https://bsky.app/profile/wx.example.social/post/3kqzz7alrt2 (Bluesky).")
    embed = only(text)
    assert (embed.post_id, embed.id_doubt) == ("wx.example.social/3kqzz7alrt2", None)
    assert len(embed.also_at) == 1


STAFF_PAGE = "https://news.riverton.example/@staff/112000000000000888"


def test_a_mastodon_post_known_only_by_its_path_on_an_unknown_host_is_uncertain():
    """Any site may have /@name/<number> pages (newuser31b §6): the post stays, with its doubt said."""
    embed = only(f"Our site {STAFF_PAGE} is a staff page.")
    assert (embed.platform, embed.post_id) == ("mastodon", "news.riverton.example/112000000000000888")
    assert "path" in embed.id_doubt
    embeds, _ = find_all(f'<html><body><p>See <a href="{STAFF_PAGE}">our staff</a>.</p></body></html>', "html")
    assert [(e.detector, bool(e.id_doubt)) for e in embeds] == [("html-link", True)]


@pytest.mark.parametrize("url", [
    "https://mastodon.social/@jane/112000000000001234",   # a known instance
    "https://hachyderm.io/@jane/112000000000001234",
    "https://toot.example.org/@jane@mastodon.social/112000000000001234",   # a remote account: Mastodon's own form
    "https://toot.example.org/users/jane/statuses/112000000000001234",   # ActivityPub's path
    "https://mastodon.example.org/@jane/112000000000001234",   # a host named for it
])
def test_a_mastodon_post_with_a_second_sign_is_sure(url):
    embed = only(f"Posted at {url} today.")
    assert (embed.platform, embed.id_doubt) == ("mastodon", None)


def test_mastodon_embed_code_on_an_unknown_instance_is_sure():
    """Mastodon 4.3's embed code, a blockquote naming the post, is the instance's own word."""
    toot = "https://toot.example.org/@ann/112000000000000001"
    html = (f'<html><body><blockquote class="mastodon-embed" data-embed-url="{toot}/embed" style="x">'
            f'<a href="{toot}" target="_blank">Post by @ann@toot.example.org</a></blockquote>'
            f'<p>Also at <a href="{toot}">her post</a>.</p></body></html>')
    [embed], _ = find_all(html, "html")
    assert (embed.detector, embed.post_id, embed.id_doubt) == ("html-blockquote", "toot.example.org/112000000000000001",
                                                              None)
    assert len(embed.also_at) == 1   # the paragraph's link; the one inside the embed code is the embed's


CAPTION = "A post shared by Harbour Desk (@harbourdesk) on Mar 10, 2026 at 6:02pm PDT"


@pytest.mark.parametrize("text", [
    f"Sunset over the harbour\n\n{CAPTION}\n\nFirst posted at https://www.instagram.com/reel/QxReelAbCd1/?igsh=x1 and shared.",
    f"First posted at https://www.instagram.com/p/QxReelAbCd1/\n{CAPTION}\n",
    f"{CAPTION}\nhttps://www.instagram.com/harbourdesk/p/QxReelAbCd1/",
])
def test_an_instagram_caption_line_joins_the_post_url_beside_it(text):
    """One embed with the id and the caption's author, as an X signature with its status link (newuser31b §5)."""
    embed = only(text)
    assert (embed.post_id, embed.author_handle, embed.author_name, embed.date) == (
        "QxReelAbCd1", "harbourdesk", "Harbour Desk", "2026-03-10")
    assert embed.detector == "text-signature" and len(embed.also_at) == 1


def test_a_caption_line_keeps_apart_from_another_accounts_post_url():
    text = f"{CAPTION}\n\nCompare https://www.instagram.com/otherdesk/p/QxReelAbCd1/ from a rival."
    embeds = find_embeds(text)
    assert [(e.post_id, e.author_handle) for e in embeds] == [(None, "harbourdesk"), ("QxReelAbCd1", "otherdesk")]


def test_two_caption_lines_and_two_urls_each_join_their_own():
    text = (f"{CAPTION}\nhttps://www.instagram.com/p/QxReelAbCd1/\n\nMore words between the two posts here.\n\n"
            f"A post shared by Harbour Desk (@harbourdesk) on Mar 11, 2026\nhttps://www.instagram.com/p/QxReelAbCd2/")
    assert [(e.post_id, e.date) for e in find_embeds(text)] == [("QxReelAbCd1", "2026-03-10"),
                                                                 ("QxReelAbCd2", "2026-03-11")]


def test_a_caption_line_with_no_url_shows_no_profile_as_the_post(tmp_path):
    """The account's page is said to be the account's, not the post's (newuser31b §5)."""
    from click.testing import CliRunner

    from resolver.cli import cli
    page = tmp_path / "caption.txt"
    page.write_text(f"Sunset over the harbour\n\n{CAPTION}\n", encoding="utf-8")
    result = CliRunner(env={"COLUMNS": "200"}).invoke(
        cli, ["--db", str(tmp_path / "c.db"), "scan", "--offline", str(page)], catch_exceptions=False)
    assert "no post URL (account https://www.instagram.com/harbourdesk/)" in result.output


@pytest.mark.parametrize("url, platform, post_id", [
    ("https://t.me/harbourdesk/12/78", "telegram", "harbourdesk/78"),   # a message in a forum's topic 12
    ("https://t.me/c/1234567890/12/78", "telegram", "c/1234567890/78"),
    ("https://www.reddit.com/gallery/1ab2cd", "reddit", "1ab2cd"),
])
def test_forum_topic_messages_and_reddit_galleries_are_posts(url, platform, post_id):
    from resolver import platforms
    ref = platforms.parse_url(url)
    assert (ref.platform, ref.kind, ref.post_id) == (platform, "post", post_id)


def test_the_account_in_an_instagram_url_is_its_author():
    embed = only("See https://www.instagram.com/harbourdesk/p/QxReelAbCd1/ now.")
    assert (embed.post_id, embed.author_handle) == ("QxReelAbCd1", "harbourdesk")


@pytest.mark.parametrize("wrapper", [
    "https://www.google.com/url?q={}&sa=D&source=editors",
    "https://news.riverton.example/redirect?to={}",
    "https://l.facebook.com/l.php?u={}&h=AT0x",
])
def test_a_redirect_wrapped_post_url_in_text_is_found_as_in_html(wrapper):
    post = "https://www.instagram.com/p/QxReelAbCd1/"
    text = f"Source: {wrapper.format(post)} (archived)."
    embed = only(text)
    assert (embed.platform, embed.post_id) == ("instagram", "QxReelAbCd1")
    assert quoted(text, embed) == wrapper.format(post)
    html, _ = find_all(f'<html><body><p><a href="{wrapper.format(post)}">the post</a></p></body></html>', "html")
    assert [e.post_id for e in html] == ["QxReelAbCd1"]


@pytest.mark.parametrize("link", [
    "https://www.facebook.com/sharer/sharer.php?u=https://www.instagram.com/p/QxReelAbCd1/",
    "https://twitter.com/intent/tweet?url=https://www.instagram.com/p/QxReelAbCd1/",
])
def test_a_share_link_naming_a_post_is_no_post_in_text(link):
    assert find_embeds(f"Share: {link} now.") == []


@pytest.mark.parametrize("url", [
    "https://www.instagram.com/p/BqXmgYaFk2kOXlNv5ydlO0uMab",   # a private post's long share code
    "https://www.threads.net/@harbour.desk/post/DzAbCdEfGhIjKlMnOpQrStUvWxYz",
])
def test_a_long_code_ending_in_a_capitalised_syllable_is_kept_as_written(url):
    """review31r4: a code longer than a public post's (a private post's share code) that happens to end in a capital
    and small letters was cut there, to a code of no usual length either: a wrong id. Only a cut that leaves a code
    of a public post's length reads the tail as the next word; otherwise the code stays as written, with the doubt."""
    text = f"The post {url} was shared widely."
    embed = only(text)
    assert embed.post_id == url.rsplit("/", 1)[1]
    assert quoted(text, embed) == url
    assert embed.id_doubt and "as written" in embed.id_doubt


def test_a_post_url_nearer_the_next_caption_line_is_not_the_first_ones():
    """review31r4: a post URL between two caption lines of one account went to the first line (the one above it, taken
    first), though it stood right above the second line it signs: the Mar 10 caption got the Mar 12 post's id. A URL
    belongs to the caption line nearer it; as near to both, to neither (which post it signs is not known)."""
    march12 = "A post shared by Harbour Desk (@harbourdesk) on Mar 12, 2026 at 9:15am PDT"
    text = (f"Sunset over the harbour\n\n{CAPTION}\n\nTwo days later the storm came ashore.\n\n"
            f"https://www.instagram.com/p/QxReelAbCd2/\nStorm at the pier\n{march12}\n")
    assert [(e.post_id, e.date) for e in find_embeds(text)] == [(None, "2026-03-10"), ("QxReelAbCd2", "2026-03-12")]
    tight = f"{CAPTION}\nhttps://www.instagram.com/p/QxReelAbCd1/\n{march12}\n"
    assert [(e.post_id, e.date) for e in find_embeds(tight)] == [(None, "2026-03-10"), ("QxReelAbCd1", None),
                                                                  (None, "2026-03-12")]


@pytest.mark.parametrize("written, rkey", [
    ("3kq2mzabcde2athen", "3kq2mzabcde2a"),   # a small word glued on: no capital marks where it starts
    ("3kq2mzabcde2a2026", "3kq2mzabcde2a"),   # digits glued on
])
def test_a_bluesky_key_running_on_past_a_tid_is_the_tid_with_a_doubt(written, rkey):
    """review31r4: a post's record key is a TID of exactly 13 characters; a key running on past one with no capital
    to mark the next word ("…3kq2mzabcde2athen") was taken whole, as a sure id. It is read as the TID, with a doubt
    (nothing shows where the word starts but the TID's length)."""
    for text in (f"Posted https://bsky.app/profile/ann.example.social/post/{written} the mayor said.",
                 f"Record at://did:plc:abc123riverton/app.bsky.feed.post/{written} as shown."):
        embed = only(text)
        assert embed.post_id.endswith("/" + rkey)
        assert embed.id_doubt and "TID" in embed.id_doubt
        assert quoted(text, embed).endswith("/" + rkey)


def test_a_caption_line_joined_to_a_post_url_of_uncertain_id_keeps_the_doubt():
    """review31r4: the caption line took the id of the URL beside it, which was read with a doubt (a code run into
    the next word), and the joined embed was sure: the caption line, naming no id, cleared the doubt as a place
    naming the post plainly would."""
    embed = only(f"{CAPTION}\nhttps://www.instagram.com/p/QxAbCdEfGh1Residents said the council.")
    assert (embed.post_id, embed.detector) == ("QxAbCdEfGh1", "text-signature")
    assert embed.id_doubt and "Residents" in embed.id_doubt


@pytest.mark.parametrize("url", ["https://youtu.be/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                                 "https://www.youtube.com/shorts/dQw4w9WgXcQ"])
@pytest.mark.parametrize("word", ["The end came.", "then it ended."])
def test_a_youtube_id_ending_in_a_capital_glued_to_a_word_ends_at_its_eleven_characters(url, word):
    """review31r4: a video id ending in a capital ("…XcQ") run into a word ("The", "then") was missed: no glue point
    showed (a capital after a capital), and the parser refuses an id longer than 11 characters. A video id has
    exactly 11: the words after them are not the id's, most likely; but an id cut short would take the word's first
    letters, so the reading carries a doubt (newuser41a #1, below)."""
    text = f"Watch {url}{word}"
    embed = only(text)
    assert (embed.platform, embed.post_id) == ("youtube", "dQw4w9WgXcQ")
    assert embed.id_doubt and f"“dQw4w9WgXcQ{word.split()[0]}”" in embed.id_doubt, embed.id_doubt
    assert quoted(text, embed) == url


@pytest.mark.parametrize("written, read", [
    ("https://youtu.be/Eng1neerV1Then he spoke.", "Eng1neerV1T"),
    ("https://www.youtube.com/watch?v=Eng1neerV1Then he spoke", "Eng1neerV1T"),
    ("youtu.be/Eng1neerV1and then", "Eng1neerV1a"),
    ("https://www.youtube.com/shorts/Eng1neerV1Then", "Eng1neerV1T"),
    ("youtu.be/Eng1neerV15and then", "Eng1neerV15"),
    ("https://youtu.be/Eng1neerV15The end.", "Eng1neerV15"),
], ids=["cut-youtu.be", "cut-watch", "cut-lower", "cut-shorts", "whole-lower", "whole-capital"])
def test_a_youtube_id_run_into_a_word_is_read_with_a_doubt(written, read):
    """newuser41a #1: "youtu.be/Eng1neerV1Then" (an id cut short, run into "Then") was read as "Eng1neerV1T" with no
    doubt, then reported "not found": an editor read the video as removed. Where an id glued to a word ends is a
    guess, whatever its length: every such reading carries `id_doubt` naming the letters taken for the next word."""
    embed = only(f"The engineer: {written}")
    assert (embed.platform, embed.post_id) == ("youtube", read)
    assert embed.id_doubt and "cut short" in embed.id_doubt, embed.id_doubt


@pytest.mark.parametrize("url", ["https://youtu.be/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                                 "https://www.youtube.com/shorts/dQw4w9WgXcQ"])
@pytest.mark.parametrize("before, after", [("看 ", "视频里市长说了什么"), ("見て：", "動画を見る"),
                                           ("Смотрите ", "же видео"), ("ดู ", "แล้ว")],
                         ids=["chinese", "japanese", "russian", "thai"])
def test_a_youtube_id_glued_to_a_word_in_another_script_is_read_whole(url, before, after):
    """review41e: Chinese and Japanese pages write a link with no space before the next word ("…/dQw4w9WgXcQ视频"),
    as do Thai and, by a scraper's join, Russian ones: the video was missed (no embed), the glue read only after a
    digit or before Latin letters. No id holds such a letter, and an id cut short would leave fewer than 11
    characters before it: the 11 are the id, with no doubt."""
    text = f"{before}{url}{after}"
    embed = only(text)
    assert (embed.platform, embed.post_id, embed.id_doubt) == ("youtube", "dQw4w9WgXcQ", None)
    assert quoted(text, embed) == url


def test_a_youtube_id_cut_short_before_a_word_in_another_script_is_not_read():
    """review41e: ten characters then Chinese ("youtu.be/dQw4w9WgXc视频") name no video: nothing is read into one."""
    assert find_all("看 https://youtu.be/dQw4w9WgXc视频", "text")[0] == []


@pytest.mark.parametrize("written, read, run", [
    ("Sehen Sie https://youtu.be/Eng1neerVPräsident heute.", "Eng1neerVPr", "Eng1neerVPräsident"),
    ("Voir https://youtu.be/Eng1neerVThéâtre ce soir.", "Eng1neerVTh", "Eng1neerVThéâtre"),
    ("Voir https://youtu.be/dQw4w9WgXcQÉté ce soir.", "dQw4w9WgXcQ", "dQw4w9WgXcQÉté"),
], ids=["german-cut-short", "french-cut-short", "french-whole"])
def test_review42c_a_youtube_id_glued_to_a_latin_word_with_an_accent_is_read_with_a_doubt(written, read, run):
    """review42c: a Latin-script word may begin with plain letters before its first accented one ("Präsident",
    "Théâtre"), so the eleven characters before that letter may hold the word's first letters (an id cut short in
    the article): "…/Eng1neerVPräsident" was read as the video "Eng1neerVPr" with no doubt. Only a letter of another
    script (Chinese, Thai, Cyrillic), whose words hold no Latin letter, ends the id surely."""
    embed = only(written)
    assert (embed.platform, embed.post_id) == ("youtube", read)
    assert embed.id_doubt and f"“{run}”" in embed.id_doubt and "cut short" in embed.id_doubt, embed.id_doubt


@pytest.mark.parametrize("label", ["Outra publicação:", "Another post:", "See also", "Otra publicación:",
                                   "Autre publication :", "Weitere Beiträge:", "Related:", "Другой пост:"])
def test_a_url_its_words_call_another_post_is_not_the_caption_lines(label):
    """newuser32b #9: "Outra publicação: <url>" ("another post") below a caption line gave the line that post's id,
    and the link was no embed of its own: another account's post shown as the caption's. Two embeds."""
    text = (f"A cantora publicou uma foto.\n\n{CAPTION}\n\n{label} https://www.instagram.com/p/CiAbCdEfGhI/\n")
    assert [(e.post_id, e.author_handle) for e in find_embeds(text)] == [(None, "harbourdesk"), ("CiAbCdEfGhI", None)]


@pytest.mark.parametrize("name,handle", [("Other Voices", "othervoices"), ("More Magazine", "moremag"),
                                         ("Related Records", "relatedrec")])
def test_a_caption_line_s_own_words_do_not_call_its_url_another_post(name, handle):
    """review32r4: the words that call a URL another post were sought from the line's start, so an account named
    "Other Voices" or "More Magazine" on the caption line called its own URL, on the same line, another post: the
    caption lost its id and the URL its author."""
    text = f"The band posted.\n\nA post shared by {name} (@{handle}) https://www.instagram.com/p/CiAbCdEfGhI/\n"
    assert [(e.post_id, e.author_handle) for e in find_embeds(text)] == [("CiAbCdEfGhI", handle)]
