"""httpcore's network backend on asyncio's own streams (the guard, resolver.guard, dials through it).

httpcore ships an anyio backend only. For every read and write it opens an anyio cancel scope and an exception
map, anyio yields to the loop once more before each send, and it stops and restarts reading the socket around
every receive (two epoll changes): most of what a resolve run spent outside h11 and httpcore themselves (#14).
asyncio's StreamReader and StreamWriter do the same work with none of that; timeouts are asyncio's, and errors
are mapped to the httpcore exceptions the anyio backend raises, so httpx sees the same ones.
"""

from __future__ import annotations

import asyncio
import select
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore

READ_LIMIT = 2 ** 20   # a StreamReader's buffer before it pauses the socket (httpcore reads 64 KiB at a time)


class AsyncioStream(httpcore.AsyncNetworkStream):
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader, self._writer = reader, writer
        self._socket = writer.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            async with asyncio.timeout(timeout):
                return await self._reader.read(max_bytes)
        except TimeoutError:
            raise httpcore.ReadTimeout("timed out reading") from None
        except OSError as exc:
            raise httpcore.ReadError(str(exc)) from exc

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        try:
            if self._writer.is_closing():
                raise ConnectionResetError("the connection is closed")
            self._writer.write(buffer)
            async with asyncio.timeout(timeout):
                await self._writer.drain()
        except TimeoutError:
            raise httpcore.WriteTimeout("timed out writing") from None
        except OSError as exc:
            raise httpcore.WriteError(str(exc)) from exc

    async def aclose(self) -> None:
        if self._writer.get_extra_info("ssl_object") is not None:
            # No TLS close_notify exchange, as httpcore's anyio backend (standard_compatible=False): asyncio's
            # close() would wait up to 30 s for the peer's answer, keeping the socket open all that time.
            self._writer.transport.abort()
        else:
            self._writer.close()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                await self._writer.start_tls(ssl_context, server_hostname=server_hostname)
        except TimeoutError:
            self._writer.close()
            raise httpcore.ConnectTimeout("timed out in the TLS handshake") from None
        except (OSError, ssl.SSLError) as exc:   # ssl.SSLError is an OSError; named for the reader
            self._writer.close()
            raise httpcore.ConnectError(str(exc)) from exc
        self._socket = self._writer.get_extra_info("socket")
        return self

    def get_extra_info(self, info: str) -> Any:
        if info == "socket":
            return self._socket
        if info == "is_readable":
            # httpcore asks this of an idle keep-alive connection: readable means the server closed it (or sent
            # something it should not have). asyncio reads the socket all along, so what it read counts too.
            return self._reader.at_eof() or self._reader.exception() is not None or socket_readable(self._socket)
        if info == "ssl_object":
            return self._writer.get_extra_info("ssl_object")
        if info == "client_addr":
            return self._writer.get_extra_info("sockname")
        if info == "server_addr":
            return self._writer.get_extra_info("peername")
        return None


def socket_readable(sock: Any) -> bool:
    """Whether the socket has something to read (for an idle connection: the server closed it); a closed socket
    counts as readable."""
    if sock is None or sock.fileno() < 0:
        return True
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    return bool(poller.poll(0))


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(
                    host, port, limit=READ_LIMIT, local_addr=(local_address, 0) if local_address else None)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"timed out connecting to {host}:{port}") from None
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        sock = writer.get_extra_info("socket")
        for option in socket_options or ():
            sock.setsockopt(*option)
        return AsyncioStream(reader, writer)

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not used")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
