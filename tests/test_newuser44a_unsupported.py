"""A conflict-monitoring analyst's findings (newuser44a), fixed by fixnu44c: VK, Rutube and OK posts and videos and
Telegram invite links were dropped from every output with no word, while the page's Spotify player was said not
supported (#3).

The fixtures are small fictional pages in the services' own embed forms: VK's post widget
`VK.Widgets.Post(element, owner_id, post_id, hash)` (its openapi.js, as AMP's amp-vk documents its
data-owner-id/data-post-id/data-hash), VK's player `vk.com/video_ext.php?oid=&id=&hash=`, Rutube's player
`rutube.ru/play/embed/<32 hex>`, OK's `ok.ru/videoembed/<n>`, Telegram's invite links `t.me/+<hash>` and
`t.me/joinchat/<hash>`."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.test_html_detector import both_searches  # noqa: F401 - a fixture
from tests.test_report import SCHEMA
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import serve

HOSTS = ["t.me", "web.archive.org", "archive.org", "vk.com", "rutube.ru", "ok.ru"]
RUTUBE = "https://rutube.ru/play/embed/0a1b2c3d4e5f60718293a4b5c6d7e8f9"
PAGE = ('<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Видео</title></head><body><article>'
        '<p>Министерство показало запись из сообщества и ролик, удалённые через сутки.</p>'
        '<div id="vk_post_-48151623_2904"></div><script src="https://vk.com/js/api/openapi.js?169"></script>'
        "<script>VK.Widgets.Post(\"vk_post_-48151623_2904\", -48151623, 2904, 'fIcTiOnAlHaSh');</script>"
        '<iframe src="https://vk.com/video_ext.php?oid=-48151623&amp;id=456239017&amp;hash=0f1e2d3c" width="640">'
        f'</iframe><iframe src="{RUTUBE}" allowfullscreen></iframe>'
        '<p>Пост: <a href="https://vk.com/wall-48151623_2904">vk.com/wall-48151623_2904</a>; '
        '<a href="https://ok.ru/videoembed/7788990011">ok.ru</a>. Каналы: <a href="https://t.me/+QwErTyUiOp12AsDf">'
        'чат</a> и <a href="https://t.me/joinchat/AAAAAFicTiOn0001">ещё один</a>.</p></article></body></html>')


@pytest.fixture
def run(fakenet, tmp_path, monkeypatch):
    serve(fakenet, [])
    return cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)


def test_newuser44a_3_vk_rutube_ok_and_invites_are_found_once_each_by_their_ids():
    from resolver.platforms import unsupported

    found = unsupported.found(PAGE)
    assert [(f.service, f.key) for f in found] == [
        ("VK", "wall-48151623_2904"), ("VK", "video-48151623_456239017"), ("Rutube", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"),
        ("OK", "7788990011"), ("Telegram invite", "QwErTyUiOp12AsDf"), ("Telegram invite", "AAAAAFicTiOn0001")]
    assert unsupported.found('<amp-vk data-embedtype="post" data-owner-id="1" data-post-id="45616" '
                             'data-hash="x"></amp-vk>')[0].key == "wall1_45616"
    # none of these is one: a VK profile, a phone number's t.me link, a channel, a post of a channel
    assert unsupported.found("https://vk.com/durov https://t.me/+380501234567 https://t.me/riverwatch "
                             "https://t.me/riverwatch/4521 https://book.ru/video/12") == []


def test_newuser44a_3_they_are_said_not_supported_in_scan_json_and_reports(run, fakenet):
    """`scan` said "0 embeds, 0 credits" and nothing else; the Spotify player beside them got a note."""
    code, out = run("scan", "article.html", article=PAGE)
    assert code == 0, out
    assert "note: 4 posts and videos (VK 2, Rutube 1, OK 1) not checked: VK, Rutube and OK posts and videos" in out
    assert "2 Telegram invite links not checked: an invite link to a chat, not a post; first https://t.me/+QwErTyUiOp12AsDf" \
        in out, out
    code, out = run("scan", "--json", "article.html")
    [said] = [w for w in json.loads(out.splitlines()[0])["warnings"] if w["kind"] == "posts-not-supported"]
    assert (said["count"], said["invites"], said["first"], said["services"]) == (
        4, 2, "https://vk.com/wall-48151623_2904", {"VK": 2, "Rutube": 1, "OK": 1}), said
    code, out = run("report", "--offline", "article.html")
    assert "**Not supported**: 4 posts and videos (VK 2, Rutube 1, OK 1)" in out, out
    code, out = run("report", "--offline", "--format", "json", "article.html")
    report = json.loads(out)
    jsonschema.validate(report, json.loads(SCHEMA.read_text()))
    assert [w["count"] for w in report["article"]["warnings"] if w["kind"] == "posts-not-supported"] == [4]
    code, out = run("report", "--offline", "--format", "html", "article.html")
    assert "<strong>Not supported</strong>: 4 posts and videos" in out
    assert not [h for h in fakenet.hits if h[0] in ("vk.com", "rutube.ru", "ok.ru", "t.me")], fakenet.hits


@pytest.mark.parametrize("url, why", [
    ("https://vk.com/wall-48151623_2904", "VK posts are not supported (no source of VK is read)"),
    ("https://vk.com/video-48151623_456239017", "VK videos are not supported (no source of VK is read)"),
    (RUTUBE, "Rutube videos are not supported (no source of Rutube is read)"),
    ("https://ok.ru/video/7788990011", "OK videos are not supported (no source of OK is read)"),
    ("https://t.me/+QwErTyUiOp12AsDf", "an invite link to a chat, not a post"),
    ("https://t.me/joinchat/AAAAAFicTiOn0001", "an invite link to a chat, not a post"),
], ids=["vk-post", "vk-video", "rutube", "ok", "invite", "joinchat"])
@pytest.mark.parametrize("mapped", [True, False], ids=["mapped", "unmapped"])
def test_newuser44a_3_fetch_of_one_says_why_it_is_not_supported_and_asks_nothing(fakenet, tmp_path, monkeypatch,
                                                                                 url, why, mapped):
    """Mapped, `fetch https://vk.com/wall-…` said "it is no post; if it is an article …"; unmapped (only_configured),
    "error: … the link could not be resolved (unmapped: …)" with exit 0, or "not checked: refused by [origins]"."""
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS if mapped else ["t.me", "web.archive.org"])
    if not mapped:
        (tmp_path / "config.toml").write_text((tmp_path / "config.toml").read_text().replace(
            "[origins]\n", "[origins]\nonly_configured = true\n"))
    said: list[str] = []
    code, out = run("fetch", url, said=said)
    assert code == 1 and said == [f"error: cannot fetch {url}: {why}; nothing was asked"], (code, said)
    code, out = run("fetch", "--json", url)
    assert json.loads(out) == {"source": url, "link": url, "error": f"input: cannot fetch {url}: {why}"}
    assert fakenet.hits == [], fakenet.hits


def test_newuser44a_3_a_scan_finds_them_by_its_needle_pass_or_by_a_search_of_its_own(both_searches, monkeypatch):
    """Where hyperscan's pass over the page found the services' words already, the note is read from there (#14: a
    search of its own was a fifth of a median page's scan); without hyperscan, or on a process's first small pages,
    the page is searched here: the same note either way, and on a page with a t.co link too (its count takes the
    pass's needles after)."""
    from resolver.article import from_bytes
    from resolver.pipeline import scan_article
    from resolver.platforms import unsupported

    if both_searches == "hyperscan":   # the pass's needles alone: a search of its own would find nothing
        monkeypatch.setattr(unsupported, "BROAD", ("no page holds this",))

    padded = PAGE.replace("</article>", '<p><a href="https://t.co/AbCd123">t.co</a></p>' + "<p>Абзац.</p>" * 9000
                          + "</article>")
    result = scan_article(from_bytes(padded.encode(), "story.html"))
    said = {w["kind"]: w for w in result.warnings_json}
    assert (said["posts-not-supported"]["count"], said["posts-not-supported"]["invites"]) == (4, 2), said
    assert said["links-not-followed"]["count"] == 1, said


def test_newuser44a_3_a_page_naming_none_of_them_runs_no_pattern():
    from resolver.platforms import unsupported

    share = ('<a href="https://vk.com/share.php?url=https://example.org/a">VK</a> '
             '<a href="https://t.me/share/url?url=https://example.org/a">Telegram</a> <p>ok.ru</p>')
    assert unsupported.found(share) == [] and unsupported.found(share, frozenset()) == []
