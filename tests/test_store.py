"""The SQLite store: migrations, idempotent article records, concurrent writers."""

import json
import multiprocessing
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cache import Cache, CacheError
from cache.store import json_column
from cache.migrations import migrations

ARTICLE = {"sha256": "a" * 64, "kind": "text", "encoding": "utf-8", "encoding_detected": 0, "bytes": 10}
EMBED = {"platform": "twitter", "kind": "post", "url": "https://twitter.com/x/status/1", "span": [0, 5],
         "media_links": ["https://pic.twitter.com/abc"], "links": [], "also_at": [], "detector": "text-url"}
CREDIT = {"raw": "(Photo: A/B)", "creator": "A", "organization": "B", "source": "text", "span": [6, 18]}


def test_new_database_is_migrated_in_wal_mode(tmp_path):
    store = Cache(tmp_path / "c.db")
    assert store.schema_version == len(migrations._migrations)
    assert store.db.journal_mode == "wal"
    assert {"articles", "article_sources", "embeds", "credits"} <= set(store.db.table_names())
    assert store.db["embeds"].foreign_keys[0].other_table == "articles"


def test_recording_the_same_article_twice_adds_nothing(tmp_path):
    store = Cache(tmp_path / "c.db")
    first = store.record_article(ARTICLE, [EMBED], [CREDIT], source="a.txt", tool_version="t")
    again = store.record_article(ARTICLE, [EMBED], [CREDIT], source="a.txt", tool_version="t")
    assert first == (1, True) and again == (1, False)
    assert (store.count("articles"), store.count("embeds"), store.count("credits"), store.count("article_sources")) == (1, 1, 1, 1)
    store.record_article(ARTICLE, [EMBED], [CREDIT], source="copy.txt", tool_version="t")
    assert store.count("article_sources") == 2
    [embed] = store.embeds_for(1)
    assert embed["media_links"] == ["https://pic.twitter.com/abc"] and embed["span"] == [0, 5]


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    store = Cache(tmp_path / "c.db")
    bad_embed = {**EMBED, "url": None}   # url is NOT NULL: the insert fails mid-article
    with pytest.raises(sqlite3.IntegrityError):
        store.record_article(ARTICLE, [EMBED, bad_embed], [], source="a.txt", tool_version="t")
    assert store.count("articles") == 0 and store.count("embeds") == 0


def test_a_chunk_of_articles_is_recorded_in_order_across_statements(tmp_path):
    """A chunk's embeds and credits go in as multi-row INSERTs (#14), split where the keys change and where
    SQLite's variable limit would be passed: every row lands, numbered per article, and full-text search
    finds each embed."""
    store = Cache(tmp_path / "c.db")
    store.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 40)   # a few rows per statement
    store._max_variables = 40
    texted = {**EMBED, "text": "Bridge open"}
    articles = [{**ARTICLE, "sha256": f"{i:064d}", "source": f"a{i}.txt",
                 "embeds": [EMBED, texted, {**texted, "url": f"https://twitter.com/x/status/{i}"}][: i % 4],
                 "credits": [{**CREDIT, "creator": f"C{i}-{k}"} for k in range(i % 3)]} for i in range(12)]
    articles.append({**articles[5], "source": "copy-of-a5.txt"})   # known within the same chunk: nothing new
    found = store.record_articles(articles, tool_version="t")
    assert found == [(i + 1, True) for i in range(12)] + [(6, False)]
    for i, article in enumerate(articles[:12], start=1):
        embeds = store.embeds_for(i)
        assert [(e["ordinal"], e["url"], e["text"]) for e in embeds] == [
            (k, e["url"], e.get("text")) for k, e in enumerate(article["embeds"])]
        assert [c["creator"] for c in store.credits_for(i)] == [c["creator"] for c in article["credits"]]
    texts = store.conn.execute("SELECT count(*) FROM embeds_fts WHERE embeds_fts MATCH 'bridge'").fetchone()[0]
    assert texts == sum(len(a["embeds"][1:]) for a in articles[:12])
    assert store.count("article_sources") == 13


def test_many_rows_go_in_a_few_statements_of_bounded_forms(tmp_path):
    """300 embeds: 128 + 128 + 32 + 8 + 4 rows, a power of two each, so SQLite's statement cache keeps a few
    forms of the statement (one per count would be hundreds of KB each, a statement per chunk)."""
    store = Cache(tmp_path / "c.db")
    statements: list[str] = []
    store.conn.set_trace_callback(lambda sql: statements.append(sql) if sql.startswith("INSERT INTO [embeds]") else None)
    embeds = [{**EMBED, "url": f"https://twitter.com/x/status/{i}"} for i in range(300)]
    store.record_article(ARTICLE, embeds, [], source="a.txt", tool_version="t")
    # (the trace repeats a statement for each trigger run it makes: its distinct forms are what counts)
    assert sorted({sql.count("), (") + 1 for sql in statements}) == [4, 8, 32, 128]
    assert [e["url"] for e in store.embeds_for(1)] == [e["url"] for e in embeds]


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "not.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CacheError, match=r"cannot open cache .*not\.db"):
        Cache(path)


def test_opening_waits_for_a_writer_it_would_deadlock_with(tmp_path):
    """Switching a database to WAL from a read lock while another connection holds a write lock is a deadlock
    SQLite answers at once with "database is locked", skipping the busy timeout: several processes opening one new
    cache at the same moment failed so, now and then (seen in CI). Opening now waits, as for any lock."""
    import threading

    path = tmp_path / "c.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE t (x)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO t VALUES (1)")
    threading.Timer(0.3, lambda: other.execute("COMMIT")).start()
    store = Cache(path, busy_timeout=10)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal" and store.count("articles") == 0
    store.close()
    other.close()


def test_several_processes_write_one_database(tmp_path):
    path = str(tmp_path / "shared.db")
    ctx = multiprocessing.get_context("spawn")
    from tests.store_writer import write    # a small module: each spawned writer imports it, not this file

    workers = [ctx.Process(target=write, args=(path, w, 25, ARTICLE, EMBED, CREDIT)) for w in range(4)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(60)
    assert [p.exitcode for p in workers] == [0, 0, 0, 0]
    store = Cache(path)
    assert store.count("articles") == 100 and store.count("embeds") == 300


def _stress_writers():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "stress_writers.py"
    spec = importlib.util.spec_from_file_location("stress_writers", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_four_scan_processes_write_one_database_losing_and_duplicating_nothing(tmp_path):
    """The fast version of scripts/stress_writers.py: 4 `scan` processes x 100 articles (10 shared by all)."""
    stress = _stress_writers()
    result = stress.run(4, 90, 10, tmp_path)
    assert result["problems"] == []
    assert (result["articles"], result["embeds"], result["credits"], result["sources"]) == (370, 740, 370, 400)
    # The check is not blind: take an article's embeds away and it says so.
    conn = sqlite3.connect(tmp_path / "shared.db")
    conn.execute("DELETE FROM embeds WHERE article_id = 1")
    conn.commit()
    conn.close()
    pages = stress.write_articles(tmp_path / "again", 4, 90, 10)
    assert stress.check(tmp_path / "shared.db", pages, 4, 10)[1] == ["1 articles with missing or extra embeds/credits"]


def test_embed_text_confidence_is_kept_and_an_older_cache_gains_the_column(tmp_path):
    from sqlite_utils import Database

    path = tmp_path / "c.db"
    old = Database(path)
    migrations.apply(old, stop_before="m010_embed_text_confidence")   # a cache made before the column existed
    assert "text_confidence" not in old["embeds"].columns_dict
    old.conn.close()
    store = Cache(path)
    assert "text_confidence" in store.db["embeds"].columns_dict
    store.record_article(ARTICLE, [{**EMBED, "text": "Bridge open", "text_confidence": "uncertain"}], [],
                         source="a.txt", tool_version="t")
    [embed] = store.embeds_for(1)
    assert embed["text_confidence"] == "uncertain"


def _cache_with_a_credit_made_before(path, migration: str, column: str) -> Cache:
    """A cache holding one credit recorded before `migration` added `column`, opened by this version."""
    from sqlite_utils import Database

    old = Database(path)
    migrations.apply(old, stop_before=migration)
    old["articles"].insert({"sha256": "b" * 64, "kind": "text", "encoding": "utf-8", "encoding_detected": 0,
                            "bytes": 5, "first_source": "old.txt", "first_scanned_at": "2020", "tool_version": "t",
                            "embed_count": 0, "credit_count": 1})
    old["credits"].insert({"article_id": 1, "ordinal": 0, **{k: v for k, v in CREDIT.items() if k != "span"},
                           "span_start": 6, "span_end": 18})
    assert column not in old["credits"].columns_dict
    old.conn.close()
    return Cache(path)


def test_a_credits_split_confidence_is_kept_and_an_older_cache_gains_the_column(tmp_path):
    """#11: a credit's split marked "uncertain" is recorded as such; a cache made before the column gains it, its
    earlier credits NULL (not known then)."""
    store = _cache_with_a_credit_made_before(tmp_path / "c.db", "m015_credit_split_confidence", "split_confidence")
    assert store.credits_for(1)[0]["split_confidence"] is None
    store.record_article({**ARTICLE, "sha256": "c" * 64}, [],
                         [{**CREDIT, "creator": "Berkeley Quux", "organization": None,
                           "split_confidence": "uncertain"}],
                         source="a.txt", tool_version="t")
    [credit] = store.credits_for(2)
    assert (credit["creator"], credit["organization"], credit["split_confidence"]) == \
        ("Berkeley Quux", None, "uncertain")


def test_a_credits_other_places_are_kept_and_an_older_cache_gains_the_column(tmp_path):
    """#11: a credit printed again for the same photo keeps its other places (`also_at`, JSON as an embed's); a
    cache made before the column gains it, its earlier credits NULL (not known then)."""
    store = _cache_with_a_credit_made_before(tmp_path / "c.db", "m016_credit_also_at", "also_at")
    assert store.credits_for(1)[0]["also_at"] is None
    store.record_article({**ARTICLE, "sha256": "c" * 64}, [],
                         [{**CREDIT, "also_at": [[40, 52], [90, 102]]}, {**CREDIT, "span": [200, 212], "also_at": []}],
                         source="a.txt", tool_version="t")
    assert [c["also_at"] for c in store.credits_for(2)] == [[[40, 52], [90, 102]], []]


def test_the_store_knows_the_migrations_by_name_in_order():
    from cache.store import MIGRATIONS

    assert list(MIGRATIONS) == [m.name for m in migrations._migrations]


@pytest.mark.parametrize("existing", [True, False], ids=["up-to-date", "new"])
def test_opening_or_creating_a_database_and_recording_into_it_does_not_load_sqlite_utils(tmp_path, existing):
    """Creating a cache stepped through the migrations: 53 ms of CPU, 32 of them importing sqlite-utils (#14)."""
    import subprocess
    import sys

    if existing:
        Cache(tmp_path / "c.db").close()
    code = ("import sys; from cache import Store; s = Store(sys.argv[1]); "
            "s.record_article({'sha256': 'b' * 64, 'kind': 'html', 'encoding': 'utf-8', 'encoding_detected': 0, "
            "'bytes': 3}, [], [], source='x', tool_version='t'); s.mark_done('job', [{'key': 'k'}]); "
            "print(s.count('articles'), s.schema_version, 'sqlite_utils' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "c.db")], capture_output=True, text=True,
                          cwd=__import__("pathlib").Path(__file__).resolve().parents[1])
    assert done.stdout.split() == ["1", str(len(migrations._migrations)), "False"], done.stderr


def _made(conn: sqlite3.Connection) -> dict:
    """Everything a database holds but the times its migrations were recorded: schema, rows, user_version."""
    schema = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    tables = [row[1] for row in schema if row[0] == "table" and row[1] != "sqlite_sequence"]
    rows = {table: sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr) for table in tables}
    rows["_sqlite_migrations"] = [row[:3] for row in rows["_sqlite_migrations"]]
    return {"schema": schema, "rows": rows, "user_version": conn.execute("PRAGMA user_version").fetchone()[0]}


def test_a_new_cache_holds_what_the_migrations_make_of_an_empty_database(tmp_path):
    """A new cache gets the schema in one script (#14); an older one steps through the migrations: both the same."""
    from datetime import datetime

    from sqlite_utils import Database

    stepped = sqlite3.connect(tmp_path / "stepped.db")
    migrations.apply(Database(stepped))
    stepped.execute(f"PRAGMA user_version = {len(migrations._migrations)}")
    Cache(tmp_path / "new.db").close()
    new = sqlite3.connect(tmp_path / "new.db")
    made = _made(new)
    assert made == _made(stepped)
    assert len(made["rows"]["_sqlite_migrations"]) == len(migrations._migrations) and made["rows"]["posts_fts_config"]
    applied_at = {row[0] for row in new.execute("SELECT applied_at FROM _sqlite_migrations")}
    assert len(applied_at) == 1 and datetime.fromisoformat(applied_at.pop()).utcoffset().total_seconds() == 0


def test_the_schema_file_is_what_the_migrations_make():
    from cache.migrations import schema_sql
    from cache.store import SCHEMA

    assert SCHEMA.read_text(encoding="utf-8") == schema_sql(), "cache/schema.sql is stale: python -m cache.migrations"


def test_a_new_cache_whose_creation_fails_half_way_is_left_empty_and_made_whole_next_time(tmp_path, monkeypatch):
    """The schema goes in in one transaction: a failure (or a kill) part-way leaves nothing, not half a cache that
    the next run would take for an older one and migrate wrongly."""
    import cache.store

    broken = tmp_path / "schema.sql"
    broken.write_text(cache.store.SCHEMA.read_text(encoding="utf-8") + "CREATE TABLE articles (x);\n", encoding="utf-8")
    monkeypatch.setattr(cache.store, "SCHEMA", broken)
    with pytest.raises(CacheError, match="table articles already exists"):
        Cache(tmp_path / "c.db")
    conn = sqlite3.connect(tmp_path / "c.db")
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    monkeypatch.undo()
    store = Cache(tmp_path / "c.db")
    assert store.schema_version == len(migrations._migrations) and store.memos_kept


def test_a_new_cache_is_made_by_the_migrations_when_the_schema_file_cannot_be_read(tmp_path, monkeypatch):
    """A frozen build that left the script out still makes its caches, step by step."""
    import cache.store

    monkeypatch.setattr(cache.store, "SCHEMA", tmp_path / "missing.sql")
    store = Cache(tmp_path / "c.db")
    assert store.schema_version == len(migrations._migrations) and store.memos_kept
    stepped_at = {row[0] for row in store.conn.execute("SELECT applied_at FROM _sqlite_migrations")}
    assert len(stepped_at) > 1   # recorded one by one


def test_a_database_holding_other_tables_is_migrated_and_keeps_them(tmp_path):
    """Only an empty file gets the one-script schema: another tool's tables are left as they are."""
    conn = sqlite3.connect(tmp_path / "theirs.db")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('kept')")
    conn.commit()
    conn.close()
    store = Cache(tmp_path / "theirs.db")
    assert store.schema_version == len(migrations._migrations) and store.count("articles") == 0
    assert store.conn.execute("SELECT body FROM notes").fetchall() == [("kept",)]


def test_latest_resolutions_answer_as_latest_resolution_does_for_each_url(store):
    """One query for an article's links (#13) gives, per URL, what `latest_resolution` gives: the newest row
    resolved at or after `since`, none for a URL with no such row, a URL asked twice answered once."""
    def resolved(url: str, final: str, at: str) -> int:
        return store.record_resolution({"url": url, "final_url": final, "hops": [{"url": url, "status": 301}],
                                        "post": None, "resolved_at": at, "tool_version": "test"})
    resolved("https://t.co/a", "https://end/a-old", "2024-01-01T00:00:00.000000Z")
    newest = resolved("https://t.co/a", "https://end/a-new", "2024-03-01T00:00:00.000000Z")
    resolved("https://t.co/b", "https://end/b-old", "2024-01-01T00:00:00.000000Z")
    resolved("https://t.co/b", "https://end/b-older-id-newer-time", "2023-01-01T00:00:00.000000Z")
    urls = ["https://t.co/a", "https://t.co/b", "https://t.co/none", "https://t.co/a"]
    for since in (None, "2024-02-01T00:00:00.000000Z", "2025-01-01T00:00:00.000000Z"):
        found = store.latest_resolutions(urls, since=since)
        assert found == {url: row for url in urls if (row := store.latest_resolution(url, since=since)) is not None}
    assert store.latest_resolutions(urls)["https://t.co/a"]["id"] == newest
    assert store.latest_resolutions(urls)["https://t.co/a"]["hops"] == [{"url": "https://t.co/a", "status": 301}]
    assert list(store.latest_resolutions(urls, since="2024-02-01T00:00:00.000000Z")) == ["https://t.co/a"]
    assert store.latest_resolutions([]) == {}


def _article_with_embeds(store, count: int) -> int:
    embeds = [{**EMBED, "url": f"https://twitter.com/x/status/{i}"} for i in range(count)]
    article_id, _ = store.record_article(ARTICLE, embeds, [], source="a.txt", tool_version="t")
    return article_id


def _resolutions(store, count: int) -> list[int]:
    return [store.record_resolution({"url": f"https://t.co/{i}", "final_url": None, "hops": [],
                                     "resolved_at": "2026-01-01"}) for i in range(count)]


def _posts(store, count: int) -> list[int]:
    return [store.record_observation({"platform": "twitter", "post_id": str(i), "status": "available", "record": {}},
                                     [], observed_at="2026-01-01") for i in range(count)]


def _reads_and_writes(store, call) -> list[str]:
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        store.conn.set_trace_callback(None)
    return [s.split()[0] for s in statements]


def test_links_already_tied_to_embeds_are_read_in_one_query_and_not_written_again(store):
    """`link_embeds` reads an article's embeds and the links tied to them in one query (#13: two before, for every
    article of a warm run), writes only what is new (a link seen again points to its newest resolution), and
    writes nothing when nothing is new."""
    article_id = _article_with_embeds(store, 2)
    ids = store.embed_ids(article_id)
    r = _resolutions(store, 4)
    store.link_embeds(article_id, [(0, "https://t.co/a", r[0]), (1, "https://t.co/b", r[1]),
                                   (1, "https://t.co/c", None), (5, "https://t.co/d", r[2])])
    again = [(0, "https://t.co/a", r[0]), (1, "https://t.co/b", r[1])]
    assert _reads_and_writes(store, lambda: store.link_embeds(article_id, again)) == ["SELECT"]
    store.link_embeds(article_id, [(1, "https://t.co/b", r[3])])
    rows = store.conn.execute("SELECT embed_id, url, resolution_id FROM embed_links ORDER BY embed_id").fetchall()
    assert rows == [(ids[0], "https://t.co/a", r[0]), (ids[1], "https://t.co/b", r[3])]
    assert _reads_and_writes(store, lambda: store.link_embeds(article_id + 99, [(0, "https://t.co/a", r[0])])) == [
        "SELECT"]


def test_posts_tied_to_embeds_are_read_in_one_query_and_written_once(store):
    """`link_embed_posts` ties (embed ordinal, post) pairs as `link_embed_post` does one by one: an ordinal with no
    embed skipped, a pair asked twice written once, nothing written when all are tied; one read (#13)."""
    article_id = _article_with_embeds(store, 2)
    ids = store.embed_ids(article_id)
    p = _posts(store, 3)
    store.link_embed_posts(article_id, [(0, p[0]), (0, p[0]), (1, p[1]), (4, p[2])])
    assert store.conn.execute("SELECT embed_id, post_row FROM embed_posts ORDER BY id").fetchall() == [
        (ids[0], p[0]), (ids[1], p[1])]
    assert _reads_and_writes(store, lambda: store.link_embed_posts(article_id, [(0, p[0]), (1, p[1])])) == ["SELECT"]
    assert _reads_and_writes(store, lambda: store.link_embed_posts(article_id, [(1, p[0]), (0, p[0])]))[:2] == [
        "SELECT", "BEGIN"]
    assert store.conn.execute("SELECT embed_id, post_row FROM embed_posts ORDER BY id").fetchall() == [
        (ids[0], p[0]), (ids[1], p[1]), (ids[1], p[0])]


def test_a_post_row_comes_with_how_many_of_its_observations_a_method_made_of_a_fetch(store):
    """`post_row_counting` is `post_row` plus a count, in one read (#13: a warm run read every post's observations
    to find archived copies, which most posts have none of): only that method's, and only those made of a fetch."""
    assert store.post_row_counting("twitter", "1", method="wayback") == (None, 0)
    fetch_id = store.record_fetch({"url": "https://web.archive.org/x", "contacted_url": "https://web.archive.org/x",
                                   "method": "GET", "fetched_at": "2026-01-01", "status": 200, "purpose": "wayback"})
    post = {"platform": "twitter", "post_id": "1", "url": "https://twitter.com/a/status/1", "status": "available",
            "record": {"text": "hi"}}
    store.record_observation(post, [{"method": "syndication", "status": "available", "fetch_id": fetch_id}],
                             observed_at="2026-01-01T00:00:00Z")
    row, count = store.post_row_counting("twitter", "1", method="wayback")
    assert (row, count) == (store.post_row("twitter", "1") | {"view_observed_at": "2026-01-01T00:00:00Z"}, 0)
    other = store.record_fetch({"url": "https://web.archive.org/y", "contacted_url": "https://web.archive.org/y",
                                "method": "GET", "fetched_at": "2026-01-01", "status": 200, "purpose": "wayback"})
    store.record_observation(post, [{"method": "wayback", "status": "deleted", "fetch_id": fetch_id},
                                    {"method": "wayback", "status": "deleted", "fetch_id": None},
                                    {"method": "wayback", "status": "deleted", "fetch_id": other}],
                             observed_at="2026-01-02T00:00:00Z")
    row, count = store.post_row_counting("twitter", "1", method="wayback")
    # the view's time is its source's answer's, not the archived copies' (review32r5 #4)
    assert (row, count) == (store.post_row("twitter", "1") | {"view_observed_at": "2026-01-01T00:00:00Z"}, 2)
    assert row["last_observed_at"] == "2026-01-02T00:00:00Z"
    assert store.post_row_counting("twitter", "1", method="syndication")[1] == 1
    assert store.post_row_counting("twitter", "2", method="wayback") == (None, 0)


def test_rows_appended_inside_a_write_are_plain_inserts_and_roll_back_with_it(tmp_path):
    """A resolution and its fetch rows are one transaction: BEGIN, one INSERT a row, COMMIT; no savepoint per row
    (#14: three statements a row). A failure in the transaction still takes every row with it."""
    store = Cache(tmp_path / "cache.db")
    row = {"url": "https://t.co/a", "contacted_url": "https://t.co/a", "method": "GET", "fetched_at": "2026-01-01",
           "status": 301, "purpose": "resolve"}
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    with store.write():
        store.record_fetch(row)
        store.record_resolution({"url": "https://t.co/a", "final_url": None, "hops": [], "resolved_at": "2026-01-01"})
    store.conn.set_trace_callback(None)
    # The memo triggers a row fires (m014, #13) are traced under its own statement's text: counted once.
    ran = [s for i, s in enumerate(statements) if i == 0 or s != statements[i - 1]]
    assert [s.split()[0] for s in ran] == ["BEGIN", "INSERT", "INSERT", "COMMIT"]
    with pytest.raises(RuntimeError), store.write():
        store.record_fetch(row)
        raise RuntimeError("killed")
    assert store.conn.execute("SELECT count(*) FROM fetches").fetchone()[0] == 1
    store.record_fetch(row)   # outside a transaction: one of its own, as before
    assert not store.conn.in_transaction and store.conn.execute("SELECT count(*) FROM fetches").fetchone()[0] == 2
    store.close()


@pytest.mark.parametrize("ns, expected", [
    (1_764_331_261_087_849_123, "2025-11-28T12:01:01.087849Z"),
    (1_764_331_261_999_999_999, "2025-11-28T12:01:01.999999Z"),   # truncated, never rounded into the next second
    (1_764_331_262_000_000_500, "2025-11-28T12:01:02.000000Z"),   # the next second: formatted afresh
    (1_764_331_261_000_000_000, "2025-11-28T12:01:01.000000Z"),   # and back (a clock set back)
    (951_782_400_000_001_000, "2000-02-29T00:00:00.000001Z"),
], ids=["micros", "end-of-second", "next-second", "clock-set-back", "leap-day"])
def test_utc_now_is_iso_8601_utc_to_the_microsecond(monkeypatch, ns, expected):
    import time

    from cache import store

    monkeypatch.setattr(time, "time_ns", lambda: ns)
    assert store.utc_now() == expected


def test_utc_now_is_now():
    from datetime import datetime, timedelta, timezone

    from cache import utc_now

    slack = timedelta(milliseconds=1)   # datetime rounds to the microsecond, utc_now truncates
    before = datetime.now(timezone.utc)
    stamped = datetime.strptime(utc_now(), "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
    assert before - slack <= stamped <= datetime.now(timezone.utc) + slack


def _sighting_world(store) -> None:
    """Posts by @jane (id 7), renamed @jane_new; one answer with the id as a JSON number; one with no id; another
    account's @jane; an answer with no record."""
    fetch_id = store.record_fetch({"url": "https://api.example/x", "contacted_url": "https://api.example/x",
                                   "method": "GET", "fetched_at": "2026-01-01", "status": 200, "purpose": "x"})
    answers = [("1", "Jane", "7"), ("2", "jane", 7), ("3", "JANE", None), ("4", "jane", "8"), ("5", "jane_new", "7"),
               ("6", "jane", "7"), ("7", None, None)]
    for post_id, handle, author_id in answers:
        record = {"author": {"handle": handle, "id": author_id}} if handle else None
        post = {"platform": "twitter", "post_id": post_id, "status": "available", "record": record or {},
                "author_handle": handle, "author_id": None if author_id is None else str(author_id)}
        observation = {"method": "syndication", "status": "available", "fetch_id": fetch_id,
                       "record": json.dumps(record) if record else None}
        store.record_observation(post, [observation], observed_at=f"2026-01-0{post_id}T00:00:00Z")


@pytest.mark.parametrize("handle, post_id, author_id, expected", [
    ("jane", "5", "7", ["1", "6"]), ("JANE", "5", "7", ["1", "6"]), ("jane", "1", "7", ["1"]),
    ("jane", "3", "7", ["3"]), ("jane", "9", "8", ["4"]), ("jane", "9", None, []), ("ghost", "9", "7", []),
    ("jane_new", "6", "7", ["5"])],
    ids=["other-posts", "any-case", "own-post", "own-post-no-id", "other-account", "no-author-id", "unknown",
         "new-handle"])
def test_rename_evidence_from_other_posts_is_read_through_an_index_with_the_same_answers(store, handle, post_id,
                                                                                           author_id, expected):
    """`author_sightings` scanned every observation with json_extract when the evidence was another post's (160 ms
    an embed at 200,000 observations, #9): m013 indexes the answer's author id and handle (and authors by handle in
    any case), and the answers are the ones the scan gave."""
    _sighting_world(store)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    found = store.author_sightings("twitter", handle, post_id=post_id, author_id=author_id)
    store.conn.set_trace_callback(None)
    for sql in statements:
        plan = " ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        if "p.post_id != " in sql:   # the search of other posts' answers
            assert "SEARCH o USING INDEX post_observations_author" in plan, (sql, plan)
        elif "FROM [authors]" in sql:
            assert "USING INDEX authors_any_case" in plan, (sql, plan)
    store.conn.execute("DROP INDEX post_observations_author")
    store.conn.execute("DROP INDEX authors_any_case")
    assert store.author_sightings("twitter", handle, post_id=post_id, author_id=author_id) == found
    assert [row["post_id"] for row in found] == expected


# -- JSON columns read back (#13: a warm run decodes nine small columns an article) ------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


@given(JSON_VALUES, st.booleans(), st.sampled_from(["", " ", "\n", " \t"]), st.sampled_from(["", " ", "\r\n"]))
def test_json_column_reads_what_json_loads_reads(value, ascii_only, before, after):
    text = before + json.dumps(value, ensure_ascii=ascii_only) + after
    assert repr(json_column(text)) == repr(json.loads(text))


@pytest.mark.parametrize("text", ["", " ", "[1, 2", "{\"a\": 1} x", "[1] [2]", "nul", "{'a': 1}", "[1,]"],
                         ids=["empty", "blank", "cut", "extra-word", "two-values", "bad-word", "quotes", "comma"])
def test_json_column_refuses_what_json_loads_refuses(text):
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(json.JSONDecodeError) as found:
        json_column(text)
    assert str(found.value) == str(expected.value)


def test_values_are_stored_as_sqlite_utils_stores_them() -> None:
    """`_sql_value` checks for a Decimal only once its module is loaded (#14): one still becomes a float."""
    import datetime
    import uuid
    from decimal import Decimal

    from cache.store import _sql_value

    assert _sql_value(Decimal("1.25")) == 1.25 and type(_sql_value(Decimal("1.25"))) is float
    assert _sql_value(datetime.date(2022, 12, 6)) == "2022-12-06"
    assert _sql_value(uuid.UUID(int=1)) == "00000000-0000-0000-0000-000000000001"
    assert _sql_value({"a": [1]}) == '{"a": [1]}' and _sql_value("x") == "x" and _sql_value(None) is None


def _cache_with_posts_keyed_the_old_way(path) -> None:
    """A cache made before m030: Telegram, Bluesky and Mastodon posts keyed by the number or record key alone, as
    every version before review29 (Telegram) and urlforms30 (Bluesky, Mastodon) wrote them."""
    from urllib.parse import quote

    from sqlite_utils import Database

    old = Database(path)
    migrations.apply(old, stop_before="m030_post_ids_name_their_place")
    old["articles"].insert({**ARTICLE, "first_source": "old.html", "first_scanned_at": "2025", "tool_version": "t",
                            "embed_count": 5, "credit_count": 0})
    embeds = [("telegram", "https://t.me/RivertonChannel/416", "416"), ("telegram", "https://t.me/c/1234567890/7", "7"),
              ("bluesky", "https://bsky.app/profile/ann.example.com/post/3kabc123xyz", "3kabc123xyz"),
              ("mastodon", "https://social.example.net:8443/@jane/112000000000000001", "112000000000000001"),
              # a row two accounts' posts were merged into: which post its answer was of, nothing can tell
              ("bluesky", "https://bsky.app/profile/ann.example.com/post/3kmerged0001", "3kmerged0001"),
              ("bluesky", "https://bsky.app/profile/bob.example.org/post/3kmerged0001", "3kmerged0001")]
    for ordinal, (platform, url, post_id) in enumerate(embeds):
        old["embeds"].insert({"article_id": 1, "ordinal": ordinal, "platform": platform, "kind": "post", "url": url,
                              "post_id": post_id, "detector": "html-link"})
    for row, (platform, url, post_id) in enumerate(embeds[:5], start=1):
        fetch = old["fetches"].insert({"url": f"https://oembed.example/oembed?url={quote(url, safe='')}&format=json",
                                       "method": "oembed", "fetched_at": "2025-05-01T00:00:00Z", "status": 200}).last_pk
        old["posts"].insert({"id": row, "platform": platform, "post_id": post_id, "url": url, "status": "available",
                             "first_observed_at": "2025-05-01T00:00:00Z"})
        old["post_observations"].insert({"post_row": row, "observed_at": "2025-05-01T00:00:00Z", "method": "oembed",
                                         "status": "available", "fetch_id": fetch})
        old["embed_posts"].insert({"embed_id": row, "post_row": row})
    old["embed_posts"].insert({"embed_id": 6, "post_row": 5})
    old.conn.close()


def test_an_older_caches_posts_are_found_under_ids_that_name_their_channel_account_or_instance(tmp_path):
    """urlforms30 (#15, #13): a Telegram, Bluesky or Mastodon post cached under the number or key alone was not found
    under its id naming its channel, account or instance: fetched again online, "not in the cache" offline, and the
    corpus views joined none of its embeds to it. m030 re-keys each row from the URL it holds; a row whose answers
    were of two posts (merged under one key) is left as it was, never given to one of them."""
    _cache_with_posts_keyed_the_old_way(tmp_path / "c.db")
    store = Cache(tmp_path / "c.db")
    assert [(e["platform"], e["post_id"]) for e in store.embeds_for(1)] == [
        ("telegram", "rivertonchannel/416"), ("telegram", "c/1234567890/7"),
        ("bluesky", "ann.example.com/3kabc123xyz"), ("mastodon", "social.example.net:8443/112000000000000001"),
        ("bluesky", "ann.example.com/3kmerged0001"), ("bluesky", "bob.example.org/3kmerged0001")]
    for platform, post_id, row in [("telegram", "rivertonchannel/416", 1), ("telegram", "c/1234567890/7", 2),
                                   ("bluesky", "ann.example.com/3kabc123xyz", 3),
                                   ("mastodon", "social.example.net:8443/112000000000000001", 4)]:
        assert store.post_row(platform, post_id)["id"] == row
    assert store.post_row("bluesky", "ann.example.com/3kmerged0001") is None
    assert store.post_row("bluesky", "3kmerged0001")["id"] == 5


def test_an_older_caches_post_recorded_again_under_its_new_id_keeps_both_rows(tmp_path):
    """A Telegram post cached under its bare number, then again under `channel/number` by a version since review29:
    the newer row is the post's; the older keeps its key (re-keying it would break the unique key, urlforms30)."""
    from sqlite_utils import Database

    _cache_with_posts_keyed_the_old_way(tmp_path / "c.db")
    old = Database(tmp_path / "c.db")
    old["posts"].insert({"id": 9, "platform": "telegram", "post_id": "rivertonchannel/416",
                         "url": "https://t.me/rivertonchannel/416", "status": "unknown"})
    old.conn.close()
    store = Cache(tmp_path / "c.db")
    assert (store.post_row("telegram", "rivertonchannel/416")["id"], store.post_row("telegram", "416")["id"]) == (9, 1)


def test_an_article_source_keeps_its_record_id_and_crawl_date_and_is_known_by_them(tmp_path):
    """v31 (newuser30b #3): the record an article was read from and when it was crawled are kept per source; the same
    record read again is known (a read-only cache serves it), while a source without them gains them."""
    store = Cache(tmp_path / "c.db")
    record = {**ARTICLE, "source": "feed.jsonl:3", "embeds": [], "credits": [], "record_id": "guid-3",
              "warc_date": "2024-05-15T13:00:00.000000Z"}
    [(article_id, created)] = store.record_articles([{**record, "record_id": None, "warc_date": None}],
                                                   tool_version="t")
    assert created and store._known(record) is None   # recorded without them: they are still to be written
    assert store.record_articles([record], tool_version="t") == [(article_id, False)]
    assert store.conn.execute("SELECT record_id, warc_date FROM article_sources").fetchall() == [
        ("guid-3", "2024-05-15T13:00:00.000000Z")]
    store.read_only = True   # as a cache file the user cannot write: nothing new to write, so no write is tried
    assert store.record_articles([record], tool_version="t") == [(article_id, False)]


def test_fixnu32a_one_answer_is_one_fetch_row_and_one_observation_however_often_it_is_recorded(store):
    """newuser32 #3: a WARC record replayed again (the same file's content, offset and request) is the row the first
    replay wrote, and the observation a method made of a fetch is made once per post; a live answer (no WARC
    record) is a row of its own each time, and another request answered by the same record one of its own too."""
    api = "https://api.twitter.com/2/tweets?ids=1"
    replayed = {"url": api, "contacted_url": api,
                "method": "GET", "fetched_at": "2024-06-20T11:00:00.000000Z", "status": 200, "via": "warc",
                "warc_file": "/a/crawl.warc.gz", "warc_offset": 6598, "warc_sha256": "ab" * 32}
    first = store.record_fetch(replayed)
    assert store.record_fetch(replayed | {"warc_file": "/b/copy.warc.gz"}) == first   # the same content elsewhere
    assert len({first, store.record_fetch(replayed | {"warc_offset": 7000}),
                store.record_fetch(replayed | {"url": "https://api.twitter.com/2/tweets?ids=2"}),
                store.record_fetch(replayed | {"warc_sha256": "cd" * 32}),
                store.record_fetch({k: v for k, v in replayed.items() if k not in ("via", "warc_sha256")})}) == 5
    post = {"platform": "twitter", "post_id": "1", "url": "https://twitter.com/a/status/1", "status": "suspended",
            "record": {}}
    for _ in range(3):
        store.record_observation(post, [{"method": "x-api", "status": "suspended", "fetch_id": first},
                                        {"method": "x-api", "status": "suspended", "fetch_id": None}],
                                 observed_at="2024-06-20T11:00:00.000000Z")
    row = store.post_row("twitter", "1")
    assert [(o["method"], o["fetch_id"]) for o in store.observations(row["id"])] == [
        ("x-api", first), ("x-api", None), ("x-api", None), ("x-api", None)]
    assert store.count("fetches") == 5


def test_replay32_an_older_answer_recorded_later_leaves_the_view_and_its_times(store):
    """review31r3: the post's view (status, record, times) and its author's were set from whatever answer was recorded
    last, so a WARC of 2023 replayed into a cache after a live answer of 2026 made the post read "available" again
    and moved its last_observed_at and the author's last_seen_at back to 2023. The view is the newest answer by the
    time its source gave it (as `cache merge` keeps it); the older one is recorded (its observation), and widens
    first_observed_at and the author's first_seen_at; an answer that gives no time is older than any dated one."""
    def seen(at, status, name, *, unknown=None):
        fetch_id = store.record_fetch({"url": "https://cdn.syndication.twimg.com/tweet-result?id=7", "method": "GET",
                                       "fetched_at": at or "2026-11-29T09:00:00Z", "status": 200,
                                       "purpose": "syndication", "answered_at_unknown": unknown})
        record = {"status": status, "fetch_ids": [fetch_id]}
        return store.record_observation(
            {"platform": "twitter", "post_id": "7", "url": "https://twitter.com/river_desk/status/7", "status": status,
             "method": "syndication", "author_handle": "river_desk" if name else None, "author_name": name,
             "record": record},
            [{"method": "syndication", "status": status, "fetch_id": fetch_id, "record": json.dumps(record)}],
            observed_at=at, answered_at_unknown=unknown)

    seen("2026-11-20T10:00:00Z", "available", "River Desk")
    seen("2026-11-28T10:00:00Z", "deleted", None)
    post_row = seen("2023-05-02T10:00:00Z", "available", "River Desk (old name)")   # a 2023 WARC replayed now
    seen(None, "available", "River Desk (undated)", unknown="the replayed WARC record has no WARC-Date")
    row = store.post_row("twitter", "7")
    assert (row["status"], row["first_observed_at"], row["last_observed_at"], row["last_available_at"]) == (
        "deleted", "2023-05-02T10:00:00Z", "2026-11-28T10:00:00Z", "2026-11-20T10:00:00Z")
    assert json.loads(row["record"])["status"] == "deleted"
    assert [o["status"] for o in store.observations(post_row)] == ["available", "deleted", "available", "available"]
    [author] = store.db.query("SELECT name, first_seen_at, last_seen_at FROM authors")
    assert author == {"name": "River Desk", "first_seen_at": "2023-05-02T10:00:00Z",
                      "last_seen_at": "2026-11-20T10:00:00Z"}
    seen("2026-11-29T10:00:00Z", "available", "River Desk again")   # a newer answer is the view again
    row = store.post_row("twitter", "7")
    assert (row["status"], row["last_observed_at"], row["last_available_at"]) == (
        "available", "2026-11-29T10:00:00Z", "2026-11-29T10:00:00Z")


def test_urlforms32_an_account_seen_under_its_handle_in_another_case_is_one_author(tmp_path):
    """urlforms32 (#15): X reads a handle in any case, so @River_Desk and @RIVER_DESK are one account; `authors` was
    keyed by the handle's exact text, and an account whose handle a source gave in another case (a re-cased handle)
    became a second author. Now it is one row, shown as the newest answer gave it, first seen when it first was."""
    with Cache(tmp_path / "c.db") as store:
        for post_id, handle, when in (("1", "River_Desk", "2026-01-01T00:00:00Z"),
                                      ("2", "RIVER_DESK", "2026-02-01T00:00:00Z"),
                                      ("3", "river_desk", "2026-03-01T00:00:00Z")):
            store.record_observation({"platform": "twitter", "post_id": post_id, "status": "available",
                                      "url": f"https://twitter.com/{handle}/status/{post_id}", "author_handle": handle,
                                      "author_id": "4400000099", "record": {}}, [], observed_at=when)
        rows = [(r["handle"], r["author_id"], r["first_seen_at"], r["last_seen_at"])
                for r in store.db.query("SELECT * FROM authors")]
        assert rows == [("river_desk", "4400000099", "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z")]
        assert store.account_names("twitter", "RIVER_DESK") == ["4400000099"]


def test_review32r3_an_older_answer_about_another_post_leaves_the_accounts_newer_name_spelling_and_times(tmp_path):
    """review32r3: replay32's "an older answer adds, never replaces" was judged against the POST's view only, but an
    author row is the account's, shared by its posts: a 2023 WARC replayed now with the first answer about another
    post (no view to be older than) re-spelt the account as 2023 gave it, put back its 2023 name and moved its
    last_seen_at back three years. Older than the account's last sighting is older, whichever post it is about."""
    with Cache(tmp_path / "c.db") as store:
        def seen(post_id: str, handle: str, name: str, when: str) -> None:
            store.record_observation({"platform": "twitter", "post_id": post_id, "status": "available",
                                      "url": f"https://twitter.com/{handle}/status/{post_id}", "author_handle": handle,
                                      "author_name": name, "author_id": "4400000099", "record": {}}, [],
                                     observed_at=when)
        seen("1", "River_Desk", "River Desk", "2026-11-20T10:00:00Z")
        seen("2", "RIVER_DESK", "Riverton Desk (2023)", "2023-05-02T10:00:00Z")   # another post, replayed from 2023
        rows = [(r["handle"], r["name"], r["author_id"], r["first_seen_at"], r["last_seen_at"])
                for r in store.db.query("SELECT * FROM authors")]
        assert rows == [("River_Desk", "River Desk", "4400000099", "2023-05-02T10:00:00Z", "2026-11-20T10:00:00Z")]
        seen("3", "river_desk", "River Desk 2", "2026-11-29T10:00:00Z")   # a newer answer re-spells and renames
        rows = [(r["handle"], r["name"], r["first_seen_at"], r["last_seen_at"])
                for r in store.db.query("SELECT * FROM authors")]
        assert rows == [("river_desk", "River Desk 2", "2023-05-02T10:00:00Z", "2026-11-29T10:00:00Z")]


def test_review32r3_an_answer_dated_after_now_does_not_hold_the_view_against_an_answer_given_now(store):
    """review32r3: replay32 keeps the view of the newest answer by its source's time. A WARC written on a machine whose
    clock ran a year ahead (a WARC-Date "from the future") then held the view for good: a live run that found the
    post deleted recorded it, and `report --offline` still said "available (as of <next year>)". A time after the
    moment an answer is recorded is no time to trust; such an answer counts as one giving no time."""
    from datetime import datetime, timedelta, timezone

    def at(days: float) -> str:
        return (datetime.now(timezone.utc) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def seen(when: str, status: str) -> None:
        fetch_id = store.record_fetch({"url": "https://cdn.syndication.twimg.com/tweet-result?id=8", "method": "GET",
                                       "fetched_at": when, "status": 200, "purpose": "syndication"})
        record = {"status": status, "fetch_ids": [fetch_id]}
        store.record_observation({"platform": "twitter", "post_id": "8", "url": "https://twitter.com/a/status/8",
                                  "status": status, "method": "syndication", "record": record},
                                 [{"method": "syndication", "status": status, "fetch_id": fetch_id,
                                   "record": json.dumps(record)}], observed_at=when)

    seen(at(-30), "available")
    seen(at(365), "available")   # replayed from a WARC whose clock ran a year ahead
    seen(at(-1 / 86400), "deleted")   # a live answer of a second ago, recorded now
    row = store.post_row("twitter", "8")
    assert (row["status"], json.loads(row["record"])["status"]) == ("deleted", "deleted")
    seen(at(-60), "available")   # an older answer still leaves the view
    assert store.post_row("twitter", "8")["status"] == "deleted"


def test_lead32_the_time_a_status_was_observed_is_its_answers_not_a_later_errors(store):
    """review32r5 #4: `stats` said as of when the statuses it counts were observed from the posts' last observation,
    which an error answer moves while the status it holds stays: a post found deleted on 2025-01-01 and asked again
    on 2026-11-29 while its source answered 503 read as observed 2026-11-29, and "none is older than cache_ttl"."""
    def seen(at, status):
        fetch_id = store.record_fetch({"url": "https://cdn.syndication.twimg.com/tweet-result?id=9", "method": "GET",
                                       "fetched_at": at, "status": 503 if status == "error" else 200,
                                       "purpose": "syndication"})
        record = {"status": status, "fetch_ids": [fetch_id]}
        store.record_observation(
            {"platform": "twitter", "post_id": "9", "url": "https://twitter.com/river_desk/status/9", "status": status,
             "method": "syndication", "record": record},
            [{"method": "syndication", "status": status, "fetch_id": fetch_id, "record": json.dumps(record)}],
            observed_at=at)

    seen("2025-01-01T10:00:00Z", "deleted")
    seen("2026-11-29T10:00:00Z", "error")
    assert store.post_row("twitter", "9")["status"] == "deleted"
    assert store.statuses_observed("2026-01-01T00:00:00Z") == (
        1, "2025-01-01T10:00:00Z", "2025-01-01T10:00:00Z", 1)


def test_review33r1_a_replay_that_read_a_links_first_hop_before_its_warc_ran_out_is_the_newest_answer(store):
    """replay33 looks past a replay's "not-in-warc" resolution, which observed nothing of its link, to an older live
    one. A replay whose WARC held the link's first hop (301 to another place than the live run saw) and lacked the
    next observed the link: looking past it gave the older live chain as the link's answer, over a newer one that
    contradicts it (review33r1). A replay that read no hop of it is still looked past."""
    def resolved(url: str, hops: list[dict], final: str | None, error: str | None, at: str) -> int:
        return store.record_resolution({"url": url, "final_url": final, "hops": hops, "post": None, "error": error,
                                        "resolved_at": at, "tool_version": "test"})
    missing = "not-in-warc: not in the replayed WARC files (/tmp/run.warc.gz): GET "
    for link in ("https://t.co/a", "https://t.co/b"):
        resolved(link, [{"url": link, "status": 301, "location": "https://old.example/"},
                        {"url": "https://old.example/", "status": 200}], "https://old.example/", None,
                 "2026-01-01T00:00:00.000000Z")
    partial = resolved("https://t.co/a", [{"url": "https://t.co/a", "status": 301, "location": "https://new.example/"},
                                          {"url": "https://new.example/", "status": None}],
                       "https://new.example/", missing + "https://new.example/", "2026-02-01T00:00:00.000000Z")
    resolved("https://t.co/b", [{"url": "https://t.co/b", "status": None}], "https://t.co/b",
             missing + "https://t.co/b", "2026-02-01T00:00:00.000000Z")
    found = store.latest_resolutions(["https://t.co/a", "https://t.co/b"])
    assert found["https://t.co/a"]["id"] == partial
    assert store.latest_resolution("https://t.co/a")["id"] == partial
    assert found["https://t.co/b"]["final_url"] == "https://old.example/" and found["https://t.co/b"]["error"] is None
