"""Connections end to end on loopback, plain and https. For https, a certificate for 127.0.0.1 made here
(openssl) is trusted by putting it in place of certifi's bundle, so the client's real TLS context
(resolver.transport.tls_context) verifies it as it would a public site's. The refusals (self-signed, a hang-up
in the handshake) are in test_faults.py."""

from __future__ import annotations

import asyncio

import pytest

from resolver.http import fetch
from resolver.session import Session
from resolver.settings import Settings
from tests.fakenet import RawServer, answer_all, answer_then_close, certificate


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    return certificate(tmp_path_factory.mktemp("tls"), "subjectAltName=IP:127.0.0.1,DNS:localhost",
                       "basicConstraints=critical,CA:TRUE")


@pytest.fixture
def trusted(made, monkeypatch):
    """The server context; the client trusts its certificate as it trusts certifi's authorities."""
    import certifi

    context, cert_file = made
    monkeypatch.setattr(certifi, "where", lambda: cert_file)
    return context


@pytest.fixture(params=["http", "https"])
def scheme(request):
    """(scheme, the server's TLS context or None)."""
    return request.param, request.getfixturevalue("trusted") if request.param == "https" else None


def _run(handle, scheme, job):
    """job(session, url) run against a raw server answering with `handle`: its result, and how many connections
    the server accepted."""
    name, wrap = scheme
    server = RawServer(handle, wrap=wrap)
    url = f"{name}://127.0.0.1:{server.port}/x"
    try:
        return Session(Settings(allow_private=True, retries=0)).run(lambda s: job(s, url)), server.accepted
    finally:
        server.close()


def test_requests_to_one_origin_share_one_connection(scheme):
    async def three(session, url):
        return [await fetch(session, url) for _ in range(3)]
    outcomes, accepted = _run(answer_all, scheme, three)
    assert [(o.status, o.body, o.error) for o in outcomes] == [(200, b"ok", None)] * 3
    assert accepted == 1


def test_an_idle_connection_the_server_closed_is_not_reused(scheme):
    """asyncio reads the socket all along (resolver.netstream), so a server's close of an idle keep-alive
    connection is seen in what it read, not only on the socket: the next request opens a new connection instead
    of failing on the dead one (no retry to hide it)."""
    async def twice(session, url):
        first = await fetch(session, url)
        await asyncio.sleep(0.3)
        return first, await fetch(session, url)
    outcomes, accepted = _run(answer_then_close, scheme, twice)
    assert [(o.status, o.body, o.error) for o in outcomes] == [(200, b"ok", None)] * 2
    assert accepted == 2


def test_a_certificate_for_another_name_is_refused(trusted):
    """Verified for the name asked, not only for the authority: the same server, reached as other.test (a name
    this test's resolver maps to 127.0.0.1), fails verification, since its certificate names 127.0.0.1 and
    localhost only."""
    async def names(host, port):
        assert host == "other.test"
        return ["127.0.0.1"]
    server = RawServer(answer_all, wrap=trusted)
    try:
        outcome = Session(Settings(allow_private=True, retries=0), resolver=names).run(
            lambda s: fetch(s, f"https://other.test:{server.port}/x"))
    finally:
        server.close()
    assert outcome.status is None and outcome.error_kind == "connect"
    assert "CERTIFICATE_VERIFY_FAILED" in outcome.error and "other.test" in outcome.error


def test_a_run_leaves_no_connection_open(scheme):
    """Every connection the run opened is closed when it ends, https ones too (asyncio's TLS close waited for
    the peer's close_notify, up to 30 s, and a run that ended first left the socket to the garbage collector)."""
    import gc
    import warnings

    async def twice(session, url):
        first = await fetch(session, url)
        await asyncio.sleep(0.3)
        return first, await fetch(session, url)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        outcomes, _ = _run(answer_then_close, scheme, twice)
        gc.collect()
    assert [o.status for o in outcomes] == [200, 200]
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
