"""Answers that arrived before a run was stopped are kept (newuser30 #8): an article's fetch cancelled (Ctrl-C, or
the run stopped) once some of its posts were answered writes those answers, and their fetch-log rows, so the run
resumed asks only what was not answered; the fetch log holds every request that was answered."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Awaitable, Callable

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


def cancelled_once(fetch: Callable[[Session], Awaitable[object]], ready: Callable[[Session], bool],
                   never: str) -> Callable[[Session], Awaitable[None]]:
    """What a Session runs to cancel `fetch` once `ready` says so (within 30 s, else "`never`" fails the test), and
    check that it was cancelled: a run stopped part way, as Ctrl-C stops it."""
    async def cancelled(session: Session) -> None:
        task = asyncio.create_task(fetch(session))
        deadline = asyncio.get_running_loop().time() + 30
        while not ready(session):
            assert asyncio.get_running_loop().time() < deadline, never
            await asyncio.sleep(0.01)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            return
        raise AssertionError("the fetch was not cancelled")
    return cancelled


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

    cancelled = cancelled_once(
        lambda session: fetch_posts(targets(), session=session, options=options),
        # two answered, the third one held (in flight: it took its connection after the other two)
        lambda session: held.is_set() and session.requests_in_flight == 1 and session.requests_queued == 0,
        "the two posts were never answered")

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


def test_ctrl_c_of_a_real_fetch_run_keeps_the_answers_that_came_and_the_rerun_asks_only_the_rest(tmp_path,
                                                                                                 threaded_net):
    """`scan --fetch` of an article with two posts, interrupted by SIGINT: post X answered by syndication; post Y
    failed there (503) and its oEmbed request is held by the server. That request leaves only once both syndication
    answers were read, so X's answer has come when the signal is sent (no clock). X is recorded and Y's failed
    attempt is in the fetch log; the run resumed asks X nothing. Before, both answers were dropped with the article
    and the resumed run asked X again (newuser30 #8: 18 of 90 posts asked twice)."""
    import json
    import signal
    import subprocess
    import sys
    import time

    from cache import Store
    from tests.test_interrupt import ROOT, ctrl_c_as_at_a_terminal

    fakenet = threaded_net
    x, y = "1600000000000000201", "1600000000000000202"
    release, held = threading.Event(), threading.Event()
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result",
                  by_id({x: [json_page(tweet(x))], y: [json_page({}, 503), json_page(tweet(y))]}))

    def oembed(request) -> Response:
        held.set()
        release.wait(120)
        return Response("busy", status=503)
    fakenet.route("publish.twitter.com", "/oembed", oembed)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "story.txt").write_text(f"Two posts: https://twitter.com/RivertonRoads/status/{x} and "
                                      f"https://twitter.com/RivertonRoads/status/{y}\n")
    config = tmp_path / "config.toml"
    config.write_text('[network]\nretries = 0\ntimeout = 120\ndeadline = 120\n\n[x]\nmethods = ["syndication", '
                      '"oembed"]\n\n[origins]\n' + "".join(
                          f'"{scheme}://{host}" = "{fakenet.origin}"\n' for scheme in ("https", "http")
                          for host in ("cdn.syndication.twimg.com", "publish.twitter.com")))
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMBED_RESOLVER_")} | {"PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "resolver", "--config", str(config), "--db", str(tmp_path / "run.db"), "scan",
               "--fetch", "--json", "--workers", "1", str(folder)]

    def start() -> subprocess.Popen:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path,
                                preexec_fn=ctrl_c_as_at_a_terminal)
    proc = start()
    try:
        assert held.wait(60), "the run never asked oEmbed for the post syndication failed"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    store = Store(tmp_path / "run.db")
    logged = sorted((r["purpose"], r["status"]) for r in store.db["fetches"].rows)
    assert logged == [("syndication", 200), ("syndication", 503)]   # every answer that came, the oEmbed one held
    assert store.post_row("twitter", x)["status"] == "available" and store.post_row("twitter", y) is None
    store.close()

    again = start()
    out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    [line] = out.decode().splitlines()
    assert sorted(p["status"] for p in json.loads(line)["posts"]) == ["available", "available"]
    assert (asked(fakenet, x), asked(fakenet, y)) == (1, 2)   # X answered before Ctrl-C: not asked again
    assert sum(1 for host, _ in fakenet.hits if host == "publish.twitter.com") == 1   # only the one held


def test_a_post_recorded_before_its_media_were_cancelled_is_recorded_once(threaded_net, store):
    """The fetch is cancelled while the post's photo is downloading: its observation was recorded already (media
    come after it). Before, the cancel handler took the post for one not yet settled and recorded the same answer
    again, a second observation at a later time resting on the same fetch-log row: the post's history said it was
    observed twice where it was asked once (review30r4)."""
    fakenet = threaded_net
    release, held = threading.Event(), threading.Event()

    def photo(request) -> Response:
        held.set()
        release.wait(60)
        return Response(fx.jpeg(), content_type="image/jpeg")
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    fakenet.route("pbs.twimg.com", "/media/FjRivertonBridge.jpg", photo)
    fakenet.route("pbs.twimg.com", "/ext_tw_video_thumb/1600000000000000009/pu/img/RiverPoster.jpg",
                  lambda request: Response(fx.jpeg(), content_type="image/jpeg"))
    settings = settings_for(fakenet, timeout=60, deadline=60)
    post = Target("twitter", fx.POST_ID, f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}")

    cancelled = cancelled_once(lambda session: fetch_posts([post], session=session, options=FetchOptions()),
                               lambda session: held.is_set(), "the photo was never asked for")

    try:
        Session(settings, store=store, mode=Mode()).run(cancelled)
    finally:
        release.set()
    row = store.post_row("twitter", fx.POST_ID)
    assert row["status"] == "available"
    observations = list(store.db["post_observations"].rows_where("post_row = ?", [row["id"]]))
    assert [o["method"] for o in observations] == ["syndication"], observations
    [asked] = [r for r in store.db["fetches"].rows if r["purpose"] == "syndication"]
    assert observations[0]["fetch_id"] == asked["id"]


def test_interrupts31_an_x_api_batch_answered_after_the_cancel_is_recorded_and_not_asked_again(threaded_net, store):
    """An X API batch still in its worker thread when the run was cancelled (Ctrl-C) finishes (the thread is not
    abandoned): its answer is whole, so its posts are recorded as any answer that came. Before, only its fetch-log
    rows were written, and the resumed run asked the batch again (quota spent twice)."""
    from resolver.fetch import xapi

    fakenet = threaded_net
    release, held, calls = threading.Event(), threading.Event(), []

    def lookup(request) -> Response:
        calls.append(request.args.get("ids"))
        held.set()
        release.wait(60)
        return Response(fx.as_json(fx.X_API_LOOKUP), content_type="application/json; charset=utf-8",
                        headers={**fx.X_RATE_HEADERS, "x-rate-limit-remaining": "298"})
    fakenet.route("api.twitter.com", "/2/tweets", lookup)
    ids = [fx.POST_ID]     # available: no archived copy to read (a gone post's is item 1's test)
    wanted = [Target("twitter", i, f"https://twitter.com/i/status/{i}") for i in ids]
    settings = settings_for(fakenet, timeout=60, deadline=60, x_bearer_token="interrupts31-token-" + "x" * 24,
                            x_methods=("x-api", "syndication"))
    options = FetchOptions(media=False)

    async def cancelled(session: Session) -> None:
        task = asyncio.create_task(fetch_posts(wanted, session=session, options=options))
        deadline = asyncio.get_running_loop().time() + 30
        while not held.is_set():
            assert asyncio.get_running_loop().time() < deadline, "the X API was never asked"
            await asyncio.sleep(0.01)
        task.cancel()            # the batch is in its thread, its request held by the server
        await asyncio.sleep(0.05)
        release.set()
        try:
            await task
        except asyncio.CancelledError:
            return
        raise AssertionError("the fetch was not cancelled")

    try:
        Session(settings, store=store, mode=Mode()).run(cancelled)
    finally:
        release.set()
    assert len(calls) == 1
    assert [r["status"] for r in store.db["fetches"].rows if r["purpose"] == xapi.METHOD] == [200]
    assert [store.post_row("twitter", i)["status"] for i in ids] == ["available"]
    posts = Session(settings, store=store, mode=Mode()).run(
        lambda s: fetch_posts(wanted, session=s, options=options))
    assert [p.record.status for p in posts] == ["available"]
    assert [p.record.from_cache for p in posts] == [True]
    assert len(calls) == 1      # the resumed run asked nothing again
