"""The provenance store: one SQLite file, safe for several writing processes at once.

Writes go through `Store.write()`, which opens `BEGIN IMMEDIATE`: in WAL mode a deferred transaction that turns
into a write fails at once with SQLITE_BUSY_SNAPSHOT, which busy_timeout cannot help with.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlite_utils import Database

from cache.migrations import migrations

BUSY_TIMEOUT_S = 30.0


class CacheError(Exception):
    """The database cannot be opened, migrated or written. The message names the file and what to do."""


class NewerCacheError(CacheError):
    """The database was made by a newer version of the tool (a migration or schema version this one does not know)."""


def _read_only(path: Path) -> bool:
    """Whether SQLite could write this database: the file, and the folder its journal and WAL files go in."""
    if not path.exists():
        return False
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def utc_now() -> str:
    """UTC time as ISO 8601 with a Z, to the microsecond: every recorded fact carries one."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Store:
    """Domain verbs over the SQLite cache. Knows nothing of how facts were found; it only keeps them."""

    def __init__(self, path: str | Path, *, busy_timeout: float = BUSY_TIMEOUT_S, create_folder: bool = False) -> None:
        """Open (creating and migrating if needed) the cache at `path`. Its folder must exist unless `create_folder`
        (for the default location only: a mistyped --db must not create folders). A read-only file opens read-only:
        reading works, a write is a CacheError. A database made by a newer version is refused before anything is
        written (NewerCacheError)."""
        self.path = Path(path)
        self.read_only = False
        self._lock = threading.RLock()   # async callers write from worker threads, one at a time
        memory = str(path) == ":memory:"
        if not memory:
            self._check_folder(create_folder)
        try:
            self.read_only = not memory and _read_only(self.path)
            # execute_plugins=False: no installed sqlite-utils plugin runs on the provenance database, and start-up
            # does not scan every installed package for one (12 ms, #14)
            self.db = Database(self._connect(busy_timeout, memory), execute_plugins=False)
            self.db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            self.db.execute("PRAGMA foreign_keys = ON")
            self._check_version()
            if self.read_only:
                return
            if not memory:
                self.db.enable_wal()
            # In WAL, NORMAL cannot corrupt the database; a power cut may lose the last commits, a crash does not.
            self.db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise CacheError(f"cannot open cache {path}: {exc}; use --db to choose another file") from None
        except OSError as exc:
            raise CacheError(f"cannot open cache {path}: {exc.strerror or exc}") from None

    def _check_folder(self, create: bool) -> None:
        folder = self.path.parent
        if create:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise CacheError(f"cannot create the cache folder {folder}: {exc.strerror or exc}") from None
        elif not folder.is_dir():
            raise CacheError(f"cannot open cache {self.path}: the folder {folder} does not exist (create it, or "
                             "choose another --db)")

    def _connect(self, busy_timeout: float, memory: bool) -> sqlite3.Connection:
        """A read-write connection, or for a read-only file a `mode=ro` one; on read-only media, where SQLite cannot
        make the WAL's shared-memory file, an `immutable` one (nothing can change the file there)."""
        if not self.read_only:
            return sqlite3.connect(str(self.path) if not memory else ":memory:", timeout=busy_timeout,
                                   check_same_thread=False)
        uri = "file:" + quote(str(self.path.resolve()))
        try:
            conn = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=busy_timeout, check_same_thread=False)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            return sqlite3.connect(uri + "?immutable=1", uri=True, timeout=busy_timeout, check_same_thread=False)

    def _check_version(self) -> None:
        """Refuse a database whose schema this version does not know (#11): writing to it could corrupt what the
        newer version keeps. A read-only database must already be at this version: it cannot be migrated."""
        known = [m.name for m in migrations._migrations]
        applied = [m.name for m in migrations.applied(self.db)]
        unknown = [name for name in applied if name not in known]
        user_version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if unknown or user_version > len(known):
            found = f"migration {unknown[0]}" if unknown else f"schema version {user_version}"
            raise NewerCacheError(f"cannot use cache {self.path}: made by a newer embed-resolver; upgrade ({found}, "
                                  f"this version knows {len(known)}), or choose another --db")
        if self.read_only and len(applied) < len(known):
            raise CacheError(f"cannot use cache {self.path}: it is read-only and needs upgrading from schema version "
                             f"{len(applied)} to {len(known)}; make it writable once, or choose another --db")

    def _migrate(self) -> None:
        """Apply pending migrations one at a time, each in its own IMMEDIATE transaction, so two processes
        opening a new database at once do not both run the same migration."""
        while True:
            with self.write():
                pending = migrations.pending(self.db)
                if pending:
                    stop = pending[1].name if len(pending) > 1 else None
                    migrations.apply(self.db, stop_before=stop)
                # user_version mirrors the migration count, so a newer schema is refused even when the migration
                # names look familiar (#11).
                version = len(migrations.applied(self.db))
                if self.db.execute("PRAGMA user_version").fetchone()[0] != version:
                    self.db.execute(f"PRAGMA user_version = {version}")
                if not pending:
                    return

    @property
    def schema_version(self) -> int:
        return len(migrations.applied(self.db))

    @contextmanager
    def write(self) -> Iterator[Database]:
        """One write transaction, `BEGIN IMMEDIATE`; nested calls become savepoints."""
        if self.read_only:
            raise CacheError(f"cannot write cache {self.path}: the file is read-only; make it writable, or choose "
                             "another --db")
        conn = self.db.conn
        with self._lock:
            if conn.in_transaction:
                with self.db.atomic():
                    yield self.db
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise CacheError(f"cannot write cache {self.path}: {exc}") from None
            try:
                yield self.db
            except BaseException:
                conn.rollback()   # a no-op when the failure already ended the transaction
                raise
            else:
                conn.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- articles --------------------------------------------------------------------------------------------

    def article_by_sha256(self, sha256: str) -> dict[str, Any] | None:
        rows = list(self.db.table("articles").rows_where("sha256 = ?", [sha256], limit=1))
        return rows[0] if rows else None

    def record_article(self, article: Mapping[str, Any], embeds: Sequence[Mapping[str, Any]],
                       credits: Sequence[Mapping[str, Any]], *, source: str, tool_version: str) -> tuple[int, bool]:
        """Store one article's facts in one transaction. Returns (article id, created); a known sha256 adds nothing
        but the path it was read from, if that path is new."""
        known = self.article_by_sha256(article["sha256"])
        if known is not None and self._has_source(known["id"], source):
            return known["id"], False   # nothing to write: works on a read-only cache too
        with self.write():
            existing = self.article_by_sha256(article["sha256"])
            now = utc_now()
            if existing is not None:
                self.db.table("article_sources").insert(
                    {"article_id": existing["id"], "source": source, "first_seen_at": now}, ignore=True)
                return existing["id"], False
            article_id = self.db.table("articles").insert({
                **{k: article[k] for k in ("sha256", "kind", "encoding", "encoding_detected", "bytes")},
                "first_source": source, "first_scanned_at": now, "tool_version": tool_version,
                "embed_count": len(embeds), "credit_count": len(credits),
            }).last_pk
            self.db.table("article_sources").insert({"article_id": article_id, "source": source, "first_seen_at": now})
            self.db.table("embeds").insert_all(
                ({"article_id": article_id, "ordinal": i, **_flatten(e)} for i, e in enumerate(embeds)))
            self.db.table("credits").insert_all(
                ({"article_id": article_id, "ordinal": i, **_flatten(c)} for i, c in enumerate(credits)))
            return _inserted(article_id), True

    def _has_source(self, article_id: int, source: str) -> bool:
        return self.db.execute("SELECT 1 FROM article_sources WHERE article_id = ? AND source = ?",
                               [article_id, source]).fetchone() is not None

    def record_error(self, row: Mapping[str, Any]) -> int:
        """Append what went wrong with one input (source, stage, kind, message), so a batch can go on and the
        failure is still on record (#11)."""
        return self._append("errors", {"occurred_at": utc_now(), **row})

    def errors(self) -> list[dict[str, Any]]:
        return list(self.db.table("errors").rows_where(order_by="id"))

    def embeds_for(self, article_id: int) -> list[dict[str, Any]]:
        rows = self.db.table("embeds").rows_where("article_id = ?", [article_id], order_by="ordinal")
        return [_unflatten(r) for r in rows]

    def credits_for(self, article_id: int) -> list[dict[str, Any]]:
        rows = self.db.table("credits").rows_where("article_id = ?", [article_id], order_by="ordinal")
        return [_unflatten(r) for r in rows]

    # -- the fetch log and resolutions ----------------------------------------------------------------------

    def record_fetch(self, row: Mapping[str, Any]) -> int:
        """Append one request to the fetch log; returns its id (what provenance points at)."""
        return self._append("fetches", row)

    def _append(self, table: str, row: Mapping[str, Any]) -> int:
        """A plain INSERT for the hot, append-only tables (sqlite-utils' insert inspects the table on every call)."""
        columns = list(row)
        sql = f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES ({', '.join('?' * len(columns))})"
        with self.write():
            return _inserted(self.db.conn.execute(sql, [row[c] for c in columns]).lastrowid)

    def fetch(self, fetch_id: int) -> dict[str, Any]:
        return self.db.table("fetches").get(fetch_id)

    def fetches_for(self, url: str) -> list[dict[str, Any]]:
        return list(self.db.table("fetches").rows_where("url = ?", [url], order_by="id"))

    def record_resolution(self, row: Mapping[str, Any]) -> int:
        """Append one resolution (hops and post as JSON); history is kept, the newest answers."""
        return self._append("resolutions", {k: (json.dumps(v) if k in ("hops", "post", "fetch_ids") else v)
                                            for k, v in row.items()})

    def link_embeds(self, article_id: int, links: Sequence[tuple[int, str, int | None]]) -> None:
        """Tie (embed ordinal, link, resolution id) to an article's embeds; a link seen again points to its newest.
        A link with no resolution (offline, not cached) adds no row: the embed's own `links` already name it."""
        ids = self.embed_ids(article_id)
        present = {(r["embed_id"], r["url"], r["resolution_id"]) for r in self.db.query(
            "SELECT embed_id, url, resolution_id FROM embed_links WHERE embed_id IN "
            "(SELECT id FROM embeds WHERE article_id = ?)", [article_id])}
        rows = [{"embed_id": ids[ordinal], "url": url, "resolution_id": resolution_id}
                for ordinal, url, resolution_id in links
                if ordinal in ids and resolution_id is not None and (ids[ordinal], url, resolution_id) not in present]
        if not rows:
            return   # nothing new: no write transaction (a read-only cache serves this)
        with self.write():
            self.db.table("embed_links").insert_all(rows, replace=True)

    def latest_resolution(self, url: str, *, since: str | None = None) -> dict[str, Any] | None:
        """The newest resolution of a URL (resolved at or after `since`, an ISO time), or None."""
        where, args = "url = ?", [url]
        if since is not None:
            where, args = where + " and resolved_at >= ?", args + [since]
        rows = list(self.db.table("resolutions").rows_where(where, args, order_by="id desc", limit=1))
        if not rows:
            return None
        row = dict(rows[0])
        for key in ("hops", "post", "fetch_ids"):
            row[key] = json.loads(row[key]) if row[key] else None
        return row

    # -- raw bodies, posts, media -------------------------------------------------------------------------

    def keep_body(self, sha256: str, data: bytes, content_type: str | None = None) -> None:
        """Keep a raw response once, compressed, addressed by its sha256 (the evidence a parser reads)."""
        with self.write():
            self.db.conn.execute(
                "INSERT OR IGNORE INTO bodies (sha256, data, bytes, content_type, stored_at) VALUES (?, ?, ?, ?, ?)",
                [sha256, zlib.compress(data, 6), len(data), content_type, utc_now()])

    def body(self, sha256: str) -> bytes | None:
        row = self.db.conn.execute("SELECT data FROM bodies WHERE sha256 = ?", [sha256]).fetchone()
        return zlib.decompress(row[0]) if row else None

    def record_observation(self, post: Mapping[str, Any], observations: Sequence[Mapping[str, Any]],
                           *, observed_at: str) -> int:
        """Append what each method said of a post (status over time is never overwritten) and keep the merged
        record as the post's current view. `post` has platform, post_id and the record fields; returns posts.id."""
        with self.write():
            row = self.post_row(post["platform"], post["post_id"])
            values = {k: post.get(k) for k in ("url", "status", "method", "author_handle", "author_name", "author_id",
                                               "text", "lang", "created_at")}
            values["record"] = json.dumps(post["record"], ensure_ascii=False)
            values["last_observed_at"] = observed_at
            if post.get("status") == "available":
                values["last_available_at"] = observed_at
            if row is None:
                post_row = _inserted(self.db.table("posts").insert({
                    "platform": post["platform"], "post_id": post["post_id"], "first_observed_at": observed_at,
                    **values}).last_pk)
            else:
                post_row = row["id"]
                if post.get("status") in ("error", "unknown") and row["status"] not in ("error", "unknown", None):
                    values = {k: v for k, v in values.items() if k in ("last_observed_at",)}   # keep what was known
                self.db.table("posts").update(post_row, values)
            for obs in observations:
                self.db.table("post_observations").insert({"post_row": post_row, "observed_at": observed_at, **obs})
            if post.get("author_handle"):
                self.db.table("authors").upsert({"platform": post["platform"], "handle": post["author_handle"],
                                           "name": post.get("author_name"), "author_id": post.get("author_id"),
                                           "last_seen_at": observed_at}, pk=("platform", "handle"))
                self.db.conn.execute("UPDATE authors SET first_seen_at = COALESCE(first_seen_at, ?) "
                                     "WHERE platform = ? AND handle = ?",
                                     [observed_at, post["platform"], post["author_handle"]])
            return post_row

    def post_row(self, platform: str, post_id: str) -> dict[str, Any] | None:
        rows = list(self.db.table("posts").rows_where("platform = ? and post_id = ?", [platform, post_id], limit=1))
        return rows[0] if rows else None

    def observations(self, post_row: int) -> list[dict[str, Any]]:
        return list(self.db.table("post_observations").rows_where("post_row = ?", [post_row], order_by="id"))

    def update_observation(self, observation_id: int, record: Mapping[str, Any], status: str, reason: str | None) -> None:
        with self.write():
            self.db.table("post_observations").update(observation_id, {
                "record": json.dumps(record, ensure_ascii=False), "status": status, "reason": reason,
                "reparsed_at": utc_now()})

    def all_post_rows(self) -> list[dict[str, Any]]:
        return list(self.db.table("posts").rows_where(order_by="id"))

    def record_media(self, row: Mapping[str, Any]) -> int:
        """Facts about one media URL (the newest fetch wins); returns media.id."""
        record = {**row, "credit": json.dumps(row.get("credit") or {}, ensure_ascii=False),
                  "warnings": json.dumps(row.get("warnings") or [], ensure_ascii=False)}
        with self.write():
            self.db.table("media").upsert(record, pk="url")
            return int(self.db.conn.execute("SELECT id FROM media WHERE url = ?", [row["url"]]).fetchone()[0])

    def media_by_url(self, url: str) -> dict[str, Any] | None:
        rows = list(self.db.table("media").rows_where("url = ?", [url], limit=1))
        if not rows:
            return None
        row = dict(rows[0])
        row["credit"] = json.loads(row["credit"] or "{}")
        row["warnings"] = json.loads(row["warnings"] or "[]")
        return row

    def link_post_media(self, post_row: int, media_ids: Sequence[int]) -> None:
        known = {row[0] for row in self.db.execute("SELECT media_id FROM post_media WHERE post_row = ?", [post_row])}
        new = [(ordinal, media_id) for ordinal, media_id in enumerate(media_ids) if media_id not in known]
        if not new:
            return   # nothing to write: a read-only cache serves this
        with self.write():
            for ordinal, media_id in new:
                self.db.conn.execute("INSERT OR IGNORE INTO post_media (post_row, media_id, ordinal) VALUES (?, ?, ?)",
                                     [post_row, media_id, ordinal])

    def link_embed_post(self, embed_id: int, post_row: int) -> None:
        if self.db.execute("SELECT 1 FROM embed_posts WHERE embed_id = ? AND post_row = ?",
                           [embed_id, post_row]).fetchone():
            return   # nothing to write: a read-only cache serves this
        with self.write():
            self.db.conn.execute("INSERT OR IGNORE INTO embed_posts (embed_id, post_row) VALUES (?, ?)",
                                 [embed_id, post_row])

    def embed_ids(self, article_id: int) -> dict[int, int]:
        """ordinal -> embeds.id for one article."""
        return {row["ordinal"]: row["id"] for row in self.db.table("embeds").rows_where("article_id = ?", [article_id])}

    # -- archives ----------------------------------------------------------------------------------------

    def record_snapshots(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Snapshots as the archive listed them; one row per (service, snapshot URL), the newest sighting kept."""
        if not rows:
            return
        with self.write():
            for row in rows:
                self.db.conn.execute(
                    "INSERT INTO snapshots (service, original, url, timestamp, status, digest, mimetype, found_via,"
                    " observed_at, fetch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT(service, url) DO UPDATE SET observed_at = excluded.observed_at,"
                    " fetch_id = excluded.fetch_id",
                    [row[k] for k in ("service", "original", "url", "timestamp", "status", "digest", "mimetype",
                                      "found_via", "observed_at", "fetch_id")])

    def snapshots_for(self, original: str) -> list[dict[str, Any]]:
        return list(self.db.table("snapshots").rows_where("original = ?", [original], order_by="timestamp"))

    def queue_save(self, url: str) -> int:
        """Queue a capture unless one is already pending for this URL; returns the queue row id."""
        with self.write():
            existing = self.db.conn.execute(
                "SELECT id FROM saves WHERE url = ? AND status IN ('pending', 'submitted')", [url]).fetchone()
            if existing:
                return int(existing[0])
            now = utc_now()
            return _inserted(self.db.table("saves").insert({"url": url, "status": "pending", "attempts": 0,
                                                             "queued_at": now,
                                                "updated_at": now}).last_pk)

    def pending_saves(self) -> list[dict[str, Any]]:
        """The saves still to do, oldest first: queued ones, and submitted ones whose job was never seen to end."""
        return list(self.db.table("saves").rows_where("status IN ('pending', 'submitted')", order_by="queued_at, id"))

    def update_save(self, save_id: int, values: Mapping[str, Any]) -> None:
        """What a save did; the outcome of a submitted job is the same attempt as its submission."""
        with self.write():
            row = self.db.table("saves").get(save_id)
            attempts = (row["attempts"] or 0) + (0 if row["status"] == "submitted" else 1)
            self.db.table("saves").update(save_id, {**{k: v for k, v in values.items() if k in (
                "status", "job_id", "status_ext", "message", "snapshot_url", "timestamp")},
                "attempts": attempts, "updated_at": utc_now()})

    def latest_save(self, url: str) -> dict[str, Any] | None:
        rows = list(self.db.table("saves").rows_where("url = ?", [url], order_by="id desc", limit=1))
        return rows[0] if rows else None

    def record_identification(self, row: Mapping[str, Any]) -> int:
        record = {**row, "evidence": json.dumps(row.get("evidence") or {}), "identified_at": utc_now()}
        with self.write():
            return _inserted(self.db.table("identifications").insert(record).last_pk)

    def count(self, table: str) -> int:
        return self.db.table(table).count if self.db.table(table).exists() else 0

    # -- corpus runs: where articles came from, and what is finished (#13) -----------------------------------

    def record_source_url(self, article_id: int, source: str, url: str) -> None:
        """The URL a source of an article was fetched from (WARC-Target-URI, a JSON Lines field) and its host,
        the outlet the research views group by (lower case, no leading www.)."""
        from urllib.parse import urlsplit

        try:
            host = (urlsplit(url).hostname or "").removeprefix("www.") or None
        except ValueError:
            host = None
        with self.write():
            self.db.conn.execute("UPDATE article_sources SET url = ?, host = ? WHERE article_id = ? AND source = ?",
                                 [url, host, article_id, source])

    def mark_done(self, job: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Record input items as finished by a job (`key`, `source`, `article_id`, `outcome`: "done" or "failed"),
        in one transaction; an item recorded again keeps the newest record."""
        now = utc_now()
        with self.write():
            self.db.conn.executemany(
                "INSERT INTO progress (job, key, source, article_id, outcome, finished_at) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(job, key) DO UPDATE SET source = excluded.source, article_id = excluded.article_id,"
                " outcome = excluded.outcome, finished_at = excluded.finished_at",
                [(job, r["key"], r.get("source"), r.get("article_id"), r.get("outcome", "done"), now) for r in rows])

    def is_done(self, job: str, key: str) -> bool:
        """Whether an unfinished run of this job finished this item (an item that failed is tried again)."""
        return self.db.conn.execute("SELECT 1 FROM progress WHERE job = ? AND key = ? AND outcome = 'done'",
                                    [job, key]).fetchone() is not None

    def done_count(self, job: str) -> int:
        return int(self.db.conn.execute("SELECT COUNT(*) FROM progress WHERE job = ? AND outcome = 'done'",
                                        [job]).fetchone()[0])

    def forget_progress(self, job: str) -> None:
        """A run of the job went to its end: the next run with the same arguments starts afresh."""
        with self.write():
            self.db.conn.execute("DELETE FROM progress WHERE job = ?", [job])

def _inserted(row_id: Any) -> int:
    """The id of the row an INSERT made: typed Optional by sqlite3 and sqlite-utils, always set after one."""
    if row_id is None:
        raise CacheError("the database reported no id for a row it inserted")
    return int(row_id)



_JSON_FIELDS = ("media_links", "links", "also_at")


def _flatten(record: Mapping[str, Any]) -> dict[str, Any]:
    """Spans become two indexed columns, lists become JSON text, so datasette shows them plainly."""
    row = {k: v for k, v in record.items() if k != "span"}
    if "span" in record:
        row["span_start"], row["span_end"] = record["span"]
    for key in _JSON_FIELDS:
        if key in row:
            row[key] = json.dumps(list(row[key]), ensure_ascii=False)
    return row


def _unflatten(row: Mapping[str, Any]) -> dict[str, Any]:
    record = dict(row)
    record["span"] = [record.pop("span_start"), record.pop("span_end")]
    for key in _JSON_FIELDS:
        if key in record and isinstance(record[key], str):
            record[key] = json.loads(record[key])
    return record
