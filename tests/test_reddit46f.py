"""A Reddit thread as a verification desk meets it (newuser46c #2, #5, #6): a thread whose author Reddit's oEmbed names
"[deleted]" (or whose title it gives as "[removed]") is said so, never plainly "available"; an embed code's title is
held against the thread's title; a capture of a gone thread's page is read for its author and words. The answers are
small fictional ones in Reddit's shapes (oEmbed: title, author_name, the reddit-embed-bq code; the thread page's
shreddit-post element), served on loopback."""

import json

import pytest

from resolver.fetch import oembed
from tests.test_fetch import json_page
from tests.test_platform_facts import THREAD, reddit_card, reddit_oembed
from tests.test_platform_verdicts import HOSTS, checks_of
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import Capture, serve


def _report(fakenet, tmp_path, monkeypatch, answer: dict, article: str, captures=()):
    fakenet.route("www.reddit.com", "/oembed", json_page(answer))
    serve(fakenet, list(captures))
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("report", "--format", "json", "article.html", article=article)
    assert code == 0, out
    (thread,) = json.loads(out)["embeds"]
    code, md = run("report", "--format", "md", "article.html")
    return thread, md


# -- #2: "[deleted]" and "[removed]" ---------------------------------------------------------------------------------

@pytest.mark.parametrize("author,title,status,words", [
    ("[deleted]", "Levee breach at Riverton", "unknown", "the author deleted the post or their account (the post "
     "stays up when only the account is gone): whether it is still shown is not known"),
    ("[deleted]", "[deleted by user]", "deleted", "the author deleted the post or their account"),
    ("River_Watcher_7", "[removed]", "deleted", "removed by the subreddit's moderators"),
], ids=["author-deleted", "deleted-by-user", "removed"])
def test_a_thread_reddit_names_deleted_or_removed_is_said_so(author, title, status, words):
    """Its author alone "[deleted]" beside its own title may be a thread still up whose author's account is gone: not
    said deleted (the lead, stop 46: it was "deleted")."""
    body = json.dumps(reddit_oembed(author) | {"title": title}).encode()
    record = oembed.parse("reddit", "1rvf10d", THREAD, 200, "application/json", body)
    assert record.status == status, record
    assert words in (record.reason or "")


def test_newuser46c_a_deleted_threads_report_says_deleted_not_available(fakenet, tmp_path, monkeypatch):
    """The report said "available", its Author row "[deleted]", and the author check "the source names no author":
    no word "deleted" anywhere."""
    thread, md = _report(fakenet, tmp_path, monkeypatch, reddit_oembed("[deleted]"), reddit_card())
    assert thread["status"]["code"] == "unknown", thread["status"]
    assert "the author deleted the post or their account" in md
    assert "reddit post by @River_Watcher_7: available" not in md


def test_newuser46c_a_platform_whose_captures_are_not_read_says_so():
    """"no capture of it could be read" of a gone post whose listed capture was never asked for (Facebook's are not
    read; Reddit's were not, before this stop)."""
    from resolver.provenance import archived_copy_check

    post = {"platform": "facebook", "post_id": "4455667788990011", "status": "not_found", "archived": []}
    copy = archived_copy_check(post, [])
    assert copy is not None and copy["result"] == "skip", copy
    assert "Facebook captures are not read" in copy["evidence"] and "could be read" not in copy["evidence"]


# -- #6: a capture of the thread's page, read -----------------------------------------------------------------------

CAPTURED = "https://www.reddit.com/r/riverton/comments/1rvf10d/levee_breach_at_riverton/"


def shreddit_page(post_id: str = "1rvf10d", author: str = "River_Watcher_7",
                  words: str = "The levee on Mill Road broke at 4am, water is rising fast.") -> bytes:
    """The thread's page as reddit.com serves it now: a <shreddit-post> naming the thread, its words in text-body."""
    return (f'<html><head><title>Levee breach at Riverton : r/riverton</title></head><body>'
            f'<shreddit-post id="t3_{post_id}" permalink="/r/riverton/comments/{post_id}/levee_breach_at_riverton/" '
            f'author="{author}" post-title="Levee breach at Riverton" subreddit-prefixed-name="r/riverton" '
            f'created-timestamp="2026-03-05T04:12:00.000000+0000"><div slot="text-body"><p>{words}</p></div>'
            '</shreddit-post></body></html>').encode()


def old_reddit_page(post_id: str = "1rvf10d") -> bytes:
    """old.reddit.com's page: the thread's div.thing (data-fullname t3_<id>, data-author, data-timestamp in ms)."""
    return (f'<html><head><title>Levee breach at Riverton : riverton</title></head><body><div class="sitetable">'
            f'<div class="thing link self" data-fullname="t3_{post_id}" data-author="River_Watcher_7" '
            f'data-permalink="/r/riverton/comments/{post_id}/levee_breach_at_riverton/" data-timestamp="1772683920000">'
            '<p class="title"><a class="title" href="/r/riverton/comments/1rvf10d/">Levee breach at Riverton</a></p>'
            '<div class="expando"><div class="usertext-body"><div class="md"><p>The levee on Mill Road broke at 4am, '
            'water is rising fast.</p></div></div></div></div></div></body></html>').encode()


@pytest.mark.parametrize("body,form", [(shreddit_page(), "shreddit-post"), (old_reddit_page(), "old-reddit-thing")],
                         ids=["shreddit", "old-reddit"])
def test_a_capture_of_the_threads_page_gives_its_author_words_and_time(body, form):
    from resolver.fetch import wayback

    reading = wayback.read("1rvf10d", 200, "text/html", body, CAPTURED, platform="reddit")
    record = reading.record
    assert (reading.form, record.status, record.author_handle) == (form, "available", "River_Watcher_7")
    assert record.text == "The levee on Mill Road broke at 4am, water is rising fast."
    assert record.created_at == "2026-03-05T04:12:00Z"
    assert any("counter, not a clock" in note for note in reading.notes)


@pytest.mark.parametrize("body,why", [
    (shreddit_page(post_id="1rvzzzz"), "not show the thread"),
    (b'<html><head><title>Reddit - Dive into anything</title></head><body><shreddit-experience-tree>'
     b'<faceplate-tracker>Log In</faceplate-tracker></shreddit-experience-tree></body></html>', "not show the thread"),
    (b'<html><head><title>r/riverton</title><link rel="canonical" href="https://www.reddit.com/r/riverton/comments/'
     b'1rvzzzz/other/"></head><body>x</body></html>', "the thread 1rvzzzz"),
    (shreddit_page(words="[removed]"), "already gone"),
], ids=["another-thread", "login-wall", "canonical-other", "removed-then"])
def test_a_capture_that_is_not_the_threads_page_is_never_read_as_it(body, why):
    from resolver.fetch import wayback

    record = wayback.read("1rvf10d", 200, "text/html", body, CAPTURED, platform="reddit").record
    assert record.status == "unknown" and record.text is None, record
    assert why in (record.reason or ""), record.reason
    assert record.author_handle in (None, "River_Watcher_7")


def test_newuser46c_a_deleted_threads_capture_gives_its_author_and_words(fakenet, tmp_path, monkeypatch):
    """The CDX listed a capture of the deleted thread's page; it was never read (no /web/ request), and the report
    said "available" and named no author."""
    thread, md = _report(fakenet, tmp_path, monkeypatch, reddit_oembed("[deleted]"), reddit_card(),
                         [Capture("20260306090000", CAPTURED, shreddit_page())])
    checks = checks_of(thread)
    assert thread["status"]["code"] == "unknown"
    assert checks["author"]["result"] == "pass" and "per the capture of 2026-03-06T09:00:00Z" in \
        checks["author"]["evidence"], checks["author"]
    assert checks["archived-copy"]["result"] == "pass", checks["archived-copy"]
    # the embed code shows the title, the capture the words: no title held against words
    assert checks["text"]["result"] == "skip" and "a title is not compared with words" in checks["text"]["evidence"]


def test_a_comment_page_under_the_thread_is_not_its_capture():
    from resolver.fetch import reddit_pages

    assert reddit_pages.names_post(CAPTURED, "1rvf10d")
    assert not reddit_pages.names_post(f"{CAPTURED}mq8aa02/", "1rvf10d")
    assert not reddit_pages.names_post("https://www.reddit.com/r/riverton/comments/1rvf10d/comment/mq8aa02/",
                                       "1rvf10d")


# -- #5: the embed code's title against the thread's ----------------------------------------------------------------

def _titled_card(title: str) -> str:
    return reddit_card().replace(">Levee breach at Riverton<", f">{title}<")


@pytest.mark.parametrize("article_title,result", [
    ("Levee breach at Riverton", "pass"),
    ("Levee breach at Marlow", "fail"),
], ids=["same-title", "changed-title"])
def test_newuser46c_an_embed_codes_title_is_held_against_the_threads(fakenet, tmp_path, monkeypatch, article_title,
                                                                     result):
    """"the source gives the post's title, not its words": the embed code shows the title, so a changed word went
    unseen."""
    thread, _ = _report(fakenet, tmp_path, monkeypatch, reddit_oembed("River_Watcher_7"), _titled_card(article_title))
    text = checks_of(thread)["text"]
    assert text["result"] == result, text
    assert "title" in text["evidence"]


def test_newuser46c_a_comments_archive_check_says_its_captures_are_not_looked_up(fakenet, tmp_path, monkeypatch):
    """A comment's archive check said "the post was not fetched", as if a lookup had been missed."""
    article = reddit_card().replace("</body>", f'<p>A reply: <a href="{THREAD}comment/mq9del9/">link</a>.</p></body>')
    fakenet.route("www.reddit.com", "/oembed", json_page(reddit_oembed("River_Watcher_7")))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("report", "--format", "json", "article.html", article=article)
    comment = next(e for e in json.loads(out)["embeds"] if e["kind"] == "comment")
    archive = checks_of(comment)["archive"]
    assert archive["result"] == "skip" and "comments are not fetched, and the archive is not asked" in \
        archive["evidence"], archive


def test_a_threads_captures_are_asked_under_its_subreddit():
    from resolver.fetch import reddit_pages

    assert reddit_pages.capture_pages("1rvf10d", "https://www.reddit.com/r/riverton/comments/1rvf10d/") == [
        "www.reddit.com/r/riverton/comments/1rvf10d/", "old.reddit.com/r/riverton/comments/1rvf10d/"]
    assert reddit_pages.capture_pages("1rvf10d", None) == ["www.reddit.com/comments/1rvf10d/",
                                                           "old.reddit.com/comments/1rvf10d/"]
