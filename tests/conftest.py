"""Shared fixtures. Every test starts from a clean environment: no EMBED_RESOLVER_*, no proxies, no tokens."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CLEARED_PREFIXES = ("EMBED_RESOLVER_", "X_BEARER", "IA_")
CLEARED = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """As httpx's clean_environ: nothing from the developer's shell leaks into a test; config and cache go to tmp."""
    for name in list(os.environ):
        if name.startswith(CLEARED_PREFIXES) or name in CLEARED:
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


@pytest.fixture
def fixture_text():
    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")
    return read


@pytest.fixture
def fakenet(httpserver):
    """The loopback 'internet' (see tests/fakenet.py)."""
    from tests.fakenet import FakeNet

    return FakeNet(httpserver)


@pytest.fixture
def store(tmp_path):
    from cache import Store

    s = Store(tmp_path / "cache.db")
    yield s
    s.close()


async def _loopback_resolver(host: str, port: int) -> list[str]:
    """Name resolution for tests: only loopback names; anything else fails the test before a packet leaves."""
    names = {"localhost": ["127.0.0.1"], "loopback.test": ["127.0.0.1"], "ip6-loopback.test": ["::1"]}
    import ipaddress

    try:
        ip = ipaddress.ip_address(host.strip("[]"))
        return [str(ip)]
    except ValueError:
        pass
    if host in names:
        return names[host]
    import socket as _socket

    if host.isdigit() or host.lower().startswith("0x") or host.count(".") < 3 and host.replace(".", "").isdigit():
        # numeric spellings (2130706433, 0x7f000001, 127.1): the system resolver parses them without DNS
        return [info[4][0] for info in _socket.getaddrinfo(host, port, type=_socket.SOCK_STREAM)]
    raise AssertionError(f"test tried to resolve a real name: {host}")


@pytest.fixture
def loopback_resolver():
    return _loopback_resolver
