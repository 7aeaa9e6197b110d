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
        archived = re.findall(rf"Archived: [^\n]*?; latest [^\n]*? \(per the CDX lookup of https://\S+, {TIME}, "
                              rf"fetch #\d+, body [0-9a-f]{{12}}…|Archived: no snapshot found \(per the CDX lookup of "
                              rf"https://\S+, {TIME}, fetch #\d+, body [0-9a-f]{{12}}…", text)
        assert len(archived) == 2, text
        assert re.search(rf"(?:\*\*archive\*\*|WARN archive): no archived copy was found for https://\S+ \(archive it: "
                         rf"embed-resolver archive --save\) \(per the CDX lookup of https://\S+, {TIME}, fetch #\d+",
                         text), text


def test_hops_captures_and_image_metadata_carry_the_same_provenance_in_markdown_and_html(world):  # noqa: F811
    markdown = world("report", "article.html")
    page_ = html.unescape(world("report", "--format", "html", "article.html"))
    hop = re.search(rf"https://t.co/Zz98Yy76Xx \(301, {TIME}, fetch #\d+\)", markdown)
    assert hop, markdown
    assert hop.group(0) in page_
    row = next(line for line in markdown.splitlines() if line.startswith("| Archived text |"))
    assert re.search(r"fetch #\d+, body [0-9a-f]{12}…", row), row
    cell = row.rsplit("|", 2)[-2].strip()
    assert cell in page_
    inside = re.findall(r"Inside the image file: [^\n<]*", markdown)
    assert len(inside) == 2 and all(re.search(rf"\(https://pbs.twimg.com/media/\w+\.jpg, {TIME}, fetch #\d+, "
                                              r"sha256 [0-9a-f]{12}…\)", line) for line in inside), inside
    assert all(line in page_ for line in inside), re.findall(r"Inside the image file: [^\n<]*", page_)


def test_a_status_resting_on_one_source_says_the_other_failed(world, fakenet):  # noqa: F811
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", page("upstream error", status=500))
    fakenet.route("publish.twitter.com", "/oembed", page("not found", status=404))
    for text in (world("report", "article.html"), html.unescape(world("report", "--format", "html", "article.html"))):
        assert re.search(r"not found \(oEmbed answered 404; syndication answered HTTP 500 \(fetch #\d+, "
                         r"after 1 try\)\)", text), text
        assert re.search(r"twitter post 1600000000000000001: syndication answered HTTP 500 \(fetch #\d+, after 1 try\); "
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


def test_a_post_no_source_was_asked_for_cites_no_fetch_in_any_format(fakenet, reporter):  # noqa: F811
    """Telegram has no oEmbed, and Instagram's needs a token: the report said "Recorded from: oembed, <time>" and
    "not in the answer (oembed, …)" where no request was made, and the scan table "unknown (via oembed)"
    (newuser29 #6). Now: not fetched, and why; nothing recorded; method null; the same in every format."""
    serve(fakenet, [])
    article = ('<html><body><p>The channel said so.</p><script async src="https://telegram.org/js/telegram-widget.js'
               '?22" data-telegram-post="rivertonchannel/416"></script>'
               '<p><a href="https://www.instagram.com/p/CxAbC123dEf/">on Instagram</a></p></body></html>')
    code, scanned = reporter("scan", "--fetch", "article.html", article=article)
    assert code == 0, scanned
    assert "telegram rivertonchannel/416: unknown (not fetched: no source for Telegram posts)" in scanned, scanned
    assert "instagram CxAbC123dEf: unknown (not fetched: needs META_ACCESS_TOKEN)" in scanned, scanned
    code, markdown = reporter("report", "article.html")
    code_html, page_ = reporter("report", "--format", "html", "article.html")
    code_json, data = reporter("report", "--format", "json", "article.html")
    assert (code, code_html, code_json) == (0, 0, 0), markdown
    cells = html.unescape(re.sub(r"<[^>]+>", "|", page_))
    for why in ("no source for Telegram posts", "needs META_ACCESS_TOKEN"):
        row = f"| Status | — | not known (not fetched: {why}) | nothing recorded |"
        assert row in markdown, markdown
        assert re.search(rf"\|+Status\|+—\|+not known \(not fetched: {why}\)\|+nothing recorded\|", cells), cells
    for text in (markdown, cells):
        assert "oembed" not in text and "not in the answer" not in text, text
    embeds = json.loads(data)["embeds"]
    for embed, why in zip(embeds, ("no source for Telegram posts", "needs META_ACCESS_TOKEN"), strict=True):
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
    serve(fakenet, [Capture("20221206120000", video, b"<html>the video</html>"),
                    Capture("20221207000000", other, b"<html>another video</html>")])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, ["www.youtube.com", "web.archive.org", "archive.org"])
    article = f'<html><body><p>Watch <a href="{video}">this</a>.</p></body></html>'
    for how in ((), ("--offline",)):
        code, out = run("report", *how, "--format", "json", "article.html", article=article)
        assert code == 0, out
        [embed] = json.loads(out)["embeds"]
        assert [(s["timestamp"], s["url"].split("/", 5)[5]) for s in embed["snapshots"]] == [
            ("20221206120000", video)], (how, embed["snapshots"])


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
