"""newuser47c (an evidence archivist for a legal team): what `cache verify` checked must be the files handed over,
and a rate limit's end is said as the server said it. Fictional posts, loopback servers (tests/fakenet.py)."""

from __future__ import annotations

import json
import shutil
import time

from werkzeug.wrappers import Response

from resolver.session import Session
from tests import xfixtures as fx
from tests.cliworld import World
from tests.test_exhibit38 import GONE_TEXT, STORY, serve_gone_post
from tests.test_fetch import settings_for
from tests.test_fixnu44d import _edit_warc, serve_capture_not_as_listed
from tests.test_xapi import X_ONLY, fetch_one


def _archived(fakenet, tmp_path):
    """An archived story: the database and its WARC in tmp_path/case/, as `scan --archive` leaves them."""
    serve_gone_post(fakenet)
    case = tmp_path / "case"
    case.mkdir()
    world = World(fakenet, case)
    story = case / "story.html"
    story.write_text(STORY)
    assert world("scan", "--archive", str(story)).exit_code == 0
    return world, case


def _handed_over(fakenet, tmp_path, world, case):
    """The database and its WARC copied to a hand-over folder on the same machine (the original left in place)."""
    handover = tmp_path / "handover"
    handover.mkdir()
    shutil.copy(world.db, handover / "c.db")
    shutil.copy(case / "archive.warc.gz", handover / "archive.warc.gz")
    copy = World(fakenet, handover)
    return copy, handover


def test_cache_verify_of_a_copied_database_checks_the_warc_copy_beside_it_too(fakenet, tmp_path):
    """newuser47c #1: the database and its WARC copied to a hand-over folder, the copy of the WARC damaged: `cache
    verify` of the copied database said "all as recorded", exit 0, having read only the original at the path the
    fetch log keeps, and its summary named no file. The copy beside the database is checked too, and the summary
    says which files were read."""
    world, case = _archived(fakenet, tmp_path)
    copy, handover = _handed_over(fakenet, tmp_path, world, case)
    clean = copy("cache", "verify")
    assert clean.exit_code == 0, clean.output
    assert f"{handover / 'archive.warc.gz'}" in clean.stdout and f"{case / 'archive.warc.gz'}" in clean.stdout
    _edit_warc(handover / "archive.warc.gz", GONE_TEXT.encode(), GONE_TEXT.replace("closed", "opened").encode())
    said = copy("cache", "verify")
    assert said.exit_code == 1, said.output
    assert f"FAILED WARC {case / 'archive.warc.gz'}" in said.stdout, said.stdout
    assert f"{handover / 'archive.warc.gz'}: block digest failed" in said.stdout, said.stdout
    made = copy("cache", "verify", "--json")
    assert made.exit_code == 1
    done = json.loads(made.stdout)
    files = {f["path"]: f for f in done["warc_files"]}
    assert set(files) == {str(case / "archive.warc.gz"), str(handover / "archive.warc.gz")}, files
    assert files[str(handover / "archive.warc.gz")]["beside_database"] is True
    assert files[str(handover / "archive.warc.gz")]["failed"] >= 1
    assert files[str(case / "archive.warc.gz")]["failed"] == 0
    # the original database still checks the original alone, which is sound
    again = world("cache", "verify", "--json")
    assert again.exit_code == 0, again.output
    assert [f["path"] for f in json.loads(again.stdout)["warc_files"]] == [str(case / "archive.warc.gz")]


def test_an_x_api_429_with_retry_after_and_no_reset_says_until_when_it_asked(fakenet, store):
    """newuser47c #3: the X API answered 429 with `Retry-After: 3600` and no x-rate-limit-reset; the post's reason
    said "rate-limited (429) until an unknown time (no x-rate-limit-reset)", though the server had said when. The
    wait it asked for is read as Retry-After says."""
    fakenet.route("api.twitter.com", "/2/tweets",
                  lambda r: Response(fx.as_json(fx.X_API_429), status=429, content_type="application/json",
                                     headers={**fx.X_RATE_HEADERS, "Retry-After": "3600"}))
    before = int(time.time()) + 3600
    post = fetch_one(Session(settings_for(fakenet, retry_max_wait=1, **X_ONLY), store=store))
    after = int(time.time()) + 3600
    allowed = {f"rate-limited (429) until {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(t))} (Retry-After)"
               for t in range(before, after + 1)}
    assert post.record.reason in allowed, post.record.reason


def test_cache_verify_finds_records_a_longer_edit_before_them_moved_and_says_they_are_whole(fakenet, tmp_path):
    """newuser47c #2: one record of the WARC edited by hand to longer words: every record after it was "FAILED …
    holds no record <id> at offset N (another file of that name, or changed since)" (786 of 790 in the archivist's
    corpus), as if they too were altered. Each such record is looked for by its WARC-Record-ID: found whole at
    another offset, it is named so (still a failure: the citation's offset is wrong), apart from the record edited."""
    world, case = _archived(fakenet, tmp_path)
    _edit_warc(case / "archive.warc.gz", GONE_TEXT.encode(), GONE_TEXT.replace("closed", "closed again").encode())
    made = world("cache", "verify", "--json")
    assert made.exit_code == 1, made.output
    failed = json.loads(made.stdout)["failed"]
    edited = [f for f in failed if "digest failed" in f["why"]]
    moved = [f for f in failed if f.get("moved_to") is not None]
    assert edited and all(f.get("moved_to") is None for f in edited), failed
    assert moved, failed
    assert len(edited) + len(moved) == len(failed), failed
    for f in moved:
        assert f["moved_to"] > f["offset"], f
        assert f["why"].endswith(f"holds record {f['record_id']} at offset {f['moved_to']:,}, not at offset "
                                 f"{f['offset']:,} where the fetch log cites it: the bytes before it changed length "
                                 "since it was written (a record before it edited, added or removed); this record "
                                 "itself is whole and as written"), f
    said = world("cache", "verify")
    assert said.stdout.splitlines()[-1].endswith(
        f"{len(failed)} failed ({len(moved)} of them whole at another offset: the file changed before them)"), \
        said.stdout


def test_in_short_says_what_captures_hold_is_not_known_when_none_is_the_capture_listed(fakenet, tmp_path):
    """newuser47c #4: a deleted post whose one capture read is not the capture the archive lists (its body's SHA-1 is
    not the CDX digest: what it says is not known) was summed up in "In short" as "captured, but the capture does not
    show the post", as if the capture had been read and found to be something else. It says what was found: the
    capture read is not the one listed, and what it holds is not known."""
    serve_capture_not_as_listed(fakenet)
    world = World(fakenet, tmp_path)
    story = tmp_path / "story.html"
    story.write_text(STORY)
    for offline in ((), ("--offline",)):
        made = world("report", *offline, str(story))
        assert made.exit_code == 0, made.output
        [short] = [line for line in made.stdout.splitlines() if "1 post is deleted" in line]
        assert "does not show the post" not in short and "none of" not in short, short
        assert ("1 post is deleted (captured, but the capture read is not the one the archive lists: what it holds "
                "is not known)") in short, short


def test_cache_verify_says_a_warc_that_ends_inside_a_record_no_row_cites(fakenet, tmp_path):
    """newuser47c #5: a WARC whose last record (a request record, which no fetch-log row cites) was cut, as a run
    killed while writing leaves it: `warcio check` fails on the file, and `cache verify` said "all as recorded" of it
    with nothing more. Its cited records are still whole (exit 0), and it says where the file ends inside a record."""
    world, case = _archived(fakenet, tmp_path)
    warc = case / "archive.warc.gz"
    size = warc.stat().st_size
    warc.write_bytes(warc.read_bytes() + b"\x1f\x8b\x08\x00" + bytes(40))   # the start of a record never finished
    said = world("cache", "verify")
    assert said.exit_code == 0, said.output
    assert (f"{warc} ends inside a record: its last 44 bytes, from offset {size:,}, are no whole record (a run "
            "stopped while writing it, or the file was cut); the next run appending to it moves them aside"
            ) in said.stdout, said.stdout
    made = world("cache", "verify", "--json")
    [read] = json.loads(made.stdout)["warc_files"]
    assert read["ends_inside_record"] == {"offset": size, "bytes": 44}, read
    warc.write_bytes(warc.read_bytes()[:size])
    [read] = json.loads(world("cache", "verify", "--json").stdout)["warc_files"]
    assert read["ends_inside_record"] is None, read


def test_cache_verify_says_a_record_past_the_end_of_a_cut_warc_is_cut_off(fakenet, tmp_path):
    """newuser47c #6: a WARC cut short (a copy broken off half way): each cited record past its end was "holds no
    record <id> at offset N (another file of that name, or changed since)". The file's end is said: it ends before
    the offset, so it was cut (or is another, shorter file of that name)."""
    world, case = _archived(fakenet, tmp_path)
    warc = case / "archive.warc.gz"
    cut = 600
    warc.write_bytes(warc.read_bytes()[:cut])
    made = world("cache", "verify", "--json")
    assert made.exit_code == 1, made.output
    failed = json.loads(made.stdout)["failed"]
    past = [f for f in failed if f["offset"] >= cut]
    assert past, failed
    for f in past:
        assert f["why"] == (f"{warc} ends at byte {cut:,}, before offset {f['offset']:,} where the fetch log cites "
                            "this record: the file was cut short (or is another, shorter file of that name)"), f
