"""One run of the tool: what every request of the run shares, and the one event loop it runs in.

A `Session` owns the settings, the store, the mode (offline or refresh), ONE HTTP client (built by
`http.make_client` on the first request, closed when the run ends), ONE `Budgets` (so every article of a run
draws on the same Save Page Now, CDX... buckets), and the WARC writer or replay index of the run, if any. Every
I/O function (http.fetch, resolve, fetch_posts, archive lookups and saves, media analysis) takes the session, so
budgets and mode follow every request.

`Session.run(job)` is the one place an event loop is started: a command, or `pipeline.run` over many articles,
calls it once for the whole job.

    session = Session(load_settings(), store=Store("cache.db"), mode=Mode(offline=True))
    resolutions = session.run(lambda s: resolve_many(["https://t.co/abc"], session=s))
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from cache.store import utc_now
from resolver.budgets import Budgets
from resolver.errors import SessionBusy, UsageError
from resolver.lazy import lazy_dataclass
from resolver.redact import Redactor, redact_logs
from resolver.settings import Settings

if TYPE_CHECKING:
    from cache import Store
    from resolver.guard import Resolver
    from resolver.transport import Client
    from resolver.warc import ReplayIndex, WarcWriter

T = TypeVar("T")


@dataclass(frozen=True)
class Mode:
    """How a run treats the cache. `offline`: answer from the cache only, whatever its age (the client then never
    opens a connection); `refresh`: no cached answer from before the run (what the run itself got is reused: one
    request per post and per link a run, newuser32c #5). The two contradict each other. `afresh`: an `archive` run,
    which takes no cached answer from before it as --refresh does (an answer its own WARC file already holds aside:
    `Session.cached_since`), so its WARC holds every answer it used (newuser38a F5: after `scan --archive`, the CDX
    lists of a gone post came from the cache and the exhibit's replay said "not-in-warc"); offline it is nothing."""

    offline: bool = False
    refresh: bool = False
    afresh: bool = False

    def __post_init__(self) -> None:
        for name in ("offline", "refresh", "afresh"):   # offline="no" ran offline, offline="" online (newuser30 #6)
            if not isinstance(getattr(self, name), bool):
                raise TypeError(f"Mode {name} must be True or False, not {type(getattr(self, name)).__name__}")
        if self.offline and self.refresh:
            raise UsageError("--offline and --refresh cannot be used together: offline answers only from the "
                             "cache, refresh ignores it")


def _refuse_wrong_parts(settings: object, store: object, mode: object) -> None:
    """A TypeError naming the argument a library user gave wrong (newuser30 #6: `Session(None)` raised
    AttributeError 'limits'). A path given as the store is refused by its type: cache is not imported to check the
    rest (sqlite-utils' import is most of a warm run's start)."""
    if not isinstance(settings, Settings):
        raise TypeError(f"settings must be a settings.Settings (load_settings() makes one), not {type(settings).__name__}")
    if isinstance(store, (str, bytes, os.PathLike)):
        raise TypeError(f"store must be a cache.Store or None, not {type(store).__name__}")
    if not isinstance(mode, Mode):
        raise TypeError(f"mode must be a session.Mode, not {type(mode).__name__}")


class Reporter(Protocol):
    """Where a run tells the person running it what takes time: a status line for a retry or a wait over a second,
    and progress over many targets. The CLI draws them on stderr; a library user gets silence by default."""

    def status(self, message: str) -> None: ...

    def progress(self, label: str, total: int | None, *,
                 stats: Callable[[], str] | None = None) -> Callable[[], None]:
        """Start counting `total` things (None: a stream of unknown length); the function returned is called once
        per thing done. `stats`, when given, says more as it goes (rates, counts)."""
        ...

    def close(self) -> None:
        """Stop drawing (before a final line is printed)."""
        ...


class QuietReporter:
    """Says nothing."""

    def status(self, message: str) -> None:
        return None

    def progress(self, label: str, total: int | None, *,
                 stats: Callable[[], str] | None = None) -> Callable[[], None]:
        return lambda: None

    def close(self) -> None:
        return None


STILL_WAITING_EVERY_S = 60.0   # while a service's rate waits go on, a status line this often (newuser36b #3)


@lazy_dataclass
class RateWaits:
    """One service's waits for its rate budget in a run: when each began and ended (on the budgets' clock), and when
    a status line last said one (None: none yet). One record, so a wait is never kept without what was said of it
    (newuser37 #4: two dicts, and a wait in one but not the other was a KeyError)."""

    spans: list[tuple[float, float]] = field(default_factory=list)
    said_at: float | None = None


@lazy_dataclass
class RetryWaits:
    """One host's retries in a run: how many and their waits' sum, those under a second (`LONG_WAIT_S`, each said by
    no line) apart, and how much of the sum a status line said. Counts, not each wait kept: every retry summed them
    all again (review38a: 50,000 retries of a dead host were over a billion additions)."""

    count: int = 0
    total: float = 0.0
    short_count: int = 0
    short_total: float = 0.0
    said: float = 0.0
    # The time of the run they waited through (the union of the waits, as `waited` makes it for rate waits), kept as
    # they come: each begins no earlier than the one before (one clock), so the union grows by what passes the
    # furthest end yet (`reach`). newuser46b #5: "215 retries waited 207.1 s in all" read as a run spent waiting.
    during: float = 0.0
    reach: float = float("-inf")


def waited(waits: list[tuple[float, float]]) -> tuple[float, float]:
    """The time a run spent in `waits` (each (began, ended)): the union, which requests waiting at the same time do
    not add up in (newuser33 #10), and their plain sum."""
    during, reached = 0.0, float("-inf")
    for began, ended in sorted(waits):
        during += max(ended - max(began, reached), 0.0)
        reached = max(reached, ended)
    return during, sum(ended - began for began, ended in waits)


def at_once(during: float, total: float, count: int) -> str:
    """Waits that overlapped, as a run's last lines say them: the time of the run they took, and their sum beside
    it ("during 60 s of the run (215 waits at times at once, 207 s summed"), the caller closing the bracket."""
    return f"during {during:.0f} s of the run ({count:,} waits at times at once, {total:.0f} s summed"


class NotCached(BaseException):
    """Raised where a step run from the cache alone (`Session.cache_only`) would need the network or the event loop:
    the article is run again in the loop. A BaseException, so that no `except Exception` of a step mistakes it for
    a failure of the article."""


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MICROSECOND = timedelta(microseconds=1)
# (TTL days, in microseconds, a second since the epoch and its date and time; None: none made for this TTL yet)
_since_memo: tuple[float, int, int | None, str] = (float("nan"), 0, None, "")   # nan: equal to no TTL


def since_at(now_us: int, ttl_days: float) -> str:
    """`ttl_days` before `now_us` (microseconds since the epoch, as the clock's floor gives them), as the cache
    writes its times: `(now - timedelta(days=ttl_days)).isoformat(timespec="microseconds")[:26] + "Z"`. The TTL
    in microseconds and the date and time to the second are made once, not for every link and post of a run (#13:
    a warm run asks twice an article, and that expression cost about 3 us a call)."""
    global _since_memo
    days, ttl_us, second, formatted = _since_memo
    if days != ttl_days:
        days, ttl_us, second = ttl_days, timedelta(days=ttl_days) // _MICROSECOND, None
    seconds, micros = divmod(now_us - ttl_us, 1_000_000)
    if seconds != second:
        try:
            formatted = (_EPOCH + timedelta(seconds=seconds)).isoformat()[:19]
        except OverflowError:   # outside datetime's years: the error the whole expression gives
            _EPOCH + timedelta(microseconds=now_us) - timedelta(days=ttl_days)
            raise
        second = seconds
    _since_memo = (days, ttl_us, second, formatted)
    return f"{formatted}.{micros:06d}Z"


class InFlight:
    """The work of a run under way, by key (a post, a link): one request per post or link per run (#13). Two articles
    naming one post at the same moment (the run's concurrency) both asked for it; now the second waits for the first
    one's answer (`wait`), and does the work itself only when the first was stopped or failed. `once(key, work)`
    does both; a batch (`fetch_posts`) `take`s its keys, `end`s each with its answer, then waits for the keys
    another asker holds: its own first, so two batches each waiting for the other's keys cannot both wait."""

    def __init__(self) -> None:
        self._running: dict[Any, Any] = {}   # key -> asyncio.Future of its answer

    def held(self, key: Any) -> bool:
        return key in self._running

    def take(self, key: Any) -> Any:
        import asyncio

        future = asyncio.get_running_loop().create_future()
        self._running[key] = future
        return future

    def end(self, key: Any, future: Any, *answer: Any) -> None:
        """The work on `key` ended: with its `answer`, handed to those waiting; without one (stopped, failed), they
        do it themselves."""
        if self._running.get(key) is future:
            del self._running[key]
        if not future.done():
            future.set_result(answer[0]) if answer else future.cancel()

    async def wait(self, key: Any) -> tuple[bool, Any]:
        """(True, the answer) of another asker's work on `key`, or (False, None) when no one is at it (any more)."""
        import asyncio

        while (running := self._running.get(key)) is not None:
            try:
                return True, await asyncio.shield(running)
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if not running.cancelled() or task is not None and task.cancelling():
                    raise   # this asker was stopped
        return False, None

    async def once(self, key: Any, work: Callable[[], Awaitable[T]]) -> T:
        done, answer = await self.wait(key)
        if done:
            return answer
        future = self.take(key)
        try:
            answer = await work()
        except BaseException:
            self.end(key, future)
            raise
        self.end(key, future, answer)
        return answer


class Session:
    """The shared state of one run. Not thread-safe except where noted; one session serves one job at a time: a
    second job asked of it while one runs (another thread's, or one started from inside the first) is refused at
    once with `SessionBusy` (`one_job`). Sessions may share a Store, each in its thread."""

    def __init__(self, settings: Settings, *, store: Store | None = None, mode: Mode = Mode(),
                 budgets: Budgets | None = None, warc: WarcWriter | None = None, replay: ReplayIndex | None = None,
                 resolver: Resolver | None = None, reporter: Reporter | None = None) -> None:
        _refuse_wrong_parts(settings, store, mode)
        settings.check_secrets()   # as load_settings does: Settings made in code sent a 5-letter token (newuser43b #4)
        self.settings = settings
        # when the run began: a fact it cites from a fetch made before was taken from the cache (replay32)
        self.started_at = utc_now()
        self.redactor = Redactor.for_settings(settings)   # secrets out of every URL, header and message kept
        redact_logs(self.redactor)
        self.reporter: Reporter = reporter or QuietReporter()
        self.store = store
        self.mode = mode
        self.budgets = budgets or Budgets(settings.limits)
        self.warc = warc           # every live exchange is appended here when set
        self.replay = replay       # answers come from these WARC records instead of the network when set
        self._resolver = resolver  # a seam for tests: name resolution behind the SSRF guard
        self._client: Client | None = None
        self.sinces: list[str] | None = None   # the TTL cut-offs given out, while a memo is made (resolver.memo)
        self.cache_only = False   # set while a step runs outside the event loop (pipeline.steps_here): see NotCached
        # Read by the progress bar (another thread): ints, set in this loop only. In flight: holding a connection
        # slot (at most `concurrency`); queued: asked, waiting for a slot or a rate budget (newuser30 #9).
        self.requests_in_flight = 0
        self.requests_queued = 0
        self.requests_made = 0
        # The posts and links being fetched and resolved now, and the saves of the queue being made (by queue row id,
        # archive.process_queue): a step waits for another article's step doing the same rather than ask again.
        self.in_flight = InFlight()
        # Each hop a resolution asked this run, by URL: its answer (no body), where it points on, and the ledger holding
        # its fetch row (resolve._hop: one request per hop a run, however many links lead through it)
        self.hops: dict[str, tuple[Any, Any, Any, Any]] = {}
        # Waits over a second for a service's rate budget, by service: when each began and ended, on the budgets'
        # clock (newuser32c #9; newuser33 #10: requests waiting at once overlap, so their sum is no time the run took)
        self.rate_waits: dict[str, RateWaits] = {}
        self.each_wait = False   # -v: a status line for every such wait, not only each service's first
        # Each retry's backoff, by host, and how much of it a line has said (CLOSING-stop36: backoffs under a second
        # said nothing, and a flaky server's hundreds of them added up to minutes no log showed)
        self.retry_waits: dict[str, RetryWaits] = {}
        # The links whose failure an earlier run got (a 5xx, a timeout) that this run asked again: said in the summary
        # (newuser46b #5: a warm run's 210 requests, and nothing saying why)
        self.links_asked_again: set[str] = set()
        self._of_no_known_age: frozenset[int] | None = None   # read on first use by a live run (`not_taken`)
        self._job_lock = threading.Lock()
        self._job_thread: str | None = None   # the thread whose job runs now (`one_job`)

    def waiting_for_rate(self, service: str, seconds: float, *, mapped: str | None = None, own: bool = False) -> None:
        """A request to `service` is to wait about `seconds` (over a second) for its rate budget: the first such wait
        of a service is a status line, the rest are summed up at the end (`rate_waited`), or each a line with
        `each_wait` (-v). Before, every wait was a line (newuser32c #9: 133 of the 164 lines of a corpus run's
        stderr). `mapped`: the origin [origins] sends the request to, whose budget is the service's (the first line
        says how to budget it as itself), or with `own` ([origins] keep_limits = false) that origin's own (review33r3:
        the line said the service's budget there too, and named the setting already in force)."""
        waits = self.rate_waits.setdefault(service, RateWaits())
        if waits.said_at is None or self.each_wait:
            more = "" if self.each_wait else " (further waits for it are summed up at the end; -v shows each)"
            if mapped is not None and waits.said_at is None:
                more += (f"; [origins] sends it to {mapped}, whose own budget it draws on ([origins] keep_limits = "
                         "false)" if own else f"; [origins] sends it to {mapped} with {service}'s budget ([origins] "
                         "keep_limits = false budgets it as the origin contacted)")
            self.reporter.status(f"{service}: waiting {seconds:.0f} s for the rate limit{more}")
        elif self.budgets.clock() - waits.said_at >= STILL_WAITING_EVERY_S:
            # newuser36b #3: a nightly run spent 235 s on web.archive.org's budget with one line at its start, and
            # its log showed nothing for minutes; a line a minute, terminal or not, while a service's waits go on
            during, _ = waited(waits.spans)
            self.reporter.status(f"{service}: still waiting for the rate limit, {during:.0f} s of the run so far "
                                 f"({len(waits.spans)} waits); the next is {seconds:.0f} s (a line a "
                                 "minute while it waits; -v shows each)")
        else:
            return
        waits.said_at = self.budgets.clock()

    def waited_for_rate(self, service: str, began: float, ended: float) -> None:
        """A request to `service` waited for its rate budget from `began` to `ended`: said in `rate_waited`. A wait
        foretold under a second says no line first (newuser37 #4: a wait so recorded, then a long one, was a KeyError
        ending the article); the service's first line is then said by its next long wait."""
        self.rate_waits.setdefault(service, RateWaits()).spans.append((began, ended))

    def rate_waited(self) -> list[str]:
        """A line a service whose requests waited for its rate budget more than once: how long the run spent waiting
        for it (the union of the waits). Requests that waited at the same time are not summed into a time longer
        than the run (newuser33 #10: "waited 43 s in all" after a run of 17.8 s); their sum is said beside it."""
        lines = []
        for service, waits in ((service, said.spans) for service, said in self.rate_waits.items()):
            if len(waits) < 2:
                continue
            during, total = waited(waits)
            if during < total - 0.5:
                lines.append(f"{service}: requests waited for the rate limit {at_once(during, total, len(waits))})")
            else:
                lines.append(f"{service}: waited {total:.0f} s in all for the rate limit ({len(waits)} waits)")
        return lines

    def retrying(self, host: str, seconds: float, said: bool) -> None:
        """A retry of a request to `host` is to wait `seconds` (`said`: a line said it, a wait of a second or more).
        The shorter ones say nothing each; once they add up to STILL_WAITING_EVERY_S more than a line said, a line
        says the sum so far, and `retry_waited` the whole at the end."""
        from resolver.http import LONG_WAIT_S

        waits = self.retry_waits.setdefault(host, RetryWaits())
        waits.count += 1
        waits.total = total = waits.total + seconds
        began = self.budgets.clock()
        waits.during += max(began + seconds - max(began, waits.reach), 0.0)
        waits.reach = max(waits.reach, began + seconds)
        if seconds < LONG_WAIT_S:
            waits.short_count += 1
            waits.short_total += seconds
        if said:
            waits.said = total
        elif total - waits.said >= STILL_WAITING_EVERY_S:
            self.reporter.status(f"{host}: {waits.count:,} retries so far, {total:.0f} s of waits before them "
                                 "in all (each under a second is not said; a line each further minute of them)")
            waits.said = total

    def retry_waited(self) -> list[str]:
        """A line a host whose retries' waits under a second (each said by no line) add up to a second or more: how
        many and how long in all (summed: retries of requests made at once overlap)."""
        if not self.retry_waits:
            return []   # no retry: the HTTP module is not imported for its constant (a plain scan never loads it, #14)
        from resolver.http import LONG_WAIT_S

        lines = []
        for host, waits in self.retry_waits.items():
            if waits.short_total < LONG_WAIT_S:
                continue
            short = f"{waits.short_count:,} under a second each, not said one by one"
            if waits.during < waits.total - 0.5:   # retries of requests made at once: said as rate waits are
                lines.append(f"{host}: {waits.count:,} retries waited {at_once(waits.during, waits.total, waits.count)}"
                             f"; {short})")
            else:
                lines.append(f"{host}: {waits.count:,} retries waited {waits.total:.1f} s in all before them ({short})")
        return lines

    @property
    def offline(self) -> bool:
        return self.mode.offline

    @property
    def refresh(self) -> bool:
        return self.mode.refresh

    def cached_since(self, *, in_its_warc: bool = False) -> str | None:
        """The oldest cached answer this run accepts (UTC, ISO 8601), or None: offline accepts any age. Under
        --refresh, none from before the run began: an answer this run got is reused (newuser32c #5: a post embedded by
        three articles was asked, and observed, three times by one refresh run). A replayed answer is dated by its
        WARC record, before the run: a --refresh --replay run asks the WARC again, as before. An `archive` run
        (`Mode.afresh`) likewise, but for an answer the run's own WARC file already holds (`in_its_warc`: a live
        copy `archive.kept_copy` finds there): the exhibit holds it, and taking it again only grows the file."""
        if self.offline:
            return None
        since = since_at(self._now_us(), self.settings.cache_ttl_days)
        if (self.refresh or self.mode.afresh and not in_its_warc) and self.started_at > since:
            since = self.started_at
        if self.sinces is not None:
            self.sinces.append(since)
        return since

    def takes_cached(self, fetch_ids: Iterable[int | None] | None, *, ageless: bool = False) -> bool:
        """Whether a cached fact resting on these fetch-log rows may answer this run, rather than be asked again: the
        one decision every reader of the cache takes (`not_taken` for many at once). Offline (no replay), always: the
        cache answers with what was last known. Under --replay, only when every row was replayed from one of this run's WARC files
        (replay29b: a live answer cached the day before, newer than the replayed records, answered instead, and a
        report "replayed from" a WARC of a post still up said it was deleted). A live run, unless a row is no answer of
        the source's at a known time (`Store.of_no_known_age`: replayed from a WARC record that gives no time, kept at
        the replay's own time; or the "not-in-warc" of a replay whose WARC lacked it): such a fact is asked again
        (review29d: a live run after such a replay took the WARC's answers as given that moment, for the whole cache
        TTL, and asked nothing). `ageless`: the fact is of bytes that do not age (a downloaded file): only where it
        came from counts, under --replay. `--offline --replay` is a replay (the replay answers, nothing else is asked:
        replay30), whose cached answers are taken whatever their age."""
        return not self.not_taken(fetch_ids, ageless=ageless)

    def not_taken(self, fetch_ids: Iterable[int | None] | None, *, ageless: bool = False) -> set[int]:
        """Those of these fetch-log rows a cached fact resting on them may not answer this run with (`takes_cached`).
        A live run reads the rows of no known age once (a warm run asks nothing per link or post: replay30)."""
        if self.store is None or self.replay is None and (self.offline or ageless):
            return set()
        ids = {fetch_id for fetch_id in fetch_ids or () if fetch_id is not None}
        if not ids:
            return set()
        if self.replay is not None:   # --offline with it too: the replay answers (replay30)
            return set(self.store.not_replayed_from(list(ids), [*self.replay.digests.values(), self.replay.files_digest],
                                                    files=list(self.replay.digests)))
        if self._of_no_known_age is None:
            # A live run writes no such row (it replays nothing), so those of the cache as the run starts are all
            self._of_no_known_age = self.store.of_no_known_age()
        return ids & self._of_no_known_age

    def failure_since(self) -> str:
        """The oldest media failure that may pass (a 503, a timeout) this online run keeps: failure_ttl minutes ago."""
        return since_at(self._now_us(), self.settings.failure_ttl_minutes / (24 * 60))

    def _now_us(self) -> int:
        """The time a cached answer's age is measured from (microseconds since the epoch): now, or in a --replay run
        the replayed records' time, their oldest WARC-Date (`ReplayIndex.answered_from_us`). A replayed answer is
        dated when its source gave it, and is as old as its record however long after it is replayed; replaying it
        again gives the same answer (replay29: a year-old WARC's answers were past the TTL on every replay, and asked
        of the WARC and recorded again each run). With no dated record, now."""
        replayed = self.replay.answered_from_us if self.replay is not None else None
        return replayed if replayed is not None else time.time_ns() // 1000

    def failed_since(self) -> str:
        """The oldest cached lasting error (a 4xx answer: `error_ttl` days) an online run accepts, UTC ISO 8601."""
        return since_at(self._now_us(), self.settings.error_ttl_days)

    def redaction_made(self, url: str, fetch_ids: Iterable[int | None]) -> bool:
        """Whether `url`, read from the answer behind these fetch-log rows, may be one a redaction made (then the URL
        it stands for is not known, and is not asked for: secrets29): it holds REDACTED, a secret is set, and a body
        it was read from had a secret redacted out of it as it was kept (`bodies.redacted`), or carries one set since
        (a cached answer is read redacted now), or is not kept or kept before the cache said. Else REDACTED is the
        answer's own word (a photo named so, an account): the URL is asked for like any (secrets30)."""
        if not self.redactor.unknown(url):
            return False
        bodies = self.store.answer_bodies(fetch_ids) if self.store is not None else []
        return not bodies or any(body is None or redacted is not False or self.redactor.carries_secret(
            body.decode("latin-1")) for body, redacted in bodies)

    @property
    def live(self) -> bool:
        """Whether answers come from the network: not offline, not replayed. Budgets pace live requests only."""
        return not self.offline and self.replay is None

    @property
    def client(self) -> Client:
        """The run's one client, built on first use by the one factory: a run that needs no request builds none."""
        if self._client is None:
            from resolver.http import make_client

            self._client = make_client(self.settings, offline=self.offline, replay=self.replay, redactor=self.redactor,
                                       resolver=self._resolver)
        return self._client

    async def aclose(self) -> None:
        """Close the client, if one was built. The store and the WARC writer belong to whoever opened them."""
        if self._client is not None:
            client, self._client = self._client, None
            await client.aclose()

    async def __aenter__(self) -> Session:
        return self

    async def __aexit__(self, kind: type[BaseException] | None, error: BaseException | None,
                        traceback: TracebackType | None) -> None:
        await self.aclose()

    @contextmanager
    def one_job(self) -> Iterator[None]:
        """This session's job runs inside: a second one asked meanwhile, from any thread, is refused at once with
        `SessionBusy` rather than share the first's client, loop and flags (newuser43b #2: a Session shared by a web
        app's request threads gave live posts as "not_found", which the cache kept, "attached to a different loop"
        errors and hangs). Waiting for the first instead could wait for minutes of rate-limit waits unseen."""
        with self._job_lock:
            if self._job_thread is not None:
                raise SessionBusy(
                    f"this Session is running a job already (in thread {self._job_thread!r}): a Session serves one "
                    "job at a time; make one Session per job (per thread, per request of a web app; sessions may "
                    "share a Store), or wait for the first job to end")
            self._job_thread = threading.current_thread().name
        try:
            yield
        finally:
            with self._job_lock:
                self._job_thread = None

    def run(self, job: Callable[[Session], Awaitable[T]]) -> T:
        """Run `job(self)` to the end in one event loop, then close the client: the one `asyncio.run` of a run. Called
        where a loop already runs in this thread (a Jupyter cell, an async web handler), the run's loop runs on a
        worker thread and this call waits for it, as a sync call does (newuser38b #2: "asyncio.run() cannot be called
        from a running event loop", and a coroutine never awaited). A session running another job refuses it at once
        (`SessionBusy`: `one_job`)."""
        with self.one_job():
            return self.run_in_job(job)

    def run_in_job(self, job: Callable[[Session], Awaitable[T]]) -> T:
        """`run`, for a caller holding `one_job` already (`pipeline.run`, whose articles the cache answers are done
        in its own thread before the loop starts)."""
        import asyncio   # here, not at import: a run with no network step starts no loop (#14)

        async def main() -> T:
            async with self:
                return await job(self)
        with fewer_collections():
            if not loop_running():
                return _run_here(main)
            return _run_on_a_thread(main)


def _run_here(main: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """`asyncio.run(main())` in this thread, with SIGTERM taken as asyncio takes Ctrl-C when a command has made it
    an interrupt (`resolver.cli.stop_on_sigterm`): the handler in place is called when the signal comes, and if it
    raises (the command's interrupt), the run's task is cancelled, so the signal lands at an await, and what it
    raised is raised once the loop has ended. Raised at whatever line the main thread was on, it broke asyncio's own
    objects half made (CI, stop 39: "'_SelectorSocketTransport' object has no attribute '_closing'") and came between
    an outcome handed on and its mark as finished. A handler that returns (a library caller's own: a service's
    graceful stop that lets the work in hand end) has had its say, and the run goes on: cancelling the run for any
    handler raised CancelledError out of its `Session.run` (review40b). A second SIGTERM while the task is being
    cancelled calls the handler at once. Left alone when SIGTERM is ignored or ends the process (its handler is not a
    function), and off the main thread (only it takes signals)."""
    import asyncio
    import signal

    command = signal.getsignal(signal.SIGTERM) if threading.current_thread() is threading.main_thread() else None
    if not callable(command):
        return asyncio.run(main())
    came: list[BaseException] = []

    with asyncio.Runner() as runner:
        loop = runner.get_loop()
        task: asyncio.Task[T] = loop.create_task(main())   # a Task made here and awaited by the runner: cancelling it ends the run

        async def run() -> T:
            return await task

        def terminated(number: int, frame: Any) -> None:
            if came or task.done():
                command(number, frame)
                return
            try:
                command(number, frame)
            except BaseException as interrupt:   # noqa: BLE001 - raised once the loop has ended, below
                came.append(interrupt)
                task.cancel()
                loop.call_soon_threadsafe(lambda: None)   # wakes the loop if it waits in select()
        signal.signal(signal.SIGTERM, terminated)
        try:
            done = runner.run(run())
        except asyncio.CancelledError:
            if came:
                raise came[0] from None
            raise
        finally:
            if signal.getsignal(signal.SIGTERM) is terminated:
                signal.signal(signal.SIGTERM, command)
        if came:   # the run ended all the same (its work did not stop at the cancel): the interrupt still stands
            raise came[0]
        return done


def _run_on_a_thread(main: Callable[[], Awaitable[T]]) -> T:
    """`asyncio.run(main())` on a thread of its own, with the caller's context variables (as asyncio.to_thread gives
    them), waited for. Interrupted while waiting (a notebook's "interrupt kernel", Ctrl-C), the run's task is
    cancelled, as asyncio.run cancels it in the main thread, and the interrupt raised once it has ended."""
    import asyncio
    import contextvars

    done: dict[str, Any] = {}
    started = threading.Event()

    async def runner() -> T:
        done["loop"], done["task"] = asyncio.get_running_loop(), asyncio.current_task()
        started.set()
        return await main()

    def target() -> None:
        try:
            done["value"] = asyncio.run(runner())
        except BaseException as error:  # noqa: BLE001 - handed to the waiting thread, which raises it
            done["error"] = error
        finally:
            started.set()
    thread = threading.Thread(target=contextvars.copy_context().run, args=(target,), name="embed-resolver-run")
    try:
        thread.start()
        thread.join()
    except BaseException:
        if thread.is_alive():
            started.wait()
        if "task" in done:
            with suppress(RuntimeError):   # the loop already closed: the run had ended
                done["loop"].call_soon_threadsafe(done["task"].cancel)
        if thread.ident is not None:
            thread.join()
        raise
    if "error" in done:
        raise done["error"]
    return done["value"]


def loop_running() -> bool:
    """Whether an event loop runs in this thread (asyncio's; a notebook's is one). With asyncio not imported, none
    can: it is not imported to say so (a warm run loads no event loop, #14)."""
    import sys

    asyncio = sys.modules.get("asyncio")
    if asyncio is None:
        return False
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


YOUNG_OBJECTS = 10_000   # allocations between two collections of the youngest generation while a run runs


class _Collector:
    """Counts the runs under way (runs may overlap, in threads) and the thresholds to put back after the last."""

    lock = threading.Lock()
    runs = 0
    saved: tuple[int, int, int] = (700, 10, 10)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The garbage collector's youngest generation collected every YOUNG_OBJECTS allocations, not Python's default
    700, while a run's event loop runs, or a run in this thread (`pipeline.scan_here`); the thresholds are put back
    after. A resolve run allocates a few dozen objects a request that die young, and collecting every 700 was about
    a tenth of its CPU (#14); objects are freed as before (reference counting), only cycles wait a little longer.
    Process-wide, as the collector is."""
    with _Collector.lock:
        if _Collector.runs == 0:
            _Collector.saved = gc.get_threshold()
            if _Collector.saved[0]:   # 0: automatic collection was turned off, and stays off
                gc.set_threshold(max(YOUNG_OBJECTS, _Collector.saved[0]), *_Collector.saved[1:])
        _Collector.runs += 1
    try:
        yield
    finally:
        with _Collector.lock:
            _Collector.runs -= 1
            if _Collector.runs == 0:
                gc.set_threshold(*_Collector.saved)
