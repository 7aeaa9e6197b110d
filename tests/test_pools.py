"""The guarded connections (#14): kept per origin and reused while idle, never lent to another origin; at most
`concurrency` requests in flight in all; idle connections closed beyond a bound; a connection the server closed
while idle is not reused; no TLS context until an https connection needs one. Against threaded loopback servers
whose handlers wait, so requests really overlap."""

from __future__ import annotations

import threading
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Response

from resolver import transport
from resolver.http import fetch
from resolver.transport import GuardedConnections
from resolver.session import Session
from resolver.settings import Settings
from tests.fakenet import RawServer, answer_then_close, answering


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


class KeepAlive:
    """A threaded HTTP/1.1 server that keeps connections open (werkzeug's test server closes each one) and notes,
    for each connection (the client's port), the Host of every request it carried."""

    def __init__(self) -> None:
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.hosts: dict[int, list[str]] = {}
        seen = self.hosts

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                seen.setdefault(self.client_address[1], []).append(self.headers["Host"].split(":")[0])
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture
def keepalive():
    server = KeepAlive()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def keepalive_port(keepalive):
    return keepalive.port


async def names(host: str, port: int) -> list[str]:
    """Every *.pool.test name is this machine (the guard is lifted by allow_private for these tests)."""
    assert host.endswith(".pool.test"), host
    return ["127.0.0.1"]


def run_many(urls: list[str], *, concurrency: int):
    """Fetch the URLs at once; returns the outcomes and, sampled while they were in flight, the most connections
    open at once."""
    import asyncio

    async def job(session: Session):
        seen = {"most": 0}

        async def sample():
            while True:
                seen["most"] = max(seen["most"], len(connections_of(session).connections))
                await asyncio.sleep(0.01)
        sampler = asyncio.ensure_future(sample())
        outcomes = await asyncio.gather(*(fetch(session, u) for u in urls))
        sampler.cancel()
        return outcomes, seen
    session = Session(Settings(allow_private=True, concurrency=concurrency, retries=0), resolver=names)
    return session.run(job)


def connections_of(session: Session) -> GuardedConnections:
    transport = session.client.transport.inner
    assert isinstance(transport, GuardedConnections)
    return transport


def fetch_one_by_one(urls: list[str], **settings):
    """Fetch the URLs one after the other in one session: the statuses, then the connections left open and idle."""
    async def job(session: Session):
        statuses = [(await fetch(session, url)).status for url in urls]
        return statuses, len(connections_of(session).connections), connections_of(session).idle_connections
    return Session(Settings(allow_private=True, retries=0, **settings), resolver=names).run(job)


def test_a_connection_is_reused_for_its_origin_and_never_lent_to_another(keepalive):
    urls = [f"http://h{i % 3}.pool.test:{keepalive.port}/x" for i in range(12)]
    statuses, open_, idle = fetch_one_by_one(urls)
    assert statuses == [200] * 12
    assert (open_, idle) == (3, 3)
    assert sorted(sorted(set(hosts)) + [len(hosts)] for hosts in keepalive.hosts.values()) == \
        [["h0.pool.test", 4], ["h1.pool.test", 4], ["h2.pool.test", 4]]   # one connection per origin, 4 requests each


def test_requests_to_one_origin_overlap_up_to_the_concurrency(server):
    overlap = Overlap()
    server.expect_request("/x").respond_with_handler(overlap)
    urls = [f"http://busy.pool.test:{server.port}/x" for _ in range(20)] + \
           [f"http://h{i % 12}.pool.test:{server.port}/x" for i in range(36)]

    outcomes, seen = run_many(urls, concurrency=16)
    assert [o.status for o in outcomes] == [200] * len(urls)
    assert overlap.most == 16
    assert 16 <= seen["most"]


def test_concurrency_bounds_the_requests_in_flight_over_all_origins(server):
    overlap = Overlap()
    server.expect_request("/x").respond_with_handler(overlap)
    urls = [f"http://h{i}.pool.test:{server.port}/x" for i in range(30)]
    outcomes, _ = run_many(urls, concurrency=5)
    assert [o.status for o in outcomes] == [200] * 30
    assert overlap.most == 5


def test_the_progress_bar_counts_in_flight_only_the_requests_holding_a_connection_slot(server):
    """Six requests with concurrency 2, the server holding each until the test lets go: 2 in flight and 4 queued.
    Before, a request counted as in flight from the moment it was asked (newuser30 #9: the bar said "48 requests
    in flight" with concurrency 16)."""
    import asyncio

    release, arrived = threading.Event(), []

    def hold(request):
        arrived.append(request.path)
        release.wait(30)
        return Response("ok")
    server.expect_request("/x").respond_with_handler(hold)

    async def job(session: Session):
        task = asyncio.gather(*(fetch(session, f"http://h{i}.pool.test:{server.port}/x") for i in range(6)))
        deadline = time.monotonic() + 20
        while len(arrived) < 2 or session.requests_in_flight + session.requests_queued < 6:
            assert time.monotonic() < deadline, (arrived, session.requests_in_flight, session.requests_queued)
            await asyncio.sleep(0.01)
        counts = (session.requests_in_flight, session.requests_queued)
        release.set()
        outcomes = await task
        return counts, [o.status for o in outcomes], (session.requests_in_flight, session.requests_queued)
    session = Session(Settings(allow_private=True, concurrency=2, retries=0), resolver=names)
    try:
        counts, statuses, after = session.run(job)
    finally:
        release.set()
    assert counts == (2, 4) and statuses == [200] * 6 and after == (0, 0)


@pytest.mark.parametrize("bound", [4, 100])
def test_idle_connections_are_closed_beyond_the_bound(keepalive_port, monkeypatch, bound):
    monkeypatch.setattr(transport, "IDLE_CONNECTIONS", bound)
    urls = [f"http://h{i}.pool.test:{keepalive_port}/x" for i in range(12)]
    statuses, open_, idle = fetch_one_by_one(urls)
    assert statuses == [200] * 12
    assert (open_, idle) == ((4, 4) if bound == 4 else (12, 12))


def test_a_connection_the_server_closed_while_idle_is_not_reused():
    """The server answers with keep-alive, then hangs up: the next request to the origin takes a new connection
    and gets its answer (reusing the dead one would end in a network error)."""
    raw = RawServer(answer_then_close)

    async def job(session: Session):
        import asyncio

        first = await fetch(session, f"http://h.pool.test:{raw.port}/x")
        await asyncio.sleep(0.3)   # the server has closed the idle connection by now
        second = await fetch(session, f"http://h.pool.test:{raw.port}/x")
        return first.status, second.status, second.error
    assert Session(Settings(allow_private=True, retries=0), resolver=names).run(job) == (200, 200, None)
    assert raw.accepted == 2


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
    assert made == [1]    # one context, shared by the connections of all three origins


@pytest.mark.parametrize("hosts, concurrency, per_host, most", [
    ([0] * 8 + [1] * 8, 16, 2, {"all": 4, "h0": 2, "h1": 2}),        # the per-host limit binds
    ([0, 1, 2, 3] * 6, 3, 10, {"all": 3}),                            # the global one
], ids=["per-host", "global"])
def test_resolve_many_keeps_its_global_and_per_host_limits(server, hosts, concurrency, per_host, most):
    """resolve_many: at most `concurrency` links in flight in all and `per_host` a host, and each limit reached.
    The first requests are held until as many as the limits allow are in (a sleep of 0.1 s each let that happen:
    under load a request came late and the limit looked unreached, or a host's links overlapped in the global
    case, whose counts a host are no limit's)."""
    from resolver.resolve import resolve_many

    lock, now, seen, given_up = threading.Condition(), {}, {"all": 0}, []

    def handler(request):
        host = request.headers["Host"].split(".")[0]
        with lock:
            now[host] = now.get(host, 0) + 1
            seen[host] = max(seen.get(host, 0), now[host])
            seen["all"] = max(seen["all"], sum(now.values()))
            lock.notify_all()
            if not lock.wait_for(lambda: seen["all"] >= most["all"] or given_up, timeout=10):
                given_up.append(host)   # never reached: the run is not held any longer
        time.sleep(0.1)
        with lock:
            now[host] -= 1
        return Response("", 301, {"Location": "https://twitter.com/u/status/1000"})
    server.expect_request("/l").respond_with_handler(handler)
    links = [f"http://h{h}.pool.test:{server.port}/l?{i}" for i, h in enumerate(hosts)]
    settings = Settings(allow_private=True, concurrency=concurrency, per_host=per_host, retries=0)
    results = Session(settings, resolver=names).run(lambda s: resolve_many(links, session=s))
    assert [r.post.post_id for r in results] == ["1000"] * len(links)
    assert {key: seen[key] for key in most} == most
    assert max(n for key, n in seen.items() if key != "all") <= per_host


def test_a_connection_the_server_says_it_closes_is_not_reused():
    """`Connection: close` on an answer: the next request takes a new connection, even while the server has not
    hung up yet (reusing it would send a request the server no longer reads)."""
    raw = RawServer(answering(lambda path: b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"))
    urls = [f"http://h.pool.test:{raw.port}/{i}" for i in range(3)]
    statuses, open_, idle = fetch_one_by_one(urls)
    assert (statuses, open_, idle, raw.accepted) == ([200] * 3, 0, 0, 3)


def test_a_connection_whose_body_was_not_read_to_its_end_is_not_reused():
    """A body refused past the cap leaves the rest unread on the connection: it is closed, and the next request to
    the origin gets its own answer on a new one."""
    big = b"x" * 5000
    raw = RawServer(answering(lambda path: b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(big) + big
                                   if path == "/big" else b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nsmall"))

    async def job(session: Session):
        first = await fetch(session, f"http://h.pool.test:{raw.port}/big", max_bytes=1000)
        second = await fetch(session, f"http://h.pool.test:{raw.port}/small", keep_body=False)
        return first.error_kind, second.status, second.body
    assert Session(Settings(allow_private=True, retries=0), resolver=names).run(job) == ("too-large", 200, b"small")
    assert raw.accepted == 2
