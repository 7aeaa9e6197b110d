"""A folder of fictional articles and the loopback routes they need, for runs at some scale (the crash tests,
scripts/bench_warm.py, scripts/crash_test.py): article i embeds post FIRST_ID + i with a t.co link that redirects
to it, and the post (syndication, or the X API when the run has a token) has one photo on pbs.twimg.com. Wayback
answers "no captures" in its real formats. In a world with gone posts (`Posts.gone_every`), some posts are
deleted (the X API: not found; syndication: a tombstone) and have one capture on Wayback, a classic permalink
page, which the run reads. Nothing here reaches anything but 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FIRST_ID = 1600000000000000100
TOKEN = "AAAAfictional-crash-bearer-token"


@dataclass(frozen=True)
class Posts:
    """What the fake services make of the posts: an X token for the run (the X API is asked first), and every
    `gone_every`-th post (counting from 1) gone, read from its capture."""

    x_token: bool = False
    gone_every: int = 0

    def gone(self, n: int) -> frozenset[int]:
        return frozenset(i for i in range(n) if self.gone_every and i % self.gone_every == 1)

    def env(self) -> dict[str, str]:
        return {"X_BEARER_TOKEN": TOKEN} if self.x_token else {}

    def photos(self, n: int) -> int:
        return n - len(self.gone(n))


WORLDS = {"plain": Posts(), "x-api-gone": Posts(x_token=True, gone_every=3)}


def article(i: int) -> str:
    post = FIRST_ID + i
    return (f'<html><body><h1>Story {i}</h1><p>The bridge reopened on day {i}.</p>'
            f'<blockquote class="twitter-tweet"><p lang="en">Bridge reopened, day {i}. '
            f'<a href="https://t.co/w{i:05d}">pic.twitter.com/w{i:05d}</a></p>&mdash; Riverton Roads (@RivertonRoads) '
            f'<a href="https://twitter.com/RivertonRoads/status/{post}">December 6, 2022</a></blockquote>'
            f'<p>Photo: Bea Example / Riverton Post</p></body></html>')


def write_folder(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{i:04d}.html").write_text(article(i), encoding="utf-8")
    return folder


def serve(fakenet, n: int, posts: Posts = Posts()) -> None:
    """The routes every article needs: its t.co link, its post (syndication and the X API), the post's photo,
    Wayback (with a capture of each gone post)."""
    from werkzeug.wrappers import Response

    from tests import waybacknet
    from tests import xfixtures as fx
    from tests.fakenet import page, redirect

    jpeg = fx.jpeg()
    gone = posts.gone(n)

    def syndication(request):
        post_id = request.args.get("id", "")
        if int(post_id) - FIRST_ID in gone:
            return Response(json.dumps({"__typename": "TweetTombstone", "tombstone": {"text": {
                "text": "This Post was deleted by the Post author."}}}), content_type="application/json")
        tweet = json.loads(fx.as_json(fx.SYNDICATION_TWEET))
        tweet["id_str"] = post_id
        tweet["mediaDetails"] = tweet["mediaDetails"][:1]
        tweet["mediaDetails"][0]["media_url_https"] = f"https://pbs.twimg.com/media/w{post_id}.jpg"
        return Response(json.dumps(tweet), content_type="application/json")
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", syndication)
    fakenet.route("api.twitter.com", "/2/tweets", lambda request: Response(
        json.dumps(x_api_answer(request.args.get("ids", "").split(","), gone)), content_type="application/json"))
    captures = []
    for i in range(n):
        post = FIRST_ID + i
        fakenet.route("t.co", f"/w{i:05d}", redirect(f"https://twitter.com/RivertonRoads/status/{post}/photo/1"))
        fakenet.route("pbs.twimg.com", f"/media/w{post}.jpg", page(jpeg, content_type="image/jpeg"))
        if i in gone:
            captures.append(waybacknet.Capture("20221206060000", f"https://twitter.com/RivertonRoads/status/{post}",
                                               waybacknet.classic_page(str(post), "RivertonRoads", "Riverton Roads",
                                                                       f"Bridge reopened, day {i}.")))
    waybacknet.serve(fakenet, captures)


def x_api_answer(ids: list[str], gone: frozenset[int]) -> dict[str, object]:
    """GET /2/tweets?ids=: each post with its photo, the gone ones as "resource-not-found" errors (the v2 form of
    tests/xfixtures.py)."""
    data, media, errors = [], [], []
    for post_id in ids:
        i = int(post_id) - FIRST_ID
        if i in gone:
            errors.append({"value": post_id, "detail": f"Could not find tweet with ids: [{post_id}].",
                           "title": "Not Found Error", "resource_type": "tweet", "parameter": "ids",
                           "resource_id": post_id, "type": "https://api.twitter.com/2/problems/resource-not-found"})
            continue
        key = f"3_{post_id}"
        data.append({"id": post_id, "text": f"Bridge reopened, day {i}. https://t.co/w{i:05d}", "lang": "en",
                     "author_id": "4400000001", "created_at": "2022-12-06T05:31:41.000Z",
                     "attachments": {"media_keys": [key]}, "edit_history_tweet_ids": [post_id]})
        media.append({"media_key": key, "type": "photo", "url": f"https://pbs.twimg.com/media/w{post_id}.jpg",
                      "width": 64, "height": 48})
    answer: dict[str, object] = {"errors": errors} if errors else {}
    if data:
        answer |= {"data": data, "includes": {"media": media, "users": [{
            "id": "4400000001", "name": "Riverton Roads", "username": "RivertonRoads", "protected": False}]}}
    return answer


def no_limits() -> str:
    """[limits] turning the services' rate budgets off: against loopback they only measure waiting."""
    from resolver.budgets import DEFAULT_LIMITS

    return "[limits]\n" + "".join(f'"{prefix}" = 0\n' for prefix in DEFAULT_LIMITS)


def problems(db: Path, n: int, *, photos: int | None = None) -> list[str]:
    """What is wrong with a database after runs over the n articles: integrity, each article and post once and
    `photos` photos (default n; none missing), no fetch, resolution or observation twice, no fetch row with
    nothing to show for it (`fetch_problems`)."""
    import sqlite3

    found = []
    con = sqlite3.connect(db)
    try:
        if (check := con.execute("PRAGMA integrity_check").fetchone()[0]) != "ok":
            found.append(f"integrity_check: {check}")
        for table, wanted in (("articles", n), ("posts", n), ("media", n if photos is None else photos)):
            count = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            if count != wanted:
                found.append(f"{count} {table}, not {wanted}")
        for what, sql in [
            ("source", "SELECT source, count(*) FROM article_sources GROUP BY source HAVING count(*) > 1"),
            ("resolution", "SELECT url, count(*) FROM resolutions GROUP BY url HAVING count(*) > 1"),
            ("observation", "SELECT post_row || ' ' || method, count(*) FROM post_observations "
                            "GROUP BY post_row, method HAVING count(*) > 1"),
            ("embed", "SELECT article_id || ' ' || url, count(*) FROM embeds GROUP BY article_id, url, span_start "
                      "HAVING count(*) > 1"),
        ]:
            found += [f"{what} recorded {count} times: {key}" for key, count in con.execute(sql)]
        found += fetch_problems(con)
    finally:
        con.close()
    return found


# The fetch-log rows that stand for a fact elsewhere (#11, the ledger): each must be pointed at by what it produced.
USED = {
    "resolve": "SELECT 1 FROM resolutions r, json_each(r.fetch_ids) j WHERE j.value = f.id",
    "syndication": "SELECT 1 FROM post_observations o WHERE o.fetch_id = f.id",
    "oembed": "SELECT 1 FROM post_observations o WHERE o.fetch_id = f.id",
    "x-api": "SELECT 1 FROM post_observations o WHERE o.fetch_id = f.id",
    "wayback-capture": "SELECT 1 FROM post_observations o WHERE o.fetch_id = f.id",
    "media": "SELECT 1 FROM media m WHERE m.fetch_id = f.id",
}


def fetch_problems(con) -> list[str]:
    """A request recorded twice (same method and URL: a re-run asked again what a killed run had asked), and a
    fetch row with nothing to show for it: a resolution, post observation or media row that names it, or for a CDX
    answer listing captures, its snapshots (a kill between the two left half a record)."""
    found = [f"fetch recorded {count} times: {key}" for key, count in con.execute(
        "SELECT method || ' ' || url, count(*) FROM fetches GROUP BY method, url HAVING count(*) > 1")]
    for purpose, used in USED.items():
        found += [f"{purpose} fetch {row_id} with nothing to show for it: {url}" for row_id, url in con.execute(
            f"SELECT id, url FROM fetches f WHERE purpose = ? AND status IS NOT NULL AND NOT EXISTS ({used})",
            [purpose])]
    found += [f"CDX answer {row_id} with none of its snapshots: {url}" for row_id, url in con.execute(
        "SELECT id, url FROM fetches f WHERE purpose = 'wayback-cdx' AND status = 200 AND body_bytes > 2 "
        "AND NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.fetch_id = f.id)")]
    return found


def crash_trial(world, folder: Path, n: int, kill_when: Callable[[], bool],
                posts: Posts = Posts(), *, rerun_here: bool = False) -> tuple[bool, list[str]]:
    """`scan --resolve --fetch` over the folder as a real process, SIGKILLed as soon as `kill_when()` is true (if
    it is still running), then run again to the end on the same database: whether the kill landed mid-run, and
    the problems the database shows. `posts` says what the world served (the token is given to both runs).
    `rerun_here`: the run again is made in this process (click's runner), as the tests make it: only the kill
    needs a process, and a process of its own costs each trial a start of Python and the package."""
    import signal
    import subprocess
    import time

    args = ("scan", "--resolve", "--fetch", str(folder))
    child = world.process(*args, env=posts.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while child.poll() is None and not kill_when():
        time.sleep(0.002)
    killed = child.poll() is None
    if killed:
        child.send_signal(signal.SIGKILL)
    child.wait(30)
    if rerun_here:
        again = world(*args, env=posts.env())
        code, said = again.exit_code, again.stderr
    else:
        rerun = world.process(*args, env=posts.env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, stderr = rerun.communicate(timeout=300)
        code, said = rerun.returncode, stderr.decode()
    found = [] if code == 0 else [f"the re-run exited {code}: {said[-300:]}"]
    return killed, found + problems(world.db, n, photos=posts.photos(n))


class LoopbackNet:
    """For scripts: a pytest-httpserver on 127.0.0.1 with a FakeNet serving n articles' routes, quiet, stopped on
    exit. `with LoopbackNet(60) as fakenet: ...`"""

    def __init__(self, n: int, posts: Posts = Posts()) -> None:
        self.n, self.posts = n, posts

    def __enter__(self):
        import logging

        from pytest_httpserver import HTTPServer

        from tests.fakenet import FakeNet

        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        self.server = HTTPServer()
        self.server.start()
        fakenet = FakeNet(self.server)
        serve(fakenet, self.n, self.posts)
        return fakenet

    def __exit__(self, *exc: object) -> None:
        self.server.clear()
        self.server.stop()


def have_test_extras() -> bool:
    """Whether pytest-httpserver is there (the scripts that use LoopbackNet say so and skip when it is not)."""
    import importlib.util

    if importlib.util.find_spec("pytest_httpserver") is None:
        print("pytest-httpserver is not installed (pip install -e '.[test]'); skipped")
        return False
    return True
