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

@pytest.mark.parametrize("author,title,words", [
    ("[deleted]", "Levee breach at Riverton", "the author deleted the post or their account"),
    ("River_Watcher_7", "[removed]", "removed by the subreddit's moderators"),
], ids=["deleted", "removed"])
def test_a_thread_reddit_names_deleted_or_removed_is_said_so(author, title, words):
    body = json.dumps(reddit_oembed(author) | {"title": title}).encode()
    record = oembed.parse("reddit", "1rvf10d", THREAD, 200, "application/json", body)
    assert record.status == "deleted", record
    assert words in (record.reason or "")


def test_newuser46c_a_deleted_threads_report_says_deleted_not_available(fakenet, tmp_path, monkeypatch):
    """The report said "available", its Author row "[deleted]", and the author check "the source names no author":
    no word "deleted" anywhere."""
    thread, md = _report(fakenet, tmp_path, monkeypatch, reddit_oembed("[deleted]"), reddit_card())
    assert thread["status"]["code"] == "deleted", thread["status"]
    assert "the author deleted the post or their account" in md
    assert "reddit post by @River_Watcher_7: available" not in md


def test_newuser46c_an_unread_reddit_capture_is_said_unread(fakenet, tmp_path, monkeypatch):
    """"no capture of it could be read" of a gone thread whose listed capture was never asked for."""
    answer = {"message": "Not Found", "error": 404}
    fakenet.route("www.reddit.com", "/oembed", lambda _r: __import__("werkzeug").wrappers.Response(
        json.dumps(answer), status=404, content_type="application/json"))
    serve(fakenet, [Capture("20261118120000", THREAD, b"<html><body>a thread page</body></html>")])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("report", "--format", "json", "article.html", article=reddit_card())
    (thread,) = json.loads(out)["embeds"]
    copy = checks_of(thread).get("archived-copy")
    assert copy is not None and "could be read" not in copy["evidence"], copy


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
