"""fixleft46c #1: a Mastodon or Bluesky capture held against the time its post's id says it was made. A Mastodon
status id of 2.0 or later is its time in milliseconds shifted 16 bits; a Bluesky post's record key is a TID (53 bits
of microseconds since 1970). A capture Wayback made before then cannot show that post (a redirect, another post at
the URL, an error page): it is refused as an X, TikTok or Instagram capture is, none of its words, account or time
taken, and "captured before the post existed" said. An old Mastodon id (before 2.0, a count) tells no time: such a
capture is read as before, and the copy says its time could not be held against the post's."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from resolver.fetch import wayback
from resolver.platforms import bluesky as bluesky_urls
from resolver.platforms import mastodon as mastodon_urls
from tests.test_fediverse_captures import (ARTICLE, BSKY_HOSTS, DID, HANDLE, HOSTS, PAGE, POST_ID, RKEY, SKEET,
                                           SKEET_ARTICLE, SKEET_ID, STATUS, TEXT, _oembed_gone, _skeet_gone,
                                           skeet_page, status_head)
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import Capture, serve


def test_the_decodings_give_real_ids_their_known_times():
    """Mastodon's API docs (entities/Status) show status 103270115826048975 created at 2019-12-08T03:48:33.901Z (the
    id is minted a moment before the row's created_at); atcute's TID README parses 3l25zusnsfctk to 1724171495793000
    microseconds. An id of before Mastodon 2.0 (a count) and a key that is no TID tell no time."""
    minted = mastodon_urls.id_time("mastodon.social/103270115826048975")
    assert minted is not None and abs(minted - datetime(2019, 12, 8, 3, 48, 33, 901000, tzinfo=timezone.utc)) < \
        timedelta(seconds=1), minted
    assert bluesky_urls.tid_time("3l25zusnsfctk") == datetime.fromtimestamp(1724171495.793, tz=timezone.utc)
    assert mastodon_urls.id_time("mastodon.social/98765") is None
    assert bluesky_urls.tid_time("self") is None


def _row(timestamp: str, original: str, status: int = 200) -> dict:
    return {"id": 7, "url": wayback.raw_url(timestamp, original), "status": status,
            "headers": json.dumps({"content-type": "text/html; charset=utf-8"})}


# STATUS 112000000000000000 was minted 2024-02-26T21:52:55Z; RKEY 3kharbour2abc names 2023-12-23T23:37:02Z
@pytest.mark.parametrize("post_id, timestamp, original, body, status", [
    (POST_ID, "20240226200000", PAGE, status_head(), 200),
    (POST_ID, "20240226200000", PAGE, b"<html><body>The page you are looking for isn't here.</body></html>", 404),
    (SKEET_ID, "20231201000000", SKEET, skeet_page(), 200),
    (SKEET_ID, "20231201000000", SKEET, b"<html><body>Not found</body></html>", 404),
], ids=["mastodon-page", "mastodon-404", "bluesky-page", "bluesky-404"])
def test_a_fediverse_capture_made_before_its_post_existed_gives_nothing_of_it(post_id, timestamp, original, body,
                                                                              status):
    """Before, the Mastodon page was read as the post (its words, account and time), and the 404 as the post being
    gone then; made before the post's id says it existed, each is no evidence of the post at all."""
    copy = wayback.copy_from_fetch(post_id, _row(timestamp, original, status), body, None)
    assert copy is not None
    record = copy.record
    assert (record.status, record.text, record.author_handle, record.author_name, record.author_id,
            record.created_at) == ("unknown", None, None, None, None, None), record
    assert (record.reason or "").startswith("captured before the post existed: the capture was made "), record
    assert record.platform == ("mastodon" if post_id == POST_ID else "bluesky"), record


def test_a_fediverse_capture_made_after_its_post_existed_is_read_as_before():
    copy = wayback.copy_from_fetch(POST_ID, _row("20240226215400", PAGE), status_head(), None)
    assert copy is not None and (copy.record.status, copy.record.text) == ("available", TEXT), copy.record
    copy = wayback.copy_from_fetch(SKEET_ID, _row("20231224000000", SKEET), skeet_page(), None)
    assert copy is not None and (copy.record.status, copy.record.author_id) == ("available", DID), copy.record


def test_an_old_mastodon_ids_capture_is_read_and_its_time_said_unknown_never_refused():
    """An id of before Mastodon 2.0 (12345678 on mastodon.social) is a count, no time: the capture is read (never
    refused on a time the id does not hold), and its notes say the capture's time could not be held against the
    post's."""
    old = "12345678"
    page = PAGE.replace(STATUS, old)
    copy = wayback.copy_from_fetch(f"mastodon.social/{old}", _row("20170301000000", page),
                                   status_head(status=old), None)
    assert copy is not None and (copy.record.status, copy.record.text) == ("available", TEXT), copy.record
    assert any("before Mastodon 2.0" in note and "not known" in note for note in copy.notes), copy.notes


def test_a_deleted_mastodon_posts_only_capture_made_before_it_is_said_so_in_the_report(fakenet, tmp_path,
                                                                                      monkeypatch):
    """End to end on loopback: the instance answers 404, the post's URL was captured an hour before its id was minted
    (another page then, here a page of the same shape): no archived text, no pass of the archived copy, and the report
    says why."""
    _oembed_gone(fakenet)
    serve(fakenet, [Capture("20240226205000", PAGE, status_head())])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    [post] = json.loads(out)["posts"]
    assert [(c["status"], c["text"]) for c in post["archived"]] == [("unknown", None)], post["archived"]
    code, md = run("report", "--offline", "a.html")
    assert "| Archived text |" not in md and "✅ pass **archived-copy**" not in md, md
    assert "captured before the post existed: the capture was made 2024-02-26T20:50:00Z, 1 h 2 min before the " \
           "post's id 112000000000000000 was minted (2024-02-26T21:52:55Z)" in md, md


def test_a_deleted_bluesky_posts_only_capture_made_before_its_key_is_said_so_in_the_report(fakenet, tmp_path,
                                                                                          monkeypatch):
    _skeet_gone(fakenet)
    serve(fakenet, [Capture("20231223220000", SKEET, skeet_page())])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, BSKY_HOSTS)
    code, out = run("scan", "--fetch", "--json", "a.html", article=SKEET_ARTICLE, name="a.html")
    [post] = json.loads(out)["posts"]
    assert [(c["status"], c["text"]) for c in post["archived"]] == [("unknown", None)], post["archived"]
    code, md = run("report", "--offline", "a.html")
    assert "| Archived text |" not in md and f"@{HANDLE}" in md, md
    assert "captured before the post existed: the capture was made 2023-12-23T22:00:00Z, 1 h 37 min before the " \
           f"time its record key {RKEY} names (2023-12-23T23:37:02Z)" in md, md
