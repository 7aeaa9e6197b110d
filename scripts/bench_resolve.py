#!/usr/bin/env python3
"""Benchmark: resolve N two-hop links against a loopback server that answers each hop after a fixed latency.

Prints wall time against the ideal (hops x latency x N / concurrency) as a ratio. Target: <= 1.3 at N=1000,
concurrency 32. Everything stays on 127.0.0.1: the server runs in a child process, and [origins] points the
link hosts at it. The fetch log and resolutions are written to a throwaway cache, as in a real run.

A warm-up batch runs first (imports, TLS context, connection pool), then --runs timed runs on fresh links (none
answered from the cache); the median is reported.

Usage: scripts/bench_resolve.py [--n 1000] [--concurrency 32] [--latency 0.05] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HOPS = 2


def serve(port_queue: multiprocessing.Queue, latency: float) -> None:
    """A minimal HTTP/1.1 keep-alive server: /a/<n> on t.co -> bit.ly/b/<n> -> twitter.com/u/status/<id>."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode()
                await asyncio.sleep(latency)
                number = path.rsplit("/", 1)[-1]
                location = (f"https://bit.ly/b/{number}" if path.startswith("/a/")
                            else f"https://twitter.com/u/status/{1600000000000000000 + int(number)}")
                writer.write(f"HTTP/1.1 301 Moved Permanently\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n"
                             .encode())
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=2048)
        port_queue.put(server.sockets[0].getsockname()[1])
        async with server:
            await server.serve_forever()

    asyncio.run(main())


def run(n: int, concurrency: int, port: int, db: Path, runs: int) -> list[float]:
    """The warm-up and the timed runs, all in one session (one loop, one client), as a command runs them."""
    from cache import Store
    from resolver.resolve import resolve_many
    from resolver.session import Session
    from resolver.settings import Settings

    origin = f"http://127.0.0.1:{port}"
    settings = Settings(origins={"https://t.co": origin, "https://bit.ly": origin}, concurrency=concurrency,
                        per_host=concurrency, retries=0, timeout=30)

    async def timed(session: Session) -> list[float]:
        timings = []
        for run_number in range(runs + 1):          # run 0 is the warm-up
            size = min(n, 4 * concurrency) if run_number == 0 else n
            links = [f"https://t.co/a/{run_number * 1_000_000 + i}" for i in range(size)]
            start = time.perf_counter()
            results = await resolve_many(links, session=session)
            elapsed = time.perf_counter() - start
            errors = [r.error for r in results if r.error]
            if errors:
                raise SystemExit(f"{len(errors)} links failed, e.g. {errors[0]}")
            assert all(len(r.hops) == HOPS and not r.from_cache for r in results)
            if run_number:
                timings.append(elapsed)
        return timings

    with Store(db) as store:
        return Session(settings, store=store).run(timed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ctx = multiprocessing.get_context("spawn")
    ports: multiprocessing.Queue = ctx.Queue()
    server = ctx.Process(target=serve, args=(ports, args.latency), daemon=True)
    server.start()
    try:
        port = ports.get(timeout=30)
        with tempfile.TemporaryDirectory() as tmp:
            timings = run(args.n, args.concurrency, port, Path(tmp) / "bench.db", args.runs)
    finally:
        server.terminate()
        server.join(5)
    import statistics

    elapsed = statistics.median(timings)
    ideal = HOPS * args.latency * args.n / args.concurrency
    print(f"{args.n} links x {HOPS} hops, latency {args.latency * 1000:.0f} ms, concurrency {args.concurrency}")
    print("runs: " + ", ".join(f"{t:.2f} s" for t in timings))
    print(f"median wall {elapsed:.2f} s ({HOPS * args.n / elapsed:.0f} requests/s)", end="")
    print(f", ideal {ideal:.2f} s, ratio {elapsed / ideal:.2f}x  (target <= 1.3x)" if ideal else "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
