"""Archiving against loopback servers playing the Wayback availability API, CDX (JSON), Save Page Now 2, and a
round trip: archive an article's embeds into a WARC, then replay it with no server and get the same records."""

import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from werkzeug.wrappers import Response

from resolver import archive
from resolver.archive import ArchiveOptions, archive_urls
from resolver.budgets import TokenBucket
from resolver.identify import identify
from resolver.session import Session
from resolver.warc import check
from tests import xfixtures as fx
from tests.blankstore import blank_cache
from tests.fakenet import page, redirect
from tests.test_fetch import by_id, json_page, serve_media
from tests.waybacknet import urlkey

POST = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
CDX_HEADER = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]


# The commands that make --db when it is not there (`cache` and `stats` refuse a missing one instead)
MAKE_A_CACHE = frozenset({"scan", "resolve", "fetch", "archive", "report"})


def fresh_cache(db: Path, args) -> None:
    """Before a run of a command that would make its cache at `db`, a copy of an empty cache there: the cache a new
    one is (tests/blankstore.py, test_blankstore), 4 ms of CPU against 16 (#14). How a cache is made is not what the
    tests here check; every run after the first opened the cache the first made, as it opens this one."""
    args = set(args)
    if not db.exists() and db.parent.is_dir() and MAKE_A_CACHE & args and not {"--no-store", "--help"} & args:
        blank_cache(db)


def cdx_rows(*captures):
    return [CDX_HEADER] + [["com,twitter)/rivertonroads/status/" + o.rsplit("/", 1)[-1], ts, o, "text/html", "200",
                            "Q4YULN754FHV2U6Q5JUT6Q2P57WEWNNY", "1415"] for ts, o in captures]


def serve_wayback(fakenet, captures=()):
    # CDX and the availability API compare URLs by their lower-case SURT key, as the real ones do (urlforms32)
    def cdx(request):
        url = request.args.get("url")
        return Response(json.dumps(cdx_rows(*[(ts, o) for ts, o in captures if urlkey(o) == urlkey(url)])),
                        content_type="application/json")

    def available(request):
        url = request.args.get("url")
        hits = [(ts, o) for ts, o in captures if urlkey(o) == urlkey(url)]
        if not hits:
            return Response(json.dumps({"url": url, "archived_snapshots": {}}), content_type="application/json")
        ts, original = hits[-1]
        return Response(json.dumps({"url": url, "archived_snapshots": {"closest": {
            "status": "200", "available": True, "url": f"http://web.archive.org/web/{ts}/{original}", "timestamp": ts}}}),
            content_type="application/json")
    fakenet.route("web.archive.org", "/cdx/search/cdx", cdx)
    fakenet.route("archive.org", "/wayback/available", available)


def settings_for(fakenet, **overrides):
    hosts = sorted({h for h, _ in fakenet.routes} | {"web.archive.org", "archive.org", "cdn.syndication.twimg.com",
                                                      "publish.twitter.com", "pbs.twimg.com", "video.twimg.com",
                                                      "twitter.com"})
    return fakenet.settings(hosts=hosts, **overrides)


def run_archive(urls, settings, store, **options):
    """Archive URLs in a session of their own, each result as the JSON `archive --json` prints."""
    found = Session(settings, store=store).run(
        lambda s: archive_urls(urls, session=s, options=ArchiveOptions(poll_every=0.01, **options)))
    return [a.to_json() for a in found]


def test_lookup_lists_snapshots_and_stores_them(fakenet, store):
    serve_wayback(fakenet, [("20221206060000", POST), ("20230101000000", POST)])
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    [result] = run_archive([POST], settings_for(fakenet), store)
    assert result["count"] == 2 and result["earliest"]["timestamp"] == "20221206060000"
    assert result["latest"]["url"] == f"https://web.archive.org/web/20230101000000/{POST}"
    assert result["closest"]["status"] == "200" and result["saved"] is None and result["error"] is None
    assert {s["timestamp"] for s in store.snapshots_for(POST)} == {"20221206060000", "20230101000000"}


def test_a_post_named_in_another_form_is_looked_up_by_its_canonical_url(fakenet, tmp_path):
    """CDX matches a URL exactly: `archive https://x.com/<handle>/status/<id>?s=20` (what a share button copies)
    looked up that form, "0 captures", for a post whose captures are filed under its canonical twitter.com URL."""
    from tests.cliworld import World

    serve_wayback(fakenet, [("20221206060000", POST), ("20230101000000", POST)])
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    result = World(fakenet, tmp_path)("archive", "--json", "--warc", str(tmp_path / "a.warc.gz"),
                                      f"https://x.com/RivertonRoads/status/{fx.POST_ID}?s=20&t=AbCdEf")
    assert result.exit_code == 0, result.output
    post = json.loads(result.stdout.splitlines()[0])
    assert (post["url"], post["count"]) == (POST, 2)


def test_blocked_site_is_an_error_with_the_reason(fakenet, store):
    fakenet.route("web.archive.org", "/cdx/search/cdx", page(
        "org.archive.util.io.RuntimeIOException: org.archive.wayback.exception.AdministrativeAccessControlException: "
        "Blocked Site Error\n", 403, content_type="text/plain;charset=UTF-8", **{
            "X-Archive-Wayback-Runtime-Error": "org.archive.util.io.RuntimeIOException: org.archive.wayback.exception."
                                               "AdministrativeAccessControlException: Blocked Site Error"}))
    fakenet.route("archive.org", "/wayback/available", json_page({"archived_snapshots": {}}))
    [result] = run_archive(["https://blocked.example/"], settings_for(fakenet), store)
    assert result["error"] == "blocked: Blocked Site Error" and result["count"] is None   # not known, not none


def test_a_lookup_that_failed_says_the_captures_are_not_known(fakenet, store, tmp_path):
    """A CDX answer that never came (a 503, offline and never asked) says nothing of how many captures there are:
    not "0 captures", which reads as "never archived"."""
    from resolver.report import archive_text

    fakenet.route("web.archive.org", "/cdx/search/cdx", page("busy", 503))
    fakenet.route("archive.org", "/wayback/available", json_page({"archived_snapshots": {}}))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    found = Session(settings_for(fakenet, retries=0), store=store).run(
        lambda s: archive_urls([POST], session=s, options=ArchiveOptions(poll_every=0.01)))
    [result] = [a.to_json() for a in found]
    assert (result["error"], result["count"], result["earliest"]) == ("cdx: HTTP 503", None, None)
    shown = archive_text(found[0]).plain
    assert "captures not known" in shown and "0 captures" not in shown


def spn(fakenet, *, submit, statuses):
    seen = {}

    def save(request):
        seen["auth"] = request.headers.get("Authorization")
        seen["form"] = dict(request.form)
        return submit.pop(0)(request) if len(submit) > 1 else submit[0](request)
    fakenet.route("web.archive.org", "/save", save)
    for job, answers in statuses.items():
        fakenet.route("web.archive.org", f"/save/status/{job}", *answers)
    return seen


def test_save_job_accepted_pending_then_success(fakenet, store):
    serve_wayback(fakenet)
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    job = "spn2-0123456789abcdef0123456789abcdef12345678"
    seen = spn(fakenet, submit=[json_page({"url": POST, "job_id": job})], statuses={job: [
        json_page({"status": "pending", "job_id": job, "resources": []}),
        json_page({"status": "success", "job_id": job, "original_url": POST, "timestamp": "20261125230000",
                   "duration_sec": 6.2, "resources": [POST], "outlinks": {}})]})
    settings = settings_for(fakenet, ia_access_key="ia-key-SECRET", ia_secret_key="ia-secret-SECRET")
    [result] = run_archive([POST], settings, store, save=True)
    assert result["saved"]["status"] == "success"
    assert result["saved"]["snapshot_url"] == f"https://web.archive.org/web/20261125230000/{POST}"
    assert seen["auth"] == "LOW ia-key-SECRET:ia-secret-SECRET" and seen["form"]["url"] == POST
    dump = "\n".join(str(r) for t in store.db.table_names() for r in store.db[t].rows)
    assert "SECRET" not in dump


@pytest.mark.parametrize("submit,statuses,expected", [
    ([json_page({"message": "Cannot resolve host nxdomain.example.", "status": "error",
                 "status_ext": "error:invalid-host-resolution"})], {}, ("error", "error:invalid-host-resolution")),
    ([json_page({"url": POST, "job_id": None, "message": "The same snapshot had been made 3 minutes ago."})], {},
     ("recent", None)),
    ([json_page({"url": POST, "job_id": "j-err"})], {"j-err": [json_page({
        "status": "error", "exception": "[Errno -2]", "status_ext": "error:not-found", "job_id": "j-err",
        "message": "Target URL not found", "resources": []})]}, ("error", "error:not-found")),
    ([json_page({"url": POST, "job_id": "j-slow"})], {"j-slow": [json_page({"status": "pending", "job_id": "j-slow"})]},
     ("gave_up", None)),
    ([page("Too Many Requests", 429)], {}, ("pending", None)),
    # Answers of other shapes: before, a JSON list or string raised AttributeError, and a success without a
    # timestamp became a snapshot at "web/None/..." (#12).
    ([json_page(["not", "an", "object"])], {}, ("error", None)),
    ([json_page({"url": POST, "job_id": "j-odd"})], {"j-odd": [json_page("done")]}, ("gave_up", None)),
    ([json_page({"url": POST, "job_id": "j-notime"})], {"j-notime": [json_page({"status": "success"})]},
     ("error", None)),
    ([json_page({"url": POST, "job_id": ["j"]})], {}, ("error", None)),
], ids=["immediate-error", "recent-capture", "job-error", "gave-up", "429", "list-answer", "string-status",
        "success-without-time", "odd-job-id"])
def test_save_outcomes(fakenet, store, submit, statuses, expected):
    serve_wayback(fakenet)
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    spn(fakenet, submit=submit, statuses=statuses)
    settings = settings_for(fakenet, ia_access_key="ia-key-k", ia_secret_key="ia-secret-s", save_timeout=0.2, retries=1)
    [result] = run_archive([POST], settings, store, save=True)
    assert (result["saved"]["status"], result["saved"]["status_ext"]) == expected
    row = store.latest_save(POST)
    assert row["status"] == expected[0]   # a give-up is recorded as such, never as done


@pytest.mark.parametrize("recent_status,submitted", [("302", True), ("404", True), ("429", True), ("200", False)])
def test_only_a_recent_good_capture_spares_a_save(fakenet, store, recent_status, submitted):
    """Since 2023 twitter.com answers a post URL with a redirect, so Wayback's recent captures of it are 302s that
    hold no post: a recent capture that is a redirect or an error page is no copy, and the URL is saved."""
    from datetime import datetime, timedelta, timezone

    yesterday = (datetime.now(timezone.utc) - timedelta(days=1)).strftime("%Y%m%d%H%M%S")
    rows = cdx_rows(("20221206060000", POST), (yesterday, POST))
    rows[2][4] = recent_status
    fakenet.route("web.archive.org", "/cdx/search/cdx", json_page(rows))
    fakenet.route("archive.org", "/wayback/available", json_page({"archived_snapshots": {}}))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    seen = spn(fakenet, submit=[json_page({"url": POST, "job_id": "j1"})], statuses={"j1": [json_page(
        {"status": "success", "job_id": "j1", "original_url": POST, "timestamp": "20261125000000"})]})
    settings = settings_for(fakenet, ia_access_key="ia-key-k", ia_secret_key="ia-secret-s")
    [result] = run_archive([POST], settings, store, save=True)
    assert result["latest"]["timestamp"] == yesterday
    assert ("form" in seen) is submitted
    assert result["saved"]["status"] == ("success" if submitted else "recent")
    if not submitted:   # a save spared says why (before: `saved: null`, as if none had been asked for)
        taken = datetime.strptime(yesterday, "%Y%m%d%H%M%S").strftime("%Y-%m-%dT%H:%M:%SZ")
        assert result["saved"]["message"] == f"not submitted: a good capture from {taken} is newer than --max-age " \
                                             "(30 days)"
        assert result["saved"]["snapshot_url"] == f"https://web.archive.org/web/{yesterday}/{POST}"
        assert store.latest_save(POST) is None   # nothing queued


@pytest.mark.parametrize("first", ["success", "recent"])
def test_a_url_saved_within_max_age_is_not_submitted_again(fakenet, store, first):
    """The CDX answer read before a save is kept for the cache TTL and does not list the capture the save made: the
    next run's save must not take it for "no recent capture" and submit the URL again."""
    serve_wayback(fakenet)
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    submitted = [json_page({"url": POST, "job_id": "j1"})] if first == "success" else [
        json_page({"url": POST, "job_id": None, "message": "The same snapshot had been made 3 minutes ago."})]
    seen = spn(fakenet, submit=submitted, statuses={"j1": [json_page(
        {"status": "success", "job_id": "j1", "original_url": POST, "timestamp": "20261125000000"})]})
    settings = settings_for(fakenet, ia_access_key="ia-key-k", ia_secret_key="ia-secret-s")
    [one] = run_archive([POST], settings, store, save=True)
    assert one["saved"]["status"] == first
    hits = len(fakenet.hits)
    seen.clear()
    [two] = run_archive([POST], settings, store, save=True)
    assert "form" not in seen and two["saved"]["status"] == first
    assert [h for h in fakenet.hits[hits:] if h[1].startswith("/save")] == []


def test_pending_saves_survive_a_restart_and_no_keys_says_so(fakenet, store):
    serve_wayback(fakenet)
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    [result] = run_archive([POST], settings_for(fakenet), store, save=True)
    assert result["saved"]["status"] == "no-keys" and "IA_ACCESS_KEY" in result["saved"]["message"]
    assert [r["url"] for r in store.pending_saves()] == [POST]       # left for a later run
    spn(fakenet, submit=[json_page({"url": POST, "job_id": "j1"})], statuses={"j1": [json_page(
        {"status": "success", "job_id": "j1", "original_url": POST, "timestamp": "20261125000000"})]})
    settings = settings_for(fakenet, ia_access_key="ia-key-k", ia_secret_key="ia-secret-s")

    [done] = Session(settings, store=store).run(lambda s: archive.process_queue(session=s, poll_every=0.01))
    assert done.status == "success" and store.pending_saves() == []


def test_token_bucket_paces_without_spinning():
    now = [0.0]
    bucket = TokenBucket(15, capacity=2, clock=lambda: now[0])
    assert bucket.wait_time() == 0
    bucket.tokens -= 2
    assert bucket.wait_time() == pytest.approx(4.0)      # 15 a minute: one every 4 s
    now[0] = 4.0
    assert bucket.wait_time() == 0


def test_identify_a_remnant_by_date_window_and_text(fakenet, store):
    inside, other, outside = "1600000000000000001", "1600000100000000001", "1500000000000000001"
    captures = [("20221206060000", f"https://twitter.com/RivertonRoads/status/{i}") for i in (inside, other, outside)]

    def cdx(request):
        asked = request.args.get("url")
        assert request.args.get("matchType") == "prefix" and asked.startswith(
            ("twitter.com/RivertonRoads/status/", "x.com/RivertonRoads/status/"))
        listed = [c for c in captures if c[1].removeprefix("https://").startswith(asked)]
        return Response(json.dumps(cdx_rows(*listed) if listed else []), content_type="application/json")
    fakenet.route("web.archive.org", "/cdx/search/cdx", cdx)
    wrong = dict(fx.SYNDICATION_TWEET, id_str=other, text="Traffic update for the ring road tonight.")
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        inside: [json_page(fx.SYNDICATION_TWEET)], other: [json_page(wrong)]}))
    settings = settings_for(fakenet)

    found = Session(settings, store=store).run(lambda s: identify(
        "RivertonRoads", "2022-12-06", "Bridge reopened this morning after repairs. pic.twitter.com/Zz98Yy76Xx",
        session=s))
    assert found.post_id == inside and found.candidates == 2 and found.confidence == 1.0
    assert {c["post_id"] for c in found.evidence["candidates"]} == {inside, other}


def test_identification_weighs_a_written_address_against_where_a_candidates_t_co_link_leads(fakenet, store):
    """replay29: the t.co -> address map a candidate's answer gives (entities.urls) was not used, so a remnant naming
    another address than the one the post's link leads to passed unremarked."""
    inside = "1600000000000000001"
    listed = [("20221206060000", f"https://twitter.com/RivertonRoads/status/{inside}")]
    fakenet.route("web.archive.org", "/cdx/search/cdx", lambda request: Response(
        json.dumps(cdx_rows(*[c for c in listed if c[1].removeprefix("https://").startswith(request.args["url"])])
                   or []), content_type="application/json"))
    linked = dict(fx.SYNDICATION_TWEET, text="Road closures for the marathon tomorrow: https://t.co/Mar4Thon01",
                  entities={"hashtags": [], "user_mentions": [], "symbols": [], "urls": [
                      {"url": "https://t.co/Mar4Thon01", "expanded_url": "https://rivertonpost.example/marathon",
                       "display_url": "rivertonpost.example/marathon", "indices": [41, 64]}]})
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({inside: [json_page(linked)]}))
    found = Session(settings_for(fakenet), store=store).run(lambda s: identify(
        "RivertonRoads", "2022-12-06", "Road closures for the marathon tomorrow: rivertonpost.example/parade", session=s))
    [candidate] = found.evidence["candidates"]
    assert candidate["result"] == "warn" and ("the article's link rivertonpost.example/parade is not the post's "
                                              "(t.co/Mar4Thon01, which leads to rivertonpost.example/marathon)"
                                              ) in candidate["evidence"]


ARTICLE = ("Bridge reopened this morning after repairs. https://t.co/Zz98Yy76Xx\n"
           f"— Riverton Roads (@RivertonRoads) December 6, 2022 {POST}\n"
           "More later.\n")


def serve_the_article_world(fakenet, tmp_path):
    """The services ARTICLE's link and post lead to, and a config file pointing at them; returns its path."""
    fakenet.route("t.co", "/Zz98Yy76Xx", redirect("https://pic.twitter.com/Zz98Yy76Xx"))
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", redirect(POST + "/photo/1"))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>the post page</html>"))
    serve_media(fakenet)
    serve_wayback(fakenet, [("20221206060000", POST)])
    config = tmp_path / "config.toml"
    config.write_text("[network]\nretries = 0\n[origins]\n" + "".join(
        f'"{k}" = "{v}"\n' for k, v in settings_for(fakenet).origins.items()))
    return config


def test_round_trip_archive_then_replay_gives_the_same_records(fakenet, tmp_path):
    config = serve_the_article_world(fakenet, tmp_path)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)
    warc = tmp_path / "run.warc.gz"

    def cli(db, *args):
        from resolver.cli import cli as command
        fresh_cache(tmp_path / db, args)
        result = CliRunner().invoke(command, ["--config", str(config), "--db", str(tmp_path / db), *args])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines()]

    archived = cli("live.db", "archive", "--json", "--warc", str(warc), str(article))
    assert {a["url"] for a in archived} >= {POST, fx.PHOTO_URL}
    assert all(a["warc"] for a in archived if a["live_status"] == 200)
    live = cli("live.db", "scan", "--fetch", "--json", str(article))[0]
    passed, report = check(warc)
    assert passed, report
    import gzip
    assert b"Authorization" not in gzip.decompress(warc.read_bytes())

    fakenet.routes.clear()          # the servers answer nothing now: every answer must come from the WARC
    hits = len(fakenet.hits)
    replayed = cli("replay.db", "--replay", str(warc), "scan", "--fetch", "--json", str(article))[0]
    assert len(fakenet.hits) == hits

    def comparable(scan):
        resolutions = [{k: r[k] for k in ("url", "final_url", "canonical_url", "post", "error")}
                       | {"hops": [(h["url"], h["status"], h["location"]) for h in r["hops"]]}
                       for r in scan["resolutions"]]
        posts = [{k: v for k, v in p.items() if k not in ("fetch_ids", "from_cache", "status_as_of")}
                 for p in scan["posts"]]
        return resolutions, posts
    assert comparable(replayed) == comparable(live)
    # as of its WARC record's date (the request's time), not the replay's: no later than the live run's observation
    assert all(r["status_as_of"] <= p["status_as_of"] for r, p in zip(replayed["posts"], live["posts"]))
    assert replayed["posts"][0]["media"][0]["sha256"] == live["posts"][0]["media"][0]["sha256"]
    from cache import Store
    assert {r["via"] for r in Store(tmp_path / "replay.db").db["fetches"].rows} == {"warc"}


def redated(warc, to, date: str | None) -> None:
    """A copy of the WARC `warc` at `to`, every record's WARC-Date set to `date`: a WARC written some time ago (or a
    date that reads as no time); None takes it out, as a tool that did not date its records left them."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.warcwriter import WARCWriter

    with open(warc, "rb") as source, open(to, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for record in ArchiveIterator(source):
            if date is None:
                record.rec_headers.remove_header("WARC-Date")
            else:
                record.rec_headers.replace_header("WARC-Date", date)
            writer.write_record(record)


def md_record(cited: dict) -> str:
    """How a Markdown report names the WARC record of a citation in JSON: "record \\<urn:uuid:…\\>" (escaped)."""
    record_id = cited["warc_record"]["record_id"]
    assert record_id.startswith("<urn:uuid:") and record_id.endswith(">")
    return f"record \\{record_id[:-1]}\\>"


_ARCHIVED: dict[str, bytes] = {}


def replay_world(fakenet, tmp_path, warc_date: str | None, *, live_db: bool = False):
    """ARTICLE's world archived into a WARC whose every record is dated `warc_date` (`redated`), then the servers
    emptied: every answer must come from the WARC. Gives (cli, article, warc); cli(db, *args) runs the command
    line on the cache `db` and gives its stdout.

    The live `archive` run is made once a process for a config (the config names the loopback server's port) and
    its WARC, the same bytes, written into each later test's folder: the servers answer the same, the records' dates
    are all replaced by `redated`, and nothing in the WARC names the test's folder. A test that reads the live run's
    own cache (live.db, which names the article by its path) passes `live_db=True` and gets a run of its own."""
    config = serve_the_article_world(fakenet, tmp_path)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)
    written, warc = tmp_path / "written.warc.gz", tmp_path / "run.warc.gz"

    def cli(db, *args, exit_code=0):
        from resolver.cli import cli as command
        fresh_cache(tmp_path / db, args)
        result = CliRunner().invoke(command, ["--config", str(config), "--db", str(tmp_path / db), *args])
        assert result.exit_code == exit_code, result.output
        return result.stdout

    key = config.read_text()
    if live_db or key not in _ARCHIVED:
        cli("live.db", "archive", "--json", "--warc", str(written), str(article))
        _ARCHIVED[key] = written.read_bytes()
    else:
        written.write_bytes(_ARCHIVED[key])
    redated(written, warc, warc_date)
    fakenet.routes.clear()
    return cli, article, warc


@pytest.mark.parametrize("warc_date,expected", [
    ("2023-03-01T10:00:00Z", "2023-03-01T10:00:00.000000Z"),
    ("2026-11-29T08:08:22.757059Z", "2026-11-29T08:08:22.757059Z"),
    ("2023-03-01T11:00:00+01:00", "2023-03-01T10:00:00.000000Z"),
    ("2023-03-01T10:00:00", "2023-03-01T10:00:00.000000Z"),
    ("yesterday", None),
    (None, None),
], ids=["seconds", "microseconds", "offset", "no-zone-is-utc", "not-a-date", "none"])
def test_a_warc_date_is_read_as_the_cache_writes_times(warc_date, expected):
    from resolver.warc import answered_at

    assert answered_at(warc_date) == expected


def test_a_replayed_answer_is_dated_when_the_source_answered_not_when_it_was_replayed(fakenet, tmp_path):
    """newuser28b: a --replay run recorded and reported the replay's time as when the service answered; the WARC
    record's WARC-Date was recorded nowhere. A year-old WARC dated a year-old "deleted" to the day it was replayed."""
    cli, article, warc = replay_world(fakenet, tmp_path, "2023-03-01T10:00:00Z")   # as if written long ago
    hits = len(fakenet.hits)
    report = json.loads(cli("replay.db", "--replay", str(warc), "report", "--format", "json", str(article)))
    assert len(fakenet.hits) == hits
    from cache import Store
    fetches = list(Store(tmp_path / "replay.db").db["fetches"].rows)
    assert fetches and {(r["via"], r["fetched_at"]) for r in fetches} == {("warc", "2023-03-01T10:00:00.000000Z")}
    [embed] = [e for e in report["embeds"] if e["post"]]
    [source] = embed["post"]["sources"]
    assert (source["fetched_at"], source["observed_at"], source["warc_file"]) == (
        "2023-03-01T10:00:00.000000Z", "2023-03-01T10:00:00.000000Z", str(warc))
    md = cli("replay.db", "report", "--offline", str(article))   # the replayed answers, as the cache keeps them
    status = next(line for line in md.splitlines() if line.startswith("| Status |"))
    # its first citation names the URL asked and the status replayed (newuser31 #6), then as any other
    status = re.sub(r"syndication, https://cdn\.syndication\.twimg\.com/tweet-result\?id=\S+, HTTP 200, ",
                    "syndication, ", status)
    record = md_record(source)   # the record's WARC-Record-ID (replay33)
    assert status.endswith(f"| syndication, fetch #{source['fetch_id']}, body {source['body_sha256'][:12]}…, "
                           f"replayed from WARC {warc}, {record}, answered at 2023-03-01T10:00:00.000000Z, via configured origin "
                           f"{source['contacted_origin']} for cdn.syndication.twimg.com |"), status


def test_a_replay_ages_cached_answers_from_the_replayed_records_time_not_from_now(fakenet, tmp_path):
    """replay29: under --replay a cached answer's age (cache_ttl) was measured against now, so the answers a first
    replay of a year-old WARC recorded (dated to their WARC-Date) were past the TTL on the next replay, and every
    one was asked of the WARC again, recorded again. Now a replay's "now" is its records' time (their oldest
    WARC-Date): a replayed answer is as old as its record whenever it is replayed. A live run ages it from now."""
    run, article, warc = replay_world(fakenet, tmp_path, "2023-03-01T10:00:00Z")

    def cli(*args):
        return run("replay.db", *args)
    from cache import Store

    def fetches():
        with Store(tmp_path / "replay.db") as store:
            return len(list(store.db["fetches"].rows))
    first = json.loads(cli("--replay", str(warc), "scan", "--fetch", "--json", str(article)))
    recorded = fetches()
    assert recorded and not first["posts"][0]["from_cache"]
    again = json.loads(cli("--replay", str(warc), "scan", "--fetch", "--json", str(article)))
    assert fetches() == recorded   # nothing asked of the WARC again: the answers are as old as its records
    assert again["posts"][0]["from_cache"] and again["posts"][0]["status"] == first["posts"][0]["status"]
    assert all(r["from_cache"] for r in again["resolutions"])
    report = json.loads(cli("--replay", str(warc), "report", "--format", "json", str(article)))
    recorded = fetches()   # and the archive lookups a report makes, which a scan does not
    assert report["replay"] == {
        "files": [str(warc)], "answers_aged_from": "2023-03-01T10:00:00.000000Z", "cache_ttl_days": 30,
        "offline": False, "sha256": [hashlib.sha256(warc.read_bytes()).hexdigest()]}   # the file's (replay33)
    md = cli("--replay", str(warc), "report", str(article))
    assert (f"- **Replay**: answers replayed from {warc}; a cached answer's age (cache_ttl, 30 days) is measured from "
            "the replayed records' time, 2023-03-01T10:00:00.000000Z (their oldest WARC-Date), not from now") in md
    assert fetches() == recorded and "**Replay**" not in cli("report", "--offline", str(article))
    hits = len(fakenet.hits)
    # live: 2023 is past the TTL; the emptied servers answer the gone post's capture lists 404, a failed archive
    # lookup, exit 1 (newuser36b #1)
    live = json.loads(run("replay.db", "scan", "--fetch", "--json", str(article), exit_code=1))
    assert len(fakenet.hits) > hits and not live["posts"][0]["from_cache"]


@pytest.mark.parametrize("date,why", [
    (None, "the replayed WARC record has no WARC-Date"),
    ("last spring", "the replayed WARC record's WARC-Date 'last spring' is not a time"),
], ids=["no-warc-date", "unparsable-warc-date"])
def test_a_replayed_answer_with_no_warc_date_says_when_it_was_given_is_not_known(fakenet, tmp_path, date, why):
    """replay29: a record with no WARC-Date, or one that reads as no time, was dated to the replay's own time, and the
    report said "answered at <the replay's time>": a time the source never answered at. Now the time is not known,
    and every format says so (JSON: null, and why)."""
    cli, article, warc = replay_world(fakenet, tmp_path, date)
    from cache import utc_now
    before = utc_now()
    report = json.loads(cli("replay.db", "--replay", str(warc), "report", "--format", "json", str(article)))
    import jsonschema
    jsonschema.validate(report, json.loads((Path(__file__).parents[1] / "schema" / "report.schema.json").read_text()))
    [embed] = [e for e in report["embeds"] if e["post"]]
    [source] = embed["post"]["sources"]
    unknown = f"{why}: when the source gave this answer is not known"
    assert (source["fetched_at"], source["observed_at"], source["answered_at_unknown"], source["warc_file"]) == (
        None, None, unknown, str(warc))
    hops = [h for e in report["embeds"] for r in e["resolutions"] for h in r["hops"]]
    assert hops and all(h["fetched_at"] is None and h["answered_at_unknown"] == unknown for h in hops)
    from cache import Store
    rows = list(Store(tmp_path / "replay.db").db["fetches"].rows)
    assert rows and all(r["answered_at_unknown"] == unknown and r["fetched_at"] >= before for r in rows)
    md = cli("replay.db", "report", "--offline", str(article))   # the replayed answers, as the cache keeps them
    status = next(line for line in md.splitlines() if line.startswith("| Status |"))
    # its first citation names the URL asked and the status replayed (newuser31 #6), then as any other
    status = re.sub(r"syndication, https://cdn\.syndication\.twimg\.com/tweet-result\?id=\S+, HTTP 200, ",
                    "syndication, ", status)
    assert status.endswith(f"| syndication, fetch #{source['fetch_id']}, body {source['body_sha256'][:12]}…, "
                           f"replayed from WARC {warc}, {md_record(source)}, {unknown}, via configured origin "
                           f"{source['contacted_origin']} for cdn.syndication.twimg.com |"), status
    dated = [line for line in md.replace(str(tmp_path), "").splitlines() if before[:10] in line]
    assert len(dated) == 2 and dated[0].startswith("- Scanned: ") and dated[1].startswith("- Generated by "), dated


def test_review31r3_a_report_from_undated_replayed_answers_does_not_say_no_answer_was_used(fakenet, tmp_path):
    """A cache holding only answers replayed from WARC records with no WARC-Date, reported --offline: the "From the
    cache" line said "no recorded answer was used", though every fact of the report rests on those answers (they
    give no time, so none was the newest). Now it says the answers used give no time, in JSON too (`undated`)."""
    cli, article, warc = replay_world(fakenet, tmp_path, None)
    cli("replay.db", "--replay", str(warc), "report", "--format", "json", str(article))
    report = json.loads(cli("replay.db", "report", "--offline", "--format", "json", str(article)))
    import jsonschema
    jsonschema.validate(report, json.loads((Path(__file__).parents[1] / "schema" / "report.schema.json").read_text()))
    assert report["answers"]["newest"] is None and report["answers"]["undated"] > 0, report["answers"]
    md = cli("replay.db", "report", "--offline", str(article))
    [line] = [line for line in md.splitlines() if line.startswith("- **From the cache**")]
    assert "no recorded answer was used" not in line, line
    assert line.endswith(f"made --offline, nothing was asked; the {report['answers']['undated']} answers used give "
                         "no time (replayed from WARC records with none)"), line


def an_old_warc_of_today(fakenet, tmp_path):
    """ARTICLE's world served and archived today into the cache c.db and a WARC (the post up), and a copy of that
    WARC whose records are dated 2023-03-01 (`redated`): an old WARC replayed into a cache that knows newer answers.
    Gives (cli, article, warc); cli(*args) runs the command line on c.db and gives its stdout."""
    config = serve_the_article_world(fakenet, tmp_path)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)
    written, warc = tmp_path / "written.warc.gz", tmp_path / "run.warc.gz"

    def cli(*args):
        from resolver.cli import cli as command
        fresh_cache(tmp_path / "c.db", args)
        result = CliRunner().invoke(command, ["--config", str(config), "--db", str(tmp_path / "c.db"), *args])
        assert result.exit_code == 0, result.output
        return result.stdout

    cli("archive", "--json", "--warc", str(written), str(article))
    redated(written, warc, "2023-03-01T10:00:00Z")
    return cli, article, warc


def test_a_replay_answers_from_its_warc_not_from_a_live_answer_the_cache_holds(fakenet, tmp_path):
    """replay29b: under --replay a live answer already in the cache, newer than the replayed records, was used
    instead of the WARC's: a report "replayed from" a WARC of a post still up said it was deleted, as today's live
    run had found, and a link the WARC never held was answered as the live run had followed it. Now a replay answers
    from its WARC only; what the WARC does not hold is said to be not in it."""
    cli, article, warc = an_old_warc_of_today(fakenet, tmp_path)   # the post up, as the WARC keeps it
    config = tmp_path / "config.toml"
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.TOMBSTONE_DELETED)]}))
    from tests.waybacknet import Capture, classic_page, serve
    serve(fakenet, [Capture("20221206060000", POST, classic_page(   # and a copy of it, read live
        fx.POST_ID, "RivertonRoads", "Riverton Roads", "Bridge reopened this morning after repairs.", epoch=1670304701))])
    fakenet.route("t.co", "/Ll55Mm66Nn", redirect("https://example.org/only-live"))
    fakenet.route("example.org", "/only-live", page("<html>a page the WARC never held</html>"))
    config.write_text("[network]\nretries = 0\n[origins]\n" + "".join(
        f'"{k}" = "{v}"\n' for k, v in settings_for(fakenet).origins.items()))
    live = json.loads(cli("scan", "--fetch", "--refresh", "--json", str(article)))   # today, live: deleted
    assert live["posts"][0]["status"] == "deleted" and live["posts"][0]["archived"]
    assert json.loads(cli("resolve", "--json", "https://t.co/Ll55Mm66Nn"))["final_url"] == "https://example.org/only-live"

    fakenet.routes.clear()
    hits = len(fakenet.hits)
    report = json.loads(cli("--replay", str(warc), "report", "--format", "json", str(article)))
    assert len(fakenet.hits) == hits
    [embed] = [e for e in report["embeds"] if e["post"]]
    assert embed["post"]["status"] == "available"
    sources = {s["fetch_id"]: s for s in embed["post"]["sources"]}   # the post's history, each answer as it came
    [answer] = embed["post"]["fetch_ids"]
    assert (sources[answer]["via"], sources[answer]["warc_file"], sources[answer]["fetched_at"]) == (
        "warc", str(warc), "2023-03-01T10:00:00.000000Z")
    assert {(s["status"], s["via"], s["warc_file"]) for s in sources.values() if s["fetch_id"] != answer} == {
        ("available", "live", None), ("archived-copy", "live", None), ("deleted", "live", None)}   # the live ones
    # said to be live, never the WARC's; the capture read live is "archived-copy", never "available" (newuser33 #8)
    hops = [h for e in report["embeds"] for r in e["resolutions"] for h in r["hops"]]
    assert hops and all(h["fetched_at"] == "2023-03-01T10:00:00.000000Z" for h in hops), hops   # the WARC's

    def cited(node):   # every fetch the report cites, but the post's history
        if isinstance(node, dict):
            yield from ([node["fetch_id"]] if isinstance(node.get("fetch_id"), int) else [])
            for key, value in node.items():
                yield from cited(value) if key != "sources" else ()
        elif isinstance(node, list):
            for value in node:
                yield from cited(value)
    from cache import Store
    with Store(tmp_path / "c.db") as store:
        rows = [store.fetch(fetch_id) for fetch_id in set(cited(report))]
        photos = [store.fetch(store.media_by_url(m["url"])["fetch_id"]) for m in embed["post"]["media"]]
    assert photos and {(r["via"], r["warc_file"]) for r in photos} == {("warc", str(warc))}   # its bytes too
    assert len(rows) > 3 and {(r["via"], r["warc_file"]) for r in rows} == {("warc", str(warc))}
    again = json.loads(cli("--replay", str(warc), "report", "--format", "json", str(article)))   # from the cache now
    [embed_again] = [e for e in again["embeds"] if e["post"]]
    assert embed_again["post"]["from_cache"] and all(
        embed_again["post"][key] == embed["post"][key] for key in ("archived", "archive_lookup", "archive_looked_under")), [
        (embed_again["post"][key], embed["post"][key]) for key in ("archived", "archive_lookup", "archive_looked_under")]
    with Store(tmp_path / "c.db") as store:
        rows = [store.fetch(fetch_id) for fetch_id in set(cited(again))]
    assert len(rows) > 3 and {(r["via"], r["warc_file"]) for r in rows} == {("warc", str(warc))}
    from resolver.cli import cli as command
    only_live = CliRunner().invoke(command, ["--config", str(config), "--db", str(tmp_path / "c.db"),
                                             "--replay", str(warc), "resolve", "--json", "https://t.co/Ll55Mm66Nn"])
    assert only_live.exit_code == 1 and json.loads(only_live.stdout)["error"] == (
        f"not-in-warc: not in the replayed WARC files ({warc}): GET https://t.co/Ll55Mm66Nn")
    assert len(fakenet.hits) == hits


def test_replay32_an_older_answer_replayed_later_leaves_the_newer_status_everywhere(fakenet, tmp_path):
    """review31r3: a post seen available (a WARC of 2023), then found deleted by a live run today; replaying that
    old WARC into the same cache set the post's view from the replayed answer: an --offline report then said
    "available (as of 2023-…)", and `stats`, `cache export posts` and `scan --json` with it, though the cache held a
    newer answer saying it was deleted. The status shown is the newest answer by the time its source gave it; the
    replayed one stays recorded, and a replay of the WARC again still answers from what it replayed."""
    cli, article, warc = an_old_warc_of_today(fakenet, tmp_path)
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.TOMBSTONE_DELETED)]}))
    live = json.loads(cli("scan", "--fetch", "--refresh", "--json", str(article)))   # today, live: deleted
    assert live["posts"][0]["status"] == "deleted"
    fakenet.routes.clear()
    hits = len(fakenet.hits)
    replayed = json.loads(cli("--replay", str(warc), "report", "--format", "json", str(article)))
    [embed] = [e for e in replayed["embeds"] if e["post"]]
    assert embed["post"]["status"] == "available"   # the WARC's answer, under --replay
    again = json.loads(cli("--replay", str(warc), "report", "--format", "json", str(article)))
    [embed] = [e for e in again["embeds"] if e["post"]]
    assert embed["post"]["status"] == "available" and embed["post"]["from_cache"]   # replayed again: from the cache
    assert embed["status"]["as_of"].startswith("2023-03-01T10:00:00")

    offline = json.loads(cli("report", "--offline", "--format", "json", str(article)))
    [embed] = [e for e in offline["embeds"] if e["post"]]
    assert embed["post"]["status"] == "deleted" and embed["status"]["as_of"] > "2026", embed["status"]
    assert {s["status"] for s in embed["post"]["sources"]} >= {"available", "deleted"}   # both answers recorded
    scanned = json.loads(cli("scan", "--fetch", "--offline", "--json", str(article)))
    assert scanned["posts"][0]["status"] == "deleted"
    posts = [json.loads(line) for line in cli("cache", "export", "posts", "--format", "jsonl").splitlines()]
    assert [(p["status"], p["last_available_at"] < p["last_observed_at"]) for p in posts] == [("deleted", True)]
    assert posts[0]["last_available_at"] > "2026", posts   # the live archive run's, not moved back to 2023
    dead = [json.loads(line) for line in cli("stats", "--json").splitlines()]
    assert [r["dead"] for r in dead if r["view"] == "dead_embeds_by_outlet_year"] == [1]
    cli("fetch", "--reparse")   # every view made again from the kept answers: the newest by its source's time
    posts = [json.loads(line) for line in cli("cache", "export", "posts", "--format", "jsonl").splitlines()]
    assert [p["status"] for p in posts] == ["deleted"]
    assert len(fakenet.hits) == hits


def test_replay32_a_status_is_dated_by_the_answer_it_rests_on_not_an_older_one_recorded_later(fakenet, tmp_path):
    """A post seen available today, then a WARC of 2023 replayed into the same cache (the post up then too): an
    --offline report dated the status by the last recorded answer of the same status, the replayed one: "available
    (as of 2023-03-01…)" though the view rests on today's answer. The status is dated by the answer its record rests
    on."""
    cli, article, warc = an_old_warc_of_today(fakenet, tmp_path)
    live = json.loads(cli("report", "--format", "json", str(article)))
    [embed] = [e for e in live["embeds"] if e["post"]]
    today = embed["status"]["as_of"]
    assert today > "2026"
    fakenet.routes.clear()
    cli("--replay", str(warc), "report", "--format", "json", str(article))
    offline = json.loads(cli("report", "--offline", "--format", "json", str(article)))
    [embed] = [e for e in offline["embeds"] if e["post"]]
    assert (embed["post"]["status"], embed["status"]["as_of"]) == ("available", today), embed["status"]
    assert "2023-03-01T10:00:00.000000Z" in {s["fetched_at"] for s in embed["post"]["sources"]}   # kept all the same


def test_replay32_a_replay_report_says_it_was_made_from_the_replayed_warc_with_its_capture_dates(fakenet, tmp_path):
    """Under --replay the report's header said "From the cache: the newest answer used is from 2023-…": it was made
    from the WARC replayed, and a reader took it for the cache's. Now it says so, naming the file and the capture
    dates (WARC-Date), in Markdown, HTML and JSON (`answers.warc_files`), the first replay and the next alike."""
    import html

    cli, article, warc = replay_world(fakenet, tmp_path, "2023-03-01T10:00:00Z")
    md = cli("replay.db", "--replay", str(warc), "report", str(article))
    page = cli("replay.db", "--replay", str(warc), "report", "--format", "html", str(article))   # from the cache now
    data = json.loads(cli("replay.db", "--replay", str(warc), "report", "--format", "json", str(article)))
    assert data["answers"]["warc_files"] == [str(warc)] and data["answers"]["newest"].startswith("2023-03-01T10:00")
    line = (f"From the replayed WARC: made from the replayed WARC {warc}: the newest answer used was captured "
            "2023-03-01T10:00:00Z, ")
    for text in (md.replace("**", ""), html.unescape(re.sub(r"<[^>]+>", "", page))):
        assert "From the cache" not in text and line in text, text
        assert re.search(re.escape(line) + r"\d+ days before this report", text), text


def test_replay32_an_online_report_says_which_answers_it_took_from_the_cache_whatever_their_age(fakenet, tmp_path):
    """A report made online whose answers all came from the cache (within cache_ttl, an hour old or less) had no
    "From the cache" line: it read as asked now. Now any answer taken from the cache, not asked in this run, is said
    so, with its time: all of them, or how many of all (a scan fetched the post and its links, the report asked the
    archive); JSON gives `answers.cached` of `answers.count`, and the newest and oldest of them."""
    config = serve_the_article_world(fakenet, tmp_path)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)

    def cli(db, *args):
        from resolver.cli import cli as command
        fresh_cache(tmp_path / db, args)
        result = CliRunner().invoke(command, ["--config", str(config), "--db", str(tmp_path / db), *args])
        assert result.exit_code == 0, result.output
        return result.stdout

    fresh = json.loads(cli("c.db", "report", "--format", "json", str(article)))
    assert fresh["answers"]["cached"] == 0 and fresh["answers"]["count"] > 3, fresh["answers"]
    hits = len(fakenet.hits)
    again = json.loads(cli("c.db", "report", "--format", "json", str(article)))
    md = cli("c.db", "report", str(article))
    assert len(fakenet.hits) == hits   # nothing asked: every answer within cache_ttl
    answers = again["answers"]
    assert (answers["cached"], answers["cached_newest"], answers["cached_oldest"]) == (
        fresh["answers"]["count"], fresh["answers"]["newest"], fresh["answers"]["oldest"]), answers
    [line] = [line for line in md.splitlines() if line.startswith("- **From the cache**")]
    assert line.startswith("- **From the cache**: every answer used was taken from the cache, none was asked in this "
                           f"run; the newest answer used is from {answers['newest'][:19]}Z, "), line

    for db in ("part.db", "part-md.db"):
        cli(db, "scan", "--fetch", str(article))   # the post and its links; the report asks the archive
    part = json.loads(cli("part.db", "report", "--format", "json", str(article)))["answers"]
    assert 0 < part["cached"] < part["count"], part
    md = cli("part-md.db", "report", str(article))
    [line] = [line for line in md.splitlines() if line.startswith("- **From the cache**")]
    assert line.startswith(f"- **From the cache**: {part['cached']} of the {part['count']} answers used were taken "
                           f"from the cache, not asked in this run; the newest of them is from "), line


def test_replay32_an_index_says_which_reports_were_made_from_the_cache(fakenet, tmp_path):
    """The index of many reports (index.md, index.html, index.json) never said a report was made from the cache: an
    editor reading it took a week-old --offline run for a live one. Now each article's line says where its answers
    came from, and the index's header says so when every answer of every report came from the cache."""
    import html

    config = serve_the_article_world(fakenet, tmp_path)
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text(ARTICLE)
    (articles / "b.txt").write_text("Second story.\n" + ARTICLE)

    def cli(*args):
        from resolver.cli import cli as command
        fresh_cache(tmp_path / "c.db", args)
        result = CliRunner().invoke(command, ["--config", str(config), "--db", str(tmp_path / "c.db"), *args])
        assert result.exit_code == 0, result.output
        return result.stdout

    cli("report", "-o", str(tmp_path / "live"), str(articles))
    live = (tmp_path / "live" / "index.md").read_text()
    assert "cache" not in live, live   # b.txt's post was asked by this run, for a.txt: not the cache's
    cli("report", "--offline", "--format", "html", "-o", str(tmp_path / "offline"), str(articles))
    index = json.loads((tmp_path / "offline" / "index.json").read_text())
    assert [e["answers"]["offline"] for e in index] == [True, True], index
    newest = max(e["answers"]["newest"] for e in index)
    md = (tmp_path / "offline" / "index.md").read_text()
    page = html.unescape(re.sub(r"<[^>]+>", "", (tmp_path / "offline" / "index.html").read_text()))
    for text in (md, page):
        assert f"Every report here was made from the cache: the newest answer used is from {newest[:19]}Z" in text, text
        assert text.count("(made from the cache, --offline: the newest answer used is from ") == 2, text


def test_a_replay_report_lists_no_archive_lookup_its_warc_does_not_hold(fakenet, tmp_path):
    """replay29c: under --replay a run answers only from its WARC files (replay29b), but a report's archive section
    fell back to what the cache held from any earlier run: a replay of a WARC that held no archive lookup listed the
    snapshots an earlier live run had found, cited its live lookups, said the post was looked up and passed the
    archive check, all as the replay's. Now a replay report's archive facts rest on its WARC's answers only; an
    offline report still gives what the cache holds."""
    config = serve_the_article_world(fakenet, tmp_path)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)

    def cli(*args, failed: tuple[str, ...] = ()):
        """stdout; exit 0, or with `failed` (what error lines of steps that failed must say, newuser32 #5) 1."""
        from resolver.cli import cli as command
        fresh_cache(tmp_path / "c.db", args)
        result = CliRunner().invoke(command, ["--config", str(config), "--db", str(tmp_path / "c.db"), *args])
        assert result.exit_code == (1 if failed else 0), result.output
        assert all(f"error: {article}: {what}: not-in-warc: not in the replayed WARC files ({warc}): GET " in
                   result.stderr for what in failed), result.stderr
        return result.stdout

    live = json.loads(cli("report", "--format", "json", str(article)))
    [looked] = [e for e in live["embeds"] if e["post"]]
    assert looked["snapshots"] and looked["archive_looked_up"] and looked["archive_lookups"]   # live: found
    from resolver.warc import WarcWriter
    warc = tmp_path / "empty.warc.gz"
    WarcWriter(warc, software="test").close()
    fakenet.routes.clear()
    hits = len(fakenet.hits)
    # the requests its WARC does not hold are steps that failed, but the archive lookup: the archive was never
    # asked, and the report says it was not looked up (reports36: "archive lookup failed", exit 1 for it alone)
    link = "link https://t.co/Zz98Yy76Xx (embed #1) ended in an error"
    report = json.loads(cli("--replay", str(warc), "report", "--format", "json", str(article), failed=(link,)))
    assert len(fakenet.hits) == hits
    [embed] = [e for e in report["embeds"] if e["post"]]
    assert (embed["snapshots"], embed["archived_copies"], embed["archive_looked_up"]) == ([], [], False)
    # the replay's own lookups, which its WARC did not hold, are listed as such (replay30 2e, newuser30b #4), its
    # availability query near the article's date too (newuser33 #3: sent with `&timestamp=`, it was cited nowhere)
    unheld = f"not in the replayed WARC files ({warc}): no answer, so no time of the source's"
    assert [(found["service"], found["fetched_at"], found["answered_at_unknown"]) for found in embed["archive_lookups"]
            ] == [("cdx", None, unheld), ("availability", None, unheld)]
    assert "&timestamp=" in embed["archive_lookups"][1]["query"]
    [archive] = [c for c in embed["checks"] if c["name"] == "archive"]
    assert archive["result"] == "skip" and archive["evidence"].startswith(
        f"not known: not looked up: not in the replayed WARC files ({warc}): GET "
        "https://web.archive.org/cdx/search/cdx?"), archive
    assert report["summary"]["archive"] == {"looked_up": 0, "with_copy": 0, "without_copy": 0, "not_checked": 1}
    md = cli("--replay", str(warc), "report", str(article), failed=(link,))
    assert "snapshot(s)" not in md and "| Embedded posts with no archived copy | not checked" in md, md
    # the cache's, as before: what the WARC did not hold is no answer about the link, the post or the lookup, so
    # the live run's answers stay the newest (replay33: the replay's "not-in-warc" became the link's newest
    # resolution, and this report said the link failed and exited 1 though the live run had resolved it)
    offline = json.loads(cli("report", "--offline", "--format", "json", str(article)))
    [kept] = [e for e in offline["embeds"] if e["post"]]
    assert kept["snapshots"] == looked["snapshots"] and kept["archive_looked_up"]
    assert kept["archive_lookups"] == looked["archive_lookups"]

    def answered(resolutions):
        return [{k: v for k, v in r.items() if k != "from_cache"} for r in resolutions]
    assert answered(kept["resolutions"]) == answered(looked["resolutions"]) and kept["resolutions"][0]["error"] is None
    assert (kept["status"], kept["post"]["status"], kept["post"]["last_available"]) == (
        looked["status"], looked["post"]["status"], looked["post"]["last_available"])
    assert offline["summary"] == live["summary"] and offline["unreachable"] == live["unreachable"] == []


def test_a_replay_report_cites_its_warc_lookup_for_a_snapshot_a_later_live_run_listed_again(fakenet, tmp_path):
    """replay29c: the cache keeps one row per snapshot, naming the newest answer that listed it; after a live lookup
    listed again a snapshot a replay had listed, a report made in a replay of that WARC cited the live lookup's fetch
    for the snapshot. Now it cites a WARC lookup that listed it (the CDX query's when the row names a live one)."""
    cli, article, warc = replay_world(fakenet, tmp_path, None)
    replayed = json.loads(cli("c.db", "--replay", str(warc), "report", "--format", "json", str(article)))
    [embed] = [e for e in replayed["embeds"] if e["post"]]
    assert embed["snapshots"] and embed["archive_looked_up"]
    serve_the_article_world(fakenet, tmp_path)   # the servers answer again: a live lookup lists the same snapshot
    cli("c.db", "report", "--refresh", "--format", "json", str(article))
    fakenet.routes.clear()
    again = json.loads(cli("c.db", "--replay", str(warc), "report", "--format", "json", str(article)))
    [embed_again] = [e for e in again["embeds"] if e["post"]]

    def listed(snapshots):
        return [{k: v for k, v in s.items() if k != "fetch_id"} for s in snapshots]
    assert embed_again["snapshots"] and listed(embed_again["snapshots"]) == listed(embed["snapshots"])
    from cache import Store
    with Store(tmp_path / "c.db") as store:
        rows = [store.fetch(s["fetch_id"]) for s in embed_again["snapshots"]]
        rows += [store.fetch(found["fetch_id"]) for found in embed_again["archive_lookups"]]
    assert {(r["via"], r["warc_file"]) for r in rows} == {("warc", str(warc))}


def test_an_undated_replayed_answer_leaves_no_time_in_the_rows_of_what_it_said(fakenet, tmp_path):
    """replay29b: a record with no WARC-Date was dated to the replay's own time in the rows of what it said: its
    resolution's resolved_at, its observation's observed_at, its post's first and last observation, its author's
    sightings, a capture list's observed_at. Reports nulled it, but a datasette user or `cache export` read the
    replay's time as the source's. Now those rows hold no time, and the resolutions and observations say why."""
    cli, article, warc = replay_world(fakenet, tmp_path, None)
    from cache import Store, utc_now
    replayed_on = utc_now()[:10]
    report = json.loads(cli("replay.db", "--replay", str(warc), "report", "--format", "json", str(article)))
    unknown = "the replayed WARC record has no WARC-Date: when the source gave this answer is not known"
    with Store(tmp_path / "replay.db") as store:
        tables = {name: list(store.db[name].rows) for name in (
            "resolutions", "post_observations", "posts", "authors", "snapshots")}
    assert all(tables.values()), {name: len(rows) for name, rows in tables.items()}
    dated = [(name, column, value) for name, rows in tables.items() for row in rows for column, value in row.items()
             if column.endswith("_at") and isinstance(value, str) and value.startswith(replayed_on)]
    assert dated == []
    assert {(r["resolved_at"], r["answered_at_unknown"]) for r in tables["resolutions"]} == {(None, unknown)}
    assert {(r["observed_at"], r["answered_at_unknown"]) for r in tables["post_observations"]} == {(None, unknown)}
    exported = [json.loads(line) for line in cli("replay.db", "cache", "export", "resolutions", "--format",
                                                  "jsonl").splitlines()]
    assert exported and all(r["resolved_at"] is None and r["answered_at_unknown"] == unknown for r in exported)
    [embed] = [e for e in report["embeds"] if e["post"]]
    assert embed["post"]["status"] == "available" and embed["post"]["sources"][0]["observed_at"] is None
    offline = json.loads(cli("replay.db", "report", "--offline", "--format", "json", str(article)))
    [again] = [e for e in offline["embeds"] if e["post"]]
    assert again["post"]["status"] == "available" and [r["from_cache"] for r in again["resolutions"]] == [True] and [
        r | {"from_cache": True} for r in embed["resolutions"]] == again["resolutions"]
    replayed = json.loads(cli("replay.db", "--replay", str(warc), "scan", "--fetch", "--json", str(article)))
    assert replayed["posts"][0]["status"] == "available"   # replayed again: an undated answer is of no known age


def test_a_live_run_after_a_replay_of_undated_records_asks_the_sources_again(fakenet, tmp_path):
    """review29d: a record with no WARC-Date gives an answer of a time not known, which replay29 records at the
    replay's own time (`answered_at_unknown` says why). The freshness checks read that time as the answer's age: a
    live run after the replay served the WARC's answers (a post's status, where a link leads) from the cache as if the
    source had just given them, for the whole cache TTL, and asked nothing. An answer of no known time is no live
    run's cached answer: it asks the sources again. A replay takes it as it takes any (it asks only the WARC)."""
    cli, article, warc = replay_world(fakenet, tmp_path, None)
    first = json.loads(cli("replay.db", "--replay", str(warc), "scan", "--fetch", "--json", str(article)))
    assert first["posts"] and not first["posts"][0]["from_cache"]
    again = json.loads(cli("replay.db", "--replay", str(warc), "scan", "--fetch", "--json", str(article)))
    # replayed again: the undated rows hold no time (replay29b), so the WARC is asked again, which is no request
    assert again["posts"][0]["status"] == "available"
    cli("replay.db", "--replay", str(warc), "report", "--format", "json", str(article))   # archive lookups too
    serve_the_article_world(fakenet, tmp_path)   # the servers answer again
    hits = len(fakenet.hits)
    live = json.loads(cli("replay.db", "scan", "--fetch", "--json", str(article)))
    assert len(fakenet.hits) > hits and not live["posts"][0]["from_cache"]
    assert live["resolutions"] and not any(r["from_cache"] for r in live["resolutions"])
    hits = len(fakenet.hits)
    cli("replay.db", "report", "--format", "json", str(article))
    assert any(host == "web.archive.org" for host, _ in fakenet.hits[hits:]), fakenet.hits[hits:]


def test_archive_of_articles_asks_the_sources_again_even_with_a_warm_cache(fakenet, tmp_path):
    """#9 §6 through the streamed corpus run: an article's posts are fetched afresh, so the WARC holds them."""
    config = serve_the_article_world(fakenet, tmp_path)
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("a.txt", "b.txt"):
        (articles / name).write_text(ARTICLE + f"\n{name}\n")

    def cli(*args):
        from resolver.cli import cli as command
        fresh_cache(tmp_path / "c.db", args)
        result = CliRunner().invoke(command, ["--config", str(config), "--db", str(tmp_path / "c.db"), *args])
        assert result.exit_code == 0, result.output
        return result

    def syndication_hits():
        return sum(1 for host, _ in fakenet.hits if host == "cdn.syndication.twimg.com")

    cli("scan", "--fetch", str(articles))
    warm = syndication_hits()
    cli("scan", "--fetch", str(articles))
    assert syndication_hits() == warm   # answered from the cache
    cli("archive", "--json", "--warc", str(tmp_path / "run.warc.gz"), "--workers", "2", str(articles))
    # Asked afresh, not answered from the cache: once per article, or once for both when the two articles ask at
    # the same moment (one request per post per run: interrupts31, #13).
    assert warm < syndication_hits() <= warm + 2


def test_replay_of_something_never_recorded_is_a_clear_error(tmp_path, fakenet):
    from resolver.cli import cli as command
    from resolver.warc import WarcWriter

    warc = tmp_path / "empty.warc.gz"
    WarcWriter(warc, software="test").close()
    result = CliRunner().invoke(command, ["--db", str(tmp_path / "r.db"), "--replay", str(warc), "resolve", "--json",
                                          "https://t.co/never"])
    assert result.exit_code == 1 and json.loads(result.stdout)["error"].startswith("not-in-warc:")
    bad = tmp_path / "not.warc"
    bad.write_text("hello")
    broken = CliRunner().invoke(command, ["--db", str(tmp_path / "r.db"), "--replay", str(bad), "resolve", "x"])
    assert broken.exit_code == 1 and "cannot replay" in broken.output


def _empty_replay(tmp_path, fakenet):
    """(invoke, warc): the command line on one cache with t.co/x served live, and a WARC that holds nothing."""
    from resolver.cli import cli as command
    from resolver.warc import WarcWriter

    fakenet.route("t.co", "/x", redirect("https://twitter.com/a/status/1"))
    config = tmp_path / "config.toml"
    config.write_text(f'[network]\nretries = 0\n[origins]\n"https://t.co" = "{fakenet.origin}"\n')
    warc = tmp_path / "w.warc.gz"
    WarcWriter(warc, software="test").close()

    def invoke(*args):
        fresh_cache(tmp_path / "r.db", args)
        return CliRunner().invoke(command, ["--config", str(config), "--db", str(tmp_path / "r.db"), *args])
    return invoke, warc


def test_replay_and_warc_do_not_outlive_the_command(tmp_path, fakenet):
    """A command's session holds its replay index and WARC writer: the next command starts with neither."""
    invoke, warc = _empty_replay(tmp_path, fakenet)
    replayed = invoke("--replay", str(warc), "resolve", "--json", "https://t.co/x")
    assert json.loads(replayed.stdout)["error"].startswith("not-in-warc:")
    # archive under --replay: nothing leaves the process
    invoke("--replay", str(warc), "archive", "--warc", str(tmp_path / "a.warc.gz"), "https://twitter.com/a/status/1")
    assert fakenet.hits == []
    live = invoke("resolve", "--refresh", "--json", "https://t.co/x")     # no --replay now: the network again
    assert live.exit_code == 0 and json.loads(live.stdout)["final_url"] == "https://twitter.com/a/status/1"
    assert fakenet.hits == [("t.co", "/x")]
    assert check(tmp_path / "a.warc.gz")[0]       # the archive command's WARC was closed whole


def test_a_link_a_replayed_warc_did_not_hold_is_followed_by_the_next_live_run(tmp_path, fakenet):
    """review29d: a --replay run whose WARC lacked a link recorded "not-in-warc" as the link's resolution, and the next
    live run served it from the cache for the whole cache TTL (30 days): "not in the replayed WARC files", exit 1,
    the network never asked (only --refresh asked it). What a WARC lacks says nothing of the link: a live run follows
    it; offline, what was last known is still shown."""
    invoke, warc = _empty_replay(tmp_path, fakenet)
    replayed = invoke("--replay", str(warc), "resolve", "--json", "https://t.co/x")
    assert json.loads(replayed.stdout)["error"].startswith("not-in-warc:") and fakenet.hits == []
    offline = invoke("resolve", "--offline", "--json", "https://t.co/x")
    assert json.loads(offline.stdout)["error"].startswith("not-in-warc:")
    live = invoke("resolve", "--json", "https://t.co/x")
    assert live.exit_code == 0, live.output
    assert json.loads(live.stdout)["final_url"] == "https://twitter.com/a/status/1"
    assert fakenet.hits == [("t.co", "/x")]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hi", "//evil.example/x"],
                         ids=["javascript", "data", "no-scheme"])
def test_an_availability_answer_whose_snapshot_is_no_web_address_names_no_snapshot(url):
    """The snapshot's address goes into the HTML report's href as given: a `javascript:` one ran on a click in a
    page promised to hold no script."""
    body = json.dumps({"archived_snapshots": {"closest": {"available": True, "url": url, "timestamp": "20221206123000",
                                                          "status": "200"}}}).encode()
    assert archive.parse_availability(body) is None


@pytest.mark.parametrize("near", ["May 3", "2021-05-03", "20219999"])
def test_near_that_is_no_wayback_date_is_a_usage_error(fakenet, tmp_path, near):
    """`--near` was passed on as it was: "May 3" reached the availability API, and where CDX listed captures the
    closest one was picked with int("May 3…"): an internal error."""
    from tests.cliworld import World

    result = World(fakenet, tmp_path)("archive", "--near", near, POST)
    assert result.exit_code == 2, result.output
    assert f"--near: {near!r} is not a day as YYYYMMDD" in result.output
    assert fakenet.hits == []


@pytest.mark.parametrize("url,what", [
    ("https://news.example/a?token=abc&v=1", "token=…"),
    ("https://news.example/f.pdf?X-Amz-Credential=c&X-Amz-Signature=s", "X-Amz-Credential=…, X-Amz-Signature=…"),
    ("https://news.example/a?next=https%3A%2F%2Fx.example%2F%3Faccess_token%3Dabc", "access_token=…"),
    ("https://user:pw@news.example/a", "a password"),
    ("https://news.example/k/configured-secret-123/a", "a configured key"),
    ("https://twitter.com/RivertonRoads/status/1?s=20", None),
], ids=["param", "signed", "nested", "password", "configured", "none"])
def test_what_secret_a_url_carries_is_named_without_it(url, what):
    from resolver.redact import Redactor

    assert archive.carried_secret(url, Redactor(secrets=("configured-secret-123",))) == what


def test_a_queued_save_of_a_url_carrying_a_secret_is_never_submitted(fakenet, store):
    """A save an earlier version queued for a URL with a token in it is not submitted (Save Page Now would publish
    the token): its queue row ends "refused", its URL redacted."""
    from tests import waybacknet

    submitted = waybacknet.serve_save_page_now(fakenet)
    store.queue_save("https://news.example/p?access_token=TOKqueued99&id=4")
    settings = settings_for(fakenet, ia_access_key="ia-key-k", ia_secret_key="ia-secret-s")
    [done] = Session(settings, store=store).run(lambda s: archive.process_queue(session=s, poll_every=0.01))
    assert submitted == [] and done.status == "refused" and "access_token=…" in done.message
    [row] = store.db["saves"].rows
    assert (row["status"], row["url"]) == ("refused", "https://news.example/p?access_token=REDACTED&id=4")
    assert store.pending_saves() == []


def test_a_url_with_more_captures_than_one_answer_lists_gets_its_real_latest(fakenet, store):
    """CDX lists the first `limit` captures, oldest first: for a URL with more, the 10,000th was taken for the
    latest (years old), so a save was submitted for a URL captured yesterday, and the count said 10000."""
    from datetime import datetime, timedelta, timezone

    from tests import waybacknet

    start = datetime(2015, 1, 1, tzinfo=timezone.utc)
    yesterday = datetime.now(timezone.utc) - timedelta(days=1)
    stamps = [(start + timedelta(hours=3 * i)).strftime("%Y%m%d%H%M%S") for i in range(10_050)]
    stamps.append(yesterday.strftime("%Y%m%d%H%M%S"))
    waybacknet.serve(fakenet, [waybacknet.Capture(ts, POST, b"<html>post</html>") for ts in stamps])
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    submitted = waybacknet.serve_save_page_now(fakenet)
    settings = settings_for(fakenet, ia_access_key="ia-key-k", ia_secret_key="ia-secret-s")
    found = Session(settings, store=store).run(
        lambda s: archive_urls([POST], session=s, options=ArchiveOptions(poll_every=0.01, save=True)))
    [result] = [a.to_json() for a in found]
    assert result["latest"]["timestamp"] == stamps[-1] and result["earliest"]["timestamp"] == stamps[0]
    assert submitted == []   # the capture of yesterday spares the save
    assert any("limit=-100" in path for host, path in fakenet.hits if path.startswith("/cdx/"))
    assert result["count_capped"] is True and result["count"] >= 10_000
    from resolver.report import archive_text

    assert f"at least {result['count']:,} captures" in archive_text(found[0]).plain


def test_a_url_whose_latest_captures_could_not_be_listed_says_so(fakenet, store):
    """When the second query (the last rows) fails, the latest known is the 10,000th capture: an error, not a
    latest taken for the real one."""
    from tests import waybacknet

    stamps = [f"{2001 + i // 1000}0101{i % 1000 // 60:02d}{i % 60:02d}00" for i in range(10_050)]
    waybacknet.serve(fakenet, [waybacknet.Capture(ts, POST, b"<html>post</html>") for ts in stamps])
    listing = fakenet.routes[("web.archive.org", "/cdx/search/cdx")][0]
    fakenet.route("web.archive.org", "/cdx/search/cdx",
                  lambda request: page("busy", 503)(request) if request.args.get("limit") == "-100" else listing(request))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    [result] = run_archive([POST], settings_for(fakenet, retries=0), store)
    assert result["error"] == "cdx: HTTP 503 (listing the latest captures; the first 10,000 were listed)"
    assert result["count_capped"] is True and result["count"] == 10_000
    # Offline, the cache holds the failed listing of the latest: a failure read from the cache is one (runs33: it
    # was "not-cached", exit 3, beside a report body saying the lookup failed), said as the run that asked said it,
    # and the latest is still not taken from the 10,000th.
    from resolver.session import Mode

    hits = len(fakenet.hits)
    [found] = Session(settings_for(fakenet, retries=0), store=store, mode=Mode(offline=True)).run(
        lambda s: archive_urls([POST], session=s, options=ArchiveOptions(live_copy=False)))
    assert len(fakenet.hits) == hits   # offline: nothing asked
    assert (found.unavailable, found.failed, found.lookup.from_cache) == (False, True, True)
    result = found.to_json()
    assert result["count_capped"] is True and result["count"] == 10_000
    assert result["error"] == "cdx: HTTP 503 (listing the latest captures; the first 10,000 were listed)"


def test_a_run_killed_while_writing_its_warc_leaves_whole_records(tmp_path):
    """The file gets each exchange in one write: a kill -9 (which lands between two writes to a file) could cut a
    record whose compressed size passed the 8 KB buffer in two, and every record a later run appended after the cut
    was then unreadable in order (warcio: "Invalid WARC record")."""
    import io
    import os

    from warcio.archiveiterator import ArchiveIterator

    from resolver.warc import WarcWriter

    class Killed(BaseException):
        pass

    class DiesAtItsSecondWrite(io.RawIOBase):
        def __init__(self, raw):
            self.raw, self.calls = raw, 0

        def writable(self):
            return True

        def write(self, data):
            self.calls += 1
            if self.calls == 2:
                raise Killed
            return self.raw.write(data)

        def tell(self):
            return self.raw.tell()

        def seekable(self):
            return True

        def seek(self, offset, whence=0):
            return self.raw.seek(offset, whence)

        def fileno(self):
            return self.raw.fileno()

    def exchange(writer, n):
        writer.write_exchange(method="GET", url=f"https://pbs.twimg.com/media/p{n}.jpg", contacted_url="",
                              request_headers={}, status=200, reason="OK", response_headers=[],
                              body=os.urandom(100_000), fetched_at="2024-01-01T00:00:00Z")

    warc = tmp_path / "run.warc.gz"
    writer = WarcWriter(warc, software="test")
    dying = io.BufferedWriter(DiesAtItsSecondWrite(writer._file.detach()))
    writer._file = writer._writer.out = dying
    with pytest.raises(Killed):
        for n in range(3):
            exchange(writer, n)
    dying.raw.raw.close()
    again = WarcWriter(warc, software="test")   # the run again, appending
    exchange(again, 9)
    again.close()
    with warc.open("rb") as stream:
        urls = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(stream)
                if r.rec_type == "response"]
    assert urls[-1] == "https://pbs.twimg.com/media/p9.jpg" and len(urls) <= 2


def test_a_corpus_archive_run_submits_each_save_once(fakenet, tmp_path):
    """`archive --save` over a folder: each article's step worked through the whole save queue, so with articles
    in flight together every one submitted the saves the others had queued and not yet ended: 60 articles, 160
    URLs, some 1,900 submissions (each a capture of its own, each taken from Save Page Now's 15 a minute)."""
    from collections import Counter

    from tests import corpusnet, waybacknet
    from tests.cliworld import World

    n = 12
    corpusnet.serve(fakenet, n)
    submitted = waybacknet.serve_save_page_now(fakenet)
    world = World(fakenet, tmp_path, extra=corpusnet.no_limits())
    folder = corpusnet.write_folder(tmp_path / "in", n)
    result = world("archive", "--save", "--json", str(folder),
                   env={"IA_ACCESS_KEY": "k-access", "IA_SECRET_KEY": "s-secret"})
    assert result.exit_code == 0, result.output
    assert submitted and max(Counter(submitted).values()) == 1
    saved = [json.loads(line)["saved"] for line in result.stdout.splitlines()]
    assert {s["status"] for s in saved} == {"success"} and len(saved) == len(set(submitted))


def test_two_runs_appending_to_one_warc_each_record_where_their_records_are(tmp_path):
    """Shards given databases in one folder share its archive.warc.gz (the default WARC is next to --db). Each
    process's file position said where its record went: after another process had appended, that was the other's
    record, so 815 of 3,700 fetch rows of two shards pointed at another request's record, or at none."""
    from warcio.archiveiterator import ArchiveIterator

    from resolver.warc import WarcWriter

    warc = tmp_path / "archive.warc.gz"
    one, two = WarcWriter(warc, software="test"), WarcWriter(warc, software="test")   # as two processes

    def exchange(writer, n):
        return writer.write_exchange(method="GET", url=f"https://news.example/{n}", contacted_url="",
                                     request_headers={}, status=200, reason="OK", response_headers=[],
                                     body=f"<p>{n}</p>".encode(), fetched_at="2024-01-01T00:00:00Z")[1]
    offsets = {n: exchange(writer, n) for n, writer in enumerate([one, two, one, two, two, one])}
    one.close()
    two.close()
    for n, offset in offsets.items():
        with warc.open("rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream)))
            assert record.rec_headers.get_header("WARC-Target-URI") == f"https://news.example/{n}"


@pytest.mark.parametrize("answer, shown", [
    (page("<html>post</html>"), "local copy: {warc} @ {offset}\n"),
    (page("gone", 404), "local copy: {warc} @ {offset} (the page answered HTTP 404: the record holds that answer, "
                        "not the page)\n"),
], ids=["200", "404"])
def test_a_local_copy_of_an_error_answer_says_it_holds_no_page(fakenet, store, tmp_path, answer, shown):
    """`archive URL` against a post page that answered 404 printed "local copy: archive.warc.gz @ 1957" as if the
    page were kept: the WARC holds the 404 answer (newuser26)."""
    from resolver.report import archive_text
    from resolver.warc import WarcWriter
    from tests import waybacknet

    waybacknet.serve(fakenet, [])
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", answer)
    warc = tmp_path / "a.warc.gz"
    writer = WarcWriter(warc, software="test")
    [result] = Session(settings_for(fakenet, retries=0), store=store, warc=writer).run(
        lambda s: archive_urls([POST], session=s, options=ArchiveOptions()))
    writer.close()
    assert result.warc is not None
    assert shown.format(warc=result.warc[0], offset=result.warc[1]) in archive_text(result).plain


def test_a_warm_scan_archive_keeps_the_live_copies_its_warc_already_holds(fakenet, tmp_path):
    """A warm `scan --archive` downloaded every post page and media file again and grew the WARC on every run, where
    every other warm command asks nothing (newuser28 #10). A live copy the same WARC holds from within cache_ttl is
    kept, and said so; --refresh, another WARC, or one that no longer holds the record takes it again."""
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}",
                  redirect(f"https://x.com/RivertonRoads/status/{fx.POST_ID}"))
    fakenet.route("x.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>the post page</html>"))
    config = serve_the_article_world(fakenet, tmp_path)
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}",   # serve_the_article_world's own page, undone
                  redirect(f"https://x.com/RivertonRoads/status/{fx.POST_ID}"))
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)
    warc = tmp_path / "run.warc.gz"

    def scan_archive(*args, into=warc):
        from resolver.cli import cli as command
        result = CliRunner().invoke(command, ["--config", str(config), "--db", str(tmp_path / "c.db"), "scan",
                                              "--archive", "--json", "--warc", str(into), *args, str(article)])
        assert result.exit_code == 0, result.output
        return {a["url"]: a for a in json.loads(result.stdout)["archives"]}

    def live_hits():
        return [hit for hit in fakenet.hits if hit[0] in ("twitter.com", "x.com", "pbs.twimg.com")]

    first = scan_archive()
    taken, size = len(live_hits()), warc.stat().st_size
    assert taken >= 3 and first[POST]["live_kept"] is None and first[POST]["live_status"] == 200
    again = scan_archive()
    assert len(live_hits()) == taken and warc.stat().st_size == size   # nothing asked, nothing appended
    assert again[POST]["warc"] == first[POST]["warc"] and again[POST]["live_status"] == 200
    assert again[POST]["live_url"] == f"https://x.com/RivertonRoads/status/{fx.POST_ID}"
    assert again[POST]["live_kept"] is not None and again[fx.PHOTO_URL]["live_kept"] is not None
    from resolver.cli import cli as command
    table = CliRunner().invoke(command, ["--config", str(config), "--db", str(tmp_path / "c.db"), "archive",
                                         "--warc", str(warc), POST])
    # `archive` asks the sources afresh for what `fetch` reads (the media files too, documented); its live copy of
    # the post page is the one the WARC holds
    assert table.exit_code == 0 and len([hit for hit in live_hits() if hit[0] != "pbs.twimg.com"]) == 2
    assert f"(kept: taken {again[POST]['live_kept']} by an earlier run" in table.stdout

    def taken_again(*args, into=warc):
        before = len(live_hits())
        found = scan_archive(*args, into=into)
        return found[POST]["live_kept"], len(live_hits()) - before

    cold = taken   # the first run's requests: its posts' media for their facts, then the live copies
    assert taken_again("--refresh") == (None, cold) and warc.stat().st_size > size
    other = tmp_path / "other.warc.gz"
    assert taken_again(into=other) == (None, cold - 2)   # the media's facts from the cache, the live copies taken
    other.unlink()   # the WARC the fetch log names is gone: a new one holds nothing yet
    assert taken_again(into=other) == (None, cold - 2)
    assert check(other)[0]


def test_a_signed_expiring_url_is_not_looked_up_and_the_lookup_says_why(fakenet, store):
    """A TikTok thumbnail's signed, expiring CDN URL (x-expires, x-signature: a new one each time the oEmbed is
    asked) was looked up on Wayback by every report: a lookup that can never find its capture (newuser29 #12).
    Skipped with a reason, as a URL carrying a secret is; a URL without the pair is looked up."""
    serve_wayback(fakenet)
    signed = ("https://p16-sign.tiktokcdn-us.com/obj/tos-useast5-p-0068-tx/oBridgeThumb?lk3s=b59d6b55"
              "&x-expires=1764000000&x-signature=Zm9vYmFyc2lnbmF0dXJl%3D&shp=b59d6b55")
    plain_ = "https://p16-sign.tiktokcdn-us.com/obj/tos-useast5-p-0068-tx/oBridgeThumb?x-expires=1764000000"
    found, other = run_archive([signed, plain_], settings_for(fakenet), store)
    assert found["error"] == ("withheld: not looked up: a signed URL that expires (x-expires, x-signature), made anew "
                              "each time the post is asked; whether the image was archived is not known")
    assert other["error"] is None
    assert [path for _, path in fakenet.hits if "oBridgeThumb" in path and "x-signature" in path] == []
    assert any("oBridgeThumb" in path for _, path in fakenet.hits)


@pytest.mark.parametrize("signed, pair", [
    ("https://scontent.cdninstagram.com/v/t51.2885-15/e35/1111_n.jpg?_nc_ht=scontent.cdninstagram.com"
     "&oh=00_AfBbridge0123456789abcdef&oe=6A1B2C3D", "oe, oh"),
    ("https://scontent-lhr8-1.xx.fbcdn.net/v/t39.30808-6/2222_n.jpg?stp=dst-jpg&_nc_cat=1&OH=00_AfCferry9876"
     "&OE=6A1B2C3E", "OE, OH"),
], ids=["instagram-cdn", "facebook-cdn"])
def test_review29e_a_meta_signed_expiring_url_is_not_looked_up(fakenet, store, signed, pair):
    """Instagram's and Facebook's CDNs sign their image URLs with `oh` and make them expire at `oe` (a new pair each
    time the post is asked): only TikTok's and Amazon's names were known, so a Meta post's thumbnail was still looked
    up on Wayback by every report, a lookup that can never find its capture (review29e). The same URL without the
    pair is looked up."""
    serve_wayback(fakenet)
    plain_ = signed.split("?")[0]
    found, other = run_archive([signed, plain_], settings_for(fakenet), store)
    assert found["error"] == (f"withheld: not looked up: a signed URL that expires ({pair}), made anew each time the "
                              "post is asked; whether the image was archived is not known")
    assert other["error"] is None
    signature = signed.lower().split("oh=")[1].split("&")[0]
    assert [path for _, path in fakenet.hits if signature in path.lower()] == []
    assert any(plain_.rsplit("/", 1)[1] in path for _, path in fakenet.hits)


@pytest.mark.parametrize("answer", [
    page("<html><title>Wayback Machine</title><p>Sorry, this service is temporarily unavailable</p></html>"),
    page("com,twitter)/rivertonroads 20221206060000 https://twitter.com/x text/html 200 Q4 1415",
         content_type="text/plain"),
], ids=["html-error-page", "plain-cdx-not-json"])
def test_review30n_a_cdx_answer_of_200_that_lists_nothing_readable_is_no_lookup_that_answered(fakenet, store,
                                                                                                answer):
    """An HTML error page (or any body not a CDX JSON list) answered with 200: the run said "cdx: malformed
    answer", but the cache's record of the lookup (`lookup_state`, read by the at-risk view and by reports made
    from the cache) took any 200 for an answer: "looked up", with no error and no capture, which reads as no copy."""
    fakenet.route("web.archive.org", "/cdx/search/cdx", answer)
    fakenet.route("archive.org", "/wayback/available", json_page({"archived_snapshots": {}}))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    [result] = run_archive([POST], settings_for(fakenet, retries=0), store)
    assert result["error"].startswith("cdx: malformed answer: ") and result["count"] is None
    looked, error = archive.lookup_state(store, POST)
    assert (looked, error) == (False, result["error"])
    # a later lookup that answered stands, whatever failed before or after it
    serve_wayback(fakenet, [("20221206060000", POST)])
    from resolver.session import Mode

    Session(settings_for(fakenet), store=store, mode=Mode(refresh=True)).run(lambda s: archive.lookup(POST, session=s))
    assert archive.lookup_state(store, POST) == (True, None)


def test_review30n_cdx_rows_with_fields_of_other_types_are_read_as_text_or_left_out():
    """Numbers where CDX sends strings ("statuscode": 200) passed into the snapshot as they were: `latest_good`
    raised AttributeError on the int (an internal error ending the command), and lists reached the cache."""
    body = json.dumps([CDX_HEADER, ["k", "20221206060000", POST, "text/html", 200, "Q4", 1415],
                       ["k", "20230101000000", POST, ["text/html"], None, {"d": 1}, "1"]]).encode()
    first, second = archive.parse_cdx(body)
    assert (first.status, first.digest, first.mimetype) == ("200", "Q4", "text/html")
    assert (second.status, second.digest, second.mimetype) == (None, None, None)
    assert archive.latest_good(archive.Lookup(POST, (first, second))) == first


@pytest.mark.parametrize("closest", [
    {"available": True, "url": "http://evil.example/web/20221206123000/https://news.example/a"},
    {"available": "false", "url": "http://web.archive.org/web/20221206123000/https://news.example/a"},
    {"available": True, "url": "https://web.archive.org.evil.example/web/20221206123000/https://news.example/a"},
], ids=["another-host", "available-is-the-string-false", "a-host-ending-elsewhere"])
def test_review30n_an_availability_answer_naming_no_wayback_capture_names_no_snapshot(closest):
    """A snapshot the report links to as a Wayback capture must be one: an address on another host became the
    report's "wayback" link (and its "original" the whole address), and `"available": "false"` was truthy."""
    body = json.dumps({"archived_snapshots": {"closest": {**closest, "timestamp": "20221206123000",
                                                          "status": "200"}}}).encode()
    assert archive.parse_availability(body) is None


def test_review30n_an_availability_status_of_another_type_is_read_as_text_or_as_none():
    def parsed(status):
        return archive.parse_availability(json.dumps({"archived_snapshots": {"closest": {
            "available": True, "url": "http://web.archive.org/web/20221206123000/https://news.example/a",
            "timestamp": "20221206123000", "status": status}}}).encode())
    assert (parsed(200).status, parsed(["200"]).status, parsed("200").original) == ("200", None, "https://news.example/a")


@pytest.mark.parametrize("answer, said", [
    (page("<html><title>Wayback Machine</title>Job not found</html>"), "its last status answer was not JSON"),
    (page("Not Found", 404, content_type="text/plain"), "its last status answer was HTTP 404"),
    (json_page("done"), "its last status answer was not a JSON object"),
], ids=["html-page-200", "404", "a-json-string"])
def test_review30n_a_save_whose_status_could_not_be_read_does_not_say_still_pending(fakenet, store, answer, said):
    """A job whose status answers were an error page, a 404 or no JSON object was given up as "job still pending
    after 0.2s": pending is what Save Page Now never said."""
    serve_wayback(fakenet)
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    spn(fakenet, submit=[json_page({"url": POST, "job_id": "j-unread"})], statuses={"j-unread": [answer]})
    settings = settings_for(fakenet, ia_access_key="ia-key-k", ia_secret_key="ia-secret-s", save_timeout=0.2, retries=0)
    [result] = run_archive([POST], settings, store, save=True)
    assert result["saved"]["status"] == "gave_up"
    assert result["saved"]["message"] == f"the job's status was not known after 0.2s: {said}"
    assert store.latest_save(POST)["message"] == result["saved"]["message"]


@pytest.mark.parametrize("how", ["symlink", "relative-path", "copy"])
def test_a_replay_of_the_same_warc_by_another_path_takes_the_answers_it_replayed(fakenet, tmp_path, how,
                                                                                monkeypatch):
    """replay30: a cached answer was taken by a replay only when its row named the WARC by the same path, so the same
    file given by a symlink, as ./run.warc.gz for /abs/run.warc.gz, or copied, was asked again and every answer
    recorded again. A WARC is its content (its sha256 is kept with each answer replayed from it); a file of the same
    name with other content is another WARC, and is asked."""
    run, article, warc = replay_world(fakenet, tmp_path, "2023-03-01T10:00:00Z")
    from cache import Store

    def fetches():
        with Store(tmp_path / "replay.db") as store:
            return list(store.db["fetches"].rows)
    first = json.loads(run("replay.db", "--replay", str(warc), "scan", "--fetch", "--json", str(article)))
    recorded = fetches()
    assert recorded and not first["posts"][0]["from_cache"]
    other = {"symlink": tmp_path / "link.warc.gz", "copy": tmp_path / "elsewhere" / "copy.warc.gz"}.get(how)
    if how == "symlink":
        other.symlink_to(warc)
    elif how == "copy":
        other.parent.mkdir()
        other.write_bytes(warc.read_bytes())
    else:
        monkeypatch.chdir(tmp_path)
        other = Path(".") / warc.name
    again = json.loads(run("replay.db", "--replay", str(other), "scan", "--fetch", "--json", str(article)))
    assert len(fetches()) == len(recorded)   # nothing asked of the WARC again
    assert again["posts"][0]["from_cache"] and all(r["from_cache"] for r in again["resolutions"])
    assert again["posts"][0]["status"] == first["posts"][0]["status"]
    # The same name with other content is another WARC: asked again
    redated(tmp_path / "written.warc.gz", warc, "2023-03-02T10:00:00Z")
    run("replay.db", "--replay", str(warc), "scan", "--fetch", "--json", str(article))
    assert len(fetches()) > len(recorded)


def test_offline_with_replay_answers_from_the_replay_and_says_so(fakenet, tmp_path):
    """replay30: `--offline --replay F` read no record of F: offline won, any cached answer answered (the live
    answers of the run that wrote F among them), and the report still said "answers replayed from F". Now the replay
    answers (its files, and what the cache holds replayed from them, whatever its age) and nothing else is asked;
    the report says so."""
    # live.db holds live answers
    cli, article, warc = replay_world(fakenet, tmp_path, "2023-03-01T10:00:00Z", live_db=True)
    hits = len(fakenet.hits)
    report = json.loads(cli("live.db", "--replay", str(warc), "report", "--offline", "--format", "json", str(article)))
    assert len(fakenet.hits) == hits
    [embed] = [e for e in report["embeds"] if e["post"]]
    sources = {s["fetch_id"]: s for s in embed["post"]["sources"]}
    [answer] = embed["post"]["fetch_ids"]
    assert (sources[answer]["via"], sources[answer]["warc_file"]) == ("warc", str(warc))
    hops = [h for e in report["embeds"] for r in e["resolutions"] for h in r["hops"]]
    assert hops and all(h["fetched_at"] == "2023-03-01T10:00:00.000000Z" for h in hops), hops
    assert report["replay"] == {"files": [str(warc)], "answers_aged_from": "2023-03-01T10:00:00.000000Z",
                                "cache_ttl_days": 30, "offline": True,
                                "sha256": [hashlib.sha256(warc.read_bytes()).hexdigest()]}
    md = cli("live.db", "--replay", str(warc), "report", "--offline", str(article))
    assert (f"- **Replay**: answers replayed from {warc} only (--offline): what the cache holds replayed from them, "
            "whatever its age, and their records; nothing else is asked") in md
    assert len(fakenet.hits) == hits


def test_a_replayed_hop_says_in_the_markdown_report_that_it_was_replayed_from_its_warc(fakenet, tmp_path):
    """replay30: a replayed link's hops were cited "(301, 2023-03-01T…Z, fetch #25)" in the Markdown report, with
    nothing to say the time is a WARC record's, while the post's sources said "replayed from WARC F, answered at …".
    Every citation of a fetch now says so (hops, captures, image files, lookups); JSON gives the file as `warc_file`."""
    cli, article, warc = replay_world(fakenet, tmp_path, "2023-03-01T10:00:00Z", live_db=True)
    report = json.loads(cli("replay.db", "--replay", str(warc), "report", "--format", "json", str(article)))
    hops = [h for e in report["embeds"] for r in e["resolutions"] for h in r["hops"]]
    assert hops and {h["warc_file"] for h in hops} == {str(warc)}
    md = cli("replay.db", "--replay", str(warc), "report", str(article))
    chains = [line for line in md.splitlines() if "https://t.co/" in line and "fetch #" in line]
    assert chains and all(len(re.findall(re.escape(f"replayed from WARC {warc}, record \\<urn:uuid:") + r"[0-9a-f-]+"
                                         + re.escape("\\>, answered at 2023-03-01T10:00:00.000000Z"), line))
                          == line.count("fetch #") for line in chains), chains
    live = cli("live.db", "report", "--offline", str(article))   # the live run that wrote it: no such words
    assert "https://t.co/" in live and "replayed from WARC" not in live


def test_a_photo_replayed_from_an_undated_record_has_no_download_time(fakenet, tmp_path):
    """replay30: a photo downloaded from a WARC record with no WARC-Date kept the replay's own time as its download
    time (the media table's fetched_at, and `fetched_at` of the file's facts in a run's JSON), as replay29b had
    found for the other facts such a record gives. It holds no time now, and says why."""
    cli, article, warc = replay_world(fakenet, tmp_path, None)
    from cache import Store, utc_now
    replayed_on = utc_now()[:10]
    report = json.loads(cli("replay.db", "--replay", str(warc), "report", "--format", "json", str(article)))
    unknown = "the replayed WARC record has no WARC-Date: when the source gave this answer is not known"
    with Store(tmp_path / "replay.db") as store:
        media = list(store.db["media"].rows)
    assert media and {(m["fetched_at"], m["answered_at_unknown"]) for m in media} == {(None, unknown)}, media
    [embed] = [e for e in report["embeds"] if e["post"]]
    assert embed["post"]["media"] and all(m["sha256"] for m in embed["post"]["media"])   # the bytes are known
    scanned = cli("replay.db", "--replay", str(warc), "scan", "--fetch", "--json", str(article))
    assert replayed_on not in json.dumps(json.loads(scanned)["posts"]), scanned


def test_a_post_its_page_and_its_answer_spell_in_two_cases_is_archived_once(fakenet, tmp_path):
    """urlforms30 (#15): the page links twitter.com/rivertonroads/…, the post's answer names @RivertonRoads, and X reads
    a handle in any case: one post. Its URL as the page wrote it and as the answer gives it were two URLs to archive,
    each looked up, taken live and saved: one post, two lookups and two Save Page Now requests."""
    from tests.cliworld import World

    from resolver.session import Mode

    lower = POST.replace("RivertonRoads", "rivertonroads")
    serve_wayback(fakenet, [("20221206060000", POST)])
    fakenet.route("twitter.com", f"/rivertonroads/status/{fx.POST_ID}", page("<html>post</html>"))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    article = tmp_path / "article.html"
    article.write_text('<blockquote class="twitter-tweet"><p>Bridge reopened.</p>&mdash; Riverton Roads '
                       f'(@rivertonroads) <a href="{lower}">December 6, 2022</a></blockquote>')
    result = World(fakenet, tmp_path)("archive", "--json", str(article))
    assert result.exit_code == 0, result.output
    posts = [a["url"] for a in map(json.loads, result.stdout.splitlines()) if "/status/" in a["url"]]
    assert posts == [lower]


def test_identity33_a_post_saved_under_one_spelling_of_its_handle_is_saved_under_every_other(fakenet, store):
    """X reads a handle in any case, so `twitter.com/rivertonroads/status/<id>` is the post saved as
    `…/RivertonRoads/…`: a second article spelling it so showed no save and submitted the post again (#15)."""
    from resolver.session import Mode

    lower = POST.replace("RivertonRoads", "rivertonroads")
    serve_wayback(fakenet)
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    seen = spn(fakenet, submit=[json_page({"url": POST, "job_id": "j1"})], statuses={"j1": [json_page(
        {"status": "success", "job_id": "j1", "original_url": POST, "timestamp": "20261125000000"})]})
    settings = settings_for(fakenet, ia_access_key="ia-key-k", ia_secret_key="ia-secret-s")
    [one] = run_archive([POST], settings, store, save=True)
    assert one["saved"]["status"] == "success"
    seen.clear()
    hits = len(fakenet.hits)
    [two] = run_archive([lower], settings, store, save=True)
    assert "form" not in seen and [h for h in fakenet.hits[hits:] if h[1].startswith("/save")] == []
    assert (two["url"], two["saved"]["status"], two["saved"]["timestamp"]) == (lower, "success", "20261125000000")
    offline = Session(settings, store=store, mode=Mode(offline=True)).run(
        lambda s: archive_urls([lower], session=s, options=ArchiveOptions(poll_every=0.01, save=True)))
    assert offline[0].to_json()["saved"]["status"] == "success"
    # a post id in another spelling is another post, and a URL naming no post is matched by its own text alone
    assert store.latest_save(POST.replace(fx.POST_ID, fx.POST_ID + "1"),
                             post=("twitter", fx.POST_ID + "1")) is None


@pytest.mark.parametrize("saved,other", [
    ("https://www.reddit.com/r/riverton/comments/abc123/flood_thread/def456/",
     "https://www.reddit.com/r/riverton/comments/abc123/flood_thread/ghi789/"),
    ("https://t.me/rivertonnews/123?comment=45", "https://t.me/rivertonnews/123?comment=46"),
    ("https://www.youtube.com/watch?v=Rv7Kd2mQx0A&lc=UgzFirstComment", "https://www.youtube.com/watch?v=Rv7Kd2mQx0A"),
    (f"https://nitter.net/RivertonRoads/status/{fx.POST_ID}", POST),   # a mirror's page of the post, not X's
    (f"https://platform.twitter.com/embed/Tweet.html?id={fx.POST_ID}", POST),   # the embed's iframe
])
def test_review33r1_a_save_of_one_comments_page_is_no_save_of_another_under_the_same_post(fakenet, store, saved,
                                                                                          other):
    """identity33 matched a save by the post its URL names, for every platform; but a Reddit comment permalink, a
    Telegram post's comment, a YouTube link to a comment name their post (the parsers fold them into it) and are
    other pages: a capture of one comment's page does not hold another comment (nor the thread's other replies); so
    are a preview proxy's mirror of an X status and X's embed iframe. The second was said saved, with the first's
    capture, and never submitted (review33r1). X reads a handle in any case: a status's own page on X is matched by
    its post still."""
    from urllib.parse import urlsplit

    from resolver.session import Mode

    serve_wayback(fakenet)
    for url in (saved, other):
        fakenet.route(urlsplit(url).hostname, urlsplit(url).path, page("<html>page</html>"))
    seen = spn(fakenet, submit=[json_page({"url": saved, "job_id": "j1"}), json_page({"url": other, "job_id": "j2"})],
               statuses={"j1": [json_page({"status": "success", "job_id": "j1", "original_url": saved,
                                           "timestamp": "20261125000000"})],
                         "j2": [json_page({"status": "success", "job_id": "j2", "original_url": other,
                                           "timestamp": "20261126000000"})]})
    settings = settings_for(fakenet, ia_access_key="ia-key-k", ia_secret_key="ia-secret-s")
    [one] = run_archive([saved], settings, store, save=True)
    assert one["saved"]["status"] == "success" and seen["form"]["url"] == saved
    offline = Session(settings, store=store, mode=Mode(offline=True)).run(
        lambda s: archive_urls([other], session=s, options=ArchiveOptions(poll_every=0.01, save=True)))
    assert offline[0].to_json()["saved"]["status"] != "success"
    [two] = run_archive([other], settings, store, save=True)
    assert seen["form"]["url"] == other
    assert (two["saved"]["status"], two["saved"]["timestamp"]) == ("success", "20261126000000")


def test_identity33_a_lookup_made_under_one_spelling_of_a_handle_answers_for_every_other(fakenet, store):
    """The Wayback Machine lists a URL in any case (its urlkey is lower case), so the captures listed for
    `…/RivertonRoads/…` are those of `…/rivertonroads/…`: a run with that spelling asked CDX again, and offline said
    the captures were not known, and `stats` that the embed was never looked up (#15)."""
    from resolver.session import Mode

    lower = POST.replace("RivertonRoads", "rivertonroads")
    serve_wayback(fakenet, [("20221206060000", POST), ("20230101000000", POST)])
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    settings = settings_for(fakenet)
    [one] = run_archive([POST], settings, store)
    assert one["count"] == 2
    offline = Session(settings, store=store, mode=Mode(offline=True)).run(
        lambda s: archive_urls([lower], session=s, options=ArchiveOptions(poll_every=0.01)))
    shown = offline[0].to_json()
    assert (shown["url"], shown["count"], shown["error"]) == (lower, 2, None), shown
    hits = len(fakenet.hits)
    [two] = run_archive([lower], settings, store)
    assert two["count"] == 2 and [h for h in fakenet.hits[hits:] if h[1].startswith("/cdx")] == []
    assert archive.lookup_state(store, lower) == (True, None)


def test_replay33_a_warc_replayed_again_from_a_copy_is_named_by_the_path_replayed(fakenet, tmp_path):
    """review32r3 (left alone): a WARC replayed again from a copy at another path (the same bytes) answers from the
    rows its first replay wrote, as it should, but the "From the replayed WARC" line, `answers.warc_files` and each
    citation named the first path, while the "Replay:" line named the copy: a reader looked for a file the run never
    opened. Each now names the path replayed in this run; a report made later from the cache alone names the path
    recorded."""
    import shutil

    cli, article, warc = replay_world(fakenet, tmp_path, "2023-03-01T10:00:00Z")
    first = json.loads(cli("replay.db", "--replay", str(warc), "report", "--format", "json", str(article)))
    assert first["answers"]["warc_files"] == [str(warc)]
    copy = tmp_path / "elsewhere" / warc.name
    copy.parent.mkdir()
    shutil.copyfile(warc, copy)
    again = json.loads(cli("replay.db", "--replay", str(copy), "report", "--format", "json", str(article)))
    assert again["answers"]["warc_files"] == [str(copy)] and again["replay"]["files"] == [str(copy)]
    [embed] = [e for e in again["embeds"] if e["post"]]
    cited = [s["warc_file"] for s in embed["post"]["sources"]] + [
        h["warc_file"] for r in embed["resolutions"] for h in r["hops"]]
    assert cited and set(cited) == {str(copy)}, cited
    md = cli("replay.db", "--replay", str(copy), "report", str(article))
    assert f"made from the replayed WARC {copy}: " in md.replace("**", "") and str(warc) not in md, md
    offline = json.loads(cli("replay.db", "report", "--offline", "--format", "json", str(article)))
    [kept] = [e for e in offline["embeds"] if e["post"]]
    assert {s["warc_file"] for s in kept["post"]["sources"]} == {str(warc)}   # as recorded


def test_runs34_an_availability_answer_kept_under_one_form_of_an_x_url_answers_for_every_other(fakenet, store):
    """The availability API's answers were kept and read by the exact URL asked (CDX's in any case, identity33): an
    article spelling the post `http://www.twitter.com/rivertonroads/status/…/` asked again online, and offline the
    closest capture was not known. The archive reads every such form as one URL; the query is asked under the
    URL's canonical form (`canonical_url`) and its answer read in any case, as the archive lists it."""
    from resolver.session import Mode

    serve_wayback(fakenet, [("20221206060000", POST)])
    settings = settings_for(fakenet)

    def looked(url: str, **mode: bool) -> archive.Lookup:
        return Session(settings, store=store, mode=Mode(**mode)).run(lambda s: archive.lookup(url, session=s))

    first = looked(POST)
    assert first.closest is not None and first.closest.timestamp == "20221206060000"
    asked = fakenet.hits.count
    before = sum(1 for h in fakenet.hits if h[1].startswith("/wayback/available"))
    forms = [POST.replace("RivertonRoads", "rivertonroads"), POST.replace("https://", "http://"),
             POST.replace("https://", "https://www."), POST + "/", POST.replace("twitter.com", "x.com") + "?s=20"]
    for form in forms:
        assert looked(form, offline=True).closest == first.closest, form
        assert looked(form).closest == first.closest, form
    assert sum(1 for h in fakenet.hits if h[1].startswith("/wayback/available")) == before, asked


def test_review34r1_a_lookup_of_a_video_never_answers_with_another_videos_capture_whose_id_differs_in_case(
        fakenet, store):
    """The archive files a URL under its lower-case key, so a lookup of YouTube's `watch?v=ab3def5hijk` lists and names as
    closest the captures of `watch?v=Ab3dEf5hIjK`, another video; runs34 read a kept availability answer in any case
    too, so offline the other video's capture was this one's closest. A lookup keeps the captures of the thing its URL
    names (`of_the_same_post`, as reports do): `latest_good` (what `archive --save` skips a recent capture by) finds
    none for a video never captured, online or offline; X handles in any case stay one post."""
    from resolver.session import Mode

    captured, other = "https://www.youtube.com/watch?v=Ab3dEf5hIjK", "https://www.youtube.com/watch?v=ab3def5hijk"
    serve_wayback(fakenet, [("20221206060000", captured)])
    settings = settings_for(fakenet)

    def looked(url: str, **mode: bool) -> archive.Lookup:
        return Session(settings, store=store, mode=Mode(**mode)).run(lambda s: archive.lookup(url, session=s))

    first = looked(captured)
    assert first.closest is not None and archive.latest_good(first) is not None
    for mode in ({}, {"offline": True}):
        found = looked(other, **mode)
        assert (found.closest, found.snapshots, archive.latest_good(found)) == (None, (), None), (mode, found)
    assert looked(captured, offline=True).closest == first.closest


def _strptime_reading(value):
    """What `wayback_timestamp` answered when it read every timestamp with strptime (before #14's slicing)."""
    from datetime import datetime

    if not isinstance(value, str) or not re.fullmatch(r"\d{4,14}", value):
        return None
    try:
        datetime.strptime(value.ljust(14, "0"), "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return value


def test_a_wayback_timestamp_read_by_slicing_is_judged_as_strptime_judged_it():
    """Each field at and beyond its bounds (month 00 and 13, day 00 and 32, Feb 29 of 1900 and 2000, hour 24,
    minute 60, second 60 and 61, which strptime reads and datetime refuses, year 0000), each cut to every length
    from 4 to 14 digits, other digits than ASCII's (read by strptime in some places only), and values of other
    types: the same answer (#14: parse_cdx read 10,000 captures' timestamps with strptime, most of its time)."""
    dates = [f"{y}{m}{d}" for y in ("0000", "0001", "1900", "2000", "2023", "9999")
             for m in ("00", "01", "02", "04", "09", "10", "12", "13", "20", "99")
             for d in ("00", "01", "09", "10", "19", "28", "29", "30", "31", "32", "40", "99")]
    times = [f"{h}{m}{s}" for h in ("00", "09", "19", "23", "24", "30", "99") for m in ("00", "09", "59", "60", "99")
             for s in ("00", "59", "60", "61", "62", "99")]
    whole = [f"20000229{t}" for t in times] + [f"{d}123456" for d in dates]
    values = {stamp[:n] for stamp in whole for n in range(4, 15)} | {d for d in dates}
    values |= {"٢٠٢٠٠١٠١", "2020٠١01", "20200101١٢", "2020011٥", "202001011٥3000", "2020010112٥٥00", "${0}",
               "123", "202001010000001", "2020-01-01", " 20200101", "20200101\n", "", None, 20200101}
    answers = {repr(value): archive.wayback_timestamp(value) for value in [*values, ["20200101"]]}
    assert answers == {repr(value): _strptime_reading(value) for value in [*values, ["20200101"]]}
    assert answers["'20000229123456'"] == "20000229123456" and answers["'19000229123456'"] is None   # both kinds seen
    assert answers["'2020011٥'"] == "2020011٥" and answers["'2020٠١01'"] is None   # strptime's own reading, kept
