"""What reports say of posts of platforms other than X, and how sure they are of it (#6, #9, #10): a title in the JSON
says it is one; Bluesky's "[image or embed]" is a fact that the post has media; a Facebook embed code's words are
read as the post's words, from the article and from Facebook's oEmbed `html`, so the text check runs. The embed codes
are small fictional ones in the real shapes (shared/reference/embeds, and Facebook's code as its generator writes
it: `<p>` words, then "Posted by <a>Page</a> on <a>date</a>"), the answers come from loopback servers."""

import json

import pytest

from resolver.extract import html
from resolver.fetch import oembed
from resolver.fetch.records import PostRecord, merge, record_from_json
from tests.test_fetch import json_page
from tests.test_platform_verdicts import BLUESKY_OEMBED, HOSTS, MASTODON_OEMBED, TOOT, bluesky_blockquote, checks_of
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import serve

FB_POST = "https://www.facebook.com/rivertoncouncil/posts/4455667788990011"


def fb_post(words: str = "The Riverton bridge reopens on Monday at 6am.", by: str = "Posted by") -> str:
    """Facebook's embed code as its generator writes it (fb-post, blockquote.fb-xfbml-parse-ignore): the post's
    words in a <p>, then who posted it and when."""
    return (f'<div class="fb-post" data-href="{FB_POST}" data-width="500" data-show-text="true">'
            f'<blockquote cite="{FB_POST}" class="fb-xfbml-parse-ignore"><p>{words}</p>{by} '
            '<a href="https://www.facebook.com/rivertoncouncil/">Riverton Council</a> on&nbsp;'
            f'<a href="{FB_POST}">Thursday, March 5, 2026</a></blockquote></div>')


def facebook_oembed(words: str) -> dict:
    """Graph API oembed_post's answer: no title and no text field; the embed code in `html`."""
    return {"type": "rich", "version": "1.0", "provider_name": "Facebook", "provider_url": "https://www.facebook.com",
            "author_name": "Riverton Council", "author_url": "https://www.facebook.com/rivertoncouncil/",
            "width": 552, "height": None,
            "html": '<div id="fb-root"></div><script async="1" defer="1" crossorigin="anonymous" '
                    'src="https://connect.facebook.net/en_US/sdk.js#xfbml=1&amp;version=v16.0"></script>'
                    + fb_post(words)}


# -- 1. a title in the JSON says it is one ------------------------------------------------------------------------

@pytest.mark.parametrize("platform,method,text,kind", [
    ("reddit", "oembed", "Levee breach at Riverton", "title"),
    ("mastodon", "oembed", "New status by stormdesk", "title"),
    ("youtube", "oembed", "Riverton flood, drone view", "title"),
    ("tiktok", "oembed", "The bridge is under water now #flood", "text"),   # TikTok's title is its caption
    ("twitter", "oembed", "The levee held.", "text"),
    ("twitter", "syndication", "The levee held.", "text"),
    ("reddit", "oembed", None, None),
], ids=["reddit", "old-mastodon", "youtube", "tiktok", "x-oembed", "x-syndication", "no-text"])
def test_a_post_records_json_says_whether_its_text_is_a_title(platform, method, text, kind):
    """`post.text` held a Reddit thread's or a video's title with nothing saying so: a script reading the JSON took
    it for the post's words (fixauthor29, left alone)."""
    record = PostRecord(platform, "1", "https://example.invalid/1", "available", method, text=text)
    data = record.to_json()
    assert data["text_kind"] == kind
    assert record_from_json(data).to_json() == data
    merged = merge([record])
    assert merged.to_json()["text_kind"] == kind


def test_a_record_cached_before_text_kind_is_read_with_it():
    """A cache written before the field: its record JSON has no `text_kind`, which is made from what it holds."""
    data = PostRecord("reddit", "1", "https://example.invalid/1", "available", "oembed", text="A title").to_json()
    del data["text_kind"]
    assert record_from_json(data).to_json()["text_kind"] == "title"


def test_the_json_report_and_scan_say_a_title_is_a_title(fakenet, tmp_path, monkeypatch):
    fakenet.route("mastodon.social", "/api/oembed", json_page(MASTODON_OEMBED | {"title": "New status by stormdesk"}))
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    article = f'<html><body><iframe src="{TOOT}/embed" class="mastodon-embed"></iframe>{bluesky_blockquote()}</body></html>'
    code, out = run("scan", "--fetch", "--json", "article.html", article=article)
    assert code == 0, out
    posts = {p["platform"]: p for p in json.loads(out)["posts"]}
    assert (posts["mastodon"]["text"], posts["mastodon"]["text_kind"]) == ("New status by stormdesk", "title")
    assert (posts["bluesky"]["text"], posts["bluesky"]["text_kind"]) == (None, None)
    code, out = run("report", "--format", "json", "article.html")
    assert code == 0, out
    toot = next(e for e in json.loads(out)["embeds"] if e["platform"] == "mastodon")
    assert toot["post"]["text_kind"] == "title"


# -- 2. Bluesky's "[image or embed]": the post has media ------------------------------------------------------------

def test_a_bluesky_embed_codes_image_or_embed_link_says_the_post_has_media():
    page = f"<html><body>{bluesky_blockquote()}</body></html>"
    (embed,), _ = html.scan(page)
    assert (embed.text, embed.text_confidence) == ("Shelters are open at the town hall.", "high")   # its <p> bounds it
    assert embed.media_marker == "[image or embed]"
    assert embed.to_json()["media_marker"] == "[image or embed]"
    plain = bluesky_blockquote().replace('<br><br><a href="https://bsky.app/profile/did:plc:rivertonfictional0000001'
                                         '/post/3kriverton22?ref_src=embed">[image or embed]</a>', "")
    (embed,), _ = html.scan(f"<html><body>{plain}</body></html>")
    assert (embed.text, embed.media_marker) == ("Shelters are open at the town hall.", None)


def test_a_report_says_a_bluesky_post_has_media_the_embed_code_marks(fakenet, tmp_path, monkeypatch):
    """Bluesky's oEmbed gives no media: the Media row stood empty on both sides and the media check said "no media
    link in the article", while the embed code said the post has an image or embed."""
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("report", "--format", "json", "article.html",
                    article=f"<html><body>{bluesky_blockquote()}</body></html>")
    assert code == 0, out
    (skeet,) = json.loads(out)["embeds"]
    media = checks_of(skeet)["media"]
    assert media == {"name": "media", "result": "skip", "evidence": (
        "the article's embed code marks an image or embed (“[image or embed]”); the source gives no media to "
        "compare with")}
    code, md = run("report", "--format", "md", "article.html")
    assert ("| Media | the embed code marks an image or embed: “[image or embed]” | — | not in the answer (oembed, "
            in md)


# -- 3. Facebook's embed code shows the post's words ---------------------------------------------------------------

@pytest.mark.parametrize("by", ["Posted by", "Publicado por", "Dikirim oleh"], ids=["en", "es", "id"])
def test_a_facebook_embed_codes_words_are_read_with_the_name_and_date_it_shows(by):
    page = f"<html><body><p>The council said:</p>{fb_post(by=by)}<p>More later.</p></body></html>"
    (embed,), _ = html.scan(page)
    assert (embed.platform, embed.post_id, embed.detector) == ("facebook", "4455667788990011", "html-xfbml")
    assert (embed.text, embed.text_confidence) == ("The Riverton bridge reopens on Monday at 6am.", "high")
    assert (embed.author_handle, embed.author_name) == ("rivertoncouncil", "Riverton Council")
    assert embed.date_text == "Thursday, March 5, 2026"
    start, end = embed.span
    assert page[start:end] == fb_post(by=by)


@pytest.mark.parametrize("markup", [
    f'<div class="fb-post" data-href="{FB_POST}" data-width="500"></div>',
    f'<div class="fb-post" data-href="{FB_POST}"><blockquote cite="{FB_POST}" class="fb-xfbml-parse-ignore">Posted by '
    f'<a href="https://www.facebook.com/rivertoncouncil/">Riverton Council</a> on&nbsp;<a href="{FB_POST}">Thursday, '
    'March 5, 2026</a></blockquote></div>',
], ids=["no-blockquote", "no-words"])
def test_a_facebook_embed_code_without_words_gives_no_text(markup):
    (embed,), _ = html.scan(f"<html><body>{markup}</body></html>")
    assert (embed.platform, embed.text, embed.text_confidence) == ("facebook", None, None)


def test_facebooks_oembed_html_gives_the_posts_words():
    body = json.dumps(facebook_oembed("The Riverton bridge reopens on Monday at 6am.")).encode()
    record = oembed.parse("facebook", "4455667788990011", FB_POST, 200, "application/json", body)
    assert (record.status, record.text) == ("available", "The Riverton bridge reopens on Monday at 6am.")
    assert record.to_json()["text_kind"] == "text"
    assert (record.author_handle, record.author_name) == ("rivertoncouncil", "Riverton Council")


def test_a_facebook_post_the_article_quotes_with_a_changed_word_fails_the_text_check(fakenet, tmp_path, monkeypatch):
    """Facebook's embed code gave no text, so a Facebook post's words were never checked."""
    fakenet.route("graph.facebook.com", "/v16.0/oembed_post",
                  json_page(facebook_oembed("The Riverton bridge reopens on Monday at 6am.")))
    serve(fakenet, [])
    monkeypatch.setenv("META_ACCESS_TOKEN", "meta-SECRET-token")
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, [*HOSTS, "graph.facebook.com"])
    article = f"<html><body>{fb_post('The Riverton bridge closes on Monday at 6am.')}</body></html>"
    code, out = run("report", "--format", "json", "article.html", article=article)
    (post,) = json.loads(out)["embeds"]
    text = checks_of(post)["text"]
    assert text["result"] == "fail", text
    assert "reopens → closes" in text["evidence"]
    assert "meta-SECRET-token" not in out


# -- 4. what an answer gives is said as what it is -----------------------------------------------------------------

THREAD = "https://www.reddit.com/r/riverton/comments/1rvf10d/levee_breach_at_riverton/"


def reddit_oembed(user: str) -> dict:
    """Reddit's oEmbed as it answers: the thread's title, the poster's user name as `author_name`, no `author_url`."""
    return {"provider_url": "https://www.reddit.com/", "version": "1.0", "title": "Levee breach at Riverton",
            "provider_name": "reddit", "type": "rich", "author_name": user,
            "html": f'<blockquote class="reddit-embed-bq"><a href="{THREAD}">Levee breach at Riverton</a><br> by'
                    f'<a href="https://www.reddit.com/user/{user}/">u/{user}</a> in'
                    '<a href="https://www.reddit.com/r/riverton/">riverton</a></blockquote>'}


def reddit_card(user: str = "River_Watcher_7") -> str:
    return (f'<html><body><blockquote class="reddit-embed-bq"><a href="{THREAD}">Levee breach at Riverton</a><br> '
            f'by<a href="https://www.reddit.com/user/{user}/">u/{user}</a> in'
            '<a href="https://www.reddit.com/r/riverton/">riverton</a></blockquote></body></html>')


def test_reddits_oembed_author_name_is_the_posters_user_name():
    """Reddit's `author_name` is a user name (u/<name>): it was kept as a display name, with no handle."""
    body = json.dumps(reddit_oembed("River_Watcher_7")).encode()
    record = oembed.parse("reddit", "1rvf10d", THREAD, 200, "application/json", body)
    assert (record.author_handle, record.author_name) == ("River_Watcher_7", None)


@pytest.mark.parametrize("user,result", [("River_Watcher_7", "pass"), ("Someone_Else_9", "fail")],
                         ids=["same-user", "other-user"])
def test_the_reddit_user_an_article_names_is_checked_against_the_thread(fakenet, tmp_path, monkeypatch, user,
                                                                        result):
    """The check said "no available post or archived copy to compare with" of an available thread: a card naming
    another user passed unseen, and the Author row said the author was "not in the answer"."""
    fakenet.route("www.reddit.com", "/oembed", json_page(reddit_oembed(user)))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("report", "--format", "json", "article.html", article=reddit_card())
    (thread,) = json.loads(out)["embeds"]
    assert checks_of(thread)["author"]["result"] == result, checks_of(thread)["author"]
    code, md = run("report", "--format", "md", "article.html")
    assert f"| Author | @River_Watcher_7 | @{user} | oembed, " in md


def test_review30r3_a_thread_whose_poster_deleted_their_account_is_no_other_author(fakenet, tmp_path, monkeypatch):
    """Reddit answers "[deleted]" for the author of a thread whose account is gone. Taken as the poster's user name,
    the card's u/River_Watcher_7 failed as "the post may be misattributed" against "@[deleted]"."""
    body = json.dumps(reddit_oembed("[deleted]")).encode()
    record = oembed.parse("reddit", "1rvf10d", THREAD, 200, "application/json", body)
    assert (record.author_handle, record.author_name) == (None, None)   # no author named: "[deleted]" is no name
    fakenet.route("www.reddit.com", "/oembed", json_page(reddit_oembed("[deleted]")))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("report", "--format", "json", "article.html", article=reddit_card())
    (thread,) = json.loads(out)["embeds"]
    author = checks_of(thread)["author"]
    assert author["result"] == "skip" and "misattributed" not in author["evidence"], author
    code, md = run("report", "--format", "md", "article.html")
    assert "@[deleted]" not in md   # newuser46c #2: the thread is said deleted (tests/test_reddit46f.py)


def test_an_available_post_whose_source_names_no_author_is_said_so():
    """Threads' oEmbed names no author: the check said there was no available post."""
    from resolver.provenance import author_check

    post = {"platform": "threads", "post_id": "C8zRiver1", "status": "available", "method": "oembed",
            "author": {"handle": None, "name": None, "id": None}, "text": None}
    check = author_check({"author_handle": "riverton.council"}, post)
    assert (check["result"], check["evidence"]) == ("skip", "the source names no author of this post")


@pytest.mark.parametrize("author_url,handle", [
    ("https://www.youtube.com/@RivertonNews", "RivertonNews"),
    ("https://www.youtube.com/channel/UCrivertonfictional00001", None),   # a channel's id, no handle
    ("https://www.youtube.com/user/rivertonnews", None),                  # a legacy user name, no handle
], ids=["handle", "channel-id", "legacy-user"])
def test_a_youtube_channels_id_is_no_handle(author_url, handle):
    body = json.dumps({"type": "video", "version": "1.0", "title": "Riverton flood, drone view",
                       "author_name": "Riverton News", "author_url": author_url}).encode()
    record = oembed.parse("youtube", "AbCdEfGhIj0", "https://www.youtube.com/watch?v=AbCdEfGhIj0", 200,
                          "application/json", body)
    assert (record.author_handle, record.author_name) == (handle, "Riverton News")


def test_the_author_row_shows_a_name_the_source_gave_without_a_handle(fakenet, tmp_path, monkeypatch):
    """A channel named by its id gives a name and no handle: the Author row said "not in the answer"."""
    fakenet.route("www.youtube.com", "/oembed", json_page({
        "type": "video", "version": "1.0", "title": "Riverton flood, drone view", "author_name": "Riverton News",
        "author_url": "https://www.youtube.com/channel/UCrivertonfictional00001", "provider_name": "YouTube"}))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, [*HOSTS, "www.youtube.com"])
    article = '<html><body><iframe src="https://www.youtube.com/embed/AbCdEfGhIj0"></iframe></body></html>'
    code, md = run("report", "--format", "md", "article.html", article=article)
    assert code == 0, md
    assert "| Author | — | Riverton News | oembed, " in md
    assert "@UCrivertonfictional00001" not in md


@pytest.mark.parametrize("platform,data,author", [
    ("instagram", {"author_name": "riverton.council", "author_url": "https://www.instagram.com/riverton.council"},
     ("riverton.council", None)),
    ("tiktok", {"author_name": "Riverton Council", "author_unique_id": "riverton.council",
                "author_url": "https://www.tiktok.com/@riverton.council"}, ("riverton.council", "Riverton Council")),
    ("tiktok", {"author_name": "riverton.council", "author_unique_id": "riverton.council"}, ("riverton.council", None)),
], ids=["instagram-user-name", "tiktok-display-name", "tiktok-no-display-name"])
def test_an_author_name_that_is_the_handle_is_no_display_name(platform, data, author):
    """Instagram's oEmbed wrote the user name as `author_name` too: kept as a display name, it was compared with the
    name the article's embed code shows ("A post shared by Riverton Council (@riverton.council)") and warned "the
    names differ"."""
    body = json.dumps({"type": "rich", "version": "1.0", **data}).encode()
    record = oembed.parse(platform, "C0riverton1", "https://www.instagram.com/p/C0riverton1/", 200, "application/json",
                          body)
    assert (record.author_handle, record.author_name) == author


def test_review30r3_a_facebook_page_named_by_its_number_is_no_other_author():
    """A Facebook post URL may name its page by number (/20531316728/posts/…, as Facebook's own embed code does), and
    the Graph oEmbed answer names it by its user name (author_url …/facebookapp/): the check failed "the post may be
    misattributed" of the page's own post. Facebook user names are never all digits: a number is the page's id."""
    from resolver.provenance import author_check

    post = {"platform": "facebook", "post_id": "10154009990506729", "status": "available", "method": "oembed",
            "author": {"handle": "facebookapp", "name": "Facebook", "id": None}, "text": None}
    check = author_check({"platform": "facebook", "author_handle": "20531316728"}, post)
    assert (check["result"], check["evidence"]) == (
        "skip", "the article's URL names the page by its number (20531316728), the source by its name "
                "@facebookapp: not comparable")
    other = author_check({"platform": "facebook", "author_handle": "someotherpage"}, post)
    assert other["result"] == "fail"   # a page named by name is still compared
