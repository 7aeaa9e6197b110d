"""The provenance report's content: every embed with what the article says and what the sources say, each fact
tied to the recorded fetch behind it (method, UTC time, fetch-log id, body sha256), and consistency checks.

Pure over an article's result (pipeline.ArticleResult: its resolutions, posts, archives and credited images) and
the store's records. Renderers (Markdown, JSON, HTML) live in report.py; the JSON form is described by
schema/report.schema.json.
"""

from __future__ import annotations

import difflib
import html
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from resolver import __version__
from resolver.archive import normalise_text, similarity
from resolver.platforms import x

if TYPE_CHECKING:
    from cache import Store
    from resolver.article import Article
    from resolver.fetch.records import PostRecord
    from resolver.pipeline import ArticleResult

SCHEMA = "https://github.com/embed-resolver/embed-resolver/schema/report.schema.json"
GONE = ("deleted", "suspended", "not_found", "protected", "withheld", "age_restricted")
QUOTE_CHARS = 600
NO_ARCHIVE_LOOKUP = "offline: no archive lookup was made; snapshots shown are the ones already in the cache"


def quote(article: Article, span: list[int] | tuple[int, int]) -> str:
    """The article's own rendering of an embed: its span as text (tags stripped from HTML), shortened."""
    start, end = span
    raw = article.text[start:end]
    if article.kind == "html":
        raw = re.sub(r"<script\b.*?</script>|<style\b.*?</style>", " ", raw, flags=re.S | re.I)
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    text = " ".join(raw.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def check(name: str, result: str, evidence: str) -> dict[str, str]:
    return {"name": name, "result": result, "evidence": evidence}


def _day(value: str | None) -> str | None:
    return value[:10] if value else None


def _days_apart(a: str, b: str) -> int:
    from datetime import date

    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def author_check(embed: dict[str, Any], post: dict[str, Any] | None) -> dict[str, str]:
    if not post or post["status"] != "available" or not post["author"]["handle"]:
        return check("author", "skip", "no available post to compare with")
    if not embed.get("author_handle"):
        return check("author", "skip", f"the article names no handle; the post's author is @{post['author']['handle']}")
    said, found = embed["author_handle"], post["author"]["handle"]
    if said.casefold() != found.casefold():
        return check("author", "fail", f"article says @{said}, the post's author is @{found}")
    if embed.get("author_name") and post["author"]["name"] and \
            normalise_text(embed["author_name"]) != normalise_text(post["author"]["name"]):
        return check("author", "warn", f"handle @{found} matches; the name differs: article "
                                      f"'{embed['author_name']}', now '{post['author']['name']}' (names change)")
    return check("author", "pass", f"@{found}" + (f" ({post['author']['name']})" if post["author"]["name"] else ""))


def date_checks(embed: dict[str, Any], post: dict[str, Any] | None) -> list[dict[str, str]]:
    """The article's date against the post's created_at, and against the snowflake time (which outlives the post)."""
    said = embed.get("date")
    checks = []
    created_at = post.get("created_at") if post and post["status"] == "available" else None
    created = _day(created_at)
    if not said:
        checks.append(check("date", "skip", "the article shows no date for this post"))
    elif created:
        apart = _days_apart(said, created)
        result = "pass" if apart == 0 else "warn" if apart == 1 else "fail"
        checks.append(check("date", result, f"article {said}, post created {created_at}"
                            + (" (one day apart: a time zone?)" if apart == 1 else "")))
    else:
        checks.append(check("date", "skip", "no available post to compare with"))
    minted = x.snowflake_time(embed["post_id"]) if embed.get("platform") == "twitter" and embed.get("post_id") else None
    if said and minted:
        apart = _days_apart(said, minted.date().isoformat())
        result = "pass" if apart == 0 else "warn" if apart == 1 else "fail"
        checks.append(check("snowflake-date", result,
                            f"article {said}, id {embed['post_id']} was minted {minted.strftime('%Y-%m-%dT%H:%M:%SZ')}"))
    return checks


def text_check(embed: dict[str, Any], post: dict[str, Any] | None) -> dict[str, str]:
    if not post or post["status"] != "available" or not post.get("text"):
        return check("text", "skip", "no available post text to compare with")
    if not embed.get("text"):
        return check("text", "skip", "the article quotes no text of this post")
    score = similarity(embed["text"], post["text"])
    if score >= 0.9:
        return check("text", "pass", f"quoted text matches the post ({score:.0%} similar)")
    diff = short_diff(normalise_text(embed["text"]), normalise_text(post["text"]))
    return check("text", "warn" if score >= 0.6 else "fail", f"{score:.0%} similar; {diff}")


def short_diff(said: str, found: str, limit: int = 240) -> str:
    """Words the article has that the post has not ([-...-]) and the reverse ({+...+}), briefly."""
    parts = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, said.split(), found.split()).get_opcodes():
        if op in ("replace", "delete"):
            parts.append("[-" + " ".join(said.split()[a1:a2]) + "-]")
        if op in ("replace", "insert"):
            parts.append("{+" + " ".join(found.split()[b1:b2]) + "+}")
    text = " ".join(parts) or "(same words, other punctuation)"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def media_check(embed: dict[str, Any], post: dict[str, Any] | None, resolutions: list[dict[str, Any]]) -> dict[str, str]:
    links = embed.get("media_links") or []
    wrong = [r["url"] for r in resolutions if r["url"] in links and (r.get("post") or {}).get("post_id")
             and embed.get("post_id") and r["post"]["post_id"] != embed["post_id"]]
    if wrong:
        return check("media", "fail", f"{', '.join(wrong)} belongs to another post than the one embedded")
    if not post or post["status"] != "available":
        return check("media", "skip", "no available post to compare with")
    found = len(post.get("media") or [])
    if not links:
        return check("media", "skip" if not found else "warn",
                     "no media link in the article" + (f"; the post has {found} media" if found else ""))
    if found == 0:
        return check("media", "fail", f"the article shows {len(links)} media link(s); the post has no media now")
    return check("media", "pass" if found >= len(links) else "warn",
                 f"article links {len(links)} media ({', '.join(links)}); the post has {found}")


def archive_check(post: dict[str, Any] | None, snapshots: list[dict[str, Any]]) -> dict[str, str]:
    if not post:
        return check("archive", "skip", "the post was not fetched")
    if post["status"] in ("unknown", "error") and not snapshots:
        return check("archive", "skip", f"the post's status is {post['status']}; no archived copy is known")
    if post["status"] in GONE:
        if snapshots:
            last = max(snapshots, key=lambda s: s["timestamp"])
            return check("archive", "warn", f"the post is {post['status']}; an archived copy exists: {last['url']}")
        return check("archive", "fail", f"the post is {post['status']} and no archived copy was found")
    if snapshots:
        return check("archive", "pass", f"{len(snapshots)} archived copies, latest "
                                        f"{max(snapshots, key=lambda s: s['timestamp'])['url']}")
    return check("archive", "warn", "no archived copy was found (archive it: embed-resolver archive --save)")


def credit_checks(credit: dict[str, Any], facts: dict[str, Any] | None) -> list[dict[str, str]]:
    """The article's photo credit against the credit fields inside the image file."""
    if not credit.get("image"):
        return [check("image-metadata", "skip", "the credit is tied to no image")]
    if not facts or facts.get("error"):
        reason = (facts or {}).get("error") or "the image was not fetched"
        return [check("image-metadata", "skip", reason)]
    embedded = facts.get("credit") or {}
    if not embedded:
        return [check("image-metadata", "warn", "the image file carries no credit metadata")]
    people = [embedded[k] for k in ("byline", "artist", "creator") if embedded.get(k)]
    orgs = [embedded[k] for k in ("credit_line", "source", "copyright") if embedded.get(k)]
    said_people = normalise_text(credit.get("creator") or "")
    said_org = normalise_text(credit.get("organization") or "")
    inside = "; ".join(f"{k}: {v}" for k, v in embedded.items())
    if said_people and people:
        if any(said_people in normalise_text(p) or normalise_text(p) in said_people for p in people):
            return [check("image-metadata", "pass", f"creator matches the file ({inside})")]
        return [check("image-metadata", "fail", f"article credits '{credit['creator']}', the file says {inside}")]
    if said_org and orgs:
        if any(said_org in normalise_text(o) for o in orgs):
            return [check("image-metadata", "pass", f"organisation matches the file ({inside})")]
        return [check("image-metadata", "warn", f"article credits '{credit['organization']}', the file says {inside}")]
    return [check("image-metadata", "skip", f"nothing comparable (file: {inside})")]


def sources_of(post: PostRecord, store: Store | None) -> list[dict[str, Any]]:
    """Every observation behind a post: method, status, UTC time, fetch-log id and the body's sha256."""
    if store is None:
        return []
    row = store.post_row(post.platform, post.post_id)
    if row is None:
        return []
    found = []
    for observation in store.observations(row["id"]):
        fetch = store.fetch(observation["fetch_id"]) if observation["fetch_id"] else None
        found.append({"method": observation["method"], "status": observation["status"],
                      "observed_at": observation["observed_at"], "fetch_id": observation["fetch_id"],
                      "fetched_at": fetch["fetched_at"] if fetch else None,
                      "body_sha256": fetch["body_sha256"] if fetch else None,
                      "via": fetch.get("via") if fetch else None})
    return found


def unreachable(result: ArticleResult) -> list[str]:
    """What could not be reached, in words a reader understands."""
    found = [f"link {r.value.url}: {r.value.error}" for r in result.resolutions or () if r.value.error]
    for post in result.posts or ():
        record = post.value.record
        if record.status in ("error", "unknown"):   # "never fetched" (offline) is an unknown status too
            found.append(f"{record.platform} post {record.post_id}: {record.reason or record.status}")
    archives = result.archives or ()
    found += [f"archive lookup of {a.url}: {a.error}" for a in archives if a.error and not a.unavailable]
    found += [f"image {i.url}: {i.error}" for i in result.credited_images or () if i.error]
    if any(a.unavailable for a in archives):
        found.append(NO_ARCHIVE_LOOKUP)
    return found


def _resolution(resolution: dict[str, Any]) -> dict[str, Any]:
    """A resolution as a report shows it: the chain by hop, where it ends, and the post it names."""
    return ({k: resolution[k] for k in ("url", "final_url", "canonical_url", "error", "from_cache")}
            | {"hops": [{k: h[k] for k in ("url", "status", "location", "fetch_id")} for h in resolution["hops"]],
               "post_id": (resolution.get("post") or {}).get("post_id")})


def build(result: ArticleResult, *, store: Store | None, generated_at: str | None = None) -> dict[str, Any]:
    """The report for one article, after resolve, fetch and archive lookups ran (or were answered by the cache)."""
    from cache import utc_now

    posts = {p.embed: p.value for p in result.posts or ()}
    archives = {a.url: a for a in result.archives or () if not a.unavailable}   # offline: the cache's snapshots
    images = {i.url: i.to_json() for i in result.credited_images or ()}
    embeds = []
    for index, embed in enumerate(result.embeds):
        data = embed.to_json()
        data["quote"] = quote(result.article, embed.span)
        data["resolutions"] = [_resolution(r.value.to_json()) for r in result.resolutions or () if r.embed == index]
        post = posts.get(index)
        data["post"] = post.to_json() | {"sources": sources_of(post.record, store)} if post else None
        minted = x.snowflake_time(embed.post_id) if embed.platform == "twitter" and embed.post_id else None
        data["snowflake_time"] = minted.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z" if minted else None
        url = (post.record.url if post else None) or embed.url
        archived = archives.get(url) or archives.get(embed.url)
        snapshots = [s.to_json() for s in archived.lookup.snapshots] if archived else (
            [dict(s) for s in store.snapshots_for(url)] if store is not None else [])
        data["snapshots"] = [{k: s.get(k) for k in ("service", "url", "timestamp", "status")} for s in snapshots]
        data["checks"] = ([author_check(data, data["post"])] + date_checks(data, data["post"])
                          + [text_check(data, data["post"]), media_check(data, data["post"], data["resolutions"]),
                             archive_check(data["post"], data["snapshots"])])
        embeds.append(data)
    credits = []
    for credit in result.credits:
        data = credit.to_json()
        facts = images.get(credit.image or "")
        data["image_metadata"] = ({k: facts.get(k) for k in ("url", "mime", "width", "height", "sha256", "credit",
                                                             "c2pa", "error", "fetch_id")} if facts else None)
        data["checks"] = credit_checks(data, facts)
        credits.append(data)
    missing = unreachable(result)
    return {
        "$schema": SCHEMA, "generated_by": f"embed-resolver {__version__}", "generated_at": generated_at or utc_now(),
        "article": _article(result, store), "summary": summarise(embeds, credits, missing),
        "embeds": embeds, "credits": credits, "unreachable": missing,
    }


def _article(result: ArticleResult, store: Store | None) -> dict[str, Any]:
    article = result.article
    scanned = None
    if store is not None:
        row = store.article_by_sha256(article.sha256)
        scanned = row["first_scanned_at"] if row else None
    return {"source": article.source, "sha256": article.sha256, "kind": article.kind, "encoding": article.encoding,
            "scanned_at": scanned}


def summarise(embeds: list[dict[str, Any]], credits: list[dict[str, Any]], unreachable: list[str]) -> dict[str, Any]:
    results = Counter(c["result"] for item in embeds + credits for c in item["checks"])
    failed = [f"embed {i + 1}: {c['name']}: {c['evidence']}" for i, e in enumerate(embeds) for c in e["checks"]
              if c["result"] == "fail"]
    failed += [f"credit {i + 1}: {c['name']}: {c['evidence']}" for i, cr in enumerate(credits) for c in cr["checks"]
               if c["result"] == "fail"]
    return {
        "embeds": len(embeds), "credits": len(credits),
        "by_platform": dict(Counter(e["platform"] for e in embeds)),
        "by_status": dict(Counter((e["post"] or {}).get("status", "not fetched") for e in embeds)),
        "checks": {k: results.get(k, 0) for k in ("pass", "warn", "fail", "skip")},
        "failed": failed,
        "without_archive": sum(1 for e in embeds if e["post"] and not e["snapshots"]
                               and e["post"]["status"] not in ("unknown", "error")),
        "unreachable": len(unreachable),
    }
