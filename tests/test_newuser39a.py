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


def test_newuser39a_when_cdx_fails_the_availability_api_is_asked_under_the_preview_too(fakenet, store):
    """#1, availability: with CDX failing, the lookup's one source of a capture is the availability API, which was
    asked under the canonical t.me page alone: the preview's capture was not named. It is asked under the post's other
    pages in turn (only then: a CDX answer lists them all), and the report cites the query that named it."""
    from werkzeug.wrappers import Response

    from resolver import provenance
    from resolver.redact import Redactor

    serve(fakenet, [Capture("20240308101500", PREVIEW, b"<html>the preview</html>")])
    fakenet.route("web.archive.org", "/cdx/search/cdx", lambda request: Response("busy", status=503))
    settings = settings_for(fakenet)
    found = looked(settings, store, "https://t.me/warmonitor/4525")
    assert found.error is not None and found.closest is not None, found
    assert found.closest.original == PREVIEW, found.closest
    offline = looked(settings, store, "https://t.me/warmonitor/4525", offline=True)
    assert offline.closest is not None and offline.closest.original == PREVIEW
    cited = provenance.archive_lookups(["https://t.me/warmonitor/4525"], store, Redactor())
    assert [c["url"] for c in cited if c["service"] == "availability"] == ["https://t.me/warmonitor/4525", PREVIEW]


def test_newuser39a_a_report_on_a_telegram_link_names_its_preview_capture(fakenet, reporter):
    serve(fakenet, [Capture("20240308101500", PREVIEW, b"<html>the preview</html>")])
    article = f'<html><body><p>The channel wrote <a href="{PREVIEW}">this</a> and deleted it.</p></body></html>'
    code, out = reporter("report", "--format", "json", "article.html", article=article)
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    text = json.dumps(embed)
    assert "web.archive.org/web/20240308101500/https://t.me/s/warmonitor/4525" in text, text


MARKS = ["\u200f", "\u200e", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
         "\u2069"]
LINKS = [("https://t.me/{m}gazanow_ar/8812", "https://t.me/gazanow_ar/8812", "telegram", "gazanow_ar/8812", "gazanow_ar"),
         ("https://t.me/gazanow_ar/{m}8812", "https://t.me/gazanow_ar/8812", "telegram", "gazanow_ar/8812", "gazanow_ar"),
         ("https://twitter.com/{m}MoInfo_Gaza/status/1765127646213058617",
          "https://twitter.com/MoInfo_Gaza/status/1765127646213058617", "twitter", "1765127646213058617",
          "MoInfo_Gaza"),
         ("https://www.tiktok.com/@{m}voenkor_ua/video/7301234567890123456",
          "https://www.tiktok.com/@voenkor_ua/video/7301234567890123456", "tiktok", "7301234567890123456",
          "voenkor_ua")]


@pytest.mark.parametrize("mark", MARKS)
@pytest.mark.parametrize("written, url, platform, post_id, handle", LINKS)
def test_newuser39a_a_direction_mark_inside_a_link_is_no_part_of_it(mark, written, url, platform, post_id, handle):
    """#2: scraped right-to-left text carries direction marks (U+200F, U+200E, the embeddings, overrides and isolates,
    the Arabic letter mark); one inside a link lost a Telegram post with no word, dropped an X post's handle, and made
    a TikTok handle of "\\u200fvoenkor_ua" that failed the author check against "voenkor_ua". No URL holds one: the
    link is read without it (as a zero-width space is), its span is where it is written, mark and all."""
    from resolver.extract.text import find_embeds

    link = written.format(m=mark)
    for text in (f"see {link} then", f"نشرت القناة: {link}، ثم حذفته.", f"כתב הערוץ {link}{mark} ואז"):
        embeds = [e for e in find_embeds(text) if e.platform == platform]
        assert len(embeds) == 1, (text, embeds)
        [embed] = embeds
        assert embed.post_id == post_id and embed.author_handle == handle, (text, embed)
        assert mark not in embed.url and embed.url.replace("www.", "") == url.replace("www.", ""), embed.url
        assert text[embed.span[0]:embed.span[1]].replace(mark, "").startswith(url.replace("{m}", "")), embed.span
        assert link in text[embed.span[0]:embed.span[1]], (text[embed.span[0]:embed.span[1]], link)


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u2067", "%E2%80%8F", "%e2%80%8e", "%E2%81%A9"])
@pytest.mark.parametrize("written, url, platform, post_id, handle", LINKS)
def test_newuser39a_a_direction_mark_in_a_link_of_a_page_is_no_part_of_it(mark, written, url, platform, post_id,
                                                                         handle):
    """#2 in markup: a mark in an anchor's href or an embed code's cite, written or escaped (as a browser's copy of
    the link escapes it), named no post (Telegram), no handle (X) or a handle with the mark in it (TikTok)."""
    from resolver.extract import find_all

    link = written.format(m=mark)
    page = f'<html><body><p dir="rtl">نشرت القناة <a href="{link}">هذا المنشور</a> ثم حذفته.</p></body></html>'
    [embed] = [e for e in find_all(page, "html")[0] if e.platform == platform]
    assert (embed.post_id, embed.author_handle) == (post_id, handle), embed
    assert embed.url.replace("www.", "") == url.replace("www.", ""), embed.url
    assert page[embed.span[0]:embed.span[1]].startswith(f'<a href="{link}">'), embed.span


DISGUISED = [
    ("https://t.me/w\u0430rmonitor/4521", "telegram", None,
     "its link names the account w\u0430rmonitor (CYRILLIC SMALL LETTER A U+0430 in place of a), which passes for "
     "warmonitor: no Telegram account is spelt so"),
    ("https://t.m\u0435/warmonitor/4530", "telegram", None,
     "its link goes to t.m\u0435 (CYRILLIC SMALL LETTER IE U+0435 in place of e): not a Telegram address"),
    ("https://tw\u0456tter.com/jack/status/20", "twitter", None,
     "its link goes to tw\u0456tter.com (CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I U+0456 in place of i): not an "
     "X address"),
    ("https://twltter.com/jack/status/20", "twitter", None,
     "its link goes to twltter.com (one letter off twitter.com): not an X address"),
    ("https://twitter.com/MoInfo_G\u0430za/status/1765127646213058617", "twitter", "1765127646213058617",
     "its link names the account MoInfo_G\u0430za (CYRILLIC SMALL LETTER A U+0430 in place of a), which passes for "
     "MoInfo_Gaza: no X account is spelt so; the post is read by its id, not as MoInfo_Gaza's"),
    ("https://www.tiktok.com/@v\u043eenkor_ua/video/7301234567890123456", "tiktok", "7301234567890123456",
     "its link names the account v\u043eenkor_ua (CYRILLIC SMALL LETTER O U+043E in place of o), which passes for "
     "voenkor_ua: no TikTok account is spelt so; the post is read by its id, not as voenkor_ua's"),
]


@pytest.mark.parametrize("link, platform, post_id, doubt", DISGUISED)
def test_newuser39a_a_lookalike_link_in_text_is_said_never_read_as_the_real_accounts_post(link, platform, post_id,
                                                                                         doubt):
    """#6: a link written with letters of another script to pass for a channel's or an account's post (t.m<е>,
    tw<і>tter.com, t.me/w<а>rmonitor, twitter.com/MoInfo_G<а>za) vanished with no word, or was read as the post with
    no handle. A deceptive link is a finding: it is an embed whose doubt names the letters, with no post of the real
    account (an X or TikTok link keeps the id it names, X and TikTok show a post by its id, and no handle)."""
    from resolver.extract.text import find_embeds

    text = f"Канал опубликовал: {link} — пост министерства."
    [embed] = find_embeds(text)
    assert (embed.platform, embed.post_id, embed.author_handle, embed.id_doubt) == (platform, post_id, None, doubt)
    assert text[embed.span[0]:embed.span[1]] == link
    # the real links, and names all in another script, are no disguise
    for real in ("https://t.me/warmonitor/4521", "https://twitter.com/jack/status/20",
                 "https://ru.wikipedia.org/wiki/Москва", "https://www.facebook.com/Москва/posts/123"):
        assert all(e.id_doubt is None for e in find_embeds(f"см. {real} — пост")), real


def test_newuser39a_a_report_says_a_lookalike_link_in_json_and_markdown(reporter):
    text = ("Канал опубликовал: https://t.me/w\u0430rmonitor/4521 и ещё https://t.m\u0435/warmonitor/4530 .\n")
    code, out = reporter("report", "--offline", "--format", "json", "a.txt", article=text, name="a.txt")
    assert code in (0, 3), out
    embeds = json.loads(out)["embeds"]
    assert [e["id_doubt"] for e in embeds] == [DISGUISED[0][3], DISGUISED[1][3]], embeds
    assert all(e["post_id"] is None for e in embeds)
    code, out = reporter("report", "--offline", "a.txt")
    assert DISGUISED[0][3] in out and DISGUISED[1][3] in out, out


def test_newuser39a_a_private_channels_post_is_never_submitted_to_save_page_now(fakenet, reporter, tmp_path, monkeypatch):
    """#11: `archive --save https://t.me/c/<chat>/<n>` (a private channel's post) was submitted to Save Page Now,
    though the tool reads it as private: the archive can capture only Telegram's login page, and the submission hands
    the link to a public archive. The save is refused and says why (JSON and the view for people); a public post's
    save still goes."""
    from cache import Store
    from tests import waybacknet
    from tests.fakenet import page

    private, public = "https://t.me/c/1789456123/977", "https://t.me/warmonitor/4525"
    for path in ("/c/1789456123/977", "/warmonitor/4525"):
        fakenet.route("t.me", path, page("<html>Telegram</html>"))
    waybacknet.serve(fakenet, [])
    submitted = waybacknet.serve_save_page_now(fakenet)
    monkeypatch.setenv("IA_ACCESS_KEY", "k-ia-access")
    monkeypatch.setenv("IA_SECRET_KEY", "s-ia-secret")
    code, out = reporter("archive", "--save", "--json", private, public)
    again, shown = reporter("archive", "--save", private)
    assert (code, again) == (0, 0), out + shown
    assert submitted == [public]
    results = {r["url"]: r for r in map(json.loads, out.splitlines())}
    refusal = ("not saved: a private Telegram channel's post, which only its members can open: the archive would "
               "capture a login page, and submitting it would hand the link to a public archive")
    assert (results[private]["saved"]["status"], results[private]["saved"]["message"]) == ("refused", refusal)
    assert results[public]["saved"]["status"] != "refused"
    assert refusal in " ".join(shown.split())
    assert [r["url"] for r in Store(tmp_path / "c.db").db["saves"].rows] == [public]


def test_newuser39a_a_direction_mark_in_an_embed_codes_date_link_is_no_part_of_it():
    """#2 in an X embed code: its date link, read by X's own parser, lost the handle to a mark (the post's URL was
    /i/status/<id>, a URL the page never held)."""
    from resolver.extract import find_all

    page = ('<blockquote class="twitter-tweet"><p lang="ar" dir="rtl">نص المنشور</p>&mdash; Gaza (@MoInfo_Gaza) <a href='
            '"https://twitter.com/\u200fMoInfo_Gaza/status/1765127646213058617?ref_src=twsrc%5Etfw">March 5, 2024</a>'
            '</blockquote>')
    [embed] = find_all(page, "html")[0]
    assert (embed.url, embed.author_handle, embed.date) == (
        "https://twitter.com/MoInfo_Gaza/status/1765127646213058617", "MoInfo_Gaza", "2024-03-05")


def test_newuser39a_the_scan_table_shows_where_a_video_link_starts(reporter):
    """#11, second part: a YouTube link's start time (`?t=1h2m3s`, `#t=95`) was kept (`start_seconds`) and said by the
    reports, but not by the scan's table, where the link was shown as the video's URL alone."""
    text = "Видео: https://youtu.be/dQw4w9WgXcQ?t=1h2m3s и https://www.youtube.com/watch?v=ZyXwVuTsRqP#t=95 и ещё\n"
    code, out = reporter("scan", "--offline", "a.txt", article=text, name="a.txt")
    assert code == 0, out
    flat = " ".join(out.split())
    assert "https://www.youtube.com/watch?v=dQw4w9WgXcQ at 1:02:03" in flat, out
    assert "https://www.youtube.com/watch?v=ZyXwVuTsRqP at 1:35" in flat, out
