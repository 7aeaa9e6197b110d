"""The cache schema, as forward migrations (sqlite-utils' Migrations: each runs in its own transaction)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("embed-resolver-cache")


@migrations()
def m001_articles_embeds_credits(db: Database) -> None:
    """v1: articles by sha256, the paths they were read from, their embeds and photo credits."""
    db["articles"].create({
        "id": int, "sha256": str, "kind": str, "encoding": str, "encoding_detected": int, "bytes": int,
        "first_source": str, "first_scanned_at": str, "tool_version": str, "embed_count": int, "credit_count": int,
    }, pk="id", not_null={"sha256", "kind"})
    db["articles"].create_index(["sha256"], unique=True)
    db["article_sources"].create({"id": int, "article_id": int, "source": str, "first_seen_at": str},
                                 pk="id", foreign_keys=[("article_id", "articles", "id")])
    db["article_sources"].create_index(["article_id", "source"], unique=True)
    db["embeds"].create({
        "id": int, "article_id": int, "ordinal": int, "platform": str, "kind": str, "url": str, "post_id": str,
        "author_handle": str, "author_name": str, "date_text": str, "date": str, "text": str, "lang": str,
        "media_links": str, "links": str, "detector": str, "span_start": int, "span_end": int, "also_at": str,
    }, pk="id", foreign_keys=[("article_id", "articles", "id")], not_null={"article_id", "platform", "url"})
    db["embeds"].create_index(["article_id", "ordinal"], unique=True)
    db["embeds"].create_index(["platform", "post_id"])
    db["embeds"].create_index(["url"])
    db["credits"].create({
        "id": int, "article_id": int, "ordinal": int, "raw": str, "creator": str, "organization": str,
        "source": str, "form": str, "image": str, "span_start": int, "span_end": int,
    }, pk="id", foreign_keys=[("article_id", "articles", "id")], not_null={"article_id", "raw"})
    db["credits"].create_index(["article_id", "ordinal"], unique=True)
    db["credits"].create_index(["creator"])


@migrations()
def m002_fetch_log_and_resolutions(db: Database) -> None:
    """v2: every request made (the fetch log) and every link resolution, tied to the requests behind it."""
    db["fetches"].create({
        "id": int, "url": str, "contacted_url": str, "method": str, "fetched_at": str, "status": int,
        "headers": str, "body_sha256": str, "body_bytes": int, "elapsed_ms": float, "error_kind": str, "error": str,
        "purpose": str, "tool_version": str,
    }, pk="id", not_null={"url", "method", "fetched_at"})
    db["fetches"].create_index(["url", "fetched_at"])
    db["resolutions"].create({
        "id": int, "url": str, "final_url": str, "canonical_url": str, "hops": str, "post": str, "error": str,
        "resolved_at": str, "fetch_ids": str, "tool_version": str,
    }, pk="id", not_null={"url", "resolved_at"})
    db["resolutions"].create_index(["url", "resolved_at"])
    db["embed_links"].create({"id": int, "embed_id": int, "url": str, "resolution_id": int}, pk="id",
                             foreign_keys=[("embed_id", "embeds", "id"), ("resolution_id", "resolutions", "id")])
    db["embed_links"].create_index(["embed_id", "url"], unique=True)
