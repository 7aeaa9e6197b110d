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
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlencode

from resolver.http import fetch
from resolver.platforms import x
from resolver.settings import Settings

AVAILABILITY = "https://archive.org/wayback/available"
CDX = "https://web.archive.org/cdx/search/cdx"
SAVE = "https://web.archive.org/save"
WEB = "https://web.archive.org/web"
CDX_FIELDS = "urlkey,timestamp,original,mimetype,statuscode,digest,length"


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
    snapshots: list[Snapshot] = field(default_factory=list)
    closest: Snapshot | None = None
    error: str | None = None

    @property
    def earliest(self) -> Snapshot | None:
        return min(self.snapshots, key=lambda s: s.timestamp, default=None)

    @property
    def latest(self) -> Snapshot | None:
        return max(self.snapshots, key=lambda s: s.timestamp, default=None)


def snapshot_url(timestamp: str, original: str) -> str:
    return f"{WEB}/{timestamp}/{original}"


def parse_availability(body: bytes) -> Snapshot | None:
    """The closest snapshot of an availability answer, or None ({"archived_snapshots": {}}). ValueError when the
    body is not such an answer."""
    data = json.loads(body)
    snapshots = data.get("archived_snapshots") if isinstance(data, dict) else None
    closest = (snapshots.get("closest") if isinstance(snapshots, dict) else None) or {}
    if not isinstance(closest, dict) or not closest.get("available") or not isinstance(closest.get("url"), str):
        return None
    original = re.sub(r"^https?://web\.archive\.org/web/\d+/", "", closest["url"])
    status = str(closest.get("status")) if closest.get("status") else None
    return Snapshot("wayback", closest["url"].replace("http://web.archive.org", "https://web.archive.org"),
                    str(closest.get("timestamp")), original, status)


def parse_cdx(body: bytes) -> list[Snapshot]:
    """CDX output=json: a header row of field names, then one row per capture. ValueError when the body is not that
    (fuzzing found other JSON raising TypeError, KeyError and AttributeError, #12)."""
    text = body.decode("utf-8", "replace").strip()
    if not text:
        return []
    rows = json.loads(text)
    if not rows:
        return []
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise ValueError("CDX answer is not a JSON list of rows")
    header = [str(name) for name in rows[0]]
    found = []
    for row in rows[1:]:
        item = dict(zip(header, row, strict=False))
        if not isinstance(item.get("timestamp"), str) or not isinstance(item.get("original"), str):
            continue
        found.append(Snapshot("wayback", snapshot_url(item["timestamp"], item["original"]), item["timestamp"],
                              item["original"], item.get("statuscode"), item.get("digest"), item.get("mimetype")))
    return found


def _cdx_error(outcome: Any) -> str | None:
    if outcome.error:
        return f"{outcome.error_kind}: {outcome.error}"
    if outcome.status == 403:
        reason = outcome.headers.get("x-archive-wayback-runtime-error") or outcome.body.decode("utf-8", "replace")
        return f"blocked: {reason.strip().rsplit(': ', 1)[-1]}"
    if outcome.status != 200:
        return f"cdx: HTTP {outcome.status}"
    return None


async def lookup(url: str, *, client: Any, settings: Settings, store: Any | None, near: str | None = None) -> Lookup:
    """Every capture CDX lists for a URL (earliest, latest, count), and the one closest to `near` (YYYYMMDD...)."""
    query = urlencode({"url": url, "output": "json", "fl": CDX_FIELDS, "limit": "10000"})
    cdx = await fetch(client, f"{CDX}?{query}", settings=settings, store=store, purpose="wayback-cdx", keep_body=True)
    error = _cdx_error(cdx)
    snapshots: list[Snapshot] = []
    if error is None:
        try:
            snapshots = parse_cdx(cdx.body)
        except (ValueError, TypeError) as exc:
            error = f"cdx: malformed answer: {exc}"
    params = {"url": url, **({"timestamp": near} if near else {})}
    available = await fetch(client, f"{AVAILABILITY}?{urlencode(params)}", settings=settings, store=store,
                            purpose="wayback-available", keep_body=True)
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
    return Lookup(url, snapshots, closest, error)


def _record_snapshots(store: Any, snapshots: list[Snapshot], found_via: str, fetch_id: int | None) -> None:
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

    def to_json(self) -> dict[str, Any]:
        return {"job_id": self.job_id, "status": self.status, "snapshot_url": self.snapshot_url,
                "timestamp": self.timestamp, "status_ext": self.status_ext, "message": self.message}


def _auth(settings: Settings) -> dict[str, str] | None:
    if not (settings.ia_access_key and settings.ia_secret_key):
        return None
    return {"Accept": "application/json", "Authorization": f"LOW {settings.ia_access_key}:{settings.ia_secret_key}"}


async def save(url: str, *, client: Any, settings: Settings, store: Any | None, poll_every: float = 2.0) -> SaveResult:
    """Submit one capture and poll its job until success, error or save_timeout. Never reports a give-up as done."""
    headers = _auth(settings)
    if headers is None:
        return SaveResult(url, "no-keys", message="no Internet Archive keys (IA_ACCESS_KEY, IA_SECRET_KEY): not saved")
    submitted = await fetch(client, SAVE, settings=settings, store=store, method="POST", purpose="wayback-save",
                            headers=headers, data={"url": url, "skip_first_archive": "1"}, keep_body=True)
    if submitted.error or submitted.status != 200:
        reason = f"{submitted.error_kind}: {submitted.error}" if submitted.error else f"HTTP {submitted.status}"
        return SaveResult(url, "pending" if submitted.status == 429 or submitted.error else "error", message=reason)
    try:
        answer = json.loads(submitted.body)
    except ValueError:
        return SaveResult(url, "error", message="Save Page Now answered something that is not JSON")
    if answer.get("status") == "error":
        return SaveResult(url, "error", status_ext=answer.get("status_ext"), message=answer.get("message"))
    job_id = answer.get("job_id")
    if not job_id:
        return SaveResult(url, "recent", message=answer.get("message"))
    return await _poll(url, job_id, client=client, settings=settings, store=store, headers=headers, every=poll_every)


async def _poll(url: str, job_id: str, *, client: Any, settings: Settings, store: Any | None,
                headers: dict[str, str], every: float) -> SaveResult:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + settings.save_timeout
    wait = every
    while True:
        status = await fetch(client, f"{SAVE}/status/{job_id}", settings=settings, store=store, purpose="wayback-save",
                             headers=headers, keep_body=True)
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


async def process_queue(*, client: Any, settings: Settings, store: Any, poll_every: float = 2.0) -> list[SaveResult]:
    """Work through the pending saves in the cache (this run's and any an earlier run left), oldest first."""
    results = []
    for row in store.pending_saves():
        result = await save(row["url"], client=client, settings=settings, store=store, poll_every=poll_every)
        store.update_save(row["id"], result.to_json() | {"status": result.status})
        results.append(result)
    return results


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
    post_id: str | None
    confidence: float
    candidates: int
    similarity: float | None
    evidence: dict[str, Any]


async def identify(handle: str, day: str, text: str, *, client: Any, settings: Settings, store: Any | None,
                   max_candidates: int = 25) -> Identification:
    """Find the id of a flattened tweet: captures under twitter.com/<handle>/status/, ids within the day, text match."""
    from resolver.fetch import FetchOptions, Target, fetch_posts

    low, high = id_range(day)
    query = urlencode({"url": f"twitter.com/{handle}/status/", "matchType": "prefix", "output": "json",
                       "fl": CDX_FIELDS, "collapse": "urlkey", "limit": "10000"})
    outcome = await fetch(client, f"{CDX}?{query}", settings=settings, store=store, purpose="wayback-cdx",
                          keep_body=True)
    error = _cdx_error(outcome)
    if error:
        return Identification(None, 0.0, 0, None, {"error": error})
    try:
        snapshots = parse_cdx(outcome.body)
    except ValueError as exc:
        return Identification(None, 0.0, 0, None, {"error": f"cdx: {exc}"})
    ids = []
    for snap in snapshots:
        ref = x.parse_url(snap.original)
        if ref is not None and ref.post_id and low <= int(ref.post_id) <= high:
            ids.append(ref.post_id)
    ids = list(dict.fromkeys(ids))[:max_candidates]
    if not ids:
        return Identification(None, 0.0, 0, None, {"window": [str(low), str(high)], "reason": "no capture in the window"})
    posts = await fetch_posts([Target("twitter", i, x.status_url(i, handle)) for i in ids], client=client,
                              settings=settings, store=store, options=FetchOptions(media=False))
    scored = sorted(((similarity(text, p.record.text or ""), p.record.post_id) for p in posts), reverse=True)
    best, best_id = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    confidence = round(best * (1.0 if best - runner_up >= 0.2 else 0.5 + (best - runner_up) * 2.5), 3)
    return Identification(best_id if best >= 0.5 else None, confidence if best >= 0.5 else 0.0, len(ids), round(best, 3),
                          {"window": [str(low), str(high)], "scores": {i: round(s, 3) for s, i in scored}})
