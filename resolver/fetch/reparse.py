"""Re-derive every post record from the raw answers kept in the cache, with no request: endpoints drift and
parsers get fixed, and the raw answer is the evidence."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from resolver.fetch import oembed, syndication, xapi
from resolver.fetch.records import PostRecord, merge

if TYPE_CHECKING:
    from cache import Store


def reparse_observation(post: dict[str, Any], observation: dict[str, Any], store: Store) -> PostRecord | None:
    """The record one observation's raw body gives today, or None when no body was kept for it."""
    if not observation.get("fetch_id"):
        return None
    fetch = store.fetch(observation["fetch_id"])
    body = store.body(fetch["body_sha256"]) if fetch.get("body_sha256") else None
    if body is None:
        return None
    content_type = json.loads(fetch["headers"] or "{}").get("content-type", "")
    platform, post_id, url = post["platform"], post["post_id"], post["url"]
    method = observation["method"]
    record: PostRecord | None
    if method == "syndication":
        record = syndication.parse(post_id, fetch["status"], content_type, body)
    elif method == "oembed":
        record = oembed.parse(platform, post_id, url, fetch["status"], content_type, body)
    elif method == "x-api":
        try:
            record = xapi.parse([post_id], json.loads(body)).get(post_id)
        except ValueError:
            return None
    else:
        return None
    from dataclasses import replace

    return replace(record, fetch_ids=(observation["fetch_id"],)) if record is not None else None


def reparse_all(store: Store) -> tuple[int, int]:
    """Re-derive every observation and each post's merged record. Returns (observations re-derived, posts)."""
    from cache import utc_now

    count = posts = 0
    for post in store.all_post_rows():
        latest_time: str | None = None
        latest: list[PostRecord] = []
        for observation in store.observations(post["id"]):
            record = reparse_observation(post, observation, store)
            if record is None:
                continue
            store.update_observation(observation["id"], record.to_json(), record.status, record.reason)
            count += 1
            if observation["observed_at"] != latest_time:
                latest_time, latest = observation["observed_at"], []
            latest.append(record)
        if latest:
            merged = merge(latest)
            store.record_observation(
                {"platform": post["platform"], "post_id": post["post_id"],
                 **{k: getattr(merged, k) for k in ("url", "status", "method", "author_handle", "author_name",
                                                    "author_id", "text", "lang", "created_at")},
                 "record": merged.to_json()}, [], observed_at=post["last_observed_at"] or utc_now())
            posts += 1
    return count, posts
