"""Fetching posts: X/Twitter three ways (X API, syndication, oEmbed) in a configured order, other platforms by
oEmbed, every answer kept raw and recorded as an observation, media analysed for credits.

A post seen in ten articles is fetched once: the cache answers within the TTL; `--refresh` adds an observation.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from resolver.fetch import media as media_facts
from resolver.fetch import oembed, syndication, xapi
from resolver.fetch.records import PostRecord, merge, record_from_json
from resolver.http import fetch as http_fetch
from resolver.settings import Settings

DEFINITIVE = ("available", "deleted", "suspended", "protected", "withheld", "not_found", "age_restricted")


@dataclass(frozen=True)
class Target:
    """A post to fetch: platform, id and URL (canonical), as a URL parser read them."""

    platform: str
    post_id: str
    url: str


@dataclass(frozen=True)
class FetchOptions:
    refresh: bool = False
    offline: bool = False
    all_methods: bool = False        # ask every method, not only until one answers
    media: bool = True               # download and analyse photos, posters and thumbnails
    download_video: bool = False
    keep_media_dir: Path | None = None


@dataclass(frozen=True)
class FetchedPost:
    record: PostRecord
    media: list[dict[str, Any]] = field(default_factory=list)   # per media item: the record's fields + file facts
    post_row: int | None = None
    unavailable: bool = False        # offline and never fetched

    def to_json(self) -> dict[str, Any]:
        data = self.record.to_json()
        data["media"] = self.media or data["media"]
        return data


async def fetch_posts(targets: list[Target], *, client: Any, settings: Settings, store: Any | None,
                      options: FetchOptions = FetchOptions()) -> list[FetchedPost]:
    """Fetch each target once (duplicates share one answer), in the order given."""
    unique = list(dict.fromkeys(targets))
    results: dict[Target, FetchedPost] = {}
    pending = []
    for target in unique:
        cached = _from_cache(target, settings, store, options)
        if cached is not None:
            results[target] = cached
        else:
            pending.append(target)
    answers: dict[Target, list[PostRecord]] = {t: [] for t in pending}
    twitter = [t for t in pending if t.platform == "twitter"]
    for method in settings.x_methods:
        wanted = [t for t in twitter if options.all_methods or not _settled(answers[t])]
        if not wanted:
            break
        for target, record in (await _ask(method, wanted, client, settings, store)).items():
            answers[target].append(record)
    others = [t for t in pending if t.platform != "twitter"]
    gathered = await asyncio.gather(*(_oembed(t, client, settings, store) for t in others))
    for target, record in zip(others, gathered, strict=True):
        answers[target].append(record)
    for target in pending:
        results[target] = await _settle(target, answers[target], client, settings, store, options)
    return [results[t] for t in targets]


def _settled(records: list[PostRecord]) -> bool:
    return any(r.status in DEFINITIVE for r in records)


def _from_cache(target: Target, settings: Settings, store: Any | None, options: FetchOptions) -> FetchedPost | None:
    if store is None or options.refresh:
        return None
    row = store.post_row(target.platform, target.post_id)
    if row is None:
        if options.offline:
            return FetchedPost(PostRecord(target.platform, target.post_id, target.url, "unknown", "cache",
                                          reason="offline, and this post was never fetched"), unavailable=True)
        return None
    since = (datetime.now(timezone.utc) - timedelta(days=settings.cache_ttl_days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if not options.offline and (row["last_observed_at"] or "") < since:
        return None
    record = replace(record_from_json(json.loads(row["record"])), from_cache=True)
    return FetchedPost(record, _media_rows(record, store), row["id"])


async def _ask(method: str, targets: list[Target], client: Any, settings: Settings,
               store: Any | None) -> dict[Target, PostRecord]:
    if method == "x-api":
        if not settings.x_bearer_token:
            return {}
        import anyio

        found = await anyio.to_thread.run_sync(
            lambda: xapi.lookup([t.post_id for t in targets], settings=settings, store=store))
        return {t: found[t.post_id] for t in targets if t.post_id in found}
    if method == "syndication":
        records = await asyncio.gather(*(_syndication(t, client, settings, store) for t in targets))
        return dict(zip(targets, records, strict=True))
    records = await asyncio.gather(*(_oembed(t, client, settings, store) for t in targets))
    return dict(zip(targets, records, strict=True))


async def _syndication(target: Target, client: Any, settings: Settings, store: Any | None) -> PostRecord:
    outcome = await http_fetch(client, syndication.request_url(target.post_id), settings=settings, store=store,
                               purpose="syndication", keep_body=True)
    if outcome.error:
        return _failed(target, "syndication", outcome)
    record = syndication.parse(target.post_id, outcome.status, outcome.headers.get("content-type", ""), outcome.body)
    return replace(record, fetch_ids=tuple(i for i in (outcome.fetch_id,) if i))


async def _oembed(target: Target, client: Any, settings: Settings, store: Any | None) -> PostRecord:
    provider = oembed.PROVIDERS.get(target.platform)
    if provider is None:
        return PostRecord(target.platform, target.post_id, target.url, "unknown", "oembed",
                          reason=f"{target.platform} offers no oEmbed without a key; nothing could tell")
    token = getattr(settings, provider.token) if provider.token else None
    if provider.token and not token:
        return PostRecord(target.platform, target.post_id, target.url, "unknown", "oembed",
                          reason=f"{target.platform} oEmbed needs an access token (meta_access_token / META_ACCESS_TOKEN)")
    outcome = await http_fetch(client, oembed.request_url(target.platform, target.url, access_token=token),
                               settings=settings, store=store, purpose="oembed", keep_body=True)
    if outcome.error:
        return _failed(target, "oembed", outcome)
    record = oembed.parse(target.platform, target.post_id, target.url, outcome.status,
                          outcome.headers.get("content-type", ""), outcome.body)
    return replace(record, fetch_ids=tuple(i for i in (outcome.fetch_id,) if i))


def _failed(target: Target, method: str, outcome: Any) -> PostRecord:
    return PostRecord(target.platform, target.post_id, target.url, "error", method,
                      reason=f"{outcome.error_kind}: {outcome.error}",
                      fetch_ids=tuple(i for i in (outcome.fetch_id,) if i))


async def _settle(target: Target, records: list[PostRecord], client: Any, settings: Settings, store: Any | None,
                  options: FetchOptions) -> FetchedPost:
    """Merge the answers, record the observation, analyse the media."""
    if not records:
        records = [PostRecord(target.platform, target.post_id, target.url, "unknown", "none",
                              reason="no method is configured for this platform")]
    merged = merge(records)
    if merged.author_handle is None:
        merged = replace(merged, url=target.url)   # a tombstone names no author: keep the URL the article gave
    post_row = None
    if store is not None:
        from cache import utc_now

        post_row = store.record_observation(
            {"platform": target.platform, "post_id": target.post_id, **_columns(merged), "record": merged.to_json()},
            [{"method": r.method, "status": r.status, "reason": r.reason,
              "fetch_id": r.fetch_ids[-1] if r.fetch_ids else None, "record": json.dumps(r.to_json())}
             for r in records], observed_at=utc_now())
    items = await _analyse_media(merged, client, settings, store, options, post_row) if options.media else []
    return FetchedPost(merged, items, post_row)


def _columns(record: PostRecord) -> dict[str, Any]:
    return {k: getattr(record, k) for k in ("url", "status", "method", "author_handle", "author_name", "author_id",
                                            "text", "lang", "created_at")}


def media_urls(record: PostRecord, *, download_video: bool = False) -> list[str]:
    """What to download for a record: photos and thumbnails, video posters; video files only when asked."""
    urls = []
    for item in record.media:
        if item.type in ("video", "animated_gif"):
            if item.preview_url:
                urls.append(item.preview_url)
            if download_video:
                best = max((v for v in item.variants if v.get("content_type") == "video/mp4"),
                           key=lambda v: v.get("bitrate") or 0, default=None)
                if best:
                    urls.append(best["url"])
        elif item.url:
            urls.append(item.url)
    return list(dict.fromkeys(urls))


async def _analyse_media(record: PostRecord, client: Any, settings: Settings, store: Any | None,
                         options: FetchOptions, post_row: int | None) -> list[dict[str, Any]]:
    capped = replace(settings, max_body_bytes=settings.max_media_bytes)
    facts: dict[str, dict[str, Any]] = {}
    for url in media_urls(record, download_video=options.download_video):
        known = store.media_by_url(url) if store is not None and not options.refresh else None
        if known is None:
            known = await analyse_url(url, client=client, settings=capped, store=store,
                                      keep_dir=options.keep_media_dir)
        facts[url] = known
    if store is not None and post_row is not None:
        store.link_post_media(post_row, [f["id"] for f in facts.values() if f.get("id")])
    return [_media_json(item, facts.get(item.url) or facts.get(item.preview_url or "")) for item in record.media]


async def analyse_url(url: str, *, client: Any, settings: Settings, store: Any | None,
                      keep_dir: Path | None = None) -> dict[str, Any]:
    """Download one media URL under the byte cap and record what the file is and what credits it carries."""
    outcome = await http_fetch(client, url, settings=settings, store=store, purpose="media")
    row: dict[str, Any] = {"url": url, "fetched_at": outcome.fetched_at, "fetch_id": outcome.fetch_id}
    if outcome.error or outcome.status != 200:
        row.update(error=f"{outcome.error_kind}: {outcome.error}" if outcome.error else f"HTTP {outcome.status}")
    else:
        facts = media_facts.analyse(outcome.body, declared_mime=outcome.headers.get("content-type"),
                                    max_pixels=settings.max_image_pixels)
        row.update({k: v for k, v in facts.to_json().items()})
        row["c2pa"] = None if facts.c2pa is None else int(facts.c2pa)
        if keep_dir is not None:
            path = keep_dir / facts.sha256[:2] / facts.sha256
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                path.write_bytes(outcome.body)
            row["kept_path"] = str(path)
    if store is not None:
        row["id"] = store.record_media(row)
    return row


def _media_rows(record: PostRecord, store: Any) -> list[dict[str, Any]]:
    return [_media_json(item, store.media_by_url(item.url) or (store.media_by_url(item.preview_url)
                                                               if item.preview_url else None)) for item in record.media]


def _media_json(item: Any, facts: dict[str, Any] | None) -> dict[str, Any]:
    from dataclasses import asdict

    data = asdict(item)
    data["variants"] = list(item.variants)
    facts = facts or {}
    data.update({k: facts.get(k) for k in ("mime", "bytes", "sha256", "phash", "error")})
    data["width"] = data["width"] or facts.get("width")
    data["height"] = data["height"] or facts.get("height")
    data["credit"] = facts.get("credit") or {}
    data["c2pa"] = None if facts.get("c2pa") is None and facts.get("sha256") else bool(facts.get("c2pa"))
    return data
