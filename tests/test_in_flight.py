"""One request per post and per link in a run (#13, interrupts31): two articles naming one post, or carrying one
link, at the same moment (the run's concurrency) each asked for it; the second asker now waits for the first one's
answer. Against a threaded loopback server that answers slowly and counts what it is asked."""

from __future__ import annotations

import asyncio
import threading
import time

from werkzeug.wrappers import Response

from resolver.fetch import Target, fetch_posts
from resolver.options import FetchOptions
from resolver.resolve import resolve_many
from resolver.session import Mode, Session
from tests.test_fetch import by_id, json_page, settings_for
from tests.test_kept_answers import IDS, tweet
from tests.test_warm_run import threaded_net  # noqa: F401 - a fixture: the slow answers are served side by side

POST = Target("twitter", IDS[0], f"https://twitter.com/RivertonRoads/status/{IDS[0]}")


def slowly(handler, arrived: threading.Event | None = None):
    def answer(request) -> Response:
        if arrived is not None:
            arrived.set()
        time.sleep(0.3)
        return handler(request)
    return answer


def asked(fakenet, host: str) -> int:
    return sum(1 for h, _ in fakenet.hits if h == host)


def test_two_articles_naming_one_post_at_once_ask_for_it_once(threaded_net, store):
    fakenet = threaded_net
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({IDS[0]: [slowly(json_page(tweet(IDS[0])))]}))
    settings = settings_for(fakenet, x_methods=("syndication",))
    options = FetchOptions(media=False)

    async def two(session: Session):
        return await asyncio.gather(fetch_posts([POST], session=session, options=options),
                                    fetch_posts([POST, POST], session=session, options=options))
    first, second = Session(settings, store=store, mode=Mode()).run(two)
    assert asked(fakenet, "cdn.syndication.twimg.com") == 1
    assert [p.record.status for p in first + second] == ["available"] * 3
    assert first[0] is second[0] is second[1]
    assert len(store.observations(store.post_row("twitter", IDS[0])["id"])) == 1


def test_a_post_whose_first_asker_was_stopped_is_asked_by_the_second(threaded_net, store):
    fakenet = threaded_net
    arrived = threading.Event()
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result",
                  by_id({IDS[0]: [slowly(json_page(tweet(IDS[0])), arrived)]}))
    settings = settings_for(fakenet, x_methods=("syndication",))
    options = FetchOptions(media=False)

    async def stopped_then_other(session: Session):
        first = asyncio.create_task(fetch_posts([POST], session=session, options=options))
        while not arrived.is_set():
            await asyncio.sleep(0.01)
        second = asyncio.create_task(fetch_posts([POST], session=session, options=options))
        await asyncio.sleep(0.01)
        first.cancel()
        return await second
    [post] = Session(settings, store=store, mode=Mode()).run(stopped_then_other)
    assert post.record.status == "available"


def test_two_articles_carrying_one_link_at_once_follow_it_once(threaded_net, store):
    from tests.fakenet import redirect

    fakenet = threaded_net
    end = "https://twitter.com/RivertonRoads/status/1600000000000000001/photo/1"
    fakenet.route("t.co", "/Ab12Cd34Ef", slowly(redirect(end)))
    settings = fakenet.settings(hosts=["t.co"])
    link = "https://t.co/Ab12Cd34Ef"

    async def two(session: Session):
        return await asyncio.gather(resolve_many([link], session=session), resolve_many([link, link], session=session))
    first, second = Session(settings, store=store, mode=Mode()).run(two)
    assert asked(fakenet, "t.co") == 1
    assert {r.final_url for r in first + second} == {end}
    assert first[0].resolution_id == second[0].resolution_id is not None


def test_a_chain_cut_part_way_goes_on_from_its_last_recorded_redirect(threaded_net, store):
    """A link's chain stopped (Ctrl-C) while its third hop was asked: the two redirects answered were written alone
    (newuser30 #8). The resumed run went back to the start; now it goes on from where the last recorded redirect
    pointed, and its hops say which were read again from the earlier run's rows (`kept`). --refresh asks all."""
    from resolver.resolve import resolve
    from tests.fakenet import redirect
    from tests.test_kept_answers import cancelled_once

    fakenet = threaded_net
    end = "https://twitter.com/RivertonRoads/status/1600000000000000001"
    release, held = threading.Event(), threading.Event()

    def slow(request) -> Response:
        held.set()
        release.wait(60)
        return redirect(end)(request)
    fakenet.route("t.co", "/Ab12Cd34Ef", redirect("https://bit.ly/step2"))
    fakenet.route("bit.ly", "/step2", redirect("https://tinyurl.com/step3"))
    fakenet.route("tinyurl.com", "/step3", slow, redirect(end))
    settings = fakenet.settings(hosts=["t.co", "bit.ly", "tinyurl.com"], timeout=60, deadline=60)
    link = "https://t.co/Ab12Cd34Ef"
    stopped = cancelled_once(lambda session: resolve(link, session=session), lambda session: held.is_set(),
                             "the third hop was never asked")
    try:
        Session(settings, store=store, mode=Mode()).run(stopped)
    finally:
        release.set()
    kept = {r["url"]: r["id"] for r in store.db["fetches"].rows if r["purpose"] == "resolve"}
    assert list(kept) == [link, "https://bit.ly/step2"]

    resumed = Session(settings, store=store, mode=Mode()).run(lambda s: resolve(link, session=s))
    assert [asked(fakenet, h) for h in ("t.co", "bit.ly", "tinyurl.com")] == [1, 1, 2]
    assert resumed.final_url == end and resumed.error is None
    assert [(h.url, h.fetch_id == kept.get(h.url), h.kept) for h in resumed.hops] == [
        (link, True, True), ("https://bit.ly/step2", True, True), ("https://tinyurl.com/step3", False, False)]
    assert [h["kept"] for h in resumed.to_json()["hops"]] == [True, True, False]

    again = Session(settings, store=store, mode=Mode(refresh=True)).run(lambda s: resolve(link, session=s))
    assert [asked(fakenet, h) for h in ("t.co", "bit.ly", "tinyurl.com")] == [2, 2, 3]
    assert not any(h.kept for h in again.hops)


def test_a_refresh_run_asks_once_for_a_post_and_a_link_articles_ask_one_after_another(threaded_net, store):
    """--refresh: nothing from before the run, but what the run got is reused (newuser32c #5: a post embedded by
    three articles was asked three times, and observed three times, by one refresh run)."""
    from tests.fakenet import redirect

    fakenet = threaded_net
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({IDS[0]: [json_page(tweet(IDS[0]))]}))
    fakenet.route("t.co", "/Ab12Cd34Ef", redirect(POST.url))
    settings = settings_for(fakenet, x_methods=("syndication",))
    options = FetchOptions(media=False)
    link = "https://t.co/Ab12Cd34Ef"

    async def three_articles(session: Session):
        return [(await fetch_posts([POST], session=session, options=options),
                 await resolve_many([link], session=session)) for _ in range(3)]
    Session(settings, store=store, mode=Mode()).run(three_articles)   # last week's run
    assert (asked(fakenet, "cdn.syndication.twimg.com"), asked(fakenet, "t.co")) == (1, 1)
    answers = Session(settings, store=store, mode=Mode(refresh=True)).run(three_articles)
    assert (asked(fakenet, "cdn.syndication.twimg.com"), asked(fakenet, "t.co")) == (2, 2)   # again, once
    assert [posts[0].record.status for posts, _ in answers] == ["available"] * 3
    assert [links[0].final_url for _, links in answers] == [POST.url] * 3
    assert len(store.observations(store.post_row("twitter", IDS[0])["id"])) == 2   # one a run


def test_a_link_another_article_followed_after_this_one_asked_the_cache_is_not_followed_again(threaded_net, store):
    """The cache is asked about an article's links at once, then they are followed one at a time: a link another
    article's step followed to its end meanwhile (no longer in flight, now in the cache) was followed again
    (newuser32c #5, seen as a flaky second t.co request in one run)."""
    from tests.fakenet import redirect

    fakenet = threaded_net
    end = "https://twitter.com/RivertonRoads/status/1600000000000000001"
    fakenet.route("t.co", "/Ab12Cd34Ef", slowly(redirect(end)))
    fakenet.route("bit.ly", "/other", slowly(redirect(end)))
    settings = fakenet.settings(hosts=["t.co", "bit.ly"], concurrency=1)
    link = "https://t.co/Ab12Cd34Ef"

    async def two(session: Session):
        return await asyncio.gather(resolve_many([link], session=session),
                                    resolve_many(["https://bit.ly/other", link], session=session))
    first, second = Session(settings, store=store, mode=Mode()).run(two)
    assert asked(fakenet, "t.co") == 1
    assert first[0].resolution_id == second[1].resolution_id is not None


def test_runs33_a_hop_two_links_lead_through_is_asked_once_a_run_at_once_or_one_after_the_other(threaded_net, store):
    """A t.co link to pic.twitter.com/X, and pic.twitter.com/X linked itself (in the same article or another): the
    hop was asked once per link, at once (each link in flight on its own) or one after the other (a hop is no link
    the cache is asked about). One request per hop a run: both resolutions cite the one fetch-log row."""
    from tests.fakenet import redirect

    fakenet = threaded_net
    photo = "https://twitter.com/RivertonRoads/status/1600000000000000001/photo/1"
    fakenet.route("t.co", "/Ab12Cd34Ef", slowly(redirect("https://pic.twitter.com/Zz98Yy76Xx")))
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", slowly(redirect(photo)))
    fakenet.route("t.co", "/Gh56Ij78Kl", redirect("https://pic.twitter.com/Mn90Op12Qr"))
    fakenet.route("pic.twitter.com", "/Mn90Op12Qr", redirect(photo))
    settings = fakenet.settings(hosts=["t.co", "pic.twitter.com"])

    async def both(session: Session):   # at once: the article's two links, and another article's, side by side
        return await asyncio.gather(resolve_many(["https://t.co/Ab12Cd34Ef"], session=session),
                                    resolve_many(["https://pic.twitter.com/Zz98Yy76Xx"], session=session))

    async def in_turn(session: Session):   # one article after the other
        first = await resolve_many(["https://t.co/Gh56Ij78Kl"], session=session)
        return first, await resolve_many(["https://pic.twitter.com/Mn90Op12Qr"], session=session)
    for job, hop in ((both, "https://pic.twitter.com/Zz98Yy76Xx"), (in_turn, "https://pic.twitter.com/Mn90Op12Qr")):
        [through], [direct] = Session(settings, store=store, mode=Mode()).run(job)
        assert through.error is None and direct.error is None and through.post == direct.post
        assert [h.url for h in through.hops][1:] == [h.url for h in direct.hops] == [hop]
        assert through.hops[1].fetch_id == direct.hops[0].fetch_id is not None
        assert len(store.fetches_for(hop)) == 1
    assert fakenet.hits.count(("pic.twitter.com", "/Zz98Yy76Xx")) == 1
    assert fakenet.hits.count(("pic.twitter.com", "/Mn90Op12Qr")) == 1


def test_review33r3_a_hop_that_answered_a_passing_failure_is_asked_again_by_the_next_run(fakenet, store):
    """A hop kept for the run (runs33) kept a 503 or a 429 too, and a kept 429's "asked to wait until" was read again
    from its Retry-After at that later moment, a time the server never gave (review33r3). archive35: a hop's passing
    failure is the run's answer for every link through it (one attempt a hop a run, as runs34 made it for a link),
    said as "failed earlier in this run" with no wait made up; the next run asks again."""
    from tests.fakenet import page, redirect

    photo = "https://twitter.com/RivertonRoads/status/1600000000000000001/photo/1"
    fakenet.route("t.co", "/Ab12Cd34Ef", redirect("https://pic.twitter.com/Zz98Yy76Xx"))
    fakenet.route("t.co", "/Gh56Ij78Kl", redirect("https://pic.twitter.com/Zz98Yy76Xx"))
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", page("busy", status=503), redirect(photo))
    settings = fakenet.settings(hosts=["t.co", "pic.twitter.com"], retries=0)

    async def in_turn(session: Session):   # four articles one after the other, in one run
        return [(await resolve_many([link], session=session))[0] for link in
                ("https://t.co/Ab12Cd34Ef", "https://pic.twitter.com/Zz98Yy76Xx", "https://t.co/Gh56Ij78Kl",
                 "https://t.co/Ab12Cd34Ef")]
    first, second, third, fourth = Session(settings, store=store, mode=Mode()).run(in_turn)
    assert first.error == "http-503: https://pic.twitter.com/Zz98Yy76Xx answered 503"
    earlier = "http-503: failed earlier in this run: https://pic.twitter.com/Zz98Yy76Xx answered 503"
    assert (second.error, third.error, fourth.error) == (earlier, earlier, earlier)
    assert fakenet.hits.count(("pic.twitter.com", "/Zz98Yy76Xx")) == 1
    # recorded once: every link through it cites the one request's row
    assert third.hops[-1].fetch_id == first.hops[-1].fetch_id is not None
    again = Session(settings, store=store, mode=Mode()).run(lambda s: resolve_many(["https://t.co/Gh56Ij78Kl"], session=s))
    assert again[0].error is None and again[0].final_url == photo
    assert fakenet.hits.count(("pic.twitter.com", "/Zz98Yy76Xx")) == 2


def test_archive35_a_hops_429_is_said_to_later_links_of_the_run_without_a_wait_made_up(fakenet, store):
    """A 429 whose Retry-After asked the first link to wait: the links through it later in the run say it failed
    earlier in this run, and no "asked to wait until" read again from the Retry-After at their own moment."""
    from tests.fakenet import page, redirect

    fakenet.route("t.co", "/Ab12Cd34Ef", redirect("https://pic.twitter.com/Zz98Yy76Xx"))
    fakenet.route("t.co", "/Gh56Ij78Kl", redirect("https://pic.twitter.com/Zz98Yy76Xx"))
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", page("busy", status=429, **{"Retry-After": "3600"}))
    settings = fakenet.settings(hosts=["t.co", "pic.twitter.com"], retries=0)

    async def in_turn(session: Session):
        return [(await resolve_many([link], session=session))[0]
                for link in ("https://t.co/Ab12Cd34Ef", "https://t.co/Gh56Ij78Kl")]
    first, second = Session(settings, store=store, mode=Mode()).run(in_turn)
    assert first.error is not None and first.error.startswith("http-429:") and "asked to wait until" in first.error
    assert second.error == "http-429: failed earlier in this run: https://pic.twitter.com/Zz98Yy76Xx answered 429"
    assert fakenet.hits.count(("pic.twitter.com", "/Zz98Yy76Xx")) == 1


def _archive_net(fakenet):
    """A slow Wayback (no capture of anything) and syndication answering the post, on a threaded loopback server."""
    from tests.waybacknet import serve

    serve(fakenet, [])
    for host, path in (("web.archive.org", "/cdx/search/cdx"), ("archive.org", "/wayback/available")):
        fakenet.routes[(host, path)] = [slowly(fakenet.routes[(host, path)][0])]
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({IDS[0]: [slowly(json_page(tweet(IDS[0])))]}))


def test_newuser34_articles_looking_up_one_url_at_once_ask_the_archive_once_per_query(threaded_net, store):
    """Articles citing one post each looked it up on the archive, side by side (newuser34 #5: 8 CDX requests for one
    post over 17 drafts, 19 of 19.7 s spent waiting on the archive's rate limit). One CDX query and one availability
    query per form (near a date, or not) a run; each lookup says what the one answer said."""
    from resolver.archive import ArchiveOptions, archive_urls

    fakenet = threaded_net
    _archive_net(fakenet)
    settings = fakenet.settings(hosts=["web.archive.org", "archive.org"])
    options = ArchiveOptions(save=False, live_copy=False)

    async def four(session: Session):
        return await asyncio.gather(*(archive_urls([POST.url], session=session, options=options, near=near)
                                      for near in ({POST.url: "20210503"}, {}, {POST.url: "20210503"}, {})))
    found = [one for [one] in Session(settings, store=store, mode=Mode()).run(four)]
    cdx = [p for h, p in fakenet.hits if h == "web.archive.org" and p.startswith("/cdx/")]
    available = sorted(p for h, p in fakenet.hits if h == "archive.org")
    assert len(cdx) == 1, cdx
    assert len(available) == 2 and len(set(available)) == 2, available   # one per query form
    assert all(f.lookup.error is None and f.lookup.snapshots == () for f in found)


def test_newuser34_a_run_of_articles_citing_one_post_asks_the_archive_once_and_each_report_cites_it(
        threaded_net, tmp_path, monkeypatch):
    """`report` over a folder of articles citing one post: one CDX lookup, one availability lookup per query form and
    one syndication request a run, and every article's report cites the lookup its archive line rests on."""
    import json

    from tests.test_verdicts import HOSTS, cli_on_fakenet

    fakenet = threaded_net
    _archive_net(fakenet)
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for n in range(5):
        dated = n % 2 == 0   # an embed's signature dates it (availability asked near that day); a bare link does not
        body = (f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Bridge closed.</p>&mdash; Riverton Roads '
                f'(@RivertonRoads) <a href="{POST.url}">May 3, 2021</a></blockquote>' if dated
                else f'<p>Riverton Roads <a href="{POST.url}">posted</a> about the bridge.</p>')
        (drafts / f"d{n}.html").write_text(f"<html><body><p>Draft {n}.</p>{body}</body></html>")
    code, _ = run("report", "--format", "json", "-o", str(tmp_path / "out"), str(drafts))
    assert code == 0
    cdx = [p for h, p in fakenet.hits if h == "web.archive.org" and p.startswith("/cdx/")]
    available = [p for h, p in fakenet.hits if h == "archive.org"]
    assert len(cdx) == 1, cdx
    assert len(available) == len(set(available)) == 2, available
    assert asked(fakenet, "cdn.syndication.twimg.com") == 1
    from cache import Store

    with Store(tmp_path / "c.db") as cache:
        [cdx_row] = [r for r in cache.db["fetches"].rows if r["purpose"] == "wayback-cdx"]
    reports = [json.loads(p.read_text()) for p in sorted((tmp_path / "out").glob("d*.json"))]
    assert len(reports) == 5
    for report in reports:
        [embed] = report["embeds"]
        assert cdx_row["id"] in {lookup["fetch_id"] for lookup in embed["archive_lookups"]}, embed["archive_lookups"]


def test_newuser34_two_articles_linking_one_post_under_two_handles_at_once_ask_for_it_once(threaded_net, store):
    """One draft links the post under its author's handle, another under the wrong one (X answers either): the
    `tweet-result` of the one id was asked twice in one run (newuser34 #5), as the cache answers by id one after the
    other. Both get the one answer; each still says the author its source names."""
    fakenet = threaded_net
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({IDS[0]: [slowly(json_page(tweet(IDS[0])))]}))
    settings = settings_for(fakenet, x_methods=("syndication",))
    options = FetchOptions(media=False)
    wrong = Target("twitter", IDS[0], f"https://twitter.com/OtherDesk/status/{IDS[0]}")

    async def two(session: Session):
        return await asyncio.gather(fetch_posts([POST], session=session, options=options),
                                    fetch_posts([wrong], session=session, options=options))
    [first], [second] = Session(settings, store=store, mode=Mode()).run(two)
    assert asked(fakenet, "cdn.syndication.twimg.com") == 1
    assert first.record.status == second.record.status == "available"
    assert first.author == second.author == "RivertonRoads"
    assert len(store.observations(store.post_row("twitter", IDS[0])["id"])) == 1


def test_runs34_a_link_that_failed_for_a_passing_reason_is_not_followed_again_by_later_articles_of_the_run(
        fakenet, store):
    """A link whose chain ended in a 503 (or a timeout) was followed again by each later article of the same run
    naming it (`_passing` sent every online run back to the network): a run of thousands of articles hammered a
    failing host once an article. One attempt per link a run: later articles take the run's failure, said as such,
    and a later run tries again."""
    from tests.fakenet import page, redirect

    photo = "https://twitter.com/RivertonRoads/status/1600000000000000001/photo/1"
    fakenet.route("t.co", "/Ab12Cd34Ef", page("busy", status=503), redirect(photo))
    settings = fakenet.settings(hosts=["t.co"], retries=0)

    async def three_articles(session: Session):
        return [(await resolve_many(["https://t.co/Ab12Cd34Ef"], session=session))[0] for _ in range(3)]
    first, second, third = Session(settings, store=store, mode=Mode()).run(three_articles)
    assert first.error == "http-503: https://t.co/Ab12Cd34Ef answered 503" and not first.from_cache
    for later in (second, third):
        assert later.error == "http-503: failed earlier in this run: https://t.co/Ab12Cd34Ef answered 503"
        assert later.from_cache and later.resolution_id == first.resolution_id
    assert fakenet.hits.count(("t.co", "/Ab12Cd34Ef")) == 1
    # the next run tries again, and its answer is the link's
    [again] = Session(settings, store=store, mode=Mode()).run(
        lambda session: resolve_many(["https://t.co/Ab12Cd34Ef"], session=session))
    assert again.error is None and again.final_url == photo and not again.from_cache
    assert fakenet.hits.count(("t.co", "/Ab12Cd34Ef")) == 2


def test_runs34_a_link_joining_a_hop_in_flight_keeps_its_own_deadline(threaded_net, store):
    """Two links through one hop, the second joining while the first one's request is in flight: when the first
    link's `link_deadline` cut that request, the second took its timeout, "no complete answer within the link's 3s
    deadline", though its own deadline had time left (review33r3). A link cut by another link's deadline asks for
    itself within its own."""
    from tests.fakenet import redirect

    fakenet = threaded_net
    photo = "https://twitter.com/RivertonRoads/status/1600000000000000001/photo/1"

    def late(request):
        time.sleep(4.5)   # past the first link's deadline
        return redirect(photo)(request)
    fakenet.route("t.co", "/Ab12Cd34Ef", redirect("https://pic.twitter.com/Zz98Yy76Xx"))
    fakenet.route("t.co", "/Gh56Ij78Kl", redirect("https://pic.twitter.com/Zz98Yy76Xx"))
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", late, redirect(photo))
    settings = fakenet.settings(hosts=["t.co", "pic.twitter.com"], retries=0, link_deadline=3.0, timeout=10,
                                deadline=10)

    async def second_later(session: Session):
        async def later():
            await asyncio.sleep(1.5)   # joins the hop in flight, its own deadline 1.5 s after the first one's
            return await resolve_many(["https://t.co/Gh56Ij78Kl"], session=session)
        return await asyncio.gather(resolve_many(["https://t.co/Ab12Cd34Ef"], session=session), later())
    [first], [second] = Session(settings, store=store, mode=Mode()).run(second_later)
    assert first.error is not None and first.error.startswith("timeout: no complete answer within the link's 3s")
    assert second.error is None and second.final_url == photo
    assert [h.status for h in second.hops] == [301, 301]
    assert fakenet.hits.count(("pic.twitter.com", "/Zz98Yy76Xx")) == 2


def test_review35r4_a_hops_failure_whose_retry_one_links_deadline_cut_is_asked_again_by_another_link(fakenet, store):
    """A hop answered a 503 with Retry-After: 2 to a link with about a second of its deadline left: that link
    made no retry (it would have started past its deadline), and the 503 was kept for the run (archive35), so a later
    link through the hop, with its whole deadline and time to retry, was told "failed earlier in this run" though its
    own attempt would have waited the two seconds and got the photo. A failure whose retry a link's deadline cut is that
    link's alone: the next link asks for itself."""
    from tests.fakenet import page, redirect

    photo = "https://twitter.com/RivertonRoads/status/1600000000000000001/photo/1"

    def slow(request):
        time.sleep(2.0)   # most of the first link's 3 s deadline
        return redirect("https://pic.twitter.com/Zz98Yy76Xx")(request)
    fakenet.route("t.co", "/Ab12Cd34Ef", slow)
    fakenet.route("t.co", "/Gh56Ij78Kl", redirect("https://pic.twitter.com/Zz98Yy76Xx"))
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", page("busy", status=503, **{"Retry-After": "2"}),
                  redirect(photo))
    settings = fakenet.settings(hosts=["t.co", "pic.twitter.com"], retries=1, link_deadline=3.0, timeout=10,
                                deadline=10, retry_max_wait=5)

    async def in_turn(session: Session):
        return [(await resolve_many([link], session=session))[0]
                for link in ("https://t.co/Ab12Cd34Ef", "https://t.co/Gh56Ij78Kl")]
    first, second = Session(settings, store=store, mode=Mode()).run(in_turn)
    assert first.error is not None and first.error.startswith("http-503: https://pic.twitter.com/Zz98Yy76Xx answered")
    assert second.error is None and second.final_url == photo
    assert fakenet.hits.count(("pic.twitter.com", "/Zz98Yy76Xx")) == 2


def _photo_net(fakenet):
    """Syndication answering the post with one photo at once, and the photo's server holding its first answer until
    `release` is set (`arrived` says the request came); later requests are answered at once. Returns the two events."""
    from tests import xfixtures as fx
    from tests.fakenet import page

    arrived, release = threading.Event(), threading.Event()
    one_photo = fx.SYNDICATION_TWEET | {"mediaDetails": fx.SYNDICATION_TWEET["mediaDetails"][:1]}
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(one_photo)]}))
    photo = page(fx.jpeg(), content_type="image/jpeg")

    def held(request) -> Response:
        arrived.set()
        release.wait(30)
        return photo(request)
    fakenet.route("pbs.twimg.com", "/media/FjRivertonBridge.jpg", held, photo)
    return arrived, release


def _photo_asked(fakenet) -> int:
    return fakenet.hits.count(("pbs.twimg.com", "/media/FjRivertonBridge.jpg"))


def _second_while_first_downloads(first, second, arrived: threading.Event, release: threading.Event):
    """A job: `first` started, `second` started once the photo's server holds first's download, the server released
    only after second's first step (it looks in the cache and decides, with no await before: its step is queued
    before the release is), then both answers."""
    async def job(session: Session):
        one = asyncio.create_task(first(session))
        if not await asyncio.to_thread(arrived.wait, 30):
            one.cancel()
            raise AssertionError("the photo was never asked for")
        two = asyncio.create_task(second(session))
        asyncio.get_running_loop().call_soon(release.set)
        try:
            return await one, await two
        finally:
            release.set()
    return job


def test_race42_an_article_finding_a_post_whose_photo_another_is_downloading_waits_for_it(threaded_net, store):
    """Article A holds the post's flight: it recorded the post, then downloads its photo. Article B, at that moment,
    found the post in the cache with no media row and took the repair meant for a run killed between the two (#12):
    the photo was downloaded twice in one run, and the later download retired the memos of articles already done
    (suite42b: test_memo's flake). B now waits for A's answer: one request, and both carry the photo's facts."""
    from tests import xfixtures as fx

    fakenet = threaded_net
    arrived, release = _photo_net(fakenet)
    settings = settings_for(fakenet, x_methods=("syndication",))
    options = FetchOptions(archived=False)
    post = Target("twitter", fx.POST_ID, f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}")

    def article(session: Session):
        return fetch_posts([post], session=session, options=options)
    [a], [b] = Session(settings, store=store, mode=Mode()).run(
        _second_while_first_downloads(article, article, arrived, release))
    assert asked(fakenet, "cdn.syndication.twimg.com") == 1
    assert _photo_asked(fakenet) == 1
    assert b is a   # A's answer, as the post's answer is shared when neither found it cached
    [photo] = a.media
    assert photo["mime"] == "image/jpeg" and len(photo["sha256"]) == 64
    assert len(list(store.db["media"].rows)) == 1


def test_race42_two_articles_repairing_a_killed_runs_post_at_once_download_its_photo_once(threaded_net, store):
    """A post recorded with no media row, as a run killed between the post and its media leaves it (#12): two
    articles of the next run naming it at once each took the repair and downloaded the photo. Now one download, whose
    facts both carry."""
    from tests import xfixtures as fx

    fakenet = threaded_net
    arrived, release = _photo_net(fakenet)
    settings = settings_for(fakenet, x_methods=("syndication",))
    post = Target("twitter", fx.POST_ID, f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}")
    Session(settings, store=store, mode=Mode()).run(
        lambda s: fetch_posts([post], session=s, options=FetchOptions(media=False, archived=False)))
    assert _photo_asked(fakenet) == 0 and store.post_row("twitter", fx.POST_ID) is not None
    options = FetchOptions(archived=False)

    def article(session: Session):
        return fetch_posts([post], session=session, options=options)
    [a], [b] = Session(settings, store=store, mode=Mode()).run(
        _second_while_first_downloads(article, article, arrived, release))
    assert asked(fakenet, "cdn.syndication.twimg.com") == 1   # the post itself: the cache's
    assert _photo_asked(fakenet) == 1
    for fetched in (a, b):
        [photo] = fetched.media
        assert photo["mime"] == "image/jpeg" and len(photo["sha256"]) == 64
    assert len(list(store.db["media"].rows)) == 1


def test_race42_two_articles_crediting_one_image_at_once_download_it_once(threaded_net, store):
    """The credited images of an article (`pipeline.fetch_for_article`) are downloaded by `media_file`: two articles
    crediting one image at the same moment each downloaded it. One request; both get its facts."""
    from resolver.fetch import media_file
    from tests import xfixtures as fx

    fakenet = threaded_net
    arrived, release = _photo_net(fakenet)
    settings = settings_for(fakenet)

    def article(session: Session):
        return media_file(fx.PHOTO_URL, session=session)
    first, second = Session(settings, store=store, mode=Mode()).run(
        _second_while_first_downloads(article, article, arrived, release))
    assert _photo_asked(fakenet) == 1
    assert first.sha256 == second.sha256 is not None and first.media_id == second.media_id is not None


def test_race42_a_post_whose_settling_ended_while_the_batch_repaired_another_is_not_asked_again(threaded_net, store):
    """review43c: article B's batch found post 1 in the cache while A settled it (A downloading its photo), left it
    for A's answer, then repaired post 2 (a killed run's, its photo unfetched). A ended while that download went on:
    post 1, no longer held, was taken as one of B's own to fetch, though it was in the cache: its source asked a
    second time in one run (#13), its observation recorded twice. It is the cache's now, as any answered post is."""
    import json

    from tests import xfixtures as fx
    from tests.fakenet import page

    fakenet = threaded_net
    other_id, other_photo = "1600000000000000077", "https://pbs.twimg.com/media/FjOtherBridge.jpg"
    one_photo = fx.SYNDICATION_TWEET | {"mediaDetails": fx.SYNDICATION_TWEET["mediaDetails"][:1]}
    other = json.loads(json.dumps(one_photo).replace(fx.POST_ID, other_id).replace(fx.PHOTO_URL, other_photo))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result",
                  by_id({fx.POST_ID: [json_page(one_photo)], other_id: [json_page(other)]}))
    photo = page(fx.jpeg(), content_type="image/jpeg")
    events = {name: (threading.Event(), threading.Event()) for name in ("first", "other")}

    def held(name: str):
        def answer(request) -> Response:
            arrived, release = events[name]
            arrived.set()
            release.wait(30)
            return photo(request)
        return answer
    fakenet.route("pbs.twimg.com", "/media/FjRivertonBridge.jpg", held("first"))
    fakenet.route("pbs.twimg.com", "/media/FjOtherBridge.jpg", held("other"))
    settings = settings_for(fakenet, x_methods=("syndication",))
    first = Target("twitter", fx.POST_ID, f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}")
    second = Target("twitter", other_id, f"https://twitter.com/RivertonRoads/status/{other_id}")
    Session(settings, store=store, mode=Mode()).run(   # a killed run's: post 2 recorded, its photo not fetched
        lambda s: fetch_posts([second], session=s, options=FetchOptions(media=False, archived=False)))
    options = FetchOptions(archived=False)

    async def job(session: Session):
        a = asyncio.create_task(fetch_posts([first], session=session, options=options))
        try:
            assert await asyncio.to_thread(events["first"][0].wait, 30), "A never asked for post 1's photo"
            b = asyncio.create_task(fetch_posts([first, second], session=session, options=options))
            assert await asyncio.to_thread(events["other"][0].wait, 30), "B never repaired post 2"
            events["first"][1].set()
            [one] = await a   # A ended: post 1's flight with it
            events["other"][1].set()
            return one, await b
        finally:
            for _, release in events.values():
                release.set()
    one, (b_first, b_second) = Session(settings, store=store, mode=Mode()).run(job)
    hits = [path for host, path in fakenet.hits if host == "cdn.syndication.twimg.com"]
    assert len(hits) == 2, hits   # post 2 by the killed run, post 1 by A: never again by B
    assert len(store.observations(store.post_row("twitter", fx.POST_ID)["id"])) == 1
    assert b_first.record.status == "available" and [m["mime"] for m in b_first.media] == ["image/jpeg"]
    assert [m["mime"] for m in b_second.media] == ["image/jpeg"]
    assert _photo_asked(fakenet) == 1
