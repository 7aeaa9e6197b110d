#!/usr/bin/env python3
"""Benchmark: warm runs cost nothing (#14).

Fictional articles (tests/corpusnet.py), each with an X embed whose t.co link redirects to the post and whose post
has a photo, against a loopback 'internet' (a pytest-httpserver on 127.0.0.1, every service host pointed at it
through [origins]; the services' rate budgets off). Two figures, in one run:

  1. small: --articles (60) articles. `scan --resolve --fetch` cold, then warm runs alternating with a plain
     `scan` of the same folder on the same database, --runs times each, as a table and as --json (medians): the
     warm run makes no request (counted at the server) and takes at most 1.2x the plain scan. Then `report` cold
     and warm: the warm report makes no request.
  2. corpus: --corpus (1,000) articles, `scan --fetch --json -q --workers 2` cold, then warm alternating with a
     plain `scan --json -q --workers 2`, --corpus-runs times each (medians): 0 requests, at most 1.2x.

--x-token: every run has an X bearer token set (a fictional one; the X API is the loopback server too, asked first
for posts): a warm run with a secret set (#14). --against DIR: each figure measured for another checkout too (e.g.
`git archive main` unpacked), its commands run from DIR, interleaved with this tree's, each with its own database.

Every command runs as a real process (`python -m resolver`), with its bytecode cached in a throwaway
PYTHONPYCACHEPREFIX as an installed package has it (--no-bytecode-cache: compiled at every start, as an editable
checkout under PYTHONDONTWRITEBYTECODE; the warm run loads more of our modules, so it pays more for that).
Needs the test extras (pytest-httpserver). Nothing leaves 127.0.0.1.

Usage: scripts/bench_warm.py [--articles 60] [--runs 5] [--corpus 1000] [--corpus-runs 3] [--no-bytecode-cache]
                             [--x-token] [--against DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
AIM = 1.2


class Runner:
    """Runs embed-resolver commands against one loopback net: wall time and requests the server saw meanwhile."""

    def __init__(self, fakenet: object, config: Path, folder: Path, env: dict[str, str], cwd: Path = ROOT) -> None:
        self.fakenet, self.config, self.folder, self.env, self.cwd = fakenet, config, folder, env, cwd

    def at(self, cwd: Path) -> Runner:
        """The same runner for the checkout at `cwd` (`python -m resolver` from there runs its code), with its own
        bytecode cache: else the first tree's cold run alone compiles the dependencies both load."""
        env = dict(self.env)
        if "PYTHONPYCACHEPREFIX" in env:
            env["PYTHONPYCACHEPREFIX"] += "-against"
        return Runner(self.fakenet, self.config, self.folder, env, cwd)

    def __call__(self, db: Path, *command: str) -> tuple[float, int]:
        before = len(self.fakenet.hits)  # type: ignore[attr-defined]
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "resolver", "--config", str(self.config), "--db", str(db),
                               *command, str(self.folder)], capture_output=True, cwd=self.cwd, env=self.env)
        elapsed = time.perf_counter() - start
        if done.returncode not in (0, 3):
            raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
        return elapsed, len(self.fakenet.hits) - before  # type: ignore[attr-defined]


def warm_against_scan(runs_of: list[tuple[Runner, Path]], warm: list[str], scan: list[str],
                      runs: int) -> list[tuple[float, float, list[int]]]:
    """For each (runner, database): medians of the warm run and of the plain scan (alternating, and the checkouts
    in turn, so the machine's other load hits them all alike), and the requests each warm run made."""
    found: list[tuple[list[float], list[float], list[int]]] = [([], [], []) for _ in runs_of]
    for _ in range(runs):
        for (run, db), (warm_times, scan_times, requests) in zip(runs_of, found, strict=True):
            elapsed, asked = run(db, *warm)
            warm_times.append(elapsed)
            requests.append(asked)
            scan_times.append(run(db, *scan)[0])
    return [(statistics.median(w), statistics.median(s), r) for w, s, r in found]


def trees(run: Runner, args: argparse.Namespace) -> list[tuple[str, Runner]]:
    """This checkout's runner, and with --against the other's."""
    return [("this tree", run)] + ([(f"--against {args.against}", run.at(args.against))] if args.against else [])


@contextmanager
def world(articles: int, tmp: Path, env: dict[str, str]) -> Iterator[Runner]:
    """A loopback net serving `articles` articles' routes, their folder, and a config pointing every service at it
    (the X API too: with an X token in `env`, it is asked first)."""
    from tests.cliworld import write_config
    from tests.corpusnet import LoopbackNet, Posts, no_limits, write_folder

    with LoopbackNet(articles, Posts(x_token="X_BEARER_TOKEN" in env)) as fakenet:
        folder = write_folder(tmp / f"articles-{articles}", articles)
        config = write_config(tmp / f"config-{articles}.toml", fakenet.origin, extra=no_limits())
        yield Runner(fakenet, config, folder, env)


def small(args: argparse.Namespace, env: dict[str, str], tmp: Path) -> None:
    with world(args.articles, tmp, env) as first:
        print(f"small: {args.articles} articles, medians of {args.runs} alternating runs")
        runs_of = []
        for i, (tree, run) in enumerate(trees(first, args)):
            db = tmp / f"small-{i}.db"
            cold = run(db, "scan", "--resolve", "--fetch")
            print(f"  {tree}: scan --resolve --fetch, cold: {cold[0]:6.2f} s, {cold[1]} requests")
            runs_of.append((run, db))
        for name, output in (("table", []), ("--json", ["--json"])):
            measured = warm_against_scan(runs_of, ["scan", "--resolve", "--fetch", *output], ["scan", *output],
                                         args.runs)
            for (tree, _), (warm, scan, requests) in zip(trees(first, args), measured, strict=True):
                print(f"  {tree}: output {name:7} warm {warm:6.3f} s, scan alone {scan:6.3f} s: {warm / scan:.2f}x "
                      f"(aim <= {AIM}x); requests per warm run {requests} (aim 0)")
        run = first
        report_db, out = tmp / "report.db", str(tmp / "reports")
        report_cold = run(report_db, "report", "-o", out)
        report_warm = run(report_db, "report", "-o", out)
        print(f"  report, cold: {report_cold[0]:6.2f} s, {report_cold[1]} requests; warm: {report_warm[0]:6.2f} s, "
              f"{report_warm[1]} requests (aim 0)")


def corpus(args: argparse.Namespace, env: dict[str, str], tmp: Path) -> None:
    with world(args.corpus, tmp, env) as first:
        common = ["--json", "-q", "--workers", "2"]
        print(f"corpus: {args.corpus} articles, --json -q --workers 2, medians of {args.corpus_runs} alternating runs")
        runs_of = []
        for i, (tree, run) in enumerate(trees(first, args)):
            db = tmp / f"corpus-{i}.db"
            cold = run(db, "scan", "--fetch", *common)
            print(f"  {tree}: scan --fetch, cold: {cold[0]:6.2f} s, {cold[1]} requests")
            runs_of.append((run, db))
        measured = warm_against_scan(runs_of, ["scan", "--fetch", *common], ["scan", *common], args.corpus_runs)
        for (tree, _), (warm, scan, requests) in zip(trees(first, args), measured, strict=True):
            print(f"  {tree}: warm {warm:6.2f} s, scan alone {scan:6.2f} s: {warm / scan:.2f}x (aim <= {AIM}x); "
                  f"requests per warm run {requests} (aim 0)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=int, default=1000, help="articles of the second figure (0: skip it)")
    parser.add_argument("--corpus-runs", type=int, default=3)
    parser.add_argument("--no-bytecode-cache", action="store_true")
    parser.add_argument("--x-token", action="store_true",
                        help="set a fictional X bearer token for every run (the X API is the loopback server)")
    parser.add_argument("--against", type=Path, metavar="DIR", help="measure this checkout too, interleaved")
    args = parser.parse_args()
    from tests.corpusnet import TOKEN, have_test_extras

    if not have_test_extras():
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("EMBED_RESOLVER_", "X_BEARER", "IA_")) and k not in ("PYTHONDONTWRITEBYTECODE",
                                                                                         "PYTHONPYCACHEPREFIX")}
        if args.x_token:
            env["X_BEARER_TOKEN"] = TOKEN   # fictional; only ever sent to 127.0.0.1
        if args.no_bytecode_cache:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        print(f"X token {'set (fictional)' if args.x_token else 'not set'}")
        print(f"bytecode {'not cached (PYTHONDONTWRITEBYTECODE=1)' if args.no_bytecode_cache else 'cached'}")
        small(args, env, Path(tmp))
        if args.corpus:
            corpus(args, env, Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
