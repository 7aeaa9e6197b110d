"""The transports under the one HTTP client (resolver.http.make_client builds it from these) and the bounded
body reader: the SSRF-guarded connections, [origins] overrides, offline and WARC replay, and decoding in bounded
steps. Kept apart from resolver.http so a run that asks nothing (a plain scan, a warm run answered from the
cache) never imports httpx (#14)."""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import ssl
import time
import zlib
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import h11
import httpcore
import httpx

from resolver.errors import NOT_MAPPED_WORDS, BodyTooLarge, BodyTooSlow, NotMapped
from resolver.guard import GuardedBackend, Resolver
from resolver.origins import SAME_OVER_HTTP
from resolver.redact import NO_SECRETS, Redactor
from resolver.settings import Settings, user_agent   # made in settings: a WARC's warcinfo says it too

if TYPE_CHECKING:
    from resolver.warc import ReplayedResponse, ReplayIndex

T = TypeVar("T")


Origin = tuple[bytes, bytes, int]   # scheme, host, port
IDLE_CONNECTIONS = 256   # keep-alive connections kept open with no request on them, at most, over all origins
DEFAULT_PORTS = {b"http": 80, b"https": 443}
# httpcore's errors as the httpx ones the rest of the client catches (the table httpx's own transport maps by)
HTTPX_ERRORS: dict[type[Exception], type[httpx.TransportError]] = {
    getattr(httpcore, name): getattr(httpx, name) for name in (
        "TimeoutException", "ConnectTimeout", "ReadTimeout", "WriteTimeout", "PoolTimeout", "NetworkError",
        "ConnectError", "ReadError", "WriteError", "ProxyError", "UnsupportedProtocol", "ProtocolError",
        "LocalProtocolError", "RemoteProtocolError")}


def httpx_error(exc: BaseException) -> httpx.TransportError | None:
    """The httpx error for an httpcore one (the most specific, as httpx's own transport maps them), or None."""
    for kind in type(exc).__mro__:
        mapped = HTTPX_ERRORS.get(kind)
        if mapped is not None:
            return mapped(str(exc))
    return None


class GuardedConnections(httpx.AsyncBaseTransport):
    """HTTP/1.1 connections behind the SSRF guard: every connection is opened by the guard (`backend`), kept per
    origin while idle for the next request to the same origin, and at most `max_connections` requests are in
    flight in all (the `concurrency` setting). Idle connections beyond IDLE_CONNECTIONS are closed, least recently
    used first, so a run over thousands of hosts does not keep thousands of sockets open. All connections share one
    TLS context, made on the first https connection.

    Why not httpcore's connection pool (#14): its bookkeeping walks all its connections for every queued request on
    every request it starts or finishes (quadratic in connections, and a poll of every idle socket), and takes
    several locks and cancel scopes a request; with small pools per origin that was still about a sixth of a
    resolve run's CPU. And why not httpcore's HTTP/1.1 connection either: its anyio lock yields to the loop on
    every acquire, twice a request, with cancel scopes and trace objects around each step (about 5% more). Here a
    request takes an idle connection of its origin, or opens one, and gives it back when its body is closed;
    `_Connection` speaks HTTP/1.1 through h11, as httpcore's connection does, with its messages and errors.
    """

    def __init__(self, backend: GuardedBackend, *, max_connections: int,
                 ssl_context: Callable[[], ssl.SSLContext]) -> None:
        self.backend = backend
        self.max_connections = max(max_connections, 1)
        self._ssl_context = ssl_context
        self._slots: asyncio.Semaphore | None = None
        self._idle: dict[Origin, list[_Connection]] = {}
        self._idle_order: OrderedDict[_Connection, Origin] = OrderedDict()
        self._open: set[_Connection] = set()

    @property
    def connections(self) -> list[_Connection]:
        """The connections open now, idle or busy."""
        return list(self._open)

    @property
    def idle_connections(self) -> int:
        return len(self._idle_order)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.max_connections)
        slots = self._slots
        await slots.acquire()
        request.extensions.get("took_slot", _nothing)()   # in flight from now on (the progress bar's count)
        try:
            url = request.url
            scheme = url.raw_scheme
            if scheme not in DEFAULT_PORTS:
                raise httpx.UnsupportedProtocol(f"Request URL has an unsupported protocol '{url.scheme}://'.")
            origin = (scheme, url.raw_host, url.port or DEFAULT_PORTS[scheme])
            connection = await self._idle_connection(origin) or await self._connect(origin, request)
            try:
                answer = await connection.send(request)
            except BaseException:
                self._open.discard(connection)   # closed by send
                raise
        except BaseException as exc:
            slots.release()
            error = httpx_error(exc)
            if error is None:
                raise
            raise error from exc
        body = _ConnectionBody(connection, request, lambda: self._done(connection, origin, slots))
        return httpx.Response(answer.status_code, headers=answer.headers.raw_items(), stream=body,
                              extensions={"http_version": b"HTTP/" + answer.http_version,
                                          "reason_phrase": answer.reason, "network_stream": connection.stream,
                                          "non_public": connection.non_public})

    async def _idle_connection(self, origin: Origin) -> _Connection | None:
        """The idle connection of the origin used last, if it is still open (the server may have closed it)."""
        idle = self._idle.get(origin)
        while idle:
            connection = idle.pop()
            if not idle:
                del self._idle[origin]   # no empty list kept for each of the thousands of hosts a run may meet
            del self._idle_order[connection]
            if not connection.has_expired():
                return connection
            await self._close(connection)
        return None

    async def _connect(self, origin: Origin, request: httpx.Request) -> _Connection:
        """A new connection, dialled by the guard (TLS for https), as httpcore's own connection makes one, with the
        same debug log lines."""
        timeout = request.extensions.get("timeout", {}).get("connect")
        scheme, raw_host, port = origin
        host = raw_host.decode("ascii")
        stream = await _logged("connect_tcp", self.backend.connect_tcp, host=host, port=port, local_address=None,
                               timeout=timeout, socket_options=None)
        if scheme == b"https":
            try:
                stream = await _logged("start_tls", stream.start_tls, ssl_context=self._ssl_context(),
                                       server_hostname=request.extensions.get("sni_hostname") or host, timeout=timeout)
            except BaseException:
                await stream.aclose()
                raise
        peer = stream.get_extra_info("server_addr")
        connection = _Connection(stream, non_public=self.backend.admitted_by_setting(
            host, port, str(peer[0]) if isinstance(peer, tuple) and peer else None))
        self._open.add(connection)
        return connection

    async def _done(self, connection: _Connection, origin: Origin, slots: asyncio.Semaphore) -> None:
        """A response body was closed: its connection is idle again (kept), or closed (forgotten)."""
        slots.release()
        if not await connection.finish():
            self._open.discard(connection)
            return
        self._idle.setdefault(origin, []).append(connection)
        self._idle_order[connection] = origin
        while len(self._idle_order) > IDLE_CONNECTIONS:
            oldest, its_origin = self._idle_order.popitem(last=False)
            self._idle[its_origin].remove(oldest)
            if not self._idle[its_origin]:
                del self._idle[its_origin]
            await self._close(oldest)

    async def _close(self, connection: _Connection) -> None:
        self._open.discard(connection)
        await _logged("close", connection.aclose)

    async def aclose(self) -> None:
        connections, self._open, self._idle, self._idle_order = self._open, set(), {}, OrderedDict()
        for connection in connections:
            await _logged("close", connection.aclose)


CONNECTION_LOG = logging.getLogger("httpcore.connection")


async def _logged(step: str, call: Callable[..., Awaitable[T]], **arguments: Any) -> T:
    """`call(**arguments)`, with the debug lines httpcore's own connections log around it (`connect_tcp.started
    host='…' port=…`, then `.complete` or `.failed`): a debug log reads as it did with httpcore's pool."""
    if not CONNECTION_LOG.isEnabledFor(logging.DEBUG):
        return await call(**arguments)
    CONNECTION_LOG.debug(" ".join([f"{step}.started", *(f"{k}={v!r}" for k, v in arguments.items())]))
    try:
        value = await call(**arguments)
    except BaseException as exc:
        CONNECTION_LOG.debug(f"{step}.failed exception={exc!r}")
        raise
    CONNECTION_LOG.debug(f"{step}.complete" if value is None else f"{step}.complete return_value={value!r}")
    return value


class _Connection:
    """One HTTP/1.1 connection: h11 speaks the protocol over a network stream, as in httpcore's own HTTP/1.1
    connection, whose messages and errors these are. One request at a time: the transport lends it to one request
    and takes it back when the response body is closed (`finish`)."""

    READ_BYTES = 64 * 1024

    def __init__(self, stream: httpcore.AsyncNetworkStream, *, non_public: bool = False) -> None:
        self.stream = stream
        self.non_public = non_public   # its address passed the guard only because allow_private is set
        self._h11 = h11.Connection(our_role=h11.CLIENT, max_incomplete_event_size=100 * 1024)
        self.closed = False

    async def send(self, request: httpx.Request) -> h11.Response:
        """Send the request and read the answer's head; the body is read by `body()`. On any failure the connection
        is closed."""
        timeouts = request.extensions.get("timeout", {})
        try:
            try:
                await self._send(h11.Request(method=request.method, target=request.url.raw_path,
                                             headers=request.headers.raw), timeouts.get("write"))
                async for chunk in request.stream:   # type: ignore[union-attr]   # an async transport's: async
                    await self._send(h11.Data(data=chunk), timeouts.get("write"))
                await self._send(h11.EndOfMessage(), timeouts.get("write"))
            except httpcore.WriteError:
                pass   # the server may have answered early and closed: its answer is read below, as httpcore does
            while True:
                event = await self._receive(timeouts.get("read"))
                if isinstance(event, h11.Response):
                    return event
        except BaseException:
            await self.aclose()
            raise

    async def body(self, timeout: float | None) -> AsyncIterator[bytes]:
        """The body's pieces as they arrive; on a failure the connection is closed and the error is httpx's."""
        try:
            while True:
                event = await self._receive(timeout)
                if isinstance(event, h11.Data):
                    yield bytes(event.data)
                elif isinstance(event, h11.EndOfMessage) or event is h11.PAUSED:
                    return
        except BaseException as exc:
            await self.aclose()
            error = httpx_error(exc)
            if error is None:
                raise
            raise error from exc

    async def _send(self, event: h11.Event, timeout: float | None) -> None:
        try:
            data = self._h11.send(event)
        except h11.LocalProtocolError as exc:
            raise httpcore.LocalProtocolError(str(exc)) from exc
        if data:
            await self.stream.write(data, timeout=timeout)

    async def _receive(self, timeout: float | None) -> Any:
        while True:
            try:
                event = self._h11.next_event()
            except h11.RemoteProtocolError as exc:
                raise httpcore.RemoteProtocolError(str(exc)) from exc
            if event is not h11.NEED_DATA:
                return event
            data = await self.stream.read(self.READ_BYTES, timeout=timeout)
            if data == b"" and self._h11.their_state == h11.SEND_RESPONSE:
                raise httpcore.RemoteProtocolError("Server disconnected without sending a response.")
            self._h11.receive_data(data)

    async def finish(self) -> bool:
        """After a response: ready for the next request (True), or closed (a body not read to its end, a server
        that said Connection: close...)."""
        if not self.closed and self._h11.our_state is h11.DONE and self._h11.their_state is h11.DONE:
            self._h11.start_next_cycle()
            return True
        await self.aclose()
        return False

    def has_expired(self) -> bool:
        """Idle, and the server closed it (or sent something unasked for): not to be used again."""
        return self.closed or bool(self.stream.get_extra_info("is_readable"))

    async def aclose(self) -> None:
        if not self.closed:
            self.closed = True
            await self.stream.aclose()


class _ConnectionBody(httpx.AsyncByteStream):
    """A response body read straight from its connection; closing it hands the connection back (`done`)."""

    def __init__(self, connection: _Connection, request: httpx.Request, done: Callable[[], Awaitable[None]]) -> None:
        self._connection, self._done, self._closed = connection, done, False
        self._timeout = request.extensions.get("timeout", {}).get("read")

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._connection.body(self._timeout)

    async def aclose(self) -> None:
        if not self._closed:
            self._closed = True
            await self._done()


def tls_context() -> Callable[[], ssl.SSLContext]:
    """A TLS context made on first use and then shared: loading the CA bundle costs tens of milliseconds, which a
    run that makes no https request (a warm run, an offline one) should not pay (#14)."""
    made: list[ssl.SSLContext] = []

    def get() -> ssl.SSLContext:
        if not made:
            import certifi

            context = ssl.create_default_context(cafile=certifi.where())
            context.set_alpn_protocols(["http/1.1"])   # what httpcore's connections asked for: HTTP/1.1 only
            made.append(context)
        return made[0]
    return get


def _origin(url: httpx.URL) -> str:
    """scheme://host[:port] of a URL, as [origins] keys are written."""
    default = {"http": 80, "https": 443}.get(url.scheme)
    host = f"[{url.host}]" if ":" in url.host else url.host
    return f"{url.scheme}://{host}" + (f":{url.port}" if url.port and url.port != default else "")


def _nothing() -> None:
    return None


class OriginOverrideTransport(httpx.AsyncBaseTransport):
    """Sends requests for an origin named in [origins] to its replacement, keeping the original Host header.

    A rewritten request goes through a transport of its own, whose guard lets through exactly that target
    (`target_transport(target)`); every other request goes through `inner`, whose guard allows nothing. So a
    typed URL or a redirect naming a private target's address is refused, and never reuses a connection the
    override opened (#12). Without `target_transport` (replay, a test's transport) rewritten requests go to `inner`.
    """

    def __init__(self, inner: httpx.AsyncBaseTransport, origins: Mapping[str, str], *,
                 target_transport: Callable[[str], httpx.AsyncBaseTransport] | None = None,
                 only_mapped: bool = False) -> None:
        self.inner = inner
        self.origins = dict(origins)
        self.only_mapped = only_mapped   # [origins] only_configured: an unmapped origin is refused here (NotMapped)
        self._target_transport = target_transport
        self._targets: dict[str, httpx.AsyncBaseTransport] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        origin = _origin(request.url)
        target = self.origins.get(origin)
        if target is None and request.url.scheme == "http" and origin == f"http://{request.url.host}" \
                and request.url.host in SAME_OVER_HTTP:   # an old page's http://t.co/… link (newuser44d #8)
            target = self.origins.get(f"https://{request.url.host}")
        if target is None and self.only_mapped:   # before the guard below looks the name up (newuser31 #5)
            raise NotMapped(not_mapped(str(request.url), origin), url=str(request.url))
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


def not_mapped(url: str, origin: str) -> str:
    """The refusal of an origin [origins] does not map, naming the key to add and, when the table lists it, what the
    tool contacts it for."""
    from resolver.origins import service_of

    service = service_of(origin)
    also = ""
    if origin.startswith("http://") and origin.removeprefix("http://") in SAME_OVER_HTTP:
        service, also = service_of(f"https://{origin.removeprefix('http://')}"), \
            f' (or "https://{origin.removeprefix("http://")}", which serves its http links too)'
    return (f"refused {url}: {NOT_MAPPED_WORDS}, and [origins] only_configured = true lets no "
            f"other origin be contacted{f' ({service})' if service else ''}; to allow it, add \"{origin}\" = "
            f'"<origin>"{also} to [origins]')


class NotReplayable(httpx.TransportError):
    """Replay mode, and the WARC files never saw this request."""


class NotCached(httpx.TransportError):
    """Offline, and the answer is not in the cache: no connection was opened to find it."""


class OfflineTransport(httpx.AsyncBaseTransport):
    """The transport of an offline run: never opens a connection, answers every request "not cached"."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.extensions.get("took_slot", _nothing)()
        raise NotCached("offline, and not in the cache", request=request)


class ReplayTransport(httpx.AsyncBaseTransport):
    """Answers from WARC response records, by the original URL (of several records, the newest answer: ReplayIndex);
    never touches the network. The tool's own WARC keeps URLs redacted, so the URL asked for is redacted the same way
    before it is looked up."""

    def __init__(self, index: ReplayIndex, redactor: Redactor = NO_SECRETS) -> None:
        self.index = index
        self.redactor = redactor

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        from resolver.warc import not_in_warcs

        request.extensions.get("took_slot", _nothing)()
        url = request.extensions.get("original_url", str(request.url))
        found = self.index.take(request.method, self.redactor.url(url))
        if found is None:
            raise NotReplayable(f"{not_in_warcs(self.index.paths)}: {request.method} {url}", request=request)
        return httpx.Response(found.status, headers=found.headers, stream=_ReplayedBody(found), request=request,
                              extensions={"via": "warc", "warc_file": found.file, "warc_offset": found.offset,
                                          "warc_record_id": found.record_id, "warc_contacted": found.contacted,
                                          "reason_phrase": found.reason.encode(), "truncated": found.truncated,
                                          "redacted": found.redacted, "warc_date": found.warc_date,
                                          "warc_cut_at": found.cut_at,
                                          "warc_others": self.index.others(request.method, found)})


async def replayed_body(found: ReplayedResponse, *, max_bytes: int, deadline: float) -> bytes:
    """A replayed record's body, decoded under the caps every answer is read under (`_read_capped`): a record that
    is not the answer taken, read to say what it answered (ReplayIndex.others)."""
    response = httpx.Response(found.status, headers=found.headers, stream=_ReplayedBody(found),
                              request=httpx.Request("GET", found.url))
    try:
        return await _read_capped(response, max_bytes=max_bytes, deadline=deadline)
    finally:
        await response.aclose()


class _ReplayedBody(httpx.AsyncByteStream):
    """A replayed record's payload, read from its file as the answer is read (resolver.warc.replayed_payload)."""

    def __init__(self, found: ReplayedResponse) -> None:
        from resolver.warc import replayed_payload

        self._pieces = replayed_payload(found)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self._pieces:
            yield piece

    async def aclose(self) -> None:
        self._pieces.close()   # closes the file


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
        if isinstance(transport, GuardedConnections):
            target_transport = lambda target: _guarded(  # noqa: E731
                settings, resolver, _target_address(target), context=context)
    # only a live run's requests are refused unmapped: offline and replay contact nothing (NotMapped)
    only_mapped = settings.only_configured_origins and target_transport is not None
    return Client(OriginOverrideTransport(transport, settings.origins, target_transport=target_transport,
                                          only_mapped=only_mapped),
                  user_agent=user_agent(settings),
                  timeout=httpx.Timeout(settings.timeout, connect=settings.connect_timeout))


def accept_encoding() -> str:
    """What a request says it can take: exactly what _read_capped decodes here (brotli and zstd when installed)."""
    return ", ".join(["gzip", "deflate"] + [name for name, module in (("br", "brotli"), ("zstd", "zstandard"))
                                            if importlib.util.find_spec(module) is not None])


class Client:
    """The run's one client: requests go straight to the transport stack (SSRF-guarded connections under the
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
    if replay is not None:   # offline too: the replay answers, and it asks nothing of the network (replay30)
        return ReplayTransport(replay, redactor)
    if offline:
        return OfflineTransport()
    return _guarded(settings, resolver, context=context)


def _guarded(settings: Settings, resolver: Resolver | None, *allowed: tuple[str, int],
             context: Callable[[], ssl.SSLContext]) -> GuardedConnections:
    """Connections behind the SSRF guard; `allowed` are the only private (host, port) pairs they may reach."""
    backend = GuardedBackend(allow_private=settings.allow_private, allowed=allowed, resolver=resolver)
    return GuardedConnections(backend, max_connections=max(settings.concurrency, 1), ssl_context=context)


DECODE_STEP = 64 * 1024   # decoded bytes one decompressor call may produce: a bomb never expands more at once


class _ZlibDecoder:
    """gzip or deflate (zlib-wrapped, else raw, as httpx's DeflateDecoder), in steps of at most DECODE_STEP."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._raw_fallback = encoding == "deflate"
        self._d = zlib.decompressobj(zlib.MAX_WBITS | (16 if encoding == "gzip" else 0))

    @property
    def finished(self) -> bool:
        """The stream reached its end: the body is whole."""
        return self._d.eof

    def decode(self, data: bytes) -> Iterator[bytes]:
        """Every member of a gzip body, one after another (RFC 1952 §2.2: `cat a.gz b.gz`; only the first was read
        and the rest left out silently: review30r2); bytes after the last that start no member are ignored."""
        while True:
            yield from self._member(data)
            data = self._d.unused_data if self.encoding == "gzip" and self._d.eof else b""
            if not data.startswith(b"\x1f\x8b"):
                return
            self._d = zlib.decompressobj(zlib.MAX_WBITS | 16)   # a loop, not recursion: members may be many

    def _member(self, data: bytes) -> Iterator[bytes]:
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
            yield from self._member(data)


class _BrotliDecoder:
    """br, through brotli >= 1.2, whose process() stops near an output limit and is then drained with empty input."""

    encoding = "br"

    def __init__(self) -> None:
        import brotli

        self._brotli = brotli
        self._d = brotli.Decompressor()

    @property
    def finished(self) -> bool:
        return bool(self._d.is_finished())

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


ZSTD_MAGIC = 0xFD2FB528


class _ZstdFrames:
    """Where a zstd body stands, read from its frame and block headers (RFC 8878 §3.1) without decoding anything:
    whether the bytes so far end where a frame ends. A few integer steps per block of up to 128 KiB, so nothing
    measurable beside the decoding; a body cut inside a frame (a block, its checksum) is then known to be cut.
    Bytes that start no frame are left to the decoder, which refuses them."""

    def __init__(self) -> None:
        self._state, self._need, self._pending, self._skip = "magic", 4, b"", 0
        self._checksum = False

    @property
    def at_boundary(self) -> bool:
        return self._state == "other" or (self._state == "magic" and not self._pending and not self._skip)

    def feed(self, data: bytes) -> None:
        pos, end = 0, len(data)
        while pos < end and self._state != "other":
            if self._skip:
                step = min(self._skip, end - pos)
                self._skip, pos = self._skip - step, pos + step
                continue
            take = self._need - len(self._pending)
            self._pending += data[pos:pos + take]
            pos += take
            if len(self._pending) < self._need:
                return
            header, self._pending = self._pending, b""
            self._step(int.from_bytes(header, "little"))

    def _step(self, value: int) -> None:
        state = self._state
        if state == "magic":
            if value == ZSTD_MAGIC:
                self._state, self._need = "descriptor", 1
            elif value & 0xFFFFFFF0 == 0x184D2A50:   # a skippable frame: its size, then that many bytes
                self._state, self._need = "skippable", 4
            else:
                self._state = "other"
        elif state == "descriptor":
            single = value >> 5 & 1
            self._checksum = bool(value >> 2 & 1)
            rest = (0 if single else 1) + (0, 1, 2, 4)[value & 3] + (single, 2, 4, 8)[value >> 6]
            self._state, self._need = ("header", rest) if rest else ("block", 3)
        elif state == "header":
            self._state, self._need = "block", 3
        elif state == "block":
            last, kind, size = value & 1, value >> 1 & 3, value >> 3
            self._skip = 1 if kind == 1 else size   # an RLE block is one byte repeated
            if last:
                self._state, self._need = ("checksum", 4) if self._checksum else ("magic", 4)
        elif state == "checksum":
            self._state, self._need = "magic", 4
        elif state == "skippable":
            self._skip = value
            self._state, self._need = "magic", 4


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

        self._frames = _ZstdFrames()

    encoding = "zstd"

    @property
    def finished(self) -> bool:
        """zstandard's stream_writer does not say whether a frame ended (review30n): the frame headers do."""
        return self._frames.at_boundary

    def decode(self, data: bytes) -> Iterator[bytes]:
        self._frames.feed(data)
        try:
            self._w.write(data)
        except self._zstd.ZstdError as exc:
            raise httpx.DecodingError(f"zstd: {exc}") from None
        parts, self._sink.parts = self._sink.parts, []
        yield from parts


class _Decoder(Protocol):
    encoding: str

    def decode(self, data: bytes) -> Iterator[bytes]: ...

    @property
    def finished(self) -> bool: ...


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


async def _read_capped(response: httpx.Response, *, max_bytes: int, deadline: float, cut_late: bool = False) -> bytes:
    """The body, decoded in bounded steps (gzip, deflate, br, zstd) and counted both decoded and on the wire,
    within a wall-clock deadline. httpx's own decoders turn a whole network chunk into memory at once: 3 KB of
    brotli became 4 GiB before a cap could look (#12), so the raw stream is read and decoded here. Past the cap or
    the deadline it raises BodyTooLarge or BodyTooSlow, with the head read by then; `cut_late`: this reader watches
    the deadline itself, even while no byte comes (the caller's own timeout is set later), so that a body still
    arriving then (an endless stream, a stall) is refused with its head."""
    if cut_late and not response.is_stream_consumed:
        loop = asyncio.get_running_loop()
        chunks: list[bytes] = []
        try:
            async with asyncio.timeout_at(loop.time() + deadline - time.monotonic()):
                return await _read_into(chunks, response, max_bytes=max_bytes, deadline=deadline)
        except TimeoutError:
            late = BodyTooSlow("body still arriving at the per-fetch deadline", url=str(response.request.url))
            late.head = _head(chunks)[:max_bytes]
            raise late from None
    return await _read_into([], response, max_bytes=max_bytes, deadline=deadline)


async def _read_into(chunks: list[bytes], response: httpx.Response, *, max_bytes: int, deadline: float) -> bytes:
    """_read_capped's reading, its decoded pieces put in `chunks` as they come."""
    if response.is_stream_consumed:     # built from bytes already in memory (a replayed WARC record)
        if len(response.content) > max_bytes:
            refused = _too_large(response, max_bytes)
            refused.head = response.content[:min(HEAD_BYTES, max_bytes)]
            raise refused
        return response.content
    encoding = response.headers.get("content-encoding", "")
    decoders = _decoders(encoding, limit=max_bytes, url=str(response.request.url)) if encoding else []
    size, wire = 0, 0
    # The stream itself, not aiter_raw(): its checks, counters and chunker were a layer around every piece for
    # nothing here (#14); the caller closes the response.
    try:
        async for raw in response.stream:  # type: ignore[union-attr]   # an async transport's answer: async
            wire += len(raw)
            if wire > max_bytes:
                if not decoders:
                    chunks.append(raw)   # its start is part of the head
                raise _too_large(response, max_bytes)
            for piece in _decode(decoders, raw):
                size += len(piece)
                if size > max_bytes:
                    chunks.append(piece)   # its start is part of the head
                    raise _too_large(response, max_bytes)
                if time.monotonic() > deadline:
                    raise BodyTooSlow("body still arriving at the per-fetch deadline", url=str(response.request.url))
                chunks.append(piece)
            if time.monotonic() > deadline:
                raise BodyTooSlow("body still arriving at the per-fetch deadline", url=str(response.request.url))
    except BodyTooLarge as exc:   # the cap (or a decoder's), or the deadline: the head was read
        exc.head = _head(chunks)[:max_bytes]
        raise
    _whole(decoders, wire)
    return b"".join(chunks)


def _whole(decoders: list[_Decoder], wire: int) -> None:
    """DecodingError when an encoded body ended before its stream did (a proxy that stopped, a server closing an
    answer with no length early): its first bytes decoded were kept as the whole answer, hash and all (review30n).
    An empty body (a redirect or a 204 said to be gzip) is empty, not cut."""
    cut = next((d for d in decoders if not d.finished), None) if wire else None
    if cut is not None:
        raise httpx.DecodingError(f"the body ended before its {cut.encoding} stream did: cut short")


HEAD_BYTES = 65_536   # what is kept of a body refused at the cap: all a next hop is looked for in (resolve.next_hop)


def _head(chunks: list[bytes]) -> bytes:
    """The first HEAD_BYTES of a body read in chunks, joining only the chunks they are in."""
    taken, size = [], 0
    for chunk in chunks:
        if size >= HEAD_BYTES:
            break
        taken.append(chunk)
        size += len(chunk)
    return b"".join(taken)[:HEAD_BYTES]


def _too_large(response: httpx.Response, max_bytes: int) -> BodyTooLarge:
    """Made when a body is refused, not for every body (#14)."""
    return BodyTooLarge(f"body larger than {max_bytes:,} bytes", url=str(response.request.url))
