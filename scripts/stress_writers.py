#!/usr/bin/env python3
"""Concurrent writers: several `embed-resolver scan` processes write one database at once.

Usage: scripts/stress_writers.py [--processes 4] [--articles 1000] [--shared 50] [--keep DIR] [--json]

Each process scans its own folder of generated articles (every one with tweets and a photo credit) plus
--shared articles that every folder holds byte for byte, all into one cache. Then the database is checked:
every process exited 0 and never reported a locked database, every article is there exactly once, each shared
article has one source row per process, each article's embeds and credits are all there (as many as extraction
finds in its bytes), and `PRAGMA integrity_check` says ok. Prints the figures (or JSON with --json); exit code 1
on any problem.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resolver import extract  # noqa: E402
from resolver.article import from_bytes  # noqa: E402

PAGE = """<html><body><h1>Riverton story {n}</h1>
<p>The bridge closed on Monday, number {n}.</p>
<blockquote class="twitter-tweet"><p lang="en">Bridge closed, detour via Elm St ({n})</p>&mdash; Riverton Roads
(@RivertonRoads) <a href="https://twitter.com/RivertonRoads/status/1{n:018d}">September 12, 2022</a></blockquote>
<blockquote class="twitter-tweet"><p lang="en">Crews on site ({n})</p>&mdash; Dee Fiction (@deefiction)
<a href="https://twitter.com/deefiction/status/2{n:018d}">September 13, 2022</a></blockquote>
<figure><img src="https://cdn.example/{n}.jpg">
<figcaption>The bridge. (Photo: Cal Sample/Riverton Wire)</figcaption></figure>
</body></html>
"""


def write_articles(base: Path, processes: int, articles: int, shared: int) -> dict[str, bytes]:
    """The folders, and every distinct article's bytes by sha256."""
    pages: dict[str, bytes] = {}
    common = [PAGE.format(n=10_000_000 + i).encode() for i in range(shared)]
    for p in range(processes):
        folder = base / f"writer-{p}"
        folder.mkdir(parents=True)
        for i in range(articles):
            data = PAGE.format(n=p * 1_000_000 + i).encode()
            (folder / f"story-{i:05d}.html").write_bytes(data)
            pages[hashlib.sha256(data).hexdigest()] = data
        for i, data in enumerate(common):
            (folder / f"shared-{i:05d}.html").write_bytes(data)
            pages[hashlib.sha256(data).hexdigest()] = data
    return pages


def check(db: Path, pages: dict[str, bytes], processes: int, shared: int) -> tuple[dict[str, int], list[str]]:
    problems: list[str] = []
    conn = sqlite3.connect(db)
    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    if integrity != "ok":
        problems.append(f"integrity_check: {integrity}")
    rows = {sha: (aid, ec, cc) for aid, sha, ec, cc in conn.execute(
        "SELECT id, sha256, embed_count, credit_count FROM articles")}
    count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    if count != len(rows):
        problems.append(f"{count - len(rows)} duplicated articles")
    missing = set(pages) - set(rows)
    if missing:
        problems.append(f"{len(missing)} articles lost")
    embeds = dict(conn.execute("SELECT article_id, count(*) FROM embeds GROUP BY article_id").fetchall())
    credits = dict(conn.execute("SELECT article_id, count(*) FROM credits GROUP BY article_id").fetchall())
    sources = dict(conn.execute("SELECT article_id, count(*) FROM article_sources GROUP BY article_id").fetchall())
    wrong = 0
    for sha, data in pages.items():
        if sha not in rows:
            continue
        article = from_bytes(data, "check")
        found_embeds, found_credits = extract.find_all(article.text, article.kind)
        aid, embed_count, credit_count = rows[sha]
        if (embeds.get(aid, 0), credits.get(aid, 0)) != (len(found_embeds), len(found_credits)) or \
                (embed_count, credit_count) != (len(found_embeds), len(found_credits)):
            wrong += 1
    if wrong:
        problems.append(f"{wrong} articles with missing or extra embeds/credits")
    expected_sources = len(pages) - shared + shared * processes
    total_sources = sum(sources.values())
    if total_sources != expected_sources:
        problems.append(f"{total_sources} source rows, expected {expected_sources}")
    figures = {"articles": count, "embeds": sum(embeds.values()), "credits": sum(credits.values()),
               "sources": total_sources}
    conn.close()
    return figures, problems


def run(processes: int, articles: int, shared: int, base: Path) -> dict:
    pages = write_articles(base, processes, articles, shared)
    db = base / "shared.db"
    started = time.monotonic()
    procs = [subprocess.Popen([sys.executable, "-m", "resolver", "scan", "--json", "--db", str(db),
                               str(base / f"writer-{p}")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for p in range(processes)]
    errors = [proc.communicate(timeout=1800)[1].decode() for proc in procs]
    seconds = time.monotonic() - started
    problems = [f"writer {i} exited {proc.returncode}: {err.strip()[-300:]}"
                for i, (proc, err) in enumerate(zip(procs, errors, strict=True)) if proc.returncode != 0]
    problems += [f"writer {i} reported a locked database" for i, err in enumerate(errors)
                 if "locked" in err.lower() or "busy" in err.lower()]
    figures, found = check(db, pages, processes, shared)
    return {"processes": processes, "articles_per_process": articles + shared, "seconds": round(seconds, 2),
            "articles_per_second": round(processes * (articles + shared) / seconds, 1), **figures,
            "problems": problems + found}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--articles", type=int, default=1000, help="distinct articles per process")
    parser.add_argument("--shared", type=int, default=50, help="articles every process scans (same bytes)")
    parser.add_argument("--keep", help="write the folders and the database here instead of a temporary folder")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(args.keep) if args.keep else Path(tmp)
        result = run(args.processes, args.articles, args.shared, base)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            if key != "problems":
                print(f"{key}: {value}")
        print("problems: " + ("; ".join(result["problems"]) or "none"))
    return 1 if result["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
