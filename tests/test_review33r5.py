"""review33r5: corpus33's `status_as_of` and the views, read against what the cache records (#13)."""

import json
import re

from resolver.fetch import oembed, syndication
from tests import xfixtures as fx
from tests.cliworld import World
from tests.test_replay_records import POST, fetched, write_records


def test_a_replayed_status_is_as_of_the_answer_it_rests_on_not_a_later_failure(fakenet, tmp_path):
    """A replay whose oEmbed record (June 20) says the post is not found and whose syndication record, crawled later
    (June 25), is a 503: the status rests on oEmbed's answer, as the cache's view (Store.VIEW_AT, the views'
    `status_as_of`) and the next run from the cache say. `fetch --json` said "not found" as of June 25, the
    failure's time, which is no answer about the post."""
    warc = write_records(tmp_path / "crawl.warc.gz",
                         (syndication.request_url(fx.POST_ID), "2024-06-25T08:00:00Z", 503, "text/html",
                          b"<html>Service Unavailable</html>"),
                         (oembed.request_url("twitter", POST), "2024-06-20T11:00:00Z", 404, "text/html",
                          b"<html>Not Found</html>"))
    world = World(fakenet, tmp_path)
    result, post = fetched(world, warc)
    assert post is not None and post["status"] == "not_found", result.output
    from cache import Store

    with Store(world.db) as store:
        said = store.conn.execute("SELECT method, status, observed_at FROM post_observations ORDER BY id").fetchall()
    assert ("syndication", "error", "2024-06-25T08:00:00.000000Z") in [tuple(r) for r in said], said
    assert post["status_as_of"] == "2024-06-20T11:00:00.000000Z", (post["status_as_of"], said)
    again = fetched(world, warc)[1]   # replayed again: the cache's view answers, as of the same answer
    assert (again["status"], again["status_as_of"]) == ("not_found", "2024-06-20T11:00:00.000000Z"), again


def test_the_datasette_metadata_names_the_archives_observations_and_their_status():
    """m046 stores a capture read that holds the post as a `wayback` observation "archived-copy": the
    post_observations descriptions (datasette, `cache metadata`) named neither, only "x-api, syndication, oembed" and
    "What it said of the post", which a reader filtering live answers by status took "archived-copy" for."""
    from cache.metadata import TABLES

    columns = TABLES["post_observations"][1]
    assert "wayback" in columns["method"], columns["method"]
    assert "archived-copy" in columns["status"] and "never a live answer" in columns["status"], columns["status"]


def test_a_replayed_reports_live_side_of_a_difference_is_cited_as_replayed(fakenet, tmp_path, monkeypatch):
    """"Live and archived differ … live (…)" cited the live answer by method, time and fetch only: in a --replay
    report every other citation of that answer says "replayed from WARC <file>, answered at <WARC-Date>", and this
    one read as a fetch made at that time (its `live_source` kept no WARC file)."""
    import html
    import shutil

    from tests.test_verdicts import (ORIGINAL_WORDS, EDIT, POST, blockquote, by_id, cli_on_fakenet, json_page,
                                     original_capture, serve, tweet, HOSTS)

    reporter = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    edited = tweet(EDIT, "The council rejected the new budget on Wednesday.", created_at="2021-05-03T09:32:40.000Z")
    edited["edit_control"] = {"edit_tweet_ids": [POST, EDIT], "editable_until_msecs": "1620037960000",
                              "edits_remaining": "4"}
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(edited | {"isEdited": True})]}))
    serve(fakenet, [original_capture()])
    code, out = reporter("scan", "--fetch", "--warc", str(tmp_path / "run.warc.gz"), "article.html",
                         article=f"<html><body>{blockquote(POST, ORIGINAL_WORDS)}</body></html>")
    assert code == 0, out
    shutil.move(tmp_path / "c.db", tmp_path / "live.db")
    reporter("--replay", str(tmp_path / "run.warc.gz"), "scan", "--fetch", "article.html")
    data = json.loads(reporter("--replay", str(tmp_path / "run.warc.gz"), "report", "--format", "json",
                               "article.html")[1])
    [found] = [d for d in data["embeds"][0]["post"]["differences"] if d["field"] == "text"]
    assert (found["live_source"].get("warc_file") or "").endswith(
        "run.warc.gz"), found
    md = reporter("--replay", str(tmp_path / "run.warc.gz"), "report", "article.html")[1]
    page = html.unescape(reporter("--replay", str(tmp_path / "run.warc.gz"), "report", "--format", "html",
                                  "article.html")[1])
    for text in (md, page):
        [line] = [line for line in text.splitlines() if "Live and archived differ" in line]
        assert re.search(r"live \(syndication, fetch #\d+, replayed from WARC \S*run\.warc\.gz, record \\?<urn:uuid:"
                         r"[^)]+, answered at \d{4}-[^)]+Z, via configured origin http://127\.0\.0\.1:\d+ for "
                         r"cdn\.syndication\.twimg\.com\)", line), line
