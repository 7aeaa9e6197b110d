"""fix47a: archiving correctness (an evidence archivist's findings redone). Save Page Now 2 on the loopback
'internet' (tests/fakenet.py), answering as shared/reference/wayback's documented bodies do; fictional pages."""

from __future__ import annotations

import json
import signal
import subprocess

import pytest
from werkzeug.wrappers import Response

from tests import xfixtures as fx
from tests.fakenet import page
from tests.test_archive import run_archive, serve_wayback, settings_for, spn
from tests.test_fetch import json_page

STORY = "https://news.example/2026/riverton-bridge"
POST = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
JOB = "spn2-0f1e2d3c4b5a69788796a5b4c3d2e1f001234567"


def saved_as(fakenet, store, url, original_url, resources=None):
    """The save of `url` when Save Page Now's job answers success for `original_url` (with `resources`, the list of
    what its browser loaded, as the documented success body carries)."""
    serve_wayback(fakenet)
    fakenet.route("news.example", "/2026/riverton-bridge", page("<html>story</html>"))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    answer = {"status": "success", "job_id": JOB, "original_url": original_url, "timestamp": "20261125230000",
              "duration_sec": 4.2}
    if resources is not None:
        answer["resources"] = resources
    spn(fakenet, submit=[json_page({"url": url, "job_id": JOB})], statuses={JOB: [json_page(answer)]})
    settings = settings_for(fakenet, ia_access_key="ia-key-k", ia_secret_key="ia-secret-s")
    [result] = run_archive([url], settings, store, save=True)
    return result["saved"]


@pytest.mark.parametrize("url, original_url", [
    (STORY, STORY),
    (STORY, "http://news.example/2026/riverton-bridge"),
    (STORY, "https://NEWS.example:443/2026/riverton-bridge/"),
    (STORY, "http://www.news.example:80/2026/riverton-bridge"),
    ("https://news.example/caf%C3%A9?q=a%20b", "https://news.example/café?q=a b"),
    ("https://news.example/~desk/a", "https://news.example/%7Edesk/a"),
    ("https://news.example", "https://news.example/"),
    (POST, f"https://x.com/rivertonroads/status/{fx.POST_ID}"),
], ids=["same", "http", "host-case-port-slash", "www-port-80", "percent-encoding", "tilde-encoded", "root-slash",
        "post-other-host-handle-case"])
def test_a_success_for_the_same_url_written_otherwise_is_a_success(fakenet, store, url, original_url):
    saved = saved_as(fakenet, store, url, original_url, [url])
    assert (saved["status"], saved["message"]) == ("success", None)
    assert saved["snapshot_url"] == f"https://web.archive.org/web/20261125230000/{original_url}"


@pytest.mark.parametrize("original_url, resources", [
    ("https://news.example/2026/another-story", None),
    ("https://news.example/2026/another-story", ["https://news.example/2026/another-story"]),
    ("https://elsewhere.example/2026/riverton-bridge", []),
    ("https://news.example/2026/riverton-bridge?page=2", None),
    ("https://news.example/2026/Riverton-Bridge", None),
], ids=["no-resources", "resources-without-ours", "other-host", "other-query", "path-case"])
def test_a_success_for_another_url_is_no_success_and_names_what_was_captured(fakenet, store, original_url,
                                                                               resources):
    """fix47a #1: a job's answer that says success for another page than the one submitted (another job's answer, a
    page SPN reached by no redirect the answer shows) was a plain success, its snapshot URL that other page's, as if
    ours had been captured. It is an error naming the URL captured, and no snapshot is given as ours."""
    saved = saved_as(fakenet, store, STORY, original_url, resources)
    assert saved["status"] == "error"
    assert saved["snapshot_url"] is None
    assert saved["message"] == (
        f"Save Page Now reported a capture of another URL, {original_url} "
        f"(https://web.archive.org/web/20261125230000/{original_url}), not of this one, and its answer shows no "
        "redirect from this one to it: whether this URL was captured is not known")
    assert store.latest_save(STORY)["status"] == "error"


def test_a_success_after_a_redirect_says_where_the_capture_is_of(fakenet, store):
    """SPN follows up to 3 redirects (spn2_status_ext_codes: error:too-many-redirects) and names the page it ended on
    as the job's original_url, the URL submitted first among the resources its browser loaded: a capture of where
    our URL led, said so."""
    end = "https://news.example/2026/riverton-bridge-reopens"
    saved = saved_as(fakenet, store, STORY, end, [STORY, end, "https://news.example/style.css"])
    assert saved["status"] == "success"
    assert saved["snapshot_url"] == f"https://web.archive.org/web/20261125230000/{end}"
    assert saved["message"] == f"captured after a redirect to {end}: the capture is of that page"


def test_a_post_redirected_to_a_page_that_is_not_it_was_not_captured(fakenet, store):
    """A post's URL that led SPN to a login page (or another post): the capture holds no copy of the post."""
    login = "https://x.com/i/flow/login?redirect_after_login=%2FRivertonRoads%2Fstatus%2F" + fx.POST_ID
    saved = saved_as(fakenet, store, POST, login, [POST, login])
    assert saved["status"] == "error" and saved["snapshot_url"] is None
    assert saved["message"] == (
        f"Save Page Now was redirected from this URL to {login} and captured that page "
        f"(https://web.archive.org/web/20261125230000/{login}), which is not the post: the post was not captured")


# -- #2: a refusal of the config holds for what is sent to Save Page Now -------------------------------------------

PIC = "https://pic.twitter.com/Zz98Yy76Xx"
PIC_STORY = f"<html><body><p>The council met.</p>{fx.OEMBED_TWEET['html']}</body></html>"


def sealed_world(fakenet, tmp_path, *, unmapped=("pic.twitter.com",)):
    """`World` whose config sets `[origins] only_configured = true` and maps every service but `unmapped`."""
    from tests.cliworld import SERVICES, World

    world = World(fakenet, tmp_path)   # one database; a config file of its own for each mapping
    world.config = tmp_path / f"config-{len(unmapped)}.toml"
    world.config.write_text("[network]\nretries = 0\n\n[origins]\nonly_configured = true\n" + "".join(
        f'"{scheme}://{h}" = "{fakenet.origin}"\n' for h in SERVICES if h not in unmapped
        for scheme in ("https", "http")))
    return world


KEYS = {"IA_ACCESS_KEY": "ia-key-k", "IA_SECRET_KEY": "ia-secret-s"}


def test_a_url_whose_origin_the_config_refuses_is_never_sent_to_save_page_now(fakenet, tmp_path):
    """fix47a #2: with `[origins] only_configured = true` and pic.twitter.com unmapped, `archive --save` of an article
    said the photo link's page copy was "not checked: refused by [origins]", and submitted the same link to Save Page
    Now, which fetched it for the run and published it. Its save is refused as its copy was, saying why, and no
    failure; the post, whose origin is mapped, is saved."""
    from tests.waybacknet import serve, serve_save_page_now

    serve(fakenet, [])
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", json_page({}, 404))
    fakenet.route("publish.twitter.com", "/oembed", page("", 404))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>post</html>"))
    submitted = serve_save_page_now(fakenet)
    world = sealed_world(fakenet, tmp_path)
    story = tmp_path / "story.html"
    story.write_text(PIC_STORY)
    done = world("archive", "--save", "--json", str(story), env=KEYS)
    lines = {line["url"]: line for line in map(json.loads, done.stdout.splitlines()) if "url" in line}
    assert PIC in lines, done.output
    assert PIC not in submitted and not any("pic.twitter.com" in url for url in submitted), submitted
    assert f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}" in submitted
    saved = lines[PIC]["saved"]
    assert saved["status"] == "refused", saved
    assert saved["message"] == (
        "not saved: its origin is not mapped in [origins], and [origins] only_configured = true lets no other origin "
        "be contacted: Save Page Now would fetch it for this run (and publish it); to allow it, add "
        '"https://pic.twitter.com" = "<origin>" to [origins]')
    assert "pic.twitter.com" not in done.stderr, done.stderr   # a refusal of the config is no failure
    assert all(PIC not in (row["url"] or "") for row in world_saves(world)), "queued for a later run"


def world_saves(world):
    from cache import Store

    return list(Store(world.db).db["saves"].rows)


def test_a_save_an_earlier_run_queued_is_not_submitted_while_the_config_refuses_its_origin(fakenet, tmp_path):
    """A save of the photo link queued by a run without keys (not refused then) is left in the queue, not submitted,
    by a run whose config refuses its origin; a run that maps it submits it."""
    from tests.waybacknet import serve, serve_save_page_now

    serve(fakenet, [])
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", page("<html>photo</html>"))
    submitted = serve_save_page_now(fakenet)
    open_world = sealed_world(fakenet, tmp_path, unmapped=())
    queued = open_world("archive", "--save", "--json", PIC)
    assert json.loads(queued.stdout)["saved"]["status"] == "no-keys", queued.output
    sealed = sealed_world(fakenet, tmp_path)
    done = sealed("archive", "--save", "--json", "https://twitter.com/RivertonRoads/status/1", env=KEYS)
    assert PIC not in submitted, done.output
    assert [row["status"] for row in world_saves(sealed) if row["url"] == PIC] == ["pending"]
    again = open_world("archive", "--save", "--json", PIC, env=KEYS)
    assert PIC in submitted, again.output
    assert json.loads(again.stdout)["saved"]["status"] == "success"


# -- #3: the report's WARC list names the copy handed over ----------------------------------------------------------

def test_a_report_from_a_handed_over_database_cites_the_warc_copy_beside_it(fakenet, tmp_path):
    """fix47a #3: the database and its WARC copied to a hand-over folder, the original left in place (and grown by a
    later run): `report --compare` from the copied database listed the original's path and sha256 under "WARC files
    cited", not the file handed over, and a damaged copy went unsaid. The copy beside the database is the file
    cited: its path, its sha256, its records checked."""
    import hashlib

    from tests.test_exhibit38 import GONE_TEXT
    from tests.test_fixnu44d import _edit_warc
    from tests.test_newuser47c import _archived, _handed_over

    world, case = _archived(fakenet, tmp_path)
    first = world("report", "--offline", "--format", "json", "-o", str(tmp_path / "exhibit.json"),
                  str(case / "story.html"))
    assert first.exit_code == 0, first.output
    copy, handover = _handed_over(fakenet, tmp_path, world, case)
    with (case / "archive.warc.gz").open("ab") as grown:   # the original, appended to by a later run
        grown.write((handover / "archive.warc.gz").read_bytes())
    handed = handover / "archive.warc.gz"
    made = copy("report", "--offline", "--format", "json", "--compare", str(tmp_path / "exhibit.json"),
                str(case / "story.html"))
    assert made.exit_code == 0, made.output
    [cited] = json.loads(made.stdout)["warc_files_cited"]
    assert (cited["path"], cited["beside_database"]) == (str(handed), True), cited
    assert cited["sha256"] == hashlib.sha256(handed.read_bytes()).hexdigest()
    assert cited["bytes"] == handed.stat().st_size
    assert cited["records_not_found"] == 0 and cited["records_failed"] == []
    shown = copy("report", "--offline", str(case / "story.html"))
    assert f"beside the database: {handed}" in shown.stdout and str(case / "archive.warc.gz") not in shown.stdout
    _edit_warc(handed, GONE_TEXT.encode(), GONE_TEXT.replace("closed", "opened").encode())
    damaged = copy("report", "--offline", "--format", "json", "--compare", str(tmp_path / "exhibit.json"),
                   str(case / "story.html"))
    assert damaged.exit_code == 6, damaged.output   # the copy handed over differs; the original is sound
    [cited] = json.loads(damaged.stdout)["warc_files_cited"]
    assert cited["path"] == str(handed) and cited["records_failed"], cited
    # the original database still cites the original, which a later run grew
    again = world("report", "--offline", "--format", "json", str(case / "story.html"))
    assert [f["path"] for f in json.loads(again.stdout)["warc_files_cited"]] == [str(case / "archive.warc.gz")]


# -- #4: archive --json keeps what it finished when it is killed ------------------------------------------------------

def test_archive_json_killed_keeps_the_lines_of_the_urls_it_finished(fakenet, tmp_path):
    """fix47a #4: `archive --save --json URL URL` printed every line at the end: killed (SIGKILL) while the second
    URL's save was polled, it had printed nothing, the first URL's save done and lost from its output. Each line is
    printed (and flushed) as its URL is done, in the order given; a run of the same targets with --offline prints
    again what the cache keeps of each."""
    from tests.cliworld import Hang, World
    from tests.waybacknet import serve

    first, second = "https://news.example/2026/first", "https://news.example/2026/second"
    serve(fakenet, [])
    for url in (first, second):
        fakenet.route("news.example", url.removeprefix("https://news.example"), page("<html>story</html>"))

    def success(url, job):
        return lambda request: Response(json.dumps({"status": "success", "job_id": job, "original_url": url,
                                                    "timestamp": "20261125230000", "resources": [url]}),
                                        content_type="application/json")
    hang = Hang(success(second, "spn2-second"))
    fakenet.route("web.archive.org", "/save/status/spn2-first", success(first, "spn2-first"))
    fakenet.route("web.archive.org", "/save/status/spn2-second", hang)
    fakenet.route("web.archive.org", "/save", lambda request: Response(json.dumps({
        "url": request.form["url"], "job_id": "spn2-" + request.form["url"].rsplit("/", 1)[-1]}),
        content_type="application/json"))
    world = World(fakenet, tmp_path)
    out = tmp_path / "out.jsonl"
    with out.open("wb") as stdout:
        child = world.process("archive", "--save", "--json", first, second, stdout=stdout, stderr=subprocess.DEVNULL,
                              env=KEYS)
        hang.killed_while_waiting(child)
    assert child.returncode == -signal.SIGKILL
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(line["url"], line["saved"]["status"]) for line in lines] == [(first, "success")], lines
    again = world("archive", "--offline", "--json", "--save", first, second)
    kept = {line["url"]: line["saved"] for line in map(json.loads, again.stdout.splitlines())}
    assert kept[first]["status"] == "success" and kept[first]["snapshot_url"].endswith(first), again.output
    assert kept[second]["status"] == "submitted" and kept[second]["job_id"] == "spn2-second", again.output
    assert kept[second]["message"] == ("offline: submitted as job spn2-second, its outcome not known (the next online "
                                       "run asks about the job)")   # not "not submitted (queued …)"
