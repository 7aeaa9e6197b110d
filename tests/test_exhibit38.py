"""A court exhibit made of WARC files (newuser38a): the WARC of an `archive` run alone answers a replayed fetch of
a gone post after a `scan --archive` filled the cache (F5), a replay says which lookups its WARC files do not hold
(F8). Run against the loopback 'internet' (tests/fakenet.py, tests/waybacknet.py); small fictional fixtures."""

import json
import re

from tests import waybacknet
from tests import xfixtures as fx
from tests.cliworld import World
from tests.fakenet import page
from tests.test_fetch import by_id, json_page

GONE = f"https://twitter.com/RivertonRoads/status/{fx.GONE_ID}"
GONE_TEXT = "The bridge is closed until further notice."
STORY = (f'<html><body><p>The council met.</p><blockquote class="twitter-tweet"><p lang="en">{GONE_TEXT}</p>'
         f'&mdash; Riverton Roads (@RivertonRoads) <a href="{GONE}">December 6, 2022</a></blockquote></body></html>')


def serve_gone_post(fakenet):
    """A deleted post (a syndication tombstone, an oEmbed 404, its page a 404) with one Wayback capture."""
    capture = waybacknet.Capture("20221206060000", GONE, waybacknet.classic_page(
        fx.GONE_ID, "RivertonRoads", "Riverton Roads", GONE_TEXT))
    waybacknet.serve(fakenet, [capture])
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.GONE_ID: [json_page(fx.TOMBSTONE_DELETED)]}))
    fakenet.route("publish.twitter.com", "/oembed", page("", 404))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.GONE_ID}", page("", 404))


def fetched(world, *args, offline=False):
    done = world(*args, "fetch", "--json", *(["--offline"] if offline else []), GONE)
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout.splitlines()[0])


def verdicts(world, *args, story, offline=False):
    done = world(*args, "report", "--format", "json", *(["--offline"] if offline else []), str(story))
    assert done.exit_code == 0, done.output
    report = json.loads(done.stdout)
    return [(c["name"], c["result"], c["evidence"]) for embed in report["embeds"] for c in embed["checks"]]


def uncited(verdict):
    """A check's name, result and evidence up to its citation of the answers it rests on."""
    name, result, evidence = verdict
    return name, result, re.split(r" \(per the (?:CDX|availability)", evidence)[0]


def records_cited(found):
    return [record for _, _, evidence in found for record in re.findall(r"<urn:uuid:[0-9a-f-]+>", evidence)]


def test_f5_the_warc_of_an_archive_run_after_scan_archive_answers_a_replayed_fetch_of_a_gone_post(fakenet, tmp_path):
    """`archive --warc X` after `scan --archive` took the gone post's CDX lists (and the availability answer) from
    the cache, so X did not hold them: a fresh cache replaying X alone said "not-in-warc" and 0 archived copies, and
    the report's text and archived-copy checks were skipped (newuser38a F5). The README promises `archive` asks the
    sources afresh, the archived copies of a gone post included: now it does, and X alone gives the same status,
    copies and verdicts."""
    serve_gone_post(fakenet)
    world = World(fakenet, tmp_path)
    story = tmp_path / "story.html"
    story.write_text(STORY)
    first = world("scan", "--archive", str(story))
    assert first.exit_code == 0, first.output
    exhibit = tmp_path / "exhibit.warc.gz"
    done = world("archive", "--warc", str(exhibit), str(story))
    assert done.exit_code == 0, done.output
    live = fetched(world, offline=True)
    live_verdicts = verdicts(world, story=story, offline=True)
    fakenet.routes.clear()   # the servers answer nothing now: every answer must come from the exhibit
    (tmp_path / "replay").mkdir()
    again = World(fakenet, tmp_path / "replay")
    replayed = fetched(again, "--replay", str(exhibit))
    assert (replayed["status"], replayed["archive_lookup"]) == (live["status"], live["archive_lookup"]) \
        == ("deleted", "answered")
    assert [c["text"] for c in replayed["archived"]] == [c["text"] for c in live["archived"]] \
        and len(replayed["archived"]) == 1
    assert GONE_TEXT in replayed["archived"][0]["text"]
    replayed_verdicts = verdicts(again, "--replay", str(exhibit), story=story)
    # the same verdicts, each resting on the same WARC records (cited by fetch number and file in each run's way)
    assert [uncited(v) for v in replayed_verdicts] == [uncited(v) for v in live_verdicts]
    assert set(records_cited(replayed_verdicts)) == set(records_cited(live_verdicts)) != set()


def test_f8_a_replay_counts_lookups_its_warc_files_do_not_hold_apart_from_the_answers_used(fakenet, tmp_path):
    """A --replay report whose WARC held the post's answers but not every archive lookup the report makes said
    "2 more give no time (replayed from WARC records with none)" and counted them in `answers.count`: no record held
    them, and no answer was used (newuser38a F8). They are now `not_in_warc`, said as "N requests not in the replayed WARC files, so
    no answer used", and in neither `count` nor `undated`."""
    serve_gone_post(fakenet)
    world = World(fakenet, tmp_path)
    story = tmp_path / "story.html"
    story.write_text(STORY)
    warc = tmp_path / "fetch.warc.gz"
    done = world("fetch", "--warc", str(warc), GONE)   # the post and its captures, no report's lookups
    assert done.exit_code == 0, done.output
    fakenet.routes.clear()
    (tmp_path / "replay").mkdir()
    again = World(fakenet, tmp_path / "replay")
    made = again("--replay", str(warc), "report", "--format", "json", str(story))
    assert made.exit_code == 0, made.output
    report = json.loads(made.stdout)
    missing = [c for e in report["embeds"] for c in e["archive_lookups"] if (c.get("error") or "").startswith(
        "not-in-warc:")]
    assert missing   # what this test is about: lookups the WARC does not hold
    answers = report["answers"]
    assert answers["not_in_warc"] == len({c["fetch_id"] for c in missing})
    assert answers["undated"] == 0 and answers["count"] >= 1
    markdown = again("--replay", str(warc), "report", "--format", "md", str(story))
    assert markdown.exit_code == 0, markdown.output
    [line] = [line for line in markdown.stdout.splitlines() if line.startswith("- **From the replayed WARC**")]
    assert "give no time" not in line and "WARC records with none" not in line
    n = answers["not_in_warc"]
    assert f"; {n} request{'s' * (n != 1)} not in the replayed WARC files, so no answer used" in line, line


def test_f9_the_report_lists_each_warc_file_it_cites_with_where_it_is_and_its_sha256(fakenet, tmp_path):
    """A report cited "WARC archive.warc.gz at offset …" (written beside the database, never named by the user)
    beside "WARC exhibit.warc.gz …", by name only, and each live record's `warc_record.sha256` was null: nothing said
    which files a witness must hand over, nor what their content was (newuser38a F9). The report now lists each WARC
    file it cites (`warc_files_cited`): its name, where it is (the path the fetch log keeps, or beside the database), how
    many records are cited, and its sha256 and size as the report was made. A record's own `sha256` stays null for
    a file --warc writes: the file grows with each run, so no hash of it is a record's."""
    import hashlib

    serve_gone_post(fakenet)
    world = World(fakenet, tmp_path)
    story = tmp_path / "story.html"
    story.write_text(STORY)
    assert world("scan", "--archive", str(story)).exit_code == 0   # its WARC: archive.warc.gz beside the database
    exhibit = tmp_path / "court" / "exhibit.warc.gz"
    exhibit.parent.mkdir()
    assert world("archive", "--warc", str(exhibit), str(story)).exit_code == 0
    made = world("report", "--format", "json", "--offline", str(story))
    assert made.exit_code == 0, made.output
    report = json.loads(made.stdout)
    listed = {f["file"]: f for f in report["warc_files_cited"]}
    cited = {record["file"] for record in records_named(report)}
    assert set(listed) == cited == {"archive.warc.gz", "exhibit.warc.gz"}
    beside = listed["archive.warc.gz"]
    assert beside["path"] == str(tmp_path / "archive.warc.gz") and beside["beside_database"]
    assert listed["exhibit.warc.gz"]["path"] == str(exhibit) and not listed["exhibit.warc.gz"]["beside_database"]
    for name, entry in listed.items():
        data = (exhibit if name == "exhibit.warc.gz" else tmp_path / name).read_bytes()
        assert (entry["sha256"], entry["bytes"]) == (hashlib.sha256(data).hexdigest(), len(data))
        assert entry["records"] == len({r["offset"] for r in records_named(report) if r["file"] == name}) > 0
    markdown = world("report", "--format", "md", "--offline", str(story))
    [line] = [line for line in markdown.stdout.splitlines() if line.startswith("- **WARC files cited**")]
    for name, entry in listed.items():
        assert f"`{entry['sha256']}`" in line and name in line
    assert "beside the database" in line
    html = world("report", "--format", "html", "--offline", str(story))
    assert "WARC files cited" in html.stdout and listed["exhibit.warc.gz"]["sha256"] in html.stdout


def records_named(report):
    """Every `warc_record` a report cites."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            if value.get("warc_record"):
                found.append(value["warc_record"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
    walk({"embeds": report["embeds"], "credits": report["credits"]})
    return found


def test_f10_report_compare_says_whether_a_rerun_matches_an_earlier_report(fakenet, tmp_path):
    """An offline re-run of a report gave the same verdicts as the online one, and nothing said so: the witness had to
    diff the two by hand (newuser38a F10). `report --compare OLD.json` says "same verdicts, statuses and hashes as
    OLD (made at T)", exit 0, or what differs, exit 6; a file that is no JSON report is a usage error."""
    serve_gone_post(fakenet)
    world = World(fakenet, tmp_path)
    story = tmp_path / "story.html"
    story.write_text(STORY)
    old = tmp_path / "old.json"
    assert world("report", "--format", "json", "-o", str(old), str(story)).exit_code == 0
    made_at = json.loads(old.read_text())["generated_at"]
    same = world("report", "--offline", "--format", "md", "--compare", str(old), str(story))
    assert same.exit_code == 0, same.output
    assert f"same verdicts, statuses and hashes as {old} (made at {made_at})" in same.stderr
    changed = json.loads(old.read_text())
    changed["embeds"][0]["status"]["code"] = "available"
    changed["embeds"][0]["checks"][0]["result"] = "fail"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(changed))
    differs = world("report", "--offline", "--format", "md", "--compare", str(edited), str(story))
    assert differs.exit_code == 6, differs.output
    assert f"differs from {edited} (made at {made_at}):" in differs.stderr
    assert "embed 1: status available, now deleted" in differs.stderr
    assert f"embed 1: check {changed['embeds'][0]['checks'][0]['name']} fail, now " in differs.stderr
    (tmp_path / "notes.json").write_text("[1, 2]")
    wrong = world("report", "--offline", "--compare", str(tmp_path / "notes.json"), str(story))
    assert wrong.exit_code == 2 and "is not a JSON report" in wrong.output


def test_f11_a_report_gives_every_time_in_one_form(fakenet, tmp_path):
    """Times were in three forms in one report: "2024-03-07T08:15:00Z" in tables, "the capture of 2024-03-07
    08:15:00 UTC" in checks, "2026-11-30T09:21:15.611646Z (UTC)" in the header (newuser38a F11). Every time is now
    ISO 8601 ending in Z, with no "UTC" after it."""
    serve_gone_post(fakenet)
    world = World(fakenet, tmp_path)
    story = tmp_path / "story.html"
    story.write_text(STORY)
    markdown = world("report", "--format", "md", str(story))
    assert markdown.exit_code == 0, markdown.output
    assert "the capture of 2022-12-06T06:00:00Z" in markdown.stdout
    assert not re.search(r"\d\d:\d\d(:\d\d)? UTC|Z \(UTC\)", markdown.stdout), re.findall(
        r".{40}\d\d:\d\d(?::\d\d)? UTC.{10}|.{40}Z \(UTC\)", markdown.stdout)
    html = world("report", "--format", "html", str(story))
    assert not re.search(r"\d\d:\d\d(:\d\d)? UTC|Z UTC", html.stdout)


def test_f11_an_archive_check_says_why_it_cites_a_lookup_under_the_posts_own_handle(fakenet, tmp_path):
    """An article naming a post under a handle that is not its author's got "no archived copy was found for
    twitter.com/<article's handle>/status/<id> (per the CDX lookup of URLs starting with twitter.com/<author>/…)":
    the claim named one URL, the evidence another, with no word why (newuser38a F11). The check now says the
    archive was asked under the handle the post's answer gives, which X serves the same post under."""
    post = f"https://twitter.com/HarbourDesk/status/{fx.POST_ID}"   # the article's handle; the answer's: RivertonRoads
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    waybacknet.serve(fakenet, [])
    world = World(fakenet, tmp_path)
    story = tmp_path / "story.html"
    story.write_text(f'<html><body><blockquote class="twitter-tweet"><p lang="en">Bridge reopened.</p>&mdash; Harbour '
                     f'Desk (@HarbourDesk) <a href="{post}">December 6, 2022</a></blockquote></body></html>')
    made = world("report", "--format", "json", str(story))
    assert made.exit_code in (0, 1), made.output
    [embed] = json.loads(made.stdout)["embeds"]
    [check] = [c for c in embed["checks"] if c["name"] == "archive"]
    assert f"no archived copy was found for {post}" in check["evidence"], check
    assert "RivertonRoads/status" in check["evidence"]
    assert ("the archive was asked under @RivertonRoads too, the handle the post's answer gives (X serves the post "
            "by its id under any handle)") in check["evidence"], check["evidence"]
