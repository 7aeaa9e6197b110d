"""A small fake internet on 127.0.0.1: one pytest-httpserver, dispatching on the Host header.

Tests register routes for real host names (t.co, pic.twitter.com, bit.ly...); `settings()` points each of those
origins at the loopback server through the [origins] mechanism, so the client sends the real Host header and the
fetch log keeps the real URL. Nothing here ever reaches anything but 127.0.0.1.
"""

from __future__ import annotations

import gzip
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace

from werkzeug.wrappers import Request, Response

from resolver.settings import Settings

Handler = Callable[[Request], Response]


class FakeNet:
    def __init__(self, httpserver) -> None:
        self.server = httpserver
        self.routes: dict[tuple[str, str], list[Handler]] = {}
        self.hits: list[tuple[str, str]] = []
        self.user_agents: set[str] = set()
        httpserver.expect_request(re.compile(".*")).respond_with_handler(self._dispatch)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    def route(self, host: str, path: str, *handlers: Handler) -> None:
        """Answer (host, path) with the handlers in turn; the last one repeats."""
        self.routes[(host, path)] = list(handlers)

    def _dispatch(self, request: Request) -> Response:
        host = request.headers.get("Host", "").split(":")[0]
        path = request.full_path.rstrip("?")
        self.hits.append((host, path))
        self.user_agents.add(request.headers.get("User-Agent", ""))
        handlers = self.routes.get((host, path)) or self.routes.get((host, request.path)) \
            or self._any_case(host, request.path)
        if not handlers:
            return Response("not found", status=404)
        return handlers.pop(0)(request) if len(handlers) > 1 else handlers[0](request)

    def _any_case(self, host: str, path: str) -> list[Handler] | None:
        """X's routes read a path in any case, as X does (/RivertonRoads/status/<id> is /rivertonroads/status/<id>,
        urlforms32): a route registered under one spelling answers every other."""
        from resolver.platforms import x

        if host not in x.STATUS_HOSTS:
            return None
        return next((h for (on, route), h in self.routes.items() if on == host and route.lower() == path.lower()), None)

    def settings(self, hosts: list[str] | None = None, **overrides) -> Settings:
        """Settings whose [origins] send every routed host (https and http) to this server."""
        hosts = hosts or sorted({h for h, _ in self.routes})
        origins = {f"{scheme}://{h}": self.origin for h in hosts for scheme in ("https", "http")}
        # The services' rate budgets pace live runs; against loopback they would only slow the suite (a test of
        # the budgets passes its own Budgets).
        from resolver.budgets import DEFAULT_LIMITS

        base = Settings(origins=origins, retries=2, retry_max_wait=0.2, timeout=5, connect_timeout=2, deadline=5,
                        limits={prefix: 0.0 for prefix in DEFAULT_LIMITS})
        return replace(base, **overrides)


def redirect(location: str, status: int = 301, body: str = "") -> Handler:
    return lambda request: Response(body, status=status, headers={"Location": location},
                                    content_type="text/html; charset=utf-8")


def page(body: str | bytes, status: int = 200, content_type: str = "text/html; charset=utf-8", **headers) -> Handler:
    return lambda request: Response(body, status=status, content_type=content_type, headers=headers)


def drip(chunks: int, every: float) -> Handler:
    """A body that arrives one byte at a time: never trips a per-read timeout, only the deadline."""
    def stream() -> Iterator[bytes]:
        for _ in range(chunks):
            time.sleep(every)
            yield b"x"
    return lambda request: Response(stream(), content_type="text/plain")


def gzip_bomb(decoded_bytes: int) -> Handler:
    payload = gzip.compress(b"\0" * decoded_bytes)
    return lambda request: Response(payload, content_type="text/plain", headers={"Content-Encoding": "gzip"})


class RawServer:
    """A TCP server on 127.0.0.1 handing each connection to `handle(conn)` in a thread of its own (TLS-wrapped
    first with `wrap`); `accepted` counts connections."""

    def __init__(self, handle: Callable[[socket.socket], None], *, wrap=None) -> None:
        self.handle, self.wrap = handle, wrap
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            if self.wrap is not None:
                conn = self.wrap.wrap_socket(conn, server_side=True)
            self.handle(conn)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.sock.close()


def reset(conn: socket.socket) -> None:
    """Read the request, then close with a TCP reset (SO_LINGER 0)."""
    import struct

    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.recv(1024)


class ResettingServer(RawServer):
    """A TCP server on 127.0.0.1 that accepts and resets every connection."""

    def __init__(self) -> None:
        super().__init__(reset)


def answer_then_close(conn):
    """One request answered on a keep-alive connection, which the server then closes while it is idle."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return
        data += chunk
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok")
    time.sleep(0.05)


def answering(answer):
    """A RawServer handler: every request on the connection answered with `answer(path)` (bytes), the connection
    kept open until the client closes it."""
    def handle(conn):
        data = b""
        while True:
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            head, _, data = data.partition(b"\r\n\r\n")
            conn.sendall(answer(head.split(b" ")[1].decode()))
    return handle


# Every request on the connection answered 200 "ok", the connection kept open until the client closes it.
answer_all = answering(lambda path: b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok")


def certificate(folder, *extensions: str):
    """(server TLS context, certificate file) of a certificate for 127.0.0.1 made by openssl in `folder`
    (`extensions`: openssl -addext values); pytest skips the test when openssl is not installed."""
    import shutil
    import ssl
    import subprocess

    import pytest

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: no certificate to test with")
    extra = [arg for extension in extensions for arg in ("-addext", extension)]
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    *extra, "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
                   check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return context, str(folder / "cert.pem")
