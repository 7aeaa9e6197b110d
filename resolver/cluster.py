"""Beyond one machine, on an existing engine: the shards of a corpus run over a dask.distributed cluster.

Each shard K/N is one task: on whichever worker takes it, the same pipeline as a local run reads its slice of the
input (`--shard K/N`), into its own database next to the final one, a copy of the final one made when the shard
starts (SQLite's online backup): the shard's steps are answered from the cache as a local run's are, under the
same TTL rules, and a second run of the same command asks for nothing again. When every shard is done, the
client merges the shard databases into the final one (`cache merge`, which adds nothing twice: the copied rows
are the same facts) and removes them; an interrupted run leaves them, and the same command run again resumes
each shard where it stopped, from its database as it was left (not copied again). The databases and inputs
must be on a file system every worker sees (as on a Slurm cluster).

Politeness holds for the fleet, not per worker: each shard runs with its share of the network limits (global
and per-host concurrency, every [limits] budget such as Save Page Now's 15 a minute) divided by N.

Secrets never cross the wire: a task carries the config file's path and the flags, and each worker loads its
settings (tokens included) from that file and its own environment.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack
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


def run_shard(job: ShardJob) -> dict[str, Any]:
    """Run one shard into its database (on a worker). Returns its summary, with where and how politely it ran."""
    from cache import Store
    from resolver import pipeline
    from resolver.session import Session
    from resolver.settings import load_settings

    settings = share_of(load_settings(path=job.config, overrides=dict(job.overrides)), job.shard.count)
    spec = replace(job.spec, shard=job.shard)
    # One extraction process per task: dask runs the tasks side by side, and its worker processes may not fork.
    options = pipeline.RunOptions(workers=1, kind=job.kind, encoding=job.encoding, job=f"{job.job}:shard={job.shard}")
    summary = pipeline.Summary()
    if job.seed is not None:
        seed_from(job.seed, job.db)
    with Store(job.db) as store, ExitStack() as stack:
        warc = None
        if job.warc is not None:
            from resolver import __version__
            from resolver.warc import WarcWriter

            warc = WarcWriter(job.warc, software=f"embed-resolver/{__version__}")
            stack.callback(warc.close)
        session = Session(settings, store=store, mode=job.mode, warc=warc)
        pipeline.run(pipeline.items_of(spec, session=session, options=options, summary=summary), session=session,
                     steps=job.steps, options=options, summary=summary)
        store.forget_progress(options.job or "")
    return {"shard": str(job.shard), "db": str(job.db), "pid": os.getpid(), "per_host": settings.per_host,
            "concurrency": settings.concurrency, **asdict(summary)}


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


def run_on_cluster(client: Any, jobs: list[ShardJob], *, out: Path,
                   on_shard: Callable[[dict[str, Any]], None] | None = None) -> Iterator[dict[str, Any]]:
    """Run every shard as a task, each summary as it comes; then merge the shard databases into `out` and remove
    them. A failed shard stops the run with its error; the other shards' databases stay for a re-run."""
    from distributed import as_completed

    from cache.merge import merge

    futures = client.map(run_shard, jobs, pure=False)
    for future in as_completed(futures):
        summary = future.result()
        if on_shard is not None:
            on_shard(summary)
        yield summary
    merge(out, [job.db for job in jobs])
    for job in jobs:
        for path in (job.db, job.db.with_name(job.db.name + "-wal"), job.db.with_name(job.db.name + "-shm")):
            path.unlink(missing_ok=True)
