#!/usr/bin/env python3
"""Run `scan` over a corpus of real pages and texts and print what it finds, per platform and detector.

Usage: scripts/evaluate_corpus.py [CORPUS_DIR] [--show N]
CORPUS_DIR defaults to ../shared/corpus beside the project; when it is absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resolver import extract  # noqa: E402
from resolver.article import from_path  # noqa: E402
from resolver.errors import InputError  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--show", type=int, default=0, help="print the first N embeds and credits of each file")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}; nothing to evaluate")
        return 0
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".html", ".htm", ".txt"))
    platforms: Counter[str] = Counter()
    detectors: Counter[str] = Counter()
    credit_sources: Counter[str] = Counter()
    pages_with: Counter[str] = Counter()
    errors = 0
    bad_spans: list[str] = []
    for path in files:
        try:
            article = from_path(path)
        except InputError as exc:
            errors += 1
            print(f"skip: {exc}")
            continue
        embeds, credits = extract.find_all(article.text, article.kind)
        for embed in embeds:
            platforms[f"{embed.platform}/{embed.kind}"] += 1
            detectors[embed.detector] += 1
            start, end = embed.span
            if end <= start or (article.kind == "html" and embed.detector.startswith("html-")
                                and embed.detector != "html-source" and article.text[start] != "<"):
                bad_spans.append(f"{path.name}: {embed.detector} {embed.url} {embed.span}")
        for credit in credits:
            credit_sources[credit.source] += 1
        pages_with["embeds"] += bool(embeds)
        pages_with["credits"] += bool(credits)
        if args.show and (embeds or credits):
            print(f"== {path.relative_to(corpus)} ({article.kind})")
            for embed in embeds[: args.show]:
                print(f"   E {embed.detector:20} {embed.url}  {embed.author_name or ''} {embed.date or ''}")
            for credit in credits[: args.show]:
                print(f"   C {credit.source:9} {credit.raw[:70]!r} -> {credit.creator} | {credit.organization}")
    print(f"\n{len(files)} files ({errors} skipped); {pages_with['embeds']} with embeds, {pages_with['credits']} with credits")
    print(f"spans that do not point at their element: {len(bad_spans)}")
    for line in bad_spans[:20]:
        print(f"  {line}")
    for title, counter in (("embeds by platform/kind", platforms), ("embeds by detector", detectors),
                           ("credits by source", credit_sources)):
        print(f"\n{title}:")
        for key, count in counter.most_common():
            print(f"  {count:6}  {key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
