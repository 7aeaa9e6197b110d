"""scan --engine dask: shards on a LocalCluster of 2 worker processes on loopback, merged into one database."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cache import Store
from resolver.cli import cli
from resolver.cluster import share_of, shard_db
from resolver.inputs import Shard
from resolver.settings import Settings
from tests.test_corpus_cli import tweet_page
from tests.test_warm_run import threaded_net  # noqa: F401 - a fixture: two shards can both wait on the server

# dask.distributed is imported by the tests that use it, not here: importing it costs ~1.5 s of CPU, which every
# pytest-xdist worker paid as it collected this module, though only the worker running these tests needs it. Without
# it installed the module is skipped, as pytest.importorskip here did.
if importlib.util.find_spec("distributed") is None:
    pytest.skip("could not import 'distributed': No module named 'distributed'", allow_module_level=True)
# Under scripts/test's pytest-xdist, this module's tests run in one worker: its clusters of worker processes are
# started once (each worker running some of them started its own, two processes more on a 2-core machine).
pytestmark = pytest.mark.xdist_group("dask-cluster")


# The clusters' housekeeping, which no test here looks at, at a slower pace: each process's event-loop tick (every
# 20 ms, to warn of a blocked loop), its system monitor (every 0.5 s, for the dashboard) and the workers' statistical
# profiler (every 10 ms) cost CPU for as long as a cluster lives, idle or not (2 clusters: about 0.1 s of CPU a second
# each). Shards, their tasks, events, locks and stops run as they do on any cluster.
# The worker processes are forked from one forkserver that imported dask once (dask's own test suite starts its
# clusters so), not each spawned as a fresh interpreter importing it again: a worker's start cost ~0.6 s of CPU
# spawned, the forkserver and both workers of the first cluster ~0.65 s together, and the second cluster's workers
# next to nothing. They are still 2 processes of their own (with their own pids, killed with the cluster), which the
# tests need: a shard goes on in its worker after its client was killed.
HOUSEKEEPING = {"distributed.admin.tick.interval": "500ms", "distributed.admin.system-monitor.interval": "5s",
                "distributed.worker.profile.enabled": False, "distributed.worker.multiprocessing-method": "forkserver"}


def _local_cluster(threads_per_worker: int):
    """A LocalCluster of 2 worker processes on loopback (the config is read as its scheduler and workers start).
    No memory limit: a worker and its nanny then watch the worker's memory every 100 ms (to spill, pause or restart
    it), which no shard here comes near and no test looks at; idle, that watch was about half of a cluster's CPU."""
    import dask
    import distributed

    with dask.config.set(HOUSEKEEPING):
        return distributed.LocalCluster(n_workers=2, threads_per_worker=threads_per_worker, processes=True,
                                        host="127.0.0.1", dashboard_address=None, silence_logs=50, memory_limit=0)


@pytest.fixture(scope="module")
def scheduler():
    with _local_cluster(1) as local:
        yield local.scheduler_address


def test_each_shard_gets_its_share_of_the_network_limits() -> None:
    settings = Settings(concurrency=16, per_host=4, limits={"https://example.org/api": 60})
    share = share_of(settings, 4)
    assert (share.concurrency, share.per_host) == (4, 1)
    assert share.limits["https://web.archive.org/save"] == pytest.approx(15 / 4)
    assert share.limits["https://example.org/api"] == 15
    assert share_of(settings, 8).per_host == 1          # never below one request at a time
    assert shard_db(Path("/d/corpus.db"), Shard(3, 12)) == Path("/d/corpus.shard-03-of-12.db")


def test_scan_on_a_local_cluster_merges_every_shard(tmp_path: Path, scheduler: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(10):
        (corpus / f"p{n}.html").write_text(tweet_page(n))
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"html": tweet_page(n), "url": f"https://outlet.example/{n}"}) + "\n"
                            for n in range(10, 16)))
    out = tmp_path / "corpus.db"
    result = CliRunner().invoke(cli, ["--db", str(out), "scan", "--engine", "dask", "--scheduler", scheduler,
                                      "--shards", "4", "--json", "--per-host", "4", str(corpus), "--jsonl", str(feed)])
    assert result.exit_code == 0, result.output
    shards = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(s["shard"] for s in shards) == ["1/4", "2/4", "3/4", "4/4"]
    assert sum(s["articles"] for s in shards) == 16
    assert len({s["pid"] for s in shards}) == 2                # both worker processes took shards
    assert {s["per_host"] for s in shards} == {1}              # 4 per host for the fleet: 1 per shard
    store = Store(out)
    assert store.count("articles") == 16 and store.count("embeds") == 16
    assert store.db.execute("SELECT COUNT(*) FROM article_sources WHERE host = 'outlet.example'").fetchone()[0] == 6
    assert not list(tmp_path.glob("corpus.shard-*"))           # merged, then removed
    assert "scanned 16 articles" in result.stderr and f"merged into {out}" in result.stderr


def test_dask_usage_errors(tmp_path: Path) -> None:
    def run(*args: str):
        return CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", *args, str(tmp_path)])
    assert "--engine dask needs --scheduler" in run("--engine", "dask").output
    assert "no --shard" in run("--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--shard", "1/2").output
    assert "--scheduler and --shards go with --engine dask" in run("--shards", "2").output


def test_quiet_on_a_cluster_says_nothing(tmp_path: Path, scheduler: str) -> None:
    """-q silences status lines and the summary, on a cluster as here: the line of each shard as it finished was
    still printed."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(4):
        (corpus / f"p{n}.html").write_text(tweet_page(n))
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "-q", "--engine", "dask",
                                      "--scheduler", scheduler, "--shards", "2", str(corpus)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert Store(tmp_path / "c.db").count("articles") == 4


def test_ctrl_c_on_the_client_stops_the_running_shards(tmp_path: Path, scheduler: str, threaded_net) -> None:
    """Ctrl-C while each shard waits on a link that does not answer: the shards stop while it still does not (they
    went on to their end), with the article each had finished committed, and the client says so; the same command
    run again finishes the rest and asks for nothing it had. Nothing here is timed: under load a shard may answer
    the client after the 1.5 s it waits (the client then says it had not answered yet), and it still stops."""
    fakenet = threaded_net
    import os
    import re
    import signal
    import subprocess
    import time

    from tests.cliworld import Hang, World
    from tests.fakenet import page
    from tests.test_interrupt import at_a_terminal

    hang = Hang(page("<p>end</p>"), hold=300)
    fakenet.route("t.co", "/slow", hang)
    for n in (1, 2):
        fakenet.route("t.co", f"/fast{n}", page("<p>end</p>"))
    world = World(fakenet, tmp_path, extra="timeout = 600\ndeadline = 600\n")   # a shard ends only if it stops
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # Shard 1/2 takes 2-fast and 8-slow, shard 2/2 takes 1-fast and 7-slow: in each, a quick article first.
    for name, link in (("1-fast", "fast1"), ("2-fast", "fast2"), ("7-slow", "slow"), ("8-slow", "slow")):
        (corpus / f"{name}.txt").write_text(f"Story {name}. https://t.co/{link} pic.twitter.com/{name}\n"
                                            f"— Riverton Roads (@RivertonRoads) December 6, 2022\n")
    args = ("scan", "--resolve", "--engine", "dask", "--scheduler", scheduler, "--shards", "2", str(corpus))
    child = world.process(*args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                          **at_a_terminal())
    try:
        deadline = time.monotonic() + 60
        # Until both shards wait on the link, their quick articles handed on and marked finished (a sleep of 0.5 s
        # was let do that: under load, it did not always).
        while fakenet.hits.count(("t.co", "/slow")) < 2 or _finished_so_far(tmp_path.glob("c.shard-*-of-2.db")) < 2:
            assert time.monotonic() < deadline and child.poll() is None, "the shards never both asked for the link"
            time.sleep(0.05)
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=60)   # it does not wait for its shards' end: the link hangs for 300 s
        assert child.returncode == 130
        _wait_until_idle(scheduler, within=60)
        assert not hang.answered.is_set()   # the link still hangs: the shards stopped, they did not end
    finally:
        hang.release.set()
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
        _wait_until_idle(scheduler)   # a shard going on would ask the next test's server
    last = err.decode().splitlines()[-1]
    said = re.search(r"; stopped (\d) shards? running on the cluster(?: \((\d) more had not answered yet)?", last)
    assert said and int(said[1]) + int(said[2] or 0) == 2, last
    assert last.startswith(f"interrupted: scanned {said[1]} article"), last   # each had finished one
    assert "Traceback" not in err.decode()
    fakenet.route("t.co", "/slow", page("<p>end</p>"))
    again = world(*args)
    assert "2 finished by an earlier run" in again.stderr, again.stderr
    assert [fakenet.hits.count(("t.co", f"/fast{n}")) for n in (1, 2)] == [1, 1]
    assert Store(world.db).count("articles") == 4 and not list(tmp_path.glob("c.shard-*"))


def _finished_so_far(dbs) -> int:
    """The articles the shard databases of a run under way hold as finished; 0 while one is still being made."""
    import sqlite3

    try:
        return _finished_in(sorted(dbs))
    except sqlite3.OperationalError:   # no progress table yet
        return 0


def _table_counts(db: Path) -> dict[str, int]:
    from cache.merge import RULES

    with Store(db) as store:
        return {rule.table: store.count(rule.table) for rule in RULES}


def _asked(fakenet) -> list[str]:
    """The t.co links the server was asked for, one per article of tests/corpusnet.py."""
    return sorted(path for host, path in fakenet.hits if host == "t.co")


def _wait_until_idle(scheduler: str, *, within: float = 60, leaving: int = 0) -> None:
    """Until no worker runs a task (but `leaving`): one the client of a killed command left goes on to its end."""
    import time

    import distributed

    started = time.monotonic()
    with distributed.Client(scheduler, timeout="20s") as client:
        deadline = started + within
        while sum(client.run(lambda dask_worker: dask_worker.state.executing_count).values()) > leaving:
            assert time.monotonic() < deadline, "a shard never ended"
            time.sleep(0.1)


def _hanging_world(fakenet, tmp_path: Path):
    """The 8 articles of tests/corpusnet.py, whose 4th link (t.co/w00003) answers only once released; and an empty
    --db for the shards to start from. No request times out before it is released (a test lets it go on what the
    run says, however long that takes under load; 15 s, and the article failed)."""
    from tests.cliworld import Hang, World
    from tests.corpusnet import no_limits, serve, write_folder
    from tests.fakenet import redirect

    serve(fakenet, 8)
    hang = Hang(redirect("https://twitter.com/RivertonRoads/status/1600000000000000103/photo/1"), hold=300)
    fakenet.route("t.co", "/w00003", hang)
    folder = write_folder(tmp_path / "articles", 8)
    world = World(fakenet, tmp_path, extra="timeout = 600\ndeadline = 600\n" + no_limits())
    Store(world.db).close()
    return hang, world, folder


def test_a_second_run_on_the_cluster_answers_from_db_and_adds_nothing(tmp_path: Path, scheduler: str,
                                                                       fakenet) -> None:
    """Each shard ran into a fresh database: the same command run again made every request again and recorded
    every fetch and observation twice (300 articles --fetch: +1,300 fetches). Each shard now starts from a copy
    of --db, as a local run would: its cache answers, under the same TTL rules."""
    from tests.cliworld import World
    from tests.corpusnet import no_limits, problems, serve, write_folder

    serve(fakenet, 8)
    folder = write_folder(tmp_path / "articles", 8)
    world = World(fakenet, tmp_path, extra=no_limits())
    args = ("scan", "--fetch", "--engine", "dask", "--scheduler", scheduler, "--shards", "2", str(folder))
    first = world(*args)
    assert first.exit_code == 0, first.output
    asked, counts = len(fakenet.hits), _table_counts(world.db)
    assert _asked(fakenet) == [f"/w{i:05d}" for i in range(8)] and counts["post_observations"] == 8
    second = world(*args)
    assert second.exit_code == 0, second.output
    assert len(fakenet.hits) == asked, fakenet.hits[asked:]
    assert _table_counts(world.db) == counts
    assert problems(world.db, 8) == []
    assert not list(tmp_path.glob("c.shard-*"))


def test_a_cluster_run_cut_short_then_run_again_asks_for_nothing_twice(tmp_path: Path, scheduler: str,
                                                                      fakenet) -> None:
    """The client killed while a shard waits on a link: what the shards had done when it was run again is kept
    (their databases are not started afresh from --db), the rest is done, and every article is asked for once."""
    import subprocess

    from tests.corpusnet import problems

    hang, world, folder = _hanging_world(fakenet, tmp_path)
    args = ("scan", "--fetch", "--engine", "dask", "--scheduler", scheduler, "--shards", "4", str(folder))
    hang.killed_while_waiting(world.process(*args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    _wait_until_idle(scheduler)
    again = world(*args)
    assert again.exit_code == 0, again.output
    assert _asked(fakenet) == [f"/w{i:05d}" for i in range(8)]
    assert problems(world.db, 8) == []
    assert not list(tmp_path.glob("c.shard-*"))


ODD = ['{"html": "<p>Story https://twitter.com/RivertonRoads/status/1600000000000000001</p>"}', "not json",
       '{"nohtml": 1}', "[1, 2]", '{"html": 5}']
ODD_ERRORS = ["error: cannot read {}:2: not JSON (Expecting value: line 1 column 1 (char 0))",
              "error: cannot read {}:3: no field 'text'; name the field with --html-field or --text-field",
              "error: cannot read {}:4: a JSON list, not an object",
              "error: cannot read {}:5: a number in field 'html', not text; name the field with --html-field or "
              "--text-field"]


@pytest.mark.parametrize("flags", [(), ("--json",), ("-q",)], ids=["table", "json", "quiet"])
def test_the_client_prints_which_inputs_failed_on_the_cluster(tmp_path: Path, scheduler: str, flags) -> None:
    """Which records failed was said on the workers' stderr only: the client printed "4 failed" and exit 1. Their
    lines come back with each shard and are printed as a local run prints them; --json keeps stdout JSON."""
    feed = tmp_path / "odd.jsonl"
    feed.write_text("".join(line + "\n" for line in ODD))
    local = CliRunner().invoke(cli, ["--db", str(tmp_path / "local.db"), "scan", *flags, "--jsonl", str(feed)])
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", *flags, "--engine", "dask",
                                      "--scheduler", scheduler, "--shards", "2", "--jsonl", str(feed)])
    assert (local.exit_code, result.exit_code) == (1, 1), result.output
    expected = sorted(line.format(feed) for line in ODD_ERRORS)
    assert sorted(line for line in local.stderr.splitlines() if line.startswith("error: ")) == expected
    assert sorted(line for line in result.stderr.splitlines() if line.startswith("error: ")) == expected
    if "--json" in flags:
        assert sorted(json.loads(line)["shard"] for line in result.stdout.splitlines()) == ["1/2", "2/2"]
    if "-q" in flags:
        assert result.stdout == "" and result.stderr.splitlines() == [line for line in result.stderr.splitlines()
                                                                       if line.startswith("error: ")]
    else:
        assert "; 4 failed" in result.stderr.splitlines()[-1]


def test_a_shard_hands_back_its_first_error_lines_and_counts_the_rest(tmp_path: Path, scheduler: str) -> None:
    """What a shard hands back stays small however many inputs fail: its first ERRORS_KEPT lines, then a count of
    the rest with where they all are."""
    from resolver.cluster import ERRORS_KEPT

    feed = tmp_path / "bad.jsonl"
    feed.write_text("not json\n" * 130)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--engine", "dask",
                                      "--scheduler", scheduler, "--shards", "2", "--jsonl", str(feed)])
    assert result.exit_code == 1
    said = [line for line in result.stderr.splitlines() if line.startswith("error: cannot read")]
    more = [line for line in result.stderr.splitlines() if line.startswith("error: and ")]
    assert len(said) == 2 * ERRORS_KEPT and len(more) == 2
    assert sum(int(line.split()[2].replace(",", "")) for line in more) == 130 - 2 * ERRORS_KEPT
    assert " more errors in shard " in more[0] and "cache export errors" in more[0]


def test_a_shard_hands_back_skipped_inputs_apart_from_the_errors() -> None:
    """A skip is no error and no row of the errors table (#2): the client's "more errors … all are in the errors
    table" must not count it. A shard keeps the first ERRORS_KEPT lines of each, and counts the rest."""
    from resolver.cluster import ERRORS_KEPT, Said
    from resolver.pipeline import Failure
    from resolver.redact import NO_SECRETS

    said = Said(redactor=NO_SECRETS, verbose=False)
    for n in range(ERRORS_KEPT + 3):
        said(Failure(f"in/{n}.txt", f"in/{n}.txt: empty", named=False, kind="empty"))
    said(Failure("in/bad.html", "cannot read in/bad.html: not valid ascii at byte 6", kind="encoding"))
    back = said.handed_back()
    assert back["errors"] == ["error: cannot read in/bad.html: not valid ascii at byte 6"]
    assert back["errors_not_shown"] == 0
    assert back["skipped_lines"][:2] == ["warning: skipped in/0.txt: empty", "warning: skipped in/1.txt: empty"]
    assert (len(back["skipped_lines"]), back["skipped_not_shown"]) == (ERRORS_KEPT, 3)


def test_a_second_run_on_the_cluster_asks_again_what_the_cache_ttl_let_expire(tmp_path: Path, scheduler: str,
                                                                             fakenet) -> None:
    """The shards answer from their copy of --db under the TTL rules of a local run: with `cache_ttl = 0` every
    answer has expired, and the second run asks for as much as a local engine's second run does."""
    from tests.cliworld import World
    from tests.corpusnet import no_limits, serve, write_folder

    serve(fakenet, 4)
    folder = write_folder(tmp_path / "articles", 4)
    asked = {}
    for engine in ("local", "dask"):
        (tmp_path / engine).mkdir()
        world = World(fakenet, tmp_path / engine, extra="cache_ttl = 0\n" + no_limits())
        cluster = ("--scheduler", scheduler, "--shards", "2") if engine == "dask" else ()
        args = ("scan", "--fetch", "--engine", engine, *cluster, str(folder))
        assert world(*args).exit_code == 0
        before = len(fakenet.hits)
        assert world(*args).exit_code == 0
        asked[engine] = len(fakenet.hits) - before
    assert asked["dask"] == asked["local"] > 0


def _finished_in(dbs: list[Path]) -> int:
    """The articles the shard databases an interrupted run left hold as finished (their progress rows)."""
    import sqlite3

    done = 0
    for db in dbs:
        con = sqlite3.connect(db)
        try:
            done += con.execute("SELECT COUNT(*) FROM progress WHERE outcome = 'done'").fetchone()[0]
        finally:
            con.close()
    return done


def test_a_cluster_run_cut_short_then_run_again_with_other_shards_loses_and_redoes_nothing(
        tmp_path: Path, scheduler: str, fakenet) -> None:
    """Cut short with --shards 4, run again with --shards 2: the four shard databases were neither resumed nor
    merged (what they had finished was asked for again, and their rows reached --db only by a `cache merge` by
    hand). They are merged into --db first, as the run says, and the new shards go on from there."""
    import subprocess

    from tests.corpusnet import problems

    hang, world, folder = _hanging_world(fakenet, tmp_path)
    args = ("scan", "--fetch", "--engine", "dask", "--scheduler", scheduler, str(folder))
    hang.killed_while_waiting(world.process(*args, "--shards", "4", stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL))
    _wait_until_idle(scheduler)
    left = sorted(tmp_path.glob("c.shard-*-of-4.db"))
    finished = _finished_in(left)
    assert left and finished > 0
    asked = len(fakenet.hits)
    again = world(*args, "--shards", "2")
    assert again.exit_code == 0, again.output
    assert _asked(fakenet) == [f"/w{i:05d}" for i in range(8)], fakenet.hits[asked:]
    assert f"merged {len(left)} shard database{'s' * (len(left) != 1)} left by an earlier run" in again.stderr
    assert f"{finished} finished by an earlier run" in again.stderr, again.stderr
    assert problems(world.db, 8) == []
    assert not list(tmp_path.glob("c.shard-*"))                 # databases, logs and locks
    with Store(world.db) as store:                              # the run went to its end: a new one starts afresh
        assert store.count("progress") == 0


UNREAD = [{"html": "<p>a</p>", "url": 5}, {"html": "<p>b</p>", "url": "https://n.example/b"},
          {"html": "<p>c</p>", "url": ["https://n.example/c"]}, {"html": "<p>d</p>", "url": 7.5},
          {"html": "<p>e</p>", "url": None}, {"html": "<p>f</p>", "url": True}]


@pytest.mark.parametrize("flags", [(), ("--json",), ("-q",)], ids=["table", "json", "quiet"])
def test_the_client_says_what_the_shards_left_out_or_could_not_read(tmp_path: Path, scheduler: str, flags) -> None:
    """`-v` names each WARC record left out, and a warning at the end says which JSON Lines fields were not read
    or never found: with --engine dask these lines went to the workers' stderr or nowhere. Each shard hands them
    back; the client says them as a local run does (the first record not read is the first of the input, whatever
    shard read it), --json keeps stdout to the shards' lines, -q keeps the warnings as a local run does."""
    import re

    from tests.test_inputs import WARC_RECORDS, write_warc

    secret = ("response", "https://news.example/p?access_token=hunter2hunter2", "403 Forbidden", "text/html", b"", [])
    warc = write_warc(tmp_path / "c.warc.gz", [*WARC_RECORDS, secret])
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in UNREAD))

    def said(*args: str) -> tuple[list[str], list[str], str]:
        """What the local engine, then the dask engine, said: the lines left out, the warnings, dask's stdout."""
        local = CliRunner().invoke(cli, ["--db", str(tmp_path / "local.db"), "scan", *flags, *args])
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", *flags, *args, "--engine", "dask",
                                          "--scheduler", scheduler, "--shards", "2"])
        assert (local.exit_code, result.exit_code) == (0, 0), result.output
        assert "hunter2" not in result.stderr + result.stdout
        lines = [(sorted(re.findall(r"^left out .*$", run.stderr, re.M)), re.findall(r"^warning: .*$", run.stderr,
                                                                                      re.M)) for run in (local, result)]
        assert lines[1] == lines[0]
        return *lines[0], result.stdout
    left_out, warnings, stdout = said("-v", "--warc-input", str(warc))
    assert len(left_out) == 4 and warnings == []
    left_out, warnings, _ = said("--jsonl", str(feed), "--id-field", "gid")
    assert left_out == [] and len(warnings) == 2 and f"(the first: {feed}:1, a number)" in warnings[1]
    assert warnings[0] == "warning: no record read gave a value in the field 'gid' (--id-field): no article's record " \
                          "id is known"
    if "--json" in flags:
        shards = [json.loads(line) for line in stdout.splitlines()]
        assert sorted(s["shard"] for s in shards) == ["1/2", "2/2"]
        assert not {"left_out_lines", "left_out_not_shown", "unread", "found"} & {key for s in shards for key in s}


def test_the_shard_files_a_run_left_are_found_by_their_database(tmp_path: Path) -> None:
    """Every shard of another count that left anything (a database, or only its lock: stopped before its copy of
    --db was made) is taken over; files of other databases, and the WARC a shard wrote, are not shards."""
    from resolver.cluster import shard_dbs

    for name in ("c.shard-1-of-4.db", "c.shard-1-of-4.db-wal", "c.shard-3-of-4.db.lock", "c.shard-02-of-16.db",
                 "c.shard-1-of-4.warc.gz", "cc.shard-1-of-2.db", "c.shard-x-of-2.db", "c.db"):
        (tmp_path / name).write_bytes(b"")
    assert shard_dbs(tmp_path / "c.db") == {tmp_path / "c.shard-02-of-16.db": 16, tmp_path / "c.shard-1-of-4.db": 4,
                                            tmp_path / "c.shard-3-of-4.db": 4}


def test_ctrl_c_while_the_client_waits_for_a_shard_still_running_merges_nothing(tmp_path: Path,
                                                                                scheduler: str) -> None:
    """A shard database of another --shards still locked (its shard runs on): the client waits, says so, and Ctrl-C
    then ends the run with one line, exit 130, the database left as it was for the next run."""
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    from tests.cliworld import ROOT
    from tests.test_interrupt import at_a_terminal

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "p1.html").write_text(tweet_page(1))
    left = tmp_path / "c.shard-1-of-4.db"
    Store(left).close()
    lock = sqlite3.connect(left.with_name(left.name + ".lock"), isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")   # as the shard that still runs holds it
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMBED_RESOLVER")}
    child = subprocess.Popen([sys.executable, "-m", "resolver", "--db", str(tmp_path / "c.db"), "scan", "--engine",
                              "dask", "--scheduler", scheduler, "--shards", "2", str(corpus)], cwd=ROOT, env=env,
                             stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                             **at_a_terminal())
    try:
        first = child.stderr.readline()
        assert first.startswith(f"waiting for {left}: a shard of an earlier run still runs on the cluster"), first
        time.sleep(0.5)
        child.send_signal(signal.SIGINT)
        rest = child.communicate(timeout=30)[1]
    finally:
        lock.close()
        if child.poll() is None:
            child.kill()
    assert child.returncode == 130 and rest.splitlines()[-1].startswith("interrupted before any shard started")
    assert "Traceback" not in rest
    assert left.exists() and not (tmp_path / "c.db").exists()


def test_a_second_dask_run_into_the_same_db_while_one_runs_is_refused(tmp_path: Path, scheduler: str) -> None:
    """A run with another --shards merges what an earlier run left: with that run's client still alive, it took
    the shard databases that run had finished and not merged yet (its merge then failed). The client holds a lock
    for the run; a second run into the same --db is refused in one line while it is held, and nothing is touched."""
    import sqlite3

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "p1.html").write_text(tweet_page(1))
    done = tmp_path / "c.shard-1-of-4.db"   # finished by the running client's shard, not merged yet
    Store(done).close()
    lock = sqlite3.connect(tmp_path / "c.db.dask.lock", isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")   # as the running client holds it
    try:
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--engine", "dask", "--scheduler",
                                          scheduler, "--shards", "2", str(corpus)])
    finally:
        lock.close()
    assert result.exit_code == 1 and result.stderr.splitlines() == [
        f"error: another --engine dask run into {tmp_path / 'c.db'} is under way (its client holds "
        f"{tmp_path / 'c.db.dask.lock'}); run this one once it has ended"]
    assert done.exists() and not (tmp_path / "c.db").exists()


def test_a_shard_that_stops_before_the_client_looks_at_what_runs_is_counted_stopped(monkeypatch) -> None:
    """The client said "stopped 1 shard" with two running (seen once under load): it set the run's stop, then asked
    the scheduler which shards were running. A shard that saw the stop and ended in between was no longer running,
    and the client, not told of its end yet (the scheduler tells it in batches), cancelled it as a shard not started:
    neither stopped nor late. The interleaving forced: a scheduler whose running shards end as soon as the stop is
    set, and a client told so only when it waits for them (dask's own objects, played by small fakes; the real
    cluster's test is above)."""
    import distributed

    from resolver import cluster

    class Future:
        def __init__(self, key: str) -> None:
            self.key, self.status, self.ended = key, "pending", False   # status: what the client knows

        def done(self) -> bool:
            return self.status != "pending"

        def result(self) -> dict:
            assert self.status == "finished", self.key
            return {"shard": self.key, "stopped": True}

    futures = [Future("shard-1"), Future("shard-2"), Future("shard-3")]   # two running, the third not started
    running = {"shard-1", "shard-2"}

    class Client:
        def processing(self) -> dict:
            return {"worker": [f.key for f in futures if f.key in running and not f.ended]}

        def cancel(self, cancelled: list) -> None:
            for f in cancelled:
                f.status = "cancelled"

    class Event:
        def __init__(self, name: str, client: object) -> None:
            pass

        def set(self) -> None:   # the running shards see the stop, commit and end at once
            for f in futures:
                f.ended = f.ended or f.key in running

    def wait(waited: list, timeout: float) -> None:   # the client hears of their end
        for f in waited:
            if f.ended and f.status == "pending":
                f.status = "finished"

    monkeypatch.setattr(distributed, "Event", Event)
    monkeypatch.setattr(distributed, "wait", wait)
    from types import SimpleNamespace

    jobs = [SimpleNamespace(stop="run-stop") for _ in futures]   # all `_stopped` reads of a ShardJob
    stopped = cluster._stopped(Client(), jobs, futures, reported=set())
    assert sorted(s["shard"] for s in stopped.summaries) == ["shard-1", "shard-2"] and stopped.unanswered == 0
    assert [f.status for f in futures] == ["finished", "finished", "cancelled"]


def test_sigterm_on_the_client_of_a_dask_run_exits_143_as_documented(tmp_path: Path, scheduler: str) -> None:
    """review40b: SIGTERM (`cli.Terminated`, which `stop_on_sigterm` raises) on the client of `--engine dask` stops
    the shards as Ctrl-C does, and the exit code is 143 as --help says. Before, run_on_cluster turned it into
    ShardsStopped, a plain KeyboardInterrupt, and the run exited 130, the code of a Ctrl-C."""
    from distributed import Client

    from resolver import cli as cli_module
    from resolver import cluster, pipeline
    from resolver.inputs import InputSpec

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "p1.html").write_text(tweet_page(1))
    out = tmp_path / "c.db"
    spec = InputSpec(files=(str(corpus),))
    jobs = [cluster.ShardJob(spec, Shard(1, 1), shard_db(out, Shard(1, 1)), pipeline.Steps(), seed=out)]

    def terminated(summary: dict[str, object]) -> None:
        raise cli_module.Terminated()   # SIGTERM, as the command's handler raises it, while the client waits
    with Client(scheduler) as client, pytest.raises(KeyboardInterrupt) as stopped:
        cluster.run_on_cluster(client, jobs, out=out, on_shard=terminated)
    assert isinstance(stopped.value, cluster.ShardsStopped)
    assert cli_module._interrupted(stopped.value) == cli_module.EXIT_TERMINATED == 143


# The tests that need a thread to spare on each worker, last: their cluster is started once, for them.

@pytest.fixture(scope="module")
def roomy_scheduler():
    """A cluster with a thread to spare on each worker: a task left running by a killed client does not hold up
    the next run's tasks (on a real cluster it rarely would). Started once for the module's tests that use it (one
    a test started two worker processes more each time); each test waits until no task runs before it ends."""
    import warnings

    with warnings.catch_warnings():   # its HTTP port is the module's cluster's: it takes another on loopback
        warnings.filterwarnings("ignore", "Port .* is already in use", UserWarning)
        local = _local_cluster(2)
    with local:
        yield local.scheduler_address


def test_a_rerun_while_a_killed_run_s_shard_still_runs_waits_for_it(tmp_path: Path, roomy_scheduler: str,
                                                                    threaded_net) -> None:
    """The client killed (kill -9: it cannot tell its shards to stop) while a shard waits on a link, and the same
    command run again at once, while that shard still runs: the new task of the shard waits for the old one to
    end, then goes on from its database. The two ran side by side in one database: the link was asked twice.
    The old shard is let go only once the new one says it waits (a timer let it go after 2 s: under load, before
    the new task had started, and the wait went untested); the server answers each request in a thread of its
    own, so a new task that did not wait would ask for the link while the old one still waits on it."""
    scheduler, fakenet = roomy_scheduler, threaded_net
    import subprocess
    import threading

    from resolver.cluster import WAITING
    from tests.corpusnet import problems

    hang, world, folder = _hanging_world(fakenet, tmp_path)
    args = ("scan", "--fetch", "--engine", "dask", "--scheduler", scheduler, "--shards", "2", str(folder))
    child = world.process(*args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert hang.waiting.wait(60), "no shard asked for the link"
    child.kill()
    child.wait(30)
    _wait_until_idle(scheduler, leaving=1)   # the other shard ends: the one waiting on the link is the only orphan
    told: list[dict] = []

    def release_once_told() -> None:
        """Lets the old shard go once the new run's task of its shard says it waits for it (at most 120 s on)."""
        import time

        import distributed

        try:
            with distributed.Client(scheduler, timeout="20s") as client:
                deadline = time.monotonic() + 120
                while not told and time.monotonic() < deadline and not hang.release.is_set():
                    # this test's waits only: the cluster served another test before this one
                    told.extend(msg for _, msg in client.get_events(WAITING) if msg["db"].startswith(str(tmp_path)))
                    time.sleep(0.05)
        finally:
            hang.release.set()
    watcher = threading.Thread(target=release_once_told, daemon=True)
    watcher.start()
    try:
        again = world(*args)
    finally:
        hang.release.set()
        watcher.join(30)
        _wait_until_idle(scheduler)
    assert again.exit_code == 0, again.output
    assert len(told) == 1 and told[0]["db"] == str(shard_db(world.db, Shard.parse(told[0]["shard"]))), told
    assert _asked(fakenet) == [f"/w{i:05d}" for i in range(8)]
    assert problems(world.db, 8) == []


def test_a_shard_database_still_in_use_is_merged_only_once_its_shard_ends(tmp_path: Path, roomy_scheduler: str,
                                                                          fakenet) -> None:
    """The client of a --shards 4 run killed while a shard waits on a link (that shard goes on), then run again at
    once with --shards 2: the client waits for that shard's lock before it merges its database (merged under it,
    what the shard did next would be lost, and its links asked again), and says why it waits. The shard is let go
    once the client said so (a timer of 5 s let it go: under load, before the client had looked at the locks)."""
    scheduler = roomy_scheduler
    import subprocess
    import threading

    from tests.corpusnet import problems

    hang, world, folder = _hanging_world(fakenet, tmp_path)
    args = ("scan", "--fetch", "--engine", "dask", "--scheduler", scheduler, str(folder))
    child = world.process(*args, "--shards", "4", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert hang.waiting.wait(60), "no shard asked for the link"
    child.kill()
    child.wait(30)
    again = world.process(*args, "--shards", "2", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    guard = threading.Timer(120, hang.release.set)   # only so that a client that never waits ends the test
    guard.start()
    said: list[str] = []
    try:
        for line in again.stderr:
            said.append(line)
            if "a shard of an earlier run still runs on the cluster" in line:
                break
        waited = not hang.release.is_set() and bool(said) and "still runs on the cluster" in said[-1]
        hang.release.set()
        said += again.communicate(timeout=300)[1].splitlines(keepends=True)
    finally:
        guard.cancel()
        hang.release.set()
        if again.poll() is None:
            again.kill()
        _wait_until_idle(scheduler)
    assert again.returncode == 0, "".join(said)
    assert waited, "".join(said)
    assert _asked(fakenet) == [f"/w{i:05d}" for i in range(8)]
    assert problems(world.db, 8) == []
    assert not list(tmp_path.glob("c.shard-*"))

