"""The cache schema, as forward migrations (sqlite-utils' Migrations: each runs in its own transaction).

A new (empty) database is not stepped through them: it gets what they make of an empty file, written out in
cache/schema.sql, in one transaction (#14). After adding a migration, write that file again with
`python -m cache.migrations` (tests/test_store.py fails until it is)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

from cache._sqlite_utils import Database, Migrations
from cache.agencies import agency_names_sql
from cache.store import MIGRATION_SET, NO_PLACE_SOURCES, OF_NO_KNOWN_AGE, SCHEMA, VIEW_AT, sql_statements

migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_articles_embeds_credits(db: Database) -> None:
    """v1: articles by sha256, the paths they were read from, their embeds and photo credits."""
    db.table("articles").create({
        "id": int, "sha256": str, "kind": str, "encoding": str, "encoding_detected": int, "bytes": int,
        "first_source": str, "first_scanned_at": str, "tool_version": str, "embed_count": int, "credit_count": int,
    }, pk="id", not_null={"sha256", "kind"})
    db.table("articles").create_index(["sha256"], unique=True)
    db.table("article_sources").create({"id": int, "article_id": int, "source": str, "first_seen_at": str},
                                 pk="id", foreign_keys=[("article_id", "articles", "id")])
    db.table("article_sources").create_index(["article_id", "source"], unique=True)
    db.table("embeds").create({
        "id": int, "article_id": int, "ordinal": int, "platform": str, "kind": str, "url": str, "post_id": str,
        "author_handle": str, "author_name": str, "date_text": str, "date": str, "text": str, "lang": str,
        "media_links": str, "links": str, "detector": str, "span_start": int, "span_end": int, "also_at": str,
    }, pk="id", foreign_keys=[("article_id", "articles", "id")], not_null={"article_id", "platform", "url"})
    db.table("embeds").create_index(["article_id", "ordinal"], unique=True)
    db.table("embeds").create_index(["platform", "post_id"])
    db.table("embeds").create_index(["url"])
    db.table("credits").create({
        "id": int, "article_id": int, "ordinal": int, "raw": str, "creator": str, "organization": str,
        "source": str, "form": str, "image": str, "span_start": int, "span_end": int,
    }, pk="id", foreign_keys=[("article_id", "articles", "id")], not_null={"article_id", "raw"})
    db.table("credits").create_index(["article_id", "ordinal"], unique=True)
    db.table("credits").create_index(["creator"])


@migrations()
def m002_fetch_log_and_resolutions(db: Database) -> None:
    """v2: every request made (the fetch log) and every link resolution, tied to the requests behind it."""
    db.table("fetches").create({
        "id": int, "url": str, "contacted_url": str, "method": str, "fetched_at": str, "status": int,
        "headers": str, "body_sha256": str, "body_bytes": int, "elapsed_ms": float, "error_kind": str, "error": str,
        "purpose": str, "tool_version": str,
    }, pk="id", not_null={"url", "method", "fetched_at"})
    db.table("fetches").create_index(["url", "fetched_at"])
    db.table("resolutions").create({
        "id": int, "url": str, "final_url": str, "canonical_url": str, "hops": str, "post": str, "error": str,
        "resolved_at": str, "fetch_ids": str, "tool_version": str,
    }, pk="id", not_null={"url", "resolved_at"})
    db.table("resolutions").create_index(["url", "resolved_at"])
    db.table("embed_links").create({"id": int, "embed_id": int, "url": str, "resolution_id": int}, pk="id",
                             foreign_keys=[("embed_id", "embeds", "id"), ("resolution_id", "resolutions", "id")])
    db.table("embed_links").create_index(["embed_id", "url"], unique=True)


@migrations()
def m003_posts_media_and_raw_bodies(db: Database) -> None:
    """v3: fetched posts, their authors, every observation of a post over time, media facts, the links
    article embed -> post -> media, and the raw body of every API/syndication/oEmbed answer."""
    db.table("bodies").create({"sha256": str, "data": bytes, "bytes": int, "content_type": str, "stored_at": str},
                        pk="sha256")
    db.table("posts").create({
        "id": int, "platform": str, "post_id": str, "url": str, "status": str, "method": str,
        "author_handle": str, "author_name": str, "author_id": str, "text": str, "lang": str, "created_at": str,
        "record": str, "first_observed_at": str, "last_observed_at": str, "last_available_at": str,
    }, pk="id", not_null={"platform", "post_id"})
    db.table("posts").create_index(["platform", "post_id"], unique=True)
    db.table("posts").create_index(["author_handle"])
    db.table("authors").create({"id": int, "platform": str, "handle": str, "name": str, "author_id": str,
                          "first_seen_at": str, "last_seen_at": str}, pk="id")
    db.table("authors").create_index(["platform", "handle"], unique=True)
    db.table("post_observations").create({
        "id": int, "post_row": int, "observed_at": str, "method": str, "status": str, "reason": str,
        "fetch_id": int, "record": str, "reparsed_at": str,
    }, pk="id", foreign_keys=[("post_row", "posts", "id"), ("fetch_id", "fetches", "id")])
    db.table("post_observations").create_index(["post_row", "observed_at"])
    db.table("media").create({
        "id": int, "url": str, "sha256": str, "mime": str, "declared_mime": str, "bytes": int, "width": int,
        "height": int, "phash": str, "credit": str, "c2pa": int, "error": str, "fetched_at": str, "fetch_id": int,
        "kept_path": str,
    }, pk="id", foreign_keys=[("fetch_id", "fetches", "id")])
    db.table("media").create_index(["url"], unique=True)
    db.table("media").create_index(["sha256"])
    db.table("post_media").create({"id": int, "post_row": int, "media_id": int, "ordinal": int}, pk="id",
                            foreign_keys=[("post_row", "posts", "id"), ("media_id", "media", "id")])
    db.table("post_media").create_index(["post_row", "media_id"], unique=True)
    db.table("embed_posts").create({"id": int, "embed_id": int, "post_row": int}, pk="id",
                             foreign_keys=[("embed_id", "embeds", "id"), ("post_row", "posts", "id")])
    db.table("embed_posts").create_index(["embed_id", "post_row"], unique=True)


@migrations()
def m004_archives(db: Database) -> None:
    """v4: where each fetch came from (live or a replayed WARC) and which WARC record holds it; archived
    snapshots; the Save Page Now queue (it survives restarts); identifications of remnants with no link."""
    db.table("fetches").add_column("via", str)
    db.table("fetches").add_column("warc_file", str)
    db.table("fetches").add_column("warc_offset", int)
    db.table("snapshots").create({
        "id": int, "service": str, "original": str, "url": str, "timestamp": str, "status": str, "digest": str,
        "mimetype": str, "found_via": str, "observed_at": str, "fetch_id": int,
    }, pk="id", foreign_keys=[("fetch_id", "fetches", "id")])
    db.table("snapshots").create_index(["original", "timestamp"])
    db.table("snapshots").create_index(["service", "url"], unique=True)
    db.table("saves").create({
        "id": int, "url": str, "status": str, "job_id": str, "attempts": int, "status_ext": str, "message": str,
        "snapshot_url": str, "timestamp": str, "queued_at": str, "updated_at": str,
    }, pk="id", not_null={"url", "status"})
    db.table("saves").create_index(["status", "queued_at"])
    db.table("saves").create_index(["url"])
    db.table("identifications").create({
        "id": int, "embed_id": int, "platform": str, "post_id": str, "confidence": float, "candidates": int,
        "similarity": float, "evidence": str, "identified_at": str,
    }, pk="id", foreign_keys=[("embed_id", "embeds", "id")])
    db.table("identifications").create_index(["embed_id"])


@migrations()
def m005_media_warnings(db: Database) -> None:
    """v5: what was read from a media file only in part (an XMP packet defusedxml refused...), as a JSON list."""
    db.table("media").add_column("warnings", str)


@migrations()
def m006_errors(db: Database) -> None:
    """v6: what went wrong with an input of a batch (the batch went on without it), so a run's failures stay on
    record next to its results."""
    db.table("errors").create({
        "id": int, "source": str, "article_id": int, "stage": str, "kind": str, "message": str, "occurred_at": str,
        "tool_version": str,
    }, pk="id", foreign_keys=[("article_id", "articles", "id")], not_null={"source", "message", "occurred_at"})
    db.table("errors").create_index(["source"])


@migrations()
def m007_identification_verdicts(db: Database) -> None:
    """v7: an identification's verdict (identified, tie, too-close, no-match, no-candidates), so a refusal is
    told apart from a miss; `similarity` now holds the best candidate's word score."""
    db.table("identifications").add_column("verdict", str)


@migrations()
def m008_source_urls_and_progress(db: Database) -> None:
    """v8: the URL (and its host: the outlet) an article was read from, when the input said (JSON Lines, WARC);
    the work finished per input item, so an interrupted run resumes without reading what it already did."""
    db.table("article_sources").add_column("url", str)
    db.table("article_sources").add_column("host", str)
    db.table("article_sources").create_index(["host"])
    db.table("progress").create({
        "id": int, "job": str, "key": str, "source": str, "article_id": int, "outcome": str, "finished_at": str,
    }, pk="id", foreign_keys=[("article_id", "articles", "id")], not_null={"job", "key", "finished_at"})
    db.table("progress").create_index(["job", "key"], unique=True)


# The statuses that mean a post is gone for good (not merely hidden: protected, withheld, age-restricted).
_DEAD = "('deleted', 'suspended', 'not_found')"
# Year of an embedded post: its own date, else the date the article printed, else the time in an X id
# (ids above 10^15 are "snowflakes": milliseconds since 2010-11-04T01:42:54.657Z, shifted left 22 bits).
_POST_YEAR = """COALESCE(substr(p.created_at, 1, 4), substr(e.date, 1, 4),
    CASE WHEN e.platform = 'twitter' AND length(e.post_id) >= 16 AND CAST(e.post_id AS INTEGER) > 1000000000000000
         THEN strftime('%Y', ((CAST(e.post_id AS INTEGER) >> 22) + 1288834974657) / 1000, 'unixepoch') END)"""
_OUTLET = """(SELECT s.host FROM article_sources s WHERE s.article_id = e.article_id AND s.host IS NOT NULL
     ORDER BY s.id LIMIT 1)"""
# The id after /status/ in a captured URL: its leading run of digits.
_STATUS_ID = """substr(rest, 1, length(rest) - length(ltrim(rest, '0123456789')))"""

VIEWS = {
    "dead_embeds_by_outlet_year": f"""
SELECT COALESCE(outlet, '(unknown)') AS outlet, year,
       COUNT(*) AS embeds_checked,
       SUM(status IN {_DEAD}) AS dead,
       ROUND(100.0 * SUM(status IN {_DEAD}) / COUNT(*), 1) AS dead_percent,
       SUM(status = 'deleted') AS deleted, SUM(status = 'suspended') AS suspended,
       SUM(status = 'not_found') AS not_found, COUNT(DISTINCT article_id) AS articles
FROM (SELECT e.article_id, p.status, {_OUTLET} AS outlet, {_POST_YEAR} AS year
      FROM embeds e JOIN posts p ON p.platform = e.platform AND p.post_id = e.post_id
      WHERE e.post_id IS NOT NULL AND p.status IS NOT NULL AND p.status NOT IN ('error', 'unknown'))
GROUP BY COALESCE(outlet, '(unknown)'), year
ORDER BY outlet, year""",
    "gone_accounts_most_cited": """
SELECT p.platform, lower(COALESCE(p.author_handle, e.author_handle)) AS handle,
       MAX(COALESCE(p.author_name, e.author_name)) AS name,
       COUNT(DISTINCT e.article_id) AS articles, COUNT(*) AS embeds, COUNT(DISTINCT p.id) AS posts,
       SUM(p.status = 'suspended') AS suspended_embeds, SUM(p.status = 'deleted') AS deleted_embeds,
       MAX(p.last_available_at) AS last_seen_available
FROM embeds e JOIN posts p ON p.platform = e.platform AND p.post_id = e.post_id
WHERE p.status IN ('deleted', 'suspended')
GROUP BY p.platform, lower(COALESCE(p.author_handle, e.author_handle))
ORDER BY articles DESC, embeds DESC, handle""",
    "at_risk_embeds": f"""
WITH archived AS (
    SELECT DISTINCT original AS url, NULL AS post_id FROM snapshots WHERE status = '200'
    UNION
    SELECT DISTINCT NULL, {_STATUS_ID} FROM (
        SELECT substr(original, instr(original, '/status/') + 8) AS rest FROM snapshots
        WHERE status = '200' AND instr(original, '/status/') > 0)
)
SELECT e.id AS embed_id, e.article_id,
       (SELECT s.source FROM article_sources s WHERE s.article_id = e.article_id ORDER BY s.id LIMIT 1) AS article,
       e.platform, e.kind, e.url, e.post_id, COALESCE(p.author_handle, e.author_handle) AS handle,
       p.status AS post_status, p.last_available_at,
       (SELECT v.status FROM saves v WHERE v.url = e.url OR v.url = p.url ORDER BY v.id DESC LIMIT 1) AS save_status
FROM embeds e LEFT JOIN posts p ON p.platform = e.platform AND p.post_id = e.post_id
WHERE NOT EXISTS (SELECT 1 FROM archived a WHERE a.url = e.url OR a.url = p.url
                  OR (e.platform = 'twitter' AND a.post_id = e.post_id))
ORDER BY e.article_id, e.ordinal""",
    "credits_by_organization": """
SELECT COALESCE(MIN(trim(organization)), '(none named)') AS organization,
       COUNT(*) AS credits, COUNT(DISTINCT article_id) AS articles, COUNT(DISTINCT lower(creator)) AS creators
FROM credits
GROUP BY lower(trim(organization))
ORDER BY credits DESC, organization""",
}
# Full-text search: post text as fetched, and what the article itself shows of each embed.
FTS = {"posts": ["text", "author_handle", "author_name"], "embeds": ["text", "author_handle", "author_name", "url"]}


@migrations()
def m009_research_views_and_search(db: Database) -> None:
    """v9: SQL views for research (datasette shows them as tables) and full-text search on posts and embeds."""
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip())
    with _scripts_in_this_transaction(db):
        for table, columns in FTS.items():
            db.table(table).enable_fts(columns, create_triggers=True)


@contextmanager
def _scripts_in_this_transaction(db: Database) -> Iterator[None]:
    """sqlite-utils' enable_fts runs its SQL with executescript, which COMMITs first and so would end the
    migration's transaction half-way: run such scripts statement by statement instead."""

    def executescript(sql: str) -> sqlite3.Cursor:
        for statement in sql_statements(sql):
            db.execute(statement)
        return db.conn.cursor()

    db.executescript = executescript  # type: ignore[method-assign]
    try:
        yield
    finally:
        del db.executescript


@migrations()
def m010_embed_text_confidence(db: Database) -> None:
    """v10: how sure extraction is of where an embed's text starts and ends ("high" / "uncertain"), so the quote
    checks can settle an uncertain boundary against the fetched post."""
    db.table("embeds").add_column("text_confidence", str)


@migrations()
def m011_run_outputs(db: Database) -> None:
    """v11: the output file a corpus run owns (`scan --output`) and its length when the run last marked items
    finished, written in the same transaction as their progress rows: a re-run cuts the file back to it (#13)."""
    db.table("run_outputs").create({"id": int, "job": str, "path": str, "length": int, "updated_at": str},
                                   pk="id", not_null={"job", "path", "length", "updated_at"})
    db.table("run_outputs").create_index(["job"], unique=True)


@migrations()
def m012_truncated_articles(db: Database) -> None:
    """v12: why a crawler cut a page short (its WARC record's WARC-Truncated: length, time...), per source read and
    on the article: embeds past the cut may be missing. NULL: not marked cut (or read before v12)."""
    db.table("articles").add_column("truncated", str)
    db.table("article_sources").add_column("truncated", str)


@migrations()
def m013_rename_evidence_indexes(db: Database) -> None:
    """v13: observations by the author id and handle (any case) their answer gave, and authors by handle in any
    case: the evidence that an account was renamed is looked up, not scanned for (160 ms an embed at 200,000
    observations, #9). The expressions are those of `Store.author_sightings`' queries: SQLite uses an index on
    an expression only for that very expression."""
    db.execute("CREATE INDEX post_observations_author ON post_observations (json_extract(record, '$.author.id'), "
               "lower(json_extract(record, '$.author.handle')))")
    db.execute("CREATE INDEX authors_any_case ON authors (platform, lower(handle))")


# What each table a warm run's cached steps read is read by: the key a `step_memos` row names it by (table, then
# the column values), as `Store.reading` notes them. Keep both sides alike: a key spelled differently here would
# leave a memo standing over a changed row.
MEMO_KEYS = {
    "resolutions": ("'resolutions ' || {row}.url",),
    "posts": ("'posts ' || {row}.platform || ' ' || {row}.post_id",),
    "post_observations": ("'post_observations ' || {row}.post_row",),
    "fetches": ("'fetches ' || {row}.url", "'fetch ' || {row}.id"),
    "bodies": ("'bodies ' || {row}.sha256",),
    "media": ("'media ' || {row}.url",),
    "embeds": ("'embeds ' || {row}.article_id",),
    "embed_links": ("'embed_links ' || {row}.embed_id",),
    "embed_posts": ("'embed_posts ' || {row}.embed_id",),
    "authors": ("'authors ' || {row}.platform || ' ' || {row}.author_id",),   # by account: its handles (m021)
}


@migrations()
def m014_step_memos(db: Database) -> None:
    """v14: what a warm run printed for an article's cached steps (#13), with the keys of every row those steps read.
    A trigger on each table they read deletes the memos that read a row it inserts, updates or deletes, whoever
    writes (a later run, `cache merge`, another process, plain SQL), so a memo standing is one no write touched."""
    db.execute("CREATE TABLE step_memos (id INTEGER PRIMARY KEY AUTOINCREMENT, article_id INTEGER NOT NULL, "
               "key TEXT NOT NULL, since TEXT, fresh_until TEXT, unavailable INTEGER NOT NULL, "
               "failed INTEGER NOT NULL, tail TEXT NOT NULL, made_at TEXT NOT NULL)")
    db.execute("CREATE UNIQUE INDEX step_memos_article_key ON step_memos (article_id, key)")
    db.execute("CREATE TABLE step_memo_keys (key TEXT NOT NULL, memo INTEGER NOT NULL)")
    db.execute("CREATE INDEX step_memo_keys_key ON step_memo_keys (key)")
    db.execute("CREATE INDEX step_memo_keys_memo ON step_memo_keys (memo)")
    for sql in memo_triggers().values():
        db.execute(sql)


@migrations()
def m015_credit_split_confidence(db: Database) -> None:
    """v15: how sure the split of a credit's names into creator and organisation is ("high" when evidence decided
    it, "uncertain" when a name was taken as a person or an organisation by default, #11). NULL: no name, or a
    credit recorded before v15."""
    db.table("credits").add_column("split_confidence", str)


@migrations()
def m016_credit_also_at(db: Database) -> None:
    """v16: the further places a credit is printed for the same photo (NPR prints it in the caption, after it and
    in the "enlarge" copy: one credit, #11), as JSON spans like an embed's also_at. NULL: a credit recorded before
    v16, when each place was a credit of its own."""
    db.table("credits").add_column("also_at", str)


@migrations()
def m017_article_encoding_given(db: Database) -> None:
    """v17: when the user named the article's encoding (--encoding), UTC ISO 8601: a later run reads the same bytes
    in it rather than guessing again (review26 #8), and `cache merge` prefers such a record to a guess. NULL: the
    encoding was declared, UTF-8 or guessed (or given before v17)."""
    db.table("articles").add_column("encoding_given_at", str)


@migrations()
def m018_progress_runs(db: Database) -> None:
    """v18: which run finished each item (an id a run draws when it starts), so a run whose stdout was closed early
    (`scan … | head`) forgets only what it finished itself, never what a concurrent run of the same job finished
    (#11: it forgot every row finished since it started). NULL: a row recorded before v18."""
    db.table("progress").add_column("run", str)


@migrations()
def m019_body_redacted(db: Database) -> None:
    """v19: whether a kept body had a configured secret redacted out of it (#11: a server echoed the token; the
    body kept differs from what it sent, and an archivist is told). NULL: kept before v19, not known."""
    db.table("bodies").add_column("redacted", int)


@migrations()
def m020_article_encoding_given_known(db: Database) -> None:
    """v20: whether an article's record can say if its encoding was given (#13): 1 when it was made since v17, so
    that no encoding_given_at means not given; 0 when it was made before (given or declared, no one can say). Set by
    `cache merge`, which copies records from database to database: a merged output's own v17 is dated at the merge,
    after all it holds was first scanned, and merging it again took each declared encoding for one not known. NULL:
    a record written by a scan, made since v17 when first_scanned_at is at or after this database's v17."""
    db.table("articles").add_column("encoding_given_known", int)


@migrations()
def m021_authors_by_id(db: Database) -> None:
    """v21: the handles an account (its author id) was seen with, looked up by id: a deleted post of a renamed
    account is looked up under them all, as its captures are filed under the handle it had then (review28, #9).
    A warm run's memo now reads `authors` (`Store.post_handles`), so the table gets the triggers that retire memos,
    keyed by account (MEMO_KEYS); a new database has them already, its m014 making those MEMO_KEYS names. A memo
    kept before v21 names no `authors` key, and no run uses it: it was made by another code (memo._code)."""
    db.execute("CREATE INDEX authors_by_id ON authors (platform, author_id)")
    for name, sql in memo_triggers().items():
        if name.startswith("step_memos_authors_"):
            db.execute(sql.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1))


@migrations()
def m022_fetch_non_public(db: Database) -> None:
    """v22: whether a fetch's answer came from a non-public address the guard let through only because allow_private
    was set (review28c #5): an offline run with the guard on was served an article body kept by such a fetch, which
    the same run online refuses. 1: it did; 0: it did not (or no answer came); NULL: recorded before v22, judged by
    its host's name alone."""
    db.table("fetches").add_column("non_public", int)


@migrations()
def m023_resolution_end_redacted(db: Database) -> None:
    """v23: whether a resolution's end (its post's URL or handle) had a configured secret redacted out of it
    (secrets29): an end kept as `twitter.com/REDACTED/…` cannot say which post to ask for, while an account really
    named REDACTED is a post like any other, and was followed again on every online run. 1: redacted by the run that
    recorded it; 0: kept as it was; NULL: recorded before v23, judged by the "REDACTED" in it."""
    db.table("resolutions").add_column("end_redacted", int)


@migrations()
def m024_fetch_answered_at_unknown(db: Database) -> None:
    """v24: why a fetch replayed from a WARC record has no time the source answered at (replay29): its record had no
    WARC-Date, or one that reads as no time; its fetched_at is then when the replay asked, which a report never gives
    as the source's time. NULL: the time is known (a live fetch, or a record's WARC-Date), or recorded before v24."""
    db.table("fetches").add_column("answered_at_unknown", str)


@migrations()
def m025_embed_linked_capture(db: Database) -> None:
    """v25: the Wayback Machine capture an article linked in place of the post (its URL, timestamp included), so a
    report says the article pointed at a copy of a stated date (#15). NULL: a direct link, or found before v25."""
    db.table("embeds").add_column("linked_capture", str)


@migrations()
def m026_embed_start_seconds(db: Database) -> None:
    """v26: where a video link starts its video, in seconds (YouTube's ?start=95, ?t=125, &t=2m5s): the moment the
    article cites (newuser29 #10). NULL: the link names none, or the embed was recorded before v26."""
    db.table("embeds").add_column("start_seconds", int)


@migrations()
def m027_embed_other_words(db: Database) -> None:
    """v27: the further places an embed's post is shown with other words than the embed's own (an embed code pasted
    twice, the second with a word changed: newuser29b §1), as JSON [{span, detector, text, text_confidence}], each
    checked in its turn. NULL: an embed recorded before v27, whose other places' words were not kept."""
    db.table("embeds").add_column("other_words", str)


@migrations()
def m028_undated_replayed_facts(db: Database) -> None:
    """v28: a resolution or post observation made from WARC records with no time the source answered at (replay29b)
    holds no time: resolved_at may be NULL (it was NOT NULL, and held the replay's own time, which a reader of the
    database took for the source's), and `answered_at_unknown` on both says why (as on their fetches, v24). NULL:
    the time is known, or recorded before v28."""
    db.table("resolutions").transform(not_null={"resolved_at": False})   # a rebuild: its memo triggers go with it
    for name, sql in memo_triggers().items():
        if name.startswith("step_memos_resolutions_"):
            db.execute(sql)
    db.table("resolutions").add_column("answered_at_unknown", str)
    db.table("post_observations").add_column("answered_at_unknown", str)


@migrations()
def m029_replayed_warc_content(db: Database) -> None:
    """v29 (replay30): the sha256 of the WARC file a fetch was replayed from, so that a replay of the same file by
    another path (a symlink, ./x.warc.gz for /abs/x.warc.gz, a copy) takes its answers, and a file of the same name
    with other content does not. NULL: a live fetch, or replayed before v29 (judged by `warc_file`). And an index of
    the few rows that are no answer at a known time (OF_NO_KNOWN_AGE), which a live run reads once. And
    `media.answered_at_unknown`: a file downloaded from a WARC record that gives no time has no `fetched_at` (it held
    the replay's own time), and this says why, as on resolutions and observations (v28)."""
    db.table("fetches").add_column("warc_sha256", str)
    db.table("media").add_column("answered_at_unknown", str)
    db.execute(f"CREATE INDEX fetches_of_no_known_age ON fetches(id) WHERE {OF_NO_KNOWN_AGE}")


@migrations()
def m030_post_ids_name_their_place(db: Database) -> None:
    """v30: a Telegram, Bluesky or Mastodon post's id names where its number counts (urlforms30, #15): a Telegram
    post's its channel (`rivertonchannel/416`, `c/<chat>/416`), a Bluesky post's its account (`<actor>/<rkey>`), a
    Mastodon post's its instance (`<host>/<id>`). Rows recorded under the number or key alone are re-keyed from the
    URL each holds (their canonical form), so a cached post is found again and the views join its embeds to it. A
    posts row whose answers or embeds are of another post too (two posts merged under one key, before v30) keeps its
    old key: which post it tells of, nothing can say, and each is fetched again under its own id."""
    place_post_ids(db)


def place_post_ids(db: Database) -> None:
    """m030's re-keying, of every row still under a bare number or key: also run by `cache merge` on what it copied
    from an input made before m030, which no migration of the merged output touches (review30r1). Idempotent."""
    for table in ("embeds", "posts"):
        rows = db.execute(f"SELECT id, platform, post_id, url FROM {table} WHERE platform IN "
                          "('telegram', 'bluesky', 'mastodon') AND instr(post_id, '/') = 0 AND url IS NOT NULL")
        for row_id, platform, post_id, url in rows.fetchall():
            new_id = _placed_post_id(platform, post_id, url)
            if new_id is None or table == "posts" and not _one_post(db, row_id, url, platform, new_id):
                continue
            if table == "posts" and db.execute("SELECT 1 FROM posts WHERE platform = ? AND post_id = ?",
                                               [platform, new_id]).fetchone():
                continue   # recorded again under its new id since (Telegram, after review29): the old row stays
            db.execute(f"UPDATE {table} SET post_id = ? WHERE id = ?", [new_id, row_id])


# The canonical post URLs of the versions before v30 (cache/ reads no resolver/ code: these are frozen with them).
_PLACED_POST_URLS = {
    "telegram": re.compile(r"^https://t\.me/(?P<place>c/[0-9]+|[A-Za-z0-9_]+)/(?P<id>[0-9]+)$"),
    "bluesky": re.compile(r"^https://bsky\.app/profile/(?P<place>[^/?#]+)/post/(?P<id>[^/?#]+)$"),
    "mastodon": re.compile(r"^https://(?P<place>[A-Za-z0-9.-]+(?::[0-9]+)?)/@[^/?#]+/(?P<id>[0-9]+)$"),
}


def _placed_post_id(platform: str, post_id: str, url: str) -> str | None:
    """The v30 id of a post recorded under `post_id` with canonical URL `url`, or None when the URL does not name
    that number or key."""
    found = _PLACED_POST_URLS[platform].match(url)
    if found is None or found.group("id") != post_id:
        return None
    place = found.group("place")
    return f"{place if place.startswith('did:') else place.lower()}/{post_id}"


def _one_post(db: Database, post_row: int, url: str, platform: str, new_id: str) -> bool:
    """Whether everything a posts row holds is of the post at `url`: each embed tied to it has that id, and each
    observation's fetch asked for that URL (an oEmbed request names it in `url=`) or made no request."""
    embeds = db.execute("SELECT e.platform, e.post_id, e.url FROM embed_posts l JOIN embeds e ON e.id = l.embed_id "
                        "WHERE l.post_row = ?", [post_row]).fetchall()
    if any((_placed_post_id(p, i, u) if i and "/" not in i else i) != new_id or p != platform for p, i, u in embeds):
        return False
    asked = db.execute("SELECT f.url FROM post_observations o JOIN fetches f ON f.id = o.fetch_id "
                       "WHERE o.post_row = ?", [post_row]).fetchall()
    return all(parse_qs(urlsplit(fetched).query).get("url", [url]) == [url] for (fetched,) in asked)


def memo_triggers() -> dict[str, str]:
    """The triggers that retire memos (#13), by name: m014 makes them, and `Store` makes again any a rebuilt table
    lost (a rebuild, as `sqlite-utils transform` does, drops a table's triggers)."""
    made = {"step_memos_deleted": "CREATE TRIGGER step_memos_deleted AFTER DELETE ON step_memos BEGIN "
                                  "DELETE FROM step_memo_keys WHERE memo = OLD.id; END"}
    for table, keys in MEMO_KEYS.items():
        for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            touched = ", ".join(key.format(row=row) for row in rows for key in keys)
            # WHEN first: most writes touch no memo's row, and the look-up alone costs half the DELETE's 3 us
            made[f"step_memos_{table}_{event.lower()}"] = (
                f"CREATE TRIGGER step_memos_{table}_{event.lower()} AFTER {event} ON {table} "
                f"WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ({touched})) BEGIN "
                f"DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ({touched})); END")
        if table != "bodies":   # keyed by their id: an INSERT OR REPLACE of an id in use deletes that row, and a
            # connection without recursive_triggers (ours set it; sqlite3's shell does not) fires no DELETE trigger.
            # A row given no id is -1 here (SQLite's rowid not yet chosen): it replaces nothing, unless a row was
            # given -1 (3 us an insert saved, of 3.6)
            replaced = " OR ".join(f"key IN (SELECT {key.format(row='old')} FROM {table} AS old WHERE old.id = NEW.id)"
                                   for key in keys)
            made[f"step_memos_{table}_replacing"] = (
                f"CREATE TRIGGER step_memos_{table}_replacing BEFORE INSERT ON {table} "
                f"WHEN NEW.id IS NOT -1 OR EXISTS (SELECT 1 FROM {table} WHERE id = -1) BEGIN "
                f"DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE {replaced}); END")
            # and UPDATE OR REPLACE of a row's id to one in use (another unique key in conflict names the same keys)
            made[f"step_memos_{table}_renumbering"] = (
                f"CREATE TRIGGER step_memos_{table}_renumbering BEFORE UPDATE OF id ON {table} "
                f"WHEN NEW.id IS NOT OLD.id BEGIN "
                f"DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE {replaced}); END")
    return made


@migrations()
def m031_embed_media_marker(db: Database) -> None:
    """v31: the words an embed code shows in place of the post's media (Bluesky's "[image or embed]" link), so a
    report says the post has media its source may not give (platforms30). NULL: the code marks none, or the embed was
    recorded before v31."""
    db.table("embeds").add_column("media_marker", str)


# The articles read with an unsure encoding guess (enc30): another encoding reads their bytes into other letters as
# plausibly, so names and quotes beyond ASCII may be wrong.
UNSURE_ENCODINGS = """
SELECT a.id AS article_id, a.first_source AS article, a.encoding, a.encoding_rival, a.first_scanned_at
FROM articles a
WHERE a.encoding_detected = 1 AND a.encoding_rival <> ''
ORDER BY a.id"""


@migrations()
def m032_article_encoding_rival(db: Database) -> None:
    """v32 (enc30): `articles.encoding_rival`, the other encoding that reads a guessed article's bytes into other
    letters as plausibly (the guess is unsure); '' when none does or the encoding was not guessed; NULL in a record
    made before v32 (not recorded). And the view `unsure_encodings` of the articles read with an unsure guess."""
    db.table("articles").add_column("encoding_rival", str)
    db.create_view("unsure_encodings", UNSURE_ENCODINGS.strip())


# A resolution's `post` as v33 keeps it: the id's time under `snowflake_time`, where before fixnu30b it was
# `created_at`, which every JSON output gives as the post's own time. SQL over a column's expression (`{0}`): m033
# rewrites the rows kept, and `cache merge` an older input's as it copies them.
POST_SNOWFLAKE_TIME_SQL = ("CASE WHEN json_type({0}, '$.created_at') IS NULL THEN {0} ELSE json_set(json_remove({0}, "
                           "'$.created_at'), '$.snowflake_time', json_extract({0}, '$.created_at')) END")


@migrations()
def m033_resolution_post_snowflake_time(db: Database) -> None:
    """v33: a resolution's `post` names the time read from its id `snowflake_time`, as the JSON outputs do since
    fixnu30b; rows kept before said `created_at`, so `cache export resolutions` gave the id's time under the name
    the post's own time has everywhere else (review30r3)."""
    db.execute(f"UPDATE resolutions SET post = {POST_SNOWFLAKE_TIME_SQL.format('post')} "
               "WHERE json_type(post, '$.created_at') IS NOT NULL")


@migrations()
def m034_article_source_record(db: Database) -> None:
    """v34: which WARC record an article was read from (`record_id`, its WARC-Record-ID, or a JSON Lines record's id
    field) and when its crawler fetched the page (`warc_date`, its WARC-Date as the cache writes times), per source
    (newuser30b #3): a report on a record said only "crawl.warc.gz#1605" and the time of the scan. NULL: the input
    gave none, or the source was recorded before v34."""
    db.table("article_sources").add_column("record_id", str)
    db.table("article_sources").add_column("warc_date", str)


@migrations()
def m035_snapshots_any_case(db: Database) -> None:
    """v35: snapshots by their URL in any case (urlforms31, #15). The Wayback Machine files a capture under a urlkey in
    lower case, so one CDX lookup lists a post's captures under every spelling they were taken as
    (twitter.com/RivertonRoads/... and .../rivertonroads/...); a report read a post's captures from the cache by
    the exact text of its URL and missed those of other spellings. The expression is `Store.snapshots_any_case`'s."""
    db.execute("CREATE INDEX snapshots_any_case ON snapshots (lower(original), timestamp)")


# The unsure guesses as v36 lists them: with every rival (enc31)
UNSURE_ENCODINGS_V36 = """
SELECT a.id AS article_id, a.first_source AS article, a.encoding, a.encoding_rival, a.encoding_rivals,
a.first_scanned_at
FROM articles a
WHERE a.encoding_detected = 1 AND a.encoding_rival <> ''
ORDER BY a.id"""


@migrations()
def m036_article_encoding_rivals(db: Database) -> None:
    """v36 (enc31): `articles.encoding_rivals`, every encoding that reads a guessed article's bytes into other
    letters as plausibly, the likeliest first (a JSON list; `encoding_rival` is its first): three readings may fit as
    well, and one rival could not name them all. '[]' when none does or the encoding was not guessed, which a record
    whose `encoding_rival` is '' says already; NULL in a record made before v36 with a rival (the others were not
    recorded). The view `unsure_encodings` lists them."""
    db.table("articles").add_column("encoding_rivals", str)
    db.execute("UPDATE articles SET encoding_rivals = '[]' WHERE encoding_rival = ''")
    db.execute("DROP VIEW IF EXISTS unsure_encodings")
    db.create_view("unsure_encodings", UNSURE_ENCODINGS_V36.strip())


@migrations()
def m037_embed_id_doubt(db: Database) -> None:
    """v37: why an embed's post id, or that its link names a post at all, is uncertain (a URL run into the next word,
    so where its id ends is a guess; a Mastodon post known only by its path's shape), so a report says so
    (newuser31b §1, §6). NULL: the URL names the post plainly, or the embed was recorded before v37."""
    db.table("embeds").add_column("id_doubt", str)


@migrations()
def m038_replayed_records(db: Database) -> None:
    """v38: the fetch-log rows replayed from a WARC record, found by the file's content and the record's offset: a
    record replayed again is the row it gave the first time (newuser32 #3: each replay of one WARC wrote every
    record's row, and the observations it gave, again)."""
    db.execute("CREATE INDEX fetches_replayed ON fetches(warc_sha256, warc_offset) WHERE warc_sha256 IS NOT NULL")


# An embed's post status as a report reads it (urlforms32): a link read as a Mastodon post by its path's shape alone
# (`id_doubt`) whose host gave an answer that confirms no post (a 404, another site's JSON) is "not_confirmed", as
# pipeline._as_linked reads it; an error stays one (whether it may pass is the fetch log's to say). The cache keeps
# the host's answer as it was.
_EMBED_STATUS = """CASE WHEN e.id_doubt IS NOT NULL AND e.platform = 'mastodon' AND p.status IS NOT NULL
         AND p.status NOT IN ('available', 'not_confirmed', 'error') THEN 'not_confirmed' ELSE p.status END"""
# A post gone under an id read with a doubt is "not found (uncertain id)" in a report: not known to be gone.
_SURE = "e.id_doubt IS NULL"
VIEWS_V39 = {
    "dead_embeds_by_outlet_year": f"""
SELECT COALESCE(outlet, '(unknown)') AS outlet, year,
       COUNT(*) AS embeds_checked,
       SUM(sure AND status IN {_DEAD}) AS dead,
       ROUND(100.0 * SUM(sure AND status IN {_DEAD}) / COUNT(*), 1) AS dead_percent,
       SUM(sure AND status = 'deleted') AS deleted, SUM(sure AND status = 'suspended') AS suspended,
       SUM(sure AND status = 'not_found') AS not_found, COUNT(DISTINCT article_id) AS articles
FROM (SELECT e.article_id, {_EMBED_STATUS} AS status, {_SURE} AS sure, {_OUTLET} AS outlet, {_POST_YEAR} AS year
      FROM embeds e JOIN posts p ON p.platform = e.platform AND p.post_id = e.post_id
      WHERE e.post_id IS NOT NULL AND p.status IS NOT NULL AND p.status NOT IN ('error', 'unknown'))
GROUP BY COALESCE(outlet, '(unknown)'), year
ORDER BY outlet, year""",
    "gone_accounts_most_cited": VIEWS["gone_accounts_most_cited"].replace(
        "WHERE p.status IN ('deleted', 'suspended')", f"WHERE p.status IN ('deleted', 'suspended') AND {_SURE}"),
    "at_risk_embeds": VIEWS["at_risk_embeds"].replace("p.status AS post_status", f"{_EMBED_STATUS} AS post_status"),
}


@migrations()
def m039_views_read_embed_status(db: Database) -> None:
    """v39 (urlforms32, #15): the research views read an embed's post status as a report does. A link not confirmed
    as a Mastodon post is "not_confirmed" (the cache keeps its host's 404 as "not_found"), and a post gone under an
    id read with a doubt counts as no dead embed nor gone account: `stats` and `cache export` showed the stored
    "not_found" and counted it dead where the report said "not confirmed as a post" or "not found (uncertain id)"."""
    for name, sql in VIEWS_V39.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.create_view(name, sql.strip())


# The at-risk embeds as v40 lists them: an HTTP 200 capture the tool read and found to be no copy of the post (X's
# suspended-account page, a login wall, a page shell) keeps its embed at risk, as the reports say (newuser32 #2).
# A capture's reading is a "wayback" observation of the fetch of its raw (id_) URL; one reading that held the post
# makes it a copy. The id_ URL is the snapshot's with "id_" after its timestamp, whatever the archive's host.
_READ_AS_NOT_THE_POST = """EXISTS (
        SELECT 1 FROM fetches f JOIN post_observations o ON o.fetch_id = f.id
        WHERE f.url = replace(s.url, '/' || s.timestamp || '/', '/' || s.timestamp || 'id_/') AND o.method = 'wayback')
    AND NOT EXISTS (
        SELECT 1 FROM fetches f JOIN post_observations o ON o.fetch_id = f.id
        WHERE f.url = replace(s.url, '/' || s.timestamp || '/', '/' || s.timestamp || 'id_/') AND o.method = 'wayback'
              AND o.status = 'available')"""
AT_RISK_EMBEDS_V40 = VIEWS_V39["at_risk_embeds"].replace(
    """WITH archived AS (
    SELECT DISTINCT original AS url, NULL AS post_id FROM snapshots WHERE status = '200'""",
    f"""WITH copies AS (
    SELECT s.original FROM snapshots s WHERE s.status = '200' AND NOT ({_READ_AS_NOT_THE_POST})
), archived AS (
    SELECT DISTINCT original AS url, NULL AS post_id FROM copies""").replace(
    """        SELECT substr(original, instr(original, '/status/') + 8) AS rest FROM snapshots
        WHERE status = '200' AND instr(original, '/status/') > 0)""",
    """        SELECT substr(original, instr(original, '/status/') + 8) AS rest FROM copies
        WHERE instr(original, '/status/') > 0)""")


@migrations()
def m040_at_risk_despite_a_placeholder_capture(db: Database) -> None:
    """v40 (newuser32 #2): the view `at_risk_embeds` keeps an embed at risk when its post's only HTTP 200 captures
    were read and found to hold no words of the post (the suspended-account page, a login wall, a page shell): the
    reports said "no archived copy" where `stats` counted one. An index on the observations' fetch row finds a
    capture's readings."""
    db.execute("CREATE INDEX post_observations_fetch ON post_observations (fetch_id)")
    db.execute("DROP VIEW IF EXISTS at_risk_embeds")
    db.create_view("at_risk_embeds", AT_RISK_EMBEDS_V40.strip())


@migrations()
def m041_cdx_lists_any_case(db: Database) -> None:
    """v41: the fetch-log rows of CDX queries by their URL in any case (review32r3, #13). The Wayback Machine reads the
    URL it lists in lower case, so a post's capture list asked under /River_Desk/ is the one asked under
    /river_desk/; a finished lookup read from the cache by the exact text of its list URLs read "not looked up" for
    a post another article linked in another case, and was redone. The expression is `Store.cdx_lists_any_case`'s."""
    db.execute("CREATE INDEX fetches_cdx_any_case ON fetches (lower(url)) WHERE purpose = 'wayback-cdx'")


# The link-rot figures as v42 counts them (newuser32c #2, #3). `dead` is what is known gone: deleted or suspended.
# "Not found" (a 404, an empty answer) is also what a wrong id gets (a typo, an id cut short in the article): a
# column apart, out of `dead`. Every embedded post is counted (`embeds`), those whose status is not known (every fetch
# failed, or never fetched) in `status_unknown`, out of `embeds_checked` and `dead_percent`: before, they were left
# out of every column, with no word said.
_GONE = "('deleted', 'suspended')"
VIEWS_V42 = {
    "dead_embeds_by_outlet_year": f"""
SELECT COALESCE(outlet, '(unknown)') AS outlet, year,
       COUNT(*) AS embeds,
       SUM(known) AS embeds_checked,
       SUM(NOT known) AS status_unknown,
       SUM(known AND sure AND status IN {_GONE}) AS dead,
       ROUND(100.0 * SUM(known AND sure AND status IN {_GONE}) / NULLIF(SUM(known), 0), 1) AS dead_percent,
       SUM(known AND sure AND status = 'deleted') AS deleted, SUM(known AND sure AND status = 'suspended') AS suspended,
       SUM(known AND sure AND status = 'not_found') AS not_found, COUNT(DISTINCT article_id) AS articles
FROM (SELECT article_id, status, sure, outlet, year, COALESCE(status NOT IN ('error', 'unknown'), 0) AS known
      FROM (SELECT e.article_id, {_EMBED_STATUS} AS status, {_SURE} AS sure, {_OUTLET} AS outlet, {_POST_YEAR} AS year
            FROM embeds e LEFT JOIN posts p ON p.platform = e.platform AND p.post_id = e.post_id
            WHERE e.post_id IS NOT NULL))
GROUP BY COALESCE(outlet, '(unknown)'), year
ORDER BY outlet, year""",
}


@migrations()
def m042_link_rot_counts_what_is_known(db: Database) -> None:
    """v42 (newuser32c #2, #3): the view `dead_embeds_by_outlet_year` counts as dead only the posts known gone
    (deleted, suspended), "not found" (gone, or a wrong id) in its own column; and every embedded post: `embeds`, of
    which `status_unknown` are those whose status is not known (every fetch failed, or never fetched), so that
    embeds_checked + status_unknown = embeds. Before, a "not found" counted dead, and the posts not known were left
    out of every column while the footnote said "only posts fetched at least once are counted"."""
    for name, sql in VIEWS_V42.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.create_view(name, sql.strip())


@migrations()
def m043_article_incomplete(db: Database) -> None:
    """v43 (guard32, #10): `articles.incomplete`, the steps of the article's reading that failed (a bug: a detector,
    the credit readers, the date reader raised), as a JSON list of {"step", "error"}; what they would have found is
    missing from its embeds and credits. NULL: read whole (or recorded before v43). A later run that reads the same
    bytes with another tool version (`tool_version`), or whole, records its reading in place of this one."""
    db.table("articles").add_column("incomplete", str)


# A save queued before v44 knew no post: an X status URL names its post by its id alone (the handle in any case, or
# none). What platforms/x.py writes as a post's URL, and the x.com form an article gives; any other URL stays matched
# by its text.
_X_STATUS_V44 = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(?:[A-Za-z0-9_]{1,15}|i/web)/status/"
                           r"([1-9][0-9]{0,18})(?:[/?#]|$)")
AT_RISK_EMBEDS_V44 = AT_RISK_EMBEDS_V40.replace(
    "(SELECT v.status FROM saves v WHERE v.url = e.url OR v.url = p.url ORDER BY v.id DESC LIMIT 1) AS save_status",
    "(SELECT v.status FROM saves v WHERE v.url = e.url OR v.url = p.url\n"
    "        OR (v.platform = e.platform AND v.post_id = e.post_id) ORDER BY v.id DESC LIMIT 1) AS save_status")


def name_archived_copies(db: Database) -> None:
    """m046's renaming, of every capture observation still "available": also run by `cache merge` on what it copied
    from an input made before m046, which no migration of the merged output touches. Idempotent."""
    db.execute("UPDATE post_observations SET status = 'archived-copy' WHERE method = 'wayback' AND status = 'available'")


@migrations()
def m044_saves_by_post(db: Database) -> None:
    """v44 (identity33, #15): `saves.platform`, `saves.post_id`, the post a queued save's URL names, so a post saved
    under one spelling of its URL is saved under every other (X reads a handle in any case: an article's
    x.com/janedoe/status/1 is the post saved as x.com/JaneDoe/status/1). Before, a save was found by its URL's exact
    text: an embed spelling the handle otherwise showed no save status (the view `at_risk_embeds` too) and a run
    queued and submitted the post again. NULL: a URL naming no post by an id. Saves queued before v44 get the post
    of an X status URL."""
    db.table("saves").add_column("platform", str)
    db.table("saves").add_column("post_id", str)
    db.execute("CREATE INDEX saves_by_post ON saves (platform, post_id) WHERE post_id IS NOT NULL")
    place_save_posts(db)
    db.execute("DROP VIEW IF EXISTS at_risk_embeds")
    db.create_view("at_risk_embeds", AT_RISK_EMBEDS_V44.strip())


def place_save_posts(db: Database) -> None:
    """m044's post of each save known by none that an X status URL names: also run by `cache merge` on the saves it
    copied from an input made before m044, which no migration of the merged output touches (review33r1). Idempotent."""
    for save_id, url in db.execute("SELECT id, url FROM saves WHERE post_id IS NULL").fetchall():
        if (found := _X_STATUS_V44.match(url or "")) is not None:
            db.execute("UPDATE saves SET platform = 'twitter', post_id = ? WHERE id = ?", [found.group(1), save_id])


@migrations()
def m045_fetch_warc_record_id(db: Database) -> None:
    """v45 (replay33, #6): `fetches.warc_record_id`, the WARC-Record-ID of the response record an answer is kept in
    (written by --warc) or was replayed from: it finds the record in any copy of the file, re-packed or renamed, where
    `warc_offset` holds in this file only. NULL: in no WARC, or recorded before v45."""
    db.table("fetches").add_column("warc_record_id", str)


# The at-risk embeds as v46 reads the captures: a capture read that held the post is stored "archived-copy".
AT_RISK_EMBEDS_V46 = AT_RISK_EMBEDS_V44.replace("AND o.status = 'available')", "AND o.status = 'archived-copy')")


@migrations()
def m046_captures_observed_as_archived_copies(db: Database) -> None:
    """v46 (newuser33 #8): a capture read that holds the post is observed with the status "archived-copy", not
    "available": JSON `post.sources[]` listed a deleted post's capture as "available", which a reader filtering the
    sources by status took for a live answer. Rows recorded before are renamed; `at_risk_embeds` reads the new word
    (a capture that held the post still makes it a copy). The views that read live answers leave "wayback" out."""
    name_archived_copies(db)
    db.execute("DROP VIEW IF EXISTS at_risk_embeds")
    db.create_view("at_risk_embeds", AT_RISK_EMBEDS_V46.strip())


# The link-rot figures as v47 gives them (corpus33, #13). One rule dates an embed on every platform: the post's own
# year, as read from its source's answer (created_at), else from the date line its embed shows (an X or Instagram
# blockquote's), else from its id where the id carries its time (an X snowflake); none of these read, none: NULL,
# never the year of the article, nor a guess (newuser32c #7: a YouTube or Reddit embed sat in a year-less row, its
# platform unsaid). The rows are per platform too, so that X's rot and YouTube's are not one figure. And each row
# says as of when: the oldest and newest times of the answers its checked embeds' statuses rest on (`VIEW_AT`, the
# view's answer, not the post's last observation: a failed ask moves that and keeps the status), and their sources.
_AS_OF = ("(CASE WHEN p.status IN ('error', 'unknown') OR p.status IS NULL THEN p.last_observed_at ELSE COALESCE("
          "(SELECT max(o.observed_at) FROM post_observations o WHERE o.post_row = p.id AND o.method != 'wayback' AND "
          "o.status NOT IN ('error', 'unknown') AND o.status IS NOT NULL), p.last_observed_at) END)")   # VIEW_AT at v47
VIEWS_V47 = {
    "dead_embeds_by_outlet_year": f"""
SELECT COALESCE(outlet, '(unknown)') AS outlet, platform, post_year,
       COUNT(*) AS embeds,
       SUM(known) AS embeds_checked,
       SUM(NOT known) AS status_unknown,
       SUM(known AND sure AND status IN {_GONE}) AS dead,
       ROUND(100.0 * SUM(known AND sure AND status IN {_GONE}) / NULLIF(SUM(known), 0), 1) AS dead_percent,
       SUM(known AND sure AND status = 'deleted') AS deleted, SUM(known AND sure AND status = 'suspended') AS suspended,
       SUM(known AND sure AND status = 'not_found') AS not_found, COUNT(DISTINCT article_id) AS articles,
       MIN(CASE WHEN known THEN as_of END) AS status_as_of_oldest,
       MAX(CASE WHEN known THEN as_of END) AS status_as_of_newest,
       replace(group_concat(DISTINCT CASE WHEN known THEN source END), ',', ', ') AS status_sources
FROM (SELECT article_id, platform, status, sure, outlet, post_year, as_of, source,
             COALESCE(status NOT IN ('error', 'unknown'), 0) AS known
      FROM (SELECT e.article_id, e.platform, {_EMBED_STATUS} AS status, {_SURE} AS sure, {_OUTLET} AS outlet,
                   {_POST_YEAR} AS post_year, {_AS_OF} AS as_of, p.method AS source
            FROM embeds e LEFT JOIN posts p ON p.platform = e.platform AND p.post_id = e.post_id
            WHERE e.post_id IS NOT NULL))
GROUP BY COALESCE(outlet, '(unknown)'), platform, post_year
ORDER BY outlet, platform, post_year""",
    "gone_accounts_most_cited": VIEWS_V39["gone_accounts_most_cited"].replace(
        "MAX(p.last_available_at) AS last_seen_available",
        f"MAX(p.last_available_at) AS last_seen_available,\n       MIN({_AS_OF}) AS status_as_of_oldest, "
        f"MAX({_AS_OF}) AS status_as_of_newest,\n       replace(group_concat(DISTINCT p.method), ',', ', ') "
        "AS status_sources"),
    "at_risk_embeds": AT_RISK_EMBEDS_V46.replace(
        "ELSE p.status END AS post_status, p.last_available_at,",
        f"ELSE p.status END AS post_status,\n       {_AS_OF} AS status_as_of, p.method AS status_source, "
        "p.last_available_at,"),
}


@migrations()
def m047_link_rot_by_platform_and_post_year_as_of(db: Database) -> None:
    """v47 (corpus33, #13): the view `dead_embeds_by_outlet_year` is per outlet, platform and `post_year` (was
    `year`), the post's own year by one rule on every platform (its answer's date, its embed's date line, or its
    id's time; NULL when none was read: a YouTube or Reddit embed, whose answers give none). Its rows and those of
    `gone_accounts_most_cited` say the oldest and newest times of the answers their statuses rest on
    (`status_as_of_oldest`, `status_as_of_newest`, UTC ISO 8601) and their sources (`status_sources`); each row of
    `at_risk_embeds` its own (`status_as_of`, `status_source`). Before, no row said as of when, nor by what."""
    for name, sql in VIEWS_V47.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.create_view(name, sql.strip())


# A capture of a post's page counts as its copy on X alone, whose captures the tool reads (each read as no copy is
# none already), or when the post is available now: of a gone post on any other platform, an HTTP 200 capture nobody
# read may be the platform's "post not found" page (review33r4, capture33).
AT_RISK_EMBEDS_V48 = VIEWS_V47["at_risk_embeds"].replace(
    """WHERE NOT EXISTS (SELECT 1 FROM archived a WHERE a.url = e.url OR a.url = p.url
                  OR (e.platform = 'twitter' AND a.post_id = e.post_id))""",
    """WHERE NOT EXISTS (SELECT 1 FROM archived a WHERE (e.platform = 'twitter' OR p.status = 'available')
                  AND (a.url = e.url OR a.url = p.url OR (e.platform = 'twitter' AND a.post_id = e.post_id)))""")


@migrations()
def m048_at_risk_despite_an_unread_capture(db: Database) -> None:
    """v48 (review33r4, #9): the view `at_risk_embeds` keeps an embed at risk when its post is not on X and not known
    to be available (gone, its status not known, or never fetched), whatever HTTP 200 captures its page has: the
    tool reads no such capture, which may show the platform's "post not found" page (`archive --save` makes one of a
    gone post's page). Before, any such capture took it off the list."""
    db.execute("DROP VIEW IF EXISTS at_risk_embeds")
    db.create_view("at_risk_embeds", AT_RISK_EMBEDS_V48.strip())


def _replacing(sql: str, *pairs: tuple[str, str]) -> str:
    """`sql` with each (old, new) replaced, each old there exactly once: a view built from an older view's SQL whose
    piece is no longer there would silently keep the old rule."""
    for old, by in pairs:
        if sql.count(old) != 1:
            raise ValueError(f"not once in the view's SQL: {old[:60]!r}")
        sql = sql.replace(old, by)
    return sql


_CAPTURE_FETCH = "f.url = replace(s.url, '/' || s.timestamp || '/', '/' || s.timestamp || 'id_/')"
_BSKY_REST = "substr(original, instr(original, '/profile/') + 9)"
_BSKY_KEY = "substr(rest, instr(rest, '/post/') + 6)"
_KEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:~"
_RKEY = "substr(e.post_id, instr(e.post_id, '/') + 1)"
# A Bluesky post's ids under each name of its account the cache knows: the one its embed links (handle or DID), its
# answer's handle and DID (`author_id`), all in lower case (a handle is a domain name).
_BSKY_FORMS = (f"(lower(e.post_id), lower(p.post_id), lower(p.author_handle || '/' || {_RKEY}), "
               f"lower(p.author_id || '/' || {_RKEY}))")
# A capture is a copy when it was read and holds the post (`held`, any platform), or when nobody read it and the post
# is available now (a capture of its page); a capture never read of a post gone or not known is no copy on X either,
# whose tool reads three (capture34: the others were copies). A Bluesky post is one post under each URL form (handle
# or DID): its captures and saves are found under any (fixnu33b's left item).
AT_RISK_EMBEDS_V49 = _replacing(
    AT_RISK_EMBEDS_V48,
    ("    SELECT s.original FROM snapshots s WHERE s.status = '200' AND NOT (EXISTS (",
     f"""    SELECT s.original, EXISTS (SELECT 1 FROM fetches f JOIN post_observations o ON o.fetch_id = f.id
        WHERE {_CAPTURE_FETCH} AND o.method = 'wayback'
              AND o.status = 'archived-copy') AS held
    FROM snapshots s WHERE s.status = '200' AND NOT (EXISTS ("""),
    ("    SELECT DISTINCT original AS url, NULL AS post_id FROM copies\n",
     "    SELECT DISTINCT original AS url, NULL AS platform, NULL AS post_id, held FROM copies\n"),
    ("    SELECT DISTINCT NULL, substr(rest, 1, length(rest) - length(ltrim(rest, '0123456789'))) FROM (\n"
     "        SELECT substr(original, instr(original, '/status/') + 8) AS rest FROM copies\n"
     "        WHERE instr(original, '/status/') > 0)\n",
     "    SELECT DISTINCT NULL, 'twitter', substr(rest, 1, length(rest) - length(ltrim(rest, '0123456789'))), held FROM (\n"
     "        SELECT substr(original, instr(original, '/status/') + 8) AS rest, held FROM copies\n"
     "        WHERE instr(original, '/status/') > 0)\n"
     "    UNION\n"
     f"    SELECT DISTINCT NULL, 'bluesky', lower(substr(rest, 1, instr(rest, '/post/') - 1) || '/' || substr({_BSKY_KEY}, 1, "
     f"length({_BSKY_KEY}) - length(ltrim({_BSKY_KEY}, '{_KEY_CHARS}')))), held FROM (\n"
     f"        SELECT {_BSKY_REST} AS rest, held FROM copies\n"
     "        WHERE instr(original, 'bsky.app/profile/') > 0 AND instr(original, '/post/') > 0)\n"),
    ("""WHERE NOT EXISTS (SELECT 1 FROM archived a WHERE (e.platform = 'twitter' OR p.status = 'available')
                  AND (a.url = e.url OR a.url = p.url OR (e.platform = 'twitter' AND a.post_id = e.post_id)))""",
     f"""WHERE NOT EXISTS (SELECT 1 FROM archived a WHERE (a.held OR p.status = 'available')
                  AND (a.url = e.url OR a.url = p.url OR (e.platform = 'twitter' AND a.platform = 'twitter'
                       AND a.post_id = e.post_id)
                       OR (e.platform = 'bluesky' AND a.platform = 'bluesky' AND a.post_id IN {_BSKY_FORMS})))"""),
    ("""        OR (v.platform = e.platform AND v.post_id = e.post_id) ORDER BY v.id DESC LIMIT 1) AS save_status""",
     f"""        OR (v.platform = e.platform AND v.post_id = e.post_id)
        OR (e.platform = 'bluesky' AND v.platform = 'bluesky' AND lower(v.post_id) IN {_BSKY_FORMS})
        ORDER BY v.id DESC LIMIT 1) AS save_status"""))


@migrations()
def m049_at_risk_despite_captures_never_read(db: Database) -> None:
    """v49 (capture34, #9): the view `at_risk_embeds` counts a capture as a copy when it was read and holds the post,
    or when the post is available now; an HTTP 200 capture nobody read of a post gone or not known is no copy on X
    too (the tool reads three captures of a post; before, the others each took it off the list). A Bluesky embed's
    captures and saves are found under each URL form of its post (its handle's and its DID's), not its link's alone."""
    db.execute("DROP VIEW IF EXISTS at_risk_embeds")
    db.create_view("at_risk_embeds", AT_RISK_EMBEDS_V49.strip())


@migrations()
def m050_availability_answers_any_case(db: Database) -> None:
    """v50: the fetch-log rows of availability queries by their URL in any case (runs34, #15), as m041 made CDX's:
    the archive reads the URL it answers for in lower case, so an answer kept for `…/RivertonRoads/…` is the one for
    `…/rivertonroads/…`; read by its exact text, another article's spelling asked again, and offline the closest
    capture was not known. The expression is `Store.availability_any_case`'s."""
    db.execute("CREATE INDEX fetches_available_any_case ON fetches (lower(url)) WHERE purpose = 'wayback-available'")


# The version of each source the views count (newuser34b #1, #13): an article is its bytes, and a source read again
# after an edit gives another article, its old one kept (a report of its sha256 still works). An article counts
# while its bytes are the current version of a source it was read from (`article_sources.superseded_at` NULL: the
# version scanned there last), or it names no source; a version superseded everywhere counts in no view. Each view
# takes its latest SQL with this one condition added (`_after`), so a later change of a view keeps it.
# Sources that name no place (NO_PLACE_SOURCES: standard input, bytes given to the API) are never superseded.
CURRENT_ARTICLES = """
SELECT a.* FROM articles a
WHERE EXISTS (SELECT 1 FROM article_sources s WHERE s.article_id = a.id AND s.superseded_at IS NULL)
   OR NOT EXISTS (SELECT 1 FROM article_sources s WHERE s.article_id = a.id)"""
_IS_CURRENT = "{0}.article_id IN (SELECT id FROM current_articles)"


def _after(sql: str, target: str, condition: str) -> str:
    """`sql` with `condition` added right after `target`, there exactly once (`_replacing`)."""
    return _replacing(sql, (target, target + condition))


VIEWS_V51 = {
    "credits_by_organization": _after(
        VIEWS["credits_by_organization"], "FROM credits\n", f"WHERE {_IS_CURRENT.format('credits')}\n"),
    "dead_embeds_by_outlet_year": _after(
        VIEWS_V47["dead_embeds_by_outlet_year"], "WHERE e.post_id IS NOT NULL", f" AND {_IS_CURRENT.format('e')}"),
    "gone_accounts_most_cited": _after(
        VIEWS_V47["gone_accounts_most_cited"], "AND e.id_doubt IS NULL", f" AND {_IS_CURRENT.format('e')}"),
    "at_risk_embeds": _after(AT_RISK_EMBEDS_V49, "AND p.post_id = e.post_id\nWHERE ", f"{_IS_CURRENT.format('e')} AND "),
    "unsure_encodings": _after(
        UNSURE_ENCODINGS_V36, "WHERE a.encoding_detected = 1", " AND a.id IN (SELECT id FROM current_articles)"),
}


def keep_one_current_version(db: Database, *, by: str = "place") -> None:
    """Of each place (v54: a file's real path, a URL; m051's `by` its source) with more than one current version
    (all of a cache before v51; two shards that read two versions of one file, merged), the one first seen there
    last stays current, the others superseded when it was seen: m051's, and `cache merge`'s after it copied the
    inputs' sources. A row of no known place (NULL) is its own. Idempotent."""
    places = ", ".join(f"'{name}'" for name in NO_PLACE_SOURCES)
    newer = (f"s.{by} = old.{by} AND s.superseded_at IS NULL AND s.id != old.id AND "
             "(s.first_seen_at > old.first_seen_at OR (s.first_seen_at IS old.first_seen_at AND s.id > old.id))")
    db.execute(f"""UPDATE article_sources AS old SET superseded_at = (
        SELECT max(s.first_seen_at) FROM article_sources s WHERE {newer})
        WHERE old.superseded_at IS NULL AND old.source NOT IN ({places}) AND old.{by} IS NOT NULL
          AND EXISTS (SELECT 1 FROM article_sources s WHERE {newer})""")


@migrations()
def m051_views_count_current_versions(db: Database) -> None:
    """v51 (newuser34b #1, #13): `article_sources.superseded_at`, when a newer version of the source was scanned
    (NULL: the version scanned there last, the current one); the view `current_articles`, the articles whose bytes
    are a source's current version; and the research views count those only. Before, an article edited between two
    scans counted twice in every view (its credits, its embeds, dead or at risk), and each correction of a page
    scanned nightly added to the counts. The old versions are kept. Of the sources recorded before v51, the version
    recorded there last is the current one."""
    db.table("article_sources").add_column("superseded_at", str)
    db.execute("CREATE INDEX article_sources_source ON article_sources (source)")
    keep_one_current_version(db, by="source")
    db.create_view("current_articles", CURRENT_ARTICLES.strip())
    for name, sql in VIEWS_V51.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.create_view(name, sql.strip())


# A post's times that a write of its source's answers set (`Store.record_observation`): each becomes the latest of
# that write's answers' own times (asof34), as a write made now sets it.
POST_TIMES = ("first_observed_at", "last_observed_at", "last_available_at")


def answer_time_sql(o: str, fetches: str = "fetches") -> str:
    """m052's time of the observation row `o` (a table or alias) written before v52: a live answer's is its fetch's
    `fetched_at` (in `fetches`), a replayed one's (its WARC-Date) and an undated one's as they were. Also read by
    `cache merge` of an input made before v52, which no migration of the merged output touches (`_answers_of`)."""
    return (f"COALESCE(CASE WHEN {o}.observed_at IS NOT NULL AND {o}.answered_at_unknown IS NULL THEN (SELECT "
            f"f.fetched_at FROM {fetches} f WHERE f.id = {o}.fetch_id AND f.via IS NOT 'warc') END, {o}.observed_at)")


# v52's views: each status as of the answer it was read from (`VIEW_AT`: its source's, as a report prints it), not of
# the latest of the answers that agree with it (asof34). Built on v51's (which count current versions only): the
# three views whose as-of columns read `_AS_OF`, each of which must hold it (a missing target would change nothing).
def _as_of_by_source(sql: str) -> str:
    if _AS_OF not in sql:
        raise ValueError("v52: a view without v47's as-of expression")
    return sql.replace(_AS_OF, _AS_OF_V52)


_AS_OF_V52 = ("(CASE WHEN p.status IN ('error', 'unknown') OR p.status IS NULL THEN p.last_observed_at ELSE COALESCE("
              "COALESCE((SELECT max(o.observed_at) FROM post_observations o WHERE o.post_row = p.id AND o.method != "
              "'wayback' AND o.status NOT IN ('error', 'unknown') AND o.status IS NOT NULL AND o.method IS p.method), "
              "(SELECT max(o.observed_at) FROM post_observations o WHERE o.post_row = p.id AND o.method != 'wayback' "
              "AND o.status NOT IN ('error', 'unknown') AND o.status IS NOT NULL)), p.last_observed_at) END)")   # at v52


VIEWS_V52 = {name: _as_of_by_source(VIEWS_V51[name])
             for name in ("dead_embeds_by_outlet_year", "gone_accounts_most_cited", "at_risk_embeds")}


@migrations()
def m052_observations_at_their_fetchs_time(db: Database) -> None:
    """v52 (asof34, #9): a live observation is at its fetch's time (`fetches.fetched_at`), as a replayed one is at
    its record's WARC-Date, not at the time it was written, after the answer (by the time the source took to answer
    and the capture reads made before the write): every "as of" read from it (`status_as_of`, the views) is a time
    the fetch log has, the one `embed.status.as_of` gives. Rows recorded before are moved to their fetch's time, and
    the posts' times a write set to its latest answer's; `recorded_at` (new) keeps when each was written, which tells
    one run's observations apart from another's (they no longer share a time). The views' `status_as_of` columns
    read the answer of the source the status was read from (`posts.method`) when two agree, not the later one."""
    db.table("post_observations").add_column("recorded_at", str)
    db.execute("UPDATE post_observations SET recorded_at = observed_at")
    db.execute(f"UPDATE post_observations SET observed_at = {answer_time_sql('post_observations')}")
    for column in POST_TIMES:
        write = (f"FROM post_observations o WHERE o.post_row = posts.id AND o.method != 'wayback' "
                 f"AND o.recorded_at = posts.{column}")
        db.execute(f"UPDATE posts SET {column} = (SELECT max(o.observed_at) {write}) "
                   f"WHERE EXISTS (SELECT 1 {write} AND o.observed_at IS NOT NULL)")
    for name, sql in VIEWS_V52.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.create_view(name, sql.strip())


# A capture's newest reading (its latest "wayback" observation, as `archived_in_store` reads a post's copies): NULL
# when nobody read it.
_NEWEST_READING = (f"(SELECT o.status FROM fetches f JOIN post_observations o ON o.fetch_id = f.id\n"
                   f"        WHERE {_CAPTURE_FETCH} AND o.method = 'wayback' ORDER BY o.id DESC LIMIT 1)")
# A capture is a copy by its newest reading: read as the post once and later as X's login wall it is none (v49 took
# any reading ever "archived-copy", review34r1); one nobody read keeps v49's rule (a copy of a post available now).
AT_RISK_EMBEDS_V53 = _replacing(
    VIEWS_V52["at_risk_embeds"],
    (f"""    SELECT s.original, EXISTS (SELECT 1 FROM fetches f JOIN post_observations o ON o.fetch_id = f.id
        WHERE {_CAPTURE_FETCH} AND o.method = 'wayback'
              AND o.status = 'archived-copy') AS held
    FROM snapshots s WHERE s.status = '200' AND NOT (EXISTS (
        SELECT 1 FROM fetches f JOIN post_observations o ON o.fetch_id = f.id
        WHERE {_CAPTURE_FETCH} AND o.method = 'wayback')
    AND NOT EXISTS (
        SELECT 1 FROM fetches f JOIN post_observations o ON o.fetch_id = f.id
        WHERE {_CAPTURE_FETCH} AND o.method = 'wayback'
              AND o.status = 'archived-copy'))
""",
     f"""    SELECT original, IFNULL(reading = 'archived-copy', 0) AS held FROM (
        SELECT s.original, {_NEWEST_READING} AS reading
        FROM snapshots s WHERE s.status = '200')
    WHERE IFNULL(reading, 'archived-copy') = 'archived-copy'
"""))


@migrations()
def m053_at_risk_by_a_captures_newest_reading(db: Database) -> None:
    """v53 (review34r1, #9): the view `at_risk_embeds` takes a capture read more than once as its newest reading says:
    one an earlier run read as the post and a later run as X's login wall is no copy. Before, any reading ever that
    held the post made it one, and `stats` left the embed off the list while the report said no copy was known."""
    db.execute("DROP VIEW IF EXISTS at_risk_embeds")
    db.create_view("at_risk_embeds", AT_RISK_EMBEDS_V53.strip())


# A source names a place only when it is one whatever the folder it was read from: a URL, or an absolute path of a
# file (not a record's: "feed.jsonl:12", "crawl.warc.gz#4096", which hold other articles in another file of that name).
_PLACE_OF_A_SOURCE_V54 = """
UPDATE article_sources SET place = source
WHERE (source LIKE 'http://%' OR source LIKE 'https://%')
   OR (source LIKE '/%' AND url IS NULL AND record_id IS NULL AND warc_date IS NULL
       AND source NOT GLOB '*:[0-9]*' AND source NOT GLOB '*#[0-9]*')"""


@migrations()
def m054_versions_of_one_place(db: Database) -> None:
    """v54 (review34r4): `article_sources.place`, where the bytes can be read again (a file's real path, an article's
    URL; NULL for standard input and a record of a feed or WARC), and an article supersedes the versions of its
    place, not of its name. Before, v51 took the name for the place: `scan a.html` run in two folders counted only
    the file scanned last (the other "changed"), and a feed exported again under its name superseded every article
    at the same line. A source recorded before v54 names its place when it is a URL or an absolute path of a file;
    the others (a relative path, a record) are of no known place: v51's choice among them is undone, each counted."""
    db.table("article_sources").add_column("place", str)
    db.execute("CREATE INDEX article_sources_place ON article_sources (place) WHERE place IS NOT NULL")
    db.execute(_PLACE_OF_A_SOURCE_V54.strip())
    db.execute("UPDATE article_sources SET superseded_at = NULL WHERE place IS NULL AND superseded_at IS NOT NULL")


# v55's views: an answer dated after now is not the one a status is as of (`VIEW_AT`). Built on v52's (at_risk_embeds
# on v53's).
def _as_of_not_ahead(sql: str) -> str:
    if _AS_OF_V52 not in sql:
        raise ValueError("v55: a view without v52's as-of expression")
    return sql.replace(_AS_OF_V52, f"({VIEW_AT})")


VIEWS_V55 = {name: _as_of_not_ahead(sql) for name, sql in (VIEWS_V52 | {"at_risk_embeds": AT_RISK_EMBEDS_V53}).items()}


@migrations()
def m055_status_as_of_no_answer_dated_ahead(db: Database) -> None:
    """v55 (review34r5, #9): the views' `status_as_of` columns never read an answer dated after now (a WARC written
    by a machine whose clock ran ahead, replayed) as the one a status is as of: a live answer that took the post's
    view from it (review32r3) was as of the replayed answer's time to come, which said otherwise. As `Store.VIEW_AT`
    reads it for `status_as_of`, the TTL and `stats`."""
    for name, sql in VIEWS_V55.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.create_view(name, sql.strip())


@migrations()
def m056_output_rewrite_pending(db: Database) -> None:
    """v56 (outfile35, #13): `run_outputs.pending` and `pending_sha256`, a rewrite of the output file the run
    committed and has not yet renamed over it (the new file, whole and fsync'ed, at `pending`; its `length` bytes
    have this sha256). The rename comes after the commit; a kill in between is completed by the next run. Before,
    the rename came first: a kill before the commit left the file and its recorded length disagreeing. An index on
    `progress (job, source)`: a feed's record scanned again finds the line FILE holds for its source."""
    db.table("run_outputs").add_column("pending", str)
    db.table("run_outputs").add_column("pending_sha256", str)
    # Whether a record a resumed run scans had its line written for other bytes (`Store.finished_as`).
    db.execute("CREATE INDEX progress_job_source ON progress (job, source)")


@migrations()
def m057_credit_kind(db: Database) -> None:
    """v57 (newuser35b #1, #3, #9): what kind of picture a credit's label says it is: file, handout, courtesy, stock,
    private or rights-reserved ("Foto: Archiv", "(File photo: Jane Roe/AFP)", "Photo : DR"), a label being no
    one's name. NULL: the credit carries no label, or was recorded before v57."""
    db.table("credits").add_column("kind", str)


def resolution_time_sql(r: str, fetches: str = "fetches") -> str:
    """m058's time of the resolution row `r` (a table or alias) written before v58: the latest `fetched_at` (in
    `fetches`) of the fetches it rests on (`fetch_ids`), when every one of them is a live fetch in the log answered
    no later than the row was written; else as it was (a replayed one is already at its WARC-Date, an undated one
    has none, one whose fetch rows are gone has no known fetch time). Also read by `cache merge` of an input made
    before v58, which no migration of the merged output touches."""
    ids = f"(SELECT j.value FROM json_each(CASE WHEN json_valid({r}.fetch_ids) THEN {r}.fetch_ids ELSE '[]' END) j)"
    return (f"COALESCE(CASE WHEN {r}.resolved_at IS NOT NULL AND {r}.answered_at_unknown IS NULL AND NOT EXISTS ("
            f"SELECT 1 FROM {fetches} f WHERE f.id IN {ids} AND (f.via IS 'warc' OR f.fetched_at > {r}.resolved_at))"
            f" AND (SELECT count(*) FROM {fetches} f WHERE f.id IN {ids}) = json_array_length(CASE WHEN "
            f"json_valid({r}.fetch_ids) THEN {r}.fetch_ids ELSE '[]' END) THEN (SELECT max(f.fetched_at) FROM "
            f"{fetches} f WHERE f.id IN {ids}) END, {r}.resolved_at)")


def snapshot_time_sql(s: str, fetches: str = "fetches") -> str:
    """m058's time of the snapshot row `s` written before v58: its lookup's `fetched_at` (in `fetches`), a live
    fetch answered no later than the row was written; else as it was (a replayed lookup's WARC-Date; no fetch row)."""
    return (f"COALESCE((SELECT f.fetched_at FROM {fetches} f WHERE f.id = {s}.fetch_id AND f.via IS NOT 'warc' AND "
            f"f.fetched_at <= {s}.observed_at), {s}.observed_at)")


def sighting_time_sql(a: str, observations: str = "post_observations", posts: str = "posts") -> str:
    """m058's time of an account's sighting `a` (an `authors` row or alias's column, as "a.last_seen_at") written
    before v52: the latest answer of the write that saw it (an observation of a post of the handle, `recorded_at`
    equal to it), as record_observation dates a sighting since v52; else as it was (one at its answer's time already,
    or a write whose post now names another handle)."""
    row, column = a.rsplit(".", 1)
    return (f"COALESCE((SELECT max(o.observed_at) FROM {observations} o JOIN {posts} p ON p.id = o.post_row WHERE "
            f"p.platform = {row}.platform AND lower(p.author_handle) = lower({row}.handle) AND o.method != 'wayback' "
            f"AND o.recorded_at = {row}.{column}), {row}.{column})")


@migrations()
def m058_links_captures_sightings_at_fetch_time(db: Database) -> None:
    """v58 (times35, #4): a resolution's `resolved_at` is its hops' latest fetch time and a snapshot's `observed_at`
    its lookup's, as an observation's has been since v52, not the time its row was written (after a slow answer,
    the rest of its chunk, or a resumed run's other work): what the fetch log holds. Rows written before are moved
    where every fetch they rest on is in the log, live; the others keep their write's time (a replayed row is
    already at its WARC-Date; a row whose fetch rows are gone has no other known time). An account's first and last
    sightings written before v52 (which m052 left) are moved to the latest answer of the write that saw it."""
    db.execute(f"UPDATE resolutions SET resolved_at = {resolution_time_sql('resolutions')}")
    db.execute(f"UPDATE snapshots SET observed_at = {snapshot_time_sql('snapshots')}")
    db.execute(f"UPDATE authors SET first_seen_at = {sighting_time_sql('authors.first_seen_at')}, "
               f"last_seen_at = {sighting_time_sql('authors.last_seen_at')}")


# v59's gone_accounts_most_cited: the account's own name, as a fetch recorded it (the post's record, else the latest
# name the account was seen with), and the name a widget or signature shows beside its handle, as the article's; a
# link's name is the speaker its prose names, who need not be the account (review34r6): neither.
_NAME_V55 = "MAX(COALESCE(p.author_name, e.author_name)) AS name,"
_NAME_V59 = ("COALESCE(MAX(p.author_name), (SELECT a.name FROM authors a WHERE a.platform = p.platform AND "
             "lower(a.handle) = lower(COALESCE(p.author_handle, e.author_handle)) AND a.name IS NOT NULL "
             "ORDER BY a.last_seen_at IS NULL, a.last_seen_at DESC, a.id DESC LIMIT 1)) AS name,\n"
             "       MAX(CASE WHEN e.detector IS NOT 'html-link' THEN e.author_name END) AS name_in_article,")


def _name_as_fetched(sql: str) -> str:
    if _NAME_V55 not in sql:
        raise ValueError("v59: gone_accounts_most_cited without v55's name")
    return sql.replace(_NAME_V55, _NAME_V59)


GONE_ACCOUNTS_V59 = _name_as_fetched(VIEWS_V55["gone_accounts_most_cited"])


@migrations()
def m059_gone_accounts_named_as_fetched(db: Database) -> None:
    """v59 (times35, #13): `gone_accounts_most_cited.name` is the account's own name as a fetch recorded it (its
    post's record, else the latest name the account was seen with in `authors`), empty when no fetch gave one; the
    name a widget or signature shows beside the handle is `name_in_article`, the article's. It was the name the
    article gave, which for a link is the speaker its prose names ("Mayor Jones wrote on X"), not necessarily the
    account's (review34r6); that name is in neither column."""
    db.execute("DROP VIEW IF EXISTS gone_accounts_most_cited")
    db.create_view("gone_accounts_most_cited", GONE_ACCOUNTS_V59.strip())


# v60's gone_accounts_most_cited.name: the latest name the account's own gone posts' answers gave (each observation's
# record, as a fetch recorded it: the post's author, whoever holds its handle now), before v59's (review35r6: the
# `authors` row of the handle, which the handle's next holder's post overwrites, named a deleted account after it; and
# MAX(p.author_name) was the last in the alphabet of an account renamed, not its latest).
_OWN_NAME = ("CASE WHEN json_valid(o.record) THEN json_extract(o.record, '$.author_name') END")
_LATEST_OWN_NAME = (f"(SELECT o.observed_at || char(31) || {_OWN_NAME} FROM post_observations o WHERE o.post_row = p.id "
                    f"AND o.method != 'wayback' AND o.observed_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                    f"AND {_OWN_NAME} IS NOT NULL ORDER BY o.observed_at DESC, o.id DESC LIMIT 1)")
_NAME_V60 = (f"COALESCE(substr(MAX({_LATEST_OWN_NAME}), instr(MAX({_LATEST_OWN_NAME}), char(31)) + 1), "
             "MAX(p.author_name), ")


def _named_by_own_posts(sql: str) -> str:
    if "COALESCE(MAX(p.author_name), " not in sql:
        raise ValueError("v60: gone_accounts_most_cited without v59's name")
    return sql.replace("COALESCE(MAX(p.author_name), ", _NAME_V60)


GONE_ACCOUNTS_V60 = _named_by_own_posts(GONE_ACCOUNTS_V59)


@migrations()
def m060_gone_accounts_named_by_their_own_posts(db: Database) -> None:
    """v60 (review35r6, #13): `gone_accounts_most_cited.name` is the latest name the account's own posts' answers
    gave (each post's observations, as a fetch recorded them), else v59's. It was the view's name, which a deleted
    post's view no longer holds, else the handle's row in `authors`, which the next account to hold the handle (X
    releases a deleted account's) overwrites once a post of its is fetched: the gone account was named after it."""
    db.execute("DROP VIEW IF EXISTS gone_accounts_most_cited")
    db.create_view("gone_accounts_most_cited", GONE_ACCOUNTS_V60.strip())


# v61's views (newuser35b #10): the main wire agencies' key across scripts (cache/agencies.py, the helper view
# `agency_names`), beside the names as written, in credits_by_organization and in article_credits, one row per
# credit with its article's source.
_AGENCY_OF = "LEFT JOIN agency_names g ON g.name = lower(trim(c.organization))"
VIEWS_V61 = {
    "credits_by_organization": f"""
SELECT COALESCE(MIN(trim(c.organization)), '(none named)') AS organization, g.agency,
       json_group_array(DISTINCT trim(c.organization)) FILTER (WHERE c.organization IS NOT NULL) AS names_as_written,
       COUNT(*) AS credits, COUNT(DISTINCT c.article_id) AS articles, COUNT(DISTINCT lower(c.creator)) AS creators
FROM credits c {_AGENCY_OF}
WHERE {_IS_CURRENT.format('c')}
GROUP BY COALESCE(g.agency, lower(trim(c.organization)))
ORDER BY credits DESC, organization""",
    "article_credits": f"""
SELECT c.id AS credit_id, c.article_id,
       (SELECT s.source FROM article_sources s WHERE s.article_id = c.article_id ORDER BY s.id LIMIT 1) AS article,
       c.raw, c.creator, c.organization, g.agency, c.kind, c.source, c.form, c.image, c.span_start, c.span_end,
       c.split_confidence
FROM credits c {_AGENCY_OF}
WHERE {_IS_CURRENT.format('c')}
ORDER BY c.article_id, c.ordinal""",
}


@migrations()
def m061_agency_key_and_article_credits(db: Database) -> None:
    """v61 (newuser35b #10): `credits_by_organization` counts the main wire agencies as one across scripts ("رويترز"
    and "Reuters"), with the key in `agency` and every name as written in `names_as_written`; before, each spelling
    was a row of its own. The view `article_credits`: each credit with the source of its article and the agency
    key (`cache export credits` gave `article_id` alone, so a join was needed). Both read the helper view
    `agency_names` (cache/agencies.py)."""
    db.create_view("agency_names", agency_names_sql())
    for name, sql in VIEWS_V61.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.create_view(name, sql.strip())


# v62's views: an embed naming no post (a pic.twitter.com media link, a t.co or shortener link) counts under the post
# its link leads to, as `scan --resolve --fetch` tied them (embed_posts; the first tie when more); an embed naming a
# post, under that post, as before (not under a post a link inside it leads to, which embed_posts also ties to it).
_LINKED_POST = ("(SELECT l.post_row FROM embed_posts l WHERE l.embed_id = {0}.id ORDER BY l.id LIMIT 1)")
_POST_JOIN_V55 = "posts p ON p.platform = e.platform AND p.post_id = e.post_id"
_POST_JOIN_V62 = ("posts p ON p.id = CASE WHEN e.post_id IS NOT NULL THEN (SELECT q.id FROM posts q WHERE q.platform = "
                  f"e.platform AND q.post_id = e.post_id) ELSE {_LINKED_POST.format('e')} END")
# Once per article and post: an embed reaching its post through a link is not counted when another embed of the
# article names that post, or an earlier link of the article leads to it (one post embedded as a blockquote and as a
# pic link, or through two links, is one embed of the article, as the embeds table keeps one row per post named).
_ONCE_V62 = ("(e.post_id IS NOT NULL OR (p.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM embeds o WHERE o.article_id = "
             "e.article_id AND o.id != e.id AND ((o.post_id IS NOT NULL AND o.platform = p.platform AND o.post_id = "
             f"p.post_id) OR (o.post_id IS NULL AND o.id < e.id AND {_LINKED_POST.format('o')} = p.id)))))")
_ID_TIME_V55 = _POST_YEAR[_POST_YEAR.index("CASE WHEN e.platform"):-1]   # the time in an X id, as v55 reads it


# A gone X post's tombstone names no author: reached through a link, whose embed shows none either, its handle is
# the one in the status URL the link led to (posts.url; not "i" of /i/status/).
_URL_HANDLE_V62 = ("CASE WHEN p.platform = 'twitter' AND instr(p.url, '.com/') > 0 AND instr(p.url, '/status/') > "
                   "instr(p.url, '.com/') + 5 THEN nullif(substr(p.url, instr(p.url, '.com/') + 5, instr(p.url, "
                   "'/status/') - instr(p.url, '.com/') - 5), 'i') END")


def _replaced(sql: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        if old not in sql:
            raise ValueError(f"v62: a view without {old[:60]!r}")
        sql = sql.replace(old, new)
    return sql


VIEWS_V62 = {
    "dead_embeds_by_outlet_year": _replaced(
        VIEWS_V55["dead_embeds_by_outlet_year"],
        ("SELECT e.article_id, e.platform, CASE",
         "SELECT e.article_id, COALESCE(p.platform, e.platform) AS platform, CASE"),
        (_ID_TIME_V55, _ID_TIME_V55.replace("e.platform", "COALESCE(p.platform, e.platform)")
         .replace("e.post_id", "COALESCE(e.post_id, p.post_id)")),
        (f"FROM embeds e LEFT JOIN {_POST_JOIN_V55}", f"FROM embeds e LEFT JOIN {_POST_JOIN_V62}"),
        ("WHERE e.post_id IS NOT NULL AND", f"WHERE {_ONCE_V62} AND")),
    "gone_accounts_most_cited": _replaced(
        GONE_ACCOUNTS_V60,
        ("COALESCE(p.author_handle, e.author_handle)",
         f"COALESCE(p.author_handle, e.author_handle, {_URL_HANDLE_V62})"),
        (f"FROM embeds e JOIN {_POST_JOIN_V55}", f"FROM embeds e JOIN {_POST_JOIN_V62}"),
        ("WHERE p.status IN ('deleted', 'suspended') AND",
         f"WHERE p.status IN ('deleted', 'suspended') AND {_ONCE_V62} AND")),
    "at_risk_embeds": _replaced(
        VIEWS_V55["at_risk_embeds"],
        ("COALESCE(p.author_handle, e.author_handle) AS handle",
         f"COALESCE(p.author_handle, e.author_handle, {_URL_HANDLE_V62}) AS handle"),
        ("e.platform, e.kind, e.url, e.post_id,",
         "e.platform, e.kind, e.url, COALESCE(e.post_id, p.post_id) AS post_id,"),
        ("OR (v.platform = e.platform AND v.post_id = e.post_id)",
         "OR (v.platform = COALESCE(p.platform, e.platform) AND v.post_id = COALESCE(e.post_id, p.post_id))"),
        ("AND a.post_id = e.post_id)", "AND a.post_id = COALESCE(e.post_id, p.post_id))"),
        (f"FROM embeds e LEFT JOIN {_POST_JOIN_V55}", f"FROM embeds e LEFT JOIN {_POST_JOIN_V62}")),
}


@migrations()
def m062_views_count_posts_reached_through_links(db: Database) -> None:
    """v62 (fixnu35e, newuser35c #1, #13): `dead_embeds_by_outlet_year`, `gone_accounts_most_cited` and
    `at_risk_embeds` count an embed naming no post (a pic.twitter.com media link, a t.co or shortener link) under the
    post its link leads to (`embed_posts`, as `scan --resolve --fetch` tied them), once per article and post: a post
    an article embeds as a blockquote and again as a link is one embed. Before, they joined an embed to a post by
    the id it names only: such an embed was counted nowhere, and listed at risk with no status."""
    for name, sql in VIEWS_V62.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.create_view(name, sql.strip())


@migrations()
def m063_agency_names_in_every_casing(db: Database) -> None:
    """v63 (review35r7): `agency_names` holds each listed name in every casing a credit writes it in, as SQLite's
    lower() folds it ("Рейтер", "РЕЙТЕР": lower() folds ASCII letters only); before, a Russian page's "Рейтер" was
    not Reuters in `credits_by_organization` or `article_credits`."""
    db.execute("DROP VIEW IF EXISTS agency_names")
    db.create_view("agency_names", agency_names_sql())


@migrations()
def m064_agency_names_of_upi_cp_and_pa(db: Database) -> None:
    """v64 (credits36): `agency_names` holds UPI, The Canadian Press and PA (Press Association, PA Media), the agencies
    extraction knew and the views did not: cache/agencies.py is now the one list both read."""
    db.execute("DROP VIEW IF EXISTS agency_names")
    db.create_view("agency_names", agency_names_sql())
# v65's: an embed naming no post counts under the post one of ITS OWN links leads to: its URL (a pic.twitter.com,
# t.co or shortener link embed) or a media link it carries (a pic.twitter.com link leads to the post the media is in),
# by the newest resolution of that link that reached a post (a later one that failed, a 503 on --refresh, is no
# change of where it leads). `embed_posts` also ties every post the links in its words
# lead to (a post it quotes, another account's): v62 took the first tie, which for a post pasted as text (its t.co
# before its pic link) was the quoted post, so a live post counted as another account's gone one (review36b).
_OWN_POST_V65 = ("(SELECT q.id FROM embed_links k JOIN resolutions r0 ON r0.id = k.resolution_id JOIN resolutions r "
                 "ON r.url = r0.url JOIN posts q ON q.platform = json_extract(r.post, '$.platform') AND q.post_id = "
                 "json_extract(r.post, '$.post_id') WHERE k.embed_id = {0}.id AND json_valid(r.post) AND (k.url = "
                 "{0}.url OR k.url IN (SELECT m.value FROM json_each(CASE WHEN json_valid({0}.media_links) THEN "
                 "{0}.media_links END) m)) ORDER BY k.id, r.resolved_at DESC, r.id DESC LIMIT 1)")
VIEWS_V65 = {name: _replaced(sql, *((_LINKED_POST.format(a), _OWN_POST_V65.format(a))
                                    for a in ("e", "o") if a == "e" or name != "at_risk_embeds"))
             for name, sql in VIEWS_V62.items()}   # at_risk lists each embed: no "once per article" (`o`)


@migrations()
def m065_views_count_a_link_embed_under_its_own_post(db: Database) -> None:
    """v65 (review36b, #13): `dead_embeds_by_outlet_year`, `gone_accounts_most_cited` and `at_risk_embeds` count an
    embed naming no post under the post its own link leads to (its URL, or a media link it carries), as that link's
    newest resolution to reach a post names it; before, under the first post `embed_posts` tied to it, which for a
    post pasted as text was the post a t.co in its words led to (a quoted post, another account's): a live post
    counted as a gone one of an account the article never embedded."""
    for name, sql in VIEWS_V65.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.create_view(name, sql.strip())


# v66 (views36): one post, one embed of an article, in every view, whatever names it. A Bluesky post is one post
# under its handle's and its DID's name when a fetch recorded the two together (`authors`, as Store.account_names
# reads them); when none did, its handle stays its name, never merged by guess (at_risk_embeds says "may be").
# The post an embed naming none (a link) is counted under: v65's (the post its own link leads to). Merged with another
# change of where a link's post is read from, set here: every use below reads it (the lead, stop 36).
_LINK_POST_V66 = _OWN_POST_V65
_BSKY_ACTOR = "substr({0}, 1, instr({0}, '/') - 1)"
_BSKY_RKEY = "substr({0}, instr({0}, '/') + 1)"


def _bsky_key(post_id: str) -> str:
    """A Bluesky post id's identity: `<DID>/<rkey>` when the id's account is a DID or a handle a fetch recorded with
    its DID (the latest sighting's), else `<handle>/<rkey>`; the account in lower case (a handle is a domain name)."""
    actor = _BSKY_ACTOR.format(post_id)
    did = (f"CASE WHEN {actor} LIKE 'did:%' THEN {actor} ELSE (SELECT a.author_id FROM authors a WHERE a.platform = "
           f"'bluesky' AND lower(a.handle) = lower({actor}) AND a.author_id LIKE 'did:%' ORDER BY a.last_seen_at "
           "IS NULL, a.last_seen_at DESC, a.id DESC LIMIT 1) END")
    return f"(lower(COALESCE({did}, {actor})) || '/' || {_BSKY_RKEY.format(post_id)})"


# A Bluesky embed whose own name holds no post row: the row of the same record key under its account's other name.
_BSKY_OTHER_ROW = (f"(SELECT q.id FROM authors a JOIN posts q ON q.platform = 'bluesky' AND q.post_id = CASE WHEN "
                   f"a.author_id = {_BSKY_ACTOR.format('e.post_id')} THEN a.handle ELSE a.author_id END || '/' || "
                   f"{_BSKY_RKEY.format('e.post_id')} WHERE a.platform = 'bluesky' AND a.author_id LIKE 'did:%' "
                   f"AND (a.author_id = {_BSKY_ACTOR.format('e.post_id')} OR lower(a.handle) = "
                   f"lower({_BSKY_ACTOR.format('e.post_id')})) ORDER BY q.id LIMIT 1)")
_POST_JOIN_V66 = ("posts p ON p.id = CASE WHEN e.post_id IS NOT NULL THEN COALESCE((SELECT q.id FROM posts q WHERE "
                  "q.platform = e.platform AND q.post_id = e.post_id), CASE WHEN e.platform = 'bluesky' THEN "
                  f"{_BSKY_OTHER_ROW} END) ELSE {_LINK_POST_V66.format('e')} END")
_PLATFORM_V66 = "COALESCE(p.platform, e.platform)"
_POST_ID_V66 = "COALESCE(p.post_id, e.post_id)"
# Which embed of a post an article's row is counted by, lowest first: an id read without doubt (0), a link followed
# to the post (1), then the same read with a doubt (2, 3); then the first.
_RANK = "(({0}.id_doubt IS NOT NULL) * 2 + ({0}.post_id IS NULL))"
# Whether the embed `o` shows the post `p` of the embed `e`: it names it, its link led to it, or it names the Bluesky
# post under another name of the same account.
_SAME_POST_V66 = ("((o.post_id IS NOT NULL AND o.platform = p.platform AND o.post_id = p.post_id) "
                  f"OR (o.post_id IS NULL AND {_LINK_POST_V66.format('o')} = p.id) "
                  f"OR (o.platform = 'bluesky' AND {_PLATFORM_V66} = 'bluesky' AND o.post_id IS NOT NULL AND "
                  f"{_BSKY_RKEY.format('o.post_id')} = {_BSKY_RKEY.format(_POST_ID_V66)} AND "
                  f"{_bsky_key('o.post_id')} = {_bsky_key(_POST_ID_V66)}))")
# Counted once per article and post, by its surest embed. Before, an embed naming a post was always counted: a
# Bluesky post named by handle and by DID was two embeds, and a post named by a blockquote with a doubt was not
# counted in the gone view (which leaves doubtful ids out) though a link had reached it for sure. An id read without
# doubt on another platform is never a repeat (the embeds table keeps one row per post an article names): not looked.
_NOT_A_REPEAT = (f"(CASE WHEN e.id_doubt IS NULL AND e.post_id IS NOT NULL AND e.platform != 'bluesky' THEN 1 ELSE "
                 "NOT EXISTS (SELECT 1 FROM embeds o WHERE o.article_id = e.article_id AND o.id != e.id AND "
                 f"({_RANK.format('o')} < {_RANK.format('e')} OR ({_RANK.format('o')} = {_RANK.format('e')} AND "
                 f"o.id < e.id)) AND {_SAME_POST_V66}) END)")
_ONCE_V66 = f"((e.post_id IS NOT NULL OR p.id IS NOT NULL) AND {_NOT_A_REPEAT})"
_BSKY_FORMS_V66 = _BSKY_FORMS.replace(_RKEY, _BSKY_RKEY.format(_POST_ID_V66))   # a link's: its post's record key
# The same record key under another name of a Bluesky account the cache does not tie to this one (one of the two
# names is not a DID, nor a handle recorded with one): maybe the same post, maybe two accounts' posts; said, not merged.
_MAYBE_SAME_V66 = (f"CASE WHEN {_PLATFORM_V66} = 'bluesky' AND {_POST_ID_V66} IS NOT NULL THEN (SELECT o.id FROM embeds o "
                   "WHERE o.article_id = e.article_id AND o.id != e.id AND o.platform = 'bluesky' AND o.post_id IS NOT "
                   f"NULL AND {_BSKY_RKEY.format('o.post_id')} = {_BSKY_RKEY.format(_POST_ID_V66)} AND "
                   f"{_bsky_key('o.post_id')} != {_bsky_key(_POST_ID_V66)} AND ({_bsky_key('o.post_id')} NOT LIKE "
                   f"'did:%' OR {_bsky_key(_POST_ID_V66)} NOT LIKE 'did:%') ORDER BY o.ordinal LIMIT 1) END")
# A gone account's name when its own posts' answers gave none: the `authors` row of its account id (as its posts'
# answers recorded it), or its handle's row as last seen no later than the first answer that found one of its posts
# gone (the handle was not yet free for another account). Never a sighting after that: `_seen_author` rewrites the
# handle's row for the account holding it now, which may be the handle's next holder (review35r6).
_OWN_ID_V66 = ("(SELECT json_extract(o.record, '$.author_id') FROM post_observations o WHERE o.post_row = p.id AND "
               "json_valid(o.record) AND json_extract(o.record, '$.author_id') IS NOT NULL ORDER BY o.observed_at "
               "DESC, o.id DESC LIMIT 1)")
_FOUND_GONE_V66 = ("(SELECT min(o.observed_at) FROM post_observations o WHERE o.post_row = p.id AND o.method != 'wayback' "
                   "AND o.status IN ('deleted', 'suspended') AND o.observed_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
_HANDLE_V66 = f"COALESCE(p.author_handle, e.author_handle, {_URL_HANDLE_V62})"
_AUTHORS_NAME_V62 = (f"(SELECT a.name FROM authors a WHERE a.platform = p.platform AND lower(a.handle) = "
                     f"lower({_HANDLE_V66}) AND a.name IS NOT NULL ORDER BY a.last_seen_at IS NULL, a.last_seen_at DESC, "
                     "a.id DESC LIMIT 1)")
_ACCOUNTS_ROW_V66 = (f"(SELECT a.last_seen_at || char(31) || a.name FROM authors a WHERE a.platform = p.platform AND "
                     f"a.name IS NOT NULL AND a.last_seen_at IS NOT NULL AND (a.author_id = COALESCE(p.author_id, "
                     f"{_OWN_ID_V66}) OR (lower(a.handle) = lower({_HANDLE_V66}) AND a.last_seen_at <= "
                     f"{_FOUND_GONE_V66})) ORDER BY a.last_seen_at DESC, a.id DESC LIMIT 1)")
_AUTHORS_NAME_V66 = (f"substr(MAX({_ACCOUNTS_ROW_V66}), instr(MAX({_ACCOUNTS_ROW_V66}), char(31)) + 1)")

VIEWS_V66 = {
    "dead_embeds_by_outlet_year": _replaced(
        VIEWS_V62["dead_embeds_by_outlet_year"],
        (f"FROM embeds e LEFT JOIN {_POST_JOIN_V62}", f"FROM embeds e LEFT JOIN {_POST_JOIN_V66}"),
        (f"WHERE {_ONCE_V62} AND", f"WHERE {_ONCE_V66} AND")),
    "gone_accounts_most_cited": _replaced(
        VIEWS_V62["gone_accounts_most_cited"],
        (_AUTHORS_NAME_V62, _AUTHORS_NAME_V66),
        (f"FROM embeds e JOIN {_POST_JOIN_V62}", f"FROM embeds e JOIN {_POST_JOIN_V66}"),
        (f"AND {_ONCE_V62} AND", f"AND {_ONCE_V66} AND")),
    "at_risk_embeds": _replaced(
        VIEWS_V62["at_risk_embeds"],
        (" AS save_status\n", f" AS save_status,\n       {_MAYBE_SAME_V66} AS may_be_same_post_as\n"),
        ("OR (e.platform = 'bluesky' AND v.platform = 'bluesky' AND lower(v.post_id) IN " + _BSKY_FORMS,
         f"OR ({_PLATFORM_V66} = 'bluesky' AND v.platform = 'bluesky' AND lower(v.post_id) IN " + _BSKY_FORMS_V66),
        ("(e.platform = 'twitter' AND a.platform = 'twitter'", f"({_PLATFORM_V66} = 'twitter' AND a.platform = 'twitter'"),
        ("OR (e.platform = 'bluesky' AND a.platform = 'bluesky' AND a.post_id IN " + _BSKY_FORMS,
         f"OR ({_PLATFORM_V66} = 'bluesky' AND a.platform = 'bluesky' AND a.post_id IN " + _BSKY_FORMS_V66),
        (f"FROM embeds e LEFT JOIN {_POST_JOIN_V62}", f"FROM embeds e LEFT JOIN {_POST_JOIN_V66}"),
        ("WHERE e.article_id IN (SELECT id FROM current_articles) AND",
         f"WHERE e.article_id IN (SELECT id FROM current_articles) AND {_NOT_A_REPEAT} AND")),
}


@migrations()
def m066_views_one_post_whatever_names_it(db: Database) -> None:
    """v66 (views36, #13): the research views count each post once per article whatever names it: a Bluesky post
    embedded by its handle's URL and by its DID's is one post when a fetch recorded the two names together
    (`at_risk_embeds.may_be_same_post_as` says so when none did); a post named by an id read with a doubt and reached
    by a link followed to it counts by the link (the gone view had left it out). `at_risk_embeds` finds a copy of a
    link's post by the post's platform (a t.co link to a Bluesky post). `gone_accounts_most_cited.name` falls back
    to `authors` only for the account's own id or a sighting from before its posts were gone (it could name the
    handle's next holder)."""
    for name, sql in VIEWS_V66.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.create_view(name, sql.strip())


# Why a replayed answer recorded before v67 names no server that answered (`fetches.contacted_unknown`)
CONTACTED_NOT_KNOWN = ("replayed before cache v67, whose replays recorded their own [origins] mapping as the server "
                       "that answered, not the WARC record's (WARC-Embed-Resolver-Contacted-URI, which says it)")


@migrations()
def m067_replayed_answers_contacted_not_known(db: Database) -> None:
    """v67 (reports36): `fetches.contacted_unknown`, why the server that gave a replayed answer is not known. Until
    review35r5's fix (stop 35), a --replay run recorded as `contacted_url` its own [origins] mapping of the URL (its
    override wrapped the replay), or the URL itself with no mapping, never the WARC record's
    WARC-Embed-Resolver-Contacted-URI: every later report said "via configured origin <the replay run's mapping>",
    a server that never answered, or named none where an override had answered. The row cannot tell which server
    did (the record can, its file may be anywhere), nor a row the fixed version wrote from one an older one did: every
    replayed answer recorded before v67 is marked, and the reports say it is not known rather than guess. NULL:
    known (a live fetch, a replay recorded since, a miss that got no answer)."""
    db.table("fetches").add_column("contacted_unknown", str)
    db.execute("UPDATE fetches SET contacted_unknown = ? WHERE via = 'warc' AND status IS NOT NULL",
               [CONTACTED_NOT_KNOWN])


# v68 (review36d): the post a link leads to, read by the name its resolution gives it, is also the row the cache
# holds under its Bluesky account's other name (handle <-> DID, as `authors` ties them), as a named embed's is
# (`_BSKY_OTHER_ROW`): a t.co to a post's DID URL, the post fetched by its handle's URL, is answered from that row by
# fetch (`_named_otherwise`), which writes none under the DID; v65/v66 found no post for the link, counted nowhere.
def _bsky_names(post_id: str, *, own: bool = True) -> str:
    """A Bluesky post id (unless not `own`) and the ids of its record key under its account's other names (handle
    <-> DID), as a list for `IN`: each name looked up by an index (the posts row by its name, the account by its
    DID or its handle in lower case), not by a scan of the platform's accounts."""
    actor, rkey = _BSKY_ACTOR.format(post_id), _BSKY_RKEY.format(post_id)
    return (f"({f'SELECT {post_id} UNION ALL ' if own else ''}SELECT b.handle || '/' || {rkey} FROM authors b WHERE "
            f"b.platform = 'bluesky' AND b.author_id = {actor} AND {actor} LIKE 'did:%' UNION ALL SELECT b.author_id "
            f"|| '/' || {rkey} FROM authors b WHERE b.platform = 'bluesky' AND lower(b.handle) = lower({actor}) AND "
            "b.author_id LIKE 'did:%')")


# views36's `_BSKY_OTHER_ROW` and `_ACCOUNTS_ROW_V66` as indexed lookups (an OR of the two names read `authors` by
# its platform alone: gone_accounts_most_cited took 7 s on a cache of 10,000 embeds and 1,500 Bluesky accounts)
_BSKY_OTHER_ROW_V68 = (f"(SELECT q.id FROM posts q WHERE q.platform = 'bluesky' AND q.post_id IN "
                       f"{_bsky_names('e.post_id', own=False)} ORDER BY q.id LIMIT 1)")
_ACCOUNT_ROWS = ("SELECT a.last_seen_at AS t, a.id AS i, a.last_seen_at || char(31) || a.name AS v FROM authors a WHERE "
                 "a.platform = p.platform AND a.name IS NOT NULL AND a.last_seen_at IS NOT NULL AND ")
_ACCOUNTS_ROW_V68 = (f"(SELECT v FROM ({_ACCOUNT_ROWS}a.author_id = COALESCE(p.author_id, {_OWN_ID_V66}) UNION ALL "
                     f"{_ACCOUNT_ROWS}lower(a.handle) = lower({_HANDLE_V66}) AND a.last_seen_at <= {_FOUND_GONE_V66}) "
                     "ORDER BY t DESC, i DESC LIMIT 1)")


_R_PLATFORM, _R_POST_ID = "json_extract(r.post, '$.platform')", "json_extract(r.post, '$.post_id')"
# the row under the resolution's own name first
_OWN_POST_V68 = _replaced(
    _OWN_POST_V65,
    (f"JOIN posts q ON q.platform = {_R_PLATFORM} AND q.post_id = {_R_POST_ID} ",
     f"JOIN posts q ON q.platform = {_R_PLATFORM} AND q.post_id IN {_bsky_names(_R_POST_ID)} "),
    ("ORDER BY k.id, r.resolved_at DESC, r.id DESC LIMIT 1)",
     f"ORDER BY k.id, r.resolved_at DESC, r.id DESC, q.post_id != {_R_POST_ID}, q.id LIMIT 1)"))
VIEWS_V68 = {name: _replaced(sql, *((_OWN_POST_V65.format(a), _OWN_POST_V68.format(a)) for a in ("e", "o")),
                             (_BSKY_OTHER_ROW, _BSKY_OTHER_ROW_V68),
                             *([(_ACCOUNTS_ROW_V66, _ACCOUNTS_ROW_V68)] if name == "gone_accounts_most_cited" else []))
             for name, sql in VIEWS_V66.items()}


@migrations()
def m068_views_a_link_to_a_bluesky_post_under_either_name(db: Database) -> None:
    """v68 (review36d, #13): the research views count a link to a Bluesky post under the post the cache holds under
    its account's other name (a t.co to the post's DID URL, the post fetched by its handle's URL), as fetch answers
    it; before, such a link reached no post: counted in no view, listed at risk with no status. Every lookup of an
    account is by an index (`authors_any_case`, `authors_by_id`): `gone_accounts_most_cited` read all of a platform's
    accounts for each gone post (7 s on 10,000 embeds and 1,500 Bluesky accounts; 0.3 s now)."""
    for name, sql in VIEWS_V68.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.create_view(name, sql.strip())


# v69's credits_by_organization: a credit whose split is `uncertain` (a lone "(EPA)": the agency or the US agency's
# letters) counted apart, in `uncertain`; `credits`, `articles` and `creators` count the sure ones.
_SURE = "FILTER (WHERE c.split_confidence IS NOT 'uncertain')"
CREDITS_BY_ORGANIZATION_V69 = f"""
SELECT COALESCE(MIN(trim(c.organization)), '(none named)') AS organization, g.agency,
       json_group_array(DISTINCT trim(c.organization)) FILTER (WHERE c.organization IS NOT NULL) AS names_as_written,
       COUNT(*) {_SURE} AS credits, COUNT(DISTINCT c.article_id) {_SURE} AS articles,
       COUNT(DISTINCT lower(c.creator)) {_SURE} AS creators,
       COUNT(*) FILTER (WHERE c.split_confidence = 'uncertain') AS uncertain
FROM credits c {_AGENCY_OF}
WHERE {_IS_CURRENT.format('c')}
GROUP BY COALESCE(g.agency, lower(trim(c.organization)))
ORDER BY credits DESC, uncertain DESC, organization"""


@migrations()
def m069_credits_by_organization_counts_uncertain_credits_apart(db: Database) -> None:
    """v69 (credits37, #10): `credits_by_organization` counts a credit whose split is uncertain in a column of its own,
    `uncertain`, and `credits`, `articles`, `creators` count the sure ones; before, a lone "(EPA)" the extraction
    said may be the US agency's letters counted under the agency EPA as a sure credit."""
    db.execute("DROP VIEW IF EXISTS credits_by_organization")
    db.create_view("credits_by_organization", CREDITS_BY_ORGANIZATION_V69.strip())


# What follows a post's id in a capture's URL when the capture is of the post's own page: nothing, a trailing slash,
# a query or a fragment; not `/likes`, `/retweets`, `/photo/1`, `/analytics` (platforms.x.status_subpage)
_AFTER_ID = "ltrim(rest, '0123456789')"
_OWN_PAGE = (f"{_AFTER_ID} IN ('', '/') OR substr({_AFTER_ID}, 1, 1) IN ('?', '#') "
             f"OR substr({_AFTER_ID}, 1, 2) IN ('/?', '/#')")
_STATUS_COPIES = ("        SELECT substr(original, instr(original, '/status/') + 8) AS rest, held FROM copies\n"
                  "        WHERE instr(original, '/status/') > 0)\n")
AT_RISK_EMBEDS_V70 = _replaced(VIEWS_V68["at_risk_embeds"],
                               (_STATUS_COPIES, f"{_STATUS_COPIES}    WHERE {_OWN_PAGE}\n"))


@migrations()
def m070_at_risk_a_posts_likes_page_is_no_copy(db: Database) -> None:
    """v70 (review37b, #4): `at_risk_embeds` takes a post off the list for a capture of its own page only, not of its
    `/likes`, `/retweets`, `/photo/1` or `/analytics` page. reports36 made those no snapshots of the post in the
    reports ("no archived copy was found … archive it"), but the CDX list is recorded as listed, and the view read
    the post's id out of `…/status/<id>/likes`: the post was archived in `stats` and `cache export`, not in the
    report."""
    db.execute("DROP VIEW IF EXISTS at_risk_embeds")
    db.create_view("at_risk_embeds", AT_RISK_EMBEDS_V70.strip())


@migrations()
def m071_embed_unshown(db: Database) -> None:
    """v71: where the page keeps an embed without showing it ("inside <template>", "inside an HTML comment", "inside
    <div style="display:none">", "inside <svg>"), so every report says a copy no reader sees is not the article's
    claim (newuser37 #1). NULL: the page shows it, or the embed was recorded before v71."""
    db.table("embeds").add_column("unshown", str)


# v72's dead view: every embed of a post is in one of its columns. An embed naming no post whose own link may lead to
# one (a pic.twitter.com or t.co link embed, a pasted post's media link) and that reached no post the cache holds (its
# link never followed, or its post never fetched) is `not_checked`; v66 counted it in no column, so "N% dead" said
# nothing of it. One whose link's newest answer ended at a page that is no post is no post's embed: not counted.
_HIDES_A_POST = ("(e.kind IN ('short-link', 'media-link') OR json_array_length(CASE WHEN json_valid(e.media_links) THEN "
                 "e.media_links END) > 0)")
_ENDS_AT_NO_POST = ("(SELECT r.error IS NULL AND json_extract(CASE WHEN json_valid(r.post) THEN r.post END, '$.post_id') "
                    "IS NULL FROM embed_links k JOIN resolutions r0 ON r0.id = k.resolution_id JOIN resolutions r ON "
                    "r.url = r0.url WHERE k.embed_id = e.id AND (k.url = e.url OR k.url IN (SELECT m.value FROM "
                    "json_each(CASE WHEN json_valid(e.media_links) THEN e.media_links END) m)) ORDER BY "
                    "r.resolved_at DESC, r.id DESC LIMIT 1)")
_NOT_CHECKED_V72 = f"(e.post_id IS NULL AND p.id IS NULL AND {_HIDES_A_POST} AND NOT COALESCE({_ENDS_AT_NO_POST}, 0))"
# A post named by an id read with a doubt and answered with a known status is `doubtful_id`, not `embeds_checked`:
# v66 counted it checked and in no dead column, so an article whose only embed was a doubtful gone post read "0% dead".
DEAD_EMBEDS_V72 = _replaced(
    VIEWS_V68["dead_embeds_by_outlet_year"],
    ("       SUM(known) AS embeds_checked,\n       SUM(NOT known) AS status_unknown,\n",
     "       SUM(known AND sure) AS embeds_checked,\n       SUM(known AND NOT sure) AS doubtful_id,\n"
     "       SUM(found AND NOT known) AS status_unknown,\n       SUM(NOT found) AS not_checked,\n"),
    ("/ NULLIF(SUM(known), 0), 1) AS dead_percent", "/ NULLIF(SUM(known AND sure), 0), 1) AS dead_percent"),
    ("SELECT article_id, platform, status, sure, outlet,", "SELECT article_id, platform, status, sure, found, outlet,"),
    ("COALESCE(status NOT IN ('error', 'unknown'), 0) AS known",
     "COALESCE(found AND status NOT IN ('error', 'unknown'), 0) AS known"),
    ("e.id_doubt IS NULL AS sure,", "e.id_doubt IS NULL AS sure, (e.post_id IS NOT NULL OR p.id IS NOT NULL) AS found,"),
    ("WHERE ((e.post_id IS NOT NULL OR p.id IS NOT NULL) AND ",   # v68's once per article (`_ONCE_V66`)
     f"WHERE ((e.post_id IS NOT NULL OR p.id IS NOT NULL OR {_NOT_CHECKED_V72}) AND "))


@migrations()
def m072_dead_view_counts_links_not_checked_and_doubtful_ids_apart(db: Database) -> None:
    """v72 (views37, #13): `dead_embeds_by_outlet_year` accounts for every embed of a post: `not_checked` counts a
    link embed (a pic.twitter.com or t.co link, a pasted post's media link) whose link was never followed to a post
    or whose post was never fetched, which no column counted; `doubtful_id` counts a post named by an id read with a
    doubt whose status is known, which `embeds_checked` counted though no dead column could (an article whose only
    embed was such a gone post read "0% dead"). `dead_percent` is of `embeds_checked`, the sure ones:
    embeds = embeds_checked + doubtful_id + status_unknown + not_checked."""
    db.execute("DROP VIEW IF EXISTS dead_embeds_by_outlet_year")
    db.create_view("dead_embeds_by_outlet_year", DEAD_EMBEDS_V72.strip())


# v73's dead view: an embed of a kind that is no post (the resolver's `platforms.NOT_POSTS`: a YouTube playlist or a
# channel's uploads, whose list id sits in post_id, an X or YouTube timeline, an Instagram story, a YouTube clip, a
# TikTok live stream) is no embed of a post. v72 counted a playlist in `embeds` and `status_unknown`, though nothing is
# looked up for it and the report says it is no post (review38c). The kinds are no post's on every platform.
NOT_POST_KINDS_V73 = ("playlist", "timeline", "story", "clip", "live")
# v77 (newuser40a #2): a Mastodon activity link (…/statuses/<id>/activity: a boost or the account's own post, not
# known which) is no post either.
NOT_POST_KINDS = (*NOT_POST_KINDS_V73, "activity")
DEAD_EMBEDS_V73 = _replaced(
    DEAD_EMBEDS_V72,
    ("WHERE ((e.post_id IS NOT NULL OR p.id IS NOT NULL OR ",
     f"WHERE (COALESCE(e.kind, '') NOT IN ({', '.join(repr(k) for k in NOT_POST_KINDS_V73)}) AND "
     "(e.post_id IS NOT NULL OR p.id IS NOT NULL OR "))


@migrations()
def m073_dead_view_counts_no_playlist_or_timeline_as_a_post(db: Database) -> None:
    """v73 (review38c, #13): `dead_embeds_by_outlet_year` leaves out an embed of a kind that is no post (a playlist, a
    channel's uploads, a timeline, a story, a clip, a live stream): a playlist's list id made it a post whose status
    was not known, in `embeds` and `status_unknown`, where the report counts no post."""
    db.execute("DROP VIEW IF EXISTS dead_embeds_by_outlet_year")
    db.create_view("dead_embeds_by_outlet_year", DEAD_EMBEDS_V73.strip())


# v74's post year of a Bluesky post: the time its key carries when nothing else gave one, as an X id's snowflake does
# (newuser38b #5). A key is a TID when it is 13 characters of base32-sortable, the first of 2-7a-j (`bluesky.TID`):
# 53 bits of microseconds since 1970 before 10 bits of clock id. The first character's share is taken apart
# (c1 * 32^12 / 1024 = c1 * 2^50) so that no sum passes SQLite's 64-bit integers.
_BSKY_KEY = "substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1)"
_TID_DIGIT = "(instr('234567abcdefghijklmnopqrstuvwxyz', substr({key}, {at}, 1)) - 1)"
_TID_MICROSECONDS = (f"({_TID_DIGIT.format(key=_BSKY_KEY, at=1)} * {2 ** 50} + (("
                     + " + ".join(f"{_TID_DIGIT.format(key=_BSKY_KEY, at=at)} * {32 ** (13 - at)}" for at in range(2, 14))
                     + ") >> 10))")
_TID_YEAR = (f"CASE WHEN COALESCE(p.platform, e.platform) = 'bluesky' AND instr(COALESCE(e.post_id, p.post_id), '/') > 0 "
             f"AND length({_BSKY_KEY}) = 13 AND {_BSKY_KEY} GLOB '[2-7a-j]{'[2-7a-z]' * 12}'\n"
             f"         THEN strftime('%Y', {_TID_MICROSECONDS} / 1000000, 'unixepoch') END")
DEAD_EMBEDS_V74 = _replaced(DEAD_EMBEDS_V73, (" 'unixepoch') END) AS post_year",
                                              f" 'unixepoch') END,\n    {_TID_YEAR}) AS post_year"))


@migrations()
def m074_bluesky_post_year_from_its_key(db: Database) -> None:
    """v74 (newuser38b #5): `dead_embeds_by_outlet_year.post_year` of a Bluesky post is the year its key (a TID)
    carries when no answer's date or date line gave one, as an X post's is its id's; empty before, so every Bluesky
    post named by a link was of no known year."""
    db.execute("DROP VIEW IF EXISTS dead_embeds_by_outlet_year")
    db.create_view("dead_embeds_by_outlet_year", DEAD_EMBEDS_V74.strip())


# v75's post year of a Bluesky post from its key: only a key of a time a Bluesky post can have been made in, from 2022
# (the network's first posts) to a day after now. A key is the client's to choose (atproto's TID spec: anyone can make
# one of any time, and reuse one), so "2zzzzzzzzzzzz" said 2005 and "jzzzzzzzzzzzz" 2255 in v74 (review39b).
_TID_SECONDS = f"({_TID_MICROSECONDS} / 1000000)"
_TID_YEAR_V75 = _TID_YEAR.replace(
    f"         THEN strftime('%Y', {_TID_MICROSECONDS} / 1000000, 'unixepoch') END",
    f"         AND {_TID_SECONDS} BETWEEN 1640995200 AND CAST(strftime('%s', 'now') AS INTEGER) + 86400\n"
    f"         THEN strftime('%Y', {_TID_SECONDS}, 'unixepoch') END")
DEAD_EMBEDS_V75 = _replaced(DEAD_EMBEDS_V74, (_TID_YEAR, _TID_YEAR_V75))


@migrations()
def m075_bluesky_post_year_only_from_a_key_of_bluesky_s_time(db: Database) -> None:
    """v75 (review39b, #13): `dead_embeds_by_outlet_year.post_year` of a Bluesky post is its key's year only when the
    key's time is one a Bluesky post can have been made in (2022 to now): a key is the client's to choose, and v74 put
    a post of "2zzzzzzzzzzzz" in 2005 and one of "jzzzzzzzzzzzz" in 2255."""
    db.execute("DROP VIEW IF EXISTS dead_embeds_by_outlet_year")
    db.create_view("dead_embeds_by_outlet_year", DEAD_EMBEDS_V75.strip())
# v76 (newuser39a #10): a Telegram post's captures are read as an X post's (resolver/fetch/telegram.py): one read as the
# post's copy, or any of a post available now, under its page, its widget page (`?embed=1`) or its web preview's
# (`t.me/s/<channel>/<n>`), takes it off the list; a comment's page (`?comment=`) is none.
_BLUESKY_COPIES_END = "        WHERE instr(original, 'bsky.app/profile/') > 0 AND instr(original, '/post/') > 0)\n)\n"
_TELEGRAM_COPIES = (
    "    UNION\n"
    "    SELECT DISTINCT NULL, 'telegram', lower(rtrim(CASE WHEN instr(rest, '?') > 0 THEN substr(rest, 1, "
    "instr(rest, '?') - 1) ELSE rest END, '/')), held FROM (\n"
    "        SELECT CASE WHEN substr(after, 1, 2) = 's/' THEN substr(after, 3) ELSE after END AS rest, held FROM (\n"
    "            SELECT substr(original, instr(original, '//t.me/') + 7) AS after, held FROM copies\n"
    "            WHERE instr(original, '//t.me/') > 0 AND instr(original, 'comment=') = 0))\n")
_BLUESKY_MATCH = "OR (COALESCE(p.platform, e.platform) = 'bluesky' AND a.platform = 'bluesky' AND a.post_id IN ("
AT_RISK_EMBEDS_V76 = _replaced(
    AT_RISK_EMBEDS_V70,
    (_BLUESKY_COPIES_END, _BLUESKY_COPIES_END[:-2] + _TELEGRAM_COPIES + ")\n"),
    (_BLUESKY_MATCH, "OR (COALESCE(p.platform, e.platform) = 'telegram' AND a.platform = 'telegram' AND a.post_id = "
                     "lower(COALESCE(e.post_id, p.post_id)))\n                       " + _BLUESKY_MATCH))


@migrations()
def m076_at_risk_reads_telegram_captures(db: Database) -> None:
    """v76 (newuser39a #10): `at_risk_embeds` counts a Telegram post's capture read as its copy (its page, its
    widget page or its web preview's), as the reports do now that the fetch reads them; before, a deleted Telegram
    post whose archived web preview holds its words was listed as having no copy."""
    db.execute("DROP VIEW IF EXISTS at_risk_embeds")
    db.create_view("at_risk_embeds", AT_RISK_EMBEDS_V76.strip())


# v77 (review40a): a Telegram post's copy read under its telegram.me page counts as one under t.me does: the fetch reads
# the captures of the pages a report's lookup lists (t.me, t.me/s and telegram.me), and a copy read under telegram.me
# left the post at risk while the report showed its words.
_TELEGRAM_AFTER_V76 = ("            SELECT substr(original, instr(original, '//t.me/') + 7) AS after, held FROM copies\n"
                       "            WHERE instr(original, '//t.me/') > 0 AND instr(original, 'comment=') = 0))\n")
_TELEGRAM_AFTER_V77 = (
    "            SELECT CASE WHEN instr(original, '//t.me/') > 0 THEN substr(original, instr(original, '//t.me/') + 7)"
    " ELSE substr(original, instr(original, '//telegram.me/') + 14) END AS after, held FROM copies\n"
    "            WHERE (instr(original, '//t.me/') > 0 OR instr(original, '//telegram.me/') > 0)"
    " AND instr(original, 'comment=') = 0))\n")
AT_RISK_EMBEDS_V77 = _replaced(AT_RISK_EMBEDS_V76, (_TELEGRAM_AFTER_V76, _TELEGRAM_AFTER_V77))


@migrations()
def m077_at_risk_reads_telegram_me_captures(db: Database) -> None:
    """v77 (review40a): `at_risk_embeds` counts a Telegram post's copy read under its telegram.me page, as under t.me:
    the fetch now reads the captures of every page a report's lookup lists, and a copy read there left the post
    listed as having none."""
    db.execute("DROP VIEW IF EXISTS at_risk_embeds")
    db.create_view("at_risk_embeds", AT_RISK_EMBEDS_V77.strip())


# v80 (fediarch41): a Mastodon post's capture read as its copy counts, under any of the URLs the fetch lists for it
# (its page /@<user>/<id>, its ActivityPub URL /users/<user>/statuses/<id>, the old web UI's /web/statuses/<id>),
# as `<instance>/<id>`, the post's id: before, only a capture of the very URL the article linked was matched, and a
# deleted post whose words the report showed from a capture of its ActivityPub URL was listed as having no copy.
_MASTODON_COPIES = (
    "    UNION\n"
    "    SELECT DISTINCT NULL, 'mastodon', lower(host) || '/' || substr(after, 1, length(after) - length(ltrim(after, "
    "'0123456789'))), held FROM (\n"
    "        SELECT host, CASE WHEN substr(path, 1, 1) = '@' THEN substr(path, instr(path, '/') + 1)"
    " WHEN substr(path, 1, 6) = 'users/' AND instr(path, '/statuses/') > 0 THEN substr(path, instr(path, '/statuses/')"
    " + 10) WHEN substr(path, 1, 13) = 'web/statuses/' THEN substr(path, 14) END AS after, held FROM (\n"
    "            SELECT substr(rest, 1, instr(rest, '/') - 1) AS host, substr(rest, instr(rest, '/') + 1) AS path, held"
    " FROM (\n"
    "                SELECT substr(original, instr(original, '//') + 2) AS rest, held FROM copies\n"
    "                WHERE instr(original, '//') > 0 AND (instr(original, '/@') > 0 OR instr(original, '/statuses/') > 0))"
    "\n            WHERE instr(rest, '/') > 0))\n"
    "    WHERE length(after) > length(ltrim(after, '0123456789')) AND (ltrim(after, '0123456789') IN ('', '/', '/embed')"
    " OR substr(ltrim(after, '0123456789'), 1, 1) IN ('?', '#') OR substr(ltrim(after, '0123456789'), 1, 2) IN ('/?',"
    " '/#'))\n")
AT_RISK_EMBEDS_V80 = _replaced(
    AT_RISK_EMBEDS_V77,
    (_TELEGRAM_AFTER_V77, _TELEGRAM_AFTER_V77 + _MASTODON_COPIES),
    (_BLUESKY_MATCH, "OR (COALESCE(p.platform, e.platform) = 'mastodon' AND a.platform = 'mastodon' AND a.post_id = "
                     "lower(COALESCE(e.post_id, p.post_id)))\n                       " + _BLUESKY_MATCH))


# v81 (fixleft42b): a YouTube video's capture read as its copy counts under any of the pages the fetch lists for it
# (its watch page on www. or m.youtube.com, its Shorts page), by its id, case and all (a video's id is case-sensitive,
# `watch?v=abc…` is another video): before, only a capture of the very URL the article linked was matched, and a
# removed video whose title the report showed from a capture of its Shorts page was listed as having no copy.
_YOUTUBE_COPIES = (
    "    UNION\n"
    "    SELECT DISTINCT NULL, 'youtube', substr(rest, 1, 11), held FROM (\n"
    "        SELECT CASE WHEN instr(original, 'youtube.com/watch?v=') > 0 THEN substr(original, instr(original, "
    "'youtube.com/watch?v=') + 20) ELSE substr(original, instr(original, 'youtube.com/shorts/') + 19) END AS rest, held"
    " FROM copies\n"
    "        WHERE instr(original, 'youtube.com/watch?v=') > 0 OR instr(original, 'youtube.com/shorts/') > 0)\n"
    "    WHERE length(rest) = 11 OR length(rest) > 11 AND substr(rest, 12, 1) IN ('&', '?', '#', '/')\n")
AT_RISK_EMBEDS_V81 = _replaced(
    AT_RISK_EMBEDS_V80,
    (_MASTODON_COPIES, _MASTODON_COPIES + _YOUTUBE_COPIES),
    (_BLUESKY_MATCH, "OR (COALESCE(p.platform, e.platform) = 'youtube' AND a.platform = 'youtube' AND a.post_id = "
                     "COALESCE(e.post_id, p.post_id))\n                       " + _BLUESKY_MATCH))

# v82 (fixleft43a): a TikTok video's copy read under its page by any handle (a re-poster's, `/@/`), with its query
# (`?lang=en`), counted as the video's, by its id (all digits, ended by the path's end, `?`, `#` or `/`).
_TIKTOK_COPIES = (
    "    UNION\n"
    "    SELECT DISTINCT NULL, 'tiktok', substr(rest, 1, length(rest) - length(ltrim(rest, '0123456789'))), held FROM (\n"
    "        SELECT substr(original, instr(original, '/video/') + 7) AS rest, held FROM copies\n"
    "        WHERE instr(original, 'tiktok.com/@') > 0 AND instr(original, '/video/') > instr(original, 'tiktok.com/@'))\n"
    "    WHERE length(rest) > length(ltrim(rest, '0123456789')) AND (ltrim(rest, '0123456789') = '' OR "
    "substr(ltrim(rest, '0123456789'), 1, 1) IN ('?', '#', '/'))\n")
AT_RISK_EMBEDS_V84 = _replaced(
    AT_RISK_EMBEDS_V81,
    (_YOUTUBE_COPIES, _YOUTUBE_COPIES + _TIKTOK_COPIES),
    (_BLUESKY_MATCH, "OR (COALESCE(p.platform, e.platform) = 'tiktok' AND a.platform = 'tiktok' AND a.post_id = "
                     "COALESCE(e.post_id, p.post_id))\n                       " + _BLUESKY_MATCH))

# v85 (fixleft43b, CLOSING-stop42): a capture of a watch page whose `v=` is not its first argument
# (`watch?feature=share&v=…`, `watch?app=desktop&v=…`), which the fetch reads as the video's page (`youtube_pages.
# names_post`), counts as its copy too: m081 read the id only right after "watch?v=", and listed such a video at risk
# while the report showed its copy. The first "&v=" after "watch?" is the one read.
_WATCH_AT = "instr(original, 'youtube.com/watch?')"
_AMP_V = f"instr(substr(original, {_WATCH_AT}), '&v=')"
_YOUTUBE_COPIES_V85 = (
    "    UNION\n"
    "    SELECT DISTINCT NULL, 'youtube', substr(rest, 1, 11), held FROM (\n"
    "        SELECT CASE WHEN instr(original, 'youtube.com/watch?v=') > 0 THEN substr(original, instr(original, "
    "'youtube.com/watch?v=') + 20) WHEN instr(original, 'youtube.com/shorts/') > 0 THEN substr(original, "
    f"instr(original, 'youtube.com/shorts/') + 19) ELSE substr(original, {_WATCH_AT} + {_AMP_V} + 2) END AS rest, held"
    " FROM copies\n"
    "        WHERE instr(original, 'youtube.com/watch?v=') > 0 OR instr(original, 'youtube.com/shorts/') > 0"
    f" OR {_WATCH_AT} > 0 AND {_AMP_V} > 0)\n"
    "    WHERE length(rest) = 11 OR length(rest) > 11 AND substr(rest, 12, 1) IN ('&', '?', '#', '/')\n")
AT_RISK_EMBEDS_V85 = _replaced(AT_RISK_EMBEDS_V84, (_YOUTUBE_COPIES, _YOUTUBE_COPIES_V85))

# v86 (fixleft46b): a TikTok photo post's copy read under its /photo/ page (the form an article links it by, which the
# fetch now asks first) counts as its copy, as one under /video/ does: m084 read the id only after "/video/".
_AFTER_AT = "instr(original, 'tiktok.com/@')"
_TIKTOK_COPIES_V86 = (
    "    UNION\n"
    "    SELECT DISTINCT NULL, 'tiktok', substr(rest, 1, length(rest) - length(ltrim(rest, '0123456789'))), held FROM (\n"
    f"        SELECT substr(original, CASE WHEN instr(original, '/video/') > {_AFTER_AT} THEN instr(original, '/video/')"
    " ELSE instr(original, '/photo/') END + 7) AS rest, held FROM copies\n"
    f"        WHERE {_AFTER_AT} > 0 AND (instr(original, '/video/') > {_AFTER_AT} OR instr(original, '/photo/') > "
    f"{_AFTER_AT}))\n"
    "    WHERE length(rest) > length(ltrim(rest, '0123456789')) AND (ltrim(rest, '0123456789') = '' OR "
    "substr(ltrim(rest, '0123456789'), 1, 1) IN ('?', '#', '/'))\n")
# A capture of the page the article wrote (`embeds.shown_url`: an Instagram /tv/ or /reels/ page) is the post's copy
# as one of its canonical URL is.
AT_RISK_EMBEDS_V86 = _replaced(AT_RISK_EMBEDS_V85, (_TIKTOK_COPIES, _TIKTOK_COPIES_V86),
                               ("AND (a.url = e.url OR a.url = p.url",
                                "AND (a.url = e.url OR a.url = e.shown_url OR a.url = p.url"))

# The embeds of current articles the dead view leaves out as naming no post (no id, no post reached by a link, no link
# that may hide one: a flattened post that kept no link; or of a kind that is no post, v73: a playlist, a timeline), by
# the view's own join: `stats` says how many, so its count reconciles with `scan`'s and the embeds table (newuser38b
# #3).
DEAD_EMBEDS_V78 = _replaced(DEAD_EMBEDS_V75, (
    f"NOT IN ({', '.join(repr(k) for k in NOT_POST_KINDS_V73)})", f"NOT IN ({', '.join(repr(k) for k in NOT_POST_KINDS)})"))
_DEAD_VIEW_JOIN = DEAD_EMBEDS_V78[DEAD_EMBEDS_V78.index("FROM embeds e LEFT JOIN"):]
EMBEDS_NAMING_NO_POST = (
    "SELECT COUNT(*), SUM(NOT (COALESCE(e.kind, '') NOT IN (" + ", ".join(repr(k) for k in NOT_POST_KINDS) + ") AND "
    "(e.post_id IS NOT NULL OR p.id IS NOT NULL OR " + _NOT_CHECKED_V72 + "))) "
    + _DEAD_VIEW_JOIN[:_DEAD_VIEW_JOIN.index("\n            WHERE")]
    + " WHERE e.article_id IN (SELECT id FROM current_articles)")


SCHEMA_HEADER = ("-- A new cache's schema: what cache/migrations.py makes of an empty database, in its order.\n"
                 "-- Written by `python -m cache.migrations`; do not edit (tests/test_store.py checks it).\n\n")


def schema_sql() -> str:
    """What the migrations make of an empty database, as one script in the order they make it: cache/schema.sql,
    which `Store` creates a new database with (#14). Without SQLite's own tables and the full-text indexes' shadow
    tables (their CREATE VIRTUAL TABLE makes them); the record of the migrations applied is the Store's to write."""
    conn = sqlite3.connect(":memory:")
    try:
        migrations.apply(Database(conn, execute_plugins=False))
        shadow = {row[0] for row in conn.execute("SELECT name FROM pragma_table_list WHERE type = 'shadow'")}
        made = [sql for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                                                  "ORDER BY rowid")
                if name not in shadow and not name.startswith("sqlite_")]
    finally:
        conn.close()
    return SCHEMA_HEADER + "".join(f"{sql};\n\n" for sql in made)


@migrations()
def m078_dead_view_counts_no_mastodon_activity_as_a_post(db: Database) -> None:
    """v78 (newuser40a #2): `dead_embeds_by_outlet_year` leaves out a Mastodon activity link (kind `activity`: a
    boost or the account's own post, not known which), as it does every kind that is no post (v73)."""
    db.execute("DROP VIEW IF EXISTS dead_embeds_by_outlet_year")
    db.create_view("dead_embeds_by_outlet_year", DEAD_EMBEDS_V78.strip())



@migrations()
def m079_embed_moments_other_handles_and_end(db: Database) -> None:
    """v79 (newuser41a #3, #10, #13): each place of an embed's post that names a moment of the video, as JSON [{span,
    start_seconds}] (one video cited at 1:32 and at 14:05 kept one time); the other accounts its links name it under,
    as JSON ["handle", ...] (a TikTok id under a re-poster's handle was merged silently); where the embed's link stops
    its video (YouTube's &end=45), in seconds. NULL: recorded before v79."""
    db.table("embeds").add_column("moments", str)
    db.table("embeds").add_column("other_handles", str)
    db.table("embeds").add_column("end_seconds", int)


@migrations()
def m080_at_risk_reads_mastodon_captures(db: Database) -> None:
    """v80 (fediarch41): `at_risk_embeds` counts a Mastodon post's capture read as its copy under any of its URLs (its
    page, its ActivityPub URL, the old web UI's), as the reports do now that the fetch reads them."""
    db.execute("DROP VIEW IF EXISTS at_risk_embeds")
    db.create_view("at_risk_embeds", AT_RISK_EMBEDS_V80.strip())


@migrations()
def m081_at_risk_reads_youtube_captures(db: Database) -> None:
    """v81 (fixleft42b): `at_risk_embeds` counts a YouTube video's capture read as its copy under any of its pages (its
    watch page on www. or m.youtube.com, its Shorts page), as the reports do now that the fetch reads them."""
    db.execute("DROP VIEW IF EXISTS at_risk_embeds")
    db.create_view("at_risk_embeds", AT_RISK_EMBEDS_V81.strip())


@migrations()
def m082_media_credit_unsure(db: Database) -> None:
    """v82 (newuser43a #2): `media.credit_unsure` keeps the bytes (hex) of an image's IPTC credit fields that name no
    character set and read as no text for sure (windows-1256 Arabic read as cp1252 is mojibake), by field, as JSON:
    never in `credit`, whose words were shown as the file's and failed a right credit."""
    db.table("media").add_column("credit_unsure", str)


@migrations()
def m083_agency_names_in_arabic_and_persian_forms(db: Database) -> None:
    """v83 (newuser43a #1): `agency_names` holds the Arabic and Persian forms desks print (EPA's "إي بي إيه", AP's
    "أ.ب", IRNA and ISNA with the Arabic yeh, Tasnim, Fars, Mehr, WANA), so `credits_by_organization` counts them
    under their agency."""
    db.execute("DROP VIEW IF EXISTS agency_names")
    db.create_view("agency_names", agency_names_sql())


@migrations()
def m084_at_risk_reads_tiktok_captures(db: Database) -> None:
    """v84 (fixleft43a): `at_risk_embeds` counts a TikTok video's capture read as its copy under its page by any handle
    and with its query, as the reports do now that the fetch reads them (a short link's video too)."""
    db.execute("DROP VIEW IF EXISTS at_risk_embeds")
    db.create_view("at_risk_embeds", AT_RISK_EMBEDS_V84.strip())


@migrations()
def m085_at_risk_reads_youtube_watch_pages_with_v_later(db: Database) -> None:
    """v85 (fixleft43b): `at_risk_embeds` counts a YouTube video's capture read as its copy under a watch page whose
    `v=` is not its first argument (`watch?feature=share&v=…`), as the fetch reads it."""
    db.execute("DROP VIEW IF EXISTS at_risk_embeds")
    db.create_view("at_risk_embeds", AT_RISK_EMBEDS_V85.strip())


@migrations()
def m086_embed_shown_url_and_at_risk_reads_tiktok_photo_pages(db: Database) -> None:
    """v86 (fixleft46b): the post's URL as the article writes it where that is not the canonical `url` the tool matches
    and fetches by (a TikTok photo post's /@user/photo/<id>, an Instagram /reel/, /reels/ or /tv/ page). NULL: the
    article writes the canonical form, or recorded before v86. `at_risk_embeds` counts a TikTok photo post's capture
    read under its /photo/ page, and a capture of the page the article wrote, as its copy, as the reports do now that
    the fetch asks for them."""
    db.table("embeds").add_column("shown_url", str)
    db.execute("DROP VIEW IF EXISTS at_risk_embeds")
    db.create_view("at_risk_embeds", AT_RISK_EMBEDS_V86.strip())


@migrations()
def m087_progress_steps_failed(db: Database) -> None:
    """v87 (newuser46b #4): each progress row says whether a step failed for its article (1, else 0; NULL: marked
    before v87, not known), so a resumed run's summary gives the whole job's articles with a step that failed, not
    only its own."""
    db.table("progress").add_column("steps_failed", int)


if __name__ == "__main__":
    SCHEMA.write_text(schema_sql(), encoding="utf-8")
    print(f"wrote {SCHEMA}")

