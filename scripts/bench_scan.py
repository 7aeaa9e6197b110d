#!/usr/bin/env python3
"""Benchmark: scan time per page against a bare lxml.html.fromstring of the same bytes, median ratio over a corpus.

Usage: scripts/bench_scan.py [HTML_DIR] [--repeat N]
HTML_DIR defaults to ../shared/corpus/html; when absent the script says so and exits 0. Target: ratio <= 2.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402

from resolver import extract  # noqa: E402
from resolver.article import from_bytes  # noqa: E402


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "html"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = Path(args.corpus)
    if not folder.is_dir():
        print(f"corpus not found at {folder}; nothing to benchmark")
        return 0
    pages = sorted(folder.glob("*.htm*"))
    lxml_ms, scan_ms, ratios = [], [], []
    for path in pages:
        data = path.read_bytes()
        article = from_bytes(data, str(path))
        bare = best_of(args.repeat, lambda: lxml.html.fromstring(data))
        ours = best_of(args.repeat, lambda: extract.find_all(article.text, article.kind))
        lxml_ms.append(bare * 1000)
        scan_ms.append(ours * 1000)
        ratios.append(ours / bare)
    print(f"{len(pages)} pages, median size {statistics.median(p.stat().st_size for p in pages) / 1024:.0f} KB")
    print(f"lxml.html.fromstring: median {statistics.median(lxml_ms):.2f} ms/page")
    print(f"scan (find_all):      median {statistics.median(scan_ms):.2f} ms/page")
    print(f"ratio scan/lxml:      median {statistics.median(ratios):.2f}x  (p90 {statistics.quantiles(ratios, n=10)[-1]:.2f}x)"
          f"  target <= 2x")
    print(f"ratio of medians:     {statistics.median(scan_ms) / statistics.median(lxml_ms):.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
