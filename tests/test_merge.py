"""cache merge: shard databases into one, facts deduplicated, ids remapped, history in time order."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from cache import Store
from cache.merge import MergeError, merge
from cache.store import MIGRATIONS
from tests import oldcaches
from tests.blankstore import blank_store
from tests.corpusdb import ALIVE, DELETED, ERRORED, MISSING, SUSPENDED, credit, observe, populate, tweet

# The caches a test makes to merge, or to merge into, are copies of an empty cache (tests/blankstore.py, #14): how a
# cache is made is not what these tests check (test_store, test_blankstore do). OUT, when a merge makes it, is made
# by the merge as a user's is.
TABLES = ("articles", "article_sources", "embeds", "credits", "fetches", "resolutions", "embed_links", "bodies",
          "posts", "authors", "post_observations", "media", "post_media", "embed_posts", "snapshots", "saves",
          "identifications", "errors", "progress")


def counts(path: Path) -> dict[str, int]:
    store = Store(path)
    try:
        return {t: store.count(t) for t in TABLES}
    finally:
        store.close()


@pytest.fixture(scope="module")
def made_shards(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The two shards, made once a module (each test that merges them copies them: `shards`)."""
    return _make_shards(tmp_path_factory.mktemp("shards"))


@pytest.fixture
def shards(tmp_path: Path, made_shards: tuple[Path, Path]) -> tuple[Path, Path]:
    """Two shards of one corpus, each test's own copy (SQLite's backup) at the path it was made at in the test's
    folder: no test sees another's writes (a test writes to a shard: test_merging_into_a_database_keeps...)."""
    copies = []
    for made in made_shards:
        copy = tmp_path / made.name
        with sqlite3.connect(made) as source, sqlite3.connect(copy) as target:
            source.backup(target)
        source.close()
        target.close()
        copies.append(copy)
    return copies[0], copies[1]


def _make_shards(folder: Path) -> tuple[Path, Path]:
    a, b = folder / "shard-1.db", folder / "shard-2.db"
    store = Store(a)
    populate(store)
    store.mark_done("scan", [{"key": "/in/feed.jsonl@0", "source": "feed.jsonl:1", "article_id": 1}])
    store.close()
    store = Store(b)
    # The same bytes as shard 1's first article, read from elsewhere; and one article of its own.
    store.record_article({"sha256": hashlib.sha256(b"feed.jsonl:1").hexdigest(), "kind": "html", "encoding": "utf-8",
                          "encoding_detected": 0, "bytes": 100}, [tweet(ALIVE, 0)], [], source="mirror/copy.html",
                         tool_version="test")
    own, _ = store.record_article({"sha256": "e" * 64, "kind": "html", "encoding": "utf-8", "encoding_detected": 0,
                                   "bytes": 5}, [tweet(DELETED, 0), tweet(SUSPENDED, 1)], [],
                                  source="d.html", tool_version="test")
    observe(store, DELETED, "2023-12-01T00:00:00.000000Z", "available")      # older than shard 1's sightings
    observe(store, SUSPENDED, "2025-01-01T00:00:00.000000Z", "available")    # reinstated since
    observe(store, ERRORED, "2023-01-01T00:00:00.000000Z", "available")      # older, but says more than "error"
    resolution = store.record_resolution({"url": "https://t.co/zzz", "final_url": tweet(DELETED, 0)["url"],
                                          "hops": [], "resolved_at": "2023-12-01T00:00:00.000000Z",
                                          "fetch_ids": [1, 2], "tool_version": "test"})
    store.link_embeds(own, [(0, "https://t.co/zzz", resolution)])
    store.queue_save(f"https://twitter.com/quiet/status/{MISSING}")   # shard 1 queued it too: made once
    store.queue_save("https://news.example/only-here")
    store.mark_done("scan", [{"key": "/in/feed.jsonl@0", "source": "feed.jsonl:1"},
                             {"key": "/in/d.html|5|1", "source": "d.html", "article_id": own}])
    store.close()
    return a, b


def test_shards_merge_into_one_database_without_duplicates(tmp_path: Path, shards: tuple[Path, Path]) -> None:
    out = tmp_path / "all.db"
    report = merge(out, list(shards))
    merged = counts(out)
    assert merged["articles"] == 4 and merged["article_sources"] == 5
    assert merged["embeds"] == 8 + 2 and merged["posts"] == 6 and merged["authors"] == 5
    assert merged["post_observations"] == 11 + 3 and merged["fetches"] == 12 + 3
    assert merged["saves"] == 2 and merged["progress"] == 2
    assert report.to_json()["tables"]["articles"] == {"read": 5, "in_output": 4}
    store = Store(out)
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    sources = store.db.execute("SELECT source FROM article_sources WHERE article_id = 1 ORDER BY id").fetchall()
    assert [s[0] for s in sources] == ["feed.jsonl:1", "mirror/copy.html"]


def test_observations_and_fetches_are_in_time_order_and_still_tied(tmp_path: Path, shards) -> None:
    out = tmp_path / "all.db"
    merge(out, list(shards))
    store = Store(out)
    for table, column in (("fetches", "fetched_at"), ("post_observations", "observed_at"),
                          ("resolutions", "resolved_at")):
        times = [r[0] for r in store.db.execute(f"SELECT {column} FROM {table} ORDER BY id")]
        assert times == sorted(times), table
    observations = store.observations(store.post_row("twitter", DELETED)["id"])
    assert [o["observed_at"][:10] for o in observations] == ["2023-12-01", "2024-01-01", "2024-06-01"]
    for obs in observations:   # each still points at the request it was made from
        fetch = store.fetch(obs["fetch_id"])
        assert fetch["fetched_at"] == obs["observed_at"] and DELETED in fetch["url"]
    # resolutions' JSON lists of fetch ids follow the renumbering
    shard_two = store.latest_resolution("https://t.co/zzz")
    assert [store.fetch(i)["fetched_at"][:10] for i in shard_two["fetch_ids"]] == ["2023-12-01", "2025-01-01"]
    assert store.fetch(store.latest_resolution("https://t.co/abc")["fetch_ids"][0])["purpose"] == "wayback-cdx"


def test_a_post_seen_in_two_shards_keeps_the_newer_and_better_view(tmp_path: Path, shards) -> None:
    out = tmp_path / "all.db"
    merge(out, list(shards))
    store = Store(out)
    reinstated = store.post_row("twitter", SUSPENDED)
    assert (reinstated["status"], reinstated["first_observed_at"][:10], reinstated["last_observed_at"][:10],
            reinstated["last_available_at"][:10]) == ("available", "2024-01-01", "2025-01-01", "2025-01-01")
    deleted = store.post_row("twitter", DELETED)
    assert (deleted["status"], deleted["first_observed_at"][:10]) == ("deleted", "2023-12-01")
    assert store.post_row("twitter", ERRORED)["status"] == "available"   # a known status beats a newer "error"


def test_merging_again_adds_nothing(tmp_path: Path, shards) -> None:
    out = tmp_path / "all.db"
    merge(out, list(shards))
    once = counts(out)
    merge(out, [shards[1], shards[0]])
    merge(out, [shards[1]])   # (one call naming an input twice is a usage mistake: tests/test_step_errors.py)
    assert counts(out) == once


def test_embed_links_keep_the_newest_resolution(tmp_path: Path) -> None:
    paths = []
    for n, resolved_at in enumerate(("2024-05-01T00:00:00.000000Z", "2024-01-01T00:00:00.000000Z")):
        store = blank_store(tmp_path / f"s{n}.db")
        article_id, _ = store.record_article({"sha256": "f" * 64, "kind": "html", "encoding": "utf-8",
                                              "encoding_detected": 0, "bytes": 1}, [tweet(ALIVE, 0)], [],
                                             source="same.html", tool_version="test")
        resolution = store.record_resolution({"url": "https://t.co/x", "final_url": f"https://end/{n}", "hops": [],
                                              "resolved_at": resolved_at, "tool_version": "test"})
        store.link_embeds(article_id, [(0, "https://t.co/x", resolution)])
        store.close()
        paths.append(tmp_path / f"s{n}.db")
    merge(tmp_path / "out.db", paths)
    store = Store(tmp_path / "out.db")
    (link,) = store.db["embed_links"].rows
    assert store.db["resolutions"].get(link["resolution_id"])["final_url"] == "https://end/0"


def test_merged_database_answers_the_views_and_search(tmp_path: Path, shards) -> None:
    out = tmp_path / "all.db"
    merge(out, list(shards))
    store = Store(out)
    assert [r["author_handle"] for r in store.db["posts"].search("harbour")]
    gone = {r["handle"]: r["articles"] for r in store.db["gone_accounts_most_cited"].rows}
    assert gone == {"gone_account": 4}    # shard 2's own article cites the deleted post too
    assert store.db.execute("SELECT COUNT(*) FROM embeds_fts").fetchone()[0] == 10


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b"not sqlite" * 50), "cannot merge {p}: not an embed-resolver cache"),
    (lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)"), "cannot merge {p}: not an embed-resolver cache"),
    (lambda p: blank_store(p).db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                                   " VALUES ('embed-resolver-cache', 'm999_future', 'now')").connection.commit(),
     "cannot merge {p}: written by a newer embed-resolver (m999_future); upgrade"),
    (lambda p: blank_store(p).db.execute("UPDATE _sqlite_migrations SET name = 'm017_progress_runs'"
                                   " WHERE name = 'm017_article_encoding_given'").connection.commit(),
     "cannot merge {p}: written by another build of embed-resolver, not a release (it has m017_progress_runs, which "
     "this version does not know, and lacks m017_article_encoding_given)"),
    (lambda p: blank_store(p).db.execute("CREATE TABLE later_things (id INTEGER)").connection.commit(),
     "cannot merge {p}: it has tables this version does not know (later_things)"),
    (lambda p: blank_store(p).db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}").connection.commit(),
     f"cannot merge {{p}}: written by a newer embed-resolver (schema version {len(MIGRATIONS) + 1}); upgrade"),
], ids=["not-sqlite", "not-a-cache", "newer", "another-build", "unknown-table", "newer-schema-version"])
def test_inputs_that_cannot_be_merged_leave_out_untouched(tmp_path: Path, shards, make, message: str) -> None:
    out = tmp_path / "all.db"
    merge(out, [shards[0]])
    before = out.read_bytes()
    bad = tmp_path / "bad.db"
    make(bad)
    with pytest.raises(MergeError) as error:
        merge(out, [shards[1], bad])
    assert str(error.value) == message.format(p=bad)
    assert out.read_bytes() == before and not (tmp_path / "all.db.merging").exists()


def test_out_cannot_be_an_input_nor_in_use(tmp_path: Path, shards) -> None:
    with pytest.raises(MergeError, match="is both the output and an input"):
        merge(shards[0], [shards[1], shards[0]])
    with pytest.raises(MergeError, match="nothing to merge"):
        merge(tmp_path / "x.db", [])
    with pytest.raises(MergeError, match="no such file"):
        merge(tmp_path / "x.db", [tmp_path / "missing.db"])
    busy = blank_store(tmp_path / "busy.db")
    busy.mark_done("scan", [{"key": "k"}])
    with pytest.raises(MergeError, match="another process has it open"):
        merge(tmp_path / "busy.db", [shards[0]])
    busy.close()


def test_errors_of_each_shard_are_kept_once_tied_to_their_merged_article(tmp_path: Path) -> None:
    paths = [tmp_path / "shard-1.db", tmp_path / "shard-2.db"]
    for n, path in enumerate(paths):
        with blank_store(path) as store:
            if n:   # shard 2 holds another article first, so its ids differ from the merged database's
                store.record_article({"sha256": "f" * 64, "kind": "html", "encoding": "utf-8",
                                      "encoding_detected": 0, "bytes": 1}, [], [], source="other.html",
                                     tool_version="test")
            article_id, _ = store.record_article({"sha256": "a" * 64, "kind": "html", "encoding": "utf-8",
                                                  "encoding_detected": 0, "bytes": 1}, [], [], source="a.html",
                                                 tool_version="test")
            store.record_error({"source": "a.html", "article_id": article_id, "stage": "fetch", "kind": "KeyError",
                                "message": f"shard {n + 1}", "tool_version": "test"})
            store.record_error({"source": "feed.jsonl:2", "article_id": None, "stage": "read", "kind": "input",
                                "message": "cannot read feed.jsonl:2: not JSON", "tool_version": "test"})
    out = tmp_path / "all.db"
    merge(out, paths)
    merge(out, paths)   # again: nothing new
    store = Store(out)
    a = store.article_by_sha256("a" * 64)
    assert a is not None
    rows = sorted((e["source"], e["article_id"], e["message"]) for e in store.errors())
    # the same "not JSON" line in both shards was recorded at two times: two facts, each kept once
    assert rows[:2] == [("a.html", a["id"], "shard 1"), ("a.html", a["id"], "shard 2")]
    assert [r[0] for r in rows[2:]] == ["feed.jsonl:2", "feed.jsonl:2"] and all(r[1] is None for r in rows[2:])


def _shard_with_a_resolution(path: Path, url: str, at: str, post_id: str) -> None:
    """A cache where one link was resolved in two hops and one post fetched, each request in the fetch log."""
    store = blank_store(path)
    hops = []
    for n, hop in enumerate([url, "http://127.0.0.1:1/end"]):
        fetch_id = store.record_fetch({"url": hop, "method": "GET", "fetched_at": f"{at}.00000{n}Z", "status": 200,
                                       "purpose": "resolve", "tool_version": "test"})
        hops.append({"url": hop, "status": 301 if n == 0 else 200, "location": None, "fetch_id": fetch_id})
    store.record_resolution({"url": url, "final_url": "http://127.0.0.1:1/end", "hops": hops, "resolved_at": at,
                             "fetch_ids": [h["fetch_id"] for h in hops], "tool_version": "test"})
    fetch_id = store.record_fetch({"url": f"http://127.0.0.1:1/tweet-result?id={post_id}", "method": "GET",
                                   "fetched_at": f"{at}.000009Z", "status": 200, "purpose": "syndication",
                                   "tool_version": "test"})
    record = {"status": "available", "fetch_ids": [fetch_id]}
    store.record_observation({"platform": "twitter", "post_id": post_id, "status": "available", "record": record},
                             [{"method": "syndication", "status": "available", "fetch_id": fetch_id,
                               "record": json.dumps(record)}], observed_at=f"{at}.000009Z")
    store.close()


def test_fetch_ids_inside_hops_and_post_records_follow_the_merge(tmp_path: Path) -> None:
    """A report names each hop's request (fetch #N) from the resolution's hops, and a cached post record names its
    requests: after a merge they must still be the requests they were, not rows of another shard."""
    # the later shard first: its fetch rows are renumbered after the earlier shard's
    _shard_with_a_resolution(tmp_path / "late.db", "http://127.0.0.1:1/late", "2025-01-01T00:00:00", "1" * 19)
    _shard_with_a_resolution(tmp_path / "early.db", "http://127.0.0.1:1/early", "2024-01-01T00:00:00", "2" * 19)
    out = tmp_path / "all.db"
    merge(out, [tmp_path / "late.db", tmp_path / "early.db"])
    store = Store(out)
    for url in ("http://127.0.0.1:1/late", "http://127.0.0.1:1/early"):
        resolution = store.latest_resolution(url)
        assert [h["fetch_id"] for h in resolution["hops"]] == resolution["fetch_ids"]
        assert [store.fetch(h["fetch_id"])["url"] for h in resolution["hops"]] == [url, "http://127.0.0.1:1/end"]
    for post in store.all_post_rows():
        [observation] = store.observations(post["id"])
        assert json.loads(observation["record"])["fetch_ids"] == [observation["fetch_id"]]
        assert json.loads(post["record"])["fetch_ids"] == [observation["fetch_id"]]


def test_a_later_error_does_not_make_an_older_view_win_the_merge(tmp_path: Path) -> None:
    """One shard saw the post available, then got an error (its view stays "available", but its last sighting is the
    error's); the other saw it deleted in between. The newest known status is "deleted", as one database recording
    the three sightings in time order would say, whichever order the shards are merged in."""
    early, middle = tmp_path / "early.db", tmp_path / "middle.db"
    store = blank_store(early)
    observe(store, DELETED, "2024-01-01T00:00:00.000000Z", "available")
    observe(store, DELETED, "2024-03-01T00:00:00.000000Z", "error")
    store.close()
    store = blank_store(middle)
    observe(store, DELETED, "2024-02-01T00:00:00.000000Z", "deleted")
    store.close()
    for order in ([early, middle], [middle, early]):
        out = tmp_path / f"all-{order[0].stem}.db"
        merge(out, order)
        post = Store(out).post_row("twitter", DELETED)
        assert (post["status"], post["last_observed_at"][:10], post["last_available_at"][:10]) == (
            "deleted", "2024-03-01", "2024-01-01"), order


def test_merging_into_a_database_keeps_its_own_unfinished_outputs(tmp_path: Path, shards) -> None:
    """OUT's record of an unfinished `scan -o FILE` (how much of FILE its run wrote, which the re-run goes on from)
    was dropped by merging shards into OUT, as every `--engine dask` run does at its end; a shard's own record
    belongs to the shard's run and is still not taken."""
    out = tmp_path / "out.db"
    with blank_store(out) as store:
        store.record_output("scan:own", str(tmp_path / "found.jsonl"), 1234)
    with Store(shards[0]) as store:
        store.record_output("scan:shard", str(tmp_path / "shard.jsonl"), 99)
    merge(out, list(shards))
    with Store(out) as store:
        assert store.output_length("scan:own") == 1234
        assert store.output_length("scan:shard") is None


def test_the_help_and_the_readme_name_the_columns_fetches_are_matched_by() -> None:
    """`cache merge --help` said fetches are matched "by URL, method, time and purpose"; the README, rightly, adds
    the contacted URL (two [origins] sending one URL to two servers are two fetches)."""
    from click.testing import CliRunner

    from cache.merge import RULES
    from resolver.cli import cli

    [fetches] = [rule for rule in RULES if rule.table == "fetches"]
    assert fetches.identity == ("url", "method", "fetched_at", "contacted_url", "purpose")
    said = "fetches by URL, method, time, contacted URL and purpose"
    assert said in " ".join(CliRunner().invoke(cli, ["cache", "merge", "--help"]).output.split())
    assert said in " ".join((Path(__file__).parent.parent / "README.md").read_text().split())


SHA = hashlib.sha256(b"cz.html").hexdigest()


def _czech(path: Path, *, given_at: str | None, name: str) -> Path:
    """A cache holding one article read as cp1250 (given by the user at `given_at`) or guessed as cp1252."""
    embed = {**tweet(ALIVE, 0), "author_name": name}
    with blank_store(path) as store:
        store.record_article({"sha256": SHA, "kind": "html", "bytes": 100, "encoding_given": bool(given_at),
                              "encoding": "cp1250" if given_at else "cp1252", "encoding_detected": int(not given_at),
                              "encoding_given_at": given_at},
                             [embed], [{**credit(f"(Foto: {name}/ČTK)", "ČTK", name, 0), "also_at": []}],
                             source="cz.html", tool_version="test")
    return path


def _recorded(out: Path) -> tuple:
    with sqlite3.connect(out) as conn:
        return (conn.execute("SELECT encoding, encoding_detected, encoding_given_at FROM articles").fetchall(),
                conn.execute("SELECT creator FROM credits").fetchall(),
                conn.execute("SELECT id, author_name FROM embeds").fetchall(),
                conn.execute("SELECT rowid FROM embeds_fts WHERE embeds_fts MATCH 'Čermák'").fetchall()
                + conn.execute("PRAGMA foreign_key_check").fetchall())


@pytest.mark.parametrize("given_first", [False, True], ids=["guess-first", "given-first"])
def test_an_encoding_the_user_gave_wins_the_merge_in_either_order(tmp_path: Path, given_first: bool) -> None:
    """Articles match by sha256 and the first input's record was kept: a shard where the user gave --encoding lost
    its correction to one holding the guess merged before it (review26 #5)."""
    guess = _czech(tmp_path / "guess.db", given_at=None, name="Jiøí Èermák")
    given = _czech(tmp_path / "given.db", given_at="2026-11-29T01:00:00.000000Z", name="Jiří Čermák")
    out = tmp_path / "out.db"
    report = merge(out, [given, guess] if given_first else [guess, given])
    assert _recorded(out) == ([("cp1250", 0, "2026-11-29T01:00:00.000000Z")], [("Jiří Čermák",)],
                              [(1, "Jiří Čermák")], [(1,)])
    [chosen] = report.to_json()["preferred"]
    assert chosen == {"sha256": SHA, "source": "cz.html", "kept": str(given), "over": str(guess),
                      "why": "its encoding (cp1250) was given by the user on 2026-11-29, the other's was guessed "
                             "(cp1252)"}


def test_the_encoding_given_last_wins_the_merge(tmp_path: Path) -> None:
    early = _czech(tmp_path / "early.db", given_at="2026-11-28T01:00:00.000000Z", name="Jiří Čermák")
    with sqlite3.connect(early) as conn:
        conn.execute("UPDATE articles SET encoding = 'iso8859-2'")
    late = _czech(tmp_path / "late.db", given_at="2026-11-29T01:00:00.000000Z", name="Jiří Čermák")
    for order in ([early, late], [late, early]):
        out = tmp_path / f"out-{order[0].stem}.db"
        report = merge(out, order)
        assert _recorded(out)[0] == [("cp1250", 0, "2026-11-29T01:00:00.000000Z")]
        assert report.to_json()["preferred"][0]["why"] == ("its encoding (cp1250) was given by the user on "
                                                           "2026-11-29, the other's (iso8859-2) on 2026-11-28")


@pytest.mark.parametrize("old_first", [False, True], ids=["new-first", "old-first"])
def test_a_newer_extraction_wins_the_merge_over_one_made_before_m016(tmp_path: Path, old_first: bool) -> None:
    """A database written before m016 (each place a credit is printed for one photo a credit of its own) merged with
    a new one kept whichever came first: three credits, or one with its other places (review26b #7)."""
    from sqlite_utils import Database

    oldcaches.made_before(tmp_path / "old.db", "m016_credit_also_at")
    old = Database(tmp_path / "old.db")
    old["articles"].insert({"sha256": SHA, "kind": "html", "encoding": "utf-8", "encoding_detected": 0, "bytes": 100,
                            "first_source": "npr.html", "first_scanned_at": "2026-01-01", "tool_version": "old",
                            "embed_count": 1, "credit_count": 3})
    old["embeds"].insert({"article_id": 1, "ordinal": 0, **{k: v for k, v in tweet(ALIVE, 0).items()
                                                             if k not in ("span", "media_links", "links", "also_at")}})
    old["credits"].insert_all({"article_id": 1, "ordinal": i, "raw": "Jane Doe/NPR", "creator": "Jane Doe",
                               "organization": "NPR", "source": "html", "span_start": at, "span_end": at + 12}
                              for i, at in enumerate((163, 207, 316)))
    old.conn.close()
    new = tmp_path / "new.db"
    with blank_store(new) as store:
        store.record_article({"sha256": SHA, "kind": "html", "encoding": "utf-8", "encoding_detected": 0,
                              "bytes": 100}, [tweet(ALIVE, 0)],
                             [{"raw": "Jane Doe/NPR", "creator": "Jane Doe", "organization": "NPR", "source": "html",
                               "span": [163, 175], "also_at": [[207, 219], [316, 328]]}],
                             source="npr.html", tool_version="new")
    out = tmp_path / "out.db"
    report = merge(out, [tmp_path / "old.db", new] if old_first else [new, tmp_path / "old.db"])
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT span_start, also_at FROM credits").fetchall() == \
            [(163, "[[207, 219], [316, 328]]")]
        assert conn.execute("SELECT credit_count, tool_version FROM articles").fetchall() == [(1, "new")]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    [chosen] = report.to_json()["preferred"]
    assert (chosen["kept"], chosen["over"]) == (str(new), str(tmp_path / "old.db"))
    assert chosen["why"] == "a newer extraction: the other's credits were found before m016 (no also_at)"


def _czech_before_m017(path: Path, *, encoding: str, name: str) -> Path:
    """A cache made before m017 holding the article read in `encoding`, not guessed: given with --encoding or
    declared, the record cannot say which (it has no encoding_given_at)."""
    from sqlite_utils import Database

    oldcaches.made_before(path, "m017_article_encoding_given")
    old = Database(path)
    old["articles"].insert({"sha256": SHA, "kind": "html", "encoding": encoding, "encoding_detected": 0, "bytes": 100,
                            "first_source": "cz.html", "first_scanned_at": "2026-11-01T00:00:00.000000Z",
                            "tool_version": "0.1.0", "embed_count": 1, "credit_count": 1})
    old["embeds"].insert({"article_id": 1, "ordinal": 0, **{k: v for k, v in tweet(ALIVE, 0).items()
                                                             if k not in ("span", "media_links", "links", "also_at")},
                          "author_name": name})
    old["credits"].insert({"article_id": 1, "ordinal": 0, "raw": f"(Foto: {name}/ČTK)", "creator": name,
                           "organization": "ČTK", "source": "text", "span_start": 100, "span_end": 110,
                           "also_at": "[]"})
    old.conn.close()
    return path


NOT_KNOWN = "was not guessed, but whether the user gave it or the page declared it is not known (recorded before " \
    "the cache kept it)"


@pytest.mark.parametrize("old_first", [False, True], ids=["given-first", "old-first"])
def test_a_record_made_before_m017_is_not_said_to_be_declared(tmp_path: Path, old_first: bool) -> None:
    """A record from before m017 whose encoding was not guessed may have been given with --encoding: the merge said
    it "was declared" (review27a #5). Merged into a new database and merged again, it is still not known."""
    old = _czech_before_m017(tmp_path / "old.db", encoding="iso8859-2", name="Jiří Čermák")
    given = _czech(tmp_path / "given.db", given_at="2026-11-29T01:00:00.000000Z", name="Jiří Čermák")
    once = tmp_path / "once.db"
    merge(once, [old])
    for first in (old, once):
        out = tmp_path / f"out-{first.stem}.db"
        report = merge(out, [first, given] if old_first else [given, first])
        assert _recorded(out)[0] == [("cp1250", 0, "2026-11-29T01:00:00.000000Z")]
        [chosen] = report.to_json()["preferred"]
        assert (chosen["kept"], chosen["why"]) == (str(given), "its encoding (cp1250) was given by the user on "
                                                   f"2026-11-29, the other's (iso8859-2) {NOT_KNOWN}")


@pytest.mark.parametrize("old_first", [False, True], ids=["guess-first", "old-first"])
def test_an_encoding_not_known_to_be_given_wins_over_a_guess(tmp_path: Path, old_first: bool) -> None:
    """A record from before m017 not guessed (the user may have given its encoding) against a guess: the one merged
    first was kept, and the merge said "neither encoding was given by the user", which is not known."""
    old = _czech_before_m017(tmp_path / "old.db", encoding="cp1250", name="Jiří Čermák")
    guess = _czech(tmp_path / "guess.db", given_at=None, name="Jiøí Èermák")
    out = tmp_path / "out.db"
    report = merge(out, [old, guess] if old_first else [guess, old])
    assert _recorded(out) == ([("cp1250", 0, None)], [("Jiří Čermák",)], [(1, "Jiří Čermák")], [(1,)])
    [chosen] = report.to_json()["preferred"]
    assert (chosen["kept"], chosen["why"]) == (str(old), f"its encoding (cp1250) {NOT_KNOWN}, the other's was "
                                                         "guessed (cp1252)")


def test_of_a_record_not_known_to_be_given_and_a_declared_one_the_first_is_kept(tmp_path: Path) -> None:
    old = _czech_before_m017(tmp_path / "old.db", encoding="cp1250", name="Jiří Čermák")
    declared = tmp_path / "declared.db"
    with blank_store(declared) as store:
        store.record_article({"sha256": SHA, "kind": "html", "bytes": 100, "encoding": "iso8859-2",
                              "encoding_detected": 0}, [{**tweet(ALIVE, 0), "author_name": "Jiří Čermák"}],
                             [{**credit("(Foto: Jiří Čermák/ČTK)", "ČTK", "Jiří Čermák", 0), "also_at": []}],
                             source="cz.html", tool_version="test")
    for order, why in (([old, declared], f"its encoding (cp1250) {NOT_KNOWN}, the other's was declared (iso8859-2)"),
                       ([declared, old], f"its encoding was declared (iso8859-2), the other's (cp1250) {NOT_KNOWN}")):
        report = merge(tmp_path / f"out-{order[0].stem}.db", order)
        [chosen] = report.to_json()["preferred"]
        assert (chosen["kept"], chosen["why"]) == (str(order[0]), "neither encoding is known to have been given by "
                                                   f"the user: kept the one merged first: {why}")


def test_the_merge_says_what_it_preferred(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from resolver.cli import cli

    guess = _czech(tmp_path / "guess.db", given_at=None, name="Jiøí Èermák")
    given = _czech(tmp_path / "given.db", given_at="2026-11-29T01:00:00.000000Z", name="Jiří Čermák")
    result = CliRunner().invoke(cli, ["cache", "merge", str(tmp_path / "out.db"), str(guess), str(given)])
    assert result.exit_code == 0, result.output
    assert (f"article {SHA[:12]}… (cz.html): kept {given}'s record over {guess}'s: its encoding (cp1250) was "
            f"given by the user on 2026-11-29, the other's was guessed (cp1252)") in result.stdout


def _declared(path: Path) -> Path:
    """A cache holding the article read in the charset its page declared (iso8859-2): not guessed, not given."""
    with blank_store(path) as store:
        store.record_article({"sha256": SHA, "kind": "html", "bytes": 100, "encoding": "iso8859-2",
                              "encoding_detected": 0}, [{**tweet(ALIVE, 0), "author_name": "Jiří Čermák"}],
                             [{**credit("(Foto: Jiří Čermák/ČTK)", "ČTK", "Jiří Čermák", 0), "also_at": []}],
                             source="cz.html", tool_version="test")
    return path


@pytest.mark.parametrize("merges", [1, 2], ids=["merged-once", "merged-twice"])
def test_a_declared_encoding_stays_declared_through_merges(tmp_path: Path, merges: int) -> None:
    """A merge's output is a new database: its m017 is dated at the merge, after every article it holds was first
    scanned, and merging it again said of a declared encoding that whether it was given "is not known" (#13)."""
    merged = _declared(tmp_path / "declared.db")
    for n in range(merges):
        merged, previous = tmp_path / f"merged-{n}.db", merged
        merge(merged, [previous])
    old = _czech_before_m017(tmp_path / "old.db", encoding="cp1250", name="Jiří Čermák")
    report = merge(tmp_path / "out.db", [merged, old])
    [chosen] = report.to_json()["preferred"]
    assert (chosen["kept"], chosen["why"]) == (str(merged), "neither encoding is known to have been given by the user: "
                                               "kept the one merged first: its encoding was declared (iso8859-2), the "
                                               f"other's (cp1250) {NOT_KNOWN}")
    # and merged into: OUT's own records (OUT made by a merge) are as known as any input's
    report = merge(merged, [old])
    [chosen] = report.to_json()["preferred"]
    assert chosen["why"].startswith("neither encoding is known to have been given by the user: kept the one merged "
                                    "first: its encoding was declared (iso8859-2)")


def test_a_record_not_known_to_be_given_stays_not_known_after_a_later_scan(tmp_path: Path) -> None:
    """The other way round: a merged output holding a record from before m017, scanned into afterwards, still says
    of it that whether its encoding was given is not known (the mark is the record's, not the database's)."""
    once = tmp_path / "once.db"
    merge(once, [_czech_before_m017(tmp_path / "old.db", encoding="cp1250", name="Jiří Čermák")])
    with Store(once) as store:
        store.record_article({"sha256": "f" * 64, "kind": "html", "bytes": 5, "encoding": "utf-8",
                              "encoding_detected": 0}, [], [], source="later.html", tool_version="test")
    twice = tmp_path / "twice.db"
    merge(twice, [once])
    report = merge(tmp_path / "out.db", [twice, _declared(tmp_path / "declared.db")])
    [chosen] = report.to_json()["preferred"]
    assert chosen["why"] == ("neither encoding is known to have been given by the user: kept the one merged first: "
                             f"its encoding (cp1250) {NOT_KNOWN}, the other's was declared (iso8859-2)")


def _as_before_m020(path: Path) -> Path:
    """`path` as a version before m020 left it: no encoding_given_known, and m020 on never applied."""
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE articles DROP COLUMN encoding_given_known")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name >= 'm020'")
    return path


def test_a_merge_says_once_per_input_which_records_cannot_say_if_their_encoding_was_given(tmp_path: Path) -> None:
    """replay29: a merged output made before m020 kept no mark of which records could say whether their encoding was
    given (its m017 is dated at that merge, after all it holds was scanned), nor does any column it holds (the
    tool's version is one, whatever the migrations): merged again, each of its records is not known, and the merge
    said so of no input, only in the why of each article two inputs recorded otherwise. Now it says so once, per
    input, with how many records. A cache made before m020 by scans alone can say (first scanned since its m017)."""
    from click.testing import CliRunner

    from resolver.cli import cli

    merged = tmp_path / "merged.db"
    merge(merged, [_declared(tmp_path / "declared.db")])
    _as_before_m020(merged)
    scanned = _as_before_m020(_declared(tmp_path / "scanned.db"))   # declared, scanned since its m017: it can say
    old = _czech_before_m017(tmp_path / "old.db", encoding="cp1250", name="Jiří Čermák")
    out = tmp_path / "out.db"
    result = CliRunner().invoke(cli, ["cache", "merge", str(out), str(scanned), str(merged), str(old)])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stdout.splitlines() if "is not known" in line and not line.startswith("article")]
    assert notes == [
        f"{merged}: 1 article record made before m017, or copied in by a merge before m020: whether the user gave its "
        "encoding (not guessed) is not known, and nothing it holds can tell",
        f"{old}: 1 article record made before m017: whether the user gave its encoding (not guessed) is not known, "
        "and nothing it holds can tell"]
    report = merge(tmp_path / "again.db", [scanned])
    assert report.to_json()["notes"] == []
    with sqlite3.connect(tmp_path / "again.db") as conn:
        assert conn.execute("SELECT encoding_given_known FROM articles").fetchall() == [(1,)]


@pytest.mark.parametrize("old_first", [True, False], ids=["old-first", "new-first"])
def test_an_older_caches_posts_merged_are_found_under_ids_that_name_their_place(tmp_path: Path,
                                                                                 old_first: bool) -> None:
    """review30r1 (#15, #13): m030 re-keys the Telegram, Bluesky and Mastodon posts of a cache made before it when
    the cache is opened, but a merge copied an older input's rows as they were: in the merged output (already at m030)
    they kept their bare number or key for good, a post cached was "not in the cache" under its id, and the views
    joined none of its embeds. The merged rows are re-keyed as m030 re-keys them, a row of two posts left as it was."""
    from tests.test_store import _cache_with_posts_keyed_the_old_way

    _cache_with_posts_keyed_the_old_way(tmp_path / "old.db")
    new = blank_store(tmp_path / "new.db")   # a shard of this version, holding one of the old shard's posts already
    new.db["posts"].insert({"platform": "telegram", "post_id": "rivertonchannel/416", "status": "available",
                            "url": "https://t.me/rivertonchannel/416", "first_observed_at": "2026-01-01T00:00:00Z"})
    new.close()
    inputs = [tmp_path / "old.db", tmp_path / "new.db"]
    merge(tmp_path / "out.db", inputs if old_first else inputs[::-1])
    out = Store(tmp_path / "out.db")
    try:
        assert sorted((e["platform"], e["post_id"]) for e in out.db["embeds"].rows) == sorted([
            ("telegram", "rivertonchannel/416"), ("telegram", "c/1234567890/7"),
            ("bluesky", "ann.example.com/3kabc123xyz"), ("mastodon", "social.example.net:8443/112000000000000001"),
            ("bluesky", "ann.example.com/3kmerged0001"), ("bluesky", "bob.example.org/3kmerged0001")])
        for platform, post_id in [("telegram", "rivertonchannel/416"), ("telegram", "c/1234567890/7"),
                                  ("bluesky", "ann.example.com/3kabc123xyz"),
                                  ("mastodon", "social.example.net:8443/112000000000000001")]:
            assert out.post_row(platform, post_id) is not None, post_id
        assert out.post_row("bluesky", "ann.example.com/3kmerged0001") is None   # two posts' row: not split
        assert out.post_row("bluesky", "3kmerged0001") is not None
        assert out.post_row("telegram", "416") is not None   # the new shard's row of it was there: both kept (m030)
    finally:
        out.close()


def _resolution_before_m033(path: Path) -> None:
    """A cache made before m033 holding a resolution whose `post` names the id's time `created_at` (before fixnu30b)."""
    from sqlite_utils import Database

    oldcaches.made_before(path, "m033_resolution_post_snowflake_time")
    old = Database(path)
    old["resolutions"].insert({"url": "https://t.co/kept", "final_url": "https://twitter.com/a/status/1600000000000000001",
                               "hops": "[]", "resolved_at": "2026-01-01T00:00:00Z", "error": None,
                               "post": json.dumps({"platform": "twitter", "kind": "post",
                                                   "post_id": "1600000000000000001", "author_handle": "a",
                                                   "url": "https://twitter.com/a/status/1600000000000000001",
                                                   "created_at": "2022-12-06T05:31:41.219Z"})})
    old.conn.close()


@pytest.mark.parametrize("how", ["opened", "merged"])
def test_review30r3_a_kept_resolutions_id_time_is_snowflake_time_in_the_cache_too(tmp_path, how):
    """fixnu30b renamed a resolution's `post.created_at` (the id's time) `snowflake_time`, and read old rows under
    either name; `cache export resolutions` still showed old rows' `created_at`, the id's time, though `created_at`
    is the post's own time in every JSON output. An old cache opened, or merged in, says `snowflake_time`."""
    from cache.maintenance import rows

    _resolution_before_m033(tmp_path / "old.db")
    path = tmp_path / "old.db"
    if how == "merged":
        path = tmp_path / "out.db"
        merge(path, [tmp_path / "old.db"])
    with Store(path) as store:
        names, cursor = rows(store, "resolutions")
        [post] = [json.loads(dict(zip(names, row))["post"]) for row in cursor]
    assert list(post) == ["platform", "kind", "post_id", "author_handle", "url", "snowflake_time"]
    assert post["snowflake_time"] == "2022-12-06T05:31:41.219Z"


def _guessed_with_rivals(path: Path) -> Path:
    """A cache of this version holding the Czech article guessed as cp1252, unsure: cp1250 and ISO-8859-16 rival."""
    embed = {**tweet(ALIVE, 0), "author_name": "Jiøí Èermák"}
    with blank_store(path) as store:
        store.record_article({"sha256": SHA, "kind": "html", "bytes": 100, "encoding_given": False,
                              "encoding": "cp1252", "encoding_detected": 1, "encoding_rival": "cp1250",
                              "encoding_rivals": ["cp1250", "iso8859_16"]},
                             [embed], [{**credit("(Foto: Jiøí Èermák/ČTK)", "ČTK", "Jiøí Èermák", 0), "also_at": []}],
                             source="cz.html", tool_version="test")
    return path


@pytest.mark.parametrize("before, rivals", [
    ("m036_article_encoding_rivals", ("", "[]")),         # v30-v35: a rival ('' none), no list: '[]' as m036 says
    ("m032_article_encoding_rival", (None, None)),        # before v30: neither recorded
    ("m017_article_encoding_given", (None, None)),
], ids=["before-v36", "before-v30", "before-v17"])
def test_review31r2_a_preferred_older_record_takes_no_rivals_of_the_record_it_replaces(tmp_path: Path, before: str,
                                                                                      rivals: tuple) -> None:
    """review31r2 (enc31): an older input's record preferred over a guess (its encoding was given or declared) took
    its encoding, but the columns it did not have stayed the replaced guess's: `encoding_rivals` (and before v30
    `encoding_rival`) still named cp1250, the encoding now kept, as a rival of itself, in the cache, its export and
    the unsure_encodings view."""
    from sqlite_utils import Database

    oldcaches.made_before(tmp_path / "old.db", before)
    old = Database(tmp_path / "old.db")
    row = {"sha256": SHA, "kind": "html", "encoding": "cp1250", "encoding_detected": 0, "bytes": 100,
           "first_source": "cz.html", "first_scanned_at": "2026-11-01T00:00:00.000000Z", "tool_version": "0.1.0",
           "embed_count": 1, "credit_count": 1}
    columns = {c.name for c in old["articles"].columns}
    row |= {"encoding_given_at": "2026-11-01T00:00:00.000000Z"} if "encoding_given_at" in columns else {}
    row |= {"encoding_rival": ""} if "encoding_rival" in columns else {}
    old["articles"].insert(row)
    old["embeds"].insert({"article_id": 1, "ordinal": 0, **{k: v for k, v in tweet(ALIVE, 0).items()
                                                             if k not in ("span", "media_links", "links", "also_at")},
                          "author_name": "Jiří Čermák"})
    old["credits"].insert({"article_id": 1, "ordinal": 0, "raw": "(Foto: Jiří Čermák/ČTK)", "creator": "Jiří Čermák",
                           "organization": "ČTK", "source": "text", "span_start": 100, "span_end": 110,
                           "also_at": "[]"})
    old.conn.close()
    guess = _guessed_with_rivals(tmp_path / "guess.db")
    out = tmp_path / "out.db"
    report = merge(out, [guess, tmp_path / "old.db"])
    [chosen] = report.to_json()["preferred"]
    assert chosen["kept"] == str(tmp_path / "old.db")
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT encoding, encoding_detected, encoding_rival, encoding_rivals FROM articles"
                            ).fetchone() == ("cp1250", 0, *rivals)
        assert conn.execute("SELECT count(*) FROM unsure_encodings").fetchone() == (0,)


def test_review32r3_an_account_seen_in_two_shards_under_its_handle_in_another_case_is_one_author(tmp_path: Path) -> None:
    """review32r3: urlforms32 made an account whose handle an answer gave re-cased (@River_Desk, then @RIVER_DESK) one
    row of `authors` within a database, but `cache merge` matched authors by the handle's exact text: two shards of
    one corpus run, each seeing the account in one case, merged into two authors. Now one, seen from the first
    shard's first sighting to the other's last; another account (another id) under another case stays apart."""
    def shard(name: str, handle: str, author_id: str, when: str) -> Path:
        with blank_store(tmp_path / name) as store:
            store.record_observation({"platform": "twitter", "post_id": name[:1], "status": "available",
                                      "url": f"https://twitter.com/{handle}/status/1", "author_handle": handle,
                                      "author_name": f"River Desk {name[:1]}", "author_id": author_id, "record": {}},
                                     [], observed_at=when)
        return tmp_path / name

    inputs = [shard("1.db", "River_Desk", "4400000099", "2026-01-01T00:00:00Z"),
              shard("2.db", "RIVER_DESK", "4400000099", "2026-02-01T00:00:00Z"),
              shard("3.db", "river_DESK", "4400000077", "2026-03-01T00:00:00Z")]
    merge(tmp_path / "all.db", inputs)
    with Store(tmp_path / "all.db") as store:
        rows = [(r["author_id"], r["name"], r["first_seen_at"], r["last_seen_at"])
                for r in store.db.query("SELECT * FROM authors ORDER BY author_id DESC")]
    assert rows == [("4400000099", "River Desk 2", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"),
                    ("4400000077", "River Desk 3", "2026-03-01T00:00:00Z", "2026-03-01T00:00:00Z")]


def test_replay33_an_input_dated_after_now_does_not_win_a_posts_status_in_the_merge(tmp_path: Path) -> None:
    """review32r3 made an answer dated after now count as undated within one database (a machine whose clock ran a
    year ahead held a post "available" against every answer given since), but `cache merge` still took each input's
    latest sighting as it was dated: the shard from the clock that ran ahead won the post's view. Now the merge reads
    the times as the views do, whichever order the inputs come in, and its times are not moved into the future."""
    from datetime import datetime, timedelta, timezone
    ahead = (datetime.now(timezone.utc) + timedelta(days=365)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    fast, right = tmp_path / "fast.db", tmp_path / "right.db"
    with blank_store(fast) as store:
        observe(store, DELETED, ahead, "available")
    with blank_store(right) as store:
        observe(store, DELETED, "2024-01-01T00:00:00.000000Z", "available")
        observe(store, DELETED, now, "deleted")
    for order in ([fast, right], [right, fast]):
        out = tmp_path / f"all-{order[0].stem}.db"
        merge(out, order)
        with Store(out) as store:
            post = store.post_row("twitter", DELETED)
            assert (post["status"], post["last_observed_at"], post["last_available_at"][:10]) == (
                "deleted", now, "2024-01-01"), order
            # the future answer is kept, as the provenance of what that input said
            assert store.db.execute("SELECT count(*) FROM post_observations WHERE observed_at = ?",
                                    [ahead]).fetchone()[0] == 1


def test_review33r1_a_save_merged_from_a_shard_made_before_v44_is_known_by_its_x_post(tmp_path: Path) -> None:
    """identity33 (m044) gives a save the X post its URL names, and a cache made before v44 gets it by migrating; a
    shard made before v44 merged into a new cache copied its saves with no post: the post saved as
    x.com/JaneDoe/status/<id> was not saved for x.com/janedoe/status/<id>, and was submitted again (review33r1). A
    URL naming no X post stays matched by its text."""
    from sqlite_utils import Database

    oldcaches.made_before(tmp_path / "old.db", "m044_saves_by_post")
    old = Database(tmp_path / "old.db")
    for url in ("https://x.com/JaneDoe/status/1600000000000000001", "https://www.reddit.com/r/a/comments/abc123/"):
        old["saves"].insert({"url": url, "status": "success", "queued_at": "2026-11-20T00:00:00.000000Z",
                             "updated_at": "2026-11-20T00:05:00.000000Z"})
    old.conn.close()
    merge(tmp_path / "out.db", [tmp_path / "old.db"])
    with Store(tmp_path / "out.db") as store:
        assert [(r["platform"], r["post_id"]) for r in store.db.query("SELECT * FROM saves ORDER BY id")] == \
            [("twitter", "1600000000000000001"), (None, None)]
        assert store.latest_save("https://x.com/janedoe/status/1600000000000000001",
                                 post=("twitter", "1600000000000000001"))["status"] == "success"


def test_runs34_a_capture_or_download_dated_after_the_merge_does_not_win_over_a_sane_one(tmp_path: Path) -> None:
    """replay33 made `cache merge` read a post's times after now as none, but the `snapshots` rule (the capture's
    newest lister) and the `media` rule (a photo's download) still took the later row as it was dated: a shard from a
    clock a year ahead won them both, whichever order the inputs came in. A row dated after the merge loses to a sane
    one, is kept (its fetch row stays in the log), and the merge says so once for its input."""
    from datetime import datetime, timedelta, timezone
    ahead = (datetime.now(timezone.utc) + timedelta(days=365)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    sane = "2026-01-02T03:04:05.000000Z"
    capture = "https://web.archive.org/web/20221206060000/https://twitter.com/RivertonRoads/status/1"
    photo = "https://pbs.twimg.com/media/FjRivertonRoads.jpg"
    fast, right = tmp_path / "fast.db", tmp_path / "right.db"
    for path, when, digest in ((fast, ahead, "FAST"), (right, sane, "RIGHT")):
        with blank_store(path) as store:
            fetch_id = store.record_fetch({"url": f"https://web.archive.org/cdx/search/cdx?url={digest}",
                                           "method": "GET", "fetched_at": when, "status": 200,
                                           "purpose": "wayback-cdx"})
            store.record_snapshots([{"service": "wayback", "original": "https://twitter.com/RivertonRoads/status/1",
                                     "url": capture, "timestamp": "20221206060000", "status": "200",
                                     "digest": digest, "mimetype": "text/html", "found_via": "cdx",
                                     "observed_at": when, "fetch_id": fetch_id}])
            store.record_media({"url": photo, "sha256": digest.lower() * 8, "fetched_at": when, "fetch_id": fetch_id})
    for order in ([fast, right], [right, fast]):
        out = tmp_path / f"all-{order[0].stem}.db"
        report = merge(out, order)
        with Store(out) as store:
            [snapshot] = store.db.execute("SELECT s.observed_at, f.fetched_at FROM snapshots s"
                                          " JOIN fetches f ON f.id = s.fetch_id").fetchall()
            assert snapshot == (sane, sane), order
            assert store.media_by_url(photo)["fetched_at"] == sane, order
            assert store.db.execute("SELECT count(*) FROM fetches WHERE fetched_at = ?", [ahead]).fetchone()[0] == 1
        assert [n for n in report.notes if "after the merge" in n] == [
            f"{fast}: 1 capture sighting and 1 download dated after the merge (a clock that ran ahead?): kept, and "
            "no row dated before it gave way to them"], report.notes


def test_runs34_pending_saves_of_one_post_under_two_spellings_merge_into_one(tmp_path: Path) -> None:
    """`cache merge` de-duplicated pending saves by their URL's text alone, while a cache knows a save by its X post
    too (identity33, `Store.queue_save`): two shards each queuing the post under another spelling (x.com/JaneDoe,
    twitter.com/janedoe) merged into two pending saves, submitted twice; a save queued in one shard after the other
    had made it was queued again. Saves are matched by URL or by post, as the queue does, a shard made before v44
    too; a save of another post, or queued after the success, stays."""
    from sqlite_utils import Database

    post = ("twitter", "1600000000000000001")
    with blank_store(tmp_path / "a.db") as store:
        store.queue_save("https://x.com/JaneDoe/status/1600000000000000001", post=post)
        store.queue_save("https://x.com/JaneDoe/status/1600000000000000002", post=("twitter", "1600000000000000002"))
        done = store.queue_save("https://x.com/JaneDoe/status/1600000000000000003",
                                post=("twitter", "1600000000000000003"))
        store.db["saves"].update(done, {"status": "success", "updated_at": "2099-01-01T00:00:00.000000Z"})
    oldcaches.made_before(tmp_path / "b.db", "m044_saves_by_post")   # a shard made before v44: its saves know no post
    old = Database(tmp_path / "b.db")
    for n in ("1", "3", "4"):
        old["saves"].insert({"url": f"https://twitter.com/janedoe/status/160000000000000000{n}", "status": "pending",
                             "attempts": 0, "queued_at": "2026-11-20T00:00:00.000000Z",
                             "updated_at": "2026-11-20T00:00:00.000000Z"})
    old.conn.close()
    merge(tmp_path / "out.db", [tmp_path / "a.db", tmp_path / "b.db"])
    with Store(tmp_path / "out.db") as store:
        saves = [(r["url"].rsplit("/", 1)[1][-1], r["status"]) for r in store.db.query("SELECT * FROM saves")]
        assert sorted(saves) == [("1", "pending"), ("2", "pending"), ("3", "success"), ("4", "pending")], saves
        assert store.queue_save("https://twitter.com/JANEDOE/status/1600000000000000001", post=post) == \
            store.latest_save("https://x.com/JaneDoe/status/1600000000000000001", post=post)["id"]
