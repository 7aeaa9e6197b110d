#!/usr/bin/env python3
"""Crash test (#12 "Writers and crashes"): SIGKILL `scan --resolve --fetch` at random moments, then run it again.

Over N fictional articles (tests/corpusnet.py) against a loopback 'internet', each trial starts on a fresh
database, kills the run after a random time within a complete run's duration, runs the same command again to
the end, and checks the database: PRAGMA integrity_check ok, each article once, no fetch (method and URL),
resolution or post observation recorded twice, no fetch row with nothing to show for it (#11). Two worlds, each
with its own kills: "plain" (posts from syndication) and "x-api-gone" (an X token, so posts come from the X API,
and every third post gone: its Wayback capture is looked up and read). Prints each trial and a summary; exit 1 if
any trial found a problem. The suite runs a short version (tests/test_database.py). Needs the test extras
(pytest-httpserver).

Usage: scripts/crash_test.py [--kills 20] [--articles 60] [--seed 1] [--worlds plain,x-api-gone]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20, help="kills per world")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--worlds", default="plain,x-api-gone")
    args = parser.parse_args()
    from tests.corpusnet import WORLDS, have_test_extras

    if not have_test_extras():
        return 0
    rng = random.Random(args.seed)
    failed = 0
    for name in args.worlds.split(","):
        failed += trials(name, WORLDS[name], args.articles, args.kills, rng)
    return 1 if failed else 0


def trials(name: str, posts, n: int, kills: int, rng: random.Random) -> int:
    """One world's trials; how many found a problem."""
    from tests.cliworld import World
    from tests.corpusnet import LoopbackNet, crash_trial, no_limits, problems, write_folder

    failed = landed = 0
    with LoopbackNet(n, posts) as fakenet, tempfile.TemporaryDirectory() as tmp:
        folder = write_folder(Path(tmp) / "articles", n)
        # One complete run first: its duration is the span the kills are drawn from.
        whole = World(fakenet, Path(tmp), extra=no_limits())
        started = time.monotonic()
        code = whole.process("scan", "--resolve", "--fetch", str(folder), env=posts.env(),
                             stdout=subprocess.DEVNULL).wait(600)
        span = time.monotonic() - started
        print(f"{name}: {n} articles; an uninterrupted run: {span:.2f} s (exit {code}), "
              f"problems: {problems(whole.db, n, photos=posts.photos(n)) or 'none'}")
        for trial in range(kills):
            at = rng.uniform(0.05, 0.9 * span)
            trial_dir = Path(tmp) / f"t{trial}"
            trial_dir.mkdir()
            world = World(fakenet, trial_dir, extra=no_limits())
            deadline = time.monotonic() + at
            killed, found = crash_trial(world, folder, n, lambda: time.monotonic() >= deadline, posts)
            landed += killed
            failed += bool(found)
            print(f"{name} trial {trial + 1:2d}: kill at {at:5.2f} s {'(landed)' if killed else '(run had ended)'}: "
                  + ("ok" if not found else "; ".join(found[:5])), flush=True)
    print(f"{name}: {kills} trials, {landed} kills landed mid-run, {failed} with problems")
    return failed


if __name__ == "__main__":
    raise SystemExit(main())
