"""`report --no-archive`: a report that asks no archive (newuser42a #2: `report` made archive lookups of every post
and credited image on its own, and had no way to leave them out; a sealed run or a deadline has its reasons). No
request to web.archive.org or archive.org, a gone post's archived copies not read either; each archive check says
that no lookup was made. Every request goes to the loopback server (tests/fakenet.py)."""

import json

import pytest

from tests import xfixtures as fx
from tests.cliworld import World
from tests.fakenet import page
from tests.test_exit_codes import HARBOUR, article
from tests.waybacknet import serve

ARCHIVE_HOSTS = ("web.archive.org", "archive.org")


@pytest.fixture
def world(fakenet, tmp_path, monkeypatch):
    """The tweet is gone (every source answers 404); the credited image answers; the archive answers: no capture."""
    monkeypatch.chdir(tmp_path)
    fakenet.route("news.example", "/img/harbour.jpg", page(fx.jpeg(iptc={(2, 80): b"Bea Example"}),
                                                           content_type="image/jpeg"))
    serve(fakenet, [])
    return World(fakenet, tmp_path)


def test_report_asks_the_archive_unless_told_not_to(world, fakenet, tmp_path):
    source = article(tmp_path, HARBOUR, "harbour.html")
    assert world("report", "--format", "json", source).exit_code == 0
    assert [h for h in fakenet.hits if h[0] in ARCHIVE_HOSTS], "the archive was never asked: the test shows nothing"
    fakenet.hits.clear()
    result = world("report", "--no-archive", "--refresh", "--format", "json", source)
    assert result.exit_code == 0, result.output
    assert not [h for h in fakenet.hits if h[0] in ARCHIVE_HOSTS], fakenet.hits
    assert [h for h in fakenet.hits if h[0] == "news.example"], "the credited image was not checked"
    report = json.loads(result.stdout)
    [credit] = report["credits"]
    assert [c["result"] for c in credit["checks"] if c["name"] == "image-metadata"] == ["pass"]


def test_no_archive_says_each_archive_check_was_not_made(world, fakenet, tmp_path):
    source = article(tmp_path, HARBOUR, "harbour.html")
    result = world("report", "--no-archive", "--format", "json", source)
    assert result.exit_code == 0, result.output
    assert not [h for h in fakenet.hits if h[0] in ARCHIVE_HOSTS], fakenet.hits
    [embed] = json.loads(result.stdout)["embeds"]
    [check] = [c for c in embed["checks"] if c["name"] == "archive"]
    assert (check["result"], check["evidence"]) == (
        "skip", "not checked: this report was made with --no-archive, which asks no archive; whether an archived "
                "copy exists is not known"), check


def test_no_archive_and_offline_go_together_and_help_says_what_it_does(world):
    result = world("report", "--help")
    assert "--no-archive" in result.output and "Ask no archive" in result.output
