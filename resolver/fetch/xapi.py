"""X posts from the X API v2 through tweepy, when a bearer token is configured.

tweepy talks through `requests`; a transport adapter mounted on its session applies the [origins] overrides,
checks the target with the SSRF guard, and writes every request to the fetch log (raw body kept, headers
redacted). The token travels only in the Authorization header, which is never recorded.

Until this path moves onto the one HTTP layer (resolver.http), the adapter takes the run's settings, store, WARC
writer, replay index and mode from its session; offline, lookup() answers "not cached" and builds no client.
"""

from __future__ import annotations

import json
import logging
import socket
import time
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from resolver.fetch.records import Media, PostRecord
from resolver.fetch.syndication import iso_utc
from resolver.http import NOT_CACHED
from resolver.platforms.x import status_url

if TYPE_CHECKING:
    from resolver.session import Session

METHOD = "x-api"
BASE = "https://api.twitter.com"
BATCH = 100
EXPANSIONS = ["author_id", "attachments.media_keys", "referenced_tweets.id"]
TWEET_FIELDS = ["attachments", "author_id", "created_at", "entities", "lang", "referenced_tweets", "withheld",
                "conversation_id", "edit_history_tweet_ids", "possibly_sensitive"]
USER_FIELDS = ["id", "name", "username", "protected", "verified", "withheld", "created_at"]
MEDIA_FIELDS = ["media_key", "type", "url", "preview_image_url", "width", "height", "alt_text", "variants",
                "duration_ms"]


def _adapter_class() -> Any:
    import requests

    class RecordingAdapter(requests.adapters.HTTPAdapter):
        """Origin overrides, the guard, a default timeout, and the fetch log, for every request tweepy makes."""

        def __init__(self, session: Session) -> None:
            super().__init__(max_retries=0)
            self.session, self.settings, self.store = session, session.settings, session.store
            self.fetch_ids: list[int] = []

        def send(self, request: Any, *args: Any, **kwargs: Any) -> Any:
            from cache import utc_now
            from resolver.http import _origin_of, redact

            original = request.url
            replay = self.session.replay
            target = self.settings.origins.get(_origin_of(original))
            if target is not None:
                split = urlsplit(original)
                request.headers["Host"] = split.netloc
                request.url = target + original[len(f"{split.scheme}://{split.netloc}"):]
            elif replay is None:
                self._guard(request.url)
            if not kwargs.get("timeout"):
                kwargs["timeout"] = (self.settings.connect_timeout, self.settings.timeout)
            started, fetched_at = time.monotonic(), utc_now()
            via, warc_file, warc_offset = "live", None, None
            if replay is not None:
                response, warc_file, warc_offset = self._replayed(replay, request, original)
                via = "warc"
            else:
                try:
                    response = super().send(request, *args, **kwargs)
                except OSError as exc:   # requests' ConnectionError and Timeout are OSErrors
                    self._log_failure(original, request, fetched_at, started, exc)
                    raise
            body = response.content
            writer = self.session.warc
            if writer is not None and via == "live":
                warc_file, warc_offset = writer.write_exchange(
                    method=request.method, url=original, contacted_url=request.url,
                    request_headers=dict(request.headers), status=response.status_code, reason=response.reason or "",
                    response_headers=list(response.headers.items()), body=body, fetched_at=fetched_at)
            if self.store is not None:
                import hashlib

                sha = hashlib.sha256(body).hexdigest()
                self.store.keep_body(sha, body, response.headers.get("content-type"))
                self.fetch_ids.append(self.store.record_fetch({
                    "url": original, "contacted_url": request.url, "method": request.method, "fetched_at": fetched_at,
                    "status": response.status_code, "headers": json.dumps(redact(response.headers)),
                    "body_sha256": sha, "body_bytes": len(body), "elapsed_ms": round((time.monotonic() - started) * 1000, 1),
                    "error_kind": None, "error": None, "purpose": METHOD, "tool_version": _version(),
                    "via": via, "warc_file": warc_file, "warc_offset": warc_offset,
                }))
            return response

        def _replayed(self, replay: Any, request: Any, original: str) -> tuple[Any, str, int]:
            """A requests Response built from the WARC record of this request (replay mode)."""
            import requests
            from requests.structures import CaseInsensitiveDict

            found = replay.take(request.method, original)
            if found is None:
                raise requests.ConnectionError(f"not in the replayed WARC files: {request.method} {original}")
            response = requests.Response()
            response.status_code, response.reason = found.status, found.reason
            response.headers = CaseInsensitiveDict(found.headers)
            response._content = found.body
            response.url, response.request, response.encoding = original, request, "utf-8"
            return response, found.file, found.offset

        def _log_failure(self, original: str, request: Any, fetched_at: str, started: float, exc: Exception) -> None:
            if self.store is None:
                return
            self.fetch_ids.append(self.store.record_fetch({
                "url": original, "contacted_url": request.url, "method": request.method, "fetched_at": fetched_at,
                "status": None, "headers": "{}", "body_sha256": None, "body_bytes": None,
                "elapsed_ms": round((time.monotonic() - started) * 1000, 1), "error_kind": "connect",
                "error": f"{type(exc).__name__}: {exc}", "purpose": METHOD, "tool_version": _version()}))

        def _guard(self, url: str) -> None:
            from resolver.guard import check_addresses

            if self.settings.allow_private:
                return
            split = urlsplit(url)
            infos = socket.getaddrinfo(split.hostname, split.port or 443, type=socket.SOCK_STREAM)
            check_addresses(split.hostname or "", [str(i[4][0]) for i in infos])

    return RecordingAdapter


def _version() -> str:
    from resolver import __version__

    return __version__


def make_client(session: Session) -> tuple[Any, Any]:
    """A tweepy Client whose session goes through the recording adapter, and that adapter."""
    import tweepy

    # tweepy logs request headers, the bearer token among them, at DEBUG: keep that logger above DEBUG.
    logging.getLogger("tweepy").setLevel(max(logging.getLogger("tweepy").getEffectiveLevel(), logging.INFO))
    client = tweepy.Client(bearer_token=session.settings.x_bearer_token, return_type=dict, wait_on_rate_limit=False)
    adapter = _adapter_class()(session)
    client.session.trust_env = False
    client.session.mount("https://", adapter)
    client.session.mount("http://", adapter)
    return client, adapter


def lookup(ids: list[str], *, session: Session) -> dict[str, PostRecord]:
    """Look up posts in batches of 100. A 429 waits for x-rate-limit-reset when that is within retry_max_wait,
    else every post of the batch is an error that says until when; it never spins."""
    import requests
    import tweepy

    if session.offline:   # this path is not on the one HTTP layer yet: refuse here, before tweepy is even built
        return {i: _record_of_error(i, f"{NOT_CACHED}: offline, and not in the cache") for i in ids}
    settings = session.settings
    client, adapter = make_client(session)
    found: dict[str, PostRecord] = {}
    for start in range(0, len(ids), BATCH):
        batch = ids[start: start + BATCH]
        for attempt in range(settings.retries + 1):
            adapter.fetch_ids.clear()
            try:
                payload = client.get_tweets(batch, expansions=EXPANSIONS, tweet_fields=TWEET_FIELDS,
                                            user_fields=USER_FIELDS, media_fields=MEDIA_FIELDS)
                records = parse(batch, payload)
                reason = None
            except tweepy.TooManyRequests as exc:
                reset = getattr(exc, "reset_time", None)
                wait = max(0.0, reset - time.time()) if reset else None
                if _usage_capped(exc.response):
                    reason = "usage cap exceeded (X API problem usage-capped); not retried"
                elif wait is not None and wait <= settings.retry_max_wait and attempt < settings.retries:
                    time.sleep(wait)
                    continue
                else:
                    reason = f"rate-limited (429) until x-rate-limit-reset {getattr(exc, 'reset_time', None)}"
                records = {}
            except tweepy.Unauthorized:
                reason = "the bearer token was refused (401)"
                records = {}
            except tweepy.Forbidden as exc:
                reason = ("usage cap exceeded" if _usage_capped(exc.response) else "forbidden (403)")
                records = {}
            except tweepy.TwitterServerError as exc:
                if attempt < settings.retries:
                    time.sleep(min(settings.retry_max_wait, 0.5 * 2 ** attempt))
                    continue
                reason = f"X API server error {exc.response.status_code}"
                records = {}
            except (tweepy.HTTPException, requests.RequestException, ValueError, OSError) as exc:
                reason = f"X API request failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
                records = {}
            for post_id in batch:
                record = records.get(post_id) or _record_of_error(post_id, reason)
                found[post_id] = replace(record, fetch_ids=tuple(adapter.fetch_ids))
            break
    return found


def _record_of_error(post_id: str, reason: str | None) -> PostRecord:
    """The record of a post the X API gave no answer for: an error when there is a reason, else unknown."""
    return PostRecord(platform="twitter", post_id=post_id, url=status_url(post_id),
                      status="error" if reason else "unknown", method=METHOD,
                      reason=reason or "the X API said nothing of this id")


def _usage_capped(response: Any) -> bool:
    try:
        return "usage-capped" in (response.json().get("type") or "")
    except (ValueError, AttributeError):
        return False


ERROR_STATUS = (
    ("not-authorized-for-resource", None, "protected"),
    ("resource-not-found", "suspended", "suspended"),
    ("resource-not-found", None, "not_found"),
)


def parse(ids: Iterable[str], payload: Mapping[str, Any]) -> dict[str, PostRecord]:
    """PostRecords from one GET /2/tweets?ids= answer: `data` with its `includes`, and `errors` for the rest."""
    includes = payload.get("includes") or {}
    users = {u.get("id"): u for u in includes.get("users") or [] if isinstance(u, dict)}
    media = {m.get("media_key"): m for m in includes.get("media") or [] if isinstance(m, dict)}
    records: dict[str, PostRecord] = {}
    for tweet in payload.get("data") or []:
        if isinstance(tweet, dict) and tweet.get("id"):
            records[tweet["id"]] = _tweet(tweet, users, media)
    wanted = set(ids)
    for error in payload.get("errors") or []:
        resource = str(error.get("resource_id") or error.get("value") or "")
        if resource not in wanted or resource in records or error.get("parameter") not in ("ids", "id", None):
            continue
        kind, detail = error.get("type") or "", error.get("detail") or error.get("title") or ""
        status = next((s for t, word, s in ERROR_STATUS if t in kind and (word is None or word in detail.lower())),
                      "error")
        records[resource] = PostRecord(platform="twitter", post_id=resource, url=status_url(resource), status=status,
                                       method=METHOD, reason=f"{error.get('title')}: {detail}")
    return records


def _tweet(tweet: Mapping[str, Any], users: Mapping[Any, Any], media: Mapping[Any, Any]) -> PostRecord:
    user = users.get(tweet.get("author_id")) or {}
    items = []
    for key in (tweet.get("attachments") or {}).get("media_keys") or []:
        m = media.get(key)
        if not m:
            continue
        variants = tuple({"bitrate": v.get("bit_rate"), "content_type": v.get("content_type"), "url": v.get("url")}
                         for v in m.get("variants") or [])
        items.append(Media(url=m.get("url") or m.get("preview_image_url") or "", type=m.get("type") or "photo",
                           width=m.get("width"), height=m.get("height"), alt=m.get("alt_text"),
                           preview_url=m.get("preview_image_url"), variants=variants, media_key=key))
    withheld = tweet.get("withheld")
    return PostRecord(
        platform="twitter", post_id=tweet["id"], url=status_url(tweet["id"], user.get("username")),
        status="withheld" if withheld else "available", method=METHOD,
        reason=f"withheld in {', '.join(withheld.get('country_codes') or [])}" if withheld else None,
        author_handle=user.get("username"), author_name=user.get("name"), author_id=tweet.get("author_id"),
        text=tweet.get("text"), lang=tweet.get("lang"), created_at=iso_utc(tweet.get("created_at")),
        media=tuple(items),
        references=tuple({"type": r.get("type"), "id": r.get("id")} for r in tweet.get("referenced_tweets") or []),
    )
