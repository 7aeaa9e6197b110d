"""A credited image on an origin `[origins] only_configured = true` leaves unmapped is not asked, by the user's own
config, as a post's photo is (tests/test_media_not_mapped.py): said once, in the scan table, the JSON and the
reports, and no failure (exit 0). newuser39b #6: a 2,000-article `--fetch` run printed 1,842 `error: ... credited
image ... could not be used: unmapped: refused ...` lines and exited 1, its one real failure lost among them. The
refusal comes before any name lookup or connection; every service the run asks is the loopback server's."""

import json

import pytest

from tests import xfixtures as fx
from tests.cliworld import World, lines
from tests.fakenet import page
from tests.test_exit_codes import HARBOUR, HARBOUR_IMAGE, article
from tests.test_fetch import by_id, json_page, serve_media
from tests.waybacknet import serve


@pytest.fixture
def world(fakenet, tmp_path, monkeypatch):
    """The loopback world with only_configured on and news.example (the credited image's host) left unmapped."""
    monkeypatch.chdir(tmp_path)
    serve_media(fakenet)
    tweet = dict(fx.SYNDICATION_TWEET, mediaDetails=fx.SYNDICATION_TWEET["mediaDetails"][:1])
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(tweet)]}))
    made = World(fakenet, tmp_path)
    made.asked = []
    image = page(fx.jpeg(), content_type="image/jpeg")
    fakenet.route("news.example", "/img/harbour.jpg", lambda request: made.asked.append(request) or image(request))
    serve(fakenet, [])   # the archive answers: no capture
    config = made.config.read_text()
    config = "".join(line + "\n" for line in config.splitlines() if "news.example" not in line)
    made.config.write_text(config.replace("[origins]\n", "[origins]\nonly_configured = true\n"))
    return made


NOT_ASKED = f"credited image {HARBOUR_IMAGE} not asked: its origin is not mapped in [origins]"


def test_scan_fetch_says_the_refused_credited_image_once_and_exits_0(world, fakenet, tmp_path):
    source = article(tmp_path, HARBOUR, "harbour.html")
    result = world("scan", "--fetch", source, env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert not [line for line in lines(result.stderr) if line.startswith("error")], result.stderr
    said = [line for line in lines(result.stdout) if HARBOUR_IMAGE in line and "credit" in line]
    assert len(said) == 1 and said[0].strip().startswith(NOT_ASKED), result.stdout
    assert not world.asked, "the image was asked for"


def test_scan_fetch_json_keeps_the_refusal_and_is_no_failure(world, tmp_path):
    source = article(tmp_path, HARBOUR, "harbour.html")
    result = world("scan", "--fetch", "--json", source)
    assert result.exit_code == 0, result.output
    [image] = json.loads(result.stdout)["credited_images"]
    assert image["url"] == HARBOUR_IMAGE and image["error"].startswith("unmapped: refused ")


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_report_says_the_credited_image_was_not_asked_and_exits_0(world, tmp_path, fmt):
    source = article(tmp_path, HARBOUR, "harbour.html")
    result = world("report", "--format", fmt, source)
    assert result.exit_code == 0, result.output
    assert not [line for line in lines(result.stderr) if line.startswith("error")], result.stderr
    if fmt == "json":
        report = json.loads(result.stdout)
        assert report["summary"]["unreachable"] == 0 and report["unreachable"] == [], report["unreachable"]
        [credit] = report["credits"]
        [check] = [c for c in credit["checks"] if c["name"] == "image-metadata"]
        assert check["result"] == "skip" and "not asked: its origin is not mapped in [origins]" in check["evidence"]
    else:
        text = result.stdout.replace("<li>", "\n")
        said = [line for line in text.splitlines() if "not asked" in line and "origin is not mapped" in line]
        assert len(said) == 1, result.stdout
        assert "could not be" not in text.lower() or HARBOUR_IMAGE not in [
            line for line in text.splitlines() if "could not be" in line.lower()], result.stdout


def test_a_credited_image_that_failed_otherwise_is_still_a_failure(world, fakenet, tmp_path):
    """Mapped and answering 404: exit 1 with its error line, as before."""
    config = world.config.read_text()
    world.config.write_text(config + f'"https://news.example" = "{fakenet.origin}"\n')
    fakenet.route("news.example", "/img/harbour.jpg", page("gone", 404))
    source = article(tmp_path, HARBOUR, "harbour.html")
    result = world("scan", "--fetch", source)
    assert result.exit_code == 1
    assert lines(result.stderr) == [f"error: {source}: credited image {HARBOUR_IMAGE} could not be used: HTTP 404"]
