"""Answers that arrived before a run was stopped are kept (newuser30 #8): an article's fetch cancelled (Ctrl-C, or
the run stopped) once some of its posts were answered writes those answers, and their fetch-log rows, so the run
resumed asks only what was not answered; the fetch log holds every request that was answered."""

from __future__ import annotations

import asyncio
import threading

from werkzeug.wrappers import Response

from resolver.fetch import Target, fetch_posts
from resolver.options import FetchOptions
from resolver.session import Mode, Session
from tests import xfixtures as fx
from tests.test_fetch import by_id, json_page, settings_for
from tests.test_warm_run import threaded_net  # noqa: F401 - a fixture: the request held does not hold up the others

IDS = ["1600000000000000101", "1600000000000000102", "1600000000000000103"]


def tweet(post_id: str) -> dict:
    """A small fictional syndication answer for `post_id` (the tweet-result shape)."""
    return {"__typename": "Tweet", "id_str": post_id, "lang": "en", "created_at": "2022-12-06T05:31:41.000Z",
            "text": f"Ferry timetable {post_id[-3:]} changes on Monday.", "display_text_range": [0, 40],
            "entities": {"hashtags": [], "urls": [], "user_mentions": [], "symbols": []},
            "user": {"id_str": "4400000001", "name": "Riverton Roads", "screen_name": "RivertonRoads"},
            "edit_control": {"edit_tweet_ids": [post_id], "editable_until_msecs": "1670306501000",
                             "is_edit_eligible": False, "edits_remaining": "5"}}


def targets() -> list[Target]:
    return [Target("twitter", i, f"https://twitter.com/RivertonRoads/status/{i}") for i in IDS]


def asked(fakenet, post_id: str) -> int:
    return sum(1 for host, path in fakenet.hits if host == "cdn.syndication.twimg.com" and f"id={post_id}" in path)


def test_posts_answered_before_a_cancel_are_kept_and_the_resumed_run_asks_only_the_rest(threaded_net, store):
    """Three posts of one article: two answer at once, the third is held by the server until the fetch was
    cancelled. Before, the two answers were dropped with the cancelled fetch: no row in the fetch log, no post, and
    the next run asked them again (with an X API token, quota spent twice)."""
    fakenet = threaded_net
    release, held = threading.Event(), threading.Event()
    answers = {i: [json_page(tweet(i))] for i in IDS[:2]}

    def later(request) -> Response:
        held.set()
        release.wait(60)
        return json_page(tweet(IDS[2]))(request)
    answers[IDS[2]] = [later, json_page(tweet(IDS[2]))]
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id(answers))
    settings = settings_for(fakenet, timeout=60, deadline=60)
    options = FetchOptions(media=False)

    async def cancelled(session: Session) -> None:
        task = asyncio.create_task(fetch_posts(targets(), session=session, options=options))
        while not (held.is_set() and session.requests_in_flight == 1):   # two answered, the third one held
            await asyncio.sleep(0.01)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            return
        raise AssertionError("the fetch was not cancelled")

    try:
        Session(settings, store=store, mode=Mode()).run(cancelled)
    finally:
        release.set()
    logged = [r for r in store.db["fetches"].rows if r["purpose"] == "syndication"]
    assert sorted(r["url"].split("id=")[1].split("&")[0] for r in logged) == IDS[:2]   # every answered request
    assert all(r["status"] == 200 and r["body_sha256"] for r in logged)
    assert {store.post_row("twitter", i)["status"] for i in IDS[:2]} == {"available"}
    assert store.post_row("twitter", IDS[2]) is None   # no answer came: nothing is said of it

    posts = Session(settings, store=store, mode=Mode()).run(
        lambda s: fetch_posts(targets(), session=s, options=options))
    assert [p.record.status for p in posts] == ["available"] * 3
    assert [asked(fakenet, i) for i in IDS] == [1, 1, 2]   # the resumed run asked only the post not answered
    assert [p.record.from_cache for p in posts] == [True, True, False]
