"""A fetch row and the fact it produced are written in one transaction, on every path (#11 "The database", #12
"kill -9 ... no fetch duplicated"): the X API batch and the post observations it gave, a post's archived copies,
archive lookups and their snapshots, Save Page Now submissions and polls and the saves row, an article fetched by
URL and the article, the captures identification reads. Each test kills a real process with SIGKILL between a
fetch and its fact (a request that hangs until the kill, or the kill at the very write of the fact), then checks
what is on record and that the next run leaves every fetch once, each pointed at by what it produced."""

from __future__ import annotations

import json
import sqlite3
import subprocess

from werkzeug.wrappers import Response

from tests import waybacknet
from tests import xfixtures as fx
from tests.cliworld import Hang, World
from tests.corpusnet import fetch_problems
from tests.fakenet import page, redirect
from tests.test_fetch import TOKEN, by_id, json_page
from tests.waybacknet import Capture

POST = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
STORY = "https://news.example/story"   # archived as it is (a post would be fetched first)
QUIET = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
DELETED = {"__typename": "TweetTombstone",
           "tombstone": {"text": {"text": "This Post was deleted by the Post author."}}}
SHELL = b"<html><head><title>JavaScript is not available.</title></head><body></body></html>"


def rows(db, sql: str, *args: object) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def purposes(db) -> dict[str, int]:
    """Fetch rows by purpose."""
    return dict(rows(db, "SELECT purpose, count(*) FROM fetches GROUP BY purpose"))


def clean(db) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return fetch_problems(con)
    finally:
        con.close()


def rerun(world: World, *args: str, env: dict[str, str] | None = None) -> None:
    """The command run again after the killed child, to its end (exit 0), in this process (World's CliRunner): the
    killed child is the process tested; the next run is an ordinary run, whose exit code and records are checked."""
    result = world(*args, env=env)
    assert result.exit_code == 0, result.output


def lookup_page(request):
    return Response(fx.as_json(fx.X_API_LOOKUP), content_type="application/json; charset=utf-8",
                    headers=fx.X_RATE_HEADERS | {"x-rate-limit-remaining": "298"})


def cdx_routed(fakenet):
    """waybacknet's CDX handler (what serve() routed)."""
    return fakenet.routes[("web.archive.org", "/cdx/search/cdx")][0]


# -- the X API -----------------------------------------------------------------------------------------------

def test_a_kill_between_an_x_api_answer_and_the_post_s_observation_leaves_no_half(tmp_path, fakenet):
    """The X API answers; syndication, asked too (--all-methods), hangs; SIGKILL. The X API's row was written at
    once (the batch serves up to 100 posts), so the next run asked again: a duplicate. Now it waits for the first
    observation it produced."""
    hang = Hang(by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    fakenet.route("api.twitter.com", "/2/tweets", lookup_page)
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", hang)
    fakenet.route("publish.twitter.com", "/oembed", json_page(fx.OEMBED_TWEET))
    waybacknet.serve(fakenet, [])
    world = World(fakenet, tmp_path)
    token = {"X_BEARER_TOKEN": TOKEN}
    hang.killed_while_waiting(world.process("fetch", "--all-methods", "--no-media", POST, env=token, **QUIET))
    assert purposes(world.db) == {}
    assert rows(world.db, "SELECT count(*) FROM post_observations") == [(0,)]
    rerun(world, "fetch", "--all-methods", "--no-media", POST, env=token)
    assert purposes(world.db)["x-api"] == 1
    assert rows(world.db, "SELECT o.method FROM post_observations o JOIN fetches f ON f.id = o.fetch_id "
                          "WHERE f.purpose = 'x-api'") == [("x-api",)]
    assert clean(world.db) == []


def test_one_x_api_batch_row_stands_behind_every_post_it_answered(fakenet, store):
    """Two posts in one batch: one request, one row, written with the first post's observation and named by both."""
    from resolver.fetch import FetchOptions, Target, fetch_posts
    from resolver.session import Session

    fakenet.route("api.twitter.com", "/2/tweets", lookup_page)
    settings = fakenet.settings(hosts=["api.twitter.com"], x_methods=("x-api",), x_bearer_token=TOKEN)
    targets = [Target("twitter", i, f"https://twitter.com/RivertonRoads/status/{i}") for i in (fx.POST_ID, fx.GONE_ID)]
    posts = Session(settings, store=store).run(
        lambda s: fetch_posts(targets, session=s, options=FetchOptions(media=False, archived=False)))
    assert [p.record.status for p in posts] == ["available", "not_found"]
    [batch] = store.db["fetches"].rows_where("purpose = 'x-api'")
    assert [r["fetch_id"] for r in store.db["post_observations"].rows] == [batch["id"], batch["id"]]
    assert [p.record.fetch_ids for p in posts] == [(batch["id"],), (batch["id"],)]


# -- a post's archived copies --------------------------------------------------------------------------------

def serve_gone_post(fakenet):
    """A deleted post (syndication's tombstone) whose page has one capture, a page shell that says nothing, so
    the captures of the other places they live are looked up next. Returns a Hang and a CDX handler that answers
    the first query (the post's page) and holds the next ones in that Hang; the CDX route is left answering all."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(DELETED)]}))
    waybacknet.serve(fakenet, [Capture("20221206060000", POST, SHELL)])
    listing = cdx_routed(fakenet)
    hang = Hang(listing)
    return hang, lambda request: listing(request) if "/status/" in request.args.get("url", "") else hang(request)


def test_a_kill_while_a_post_s_archived_copies_are_read_leaves_no_capture_fetch_behind(tmp_path, fakenet):
    """The capture of the post's page is read; the next CDX query hangs; SIGKILL. The capture's row was written at
    once, with nothing to show for it, and the next run read the capture again. Now the capture rows wait for the
    post's observation; a CDX answer is written with its snapshots."""
    hang, holding = serve_gone_post(fakenet)
    fakenet.route("web.archive.org", "/cdx/search/cdx", holding)
    world = World(fakenet, tmp_path)
    hang.killed_while_waiting(world.process("fetch", "--no-media", POST, **QUIET))
    done = purposes(world.db)
    assert "wayback-capture" not in done and "syndication" not in done
    assert clean(world.db) == []      # the CDX answer that was written has its snapshot
    fakenet.route("web.archive.org", "/cdx/search/cdx", hang.then)
    rerun(world, "fetch", "--no-media", POST)
    assert purposes(world.db)["wayback-capture"] == 1
    assert clean(world.db) == []


def test_a_kill_as_a_cdx_listing_s_snapshots_are_written_leaves_no_listing_without_them(tmp_path, fakenet):
    """Nothing is asked between a CDX answer and its snapshots, so the kill comes as they are written. The answer's
    row was already written, and within the TTL the next run read it again instead of asking, and never recorded
    its snapshots. Now both are one transaction."""
    serve_gone_post(fakenet)
    world = World(fakenet, tmp_path)
    assert world.killed_at("Store.record_snapshots", "fetch", "--no-media", POST, **QUIET) == -9
    assert "wayback-cdx" not in purposes(world.db)
    rerun(world, "fetch", "--no-media", POST)
    assert rows(world.db, "SELECT count(*) FROM snapshots") == [(1,)]
    assert clean(world.db) == []


# -- archive lookups and Save Page Now -----------------------------------------------------------------------

def test_a_kill_between_a_cdx_lookup_and_the_availability_lookup_keeps_the_snapshots(tmp_path, fakenet):
    """`archive URL`: CDX lists two captures, the availability API hangs; SIGKILL. The CDX row was written and its
    snapshots were not (they waited for the availability answer); the next run took the CDX answer from the cache
    and never recorded them. Now the CDX answer and its snapshots are written as it arrives."""
    fakenet.route("news.example", "/story", page("<html>the story</html>"))
    waybacknet.serve(fakenet, [Capture("20221206060000", STORY, b"one"), Capture("20230101000000", STORY, b"two")])
    available = fakenet.routes[("archive.org", "/wayback/available")][0]
    hang = Hang(available)
    fakenet.route("archive.org", "/wayback/available", hang)
    world = World(fakenet, tmp_path)
    hang.killed_while_waiting(world.process("archive", STORY, **QUIET))
    # the killed run's CDX answer and its snapshots are on disk already (fixnu38c: the next `archive` asks afresh,
    # as its WARC must hold every answer it uses, so they are looked at before it runs)
    assert purposes(world.db)["wayback-cdx"] == 1
    assert rows(world.db, "SELECT timestamp FROM snapshots ORDER BY timestamp") == [
        ("20221206060000",), ("20230101000000",)]
    fakenet.route("archive.org", "/wayback/available", available)
    rerun(world, "archive", STORY)
    assert rows(world.db, "SELECT timestamp FROM snapshots ORDER BY timestamp") == [
        ("20221206060000",), ("20230101000000",)]
    assert purposes(world.db)["wayback-cdx"] == 2     # (an archive run asks afresh; the live copy every run)


def serve_save_page_now(fakenet, status: Hang) -> dict[str, int]:
    """Save Page Now accepting a job whose status is `status`'s; counts the submissions."""
    submitted = {"count": 0}

    def submit(request):
        submitted["count"] += 1
        return Response(json.dumps({"url": STORY, "job_id": "spn2-j1"}), content_type="application/json")
    fakenet.route("web.archive.org", "/save", submit)
    fakenet.route("web.archive.org", "/save/status/spn2-j1", status)
    return submitted


def test_a_kill_while_a_save_is_polled_leaves_its_job_on_record_and_submits_nothing_twice(tmp_path, fakenet):
    """`archive --save`: the submission is answered with a job id, its status poll hangs; SIGKILL. The submission's
    row was written and the job id was not, so the next run submitted the URL again (a second capture). Now the
    row and the job id are written together, and the next run polls that job."""
    fakenet.route("news.example", "/story", page("<html>the story</html>"))
    waybacknet.serve(fakenet, [])
    success = json_page({"status": "success", "job_id": "spn2-j1", "original_url": STORY,
                         "timestamp": "20261125230000"})
    hang = Hang(success)
    submitted = serve_save_page_now(fakenet, hang)
    world = World(fakenet, tmp_path)
    keys = {"IA_ACCESS_KEY": "k-access", "IA_SECRET_KEY": "s-secret"}
    hang.killed_while_waiting(world.process("archive", "--save", STORY, env=keys, **QUIET))
    assert rows(world.db, "SELECT status, job_id FROM saves") == [("submitted", "spn2-j1")]
    fakenet.route("web.archive.org", "/save/status/spn2-j1", success)
    rerun(world, "archive", "--save", STORY, env=keys)
    assert submitted["count"] == 1
    assert rows(world.db, "SELECT count(*) FROM fetches WHERE method = 'POST'") == [(1,)]
    assert rows(world.db, "SELECT status, snapshot_url FROM saves") == [
        ("success", f"https://web.archive.org/web/20261125230000/{STORY}")]


def test_a_kill_as_a_save_s_outcome_is_written_leaves_no_poll_behind(tmp_path, fakenet):
    """The poll says success and the process dies as that is written: neither the poll's row nor the outcome is on
    record (the submission and its job id are), and the next run polls the job and records both."""
    fakenet.route("news.example", "/story", page("<html>the story</html>"))
    waybacknet.serve(fakenet, [])
    success = json_page({"status": "success", "job_id": "spn2-j1", "original_url": STORY,
                         "timestamp": "20261125230000"})
    submitted = serve_save_page_now(fakenet, success)
    world = World(fakenet, tmp_path)
    keys = {"IA_ACCESS_KEY": "k-access", "IA_SECRET_KEY": "s-secret"}
    code = world.killed_at("Store.update_save", "archive", "--save", STORY, call=2, env=keys, **QUIET)
    assert code == -9
    assert rows(world.db, "SELECT url FROM fetches WHERE purpose = 'wayback-save'") == [("https://web.archive.org/save",)]
    assert rows(world.db, "SELECT status, job_id FROM saves") == [("submitted", "spn2-j1")]
    rerun(world, "archive", "--save", STORY, env=keys)
    assert submitted["count"] == 1
    assert rows(world.db, "SELECT status FROM saves") == [("success",)]


# -- articles fetched by URL -----------------------------------------------------------------------------------

def test_a_kill_while_an_article_is_fetched_leaves_no_fetch_without_the_article(tmp_path, fakenet):
    """`scan URL`: the URL redirects, the next hop hangs; SIGKILL. The first hop's row was written before the
    article was, and the next run fetched it again. Now the article's rows are written with the article."""
    story = "<html><body><p>Story</p></body></html>"
    hang = Hang(page(story))
    fakenet.route("news.example", "/story", redirect("https://news.example/story/"))
    fakenet.route("news.example", "/story/", hang)
    world = World(fakenet, tmp_path)
    hang.killed_while_waiting(world.process("scan", "https://news.example/story", **QUIET))
    assert purposes(world.db) == {}
    fakenet.route("news.example", "/story/", page(story))
    rerun(world, "scan", "https://news.example/story")
    assert purposes(world.db) == {"article": 2}
    assert rows(world.db, "SELECT count(*) FROM articles") == [(1,)]
    assert clean(world.db) == []


# -- identification ------------------------------------------------------------------------------------------

REMNANT = ("Bridge reopened this morning after repairs. pic.twitter.com/Zz98Yy76Xx\n"
           "— Riverton Roads (@RivertonRoads) December 6, 2022\n")
FIRST, SECOND = "1600000000000000001", "1600000000000000011"


def test_a_kill_while_identification_reads_captures_leaves_each_capture_read_once(tmp_path, fakenet):
    """Two gone candidates in the day's window; the first one's capture is read, the second's hangs; SIGKILL. The
    first capture's row was written with nothing to show for it, and every later run read it again. Now what each
    capture says is recorded as its post's archived copy, with the capture's row, and read from the cache after."""
    page_of = {i: f"https://twitter.com/RivertonRoads/status/{i}" for i in (FIRST, SECOND)}
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({i: [json_page(DELETED)] for i in page_of}))
    waybacknet.serve(fakenet, [
        Capture("20221206060000", page_of[FIRST], waybacknet.classic_page(
            FIRST, "RivertonRoads", "Riverton Roads", "Bridge reopened this morning after repairs.")),
        Capture("20221206070000", page_of[SECOND], waybacknet.classic_page(
            SECOND, "RivertonRoads", "Riverton Roads", "Traffic update for the ring road tonight."))])
    second = f"/web/20221206070000id_/{page_of[SECOND]}"
    answer = fakenet.routes[("web.archive.org", second)][0]
    hang = Hang(answer)
    fakenet.route("web.archive.org", second, hang)
    (tmp_path / "remnant.txt").write_text(REMNANT)
    world = World(fakenet, tmp_path)
    hang.killed_while_waiting(world.process("scan", "--identify", str(tmp_path / "remnant.txt"), **QUIET))
    assert clean(world.db) == []
    fakenet.route("web.archive.org", second, answer)
    for _ in range(2):     # and a warm run asks nothing again
        rerun(world, "scan", "--identify", str(tmp_path / "remnant.txt"))
    assert purposes(world.db)["wayback-capture"] == 2
    assert clean(world.db) == []
    assert rows(world.db, "SELECT count(*), count(DISTINCT post_row) FROM post_observations WHERE method = 'wayback'"
                ) == [(2, 2)]      # one copy per candidate, recorded once
    [(post_id,)] = rows(world.db, "SELECT post_id FROM identifications ORDER BY id DESC LIMIT 1")
    assert post_id == FIRST


def test_a_submitted_save_is_polled_not_submitted_and_offline_is_left_as_it_was(fakenet, store):
    """A saves row an earlier run left "submitted": offline nothing is asked and the row stays as it was; online
    its job is polled (no submission) and the outcome written with the poll's row, the same attempt."""
    from resolver import archive
    from resolver.session import Mode, Session

    success = json_page({"status": "success", "job_id": "spn2-j1", "original_url": STORY, "timestamp": "20261125230000"})
    submitted = serve_save_page_now(fakenet, success)
    save_id = store.queue_save(STORY)
    store.update_save(save_id, {"status": "submitted", "job_id": "spn2-j1"})
    settings = fakenet.settings(hosts=["web.archive.org"], ia_access_key="ia-key-k", ia_secret_key="ia-secret-s")
    [offline] = Session(settings, store=store, mode=Mode(offline=True)).run(
        lambda s: archive.process_queue(session=s, poll_every=0.01))
    assert (offline.status, offline.unavailable, fakenet.hits) == ("submitted", True, [])
    assert store.db["saves"].get(save_id)["status"] == "submitted"
    [done] = Session(settings, store=store).run(lambda s: archive.process_queue(session=s, poll_every=0.01))
    assert (done.status, submitted["count"]) == ("success", 0)
    row = store.db["saves"].get(save_id)
    assert (row["status"], row["attempts"]) == ("success", 1)
    [poll] = store.db["fetches"].rows
    assert poll["url"] == "https://web.archive.org/save/status/spn2-j1"


def test_a_failed_transaction_holds_its_rows_again_for_the_next_fact_that_shares_them(store):
    """Two facts rest on one shared row (an X API batch): the first one's transaction fails after writing it, so
    it is rolled back and held again, and the second fact writes it and names it."""
    import pytest

    from resolver.http import Ledger

    row = {"url": "https://api.twitter.com/2/tweets?ids=1,2", "method": "GET", "purpose": "x-api",
           "fetched_at": "2026-01-01T00:00:00.000000Z"}
    batch, first, second = Ledger(), Ledger(), Ledger()
    placeholder = batch.hold(row)
    first.share(batch)
    second.share(batch)
    with pytest.raises(RuntimeError), first.transaction(store):
        raise RuntimeError("the observation could not be written")
    assert (store.count("fetches"), batch.held) == (0, [row])
    with second.transaction(store) as real:
        row_id = real(placeholder)
    with first.transaction(store) as real:
        assert real(placeholder) == row_id          # written once, named by both
    assert [r["id"] for r in store.db["fetches"].rows] == [row_id]
