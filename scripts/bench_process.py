#!/usr/bin/env python3
"""Benchmark: a whole `scan` process over the corpus, with the database, against a process that only parses the
same pages; and the per-article cost outside extraction (#14).

Over ../shared/corpus/html copied to 1,168 pages (each copy made distinct, so every one is a new article):

  1. process: `embed-resolver --db NEW.db scan --json -q --workers 1 PAGES > file` against
     `python -c "for each page: lxml.html.fromstring(bytes)"`, interleaved, --repeat times each (aim <= 2x).
     Also a bare lexbor parse process and `scan` with the default workers, for scale.
  2. in process: `pipeline.run` over the same pages into a new database (resume on, JSON Lines made as the CLI
     makes them), with extraction timed around `extract.find_all` and the thin-page measure that reads its tree
     (`readable.thin_page`): (run time - extraction time) / pages is the
     per-article overhead (aim < 0.15 ms): reading, decoding, hashing, recording, resume, output.
     Then the same run with extraction's results answered from memory: nothing but the overhead, and of it
     what reading, decoding and hashing the pages costs; --profile prints where it goes (cProfile).

Each figure is given in wall time and in CPU time (user + system, the process's and its workers'): on a machine
shared with other work, CPU time moves far less from round to round.

--against DIR measures another checkout too (e.g. `git archive main` unpacked there), in the same run: its
`scan --workers 1` process interleaved with the others, and the in-process figures of both trees, each in a process
of its own (this tree's too), alternating --repeat times, with the ratios of the two.

Usage: scripts/bench_process.py [HTML_DIR] [--pages 1168] [--repeat 3] [--profile] [--skip-process] [--against DIR]
HTML_DIR defaults to ../shared/corpus/html; when absent the script says so and exits 0. Nothing touches the network.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import ROOT, bench_env, copied_corpus, embed_resolver, run_measured  # noqa: E402

sys.path.insert(0, str(ROOT))

PARSE_ONLY = {
    "lxml": "import sys, lxml.html\nfrom pathlib import Path\n"
            "for p in sorted(Path(sys.argv[1]).iterdir()):\n    lxml.html.fromstring(p.read_bytes())\n",
    "lexbor": "import sys\nfrom pathlib import Path\nfrom selectolax.lexbor import LexborHTMLParser\n"
              "for p in sorted(Path(sys.argv[1]).iterdir()):\n    LexborHTMLParser(p.read_bytes())\n",
}


def processes(pages: Path, work: Path, repeat: int, against: Path | None = None) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) seconds of each process, `repeat` times, interleaved so the machine's other load hits all
    alike. CPU is user + system time of the process and its workers: steadier than wall time on a shared machine.
    With `against`, that checkout's `scan --workers 1` too (run from its folder, with it first on the path)."""
    runs: dict[str, list[tuple[float, float]]] = {}
    env = bench_env(work)   # bytecode cached in a throwaway prefix, as an installed package has it
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    other = {**env, "PYTHONPATH": str(against)} if against is not None else env
    run_measured(embed_resolver("--help"), env=env)
    if against is not None:
        run_measured(embed_resolver("--help"), env=other, cwd=against)
    for attempt in range(repeat):
        commands = {f"parse only ({name})": ([sys.executable, "-c", code, str(pages)], env, ROOT)
                    for name, code in PARSE_ONLY.items()}
        for workers in ("1", "default"):
            db = work / f"scan-{workers}-{attempt}.db"
            chosen = ["--workers", "1"] if workers == "1" else []
            commands[f"scan --workers {workers}"] = (
                embed_resolver("--db", str(db), "scan", "--json", "-q", *chosen, str(pages)), env, ROOT)
        if against is not None:
            db = work / f"scan-against-{attempt}.db"
            commands[f"scan --workers 1 ({against})"] = (
                embed_resolver("--db", str(db), "scan", "--json", "-q", "--workers", "1", str(pages)), other, against)
        for name, (command, command_env, cwd) in commands.items():
            run = run_measured(command, env=command_env, stdout=work / "out.jsonl", cwd=cwd)
            if run.returncode != 0:
                raise SystemExit(f"{name} failed ({run.returncode}): {run.stderr.strip()[-500:]}")
            runs.setdefault(name, []).append((run.seconds, run.cpu_seconds))
    return runs


@dataclass
class InProcess:
    seconds: float              # the run, wall
    extraction: float           # of which in extract.find_all, wall
    cpu: float                  # the run, CPU time of this process (it has no other thread)
    extraction_cpu: float
    articles: int

    def outside(self) -> tuple[float, float]:
        """ms per article outside extraction: (wall, CPU)."""
        return ((self.seconds - self.extraction) / self.articles * 1000,
                (self.cpu - self.extraction_cpu) / self.articles * 1000)


def in_process(pages: Path, work: Path, *, answered: dict[tuple[object, ...], object] | None = None,
               profile: bool = False) -> InProcess:
    """`pipeline.run` over the pages, as `scan --json -q --workers 1` does it (a new database, resume recorded,
    the pages dropped once scanned, each outcome made a JSON line). Extraction is timed around `extract.find_all`
    and `workers.thin_page`;
    with `answered` (filled on a first run), its results are taken from there instead, so the run is nothing but
    the overhead (and a profile shows only it)."""
    from cache import Store
    from resolver import extract, pipeline
    from resolver.inputs import InputSpec
    from resolver.session import Session
    from resolver.settings import load_settings

    spent = [0.0, 0.0]
    find_all = extract.find_all

    def timed(step, tag):   # type: ignore[no-untyped-def]
        """`step` timed into `spent`, and with `answered` its results taken from there (keyed by `tag` and the page:
        the copies differ in their trailer)."""
        def run(text, kind, **options):   # type: ignore[no-untyped-def]
            key = (tag, len(text), text[-64:])
            if answered is not None and key in answered:
                return answered[key]
            start, start_cpu = time.perf_counter(), time.process_time()
            try:
                found = step(text, kind, **options)
            finally:
                spent[0] += time.perf_counter() - start
                spent[1] += time.process_time() - start_cpu
            if answered is not None:
                answered[key] = found
            return found
        return run

    extract.find_all = timed(find_all, "find_all")
    # The thin-page measure (resolver.readable, lead30) reads the tree the scan left: it is the extraction's work,
    # timed and answered with it. Answered from memory alone, find_all left no tree, and each page with no embed was
    # parsed again to be measured: the "answered" run was 1.8x the base's for a cost no real run pays (perf30b).
    from resolver import workers

    thin_page = getattr(workers, "thin_page", None)
    if thin_page is not None:
        workers.thin_page = timed(thin_page, "thin")
    # The places of "t.co/" the scan's needle pass found, which the count of t.co links not followed reads
    # (`html.short_link_starts`, perf36): extraction's too, answered with it (else each answered page was searched
    # for them anew, a cost no real run pays).
    from resolver.extract import html

    short_link_starts = getattr(html, "short_link_starts", None)
    if short_link_starts is not None:
        html.short_link_starts = _remembered(short_link_starts, answered)
    # Which needles of services no step reads the page holds (`html.unsupported_held`, newuser44a #3), and of podcasts
    # (`html.podcasts_held`), read off the same pass: answered with it too (perf47: else each answered page was
    # searched for them in the string, 3 ms a page, and the answered run cost 3.2 ms an article where a real one 1.3).
    held = {name: getattr(html, name, None) for name in ("unsupported_held", "podcasts_held")}
    for name, step in held.items():
        if step is not None:
            setattr(html, name, _remembered(step, answered, name))
    from resolver.output import json_line

    sink = open(os.devnull, "w", encoding="utf-8")

    def emit(outcome: pipeline.Outcome) -> None:
        if isinstance(outcome, pipeline.ArticleResult):
            sink.write(json_line(outcome.to_json()) + "\n")

    db = work / f"in-process-{time.monotonic_ns()}.db"
    store = Store(db)
    session = Session(load_settings(env={}), store=store)
    # As `scan --json` runs: the pages are not kept once scanned (texts), its lines are JSON Lines (json_lines).
    options = pipeline.RunOptions(workers=1, job="bench", texts=False, json_lines=True)
    items = pipeline.items_of(InputSpec(files=(str(pages),)), session=session, options=options)
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start, start_cpu = time.perf_counter(), time.process_time()
    summary = pipeline.run(items, session=session, emit=emit, options=options)
    store.forget_progress("bench")
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    if profiler is not None:
        profiler.disable()
        _print_profile(profiler)
    store.close()
    extract.find_all = find_all
    if short_link_starts is not None:
        html.short_link_starts = short_link_starts
    for name, step in held.items():
        if step is not None:
            setattr(html, name, step)
    if thin_page is not None:
        workers.thin_page = thin_page
    return InProcess(elapsed, spent[0], cpu, spent[1], summary.articles)


def _remembered(step: Any, answered: dict[tuple[object, ...], object] | None, name: str = "short_link_starts") -> Any:
    """`step(page)`, with `answered` its result kept on a first run and given from there on the next."""
    def run(page: str) -> object:
        key = (name, len(page), page[-64:])
        if answered is not None and key in answered:
            return answered[key]
        found = step(page)
        if answered is not None:
            answered[key] = found
        return found
    return run


def input_cost(pages: Path) -> tuple[float, float]:
    """Seconds per page to read, decode and sha256 the pages (best of 3): (wall, CPU)."""
    from resolver.inputs import InputSpec, iter_items, load

    items = list(iter_items(InputSpec(files=(str(pages),))))
    best, best_cpu = float("inf"), float("inf")
    for _ in range(3):
        start, start_cpu = time.perf_counter(), time.process_time()
        for item in items:
            _ = load(item).article.sha256
        best, best_cpu = min(best, time.perf_counter() - start), min(best_cpu, time.process_time() - start_cpu)
    return best / len(items), best_cpu / len(items)


def _print_profile(profiler: object) -> None:
    """The functions outside extraction that cost the most, by own time."""
    import pstats

    stats = pstats.Stats(profiler)  # type: ignore[arg-type]
    rows = [(tt, calls, f"{Path(file).name}:{line} {name}")
            for (file, line, name), (_, calls, tt, _, _) in stats.stats.items()]  # type: ignore[attr-defined]
    print("extraction answered from memory, by own time (cProfile):")
    for tt, calls, where in sorted(rows, reverse=True)[:25]:
        print(f"  {tt * 1000:8.1f} ms  {calls:8d}  {where}")


def figures(pages: Path, work: Path, *, profile: bool = False) -> dict[str, float]:
    """The in-process figures, ms per article: outside extraction, with extraction answered from memory, and
    reading, decoding and hashing alone; each in wall and CPU time."""
    answered: dict[tuple[object, ...], object] = {}
    run = in_process(pages, work, answered=answered)
    outside, outside_cpu = run.outside()
    extraction = run.extraction
    run = in_process(pages, work, answered=answered, profile=profile)
    reading, reading_cpu = (seconds * 1000 for seconds in input_cost(pages))
    return {"articles": run.articles, "run": run.seconds, "extraction": extraction,
            "outside": outside, "outside_cpu": outside_cpu,
            "answered": run.seconds / run.articles * 1000, "answered_cpu": run.cpu / run.articles * 1000,
            "reading": reading, "reading_cpu": reading_cpu}


def print_figures(found: dict[str, float], name: str = "in process") -> None:
    print(f"{name}: {found['articles']:.0f} articles, extraction {found['extraction']:.2f} s: outside extraction "
          f"{found['outside']:.3f} ms per article, CPU {found['outside_cpu']:.3f} ms (aim < 0.15 ms)")
    print(f"  extraction answered from memory: {found['answered']:.3f} ms per article, CPU "
          f"{found['answered_cpu']:.3f} ms")
    print(f"  of which reading, decoding and hashing each page (what any tool keeping pages by sha256 pays): "
          f"{found['reading']:.3f} ms, CPU {found['reading_cpu']:.3f} ms; the rest (recording, resume, output, the "
          f"driver): {found['answered'] - found['reading']:.3f} ms, CPU "
          f"{found['answered_cpu'] - found['reading_cpu']:.3f} ms")


def figures_against(pages: Path, against: Path, repeat: int) -> None:
    """The in-process figures of this tree and of `against`, each in a process of its own, alternating."""
    import subprocess

    runs: dict[str, list[dict[str, float]]] = {"this tree": [], str(against): []}
    for _ in range(repeat):
        for name, tree in (("this tree", ROOT), (str(against), against)):
            done = subprocess.run([sys.executable, __file__, str(pages), "--child", str(tree)], capture_output=True,
                                  text=True, check=False)
            if done.returncode != 0:
                raise SystemExit(f"in-process run of {tree} failed: {done.stderr.strip()[-500:]}")
            runs[name].append(json.loads(done.stdout.splitlines()[-1]))
    for name, found in runs.items():
        print_figures({key: statistics.median(f[key] for f in found) for key in found[0]}, f"in process, {name} "
                      f"(medians of {repeat})")
    ours, theirs = runs["this tree"], runs[str(against)]
    for key in ("outside", "outside_cpu", "answered", "answered_cpu", "reading_cpu"):
        ratios = [a[key] / b[key] for a, b in zip(ours, theirs)]
        print(f"  {key:13} this tree / {against}: {statistics.median(ratios):.3f} "
              f"({min(ratios):.3f}-{max(ratios):.3f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "html"))
    parser.add_argument("--pages", type=int, default=1168)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true",
                        help="print where the in-process overhead goes (this tree alone: not with --against)")
    parser.add_argument("--skip-process", action="store_true", help="only the in-process overhead")
    parser.add_argument("--against", metavar="DIR", help="also measure the checkout in DIR, in the same run")
    parser.add_argument("--child", metavar="TREE", help=argparse.SUPPRESS)   # the in-process figures of TREE, as JSON
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, args.child)
        pages = Path(args.corpus)
        found = figures(pages, pages.parent)
        loaded = Path(sys.modules["resolver"].__file__ or "").resolve()
        if not loaded.is_relative_to(Path(args.child).resolve()):
            raise SystemExit(f"resolver was loaded from {loaded}, not from {args.child}")
        print(json.dumps(found))
        return 0
    against = Path(args.against).resolve() if args.against else None
    if against is not None and not (against / "resolver" / "__init__.py").is_file():
        raise SystemExit(f"{against} holds no checkout (no resolver/__init__.py)")
    with copied_corpus(Path(args.corpus), args.pages) as copied:
        if copied is None:
            return 0
        work, pages, count = copied
        print(f"{count} pages from {args.corpus}")
        if not args.skip_process:
            print_processes(processes(pages, work, args.repeat, against))
        if against is not None:
            figures_against(pages, against, args.repeat)
        else:
            print_figures(figures(pages, work, profile=args.profile))
    return 0


def print_processes(runs: dict[str, list[tuple[float, float]]]) -> None:
    floor = runs["parse only (lxml)"]
    print(f"{'process':28} {'median s':>9} {'range s':>14} {'x parse only (lxml), per run':>30}   "
          f"{'CPU s':>6} {'x parse only, CPU':>20}")
    for name, measured in runs.items():
        times, cpu = [m[0] for m in measured], [m[1] for m in measured]
        ratios = [t / f[0] for t, f in zip(times, floor)]
        cpu_ratios = [c / f[1] for c, f in zip(cpu, floor)]
        print(f"{name:28} {statistics.median(times):9.2f} {min(times):6.2f}-{max(times):<7.2f} "
              f"{statistics.median(ratios):12.2f}  ({min(ratios):.2f}-{max(ratios):.2f})   "
              f"{statistics.median(cpu):6.2f} {statistics.median(cpu_ratios):9.2f} "
              f"({min(cpu_ratios):.2f}-{max(cpu_ratios):.2f})")
    print("aim: scan --workers 1 <= 2x parse only (lxml)")


if __name__ == "__main__":
    raise SystemExit(main())
