"""Merge cache databases (the shards of one corpus run) into one, with no duplicates.

Each table has a rule: what makes two rows the same fact (articles by sha256, fetches by URL, method, time,
contacted URL and purpose, posts by platform and id...), which columns point at other tables (their ids are
remapped), and what to do when a fact is already there (keep the older first sighting, the newer last one).
The merge is built in a new file next to OUT from OUT (when it exists) and each input in turn, then renamed over
OUT: a crash leaves OUT as it was. History tables (fetches, resolutions, observations, saves, identifications, errors)
are renumbered at the end so that their ids follow time, as they do in a database written by one run.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from cache.migrations import (POST_SNOWFLAKE_TIME_SQL, POST_TIMES, answer_time_sql, keep_one_current_version,
                              name_archived_copies, place_post_ids, place_save_posts, resolution_time_sql,
                              sighting_time_sql, snapshot_time_sql)
from cache.store import (MIGRATION_SET, TIED_APART, CacheError, NewerCacheError, Store, _codec, unknown_schema,
                         view_order_at)


class MergeError(CacheError):
    """An input cannot be merged: not a cache, from a newer version, or OUT is in use."""


class MergeNamingError(MergeError):
    """The databases were named so that they cannot be merged as named: an input twice, or OUT as an input (a
    usage mistake: the command line says so, exit 2)."""


class NewerInputError(MergeError, NewerCacheError):
    """An input was written by a newer version: refused as any newer cache is (the CLI's exit 2, #11)."""


KNOWN = "NOT IN ('error', 'unknown') AND {0}status IS NOT NULL"


def _known(prefix: str) -> str:
    return f"({prefix}status {KNOWN.format(prefix)})"


# When a post's view was taken: its latest sighting that said what the post is. A later "error" leaves the view
# as it was but moves last_observed_at, so that column cannot say whose view is newer; archived copies ("wayback"
# observations) are not part of the view.
# A time after now is no time (`cache.trusted_time`, review32r3): an input written by a machine whose clock ran ahead
# neither wins a view with it nor moves a merged time into the future. SQLite reads 'now' once a statement.
_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
_SAID = (f"o.method != 'wayback' AND o.status NOT IN ('error', 'unknown') AND o.status IS NOT NULL"
         f" AND o.observed_at <= {_NOW}")


def _trusted(column: str) -> str:
    return f"CASE WHEN {column} <= {_NOW} THEN {column} END"


# (the latest answer that said the view's status, else what the post is: `view_order_at`, as record_observation
# orders them, times35)
_VIEW_AT = (f"COALESCE({view_order_at('main.post_observations', 'o.post_row = posts.id', 'posts.status', _NOW)},"
            f" {_trusted('last_observed_at')})")
# (the input's observations each at its answer's time: `_answers_of`)
_SRC_POST = ("o.post_row = (SELECT sp.id FROM src.posts sp WHERE sp.platform = excluded.platform"
             " AND sp.post_id = excluded.post_id)")
_NEW_VIEW_AT = (f"COALESCE({view_order_at('temp.src_answers', _SRC_POST, 'excluded.status', _NOW)},"
                f" {_trusted('excluded.last_observed_at')})")
# A post's current view is taken from the newer sighting, unless that says less ("error"/"unknown") than the
# other: the same rule record_observation applies within one database. A dated sighting is newer than none, and
# one dated after now is none (replay33: the input from a clock a year ahead won the post's status).
def _decided(prefix: str) -> str:
    """A view that says what the post is, or that it is not known because two answers at one time disagree (a tie
    is as new as its time: an older answer never takes it, as record_observation orders it)."""
    return (f"({_known(prefix)} OR ({prefix}status = 'unknown' AND json_valid({prefix}record) AND "
            f"json_extract({prefix}record, '$.reason') LIKE '{TIED_APART}%'))")


_TAKE_NEW_POST = (f"(({_decided('excluded.')} AND NOT {_decided('')}) OR ({_decided('excluded.')} = {_decided('')}"
                  f" AND IFNULL({_NEW_VIEW_AT} > {_VIEW_AT}, {_NEW_VIEW_AT} IS NOT NULL)))")
# Two views answered at the same time that say two things of the post (or one already a tie's): not known, whichever
# input came first (views36; before, OUT's kept it, so the merge's order of inputs said "deleted" or "available").
_TIED = (f"({_decided('excluded.')} AND {_decided('')} AND {_NEW_VIEW_AT} = {_VIEW_AT} AND (excluded.status != status"
         " OR status = 'unknown' OR excluded.status = 'unknown'))")
_TIED_REASON = ("CASE WHEN status = 'unknown' THEN json_extract(record, '$.reason') WHEN excluded.status = 'unknown' "
                f"THEN json_extract(excluded.record, '$.reason') ELSE '{TIED_APART}: ' || COALESCE(method, 'a source') "
                "|| ' said ' || status || ', ' || COALESCE(excluded.method, 'a source') || ' said ' || excluded.status "
                f"|| ', both at ' || {_VIEW_AT} END")
_TIED_VIEW = {"status": "'unknown'", "record": ("json_set(CASE WHEN json_valid(record) THEN record ELSE json_object() END, "
                                                f"'$.status', 'unknown', '$.reason', {_TIED_REASON})")}
_POST_VIEW = ("url", "status", "method", "author_handle", "author_name", "author_id", "text", "lang", "created_at",
              "record")


def _earliest(column: str) -> str:
    return f"{column} = min(COALESCE({column}, excluded.{column}), COALESCE(excluded.{column}, {column}))"


def _latest_trusted(column: str) -> str:
    """The later of two times, where a time after now gives way to any time not after it (as
    `Store.record_observation` never moves a post's times to one after now over a known one)."""
    return (f"{column} = CASE WHEN {column} > {_NOW} AND excluded.{column} <= {_NOW} THEN excluded.{column}"
            f" WHEN excluded.{column} > {_NOW} AND {column} IS NOT NULL THEN {column}"
            f" ELSE max(COALESCE({column}, excluded.{column}), COALESCE(excluded.{column}, {column})) END")


def _newer_trusted(column: str, table: str) -> str:
    """Whether the input's row is newer than OUT's by `column`, a time after now being none: a dated row wins over
    one of no time, and none dated after now wins (runs34, as `_TAKE_NEW_POST` reads a post's)."""
    return f"IFNULL({_trusted(f'excluded.{column}')} > IFNULL({_trusted(f'{table}.{column}')}, ''), 0)"


# What a merge says of an input's rows dated after it (`_ahead_note`): table -> (time column, what one row is)
_AHEAD = {"snapshots": ("observed_at", "capture sighting"), "media": ("fetched_at", "download")}


@dataclass(frozen=True)
class Rule:
    table: str
    identity: tuple[str, ...]                    # the same fact when these are equal (after remapping)
    refs: dict[str, str] = field(default_factory=dict)       # column -> table whose ids it holds
    required: tuple[str, ...] = ()               # rows whose ref here has no counterpart are dropped
    conflict: str | None = None                  # "ON CONFLICT(...) DO ..." for tables with a unique identity
    where: str = "1"                             # which input rows to take at all
    own_only: bool = False                       # taken from OUT's own contents only, never from another input
    order: str | None = None                     # time column: rows go in (and are renumbered) in its order
    # column holding ids in JSON -> (where in it: see _remap_json, their table)
    json_refs: dict[str, tuple[str, str]] = field(default_factory=dict)
    # column -> SQL over its value ({0}) that brings an older input's rows to this version's form
    rewrite: dict[str, str] = field(default_factory=dict)
    # migration -> the rewrites (as `rewrite`) of an input made before it, whose rows it changed; one of a column
    # that migration added gives its value in such an input
    before: dict[str, dict[str, str]] = field(default_factory=dict)


_V52 = "m052_observations_at_their_fetchs_time"
# An input made before m058 kept its links and capture lists at their write's time: each at its fetch's (times35)
_V58 = "m058_links_captures_sightings_at_fetch_time"
RULES = (
    # An article read from a record cut short in any input stays marked (Store._mark_truncated).
    Rule("articles", ("sha256",),
         conflict="ON CONFLICT(sha256) DO UPDATE SET truncated = COALESCE(truncated, excluded.truncated)"),
    Rule("article_sources", ("article_id", "source"), {"article_id": "articles"}, ("article_id",),
         "ON CONFLICT(article_id, source) DO UPDATE SET " + ", ".join(
             [_earliest("first_seen_at"), "url = COALESCE(url, excluded.url)",
              "host = COALESCE(host, excluded.host)", "truncated = COALESCE(truncated, excluded.truncated)",
              "record_id = COALESCE(record_id, excluded.record_id)",
              "warc_date = COALESCE(warc_date, excluded.warc_date)",
              # one name read in two places (two shards' `a.html` in two folders): of no known place (review34r4)
              "place = CASE WHEN place IS excluded.place THEN place END"])),
    # An article already merged keeps the embeds and credits it was recorded with, unless this input's record is
    # preferred (`_prefer`): then its credits replace the kept ones, and its embeds update them in place.
    Rule("embeds", ("article_id", "ordinal", "url"), {"article_id": "articles"}, ("article_id",),
         "ON CONFLICT(article_id, ordinal) DO NOTHING",
         where="s.article_id IN (SELECT id FROM temp.new_articles UNION ALL SELECT src FROM temp.preferred WHERE anew)"),
    Rule("credits", ("article_id", "ordinal"), {"article_id": "articles"}, ("article_id",),
         "ON CONFLICT(article_id, ordinal) DO NOTHING",
         where="s.article_id IN (SELECT id FROM temp.new_articles UNION ALL SELECT src FROM temp.preferred)"),
    Rule("bodies", ("sha256",), conflict="ON CONFLICT(sha256) DO NOTHING"),
    # A WARC path that names no file on this machine (another's: a shard's database copied here) is kept as the
    # file's name, which reports give with the record's id and offset and, replayed, the file's sha256 (replay33:
    # the other machine's absolute path was kept, naming nothing here); one that names a file here stays whole.
    Rule("fetches", ("url", "method", "fetched_at", "contacted_url", "purpose"), order="fetched_at",
         rewrite={"warc_file": "warc_path_here({0})"}),
    # A report names each hop's request from `hops`, and a cached post record its requests from its `fetch_ids`.
    Rule("resolutions", ("url", "resolved_at"), order="resolved_at",
         json_refs={"fetch_ids": ("$", "fetches"), "hops": ("$[*].fetch_id", "fetches")},
         rewrite={"post": POST_SNOWFLAKE_TIME_SQL},   # an input from before m033
         before={_V58: {"resolved_at": "(SELECT t.resolved_at FROM temp.src_link_times t WHERE t.id = s.id)"}}),
    Rule("embed_links", ("embed_id", "url"), {"embed_id": "embeds", "resolution_id": "resolutions"}, ("embed_id",),
         "ON CONFLICT(embed_id, url) DO UPDATE SET resolution_id = excluded.resolution_id"
         " WHERE excluded.resolution_id IS NOT NULL AND (embed_links.resolution_id IS NULL"
         " OR (SELECT resolved_at FROM main.resolutions WHERE id = excluded.resolution_id)"
         " > (SELECT resolved_at FROM main.resolutions WHERE id = embed_links.resolution_id))"),
    # An input made before m052 kept its live answers at their write's time: each at its fetch's (asof34), and the
    # post's times at its write's latest answer's, as m052 moves a cache's (merged straight, it kept the write's)
    Rule("posts", ("platform", "post_id"), json_refs={"record": ("$.fetch_ids", "fetches")},
         before={_V52: {c: "COALESCE((SELECT max(t.observed_at) FROM temp.src_answers t WHERE t.post_row = s.id AND "
                           "t.method != 'wayback' AND t.recorded_at = {0}), {0})" for c in POST_TIMES}},
         conflict="ON CONFLICT(platform, post_id) DO UPDATE SET " + ", ".join(
             [f"{c} = CASE{f' WHEN {_TIED} THEN {_TIED_VIEW[c]}' if c in _TIED_VIEW else ''} WHEN {_TAKE_NEW_POST}"
              f" THEN excluded.{c} ELSE {c} END" for c in _POST_VIEW]
             + [_earliest("first_observed_at"), _latest_trusted("last_observed_at"),
                _latest_trusted("last_available_at")])),
    # An account seen in another case of its handle (the same author id) is the row OUT holds, spelt as it is there
    # (review32r3: two shards each seeing @River_Desk and @RIVER_DESK merged into two authors, urlforms32's one).
    Rule("authors", ("platform", "handle"),
         conflict="ON CONFLICT(platform, handle) DO UPDATE SET " + ", ".join(
             [f"{c} = CASE WHEN {_trusted('excluded.last_seen_at')} > IFNULL({_trusted('last_seen_at')}, '')"
              f" THEN COALESCE(excluded.{c}, {c}) ELSE COALESCE({c}, excluded.{c}) END" for c in ("name", "author_id")]
             + [_earliest("first_seen_at"), _latest_trusted("last_seen_at")]),
         rewrite={"handle": "COALESCE((SELECT m.handle FROM main.authors m WHERE m.platform = s.platform AND "
                            "lower(m.handle) = lower({0}) AND m.author_id = s.author_id ORDER BY m.id LIMIT 1), {0})"},
         # an input made before m058 kept the sightings it wrote before v52 at their write's time (times35)
         before={_V58: {c: sighting_time_sql(f"s.{c}", "temp.src_answers", "src.posts")
                        for c in ("first_seen_at", "last_seen_at")}}),
    Rule("post_observations", ("post_row", "observed_at", "method"), {"post_row": "posts", "fetch_id": "fetches"},
         ("post_row",), order="observed_at", json_refs={"record": ("$.fetch_ids", "fetches")},
         before={_V52: {"observed_at": "(SELECT t.observed_at FROM temp.src_answers t WHERE t.id = s.id)",
                        "recorded_at": "s.observed_at"}}),
    Rule("media", ("url",), {"fetch_id": "fetches"},
         # a download of no known time (replay30: NULL) gives way to a dated one, never the other way; one dated
         # after now is of no known time (runs34: the shard from a clock ahead won the photo's facts)
         conflict="ON CONFLICT(url) DO UPDATE SET {all_columns} WHERE " + _newer_trusted("fetched_at", "media")),
    Rule("post_media", ("post_row", "media_id"), {"post_row": "posts", "media_id": "media"}, ("post_row", "media_id"),
         "ON CONFLICT(post_row, media_id) DO NOTHING"),
    Rule("embed_posts", ("embed_id", "post_row"), {"embed_id": "embeds", "post_row": "posts"}, ("embed_id", "post_row"),
         "ON CONFLICT(embed_id, post_row) DO NOTHING"),
    Rule("snapshots", ("service", "url"), {"fetch_id": "fetches"},
         conflict="ON CONFLICT(service, url) DO UPDATE SET fetch_id = CASE WHEN "
                  + _newer_trusted("observed_at", "snapshots") + " THEN excluded.fetch_id ELSE fetch_id END, "
                  + _latest_trusted("observed_at"),
         before={_V58: {"observed_at": "(SELECT t.observed_at FROM temp.src_capture_times t WHERE t.id = s.id)"}}),
    # A capture queued in two shards is made once; none is queued again once one has succeeded since: matched by URL
    # or by post once the input's saves know theirs (`_drop_saves_made`).
    Rule("saves", ("url", "queued_at"), order="queued_at"),
    Rule("identifications", ("embed_id", "post_id", "identified_at"), {"embed_id": "embeds"}, ("embed_id",),
         order="identified_at"),
    Rule("errors", ("source", "occurred_at", "stage", "kind", "message"), {"article_id": "articles"},
         order="occurred_at"),
    Rule("progress", ("job", "key"), {"article_id": "articles"}, conflict="ON CONFLICT(job, key) DO NOTHING"),
    # A shard run's output file belongs to that run and its database, not to the merge; OUT's own stay (a
    # `scan -o FILE` run into OUT, unfinished, goes on from what they say: a dask run's merge dropped them).
    Rule("run_outputs", ("job",), own_only=True),
)
# What a warm run printed for an article (#13): made again by the next run from the merged rows; a shard's would
# name its own row ids.
NOT_MERGED = ("step_memos", "step_memo_keys")
MAPPED = {target for rule in RULES for target in [*rule.refs.values(), *(t for _, t in rule.json_refs.values())]}


@dataclass
class MergeReport:
    """Rows read from the inputs and rows in OUT afterwards, per table."""

    inputs: list[str] = field(default_factory=list)
    read: dict[str, int] = field(default_factory=dict)
    merged: dict[str, int] = field(default_factory=dict)
    # Articles two inputs recorded differently (same sha256): which record was kept, over which, and why
    preferred: list[dict[str, str]] = field(default_factory=list)
    # What an input cannot say of all its records alike, said once for the input (`_not_known_note`)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"inputs": self.inputs, "tables": {t: {"read": self.read.get(t, 0), "in_output": n}
                                                  for t, n in self.merged.items()}, "preferred": self.preferred,
                "notes": self.notes}


def merge(out: Path, inputs: Sequence[Path], *, on_input: Callable[[Path], None] | None = None) -> MergeReport:
    """Merge `inputs` (and OUT's own contents, when it exists) into OUT. Nothing is changed if it fails."""
    out = Path(out)
    sources = _check_inputs(out, [Path(p) for p in inputs])
    building = out.with_name(out.name + ".merging")
    for stale in _with_wal(building):
        stale.unlink(missing_ok=True)
    report = MergeReport(inputs=[str(p) for p in sources])
    store = Store(building)
    try:
        conn = store.db.conn
        conn.execute("PRAGMA foreign_keys = OFF")   # ids are remapped by hand; checked once at the end
        conn.create_function("warc_path_here", 1, warc_path_here)
        # Each article's input, and whether its record was made when the cache kept if an encoding was given (m017)
        conn.execute("CREATE TEMP TABLE origin (id INTEGER PRIMARY KEY, input TEXT NOT NULL, dated INTEGER)")
        for source in sources:
            if on_input is not None:
                on_input(source)
            _merge_one(store, source, report, own=source == out)
        # (an input made before m044 had its saves' posts placed as they were copied: `_drop_saves_made`)
        with store.write():   # an input made before m030 copied its posts' bare ids: re-keyed as m030 does (#15)
            place_post_ids(store.db)
        with store.write():   # an input made before m046 copied its captures' observations as "available"
            name_archived_copies(store.db)
        with store.write():   # two inputs that read two versions of one source: the one read last counts (v51)
            keep_one_current_version(store.db)
        with store.write():   # OUT's m017 is dated now: each record keeps what its input knew (m020)
            conn.execute("UPDATE main.articles SET encoding_given_known = (SELECT dated FROM temp.origin"
                         " WHERE origin.id = articles.id) WHERE id IN (SELECT id FROM temp.origin)")
        _renumber_history(store)
        _check_integrity(store, out)
        _count(store, report)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        store.close()
        for path in _with_wal(building):
            path.unlink(missing_ok=True)
        raise
    store.close()
    for stale in _with_wal(out)[1:]:
        stale.unlink(missing_ok=True)
    os.replace(building, out)
    return report


def warc_path_here(path: str | None) -> str | None:
    """A fetch row's WARC path as a merge keeps it: whole when it names a file on this machine, else the file's name
    (the rest named a folder of the machine the input was written on)."""
    if not path or Path(path).is_file():
        return path
    return Path(path).name


def _with_wal(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _check_inputs(out: Path, inputs: list[Path]) -> list[Path]:
    if not inputs:
        raise MergeError("nothing to merge: name at least one input database")
    resolved: dict[Path, Path] = {}
    for path in inputs:
        first = resolved.setdefault(path.resolve(), path)
        if first is not path:
            same = f"{path} is named twice" if str(first) == str(path) else f"{first} and {path} are the same file"
            raise MergeNamingError(f"{same}; name each input once")
    if out.resolve() in resolved:
        raise MergeNamingError(f"{out} is both the output and an input; name a new output file")
    sources = []
    if out.exists():
        _settle(out)
        sources.append(out)
    for path in inputs:
        if not path.is_file():
            raise MergeError(f"cannot merge {path}: no such file")
        _schema_of(path)
        sources.append(path)
    return sources


def _settle(out: Path) -> None:
    """Fold OUT's write-ahead log into it; if the log stays, another process has OUT open and we must not
    rename a new file over it."""
    conn = sqlite3.connect(out)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.DatabaseError as exc:
        raise MergeError(f"cannot merge into {out}: {exc}") from None
    finally:
        conn.close()
    if _with_wal(out)[1].exists():
        raise MergeError(f"cannot merge into {out}: another process has it open; stop it first")


def _schema_of(path: Path) -> list[str]:
    """The migrations applied to an input; refuses a file that is not a cache or that this version does not know
    (`unknown_schema`: another build's, or a newer version's)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = [row[0] for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET])]
            user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        raise MergeError(f"cannot merge {path}: not an embed-resolver cache") from None
    unknown = unknown_schema(names, user_version)
    if unknown and unknown.another_build:
        raise NewerInputError(f"cannot merge {path}: written by another build of embed-resolver, not a release (it has "
                              f"{unknown.has[0]}, which this version does not know, and lacks {unknown.lacks})")
    if unknown:
        found = unknown.has[-1] if unknown.has else f"schema version {unknown.version}"
        raise NewerInputError(f"cannot merge {path}: written by a newer embed-resolver ({found}); upgrade")
    return names


def _merge_one(store: Store, source: Path, report: MergeReport, *, own: bool = False) -> None:
    conn = store.db.conn
    conn.execute("ATTACH DATABASE ? AS src", [str(source)])
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM src.sqlite_master WHERE type = 'table'")}
        unknown = sorted(t for t in tables - {r.table for r in RULES}
                         if not (t.startswith(("sqlite_", "_sqlite_")) or "_fts" in t or t in NOT_MERGED))
        if unknown:
            raise MergeError(f"cannot merge {source}: it has tables this version does not know ({', '.join(unknown)})")
        with store.write():
            conn.execute("DROP TABLE IF EXISTS temp.new_articles")
            for table in MAPPED:
                conn.execute(f"DROP TABLE IF EXISTS temp.map_{table}")
                conn.execute(f"CREATE TEMP TABLE map_{table} (old INTEGER PRIMARY KEY, new INTEGER)")
            conn.execute("CREATE TEMP TABLE new_articles AS SELECT id FROM src.articles s"
                         " WHERE NOT EXISTS (SELECT 1 FROM main.articles m WHERE m.sha256 = s.sha256)")
            since = _given_kept_since(conn)
            for note in (_not_known_note(conn, source, since), _ahead_note(conn, source, tables)):
                if note:
                    report.notes.append(note)
            preferred = _prefer(conn, source, report, since=since)
            [saves_before] = conn.execute("SELECT IFNULL(max(id), 0) FROM main.saves").fetchone()
            applied = {r[0] for r in conn.execute("SELECT name FROM src._sqlite_migrations WHERE migration_set = ?",
                                                  [MIGRATION_SET])}
            if "post_observations" in tables:
                _answers_of(conn, applied)
            if _V58 not in applied:
                _fetch_times_of(conn, tables)
            for rule in RULES:
                if rule.table in tables and (own or not rule.own_only):
                    report.read[rule.table] = report.read.get(rule.table, 0) + _copy(conn, rule, source, applied)
            _drop_saves_made(store, saves_before)
            _take_preferred(conn, preferred)
            conn.execute(f"INSERT OR REPLACE INTO temp.origin (id, input, dated) SELECT m.new, ?, {_dated(conn)}"
                         " FROM temp.map_articles m JOIN src.articles s ON s.id = m.old"
                         " WHERE m.old IN (SELECT id FROM temp.new_articles) OR m.old IN (SELECT src FROM temp.preferred)",
                         [str(source), since])
    finally:
        conn.execute("DROP VIEW IF EXISTS temp.src_answers")
        conn.execute("DETACH DATABASE src")


def _answers_of(conn: sqlite3.Connection, applied: set[str]) -> None:
    """`temp.src_answers`: the input's observations (id, post_row, method, status), each at its answer's time
    (`observed_at`) and when it was written (`recorded_at`). An input made before m052 kept a live answer at its
    write's time: moved to its fetch's, as m052 moves a cache's (`answer_time_sql`); merged as it was, its answers'
    times were no fetch's, and its view, read by them, outranked a newer answer another input holds (review34r5)."""
    conn.execute("DROP VIEW IF EXISTS temp.src_answers")
    if _V52 in applied:
        conn.execute("CREATE TEMP VIEW src_answers AS SELECT id, post_row, method, status, observed_at, recorded_at "
                     "FROM src.post_observations")
        return
    # columns an input older still lacks: none of its answers replayed, none undated
    undated = "answered_at_unknown" if "answered_at_unknown" in _columns(conn, "src", "post_observations") else "NULL"
    via = "via" if "via" in _columns(conn, "src", "fetches") else "NULL"
    conn.execute(f"CREATE TEMP VIEW src_answers AS SELECT o.id, o.post_row, o.method, o.status, "
                 f"{answer_time_sql('o', f'(SELECT id, fetched_at, {via} AS via FROM src.fetches)')} AS observed_at, "
                 f"o.observed_at AS recorded_at FROM (SELECT id, post_row, method, status, observed_at, fetch_id, "
                 f"{undated} AS answered_at_unknown FROM src.post_observations) o")


def _fetch_times_of(conn: sqlite3.Connection, tables: set[str]) -> None:
    """`temp.src_link_times` and `temp.src_capture_times`: an input made before m058's resolutions and snapshots, each
    at its fetches' time as m058 moves a cache's (`resolution_time_sql`, `snapshot_time_sql`); merged as they were,
    they kept their write's time (times35)."""
    via = "via" if "fetches" in tables and "via" in _columns(conn, "src", "fetches") else "NULL"
    fetches = f"(SELECT id, fetched_at, {via} AS via FROM src.fetches)" if "fetches" in tables else \
        "(SELECT NULL AS id, NULL AS fetched_at, NULL AS via WHERE 0)"
    for view, table, columns, sql in (
            ("src_link_times", "resolutions", ("id", "resolved_at", "fetch_ids", "answered_at_unknown"),
             resolution_time_sql("r", fetches) + " AS resolved_at"),
            ("src_capture_times", "snapshots", ("id", "observed_at", "fetch_id"),
             snapshot_time_sql("r", fetches) + " AS observed_at")):
        conn.execute(f"DROP VIEW IF EXISTS temp.{view}")
        if table not in tables:
            continue
        have = set(_columns(conn, "src", table))   # columns an input older still lacks: none undated, no fetch ids
        picked = ", ".join(c if c in have else f"NULL AS {c}" for c in columns)
        conn.execute(f"CREATE TEMP VIEW {view} AS SELECT r.id, {sql} FROM (SELECT {picked} FROM src.{table}) r")


def _prefer(conn: sqlite3.Connection, source: Path, report: MergeReport, *, since: str | None) -> dict[str, str]:
    """The articles this input recorded otherwise than the record merged so far (same sha256), and which record
    to keep: one read whole over one that lost a step (review32r5 #3), but for one in an encoding the user gave over
    one in a guessed other encoding (review33r1); else one whose
    encoding the user gave (the later given, when both were) over any other; else, of two encodings, one not guessed
    (declared, or not known whether given or declared: a record made before `since`, the input's m017) over a guess;
    else one whose credits were found by a newer extraction (m016's also_at) over an older; else the one merged
    first. Before, the first input's record was always kept: a correction made with --encoding in a later shard was lost, and a
    database written before m016 gave its credits or not by the order of the inputs (review26 #5, review26b #7).
    Each choice goes in the report. The preferred ones (src id, main id) go in temp.preferred; returns the
    articles columns they take, each with its SQL over the input's row."""
    src_articles = set(_columns(conn, "src", "articles"))
    src_credits = set(_columns(conn, "src", "credits"))
    given = "s.encoding_given_at" if "encoding_given_at" in src_articles else "NULL"
    # an input made before v43 recorded no mark of a reading that lost a step: NULL, taken as whole, as it was read
    incomplete = "s.incomplete" if "incomplete" in src_articles else "NULL"
    src_old = ("c.also_at IS NULL" if "also_at" in src_credits else "1")
    conn.execute("DROP TABLE IF EXISTS temp.preferred")
    # anew: the preferred record's embeds replace the kept one's (other posts: a whole reading over one whose embed
    # steps failed), rather than update them in place
    conn.execute("CREATE TEMP TABLE preferred (src INTEGER PRIMARY KEY, main INTEGER NOT NULL, anew INTEGER)")
    # The encoding the user gave the record that gave way, in the same codec as the one kept: it stays given
    conn.execute("DROP TABLE IF EXISTS temp.given_kept")
    conn.execute("CREATE TEMP TABLE given_kept (main INTEGER PRIMARY KEY, given_at TEXT NOT NULL)")
    pairs = conn.execute(
        f"SELECT s.id, m.id, m.sha256, m.first_source, o.input, m.encoding, m.encoding_detected, m.encoding_given_at,"
        f" IFNULL(o.dated, 0),"
        f" EXISTS (SELECT 1 FROM main.credits c WHERE c.article_id = m.id AND c.also_at IS NULL),"
        f" EXISTS (SELECT 1 FROM main.credits c WHERE c.article_id = m.id AND c.also_at IS NOT NULL),"
        f" s.encoding, s.encoding_detected, {given}, {_dated(conn)},"
        f" EXISTS (SELECT 1 FROM src.credits c WHERE c.article_id = s.id AND {src_old}),"
        f" EXISTS (SELECT 1 FROM src.credits c WHERE c.article_id = s.id AND NOT ({src_old})),"
        f" m.incomplete, {incomplete}"
        f" FROM src.articles s JOIN main.articles m ON m.sha256 = s.sha256 LEFT JOIN temp.origin o ON o.id = m.id"
        f" WHERE s.encoding IS NOT m.encoding OR s.encoding_detected IS NOT m.encoding_detected"
        f" OR {given} IS NOT m.encoding_given_at OR s.credit_count IS NOT m.credit_count"
        f" OR {incomplete} IS NOT m.incomplete", [since]).fetchall()
    for src_id, main_id, sha256, first_source, origin, *records in pairs:
        kept_mark, over_mark = records[12:]
        kept, over = Record(_steps_lost(kept_mark), *records[:6]), Record(_steps_lost(over_mark), *records[6:12])
        choice = _choose(kept, over)
        if choice is None:
            continue
        take, why = choice
        whole = bool(kept.steps_lost) != bool(over.steps_lost)
        anew = take and not _same_posts(conn, main_id, src_id)
        if anew and not whole:
            take, why = False, why + "; but its posts differ from the other's, so the one merged first was kept whole"
        if take:
            conn.execute("INSERT INTO temp.preferred (src, main, anew) VALUES (?, ?, ?)", [src_id, main_id, anew])
        winner, loser = (over, kept) if take else (kept, over)
        if whole and loser.given_at and not winner.given_at and _codec(winner.encoding) == _codec(loser.encoding):
            conn.execute("INSERT INTO temp.given_kept (main, given_at) VALUES (?, ?)", [main_id, loser.given_at])
        here, there = str(source), origin or "an earlier input"
        report.preferred.append({"sha256": sha256, "source": first_source, "kept": here if take else there,
                                 "over": there if take else here, "why": why})
    # The kept record's credits go: the credits rule copies the preferred record's in their place. Embeds replaced
    # whole go with what ties them to links, posts and identifications, which were of a reading that lost its embed
    # steps (as Store._read_again replaces such a reading); the embeds rule copies the preferred record's, tied anew.
    conn.execute("DELETE FROM main.credits WHERE article_id IN (SELECT main FROM temp.preferred)")
    replaced = ("SELECT e.id FROM main.embeds e JOIN temp.preferred p ON p.main = e.article_id WHERE p.anew")
    for table in ("embed_links", "embed_posts", "identifications"):
        conn.execute(f"DELETE FROM main.{table} WHERE embed_id IN ({replaced})")
    conn.execute(f"DELETE FROM main.embeds WHERE id IN ({replaced})")
    taken = {column: f"s.{column}" for column in ("encoding", "encoding_detected", "credit_count", "embed_count",
                                                    "tool_version")}
    # The kept record's rivals go with its encoding, the replaced record's never stay (review31r2): an input made
    # before v30 recorded none (NULL, not recorded; enc30), one made before v36 no list ('[]' when it recorded no
    # rival, else NULL: the others were not recorded, as m036 says).
    rival = "s.encoding_rival" if "encoding_rival" in src_articles else "NULL"
    rivals = "s.encoding_rivals" if "encoding_rivals" in src_articles else \
        f"CASE WHEN {rival} = '' THEN '[]' END"
    # The kept record's mark of a reading that lost a step goes with its embeds and credits (review32r5: a record
    # whose credit step had failed was taken as read whole)
    return taken | ({"encoding_given_at": given} if given != "NULL" else {}) | {"encoding_rival": rival,
                                                                                "encoding_rivals": rivals,
                                                                                "incomplete": incomplete}


@dataclass(frozen=True)
class Record:
    """What `_prefer` weighs of one input's record of an article."""

    steps_lost: str | None  # the steps its reading lost, "credits: page markup, dates"; None: read whole
    encoding: str | None
    detected: int | None
    given_at: str | None
    dated: int              # can say (m020's mark, or made since m017): no given_at means not given; 0: not known
    old_credits: int        # has credits found before m016 (also_at NULL)
    new_credits: int        # has credits found since


def _choose(kept: Record, other: Record) -> tuple[bool, str] | None:
    """Whether to take `other` over the record `kept` so far, and why; None when neither is preferred. An encoding
    not guessed beats a guess: declared, or (a record made before m017) perhaps given by the user (review27a #5).
    First, of two readings of the same bytes in the same encoding, one read whole beats one that lost a step: the
    same text, and the whole one found all it holds (review32r5 #3: the first merged was kept, its credit lost); and
    so of two in other encodings, but for one in an encoding the user gave over one in another encoding guessed or
    declared by the page (which the user overrode on purpose): the user's word wins, its mark of the step lost with
    it (review33r1: a guess read whole held garbled names; lead33f: a declared one too). Bytes valid as UTF-8 are
    read so whatever was given (replay33: cp1252 given for a UTF-8 page made mojibake)."""
    if bool(kept.steps_lost) != bool(other.steps_lost):
        take = bool(kept.steps_lost)
        winner, loser = (other, kept) if take else (kept, other)
        if loser.given_at and not winner.given_at and _codec(winner.encoding) != _codec(loser.encoding) \
                and (winner.detected or not _utf8(winner.encoding)):
            over = "a guess" if winner.detected else "the page's label"
            return not take, (f"its encoding ({loser.encoding}) was given by the user on {loser.given_at[:10]}, the "
                              f"other's {_how(winner)}: the user's word is kept over {over}, though its reading lost a "
                              f"step ({loser.steps_lost})")
        return take, f"it was read whole, the other's reading lost a step ({loser.steps_lost}); {_whole_read(winner, loser)}"
    if (kept.given_at or "") != (other.given_at or ""):
        take = (other.given_at or "") > (kept.given_at or "")
        winner, loser = (other, kept) if take else (kept, other)
        return take, (f"its encoding ({winner.encoding}) was given by the user on {(winner.given_at or '')[:10]}, "
                      f"the other's {_how(loser)}")
    if kept.encoding != other.encoding and bool(kept.detected) != bool(other.detected):
        take = bool(kept.detected)
        winner, loser = (other, kept) if take else (kept, other)
        return take, f"its encoding {_how(winner)}, the other's {_how(loser)}"
    if kept.old_credits != other.old_credits and (other.new_credits if kept.old_credits else kept.new_credits):
        return bool(kept.old_credits), "a newer extraction: the other's credits were found before m016 (no also_at)"
    if (kept.encoding, bool(kept.detected)) != (other.encoding, bool(other.detected)):
        given = "is known to have been" if _not_known(kept) or _not_known(other) else "was"
        return False, (f"neither encoding {given} given by the user: kept the one merged first: its encoding "
                       f"{_how(kept)}, the other's {_how(other)}")
    return None


def _whole_read(winner: Record, loser: Record) -> str:
    """How a whole reading and the one that lost a step were read, after "it was read whole": the encoding the user
    gave the one that lost stays given when it is the whole one's codec, and the summary says what was not kept."""
    if _codec(winner.encoding) == _codec(loser.encoding):
        given = (f"; the encoding stays given by the user, as on {loser.given_at[:10]}"
                 if loser.given_at and not winner.given_at else "")
        return f"both read as {_codec(winner.encoding)}{given}"
    given = (f", which the user gave on {loser.given_at[:10]}, not kept as given: it is not this reading's encoding; "
             f"to read the article so, scan it again with --encoding {loser.encoding}" if loser.given_at else "")
    return f"read as {_codec(winner.encoding)}, the other as {loser.encoding}{given}"


def _steps_lost(mark: str | None) -> str | None:
    """The steps an `incomplete` mark (JSON: [{"step": ..., "error": ...}]) names, joined; None for no mark."""
    if not mark:
        return None
    try:
        steps = [str(failure["step"]) for failure in json.loads(mark)]
    except (ValueError, TypeError, KeyError):
        return "unreadable mark"   # a mark all the same: the reading is not known to be whole
    return ", ".join(steps) or None


def _not_known(record: Record) -> bool:
    """Not guessed, with no date it was given, in a record made before m017: given or declared, no one can say."""
    return not (record.detected or record.given_at or record.dated)


def _how(record: Record) -> str:
    """How the record's encoding was chosen, after "its encoding" or "the other's"."""
    if record.given_at:
        return f"({record.encoding}) on {record.given_at[:10]}"
    if record.detected:
        return f"was guessed ({record.encoding})"
    if _not_known(record):
        return (f"({record.encoding}) was not guessed, but whether the user gave it or the page declared it is not "
                f"known (recorded before the cache kept it)")
    return f"was not guessed ({record.encoding})" if _utf8(record.encoding) else f"was declared ({record.encoding})"


def _utf8(name: str | None) -> bool:
    return _codec(name) == "utf-8"


def _given_kept_since(conn: sqlite3.Connection) -> str | None:
    """When the attached input began to keep whether an encoding was given (its m017, in the form of
    `first_scanned_at`), or None: an input from before m017 never did."""
    row = conn.execute("SELECT applied_at FROM src._sqlite_migrations WHERE migration_set = ? AND name = ?",
                       [MIGRATION_SET, "m017_article_encoding_given"]).fetchone()
    return datetime.fromisoformat(row[0]).strftime("%Y-%m-%dT%H:%M:%S.%fZ") if row else None


def _not_known_note(conn: sqlite3.Connection, source: Path, since: str | None) -> str | None:
    """Once for an input: how many of its records, their encoding not guessed, cannot say whether the user gave it,
    or None when all can. Nothing they hold tells (the tool's version is one across the migrations; a merged output's
    m017 is dated at the merge, after all it holds was scanned): said once, not as each such article's flag alone
    (replay29: a merged output made before m020 read "not known" for every article, and no line said why)."""
    given = "s.encoding_given_at" if "encoding_given_at" in _columns(conn, "src", "articles") else "NULL"
    [count] = conn.execute(f"SELECT count(*) FROM src.articles s WHERE NOT IFNULL(s.encoding_detected, 0)"
                           f" AND {given} IS NULL AND NOT {_dated(conn)}", [since]).fetchone()
    if not count:
        return None
    made = "made before m017" if since is None else "made before m017, or copied in by a merge before m020"
    return (f"{source}: {count:,} article record{'s' if count != 1 else ''} {made}: whether the user gave "
            f"{'their' if count != 1 else 'its'} encoding (not guessed) is not known, and nothing "
            f"{'they hold' if count != 1 else 'it holds'} can tell")


def _drop_saves_made(store: Store, before: int) -> None:
    """Of the saves an input just added (ids after `before`), drop each pending one OUT already holds pending, or made
    since it was queued: the same save by its URL, or by the X post it names, as `Store.queue_save` matches one
    (runs34: by URL alone, the post queued in two shards as x.com/JaneDoe/… and twitter.com/janedoe/… was submitted
    twice). An input made before v44 gets its saves' posts first (`place_save_posts`, review33r1)."""
    place_save_posts(store.db)
    store.db.conn.execute(
        "DELETE FROM main.saves WHERE id > ? AND status IN ('pending', 'submitted') AND EXISTS (SELECT 1 FROM"
        " main.saves m WHERE m.id <= ? AND (m.url = saves.url OR (m.platform = saves.platform AND m.post_id ="
        " saves.post_id)) AND (m.status IN ('pending', 'submitted') OR (m.status = 'success' AND m.updated_at >="
        " saves.queued_at)))", [before, before])


def _ahead_note(conn: sqlite3.Connection, source: Path, tables: set[str]) -> str | None:
    """Once for an input: how many of its capture sightings and downloads are dated after the merge, or None. They
    are kept as that input's record, and lose to any row dated before (`_newer_trusted`): said, so the clock that
    ran ahead is looked into rather than its rows silently set aside (runs34)."""
    counts = []
    for table, (column, what) in _AHEAD.items():
        if table in tables:
            [n] = conn.execute(f"SELECT count(*) FROM src.{table} WHERE {column} > {_NOW}").fetchone()
            if n:
                counts.append(f"{n:,} {what}{'s' if n != 1 else ''}")
    if not counts:
        return None
    return (f"{source}: {' and '.join(counts)} dated after the merge (a clock that ran ahead?): kept, and no row "
            "dated before it gave way to them")


def _dated(conn: sqlite3.Connection) -> str:
    """SQL: whether the attached input's record `s` can say if its encoding was given (1 or 0), given its m017's
    date as the one parameter: as a merge marked it (m020), else whether it was first scanned since that m017 (a
    merge's output is dated at the merge, so only its mark can say, #13)."""
    made_since = "IFNULL(s.first_scanned_at >= ?, 0)"
    if "encoding_given_known" in _columns(conn, "src", "articles"):
        return f"COALESCE(s.encoding_given_known, {made_since})"
    return made_since


def _same_posts(conn: sqlite3.Connection, main_id: int, src_id: int) -> bool:
    """The same posts in the same order: the embeds can be updated in place (other tables point at their ids)."""
    posts = "SELECT platform, url FROM {}.embeds WHERE article_id = ? ORDER BY ordinal"
    return (conn.execute(posts.format("main"), [main_id]).fetchall()
            == conn.execute(posts.format("src"), [src_id]).fetchall())


def _take_preferred(conn: sqlite3.Connection, columns: dict[str, str]) -> None:
    """The preferred records' article columns (each its SQL over the input's row `s`), and their embeds' values in
    place (ids kept); their credits were copied by the credits rule, in place of the kept ones `_prefer` deleted."""
    if conn.execute("SELECT 1 FROM temp.preferred LIMIT 1").fetchone():
        _take_columns(conn, columns)
    # after them: the user's encoding of the record that gave way stays given (replay33: it was dropped)
    conn.execute("UPDATE main.articles SET encoding_given_at = (SELECT given_at FROM temp.given_kept g WHERE"
                 " g.main = articles.id), encoding_detected = 0, encoding_rival = '', encoding_rivals = '[]'"
                 " WHERE id IN (SELECT main FROM temp.given_kept)")


def _take_columns(conn: sqlite3.Connection, columns: dict[str, str]) -> None:
    conn.execute(f"UPDATE main.articles SET ({', '.join(columns)}) = (SELECT {', '.join(columns.values())}"
                 f" FROM src.articles s JOIN temp.preferred p ON p.src = s.id WHERE p.main = articles.id)"
                 f" WHERE id IN (SELECT main FROM temp.preferred)")
    embed_columns = [c for c in _columns(conn, "src", "embeds") if c not in ("id", "article_id", "ordinal")]
    conn.execute(f"UPDATE main.embeds SET ({', '.join(embed_columns)}) = (SELECT"
                 f" {', '.join(f's.{c}' for c in embed_columns)} FROM src.embeds s JOIN temp.preferred p"
                 f" ON p.src = s.article_id WHERE p.main = embeds.article_id AND s.ordinal = embeds.ordinal)"
                 f" WHERE article_id IN (SELECT main FROM temp.preferred)")


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA {schema}.table_info([{table}])")]


def _copy(conn: sqlite3.Connection, rule: Rule, source: Path, applied: set[str]) -> int:
    """Copy one table's new facts from src into main and map src ids to main ids; returns rows read. `applied`: the
    input's migrations (`Rule.before`)."""
    out_columns = _columns(conn, "main", rule.table)
    src_columns = set(_columns(conn, "src", rule.table))
    extra = src_columns - set(out_columns)
    if extra:
        raise MergeError(f"cannot merge {source}: {rule.table} has columns this version does not know "
                         f"({', '.join(sorted(extra))})")
    older = {c: sql for migration, rewrites in rule.before.items() if migration not in applied
             for c, sql in rewrites.items()}
    rule = replace(rule, rewrite=rule.rewrite | older)
    columns = [c for c in out_columns if (c in src_columns or c in older) and c != "id"]
    joins = " ".join(f"{'JOIN' if c in rule.required else 'LEFT JOIN'} temp.map_{t} AS r_{c} ON r_{c}.old = s.{c}"
                     for c, t in rule.refs.items() if c in src_columns)
    values = [_value(rule, c) for c in columns]
    order = f"s.{rule.order}, s.rowid" if rule.order else "s.rowid"
    same = " AND ".join(f"m.{c} IS {_value(rule, c)}" for c in rule.identity)
    insert = (f"INSERT INTO main.{rule.table} ({', '.join(columns)}) SELECT {', '.join(values)} FROM src.{rule.table} s"
              f" {joins} WHERE {rule.where}")
    if rule.conflict:
        assignments = ", ".join(f"{c} = excluded.{c}" for c in columns)
        insert += f" ORDER BY {order} {rule.conflict.format(all_columns=assignments)}"
    else:
        insert += f" AND NOT EXISTS (SELECT 1 FROM main.{rule.table} m WHERE {same}) ORDER BY {order}"
    conn.execute(insert)
    if rule.table in MAPPED:
        conn.execute(f"INSERT INTO temp.map_{rule.table} (old, new) SELECT s.id, MIN(m.id) FROM src.{rule.table} s"
                     f" {joins} JOIN main.{rule.table} m ON {same} GROUP BY s.id")
    return int(conn.execute(f"SELECT COUNT(*) FROM src.{rule.table}").fetchone()[0])


def _value(rule: Rule, column: str) -> str:
    if column in rule.refs:
        return f"r_{column}.new"
    if column in rule.json_refs:
        path, table = rule.json_refs[column]
        return _remap_json(f"s.{column}", path, f"temp.map_{table}")
    if column in rule.rewrite:
        return rule.rewrite[column].format(f"s.{column}")
    return f"s.{column}"


def _remap_json(expression: str, path: str, mapping: str) -> str:
    """JSON with the ids at `path` replaced by their mapped ids: "$" a list of ids, in the same order; "$.key" an
    object whose `key` is such a list; "$[*].key" a list of objects, each one's `key` an id (or null)."""
    if path == "$":
        return (f"CASE WHEN {expression} IS NULL THEN NULL ELSE (SELECT json_group_array(new) FROM (SELECT r.new FROM"
                f" json_each({expression}) j JOIN {mapping} r ON r.old = j.value ORDER BY j.key)) END")
    if path.startswith("$[*]."):
        key = "$." + path[len("$[*]."):]
        one = (f"CASE WHEN json_type(j.value, '{key}') = 'integer' THEN json_set(j.value, '{key}', (SELECT r.new FROM"
               f" {mapping} r WHERE r.old = json_extract(j.value, '{key}'))) ELSE j.value END")
        return (f"CASE WHEN json_type({expression}) IS NOT 'array' THEN {expression} ELSE (SELECT"
                f" json_group_array(json({one})) FROM (SELECT value FROM json_each({expression}) ORDER BY key) j) END")
    inner = _remap_json(f"json_extract({expression}, '{path}')", "$", mapping)
    return (f"CASE WHEN json_type({expression}, '{path}') IS NOT 'array' THEN {expression}"
            f" ELSE json_set({expression}, '{path}', json({inner})) END")


def _renumber_history(store: Store) -> None:
    """Give history tables ids in time order (a shard's rows were appended after OUT's, whatever their times)."""
    conn = store.db.conn
    with store.write():
        for rule in RULES:
            if rule.order is None:
                continue
            conn.execute("DROP TABLE IF EXISTS temp.renumber")
            conn.execute("CREATE TEMP TABLE renumber (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
            conn.execute(f"INSERT INTO temp.renumber SELECT id, ROW_NUMBER() OVER (ORDER BY {rule.order}, id)"
                         f" FROM main.{rule.table}")
            if conn.execute("SELECT COUNT(*) FROM temp.renumber WHERE old != new").fetchone()[0] == 0:
                continue
            # Through negative ids, so that no two rows ever hold the same id half-way.
            conn.execute(f"UPDATE main.{rule.table} SET id = -(SELECT new FROM temp.renumber"
                         f" WHERE old = {rule.table}.id)")
            conn.execute(f"UPDATE main.{rule.table} SET id = -id")
            for other in RULES:
                for column, target in other.refs.items():
                    if target == rule.table:
                        conn.execute(f"UPDATE main.{other.table} SET {column} = (SELECT new FROM temp.renumber"
                                     f" WHERE old = {other.table}.{column}) WHERE {column} IS NOT NULL")
                for column, (path, target) in other.json_refs.items():
                    if target == rule.table:
                        conn.execute(f"UPDATE main.{other.table} SET {column} = "
                                     f"{_remap_json(column, path, 'temp.renumber')}")


def _check_integrity(store: Store, out: Path) -> None:
    broken = store.db.conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise MergeError(f"merging into {out} would leave {table} row {rowid} pointing at a missing {parent} row; "
                         f"nothing was changed (please report this)")


def _count(store: Store, report: MergeReport) -> None:
    for rule in RULES:
        report.merged[rule.table] = store.count(rule.table)
