"""Interrupting a real run (a subprocess): Ctrl-C stops it at once, kill -9 loses nothing, and the same
command run again finishes the rest with nothing duplicated."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from werkzeug.wrappers import Response

from cache import Store
from tests.test_warm_run import threaded_net  # noqa: F401 - a fixture: the links held do not hold up the others

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 24


def slow_redirect(request) -> Response:
    time.sleep(0.1)   # a slow shortener: the run is still going when it is interrupted
    return Response("", status=301, headers={"Location": "https://example.org/end" + request.path})


@pytest.fixture
def corpus(tmp_path: Path, fakenet) -> tuple[Path, Path]:
    return write_corpus(tmp_path, fakenet)


def write_corpus(tmp_path: Path, fakenet) -> tuple[Path, Path]:
    for n in range(ARTICLES):
        fakenet.route("t.co", f"/link{n:02d}", slow_redirect)
    fakenet.route("example.org", "/", lambda request: Response("<p>end</p>", content_type="text/html"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(ARTICLES):
        (folder / f"a{n:02d}.txt").write_text(
            f"Story {n}. https://t.co/link{n:02d} pic.twitter.com/x{n:02d}\n"
            f"— Riverton Roads (@RivertonRoads) December 6, 2022\n")
    config = tmp_path / "config.toml"
    config.write_text("[network]\nretries = 0\ntimeout = 5\nper_host = 2\n\n[origins]\n" + "".join(
        f'"{scheme}://{host}" = "{fakenet.origin}"\n' for host in ("t.co", "example.org", "pic.twitter.com")
        for scheme in ("https", "http")))
    return folder, config


def ctrl_c_as_at_a_terminal() -> None:
    """In the child: SIGINT handled as Python does by default. A suite started in the background (`scripts/test &`,
    nohup, some CI runners) ignores SIGINT, and a child inherits that: the run then never stopped."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def at_a_terminal() -> dict[str, object]:
    """Popen's keywords for a child that takes Ctrl-C as at a terminal: `preexec_fn=ctrl_c_as_at_a_terminal` where this
    process ignores SIGINT (a suite started in the background), none where it handles it or takes the default (a suite
    started at a terminal): a signal a process handles is SIG_DFL in the program it runs (exec), an ignored one stays
    ignored, so the child's SIGINT is SIG_DFL either way. With a preexec_fn, subprocess forks the whole pytest process
    (its page tables copied) where it otherwise starts the child with vfork: 10-20 ms of CPU a child against 1 ms,
    measured at 170-380 MB, for each of this suite's killed and interrupted children."""
    handler = signal.getsignal(signal.SIGINT)
    return {} if handler is signal.SIG_DFL or callable(handler) else {"preexec_fn": ctrl_c_as_at_a_terminal}


def network_args(tmp_path: Path, folder: Path, config: Path, *extra: str) -> list[str]:
    return ["--config", str(config), "--db", str(tmp_path / "run.db"), "scan", "--resolve", "--json", "--workers", "2",
            *extra, str(folder)]


def start(tmp_path: Path, folder: Path, config: Path, out: Path, *extra: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMBED_RESOLVER_")}
    env["PYTHONPATH"] = str(ROOT)
    command = [sys.executable, "-m", "resolver", *network_args(tmp_path, folder, config, *extra)]
    return subprocess.Popen(command, stdout=out.open("ab"), stderr=subprocess.PIPE, env=env, cwd=tmp_path,
                            **at_a_terminal())


def wait_for_lines(path: Path, count: int, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists() and path.read_text().count("\n") >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"the run printed fewer than {count} lines before stopping or timing out")


def check_finished(tmp_path: Path, out: Path, *, duplicates_allowed: int) -> None:
    sources = [json.loads(line)["source"] for line in out.read_text().splitlines()]
    assert sorted(set(sources)) == sorted(str(tmp_path / "corpus" / f"a{n:02d}.txt") for n in range(ARTICLES))
    assert len(sources) - len(set(sources)) <= duplicates_allowed
    store = Store(tmp_path / "run.db")
    assert store.count("articles") == ARTICLES and store.count("article_sources") == ARTICLES
    urls = [r[0] for r in store.db.execute("SELECT url FROM resolutions WHERE url LIKE 'https://t.co/%'")]
    assert len(urls) == len(set(urls)) == ARTICLES          # each link resolved once: the cache answered again
    assert store.count("embed_links") == 2 * ARTICLES and store.count("progress") == 0


@pytest.mark.parametrize("number, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_stops_at_once_and_the_rerun_finishes(tmp_path: Path, threaded_net, number: int, code: int) -> None:
    """Ctrl-C while links are in flight: the run stops without waiting for them (here they answer only once it
    has ended, and no timeout is in reach), and the same command run again finishes the rest. It was timed: under
    2 s from the signal to the end, which under load a run that stopped at once did not always keep. SIGTERM
    (systemd, Slurm, docker stop, `timeout`) stops it the same way, exit 143 (newuser39b #5: it died as if
    crashed, nothing said)."""
    import threading

    fakenet = threaded_net   # the links held do not hold up the others
    folder, config = write_corpus(tmp_path, fakenet)
    config.write_text(config.read_text().replace("timeout = 5\n", "timeout = 600\ndeadline = 600\n"))
    held = threading.Event()

    def later(request) -> Response:
        held.wait(300)
        return slow_redirect(request)
    for n in range(10, ARTICLES):
        fakenet.route("t.co", f"/link{n:02d}", later)
    out = tmp_path / "out.jsonl"
    proc = start(tmp_path, folder, config, out)
    try:
        wait_for_lines(out, 4, proc)
        proc.send_signal(number)
        _, err = proc.communicate(timeout=60)
        assert not held.is_set()   # it ended while links were in flight: it stopped, it did not wait for them
    finally:
        held.set()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == code, err
    assert b"interrupted: scanned " in err and b"run the same command again" in err and b"Traceback" not in err
    done = out.read_text().count("\n")
    assert 4 <= done <= 10
    code, err = run_here(tmp_path, network_args(tmp_path, folder, config), out)   # run again, in this process
    assert code == 0, err
    assert f"{done} finished by an earlier run".encode() in err and b"Traceback" not in err
    check_finished(tmp_path, out, duplicates_allowed=0)   # emitted and recorded as finished in one step


def test_kill_9_loses_nothing(tmp_path: Path, corpus) -> None:
    folder, config = corpus
    out = tmp_path / "out.jsonl"
    proc = start(tmp_path, folder, config, out)
    wait_for_lines(out, 6, proc)
    proc.kill()
    proc.communicate(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    code, err = run_here(tmp_path, network_args(tmp_path, folder, config), out)   # run again, in this process
    assert code == 0, err
    # Killed between printing an article and recording it as finished, at most one line comes out twice.
    check_finished(tmp_path, out, duplicates_allowed=1)


# A plain scan (no network step) records its articles in chunks (pipeline.Chunk): a chunk's articles and the
# progress rows marking them finished commit together, and its lines are printed just before. The run below is
# killed at a chosen moment by a wrapper: while reading its inputs (between chunks), while printing a chunk, or
# (scan --output) once the `at`-th chunk's lines are written to the file, before its transaction commits.
PLAIN = 300
KILLED_AT = """
import os, signal, sys
import cache.store
from resolver import cli, pipeline

at, where = int(os.environ["KILL_AT"]), os.environ["KILL_WHERE"]
if where == "written":
    real_record, calls = cache.store.Store.record_output, [0]

    def record_output(self, job, path, length, **kwargs):
        calls[0] += length > 0
        if length and calls[0] == at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real_record(self, job, path, length, **kwargs)
    cache.store.Store.record_output = record_output
elif where == "committing":     # Ctrl-C once the at-th chunk was handed on, before its transaction commits
    real_mark, calls = cache.store.Store.mark_done, [0]

    def mark_done(self, *args, **kwargs):
        calls[0] += 1
        if calls[0] == at:
            os.kill(os.getpid(), signal.SIGINT)
        return real_mark(self, *args, **kwargs)
    cache.store.Store.mark_done = mark_done
elif where.startswith(("before:", "after:")):   # killed at the at-th call of a method, on entry or once it returned
    import importlib

    when, name = where.split(":", 1)
    module, owner, method = name.rsplit(".", 2)
    owner = getattr(importlib.import_module(module), owner)
    real_method, calls = getattr(owner, method), [0]

    def killing(*args, **kwargs):
        calls[0] += 1
        if when == "before" and calls[0] == at:
            os.kill(os.getpid(), signal.SIGKILL)
        answer = real_method(*args, **kwargs)
        if when == "after" and calls[0] == at:
            os.kill(os.getpid(), signal.SIGKILL)
        return answer
    setattr(owner, method, killing)
elif where in ("reading", "ctrl-c"):
    real_items = pipeline.iter_items

    def iter_items(*args, **kwargs):
        for n, item in enumerate(real_items(*args, **kwargs)):
            if n == at:
                os.kill(os.getpid(), signal.SIGINT if where == "ctrl-c" else signal.SIGKILL)
            yield item
    pipeline.iter_items = iter_items
else:   # "printing": killed, "ctrl-c-printing": Ctrl-C, as the at-th line is printed
    real_emit, printed = cli._emit, [0]

    def _emit(outcome, **kwargs):
        printed[0] += 1
        if printed[0] == at:
            os.kill(os.getpid(), signal.SIGKILL if where == "printing" else signal.SIGINT)
        real_emit(outcome, **kwargs)
    cli._emit = _emit
cli.cli(sys.argv[1:], prog_name="embed-resolver")
"""


def plain_args(tmp_path: Path, folder: Path, *extra: str, form: str = "json") -> list[str]:
    return ["--db", str(tmp_path / "plain.db"), "scan", *(["--json"] if form == "json" else []), "--workers", "1",
            *extra, str(folder)]


def plain_scan(tmp_path: Path, folder: Path, out: Path, *extra: str, kill: tuple[str, int] | None = None,
               form: str = "json") -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMBED_RESOLVER_")}
    env["PYTHONPATH"] = str(ROOT)
    args = plain_args(tmp_path, folder, *extra, form=form)
    if kill is None:
        command = [sys.executable, "-m", "resolver", *args]
    else:
        command = [sys.executable, "-c", KILLED_AT, *args]
        env.update(KILL_WHERE=kill[0], KILL_AT=str(kill[1]))
    return subprocess.Popen(command, stdout=out.open("ab"), stderr=subprocess.PIPE, env=env, cwd=tmp_path,
                            **at_a_terminal())


def run_here(cwd: Path, args: list[str], out: Path, env: dict[str, str] | None = None) -> tuple[int, bytes]:
    """`embed-resolver ARGS` run in this process (click's CliRunner, as the other tests' `invoke` helpers do), in
    `cwd`, its stdout appended to `out` as a child's was: for a run that is not interrupted and whose process is not
    what is tested (the same command run again after the interrupted child, a refusal, a plain run). It spares the
    start of a child (its imports) and checks the same: its exit code and what it said. Returns both."""
    import contextlib
    import traceback

    from click.testing import CliRunner

    from resolver.cli import cli

    with contextlib.chdir(cwd):
        result = CliRunner(env=env).invoke(cli, args, prog_name="embed-resolver")
    with out.open("ab") as handle:
        handle.write(result.stdout_bytes)
    err = result.stderr_bytes
    # (`exc_info` is set by every run, a SystemExit(0) too: only an exception the command did not turn into an exit)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        err += "".join(traceback.format_exception(*result.exc_info)).encode()
    return result.exit_code, err


def plain_run(tmp_path: Path, folder: Path, out: Path, *extra: str, form: str = "json") -> tuple[int, bytes]:
    """`plain_scan`'s command, not killed, run in this process (`run_here`): its exit code and stderr."""
    return run_here(tmp_path, plain_args(tmp_path, folder, *extra, form=form), out)


@pytest.mark.parametrize("where, at", [("reading", 200), ("printing", 140)], ids=["between-chunks", "mid-chunk"])
def test_a_plain_scan_killed_loses_at_most_its_open_chunk_and_the_rerun_redoes_exactly_that(
        tmp_path: Path, where: str, at: int) -> None:
    from resolver.pipeline import Chunk

    folder = plain_folder(tmp_path)
    out = tmp_path / "out.jsonl"
    killed = plain_scan(tmp_path, folder, out, kill=(where, at))
    killed.communicate(timeout=60)
    assert killed.returncode == -signal.SIGKILL
    printed = [json.loads(line)["source"] for line in out.read_text().splitlines()]
    store = Store(tmp_path / "plain.db")
    recorded = {r[0] for r in store.db.execute("SELECT source FROM article_sources")}
    finished = {r[0] for r in store.db.execute("SELECT source FROM progress WHERE outcome = 'done'")}
    store.close()
    # The articles and the progress rows of a chunk commit together; every committed article was printed; what
    # was lost is the open chunk only (a chunk is at most Chunk.ARTICLES articles).
    assert recorded == finished and recorded <= set(printed) and 0 < len(recorded) < PLAIN
    assert len(printed) - len(recorded) < Chunk.ARTICLES
    if where == "reading":
        assert len(printed) == len(recorded)     # killed between chunks: nothing printed that is not recorded
    else:
        assert len(printed) == at - 1            # killed printing: the open chunk's lines so far were printed
    code, err = plain_run(tmp_path, folder, out)
    assert code == 0, err
    assert f"{len(recorded)} finished by an earlier run".encode() in err
    sources = [json.loads(line)["source"] for line in out.read_text().splitlines()]
    assert sorted(set(sources)) == sorted(str(folder / f"p{n:03d}.html") for n in range(PLAIN))
    # Redone: exactly what was not committed. Only the lines printed by the killed chunk come out twice.
    assert len(sources) == PLAIN + len(printed) - len(recorded)
    store = Store(tmp_path / "plain.db")
    assert store.count("articles") == store.count("article_sources") == store.count("embeds") == PLAIN
    assert store.count("progress") == 0


def plain_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "plain"
    folder.mkdir()
    for n in range(PLAIN):
        (folder / f"p{n:03d}.html").write_text(
            f'<p>Story {n}.</p><blockquote class="twitter-tweet"><p>Words {n}</p>&mdash; Desk (@desk{n}) '
            f'<a href="https://twitter.com/desk{n}/status/{1600000000000000000 + n}">May 1, 2023</a></blockquote>')
    return folder


def plain_feed(tmp_path: Path) -> Path:
    """`plain_folder`'s pages as a JSON Lines feed, a record a page (`{"html": PAGE}`): `feed.jsonl` in `tmp_path`."""
    pages = [f'<p>Story {n}.</p><blockquote class="twitter-tweet"><p>Words {n}</p>&mdash; Desk (@desk{n}) '
             f'<a href="https://twitter.com/desk{n}/status/{1600000000000000000 + n}">May 1, 2023</a></blockquote>'
             for n in range(PLAIN)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"html": page}) + "\n" for page in pages))
    return feed


_STOPPED: dict[tuple[str, str, int, str, str], tuple[Path, Path, int, bytes]] = {}
# The tests that ask for `stopped_world`: under scripts/test's pytest-xdist (--dist loadgroup) they run in one worker,
# so that each stopped run (a child scanning 300 files) is made once, not once in each worker that ran a test of it.
STOPPED_WORLDS = pytest.mark.xdist_group("stopped-worlds")


@pytest.fixture
def stopped_world(tmp_path_factory: pytest.TempPathFactory):
    """`stopped_world(OUT, (WHERE, AT), FORM)`: `plain_folder` scanned by a real child, `-o OUT` in FORM, interrupted by
    `plain_scan`'s kill (WHERE, AT), as many tests here and in test_output_file begin, the same each time (a 4th
    argument "feed": `plain_feed` read with --jsonl, not the folder). It is run once a test process and put aside;
    each test that asks gets a fresh copy of it (folder or feed, database, FILE, stdout) put back at the same fixed
    path, since the database and FILE name the inputs' and FILE's paths. No test sees another's writes; the copies
    keep the files' bytes and times (by which a resumed run knows its inputs). Returns that path (the `tmp_path` of
    the stopped run: `plain` or `feed.jsonl`, `plain.db`, OUT, `stdout` in it), the stopped child's exit code and its
    stderr, which each test checks as it did."""
    import shutil

    def make(out: str, kill: tuple[str, int], form: str = "json", source: str = "folder") -> tuple[Path, int, bytes]:
        key = (out, *kill, form, source)
        if key not in _STOPPED:
            where = tmp_path_factory.getbasetemp() / "stopped-{}-{}-{}-{}-{}".format(*key).replace(":", "-")
            saved = where.with_name(f"{where.name}.saved")
            for made in (where, saved):
                shutil.rmtree(made, ignore_errors=True)
            where.mkdir()
            if source == "feed":
                run = plain_scan(where, plain_feed(where), where / "stdout", "-o", str(where / out), "--jsonl",
                                 kill=kill, form=form)
            else:
                run = plain_scan(where, plain_folder(where), where / "stdout", "-o", str(where / out), kill=kill,
                                 form=form)
            _, err = run.communicate(timeout=60)
            shutil.copytree(where, saved, symlinks=True)
            _STOPPED[key] = (where, saved, run.returncode, err)
        where, saved, code, err = _STOPPED[key]
        shutil.rmtree(where)
        shutil.copytree(saved, where, symlinks=True)
        return where, code, err
    return make


def test_a_plain_scan_stopped_by_ctrl_c_commits_what_it_finished_and_the_rerun_does_the_rest(tmp_path: Path) -> None:
    """With no network step there is no event loop: Ctrl-C interrupts wherever the scan is, and what it had
    finished (its open chunk too) is recorded and printed before it stops, exit 130."""
    folder = tmp_path / "plain"
    folder.mkdir()
    for n in range(PLAIN):
        (folder / f"p{n:03d}.html").write_text(f'<p>Story {n}.</p><p>(Photo: Ann Lee/Agency {n})</p>')
    out = tmp_path / "out.jsonl"
    stopped = plain_scan(tmp_path, folder, out, kill=("ctrl-c", 200))
    _, err = stopped.communicate(timeout=60)
    assert stopped.returncode == 130, err
    printed = [json.loads(line)["source"] for line in out.read_text().splitlines()]
    assert f"interrupted: scanned {len(printed)} articles".encode() in err and b"Traceback" not in err
    store = Store(tmp_path / "plain.db")
    finished = {r[0] for r in store.db.execute("SELECT source FROM progress WHERE outcome = 'done'")}
    assert finished == set(printed) and len(printed) == len(set(printed)) and 0 < len(printed) < PLAIN
    assert store.count("articles") == len(printed)
    store.close()
    code, err = plain_run(tmp_path, folder, out)
    assert code == 0, err
    assert f"{len(printed)} finished by an earlier run".encode() in err and b"Traceback" not in err
    sources = [json.loads(line)["source"] for line in out.read_text().splitlines()]
    assert sorted(sources) == sorted(str(folder / f"p{n:03d}.html") for n in range(PLAIN))   # each once


@pytest.mark.parametrize("output", [False, True], ids=["stdout", "output-file"])
def test_interrupts31_a_ctrl_c_while_a_chunk_commits_commits_what_was_printed_and_counts_only_that(
        tmp_path: Path, output: bool) -> None:
    """newuser31b finding 3: a Ctrl-C that came after a chunk's lines were printed (or written to -o FILE), before
    its transaction committed, rolled the chunk back: the resumed run printed those articles again, FILE held
    results the cache lacked, and "interrupted: scanned N" counted them. Now the chunk commits first."""
    folder = plain_folder(tmp_path)
    out, stdout = tmp_path / "found.jsonl", tmp_path / "stdout"
    extra = ("-o", str(out)) if output else ()
    stopped = plain_scan(tmp_path, folder, stdout, *extra, "--workers", "2", kill=("committing", 2))
    _, err = stopped.communicate(timeout=60)
    assert stopped.returncode == 130, err
    printed = articles_in(out if output else stdout)
    done, _ = recorded(tmp_path / "plain.db")
    assert sorted(printed) == done and 0 < len(done) < PLAIN
    assert f"interrupted: scanned {len(done)} articles".encode() in err and b"Traceback" not in err
    code, err = plain_run(tmp_path, folder, stdout, *extra, "--workers", "2")
    assert code == 0, err
    assert f"{len(done)} finished by an earlier run".encode() in err
    assert articles_in(out if output else stdout) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN)]


@pytest.mark.parametrize("at", [1, 129, 140], ids=["first-line", "first-line-of-a-chunk", "mid-chunk"])
def test_left32_a_ctrl_c_while_a_chunk_is_printed_records_only_what_was_printed(tmp_path: Path, at: int) -> None:
    """interrupts31, left alone: a Ctrl-C during a chunk's hand-on committed all the chunk's article rows (recorded
    before the hand-on: it needs their ids) but marked finished only those printed. The cache then held articles
    no output showed, and the re-run recorded them again. Now what is recorded is what was printed, ids alike."""
    folder = plain_folder(tmp_path)
    out = tmp_path / "found.jsonl"
    stopped = plain_scan(tmp_path, folder, out, kill=("ctrl-c-printing", at))
    _, err = stopped.communicate(timeout=60)
    assert stopped.returncode == 130, err
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    printed = [line["source"] for line in lines]
    store = Store(tmp_path / "plain.db")
    sources = {r[0]: r[1] for r in store.db.execute("SELECT source, article_id FROM article_sources")}
    done, _ = recorded(tmp_path / "plain.db")
    assert sorted(sources) == done == sorted(printed) and len(printed) < at
    assert store.count("articles") == store.count("embeds") == len(printed)
    assert kept_articles(store) == {line["source"]: line["sha256"] for line in lines}
    store.close()
    assert f"interrupted: scanned {len(printed)} articles".encode() in err and b"Traceback" not in err
    code, err = plain_run(tmp_path, folder, out)
    assert code == 0, err
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["source"] for line in lines] == [str(folder / f"p{n:03d}.html") for n in range(PLAIN)]
    store = Store(tmp_path / "plain.db")
    assert store.count("articles") == store.count("article_sources") == store.count("embeds") == PLAIN
    assert kept_articles(store) == {line["source"]: line["sha256"] for line in lines}
    store.close()


def kept_articles(store: Store) -> dict[str, str]:
    """Each recorded source and its article's sha256, checking that its progress row, while the job is open, names
    the article recorded for that source (the id the hand-on had)."""
    rows = store.db.execute(
        "SELECT s.source, a.sha256, COALESCE(p.article_id = a.id, p.id IS NULL) FROM article_sources s JOIN articles a ON a.id = s.article_id "
        "LEFT JOIN progress p ON p.source = s.source AND p.outcome = 'done'").fetchall()
    assert all(same for _, _, same in rows)
    return {source: sha256 for source, sha256, _ in rows}


# scan --output FILE (#13): the run owns its output file. Each chunk's (or network article's) lines are written
# to it, fsync'ed, and its length recorded in the transaction that marks those articles finished; the same command
# run again cuts the file back to that length. After any kill the file holds each finished article once, in order.

def articles_in(path: Path, *, form: str = "json", folder: Path | None = None) -> list[str]:
    """The sources of the articles in an output file, in order; every line whole (JSON, or a table's lines)."""
    data = path.read_bytes()
    assert data == b"" or data.endswith(b"\n"), "a partial last line"
    if form == "json":
        return [json.loads(line)["source"] for line in data.decode().splitlines()]
    return [line.split()[0] for line in data.decode().splitlines() if line.startswith(str(folder))]


def recorded(db: Path) -> tuple[list[str], int | None]:
    """The sources the database marks finished (in input order) and the output length it recorded."""
    store = Store(db)
    try:
        done = sorted(r[0] for r in store.db.execute("SELECT source FROM progress WHERE outcome = 'done'"))
        row = store.db.execute("SELECT length FROM run_outputs").fetchone()
        return done, None if row is None else row[0]
    finally:
        store.close()


@pytest.mark.parametrize("where, at, form, workers", [
    pytest.param("reading", 200, "json", "1", marks=STOPPED_WORLDS), ("printing", 140, "json", "1"),
    ("written", 2, "json", "1"), ("printing", 140, "table", "1"), ("written", 2, "json", "2"),
], ids=["between-chunks", "mid-chunk", "written-not-committed", "mid-chunk-table", "written-2-workers"])
def test_a_plain_scan_with_output_killed_anywhere_holds_each_article_once_in_order(
        tmp_path: Path, stopped_world, where: str, at: int, form: str, workers: str) -> None:
    if (where, at, form, workers) == ("reading", 200, "json", "1"):
        # The run test_an_output_file_changed_since_the_interrupted_run_is_refused starts from, killed the same way
        # (one worker, JSON Lines into -o FILE, kill -9 as it reads input 200): a copy of it, made once.
        tmp_path, code, _ = stopped_world("found.jsonl", (where, at))
        folder, out, stdout = tmp_path / "plain", tmp_path / "found.jsonl", tmp_path / "stdout"
    else:
        folder = plain_folder(tmp_path)
        out, stdout = tmp_path / "found.out", tmp_path / "stdout"
        killed = plain_scan(tmp_path, folder, stdout, "-o", str(out), "--workers", workers, kill=(where, at),
                            form=form)
        killed.communicate(timeout=60)
        code = killed.returncode
    assert code == -signal.SIGKILL
    done, length = recorded(tmp_path / "plain.db")
    assert 0 < len(done) < PLAIN and length is not None
    # The database agrees with the file up to the length it recorded; past it, only the chunk being written when
    # the kill came, which the re-run cuts off.
    cut = tmp_path / "cut"
    cut.write_bytes(out.read_bytes()[:length])
    assert articles_in(cut, form=form, folder=folder) == done
    assert (out.stat().st_size > length) == (where == "written")
    code, err = plain_run(tmp_path, folder, stdout, "-o", str(out), "--workers", workers, form=form)
    assert code == 0, err
    assert f"{len(done)} finished by an earlier run".encode() in err
    assert articles_in(out, form=form, folder=folder) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN)]
    assert stdout.read_bytes() == b""       # the results went to the file
    store = Store(tmp_path / "plain.db")
    assert store.count("articles") == store.count("embeds") == PLAIN
    assert store.count("progress") == store.count("run_outputs") == 0
    store.close()


@STOPPED_WORLDS
def test_a_plain_scan_with_output_stopped_by_ctrl_c_goes_on_where_it_stopped(tmp_path: Path, stopped_world) -> None:
    tmp_path, code, err = stopped_world("found.jsonl", ("ctrl-c", 200))   # a copy of the shared stopped run
    folder, out, stdout = tmp_path / "plain", tmp_path / "found.jsonl", tmp_path / "stdout"
    assert code == 130, err
    done, length = recorded(tmp_path / "plain.db")
    assert articles_in(out) == done and out.stat().st_size == length and 0 < len(done) < PLAIN
    code, err = plain_run(tmp_path, folder, stdout, "-o", str(out))
    assert code == 0, err
    assert articles_in(out) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN)]


@STOPPED_WORLDS
@pytest.mark.parametrize("change, form", [("touched", "json"), ("edited", "json"), ("edited", "table")])
def test_a_file_touched_since_the_interrupted_run_is_not_done_again_and_an_edited_one_is(
        tmp_path: Path, stopped_world, change: str, form: str) -> None:
    """A file is known by its path, size and time: one only touched between the interrupted run and the next (a
    copy that resets times: rsync without -t, a checkout) was scanned again, and --output FILE, which "never
    repeats one", held it twice. The same bytes are done; other bytes are a new version, scanned, whose lines take
    the place of the stale ones (newuser34b #2: they were appended, the old line kept first, unmarked)."""
    tmp_path, code, err = stopped_world("found.out", ("ctrl-c", 200), form)   # a copy of the shared stopped run
    folder, out, stdout = tmp_path / "plain", tmp_path / "found.out", tmp_path / "stdout"
    assert code == 130, err
    before = articles_in(out, form=form, folder=folder)
    first = folder / "p000.html"
    if change == "edited":
        first.write_text(first.read_text().replace("1600000000000000000", "1700000000000000000"))
    os.utime(first, ns=(first.stat().st_atime_ns, first.stat().st_mtime_ns + 10**9))
    code, err = plain_run(tmp_path, folder, stdout, "-o", str(out), form=form)
    assert code == 0, err
    rest = [str(folder / f"p{n:03d}.html") for n in range(len(before), PLAIN)]
    assert 0 < len(before) < PLAIN and before[0] == str(first)
    assert articles_in(out, form=form, folder=folder) == before + rest   # each once, in input order
    text = out.read_text()
    assert ("1700000000000000000" in text, "1600000000000000000" in text) == \
        ((True, False) if change == "edited" else (False, True))
    assert (b"1 article changed since last scanned" in err) == (change == "edited")


@STOPPED_WORLDS
@pytest.mark.parametrize("form", ["json", "table"])
@pytest.mark.parametrize("where, at", [
    ("after:resolver.output.OutputFile._rewrite", 1),       # written beside, not recorded
    ("after:cache.store.Store.record_output", 1),            # recorded, not committed
    ("before:resolver.output.OutputFile._rename", 1),        # committed, not renamed over FILE
    ("after:resolver.output.OutputFile._rename", 1),         # renamed, the next chunk not begun
    ("after:cache.store.Store.record_output", 2),            # the next chunk's lines written, not committed
], ids=["rewritten", "recorded", "committed", "renamed", "next-chunk-written"])
def test_outfile35_a_rewrite_of_the_output_file_killed_at_any_step_leaves_a_file_the_next_run_finishes(
        tmp_path: Path, stopped_world, where: str, at: int, form: str) -> None:
    """A resumed run whose edited article's lines replace the stale ones rewrites FILE. The rewrite renamed the new
    file over FILE before the transaction recorded its length: a kill in between left FILE and the recorded length
    disagreeing, and the next run refused it (exit 2) or cut it where a line happened to end, losing finished
    articles' lines (review34r4). Killed at each step of the rewrite, the next run finishes FILE: every article
    once, in input order, the edited one in its current version."""
    from resolver.pipeline import Chunk

    tmp_path, code, err = stopped_world("found.out", ("ctrl-c", 40), form)   # a copy of the shared stopped run
    folder, out, stdout = tmp_path / "plain", tmp_path / "found.out", tmp_path / "stdout"
    assert code == 130, err
    assert 0 < len(articles_in(out, form=form, folder=folder)) < PLAIN - 2 * Chunk.ARTICLES   # 2 chunks or more left
    first = folder / "p000.html"
    first.write_text("<p>Story 0, corrected: the post is no longer shown.</p>")   # shorter lines: FILE shrinks
    killed = plain_scan(tmp_path, folder, stdout, "-o", str(out), kill=(where, at), form=form)
    _, err = killed.communicate(timeout=60)
    assert killed.returncode == -signal.SIGKILL, err
    code, err = plain_run(tmp_path, folder, stdout, "-o", str(out), form=form)
    assert code == 0, err
    assert articles_in(out, form=form, folder=folder) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN)]
    text = out.read_text()
    assert "1600000000000000000" not in text and "1600000000000000001" in text   # p000's current version only
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(f".{out.name}")]   # no temporary file left
    store = Store(tmp_path / "plain.db")
    assert store.count("progress") == store.count("run_outputs") == 0
    store.close()


@STOPPED_WORLDS
@pytest.mark.parametrize("form", ["json", "table"])
@pytest.mark.parametrize("now", [b"", b"\x00\x01\x02PK\x03\x04" * 40], ids=["emptied", "made-binary"])
def test_outfile35_a_file_edited_into_no_article_takes_its_stale_lines_out_of_the_output_file(
        tmp_path: Path, stopped_world, now: bytes, form: str) -> None:
    """A file the interrupted run finished, emptied or made binary since: its current state is no article, and the
    output file must say so. Before (review34r4), no line was written for a skipped file, so its stale line (the old
    bytes' embed) stayed in FILE as if current. In JSON Lines its line is now the skipped file's line; a plain FILE,
    which holds no line for an input that gave no article, holds none for it."""
    tmp_path, code, err = stopped_world("found.out", ("ctrl-c", 200), form)   # a copy of the shared stopped run
    folder, out, stdout = tmp_path / "plain", tmp_path / "found.out", tmp_path / "stdout"
    assert code == 130, err
    first = folder / "p000.html"
    first.write_bytes(now)
    code, err = plain_run(tmp_path, folder, stdout, "-o", str(out), form=form)
    assert code == 0, err
    assert [line for line in err.decode().splitlines() if line.startswith("warning: ") and str(first) in line
            and "skipped" in line]
    text = out.read_text()
    assert "1600000000000000000" not in text and "1600000000000000001" in text
    rest = [str(folder / f"p{n:03d}.html") for n in range(1, PLAIN)]
    if form == "table":
        assert articles_in(out, form=form, folder=folder) == rest
        return
    lines = [json.loads(line) for line in text.splitlines()]
    assert [line["source"] for line in lines] == [str(first), *rest]   # each once, in input order
    assert lines[0]["skipped"] is True and set(lines[0]) == {"source", "error", "skipped"}


@STOPPED_WORLDS
def test_outfile35_a_feed_record_changed_since_the_interrupted_run_replaces_its_line(tmp_path: Path,
                                                                                    stopped_world) -> None:
    """A JSON Lines feed is a list by line: `feed.jsonl:N` is the record at line N now. Its first record edited after
    an interrupted `--jsonl` run (longer: every later record's offset moves) was scanned again and its line appended,
    and so was every record after it the interrupted run had finished (a record's key holds its offset): FILE held
    the stale line and the new one of each. Now a record's new line takes the place of the line FILE holds for the
    same source, as an edited file's does."""
    # `plain_feed` into found.jsonl, Ctrl-C at record 200: a copy of the stopped run test_output_file shares too
    tmp_path, code, err = stopped_world("found.jsonl", ("ctrl-c", 200), "json", "feed")
    feed, out, stdout = tmp_path / "feed.jsonl", tmp_path / "found.jsonl", tmp_path / "stdout"
    pages = [json.loads(line)["html"] for line in feed.read_text().splitlines()]
    assert code == 130, err
    before = articles_in(out)
    assert 1 < len(before) < PLAIN
    pages[0] = "<p>Story 0, corrected at length: the post it showed is gone.</p>" + "<p>More words.</p>" * 20
    feed.write_text("".join(json.dumps({"html": page}) + "\n" for page in pages))
    code, err = plain_run(tmp_path, feed, stdout, "-o", str(out), "--jsonl")
    assert code == 0, err
    assert articles_in(out) == [f"{feed}:{n}" for n in range(1, PLAIN + 1)]   # each once, in input order
    text = out.read_text()
    assert "1600000000000000000" not in text and "1600000000000000001" in text
    assert json.loads(text.splitlines()[0])["embeds"] == []   # the record's current version


def test_outfile35_a_capture_appended_to_a_warc_since_the_interrupted_run_is_a_line_of_its_own(
        tmp_path: Path) -> None:
    """A WARC is written by appending: a page captured again is a new record, the earlier one unchanged. A response
    appended since the interrupted run is one new line, after the others; the earlier capture's line stays (it is a
    record of its own), each once, and the newest capture of the page is the line of its URL with the latest date."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    warc = tmp_path / "crawl.warc.gz"

    def capture(handle, n: int, page: str, date: str) -> None:
        writer = WARCWriter(handle, gzip=True)
        body = page.encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://news.example/{n}", "response", payload=io.BytesIO(body), http_headers=http, length=len(body),
            warc_headers_dict={"WARC-Date": date}))
    with warc.open("wb") as handle:
        for n in range(PLAIN):
            capture(handle, n, f'<p>Story {n}.</p><blockquote class="twitter-tweet"><p>Words {n}</p>&mdash; Desk '
                    f'(@desk{n}) <a href="https://twitter.com/desk{n}/status/{1600000000000000000 + n}">May 1, '
                    f'2023</a></blockquote>', "2023-05-01T10:00:00Z")
    out, stdout = tmp_path / "found.jsonl", tmp_path / "stdout"
    stopped = plain_scan(tmp_path, warc, stdout, "-o", str(out), "--warc-input", kill=("ctrl-c", 200))
    _, err = stopped.communicate(timeout=60)
    assert stopped.returncode == 130, err
    assert 1 < len(articles_in(out)) < PLAIN
    with warc.open("ab") as handle:
        capture(handle, 0, "<p>Story 0, corrected: the post is gone.</p>", "2023-05-02T10:00:00Z")
    code, err = plain_run(tmp_path, warc, stdout, "-o", str(out), "--warc-input")
    assert code == 0, err
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    sources = [line["source"] for line in lines]
    assert len(sources) == len(set(sources)) == PLAIN + 1 and sources[-1].startswith(f"{warc}#")
    first = sorted((line["warc_date"], line["embeds"]) for line in lines if line["url"] == "https://news.example/0")
    assert [len(embeds) for _, embeds in first] == [1, 0]   # the newest capture: no embed now


def test_a_fresh_run_starts_its_output_file_empty(tmp_path: Path) -> None:
    """A file left by something else, or by a run that went to its end, is started afresh, not appended to."""
    folder = plain_folder(tmp_path)
    out, stdout = tmp_path / "found.jsonl", tmp_path / "stdout"
    out.write_text('{"source": "left over"}\nhalf a li')
    wanted = [str(folder / f"p{n:03d}.html") for n in range(PLAIN)]
    for _ in range(2):
        code, err = plain_run(tmp_path, folder, stdout, "-o", str(out))
        assert code == 0, err
        assert articles_in(out) == wanted


@STOPPED_WORLDS
@pytest.mark.parametrize("change", ["shortened", "line-moved", "deleted"])
def test_an_output_file_changed_since_the_interrupted_run_is_refused(tmp_path: Path, stopped_world,
                                                                     change: str) -> None:
    """Going on could lose or repeat lines: one line, exit 2, the file left as it is; --no-resume starts over."""
    tmp_path, _, _ = stopped_world("found.jsonl", ("reading", 200))   # a copy of the shared killed run
    folder, out, stdout = tmp_path / "plain", tmp_path / "found.jsonl", tmp_path / "stdout"
    data = out.read_bytes()
    if change == "shortened":
        out.write_bytes(data[:-10])
    elif change == "line-moved":
        out.write_bytes(b"\n" + data[:-1])
    else:
        out.unlink()
    changed = out.read_bytes() if out.exists() else None
    code, err = plain_run(tmp_path, folder, stdout, "-o", str(out))
    assert code == 2
    lines = err.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: cannot go on writing {out}: "), err
    assert "--no-resume" in lines[0]
    assert (out.read_bytes() if out.exists() else None) == changed
    code, err = plain_run(tmp_path, folder, stdout, "-o", str(out), "--no-resume")
    assert code == 0, err
    assert articles_in(out) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN)]


@pytest.mark.parametrize("name, why", [("no-such-folder/found.jsonl", None),
                                       ("story.html/found.jsonl", "Not a directory")])
def test_an_output_file_that_cannot_be_written_is_a_one_line_error(tmp_path: Path, name: str, why: str | None) -> None:
    """A folder that does not exist is a bad -o value, exit 2, as it is for --db (newuser29 #12: it was exit 1 here,
    and `report -o` made the folders); a file where the folder should be is found on writing, exit 1."""
    from click.testing import CliRunner

    from resolver.cli import cli

    (tmp_path / "story.html").write_text("<p>Story.</p>")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "-o", str(tmp_path / name),
                                      str(tmp_path / "story.html")])
    if why is None:
        assert result.exit_code == 2
        assert result.stderr.splitlines()[-1] == (f"error: Invalid value for '-o' / '--output': the folder "
                                                  f"{(tmp_path / name).parent} does not exist (create it, or choose "
                                                  "another -o)")
        return
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"error: cannot write {tmp_path / name}: {why}"]


@pytest.mark.parametrize("how", ["file", "jsonl", "link"])
def test_an_output_file_that_is_an_input_is_refused_before_it_is_emptied(tmp_path: Path, how: str) -> None:
    """`scan -o feed.jsonl --jsonl feed.jsonl` started the output file empty, as a fresh run does, before reading
    it: the feed was lost, and the run said "scanned 0 articles", exit 0."""
    from click.testing import CliRunner

    from resolver.cli import cli

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"html": '<p>Story.</p><p>(Photo: Ann Lee/Agency)</p>'}) + "\n")
    story = tmp_path / "story.html"
    story.write_text("<p>Story.</p><p>(Photo: Ann Lee/Agency)</p>")
    (tmp_path / "also-story.html").symlink_to(story)
    target = {"file": story, "jsonl": feed, "link": story}[how]
    inputs = {"file": [str(story)], "jsonl": ["--jsonl", str(feed)], "link": [str(tmp_path / "also-story.html")]}[how]
    before = target.read_bytes()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--json", "-o", str(target), *inputs])
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[-1] == (f"error: {inputs[-1]} is both an input and the --output file; "
                                              f"name another output file")
    assert target.read_bytes() == before


def test_an_output_file_in_a_folder_scanned_is_not_read_as_an_article(tmp_path: Path) -> None:
    """`scan -o corpus/found.txt corpus/` scanned its own output, half written, as an article of the corpus: 300
    articles came out as 301, with some 256 embeds more, from the printed table's URLs."""
    from click.testing import CliRunner

    from resolver.cli import cli

    folder = plain_folder(tmp_path)
    for name in ("found.txt", "zz-found.txt"):   # read before the run writes it, and after
        out = folder / name
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / f"{name}.db"), "scan", "-o", str(out), str(folder)])
        assert result.exit_code == 0, result.output
        assert f"scanned {PLAIN} articles" in result.stderr
        assert str(out) not in out.read_text()
        out.unlink()


def test_an_output_file_in_a_folder_scanned_that_already_holds_something_is_refused(tmp_path: Path) -> None:
    """`scan -o corpus/p000.html corpus/`: the file, an article of the folder, was left out of the inputs as the
    run's own output and then emptied: the article was lost. Refused before anything is written, unless an
    interrupted run of the same job wrote it (resumed, as before)."""
    from click.testing import CliRunner

    from resolver.cli import cli

    folder = plain_folder(tmp_path)
    article = folder / "p000.html"
    before = article.read_bytes()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "-o", str(article), str(folder)])
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[-1] == (
        f"error: {article} is in a folder this run reads and already holds {len(before):,} bytes, which a fresh run "
        "would empty (an article of the folder would be lost): name an output file outside the folder, or remove it "
        "first")
    assert article.read_bytes() == before


def test_output_with_shards_and_without_a_store(tmp_path: Path) -> None:
    """Each shard is its own job with its own file; with --no-store there is no resume, and the file is written."""
    folder = plain_folder(tmp_path)
    stdout = tmp_path / "stdout"
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    killed = plain_scan(tmp_path, folder, stdout, "--shard", "1/2", "-o", str(first), kill=("written", 1))
    killed.communicate(timeout=60)
    assert killed.returncode == -signal.SIGKILL
    for shard, out in (("2/2", second), ("1/2", first)):
        code, err = plain_run(tmp_path, folder, stdout, "--shard", shard, "-o", str(out))
        assert code == 0, err
    one, two = articles_in(first), articles_in(second)
    assert sorted(one + two) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN)]
    assert one == sorted(one) and two == sorted(two) and 0 < len(one) < PLAIN
    alone = tmp_path / "alone.jsonl"
    code, err = plain_run(tmp_path, folder, stdout, "--no-store", "--workers", "2", "-o", str(alone))
    assert code == 0, err
    assert articles_in(alone) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN)]


def test_a_network_run_with_output_stopped_by_ctrl_c_goes_on_where_it_stopped(tmp_path: Path, corpus) -> None:
    folder, config = corpus
    out, stdout = tmp_path / "found.jsonl", tmp_path / "stdout"
    proc = start(tmp_path, folder, config, stdout, "-o", str(out))
    wait_for_lines(out, 4, proc)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=10)
    assert proc.returncode == 130, err
    done, length = recorded(tmp_path / "run.db")
    assert articles_in(out) == done and out.stat().st_size == length
    code, err = run_here(tmp_path, network_args(tmp_path, folder, config, "-o", str(out)), stdout)
    assert code == 0, err
    assert articles_in(out) == [str(folder / f"a{n:02d}.txt") for n in range(ARTICLES)]
    assert stdout.read_bytes() == b""


@pytest.mark.parametrize("method, call", [("Store.mark_done", 7), ("Store.record_output", 8)],
                         ids=["before-the-write", "written-not-committed"])
def test_a_network_run_with_output_killed_holds_each_article_once_in_order(
        tmp_path: Path, fakenet, method: str, call: int) -> None:
    """`scan --resolve --fetch --json -o FILE` over the loopback corpus world, SIGKILLed as it marks its 7th article
    finished (its line not yet written), or once the 7th line is written and fsync'ed but not committed (the
    first record_output is the open's); run again: the file has each article once, in order, and the database
    is whole."""
    from tests.cliworld import World
    from tests.corpusnet import no_limits, problems, serve, write_folder

    serve(fakenet, 10)   # killed at the 7th: 6 done before, 4 for the run again
    folder = write_folder(tmp_path / "articles", 10)
    world = World(fakenet, tmp_path, extra=no_limits())
    out = tmp_path / "found.jsonl"
    args = ("scan", "--resolve", "--fetch", "--json", "--workers", "2", "-o", str(out), str(folder))
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    assert world.killed_at(method, *args, call=call, **quiet) == -signal.SIGKILL
    done, length = recorded(world.db)
    assert len(done) == 6 and length is not None
    assert out.stat().st_size > length if method == "Store.record_output" else out.stat().st_size == length
    assert articles_in(out)[:6] == done
    again = world(*args)   # run again, in this process
    assert again.exit_code == 0, again.output
    assert articles_in(out) == [str(folder / f"{n:04d}.html") for n in range(10)]
    assert problems(world.db, 10) == []


@pytest.mark.parametrize("where, twins", [("reading", False), ("ctrl-c", False), ("reading", True)],
                         ids=["kill-9", "ctrl-c", "kill-9-twins"])
def test_a_resumed_report_run_indexes_the_reports_the_interrupted_run_wrote(tmp_path: Path, where: str,
                                                                            twins: bool) -> None:
    """`report -o DIR` over a folder, interrupted, then run again: the index names every report in DIR. It named
    only those the second run wrote (the first never got to write its index), so `--fail-on` did not see the
    checks of the reports written before the interruption either. Twins: the same file (name and bytes) in two
    folders, each with its own report whether it was written before the interruption or after."""
    folder, reports = tmp_path / "plain", tmp_path / "reports"
    folder.mkdir()
    for n in range(30):
        story, path = (n // 2, folder / "ab"[n % 2] / f"p{n // 2:02d}.txt") if twins else (n, folder / f"p{n:02d}.txt")
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"Story {story}.\nPhoto: Ann Lee/Agency {story}\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMBED_RESOLVER_")}
    env["PYTHONPATH"] = str(ROOT)
    args = ["--db", str(tmp_path / "r.db"), "report", "--offline", "--format", "json", "--workers", "1", "-q",
            "-o", str(reports), str(folder)]
    stopped = subprocess.run([sys.executable, "-c", KILLED_AT, *args], env={**env, "KILL_WHERE": where,
                             "KILL_AT": "20"}, cwd=tmp_path, capture_output=True, timeout=60,
                             **at_a_terminal())
    assert stopped.returncode in (130, -signal.SIGKILL), stopped.stderr
    assert 0 < len(list(reports.glob("p*.json"))) < 30
    code, err = run_here(tmp_path, args, tmp_path / "stdout")   # run again, in this process
    assert code == 0, err
    index = json.loads((reports / "index.json").read_text())
    assert sorted(e["report"] for e in index) == sorted(p.name for p in reports.glob("p*.json"))
    assert len(index) == 30 and b"wrote 30 reports and an index" in err


def test_reports_written_into_the_folder_reported_on_are_not_read_as_articles(tmp_path: Path) -> None:
    """`report -o corpus/reports corpus/` run again read the first run's reports (and index.md) as articles of the
    corpus: 30 articles became 62, with embeds found in the reports' text."""
    from click.testing import CliRunner

    from resolver.cli import cli

    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(5):
        (folder / f"p{n}.txt").write_text(f"Story {n}.\nPhoto: Ann Lee/Agency {n}\n")
    for _ in range(2):
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "r.db"), "report", "--offline", "-o",
                                          str(folder / "reports"), str(folder)])
        assert result.exit_code == 0, result.output
        assert "reported on 5 articles" in result.stderr and "wrote 5 reports" in result.stderr
    import shutil

    shutil.rmtree(folder / "reports")
    for around in (tmp_path, folder):   # a folder holding the one reported on (or that one) leaves nothing out
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "r.db"), "report", "--offline", "--no-resume",
                                          "-o", str(around), str(folder / "p0.txt"), str(folder / "p1.txt")])
        assert result.exit_code == 0 and "wrote 2 reports" in result.stderr, result.output
    feed = tmp_path / "reports" / "feed.jsonl"   # named, a file in the output folder is read
    feed.parent.mkdir()
    feed.write_text(json.dumps({"text": "Story.\nPhoto: Ann Lee/Agency"}) + "\n")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "r.db"), "report", "--offline", "-o", str(feed.parent),
                                      "--jsonl", str(feed)])
    assert result.exit_code == 0 and "wrote 1 report and" in result.stderr, result.output
    for name in os.listdir(folder):
        if not name.endswith(".txt"):
            os.remove(folder / name)   # the reports written into it just now: no longer this run's
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "r.db"), "report", "--offline", "-o", str(tmp_path),
                                      str(folder)])
    assert "reported on 5 articles" in result.stderr, result.output


@pytest.mark.parametrize("command", ["scan", "archive"])
def test_the_warc_a_run_writes_is_not_read_as_its_input(tmp_path: Path, command: str) -> None:
    """The WARC an --archive run appends to (by default next to --db) read as one of its --warc-input files: its own
    records, as they were written, came back as articles. Named, it is refused; in a folder, left out."""
    from click.testing import CliRunner

    from resolver.cli import cli
    from tests.test_inputs import WARC_RECORDS, write_warc

    crawls = tmp_path / "crawls"
    crawls.mkdir()
    write_warc(crawls / "c.warc.gz", WARC_RECORDS)
    own = write_warc(crawls / "archive.warc.gz", WARC_RECORDS)   # what an earlier run of the same kind left there
    args = ["--db", str(crawls / "run.db"), command, *(["--archive"] if command == "scan" else []), "--offline",
            "--json"]
    named = CliRunner().invoke(cli, [*args, "--warc-input", str(own)])
    assert named.exit_code == 2 and named.output.splitlines()[-1] == (
        f"error: {own} is both an input and the WARC this run writes (--warc); name another output file")
    walked = CliRunner().invoke(cli, [*args, "--warc-input", str(crawls)])
    assert walked.exit_code in (0, 3), walked.output
    store = Store(crawls / "run.db")
    sources = [row[0] for row in store.db.execute("SELECT source FROM article_sources")]
    store.close()
    assert sources and all(source.startswith(f"{crawls / 'c.warc.gz'}#") for source in sources), sources


# A run whose stdout was closed early (`scan … | head`, exit 141): the lines it wrote into the pipe before the
# reader went away were read by no one, so they are not "finished": the next run prints every article. Before,
# `scan --json DIR | head -3` then `scan --json DIR > all.jsonl` left out the articles the first run had written
# into the pipe ("34 finished by an earlier run"), with exit 0.

def read_then_close(proc: subprocess.Popen, count: int) -> bytes:
    """What `| head -n COUNT` does: read COUNT lines, close the pipe, and wait for the writer to end."""
    for _ in range(count):
        assert proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    return err


def piped(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.Popen:
    """The command with its stdout a pipe (the helpers above write into a file)."""
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd,
                            **at_a_terminal())


def plain_scan_into_head(tmp_path: Path, folder: Path, lines: int) -> tuple[int | None, bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMBED_RESOLVER_")}
    env["PYTHONPATH"] = str(ROOT)
    proc = piped([sys.executable, "-m", "resolver", "--db", str(tmp_path / "plain.db"), "scan", "--json",
                  "--workers", "1", str(folder)], env, tmp_path)
    err = read_then_close(proc, lines)
    return proc.returncode, err


def test_a_plain_scan_whose_stdout_was_closed_early_leaves_nothing_to_resume(tmp_path: Path) -> None:
    folder = plain_folder(tmp_path)
    code, err = plain_scan_into_head(tmp_path, folder, 3)
    assert code in (141, -signal.SIGPIPE) and err == b""
    out = tmp_path / "all.jsonl"
    code, err = plain_run(tmp_path, folder, out)
    assert code == 0, err
    assert b"finished by an earlier run" not in err
    assert articles_in(out) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN)]


def test_a_closed_stdout_forgets_only_its_own_run_an_interrupted_run_before_it_is_still_resumed(
        tmp_path: Path) -> None:
    """Ctrl-C into `>> out`, then a peek into `| head`, then `>> out` again: the peek's articles are printed
    again, the ones the interrupted run appended are not: out holds every article once."""
    folder = plain_folder(tmp_path)
    out = tmp_path / "out.jsonl"
    stopped = plain_scan(tmp_path, folder, out, kill=("ctrl-c", 100))
    _, err = stopped.communicate(timeout=60)
    assert stopped.returncode == 130, err
    before = len(articles_in(out))
    assert 0 < before < PLAIN
    code, err = plain_scan_into_head(tmp_path, folder, 2)
    assert code in (141, -signal.SIGPIPE) and err == b""
    code, err = plain_run(tmp_path, folder, out)
    assert code == 0, err
    assert f"{before} finished by an earlier run".encode() in err
    assert sorted(articles_in(out)) == sorted(str(folder / f"p{n:03d}.html") for n in range(PLAIN))


# A run that has started (taken its start, made its job) and waits, before it reads any input, until FLAG exists.
PAUSED_AT_START = """
import os, sys, time
from pathlib import Path
from resolver import cli, pipeline

flag, real_run = Path(os.environ["PAUSE_FLAG"]), pipeline.run

def run(*args, **kwargs):
    flag.with_suffix(".started").touch()
    while not flag.exists():
        time.sleep(0.02)
    return real_run(*args, **kwargs)
pipeline.run = run
cli.cli(sys.argv[1:], prog_name="embed-resolver")
"""


def test_a_closed_stdout_forgets_only_its_own_rows_not_a_concurrent_runs(tmp_path: Path) -> None:
    """Two runs of one job at once on one database (review26b #8): a `| head` peek starts, a long `>> out` run is
    interrupted while the peek is still running, then the peek's stdout is closed. The peek forgot every row
    finished since it started, the long run's too ("finished_at >= its start"), and the long run, run again,
    printed them again: a duplicate in out. Now a run forgets only the rows it finished itself (its run id)."""
    folder = plain_folder(tmp_path)
    out, flag = tmp_path / "out.jsonl", tmp_path / "peek.go"
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMBED_RESOLVER_")}
    env.update(PYTHONPATH=str(ROOT), PAUSE_FLAG=str(flag))
    peek = piped([sys.executable, "-c", PAUSED_AT_START, "--db", str(tmp_path / "plain.db"), "scan", "--json",
                  "--workers", "1", str(folder)], env, tmp_path)
    waited = 0.0
    while not flag.with_suffix(".started").exists():
        assert peek.poll() is None and waited < 60, peek.communicate()
        time.sleep(0.05)
        waited += 0.05
    stopped = plain_scan(tmp_path, folder, out, kill=("ctrl-c", 100))   # the long run, begun after the peek
    _, err = stopped.communicate(timeout=60)
    assert stopped.returncode == 130, err
    before = len(articles_in(out))
    assert 0 < before < PLAIN
    peek.stdout.close()   # the reader of the peek went away before it printed anything
    flag.touch()
    _, err = peek.communicate(timeout=60)
    assert peek.returncode in (141, -signal.SIGPIPE) and err == b""
    code, err = plain_run(tmp_path, folder, out)
    assert code == 0, err
    assert f"{before} finished by an earlier run".encode() in err
    assert sorted(articles_in(out)) == sorted(str(folder / f"p{n:03d}.html") for n in range(PLAIN))


def test_a_network_scan_whose_stdout_was_closed_early_leaves_nothing_to_resume(tmp_path: Path, corpus) -> None:
    folder, config = corpus
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMBED_RESOLVER_")}
    env["PYTHONPATH"] = str(ROOT)
    proc = piped([sys.executable, "-m", "resolver", "--config", str(config), "--db", str(tmp_path / "run.db"),
                  "scan", "--resolve", "--json", "--workers", "2", str(folder)], env, tmp_path)
    err = read_then_close(proc, 2)
    assert proc.returncode in (141, -signal.SIGPIPE) and err == b""
    out = tmp_path / "out.jsonl"
    code, err = run_here(tmp_path, network_args(tmp_path, folder, config), out)   # run again, in this process
    assert code == 0, err
    assert b"finished by an earlier run" not in err
    check_finished(tmp_path, out, duplicates_allowed=0)


def test_fix27s_a_stopped_run_over_urls_carrying_a_secret_keeps_no_token_and_the_rerun_resumes(
        tmp_path: Path, threaded_net) -> None:
    """An article URL carrying the configured X token, given to `scan`, in a run stopped by Ctrl-C: its progress
    row kept the token in `key` and `source` (review27a #1). The row is kept with the key hashed and the source
    redacted, and the same command run again still finds it: the first article is not done again."""
    import sqlite3
    import threading
    from contextlib import closing

    fakenet, token = threaded_net, "Zx9tokSECRET1234abcd"
    held = threading.Event()
    asked: list[str] = []

    def story(request) -> Response:
        asked.append(request.full_path)
        if request.path == "/two":
            held.wait(300)
        return Response("<html><body><p>A story about the bridge.</p></body></html>", content_type="text/html")
    for path in ("/story", f"/{token}/story", "/two"):
        fakenet.route("news.example", path, story)
    config = tmp_path / "config.toml"
    config.write_text(f'[network]\nretries = 0\ntimeout = 600\ndeadline = 600\n\n[origins]\n'
                      f'"https://news.example" = "{fakenet.origin}"\n')
    urls = [f"https://news.example/story?key={token}", f"https://news.example/{token}/story",
            "https://news.example/two"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMBED_RESOLVER_")}
    env.update(PYTHONPATH=str(ROOT), X_BEARER_TOKEN=token)
    command = [sys.executable, "-m", "resolver", "--config", str(config), "--db", str(tmp_path / "run.db"), "scan",
               "--resolve", "--json", "--workers", "1", *urls]
    out = tmp_path / "out.jsonl"

    def run() -> subprocess.Popen:
        return subprocess.Popen(command, stdout=out.open("ab"), stderr=subprocess.PIPE, env=env, cwd=tmp_path,
                                **at_a_terminal())
    proc = run()
    try:
        wait_for_lines(out, 2, proc)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        held.set()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    with closing(sqlite3.connect(tmp_path / "run.db")) as conn:
        rows = conn.execute("SELECT key, source, outcome FROM progress ORDER BY source").fetchall()
        dump = "\n".join(conn.iterdump())
    assert [(source, outcome) for _, source, outcome in rows] == [
        ("https://news.example/REDACTED/story", "done"), ("https://news.example/story?key=REDACTED", "done")]
    # keyed by the redacted URL, nothing made from the token (secrets28: a sha256 of the URL, token and all, let a
    # guessed token be checked against the database); the job's name is made from the redacted inputs too
    assert [key for key, _, _ in rows] == ["redacted:https://news.example/REDACTED/story",
                                           "redacted:https://news.example/story?key=REDACTED"]
    with closing(sqlite3.connect(tmp_path / "run.db")) as conn:
        [(job,)] = conn.execute("SELECT DISTINCT job FROM progress").fetchall()
    assert job == _job_with(urls, "Other5token6789wxyz", token)   # the same with any other token
    assert token not in dump and token.encode() not in (tmp_path / "run.db").read_bytes()
    assert token not in err.decode() and token not in out.read_text()
    asked.clear()
    code, err = run_here(tmp_path, command[3:], out, env={"X_BEARER_TOKEN": token})   # run again, in this process
    assert code == 0, err
    assert b"2 finished by an earlier run" in err
    assert asked == ["/two?"]   # the two articles finished before are not fetched again
    assert [json.loads(line)["source"] for line in out.read_text().splitlines()] == [
        "https://news.example/story?key=REDACTED", "https://news.example/REDACTED/story", "https://news.example/two"]


def _job_with(urls: list[str], token: str, secret: str) -> str:
    """The job name `scan --resolve --json --workers 1 URLS` has when the URLs carry the configured secret `token`
    where they carried `secret`."""
    from resolver import cli
    from resolver.inputs import InputSpec
    from resolver.pipeline import Steps
    from resolver.redact import Redactor
    from resolver.session import Mode

    spec = InputSpec(files=tuple(url.replace(secret, token) for url in urls))
    return cli._job_name("scan", Steps(resolve=True), Mode(), spec, kind=None, encoding=None,
                         redactor=Redactor(secrets=(token,)))


def test_outfile35_a_step_after_the_commit_is_taken_only_once_its_transaction_commits(tmp_path: Path) -> None:
    """`Store.after_commit`: the rename of a rewritten output file must follow the commit that records it; a
    transaction rolled back (or a savepoint of it) never takes the step."""
    store = Store(tmp_path / "c.db")
    taken: list[str] = []
    store.after_commit(lambda: taken.append("no transaction: at once"))
    with store.write():
        store.after_commit(lambda: taken.append("committed"))
        with pytest.raises(KeyError), store.write():
            store.after_commit(lambda: taken.append("savepoint undone"))
            raise KeyError
        assert taken == ["no transaction: at once"]
    with pytest.raises(KeyError), store.write():
        store.after_commit(lambda: taken.append("rolled back"))
        raise KeyError
    with store.write():
        pass
    assert taken == ["no transaction: at once", "committed"]
    store.close()


def _elsewhere(tmp_path: Path, where: str) -> Path:
    """A folder for the output file's target: beside it, or on another filesystem (/dev/shm, a tmpfs)."""
    if where == "same-folder":
        folder = tmp_path / "real"
    else:
        shm = Path("/dev/shm")
        if not (shm.is_dir() and os.access(shm, os.W_OK)) or shm.stat().st_dev == tmp_path.stat().st_dev:
            pytest.skip("no writable folder on another filesystem")
        folder = shm / f"review35r3-{os.getpid()}-{tmp_path.name}"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("form", ["json", "table"])
@pytest.mark.parametrize("where", ["same-folder", "other-filesystem"])
def test_review35r3_an_output_file_that_is_a_symlink_is_rewritten_through_it(
        tmp_path: Path, where: str, form: str) -> None:
    """-o FILE where FILE is a symbolic link: appended lines go through it to its target, and so must a rewrite
    (an edited article's lines replacing its stale ones). outfile35 wrote the rewrite beside the link's target and
    renamed it over the link: the link became a plain file, its target kept the stale, unfinished output; a target
    on another filesystem could not be renamed onto at all (EXDEV: exit 2, every run after refused)."""
    folder = plain_folder(tmp_path)
    real = _elsewhere(tmp_path, where)
    try:
        target = real / "found.out"
        out, stdout = tmp_path / "found.out", tmp_path / "stdout"
        out.symlink_to(target)
        stopped = plain_scan(tmp_path, folder, stdout, "-o", str(out), kill=("ctrl-c", 40), form=form)
        _, err = stopped.communicate(timeout=60)
        assert stopped.returncode == 130, err
        first = folder / "p000.html"
        first.write_text("<p>Story 0, corrected: the post is no longer shown.</p>")
        code, err = plain_run(tmp_path, folder, stdout, "-o", str(out), form=form)
        assert code == 0, err
        assert out.is_symlink() and out.resolve() == target.resolve()
        assert articles_in(target, form=form, folder=folder) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN)]
        assert "1600000000000000000" not in target.read_text()
        assert not [p.name for p in (*tmp_path.iterdir(), *real.iterdir()) if p.name.startswith(".found.out")]
    finally:
        if where != "same-folder":
            for path in real.iterdir():
                path.unlink()
            real.rmdir()


@STOPPED_WORLDS
def test_review35r3_a_rewrite_of_the_output_file_keeps_its_permissions(tmp_path: Path, stopped_world) -> None:
    """A user who made FILE private (chmod 640: a list of sources that may not be shown beyond the team's group)
    keeps it private through a resumed run that rewrites it. The rewrite was made with the default mode (0644 under
    the usual umask) and renamed over FILE: the run made the output readable by every user of the machine. The mode
    is neither that default nor the 0600 the rewrite is made with before it is given FILE's own: a rewrite left at
    0600 passed a check of 0600 (review41c)."""
    tmp_path, code, err = stopped_world("found.jsonl", ("ctrl-c", 40))   # a copy of the shared stopped run
    folder, out, stdout = tmp_path / "plain", tmp_path / "found.jsonl", tmp_path / "stdout"
    assert code == 130, err
    out.chmod(0o640)
    first = folder / "p000.html"
    first.write_text("<p>Story 0, corrected: the post is no longer shown.</p>")
    code, err = plain_run(tmp_path, folder, stdout, "-o", str(out))
    assert code == 0, err
    assert "1600000000000000000" not in out.read_text()   # rewritten
    assert out.stat().st_mode & 0o777 == 0o640


def test_review35r3_an_edited_input_whose_output_file_holds_lines_of_two_runs_keeps_only_its_current_one(
        tmp_path: Path) -> None:
    """A record that failed in a first interrupted run (its error line in FILE), was fixed and scanned by a second
    one (interrupted too: its line appended, as a retried input's is) and edited again before a third: the third
    run's line must replace every stale line of that source. It replaced only the first (the error line) and left
    the second run's line, the record's old version, in FILE as if current."""
    feed = tmp_path / "feed.jsonl"
    pages = [f'<p>Story {n}.</p><blockquote class="twitter-tweet"><p>Words {n}</p>&mdash; Desk (@desk{n}) '
             f'<a href="https://twitter.com/desk{n}/status/{1600000000000000000 + n}">May 1, 2023</a></blockquote>'
             for n in range(PLAIN)]

    def write(first: dict[str, object]) -> None:
        feed.write_text("".join(json.dumps(record) + "\n" for record in [first, *({"html": p} for p in pages[1:])]))

    out, stdout = tmp_path / "found.jsonl", tmp_path / "stdout"
    write({"nothing": 1})   # no field to read: an error line
    for at, then in ((200, {"html": pages[0]}), (150, {"html": "<p>Story 0, corrected: the post is gone.</p>"})):
        stopped = plain_scan(tmp_path, feed, stdout, "-o", str(out), "--jsonl", kill=("ctrl-c", at))
        _, err = stopped.communicate(timeout=60)
        assert stopped.returncode == 130, err
        write(then)   # fixed after the first run; edited after the second
    assert "1600000000000000000" in out.read_text()   # the second run's line of the record
    code, err = plain_run(tmp_path, feed, stdout, "-o", str(out), "--jsonl")
    assert code == 0, err
    text = out.read_text()
    assert "1600000000000000000" not in text and "1600000000000000001" in text   # no stale version left
    assert articles_in(out) == [f"{feed}:{n}" for n in range(1, PLAIN + 1)]   # each once, in input order


@STOPPED_WORLDS
@pytest.mark.parametrize("where", ["before:resolver.output.OutputFile._rename", "after:resolver.output.OutputFile._rename"],
                         ids=["committed", "renamed"])
def test_review35r3_an_output_file_deleted_after_a_committed_rewrite_is_said_to_be_gone(
        tmp_path: Path, stopped_world, where: str) -> None:
    """FILE deleted by the user after a run killed once it committed a rewrite: where the rewrite was not yet renamed
    over FILE it is whole, and the next run puts it in FILE's place; where it was, FILE is gone, and the next run
    says so (exit 2), as it does for a FILE gone with no rewrite pending. It said FILE's first bytes were not those
    the interrupted run wrote, of a file that is not there."""
    tmp_path, code, err = stopped_world("found.jsonl", ("ctrl-c", 40))   # a copy of the shared stopped run
    folder, out, stdout = tmp_path / "plain", tmp_path / "found.jsonl", tmp_path / "stdout"
    assert code == 130, err
    first = folder / "p000.html"
    first.write_text("<p>Story 0, corrected: the post is no longer shown.</p>")
    killed = plain_scan(tmp_path, folder, stdout, "-o", str(out), kill=(where, 1))
    _, err = killed.communicate(timeout=60)
    assert killed.returncode == -signal.SIGKILL, err
    out.unlink()
    code, err = plain_run(tmp_path, folder, stdout, "-o", str(out))
    if where.startswith("before:"):
        assert code == 0, err
        assert articles_in(out) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN)]
        return
    assert code == 2
    assert b"it is gone" in err and not out.exists()


def test_newuser46b_an_ignored_sigint_stays_ignored_and_help_says_to_send_sigterm_in_scripts() -> None:
    """newuser46b #6: `kill -INT` to a run a script had started in the background did nothing: sh starts background
    jobs with SIGINT ignored, and the run keeps it so, as nohup's convention asks. Kept (a run under nohup is not
    stopped by the terminal's Ctrl-C), and said where a user reads about stopping a run: in a script, send SIGTERM."""
    from click.testing import CliRunner

    from resolver.cli import cli
    from resolver.pipeline import CtrlC

    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with CtrlC().installed():
            signal.raise_signal(signal.SIGINT)   # taken by the run's handler, which does what was there before: nothing
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)
    said = " ".join(CliRunner().invoke(cli, ["scan", "--help"]).output.split())
    assert ("A run started in the background of a script ignores SIGINT (sh starts it so, and the run keeps it, as "
            "nohup's): stop it with kill -TERM (exit 143)") in said, said
