"""fixleft46c #2: Telegram's app links to a post in an article. `tg://resolve?domain=<channel>&post=<n>` (or
`tg:resolve?…`) opens the public post t.me/<channel>/<n> in the app, `tg://privatepost?channel=<chat>&post=<n>` a
private channel's t.me/c/<chat>/<n> (core.telegram.org/api/links). Before, neither was read: an article linking a
post so had no embed. Now each is read as that post; the public one is fetched from its t.me widget page as any t.me
link, the private one is said a private channel's post and never asked; no request ever names the tg: scheme."""

from __future__ import annotations

import json

import pytest

from resolver import platforms
from resolver.extract import find_all
from tests.fakenet import page
from tests.test_telegram_source import HOSTS, TEXT, WIDGET_PATH, message, widget_page
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import serve


@pytest.mark.parametrize("link, url, post_id", [
    ("tg://resolve?domain=RiverWatch&post=4521", "https://t.me/riverwatch/4521", "riverwatch/4521"),
    ("tg:resolve?post=4521&domain=riverwatch&single", "https://t.me/riverwatch/4521", "riverwatch/4521"),
    ("TG://resolve?domain=riverwatch&post=4521#x", "https://t.me/riverwatch/4521", "riverwatch/4521"),
    ("tg://resolve?domain=riverwatch&post=4521&comment=88", "https://t.me/riverwatch/4521?comment=88",
     "riverwatch/4521?comment=88"),
    ("tg://privatepost?channel=1789456123&post=977", "https://t.me/c/1789456123/977", "c/1789456123/977"),
], ids=["resolve", "no-slashes", "caps-fragment", "comment", "private"])
def test_an_app_link_to_a_post_names_the_posts_t_me_url(link, url, post_id):
    ref = platforms.parse_url(link)
    assert ref is not None and (ref.url, ref.post_id, ref.shown) == (url, post_id, link), ref


@pytest.mark.parametrize("link", [
    "tg://resolve?domain=riverwatch", "tg://resolve?domain=riverwatch&post=0", "tg://resolve?domain=ab&post=4",
    "tg://resolve?domain=riverwatch&start=4521", "tg://privatepost?channel=riverwatch&post=4",
    "tg://openmessage?chat_id=123456&message_id=4", "tg://join?invite=AbCdEfGh", "tg:resolve",
])
def test_an_app_link_to_no_post_names_none(link):
    assert platforms.parse_url(link) is None


ARTICLE = ('<html><body><p>Канал написал: «Мост через Днепр закрыт до утра, движение перекрыто» '
           '<a href="tg://resolve?domain=RiverWatch&amp;post=4521">в приложении</a>. Закрытый канал тоже: '
           '<a href="tg://privatepost?channel=1789456123&amp;post=977">пост</a>.</p></body></html>')


def test_an_articles_app_links_are_read_as_the_posts_in_html_and_in_text():
    embeds, _ = find_all(ARTICLE, "html")
    assert [(e.platform, e.post_id, e.url) for e in embeds] == [
        ("telegram", "riverwatch/4521", "https://t.me/riverwatch/4521"),
        ("telegram", "c/1789456123/977", "https://t.me/c/1789456123/977")], embeds
    assert ARTICLE[embeds[0].span[0]:embeds[0].span[1]].startswith('<a href="tg://resolve?domain=RiverWatch')
    text = ("The channel wrote it (tg://resolve?domain=RiverWatch&post=4521), and a closed one "
            "tg:privatepost?channel=1789456123&post=977.\n")
    embeds, _ = find_all(text, "text")
    assert [(e.post_id, text[e.span[0]:e.span[1]]) for e in embeds] == [
        ("riverwatch/4521", "tg://resolve?domain=RiverWatch&post=4521"),
        ("c/1789456123/977", "tg:privatepost?channel=1789456123&post=977")], embeds


def test_an_app_linked_post_is_fetched_from_its_t_me_widget_and_the_private_one_never_asked(fakenet, tmp_path,
                                                                                           monkeypatch):
    fakenet.route("t.me", WIDGET_PATH, page(widget_page(message("RiverWatch/4521", TEXT))))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    posts = {p["post_id"]: p for p in json.loads(out)["posts"]}
    assert (posts["riverwatch/4521"]["status"], posts["riverwatch/4521"]["text"]) == ("available", TEXT), posts
    private = posts["c/1789456123/977"]
    assert private["status"] == "unknown" and private["reason"].startswith("not fetched: a private channel's post"), \
        private
    assert ("t.me", WIDGET_PATH) in fakenet.hits
    assert not [h for h in fakenet.hits if "1789456123" in str(h) or "tg:" in str(h)], fakenet.hits
    code, md = run("report", "--offline", "a.html")
    # each shown as the article wrote it, then the t.me URL it is read as (fixleft46b's form of a shown URL)
    assert "<tg://resolve?domain=RiverWatch&post=4521> (read as <https://t.me/riverwatch/4521>)" in md, md
    assert "<tg://privatepost?channel=1789456123&post=977> (read as <https://t.me/c/1789456123/977>)" in md, md
    code, page_html = run("report", "--offline", "--format", "html", "a.html")
    assert 'href="tg:' not in page_html and "<code>tg://resolve?domain=RiverWatch&amp;post=4521</code>" in page_html
    code, out = run("fetch", "--json", "tg://resolve?domain=RiverWatch&post=4521")   # given alone: the same post
    fetched = json.loads(out)
    assert code == 0 and (fetched["post_id"], fetched["text"]) == ("riverwatch/4521", TEXT), out
    code, out = run("fetch", "--json", "tg://resolve?domain=riverwatch")   # no post: said, nothing asked
    assert code != 0 and "a tg:// link is read only as Telegram's app link to a channel's post" in out, out
    assert not [h for h in fakenet.hits if "1789456123" in str(h) or "tg:" in str(h)], fakenet.hits
