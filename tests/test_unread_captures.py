"""Captures listed and never read are no archived copy (capture34, #9, #4): of a gone X post, the HTTP 200 snapshots
beyond the three the tool reads were counted as copies ("an archived copy exists: <a capture nobody read>"), as a
gone Bluesky post's were before capture33. One mechanism says it for every platform (`provenance.unread_captures`)."""

import html
import json
import re

from tests.test_fetch import by_id, json_page
from tests.test_report import world  # noqa: F401  (the fixture)
from tests.test_verdicts import DELETED, POST, reporter  # noqa: F401  (the fixture)
from tests.test_verdicts import one_embed_report
from tests.waybacknet import Capture, serve

PAGE = f"https://twitter.com/river_desk/status/{POST}"


def login_wall(n: int) -> bytes:
    """X's login wall as a capture holds it, each capture's bytes apart (CDX files a digest per capture)."""
    return (f'<!DOCTYPE html><html><head><title>Log in to X / X</title></head><body><div id="react-root">'
            f"<h1>Log in to X</h1><p>Sign in to see this post. Don't have an account? Sign up</p><!-- {n} --></div>"
            f"</body></html>").encode()


STAMPS = ["20230101000000", "20230201000000", "20230301000000", "20230401000000", "20230501000000"]


def _five_login_walls(fakenet, reporter):  # noqa: F811
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    serve(fakenet, [Capture(stamp, PAGE, login_wall(n)) for n, stamp in enumerate(STAMPS)])
    return one_embed_report(reporter)


def test_capture34_a_gone_x_posts_captures_beyond_the_three_read_are_listed_never_a_copy(fakenet, reporter):  # noqa: F811
    """Five HTTP 200 captures of a deleted post's page, each a login wall: the tool reads three (the earliest two and
    the latest), each no copy; the two it never read were "an archived copy exists: <one of them>" and counted as
    copies. They are listed, not read, and the post stays at risk, in JSON, Markdown and HTML."""
    report, embed = _five_login_walls(fakenet, reporter)
    assert len(embed["post"]["archived"]) == 3, embed["post"]["archived"]
    assert embed["archived_copies"] == [], embed["archived_copies"]
    assert (report["summary"]["archive"]["with_copy"], report["summary"]["archive"]["without_copy"]) == (0, 1)
    archive = next(c for c in embed["checks"] if c["name"] == "archive")
    assert archive["result"] == "warn", archive
    assert archive["evidence"].startswith(
        "at risk: the post is deleted and no archived copy is known; 3 captures read, none holds the post (the "
        "capture shows the login wall, not the post); 2 more listed, not read (HTTP 200, latest 2023-04-01T00:00:00Z; "
        f"whether any holds the post is not known): https://web.archive.org/web/20230401000000/{PAGE}"), archive
    assert "an archived copy exists" not in json.dumps(report)
    md = reporter("report", "--offline", "article.html")[1]
    page = html.unescape(re.sub(r"<[^>]+>", "", reporter("report", "--offline", "--format", "html",
                                                         "article.html")[1]))
    for text in (md, page):
        assert "an archived copy exists" not in text
        assert "3 captures read, none holds the post (the capture shows the login wall, not the post); 2 more listed, not read" in text, text
        [line] = [line for line in text.splitlines() if "Archived: " in line]
        assert "5 snapshot(s), 3 read, none an archived copy (the capture shows the login wall, not the post); 2 not " \
               "read: whether any holds the post is not known; latest" in line, line
    code, stats = reporter("stats", "--json", "--limit", "100")
    at_risk = [r for r in map(json.loads, stats.splitlines()) if r["view"] == "at_risk_embeds"]
    assert [r["post_id"] for r in at_risk] == [POST], stats


def test_capture34_the_archived_line_says_a_capture_under_a_handle_may_be_another_account_s(
        fakenet, tmp_path, monkeypatch):
    """review33r4 left it: the check citing a capture filed under a Bluesky handle URL says the handle may have named
    another account when it was captured; the "Archived: …; latest <capture>" line above it, linking that capture, said
    nothing. Markdown and HTML say it there too; a capture under the DID needs no such word."""
    from tests.test_platform_verdicts import BLUESKY_OEMBED, BY_DID, BY_HANDLE, _skeet_captured
    from tests.test_fetch import json_page as page

    body = b"<html><head><title>Riverton Mayor on Bluesky</title></head><body>Shelters are open.</body></html>"
    said = "filed under the handle mayor.riverton.example, which may have named another account when it was captured"
    run, report, embed = _skeet_captured(fakenet, tmp_path, monkeypatch, page(BLUESKY_OEMBED), BY_HANDLE, body)
    assert embed["post"]["status"] == "available", embed["post"]
    for fmt in ("md", "html"):
        out = run("report", "--offline", "--format", fmt, "skeet.html", name="skeet.html")[1]
        text = html.unescape(re.sub(r"<[^>]+>", "", out)) if fmt == "html" else out
        [line] = [line for line in text.splitlines() if "Archived: " in line]
        assert said in line and BY_HANDLE in line, line
    assert BY_DID != BY_HANDLE


def test_capture34_stats_finds_a_bluesky_posts_capture_under_its_handle_url_when_the_embed_links_its_did(
        fakenet, tmp_path, monkeypatch):
    """fixnu33b left it: `stats`' at_risk_embeds matched a Bluesky embed's captures by its link's URL alone, so an
    available post linked by DID whose one capture is filed under its handle URL read "1 archived copy" in the report
    and "at risk" in `stats`. The view finds a capture under any URL form of the post (handle or DID)."""
    from tests.test_platform_verdicts import BLUESKY_OEMBED, BY_HANDLE, _skeet_captured
    from tests.test_fetch import json_page as page

    body = b"<html><head><title>Riverton Mayor on Bluesky</title></head><body>Shelters are open.</body></html>"
    run, report, embed = _skeet_captured(fakenet, tmp_path, monkeypatch, page(BLUESKY_OEMBED), BY_HANDLE, body)
    assert embed["post"]["status"] == "available" and report["summary"]["archive"]["with_copy"] == 1, embed["post"]
    code, stats = run("stats", "--json", "--limit", "100")
    assert not [r for r in map(json.loads, stats.splitlines()) if r["view"] == "at_risk_embeds"], stats


def test_capture34_a_capture_whose_read_failed_is_read_again_by_a_later_run(fakenet, reporter):  # noqa: F811
    """A capture listed for a deleted post whose read failed (a 503) is recorded as failed, not as an answer: a later
    online run reads it again, and the copy it holds is found."""
    from tests.fakenet import page
    from tests.waybacknet import classic_page

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    stamp = "20210503120000"
    serve(fakenet, [Capture(stamp, PAGE, classic_page(POST, "river_desk", "River Desk", "Road closed.",
                                                      epoch=1620033160))])
    good = fakenet.routes[("web.archive.org", f"/web/{stamp}id_/{PAGE}")][0]
    fakenet.route("web.archive.org", f"/web/{stamp}id_/{PAGE}", page("busy", 503))
    # the lookup's evidence is missing: a failed step, exit 1 with its line, as `scan --fetch` (newuser36b #1)
    report, embed = one_embed_report(reporter, failed=(
        f"error: article.html: archive lookup failed for {PAGE}: the capture of {stamp} could not be read (HTTP 503)",))
    archive = next(c for c in embed["checks"] if c["name"] == "archive")
    assert embed["archived_copies"] == [] and "could not be read (HTTP 503)" in archive["evidence"], archive
    fakenet.route("web.archive.org", f"/web/{stamp}id_/{PAGE}", good)
    hits = len(fakenet.hits)
    report, embed = one_embed_report(reporter)
    assert [p for h, p in fakenet.hits[hits:] if p.startswith(f"/web/{stamp}id_/")], fakenet.hits[hits:]
    assert [c["url"] for c in embed["archived_copies"]] == [f"https://web.archive.org/web/{stamp}/{PAGE}"], embed


def test_review34r1_a_capture_read_again_as_a_login_wall_is_no_copy_though_an_earlier_run_read_it_as_the_post(
        fakenet, reporter):  # noqa: F811
    """capture34's `captures_held_before` and m049's `held` took any earlier reading of a capture as the post for good:
    run 1 read the capture as the post, run 2 (--refresh) read the same capture as X's login wall (the newer reading,
    as an offline report re-reads it: `archived_in_store`). `stats` still said the post had a copy, and run 3, whose
    archive lookup failed, said "an archived copy exists: <that capture>". The newest reading of a capture decides."""
    from tests.fakenet import page
    from tests.waybacknet import classic_page

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    stamp = "20210503120000"
    capture = f"https://web.archive.org/web/{stamp}/{PAGE}"
    serve(fakenet, [Capture(stamp, PAGE, classic_page(POST, "river_desk", "River Desk", "Road closed.",
                                                      epoch=1620033160))])
    report, embed = one_embed_report(reporter)
    assert [c["url"] for c in embed["archived_copies"]] == [capture], embed
    serve(fakenet, [Capture(stamp, PAGE, login_wall(0))])
    code, out = reporter("report", "--refresh", "--format", "json", "article.html")
    [embed] = json.loads(out)["embeds"]
    assert embed["archived_copies"] == [], embed["archived_copies"]

    def at_risk() -> list[str]:
        stats = reporter("stats", "--json", "--limit", "100")[1]
        return [r["post_id"] for r in map(json.loads, stats.splitlines()) if r["view"] == "at_risk_embeds"]

    assert at_risk() == [POST]
    offline = json.loads(reporter("report", "--offline", "--format", "json", "article.html")[1])["embeds"][0]
    assert offline["archived_copies"] == [], offline["archived_copies"]
    fakenet.route("web.archive.org", "/cdx/search/cdx", page("busy", status=503))
    fakenet.route("archive.org", "/wayback/available", page("busy", status=503))
    code, out = reporter("report", "--refresh", "--format", "json", "article.html")
    [embed] = json.loads(out)["embeds"]
    assert embed["archived_copies"] == [] and "captures_held_before" not in embed["post"], embed
    assert "an archived copy exists" not in json.dumps(embed), embed["checks"]
    assert at_risk() == [POST]


def test_review34r1_a_cache_made_before_v49_migrated_counts_each_capture_by_its_newest_reading(tmp_path):
    """A database made before m049 (and m050), migrated: `at_risk_embeds` is m053's, built on v52's SQL (v49's Bluesky
    forms kept), and takes each capture as its newest reading says, in either order of the readings."""
    from sqlite_utils import Database

    from cache.migrations import AT_RISK_EMBEDS_V86, DEAD_EMBEDS_V78, migrations

    db = Database(tmp_path / "old.db")
    migrations.apply(db, stop_before="m049_at_risk_despite_captures_never_read")
    db["articles"].insert({"sha256": "a" * 64, "kind": "html"})
    stamp = "20210503120000"
    for n, readings in enumerate((("archived-copy", "unknown"), ("unknown", "archived-copy")), start=1):
        url = f"https://twitter.com/river_desk/status/{n}"
        db["embeds"].insert({"article_id": 1, "ordinal": n, "platform": "twitter", "url": url, "post_id": str(n)})
        post = db["posts"].insert({"platform": "twitter", "post_id": str(n), "url": url, "status": "deleted"}).last_pk
        db["snapshots"].insert({"service": "wayback", "original": url, "timestamp": stamp, "status": "200",
                                "url": f"https://web.archive.org/web/{stamp}/{url}"})
        for when, reading in enumerate(readings):
            fetch = db["fetches"].insert({"url": f"https://web.archive.org/web/{stamp}id_/{url}", "method": "wayback",
                                          "fetched_at": f"2026-0{when + 1}-01T00:00:00Z"}).last_pk
            db["post_observations"].insert({"post_row": post, "observed_at": f"2026-0{when + 1}-01T00:00:00Z",
                                            "method": "wayback", "status": reading, "fetch_id": fetch})
    migrations.apply(db)
    assert [r for (r,) in db.execute("SELECT post_id FROM at_risk_embeds").fetchall()] == ["1"]
    [(sql,)] = db.execute("SELECT sql FROM sqlite_master WHERE name = 'at_risk_embeds'").fetchall()
    assert AT_RISK_EMBEDS_V86.strip() in sql and "'youtube'" in sql and "'tiktok'" in sql   # the newest (m086)
    [(sql,)] = db.execute("SELECT sql FROM sqlite_master WHERE name = 'dead_embeds_by_outlet_year'").fetchall()
    assert DEAD_EMBEDS_V78.strip() in sql   # the newest dead view (m078: no Mastodon activity counted as a post)
    assert db.execute("SELECT 1 FROM sqlite_master WHERE name = 'fetches_available_any_case'").fetchall()


def test_newuser40a_6_in_short_and_the_summary_say_a_gone_posts_captures_were_listed_not_read(fakenet, reporter):  # noqa: F811
    """A gone post whose HTTP 200 captures were not read (a Mastodon or Bluesky post's, which are never read; here an
    X post's beyond the three read): the body said "not read: whether any holds the post is not known", and "In
    short" said "no archived copy was found" (newuser40a #6)."""
    _five_login_walls(fakenet, reporter)
    md = reporter("report", "--offline", "article.html")[1]
    page = html.unescape(re.sub(r"<[^>]+>", "", reporter("report", "--offline", "--format", "html",
                                                         "article.html")[1]))
    for text in (md, page):
        assert "no archived copy was found" not in text, text
        short = next(line for line in text.splitlines() if "note that 1 post is deleted" in line)
        assert "1 post is deleted (3 captures read, none holds it; 2 more listed, not read: whether any holds the post " \
               "is not known)" in short, short
        assert "1 of 1 looked up (1 of them with captures listed, not read: whether one holds the post is not known)" \
            in text, text
