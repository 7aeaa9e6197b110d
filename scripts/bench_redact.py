#!/usr/bin/env python3
"""Benchmark: redacting response bodies of the configured secrets (`Redactor.body`), best time per case.

Usage: scripts/bench_redact.py [--repeat N] [--size-mb M] [--case NAME ...] [--against DIR] [--corpus DIR]
Cases (fictional secrets: an X-like token starting with 21 "A"s and issued with escapes, two IA keys, a Meta token):
  plain      4 MB of prose with no secret and no escape (most bodies)
  worst      M MB (default 20) of "&#65;": a hostile server echoing "A", which the token starts with 21 times (#14)
  worst-echo the same with the token echoed once at its end, each character an HTML reference
  mixed      5 MB mixing "&#99;", "&#x41;" and "\\u0041" (escapes of letters the secrets hold, no run of one)
  corpus     every page of the corpus (default ../shared/corpus/html), summed; skipped when absent
Aims (#14): plain <= ~0.1 s, worst <= ~3 s.
--against DIR also times another checkout (e.g. `git archive main` unpacked there), the two taking turns to go
first; on a shared machine, runs minutes apart differ by more than a change does. Each answer is checked to be
the same as the other checkout's.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resolver import redact  # noqa: E402
from _bench import other_checkout_module  # noqa: E402

SECRETS = ("AAAAAAAAAAAAAAAAAAAAAFicTionalBench%2FBearer%3DToken0123456789%2Bplus%3D%3D", "IAbenchAccess0123",
           "IAbenchSecret6543", "EAABbenchMetaToken0123456789abcdef")
WORDS = ("the harbour council met on tuesday and a storm warning was issued for the villages near the bay; "
         "residents were told to move cars away from the river before the evening tide.\n")


def cases(size_mb: int, corpus: Path) -> dict[str, list[bytes]]:
    token = SECRETS[0].replace("%2F", "/").replace("%3D", "=").replace("%2B", "+")
    worst = b"&#65;" * (size_mb * 1_000_000 // 5)
    found = {
        "plain": [(WORDS * (4_000_000 // len(WORDS))).encode()],
        "worst": [worst],
        "worst-echo": [worst + "".join(f"&#{ord(c)};" for c in token).encode()],
        "mixed": [(b"&#99;&#x41;\\u0041 " * (5_000_000 // 19))],
    }
    if corpus.is_dir():
        found["corpus"] = [path.read_bytes() for path in sorted(corpus.iterdir()) if path.is_file()]
    return found


def best_of(repeat: int, redactor: Any, bodies: list[bytes]) -> tuple[float, list[bytes]]:
    times, answers = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        answers = [redactor.body(body) for body in bodies]
        times.append(time.perf_counter() - start)
    return min(times), answers


def other_redactor(root: str) -> Callable[..., Any]:
    """The `Redactor` class of the checkout at `root`, imported while this one's modules are set aside."""
    return other_checkout_module(root, "resolver.redact").Redactor  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--size-mb", type=int, default=20)
    parser.add_argument("--case", action="append", help="only these cases (repeatable)")
    parser.add_argument("--against", help="another checkout to time in the same run")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "html")
    args = parser.parse_args()
    ours = redact.Redactor(secrets=SECRETS)
    theirs = other_redactor(args.against)(secrets=SECRETS) if args.against else None
    for name, bodies in cases(args.size_mb, args.corpus).items():
        if args.case and name not in args.case:
            continue
        size = sum(map(len, bodies)) / 1e6
        if theirs is None:
            took, _ = best_of(args.repeat, ours, bodies)
            print(f"{name:<11} {size:6.1f} MB  {took:7.3f} s", flush=True)
            continue
        for round_ in range(args.repeat):   # in turns, each going first every other round
            pair = [(ours, "ours"), (theirs, "theirs")][:: 1 if round_ % 2 == 0 else -1]
            timed = {label: best_of(1, redactor, bodies) for redactor, label in pair}
            if timed["ours"][1] != timed["theirs"][1]:
                print(f"{name}: the two checkouts redact differently", file=sys.stderr)
                return 1
            print(f"{name:<11} {size:6.1f} MB  ours {timed['ours'][0]:7.3f} s  theirs {timed['theirs'][0]:7.3f} s",
                  flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
