"""Archive and replay (stop 38, archive38): what the CDX query asks, the WARC written before the row that names it,
where a WARC path is read from, a cut WARC record and a shard's cut tail, and the counts `stats` prints."""

from datetime import datetime, timedelta, timezone

import pytest

from resolver import archive
from resolver.session import Mode, Session
from tests import xfixtures as fx
from tests.test_archive import settings_for
from tests.test_verdicts import reporter  # noqa: F401  (the fixture)
from tests.waybacknet import Capture, serve

CANONICAL = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"


def looked(settings, store, url: str, **mode: bool) -> archive.Lookup:
    return Session(settings, store=store, mode=Mode(**mode)).run(lambda s: archive.lookup(url, session=s))


def _stamp(days_ago: float) -> str:
    return (datetime.now(timezone.utc) - timedelta(days=days_ago)).strftime("%Y%m%d%H%M%S")


def test_archive38_a_prefix_lookup_lists_the_later_captures_of_the_same_content(fakenet, store):
    """The CDX query asked `collapse=digest`, which drops every row after the first of a run of ADJACENT rows with one
    digest (the CDX server's README, "Collapsing"): of a page captured unchanged in 2022 and two days ago, only the
    2022 row was listed, so the latest good capture read as 2022 (`archive --save` saved a page captured two days
    before, and a report named a capture two years older than the last), and of a post captured twice before it was
    deleted, the last capture before the deletion was missing."""
    page = b"<html>the post as it was</html>"
    gone_post = CANONICAL.replace(fx.POST_ID, "1600000000000000002")
    recent = _stamp(2)
    serve(fakenet, [Capture("20221206060000", CANONICAL, page), Capture(recent, CANONICAL, page),
                    Capture("20221206060000", gone_post, page), Capture("20230301060000", gone_post, page),
                    Capture("20230302060000", gone_post, b"<html>this post is unavailable</html>", status=404)])
    settings = settings_for(fakenet)
    found = looked(settings, store, CANONICAL)
    assert found.error is None, found
    assert sorted(s.timestamp for s in found.snapshots) == ["20221206060000", recent]
    assert archive.latest_good(found).timestamp == recent and archive.recent(found, 30)
    deleted = looked(settings, store, gone_post)
    assert sorted(s.timestamp for s in deleted.snapshots) == ["20221206060000", "20230301060000", "20230302060000"]
    assert archive.latest_good(deleted).timestamp == "20230301060000"   # the last capture before the deletion
    asked = [path for host, path in fakenet.hits if host == "web.archive.org" and path.startswith("/cdx/")]
    assert asked and not any("collapse" in path for path in asked), asked
    offline = looked(settings, store, CANONICAL, offline=True)
    assert archive.latest_good(offline).timestamp == recent


def test_archive38_a_lookup_an_earlier_version_asked_collapsed_is_still_read_offline_and_replayed(fakenet, store,
                                                                                                  tmp_path):
    """A cache or a WARC written before holds the CDX query with `&collapse=digest` after it: offline it is still what
    the cache knows of the lookup (not "not looked up"), a live run asks the list again rather than keep one that may
    lack the latest captures, and a replay of such a WARC answers the lookup from that record."""
    import json

    from resolver.warc import ReplayIndex, WarcWriter
    from tests.waybacknet import HEADER

    page = b"<html>the post as it was</html>"
    recent = _stamp(2)
    # the cache as an earlier version left it: its CDX list asked collapsed (the later capture of one content unlisted)
    serve(fakenet, [Capture("20221206060000", CANONICAL, page)])
    settings = settings_for(fakenet)
    assert len(looked(settings, store, CANONICAL).snapshots) == 1
    store.conn.execute("UPDATE fetches SET url = url || '&collapse=digest' WHERE purpose = 'wayback-cdx' AND "
                       "url LIKE '%matchType=prefix'")
    store.conn.commit()
    serve(fakenet, [Capture("20221206060000", CANONICAL, page), Capture(recent, CANONICAL, page)])
    offline = looked(settings, store, CANONICAL, offline=True)
    assert offline.error is None and [s.timestamp for s in offline.snapshots] == ["20221206060000"], offline
    assert archive.lookup_state(store, CANONICAL) == (True, None)
    asked = len(fakenet.hits)
    again = looked(settings, store, CANONICAL)
    assert len(fakenet.hits) > asked and archive.latest_good(again).timestamp == recent
    # a WARC an earlier version wrote: its lookup recorded under the collapsed query
    query = archive.form_query(f"twitter.com/RivertonRoads/status/{fx.POST_ID}", CANONICAL)
    row = Capture("20221206060000", CANONICAL, page).row()
    warc = tmp_path / "old.warc.gz"
    writer = WarcWriter(warc, software="embed-resolver/0.1.0")
    writer.write_exchange(method="GET", url=query + "&collapse=digest", contacted_url=query + "&collapse=digest",
                          request_headers={}, status=200, reason="OK",
                          response_headers=[("Content-Type", "application/json")],
                          body=json.dumps([HEADER, row]).encode(), fetched_at="2023-01-01T00:00:00Z")
    writer.close()
    from cache import Store

    replayed_store = Store(tmp_path / "replay.db")
    try:
        found = Session(settings, store=replayed_store, replay=ReplayIndex([warc])).run(
            lambda s: archive.lookup(CANONICAL, session=s))
    finally:
        replayed_store.close()
    assert [s.timestamp for s in found.snapshots] == ["20221206060000"], found


def _fetched_with_a_warc(fakenet, store, warc, url="https://news.example/story"):
    from resolver.http import fetch
    from resolver.warc import WarcWriter
    from tests.fakenet import page

    fakenet.route("news.example", "/story", page("<html>the story</html>"))
    writer = WarcWriter(warc, software="test")
    try:
        return Session(settings_for(fakenet), store=store, warc=writer).run(
            lambda s: fetch(s, url, purpose="resolve", keep_body=True))
    finally:
        writer.close()


def test_archive38_a_warc_record_is_on_disk_before_the_row_naming_it_commits(fakenet, store, tmp_path, monkeypatch):
    """The exchange was written and flushed to the WARC, never fsynced, and the fetch-log row naming its offset was
    committed after: after a power cut the row could name bytes that never reached the disk. Now the WARC file is
    fsynced before the call returns (and the folder, when the file is new), so the row commits after its record is
    durable."""
    import os

    events: list[str] = []
    warc = tmp_path / "run.warc.gz"
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        real_fsync(fd)
        target = os.readlink(f"/proc/self/fd/{fd}") if os.path.exists(f"/proc/self/fd/{fd}") else str(fd)
        events.append(f"fsync {target}")

    monkeypatch.setattr(os, "fsync", fsync)
    store.conn.set_trace_callback(lambda sql: events.append(sql.split("(")[0].strip()) if sql.startswith(
        ("INSERT INTO fetches", "INSERT INTO [fetches]", "INSERT INTO \"fetches\"", "COMMIT")) else None)
    outcome = _fetched_with_a_warc(fakenet, store, warc)
    assert outcome.status == 200 and outcome.warc_offset is not None and outcome.fetch_id, outcome
    synced = [i for i, e in enumerate(events) if e == f"fsync {warc}"]
    assert len(synced) >= 2, events   # the warcinfo of the new file, then the exchange
    assert f"fsync {tmp_path}" in events, events   # the new file's name is in its folder on disk too
    inserted = next(i for i, e in enumerate(events) if "fetches" in e)
    assert synced[-1] < inserted, events



def test_archive38_a_crash_between_the_warc_record_and_its_row_leaves_a_record_with_no_row(fakenet, store, tmp_path,
                                                                                           monkeypatch):
    """Killed right after the exchange reached the disk, before its fetch-log row was written: the WARC holds the
    whole record (a replay reads it, not cut), and the cache names nothing: a record no row names is harmless, a row
    naming no record was the risk."""
    import os

    from resolver.warc import ReplayIndex

    class Killed(BaseException):
        pass

    warc = tmp_path / "run.warc.gz"
    real_fsync, synced = os.fsync, []

    def fsync(fd: int) -> None:
        real_fsync(fd)
        if os.path.exists(f"/proc/self/fd/{fd}") and os.readlink(f"/proc/self/fd/{fd}") == str(warc):
            synced.append(fd)
            if len(synced) == 2:   # the warcinfo, then the exchange: killed there
                raise Killed

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(Killed):
        _fetched_with_a_warc(fakenet, store, warc)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert store.fetches_for("https://news.example/story") == []
    found = ReplayIndex([warc]).take("GET", "https://news.example/story")
    assert found is not None and found.status == 200 and found.truncated is None, found


def _two_records_the_second_cut(path, *, whole: bool = True):
    """A WARC with warcio (the tool's writer): a whole answer of 2024-01-01 (unless not `whole`), then one of
    2024-02-01 the file ends inside, as a run stopped while writing it leaves it. Returns (offset of the cut record,
    where the file ends)."""
    import os

    from resolver.warc import WarcWriter

    writer = WarcWriter(path, software="test")

    def exchange(date: str, body: bytes) -> int:
        return writer.write_exchange(method="GET", url="https://news.example/story",
                                     contacted_url="https://news.example/story", request_headers={}, status=200,
                                     reason="OK", response_headers=[("Content-Type", "text/html")], body=body,
                                     fetched_at=date)[1]

    if whole:
        exchange("2024-01-01T00:00:00Z", b"<html>the story, first crawl</html>")
    offset = exchange("2024-02-01T00:00:00Z", b"<html>the story, second crawl</html>" + os.urandom(30_000))
    writer.close()
    cut = offset + (path.stat().st_size - offset) // 2
    with open(path, "r+b") as stream:
        stream.truncate(cut)
    return offset, cut


def _replayed(fakenet, store, warc):
    from resolver.http import fetch
    from resolver.warc import ReplayIndex

    return Session(settings_for(fakenet), store=store, replay=ReplayIndex([warc])).run(
        lambda s: fetch(s, "https://news.example/story", purpose="resolve", keep_body=True))


def test_archive38_a_cut_warc_record_gives_way_to_a_whole_record_of_the_same_request(fakenet, store, tmp_path):
    """A replay whose newest record of a request is cut (its file ends inside it) read that one, and failed "cut
    short", though the file holds a whole earlier answer to the same request: that one answers now."""
    warc = tmp_path / "crawl.warc.gz"
    _two_records_the_second_cut(warc)
    outcome = _replayed(fakenet, store, warc)
    assert outcome.error is None and outcome.status == 200, outcome
    assert outcome.body == b"<html>the story, first crawl</html>"
    assert outcome.fetched_at.startswith("2024-01-01")


def test_archive38_a_cut_warc_record_alone_says_where_it_is_cut(fakenet, store, tmp_path):
    """With no whole record of the request, the answer fails with where the record begins and where the file ends
    (the byte it is cut at), not only "cut short"."""
    warc = tmp_path / "crawl.warc.gz"
    offset, cut = _two_records_the_second_cut(warc, whole=False)
    outcome = _replayed(fakenet, store, warc)
    assert outcome.status is None and outcome.body == b"", outcome
    assert f"cut at byte {cut:,}" in outcome.error and f"offset {offset:,}" in outcome.error, outcome.error
    assert str(warc) in outcome.error, outcome.error
    from tests.cliworld import World

    result = World(fakenet, tmp_path)("--replay", str(warc), "scan", "https://news.example/story")
    assert result.exit_code == 1, result.output
    assert f"cut at byte {cut:,}" in result.output, result.output


def test_archive38_a_post_replayed_past_a_newer_cut_record_says_so(fakenet, tmp_path):
    """A post whose newest record (June: deleted) is cut answers from the whole May record (available), and its
    reason says a newer record was passed over, cut, where: never "the newest WARC record" of a whole one."""
    from tests.test_replay_records import AVAILABLE, DELETED, fetched, write_warc

    may, june = tmp_path / "may.warc.gz", tmp_path / "june.warc.gz"
    write_warc(may, AVAILABLE)
    write_warc(june, DELETED)
    data = june.read_bytes()
    size = data.index(b"\x1f\x8b\x08", 1) - 40   # inside the response record, past its head
    with open(june, "r+b") as stream:
        stream.truncate(size)
    from tests.cliworld import World

    result, post = fetched(World(fakenet, tmp_path), may, june)
    assert result.exit_code == 0, result.output
    assert post["status"] == "available", post
    said = post["reason"]
    assert "answered by the newest whole WARC record of this request" in said, said
    assert f"{june} (offset 0), WARC-Date 2024-06-20T11:00:00.000000Z: not read, cut at byte {size:,}" in said, said


def _crawl(path, n: int = 3) -> list[int]:
    """A crawler's WARC (warcio, gzip per record) of `n` article pages; the offset each record ends at."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    ends = []
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(n):
            body = (f"<html><head><title>Story {i}</title></head><body><p>Council story {i}.</p>"
                    f"<blockquote class='twitter-tweet'><a href='https://twitter.com/RivertonRoads/status/"
                    f"16000000000000000{i:02d}'>the post</a></blockquote>" + "<p>More words here.</p>" * 200
                    + "</body></html>").encode()
            writer.write_record(writer.create_warc_record(
                f"https://news.example/{i}", "response", payload=io.BytesIO(body),
                warc_headers_dict={"WARC-Date": "2024-05-15T13:00:00Z"},
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html"),
                                                         ("Content-Length", str(len(body)))], protocol="HTTP/1.1")))
            ends.append(out.tell())
    return ends



@pytest.mark.parametrize("into", [18, 300, 460], ids=["in-its-gzip-header", "in-its-http-head", "in-its-body"])
def test_archive38_a_warc_input_whose_tail_is_cut_says_so_once_and_goes_on(fakenet, tmp_path, into):
    """A crawl (or a shard's WARC) a crash stopped inside its last record: read with --warc-input, the cut record was
    said nothing of (cut in its first bytes), counted "not HTML" (cut in its HTTP head) or failed the run as an
    unreadable record (cut in its body). Now one warning names the file and the offset of the cut record, the records
    before it are read, and the run goes on (exit 0)."""
    import json

    from tests.cliworld import World

    warc = tmp_path / "crawl.warc.gz"
    ends = _crawl(warc)
    with open(warc, "r+b") as stream:
        stream.truncate(ends[1] + into)
    result = World(fakenet, tmp_path)("scan", "--offline", "--json", "--warc-input", str(warc))
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if "ends inside a record" in line]
    assert said == [f"warning: {warc} ends inside a record at offset {ends[1]:,} (the file is cut at byte "
                    f"{ends[1] + into:,}: a crawl or run stopped while writing it), left out; skipped"], result.output
    scanned = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [a["source"] for a in scanned if "error" not in a] == [f"{warc}#0", f"{warc}#{ends[0]}"], scanned
    assert "not HTML" not in result.output and "record is truncated" not in result.output, result.output
    assert not fakenet.hits
    # sharded, one shard says it
    shards = [World(fakenet, tmp_path / f"s{k}") if (tmp_path / f"s{k}").mkdir() is None else None for k in (1, 2)]
    lines = [line for k, world in enumerate(shards, 1)
             for line in world("scan", "--offline", "--shard", f"{k}/2", "--warc-input", str(warc)).output.splitlines()
             if "ends inside a record" in line]
    assert len(lines) == 1, lines


@pytest.mark.parametrize("spelt", ["https://twitter.com/river_desk/status/{}",
                                   "http://twitter.com/river_desk/status/{}",
                                   "http://twitter.com/River_Desk/status/{}/"], ids=["https", "http", "case-and-slash"])
def test_archive38_stats_count_a_recorded_archived_copy_as_the_tables_hold_it(fakenet, reporter, tmp_path,  # noqa: F811
                                                                              spelt):
    """Said left alone: "cache stats say copies=0 where archived copies exist". No count of `stats` or `cache stats`
    is named `copies`; built here, a cache holding a deleted post's capture read as its copy: every count the two
    print is what the tables hold, the post is not at risk (its copy is known), and the report counts one copy."""
    import json
    import sqlite3
    from pathlib import Path

    from tests.test_fetch import by_id, json_page
    from tests.test_verdicts import DELETED

    post_id = "1389145873577009728"
    page = f"https://twitter.com/river_desk/status/{post_id}"
    capture = (Path(__file__).parent / "fixtures" / "captures" / "classic_permalink_reply_with_ancestor.html")
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({post_id: [json_page(DELETED)]}))
    serve(fakenet, [Capture("20210503091500", spelt.format(post_id), capture.read_bytes())])   # as CDX spells it
    code, out = reporter("report", "--format", "json", "article.html", article=(
        f'<html><body><blockquote class="twitter-tweet"><p>Water over the road on Mill Lane this morning.</p>&mdash; '
        f'River Desk (@river_desk) <a href="{page}">May 3, 2021</a></blockquote></body></html>'))
    assert code == 0, out
    assert json.loads(out)["summary"]["archive"] == {"looked_up": 1, "with_copy": 1, "without_copy": 0,
                                                     "not_checked": 0}
    db = sqlite3.connect(tmp_path / "c.db")
    try:
        code, out = reporter("cache", "stats", "--json")
        assert code == 0, out
        tables = json.loads(out)["tables"]
        assert tables == {name: db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in tables}
        assert (tables["snapshots"], tables["posts"]) == (1, 1)
        assert db.execute("SELECT method, status FROM post_observations ORDER BY id").fetchall() == [
            ("syndication", "deleted"), ("wayback", "archived-copy")]
        code, out = reporter("stats", "--json")
        assert code == 0, out
        rows = [json.loads(line) for line in out.splitlines()]
        assert not [r for r in rows if r["view"] == "at_risk_embeds"], rows   # its copy is known
        [dead] = [r for r in rows if r["view"] == "dead_embeds_by_outlet_year"]
        assert (dead["embeds"], dead["embeds_checked"], dead["dead"], dead["deleted"]) == (1, 1, 1, 1), dead
        code, out = reporter("stats")
        assert "at_risk_embeds (0 rows)" in out and "dead_embeds_by_outlet_year (1 row)" in out, out
    finally:
        db.close()


def test_archive38_a_warc_is_found_from_another_folder_and_after_the_cache_moved(fakenet, tmp_path, monkeypatch):
    """The fetch log kept a WARC's path as the run was given it: `--db c.db` run in one folder wrote
    `archive.warc.gz`, which a run from another folder (`--db desk/c.db`), or of the folder moved with its cache,
    did not take for its own WARC: every page copy it held was taken again and appended. Now a path is kept
    absolute, and one that names no file is looked for beside the database, under its name (a cache and its WARCs
    move together); the record at the offset is checked before it is kept."""
    import json
    import shutil

    from click.testing import CliRunner

    from resolver.cli import cli
    from tests.test_archive import ARTICLE, POST, serve_the_article_world
    from tests.fakenet import page, redirect

    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}",
                  redirect(f"https://x.com/RivertonRoads/status/{fx.POST_ID}"))
    fakenet.route("x.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>the post page</html>"))
    config = serve_the_article_world(fakenet, tmp_path)
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}",
                  redirect(f"https://x.com/RivertonRoads/status/{fx.POST_ID}"))
    desk = tmp_path / "desk"
    desk.mkdir()
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)

    def scan_archive(cwd, db):
        monkeypatch.chdir(cwd)
        result = CliRunner().invoke(cli, ["--config", str(config), "--db", db, "scan", "--archive", "--json",
                                          str(article)])
        assert result.exit_code == 0, result.output
        return {a["url"]: a for a in json.loads(result.stdout)["archives"]}

    def live_hits():
        return len([hit for hit in fakenet.hits if hit[0] in ("twitter.com", "x.com")])

    first = scan_archive(desk, "c.db")   # the default WARC: archive.warc.gz beside the database, named relative
    assert first[POST]["live_kept"] is None and (desk / "archive.warc.gz").is_file()
    hits, size = live_hits(), (desk / "archive.warc.gz").stat().st_size
    again = scan_archive(tmp_path, "desk/c.db")   # from the folder above
    assert again[POST]["live_kept"] is not None, again[POST]
    assert live_hits() == hits and (desk / "archive.warc.gz").stat().st_size == size
    moved = tmp_path / "moved"
    shutil.move(desk, moved)   # the cache and its WARC, together
    later = scan_archive(tmp_path, str(moved / "c.db"))
    assert later[POST]["live_kept"] is not None, later[POST]
    assert live_hits() == hits and (moved / "archive.warc.gz").stat().st_size == size


def test_archive38_a_warc_replays_from_another_folder_and_after_the_folder_moved(fakenet, tmp_path, monkeypatch):
    """A replay takes a file by its content (its sha256), not by the path the fetch log keeps: the WARC written by
    `fetch --warc run.warc.gz` in one folder replays the same answer, with nothing sent, given by another relative
    path from the folder above, and from the folder moved elsewhere."""
    import json
    import shutil

    from tests.cliworld import World
    from tests.test_fetch import by_id, json_page

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    desk = tmp_path / "desk"
    desk.mkdir()
    world = World(fakenet, tmp_path)
    monkeypatch.chdir(desk)
    live = world("fetch", "--no-media", "--json", "--warc", "run.warc.gz", CANONICAL)
    assert live.exit_code == 0 and json.loads(live.stdout.splitlines()[0])["status"] == "available", live.output
    hits = len(fakenet.hits)
    for cwd, given in ((tmp_path, "desk/run.warc.gz"), (tmp_path / "moved", "run.warc.gz")):
        if not cwd.exists():
            shutil.move(desk, cwd)
        monkeypatch.chdir(cwd)
        replayed = world("--replay", given, "fetch", "--no-media", "--json", CANONICAL)
        assert replayed.exit_code == 0, replayed.output
        post = json.loads(replayed.stdout.splitlines()[0])
        assert post["status"] == "available", post
        assert len(fakenet.hits) == hits   # nothing sent


def test_review39c_an_exchanges_fsync_does_not_hold_the_event_loop(fakenet, store, tmp_path, monkeypatch):
    """review39c: the fsync archive38 added ran on the event loop's thread, so every other request of the run waited
    for it (14 ms an exchange at load 25: 21 s of a 113 s `archive` of 500 posts). It runs on a worker thread now,
    still before the fetch returns (the order test above)."""
    import asyncio
    import os

    real_fsync, on_loop = os.fsync, []

    def fsync(fd: int) -> None:
        try:
            asyncio.get_running_loop()
            on_loop.append(True)
        except RuntimeError:
            on_loop.append(False)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    outcome = _fetched_with_a_warc(fakenet, store, tmp_path / "run.warc.gz")
    assert outcome.status == 200 and outcome.warc_offset is not None, outcome
    assert len(on_loop) >= 2 and not any(on_loop), on_loop   # the warcinfo's, then the exchange's
