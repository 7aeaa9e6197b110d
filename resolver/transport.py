"""The transports under the one HTTP client (resolver.http.make_client builds it from these) and the bounded
body reader: the SSRF-guarded small pools, [origins] overrides, offline and WARC replay, and decoding in bounded
steps. Kept apart from resolver.http so a run that asks nothing (a plain scan, a warm run answered from the
cache) never imports httpx (#14)."""

from __future__ import annotations

import asyncio
import importlib.util
import ssl
import time
import zlib
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import httpcore
import httpx

from resolver import __version__
from resolver.errors import BodyTooLarge
from resolver.guard import GuardedBackend, Resolver
from resolver.redact import NO_SECRETS, Redactor
from resolver.settings import Settings

if TYPE_CHECKING:
    from resolver.warc import ReplayIndex


def user_agent(settings: Settings) -> str:
    return settings.user_agent or f"embed-resolver/{__version__} (+https://pypi.org/project/embed-resolver/)"


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with its connection pool built on the guarded network backend."""

    def __init__(self, backend: GuardedBackend, *, max_connections: int, ssl_context: ssl.SSLContext | None) -> None:
        # httpx's __init__ is not called: all it does is build a pool (with a TLS context of its own, loading the
        # CA bundle: 14 ms each time, #14) that this one replaces. Without TLS context, http pools never make one.
        self.backend = backend
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context, max_connections=max_connections, max_keepalive_connections=max_connections,
            network_backend=backend)

    @property
    def connections(self) -> list[httpcore.AsyncConnectionInterface]:
        return self._pool.connections


POOL_SIZE = 8         # connections one httpcore pool holds at most: its bookkeeping stays small (#14)
IDLE_CONNECTIONS = 256   # keep-alive connections kept open in pools with no request in flight, at most


@dataclass(eq=False)
class _Pool:
    transport: GuardedTransport
    origin: tuple[str, str, int]
    in_flight: int = 0


class SmallPools(httpx.AsyncBaseTransport):
    """Connections behind the SSRF guard, in small pools: one or more per origin, each holding at most POOL_SIZE
    connections, and at most `max_connections` requests in flight in all (the `concurrency` setting).

    Why (#14): httpcore's AsyncConnectionPool walks all its connections for every queued request on every request
    it starts or finishes (`_assign_requests_to_connections`, quadratic in connections; and each idle connection's
    socket is polled to see if the server closed it). One pool of 128 connections over 200 hosts made a resolve run
    68x slower than the latency allows. Small pools keep that walk short without touching httpcore's internals.
    Pools with nothing in flight are closed, least recently used first, while they hold more than IDLE_CONNECTIONS
    keep-alive connections, so a run over thousands of hosts does not keep thousands of sockets open. All pools share one guard (`backend`) and one TLS context,
    built on the first https connection.
    """

    def __init__(self, backend: GuardedBackend, *, max_connections: int,
                 ssl_context: Callable[[], ssl.SSLContext]) -> None:
        self.backend = backend
        self.max_connections = max(max_connections, 1)
        self._ssl_context = ssl_context
        self._slots: asyncio.Semaphore | None = None
        self._pools: dict[tuple[str, str, int], list[_Pool]] = {}
        self._recent: OrderedDict[_Pool, None] = OrderedDict()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.max_connections)
        slots = self._slots
        await slots.acquire()
        pools = len(self._recent)
        pool = self._pick((request.url.scheme, request.url.host, request.url.port or 0))
        pool.in_flight += 1
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                pool.in_flight -= 1
                slots.release()
        try:
            response = await pool.transport.handle_async_request(request)
        except BaseException:
            release()
            raise
        if not isinstance(response.stream, httpx.AsyncByteStream):
            release()
            raise TypeError("an async transport answered with a sync stream")
        response.stream = _ReleasingStream(response.stream, release)
        if len(self._recent) > pools:   # a new pool: the time to see whether idle ones hold too many connections
            await self._close_idle()
        return response

    def _pick(self, origin: tuple[str, str, int]) -> _Pool:
        """The least busy pool of the origin; a new one when all are full and the origin may have more."""
        pools = self._pools.setdefault(origin, [])
        pool = min(pools, key=lambda p: p.in_flight, default=None)
        if pool is None or pool.in_flight >= POOL_SIZE and len(pools) * POOL_SIZE < self.max_connections:
            context = self._ssl_context() if origin[0] == "https" else None
            pool = _Pool(GuardedTransport(self.backend, max_connections=min(POOL_SIZE, self.max_connections),
                                          ssl_context=context), origin)
            pools.append(pool)
        self._recent[pool] = None
        self._recent.move_to_end(pool)
        return pool

    async def _close_idle(self) -> None:
        idle = [(p, len(p.transport.connections)) for p in self._recent if p.in_flight == 0]
        excess = sum(n for _, n in idle) - IDLE_CONNECTIONS
        closing = []
        for pool, connections in idle:      # least recently used first; a pool with no connection costs nothing
            if excess > 0 or connections == 0:   # to make again, and is dropped
                closing.append(pool)
                excess -= connections
        for pool in closing:    # out of reach first: no other request can pick a pool being closed
            del self._recent[pool]
            self._pools[pool.origin].remove(pool)
            if not self._pools[pool.origin]:
                del self._pools[pool.origin]
        for pool in closing:
            await pool.transport.aclose()

    async def aclose(self) -> None:
        pools, self._pools, self._recent = self._recent, {}, OrderedDict()
        for pool in pools:
            await pool.transport.aclose()


class _ReleasingStream(httpx.AsyncByteStream):
    """A response body that gives its request's slot back when closed."""

    def __init__(self, inner: httpx.AsyncByteStream, release: Callable[[], None]) -> None:
        self._inner, self._release = inner, release

    def __aiter__(self) -> AsyncIterator[bytes]:
        # the inner stream's own iterator, not a generator around it: one layer less for every chunk (#14)
        return self._inner.__aiter__()

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        finally:
            self._release()


def tls_context() -> Callable[[], ssl.SSLContext]:
    """A TLS context made on first use and then shared: loading the CA bundle costs tens of milliseconds, which a
    run that makes no https request (a warm run, an offline one) should not pay (#14)."""
    made: list[ssl.SSLContext] = []

    def get() -> ssl.SSLContext:
        if not made:
            import certifi

            made.append(ssl.create_default_context(cafile=certifi.where()))
        return made[0]
    return get


def _origin(url: httpx.URL) -> str:
    """scheme://host[:port] of a URL, as [origins] keys are written."""
    default = {"http": 80, "https": 443}.get(url.scheme)
    host = f"[{url.host}]" if ":" in url.host else url.host
    return f"{url.scheme}://{host}" + (f":{url.port}" if url.port and url.port != default else "")


class OriginOverrideTransport(httpx.AsyncBaseTransport):
    """Sends requests for an origin named in [origins] to its replacement, keeping the original Host header.

    A rewritten request goes through a transport of its own, whose guard lets through exactly that target
    (`target_transport(target)`); every other request goes through `inner`, whose guard allows nothing. So a
    typed URL or a redirect naming a private target's address is refused, and never reuses a connection the
    override opened (#12). Without `target_transport` (replay, a test's transport) rewritten requests go to `inner`.
    """

    def __init__(self, inner: httpx.AsyncBaseTransport, origins: Mapping[str, str], *,
                 target_transport: Callable[[str], httpx.AsyncBaseTransport] | None = None) -> None:
        self.inner = inner
        self.origins = dict(origins)
        self._target_transport = target_transport
        self._targets: dict[str, httpx.AsyncBaseTransport] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        target = self.origins.get(_origin(request.url))
        if target is None:
            return await self.inner.handle_async_request(request)
        new = httpx.URL(target)
        request.extensions = {**request.extensions, "original_url": str(request.url)}
        request.headers["Host"] = request.url.netloc.decode("ascii")
        request.url = request.url.copy_with(scheme=new.scheme, host=new.host, port=new.port)
        return await self._transport_for(target).handle_async_request(request)

    def _transport_for(self, target: str) -> httpx.AsyncBaseTransport:
        if self._target_transport is None:
            return self.inner
        if target not in self._targets:
            self._targets[target] = self._target_transport(target)
        return self._targets[target]

    async def aclose(self) -> None:
        for transport in self._targets.values():
            await transport.aclose()
        await self.inner.aclose()


class NotReplayable(httpx.TransportError):
    """Replay mode, and the WARC files never saw this request."""


class NotCached(httpx.TransportError):
    """Offline, and the answer is not in the cache: no connection was opened to find it."""


class OfflineTransport(httpx.AsyncBaseTransport):
    """The transport of an offline run: never opens a connection, answers every request "not cached"."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise NotCached("offline, and not in the cache", request=request)


class ReplayTransport(httpx.AsyncBaseTransport):
    """Answers from WARC response records, by the original URL, in recorded order; never touches the network.
    The WARC keeps URLs redacted, so the URL asked for is redacted the same way before it is looked up."""

    def __init__(self, index: ReplayIndex, redactor: Redactor = NO_SECRETS) -> None:
        self.index = index
        self.redactor = redactor

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.extensions.get("original_url", str(request.url))
        found = self.index.take(request.method, self.redactor.url(url))
        if found is None:
            raise NotReplayable(f"not in the replayed WARC files: {request.method} {url}", request=request)
        return httpx.Response(found.status, headers=found.headers, content=found.body, request=request,
                              extensions={"via": "warc", "warc_file": found.file, "warc_offset": found.offset,
                                          "reason_phrase": found.reason.encode()})


def _target_address(target: str) -> tuple[str, int]:
    """(host, port) of an override target."""
    url = httpx.URL(target)
    return url.host, url.port or (443 if url.scheme == "https" else 80)


def build_client(settings: Settings, *, offline: bool = False, replay: ReplayIndex | None = None,
                 resolver: Resolver | None = None, redactor: Redactor = NO_SECRETS,
                 transport: httpx.AsyncBaseTransport | None = None) -> Client:
    """The client resolver.http.make_client describes."""
    target_transport = None
    if transport is None:
        context = tls_context()
        transport = _transport(settings, offline=offline, replay=replay, resolver=resolver, redactor=redactor,
                               context=context)
        if isinstance(transport, SmallPools):
            target_transport = lambda target: _guarded(  # noqa: E731
                settings, resolver, _target_address(target), context=context)
    return Client(OriginOverrideTransport(transport, settings.origins, target_transport=target_transport),
                  user_agent=user_agent(settings),
                  timeout=httpx.Timeout(settings.timeout, connect=settings.connect_timeout))


def accept_encoding() -> str:
    """What a request says it can take: exactly what _read_capped decodes here (brotli and zstd when installed)."""
    return ", ".join(["gzip", "deflate"] + [name for name, module in (("br", "brotli"), ("zstd", "zstandard"))
                                            if importlib.util.find_spec(module) is not None])


class Client:
    """The run's one client: requests go straight to the transport stack (SSRF-guarded small pools under the
    [origins] overrides, or offline, or WARC replay).

    httpx's AsyncClient is not used on purpose (#14). It follows no redirect for us (every hop is a request of its
    own, recorded), yet for every redirect it parsed the Location and built the next request, ran its cookie jar
    over every response and wrapped every body stream: about a sixth of a resolve run's CPU. What it did that
    matters is here: the default headers, the timeouts, `response.request`. There is no cookie jar: no request
    carries a cookie an earlier answer set, so every fetch stands on its own in the record and no site can follow
    a run from one article to the next. There is no proxy either: nothing is read from the environment.
    """

    def __init__(self, transport: httpx.AsyncBaseTransport, *, user_agent: str, timeout: httpx.Timeout) -> None:
        self.transport = transport
        self.headers = httpx.Headers({"Accept": "*/*", "Accept-Encoding": accept_encoding(),
                                      "Connection": "keep-alive", "User-Agent": user_agent})
        self._timeout = timeout.as_dict()

    def build_request(self, method: str, url: httpx.URL | str, *, headers: Mapping[str, str] | None = None,
                      data: Mapping[str, str] | None = None, content: bytes | None = None) -> httpx.Request:
        merged = self.headers.copy()
        if headers:
            merged.update(headers)
        return httpx.Request(method, url, headers=merged, data=data, content=content,
                             extensions={"timeout": self._timeout})

    async def send(self, request: httpx.Request) -> httpx.Response:
        """The answer with its body unread (a stream): read it, then `aclose()` it."""
        response = await self.transport.handle_async_request(request)
        response.request = request
        return response

    async def aclose(self) -> None:
        await self.transport.aclose()


def _transport(settings: Settings, *, offline: bool, replay: ReplayIndex | None, resolver: Resolver | None,
               redactor: Redactor, context: Callable[[], ssl.SSLContext]) -> httpx.AsyncBaseTransport:
    if offline:
        return OfflineTransport()
    if replay is not None:
        return ReplayTransport(replay, redactor)
    return _guarded(settings, resolver, context=context)


def _guarded(settings: Settings, resolver: Resolver | None, *allowed: tuple[str, int],
             context: Callable[[], ssl.SSLContext]) -> SmallPools:
    """Pools behind the SSRF guard; `allowed` are the only private (host, port) pairs they may reach."""
    backend = GuardedBackend(allow_private=settings.allow_private, allowed=allowed, resolver=resolver)
    return SmallPools(backend, max_connections=max(settings.concurrency, 1), ssl_context=context)


DECODE_STEP = 64 * 1024   # decoded bytes one decompressor call may produce: a bomb never expands more at once


class _ZlibDecoder:
    """gzip or deflate (zlib-wrapped, else raw, as httpx's DeflateDecoder), in steps of at most DECODE_STEP."""

    def __init__(self, encoding: str) -> None:
        self._raw_fallback = encoding == "deflate"
        self._d = zlib.decompressobj(zlib.MAX_WBITS | (16 if encoding == "gzip" else 0))

    def decode(self, data: bytes) -> Iterator[bytes]:
        try:
            while True:
                out = self._d.decompress(data, DECODE_STEP)
                self._raw_fallback = False
                if out:
                    yield out
                data = self._d.unconsumed_tail
                if not data and len(out) < DECODE_STEP:
                    return
        except zlib.error as exc:
            if not self._raw_fallback:
                raise httpx.DecodingError(f"{exc}") from None
            self._raw_fallback = False
            self._d = zlib.decompressobj(-zlib.MAX_WBITS)
            yield from self.decode(data)


class _BrotliDecoder:
    """br, through brotli >= 1.2, whose process() stops near an output limit and is then drained with empty input."""

    def __init__(self) -> None:
        import brotli

        self._brotli = brotli
        self._d = brotli.Decompressor()

    def decode(self, data: bytes) -> Iterator[bytes]:
        try:
            out = self._d.process(data, output_buffer_limit=DECODE_STEP)
            while out:   # output held back past the limit comes out on calls with empty input
                yield out
                out = self._d.process(b"", output_buffer_limit=DECODE_STEP)
        except self._brotli.error as exc:
            raise httpx.DecodingError(f"brotli: {exc}") from None


class _CappedSink:
    """Where the zstd writer puts its output, DECODE_STEP bytes a write; past the cap it stops the decoder."""

    def __init__(self, limit: int, url: str) -> None:
        self.parts: list[bytes] = []
        self.total, self._limit, self._url = 0, limit, url

    def write(self, data: bytes) -> int:
        self.total += len(data)
        if self.total > self._limit:
            raise BodyTooLarge(f"body larger than {self._limit:,} bytes", url=self._url)
        self.parts.append(bytes(data))
        return len(data)


class _ZstdDecoder:
    """zstd. zstandard's decompressobj returns a whole chunk's output at once, so its stream_writer writes into a
    sink that refuses more than the cap: at most the cap is ever held."""

    def __init__(self, limit: int, url: str) -> None:
        import zstandard

        self._zstd = zstandard
        self._sink = _CappedSink(limit, url)
        # The sink has the one method stream_writer calls (write); zstandard types it as a whole IO[bytes].
        self._w = zstandard.ZstdDecompressor().stream_writer(
            self._sink, write_size=DECODE_STEP, closefd=False)  # type: ignore[arg-type]

    def decode(self, data: bytes) -> Iterator[bytes]:
        try:
            self._w.write(data)
        except self._zstd.ZstdError as exc:
            raise httpx.DecodingError(f"zstd: {exc}") from None
        parts, self._sink.parts = self._sink.parts, []
        yield from parts


class _Decoder(Protocol):
    def decode(self, data: bytes) -> Iterator[bytes]: ...


def _decoders(content_encoding: str, *, limit: int, url: str) -> list[_Decoder]:
    """One bounded decoder per Content-Encoding, in the order they are undone. An encoding we cannot decode (or
    identity) is kept as it came, as httpx does."""
    decoders: list[_Decoder] = []
    for encoding in reversed([e.strip().lower() for e in content_encoding.split(",") if e.strip()]):
        if encoding in ("gzip", "x-gzip", "deflate"):
            decoders.append(_ZlibDecoder("gzip" if encoding == "x-gzip" else encoding))
        elif encoding == "br" and importlib.util.find_spec("brotli") is not None:
            decoders.append(_BrotliDecoder())
        elif encoding == "zstd" and importlib.util.find_spec("zstandard") is not None:
            decoders.append(_ZstdDecoder(limit, url))
    return decoders


def _decode(decoders: list[_Decoder], data: bytes) -> Iterator[bytes]:
    if not decoders:
        yield data
        return
    for piece in decoders[0].decode(data):
        yield from _decode(decoders[1:], piece)


async def _read_capped(response: httpx.Response, *, max_bytes: int, deadline: float) -> bytes:
    """The body, decoded in bounded steps (gzip, deflate, br, zstd) and counted both decoded and on the wire,
    within a wall-clock deadline. httpx's own decoders turn a whole network chunk into memory at once: 3 KB of
    brotli became 4 GiB before a cap could look (#12), so the raw stream is read and decoded here."""
    if response.is_stream_consumed:     # built from bytes already in memory (a replayed WARC record)
        if len(response.content) > max_bytes:
            raise _too_large(response, max_bytes)
        return response.content
    encoding = response.headers.get("content-encoding", "")
    decoders = _decoders(encoding, limit=max_bytes, url=str(response.request.url)) if encoding else []
    chunks, size, wire = [], 0, 0
    async for raw in response.aiter_raw():
        wire += len(raw)
        if wire > max_bytes:
            raise _too_large(response, max_bytes)
        for piece in _decode(decoders, raw):
            size += len(piece)
            if size > max_bytes:
                raise _too_large(response, max_bytes)
            if time.monotonic() > deadline:
                raise BodyTooLarge("body still arriving at the per-fetch deadline", url=str(response.request.url))
            chunks.append(piece)
        if time.monotonic() > deadline:
            raise BodyTooLarge("body still arriving at the per-fetch deadline", url=str(response.request.url))
    return b"".join(chunks)


def _too_large(response: httpx.Response, max_bytes: int) -> BodyTooLarge:
    """Made when a body is refused, not for every body (#14)."""
    return BodyTooLarge(f"body larger than {max_bytes:,} bytes", url=str(response.request.url))
