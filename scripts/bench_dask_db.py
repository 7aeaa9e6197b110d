#!/usr/bin/env python3
"""Benchmark: what `scan --engine dask` pays for copying --db into every shard (#13).

Each shard's database starts as a copy of --db (SQLite's online backup), and the client merges every shard
database back into --db at the end. This builds a --db of about --mb (300) MB: a plain scan of --articles (200)
fictional pages for real rows, then fetch rows and kept bodies added by SQL, as a long-lived cache holds them. Then,
over a folder of --scan (32) new pages (scan only: no network), one at a time, each from a fresh copy of that --db:

  - local: `scan` with the local engine (the floor);
  - dask N: `scan --engine dask --shards N` for each N of --shards (4 16), on a LocalCluster of 2 worker processes
    with one thread each, on 127.0.0.1;
  - dask N, empty --db: the same with an empty --db (what the shards cost without the copies).

For each: the wall time of the command and the peak of the bytes held by the database folder (polled every 50
ms), beside the size of --db. Then, in this process, one copy (cluster.seed_from) and the merge of N copies
(cache.merge) on their own. Nothing leaves 127.0.0.1. Needs the dask extra (distributed).

Usage: scripts/bench_dask_db.py [--mb 300] [--articles 200] [--scan 32] [--shards 4 16] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _bench import ROOT, page  # noqa: E402

BODY = 4_096   # bytes of one kept body: a syndication answer


def build(db: Path, *, mb: int, articles: int, work: Path) -> None:
    """A --db of about `mb` MB: real rows from a scan, then what `--fetch` leaves per post, added by SQL: a kept
    body, three fetches (the t.co hop, the syndication answer, the photo) and a resolution. Rows more than bytes:
    the merge matches rows, so this is no easy case for it (a small `scan --fetch` database is 2/3 fetches,
    resolutions and observations, 1/10 bodies)."""
    folder = work / "seed-pages"
    folder.mkdir()
    for n in range(articles):
        (folder / f"s{n:05d}.html").write_text(page(100_000 + n, size=20_000))
    subprocess.run([sys.executable, "-m", "resolver", "--db", str(db), "scan", "-q", "--json", str(folder)],
                   check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    rng = random.Random(13)
    con = sqlite3.connect(db)
    headers = '{"content-type": "application/json; charset=utf-8", "server": "tsa_b", "x-cache": "HIT"}'
    n = 0
    while os.path.getsize(db) < mb * 1_000_000:
        bodies, fetches, resolutions = [], [], []
        for _ in range(1_000):
            n += 1
            sha, at = f"{n:064x}", f"2026-11-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:{n % 59:02d}.{n:06d}Z"
            link, post = f"https://t.co/w{n:08d}", f"https://twitter.com/reporter{n % 500}/status/{1600 * 10**15 + n}"
            bodies.append((sha, rng.randbytes(BODY)))
            fetches += [(link, "resolve", at, 301, None), (post, "syndication", at, 200, sha),
                        (f"https://pbs.twimg.com/media/w{n}.jpg", "media", at, 200, None)]
            resolutions.append((link, post, post, f'[{{"url": "{link}", "status": 301, "fetch_id": {3 * n}}}]', at,
                                f"[{3 * n}]"))
        with con:
            con.executemany("INSERT INTO bodies (sha256, data, bytes, content_type, stored_at) VALUES "
                            "(?, ?, 4096, 'application/json', '2026-11-01T00:00:00Z')", bodies)
            con.executemany("INSERT INTO fetches (url, contacted_url, method, fetched_at, status, headers, "
                            "body_sha256, body_bytes, elapsed_ms, purpose, tool_version) VALUES (?1, ?1, 'GET', "
                            f"?3, ?4, '{headers}', ?5, 4096, 80.0, ?2, '0.1')", fetches)
            con.executemany("INSERT INTO resolutions (url, final_url, canonical_url, hops, resolved_at, fetch_ids, "
                            "tool_version) VALUES (?, ?, ?, ?, ?, ?, '0.1')", resolutions)
    con.close()


def folder_bytes(folder: Path) -> int:
    total = 0
    for entry in os.scandir(folder):
        try:
            total += entry.stat().st_size if entry.is_file() else 0
        except OSError:
            pass
    return total


def timed(argv: list[str], *, folder: Path) -> tuple[float, int]:
    """Wall seconds of the command, and the peak bytes of the files directly in `folder` while it ran."""
    peak, done = [folder_bytes(folder)], threading.Event()

    def watch() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], folder_bytes(folder))
            time.sleep(0.05)
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    started = time.monotonic()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    seconds = time.monotonic() - started
    done.set()
    watcher.join()
    return seconds, peak[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=300)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--scan", type=int, default=32)
    parser.add_argument("--shards", type=int, nargs="+", default=[4, 16])
    parser.add_argument("--keep", type=Path, help="work in this folder and leave it (default: a temporary one)")
    args = parser.parse_args()
    try:
        from distributed import LocalCluster
    except ImportError:
        sys.exit("needs the dask extra: pip install 'embed-resolver[dask]'")
    from cache.merge import merge
    from resolver.cluster import seed_from

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-dask-db-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        big = work / "big.db"
        started = time.monotonic()
        build(big, mb=args.mb, articles=args.articles, work=work)
        size = os.path.getsize(big)
        print(f"--db: {size / 1e6:,.0f} MB, built in {time.monotonic() - started:.0f} s")
        corpus = work / "corpus"
        corpus.mkdir()
        for n in range(args.scan):
            (corpus / f"p{n:04d}.html").write_text(page(n))
        runs = work / "runs"
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None, silence_logs=50) as cluster:
            cases = [("local", None, True)] + [(f"dask {n}", n, full) for n in args.shards for full in (True, False)]
            print(f"{'run':<20} {'seconds':>8} {'peak MB in the folder':>22} {'x --db':>7}")
            for name, shards, full in cases:
                shutil.rmtree(runs, ignore_errors=True)
                runs.mkdir()
                db = runs / "corpus.db"
                if full:
                    shutil.copyfile(big, db)
                engine = ["--engine", "dask", "--scheduler", cluster.scheduler_address, "--shards", str(shards)] \
                    if shards else []
                seconds, peak = timed([sys.executable, "-m", "resolver", "--db", str(db), "scan", "-q", "--json",
                                       *engine, str(corpus)], folder=runs)
                label = name + ("" if full else ", empty --db")
                held = peak - (size if full else 0)
                print(f"{label:<20} {seconds:>8.1f} {peak / 1e6:>22,.0f} {held / size:>7.1f}")
        shutil.rmtree(runs, ignore_errors=True)
        runs.mkdir()
        started = time.monotonic()
        seed_from(big, runs / "copy.db")
        print(f"one copy of --db (seed_from): {time.monotonic() - started:.1f} s")
        for n in args.shards:
            copies = [runs / "copy.db"] + [runs / f"copy{k}.db" for k in range(1, n)]
            for extra in copies[1:]:
                shutil.copyfile(copies[0], extra)
            out = runs / "out.db"
            shutil.copyfile(big, out)
            started = time.monotonic()
            merge(out, copies)
            print(f"merge of {n} copies into --db (cache.merge): {time.monotonic() - started:.1f} s")
            for extra in [*copies[1:], out]:
                extra.unlink()
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
