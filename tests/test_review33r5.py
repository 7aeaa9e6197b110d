"""review33r5: corpus33's `status_as_of` and the views, read against what the cache records (#13)."""

import json

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
