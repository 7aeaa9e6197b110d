"""Shared fixtures. Every test starts from a clean environment: no EMBED_RESOLVER_*, no proxies, no tokens."""

from __future__ import annotations

import itertools
import os
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example deadline: the suite runs on machines shared with other work, where a redaction or a parse that
# takes 50 ms alone takes 300 (hypothesis' default 200 ms deadline failed tests by the load, not by the code). Speed
# is measured by the benchmarks under scripts/, never by a timed test.
settings.register_profile("embed-resolver", deadline=None)
settings.load_profile("embed-resolver")

FIXTURES = Path(__file__).parent / "fixtures"
CLEARED_PREFIXES = ("EMBED_RESOLVER_", "X_BEARER", "IA_", "META_")
CLEARED = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "all_proxy", "no_proxy")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "chromium: renders in Chromium, which scripts/test may still be installing in "
                                       "the background: run after every other test")
    if not hasattr(config, "workerinput"):   # this run's one process, or pytest-xdist's controller
        _hypothesis_tables()


def _hypothesis_tables() -> None:
    """hypothesis draws `text()` from a table of the characters UTF-8 can encode, which it makes (1.2-1.5 s of CPU)
    the first time a process needs it and keeps under .hypothesis/ for the next. A fresh checkout (CI's) has none
    kept, and each pytest-xdist worker that reached a text() property before another had written it made it again
    (test_redact, test_html_detector, ...). Made here once, before the workers start (in a fresh checkout, by
    scripts/test's collection beside mypy); read from the file (a few ms) when it is kept (#14). Made while pytest
    starts, which hypothesis warns of as slow code in a plugin: it is what this is for."""
    import warnings

    from hypothesis import strategies
    from hypothesis.errors import HypothesisSideeffectWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", HypothesisSideeffectWarning)
        strategies.text().validate()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The tests marked `chromium` go last (a stable sort: the others keep their order), so that the install of
    Chromium scripts/test starts beside the run has ended when they are reached, not waited for by a worker.

    And `--dist loadgroup` (scripts/test) sends the tests of an `xdist_group` to one worker by a suffix of their node
    id, `@GROUP`, which pytest-xdist's worker adds by setting `item._nodeid`. Since pytest 9.2 a node id is kept in
    `item._id` (a NodeId) and that write changes nothing: the tests of a group went to every worker, each starting
    what the group shares (test_cluster's dask clusters, test_memo's worlds, test_interrupt's stopped runs) again
    (pytest-xdist issue 1386). The suffix is added here as pytest-xdist adds it (the group names sorted, joined by
    "_") to the items that lack it, only in a worker of a loadgroup run: node ids are otherwise unchanged. It is
    written where the node id is kept (`item._id` parsed again by its own class; `_nodeid` where there is none) and
    checked: a pytest that keeps it elsewhere again gets a warning in the run's summary, not groups silently spread.
    Where pytest-xdist's own write took (pytest before 9.2), the items have their suffix and nothing is done."""
    items.sort(key=lambda item: item.get_closest_marker("chromium") is not None)
    if not config.getoption("loadgroup", default=False):
        return
    for item in items:
        groups = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                         for mark in item.iter_markers("xdist_group")})
        if not groups or item.nodeid.rfind("@") > item.nodeid.rfind("]"):
            continue
        nodeid = f"{item.nodeid}@{'_'.join(groups)}"
        kept = getattr(item, "_id", None)
        if kept is not None and callable(getattr(type(kept), "parse", None)):
            item._id = type(kept).parse(nodeid)  # type: ignore[attr-defined]
        else:
            item._nodeid = nodeid  # type: ignore[attr-defined]
        if item.nodeid != nodeid:
            import warnings

            warnings.warn(pytest.PytestWarning(
                f"tests/conftest.py could not add the xdist group suffix to {item.nodeid}: the tests of a group are "
                "sent to every worker, each making what the group shares again"))
            return


@pytest.hookimpl(wrapper=True)
def pytest_collection(session: pytest.Session) -> Generator[None, object, object]:
    """Python's cyclic garbage collector is off while the tests are collected, and what collection made is frozen
    (`gc.freeze`) when it ends. Collection makes over half a million objects that live as long as the run (12,000
    items, their fixtures' closures, the test modules and what they import): the garbage collections it set off
    walked all that had been made so far, about 1 s of CPU a collection (0.06 s now), in every worker, each of
    which collects every test; and every full collection while the tests run walked it again. Nothing the tests
    make is frozen: their garbage is collected as before. The frozen objects are unfrozen when the session ends,
    before pytest's last collections, which look for exceptions raised in finalizers (`pytest_unconfigure`)."""
    import gc

    gc.disable()
    try:
        return (yield)
    finally:
        gc.freeze()
        gc.enable()


def pytest_sessionfinish(session: pytest.Session) -> None:
    import gc

    gc.unfreeze()


_TMP_NUMBERS = itertools.count()


@pytest.fixture
def tmp_path(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """A new empty directory for each test, named as pytest's own `tmp_path` names it (the test's name, 30 characters,
    then a number: paths a report prints keep the same form), but numbered by a count of this process instead of
    pytest's scan of the whole base directory for the highest number so far, once per test: a run of n tests per
    worker scanned O(n²) entries (3 ms of CPU a test by 6,000 tests; every test asks for one through `clean_environ`)."""
    import re

    base = tmp_path_factory.getbasetemp()
    name = re.sub(r"[\W]", "_", request.node.name)[:30]
    while True:
        path = base / f"{name}{next(_TMP_NUMBERS)}"
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue
        return path


_XDG_NUMBERS = itertools.count()


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """As httpx's clean_environ: nothing from the developer's shell leaks into a test; config and cache go to a
    folder of the test's own under the run's temporary base, which nothing makes unless the test writes there (a
    command with no --db makes its default cache in it): a `tmp_path` made for every test cost 0.4-0.5 ms of CPU
    a test, most of which ask for none (suite43b, #14)."""
    for name in list(os.environ):
        if name.startswith(CLEARED_PREFIXES) or name in CLEARED:
            monkeypatch.delenv(name, raising=False)
    own = tmp_path_factory.getbasetemp() / f"xdg{next(_XDG_NUMBERS)}"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(own / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(own / "cache"))


@pytest.fixture(autouse=True)
def logged_secrets_forgotten() -> Iterator[None]:
    """Log records are redacted with the secrets of every run the process has made (resolver.redact.redact_logs,
    by design): each test starts with those it found, not with a secret an earlier test set ("https%3A%2F%2F", whose
    decoded form redacted every later "https://" logged)."""
    from resolver import redact

    before = list(redact._LOGGED)
    yield
    redact._LOGGED[:] = before


@pytest.fixture
def anyio_sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The seconds each `anyio.sleep` is asked for (where a run's retries wait), each still slept: a test sees a wait
    where it is made, not by a bound on the run's time, which a loaded machine does not keep."""
    import anyio

    slept: list[float] = []
    real_sleep = anyio.sleep

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        await real_sleep(seconds)
    monkeypatch.setattr(anyio, "sleep", sleep)
    return slept


LOOPBACK_NAMES = {"localhost", "loopback.test", "ip6-loopback.test"}


def _is_loopback(address: str) -> bool:
    import ipaddress

    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


@pytest.fixture(autouse=True)
def only_loopback(monkeypatch):
    """No test may look up a real name or connect anywhere but 127.0.0.0/8 and ::1: a mistake fails loudly
    instead of sending a packet (DEVELOPERS.md)."""
    import socket

    real_getaddrinfo = socket.getaddrinfo
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def getaddrinfo(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else str(host)
        import re

        numeric = re.fullmatch(r"[0-9.]+|0[xX][0-9a-fA-F]+|\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*\]?", name) is not None
        if name not in LOOPBACK_NAMES and not numeric:
            raise socket.gaierror(socket.EAI_NONAME, f"tests resolve no real names ({name})")
        if name not in LOOPBACK_NAMES:
            # Numeric only: "127.0.0.1." looks numeric but is a name to the C library, which then asks DNS (review29)
            if len(args) >= 5:
                args = (*args[:4], args[4] | socket.AI_NUMERICHOST, *args[5:])
            else:
                kwargs["flags"] = kwargs.get("flags", 0) | socket.AI_NUMERICHOST
            try:
                infos = real_getaddrinfo(host, *args, **kwargs)
            except socket.gaierror:
                raise socket.gaierror(socket.EAI_NONAME, f"tests resolve no real names ({name})") from None
        else:
            infos = real_getaddrinfo(host, *args, **kwargs)
        bad = [i[4][0] for i in infos if not _is_loopback(i[4][0])]
        if bad:
            raise AssertionError(f"a test resolved {name} to non-loopback {bad}")
        return infos

    def check(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):
            raise AssertionError(f"a test tried to connect to {address[0]}")

    def connect(self, address):
        check(self, address)
        return real_connect(self, address)

    def connect_ex(self, address):
        check(self, address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)


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


# Test files whose `store` is a new cache made by `Store` itself: there making the cache is part of what is checked.
NEW_STORE_FILES = frozenset({"test_store", "test_review34r5"})


@pytest.fixture
def store(request, tmp_path):
    """An empty cache at tmp_path/cache.db: a copy of one made once a process (tests/blankstore.py: the same schema,
    version and migrations as a new one, 6 ms of CPU against 23, #14), a new one in NEW_STORE_FILES."""
    from cache import Store
    from tests.blankstore import blank_store

    if request.module.__name__.rpartition(".")[2] in NEW_STORE_FILES:
        s = Store(tmp_path / "cache.db")
    else:
        s = blank_store(tmp_path / "cache.db")
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
