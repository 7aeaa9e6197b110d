#!/usr/bin/env python3
"""Benchmark: resolve N two-hop links over many hosts against a loopback server that answers each hop after a
fixed latency, at several concurrency levels.

Prints, per level, wall time against the ideal (hops x latency x N / concurrency) as a ratio. Target (#14): within
1.15x at every level for 10,000 links over 200 hosts, 50 ms a response, concurrency 16, 32, 64 and 128.

Link i is http://s<k>.bench.test:<port>/a/<i> -> 301 http://r<k>.bench.test:<port>/b/<i> -> 301 a post URL (the
end: a post URL needs no request), k = i mod hosts/2: so `--hosts` distinct origins, as a real run meets them.
Requests take the path of a real run (the shared guarded pool, not an [origins] override pool); name resolution
is the Session's resolver seam, answering 127.0.0.1 for *.bench.test and refusing anything else, and
allow_private lets the guard dial that loopback answer. Nothing leaves 127.0.0.1; the server runs in a child
process. The fetch log and resolutions go to a throwaway cache, as in a real run.

Per level: a warm-up batch (imports, pool), then --runs timed runs on fresh links (none answered from the cache);
the median is reported, with the client's CPU time per request (this process's, the server's apart): on a machine
shared with other work, the figure that moves least with the load. First, unless --no-ceiling, the highest level
runs against a server that answers at once: the requests/s this machine's CPU allows, which bounds the best ratio
a level can reach here. With
--urlexpander [PYTHON], urlexpander's `expand` (run by an interpreter that has it) resolves the same number of
two-hop links at the same concurrency, for comparison (it resolves names itself: its links name 127.0.0.1).

Usage: scripts/bench_resolve.py [--n 10000] [--hosts 200] [--concurrency 16,32,64,128] [--latency 0.05]
                                [--runs 1] [--urlexpander [PYTHON]] [--no-ceiling]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HOPS = 2
DOMAIN = "bench.test"


def serve(port_queue: multiprocessing.Queue, latency: float, mode: str) -> None:
    """A minimal HTTP/1.1 keep-alive server: /a/<n> -> /b/<n> on the paired host -> a post URL."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        port = writer.get_extra_info("sockname")[1]
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode()
                host = next((line.split(b":", 1)[1].strip().decode() for line in head.split(b"\r\n")
                             if line.lower().startswith(b"host:")), "")
                await asyncio.sleep(latency)
                number = path.rsplit("/", 1)[-1]
                if path.startswith("/end/"):     # loopback mode's end of the chain: a page, not a redirect
                    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                    await writer.drain()
                    continue
                if path.startswith("/a/"):
                    second = host.replace("s", "r", 1) if mode == "names" else f"127.0.0.1:{port}"
                    location = f"http://{second}/b/{number}"
                elif mode == "loopback":    # a client that follows every redirect must stay on 127.0.0.1
                    location = f"http://127.0.0.1:{port}/end/{number}"
                else:
                    location = f"https://twitter.com/u/status/{1600000000000000000 + int(number)}"
                writer.write(f"HTTP/1.1 301 Moved Permanently\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n"
                             .encode())
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=4096)
        port_queue.put(server.sockets[0].getsockname()[1])
        async with server:
            await server.serve_forever()

    asyncio.run(main())


async def bench_resolver(host: str, port: int) -> list[str]:
    """Name resolution for the bench: *.bench.test is 127.0.0.1; any other name is a bug of the bench."""
    if host.endswith("." + DOMAIN):
        return ["127.0.0.1"]
    raise SystemExit(f"the bench tried to resolve {host}")


def links(n: int, hosts: int, port: int, offset: int) -> list[str]:
    return [f"http://s{i % max(hosts // 2, 1)}.{DOMAIN}:{port}/a/{offset + i}" for i in range(n)]


def run_level(n: int, hosts: int, concurrency: int, port: int, db: Path, runs: int) -> list[tuple[float, float]]:
    """The warm-up and the timed runs of one level, all in one session (one loop, one client), as a command runs:
    (wall time, this process's CPU time) of each timed run."""
    from cache import Store
    from resolver.resolve import resolve_many
    from resolver.session import Session
    from resolver.settings import Settings

    settings = Settings(allow_private=True, concurrency=concurrency, per_host=concurrency, retries=0, timeout=60,
                        deadline=120)

    async def timed(session: Session) -> list[tuple[float, float]]:
        timings = []
        for run_number in range(runs + 1):          # run 0 is the warm-up
            size = min(n, 4 * concurrency) if run_number == 0 else n
            batch = links(size, hosts, port, (concurrency * 100 + run_number) * 1_000_000)
            start, cpu = time.perf_counter(), time.process_time()
            results = await resolve_many(batch, session=session)
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            errors = [r.error for r in results if r.error]
            if errors:
                raise SystemExit(f"{len(errors)} links failed, e.g. {errors[0]}")
            assert all(len(r.hops) == HOPS and not r.from_cache for r in results)
            if run_number:
                timings.append((elapsed, cpu))
        return timings

    with Store(db) as store:
        return Session(settings, store=store, resolver=bench_resolver).run(timed)


URLEXPANDER = """
import socket, sys, time
real_getaddrinfo = socket.getaddrinfo
def only_loopback(host, *args, **kwargs):   # a bug of the bench must not send a packet anywhere else
    if host not in ("127.0.0.1", "localhost"):
        raise OSError(f"the bench resolves no real names ({host})")
    return real_getaddrinfo(host, *args, **kwargs)
socket.getaddrinfo = only_loopback
import tldextract
# The bundled public suffix list only: tldextract would otherwise download one on first use.
offline = tldextract.TLDExtract(suffix_list_urls=())
tldextract.extract = offline
import urlexpander
port, n, workers = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
urls = [f"http://127.0.0.1:{port}/a/{9_000_000_000 + i}" for i in range(n)]
start = time.perf_counter()
expanded = urlexpander.expand(urls, n_workers=workers, chunksize=max(n // workers, 1), filter_function=lambda u: True)
elapsed = time.perf_counter() - start
assert all("/end/" in u for u in expanded), [u for u in expanded if "/end/" not in u][:3]
print(elapsed)
"""


def run_urlexpander(python: str, n: int, concurrency: int, port: int) -> float | None:
    """urlexpander's expand (requests.head with redirects followed, in `concurrency` threads) over the same number
    of two-hop links, run by `python` (an interpreter that has urlexpander; its dependencies, pandas among them,
    stay out of this project's environment), or None when it has not. It resolves names itself, so its links
    name 127.0.0.1 (one origin), and its chains end at a loopback page."""
    import subprocess

    if subprocess.run([python, "-c", "import urlexpander"], capture_output=True).returncode != 0:
        return None
    done = subprocess.run([python, "-c", URLEXPANDER, str(port), str(n), str(concurrency)], capture_output=True,
                          text=True, env={"PATH": "/usr/bin:/bin"})   # no proxy variables
    if done.returncode != 0:
        raise SystemExit(f"urlexpander failed: {done.stderr[-500:]}")
    return float(done.stdout.strip().splitlines()[-1])


def start_server(latency: float, mode: str) -> tuple[multiprocessing.process.BaseProcess, int]:
    ctx = multiprocessing.get_context("spawn")
    ports: multiprocessing.Queue = ctx.Queue()
    server = ctx.Process(target=serve, args=(ports, latency, mode), daemon=True)
    server.start()
    return server, ports.get(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--hosts", type=int, default=200)
    parser.add_argument("--concurrency", default="16,32,64,128", help="comma-separated levels")
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--urlexpander", metavar="PYTHON", nargs="?", const=sys.executable,
                        help="also time urlexpander's expand, run by this interpreter (default: this one), if it "
                             "has urlexpander")
    parser.add_argument("--no-ceiling", action="store_true", help="skip the no-latency run that measures the CPU ceiling")
    args = parser.parse_args()
    levels = [int(c) for c in args.concurrency.split(",")]
    print(f"{args.n} links x {HOPS} hops over {args.hosts} hosts, latency {args.latency * 1000:.0f} ms")
    ceiling = None
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_ceiling:
            # The same run with answers at once: requests/s this machine's CPU allows the client (and the server
            # beside it). A level whose ideal rate is above it cannot reach its ideal time here.
            server, port = start_server(0.0, "names")
            try:
                [(elapsed, cpu)] = run_level(args.n, args.hosts, max(levels), port, Path(tmp) / "c.db", 1)
            finally:
                server.terminate()
                server.join(5)
            ceiling = HOPS * args.n / elapsed
            print(f"CPU ceiling (no latency, concurrency {max(levels)}): {ceiling:.0f} requests/s; client CPU "
                  f"{cpu / (HOPS * args.n) * 1e6:.0f} us a request", flush=True)
        server, port = start_server(args.latency, "names")
        try:
            for concurrency in levels:
                runs = run_level(args.n, args.hosts, concurrency, port, Path(tmp) / "bench.db", args.runs)
                timings = [wall for wall, _ in runs]
                elapsed = statistics.median(timings)
                cpu = statistics.median(cpu for _, cpu in runs) / (HOPS * args.n)
                ideal = HOPS * args.latency * args.n / concurrency
                bound = "" if ceiling is None else \
                    f"; best possible here {max(1.0, HOPS * args.n / ideal / ceiling):.2f}x"
                print(f"concurrency {concurrency:4d}: runs " + ", ".join(f"{t:.2f} s" for t in timings)
                      + f"; median {elapsed:.2f} s ({HOPS * args.n / elapsed:.0f} requests/s), ideal {ideal:.2f} s,"
                      f" ratio {elapsed / ideal:.2f}x  (target <= 1.15x{bound}); client CPU {cpu * 1e6:.0f} us a"
                      " request", flush=True)
        finally:
            server.terminate()
            server.join(5)
    if args.urlexpander:
        server, port = start_server(args.latency, "loopback")
        try:
            for concurrency in levels:
                elapsed_or_none = run_urlexpander(args.urlexpander, args.n, concurrency, port)
                if elapsed_or_none is None:
                    print("urlexpander: not installed; skipped")
                    break
                ideal = HOPS * args.latency * args.n / concurrency
                print(f"urlexpander, concurrency {concurrency:4d}: {elapsed_or_none:.2f} s, ratio "
                      f"{elapsed_or_none / ideal:.2f}x", flush=True)
        finally:
            server.terminate()
            server.join(5)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
