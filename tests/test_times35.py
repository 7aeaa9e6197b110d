"""times35: every time a fact is stored with is the time of the fetch that produced it (#4, #13).

`resolutions.resolved_at` and `snapshots.observed_at` were the time the row was written (`Ledger.observed_at()`, now
at write time): after a slow answer, the fetch log held no fetch at the time a report or a view gave for the link or
the capture list (asof34 and review34r5, "Left alone"). Each is now the latest `fetched_at` of the fetches it rests
on, moved so in a cache written before (m058) and in a merge of an input made before it."""

import json
import shutil
import sqlite3
import time

from tests.test_archive import POST, run_archive, serve_wayback, settings_for
from tests.test_resolve import STATUS, run
from tests.fakenet import redirect

DELAY = 0.3   # each server answers this long after it is asked: the write comes visibly after the fetch


def _slow(handler):
    def answer(request):
        time.sleep(DELAY)
        return handler(request)
    return answer


def _fetched_at(db, ids) -> list[str]:
    with sqlite3.connect(db) as con:
        return [con.execute("SELECT fetched_at FROM fetches WHERE id = ?", [i]).fetchone()[0] for i in ids]


def test_a_resolution_is_at_the_time_of_its_last_hops_fetch_not_its_write(fakenet, store):
    fakenet.route("t.co", "/Ab12Cd34Ef", _slow(redirect("https://bit.ly/3xYz")))
    fakenet.route("bit.ly", "/3xYz", _slow(redirect(STATUS)))
    result = run("https://t.co/Ab12Cd34Ef", fakenet.settings(), store)
    assert result.error is None and len(result.hops) == 2
    row = store.latest_resolution("https://t.co/Ab12Cd34Ef")
    fetched = _fetched_at(store.path, [h.fetch_id for h in result.hops])
    assert row["resolved_at"] == max(fetched), (row["resolved_at"], fetched)


def test_a_capture_list_is_at_the_time_of_the_lookup_that_gave_it_not_its_write(fakenet, store):
    serve_wayback(fakenet, [("20221206060000", POST), ("20230101000000", POST)])
    for key in [k for k in fakenet.routes if k[0] in ("web.archive.org", "archive.org")]:
        fakenet.routes[key] = [_slow(h) for h in fakenet.routes[key]]
    fakenet.route("twitter.com", f"/RivertonRoads/status/{POST.rsplit('/', 1)[-1]}", redirect(POST, 200))
    run_archive([POST], settings_for(fakenet), store)
    snapshots = store.snapshots_for(POST)
    assert len(snapshots) == 2
    for snapshot in snapshots:
        [fetched] = _fetched_at(store.path, [snapshot["fetch_id"]])
        assert snapshot["observed_at"] == fetched, (snapshot, fetched)


LIVE = ("2026-01-01T10:00:00.100000Z", "2026-01-01T10:00:00.400000Z")   # two hops' fetches, live
WRITTEN = "2026-01-01T10:00:00.900000Z"                                  # the rows written after both
REPLAYED = "2024-06-20T11:00:00.000000Z"                                 # a WARC record's date


def _made_before_v58(path):
    """A cache written before m058: a link of two live hops and a capture list written after their fetches; a link
    replayed from a WARC (already at its WARC-Date); a link whose fetch rows are gone (no fetch time known)."""
    from sqlite_utils import Database

    from cache.migrations import migrations

    old = Database(path)
    migrations.apply(old, stop_before="m058_links_captures_sightings_at_fetch_time")
    for i, (at, via) in enumerate([*((t, "live") for t in LIVE), (REPLAYED, "warc")], 1):
        old["fetches"].insert({"id": i, "url": f"https://example.test/{i}", "method": "GET", "purpose": "resolve",
                               "fetched_at": at, "via": via})
    for url, at, ids in [("https://t.co/a", WRITTEN, [1, 2]), ("https://t.co/b", REPLAYED, [3]),
                         ("https://t.co/c", WRITTEN, [1, 99])]:
        old["resolutions"].insert({"url": url, "resolved_at": at, "fetch_ids": json.dumps(ids), "hops": "[]"})
    old["snapshots"].insert({"service": "wayback", "original": "https://twitter.com/a/status/1", "timestamp": "2023",
                             "url": "https://web.archive.org/web/2023/x", "observed_at": WRITTEN, "fetch_id": 2})
    old.conn.close()


def _times(path):
    with sqlite3.connect(path) as con:
        return (dict(con.execute("SELECT url, resolved_at FROM resolutions")),
                [r[0] for r in con.execute("SELECT observed_at FROM snapshots")])


MOVED = ({"https://t.co/a": LIVE[1], "https://t.co/b": REPLAYED, "https://t.co/c": WRITTEN}, [LIVE[1]])


def test_a_cache_made_before_v58_has_its_links_and_captures_at_their_fetchs_time(tmp_path):
    """Moved where every fetch a row rests on is in the log, live; kept where not (a replayed row is already at its
    WARC-Date; a row naming a fetch that is gone has no other known time)."""
    from cache import Store

    _made_before_v58(tmp_path / "old.db")
    Store(tmp_path / "old.db").close()
    assert _times(tmp_path / "old.db") == MOVED


def test_a_cache_merged_from_an_input_made_before_v58_has_them_at_their_fetchs_time(tmp_path):
    """Merged straight (no migration of the input), its rows are moved as m058 moves them; merged with the same input
    opened first, each is one row, not two at two times."""
    from cache import Store
    from cache.merge import merge

    _made_before_v58(tmp_path / "old.db")
    shutil.copy(tmp_path / "old.db", tmp_path / "opened.db")
    Store(tmp_path / "opened.db").close()
    merge(tmp_path / "straight.db", [tmp_path / "old.db"])
    assert _times(tmp_path / "straight.db") == MOVED
    merge(tmp_path / "both.db", [tmp_path / "old.db", tmp_path / "opened.db"])
    assert _times(tmp_path / "both.db") == MOVED


def test_gone_accounts_show_the_accounts_own_name_never_a_prose_speakers(tmp_path):
    """`gone_accounts_most_cited.name` was the name the article gave (`MAX(COALESCE(p.author_name, e.author_name))`):
    for a link, the speaker its prose names ("Mayor Jones wrote <a>on X</a>"), who need not be the account (review34r6).
    Now `name` is the account's own, as a fetch recorded it (the post's record, else the account's latest sighting),
    and `name_in_article` the name a widget or signature shows beside its handle, labelled as the article's; a link's
    prose speaker is neither."""
    from cache import Store
    from tests.corpusdb import snowflake

    ids = {h: snowflake(2021, n) for n, h in enumerate(("mayor_acct", "sig_acct", "known_acct", "known_acct2"), 1)}

    def embed(handle, ordinal, detector, name):
        return {"platform": "twitter", "kind": "post", "url": f"https://twitter.com/{handle}/status/{ids[handle]}",
                "post_id": ids[handle], "author_handle": handle, "author_name": name, "span": [ordinal, ordinal + 1],
                "media_links": [], "links": [], "also_at": [], "detector": detector}

    def observe(store, handle, status, name, at):
        store.record_observation(
            {"platform": "twitter", "post_id": ids[handle], "url": f"https://twitter.com/{handle}/status/{ids[handle]}",
             "status": status, "method": "syndication", "author_handle": handle.rstrip("2"), "author_name": name,
             "record": {"status": status}},
            [{"method": "syndication", "status": status, "reason": None, "fetch_id": None, "record": "{}"}],
            observed_at=at)

    with Store(tmp_path / "c.db") as store:
        store.record_article({"sha256": "a" * 64, "kind": "html", "encoding": "utf-8", "encoding_detected": 0,
                              "bytes": 100},
                             [embed("mayor_acct", 0, "html-link", "Mayor Jones"),
                              embed("sig_acct", 1, "html-blockquote", "Sig Name"),
                              embed("known_acct", 2, "html-link", "Mayor Jones")], [],
                             source="a.html", tool_version="test")
        # another post of known_acct, seen earlier with its name
        observe(store, "known_acct2", "available", "Known Account", "2026-01-01T10:00:00.000000Z")
        for handle in ("mayor_acct", "sig_acct", "known_acct"):
            observe(store, handle, "deleted", None, "2026-01-02T10:00:00.000000Z")   # a deleted post's gives none
        got = {r["handle"]: (r["name"], r["name_in_article"])
               for r in store.db.query("SELECT * FROM gone_accounts_most_cited")}
    assert got == {"mayor_acct": (None, None), "sig_acct": (None, "Sig Name"), "known_acct": ("Known Account", None)}


T1, T15, T2 = "2026-01-01T10:00:00.100000Z", "2026-01-01T10:00:00.150000Z", "2026-01-01T10:00:00.200000Z"
GONE = "1390000000000000001"


def _answer(store, status, answers, at):
    """One write of a post: its view (`status`, from syndication) and each source's answer at its own time."""
    store.record_observation(
        {"platform": "twitter", "post_id": GONE, "url": f"https://twitter.com/river_desk/status/{GONE}",
         "status": status, "method": "syndication", "author_handle": "river_desk", "record": {"status": status}},
        [{"method": method, "status": said, "reason": None, "fetch_id": None, "record": "{}", "observed_at": when}
         for method, said, when in answers], observed_at=at)


def _deleted_then_not_found(store):
    """Syndication says deleted (T1), oEmbed, asked after it, not found (T2): the view is syndication's "deleted", as
    of T1; oEmbed's later "not found" is no answer of the view's."""
    _answer(store, "deleted", [("syndication", "deleted", T1), ("oembed", "not_found", T2)], T2)


def _view(store):
    [row] = store.db.query("SELECT status, method FROM posts")
    return row["status"]


def test_an_answer_newer_than_the_views_own_takes_the_view_though_another_source_spoke_later(tmp_path):
    """Views were ordered by any source's latest answer: syndication's "available" at T1.5 (a slower process, written
    after) lost to a "deleted" view as of T1 because oEmbed said "not found" at T2, and every report then printed
    "deleted (as of T1)" beside a newer answer that said otherwise. Now by the latest answer that said the view's
    status; an answer that said it after the newcomer (both sources "available" at T1 and T2) still holds the view."""
    from cache import Store

    with Store(tmp_path / "a.db") as store:
        _deleted_then_not_found(store)
        _answer(store, "available", [("syndication", "available", T15)], T15)
        assert _view(store) == "available"
    with Store(tmp_path / "b.db") as store:
        _answer(store, "available", [("syndication", "available", T1), ("oembed", "available", T2)], T2)
        _answer(store, "deleted", [("syndication", "deleted", T15)], T15)
        assert _view(store) == "available"


def test_a_merge_orders_views_by_the_latest_answer_that_said_the_view(tmp_path):
    """The same in `cache merge`, in both orders of the inputs."""
    from cache import Store
    from cache.merge import merge

    with Store(tmp_path / "a.db") as store:
        _deleted_then_not_found(store)
    with Store(tmp_path / "b.db") as store:
        _answer(store, "available", [("syndication", "available", T15)], T15)
    for order in ([tmp_path / "a.db", tmp_path / "b.db"], [tmp_path / "b.db", tmp_path / "a.db"]):
        out = tmp_path / f"out-{order[0].stem}.db"
        merge(out, order)
        with Store(out) as store:
            assert _view(store) == "available", order


def test_two_writes_of_a_post_on_a_clock_that_did_not_move_are_two_runs(tmp_path, monkeypatch):
    """A run is one write (`recorded_at`, the write's time): two writes of one post that read the same time were one
    run, merged into one view by `fetch --reparse` and `--replay` (`runs_of`). On Linux a write takes longer than
    the clock's microsecond; a clock that ticks every 15.6 ms (Windows before Python 3.13) or is stepped back
    reads the same time twice: each write of a post is now after the post's last one."""
    from types import SimpleNamespace

    from cache import Store
    from cache import store as store_module
    from cache.store import runs_of

    frozen = 1_767_261_600_000_000_000   # 2026-01-01T10:00:00Z, and it stays there
    monkeypatch.setattr(store_module, "clock", SimpleNamespace(time_ns=lambda: frozen, strftime=time.strftime,
                                                               gmtime=time.gmtime, monotonic=time.monotonic,
                                                               sleep=time.sleep))
    with Store(tmp_path / "c.db") as store:
        _answer(store, "available", [("syndication", "available", T1)], T1)
        _answer(store, "deleted", [("syndication", "deleted", T2)], T2)
        [row] = store.db.query("SELECT id FROM posts")
        observations = store.observations(row["id"])
    runs = runs_of((o, o["status"]) for o in observations)
    assert sorted((at, items) for at, items in runs) == [(T1, ["available"]), (T2, ["deleted"])], observations


def _sighted_before_v52(path):
    """A cache written before m052 (so before m058): an account seen by one write of its post, whose two answers came
    at LIVE[0] and LIVE[1], all written at WRITTEN; the account's sightings at that write's time."""
    from sqlite_utils import Database

    from cache.migrations import migrations

    old = Database(path)
    migrations.apply(old, stop_before="m052_observations_at_their_fetchs_time")
    for i, (at, purpose) in enumerate(zip(LIVE, ("syndication", "oembed")), 1):
        old["fetches"].insert({"id": i, "url": f"https://example.test/{i}", "method": "GET", "purpose": purpose,
                               "fetched_at": at, "via": "live"})
    old["posts"].insert({"id": 1, "platform": "twitter", "post_id": GONE, "status": "available",
                         "method": "syndication", "author_handle": "River_Desk", "first_observed_at": WRITTEN,
                         "last_observed_at": WRITTEN})
    for fetch_id, method in enumerate(("syndication", "oembed"), 1):
        old["post_observations"].insert({"post_row": 1, "observed_at": WRITTEN, "method": method,
                                         "status": "available", "fetch_id": fetch_id})
    old["authors"].insert({"platform": "twitter", "handle": "river_desk", "name": "River Desk",
                           "first_seen_at": WRITTEN, "last_seen_at": WRITTEN})
    old.conn.close()


def _sightings(path):
    with sqlite3.connect(path) as con:
        return con.execute("SELECT first_seen_at, last_seen_at FROM authors").fetchall()


def test_an_accounts_sightings_written_before_v52_are_at_their_answers_time_opened_or_merged(tmp_path):
    """m052 moved a post's times to its answers' and left its account's at the write's (asof34, review34r5): "last
    seen" was a time no fetch has. Moved to the latest answer of the write that saw it; merged straight, the same."""
    from cache import Store
    from cache.merge import merge

    _sighted_before_v52(tmp_path / "old.db")
    shutil.copy(tmp_path / "old.db", tmp_path / "straight.db")
    Store(tmp_path / "old.db").close()
    assert _sightings(tmp_path / "old.db") == [(LIVE[1], LIVE[1])]
    merge(tmp_path / "merged.db", [tmp_path / "straight.db"])
    assert _sightings(tmp_path / "merged.db") == [(LIVE[1], LIVE[1])]


def test_a_capture_list_answered_earlier_but_written_later_does_not_move_its_sighting_back(store):
    """Two processes look a URL up: the later lookup's answer is written first, the earlier one's (slow) after. The
    capture's `observed_at` ("last listed"), now a fetch's time, kept the last write's: the older lookup and its
    fetch row. The newer sighting stays, as `cache merge` keeps it."""
    row = {"service": "wayback", "original": POST, "url": f"https://web.archive.org/web/2023/{POST}",
           "timestamp": "20230101000000", "status": "200", "digest": None, "mimetype": "text/html",
           "found_via": "cdx"}
    first, second = (store.record_fetch({"url": f"https://web.archive.org/cdx?{n}", "method": "GET",
                                         "fetched_at": at, "status": 200, "purpose": "archive-lookup",
                                         "tool_version": "test"}) for n, at in ((1, T2), (2, T1)))
    store.record_snapshots([row | {"observed_at": T2, "fetch_id": first}])
    store.record_snapshots([row | {"observed_at": T1, "fetch_id": second}])   # asked before, answered after
    [kept] = store.snapshots_for(POST)
    assert (kept["observed_at"], kept["fetch_id"]) == (T2, first)


def test_a_view_written_before_a_slower_runs_answers_keeps_its_newer_status_in_either_order(tmp_path):
    """review35r6: a write was ordered by its latest answer of any source, the view by the latest answer that said its
    status. "Available" at T1.5 written first, then a slower run's "deleted" (syndication, T1) with oEmbed's "not
    found" (T2): the slower run took the view by oEmbed's T2 and the report said "deleted (as of T1)" beside the newer
    "available"; written in the other order, and in `cache merge` in both, the view was "available". A write is now
    ordered as the view it would make is: by the latest of its answers that said its status."""
    from cache import Store

    with Store(tmp_path / "a.db") as store:
        _answer(store, "available", [("syndication", "available", T15)], T15)
        _deleted_then_not_found(store)
        assert _view(store) == "available"
    with Store(tmp_path / "b.db") as store:   # the newer answer still takes it, whatever its write's other answers
        _answer(store, "available", [("syndication", "available", T1)], T1)
        _answer(store, "deleted", [("syndication", "deleted", T15), ("oembed", "not_found", T2)], T2)
        assert _view(store) == "deleted"


def _kept_answer(store, method, status, content_type, body, at):
    """A fetch row (at `at`) whose body is kept, and the record its answer gives: what `fetch --reparse` reads again."""
    import hashlib

    from resolver.fetch import oembed, syndication
    from tests import xfixtures as fx

    sha = hashlib.sha256(body).hexdigest()
    store.keep_body(sha, body, content_type)
    url = ("https://cdn.syndication.twimg.com/tweet-result" if method == "syndication"
           else "https://publish.twitter.com/oembed")
    fetch_id = store.record_fetch({"url": url, "method": "GET", "purpose": method, "fetched_at": at, "status": status,
                                   "headers": json.dumps({"content-type": content_type}), "body_sha256": sha,
                                   "via": "live"})
    post_url = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
    record = (syndication.parse(fx.POST_ID, status, content_type, body) if method == "syndication"
              else oembed.parse("twitter", fx.POST_ID, post_url, status, content_type, body))
    from dataclasses import replace
    return replace(record, fetch_ids=(fetch_id,)), at


def _write_run(store, answers):
    """One run's answers written as `fetch` writes them: the merged view, each answer at its own fetch's time."""
    from resolver.fetch.records import merge, observation_status

    records = [r for r, _ in answers]
    merged = merge(records)
    store.record_observation(
        {"platform": "twitter", "post_id": merged.post_id, "url": merged.url, "status": merged.status,
         "method": merged.method, "author_handle": merged.author_handle, "author_name": merged.author_name,
         "record": merged.to_json()},
        [{"method": r.method, "status": observation_status(r), "reason": r.reason, "fetch_id": r.fetch_ids[-1],
          "record": json.dumps(r.to_json()), "observed_at": at} for r, at in answers],
        observed_at=max(at for _, at in answers))


def test_reparse_orders_runs_as_a_write_takes_the_view(store):
    """review35r6: `fetch --reparse` (and a --replay's view) ordered each run by its latest answer of any source: a
    run whose syndication said "deleted" at T1 and oEmbed "not found" at T2 was newer than a run that said
    "available" at T1.5, and the reparse made the view "deleted", where the writes and `cache merge` keep "available"
    (the newer answer about what the post is). Each run is now ordered by its answers that said its view's status."""
    from resolver.fetch.reparse import reparse_all
    from tests import xfixtures as fx

    js = "application/json; charset=utf-8"
    tomb = fx.as_json({"__typename": "TweetTombstone",
                       "tombstone": {"text": {"text": "This Post was deleted by the Post author."}}})
    _write_run(store, [_kept_answer(store, "syndication", 200, js, fx.as_json(fx.SYNDICATION_TWEET), T15)])
    _write_run(store, [_kept_answer(store, "syndication", 200, js, tomb, T1),
                       _kept_answer(store, "oembed", 404, "text/html", b"not found", T2)])
    assert store.post_row("twitter", fx.POST_ID)["status"] == "available"
    reparse_all(store)
    assert store.post_row("twitter", fx.POST_ID)["status"] == "available"


def test_a_gone_accounts_name_is_its_own_posts_latest_never_a_later_holder_of_its_handle(tmp_path):
    """review35r6: `gone_accounts_most_cited.name` fell back to the `authors` row of the handle, which the next account
    to hold the handle (X releases a deleted account's) overwrites when one of its posts is fetched: the gone account
    @river_desk ("River Desk", id 111) was shown as "Scam Bot" (id 222, its handle's holder now). Its name is now the
    latest its own posts' answers gave (each post's record, as a fetch recorded it), renamed or not."""
    from cache import Store
    from tests.corpusdb import snowflake

    gone, renamed, holder = snowflake(2021, 1), snowflake(2021, 2), snowflake(2024, 3)

    def observe(store, post_id, status, name, author_id, at):
        record = {"status": status, "author_handle": "river_desk", "author_name": name, "author_id": author_id}
        store.record_observation(
            {"platform": "twitter", "post_id": post_id, "url": f"https://twitter.com/river_desk/status/{post_id}",
             "status": status, "method": "syndication", "author_handle": "river_desk", "author_name": name,
             "author_id": author_id, "record": record},
            [{"method": "syndication", "status": status, "reason": None, "fetch_id": None,
              "record": json.dumps(record), "observed_at": at}], observed_at=at)

    def embed(post_id, ordinal):
        return {"platform": "twitter", "kind": "post", "url": f"https://twitter.com/river_desk/status/{post_id}",
                "post_id": post_id, "author_handle": "river_desk", "author_name": None, "span": [ordinal, ordinal + 1],
                "media_links": [], "links": [], "also_at": [], "detector": "html-link"}

    with Store(tmp_path / "c.db") as store:
        store.record_article({"sha256": "b" * 64, "kind": "html", "encoding": "utf-8", "encoding_detected": 0,
                              "bytes": 100}, [embed(gone, 0), embed(renamed, 1)], [],
                             source="b.html", tool_version="test")
        observe(store, gone, "available", "Zeta Desk", "111", "2026-01-01T10:00:00.000000Z")   # its old name
        observe(store, renamed, "available", "River Desk", "111", "2026-01-02T10:00:00.000000Z")   # renamed since
        for post_id in (gone, renamed):
            observe(store, post_id, "deleted", None, None, "2026-01-03T10:00:00.000000Z")
        observe(store, holder, "available", "Scam Bot", "222", "2026-02-01T10:00:00.000000Z")   # the handle's new holder
        [row] = store.db.query("SELECT handle, name FROM gone_accounts_most_cited")
    assert (row["handle"], row["name"]) == ("river_desk", "River Desk")
