"""The provenance store: one SQLite file, safe for several writing processes at once.

Writes go through `Store.write()`, which opens `BEGIN IMMEDIATE`: in WAL mode a deferred transaction that turns
into a write fails at once with SQLITE_BUSY_SNAPSHOT, which busy_timeout cannot help with.

The store's verbs are plain SQL on `Store.conn`. sqlite-utils (`Store.db`) is loaded only for what needs it:
migrating a database, the research views, merging, exports, and callers' own queries. Opening a database that
is up to date and recording into it does not import it (#14: a third of a one-file scan's start-up).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import sqlite3
import sys
import threading
import time as clock
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from functools import cached_property
from json.scanner import make_scanner
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar
from urllib.parse import quote
from uuid import UUID

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_S = 30.0
ROWS_PER_INSERT = 128   # rows of one multi-row INSERT: a chunk's embeds in a few statements, each a bounded size
# The migrations (cache/migrations.py) this version knows, in order: what an up-to-date database has applied.
# tests/test_store.py keeps this list in step with the migrations themselves.
MIGRATION_SET = "embed-resolver-cache"
MIGRATIONS = ("m001_articles_embeds_credits", "m002_fetch_log_and_resolutions", "m003_posts_media_and_raw_bodies",
              "m004_archives", "m005_media_warnings", "m006_errors", "m007_identification_verdicts",
              "m008_source_urls_and_progress", "m009_research_views_and_search", "m010_embed_text_confidence",
              "m011_run_outputs", "m012_truncated_articles", "m013_rename_evidence_indexes",
              "m014_step_memos", "m015_credit_split_confidence", "m016_credit_also_at", "m017_article_encoding_given",
              "m018_progress_runs", "m019_body_redacted", "m020_article_encoding_given_known",
              "m021_authors_by_id", "m022_fetch_non_public",
              "m023_resolution_end_redacted", "m024_fetch_answered_at_unknown", "m025_embed_linked_capture",
              "m026_embed_start_seconds", "m027_embed_other_words", "m028_undated_replayed_facts",
              "m029_replayed_warc_content", "m030_post_ids_name_their_place", "m031_embed_media_marker",
              "m032_article_encoding_rival", "m033_resolution_post_snowflake_time", "m034_article_source_record",
              "m035_snapshots_any_case", "m036_article_encoding_rivals", "m037_embed_id_doubt",
              "m038_replayed_records", "m039_views_read_embed_status",
              "m040_at_risk_despite_a_placeholder_capture", "m041_cdx_lists_any_case",
              "m042_link_rot_counts_what_is_known", "m043_article_incomplete", "m044_saves_by_post",
              "m045_fetch_warc_record_id", "m046_captures_observed_as_archived_copies",
              "m047_link_rot_by_platform_and_post_year_as_of", "m048_at_risk_despite_an_unread_capture",
              "m049_at_risk_despite_captures_never_read", "m050_availability_answers_any_case",
              "m051_views_count_current_versions", "m052_observations_at_their_fetchs_time",
              "m053_at_risk_by_a_captures_newest_reading", "m054_versions_of_one_place",
              "m055_status_as_of_no_answer_dated_ahead", "m056_output_rewrite_pending",
              "m057_credit_kind", "m058_links_captures_sightings_at_fetch_time",
              "m059_gone_accounts_named_as_fetched", "m060_gone_accounts_named_by_their_own_posts",
              "m061_agency_key_and_article_credits",
              "m062_views_count_posts_reached_through_links",
              "m063_agency_names_in_every_casing", "m064_agency_names_of_upi_cp_and_pa",
              "m065_views_count_a_link_embed_under_its_own_post", "m066_views_one_post_whatever_names_it",
              "m067_replayed_answers_contacted_not_known", "m068_views_a_link_to_a_bluesky_post_under_either_name",
              "m069_credits_by_organization_counts_uncertain_credits_apart",
              "m070_at_risk_a_posts_likes_page_is_no_copy",
              "m071_embed_unshown",
              "m072_dead_view_counts_links_not_checked_and_doubtful_ids_apart",
              "m073_dead_view_counts_no_playlist_or_timeline_as_a_post",
              "m074_bluesky_post_year_from_its_key",
              "m075_bluesky_post_year_only_from_a_key_of_bluesky_s_time", "m076_at_risk_reads_telegram_captures",
              "m077_at_risk_reads_telegram_me_captures", "m078_dead_view_counts_no_mastodon_activity_as_a_post",
              "m079_embed_moments_other_handles_and_end",
              "m080_at_risk_reads_mastodon_captures", "m081_at_risk_reads_youtube_captures",
              "m082_media_credit_unsure", "m083_agency_names_in_arabic_and_persian_forms",
               "m084_at_risk_reads_tiktok_captures",
              "m085_at_risk_reads_youtube_watch_pages_with_v_later",
              "m086_embed_shown_url_and_at_risk_reads_tiktok_photo_pages", "m087_progress_steps_failed")
# The sources that name no place an article can be read from again: standard input, bytes given to the API. Each
# article read from one is its own, never a newer version of another (v51, `Store._supersede`).
NO_PLACE_SOURCES = ("-", "<bytes>")
# A new database's schema in one script: what the migrations make of an empty file (#14; `Store._create`)
SCHEMA = Path(__file__).with_name("schema.sql")
# The fetch-log rows that are no answer of their source's at a known time (`Store.of_no_known_age`, m029's index)
# What a CDX prefix query ended in before archive38: `collapse=digest` lists only the first of ADJACENT rows of one
# content, so the later captures of an unchanged page were not listed (`cdx_lists_any_case` still reads such lists)
COLLAPSED_CDX = "&collapse=digest"
OF_NO_KNOWN_AGE = "answered_at_unknown IS NOT NULL OR error_kind = 'not-in-warc'"
# How a resolution that observed nothing of its link begins its error: a replay's whose WARC lacked the request (the
# fetch log's `not-in-warc` kind), which is no answer about the link (`Store.latest_resolutions`)
NO_OBSERVATION = "not-in-warc:"
# Such a resolution with no hop answered: one whose WARC held a hop before it lacked the next observed the link
# (review33r1: looked past, the older live chain answered over a newer one contradicting it)
OBSERVED_NOTHING = (f"coalesce(error LIKE '{NO_OBSERVATION}%' AND NOT EXISTS (SELECT 1 FROM json_each(hops)"
                    f" WHERE json_extract(value, '$.status') IS NOT NULL), 0)")
MEMO_TRIGGERS = 49   # how many cache.migrations.memo_triggers() makes (a test checks)
# The memos an article keeps (#13): its newest, one a key. A key changes with the code (any upgrade), the settings, the
# steps, --offline, which secrets are set, so memos no run will use again would pile up, one an article a run; a
# user alternates between a few configurations (--resolve and --resolve --fetch, online and offline), and four
# cover them and the ones just before an upgrade, at about 4.9 KB each with their keys and indexes.
MEMOS_KEPT = 4


class Reads:
    """What one run of an article's cached steps read, while `Store.reading()` notes it (#13: the memo of what they
    printed names these keys, and a write to any of them deletes it): the keys of the rows read (as
    cache.migrations.MEMO_KEYS spells them), the times of the rows a TTL was held against, and how many statements
    the noted reads ran (`Store.reading` counts every statement the connection ran: a read nothing noted shows)."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.stamps: list[str] = []
        self.statements = 0
        self.ran = 0

    @property
    def complete(self) -> bool:
        """Every statement run meanwhile was a noted read (no write, no read of a table nothing names)."""
        return self.ran == self.statements


def _stamp(value: object) -> str:
    """A row's time as `Reads.stamps` keeps it: "" (before any cut-off: the memo never holds online) for one that
    is not text (null, or a BLOB a plain SQL write left, which SQLite orders after every text), or is after now (a
    WARC from a clock that ran ahead: no fresh answer, review32r3)."""
    return value if isinstance(value, str) and value <= utc_now() else ""


class CacheError(Exception):
    """The database cannot be opened, migrated or written. The message names the file and what to do."""


class CacheFull(CacheError):
    """The cache cannot grow: the disk holding it is full, or a quota or a size limit was reached (SQLite's
    SQLITE_FULL, ENOSPC). The CLI exits 7 and says so, as for a cache that fills up during a run (review40b: a disk
    full when the cache was opened said "cannot open cache …: database or disk is full", exit 1)."""

    def __init__(self, path: object) -> None:
        self.path = path
        super().__init__(f"cannot write the cache {path}: the disk holding it is full (or a size limit was reached)")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as made (by its path): a worker process hands its failure back pickled, and Exception's way
        called the class with the whole message as the path, which named the cache twice over."""
        return type(self), (self.path,)


# ENOSPC: no space left; EDQUOT: over quota; EFBIG: over a file-size limit
_FULL_ERRNOS = {code for code in (getattr(errno, name, None) for name in ("ENOSPC", "EDQUOT", "EFBIG")) if code}


def _cannot_grow(exc: BaseException) -> bool:
    """Does `exc` say the cache file could not grow (`CacheFull`)?"""
    if isinstance(exc, OSError):
        return exc.errno in _FULL_ERRNOS
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "database or disk is full" in str(exc)


class UnknownName(CacheError):
    """A name the caller gave (a table or view to export) that the cache does not have: a value the argument cannot
    take, which the CLI says as a usage error (exit 2: newuser30 #11). The message lists the names it has."""


class NewerCacheError(CacheError):
    """The database was made by a newer version of the tool (a migration or schema version this one does not know),
    or by another build (an unreleased branch's migrations)."""


class UnknownSchema(NamedTuple):
    """What makes a database's schema one this version does not know (#11): `has`, the migrations it applied that
    this version does not know, in the order applied; `lacks`, the first of this version's it has not applied;
    `version`, its user_version when past this version's count."""

    has: tuple[str, ...]
    lacks: str | None
    version: int | None

    @property
    def another_build(self) -> bool:
        """Made by another build (an unreleased branch's migrations), not by a newer release: a release adds
        migrations and never renames one, so a newer one lacks none of this version's (review27a #9)."""
        return bool(self.has) and self.lacks is not None


def unknown_schema(applied: Sequence[str], user_version: int) -> UnknownSchema | None:
    """Why this version cannot use a database whose applied migrations and user_version are these, or None when it
    can (perhaps once migrated): writing to it could corrupt what the other version keeps. The one check of a
    cache opened (`Store`) and of a `cache merge` input."""
    has = tuple(name for name in applied if name not in MIGRATIONS)
    if not has and user_version <= len(MIGRATIONS):
        return None
    lacks = next((name for name in MIGRATIONS if name not in applied), None)
    return UnknownSchema(has, lacks, user_version if user_version > len(MIGRATIONS) else None)


def _read_only(path: Path) -> bool:
    """Whether SQLite could write this database: the file, and the folder its journal and WAL files go in."""
    if not path.exists():
        return False
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


# What json.loads calls: the C scanner. (typeshed types its argument as the scanner class itself.)
_scan_json = make_scanner(json.JSONDecoder())  # type: ignore[arg-type]


def json_column(text: str) -> Any:
    """`json.loads` of a JSON column, at less than half its cost for the small ones (#13: a warm run decodes nine
    an article, and json.loads spent more on its Python layers than on the text). JSON this store wrote starts
    with its value and ends with it: the C scanner json.loads calls reads it alone. Anything else (whitespace
    around it, more after it, text it cannot read) goes through json.loads, which gives its value or its error."""
    try:
        value, end = _scan_json(text, 0)
    except (StopIteration, ValueError, TypeError):
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


def sql_statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, one at a time, to run inside a transaction (sqlite3's `executescript`
    COMMITs first, and so would end it)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement
            statement = ""
    if statement.strip():
        yield statement


def trusted_time(value: str | None) -> str | None:
    """A recorded time as a view is judged by it: None for one after now, as for none (a WARC written by a machine
    whose clock ran ahead gives its answers a time to come, which would outrank every answer given until then:
    review32r3)."""
    return value if value is not None and value <= utc_now() else None


# An observation that said what the post is: its source's answer (not an archived copy's), not an error or "not
# known". A post's view is the latest of these: an error answer moves `posts.last_observed_at` and keeps the view.
_SAID = "o.method != 'wayback' AND o.status NOT IN ('error', 'unknown') AND o.status IS NOT NULL"
# When a post's view was answered (`posts` as `p`): its latest observation that said what the post is; a post whose
# view is itself an error or not known (or that holds no such observation, as an old cache may) by its last one.
# review32r5 #4: a failed ask moved the last observation, and the view, however old, read as fresh for a whole TTL.
# The answer is that of the view's source (`p.method`, the method its status was read from, the fetch a report cites
# and prints the time of), else of any (asof34: with two sources agreeing, the status was as of the later one's).
# An answer dated after now (a WARC from a clock that ran ahead) is none (`trusted_time`, as `_view_order_at` reads
# the view): a live answer that took the view from it was "deleted (as of <next year>)", the time of the replayed
# answer that said "available" (review34r5). SQLite reads 'now' once a statement, to the millisecond.
_SAID_AT = ("(SELECT max(o.observed_at) FROM post_observations o WHERE o.post_row = p.id AND {said} "
            "AND o.observed_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
STATUS_SAID_AT = f"COALESCE({_SAID_AT.format(said=_SAID + ' AND o.method IS p.method')}, {_SAID_AT.format(said=_SAID)})"
VIEW_AT = (f"CASE WHEN p.status IN ('error', 'unknown') OR p.status IS NULL THEN p.last_observed_at ELSE "
           f"COALESCE({STATUS_SAID_AT}, p.last_observed_at) END")

# How new a post's view is, to order it against another answer (`_view_order_at`, `cache merge`): the latest answer
# that said the view's status (any source's), else the latest that said what the post is; none dated after `?` (now).
# times35: by any source's latest answer, a view "deleted" as of syndication's T1 held against a newer "available"
# (T1.5) because oEmbed, asked after syndication in the view's run, said "not found" at T2; by the view's own source
# alone, a view "available" at T1 and T2 (both sources) would give way to a "deleted" at T1.5.
_VIEW_ORDER_AT = ("(SELECT max(o.observed_at) FROM {observations} o WHERE {same_post} AND {said} "
                  "AND o.observed_at <= {now})")


def view_order_at(observations: str, same_post: str, view: str, now: str) -> str:
    """`VIEW_ORDER_AT` over `observations` (as `o`) of the post `same_post` selects, whose view's status is `view`."""
    def said(more: str) -> str:
        return _VIEW_ORDER_AT.format(observations=observations, same_post=same_post, said=_SAID + more, now=now)
    return f"COALESCE({said(f' AND o.status IS {view}')}, {said('')})"


VIEW_ORDER_AT = view_order_at("post_observations", "o.post_row = p.id", "p.status", "?")


def view_answered_at(status: str | None, answers: Iterable[tuple[str | None, str | None, str | None]],
                     default: str | None) -> str | None:
    """How new the view one run's answers (method, status, observed_at) make is, `status` its status, ordered against
    another view as `VIEW_ORDER_AT` orders a post's: the latest of its answers that said its status, else the latest
    that said what the post is (none dated after now), else `default` (the run's latest answer of any kind). What a
    write (`record_observation`), `fetch --reparse` and a --replay's view order a run by. review35r6: by its latest
    answer of any source, a slower run's "deleted" (T1) whose oEmbed said "not found" at T2 took a view "available"
    as of T1.5, where written in the other order (and in `cache merge`, in both) the view stayed "available"."""
    said = [(said_status, when) for method, said_status, answered in answers
            if method != "wayback" and said_status not in ("error", "unknown", None)
            and (when := trusted_time(answered)) is not None]
    same = [when for said_status, when in said if said_status == status]
    return max(same or [when for _, when in said], default=default)


def _older_than(observed_at: str | None, latest: str | None) -> bool:
    """Whether an answer given at `observed_at` is older than the latest dated sighting `latest`: one giving no time
    is, and so is one dated after now (`trusted_time`); a sighting dated after now is no sighting to be older than."""
    latest, observed = trusted_time(latest), trusted_time(observed_at)
    return latest is not None and (observed is None or observed < latest)


# The reason a post's view is not known when two answers given at the same time (to the microsecond) say two things
# of it (views36, review35r6): the write or merge input that came last (or first) took the view, so the post was
# "deleted" or "available" by the order its rows came in. Read by `cache merge` too.
TIED_APART = "answers given at the same time disagree"


def tied_apart(status: str | None, record: Mapping[str, Any] | None, post: Mapping[str, Any], answered: str | None,
               view_at: str | None) -> str | None:
    """Why a write answered at `answered` leaves a view (`status`, `record`) answered at the same time not known: it
    says another status of the post (both saying what it is), or the view is already a tie's; None otherwise."""
    new = post.get("status")
    if trusted_time(answered) is None or trusted_time(answered) != trusted_time(view_at) \
            or new in ("error", "unknown", None):
        return None
    said = (record or {}).get("reason") or ""
    if status == "unknown" and said.startswith(TIED_APART):
        return said if f"{post.get('method')} said {new}" in said else f"{said}, {post.get('method')} said {new}"
    if status in ("error", "unknown", None) or status == new:
        return None
    return (f"{TIED_APART}: {(record or {}).get('method') or 'a source'} said {status}, {post.get('method')} said "
            f"{new}, both at {answered}")


Item = TypeVar("Item")


def runs_of(observations: Iterable[tuple[Mapping[str, Any], Item]]) -> list[tuple[str | None, list[Item]]]:
    """A post's observations (each paired with what the caller made of it) in runs, one per write (`recorded_at`):
    one run's answers, merged into one view. Each run with its answers' time, the latest of its observations' own
    (None: none gives one). In the order given. Not by time: each observation is at its own fetch's time (asof34),
    which two sources asked one after the other do not share; an observation written before `recorded_at` was (a
    merged older cache's) by its time, as before."""
    runs: dict[str | None, tuple[list[str], list[Item]]] = {}
    for observation, item in observations:
        times, items = runs.setdefault(observation.get("recorded_at") or observation["observed_at"], ([], []))
        if observation["observed_at"] is not None:
            times.append(observation["observed_at"])
        items.append(item)
    return [(max(times) if times else None, items) for times, items in runs.values()]


def utc_now() -> str:
    """UTC time as ISO 8601 with a Z, to the microsecond: every recorded fact carries one. The date and time to
    the second are formatted once a second (#14: a resolve run stamps each request two or three times, and
    datetime's strftime was most of the cost)."""
    global _this_second
    seconds, micros = divmod(clock.time_ns() // 1000, 1_000_000)
    known = _this_second
    if known[0] != seconds:
        known = _this_second = (seconds, clock.strftime("%Y-%m-%dT%H:%M:%S", clock.gmtime(seconds)))
    return f"{known[1]}.{micros:06d}Z"


_this_second: tuple[int, str] = (-1, "")   # (seconds since the epoch, formatted): one tuple, swapped whole


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
        self._after: list[Callable[[], None]] = []   # what to do once the open transaction commits (after_commit)
        self._insert_sqls: dict[tuple[str, tuple[str, ...], int], str] = {}
        self.noting: Reads | None = None   # set by `reading()`
        self.memos_kept = True   # False: the memos' triggers are not all there (a read-only file): none is used
        # Sources read in an encoding the user gave that a read-only cache could not record (review27a #4)
        self.encodings_not_recorded: list[str] = []
        # Sources whose earlier version the last `record_articles` superseded (an edited page), with that version's
        # sha256 (newuser34b #1)
        self.replaced: dict[str, str] = {}
        # Kept bodies read that are not what their key says (sha256 -> why): damaged or altered since they were kept,
        # so read as no body at all (`body`; newuser44b #2, #8)
        self.damaged: dict[str, str] = {}
        memory = str(path) == ":memory:"
        if not memory:
            self._check_folder(create_folder)
        try:
            self.read_only = not memory and _read_only(self.path)
            self.conn = self._connect(busy_timeout, memory)
            self._max_variables = self.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)   # per statement
            self.conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            # As sqlite-utils sets it: a REPLACE's implicit delete fires the full-text indexes' delete triggers.
            self.conn.execute("PRAGMA recursive_triggers = ON")
            applied = self._check_version()
            if self.read_only:
                self.memos_kept = self._memo_triggers_kept()
                return
            if not memory:
                self._to_wal(busy_timeout)
            # In WAL, NORMAL cannot corrupt the database; a power cut may lose the last commits, a crash does not.
            self.conn.execute("PRAGMA synchronous = NORMAL")
            if applied != list(MIGRATIONS) or self._user_version() != len(MIGRATIONS):
                self._migrate()
            self.memos_kept = self._memo_triggers_kept()
        except (sqlite3.DatabaseError, OSError) as exc:
            if _cannot_grow(exc):
                raise CacheFull(path) from None
            if isinstance(exc, OSError):
                raise CacheError(f"cannot open cache {path}: {exc.strerror or exc}") from None
            raise CacheError(f"cannot open cache {path}: {exc}; use --db to choose another file") from None

    def _to_wal(self, busy_timeout: float) -> None:
        """Switch the database to WAL unless it is already. From a read lock while another connection holds a
        write lock (another process creating the same cache) that is a deadlock, which SQLite answers at once with
        "database is locked" rather than wait out the busy timeout: wait here instead, then look again."""
        deadline = clock.monotonic() + busy_timeout
        pause = 0.005
        while self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            try:
                self._autocommit("PRAGMA journal_mode = wal")
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or clock.monotonic() + pause > deadline:
                    raise
                clock.sleep(pause)
                pause = min(pause * 2, 0.25)

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

    @cached_property
    def db(self) -> Database:
        """sqlite-utils over the store's connection, for what the verbs do not cover (loaded on first use)."""
        from cache._sqlite_utils import Database

        # execute_plugins=False: no installed sqlite-utils plugin runs on the provenance database, and start-up
        # does not scan every installed package for one (12 ms, #14)
        return Database(self.conn, execute_plugins=False)

    def _autocommit(self, sql: str) -> None:
        """A statement that cannot run inside a transaction (the journal mode)."""
        level = self.conn.isolation_level
        self.conn.isolation_level = None
        try:
            self.conn.execute(sql)
        finally:
            self.conn.isolation_level = level

    def _user_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _applied(self) -> list[str]:
        """The names of the migrations applied to this database, in the order they were (sqlite-utils' table)."""
        if self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
                             ).fetchone() is None:
            return []
        return [row[0] for row in self.conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET])]

    def _check_version(self) -> list[str]:
        """Refuse a database whose schema this version does not know (#11): writing to it could corrupt what the
        newer version keeps. A read-only database must already be at this version: it cannot be migrated.
        Returns the migrations applied."""
        applied = self._applied()
        unknown = unknown_schema(applied, self._user_version())
        if unknown and unknown.another_build:
            raise NewerCacheError(f"cannot use cache {self.path}: made by another build of embed-resolver, not a "
                                  f"release this one can read (it has migration {unknown.has[0]}, which this version "
                                  f"does not know, and lacks {unknown.lacks}); choose another --db")
        if unknown:
            found = f"migration {unknown.has[0]}" if unknown.has else f"schema version {unknown.version}"
            raise NewerCacheError(f"cannot use cache {self.path}: made by a newer embed-resolver; upgrade ({found}, "
                                  f"this version knows {len(MIGRATIONS)}), or choose another --db")
        if self.read_only and len(applied) < len(MIGRATIONS):
            raise CacheError(f"cannot use cache {self.path}: it is read-only and needs upgrading from schema version "
                             f"{len(applied)} to {len(MIGRATIONS)}; make it writable once, or choose another --db")
        return applied

    def _migrate(self) -> None:
        """Give an empty database the whole schema at once (`_create`); to any other, apply the pending migrations
        one at a time, each in its own IMMEDIATE transaction, so two processes opening a new database at once do
        not both run the same migration."""
        with self.write():
            if self._create():
                return
        from cache.migrations import migrations

        while True:
            with self.write():
                pending = migrations.pending(self.db)
                if pending:
                    stop = pending[1].name if len(pending) > 1 else None
                    migrations.apply(self.db, stop_before=stop)
                # user_version mirrors the migration count, so a newer schema is refused even when the migration
                # names look familiar (#11).
                version = len(self._applied())
                if self._user_version() != version:
                    self.conn.execute(f"PRAGMA user_version = {version}")
                if not pending:
                    return

    def _create(self) -> bool:
        """In the write transaction, give an empty database the schema the migrations would make of it, every
        migration recorded as applied as sqlite-utils' Migrations records it (cache/schema.sql, written out from
        cache/migrations.py; tests/test_store.py checks both make the same database). Stepping through the
        migrations cost a new database 53 ms of CPU, 32 of them importing sqlite-utils (#14). False, and nothing
        done, when the database holds anything (an older cache, one another process has just made, other tables),
        or when the script cannot be read (a frozen build that left it out): the migrations make it then."""
        if self.conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None:
            return False
        try:
            script = SCHEMA.read_text(encoding="utf-8")
        except OSError:
            return False
        for statement in sql_statements(script):
            self.conn.execute(statement)
        applied_at = str(datetime.now(timezone.utc))
        self.conn.executemany("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
                              [(MIGRATION_SET, name, applied_at) for name in MIGRATIONS])
        self.conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
        return True

    def _memo_triggers_kept(self) -> bool:
        """Whether every trigger that retires memos (#13) is there. A table rebuilt by another tool (`sqlite-utils
        transform`) lost its own, and no write since retired a memo: they are made again and every memo is dropped
        (a read-only file: False, and no memo is used)."""
        found = self.conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                  "AND name GLOB 'step_memos_*'").fetchone()[0]
        if found == MEMO_TRIGGERS:
            return True
        if self.read_only or not self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'step_memos'").fetchone():
            return False
        from cache.migrations import memo_triggers

        with self.write():
            names = {row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
            for name, sql in memo_triggers().items():
                if name not in names:
                    self.conn.execute(sql)
            self.conn.execute("DELETE FROM step_memo_keys")
            self.conn.execute("DELETE FROM step_memos")
        return True

    @contextmanager
    def reading(self) -> Iterator[Reads]:
        """Note what is read meanwhile (`Reads`), and count every statement the connection runs."""
        reads = self.noting = Reads()

        def ran(_: str) -> None:
            reads.ran += 1
        self.conn.set_trace_callback(ran)
        try:
            yield reads
        finally:
            self.conn.set_trace_callback(None)
            self.noting = None

    def _noted(self, *keys: str) -> None:
        reads = self.noting
        if reads is not None:
            reads.statements += 1
            reads.keys.extend(keys)

    @property
    def schema_version(self) -> int:
        return len(self._applied())

    @contextmanager
    def write(self) -> Iterator[Store]:
        """One write transaction, `BEGIN IMMEDIATE`; nested calls become savepoints."""
        if self.read_only:
            raise CacheError(f"cannot write cache {self.path}: the file is read-only; make it writable, or choose "
                             "another --db")
        conn = self.conn
        with self._lock:
            if conn.in_transaction:
                with self._savepoint():
                    yield self
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if _cannot_grow(exc):
                    raise CacheFull(self.path) from None
                raise CacheError(f"cannot write cache {self.path}: {exc}") from None
            self._after = []
            try:
                yield self
            except BaseException:
                conn.rollback()   # a no-op when the failure already ended the transaction
                self._after = []
                raise
            else:
                conn.execute("COMMIT")
            after, self._after = self._after, []
            for callback in after:
                callback()

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the transaction open now commits (at once if none is open); never if it is rolled
        back, nor if the savepoint open now is. For a step outside the database that must follow what the
        transaction records, not come before it: an output file renamed over the one it replaces (#13)."""
        if not self.conn.in_transaction:
            callback()
            return
        self._after.append(callback)

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        """A nested write: a savepoint, rolled back alone if the block fails (as sqlite-utils' atomic() does)."""
        self._savepoints = getattr(self, "_savepoints", 0) + 1
        name = f"store_{self._savepoints}"
        self.conn.execute(f"SAVEPOINT {name}")
        after = len(self._after)
        try:
            yield
        except BaseException:
            del self._after[after:]
            if self.conn.in_transaction:   # an error may have ended the whole transaction already
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            self.conn.execute(f"RELEASE SAVEPOINT {name}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- articles --------------------------------------------------------------------------------------------

    def article_by_sha256(self, sha256: str) -> dict[str, Any] | None:
        rows = self._where("articles", "sha256 = ?", [sha256], limit=1)
        return rows[0] if rows else None

    def encoding_given(self, sha256: str) -> tuple[str, str] | None:
        """The encoding the user named for these bytes (--encoding) in an earlier run, and when: (encoding, UTC time),
        or None. A later run reads the same bytes in it instead of guessing again (review26 #8)."""
        row = self.conn.execute("SELECT encoding, encoding_given_at FROM articles WHERE sha256 = ? "
                                "AND encoding_given_at IS NOT NULL", [sha256]).fetchone()
        return (row[0], row[1]) if row else None

    def record_article(self, article: Mapping[str, Any], embeds: Sequence[Mapping[str, Any]],
                       credits: Sequence[Mapping[str, Any]], *, source: str, tool_version: str) -> tuple[int, bool]:
        """Store one article's facts in one transaction. Returns (article id, created); a known sha256 adds nothing
        but the path it was read from, if that path is new."""
        [found] = self.record_articles([{**article, "source": source, "embeds": embeds, "credits": credits}],
                                       tool_version=tool_version)
        return found

    def record_articles(self, articles: Sequence[Mapping[str, Any]], *, tool_version: str) -> list[tuple[int, bool]]:
        """Store several articles' facts in one transaction (a corpus run's chunk, with its progress rows when the
        caller opens the transaction around both). Each article: sha256, kind, encoding, encoding_detected,
        encoding_rival ('' for none; absent: not known, NULL), encoding_rivals (a list, all of them; absent: not known,
        NULL), bytes, source, `place` (where the bytes can be read again: a file's real path, a URL; None for stdin
        and a record), embeds, credits, `url` when the input
        said where it was fetched from, `record_id` and `warc_date` when it said which record it is and when it was
        crawled, and `truncated` when its WARC record was cut short by the crawler (WARC-Truncated). Returns (article
        id, created) per article; a known
        sha256 adds nothing but the source it was read from, if that is new, and the mark of a source cut short (the
        article keeps it: see `_mark_truncated`). Plain INSERTs: sqlite-utils' insert inspects the table on every
        call, most of a small article's cost (#14)."""
        self.replaced = {}
        if self.read_only or len(articles) == 1:
            # Nothing new, no write transaction: a read-only cache serves a scan of what it holds.
            known = [self._known(a, tool_version) for a in articles]
            if all(article_id is not None for article_id in known):
                return [(int(article_id), False) for article_id in known if article_id is not None]
        now = utc_now()
        rows: dict[str, list[dict[str, Any]]] = {"embeds": [], "credits": []}
        with self.write():
            found = [self._record_one(article, now, tool_version, rows) for article in articles]
            kept = rows.pop("embed_links", [])
            for table, table_rows in rows.items():
                self._insert_rows(table, table_rows)
            self._tie_links_again(kept)
            return found

    def _known(self, article: Mapping[str, Any], tool_version: str | None = None) -> int | None:
        """The id of an article already recorded with this source and nothing new to say, else None. With
        `tool_version`, a record whose reading lost a step that this reading replaces (`_read_again`) has something
        new to say."""
        if article.get("url"):
            return None
        # A source cut short is known once its mark is recorded (a row written before v12 has none); one whose input
        # names its record or crawl date, once they are (v31).
        row = self.conn.execute(
            "SELECT a.id, a.encoding, a.encoding_detected, a.encoding_given_at, a.incomplete, a.tool_version "
            "FROM articles a JOIN article_sources s "
            "ON s.article_id = a.id WHERE a.sha256 = ? "
            "AND s.source = ? AND (? IS NULL OR (a.truncated IS NOT NULL AND s.truncated IS NOT NULL)) "
            "AND (? IS NULL OR s.record_id IS ?) AND (? IS NULL OR s.warc_date IS ?) "
            # a version the source had before, read there again (an edit undone): `_record_one` makes it current
            "AND (? OR s.superseded_at IS NULL) "
            # the same name read in another place (`a.html` in another folder): `_record_one` says it is unsure
            "AND (? IS NULL OR s.place IS NULL OR s.place = ?)",
            [article["sha256"], article["source"], article.get("truncated"), article.get("record_id"),
             article.get("record_id"), article.get("warc_date"), article.get("warc_date"), self.read_only,
             article.get("place"), article.get("place")]).fetchone()
        if row and article.get("encoding_given") and not _same_reading(row[1], row[2], row[3], article):
            if not self.read_only:
                return None   # read as the user said, not as recorded: `_record_one` corrects the record
            self.encodings_not_recorded.append(article["source"])
        if row and tool_version is not None and not self.read_only \
                and _read_again(row[4], row[5], article, tool_version):
            return None   # its record is of a reading that lost a step: `_record_one` records this one
        return int(row[0]) if row else None

    def _record_one(self, article: Mapping[str, Any], now: str, tool_version: str,
                    rows: dict[str, list[dict[str, Any]]]) -> tuple[int, bool]:
        """One article's row and source; its embeds and credits are added to `rows`, for `_insert_rows`."""
        conn = self.conn
        row = conn.execute("SELECT id, incomplete, tool_version FROM articles WHERE sha256 = ?",
                           [article["sha256"]]).fetchone()
        source = article["source"]
        if row is None:
            embeds, credits = article["embeds"], article["credits"]
            article_id = _inserted(conn.execute(
                "INSERT INTO articles (sha256, kind, encoding, encoding_detected, bytes, first_source, "
                "first_scanned_at, tool_version, embed_count, credit_count, encoding_given_at, encoding_rival, "
                "encoding_rivals, incomplete) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article["sha256"], article["kind"], article["encoding"], article["encoding_detected"],
                 article["bytes"], source, now, tool_version, len(embeds), len(credits), _given_at(article, now),
                 article.get("encoding_rival"), _json_or_null(article.get("encoding_rivals")),
                 _json_or_null(article.get("incomplete") or None)]
            ).lastrowid)
            rows["embeds"] += [{"article_id": article_id, "ordinal": i, **_flatten(r)} for i, r in enumerate(embeds)]
            rows["credits"] += [{"article_id": article_id, "ordinal": i, **_flatten(r)} for i, r in enumerate(credits)]
        else:
            article_id = int(row[0])
            if _read_again(row[1], row[2], article, tool_version):
                self._read_again(article_id, article, rows, tool_version)
            elif article.get("encoding_given"):
                self._redecoded(article_id, article, rows, now)
        place = article.get("place")
        if not conn.execute("INSERT OR IGNORE INTO article_sources (article_id, source, first_seen_at, place) "
                            "VALUES (?, ?, ?, ?)", [article_id, source, now, place]).rowcount:
            # Read under this name before. Since superseded: an edit undone, current again. In another place (two
            # files of one name and the same bytes, in two folders): which one the row is of is unknown, so it is
            # no place's version (NULL), never superseded (review34r4).
            conn.execute("UPDATE article_sources SET superseded_at = NULL, place = CASE WHEN place IS ? THEN place END"
                         " WHERE article_id = ? AND source = ?", [place, article_id, source])
        self._supersede(article_id, source, place, now)
        if article.get("url"):
            self._set_source_url(article_id, source, article["url"])
        if article.get("record_id") or article.get("warc_date"):   # which record, crawled when (newuser30b #3)
            conn.execute("UPDATE article_sources SET record_id = ?, warc_date = ? WHERE article_id = ? AND source = ?",
                         [article.get("record_id"), article.get("warc_date"), article_id, source])
        if article.get("truncated"):
            self._mark_truncated(article_id, source, article["truncated"])
        return article_id, row is None

    def _supersede(self, article_id: int, source: str, place: str | None, now: str) -> None:
        """The article is now the current version of `place` (a file's real path, a URL: v54): the one recorded
        there before (an edited page's old bytes) is marked superseded, kept but counted in no view (v51, newuser34b
        #1); its sha256 is noted in `replaced` under `source` for the caller to say "changed since last scanned". An
        article of no known place (stdin, a feed's record, a row of before v54 under a relative name) is its own:
        a name is no place (review34r4: `a.html` read in two folders superseded the other file)."""
        if place is None or source in NO_PLACE_SOURCES:
            return
        older = self.conn.execute(
            "SELECT s.id, a.sha256 FROM article_sources s JOIN articles a ON a.id = s.article_id "
            "WHERE s.place = ? AND s.superseded_at IS NULL AND s.article_id != ?", [place, article_id]).fetchall()
        if older:
            self.conn.execute(f"UPDATE article_sources SET superseded_at = ? WHERE id IN "
                              f"({', '.join('?' * len(older))})", [now, *(row[0] for row in older)])
            self.replaced[source] = older[-1][1]

    def _read_again(self, article_id: int, article: Mapping[str, Any], rows: dict[str, list[dict[str, Any]]],
                    tool_version: str) -> None:
        """An article whose recorded reading lost a step (`incomplete`, #10), read again (`_read_again`, the
        function): its embeds and credits are this reading's, and the rows tying its old embeds to links, posts and
        identifications go (the links, posts and fetches themselves stay; this run's steps tie the new embeds to
        them). The memos of the article's steps go with its embeds (their triggers). Where each of their links led
        is a fact about the link, not about the reading: the ties to the links' resolutions are kept in `rows`
        ("embed_links") for `_tie_links_again` to give the new embeds carrying the same links (views37: a plain
        `scan` then left a link embed's post out of the views until the next `--resolve`)."""
        conn = self.conn
        embeds, credits = article["embeds"], article["credits"]
        old = "SELECT id FROM embeds WHERE article_id = ?"
        rows.setdefault("embed_links", []).extend(
            {"article_id": article_id, "url": url, "resolution_id": resolution_id} for url, resolution_id in
            conn.execute(f"SELECT url, resolution_id FROM embed_links WHERE embed_id IN ({old}) ORDER BY id",
                         [article_id]))
        for table in ("embed_links", "embed_posts", "identifications"):
            conn.execute(f"DELETE FROM [{table}] WHERE embed_id IN ({old})", [article_id])
        conn.execute("DELETE FROM embeds WHERE article_id = ?", [article_id])
        conn.execute("DELETE FROM credits WHERE article_id = ?", [article_id])
        conn.execute("UPDATE articles SET tool_version = ?, embed_count = ?, credit_count = ?, incomplete = ? "
                     "WHERE id = ?", [tool_version, len(embeds), len(credits),
                                      _json_or_null(article.get("incomplete") or None), article_id])
        rows["embeds"] += [{"article_id": article_id, "ordinal": i, **_flatten(r)} for i, r in enumerate(embeds)]
        rows["credits"] += [{"article_id": article_id, "ordinal": i, **_flatten(r)} for i, r in enumerate(credits)]

    def _tie_links_again(self, kept: Sequence[Mapping[str, Any]]) -> None:
        """The links' resolutions an article read again had tied to its old embeds (`_read_again`), tied to its new
        embeds that carry the same link (their URL, a link or a media link), each link to the resolution it was tied
        to last; `link_embeds` moves them to a newer one as before."""
        by_article: dict[int, dict[str, int]] = {}
        for row in kept:
            by_article.setdefault(row["article_id"], {})[row["url"]] = row["resolution_id"]
        for article_id, links in by_article.items():
            ties = []
            for embed_id, url, carried, media in self.conn.execute(
                    "SELECT id, url, links, media_links FROM embeds WHERE article_id = ? ORDER BY ordinal",
                    [article_id]):
                own = dict.fromkeys([url, *json.loads(carried or "[]"), *json.loads(media or "[]")])
                ties += [(embed_id, link, links[link]) for link in own if link in links]
            self.conn.executemany("INSERT OR REPLACE INTO embed_links (embed_id, url, resolution_id) VALUES (?, ?, ?)",
                                  ties)

    def _redecoded(self, article_id: int, article: Mapping[str, Any], rows: dict[str, list[dict[str, Any]]],
                   now: str) -> None:
        """The bytes of a recorded article read in the encoding the user named: when the record holds another (a
        guess, or another name), it takes the one named, with the credits and embeds found in the text so read.
        Credits are replaced; embeds are updated in place (other tables point at their ids), when the same posts were
        found in the same order; if not, the record is left as it was (all of it). Encodings are compared by codec
        ("latin1" is "ISO-8859-1"); a guess the user confirms only loses its mark. Either way the record says when
        the user named it (`encoding_given_at`): later runs read these bytes so, until another is named (newuser26,
        review26)."""
        conn = self.conn
        encoding, detected, given_at = conn.execute(
            "SELECT encoding, encoding_detected, encoding_given_at FROM articles WHERE id = ?", [article_id]).fetchone()
        if _same_reading(encoding, detected, given_at, article):
            return
        if _codec(encoding) == _codec(article["encoding"]):   # the same reading: only its mark and date change
            conn.execute("UPDATE articles SET encoding_detected = 0, encoding_given_at = ?, encoding_rival = '', "
                         "encoding_rivals = '[]' WHERE id = ?", [_given_at(article, now), article_id])
            return
        embeds, credits = article["embeds"], article["credits"]
        old = conn.execute("SELECT id, platform, url FROM embeds WHERE article_id = ? ORDER BY ordinal",
                           [article_id]).fetchall()
        if [(platform, url) for _, platform, url in old] != [(e["platform"], e["url"]) for e in embeds]:
            return   # other posts: the record is left whole as first read, not half corrected (review26)
        conn.execute("UPDATE articles SET encoding = ?, encoding_detected = 0, credit_count = ?, encoding_given_at = ?, "
                     "encoding_rival = '', encoding_rivals = '[]' WHERE id = ?", [article["encoding"], len(credits), _given_at(article, now),
                                                          article_id])
        conn.execute("DELETE FROM credits WHERE article_id = ?", [article_id])
        rows["credits"] += [{"article_id": article_id, "ordinal": i, **_flatten(r)} for i, r in enumerate(credits)]
        for (embed_id, _, _), embed in zip(old, embeds):
            values = _flatten(embed)
            conn.execute(f"UPDATE embeds SET {', '.join(f'[{c}] = ?' for c in values)} WHERE id = ?",
                         [*values.values(), embed_id])

    def _mark_truncated(self, article_id: int, source: str, reason: str) -> None:
        """A source of the article was a WARC record its crawler cut short. The article keeps the first reason
        recorded, even once the same bytes are read whole elsewhere: its row is a history of where those bytes came
        from, and each source says whether it was the one cut (article_sources.truncated). A report says what its
        own input's record was."""
        conn = self.conn
        conn.execute("UPDATE articles SET truncated = ? WHERE id = ? AND truncated IS NULL", [reason, article_id])
        conn.execute("UPDATE article_sources SET truncated = ? WHERE article_id = ? AND source = ?"
                     " AND truncated IS NULL", [reason, article_id, source])

    def _insert_rows(self, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Rows into a table, in order, in multi-row INSERTs: per run of rows with the same keys, as many as
        ROWS_PER_INSERT and SQLite's variable limit allow, a power of two at a time (so SQLite's statement cache
        holds a few forms of the statement, not one per count). Not executemany: each statement run on `embeds`
        makes its full-text trigger flush the index (FTS5 syncs at every statement's savepoint); one flush per
        embed was half of recording a chunk (#14)."""
        at = 0
        while at < len(rows):
            columns = tuple(rows[at])
            end = at + 1
            while end < len(rows) and tuple(rows[end]) == columns:
                end += 1
            most = max(1, min(ROWS_PER_INSERT, self._max_variables // len(columns)))
            while at < end:
                count = 1 << (min(end - at, most).bit_length() - 1)
                self.conn.execute(self._insert_sql(table, columns, count),
                                  [row[c] for row in rows[at:at + count] for c in columns])
                at += count

    def _insert_sql(self, table: str, columns: tuple[str, ...], count: int) -> str:
        key = (table, columns, count)
        sql = self._insert_sqls.get(key)
        if sql is None:
            values = ", ".join([f"({', '.join('?' * len(columns))})"] * count)
            sql = self._insert_sqls[key] = \
                f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES {values}"
        return sql

    def record_error(self, row: Mapping[str, Any]) -> int:
        """Append what went wrong with one input (source, stage, kind, message), so a batch can go on and the
        failure is still on record (#11)."""
        return self._append("errors", {"occurred_at": utc_now(), **row})

    def has_error(self, source: str, stage: str | None, kind: str | None, messages: Sequence[str], *,
                  article_id: int | None = None) -> bool:
        """Whether the errors table holds a row of this source, article, stage and kind with one of these messages:
        a failure the cache answers again is on record once, by the run that met it (CLOSING-stop36 "Batch runs":
        each re-run wrote its own row, and counts of the table multiplied). Once per article: another article under
        the same name (the file edited, the next page read from stdin) gets a row of its own (review38a)."""
        with self._lock:
            return self.conn.execute(
                f"SELECT 1 FROM errors WHERE source = ? AND article_id IS ? AND stage IS ? AND kind IS ? AND message IN "
                f"({', '.join('?' * len(messages))}) LIMIT 1",
                [source, article_id, stage, kind, *messages]).fetchone() is not None

    def errors(self) -> list[dict[str, Any]]:
        return self._where("errors", order_by="id")

    def embeds_for(self, article_id: int) -> list[dict[str, Any]]:
        rows = self._where("embeds", "article_id = ?", [article_id], order_by="ordinal")
        return [_unflatten(r) for r in rows]

    def credits_for(self, article_id: int) -> list[dict[str, Any]]:
        rows = self._where("credits", "article_id = ?", [article_id], order_by="ordinal")
        return [_unflatten(r) for r in rows]

    # -- the fetch log and resolutions ----------------------------------------------------------------------

    def record_fetch(self, row: Mapping[str, Any]) -> int:
        """Append one request to the fetch log; returns its id (what provenance points at). An answer replayed from
        a WARC record the log holds already (the same file's content, offset and request) is that row: one record is
        one fetch however often it is replayed (newuser32 #3: each replay of a WARC wrote its rows again)."""
        if row.get("via") != "warc" or not row.get("warc_sha256") or row.get("warc_offset") is None:
            return self._append("fetches", row)
        with self.write():
            found = self.conn.execute("SELECT id FROM fetches WHERE warc_sha256 = ? AND warc_offset = ? AND url = ? "
                                      "ORDER BY id LIMIT 1",
                                      [row["warc_sha256"], row["warc_offset"], row["url"]]).fetchone()
            return int(found[0]) if found else self._insert("fetches", row)

    def _append(self, table: str, row: Mapping[str, Any]) -> int:
        """One row appended in its own transaction, or in this thread's open one; its id. Inside an open write
        transaction no savepoint is made: one INSERT is atomic alone (#14: a resolution and its fetch rows paid
        three statements a row for it)."""
        with self._lock:
            if self.conn.in_transaction:   # only a write() of this thread, which holds the lock, opens one
                return self._insert(table, row)
        with self.write():
            return self._insert(table, row)

    # Plain SQL for what sqlite-utils' table methods did (they inspect the table on every call, #14). Values are
    # made SQL-ready as its insert makes them: lists, tuples and dicts as JSON, dates as ISO 8601.

    def _insert(self, table: str, row: Mapping[str, Any], *, verb: str = "INSERT") -> int:
        columns = list(row)
        sql = (f"{verb} INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
               f"VALUES ({', '.join('?' * len(columns))})")
        return _inserted(self.conn.execute(sql, [_sql_value(row[c]) for c in columns]).lastrowid)

    def _update(self, table: str, row_id: int, values: Mapping[str, Any]) -> None:
        if not values:
            return
        sets = ", ".join(f"[{c}] = ?" for c in values)
        done = self.conn.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?",
                                 [*(_sql_value(v) for v in values.values()), row_id])
        if done.rowcount != 1:
            raise CacheError(f"cannot update {table} row {row_id} in {self.path}: no such row")

    def _upsert(self, table: str, row: Mapping[str, Any], keys: Sequence[str]) -> None:
        """Insert the row, or update the given columns of the one with the same keys (a unique index)."""
        columns = list(row)
        updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c not in keys)
        self.conn.execute(
            f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT({', '.join(f'[{k}]' for k in keys)}) DO " + (f"UPDATE SET {updates}" if updates else "NOTHING"),
            [_sql_value(row[c]) for c in columns])

    def _rows(self, sql: str, args: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, args)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor]

    def _where(self, table: str, where: str | None = None, args: Sequence[Any] = (), *, order_by: str | None = None,
               limit: int | None = None) -> list[dict[str, Any]]:
        sql = f"SELECT * FROM [{table}]" + (f" WHERE {where}" if where else "") \
            + (f" ORDER BY {order_by}" if order_by else "") + (f" LIMIT {int(limit)}" if limit else "")
        return self._rows(sql, args)

    def _get(self, table: str, row_id: int) -> dict[str, Any]:
        rows = self._where(table, "id = ?", [row_id])
        if not rows:
            raise CacheError(f"cannot read {table} row {row_id} in {self.path}: no such row")
        return rows[0]

    def warc_file_here(self, recorded: str) -> Path | None:
        """The file a fetch-log row's WARC path names on this machine now, absolute: the path kept (absolute since
        archive38; a relative one, kept before, read from the current folder), else the file of its name beside the
        database (a cache moved with its WARCs), else None. Whether the record is still at the offset is the
        reader's to check."""
        path = Path(recorded)
        if path.is_file():
            return path.absolute()
        beside = self.path.parent / path.name
        return beside.absolute() if beside.is_file() else None

    def fetch(self, fetch_id: int) -> dict[str, Any]:
        self._noted(f"fetch {fetch_id}")
        return self._get("fetches", fetch_id)

    def not_replayed_from(self, fetch_ids: Sequence[int], digests: Sequence[str], *,
                          files: Sequence[str] = ()) -> list[int]:
        """Of these fetch-log rows, the ids of those not replayed from one of the WARC files of these sha256 `digests`:
        live answers, and another WARC's. A row replayed before the cache kept the file's sha256 (m029) is judged by
        the path it names, among `files`."""
        ids = list(dict.fromkeys(fetch_ids))
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        hashes, named = ", ".join("?" * len(digests)) or "NULL", ", ".join("?" * len(files)) or "NULL"
        self._noted(*(f"fetch {i}" for i in ids))
        return [row[0] for row in self.conn.execute(
            f"SELECT id FROM fetches WHERE id IN ({marks}) AND NOT (coalesce(via, 'live') = 'warc' AND "
            f"(warc_sha256 IN ({hashes}) OR warc_sha256 IS NULL AND coalesce(warc_file, '') IN ({named})))",
            [*ids, *digests, *files])]

    def refused_by_config(self, fetch_ids: Sequence[int]) -> list[tuple[str, str | None]]:
        """Of these fetch-log rows, the URL and purpose of each `[origins] only_configured` refused, its origin unmapped
        (error_kind "unmapped": no request was made), in one query (a warm run reads it for every cached post)."""
        ids = list(dict.fromkeys(fetch_ids))
        if not ids:
            return []
        self._noted(*(f"fetch {i}" for i in ids))
        return [(row[0], row[1]) for row in self.conn.execute(
            f"SELECT url, purpose FROM fetches WHERE id IN ({', '.join('?' * len(ids))}) AND error_kind = 'unmapped'",
            ids)]

    def of_no_known_age(self) -> frozenset[int]:
        """The fetch-log rows that are no answer of their source's at a known time: replayed from a WARC record that
        gives none (m024 `answered_at_unknown`), or a replay's "not-in-warc" (its WARC lacked the request: nothing
        of the source at all). Few, read in one query on m029's partial index, whatever the size of the log."""
        self._noted("fetches of no known age")
        return frozenset(row[0] for row in self.conn.execute(
            f"SELECT id FROM fetches WHERE {OF_NO_KNOWN_AGE}"))

    def answer_bodies(self, fetch_ids: Iterable[int | None]) -> list[tuple[bytes | None, bool | None]]:
        """The kept body of each of these fetch-log rows, with whether a configured secret was redacted out of it
        (`bodies.redacted`; None: kept before the cache said, v19); (None, None) for a row with no body kept."""
        found = []
        for fetch_id in dict.fromkeys(fetch_ids):
            row = self.conn.execute("SELECT bodies.data, bodies.redacted, bodies.sha256 FROM fetches LEFT JOIN bodies "
                                    "ON bodies.sha256 = fetches.body_sha256 WHERE fetches.id = ?",
                                    [fetch_id]).fetchone() if fetch_id else None
            self._noted(f"fetch {fetch_id}")
            sha256 = row[2] if row else None
            found.append((self._unpacked(sha256, row[0]) if row and row[0] is not None and sha256 else None,
                          None if row is None or row[1] is None else bool(row[1])))
        return found

    def fetches_for(self, url: str) -> list[dict[str, Any]]:
        self._noted(f"fetches {url}")
        return self._where("fetches", "url = ?", [url], order_by="id")

    def fetches_with_params(self, url: str) -> list[dict[str, Any]]:
        """The fetch rows of `url` as asked, and of it with more query parameters after it (`url&timestamp=...`),
        oldest first: every availability query of a URL, whatever its date (newuser33 #3). Through the url index."""
        self._noted(f"fetches {url}&")
        # "'" is the character after "&": the range holds every URL that starts with `url&`
        return self._where("fetches", "url = ? OR (url >= ? AND url < ?)", [url, f"{url}&", f"{url}'"], order_by="id")

    def record_resolution(self, row: Mapping[str, Any]) -> int:
        """Append one resolution (hops and post as JSON); history is kept, the newest answers."""
        return self._append("resolutions", {k: (json.dumps(v) if k in ("hops", "post", "fetch_ids") else v)
                                            for k, v in row.items()})

    def link_embeds(self, article_id: int, links: Sequence[tuple[int, str, int | None]]) -> None:
        """Tie (embed ordinal, link, resolution id) to an article's embeds; a link seen again points to its newest.
        A link with no resolution (offline, not cached) adds no row: the embed's own `links` already name it."""
        ids, present = self._embeds_with("embed_links", ("url", "resolution_id"), article_id)
        rows = [{"embed_id": ids[ordinal], "url": url, "resolution_id": resolution_id}
                for ordinal, url, resolution_id in links
                if ordinal in ids and resolution_id is not None and (ids[ordinal], url, resolution_id) not in present]
        if not rows:
            return   # nothing new: no write transaction (a read-only cache serves this)
        with self.write():
            for row in rows:
                self._insert("embed_links", row, verb="INSERT OR REPLACE")

    def latest_resolution(self, url: str, *, since: str | None = None) -> dict[str, Any] | None:
        """The newest resolution of a URL (resolved at or after `since`, an ISO time), or None: as
        `latest_resolutions` chooses it."""
        return self.latest_resolutions([url], since=since).get(url)

    def latest_resolutions(self, urls: Sequence[str], *, since: str | None = None) -> dict[str, dict[str, Any]]:
        """The newest resolution of each URL (resolved at or after `since`, an ISO time), in one query (#13: every
        link of an article at once): URL -> row, for the URLs that have one. A replay's "not-in-warc" that read no
        hop (its WARC lacked the link's first request) observed nothing of the link, so it is the newest only when
        the cache holds no answer of it at all (replay33: it outranked a live run's resolution, and a later `report
        --offline` said the link had failed); one whose WARC held a hop before it lacked the next is an answer
        (review33r1)."""
        found: dict[str, dict[str, Any]] = {}
        unique = list(dict.fromkeys(urls))
        for start in range(0, len(unique), 500):
            chunk = unique[start:start + 500]
            when, args = ("", list(chunk)) if since is None else (" AND resolved_at >= ?", [*chunk, since])
            self._noted(*(f"resolutions {url}" for url in chunk))
            # Each URL's newest row by a correlated max(id), one index search a URL: the same answer as
            # `id IN (SELECT max(id) ... GROUP BY url)`, which cost five times as much (#13: 38 against 8 us for
            # an article's two links). A newest row that observed nothing (rare: after a replay) is looked past
            # in a second read, so the common read stays on the index alone.
            rows = self._rows(f"WITH wanted(url) AS (VALUES {', '.join(['(?)'] * len(chunk))}) "
                              f"SELECT r.* FROM wanted JOIN resolutions r ON r.id = "
                              f"(SELECT max(id) FROM resolutions WHERE url = wanted.url{when})", args)
            for row in rows:
                if row["error"] and row["error"].startswith(NO_OBSERVATION) and not any(
                        hop.get("status") is not None for hop in json_column(row["hops"] or "[]")):
                    row = self._observed(row, when, args[len(chunk):])
                for key in ("hops", "post", "fetch_ids"):
                    row[key] = json_column(row[key]) if row[key] else None
                found[row["url"]] = row
                if self.noting is not None:
                    self.noting.stamps.append(_stamp(row["resolved_at"]))
        return found

    def _observed(self, row: dict[str, Any], when: str, since: list[str]) -> dict[str, Any]:
        """The newest resolution of `row`'s URL that observed the link (`when`/`since`: the same bound), or `row`
        itself, a "not-in-warc", when the cache holds no other."""
        found = self._rows(f"SELECT * FROM resolutions WHERE url = ?{when} AND NOT {OBSERVED_NOTHING}"
                           f" ORDER BY id DESC LIMIT 1", [row["url"], *since])
        return found[0] if found else row

    # -- raw bodies, posts, media -------------------------------------------------------------------------

    def keep_body(self, sha256: str, data: bytes, content_type: str | None = None, *, redacted: bool = False) -> None:
        """Keep a raw response once, compressed, addressed by its sha256 (the evidence a parser reads). `redacted`:
        a configured secret was taken out of it, so it is not byte for byte what the server sent (#11)."""
        with self.write():
            self.conn.execute(
                "INSERT OR IGNORE INTO bodies (sha256, data, bytes, content_type, stored_at, redacted) "
                "VALUES (?, ?, ?, ?, ?, ?)", [sha256, zlib.compress(data, 6), len(data), content_type, utc_now(),
                                              int(redacted)])

    def body_redacted(self, sha256: str) -> bool | None:
        """Whether the body kept under `sha256` had a configured secret redacted out of it; None when no such body
        is kept, or it was kept before the cache said (v19)."""
        row = self.conn.execute("SELECT redacted FROM bodies WHERE sha256 = ?", [sha256]).fetchone()
        return None if row is None or row[0] is None else bool(row[0])

    def body(self, sha256: str) -> bytes | None:
        self._noted(f"bodies {sha256}")
        row = self.conn.execute("SELECT data FROM bodies WHERE sha256 = ?", [sha256]).fetchone()
        return self._unpacked(sha256, row[0]) if row else None

    def _unpacked(self, sha256: str, data: bytes) -> bytes | None:
        """A kept body as it was received, or None when what is kept under `sha256` is not it: its compressed bytes
        cannot be read, or they hash otherwise. The evidence a report shows and cites by that sha256 must be what the
        hash names (newuser44b #2: a body edited in place was shown as the capture's words, citing its old hash; #8: a
        flipped bit ended the report with "internal error: Error -3 while decompressing data"). Noted in `damaged`,
        which a report names."""
        body, why = unpack_body(sha256, data)
        if why is not None:
            self.damaged[sha256] = why
        return body

    def body_damage(self, sha256: str) -> str | None:
        """Why the body kept under `sha256` is not the one that hash names (`unpack_body`), None when it is or none is
        kept."""
        self._noted(f"bodies {sha256}")
        row = self.conn.execute("SELECT data FROM bodies WHERE sha256 = ?", [sha256]).fetchone()
        why = unpack_body(sha256, row[0])[1] if row and row[0] is not None else None
        if why is not None:
            self.damaged[sha256] = why
        return why

    def warc_offset_of(self, url: str, record_id: str) -> int | None:
        """The offset the fetch log keeps for the WARC record `record_id` of an answer from `url` (read by the url
        index), None when no row keeps it: where the record a revisit refers to is (review45b)."""
        self._noted(f"fetches {url}")
        row = self.conn.execute("SELECT warc_offset FROM fetches WHERE url = ? AND warc_record_id = ? "
                                "AND warc_offset IS NOT NULL LIMIT 1", [url, record_id]).fetchone()
        return row[0] if row else None

    def fetches_of_body(self, sha256: str) -> list[int]:
        """The fetch-log rows whose answer is the body kept under `sha256` (a scan of the log: only for a body found
        damaged)."""
        return [row[0] for row in self.conn.execute("SELECT id FROM fetches WHERE body_sha256 = ? ORDER BY id",
                                                     [sha256])]

    def record_observation(self, post: Mapping[str, Any], observations: Sequence[Mapping[str, Any]],
                           *, observed_at: str | None, answered_at_unknown: str | None = None) -> int:
        """Append what each method said of a post (status over time is never overwritten) and keep the merged
        record as the post's current view. `post` has platform, post_id and the record fields; returns posts.id.
        `observed_at` None: the answers give no time (replayed from undated WARC records: `answered_at_unknown` says
        why); the observations and the post's latest observation then hold none, and no author is said seen then."""
        with self.write():
            row = self.post_row(post["platform"], post["post_id"])
            values = {k: post.get(k) for k in ("url", "status", "method", "author_handle", "author_name", "author_id",
                                               "text", "lang", "created_at")}
            values["record"] = json.dumps(post["record"], ensure_ascii=False)
            values["last_observed_at"] = observed_at
            if post.get("status") == "available" and observed_at is not None:
                values["last_available_at"] = observed_at
            older = False
            if row is None:
                post_row = self._insert("posts", {
                    "platform": post["platform"], "post_id": post["post_id"], "first_observed_at": observed_at,
                    **values})
            else:
                post_row = row["id"]
                if post.get("status") in ("error", "unknown") and row["status"] not in ("error", "unknown", None):
                    values = {k: v for k, v in values.items() if k in ("last_observed_at",)}   # keep what was known
                answered = view_answered_at(post.get("status"), (
                    (o.get("method"), o.get("status"), o.get("observed_at", observed_at)) for o in observations),
                    observed_at)
                view_at = self._view_order_at(post_row)
                if older := _older_than(answered, view_at):
                    # An older answer recorded now (a WARC replayed into this cache is dated by its WARC-Date):
                    # the view stays the newer sighting's, as `cache merge` keeps it, and the post's times never
                    # move back (review31r3: a 2023 replay made a post found deleted since read "available").
                    # It stays recorded below, the provenance of what that source said then.
                    values = {"first_observed_at": observed_at} if observed_at is not None and (
                        row["first_observed_at"] is None or observed_at < row["first_observed_at"]) else {}
                elif apart := tied_apart(row["status"], json_column(row["record"] or "null"), post, answered, view_at):
                    values |= {"status": "unknown", "record": json.dumps(
                        {**post["record"], "status": "unknown", "reason": apart}, ensure_ascii=False)}
                if values:
                    self._update("posts", post_row, values)
            self.add_observations(post_row, observations, observed_at=observed_at,
                                  answered_at_unknown=answered_at_unknown)
            if post.get("author_handle"):
                self._seen_author(post, observed_at, older=older)
            return post_row

    def _view_order_at(self, post_row: int) -> str | None:
        """When the post's view was answered, to order a write against it (`_older_than`): its latest dated sighting
        that said what the view says (`VIEW_ORDER_AT`; else that said what the post is: not an archived copy's, not an
        error's), as `cache merge` reads it. An answer that gives no time (an undated WARC record) is not newer than a
        dated one. A time after now (a WARC written by a machine whose clock ran ahead) is no time: it neither holds
        the view against an answer given now nor takes it from one (review32r3: a WARC-Date a year ahead kept a post
        "available" after a live run found it gone). A write answered at that very time, saying another status, leaves
        the view not known (`tied_apart`)."""
        found = self.conn.execute(f"SELECT {VIEW_ORDER_AT} FROM posts p WHERE p.id = ?",
                                  [utc_now(), utc_now(), post_row]).fetchone()
        return found[0] if found else None


    def _seen_author(self, post: Mapping[str, Any], observed_at: str | None, *, older: bool = False) -> None:
        """Keep the post's author in `authors`: the row of its handle as spelt, else the row of the same account (the
        same author id) under its handle in another case, spelt now as the newest answer gave it (urlforms32: X reads
        a handle in any case, and an account whose handle an answer gave re-cased, @River_Desk then @RIVER_DESK,
        became a second author). A row with no id, or another account's, under another case stays apart: a handle
        can pass to another account, and `author_sightings` reads that pairing. Through `authors_any_case`.
        What an `older` answer (older than the post's view) said of the account adds to what is known, never
        replaces it: its name and spelling stay the newer answer's, and its time only widens the account's first and
        last sightings (replay32). Older is judged by the account's last sighting too, not only by this post's view:
        the row is the account's, shared by its posts (review32r3: a 2023 replay of another post put back its 2023
        name and spelling and moved its last sighting back); an answer giving no time is older than a dated one."""
        platform, handle, author_id = post["platform"], post["author_handle"], post.get("author_id")
        seen = {} if observed_at is None else {"last_seen_at": observed_at}
        # an answer that gives no name (a deleted post's) leaves the name the account was last seen with (times35: it
        # was wiped, and `gone_accounts_most_cited` had no name of the account's to show)
        named = {"name": post["author_name"]} if post.get("author_name") else {}
        values = {"handle": handle, **named, "author_id": author_id, **seen}
        found = self.conn.execute("SELECT id, last_seen_at FROM authors WHERE platform = ? "
                                  "AND lower(handle) = lower(?) AND (handle = ? OR author_id = ?) "
                                  "ORDER BY handle = ? DESC, id LIMIT 1",
                                  [platform, handle, handle, author_id, handle]).fetchone()
        if found is None:
            author = self._insert("authors", {"platform": platform, **values})
        elif older or _older_than(observed_at, found[1]):
            author = int(found[0])
            self.conn.execute("UPDATE authors SET last_seen_at = max(COALESCE(last_seen_at, ?), "
                              "COALESCE(?, last_seen_at)) WHERE id = ?", [observed_at, observed_at, author])
        else:
            author = int(found[0])
            self._update("authors", author, values)
        self.conn.execute("UPDATE authors SET first_seen_at = min(COALESCE(first_seen_at, ?), "
                          "COALESCE(?, first_seen_at)) WHERE id = ?", [observed_at, observed_at, author])

    def add_observations(self, post_row: int, observations: Sequence[Mapping[str, Any]], *, observed_at: str | None,
                         answered_at_unknown: str | None = None) -> None:
        """Append observations of a post made by something other than its source (archived copies read by a lookup
        of their own), leaving its view and its latest observation as its source's answer left them: the status's
        time is that answer's, not the lookup's (left31: a resumed lookup made a week-old status look fresh)."""
        with self.write():
            # one write's observations: one run's answers, each at its own time (asof34); none when the answers give
            # no time (replayed from undated WARC records: the replay's time would read as theirs, replay29b)
            recorded_at = self._write_time(post_row) if observed_at is not None else None
            for obs in observations:
                if self._observed_already(post_row, obs):
                    continue
                self._insert("post_observations", {"post_row": post_row, "observed_at": observed_at,
                                                   "answered_at_unknown": answered_at_unknown,
                                                   "recorded_at": recorded_at, **obs})

    def _write_time(self, post_row: int) -> str:
        """This write's `recorded_at` for the post: now, or, when an earlier write of the post read the same time (a
        clock that ticks every 15.6 ms, as Windows' did for Python before 3.13, or one stepped back), the next
        microsecond free: each write of a post its own run (`runs_of` groups by it; times35: two writes reading one
        time were one run, their answers merged into one view by `fetch --reparse` and `--replay`)."""
        at = utc_now()
        while self.conn.execute("SELECT 1 FROM post_observations WHERE post_row = ? AND recorded_at = ? LIMIT 1",
                                [post_row, at]).fetchone():
            try:
                at = (datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ")
                      + timedelta(microseconds=1)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            except ValueError:   # not a time utc_now gives
                break
        return at

    def _observed_already(self, post_row: int, obs: Mapping[str, Any]) -> bool:
        """Whether the post holds this method's observation of this fetch already: one answer (a WARC record
        replayed again, whose fetch row is the first replay's) is one observation, however often it is recorded
        (newuser32 #3: a replayed lookup's observations counted four sightings of one answer)."""
        if obs.get("fetch_id") is None:
            return False
        return self.conn.execute("SELECT 1 FROM post_observations WHERE post_row = ? AND method IS ? AND fetch_id = ? "
                                 "LIMIT 1", [post_row, obs.get("method"), obs["fetch_id"]]).fetchone() is not None

    def set_post_view(self, post_row: int, post: Mapping[str, Any]) -> None:
        """Set a post's current view as given (record_observation keeps what was known when an answer says less;
        a view re-derived from every observation has applied that rule already)."""
        with self.write():
            values = {k: post.get(k) for k in ("url", "status", "method", "author_handle", "author_name", "author_id",
                                               "text", "lang", "created_at")}
            self._update("posts", post_row, values | {"record": json.dumps(post["record"], ensure_ascii=False)})

    def post_row(self, platform: str, post_id: str) -> dict[str, Any] | None:
        rows = self._where("posts", "platform = ? and post_id = ?", [platform, post_id], limit=1)
        return rows[0] if rows else None

    def post_row_counting(self, platform: str, post_id: str, *, method: str) -> tuple[dict[str, Any] | None, int]:
        """`post_row`, and how many of the post's observations `method` made of a fetch (0 with no row), in one
        read (#13: a warm run reads every post it shows, then its observations to find archived copies, which most
        posts have none of)."""
        cursor = self.conn.execute(
            f"SELECT p.*, {VIEW_AT} AS view_observed_at, (SELECT count(*) FROM post_observations o "
            "WHERE o.post_row = p.id AND o.method = ? AND o.fetch_id) FROM posts p "
            "WHERE p.platform = ? AND p.post_id = ? LIMIT 1", [method, platform, post_id])
        found = cursor.fetchone()
        if found is None:
            self._noted(f"posts {platform} {post_id}")
            return None, 0
        row = dict(zip([d[0] for d in cursor.description[:-1]], found))
        if self.noting is not None:
            self._noted(f"posts {platform} {post_id}", f"post_observations {row['id']}")
            self.noting.stamps.append(_stamp(row["view_observed_at"]))
        return row, found[-1]

    def author_sightings(self, platform: str, handle: str, *, post_id: str, author_id: str | None,
                         limit: int = 5) -> list[dict[str, Any]]:
        """Recorded answers, each with its fetch, that named `handle` (any case) as a post's author: answers about
        the post `post_id` (with no author id, or `author_id`), then answers about other posts with the author id
        `author_id` when the post's own say nothing, oldest first: the evidence that an account was renamed (#9).
        The post's own answers are read through its index; other posts' only when `authors` saw the handle with
        that id (or with none kept), in the order they were recorded, stopping at `limit`. Those two reads go
        through m013's indexes on these very expressions (keep them alike): they were scans, 110-160 ms an embed
        at 200,000 observations (scripts/bench_sightings.py)."""
        select = ("SELECT o.id, o.method, o.fetch_id, o.record, p.post_id, f.fetched_at, f.answered_at_unknown "
                  "FROM post_observations o JOIN posts p ON p.id = o.post_row JOIN fetches f ON f.id = o.fetch_id ")
        named = "lower(json_extract(o.record, '$.author.handle')) = lower(?)"
        found = self._rows(
            select + f"WHERE p.platform = ? AND p.post_id = ? AND {named} AND (? IS NULL OR "
            "json_extract(o.record, '$.author.id') IS NULL OR json_extract(o.record, '$.author.id') = ?) "
            f"ORDER BY o.id LIMIT {int(limit)}", [platform, post_id, handle, author_id, author_id])
        if found or author_id is None or not self._where(
                "authors", "platform = ? AND lower(handle) = lower(?) AND (author_id IS NULL OR author_id = ?)",
                [platform, handle, author_id], limit=1):
            return found
        return self._rows(
            select + f"WHERE p.platform = ? AND p.post_id != ? AND json_extract(o.record, '$.author.id') = ? "
            f"AND {named} ORDER BY o.id LIMIT {int(limit)}", [platform, post_id, author_id, handle])

    def handle_on_another_account(self, platform: str, handle: str, author_id: str) -> bool:
        """Whether `authors` saw `handle` (any case) with another account id than `author_id`: a record against
        reading the handle as that account's old one (newuser42b #5)."""
        return bool(self._where("authors", "platform = ? AND lower(handle) = lower(?) AND author_id IS NOT NULL "
                                "AND author_id != ?", [platform, handle, author_id], limit=1))

    def post_handles(self, platform: str, post_id: str) -> list[str]:
        """The handles a post was recorded under (any method, oldest first), then the others `authors` saw its
        author's id with (first seen first), each once whatever its case: where its archived copies may be filed,
        as the archive lists each URL apart (a post linked as /i/status/<id>, seen alive under its author's handle
        by an earlier run; a renamed account's post, captured under its old handle, review28, #9). Noted reads
        (m021 keys `authors` by author id): a warm run's memo holds them, and a new handle seen for the account
        retires it."""
        rows = self._rows("SELECT p.id AS post_row, json_extract(o.record, '$.author.handle') AS handle, "
                          "json_extract(o.record, '$.author.id') AS author_id FROM posts p LEFT JOIN "
                          "post_observations o ON o.post_row = p.id WHERE p.platform = ? AND p.post_id = ? "
                          "ORDER BY o.id", [platform, post_id])
        self._noted(f"posts {platform} {post_id}", *(f"post_observations {rows[0]['post_row']}" for _ in rows[:1]))
        ids = list(dict.fromkeys(str(r["author_id"]) for r in rows if r["author_id"] is not None))
        if ids:   # through m021's index
            rows += self._rows(f"SELECT handle FROM authors WHERE platform = ? AND author_id IN "
                               f"({', '.join('?' * len(ids))}) ORDER BY first_seen_at, id", [platform, *ids])
            self._noted(*(f"authors {platform} {author_id}" for author_id in ids))
        distinct: dict[str, str] = {}
        for row in rows:
            if isinstance(row["handle"], str) and row["handle"]:
                distinct.setdefault(row["handle"].casefold(), row["handle"])
        return list(distinct.values())

    def account_names(self, platform: str, name: str) -> list[str]:
        """The other names `authors` recorded an account under, each once: the author id recorded with the handle
        `name` (any case), or the handles recorded with the author id `name` (first seen first). Bluesky: a
        handle's DID, a DID's handles, as an answer about one of its posts named them both (urlforms31). Through
        m013's and m021's indexes."""
        rows = self._rows("SELECT author_id AS name FROM authors WHERE platform = ? AND lower(handle) = lower(?) "
                          "AND author_id IS NOT NULL", [platform, name])
        self._noted(*(f"authors {platform} {row['name']}" for row in rows))
        by_id = self._rows("SELECT handle AS name FROM authors WHERE platform = ? AND author_id = ? "
                           "ORDER BY first_seen_at, id", [platform, name])
        if by_id:
            self._noted(f"authors {platform} {name}")
        return list(dict.fromkeys(str(row["name"]) for row in rows + by_id if row["name"] and row["name"] != name))

    def observations(self, post_row: int) -> list[dict[str, Any]]:
        self._noted(f"post_observations {post_row}")
        return self._where("post_observations", "post_row = ?", [post_row], order_by="id")

    def update_observation(self, observation_id: int, record: Mapping[str, Any], status: str, reason: str | None) -> None:
        with self.write():
            self._update("post_observations", observation_id, {
                "record": json.dumps(record, ensure_ascii=False), "status": status, "reason": reason,
                "reparsed_at": utc_now()})

    def all_post_rows(self) -> list[dict[str, Any]]:
        return self._where("posts", order_by="id")

    def record_media(self, row: Mapping[str, Any]) -> int:
        """Facts about one media URL (the newest fetch wins); returns media.id."""
        record = {**row, "credit": json.dumps(row.get("credit") or {}, ensure_ascii=False),
                  "warnings": json.dumps(row.get("warnings") or [], ensure_ascii=False)}
        if "credit_unsure" in row:   # a failed download's row names none: the facts an earlier one found stay
            record["credit_unsure"] = json.dumps(row["credit_unsure"] or {}, ensure_ascii=False)
        with self.write():
            self._upsert("media", record, ("url",))
            return int(self.conn.execute("SELECT id FROM media WHERE url = ?", [row["url"]]).fetchone()[0])

    def media_by_url(self, url: str) -> dict[str, Any] | None:
        self._noted(f"media {url}")
        rows = self._rows("SELECT * FROM media WHERE url = ? LIMIT 1", [url])
        if not rows:
            return None
        row = rows[0]
        row["credit"] = json_column(row["credit"] or "{}")
        row["warnings"] = json_column(row["warnings"] or "[]")
        row["credit_unsure"] = json_column(row.get("credit_unsure") or "{}")
        return row

    def link_post_media(self, post_row: int, media_ids: Sequence[int]) -> None:
        known = {row[0] for row in self.conn.execute("SELECT media_id FROM post_media WHERE post_row = ?", [post_row])}
        new = [(ordinal, media_id) for ordinal, media_id in enumerate(media_ids) if media_id not in known]
        if not new:
            return   # nothing to write: a read-only cache serves this
        with self.write():
            for ordinal, media_id in new:
                self.conn.execute("INSERT OR IGNORE INTO post_media (post_row, media_id, ordinal) VALUES (?, ?, ?)",
                                     [post_row, media_id, ordinal])

    def link_embed_post(self, embed_id: int, post_row: int) -> None:
        self._noted(f"embed_posts {embed_id}")
        if self.conn.execute("SELECT 1 FROM embed_posts WHERE embed_id = ? AND post_row = ?",
                             [embed_id, post_row]).fetchone():
            return   # nothing to write: a read-only cache serves this
        with self.write():
            self.conn.execute("INSERT OR IGNORE INTO embed_posts (embed_id, post_row) VALUES (?, ?)",
                                 [embed_id, post_row])

    def link_embed_posts(self, article_id: int, links: Sequence[tuple[int, int]]) -> None:
        """Tie (embed ordinal, posts row) to an article's embeds; an ordinal the article has no embed for is
        skipped. Reads what is tied already in one query (#13: two before, each post of a warm run)."""
        ids, present = self._embeds_with("embed_posts", ("post_row",), article_id)
        new = list(dict.fromkeys((ids[ordinal], post_row) for ordinal, post_row in links
                                 if ordinal in ids and (ids[ordinal], post_row) not in present))
        if not new:
            return   # nothing to write: a read-only cache serves this
        with self.write():
            for embed_id, post_row in new:
                self.conn.execute("INSERT OR IGNORE INTO embed_posts (embed_id, post_row) VALUES (?, ?)",
                                  [embed_id, post_row])

    def _embeds_with(self, table: str, columns: tuple[str, ...],
                     article_id: int) -> tuple[dict[int, int], set[tuple[Any, ...]]]:
        """An article's embeds (ordinal -> embeds.id) and the rows of `table` tied to them, as (embed_id,
        *columns) tuples, in one query (#13: two before)."""
        ids: dict[int, int] = {}
        present: set[tuple[Any, ...]] = set()
        sql = _EMBEDS_WITH.get((table, columns))
        if sql is None:
            sql = _EMBEDS_WITH[table, columns] = (
                f"SELECT e.ordinal, e.id, t.id, {', '.join(f't.[{c}]' for c in columns)} FROM embeds e "
                f"LEFT JOIN [{table}] t ON t.embed_id = e.id WHERE e.article_id = ?")
        for ordinal, embed_id, tied, *values in self.conn.execute(sql, [article_id]):
            ids[ordinal] = embed_id
            if tied is not None:
                present.add((embed_id, *values))
        self._noted(f"embeds {article_id}", *(f"{table} {embed_id}" for embed_id in ids.values()))
        return ids, present

    def settle_embed_doubts(self, article_id: int, doubts: Mapping[int, str | None]) -> None:
        """Set the `id_doubt` of an article's embeds by ordinal, where a recorded answer settled what its reading left
        in doubt (a Bluesky post linked by DID whose answer names the signature's handle: newuser38b #1). Writes
        nothing when each already says so (a read-only cache serves a warm run)."""
        self._noted(f"embeds {article_id}")
        rows = self.conn.execute("SELECT ordinal, id, id_doubt FROM embeds WHERE article_id = ?", [article_id])
        changes = [(doubts[ordinal], embed_id) for ordinal, embed_id, doubt in rows
                   if ordinal in doubts and doubts[ordinal] != doubt]
        if not changes:
            return
        with self.write():
            self.conn.executemany("UPDATE embeds SET id_doubt = ? WHERE id = ?", changes)

    def embed_ids(self, article_id: int) -> dict[int, int]:
        """ordinal -> embeds.id for one article."""
        self._noted(f"embeds {article_id}")
        return dict(self.conn.execute("SELECT ordinal, id FROM embeds WHERE article_id = ?", [article_id]).fetchall())

    # -- memos of cached steps (#13) --------------------------------------------------------------------------

    def step_memo(self, article_id: int, key: str) -> tuple[str | None, str | None, int, int, str] | None:
        """The memo kept for an article under `key`: (since, fresh_until, unavailable, failed, tail), or None."""
        if not self.memos_kept:
            return None
        return self.conn.execute("SELECT since, fresh_until, unavailable, failed, tail FROM step_memos "
                                 "WHERE article_id = ? AND key = ?", [article_id, key]).fetchone()

    def keep_step_memo(self, article_id: int, key: str, memo: tuple[str | None, str | None, int, int, str],
                       reads: Sequence[str]) -> None:
        """Keep a memo (as `step_memo` gives it) with the keys of the rows it was made from, in place of any kept
        under the same key: a write to one of those rows deletes it (the triggers of migration m014). The article
        keeps its newest `MEMOS_KEPT` memos only."""
        with self.write():
            self.conn.execute("DELETE FROM step_memos WHERE article_id = ? AND key = ?", [article_id, key])
            memo_id = _inserted(self.conn.execute(
                "INSERT INTO step_memos (article_id, key, since, fresh_until, unavailable, failed, tail, made_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [article_id, key, *memo, utc_now()]).lastrowid)
            self.conn.executemany("INSERT INTO step_memo_keys (key, memo) VALUES (?, ?)",
                                  [(read, memo_id) for read in dict.fromkeys(reads)])
            # The article's older memos beyond the newest few go, in the same transaction (their keys with them:
            # m014's step_memos_deleted trigger); ids follow the order memos were kept (AUTOINCREMENT).
            self.conn.execute("DELETE FROM step_memos WHERE article_id = ? AND id < (SELECT min(id) FROM (SELECT id "
                              "FROM step_memos WHERE article_id = ? ORDER BY id DESC LIMIT ?))",
                              [article_id, article_id, MEMOS_KEPT])

    # -- archives ----------------------------------------------------------------------------------------

    def record_snapshots(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Snapshots as the archive listed them; one row per (service, snapshot URL), the newest sighting kept: by its
        lookup's time, not by which was written last (times35: a slow lookup written after a newer one moved "last
        listed" back), a time after now being none, as `cache merge` keeps it."""
        if not rows:
            return
        now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        with self.write():
            for row in rows:
                self.conn.execute(
                    "INSERT INTO snapshots (service, original, url, timestamp, status, digest, mimetype, found_via,"
                    " observed_at, fetch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT(service, url) DO UPDATE SET observed_at = excluded.observed_at,"
                    " fetch_id = excluded.fetch_id WHERE IFNULL(CASE WHEN excluded.observed_at <= "
                    f"{now} THEN excluded.observed_at END >= IFNULL(CASE WHEN snapshots.observed_at <= {now} THEN "
                    "snapshots.observed_at END, ''), 0)",
                    [row[k] for k in ("service", "original", "url", "timestamp", "status", "digest", "mimetype",
                                      "found_via", "observed_at", "fetch_id")])

    def snapshots_for(self, original: str) -> list[dict[str, Any]]:
        return self._where("snapshots", "original = ?", [original], order_by="timestamp")

    def cdx_lists_any_case(self, url: str) -> list[dict[str, Any]]:
        """The fetch rows of a CDX query (purpose "wayback-cdx") asked as `url` in any case (ASCII), oldest first: the
        archive reads the URL it lists in lower case, so they are one list (review32r3). Through m040's index. A
        prefix query's rows asked with COLLAPSED_CDX after it too: the same query as earlier versions sent it
        (archive38), what an offline run knows of the lookup (a live run asks again: `archive._kept`)."""
        self._noted(f"fetches {url}")
        if "matchType=prefix" not in url or url.endswith(COLLAPSED_CDX):
            return self._where("fetches", "purpose = 'wayback-cdx' AND lower(url) = lower(?)", [url], order_by="id")
        return self._where("fetches", "purpose = 'wayback-cdx' AND lower(url) IN (lower(?), lower(?))",
                           [url, url + COLLAPSED_CDX], order_by="id")

    def availability_any_case(self, url: str, *, with_params: bool = False) -> list[dict[str, Any]]:
        """The fetch rows of an availability query (purpose "wayback-available") asked as `url` in any case (ASCII),
        oldest first, and with `with_params` of it with more parameters after it (`url&timestamp=...`, as
        `fetches_with_params`): the archive reads the URL it answers for in lower case (runs34). Through m050's
        index."""
        self._noted(f"fetches {url}{'&' if with_params else ''}")
        key, available = url.lower(), "purpose = 'wayback-available' AND "
        rows = self._where("fetches", f"{available}lower(url) = ?", [key], order_by="id")
        if with_params:   # "'" is the character after "&": the range holds every URL that starts with `url&` (two
            # reads, each on the index: one with an OR read the whole fetch log)
            rows = sorted(rows + self._where("fetches", f"{available}lower(url) >= ? AND lower(url) < ?",
                                             [f"{key}&", f"{key}'"], order_by="id"), key=lambda row: row["id"])
        return rows

    def snapshots_any_case(self, originals: Sequence[str]) -> list[dict[str, Any]]:
        """Snapshots listed under any of `originals` in any case (ASCII), as a CDX lookup of one lists them: the
        archive files a capture under a urlkey in lower case. Which of them are of the same thing is the caller's
        to decide (a post id in another case may be another post)."""
        keys = list(dict.fromkeys(original.lower() for original in originals))
        if not keys:
            return []
        return self._where("snapshots", f"lower(original) IN ({', '.join('?' * len(keys))})", keys,
                           order_by="timestamp")

    def queue_save(self, url: str, *, post: tuple[str, str] | None = None) -> int:
        """Queue a capture unless one is already pending for this URL, or for the post it names (`post`: platform and
        post id, the same for every spelling of its URL: X reads a handle in any case); returns the queue row id."""
        with self.write():
            existing = self.conn.execute(
                f"SELECT id FROM saves WHERE ({_SAVE_OF}) AND status IN ('pending', 'submitted') ORDER BY id",
                _save_of(url, post)).fetchone()
            if existing:
                return int(existing[0])
            now = utc_now()
            return self._insert("saves", {"url": url, "status": "pending", "attempts": 0, "queued_at": now,
                                          "updated_at": now, "platform": post[0] if post else None,
                                          "post_id": post[1] if post else None})

    def pending_saves(self) -> list[dict[str, Any]]:
        """The saves still to do, oldest first: queued ones, and submitted ones whose job was never seen to end."""
        return self._where("saves", "status IN ('pending', 'submitted')", order_by="queued_at, id")

    def update_save(self, save_id: int, values: Mapping[str, Any]) -> None:
        """What a save did; the outcome of a submitted job is the same attempt as its submission."""
        with self.write():
            row = self._get("saves", save_id)
            attempts = (row["attempts"] or 0) + (0 if row["status"] == "submitted" else 1)
            self._update("saves", save_id, {**{k: v for k, v in values.items() if k in (
                "status", "job_id", "status_ext", "message", "snapshot_url", "timestamp", "url")},
                "attempts": attempts, "updated_at": utc_now()})

    def latest_save(self, url: str, *, post: tuple[str, str] | None = None) -> dict[str, Any] | None:
        """The latest save of `url`, or of the post it names under any spelling of its URL (`post`, as queue_save's:
        a post saved as x.com/RivertonRoads/status/<id> is saved for twitter.com/rivertonroads/status/<id>, #15)."""
        rows = self._where("saves", _SAVE_OF, _save_of(url, post), order_by="id desc", limit=1)
        return rows[0] if rows else None

    def record_identification(self, row: Mapping[str, Any]) -> int:
        record = {**row, "evidence": json.dumps(row.get("evidence") or {}), "identified_at": utc_now()}
        with self.write():
            return self._insert("identifications", record)

    def statuses_observed(self, since: str) -> tuple[int, str | None, str | None, int]:
        """The posts whose status says what they are (not an error, not unknown) and their latest answer's time (by
        the source's time): how many, the oldest and newest of those times, and how many are older than `since`
        (newuser32c #4: the research views say "now deleted" as of no stated time)."""
        # each post's latest answer that said what it is, as `_view_order_at` reads the view: the post's own last
        # observation moves with an error answer, which keeps the status it holds (review32r5 #4)
        found = self.conn.execute(
            "SELECT count(*), min(at), max(at), count(CASE WHEN at < ? THEN 1 END) FROM ("
            f"SELECT {STATUS_SAID_AT} AS at "
            "FROM posts p WHERE p.status NOT IN ('error', 'unknown')) WHERE at IS NOT NULL", [since]).fetchone()
        return found[0], found[1], found[2], found[3]

    def count(self, table: str) -> int:
        if self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                             [table]).fetchone() is None:
            return 0
        return int(self.conn.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0])

    # -- corpus runs: where articles came from, and what is finished (#13) -----------------------------------

    def record_source_url(self, article_id: int, source: str, url: str) -> None:
        """The URL a source of an article was fetched from (WARC-Target-URI, a JSON Lines field) and its host,
        the outlet the research views group by (lower case, no leading www.)."""
        with self.write():
            self._set_source_url(article_id, source, url)

    def _set_source_url(self, article_id: int, source: str, url: str) -> None:
        from urllib.parse import urlsplit

        try:
            host = (urlsplit(url).hostname or "").removeprefix("www.") or None
        except ValueError:
            host = None
        self.conn.execute("UPDATE article_sources SET url = ?, host = ? WHERE article_id = ? AND source = ?",
                             [url, host, article_id, source])

    def mark_done(self, job: str, rows: Sequence[Mapping[str, Any]], *, run: str | None = None) -> None:
        """Record input items as finished by a job (`key`, `source`, `article_id`, `outcome`: "done", "failed",
        "skipped" (no article) or "unavailable" (offline, never fetched),
        `steps_failed`: 1 when a step failed for its article), in one transaction, by the run `run` names; an item
        recorded again keeps the newest record."""
        now = utc_now()
        with self.write():
            self.conn.executemany(
                "INSERT INTO progress (job, key, source, article_id, outcome, finished_at, run, steps_failed)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(job, key) DO UPDATE SET source = excluded.source, article_id = excluded.article_id,"
                " outcome = excluded.outcome, finished_at = excluded.finished_at, run = excluded.run,"
                " steps_failed = excluded.steps_failed",
                [(job, r["key"], r.get("source"), r.get("article_id"), r.get("outcome", "done"), now, run,
                  r.get("steps_failed", 0)) for r in rows])

    def job_totals(self, job: str) -> dict[str, int | None]:
        """What every run of an unfinished job finished, read before the last run forgets it (newuser46b #4: a
        resumed run's summary said its own counts only): `inputs` done, `failed` (inputs that could not be
        read), `articles` (distinct: an article is its bytes), the `embeds` and `credits` of the inputs and
        `article_embeds`, `article_credits` counting each article once, and `steps_failed`, the inputs whose
        article a step failed for (None when a row marked before v87 does not say), `skipped` (no article: binary,
        empty) and `unavailable` (offline, never fetched), each marked "failed" before (review46i)."""
        # Each source's newest row: a file edited since an earlier run finished it (another size and time, another
        # key) or a record moved by an edit is one input, its older row stale (review46i: "5 files, 4 articles (1
        # the same bytes as another file)" of 4 files and 4 articles, after one was edited)
        latest = ("SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY COALESCE(source, key)"
                  " ORDER BY finished_at DESC, id DESC) AS newest FROM progress WHERE job = ?) WHERE newest = 1")
        row = self.conn.execute(
            "SELECT COUNT(p.article_id), SUM(p.outcome = 'failed'), COUNT(DISTINCT p.article_id),"
            " COALESCE(SUM(a.embed_count), 0), COALESCE(SUM(a.credit_count), 0),"
            " SUM(p.steps_failed), SUM(p.outcome = 'done' AND p.steps_failed IS NULL),"
            " SUM(p.outcome = 'skipped'), SUM(p.outcome = 'unavailable')"
            f" FROM ({latest}) p LEFT JOIN articles a ON a.id = p.article_id", [job]).fetchone()
        once = self.conn.execute(
            "SELECT COALESCE(SUM(embed_count), 0), COALESCE(SUM(credit_count), 0) FROM articles WHERE id IN"
            f" (SELECT article_id FROM ({latest}))", [job]).fetchone()
        return {"inputs": row[0], "failed": row[1] or 0, "articles": row[2], "embeds": row[3], "credits": row[4],
                "article_embeds": once[0], "article_credits": once[1],
                "steps_failed": None if row[6] else (row[5] or 0), "skipped": row[7] or 0, "unavailable": row[8] or 0}

    def is_done(self, job: str, key: str) -> bool:
        """Whether an unfinished run of this job finished this item (an item that failed is tried again)."""
        return self.conn.execute("SELECT 1 FROM progress WHERE job = ? AND key = ? AND outcome = 'done'",
                                    [job, key]).fetchone() is not None

    def done_articles_under(self, job: str, prefix: str) -> dict[str, str]:
        """The sha256 of the articles an unfinished run of this job finished under keys that start with `prefix`
        (a file's path, whatever its size and time were then), each with the source it was finished as. A range on
        the (job, key) index, not a scan."""
        bound = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        rows = self.conn.execute(
            "SELECT a.sha256, p.source FROM progress p JOIN articles a ON a.id = p.article_id"
            " WHERE p.job = ? AND p.key >= ? AND p.key < ? AND p.outcome = 'done'", [job, prefix, bound])
        return {row[0]: row[1] for row in rows}

    def finished_as(self, job: str, source: str) -> bool:
        """Whether an unfinished run of this job finished an item shown as `source`, under any key (a record of a
        feed, edited or moved since, has another key now)."""
        return self.conn.execute("SELECT 1 FROM progress WHERE job = ? AND source = ? AND outcome = 'done' LIMIT 1",
                                 [job, source]).fetchone() is not None

    def progress_sources(self, job: str) -> Iterator[tuple[str, str | None]]:
        """Each item the job's runs finished (done or failed): its progress key and the source it was shown as."""
        yield from self.conn.execute("SELECT key, source FROM progress WHERE job = ?", [job])

    def forget_sources(self, job: str, sources: Collection[str]) -> None:
        """Forget the items of the job shown as `sources`, under any key: inputs gone from the run's input whose
        lines left the output file, in the transaction that records its new length (review38a: a file moved out and
        back, keeping its key, was skipped as finished by the run after, its line no longer in the file)."""
        if not sources:
            return
        with self.write():
            self.conn.executemany("DELETE FROM progress WHERE job = ? AND source = ?",
                                  [(job, source) for source in sorted(sources)])

    def job_articles(self, job: str) -> Iterator[tuple[int, str]]:
        """The articles the job's unfinished runs finished, each with the source it was finished as, in the order
        they were first finished: an input of the run going on that has the same bytes is the same article."""
        yield from self.conn.execute("SELECT article_id, source FROM progress WHERE job = ? AND outcome = 'done'"
                                     " AND article_id IS NOT NULL AND source IS NOT NULL ORDER BY id", [job])

    def finished_any(self, job: str) -> bool:
        """Whether an unfinished run of this job finished any item (else a run has nothing to skip)."""
        return self.conn.execute("SELECT 1 FROM progress WHERE job = ? AND outcome = 'done' LIMIT 1",
                                 [job]).fetchone() is not None

    def done_count(self, job: str) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM progress WHERE job = ? AND outcome = 'done'",
                                        [job]).fetchone()[0])

    def forget_progress(self, job: str, *, run: str | None = None) -> None:
        """A run of the job went to its end: the next run with the same arguments starts afresh (its output file
        too). With `run` (the id a run gave `mark_done`), only the items that run finished are forgotten: what an
        earlier, interrupted run finished, or a concurrent run of the job, is still skipped."""
        with self.write():
            if run is not None:
                self.conn.execute("DELETE FROM progress WHERE job = ? AND run = ?", [job, run])
                return
            self.conn.execute("DELETE FROM progress WHERE job = ?", [job])
            self.conn.execute("DELETE FROM run_outputs WHERE job = ?", [job])

    def output_length(self, job: str) -> int | None:
        """How long the job's output file was when it last marked items finished (None: no run of it wrote one)."""
        row = self.conn.execute("SELECT length FROM run_outputs WHERE job = ?", [job]).fetchone()
        return None if row is None else int(row[0])

    def output_pending(self, job: str) -> tuple[str, str] | None:
        """The rewrite of the job's output file committed and perhaps not yet renamed over it: the new file's path
        and the sha256 of its recorded length (None: none)."""
        row = self.conn.execute("SELECT pending, pending_sha256 FROM run_outputs WHERE job = ?", [job]).fetchone()
        return None if row is None or row[0] is None else (str(row[0]), str(row[1]))

    def record_output(self, job: str, path: str, length: int, *, pending: tuple[str, str] | None = None) -> None:
        """The job's output file and its length now: called in the transaction that marks the items whose lines
        it holds finished, so the two always agree (#13). `pending`: the file is being rewritten, the new one (its
        path and the sha256 of its `length` bytes) to be renamed over it once this commits (`output_pending`)."""
        new, sha256 = pending or (None, None)
        with self.write():
            self.conn.execute(
                "INSERT INTO run_outputs (job, path, length, updated_at, pending, pending_sha256)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(job) DO UPDATE SET path = excluded.path,"
                " length = excluded.length, updated_at = excluded.updated_at, pending = excluded.pending,"
                " pending_sha256 = excluded.pending_sha256",
                [job, path, length, utc_now(), new, sha256])


_SQL_READY = frozenset({str, int, float, bytes, bool, type(None)})
_EMBEDS_WITH: dict[tuple[str, tuple[str, ...]], str] = {}   # Store._embeds_with's query per table, made once


def unpack_body(sha256: str, data: bytes) -> tuple[bytes | None, str | None]:
    """A `bodies` row's compressed `data` unpacked, with None for why it is not the body its key `sha256` names; or
    (None, why) when it is not."""
    try:
        body = zlib.decompress(data)
    except zlib.error as exc:
        return None, f"its compressed bytes cannot be read ({exc})"
    actual = hashlib.sha256(body).hexdigest()
    return (body, None) if actual == sha256 else (None, f"it hashes to {actual}, not to the sha256 it is kept under")


def _sql_value(value: Any) -> Any:
    """A value as sqlite-utils' insert stores it (its jsonify_if_needed)."""
    if type(value) in _SQL_READY:   # nearly every value: no isinstance chain for it (#14)
        return value
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, default=repr, ensure_ascii=False)
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (timedelta, UUID)):
        return str(value)
    decimal = sys.modules.get("decimal")   # no value is a Decimal unless its module was loaded (#14: 1 ms a start)
    if decimal is not None and isinstance(value, decimal.Decimal):
        return float(value)
    return value


def _inserted(row_id: Any) -> int:
    """The id of the row an INSERT made: typed Optional by sqlite3 and sqlite-utils, always set after one."""
    if row_id is None:
        raise CacheError("the database reported no id for a row it inserted")
    return int(row_id)


_JSON_FIELDS = ("media_links", "links", "also_at", "other_words", "moments", "other_handles")


def _codec(name: str | None) -> str | None:
    """An encoding's canonical name ("LATIN-1", "latin1" and "iso-8859-1" are one), or the name as given."""
    import codecs

    try:
        return codecs.lookup(name).name if name else name
    except LookupError:
        return name


def _json_or_null(value: Any) -> str | None:
    """A list kept as JSON text, or NULL for a value not known (None)."""
    return None if value is None else json.dumps(value)


def _given_at(article: Mapping[str, Any], now: str) -> str | None:
    """When the user named the article's encoding: as an earlier run recorded it, or now (this run's --encoding)."""
    return (article.get("encoding_given_at") or now) if article.get("encoding_given") else None


def _read_again(recorded: str | None, recorded_by: str | None, article: Mapping[str, Any], tool_version: str) -> bool:
    """Whether a reading replaces the recorded one of the same bytes: the record's lost a step (`incomplete`, #10),
    and this one is whole, or was made by another tool version (which may have fixed the step: a re-run knows by
    `tool_version`), or lost other steps."""
    if recorded is None:
        return False
    now = article.get("incomplete") or None
    return now is None or recorded_by != tool_version or json.loads(recorded) != now


def _same_reading(encoding: str | None, detected: int | None, given_at: str | None,
                  article: Mapping[str, Any]) -> bool:
    """Does the record (its encoding, whether guessed, when given) already say what an article read in a given
    encoding says? A record without the date it was given (one made before m017, or a declared charset) does not:
    it was left so, and later runs guessed again for bytes the user had named an encoding for (review27a #4)."""
    return not detected and given_at is not None and _codec(encoding) == _codec(article["encoding"])


def _flatten(record: Mapping[str, Any]) -> dict[str, Any]:
    """Spans become two indexed columns, lists become JSON text, so datasette shows them plainly."""
    row = dict(record)
    if "span" in row:
        row["span_start"], row["span_end"] = row.pop("span")
    for key in _JSON_FIELDS:
        if key in row:
            value = row[key]
            row[key] = json.dumps(list(value), ensure_ascii=False) if value else "[]"
    return row


def _unflatten(row: Mapping[str, Any]) -> dict[str, Any]:
    record = dict(row)
    record["span"] = [record.pop("span_start"), record.pop("span_end")]
    for key in _JSON_FIELDS:
        if key in record and isinstance(record[key], str):
            record[key] = json.loads(record[key])
    return record


# A save is of its URL, or of the post that URL names (platform, post id: the identity posts are kept by), whatever
# the spelling it was queued under (v44).
_SAVE_OF = "url = ? OR (platform = ? AND post_id = ?)"


def _save_of(url: str, post: tuple[str, str] | None) -> list[Any]:
    return [url, *(post or (None, None))]
