#!/usr/bin/env python3
"""Crash test (#12 "Writers and crashes"): SIGKILL `scan --resolve --fetch` at random moments, then run it again.

Over N fictional articles (tests/corpusnet.py) against a loopback 'internet', each trial starts on a fresh
database, kills the run after a random time within a complete run's duration, runs the same command again to
the end, and checks the database: PRAGMA integrity_check ok, each article once, no fetch (method and URL),
resolution or post observation recorded twice. Prints each trial and a summary; exit 1 if any trial found a
problem. The suite runs a short version (tests/test_database.py). Needs the test extras (pytest-httpserver).

Usage: scripts/crash_test.py [--kills 20] [--articles 60] [--seed 1]
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
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from tests.cliworld import World
    from tests.corpusnet import LoopbackNet, crash_trial, have_test_extras, no_limits, problems, write_folder

    if not have_test_extras():
        return 0
    rng = random.Random(args.seed)
    failed = 0
    with LoopbackNet(args.articles) as fakenet:
        with tempfile.TemporaryDirectory() as tmp:
            folder = write_folder(Path(tmp) / "articles", args.articles)
            # One complete run first: its duration is the span the kills are drawn from.
            whole = World(fakenet, Path(tmp), extra=no_limits())
            started = time.monotonic()
            code = whole.process("scan", "--resolve", "--fetch", str(folder), stdout=subprocess.DEVNULL).wait(600)
            span = time.monotonic() - started
            print(f"{args.articles} articles; an uninterrupted run: {span:.2f} s (exit {code}), "
                  f"problems: {problems(whole.db, args.articles) or 'none'}")
            landed = 0
            for trial in range(args.kills):
                at = rng.uniform(0.05, 0.9 * span)
                trial_dir = Path(tmp) / f"t{trial}"
                trial_dir.mkdir()
                world = World(fakenet, trial_dir, extra=no_limits())
                deadline = time.monotonic() + at
                killed, found = crash_trial(world, folder, args.articles, lambda: time.monotonic() >= deadline)
                landed += killed
                failed += bool(found)
                print(f"trial {trial + 1:2d}: kill at {at:5.2f} s {'(landed)' if killed else '(run had ended)'}: "
                      + ("ok" if not found else "; ".join(found[:5])), flush=True)
    print(f"{args.kills} trials, {landed} kills landed mid-run, {failed} with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
