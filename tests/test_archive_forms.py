"""Archive lookups of a post under the URL's canonical form, and what they record (archive35, #4, #15): a post an
article spelt `mobile.twitter.com/…?s=20`, `x.com/…` or `twitter.com/i/web/status/<id>` was looked up in CDX under that
spelling alone, and its captures under its canonical URL were missed: a gone post said to have no capture."""

import json
import re

from resolver import archive
from resolver.session import Mode, Session
from tests import xfixtures as fx
from tests.test_archive import settings_for
from tests.test_verdicts import reporter  # noqa: F401  (the fixture)
from tests.waybacknet import Capture, serve

CANONICAL = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
SPELLINGS = [f"https://mobile.twitter.com/RivertonRoads/status/{fx.POST_ID}?s=20",
             f"https://x.com/rivertonroads/status/{fx.POST_ID}",
             f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}?s=20&t=Ab12Cd"]


def looked(settings, store, url: str, **mode: bool) -> archive.Lookup:
    return Session(settings, store=store, mode=Mode(**mode)).run(lambda s: archive.lookup(url, session=s))


def test_archive35_a_post_spelt_otherwise_is_looked_up_under_its_canonical_url(fakenet, store):
    serve(fakenet, [Capture("20221206060000", CANONICAL, b"<html>the post</html>"),
                    Capture("20230806060000", f"https://x.com/RivertonRoads/status/{fx.POST_ID}?s=20", b"<html>x</html>"),
                    Capture("20221207060000", f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}9", b"other")])
    settings = settings_for(fakenet)
    for url in [CANONICAL, *SPELLINGS]:
        found = looked(settings, store, url)
        assert found.error is None, (url, found.error)
        # the canonical page's capture always; the x.com one when the URL was written on x.com (its host is listed
        # too), never the capture of another id the prefix lists
        wanted = ["20221206060000", "20230806060000"] if "//x.com/" in url else ["20221206060000"]
        assert sorted(s.timestamp for s in found.snapshots) == wanted, url
        # what was asked is recorded: the queries name the canonical page (and its other hosts), never only the
        # spelling given
        assert f"twitter.com/rivertonroads/status/{fx.POST_ID}" in [a.lower() for a in found.asked], (url, found.asked)
        offline = looked(settings, store, url, offline=True)
        assert sorted(s.timestamp for s in offline.snapshots) == wanted, url
        assert archive.lookup_state(store, url) == (True, None), url


def test_archive35_a_post_linked_without_its_handle_is_looked_up_under_the_handles_the_cache_knows(fakenet, store):
    serve(fakenet, [Capture("20221206060000", CANONICAL, b"<html>the post</html>")])
    settings = settings_for(fakenet)
    bare = f"https://twitter.com/i/web/status/{fx.POST_ID}"
    assert looked(settings, store, bare).snapshots == ()   # no handle known: only /i/status/ is asked
    record = {"status": "available", "author": {"handle": "RivertonRoads", "id": "42"}}
    store.record_observation({"platform": "twitter", "post_id": fx.POST_ID, "status": "available", "record": record},
                             [{"method": "syndication", "status": "available", "record": json.dumps(record)}],
                             observed_at="2022-12-06T06:00:00.000000Z")
    found = looked(settings, store, bare)
    assert [s.timestamp for s in found.snapshots] == ["20221206060000"], found


def test_archive35_captures_reads_as_many_captures_of_a_gone_post_as_asked(fakenet, reporter):  # noqa: F811
    """capture34 left it: the tool read three captures of a gone post (MAX_CAPTURES, a constant), and said of the
    others "listed, not read" with no way to read them. `--captures N` (report, archive, fetch) reads up to N; a later
    run asking for more than an earlier one read reads the rest (the earlier lookup is not finished for it)."""
    from tests.test_unread_captures import STAMPS, _five_login_walls

    report, embed = _five_login_walls(fakenet, reporter)
    assert len(embed["post"]["archived"]) == 3   # the default
    code, out = reporter("report", "--captures", "5", "--format", "json", "article.html")
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    assert sorted(re.search(r"/web/(\d+)id_/", c["capture"])[1] for c in embed["post"]["archived"]) == STAMPS, embed
    assert "not read" not in json.dumps(embed), embed
    assert embed["archived_copies"] == []   # each one read: the login wall, no copy
    for command in ("report", "archive", "fetch"):
        assert "--captures" in reporter(command, "--help")[1], command
    code, out = reporter("report", "--captures", "0", "article.html")
    assert code == 2, out


def test_review35r4_a_capture_under_the_url_as_written_is_still_found(fakenet, store):
    """archive35 looked an X post up under its pages alone: a capture of the URL exactly as the article wrote it,
    `/i/web/status/<id>` or another host's page of the post (vxtwitter.com), was no longer listed, and the lookup
    said "no snapshot" where the lookup before it found one. The URL as written is looked up too (exactly) when no
    page's prefix covers it; a spelling a prefix covers (`?s=20`) costs no request more."""
    web = f"https://twitter.com/i/web/status/{fx.POST_ID}"
    proxy = f"https://vxtwitter.com/RivertonRoads/status/{fx.POST_ID}"
    serve(fakenet, [Capture("20221206060000", web, b"<html>the post, by its web link</html>"),
                    Capture("20221208060000", proxy, b"<html>the post, by a proxy</html>"),
                    Capture("20221207060000", CANONICAL, b"<html>the post</html>")])
    settings = settings_for(fakenet)
    for url, wanted in ((web, ["20221206060000"]), (proxy, ["20221207060000", "20221208060000"])):
        found = looked(settings, store, url)
        assert found.error is None and sorted(s.timestamp for s in found.snapshots) == wanted, (url, found)
        # asked exactly, or under a form whose prefix covers it (a post of no known account is listed under
        # /i/web/status/ too, newuser44d #6)
        assert url in found.asked or any(url.removeprefix("https://").startswith(form) for form in found.asked), \
            found.asked
        offline = looked(settings, store, url, offline=True)
        assert sorted(s.timestamp for s in offline.snapshots) == wanted, url
        assert archive.lookup_state(store, url) == (True, None), url
    # a spelling the canonical page's prefix covers is not asked apart
    spelt = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}?s=20"
    assert archive.lookup_forms(spelt, store) == (f"twitter.com/RivertonRoads/status/{fx.POST_ID}",)
