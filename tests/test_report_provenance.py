"""Every fact of a report with the lookup behind it, in every format (#6, newuser28b §3, §5, §6): archive lookups,
snapshots, resolution hops, captures read and image metadata name their fetch (URL, UTC time, fetch-log id, body
hash); a status resting on one source says the other failed; a post nobody archived is a preservation risk, not a
failed check of the article; evidence in words, not status codes."""

import html
import json
import re
from urllib.parse import unquote

import jsonschema
import pytest

from cache import Store
from resolver.fetch.telegram import PRIVATE
from resolver.provenance import _day_verdict, archive_check, archived_copy_check
from tests import xfixtures as fx
from tests.fakenet import page
from tests.test_report import SCHEMA, world  # noqa: F401  (the fixture)
from tests.test_verdicts import reporter  # noqa: F401  (the fixture)
from tests.test_fetch import json_page
from tests.waybacknet import Capture, classic_page, serve

TIME = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z"


def test_archive_lookups_and_snapshots_name_their_fetch_in_every_format(world, tmp_path):  # noqa: F811
    data = json.loads(world("report", "--format", "json", "article.html"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text()))
    first, second = data["embeds"]
    for embed in (first, second):
        lookups = embed["archive_lookups"]
        assert {lookup["service"] for lookup in lookups} >= {"cdx"}, lookups
        for lookup in lookups:
            assert lookup["url"].startswith("https://") and re.fullmatch(TIME, lookup["fetched_at"])
            assert isinstance(lookup["fetch_id"], int) and lookup["status"] == 200
            assert len(lookup["body_sha256"]) == 64
    assert len(second["snapshots"]) == 2
    with Store(tmp_path / "c.db") as store:   # each snapshot names the CDX answer that listed it
        for snapshot in second["snapshots"]:
            listed = store.fetch(snapshot["fetch_id"])
            assert listed["status"] == 200 and fx.GONE_ID in unquote(listed["url"])
            assert listed["id"] in {lookup["fetch_id"] for lookup in second["archive_lookups"]}
            assert any(row["url"] == snapshot["url"] and row["fetch_id"] == listed["id"]
                       for row in store.snapshots_for(snapshot["url"].split("/", 5)[5]))
    markdown = world("report", "article.html")
    page_ = html.unescape(re.sub(r"<[^>]+>", "", world("report", "--format", "html", "article.html")))
    for text in (markdown, page_):
        of = "CDX lookup of (?:URLs starting with )?"   # an X post's page: a prefix list (archive35)
        archived = re.findall(rf"Archived: [^\n]*?; latest [^\n]*? \(per the {of}https://\S+, {TIME}, "
                              rf"fetch #\d+, body [0-9a-f]{{12}}…|Archived: no snapshot found \(per the {of}"
                              rf"https://\S+, {TIME}, fetch #\d+, body [0-9a-f]{{12}}…", text)
        assert len(archived) == 2, text
        assert re.search(rf"(?:\*\*archive\*\*|WARN archive): no archived copy was found for https://\S+ \(archive it: "
                         rf"embed-resolver archive --save\) \(per the {of}https://\S+, {TIME}, fetch #\d+",
                         text), text


def test_hops_captures_and_image_metadata_carry_the_same_provenance_in_markdown_and_html(world):  # noqa: F811
    markdown = world("report", "article.html")
    page_ = html.unescape(world("report", "--format", "html", "article.html"))
    hop = re.search(rf"https://t.co/Zz98Yy76Xx \(301, {TIME}, fetch #\d+, via configured origin http://127\.0\.0\.1:\d+ "
                    r"for t\.co\)", markdown)   # the fake internet answered for t.co (newuser35 F2)
    assert hop, markdown
    assert hop.group(0) in page_
    row = next(line for line in markdown.splitlines() if line.startswith("| Archived text |"))
    assert re.search(r"fetch #\d+, body [0-9a-f]{12}…", row), row
    cell = row.rsplit("|", 2)[-2].strip()
    assert cell in page_
    inside = re.findall(r"Inside the image file: [^\n<]*", markdown)
    assert len(inside) == 2 and all(re.search(rf"\(https://pbs.twimg.com/media/\w+\.jpg, {TIME}, fetch #\d+, "
                                              r"sha256 [0-9a-f]{12}…, via configured origin http://127\.0\.0\.1:\d+ for "
                                              r"pbs\.twimg\.com\)", line) for line in inside), inside
    assert all(line in page_ for line in inside), re.findall(r"Inside the image file: [^\n<]*", page_)


def test_a_status_resting_on_one_source_says_the_other_failed(world, fakenet):  # noqa: F811
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", page("upstream error", status=500))
    fakenet.route("publish.twitter.com", "/oembed", page("not found", status=404))
    for text in (world("report", "article.html"), html.unescape(world("report", "--format", "html", "article.html"))):
        # the failed request went to [origins]' server, and says so (review35r5)
        via = r", via configured origin http://127\.0\.0\.1:\d+ for cdn\.syndication\.twimg\.com"
        assert re.search(r"not found \(oEmbed answered 404; syndication answered HTTP 500 \(fetch #\d+, "
                         rf"after 1 try{via}\)\)", text), text
        assert re.search(rf"twitter post 1600000000000000001: syndication answered HTTP 500 \(fetch #\d+, after 1 try{via}\); "
                         r"its status \(not found\) rests on oembed alone", text), text


def test_a_post_nobody_archived_is_a_risk_not_a_failed_check_and_is_said_in_words():
    post = {"status": "not_found", "archived": []}
    found = archive_check(post, [], True)
    assert found == {"name": "archive", "result": "warn",
                     "evidence": "at risk: the post is not found and no archived copy was found"}
    assert archived_copy_check(post)["evidence"] == "the post is not found; no capture of it could be read"
    assert archive_check({"status": "suspended", "archived": []}, [], True)["evidence"].startswith(
        "at risk: the post's account is suspended")


@pytest.mark.parametrize("said,created,evidence", [
    ("2022-04-21", "2022-04-20T23:30:00Z", " (the article's date there in time zones from UTC+01 to UTC+14)"),
    ("2022-04-21", "2022-04-20T13:20:00Z", " (the article's date there in time zones from UTC+11 to UTC+14)"),
    ("2022-04-21", "2022-04-20T18:15:00Z", " (the article's date there in time zones from UTC+05:45 to UTC+14)"),
    ("2022-04-20", "2022-04-21T09:40:00Z", " (the article's date there in time zones from UTC-11 to UTC-10)"),
], ids=["half-past", "no-one-at-10:45", "nepal", "west"])
def test_the_zones_named_are_inhabited_ones(said, created, evidence):
    assert _day_verdict(said, created) == ("pass", evidence)


def test_a_videos_oembed_title_is_labelled_title(fakenet, reporter):  # noqa: F811
    fakenet.route("www.youtube.com", "/oembed", json_page(fx.YOUTUBE_OEMBED))
    fakenet.route("i.ytimg.com", "/vi/AbCdEfGhIjK/hqdefault.jpg", page(fx.jpeg(), content_type="image/jpeg"))
    serve(fakenet, [])
    article = ('<html><body><p>The timelapse.</p><iframe width="560" height="315" '
               'src="https://www.youtube.com/embed/AbCdEfGhIjK" title="YouTube video player"></iframe></body></html>')
    code, out = reporter("report", "article.html", article=article)
    assert code == 0, out
    assert f"| Title | — | {fx.YOUTUBE_OEMBED['title']} |" in out and "| Text |" not in out


def test_a_gone_post_nobody_archived_does_not_trip_fail_on_fail(fakenet, reporter):  # noqa: F811
    """`--fail-on fail` exited 4 for a deleted post with no archived copy: the article was not wrong (newuser28b §6)."""
    from tests.test_fetch import by_id
    from tests.test_verdicts import DELETED, POST, blockquote

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    serve(fakenet, [])
    code, out = reporter("report", "--fail-on", "fail", "article.html",
                         article=f"<html><body>{blockquote(POST, 'Road closed.')}</body></html>")
    assert code == 0, out
    assert re.search(r"⚠️ warn \*\*archive\*\*: at risk: the post is deleted and no archived copy was found under "
                     r"https://twitter.com/river_desk/status/\d+, also on x.com .* \(per the CDX lookup", out), out
    assert "**Failed checks**" not in out and "is not_found" not in out and "is deleted\n" not in out


def test_a_post_no_source_was_asked_for_cites_no_fetch_in_any_format(fakenet, reporter, monkeypatch):  # noqa: F811
    """A private Telegram channel's post is never asked, and an oEmbed that needs a token (Instagram's, made to need
    one as every Meta oEmbed did before June 2026: `needs_token`) is not asked without one: the report said
    "Recorded from: oembed, <time>" and
    "not in the answer (oembed, …)" where no request was made, and the scan table "unknown (via oembed)"
    (newuser29 #6). Now: not fetched, and why; nothing recorded; method null; the same in every format."""
    from tests.test_fetch import needs_token

    needs_token(monkeypatch)
    serve(fakenet, [])
    article = ('<html><body><p>The channel said so <a href="https://t.me/c/1234567890/416">in its chat</a>.</p>'
               '<p><a href="https://www.instagram.com/p/CxAbC123dEf/">on Instagram</a></p></body></html>')
    code, scanned = reporter("scan", "--fetch", "article.html", article=article)
    assert code == 0, scanned
    assert f"telegram c/1234567890/416: unknown (not fetched: {PRIVATE})" in scanned, scanned
    assert "instagram CxAbC123dEf: unknown (not fetched: needs META_ACCESS_TOKEN)" in scanned, scanned
    code, markdown = reporter("report", "article.html")
    code_html, page_ = reporter("report", "--format", "html", "article.html")
    code_json, data = reporter("report", "--format", "json", "article.html")
    assert (code, code_html, code_json) == (0, 0, 0), markdown
    cells = html.unescape(re.sub(r"<[^>]+>", "|", page_))
    for why in (PRIVATE, "needs META_ACCESS_TOKEN"):
        row = f"| Status | — | not known (not fetched: {why}) | nothing recorded |"
        assert row in markdown, markdown
        said = re.escape(f"not known (not fetched: {why})")
        assert re.search(rf"\|+Status\|+—\|+{said}\|+nothing recorded\|", cells), cells
    for text in (markdown, cells):
        assert "oembed" not in text and "not in the answer" not in text, text
    embeds = json.loads(data)["embeds"]
    for embed, why in zip(embeds, (PRIVATE, "needs META_ACCESS_TOKEN"), strict=True):
        post = embed["post"]
        assert (post["method"], post["reason"], post["field_sources"], post["sources"], post["fetch_ids"]) == (
            None, f"not fetched: {why}", {}, [], [])
        assert embed["status"]["words"] == "not known"


def test_a_videos_start_time_is_shown_in_every_format(fakenet, reporter):  # noqa: F811
    """The moment of a long video the article cites (newuser29 #10): "at 2:05" beside the video's URL, and
    `start_seconds` in the JSON; a video linked with no time says none."""
    article = ('<html><body><p>At 2:05 of <a href="https://youtu.be/AbCdEfGhIj4?t=125">this video</a>, and '
               '<iframe src="https://www.youtube.com/embed/AbCdEfGhIj5"></iframe></p></body></html>')
    _, markdown = reporter("report", "--offline", "article.html", article=article)
    _, page_ = reporter("report", "--offline", "--format", "html", "article.html")
    _, data = reporter("report", "--offline", "--format", "json", "article.html")
    assert "<https://www.youtube.com/watch?v=AbCdEfGhIj4> at 2:05 (found by html-link" in markdown, markdown
    assert re.search(r"watch\?v=AbCdEfGhIj4</a> at 2:05, found by html-link", page_), page_
    assert "<https://www.youtube.com/watch?v=AbCdEfGhIj5> (found by html-iframe" in markdown, markdown
    assert re.search(r"watch\?v=AbCdEfGhIj5</a>, found by html-iframe", page_), page_
    assert [e["start_seconds"] for e in json.loads(data)["embeds"]] == [125, None]


@pytest.mark.parametrize("first,captured", [("upper", "lower"), ("lower", "upper"), ("lower", "both")])
@pytest.mark.parametrize("gone", [True, False], ids=["gone", "live"])
def test_urlforms31_every_spelling_of_a_posts_handle_finds_every_capture_of_it(world, fakenet, tmp_path, first,  # noqa: F811
                                                                                captured, gone):
    """urlforms31 (#15): X reads a handle in any case, and the Wayback Machine files captures under a urlkey in lower
    case, so a CDX lookup of twitter.com/rivertonroads/status/<id> lists the captures taken as
    twitter.com/RivertonRoads/status/<id> (each row keeps the spelling it was captured under). A report read a post's
    captures from the cache by the exact text of its URL: an article reported offline after another article spelling
    the post's handle in another case was looked up cited none of the captures taken under the other spelling."""
    post_id = fx.GONE_ID if gone else fx.POST_ID
    spelt = {"upper": f"https://twitter.com/RivertonRoads/status/{post_id}",
             "lower": f"https://twitter.com/rivertonroads/status/{post_id}"}
    taken = classic_page(post_id, "RivertonRoads", "Riverton Roads", "The bridge will stay shut all winter.",
                         epoch=1670304701)
    serve(fakenet, [Capture("20221206120000", spelt["upper" if captured == "both" else captured], taken),
                    Capture("20221207000000", spelt["lower" if captured == "both" else captured], taken)])
    for name, url in spelt.items():
        (tmp_path / f"{name}.html").write_text(f'<html><body><p>The council wrote <a href="{url}">this</a>.</p></body></html>')
    second = "lower" if first == "upper" else "upper"
    cited = {}
    for name, how in ((first, ()), (first, ("--offline",)), (second, ("--offline",))):
        data = json.loads(world("report", *how, "--format", "json", f"{name}.html"))
        [embed] = data["embeds"]
        cited[name, how] = sorted(s["timestamp"] for s in embed["snapshots"])
    assert set(map(tuple, cited.values())) == {("20221206120000", "20221207000000")}, cited


def test_urlforms31_the_caches_captures_of_a_url_in_another_case_are_its_only_when_they_are_of_the_same_post(tmp_path):
    """urlforms31 (#15): the cache lists captures under a URL in any case, as CDX does, but a report cites only those
    of the same post: an X handle in another case is the same post; a YouTube video id in another case is another
    video; for a page that names no post, what CDX would list for it."""
    from resolver.provenance import cached_snapshots

    listed = ["https://twitter.com/RivertonRoads/status/1600000000000000001",
              "https://twitter.com/rivertonroads/status/1600000000000000001",
              "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=DQW4W9WGXCQ",
              "https://news.example.com/Story", "https://news.example.com/story"]
    with Store(tmp_path / "c.db") as store:
        store.record_snapshots([{"service": "wayback", "original": url, "url": f"https://web.archive.org/web/2022120612"
                                 f"{i:04d}/{url}", "timestamp": f"2022120612{i:04d}", "status": "200", "digest": "D",
                                 "mimetype": "text/html", "found_via": "cdx", "observed_at": "2026-11-29T00:00:00Z",
                                 "fetch_id": None} for i, url in enumerate(listed)])
        assert [row["original"] for row in cached_snapshots(listed[1], store)] == listed[:2]
        for url in listed[2:4]:
            assert [row["original"] for row in cached_snapshots(url, store)] == [url]
        assert [row["original"] for row in cached_snapshots(listed[4], store)] == listed[4:]


def test_urlforms31_a_capture_cdx_lists_for_a_video_id_in_another_case_is_not_cited_as_the_videos(fakenet, tmp_path,
                                                                                                   monkeypatch):
    """urlforms31 (#15): CDX compares URLs by a lower-case urlkey, so a lookup of youtube.com/watch?v=dQw4w9WgXcQ also
    lists the captures of watch?v=DQW4W9WGXCQ, another video (YouTube ids are case-sensitive). A report cited them as
    the video's snapshots, in the run that looked it up and from the cache alike."""
    from tests.test_verdicts import cli_on_fakenet

    video = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    other = "https://www.youtube.com/watch?v=DQW4W9WGXCQ"
    fakenet.route("www.youtube.com", "/oembed", json_page(fx.YOUTUBE_OEMBED))
    fakenet.route("i.ytimg.com", "/vi/AbCdEfGhIjK/hqdefault.jpg", page(fx.jpeg(), content_type="image/jpeg"))
    serve(fakenet, [Capture("20221206120000", video, b"<html>the video</html>"),
                    Capture("20221207000000", other, b"<html>another video</html>")])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, ["www.youtube.com", "i.ytimg.com", "web.archive.org",
                                                          "archive.org"])
    article = f'<html><body><p>Watch <a href="{video}">this</a>.</p></body></html>'
    for how in ((), ("--offline",)):
        code, out = run("report", *how, "--format", "json", "article.html", article=article)
        assert code == 0, out
        [embed] = json.loads(out)["embeds"]
        assert [(s["timestamp"], s["url"].split("/", 5)[5]) for s in embed["snapshots"]] == [
            ("20221206120000", video)], (how, embed["snapshots"])


LAST_SEEN = r"per syndication fetch #(\d+) of \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z, when the post was last seen available \(now: not found\)"


def test_a_misquote_of_a_post_deleted_since_still_fails_on_the_answer_recorded_before(fakenet, reporter):  # noqa: F811
    """A misquote's "fail" became "skip: no available post text or archived copy to compare with" once the post was
    gone (a 404 on a --refresh run), though the cache held the tool's own earlier answer with the post's words
    (newuser31 #1, #9). Now text, author and date are held against the last recorded live answer, which they name;
    the status stays the one asked now."""
    from tests.test_fetch import by_id
    from tests.test_verdicts import POST, blockquote, tweet

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [
        json_page(tweet(POST, "The council has rejected the plan.")), page("not found", status=404)]}))
    serve(fakenet, [])
    article = f"<html><body>{blockquote(POST, 'The council has approved the plan.')}</body></html>"
    code, first = reporter("report", "--format", "json", "article.html", article=article)
    assert code == 0, first
    [before] = json.loads(first)["embeds"]
    assert [c["result"] for c in before["checks"] if c["name"] in ("author", "date", "text")] == ["pass", "pass", "fail"]
    code, later = reporter("report", "--refresh", "--format", "json", "article.html")
    assert code == 0, later
    [embed] = json.loads(later)["embeds"]
    assert embed["status"]["code"] == "not_found", embed["status"]
    checks = {c["name"]: c for c in embed["checks"]}
    assert [checks[n]["result"] for n in ("author", "date", "text")] == ["pass", "pass", "fail"], checks
    for name in ("author", "date", "text"):
        found = re.match(LAST_SEEN, checks[name]["evidence"])
        assert found, checks[name]
        assert int(found.group(1)) == before["post"]["sources"][0]["fetch_id"]
    assert "rejected → approved" in checks["text"]["evidence"], checks["text"]
    assert embed["post"]["last_available"]["fetch_id"] == int(found.group(1))
    code, markdown = reporter("report", "article.html")
    code_html, page_ = reporter("report", "--format", "html", "article.html")
    for text in (markdown, html.unescape(re.sub(r"<[^>]+>", "|", page_))):
        assert re.search(r"fail\W*text\W*: " + LAST_SEEN + r": .*rejected → approved", text, re.I), text
        assert re.search(r"Last seen text\W+The council has rejected the plan\.\W+syndication, [^|]*fetch #\d+, "
                         r"body [0-9a-f]{12}…, when the post was last seen available", text), text
        assert "no available post text" not in text and "no available post or archived" not in text
    assert "embed 1: text: per syndication fetch #" in markdown   # the misquote is among the failed checks


def test_a_post_facts_source_names_the_url_asked_and_the_http_status_it_answered(fakenet, tmp_path, monkeypatch):
    """A post fact's citation gave method, time, fetch id and body hash, not what was asked nor what the server
    answered (newuser31 #6, #4/#5). Now JSON `post.sources[]` carry `url` (the public URL, as the fetch log keeps it:
    never the loopback address contacted, nor a secret), `http_status` and `http_method`, and the first Markdown or
    HTML citation of each fetch names the URL and the status."""
    from tests.test_verdicts import HOSTS, POST, blockquote, cli_on_fakenet, tweet

    monkeypatch.setenv("META_ACCESS_TOKEN", "meta-SECRET31x")
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", json_page(tweet(POST, "Road closed.")))
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed", json_page({
        "version": "1.0", "type": "rich", "author_name": "riverton.council", "provider_name": "Instagram",
        "html": '<blockquote class="instagram-media">The bridge</blockquote>'}))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS + ["graph.facebook.com"])
    article = (f"<html><body>{blockquote(POST, 'Road closed.')}"
               '<p><a href="https://www.instagram.com/p/CxAbC123dEf/">on Instagram</a></p></body></html>')
    code, data = run("report", "--format", "json", "article.html", article=article)
    assert code == 0, data
    tweet_post, instagram = (e["post"] for e in json.loads(data)["embeds"])
    [asked] = tweet_post["sources"]
    assert asked["url"].startswith(f"https://cdn.syndication.twimg.com/tweet-result?id={POST}&"), asked
    assert (asked["http_status"], asked["http_method"]) == (200, "GET")
    [oembed] = instagram["sources"]
    assert oembed["url"].startswith("https://graph.facebook.com/v16.0/instagram_oembed?"), oembed
    assert oembed["http_status"] == 200   # the token goes in a header: no URL holds it
    # the loopback server answered through [origins]: said as the origin that answered, never its URL (newuser35 F2)
    overrides = re.compile(r'"contacted_origin": "http://127\.0\.0\.1:\d+"|via configured origin http://127\.0\.0\.1:\d+ '
                           r'for |\(sent to http://127\.0\.0\.1:\d+\)')
    assert "meta-SECRET31x" not in data and "127.0.0.1" not in overrides.sub("", data)
    assert oembed["contacted_origin"] == fakenet.origin
    code, markdown = run("report", "article.html")
    code_html, page_ = run("report", "--format", "html", "article.html")
    cells = html.unescape(re.sub(r"<[^>]+>", "|", page_))
    for text in (markdown, cells):
        first = re.search(rf"\| ?Status ?\|+ ?—? ?\|+ ?available ?\|+ ?syndication, (?P<url>\S+), HTTP 200, {TIME}, fetch #(?P<id>\d+), "
                          r"body [0-9a-f]{12}…", text.replace("\\", ""))
        assert first, text
        assert first["url"].startswith(f"https://cdn.syndication.twimg.com/tweet-result?id={POST}&")
        assert re.search(rf"\| ?Author ?\|[^\n]*?\| ?syndication, {TIME}, fetch #{first['id']}, body", text), text
        assert "meta-SECRET31x" not in text and "127.0.0.1" not in overrides.sub("", text)
        assert f"via configured origin {fakenet.origin} for cdn.syndication.twimg.com" in text
    assert re.search(rf"oembed, https://graph\.facebook\.com/v16\.0/instagram_oembed\?\S*, HTTP 200, {TIME}, fetch #\d+",
                     markdown.replace("\\", "")), markdown


def test_a_report_made_from_the_cache_says_so_and_dates_each_status(fakenet, tmp_path, reporter):  # noqa: F811
    """A report made --offline a week later read exactly as a live one: only "Generated by" changed (newuser31 #4,
    #6). Now its header says it was made from the cache, and how old the newest and oldest answers used are, and
    each post's status is dated ("available (as of …)"; `status.as_of` in JSON)."""
    import sqlite3
    from datetime import datetime, timedelta, timezone

    from tests.test_verdicts import POST, blockquote, tweet

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", json_page(tweet(POST, "Road closed.")))
    serve(fakenet, [])
    code, fresh = reporter("report", "article.html", article=f"<html><body>{blockquote(POST, 'Road closed.')}</body></html>")
    assert code == 0, fresh
    assert "From the cache" not in fresh   # every answer was got in this run
    week = timedelta(days=7, hours=2)
    with sqlite3.connect(tmp_path / "c.db") as db:   # a week passes
        for table, column in (("fetches", "fetched_at"), ("post_observations", "observed_at")):
            for row_id, at in db.execute(f"SELECT id, {column} FROM {table}").fetchall():
                aged = datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ") - week
                db.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", [aged.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                                                                          row_id])
        [(status_id, status_at)] = db.execute("SELECT id, fetched_at FROM fetches WHERE purpose = 'syndication'")
        status_at = (datetime.strptime(status_at, "%Y-%m-%dT%H:%M:%S.%fZ") - timedelta(days=1)).strftime(
            "%Y-%m-%dT%H:%M:%S.%fZ")   # the post was fetched the day before its archive lookups
        db.execute("UPDATE fetches SET fetched_at = ? WHERE id = ?", [status_at, status_id])
        times = {at for (at,) in db.execute("SELECT fetched_at FROM fetches")}
    hits = len(fakenet.hits)
    code, data = reporter("report", "--offline", "--format", "json", "article.html")
    code_md, markdown = reporter("report", "--offline", "article.html")
    code_html, page_ = reporter("report", "--offline", "--format", "html", "article.html")
    assert (code, code_md, code_html) == (0, 0, 0) and len(fakenet.hits) == hits
    report = json.loads(data)
    [embed] = report["embeds"]
    assert embed["status"]["as_of"] == status_at and embed["status"]["words"] == "available"
    cited = [status_at] + [found["fetched_at"] for found in embed["archive_lookups"]]
    newest = max(cited)
    answers = report["answers"]
    assert {k: answers[k] for k in ("offline", "newest", "oldest", "undated")} == {
        "offline": True, "newest": newest, "oldest": status_at, "undated": 0} and newest in times
    # every answer was taken from the cache (replay32): counted, with the newest and oldest of them
    assert answers["cached"] == answers["count"] > 0 and (answers["cached_newest"], answers["cached_oldest"]) == (
        newest, status_at), answers
    line = (f"From the cache: made --offline, nothing was asked; the newest answer used is from {newest[:19]}Z, "
            f"7 days before this report (the oldest from {status_at[:19]}Z)")
    for text in (markdown.replace("**", ""), html.unescape(re.sub(r"<[^>]+>", "", page_))):
        assert line in text, text
        assert re.search(rf"1\. twitter post by @river_desk: ?available ?\(as of {status_at[:16]}Z\)", text), text
    assert datetime.now(timezone.utc) - datetime.fromisoformat(newest.replace("Z", "+00:00")) >= week


@pytest.mark.parametrize("link,other", [
    ("https://t.co/AbCdEf1234", "http://t.co/abcdef1234"),
    ("https://vm.tiktok.com/ZMabcDEF/", "https://vm.tiktok.com/ZMABCdef/"),
    ("https://fb.watch/AbCdEf/", "https://fb.watch/abcdef/"),
], ids=["t.co", "tiktok", "fb.watch"])
def test_a_short_links_code_in_another_case_is_another_link_in_the_caches_captures(tmp_path, link, other):
    """review31r2 (urlforms31 #15): a short link's code is case-sensitive (t.co/AbC and t.co/abc lead to two
    posts), but a short link names no post by an id, so every capture listed under it in any case was kept: a report
    cited the captures of another link as this one's. The same code with its host in another case stays its own."""
    from resolver.provenance import cached_snapshots, of_the_same_post

    listed = [link, other, link.replace("t.co", "T.CO").replace("vm.tiktok", "VM.TikTok").replace("fb.watch", "FB.watch")]
    rows = [{"service": "wayback", "original": url, "url": f"https://web.archive.org/web/2022120612{i:04d}/{url}",
             "timestamp": f"2022120612{i:04d}", "status": "200", "digest": "D", "mimetype": "text/html",
             "found_via": "cdx", "observed_at": "2026-11-29T00:00:00Z", "fetch_id": None} for i, url in enumerate(listed)]
    with Store(tmp_path / "c.db") as store:
        store.record_snapshots(rows)
        assert [row["original"] for row in cached_snapshots(link, store)] == [listed[0], listed[2]]
        assert [row["original"] for row in cached_snapshots(other, store)] == [other]
    assert [row["original"] for row in of_the_same_post(link, rows)] == [listed[0], listed[2]]


def test_review31r3_an_older_answer_recorded_later_is_not_the_last_seen_one(tmp_path):
    """A post seen available on 2026-11-20; a WARC of 2023 replayed into the same cache records that year's answer
    (dated by its WARC-Date: newuser28b) after it; then a live run finds the post gone. The last answer that showed
    it available is the 2026-11-20 one, not the one recorded last: `last_available` took the highest row id, so a
    gone post's checks were held against the 2023 words, "when the post was last seen available"."""
    from cache import Store
    from resolver.fetch.records import PostRecord
    from resolver.provenance import last_available

    store = Store(tmp_path / "cache.db")

    def seen(at: str, status: str, text: str | None, via: str | None = None) -> None:
        url = "https://cdn.syndication.twimg.com/tweet-result?id=1"
        fetch_id = store.record_fetch({"url": url, "contacted_url": url, "method": "GET", "fetched_at": at,
                                       "status": 200 if text else 404, "purpose": "syndication", "via": via})
        record = {"text": text, "author": {"handle": "river_desk", "name": None}} if text else {}
        store.record_observation({"platform": "twitter", "post_id": "1", "url": "https://twitter.com/river_desk/status/1",
                                  "status": status, "method": "syndication", "text": text, "record": record},
                                 [{"method": "syndication", "status": status, "fetch_id": fetch_id,
                                   "record": json.dumps(record)}], observed_at=at)

    seen("2026-11-20T10:00:00Z", "available", "The council rejected the budget.")
    seen("2023-05-02T10:00:00Z", "available", "The council rejected the plan.", via="warc")
    seen("2026-11-28T10:00:00Z", "not_found", None)
    assert store.post_row("twitter", "1")["status"] == "not_found"
    gone = PostRecord(platform="twitter", post_id="1", url="https://twitter.com/river_desk/status/1",
                      status="not_found", method="syndication")
    found = last_available(gone, store)
    assert found is not None and (found["fetched_at"], found["text"]) == (
        "2026-11-20T10:00:00Z", "The council rejected the budget."), found


def test_review31r3_a_last_seen_answer_whose_body_was_kept_redacted_says_so_where_it_is_cited(tmp_path):
    """The last answer that showed a post gone since had a configured secret redacted out of its body when kept (an
    X API error echoing the token): its "Last seen" rows cite that body's hash, and, as every other citation of such
    a body, must say "(secret redacted)" (the body is not byte for byte what the server sent). `last_available`
    carried no `body_redacted`, so the rows cited the hash as the server's."""
    from cache import Store
    from resolver.fetch.records import PostRecord
    from resolver.provenance import last_available, provenance_text

    store = Store(tmp_path / "cache.db")
    store.keep_body("ab" * 32, b'{"data": {"text": "Bridge open"}}', "application/json", redacted=True)
    url = "https://api.twitter.com/2/tweets?ids=1"
    fetch_id = store.record_fetch({"url": url, "contacted_url": url, "method": "GET", "status": 200,
                                   "fetched_at": "2026-11-20T10:00:00Z", "purpose": "x-api", "body_sha256": "ab" * 32})
    record = {"text": "Bridge open", "author": {"handle": "river_desk", "name": None}}
    store.record_observation({"platform": "twitter", "post_id": "1", "url": "https://twitter.com/river_desk/status/1",
                              "status": "available", "method": "x-api", "text": "Bridge open", "record": record},
                             [{"method": "x-api", "status": "available", "fetch_id": fetch_id,
                               "record": json.dumps(record)}], observed_at="2026-11-20T10:00:00Z")
    gone = PostRecord(platform="twitter", post_id="1", url="https://twitter.com/river_desk/status/1",
                      status="not_found", method="syndication")
    seen = last_available(gone, store)
    assert seen is not None and seen["body_redacted"] is True, seen
    assert f"body {'ab' * 6}… (secret redacted)" in provenance_text(seen)


def test_review31r3_a_gone_posts_last_answer_that_gave_a_title_is_not_compared_as_its_words(fakenet, tmp_path,
                                                                                           monkeypatch):
    """An Instagram post's oEmbed answer gives a title, not the post's words: while the post was up its text check
    skipped ("the source gives the post's title, not its words"). Once the post was gone, the check was held against
    that last answer's title as if it were the words, and a caption the article showed right failed on a spelling
    of the title's (harbour → harbor), tripping --fail-on fail. It skips, as for the live answer; the "Last seen"
    row is named "Last seen title"."""
    from tests.test_verdicts import HOSTS, cli_on_fakenet

    monkeypatch.setenv("META_ACCESS_TOKEN", "meta-SECRET31x")
    answers = [json_page({"version": "1.0", "type": "rich", "author_name": "harbourcafe", "provider_name": "Instagram",
                          "title": "Boats back in the harbor at last"}), page("not found", status=404)]
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed",
                  lambda request: (answers.pop(0) if len(answers) > 1 else answers[0])(request))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS + ["graph.facebook.com"])
    article = ('<html><body><p>The harbour.</p><blockquote class="instagram-media" data-instgrm-captioned '
               'data-instgrm-permalink="https://www.instagram.com/p/CyAbC123dEf/" data-instgrm-version="12"><div><a '
               'href="https://www.instagram.com/p/CyAbC123dEf/">View this post on Instagram</a></div><p><a '
               'href="https://www.instagram.com/p/CyAbC123dEf/">Boats back in the harbour at last</a></p><p>A post '
               'shared by <a href="https://www.instagram.com/harbourcafe/">Harbour Cafe</a> (@harbourcafe) on <time '
               'datetime="2023-10-12T08:00:00+00:00">Oct 12, 2023 at 1:00am PDT</time></p></blockquote></body></html>')
    code, data = run("report", "--format", "json", "article.html", article=article)
    assert code == 0, data
    [embed] = json.loads(data)["embeds"]
    assert next(c for c in embed["checks"] if c["name"] == "text")["result"] == "skip", embed["checks"]
    code, data = run("report", "--refresh", "--fail-on", "fail", "--format", "json", "article.html")
    assert code == 0, data
    [embed] = json.loads(data)["embeds"]
    assert embed["status"]["code"] != "available" and embed["post"]["last_available"], embed["post"]
    text = next(c for c in embed["checks"] if c["name"] == "text")
    assert text["result"] == "skip" and "title" in text["evidence"], text
    code, markdown = run("report", "--offline", "article.html")
    assert "| Last seen title |" in markdown and "| Last seen text |" not in markdown, markdown


@pytest.mark.parametrize("article, oembed_host, oembed_path, status, words", [
    ("The service posted https://bsky.app/profile/wx.example.social/post/3kqzz7alrt2The mayor replied.",
     "embed.bsky.app", "/oembed", "not_found", "not found (uncertain id)"),
    # newuser41a #1: an id cut short run into a word ("Eng1neerV1" + "Then") read as "Eng1neerV1T" was "not found",
    # which an editor read as the video removed; YouTube's oEmbed answers a 404 as plain "Not Found"
    ("The engineer: https://youtu.be/Eng1neerV1Then he spoke.",
     "www.youtube.com", "/oembed", "not_found", "not found (uncertain id)"),
    ("Our staff page https://news.riverton.example/@staff/112000000000000888 lists her.",
     "news.riverton.example", "/api/oembed", "not_confirmed", "not confirmed as a post"),
], ids=["bluesky-glued", "youtube-glued", "mastodon-path-alone"])
def test_a_post_not_found_under_an_uncertain_id_is_not_said_gone(fakenet, tmp_path, monkeypatch, article, oembed_host,
                                                                  oembed_path, status, words):
    """review31r4: an id read with a doubt (a URL run into the next words, a Mastodon path on an unknown host) that
    its source does not know was reported "not found", counted so in the summary, in the red of a gone post: the
    post the article shows may well exist under its real id, or be no post at all. The status says the id is
    uncertain, in the grey of what is not known; a Mastodon link known by its path alone whose host gives no Mastodon
    answer is not confirmed to be a post at all (left31)."""
    from tests.test_verdicts import HOSTS, cli_on_fakenet

    body, kind = ("Not Found", "text/html") if "youtu" in oembed_host else ('{"error": "not found"}', "application/json")
    fakenet.route(oembed_host, oembed_path, page(body, status=404, content_type=kind))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, [*HOSTS, *{oembed_host} - set(HOSTS)])
    said: list[str] = []
    code, out = run("report", "--format", "json", "article.txt", article=article, name="article.txt", said=said)
    assert code == 0, said
    [embed] = json.loads(out)["embeds"]
    assert embed["id_doubt"]
    assert embed["status"] == embed["status"] | {"code": status, "words": words, "tone": "unknown"}
    code, out = run("report", "article.txt")
    assert f"| Post status | {words} 1 |" in out, out
    if status == "not_found":   # and the scan's fetch line (newuser41a #1: "youtube Eng1neerV1T: not_found")
        code, out = run("scan", "--offline", "--fetch", "article.txt")
        assert ": not_found (uncertain id: not known to be gone) (via oembed)" in out, out


POST = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
TOMBSTONE = {"__typename": "TweetTombstone", "tombstone": {"text": {"text": "This Post was deleted by the Post author."}}}


@pytest.mark.parametrize("live, page_status, disagrees", [
    ("available", 404, "its page answered HTTP 404 while the post is available"),
    ("deleted", 200, "its page answered HTTP 200 while the post is deleted"),
    ("available", 200, None),
], ids=["available-page-404", "deleted-page-200", "agree"])
def test_newuser33_every_report_lists_the_page_copies_archive_wrote_to_the_warc(fakenet, tmp_path, live, page_status,
                                                                               disagrees):
    """newuser33 #5: `archive` takes a copy of each post's page into the WARC (X answers a tool's request for a post
    page otherwise than a reader's: here a 301 to x.com, then a 404), but no report named it: an exhibit's WARC held
    a 404 record beside a post the report called available, unexplained. Each page copy is listed in every format,
    each hop with its URL, HTTP status, time, fetch and WARC record, with a word when its status disagrees with the
    post's."""
    from warcio.archiveiterator import ArchiveIterator

    from tests.cliworld import World
    from tests.test_fetch import by_id, serve_media

    serve_media(fakenet)
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(
        fx.SYNDICATION_TWEET if live == "available" else TOMBSTONE)]}))
    x_page = f"https://x.com/RivertonRoads/status/{fx.POST_ID}"
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("", 301, Location=x_page))
    fakenet.route("x.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html><title>X</title></html>", page_status))
    serve(fakenet, [])
    from resolver.budgets import DEFAULT_LIMITS

    world = World(fakenet, tmp_path, extra="[limits]\n" + "".join(f'"{p}" = 0\n' for p in DEFAULT_LIMITS))
    article = tmp_path / "story.html"
    article.write_text(f'<blockquote class="twitter-tweet"><p>Bridge reopened.</p>&mdash; Riverton Roads '
                       f'(@RivertonRoads) <a href="{POST}">December 6, 2022</a></blockquote>')
    warc = tmp_path / "run.warc.gz"
    assert world("archive", "--warc", str(warc), str(article)).exit_code in (0, 1)
    report = json.loads(world("report", "--offline", "--format", "json", str(article)).stdout)
    jsonschema.validate(report, json.loads(SCHEMA.read_text()))
    [embed] = report["embeds"]
    [copy] = embed["page_copies"]
    assert (copy["url"], copy["status"], copy["note"] is not None) == (POST, page_status, disagrees is not None)
    assert [(h["url"], h["status"]) for h in copy["hops"]] == [(POST, 301), (x_page, page_status)]
    with warc.open("rb") as stream:
        records = {r.rec_headers.get_header("WARC-Target-URI"): r.http_headers.get_statuscode()
                   for r in ArchiveIterator(stream) if r.rec_type == "response"}
    store = Store(world.db)
    for hop in copy["hops"]:
        row = store.fetch(hop["fetch_id"])
        assert (row["url"], row["status"], row["purpose"], row["fetched_at"]) == (
            hop["url"], hop["status"], "archive-live", hop["fetched_at"])
        assert (hop["warc_record"]["file"], hop["warc_record"]["offset"]) == ("run.warc.gz", row["warc_offset"])
        assert records[hop["url"]] == str(hop["status"])
    if disagrees:
        assert copy["note"].startswith(disagrees), copy["note"]
    md = world("report", "--offline", str(article)).stdout
    [line] = [line for line in md.splitlines() if line.startswith("- Page copy: ")]
    first, last = copy["hops"]
    assert line.startswith(f"- Page copy: {POST}, HTTP 301, {first['fetched_at']}, fetch #{first['fetch_id']}, ")
    assert f"{x_page}, HTTP {page_status}, {last['fetched_at']}, fetch #{last['fetch_id']}" in line
    assert f"WARC run.warc.gz at offset {last['warc_record']['offset']}" in line
    assert (disagrees in line) if disagrees else line.count("—") == 0, line
    page_html = world("report", "--offline", "--format", "html", str(article)).stdout
    shown = html.unescape(re.sub(r"<[^>]+>", "", page_html))
    assert f"Page copy: {POST}, HTTP 301, {first['fetched_at']}, fetch #{first['fetch_id']}" in shown
    assert disagrees is None or disagrees in shown


def test_review33r1_a_lookup_made_under_another_spelling_of_the_handle_is_cited_by_the_report(world, tmp_path,  # noqa: F811
                                                                                          fakenet):
    """identity33 made a CDX lookup of `…/rivertonroads/…` answer for `…/RivertonRoads/…` (the archive lists a URL in
    any case): a report then asked nothing and said "no snapshot found" and "no archived copy was found", but cited
    no lookup, its citations still read by the URL's exact text: a claim no recorded fetch backed (review33r1). Now
    it names the lookup it rests on, under the spelling it was asked in, online and offline, Markdown and JSON."""
    config = tmp_path / "config.toml"
    config.write_text(config.read_text() + f'"https://twitter.com" = "{fakenet.origin}"\n')
    lower = f"https://twitter.com/rivertonroads/status/{fx.POST_ID}"
    fakenet.route("twitter.com", f"/rivertonroads/status/{fx.POST_ID}", page("<html>post</html>"))
    world("archive", lower)
    for args in ((), ("--offline",)):
        markdown = world("report", *args, "article.html")
        # an X post's page is listed with every URL under it (`?s=20`, a trailing slash: archive35)
        assert re.search(rf"- Archived: no snapshot found \(per the CDX lookup of URLs starting with {re.escape(lower)}, {TIME}, fetch "
                         rf"#\d+, body [0-9a-f]{{12}}…", markdown), markdown
        assert re.search(r"no archived copy was found for https://twitter.com/RivertonRoads/status/\d+ \(archive it: "
                         rf"embed-resolver archive --save\) \(per the CDX lookup of URLs starting with {re.escape(lower)}, ", markdown)
        first = json.loads(world("report", *args, "--format", "json", "article.html"))["embeds"][0]
        cited = [(found["service"], found["url"]) for found in first["archive_lookups"]]
        # beside it, the availability queries: the archive command's (under its spelling: an answer in any case,
        # runs34) and the one the report sent near the article's date (each query sent is cited: fixnu33a,
        # newuser33 #3)
        assert cited == [("cdx", lower), ("availability", lower),
                         ("availability", lower.replace("rivertonroads", "RivertonRoads"))], first


def test_a_post_said_deleted_under_an_uncertain_id_is_not_said_gone_by_scan(fakenet, tmp_path, monkeypatch):
    """review41e: the report says "deleted (uncertain id)" for a post gone under an id read with a doubt, but `scan
    --fetch` said it only of `not_found` (newuser41a #1): an X URL joined across a line break, whose joined id X
    answers as deleted, was "deleted" on the scan's fetch line, though the article's post may be another."""
    from tests.test_fetch import by_id
    from tests.test_verdicts import HOSTS, cli_on_fakenet

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(TOMBSTONE)]}))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    article = (f"The office wrote https://x.com/RivertonRoads/status/{fx.POST_ID[:-4]}\n{fx.POST_ID[-4:]} and then "
               "it left.")
    code, out = run("report", "--format", "json", "article.txt", article=article, name="article.txt")
    [embed] = json.loads(out)["embeds"]
    assert embed["id_doubt"] and embed["status"]["words"] == "deleted (uncertain id)", embed["status"]
    code, out = run("scan", "--offline", "--fetch", "article.txt")
    assert f"twitter {fx.POST_ID}: deleted (uncertain id: not known to be gone)" in out, out
