"""Deleted posts recovered from their archived copies (#9 §2), against a loopback Wayback (CDX, id_ captures)
and loopback X endpoints: the status stays what the live sources say, each copy is an observation with method
"wayback" and its fetch row, offline runs and --reparse re-derive them from the kept bodies."""

import json

import pytest
from pathlib import Path

from resolver.fetch.reparse import reparse_all
from resolver.fetch import Target
from tests.test_fetch import by_id, json_page, run
from tests.waybacknet import Capture, serve
from tests.test_warm_run import threaded_net  # noqa: F401 - a fixture: a held capture read holds up nothing else

CAPTURES = Path(__file__).parent / "fixtures" / "captures"
ID = "1389145873577009728"
PAGE = f"https://twitter.com/river_desk/status/{ID}"
TARGET = Target("twitter", ID, PAGE)
TEXT = "Water over the road on Mill Lane this morning. https://t.co/Rd4Mill01"
DELETED = {"__typename": "TweetTombstone", "tombstone": {"text": {"text": "This Post was deleted by the Post author."}}}
HOSTS = ["cdn.syndication.twimg.com", "publish.twitter.com", "web.archive.org", "archive.org", "pbs.twimg.com"]


def capture(name: str, timestamp: str = "20210503091500", original: str = PAGE) -> Capture:
    return Capture(timestamp, original, (CAPTURES / name).read_bytes())


def world(fakenet, captures, live=DELETED, **overrides):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({ID: [json_page(live)]}))
    serve(fakenet, captures)
    return fakenet.settings(hosts=HOSTS, x_methods=("syndication",), **overrides)


def test_deleted_post_recovered_from_a_classic_markup_capture(fakenet, store):
    settings = world(fakenet, [capture("classic_permalink_reply_with_ancestor.html")])
    [post] = run([TARGET], settings, store)
    assert (post.record.status, post.record.method, post.record.text) == ("deleted", "syndication", None)
    [copy] = post.archived
    assert (copy.form, copy.captured_at, copy.record.method) == ("classic-permalink", "2021-05-03T09:15:00Z", "wayback")
    assert copy.record.text == "🌊 Water over the road on #Mill Lane this morning. https://t.co/Rd4Mill01"
    assert (copy.record.author_handle, copy.record.created_at) == ("river_desk", "2021-05-03T09:12:40Z")
    assert copy.url == f"https://web.archive.org/web/20210503091500id_/{PAGE}"
    # an observation with method "wayback", tied to its fetch row, whose body is kept; the post row stays live
    row = store.post_row("twitter", ID)
    assert (row["status"], row["text"]) == ("deleted", None)
    observation = [o for o in store.observations(row["id"]) if o["method"] == "wayback"][0]
    fetch = store.fetch(observation["fetch_id"])
    assert (fetch["url"], fetch["purpose"], fetch["status"]) == (copy.url, "wayback-capture", 200)
    assert store.body(fetch["body_sha256"]) == (CAPTURES / "classic_permalink_reply_with_ancestor.html").read_bytes()
    assert post.to_json()["archived"][0]["captured_at"] == "2021-05-03T09:15:00Z"


@pytest.mark.parametrize("live,status", [
    ({}, "not_found"),
    ({"__typename": "Tweet", "id_str": ID, "text": "x", "created_at": "2021-05-03T09:12:40.000Z"}, "suspended"),
    ({"__typename": "TweetTombstone", "tombstone": {"text": {"text": "Age-restricted adult content."}}},
     "age_restricted"),
    ({"__typename": "TweetTombstone",
      "tombstone": {"text": {"text": "You're unable to view this Post because this account owner limits who can "
                                     "view their Posts. Only approved followers can see it."}}}, "protected"),
    ({"__typename": "TweetTombstone", "tombstone": {"text": {"text": "This Post is unavailable."}}}, "unknown"),
    ({"__typename": "TweetTombstone", "tombstone": {"text": {"text": "This Post is withheld in your country."}}},
     "withheld"),
], ids=["not-found", "suspended-no-user", "age-restricted", "protected", "unknown", "withheld"])
def test_every_gone_status_reads_the_captures(fakenet, store, live, status):
    settings = world(fakenet, [capture("classic_permalink_reply_with_ancestor.html")], live=live)
    [post] = run([TARGET], settings, store)
    assert post.record.status == status
    assert [c.record.text for c in post.archived] == [
        "🌊 Water over the road on #Mill Lane this morning. https://t.co/Rd4Mill01"]


def test_deleted_post_recovered_from_a_title_and_og_only_capture(fakenet, store):
    settings = world(fakenet, [capture("react_shell_nojs.html", "20210504000000")])
    [post] = run([TARGET], settings, store)
    [copy] = post.archived
    assert (copy.form, copy.record.text, copy.record.author_name) == (
        "page-head", "Water over the road on Mill Lane this morning.", "River Desk")
    assert copy.record.created_at is None   # the head carries no date: none is made up


def test_deleted_post_recovered_from_a_mobile_twitter_com_capture(fakenet, store):
    """CDX lists mobile.twitter.com pages under their own host (com,twitter,mobile)/...): a prefix query for
    twitter.com/... never names them, so they are asked for on their own."""
    mobile = f"https://mobile.twitter.com/river_desk/status/{ID}"
    settings = world(fakenet, [capture("mobile_legacy_status.html", "20210503100000", mobile)])
    [post] = run([TARGET], settings, store)
    [copy] = post.archived
    assert (copy.form, copy.record.text, copy.original) == ("mobile-legacy", TEXT, mobile)


def test_deleted_post_recovered_from_an_x_com_capture(fakenet, store):
    """Since 2023 twitter.com answers with a 301 to x.com, so a post captured since has its words under x.com."""
    moved = f"https://x.com/river_desk/status/{ID}"
    settings = world(fakenet, [Capture("20240106000000", PAGE, b"", status=301),
                               capture("x_crawler_shell.html", "20240106000001", moved)])
    [post] = run([TARGET], settings, store)
    [copy] = post.archived
    assert (copy.form, copy.record.text, copy.original) == ("x-shell", TEXT, moved)


def test_deleted_post_recovered_from_a_captured_syndication_json(fakenet, store):
    answer = {"__typename": "Tweet", "lang": "en", "created_at": "2021-05-03T09:12:40.000Z", "id_str": ID,
              "text": TEXT, "user": {"id_str": "4400000099", "name": "River Desk", "screen_name": "river_desk"}}
    original = f"https://cdn.syndication.twimg.com/tweet-result?id={ID}&lang=en"
    settings = world(fakenet, [
        capture("react_shell_placeholder_only.html", "20210503100000"),     # the page: a shell saying nothing
        Capture("20210503120000", original, json.dumps(answer).encode(), "application/json"),
    ])
    [post] = run([TARGET], settings, store)
    assert [c.form for c in post.archived] == ["none", "syndication"]
    assert [c.record.status for c in post.archived] == ["unknown", "available"]
    assert post.archived[1].record.text == TEXT and post.archived[1].record.author_name == "River Desk"


def test_a_post_never_captured_has_no_copy_and_a_wayback_miss_is_not_a_capture(fakenet, store):
    settings = world(fakenet, [])
    fakenet.route("web.archive.org", f"/web/20210503091500id_/{PAGE}", json_page({"error": "not archived"}, 404))
    [post] = run([TARGET], settings, store)
    assert post.record.status == "deleted" and post.archived == ()


def test_an_available_post_reads_no_capture_unless_all_methods(fakenet, store):
    live = {"__typename": "Tweet", "lang": "en", "created_at": "2021-05-03T09:12:40.000Z", "id_str": ID,
            "text": "Water over the road on Mill Lane this afternoon.",
            "user": {"id_str": "4400000099", "name": "River Desk", "screen_name": "river_desk"}}
    settings = world(fakenet, [capture("classic_permalink_reply_with_ancestor.html")], live=live)
    [post] = run([TARGET], settings, store, media=False)
    assert post.archived == () and not any(path.startswith("/web/") for _, path in fakenet.hits)
    assert post.to_json()["archive_lookup"] is None   # no lookup made: not "answered", not an error
    [post] = run([TARGET], settings, store, media=False, refresh=True, all_methods=True)
    assert post.record.status == "available" and post.record.text.endswith("afternoon.")
    assert post.to_json()["archive_lookup"] == "answered"
    assert post.archived[0].record.text.startswith("🌊 Water over the road")


def test_offline_and_reparse_rederive_the_copies_from_the_kept_bodies(fakenet, store):
    settings = world(fakenet, [capture("mobile_legacy_status.html")])
    [online] = run([TARGET], settings, store)
    hits = len(fakenet.hits)
    [offline] = run([TARGET], settings, store, offline=True)
    assert len(fakenet.hits) == hits
    assert [c.to_json() for c in offline.archived] == [c.to_json() for c in online.archived]
    # a parser fix shows after --reparse: the observation's record is re-derived from the kept body
    row = store.post_row("twitter", ID)
    observation = next(o for o in store.observations(row["id"]) if o["method"] == "wayback")
    store.update_observation(observation["id"], {"status": "unknown"}, "unknown", "an old parser's reading")
    count, _ = reparse_all(store)
    again = next(o for o in store.observations(row["id"]) if o["id"] == observation["id"])
    # a capture that holds the post is stored "archived-copy": never "available", a live answer's word (newuser33 #8)
    assert count >= 1 and again["status"] == "archived-copy" and json.loads(again["record"])["text"].startswith("Water")
    assert store.post_row("twitter", ID)["status"] == "deleted"   # the live status is untouched by reparse


# -- §6: a local copy that holds the post ----------------------------------------------------------------------

def _cli(tmp_path, settings):
    from click.testing import CliRunner

    from resolver.cli import cli as command

    config = tmp_path / "config.toml"
    config.write_text("[network]\nretries = 0\n[origins]\n" + "".join(
        f'"{k}" = "{v}"\n' for k, v in settings.origins.items()))

    def run(db, *args):
        result = CliRunner().invoke(command, ["--config", str(config), "--db", str(tmp_path / db), *args])
        assert result.exit_code == 0, result.output
        return result.stdout
    return run


def _essentials(post):
    return {"status": post["status"], "author": post["author"], "text": post["text"],
            "created_at": post["created_at"], "media": [m["sha256"] for m in post["media"]],
            "archived": [(c["captured_at"], c["status"], c["text"]) for c in post["archived"]]}


@pytest.mark.parametrize("gone", [False, True], ids=["available-with-media", "deleted-with-a-capture"])
def test_archive_then_replay_of_the_warc_alone_reproduces_fetch(fakenet, tmp_path, gone):
    from resolver.warc import check
    from tests import xfixtures as fx
    from tests.fakenet import page, redirect
    from tests.test_fetch import serve_media

    post_url = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
    live = DELETED if gone else fx.SYNDICATION_TWEET
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(live)]}))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}",
                  redirect(f"https://x.com/RivertonRoads/status/{fx.POST_ID}"))
    fakenet.route("x.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html><head><meta content=\"Bridge reopened"
                                                                     "\" property=\"og:description\"></head></html>"))
    serve_media(fakenet)
    from tests.waybacknet import classic_page
    serve(fakenet, [Capture("20221206060000", post_url, classic_page(
        fx.POST_ID, "RivertonRoads", "Riverton Roads", "Bridge reopened this morning after repairs.", epoch=1670304701))])
    settings = fakenet.settings(hosts=HOSTS + ["twitter.com", "x.com", "video.twimg.com"])
    run = _cli(tmp_path, settings)
    warc = tmp_path / "post.warc.gz"

    [archived] = [json.loads(line) for line in run("live.db", "archive", "--json", "--warc", str(warc), post_url)
                  .splitlines() if json.loads(line)["url"] == post_url]
    assert (archived["live_status"], archived["live_url"]) == (200, f"https://x.com/RivertonRoads/status/{fx.POST_ID}")
    assert check(warc)[0]
    fetched = json.loads(run("fetch.db", "fetch", "--json", post_url))

    fakenet.routes.clear()          # the servers answer nothing now: every answer must come from the WARC
    hits = len(fakenet.hits)
    replayed = json.loads(run("replay.db", "--replay", str(warc), "fetch", "--json", post_url))
    assert len(fakenet.hits) == hits
    assert _essentials(replayed) == _essentials(fetched)
    assert replayed["status"] == ("deleted" if gone else "available")
    if gone:
        assert replayed["archived"][0]["text"] == "Bridge reopened this morning after repairs."
    else:
        assert replayed["media"][0]["sha256"] and replayed["text"].startswith("Bridge reopened")


@pytest.mark.parametrize("cdx,said", [
    (("busy", 503), "error: cdx: HTTP 503"),
    (("Too Many Requests", 429), "error: cdx: HTTP 429"),
    (("<html><body>Wayback Machine is down for maintenance</body></html>", 200), "error: cdx: malformed answer"),
    (("[]", 200), "answered"),
    (("org.archive.wayback.exception.AdministrativeAccessControlException: Blocked Site Error", 403),
     "error: blocked: Blocked Site Error"),
], ids=["503", "429", "html", "none-listed", "blocked"])
def test_a_gone_posts_archive_lookup_that_failed_is_not_no_copy(fakenet, tmp_path, cdx, said):
    """`"archived": []` read as "no archived copy exists" when every CDX list of the post failed (a 503, a 429,
    an HTML page): the lookup's outcome is said, and only a lookup that answered leaves an empty list for "none"."""
    from tests.cliworld import World
    from tests.fakenet import page

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({ID: [json_page(DELETED)]}))
    blocked = {"X-Archive-Wayback-Runtime-Error": cdx[0]} if cdx[1] == 403 else {}
    fakenet.route("web.archive.org", "/cdx/search/cdx", page(cdx[0], cdx[1], content_type="application/json"
                                                             if cdx[0] == "[]" else "text/html", **blocked))
    cli = World(fakenet, tmp_path)
    for run_ in ("fresh", "again"):   # again: from the cache, but for a lookup that failed for a passing reason
        result = cli("fetch", "--json", PAGE)
        [post] = [json.loads(line) for line in result.stdout.splitlines()]
        assert (post["status"], post["archived"]) == ("deleted", []), run_
        assert (post["archive_lookup"] or "").startswith(said), (run_, post["archive_lookup"])
        assert post["from_cache"] is (run_ == "again" and (said == "answered" or "blocked" in said)), run_
    shown = cli("fetch", PAGE).stdout
    assert ("archive lookup failed" in shown) is said.startswith("error")
    assert ("no archived copy" in shown) is (said == "answered")


def test_a_gone_posts_capture_listed_but_not_read_is_no_answered_lookup(fakenet, store):
    """CDX listed a capture of the gone post, but reading it failed (a 503): archive_lookup said "answered", and
    the table "no archived copy found (the archive answered)", although a copy is listed and its content not known.
    The lookup's outcome says the capture could not be read, and the next online run asks again."""
    from tests.fakenet import page

    found = capture("classic_permalink_reply_with_ancestor.html")
    settings = world(fakenet, [found], retries=0)
    memento = f"/web/{found.timestamp}id_/{found.original}"
    served = fakenet.routes[("web.archive.org", memento)][0]
    fakenet.route("web.archive.org", memento, page("busy", 503), served)
    [post] = run([TARGET], settings, store)
    assert post.archived == ()
    assert post.archive_lookup == f"error: the capture of {found.timestamp} could not be read (HTTP 503)"
    [offline] = run([TARGET], settings, store, offline=True)
    assert (offline.archived, offline.archive_lookup) == ((), post.archive_lookup)
    [post] = run([TARGET], settings, store)
    assert post.archive_lookup == "answered" and post.archived[0].record.text.startswith("🌊 Water over the road")


def test_a_gone_post_whose_archive_lookup_failed_is_asked_again_by_the_next_online_run(fakenet, store):
    """A deleted post is kept for the cache TTL: with it, a lookup that failed for a passing reason (a 503) said
    "not known" for 30 days. The next online run asks again and finds the copy; offline, the failure is shown."""
    from tests.fakenet import page

    settings = world(fakenet, [capture("classic_permalink_reply_with_ancestor.html")], retries=0)
    listing = fakenet.routes[("web.archive.org", "/cdx/search/cdx")][0]
    fakenet.route("web.archive.org", "/cdx/search/cdx", *[page("busy", 503)] * 5, listing)
    # the availability API names no capture either (one it names is read when the lists fail: newuser35 F8)
    fakenet.route("archive.org", "/wayback/available", page('{"archived_snapshots": {}}',
                                                            content_type="application/json"))
    [post] = run([TARGET], settings, store)
    assert (post.archived, post.archive_lookup) == ((), "error: cdx: HTTP 503")
    [offline] = run([TARGET], settings, store, offline=True)
    assert (offline.archived, offline.archive_lookup) == ((), "error: cdx: HTTP 503")
    [post] = run([TARGET], settings, store)
    assert post.archive_lookup == "answered" and post.archived[0].record.text.startswith("🌊 Water over the road")


def _live(post_id: str, handle: str, text: str = TEXT) -> dict:
    return {"__typename": "Tweet", "lang": "en", "created_at": "2021-05-03T09:12:40.000Z", "id_str": post_id,
            "text": text, "user": {"id_str": "4400000099", "name": "River Desk", "screen_name": handle}}


def test_a_deleted_post_linked_without_a_handle_is_looked_up_under_the_handle_it_was_seen_with(fakenet, store):
    """The article links x.com/i/status/<id>: its captures are filed under twitter.com/river_desk/status/<id>, and
    CDX lists each URL apart. Only twitter.com/i/status/<id> was listed, so a post seen alive under @river_desk by
    an earlier run, now deleted, was "no archived copy" (review28)."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({ID: [json_page(_live(ID, "river_desk")),
                                                                            json_page(DELETED)]}))
    serve(fakenet, [capture("classic_permalink_reply_with_ancestor.html")])
    settings = fakenet.settings(hosts=HOSTS, x_methods=("syndication",))
    target = Target("twitter", ID, f"https://x.com/i/status/{ID}")
    run([target], settings, store, media=False)
    [post] = run([target], settings, store, media=False, refresh=True)
    assert post.record.status == "deleted" and post.archive_lookup == "answered"
    assert [c.original for c in post.archived] == [PAGE]
    [again] = run([target], settings, store, offline=True, media=False)   # the cache says the same lookup
    assert (again.archive_lookup, len(again.archived)) == ("answered", 1)


def test_a_renamed_accounts_deleted_post_is_looked_up_under_its_old_handle(fakenet, store):
    """@old_desk became @river_desk: the post's captures from before the rename are filed under
    twitter.com/old_desk/status/<id>. A recorded answer about another post showed the account (its id) as
    @old_desk; the lookup asked only under the handles this post was seen with, and found no copy (review28, #9)."""
    older = "1389100000000000000"
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        older: [json_page(_live(older, "old_desk", "Heavy rain expected overnight across the valley."))],
        ID: [json_page(_live(ID, "river_desk")), json_page(DELETED)]}))
    old_page = f"https://twitter.com/old_desk/status/{ID}"
    serve(fakenet, [capture("classic_permalink_reply_with_ancestor.html", original=old_page)])
    settings = fakenet.settings(hosts=HOSTS, x_methods=("syndication",))
    run([Target("twitter", older, f"https://twitter.com/old_desk/status/{older}"), TARGET], settings, store,
        media=False)
    [post] = run([TARGET], settings, store, media=False, refresh=True)
    assert (post.record.status, post.archive_lookup) == ("deleted", "answered")
    assert [(c.original, c.record.text.startswith("🌊 Water over")) for c in post.archived] == [(old_page, True)]
    [again] = run([TARGET], settings, store, offline=True, media=False)   # the cache says the same lookup
    assert (again.archive_lookup, [c.original for c in again.archived]) == ("answered", [old_page])


def test_a_handle_of_another_account_is_not_asked(fakenet, store):
    """Only the handles the post's own author id was seen with: another account's handle is no place its captures
    are filed under."""
    other = "1389100000000000001"
    someone = dict(_live(other, "hill_desk", "Sunny all week."), user={"id_str": "4400000777", "name": "Hill Desk",
                                                                       "screen_name": "hill_desk"})
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        other: [json_page(someone)], ID: [json_page(_live(ID, "river_desk")), json_page(DELETED)]}))
    serve(fakenet, [])
    settings = fakenet.settings(hosts=HOSTS, x_methods=("syndication",))
    run([Target("twitter", other, f"https://twitter.com/hill_desk/status/{other}"), TARGET], settings, store,
        media=False)
    assert store.post_handles("twitter", ID) == ["river_desk"]


def test_no_archived_copy_says_under_which_handles_it_was_looked_for(fakenet, tmp_path):
    """A gone post with no capture anywhere: "no archived copy" named no place looked in, so a reader could not
    tell a lookup under the post's one handle from one under all its account's (renamed28, #9)."""
    from tests.cliworld import World

    older = "1389100000000000000"
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        older: [json_page(_live(older, "old_desk", "Heavy rain expected overnight across the valley."))],
        ID: [json_page(_live(ID, "river_desk")), json_page(DELETED)]}))
    serve(fakenet, [])
    cli = World(fakenet, tmp_path)
    assert cli("fetch", f"https://twitter.com/old_desk/status/{older}", PAGE).exit_code == 0
    result = cli("fetch", "--json", "--refresh", PAGE)
    [post] = [json.loads(line) for line in result.stdout.splitlines()]
    pages = [PAGE, f"https://twitter.com/old_desk/status/{ID}"]
    assert (post["status"], post["archive_lookup"], post["archived"]) == ("deleted", "answered", [])
    assert post["archive_looked_under"] == pages
    for offline in ((), ("--offline",)):
        shown = cli("fetch", *offline, PAGE).stdout
        assert f"no archived copy found under {pages[0]} and {pages[1]}, each also on x.com and mobile.twitter.com" \
               in " ".join(shown.split()), shown
    [again] = [json.loads(line) for line in cli("fetch", "--json", "--offline", PAGE).stdout.splitlines()]
    assert again["archive_looked_under"] == pages


def test_a_lookup_stopped_before_it_read_the_capture_it_listed_is_no_answered_lookup_offline(threaded_net, store):
    """A deleted post looked up when no copy existed ("answered", no copy); a later --refresh run finds a capture
    listed and is stopped (Ctrl-C) while reading it: the listing's row is kept (the answers that came), the post's
    observation is not. An offline run then read that newest listing with no read of its capture and said
    "answered": "no archived copy found (the archive answered)" of a post whose newest lookup lists a copy
    (review30r4). A capture listed and never read is a lookup not finished: what is in it is not known."""
    import threading

    from werkzeug.wrappers import Response

    from resolver.fetch import fetch_posts
    from resolver.options import FetchOptions
    from resolver.session import Mode, Session

    fakenet = threaded_net
    captures: list = []
    settings = world(fakenet, captures, retries=0, timeout=60, deadline=60)
    [first] = run([TARGET], settings, store)
    assert (first.record.status, first.archived, first.archive_lookup) == ("deleted", (), "answered")

    found = capture("classic_permalink_reply_with_ancestor.html")
    captures.append(found)
    release, held = threading.Event(), threading.Event()

    def slow(request) -> Response:
        held.set()
        release.wait(60)
        return Response(found.body, content_type="text/html; charset=utf-8")
    fakenet.route("web.archive.org", f"/web/{found.timestamp}id_/{found.original}", slow)

    from tests.test_kept_answers import cancelled_once

    stopped = cancelled_once(lambda session: fetch_posts([TARGET], session=session, options=FetchOptions()),
                             lambda session: held.is_set(), "the capture was never asked for")

    try:
        Session(settings, store=store, mode=Mode(refresh=True)).run(stopped)
    finally:
        release.set()
    [offline] = run([TARGET], settings, store, offline=True)
    assert offline.archived == ()
    assert offline.archive_lookup != "answered", offline.archive_lookup
    assert found.timestamp in offline.archive_lookup


def stopped_before_the_archive(fakenet, store):
    """A fetch of the deleted post TARGET stopped (cancelled, as Ctrl-C does) after syndication answered, while its
    first capture list was held: the settings of that world, the post recorded with no archive lookup."""
    import threading

    from werkzeug.wrappers import Response

    from resolver.fetch import fetch_posts
    from resolver.options import FetchOptions
    from resolver.session import Mode, Session
    from tests.test_kept_answers import cancelled_once

    settings = world(fakenet, [capture("classic_permalink_reply_with_ancestor.html")], retries=0, timeout=60,
                     deadline=60)
    release, held = threading.Event(), threading.Event()
    real_cdx = fakenet.routes[("web.archive.org", "/cdx/search/cdx")][0]

    def slow(request) -> Response:
        held.set()
        release.wait(60)
        return real_cdx(request)
    fakenet.route("web.archive.org", "/cdx/search/cdx", slow, real_cdx)
    stopped = cancelled_once(lambda session: fetch_posts([TARGET], session=session, options=FetchOptions()),
                             lambda session: held.is_set(), "the archive was never asked")
    try:
        Session(settings, store=store, mode=Mode()).run(stopped)
    finally:
        release.set()
    return settings


def test_interrupts31_a_gone_post_stopped_before_its_archive_lookup_is_recorded_as_not_looked_up(threaded_net, store):
    """A deleted post whose run was stopped (Ctrl-C) after the source answered, before the archive was asked: the
    answer is recorded (its status a fact of its own), its lookup read back as "not looked up", never as "no copy"
    (offline, the fetch's lines and the report's archive check say a copy is not known), and the resumed online run
    asks the archive alone. Before, only the fetch rows were written, and the resumed run asked the source again."""
    from resolver.fetch.wayback import NOT_LOOKED_UP
    from resolver.provenance import archive_check
    from resolver.report import _copies_lines

    fakenet = threaded_net
    settings = stopped_before_the_archive(fakenet, store)
    asked = lambda: sum(1 for host, _ in fakenet.hits if host == "cdn.syndication.twimg.com")  # noqa: E731
    assert store.post_row("twitter", ID)["status"] == "deleted" and asked() == 1

    [offline] = run([TARGET], settings, store, offline=True)
    assert (offline.record.status, offline.archived, offline.archive_lookup) == ("deleted", (), NOT_LOOKED_UP)
    assert [line for line, _ in _copies_lines(offline)] == [
        "archived copies not looked up: whether an archived copy exists is not known"]
    said = archive_check(offline.to_json(), [], False)
    assert said["result"] == "skip" and "were not looked up" in said["evidence"], said
    assert asked() == 1

    [resumed] = run([TARGET], settings, store)
    assert asked() == 1     # the source was not asked again: only the archive
    assert (resumed.record.status, resumed.archive_lookup) == ("deleted", "answered")
    [copy] = resumed.archived
    assert copy.record.text == "🌊 Water over the road on #Mill Lane this morning. https://t.co/Rd4Mill01"
    [again] = run([TARGET], settings, store, offline=True)
    assert ([c.record.text for c in again.archived], again.archive_lookup) == ([copy.record.text], "answered")


def test_left32_a_resumed_posts_archive_lookup_asked_by_two_articles_at_once_is_made_once(threaded_net, store):
    """The archive asked alone for a post whose run was stopped before its lookup (interrupts31), by two articles'
    fetches at the same moment (the run's concurrency): each made the lookup, and the post got each copy twice as
    an observation. Now it is under the run's one request per post (`InFlight`): the second waits for the first."""
    import asyncio
    import time

    from werkzeug.wrappers import Response

    from resolver.fetch import fetch_posts
    from resolver.options import FetchOptions
    from resolver.session import Mode, Session

    fakenet = threaded_net
    settings = stopped_before_the_archive(fakenet, store)
    real_cdx = fakenet.routes[("web.archive.org", "/cdx/search/cdx")][-1]

    def slow(request) -> Response:
        time.sleep(0.3)
        return real_cdx(request)
    fakenet.route("web.archive.org", "/cdx/search/cdx", slow)
    cdx = lambda: sum(1 for host, path in fakenet.hits if path.startswith("/cdx/"))  # noqa: E731
    before = cdx()

    async def two(session: Session):
        return await asyncio.gather(fetch_posts([TARGET], session=session, options=FetchOptions()),
                                    fetch_posts([TARGET], session=session, options=FetchOptions()))
    [first], [second] = Session(settings, store=store, mode=Mode()).run(two)
    assert first is second and first.archive_lookup == "answered" and len(first.archived) == 1
    assert cdx() - before == 1                    # one capture list, under the one URL looked under
    [again] = run([TARGET], settings, store, offline=True)
    assert again.archive_lookup == "answered" and len(again.archived) == 1
    row = store.post_row("twitter", ID)["id"]
    assert [o["method"] for o in store.observations(row)].count("wayback") == 1


def test_left31_a_resumed_posts_archive_lookup_leaves_its_status_dated_by_the_sources_answer(threaded_net, store):
    """The archive asked alone for a post whose run was stopped before its lookup (interrupts31): the copies are
    the archive's observations, at the lookup's time; the post's live status is still the source's answer, of
    its time. Before, recording the copies moved the post's "last observed" time to the lookup's, so its status
    looked fresher than the source's last answer (a TTL counted from it, a reader of `posts` took it so)."""
    import time

    from resolver.provenance import _post, as_of

    settings = stopped_before_the_archive(threaded_net, store)
    before = store.post_row("twitter", ID)
    [(answered_at,)] = store.conn.execute("SELECT fetched_at FROM fetches WHERE purpose = 'syndication'").fetchall()
    assert before["last_observed_at"] >= answered_at
    time.sleep(0.01)   # the lookup comes later, at a time of its own

    [resumed] = run([TARGET], settings, store)
    assert resumed.archive_lookup == "answered" and resumed.archived
    after = store.post_row("twitter", ID)
    assert after["last_observed_at"] == before["last_observed_at"]
    assert (after["status"], after["method"]) == ("deleted", before["method"])
    seen = dict(store.conn.execute("SELECT method, max(observed_at) FROM post_observations WHERE post_row = ? "
                                   "GROUP BY method", [after["id"]]).fetchall())
    assert seen["syndication"] == before["last_observed_at"] < seen["wayback"]
    [offline] = run([TARGET], settings, store, offline=True)
    assert as_of(_post(offline, store)) == answered_at   # the report's "(as of …)": the source's answer


def test_fixnu32a_a_lookup_stopped_between_its_lists_is_not_answered_and_the_resumed_run_finishes_it(
        threaded_net, store):
    """A deleted post whose only capture (a login wall: no words of the post) is listed under twitter.com, read,
    and the run stopped (Ctrl-C) while the next list (x.com) was asked: the source's answer is kept with the
    capture's fetch row, but not the capture's reading, and the lists after it were never asked. The resumed run
    took the cached post for a finished lookup: "answered", no copy, the later lists never asked, and offline the
    lookup read "answered" (newuser32 #1). Now a lookup is answered only when every list it goes through and every
    capture they list that gave a copy are recorded; an unfinished one is redone."""
    import threading

    from werkzeug.wrappers import Response

    from resolver.fetch import fetch_posts
    from resolver.options import FetchOptions
    from resolver.session import Mode, Session
    from tests.test_kept_answers import cancelled_once

    fakenet = threaded_net
    wall = capture("login_wall_react.html")
    settings = world(fakenet, [wall], retries=0, timeout=60, deadline=60)
    release, held = threading.Event(), threading.Event()
    real_cdx = fakenet.routes[("web.archive.org", "/cdx/search/cdx")][0]
    lists: list[str] = []

    def held_on_x(request) -> Response:
        lists.append(request.args["url"])
        if request.args["url"].startswith("x.com/") and not release.is_set():
            held.set()
            release.wait(60)
        return real_cdx(request)
    fakenet.route("web.archive.org", "/cdx/search/cdx", held_on_x)
    stopped = cancelled_once(lambda session: fetch_posts([TARGET], session=session, options=FetchOptions()),
                             lambda session: held.is_set(), "the x.com list was never asked")
    try:
        Session(settings, store=store, mode=Mode()).run(stopped)
    finally:
        release.set()
    row = store.post_row("twitter", ID)
    [read] = store.conn.execute("SELECT id FROM fetches WHERE purpose = 'wayback-capture' AND status = 200").fetchall()
    assert row["status"] == "deleted"
    assert [o["method"] for o in store.observations(row["id"])] == ["syndication"]   # the reading was lost

    [offline] = run([TARGET], settings, store, offline=True)
    assert (offline.record.status, offline.archived) == ("deleted", ())
    assert offline.archive_lookup != "answered", offline.archive_lookup

    asked = len(lists)
    [resumed] = run([TARGET], settings, store)
    assert any(query.startswith("mobile.twitter.com/") for query in lists[asked:]), lists   # the lists not asked
    assert resumed.archive_lookup == "answered"
    [copy] = resumed.archived
    assert (copy.record.method, copy.says_something) == ("wayback", False)
    assert [o["method"] for o in store.observations(row["id"])] == ["syndication", "wayback"]
    [again] = run([TARGET], settings, store, offline=True)
    assert (len(again.archived), again.archive_lookup) == (1, "answered")


def test_review32r3_a_finished_lookup_is_one_whatever_the_case_its_handle_is_linked_in(fakenet, store):
    """review32r3: the Wayback Machine reads a URL in any case (its urlkey is lower case), so a gone post's lookup
    under /river_desk/ is its lookup under /River_Desk/. fixnu32a reads a lookup as finished only when every list it
    goes through has a row, matched by the list URL's exact text: the same post linked by another article as
    /River_Desk/ read "not looked up" offline (whether a copy exists "not known"), and each online run linking it so
    asked the archive's four lists again. A list is now found under any case, as the archive reads it."""
    settings = world(fakenet, [])
    fakenet.route("web.archive.org", f"/web/20210503091500id_/{PAGE}", json_page({"error": "not archived"}, 404))
    [post] = run([TARGET], settings, store)
    assert (post.record.status, post.archive_lookup, post.archived) == ("deleted", "answered", ())
    recased = Target("twitter", ID, f"https://twitter.com/River_Desk/status/{ID}")
    [offline] = run([recased], settings, store, offline=True)
    assert (offline.archive_lookup, offline.archived) == ("answered", ())
    hits = len(fakenet.hits)
    [online] = run([recased], settings, store)
    assert (online.archive_lookup, fakenet.hits[hits:]) == ("answered", [])


def test_newuser33_a_capture_listed_under_two_url_forms_is_fetched_once(fakenet, store):
    """newuser33 #9: a gone post's login-wall capture (no copy: the lookup goes on to every form) was listed under
    its page and under its oEmbed form (as newuser33's Wayback lists it); it was fetched once per listing, twice in
    one run, both copies into the WARC and the post's sources. One fetch per capture per run."""
    from werkzeug.wrappers import Request, Response

    wall = capture("login_wall_react.html")
    settings = world(fakenet, [wall])
    plain = fakenet.routes[("web.archive.org", "/cdx/search/cdx")][0]

    def cdx(request: Request) -> Response:   # the oEmbed form lists the page's capture too
        asked = request.args.get("url", "")
        if asked.startswith("publish.twitter.com/oembed?url=https://"):
            args = request.args.copy()
            args["url"] = asked.removeprefix("publish.twitter.com/oembed?url=https://")
            request = Request.from_values(query_string=args)
        return plain(request)

    fakenet.route("web.archive.org", "/cdx/search/cdx", cdx)
    [post] = run([TARGET], settings, store)
    memento = f"/web/{wall.timestamp}id_/{wall.original}"
    assert fakenet.hits.count(("web.archive.org", memento)) == 1
    assert [r["url"] for r in store.db["fetches"].rows if r["purpose"] == "wayback-capture"] == [
        f"https://web.archive.org{memento}"]
    assert len(post.archived) == 1 and post.archive_lookup == "answered"
    [again] = run([TARGET], settings, store, offline=True)   # read back from the cache alike
    assert [c.to_json() for c in again.archived] == [c.to_json() for c in post.archived]


def test_newuser37_an_x_era_capture_titled_name_on_x_is_read(fakenet, store):
    """A capture titled 'Name on X: "text" / X' (og:title "Name on X"), the X era's browser title, was read as no
    post's page: the deleted post's archived words were never compared with the article's (newuser37 §8)."""
    settings = world(fakenet, [capture("x_era_browser_title.html", "20240516130000")])
    [post] = run([TARGET], settings, store)
    [copy] = post.archived
    assert (copy.record.status, copy.record.text, copy.record.author_name) == (
        "available", "Water over the road on Mill Lane this morning.", "River Desk")


def test_newuser37_a_capture_answered_without_memento_datetime_is_read_and_said_so(fakenet, store):
    """A 200 answer to a raw capture's URL with no Memento-Datetime header (a replay origin that sends none) was
    dropped as "not this capture": fetched, logged, and the report said "not read" (newuser37 §8). It is the
    capture asked for: read, with a note; a 404 without the header stays Wayback's "not archived" page."""
    from tests.fakenet import page

    found = capture("classic_permalink_reply_with_ancestor.html")
    settings = world(fakenet, [found])
    fakenet.route("web.archive.org", f"/web/{found.timestamp}id_/{found.original}", page(found.body))
    [post] = run([TARGET], settings, store)
    [copy] = post.archived
    assert copy.record.text.startswith("🌊 Water over the road") and copy.form == "classic-permalink"
    assert "the answer carried no Memento-Datetime header (Wayback sends one with each capture)" in copy.notes


def test_newuser37_a_capture_no_reader_knows_says_why_it_holds_no_copy(fakenet, store):
    """A fetched capture that is no tweet page the readers know says so and why, not "a page shell"."""
    from resolver.provenance import archived_copy_check

    odd = Capture("20210503091500", PAGE, b"<html><head><title>Mill Lane news</title></head><body><p>Water over the "
                                          b"road.</p></body></html>")
    settings = world(fakenet, [odd])
    [post] = run([TARGET], settings, store)
    [copy] = post.archived
    assert copy.record.status == "unknown"
    assert copy.record.reason == ("fetched, but its page is not a tweet page we can read: no post's markup (classic, "
                                  "mobile or React) and no post's title or og: tags (its title: “Mill Lane news”)")
    checked = archived_copy_check(post.to_json())
    assert checked["result"] == "warn" and copy.record.reason in checked["evidence"], checked


def test_review37e_a_capture_read_without_memento_datetime_keeps_its_note_offline(fakenet, store):
    """The note that a capture's answer carried no Memento-Datetime header was said by the run that fetched it only:
    an offline run, a report from the cache and --reparse rebuild the copy from the kept fetch row
    (`copy_from_fetch`) and dropped it, so the same capture read as one Wayback had vouched for (review37e)."""
    from tests.fakenet import page

    found = capture("classic_permalink_reply_with_ancestor.html")
    settings = world(fakenet, [found])
    fakenet.route("web.archive.org", f"/web/{found.timestamp}id_/{found.original}", page(found.body))
    [online] = run([TARGET], settings, store)
    [offline] = run([TARGET], settings, store, offline=True)
    assert [c.to_json() for c in offline.archived] == [c.to_json() for c in online.archived]
    [copy] = offline.archived
    assert "the answer carried no Memento-Datetime header (Wayback sends one with each capture)" in copy.notes
