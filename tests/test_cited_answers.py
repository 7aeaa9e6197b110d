"""Reports an editor or a court can rely on (#4, #5, #9; newuser35): sources that disagree on what a post is are
said beside its status, with a check that warns; every citation says which server answered when an [origins]
mapping sent the request elsewhere; a capture read that holds no words of the post cites its fetch."""

import html
import json
import re

from tests.fakenet import page
from tests.test_fetch import by_id, json_page
from tests.test_verdicts import DELETED, POST, blockquote, reporter, tweet  # noqa: F401  (the fixture)
from tests.waybacknet import Capture, serve

CAPTURES = __import__("pathlib").Path(__file__).parent / "fixtures" / "captures"
ARTICLE = f"<html><body><p>The council met.</p>{blockquote(POST, 'Road closed.')}</body></html>"


def _texts(reporter, *args: str) -> list[str]:
    """The Markdown report and the HTML report's text, of article.html."""
    markdown = reporter("report", *args, "article.html")[1]
    page_ = html.unescape(re.sub(r"<[^>]+>", "", reporter("report", *args, "--format", "html", "article.html")[1]))
    return [markdown.replace("\\", ""), page_]


def test_newuser35_sources_that_disagree_on_a_posts_status_are_said_and_the_status_check_warns(fakenet, reporter):  # noqa: F811
    """`fetch --all-methods` recorded syndication's 200 (a stale cache of a deleted post) and oEmbed's 404: the JSON
    kept the disagreement, but the Markdown and HTML said "available", every check passed, and oEmbed was named
    nowhere (newuser35 F1)."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, "Road closed."))]}))
    fakenet.route("publish.twitter.com", "/oembed", page("not found", status=404))
    serve(fakenet, [])
    code, out = reporter("fetch", "--all-methods", "article.html", article=ARTICLE)
    assert code == 0, out
    code, out = reporter("report", "--format", "json", "article.html")
    [embed] = json.loads(out)["embeds"]
    ids = {s["method"]: s["fetch_id"] for s in embed["post"]["sources"]}
    [check] = [c for c in embed["checks"] if c["name"] == "status"]
    assert check["result"] == "warn", check
    assert re.search(rf"the sources disagree on what the post is: syndication said available \(syndication, "
                     rf"\S+, HTTP 200, [^)]*fetch #{ids['syndication']}[^)]*\); oembed said not found: oEmbed answered "
                     rf"404 \(oembed, \S+, HTTP 404, [^)]*fetch #{ids['oembed']}", check["evidence"]), check
    for text in _texts(reporter):
        status = next(line for line in text.splitlines() if "Status" in line and "available" in line)
        assert f"the sources disagree: oembed said not found: oEmbed answered 404 (fetch #{ids['oembed']})" in status, \
            status
        assert "the sources disagree on what the post is" in text and "pass status" not in text


def test_newuser35_a_capture_read_that_holds_no_words_of_the_post_cites_its_fetch(fakenet, reporter):  # noqa: F811
    """"Capture of … (none): holds no words of the post (the capture shows the login wall, not the post); <URL>"
    named no fetch in Markdown or HTML, though its judgment rests on the capture's body (newuser35 F3a)."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    original = f"https://twitter.com/river_desk/status/{POST}"
    serve(fakenet, [Capture("20220916093000", original, (CAPTURES / "login_wall_react.html").read_bytes())])
    code, out = reporter("report", "--format", "json", "article.html", article=ARTICLE)
    [copy] = json.loads(out)["embeds"][0]["post"]["archived"]
    for text in _texts(reporter):
        line = next(line for line in text.splitlines() if "Capture of 2022-09-16T09:30:00Z" in line)
        assert "holds no words of the post (the capture shows the login wall, not the post)" in line, line
        assert f"fetch #{copy['fetch_id']}, body {copy['body_sha256'][:12]}…" in line, line
        # its form in words: "(none)" read as "no capture" (newuser35 F6); JSON keeps the parser's name
        assert "Capture of 2022-09-16T09:30:00Z (no post markup recognised): holds no words" in line, line
    assert copy["form"] == "none"


def test_newuser35_every_citation_says_which_server_answered_through_a_configured_origin(fakenet, reporter):  # noqa: F811
    """Every answer came from the loopback server [origins] maps each service to, and every citation named
    cdn.syndication.twimg.com and web.archive.org alone, nothing saying another server had answered for them: a report
    handed on stated that X and the Internet Archive gave answers they never gave (newuser35 F2). Now each cited
    answer says "via configured origin <origin> for <host>" in every format, JSON `contacted_origin`, and the
    header names the overrides."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    original = f"https://twitter.com/river_desk/status/{POST}"
    serve(fakenet, [Capture("20220916093000", original, (CAPTURES / "login_wall_react.html").read_bytes())])
    code, out = reporter("report", "--format", "json", "article.html", article=ARTICLE)
    [embed] = json.loads(out)["embeds"]
    via = f"via configured origin {fakenet.origin} for "
    cited = [*embed["post"]["sources"], *embed["archive_lookups"], *embed["post"]["archived"]]
    assert cited and all(c["contacted_origin"] == fakenet.origin for c in cited), cited
    for text in _texts(reporter):
        status = next(line for line in text.splitlines() if "Status" in line and "deleted" in line)
        assert re.search(rf"syndication, https://cdn\.syndication\.twimg\.com/\S+, HTTP 200, [^|]*fetch #\d+[^|]*"
                         rf"{re.escape(via)}cdn\.syndication\.twimg\.com", status), status
        archived = next(line for line in text.splitlines() if "Archived:" in line)
        assert re.search(rf"CDX lookup of (URLs starting with )?\S+, [^;]*{re.escape(via)}web\.archive\.org", archived), \
            archived
        capture = next(line for line in text.splitlines() if "Capture of 2022-09-16T09:30:00Z" in line)
        assert via + "web.archive.org" in capture, capture
        assert re.search(r"Requests for [^\n]*https://cdn\.syndication\.twimg\.com[^\n]*https://web\.archive\.org[^\n]* went "
                         r"through \[origins\] overrides", text), text


def test_newuser35_a_flattened_posts_identification_verdict_cites_the_listings_it_rests_on(fakenet, reporter):  # noqa: F811
    """"not identified: no capture listed by CDX is of a post of this account inside the window" cited none of the
    two CDX listings (twitter.com and x.com prefixes) it rests on, in any format (newuser35 F3b)."""
    from tests.test_verdicts import REMNANT

    serve(fakenet, [])
    code, out = reporter("report", "--format", "json", "remnant.txt", article=REMNANT, name="remnant.txt")
    [embed] = json.loads(out)["embeds"]
    listings = embed["identified"]["lookups"]
    assert [(found["service"], found["status"]) for found in listings] == [("cdx", 200), ("cdx", 200)], listings
    assert [found["url"].split("/")[0] for found in listings] == ["twitter.com", "x.com"], listings
    [check] = [c for c in embed["checks"] if c["name"] == "identification"]
    cited = [f"fetch #{found['fetch_id']}, body {found['body_sha256'][:12]}…" for found in listings]
    assert check["evidence"].startswith("not identified: no capture listed by CDX is of a post of this account"), check
    assert all(f in check["evidence"] for f in cited) and "CDX lookup of URLs starting with" in check["evidence"], check
    markdown = reporter("report", "remnant.txt")[1]
    page_ = html.unescape(reporter("report", "--format", "html", "remnant.txt")[1])
    for text in (markdown, page_):
        line = next(line for line in text.splitlines() if "Not identified:" in line)
        assert all(f in line for f in cited), line


def test_newuser35_a_failed_capture_list_still_reads_the_capture_the_availability_answer_names(fakenet, reporter):  # noqa: F811
    """CDX answered 503 to every list of a deleted post's captures; the availability answer named a capture holding
    its words, which was never read, and the report said "no capture of it could be read" as if a read had been tried
    (newuser35 F8). Now that capture is read, and its words recovered."""
    from tests.waybacknet import classic_page

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    original = f"https://twitter.com/river_desk/status/{POST}"
    serve(fakenet, [Capture("20210503100000", original,
                            classic_page(POST, "river_desk", "River Desk", "Road closed.", epoch=1620033160))])
    fakenet.route("web.archive.org", "/cdx/search/cdx", page("Service Unavailable", status=503))
    code, out = reporter("report", "--format", "json", "article.html", article=ARTICLE)
    [embed] = json.loads(out)["embeds"]
    [copy] = embed["post"]["archived"]
    assert (copy["status"], copy["text"]) == ("archived-copy", "Road closed."), copy
    assert ("web.archive.org", f"/web/20210503100000id_/{original}") in fakenet.hits
    checks = {c["name"]: c for c in embed["checks"]}
    assert checks["archived-copy"]["result"] == "pass" and checks["text"]["result"] == "pass", checks


def test_newuser35_a_capture_never_read_because_the_lists_failed_is_not_said_unreadable(fakenet, reporter):  # noqa: F811
    """With the lists failed and no capture named anywhere, nothing was read: the check said "no capture of it could be
    read"; now it says no read was tried, why, and the failed lists' fetches (newuser35 F8)."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    serve(fakenet, [])
    fakenet.route("web.archive.org", "/cdx/search/cdx", page("Service Unavailable", status=503))
    code, out = reporter("report", "--format", "json", "article.html", article=ARTICLE)
    [embed] = json.loads(out)["embeds"]
    evidence = next(c for c in embed["checks"] if c["name"] == "archived-copy")["evidence"]
    failed = [found for found in embed["archive_lookups"] if found["error"] and "matchType=prefix" in found["query"]]
    assert failed, embed["archive_lookups"]
    assert evidence.startswith("the post is deleted; not read: the archive's lists of its captures failed (HTTP 503"), \
        evidence
    assert "could not be read" not in evidence and all(f"fetch #{found['fetch_id']}" in evidence for found in failed), \
        evidence


def test_newuser35_a_replay_reads_an_instagram_answer_its_warc_holds_with_no_token_set(fakenet, tmp_path):
    """`--replay` of a WARC holding graph.facebook.com's answer said "not fetched: needs META_ACCESS_TOKEN", though a
    replay sends nothing: the lawyer re-running from the WARC has no token and needs none (newuser35 F4)."""
    from tests.cliworld import World
    from tests.test_secrets import INSTAGRAM, serve_everything

    serve_everything(fakenet)
    source = tmp_path / "article.txt"
    source.write_text(f"The council posted a photo: {INSTAGRAM}\n")
    warc = tmp_path / "run.warc.gz"
    done = World(fakenet, tmp_path)("scan", "--fetch", "--warc", str(warc), str(source),
                                    env={"META_ACCESS_TOKEN": "tok-SECRET35f4"})
    assert done.exit_code == 0, done.output
    (tmp_path / "replay").mkdir()
    again = World(fakenet, tmp_path / "replay")
    hits = len(fakenet.hits)
    done = again("--replay", str(warc), "report", "--format", "json", str(source))   # its archive lookup is in no WARC
    [embed] = json.loads(done.stdout)["embeds"]
    assert (embed["platform"], embed["post"]["status"], embed["post"]["method"]) == ("instagram", "available", "oembed")
    assert embed["post"]["sources"][0]["warc_file"] and len(fakenet.hits) == hits   # nothing sent
    # with nothing in the WARC for it, a post is a replay's miss (Meta needs no token since June 2026, newuser41a #4)
    other = tmp_path / "other.txt"
    other.write_text("The council posted a photo: https://www.instagram.com/p/CzZzZz99yYy/\n")
    done = again("--replay", str(warc), "report", "--format", "json", str(other))
    [embed] = json.loads(done.stdout)["embeds"]
    assert embed["post"]["reason"].startswith("not-in-warc: not in the replayed WARC files") \
        and len(fakenet.hits) == hits
