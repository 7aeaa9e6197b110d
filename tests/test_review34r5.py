"""review34r5: asof34 stored each live observation at its own fetch's time and gave a status the time of the source
it is read from (#9). What that changed elsewhere: a run's answers no longer share a time."""

from dataclasses import replace

import pytest

from tests import xfixtures as fx
from tests.test_fetch import TWEET, by_id, json_page, run, settings_for


def test_a_source_refused_after_the_one_the_status_rests_on_in_the_same_run_is_no_failure_since_the_view(
        fakenet, store):
    """`--all-methods`: syndication says the post is available, then oEmbed, asked after it in the same run, gets a
    lasting refusal (HTTP 400). The view is syndication's answer, as of its fetch; the run's last observation is
    oEmbed's, a moment later. The refusal was read as a failure *since* the view (runs33's rule: an answer for
    error_ttl), so once cache_ttl ran out the next run said "error" from the cache and asked nothing: before asof34
    the two shared a time and the post was asked again. A failure of the view's own run is not one since it."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    fakenet.route("publish.twitter.com", "/oembed", json_page({"error": "bad request"}, 400))
    settings = replace(settings_for(fakenet), cache_ttl_days=0)   # every view is past the TTL at once
    [first] = run([TWEET], settings, store, all_methods=True, media=False)
    assert (first.record.status, first.record.method) == ("available", "syndication")
    asked = len(fakenet.hits)
    [again] = run([TWEET], settings, store, media=False)
    assert (again.record.status, again.record.from_cache) == ("available", False), again.record
    assert len(fakenet.hits) > asked


SOURCES_AT, WRITTEN = ("2026-01-01T10:00:00.100000Z", "2026-01-01T10:00:00.400000Z"), "2026-01-01T10:00:00.900000Z"


@pytest.mark.parametrize("made_before", ["m049_at_risk_despite_captures_never_read", "m050_availability_answers_any_case",
                                         "m051_views_count_current_versions", "m052_observations_at_their_fetchs_time"])
def test_a_cache_made_before_each_of_v49_to_v52_has_views_of_current_versions_as_of_the_statuss_source(
        tmp_path, made_before):
    """A cache made before v49 (c3d3318), and one made at each of v49, v50, v51, opened by this version: m051's views
    (each source's current version only) and m052's (each status as of the answer of its own source, at its fetch's
    time) are one set of views. asof34 was written as m049, then m051, and the lead's merge rebuilt it as m052 on
    m051's views (`_as_of_by_source`); a union merge had dropped m051's view loop once. An article scanned twice (two
    versions, one embed each) counts once; its post, deleted by syndication's answer and not found by oEmbed's a
    moment later, both written after them, is as of syndication's fetch."""
    from sqlite_utils import Database

    from cache import Store
    from cache.migrations import migrations

    old = Database(tmp_path / "old.db")
    migrations.apply(old, stop_before=made_before)
    post = "1390000000000000000"
    superseding = "superseded_at" in old["article_sources"].columns_dict   # v51 on: the scan that read v2 says so
    for i in (1, 2):   # one source, two versions: the one recorded last is current
        old["articles"].insert({"id": i, "sha256": f"{i:064x}", "kind": "html", "bytes": 10})
        old["article_sources"].insert({"article_id": i, "source": "desk/a.html", "host": "desk.test",
                                       "first_seen_at": f"2026-01-0{i}T00:00:00.000000Z"}
                                      | ({"superseded_at": "2026-01-02T00:00:00.000000Z"} if superseding and i == 1
                                         else {}))
        old["embeds"].insert({"article_id": i, "ordinal": 0, "platform": "twitter", "post_id": post,
                              "url": f"https://twitter.com/river_desk/status/{post}", "kind": "blockquote"})
    for i, (method, at) in enumerate(zip(("syndication", "oembed"), SOURCES_AT), 1):
        old["fetches"].insert({"id": i, "url": f"https://example.test/{i}", "method": "GET", "purpose": method,
                               "fetched_at": at, "via": "live"})
    old["posts"].insert({"id": 1, "platform": "twitter", "post_id": post, "status": "deleted", "method": "syndication",
                         "author_handle": "river_desk", "first_observed_at": WRITTEN, "last_observed_at": WRITTEN})
    for fetch_id, (method, status) in enumerate((("syndication", "deleted"), ("oembed", "not_found")), 1):
        old["post_observations"].insert({"post_row": 1, "observed_at": WRITTEN, "method": method, "status": status,
                                         "fetch_id": fetch_id})
    old.conn.close()
    with Store(tmp_path / "old.db") as store:
        rows = {view: [dict(r) for r in store.db.query(f"SELECT * FROM {view}")]
                for view in ("dead_embeds_by_outlet_year", "gone_accounts_most_cited", "at_risk_embeds")}
    [dead], [gone], [at_risk] = rows.values()
    assert (dead["embeds"], dead["dead"], dead["status_as_of_oldest"], dead["status_as_of_newest"]) == (
        1, 1, SOURCES_AT[0], SOURCES_AT[0]), dead
    assert (gone["embeds"], gone["articles"], gone["status_as_of_oldest"], gone["status_as_of_newest"]) == (
        1, 1, SOURCES_AT[0], SOURCES_AT[0]), gone
    assert (at_risk["article_id"], at_risk["post_status"], at_risk["status_as_of"]) == (2, "deleted", SOURCES_AT[0])
