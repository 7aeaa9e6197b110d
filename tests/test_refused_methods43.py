"""A post's answer made while `[origins] only_configured` refused one of its methods (newuser43b #1, #11): the answer
says which method was not asked, and it is kept only for runs that would refuse that method again. Before, a deleted
post (syndication: a tombstone; oEmbed: 404) asked with syndication unmapped was `not_found via oembed`, saying
nothing of syndication, and the next run, syndication mapped, said it again "(from cache)", asking nothing; a fresh
cache said `deleted`. Loopback servers in the services' formats; the refusing session's connect step fails the test
if called (tests/test_origins.py)."""

from werkzeug.wrappers import Response

from resolver.fetch import Target, fetch_posts, FetchOptions
from resolver.session import Mode
from tests import xfixtures as fx
from tests.test_fetch import by_id, json_page
from tests.test_origins import _refusing_session

GONE = Target("twitter", fx.GONE_ID, f"https://twitter.com/RivertonRoads/status/{fx.GONE_ID}")
OEMBED_ONLY = ["publish.twitter.com"]
BOTH = ["cdn.syndication.twimg.com", "publish.twitter.com"]
NOT_ASKED = "syndication not asked: its origin is not mapped in [origins]"


def _serve(fakenet):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.GONE_ID: [json_page(fx.TOMBSTONE_DELETED)]}))
    fakenet.route("publish.twitter.com", "/oembed", lambda r: Response("", status=404))


def _fetch(fakenet, store, hosts, *, offline=False, **settings):
    from resolver.session import Session

    config = fakenet.settings(hosts, retries=0, only_configured_origins=True, **settings)
    if offline:
        session = Session(config, store=store, mode=Mode(offline=True))
    else:
        session, _ = _refusing_session(config, store)
    before = len(fakenet.hits)
    [post] = session.run(lambda s: fetch_posts([GONE], session=s, options=FetchOptions(media=False, archived=False)))
    return post, [host for host, _ in fakenet.hits[before:]]


def test_an_answer_with_a_method_refused_says_so(fakenet, store):
    _serve(fakenet)
    post, asked = _fetch(fakenet, store, OEMBED_ONLY)
    assert asked == ["publish.twitter.com"]
    assert (post.record.status, post.record.method) == ("not_found", "oembed")
    assert NOT_ASKED in (post.record.reason or ""), post.record.reason
    assert post.record.reason.startswith("oEmbed answered 404"), post.record.reason
    # offline, the cached answer says it too
    cached, asked = _fetch(fakenet, store, OEMBED_ONLY, offline=True)
    assert cached.record.from_cache and NOT_ASKED in (cached.record.reason or "") and asked == []


def test_a_run_that_maps_the_refused_method_asks_again(fakenet, store):
    _serve(fakenet)
    _fetch(fakenet, store, OEMBED_ONLY)
    post, asked = _fetch(fakenet, store, BOTH)
    assert "cdn.syndication.twimg.com" in asked
    assert (post.record.status, post.record.method, post.record.from_cache) == ("deleted", "syndication", False)
    assert NOT_ASKED not in (post.record.reason or "")
    # that answer is then the cache's, for a run refusing syndication again too
    again, asked = _fetch(fakenet, store, OEMBED_ONLY)
    assert (again.record.status, again.record.from_cache, asked) == ("deleted", True, [])


def test_a_run_that_would_refuse_it_again_takes_the_cached_answer(fakenet, store):
    """The narrow rule: the answer is stale only for a run that would ask the method it lacked."""
    _serve(fakenet)
    _fetch(fakenet, store, OEMBED_ONLY)
    post, asked = _fetch(fakenet, store, OEMBED_ONLY)
    assert (post.record.status, post.record.from_cache, asked) == ("not_found", True, [])
    # syndication mapped, but not among the methods this run asks: not stale either
    post, asked = _fetch(fakenet, store, BOTH, x_methods=("oembed",))
    assert (post.record.status, post.record.from_cache, asked) == ("not_found", True, [])


def test_the_scan_table_says_the_method_not_asked(fakenet, store):
    """`scan --fetch` says it beside the status, and why once (as a refused photo is, newuser39b #6)."""
    from resolver.pipeline import ForEmbed, scan
    from resolver.report import scan_view

    _serve(fakenet)
    post, _ = _fetch(fakenet, store, OEMBED_ONLY)
    result = scan(f"Gone. {GONE.url}\n", kind="text").replaced(posts=(ForEmbed(0, post),))
    lines = [" ".join(text for text, _ in line) for line in scan_view(result) if isinstance(line, list)]
    assert f"  #1 twitter {fx.GONE_ID}: not_found (via oembed, syndication not asked)" in lines, lines
    [why] = [line for line in lines if NOT_ASKED in line]
    assert why.startswith("  #1 syndication not asked: ") and '"https://cdn.syndication.twimg.com"' in why
    assert not result.failed
