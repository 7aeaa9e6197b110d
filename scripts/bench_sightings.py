#!/usr/bin/env python3
"""Benchmark: the "handle changed" evidence search, `Store.author_sightings`, on a synthetic cache (#9).

Builds a database of --observations post observations (200,000 by default: 20,000 accounts, 10 posts each,
one observation a post) and times the three searches a report makes for an embed whose handle is not the post's:

    own       the evidence is an answer about the post itself (read through the post's index)
    other     the evidence is another post's answer with the same author id, the newest observation
    none      `authors` saw the old handle with that id, but no observation names it with that id: every
              candidate is looked at and none found (the worst case)

each with the database's own indexes and again with the two indexes of m013 dropped (as before it), in the same
run, and checks that both give the same answers. Fictional accounts only; nothing touches the network.

Usage: scripts/bench_sightings.py [--observations 200000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cache.store import Store  # noqa: E402

INDEXES = ("post_observations_author", "authors_any_case")   # the indexes m013 creates


def build(path: Path, observations: int) -> Store:
    store = Store(path)
    conn, per_account = store.conn, 10
    with store.write():
        conn.execute("INSERT INTO fetches (id, url, method, fetched_at, status) VALUES (1, 'https://api.example/x', "
                     "'syndication', '2026-01-01T00:00:00Z', 200)")
        for n in range(observations):
            account, post_id = n // per_account, str(1_500_000_000_000_000_000 + n)
            record = {"author": {"handle": f"user{account}", "id": str(900_000 + account)}, "text": f"post {n}"}
            conn.execute("INSERT INTO posts (id, platform, post_id, author_handle, author_id) VALUES (?, 'twitter', "
                         "?, ?, ?)", [n + 1, post_id, f"user{account}", str(900_000 + account)])
            conn.execute("INSERT INTO post_observations (post_row, observed_at, method, status, fetch_id, record) "
                         "VALUES (?, '2026-01-01T00:00:00Z', 'syndication', 'available', 1, ?)",
                         [n + 1, json.dumps(record)])
            if n % per_account == 0:
                conn.execute("INSERT INTO authors (platform, handle, author_id) VALUES ('twitter', ?, ?)",
                             [f"user{account}", str(900_000 + account)])
        # An account that was @ghost, id 1: authors saw it; no observation shows it (the "none" case).
        conn.execute("INSERT INTO authors (platform, handle, author_id) VALUES ('twitter', 'ghost', '1')")
    return store


def cases(observations: int) -> dict[str, dict[str, str]]:
    last = observations - 1
    account = last // 10
    return {
        "own": {"handle": f"USER{account}", "post_id": str(1_500_000_000_000_000_000 + last),
                "author_id": str(900_000 + account)},
        "other": {"handle": f"user{account}", "post_id": "1", "author_id": str(900_000 + account)},
        "none": {"handle": "ghost", "post_id": "1", "author_id": "1"},
    }


def timed(store: Store, case: dict[str, str], runs: int) -> tuple[float, list[dict[str, object]]]:
    times, found = [], []
    for _ in range(runs):
        started = time.perf_counter()
        found = store.author_sightings("twitter", case["handle"], post_id=case["post_id"], author_id=case["author_id"])
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--observations", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        store = build(Path(folder) / "cache.db", args.observations)
        print(f"built {args.observations:,} observations in {time.perf_counter() - started:.1f} s")
        indexed = store.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                                     [INDEXES[0]]).fetchone() is not None
        results = {}
        for name, case in cases(args.observations).items():
            results[name] = timed(store, case, args.runs)
        for index in INDEXES if indexed else ():
            store.conn.execute(f"DROP INDEX {index}")
        same = True
        for name, case in cases(args.observations).items():
            without, found = timed(store, case, args.runs) if indexed else results[name]
            with_index, answer = results[name]
            same = same and found == answer
            label = f"with m013 {with_index:8.2f} ms   " if indexed else ""
            print(f"{name:6} {label}without {without:8.2f} ms   {len(answer)} found")
        print("answers identical with and without the index" if same else "ANSWERS DIFFER")
        store.close()
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
