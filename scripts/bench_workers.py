#!/usr/bin/env python3
"""Benchmark: throughput of `scan --workers 2` against `scan --workers 1` over the corpus copied to 1,168 pages
(each copy made distinct, so every one is a new article), measured in the same run.

Usage: scripts/bench_workers.py [CORPUS_DIR] [--pages 1168] [--repeat 2]
CORPUS_DIR defaults to ../shared/corpus; when absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import ROOT, bench_env, copied_corpus, embed_resolver, run_measured  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--pages", type=int, default=1168)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with copied_corpus(Path(args.corpus), args.pages) as copied:
        if copied is None:
            return 0
        work, pages, count = copied
        best: dict[int, float] = {}
        for attempt in range(args.repeat):
            for workers in (1, 2):
                db = work / f"w{workers}-{attempt}.db"
                run = run_measured(embed_resolver("scan", "--json", "-q", "--db", str(db), "--workers", str(workers),
                                                  str(pages)), env=bench_env(work))
                if run.returncode != 0:
                    print(f"scan --workers {workers} failed ({run.returncode}): {run.stderr.strip()[-500:]}")
                    return 1
                best[workers] = min(best.get(workers, run.seconds), run.seconds)
        for workers, seconds in best.items():
            print(f"scan --workers {workers}: {count} pages in {seconds:.1f} s ({count / seconds:.1f} pages/s)")
        print(f"speed-up with 2 workers: {best[1] / best[2]:.2f}x (best of {args.repeat})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
