"""views36 (#13): the research views' post identity. Caches written through the Store's own verbs (as `scan
--resolve --fetch` and `archive` write them); every expected count made by hand from the rows written."""

from __future__ import annotations

import hashlib
import json

import pytest

from cache import Store
from tests.corpusdb import snowflake

DID = "did:plc:abcdefghijklmnopqrstuvwx"
RKEY = "3kabcdefghi2x"


@pytest.fixture
def store(tmp_path) -> Store:
    with Store(tmp_path / "c.db") as store:
        yield store


def article(store: Store, name: str, embeds: list[dict]) -> tuple[int, list[int]]:
    article_id, _ = store.record_article(
        {"sha256": hashlib.sha256(name.encode()).hexdigest(), "kind": "html", "encoding": "utf-8",
         "encoding_detected": 0, "bytes": 100}, embeds, [], source=name, tool_version="test")
    store.record_source_url(article_id, name, f"https://harbour.example/{name}")
    ids = store.embed_ids(article_id)
    return article_id, [ids[n] for n in sorted(ids)]


def embed(platform: str, url: str, post_id: str | None, ordinal: int, *, kind: str = "post",
          detector: str = "html-link", handle: str | None = None, doubt: str | None = None) -> dict:
    return {"platform": platform, "kind": kind, "url": url, "post_id": post_id, "author_handle": handle,
            "author_name": None, "span": [ordinal * 10, ordinal * 10 + 5], "media_links": [], "links": [],
            "also_at": [], "detector": detector, "id_doubt": doubt}


def observe(store: Store, platform: str, post_id: str, url: str, status: str, at: str, *, handle: str | None = None,
            name: str | None = None, author_id: str | None = None, method: str = "syndication") -> int:
    record = {"status": status, "author_handle": handle, "author_name": name, "author_id": author_id}
    fetch_id = store.record_fetch({"url": f"http://127.0.0.1:1/{method}?id={post_id}", "method": "GET",
                                   "fetched_at": at, "status": 200 if status == "available" else 404,
                                   "purpose": method, "tool_version": "test"})
    return store.record_observation(
        {"platform": platform, "post_id": post_id, "url": url, "status": status, "method": method,
         "author_handle": handle, "author_name": name, "author_id": author_id, "record": record},
        [{"method": method, "status": status, "reason": None, "fetch_id": fetch_id, "record": json.dumps(record),
          "observed_at": at}], observed_at=at)


def capture(store: Store, original: str, at: str) -> None:
    """A capture the archive listed (200), read and found holding the post (an archived copy)."""
    fetch_id = store.record_fetch({"url": "http://127.0.0.1:1/cdx", "method": "GET", "purpose": "wayback-cdx",
                                   "fetched_at": at, "status": 200, "tool_version": "test"})
    stamp = "20240101000000"
    url = f"https://web.archive.org/web/{stamp}/{original}"
    store.record_snapshots([{"service": "wayback", "original": original, "url": url, "timestamp": stamp,
                             "status": "200", "digest": "D1", "mimetype": "text/html", "found_via": "cdx",
                             "observed_at": at, "fetch_id": fetch_id}])
    read = store.record_fetch({"url": url.replace(f"/{stamp}/", f"/{stamp}id_/"), "method": "GET",
                               "purpose": "wayback-capture", "fetched_at": at, "status": 200, "tool_version": "test"})
    row = store.post_row("bluesky", f"alice.bsky.social/{RKEY}") or store.post_row("twitter", original.rsplit("/", 1)[1])
    store.add_observations(row["id"], [{"method": "wayback", "status": "archived-copy", "reason": None,
                                        "fetch_id": read, "record": "{}", "observed_at": at}], observed_at=at)


def rows(store: Store, view: str) -> list[dict]:
    return [dict(r) for r in store.db.query(f"SELECT * FROM {view}")]


def followed(store: Store, article_id: int, ordinal: int, embed_id: int, url: str, platform: str, post_id: str,
             post_url: str, row: int) -> None:
    """The link embed `ordinal` followed to its post, as `scan --resolve --fetch` records it: the link's resolution
    (its post), the embed tied to it, and the embed tied to the post row (review36b's views read the resolution)."""
    resolution = store.record_resolution({"url": url, "final_url": post_url, "canonical_url": post_url, "hops": [],
                                          "post": {"platform": platform, "post_id": post_id, "url": post_url},
                                          "error": None, "resolved_at": "2024-01-01T00:00:01.000000Z",
                                          "fetch_ids": [], "tool_version": "test"})
    store.link_embeds(article_id, [(ordinal, url, resolution)])
    store.link_embed_post(embed_id, row)


def bsky(actor: str) -> str:
    return f"https://bsky.app/profile/{actor}/post/{RKEY}"


# -- 2. at_risk_embeds matches an archived copy by the post's platform, not the embed's


def test_views36_a_link_to_a_bluesky_post_is_not_at_risk_when_a_copy_of_its_post_is_held(store):
    """A t.co link (an embed on X) that leads to a Bluesky post: its copy, listed under the post's DID form, was
    matched only for an embed whose own platform is Bluesky, so the link was listed at risk beside its copy."""
    post = f"alice.bsky.social/{RKEY}"
    article_id, [link] = article(store, "a.html", [embed("twitter", "https://t.co/AbCdEf1234", None, 0,
                                                         kind="short-link")])
    row = observe(store, "bluesky", post, bsky("alice.bsky.social"), "deleted", "2024-06-01T00:00:00.000000Z",
                  handle="alice.bsky.social", author_id=DID)
    followed(store, article_id, 0, link, "https://t.co/AbCdEf1234", "bluesky", post, bsky("alice.bsky.social"), row)
    assert [r["post_status"] for r in rows(store, "at_risk_embeds")] == ["deleted"]   # no copy yet: at risk
    capture(store, bsky(DID), "2024-06-02T00:00:00.000000Z")
    assert rows(store, "at_risk_embeds") == []


# -- 3. one Bluesky post embedded by handle and by DID is one post


def test_views36_one_bluesky_post_embedded_by_its_handle_and_its_did_is_one_row(store):
    """An article embedding one Bluesky post twice, once by its handle's URL and once by its DID's: two at-risk
    rows and two dead embeds, for one post. A fetch recorded the handle and DID together (authors): one post."""
    _, ids = article(store, "a.html", [embed("bluesky", bsky("alice.bsky.social"), f"alice.bsky.social/{RKEY}", 0),
                                       embed("bluesky", bsky(DID), f"{DID}/{RKEY}", 1)])
    observe(store, "bluesky", f"alice.bsky.social/{RKEY}", bsky("alice.bsky.social"), "deleted",
            "2024-06-01T00:00:00.000000Z", handle="alice.bsky.social", author_id=DID, method="oembed")
    at_risk = rows(store, "at_risk_embeds")
    assert [(r["embed_id"], r["post_status"], r["may_be_same_post_as"]) for r in at_risk] == [(ids[0], "deleted", None)]
    [dead] = rows(store, "dead_embeds_by_outlet_year")
    assert (dead["embeds"], dead["dead"], dead["articles"]) == (1, 1, 1)
    [gone] = rows(store, "gone_accounts_most_cited")
    assert (gone["articles"], gone["embeds"], gone["posts"]) == (1, 1, 1)


def test_views36_a_did_the_cache_does_not_tie_to_a_handle_is_not_merged_by_guess_but_said(store):
    """The same record key under a handle and under a DID no fetch tied to it: maybe one post, maybe two accounts'
    posts. Two rows, each naming the other as maybe the same post (never merged by guess)."""
    other = "did:plc:zzzzzzzzzzzzzzzzzzzzzzzz"
    _, ids = article(store, "a.html", [embed("bluesky", bsky("carol.bsky.social"), f"carol.bsky.social/{RKEY}", 0),
                                       embed("bluesky", bsky(other), f"{other}/{RKEY}", 1),
                                       embed("bluesky", bsky(DID), f"{DID}/{RKEY}", 2)])
    # alice's post of that key: a fetch tied her handle to DID, another account than `other`, and than carol's?
    # (carol's DID is not known: carol may be `other` or DID; DID and `other` are two accounts for sure)
    observe(store, "bluesky", f"alice.bsky.social/{RKEY}", bsky("alice.bsky.social"), "deleted",
            "2024-06-01T00:00:00.000000Z", handle="alice.bsky.social", author_id=DID, method="oembed")
    got = [(r["embed_id"], r["may_be_same_post_as"]) for r in rows(store, "at_risk_embeds")]
    assert got == [(ids[0], ids[1]), (ids[1], ids[0]), (ids[2], ids[0])]


# -- 4. a gone account's name is never its handle's next holder's


def test_views36_a_gone_account_never_seen_alive_is_not_named_after_its_handles_next_holder(store):
    """@river_desk's post was deleted before the cache ever saw it alive (its answers give no name); the handle
    has since passed to another account (id 222, "Scam Bot"), whose post was fetched: `authors` by handle named the
    gone account "Scam Bot". No name of its own is known: no name. A name `authors` holds for the account's own id,
    or recorded before its posts were gone, is its."""
    gone, holder = snowflake(2021, 1), snowflake(2024, 3)
    url = f"https://twitter.com/river_desk/status/{gone}"
    article(store, "a.html", [embed("twitter", url, gone, 0, handle="river_desk")])
    observe(store, "twitter", gone, url, "deleted", "2026-01-03T10:00:00.000000Z", handle="river_desk")
    observe(store, "twitter", holder, f"https://twitter.com/river_desk/status/{holder}", "available",
            "2026-02-01T10:00:00.000000Z", handle="river_desk", name="Scam Bot", author_id="222")
    [row] = rows(store, "gone_accounts_most_cited")
    assert (row["handle"], row["name"]) == ("river_desk", None)


def test_views36_a_gone_account_keeps_the_name_authors_recorded_before_it_was_gone(store):
    """The name `authors` recorded before the post was found gone (its sighting no later than the first answer that
    said so) is the account's: kept (the post's own answers named nobody)."""
    gone = snowflake(2021, 1)
    url = f"https://twitter.com/river_desk/status/{gone}"
    article(store, "a.html", [embed("twitter", url, gone, 0, handle="river_desk")])
    other = snowflake(2021, 2)
    observe(store, "twitter", other, f"https://twitter.com/river_desk/status/{other}", "available",
            "2026-01-01T10:00:00.000000Z", handle="river_desk", name="River Desk", author_id="111")
    observe(store, "twitter", gone, url, "available", "2026-01-02T10:00:00.000000Z", handle="river_desk")
    observe(store, "twitter", gone, url, "deleted", "2026-01-03T10:00:00.000000Z")   # a tombstone names no one
    [row] = rows(store, "gone_accounts_most_cited")
    assert (row["handle"], row["name"]) == ("river_desk", "River Desk")


# -- 5. a doubtful blockquote's post reached through a sure link


def test_views36_a_post_named_by_a_doubtful_embed_and_reached_by_a_link_counts_in_the_gone_view(store):
    """A blockquote whose id is in doubt and a pic.twitter.com link that leads to the same post: the link was left
    out as the blockquote's duplicate, the blockquote out of the gone view for its doubt, so the gone post was
    counted nowhere there. The link reached the post for sure: it counts, once (the dead view too, as sure)."""
    post = snowflake(2021, 4)
    url = f"https://twitter.com/river_desk/status/{post}"
    article_id, [quote, link] = article(store, "a.html", [
        embed("twitter", url, post, 0, detector="html-blockquote", handle="river_desk", doubt="the id may be cut"),
        embed("twitter", "https://pic.twitter.com/Pd1", None, 1, kind="media-link", detector="html-text-url")])
    row = observe(store, "twitter", post, url, "deleted", "2026-01-03T10:00:00.000000Z")
    followed(store, article_id, 1, link, "https://pic.twitter.com/Pd1", "twitter", post, url, row)
    gone = rows(store, "gone_accounts_most_cited")
    assert [(g["handle"], g["articles"], g["embeds"], g["posts"]) for g in gone] == [("river_desk", 1, 1, 1)]
    [dead] = rows(store, "dead_embeds_by_outlet_year")
    assert (dead["embeds"], dead["dead"]) == (1, 1)
    assert [r["embed_id"] for r in rows(store, "at_risk_embeds")] == [link]


# -- 1. two sources disagreeing at one microsecond: not known, whichever came first

TIE_AT = "2026-01-01T10:00:00.100000Z"


def _said(store: Store, method: str, status: str) -> None:
    """One run's answer about GONE: `method` said `status` at TIE_AT (as two crawls' WARC records dated alike)."""
    post = snowflake(2021, 7)
    record = {"status": status, "method": method, "author_handle": "river_desk"}
    store.record_observation(
        {"platform": "twitter", "post_id": post, "url": f"https://twitter.com/river_desk/status/{post}",
         "status": status, "method": method, "author_handle": "river_desk", "record": record},
        [{"method": method, "status": status, "reason": None, "fetch_id": None, "record": json.dumps(record),
          "observed_at": TIE_AT}], observed_at=TIE_AT)


def _status(store: Store) -> tuple[str, str | None]:
    [row] = store.db.query("SELECT status, record FROM posts")
    return row["status"], json.loads(row["record"]).get("reason")


@pytest.mark.parametrize("order", [("syndication", "oembed"), ("oembed", "syndication")], ids=["d,a", "a,d"])
def test_views36_two_sources_disagreeing_at_one_microsecond_leave_the_status_not_known_in_either_order(
        tmp_path, order):
    """Syndication said "deleted" and oEmbed "available", each at the same microsecond, in two runs: the run
    written last took the view (a store), the first input kept it (`cache merge`), so the post was deleted or
    available by the order the rows came in. Two answers at one time that disagree say the status is not known."""
    from cache.merge import merge

    said = {"syndication": "deleted", "oembed": "available"}
    with Store(tmp_path / "one.db") as store:
        for method in order:
            _said(store, method, said[method])
        status, reason = _status(store)
        assert status == "unknown" and "disagree" in reason, reason
        _said(store, "syndication", "deleted")   # said again at that time: still not known
        assert _status(store)[0] == "unknown"
    for method in order:
        with Store(tmp_path / f"{method}.db") as store:
            _said(store, method, said[method])
    merge(tmp_path / "out.db", [tmp_path / f"{method}.db" for method in order])
    with Store(tmp_path / "out.db") as store:
        status, reason = _status(store)
    assert status == "unknown" and "disagree" in reason, reason


def test_views36_a_tie_that_agrees_or_a_newer_answer_is_no_disagreement(tmp_path):
    """The same status from two sources at one time stays that status; a newer answer after a tie takes the view."""
    with Store(tmp_path / "one.db") as store:
        _said(store, "syndication", "deleted")
        _said(store, "oembed", "deleted")
        assert _status(store)[0] == "deleted"
        _said(store, "oembed", "available")
        assert _status(store)[0] == "unknown"
        post = snowflake(2021, 7)
        record = {"status": "available"}
        later = "2026-01-01T10:00:01.000000Z"
        store.record_observation(
            {"platform": "twitter", "post_id": post, "url": f"https://twitter.com/river_desk/status/{post}",
             "status": "available", "method": "oembed", "record": record},
            [{"method": "oembed", "status": "available", "reason": None, "fetch_id": None,
              "record": json.dumps(record), "observed_at": later}], observed_at=later)
        assert _status(store)[0] == "available"


@pytest.mark.parametrize("tomb_first", [True, False], ids=["d,a", "a,d"])
def test_views36_reparse_of_two_runs_disagreeing_at_one_microsecond_leaves_the_status_not_known(tmp_path, tomb_first):
    """`fetch --reparse` orders a post's runs by their answers' times and takes the newest: two runs answered at the
    same microsecond (syndication's tombstone, oEmbed's page of the post) kept the later written one's status. Real
    bodies kept in the store, parsed again."""
    from resolver.fetch.reparse import reparse_all
    from tests import xfixtures as fx
    from tests.test_times35 import _kept_answer, _write_run

    js = "application/json; charset=utf-8"
    tomb = fx.as_json({"__typename": "TweetTombstone",
                       "tombstone": {"text": {"text": "This Post was deleted by the Post author."}}})
    with Store(tmp_path / "c.db") as store:
        runs = [lambda: _write_run(store, [_kept_answer(store, "syndication", 200, js, tomb, TIE_AT)]),
                lambda: _write_run(store, [_kept_answer(store, "syndication", 200, js,
                                                        fx.as_json(fx.SYNDICATION_TWEET), TIE_AT)])]
        for run in runs if tomb_first else runs[::-1]:
            run()
        assert store.post_row("twitter", fx.POST_ID)["status"] == "unknown"   # the writes
        reparse_all(store)
        row = store.post_row("twitter", fx.POST_ID)
    assert row["status"] == "unknown" and "disagree" in json.loads(row["record"])["reason"]


# -- 6. `posts` and `same_posts` agree on which post an embed shows


def test_views36_posts_say_which_post_an_embed_shows_as_same_posts_reads_it(fakenet, tmp_path):
    """newuser35c #5: a flattened post ("… pic.twitter.com/Pic2 — Live Handle (@livehandle) March 10, 2022") and a
    pic.twitter.com/Pic2 link later in the article, both leading to a post whose id was minted on 1 March (its answer
    says created 10 March, which an X id's time rules out). `same_posts` was right to say nothing: a post minted nine
    days before the flattened post's date is not that post (a re-used photo's original, as `_may_be_its` reads the
    id's time, which no answer can move). But `posts` gave the post to both embeds with nothing to tell them apart,
    so counting an article's posts from it counted it twice. Each entry now says whether it is the post its embed
    shows (`embed_shows`), as the reports and `same_posts` read it."""
    from tests.cliworld import World
    from tests.corpusnet import no_limits
    from tests.fakenet import redirect
    from tests.waybacknet import serve
    from tests import xfixtures as fx

    post = snowflake(2022, 9)

    def syndication(request):
        from werkzeug.wrappers import Response

        data = fx.SYNDICATION_TWEET | {"id_str": post, "created_at": "2022-03-10T10:00:00.000Z", "mediaDetails": [],
                                       "edit_control": {"edit_tweet_ids": [post]},
                                       "user": fx.SYNDICATION_TWEET["user"] | {"screen_name": "livehandle"}}
        return Response(json.dumps(data), content_type="application/json; charset=utf-8")

    fakenet.route("pic.twitter.com", "/Pic2", redirect(f"https://twitter.com/livehandle/status/{post}/photo/1"))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", syndication)
    serve(fakenet, [])
    world = World(fakenet, tmp_path, extra=no_limits())
    page = tmp_path / "story.html"
    page.write_text("<html><body><h1>Flood</h1><p>Flood pictures pic.twitter.com/Pic2 — Live Handle (@livehandle) "
                    "March 10, 2022</p><p>More below.</p><p>Photo: <a href=\"https://pic.twitter.com/Pic2\">"
                    "pic.twitter.com/Pic2</a></p></body></html>")
    result = world("scan", "--resolve", "--fetch", "--json", str(page))
    data = json.loads(result.stdout)
    assert [(e["detector"], e["post_id"]) for e in data["embeds"]][:2] == [("html-text-signature", None),
                                                                            ("html-link", None)], data["embeds"]
    shows = sorted((p["embed"], p["post_id"], p["embed_shows"]) for p in data["posts"])
    assert shows == [(0, post, False), (1, post, True)], shows
    assert data["same_posts"] == []
    shown = {(p["post_id"]) for p in data["posts"] if p["embed_shows"]
             and p["embed"] not in {s["embed"] for s in data["same_posts"]}}
    assert shown == {post}
