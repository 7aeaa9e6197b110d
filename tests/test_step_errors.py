"""What a step failed for (a credited image that could not be used, a link that ended in an error, a post every
source failed for, an archive lookup) is on record, as the README promises (newuser28b #4, #7, #8): a row of the
cache's errors table each, the progress bar's count, `archive --json` lines that name their article, and a failed
image download kept for the cache TTL rather than tried again (with its retries) by every warm run."""

import json

import pytest

from cache import Store
from tests import xfixtures as fx
from tests.cliworld import World, lines
from tests.fakenet import page
from tests.test_exit_codes import HARBOUR, HARBOUR_IMAGE, LINKED, POST, article, broken_services, with_terminal_stderr
from tests.test_fetch import by_id, json_page, serve_media


@pytest.fixture
def world(fakenet, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    serve_media(fakenet)
    return World(fakenet, tmp_path)


def harbour_with_a_missing_image(fakenet, status=404):
    tweet = dict(fx.SYNDICATION_TWEET, mediaDetails=fx.SYNDICATION_TWEET["mediaDetails"][:1])
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(tweet)]}))
    fakenet.route("news.example", "/img/harbour.jpg", page("gone", status))


def error_rows(world):
    with Store(world.db) as store:
        return [(e["source"], e["article_id"] is not None, e["stage"], e["kind"], e["message"])
                for e in store.errors()]


def test_a_credited_image_that_could_not_be_used_is_a_row_of_the_errors_table(world, fakenet, tmp_path):
    """Before, the error line scrolled by and the errors table stayed empty: the failure was only in media.error."""
    harbour_with_a_missing_image(fakenet)
    source = article(tmp_path, HARBOUR, "harbour.html")
    result = world("scan", "--fetch", source)
    assert result.exit_code == 1, result.output
    assert error_rows(world) == [
        (source, True, "fetch", "media", f"credited image {HARBOUR_IMAGE} could not be used: HTTP 404")]


def test_each_step_that_failed_is_a_row_with_its_step(world, fakenet, tmp_path):
    broken_services(fakenet)
    source = article(tmp_path, LINKED)
    result = world("scan", "--resolve", "--archive", source)
    assert result.exit_code == 1, result.output
    rows = error_rows(world)
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [(source, True, "resolve", "redirect-loop"),
                                                         (source, True, "fetch", "fetch"),
                                                         (source, True, "archive", "cdx")]
    said = [line.removeprefix(f"error: {source}: ") for line in lines(result.stderr) if line.startswith("error: ")]
    assert [r[4] for r in rows] == said   # the row says what the error line says


def test_a_secret_in_a_failed_image_url_never_reaches_the_errors_table(world, fakenet, tmp_path):
    secret = "SeKrEtToKeN1234567890fictional"
    html = HARBOUR.replace("harbour.jpg", f"harbour.jpg?access_token={secret}")
    harbour_with_a_missing_image(fakenet)
    source = article(tmp_path, html, "harbour.html")
    assert world("scan", "--fetch", source, env={"X_BEARER_TOKEN": secret}).exit_code == 1
    [row] = error_rows(world)
    assert row[4] == f"credited image {HARBOUR_IMAGE}?access_token=REDACTED could not be used: HTTP 404"
    assert secret not in world.db.read_bytes().decode("latin-1")


def test_the_progress_bar_counts_the_articles_a_step_failed_for(world, fakenet, tmp_path):
    """The bar said "0 errors" for the whole run while error lines scrolled above it: it counted inputs that
    failed, not the articles a step failed for, which the summary line and the exit code count."""
    import time

    harbour_with_a_missing_image(fakenet)
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(3):   # each image answers later than the one before: the bar is drawn between the errors
        (folder / f"{n}.html").write_text(HARBOUR.replace("harbour.jpg", f"harbour{n}.jpg"))
        gone = page("gone", 404)
        fakenet.route("news.example", f"/img/harbour{n}.jpg",
                      lambda request, wait=n * 0.8, gone=gone: (time.sleep(wait), gone(request))[1])
    drawn = with_terminal_stderr(world, "scan", "--fetch", str(folder), columns=200)
    assert "3 errors" in drawn, drawn
    assert "0 errors" not in drawn.split("error: ")[-1]   # the last bar drawn, after the error lines
    assert "; 3 articles with a step that failed" in drawn


def test_cache_merge_carries_the_step_failures(world, fakenet, tmp_path):
    harbour_with_a_missing_image(fakenet)
    source = article(tmp_path, HARBOUR, "harbour.html")
    world("scan", "--fetch", source)
    merged = world("cache", "merge", str(tmp_path / "all.db"), str(world.db), "--json")
    assert merged.exit_code == 0, merged.output
    assert json.loads(merged.stdout)["tables"]["errors"] == {"read": 1, "in_output": 1}
    with Store(tmp_path / "all.db") as store:
        [row] = store.errors()
        assert (row["source"], row["stage"], row["message"]) == (
            source, "fetch", f"credited image {HARBOUR_IMAGE} could not be used: HTTP 404")
        [recorded] = store.conn.execute("SELECT source FROM article_sources WHERE article_id = ?", [row["article_id"]]).fetchall()
        assert recorded[0] == source


def test_archive_json_lines_name_their_article(world, fakenet, tmp_path):
    """newuser28b #7: a URL several articles reference gave identical lines, none saying which article."""
    fakenet.route("web.archive.org", "/cdx/search/cdx", json_page([]))
    fakenet.route("archive.org", "/wayback/available", json_page({"archived_snapshots": {}}))
    text = f"Bridge reopened.\n— Riverton Roads (@RivertonRoads) December 6, 2022 {POST}\n"
    first, second = article(tmp_path, text, "a.txt"), article(tmp_path, text, "b.txt")
    result = world("archive", "--json", "--offline", first, second, POST)
    found = [json.loads(line) for line in lines(result.stdout)]
    assert [(line["source"], line["url"]) for line in found] == [(first, POST), (second, POST), (POST, POST)]


def test_a_failed_image_download_is_kept_for_the_ttl_and_said_from_cache(world, fakenet, tmp_path):
    """newuser28b #8: a warm run that asked nothing else downloaded every failed image again, with its retries.
    Now a failed download is kept, as a link's lasting answer is, for the cache TTL; --refresh downloads it again."""
    harbour_with_a_missing_image(fakenet, status=503)
    source = article(tmp_path, HARBOUR, "harbour.html")
    assert world("scan", "--fetch", source).exit_code == 1
    asked = fakenet.hits.count(("news.example", "/img/harbour.jpg"))
    rows = error_rows(world)
    assert rows[-1][4] == f"credited image {HARBOUR_IMAGE} could not be used: HTTP 503"
    warm = world("scan", "--fetch", source)
    assert warm.exit_code == 1
    assert fakenet.hits.count(("news.example", "/img/harbour.jpg")) == asked
    assert lines(warm.stderr) == [f"error: {source}: credited image {HARBOUR_IMAGE} could not be used: HTTP 503 "
                                  "(from cache)"]
    # the cache's answer is the first run's row, not a new one (batch37: each re-run wrote its own, "(from cache)")
    assert error_rows(world) == rows
    assert world("scan", "--fetch", "--refresh", source).exit_code == 1
    assert fakenet.hits.count(("news.example", "/img/harbour.jpg")) == asked + 1


def test_a_failed_image_download_older_than_the_ttl_is_downloaded_again(world, fakenet, tmp_path):
    harbour_with_a_missing_image(fakenet, status=503)
    source = article(tmp_path, HARBOUR, "harbour.html")
    assert world("scan", "--fetch", source).exit_code == 1
    asked = fakenet.hits.count(("news.example", "/img/harbour.jpg"))
    with Store(world.db) as store, store.write():
        store.conn.execute("UPDATE media SET fetched_at = '2001-01-01T00:00:00.000000Z'")
    fakenet.route("news.example", "/img/harbour.jpg", page(fx.jpeg(), content_type="image/jpeg"))
    again = world("scan", "--fetch", source)
    assert again.exit_code == 0, again.output
    assert fakenet.hits.count(("news.example", "/img/harbour.jpg")) == asked + 1


def test_a_credited_image_that_answered_503_is_downloaded_again_past_the_failure_ttl_memo_or_not(fakenet, tmp_path,
                                                                                                 monkeypatch):
    """replay29: a 503 was kept for the cache TTL (30 days). Now for `failure_ttl` minutes: a warm run within it keeps
    it (and may print the article from its memo), a run after it downloads the image again, memo or not."""
    monkeypatch.chdir(tmp_path)
    serve_media(fakenet)
    world = World(fakenet, tmp_path, extra="[fetch]\nfailure_ttl = 0.02\n")   # 1.2 seconds
    harbour_with_a_missing_image(fakenet, status=503)
    source = article(tmp_path, HARBOUR, "harbour.html")
    assert world("scan", "--fetch", "--json", source).exit_code == 1
    asked = fakenet.hits.count(("news.example", "/img/harbour.jpg"))
    for _ in range(2):   # warm, within the failure TTL: kept (the second run may answer from a memo of the first)
        warm = world("scan", "--fetch", "--json", source)
        assert warm.exit_code == 1 and fakenet.hits.count(("news.example", "/img/harbour.jpg")) == asked
    fakenet.route("news.example", "/img/harbour.jpg", page(fx.jpeg(), content_type="image/jpeg"))
    import time
    time.sleep(1.5)
    again = world("scan", "--fetch", "--json", source)
    assert again.exit_code == 0, again.output
    assert fakenet.hits.count(("news.example", "/img/harbour.jpg")) == asked + 1


@pytest.mark.parametrize("inputs", [["a.db", "a.db"], ["out.db"], ["a.db", "./a.db"]], ids=["twice", "out", "path"])
def test_cache_merge_of_an_input_twice_or_into_itself_is_a_usage_error(tmp_path, monkeypatch, inputs):
    """`cache merge merged.db merged.db` exited 1; the README's table says a usage mistake is 2."""
    from click.testing import CliRunner

    from resolver.cli import cli

    monkeypatch.chdir(tmp_path)
    for name in ("a.db", "out.db"):
        Store(tmp_path / name).close()
    result = CliRunner().invoke(cli, ["cache", "merge", "out.db", *inputs])
    assert result.exit_code == 2, result.output
    assert lines(result.stderr)[0].startswith("Usage: ")
    assert lines(result.stderr)[-1].startswith("error: ")


def test_cache_stats_with_no_memos_says_memos_0(tmp_path):
    """It said "memos: 0 (with their keys and indexes 20.0 KB …)": the empty tables' pages, not memos."""
    from click.testing import CliRunner

    from resolver.cli import cli

    Store(tmp_path / "c.db").close()
    shown = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "cache", "stats"]).stdout
    assert "\nmemos: 0\n" in shown
