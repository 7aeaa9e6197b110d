"""Exit codes and messages as the README's table says (#11): a failed step is exit 1, one message style
(`error: ...`), quiet under `| head`, plain columns in a pipe, a status line for long waits, progress bars for
many targets."""

import json
import os
import pty
import re
import select
import sqlite3
import subprocess
import time

from pathlib import Path

import pytest

from tests import xfixtures as fx
from tests.cliworld import World, lines
from tests.fakenet import page, redirect
from tests.test_fetch import by_id, json_page, serve_media
from tests.waybacknet import serve

FIXTURES = Path(__file__).parent / "fixtures"
POST = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
LINKED = f"Bridge reopened. https://t.co/Loop0000\n— Riverton Roads (@RivertonRoads) December 6, 2022 {POST}\n"
REMNANT = "Bridge reopened this morning after repairs.\n— Riverton Roads (@RivertonRoads) December 6, 2022\n"


@pytest.fixture
def world(fakenet, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    serve_media(fakenet)
    return World(fakenet, tmp_path)


def article(tmp_path, text, name="a.txt"):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def broken_services(fakenet):
    fakenet.route("t.co", "/Loop0000", redirect("https://t.co/Loop0000"))          # a redirect loop
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", page("busy", 500))
    fakenet.route("publish.twitter.com", "/oembed", page("busy", 500))
    fakenet.route("web.archive.org", "/cdx/search/cdx", page("busy", 503))
    fakenet.route("archive.org", "/wayback/available", page("busy", 503))


def test_fetch_exits_1_when_a_post_ended_in_error(world, fakenet):
    broken_services(fakenet)
    result = world("fetch", "--json", POST)
    assert json.loads(result.stdout)["status"] == "error"
    assert result.exit_code == 1


def test_fetch_and_archive_say_on_stderr_why_they_exit_1(world, fakenet, tmp_path):
    """newuser27 #7: `fetch` of a post every source failed for, and `archive` of a URL or an article whose lookup
    failed, exited 1 with nothing on stderr (the reason only on stdout), where the README promises an `error:` line
    for every error, as `scan` gives."""
    broken_services(fakenet)
    fetched = world("fetch", POST)
    assert fetched.exit_code == 1
    assert lines(fetched.stderr) == [f"error: post twitter {fx.POST_ID} could not be fetched: syndication answered "
                                     "HTTP 500"]
    archived = world("archive", POST)
    assert archived.exit_code == 1
    assert lines(archived.stderr) == [f"error: archive lookup failed for {POST}: cdx: HTTP 503"]
    source = article(tmp_path, f"Bridge reopened.\n— Riverton Roads (@RivertonRoads) December 6, 2022 {POST}\n")
    archived = world("archive", source)
    assert archived.exit_code == 1
    assert f"error: {source}: archive lookup failed for {POST}: cdx: HTTP 503" in lines(archived.stderr)


def test_fixnu32i_a_failure_read_from_the_cache_says_so_in_every_command(world, fakenet, tmp_path):
    """review32r5 #5: a failure read from the cache is marked "(from cache)" on its error line, as a credited
    image's is: `resolve --offline` said the link's error without it (its stdout view said it), and so did the post
    lines of `fetch` and `scan`. What this run asked says no such thing."""
    broken_services(fakenet)
    loop = "link https://t.co/Loop0000 ended in an error: redirect-loop: https://t.co/Loop0000 was already visited"
    post = f"post twitter {fx.POST_ID} could not be fetched: syndication answered HTTP 500"
    for args, said in ((), ""), (("--offline",), " (from cache)"):
        resolved = world("resolve", *args, "https://t.co/Loop0000")
        assert (resolved.exit_code, lines(resolved.stderr)) == (1, [f"error: {loop}{said}"]), resolved.output
        fetched = world("fetch", *args, POST)
        assert (fetched.exit_code, lines(fetched.stderr)) == (1, [f"error: {post}{said}"]), fetched.output
    source = article(tmp_path, LINKED)
    scanned = world("scan", "--offline", "--resolve", "--fetch", source)
    link = loop.replace("Loop0000 ended", "Loop0000 (embed #1) ended")
    assert (scanned.exit_code, lines(scanned.stderr)) == (1, [f"error: {source}: {link} (from cache)",
                                                              f"error: {source}: {post} (from cache)"])


def test_archive_save_refused_for_its_keys_says_so_on_stderr(world, fakenet):
    """newuser27 #7: Save Page Now answering 401 printed "save: error (HTTP 401)" on stdout only, exit 1, with no
    hint of what to do."""
    fakenet.route("web.archive.org", "/cdx/search/cdx", json_page([]))
    fakenet.route("web.archive.org", "/save", page('{"message": "You need to be logged in to use Save Page Now."}',
                                                   401, content_type="application/json"))
    result = world("archive", "--save", POST, env={"IA_ACCESS_KEY": "k" * 16, "IA_SECRET_KEY": "s" * 16})
    assert result.exit_code == 1
    assert lines(result.stderr) == [f"error: archive save of {POST}: error (HTTP 401: the archive refused the keys; "
                                    "check IA_ACCESS_KEY and IA_SECRET_KEY)"]


@pytest.mark.parametrize("command", ["fetch", "scan"])
def test_a_post_whose_photo_could_not_be_downloaded_exits_1(world, fakenet, tmp_path, command):
    """The README's table: "an image could not be downloaded" is exit 1. Before, a post's photo answering 404 left
    `fetch` and `scan --fetch` at exit 0 (only the images credits belong to counted)."""
    tweet = dict(fx.SYNDICATION_TWEET, mediaDetails=fx.SYNDICATION_TWEET["mediaDetails"][:1])
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(tweet)]}))
    fakenet.route("pbs.twimg.com", "/media/FjRivertonBridge.jpg", page("gone", 404))
    args = ["fetch", "--json", POST] if command == "fetch" else ["scan", "--fetch", "--json", article(tmp_path, POST)]
    result = world(*args)
    assert result.exit_code == 1, result.output
    post = json.loads(result.stdout)
    post = post if command == "fetch" else post["posts"][0]
    assert post["status"] == "available" and post["media"][0]["error"] == "HTTP 404"
    if command == "fetch":
        assert lines(result.stderr) == ["error: photo https://pbs.twimg.com/media/FjRivertonBridge.jpg of post "
                                        f"twitter {fx.POST_ID} could not be used: HTTP 404"]


def test_a_post_whose_photo_was_never_fetched_offline_is_not_a_failure(world, fakenet):
    tweet = dict(fx.SYNDICATION_TWEET, mediaDetails=fx.SYNDICATION_TWEET["mediaDetails"][:1])
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(tweet)]}))
    assert world("fetch", "--no-media", POST).exit_code == 0
    assert world("fetch", "--offline", POST).exit_code == 0   # the post is cached, its photo never was: no error


@pytest.mark.parametrize("target", ["https://t.co/Loop0000", "article"])
def test_fetch_exits_1_and_says_so_when_a_link_could_not_be_resolved(world, fakenet, tmp_path, target):
    """Before, a short link that ended in an error (here a redirect loop) vanished: nothing printed, exit 0. Its
    JSON line names the target it came from, the article (#12: the link was its `source`), and the link."""
    broken_services(fakenet)
    link = "https://t.co/Loop0000"
    if target == "article":   # an article whose only embed is a tweet's photo link
        link = "https://pic.twitter.com/Loop0000"
        fakenet.route("pic.twitter.com", "/Loop0000", redirect(link))
        target = article(tmp_path, "Bridge reopened this morning. pic.twitter.com/Loop0000\n")
    result = world("fetch", "--json", target)
    assert result.exit_code == 1, result.output
    assert [line for line in lines(result.stderr) if line.startswith("error: ")] == [
        f"error: cannot fetch {link}: the link could not be resolved (redirect-loop: {link} was already visited)"]
    assert [json.loads(line) for line in lines(result.stdout)] == [
        {"source": target, "link": link, "error": f"redirect-loop: {link} was already visited"}]


def test_fetch_offline_exits_3_when_a_link_was_never_resolved(world, fakenet):
    result = world("fetch", "--offline", "https://t.co/Loop0000")
    assert result.exit_code == 3, result.output
    # a line of its own, marked as the house style marks what is no error (cli27: it had no prefix)
    assert lines(result.stderr) == ["warning: https://t.co/Loop0000: not in the cache (offline)"]
    assert fakenet.server.log == []


@pytest.mark.parametrize("flag, message", [
    (["--save"], "error: --save goes with --archive"),
    (["--warc", "run.warc.gz"], "error: --warc goes with --resolve, --fetch, --identify or --archive"),
], ids=["save", "warc"])
def test_scan_save_or_warc_without_a_step_that_uses_it_is_a_usage_error(world, fakenet, tmp_path, flag, message):
    """Before, `scan --save story.html` exited 0 having saved nothing (--save only acts with --archive); --warc
    with no step that asks the network has nothing to write."""
    result = world("scan", *flag, article(tmp_path, LINKED))
    assert result.exit_code == 2, result.output
    assert lines(result.stderr)[-1] == message
    assert fakenet.hits == [] and not (tmp_path / "run.warc.gz").exists()


@pytest.mark.parametrize("steps", [["--resolve", "--fetch"], ["--fetch"], ["--resolve"]],
                         ids=["resolve-fetch", "fetch", "resolve"])
def test_newuser33_scan_fetch_writes_every_response_to_the_warc_given(world, fakenet, tmp_path, steps):
    """newuser33 #6: --warc went only with --archive ("--save and --warc go with --archive", exit 2), so the facts
    `scan --resolve --fetch` fetched were cited with no WARC record (`warc_record: null`) in the exhibit a report
    makes of them. --warc now goes with every step that asks the network: each response of the run is written,
    the fetch log names the file and offset, and the report cites the record, whose payload is the body cited."""
    import hashlib

    from warcio.archiveiterator import ArchiveIterator

    tweet = dict(fx.SYNDICATION_TWEET, mediaDetails=fx.SYNDICATION_TWEET["mediaDetails"][:1])
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(tweet)]}))
    fakenet.route("t.co", "/Loop0000", redirect(POST))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html><title>X</title></html>"))
    serve(fakenet, [])
    source = article(tmp_path, LINKED)
    warc = tmp_path / "run.warc.gz"
    result = world("scan", *steps, "--warc", str(warc), "--json", source)
    assert result.exit_code == 0, result.output
    from cache.store import Store

    rows = list(Store(world.db).db["fetches"].rows)
    assert rows and all(r["warc_file"] == str(warc) and r["warc_offset"] is not None for r in rows), rows
    with warc.open("rb") as stream:
        targets = {r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(stream)
                   if r.rec_type == "response"}
    assert targets == {r["url"] for r in rows}
    if "--fetch" not in steps:
        return
    cited = json.loads(world("report", "--offline", "--format", "json", source).stdout)
    [source_cited] = [s for s in cited["embeds"][0]["post"]["sources"] if s["method"] == "syndication"]
    assert source_cited["warc_record"]["file"] == "run.warc.gz"
    with warc.open("rb") as stream:
        stream.seek(source_cited["warc_record"]["offset"])
        record = next(iter(ArchiveIterator(stream)))
        assert hashlib.sha256(record.content_stream().read()).hexdigest() == source_cited["body_sha256"]


@pytest.mark.parametrize("flag", ["--resolve", "--fetch", "--archive", "--identify"])
def test_scan_exits_1_when_a_step_failed(world, fakenet, tmp_path, flag):
    broken_services(fakenet)
    source = article(tmp_path, REMNANT if flag == "--identify" else LINKED)
    result = world("scan", flag, "--json", source)
    assert result.exit_code == 1, result.output
    json.loads(result.stdout)   # the results are still printed


def test_a_failed_identification_says_so_in_the_table_view(world, fakenet, tmp_path):
    broken_services(fakenet)
    result = world("scan", "--identify", article(tmp_path, REMNANT), env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert "identification failed" in result.stdout


HARBOUR = ('<html><body><blockquote class="twitter-tweet"><p>Harbour at dawn.</p>&mdash; Riverton Roads '
           f'(@RivertonRoads) <a href="{POST}">December 6, 2022</a></blockquote>'
           '<figure><img src="https://news.example/img/harbour.jpg"><figcaption>The harbour. (Photo: Bea Example/'
           'Riverton Post)</figcaption></figure></body></html>')
HARBOUR_IMAGE = "https://news.example/img/harbour.jpg"


@pytest.mark.parametrize("form", ["table", "json"])
def test_scan_fetch_says_which_credited_image_could_not_be_downloaded(world, fakenet, tmp_path, form):
    """Before, `scan --fetch` exited 1 with nothing on stderr (not even with -v) and a table that showed the post as
    available: the image's 404 was only in --json's credited_images[].error."""
    tweet = dict(fx.SYNDICATION_TWEET, mediaDetails=fx.SYNDICATION_TWEET["mediaDetails"][:1])
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(tweet)]}))
    fakenet.route("news.example", "/img/harbour.jpg", page("gone", 404))
    source = article(tmp_path, HARBOUR, "harbour.html")
    result = world("scan", "--fetch", *(["--json"] if form == "json" else []), source, env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert lines(result.stderr) == [f"error: {source}: credited image {HARBOUR_IMAGE} could not be used: HTTP 404"]
    if form == "json":
        [image] = json.loads(result.stdout)["credited_images"]
        assert image["url"] == HARBOUR_IMAGE and image["error"] == "HTTP 404"
    else:
        assert f"  credited image {HARBOUR_IMAGE} could not be used: HTTP 404" in lines(result.stdout)


def test_scan_fetch_says_which_photo_of_a_post_could_not_be_downloaded(world, fakenet, tmp_path):
    """A post's photo that answers 404 is exit 1 (the README's table): the error line names it."""
    tweet = dict(fx.SYNDICATION_TWEET, mediaDetails=fx.SYNDICATION_TWEET["mediaDetails"][:1])
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(tweet)]}))
    fakenet.route("pbs.twimg.com", "/media/FjRivertonBridge.jpg", page("gone", 404))
    fakenet.route("news.example", "/img/harbour.jpg", page(fx.jpeg(), content_type="image/jpeg"))
    source = article(tmp_path, HARBOUR, "harbour.html")
    result = world("scan", "--fetch", source, env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert lines(result.stderr) == [f"error: {source}: photo {fx.PHOTO_URL} of post twitter {fx.POST_ID} could "
                                    "not be used: HTTP 404"]
    assert f"  #1 photo {fx.PHOTO_URL} could not be used: HTTP 404" in lines(result.stdout)
    assert f"  credited image {HARBOUR_IMAGE}: image/jpeg 64x48" in lines(result.stdout)


def test_scan_says_each_link_and_archive_lookup_that_failed(world, fakenet, tmp_path):
    broken_services(fakenet)
    source = article(tmp_path, LINKED)
    result = world("scan", "--resolve", "--archive", source, env={"COLUMNS": "200"})
    assert result.exit_code == 1
    errors = lines(result.stderr)
    assert errors[0].startswith(f"error: {source}: link https://t.co/Loop0000 (embed #1) ended in an error: ")
    assert errors[1:] == [f"error: {source}: post twitter {fx.POST_ID} could not be fetched: syndication answered "
                          "HTTP 500",
                          f"error: {source}: archive lookup failed for {POST}: cdx: HTTP 503"]


@pytest.mark.parametrize("args", [
    ["scan", "nosuch.html"],
    ["fetch"],                                   # a usage error
    ["scan", "--offline", "--refresh", str(FIXTURES / "no_markers.html")],   # a usage error
    ["--replay", "nosuch.warc.gz", "scan", "x"],
], ids=["input", "usage", "contradiction", "missing-replay"])
def test_every_error_is_one_lowercase_error_line(world, args):
    result = world(*args)
    assert result.exit_code in (1, 2)
    errors = [line for line in lines(result.stderr) if "rror" in line]
    assert len(errors) == 1 and errors[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output


def test_scan_into_head_exits_quietly(world, tmp_path):
    many = tmp_path / "many"
    many.mkdir()
    for i in range(400):
        (many / f"{i:03d}.txt").write_text(LINKED.replace("Bridge", f"Bridge {i}"))
    child = world.process("scan", "--json", "--no-store", str(many), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = child.stdout.readline()
    child.stdout.close()                         # what `| head -n 1` does
    _, err = child.communicate(timeout=120)
    assert json.loads(first)["embeds"]
    assert err == b""
    assert child.returncode in (0, 141, -13)     # done, or ended by SIGPIPE: never an error message


@pytest.mark.parametrize("command", ["resolve", "fetch"])
def test_a_table_view_into_head_exits_141_quietly(world, command):
    """Before, `resolve … | head` and `fetch … | head` (the rich table views) exited 1: rich's own broken-pipe
    handler exits 1, not the README's 141. 1,500 rows (about 130 KB of table) are twice what the pipe (64 KB) and the
    reader's buffer (8 KB) take in: the child still writes once `head` has closed (3,000 rows took twice the CPU)."""
    targets = [f"https://t.co/Many{i:05d}" if command == "resolve" else f"https://twitter.com/a/status/{i + 1}"
               for i in range(1500)]
    child = world.process(command, "--offline", "-", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    child.stdin.write("\n".join(targets).encode())
    child.stdin.close()
    child.stdin = None
    first = child.stdout.readline()
    child.stdout.close()                         # what `| head -n 1` does
    _, err = child.communicate(timeout=120)
    assert first.strip()
    assert err == b""
    assert child.returncode in (141, -13)


def test_piped_tables_do_not_wrap_urls(world, tmp_path):
    source = article(tmp_path, "Bridge reopened. https://www.youtube.com/watch?v=AbCdEfGhIjK&list=PLriverton0123\n"
                               "— Riverton Roads (@RivertonRoadsDepartment) December 6, 2022 " + POST + "\n")
    urls = [e["url"] for e in json.loads(world("scan", "--json", source).stdout)["embeds"]]
    result = world("scan", source, env={"COLUMNS": "40"})
    assert result.exit_code == 0
    assert len(urls) == 2 and all(url in result.stdout for url in urls)
    assert source in result.stdout
    assert not set("│┃┏━─") & set(result.stdout)


def test_a_retry_after_a_wait_shows_a_status_line(world, fakenet):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [
        page("slow down", 429, **{"Retry-After": "2"}), json_page(fx.SYNDICATION_TWEET)]}))
    world.config.write_text(world.config.read_text().replace("retries = 0", "retries = 1"))
    started = time.monotonic()
    result = world("fetch", "--no-media", POST)
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started >= 1.5
    assert "cdn.syndication.twimg.com: retry 1/1 in 2 s" in result.stderr


@pytest.mark.parametrize("answer,why", [
    (page("slow down", 429, **{"Retry-After": "2"}), "it answered HTTP 429 and asked to wait (Retry-After)"),
    (page("busy", 503, **{"Retry-After": "2"}), "it answered HTTP 503 and asked to wait (Retry-After)"),
], ids=["429", "503"])
def test_newuser36b_a_retry_line_says_what_it_waits_for(world, fakenet, answer, why):
    """newuser36b #3: "cdn.syndication.twimg.com: retry 1/1 in 2 s" said how long, not why: a log read the next
    morning could not tell a server's asked-for wait from a backoff after an error."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [
        answer, json_page(fx.SYNDICATION_TWEET)]}))
    world.config.write_text(world.config.read_text().replace("retries = 0", "retries = 1"))
    result = world("fetch", "--no-media", POST)
    assert result.exit_code == 0, result.output
    assert re.search(rf"^cdn\.syndication\.twimg\.com: retry 1/1 in \d+ s \({re.escape(why)}\)$", result.stderr,
                     re.M), result.stderr


def test_the_last_attempt_announces_no_retry(world, fakenet):
    # tenacity asks for the wait before it checks whether to stop: the last 429 said "retry 2/1 in 2 s", a retry
    # that never came.
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [
        page("slow down", 429, **{"Retry-After": "2"}), page("slow down", 429, **{"Retry-After": "2"})]}))
    world.config.write_text(world.config.read_text().replace("retries = 0", "retries = 1"))
    result = world("fetch", "--no-media", POST)
    assert len([p for _, p in fakenet.hits if p.startswith("/tweet-result")]) == 2
    assert "retry 1/1 in 2 s" in result.stderr and "retry 2/1" not in result.stderr


def test_quiet_silences_status_lines_but_not_errors(world, fakenet, tmp_path):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [
        page("slow down", 429, **{"Retry-After": "1"}), json_page(fx.SYNDICATION_TWEET)]}))
    world.config.write_text(world.config.read_text().replace("retries = 0", "retries = 1"))
    source = article(tmp_path, f"— Riverton Roads (@RivertonRoads) December 6, 2022 {POST}\n")
    result = world("scan", "--fetch", "-q", source, "nosuch.html")
    assert result.exit_code == 1
    assert lines(result.stderr) == ["error: cannot read nosuch.html: no such file (a URL needs http:// or https://)"]
    assert len([p for _, p in fakenet.hits if p.startswith("/tweet-result")]) == 2   # it retried, silently


def with_terminal_stderr(world, *args, stdout=subprocess.DEVNULL, columns=100):
    """Run the CLI with stderr on a pseudo-terminal (as a person at a terminal has it); returns what it drew."""
    leader, follower = pty.openpty()
    child = world.process(*args, stdout=stdout, stderr=follower, env={"COLUMNS": str(columns), "TERM": "xterm"})
    os.close(follower)
    drawn = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    child.wait(timeout=60)
    os.close(leader)
    return drawn.decode("utf-8", "replace")


# fetch counts the posts it found (3/3); report and archive count a folder's articles against its files, counted
# from the listing the run reads them by (newuser30 #9: before, "0 articles" and no total for a folder of known files).
@pytest.mark.parametrize("command, counted", [(["report", "--offline", "-o", "out"], "3/3 articles"),
                                              (["fetch", "--offline"], "3/3"),
                                              (["archive", "--offline"], "3/3 articles"),
                                              (["scan", "--offline", "--resolve"], "3/3 articles")])
def test_many_targets_show_a_progress_bar_on_a_terminal(world, tmp_path, command, counted):
    many = tmp_path / "many"
    many.mkdir()
    for i in range(3):
        (many / f"{i}.txt").write_text(LINKED.replace("1600000000000000001", f"160000000000000000{i + 2}"))
    assert world("scan", str(many)).exit_code == 0
    # The child runs in the source tree: its reports go under tmp_path, never into the repository.
    command = [str(tmp_path / "out") if arg == "out" else arg for arg in command]
    drawn = with_terminal_stderr(world, *command, str(many))
    assert counted in drawn, drawn
    assert not (Path(__file__).parent.parent / "out").exists()


def test_a_failed_credited_image_is_said_with_a_configured_secret_redacted(world, fakenet, tmp_path):
    """The error line `scan --fetch` prints for a credited image that could not be used, and the table's line for
    it, printed the image's URL as the page gave it: a configured token in its query was printed in full (review26b)."""
    from tests import xfixtures as fx
    from tests.fakenet import page
    from tests.test_fetch import by_id, json_page

    secret = "SeKrEtToKeN1234567890fictional"
    html = (f'<html><body><figure><img src="https://news.example/img/harbour.jpg?access_token={secret}">'
            '<figcaption>The harbour. (Photo: Bea Example/Riverton Post)</figcaption></figure></body></html>')
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    fakenet.route("news.example", "/img/harbour.jpg", page("gone", 404))
    source = article(tmp_path, html, "harbour.html")
    result = world("scan", "--fetch", source, env={"COLUMNS": "200", "X_BEARER_TOKEN": secret})
    assert result.exit_code == 1, result.output
    assert "credited image https://news.example/img/harbour.jpg?access_token=REDACTED could not be used: HTTP 404" \
        in result.stderr
    assert secret not in result.stdout and secret not in result.stderr


def test_archive_of_an_article_exits_and_says_in_json_as_scan_archive_does(world, fakenet, tmp_path):
    """`archive story.html` printed `error: … link … ended in an error` and exited 0, and `archive --json` had no
    line for the link, where `scan --archive` exits 1 for the same article (newuser28 #4). Now the same steps give
    the same exit code, and each thing they failed for a JSON line of its own, as `fetch --json` gives a link's."""
    broken_services(fakenet)
    fakenet.route("web.archive.org", "/cdx/search/cdx", json_page([]))   # the lookups themselves answer
    source = article(tmp_path, LINKED)
    scanned = world("scan", "--archive", "--json", source)
    archived = world("archive", "--json", source)
    assert (scanned.exit_code, archived.exit_code) == (1, 1), archived.output
    said = [line for line in lines(archived.stderr) if line.startswith("error:")]
    assert said[0].startswith(f"error: {source}: link https://t.co/Loop0000 (embed #1) ended in an error: "
                              "redirect-loop:")
    assert said[1] == (f"error: {source}: post twitter {fx.POST_ID} could not be fetched: syndication answered "
                       "HTTP 500")
    found = [json.loads(line) for line in lines(archived.stdout)]
    failures = [line for line in found if "error" in line and "link" in line]
    assert failures == [
        {"source": source, "link": "https://t.co/Loop0000",
         "error": "redirect-loop: https://t.co/Loop0000 was already visited"},
        {"source": source, "link": POST, "error": "fetch: syndication answered HTTP 500"}]
    assert POST in {line.get("url") for line in found}   # the archived URLs' own lines are still there


def harbour_archived_into_a_warc(world, fakenet, tmp_path) -> tuple[str, Path]:
    """HARBOUR's post and image served, the archive answering with no capture, and `scan --archive --warc
    m1/run.warc.gz` run: gives (the article's path, the WARC)."""
    tweet = dict(fx.SYNDICATION_TWEET, mediaDetails=fx.SYNDICATION_TWEET["mediaDetails"][:1])
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(tweet)]}))
    fakenet.route("news.example", "/img/harbour.jpg", page(fx.jpeg(), content_type="image/jpeg"))
    serve(fakenet, [])
    source = article(tmp_path, HARBOUR, "harbour.html")
    warc = tmp_path / "m1" / "run.warc.gz"
    warc.parent.mkdir()
    assert world("scan", "--archive", "--warc", str(warc), source).exit_code == 0
    return source, warc


def test_fixnu32b_a_citation_names_its_warc_record_and_body_hash_which_a_merge_keeps(world, fakenet, tmp_path):
    """newuser32 #6: a live answer written to a WARC (scan --archive --warc) was cited with `warc_file: null`, though
    the fetch log knew the file and offset; `cache merge` renumbers fetches and keeps the other machine's absolute
    path. Each citation now names the WARC file by name, the record's offset, and the body's sha256, and the record
    there holds that body: the same in the merged cache, where "fetch #N" may differ."""
    import hashlib

    from warcio.archiveiterator import ArchiveIterator

    source, warc = harbour_archived_into_a_warc(world, fakenet, tmp_path)
    first = json.loads(world("report", "--offline", "--format", "json", source).stdout)
    [cited] = [s for s in first["embeds"][0]["post"]["sources"] if s["method"] == "syndication"]
    assert cited["warc_file"] is None   # a live answer: not replayed
    assert cited["warc_record"] == {"file": "run.warc.gz", "offset": cited["warc_record"]["offset"],
                                    "record_id": cited["warc_record"]["record_id"], "sha256": None}   # replay33
    with warc.open("rb") as stream:
        stream.seek(cited["warc_record"]["offset"])
        record = next(iter(ArchiveIterator(stream)))
        assert record.rec_type == "response"
        assert hashlib.sha256(record.content_stream().read()).hexdigest() == cited["body_sha256"]
    md = world("report", "--offline", source).stdout
    assert f"fetch #{cited['fetch_id']}, body {cited['body_sha256'][:12]}…, WARC run.warc.gz at offset " \
           f"{cited['warc_record']['offset']}, record " in md
    # another machine's cache, merged: the same record and body, whatever the fetch's number there
    other = World(fakenet, tmp_path / "m2") if (tmp_path / "m2").mkdir() is None else None
    other("scan", "--offline", source)
    merged = tmp_path / "merged.db"
    assert world("cache", "merge", str(merged), str(other.db), str(world.db)).exit_code == 0
    again = json.loads(world("--db", str(merged), "report", "--offline", "--format", "json", source).stdout)
    [cited_again] = [s for s in again["embeds"][0]["post"]["sources"] if s["method"] == "syndication"]
    assert (cited_again["warc_record"], cited_again["body_sha256"]) == (cited["warc_record"], cited["body_sha256"])


@pytest.mark.parametrize("offline", [False, True], ids=["online", "offline"])
def test_fixnu32b_report_exits_1_with_an_error_line_for_each_failed_step_as_scan_does(world, fakenet, tmp_path,
                                                                                     offline):
    """newuser32 #5: `report` of an article whose credited image answered 404 exited 0 with nothing on stderr
    (a folder report even said "1 with a step that failed"), where `scan --fetch` exits 1 with one error line: a
    script gating on report's exit code could not tell. The report is still written."""
    tweet = dict(fx.SYNDICATION_TWEET, mediaDetails=fx.SYNDICATION_TWEET["mediaDetails"][:1])
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(tweet)]}))
    fakenet.route("news.example", "/img/harbour.jpg", page("gone", 404))
    serve(fakenet, [])   # the archive answers: no capture
    source = article(tmp_path, HARBOUR, "harbour.html")
    if offline:
        assert world("scan", "--fetch", source).exit_code == 1
    said = " (from cache)" if offline else ""
    one = world("report", *(["--offline"] if offline else []), "--format", "json", source)
    assert one.exit_code == 1, one.output
    assert json.loads(one.stdout)["credits"]   # written all the same
    assert lines(one.stderr) == [f"error: {source}: credited image {HARBOUR_IMAGE} could not be used: HTTP 404{said}"]
    other = article(tmp_path, LINKED.replace("https://t.co/Loop0000", ""), "other.txt")
    folder = world("report", *(["--offline"] if offline else []), "-o", str(tmp_path / "out"), source, other)
    assert folder.exit_code == 1, folder.output
    assert f"error: {source}: credited image {HARBOUR_IMAGE} could not be used: HTTP 404 (from cache)" \
        in lines(folder.stderr), folder.stderr
    assert (tmp_path / "out" / "index.json").exists()
    # --fail-on still gates the checks of a run whose steps all answered: exit 0 here, with no error line
    fakenet.route("news.example", "/img/harbour.jpg", page(fx.jpeg(), content_type="image/jpeg"))
    if not offline:
        clean = world("report", "--refresh", "--format", "json", source)
        assert (clean.exit_code, [l for l in lines(clean.stderr) if l.startswith("error")]) == (0, [])


def test_replay33_a_citation_names_its_warc_record_id_live_replayed_and_merged(world, fakenet, tmp_path):
    """replay33 (fixnu32b's "not reached"): a citation gave the WARC file's name and the record's offset, not the
    WARC-Record-ID, which finds the record in any copy of the file, re-packed or not. Each citation of an answer in a
    WARC now names it, in JSON, Markdown and HTML, for a live answer written by --warc, for one replayed from that
    WARC and in a cache merged from another machine's, where the file is named by its name (the other machine's
    path names nothing here) and, for a replayed answer, its sha256."""
    import hashlib

    from warcio.archiveiterator import ArchiveIterator

    source, warc = harbour_archived_into_a_warc(world, fakenet, tmp_path)

    def cited_in(*args, every=False):
        report = json.loads(world(*args, "report", "--offline", "--format", "json", source).stdout)
        cited = [s for s in report["embeds"][0]["post"]["sources"] if s["method"] == "syndication"]
        return cited if every else cited[0] if len(cited) == 1 else cited

    cited = cited_in()
    with warc.open("rb") as stream:
        stream.seek(cited["warc_record"]["offset"])
        record = next(iter(ArchiveIterator(stream)))
        record_id = record.rec_headers.get_header("WARC-Record-ID")
    assert record_id.startswith("<urn:uuid:")
    assert cited["warc_record"] == {"file": "run.warc.gz", "offset": cited["warc_record"]["offset"],
                                    "record_id": record_id, "sha256": None}
    said = f"WARC run.warc.gz at offset {cited['warc_record']['offset']}, record {record_id}"
    assert said.replace("<", "\\<").replace(">", "\\>") in world("report", "--offline", source).stdout   # escaped
    assert said.replace("<", "&lt;").replace(">", "&gt;") in world("report", "--offline", "--format", "html",
                                                                   source).stdout
    # replayed from that WARC into another cache: the same record, named by its id, and the file's sha256
    digest = hashlib.sha256(warc.read_bytes()).hexdigest()
    fakenet.routes.clear()
    replayed_db = tmp_path / "replayed.db"
    assert world("--db", str(replayed_db), "--replay", str(warc), "scan", "--fetch", source).exit_code in (0, 1)
    replayed = cited_in("--db", str(replayed_db))
    assert (replayed["warc_file"], replayed["warc_record"]) == (
        str(warc), {"file": "run.warc.gz", "offset": cited["warc_record"]["offset"], "record_id": record_id,
                    "sha256": digest})
    assert f"replayed from WARC {warc}, record \\{record_id[:-1]}\\>, answered at " in world(
        "--db", str(replayed_db), "report", "--offline", source).stdout
    # merged on this machine, the paths name the files here and are kept; merged on another machine (both inputs'
    # paths name no file there), the file is named by its name
    here = tmp_path / "here.db"
    assert world("cache", "merge", str(here), str(replayed_db), str(world.db)).exit_code == 0
    with sqlite3.connect(here) as conn:
        assert {row[0] for row in conn.execute("SELECT warc_file FROM fetches WHERE warc_file IS NOT NULL")} == {
            str(warc)}
    for db in (replayed_db, world.db):
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE fetches SET warc_file = '/home/elsewhere/crawl/run.warc.gz' WHERE warc_file IS NOT NULL")
    merged = tmp_path / "merged.db"
    assert world("cache", "merge", str(merged), str(replayed_db), str(world.db)).exit_code == 0
    with sqlite3.connect(merged) as conn:
        assert {row[0] for row in conn.execute("SELECT warc_file FROM fetches WHERE warc_file IS NOT NULL")} == {
            "run.warc.gz"}
    # the live answer and the replayed one, both of that record
    assert {(c["warc_record"]["file"], c["warc_record"]["record_id"], c["warc_record"]["offset"])
            for c in cited_in("--db", str(merged), every=True)} == {("run.warc.gz", record_id,
                                                                      cited["warc_record"]["offset"])}
    assert f"replayed from WARC run.warc.gz, record \\{record_id[:-1]}\\>, answered at " in world(
        "--db", str(merged), "report", "--offline", source).stdout


def test_runs33_an_archive_identification_or_media_failure_read_from_the_cache_is_one_and_says_so(world, fakenet,
                                                                                                   tmp_path):
    """fixnu32e/fixnu32i, left alone: under --offline, a lookup that failed (CDX 503) was "not looked up": exit 3 (0
    from `report`, whose body said "the archive lookup failed") and no error line. A failure read from the cache is
    one, as a post's and a link's are: exit 1 and an error line ending "(from cache)", for the archive lookup, the
    identification (the account's listing) and a post's photo (what `--offline` never looked up stays no failure).
    This run's own failures say no such thing."""
    broken_services(fakenet)
    tweet = dict(fx.SYNDICATION_TWEET, mediaDetails=fx.SYNDICATION_TWEET["mediaDetails"][:1])
    lookup = f"archive lookup failed for {POST}: cdx: HTTP 503"
    identified = "embed #1 could not be identified: cdx: HTTP 503"
    photo = (f"photo https://pbs.twimg.com/media/FjRivertonBridge.jpg of post twitter {fx.POST_ID} could not be "
             "used: HTTP 503")
    linked, remnant = article(tmp_path, LINKED.replace(" https://t.co/Loop0000", ""), "linked.txt"), article(
        tmp_path, REMNANT)
    never = world("scan", "--offline", "--archive", linked)   # never looked up: not in the cache, no failure
    assert (never.exit_code, [line for line in lines(never.stderr) if line.startswith("error")]) == (3, []), \
        never.output
    for args, said in ((), ""), (("--offline",), " (from cache)"):
        archived = world("scan", *args, "--archive", linked)
        post = f"post twitter {fx.POST_ID} could not be fetched: syndication answered HTTP 500"
        assert (archived.exit_code, lines(archived.stderr)) == (1, [f"error: {linked}: {post}{said}",
                                                                    f"error: {linked}: {lookup}{said}"]), archived.output
        found = world("scan", *args, "--identify", remnant)
        assert (found.exit_code, lines(found.stderr)) == (1, [f"error: {remnant}: {identified}{said}"]), found.output
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(tweet)]}))
    fakenet.route("pbs.twimg.com", "/media/FjRivertonBridge.jpg", page("busy", 503))
    for args, said in (("--refresh",), ""), ((), " (from cache)"), (("--offline",), " (from cache)"):
        fetched = world("fetch", *args, POST)   # a failed download is kept for the cache TTL (newuser28b #8)
        assert (fetched.exit_code, lines(fetched.stderr)) == (1, [f"error: {photo}{said}"]), fetched.output


def test_review33r3_an_archive_lookup_read_from_the_cache_says_so_in_json_too(world, fakenet):
    """runs33: `archive --offline` said a failed lookup the cache holds on stderr, "(from cache)", but its JSON line
    gave the same "error" as a live run's, with nothing telling a reader of the JSON which it was; a link's and a
    post's JSON say `from_cache`."""
    broken_services(fakenet)
    said = {}
    for args in ((), ("--offline",)):
        run = world("archive", *args, "--json", POST)
        assert run.exit_code == 1, run.output
        [line] = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
        said[args] = (line["error"], line["from_cache"], lines(run.stderr)[0].endswith("(from cache)"))
    assert said == {(): ("cdx: HTTP 503", False, False), ("--offline",): ("cdx: HTTP 503", True, True)}


@pytest.mark.parametrize("cdx_status", [503, 404])
def test_a_gone_posts_failed_archive_lookup_is_exit_1_in_scan_as_in_report(world, tmp_path, cdx_status):
    """newuser36b #1: the archive lookup `--fetch` makes for a gone post failed (a CDX 503 or 404): `scan --fetch`
    exited 0 with no `error:` line and no errors row, online and offline, while `report` on the same article said
    "archive lookup failed" and exited 1. Every command now says it and exits 1, its JSON keeps the detail."""
    gone = f"https://twitter.com/RivertonRoads/status/{fx.GONE_ID}"
    world.fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.GONE_ID: [json_page({})]}))
    world.fakenet.route("web.archive.org", "/cdx/search/cdx", page("busy", cdx_status))
    story = article(tmp_path, f"Bridge reopened.\n— Riverton Roads (@RivertonRoads) December 6, 2022 {gone}\n")
    said = f"archive lookup failed for {gone}: cdx: HTTP {cdx_status}"
    online = world("scan", "--fetch", "--json", story)
    [post] = json.loads(online.stdout)["posts"]
    assert (post["status"], post["archive_lookup"]) == ("not_found", f"error: cdx: HTTP {cdx_status}")
    assert online.exit_code == 1 and f"error: {story}: {said}\n" in online.stderr, online.stderr
    with sqlite3.connect(world.db) as db:
        assert db.execute("select stage, kind from errors").fetchall() == [("archive", "cdx")]
    offline = world("scan", "--fetch", "--offline", story)
    assert offline.exit_code == 1 and f"error: {story}: {said} (from cache)\n" in offline.stderr, offline.stderr
    fetched = world("fetch", "--offline", gone)
    assert fetched.exit_code == 1 and f"{said} (from cache)" in fetched.stderr, fetched.stderr
    report = world("report", "--offline", "-o", str(tmp_path / "reports"), story)
    assert report.exit_code == 1 and report.stderr.count(f"{said} (from cache)") == 1, report.stderr


def test_batch37_a_cached_failure_read_again_by_later_runs_is_one_errors_row(world, tmp_path):
    """CLOSING-stop36 "Batch runs": every run that read a failed lookup from the cache wrote its own `errors` row
    for it (scan, offline scan, fetch, report: 4 rows of one CDX answer), so `cache stats` and an export counted one
    failure once per re-run. A failure read from the cache is the fact the run that saw it recorded: one row per
    article and failure. A run that meets the failure again live (a new fetch) is a new fact and a new row."""
    gone = f"https://twitter.com/RivertonRoads/status/{fx.GONE_ID}"
    world.fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.GONE_ID: [json_page({})]}))
    world.fakenet.route("web.archive.org", "/cdx/search/cdx", page("busy", 503))
    story = article(tmp_path, f"Bridge reopened.\n— Riverton Roads (@RivertonRoads) December 6, 2022 {gone}\n")
    said = f"archive lookup failed for {gone}: cdx: HTTP 503"

    def rows():
        with sqlite3.connect(world.db) as db:
            return db.execute("select source, stage, kind, message from errors order by id").fetchall()

    assert world("scan", "--fetch", story).exit_code == 1
    first = rows()
    assert first == [(story, "archive", "cdx", said)], first
    for args in (("scan", "--fetch", "--offline", story), ("scan", "--fetch", "--offline", story),
                 ("fetch", "--offline", gone), ("report", "--offline", "-o", str(tmp_path / "reports"), story)):
        run = world(*args)
        assert run.exit_code == 1 and f"{said} (from cache)" in run.stderr, (args, run.stderr)
    assert rows() == first
    stats = world("cache", "stats", "--json")
    assert stats.exit_code == 0 and '"errors": 1' in stats.stdout.replace("\n", " ").replace("  ", " "), stats.stdout
    again = world("scan", "--fetch", story)   # a gone post is asked again: a new answer, its own row
    assert again.exit_code == 1 and f"{said}\n" in again.stderr, again.stderr
    assert rows() == first * 2


@pytest.mark.parametrize("quiet", [False, True])
def test_batch37_a_run_logged_to_a_file_says_its_counts_every_minute(world, tmp_path, monkeypatch, quiet):
    """CLOSING-stop36 "Batch runs": with stderr not a terminal (cron, nohup) and no -v, a run said nothing between
    its first line and its summary: an hour of a slow corpus looked hung. Now a line of its counts (done/total,
    errors) every PROGRESS_LINE_EVERY_S (60 s; here made short), from a thread, so it comes while every article
    still waits on a slow server; -q: none. No line per article."""
    import resolver.cli

    monkeypatch.setattr(resolver.cli, "PROGRESS_LINE_EVERY_S", 0.2)

    slowed = []

    def slow(request):
        slowed.append(request.path)
        time.sleep(1.0)
        return redirect(POST)(request)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(3):   # a flattened tweet's picture link, followed by --resolve (through pic.twitter.com)
        world.fakenet.route("pic.twitter.com", f"/Slow000{n}", slow)
        (folder / f"a{n}.txt").write_text(f"Bridge reopened. pic.twitter.com/Slow000{n} — Riverton Roads "
                                          f"(@RivertonRoads) December 6, 2022\n")
    run = world("scan", "--resolve", "--workers", "1", *(["-q"] if quiet else []), str(folder))
    assert run.exit_code == 0 and len(slowed) == 3, (slowed, run.output)   # the run took 3 s at least
    said = [line for line in lines(run.stderr) if line.startswith("scanning: ")]
    if quiet:
        assert said == [] and run.stderr == "", run.stderr
        return
    # none after the summary line and its links line (newuser46b #3)
    assert len(said) >= 2 and lines(run.stderr)[-2].startswith("scanned 3 articles"), run.stderr
    assert lines(run.stderr)[-1].startswith("links: 3 followed"), run.stderr
    assert all(re.fullmatch(r"scanning: \d/3 articles.*  \d+ errors", line) for line in said), said
    assert not any(str(folder / "a0.txt") in line for line in lines(run.stderr)), run.stderr   # no per-article line


def test_review38a_a_cached_failure_of_another_article_under_the_same_name_is_that_articles_row(world, tmp_path):
    """One row per article and failure: a cached failure was matched by the article's name alone, so the edited
    article (or the next page read from stdin, all named "-") holding the same dead link had no errors row, the
    row there was naming the article before it."""
    world.fakenet.route("t.co", "/Loop0000", redirect("https://t.co/Loop0000"))   # a redirect loop
    signed = f"— Riverton Roads (@RivertonRoads) December 6, 2022 https://twitter.com/RivertonRoads/status/{fx.POST_ID}\n"
    story = article(tmp_path, f"Bridge reopened https://t.co/Loop0000\n{signed}")

    def rows():
        with sqlite3.connect(world.db) as db:
            return db.execute("select article_id, stage, kind from errors order by id").fetchall()

    assert world("scan", "--resolve", story).exit_code == 1
    [(first, stage, kind)] = rows()
    assert (stage, kind) == ("resolve", "redirect-loop")
    assert world("scan", "--resolve", story).exit_code == 1   # the same article, the cache's answer: no new row
    assert len(rows()) == 1
    Path(story).write_text(f"Bridge reopened on Tuesday https://t.co/Loop0000\n{signed}")
    again = world("scan", "--resolve", story)
    assert again.exit_code == 1 and "(from cache)" in again.stderr, again.stderr
    assert [row[0] for row in rows()][0] == first and len({row[0] for row in rows()}) == 2, rows()
