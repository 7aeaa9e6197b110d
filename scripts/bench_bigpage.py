#!/usr/bin/env python3
"""Benchmark: one very large page (the corpus's HTML pages concatenated, ~45 MB): scan time and peak memory against
lxml's parse of the same string, in the same run (#14: within 3x lxml's time and memory).

Usage: scripts/bench_bigpage.py [HTML_DIR] [--size-mb 45] [--rounds 3] [--against DIR] [--profile N]
HTML_DIR defaults to ../shared/corpus/html; when absent the script says so and exits 0.

Each measurement runs in a child process that reads the page from a temporary file, then times one call:
`extract.find_all` on the page, and the floors: `lxml.html.fromstring` on the same string, on its UTF-8 bytes (as
scripts/bench_scan.py gives it), on the bytes with `HTMLParser(huge_tree=True)`, and on the bytes less their
`</body>` and `</html>` tags. Memory is the growth of the child's peak RSS during the call (the peak is reset just
before it through /proc/self/clear_refs), so lexbor's and libxml2's own allocations count. Rounds are interleaved;
figures are medians with their range, ratios are taken per round. CPU time is printed beside wall time: on a
shared machine a child that waits for a core counts that wait in its wall time only.

libxml2 (2.14) silently drops everything after the first `</html>`: on the joined pages it keeps the
first page's elements only (the element count printed for each lxml run shows it), while still reading all the
bytes. `huge_tree=True` does not change that (the limit it lifts is not the one hit); without those two end tags
it builds every element, which makes that run the floor a DOM extractor of the whole page really pays.
--against DIR times the scan of another checkout too (e.g. `git archive main` unpacked), interleaved.
--profile N prints cProfile's N most expensive functions of one scan instead.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "html"


def build_page(folder: Path, size: int) -> tuple[str, int]:
    """(the corpus's pages decoded and joined, in name order, repeated until `size` characters; pages used)."""
    sys.path.insert(0, str(ROOT))
    from resolver.article import from_bytes

    texts = [from_bytes(p.read_bytes(), str(p)).text for p in sorted(folder.glob("*.htm*"))]
    parts: list[str] = []
    total = 0
    while total < size:
        text = texts[len(parts) % len(texts)]
        parts.append(text)
        total += len(text) + 1
    return "\n".join(parts), len(parts)


def _memory_kb() -> dict[str, int]:
    status = Path("/proc/self/status").read_text()
    return {key: int(re.search(rf"{key}:\s+(\d+)", status).group(1)) for key in ("VmRSS", "VmHWM")}  # type: ignore[union-attr]


def _calls(code: str | None) -> dict[str, tuple[Callable[[str], Any], Callable[[Any], Any]]]:
    """name -> (what the timed call is given, made from the page before the clock starts; the timed call)."""
    sys.path.insert(0, code or str(ROOT))   # --against: the other checkout's resolver wins over the installed one
    import lxml.html

    from resolver import extract

    huge = lxml.html.HTMLParser(huge_tree=True)
    same: Callable[[str], Any] = lambda page: page
    utf8: Callable[[str], Any] = lambda page: page.encode("utf-8", "surrogatepass")
    return {"scan": (same, lambda page: extract.find_all(page, "html")),
            "lxml (str)": (same, lambda page: lxml.html.fromstring(page)),
            "lxml (bytes)": (utf8, lambda data: lxml.html.fromstring(data)),
            "lxml huge_tree (bytes)": (utf8, lambda data: lxml.html.fromstring(data, parser=huge)),
            "lxml, no </body></html>": (lambda page: END_TAGS_RE.sub(b"", utf8(page)),
                                        lambda data: lxml.html.fromstring(data))}


# libxml2 (2.14) drops everything after the first </html> of a page without a word: without it (and </body>) it
# builds the whole page, which is the floor a DOM extractor of that page really pays.
END_TAGS_RE = re.compile(rb"</(?:body|html)\s*>", re.IGNORECASE)


WARM_UP = '<html><body><p>Warm-up (Photo: Ann Lee/Agency Press)</p><a href="https://x.example/">x</a></body></html>'


def run_one(what: str, path: str, code: str | None) -> dict[str, Any]:
    """Time one call on the page in `path`, in this (child) process; its peak memory growth; what it found."""
    page = Path(path).read_text(encoding="utf-8", errors="surrogatepass")
    prepare, call = _calls(code)[what]
    call(prepare(WARM_UP))   # imports and compiled patterns are not what is measured
    given = prepare(page)
    before = _memory_kb()["VmRSS"]
    Path("/proc/self/clear_refs").write_text("5")   # reset the peak RSS to the current RSS
    start, cpu = time.perf_counter(), time.process_time()
    result = call(given)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = _memory_kb()["VmHWM"]
    if what == "scan":
        embeds, credits = result
        found = f"{len(embeds)} embeds, {len(credits)} credits"
    else:
        found = f"{sum(1 for _ in result.iter()):,} elements"
    return {"seconds": seconds, "cpu": cpu, "mb": (peak - before) / 1024, "found": found}


def profile_one(path: str, top: int) -> None:
    import cProfile
    import pstats

    page = Path(path).read_text(encoding="utf-8", errors="surrogatepass")
    scan = _calls(None)["scan"][1]
    profiler = cProfile.Profile()
    profiler.runcall(scan, page)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def _child(what: str, path: str, code: str | None) -> dict[str, Any]:
    args = [sys.executable, __file__, "--one", what, path] + (["--code", code] if code else [])
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _range(values: list[float], fmt: str) -> str:
    return f"{statistics.median(values):{fmt}} ({min(values):{fmt}}-{max(values):{fmt}})"


_FLOORS = ("lxml (str)", "lxml (bytes)", "lxml huge_tree (bytes)", "lxml, no </body></html>")


def report(path: str, *, rounds: int, against: str | None) -> int:
    runs: dict[str, tuple[str | None, str]] = {"scan": (None, "scan")}   # name -> (checkout, what is timed)
    if against:
        runs[f"scan ({against})"] = (against, "scan")
    runs.update((name, (None, name)) for name in _FLOORS)
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, (code, what) in runs.items():
            results[name].append(_child(what, path, code))
    print(f"{'':26} {'wall s, median (range)':>23} {'CPU s, median (range)':>23} {'peak MB, median (range)':>24}"
          "   found")
    for name, got in results.items():
        print(f"{name:26} {_range([r['seconds'] for r in got], '.3f'):>23} {_range([r['cpu'] for r in got], '.3f'):>23}"
              f" {_range([r['mb'] for r in got], '.0f'):>24}   {got[0]['found']}")
    for scan_name in (name for name in results if name.startswith("scan")):
        scan = results[scan_name]
        for floor in _FLOORS:
            ratios = {key: [s[key] / f[key] for s, f in zip(scan, results[floor])] for key in ("seconds", "cpu")}
            mems = [s["mb"] / max(f["mb"], 1.0) for s, f in zip(scan, results[floor])]
            print(f"{scan_name} / {floor + ':':24} wall {_range(ratios['seconds'], '.2f')}x  "
                  f"CPU {_range(ratios['cpu'], '.2f')}x  memory {_range(mems, '.2f')}x")
    print("aim (#14): scan within 3x lxml's time and 3x its memory")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--size-mb", type=float, default=45.0, help="page size in millions of characters (default 45)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--against", metavar="DIR", help="also time the scan of the checkout in DIR")
    parser.add_argument("--profile", type=int, metavar="N", help="profile one scan; print the N costliest functions")
    parser.add_argument("--one", nargs=2, metavar=("WHAT", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--code", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], args.one[1], args.code)))
        return 0
    folder = Path(args.corpus)
    if not folder.is_dir():
        print(f"corpus not found at {folder}; nothing to benchmark")
        return 0
    page, count = build_page(folder, int(args.size_mb * 1_000_000))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "big.html")
        Path(path).write_text(page, encoding="utf-8", errors="surrogatepass")
        print(f"page: {len(page) / 1e6:.1f} M characters, {count} pages of {folder} joined")
        if args.profile:
            profile_one(path, args.profile)
            return 0
        return report(path, rounds=args.rounds, against=args.against)


if __name__ == "__main__":
    raise SystemExit(main())
