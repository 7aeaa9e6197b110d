"""https end to end on loopback: a certificate for 127.0.0.1 made here (openssl), trusted by putting it in place of
certifi's bundle, so the client's real TLS context (resolver.transport.tls_context) verifies it as it would a
public site's. The refusals (self-signed, a hang-up in the handshake) are in test_faults.py."""

from __future__ import annotations

import shutil
import ssl
import subprocess

import pytest

from resolver.http import fetch
from resolver.session import Session
from resolver.settings import Settings
from tests.fakenet import RawServer, answer_all, answer_then_close


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """(server context, certificate file) for 127.0.0.1 and localhost (skipped without openssl)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: no certificate to test with")
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-addext", "basicConstraints=critical,CA:TRUE",
                    "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
                   check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return context, str(folder / "cert.pem")


@pytest.fixture
def trusted(certificate, monkeypatch):
    """The server context; the client trusts its certificate as it trusts certifi's authorities."""
    import certifi

    context, cert_file = certificate
    monkeypatch.setattr(certifi, "where", lambda: cert_file)
    return context


def test_https_requests_share_one_verified_connection(trusted):
    server = RawServer(answer_all, wrap=trusted)
    url = f"https://127.0.0.1:{server.port}/x"

    async def three(session):
        return [await fetch(session, url) for _ in range(3)]
    try:
        outcomes = Session(Settings(allow_private=True, retries=0)).run(three)
    finally:
        server.close()
    assert [(o.status, o.body, o.error) for o in outcomes] == [(200, b"ok", None)] * 3
    assert server.accepted == 1


def test_an_idle_tls_connection_the_server_closed_is_not_reused(trusted):
    """Over TLS asyncio reads the closed connection's end itself (resolver.netstream): the next request still
    opens a new connection instead of failing on the dead one."""
    import asyncio

    server = RawServer(answer_then_close, wrap=trusted)
    url = f"https://127.0.0.1:{server.port}/x"

    async def twice(session):
        first = await fetch(session, url)
        await asyncio.sleep(0.3)
        return first, await fetch(session, url)
    try:
        first, second = Session(Settings(allow_private=True, retries=0)).run(twice)
    finally:
        server.close()
    assert [(o.status, o.body, o.error) for o in (first, second)] == [(200, b"ok", None)] * 2
    assert server.accepted == 2


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
