"""A small fictional corpus database, written through the Store's own verbs: what the views, merge and export
tests read. Two outlets, one folder of files, posts alive and gone, captures, credits, a resolution and media."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone

from cache import Store

SNOWFLAKE_EPOCH_MS = 1288834974657


def snowflake(year: int, n: int = 0) -> str:
    """An X id minted on 1 March of `year` (n keeps ids apart)."""
    ms = int(datetime(year, 3, 1, tzinfo=timezone.utc).timestamp() * 1000) - SNOWFLAKE_EPOCH_MS
    return str((ms << 22) + n)


ALIVE, DELETED, SUSPENDED, MISSING, ERRORED, DELETED_2 = (snowflake(2021, 1), snowflake(2021, 2),
                                                           snowflake(2022, 3), snowflake(2022, 4),
                                                           snowflake(2023, 5), snowflake(2019, 6))
AUTHORS = {ALIVE: "alice", DELETED: "gone_account", SUSPENDED: "banned_one", MISSING: "quiet",
           ERRORED: "alice", DELETED_2: "Gone_Account"}
STATUS = {ALIVE: "available", DELETED: "deleted", SUSPENDED: "suspended", MISSING: "not_found", ERRORED: "error",
          DELETED_2: "deleted"}


def tweet(post_id: str, ordinal: int, *, date: str | None = None, text: str | None = None) -> dict:
    handle = AUTHORS[post_id]
    return {"platform": "twitter", "kind": "post", "url": f"https://twitter.com/{handle}/status/{post_id}",
            "post_id": post_id, "author_handle": handle, "author_name": handle.title(), "date": date,
            "text": text or f"words of {handle} #{ordinal}", "span": [ordinal * 10, ordinal * 10 + 5],
            "media_links": [], "links": [], "also_at": [], "detector": "html-blockquote"}


def credit(raw: str, organization: str | None, creator: str | None, ordinal: int) -> dict:
    return {"raw": raw, "organization": organization, "creator": creator, "source": "text",
            "span": [100 + ordinal, 110 + ordinal]}


def article(store: Store, name: str, embeds: list[dict], credits: list[dict], *, url: str | None = None,
            salt: str = "") -> int:
    sha = hashlib.sha256((name + salt).encode()).hexdigest()
    article_id, _ = store.record_article(
        {"sha256": sha, "kind": "html", "encoding": "utf-8", "encoding_detected": 0, "bytes": 100},
        embeds, credits, source=name, tool_version="test")
    if url:
        store.record_source_url(article_id, name, url)
    return article_id


def observe(store: Store, post_id: str, observed_at: str, status: str | None = None, *, fetch: bool = True) -> int:
    status = status or STATUS[post_id]
    handle = AUTHORS[post_id]
    fetch_id = None
    if fetch:
        fetch_id = store.record_fetch({"url": f"http://127.0.0.1:1/tweet-result?id={post_id}", "method": "GET",
                                       "fetched_at": observed_at, "status": 200 if status == "available" else 404,
                                       "purpose": "syndication", "tool_version": "test"})
    available = status == "available"
    return store.record_observation(
        {"platform": "twitter", "post_id": post_id, "url": f"https://twitter.com/{handle}/status/{post_id}",
         "status": status, "method": "syndication", "author_handle": handle, "author_name": handle.title(),
         "text": f"the post text of {handle}: harbour flood" if available else None,
         "created_at": "2021-03-01T10:00:00Z" if available else None, "record": {"status": status}},
        [{"method": "syndication", "status": status, "reason": None, "fetch_id": fetch_id, "record": "{}"}],
        observed_at=observed_at)


def populate(store: Store) -> dict[str, int]:
    """The corpus; returns article ids by name."""
    ids = {
        "a": article(store, "feed.jsonl:1", [tweet(ALIVE, 0), tweet(DELETED, 1), tweet(SUSPENDED, 2),
                                             {**tweet(ALIVE, 3), "platform": "youtube", "kind": "video",
                                              "url": "https://www.youtube.com/watch?v=abcdefghijk", "post_id": None,
                                              "author_handle": None}],
                     [credit("Photo: Reuters", "Reuters", "Ann Lee", 0), credit("(Reuters)", "Reuters", None, 1)],
                     url="https://www.news.example/2022/story"),
        "b": article(store, "crawl.warc.gz#512", [tweet(DELETED, 0, date="2021-03-02"), tweet(MISSING, 1),
                                                  tweet(ERRORED, 2)],
                     [credit("REUTERS photo", "reuters ", "Bo Chan", 0)], url="https://other.example/b"),
        "c": article(store, "folder/c.html", [tweet(DELETED_2, 0)], [credit("Photo by Cy", None, "Cy", 0)]),
    }
    for post_id in (ALIVE, DELETED, SUSPENDED, MISSING, ERRORED, DELETED_2):
        observe(store, post_id, "2024-01-01T00:00:00.000000Z", "available" if post_id != ERRORED else "error")
        if STATUS[post_id] != "available":
            observe(store, post_id, "2024-06-01T00:00:00.000000Z")
    fetch_id = store.record_fetch({"url": "http://127.0.0.1:1/cdx", "method": "GET", "purpose": "wayback-cdx",
                                   "fetched_at": "2024-06-02T00:00:00.000000Z", "status": 200, "tool_version": "test"})
    store.record_snapshots([
        {"service": "wayback", "original": f"http://twitter.com:80/alice/status/{ALIVE}?lang=en",
         "url": f"https://web.archive.org/web/20240101000000/https://twitter.com/alice/status/{ALIVE}",
         "timestamp": "20240101000000", "status": "200", "digest": "D1", "mimetype": "text/html",
         "found_via": "cdx", "observed_at": "2024-06-02T00:00:00.000000Z", "fetch_id": fetch_id},
        {"service": "wayback", "original": f"https://twitter.com/banned_one/status/{SUSPENDED}",
         "url": f"https://web.archive.org/web/20240102000000/https://twitter.com/banned_one/status/{SUSPENDED}",
         "timestamp": "20240102000000", "status": "302", "digest": "D2", "mimetype": "text/html",
         "found_via": "cdx", "observed_at": "2024-06-02T00:00:00.000000Z", "fetch_id": fetch_id},
    ])
    store.queue_save(f"https://twitter.com/quiet/status/{MISSING}")
    resolution = store.record_resolution({"url": "https://t.co/abc", "final_url": tweet(ALIVE, 0)["url"],
                                          "canonical_url": tweet(ALIVE, 0)["url"], "hops": [], "post": None,
                                          "error": None, "resolved_at": "2024-01-01T00:00:01.000000Z",
                                          "fetch_ids": [fetch_id], "tool_version": "test"})
    store.link_embeds(ids["a"], [(0, "https://t.co/abc", resolution)])
    embed_ids = store.embed_ids(ids["a"])
    store.link_embed_post(embed_ids[0], store.post_row("twitter", ALIVE)["id"])
    store.keep_body("b" * 64, b'{"id_str": "1"}', "application/json")
    media_id = store.record_media({"url": "https://pbs.twimg.com/media/x.jpg", "sha256": "c" * 64, "mime": "image/jpeg",
                                   "bytes": 10, "credit": {"creator": "Ann Lee"}, "fetched_at": "2024-01-01T00:00:02Z",
                                   "fetch_id": fetch_id})
    store.link_post_media(store.post_row("twitter", ALIVE)["id"], [media_id])
    store.record_identification({"embed_id": embed_ids[1], "platform": "twitter", "post_id": DELETED,
                                 "confidence": 0.9, "candidates": 2, "similarity": 0.95, "evidence": {"window": []}})
    return ids
