#!/usr/bin/env python3
"""Benchmark: warm runs cost nothing (#14).

Over N fictional articles (default 60, tests/corpusnet.py), each with an X embed whose t.co link redirects to the
post and whose post has a photo, against a loopback 'internet' (tests/fakenet.py: a pytest-httpserver on 127.0.0.1, every service
host pointed at it through [origins]):

  1. `scan --resolve --fetch` cold, then again warm: the warm run must make no request (counted at the server)
     and take at most 1.2x a plain `scan` of the same folder on the same database (same run, medians).
  2. `report` cold, then again warm: the warm run must make no request.

Every command runs as a real process (`python -m resolver`), as a user runs it. Needs the test extras
(pytest-httpserver). Nothing leaves 127.0.0.1.

Usage: scripts/bench_warm.py [--articles 60] [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true",
                        help="both scans print JSON Lines instead of the table (the warm run prints more rows: "
                             "its resolutions and posts, which the table renders with rich)")
    args = parser.parse_args()
    from tests.cliworld import write_config
    from tests.corpusnet import LoopbackNet, have_test_extras, no_limits, write_folder

    if not have_test_extras():
        return 0
    with LoopbackNet(args.articles) as fakenet:
        with tempfile.TemporaryDirectory() as tmp:
            folder = write_folder(Path(tmp) / "articles", args.articles)
            # Wayback's rate budgets (CDX: 30 a minute) pace a real run; against loopback they only measure waiting.
            config = write_config(Path(tmp) / "config.toml", fakenet.origin, extra=no_limits())

            output = ["--json"] if args.json else []

            def run(db: str, *command: str) -> tuple[float, int]:
                """Wall time of one command as a process, and the requests the server saw meanwhile."""
                before = len(fakenet.hits)
                start = time.perf_counter()
                done = subprocess.run([sys.executable, "-m", "resolver", "--config", str(config), "--db",
                                       str(Path(tmp) / db), *command, str(folder)], capture_output=True, cwd=ROOT)
                elapsed = time.perf_counter() - start
                if done.returncode not in (0, 3):
                    raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
                return elapsed, len(fakenet.hits) - before

            cold_time, cold_requests = run("run.db", "scan", "--resolve", "--fetch", *output)
            warm, scan_only, warm_requests = [], [], []
            for _ in range(args.runs):      # alternating, so load on the machine hits both alike
                elapsed, asked = run("run.db", "scan", "--resolve", "--fetch", *output)
                warm.append(elapsed)
                warm_requests.append(asked)
                scan_only.append(run("run.db", "scan", *output)[0])
            report_cold = run("report.db", "report", "-o", str(Path(tmp) / "out"))
            report_warm = run("report.db", "report", "-o", str(Path(tmp) / "out"))
    ratio = statistics.median(warm) / statistics.median(scan_only)
    print(f"{args.articles} articles, medians of {args.runs} runs, output as {'JSON' if args.json else 'a table'}")
    print(f"scan --resolve --fetch, cold: {cold_time:6.2f} s, {cold_requests} requests")
    print(f"scan --resolve --fetch, warm: {statistics.median(warm):6.2f} s, requests per run {warm_requests}")
    print(f"scan alone (same database):   {statistics.median(scan_only):6.2f} s")
    print(f"warm / scan alone: {ratio:.2f}x  (aim <= 1.2x, and 0 requests)")
    print(f"report, cold: {report_cold[0]:6.2f} s, {report_cold[1]} requests; warm: {report_warm[0]:6.2f} s, "
          f"{report_warm[1]} requests  (aim 0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
