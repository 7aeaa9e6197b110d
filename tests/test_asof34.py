"""asof34: every "as of" printed for a post's status is the time of the fetch that said what the post is (#9, #4).

`status_as_of` (scan/fetch --json, report JSON `post.status_as_of`, the views) was the observation's recording time
(`Ledger.observed_at()`, now at write time), after the answer by the time the source took to finish answering and
the capture reads made before the write: a court reader looking "as of" up in the fetch log found no fetch then,
while `embed.status.as_of` in the same report gave the fetch's `fetched_at` (review33r5, "Left alone")."""

import gc
import json
import shutil
import sqlite3
import time
from contextlib import closing

import pytest

from tests.test_fetch import by_id, json_page
from tests.test_verdicts import DELETED, HOSTS, POST, blockquote, cli_on_fakenet, serve

DELAY = 0.3   # the syndication server answers this long after it is asked: the recording time is visibly later
URL = f"https://twitter.com/river_desk/status/{POST}"


def _slow(handler):
    def answer(request):
        time.sleep(DELAY)
        return handler(request)
    return answer


def _answered(db) -> list[str]:
    """The fetched_at of each syndication fetch that said what the post is, oldest first."""
    with closing(sqlite3.connect(db)) as con:   # closed: `with connect()` only ends the transaction (see `gc_off`)
        return [r[0] for r in con.execute(
            "SELECT f.fetched_at FROM post_observations o JOIN fetches f ON f.id = o.fetch_id "
            "WHERE o.method = 'syndication' AND o.status NOT IN ('error', 'unknown') ORDER BY f.fetched_at")]


def _views_as_of(db) -> dict[str, set[str]]:
    """Every "as of" value in every view (columns named *as_of*), by view and column."""
    found: dict[str, set[str]] = {}
    with closing(sqlite3.connect(db)) as con:
        con.row_factory = sqlite3.Row
        for (view,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'view'").fetchall():
            for row in con.execute(f'SELECT * FROM "{view}"'):
                for column in row.keys():
                    if "as_of" in column and row[column] is not None:
                        found.setdefault(f"{view}.{column}", set()).add(row[column])
    return found


def _posts(out: str) -> list[dict]:
    """The posts of `scan --json` (one object per article) or `fetch --json` (one per post) output."""
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return [p for line in lines for p in (line["posts"] if "posts" in line else [line])]


def _report_as_of(reporter, *args: str) -> tuple[set[str | None], str, str]:
    data = json.loads(reporter("report", "--format", "json", *args, "article.html")[1])
    [embed] = data["embeds"]
    said = {embed["status"].get("as_of"), embed["post"].get("status_as_of")}
    md = reporter("report", *args, "article.html")[1]
    page = reporter("report", "--format", "html", *args, "article.html")[1]
    return said, md, page


def _every_as_of(reporter, db, answered: str, *, offline: bool = False) -> None:
    """The report (JSON, Markdown, HTML), the views, and `scan`/`fetch --json` read from the cache all say `answered`."""
    flag = ("--offline",) if offline else ()
    said, md, page = _report_as_of(reporter, *flag)
    assert said == {answered}, (said, answered)
    for text in (md, page):
        assert f"(as of {answered[:16]}Z)" in text
    views = _views_as_of(db)
    assert {"at_risk_embeds.status_as_of", "gone_accounts_most_cited.status_as_of_oldest",
            "dead_embeds_by_outlet_year.status_as_of_newest"} <= set(views), views
    assert all(values == {answered} for values in views.values()), (views, answered)
    for command in (("scan", "--fetch", "--json", *flag, "article.html"), ("fetch", "--json", *flag, URL)):
        code, out = reporter(*command)
        assert code == 0, out
        [post] = _posts(out)
        assert (post["status"], post["from_cache"], post["status_as_of"]) == ("deleted", True, answered), post


@pytest.fixture
def gc_off():
    """The cyclic garbage collector off for the test: a connection left open stays open until the test ends, so an
    outcome that depends on when the collector runs is the same on every run. A `sqlite3` connection is in a reference
    cycle (its statement cache), so one not closed (`with sqlite3.connect(db)` ends a transaction, not the connection)
    stays open until the collector runs; meanwhile the cache's write-ahead log stays beside `c.db` (review37c: the
    merge step read a `c.db` moved without it, "not an embed-resolver cache", exit 1, once in a suite under load)."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_every_as_of_of_a_live_status_is_its_fetchs_time_in_every_output_from_cache_and_merged(
        fakenet, tmp_path, monkeypatch, gc_off):
    """A deleted post whose syndication answer takes 300 ms: `scan --json` said it deleted as of the observation's
    recording time, a time no fetch in the log has, and so did report JSON's `post.status_as_of`, the views and every
    later run from the cache, while the report's status line said the fetch's time. Now every one of them, live,
    from the cache (online and --offline), after a --refresh, and in a cache merged from it, says the fetch's
    `fetched_at`."""
    reporter = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", _slow(by_id({POST: [json_page(DELETED)]})))
    serve(fakenet, [])
    code, out = reporter("scan", "--fetch", "--json", "article.html",
                         article=f"<html><body>{blockquote(POST, 'Road closed.')}</body></html>")
    assert code == 0, out
    [answered] = _answered(tmp_path / "c.db")
    [post] = _posts(out)
    assert (post["status"], post["from_cache"], post["status_as_of"]) == ("deleted", False, answered), post
    _every_as_of(reporter, tmp_path / "c.db", answered)
    _every_as_of(reporter, tmp_path / "c.db", answered, offline=True)

    code, out = reporter("fetch", "--json", "--refresh", URL)   # asked again: as of the new answer
    assert code == 0, out
    first, answered = _answered(tmp_path / "c.db")
    [post] = _posts(out)
    assert (post["status"], post["from_cache"], post["status_as_of"]) == ("deleted", False, answered), post
    _every_as_of(reporter, tmp_path / "c.db", answered)

    # Moved alone: every connection to it is closed, so it holds every row (a connection left open kept them in
    # `c.db-wal`, and the moved file read as "not an embed-resolver cache", exit 1, whenever the collector had not run)
    assert not (tmp_path / "c.db-wal").exists()
    shutil.move(tmp_path / "c.db", tmp_path / "live.db")
    code, out = reporter("cache", "merge", str(tmp_path / "merged.db"), str(tmp_path / "live.db"), said=(said := []))
    assert code == 0, said
    shutil.move(tmp_path / "merged.db", tmp_path / "c.db")
    assert _answered(tmp_path / "c.db") == [first, answered]
    _every_as_of(reporter, tmp_path / "c.db", answered, offline=True)


def test_a_live_observation_is_stored_at_its_fetchs_time(fakenet, tmp_path, monkeypatch):
    """The observation and the post's times (first and last observed, the author's sightings) are those of the
    answer, not of the write that came after it: the fetch log holds a fetch at each of them."""
    reporter = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", _slow(by_id({POST: [json_page(DELETED)]})))
    serve(fakenet, [])
    code, out = reporter("fetch", "--json", URL)
    assert code == 0, out
    with sqlite3.connect(tmp_path / "c.db") as con:
        observations = con.execute("SELECT o.observed_at, f.fetched_at FROM post_observations o "
                                   "JOIN fetches f ON f.id = o.fetch_id").fetchall()
        times = con.execute("SELECT first_observed_at, last_observed_at FROM posts").fetchall()
        fetched = {r[0] for r in con.execute("SELECT fetched_at FROM fetches")}
    assert observations and all(observed == fetched_at for observed, fetched_at in observations), observations
    assert all(t in fetched for row in times for t in row), (times, fetched)


def test_a_runs_answers_stay_one_run_after_reparse_though_each_is_at_its_own_fetchs_time(
        fakenet, tmp_path, monkeypatch):
    """Syndication fails (HTTP 500, after 300 ms), oEmbed says not found: the status rests on oEmbed alone, and the
    report says syndication failed beside it. `fetch --reparse` makes each post's view again from its runs, which it
    told apart by their observations' shared time; each now has its own fetch's, and one run must stay one run (its
    answers merged, the failure still beside the status)."""
    from tests.fakenet import page

    reporter = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", _slow(page("upstream error", status=500)))
    fakenet.route("publish.twitter.com", "/oembed", page("not found", status=404))
    serve(fakenet, [])
    code, out = reporter("scan", "--fetch", "article.html",
                         article=f"<html><body>{blockquote(POST, 'Road closed.')}</body></html>")
    assert code == 0, out
    with sqlite3.connect(tmp_path / "c.db") as con:
        times = dict(con.execute("SELECT method, observed_at FROM post_observations WHERE method != 'wayback'"))
    assert times["syndication"] < times["oembed"], times   # each at its own fetch's time: two times, one run
    line = "syndication answered HTTP 500 (fetch #"
    before = json.loads(reporter("report", "--format", "json", "--offline", "article.html")[1])["embeds"][0]["post"]
    assert line in reporter("report", "--offline", "article.html")[1]
    code, out = reporter("fetch", "--reparse")
    assert code == 0, out
    after = json.loads(reporter("report", "--format", "json", "--offline", "article.html")[1])["embeds"][0]["post"]
    assert (after["status"], after["fetch_ids"], after["status_as_of"]) == (
        "not_found", before["fetch_ids"], times["oembed"]), (before, after)
    assert line in reporter("report", "--offline", "article.html")[1]


def test_an_older_caches_live_observations_move_to_their_fetchs_time_and_keep_their_runs(tmp_path):
    """A cache written before m052: its live observations were at their write's time. Opened, each is at its
    fetch's time, the post's times at its write's latest answer's, and `recorded_at` keeps the write's time (one run);
    a replayed observation (already at its WARC-Date) and an undated one stay as they were."""
    from sqlite_utils import Database

    from cache import Store
    from cache.migrations import migrations

    old = Database(tmp_path / "old.db")
    migrations.apply(old, stop_before="m052_observations_at_their_fetchs_time")
    fetches = [("2026-01-01T10:00:00.100000Z", "live"), ("2026-01-01T10:00:00.400000Z", "live"),
               ("2024-06-20T11:00:00.000000Z", "warc"), ("2026-02-01T09:00:00.000000Z", "warc")]
    for i, (at, via) in enumerate(fetches, 1):
        old["fetches"].insert({"id": i, "url": f"https://example.test/{i}", "method": "syndication",
                               "fetched_at": at, "via": via})
    written = "2026-01-01T10:00:00.900000Z"
    old["posts"].insert({"id": 1, "platform": "twitter", "post_id": POST, "status": "not_found", "method": "oembed",
                         "first_observed_at": written, "last_observed_at": written})
    rows = [(written, "syndication", "error", 1, None), (written, "oembed", "not_found", 2, None),
            ("2024-06-20T11:00:00.000000Z", "oembed", "not_found", 3, None),
            (None, "syndication", "error", 4, "the WARC record gives no WARC-Date")]
    for at, method, status, fetch_id, why in rows:
        old["post_observations"].insert({"post_row": 1, "observed_at": at, "method": method, "status": status,
                                         "fetch_id": fetch_id, "answered_at_unknown": why})
    old.conn.close()
    with Store(tmp_path / "old.db") as store:
        said = [(o["observed_at"], o["recorded_at"]) for o in store.observations(1)]
        post = store.post_row_counting("twitter", POST, method="wayback")[0]
    assert said == [(fetches[0][0], written), (fetches[1][0], written), (rows[2][0], rows[2][0]), (None, None)], said
    assert (post["first_observed_at"], post["last_observed_at"], post["view_observed_at"]) == (fetches[1][0],) * 3


def test_two_sources_that_agree_give_the_status_the_time_of_the_one_it_is_read_from(fakenet, tmp_path, monkeypatch):
    """`fetch --all-methods`: syndication (after 300 ms) and then oEmbed both say the post is available; its status
    is read from syndication's answer, the fetch the report cites and prints the time of. `status_as_of` and the
    views gave oEmbed's later time: two times for one status."""
    from tests.test_verdicts import tweet

    reporter = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result",
                  _slow(by_id({POST: [json_page(tweet(POST, "Road closed."))]})))
    fakenet.route("publish.twitter.com", "/oembed", json_page({
        "url": URL, "author_name": "River Desk", "author_url": "https://twitter.com/river_desk", "type": "rich",
        "html": blockquote(POST, "Road closed.")}))
    serve(fakenet, [])
    (tmp_path / "article.html").write_text(f"<html><body>{blockquote(POST, 'Road closed.')}</body></html>")
    code, out = reporter("fetch", "--all-methods", "--json", "article.html")
    assert code == 0, out
    with sqlite3.connect(tmp_path / "c.db") as con:
        said = dict(con.execute("SELECT o.method, f.fetched_at FROM post_observations o JOIN fetches f "
                                "ON f.id = o.fetch_id WHERE o.status = 'available'"))
    assert said["syndication"] < said["oembed"], said
    [post] = _posts(out)
    assert (post["status"], post["status_as_of"]) == ("available", said["syndication"]), post
    said_in_report, _, _ = _report_as_of(reporter, "--offline")
    assert said_in_report == {said["syndication"]}, said_in_report
    views = _views_as_of(tmp_path / "c.db")
    assert views and all(values == {said["syndication"]} for values in views.values()), views
    code, out = reporter("fetch", "--json", "--offline", URL)
    [post] = _posts(out)
    assert (post["from_cache"], post["status_as_of"]) == (True, said["syndication"]), post
