"""Link resolution, one hop at a time: every hop is checked by the guard and written to the fetch log before the next.

Parse order for where a hop leads: the Location header of a 3xx, then an HTML meta refresh, then the
`location.replace("...")` of the JS-free redirect pages shorteners (t.co) serve to browsers.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from html import unescape
from typing import Any
from urllib.parse import urljoin, urlsplit

from resolver import platforms
from resolver.http import FetchOutcome, fetch
from resolver.platforms import x
from resolver.platforms.canonical import canonical_url
from resolver.settings import Settings

META_REFRESH_RE = re.compile(
    r"""<meta[^>]*?http-equiv\s*=\s*["']?refresh["']?[^>]*?content\s*=\s*["']?\s*\d*\s*;?\s*url\s*=\s*['"]?([^"'>\s]+)""",
    re.IGNORECASE)
JS_REPLACE_RE = re.compile(r"""location\.replace\(\s*["']([^"']+)["']\s*\)""")


@dataclass(frozen=True)
class Hop:
    url: str
    status: int | None
    location: str | None
    elapsed_ms: float
    fetch_id: int | None = None
    via: str | None = None             # how it pointed on: "header" | "meta-refresh" | "javascript"


@dataclass(frozen=True)
class Resolution:
    url: str
    final_url: str | None
    canonical_url: str | None
    hops: list[Hop] = field(default_factory=list)
    post: dict[str, Any] | None = None
    error: str | None = None           # "<kind>: <message>"
    from_cache: bool = False
    unavailable: bool = False          # offline and not cached
    resolution_id: int | None = None   # its row in the cache's resolutions table

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("unavailable")
        return data


def describe(url: str) -> dict[str, Any] | None:
    """What a final URL is (platform, kind, id, handle, canonical URL), plus a snowflake's creation time."""
    ref = platforms.parse_url(url)
    if ref is None:
        return None
    post = {"platform": ref.platform, "kind": ref.kind, "post_id": ref.post_id, "author_handle": ref.author_handle,
            "url": ref.url, "created_at": None}
    if ref.platform == "twitter" and ref.post_id:
        created = x.snowflake_time(ref.post_id)
        post["created_at"] = created.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z" if created else None
    return post


def next_hop(outcome: FetchOutcome, current: str) -> tuple[str, str] | None:
    """Where a response points on, and how, or None when it is the end of the chain."""
    if outcome.status is not None and 300 <= outcome.status < 400 and outcome.location:
        return urljoin(current, outcome.location.strip()), "header"
    if outcome.status == 200 and "html" in outcome.headers.get("content-type", "html"):
        head = outcome.body[:65536].decode("utf-8", "replace")
        meta = META_REFRESH_RE.search(head)
        if meta:
            return urljoin(current, unescape(meta.group(1))), "meta-refresh"
        script = JS_REPLACE_RE.search(head)
        if script:
            return urljoin(current, unescape(script.group(1).replace("\\/", "/"))), "javascript"
    return None


def _normalise(url: str) -> str:
    url = url.strip()
    return url if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", url) else "https://" + url


async def resolve(url: str, *, client: Any, settings: Settings, store: Any | None = None, follow_all: bool = False,
                  refresh: bool = False, offline: bool = False) -> Resolution:
    """Follow a link to its end, hop by hop. Cached answers within the TTL make no request."""
    url = _normalise(url)
    if store is not None and not refresh:
        since = (datetime.now(timezone.utc) - timedelta(days=settings.cache_ttl_days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        cached = store.latest_resolution(url, since=None if offline else since)   # an indexed read: fast
        if cached is not None:
            return Resolution(url, cached["final_url"], cached["canonical_url"],
                              [Hop(**h) for h in cached["hops"] or []], cached["post"], cached["error"],
                              from_cache=True, resolution_id=cached["id"])
    ref = platforms.parse_url(url)
    if ref is not None and ref.kind in ("post", "video", "timeline") and not follow_all:
        resolution = Resolution(url, url, ref.url, [], describe(url))   # a post URL needs no request
    elif offline:
        return Resolution(url, None, None, error="not-cached: offline, and this URL was never resolved",
                          unavailable=True)
    else:
        resolution = await _follow(url, client=client, settings=settings, store=store, follow_all=follow_all)
    return _finish(resolution, store)


async def _follow(url: str, *, client: Any, settings: Settings, store: Any | None, follow_all: bool) -> Resolution:
    hops: list[Hop] = []
    seen: set[str] = set()
    current = url
    while True:
        if current in seen:
            return Resolution(url, current, None, hops, None, f"redirect-loop: {current} was already visited")
        if len(hops) >= settings.max_redirects + 1:
            return Resolution(url, current, None, hops, None,
                              f"too-many-hops: more than {settings.max_redirects} redirects")
        seen.add(current)
        outcome = await fetch(client, current, settings=settings, store=store, purpose="resolve")
        onward = next_hop(outcome, current) if outcome.error is None else None
        hops.append(Hop(current, outcome.status, outcome.location, round(outcome.elapsed_ms, 1), outcome.fetch_id,
                        onward[1] if onward else None))
        if outcome.error is not None:
            return Resolution(url, current, None, hops, None, f"{outcome.error_kind}: {outcome.error}")
        if onward is None:
            return Resolution(url, current, canonical_url(current), hops, describe(current))
        current = onward[0]
        if urlsplit(current).scheme not in ("http", "https"):
            return Resolution(url, current, None, hops, None, f"unsafe: refused {current}: only http and https are fetched")
        ref = platforms.parse_url(current)
        if ref is not None and ref.kind in ("post", "video") and not follow_all:
            return Resolution(url, current, ref.url, hops, describe(current))


def _finish(resolution: Resolution, store: Any | None) -> Resolution:
    if store is None or resolution.unavailable:
        return resolution
    from dataclasses import replace

    from cache import utc_now
    from resolver import __version__

    row_id = store.record_resolution({
        "url": resolution.url, "final_url": resolution.final_url, "canonical_url": resolution.canonical_url,
        "hops": [asdict(h) for h in resolution.hops], "post": resolution.post, "error": resolution.error,
        "resolved_at": utc_now(), "fetch_ids": [h.fetch_id for h in resolution.hops if h.fetch_id],
        "tool_version": __version__,
    })
    return replace(resolution, resolution_id=row_id)


def links_of(embed: Any) -> list[str]:
    """The links an embed carries that resolution can say more about: t.co, pic.twitter.com, short links."""
    links = list(embed.links) + list(embed.media_links)
    if embed.kind in ("media-link", "short-link"):
        links.append(embed.url)
    return list(dict.fromkeys(links))


async def resolve_many(urls: Iterable[str], *, client: Any, settings: Settings, store: Any | None = None,
                       on_done: Any = None, **options: Any) -> list[Resolution]:
    """Resolve many links at once: a global limit (concurrency) and a polite per-host limit (per_host)."""
    overall = asyncio.Semaphore(settings.concurrency)
    per_host: dict[str, asyncio.Semaphore] = {}

    async def one(link: str) -> Resolution:
        host = urlsplit(_normalise(link)).hostname or ""
        gate = per_host.setdefault(host, asyncio.Semaphore(settings.per_host))
        async with overall, gate:
            result = await resolve(link, client=client, settings=settings, store=store, **options)
        if on_done is not None:
            on_done(result)
        return result

    return list(await asyncio.gather(*(one(u) for u in urls)))
