"""The library's waits, retries and refusals go through `logging` (newuser43b #10: a run's 23 s of rate-limit waits
left no record an application's logs could keep; only a Reporter, silent by default, heard them). Records of the
`resolver` loggers: INFO, the SSRF guard's refusal WARNING; never a secret; nothing printed when the application
sets up no logging. Against the loopback 'internet', budgets on a fake clock."""

from __future__ import annotations

import logging

from resolver.budgets import Budgets
from resolver.http import fetch
from resolver.resolve import resolve_many
from resolver.session import Session
from tests.fakenet import page, redirect
from tests.test_pipeline import FakeClock
from tests.test_rate_wait_lines import END, LIMITS, links

SECRET = "AAAAfictional-bearer-SECRET-logs"


def _records(caplog) -> list[tuple[str, int, str]]:
    return [(r.name, r.levelno, r.getMessage()) for r in caplog.records if r.name.startswith("resolver")]


def test_rate_waits_are_logged_at_info(fakenet, store, caplog):
    clock = FakeClock([])
    session = Session(fakenet.settings(hosts=["t.co", "bit.ly"], concurrency=1), store=store,
                      budgets=Budgets(LIMITS, clock=clock.time, sleep=clock.sleep))
    with caplog.at_level(logging.INFO, logger="resolver"):
        session.run(lambda s: resolve_many(links(fakenet), session=s))
    waits = [m for name, level, m in _records(caplog) if "for the rate limit" in m]
    assert len(waits) == 6 and all(m.startswith(("t.co: waiting ", "bit.ly: waiting ")) for m in waits)
    assert {(name, level) for name, level, m in _records(caplog) if m in waits} == {("resolver.http", logging.INFO)}


def test_retries_and_refusals_are_logged_and_no_secret_is(fakenet, store, caplog):
    fakenet.route("t.co", "/flaky", page("busy", status=503, **{"Retry-After": "0"}), redirect(END))
    # a retry_max_wait that a loaded machine's slow first answer does not pass (the retries' time limit is 3 times it)
    settings = fakenet.settings(hosts=["t.co"], x_bearer_token=SECRET, only_configured_origins=True, retry_max_wait=30)
    session = Session(settings, store=store)

    async def job(s: Session) -> list:
        return [await fetch(s, "https://t.co/flaky"), await fetch(s, "https://bit.ly/unmapped"),
                await fetch(s, f"https://user:{SECRET}@t.co/x")]
    with caplog.at_level(logging.INFO, logger="resolver"):
        outcomes = session.run(job)
    assert [o.status for o in outcomes] == [301, None, None]
    said = _records(caplog)
    assert ("resolver.http", logging.INFO,
            "t.co: retry 1/2 in 0.0 s (it answered HTTP 503 and asked to wait (Retry-After))") in said
    assert any(level == logging.INFO and m.startswith("unmapped: refused https://bit.ly/unmapped: its origin is not "
                                                      "mapped in [origins]") for _, level, m in said)
    assert ("resolver.http", logging.WARNING,
            "unsafe: refused https://user:REDACTED@t.co/x: URLs with user:password@ are never fetched") in said
    assert all(SECRET not in m for _, _, m in said)


def test_nothing_is_printed_when_the_application_sets_up_no_logging(fakenet, store, capsys):
    """Python prints a WARNING on stderr when no handler is set up anywhere; the package's NullHandler stops that."""
    root = logging.getLogger()
    handlers, root.handlers[:] = root.handlers[:], []
    try:
        session = Session(fakenet.settings(hosts=["t.co"]), store=store)

        async def job(s: Session):
            return await fetch(s, "https://user:pw-fictional@t.co/x")
        session.run(job)
    finally:
        root.handlers[:] = handlers
    assert capsys.readouterr().err == ""
