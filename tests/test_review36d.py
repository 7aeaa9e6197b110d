"""review36d: an adversarial review of the research views as stop 36 combined them (review36b's m065: a link embed
counts under the post its own link's newest resolution to reach a post names; views36's m066: once per article and
post by the surest embed, a Bluesky post one post under its handle and its DID). Caches written through the Store's
own verbs (tests/test_views36.py's helpers), every expected count made by hand from the rows written."""

from __future__ import annotations

import pytest

from cache import Store
from tests.test_views36 import DID, RKEY, article, bsky, embed, observe, rows

HANDLE = "alice.bsky.social"
LINK = "https://t.co/BsKyLink01"


@pytest.fixture
def store(tmp_path) -> Store:
    with Store(tmp_path / "c.db") as store:
        yield store


def resolved(store: Store, url: str, post: dict | None, at: str, error: str | None = None) -> int:
    final = post["url"] if post else None
    return store.record_resolution({"url": url, "final_url": final, "canonical_url": final, "hops": [], "post": post,
                                    "error": error, "resolved_at": at, "fetch_ids": [], "tool_version": "test"})


@pytest.mark.parametrize("refresh_failed", [False, True], ids=["resolved", "refresh-failed"])
def test_a_link_to_a_bluesky_post_by_its_did_counts_under_the_post_the_cache_holds_under_its_handle(store,
                                                                                                   refresh_failed):
    """A t.co in one article leads to a Bluesky post by its DID's URL; the cache holds the post under its handle (a
    fetch by the handle's URL recorded it, with the DID: `authors` ties the two names), so `scan --fetch` of the link
    answers from that row (fetch's `_named_otherwise`) and writes no row under the DID. By hand: 1 embed, 1 dead
    (deleted), its account gone, the link at risk with the post's status. Read by the resolution's name alone, the
    link reached no post: counted nowhere. The same when a later --refresh of the link failed (its newest
    resolution an error: the newest that reached a post names it)."""
    row = observe(store, "bluesky", f"{HANDLE}/{RKEY}", bsky(HANDLE), "deleted", "2024-06-01T00:00:00.000000Z",
                  handle=HANDLE, author_id=DID)
    article_id, [link] = article(store, "a.html", [embed("twitter", LINK, None, 0, kind="short-link")])
    first = resolved(store, LINK, {"platform": "bluesky", "post_id": f"{DID}/{RKEY}", "url": bsky(DID)},
                     "2024-06-02T00:00:00.000000Z")
    store.link_embeds(article_id, [(0, LINK, first)])
    store.link_embed_post(link, row)
    if refresh_failed:
        store.link_embeds(article_id, [(0, LINK, resolved(store, LINK, None, "2024-07-01T00:00:00.000000Z",
                                                          error="http-503"))])
    [dead] = rows(store, "dead_embeds_by_outlet_year")
    assert (dead["embeds"], dead["dead"], dead["deleted"]) == (1, 1, 1), dead
    [gone] = rows(store, "gone_accounts_most_cited")
    assert (gone["embeds"], gone["posts"]) == (1, 1), gone
    [risk] = rows(store, "at_risk_embeds")
    assert (risk["embed_id"], risk["post_status"]) == (link, "deleted"), risk


def test_every_lookup_of_an_account_in_the_research_views_is_by_an_index_beyond_its_platform(store):
    """views36's `gone_accounts_most_cited` took 7 s on a cache of 10,000 embeds and 1,500 Bluesky accounts: its
    gone account's name (`_ACCOUNTS_ROW_V66`, an account id OR a handle in any case) and a Bluesky embed's other name
    (`_BSKY_OTHER_ROW`) read `authors` by its platform alone, every account of the platform for each row. Each lookup
    of `authors` in the three views is now by an index past the platform (handle in lower case, or account id)."""
    plans = {view: [row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN SELECT * FROM {view}").fetchall()]
             for view in ("dead_embeds_by_outlet_year", "gone_accounts_most_cited", "at_risk_embeds")}
    indexes = {row[1] for row in store.db.execute("PRAGMA index_list('authors')").fetchall()}
    on_authors = {view: [step for step in steps if any(f"INDEX {index} " in step for index in indexes)]
                  for view, steps in plans.items()}
    assert all(on_authors.values()), plans
    by_platform = {view: [step for step in steps if step.endswith("(platform=?)")] for view, steps in on_authors.items()}
    assert by_platform == {view: [] for view in plans}, by_platform
