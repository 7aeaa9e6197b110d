"""`resolve` of a link to a service the tool says it does not read (Tumblr, Flickr's photos, VK, OK, Rutube) followed
it, though `fetch` says "not supported" and asks nothing; a link whose redirect reached a closed service's host
(Storify, Vine, Google+) or one of those services' posts mid-chain was followed on, and the dead host asked (fixnu45a's
"left"). Now `resolve` asks a not-supported post's URL nothing, and a chain stops at the hop that reaches a closed or
unsupported service, saying so, with that hop never asked (exit 1 and the JSON's `error`, as every other stop)."""

from __future__ import annotations

import json

import pytest

from tests.fakenet import redirect
from tests.test_verdicts import cli_on_fakenet

HOSTS = ["t.co", "bit.ly", "storify.com", "vine.co", "plus.google.com", "harlowart.tumblr.com", "www.flickr.com",
         "vk.com", "ok.ru", "rutube.ru"]


@pytest.fixture
def run(fakenet, tmp_path, monkeypatch):
    return cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)


@pytest.mark.parametrize("url, why", [
    ("https://harlowart.tumblr.com/post/87654321098/art-walk", "Tumblr posts are not supported (no source of Tumblr "
                                                               "is read)"),
    ("https://www.flickr.com/photos/jokline/14123456789/", "Flickr photos are not supported (no source of Flickr is "
                                                           "read)"),
    ("https://vk.com/wall-12345_678", "VK posts are not supported (no source of VK is read)"),
    ("https://ok.ru/video/1234567890", "OK videos are not supported (no source of OK is read)"),
    ("https://rutube.ru/video/0123456789abcdef0123456789abcdef/", "Rutube videos are not supported (no source of "
                                                                  "Rutube is read)"),
], ids=["tumblr", "flickr", "vk", "ok", "rutube"])
def test_resolve_of_a_not_supported_services_post_asks_nothing_as_fetch_does(run, fakenet, url, why):
    said: list[str] = []
    code, out = run("resolve", url, said=said)
    assert code == 1 and out == "" and said == [f"error: cannot resolve {url}: {why}; nothing was asked"], (code, said)
    code, out = run("resolve", "--json", url)
    assert code == 1 and json.loads(out)["error"] == f"input: cannot resolve {url}: {why}; nothing was asked", out
    assert fakenet.hits == [], fakenet.hits


@pytest.mark.parametrize("end, kind, why", [
    ("https://storify.com/dailycourier/parade", "closed", "Storify closed on 16 May 2018"),
    ("https://vine.co/v/bXidIgMnIPJ", "closed", "Vine's app closed on 17 January 2017"),
    ("https://plus.google.com/112345678901234567890/posts/AbCdEfGhIjK", "closed", "Google+ closed on 2 April 2019"),
    ("https://harlowart.tumblr.com/post/87654321098/art-walk", "not-supported", "Tumblr posts are not supported"),
    ("https://vk.com/wall-12345_678", "not-supported", "VK posts are not supported"),
], ids=["storify", "vine", "google-plus", "tumblr", "vk"])
def test_a_chain_stops_at_the_hop_that_reaches_a_closed_or_not_supported_service(run, fakenet, end, kind, why):
    fakenet.route("t.co", "/Old0001", redirect("https://bit.ly/old1"))
    fakenet.route("bit.ly", "/old1", redirect(end))
    said: list[str] = []
    code, out = run("resolve", "--json", "https://t.co/Old0001", said=said)
    data = json.loads(out)
    assert code == 1, (code, out, said)
    assert [h["url"] for h in data["hops"]] == ["https://t.co/Old0001", "https://bit.ly/old1"], data["hops"]
    assert data["final_url"] == end and data["post"] is None and data["canonical_url"] is None, data
    assert data["error"].startswith(f"{kind}: not followed to {end}: {why}"), data["error"]
    assert data["error"].endswith("; it was asked nothing"), data["error"]
    assert [host for host, _ in fakenet.hits] == ["t.co", "bit.ly"], fakenet.hits   # the last hop never asked
    assert said == [f"error: link https://t.co/Old0001 ended in an error: {data['error']}"], said
    code, text = run("resolve", "https://t.co/Old0001")   # from the cache: the same stop, still nothing asked
    assert code == 1 and end in text and [host for host, _ in fakenet.hits] == ["t.co", "bit.ly"], (text, fakenet.hits)
