"""newuser39a §5: an Instagram post's author was never checked. The article's embed code names it ("A post shared by
Rafah Today (@rafah_today)"), Instagram's oEmbed answer names the account in `author_name` (its user name) and in its
own embed code's "A post shared by … (@handle)" line (the only author left since Meta's 2025 oEmbed update dropped
`author_name`); the check said "the source names no author of this post". Over a loopback server, through the CLI."""

import json

import pytest

from tests.fakenet import page  # noqa: F401
from tests.test_fetch import json_page
from tests.test_verdicts import HOSTS, check_named, cli_on_fakenet
from tests.waybacknet import serve

REEL = "https://www.instagram.com/reel/C4aBcDeFgHi/"


def code(name: str, handle: str) -> str:
    """Instagram's embed code (v14) with its "A post shared by" line, as the article and the oEmbed answer hold it."""
    return (f'<blockquote class="instagram-media" data-instgrm-permalink="{REEL}?utm_source=ig_embed" '
            f'data-instgrm-version="14"><div><a href="{REEL}?utm_source=ig_embed">View this post on Instagram</a>'
            f'<p><a href="{REEL}">A post shared by {name} (@{handle})</a></p></div></blockquote>')


def answer(**fields: str) -> dict:
    return {"version": "1.0", "type": "rich", "provider_name": "Instagram", "width": 658, **fields}


def author_check(fakenet, tmp_path, monkeypatch, said: str, answered: dict) -> dict:
    monkeypatch.setenv("META_ACCESS_TOKEN", "meta-fake39")
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed", json_page(answered))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS + ["graph.facebook.com"])
    status, data = run("report", "--format", "json", "article.html", article=f"<html><body>{said}</body></html>")
    assert status == 0, data
    [embed] = json.loads(data)["embeds"]
    return check_named(embed, "author")


@pytest.mark.parametrize("answered", [
    answer(author_name="gaza_eye", html=code("عين غزة", "gaza_eye")),
    answer(html=code("عين غزة", "gaza_eye")),   # Meta's 2025 answer: no author_name
    answer(author_name="gaza_eye"),
], ids=["user-name-and-code", "code-alone", "user-name-alone"])
def test_an_instagram_post_shared_by_another_account_fails_its_author_check(fakenet, tmp_path, monkeypatch,
                                                                           answered):
    check = author_check(fakenet, tmp_path, monkeypatch, code("Rafah Today", "rafah_today"), answered)
    assert check["result"] == "fail", check
    assert "@rafah_today" in check["evidence"] and "@gaza_eye" in check["evidence"], check


def test_an_instagram_post_shared_by_its_own_account_passes_its_author_check(fakenet, tmp_path, monkeypatch):
    check = author_check(fakenet, tmp_path, monkeypatch, code("عين غزة", "gaza_eye"),
                         answer(author_name="gaza_eye", html=code("عين غزة", "gaza_eye")))
    assert check["result"] == "pass", check
