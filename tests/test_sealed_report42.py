"""`report` in a sealed run (`[origins] only_configured = true`, the archive's origin left unmapped): newuser42a #2.
The report's own archive lookups of the credited images were refused by the config, each an `error:` line, the
report exit 1 (so `--fail-on fail` never gave 4), a rate-limit wait of ~50 s for requests never sent, and "run
again later for what timed out" when nothing timed out. A lookup the config refuses is not asked, as a credited
image the config refuses is not (tests/test_credited_not_mapped.py): no failure, and never paced. Every request
goes to the loopback server (tests/fakenet.py); the refusal comes before any name lookup or connection."""

import json

import pytest

from tests import xfixtures as fx
from tests.cliworld import World, lines
from tests.fakenet import page

STORY = ('<html><body><article><p>A fire broke out at the harbour on Sunday night, and crews fought it for hours, officials said on Monday. The cause of the fire is not yet known, the harbour master said in a statement, and an inquiry will follow.</p>'
         '<figure><img src="https://news.example/img/a.jpg"><figcaption>The harbour. Tom Alder/AP</figcaption>'
         '</figure><figure><img src="https://news.example/img/b.jpg"><figcaption>The bay. Jane Doe/AP'
         '</figcaption></figure></article></body></html>')


@pytest.fixture
def world(fakenet, tmp_path, monkeypatch):
    """Only news.example (the images' host) mapped, only_configured on: web.archive.org is not asked."""
    monkeypatch.chdir(tmp_path)
    made = World(fakenet, tmp_path)
    config = "".join(line + "\n" for line in made.config.read_text().splitlines() if "archive.org" not in line)
    made.config.write_text(config.replace("[origins]\n", "[origins]\nonly_configured = true\n"))
    # the file says Reuters where the caption says AP: a real fail
    fakenet.route("news.example", "/img/a.jpg", page(fx.jpeg(iptc={(2, 80): b"Tom Alder", (2, 110): b"Reuters"}),
                                                     content_type="image/jpeg"))
    fakenet.route("news.example", "/img/b.jpg", page(fx.jpeg(iptc={(2, 80): b"Jane Doe", (2, 110): b"AP"}),
                                                     content_type="image/jpeg"))
    return made


def _story(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(STORY)
    return str(path)


def test_a_refused_archive_lookup_is_no_failure_and_fail_on_gives_4(world, fakenet, tmp_path):
    result = world("report", "--fail-on", "fail", _story(tmp_path))
    assert result.exit_code == 4, result.output
    assert not [line for line in lines(result.stderr) if line.startswith("error")], result.stderr
    assert not [h for h in fakenet.hits if "archive.org" in h[0]]


def test_an_offline_report_after_a_sealed_run_gives_4_too(world, tmp_path):
    """newuser42a: `report --offline --fail-on fail` exited 1, the refusals the sealed run recorded read as failures."""
    story = _story(tmp_path)
    assert world("report", story).exit_code == 0
    result = world("report", "--offline", "--fail-on", "fail", story)
    assert result.exit_code == 4, result.output
    assert not [line for line in lines(result.stderr) if line.startswith("error")], result.stderr


def test_a_refused_archive_lookup_is_never_paced(world, tmp_path):
    """[limits] gives the archive one request a minute: a wait for it would be said (and take a minute)."""
    world.config.write_text(world.config.read_text() + "\n[limits]\n\"https://web.archive.org/cdx\" = 1\n"
                       "\"https://archive.org/wayback/available\" = 1\n")
    result = world("report", _story(tmp_path))
    assert result.exit_code == 0, result.output
    assert "rate limit" not in result.stderr, result.stderr


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_a_refused_archive_lookup_says_it_was_not_asked_not_that_it_timed_out(world, tmp_path, fmt):
    result = world("report", "--format", fmt, _story(tmp_path))
    assert result.exit_code == 0, result.output
    if fmt == "json":
        report = json.loads(result.stdout)
        assert report["unreachable"] == [], report["unreachable"]
    else:
        [todo] = [line for line in lines(result.stdout) if line.startswith("- **What to do next**")]
        assert "timed out" not in todo and "could not be reached" not in result.stdout.lower(), result.stdout


@pytest.mark.parametrize(("line", "later"), [
    ("link https://bit.ly/x: HTTP 404", False),
    ("image https://news.example/a.jpg: unsafe: refused https://news.example/a.jpg: only http and https are fetched",
     False),
    ("link https://bit.ly/x: timeout: no complete answer within 30 s", True),
    ("archive lookup of https://news.example/a.jpg: HTTP 503", True),
], ids=["404", "refused", "timeout", "503"])
def test_run_again_later_is_said_only_for_what_may_pass(line, later):
    from resolver.report import in_short

    report = {"summary": {"embeds": 0, "credits": 1, "by_platform": {},
                          "posts": {"named": 0, "status_known": 0, "status_not_known": 0},
                          "checks": {"pass": 1, "warn": 0, "fail": 0, "skip": 0}, "failed": []},
              "unreachable": [line], "answers": {"offline": False}}
    [todo] = [said for said in in_short(report) if said.startswith("- **What to do next**")]
    assert ("run again later" in todo) is later, todo
    assert "see why each could not be reached, below" in todo
