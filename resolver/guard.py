"""The SSRF guard, at the connection layer: resolve once, refuse unless every address is public, dial what was checked.

URL string checks alone miss `0x7f.1`, `2130706433`, `0177.0.0.1` and `127.1`, which getaddrinfo turns into
127.0.0.1, so the guard checks the addresses name resolution returns. `ipaddress.is_private` misses CGNAT and
IPv4 wrapped in IPv6, so the ranges are an explicit table, checked row by row against the IANA registries
(tests/test_guard.py::test_registry_rows).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import httpcore

from resolver.errors import NON_PUBLIC, UnsafeTarget
from resolver.netstream import AsyncioBackend, AsyncioStream, socket_readable

# Every row of the IANA IPv4 Special-Purpose Address Registry
# (https://www.iana.org/assignments/iana-ipv4-special-registry/) whose "Globally Reachable" is False, plus
# multicast (IPv4 Address Space Registry). Refused whole: the more specific rows the registry marks globally
# reachable inside 192.0.0.0/24 (PCP and TURN anycast) stay refused; no news link needs them. The registry's
# globally reachable rows outside any refused block (192.31.196.0/24, 192.52.193.0/24, 192.175.48.0/24) pass.
REFUSED_IPV4 = tuple(ipaddress.IPv4Network(n) for n in (
    "0.0.0.0/8",            # "this network" (0.0.0.0/32: "this host on this network")
    "10.0.0.0/8",           # private use (RFC 1918)
    "100.64.0.0/10",        # shared address space, carrier-grade NAT (RFC 6598)
    "127.0.0.0/8",          # loopback
    "169.254.0.0/16",       # link local, cloud metadata services
    "172.16.0.0/12",        # private use
    "192.0.0.0/24",         # IETF protocol assignments (DS-Lite, dummy, PCP, TURN, NAT64 discovery .170/31)
    "192.0.2.0/24",         # documentation, TEST-NET-1
    "192.88.99.0/24",       # deprecated 6to4 relay anycast (RFC 7526)
    "192.168.0.0/16",       # private use
    "198.18.0.0/15",        # benchmarking
    "198.51.100.0/24",      # documentation, TEST-NET-2
    "203.0.113.0/24",       # documentation, TEST-NET-3
    "224.0.0.0/4",          # multicast
    "240.0.0.0/4",          # reserved, with 255.255.255.255/32 limited broadcast
))
# IPv6: only Global Unicast (2000::/3, IPv6 Address Space Registry) can be public; everything outside it is
# loopback, unspecified, IPv4-compatible (::/96, deprecated) and SIIT (::ffff:0:0:0/96), discard (100::/64), dummy
# (100:0:0:1::/64), SRv6 SIDs (5f00::/16), unique local (fc00::/7), link and site local, multicast or unassigned.
# Inside it, the rows of the IANA IPv6 Special-Purpose Address Registry
# (https://www.iana.org/assignments/iana-ipv6-special-registry/) that are not globally reachable. IPv4-mapped and NAT64 addresses lie outside 2000::/3 and are judged by the
# IPv4 address they wrap (see embedded_ipv4), as is 6to4.
GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")
REFUSED_IPV6 = tuple(ipaddress.IPv6Network(n) for n in (
    "2001::/23",            # IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID, AMT... refused whole
    "2001:db8::/32",        # documentation
    "3fff::/20",            # documentation (RFC 9637)
))
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")        # well-known NAT64 prefix, globally reachable
SIXTOFOUR = ipaddress.IPv6Network("2002::/16")

Resolver = Callable[[str, int], Awaitable[list[str]]]


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address a routable IPv6 wrapper carries: mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) or 6to4.
    The local-use NAT64 prefix (64:ff9b:1::/48), SIIT, IPv4-compatible and Teredo addresses are refused whole."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in SIXTOFOUR:
        return address.sixtofour
    return None


def is_public(address: str) -> bool:
    """True when an address is safe to contact from a server: not loopback, private, link-local, CGNAT, reserved..."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv4Address):
        return not any(ip in net for net in REFUSED_IPV4)
    inner = embedded_ipv4(ip)
    if inner is not None:
        return is_public(str(inner))
    return ip in GLOBAL_UNICAST and not any(ip in net for net in REFUSED_IPV6)


def check_addresses(host: str, addresses: Iterable[str]) -> str:
    """The address to dial, or UnsafeTarget. A host with any non-public answer is refused whole (DNS rebinding)."""
    addresses = list(addresses)
    if not addresses:
        raise UnsafeTarget(f"refused {host}: name resolution returned no address", url=host)
    bad = [a for a in addresses if not is_public(a)]
    if bad:
        raise UnsafeTarget(
            f"refused {host}: {NON_PUBLIC} {bad[0]} (set allow_private = true to allow)", url=host)
    return addresses[0]


async def system_resolver(host: str, port: int) -> list[str]:
    """getaddrinfo in a worker thread; every address it gives, in order, without duplicates."""
    import anyio

    try:
        infos = await anyio.to_thread.run_sync(
            lambda: socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
    except socket.gaierror as exc:
        from httpcore import ConnectError

        raise ConnectError(f"cannot resolve {host}: {exc.strerror}") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """An httpcore network backend that resolves, checks and then dials the checked address.

    `allowed` holds the (host, port) of the one origin-override target its connections serve
    (resolver.http.make_client): it passes even when private. The shared connections allow nothing.
    """

    def __init__(self, *, allow_private: bool = False, allowed: Iterable[tuple[str, int]] = (),
                 resolver: Resolver | None = None, inner: Any | None = None) -> None:
        self.allow_private = allow_private
        self.allowed = {(h.strip("[]").lower(), p) for h, p in allowed}
        self.resolver = resolver or system_resolver
        self.inner = inner or AsyncioBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None, socket_options: Any = None) -> Any:
        addresses = await self.resolver(host, port)
        if self.allow_private or (host.strip("[]").lower(), port) in self.allowed:
            target = addresses[0] if addresses else host
        else:
            target = check_addresses(host, addresses)
        stream = await self.inner.connect_tcp(target, port, timeout=timeout, local_address=local_address,
                                              socket_options=socket_options)
        return stream if isinstance(stream, AsyncioStream) else SocketCachingStream(stream)

    def admitted_by_setting(self, host: str, port: int, address: str | None) -> bool:
        """Whether a connection to host:port that reached `address` (None: not known) passed only because
        allow_private is set: a non-public address no override named. An answer through it holds only for runs with
        the same setting (#12: a chain through one was served from the cache to runs with the guard on)."""
        if not self.allow_private or (host.strip("[]").lower(), port) in self.allowed:
            return False
        return address is None or not is_public(address)

    async def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Any = None) -> Any:
        raise UnsafeTarget("refused: unix sockets are never contacted", url=path)

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class SocketCachingStream:
    """A network stream that looks its socket up once. httpcore asks every pooled connection for its socket on
    every pool update (to see if it expired), and anyio builds a dict of attributes for each such question:
    with 32 connections that was most of the CPU time of a resolve run (scripts/bench_resolve.py)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._socket = inner.get_extra_info("socket")

    def get_extra_info(self, info: str) -> Any:
        if info == "socket":
            return self._socket
        if info == "is_readable":   # what httpcore asks: an idle connection that is readable was closed by the server
            return socket_readable(self._socket)
        return self._inner.get_extra_info(info)

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> Any:
        return SocketCachingStream(await self._inner.start_tls(ssl_context, server_hostname, timeout))
