#!/usr/bin/env python3
"""Mutation fuzzing of extraction: corpus pages (or generated ones) mutated and scanned, exceptions collected.

Usage: scripts/fuzz.py [--cases 100000] [--seed 1] [--corpus DIR] [--out DIR] [--budget SECONDS]
       scripts/fuzz.py --replay FILE     (run one saved reproducer and print its traceback)

Each case takes a page from ../shared/corpus (html/ and text/; generated pages when the corpus is absent), applies
one to three mutations (byte flips, tag duplication, truncation, attribute injection, splices, repeated slices,
special characters) and runs what `scan` runs: decoding (resolver.article.from_bytes) and extraction
(resolver.extract.find_all). InputError is the documented refusal; anything else is a finding, and so is a span
outside the page. It prints the exception count, each distinct exception (type and where in resolver/ it was
raised) with its reproducer saved under --out, the cases that ran past --budget, and the slowest case.
Exit code 1 when any exception was found.
"""

from __future__ import annotations

import argparse
import random
import re
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resolver import extract  # noqa: E402
from resolver.article import from_bytes  # noqa: E402
from resolver.errors import InputError  # noqa: E402

TAG_RE = re.compile(rb"<[a-zA-Z][^<>]{0,300}>")
INJECTED = [b' class="twitter-tweet"', b' href="https://twitter.com/a/status/1"', b' data-tweet-id="0"',
            b' src="//www.youtube.com/embed/"', b' href="javascript:x"', b' lang=""', b" data-instgrm-permalink",
            b' href="https://t.co/\xff"', b' data-bluesky-uri="at://"', b' style="' + b"a" * 500 + b'"',
            b' href="' + b"%" * 200 + b'"', b' title="\x00"']
SPECIALS = [b"\x00", b"\xff\xfe", b"\xe2\x80\xa8", b"\xe2\x80\x8f", b"\xef\xbb\xbf", b"&#0;", b"&#x110000;", b"<!--",
            b"]]>", b"<![CDATA[", b"</blockquote>", b"\xe2\x80\x94 ", b"(@", b"pic.twitter.com/", b"(Photo:",
            b"\r", b"\t" * 50, b"\xcc\x81" * 30]
GENERATED_PIECES = [
    "<blockquote class='twitter-tweet'><p lang='en'>Bridge closed {n}</p>&mdash; Riv Roads (@RivertonRoads) "
    "<a href='https://twitter.com/RivertonRoads/status/1{n:018d}'>September 12, 2022</a></blockquote>",
    "Traffic update pic.twitter.com/Ab{n}Cd — Riv Roads (@RivertonRoads) September 12, 2022\n",
    "<figure><img src='https://cdn.example/{n}.jpg'><figcaption>(Photo Credit: Dee Fiction/Riverton Wire)"
    "</figcaption></figure>", "<p>(AP Photo/Jane Roe) REUTERS/Sam Sample</p>",
    "<iframe src='https://www.youtube.com/embed/dQw4w9WgXc{m}'></iframe>",
    "<script type='application/ld+json'>{{\"@type\": \"ImageObject\", \"creditText\": \"Cal {n}\"}}</script>",
    "<p>Plain prose about the river, nothing embedded, {n} words.</p>", "<a href='https://t.co/x{n}'>link</a>",
]


class OverBudget(Exception):
    """The case ran past --budget seconds."""


def seeds(corpus: Path, rng: random.Random) -> list[tuple[str, bytes]]:
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".html", ".htm", ".txt"))
    if files:
        return [(p.name, p.read_bytes()) for p in files]
    print(f"corpus not found at {corpus}; mutating generated pages", file=sys.stderr)
    pages = []
    for i in range(40):
        body = "".join(rng.choice(GENERATED_PIECES).format(n=rng.randrange(10 ** 6), m=i % 10)
                       for _ in range(rng.randrange(1, 60)))
        pages.append((f"generated-{i}.html", f"<html><body>{body}</body></html>".encode()))
        pages.append((f"generated-{i}.txt", re.sub(r"<[^>]+>", " ", body).encode()))
    return pages


def mutate(data: bytes, pool: list[tuple[str, bytes]], rng: random.Random) -> tuple[bytes, list[str]]:
    names = []
    for _ in range(rng.randint(1, 3)):
        name, fn = rng.choice(MUTATIONS)
        data = fn(data, pool, rng)
        names.append(name)
    return data, names


def _flip(data, pool, rng):
    buf = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if buf:
            buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
    return bytes(buf)


def _truncate(data, pool, rng):
    return data[:rng.randrange(len(data) + 1)]


def _tags(data, rng):
    starts = [m.span() for m in TAG_RE.finditer(data, rng.randrange(len(data) + 1) // 2)]
    return starts[:2000]


def _duplicate_tag(data, pool, rng):
    tags = _tags(data, rng)
    if not tags:
        return data + b"<p>" * rng.randint(1, 200)
    start, end = rng.choice(tags)
    return data[:end] + data[start:end] * rng.randint(1, 200) + data[end:]


def _inject_attribute(data, pool, rng):
    tags = _tags(data, rng)
    if not tags:
        return data
    start, end = rng.choice(tags)
    return data[:end - 1] + rng.choice(INJECTED) + data[end - 1:]


def _splice(data, pool, rng):
    _, other = rng.choice(pool)
    a = rng.randrange(len(other) + 1)
    piece = other[a:a + rng.randint(1, 5000)]
    at = rng.randrange(len(data) + 1)
    return data[:at] + piece + data[at:]


def _repeat_slice(data, pool, rng):
    if not data:
        return data
    a = rng.randrange(len(data))
    piece = data[a:a + rng.randint(1, 64)]
    return data[:a] + piece * rng.randint(2, 300) + data[a:]


def _special(data, pool, rng):
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice(SPECIALS) * rng.randint(1, 20) + data[at:]


def _delete(data, pool, rng):
    a = rng.randrange(len(data) + 1)
    return data[:a] + data[a + rng.randint(1, 2000):]


MUTATIONS = [("flip", _flip), ("truncate", _truncate), ("duplicate-tag", _duplicate_tag),
             ("inject-attribute", _inject_attribute), ("splice", _splice), ("repeat-slice", _repeat_slice),
             ("special", _special), ("delete", _delete)]


def run_case(data: bytes, kind: str | None) -> None:
    """What scan does with one file; raises what it raises. A span outside the page is an AssertionError."""
    try:
        article = from_bytes(data, "fuzz", kind=kind)
    except InputError:
        return
    embeds, credits = extract.find_all(article.text, article.kind)
    for item in list(embeds) + list(credits):
        assert 0 <= item.span[0] <= item.span[1] <= len(article.text), f"span {item.span} outside the page"


def where(exc: BaseException) -> str:
    """The innermost frame in resolver/ (else the innermost at all): what makes two exceptions the same."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/resolver/" in f.filename] or frames
    frame = ours[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--out", default=str(ROOT / "fuzz-findings"), help="where reproducers are saved")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds one case may take before it is cut off")
    parser.add_argument("--replay", help="run one saved reproducer and print its traceback")
    args = parser.parse_args()
    if args.replay:
        path = Path(args.replay)
        run_case(path.read_bytes(), "text" if path.suffix == ".txt" else None)
        print("no exception")
        return 0
    rng = random.Random(args.seed)
    pool = seeds(Path(args.corpus), rng)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    def alarm(signum, frame):
        raise OverBudget(f"over the {args.budget:g}s budget")
    signal.signal(signal.SIGALRM, alarm)

    found: Counter[str] = Counter()
    first: dict[str, str] = {}
    over_budget: list[str] = []
    slowest = (0.0, "", 0, [])
    started = time.monotonic()
    for case in range(args.cases):
        name, page = rng.choice(pool)
        data, mutations = mutate(page, pool, rng)
        kind = "text" if name.endswith(".txt") else None
        suffix = ".txt" if kind == "text" else ".html"
        t0 = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, args.budget)
        try:
            run_case(data, kind)
        except OverBudget:
            path = out / f"over-budget-{len(over_budget):03d}{suffix}"
            path.write_bytes(data)
            over_budget.append(f"{path.name} ({len(data):,} bytes from {name}, {'+'.join(mutations)})")
        except Exception as exc:  # noqa: BLE001 - every exception is a finding to count
            key = f"{type(exc).__name__} at {where(exc)}"
            found[key] += 1
            if key not in first:
                path = out / f"exception-{len(first):03d}{suffix}"
                path.write_bytes(data)
                path.with_suffix(".traceback").write_text("".join(traceback.format_exception(exc)))
                first[key] = f"{path} ({name}, {'+'.join(mutations)}): {str(exc)[:160]}"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.perf_counter() - t0
        if elapsed > slowest[0]:
            slowest = (elapsed, name, len(data), mutations)
            (out / f"slowest{suffix}").write_bytes(data)
        if (case + 1) % 1000 == 0:
            print(f"{case + 1:,} cases, {sum(found.values())} exceptions, {time.monotonic() - started:.0f}s",
                  file=sys.stderr, flush=True)
    print(f"cases: {args.cases:,} from {len(pool)} pages in {time.monotonic() - started:.0f}s (seed {args.seed})")
    print(f"exceptions: {sum(found.values())} ({len(found)} distinct)")
    for key, count in found.most_common():
        print(f"  {count:6d}  {key}\n          reproducer: {first[key]}")
    print(f"over the {args.budget:g}s budget: {len(over_budget)}")
    for line in over_budget[:20]:
        print(f"  {line}")
    seconds, name, size, mutations = slowest
    print(f"slowest case: {seconds:.2f}s, {size:,} bytes from {name} ({'+'.join(mutations)}), saved as "
          f"{out / 'slowest'}.*")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
