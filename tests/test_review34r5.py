"""review34r5: asof34 stored each live observation at its own fetch's time and gave a status the time of the source
it is read from (#9). What that changed elsewhere: a run's answers no longer share a time."""

import shutil
from dataclasses import replace

import pytest

from tests import oldcaches, xfixtures as fx
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
                                         "m051_views_count_current_versions", "m052_observations_at_their_fetchs_time",
                                         "m053_at_risk_by_a_captures_newest_reading", "m054_versions_of_one_place",
                                         "m055_status_as_of_no_answer_dated_ahead", "m056_output_rewrite_pending",
                                         "m057_credit_kind", "m058_links_captures_sightings_at_fetch_time",
                                         "m059_gone_accounts_named_as_fetched",
                                         "m060_gone_accounts_named_by_their_own_posts",
                                         "m061_agency_key_and_article_credits",
                                         "m062_views_count_posts_reached_through_links",
                                         "m063_agency_names_in_every_casing",
                                         "m064_agency_names_of_upi_cp_and_pa",
                                         "m065_views_count_a_link_embed_under_its_own_post",
                                         "m066_views_one_post_whatever_names_it",
                                         "m067_replayed_answers_contacted_not_known",
                                         "m068_views_a_link_to_a_bluesky_post_under_either_name",
                                         "m069_credits_by_organization_counts_uncertain_credits_apart",
                                         "m070_at_risk_a_posts_likes_page_is_no_copy", "m071_embed_unshown",
                                         "m072_dead_view_counts_links_not_checked_and_doubtful_ids_apart",
                                         "m073_dead_view_counts_no_playlist_or_timeline_as_a_post",
                                         "m074_bluesky_post_year_from_its_key",
                                         "m075_bluesky_post_year_only_from_a_key_of_bluesky_s_time",
                                         "m076_at_risk_reads_telegram_captures",
                                         "m077_at_risk_reads_telegram_me_captures",
                                         "m078_dead_view_counts_no_mastodon_activity_as_a_post",
                                         "m079_embed_moments_other_handles_and_end",
                                         "m080_at_risk_reads_mastodon_captures",
                                         "m081_at_risk_reads_youtube_captures",
                                         "m082_media_credit_unsure",
                                         "m083_agency_names_in_arabic_and_persian_forms",
                                         "m084_at_risk_reads_tiktok_captures",
                                         "m085_at_risk_reads_youtube_watch_pages_with_v_later"])
def test_a_cache_made_before_each_of_v49_to_v55_has_views_of_current_versions_as_of_the_statuss_source(
        tmp_path, made_before):
    """A cache made before v49 (c3d3318), and one made at each of v49 to v54, opened by this version: m051's views
    (each source's current version only) and m052's (each status as of the answer of its own source, at its fetch's
    time) are one set of views. asof34 was written as m049, then m051, and the lead's merge rebuilt it as m052 on
    m051's views (`_as_of_by_source`); a union merge had dropped m051's view loop once. An article scanned twice (two
    versions, one embed each) counts once; its post, deleted by syndication's answer and not found by oEmbed's a
    moment later, both written after them, is as of syndication's fetch."""
    from sqlite_utils import Database

    from cache import Store

    oldcaches.made_before(tmp_path / "old.db", made_before)   # the migrations before it applied (built once, copied)
    old = Database(tmp_path / "old.db")
    post = "1390000000000000000"
    columns = old["article_sources"].columns_dict
    superseding = "superseded_at" in columns   # v51 on: the scan that read v2 says so
    for i in (1, 2):   # one file (its absolute path: a place, v54), two versions: the one recorded last is current
        old["articles"].insert({"id": i, "sha256": f"{i:064x}", "kind": "html", "bytes": 10})
        old["article_sources"].insert({"article_id": i, "source": "/srv/desk/a.html", "host": "desk.test",
                                       "first_seen_at": f"2026-01-0{i}T00:00:00.000000Z"}
                                      | ({"superseded_at": "2026-01-02T00:00:00.000000Z"} if superseding and i == 1
                                         else {}) | ({"place": "/srv/desk/a.html"} if "place" in columns else {}))
        old["embeds"].insert({"article_id": i, "ordinal": 0, "platform": "twitter", "post_id": post,
                              "url": f"https://twitter.com/river_desk/status/{post}", "kind": "blockquote"})
        old["credits"].insert({"article_id": i, "ordinal": 0, "raw": "Photo: Jane Roe/Reuters", "creator": "Jane Roe",
                               "organization": "Reuters"})
    for i, (method, at) in enumerate(zip(("syndication", "oembed"), SOURCES_AT), 1):
        old["fetches"].insert({"id": i, "url": f"https://example.test/{i}", "method": "GET", "purpose": method,
                               "fetched_at": at, "via": "live"})
    at_answer = "recorded_at" in old["post_observations"].columns_dict   # v52 on: kept at each answer's time
    old["posts"].insert({"id": 1, "platform": "twitter", "post_id": post, "status": "deleted", "method": "syndication",
                         "author_handle": "river_desk", "first_observed_at": SOURCES_AT[1] if at_answer else WRITTEN,
                         "last_observed_at": SOURCES_AT[1] if at_answer else WRITTEN})
    for fetch_id, (method, status) in enumerate((("syndication", "deleted"), ("oembed", "not_found")), 1):
        old["post_observations"].insert({"post_row": 1, "method": method, "status": status, "fetch_id": fetch_id}
                                        | ({"observed_at": SOURCES_AT[fetch_id - 1], "recorded_at": WRITTEN}
                                           if at_answer else {"observed_at": WRITTEN}))
    old.conn.close()
    with Store(tmp_path / "old.db") as store:
        rows = {view: [dict(r) for r in store.db.query(f"SELECT * FROM {view}")]
                for view in ("dead_embeds_by_outlet_year", "gone_accounts_most_cited", "at_risk_embeds",
                             "credits_by_organization")}
    [dead], [gone], [at_risk], [credited] = rows.values()
    # The lead (stop 35): m061 rebuilt credits_by_organization (agency key) on m051's current versions only.
    assert (credited["organization"], credited["credits"], credited["articles"]) == ("Reuters", 1, 1), credited
    assert (dead["embeds"], dead["dead"], dead["status_as_of_oldest"], dead["status_as_of_newest"]) == (
        1, 1, SOURCES_AT[0], SOURCES_AT[0]), dead
    assert (gone["embeds"], gone["articles"], gone["status_as_of_oldest"], gone["status_as_of_newest"]) == (
        1, 1, SOURCES_AT[0], SOURCES_AT[0]), gone
    assert (at_risk["article_id"], at_risk["post_status"], at_risk["status_as_of"]) == (2, "deleted", SOURCES_AT[0])
    # views36 (m066): one post once per article whatever names it, the at-risk list saying a maybe-same Bluesky post
    assert at_risk["may_be_same_post_as"] is None and gone["name"] is None
    # views37 (m072): every embed in one of the dead view's columns; the sure, checked post is embeds_checked
    assert (dead["embeds_checked"], dead["doubtful_id"], dead["status_unknown"], dead["not_checked"]) == (1, 0, 0, 0)


def _made_before_v52(path):
    """A cache written before m052: a deleted post, syndication's answer and oEmbed's (a moment later) written
    together after both, and a WARC record replayed (already at its WARC-Date)."""
    from sqlite_utils import Database

    oldcaches.made_before(path, "m052_observations_at_their_fetchs_time")
    old = Database(path)
    fetches = [(SOURCES_AT[0], "syndication", "live"), (SOURCES_AT[1], "oembed", "live"),
               ("2024-06-20T11:00:00.000000Z", "oembed", "warc")]
    for i, (at, purpose, via) in enumerate(fetches, 1):
        old["fetches"].insert({"id": i, "url": f"https://example.test/{i}", "method": "GET", "purpose": purpose,
                               "fetched_at": at, "via": via})
    old["posts"].insert({"id": 1, "platform": "twitter", "post_id": "1390000000000000000", "status": "deleted",
                         "method": "syndication", "author_handle": "river_desk", "first_observed_at": WRITTEN,
                         "last_observed_at": WRITTEN})
    for at, method, status, fetch_id in [(WRITTEN, "syndication", "deleted", 1), (WRITTEN, "oembed", "not_found", 2),
                                         (fetches[2][0], "oembed", "available", 3)]:
        old["post_observations"].insert({"post_row": 1, "observed_at": at, "method": method, "status": status,
                                         "fetch_id": fetch_id})
    old.conn.close()


def _times(path) -> tuple[list[tuple], tuple]:
    from cache import Store

    with Store(path) as store:
        observations = sorted((o["method"], o["observed_at"], o["recorded_at"]) for o in store.observations(1))
        post = store.post_row_counting("twitter", "1390000000000000000", method="wayback")[0]
    return observations, (post["first_observed_at"], post["last_observed_at"], post["view_observed_at"])


def test_a_cache_merged_from_an_input_made_before_v52_has_its_answers_at_their_fetchs_time(tmp_path):
    """`cache merge` reads an input as it is, no migration: an input made before v52 kept its live answers at their
    write's time in the merged cache (asof34 left it: "open the input once with this version first"), and every
    status as-of read from them (the views, `status_as_of`) was a time no fetch in the log has. Merged straight, it
    now says what the same input migrated first says."""
    from cache.merge import merge

    _made_before_v52(tmp_path / "old.db")
    shutil.copy(tmp_path / "old.db", tmp_path / "opened.db")
    migrated = _times(tmp_path / "opened.db")   # opened by this version: m052 moved it
    assert migrated == ([("oembed", "2024-06-20T11:00:00.000000Z", "2024-06-20T11:00:00.000000Z"),
                         ("oembed", SOURCES_AT[1], WRITTEN), ("syndication", SOURCES_AT[0], WRITTEN)],
                        (SOURCES_AT[1], SOURCES_AT[1], SOURCES_AT[0])), migrated
    merge(tmp_path / "straight.db", [tmp_path / "old.db"])
    assert _times(tmp_path / "straight.db") == migrated
    merge(tmp_path / "both.db", [tmp_path / "old.db", tmp_path / "opened.db"])   # one answer each, not two
    assert _times(tmp_path / "both.db") == migrated


def test_a_merge_takes_the_newer_view_of_a_post_by_its_answers_time_from_an_input_made_before_v52(tmp_path):
    """An input made before v52 whose post was found deleted (syndication at .100, oEmbed at .400, written at .900),
    and another that found it available at .600: the newer answer is the second's. The merge read the first one's
    answers at their write's time (.900) and kept "deleted", an older answer over a newer one."""
    import sqlite3

    from cache.merge import merge

    _made_before_v52(tmp_path / "old.db")
    shutil.copy(tmp_path / "old.db", tmp_path / "later.db")
    _times(tmp_path / "later.db")   # opened by this version: migrated
    seen = "2026-01-01T10:00:00.600000Z"
    with sqlite3.connect(tmp_path / "later.db") as con:
        con.execute("INSERT INTO fetches (id, url, method, purpose, fetched_at, via) VALUES "
                    "(4, 'https://example.test/4', 'GET', 'syndication', ?, 'live')", [seen])
        con.execute("DELETE FROM post_observations")
        con.execute("INSERT INTO post_observations (post_row, observed_at, recorded_at, method, status, fetch_id) "
                    "VALUES (1, ?, ?, 'syndication', 'available', 4)", [seen, seen])
        con.execute("UPDATE posts SET status = 'available', first_observed_at = ?, last_observed_at = ?, "
                    "last_available_at = ?", [seen] * 3)
    con.close()
    for order in ([tmp_path / "old.db", tmp_path / "later.db"], [tmp_path / "later.db", tmp_path / "old.db"]):
        merge(tmp_path / "both.db", order)
        with sqlite3.connect(tmp_path / "both.db") as con:
            assert con.execute("SELECT status, last_observed_at FROM posts").fetchone() == ("available", seen), order
        con.close()
        (tmp_path / "both.db").unlink()


def test_a_status_is_never_as_of_an_answer_dated_after_now_that_its_source_gave_before(store):
    """A WARC written on a machine whose clock ran a year ahead, replayed: syndication "available", dated next year.
    A live syndication answer then finds the post deleted and takes the view (review32r3: a time after now is no time).
    The status's as-of was the latest of its source's answers, the one from ahead: "deleted (as of <next year>)", the
    time of another answer that said otherwise, in `status_as_of`, the views and `stats`; and every online run asked
    again, the view reading as dated after now. It is the live answer's time."""
    import json
    from datetime import datetime, timedelta, timezone

    def at(days: float) -> str:
        return (datetime.now(timezone.utc) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def seen(when: str, status: str) -> None:
        fetch_id = store.record_fetch({"url": "https://cdn.syndication.twimg.com/tweet-result?id=8", "method": "GET",
                                       "fetched_at": when, "status": 200, "purpose": "syndication"})
        record = {"status": status, "fetch_ids": [fetch_id]}
        store.record_observation({"platform": "twitter", "post_id": "8", "url": "https://twitter.com/a/status/8",
                                  "status": status, "method": "syndication", "author_handle": "a", "record": record},
                                 [{"method": "syndication", "status": status, "fetch_id": fetch_id,
                                   "record": json.dumps(record)}], observed_at=when)

    seen(at(365), "available")   # replayed from a WARC whose clock ran a year ahead
    live = at(-1 / 86400)
    seen(live, "deleted")
    with store.write():
        store.conn.execute("INSERT INTO articles (id, sha256, kind, bytes) VALUES (1, 'a', 'html', 1)")
        store.conn.execute("INSERT INTO article_sources (article_id, source, host, first_seen_at) "
                           "VALUES (1, 'desk/a.html', 'desk.test', ?)", [live])
        store.conn.execute("INSERT INTO embeds (article_id, ordinal, platform, post_id, url, kind) "
                           "VALUES (1, 0, 'twitter', '8', 'https://twitter.com/a/status/8', 'blockquote')")
    row = store.post_row_counting("twitter", "8", method="wayback")[0]
    assert (row["status"], row["view_observed_at"]) == ("deleted", live)
    assert store.statuses_observed(at(-30))[1:3] == (live, live)
    [at_risk] = store.db.query("SELECT post_status, status_as_of FROM at_risk_embeds")
    [dead] = store.db.query("SELECT status_as_of_oldest, status_as_of_newest FROM dead_embeds_by_outlet_year")
    [gone] = store.db.query("SELECT status_as_of_oldest, status_as_of_newest FROM gone_accounts_most_cited")
    assert (at_risk, dead, gone) == ({"post_status": "deleted", "status_as_of": live},
                                     {"status_as_of_oldest": live, "status_as_of_newest": live},
                                     {"status_as_of_oldest": live, "status_as_of_newest": live})


def test_a_replayed_run_read_again_is_as_of_its_statuss_answer_not_a_failure_crawled_after_it(fakenet, tmp_path):
    """A WARC holds syndication's "available" (2024-05-16) and oEmbed's 503 crawled a day later, replayed with
    `--all-methods`: one run. A live run then finds the post deleted. Replayed again, the post is made again from the
    replayed run (`_replayed_view`): its status "available" was as of the run's latest answer, the 503's time, since
    asof34 grouped a run by `recorded_at` (before, each replayed answer was its own run and the status its own time).
    review33r5 made the live path give the status's answer's time; the replayed view now does too."""
    import json

    from resolver.fetch import oembed
    from tests.test_replay_records import POST, fetched, write_records
    from resolver.fetch import syndication
    from tests.cliworld import World

    said, failed = "2024-05-16T09:05:00Z", "2024-05-17T09:05:00Z"
    warc = write_records(tmp_path / "crawl.warc.gz",
                         (syndication.request_url(fx.POST_ID), said, 200, "application/json",
                          json.dumps(fx.SYNDICATION_TWEET).encode()),
                         (oembed.request_url("twitter", POST), failed, 503, "text/html", b"busy"))
    world = World(fakenet, tmp_path)
    first = world("--replay", str(warc), "fetch", "--all-methods", "--no-media", "--json", POST)
    post = json.loads(first.stdout.splitlines()[0])
    assert (post["status"], post["status_as_of"][:19]) == ("available", said[:19]), first.output
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.TOMBSTONE_DELETED)]}))
    result, post = fetched(world)
    assert post is not None and post["status"] == "deleted", result.output
    result, post = fetched(world, warc)
    assert post is not None and (post["status"], post["status_as_of"][:19]) == ("available", said[:19]), post
