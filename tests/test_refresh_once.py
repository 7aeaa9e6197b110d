"""`--refresh` means "no answer from before this run", not "ask again for every article" (newuser32c #5): a post
embedded by three articles was asked three times by one refresh run, its gone copies looked up in the archive three
times, and it got three identical observations. One request per post and per link a run (#13) holds under --refresh
too: an answer this run got is reused. Against the loopback 'internet', counting what each host is asked."""

from __future__ import annotations

import json

import pytest

from cache import Store
from tests import xfixtures as fx
from tests.cliworld import World
from tests.fakenet import redirect
from tests.test_fetch import by_id, json_page, serve_media

POST = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
GONE = f"https://twitter.com/RivertonRoads/status/{fx.GONE_ID}"
FORMS = (POST, f"https://x.com/rivertonroads/status/{fx.POST_ID}?s=20",
         f"https://mobile.twitter.com/RIVERTONROADS/status/{fx.POST_ID}/photo/1")


def story(n: int) -> str:
    """Article n: the one post (in a URL form of its own), the one gone post and the one t.co link, as text."""
    return (f"Story {n}. The bridge reopened. https://t.co/Same0001\n"
            f"— Riverton Roads (@RivertonRoads) December 6, 2022 {FORMS[n]}\n\n"
            f"Earlier: the ferry notice {GONE}\n")


@pytest.fixture
def world(fakenet, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    serve_media(fakenet)
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result",
                  by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)], fx.GONE_ID: [json_page(fx.TOMBSTONE_DELETED)]}))
    fakenet.route("publish.twitter.com", "/oembed", json_page({"error": "gone"}, 404))
    fakenet.route("t.co", "/Same0001", redirect(POST))
    fakenet.route("web.archive.org", "/cdx/search/cdx", json_page([]))
    folder = tmp_path / "stories"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(story(n))
    return World(fakenet, tmp_path)


def asked(fakenet, host: str) -> int:
    return sum(1 for h, _ in fakenet.hits if h == host)


def observations(world, post_id: str) -> int:
    with Store(world.db) as store:
        return len([o for o in store.observations(store.post_row("twitter", post_id)["id"]) if o["method"] != "wayback"])


def test_a_refresh_run_asks_once_for_a_post_and_a_link_three_articles_share(world, fakenet, tmp_path):
    first = world("scan", "--concurrency", "1", "--resolve", "--fetch", "--json", str(tmp_path / "stories"))
    assert first.exit_code == 0, first.output
    before = {host: asked(fakenet, host) for host in ("cdn.syndication.twimg.com", "t.co", "web.archive.org")}
    assert before == {"cdn.syndication.twimg.com": 2, "t.co": 1, "web.archive.org": before["web.archive.org"]}
    fakenet.hits.clear()

    refreshed = world("scan", "--concurrency", "1", "--resolve", "--fetch", "--refresh", "--json",
                      str(tmp_path / "stories"))
    assert refreshed.exit_code == 0, refreshed.output
    # asked again, as --refresh says, but once for the run: before, once per article (6 and 3)
    assert asked(fakenet, "cdn.syndication.twimg.com") == 2
    assert asked(fakenet, "t.co") == 1, fakenet.hits
    assert asked(fakenet, "web.archive.org") == before["web.archive.org"]   # the gone post's copies: looked up once
    assert observations(world, fx.POST_ID) == observations(world, fx.GONE_ID) == 2   # one each run
    statuses = [(p["post_id"], p["status"]) for line in refreshed.stdout.splitlines()
                for p in json.loads(line).get("posts", [])]
    assert sorted(set(statuses)) == [(fx.POST_ID, "available"), (fx.GONE_ID, "deleted")]
