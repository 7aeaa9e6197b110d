"""Re-derive every post record from the raw answers kept in the cache, with no request: endpoints drift and
parsers get fixed, and the raw answer is the evidence."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from cache.store import TIED_APART, runs_of, trusted_time, view_answered_at
from resolver import jsonparse
from resolver.fetch import oembed, syndication, telegram, wayback, xapi
from resolver.fetch.records import PostRecord, Version, current_view, merge, observation_status, record_from_json

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
    elif method == wayback.METHOD:
        # read as a fetch reads it, held against the time the post's id was minted too (copy_from_fetch): a capture
        # made before it became a copy again, and at_risk_embeds stopped listing the post (review44d)
        kept = json.loads(observation["record"]) if observation.get("record") else None
        copy = wayback.copy_from_fetch(post_id, fetch, body, None, platform, wayback.listed_in_record(kept))
        record = copy.record if copy is not None else wayback.read(
            post_id, fetch["status"], content_type, body, wayback.original_of(fetch["url"]), platform).record
    elif method == telegram.METHOD:
        record = telegram.read_widget(post_id, fetch["status"], content_type, body)[0]
    elif method == "x-api":
        try:
            record = xapi.parse([post_id], jsonparse.loads(body)).get(post_id)
        except ValueError:
            return None
        if record is not None and observation.get("record"):
            record = replace(record, versions=tuple(_version_again(v, record, store) for v in record_from_json(
                json.loads(observation["record"])).versions))
    else:
        return None
    return replace(record, fetch_ids=(observation["fetch_id"],)) if record is not None else None


def _version_again(version: Version, post: PostRecord, store: Store) -> Version:
    """Another version of an X post read again from its own fetch's kept body (edits30); as kept when none was."""
    fetch = store.fetch(version.fetch_id) if version.fetch_id else None
    body = store.body(fetch["body_sha256"]) if fetch and fetch.get("body_sha256") else None
    if body is None:
        return version
    try:
        record = xapi.parse([version.post_id], jsonparse.loads(body)).get(version.post_id)
    except ValueError:
        return version
    return xapi.version_of(version.post_id, record, None, version.fetch_id, of=post)


def run_order_at(at: str | None, run: list[tuple[dict[str, Any], PostRecord]], view: PostRecord) -> str:
    """Where one run (its answers as (observation, record), `at` their latest time) whose merged view is `view` goes
    among a post's runs, oldest first: by its answers that said the view's status, as a write takes a post's view
    (`view_answered_at`; review35r6: by its latest answer of any source, a run's "deleted" of T1 beside oEmbed's "not
    found" of T2 outranked a run's "available" of T1.5). "" (oldest) for none dated, or one dated after now."""
    return trusted_time(view_answered_at(view.status, ((record.method, observation_status(record),
                                                        observation["observed_at"]) for observation, record in run),
                                         at)) or ""


def view_of_runs(views: list[tuple[str, PostRecord]]) -> PostRecord:
    """A post's current view from its runs' views, each with its `run_order_at`, oldest first (`current_view`); not
    known when another run answered at that very time says another status of the post, as a write and `cache merge`
    leave it (`cache.store.tied_apart`, views36): which was recorded first decided it before."""
    view = current_view([v for _, v in views])
    at = next((a for a, v in views if v is view), "")
    apart = [v for a, v in views if a == at and v.status not in ("error", "unknown", None) and v.status != view.status]
    if not at or view.status in ("error", "unknown") or not apart:
        return view
    return replace(view, status="unknown", reason=f"{TIED_APART}: {apart[0].method or 'a source'} said "
                                                  f"{apart[0].status}, {view.method or 'a source'} said {view.status}, both at {at}")


def reparse_all(store: Store) -> tuple[int, int]:
    """Re-derive every observation and each post's merged record. Returns (observations re-derived, posts)."""
    count = posts = 0
    for post in store.all_post_rows():
        # Each run's answers (the observations one write recorded: runs_of), in order
        answers: list[tuple[dict[str, Any], tuple[dict[str, Any], PostRecord]]] = []
        for observation in store.observations(post["id"]):
            record = reparse_observation(post, observation, store)
            if record is None:
                continue
            store.update_observation(observation["id"], record.to_json(), observation_status(record), record.reason)
            count += 1
            if record.method == wayback.METHOD:
                continue   # what an archived copy says never becomes the post's current view (#9)
            answers.append((observation, (observation, record)))
        if runs := runs_of(answers):
            # oldest first by when the source answered, not by when it was recorded: a WARC replayed into the cache
            # records an older answer after newer ones (review31r3); an undated one is older than any dated one, and
            # so is one dated after now (review32r3: a WARC from a clock that ran ahead). Each run by its answers that
            # said its view's status, as a write takes the view (`run_order_at`, review35r6)
            merged = view_of_runs(sorted(((run_order_at(at, run, view), view) for at, run in runs
                                          for view in [merge([record for _, record in run])]), key=lambda r: r[0]))
            store.set_post_view(post["id"], {**{k: getattr(merged, k) for k in (
                "url", "status", "method", "author_handle", "author_name", "author_id", "text", "lang",
                "created_at")}, "record": merged.to_json()})
            posts += 1
    return count, posts
