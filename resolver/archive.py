"""The Wayback Machine: look up snapshots (availability API, CDX), save what has none recent (Save Page Now 2),
and identify a flattened tweet with no link from its handle, date and text.

Formats as in shared/reference/wayback: availability `status` is a string; CDX `output=json` starts with a
header row; a blocked site is a 403 with the reason in X-Archive-Wayback-Runtime-Error; SPN2 answers a POST
/save with a job id (or `job_id: null` when a recent capture exists) and /save/status/<job> with pending,
success or error (`status_ext`).
"""

from __future__ import annotations

import asyncio
import difflib
import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from resolver.http import FetchOutcome, fetch
from resolver.platforms import x
from resolver.settings import Settings

if TYPE_CHECKING:
    from cache import Store
    from resolver.session import Session

AVAILABILITY = "https://archive.org/wayback/available"
CDX = "https://web.archive.org/cdx/search/cdx"
SAVE = "https://web.archive.org/save"
WEB = "https://web.archive.org/web"
CDX_FIELDS = "urlkey,timestamp,original,mimetype,statuscode,digest,length"
NO_KEYS = "no Internet Archive keys (IA_ACCESS_KEY, IA_SECRET_KEY): not saved"


@dataclass(frozen=True)
class Snapshot:
    service: str
    url: str
    timestamp: str
    original: str
    status: str | None = None
    digest: str | None = None
    mimetype: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"service": self.service, "url": self.url, "timestamp": self.timestamp, "status": self.status,
                "original": self.original, "digest": self.digest}


@dataclass(frozen=True)
class Lookup:
    url: str
    snapshots: tuple[Snapshot, ...] = ()
    closest: Snapshot | None = None
    error: str | None = None
    unavailable: bool = False         # offline: nothing was asked

    @property
    def earliest(self) -> Snapshot | None:
        return min(self.snapshots, key=lambda s: s.timestamp, default=None)

    @property
    def latest(self) -> Snapshot | None:
        return max(self.snapshots, key=lambda s: s.timestamp, default=None)


def snapshot_url(timestamp: str, original: str) -> str:
    return f"{WEB}/{timestamp}/{original}"


def parse_availability(body: bytes) -> Snapshot | None:
    """The closest snapshot of an availability answer, or None ({"archived_snapshots": {}})."""
    data = json.loads(body)
    closest = (data.get("archived_snapshots") or {}).get("closest") or {}
    if not closest.get("available") or not closest.get("url"):
        return None
    original = re.sub(r"^https?://web\.archive\.org/web/\d+/", "", closest["url"])
    return Snapshot("wayback", closest["url"].replace("http://web.archive.org", "https://web.archive.org"),
                    str(closest.get("timestamp")), original, str(closest.get("status")) if closest.get("status") else None)


def parse_cdx(body: bytes) -> list[Snapshot]:
    """CDX output=json: a header row of field names, then one row per capture."""
    text = body.decode("utf-8", "replace").strip()
    if not text:
        return []
    rows = json.loads(text)
    if not rows:
        return []
    header = rows[0]
    found = []
    for row in rows[1:]:
        item = dict(zip(header, row, strict=False))
        if not item.get("timestamp") or not item.get("original"):
            continue
        found.append(Snapshot("wayback", snapshot_url(item["timestamp"], item["original"]), item["timestamp"],
                              item["original"], item.get("statuscode"), item.get("digest"), item.get("mimetype")))
    return found


def _cdx_error(outcome: FetchOutcome) -> str | None:
    if outcome.problem:
        return outcome.problem
    if outcome.status == 403:
        reason = outcome.headers.get("x-archive-wayback-runtime-error") or outcome.body.decode("utf-8", "replace")
        return f"blocked: {reason.strip().rsplit(': ', 1)[-1]}"
    if outcome.status != 200:
        return f"cdx: HTTP {outcome.status}"
    return None


async def lookup(url: str, *, session: Session, near: str | None = None) -> Lookup:
    """Every capture CDX lists for a URL (earliest, latest, count), and the one closest to `near` (YYYYMMDD...)."""
    store = session.store
    query = urlencode({"url": url, "output": "json", "fl": CDX_FIELDS, "limit": "10000"})
    cdx = await fetch(session, f"{CDX}?{query}", purpose="wayback-cdx", keep_body=True)
    error = _cdx_error(cdx)
    snapshots: list[Snapshot] = []
    if error is None:
        try:
            snapshots = parse_cdx(cdx.body)
        except (ValueError, TypeError) as exc:
            error = f"cdx: malformed answer: {exc}"
    params = {"url": url, **({"timestamp": near} if near else {})}
    available = await fetch(session, f"{AVAILABILITY}?{urlencode(params)}", purpose="wayback-available",
                            keep_body=True)
    closest = None
    if available.status == 200:
        try:
            closest = parse_availability(available.body)
        except (ValueError, AttributeError):
            closest = None
    if store is not None:
        _record_snapshots(store, snapshots, "cdx", cdx.fetch_id)
        if closest is not None:
            _record_snapshots(store, [closest], "availability", available.fetch_id)
    if closest is None and near and snapshots:
        closest = min(snapshots, key=lambda s: abs(int(s.timestamp[:14].ljust(14, "0")) - int(near.ljust(14, "0"))))
    return Lookup(url, tuple(snapshots), closest, error, unavailable=cdx.unavailable)


def _record_snapshots(store: Store, snapshots: list[Snapshot], found_via: str, fetch_id: int | None) -> None:
    from cache import utc_now

    store.record_snapshots([{"service": s.service, "original": s.original, "url": s.url, "timestamp": s.timestamp,
                             "status": s.status, "digest": s.digest, "mimetype": s.mimetype, "found_via": found_via,
                             "observed_at": utc_now(), "fetch_id": fetch_id} for s in snapshots])


def recent(lookup_result: Lookup, max_age_days: float) -> bool:
    """Is the latest capture within max_age_days of now?"""
    latest = lookup_result.latest or lookup_result.closest
    if latest is None:
        return False
    taken = datetime.strptime(latest.timestamp[:14].ljust(14, "0"), "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
    return datetime.now(timezone.utc) - taken <= timedelta(days=max_age_days)


# -- Save Page Now 2 ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SaveResult:
    url: str
    status: str                       # "success" | "pending" | "error" | "recent" | "gave_up" | "no-keys"
    job_id: str | None = None
    snapshot_url: str | None = None
    timestamp: str | None = None
    status_ext: str | None = None
    message: str | None = None
    unavailable: bool = False         # offline: nothing was submitted

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> SaveResult:
        """A row of the cache's saves queue."""
        return cls(row["url"], row["status"], row["job_id"], row["snapshot_url"], row["timestamp"], row["status_ext"],
                   row["message"])

    def to_json(self) -> dict[str, Any]:
        return {"job_id": self.job_id, "status": self.status, "snapshot_url": self.snapshot_url,
                "timestamp": self.timestamp, "status_ext": self.status_ext, "message": self.message}


def _auth(settings: Settings) -> dict[str, str] | None:
    if not (settings.ia_access_key and settings.ia_secret_key):
        return None
    return {"Accept": "application/json", "Authorization": f"LOW {settings.ia_access_key}:{settings.ia_secret_key}"}


async def save(url: str, *, session: Session, poll_every: float = 2.0) -> SaveResult:
    """Submit one capture and poll its job until success, error or save_timeout. Never reports a give-up as done."""
    headers = _auth(session.settings)
    if headers is None:
        return SaveResult(url, "no-keys", message=NO_KEYS)
    submitted = await fetch(session, SAVE, method="POST", purpose="wayback-save", headers=headers,
                            data={"url": url, "skip_first_archive": "1"}, keep_body=True)
    if submitted.problem or submitted.status != 200:
        reason = submitted.problem or f"HTTP {submitted.status}"
        return SaveResult(url, "pending" if submitted.status == 429 or submitted.error else "error", message=reason,
                          unavailable=submitted.unavailable)
    try:
        answer = json.loads(submitted.body)
    except ValueError:
        return SaveResult(url, "error", message="Save Page Now answered something that is not JSON")
    if answer.get("status") == "error":
        return SaveResult(url, "error", status_ext=answer.get("status_ext"), message=answer.get("message"))
    job_id = answer.get("job_id")
    if not job_id:
        return SaveResult(url, "recent", message=answer.get("message"))
    return await _poll(url, job_id, session=session, headers=headers, every=poll_every)


async def _poll(url: str, job_id: str, *, session: Session, headers: dict[str, str], every: float) -> SaveResult:
    settings = session.settings
    loop = asyncio.get_running_loop()
    deadline = loop.time() + settings.save_timeout
    wait = every
    while True:
        status = await fetch(session, f"{SAVE}/status/{job_id}", purpose="wayback-save", headers=headers,
                             keep_body=True)
        if status.status == 200:
            try:
                answer = json.loads(status.body)
            except ValueError:
                answer = {}
            if answer.get("status") == "success":
                timestamp, original = answer.get("timestamp"), answer.get("original_url") or url
                return SaveResult(url, "success", job_id, snapshot_url(timestamp, original), timestamp)
            if answer.get("status") == "error":
                return SaveResult(url, "error", job_id, status_ext=answer.get("status_ext"), message=answer.get("message"))
        if loop.time() + wait > deadline:
            return SaveResult(url, "gave_up", job_id, message=f"job still pending after {settings.save_timeout:g}s")
        await asyncio.sleep(wait)
        wait = min(wait * 2, 30.0)


async def process_queue(*, session: Session, poll_every: float = 2.0) -> list[SaveResult]:
    """Work through the pending saves in the cache (this run's and any an earlier run left), oldest first.
    A save an offline run could not submit stays in the queue as it was."""
    store = session.store
    if store is None:
        return []
    results = []
    for row in store.pending_saves():
        result = await save(row["url"], session=session, poll_every=poll_every)
        if not result.unavailable:
            store.update_save(row["id"], result.to_json() | {"status": result.status})
        results.append(result)
    return results


# -- archiving a list of URLs -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ArchiveOptions:
    save: bool = False
    max_age_days: float = 30.0
    near: str | None = None           # YYYYMMDD: prefer the snapshot closest to this day
    poll_every: float = 2.0
    live_copy: bool = True            # also fetch each URL itself (into the WARC, when one is open)


@dataclass(frozen=True)
class ArchivedUrl:
    """One URL archived: its snapshots, what a save did, and where its live copy is in the WARC."""

    url: str
    lookup: Lookup
    saved: SaveResult | None = None
    live_status: int | None = None
    warc: tuple[str, int] | None = None   # (file, offset) of the live copy's response record

    @property
    def error(self) -> str | None:
        return self.lookup.error

    @property
    def unavailable(self) -> bool:
        return self.lookup.unavailable

    def to_json(self) -> dict[str, Any]:
        found = self.lookup

        def snapshot(s: Snapshot | None) -> dict[str, Any] | None:
            return s.to_json() if s else None
        return {"url": self.url, "snapshots": [s.to_json() for s in found.snapshots], "count": len(found.snapshots),
                "earliest": snapshot(found.earliest), "latest": snapshot(found.latest),
                "closest": snapshot(found.closest), "error": found.error,
                "saved": self.saved.to_json() if self.saved else None,
                "warc": {"file": self.warc[0], "offset": self.warc[1]} if self.warc else None,
                "live_status": self.live_status}


async def archive_urls(urls: list[str], *, session: Session, options: ArchiveOptions = ArchiveOptions(),
                       near: dict[str, str] | None = None) -> list[ArchivedUrl]:
    """For each URL: a live copy (into the WARC when one is open), its snapshots, and a save when none is recent."""
    found = [await _archive_one(url, session, options, (near or {}).get(url) or options.near)
             for url in dict.fromkeys(urls)]
    if not options.save:
        return found
    saved = await _saves([a.url for a in found], session, options.poll_every)
    return [replace(a, saved=saved.get(a.url)) for a in found]


async def _archive_one(url: str, session: Session, options: ArchiveOptions, near: str | None) -> ArchivedUrl:
    live = await fetch(session, url, purpose="archive-live") if options.live_copy else None
    found = await lookup(url, session=session, near=near)
    # A lookup that could not be made (offline) says nothing of how recent the captures are: queue nothing.
    if options.save and session.store is not None and not found.unavailable and not recent(found, options.max_age_days):
        session.store.queue_save(url)
    warc = (live.warc_file, live.warc_offset) if live and live.warc_file and live.warc_offset is not None else None
    return ArchivedUrl(url, found, live_status=live.status if live else None, warc=warc)


async def _saves(urls: list[str], session: Session, poll_every: float) -> dict[str, SaveResult]:
    """Work through the save queue, then what became of each URL's latest save."""
    if _auth(session.settings) is None:
        return {url: SaveResult(url, "no-keys", message=NO_KEYS) for url in urls}
    store = session.store
    if store is None:
        return {}
    await process_queue(session=session, poll_every=poll_every)
    rows = {url: store.latest_save(url) for url in urls}
    return {url: SaveResult.from_row(row) for url, row in rows.items() if row is not None}


# -- identifying a remnant with no link ------------------------------------------------------------------------

def id_range(day: str, *, slack_days: int = 1) -> tuple[int, int]:
    """The snowflake ids a post made on `day` (UTC, ISO date) can have, widened by slack_days for time zones."""
    start = datetime.combine(date.fromisoformat(day) - timedelta(days=slack_days), datetime.min.time(), timezone.utc)
    end = start + timedelta(days=1 + 2 * slack_days)

    def to_id(moment: datetime) -> int:
        return (int(moment.timestamp() * 1000) - x.TWITTER_EPOCH_MS) << 22

    return to_id(start), to_id(end) - 1


def normalise_text(text: str) -> str:
    text = re.sub(r"(?:https?://)?(?:pic\.twitter\.com|t\.co)/\S+", " ", text or "")
    return " ".join(re.sub(r"[^\w@#]+", " ", text.casefold()).split())


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, normalise_text(a), normalise_text(b)).ratio()


@dataclass(frozen=True)
class Identification:
    """Which post a flattened tweet is, how sure, and why."""

    post_id: str | None
    confidence: float
    candidates: int
    similarity: float | None
    evidence: dict[str, Any]
    unavailable: bool = False         # offline: the archive was not asked

    def to_json(self) -> dict[str, Any]:
        return {"platform": "twitter", "post_id": self.post_id, "confidence": self.confidence,
                "candidates": self.candidates, "similarity": self.similarity, "evidence": self.evidence}


async def identify(handle: str, day: str, text: str, *, session: Session, max_candidates: int = 25) -> Identification:
    """Find the id of a flattened tweet: captures under twitter.com/<handle>/status/, ids within the day, text match."""
    from resolver.fetch import FetchOptions, Target, fetch_posts

    low, high = id_range(day)
    query = urlencode({"url": f"twitter.com/{handle}/status/", "matchType": "prefix", "output": "json",
                       "fl": CDX_FIELDS, "collapse": "urlkey", "limit": "10000"})
    outcome = await fetch(session, f"{CDX}?{query}", purpose="wayback-cdx", keep_body=True)
    error = _cdx_error(outcome)
    if error:
        return Identification(None, 0.0, 0, None, {"error": error}, unavailable=outcome.unavailable)
    ids = []
    for snap in parse_cdx(outcome.body):
        ref = x.parse_url(snap.original)
        if ref is not None and ref.post_id and low <= int(ref.post_id) <= high:
            ids.append(ref.post_id)
    ids = list(dict.fromkeys(ids))[:max_candidates]
    if not ids:
        return Identification(None, 0.0, 0, None, {"window": [str(low), str(high)], "reason": "no capture in the window"})
    posts = await fetch_posts([Target("twitter", i, x.status_url(i, handle)) for i in ids], session=session,
                              options=FetchOptions(media=False))
    scored = sorted(((similarity(text, p.record.text or ""), p.record.post_id) for p in posts), reverse=True)
    best, best_id = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    confidence = round(best * (1.0 if best - runner_up >= 0.2 else 0.5 + (best - runner_up) * 2.5), 3)
    return Identification(best_id if best >= 0.5 else None, confidence if best >= 0.5 else 0.0, len(ids), round(best, 3),
                          {"window": [str(low), str(high)], "scores": {i: round(s, 3) for s, i in scored}})
