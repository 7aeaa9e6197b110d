"""The SSRF guard. Non-loopback private targets are refused at the guard itself, with name resolution faked and a
connect step that fails the test if it is ever called: no test sends a packet anywhere but 127.0.0.1."""

import asyncio
from dataclasses import replace

import pytest

from resolver.errors import UnsafeTarget
from resolver.guard import GuardedBackend, check_addresses, is_public, non_public_by_name
from resolver.http import fetch
from resolver.session import Session
from resolver.settings import Settings

@pytest.fixture
def store(tmp_path):
    """conftest's `store` (an empty cache in the test's own tmp_path), opened on a copy of one made once a process:
    about 300 of this module's tests each take one (tests/blankstore.py)."""
    from tests.blankstore import blank_store

    s = blank_store(tmp_path / "cache.db")
    yield s
    s.close()


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
    ("rebind.test", ["93.184.216.34", "172.16.0.1"]), ("compat.test", ["::169.254.169.254"]),
    ("siit.test", ["::ffff:0:169.254.169.254"]), ("nat64.test", ["64:ff9b::a9fe:a9fe"]),
    ("multicast.test", ["224.0.0.251"]), ("broadcast.test", ["255.255.255.255"]), ("zero.test", ["0.0.0.0"]),
    ("bench.test", ["198.18.0.9"]), ("mapped10.test", ["::ffff:10.0.0.1"]), ("sixtofour.test", ["2002:c0a8:101::"]),
    ("teredo.test", ["2001:0:4136:e378:8000:63bf:f5ff:fffe"]), ("link.test", ["fe80::1%eth0"]),
    ("mixed6.test", ["2606:4700::1111", "fd00::1"]),
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


# -- the SSRF suite: spellings and routes --------------------------------------------------------------------------
# Loopback spellings run end to end through resolve(): a real loopback server (the victim) must receive nothing.
# Names are resolved by `spelling_resolver` (numeric forms parsed as getaddrinfo does, with inet_aton; a few names
# faked); no test resolves a real name.
LOOPBACK_HOSTS = {
    "dotted": "127.0.0.1", "trailing-dot": "127.0.0.1.", "decimal": "2130706433", "hex": "0x7f000001",
    "hex-dotted": "0x7f.0x0.0x0.0x1", "octal": "0177.0.0.1", "octal-whole": "017700000001", "short-2": "127.1",
    "short-3": "127.0.1", "hex-short": "0x7f.1", "octal-short": "0177.1", "mixed": "0x7f.0.0.01",
    "leading-zeros": "127.000.000.001", "other-loopback": "127.8.9.10", "loopback-last": "127.255.255.254",
    "ipv6": "[::1]", "ipv6-long": "[0:0:0:0:0:0:0:1]", "mapped": "[::ffff:127.0.0.1]", "mapped-hex": "[::ffff:7f00:1]",
    "compatible": "[::127.0.0.1]", "siit": "[::ffff:0:127.0.0.1]", "nat64": "[64:ff9b::127.0.0.1]",
    "6to4": "[2002:7f00:1::]", "teredo": "[2001:0:4136:e378:8000:ffff:80ff:fffe]", "localhost": "localhost",
    "localhost-dot": "localhost.", "localhost-upper": "LOCALHOST", "localhost-mixed-case": "LocalHost",
    "sub-localhost": "admin.localhost", "name-to-loopback": "intranet-loopback.test",
    "ideographic-dots": "127\u30020\u30020\u30021", "fullwidth-dots": "127\uff0e0\uff0e0\uff0e1",
    "halfwidth-dots": "127\uff610\uff610\uff611",
}
# URLs that try the victim through userinfo, fragments and other schemes ({port}: the victim's).
TRICK_URLS = {
    "userinfo-public-at-loopback": "http://public.test@127.0.0.1:{port}/admin",
    "userinfo-loopback-at-public": "http://127.0.0.1:{port}@public.test/admin",
    "userinfo-backslash": "http://public.test\\@127.0.0.1:{port}/admin",
    "fragment-at": "http://127.0.0.1:{port}#@public.test/admin",
    "scheme-ftp": "ftp://127.0.0.1:{port}/admin", "scheme-file": "file:///etc/passwd",
    "scheme-gopher": "gopher://127.0.0.1:{port}/_GET%20/admin", "scheme-dict": "dict://127.0.0.1:{port}/info",
    "scheme-ldap": "ldap://127.0.0.1:{port}/", "scheme-ws": "ws://127.0.0.1:{port}/admin",
    "scheme-jar": "jar:http://127.0.0.1:{port}/x!/", "scheme-data": "data:text/html,<p>hi</p>",
    "scheme-javascript": "javascript:location='http://127.0.0.1:{port}/admin'",
    # sec28: what URL parsers take out or fold before anything looks (WHATWG drops tabs and newlines anywhere,
    # NFKC makes fullwidth digits ASCII, a backslash is a slash to browsers), percent-escapes in the host, case
    "percent-encoded-host": "http://%31%32%37.0.0.1:{port}/admin", "percent-encoded-dot": "http://127%2e0.0.1:{port}/",
    "tab-in-host": "http://127.0.\t0.1:{port}/admin", "tab-in-scheme": "ht\ttp://127.0.0.1:{port}/admin",
    "upper-case-scheme": "HTTP://127.0.0.1:{port}/admin", "backslashes": "http:\\\\127.0.0.1:{port}\\admin",
    "fullwidth-digits": "http://\uff11\uff12\uff17.\uff10.\uff10.\uff11:{port}/admin",
    "userinfo-empty": "http://@127.0.0.1:{port}/admin",
}
ROUTES = ["typed", "location", "meta-refresh", "javascript"]


def _numeric(host: str) -> str | None:
    """What getaddrinfo makes of a numeric host (inet_aton's forms: 2130706433, 0x7f.1, 0177.0.0.1, 127.1)."""
    import ipaddress
    import socket

    try:
        return str(ipaddress.ip_address(host.strip("[]").split("%", 1)[0]))
    except ValueError:
        pass
    try:
        return socket.inet_ntoa(socket.inet_aton(host[:-1] if host.endswith(".") else host))
    except OSError:
        return None


def spelling_resolver(names=None):
    """Numeric hosts parsed, localhost and *.localhost to 127.0.0.1, `names` as given; anything else fails."""
    names = {"intranet-loopback.test": ["127.0.0.1"], **(names or {})}

    async def resolve(host, port):
        numeric = _numeric(host)
        if numeric is not None:
            return [numeric]
        name = host.rstrip(".").lower()
        if name == "localhost" or name.endswith(".localhost"):
            return ["127.0.0.1"]
        if name in names:
            return names[name]
        raise AssertionError(f"test tried to resolve a real name: {host}")
    return resolve


def _route(fakenet, route: str, target: str) -> str:
    """The URL a test resolves to reach `target` by `route`: itself, or a 'public' page pointing on to it."""
    from tests.fakenet import page, redirect

    if route == "typed":
        return target
    handler = {"location": redirect(target, 302),
               "meta-refresh": page(f'<meta http-equiv="refresh" content="0; url={target}">'),
               "javascript": page(f'<script>location.replace("{target}")</script>')}[route]
    fakenet.route("news.test", "/story", handler)
    return "https://news.test/story"


def _resolve_refused(fakenet, admin_server, store, route, target, resolver=None):
    from resolver.resolve import resolve

    url = _route(fakenet, route, target)
    settings = fakenet.settings(["news.test"], retries=0)

    session = Session(settings, store=store, resolver=resolver or spelling_resolver())
    resolution = session.run(lambda s: resolve(url, session=s))
    assert resolution.error is not None and resolution.error.split(":")[0] in ("unsafe", "invalid-url"), resolution
    assert admin_server.log == []
    assert fakenet.hits == ([] if route == "typed" else [("news.test", "/story")])
    return resolution


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("spelling", list(LOOPBACK_HOSTS), ids=str)
def test_loopback_in_every_spelling_and_route_is_refused_end_to_end(spelling, route, fakenet, admin_server, store):
    """A real server listens on loopback; with the guard on, not one request reaches it, however it is named or
    whichever way a page points at it."""
    target = f"http://{LOOPBACK_HOSTS[spelling]}:{admin_server.port}/admin"
    resolution = _resolve_refused(fakenet, admin_server, store, route, target)
    if route == "typed" and resolution.error.startswith("unsafe"):
        assert "refused" in resolution.error
        [row] = store.fetches_for(resolution.url)
        assert row["status"] is None and row["error_kind"] == "unsafe"


@pytest.mark.parametrize("route", ["typed", "location"])
@pytest.mark.parametrize("trick", list(TRICK_URLS), ids=str)
def test_userinfo_fragment_and_scheme_tricks_are_refused(trick, route, fakenet, admin_server, store):
    _resolve_refused(fakenet, admin_server, store, route, TRICK_URLS[trick].format(port=admin_server.port))


# Other ranges: at the guard only, name resolution faked, the connect step failing the test if it is ever called.
OTHER_RANGE_HOSTS = {
    "decimal-10": "167772161", "hex-metadata": "0xa9fea9fe", "octal-metadata": "0251.0376.0251.0376",
    "short-metadata": "169.254.43518", "hex-dotted-192": "0xc0.0xa8.1.1", "short-192": "192.168.257",
    "short-10": "10.1", "trailing-dot-172": "172.16.0.1.", "mapped-metadata": "[::ffff:a9fe:a9fe]",
    "compatible-metadata": "[::169.254.169.254]", "siit-10": "[::ffff:0:10.0.0.1]", "nat64-192": "[64:ff9b::c0a8:101]",
    "6to4-10": "[2002:a00:1::]", "ula": "[fd12:3456::1]", "link-local-scoped": "[fe80::1%25eth0]",
    "metadata-name": "metadata.google.internal", "name-to-cgnat": "carrier.test", "name-to-ula": "ula.test",
}
OTHER_NAMES = {"metadata.google.internal": ["169.254.169.254"], "carrier.test": ["100.64.3.4"], "ula.test": ["fd00::5"]}


def _guarded_session(settings, resolver, store):
    """A session whose client has the connect step of the shared (unprivileged) pool replaced by one that fails
    the test; the [origins] targets' pools keep a real one, so the loopback 'public' site still answers."""
    session = Session(settings, store=store, resolver=resolver)
    session.client.transport.inner.backend.inner = ConnectMustNotHappen()
    return session


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("spelling", list(OTHER_RANGE_HOSTS), ids=str)
def test_other_ranges_in_every_spelling_and_route_are_refused_at_the_guard(spelling, route, fakenet, store):
    from resolver.resolve import resolve

    url = _route(fakenet, route, f"http://{OTHER_RANGE_HOSTS[spelling]}/latest/meta-data/")
    settings = fakenet.settings(["news.test"], retries=0)

    session = _guarded_session(settings, spelling_resolver(OTHER_NAMES), store)
    resolution = session.run(lambda s: resolve(url, session=s))
    assert resolution.error.startswith(("unsafe: refused ", "invalid-url: refused ")), resolution.error


# Links no name resolution or connection can take (#12): before, an IDNA failure was an internal error ending the
# whole command; a label getaddrinfo cannot encode (empty, past 63 characters) and a port past 65535 reached the
# lookup and the connect step (getaddrinfo's UnicodeError, connect's OverflowError: internal errors too).
MALFORMED_URLS = {
    "idna-empty-alabel": ("https://xn--/x", "not a valid host name: xn-- "
                          "(Malformed A-label, no Punycode eligible content found)"),
    "idna-trailing-hyphen": ("http://xn--zz-/x", "not a valid host name: xn--zz- (A-label must not end with a hyphen)"),
    "idna-bad-punycode": ("https://xn--a.example/x", "not a valid host name: xn--a.example "),
    "empty-label": ("https://news..example/x", "not a valid host name: news..example (a label is empty or longer "
                    "than 63 characters)"),
    "leading-dot": ("https://.example/x", "not a valid host name: .example (a label is empty"),
    "overlong-label": (f"https://{'n' * 64}.example/x", f"not a valid host name: {'n' * 64}.example (a label is"),
    "port-past-65535": ("http://public.test:99999/x", "not a valid port: 99999 (ports run from 1 to 65535)"),
    "port-65536": ("http://public.test:65536/x", "not a valid port: 65536 (ports run from 1 to 65535)"),
    "port-0": ("http://public.test:0/x", "not a valid port: 0 (ports run from 1 to 65535)"),
}


@pytest.mark.parametrize(("spelling", "route"), [(s, r) for s in MALFORMED_URLS for r in ROUTES
                                                  # werkzeug sends no such Location but an IDNA one (its own
                                                  # encoding fails: a 500): test_faults sends them raw
                                                  if r != "location" or s.startswith("idna")])
def test_a_link_no_lookup_can_take_is_its_own_error_before_any_lookup(spelling, route, fakenet, store):
    from resolver.resolve import resolve

    target, reason = MALFORMED_URLS[spelling]
    url = _route(fakenet, route, target)
    lookups = []

    async def resolver(host, port):   # the loopback origin of news.test as itself; any name asked: public
        numeric = _numeric(host)
        if numeric is None:
            lookups.append((host, port))
        return [numeric or "93.184.216.34"]

    session = _guarded_session(fakenet.settings(["news.test"], retries=0), resolver, store)
    resolution = session.run(lambda s: resolve(url, session=s))
    assert resolution.error.startswith(f"invalid-url: refused {target}: {reason}"), resolution.error
    assert "\n" not in resolution.error and lookups == []


def test_a_rebinding_name_is_checked_on_every_connection():
    """First answer public, second private: each connection is checked against its own answer."""
    answers = iter([["93.184.216.34"], ["10.0.0.8"]])
    dialled = []

    class Recorder(ConnectMustNotHappen):
        async def connect_tcp(self, host, port, **kwargs):
            dialled.append(host)
            return FakeStream()

    async def rebinding(host, port):
        return next(answers)

    backend = GuardedBackend(resolver=rebinding, inner=Recorder())
    asyncio.run(backend.connect_tcp("rebind.test", 443))
    with pytest.raises(UnsafeTarget, match="refused rebind.test: resolves to non-public address 10.0.0.8"):
        asyncio.run(backend.connect_tcp("rebind.test", 443))
    assert dialled == ["93.184.216.34"]


def test_a_name_with_no_address_is_refused():
    backend = GuardedBackend(resolver=fake_resolver({"void.test": []}), inner=ConnectMustNotHappen())
    with pytest.raises(UnsafeTarget, match="refused void.test: name resolution returned no address"):
        asyncio.run(backend.connect_tcp("void.test", 443))


def test_allow_private_lifts_the_guard(httpserver, loopback_resolver):
    httpserver.expect_request("/").respond_with_data("hello")
    settings = Settings(allow_private=True, retries=0)

    session = Session(settings, resolver=loopback_resolver)
    assert session.run(lambda s: fetch(s, f"http://localhost:{httpserver.port}/")).body == b"hello"


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "file:///etc/passwd", "http://user:pw@127.0.0.1/"])
def test_only_http_and_no_userinfo(url):
    outcome = Session(Settings(allow_private=True, retries=0)).run(lambda s: fetch(s, url))
    assert outcome.error_kind == "unsafe" and outcome.status is None


def test_no_proxy_from_the_environment(monkeypatch, httpserver, admin_server):
    """A proxy named in the environment is never used: the request reaches its target, the 'proxy' (another
    loopback server) sees nothing."""
    proxy = f"http://127.0.0.1:{admin_server.port}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.setenv(name, proxy)
    httpserver.expect_request("/page").respond_with_data("direct")
    outcome = Session(Settings(allow_private=True, retries=0)).run(
        lambda s: fetch(s, f"http://127.0.0.1:{httpserver.port}/page"))
    assert outcome.status == 200 and outcome.body == b"direct"
    assert admin_server.log == []


def test_no_cookie_travels_from_one_answer_to_the_next_request(httpserver):
    """The client keeps no cookie jar (#14): a cookie one answer sets is not sent with any later request, to the
    same host or another, so each fetch in the record stands on its own."""
    from werkzeug import Response

    httpserver.expect_request("/set").respond_with_response(
        Response("set", headers={"Set-Cookie": "session=abc123; Path=/"}))
    httpserver.expect_request("/next").respond_with_data("next")

    async def both(session):
        first = await fetch(session, f"http://127.0.0.1:{httpserver.port}/set")
        second = await fetch(session, f"http://127.0.0.1:{httpserver.port}/next")
        return first, second
    first, second = Session(Settings(allow_private=True, retries=0)).run(both)
    assert first.headers["set-cookie"].startswith("session=abc123") and second.status == 200
    [(_, _), (request, _)] = httpserver.log
    assert "Cookie" not in request.headers


def test_requests_carry_the_default_headers_and_the_callers(httpserver):
    """What httpx's client added is still there: Accept, the encodings _read_capped decodes, keep-alive and the
    User-Agent; a caller's header is added to them, and replaces one of the same name."""
    from resolver.transport import accept_encoding

    httpserver.expect_request("/h").respond_with_data("ok")
    settings = Settings(allow_private=True, retries=0, user_agent="test-agent/1")
    Session(settings).run(lambda s: fetch(s, f"http://127.0.0.1:{httpserver.port}/h",
                                          headers={"X-Extra": "1", "Accept": "application/json"}))
    [(request, _)] = httpserver.log
    assert request.headers["Accept"] == "application/json" and request.headers["X-Extra"] == "1"
    assert request.headers["User-Agent"] == "test-agent/1" and request.headers["Connection"] == "keep-alive"
    assert request.headers["Accept-Encoding"] == accept_encoding() and "gzip" in accept_encoding()
    assert request.headers["Host"] == f"127.0.0.1:{httpserver.port}"


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


# -- the range table, row by row ---------------------------------------------------------------------------------
# Each row of the IANA IPv4 and IPv6 Special-Purpose Address Registries (plus multicast and the IPv6 ranges outside
# Global Unicast): its first and last address get the verdict the row calls for, and the address just outside gets
# its own, written out (it often lands in the next special range). `public` is True only for rows the registry marks
# Globally Reachable that no refused row contains.
REGISTRY_ROWS = [
    # network, refused?, address just outside, is that one public?
    ("0.0.0.0/8", True, "1.0.0.0", True),
    ("10.0.0.0/8", True, "11.0.0.0", True),
    ("100.64.0.0/10", True, "100.128.0.0", True),
    ("127.0.0.0/8", True, "128.0.0.0", True),
    ("169.254.0.0/16", True, "169.255.0.0", True),
    ("172.16.0.0/12", True, "172.32.0.0", True),
    ("192.0.0.0/24", True, "192.0.1.0", True),
    ("192.0.0.0/29", True, "192.0.0.8", False),           # inside 192.0.0.0/24, refused whole
    ("192.0.0.8/32", True, "192.0.0.7", False),
    ("192.0.0.9/32", True, "192.0.0.11", False),          # PCP anycast: global, but inside 192.0.0.0/24
    ("192.0.0.10/32", True, "192.0.0.11", False),         # TURN anycast: the same
    ("192.0.0.170/31", True, "192.0.0.172", False),       # NAT64/DNS64 discovery
    ("192.0.2.0/24", True, "192.0.3.0", True),
    ("192.31.196.0/24", False, "192.31.197.0", True),     # AS112-v4: globally reachable
    ("192.52.193.0/24", False, "192.52.194.0", True),     # AMT: globally reachable
    ("192.88.99.0/24", True, "192.88.100.0", True),
    ("192.168.0.0/16", True, "192.169.0.0", True),
    ("192.175.48.0/24", False, "192.175.49.0", True),     # AS112 direct delegation: globally reachable
    ("198.18.0.0/15", True, "198.20.0.0", True),
    ("198.51.100.0/24", True, "198.51.101.0", True),
    ("203.0.113.0/24", True, "203.0.114.0", True),
    ("224.0.0.0/4", True, "223.255.255.255", True),       # multicast (IPv4 Address Space Registry)
    ("240.0.0.0/4", True, "239.255.255.255", False),
    ("255.255.255.255/32", True, "255.255.255.254", False),
    ("::/128", True, "::2", False),                       # ::2 is IPv4-compatible ::0.0.0.2
    ("::1/128", True, "::2", False),
    ("::/96", True, "::1:0:0", False),                    # IPv4-compatible (deprecated): outside 2000::/3
    ("::ffff:0:0/96", True, "::1:0:0:0", False),          # IPv4-mapped: first/last wrap 0.0.0.0 and 255.255.255.255
    ("::ffff:0:0:0/96", True, "::fffe:ffff:ffff:ffff", False),   # SIIT IPv4-translated (RFC 2765)
    ("64:ff9b::/96", True, "64:ff9b::1:0:0", False),      # NAT64: first/last wrap 0.0.0.0 and 255.255.255.255
    ("64:ff9b:1::/48", True, "64:ff9b:2::", False),       # local-use NAT64 (RFC 8215)
    ("100::/64", True, "100:0:0:1::", False),
    ("100:0:0:1::/64", True, "100:0:0:2::", False),       # dummy IPv6 prefix
    ("2001::/23", True, "2001:200::", True),              # IETF protocol assignments, Teredo 2001::/32 inside
    ("2001::/32", True, "2001:1::", False),
    ("2001:1::1/128", True, "2001:1::4", False),
    ("2001:2::/48", True, "2001:2:1::", False),
    ("2001:3::/32", True, "2001:4::", False),
    ("2001:4:112::/48", True, "2001:4:113::", False),
    ("2001:10::/28", True, "2001:20::", False),
    ("2001:20::/28", True, "2001:30::", False),
    ("2001:30::/28", True, "2001:40::", False),
    ("2001:db8::/32", True, "2001:db9::", True),
    ("2002::/16", True, "2003::", True),                  # 6to4: first/last wrap 0.0.0.0 and 255.255.255.255
    ("2620:4f:8000::/48", False, "2620:4f:8001::", True), # AS112 direct delegation: globally reachable
    ("3fff::/20", True, "3fff:1000::", True),             # documentation (RFC 9637)
    ("5f00::/16", True, "5f01::", False),                 # SRv6 SIDs (RFC 9602): outside 2000::/3 anyway
    ("fc00::/7", True, "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", False),
    ("fe80::/10", True, "fec0::", False),
    ("fec0::/10", True, "ff00::", False),                 # site-local (deprecated)
    ("ff00::/8", True, "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", False),
    ("2000::/3", False, "4000::", False),                 # Global Unicast: everything else in IPv6 is refused
]


def _row_cases():
    import ipaddress

    for network, refused, outside, outside_public in REGISTRY_ROWS:
        net = ipaddress.ip_network(network)
        for label, address in (("first", net[0]), ("last", net[-1])):
            yield pytest.param(str(address), not refused, id=f"{network}-{label}")
        yield pytest.param(outside, outside_public, id=f"{network}-outside")


@pytest.mark.parametrize("address,public", list(_row_cases()))
def test_registry_rows(address, public):
    assert is_public(address) is public


def _wrapped(ip):
    """Every IPv6 spelling of one IPv4 address: mapped, compatible, SIIT, NAT64 (well-known and local-use /48, RFC 6052
    layout), 6to4 and Teredo (client address inverted)."""
    import ipaddress

    v4 = int(ip)
    six = lambda n: str(ipaddress.IPv6Address(n))  # noqa: E731
    teredo = (0x2001 << 112) | (0x41364E7A << 64) | (0x8000 << 48) | (0xFFFF << 32) | (v4 ^ 0xFFFFFFFF)
    local_nat64 = (0x0064FF9B0001 << 80) | ((v4 >> 16) << 64) | ((v4 & 0xFFFF) << 40)
    return {"mapped": six((0xFFFF << 32) | v4), "compatible": six(v4), "siit": six((0xFFFF << 48) | v4),
            "nat64": six((0x64FF9B << 96) | v4), "nat64-local": six(local_nat64),
            "6to4": six((0x2002 << 112) | (v4 << 80)),
            "teredo": six(teredo)}


def _wrapper_cases():
    import ipaddress

    for network, refused, _, _ in REGISTRY_ROWS:
        net = ipaddress.ip_network(network)
        if net.version != 4 or not refused:
            continue
        for label, address in (("first", net[0]), ("last", net[-1])):
            for kind, spelled in _wrapped(address).items():
                yield pytest.param(spelled, id=f"{kind}-{network}-{label}")


@pytest.mark.parametrize("address", list(_wrapper_cases()))
def test_wrapped_private_ipv4_is_refused(address):
    assert not is_public(address)


@pytest.mark.parametrize("kind", ["mapped", "nat64", "6to4"])
def test_wrapped_public_ipv4_is_public_where_the_wrapper_is_routable(kind):
    import ipaddress

    assert is_public(_wrapped(ipaddress.IPv4Address("93.184.216.34"))[kind])


# -- origin overrides: only the requests the override itself rewrote reach its target ----------------------------
@pytest.fixture(scope="module")
def _admin_server():
    from pytest_httpserver import HTTPServer

    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def admin_server(_admin_server):
    """A second loopback server, standing for a private service that is also an [origins] target (started once
    per module: stopping one takes half a second)."""
    _admin_server.clear()
    _admin_server.expect_request("/admin").respond_with_data("admin secrets")
    _admin_server.expect_request("/api").respond_with_data("api answer")
    yield _admin_server
    _admin_server.clear()


def _resolve(url, settings, store):
    from resolver.resolve import resolve

    return Session(settings, store=store).run(lambda s: resolve(url, session=s))


def test_a_redirect_to_an_override_target_is_refused(fakenet, admin_server, store):
    """news.test (a 'public' site, allow-listed as tests do: an [origins] override onto loopback) redirects to
    the address of another override's target. Only a request the override rewrote may go there."""
    from tests.fakenet import redirect

    admin = f"http://127.0.0.1:{admin_server.port}/admin"
    fakenet.route("news.test", "/story", redirect(admin))
    settings = fakenet.settings(retries=0)
    api = {"https://api.test": f"http://127.0.0.1:{admin_server.port}"}
    settings = replace(settings, origins={**settings.origins, **api})
    resolution = _resolve("https://news.test/story", settings, store)
    assert [h.status for h in resolution.hops] == [301, None]
    assert resolution.error.startswith("unsafe: refused 127.0.0.1: resolves to non-public address 127.0.0.1")
    assert admin_server.log == []


def test_a_redirect_to_the_sites_own_override_target_is_refused(fakenet, store):
    from tests.fakenet import redirect

    fakenet.route("news.test", "/story", redirect(f"{fakenet.origin}/admin"))
    resolution = _resolve("https://news.test/story", fakenet.settings(retries=0), store)
    assert resolution.error.startswith("unsafe: refused 127.0.0.1")
    assert fakenet.hits == [("news.test", "/story")]


def test_a_typed_override_target_address_is_refused_even_with_a_pooled_connection(admin_server, store):
    """A rewritten request opens a keep-alive connection to the target; a typed URL naming the target's address
    must neither reuse that connection nor open one of its own."""
    settings = Settings(retries=0, origins={"https://api.test": f"http://127.0.0.1:{admin_server.port}"})

    async def go(session):
        first = await fetch(session, "https://api.test/api")
        typed = await fetch(session, f"http://127.0.0.1:{admin_server.port}/admin")
        return first, typed

    first, typed = Session(settings, store=store).run(go)
    assert first.status == 200 and first.body == b"api answer"
    assert typed.status is None and typed.error_kind == "unsafe"
    assert [r.path for r, _ in admin_server.log] == ["/api"]


@pytest.mark.parametrize(("url", "non_public"), [
    ("http://127.0.0.1:8765/a.html", True), ("http://127.1/", True), ("http://0x7f000001/", True),
    ("http://2130706433/", True), ("http://0177.0.0.1/", True), ("http://[::1]:8080/", True),
    ("http://[::ffff:10.0.0.1]/", True), ("http://localhost:8765/", True), ("http://LocalHost./", True),
    ("http://admin.localhost/", True), ("http://192.168.1.1/", True),
    ("https://news.example/a", False), ("https://8.8.8.8/", False), ("https://t.co/Ab12", False),
    ("https://localhost.example/", False), ("http://[::1/", False), ("not a url", False),
], ids=lambda v: str(v))
def test_a_host_known_non_public_without_a_look_up(url, non_public, monkeypatch):
    """What a row written before the cache recorded `non_public` is judged by (review28c #5): its host alone, as
    getaddrinfo reads an IP literal (127.1, 0x7f000001), or a name that is loopback by definition (RFC 6761). No
    look-up and no connection: offline makes none, and a name's address then is not known now. The private
    addresses named here (192.168.1.1, ::ffff:10.0.0.1) are read as text only: a look-up or a connect fails the test."""
    import socket

    def must_not(*args, **kwargs):
        raise AssertionError(f"non_public_by_name reached the network: {args!r}")
    monkeypatch.setattr(socket, "getaddrinfo", must_not)
    monkeypatch.setattr(socket.socket, "connect", must_not)
    monkeypatch.setattr(socket.socket, "connect_ex", must_not)
    assert non_public_by_name(url) is non_public


@pytest.mark.parametrize("name", ["127.0.0.1.", "0x7f000001.", "::1."], ids=["dotted-quad", "hex", "ipv6"])
def test_review29_the_tests_never_let_a_numeric_looking_name_reach_dns(name):
    """The suite's own net (conftest.only_loopback) passed anything made of digits and dots to the C library;
    "127.0.0.1." is a name there (its final dot), which it asked the configured DNS server about. Only numeric
    hosts are read now, with no look-up."""
    import socket

    with pytest.raises(socket.gaierror, match=r"tests resolve no real names"):
        socket.getaddrinfo(name, 80)


@pytest.mark.parametrize("name", ["127.0.0.1", "127.1", "2130706433", "0x7f000001", "::1", "localhost"])
def test_review29_loopback_spellings_still_resolve_in_the_tests(name):
    import socket

    assert {info[4][0] for info in socket.getaddrinfo(name, 80)} <= {"127.0.0.1", "::1"}
