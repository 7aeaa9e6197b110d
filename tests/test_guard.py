"""The SSRF guard. Non-loopback private targets are refused at the guard itself, with name resolution faked and a
connect step that fails the test if it is ever called: no test sends a packet anywhere but 127.0.0.1."""

import asyncio

import pytest

from resolver.errors import UnsafeTarget
from resolver.guard import GuardedBackend, check_addresses, is_public
from resolver.http import fetch, make_client
from resolver.session import Session
from resolver.settings import Settings

NOT_PUBLIC = [
    "127.0.0.1", "127.255.0.9", "::1", "0.0.0.0", "::", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1",
    "169.254.169.254", "100.64.0.1", "100.127.255.254", "224.0.0.1", "240.0.0.1", "255.255.255.255", "192.0.2.1",
    "198.18.0.1", "fd00::1", "fc00::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
    "64:ff9b::a00:1", "64:ff9b:1::1", "2002:a00:1::1", "2002:7f00:1::", "2001:0:4136:e378:8000:63bf:f5ff:fffe",
]
PUBLIC = ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "172.32.0.1", "100.128.0.1", "::ffff:93.184.216.34"]


@pytest.mark.parametrize("address", NOT_PUBLIC)
def test_not_public(address):
    assert not is_public(address)


@pytest.mark.parametrize("address", PUBLIC)
def test_public(address):
    assert is_public(address)


def test_a_host_with_any_private_answer_is_refused_whole():
    with pytest.raises(UnsafeTarget, match="refused mixed.test: resolves to non-public address 10.0.0.7"):
        check_addresses("mixed.test", ["93.184.216.34", "10.0.0.7"])


class FakeStream:
    def get_extra_info(self, info):
        return None


class ConnectMustNotHappen:
    """The connect step for refusal tests: reaching it is a test failure, and no socket is ever opened."""

    def __init__(self):
        self.dialled = []

    async def connect_tcp(self, host, port, **kwargs):
        raise AssertionError(f"the guard let a connection to {host}:{port} through")

    async def sleep(self, seconds):
        await asyncio.sleep(seconds)


def fake_resolver(answers):
    calls = []

    async def resolve(host, port):
        calls.append(host)
        return answers[host]
    resolve.calls = calls
    return resolve


@pytest.mark.parametrize("host,answers", [
    ("intranet.test", ["10.0.0.1"]), ("metadata.test", ["169.254.169.254"]), ("router.test", ["192.168.0.1"]),
    ("cgnat.test", ["100.64.12.34"]), ("ula.test", ["fd00::1"]), ("mapped.test", ["::ffff:192.168.0.1"]),
    ("rebind.test", ["93.184.216.34", "172.16.0.1"]),
], ids=lambda v: v if isinstance(v, str) else None)
def test_guard_refuses_private_targets_before_connecting(host, answers):
    backend = GuardedBackend(resolver=fake_resolver({host: answers}), inner=ConnectMustNotHappen())
    with pytest.raises(UnsafeTarget, match=f"refused {host}"):
        asyncio.run(backend.connect_tcp(host, 443))


def test_guard_dials_the_address_it_checked_without_a_second_lookup():
    dialled = []

    class Recorder(ConnectMustNotHappen):
        async def connect_tcp(self, host, port, **kwargs):
            dialled.append((host, port))
            return FakeStream()

    resolver = fake_resolver({"news.test": ["93.184.216.34"]})
    backend = GuardedBackend(resolver=resolver, inner=Recorder())
    assert asyncio.run(backend.connect_tcp("news.test", 443)) is not None
    assert dialled == [("93.184.216.34", 443)] and resolver.calls == ["news.test"]


def test_a_private_override_target_named_by_the_user_passes():
    dialled = []

    class Recorder(ConnectMustNotHappen):
        async def connect_tcp(self, host, port, **kwargs):
            dialled.append(host)
            return FakeStream()

    backend = GuardedBackend(allowed=[("10.1.2.3", 8080)], resolver=fake_resolver({"10.1.2.3": ["10.1.2.3"]}),
                             inner=Recorder())
    asyncio.run(backend.connect_tcp("10.1.2.3", 8080))
    assert dialled == ["10.1.2.3"]
    with pytest.raises(UnsafeTarget):   # the same host on another port was not named
        asyncio.run(backend.connect_tcp("10.1.2.3", 22))


LOOPBACK_SPELLINGS = ["127.0.0.1", "0x7f000001", "2130706433", "0177.0.0.1", "127.1", "[::ffff:127.0.0.1]",
                      "localhost", "loopback.test", "[::1]"]


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
def test_loopback_in_every_spelling_is_refused_end_to_end(host, httpserver, loopback_resolver, store):
    """A real server listens on loopback; with the guard on, not one request reaches it."""
    httpserver.expect_request("/").respond_with_data("secret")
    url = f"http://{host}:{httpserver.port}/"

    outcome = Session(Settings(retries=0), store=store, resolver=loopback_resolver).run(lambda s: fetch(s, url))
    assert outcome.status is None
    assert outcome.error_kind in ("unsafe", "invalid-url")
    assert "refused" in outcome.error
    assert httpserver.log == []
    [row] = store.fetches_for(url)
    assert row["status"] is None and row["error_kind"] == outcome.error_kind


def test_allow_private_lifts_the_guard(httpserver, loopback_resolver):
    httpserver.expect_request("/").respond_with_data("hello")
    settings = Settings(allow_private=True, retries=0)

    session = Session(settings, resolver=loopback_resolver)
    assert session.run(lambda s: fetch(s, f"http://localhost:{httpserver.port}/")).body == b"hello"


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "file:///etc/passwd", "http://user:pw@127.0.0.1/"])
def test_only_http_and_no_userinfo(url):
    outcome = Session(Settings(allow_private=True, retries=0)).run(lambda s: fetch(s, url))
    assert outcome.error_kind == "unsafe" and outcome.status is None


def test_no_proxy_from_the_environment(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    client = make_client(Settings())
    assert client._mounts == {} and client._trust_env is False
    asyncio.run(client.aclose())


def test_the_test_suite_itself_cannot_reach_a_real_host():
    """The autouse guard in conftest.py: real names do not resolve, non-loopback addresses cannot be dialled."""
    import socket

    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("example.com", 80)
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("cafe", 80)
    # Never let this line reach a real connect: without the autouse guard it would send a packet to 10.0.0.1.
    assert getattr(socket.socket.connect, "__module__", None) == __name__.rsplit(".", 1)[0] + ".conftest", "the loopback guard is off"
    sock = socket.socket()
    try:
        with pytest.raises(AssertionError, match="tried to connect to 10.0.0.1"):
            sock.connect(("10.0.0.1", 80))
    finally:
        sock.close()
