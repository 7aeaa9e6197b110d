"""Weibo's posts (late47c): an article embedding or linking one said nothing of it ("0 embeds"), and `fetch` of one
said "it is no post". Fixtures are small fictional pages in Weibo's URL forms: a post's page
`weibo.com/<uid>/<mid>` (its mid in base 62), `weibo.com/detail/<id>`, `m.weibo.cn/status/<id>` and
`m.weibo.cn/detail/<id>`, and a `widget.weibo.com` iframe naming a post's page in its query."""

from __future__ import annotations

import json

import pytest

from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import serve

# "z0JH2lOMb" in base 62 is the post 3501756485200075 (the pair Weibo's own pages show for one post: each 4 characters
# from the right are 7 digits); the user is invented
POST = "https://weibo.com/5812345670/z0JH2lOMb"
WEIBO_PAGE = (
    '<!doctype html><html><head><title>Singer answers critics</title></head><body><article>'
    '<p>The singer answered her critics on Weibo within the hour.</p>'
    '<iframe src="https://widget.weibo.com/card/index.php?url=https%3A%2F%2Fweibo.com%2F5812345670%2Fz0JH2lOMb'
    '&amp;width=500" width="500" height="420"></iframe>'
    f'<p>Her <a href="{POST}">post</a> (<a href="https://m.weibo.cn/detail/3501756485200075">mobile</a>) was shared '
    'widely; her label replied in <a href="https://m.weibo.cn/status/4901234567890123">a post</a> and a fan club in '
    '<a href="https://www.weibo.com/detail/4912345678901234?type=comment">another</a>.</p>'
    '<p>Follow her: <a href="https://weibo.com/u/5812345670">weibo.com/u/5812345670</a>, '
    '<a href="https://weibo.com/5812345670/followers">followers</a>, '
    '<a href="https://service.weibo.com/share/share.php?url=https%3A%2F%2Fnews.example%2Fa">share</a>.</p>'
    '<iframe src="https://widget.weibo.com/weiboshow/index.php?uid=5812345670&amp;width=300"></iframe>'
    '</article></body></html>')
HOSTS = ["web.archive.org", "archive.org", "weibo.com", "www.weibo.com", "m.weibo.cn", "widget.weibo.com", "t.cn",
         "blog.naver.com", "m.blog.naver.com"]


@pytest.fixture
def run(fakenet, tmp_path, monkeypatch):
    serve(fakenet, [])
    return cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)


def test_late47c_weibo_posts_are_found_once_each_by_their_ids():
    from resolver.platforms import unsupported

    assert [(f.service, f.key, f.url, f.kind) for f in unsupported.found(WEIBO_PAGE)] == [
        ("Weibo", "3501756485200075", POST, "post"),
        ("Weibo", "4901234567890123", "https://m.weibo.cn/status/4901234567890123", "post"),
        ("Weibo", "4912345678901234", "https://www.weibo.com/detail/4912345678901234?type=comment", "post")]
    # a user's page, a list or profile widget, a share button, a name in prose or another host name no post
    assert unsupported.found('<a href="https://weibo.com/5812345670">x</a> https://weibo.com/5812345670/profile '
                             '<iframe src="//widget.weibo.com/list/list.php?uid=5812345670&listid=405624757"></iframe>'
                             ' weibo.com/5812345670/z0JH2lOMb https://notweibo.com/5812345670/z0JH2lOMb '
                             'https://weibo.com/5812345670/z0JH2lOMbX https://m.weibo.cn/u/5812345670') == []


def test_late47c_weibo_posts_are_said_not_supported_in_scan_json_and_reports(run, fakenet):
    code, out = run("scan", "article.html", article=WEIBO_PAGE)
    assert code == 0, out
    assert ("note: 3 posts (Weibo 3) not checked: Weibo posts are not supported (no source of Weibo is read); "
            f"first {POST}") in out, out
    code, out = run("scan", "--json", "article.html")
    [said] = [w for w in json.loads(out.splitlines()[0])["warnings"] if w["kind"] == "posts-not-supported"]
    assert (said["count"], said["services"]) == (3, {"Weibo": 3}), said
    code, out = run("report", "--offline", "article.html")
    assert "**Not supported**: 3 posts (Weibo 3)" in out, out
    assert not [h for h in fakenet.hits if "weibo" in h[0]], fakenet.hits


@pytest.mark.parametrize("url", [POST, "https://weibo.com/detail/3501756485200075",
                                 "https://m.weibo.cn/status/4901234567890123", "https://m.weibo.cn/detail/z0JH2lOMb"],
                         ids=["uid-mid", "detail", "mobile-status", "mobile-detail"])
def test_late47c_fetch_and_resolve_of_a_weibo_post_say_why_and_ask_nothing(run, fakenet, url):
    said: list[str] = []
    code, out = run("fetch", url, said=said)
    why = "Weibo posts are not supported (no source of Weibo is read)"
    assert code == 1 and said == [f"error: cannot fetch {url}: {why}; nothing was asked"], (code, said)
    code, out = run("resolve", "--json", url)
    assert code == 1 and json.loads(out)["error"] == f"input: cannot resolve {url}: {why}; nothing was asked", out
    assert fakenet.hits == [], fakenet.hits


def test_late47c_a_short_link_to_a_weibo_post_stops_there(run, fakenet):
    from tests.fakenet import redirect

    fakenet.route("t.cn", "/A6abCdEf", redirect(POST))
    code, out = run("resolve", "--json", "https://t.cn/A6abCdEf")
    assert [host for host, _ in fakenet.hits] == ["t.cn"], fakenet.hits
    assert code == 1 and json.loads(out)["error"].startswith(f"not-supported: not followed to {POST}: "), out


def test_late47c_weibo_posts_tried_where_the_scan_found_their_needles_are_those_the_page_gives(monkeypatch):
    """The patterns open with their host's name, and run only where the scan's needle pass found it (perf47)."""
    from resolver import extract
    from resolver.extract import html, needles
    from resolver.platforms import unsupported

    if needles.hyperscan_module() is None:
        pytest.skip("hyperscan has no wheel for this platform")
    monkeypatch.setattr(needles, "_SMALL_LEFT", [0])   # hyperscan's pass, as once a process has searched enough

    from resolver.article import from_bytes

    page = WEIBO_PAGE.replace("</article>", f'<a href="{POST}">again</a> weibo.com/weibo.com/1234567/AbCdEfGh1'
                            f'{NAVER_PAGE} blog.naver.com/blog.naver.com/ab/223400000001'
                            '<blockquote class="twitter-tweet"><a href="https://twitter.com/u/status/1">x</a></blockquote>'
                            '</article>')
    article = from_bytes(page.encode(), "a.html", kind="html")
    page = article.text
    extract.find_all(page, "html", utf8=article.utf8)
    held = html.unsupported_held(page)
    assert held is not None and held["weibo.com/"] and held["weibo.cn/"] and held["blog.naver.com/"], held
    assert unsupported.found(page, held) == unsupported.found(page)
    assert {item.service for item in unsupported.found(page)} == {"Weibo", "Naver Blog"}


# Naver Blog's posts: a post's page `blog.naver.com/<blog id>/<logNo>` (m. too) and the older
# `PostView.naver?blogId=<id>&logNo=<n>` (`.nhn`) the blog's own frame loads
NAVER_POST = "https://blog.naver.com/riverton_kim/223456789012"
NAVER_PAGE = (
    '<!doctype html><html><head><title>Cafe owner writes</title></head><body><article>'
    f'<p>The cafe owner wrote of the closure on <a href="{NAVER_POST}">her blog</a> '
    '(<a href="https://m.blog.naver.com/riverton_kim/223456789012?referrerCode=1">mobile</a>); a customer answered in '
    '<a href="https://m.blog.naver.com/PostView.naver?blogId=seoulwalker&amp;logNo=223400000001">a post</a>.</p>'
    '<p><a href="https://blog.naver.com/riverton_kim">Her blog</a>, '
    '<a href="https://blog.naver.com/PostList.naver?blogId=riverton_kim">its posts</a>, '
    '<a href="https://section.blog.naver.com/BlogHome.naver">Naver Blog</a>, '
    '<a href="https://share.naver.com/web/shareView?url=https%3A%2F%2Fnews.example%2Fa">share</a>.</p>'
    '</article></body></html>')


def test_late47c_naver_blog_posts_are_found_once_each():
    from resolver.platforms import unsupported

    assert [(f.service, f.key, f.url) for f in unsupported.found(NAVER_PAGE)] == [
        ("Naver Blog", "riverton_kim/223456789012", NAVER_POST),
        ("Naver Blog", "seoulwalker/223400000001",
         "https://m.blog.naver.com/PostView.naver?blogId=seoulwalker&logNo=223400000001")]
    assert unsupported.found("blog.naver.com/riverton_kim/223456789012 https://notblog.naver.com/riverton_kim/"
                             "223456789012 https://blog.naver.com/riverton_kim/2234567890123") == []


def test_late47c_naver_blog_posts_are_said_not_supported_and_asked_nothing(run, fakenet):
    code, out = run("scan", "article.html", article=NAVER_PAGE)
    assert code == 0, out
    assert ("note: 2 posts (Naver Blog 2) not checked: Naver Blog posts are not supported (no source of Naver Blog "
            f"is read); first {NAVER_POST}") in out, out
    said: list[str] = []
    code, out = run("fetch", NAVER_POST, said=said)
    why = "Naver Blog posts are not supported (no source of Naver Blog is read)"
    assert code == 1 and said == [f"error: cannot fetch {NAVER_POST}: {why}; nothing was asked"], (code, said)
    code, out = run("resolve", "--json", NAVER_POST)
    assert code == 1 and json.loads(out)["error"] == f"input: cannot resolve {NAVER_POST}: {why}; nothing was asked"
    assert fakenet.hits == [], fakenet.hits
