"""A removed or private Instagram post an article embeds, recovered from its archived page (newuser44c #5): before,
Meta's oEmbed answered its error 100 and the post's Wayback captures were listed and never read ("1 snapshot(s), not
read: whether it holds the post is not known"); now they are read as a TikTok video's are: the caption, the account
and the time, taken from a capture whose page names THAT post's code (og:url, canonical, the page's data), never
from the login page Instagram serves to logged-out clients, an account's page, another post's page (a code of
another case included: CDX files both under one lower-case key) or the "page isn't available" page.

The fixtures are small fictional pages in the shapes instagram.com served (resolver/fetch/instagram_pages.py):
`window._sharedData`'s PostPage (its graphql `shortcode_media`, and the older `media`), and the head alone
(og:title "NAME on Instagram: “…”", og:description "N Likes, N Comments - NAME (@user) on Instagram: “…”" and the
later "N likes, N comments - user on Month D, YYYY: "…".")."""

from __future__ import annotations

import json
from html import escape

import pytest

from resolver.fetch import instagram_pages, wayback
from tests.test_fetch import json_page
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import Capture, serve

HOSTS = ["graph.facebook.com", "web.archive.org", "archive.org"]
CODE = "CqRsTuVwXyZ"          # minted 2023-03-27T02:58:17Z
OTHER_CASE = "cqRsTuVwXyZ"
HANDLE = "harbour_cafe_fict"
NAME = "Harbour Café"
CAPTION = "secret menu 🤫 back for one week only #foodie"
PAGE = f"https://www.instagram.com/p/{CODE}/"
TAKEN = 1679907600            # 2023-03-27T09:00:00Z


def head(*, og_url: str | None = PAGE, title: str | None = None, description: str | None = None,
         extra: str = "") -> bytes:
    tags = "".join(f'<meta property="{p}" content="{escape(v)}">' for p, v in
                   (("og:title", title), ("og:description", description), ("og:url", og_url)) if v is not None)
    return (f'<!DOCTYPE html><html lang="en"><head><title>Instagram</title>{tags}'
            f'{f"<link rel=canonical href={og_url}>" if og_url else ""}</head><body>{extra}</body></html>').encode()


def shared(code: str = CODE, *, old: bool = False, caption: str | None = CAPTION, og_url: str | None = PAGE) -> bytes:
    owner = {"id": "5550001", "username": HANDLE, "full_name": NAME}
    if old:
        media: dict = {"code": code, "caption": caption, "date": TAKEN, "owner": owner}
        post = {"media": media}
    else:
        edges = [{"node": {"text": caption}}] if caption is not None else []
        media = {"shortcode": code, "edge_media_to_caption": {"edges": edges}, "taken_at_timestamp": TAKEN,
                 "owner": owner}
        post = {"graphql": {"shortcode_media": media}}
    data = {"config": {"viewer": None}, "entry_data": {"PostPage": [post]}}
    script = f"<script type=\"text/javascript\">window._sharedData = {json.dumps(data)};</script>"
    return head(og_url=og_url, title=f"{NAME} on Instagram: “{caption}”", extra=script)


CLASSIC = head(title=f"{NAME} on Instagram: “{CAPTION}”",
               description=f"1,024 Likes, 37 Comments - {NAME} (@{HANDLE}) on Instagram: “{CAPTION}”")
DATED = head(title=f'{NAME} on Instagram: "secret menu 🤫 back for one week"',   # the later title, cut
             description=f'1,024 likes, 37 comments - {HANDLE} on March 27, 2023: "{CAPTION}". ')
LOGIN = head(og_url="https://instagram.com/", title="Instagram",
             description="Create an account or log in to Instagram - A simple, fun & creative way to capture, edit & "
                         "share photos, videos & messages with friends & family.")
LOGIN_IN_PLACE = head(title="Instagram", description="Create an account or log in to Instagram - A simple, fun & "
                                                     "creative way to capture, edit & share photos.")
PROFILE = head(og_url=f"https://www.instagram.com/{HANDLE}/", title=f"{NAME} (@{HANDLE}) • Instagram photos and videos",
               description=f"5,120 Followers, 301 Following, 880 Posts - See Instagram photos and videos from {NAME} "
                           f"(@{HANDLE})")
GONE = (b'<!DOCTYPE html><html><head><title>Page Not Found &bull; Instagram</title></head><body><h2>Sorry, this page '
        b"isn't available.</h2><p>The link you followed may be broken, or the page may have been removed.</p></body>"
        b"</html>")


def read(body: bytes, status: int = 200):
    return instagram_pages.read_capture(CODE, status, "text/html; charset=utf-8", body, "wayback", PAGE)


@pytest.mark.parametrize("body, form, handle, name, created", [
    (shared(), "shared-data", HANDLE, NAME, "2023-03-27T09:00:00Z"),
    (shared(old=True), "shared-data", HANDLE, NAME, "2023-03-27T09:00:00Z"),
    (CLASSIC, "page-head", HANDLE, NAME, None),
    (DATED, "page-head", HANDLE, NAME, None),
], ids=["graphql", "media", "classic-head", "dated-head"])
def test_a_capture_of_the_posts_page_gives_its_caption_account_and_time(body, form, handle, name, created):
    record, got_form, notes = read(body)
    assert (record.status, got_form, record.text) == ("available", form, CAPTION), (record, notes)
    assert (record.author_handle, record.author_name, record.created_at, record.url) == (handle, name, created, PAGE)
    if body is DATED:   # its day is in no time zone: said, no date taken
        assert notes == ("the page gives the day it was posted, March 27, 2023, with no time or time zone: no date is "
                         "taken from it",), notes


def test_a_head_caption_cut_short_is_taken_as_its_opening_words_and_said_so():
    record, form, notes = read(head(title=f'{NAME} on Instagram: "secret menu 🤫 back for one'))
    assert (record.status, record.text, record.author_name) == ("available", "secret menu 🤫 back for one…", NAME)
    assert notes == (instagram_pages.CUT,), notes


@pytest.mark.parametrize("body, said", [
    (LOGIN, f"the capture shows {instagram_pages.LOGIN_WALL}, not the post"),
    (LOGIN_IN_PLACE, f"the capture shows {instagram_pages.LOGIN_WALL}, not the post"),
    (head(og_url=PAGE, title="Instagram", description="Create an account or log in to Instagram - A simple way."),
     f"the capture shows {instagram_pages.LOGIN_WALL}, not the post"),
    (PROFILE, f"the capture shows the account page https://www.instagram.com/{HANDLE}/, not the post"),
    (GONE, "the capture shows Instagram's “Sorry, this page isn't available.” page, not the post"),
    (shared(OTHER_CASE, og_url=f"https://www.instagram.com/p/{OTHER_CASE}/"),
     f"the captured page is the post {OTHER_CASE} (https://www.instagram.com/p/{OTHER_CASE}/), not this one"),
    (head(og_url=None, title=f"{NAME} on Instagram: “{CAPTION}”"),
     "the capture shows a page that does not name the post (its title: “Instagram”), not the post"),
], ids=["login-home", "login-in-place", "login-naming-post", "profile", "not-available", "other-case", "unnamed"])
def test_a_capture_of_another_page_is_never_taken_as_the_post(body, said):
    record, form, notes = read(body)
    assert (record.status, record.reason, record.text, record.author_name) == ("unknown", said, None, None), record


def test_a_capture_made_before_the_posts_code_was_minted_shows_nothing_of_it():
    reading = wayback.read(CODE, 200, "text/html", CLASSIC, PAGE, "instagram")
    early = wayback._not_before_its_id(CODE, "20230301000000", reading, "instagram")
    assert (early.record.status, early.record.text, early.record.author_handle) == ("unknown", None, None)
    assert "before the post's id CqRsTuVwXyZ was minted (2023-03-27T02:58:17Z)" in early.record.reason, early.record
    assert wayback._not_before_its_id(CODE, "20230401000000", reading, "instagram").record.text == CAPTION


def test_an_instagram_code_is_told_from_a_youtube_id_by_its_platform():
    assert wayback.capture_queries(CODE, [HANDLE], "instagram") == [f"www.instagram.com/p/{CODE}/",
                                                                    f"www.instagram.com/reel/{CODE}/"]
    assert wayback._names_post(f"https://www.instagram.com/{HANDLE}/p/{CODE}/?hl=en", CODE, "instagram")
    assert not wayback._names_post(f"https://www.instagram.com/p/{OTHER_CASE}/", CODE, "instagram")
    assert wayback.read(CODE, 200, "text/html", CLASSIC, PAGE, "youtube").record.platform == "youtube"


GRAPH_100 = {"error": {"message": "(#100) The requested resource does not exist", "type": "OAuthException",
                       "code": 100, "fbtrace_id": "AfictionalTrace45b"}}
ARTICLE = (f'<html><body><article><h1>Café pulls its post</h1><p>The café has since made the post private.</p>'
           f'<blockquote class="instagram-media" data-instgrm-permalink="{PAGE}?utm_source=ig_embed" '
           f'data-instgrm-version="14"><a href="{PAGE}?utm_source=ig_embed">A post shared by {NAME} (@{HANDLE})</a>'
           f'</blockquote></article></body></html>')


def test_a_private_instagram_post_is_recovered_from_its_archived_page(fakenet, tmp_path, monkeypatch):
    """Graph answers its error 100; the post's page was captured twice: as the login page Instagram served a logged-out
    crawler, then as the post. The second is read, cited with its time and URL in scan, fetch and every report; the
    login page is said to hold no post, its words never the caption."""
    monkeypatch.delenv("META_ACCESS_TOKEN", raising=False)
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed", json_page(GRAPH_100, 400))
    serve(fakenet, [Capture("20230401080000", PAGE, LOGIN_IN_PLACE), Capture("20230402093000", PAGE, CLASSIC)])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    [post] = json.loads(out)["posts"]
    said = [(c["captured_at"], c["status"], c["text"], c["author"]) for c in post["archived"]]
    assert said == [("2023-04-01T08:00:00Z", "unknown", None, {"handle": None, "name": None, "id": None}),
                    ("2023-04-02T09:30:00Z", "archived-copy", CAPTION, {"handle": HANDLE, "name": NAME, "id": None})], said
    hits = len(fakenet.hits)
    code, md = run("report", "--offline", "a.html")
    assert len(fakenet.hits) == hits
    assert "not read: whether" not in md, md
    assert f"| Archived text | — | {CAPTION} | wayback capture of 2023-04-02T09:30:00Z (page head tags only)" in md, md
    assert f"(the capture shows {instagram_pages.LOGIN_WALL}, not the post)" in md, md
    assert "✅ pass **archived-copy**" in md, md
    code, html = run("report", "--offline", "--format", "html", "a.html")
    assert escape(CAPTION, quote=False) in html and "20230402093000id_/" + PAGE in html
    code, out = run("report", "--offline", "--format", "json", "a.html")
    [embed] = json.loads(out)["embeds"]
    assert {c["name"]: c["result"] for c in embed["checks"]}["archived-copy"] == "pass", embed["checks"]
    code, text = run("fetch", "--offline", PAGE)
    assert "1 archived copy read, latest 2023-04-02T09:30:00Z" in text, text
    code, out = run("fetch", "--offline", "--json", PAGE)
    assert [c["text"] for c in json.loads(out)["archived"]] == [None, CAPTION], out
    code, out = run("stats", "--json")   # the copy counted: the post is not at risk
    at_risk = [json.loads(line) for line in out.splitlines() if line.startswith('{"view": "at_risk_embeds"')]
    assert not [row for row in at_risk if row["post_id"] == CODE], at_risk


def test_a_private_instagram_post_whose_only_capture_is_the_login_page_stays_at_risk(fakenet, tmp_path, monkeypatch):
    monkeypatch.delenv("META_ACCESS_TOKEN", raising=False)
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed", json_page(GRAPH_100, 400))
    serve(fakenet, [Capture("20230401080000", f"{PAGE}?utm_source=ig_web_copy_link", LOGIN)])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    code, md = run("report", "--offline", "a.html")
    assert "| Archived text |" not in md and "Create an account" not in md, md
    assert f"(the capture shows {instagram_pages.LOGIN_WALL}, not the post)" in md, md
    code, out = run("stats", "--json")
    at_risk = [json.loads(line) for line in out.splitlines() if line.startswith('{"view": "at_risk_embeds"')]
    assert [row["post_id"] for row in at_risk] == [CODE], at_risk


def quoted_above_a_private_post(fakenet, tmp_path, monkeypatch, capture_page: bytes, quoted: str):
    """(the CLI runner, the report's embed) of the article quoting `quoted` above the embed of a post now private
    (Graph's error 100), whose one capture is `capture_page`: scanned with --fetch, then reported offline in JSON."""
    monkeypatch.delenv("META_ACCESS_TOKEN", raising=False)
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed", json_page(GRAPH_100, 400))
    serve(fakenet, [Capture("20230402093000", PAGE, capture_page)])
    article = ARTICLE.replace("<p>The café has since made the post private.</p>",
                              f"<p>The café announced it on Instagram, writing: “{quoted}”</p>")
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    run("scan", "--fetch", "--json", "a.html", article=article, name="a.html")
    code, out = run("report", "--offline", "--format", "json", "a.html")
    [embed] = json.loads(out)["embeds"]
    return run, embed


@pytest.mark.parametrize("quoted, result, said", [
    (CAPTION, "pass", "per the capture of 2023-04-02T09:30:00Z"),
    (CAPTION.replace("one week", "two weeks"), "warn", "per the capture of 2023-04-02T09:30:00Z"),
], ids=["same", "changed"])
def test_a_quote_above_a_private_posts_embed_is_compared_with_its_archived_caption(fakenet, tmp_path, monkeypatch,
                                                                                   quoted, result, said):
    """newuser44c #3 with #5: the article quotes the caption in the paragraph above the embed code ("…, writing:
    “…”"); the post is private now, and its capture holds the caption: the quote is compared with it, and a changed
    word warns (only the layout ties the quote to the embed), never passes."""
    _, embed = quoted_above_a_private_post(fakenet, tmp_path, monkeypatch, CLASSIC, quoted)
    text = {c["name"]: c for c in embed["checks"]}["text"]
    assert text["result"] == result and said in text["evidence"], text


def test_a_report_of_a_copy_read_from_the_pages_data_meets_its_schema(fakenet, tmp_path, monkeypatch):
    """The JSON report's capture `form` is an enum: the page-data form ("shared-data") is in it, as the other readers'
    forms (TikTok's "universal-data", Telegram's "widget", …) are now; a report of such a copy failed its own schema."""
    import jsonschema

    from tests.test_video_checks41 import SCHEMA

    monkeypatch.delenv("META_ACCESS_TOKEN", raising=False)
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed", json_page(GRAPH_100, 400))
    serve(fakenet, [Capture("20230402093000", PAGE, shared())])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    code, out = run("report", "--offline", "--format", "json", "a.html")
    report = json.loads(out)
    assert [c["form"] for c in report["embeds"][0]["post"]["archived"]] == ["shared-data"], report["embeds"][0]
    jsonschema.validate(report, json.loads(SCHEMA.read_text()))
