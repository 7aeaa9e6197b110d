#!/usr/bin/env python3
"""Check: which pages of a corpus the scan says may be no article (the thin-page warning, resolver/readable.py).

Usage: scripts/check_thin_pages.py [DIR ...]
DIR defaults to ../shared/corpus/html; when absent the script says so and exits 0. Prints each page warned of and
the fewest characters of readable text among the rest; exits 1 when a page of an HTML folder is warned of: the
corpus's pages are real articles, and a warning on one is a false alarm (newuser30 #3).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resolver.pipeline import scan_file  # noqa: E402
from resolver.readable import MIN_READABLE_CHARS  # noqa: E402


def main(folders: list[str]) -> int:
    paths = [Path(f) for f in folders] or [ROOT.parent / "shared" / "corpus" / "html"]
    missing = [p for p in paths if not p.is_dir()]
    if missing:
        print(f"no corpus at {', '.join(map(str, missing))}: nothing to check")
        return 0
    warned = 0
    for path in sorted(p for folder in paths for p in folder.rglob("*") if p.is_file()):
        try:
            result = scan_file(path)
        except Exception as exc:  # noqa: BLE001 - a page the scan refuses is no warning
            print(f"skipped {path}: {exc}")
            continue
        if result.thin is not None:
            warned += result.article.kind == "html"
            print(f"warned: {path}: {result.thin.message}")
    print(f"{warned} HTML pages warned of (threshold {MIN_READABLE_CHARS} characters)")
    return 1 if warned else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
