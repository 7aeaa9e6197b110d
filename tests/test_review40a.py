"""review40a: an adversarial review of stop 39's Telegram source (telegram39) and Telegram lookup forms, direction
marks and lookalike links (fixnu39a). Each test failed before its fix. Fixtures: small fictional pages in Telegram's
widget markup (as tests/test_telegram_source.py writes it), served on loopback by fakenet and waybacknet."""

from __future__ import annotations

import json

from tests.test_telegram_source import TEXT, WIDGET_PATH, NOT_FOUND, _run, message, preview_page, widget_page
from tests.fakenet import page
from tests.waybacknet import Capture, serve

ARTICLE = ('<html><body><p>Канал написал: «Мост через Днепр закрыт до утра, движение перекрыто» '
           '<a href="https://t.me/riverwatch/4521">в своём посте</a>.</p></body></html>')


def test_a_deleted_posts_copy_archived_under_telegram_me_is_read_as_its_copy(fakenet, tmp_path, monkeypatch):
    """A deleted post whose only capture is its widget page on telegram.me: the report's lookup lists it
    (platforms.telegram.page_forms: t.me, t.me/s, telegram.me), but the fetch looked for captures under t.me and t.me/s
    alone (fetch.telegram.capture_pages), so the copy holding the post's words was never read: "listed, not read",
    and the post at risk with no copy."""
    fakenet.route("t.me", WIDGET_PATH, page(NOT_FOUND))
    serve(fakenet, [Capture("20240307093000", "https://telegram.me/RiverWatch/4521?embed=1&mode=tme",
                            widget_page(message("RiverWatch/4521", TEXT)).encode())])
    run = _run(fakenet, tmp_path, monkeypatch)
    code, out = run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    [post] = json.loads(out)["posts"]
    assert post["status"] == "not_found", post
    said = [(c["original"], c["status"], c["text"]) for c in post["archived"]]
    assert ("https://telegram.me/RiverWatch/4521?embed=1&mode=tme", "archived-copy", TEXT) in said, said
    code, md = run("report", "--offline", "a.html")
    assert "not read: whether" not in md, md
    assert TEXT.split("\n")[0] in md
    code, out = run("stats", "--json")   # the at-risk view counts the copy read, as the report does
    at_risk = [json.loads(line) for line in out.splitlines() if line.startswith('{"view": "at_risk_embeds"')]
    assert not [row for row in at_risk if row["post_id"] == "riverwatch/4521"], at_risk


PRIVATE = "https://t.me/c/1789456123/977"


def test_a_private_channels_post_is_never_sent_to_the_archive_by_a_lookup(fakenet, tmp_path, monkeypatch):
    """A private channel's post is "never asked, nor looked up in the archive" (README): the fetch kept that, but
    `scan --archive`, `report` and `archive` sent its URL to CDX and the availability API (the archive holds its login
    page; the query hands the private link to a third party). Now the lookup is withheld and says why."""
    serve(fakenet, [Capture("20240306080000", PRIVATE, b"<html>login</html>")])
    run = _run(fakenet, tmp_path, monkeypatch)
    article = f'<html><body><p>Слив из закрытого канала: <a href="{PRIVATE}">пост</a>.</p></body></html>'
    code, out = run("scan", "--fetch", "--archive", "--json", "a.html", article=article, name="a.html")
    assert code in (0, 1), out
    code, md = run("report", "a.html")
    code, listed = run("archive", PRIVATE)
    asked = [h for h in fakenet.hits if h[0] in ("web.archive.org", "archive.org", "t.me")]
    assert not asked, asked
    assert "a private Telegram channel's post" in md, md
    assert "a private Telegram channel's post" in listed, listed


def test_two_links_a_direction_mark_parts_are_two_posts_and_a_capture_link_broken_before_its_inner_url_is_one():
    """Right-to-left copies put a mark at each line's ends; with the line break lost, two links are parted by marks
    alone ("…/4525\\u200f\\u200fhttps://t.me/…/4526"). The marks are skipped inside a URL (newuser39a #2), so the two
    were read as one run, no post's link, and both posts vanished. A mark or a zero-width space before "https://" now
    parts them, as "," does; not after "/" or "=", where a capture link or a query goes on with its inner URL."""
    from resolver.extract.text import find_url_embeds

    for mark in ("\u200f", "\u200e\u200f", "\u200b", "\u2069\u2067"):
        text = f"המקור: https://t.me/warmonitor/4525{mark}https://t.me/warmonitor/4526 נמסר"
        assert [e.post_id for e in find_url_embeds(text, [])] == ["warmonitor/4525", "warmonitor/4526"], mark
    text = "نسخة: https://web.archive.org/web/20240306080000/\u200bhttps://t.me/warmonitor/4525 المزيد"
    [capture] = find_url_embeds(text, [])
    assert text[capture.span[0]:capture.span[1]].startswith("https://web.archive.org/web/20240306080000/"), capture
    assert capture.post_id == "warmonitor/4525" and capture.linked_capture, capture


def test_a_link_in_markup_naming_a_lookalike_account_is_said_never_read_as_the_real_accounts_post():
    """newuser39a #6 was fixed for text: "tiktok.com/@vоenkor_ua/video/N" (a Cyrillic о) keeps its id and drops the
    handle, its doubt said. The same link as an article's <a href> was an embed of the account "vоenkor_ua", which
    reads as voenkor_ua, with no doubt: a link made to pass for the real account's post, taken as it."""
    from resolver.extract import find_all

    for href, post_id in (("https://www.tiktok.com/@v\u043eenkor_ua/video/7300000000000000000", "7300000000000000000"),
                          ("https://twitter.com/MoInfo_G\u0430za/status/1765000000000000000", "1765000000000000000")):
        [embed] = find_all(f'<html><body><p>Источник: <a href="{href}">видео</a></p></body></html>', "html")[0]
        assert (embed.post_id, embed.author_handle) == (post_id, None), embed
        assert embed.id_doubt and "passes for" in embed.id_doubt, embed
    [real] = find_all('<html><body><p><a href="https://www.tiktok.com/@voenkor_ua/video/7300000000000000000">в</a>'
                      '</p></body></html>', "html")[0]
    assert (real.author_handle, real.id_doubt) == ("voenkor_ua", None), real
