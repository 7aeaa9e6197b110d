"""review37d: an adversarial review of review36d's m068 (a link to a Bluesky post under either of its account's
names, every account looked up by an index). Caches written through the Store's own verbs (tests/test_views36.py's
helpers); every expected row made by hand from the rows written. Each view is also asked with every index of the
cache dropped: an index never changes what a view answers, only how fast."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from cache import Store
from tests.test_review36d import resolved
from tests.test_views36 import DID, RKEY, article, bsky, embed, observe, rows

HANDLE, NEW_HANDLE = "alice.bsky.social", "alice.example.org"
OTHER_DID = "did:plc:zzzzzzzzzzzzzzzzzzzzzzzz"
LINK = "https://t.co/BsKyLink01"
EARLY, LATER = "2024-06-01T00:00:00.000000Z", "2024-06-05T00:00:00.000000Z"
VIEWS = ("dead_embeds_by_outlet_year", "gone_accounts_most_cited", "at_risk_embeds")


def _link_to(store: Store, article_id: int, ordinal: int, actor: str) -> None:
    """The t.co link embed `ordinal` resolved to the post's URL under `actor` (a handle or the DID)."""
    resolution = resolved(store, LINK, {"platform": "bluesky", "post_id": f"{actor}/{RKEY}", "url": bsky(actor)},
                          "2024-06-02T00:00:00.000000Z")
    store.link_embeds(article_id, [(ordinal, LINK, resolution)])


def _quote_and_link(store: Store, quoted: str, linked: str) -> None:
    """One article: a blockquote of the post under `quoted`, a t.co leading to it under `linked`."""
    article_id, _ = article(store, "a.html", [embed("bluesky", bsky(quoted), f"{quoted}/{RKEY}", 0,
                                                    detector="html-blockquote"),
                                              embed("twitter", LINK, None, 1, kind="short-link")])
    _link_to(store, article_id, 1, linked)


def handle_quoted_did_linked(store: Store) -> None:
    _quote_and_link(store, HANDLE, DID)
    observe(store, "bluesky", f"{HANDLE}/{RKEY}", bsky(HANDLE), "deleted", EARLY, handle=HANDLE, author_id=DID)


def held_under_both_names(store: Store) -> None:
    handle_quoted_did_linked(store)
    observe(store, "bluesky", f"{DID}/{RKEY}", bsky(DID), "deleted", LATER, handle=HANDLE, author_id=DID)


def did_only(store: Store) -> None:
    _quote_and_link(store, DID, DID)
    observe(store, "bluesky", f"{DID}/{RKEY}", bsky(DID), "deleted", EARLY, handle=HANDLE, author_id=DID)


def handle_changed(store: Store) -> None:
    """Quoted by its old handle, linked by DID, fetched under both handles (the new one later, gone by then)."""
    _quote_and_link(store, HANDLE, DID)
    observe(store, "bluesky", f"{HANDLE}/{RKEY}", bsky(HANDLE), "deleted", EARLY, handle=HANDLE, author_id=DID)
    observe(store, "bluesky", f"{NEW_HANDLE}/{RKEY}", bsky(NEW_HANDLE), "deleted", LATER, handle=NEW_HANDLE,
            author_id=DID)


def quoted_twice_and_linked(store: Store) -> None:
    article_id, _ = article(store, "a.html", [
        embed("bluesky", bsky(HANDLE), f"{HANDLE}/{RKEY}", 0, detector="html-blockquote"),
        embed("bluesky", bsky(DID), f"{DID}/{RKEY}", 1, detector="html-blockquote"),
        embed("twitter", LINK, None, 2, kind="short-link")])
    _link_to(store, article_id, 2, DID)
    observe(store, "bluesky", f"{HANDLE}/{RKEY}", bsky(HANDLE), "deleted", EARLY, handle=HANDLE, author_id=DID)
    observe(store, "bluesky", f"{DID}/{RKEY}", bsky(DID), "deleted", LATER, handle=HANDLE, author_id=DID)


def two_articles(store: Store) -> None:
    handle_quoted_did_linked(store)
    article_id, _ = article(store, "b.html", [embed("twitter", LINK, None, 0, kind="short-link")])
    _link_to(store, article_id, 0, DID)


# (the case, (dead view's embeds, embeds_checked, dead), gone view's (handle, articles, embeds, posts), at_risk's
# (embed's ordinal in its article, post_id shown, status))
ONE_POST = [
    (handle_quoted_did_linked, (1, 1, 1), [(HANDLE, 1, 1, 1)], [(0, f"{HANDLE}/{RKEY}", "deleted")]),
    (held_under_both_names, (1, 1, 1), [(HANDLE, 1, 1, 1)], [(0, f"{HANDLE}/{RKEY}", "deleted")]),
    (did_only, (1, 1, 1), [(HANDLE, 1, 1, 1)], [(0, f"{DID}/{RKEY}", "deleted")]),
    (handle_changed, (1, 1, 1), [(HANDLE, 1, 1, 1)], [(0, f"{HANDLE}/{RKEY}", "deleted")]),
    (quoted_twice_and_linked, (1, 1, 1), [(HANDLE, 1, 1, 1)], [(0, f"{HANDLE}/{RKEY}", "deleted")]),
    (two_articles, (2, 2, 2), [(HANDLE, 2, 2, 1)], [(0, f"{HANDLE}/{RKEY}", "deleted"),
                                                    (0, f"{HANDLE}/{RKEY}", "deleted")]),
]


@pytest.mark.parametrize("build, dead, gone, at_risk", ONE_POST, ids=[case[0].__name__ for case in ONE_POST])
def test_review37d_a_bluesky_post_under_either_name_is_one_post_of_an_article_in_every_view(
        tmp_path, build: Callable[[Store], None], dead, gone, at_risk):
    with Store(tmp_path / "c.db") as store:
        build(store)
        answers = {view: rows(store, view) for view in VIEWS}
        ordinals = {row["id"]: row["ordinal"] for row in store.db.query("SELECT id, ordinal FROM embeds")}
    [row] = answers["dead_embeds_by_outlet_year"]
    assert (row["embeds"], row["embeds_checked"], row["dead"]) == dead, row
    assert [(r["handle"], r["articles"], r["embeds"], r["posts"]) for r in answers["gone_accounts_most_cited"]] == gone
    assert [(ordinals[r["embed_id"]], r["post_id"], r["post_status"])
            for r in answers["at_risk_embeds"]] == at_risk
    assert _without_indexes(tmp_path / "c.db") == answers


def handle_passed_on(store: Store) -> None:
    """The link names the post by its DID; the post was fetched under its handle, which has since passed to another
    account (`authors` now ties the handle to OTHER_DID): no name of the DID's holds the post."""
    article_id, _ = article(store, "a.html", [embed("twitter", LINK, None, 0, kind="short-link")])
    _link_to(store, article_id, 0, DID)
    observe(store, "bluesky", f"{HANDLE}/{RKEY}", bsky(HANDLE), "deleted", EARLY, handle=HANDLE, author_id=DID)
    observe(store, "bluesky", f"{HANDLE}/3other0000000", bsky(HANDLE).replace(RKEY, "3other0000000"), "available",
            LATER, handle=HANDLE, author_id=OTHER_DID)


def test_review37d_a_link_by_did_is_not_read_through_a_handle_that_passed_to_another_account(tmp_path):
    """Not the handle's post: the handle names another account now, and fetch (`account_names`) would not answer the
    DID's link from it either. The link is at risk with no status (not known), counted as no dead post: in the dead
    view it is a link embed whose post is not known, `not_checked` (views37; it was in no column)."""
    with Store(tmp_path / "c.db") as store:
        handle_passed_on(store)
        answers = {view: rows(store, view) for view in VIEWS}
    assert [(r["embeds"], r["embeds_checked"], r["not_checked"], r["dead"])
            for r in answers["dead_embeds_by_outlet_year"]] == [(1, 0, 1, 0)]
    assert answers["gone_accounts_most_cited"] == []
    assert [(r["post_id"], r["post_status"]) for r in answers["at_risk_embeds"]] == [(None, None)]
    assert _without_indexes(tmp_path / "c.db") == answers


def _without_indexes(path) -> dict[str, list[dict]]:
    """The views' answers from the same cache with every index dropped (each lookup a plain scan)."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall():
            conn.execute(f'DROP INDEX "{name}"')
        return {view: [dict(row) for row in conn.execute(f"SELECT * FROM {view}")] for view in VIEWS}
    finally:
        conn.close()
