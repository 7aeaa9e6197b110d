#!/usr/bin/env python3
"""Benchmark: start-up cost of the command line, as ratios measured in the same run (#14).

    embed-resolver --help            against  python -c pass              (aim <= 5x)
    embed-resolver scan small.html   against  python -c "import lxml.html" (aim <= 4x)

Also lists the modules a plain `scan` imports that it does not use (httpx, httpcore, numpy, bs4, tweepy,
requests, PIL, warcio...): aim none. Uses hyperfine when it is on the PATH (its JSON medians), else a Python loop
over subprocesses (median of --runs rounds, each running the four commands in turn, so that a ratio's two sides
see the same load). The scan runs on a small fictional page with a throwaway database (created
first, so the timed runs measure a normal start, not the first migration). Nothing touches the network.

--against DIR times another checkout (e.g. main's tree unpacked there) in the same rounds: each round runs every
command once, this checkout's and DIR's alternately, so both see the same load, and the ratio of the two scans is
printed. A checkout against a copy of itself scores about 1.00 (+-0.01 on a quiet machine). Both run as `python -m
resolver` from their own directory with this virtualenv's Python (--module implied), hyperfine or not.

Every process runs with its compiled bytecode cached (in a throwaway PYTHONPYCACHEPREFIX, written by a first run),
as an installed package has it: pip compiles a package's modules when it installs it, but an editable checkout
run with PYTHONDONTWRITEBYTECODE (as on the development machine) recompiles every module of ours at every start
while the dependencies' stay compiled, about 40 ms of a scan. --no-bytecode-cache measures that way instead.

Usage: scripts/bench_startup.py [--runs 15] [--module] [--no-bytecode-cache] [--json] [--against DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ('<html><body><p>The bridge reopened.</p><blockquote class="twitter-tweet"><p>Bridge reopened this morning'
        '</p>&mdash; Riverton Roads (@RivertonRoads) <a href="https://twitter.com/RivertonRoads/status/'
        '1600000000000000001">December 6, 2022</a></blockquote><p>Photo: Bea Example / Riverton Post</p></body></html>')
UNUSED = ("httpx", "httpcore", "anyio", "numpy", "pandas", "bs4", "tweepy", "requests", "PIL", "warcio", "imagehash",
          "brotli", "zstandard", "certifi", "ssl", "tenacity", "asyncio", "rich", "sqlite_utils",
          "concurrent.futures.process")


def timed(argv: list[str], runs: int, env: dict[str, str]) -> float:
    """Median wall time of `runs` runs (after one warm-up), in seconds."""
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run(["hyperfine", "--warmup", "1", "--runs", str(runs), "--export-json", out.name, "-N",
                            " ".join(_quote(a) for a in argv)], check=True, capture_output=True, env=env)
            return float(json.loads(Path(out.name).read_text())["results"][0]["median"])
    subprocess.run(argv, capture_output=True, env=env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved(commands: dict[str, tuple[list[str], Path]], runs: int,
                env: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Median wall and CPU time (user + system, the steadier figure on a shared machine) of each command (argv,
    working directory) over `runs` rounds, each round running every command once, in turn, every other round in
    reverse order (after one warm-up round), so that a change of load falls on all of them alike."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, (argv, cwd) in (reversed(commands.items()) if round_ % 2 else commands.items()):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(argv, capture_output=True, cwd=cwd, env=env)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            if round_:
                times[name].append((wall, cpu))
    return {name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
            for name, values in times.items()}


def _quote(arg: str) -> str:
    import shlex

    return shlex.quote(arg)


def imported_by_scan(cli: list[str], env: dict[str, str]) -> list[str]:
    """The modules of UNUSED that a plain scan has loaded when it ends."""
    code = ("import sys, runpy; sys.argv = ['embed-resolver', *sys.argv[1:]]\n"
            "try:\n    runpy.run_module('resolver', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            f"print(','.join(m for m in {UNUSED!r} if m in sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *cli], capture_output=True, text=True, cwd=ROOT, env=env)
    return [m for m in done.stderr.strip().splitlines()[-1].split(",") if m] if done.stderr.strip() else []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--module", action="store_true",
                        help="run `python -m resolver` from this checkout instead of the installed command (to "
                             "compare checkouts that share one virtualenv)")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="run with PYTHONDONTWRITEBYTECODE=1 and no cache prefix (our modules compiled at every start)")
    parser.add_argument("--json", action="store_true", help="time `scan --json` (JSON Lines) instead of its table")
    parser.add_argument("--against", metavar="DIR", type=Path,
                        help="also time the checkout in DIR, in the same rounds (implies --module)")
    args = parser.parse_args()
    if args.against is not None:
        return against(args)
    python = sys.executable
    script = Path(python).parent / "embed-resolver"    # the installed command, as a user runs it
    tool = [str(script)] if script.exists() and not args.module else [python, "-m", "resolver"]
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
        if args.no_bytecode_cache:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        page, db = Path(tmp) / "small.html", Path(tmp) / "bench.db"
        page.write_text(PAGE, encoding="utf-8")
        scan = ["--db", str(db), "scan", *(["--json"] if args.json else []), str(page)]
        for argv in ([*tool, *scan], [*tool, "--help"]):   # the database created, the bytecode cached
            subprocess.run(argv, check=True, capture_output=True, cwd=ROOT, env=env)
        commands = {"bare": [python, "-c", "pass"], "lxml": [python, "-c", "import lxml.html"],
                    "help": [*tool, "--help"], "scan": [*tool, *scan]}
        cpu: dict[str, float] = {}
        if shutil.which("hyperfine"):
            bare, lxml, helps, scans = (timed(argv, args.runs, env) for argv in commands.values())
        else:   # in the same rounds, so that a change of load does not fall on one side of a ratio only
            medians = interleaved({name: (argv, ROOT) for name, argv in commands.items()}, args.runs, env)
            bare, lxml, helps, scans = (medians[name][0] for name in commands)
            cpu = {name: medians[name][1] for name in commands}
        unused = imported_by_scan(scan, env)
    how = "hyperfine" if shutil.which("hyperfine") else f"median of {args.runs} interleaved rounds"
    cache = "not cached (PYTHONDONTWRITEBYTECODE=1)" if args.no_bytecode_cache else "cached"
    print(f"start-up ({how}; bytecode {cache})")
    print(f"python -c pass              {bare * 1000:7.1f} ms")
    print(f"python -c 'import lxml.html' {lxml * 1000:6.1f} ms")
    print(f"command: {' '.join(tool)}")
    print(f"embed-resolver --help       {helps * 1000:7.1f} ms  {helps / bare:5.2f}x python -c pass   (aim <= 5x)")
    print(f"embed-resolver scan (1 file) {scans * 1000:6.1f} ms  {scans / lxml:5.2f}x import lxml.html (aim <= 4x)")
    if cpu:   # user + system time: the steadier figure on a shared machine
        print(f"CPU time: --help {cpu['help'] / cpu['bare']:.2f}x python -c pass, scan (1 file) "
              f"{cpu['scan'] * 1000:.1f} ms {cpu['scan'] / cpu['lxml']:.2f}x import lxml.html")
    print("modules a plain scan loads and does not use: " + (", ".join(unused) or "none"))
    return 0


def against(args: argparse.Namespace) -> int:
    """This checkout and the one in args.against, timed in the same rounds."""
    python, other = sys.executable, args.against.resolve()
    if not (other / "resolver" / "__main__.py").is_file():
        print(f"error: {other} holds no resolver package", file=sys.stderr)
        return 2
    trees = {"this checkout": ROOT, str(other): other}
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
        if args.no_bytecode_cache:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")   # one tree, one path: no clash
        page = Path(tmp) / "small.html"
        page.write_text(PAGE, encoding="utf-8")
        commands: dict[str, tuple[list[str], Path]] = {"bare": ([python, "-c", "pass"], ROOT),
                                                       "lxml": ([python, "-c", "import lxml.html"], ROOT)}
        for n, (name, tree) in enumerate(trees.items()):
            scan = [python, "-m", "resolver", "--db", str(Path(tmp) / f"bench{n}.db"), "scan",
                    *(["--json"] if args.json else []), str(page)]
            for argv in (scan, [python, "-m", "resolver", "--help"]):   # the database created, the bytecode cached
                subprocess.run(argv, check=True, capture_output=True, cwd=tree, env=env)
            commands[f"help {name}"] = ([python, "-m", "resolver", "--help"], tree)
            commands[f"scan {name}"] = (scan, tree)
        medians = interleaved(commands, args.runs, env)
    cache = "not cached (PYTHONDONTWRITEBYTECODE=1)" if args.no_bytecode_cache else "cached"
    print(f"start-up (median of {args.runs} interleaved rounds; bytecode {cache}): wall ms, CPU ms")
    for figure, label in ((0, "wall"), (1, "CPU")):
        bare, lxml = medians["bare"][figure], medians["lxml"][figure]
        print(f"{label}: python -c pass {bare * 1000:.1f} ms, python -c 'import lxml.html' {lxml * 1000:.1f} ms")
        for name in trees:
            helps, scans = medians[f"help {name}"][figure], medians[f"scan {name}"][figure]
            print(f"  {name}: --help {helps * 1000:6.1f} ms {helps / bare:5.2f}x python -c pass (aim <= 5x);  "
                  f"scan (1 file) {scans * 1000:6.1f} ms {scans / lxml:5.2f}x import lxml.html (aim <= 4x)")
        ours, theirs = "this checkout", str(other)
        print(f"  this checkout / {theirs}: --help "
              f"{medians[f'help {ours}'][figure] / medians[f'help {theirs}'][figure]:.3f}, "
              f"scan {medians[f'scan {ours}'][figure] / medians[f'scan {theirs}'][figure]:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
