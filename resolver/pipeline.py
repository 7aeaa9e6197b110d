"""The whole job, top to bottom: read an article, find its embeds and credits, record them."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from resolver import __version__, extract
from resolver.article import Article, from_path
from resolver.errors import InputError
from resolver.model import Credit, Embed


@dataclass(frozen=True)
class ScanResult:
    """What scanning one article found, and where it was recorded."""

    article: Article
    embeds: list[Embed]
    credits: list[Credit]
    article_id: int | None = None
    newly_recorded: bool = False
    extras: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.article.source, "sha256": self.article.sha256, "kind": self.article.kind,
            "encoding": self.article.encoding, "encoding_detected": self.article.encoding_detected,
            "embeds": [e.to_json() for e in self.embeds], "credits": [c.to_json() for c in self.credits],
        }
        data.update(self.extras)
        return data


def scan_article(article: Article, *, store: Any | None = None) -> ScanResult:
    """Find the embeds and credits of one article and, given a store, record them in one transaction."""
    embeds, credits = extract.find_all(article.text, article.kind)
    if store is None:
        return ScanResult(article, embeds, credits)
    article_id, created = store.record_article(
        {"sha256": article.sha256, "kind": article.kind, "encoding": article.encoding,
         "encoding_detected": int(article.encoding_detected), "bytes": len(article.data)},
        [e.to_json() for e in embeds], [c.to_json() for c in credits],
        source=article.source, tool_version=__version__,
    )
    return ScanResult(article, embeds, credits, article_id, created)


def expand_sources(sources: list[str]) -> Iterator[tuple[str, Path | None, str | None]]:
    """(name, path, problem) for every file the sources name: files as given, directories walked in sorted order.

    A problem found while walking a directory (an unreadable sub-folder) is yielded, not raised, so the run goes on.
    """
    for source in sources:
        if source == "-":
            yield "-", None, None
            continue
        path = Path(source)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield source, path, None


def _walk(directory: Path) -> Iterator[tuple[str, Path | None, str | None]]:
    try:
        entries = sorted(directory.iterdir())
    except OSError as exc:
        yield str(directory), None, f"cannot list {directory}: {exc.strerror or exc}"
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file():
            yield str(entry), entry, None


def load(path: Path | None, *, data: bytes | None = None, kind: str | None = None,
         encoding: str | None = None) -> Article:
    """An Article from a path, or from bytes already read (stdin)."""
    from resolver.article import from_bytes

    if path is None:
        if data is None:
            raise InputError("no input given")
        return from_bytes(data, "-", kind=kind, encoding=encoding)
    return from_path(path, kind=kind, encoding=encoding)


def resolve_links(result: ScanResult, *, settings: Any, store: Any | None, offline: bool = False,
                  refresh: bool = False, client: Any | None = None) -> ScanResult:
    """Resolve every link the article's embeds carry, record each, and tie them to their embeds."""
    import asyncio
    from dataclasses import replace

    from resolver import http
    from resolver.resolve import links_of, resolve_many

    wanted = [(i, link) for i, embed in enumerate(result.embeds) for link in links_of(embed)]
    if not wanted:
        return replace(result, extras={**result.extras, "resolutions": []})

    async def run() -> list[Any]:
        if client is not None:
            return await resolve_many([link for _, link in wanted], client=client, settings=settings, store=store,
                                      offline=offline, refresh=refresh)
        async with http.make_client(settings) as fresh:
            return await resolve_many([link for _, link in wanted], client=fresh, settings=settings, store=store,
                                      offline=offline, refresh=refresh)

    resolutions = asyncio.run(run())
    if store is not None and result.article_id is not None:
        store.link_embeds(result.article_id,
                          [(i, link, r.resolution_id) for (i, link), r in zip(wanted, resolutions, strict=True)])
    found = [{"embed": i, **r.to_json()} for (i, _), r in zip(wanted, resolutions, strict=True)]
    unavailable = any(r.unavailable for r in resolutions)
    return replace(result, extras={**result.extras, "resolutions": found, "unavailable": unavailable})


async def fetch_targets(targets: list[str], *, client: Any, settings: Any, store: Any | None, offline: bool = False,
                        refresh: bool = False) -> list[Any]:
    """Posts to fetch from what the user named: post URLs as they are, short links resolved, articles scanned."""
    from resolver import platforms
    from resolver.fetch import Target
    from resolver.resolve import resolve_many

    found: list[Target] = []
    links: list[str] = []
    for target in targets:
        if target == "-" or Path(target).exists():
            for name, path, problem in expand_sources([target]):
                if problem:
                    continue
                article = load(path, data=sys.stdin.buffer.read() if name == "-" else None)
                result = scan_article(article, store=store)
                for embed in result.embeds:
                    if embed.post_id and embed.kind in ("post", "video"):
                        found.append(Target(embed.platform, embed.post_id, embed.url))
                    elif embed.kind in ("media-link", "short-link"):
                        links.append(embed.url)
            continue
        ref = platforms.parse_url(target)
        if ref is not None and ref.post_id and ref.kind in ("post", "video"):
            found.append(Target(ref.platform, ref.post_id, ref.url))
        elif "." in target:
            links.append(target)
        else:
            raise InputError(f"{target} is neither a file nor a URL")
    for resolution in await resolve_many(links, client=client, settings=settings, store=store, offline=offline,
                                         refresh=refresh):
        post = resolution.post or {}
        if post.get("post_id") and post.get("kind") in ("post", "video"):
            found.append(Target(post["platform"], post["post_id"], post["url"]))
    return found


def fetch_for_article(result: ScanResult, *, settings: Any, store: Any | None, options: Any) -> ScanResult:
    """Fetch every post the article's embeds name (directly, or through a resolved link) and tie each to its embed."""
    import asyncio
    from dataclasses import replace

    from resolver import http
    from resolver.fetch import Target, fetch_posts

    wanted: list[tuple[int, Target]] = []
    for i, embed in enumerate(result.embeds):
        if embed.post_id and embed.kind in ("post", "video"):
            wanted.append((i, Target(embed.platform, embed.post_id, embed.url)))
    for found in result.extras.get("resolutions", []):
        post = found.get("post") or {}
        if post.get("post_id") and post.get("kind") in ("post", "video"):
            wanted.append((found["embed"], Target(post["platform"], post["post_id"], post["url"])))
    wanted = list(dict.fromkeys(wanted))
    images = list(dict.fromkeys(c.image for c in result.credits
                                if c.image and c.image.startswith(("http://", "https://")))) if options.media else []

    async def run() -> tuple[list[Any], list[dict[str, Any]]]:
        from resolver.fetch import analyse_url

        capped = replace(settings, max_body_bytes=settings.max_media_bytes)
        async with http.make_client(settings) as client:
            posts = await fetch_posts([t for _, t in wanted], client=client, settings=settings, store=store,
                                      options=options) if wanted else []
            facts = []
            for url in images:
                known = store.media_by_url(url) if store is not None and not options.refresh else None
                if known is None and options.offline:
                    known = {"url": url, "error": "offline, and this image was never fetched"}
                facts.append(known or await analyse_url(url, client=client, settings=capped, store=store,
                                                        keep_dir=options.keep_media_dir))
            return posts, facts

    posts, image_facts = asyncio.run(run())
    if store is not None and result.article_id is not None:
        ids = store.embed_ids(result.article_id)
        for (ordinal, _), post in zip(wanted, posts, strict=True):
            if post.post_row is not None and ordinal in ids:
                store.link_embed_post(ids[ordinal], post.post_row)
    found_posts = [{"embed": ordinal, **post.to_json()} for (ordinal, _), post in zip(wanted, posts, strict=True)]
    unavailable = result.extras.get("unavailable") or any(p.unavailable for p in posts)
    credited = [{k: v for k, v in f.items() if k not in ("id", "kept_path")} for f in image_facts]
    return replace(result, extras={**result.extras, "posts": found_posts, "credited_images": credited,
                                   "unavailable": unavailable})


@dataclass(frozen=True)
class ArchiveOptions:
    save: bool = False
    max_age_days: float = 30.0
    near: str | None = None           # YYYYMMDD: prefer the snapshot closest to this day
    poll_every: float = 2.0
    live_copy: bool = True            # also fetch each URL itself (into the WARC, when one is open)


async def archive_urls(urls: list[str], *, client: Any, settings: Any, store: Any | None,
                       options: ArchiveOptions = ArchiveOptions(), near: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """For each URL: a live copy (into the WARC when one is open), its snapshots, and a save when none is recent."""
    from resolver import archive
    from resolver.http import fetch

    results: dict[str, dict[str, Any]] = {}
    for url in dict.fromkeys(urls):
        live = await fetch(client, url, settings=settings, store=store, purpose="archive-live") \
            if options.live_copy else None
        found = await archive.lookup(url, client=client, settings=settings, store=store,
                                     near=(near or {}).get(url) or options.near)
        results[url] = {
            "url": url, "snapshots": [s.to_json() for s in found.snapshots], "count": len(found.snapshots),
            "earliest": found.earliest.to_json() if found.earliest else None,
            "latest": found.latest.to_json() if found.latest else None,
            "closest": found.closest.to_json() if found.closest else None, "error": found.error, "saved": None,
            "warc": {"file": live.warc_file, "offset": live.warc_offset} if live and live.warc_file else None,
            "live_status": live.status if live else None,
        }
        if options.save and store is not None and not archive.recent(found, options.max_age_days):
            store.queue_save(url)
    if options.save:
        if not (settings.ia_access_key and settings.ia_secret_key):
            for result in results.values():
                result["saved"] = {"status": "no-keys", "job_id": None, "snapshot_url": None, "timestamp": None,
                                   "message": "no Internet Archive keys (IA_ACCESS_KEY, IA_SECRET_KEY): not saved"}
        elif store is not None:
            await archive.process_queue(client=client, settings=settings, store=store, poll_every=options.poll_every)
            for url, result in results.items():
                row = store.latest_save(url)
                if row is not None:
                    result["saved"] = {k: row[k] for k in ("job_id", "status", "snapshot_url", "timestamp",
                                                           "status_ext", "message")}
    return list(results.values())


def archive_targets_of(result: ScanResult) -> tuple[list[str], dict[str, str]]:
    """The post and media URLs an article references (after resolution and fetching), and each post's day."""
    urls: list[str] = []
    near: dict[str, str] = {}
    for embed in result.embeds:
        if embed.post_id and embed.kind in ("post", "video"):
            urls.append(embed.url)
            if embed.date:
                near[embed.url] = embed.date.replace("-", "")
        urls.extend(embed.media_links)
    for post in result.extras.get("posts", []):
        if post.get("url"):
            urls.append(post["url"])
        urls.extend(m["url"] for m in post.get("media", []) if m.get("url"))
    urls.extend(c.image for c in result.credits if c.image and c.image.startswith(("http://", "https://")))
    return list(dict.fromkeys(urls)), near


def archive_article(result: ScanResult, *, settings: Any, store: Any | None, options: ArchiveOptions) -> ScanResult:
    import asyncio
    from dataclasses import replace

    from resolver import http

    urls, near = archive_targets_of(result)

    async def run() -> list[dict[str, Any]]:
        async with http.make_client(settings) as client:
            return await archive_urls(urls, client=client, settings=settings, store=store, options=options, near=near)

    return replace(result, extras={**result.extras, "archives": asyncio.run(run()) if urls else []})


def identify_remnants(result: ScanResult, *, settings: Any, store: Any | None) -> ScanResult:
    """For each flattened tweet with no link: find its id from the archive's captures and the text."""
    import asyncio
    from dataclasses import replace

    from resolver import archive, http

    wanted = [(i, e) for i, e in enumerate(result.embeds)
              if e.platform == "twitter" and e.kind == "post" and not e.post_id and e.author_handle and e.date and e.text]

    async def run() -> list[Any]:
        async with http.make_client(settings) as client:
            return [await archive.identify(e.author_handle, e.date, e.text, client=client, settings=settings,
                                           store=store) for _, e in wanted]

    found = asyncio.run(run()) if wanted else []
    ids = store.embed_ids(result.article_id) if store is not None and result.article_id is not None else {}
    out = []
    for (ordinal, _embed), ident in zip(wanted, found, strict=True):
        row = {"embed": ordinal, "platform": "twitter", "post_id": ident.post_id, "confidence": ident.confidence,
               "candidates": ident.candidates, "similarity": ident.similarity, "evidence": ident.evidence}
        if store is not None and ordinal in ids:
            store.record_identification({k: v for k, v in row.items() if k != "embed"} | {"embed_id": ids[ordinal]})
        out.append(row)
    return replace(result, extras={**result.extras, "identifications": out})


def process_article(article: Article, *, settings: Any, store: Any | None, steps: set[str] = frozenset(),
                    offline: bool = False, refresh: bool = False,
                    archive: "ArchiveOptions | None" = None) -> ScanResult:
    """The whole job for one article, as far as asked: scan, then resolve its links, fetch its posts, archive
    them (when `archive` options are given), and identify flattened tweets that kept no link."""
    from resolver.fetch import FetchOptions

    result = scan_article(article, store=store)
    if "resolve" in steps or "fetch" in steps or archive is not None:
        result = resolve_links(result, settings=settings, store=store, offline=offline, refresh=refresh)
    if "fetch" in steps or archive is not None:
        result = fetch_for_article(result, settings=settings, store=store,
                                   options=FetchOptions(refresh=refresh, offline=offline))
    if archive is not None:
        result = archive_article(result, settings=settings, store=store, options=archive)
    if "identify" in steps:
        result = identify_remnants(result, settings=settings, store=store)
    return result


def report_for(article: Article, *, settings: Any, store: Any, offline: bool = False, refresh: bool = False) -> dict[str, Any]:
    """Run what a report still needs (scan, resolve, fetch, archive lookup; only the cache when offline) and build it."""
    from dataclasses import replace

    from resolver import provenance

    result = process_article(article, settings=settings, store=store, steps={"fetch"}, offline=offline,
                             refresh=refresh, archive=None if offline else ArchiveOptions(live_copy=False))
    if offline:
        result = replace(result, extras={**result.extras, "archives": []})
    return provenance.build(result, store=store, unreachable=unreachable(result, offline=offline))


def unreachable(result: ScanResult, *, offline: bool) -> list[str]:
    """What could not be reached, in words a reader understands."""
    found = []
    for r in result.extras.get("resolutions", []):
        if r.get("error"):
            found.append(f"link {r['url']}: {r['error']}")
    for p in result.extras.get("posts", []):
        if p["status"] in ("error", "unknown"):   # "never fetched" (offline) is an unknown status too
            found.append(f"{p['platform']} post {p['post_id']}: {p.get('reason') or p['status']}")
    for a in result.extras.get("archives", []):
        if a.get("error"):
            found.append(f"archive lookup of {a['url']}: {a['error']}")
    for i in result.extras.get("credited_images", []):
        if i.get("error"):
            found.append(f"image {i['url']}: {i['error']}")
    if offline:
        found.append("offline: no archive lookup was made; snapshots shown are the ones already in the cache")
    return found
