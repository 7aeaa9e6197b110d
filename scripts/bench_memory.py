#!/usr/bin/env python3
"""Benchmark: peak memory (RSS of the whole process tree) of `scan` over a generated 1 GB JSON Lines file and a
1 GB WARC file. Target: under 300 MB each, however large the input.

Usage: scripts/bench_memory.py [--size-mb 1024] [--workers 2] [--dir DIR] [--keep]
The inputs are fictional pages (scripts/_bench.py) made in DIR (default: a temporary folder), removed unless --keep.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import bench_env, embed_resolver, page, run_measured  # noqa: E402

TARGET_MB = 300


def make_jsonl(path: Path, size: int) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        while out.tell() < size:
            out.write(json.dumps({"id": count, "url": f"https://news.example/{count}", "html": page(count)}) + "\n")
            count += 1
    return count


def make_warc(path: Path, size: int) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    count = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        while out.tell() < size:
            body = page(count).encode()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://news.example/{count}", "response",
                                                          payload=io.BytesIO(body), http_headers=http,
                                                          length=len(body)))
            count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dir", type=Path)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="embed-resolver-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    size = args.size_mb * 1024 * 1024
    failed = False
    try:
        for name, make, option in (("feed.jsonl", make_jsonl, "--jsonl"), ("crawl.warc", make_warc, "--warc-input")):
            path = work / name
            count = make(path, size)
            run = run_measured(embed_resolver("scan", "--json", "-q", "--db", str(work / f"{name}.db"),
                                              "--workers", str(args.workers), option, str(path)),
                               env=bench_env(work))
            if run.returncode != 0:
                print(f"{name}: scan failed ({run.returncode}): {run.stderr.strip()[-500:]}")
                failed = True
                continue
            verdict = "ok" if run.peak_rss_mb < TARGET_MB else "OVER TARGET"
            print(f"{name}: {path.stat().st_size / 2**20:,.0f} MB, {count:,} articles, {run.seconds:.0f} s "
                  f"({count / run.seconds:.0f} articles/s), peak RSS {run.peak_rss_mb:.0f} MB "
                  f"(target < {TARGET_MB} MB): {verdict}")
            failed = failed or run.peak_rss_mb >= TARGET_MB
            path.unlink()
    finally:
        if not args.keep and args.dir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
