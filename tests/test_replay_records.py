"""--replay over WARCs written by others (crawlers) and over several records of one request (newuser30b): which
record answers, what is said of the others, and how a request no record holds is recorded and reported.

Every WARC here is built in the test with warcio; no server answers anything: a replay never asks the network."""

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from resolver.fetch import syndication
from tests import xfixtures as fx
from tests.cliworld import World

POST = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
AVAILABLE = ("2024-05-16T09:05:00Z", fx.SYNDICATION_TWEET)
DELETED = ("2024-06-20T11:00:00Z", fx.TOMBSTONE_DELETED)


def write_warc(path, *answers, url=None):
    """A WARC at `path` of syndication answers for POST, each (WARC-Date, JSON body); `url`: the request URL
    (default: what the tool asks, with the real token, as a crawler records it)."""
    url = url or syndication.request_url(fx.POST_ID)
    return write_records(path, *((url, date, 200, "application/json", json.dumps(body).encode())
                                 for date, body in answers))


def write_records(path, *records):
    """A WARC at `path` of (URL, WARC-Date, status, Content-Type, body) answers, each a response record and its
    request record as a crawler writes them."""
    from urllib.parse import urlsplit

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, date, status, kind, data in records:
            response = writer.create_warc_record(
                url, "response", payload=io.BytesIO(data), warc_headers_dict={"WARC-Date": date},
                http_headers=StatusAndHeaders(f"{status} OK", [("Content-Type", kind),
                                                              ("Content-Length", str(len(data)))], protocol="HTTP/1.1"))
            split = urlsplit(url)
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), warc_headers_dict={"WARC-Date": date},
                http_headers=StatusAndHeaders(f"GET {split.path}?{split.query} HTTP/1.1", [("Host", split.netloc)],
                                              is_http_request=True))
            request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
            writer.write_record(response)
            writer.write_record(request)
    return path


def fetched(world, *warcs, url=POST):
    replays = [a for w in warcs for a in ("--replay", str(w))]
    result = world(*replays, "fetch", "--no-media", "--json", url)
    return result, json.loads(result.stdout.splitlines()[0]) if result.stdout.strip() else None


def test_a_crawlers_warc_answers_a_syndication_lookup_whatever_its_token(fakenet, tmp_path):
    """newuser30b #2: the replay looked the syndication URL up only as `token=REDACTED`, the form the tool's own WARC
    writes; a crawler's WARC holds the real token (computed from the post id, no secret of the user's), so it never
    answered: "not-in-warc". The token changes no answer: the request is matched without it, and in any order of
    its parameters."""
    real = syndication.request_url(fx.POST_ID)
    assert "token=REDACTED" not in real
    base, query = real.split("?", 1)
    reordered = base + "?" + "&".join(reversed(query.split("&")))   # a crawler's client may order them otherwise
    for name, url in (("real", real), ("reordered", reordered), ("other-token", real.replace("token=", "token=x"))):
        warc = write_warc(tmp_path / f"{name}.warc.gz", AVAILABLE, url=url)
        (tmp_path / name).mkdir()
        world = World(fakenet, tmp_path / name)
        result, post = fetched(world, warc)
        assert result.exit_code == 0, (name, result.output)
        assert (post["status"], post["text"]) == ("available", fx.SYNDICATION_TWEET["text"]), name
    assert not fakenet.hits


def test_a_syndication_record_of_another_post_or_language_does_not_answer(fakenet, tmp_path):
    """Only the token is left out of the match: another id is another post, another `lang` another answer (a
    tombstone's words are in the language asked for, and they are what says why a post is gone)."""
    real = syndication.request_url(fx.POST_ID)
    world = World(fakenet, tmp_path)
    for name, url in (("other-id", real.replace(f"id={fx.POST_ID}", f"id={fx.GONE_ID}")),
                      ("other-lang", real.replace("lang=en", "lang=de"))):
        result, _ = fetched(world, write_warc(tmp_path / f"{name}.warc.gz", AVAILABLE, url=url))
        assert result.exit_code == 1 and "not-in-warc" in result.output, (name, result.output)


@pytest.mark.parametrize("order", ["available-first", "deleted-first", "one-file", "one-file-reversed"])
def test_the_newest_record_answers_and_the_others_are_said(fakenet, tmp_path, order):
    """newuser30b #1: two WARCs (or two records in one) answering the same request otherwise gave whichever was named
    first, the other never mentioned: the order of --replay decided whether a post was available or deleted. Now
    the record with the latest WARC-Date answers (the post's status as of the newest crawl), and the answer says
    that another record answered otherwise: its date, its file and what it said."""
    early, late = tmp_path / "may.warc.gz", tmp_path / "june.warc.gz"
    if order.startswith("one-file"):
        answers = (AVAILABLE, DELETED) if order == "one-file" else (DELETED, AVAILABLE)
        warcs = [write_warc(tmp_path / "both.warc.gz", *answers)]
        early = late = warcs[0]
    else:
        write_warc(early, AVAILABLE)
        write_warc(late, DELETED)
        warcs = [early, late] if order == "available-first" else [late, early]
    world = World(fakenet, tmp_path)
    result, post = fetched(world, *warcs)
    assert result.exit_code == 0, result.output
    assert post["status"] == "deleted"
    said = post["reason"]
    assert said.startswith("tombstone: This Post was deleted"), said
    assert ("answered by the newest WARC record of this request (WARC-Date 2024-06-20T11:00:00.000000Z, the post as "
            f"of the newest crawl); another WARC record of this request answered otherwise: {early} (offset ") in said
    assert said.endswith("), WARC-Date 2024-05-16T09:05:00.000000Z: available"), said
    report = world("--replay", str(warcs[0]), *[a for w in warcs[1:] for a in ("--replay", str(w))],
                   "fetch", "--no-media", POST)
    assert "2024-05-16T09:05:00.000000Z: available" in report.output
    assert not fakenet.hits


def test_two_records_of_the_same_answer_are_no_contradiction(fakenet, tmp_path):
    """A crawl that fetched an answer twice and got the same bytes: the newest answers, and nothing is said of the
    other (it answered the same)."""
    warc = write_warc(tmp_path / "twice.warc.gz", AVAILABLE, ("2024-06-20T11:00:00Z", fx.SYNDICATION_TWEET))
    result, post = fetched(World(fakenet, tmp_path), warc)
    assert result.exit_code == 0, result.output
    assert post["status"] == "available" and not post["reason"], post["reason"]


def test_a_request_no_replayed_warc_holds_is_said_to_be_not_in_them_with_no_time(fakenet, tmp_path):
    """newuser30b #4 and replay30 2e: a request the WARC could not answer was recorded as a live fetch at the
    replay's time (`via: live`, `fetched_at` today, no file), a hop's JSON had no reason, and the Markdown said "not
    in the answer (syndication, <today>, fetch #5)" when there was no answer; the report's archive check stated a
    not-in-warc lookup it did not list among its lookups. Now it is recorded and said as what it is: not in the
    replayed WARC files (named), no answer, no time of the source's; and a lookup is listed."""
    from cache import Store, utc_now

    other = write_warc(tmp_path / "other.warc.gz", AVAILABLE,
                       url=syndication.request_url(fx.GONE_ID))   # holds another post only
    article = tmp_path / "article.txt"
    article.write_text("Bridge reopened this morning after repairs. https://t.co/Zz98Yy76Xx\n"
                       f"— Riverton Roads (@RivertonRoads) December 6, 2022 {POST}\n")
    world = World(fakenet, tmp_path)
    today = utc_now()[:10]
    result = world("--replay", str(other), "report", "--format", "json", str(article))
    # each request the WARC did not hold is a step that failed: exit 1, an error line each (newuser32 #5); but the
    # archive lookup, which asked the archive nothing (reports36: it was "archive lookup failed")
    assert result.exit_code == 1, result.output
    said = result.stderr.splitlines()
    failed = ["link https://t.co/Zz98Yy76Xx (embed #1) ended in an error", f"post twitter {fx.POST_ID} could not be "
              "fetched"]
    assert len(said) == len(failed) and all(line.startswith(f"error: {article}: {what}: not-in-warc: not in the "
                                                            f"replayed WARC files ({other}): GET ")
                                            for line, what in zip(said, failed)), said
    report = json.loads(result.stdout)
    missing = f"not in the replayed WARC files ({other}): no answer, so no time of the source's"
    with Store(world.db) as store:
        rows = list(store.db["fetches"].rows)
    assert rows and all((r["via"], r["warc_file"], r["error_kind"], r["answered_at_unknown"]) ==
                        ("warc", None, "not-in-warc", missing) for r in rows), rows
    hops = [h for e in report["embeds"] for r in e["resolutions"] for h in r["hops"]]
    assert hops and all((h["status"], h["fetched_at"], h["answered_at_unknown"]) == (None, None, missing)
                        for h in hops), hops
    [embed] = [e for e in report["embeds"] if e["post"]]
    assert {s["answered_at_unknown"] for s in embed["post"]["sources"]} == {missing}, embed["post"]["sources"]
    assert embed["archive_lookups"] and all(found["answered_at_unknown"] == missing and found["fetched_at"] is None
                                            for found in embed["archive_lookups"]), embed["archive_lookups"]
    md = world("--replay", str(other), "report", str(article)).stdout
    assert today not in "".join(line for line in md.splitlines() if not line.startswith(("- Scanned", "- Generated")))
    assert "not in the answer" not in md
    status = next(line for line in md.splitlines() if line.startswith("| Status |"))
    assert missing in status and "replayed from WARC (file not recorded)" not in md, status
    assert not fakenet.hits


def test_archive_replay_says_a_page_not_in_the_warc_and_dates_a_replayed_copy(fakenet, tmp_path):
    """newuser30b #6: `archive --replay` said nothing when a post page was not in the WARC (`live_status: null`, no
    reason, no error line, not a failed step), and a replayed copy was reported in `live_*` fields, with no date, as
    if taken live. Now the missing one says why, names the files and fails the step; a replayed copy is given as
    replayed: its file, offset, status and WARC-Date."""
    from resolver.archive import form_query, lookup_forms

    gone = f"https://twitter.com/RivertonRoads/status/{fx.GONE_ID}"
    cdx = json.dumps([["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]]).encode()
    warc = write_records(tmp_path / "crawl.warc.gz",
                         (POST, "2024-05-15T13:00:00Z", 200, "text/html", b"<html>the post page</html>"),
                         *((form_query(f, u), "2024-05-15T13:01:00Z", 200, "application/json", cdx)
                           for u in (POST, gone) for f in lookup_forms(u)))   # the lists an X post's lookup asks
    world = World(fakenet, tmp_path)
    result = world("--replay", str(warc), "archive", "--json", POST, gone)
    assert result.exit_code == 1, result.output   # a page not in the WARC is a step that failed
    found = {a["url"]: a for a in map(json.loads, result.stdout.splitlines())}
    kept, missing = found[POST], found[gone]
    assert (kept["live_status"], kept["live_url"], kept["warc"], kept["live_error"]) == (None, None, None, None)
    assert {k: v for k, v in kept["replayed"].items() if k != "offset"} == {
        "file": str(warc), "url": POST, "status": 200, "warc_date": "2024-05-15T13:00:00.000000Z",
        "answered_at_unknown": None}
    assert kept["count"] == 0 and kept["error"] is None
    assert (missing["live_status"], missing["warc"], missing["replayed"]) == (None, None, None)
    assert missing["live_error"] == f"not-in-warc: not in the replayed WARC files ({warc}): GET {gone}"
    table = world("--replay", str(warc), "archive", POST, gone)
    assert f"page copy of {gone} failed: not-in-warc: not in the replayed WARC files ({warc})" in table.stderr
    assert f"error: page copy: not-in-warc: not in the replayed WARC files ({warc}): GET {gone}" in table.output
    assert (f"replayed copy: {warc} @ {kept['replayed']['offset']}, WARC-Date 2024-05-15T13:00:00.000000Z"
            in table.output), table.output
    assert "local copy" not in table.output
    assert not fakenet.hits


def test_a_crawlers_syndication_token_is_no_configured_secret_and_a_configured_one_is_never_kept(fakenet, tmp_path):
    """The token matched around (newuser30b #2) is no secret of the user's: a record of it answers, its value is not
    taken for a configured secret (no "withheld" URL, no redaction said of the answer), and a configured X bearer
    token asked of the same replay (the X API first, not in the WARC) reaches neither the database nor the output."""
    bearer = "MRKxbearer7Q2replaytoken"
    warc = write_warc(tmp_path / "crawl.warc.gz", AVAILABLE)
    world = World(fakenet, tmp_path)
    result = world("--replay", str(warc), "fetch", "--no-media", "--json", POST, env={"X_BEARER_TOKEN": bearer})
    post = json.loads(result.stdout.splitlines()[0])
    assert post["status"] == "available" and post["text"] == fx.SYNDICATION_TWEET["text"], result.output
    assert bearer not in result.output and bearer.encode() not in world.db.read_bytes()
    from cache import Store
    with Store(world.db) as store:
        rows = {r["purpose"]: r for r in store.db["fetches"].rows}
        redacted = [r["redacted"] for r in store.db["bodies"].rows]
    assert rows["syndication"]["via"] == "warc" and rows["syndication"]["warc_file"] == str(warc)
    assert not any(redacted), "the answer was said to have a secret redacted out of it"


def write_gone_post_warc(path):
    """A WARC of a deleted post's lookup as a stopped run leaves it: the syndication tombstone, the twitter.com CDX
    list naming one capture and that capture (a placeholder page: no words of the post), each at its own
    WARC-Date; the other lists are not in it (each replay asks them: not-in-warc)."""
    from resolver.archive import lookup_url
    from resolver.fetch.wayback import raw_url
    from tests.waybacknet import HEADER, Capture

    page = f"twitter.com/RivertonRoads/status/{fx.POST_ID}"
    shell = (Path(__file__).parent / "fixtures" / "captures" / "login_wall_react.html").read_bytes()
    found = Capture("20240210120000", f"https://{page}", shell)
    listing = json.dumps([HEADER, found.row()]).encode()
    memento = [("Memento-Datetime", "Sat, 10 Feb 2024 12:00:00 GMT")]
    records = [(syndication.request_url(fx.POST_ID), "2024-06-20T11:00:00Z", "application/json",
                json.dumps(fx.TOMBSTONE_DELETED).encode(), []),
               (lookup_url(page, prefix=True), "2024-06-20T11:00:01Z", "application/json", listing, []),
               (raw_url(found.timestamp, found.original), "2024-06-20T11:00:02Z", "text/html; charset=utf-8", shell,
                memento)]
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, date, kind, data, extra in records:
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(data), warc_headers_dict={"WARC-Date": date},
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", kind), ("Content-Length", str(len(data))),
                                                         *extra], protocol="HTTP/1.1")))
    return path


def test_fixnu32a_a_warc_replayed_again_records_each_record_once_each_observation_at_its_own_time(fakenet, tmp_path):
    """newuser32 #3 and #4: a gone post's lookup the WARC holds in part is asked again by every replay (the lists it
    lacks are no answer); each replay wrote every record's fetch row and observation again (the same answer read as
    four sightings), and the source's observation was dated by the capture record's WARC-Date. One WARC record is
    one fetch row and one observation however often it is replayed, each observation at its own record's time."""
    warc = write_gone_post_warc(tmp_path / "crawl.warc.gz")
    world = World(fakenet, tmp_path)
    for _ in range(3):
        result, post = fetched(world, warc)
        assert post is not None and post["status"] == "deleted", result.output
    assert not fakenet.hits
    from cache import Store

    store = Store(world.db)
    rows = store.conn.execute("SELECT warc_offset, count(*) FROM fetches WHERE warc_offset IS NOT NULL "
                              "GROUP BY warc_sha256, warc_offset").fetchall()
    assert len(rows) == 3 and all(count == 1 for _, count in rows), rows
    seen = store.conn.execute("SELECT o.method, o.observed_at, f.fetched_at FROM post_observations o "
                              "JOIN fetches f ON f.id = o.fetch_id ORDER BY o.id").fetchall()
    assert [(method, at) for method, at, _ in seen] == [
        ("syndication", "2024-06-20T11:00:00.000000Z"), ("wayback", "2024-06-20T11:00:02.000000Z")], seen
    assert all(at == fetched_at for _, at, fetched_at in seen)


def test_review32r3_a_replayed_answer_dated_after_now_is_no_fresh_answer_for_a_live_run(fakenet, tmp_path):
    """review32r3: a WARC written by a machine whose clock ran a year ahead, replayed into a cache, gave the post a
    last observation "from the future": every live run took it as fresh (within cache_ttl until a year and 30 days
    from now), asked nothing, and said "available" though the post was deleted, with no "From the cache" line (an
    answer dated after the run began read as asked by it). A time after now is no time: the live run asks."""
    from datetime import datetime, timedelta, timezone

    from tests.test_fetch import by_id, json_page

    ahead = (datetime.now(timezone.utc) + timedelta(days=365)).strftime("%Y-%m-%dT%H:%M:%SZ")
    warc = write_warc(tmp_path / "ahead.warc.gz", (ahead, fx.SYNDICATION_TWEET))
    world = World(fakenet, tmp_path)
    result, post = fetched(world, warc)
    assert post is not None and post["status"] == "available", result.output
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.TOMBSTONE_DELETED)]}))
    result, post = fetched(world)
    assert post is not None and post["status"] == "deleted", result.output
    assert any(host == "cdn.syndication.twimg.com" for host, _ in fakenet.hits)
    assert world("fetch", "--reparse").exit_code == 0   # every view made again: the answer from ahead is not newest
    result = world("fetch", "--offline", "--no-media", "--json", POST)
    assert json.loads(result.stdout.splitlines()[0])["status"] == "deleted", result.output
