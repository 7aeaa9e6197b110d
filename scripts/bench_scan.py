#!/usr/bin/env python3
"""Benchmark: scan time per page against a bare lxml.html.fromstring of the same bytes, median ratio over a corpus.

Usage: scripts/bench_scan.py [HTML_DIR] [--repeat N] [--peers] [--against DIR]
HTML_DIR defaults to ../shared/corpus/html; when absent the script says so and exits 0. Aim (#14): ratio <= 1.5.
--against DIR also times another checkout's scan (e.g. `git archive main` unpacked there) in the same process,
page by page, the two scans taking turns to go first, and prints the median of their per-page ratio: on a shared
machine, runs minutes apart differ by more than a change does. Both are handed the page's bytes when the other
checkout's `find_all` takes them (`utf8=`), as the pipeline does.
--peers also times, on the same pages in the same run, the tools a reader may compare it with, each skipped when
not installed (none is a dependency): trafilatura's extract_metadata, extruct's extract (all syntaxes),
micawber's URL extraction (its extract_html steps up to, not including, the oEmbed requests: no network), and
selectolax's bare parse (the parser scan is built on).
"""

from __future__ import annotations

import argparse
import inspect
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402

from resolver import extract  # noqa: E402
from resolver.article import from_bytes  # noqa: E402
from _bench import other_checkout_module  # noqa: E402


def best_of(repeat: int, fn: Callable[[], Any]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def interleaved(repeat: int, first: Callable[[], Any], second: Callable[[], Any]) -> tuple[float, float]:
    """Best times of two calls, run in turns, each going first every other round."""
    times: tuple[list[float], list[float]] = ([], [])
    for round_ in range(repeat):
        order = ((0, first), (1, second)) if round_ % 2 == 0 else ((1, second), (0, first))
        for which, fn in order:
            start = time.perf_counter()
            fn()
            times[which].append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def other_checkout(root: str) -> Callable[[str, str, bytes | None], Any]:
    """`extract.find_all` of the checkout at `root`, imported while this one's modules are set aside, then kept
    beside them (a function that imports a resolver module when called would get this checkout's). Called as the
    pipeline calls ours, with the page's bytes, unless it predates them: one side encoding the page itself made
    a copy of this checkout score 0.973 against itself."""
    other = other_checkout_module(root, "resolver.extract")
    find_all = other.find_all
    if "utf8" in inspect.signature(find_all).parameters:
        return lambda text, kind, utf8: find_all(text, kind, utf8=utf8)
    return lambda text, kind, utf8: find_all(text, kind)


def peers() -> dict[str, Callable[[bytes, str], Any]]:
    """name -> function(page bytes, page text), for each peer that imports."""
    found: dict[str, Callable[[bytes, str], Any]] = {}
    warnings.simplefilter("ignore")   # trafilatura's date parser warns about time zone names on some pages
    try:
        from selectolax.lexbor import LexborHTMLParser

        found["selectolax parse"] = lambda data, text: LexborHTMLParser(data)
    except ImportError:
        pass
    try:
        from trafilatura.metadata import extract_metadata

        found["trafilatura extract_metadata"] = lambda data, text: extract_metadata(text)
    except ImportError:
        pass
    try:
        import extruct

        found["extruct extract"] = lambda data, text: extruct.extract(text, base_url="https://example.org/",
                                                                      errors="ignore")
    except ImportError:
        pass
    try:
        from micawber import parsers, providers

        registry = providers.bootstrap_basic()   # the provider table only; nothing is requested

        def micawber_urls(data: bytes, text: str) -> list[str]:
            soup = parsers.BeautifulSoup(text, **parsers.bs_kwargs)
            nodes = [node for node in soup.find_all(string=parsers.url_re) if not parsers._inside_skip(node)]
            urls = dict.fromkeys(url for node in nodes for url in parsers.url_re.findall(str(node)))
            return [url for url in urls if registry.provider_for_url(url)]

        found["micawber URL extraction"] = micawber_urls
    except ImportError:
        pass
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "html"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--peers", action="store_true", help="also time the peers that are installed")
    parser.add_argument("--against", metavar="DIR", help="also time the scan of the checkout in DIR, interleaved")
    args = parser.parse_args()
    folder = Path(args.corpus)
    if not folder.is_dir():
        print(f"corpus not found at {folder}; nothing to benchmark")
        return 0
    pages = sorted(folder.glob("*.htm*"))
    others = peers() if args.peers else {}
    if args.peers:
        missing = {"trafilatura extract_metadata", "extruct extract", "micawber URL extraction"} - set(others)
        for name in sorted(missing):
            print(f"skipped (not installed): {name}")
    against = other_checkout(args.against) if args.against else None
    timings: dict[str, list[float]] = {"lxml.html.fromstring": [], "scan (find_all)": [], **{name: [] for name in others}}
    if against is not None:
        timings[f"scan of {args.against}"] = []
    for path in pages:
        data = path.read_bytes()
        article = from_bytes(data, str(path))
        scan = lambda: extract.find_all(article.text, article.kind, utf8=article.utf8)  # noqa: E731 - as the pipeline calls it
        timings["lxml.html.fromstring"].append(best_of(args.repeat, lambda: lxml.html.fromstring(data)))
        if against is None:
            timings["scan (find_all)"].append(best_of(args.repeat, scan))
        else:
            ours, theirs = interleaved(args.repeat, scan, lambda: against(article.text, article.kind, article.utf8))
            timings["scan (find_all)"].append(ours)
            timings[f"scan of {args.against}"].append(theirs)
        for name, peer in others.items():   # slower peers: fewer repeats
            timings[name].append(best_of(max(1, args.repeat // 2), lambda: peer(data, article.text)))
    floor = timings["lxml.html.fromstring"]
    print(f"{len(pages)} pages, median size {statistics.median(p.stat().st_size for p in pages) / 1024:.0f} KB")
    print(f"{'per page':32} {'median ms':>10} {'x lxml (median of ratios)':>26} {'p90 x':>7}")
    for name, times in timings.items():
        ratios = [t / f for t, f in zip(times, floor)]
        print(f"{name:32} {statistics.median(times) * 1000:10.2f} {statistics.median(ratios):26.2f} "
              f"{statistics.quantiles(ratios, n=10)[-1]:7.2f}")
    if against is not None:
        ratios = [t / f for t, f in zip(timings["scan (find_all)"], timings[f"scan of {args.against}"])]
        print(f"scan / scan of {args.against}, median of per-page ratios: {statistics.median(ratios):.3f}")
    print("aim: scan <= 1.5x lxml")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
