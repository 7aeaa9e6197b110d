#!/usr/bin/env python3
"""Benchmark: a warm cache. `scan --fetch` over 1,000 fictional articles against a loopback server (t.co-style
links and the syndication endpoint, pointed at it by [origins]), then the same command again: the second run
must make zero requests (counted at the server) and take at most 1.2x the time of a plain `scan` of the same
articles, all three measured in this run.

Usage: scripts/bench_warm_cache.py [--articles 1000] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import bench_env, embed_resolver, run_measured, snowflake  # noqa: E402

TARGET = 1.2


class Counting(BaseHTTPRequestHandler):
    """t.co/<code> -> 301 to the post; cdn.syndication.twimg.com/tweet-result?id= -> the post as JSON."""

    requests = 0
    lock = threading.Lock()
    posts: dict[str, tuple[str, str]] = {}          # t.co code -> (handle, id)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        with Counting.lock:
            Counting.requests += 1
        host = (self.headers.get("Host") or "").split(":")[0]
        url = urlsplit(self.path)
        if host == "t.co" and url.path[1:] in self.posts:
            handle, post_id = self.posts[url.path[1:]]
            self._answer(301, b"", location=f"https://twitter.com/{handle}/status/{post_id}")
        elif host == "cdn.syndication.twimg.com" and url.path == "/tweet-result":
            post_id = parse_qs(url.query).get("id", [""])[0]
            body = {"__typename": "Tweet", "id_str": post_id, "lang": "en", "text": f"Post {post_id}",
                    "created_at": "2023-03-03T10:00:00.000Z", "entities": {}, "mediaDetails": [],
                    "user": {"id_str": "1", "name": "Reporter", "screen_name": "reporter"}}
            self._answer(200, json.dumps(body).encode(), content_type="application/json")
        else:
            self._answer(404, b"not found")

    def _answer(self, status: int, body: bytes, *, location: str | None = None,
                content_type: str = "text/html") -> None:
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def article(n: int, rng: random.Random) -> str:
    """A fictional page with two embedded posts, each with a t.co link the server resolves."""
    quotes = []
    for k in range(2):
        handle, post_id = f"reporter{rng.randrange(300)}", snowflake(rng)
        code = f"c{n:05d}x{k}"
        Counting.posts[code] = (handle, post_id)
        quotes.append(f'<blockquote class="twitter-tweet"><p>Words {n}-{k} <a href="https://t.co/{code}">'
                      f'https://t.co/{code}</a></p>&mdash; Reporter (@{handle}) <a href="https://twitter.com/'
                      f'{handle}/status/{post_id}">March 3, 2023</a></blockquote>')
    paragraphs = "".join(f"<p>Paragraph {i} of story {n}, about the harbour and the council.</p>" for i in range(40))
    return f"<html><body><h1>Story {n}</h1>{paragraphs}{''.join(quotes)}<p>(Photo: Ann Lee/Agency)</p></body></html>"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="embed-resolver-bench-"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        rng = random.Random(13)
        for n in range(args.articles):
            (corpus / f"story{n:05d}.html").write_text(article(n, rng))
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        config = work / "config.toml"
        config.write_text('[network]\nretries = 0\nconcurrency = 32\nper_host = 16\n\n[fetch]\nx_methods = ["syndication"]'
                          '\n\n[origins]\n' + "".join(f'"https://{h}" = "{origin}"\n'
                                                      for h in ("t.co", "cdn.syndication.twimg.com")))
        base = ["--config", str(config), "--db", str(work / "cache.db"), "scan", "-q", "--json",
                "--workers", str(args.workers)]
        runs = {}
        for name, extra in (("cold scan --fetch", ["--fetch"]),
                            ("warm scan --fetch", ["--fetch"]), ("scan only", [])):
            before = Counting.requests
            run = run_measured(embed_resolver(*base, *extra, str(corpus)), env=bench_env(work))
            if run.returncode not in (0, 3):
                print(f"{name} failed ({run.returncode}): {run.stderr.strip()[-500:]}")
                return 1
            runs[name] = (run.seconds, Counting.requests - before)
            print(f"{name}: {args.articles} articles in {run.seconds:.1f} s, {Counting.requests - before} requests")
        warm, requests = runs["warm scan --fetch"]
        ratio = warm / runs["scan only"][0]
        print(f"warm cache: {requests} requests (target 0); {ratio:.2f}x the scan-only time (target <= {TARGET}x)")
        return 0 if requests == 0 and ratio <= TARGET else 1
    finally:
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
