"""Fetching posts against loopback servers speaking the real formats: syndication, oEmbed, the X API (through
tweepy), other platforms' oEmbed, and the media files, with the cache's history, raw bodies and reparse."""

import json
import logging
import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from werkzeug.wrappers import Response

from resolver.fetch import FetchOptions, Target, fetch_posts
from resolver.fetch.token import syndication_token
from resolver.fetch.telegram import PRIVATE
from resolver.session import Mode, Session
from tests import xfixtures as fx
from tests.fakenet import drip, page
from tests.waybacknet import serve as serve_archive

TWEET = Target("twitter", fx.POST_ID, f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}")
MEDIA_HOSTS = ["pbs.twimg.com", "video.twimg.com", "i.ytimg.com"]
TOKEN = "AAAAfictional-bearer-SECRET-token"


def by_id(answers):
    """A handler that answers per ?id=, each id's answers in turn (the last one repeats)."""
    def handle(request):
        post_id = request.args.get("id")
        assert request.args.get("token") == syndication_token(post_id)   # the token react-tweet computes
        queue = answers[post_id]
        return (queue.pop(0) if len(queue) > 1 else queue[0])(request)
    return handle


def json_page(data, status=200, **headers):
    return page(fx.as_json(data), status, content_type="application/json; charset=utf-8", **headers)


def serve_media(fakenet):
    fakenet.route("pbs.twimg.com", "/media/FjRivertonBridge.jpg",
                  page(fx.jpeg(iptc={(2, 80): b"Bea Example", (2, 110): b"Riverton Post"}), content_type="image/jpeg"))
    fakenet.route("pbs.twimg.com", "/ext_tw_video_thumb/1600000000000000009/pu/img/RiverPoster.jpg",
                  page(fx.jpeg(xmp=fx.XMP_CREDITS), content_type="image/jpeg"))


def run(targets, settings, store, *, offline=False, refresh=False, **options):
    """Fetch posts in a session of their own, as a command would."""
    session = Session(settings, store=store, mode=Mode(offline=offline, refresh=refresh))
    return session.run(lambda s: fetch_posts(targets, session=s, options=FetchOptions(**options)))


def settings_for(fakenet, **overrides):
    hosts = sorted({h for h, _ in fakenet.routes} | {"cdn.syndication.twimg.com", "publish.twitter.com",
                                                      "api.twitter.com", *MEDIA_HOSTS})
    return fakenet.settings(hosts=hosts, **overrides)


# A post that is not available, or an edited one, is looked for in the archives, which these tests route no server
# for: each lookup fails to resolve (tests/conftest.py) and is retried, with fakenet's backoff of up to 0.2 s a wait
# (1-3.5 s of waiting a test, none of it checked). A test none of whose routed answers is retried (no 429, 5xx or
# timeout) waits up to 0.01 s a retry: the lookups are still made and retried, within 0.03 s, not 0.6 (#14).
UNROUTED_ARCHIVES = {"retry_max_wait": 0.01}


def test_syndication_available_with_media_and_credits(fakenet, store):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    [post] = run([TWEET], settings_for(fakenet), store)
    data = post.to_json()
    assert (data["status"], data["method"]) == ("available", "syndication")
    assert data["author"] == {"handle": "RivertonRoads", "name": "Riverton Roads", "id": "4400000001"}
    assert data["created_at"] == "2022-12-06T05:31:41Z" and data["lang"] == "en"
    photo, video = data["media"]
    assert (photo["type"], photo["width"], photo["height"], photo["mime"]) == ("photo", 64, 48, "image/jpeg")
    assert photo["credit"] == {"byline": "Bea Example", "credit_line": "Riverton Post"}
    assert len(photo["sha256"]) == 64 and photo["phash"] and photo["c2pa"] is False
    assert video["type"] == "video" and video["credit"]["creator"] == "Cal Sample"
    assert [v["bitrate"] for v in video["variants"]] == [256000, None, 2176000]
    assert ("video.twimg.com", "/ext_tw_video/9/pu/vid/1280x720/high.mp4") not in fakenet.hits   # no --download-video
    # the raw answer is kept, content-addressed, and tied to its fetch-log row
    [fetch_row] = [r for r in store.db["fetches"].rows if r["purpose"] == "syndication"]
    assert json.loads(store.body(fetch_row["body_sha256"])) == fx.SYNDICATION_TWEET
    assert data["fetch_ids"] == [fetch_row["id"]]


@pytest.mark.parametrize("answer,status", [
    (json_page(fx.TOMBSTONE_DELETED), "deleted"),
    (json_page(fx.TOMBSTONE_EMPTY), "age_restricted"),
    (json_page({}), "not_found"),
    (page("<html>Not found</html>", 404), "not_found"),
    (page(b"{not json", content_type="application/json"), "error"),
    (page("<html>oops</html>", 200), "error"),
    (json_page({k: v for k, v in fx.SYNDICATION_TWEET.items() if k != "user"} | {"id_str": fx.GONE_ID}), "suspended"),
    # Objects that are no tweet: before, any of them was read as a tweet without its author, "suspended", a
    # definitive status that stopped the other methods being asked.
    (json_page({"errors": [{"message": "Sorry, that page does not exist", "code": 34}]}), "unknown"),
    (json_page({"__typename": "TweetUnavailable", "reason": "Protected"}), "unknown"),
    (json_page({"data": {"tweetResult": None}}), "unknown"),
], ids=["tombstone-deleted", "tombstone-empty", "empty-object", "404-html", "malformed-json", "wrong-content-type",
        "no-user", "errors-object", "other-typename", "other-shape"])
def test_syndication_statuses(fakenet, store, answer, status):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.GONE_ID: [answer]}))
    fakenet.route("publish.twitter.com", "/oembed", page("nope", 404))
    settings = settings_for(fakenet, x_methods=("syndication",), **UNROUTED_ARCHIVES)
    [post] = run([Target("twitter", fx.GONE_ID, f"https://twitter.com/i/status/{fx.GONE_ID}")], settings, store)
    assert post.record.status == status and post.record.reason


def test_an_answer_about_another_post_is_not_taken_for_the_post_asked_about(fakenet, store):
    """Syndication or oEmbed answering with another post (another id, another account) says nothing of the post
    asked about: its text, author and date are never recorded as that post's. An edit of the same post (its id
    among edit_tweet_ids) is the post."""
    other = "1600000000000000077"
    another = fx.SYNDICATION_TWEET | {"id_str": other, "text": "Somebody else's words",
                                      "user": fx.SYNDICATION_TWEET["user"] | {"screen_name": "OtherDesk"},
                                      "edit_control": {"edit_tweet_ids": [other]}}
    edited = fx.SYNDICATION_TWEET | {"id_str": other, "text": "Bridge reopened this morning after the repairs.",
                                     "edit_control": {"edit_tweet_ids": [fx.GONE_ID, other]}}
    oembed_other = fx.OEMBED_TWEET | {"url": f"https://twitter.com/OtherDesk/status/{other}",
                                      "html": fx.OEMBED_TWEET["html"].replace(f"RivertonRoads/status/{fx.POST_ID}",
                                                                              f"OtherDesk/status/{other}")}
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.GONE_ID: [json_page(another),
                                                                                  json_page(edited)]}))
    fakenet.route("publish.twitter.com", "/oembed", json_page(oembed_other))
    target = Target("twitter", fx.GONE_ID, f"https://twitter.com/RivertonRoads/status/{fx.GONE_ID}")
    [post] = run([target], settings_for(fakenet), store, media=False, archived=False)
    record = post.record
    assert (record.post_id, record.status, record.text, record.author_handle) == (fx.GONE_ID, "unknown", None, None)
    assert [(o["method"], o["status"], o["reason"]) for o in store.observations(post.post_row)] == [
        ("syndication", "unknown", f"syndication answered with post {other}, not {fx.GONE_ID}"),
        ("oembed", "unknown", f"oEmbed answered with post {other}, not {fx.GONE_ID}")]
    assert store.post_row("twitter", other) is None
    [again] = run([target], settings_for(fakenet), store, media=False, archived=False, refresh=True)
    assert (again.record.post_id, again.record.status, again.record.text) == (
        fx.GONE_ID, "available", "Bridge reopened this morning after the repairs.")
    assert again.record.url == f"https://twitter.com/RivertonRoads/status/{fx.GONE_ID}"
    assert again.record.reason == f"syndication answered with {other}, an edit of this post"
    assert again.record.edits == (fx.GONE_ID, other)   # the versions, kept for the checks to use (verdict28)


def test_syndication_429_then_success(fakenet, store):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [
        json_page({"error": "rate"}, 429, **{"Retry-After": "0"}), json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    [post] = run([TWEET], settings_for(fakenet), store, media=False)
    assert post.record.status == "available"
    assert [r["status"] for r in store.db["fetches"].rows if r["purpose"] == "syndication"] == [429, 200]


def test_a_rate_limit_longer_than_retry_max_wait_says_until_when(fakenet, store):
    """A 429 asking for a longer wait than retry_max_wait is not retried, and the post's error says until when."""
    later = {"Retry-After": "3600"}
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page({}, 429, **later)]}))
    fakenet.route("publish.twitter.com", "/oembed", json_page({}, 429, **later))
    [post] = run([TWEET], settings_for(fakenet), store, media=False, archived=False)
    assert post.record.status == "error"
    reasons = [o["reason"] for o in store.observations(post.post_row)]
    assert len(reasons) == 2 and all(re.search(r"\(429\); asked to wait until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", r)
                                     for r in reasons), reasons
    assert len(fakenet.hits) == 2   # not retried


def test_oembed_fallback_reads_text_and_date_from_html(fakenet, store):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [page("busy", 500)]}))
    fakenet.route("publish.twitter.com", "/oembed", json_page(fx.OEMBED_TWEET))
    [post] = run([TWEET], settings_for(fakenet, retries=0), store)
    record = post.record
    assert (record.status, record.method, record.author_handle, record.created_at) == (
        "available", "oembed", "RivertonRoads", "2022-12-06")
    assert record.text == "Bridge reopened this morning after repairs. pic.twitter.com/Zz98Yy76Xx"
    [row] = store.observations(post.post_row)[1:] or store.observations(post.post_row)[:1]
    assert row["method"] in ("syndication", "oembed")
    methods = [o["method"] for o in store.observations(post.post_row)]
    assert methods == ["syndication", "oembed"]


@pytest.mark.parametrize("answer,status", [
    (page("{}", 404, content_type="application/json"), "not_found"),
    (page("{}", 403, content_type="application/json"), "protected"),
    (page(b"{broken", content_type="application/json"), "error"),
    (page("<html>hello</html>"), "error"),
    # oEmbed answers always carry `type` (the spec's required field); an object without it is an error object, not
    # the post's embed: before, it made the post "available".
    (page('{"error": "Sorry, that page does not exist"}', content_type="application/json"), "unknown"),
], ids=["404", "403", "malformed-json", "wrong-content-type", "error-object"])
def test_oembed_statuses(fakenet, store, answer, status):
    fakenet.route("publish.twitter.com", "/oembed", answer)
    [post] = run([TWEET], settings_for(fakenet, x_methods=("oembed",), **UNROUTED_ARCHIVES), store)
    assert post.record.status == status


def test_x_api_through_tweepy_maps_errors_and_keeps_the_token_secret(fakenet, store, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    seen = {}

    def lookup(request):
        seen["auth"] = request.headers.get("Authorization")
        seen["ids"] = request.args.get("ids")
        seen["expansions"] = request.args.get("expansions")
        return Response(fx.as_json(fx.X_API_LOOKUP), content_type="application/json; charset=utf-8",
                        headers={**fx.X_RATE_HEADERS, "x-rate-limit-remaining": "298", "x-rate-limit-reset": "1665183228"})
    fakenet.route("api.twitter.com", "/2/tweets", lookup)
    serve_media(fakenet)
    ids = [fx.POST_ID, fx.GONE_ID, "1600000000000000003", "1600000000000000004"]
    targets = [Target("twitter", i, f"https://twitter.com/i/status/{i}") for i in ids]
    posts = run(targets, settings_for(fakenet, x_bearer_token=TOKEN, **UNROUTED_ARCHIVES), store)
    assert [p.record.status for p in posts] == ["available", "not_found", "protected", "suspended"]
    assert seen["auth"] == f"Bearer {TOKEN}" and seen["ids"] == ",".join(ids)
    assert "attachments.media_keys" in seen["expansions"]
    first = posts[0].to_json()
    assert first["method"] == "x-api" and first["author"]["id"] == "4400000001"
    assert first["media"][0]["credit"]["byline"] == "Bea Example"
    # the token never reaches the database, the logs or the output
    dump = "\n".join(str(row) for table in store.db.table_names() for row in store.db[table].rows)
    assert TOKEN not in dump and TOKEN not in caplog.text and TOKEN not in capsys.readouterr().out
    assert TOKEN not in json.dumps([p.to_json() for p in posts])


def test_x_api_429_waits_for_the_reset_then_succeeds(fakenet, store):
    import time

    fakenet.route("api.twitter.com", "/2/tweets",
                  lambda r: Response(fx.as_json(fx.X_API_429), status=429, content_type="application/json",
                                     headers={**fx.X_RATE_HEADERS, "x-rate-limit-reset": str(int(time.time()))}),
                  lambda r: Response(fx.as_json(fx.X_API_LOOKUP), content_type="application/json"))
    [post] = run([TWEET], settings_for(fakenet, x_bearer_token=TOKEN, retry_max_wait=2), store, media=False)
    assert post.record.status == "available"
    assert [r["status"] for r in store.db["fetches"].rows if r["purpose"] == "x-api"] == [429, 200]


def test_x_api_429_far_in_the_future_falls_back_without_spinning(fakenet, store, anyio_sleeps):
    """Asked once, not waited for (anyio.sleep is where a retry waits): not a bound of 10 s on the run's time."""
    import time

    fakenet.route("api.twitter.com", "/2/tweets",
                  lambda r: Response(fx.as_json(fx.X_API_429), status=429, content_type="application/json",
                                     headers={**fx.X_RATE_HEADERS, "x-rate-limit-reset": str(int(time.time()) + 900)}))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    [post] = run([TWEET], settings_for(fakenet, x_bearer_token=TOKEN, retry_max_wait=1), store, media=False)
    assert anyio_sleeps == [] and [host for host, _ in fakenet.hits].count("api.twitter.com") == 1
    assert post.record.status == "available" and post.record.method == "syndication"
    [xapi] = [o for o in store.observations(post.post_row) if o["method"] == "x-api"]
    assert xapi["status"] == "error" and "rate-limited" in xapi["reason"]


def test_all_methods_merge_with_per_field_sources_and_disagreements(fakenet, store):
    changed = dict(fx.SYNDICATION_TWEET, text="Bridge reopened this morning after repairs (edited).")
    fakenet.route("api.twitter.com", "/2/tweets", lambda r: Response(fx.as_json(fx.X_API_LOOKUP), content_type="application/json"))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(changed)]}))
    fakenet.route("publish.twitter.com", "/oembed", json_page(fx.OEMBED_TWEET))
    [post] = run([TWEET], settings_for(fakenet, x_bearer_token=TOKEN, **UNROUTED_ARCHIVES), store, all_methods=True,
                 media=False)
    record = post.record
    assert record.field_sources["text"] == "x-api" and record.field_sources["created_at"] == "x-api"
    assert set(record.disagreements["text"]) == {"x-api", "syndication", "oembed"}
    assert len(record.fetch_ids) == 3


def test_all_methods_show_where_they_disagree_on_the_status(fakenet, store):
    """--all-methods promises to show where the methods disagree: on the status too (the X API says not found, the
    syndication endpoint shows the post), which was kept only in the observations."""
    gone = Target("twitter", fx.GONE_ID, f"https://twitter.com/RivertonRoads/status/{fx.GONE_ID}")
    fakenet.route("api.twitter.com", "/2/tweets", lambda r: Response(fx.as_json(fx.X_API_LOOKUP), content_type="application/json"))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.GONE_ID: [
        json_page(fx.SYNDICATION_TWEET | {"id_str": fx.GONE_ID, "edit_control": {}})]}))
    fakenet.route("publish.twitter.com", "/oembed", page("busy", 503))
    [post] = run([gone], settings_for(fakenet, x_bearer_token=TOKEN, retries=0), store, all_methods=True,
                 media=False, archived=False)
    assert post.record.status == "not_found"
    assert post.record.disagreements["status"] == {"x-api": "not_found", "syndication": "available"}


def test_cache_ttl_refresh_history_and_offline(fakenet, store):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [
        json_page(fx.SYNDICATION_TWEET), json_page(fx.TOMBSTONE_DELETED)]}))
    settings = settings_for(fakenet, **UNROUTED_ARCHIVES)
    first = run([TWEET, TWEET], settings, store, media=False)
    assert first[0] is first[1] or first[0].record == first[1].record   # one post, fetched once
    hits = len(fakenet.hits)
    cached = run([TWEET], settings, store, media=False)[0]
    assert cached.record.from_cache and len(fakenet.hits) == hits
    later = run([TWEET], settings, store, media=False, refresh=True)[0]
    assert later.record.status == "deleted"
    row = store.post_row("twitter", fx.POST_ID)
    history = [(o["method"], o["status"]) for o in store.observations(row["id"])]
    assert history == [("syndication", "available"), ("syndication", "deleted")]
    assert row["last_available_at"] and row["last_available_at"] < row["last_observed_at"]
    offline = run([TWEET, Target("twitter", "77", "https://twitter.com/i/status/77")], settings, store,
                  media=False, offline=True)
    assert offline[0].record.status == "deleted" and offline[1].unavailable
    assert len(fakenet.hits) == hits + 1


def test_a_post_that_ended_in_error_is_asked_again_by_the_next_online_run(fakenet, store):
    """A source that failed for a passing reason (HTTP 500) is asked again, as a failed link is: the error was
    read back from the cache for the whole TTL, so the post stayed "not known" until --refresh."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [
        json_page({"error": "upstream"}, 500), json_page(fx.SYNDICATION_TWEET)]}))
    fakenet.route("publish.twitter.com", "/oembed", json_page({"error": "upstream"}, 503))
    settings = settings_for(fakenet, retries=0)
    assert run([TWEET], settings, store, media=False)[0].record.status == "error"
    offline = run([TWEET], settings, store, media=False, offline=True)[0]
    assert offline.record.status == "error" and not offline.unavailable   # offline: the last known answer
    again = run([TWEET], settings, store, media=False)[0]
    assert (again.record.status, again.record.from_cache) == ("available", False)


def test_a_post_every_method_failed_for_is_asked_again_by_the_next_online_run(fakenet, store):
    """An error (a 503, a 429, a timeout) says nothing of the post: the next online run asks again rather than
    repeat it from the cache for the whole TTL; offline it is shown as last known, and --refresh is not needed."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [
        page("busy", 503), json_page(fx.SYNDICATION_TWEET)]}))
    fakenet.route("publish.twitter.com", "/oembed", page("busy", 503))
    settings = settings_for(fakenet, retries=0)
    [first] = run([TWEET], settings, store, media=False)
    assert first.record.status == "error" and first.failed
    [offline] = run([TWEET], settings, store, media=False, offline=True)
    assert (offline.record.status, offline.record.from_cache) == ("error", True)
    hits = len(fakenet.hits)
    [again] = run([TWEET], settings, store, media=False)
    assert (again.record.status, again.record.from_cache) == ("available", False)
    assert len(fakenet.hits) == hits + 1
    [cached] = run([TWEET], settings, store, media=False)
    assert cached.record.from_cache and len(fakenet.hits) == hits + 1


def test_fixnu32i_a_failed_ask_does_not_make_an_old_view_fresh_for_the_next_run(fakenet, store):
    """review32r5 #4: an error answer moves the post's last observation while its view stays the old answer. The
    cache judged the view fresh by that column, so after a 503 the post's old status (40 days old here) was taken
    as this run's for a whole cache_ttl and not asked again. Fresh is the time of the latest answer that said what
    the post is: the next run within the TTL asks again, and says what it gets."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [
        json_page(fx.SYNDICATION_TWEET), page("busy", 503), page("busy", 503), json_page(fx.TOMBSTONE_DELETED)]}))
    fakenet.route("publish.twitter.com", "/oembed", page("busy", 503))
    settings = settings_for(fakenet, retries=0)
    assert run([TWEET], settings, store, media=False, archived=False)[0].record.status == "available"
    old = "2020-01-02T03:04:05.000000Z"   # the view's answer, older than the 30-day TTL
    store.db.execute("UPDATE post_observations SET observed_at = ?", [old])
    store.db.execute("UPDATE posts SET first_observed_at = ?, last_observed_at = ?, last_available_at = ?",
                     [old, old, old])
    store.db.conn.commit()
    asked = len(fakenet.hits)
    [failed] = run([TWEET], settings, store, media=False, archived=False)
    assert (failed.record.status, failed.record.from_cache, failed.failed) == ("error", False, True)
    assert len(fakenet.hits) > asked
    row = store.post_row("twitter", fx.POST_ID)
    assert (row["status"], row["last_available_at"]) == ("available", old)   # the view is kept, as it was said
    asked = len(fakenet.hits)
    [again] = run([TWEET], settings, store, media=False, archived=False)   # within the TTL of the 503
    assert (again.record.status, again.record.from_cache, again.failed) == ("error", False, True)
    assert len(fakenet.hits) > asked   # asked again, not the 2020 "available" said as this run's
    [answered] = run([TWEET], settings, store, media=False, archived=False)
    assert (answered.record.status, answered.record.from_cache) == ("deleted", False)
    asked = len(fakenet.hits)
    [cached] = run([TWEET], settings, store, media=False, archived=False)   # a fresh answer is taken from the cache
    assert (cached.record.status, cached.record.from_cache) == ("deleted", True) and len(fakenet.hits) == asked
    [offline] = run([TWEET], settings, store, media=False, offline=True)
    assert offline.record.status == "deleted"


def test_a_photo_whose_download_failed_is_downloaded_again_once_older_than_the_ttl(fakenet, store):
    """A failed photo download (a 503, a timeout, a 404) is kept for the cache TTL, as a link's lasting answer is:
    before, every online run downloaded a passing failure again, retries and all (newuser28b #8: 110 s of a warm
    run that asked nothing else), and kept a 404 for good. Past the TTL the post's next online fetch, from the cache
    or not, downloads it again; offline shows what was last known."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    [photo] = fakenet.routes["pbs.twimg.com", "/media/FjRivertonBridge.jpg"]
    fakenet.route("pbs.twimg.com", "/media/FjRivertonBridge.jpg", page("busy", 503))
    settings = settings_for(fakenet, retries=0)
    [first] = run([TWEET], settings, store)
    assert first.failed and [m["error"] for m in first.media][0] == "HTTP 503"
    hits = len(fakenet.hits)
    [offline] = run([TWEET], settings, store, offline=True)
    assert [m["error"] for m in offline.media][0] == "HTTP 503" and len(fakenet.hits) == hits
    fakenet.route("pbs.twimg.com", "/media/FjRivertonBridge.jpg", photo)
    [kept] = run([TWEET], settings, store)
    assert kept.failed and [m["error"] for m in kept.media][0] == "HTTP 503" and len(fakenet.hits) == hits
    with store.write():
        store.conn.execute("UPDATE media SET fetched_at = '2001-01-01T00:00:00.000000Z' WHERE error IS NOT NULL")
    [again] = run([TWEET], settings, store)
    assert again.record.from_cache and not again.failed and again.media[0]["sha256"]
    assert len(fakenet.hits) == hits + 1   # the photo alone: the post and its poster came from the cache
    fakenet.route("pbs.twimg.com", "/media/FjRivertonBridge.jpg", page("gone", 404))
    [lasting] = run([TWEET], settings, store, refresh=True)
    assert [m["error"] for m in lasting.media][0] == "HTTP 404"
    hits = len(fakenet.hits)
    run([TWEET], settings, store)
    assert len(fakenet.hits) == hits


def hours_ago(hours: float) -> str:
    """A time `hours` before now, as the cache writes times."""
    from datetime import datetime, timedelta, timezone

    return (datetime.now(timezone.utc) - timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@pytest.mark.parametrize("failing,error,passing", [
    (page("busy", 503), "HTTP 503", True),
    (page("slow down", 429), "HTTP 429", True),
    (drip(40, 0.05), "timeout: no complete answer within the 1s deadline", True),
    (page("gone", 404), "HTTP 404", False),
    (page("gone for good", 410), "HTTP 410", False),
    (page("<html>not a photo</html>"), "not an image format this tool reads", False),
], ids=["503", "429", "timeout", "404", "410", "not-an-image"])
def test_a_photo_that_failed_for_a_passing_reason_is_downloaded_again_after_the_failure_ttl(
        fakenet, store, failing, error, passing):
    """replay29: a photo whose server hiccuped (a 503, a 429, no answer in time) was kept failed for the whole cache
    TTL, 30 days: a run the next day never tried it again. Now such a failure is kept for `failure_ttl` minutes (30
    by default: a warm run right after still does not download it again, newuser28b #8); one that will not pass (a
    404 or 410, a file that is no image) is kept for the cache TTL."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    [photo] = fakenet.routes["pbs.twimg.com", "/media/FjRivertonBridge.jpg"]
    fakenet.route("pbs.twimg.com", "/media/FjRivertonBridge.jpg", failing)
    settings = settings_for(fakenet, retries=0, deadline=1)
    assert settings.failure_ttl_minutes == 30
    [first] = run([TWEET], settings, store)
    assert first.failed and first.media[0]["error"] == error
    fakenet.route("pbs.twimg.com", "/media/FjRivertonBridge.jpg", photo)
    hits = len(fakenet.hits)
    [warm] = run([TWEET], settings, store)   # within the failure TTL: kept
    assert warm.media[0]["error"] == error and len(fakenet.hits) == hits
    with store.write():   # an hour later: past the failure TTL, well within the cache TTL
        store.conn.execute("UPDATE media SET fetched_at = ? WHERE error IS NOT NULL", [hours_ago(1)])
    [later] = run([TWEET], settings, store)
    if passing:
        assert later.media[0]["error"] is None and later.media[0]["sha256"] and len(fakenet.hits) == hits + 1
    else:
        assert later.media[0]["error"] == error and len(fakenet.hits) == hits


def test_a_photo_that_answered_503_is_downloaded_by_the_next_run_with_no_failure_ttl(fakenet, store):
    """A 503 then a 200 across two runs, `failure_ttl = 0`: the second run downloads the photo."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    [photo] = fakenet.routes["pbs.twimg.com", "/media/FjRivertonBridge.jpg"]
    fakenet.route("pbs.twimg.com", "/media/FjRivertonBridge.jpg", page("busy", 503), photo)
    settings = settings_for(fakenet, retries=0, failure_ttl_minutes=0)
    [first] = run([TWEET], settings, store)
    assert first.media[0]["error"] == "HTTP 503"
    [second] = run([TWEET], settings, store)
    assert second.media[0]["error"] is None and second.media[0]["sha256"] and not second.failed


def test_reparse_rederives_from_kept_bodies_without_requests(fakenet, store):
    from resolver.fetch.reparse import reparse_all

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    run([TWEET], settings_for(fakenet), store, media=False)
    row = store.post_row("twitter", fx.POST_ID)
    store.db["posts"].update(row["id"], {"text": "corrupted by an old parser", "record": "{}"})
    hits = len(fakenet.hits)
    assert reparse_all(store) == (1, 1)
    assert len(fakenet.hits) == hits
    assert store.post_row("twitter", fx.POST_ID)["text"] == fx.SYNDICATION_TWEET["text"]


def test_reparse_corrects_a_view_an_old_parser_got_wrong_but_keeps_one_a_later_error_says_nothing_of(fakenet, store):
    """--reparse exists for fixed parsers, but it set each post's view through the rule that keeps what was known
    when the new answer says less: a post an old parser called "suspended" (an error object read as a tweet without
    its author) stayed suspended after the reparse that reads it as unknown. The view is now re-derived from the
    observations as the runs made it: the latest known status, or the latest answer when none is known."""
    from resolver.fetch.reparse import reparse_all

    gone = Target("twitter", fx.GONE_ID, f"https://twitter.com/i/status/{fx.GONE_ID}")
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        fx.GONE_ID: [json_page({"errors": [{"message": "Sorry, that page does not exist", "code": 34}]})],
        fx.POST_ID: [json_page(fx.SYNDICATION_TWEET), page("busy", 503)]}))
    settings = settings_for(fakenet, x_methods=("syndication",), retries=0)
    [post] = run([gone], settings, store, media=False, archived=False)
    # what the parser before this fix recorded
    store.db["posts"].update(post.post_row, {"status": "suspended"})
    run([TWEET], settings, store, media=False, archived=False)
    [later] = run([TWEET], settings, store, media=False, archived=False, refresh=True)
    assert later.record.status == "error" and store.post_row("twitter", fx.POST_ID)["status"] == "available"
    reparse_all(store)
    assert store.post_row("twitter", fx.GONE_ID)["status"] == "unknown"
    kept = store.post_row("twitter", fx.POST_ID)
    assert (kept["status"], kept["text"]) == ("available", fx.SYNDICATION_TWEET["text"])


def test_other_platforms_by_oembed_instagram_without_a_token(fakenet, store):
    """Instagram is asked with no token set: Meta lifted the token requirement of its oEmbed APIs on June 15, 2026
    (newuser41a #4; it read "not fetched: needs META_ACCESS_TOKEN")."""
    fakenet.route("www.youtube.com", "/oembed", json_page(fx.YOUTUBE_OEMBED))
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed", json_page({
        "version": "1.0", "type": "rich", "provider_name": "Instagram",
        "html": '<blockquote class="instagram-media"><a href="https://www.instagram.com/p/CxAbC123dEf/">A post shared '
                'by Riverton Council (@riverton.council)</a></blockquote>'}))
    fakenet.route("i.ytimg.com", "/vi/AbCdEfGhIjK/hqdefault.jpg", page(fx.image("JPEG"), content_type="image/jpeg"))
    youtube = Target("youtube", "AbCdEfGhIjK", "https://www.youtube.com/watch?v=AbCdEfGhIjK")
    instagram = Target("instagram", "CxAbC123dEf", "https://www.instagram.com/p/CxAbC123dEf/")
    telegram = Target("telegram", "rivertonchannel/416", "https://t.me/rivertonchannel/416")
    fakenet.route("t.me", "/rivertonchannel/416?embed=1&mode=tme", page(
        '<div class="tgme_widget_message" data-post="RivertonChannel/416"><div class="tgme_widget_message_text">'
        'Bridge closed</div></div>'))
    yt, ig, tg = run([youtube, instagram, telegram], settings_for(fakenet), store)
    assert (yt.record.status, yt.record.author_name, yt.record.text) == (
        "available", "Riverton Roads Video", "Riverton bridge timelapse")
    assert yt.media[0]["type"] == "thumbnail" and yt.media[0]["width"] == 480 and yt.media[0]["mime"] == "image/jpeg"
    assert (ig.record.status, ig.record.author_handle) == ("available", "riverton.council")
    assert not [h for h in fakenet.hits if h[0] == "graph.facebook.com" and "access_token" in h[1]]
    assert (tg.record.status, tg.record.method, tg.record.text) == ("available", "telegram-widget", "Bridge closed")


def test_a_post_no_source_was_asked_for_is_not_fetched_and_nothing_is_recorded(fakenet, store, monkeypatch):
    """A private Telegram channel's post is never asked, and an oEmbed that needs a token (Instagram's did until Meta
    lifted the requirement in June 2026: its provider made to need one here) is not asked without one: no request is
    made, and
    none was recorded as if one
    had been ("oembed", with a time, which a report printed as "Recorded from: oembed"; newuser29 #6). Method
    null, as for a post an offline run never fetched; a row an earlier version kept so is not served."""
    needs_token(monkeypatch)
    instagram = Target("instagram", "CxAbC123dEf", "https://www.instagram.com/p/CxAbC123dEf/")
    telegram = Target("telegram", "c/1234567890/416", "https://t.me/c/1234567890/416")
    store.record_observation(   # what an earlier version kept for the Telegram post
        {"platform": "telegram", "post_id": "c/1234567890/416", "url": telegram.url, "status": "unknown", "method": "oembed",
         "record": {"platform": "telegram", "post_id": "c/1234567890/416", "url": telegram.url, "status": "unknown",
                    "method": "oembed", "reason": "telegram offers no oEmbed without a key; nothing could tell"}},
        [{"method": "oembed", "status": "unknown", "reason": "telegram offers no oEmbed without a key", "fetch_id": None,
          "record": "{}"}], observed_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"))
    for offline in (False, True):
        ig, tg = run([instagram, telegram], settings_for(fakenet), store, offline=offline)
        assert (tg.record.status, tg.record.method, tg.record.reason, tg.record.field_sources) == (
            "unknown", None, f"not fetched: {PRIVATE}", {})
        assert (ig.record.status, ig.record.method, ig.record.reason, ig.record.field_sources) == (
            "unknown", None, "not fetched: needs META_ACCESS_TOKEN", {})
        assert not ig.unavailable and not ig.failed and ig.post_row is None
    assert fakenet.hits == []
    assert store.post_row("instagram", "CxAbC123dEf") is None
    assert [r["method"] for r in store.db["post_observations"].rows] == ["oembed"]   # the old row alone


def tiktok_asked(fakenet) -> int:
    """How many requests went to TikTok (its oEmbed): a refused video's captures are asked of the archive too."""
    return sum(1 for host, _ in fakenet.hits if host == "www.tiktok.com")


def test_an_oembed_bad_request_is_an_error_kept_for_the_error_ttl(fakenet, store):
    """TikTok's oEmbed answered 400 {"code":400,"message":"Something went wrong"} for a video it would not give;
    that this means removed or private is not documented, so it stays an error. It was asked again by every online
    run and report (newuser29 #7): the same request gets the same 400. Now kept for error_ttl days (1 by
    default); a passing error (a 503) is still asked again by the next run."""
    fakenet.route("www.tiktok.com", "/oembed", json_page({"code": 400, "message": "Something went wrong"}, 400))
    serve_archive(fakenet, [])   # its captures are read (fixleft43a): an archive with none
    tiktok = Target("tiktok", "7311111111111111112", "https://www.tiktok.com/@bridgefan/video/7311111111111111112")
    settings = settings_for(fakenet)
    [first] = run([tiktok], settings, store, media=False)
    assert (first.record.status, first.failed) == ("error", True)
    assert first.record.reason.startswith("oEmbed answered HTTP 400: “Something went wrong” (TikTok answers so")
    [again] = run([tiktok], settings, store, media=False)
    assert (again.record.status, again.record.from_cache, again.failed) == ("error", True, True)
    assert tiktok_asked(fakenet) == 1
    run([tiktok], replace(settings, error_ttl_days=0), store, media=False)
    assert tiktok_asked(fakenet) == 2
    fakenet.route("www.tiktok.com", "/oembed", page("busy", 503))
    run([tiktok], replace(settings, retries=0), store, media=False, refresh=True)
    run([tiktok], replace(settings, retries=0), store, media=False)
    assert tiktok_asked(fakenet) == 4


@pytest.mark.parametrize("status", [401, 403])
def test_a_video_whose_oembed_is_refused_is_not_known_to_be_private(fakenet, store, status):
    """YouTube's oEmbed answers 401 for a public video whose owner turned embedding off, as for a private one: it
    was "protected", a gone status (the report then said the video was gone). Which of the two is not known."""
    fakenet.route("www.youtube.com", "/oembed", page("Unauthorized", status, content_type="text/html"))
    youtube = Target("youtube", "AbCdEfGhIjK", "https://www.youtube.com/watch?v=AbCdEfGhIjK")
    [video] = run([youtube], settings_for(fakenet, **UNROUTED_ARCHIVES), store, media=False)
    assert video.record.status == "unknown"
    assert video.record.reason == (f"oEmbed answered {status}: private, or its owner turned embedding off "
                                   "(not known which)")


def needs_token(monkeypatch) -> None:
    """Instagram's oEmbed made to need its token, as every Meta oEmbed did before June 15, 2026 (newuser41a #4): the
    rule for a provider that needs one is tested on it."""
    from resolver.fetch import oembed

    monkeypatch.setitem(oembed.PROVIDERS, "instagram", replace(oembed.PROVIDERS["instagram"], token_optional=False))


def test_a_post_no_request_was_made_for_is_asked_once_a_token_is_set(fakenet, store, monkeypatch):
    """"Needs an access token" asked nothing of anyone: it was kept for the whole TTL, so setting META_ACCESS_TOKEN
    changed nothing until --refresh. Once a token is set, such a post is asked by the next online run."""
    needs_token(monkeypatch)
    instagram = Target("instagram", "CxAbC123dEf", "https://www.instagram.com/p/CxAbC123dEf/")
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed", json_page({
        "version": "1.0", "type": "rich", "author_name": "riverton.council", "provider_name": "Instagram",
        "html": '<blockquote class="instagram-media">The bridge</blockquote>'}))
    settings = fakenet.settings(hosts=["graph.facebook.com"])
    [before] = run([instagram], settings, store, media=False)
    assert before.record.status == "unknown" and "META_ACCESS_TOKEN" in before.record.reason and fakenet.hits == []
    [after] = run([instagram], replace(settings, meta_access_token="meta-SECRET"), store, media=False)
    # Instagram's author_name is the account's user name: its handle (newuser39a §5)
    assert (after.record.status, after.record.author_handle, after.record.from_cache) == (
        "available", "riverton.council", False)
    assert len(fakenet.hits) == 1
    [cached] = run([instagram], replace(settings, meta_access_token="meta-SECRET"), store, media=False)
    assert cached.record.from_cache and len(fakenet.hits) == 1


@pytest.mark.parametrize("name,body,declared,expect", [
    ("png", fx.image("PNG"), "image/png", {"mime": "image/png", "width": 40}),
    ("webp", fx.image("WEBP"), "image/webp", {"mime": "image/webp", "width": 40}),
    ("gif", fx.image("GIF"), "image/gif", {"mime": "image/gif", "width": 40}),
    ("lying-mime", fx.image("PNG"), "image/jpeg", {"mime": "image/png", "declared_mime": "image/jpeg"}),
    ("exif", fx.jpeg(exif={0x013B: "Dee Fiction", 0x8298: "(c) Dee Fiction"}), "image/jpeg",
     {"credit": {"artist": "Dee Fiction", "copyright": "(c) Dee Fiction"}}),
    ("no-credit", fx.jpeg(), "image/jpeg", {"credit": {}}),
    # UTF-8 in EXIF's ASCII-type tags, as exiftool writes it: Pillow hands back Latin-1 mojibake (newuser35b #7)
    ("exif-utf8", fx.jpeg(exif={0x013B: "علی رضایی".encode(), 0x8298: "© Zoë Fiction".encode()}), "image/jpeg",
     {"credit": {"artist": "علی رضایی", "copyright": "© Zoë Fiction"}}),
    ("exif-latin1", fx.jpeg(exif={0x013B: "Zoë Müller".encode("latin-1"), 0x8298: "\xa9 Zoë".encode("latin-1")}),
     "image/jpeg", {"credit": {"artist": "Zoë Müller", "copyright": "© Zoë"}}),
    # IPTC says its character set in record 1:90 (ESC % G is UTF-8); without it, Latin-1/cp1252, never U+FFFD
    ("iptc-utf8", fx.jpeg(iptc={(1, 90): b"\x1b%G", (2, 80): "علی رضایی".encode(), (2, 110): "Agência".encode()}),
     "image/jpeg", {"credit": {"byline": "علی رضایی", "credit_line": "Agência"}}),
    ("iptc-latin1", fx.jpeg(iptc={(2, 80): "Zoë Müller".encode("cp1252"), (2, 116): "\x93Zoë\x94 \x80".encode("latin-1")}),
     "image/jpeg", {"credit": {"byline": "Zoë Müller", "copyright": "\u201cZoë\u201d \u20ac"}}),
    ("iptc-said-latin1", fx.jpeg(iptc={(1, 90): b"\x1b.A", (2, 80): "ZoÃ«".encode("latin-1")}), "image/jpeg",
     {"credit": {"byline": "ZoÃ«"}}),
    ("truncated", fx.jpeg()[:200], "image/jpeg", {"mime": "image/jpeg"}),
], ids=lambda v: v if isinstance(v, str) and len(v) < 12 else None)
def test_media_files(fakenet, store, name, body, declared, expect):
    from resolver.fetch import analyse_url

    fakenet.route("pbs.twimg.com", f"/media/{name}", page(body, content_type=declared))

    found = Session(settings_for(fakenet), store=store).run(
        lambda s: analyse_url(f"https://pbs.twimg.com/media/{name}", session=s))
    for key, value in expect.items():
        assert getattr(found, key) == value, key
    if name == "truncated":
        assert found.error.startswith("unreadable image")
    assert store.media_by_url(f"https://pbs.twimg.com/media/{name}")["sha256"] == found.sha256


def test_oversized_media_and_decompression_bomb(fakenet, store):
    from resolver.fetch import analyse_url
    fakenet.route("pbs.twimg.com", "/media/big", page(fx.jpeg(size=(600, 600)), content_type="image/jpeg"))
    fakenet.route("pbs.twimg.com", "/media/bomb", page(fx.bomb_png(), content_type="image/png"))

    def go(path, settings):
        return Session(settings, store=store).run(lambda s: analyse_url(f"https://pbs.twimg.com/media/{path}", session=s))
    big = go("big", replace(settings_for(fakenet), max_media_bytes=1000))
    assert big.error == "too-large: body larger than 1,000 bytes"
    bomb = go("bomb", settings_for(fakenet))
    assert bomb.error == "image too large: over the limit of 40,000,000 pixels (max_image_pixels)"


def test_token_port_matches_javascript_when_node_is_here():
    """The syndication token against JavaScript itself, on random ids, when node is installed."""
    import random
    import shutil
    import subprocess

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    rng = random.Random(7)
    ids = [str(rng.randrange(1, 2 ** 63)) for _ in range(300)] + ["20", "1", "9999999999999999999"]
    script = ("const ids = JSON.parse(process.argv[1]); console.log(JSON.stringify(ids.map(id => "
              "((Number(id) / 1e15) * Math.PI).toString(6 ** 2).replace(/(0+|\\.)/g, ''))))")
    expected = json.loads(subprocess.run([node, "-e", script, json.dumps(ids)], capture_output=True, text=True,
                                         timeout=60, check=True).stdout)
    assert [syndication_token(i) for i in ids] == expected


def test_keep_media_stores_bytes_by_sha256(fakenet, store, tmp_path):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    [post] = run([TWEET], settings_for(fakenet), store, keep_media_dir=tmp_path / "media")
    sha = post.media[0]["sha256"]
    kept = tmp_path / "media" / sha[:2] / sha
    import hashlib
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == sha


def test_json_post_text_is_the_posts_characters_not_twitters_escapes():
    """Twitter's JSON escapes &, < and > in a post's text (&amp; &lt; &gt;): the record kept them escaped, so a report
    showed the post as saying "Fish &amp; chips" and the cache's text search missed "Fish & chips"."""
    from resolver.fetch import syndication, wayback, xapi

    escaped, said = "Fish &amp; chips &lt;3 &gt; &amp;lt;b&amp;gt; stays", "Fish & chips <3 > &lt;b&gt; stays"
    tweet = dict(fx.SYNDICATION_TWEET, text=escaped)
    assert syndication.parse(fx.POST_ID, 200, "application/json", fx.as_json(tweet)).text == said
    lookup = {"data": [dict(fx.X_API_LOOKUP["data"][0], text=escaped)], "includes": fx.X_API_LOOKUP["includes"]}
    assert xapi.parse([fx.POST_ID], lookup)[fx.POST_ID].text == said
    v1 = {"id_str": fx.POST_ID, "text": escaped, "created_at": "Tue Dec 06 05:31:41 +0000 2022",
          "user": {"screen_name": "RivertonRoads", "name": "Riverton Roads", "id_str": "4400000001"}}
    assert wayback.read(fx.POST_ID, 200, "application/json", fx.as_json(v1)).record.text == said


@pytest.mark.parametrize("text,note_tweet,expected", [
    ("Words of a long po https://t.co/AbCd1234", {"id": "Tm90ZQ=="}, "Words of a long po… https://t.co/AbCd1234"),
    ("Words of a long po https://t.co/AbCd1234 https://t.co/EfGh5678", {"id": "Tm90ZQ=="},
     "Words of a long po… https://t.co/AbCd1234 https://t.co/EfGh5678"),
    ("Words of a long po", {"id": "Tm90ZQ=="}, "Words of a long po…"),
    ("Words of a long po… https://t.co/AbCd1234", {"id": "Tm90ZQ=="}, "Words of a long po… https://t.co/AbCd1234"),
    ("Words of a long po https://t.co/AbCd1234", {"id": "Tm90ZQ==", "text": "Words of a long post &amp; more."},
     "Words of a long post & more."),
    ("A short post &lt;3 https://t.co/AbCd1234", None, "A short post <3 https://t.co/AbCd1234"),
    (None, {"id": "Tm90ZQ=="}, None),
], ids=["cut-then-link", "cut-then-links", "cut", "cut-with-an-ellipsis", "whole-in-note-tweet", "short-post", "none"])
def test_left28_a_long_posts_text_is_whole_or_marked_cut(text, note_tweet, expected):
    """X's answers give a long post's start as `text` and the whole in `note_tweet.text` when they have it; a start
    with no whole is marked cut ("…" before the trailing links), as quotes.compare reads a source cut short (#9)."""
    from resolver.fetch.records import long_post_text

    assert long_post_text(text, note_tweet) == expected


def test_a_photo_a_replayed_warc_did_not_hold_is_downloaded_by_the_next_live_run(fakenet, store, tmp_path):
    """review29d: a --replay run whose WARC lacked a photo recorded the photo's download as failed ("not-in-warc"), a
    failure replay29's failure_ttl took for a lasting one: the next live run kept "not in the replayed WARC files" as
    the photo's answer for the whole cache TTL (30 days), never asking its server, and the post was failed (exit 1).
    What a WARC lacks says nothing of the source: a live run downloads it."""
    from resolver.warc import ReplayIndex, WarcWriter

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    settings = settings_for(fakenet, retries=0)
    run([TWEET], settings, store, media=False)   # the post is cached, its photos never downloaded
    warc = tmp_path / "empty.warc.gz"
    WarcWriter(warc, software="test").close()
    hits = len(fakenet.hits)
    session = Session(settings, store=store, replay=ReplayIndex([warc]))
    [replayed] = session.run(lambda s: fetch_posts([TWEET], session=s, options=FetchOptions()))
    # the replay asks the WARC only, which lacks the post's answer and its photo (a live answer the cache holds is
    # no replayed one: replay29b), so both are "not-in-warc"
    assert replayed.record.reason.startswith("not-in-warc:") and len(fakenet.hits) == hits
    [live] = run([TWEET], settings, store)
    assert live.media[0]["error"] is None and live.media[0]["sha256"] and not live.failed
    assert ("pbs.twimg.com", "/media/FjRivertonBridge.jpg") in fakenet.hits[hits:]


def test_a_post_a_replayed_warc_did_not_hold_is_asked_by_the_next_live_run(fakenet, store, tmp_path):
    """review29d: what a replayed WARC lacked is no answer of the post's: the next live run asks its source."""
    from resolver.warc import ReplayIndex, WarcWriter

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    settings = settings_for(fakenet, retries=0)
    warc = tmp_path / "empty.warc.gz"
    WarcWriter(warc, software="test").close()
    session = Session(settings, store=store, replay=ReplayIndex([warc]))
    [replayed] = session.run(lambda s: fetch_posts([TWEET], session=s, options=FetchOptions()))
    assert replayed.record.status == "error" and fakenet.hits == []
    [live] = run([TWEET], settings, store)
    assert live.record.status == "available" and not live.failed


def test_a_photo_failure_replayed_from_an_undated_record_is_downloaded_by_the_next_live_run(fakenet, store, tmp_path):
    """review29d: a photo's 404 replayed from a WARC record with no WARC-Date is of no known age (kept at the replay's
    own time): the next live run kept it as the photo's answer for the whole cache TTL. It downloads it now."""
    from resolver.warc import ReplayIndex, WarcWriter
    from tests.test_archive import redated

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    [photo] = fakenet.routes["pbs.twimg.com", "/media/FjRivertonBridge.jpg"]
    fakenet.route("pbs.twimg.com", "/media/FjRivertonBridge.jpg", page("gone", 404))
    settings = settings_for(fakenet, retries=0)
    written, undated = tmp_path / "written.warc.gz", tmp_path / "undated.warc.gz"
    writer = WarcWriter(written, software="test")
    Session(settings, warc=writer).run(lambda s: fetch_posts([TWEET], session=s, options=FetchOptions()))
    writer.close()
    redated(written, undated, None)
    replay = Session(settings, store=store, replay=ReplayIndex([undated]))
    [replayed] = replay.run(lambda s: fetch_posts([TWEET], session=s, options=FetchOptions()))
    assert replayed.media[0]["error"] == "HTTP 404"
    fakenet.route("pbs.twimg.com", "/media/FjRivertonBridge.jpg", photo)
    hits = len(fakenet.hits)
    [live] = run([TWEET], settings, store)
    assert live.media[0]["error"] is None and live.media[0]["sha256"] and not live.failed
    assert ("pbs.twimg.com", "/media/FjRivertonBridge.jpg") in fakenet.hits[hits:]


TWEET_SHAPE = {"__typename": "Tweet", "id_str": "20", "text": "hi", "created_at": "2022-12-06T05:31:41.000Z",
               "user": {"screen_name": "RivertonRoads", "name": "Riverton", "id_str": "1"}}


@pytest.mark.parametrize("odd", [
    {"__typename": "TweetTombstone", "tombstone": "This Post was deleted"},
    {"__typename": "TweetTombstone", "tombstone": {"text": "This Post was deleted"}},
    {**TWEET_SHAPE, "created_at": 1670000000},
    {**TWEET_SHAPE, "mediaDetails": 5},
    {**TWEET_SHAPE, "mediaDetails": [{"media_url_https": "https://pbs.twimg.com/media/a.jpg", "video_info": "x",
                                      "original_info": []}]},
], ids=["tombstone-a-string", "tombstone-text-a-string", "created-at-a-number", "media-a-number",
        "video-info-a-string"])
def test_review30n_a_syndication_answer_with_fields_of_other_types_gives_a_record(odd):
    """Fields of a type the answer never has (a tombstone as a string, a time as a number) raised AttributeError or
    TypeError out of the parser: an internal error for the post's article, not a record saying what came back."""
    from resolver.fetch import syndication

    record = syndication.parse("20", 200, "application/json", json.dumps(odd).encode())
    assert record.post_id == "20" and record.status in ("available", "deleted", "unknown")
    assert record.created_at in (None, "2022-12-06T05:31:41Z")


def test_review30n_a_syndication_answer_naming_another_post_only_by_its_numeric_id_is_not_this_post():
    """An answer with no id_str but an `id` of another post was taken for the post asked about."""
    from resolver.fetch import syndication

    other = {k: v for k, v in TWEET_SHAPE.items() if k != "id_str"} | {"id": 21}
    record = syndication.parse("20", 200, "application/json", json.dumps(other).encode())
    assert (record.status, record.reason) == ("unknown", "syndication answered with post 21, not 20")
    same = {k: v for k, v in TWEET_SHAPE.items() if k != "id_str"} | {"id": 20}
    assert syndication.parse("20", 200, "application/json", json.dumps(same).encode()).status == "available"


@pytest.mark.parametrize("platform, body", [
    ("twitter", b'{"type": "rich", "html": 5}'),
    ("twitter", b'{"type": "rich", "html": "<p>x</p>", "author_url": 5, "author_name": ["RivertonRoads"]}'),
    ("youtube", b'{"type": "video", "title": "t", "thumbnail_url": "https://i.ytimg.com/vi/a/0.jpg", '
                b'"thumbnail_width": 1e400, "thumbnail_height": Infinity}'),
], ids=["twitter-html-a-number", "twitter-author-fields-of-other-types", "youtube-size-past-any-int"])
def test_review30n_an_oembed_answer_with_fields_of_other_types_gives_a_record(platform, body):
    """Fields of a type an oEmbed answer never has raised TypeError, AttributeError or OverflowError (a width of
    1e400 is infinity as a float) out of the parser: an internal error for the article."""
    from resolver.fetch import oembed

    record = oembed.parse(platform, fx.POST_ID, TWEET.url, 200, "application/json", body)
    assert record.status == "available" and record.author_name is None
    assert all(m.width is None and m.height is None for m in record.media)


# X's words for a protected account's post (newuser32c #1): the current ones had "protected" in none of them.
PROTECTED_WORDS = [
    "You’re unable to view this Post because this account owner limits who can view their Posts. Learn more",
    "You're unable to view this Tweet because this account owner limits who can view their Tweets. Learn more",
    "This Post is from an account that is protected. Only approved followers can see it.",
]


@pytest.mark.parametrize("words", PROTECTED_WORDS, ids=["x-now", "twitter-then", "protected-approved"])
def test_newuser32c_a_protected_accounts_tombstone_reads_protected(words):
    """newuser32c #1 (#9): X's present tombstone for a protected account's post says the owner "limits who can view
    their Posts", with neither "protected" nor "approved followers": it was read as "unknown", and the oEmbed 404
    that followed made the post "not found", a dead embed, where it is alive behind its account's lock."""
    from resolver.fetch import syndication

    body = json.dumps({"__typename": "TweetTombstone", "tombstone": {"text": {"text": words}}}).encode()
    record = syndication.parse(fx.GONE_ID, 200, "application/json", body)
    assert (record.status, record.reason) == ("protected", f"tombstone: {words}")


@pytest.mark.parametrize("all_methods", [False, True], ids=["first-that-answers", "all-methods"])
def test_newuser32c_a_protected_post_is_no_dead_post_whatever_oembed_says(fakenet, store, all_methods):
    """newuser32c #1 (#9): syndication's tombstone with X's present wording and oEmbed's 404 (it embeds no protected
    post) made the post "not_found". It is "protected"; with every method asked, oEmbed's "not found" is said as a
    disagreement, never taken over the tombstone."""
    tombstone = {"__typename": "TweetTombstone", "tombstone": {"text": {"text": PROTECTED_WORDS[0]}}}
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.GONE_ID: [json_page(tombstone)]}))
    fakenet.route("publish.twitter.com", "/oembed", page("<html>Not found</html>", 404))
    target = Target("twitter", fx.GONE_ID, f"https://twitter.com/LockedDesk/status/{fx.GONE_ID}")
    [post] = run([target], settings_for(fakenet), store, media=False, archived=False, all_methods=all_methods)
    assert (post.record.status, post.record.method) == ("protected", "syndication")
    assert store.post_row("twitter", fx.GONE_ID)["status"] == "protected"
    if all_methods:
        assert post.record.disagreements["status"] == {"syndication": "protected", "oembed": "not_found"}
    else:
        assert not [path for host, path in fakenet.hits if host == "publish.twitter.com"]   # settled: not asked


def test_newuser32c_a_tombstone_is_never_overruled_by_a_not_found(fakenet, store):
    """newuser32c #1 (#9): a tombstone whose words no reading knows ("This Post is unavailable.") says the post
    exists and is not shown; oEmbed's 404 then decided alone: "not_found", no disagreement said. Now the post's status
    is not known, and the two answers are said to disagree."""
    tombstone = {"__typename": "TweetTombstone", "tombstone": {"text": {"text": "This Post is unavailable."}}}
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.GONE_ID: [json_page(tombstone)]}))
    fakenet.route("publish.twitter.com", "/oembed", page("<html>Not found</html>", 404))
    target = Target("twitter", fx.GONE_ID, f"https://twitter.com/i/status/{fx.GONE_ID}")
    [post] = run([target], settings_for(fakenet), store, media=False, archived=False)
    assert [host for host, _ in fakenet.hits] == ["cdn.syndication.twimg.com", "publish.twitter.com"]
    assert post.record.status == "unknown", post.record
    assert post.record.disagreements["status"] == {"syndication": "unknown", "oembed": "not_found"}
    assert post.record.reason.startswith("tombstone: This Post is unavailable."), post.record.reason
    assert "oEmbed answered 404" in post.record.reason
    assert store.post_row("twitter", fx.GONE_ID)["status"] == "unknown"


def test_newuser32c_a_post_one_source_says_is_hidden_is_not_not_found_by_another(fakenet, store):
    """newuser32c #1 (#9): "not found" is the least a source can say (a 404, an empty answer: also what a wrong id
    gets); a source that says why the post is not shown (oEmbed's 403: protected) is taken over it though syndication
    ranks first, the other's answer said beside it."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.GONE_ID: [json_page({})]}))
    fakenet.route("publish.twitter.com", "/oembed", page("{}", 403, content_type="application/json"))
    target = Target("twitter", fx.GONE_ID, f"https://twitter.com/LockedDesk/status/{fx.GONE_ID}")
    [post] = run([target], settings_for(fakenet), store, media=False, archived=False, all_methods=True)
    assert (post.record.status, post.record.method) == ("protected", "oembed")
    assert post.record.disagreements["status"] == {"syndication": "not_found", "oembed": "protected"}


def test_runs33_a_post_all_of_whose_sources_failed_is_asked_once_a_run(fakenet, store):
    """A post every source answered 503 was asked again by each later article of the same run (newuser32c #4: 30
    requests for 4 such posts in one run). What this run got is its answer for the rest of it, as a --refresh run
    reuses what it got (fixnu32g): one request per source per post per run, a failure too. The next run asks again
    (a 503 is no lasting answer), and so does a run whose view is older than the TTL."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [page("busy", 503)]}))
    fakenet.route("publish.twitter.com", "/oembed", page("busy", 503))
    settings = settings_for(fakenet, retries=0)

    def articles(count: int):
        """`count` articles, one after another, in one session: each asks for the post."""
        async def job(session):
            return [(await fetch_posts([TWEET], session=session, options=FetchOptions(media=False, archived=False)))[0]
                    for _ in range(count)]
        return Session(settings, store=store).run(job)
    first, second, third = articles(3)
    assert [p.record.status for p in (first, second, third)] == ["error"] * 3
    assert (first.record.from_cache, second.record.from_cache, third.failed) == (False, True, True)
    assert len(fakenet.hits) == 2   # syndication and oEmbed, once each
    assert store.db["post_observations"].count == 2   # one observation each, not one per article
    articles(1)
    assert len(fakenet.hits) == 4   # the next run asks again: a 503 passes
    # A post whose view is an old answer, its asks this run failing: the later articles take the failure too
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [
        json_page(fx.SYNDICATION_TWEET), page("busy", 503)]}))
    Session(settings, store=store, mode=Mode(refresh=True)).run(
        lambda s: fetch_posts([TWEET], session=s, options=FetchOptions(media=False, archived=False)))
    old = "2020-01-02T03:04:05.000000Z"
    with store.write():
        store.conn.execute("UPDATE post_observations SET observed_at = ?", [old])
        store.conn.execute("UPDATE posts SET last_observed_at = ?, last_available_at = ?", [old, old])
    asked = len(fakenet.hits)
    first, second = articles(2)
    assert [(p.record.status, p.record.from_cache) for p in (first, second)] == [("error", False), ("error", True)]
    assert len(fakenet.hits) == asked + 2
    assert store.post_row("twitter", fx.POST_ID)["status"] == "available"   # the view is kept, as it was said


def tiktok_video():
    return json_page({
        "version": "1.0", "type": "video", "title": "The bridge is under water now #flood",
        "author_url": "https://www.tiktok.com/@bridgefan", "author_name": "Bridge Fan",
        "author_unique_id": "bridgefan", "provider_name": "TikTok"})


def seen_long_ago(target, settings, store):
    """The post fetched (available), then every answer and observation of it dated 2020, older than the TTL."""
    assert run([target], settings, store, media=False)[0].record.status == "available"
    old = "2020-01-02T03:04:05.000000Z"   # the view's answer, older than the 30-day TTL
    with store.write():
        store.conn.execute("UPDATE post_observations SET observed_at = ?", [old])
        store.conn.execute("UPDATE posts SET first_observed_at = ?, last_observed_at = ?, last_available_at = ?",
                           [old, old, old])


def test_runs33_a_lasting_refusal_after_an_old_view_is_an_answer_for_the_error_ttl(fakenet, store):
    """A post whose view is a definitive answer older than the TTL, whose later asks all got a lasting 4xx (TikTok's
    oEmbed 400), was asked again by every run since the view's age counts from the answer that said what the post
    is (fixnu32i). A lasting refusal is an answer with a TTL, error_ttl: within it the next run asks nothing and
    says what the last ask got (the error, not the years-old view); past it, it asks again; a 503 is no such answer."""
    video = "7311111111111111113"
    tiktok = Target("tiktok", video, f"https://www.tiktok.com/@bridgefan/video/{video}")
    fakenet.route("www.tiktok.com", "/oembed", tiktok_video(), json_page({"code": 400, "message": "Something went wrong"},
                                                                         400))
    serve_archive(fakenet, [])   # its captures are read (fixleft43a): an archive with none
    settings = settings_for(fakenet)
    seen_long_ago(tiktok, settings, store)
    [refused] = run([tiktok], settings, store, media=False)
    assert (refused.record.status, refused.record.from_cache, refused.failed) == ("error", False, True)
    assert tiktok_asked(fakenet) == 2
    [kept] = run([tiktok], settings, store, media=False)   # within error_ttl of the 400
    assert (kept.record.status, kept.record.reason.partition(":")[0], kept.record.from_cache) == (
        "error", "oEmbed answered HTTP 400", True)
    assert tiktok_asked(fakenet) == 2
    [offline] = run([tiktok], settings, store, media=False, offline=True)
    assert offline.record.status == "available"   # offline shows the view, what was last said of the post
    run([tiktok], replace(settings, error_ttl_days=0), store, media=False)
    assert tiktok_asked(fakenet) == 3
    fakenet.route("www.tiktok.com", "/oembed", page("busy", 503))
    run([tiktok], replace(settings, retries=0), store, media=False)
    assert tiktok_asked(fakenet) == 3   # the 400 of the run before is within error_ttl still
    run([tiktok], replace(settings, retries=0, error_ttl_days=0), store, media=False)
    run([tiktok], replace(settings, retries=0), store, media=False)
    assert tiktok_asked(fakenet) == 5   # a 503 after the view is asked again by the next run


def test_review33r3_refresh_asks_again_for_a_post_whose_last_ask_after_its_view_was_a_lasting_refusal(fakenet, store):
    """runs33 made a lasting refusal after an old view the post's answer for error_ttl, and read it before the TTL
    cut-off, so `--refresh` (this run's answers only) took it from the cache too and asked nothing: the one way to
    ask such a post again within error_ttl was lost. --refresh asks again; this run's own answer is then reused."""
    video = "7311111111111111114"
    tiktok = Target("tiktok", video, f"https://www.tiktok.com/@bridgefan/video/{video}")
    fakenet.route("www.tiktok.com", "/oembed", tiktok_video(),
                  json_page({"code": 400, "message": "Something went wrong"}, 400), tiktok_video())
    serve_archive(fakenet, [])   # its captures are read (fixleft43a): an archive with none
    settings = settings_for(fakenet)
    seen_long_ago(tiktok, settings, store)
    assert run([tiktok], settings, store, media=False)[0].record.status == "error"
    assert run([tiktok], settings, store, media=False)[0].record.from_cache is True   # within error_ttl: kept
    assert tiktok_asked(fakenet) == 2
    [again] = run([tiktok], settings, store, media=False, refresh=True)
    assert (again.record.status, again.record.from_cache, tiktok_asked(fakenet)) == ("available", False, 3)


def test_runs34_a_view_within_cache_ttl_wins_over_a_lasting_refusal_an_earlier_run_got(fakenet, tmp_path):
    """A TikTok video seen available, then a --refresh run whose oEmbed ask got a lasting 400: the next plain run
    said the 400 (from the cache) though the view was a day old and within cache_ttl, while the views counted the
    post as checked and available (review33r3). The later refusal says nothing of the post, only that the request
    was refused: the fresh view answers until cache_ttl runs out (runs33's rule then makes the refusal the answer),
    and fetch, report and the views agree on it; the run that got the refusal says it."""
    from tests.cliworld import World
    from tests.waybacknet import serve

    video = "7311111111111111115"
    url = f"https://www.tiktok.com/@bridgefan/video/{video}"
    fakenet.route("www.tiktok.com", "/oembed", tiktok_video(),
                  json_page({"code": 400, "message": "Something went wrong"}, 400))
    serve(fakenet, [])   # no capture in the archive

    def asked() -> int:
        return sum(1 for host, _ in fakenet.hits if host == "www.tiktok.com")
    world = World(fakenet, tmp_path)
    world.config.write_text(world.config.read_text() + f'"https://www.tiktok.com" = "{fakenet.origin}"\n')
    story = tmp_path / "story.html"
    story.write_text(f'<html><body><article><h1>Flood</h1><blockquote class="tiktok-embed" cite="{url}" '
                     f'data-video-id="{video}"><section></section></blockquote></article></body></html>')
    seen = world("fetch", "--json", url)
    assert seen.exit_code == 0, seen.output
    assert json.loads(seen.stdout)["status"] == "available"
    refused = world("fetch", "--refresh", "--json", url)
    assert refused.exit_code == 1 and json.loads(refused.stdout)["status"] == "error", refused.output
    assert asked() == 2
    fetched = world("fetch", "--json", url)
    assert fetched.exit_code == 0, fetched.output
    assert (json.loads(fetched.stdout)["status"], json.loads(fetched.stdout)["from_cache"]) == ("available", True)
    report = world("report", "--format", "json", str(story))
    assert report.exit_code == 0, report.output
    [embed] = json.loads(report.stdout)["embeds"]
    assert embed["post"]["status"] == "available"
    assert asked() == 2   # within cache_ttl: nothing asked again
    exported = world("cache", "export", "dead_embeds_by_outlet_year", "--format", "jsonl")
    [row] = [json.loads(line) for line in exported.stdout.splitlines()]
    assert (row["embeds_checked"], row["status_unknown"], row["dead"]) == (1, 0, 0)
