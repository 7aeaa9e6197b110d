#!/usr/bin/env python3
"""Benchmark: throughput of `scan --workers 2` against `scan --workers 1` over the corpus copied to 1,168 pages
(each copy made distinct, so every one is a new article), measured in the same run.

Usage: scripts/bench_workers.py [CORPUS_DIR] [--pages 1168] [--repeat 2]
CORPUS_DIR defaults to ../shared/corpus; when absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import ROOT, bench_env, embed_resolver, run_measured  # noqa: E402


def copy_corpus(corpus: Path, out: Path, pages: int) -> int:
    sources = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".html", ".htm", ".txt"))
    for n in range(pages):
        source = sources[n % len(sources)]
        copy = n // len(sources)
        data = source.read_bytes()
        # A distinct trailer per copy: a new sha256, so the store records each copy as an article of its own.
        trailer = f"\n<!-- copy {copy} -->\n" if source.suffix != ".txt" else f"\n\ncopy {copy}\n"
        (out / f"{copy:02d}-{source.name}").write_bytes(data + trailer.encode())
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--pages", type=int, default=1168)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}; nothing to benchmark")
        return 0
    work = Path(tempfile.mkdtemp(prefix="embed-resolver-bench-"))
    try:
        pages = work / "pages"
        pages.mkdir()
        count = copy_corpus(corpus, pages, args.pages)
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
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
