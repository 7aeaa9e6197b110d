"""fixleft46c #3: a gone Telegram post found in a capture of its channel's web preview paged by `?before=M`. The
preview `t.me/s/<channel>` shows the channel's latest messages, and its "load more" pages `t.me/s/<channel>?before=M`
the ones before M: the Wayback Machine files those captures under the channel's URL with its query, never under the
post's own pages, so a post whose own pages were never captured was said to have no copy. Now, when the post's own
captures give no copy, one more CDX list is asked (prefix `t.me/s/<channel>?before=`), and the captures of pages
that may hold it (M above the post's number, nearest first) are read for the message whose data-post is the post's,
never another message of the page."""

from __future__ import annotations

import json

from resolver.fetch import telegram
from tests.fakenet import page
from tests.test_telegram_source import HOSTS, NOT_FOUND, TEXT, WIDGET_PATH, message, preview_page
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import Capture, serve

ARTICLE = ('<html><body><p>Канал написал: «Мост через Днепр закрыт до утра, движение перекрыто» '
           '<a href="https://t.me/riverwatch/4521">в своём посте</a>.</p></body></html>')
NEIGHBOUR = "Вчерашний пост о погоде."


def _page(*numbers: int, channel: str = "RiverWatch") -> bytes:
    return preview_page(*(message(f"{channel}/{n}", TEXT if n == 4521 else f"{NEIGHBOUR} {n}", widget=False)
                          for n in numbers)).encode()


def test_only_a_paged_preview_of_the_posts_channel_that_may_hold_it_is_chosen_nearest_first():
    class Snap:
        def __init__(self, original: str, timestamp: str = "20240307093000", digest: str = ""):
            self.original, self.timestamp, self.digest, self.status, self.mimetype = \
                original, timestamp, digest or original, "200", "text/html"

    snaps = [Snap("https://t.me/s/RiverWatch?before=4560"), Snap("https://t.me/s/riverwatch?before=4530"),
             Snap("https://t.me/s/riverwatch?before=4521"), Snap("https://t.me/s/riverwatch?before=4400"),
             Snap("https://t.me/s/riverwatchers?before=4530"), Snap("https://t.me/s/riverwatch/4530?before=4530"),
             Snap("https://t.me/s/riverwatch?before=9000"), Snap("https://t.me/s/riverwatch?q=bridge&before=4530"),
             Snap("https://t.me/s/riverwatch?after=4510")]
    chosen = [s.original for s in telegram.paged_previews(snaps, "riverwatch/4521", 5)]
    assert chosen == ["https://t.me/s/riverwatch?before=4530", "https://t.me/s/riverwatch?after=4510",
                      "https://t.me/s/RiverWatch?before=4560"], chosen


def test_a_gone_post_is_read_from_a_capture_of_its_channels_preview_paged_before_it(fakenet, tmp_path, monkeypatch):
    """The widget says "Post not found"; the post's own pages were never captured; two paged previews were: one that
    does not hold it (before=4524: 4522 and 4523 only) and one that does (before=4530); a third, of a page far below
    it, and another channel's page are never asked. The post's words are read from its own message, cited with the
    capture's URL, and never a neighbour's."""
    fakenet.route("t.me", WIDGET_PATH, page(NOT_FOUND))
    serve(fakenet, [Capture("20240307093000", "https://t.me/s/riverwatch?before=4530", _page(4520, 4521, 4522)),
                    Capture("20240307100000", "https://t.me/s/riverwatch?before=4524", _page(4522, 4523)),
                    Capture("20240307110000", "https://t.me/s/riverwatch?before=4400", _page(4398, 4399)),
                    Capture("20240307120000", "https://t.me/s/riverwatchers?before=4530",
                            _page(4521, channel="riverwatchers"))])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    [post] = json.loads(out)["posts"]
    assert post["status"] == "not_found", post
    said = [(c["original"], c["status"], c["text"]) for c in post["archived"]]
    assert ("https://t.me/s/riverwatch?before=4530", "archived-copy", TEXT) in said, said
    assert all(text in (None, TEXT) for _, _, text in said), said
    other = [c for c in post["archived"] if c["original"].endswith("before=4524")]
    assert other and other[0]["status"] == "unknown" and "4522" in other[0]["reason"], post["archived"]
    asked = [path for host, path in fakenet.hits if host == "web.archive.org"]
    assert not [p for p in asked if "before=4400" in p or "riverwatchers" in p and "/web/" in p], asked
    assert sum("cdx" in p and "before%3D" in p or "cdx" in p and "before=" in p for p in asked) == 1, asked
    code, md = run("report", "--offline", "a.html")
    assert "| Archived text | — | Мост через Днепр закрыт" in md, md
    assert "wayback capture of 2024-03-07T09:30:00Z" in md, md
    assert NEIGHBOUR not in md, md


def test_a_post_whose_own_page_was_captured_asks_no_paged_list(fakenet, tmp_path, monkeypatch):
    fakenet.route("t.me", WIDGET_PATH, page(NOT_FOUND))
    serve(fakenet, [Capture("20240307093000", "https://t.me/s/RiverWatch/4521", _page(4520, 4521)),
                    Capture("20240307100000", "https://t.me/s/riverwatch?before=4530", _page(4520, 4521, 4522))])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    [post] = json.loads(out)["posts"]
    assert [(c["original"], c["text"]) for c in post["archived"]] == [("https://t.me/s/RiverWatch/4521", TEXT)], \
        post["archived"]
    assert not [path for host, path in fakenet.hits if "before" in path], fakenet.hits
