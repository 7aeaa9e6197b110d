"""Findings of newuser44b (an academic web archivist and a court clerk checking an exhibit), fixed by fixnu44e:
`report --compare` pairs checks by name and says what it compared (#3, #4, #12), ... Run against the loopback
'internet' (tests/fakenet.py, tests/waybacknet.py) or on small fictional reports."""

import json

from tests.test_report import world  # noqa: F401  (the fixture)

from resolver.provenance import report_differences


def _report(checks, warc=None):
    return {"article": {"sha256": "a" * 64}, "credits": [],
            "embeds": [{"url": "https://twitter.com/HarbourDesk/status/2124111111111111119",
                        "status": {"code": "available"},
                        "checks": [{"name": n, "result": r, "evidence": e} for n, r, e in checks]}],
            "warc_files_cited": warc or []}


def test_compare_pairs_checks_by_name_and_names_a_check_added_or_no_longer_made():
    """A `source-date` check made now (a post's date edited in the cache) shifted the checks after it: --compare
    said "check snowflake-date pass, now warn", "check media skip, now pass", "check archive warn, now skip", none of
    which had changed (newuser44b #3). Checks are paired by name, and a new or dropped one is said to be so."""
    before = [("author", "pass", ""), ("date", "skip", ""), ("snowflake-date", "pass", ""), ("media", "skip", ""),
              ("archive", "warn", "")]
    after = [("author", "pass", ""), ("date", "skip", ""), ("source-date", "warn", ""), ("snowflake-date", "pass", ""),
             ("media", "skip", ""), ("archive", "warn", "")]
    assert report_differences(_report(before), _report(after)) == ["embed 1: check source-date (warn) made now, "
                                                                   "not before"]
    assert report_differences(_report(after), _report(before)) == ["embed 1: check source-date (warn) no longer made"]
    changed = [("author", "pass", ""), ("date", "skip", ""), ("snowflake-date", "pass", ""), ("media", "pass", ""),
               ("archive", "warn", "")]
    assert report_differences(_report(before), _report(changed)) == ["embed 1: check media skip, now pass"]


def test_compare_pairs_a_repeated_check_by_what_it_is_about():
    """`other-credits` is made once per other credit of the photo: one added for credit 3 is named as added, and
    the warning about credit 2 is paired with its own, not with the first in line."""
    two = [("other-credits", "warn", "credit 2 (x) credits A an image"), ("image-metadata", "pass", "")]
    three = [("other-credits", "warn", "credit 3 (y) credits B an image"),
             ("other-credits", "warn", "credit 2 (x) credits A an image"), ("image-metadata", "pass", "")]
    assert report_differences(_report(two), _report(three)) == [
        "embed 1: check other-credits on credit 3 (warn) made now, not before"]


def _warc(missing, path="/tmp/case/exhibit.warc.gz"):
    return [{"file": "exhibit.warc.gz", "path": path, "sha256": None if path is None else "b" * 64, "bytes": 10,
             "beside_database": True, "records": 5, "records_not_found": missing}]


def test_compare_counts_a_warc_that_lost_cited_records_or_is_gone_as_a_difference():
    """The report said "does not hold 1 of them … not the file the report cites" (a bit flipped in the WARC), or the
    WARC was not found, and --compare said "same verdicts, statuses and hashes", exit 0 (newuser44b #4)."""
    checks = [("author", "pass", "")]
    assert report_differences(_report(checks, _warc(0)), _report(checks, _warc(0, "/elsewhere/exhibit.warc.gz"))) == []
    assert report_differences(_report(checks, _warc(0)), _report(checks, _warc(1))) == [
        "WARC exhibit.warc.gz: holds 5 of the 5 records cited, now holds 4 of the 5 records cited"]
    assert report_differences(_report(checks, _warc(0)), _report(checks, _warc(5, None))) == [
        "WARC exhibit.warc.gz: holds 5 of the 5 records cited, now not found on this machine (5 records cited)"]
    assert report_differences(_report(checks, _warc(0)), _report(checks)) == ["WARC exhibit.warc.gz: cited before, "
                                                                             "not now"]


def test_compare_says_what_it_compared_and_what_not_and_a_markdown_report_is_no_json_report(fakenet, tmp_path):
    """"same verdicts, statuses and hashes" was said whatever became of the WARC; it now says the cited records were
    found as before, and that the WARC's sha256 and its records' bytes were not compared (newuser44b #4). A
    Markdown report given to --compare was "cannot read …: Expecting value: line 1 column 1 (char 0)" (#12)."""
    from tests.cliworld import World
    from tests.test_exhibit38 import STORY, serve_gone_post

    serve_gone_post(fakenet)
    world = World(fakenet, tmp_path)
    story = tmp_path / "story.html"
    story.write_text(STORY)
    warc = tmp_path / "court" / "exhibit.warc.gz"
    warc.parent.mkdir()
    assert world("archive", "--warc", str(warc), str(story)).exit_code == 0
    old = tmp_path / "old.json"
    assert world("report", "--offline", "--format", "json", "-o", str(old), str(story)).exit_code == 0
    [entry] = json.loads(old.read_text())["warc_files_cited"]
    same = world("report", "--offline", "--format", "md", "--compare", str(old), str(story))
    assert same.exit_code == 0, same.output
    assert (f"; WARC records found as before (exhibit.warc.gz: {entry['records']} of the {entry['records']} records "
            "cited); not compared: the WARC files' sha256") in same.stderr, same.stderr
    warc.rename(tmp_path / "moved.warc.gz")
    gone = world("report", "--offline", "--format", "md", "--compare", str(old), str(story))
    assert gone.exit_code == 6, gone.output
    assert f"WARC exhibit.warc.gz: holds {entry['records']} of the {entry['records']} records cited, now not found " \
           "on this machine" in gone.stderr, gone.stderr
    markdown = tmp_path / "old.md"
    markdown.write_text(same.stdout)
    wrong = world("report", "--offline", "--compare", str(markdown), str(story))
    assert wrong.exit_code == 2 and f"{markdown} is not a JSON report" in wrong.output, wrong.output


def test_fetch_and_scan_fetch_say_a_refused_x_token_beside_the_answer_the_status_rests_on(fakenet, tmp_path):
    """The X API answered 401 (the token refused); syndication answered 404. `fetch` printed "not_found via
    syndication / syndication answered 404", exit 0, and its --json held no 401, while the report said "the bearer
    token was refused (401) (fetch #6 …); its status (not found) rests on syndication alone" (newuser44b #6). Each
    now says the refused source under the post, and the JSON lists it in `sources_failed`; exit 0 as the report's,
    the status being syndication's answer (README, "Exit codes")."""
    from tests import waybacknet
    from tests import xfixtures as fx
    from tests.cliworld import World
    from tests.fakenet import page

    post = f"https://twitter.com/HarbourDesk/status/{fx.POST_ID}"
    fakenet.route("api.twitter.com", "/2/tweets", page(json.dumps(
        {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}), 401,
        content_type="application/problem+json"))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", page("", 404))
    fakenet.route("publish.twitter.com", "/oembed", page("", 404))
    fakenet.route("twitter.com", f"/HarbourDesk/status/{fx.POST_ID}", page("", 404))
    waybacknet.serve(fakenet, [])
    world = World(fakenet, tmp_path)
    env = {"X_BEARER_TOKEN": "fictional-bearer-token-for-a-401"}
    said = world("fetch", post, env=env)
    assert said.exit_code == 0, said.output
    assert "not_found  via syndication" in said.stdout, said.stdout
    assert "x-api: the bearer token was refused (401) (fetch #" in said.stdout, said.stdout
    assert "the status rests on syndication" in said.stdout
    line = json.loads(world("fetch", "--json", post, env=env).stdout.splitlines()[0])
    [failed] = line["sources_failed"]
    assert failed["method"] == "x-api" and failed["reason"] == "the bearer token was refused (401)", failed
    assert isinstance(failed["fetch_id"], int)
    story = tmp_path / "story.txt"
    story.write_text(f"The statement: {post}\n")
    scanned = world("scan", "--fetch", str(story), env=env)
    assert scanned.exit_code == 0, scanned.output
    assert "x-api: the bearer token was refused (401)" in scanned.stdout, scanned.stdout
    [article] = [json.loads(x) for x in world("scan", "--fetch", "--json", str(story), env=env).stdout.splitlines()]
    assert "the bearer token was refused (401)" in json.dumps(article)


def _warc_records(path):
    """(type, WARC headers, HTTP headers, payload) of every record, digests checked, as warcio reads them."""
    from warcio.archiveiterator import ArchiveIterator

    out = []
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream, check_digests="raise"):
            out.append((record.rec_type, record.rec_headers, record.http_headers, record.content_stream().read()))
    return out


def test_a_warc_response_record_says_how_its_message_differs_from_the_one_received(fakenet, tmp_path, monkeypatch):
    """A server sent its page with `Content-Encoding: gzip` and `X-Served-By`: the record held the decoded body, no
    Content-Encoding, `x-served-by` and a new Content-Length, and nothing in it said so, while the README calls
    `WARC-Embed-Resolver-Redacted: body` the mark of a body not byte for byte the one received (newuser44b #5). The
    body stays decoded (as replay tools read a record whose headers match its payload); each response record now says
    every rewrite in `WARC-Embed-Resolver-Rewritten`, and `warcio check` still passes."""
    import gzip

    from resolver.warc import check
    from tests import waybacknet
    from tests.cliworld import World
    from tests.fakenet import page

    # werkzeug's handler answers HTTP/1.1 once any threaded server of the process has started (it sets the class's
    # protocol_version then): the version is set here, so that the record's status line is this test's to know; one
    # page answered in HTTP/1.0, the other in HTTP/1.1, each written as received (review45d: with one version only,
    # every status line written as that one passed)
    from werkzeug.serving import WSGIRequestHandler

    html = b"<html><body><p>The council met at the harbour.</p></body></html>"
    encoded = gzip.compress(html)
    fakenet.route("news.example", "/gz", page(encoded, **{"Content-Encoding": "gzip", "X-Served-By": "fictional"}))
    fakenet.route("news.example", "/plain", page(html))
    waybacknet.serve(fakenet, [])
    world = World(fakenet, tmp_path)
    warc = tmp_path / "run.warc.gz"
    for path, version in (("/gz", "HTTP/1.0"), ("/plain", "HTTP/1.1")):
        monkeypatch.setattr(WSGIRequestHandler, "protocol_version", version)
        done = world("archive", "--warc", str(warc), f"https://news.example{path}")
        assert done.exit_code == 0, done.output
    found = {rec.get_header("WARC-Target-URI"): (rec, http, body) for kind, rec, http, body in _warc_records(warc)
             if kind == "response"}
    rec, http, body = found["https://news.example/gz"]
    assert body == html and http.get_header("Content-Encoding") is None
    assert http.protocol == "HTTP/1.0"   # the loopback server's, as it answered
    assert rec.get_header("WARC-Embed-Resolver-Rewritten") == (
        "header names in lower case (the case received is not kept); body decoded from Content-Encoding gzip, that "
        f"header dropped; Content-Length {len(html)} written for the body kept (received: {len(encoded)})")
    rec, http, body = found["https://news.example/plain"]
    assert body == html and http.protocol == "HTTP/1.1"
    assert rec.get_header("WARC-Embed-Resolver-Rewritten") == \
        "header names in lower case (the case received is not kept)"
    assert check(warc)[0], check(warc)


def test_the_rewrites_said_are_each_one_made():
    """Chunked transfer undone, a Content-Length added where none came, and HTTP/2's status line written as
    HTTP/1.1 are each said; an answer whose length and protocol are kept gets the header names' case alone."""
    from resolver.warc import NAMES_LOWER_CASED, rewrites

    assert rewrites([("transfer-encoding", "chunked")], 12, "HTTP/2") == [
        NAMES_LOWER_CASED, "Transfer-Encoding chunked undone, that header dropped", "Content-Length 12 added",
        "status line written as HTTP/1.1 (received over HTTP/2)"]
    assert rewrites([("content-length", "12")], 12, "HTTP/1.1") == [NAMES_LOWER_CASED]


def archive_with_revisits(fakenet, tmp_path):
    """An `archive` run that takes the post's photo twice (media step, live copy): its WARC holds revisit records."""
    from tests import xfixtures as fx
    from tests.cliworld import World
    from tests.test_exhibit_warc import POST, serve_post
    from tests.test_fetch import json_page

    serve_post(fakenet, json_page(fx.SYNDICATION_TWEET))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page_of("<html><body>post</body></html>"))
    fakenet.route("archive.org", "/wayback/available", json_page({"archived_snapshots": {}}))
    world = World(fakenet, tmp_path)
    story = tmp_path / "story.txt"
    story.write_text(f"The bridge.\n— Riverton Roads (@RivertonRoads) December 6, 2022 {POST}\n")
    warc = tmp_path / "run.warc.gz"
    done = world("archive", "--warc", str(warc), str(story))
    assert done.exit_code == 0, done.output
    return world, warc


def test_one_archive_run_writes_a_payload_it_took_twice_once_and_a_revisit_record_for_the_second(fakenet, tmp_path):
    """`archive` took a post's photo in its media step, then its live copy: the WARC held two full response records
    of one payload, while the README says a copy the WARC holds "is kept rather than taken again" (newuser44b #7). The
    second is now a WARC 1.1 identical-payload-digest revisit record (WARC-Refers-To, -Target-URI, -Date) of the
    first; `warcio check` passes, warcio's ArchiveIterator reads it, and a replay answers it with the payload."""
    from resolver.warc import ReplayIndex, check, replayed_payload
    from tests import xfixtures as fx

    world, warc = archive_with_revisits(fakenet, tmp_path)
    found = _warc_records(warc)
    full = [(rec.get_header("WARC-Target-URI"), rec.get_header("WARC-Payload-Digest"))
            for kind, rec, _, _ in found if kind == "response" and rec.get_header("WARC-Payload-Digest")]
    assert len(full) == len(set(full)), sorted(full)
    responses = {rec.get_header("WARC-Record-ID"): rec for kind, rec, _, _ in found if kind == "response"}
    revisits = [(rec, http, body) for kind, rec, http, body in found if kind == "revisit"]
    photo = "https://pbs.twimg.com/media/FjRivertonBridge.jpg"
    assert photo in [rec.get_header("WARC-Target-URI") for rec, _, _ in revisits], revisits
    for rec, http, body in revisits:
        first = responses[rec.get_header("WARC-Refers-To")]
        assert rec.get_header("WARC-Profile") == "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
        assert rec.get_header("WARC-Payload-Digest") == first.get_header("WARC-Payload-Digest")
        assert rec.get_header("WARC-Refers-To-Target-URI") == first.get_header("WARC-Target-URI")
        assert rec.get_header("WARC-Refers-To-Date") == first.get_header("WARC-Date")
        assert body == b"" and http.get_statuscode() == "200"
    assert check(warc)[0], check(warc)
    replayed = ReplayIndex([warc]).take("GET", photo)
    assert replayed is not None and b"".join(replayed_payload(replayed)) == fx.jpeg(
        iptc={(2, 80): b"Bea Example", (2, 110): b"Riverton Post"})


def page_of(html):
    from tests.fakenet import page

    return page(html)


def test_each_runs_warcinfo_says_its_version_and_configuration_and_each_record_names_it(fakenet, tmp_path):
    """The warcinfo held only `software` and `format`; a second run appending to the WARC wrote none, and no record
    said which run wrote it (newuser44b #9). Each run writing to the file writes its own warcinfo with the run's
    configuration (the origins mapped, only_configured, the X methods, the TTLs, the User-Agent; never a secret),
    and every record it writes carries its `WARC-Warcinfo-ID`."""
    from tests import xfixtures as fx
    from tests.cliworld import World
    from tests.test_exhibit_warc import POST, serve_post
    from tests.test_fetch import json_page

    serve_post(fakenet, json_page(fx.SYNDICATION_TWEET), json_page(fx.SYNDICATION_TWEET))
    world = World(fakenet, tmp_path, extra='[x]\nmethods = ["syndication", "oembed"]\n')
    warc = tmp_path / "exhibit.warc.gz"
    secret = "fictional-bearer-token-never-written"
    for refresh in ([], ["--refresh"]):
        done = world("fetch", "--no-media", *refresh, "--warc", str(warc), POST, env={"X_BEARER_TOKEN": secret})
        assert done.exit_code == 0, done.output
    found = _warc_records(warc)
    infos = [(rec, body) for kind, rec, _, body in found if kind == "warcinfo"]
    assert len(infos) == 2, [kind for kind, *_ in found]
    from resolver import __version__

    for rec, body in infos:
        text = body.decode()
        assert f"software: embed-resolver/{__version__}\r\n" in text
        assert f"embed-resolver-origins: http://api.twitter.com = {fakenet.origin}; " in text
        assert f"; https://api.twitter.com = {fakenet.origin}; " in text
        assert "embed-resolver-only-configured: false\r\n" in text
        assert "embed-resolver-x-methods: syndication, oembed\r\n" in text
        assert "embed-resolver-cache-ttl-days: 30\r\n" in text
        assert f"http-header-user-agent: embed-resolver/{__version__}" in text
        assert secret not in text
    ids = [rec.get_header("WARC-Record-ID") for rec, _ in infos]
    cited = [rec.get_header("WARC-Warcinfo-ID") for kind, rec, _, _ in found if kind != "warcinfo"]
    assert set(cited) == set(ids) and all(cited), cited
    order = [rec.get_header("WARC-Warcinfo-ID") or rec.get_header("WARC-Record-ID") for _, rec, _, _ in found]
    assert order.index(ids[1]) > max(i for i, value in enumerate(order) if value == ids[0])   # each run's after it


def test_markdown_and_html_cite_the_warc_record_of_a_credited_images_download(world):  # noqa: F811
    """The JSON gave a credited image's `warc_record` (file, offset, record id); the Markdown and HTML reports said
    "Inside the image file: … (…jpg, …, fetch #24, sha256 3d5d6fab6e70…, via …)" and named no WARC record, while a
    post's rows named theirs (newuser44b #10). Each now cites it as a post's row does."""
    import html
    import re

    world("scan", "--fetch", "--warc", "exhibit.warc.gz", "article.html")
    data = json.loads(world("report", "--offline", "--format", "json", "article.html"))
    cited = [c["image_metadata"]["warc_record"] for c in data["credits"]
             if c.get("image_metadata") and c["image_metadata"].get("credit") and c["image_metadata"].get("warc_record")]
    assert cited, data["credits"]
    markdown = world("report", "--offline", "article.html")
    page_ = html.unescape(re.sub(r"<[^>]+>", "", world("report", "--offline", "--format", "html", "article.html")))
    for record in cited:
        said = f"WARC {record['file']} at offset {record['offset']}, record {record['record_id']}"
        for text, cited_as in ((markdown, said.replace("<", "\\<").replace(">", "\\>")), (page_, said)):
            assert any(cited_as in line for line in re.findall(r"Inside the image file: [^\n]*", text)), text


def test_a_page_copy_refused_alike_in_several_runs_is_listed_once_and_a_command_is_a_code_span(fakenet, tmp_path):
    """With `[origins] only_configured = true` and twitter.com unmapped, each `archive` run's copy of a post's page
    was refused, and the report listed "Page copy: … refused …" once per refusal, three times (newuser44b #12): now
    once, the latest, naming the fetches it stands for. The Markdown showed "\\`embed-resolver resolve --text-links
    ARTICLE\\`", its backticks escaped; the command is now a code span (<code> in HTML)."""
    from tests import waybacknet
    from tests import xfixtures as fx
    from tests.cliworld import World
    from tests.test_exhibit_warc import POST, serve_post
    from tests.test_fetch import json_page

    serve_post(fakenet, json_page(fx.SYNDICATION_TWEET))
    waybacknet.serve(fakenet, [])
    world = World(fakenet, tmp_path)
    config = [line for line in world.config.read_text().splitlines() if '://twitter.com"' not in line]
    world.config.write_text("\n".join(config) + "\nonly_configured = true\n")
    story = tmp_path / "story.txt"
    story.write_text("River Wire reported the gauge reading: https://t.co/Ab12Cd34Ef\n\nThe council met later that week "
                     "and said nothing of the river at all, the minutes show.\n\nThe bridge.\n— Riverton Roads "
                     f"(@RivertonRoads) December 6, 2022 {POST}\n")
    for _ in range(2):
        done = world("archive", str(story))
        assert done.exit_code in (0, 1), done.output
    data = json.loads(world("report", "--offline", "--format", "json", str(story)).stdout)
    copies = [c for e in data["embeds"] for c in e.get("page_copies") or [] if c["url"] == POST]
    assert len(copies) == 1, copies
    assert "refused" in copies[0]["hops"][0]["error"] and copies[0]["note"].startswith("the same no-answer 2 times")
    markdown = world("report", "--offline", str(story)).stdout
    assert len([line for line in markdown.splitlines() if line.startswith(f"- Page copy: {POST}")]) == 1
    [line] = [line for line in markdown.splitlines() if line.startswith("- **Links not followed**")]
    assert "not followed (the first: https://t.co/Ab12Cd34Ef): `embed-resolver resolve --text-links ARTICLE` follows " \
           "them" in line and "\\`" not in line, line
    page_ = world("report", "--offline", "--format", "html", str(story)).stdout
    assert "<code>embed-resolver resolve --text-links ARTICLE</code>" in page_
