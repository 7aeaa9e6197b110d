"""Warm runs (#14): a `scan --resolve --fetch` whose steps the cache answers runs in one thread, with no event loop
and no request. The first article the cache cannot answer hands the rest of the run to the event loop, and every
article prints the same line either way. (The time it takes is measured by scripts/bench_warm.py, not here.)"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from contextlib import closing
from pathlib import Path

import pytest

from resolver.pipeline import CtrlC
from resolver.workers import extract_items as REAL_EXTRACT_ITEMS
from tests.cliworld import World
from tests.corpusnet import FIRST_ID, article, no_limits, problems, serve, write_folder
from tests.test_startup import CODE

STEPS = ("scan", "--resolve", "--fetch", "--json")
# The cold runs that fill a test's cache (in-process) extract in this process: with the default workers (one a CPU)
# each forked the pytest process twice for its extraction pool. Extraction gives the cache the same rows either way,
# the workers are no part of a job's name (what a later run resumes), and the runs under test keep their --workers.
COLD = (*STEPS, "--workers", "1")
LOADED = CODE.format(unused=("asyncio", "httpx", "resolver.fetch.wayback"))   # prints those a run loaded


def lines(output: str) -> dict[str, dict]:
    return {Path(row["source"]).name: row for row in map(json.loads, output.splitlines())}


def test_a_warm_run_loads_no_event_loop_and_makes_no_request(tmp_path: Path, fakenet) -> None:
    serve(fakenet, 4)
    folder = write_folder(tmp_path / "articles", 4)
    world = World(fakenet, tmp_path, extra=no_limits())
    assert world(*COLD, str(folder)).exit_code == 0
    asked = len(fakenet.hits)
    python, _, _, *args = world.argv(*STEPS, str(folder))   # python -m resolver ARGS, as python -c LOADED ARGS
    warm = world.process(argv=[python, "-c", LOADED, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = warm.communicate(timeout=60)
    assert warm.returncode == 0, err
    assert len(fakenet.hits) == asked
    assert err.decode().splitlines()[-1] == ""   # none of them loaded
    rows = lines(out.decode()).values()
    assert len(rows) == 4 and all(json.dumps(row).count('"from_cache": true') == 3 for row in rows)  # 2 links, the post


def test_an_article_the_cache_cannot_answer_hands_the_rest_to_the_event_loop(tmp_path: Path, fakenet) -> None:
    serve(fakenet, 7)
    folder = write_folder(tmp_path / "articles", 6)
    world = World(fakenet, tmp_path, extra=no_limits())
    assert world(*COLD, str(folder)).exit_code == 0
    (folder / "0002b.html").write_text(article(6), encoding="utf-8")   # new, between cached ones
    asked = len(fakenet.hits)
    mixed = world(*STEPS, "--workers", "2", str(folder))
    assert mixed.exit_code == 0, mixed.output
    new = sorted((host, path.split("?")[0]) for host, path in fakenet.hits[asked:])
    # The new article's link, post and photo, nothing else.
    assert new == [("cdn.syndication.twimg.com", "/tweet-result"), ("pbs.twimg.com", "/media/w1600000000000000106.jpg"),
                   ("pic.twitter.com", "/w00006"), ("t.co", "/w00006")]
    assert list(lines(mixed.stdout)) == ["0000.html", "0001.html", "0002.html", "0002b.html", "0003.html",
                                         "0004.html", "0005.html"]
    # Run again: all cached, no event loop at all. Each article that was cached the first time printed the same
    # line in the run the event loop took over.
    warm = world(*STEPS, "--workers", "2", str(folder))
    assert len(fakenet.hits) == asked + len(new)
    again, first = lines(warm.stdout), lines(mixed.stdout)
    assert [name for name in again if again[name] != first[name]] == ["0002b.html"]


def test_ctrl_c_is_held_while_an_outcome_is_handed_on_and_marked_finished() -> None:
    # Python's own handler, as the CLI runs with it (a shell's background job starts with SIGINT ignored).
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    done = []
    try:
        with CtrlC().installed() as ctrl_c:
            with pytest.raises(KeyboardInterrupt):
                with ctrl_c.held():
                    os.kill(os.getpid(), signal.SIGINT)
                    done.append("handed on and marked")
            assert done == ["handed on and marked"]
            with pytest.raises(KeyboardInterrupt):   # not held: at once
                os.kill(os.getpid(), signal.SIGINT)
                done.append("not reached")
            assert done == ["handed on and marked"]
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)


# Batches (#13): the articles a warm run answers from the cache are recorded, stepped and marked finished in one
# write transaction (pipeline.Batch), not one each; it commits before the run reads standard input or waits long
# for a worker, so no other writer waits on the run's input.

def warm_world(tmp_path: Path, fakenet, n: int) -> tuple[World, Path]:
    serve(fakenet, n)
    folder = write_folder(tmp_path / "articles", n)
    world = World(fakenet, tmp_path, extra=no_limits())
    assert world(*COLD, str(folder)).exit_code == 0
    return world, folder


def test_a_warm_run_marks_its_articles_finished_in_batches_not_one_each(tmp_path: Path, fakenet,
                                                                        monkeypatch) -> None:
    """With workers, the articles settled in one go (those whose extraction had come) share one transaction. With
    one worker each article is scanned here, and no batch is held open while it is: one transaction each."""
    from cache import Store

    world, folder = warm_world(tmp_path, fakenet, 10)
    asked, marked, real = len(fakenet.hits), [], Store.mark_done

    def mark_done(self, job, rows, **kwargs):
        marked.append((len(rows), self.conn.in_transaction))
        return real(self, job, rows, **kwargs)
    monkeypatch.setattr(Store, "mark_done", mark_done)
    warm = world(*STEPS, "--workers", "2", str(folder))
    assert warm.exit_code == 0 and len(fakenet.hits) == asked and len(lines(warm.stdout)) == 10
    # The first article is scanned here (a run of one article starts no pool); the other nine come in groups.
    assert sum(n for n, _ in marked) == 10 and all(held for _, held in marked) and len(marked) <= 3, marked
    marked.clear()
    warm = world(*STEPS, "--workers", "1", str(folder))
    assert warm.exit_code == 0 and len(fakenet.hits) == asked and len(lines(warm.stdout)) == 10
    assert marked == [(1, True)] * 10


def ctrl_c_at(world: World, name: str, call: int, *args: str) -> int:
    """Run the command as a child that sends itself Ctrl-C as it calls `name` (of resolver.pipeline: "process_steps",
    "Batch.add"; or "memo.answer") for the `call`-th time; its exit status (130: stopped by Ctrl-C)."""
    owner, _, attribute = name.rpartition(".")
    where = owner if owner == "memo" else f"pipeline.{owner}" if owner else "pipeline"
    code = ("import os, signal, sys\nfrom resolver import memo, pipeline\nfrom resolver.cli import cli\n"
            f"real, calls = {where}.{attribute}, [0]\n"
            "def stopping(*a, **k):\n    calls[0] += 1\n"
            f"    if calls[0] == {call}:\n        os.kill(os.getpid(), signal.SIGINT)\n    return real(*a, **k)\n"
            f"{where}.{attribute} = stopping\ncli(args=sys.argv[1:], prog_name='embed-resolver')\n")
    python, _, _, *rest = world.argv(*args)
    stopped = world.process(argv=[python, "-c", code, *rest], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    _, err = stopped.communicate(timeout=60)
    assert stopped.returncode == 130, err
    return stopped.returncode


@pytest.mark.parametrize("memos", [False, True], ids=["steps-run", "memos-answer"])
def test_a_warm_run_killed_or_stopped_loses_only_its_open_batch(tmp_path: Path, fakenet, memos: bool) -> None:
    world, folder = warm_world(tmp_path, fakenet, 8)
    if not memos:   # the articles' steps run (their memos, made by the cold run, would answer them: #13)
        with closing(sqlite3.connect(world.db)) as db, db:
            db.execute("DELETE FROM step_memos")
    out = tmp_path / "found.jsonl"
    args = (*STEPS, "--workers", "1", "-o", str(out), str(folder))
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    # Killed as it marks its batch finished: the batch's lines are not in the file, and nothing is half-recorded.
    assert world.killed_at("Store.mark_done", *args, call=1, **quiet) == -signal.SIGKILL
    assert out.read_bytes() == b""
    # Stopped by Ctrl-C in the middle of the fifth article's steps: the four before it are committed, the fifth's
    # work is undone; run again, it does the other four, each article once, in order.
    assert ctrl_c_at(world, "memo.answer" if memos else "process_steps", 5, *args) == 130
    assert [Path(row["source"]).name for row in map(json.loads, out.read_text().splitlines())] == \
        [f"{n:04d}.html" for n in range(4)]
    again = world(*args)   # in this process: the kill and the Ctrl-C need processes of their own, not the re-run
    assert again.exit_code == 0, again.output
    assert "4 finished by an earlier run" in again.stderr
    assert [Path(row["source"]).name for row in map(json.loads, out.read_text().splitlines())] == \
        [f"{n:04d}.html" for n in range(8)]
    assert problems(world.db, 8) == []


def test_a_warm_run_holds_no_transaction_while_it_waits_for_standard_input(tmp_path: Path, fakenet) -> None:
    """Standard input streamed one article at a time: each is answered before the next comes, and while the run
    waits for more, another writer gets the database."""
    import select
    import sqlite3

    world, _ = warm_world(tmp_path, fakenet, 3)
    asked = len(fakenet.hits)
    run = world.process(*STEPS, "--workers", "1", "--jsonl", "-", "--html-field", "html", stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.stdin is not None and run.stdout is not None

    def answer() -> dict:
        ready, _, _ = select.select([run.stdout], [], [], 30)
        assert ready, "no answer while the run waits for more input"
        return json.loads(run.stdout.readline())
    try:
        got = []
        for n in range(2):
            run.stdin.write(json.dumps({"html": article(n)}).encode() + b"\n")
            run.stdin.flush()
            got.append(answer())
        other = sqlite3.connect(world.db, timeout=5)
        try:
            other.execute("BEGIN IMMEDIATE")   # another writer gets the database (locked: waits 5 s, then fails)
            other.rollback()
        finally:
            other.close()
        run.stdin.write(json.dumps({"html": article(2)}).encode() + b"\n")
        run.stdin.close()
        rest = run.stdout.read()
        assert run.wait(60) == 0, run.stderr.read() if run.stderr else b""
    finally:
        run.kill()
    assert len(fakenet.hits) == asked
    assert len(got) + len(rest.splitlines()) == 3
    assert all(json.dumps(row).count('"from_cache": true') == 3 for row in got)


def test_a_run_in_one_thread_sends_its_articles_to_the_workers_in_groups(tmp_path: Path, fakenet,
                                                                          monkeypatch) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from resolver.workers import Extractor

    world, folder = warm_world(tmp_path, fakenet, 13)
    tasks, submit = [], ProcessPoolExecutor.submit

    def counted(self, fn, *args, **kwargs):
        tasks.append(len(args[0]) if fn.__name__ == "extract_items" else fn.__name__)
        return submit(self, fn, *args, **kwargs)
    monkeypatch.setattr(ProcessPoolExecutor, "submit", counted)
    monkeypatch.setattr(Extractor, "GROUP", 4)
    for args in (STEPS, ("scan", "--json")):    # warm, and a plain scan
        tasks.clear()
        done = world(*args, "--workers", "2", str(folder))
        assert done.exit_code == 0 and len(lines(done.stdout)) == 13
        assert tasks == [4, 4, 4]   # the first article is scanned here
    # Standard input is not held back to fill a group (more of it may be slow to come): one task an article.
    tasks.clear()
    feed = "".join(json.dumps({"html": article(n)}) + "\n" for n in range(4))
    done = world(*STEPS, "--workers", "2", "--jsonl", "-", "--html-field", "html", input=feed)
    assert done.exit_code == 0 and len(done.stdout.splitlines()) == 4
    assert tasks == ["extract_alone"] * 3


def test_a_batch_waiting_for_a_worker_commits_once_its_time_is_up(tmp_path: Path, monkeypatch) -> None:
    from concurrent.futures import Future

    from cache import Store
    from resolver.inputs import Item
    from resolver.pipeline import Batch, Chunk, Failure, Summary

    monkeypatch.setattr(Chunk, "SECONDS", 0.2)
    store = Store(tmp_path / "c.db")
    batch = Batch(store, "job", Summary(), None)
    with batch.article():
        batch.add(Item("a.html", "a.html"), Failure("a.html", "unreadable"))
    assert store.conn.in_transaction
    done: Future = Future()
    done.set_result(None)
    batch.wait(done)                   # it has come: the batch goes on
    assert store.conn.in_transaction
    import threading

    late: Future = Future()            # a worker that does not answer in the batch's time: committed meanwhile
    committed = []
    threading.Timer(0.5, lambda: (committed.append(batch._open is None), late.set_result(None))).start()
    batch.wait(late)
    assert late.done() and committed == [True]
    assert not store.conn.in_transaction
    assert store.is_done("job", "a.html") is False and store.count("progress") == 1
    store.close()


def slow_extract_items(items, *args):
    """A worker's group that takes a while (forked workers take this module's patch of resolver.workers)."""
    import time

    from tests.test_warm_run import REAL_EXTRACT_ITEMS

    time.sleep(0.4)
    return REAL_EXTRACT_ITEMS(items, *args)


def test_a_warm_run_holds_no_transaction_while_it_waits_for_a_worker(tmp_path: Path, fakenet, monkeypatch) -> None:
    """The batch is committed when a worker keeps the run waiting past its time, and no new one is opened until
    the worker has answered: another writer never waits on an extraction (which can take 20 s an article)."""
    import sqlite3

    from resolver import workers
    from resolver.pipeline import Chunk

    world, folder = warm_world(tmp_path, fakenet, 3)
    monkeypatch.setattr(Chunk, "SECONDS", 0.05)
    monkeypatch.setattr(workers, "extract_items", slow_extract_items)
    locked, wait = [], workers.Member.wait

    def waited(self, timeout):
        if timeout is None and not self.done() and self.group.future is not None:   # as long as it takes
            other = sqlite3.connect(world.db, timeout=0)
            try:
                other.execute("BEGIN IMMEDIATE")
                other.rollback()
                locked.append(False)
            except sqlite3.OperationalError:
                locked.append(True)
            finally:
                other.close()
        return wait(self, timeout)
    monkeypatch.setattr(workers.Member, "wait", waited)
    warm = world(*STEPS, "--workers", "2", str(folder))
    assert warm.exit_code == 0 and len(lines(warm.stdout)) == 3
    assert locked and not any(locked)


def test_a_warm_run_stopped_as_an_article_is_handed_on_keeps_that_article_whole(tmp_path: Path, fakenet) -> None:
    """Ctrl-C while an article is handed on (held until it is marked) lands in its savepoint: the article it
    marks finished is committed with its rows, and its line is in the output file once; a re-run does the rest."""
    import sqlite3

    world, _ = warm_world(tmp_path, fakenet, 4)
    folder = tmp_path / "updated"   # new articles (their rows are new), whose links and posts are cached
    folder.mkdir()
    for n in range(4):
        (folder / f"{n:04d}.html").write_text(article(n).replace("</body>", "<p>Updated.</p></body>"), "utf-8")
    out = tmp_path / "found.jsonl"
    args = (*STEPS, "--workers", "1", "-o", str(out), str(folder))
    assert ctrl_c_at(world, "Batch.add", 3, *args) == 130
    con = sqlite3.connect(world.db)
    try:
        marked = con.execute("SELECT p.source, a.first_source FROM progress p LEFT JOIN articles a "
                             "ON a.id = p.article_id WHERE p.source LIKE ? ORDER BY p.source",
                             [f"{folder}%"]).fetchall()
    finally:
        con.close()
    assert [Path(source).name for source, _ in marked] == ["0000.html", "0001.html", "0002.html"]
    assert all(first == source for source, first in marked), marked   # each finished article's own row
    again = world(*args)   # in this process: the Ctrl-C needs a process of its own, not the re-run
    assert again.exit_code == 0, again.output
    assert [Path(row["source"]).name for row in map(json.loads, out.read_text().splitlines())] == \
        [f"{n:04d}.html" for n in range(4)]


@pytest.mark.parametrize("held", [False, True], ids=["at-once", "held"])
def test_ctrl_c_under_the_default_action_still_ends_the_process(held: bool) -> None:
    """A library caller whose SIGINT has the default action (SIG_DFL: the process ends, no KeyboardInterrupt):
    a run's handler hands Ctrl-C to that action, at once or when the hold ends; it is not lost."""
    import subprocess
    import sys

    code = ("import os, signal\nfrom resolver.pipeline import CtrlC\n"
            "signal.signal(signal.SIGINT, signal.SIG_DFL)\n"
            "with CtrlC().installed() as ctrl_c:\n"
            f"    with (ctrl_c.held() if {held} else open(os.devnull)):\n"
            "        os.kill(os.getpid(), signal.SIGINT)\n"
            "        print('held', flush=True)\n"
            "    print('not reached', flush=True)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=30,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == -signal.SIGINT, done.stderr
    assert done.stdout.decode().splitlines() == (["held"] if held else [])


# How long a test waits for an answer a run owes while its standard input stays open. A run that holds the answer
# back for more input never gives it, so the wait only bounds how long such a failure takes to show; it includes
# the child's start (its imports) and, for the first article, its first requests: 20 s ran out for article 0 at a
# load of 19 on 2 cores (review41c), with the run's requests answered and the answer on its way.
ANSWER_WAIT = 60


def streamed(world: World, args: tuple[str, ...], count: int) -> list[dict]:
    """Run `args` reading JSON Lines on standard input, fed one article at a time: each answer must come before the
    next article is sent (ANSWER_WAIT each at most). The answers, in order."""
    import select

    run = world.process(*args, "--workers", "2", "--jsonl", "-", "--html-field", "html",
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.stdin is not None and run.stdout is not None
    rows = []
    try:
        for n in range(count):
            run.stdin.write(json.dumps({"html": article(n)}).encode() + b"\n")
            run.stdin.flush()
            ready, _, _ = select.select([run.stdout], [], [], ANSWER_WAIT)
            assert ready, f"no answer to article {n} before the next was sent"
            rows.append(json.loads(run.stdout.readline()))
            assert rows[-1]["source"] == f"-:{n + 1}"
        run.stdin.close()
        assert run.stdout.read() == b"" and run.wait(60) == 0
    finally:
        run.kill()
    return rows


@pytest.mark.parametrize("steps", [(), ("--resolve", "--fetch")], ids=["plain", "warm"])
def test_standard_input_fed_an_article_at_a_time_gets_each_answer_before_the_next(tmp_path: Path, fakenet,
                                                                                steps: tuple[str, ...]) -> None:
    """With workers, a stream on standard input that sends one article and waits for its answer gets it: the run
    hands on what it read before waiting for more (it printed each answer one article late)."""
    world, _ = warm_world(tmp_path, fakenet, 4)
    asked = len(fakenet.hits)
    streamed(world, ("scan", *steps, "--json"), 4)
    assert len(fakenet.hits) == asked


def test_a_network_run_on_standard_input_fed_an_article_at_a_time_answers_each_before_the_next(
        tmp_path: Path, fakenet) -> None:
    """In the event loop too: reading standard input blocks the loop, so while work is in flight the run reads
    more only when some is there; a stream waiting for each answer gets it (it came when the input ended)."""
    serve(fakenet, 3)
    world = World(fakenet, tmp_path, extra=no_limits())
    rows = streamed(world, STEPS, 3)
    assert all(json.dumps(row).count('"from_cache": false') == 3 for row in rows)


def test_a_network_run_answers_what_it_read_while_the_next_article_is_half_written(tmp_path: Path, fakenet) -> None:
    """A producer that writes a line in pieces (a long article, a slow pipe) while work is in flight: the run does
    not wait for the rest of the line. The event loop read standard input whenever some bytes were there, and
    stopped every request in flight until the line was whole (a request could time out with its answer there)."""
    import select

    from werkzeug.wrappers import Response

    serve(fakenet, 3)

    def slow(n: int):   # the articles' links answer after the third article began
        def answer(request):
            time.sleep(1.0)
            return Response("", status=301, headers={"Location": f"https://twitter.com/RivertonRoads/status/"
                                                                 f"{FIRST_ID + n}"})
        return answer
    for n in (0, 1):
        fakenet.route("t.co", f"/w{n:05d}", slow(n))
    world = World(fakenet, tmp_path, extra=no_limits())
    run = world.process(*STEPS, "--workers", "2", "--jsonl", "-", "--html-field", "html",
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.stdin is not None and run.stdout is not None
    lines = [json.dumps({"html": article(n)}).encode() + b"\n" for n in range(3)]
    try:
        # The first two together (the run reads both at once, and starts the second when the first is done), then
        # half of the third while the first is in flight.
        for piece in (lines[0] + lines[1], lines[2][:len(lines[2]) // 2]):
            run.stdin.write(piece)
            run.stdin.flush()
            time.sleep(0.5)
        for n in (1, 2):
            ready, _, _ = select.select([run.stdout], [], [], ANSWER_WAIT)
            assert ready, f"no answer to article {n} while article 3 was half written"
            assert json.loads(run.stdout.readline())["source"] == f"-:{n}"
        run.stdin.write(lines[2][len(lines[2]) // 2:])
        run.stdin.close()
        assert json.loads(run.stdout.readline())["source"] == "-:3"
        assert run.stdout.read() == b"" and run.wait(60) == 0
    finally:
        run.kill()


@pytest.fixture
def threaded_net():
    """A loopback 'internet' whose server answers requests at once, each in a thread of its own."""
    from pytest_httpserver import HTTPServer

    from tests.fakenet import FakeNet

    server = HTTPServer(threaded=True)
    server.start()
    try:
        yield FakeNet(server)
    finally:
        server.clear()
        server.stop()


def test_a_network_run_starts_an_article_that_arrives_while_the_one_before_is_in_flight(tmp_path: Path,
                                                                                       threaded_net) -> None:
    """The second article arrives on standard input while the first one's link is being resolved: its work starts
    at once. Before, the run read standard input only when some work in flight ended: the second article waited
    for the first one's requests (here its link answers only once the second article's link was asked for)."""
    import threading

    from werkzeug.wrappers import Response

    fakenet = threaded_net
    serve(fakenet, 2)
    asked = threading.Event()
    waited: list[bool] = []

    def first(request):
        waited.append(asked.wait(60))   # the second article's link asked while this one waits: not by a clock
        return Response("", status=301, headers={"Location": f"https://twitter.com/RivertonRoads/status/{FIRST_ID}"})

    def second(request):
        asked.set()
        return Response("", status=301, headers={"Location": f"https://twitter.com/RivertonRoads/status/{FIRST_ID + 1}"})
    fakenet.route("t.co", "/w00000", first)
    fakenet.route("t.co", "/w00001", second)
    world = World(fakenet, tmp_path, extra=no_limits())
    run = world.process(*STEPS, "--workers", "2", "--jsonl", "-", "--html-field", "html",
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.stdin is not None
    lines = [json.dumps({"html": article(n)}).encode() + b"\n" for n in range(2)]
    try:
        run.stdin.write(lines[0])
        run.stdin.flush()
        time.sleep(0.5)   # the first article's link is being resolved
        out, err = run.communicate(lines[1], timeout=60)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 0, err.decode()
    assert [json.loads(line)["source"] for line in out.splitlines()] == ["-:1", "-:2"]
    assert waited == [True], "the second article started only after the first one's link answered"


def _statements_of_a_warm_run(fakenet, tmp_path: Path, n: int) -> list[str]:
    """The statements a warm live run's links and posts (n of each, from the cache) send to the database."""
    from cache import Store
    from resolver.fetch import FetchOptions, Target, fetch_posts
    from resolver.resolve import resolve_many
    from resolver.session import Session
    from tests.corpusnet import FIRST_ID
    from tests.test_fetch import settings_for

    serve(fakenet, n)
    links = [f"https://t.co/w{i:05d}" for i in range(n)]
    targets = [Target("twitter", str(FIRST_ID + i), f"https://twitter.com/RivertonRoads/status/{FIRST_ID + i}")
               for i in range(n)]
    settings = settings_for(fakenet, retries=0)

    async def job(session: Session) -> None:
        await resolve_many(links, session=session)
        await fetch_posts(targets, session=session, options=FetchOptions(media=False))
    with closing(Store(tmp_path / f"warm{n}.db")) as store:
        Session(settings, store=store).run(job)
        asked, statements = len(fakenet.hits), []
        store.conn.set_trace_callback(statements.append)
        Session(settings, store=store).run(job)
        store.conn.set_trace_callback(None)
    assert len(fakenet.hits) == asked   # all from the cache
    return statements


def test_a_warm_live_run_asks_whether_its_cached_answers_may_answer_in_no_query_per_answer(fakenet,
                                                                                            tmp_path: Path) -> None:
    """replay30: whether a cached answer may answer the run (`Session.takes_cached`: under --replay only its WARC's,
    live only one of a known age) is asked of the fetch log in one query for the run, not one per link or post."""
    few, many = (_statements_of_a_warm_run(fakenet, tmp_path, n) for n in (2, 6))
    asked = [[s for s in statements if "answered_at_unknown" in s or "via" in s and "warc_file" in s]
             for statements in (few, many)]
    assert len(asked[0]) == len(asked[1]) <= 1, asked
