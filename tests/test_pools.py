"""The guarded connection pools (#14): small pools, one or more per origin, so httpcore's per-pool bookkeeping
(quadratic in connections) stays small; `concurrency` requests in flight at most in all; idle pools closed
beyond a bound; no TLS context until an https connection needs one. Against a threaded loopback server whose
handler waits, so requests really overlap."""

from __future__ import annotations

import threading
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Response

from resolver import transport
from resolver.http import fetch
from resolver.transport import SmallPools
from resolver.session import Session
from resolver.settings import Settings


class Overlap:
    """A handler that holds each request a moment and counts how many were in its hands at once."""

    def __init__(self, hold: float = 0.15) -> None:
        self.hold, self.now, self.most, self.lock = hold, 0, 0, threading.Lock()

    def __call__(self, request):
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(self.hold)
        with self.lock:
            self.now -= 1
        return Response("ok")


@pytest.fixture
def server():
    s = HTTPServer(threaded=True)
    s.start()
    yield s
    s.clear()
    s.stop()


@pytest.fixture
def keepalive_port():
    """A threaded HTTP/1.1 server that keeps connections open (werkzeug's test server closes each one)."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


async def names(host: str, port: int) -> list[str]:
    """Every *.pool.test name is this machine (the guard is lifted by allow_private for these tests)."""
    assert host.endswith(".pool.test"), host
    return ["127.0.0.1"]


def run_many(urls: list[str], *, concurrency: int):
    """Fetch the URLs at once; returns the outcomes and, sampled while they were in flight, the most connections
    any one pool held and the pool sizes by origin."""
    import asyncio

    async def job(session: Session):
        seen = {"largest": 0, "pools": {}}

        async def sample():
            while True:
                pools = pools_of(session)._pools
                for origin, group in pools.items():
                    seen["pools"][origin] = max(seen["pools"].get(origin, 0), len(group))
                    seen["largest"] = max([seen["largest"], *(len(p.transport.connections) for p in group)])
                await asyncio.sleep(0.01)
        sampler = asyncio.ensure_future(sample())
        outcomes = await asyncio.gather(*(fetch(session, u) for u in urls))
        sampler.cancel()
        return outcomes, seen
    session = Session(Settings(allow_private=True, concurrency=concurrency, retries=0), resolver=names)
    return session.run(job)


def pools_of(session: Session) -> SmallPools:
    transport = session.client.transport.inner
    assert isinstance(transport, SmallPools)
    return transport


def test_each_origin_gets_its_own_small_pools_and_no_pool_outgrows_its_size(server):
    overlap = Overlap()
    server.expect_request("/x").respond_with_handler(overlap)
    urls = [f"http://h{i % 12}.pool.test:{server.port}/x" for i in range(36)] + \
           [f"http://busy.pool.test:{server.port}/x" for _ in range(20)]

    outcomes, seen = run_many(urls, concurrency=64)
    assert [o.status for o in outcomes] == [200] * len(urls)
    pools = seen["pools"]
    assert len(pools) == 13
    assert all(n == 1 for origin, n in pools.items() if origin[1] != "busy.pool.test")
    assert pools[("http", "busy.pool.test", server.port)] == 3        # 20 at once: 8 + 8 + 4
    assert 0 < seen["largest"] <= transport.POOL_SIZE
    assert overlap.most > transport.POOL_SIZE    # the requests did overlap, beyond one pool's size


def test_concurrency_bounds_the_requests_in_flight_over_all_pools(server):
    overlap = Overlap()
    server.expect_request("/x").respond_with_handler(overlap)
    urls = [f"http://h{i}.pool.test:{server.port}/x" for i in range(30)]
    outcomes, _ = run_many(urls, concurrency=5)
    assert [o.status for o in outcomes] == [200] * 30
    assert overlap.most == 5


@pytest.mark.parametrize("bound", [4, 100])
def test_idle_pools_are_closed_beyond_the_bound(keepalive_port, monkeypatch, bound):
    monkeypatch.setattr(transport, "IDLE_CONNECTIONS", bound)
    urls = [f"http://h{i}.pool.test:{keepalive_port}/x" for i in range(12)]


    async def one_by_one(session: Session):
        for url in urls:
            assert (await fetch(session, url)).status == 200
        return sum(len(p.transport.connections) for p in pools_of(session)._recent), len(pools_of(session)._recent)
    session = Session(Settings(allow_private=True, retries=0), resolver=names)
    connections, pools = session.run(one_by_one)
    assert (connections, pools) == ((5, 5) if bound == 4 else (12, 12))   # the bound, and the pool made last


def test_no_tls_context_is_made_until_an_https_connection_needs_one(server, monkeypatch):
    import ssl

    made = []
    real = ssl.create_default_context
    monkeypatch.setattr(ssl, "create_default_context", lambda *a, **k: made.append(1) or real(*a, **k))
    server.expect_request("/x").respond_with_data("ok")
    outcomes, _ = run_many([f"http://h{i}.pool.test:{server.port}/x" for i in range(3)], concurrency=4)
    assert [o.status for o in outcomes] == [200] * 3
    assert made == []
    outcomes, _ = run_many([f"https://h{i}.pool.test:{server.port}/x" for i in range(3)], concurrency=4)
    assert all(o.error_kind == "connect" for o in outcomes)   # a plain-HTTP server: the handshake fails
    assert made == [1]    # one context, shared by the pools of all three origins
