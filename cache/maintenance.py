"""Looking after a cache database: what is in it, export of any table or view, vacuum, pruning warm-run memos."""

from __future__ import annotations

import json
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from cache.store import CacheError, Store, UnknownName

EXPORT_FORMATS = ("csv", "jsonl")
# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets (OWASP "CSV
# injection"): `=HYPERLINK(...)` in a post's text would be a live link, or worse, in an editor's spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _free_bytes(store: Store) -> int:
    """The bytes of the pages the file holds free (its freelist)."""
    [(free, size)] = store.conn.execute("SELECT freelist_count, page_size FROM pragma_freelist_count, "
                                        "pragma_page_size").fetchall()
    return int(free) * int(size)


def stats(store: Store) -> dict[str, Any]:
    """Size on disk, schema version, rows per table, the views, the full-text indexes, and the warm-run memos: how
    many, with how many keys, and the bytes they take."""
    db = store.db
    files = [store.path, store.path.with_name(store.path.name + "-wal")]
    older = _older_versions(store)
    return {
        "path": str(store.path),
        "bytes": sum(p.stat().st_size for p in files if p.exists()),
        # the pages free inside the file (a finished run's deleted progress rows): `cache vacuum` gives them back to
        # the disk (newuser39b #7: a third of a 100k run's file, and stats said nothing of it)
        "free_bytes": _free_bytes(store),
        "schema_version": store.schema_version,
        # the articles, embeds and credits of each source's current version: what the views count (v51)
        "tables": {name: store.count(name) - older.get(name, 0) for name in _user_tables(store)},
        "older_versions": older,
        "views": sorted(db.view_names()),
        "full_text": {name: fts for name in _user_tables(store) if (fts := db.table(name).detect_fts())},
        "memos": {"count": store.count("step_memos"), "keys": store.count("step_memo_keys"),
                  "bytes": _memo_bytes(store)},
        # kept bodies that are not what the server sent: a configured secret it echoed was redacted out (#11)
        "bodies_redacted": db.execute("SELECT count(*) FROM bodies WHERE redacted = 1").fetchone()[0],
        "encodings_guessed": _encodings_guessed(store),
    }


def _older_versions(store: Store) -> dict[str, int]:
    """The articles kept that are no source's current version (an edited page's earlier bytes, v51, newuser34b #1),
    and their embeds and credits: kept for their reports, counted in no view. None in a cache older than v51 (read
    only: not migrated), which does not know them."""
    if "current_articles" not in store.db.view_names():
        return {"articles": 0, "embeds": 0, "credits": 0}
    old = "article_id NOT IN (SELECT id FROM current_articles)"
    return {name: store.db.execute(f"SELECT count(*) FROM {name} WHERE {column}").fetchone()[0]
            for name, column in (("articles", old.replace("article_id", "id")), ("embeds", old), ("credits", old))}


def _encodings_guessed(store: Store) -> dict[str, int]:
    """Articles whose encoding was guessed; of them, read with an unsure guess (another encoding reads them as
    plausibly), and those whose record does not say (made before v30: NULL), enc30."""
    guessed, unsure, unknown = store.db.execute(
        "SELECT count(*), count(*) FILTER (WHERE encoding_rival <> ''), count(*) FILTER (WHERE encoding_rival IS NULL) "
        "FROM articles WHERE encoding_detected = 1").fetchone()
    return {"guessed": guessed, "unsure": unsure, "not_recorded": unknown}


def _memo_bytes(store: Store) -> int | None:
    """The pages the warm-run memos (#13) take, their keys' and indexes' too; None without SQLite's dbstat table."""
    conn = store.db.conn
    names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE tbl_name IN "
                                            "('step_memos', 'step_memo_keys') AND type IN ('table', 'index')")]
    try:   # aggregate: one row a table, not one a page (a large cache has millions)
        return sum(conn.execute("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = ? AND aggregate = 1",
                                [name]).fetchone()[0] for name in names)
    except sqlite3.OperationalError:
        return None


def _user_tables(store: Store) -> list[str]:
    """Tables a person reads: not SQLite's, not the migrations log, not the FTS index's own shadow tables."""
    names = store.db.table_names()
    indexes = {fts for name in names if (fts := store.db.table(name).detect_fts())}
    return [t for t in names if not t.startswith(("sqlite_", "_sqlite_"))
            and not any(t == fts or t.startswith(fts + "_") for fts in indexes)]


def export_names(store: Store) -> list[str]:
    return sorted(_user_tables(store) + store.db.view_names())


def rows(store: Store, name: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Column names and a cursor over one table or view, in rowid order for tables; refuses other names."""
    names = export_names(store)
    if name not in names:
        raise UnknownName(f"no table or view named {name!r} in {store.path}; choose one of: {', '.join(names)}")
    order = " ORDER BY rowid" if name in store.db.table_names() else ""
    # Each embed with its article's source, as `article_credits` gives each credit's (newuser46b #9: a spreadsheet
    # of embeds needed a join): the source it was first read from (its others: `article_sources`).
    article = ", (SELECT s.source FROM article_sources s WHERE s.article_id = e.article_id ORDER BY s.id LIMIT 1) " \
        "AS article" if name == "embeds" else ""
    cursor = store.db.conn.execute(f"SELECT *{article} FROM [{name}]{' e' if article else ''}{order}")
    return [d[0] for d in cursor.description], cursor


def export(store: Store, name: str, out: IO[str], *, fmt: str = "csv", raw: bool = False,
           shown: Callable[[str], str] | None = None, shown_body: Callable[[bytes], bytes] | None = None) -> int:
    """Write every row of a table or view to `out` as CSV (with a header) or JSON Lines; streamed, so a table
    of any size takes little memory. Blobs become base64 (in JSON as datasette writes them). In CSV a text cell
    a spreadsheet would run as a formula gets a leading apostrophe (OWASP), unless `raw` (for programs reading
    the CSV); JSON Lines is always as stored. `shown`: what each text cell is written as (the CLI's takes out the
    secrets configured now, which a row kept before they were set may hold: secrets29). `shown_body`: what each
    kept body of `bodies` is written as, as `shown` for text (secrets30). Returns rows written."""
    import base64   # here, not at the top: `scan --json` imports this module for `one_line` alone (#14)
    import csv

    if fmt not in EXPORT_FORMATS:
        raise CacheError(f"unknown export format {fmt!r}; use csv or jsonl")
    columns, cursor = rows(store, name)
    if shown is not None:
        cursor = (tuple(shown(v) if isinstance(v, str) else v for v in row) for row in cursor)
    if shown_body is not None and name == "bodies":
        cursor = _bodies_shown(columns, cursor, shown_body)
    written = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        # With "\n" lines the csv module leaves a lone "\r" unquoted, and readers (and spreadsheets) start a new
        # row there; a row holding one is written with every cell quoted.
        quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writerow(columns)
        for row in cursor:
            cells = [base64.b64encode(v).decode() if isinstance(v, bytes) else v for v in row]
            cells = cells if raw else [spreadsheet_safe(v) for v in cells]
            (quoted if any(isinstance(v, str) and "\r" in v for v in cells) else writer).writerow(cells)
            written += 1
    else:
        for row in cursor:
            record = {c: ({"$base64": True, "encoded": base64.b64encode(v).decode()} if isinstance(v, bytes) else v)
                      for c, v in zip(columns, row, strict=True)}
            out.write(one_line(json.dumps(record, ensure_ascii=False)) + "\n")
            written += 1
    return written


def _bodies_shown(columns: list[str], cursor: Iterable[tuple[Any, ...]],
                  shown: Callable[[bytes], bytes]) -> Iterator[tuple[Any, ...]]:
    """Rows of `bodies`, each body decompressed, passed through `shown`, and compressed again when that changed it,
    its size and `redacted` then saying so: a body kept before a secret was set (or by a version that did not redact
    bodies) holds it as the server sent it (secrets30). The sha256 stays the one the fetch log names it by."""
    data, size, redacted = (columns.index(column) for column in ("data", "bytes", "redacted"))
    for row in cursor:
        body = zlib.decompress(row[data]) if row[data] is not None else None
        if body is None or (clean := shown(body)) == body:
            yield row
            continue
        changed = list(row)
        changed[data], changed[size], changed[redacted] = zlib.compress(clean, 6), len(clean), 1
        yield tuple(changed)


def spreadsheet_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, written as text: `'` before it, the OWASP way
    (spreadsheets read a leading apostrophe as "text"). Numbers, None and other text are as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# Line breaks JSON allows raw in a string, which `str.splitlines()` (and JavaScript before ES2019) cut a line at.
_BREAKS = (("\u2028", "\\u2028"), ("\u2029", "\\u2029"), ("\x85", "\\u0085"))


def one_line(line: str) -> str:
    """A JSON text as one line for every reader of JSON Lines: U+2028, U+2029 and U+0085 escaped (the JSON means the
    same), and lone surrogates too (a post's text cut inside an emoji: raw, no UTF-8 can hold them, and writing the
    line failed). An ASCII line is as it is (checked in constant time)."""
    if line.isascii():
        return line
    for raw, escaped in _BREAKS:
        if raw in line:
            line = line.replace(raw, escaped)
    return escaped_surrogates(line)


def escaped_surrogates(text: str) -> str:
    """A JSON text with its lone surrogates written as escapes (`\\ud83d`): the JSON means the same, and UTF-8 can
    hold it."""
    if SURROGATE_RE.search(text):
        text = SURROGATE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


SURROGATE_RE = re.compile("[\ud800-\udfff]")


def vacuum(store: Store) -> tuple[int, int]:
    """Fold the write-ahead log in, merge the full-text indexes' segments, rebuild the file without free pages
    and refresh the planner's statistics. Returns the size on disk (bytes) before and after."""
    before = stats(store)["bytes"]
    conn = store.db.conn
    try:
        with store.write():
            for fts in stats(store)["full_text"].values():
                conn.execute(f"INSERT INTO [{fts}] ([{fts}]) VALUES ('optimize')")
        conn.execute("VACUUM")
        conn.execute("PRAGMA optimize")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError as exc:
        raise CacheError(f"cannot vacuum {store.path}: {exc}; is another run writing to it?") from None
    return before, stats(store)["bytes"]


def prune_memos(store: Store, *, older_than_days: float | None = None) -> tuple[int, int]:
    """Delete the warm-run memos (#13) made more than `older_than_days` ago, or every one, with their keys (m014's
    step_memos_deleted trigger): always safe, a run makes again those it needs. Returns (deleted, left)."""
    from datetime import datetime, timedelta, timezone

    where, args = "", []
    if older_than_days is not None:
        where = " WHERE made_at < ?"   # made_at is utc_now()'s form, which sorts as it reads
        try:
            args = [(datetime.now(timezone.utc) - timedelta(days=older_than_days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")]
        except OverflowError:
            args = [""]   # before the year 1: no memo is that old
    try:
        with store.write():
            deleted = store.conn.execute(f"DELETE FROM step_memos{where}", args).rowcount
    except sqlite3.OperationalError as exc:
        raise CacheError(f"cannot prune the memos of {store.path}: {exc}") from None
    return deleted, store.count("step_memos")
