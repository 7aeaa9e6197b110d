"""What an OSINT analyst working on Telegram, TikTok and X posts in Russian, Ukrainian, Arabic and Hebrew found wrong
(newuser39a, fixed by fixnu39a): Telegram posts archived under another of their pages, bidi marks inside links,
lookalike hosts and handles in plain text, and private links sent to Save Page Now."""

import json

import pytest

from resolver import archive
from resolver.session import Mode, Session
from tests.test_archive import settings_for
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import Capture, serve


@pytest.fixture
def reporter(fakenet, tmp_path, monkeypatch):
    return cli_on_fakenet(fakenet, tmp_path, monkeypatch, ["web.archive.org", "archive.org", "t.me", "telegram.me",
                                                           "twitter.com", "cdn.syndication.twimg.com",
                                                           "publish.twitter.com", "www.tiktok.com"])


def looked(settings, store, url: str, **mode: bool) -> archive.Lookup:
    return Session(settings, store=store, mode=Mode(**mode)).run(lambda s: archive.lookup(url, session=s))


PREVIEW = "https://t.me/s/warmonitor/4525"


def test_newuser39a_a_telegram_post_archived_as_its_web_preview_is_found_under_every_spelling(fakenet, store):
    """#1: a deleted post archived only as its web preview (t.me/s/…, CDX key `me,t)/s/…`) was said never archived:
    CDX was asked under t.me/<channel>/<n> alone, whichever form the article or the user wrote. Its preview and its
    telegram.me page are asked too (as an X post's other pages are), and only the post's own captures count."""
    serve(fakenet, [Capture("20240308101500", PREVIEW, b"<html>the preview</html>"),
                    Capture("20240309101500", "https://telegram.me/WarMonitor/4525?embed=1", b"<html>widget</html>"),
                    Capture("20240310101500", "https://t.me/s/warmonitor/45251", b"<html>another post</html>"),
                    Capture("20240311101500", "https://t.me/warmonitor/4525?comment=7", b"<html>a comment</html>")])
    settings = settings_for(fakenet)
    for url in (PREVIEW, "https://t.me/warmonitor/4525", "https://telegram.me/warmonitor/4525",
                "https://t.me/WarMonitor/4525?single", "https://telegram.dog/warmonitor/4525"):
        found = looked(settings, store, url)
        assert found.error is None, (url, found.error)
        assert sorted(s.timestamp for s in found.snapshots) == ["20240308101500", "20240309101500"], (url, found)
        assert "t.me/s/warmonitor/4525" in found.asked, found.asked
        offline = looked(settings, store, url, offline=True)
        assert sorted(s.timestamp for s in offline.snapshots) == ["20240308101500", "20240309101500"], url
        assert archive.lookup_state(store, url) == (True, None), url
    # a private channel's post and a comment: asked as written (no public page of them to ask)
    assert archive.lookup_forms("https://t.me/c/1789456123/977") == ("https://t.me/c/1789456123/977",)
    assert archive.lookup_forms("https://t.me/warmonitor/4525?comment=7") == ("https://t.me/warmonitor/4525?comment=7",)


def test_newuser39a_a_report_on_a_telegram_link_names_its_preview_capture(fakenet, reporter):
    serve(fakenet, [Capture("20240308101500", PREVIEW, b"<html>the preview</html>")])
    article = f'<html><body><p>The channel wrote <a href="{PREVIEW}">this</a> and deleted it.</p></body></html>'
    code, out = reporter("report", "--format", "json", "article.html", article=article)
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    text = json.dumps(embed)
    assert "web.archive.org/web/20240308101500/https://t.me/s/warmonitor/4525" in text, text
