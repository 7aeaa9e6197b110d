"""An article's own form of a post's URL (newuser44c #9, fixnu45f's "left"): a TikTok photo post's
`tiktok.com/@user/photo/<id>` and an Instagram `/reel/<code>/`, `/reels/<code>/`, `/tv/<code>/` were shown in scan,
JSON, Markdown and HTML only in the tool's canonical form (`/video/<id>`, `/p/<code>/`), a URL the article never
wrote, so a reader could not find the article's link in the report. The canonical URL still matches and merges
(`url`); the article's form is `shown_url`, shown beside it, and the archive is asked for it first."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from resolver import report
from resolver.cli import cli
from resolver.extract import find_all
from resolver.fetch import oembed, wayback

PHOTO = "7301234567890123456"
CODE = "CxYz_Ab-9Kq"


def _one(html: str, platform: str):
    [embed] = [e for e in find_all(f"<html><body><article>{html}</article></body></html>", "html")[0]
               if e.platform == platform]
    return embed


@pytest.mark.parametrize("written, shown, canonical", [
    (f"https://www.tiktok.com/@jo_fict/photo/{PHOTO}?lang=en", f"https://www.tiktok.com/@jo_fict/photo/{PHOTO}",
     f"https://www.tiktok.com/@jo_fict/video/{PHOTO}"),
    (f"https://www.instagram.com/reel/{CODE}/?igsh=x", f"https://www.instagram.com/reel/{CODE}/",
     f"https://www.instagram.com/p/{CODE}/"),
    (f"https://instagram.com/reels/{CODE}", f"https://www.instagram.com/reels/{CODE}/",
     f"https://www.instagram.com/p/{CODE}/"),
    (f"https://www.instagram.com/tv/{CODE}/", f"https://www.instagram.com/tv/{CODE}/",
     f"https://www.instagram.com/p/{CODE}/"),
    (f"https://www.instagram.com/Mira.Vale/reel/{CODE}/embed/", f"https://www.instagram.com/Mira.Vale/reel/{CODE}/",
     f"https://www.instagram.com/p/{CODE}/"),
], ids=["tiktok-photo", "reel", "reels", "tv", "account-reel"])
def test_the_articles_form_is_kept_apart_from_the_canonical_url(written, shown, canonical):
    platform = "tiktok" if "tiktok" in written else "instagram"
    embed = _one(f'<p>See <a href="{written}">the post</a>.</p>', platform)
    assert (embed.url, embed.shown_url) == (canonical, shown)
    assert embed.to_json()["shown_url"] == shown
    text = [e for e in find_all(f"Watch it: {written} now.", "text")[0] if e.platform == platform]
    assert [(e.url, e.shown_url) for e in text] == [(canonical, shown)]


def test_an_embed_code_of_a_reel_keeps_its_form():
    embed = _one(f'<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/reel/{CODE}/'
                 f'?utm_source=ig_embed" data-instgrm-version="14"><a href="https://www.instagram.com/reel/{CODE}/">'
                 "View this post on Instagram</a></blockquote>", "instagram")
    assert (embed.url, embed.shown_url) == (f"https://www.instagram.com/p/{CODE}/",
                                            f"https://www.instagram.com/reel/{CODE}/")


@pytest.mark.parametrize("written", [f"https://www.tiktok.com/@jo_fict/video/{PHOTO}",
                                     f"https://www.instagram.com/p/{CODE}/"])
def test_a_link_in_the_canonical_form_has_no_shown_form_of_its_own(written):
    embed = _one(f'<p><a href="{written}">the post</a></p>', "tiktok" if "tiktok" in written else "instagram")
    assert embed.url == written and embed.shown_url is None and embed.to_json()["shown_url"] is None


def test_scan_and_the_reports_show_the_articles_form(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(f'<html><body><article><p>Her photos: <a href="https://www.tiktok.com/@jo_fict/photo/{PHOTO}">'
                    f'TikTok</a>; the reel: <a href="https://www.instagram.com/reel/{CODE}/">Instagram</a></p>'
                    "</article></body></html>", encoding="utf-8")
    db = str(tmp_path / "x.db")
    runner = CliRunner(env={"COLUMNS": "250"})
    table = runner.invoke(cli, ["--db", db, "scan", str(page)], catch_exceptions=False).output
    assert f"/@jo_fict/photo/{PHOTO}" in table and f"/reel/{CODE}/" in table, table
    data = json.loads(runner.invoke(cli, ["--db", db, "report", "--offline", "--format", "json", str(page)],
                                    catch_exceptions=False).output)
    assert [(e["url"], e["shown_url"]) for e in data["embeds"]] == [
        (f"https://www.tiktok.com/@jo_fict/video/{PHOTO}", f"https://www.tiktok.com/@jo_fict/photo/{PHOTO}"),
        (f"https://www.instagram.com/p/{CODE}/", f"https://www.instagram.com/reel/{CODE}/")]
    for text in (report.markdown(data), report.html_page(data)):
        assert f"https://www.tiktok.com/@jo_fict/photo/{PHOTO}" in text
        assert f"https://www.instagram.com/reel/{CODE}/" in text


def test_the_archive_is_asked_the_articles_form_first():
    shown = f"https://www.tiktok.com/@jo_fict/photo/{PHOTO}"
    assert wayback.capture_queries(PHOTO, ["jo_fict"], "tiktok", shown=shown) == [
        f"www.tiktok.com/@jo_fict/photo/{PHOTO}", f"www.tiktok.com/@jo_fict/video/{PHOTO}"]
    assert wayback.capture_queries(CODE, [], "instagram", shown=f"https://www.instagram.com/tv/{CODE}/") == [
        f"www.instagram.com/tv/{CODE}/", f"www.instagram.com/p/{CODE}/", f"www.instagram.com/reel/{CODE}/"]
    # a form the canonical lists hold already is asked once, in its place
    assert wayback.capture_queries(CODE, [], "instagram", shown=f"https://www.instagram.com/reel/{CODE}/") == [
        f"www.instagram.com/reel/{CODE}/", f"www.instagram.com/p/{CODE}/"]
    assert wayback.looked_under(PHOTO, ["jo_fict"], platform="tiktok", shown=shown) == (
        shown, f"https://www.tiktok.com/@jo_fict/video/{PHOTO}")


@pytest.mark.parametrize("shown, asked", [
    (f"https://www.instagram.com/reel/{CODE}/", f"https://www.instagram.com/reel/{CODE}/"),
    (f"https://www.instagram.com/tv/{CODE}/", f"https://www.instagram.com/tv/{CODE}/"),
    (f"https://www.instagram.com/reels/{CODE}/", f"https://www.instagram.com/p/{CODE}/"),   # not in the schemes
    (None, f"https://www.instagram.com/p/{CODE}/"),
    (f"https://www.instagram.com/mira/reel/{CODE}/", f"https://www.instagram.com/p/{CODE}/"),   # only */p/* listed
])
def test_instagram_oembed_is_asked_in_a_form_its_schemes_list(shown, asked):
    assert oembed.asked_url("instagram", f"https://www.instagram.com/p/{CODE}/", shown) == asked


def test_tiktok_oembed_is_asked_the_video_form_for_a_photo_post():
    # nothing says TikTok's oEmbed answers /photo/: its schemes list /video/
    video = f"https://www.tiktok.com/@jo_fict/video/{PHOTO}"
    assert oembed.asked_url("tiktok", video, f"https://www.tiktok.com/@jo_fict/photo/{PHOTO}") == video


def test_an_igtv_post_gone_from_instagram_is_asked_as_tv_and_found_in_its_archived_tv_page(fakenet, tmp_path,
                                                                                           monkeypatch):
    """The article embeds an IGTV post (/tv/<code>/), now private: Instagram's oEmbed is asked with the /tv/ form its
    schemes list, and the post's one capture, filed under /tv/ (no canonical form names it), is found and read."""
    from urllib.parse import parse_qs, urlsplit

    from tests.test_fetch import json_page
    from tests.test_instagram_captures45 import CAPTION, CODE as GONE, GRAPH_100, HOSTS, shared
    from tests.test_verdicts import cli_on_fakenet
    from tests.waybacknet import Capture, serve

    tv = f"https://www.instagram.com/tv/{GONE}/"
    monkeypatch.delenv("META_ACCESS_TOKEN", raising=False)
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed", json_page(GRAPH_100, 400))
    serve(fakenet, [Capture("20230402093000", tv, shared())])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    article = (f'<html><body><article><h1>A video pulled</h1><p>The café has since made it private.</p>'
               f'<blockquote class="instagram-media" data-instgrm-permalink="{tv}?utm_source=ig_embed" '
               f'data-instgrm-version="14"><a href="{tv}">A post shared by Harbour (@harbour_cafe_fict)</a>'
               f'</blockquote></article></body></html>')
    code, out = run("scan", "--fetch", "--json", "a.html", article=article, name="a.html")
    asked = [parse_qs(urlsplit(path).query)["url"] for host, path in fakenet.hits if host == "graph.facebook.com"]
    assert asked == [[tv]], fakenet.hits
    [post] = json.loads(out)["posts"]
    assert [c["text"] for c in post["archived"]] == [CAPTION], post["archived"]
    code, md = run("report", "--offline", "a.html")
    assert f"<{tv}> (read as <https://www.instagram.com/p/{GONE}/>)" in md, md
    code, out = run("stats", "--json")
    at_risk = [json.loads(line) for line in out.splitlines() if line.startswith('{"view": "at_risk_embeds"')]
    assert not [row for row in at_risk if row["post_id"] == GONE], at_risk


def test_a_removed_tiktok_photo_post_is_found_under_its_photo_page_and_not_listed_at_risk(fakenet, tmp_path,
                                                                                        monkeypatch):
    """The article links a photo post's /photo/ page, gone from TikTok; its one capture is filed under /photo/, which
    no canonical /video/ form names: asked first, read, shown with the article's form, and counted by `stats`."""
    from urllib.parse import parse_qs, urlsplit

    from tests.test_tiktok_captures import CAPTION as SAID, HANDLE, HOSTS, VIDEO as GONE, _video_gone, universal
    from tests.test_verdicts import cli_on_fakenet
    from tests.waybacknet import Capture, serve

    photo = f"https://www.tiktok.com/@{HANDLE}/photo/{GONE}"
    _video_gone(fakenet)
    serve(fakenet, [Capture("20231201093000", photo, universal(og_url=photo))])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    article = f'<html><body><p>The department posted <a href="{photo}">photos of the breach</a>.</p></body></html>'
    code, out = run("scan", "--fetch", "--json", "a.html", article=article, name="a.html")
    [post] = json.loads(out)["posts"]
    assert [(c["original"], c["text"]) for c in post["archived"]] == [(photo, SAID)], post["archived"]
    cdx = [parse_qs(urlsplit(path).query)["url"][0] for host, path in fakenet.hits
           if host == "web.archive.org" and path.startswith("/cdx")]
    assert cdx[0] == f"www.tiktok.com/@{HANDLE}/photo/{GONE}", cdx   # the article's form asked first
    code, md = run("report", "--offline", "a.html")
    assert f"<{photo}> (read as <https://www.tiktok.com/@{HANDLE}/video/{GONE}>)" in md, md
    code, out = run("stats", "--json")
    at_risk = [json.loads(line) for line in out.splitlines() if line.startswith('{"view": "at_risk_embeds"')]
    assert not [row for row in at_risk if row["post_id"] == GONE], at_risk
