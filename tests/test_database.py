"""The cache file as users meet it: made by a newer version, read-only, in a folder that does not exist (#11)."""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cache import CacheError, NewerCacheError, Store
from cache.migrations import migrations
from resolver.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = FIXTURES / "tweet_blockquote_with_media.html"
OTHER = FIXTURES / "credits_in_html.html"
ROOT = Path(__file__).parent.parent


def invoke(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_newer(path: Path, how: str) -> None:
    Store(path).close()
    conn = sqlite3.connect(path)
    if how == "unknown migration":
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
                     ["embed-resolver-cache", "m999_from_a_later_version", "2031-01-01 00:00:00+00:00"])
    else:
        conn.execute(f"PRAGMA user_version = {len(migrations._migrations) + 1}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("how", ["unknown migration", "higher schema version"])
def test_a_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path, how):
    db = tmp_path / "newer.db"
    make_newer(db, how)
    before = digest(db)
    result = invoke("--db", str(db), "scan", str(ARTICLE))
    assert result.exit_code == 2
    assert "made by a newer embed-resolver; upgrade" in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert digest(db) == before
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with pytest.raises(NewerCacheError):
        Store(db)


def test_a_database_from_another_build_is_not_said_to_be_newer(tmp_path):
    """A database made by an unreleased branch build, whose migration was renamed when it was merged, lacks one this
    version has: it was refused as "made by a newer embed-resolver; upgrade", which no upgrade fixes (review27a #9)."""
    db = tmp_path / "branch.db"
    Store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE _sqlite_migrations SET name = 'm017_progress_runs' "
                     "WHERE name = 'm017_article_encoding_given'")
    conn.close()
    before = digest(db)
    result = invoke("--db", str(db), "scan", str(ARTICLE))
    assert result.exit_code == 2
    assert result.output == (f"error: cannot use cache {db}: made by another build of embed-resolver, not a release "
                             "this one can read (it has migration m017_progress_runs, which this version does not "
                             "know, and lacks m017_article_encoding_given); choose another --db\n")
    assert digest(db) == before


def test_a_new_database_records_its_schema_version(tmp_path):
    store = Store(tmp_path / "c.db")
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(migrations._migrations)


@pytest.mark.parametrize("where", ["before", "after", "env"])
def test_a_db_in_a_folder_that_does_not_exist_is_a_usage_error_and_creates_nothing(tmp_path, where):
    """A bad option value: exit 2, as the README's table and click say (newuser28: it was 1)."""
    db = tmp_path / "no" / "such" / "folder" / "c.db"
    args = {"before": ["--db", str(db), "scan", str(ARTICLE)], "after": ["scan", "--db", str(db), str(ARTICLE)],
            "env": ["scan", str(ARTICLE)]}[where]
    result = CliRunner(env={"EMBED_RESOLVER_DB": str(db)} if where == "env" else {}).invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[-1] == (f"error: Invalid value for '--db': the folder {db.parent} does not "
                                              "exist (create it, or choose another --db)")
    assert not (tmp_path / "no").exists()
    with pytest.raises(CacheError, match="does not exist"):
        Store(db)


def test_the_default_location_is_created():
    assert not Path(os.environ["XDG_CACHE_HOME"]).exists()
    result = invoke("scan", str(ARTICLE))   # XDG_CACHE_HOME points to a folder of this test's own, not made (conftest)
    assert result.exit_code == 0, result.output
    assert (Path(os.environ["XDG_CACHE_HOME"]) / "embed-resolver" / "cache.db").exists()


# -- read-only ----------------------------------------------------------------------------------------------------

def run_without_write_permission(*args: str) -> subprocess.CompletedProcess:
    """The CLI in a child process that file permissions apply to. As root (file modes do not bind root), the
    child runs without the capabilities that override them."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a file read-only for the child")
        prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search,-fowner,-linux_immutable"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMBED_RESOLVER")}
    return subprocess.run([*prefix, sys.executable, "-m", "resolver", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


@pytest.fixture
def read_only_db(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "c.db"
    assert invoke("--db", str(db), "scan", str(ARTICLE)).exit_code == 0
    db.chmod(0o444)
    yield db
    db.chmod(0o644)
    folder.chmod(0o755)


@pytest.mark.parametrize("folder_writable", [True, False], ids=["read-only-file", "read-only-folder"])
def test_a_read_only_database_serves_what_needs_no_writing(read_only_db, folder_writable):
    if not folder_writable:
        read_only_db.parent.chmod(0o555)
    before = digest(read_only_db)
    again = run_without_write_permission("--db", str(read_only_db), "scan", "--json", str(ARTICLE))
    assert again.returncode == 0, again.stderr
    assert '"embeds"' in again.stdout
    offline = run_without_write_permission("--db", str(read_only_db), "report", "--offline", str(ARTICLE))
    assert offline.returncode == 0, offline.stderr
    assert offline.stdout.startswith("#")
    assert digest(read_only_db) == before


def test_a_read_only_database_serves_an_article_read_with_an_encoding_given(tmp_path):
    """`--encoding` corrects the record of an article first read by a guess; on a read-only cache it made the run
    fail ("cannot write cache"), even when the encoding given was the one guessed. It serves what it holds, as
    before (review26), and says the encoding given could not be recorded: the run printed "given by the user" and
    a later run guessed again (review27a #4)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db, page = folder / "c.db", tmp_path / "latin.txt"
    # Czech whose letters read as Faroese in cp1252: still guessed cp1252 (unsure), enc29
    page.write_bytes("Koncert. (Foto: Antonín Dvořák)\n".encode("cp1250"))
    assert invoke("--db", str(db), "scan", str(page)).exit_code == 0   # recorded from a guess (cp1252)
    db.chmod(0o444)
    try:
        before = digest(db)
        for encoding in ("cp1252", "cp1250"):
            again = run_without_write_permission("--db", str(db), "scan", "--json", "--encoding", encoding, str(page))
            assert again.returncode == 0, again.stderr
            assert json.loads(again.stdout)["encoding"] == encoding
            assert again.stderr == (f"warning: cache {db} is read-only: the encoding given (--encoding {encoding}) "
                                    f"was not recorded for 1 article ({page}); a later run without --encoding reads "
                                    "it as the cache holds it\n")
        plain = run_without_write_permission("--db", str(db), "scan", "--json", str(page))
        assert (json.loads(plain.stdout)["encoding"], plain.stderr) == ("cp1252", "")
        assert digest(db) == before
    finally:
        db.chmod(0o644)


def test_a_read_only_database_that_holds_the_encoding_given_says_nothing_of_it(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "c.db"
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(f"{name}: (Foto: Jiří Čermák/ČTK)\n".encode("cp1250"))
    assert invoke("--db", str(db), "scan", "--encoding", "cp1250", str(folder / "a.txt")).exit_code == 0
    assert invoke("--db", str(db), "scan", str(folder / "b.txt")).exit_code == 0
    db.chmod(0o444)
    try:
        given = run_without_write_permission("--db", str(db), "scan", "-q", "--encoding", "cp1250",
                                             str(folder / "a.txt"))
        assert (given.returncode, given.stderr) == (0, "")
        both = run_without_write_permission("--db", str(db), "scan", "-q", "--encoding", "latin-1", str(folder / "a.txt"),
                                            str(folder / "b.txt"))
        assert both.stderr == (f"warning: cache {db} is read-only: the encoding given (--encoding latin-1) was not "
                               f"recorded for 2 articles (first: {folder / 'a.txt'}); a later run without --encoding "
                               "reads them as the cache holds them\n")
    finally:
        db.chmod(0o644)


def test_writing_to_a_read_only_database_is_a_one_line_error(read_only_db):
    result = run_without_write_permission("--db", str(read_only_db), "scan", str(OTHER))
    assert result.returncode == 1
    assert result.stderr.strip() == (f"error: cannot write cache {read_only_db}: the file is read-only; make it "
                                     "writable, or choose another --db")
    assert "OperationalError" not in result.stderr


def test_a_read_only_database_is_opened_read_only_by_the_store(read_only_db, monkeypatch):
    monkeypatch.setattr("cache.store._read_only", lambda path: True)
    store = Store(read_only_db)
    assert store.read_only and store.count("articles") == 1
    with pytest.raises(CacheError, match="read-only"):
        store.record_error({"source": "x", "message": "m"})


# -- --db everywhere --------------------------------------------------------------------------------------------

POST = "https://twitter.com/RivertonRoads/status/1600000000000000001"


@pytest.mark.parametrize("args", [
    ["scan", str(ARTICLE)], ["resolve", "--offline", "https://t.co/Zz98Yy76Xx"], ["fetch", "--offline", POST],
    ["fetch", "--reparse"], ["archive", "--offline", POST], ["report", "--offline", str(ARTICLE)],
], ids=["scan", "resolve", "fetch", "reparse", "archive", "report"])
def test_every_command_accepts_db(tmp_path, args):
    db = tmp_path / "here.db"
    result = invoke(args[0], "--db", str(db), *args[1:])
    assert "No such option" not in result.output and result.exit_code in (0, 3), result.output
    assert db.exists()


# -- a fetch and what it produced, in one transaction -----------------------------------------------------------

def test_a_kill_between_a_fetch_and_its_resolution_leaves_no_half(tmp_path, fakenet):
    """The first hop is answered, the second hangs; the process is killed with SIGKILL while it waits. Nothing of
    the unfinished resolution may be on record (a fetch row with no resolution made the next run fetch again and
    left a duplicate), and the next run records one complete resolution."""
    from tests.cliworld import Hang, World
    from tests.fakenet import redirect

    hang = Hang(redirect(POST + "/photo/1"))
    fakenet.route("t.co", "/Zz98Yy76Xx", redirect("https://pic.twitter.com/Zz98Yy76Xx"))
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", hang)
    world = World(fakenet, tmp_path)
    hang.killed_while_waiting(world.process("resolve", "https://t.co/Zz98Yy76Xx", stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL))
    store = Store(world.db)
    assert (store.count("fetches"), store.count("resolutions")) == (0, 0)
    store.close()
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", redirect(POST + "/photo/1"))
    again = world("resolve", "https://t.co/Zz98Yy76Xx")   # in this process: only the kill needs one of its own
    assert again.exit_code == 0, again.output
    store = Store(world.db)
    assert (store.count("fetches"), store.count("resolutions")) == (2, 1)
    assert json.loads(store.db["resolutions"].get(1)["fetch_ids"]) == [r["id"] for r in store.db["fetches"].rows]


def test_a_kill_between_a_post_s_fetches_and_its_observation_leaves_no_half(tmp_path, fakenet):
    """Syndication answers, oEmbed (asked too, --all-methods) hangs; SIGKILL. No fetch row and no observation may
    be on record; the next run records the post once, with both fetch rows behind its observations."""
    from tests import xfixtures as fx
    from tests.cliworld import Hang, World
    from tests.test_fetch import by_id, json_page

    hang = Hang(json_page(fx.OEMBED_TWEET))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    fakenet.route("publish.twitter.com", "/oembed", hang)
    # --all-methods reads the archived copies: no capture listed, as CDX answers it (a 404 is a failed lookup, exit 1)
    fakenet.route("web.archive.org", "/cdx/search/cdx", json_page([]))
    world = World(fakenet, tmp_path)
    hang.killed_while_waiting(world.process("fetch", "--all-methods", "--no-media", POST, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL))
    store = Store(world.db)
    assert (store.count("fetches"), store.count("post_observations"), store.count("posts")) == (0, 0, 0)
    store.close()
    fakenet.route("publish.twitter.com", "/oembed", json_page(fx.OEMBED_TWEET))
    again = world("fetch", "--all-methods", "--no-media", POST)   # in this process: only the kill needs its own
    assert again.exit_code == 0, again.output
    store = Store(world.db)
    # --all-methods also reads the post's archived copies (#9): those CDX lookups are fetch rows of their own
    asked = [r["id"] for r in store.db["fetches"].rows_where("purpose in ('syndication', 'oembed')")]
    assert (len(asked), store.count("post_observations"), store.count("posts")) == (2, 2, 1)
    assert sorted(r["fetch_id"] for r in store.db["post_observations"].rows) == asked


@pytest.mark.parametrize("after_requests", [3, 25, 55])
@pytest.mark.parametrize("posts", ["plain", "x-api-gone"])
def test_a_scan_killed_mid_run_and_run_again_leaves_everything_once(tmp_path, fakenet, after_requests, posts):
    """The short version of scripts/crash_test.py: `scan --resolve --fetch` over 20 articles is SIGKILLed once the
    loopback server has seen N requests (of about 70-80), then run again: integrity_check ok, each article once, no
    fetch, resolution or observation recorded twice, no fetch with nothing to show for it. Posts from syndication;
    or from the X API (a token) with every third post gone, so its capture is looked up and read (#11, #12)."""
    from tests.cliworld import World
    from tests.corpusnet import WORLDS, crash_trial, no_limits, serve, write_folder

    world_posts = WORLDS[posts]
    serve(fakenet, 20, world_posts)
    folder = write_folder(tmp_path / "articles", 20)
    world = World(fakenet, tmp_path, extra=no_limits())
    killed, found = crash_trial(world, folder, 20, lambda: len(fakenet.hits) >= after_requests, world_posts,
                                rerun_here=True)
    assert killed, "the run ended before the kill"
    assert found == []
    store = Store(world.db)
    assert (store.count("posts"), store.count("media")) == (20, world_posts.photos(20))
    if world_posts.x_token:
        purposes = {r["purpose"] for r in store.db["fetches"].rows}
        assert {"x-api", "wayback-cdx", "wayback-capture"} <= purposes and "syndication" not in purposes
        assert store.db["post_observations"].count_where("method = 'wayback'") == len(world_posts.gone(20))
    store.close()


def test_merging_an_input_from_a_newer_version_is_exit_2_as_any_newer_cache(tmp_path):
    """Before, `cache merge` refused a newer shard with exit 1; the README's table says a newer cache is exit 2."""
    import sqlite3

    shard = tmp_path / "shard.db"
    Store(shard).close()
    with sqlite3.connect(shard) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES "
                     "('embed-resolver-cache', 'm999_future', '2030-01-01')")
    result = CliRunner().invoke(cli, ["cache", "merge", str(tmp_path / "out.db"), str(shard)])
    assert result.exit_code == 2, result.output
    assert "written by a newer embed-resolver (m999_future); upgrade" in result.output
    assert not (tmp_path / "out.db").exists()


def _truncation_warc(path: Path, page: bytes, order: tuple[str | None, ...]) -> Path:
    """The same page bytes once per reason in `order` (None: a whole record), and a second page, whole."""
    from tests.test_inputs import write_warc

    records = [("response", f"https://news.example/{n}", "200 OK", "text/html", page, [],
                {"WARC-Truncated": reason} if reason else {}) for n, reason in enumerate(order)]
    records.append(("response", "https://news.example/other", "200 OK", "text/html", b"<p>Another story.</p>", []))
    return write_warc(path, records)


def _truncation_rows(db: Path) -> tuple[list[tuple], list[tuple]]:
    with sqlite3.connect(db) as conn:
        return (conn.execute("SELECT bytes, truncated FROM articles ORDER BY bytes").fetchall(),
                conn.execute("SELECT s.url, s.truncated FROM article_sources s ORDER BY s.url").fetchall())


PAGE_CUT = b"<html><body><p>The council met on Tuesday.</p><blockquote class=\"twitter-tw"


@pytest.mark.parametrize("order", [("length", None), (None, "length")], ids=["cut-then-whole", "whole-then-cut"])
def test_a_record_its_crawler_cut_short_is_recorded_on_its_article_and_its_source(tmp_path, order):
    """Before, only the scan's JSON said a WARC record was cut short: the database (the cache a report, `cache
    export`, datasette and `cache merge` read) did not. The same bytes read whole too stay marked: a crawler cut
    them short once, and each source says whether it was the one cut."""
    warc = _truncation_warc(tmp_path / "a.warc.gz", PAGE_CUT, order)
    db = tmp_path / "c.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "scan", "-q", "--json", "--warc-input", str(warc)])
    assert result.exit_code == 0, result.output
    articles, sources = _truncation_rows(db)
    assert articles == [(21, None), (len(PAGE_CUT), "length")]
    assert sources == [("https://news.example/0", order[0]), ("https://news.example/1", order[1]),
                       ("https://news.example/other", None)]
    # A run again of the same input changes nothing; nor does a database written before the column, whose
    # rows the next read of the record fills in.
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET truncated = NULL")
        conn.execute("UPDATE article_sources SET truncated = NULL")
    assert CliRunner().invoke(cli, ["--db", str(db), "scan", "-q", "--json", "--warc-input", str(warc)]).exit_code == 0
    assert _truncation_rows(db) == (articles, sources)
    exported = CliRunner().invoke(cli, ["--db", str(db), "cache", "export", "articles", "--format", "jsonl"])
    assert sorted(json.loads(line)["truncated"] or "" for line in exported.stdout.splitlines()) == ["", "length"]


def test_cache_merge_keeps_a_record_cut_short_whichever_shard_saw_it(tmp_path):
    """Shard a read the page whole, shard b cut short: the merged article is marked, and its sources say which."""
    shards = []
    for name, order in (("a", (None,)), ("b", ("time",))):
        warc = _truncation_warc(tmp_path / f"{name}.warc.gz", PAGE_CUT, order)
        db = tmp_path / f"{name}.db"
        assert CliRunner().invoke(cli, ["--db", str(db), "scan", "-q", "--warc-input", str(warc)]).exit_code == 0
        shards.append(str(db))
    for first in (shards, shards[::-1]):
        out = tmp_path / f"out-{first[0][-4]}.db"
        result = CliRunner().invoke(cli, ["cache", "merge", str(out), *first])
        assert result.exit_code == 0, result.output
        articles, sources = _truncation_rows(out)
        assert articles == [(21, None), (len(PAGE_CUT), "time")]
        expected = [("https://news.example/0", None), ("https://news.example/0", "time"),
                    ("https://news.example/other", None), ("https://news.example/other", None)]
        assert sorted(sources, key=str) == sorted(expected, key=str)
    # A shard written before the column (v11) holds the same page: its rows say nothing of a cut, and take none away.
    from sqlite_utils import Database

    old = Database(tmp_path / "old.db")
    migrations.apply(old, stop_before="m012_truncated_articles")
    old["articles"].insert({"sha256": hashlib.sha256(PAGE_CUT).hexdigest(), "kind": "html", "bytes": len(PAGE_CUT)})
    old["article_sources"].insert({"article_id": 1, "source": "old.html"})
    old.conn.close()
    for n, first in enumerate(((shards[1], str(tmp_path / "old.db")), (str(tmp_path / "old.db"), shards[1]))):
        out = tmp_path / f"with-old-{n}.db"
        result = CliRunner().invoke(cli, ["cache", "merge", str(out), *first])
        assert result.exit_code == 0, result.output
        assert _truncation_rows(out)[0] == [(21, None), (len(PAGE_CUT), "time")]


def test_the_datasette_metadata_describes_truncated():
    from cache.metadata import TABLES

    assert "WARC-Truncated" in TABLES["articles"][1]["truncated"]
    assert "WARC-Truncated" in TABLES["article_sources"][1]["truncated"]


@pytest.mark.parametrize("args", [
    ["report", "--offline", "-o", "{out}", str(ARTICLE)],
    ["report", "--offline", "--format", "json", "--output", "{out}", str(ARTICLE), str(ARTICLE)],
    ["scan", "-o", "{out}", str(ARTICLE)],
], ids=["report", "reports-folder", "scan"])
def test_an_output_in_a_folder_that_does_not_exist_is_a_usage_error_and_creates_nothing(tmp_path, args):
    """`report -o /missing/dir/r.html` made the folders and said "wrote …", while --db there is refused: a typo in
    -o silently made a tree of folders (newuser29 #12). Refused the same way, exit 2; a reports folder for several
    articles is made when the folder it is in exists."""
    out = tmp_path / "no" / "such" / "r.html"
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), *(a.format(out=out) for a in args)])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[-1] == (f"error: Invalid value for '-o' / '--output': the folder {out.parent} "
                                              "does not exist (create it, or choose another -o)")
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("args, option", [
    (["scan", "--offline", "--archive", "--warc", "{out}", str(ARTICLE)], "'--warc'"),
    (["archive", "--offline", "--warc", "{out}", "https://twitter.com/river_desk/status/20"], "'--warc'"),
    (["cache", "merge", "{out}", "{db}"], "'OUT'"),
], ids=["scan-warc", "archive-warc", "cache-merge"])
def test_review29e_every_file_a_command_writes_in_a_missing_folder_is_a_usage_error(tmp_path, args, option):
    """-o in a missing folder is refused, exit 2 (newuser29 #12), but `--warc` there made the tree of folders (and
    `scan --archive` exited 0), and `cache merge OUT` there exited 1 saying "choose another --db", an option not
    given (review29e). Every file a command writes is refused alike, naming the option or argument."""
    db = tmp_path / "c.db"
    assert CliRunner().invoke(cli, ["--db", str(db), "scan", str(ARTICLE)]).exit_code == 0
    out = tmp_path / "no" / "such" / "x.warc.gz"
    result = CliRunner().invoke(cli, ["--db", str(db), *(a.format(out=out, db=db) for a in args)])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[-1].endswith(f"{option}: the folder {out.parent} does not exist (create it, "
                                                   f"or choose another {option.strip(chr(39))})"), result.output
    assert not (tmp_path / "no").exists()


def test_a_warc_the_config_file_names_in_a_missing_folder_is_refused_not_made(tmp_path):
    """`--warc` in a missing folder is refused (review29e), but `[archive] warc` in the config file still made the
    tree of folders. It is refused too, naming the config file's key, and nothing is made."""
    out = tmp_path / "no" / "such" / "x.warc.gz"
    config = tmp_path / "c.toml"
    config.write_text(f'[archive]\nwarc = "{out}"\n')
    db = tmp_path / "c.db"
    assert CliRunner().invoke(cli, ["--db", str(db), "scan", str(ARTICLE)]).exit_code == 0
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(db), "archive", "--offline",
                                      "https://twitter.com/river_desk/status/20"])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[-1] == (f"error: config file {config}: [archive] warc: the folder {out.parent} "
                                              "does not exist (create it, or name another)")
    assert not (tmp_path / "no").exists()
