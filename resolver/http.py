"""The only place an HTTP client is built, and the one fetch function every request goes through.

make_client(): httpx.AsyncClient, redirects never followed by the client, no proxy from the environment, the SSRF
guard as its network backend, [origins] overrides as a transport. fetch(): one request, streamed under byte caps
and a wall-clock deadline, retried on connect errors, 429 and 5xx, every attempt written to the fetch log.

Offline is decided here and nowhere else: an offline run's client has a transport that never opens a connection
and answers every request "not cached" (error kind `not-cached`), which is neither retried nor logged.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib.util
import json
import ssl
import time
import zlib
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

import httpcore
import httpx

from resolver import __version__
from resolver.errors import BodyTooLarge, UnsafeTarget
from resolver.guard import GuardedBackend, Resolver
from resolver.redact import NO_SECRETS, Redactor
from resolver.settings import Settings

if TYPE_CHECKING:
    from tenacity import RetryCallState

    from cache import Store
    from resolver.session import Session
    from resolver.warc import ReplayIndex

LONG_WAIT_S = 1.0            # a retry or a rate-limit wait this long gets a status line
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
NOT_CACHED = "not-cached"     # the error kind of every answer an offline run gets


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

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            yield chunk

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


def _origin_of(url: str) -> str:
    """scheme://host[:port] of a URL string, as [origins] keys are written."""
    return _origin(httpx.URL(url))


def _origin(url: httpx.URL) -> str:
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


def make_client(settings: Settings, *, offline: bool = False, replay: ReplayIndex | None = None,
                resolver: Resolver | None = None, redactor: Redactor = NO_SECRETS,
                transport: httpx.AsyncBaseTransport | None = None) -> httpx.AsyncClient:
    """The one client factory; a run (resolver.session.Session) builds its one client here. Offline, the transport
    answers "not cached" and never connects; with a replay index, answers come from WARC records; otherwise
    requests go out through the SSRF guard (SmallPools), and a request an [origins] override rewrote goes through
    pools of its own whose guard allows exactly that target (#12). `resolver` and `transport` are seams for tests.
    Nothing is connected, and no TLS context is made, until a request needs it."""
    target_transport = None
    if transport is None:
        context = tls_context()
        transport = _transport(settings, offline=offline, replay=replay, resolver=resolver, redactor=redactor,
                               context=context)
        if isinstance(transport, SmallPools):
            target_transport = lambda target: _guarded(  # noqa: E731
                settings, resolver, _target_address(target), context=context)
    timeout = httpx.Timeout(settings.timeout, connect=settings.connect_timeout)
    return httpx.AsyncClient(
        transport=OriginOverrideTransport(transport, settings.origins, target_transport=target_transport),
        timeout=timeout, follow_redirects=False, trust_env=False, headers={"User-Agent": user_agent(settings)},
        event_hooks={"response": [_set_aside_unparseable_location]})


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


async def _set_aside_unparseable_location(response: httpx.Response) -> None:
    """httpx builds the next request even when not following; a Location such as 'javascript:...' would raise
    there and lose the response. Keep the header's value aside so the hop is recorded and refused by scheme."""
    location = response.headers.get("location")
    if location is None or not response.is_redirect:
        return
    scheme = urlsplit(location.strip()).scheme.lower()
    try:
        unfollowable = bool(scheme) and scheme not in ("http", "https") or httpx.URL(location) is None
    except (httpx.InvalidURL, ValueError):
        unfollowable = True
    if unfollowable:
        response.extensions = {**response.extensions, "unparseable_location": location}
        del response.headers["location"]


@dataclass(frozen=True)
class FetchOutcome:
    """What one request did. A fetch never returns None for failure: it says what happened, when."""

    url: str                          # the URL asked for (as the user or the page named it)
    contacted_url: str                # the URL actually contacted (after an origin override)
    method: str
    fetched_at: str                   # UTC ISO 8601
    status: int | None                # None: no response arrived
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = field(default=b"", repr=False)
    elapsed_ms: float = 0.0
    error_kind: str | None = None
    error: str | None = None          # one line: "timed out after 10s"
    fetch_id: int | None = None
    via: str = "live"                 # "live" | "warc" (replayed)
    warc_file: str | None = None
    warc_offset: int | None = None

    @property
    def sha256(self) -> str | None:
        return hashlib.sha256(self.body).hexdigest() if self.status is not None else None

    @property
    def location(self) -> str | None:
        return self.headers.get("location")

    @property
    def unavailable(self) -> bool:
        """Offline, and not in the cache: nothing was asked, so nothing is known."""
        return self.error_kind == NOT_CACHED

    @property
    def problem(self) -> str | None:
        """What went wrong, as "<kind>: <message>", or None when a response arrived."""
        return f"{self.error_kind}: {self.error}" if self.error else None


@dataclass
class Ledger:
    """Fetch-log rows held back, to be written in one transaction with the fact they produced (#11: a kill
    between a fetch row and its resolution left a fetch with nothing to show for it, and the next run fetched
    again: a duplicate). Until written, a row is known by a placeholder id, negative, so it is never taken for a
    row of the table."""

    rows: list[dict[str, object]] = field(default_factory=list)

    def hold(self, row: dict[str, object]) -> int:
        self.rows.append(row)
        return -len(self.rows)

    def write(self, store: Store) -> Callable[[int | None], int | None]:
        """Write the rows held (call it inside the transaction that records their fact); returns the map from a
        placeholder to its row id (real ids pass through)."""
        ids = [store.record_fetch(row) for row in self.rows]
        self.rows = []

        def real(fetch_id: int | None) -> int | None:
            return ids[-fetch_id - 1] if fetch_id is not None and fetch_id < 0 else fetch_id
        return real


def fetch_row(redactor: Redactor, **row: object) -> dict[str, object]:
    """A fetch-log row as it is kept: the URLs, the headers and the error redacted (#11), the version stamped."""
    headers = row.get("headers") or {}
    error = row.get("error")
    return {**row, "url": redactor.url(str(row["url"])), "contacted_url": redactor.url(str(row["contacted_url"])),
            "headers": json.dumps(dict(redactor.headers(headers if isinstance(headers, Mapping) else {}))),
            "error": redactor.text(str(error)) if error else None, "tool_version": __version__}


def _retry_after(headers: Mapping[str, str], *, now: float, cap: float, status: int | None = 429) -> float | None:
    """Seconds to wait, from Retry-After (seconds or HTTP date) or, on a 429, x-rate-limit-reset (epoch seconds),
    capped."""
    told = _told_wait(headers, now=now, status=status)
    return None if told is None else min(told, cap)


def _told_wait(headers: Mapping[str, str], *, now: float, status: int | None) -> float | None:
    """What the server asked us to wait, uncapped. x-rate-limit-reset counts on a 429 only: X sends it on every
    answer, where it is the end of the rate window, not advice to come back."""
    value = headers.get("retry-after")
    wait = None
    if value:
        try:
            wait = float(value)
        except ValueError:
            try:
                wait = parsedate_to_datetime(value).timestamp() - now
            except (TypeError, ValueError):
                wait = None
    reset = headers.get("x-rate-limit-reset")
    if wait is None and status == 429 and reset and reset.isdigit():
        wait = int(reset) - now
    return None if wait is None else max(wait, 0.0)


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
    url = str(response.request.url)
    too_large = BodyTooLarge(f"body larger than {max_bytes:,} bytes", url=url)
    if response.is_stream_consumed:     # built from bytes already in memory (a replayed WARC record)
        if len(response.content) > max_bytes:
            raise too_large
        return response.content
    decoders = _decoders(response.headers.get("content-encoding", ""), limit=max_bytes, url=url)
    chunks, size, wire = [], 0, 0
    async for raw in response.aiter_raw():
        wire += len(raw)
        if wire > max_bytes:
            raise too_large
        for piece in _decode(decoders, raw):
            size += len(piece)
            if size > max_bytes:
                raise too_large
            if time.monotonic() > deadline:
                raise BodyTooLarge("body still arriving at the per-fetch deadline", url=url)
            chunks.append(piece)
        if time.monotonic() > deadline:
            raise BodyTooLarge("body still arriving at the per-fetch deadline", url=url)
    return b"".join(chunks)


async def _attempt(session: Session, method: str, url: str, *, headers: Mapping[str, str] | None,
                   data: Mapping[str, str] | None, content: bytes | None, max_bytes: int) -> FetchOutcome:
    from cache import utc_now
    import anyio

    settings, client = session.settings, session.client
    contacted = url
    started, fetched_at = time.monotonic(), utc_now()
    try:
        _check_url(url)
        if session.live:
            waiting = session.budgets.wait_time(url)
            if waiting >= LONG_WAIT_S:
                session.reporter.status(f"{_host(url)}: waiting {waiting:.0f} s for the rate limit")
            await session.budgets.acquire(url)   # the service's published rate limit, shared by the whole run
        started, fetched_at = time.monotonic(), utc_now()
        with anyio.fail_after(settings.deadline):
            request = client.build_request(method, url, headers=headers, data=data, content=content)
            response = await client.send(request, stream=True)
            contacted = str(response.request.url)
            try:
                body = await _read_capped(response, max_bytes=max_bytes, deadline=started + settings.deadline)
            finally:
                await response.aclose()
        recorded = {name.lower(): value for name, value in response.headers.items()}
        if "unparseable_location" in response.extensions:
            recorded["location"] = response.extensions["unparseable_location"]
        via = response.extensions.get("via", "live")
        warc_file, warc_offset = response.extensions.get("warc_file"), response.extensions.get("warc_offset")
        writer = session.warc
        if writer is not None and via == "live":
            warc_file, warc_offset = writer.write_exchange(
                method=method, url=url, contacted_url=contacted, request_headers=dict(request.headers),
                status=response.status_code, reason=response.reason_phrase, response_headers=response.headers.items(),
                body=body, fetched_at=fetched_at, redactor=session.redactor)
        return FetchOutcome(url, contacted, method, fetched_at, response.status_code, recorded, body,
                            (time.monotonic() - started) * 1000, via=via, warc_file=warc_file, warc_offset=warc_offset)
    except TimeoutError:
        kind, message = "timeout", f"no complete answer within the {settings.deadline:g}s deadline"
    except (UnsafeTarget, BodyTooLarge) as exc:
        kind, message = exc.kind, str(exc)
    except httpx.InvalidURL as exc:
        kind, message = "invalid-url", f"refused {url}: {exc}"
    except NotReplayable as exc:
        kind, message = "not-in-warc", str(exc)
    except NotCached as exc:
        kind, message = NOT_CACHED, str(exc)
    except httpx.TimeoutException as exc:
        kind, message = "timeout", f"timed out ({type(exc).__name__})"
    except httpx.ConnectError as exc:
        kind, message = "connect", f"{type(exc).__name__}: {exc}"
    except httpx.TransportError as exc:   # reset, closed without a response, broken write
        kind, message = "network", f"{type(exc).__name__}: {exc or 'connection broken'}"
    except httpx.HTTPError as exc:
        kind, message = "http", f"{type(exc).__name__}: {exc}"
    return FetchOutcome(url, contacted, method, fetched_at, None, {}, b"", (time.monotonic() - started) * 1000,
                        kind, session.redactor.text(message or kind))


def say_retry(session: Session, url: str, attempt: int, seconds: float) -> None:
    """A status line for a retry that waits a second or more: why nothing seems to happen (#11)."""
    if seconds >= LONG_WAIT_S:
        session.reporter.status(f"{_host(url)}: retry {attempt}/{session.settings.retries} in {seconds:.0f} s")


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _check_url(url: str) -> None:
    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https"):
        raise UnsafeTarget(f"refused {url}: only http and https are fetched", url=url)
    if parsed.userinfo:
        raise UnsafeTarget(f"refused {url}: URLs with user:password@ are never fetched", url=url)


async def fetch(session: Session, url: str, *, method: str = "GET", purpose: str = "resolve",
                headers: Mapping[str, str] | None = None, keep_body: bool = False,
                data: Mapping[str, str] | None = None, content: bytes | None = None, max_bytes: int | None = None,
                ledger: Ledger | None = None) -> FetchOutcome:
    """One request through the run's client, retried (tenacity) on connect errors, resets, 429 and 5xx, bounded
    in count and in time; the body is capped at `max_bytes` (default: settings.max_body_bytes).

    A 429 waits what Retry-After or x-rate-limit-reset says, and is not retried when that is longer than
    retry_max_wait; anything else backs off exponentially with jitter. Every attempt is a row in the fetch log, except an offline "not cached" answer:
    nothing was fetched. With a `ledger`, the rows are held there, to be written with the fact they produce (the
    outcome's fetch_id is then a placeholder). The last outcome is returned, never raised.
    """
    import anyio
    from tenacity import AsyncRetrying, retry_if_result, stop_after_attempt, stop_after_delay, wait_random_exponential

    settings, store = session.settings, session.store
    backoff = wait_random_exponential(multiplier=0.5, max=settings.retry_max_wait)

    def wait(state: RetryCallState) -> float:
        last = _outcome_of(state)
        told = _retry_after(last.headers, now=time.time(), cap=settings.retry_max_wait, status=last.status)
        seconds = told if told is not None else backoff(state)
        say_retry(session, url, state.attempt_number, seconds)
        return seconds

    async def attempt() -> FetchOutcome:
        outcome = await _attempt(session, method, url, headers=headers, data=data, content=content,
                                 max_bytes=settings.max_body_bytes if max_bytes is None else max_bytes)
        if store is None or outcome.unavailable:
            return outcome
        if keep_body and outcome.sha256 is not None:
            store.keep_body(outcome.sha256, outcome.body, outcome.headers.get("content-type"))
        return _log(session, outcome, purpose, ledger)

    def retryable(outcome: FetchOutcome) -> bool:
        """Connect errors, resets, 429 and 5xx; not when the server asks for a longer wait than retry_max_wait
        (retrying sooner only spends requests: the answer says until when)."""
        told = _told_wait(outcome.headers, now=time.time(), status=outcome.status)
        return _retryable(outcome) and (told is None or told <= settings.retry_max_wait)

    retrying = AsyncRetrying(
        stop=stop_after_attempt(settings.retries + 1) | stop_after_delay(settings.retry_max_wait * (settings.retries + 1)),
        wait=wait, retry=retry_if_result(retryable), sleep=anyio.sleep,
        retry_error_callback=_outcome_of)
    outcome: FetchOutcome = await retrying(attempt)
    return outcome


def _outcome_of(state: RetryCallState) -> FetchOutcome:
    """The outcome of tenacity's last attempt (attempts return outcomes, they never raise)."""
    if state.outcome is None:
        raise RuntimeError("tenacity asked for an outcome before the first attempt")
    result: FetchOutcome = state.outcome.result()
    return result


def _retryable(outcome: FetchOutcome) -> bool:
    return outcome.error_kind in ("connect", "network") or outcome.status in RETRY_STATUSES


def _log(session: Session, outcome: FetchOutcome, purpose: str, ledger: Ledger | None) -> FetchOutcome:
    from dataclasses import replace

    row = fetch_row(
        session.redactor, url=outcome.url, contacted_url=outcome.contacted_url, method=outcome.method,
        fetched_at=outcome.fetched_at, status=outcome.status, headers=outcome.headers, body_sha256=outcome.sha256,
        body_bytes=len(outcome.body) if outcome.status is not None else None, elapsed_ms=round(outcome.elapsed_ms, 1),
        error_kind=outcome.error_kind, error=outcome.error, purpose=purpose, via=outcome.via,
        warc_file=outcome.warc_file, warc_offset=outcome.warc_offset)
    if ledger is not None:
        return replace(outcome, fetch_id=ledger.hold(row))
    store = session.store
    return replace(outcome, fetch_id=store.record_fetch(row) if store is not None else None)


# -- libraries that talk through requests (tweepy, #12) ------------------------------------------------------------

HOP_BY_HOP = frozenset({"connection", "keep-alive", "content-length", "transfer-encoding", "accept-encoding",
                        "user-agent"})
DECODED_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


class LayerError(OSError):
    """A request made through `requests_adapter` that got no response: `.outcome` says what happened (refused by the
    guard, timed out, not cached offline...). An OSError, as requests' own connection errors are."""

    def __init__(self, outcome: FetchOutcome) -> None:
        super().__init__(outcome.problem or "no response")
        self.outcome = outcome


def requests_adapter(session: Session, *, purpose: str) -> RequestsAdapter:
    """A requests transport adapter that sends every request through `fetch` with the run's session: one DNS answer
    checked by the guard and dialled, the [origins] overrides, the caps, the deadline, retries, budgets, redaction,
    the WARC (or replay) and the fetch-log row, exactly as for any other request (#12: tweepy's own requests stack
    resolved the host a second time after the guard's check). requests never opens a socket.

    The library must be called from a worker thread of the run's event loop (`anyio.to_thread.run_sync`): each
    request is handed to that loop and waited for. A request that gets no response raises `LayerError`."""
    from requests.adapters import BaseAdapter

    class Adapter(BaseAdapter):
        def __init__(self) -> None:
            super().__init__()
            self.fetch_ids: list[int] = []

        def send(self, request: Any, *args: Any, **kwargs: Any) -> Any:
            from functools import partial

            import anyio

            headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
            body = request.body.encode() if isinstance(request.body, str) else request.body
            outcome = anyio.from_thread.run(partial(fetch, session, request.url, method=request.method,
                                                    purpose=purpose, headers=headers, content=body, keep_body=True))
            if outcome.fetch_id is not None:
                self.fetch_ids.append(outcome.fetch_id)
            if outcome.status is None:
                raise LayerError(outcome)
            return _requests_response(outcome, request)

        def close(self) -> None:
            return None

    return Adapter()


class RequestsAdapter(Protocol):
    """What `requests_adapter` returns: a requests adapter that also lists the fetch-log rows of its requests."""

    fetch_ids: list[int]

    def send(self, request: Any, *args: Any, **kwargs: Any) -> Any: ...

    def close(self) -> None: ...


def _requests_response(outcome: FetchOutcome, request: Any) -> Any:
    """A requests Response holding an outcome's answer (its body already decoded, so no Content-Encoding)."""
    from http import HTTPStatus

    import requests
    from requests.structures import CaseInsensitiveDict
    from requests.utils import get_encoding_from_headers

    response = requests.Response()
    response.status_code = outcome.status or 0
    try:
        response.reason = HTTPStatus(response.status_code).phrase
    except ValueError:
        response.reason = ""
    response.headers = CaseInsensitiveDict({k: v for k, v in outcome.headers.items() if k not in DECODED_HEADERS})
    response._content, response._content_consumed = outcome.body, True
    response.encoding = get_encoding_from_headers(response.headers)
    response.url, response.request = request.url, request
    return response
