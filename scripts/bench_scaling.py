#!/usr/bin/env python3
"""Benchmark: extraction time on adversarial inputs of growing size; time must grow linearly (#12).

Usage: scripts/bench_scaling.py [--sizes 0.1,1,10] [--timeout 120] [--only NAME[,NAME]] [--list]

Each input is built for one detector's weak spot: the same open tag over and over, dense tweet signatures, dense
credits, long runs of the characters the detectors key on. Each run happens in a child process (so a run past
--timeout is stopped and reported as such) and times `extract.find_all` alone, the input built beforehand.
Prints seconds per size and the growth ratio per 10x size: linear is 10x, the aim is <= 12x.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

POST = "https://twitter.com/jdoe/status/1234567890123456789"
SIGNATURE = "Great day at the lake. pic.twitter.com/q3uNO4mJHi — Jane Doe (@jdoe) September 12, 2022\n"


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _page(body: str) -> str:
    """An HTML page around `body`, with a post link at the end: no page is skipped for want of a marker."""
    return f"<html><body>{body}<p><a href=\"{POST}\">post</a></p></body></html>"


# name -> (kind, builder(size in characters) -> document)
CASES: dict[str, tuple[str, Callable[[int], str]]] = {
    # repeated open tags
    "open-post-link": ("html", lambda n: _page("<p>" + _repeat(f'<a href="{POST}">', n - 120))),
    "nested-div-link": ("html", lambda n: _page(_repeat(f'<div class="x"><a href="{POST}">', n - 120))),
    "nested-credit-div": ("html", lambda n: _page(_repeat('<div class="photo-credit">Photo: Jane Doe/AP', n - 120))),
    "open-tweet-blockquote": ("html", lambda n: _page(_repeat(
        f'<blockquote class="twitter-tweet"><p>Hi <a href="{POST}">x</a>', n - 120))),
    "open-figcaption": ("html", lambda n: _page(_repeat('<figure><img src="a.jpg"><figcaption>(AP Photo/Jane Doe)', n - 120))),
    "formatting-attrs": ("html", lambda n: _page("".join(f'<b class="c{i}">' for i in range(n // 14)))),
    "unclosed-span-div": ("html", lambda n: _page(_repeat("<span><div></span></div>", n - 120))),
    # dense signatures and credits
    "signatures-text": ("text", lambda n: _repeat(SIGNATURE, n)),
    "signatures-html": ("html", lambda n: _page(_repeat(f"<p>{SIGNATURE}</p>", n - 120))),
    "credits-text": ("text", lambda n: _repeat("Rain in the valley. (AP Photo/Jane Doe) Photo: Getty Images. "
                                               "John Roe/Reuters\n", n)),
    "credits-html": ("html", lambda n: _page(_repeat('<p>Rain (AP Photo/Jane Doe)</p><img alt="Photo by Jane Doe/AFP" '
                                                     'src="a.jpg"><span data-credit="Jane Doe/Reuters"></span>', n - 120))),
    "credits-one-line": ("text", lambda n: _repeat("Photo: Jane Doe/AP. ", n)),
    # long runs of the characters the detectors key on
    "run-parens-at": ("text", lambda n: _repeat("(@", n)),
    "run-open-paren": ("text", lambda n: _repeat("(", n)),
    "run-slashes": ("text", lambda n: _repeat("A/", n)),
    "run-dashes": ("text", lambda n: _repeat("— ", n)),
    "run-lt": ("html", lambda n: _page(_repeat("<", n - 120))),
    "run-quotes-in-tag": ("html", lambda n: _page('<img alt="Photo' + '"' * (n - 120) + ">")),
    "run-gt-in-attr": ("html", lambda n: _page('<img alt="Getty ' + ">" * (n - 120) + '">')),
    "run-host": ("html", lambda n: _page("<script>" + _repeat("twitter.com", n - 140) + "</script>")),
    "run-hint-words": ("html", lambda n: _page("<p>" + _repeat("Photo ", n - 120))),
    "run-ampersands": ("html", lambda n: _page('<a href="https://twitter.com/a?x=' + _repeat("&amp;", n - 160) + '">x</a>')),
    "script-credit-keys": ("html", lambda n: _page('<img src="https://img.example.org/shown-image-0001.jpg"><script>'
                                                   'window.s={"all":[' + _repeat('{"credit":"Photo: Jane Doe/AP",'
                                                   '"src":"https://img.example.org/shown-image-0001.jpg"},', n - 240)
                                                   + '{}]};</script>')),
    "script-credit-keys-one-object": ("html", lambda n: _page('<script>window.s={' + _repeat('"credit":"Photo: Jane Doe",',
                                                              n - 140) + '"src":"a.jpg"};</script>')),
    "run-credit-attr": ("html", lambda n: _page("<img" + _repeat(' credit="x"', n - 120) + ">")),
    # one photographer's credit on many photos, or on one photo shown many times (perf44: each was held against every
    # one kept before it)
    "one-credit-many-photos": ("html", lambda n: _page("<article>" + "".join(
        f'<div class="update"><amp-img src="https://img.example/g{i}.jpg"></amp-img><p class="credit">Photo: Jane Doe/AP'
        "</p></div>" for i in range(max(1, (n - 140) // 110))) + "</article>")),
    "one-credit-one-photo": ("html", lambda n: _page(_repeat('<div class="slide" data-credit="Jane Doe/AP"><img '
                                                             'src="https://img.example/b.jpg"></div>', n - 120))),
}


def run_one(name: str, size: int) -> float:
    sys.path.insert(0, str(ROOT))
    from resolver import extract

    kind, build = CASES[name]
    document = build(size)
    start = time.perf_counter()
    extract.find_all(document, kind)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,1,10", help="sizes in MB, comma-separated (default 0.1,1,10)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is stopped (default 120)")
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    parser.add_argument("--one", nargs=2, metavar=("NAME", "CHARS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(f"{run_one(args.one[0], int(args.one[1])):.6f}")
        return 0
    if args.list:
        print("\n".join(CASES))
        return 0
    names = args.only.split(",") if args.only else list(CASES)
    sizes = [float(s) for s in args.sizes.split(",")]
    print(f"{'case':24}" + "".join(f"{s:>10g} MB" for s in sizes) + "   growth per 10x")
    worst = 0.0
    for name in names:
        times: list[float | None] = []
        for size in sizes:
            if times and times[-1] is None:
                times.append(None)   # the smaller size timed out already
                continue
            try:
                done = subprocess.run([sys.executable, __file__, "--one", name, str(int(size * 1_000_000))],
                                      capture_output=True, text=True, timeout=args.timeout, check=True)
                times.append(float(done.stdout.strip()))
            except subprocess.TimeoutExpired:
                times.append(None)
        cells = "".join(f"{t:>11.3f}s" if t is not None else f"{'>' + format(args.timeout, 'g'):>11}s" for t in times)
        growth = []
        for (s1, t1), (s2, t2) in zip(zip(sizes, times), zip(sizes[1:], times[1:])):
            if t1 is None or t2 is None or s2 != s1 * 10:
                growth.append("   -")
                continue
            ratio = t2 / max(t1, 1e-4)
            if t1 >= 0.01:   # below 10 ms the ratio measures start-up noise
                worst = max(worst, ratio)
            growth.append(f"{ratio:6.1f}x")
        print(f"{name:24}{cells}   {' '.join(growth)}", flush=True)
    print(f"worst growth per 10x (runs over 10 ms): {worst:.1f}x   aim <= 12x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
