"""Beyond one machine, on an existing engine: the shards of a corpus run over a dask.distributed cluster.

Each shard K/N is one task: on whichever worker takes it, the same pipeline as a local run reads its slice of the
input (`--shard K/N`), into its own database next to the final one, a copy of the final one made when the shard
starts (SQLite's online backup): the shard's steps are answered from the cache as a local run's are, under the
same TTL rules, and a second run of the same command asks for nothing again. When every shard is done, the
client merges the shard databases into the final one (`cache merge`, which adds nothing twice: the copied rows
are the same facts) and removes them; an interrupted run leaves them, and the same command run again resumes
each shard where it stopped, from its database as it was left (not copied again). Run again with another number
of shards, it first merges what the earlier shards left into the final database (`take_over`), and the new
shards skip what those had finished. The databases and inputs must be on a file system every worker sees (as on
a Slurm cluster).

Politeness holds for the fleet, not per worker: each shard runs with its share of the network limits (global
and per-host concurrency, every [limits] budget such as Save Page Now's 15 a minute) divided by N.

Secrets never cross the wire: a task carries the config file's path and the flags, and each worker loads its
settings (tokens included) from that file and its own environment.
"""

from __future__ import annotations

import functools
import glob
import logging
import os
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from resolver.budgets import DEFAULT_LIMITS
from resolver.errors import InputError, UsageError
from resolver.inputs import InputSpec, Shard
from resolver.session import Mode
from resolver.settings import Settings

DASK_MISSING = "--engine dask needs dask.distributed: pip install 'embed-resolver[dask]'"


def share_of(settings: Settings, shards: int) -> Settings:
    """One shard's share of the run's network limits. A concurrency cannot go below one request, so with more
    shards than `per_host`, each shard still sends one at a time to a host (say so to the user)."""
    limits = {prefix: rate / shards for prefix, rate in {**DEFAULT_LIMITS, **settings.limits}.items()}
    return replace(settings, concurrency=max(1, settings.concurrency // shards),
                   per_host=max(1, settings.per_host // shards), limits=limits)


def shard_db(db: Path, shard: Shard) -> Path:
    """corpus.db -> corpus.shard-03-of-08.db, next to it."""
    width = len(str(shard.count))
    return db.with_name(f"{db.stem}.shard-{shard.index:0{width}d}-of-{shard.count}{db.suffix or '.db'}")


def shard_dbs(db: Path) -> dict[Path, int]:
    """The shard databases next to `db` that a run left (interrupted, or its client killed), with their count N;
    also those of which only a lock or a log is left (a shard stopped before its database was made)."""
    name = rf"({re.escape(db.stem)}\.shard-\d+-of-(\d+){re.escape(db.suffix or '.db')})"
    pattern = re.compile(name + r"(?:\.lock|\.seeding|-wal|-shm)?")
    found = {path.with_name(m.group(1)): int(m.group(2))
             for path in db.parent.glob(f"{glob.escape(db.stem)}.shard-*") if (m := pattern.fullmatch(path.name))}
    return dict(sorted(found.items()))


def progress_job(job: str) -> str:
    """What a shard's finished inputs are recorded under: the run's, whatever the shard and the number of shards,
    so that a run with another --shards goes on from what the shards of an interrupted one finished (#13). An input
    is in one shard only, and each shard has its own database: the shards' records never meet but in a merge."""
    return f"{job}:dask"


def remove(db: Path) -> None:
    """A shard database merged: it, its log, its lock and a copy that was being made of --db for it."""
    for suffix in ("", "-wal", "-shm", ".lock", ".seeding"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)


@contextmanager
def one_run(out: Path) -> Iterator[None]:
    """Held by the client for its whole run: one dask run into a database at a time. A second one, with another
    --shards, would merge and remove the shard databases the first had finished and not merged yet (`take_over`
    sees only that no shard holds them). Released by the system when the client dies (kill -9 included)."""
    import sqlite3

    path = out.with_name(out.name + ".dask.lock")
    lock = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        try:
            lock.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise
            raise InputError(f"another --engine dask run into {out} is under way (its client holds {path}); run "
                             f"this one once it has ended") from None
        yield
    finally:
        lock.close()


def take_over(out: Path, count: int, *, waiting: Callable[[Path], None]) -> list[Path]:
    """Before a run of `count` shards: merge into `out` the shard databases an earlier run left, when any was of
    another count (those of this count are gone on with in place, each by its shard). Their finished articles
    come with their records: the new shards, copies of `out`, skip them. A database still locked by a shard that
    runs (a killed client's) is waited for (`waiting` is told), never merged under it. Returns those merged."""
    from cache.merge import merge

    left = shard_dbs(out)
    if all(n == count for n in left.values()):
        return []
    with ExitStack() as locks:
        for db in left:
            locks.enter_context(alone(db, stop=None, waiting=functools.partial(waiting, db)))
        merged = [db for db in left if db.exists()]
        if merged:
            merge(out, merged)
        for db in left:   # each under its lock: an orphan's task cannot start again
            remove(db)
    return merged


@dataclass(frozen=True)
class ShardJob:
    """Everything one worker needs to run one shard (picklable; no secrets)."""

    spec: InputSpec
    shard: Shard
    db: Path
    steps: Any                                   # pipeline.Steps
    mode: Mode = Mode()
    config: Path | None = None
    overrides: Mapping[str, Any] = field(default_factory=dict)   # the command's network flags
    kind: str | None = None
    encoding: str | None = None
    job: str = "scan"
    warc: Path | None = None                     # with --archive: this shard's WARC file
    seed: Path | None = None                     # the final database, which a new shard database starts from
    stop: str | None = None                      # the run's distributed.Event: set, the shard stops (Ctrl-C)
    verbose: bool = False                        # -v: hand back the WARC records left out, one line each


def run_shard(job: ShardJob) -> dict[str, Any]:
    """Run one shard into its database (on a worker). Returns its summary, with where and how politely it ran."""
    from cache import Store
    from resolver import pipeline
    from resolver.session import Session
    from resolver.settings import load_settings

    settings = share_of(load_settings(path=job.config, overrides=dict(job.overrides)), job.shard.count)
    spec = replace(job.spec, shard=job.shard)
    summary = pipeline.Summary()
    with ExitStack() as stack:
        stopped = stack.enter_context(watching(job.stop)) if job.stop is not None else None
        stack.enter_context(alone(job.db, stop=stopped.is_set if stopped is not None else None,
                                  waiting=functools.partial(_say_waiting, job)))
        if job.seed is not None:
            seed_from(job.seed, job.db)
        store = stack.enter_context(Store(job.db))
        # One extraction process per task: dask runs the tasks side by side, and its worker processes may not fork.
        options = pipeline.RunOptions(workers=1, kind=job.kind, encoding=job.encoding, job=progress_job(job.job),
                                      stop=stopped.is_set if stopped is not None else None)
        warc = None
        if job.warc is not None:
            from resolver import __version__
            from resolver.redact import Redactor, secrets_of
            from resolver.warc import WarcWriter, run_config

            warc = WarcWriter(job.warc, software=f"embed-resolver/{__version__}",
                              config=run_config(settings, Redactor(secrets=secrets_of(settings))))
            stack.callback(warc.close)
        session = Session(settings, store=store, mode=job.mode, warc=warc)
        said = Said(redactor=session.redactor, verbose=job.verbose)
        items = pipeline.items_of(spec, session=session, options=options, summary=summary, passed_over=said.left)
        pipeline.run(items, session=session, steps=job.steps, emit=said, options=options, summary=summary)
    return {"shard": str(job.shard), "db": str(job.db), "pid": os.getpid(), "per_host": settings.per_host,
            "concurrency": settings.concurrency, "stopped": stopped is not None and stopped.is_set(),
            **asdict(summary), **said.handed_back()}


WAITING = "embed-resolver-shard-waits"   # the topic of the cluster's event log a shard's wait for its lock is told on


def _say_waiting(job: ShardJob) -> None:
    """Told once, on the cluster's event log (the dashboard shows it; `Client.get_events(WAITING)`), when the shard
    finds its lock held: a task of the same shard left running by a killed client, which it waits for."""
    from distributed import get_worker

    get_worker().log_event(WAITING, {"shard": str(job.shard), "db": str(job.db)})


ERRORS_KEPT = 50   # lines of a kind a shard hands back to the client; the rest are counted (errors: all in its db)


class Kept:
    """The first ERRORS_KEPT lines of one kind, and how many more: what crosses the wire stays small."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.more = 0

    def add(self, line: str) -> None:
        if len(self.lines) >= ERRORS_KEPT:
            self.more += 1
        else:
            self.lines.append(line)


class Said:
    """What a shard's run says as it goes, for the client to say as a local run does (#13: said on no terminal):
    the line of each input that failed, and apart, of each skipped (no error, and no row of the errors table, #2);
    with -v, of each WARC record left out; and which JSON Lines records gave
    the URL and id fields, or a value that could not be read there (the first of each, for the warning)."""

    def __init__(self, *, redactor: Any, verbose: bool) -> None:
        self.redactor, self.verbose = redactor, verbose
        self.errors, self.skipped, self.left_out = Kept(), Kept(), Kept()
        self.found = {"url": 0, "id": 0}
        self.unread: dict[str, tuple[int, str, str]] = {}   # field -> records, the first's source, what it held

    def __call__(self, outcome: Any) -> None:
        from resolver.pipeline import ArticleResult, Failure

        if isinstance(outcome, Failure):
            (self.skipped if outcome.warning else self.errors).add(outcome.line)
        elif isinstance(outcome, ArticleResult):
            self.found["url"] += outcome.url is not None
            self.found["id"] += outcome.record_id is not None
            for key, what in outcome.unread:
                count, source, first = self.unread.get(key, (0, outcome.article.source, what))
                self.unread[key] = (count + 1, source, first)

    def left(self, source: str, url: str, kind: str, why: str) -> None:
        from resolver.pipeline import left_out_line

        if self.verbose:
            self.left_out.add(left_out_line(source, url, why, redactor=self.redactor))

    def handed_back(self) -> dict[str, Any]:
        """Taken out of the shard's summary by the client before it prints it (its JSON keys stay as they were)."""
        return {"errors": self.errors.lines, "errors_not_shown": self.errors.more,
                "skipped_lines": self.skipped.lines, "skipped_not_shown": self.skipped.more,
                "left_out_lines": self.left_out.lines, "left_out_not_shown": self.left_out.more,
                "found": self.found, "unread": self.unread}


WATCH = 1.0   # seconds a watcher waits on the run's event at a time (it returns at once when the event is set)


@contextmanager
def watching(name: str) -> Iterator[threading.Event]:
    """A flag set once the run's distributed.Event `name` is (the client's Ctrl-C), for the pipeline to poll: a
    thread waits on the event, so the run asks nothing of the scheduler itself. If the scheduler cannot be asked,
    the shard goes on to its end, as it did before it could be stopped."""
    from distributed import Event, get_client

    # The worker's client, named here in the task's thread: the event, asked from another thread, has no other.
    event, stopped, ended = Event(name, client=get_client()), threading.Event(), threading.Event()

    def watch() -> None:
        while not ended.is_set():
            try:
                if event.wait(timeout=WATCH):
                    stopped.set()
                    return
            except Exception as exc:   # noqa: BLE001 - whatever it raised, a shard stopped by mistake is lost work
                logging.getLogger(__name__).warning("shard cannot see the run's stop, goes on to its end: %s", exc)
                return
    thread = threading.Thread(target=watch, name=f"stop-{name}", daemon=True)
    thread.start()
    try:
        yield stopped
    finally:
        ended.set()
        thread.join(WATCH + 1)


LOCK_POLL = 1.0   # seconds between two tries at a shard's lock, and looks at the run's stop


@contextmanager
def alone(db: Path, *, stop: Callable[[], bool] | None, waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the shard's lock while it runs. A task of the same shard left running by a killed client (dask cannot
    stop a task, and a client killed cannot tell it to) would go on side by side with the next run's in one
    database, both asking for the same links: the next one waits for it to end, then goes on from the database it
    left. An SQLite lock on a file next to the shard database: as good as the database's own locks on the shared
    file system. Stopped while it waits, it goes on without the lock: a run stopped reads no input. `waiting` is
    called once, when the lock is found held."""
    import sqlite3

    lock = sqlite3.connect(db.with_name(db.name + ".lock"), timeout=LOCK_POLL, isolation_level=None)
    try:
        while True:
            try:
                lock.execute("BEGIN EXCLUSIVE")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc):
                    raise
                if waiting is not None:
                    waiting()
                    waiting = None
                if stop is not None and stop():
                    break
        yield
    finally:
        lock.close()


def seed_from(final: Path, db: Path) -> None:
    """Start a shard's database as a copy of the final one, unless it is there already (left by an interrupted
    run: it holds what the shard finished, and is gone on with). The online backup API reads a consistent copy
    while the file is in WAL mode; the copy is made under another name and renamed, so a crash half-way leaves no
    shard database that looks whole."""
    import sqlite3

    if db.exists() or not final.exists():
        return
    building = db.with_name(db.name + ".seeding")
    for stale in (building, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)   # a log with no database would be played into the copy
    source, target = sqlite3.connect(final), sqlite3.connect(building)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    os.replace(building, db)


def connect(scheduler: str) -> Any:
    """A dask.distributed client of the scheduler at ADDRESS, or a one-line error."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageError(DASK_MISSING) from None
    try:
        return Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise InputError(f"cannot reach the dask scheduler at {scheduler}: {exc}") from None


def worker_threads(client: Any) -> int:
    """How many tasks the cluster runs at once: the default number of shards."""
    return max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))


class ShardsStopped(KeyboardInterrupt):
    """Ctrl-C on the client, once the running shards were told to stop: the summaries of those that came back
    (stopped, or at their end) and how many did not answer in time (they stop at their next look). `by`: the
    interrupt that stopped the client (a SIGTERM the command took as Ctrl-C gives its own exit code, 143)."""

    def __init__(self, summaries: list[dict[str, Any]], unanswered: int, by: BaseException | None = None) -> None:
        super().__init__()
        self.summaries, self.unanswered, self.by = summaries, unanswered, by


STOP_WAIT = 1.5   # seconds the client waits, after Ctrl-C, for the running shards to say they stopped


def run_on_cluster(client: Any, jobs: list[ShardJob], *, out: Path,
                   on_shard: Callable[[dict[str, Any]], None] | None = None) -> list[dict[str, Any]]:
    """Run every shard as a task, calling `on_shard` with each summary as it comes; then merge the shard databases
    into `out` and remove them. A failed shard stops the run with its error; the other shards' databases stay for
    a re-run. Ctrl-C sets the run's stop (each job's `stop` event), which the running shards poll: they commit
    what they finished and end; the shards not started are cancelled (ShardsStopped says which came back)."""
    from distributed import as_completed

    from cache import Store
    from cache.merge import merge

    futures = client.map(run_shard, jobs, pure=False)
    summaries, reported = [], set()
    try:
        for future in as_completed(futures):
            summary = future.result()
            if summary["stopped"]:   # only this run's client sets its stop: never merge a shard cut short
                raise InputError(f"shard {summary['shard']} was stopped before its end; its database stays next "
                                 f"to {out}: run the same command again to go on")
            if on_shard is not None:
                on_shard(summary)
            summaries.append(summary)
            reported.add(future.key)
    except KeyboardInterrupt as interrupt:
        raise _stopped(client, jobs, futures, reported=reported, by=interrupt) from None
    merge(out, [job.db for job in jobs])
    if jobs:   # the run went to its end: the same command, run again, starts afresh (as a local run's does)
        with Store(out) as store:
            store.forget_progress(progress_job(jobs[0].job))
    for job in jobs:
        remove(job.db)
    return summaries


def _stopped(client: Any, jobs: list[ShardJob], futures: list[Any], *, reported: set[Any],
             by: BaseException | None = None) -> ShardsStopped:
    """Tell the running shards to stop, cancel those not started, and wait a little for the running to answer. Which
    run is asked before the stop is set: asked after, a shard that saw the stop and ended in between ran no more, and
    the client, not yet told of its end (the scheduler tells it in batches), cancelled it as one not started: the
    line said "stopped 1 shard" with two running (times35)."""
    from distributed import Event, wait

    running = {key for keys in client.processing().values() for key in keys}
    for name in {job.stop for job in jobs if job.stop is not None}:
        Event(name, client=client).set()
    client.cancel([f for f in futures if f.key not in running and not f.done()])
    try:
        wait([f for f in futures if f.key in running], timeout=STOP_WAIT)
    except TimeoutError:
        pass
    came = [f.result() for f in futures if f.status == "finished" and f.key not in reported]
    return ShardsStopped(came, unanswered=sum(f.key in running and f.status != "finished" for f in futures), by=by)
