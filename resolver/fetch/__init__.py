"""Fetching posts: X/Twitter three ways (X API, syndication, oEmbed) in a configured order, other platforms by
oEmbed, every answer kept raw and recorded as an observation, media analysed for credits.

A post seen in ten articles is fetched once: the cache answers within the TTL; `--refresh` adds an observation.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resolver.fetch import media as media_facts
from resolver.fetch import oembed, syndication, xapi
from resolver.fetch.records import Media, PostRecord, merge, record_from_json
from resolver.http import NOT_CACHED, FetchOutcome
from resolver.http import fetch as http_fetch
from resolver.model import plain

if TYPE_CHECKING:
    from cache import Store
    from resolver.session import Session

DEFINITIVE = ("available", "deleted", "suspended", "protected", "withheld", "not_found", "age_restricted")
NEVER_FETCHED = "offline, and this post was never fetched"


@dataclass(frozen=True)
class Target:
    """A post to fetch: platform, id and URL (canonical), as a URL parser read them."""

    platform: str
    post_id: str
    url: str


def target_of(platform: str, kind: str, post_id: str | None, url: str) -> Target | None:
    """The post to fetch when what a parser read is one (a post or a video, with its id), else None."""
    return Target(platform, post_id, url) if post_id and kind in ("post", "video") else None


@dataclass(frozen=True)
class FetchOptions:
    all_methods: bool = False        # ask every method, not only until one answers
    media: bool = True               # download and analyse photos, posters and thumbnails
    download_video: bool = False
    keep_media_dir: Path | None = None


@dataclass(frozen=True)
class MediaFile:
    """What downloading one media URL gave: the file's facts (as resolver.fetch.media reads them), or why none."""

    url: str
    fetched_at: str | None = None
    fetch_id: int | None = None
    sha256: str | None = None
    bytes: int | None = None
    mime: str | None = None
    declared_mime: str | None = None
    width: int | None = None
    height: int | None = None
    phash: str | None = None
    credit: dict[str, str] = field(default_factory=dict)
    c2pa: bool | None = None
    error: str | None = None
    media_id: int | None = None      # its row in the cache's media table
    kept_path: str | None = None     # where --keep-media put the bytes
    unavailable: bool = False        # offline, and never downloaded

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> MediaFile:
        """A row of the cache's media table."""
        return cls(row["url"], row.get("fetched_at"), row.get("fetch_id"), row.get("sha256"), row.get("bytes"),
                   row.get("mime"), row.get("declared_mime"), row.get("width"), row.get("height"), row.get("phash"),
                   row.get("credit") or {}, None if row.get("c2pa") is None else bool(row["c2pa"]), row.get("error"),
                   media_id=row.get("id"), kept_path=row.get("kept_path"))

    def to_json(self) -> dict[str, Any]:
        """The facts; c2pa as the cache keeps it (0/1/null), so a fresh answer and a cached one read the same."""
        data = {k: v for k, v in plain(self).items() if k not in ("media_id", "kept_path", "unavailable")}
        data["c2pa"] = None if self.c2pa is None else int(self.c2pa)
        return data

    def row(self) -> dict[str, Any]:
        """What the cache's media table keeps. As an upsert by URL: a failed download sets its error and keeps
        the facts an earlier download found; a path is set only when bytes were kept."""
        if self.sha256 is None:
            data = {"url": self.url, "fetched_at": self.fetched_at, "fetch_id": self.fetch_id, "error": self.error}
        else:
            data = self.to_json()
        return data | ({"kept_path": self.kept_path} if self.kept_path else {})


@dataclass(frozen=True)
class FetchedPost:
    record: PostRecord
    media: tuple[dict[str, Any], ...] = ()   # per media item: the record's fields + file facts
    post_row: int | None = None
    unavailable: bool = False        # offline and never fetched

    def to_json(self) -> dict[str, Any]:
        data = self.record.to_json()
        data["media"] = list(self.media) or data["media"]
        return data


async def fetch_posts(targets: list[Target], *, session: Session,
                      options: FetchOptions = FetchOptions()) -> list[FetchedPost]:
    """Fetch each target once (duplicates share one answer), in the order given."""
    unique = list(dict.fromkeys(targets))
    results: dict[Target, FetchedPost] = {}
    pending = []
    for target in unique:
        cached = _from_cache(target, session)
        if cached is not None:
            results[target] = cached
        else:
            pending.append(target)
    answers: dict[Target, list[PostRecord]] = {t: [] for t in pending}
    twitter = [t for t in pending if t.platform == "twitter"]
    for method in session.settings.x_methods:
        wanted = [t for t in twitter if options.all_methods or not _settled(answers[t])]
        if not wanted:
            break
        for target, record in (await _ask(method, wanted, session)).items():
            answers[target].append(record)
    others = [t for t in pending if t.platform != "twitter"]
    gathered = await asyncio.gather(*(_oembed(t, session) for t in others))
    for target, record in zip(others, gathered, strict=True):
        answers[target].append(record)
    for target in pending:
        results[target] = await _settle(target, answers[target], session, options)
    return [results[t] for t in targets]


def _settled(records: list[PostRecord]) -> bool:
    return any(r.status in DEFINITIVE for r in records)


def _from_cache(target: Target, session: Session) -> FetchedPost | None:
    """The cached post, when there is one the run accepts (within the TTL; offline, of any age)."""
    store = session.store
    if store is None or session.refresh:
        return None
    row = store.post_row(target.platform, target.post_id)
    since = session.cached_since()
    if row is None or since is not None and (row["last_observed_at"] or "") < since:
        return None
    record = replace(record_from_json(json.loads(row["record"])), from_cache=True)
    return FetchedPost(record, _media_rows(record, store), row["id"])


async def _ask(method: str, targets: list[Target], session: Session) -> dict[Target, PostRecord]:
    if method == "x-api":
        if not session.settings.x_bearer_token:
            return {}
        import anyio

        found = await anyio.to_thread.run_sync(lambda: xapi.lookup([t.post_id for t in targets], session=session))
        return {t: found[t.post_id] for t in targets if t.post_id in found}
    ask = _syndication if method == "syndication" else _oembed
    records = await asyncio.gather(*(ask(t, session) for t in targets))
    return dict(zip(targets, records, strict=True))


async def _syndication(target: Target, session: Session) -> PostRecord:
    outcome = await http_fetch(session, syndication.request_url(target.post_id), purpose="syndication",
                               keep_body=True)
    if outcome.error:
        return _failed(target, "syndication", outcome)
    record = syndication.parse(target.post_id, outcome.status, outcome.headers.get("content-type", ""), outcome.body)
    return replace(record, fetch_ids=tuple(i for i in (outcome.fetch_id,) if i))


async def _oembed(target: Target, session: Session) -> PostRecord:
    provider = oembed.PROVIDERS.get(target.platform)
    if provider is None:
        return PostRecord(target.platform, target.post_id, target.url, "unknown", "oembed",
                          reason=f"{target.platform} offers no oEmbed without a key; nothing could tell")
    token = getattr(session.settings, provider.token) if provider.token else None
    if provider.token and not token:
        return PostRecord(target.platform, target.post_id, target.url, "unknown", "oembed",
                          reason=f"{target.platform} oEmbed needs an access token (meta_access_token / META_ACCESS_TOKEN)")
    outcome = await http_fetch(session, oembed.request_url(target.platform, target.url, access_token=token),
                               purpose="oembed", keep_body=True)
    if outcome.error:
        return _failed(target, "oembed", outcome)
    record = oembed.parse(target.platform, target.post_id, target.url, outcome.status,
                          outcome.headers.get("content-type", ""), outcome.body)
    return replace(record, fetch_ids=tuple(i for i in (outcome.fetch_id,) if i))


def _failed(target: Target, method: str, outcome: FetchOutcome) -> PostRecord:
    return PostRecord(target.platform, target.post_id, target.url, "error", method, reason=outcome.problem,
                      fetch_ids=tuple(i for i in (outcome.fetch_id,) if i))


def _unavailable(record: PostRecord) -> bool:
    """An answer that is no answer: offline, and not in the cache."""
    return record.status == "error" and (record.reason or "").startswith(f"{NOT_CACHED}:")


async def _settle(target: Target, records: list[PostRecord], session: Session, options: FetchOptions) -> FetchedPost:
    """Merge the answers, record the observation, analyse the media. Offline non-answers are not observations."""
    if records and all(_unavailable(r) for r in records):
        return FetchedPost(PostRecord(target.platform, target.post_id, target.url, "unknown", "cache",
                                      reason=NEVER_FETCHED), unavailable=True)
    if not records:
        records = [PostRecord(target.platform, target.post_id, target.url, "unknown", "none",
                              reason="no method is configured for this platform")]
    merged = merge(records)
    if merged.author_handle is None:
        merged = replace(merged, url=target.url)   # a tombstone names no author: keep the URL the article gave
    post_row = None
    if session.store is not None:
        from cache import utc_now

        post_row = session.store.record_observation(
            {"platform": target.platform, "post_id": target.post_id, **_columns(merged), "record": merged.to_json()},
            [{"method": r.method, "status": r.status, "reason": r.reason,
              "fetch_id": r.fetch_ids[-1] if r.fetch_ids else None, "record": json.dumps(r.to_json())}
             for r in records], observed_at=utc_now())
    items = await _analyse_media(merged, session, options, post_row) if options.media else ()
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


async def _analyse_media(record: PostRecord, session: Session, options: FetchOptions,
                         post_row: int | None) -> tuple[dict[str, Any], ...]:
    files = {url: await media_file(url, session=session, keep_dir=options.keep_media_dir)
             for url in media_urls(record, download_video=options.download_video)}
    if session.store is not None and post_row is not None:
        session.store.link_post_media(post_row, [f.media_id for f in files.values() if f.media_id])
    return tuple(_media_json(item, files.get(item.url) or files.get(item.preview_url or "")) for item in record.media)


async def media_file(url: str, *, session: Session, keep_dir: Path | None = None) -> MediaFile:
    """What the cache knows of a media URL (unless --refresh), else what downloading it now gives."""
    known = session.store.media_by_url(url) if session.store is not None and not session.refresh else None
    if known is not None:
        return MediaFile.from_row(known)
    return await analyse_url(url, session=session, keep_dir=keep_dir)


async def analyse_url(url: str, *, session: Session, keep_dir: Path | None = None) -> MediaFile:
    """Download one media URL under the media byte cap and record what the file is and what credits it carries."""
    outcome = await http_fetch(session, url, purpose="media", max_bytes=session.settings.max_media_bytes)
    if outcome.unavailable:
        return MediaFile(url, error="offline, and this image was never fetched", unavailable=True)
    if outcome.problem or outcome.status != 200:
        found = MediaFile(url, outcome.fetched_at, outcome.fetch_id, error=outcome.problem or f"HTTP {outcome.status}")
    else:
        facts = media_facts.analyse(outcome.body, declared_mime=outcome.headers.get("content-type"))
        kept = _keep(outcome.body, facts.sha256, keep_dir) if keep_dir is not None else None
        found = MediaFile(url, outcome.fetched_at, outcome.fetch_id, **facts.to_json(), kept_path=kept)
    if session.store is not None:
        found = replace(found, media_id=session.store.record_media(found.row()))
    return found


def _keep(body: bytes, sha256: str, keep_dir: Path) -> str:
    path = keep_dir / sha256[:2] / sha256
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_bytes(body)
    return str(path)


def _media_rows(record: PostRecord, store: Store) -> tuple[dict[str, Any], ...]:
    def known(url: str | None) -> MediaFile | None:
        row = store.media_by_url(url) if url else None
        return MediaFile.from_row(row) if row is not None else None
    return tuple(_media_json(item, known(item.url) or known(item.preview_url)) for item in record.media)


def _media_json(item: Media, facts: MediaFile | None) -> dict[str, Any]:
    data = plain(item)
    data["variants"] = list(item.variants)
    data.update({k: getattr(facts, k) if facts else None for k in ("mime", "bytes", "sha256", "phash", "error")})
    data["width"] = data["width"] or (facts.width if facts else None)
    data["height"] = data["height"] or (facts.height if facts else None)
    data["credit"] = facts.credit if facts else {}
    data["c2pa"] = None if facts and facts.c2pa is None and facts.sha256 else bool(facts and facts.c2pa)
    return data
