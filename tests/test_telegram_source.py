"""A source for Telegram posts (newuser39a #10): a public channel's post read from its widget page
(`t.me/<channel>/<n>?embed=1&mode=tme`), a deleted one said "not found" and recovered from its archived copies (the
widget page, the `t.me/s/` web preview), a private channel's never asked.

The fixtures are small fictional pages in Telegram's widget markup as its readers parse it: snscrape's telegram module
(JustAnotherArchivist/snscrape, snscrape/modules/telegram.py: `div.tgme_widget_message[data-post]`,
`.tgme_widget_message_text`, `a.tgme_widget_message_date time[datetime]`, the preview's owner name), a widget reader
reading `.tgme_widget_message_author_name span`, `time.datetime` and `a.tgme_widget_message_photo_wrap`'s
background-image, and the deleted-post checks of widget readers (wptelegram-widget's `post_still_exists`, scrapers
asking `?embed=1&mode=tme`): HTTP 200 with `<div class="tgme_widget_message_error">Post not found</div>`.
"""

from __future__ import annotations

import json

import pytest

from cache import Store
from resolver.fetch import telegram
from tests.fakenet import page
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import Capture, serve

HOSTS = ["t.me", "web.archive.org", "archive.org", "cdn4.telesco.pe"]
WIDGET_PATH = "/riverwatch/4521?embed=1&mode=tme"
TEXT = "Мост через Днепр закрыт\nдо утра, движение перекрыто."


def message(post: str, text: str, *, when: str = "2024-03-06T07:41:22+00:00", owner: str = "Речной дозор",
            widget: bool = True, extra: str = "") -> str:
    """One message as the widget (author_name, time.datetime) or the web preview (owner_name) writes it."""
    channel = post.split("/")[0]
    name = (f'<div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_author_name" '
            f'href="https://t.me/{channel}"><span dir="auto">{owner}</span></a></div>') if widget else (
        f'<div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" '
        f'href="https://t.me/{channel}"><span dir="auto">{owner}</span></a></div>')
    words = text.replace("\n", "<br/>")
    return (f'<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message '
            f'text_not_supported_wrap js-widget_message" data-post="{post}" data-view="eyJjIjoiZmljdGlvbmFsIn0">'
            f'<div class="tgme_widget_message_user"><a href="https://t.me/{channel}"><i class="tgme_widget_message_'
            f'user_photo bgcolor0" data-content="R"></i></a></div><div class="tgme_widget_message_bubble">{name}{extra}'
            f'<div class="tgme_widget_message_text js-message_text" dir="auto">{words}</div>'
            '<div class="tgme_widget_message_footer compact js-message_footer"><div class="tgme_widget_message_info '
            'short js-message_info"><span class="tgme_widget_message_views">12.4K</span><span class="copyonly"> '
            f'views</span><span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" '
            f'href="https://t.me/{post}"><time datetime="{when}" class="datetime">07:41</time></a></span></div></div>'
            '</div></div></div>')


PHOTO = ('<a class="tgme_widget_message_photo_wrap blured" href="https://t.me/RiverWatch/4521?single" '
         "style=\"width:800px;background-image:url('https://cdn4.telesco.pe/file/fictional-bridge.jpg')\">"
         '<div class="tgme_widget_message_photo" style="padding-top:56.25%"></div></a>')


def widget_page(body: str) -> str:
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Telegram Widget</title></head>'
            f'<body class="body_widget_post emoji_image nodesktop">{body}</body></html>')


def preview_page(*messages: str) -> str:
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Речной дозор – Telegram</title></head><body>'
            '<section class="tgme_channel_history js-message_history">' + "".join(messages) + '</section></body></html>')


NOT_FOUND = widget_page('<div class="tgme_widget_message_error">Post not found</div>')


def read(body: str, status: int = 200, post_id: str = "riverwatch/4521"):
    return telegram.read_widget(post_id, status, "text/html; charset=utf-8", body.encode())


def test_the_widget_page_gives_the_posts_words_author_date_and_photo():
    record, form = read(widget_page(message("RiverWatch/4521", TEXT, extra=PHOTO)))
    assert (form, record.status, record.method) == ("widget", "available", "telegram-widget")
    assert record.text == TEXT
    assert (record.author_handle, record.author_name) == ("RiverWatch", "Речной дозор")
    assert record.created_at == "2024-03-06T07:41:22Z"
    assert [(m.url, m.type) for m in record.media] == [("https://cdn4.telesco.pe/file/fictional-bridge.jpg", "photo")]
    assert record.to_json()["text_kind"] == "text"   # the post's words, compared as such (not an oEmbed title)


def test_a_date_in_another_zone_is_read_as_utc_and_one_with_no_zone_is_not_read():
    record, _ = read(widget_page(message("riverwatch/4521", TEXT, when="2024-03-06T01:30:00+03:00")))
    assert record.created_at == "2024-03-05T22:30:00Z"
    record, _ = read(widget_page(message("riverwatch/4521", TEXT, when="2024-03-06T01:30:00")))
    assert record.created_at is None


def test_a_preview_page_gives_the_post_it_names_not_its_neighbours():
    body = preview_page(message("RiverWatch/4520", "Вчерашний пост", widget=False),
                        message("RiverWatch/4521", TEXT, widget=False),
                        message("RiverWatch/4522", "Завтрашний пост", widget=False))
    record, _ = read(body)
    assert (record.status, record.text, record.author_name) == ("available", TEXT, "Речной дозор")
    assert telegram.read_widget("riverwatch/4521", 200, "text/html", body.encode())[1] == "web-preview"
    record, form = read(preview_page(message("RiverWatch/4520", "Вчерашний пост", widget=False)))
    assert (record.status, form, record.text) == ("unknown", "page", None)
    assert "RiverWatch/4520" in record.reason


def test_the_widgets_post_not_found_is_not_found_and_another_error_is_not_known():
    record, form = read(NOT_FOUND)
    assert (record.status, form, record.reason) == ("not_found", "error", "Telegram's widget answered \"Post not found\"")
    record, _ = read(widget_page('<div class="tgme_widget_message_error">Channel is private</div>'))
    assert record.status == "unknown" and "Channel is private" in record.reason


@pytest.mark.parametrize("status,said", [(404, "not_found"), (503, "error"), (429, "error"), (302, "unknown")])
def test_answers_other_than_a_page_say_what_they_are(status, said):
    record, _ = read("", status)
    assert record.status == said and record.text is None


def test_a_page_with_no_message_is_no_answer_about_the_post():
    """The post's own page t.me/<channel>/<n> (a redirect's end, a capture of it): its head names the channel and
    may hold the channel's description, never read as the post's words."""
    head = ("<html><head><meta property='og:title' content='Речной дозор'><meta property='og:description' "
            "content='Новости реки'></head><body><div class='tgme_page_widget'></div></body></html>")
    record, form = read(head)
    assert (record.status, form, record.text) == ("unknown", "page", None)


def test_only_this_posts_pages_are_its_captures():
    assert telegram.names_post("https://t.me/s/RiverWatch/4521", "riverwatch/4521")
    assert telegram.names_post("https://t.me/riverwatch/4521?embed=1&mode=tme", "riverwatch/4521")
    assert not telegram.names_post("https://t.me/riverwatch/45210", "riverwatch/4521")
    assert not telegram.names_post("https://t.me/riverwatch/4521?comment=7", "riverwatch/4521")


def _run(fakenet, tmp_path, monkeypatch):
    return cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)


def _photo(fakenet):
    from tests import xfixtures as fx

    fakenet.route("cdn4.telesco.pe", "/file/fictional-bridge.jpg", page(fx.jpeg(), content_type="image/jpeg"))


def test_fetch_reads_a_public_post_from_its_widget_page_recorded_and_answered_offline_from_the_cache(
        fakenet, tmp_path, monkeypatch):
    """newuser39a #10: every Telegram post was "not fetched: no source for Telegram posts". Now its widget page is
    asked (through [origins], the fetch log, the body kept), and offline the cache answers with no request."""
    fakenet.route("t.me", WIDGET_PATH, page(widget_page(message("RiverWatch/4521", TEXT, extra=PHOTO))))
    _photo(fakenet)
    serve(fakenet, [])
    run = _run(fakenet, tmp_path, monkeypatch)
    code, out = run("fetch", "--json", "https://t.me/RiverWatch/4521")
    assert code == 0, out
    [post] = _posts(out)
    assert (post["status"], post["method"], post["text"], post["created_at"]) == (
        "available", "telegram-widget", TEXT, "2024-03-06T07:41:22Z"), post
    assert post["author"]["handle"] == "RiverWatch" and post["author"]["name"] == "Речной дозор"
    assert post["media"][0]["sha256"], post["media"]
    assert ("t.me", WIDGET_PATH) in fakenet.hits
    with Store(tmp_path / "c.db") as store:
        rows = list(store.db.query("SELECT url, purpose, body_sha256 FROM fetches WHERE purpose = 'telegram-widget'"))
    assert [r["url"] for r in rows] == ["https://t.me/riverwatch/4521?embed=1&mode=tme"] and rows[0]["body_sha256"]
    hits = len(fakenet.hits)
    code, out = run("fetch", "--json", "--offline", "https://t.me/s/riverwatch/4521")
    assert code == 0, out
    [again] = _posts(out)
    assert (again["status"], again["text"], again["from_cache"]) == ("available", TEXT, True)
    assert len(fakenet.hits) == hits
    code, out = run("fetch", "--reparse")   # the kept widget page read again by today's reader
    assert code == 0 and "re-derived 1 observations of 1 posts" in out, out
    code, out = run("fetch", "--json", "--offline", "https://t.me/riverwatch/4521")
    assert _posts(out)[0]["text"] == TEXT


def test_a_deleted_post_is_not_found_and_its_archived_preview_gives_its_words(fakenet, tmp_path, monkeypatch):
    """A post deleted since: the widget answers "Post not found"; its captures are listed under its page and its
    web preview's (CDX files each apart) and read as the post's words, which the report shows and checks."""
    fakenet.route("t.me", WIDGET_PATH, page(NOT_FOUND))
    serve(fakenet, [Capture("20240306080000", "https://t.me/riverwatch/4521",
                            b"<html><head><meta property='og:title' content='x'></head></html>"),
                    Capture("20240307093000", "https://t.me/s/RiverWatch/4521",
                            preview_page(message("RiverWatch/4520", "Вчерашний пост", widget=False),
                                         message("RiverWatch/4521", TEXT, widget=False)).encode())])
    run = _run(fakenet, tmp_path, monkeypatch)
    article = ('<html><body><p>Канал написал: «Мост через Днепр закрыт до утра, движение перекрыто» '
               '<a href="https://t.me/riverwatch/4521">в своём посте</a>.</p></body></html>')
    code, out = run("scan", "--fetch", "--json", "a.html", article=article, name="a.html")
    [post] = json.loads(out)["posts"]
    assert (post["status"], post["reason"]) == ("not_found", "Telegram's widget answered \"Post not found\""), post
    said = [(c["original"], c["status"], c["text"]) for c in post["archived"]]
    assert ("https://t.me/s/RiverWatch/4521", "archived-copy", TEXT) in said, said
    assert post["archive_lookup"] == "answered"
    code, md = run("report", "--offline", "a.html")
    assert "not read: whether any holds the post is not known" not in md, md
    assert TEXT.split("\n")[0] in md
    code, out = run("stats", "--json")   # at_risk_embeds counts the capture read as its copy, as the report does
    at_risk = [json.loads(line) for line in out.splitlines() if line.startswith('{"view": "at_risk_embeds"')]
    assert not [row for row in at_risk if row["post_id"] == "riverwatch/4521"], at_risk


def test_a_private_channels_post_is_never_asked_nor_its_captures(fakenet, tmp_path, monkeypatch):
    serve(fakenet, [])
    run = _run(fakenet, tmp_path, monkeypatch)
    code, out = run("fetch", "--json", "https://t.me/c/1789456123/977")
    [post] = _posts(out)
    assert post["status"] == "unknown" and post["reason"].startswith("not fetched: a private channel's post"), post
    assert not [h for h in fakenet.hits if h[0] in ("t.me", "web.archive.org")], fakenet.hits


def test_a_post_fetched_into_a_warc_is_read_again_by_replay(fakenet, tmp_path, monkeypatch):
    fakenet.route("t.me", WIDGET_PATH, page(widget_page(message("RiverWatch/4521", TEXT))))
    serve(fakenet, [])
    run = _run(fakenet, tmp_path, monkeypatch)
    warc = tmp_path / "x.warc.gz"
    code, out = run("fetch", "--json", "--warc", str(warc), "https://t.me/riverwatch/4521")
    assert code == 0 and warc.exists(), out
    hits = len(fakenet.hits)
    code, out = run("--db", str(tmp_path / "r.db"), "--replay", str(warc), "fetch", "--json",
                    "https://t.me/riverwatch/4521")
    [post] = _posts(out)
    assert (post["status"], post["text"]) == ("available", TEXT), post
    assert len(fakenet.hits) == hits


def _posts(out: str) -> list[dict]:
    """`fetch --json`'s posts."""
    data = json.loads(out)
    return data if isinstance(data, list) else [data]


def test_a_report_says_where_a_telegram_posts_captures_were_looked_for():
    from resolver.fetch import wayback

    pages = wayback.looked_under("riverwatch/4521", [None])
    assert pages == ("https://t.me/riverwatch/4521",)
    assert wayback.where_looked(pages) == ("under https://t.me/riverwatch/4521 (its widget page too), nor as the web "
                                           "preview's https://t.me/s/riverwatch/4521, nor on "
                                           "https://telegram.me/riverwatch/4521")
    assert wayback.queries_under(pages) == ["t.me/riverwatch/4521", "t.me/s/riverwatch/4521",
                                            "telegram.me/riverwatch/4521"]


def test_a_widget_page_showing_other_posts_is_answered_not_unreached_in_the_report(fakenet, tmp_path, monkeypatch):
    """newuser44a #10: t.me answered the widget page of an album's member with the album's first post: the report
    listed it under "Could not be reached", which t.me was. It is listed as answered, not the post; not known."""
    fakenet.route("t.me", WIDGET_PATH, page(widget_page(message("RiverWatch/4520", "Альбом"))))
    serve(fakenet, [])
    run = _run(fakenet, tmp_path, monkeypatch)
    article = '<html><body><p>Канал: <a href="https://t.me/riverwatch/4521">пост</a>.</p></body></html>'
    code, out = run("report", "--format", "json", "a.html", article=article, name="a.html")
    report = json.loads(out)
    said = ("telegram post riverwatch/4521: the page shows other posts of the channel (RiverWatch/4520), not this "
            "one")
    assert report["unreachable"] == [] and report["answered_not_the_post"] == [said], report["unreachable"]
    assert report["embeds"][0]["status"]["words"] == "not known"
    code, md = run("report", "--offline", "a.html")
    assert "Could not be reached" not in md, md
    assert f"**Answered, but not the post** (its status is not known)\n\n- {said}" in md, md
    code, html = run("report", "--offline", "--format", "html", "a.html")
    assert "<h3>Answered, but not the post</h3>" in html and "Could not be reached" not in html
