"""The only place an HTTP client is built, and the one fetch function every request goes through.

make_client(): the run's client (resolver.transport.Client: requests straight to the transports, no redirect
followed, no cookie jar, no proxy from the environment), the SSRF guard as its network backend, [origins] overrides as a transport (the transports are in resolver.transport,
imported with the first request: a run that asks nothing never loads httpx, #14). fetch(): one request, streamed
under byte caps and a wall-clock deadline, retried on connect errors, 429 and 5xx, every attempt written to the
fetch log.

Offline is decided here and nowhere else: an offline run's client has a transport that never opens a connection
and answers every request "not cached" (error kind `not_cached`), which is neither retried nor logged.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import math
import re
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from resolver import __version__
from resolver.errors import BodyTooLarge, BodyTooSlow, UnsafeTarget
from resolver.model import evolve
from resolver.redact import NO_SECRETS, Redactor
from resolver.session import NotCached
from resolver.settings import origin_of

# Waits, retries and refusals, for an application's own logs (newuser43b #10: 23 s of rate-limit waits left no record
# through `logging`): INFO, a refusal of the SSRF guard WARNING. Never a secret: every record is redacted as it is
# made (`redact.redact_logs`), and each message here is the run's redacted text too. They go where the application's
# logging sends them, and nowhere when it sets none up: Python's last-resort handler would print a WARNING on stderr
# (the CLI says these itself). Set here, not in the package's __init__: `cache stats` loads no logging (#14).
log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

if TYPE_CHECKING:
    import httpx
    from tenacity import RetryCallState

    from cache import Store
    from resolver.guard import Resolver
    from resolver.session import Session
    from resolver.settings import Settings
    from resolver.transport import Client
    from resolver.warc import ReplayedResponse, ReplayIndex

LONG_WAIT_S = 1.0            # a retry or a rate-limit wait this long gets a status line
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
NOT_CACHED = "not_cached"     # the error kind of every answer an offline run gets (the report's status code too)
# Its spelling before archive35, still read wherever an error text is read back (an error kept by an older version)
NOT_CACHED_BEFORE = "not-cached"


def not_cached_said(error: str | None) -> str | None:
    """What follows the kind of a "not_cached: …" error (or the "not-cached: …" of an older version), else None."""
    for kind in (NOT_CACHED, NOT_CACHED_BEFORE):
        if error is not None and error.startswith(f"{kind}:"):
            return error.removeprefix(f"{kind}:")
    return None
# A failure of a --replay run's WARC files, not of the source: they never saw the request. It says nothing of what
# the source answers, so it is no later online run's answer (review29d: a live run after a replay kept "not in the
# replayed WARC files" as a link's and a photo's answer for the whole cache TTL).
NOT_IN_WARC = "not-in-warc"
HOST_NAME_RE = re.compile(r"[A-Za-z0-9_.-]+")   # what a host name looked up is made of (IDNA names as their A-labels)


def make_client(settings: Settings, *, offline: bool = False, replay: ReplayIndex | None = None,
                resolver: Resolver | None = None, redactor: Redactor = NO_SECRETS,
                transport: httpx.AsyncBaseTransport | None = None) -> Client:
    """The one client factory; a run (resolver.session.Session) builds its one client here. With a replay index,
    answers come from WARC records (offline too: replay30); offline, the transport answers "not cached" and never
    connects; otherwise
    requests go out through the SSRF guard (connections kept per origin), and a request an [origins] override
    rewrote goes through connections of their own whose guard allows exactly that target (#12). `resolver` and
    `transport` are seams for tests. Nothing is connected, and no TLS context is made, until a request needs it."""
    from resolver.transport import build_client

    return build_client(settings, offline=offline, replay=replay, resolver=resolver, redactor=redactor,
                        transport=transport)


@dataclass(frozen=True)
class FetchOutcome:
    """What one request did. A fetch never returns None for failure: it says what happened, when."""

    url: str                          # the URL asked for (as the user or the page named it)
    contacted_url: str                # the URL actually contacted (after an origin override)
    method: str
    fetched_at: str                   # UTC ISO 8601
    status: int | None                # None: no response arrived
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = field(default=b"", repr=False)
    elapsed_ms: float = 0.0
    error_kind: str | None = None
    error: str | None = None          # one line: "timed out after 10s"
    fetch_id: int | None = None
    via: str = "live"                 # "live" | "warc" (replayed)
    warc_file: str | None = None
    warc_offset: int | None = None
    warc_record_id: str | None = None   # the WARC-Record-ID of the response record (replay33)
    # The body went on past the byte cap and `body` is only its first bytes (a fetch with `cut_bodies`): the answer
    # is known (status, headers, where a page points on), its content is not, so no hash is claimed for it.
    cut: bool = False
    # Cut at a deadline, not at the cap (a body still arriving then, under the cap: a stream): which deadline, as a
    # message says it ("the 60s deadline"); the head read by then is `body`.
    cut_at_deadline: str | None = None
    # The status of an answer that came but whose body was not taken (past the cap, at the deadline, cut short): the
    # fetch-log row says it beside why (fixnu30a: NULL, as if no answer came). Never `status`, so that nothing takes
    # the refused answer for one.
    refused_status: int | None = None
    # A configured secret the server sent back was redacted out of `body` (#11): it is not the bytes received.
    redacted: bool = False
    # The answer came from a non-public address the guard let through only because allow_private is set (#12).
    non_public: bool = False
    # Replayed from a WARC record with no WARC-Date that reads as a time: why when the source answered is not known
    # (`fetched_at` is then when the replay asked, which is no time of the source's).
    answered_at_unknown: str | None = None
    # Replayed: the other records of this request that answered otherwise (ReplayIndex.others), newest answered
    replay_others: tuple[ReplayedResponse, ...] = ()
    # A retry this failure asked for was not made because the caller's `until` (a link's deadline) would have passed
    # first: a caller with more time left would have made it, so the failure is that caller's alone (review35r4)
    retry_cut: bool = False

    @property
    def sha256(self) -> str | None:
        return hashlib.sha256(self.body).hexdigest() if self.status is not None and not self.cut else None

    @property
    def location(self) -> str | None:
        return self.headers.get("location")

    @property
    def unavailable(self) -> bool:
        """Offline, and not in the cache: nothing was asked, so nothing is known."""
        return self.error_kind in (NOT_CACHED, NOT_CACHED_BEFORE)

    @property
    def problem(self) -> str | None:
        """What went wrong, as "<kind>: <message>", or None when a response arrived."""
        return f"{self.error_kind}: {self.error}" if self.error else None


BODY_CUT = "body-cut"   # a fetch-log row's error_kind: the answer arrived, its body went past the cap (FetchOutcome.cut)

_placeholders = itertools.count(1)


@dataclass
class Ledger:
    """Fetch-log rows held back, to be written in one transaction with the fact they produced (#11: a kill
    between a fetch row and its resolution left a fetch with nothing to show for it, and the next run fetched
    again: a duplicate). Until written, a row is known by a placeholder id, negative and unique in the process, so
    it is never taken for a row of the table.

    A request that serves several facts (an X API batch answers up to 100 posts) holds its rows in a ledger of its
    own that each fact's ledger `share`s: the first fact written writes them, the others name the same rows."""

    rows: dict[int, dict[str, object]] = field(default_factory=dict)
    written: dict[int, int] = field(default_factory=dict)      # placeholder -> row id, once written
    shared: list[Ledger] = field(default_factory=list)
    replayed: list[str] = field(default_factory=list)          # the answer times of rows replayed from a WARC
    undated: list[str] = field(default_factory=list)           # why rows replayed from a WARC have none
    # placeholder -> (answer time, why none) of each row: a fact's own rows date it, live (the fetch's fetched_at)
    # or replayed from a WARC (its WARC-Date, or none and why)
    times: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)

    def hold(self, row: dict[str, object]) -> int:
        placeholder = -next(_placeholders)
        self.rows[placeholder] = row
        if row.get("via") == "warc" and row.get("answered_at_unknown"):
            self.undated.append(str(row["answered_at_unknown"]))
            self.times[placeholder] = (None, str(row["answered_at_unknown"]))
        elif row.get("fetched_at"):
            if row.get("via") == "warc":
                self.replayed.append(str(row["fetched_at"]))
            # asof34: a live fact was dated by its write, after the answer (by the source's answering time and the
            # capture reads before the write), a time no fetch in the log has
            self.times[placeholder] = (str(row["fetched_at"]), None)
        return placeholder

    def time_of(self, fetch_ids: Iterable[int | None], *,
                default: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
        """(observed_at, answered_at_unknown) of a fact resting on the rows `fetch_ids` (placeholders): the latest
        dated one's time (a live fetch's `fetched_at`, a replayed record's WARC-Date), or, replayed from records that
        give none, no time and why; `default` (the ledger's `observed_at()`, `answered_at_unknown()`, taken once per
        write) when the fact rests on none of this ledger's rows. Each observation carries its own record's time
        (newuser32 #4: a gone post's X API answer was dated by its capture's WARC-Date), so each "as of" is a time
        the fetch log has (asof34: a live one was the write's, after the fetch)."""
        times = [found for i in fetch_ids if i is not None
                 for ledger in (*self.shared, self) if (found := ledger.times.get(i)) is not None]
        dated = [when for when, _ in times if when is not None]
        if dated:
            return max(dated), None
        return (None, times[0][1]) if times else default

    def date(self, fetch_id: int | None, fetched_at: str | None) -> None:
        """Let a fact resting on a row already written (a kept answer: its fetch row's real id) be dated by that
        fetch's time, as by a held row's (`time_of`; times35: a link whose first hop was kept from an earlier run)."""
        if fetch_id is not None and fetched_at:
            self.times.setdefault(fetch_id, (fetched_at, None))

    def observed_at(self) -> str | None:
        """When the fact these rows give was observed: now, or, for answers replayed from a WARC, when the latest
        of them was given (its WARC-Date; newuser28b: the replay's time dated a year-old answer to the replay);
        None when they were replayed from records that give no time (`answered_at_unknown` says why; replay29b:
        the fact's row held the replay's time, which a reader of the database took for the source's)."""
        from cache import utc_now

        replayed = [when for ledger in (*self.shared, self) for when in ledger.replayed]
        return max(replayed) if replayed else None if self.answered_at_unknown() else utc_now()

    def answered_at_unknown(self) -> str | None:
        """Why the fact these rows give has no time (`observed_at` is None): the first undated replayed row's
        reason, when no replayed row is dated; else None."""
        if any(ledger.replayed for ledger in (*self.shared, self)):
            return None
        return next((why for ledger in (*self.shared, self) for why in ledger.undated), None)

    def share(self, other: Ledger) -> None:
        """Let this ledger's fact rest on `other`'s rows too: they are written with it unless already written."""
        if other is not self and other not in self.shared:
            self.shared.append(other)

    @property
    def held(self) -> list[dict[str, object]]:
        """The rows not written yet, this ledger's and those of the ledgers it shares."""
        return [row for ledger in (*self.shared, self) for row in ledger.rows.values()]

    def write_alone(self, store: Store) -> None:
        """Write the rows held with no fact: for requests that produced none (say why where this is called)."""
        if self.held:
            with self.transaction(store):
                pass

    @contextmanager
    def kept(self, store: Store | None) -> Iterator[Ledger]:
        """Around the requests whose rows this ledger holds: when the work ends without writing its fact (an error,
        or Ctrl-C: the task cancelled), the rows of the answers that came are written alone (newuser30 #8: a
        cancelled article's rows were dropped, so the fetch log missed requests that had been answered, and the
        resumed run asked them again). Its facts stay whole: none is written here."""
        try:
            yield self
        except BaseException:
            if store is not None and self.held:
                from cache import CacheError

                try:
                    self.write_alone(store)
                except CacheError:
                    pass   # the cache failed: the error that ended the work says so, not this one
            raise

    @contextmanager
    def transaction(self, store: Store) -> Iterator[Callable[[int | None], int | None]]:
        """One write transaction: the rows held here and in the ledgers shared (unless already written), then
        whatever the caller records in it, their fact. Gives the map from a placeholder to its row id (real ids
        pass through). When the transaction fails, its rows are held again, so a fact written later that shares
        them still writes them."""
        taken: list[tuple[Ledger, int, dict[str, object]]] = []
        try:
            with store.write():
                ids: dict[int, int] = {}
                for ledger in (*self.shared, self):
                    for placeholder, row in ledger.rows.items():
                        ledger.written[placeholder] = store.record_fetch(row)
                        taken.append((ledger, placeholder, row))
                    ledger.rows = {}
                    ids.update(ledger.written)

                def real(fetch_id: int | None) -> int | None:
                    return ids[fetch_id] if fetch_id is not None and fetch_id < 0 else fetch_id
                yield real
        except BaseException:
            for ledger, placeholder, row in taken:
                del ledger.written[placeholder]
                ledger.rows[placeholder] = row
            raise


def fetch_row(redactor: Redactor, **row: object) -> dict[str, object]:
    """A fetch-log row as it is kept: the URLs, the headers and the error redacted (#11), the version stamped."""
    headers = row.get("headers") or {}
    error = row.get("error")
    return {**row, "url": redactor.url(str(row["url"])), "contacted_url": redactor.url(str(row["contacted_url"])),
            "headers": json.dumps(dict(redactor.headers(headers if isinstance(headers, Mapping) else {}))),
            "error": redactor.text(str(error)) if error else None, "tool_version": __version__}


def _retry_after(headers: Mapping[str, str], *, now: float, cap: float, status: int | None = 429) -> float | None:
    """Seconds to wait, from Retry-After (seconds or HTTP date) or, on a 429, x-rate-limit-reset (epoch seconds),
    capped."""
    told = _told_wait(headers, now=now, status=status)
    return None if told is None else min(told, cap)


def asked_to_wait(outcome: FetchOutcome) -> str | None:
    """"asked to wait until <UTC time>" when the answer asked for a wait of a second or more (Retry-After, or on a
    429 x-rate-limit-reset), else None: a rate-limited error says until when (a longer wait than retry_max_wait
    is not retried)."""
    until = told_until(outcome.headers, status=outcome.status)
    return None if until is None else f"asked to wait until {until}"


def told_until(headers: Mapping[str, str], *, status: int | None) -> str | None:
    """The UTC time an answer's headers asked us to wait until, counted from now (a wait of a second or more), else
    None."""
    now = time.time()
    told = _told_wait(headers, now=now, status=status)
    if told is None or told < 1:
        return None
    return utc_time(now + told) or "a time no calendar date holds"


def utc_time(epoch: float) -> str | None:
    """Epoch seconds a server gave (a reset, now + a Retry-After) as "YYYY-MM-DDTHH:MM:SSZ", the one form a report
    gives every time in (review39a: "… UTC" was left here), or None for a time no
    calendar date holds: a reset of 10^20 s raised OverflowError, an internal error ending the command (review30n)."""
    from datetime import datetime, timezone

    try:
        return f"{datetime.fromtimestamp(epoch, timezone.utc):%Y-%m-%dT%H:%M:%SZ}"
    except (OverflowError, ValueError, OSError):
        return None


def _told_wait(headers: Mapping[str, str], *, now: float, status: int | None) -> float | None:
    """What the server asked us to wait, uncapped. x-rate-limit-reset counts on a 429 only: X sends it on every
    answer, where it is the end of the rate window, not advice to come back."""
    value = headers.get("retry-after")
    wait = None
    if value:
        try:
            wait = float(value)
            # "nan" and "inf" read as floats and are no wait: no number of seconds (RFC 9110's delay-seconds are
            # digits) and no date; before, saying until when raised (review30n)
            wait = wait if math.isfinite(wait) else None
        except ValueError:
            from email.utils import parsedate_to_datetime

            try:
                wait = parsedate_to_datetime(value).timestamp() - now
            except (TypeError, ValueError):
                wait = None
    reset = headers.get("x-rate-limit-reset")
    if wait is None and status == 429 and reset and reset.isdigit():
        wait = int(reset) - now
    return None if wait is None else max(wait, 0.0)


class Flight:
    """One attempt in the progress bar's counts (newuser30 #9: a request counted as in flight while it waited for
    a connection slot, "48 in flight" with concurrency 16): queued from the start, in flight once it holds a
    connection slot: the transport calls `took_slot`, given in the request's extensions as "took_slot" (one with
    no slots, offline or replay, when it takes the request)."""

    def __init__(self, session: Session) -> None:
        self.session, self.flying = session, False
        session.requests_queued += 1

    def took_slot(self) -> None:
        if not self.flying:
            self.flying = True
            self.session.requests_queued -= 1
            self.session.requests_in_flight += 1

    def landed(self) -> None:
        """The attempt ended (called once)."""
        if self.flying:
            self.session.requests_in_flight -= 1
        else:
            self.session.requests_queued -= 1


class Deadline:
    """A time limit over several fetches (a link's, over all its hops: `link_deadline`) that counts their network
    time only: a wait for our own rate budget ([limits]) pushes it back by as long. It counted once: a link whose
    hops waited for our limiter was reported as timed out, its hop's row a timeout though nothing had been sent
    (servers31, left32)."""

    def __init__(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds

    def left(self) -> float:
        return self.at - time.monotonic()

    def passed(self, *, after: float = 0.0) -> bool:
        """Whether it has passed, or will have `after` seconds from now."""
        return time.monotonic() + after >= self.at

    def waited(self, seconds: float) -> None:
        """Our own wait, of `seconds`: not the link's time."""
        self.at += seconds


BODY_GRACE_S = 1.0   # how long past its deadline a body cut there may take to close, before asyncio's timeout ends it


def _deadline_words(settings: Settings, link: bool) -> str:
    """The deadline a fetch ran out of, as its messages say it."""
    if link:
        return f"the link's {settings.link_deadline:g}s deadline (link_deadline)"
    return f"the {settings.deadline:g}s deadline"


async def _attempt(session: Session, method: str, url: str, *, headers: Mapping[str, str] | None,
                   data: Mapping[str, str] | None, content: bytes | None, max_bytes: int,
                   cut_bodies: bool = False, flight: Flight | None = None, until: Deadline | None = None) -> FetchOutcome:
    from cache import utc_now

    if session.offline and session.replay is None and _plainly_not_cached(session, url, headers, data):
        # what the offline client answers (transport.OfflineTransport), with no client built: httpx not imported
        # for a run that asks nothing (#14: half of a `resolve --offline`'s start-up)
        started, fetched_at = time.monotonic(), utc_now()
        if flight is not None:
            flight.took_slot()
        return FetchOutcome(url, url, method, fetched_at, None, {}, b"", (time.monotonic() - started) * 1000,
                            NOT_CACHED, session.redactor.text(OFFLINE_NOT_CACHED))

    import asyncio

    import httpx

    from resolver.transport import NotCached, NotReplayable, _read_capped

    settings, client = session.settings, session.client
    contacted, via, unknown = url, "live", None
    started, fetched_at = time.monotonic(), ""   # stamped when the request starts, or when it is refused
    budget, link = settings.deadline, False      # the per-fetch deadline, or what is left of the link's if less
    answered: int | None = None                  # the status, once the answer's header came
    request: httpx.Request | None = None         # once built: its URL is the server an [origins] override sent it to
    try:
        parsed = _check_url(url)
        # a request [origins] only_configured refuses is never sent, so it waits for no budget (newuser42a #2: a
        # sealed report waited 48 s for web.archive.org's): the transport refuses it, before any name lookup
        if session.live and not refused_unmapped(url, settings):
            limited, mapped = budget_url(url, settings)
            waiting = session.budgets.wait_time(limited)
            if waiting >= LONG_WAIT_S:
                session.waiting_for_rate(_host(url), waiting, mapped=mapped,
                                         own=not settings.origins_keep_limits)
                log.info("%s: waiting %.1f s for the rate limit", _host(url), waiting)
            before = session.budgets.clock()
            await session.budgets.acquire(limited)   # the service's published rate limit, shared by the whole run
            if (after := session.budgets.clock()) - before >= LONG_WAIT_S:
                session.waited_for_rate(_host(url), before, after)
            if until is not None:
                until.waited(time.monotonic() - started)
        started, fetched_at = time.monotonic(), utc_now()
        if until is not None and until.left() < budget:
            budget, link = max(until.left(), 0.0), True
        # asyncio's own timeout: anyio's scope cost ~2% of a resolve run (#14)
        async with asyncio.timeout(budget) as scope:
            request = client.build_request(method, parsed, headers=headers, data=data, content=content)
            if flight is not None:
                request.extensions["took_slot"] = flight.took_slot
            response = await client.send(request)
            contacted, answered = str(response.request.url), response.status_code
            cut, late = False, None
            if cut_bodies:   # the reader cuts the body at the deadline itself, keeping its head (servers31)
                when = scope.when()
                scope.reschedule(None if when is None else when + BODY_GRACE_S)
            try:
                body = await _read_capped(response, max_bytes=max_bytes, deadline=started + budget,
                                          cut_late=cut_bodies)
            except BodyTooLarge as refused:
                if not cut_bodies or refused.head is None:
                    raise
                body, cut = refused.head, True
                late = _deadline_words(settings, link) if isinstance(refused, BodyTooSlow) else None
            finally:
                await response.aclose()
        # A secret the server sent back goes before the body is read, kept or written to the WARC; what is kept, and
        # its sha256, is the body redacted (#11).
        kept = session.redactor.body(body)
        redacted, body = kept is not body or bool(response.extensions.get("redacted")), kept
        recorded = {name.lower(): value for name, value in response.headers.items()}
        via = response.extensions.get("via", "live")
        unknown = None
        if via == "warc":   # when the source answered: its record's WARC-Date, not this replay's time (newuser28b)
            from resolver.warc import answer_time_unknown, answered_at

            # who answered is the record's (an [origins] override's server, or the URL's own), never this replay's
            # [origins] mapping, which contacted nothing (review35r5: a replay cited a server that never answered)
            contacted = response.extensions.get("warc_contacted") or url

            warc_date = response.extensions.get("warc_date")
            given = answered_at(warc_date)
            if given is None:   # kept as when the replay asked, and said to be no time of the source's (replay29)
                unknown = answer_time_unknown(warc_date)
            fetched_at = given or fetched_at
        if response.extensions.get("truncated"):   # a replayed record that kept only the start of its answer
            if not cut_bodies:
                from resolver.warc import cut_record

                raise BodyTooLarge(cut_record(url, response.extensions["truncated"],
                                              response.extensions.get("warc_file"),
                                              response.extensions.get("warc_offset"),
                                              response.extensions.get("warc_cut_at")), url=url)
            cut = True
        warc_file, warc_offset = response.extensions.get("warc_file"), response.extensions.get("warc_offset")
        record_id = response.extensions.get("warc_record_id")
        writer = session.warc
        if writer is not None and via == "live":
            warc_file, warc_offset, record_id = writer.write_exchange(
                method=method, url=url, contacted_url=contacted, request_headers=dict(request.headers),
                status=response.status_code, reason=response.reason_phrase, response_headers=response.headers.items(),
                body=body, fetched_at=fetched_at, redactor=session.redactor, truncated=("time" if late else "length") if cut else None,
                redacted=redacted, request_body=_sent(request), durable=False, http_version=response.http_version)
            # on disk before the outcome is returned, so before the row naming it (archive38), synced on a worker
            # thread: the event loop's other requests go on meanwhile (review39c)
            await asyncio.to_thread(writer.sync)
        return FetchOutcome(url, contacted, method, fetched_at, response.status_code, recorded, body,
                            (time.monotonic() - started) * 1000, via=via, warc_file=warc_file, warc_offset=warc_offset,
                            warc_record_id=record_id, cut=cut, cut_at_deadline=late, redacted=redacted,
                            non_public=bool(response.extensions.get("non_public")),
                            answered_at_unknown=unknown,
                            replay_others=tuple(response.extensions.get("warc_others") or ()))
    except (TimeoutError, BodyTooSlow):   # the one deadline, whichever watch saw it first: asyncio's or the reader's
        kind, message = "timeout", f"no complete answer within {_deadline_words(settings, link)}"
    except (UnsafeTarget, BodyTooLarge) as exc:
        kind, message = exc.kind, str(exc)
        if isinstance(exc, UnsafeTarget):   # NotMapped: the config's refusal, said at INFO; the guard's, WARNING
            log.log(logging.INFO if kind == "unmapped" else logging.WARNING, "%s: %s",
                    kind, session.redactor.text(message))
    except httpx.InvalidURL as exc:
        kind, message = "invalid-url", f"refused {url}: {exc}"
    except NotReplayable as exc:   # the replay's, with no answer and no time of the source's (newuser30b #4)
        from resolver.warc import no_answer_in_warcs

        kind, message = NOT_IN_WARC, str(exc)
        via, unknown = "warc", no_answer_in_warcs(session.replay.paths if session.replay is not None else ())
    except NotCached as exc:
        kind, message = NOT_CACHED, str(exc)
    except httpx.TimeoutException as exc:
        kind, message = "timeout", f"timed out ({type(exc).__name__})"
    except httpx.ConnectError as exc:
        # an empty message is a peer that hung up while connecting (for https: during the TLS handshake)
        kind, message = "connect", f"{type(exc).__name__}: {str(exc) or 'closed by the server while connecting'}"
    except httpx.TransportError as exc:   # reset, closed without a response, broken write
        kind, message = "network", f"{type(exc).__name__}: {str(exc) or 'connection broken'}"
    except httpx.HTTPError as exc:
        kind, message = "http", f"{type(exc).__name__}: {exc}"
    if request is not None and via == "live" and kind != NOT_CACHED:
        # no answer named the server contacted: the request's own URL does, rewritten by an [origins] override
        # (review35r5: a refused or timed-out mirror was cited as the public service's failure)
        contacted = str(request.url)
    return FetchOutcome(url, contacted, method, fetched_at or utc_now(), None, {}, b"",
                        (time.monotonic() - started) * 1000, kind, session.redactor.text(message or kind), via=via,
                        answered_at_unknown=unknown, refused_status=answered)


# What an offline run's transport answers every request (transport.OfflineTransport).
OFFLINE_NOT_CACHED = "offline, and not in the cache"
# A URL httpx reads as it is written and `_check_url` passes: http(s), a host of plain labels (not an address, no
# IDNA label, no user part, no port), then printable ASCII no URL parser refuses. Any other URL goes the whole way.
_PLAIN_URL = re.compile(r"https?://(?![0-9.]*(?:[/?#]|\Z))(?!(?:[^/?#]*\.)?xn--)"
                        r"(?:[A-Za-z0-9_-]{1,63}\.)*[A-Za-z0-9_-]{1,63}\.?(?:[/?#][!#-\[\]_a-z~]*)?",
                        re.IGNORECASE | re.ASCII)


def plain_url(url: str) -> bool:
    """Whether httpx reads `url` as written and `_check_url` passes it, for certain (`_PLAIN_URL`); False for any URL
    not known to, which may pass too."""
    return len(url) <= 4096 and _PLAIN_URL.fullmatch(url) is not None


def _plainly_not_cached(session: Session, url: str, headers: Mapping[str, str] | None,
                        data: Mapping[str, str] | None) -> bool:
    """Whether an offline request for `url` is answered "not cached" by the offline client (`_attempt`) for certain,
    without building it: the URL plain (`plain_url`), no client built (a test's own, or the one a URL that was not
    plain made), no [origins] override, and headers and a form httpx takes (ASCII text, text)."""
    if session._client is not None or session.settings.origins or not plain_url(url):
        return False
    texts = [session.settings.user_agent or "", *(headers or {}).keys(), *(headers or {}).values()]
    return all(isinstance(text, str) and text.isascii() for text in texts) and (
        data is None or all(isinstance(text, str) for pair in data.items() for text in pair))


def say_retry(session: Session, url: str, attempt: int, seconds: float, why: str = "") -> None:
    """A status line for a retry that waits a second or more: why nothing seems to happen (#11), and what it waits
    for, `why` (newuser36b #3: a log could not tell a wait the server asked for from a backoff after an error)."""
    if seconds >= LONG_WAIT_S:
        session.reporter.status(f"{_host(url)}: retry {attempt}/{session.settings.retries} in {seconds:.0f} s"
                                + (f" ({why})" if why else ""))
    session.retrying(_host(url), seconds, said=seconds >= LONG_WAIT_S)   # a shorter one counted: its sum is said
    log.info("%s: retry %d/%d in %.1f s%s", _host(url), attempt, session.settings.retries, seconds,
             f" ({session.redactor.text(why)})" if why else "")


def retry_reason(outcome: FetchOutcome, asked: bool) -> str:
    """What a retry waits after: "it answered HTTP 429 and asked to wait (Retry-After)", "it answered HTTP 503",
    "timeout: no complete answer within 10 s" (`asked`: the wait is the one its answer named)."""
    if outcome.status is None:
        return f"{outcome.error_kind}: {outcome.error}" if outcome.error else "no answer"
    told = "Retry-After" if "retry-after" in {k.lower() for k in outcome.headers} else "x-rate-limit-reset"
    return f"it answered HTTP {outcome.status}" + (f" and asked to wait ({told})" if asked else "")


def refused_unmapped(url: str, settings: Settings) -> bool:
    """`[origins] only_configured` refuses a live request to `url`: no origin of [origins] maps it (`transport.
    OriginOverrideTransport`, which refuses it, says so)."""
    if not settings.only_configured_origins:
        return False
    import httpx

    from resolver.transport import _origin

    try:   # the transport's own reading of the origin (review43a: a punycode host, its key in Unicode, was refused
        # here and mapped there, so sent paced by no budget)
        return _origin(httpx.URL(url)) not in settings.origins
    except (ValueError, httpx.InvalidURL):   # no origin to map: refused as it is
        return True


def budget_url(url: str, settings: Settings) -> tuple[str, str | None]:
    """The URL a request's rate budget ([limits]) is matched on, and the origin [origins] sends it to (None when
    none does). A mapped request draws on the budget of the service whose URL it was ([origins] keep_limits, the
    default: a mirror or a proxy may pass it on to the service), or with keep_limits = false on that of the URL
    contacted: a loopback server then waits for nothing (newuser32c #9: 278 s of waits for web.archive.org's budget
    in a run against one), and a mirror's own limit is keyed by its origin."""
    if not settings.origins:
        return url, None
    try:
        split = urlsplit(url)
        origin = origin_of(url)
    except ValueError:   # no URL any origin maps: the request is refused as it is
        return url, None
    target = settings.origins.get(origin)
    if target is None or settings.origins_keep_limits:
        return url, target
    return urlunsplit(urlsplit(target)[:2] + split[2:]), target


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:   # "https://[": a status line says the URL as it is (#12)
        return url


def _check_url(url: str) -> httpx.URL:
    """The URL parsed, once: the request is built from it (#14), or UnsafeTarget."""
    import httpx

    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https"):
        raise UnsafeTarget(f"refused {url}: only http and https are fetched", url=url)
    if parsed.userinfo:
        raise UnsafeTarget(f"refused {url}: URLs with user:password@ are never fetched", url=url)
    check_host(parsed)
    if parsed.port is not None and not 0 < parsed.port < 65536:   # getaddrinfo takes 99999 as 34463 (#12)
        raise httpx.InvalidURL(f"not a valid port: {parsed.port} (ports run from 1 to 65535)")
    return parsed


def check_host(parsed: httpx.URL) -> None:
    """A name no lookup can take is the link's error, not the command's (#12): before, `https://xn--/x` ended the
    whole command with an internal error (httpx's IDNA decoding), and so would a label getaddrinfo cannot encode."""
    import httpx

    try:
        name = parsed.raw_host.decode("ascii", "replace")
    except UnicodeError:   # "[::1%25eth0].\xa0.::1]": httpx parses it and cannot encode it (lead34; hypothesis)
        raise httpx.InvalidURL(f"not a valid host name: {parsed.host!r} (it holds characters no lookup "
                               "takes)") from None
    if not name:   # "http://": nothing to look up (the empty name was asked of the resolver)
        raise httpx.InvalidURL("no host")
    try:
        parsed.host   # decodes an IDNA name, and says why not
    except UnicodeError as exc:   # idna.IDNAError
        raise httpx.InvalidURL(f"not a valid host name: {name} ({exc})") from None
    if ":" not in name and not all(0 < len(label) < 64 for label in name.removesuffix(".").split(".")):
        raise httpx.InvalidURL(f"not a valid host name: {name} (a label is empty or longer than 63 characters)")
    if ":" not in name and not HOST_NAME_RE.fullmatch(name):
        # "%31%32%37.0.0.1" went to the resolver as written (a browser reads it as 127.0.0.1): a lookup of no name
        # that exists, sent to the network's DNS servers for any page to name (#12)
        raise httpx.InvalidURL(f"not a valid host name: {name} (only letters, digits, hyphens, underscores and dots "
                               "are looked up)")


async def fetch(session: Session, url: str, *, method: str = "GET", purpose: str = "resolve",
                headers: Mapping[str, str] | None = None, keep_body: bool = False,
                data: Mapping[str, str] | None = None, content: bytes | None = None, max_bytes: int | None = None,
                ledger: Ledger | None = None, cut_bodies: bool = False, until: Deadline | None = None) -> FetchOutcome:
    """One request through the run's client, retried (tenacity) on connect errors, resets, 429 and 5xx, bounded
    in count and in time; the body is capped at `max_bytes` (default: settings.max_body_bytes). A body past the
    cap is an error (too-large), or with `cut_bodies` an answer whose body is cut (`FetchOutcome.cut`): for a
    caller that needs only where an answer points (resolution), not its content. With `cut_bodies`, a body still
    arriving at the deadline (an endless stream) is cut there too (`FetchOutcome.cut_at_deadline`); without, it is a
    timeout. `until`: the caller's own deadline (a link's, over all its hops); no attempt runs past it, and no retry
    waits past it; our own waits for a rate budget are not counted in it.

    A 429 waits what Retry-After or x-rate-limit-reset says, and is not retried when that is longer than
    retry_max_wait; anything else backs off exponentially with jitter. Every attempt is a row in the fetch log, except an offline "not cached" answer:
    nothing was fetched. With a `ledger`, the rows are held there, to be written with the fact they produce (the
    outcome's fetch_id is then a placeholder). The last outcome is returned, never raised.
    """
    if session.cache_only:   # a step run from the cache alone asks for something it does not hold
        raise NotCached(url)
    settings, store = session.settings, session.store

    async def attempt() -> FetchOutcome:
        flight = Flight(session)
        try:
            outcome = await _attempt(session, method, url, headers=headers, data=data, content=content,
                                     max_bytes=settings.max_body_bytes if max_bytes is None else max_bytes,
                                     cut_bodies=cut_bodies, flight=flight, until=until)
        finally:
            flight.landed()
        session.requests_made += 0 if outcome.unavailable else 1
        if store is None or outcome.unavailable:
            return outcome
        if keep_body and outcome.sha256 is not None:
            store.keep_body(outcome.sha256, outcome.body, outcome.headers.get("content-type"), redacted=outcome.redacted)
        return _log(session, outcome, purpose, ledger)

    cut = [False]   # whether `until` alone stopped the last retry asked for (`FetchOutcome.retry_cut`)

    def retryable(outcome: FetchOutcome) -> bool:
        """Connect errors, resets, 429 and 5xx; not when the server asks for a longer wait than retry_max_wait
        (retrying sooner only spends requests: the answer says until when)."""
        told = _told_wait(outcome.headers, now=time.time(), status=outcome.status)
        wanted = _retryable(outcome) and (told is None or told <= settings.retry_max_wait)
        cut[0] = wanted and until is not None and until.passed()
        return wanted and not cut[0]

    started = time.monotonic()
    first = await attempt()
    if not retryable(first):
        # Nearly every request: tenacity's objects are built only when there is something to retry (#14: building
        # them for every request was about 6% of a resolve run's CPU).
        return evolve(first, retry_cut=True) if cut[0] else first
    last = await _retried(session, url, first, attempt, retryable, started=started, until=until, cut=cut)
    return evolve(last, retry_cut=True) if cut[0] else last


async def _retried(session: Session, url: str, first: FetchOutcome, attempt: Callable[[], Awaitable[FetchOutcome]],
                   retryable: Callable[[FetchOutcome], bool], *, started: float,
                   until: Deadline | None = None, cut: list[bool] | None = None) -> FetchOutcome:
    """The retries after a first attempt that asks for one, by tenacity, as if tenacity had made the first attempt
    too: it is handed `first` as its first attempt's outcome, counts it, and times its delay limit from `started`
    (the start of that attempt), as `stop_after_attempt | stop_after_delay` would have. `cut[0]` is set when the
    last retry asked for was not made because `until` alone would have passed first."""
    import anyio
    from tenacity import AsyncRetrying, retry_if_result, wait_random_exponential

    settings = session.settings
    backoff = wait_random_exponential(multiplier=0.5, max=settings.retry_max_wait)
    attempts, limit = settings.retries + 1, settings.retry_max_wait * (settings.retries + 1)
    had = [first]

    async def again() -> FetchOutcome:
        return had.pop() if had else await attempt()

    def stopped(state: RetryCallState, sleep: float) -> bool:
        spent = state.attempt_number >= attempts or (state.outcome_timestamp or started) - started >= limit
        late = until is not None and until.passed(after=sleep)   # no retry that would start past `until`
        if cut is not None:
            cut[0] = late and not spent
        return spent or late

    def stop(state: RetryCallState) -> bool:
        return stopped(state, state.upcoming_sleep)

    def wait(state: RetryCallState) -> float:
        last = _outcome_of(state)
        told = _retry_after(last.headers, now=time.time(), cap=settings.retry_max_wait, status=last.status)
        seconds = told if told is not None else backoff(state)
        if not stopped(state, seconds):   # tenacity asks for the wait before whether to stop: the last attempt retries nothing
            say_retry(session, url, state.attempt_number, seconds, retry_reason(last, told is not None))
        return seconds

    retrying = AsyncRetrying(stop=stop, wait=wait, retry=retry_if_result(retryable), sleep=anyio.sleep,
                             retry_error_callback=_outcome_of)
    outcome: FetchOutcome = await retrying(again)
    return outcome


def _outcome_of(state: RetryCallState) -> FetchOutcome:
    """The outcome of tenacity's last attempt (attempts return outcomes, they never raise)."""
    if state.outcome is None:
        raise RuntimeError("tenacity asked for an outcome before the first attempt")
    result: FetchOutcome = state.outcome.result()
    return result


# Failures that may not happen again: no answer in time, a broken or refused connection, a 429 or 5xx answer. A link
# that failed so is asked again by the next online run (resolve.PASSING, its error's words); a media download, once
# failure_ttl has passed (fetch._download_again).
PASSING_KINDS = ("timeout", "connect", "network")


def passing_failure(error_kind: str | None, status: int | None) -> bool:
    """Whether a fetch failed for a reason that may pass (PASSING_KINDS, a 429 or 5xx answer)."""
    return error_kind in PASSING_KINDS or status == 429 or status is not None and status >= 500


def _retryable(outcome: FetchOutcome) -> bool:
    return outcome.error_kind in ("connect", "network") or outcome.status in RETRY_STATUSES


def _sent(request: httpx.Request) -> bytes:
    """The body a request sent (a POST's form), or b"" when it was streamed and is not at hand."""
    import httpx

    try:
        return request.content
    except httpx.RequestNotRead:
        return b""


def _log(session: Session, outcome: FetchOutcome, purpose: str, ledger: Ledger | None) -> FetchOutcome:
    error_kind, error = outcome.error_kind, outcome.error
    if outcome.cut:   # the answer arrived; what the log says of its body is that it was not all read
        error_kind, error = BODY_CUT, (
            f"the replayed WARC record kept only the first {len(outcome.body):,} bytes of its body: not hashed"
            if outcome.via == "warc" else f"body still arriving at {outcome.cut_at_deadline}: cut there, not hashed nor "
            f"kept (its first {len(outcome.body):,} bytes were looked at for a next hop)" if outcome.cut_at_deadline
            else f"body larger than the {session.settings.max_body_bytes:,}-byte cap: read "
            f"no further, not hashed nor kept (its first {len(outcome.body):,} bytes were looked at for a next hop)")
    row = fetch_row(
        session.redactor, url=outcome.url, contacted_url=outcome.contacted_url, method=outcome.method,
        fetched_at=outcome.fetched_at, status=outcome.refused_status if outcome.status is None else outcome.status,
        headers=outcome.headers, body_sha256=outcome.sha256,
        body_bytes=len(outcome.body) if outcome.status is not None and not outcome.cut else None,
        elapsed_ms=round(outcome.elapsed_ms, 1), error_kind=error_kind, error=error, purpose=purpose, via=outcome.via,
        warc_file=outcome.warc_file, warc_offset=outcome.warc_offset, warc_record_id=outcome.warc_record_id,
        non_public=int(outcome.non_public),
        answered_at_unknown=outcome.answered_at_unknown,
        warc_sha256=_replayed_from(session, outcome))
    if ledger is not None:
        return evolve(outcome, fetch_id=ledger.hold(row))
    store = session.store
    return evolve(outcome, fetch_id=store.record_fetch(row) if store is not None else None)


def _replayed_from(session: Session, outcome: FetchOutcome) -> str | None:
    """The sha256 of the WARC a replayed row was answered from; for a request none of the files held, the identity
    of the set (ReplayIndex.files_digest): the same replay takes that miss as its own (replay30 2e)."""
    if session.replay is None or outcome.via != "warc":
        return None
    return session.replay.digest(outcome.warc_file) if outcome.warc_file else session.replay.files_digest


# -- libraries that talk through requests (tweepy, #12) ------------------------------------------------------------

HOP_BY_HOP = frozenset({"connection", "keep-alive", "content-length", "transfer-encoding", "accept-encoding",
                        "user-agent"})
DECODED_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


class LayerError(OSError):
    """A request made through `requests_adapter` that got no response: `.outcome` says what happened (refused by the
    guard, timed out, not cached offline...). An OSError, as requests' own connection errors are."""

    def __init__(self, outcome: FetchOutcome) -> None:
        super().__init__(outcome.problem or "no response")
        self.outcome = outcome


def requests_adapter(session: Session, *, purpose: str) -> RequestsAdapter:
    """A requests transport adapter that sends every request through `fetch` with the run's session: one DNS answer
    checked by the guard and dialled, the [origins] overrides, the caps, the deadline, retries, budgets, redaction,
    the WARC (or replay) and the fetch-log row, exactly as for any other request (#12: tweepy's own requests stack
    resolved the host a second time after the guard's check). requests never opens a socket.

    The library must be called from a worker thread of the run's event loop (`anyio.to_thread.run_sync`): each
    request is handed to that loop and waited for. A request that gets no response raises `LayerError`. While the
    adapter's `ledger` is set, the fetch-log rows are held there (then `fetch_ids` are placeholders)."""
    from requests.adapters import BaseAdapter

    class Adapter(BaseAdapter):
        def __init__(self) -> None:
            super().__init__()
            self.fetch_ids: list[int] = []
            self.ledger: Ledger | None = None

        def send(self, request: Any, *args: Any, **kwargs: Any) -> Any:
            from functools import partial

            import anyio

            headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
            body = request.body.encode() if isinstance(request.body, str) else request.body
            outcome = anyio.from_thread.run(partial(fetch, session, request.url, method=request.method,
                                                    purpose=purpose, headers=headers, content=body, keep_body=True,
                                                    ledger=self.ledger))
            if outcome.fetch_id is not None:
                self.fetch_ids.append(outcome.fetch_id)
            if outcome.status is None:
                raise LayerError(outcome)
            return _requests_response(outcome, request)

        def close(self) -> None:
            return None

    return Adapter()


class RequestsAdapter(Protocol):
    """What `requests_adapter` returns: a requests adapter that also lists the fetch-log rows of its requests, and
    holds them in `ledger` while one is set."""

    fetch_ids: list[int]
    ledger: Ledger | None

    def send(self, request: Any, *args: Any, **kwargs: Any) -> Any: ...

    def close(self) -> None: ...


def _requests_response(outcome: FetchOutcome, request: Any) -> Any:
    """A requests Response holding an outcome's answer (its body already decoded, so no Content-Encoding)."""
    from http import HTTPStatus

    import requests
    from requests.structures import CaseInsensitiveDict
    from requests.utils import get_encoding_from_headers

    response = requests.Response()
    response.status_code = outcome.status or 0
    try:
        response.reason = HTTPStatus(response.status_code).phrase
    except ValueError:
        response.reason = ""
    response.headers = CaseInsensitiveDict({k: v for k, v in outcome.headers.items() if k not in DECODED_HEADERS})
    response._content, response._content_consumed = outcome.body, True
    response.encoding = get_encoding_from_headers(response.headers)
    response.url, response.request = request.url, request
    return response
