"""Fetching posts: X/Twitter three ways (X API, syndication, oEmbed) in a configured order, other platforms by
oEmbed, every answer kept raw and recorded as an observation, media analysed for credits.

A post seen in ten articles is fetched once: the cache answers within the TTL; `--refresh` adds an observation, one a
run.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from cache.store import json_column, runs_of, trusted_time, utc_now
from resolver.errors import NotMapped, refused_by_config
from resolver.fetch.records import (METHOD_RANK, WAYBACK, Media, PostRecord, current_view, merge, observation_status,
                                    record_from_json)
from resolver.http import NOT_IN_WARC, FetchOutcome, Ledger, asked_to_wait, not_cached_said, passing_failure
from resolver.http import fetch as http_fetch
from resolver.model import plain
from resolver.options import FetchOptions
from resolver.platforms import bluesky
from resolver.redact import REDACTED, URL_NOT_KNOWN, Redactor
from resolver.session import NotCached

if TYPE_CHECKING:
    from cache import Store
    from resolver.fetch import wayback
    from resolver.session import Session


T = TypeVar("T")
# A link read as a post by its shape alone whose host gave no answer of that platform (pipeline._as_linked): not
# a status the source gave, the embed's reading of its answer.
NOT_CONFIRMED = "not_confirmed"
DEFINITIVE = ("available", "deleted", "suspended", "protected", "withheld", "not_found", "age_restricted")
NEVER_FETCHED = "offline, and this post was never fetched"
MEDIA_NEVER_FETCHED = "offline, and this image was never fetched"
# A media error that is no failure (exit 1): the image was not asked for, offline or because its URL is not known
MEDIA_NOT_ASKED = (MEDIA_NEVER_FETCHED, URL_NOT_KNOWN)
# A media download `[origins] only_configured` refused, its origin unmapped ("unmapped: refused …", errors.NotMapped):
# not asked, by the user's own config, so no failure either; said once, under its post (newuser38b #6)
MEDIA_REFUSED_BY_CONFIG = "unmapped: "


def media_not_asked(error: str | None) -> bool:
    """Whether a media item's error says it was not asked for (`MEDIA_NOT_ASKED`, `MEDIA_REFUSED_BY_CONFIG`)."""
    return bool(error) and (error in MEDIA_NOT_ASKED or str(error).startswith(MEDIA_REFUSED_BY_CONFIG))
LOOKUP_FAILED = "error: "   # how a post's archive_lookup starts when a capture list asked could not be read
# The platforms whose archived copies a fetch reads (resolver.fetch.wayback): X's, Telegram's pages, Mastodon's
# status pages and Bluesky's post pages
CAPTURES_READ = frozenset({"twitter", "telegram", "mastodon", "bluesky", "youtube", "tiktok", "instagram", "reddit"})
NOT_FETCHED = "not fetched"   # a post no source could be asked for: "not fetched: needs META_ACCESS_TOKEN"


@dataclass(frozen=True)
class Target:
    """A post to fetch: platform, id and URL (canonical), as a URL parser read them."""

    platform: str
    post_id: str
    url: str
    # The post's URL as the article wrote it where that is not `url` (`Embed.shown_url`: a TikTok /photo/ page, an
    # Instagram /reel/, /reels/ or /tv/ one): asked of the archive first, and of Instagram's oEmbed where its schemes
    # list the form (fixleft46b). Not compared: two forms of one post are one post, fetched once.
    shown: str | None = field(default=None, compare=False)
    # The handle the article's embed shows for a Bluesky post it names by DID: where a reader's save of its page is
    # filed (`_capture_handles`); no part of which post it is (fixleft46c).
    shown_handles: tuple[str, ...] = field(default=(), compare=False)


def target_of(platform: str, kind: str, post_id: str | None, url: str, shown: str | None = None) -> Target | None:
    """The post to fetch when what a parser read is one (a post or a video, with its id), else None."""
    if platform == "reddit" and shown is None:   # its captures are filed under its subreddit, which its URL names
        shown = url
    return Target(platform, post_id, url, shown) if post_id and kind in ("post", "video") else None


@dataclass(frozen=True)
class MediaFile:
    """What downloading one media URL gave: the file's facts (as resolver.fetch.media reads them), or why none."""

    url: str
    fetched_at: str | None = None
    fetch_id: int | None = None
    sha256: str | None = None
    bytes: int | None = None
    mime: str | None = None
    declared_mime: str | None = None
    width: int | None = None
    height: int | None = None
    phash: str | None = None
    credit: dict[str, str] = field(default_factory=dict)
    c2pa: bool | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()   # what was read only in part, e.g. an XMP packet defusedxml refused
    # credit fields read as no text for sure (media.unsure_reading): their bytes in hex, never in `credit`
    credit_unsure: dict[str, str] = field(default_factory=dict)
    media_id: int | None = None      # its row in the cache's media table
    kept_path: str | None = None     # where --keep-media put the bytes
    unavailable: bool = False        # offline, and never downloaded
    from_cache: bool = False         # what the cache knew, not a download of this run
    # Downloaded from a WARC record that gives no time: why `fetched_at` is None (replay30: it held the replay's time)
    answered_at_unknown: str | None = None

    @property
    def failed(self) -> bool:
        """Its download failed: not when it was not asked, offline or by the config's choice (`refused`)."""
        return self.error is not None and not self.unavailable and not self.refused

    @property
    def refused(self) -> bool:
        """`[origins] only_configured` refused it, its origin unmapped: not asked, by the user's own config, and no
        failure, as a post's photo is (newuser39b #6: each credited image was an `error:` line and exit 1)."""
        return str(self.error or "").startswith(MEDIA_REFUSED_BY_CONFIG)

    @property
    def refusal(self) -> str:
        """Why `refused` says it was not asked ("its origin is not mapped in [origins] …"), as a post's photo says it."""
        error = str(self.error or "")
        return error.removeprefix(MEDIA_REFUSED_BY_CONFIG).partition(": ")[2] or error

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> MediaFile:
        """A row of the cache's media table."""
        return cls(row["url"], row.get("fetched_at"), row.get("fetch_id"), row.get("sha256"), row.get("bytes"),
                   row.get("mime"), row.get("declared_mime"), row.get("width"), row.get("height"), row.get("phash"),
                   row.get("credit") or {}, None if row.get("c2pa") is None else bool(row["c2pa"]), row.get("error"),
                   tuple(row.get("warnings") or ()), row.get("credit_unsure") or {}, media_id=row.get("id"),
                   kept_path=row.get("kept_path"), answered_at_unknown=row.get("answered_at_unknown"))

    def to_json(self) -> dict[str, Any]:
        """The facts; c2pa as the cache keeps it (0/1/null), so a fresh answer and a cached one read the same."""
        data = {k: v for k, v in plain(self).items() if k not in ("media_id", "kept_path", "unavailable", "from_cache")}
        data["c2pa"] = None if self.c2pa is None else int(self.c2pa)
        data["warnings"] = list(self.warnings)
        return data

    def row(self) -> dict[str, Any]:
        """What the cache's media table keeps. As an upsert by URL: a failed download sets its error and keeps
        the facts an earlier download found; a path is set only when bytes were kept."""
        if self.sha256 is None:
            data = {"url": self.url, "fetched_at": self.fetched_at, "fetch_id": self.fetch_id, "error": self.error,
                    "answered_at_unknown": self.answered_at_unknown}
        else:
            data = self.to_json()
        return data | ({"kept_path": self.kept_path} if self.kept_path else {})


@dataclass(frozen=True)
class FetchedPost:
    """A post as the live sources say it is (`record`: its status is theirs alone), and what its archived copies
    say (`archived`), each kept apart so a report can tell which is which."""

    record: PostRecord
    media: tuple[dict[str, Any], ...] = ()   # per media item: the record's fields + file facts
    post_row: int | None = None
    unavailable: bool = False        # offline and never fetched
    archived: tuple[wayback.ArchivedCopy, ...] = ()
    # What the archive lookup behind `archived` came to: None (none made), "answered" (every capture list answered:
    # an empty `archived` is "no copy"), "error: <why>" (a list could not be read: an empty one is "not known").
    archive_lookup: str | None = None
    # Where that lookup looked: the post's page under each handle asked (wayback.looked_under); () with no lookup.
    archive_looked_under: tuple[str, ...] = ()
    # A Bluesky post shown from the record under its account's other name while the link's own name holds an
    # answer with no status of the post (an error): that answer (post_id, status, reason, fetch_ids), said beside it.
    link_answer: dict[str, Any] | None = None
    # The URLs of `media` whose file facts are the cache's answer, not a download of this run: a failure among them
    # says "(from cache)" (runs33). Not part of the post's JSON.
    media_cached: frozenset[str] = field(default=frozenset(), compare=False)
    # When the answer its status rests on was given (UTC ISO 8601; corpus33): this run's answers' time, or, read from
    # the cache, its view's (Store.VIEW_AT: not a later failed ask's); None when nothing was asked, or no time is known.
    status_as_of: str | None = None
    # The sources asked for the answer the status rests on that ended in an error (the X API's 401 for a refused
    # token beside syndication's 404), each {method, reason, fetch_id}: said by `fetch`, `scan --fetch` and their
    # JSON as the reports say them (newuser44b #6: "not_found via syndication", the refused token unsaid).
    sources_failed: tuple[dict[str, Any], ...] = ()

    @property
    def failed(self) -> bool:
        """Every method that was asked ended in an error, or a photo, poster or thumbnail of the post could not be
        downloaded or its analysis was refused (an image bomb): the README's exit 1 (#11, #12). An image not asked
        for (offline never fetched, or its URL known only redacted: secrets29) is not a failure."""
        if self.unavailable:
            return False
        return self.record.status == "error" and not self.refused or self.lookup_error is not None or any(
            m.get("error") and not media_not_asked(m["error"]) for m in self.media)

    @property
    def refused(self) -> bool:
        """Every method that could be asked was refused by `[origins] only_configured` (their origins unmapped): not
        checked, by the user's own config, and no failure (newuser43b #9); a method's own failure beside a refusal is
        the post's answer (`records.merge`), a failure."""
        return self.record.status == "error" and refused_by_config(self.record.reason)

    @property
    def lookup_error(self) -> str | None:
        """Why the archive lookup the fetch made (a gone post's, or any post's with --all-methods) failed ("cdx: HTTP
        503"), None when it answered or none was made: a failed step, exit 1 as `report` and `scan --archive` make it (newuser36b #1: `scan --fetch`
        exited 0 and said nothing, its JSON alone saying `"archive_lookup": "error: cdx: HTTP 503"`)."""
        looked = self.archive_lookup
        if looked is None or not looked.startswith(LOOKUP_FAILED):
            return None
        why = looked.removeprefix(LOOKUP_FAILED)
        # a list a --replay's WARC files do not hold was not asked, as offline "not cached": no failure (the README)
        # one the config refused was not asked either (newuser42a #2)
        return None if why.startswith(f"{NOT_IN_WARC}:") or refused_by_config(why) else why

    @property
    def author(self) -> str | None:
        """The post's author's handle as its source, else its URL, names it; None when neither does."""
        author = self.record.author_handle
        if author is None and self.record.platform == "twitter":
            from resolver.platforms import x

            ref = x.parse_url(self.record.url)
            author = ref.author_handle if ref else None
        return author

    def may_be_by(self, handle: str) -> bool:
        """Whether the post may be `handle`'s: its author is that handle, or no one is named. A flattened post's
        link to a post of another account (one it quoted, or the original of a photo it re-used) is not its own."""
        author = self.author
        return author is None or author.casefold() == handle.casefold()

    def to_json(self) -> dict[str, Any]:
        data = self.record.to_json()
        data["media"] = list(self.media) or data["media"]
        data["archived"] = [c.to_json() for c in self.archived]
        data["archive_lookup"] = self.archive_lookup
        data["archive_looked_under"] = list(self.archive_looked_under)
        data["status_as_of"] = self.status_as_of
        if self.link_answer is not None:
            data["link_answer"] = self.link_answer
        if self.sources_failed:
            data["sources_failed"] = [dict(source) for source in self.sources_failed]
        return data


async def fetch_posts(targets: list[Target], *, session: Session, options: FetchOptions = FetchOptions(),
                      on_done: Callable[[], None] | None = None) -> list[FetchedPost]:
    """Fetch each target once (duplicates share one answer), in the order given. `on_done` is called once per
    distinct post as its answer is settled (a progress bar counts them)."""
    unique = list(dict.fromkeys(targets))
    results: dict[Target, FetchedPost] = {}
    pending = []
    deferred = []   # cached, and another fetch settling them: their answer is waited for, never asked here
    done = on_done or (lambda: None)
    for target in unique:
        media_row = _media_lookup(session.store)
        cached = _from_cache(target, session, media_row, this_run=not options.cached)
        if cached is not None and session.in_flight.held(_flight(target)) \
                and (options.media and _media_missing(cached.record, media_row, options, session)
                     or _copies_missing(cached, session, options)):
            # Another article's step is settling the post now: it recorded the post and is downloading its media (or
            # reading its copies). Its answer is waited for below, not repaired here (race42: the photo was
            # downloaded twice in one run, the later download retiring finished articles' memos). Should it end before
            # then (this loop awaits other posts' repairs), the cache answers, not a second request (review43c).
            deferred.append(target)
            continue
        if cached is not None and options.media and _media_missing(cached.record, media_row, options, session):
            # a run killed between recording the post and analysing its media left them unfetched (#12)
            media, media_cached = await _analyse_media(cached.record, session, options, cached.post_row)
            cached = replace(cached, media=media, media_cached=media_cached)
        if cached is not None and _copies_missing(cached, session, options):
            if session.cache_only:
                raise NotCached(target.url)
            cached = await session.in_flight.once(("copies", target), partial(_look_up_copies, target, cached, session))
        if cached is not None:
            results[target] = cached
            done()
        else:
            pending.append(target)
    if not pending and not deferred:
        return [results[t] for t in targets]
    if session.cache_only:
        raise NotCached((pending or deferred)[0].url)
    # A post another article's step is fetching now is waited for, once this fetch's own are done (one request a
    # post a run, #13); each of its own is held until its answer is settled.
    flights = session.in_flight
    theirs = [t for t in pending if flights.held(_flight(t))]
    pending = [t for t in pending if t not in theirs]
    theirs += deferred
    held = {t: flights.take(_flight(t)) for t in pending}
    try:
        await _fetch_pending(pending, results, session, options, done, held)
    finally:
        for target, future in held.items():
            flights.end(_flight(target), future, *([results[target]] if target in results else []))
    for target in theirs:
        answered, post = await flights.wait(_flight(target))
        if answered:
            results[target] = post
            done()
        else:   # the other fetch was stopped: asked here
            [results[target]] = await fetch_posts([target], session=session, options=options, on_done=on_done)
    return [results[t] for t in targets]


def _flight(target: Target) -> tuple[str, str, str]:
    """What a post's fetch is held in flight under: its platform and id, as the cache keeps it (`_from_cache`), not
    the URL it was linked by. Two drafts linking one post under two handles (X answers either) at once each asked
    for it (newuser34 #5: a `tweet-result` asked twice in one run); one after the other, the cache answered."""
    return "post", target.platform, target.post_id


async def _fetch_pending(pending: list[Target], results: dict[Target, FetchedPost], session: Session,
                         options: FetchOptions, done: Callable[[], None], held: dict[Target, Any]) -> None:
    """Ask for the posts the cache did not answer, settle each into `results` (its `held` future answered as soon as
    it is), keeping what was answered if the fetch ends first."""
    answers: dict[Target, list[PostRecord]] = {t: [] for t in pending}
    ledgers = {t: Ledger() for t in pending}   # each post's fetch rows, written with its observation
    unsettled = deque(pending)
    recorded: set[Target] = set()   # observations written: a post stopped in its media is not recorded again
    try:
        twitter = [t for t in pending if t.platform == "twitter"]
        for method in session.settings.x_methods:
            wanted = [t for t in twitter if options.all_methods or not _settled(answers[t])]
            if not wanted:
                break
            await _ask(method, wanted, session, ledgers, answers)
        await _ask("oembed", [t for t in pending if t.platform != "twitter"], session, ledgers, answers)
        while unsettled:
            target = unsettled[0]
            with ledgers[target].kept(session.store):
                results[target] = await _settle(target, answers[target], session, options, ledgers[target],
                                                recorded)
            unsettled.popleft()
            session.in_flight.end(_flight(target), held[target], results[target])
            done()
    except BaseException:
        # A post whose observation is recorded ended in a later step (its media): recorded again, its history said
        # it was observed twice where it was asked once (review30r4)
        _keep_answered([t for t in unsettled if t not in recorded], answers, session, options, ledgers)
        raise


def _copies_missing(cached: FetchedPost, session: Session, options: FetchOptions) -> bool:
    """A cached post recorded with no lookup of the archived copies a fetch reads for it (its run stopped between
    the source's answer and the archive), in an online run that reads them."""
    from resolver.fetch import wayback

    return cached.archive_lookup == wayback.NOT_LOOKED_UP and options.archived and not session.offline


async def _look_up_copies(target: Target, cached: FetchedPost, session: Session) -> FetchedPost:
    """The archive lookup alone of a cached post whose source answered before its run stopped: the source is not
    asked again (its answer is recorded and fresh). The copies are recorded as the post's wayback observations.
    Made once a run (`fetch_posts` calls it under `InFlight`): two articles naming the post at the same moment each
    made it, and each copy was observed twice (left32, #13)."""
    from resolver.fetch import wayback

    handles = _capture_handles(target, cached.record, session.store, session.redactor)
    ledger = Ledger()
    with ledger.kept(session.store):
        copies, looked = await wayback.read_captures(target.post_id, handles, session=session, ledger=ledger,
                                                     platform=target.platform, shown=target.shown)
        copies = record_copies(cached, copies, session, ledger)
    under = wayback.looked_under(target.post_id, handles, session.redactor, target.platform, target.shown) \
        if looked is not None else ()
    return replace(cached, archived=copies, archive_lookup=looked, archive_looked_under=under)


def _keep_answered(targets: Iterable[Target], answers: dict[Target, list[PostRecord]], session: Session,
                   options: FetchOptions, ledgers: dict[Target, Ledger]) -> None:
    """The fetch ended before these posts were settled (Ctrl-C, the run stopped, an error): what was answered is
    kept all the same (newuser30 #8: the answers were dropped, and the resumed run asked them again, with an X API
    token spending quota twice). A post whose answer is whole (a definitive one, or its platform's one method) and
    is recorded as a settled post is, its media left to the next run (`_media_missing`), and its archived copies
    too when it has some to read: its lookup then reads from the cache as not made (`wayback.NOT_LOOKED_UP`, never
    "no copy"), and the resumed run asks the archive alone (`_copies_missing`; before, interrupts31, the source was
    asked again). Of any other, the fetch-log rows of the answers that came are written alone: the record that they
    were asked. No request is made here."""
    store = session.store
    if store is None:
        return
    for target in targets:
        records, ledger = answers[target], ledgers[target]
        whole = _settled(records) and not options.all_methods if target.platform == "twitter" else bool(records)
        with ledger.kept(store):
            if whole and _observed(records):
                _record_answers(target, records, (), session, ledger)
            else:
                ledger.write_alone(store)


def _reads_captures(target: Target, merged: PostRecord, options: FetchOptions) -> bool:
    """Whether settling the post reads its archived copies (more requests)."""
    from resolver.fetch import wayback

    return target.platform in CAPTURES_READ and options.archived and (options.all_methods
                                                                       or wayback.reads_captures(merged))


def _media_missing(record: PostRecord, media_row: Callable[[str], dict[str, Any] | None] | None,
                   options: FetchOptions, session: Session) -> bool:
    """Whether a media file of the record was never analysed (no row in the media table), or its download failed
    for a passing reason and the run is online."""
    return media_row is not None and any(
        (row := media_row(url)) is None or _download_again(row, session)
        for url in media_urls(record, download_video=options.download_video))


def _download_again(row: dict[str, Any], session: Session) -> bool:
    """A media row whose download failed, and longer ago than its TTL: an online run downloads it again. Within it
    the failure is the answer (newuser28b #8: a warm run that asked nothing else tried every failed image again,
    three retries each, 110 s of a 140 s run; and a 404 was kept for good). A failure that may pass (no answer in
    time, a broken connection, a 429 or 5xx: `passing_failure` of its fetch) is kept for failure_ttl minutes, one
    that will not (a 404 or 410, refused by the guard, no image) for the cache TTL (replay29: a photo whose server
    hiccuped was not tried again for 30 days); one a replayed WARC lacked ("not-in-warc") is no answer of the file's
    at all, and is downloaded again by every online run (review29d). --refresh downloads it again (`media_file` does
    not look); offline it is what was last known. A file once downloaded is kept: its facts are of its bytes; but
    under --replay, one not replayed from the run's WARC files is asked of them (`Session.takes_cached`)."""
    if not session.takes_cached([row.get("fetch_id")], ageless=row.get("sha256") is not None):
        return True
    if session.offline or row.get("sha256") is not None:
        return False
    since, fetched = session.cached_since(), row.get("fetched_at") or ""
    if since is None or fetched < since:
        return since is not None
    # A warm run's memo never stands in for this: an article with a failed step runs its steps (memo.answer).
    store = session.store
    fetch = store.fetch(row["fetch_id"]) if store is not None and row.get("fetch_id") else None
    if fetch is not None and fetch.get("error_kind") == NotMapped.kind:   # the config's refusal, not the file's
        return True
    if fetch is None or not passing_failure(fetch.get("error_kind"), fetch.get("status")):
        return False
    return fetched < session.failure_since()


def _media_lookup(store: Store | None) -> Callable[[str], dict[str, Any] | None] | None:
    """The media table's row of a URL, each read once (#13: a cached post's media rows are read for its JSON and
    again to check that none is missing)."""
    if store is None:
        return None
    rows: dict[str, dict[str, Any] | None] = {}

    def media_row(url: str) -> dict[str, Any] | None:
        if url not in rows:
            rows[url] = store.media_by_url(url)
        return rows[url]
    return media_row


def _settled(records: list[PostRecord]) -> bool:
    return any(r.status in DEFINITIVE for r in records)


def _from_cache(target: Target, session: Session, media_row: Callable[[str], dict[str, Any] | None] | None = None,
                *, this_run: bool = False) -> FetchedPost | None:
    """The cached post, when there is one the run accepts (within the TTL; offline, of any age). A post every method
    failed for (an error: a 503, a 429, a timeout) is asked again online, as a link that failed for a passing
    reason is (a 400 is kept for `error_ttl` days), and so is a gone post whose archive lookup failed (a site
    blocked from the archive aside); offline it is what was last known. A post kept as not known with no request behind it (an earlier version kept "needs an
    access token" so) is said again from scratch, online or offline: with a token set now, it is asked.
    `this_run` (`archive`, which asks the sources afresh): only a post this run asked, its answer this run's (or
    its failure, this run's answer); offline, where nothing is asked afresh, what the cache holds, as for every other
    offline command (review37b: `archive --offline ARTICLE` exited 3, "1 unavailable offline", whatever the cache
    held). Before, each article's step asked its posts again, and read a gone post's captures again: an `archive`
    run's WARC held them once per article (newuser35 F7)."""
    store = session.store
    this_run = this_run and not session.offline
    if store is None:
        return None   # under --refresh, `cached_since` takes only what this run got
    row, archived = store.post_row_counting(target.platform, target.post_id, method=WAYBACK)
    set_aside = None
    if target.platform == bluesky.PLATFORM:
        other, other_archived = _named_otherwise(target, store)
        if other is not None and (row is None or _newer_say(other, row, by_did=bluesky.is_did(target.post_id))):
            # the link's own name holds no answer about the post (an error, as when its handle had moved), or an
            # older one: the record the cache holds under the account's other name is the post (left31, urlforms32)
            set_aside = None if row is None else _link_answer(row, session.redactor)
            row, archived = other, other_archived
    if row is not None and session.replay is not None:
        row = _replayed_view(row, target, session)
    if row is None or this_run and (row["last_observed_at"] or "") < session.started_at:
        return None
    since = session.cached_since()
    failed = _failed_since_view(target, row, store, session)
    if this_run and failed is None and (row["view_observed_at"] or "") < session.started_at:
        return None   # this run's answer said less than the view an earlier run got (a "not known"): asked again
    # The view's age is its answer's (Store.post_row_counting), not the last observation's: a failed ask moves that
    # and keeps the view (review32r5 #4: a years-old status read as fresh for a TTL after a 503).
    if failed is None and since is not None and not since <= (row["view_observed_at"] or "") <= utc_now():
        return None   # older than the TTL, or dated after now (a WARC from a clock that ran ahead: no fresh answer)
    # Read as a fresh answer would be, a configured secret redacted (http.py redacts a body as it comes in): one
    # cached before the key was set printed it in the post's handle and URL (review28c #1).
    stored = session.redactor.shown_json(json_column(row["record"]))
    record = failed or record_from_json(stored | {"from_cache": True})
    if not session.takes_cached(record.fetch_ids):
        return None   # under --replay, not replayed from its WARC files; live, of no known age: asked again
    if "edits" not in stored and target.platform == "twitter" and record.status == "available":
        record = _edits_from_kept_answer(record, row, store)
    if _versions_unread(record, session):
        return None   # cached before every version of an edited post was read (edits31): asked again, as its text is
    if target.platform == "mastodon" and record.author_handle and "@" not in record.author_handle:
        record = _author_from_kept_answer(record, row, store)
    if record.status == "unknown" and not record.fetch_ids:
        return None   # kept by an earlier version with no request behind it: said again, still with none (#6)
    if not session.offline and session.replay is None and _asks_what_was_refused(target, record, store, session):
        return None   # made with a method [origins] refused, which this run maps and asks (newuser43b #1)
    if not session.offline and record.status == "error" \
            and not _error_kept(record, row["last_observed_at"], store, session):
        return None   # an error for a passing reason, got by an earlier run: ask again
    copies = archived_in_store(row, store, takes=session.takes_cached) if archived else ()
    if session.replay is not None:
        archived = len(copies)   # under --replay, the copies read from its WARC files only (Session.takes_cached)
    looked, under = _lookup_in_store(target, record, store, copies or archived, session)
    if not session.offline and looked is not None and looked.startswith("error: ") \
            and not looked.startswith("error: blocked") and not _still_refused(looked, session):
        return None   # a gone post whose archive lookup failed for a passing reason (a 503, a 429): ask again
    media = _media_rows(record, media_row or store.media_by_url)
    return FetchedPost(record, media, row["id"], archived=copies, archive_lookup=looked, archive_looked_under=under,
                       link_answer=set_aside, media_cached=frozenset(str(m["url"]) for m in media if m.get("url"))
                       | frozenset(str(m["preview_url"]) for m in media if m.get("preview_url")),
                       # the failed asks since the view, when they are the answer; else the view's answer
                       status_as_of=row["last_observed_at"] if failed else row["view_observed_at"],
                       sources_failed=_sources_failed(record, row["id"], store))


def _replayed_view(row: dict[str, Any], target: Target, session: Session) -> dict[str, Any] | None:
    """The post's row as this --replay run's answers make it: the row as kept when its view rests on them, else its
    view made again from the observations replayed from the run's WARC files (each replayed run's answers merged,
    the newest that says what the post is), None with none. The kept view is the newest answer by its source's
    time (Store.record_observation), and a WARC older than a live run's answer leaves it as it was (review31r3);
    a replay answers from its WARC only all the same, and replaying it again answers from the cache (replay29b)."""
    store = session.store
    assert store is not None
    if session.takes_cached((json_column(row["record"]) or {}).get("fetch_ids")):
        return row
    runs = runs_of((observation, (observation, record_from_json(json.loads(observation["record"]))))
                   for observation in store.observations(row["id"])
                   if observation["method"] != WAYBACK and observation["record"]
                   and observation["fetch_id"] is not None and session.takes_cached([observation["fetch_id"]]))
    if not runs:
        return None
    shown = session.redactor.page_url(target.url)
    from resolver.fetch.reparse import run_order_at, view_of_runs

    # oldest first, each run by its answers that said its view's status, as a write takes the view (review35r6)
    views = sorted(((at, answers, _merged(shown, [r for _, r in answers])) for at, answers in runs),
                   key=lambda view: run_order_at(*view))
    base = current_view([view for _, _, view in views])   # undated records sort before (older than) any dated one
    at, answers = next((at, answers) for at, answers, view in views if view is base)
    # not known when another run answered at that very time says another status (views36)
    merged = view_of_runs([(run_order_at(*view), view[2]) for view in views])
    return row | _columns(merged) | {"record": json.dumps(merged.to_json(), ensure_ascii=False),
                                     "last_observed_at": at, "view_observed_at": _said_at(answers, merged) or at}


def _said_at(answers: list[tuple[dict[str, Any], PostRecord]], merged: PostRecord) -> str | None:
    """When one run's answers (observation, record) said the status `merged` holds, as `Store.VIEW_AT` reads a
    post's: the latest answer of its source that said what the post is, else of any; None for an error or unknown
    status, or none dated (not after now). Not the run's latest answer: one run's answers each have their own time
    (asof34), and a failure crawled after the answer the status rests on is not its time (review33r5, review34r5)."""
    if merged.status in ("error", "unknown"):
        return None
    said = [(record.method, when) for observation, record in answers
            if record.status not in ("error", "unknown") and (when := trusted_time(observation["observed_at"]))]
    own = [when for method, when in said if method == merged.method]
    return max(own or [when for _, when in said], default=None)


def _newer_say(other: dict[str, Any], row: dict[str, Any], *, by_did: bool) -> bool:
    """Whether the post's record under its account's other name says more than the one under the link's own name:
    a status of the post where the link's holds none (an error), or, both holding one, a newer answer. A handle's
    404 recorded before the DID's record showed the post available was shown over it (urlforms32): the newest
    answer about the same post wins, whichever name it was recorded under. One exception: a handle's "not found"
    never outweighs a link by DID's own answer: a handle can move to another account, whose repository has no such
    record, and the DID, the account's lasting id, names the post still."""
    if (other["status"] in DEFINITIVE) != (row["status"] in DEFINITIVE):
        return other["status"] in DEFINITIVE
    if by_did and other["status"] == "not_found":
        return False
    return (other["view_observed_at"] or "") > (row["view_observed_at"] or "")   # each view's answer (review32r5 #4)


def _link_answer(row: dict[str, Any], redactor: Redactor) -> dict[str, Any]:
    """What the cache holds under the name a link gives a post, when the post shown is the record under its
    account's other name instead: its status, reason, fetches and when it was observed."""
    kept = redactor.shown_json(json_column(row["record"]) or {})
    return {"post_id": row["post_id"], "status": row["status"], "reason": kept.get("reason"),
            "fetch_ids": list(kept.get("fetch_ids") or []), "observed_at": row["view_observed_at"]}


def _named_otherwise(target: Target, store: Store) -> tuple[dict[str, Any] | None, int]:
    """The cached post a Bluesky post is under its account's other name: a post named by handle is the post of the
    same record key under the DID a recorded answer gave for that handle, and one named by DID the post under a
    handle recorded with that DID (a record key counts within its account; the DID is the account's lasting id).
    An article embedding a post (by DID) and another linking it (by handle) named one post, two rows: the second
    not known offline, asked again online (urlforms31, #15). Nothing recorded tying the names: no row."""
    named = bluesky.split_post_id(target.post_id)
    if named is None:
        return None, 0
    for other in store.account_names(target.platform, named[0]):
        row, archived = store.post_row_counting(target.platform, bluesky.post_id(other, named[1]), method=WAYBACK)
        if row is not None:
            return row, archived
    return None, 0


def _failed_since_view(target: Target, row: dict[str, Any], store: Store, session: Session) -> PostRecord | None:
    """What the asks since the post's view said, when every one failed and that failure is this run's answer
    (`_error_kept`: got by this run, or a lasting refusal within `error_ttl`): their answers merged, as the run that
    asked said them. The view stays what was last said of the post (offline shows it), but a run is not told a
    years-old status as fresh, nor asks again for it by each article (runs33: newuser32c #4, fixnu32i's rule). A view
    within cache_ttl wins over a failure an earlier run got after it (a --refresh's lasting refusal): a refused
    request says nothing of the post, and the views count it by that view (runs34: the next run said the 400)."""
    if session.offline or row["status"] in ("error", "unknown", None) \
            or (row["last_observed_at"] or "") <= (row["view_observed_at"] or ""):
        return None
    since = session.cached_since()
    if (row["last_observed_at"] or "") < session.started_at and since is not None \
            and since <= (row["view_observed_at"] or "") <= utc_now():
        return None   # the view is fresh: it answers (`_from_cache`'s TTL check), not a refusal an earlier run got
    later: dict[str, PostRecord] = {}   # the latest answer of each source since the view
    # the view's own run's answers are not since it, though each is at its own fetch's time (asof34): a source asked
    # after the one the status is read from (`--all-methods`) failed in that run, not after it (review34r5)
    viewed = set((json_column(row["record"]) or {}).get("fetch_ids") or ())
    for observation in store.observations(row["id"]):
        if observation["method"] == WAYBACK or not observation["record"] or observation["fetch_id"] in viewed \
                or (observation["observed_at"] or "") <= (row["view_observed_at"] or ""):
            continue
        if observation["status"] != "error":
            return None   # something since said more than a failure (a "not known"): asked again, as before
        later[observation["method"]] = record_from_json(session.redactor.shown_json(json.loads(observation["record"])))
    if not later:
        return None
    failed = replace(_merged(session.redactor.page_url(target.url), list(later.values())), from_cache=True)
    return failed if _error_kept(failed, row["last_observed_at"], store, session) else None


_REFUSED_ORIGIN = re.compile(rf"{LOOKUP_FAILED}{NotMapped.kind}: refused (https?://[^/?#\s]+)")


def _still_refused(looked: str, session: Session) -> bool:
    """Whether a post's archive lookup was refused by `[origins] only_configured` (its origin unmapped) and this run
    would refuse it again: no passing failure, so the post is not asked again for it (review44c: a gone post, the
    archive unmapped, was asked of its source again by every online run); a run that maps the archive asks."""
    from resolver.http import refused_unmapped

    found = _REFUSED_ORIGIN.match(looked)
    return found is not None and refused_unmapped(found.group(1) + "/", session.settings)


def _asks_what_was_refused(target: Target, record: PostRecord, store: Store, session: Session) -> bool:
    """Whether the cached answer was made while `[origins] only_configured` refused one of its requests (a method's,
    its origin unmapped: `records.merge` says "syndication not asked"), and this run would make that request: its
    origin mapped now (or only_configured off), and for an X post the method among x_methods (the X API's with a
    token). Such an answer holds only for runs that would refuse the method again, as a refused link's does
    (`resolve._declined`): before, a deleted post said "not_found via oembed" with syndication refused was said again
    "(from cache)" by the run that mapped syndication, which a fresh cache said "deleted" (newuser43b #1)."""
    from resolver.http import refused_unmapped

    if not record.fetch_ids:
        return False
    settings = session.settings
    for url, purpose in store.refused_by_config(record.fetch_ids):
        if refused_unmapped(url, settings):
            continue
        if target.platform == "twitter" and purpose in METHOD_RANK and (
                purpose not in settings.x_methods or purpose == "x-api" and not settings.x_bearer_token):
            continue
        return True
    return False


def _error_kept(record: PostRecord, observed_at: str | None, store: Store, session: Session) -> bool:
    """Whether an error observed at `observed_at` answers this online run rather than be asked again: one this run
    got (one request a source per post a run, a failure too: newuser32c #4; --refresh's `cached_since` cut-off),
    or a lasting refusal (`_lasting_error`), unless the run is a --refresh: it asks again for what an earlier run got
    (review33r3: a lasting refusal after an old view was read before the TTL cut-off, and --refresh asked nothing)."""
    if (observed_at or "") >= session.started_at:
        return session.replay is None or _lasting_error(record, observed_at, store, session)
    return not session.refresh and _lasting_error(record, observed_at, store, session)


def _lasting_error(record: PostRecord, observed_at: str | None, store: Store, session: Session) -> bool:
    """An error every source answered with a refusal of the request itself (a 4xx other than 408 and 429: TikTok's
    oEmbed 400 "Something went wrong"), observed within `error_ttl` days: the same request gets the same answer,
    so it is not asked again by every run and report (newuser29 #7). A timeout, a 5xx or a 429 is passing. It is an
    answer with a TTL: after an older view too (runs33)."""
    from resolver.fetch.oembed import RATE_LIMITED

    if not record.fetch_ids or (observed_at or "") < session.failed_since() \
            or (record.reason or "").startswith(RATE_LIMITED):   # Graph's rate limit, a 4xx (review42a): passing
        return False
    statuses = [(store.fetch(i) or {}).get("status") for i in record.fetch_ids]
    return all(s is not None and 400 <= s < 500 and s not in (408, 429) for s in statuses)


def _versions_unread(record: PostRecord, session: Session) -> bool:
    """Whether an edited post the X API gave was cached before each of its other versions was read by its id (edits30
    read the latest only, earlier runs none), and an online run with the X API can read them now. Offline (and under
    --replay) it is what was kept: its text check says which versions were not read and that `fetch --refresh`
    reads them."""
    from resolver.fetch.xapi import METHOD, other_versions

    if record.method != METHOD or session.offline or session.replay is not None \
            or not session.settings.x_bearer_token or METHOD not in session.settings.x_methods:
        return False
    return not set(other_versions(record)) <= {v.post_id for v in record.versions}


EDITS_NOT_KNOWN = "not known"   # field_sources["edits"] of a post cached before edit ids were recorded, no body kept


def _edits_from_kept_answer(record: PostRecord, row: dict[str, Any], store: Store) -> PostRecord:
    """The edit ids of a post cached before they were recorded, read from its latest kept syndication or X API answer
    with no request (offline too): without them a report took an edited post for one never edited (edits29). No
    body kept: its field_sources say the edit history is not known."""
    found = _read_again(row, store, ("syndication", "x-api"))
    if found is not None:
        return replace(record, edits=found.edits)
    return replace(record, field_sources={**record.field_sources, "edits": EDITS_NOT_KNOWN})


def _author_from_kept_answer(record: PostRecord, row: dict[str, Any], store: Store) -> PostRecord:
    """The author of a Mastodon post cached with the oEmbed reader's older bare handle ("stormdesk"), read again from
    its kept answer with no request: against the article's `user@instance` it said the handle changed, or the post
    may be misattributed, until `fetch --reparse` (fixauthor29). No body kept: as cached."""
    found = _read_again(row, store, ("oembed",))
    if found is None or not found.author_handle:
        return record
    return replace(record, author_handle=found.author_handle, author_name=found.author_name)


def _read_again(row: dict[str, Any], store: Store, methods: tuple[str, ...]) -> PostRecord | None:
    """The record the latest kept answer of one of `methods` gives today's readers, or None when none was kept."""
    from resolver.fetch.reparse import reparse_observation

    for observation in reversed(store.observations(row["id"])):
        if observation["method"] in methods:
            found = reparse_observation(row, observation, store)
            if found is not None:
                return found
    return None


def _lookup_in_store(target: Target, record: PostRecord, store: Store,
                     archived: int | tuple[wayback.ArchivedCopy, ...],
                     session: Session) -> tuple[str | None, tuple[str, ...]]:
    """What a cached post's last archive lookup came to, from the fetch log, and the pages it looked under: asked
    only of posts a fetch reads the captures of (an X post that is gone, or has copies), so a warm run of available
    posts asks nothing more (#14). `archived`: its copies recorded (or how many)."""
    if target.platform not in CAPTURES_READ or not archived and record.status == "available" and not record.edits:
        return None, ()   # before the import: a warm run of available posts loads no capture reader (#14)
    from resolver.fetch import wayback

    if not archived and not wayback.reads_captures(record):
        return None, ()
    handles = _capture_handles(target, record, store, session.redactor)
    looked = wayback.lookup_outcome_in_store(target.post_id, handles, store, copies=archived,
                                             redactor=session.redactor, takes=session.takes_cached,
                                             limit=session.settings.captures, platform=target.platform,
                                             shown=target.shown)
    if looked is None and not archived or looked == wayback.NOT_LOOKED_UP:
        return wayback.NOT_LOOKED_UP, ()   # none made, or one stopped part way (newuser32 #1)
    return looked, wayback.looked_under(target.post_id, handles, session.redactor, target.platform, target.shown) \
        if looked is not None else ()


def _capture_handles(target: Target, record: PostRecord, store: Store | None,
                     redactor: Redactor) -> list[str | None]:
    """The handles a post's captures may be filed under: the answer's, the link's, then those the cache saw the
    post with (a link with no handle, /i/status/<id>, review28). Not "REDACTED" while a secret is set: a handle that
    is a configured secret is read so from the redacted answer and kept so, and is no handle (listing captures under
    twitter.com/REDACTED/… was a wrong lookup, left28); the link the post was asked for by still holds it. With no
    secret set, it is an account's handle like any other (secrets29: an account named REDACTED had its captures
    listed under no handle)."""
    known = [record.author_handle, _handle_in(target.url, target.platform)]
    if target.platform == "bluesky":   # its page by DID too: the archive files a URL under each name apart
        known.append(record.author_id)
        known += target.shown_handles   # and the handle its embed shows: a capture there counts only if it names the DID
    known += store.post_handles(target.platform, target.post_id) if store is not None else []
    return [handle for handle in known if handle != REDACTED or not redactor.secrets]


def archived_in_store(post_row: dict[str, Any], store: Store, *,
                      takes: Callable[[list[int | None]], bool] | None = None) -> tuple[wayback.ArchivedCopy, ...]:
    """The archived copies of a post read by earlier runs (its "wayback" observations), re-read from the kept
    bodies with today's parsers; one per capture, the latest reading of each. `takes`: whether the run may answer
    from a read's fetch row (`Session.takes_cached`: under --replay, only one replayed from its WARC files)."""
    copies: dict[str, wayback.ArchivedCopy] = {}
    for observation in store.observations(post_row["id"]):
        if observation["method"] != WAYBACK or not observation["fetch_id"] \
                or takes is not None and not takes([observation["fetch_id"]]):
            continue
        from resolver.fetch import wayback   # here: a warm run's posts mostly have no archived copy (#14)

        row = store.fetch(observation["fetch_id"])
        body = store.body(row["body_sha256"]) if row.get("body_sha256") else None
        stored = record_from_json(json.loads(observation["record"])) if observation["record"] else None
        damaged = store.damaged.get(row["body_sha256"]) if body is None and row.get("body_sha256") else None
        copy = wayback.copy_from_fetch(post_row["post_id"], row, body, stored, post_row.get("platform"),
                                       wayback.listed_in_record(stored), damaged)
        if copy is not None:
            copies[copy.url] = copy
    return tuple(sorted(copies.values(), key=lambda c: c.timestamp))


async def _ask(method: str, targets: list[Target], session: Session, ledgers: dict[Target, Ledger],
               answers: dict[Target, list[PostRecord]]) -> None:
    """Ask `method` about the targets; each answer is added to `answers` as it comes (a fetch cancelled meanwhile
    keeps those that came, `_keep_answered`)."""
    if not targets:
        return
    if method == "x-api":
        if not session.settings.x_bearer_token:
            return
        import anyio

        from resolver.fetch import xapi

        held: dict[str, list[Ledger]] = {}
        for target in targets:
            held.setdefault(target.post_id, []).append(ledgers[target])

        def answered(found: dict[str, PostRecord]) -> None:
            for target in targets:
                if target.post_id in found:
                    answers[target].append(found[target.post_id])
        await _thread_to_its_end(lambda: xapi.lookup(list(held), session=session, ledgers=held), answered)
        return
    import asyncio

    async def one(target: Target) -> None:
        ask = _syndication if method == "syndication" else _telegram if target.platform == "telegram" else _oembed
        answers[target].append(await ask(target, session, ledgers[target]))
    await asyncio.gather(*(one(t) for t in targets))


async def _thread_to_its_end(work: Callable[[], T], answered: Callable[[T], None]) -> None:
    """Run `work` in a worker thread and hand its result to `answered`, even when the run is cancelled meanwhile
    (Ctrl-C): a thread cannot be stopped, so its requests are made and answered all the same (an X API batch), and
    the cancel waits for it (a second Ctrl-C ends the run at once), then goes on. Before, the cancel left the
    thread running alone: its answer came to no one, its posts were not recorded, and the resumed run asked the
    batch again, spending quota twice (fixnu30c's known limit)."""
    import asyncio

    import anyio

    running = asyncio.ensure_future(anyio.to_thread.run_sync(work))
    try:
        result = await asyncio.shield(running)
    except asyncio.CancelledError as cancel:
        try:
            result = await running
        except Exception:  # noqa: BLE001 - the work failed: the cancel is what ended the run
            raise cancel from None
        answered(result)
        raise
    answered(result)


async def _syndication(target: Target, session: Session, ledger: Ledger | None = None) -> PostRecord:
    from resolver.fetch import syndication

    outcome = await http_fetch(session, syndication.request_url(target.post_id), purpose="syndication",
                               keep_body=True, ledger=ledger)
    if outcome.error:
        return _failed(target, "syndication", outcome)
    record = syndication.parse(target.post_id, outcome.status, outcome.headers.get("content-type", ""), outcome.body)
    record = await _said_otherwise(record, outcome, session, lambda status, kind, body: syndication.parse(
        target.post_id, status, kind, body))
    return _waited(replace(record, fetch_ids=tuple(i for i in (outcome.fetch_id,) if i)), outcome)


async def _oembed(target: Target, session: Session, ledger: Ledger | None = None) -> PostRecord:
    from resolver.fetch import oembed

    provider = oembed.PROVIDERS.get(target.platform)
    if provider is None:
        return _not_fetched(target, f"no source for {target.platform.capitalize()} posts")
    token = getattr(session.settings, provider.token) if provider.token else None
    # a replay with no token asks for the URL its WARCs keep: a token in the query is kept there as REDACTED
    # (review35r5: a Threads answer the WARC held said "needs META_ACCESS_TOKEN"); the replay sends nothing anywhere
    asked = token or (REDACTED if session.replay is not None and provider.token_in == "query" else None)
    asked_url = oembed.asked_url(target.platform, target.url, target.shown)   # a reel as /reel/ (fixleft46b)
    request = oembed.request(target.platform, asked_url, access_token=asked)
    if not token and provider.token_optional and asked and not _replayed(session, request.url):
        # a tokenless run's answer, which its WARC keeps under the URL with no token (newuser41a #4)
        request = oembed.request(target.platform, asked_url)
    if provider.token and not token and not provider.token_optional and not _replayed(session, request.url):
        # a replay sends nothing: an answer its WARCs hold needs no token (newuser35 F4: "needs META_ACCESS_TOKEN")
        return _not_fetched(target, f"needs {provider.token.upper()}")
    outcome = await http_fetch(session, request.url, headers=request.headers, purpose="oembed", keep_body=True,
                               ledger=ledger)
    if outcome.error:
        return _failed(target, "oembed", outcome)
    record = oembed.parse(target.platform, target.post_id, target.url, outcome.status,
                          outcome.headers.get("content-type", ""), outcome.body)
    record = await _said_otherwise(record, outcome, session, lambda status, kind, body: oembed.parse(
        target.platform, target.post_id, target.url, status, kind, body))
    record = replace(record, fetch_ids=tuple(i for i in (outcome.fetch_id,) if i))
    if target.platform == bluesky.PLATFORM:   # a handle's 404: the handle may have moved to another account (#15)
        from resolver.fetch import atproto

        record = await atproto.under_current_account(target, record, session, ledger)
    return _waited(record, outcome)


async def _telegram(target: Target, session: Session, ledger: Ledger | None = None) -> PostRecord:
    """A public channel's post read from its widget page (Telegram has no oEmbed); a private channel's is not asked."""
    from resolver.fetch import telegram

    if telegram.is_private(target.post_id) or not telegram.is_post_id(target.post_id):
        return _not_fetched(target, telegram.PRIVATE if telegram.is_private(target.post_id) else
                            f"{target.post_id} is no public channel's post (<channel>/<n>)")
    outcome = await http_fetch(session, telegram.widget_url(target.post_id), purpose=telegram.PURPOSE,
                               keep_body=True, ledger=ledger)
    if outcome.error:
        return _failed(target, telegram.METHOD, outcome)

    def parse(status: int | None, kind: str, body: bytes) -> PostRecord:
        return telegram.read_widget(target.post_id, status, kind, body)[0]
    record = await _said_otherwise(parse(outcome.status, outcome.headers.get("content-type", ""), outcome.body),
                                   outcome, session, parse)
    return _waited(replace(record, fetch_ids=tuple(i for i in (outcome.fetch_id,) if i)), outcome)


def _replayed(session: Session, url: str) -> bool:
    """Whether this --replay run's WARCs hold an answer to GET `url`."""
    return session.replay is not None and session.replay.answers("GET", url)


async def _said_otherwise(record: PostRecord, outcome: FetchOutcome, session: Session,
                          parse: Callable[[int, str, bytes], PostRecord]) -> PostRecord:
    """A replayed answer taken from the newest of several WARC records of its request (ReplayIndex.take) says so, and
    what each other record answered, read as this one is: its file, its WARC-Date and the status it gives
    (newuser30b #1: the other record was never mentioned, so a post deleted in a later crawl read as available)."""
    import time

    from resolver.transport import replayed_body
    from resolver.warc import TORN, answered_at

    if not outcome.replay_others:
        return record
    said, whole = [], "newest"
    for other in outcome.replay_others:
        if other.truncated == TORN:   # passed over for a whole record (ReplayIndex.take): not read, said so
            whole = "newest whole"
            said.append(f"{other.file} (offset {other.offset}), WARC-Date {answered_at(other.warc_date) or 'none'}: "
                        f"not read, cut at byte {other.cut_at or 0:,} (its file ends inside it)")
            continue
        try:
            body = await replayed_body(other, max_bytes=session.settings.max_body_bytes,
                                       deadline=time.monotonic() + session.settings.deadline)
            found = parse(other.status, dict((k.lower(), v) for k, v in other.headers).get("content-type", ""), body)
            answer = found.status + (f" ({found.reason})" if found.reason else "")
        except Exception as exc:  # noqa: BLE001 - too large, badly encoded: said, never the run's end
            answer = f"not readable ({session.redactor.text(str(exc))})"
        when = answered_at(other.warc_date) or f"{other.warc_date!r} (no time)" if other.warc_date else "none"
        said.append(f"{other.file} (offset {other.offset}), WARC-Date {when}: {answer}")
    count = len(said)
    note = (f"answered by the {whole} WARC record of this request (WARC-Date {outcome.fetched_at}, the post as of the "
            f"newest crawl); {'another WARC record' if count == 1 else f'{count} other WARC records'} of this request "
            f"answered otherwise: {'; '.join(said)}")
    return replace(record, reason="; ".join(filter(None, [record.reason, note])))


def _waited(record: PostRecord, outcome: FetchOutcome) -> PostRecord:
    """An error answer that asked for a wait (a 429 longer than retry_max_wait is not retried) says until when."""
    wait = asked_to_wait(outcome) if record.status == "error" else None
    return replace(record, reason=f"{record.reason}; {wait}") if wait else record


def _not_fetched(target: Target, why: str) -> PostRecord:
    """A post no source could be asked for (no request was made): no method, and nothing to record (newuser29 #6:
    it was kept as an "oembed" observation, which a report printed as "Recorded from: oembed, <time>")."""
    return PostRecord(target.platform, target.post_id, target.url, "unknown", None, reason=f"{NOT_FETCHED}: {why}")


def not_fetched(record: PostRecord) -> bool:
    """A record of a post no source could be asked for: no method, and its reason says why."""
    return record.method is None and (record.reason or "").startswith(f"{NOT_FETCHED}: ")


def _failed(target: Target, method: str, outcome: FetchOutcome) -> PostRecord:
    return PostRecord(target.platform, target.post_id, target.url, "error", method, reason=outcome.problem,
                      fetch_ids=tuple(i for i in (outcome.fetch_id,) if i))


def _unavailable(record: PostRecord) -> bool:
    """An answer that is no answer: offline, and not in the cache."""
    return record.status == "error" and not_cached_said(record.reason) is not None


async def _settle(target: Target, records: list[PostRecord], session: Session, options: FetchOptions,
                  ledger: Ledger, recorded: set[Target] | None = None) -> FetchedPost:
    """Merge the answers, record the observation with the fetch rows behind it in one transaction (the target is
    then added to `recorded`), analyse the media. Offline non-answers are not observations."""
    from resolver.fetch import wayback

    if records and all(_unavailable(r) for r in records):
        # No method was asked and the cache had nothing: no method to name (#11: it said "cache").
        return FetchedPost(PostRecord(target.platform, target.post_id, session.redactor.page_url(target.url),
                                      "unknown", None, reason=NEVER_FETCHED), unavailable=True)
    if not records:
        records = [_not_fetched(target, "no method is configured for this platform")]
    if not _observed(records):
        return FetchedPost(_shown(records, target, session)[0])   # nothing was asked: no observation, online or offline
    copies: tuple[wayback.ArchivedCopy, ...] = ()
    looked: str | None = None
    under: tuple[str, ...] = ()
    merged = _merged(session.redactor.page_url(target.url), _shown(records, target, session))
    if _reads_captures(target, merged, options):
        handles = _capture_handles(target, merged, session.store, session.redactor)
        copies, looked = await wayback.read_captures(target.post_id, handles, session=session, ledger=ledger,
                                                     platform=target.platform, shown=target.shown)
        under = wayback.looked_under(target.post_id, handles, session.redactor, target.platform, target.shown) \
            if looked is not None else ()
    merged, copies, post_row, answered_at = _record_answers(target, records, copies, session, ledger)
    if recorded is not None:
        recorded.add(target)
    items, media_cached = await _analyse_media(merged, session, options, post_row) if options.media \
        else ((), frozenset())
    return FetchedPost(merged, items, post_row, archived=copies, archive_lookup=looked, archive_looked_under=under,
                       media_cached=media_cached, status_as_of=answered_at,
                       sources_failed=_sources_failed(merged, post_row, session.store))


def _sources_failed(record: PostRecord, post_row: int | None, store: Store | None) -> tuple[dict[str, Any], ...]:
    """The sources that ended in an error among the answers `record` was merged from (its fetch ids), beside a
    status another gave: not the archive's, nor one `[origins] only_configured` refused (not asked, said in the
    reason). None for a post whose status is itself the error, or that rests on one answer."""
    if store is None or post_row is None or record.status in ("error", "unknown") or len(record.fetch_ids) < 2:
        return ()
    rests_on = set(record.fetch_ids)
    return tuple({"method": o["method"], "reason": o.get("reason"), "fetch_id": o["fetch_id"]}
                 for o in store.observations(post_row)
                 if o["status"] == "error" and o["fetch_id"] in rests_on and o["method"] not in (WAYBACK, record.method)
                 and not refused_by_config(o.get("reason")))


def _observed(records: list[PostRecord]) -> bool:
    """Whether the answers are an observation to record: some source was asked (online, or answered offline)."""
    return bool(records) and not all(_unavailable(r) for r in records) and not all(not_fetched(r) for r in records)


def _shown(records: list[PostRecord], target: Target, session: Session) -> list[PostRecord]:
    """The answers with the post's URL as kept and printed: a configured secret the page wrote into it redacted
    (secrets28: a gone post's URL, its handle a token, was kept and printed in full); the post was asked for at
    the real one."""
    shown = session.redactor.page_url(target.url)
    return [replace(r, url=shown) if r.url == target.url else r for r in records] if shown != target.url else records


def _record_answers(target: Target, records: list[PostRecord], copies: tuple[wayback.ArchivedCopy, ...],
                    session: Session, ledger: Ledger
                    ) -> tuple[PostRecord, tuple[wayback.ArchivedCopy, ...], int | None, str | None]:
    """Record the post's observation with the fetch rows behind it (held in `ledger`) in one transaction: the
    answers merged, the copies, the post's row id (None with no store) and the time of the answers its status rests
    on (None: not known)."""
    from resolver.fetch import wayback

    shown = session.redactor.page_url(target.url)
    records = _shown(records, target, session)
    merged = _merged(shown, records)
    default = ledger.observed_at(), ledger.answered_at_unknown()
    # the post's time is its sources' answers', not its captures' (left31); each observation its own record's
    observed_at, unknown = ledger.time_of([i for r in records for i in r.fetch_ids], default=default)
    # its status's: the answer it was read from (its source's: asof34, not a later one agreeing), as Store.VIEW_AT
    # reads the view (review33r5: a replayed 503 crawled after the 404 the status rests on gave it the failure's time)
    said = [i for r in records if r.status not in ("error", "unknown") and r.method == merged.method
            for i in r.fetch_ids]
    as_of = ledger.time_of(said, default=default)[0] if said and merged.status not in ("error", "unknown") \
        else observed_at
    store = session.store
    if store is None:
        return merged, copies, None, as_of
    times = [ledger.time_of(r.fetch_ids, default=default) for r in records + [c.record for c in copies]]
    with ledger.transaction(store) as real:
        records = [replace(r, fetch_ids=tuple(i for i in map(real, r.fetch_ids) if i is not None),
                           versions=tuple(replace(v, fetch_id=real(v.fetch_id)) for v in r.versions))
                   for r in records]
        copies = tuple(wayback.with_real_ids(c, real) for c in copies)
        merged = _merged(shown, records)
        post_row = store.record_observation(
            {"platform": target.platform, "post_id": target.post_id, **_columns(merged), "record": merged.to_json()},
            [{"method": r.method, "status": observation_status(r), "reason": r.reason,
              "fetch_id": r.fetch_ids[-1] if r.fetch_ids else None, "record": json.dumps(r.to_json()),
              "observed_at": when, "answered_at_unknown": why}
             for r, (when, why) in zip(records + [c.record for c in copies], times)],
            observed_at=observed_at, answered_at_unknown=unknown)
    return merged, copies, post_row, as_of


def _merged(url: str, records: list[PostRecord]) -> PostRecord:
    merged = merge(records)
    if merged.author_handle is None:
        merged = replace(merged, url=url)   # a tombstone names no author: keep the URL the article gave
    return merged


def record_copies(post: FetchedPost, copies: tuple[wayback.ArchivedCopy, ...], session: Session,
                  ledger: Ledger) -> tuple[wayback.ArchivedCopy, ...]:
    """Record archived copies read outside a fetch (identification) as the post's wayback observations, in one
    transaction with the captures' fetch rows held in `ledger`; the copies are returned with those rows' ids. A
    capture read that gave no copy (Wayback has no such capture, or no answer came) produced no fact to wait for:
    its row is written all the same, alone when nothing else is, the record that it was asked."""
    from resolver.fetch import wayback

    store = session.store
    if store is None or not (ledger.rows or copies):
        return copies
    default = ledger.observed_at(), ledger.answered_at_unknown()
    times = [ledger.time_of((c.fetch_id,), default=default) for c in copies]   # each at its own record's time
    with ledger.transaction(store) as real:
        copies = tuple(wayback.with_real_ids(c, real) for c in copies)
        if post.post_row is not None and copies:
            # the archive's observations at the lookup's time; the post's status and its time stay its source's
            store.add_observations(
                post.post_row,
                [{"method": c.record.method, "status": observation_status(c.record), "reason": c.record.reason,
                  "fetch_id": c.fetch_id, "record": json.dumps(c.record.to_json()), "observed_at": when,
                  "answered_at_unknown": why} for c, (when, why) in zip(copies, times)],
                observed_at=default[0], answered_at_unknown=default[1])
    return copies


def _handle_in(url: str, platform: str = "twitter") -> str | None:
    """The handle a post's link names (an X post's, a Mastodon post's user@instance, a Bluesky post's handle or
    DID, a TikTok video's @user), or None."""
    from resolver.platforms import bluesky, mastodon, tiktok, x

    ref = mastodon.parse(url) if platform == mastodon.PLATFORM else bluesky.parse(url) \
        if platform == bluesky.PLATFORM else tiktok.parse(url) if platform == tiktok.PLATFORM else x.parse_url(url)
    return ref.author_handle if ref is not None else None


def _columns(record: PostRecord) -> dict[str, Any]:
    return {k: getattr(record, k) for k in ("url", "status", "method", "author_handle", "author_name", "author_id",
                                            "text", "lang", "created_at")}


def media_urls(record: PostRecord, *, download_video: bool = False) -> list[str]:
    """What to download for a record: photos and thumbnails, video posters; video files only when asked."""
    urls = []
    for item in record.media:
        if item.type in ("video", "animated_gif"):
            if item.preview_url:
                urls.append(item.preview_url)
            if download_video:
                best = max((v for v in item.variants if v.get("content_type") == "video/mp4"),
                           key=lambda v: v.get("bitrate") or 0, default=None)
                if best:
                    urls.append(best["url"])
        elif item.url:
            urls.append(item.url)
    return list(dict.fromkeys(urls))


async def _analyse_media(record: PostRecord, session: Session, options: FetchOptions,
                         post_row: int | None) -> tuple[tuple[dict[str, Any], ...], frozenset[str]]:
    """Each media item with its file's facts, downloaded now or the cache's (`media_file`), and the URLs whose facts
    were the cache's."""
    files = {url: await media_file(url, session=session, keep_dir=options.keep_media_dir, cached=options.cached)
             if not session.redaction_made(url, record.fetch_ids) else MediaFile(url, error=URL_NOT_KNOWN)   # secrets29
             for url in media_urls(record, download_video=options.download_video)}
    if session.store is not None and post_row is not None:
        session.store.link_post_media(post_row, [f.media_id for f in files.values() if f.media_id])
    items = tuple(_media_json(item, files.get(item.url) or files.get(item.preview_url or "")) for item in record.media)
    return items, frozenset(url for url, found in files.items() if found.from_cache)


async def media_file(url: str, *, session: Session, keep_dir: Path | None = None, cached: bool = True,
                     real_url: str | None = None) -> MediaFile:
    """What the cache knows of a media URL (unless --refresh, or `cached` is off online: offline nothing is downloaded
    afresh, and `archive --offline` said a credited image it had downloaded was "never fetched": review37b; then only
    this run's own download, `_downloaded_this_run`), else what downloading it now gives. `real_url`: where `url` is a redacted one (a configured secret out of it), the URL to
    download."""
    taken = (cached or session.offline) and not session.refresh
    known = session.store.media_by_url(url) if session.store is not None else None
    if known is not None and (not _download_again(known, session) if taken else _downloaded_this_run(known, session)):
        return replace(MediaFile.from_row(known), from_cache=True)
    if session.cache_only:   # outside the event loop: no flight to wait for, nothing to download
        raise NotCached(url)
    # One download a file a run (#13): two articles at once (a post's photo being repaired by one while another
    # settling the post downloads it, or one image credited by both) each downloaded it (race42).
    return await session.in_flight.once(("media", url, real_url, keep_dir),
                                        partial(analyse_url, url, session=session, keep_dir=keep_dir,
                                                real_url=real_url))


def _downloaded_this_run(row: dict[str, Any], session: Session) -> bool:
    """Whether a media row is this run's own download, which a run that takes no cached file (--refresh, `archive`)
    reuses: one download a file a run, whatever the order of the articles crediting it (race42 made it one for
    articles at the same moment; one after the other, each downloaded it again). Its facts cite that one fetch, made
    in this run (and written to its WARC file, for `archive`). A replayed download is dated by its WARC record, before
    the run: read from the WARC again, as before."""
    fetched, began, store = row.get("fetched_at") or "", session.started_at, session.store
    if began is None or store is None or row.get("fetch_id") is None or fetched < began \
            or not session.takes_cached([row["fetch_id"]], ageless=row.get("sha256") is not None):
        return False
    if session.warc is None:
        return True
    # an exhibit's run: only a download its own WARC file holds (another process on the same cache may have made one
    # since this run began, in its own file)
    fetch = store.fetch(row["fetch_id"])
    here = store.warc_file_here(fetch["warc_file"]) if fetch is not None and fetch.get("warc_file") else None
    return here is not None and str(here) == session.warc.recorded


async def analyse_url(url: str, *, session: Session, keep_dir: Path | None = None,
                      real_url: str | None = None) -> MediaFile:
    """Download one media URL under the media byte cap and record what the file is and what credits it carries,
    under `url`; `real_url`, when given, is the one asked for (`url` with a configured secret redacted: #11)."""
    from resolver.fetch import media as media_facts

    if session.cache_only:
        raise NotCached(url)
    ledger = Ledger()
    with ledger.kept(session.store):   # cancelled between two attempts: the first one's row is written alone
        outcome = await http_fetch(session, real_url or url, purpose="media",
                                   max_bytes=session.settings.max_media_bytes, ledger=ledger)
    if outcome.unavailable:
        return MediaFile(url, error=MEDIA_NEVER_FETCHED, unavailable=True)
    unknown = outcome.answered_at_unknown   # no time: the fetch row's is the replay's own, no download time
    fetched_at = None if unknown else outcome.fetched_at
    if outcome.problem or outcome.status != 200:
        found = MediaFile(url, fetched_at, outcome.fetch_id, error=outcome.problem or f"HTTP {outcome.status}",
                          answered_at_unknown=unknown)
    else:
        facts = media_facts.analyse(outcome.body, declared_mime=outcome.headers.get("content-type"),
                                    max_pixels=session.settings.max_image_pixels)
        kept = _keep(outcome.body, facts.sha256, keep_dir) if keep_dir is not None else None
        found = MediaFile(url, fetched_at, outcome.fetch_id, **(facts.to_json() | {
            "warnings": tuple(facts.warnings)}), kept_path=kept, answered_at_unknown=unknown)
    store = session.store
    if store is not None:
        with ledger.transaction(store) as real:   # the fetch row and the facts it gave, together
            found = replace(found, fetch_id=real(found.fetch_id))
            found = replace(found, media_id=store.record_media(found.row()))
    return found


def _keep(body: bytes, sha256: str, keep_dir: Path) -> str:
    path = keep_dir / sha256[:2] / sha256
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_bytes(body)
    return str(path)


def _media_rows(record: PostRecord, media_row: Callable[[str], dict[str, Any] | None]) -> tuple[dict[str, Any], ...]:
    def known(url: str | None) -> MediaFile | None:
        row = media_row(url) if url else None
        return MediaFile.from_row(row) if row is not None else None
    return tuple(_media_json(item, known(item.url) or known(item.preview_url)) for item in record.media)


def _media_json(item: Media, facts: MediaFile | None) -> dict[str, Any]:
    data = item.to_json()
    data["variants"] = list(item.variants)
    data.update({k: getattr(facts, k) if facts else None for k in ("mime", "bytes", "sha256", "phash", "error")})
    data["width"] = data["width"] or (facts.width if facts else None)
    data["height"] = data["height"] or (facts.height if facts else None)
    data["credit"] = facts.credit if facts else {}
    data["warnings"] = list(facts.warnings) if facts else []
    data["c2pa"] = None if facts and facts.c2pa is None and facts.sha256 else bool(facts and facts.c2pa)
    return data
