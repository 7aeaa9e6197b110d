#!/usr/bin/env python3
"""Benchmark: decoding time of inputs that are not UTF-8 and declare no charset (the guess: charset_normalizer and
the alphabet fit of each reading, resolver/article.py and resolver/alphabets.py), long and short, #14.

Usage: scripts/bench_decode.py [--repeat N] [--against DIR]

Each input is decoded with `resolver.article.from_bytes` (as a scan reads a file), N times; the figure is the best CPU
time (process_time: a loaded machine slows the wall clock, not this). The inputs are fictional, made here: a 100 KB
French page in Latin-1, a 100 KB Russian text in cp1251, one French line in cp1252, one Russian line in cp1251, and
a Latin-1 page holding a 40 KB data URI (one long word).

--against DIR also times the checkout in DIR (e.g. `git archive main | tar -x -C /tmp/base`), each checkout in a
process of its own: the guess imports resolver.alphabets lazily, and two checkouts in one process would share it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FRENCH = ("Le président a déclaré mercredi que les écoles resteraient fermées jusqu'à la fin de la semaine, "
          "a-t-il précisé à l'Agence France-Presse. « C'est une décision difficile », a ajouté le ministre {}. ")
RUSSIAN = ("Мост через реку закрыли в понедельник после ремонта номер {}, сообщили власти города. Фото: Иван "
           "Петров/ТАСС. ")


def inputs() -> dict[str, bytes]:
    def page(sentence: str, size: int) -> str:
        text, n = [], 0
        while sum(map(len, text)) < size:
            text.append(sentence.format(n))
            n += 1
        return "".join(text)

    data_uri = "data:image/png;base64," + "QUJD" * 10_000
    return {
        "100 KB French page, Latin-1": page(FRENCH, 100_000).encode("latin-1"),
        "100 KB Russian text, cp1251": page(RUSSIAN, 100_000).encode("cp1251"),
        "Latin-1 page with a 40 KB data URI": (f"<p>Le café est fermé.</p><img src='{data_uri}'>"
                                               f"<p>À bientôt, Zoé.</p>\n").encode("latin-1"),
        "short French line, cp1252": "Le café était fermé, dit Zoë Núñez.\n".encode("cp1252"),
        "short Russian line, cp1251": "Привет, мир. Мост закрыт сегодня утром, сообщили власти.\n".encode("cp1251"),
    }


def measure(root: Path, repeat: int) -> dict[str, dict[str, object]]:
    """Best CPU time (ms) of from_bytes per input, with the encoding and rival it gave, in the checkout at `root`."""
    sys.path.insert(0, str(root))
    from resolver.article import from_bytes

    if Path(sys.modules["resolver.article"].__file__ or "").resolve().parents[1] != root.resolve():
        raise SystemExit(f"{root} holds no checkout of its own: another resolver was imported")
    found = {}
    for name, data in inputs().items():
        started = time.process_time()
        article = from_bytes(data, "bench.txt")   # once first: imports, charset_normalizer's tables
        best = float("inf") if time.process_time() - started < 1 else time.process_time() - started
        for _ in range(repeat if best == float("inf") else 0):   # a decode past a second is timed once (a base's)
            started = time.process_time()
            from_bytes(data, "bench.txt")
            best = min(best, time.process_time() - started)
        found[name] = {"ms": best * 1000, "encoding": article.encoding, "rival": article.encoding_rival}
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="decodes per input; the best counts (default 7)")
    parser.add_argument("--against", metavar="DIR", help="also time the checkout in DIR, in its own process")
    parser.add_argument("--tree", metavar="DIR", help=argparse.SUPPRESS)   # one checkout's figures, as JSON
    args = parser.parse_args()
    if args.tree:
        print(json.dumps(measure(Path(args.tree), args.repeat)))
        return

    def run(tree: Path) -> dict[str, dict[str, object]]:
        out = subprocess.run([sys.executable, __file__, "--tree", str(tree), "--repeat", str(args.repeat)],
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out)

    ours = run(ROOT)
    theirs = run(Path(args.against)) if args.against else None
    for name, figure in ours.items():
        line = f"{name:38} {figure['ms']:9.2f} ms  {figure['encoding']}" + (
            f" (rival {figure['rival']})" if figure["rival"] else "")
        if theirs is not None:
            other = theirs[name]
            line += f"   | {args.against}: {other['ms']:9.2f} ms, ratio {figure['ms'] / other['ms']:.3f}"
            if (other["encoding"], other["rival"]) != (figure["encoding"], figure["rival"]):
                line += f"  ANSWER DIFFERS: {other['encoding']} (rival {other['rival']})"
        print(line)


if __name__ == "__main__":
    main()
