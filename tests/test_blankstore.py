"""The copy of an empty cache that tests take instead of a new one (tests/blankstore.py, #14) is the cache `Store`
makes: the same schema, version, migrations and settings, so a test on a copy checks what it checked on a new one."""

from __future__ import annotations

import sqlite3

import pytest

from cache import Store
from cache.store import MIGRATIONS
from tests.blankstore import blank_cache, blank_store

PRAGMAS = ("user_version", "journal_mode", "page_size", "auto_vacuum", "encoding", "application_id")


def facts(path) -> dict:
    """What a cache is made of, read on a connection of its own: every sqlite_master row, the pragmas a file keeps,
    and the migrations recorded as applied but for the times they were."""
    conn = sqlite3.connect(path)
    try:
        return {
            "master": conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
                                   ).fetchall(),
            **{p: conn.execute(f"PRAGMA {p}").fetchone()[0] for p in PRAGMAS},
            "migrations": conn.execute("SELECT migration_set, name FROM _sqlite_migrations ORDER BY rowid").fetchall(),
            "rows": {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchall()
                if not name.endswith(("_fts_data", "_fts_idx", "_fts_docsize", "_fts_config"))},
        }
    finally:
        conn.close()


def test_a_copy_of_the_empty_cache_is_the_cache_store_makes(tmp_path):
    Store(tmp_path / "new.db").close()
    with blank_store(tmp_path / "copy.db") as copy:
        assert copy.memos_kept and copy.schema_version == len(MIGRATIONS) and not copy.read_only
    new, copied = facts(tmp_path / "new.db"), facts(tmp_path / "copy.db")
    assert copied == new
    assert len(new["master"]) > 50 and new["journal_mode"] == "wal" and new["migrations"]
    assert new["user_version"] == len(new["migrations"])


def test_a_copy_is_put_only_where_no_file_is(tmp_path):
    (tmp_path / "kept.db").write_bytes(b"a test's own")
    with pytest.raises(FileExistsError):
        blank_cache(tmp_path / "kept.db")
    assert (tmp_path / "kept.db").read_bytes() == b"a test's own"
