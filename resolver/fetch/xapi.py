"""X posts from the X API v2 through tweepy, when a bearer token is configured.

tweepy talks through `requests`; its session gets the one HTTP layer's adapter (resolver.http.requests_adapter),
so every request goes through resolver.http.fetch with the run's session: the guard dials the one address it
checked, and the [origins] overrides, caps, deadline, retries (a 429 waits for x-rate-limit-reset when that is
within retry_max_wait), budgets, redaction, WARC or replay, offline and the fetch log are those of every other
request (#12). The token travels only in the Authorization header, which is never recorded.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from resolver.fetch.records import Media, PostRecord, Version, links_of, long_post_text
from resolver.fetch.syndication import iso_utc
from resolver.jsonparse import NESTED_TOO_DEEPLY
from resolver.platforms.x import status_url

if TYPE_CHECKING:
    from resolver.http import Ledger, RequestsAdapter
    from resolver.session import Session

METHOD = "x-api"
BATCH = 100
EXPANSIONS = ["author_id", "attachments.media_keys", "referenced_tweets.id"]
TWEET_FIELDS = ["attachments", "author_id", "created_at", "entities", "lang", "referenced_tweets", "withheld",
                "conversation_id", "edit_history_tweet_ids", "edit_controls", "possibly_sensitive", "note_tweet"]
USER_FIELDS = ["id", "name", "username", "protected", "verified", "withheld", "created_at"]
MEDIA_FIELDS = ["media_key", "type", "url", "preview_image_url", "width", "height", "alt_text", "variants",
                "duration_ms"]


def make_client(session: Session) -> tuple[Any, RequestsAdapter]:
    """A tweepy Client whose requests session sends everything through the one HTTP layer, and that adapter."""
    import tweepy

    from resolver.http import requests_adapter

    # tweepy logs request headers, the bearer token among them, at DEBUG: keep that logger above DEBUG.
    logging.getLogger("tweepy").setLevel(max(logging.getLogger("tweepy").getEffectiveLevel(), logging.INFO))
    client = tweepy.Client(bearer_token=session.settings.x_bearer_token, return_type=dict, wait_on_rate_limit=False)
    adapter = requests_adapter(session, purpose=METHOD)
    client.session.trust_env = False
    # No redirect is followed (#12): requests followed up to 30, past max_redirects, to any host, dropping the token
    # there, so what answered could only be something other than the X API; the redirect is the batch's error.
    client.session.max_redirects = 0
    client.session.mount("https://", adapter)
    client.session.mount("http://", adapter)
    return client, adapter


def lookup(ids: list[str], *, session: Session,
           ledgers: Mapping[str, Iterable[Ledger]] | None = None) -> dict[str, PostRecord]:
    """Look up posts in batches of 100. Call it from a worker thread of the run's loop (tweepy is synchronous; its
    requests are handed back to the loop). Retries and 429 waits happen in the HTTP layer; what is left after them
    makes every post of the batch an error that says why (a 429: until when). Offline, every post is "not cached".
    An edited post's other versions are then asked for by their ids, every post's in one more call (`_other_versions`).

    With `ledgers` (each post id's ledgers), a batch's fetch rows are not written at once: they are held in a
    ledger of the batch that each of its posts' ledgers shares, and written with the first observation recorded
    (#11; the records' fetch_ids are then placeholders)."""
    client, adapter = make_client(session)
    found: dict[str, PostRecord] = {}
    for start in range(0, len(ids), BATCH):
        batch = ids[start: start + BATCH]
        records, reason, fetch_ids = _ask(client, adapter, batch, {i: [i] for i in batch}, ledgers)
        for post_id in batch:
            record = records.get(post_id) or _record_of_error(post_id, reason)
            found[post_id] = replace(record, fetch_ids=fetch_ids)
    return _other_versions(found, client, adapter, ledgers)


def other_versions(record: PostRecord) -> tuple[str, ...]:
    """The ids of an edited post's versions other than the one the X API gave (it gives the version asked for), oldest
    first: those its edit history lists before and after it. () for a post not available or never edited."""
    if record.status != "available" or record.post_id not in record.edits:
        return ()
    return tuple(i for i in record.edits if i != record.post_id)


def _other_versions(found: dict[str, PostRecord], client: Any, adapter: RequestsAdapter,
                    ledgers: Mapping[str, Iterable[Ledger]] | None) -> dict[str, PostRecord]:
    """Each edited post's other versions, asked for by their ids in the same run (the API gives the version asked for
    and lists them all; edits30 asked for the latest only, edits31 every one: a quote of the original of an edit
    asked for by its own id, or of a version between, is read): their words and times as `versions`, oldest first,
    the fetch that gave each named, or why none came. In batches of 100 ids, each its own fetch, held in the ledgers
    of the posts it is for."""
    wanted: dict[str, list[str]] = {}   # a version's id -> the posts it is a version of
    for post_id, record in found.items():
        for version_id in other_versions(record):
            wanted.setdefault(version_id, []).append(post_id)
    asked = list(wanted)
    read: dict[str, dict[str, Version]] = {}   # post id -> its versions read, by id
    for start in range(0, len(asked), BATCH):
        batch = asked[start: start + BATCH]
        records, reason, fetch_ids = _ask(client, adapter, batch, wanted, ledgers)
        for version_id in batch:
            for post_id in wanted[version_id]:
                read.setdefault(post_id, {})[version_id] = version_of(
                    version_id, records.get(version_id), reason, fetch_ids[-1] if fetch_ids else None,
                    of=found[post_id])
    for post_id, versions in read.items():
        found[post_id] = replace(found[post_id], versions=tuple(versions[i] for i in other_versions(found[post_id])))
    return found


def version_of(version_id: str, record: PostRecord | None, reason: str | None, fetch_id: int | None, *,
               of: PostRecord) -> Version:
    """Another version of the post `of` as read: its words and time, or (an error, no answer for its id, an answer
    that is no version of `of`) why they are not known."""
    if record is None:
        return Version(version_id, "error" if reason else "unknown", METHOD, fetch_id=fetch_id,
                       reason=reason or "the X API said nothing of this id")
    foreign = _no_version_of(of, record)
    if foreign:
        return Version(version_id, "error", METHOD, fetch_id=fetch_id,
                       reason=f"the X API's answer for {version_id} is no version of post {of.post_id}: {foreign}")
    return Version(version_id, record.status, METHOD, text=record.text, created_at=record.created_at,
                   links=record.links, fetch_id=fetch_id, reason=record.reason)


def _no_version_of(post: PostRecord, answer: PostRecord) -> str | None:
    """Why the answer for a later id the post's edit history lists is not a version of that post, or None. A version's
    own history lists the post, and its author is the post's: else its words would pass as the post's (review30r3)."""
    if answer.status == "available" and post.post_id not in answer.edits:
        listed = ", ".join(answer.edits) or answer.post_id
        return f"its edit history ({listed}) does not list {post.post_id}"
    if answer.author_id and post.author_id and answer.author_id != post.author_id:
        return f"its author is account {answer.author_id}, the post's is {post.author_id}"
    return None


def _ask(client: Any, adapter: RequestsAdapter, batch: list[str], posts_of: Mapping[str, list[str]],
         ledgers: Mapping[str, Iterable[Ledger]] | None) -> tuple[dict[str, PostRecord], str | None, tuple[int, ...]]:
    """One GET /2/tweets?ids= call: the records it gave, why it gave none (or None), and its fetch rows' ids. With
    `ledgers`, its rows are held in a ledger that the ledgers of every post it is for (`posts_of` each id) share."""
    import requests
    import tweepy

    from resolver.http import Ledger, LayerError

    adapter.fetch_ids.clear()
    if ledgers is not None:
        adapter.ledger = Ledger()
        for asked in batch:
            for post_id in posts_of.get(asked, ()):
                for ledger in ledgers.get(post_id, ()):
                    ledger.share(adapter.ledger)
    records: dict[str, PostRecord] = {}
    reason = None
    try:
        records = parse(batch, client.get_tweets(batch, expansions=EXPANSIONS, tweet_fields=TWEET_FIELDS,
                                                 user_fields=USER_FIELDS, media_fields=MEDIA_FIELDS))
    except LayerError as exc:   # no answer: refused, timed out, not cached offline...
        reason = exc.outcome.problem
    except tweepy.TooManyRequests as exc:
        reason = ("usage cap exceeded (X API problem usage-capped); not retried" if _usage_capped(exc.response)
                  else f"rate-limited (429) until {_until(getattr(exc, 'reset_time', None), exc.response)}")
    except tweepy.Unauthorized:
        reason = "the bearer token was refused (401)"
    except tweepy.Forbidden as exc:
        reason = "usage cap exceeded" if _usage_capped(exc.response) else "forbidden (403)"
    except tweepy.TwitterServerError as exc:
        reason = f"X API server error {exc.response.status_code}"
    except requests.TooManyRedirects as exc:
        reason = _redirected(exc.response)
    except RecursionError:   # tweepy's json.loads of an answer nested past its depth (#12): no internal error
        reason = f"X API sent malformed JSON: {NESTED_TOO_DEEPLY}"
    except (tweepy.HTTPException, requests.RequestException, ValueError) as exc:
        reason = f"X API request failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    return records, reason, tuple(adapter.fetch_ids)


def _redirected(response: Any) -> str:
    """Why a batch the X API answered with a redirect has no answer: where it pointed, its query left out."""
    location = response.headers.get("location", "") if response is not None else ""
    shown = location.split("?", 1)[0] + ("?..." if "?" in location else "")
    status = response.status_code if response is not None else "a redirect"
    return (f"the X API answered {status}, a redirect to {shown or 'nowhere'}: not followed (the X API answers "
            "itself, and its token goes to it alone)")


def _until(reset: int | None, response: Any = None) -> str:
    """x-rate-limit-reset (epoch seconds) as a UTC time a person reads; without it, the wait a Retry-After asked for
    from the moment it was read (newuser47c #3: "an unknown time" was said of a 429 that said when)."""
    from resolver.http import told_until, utc_time

    if reset is None:
        headers = getattr(response, "headers", None) or {}
        told = told_until(headers, status=429) if headers.get("retry-after") else None
        return f"{told} (Retry-After)" if told else "an unknown time (no x-rate-limit-reset)"
    return utc_time(reset) or f"a time no calendar date holds (x-rate-limit-reset: {reset})"


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
    """PostRecords from one GET /2/tweets?ids= answer: `data` with its `includes`, and `errors` for the rest.
    ValueError when the answer does not have that shape (fuzzing found TypeError and AttributeError, #12)."""
    try:
        return _parse(ids, payload)
    except (TypeError, AttributeError, KeyError) as exc:
        raise ValueError(f"X API answer of an unexpected shape: {type(exc).__name__}: {exc}") from None


def _parse(ids: Iterable[str], payload: Mapping[str, Any]) -> dict[str, PostRecord]:
    includes = payload.get("includes") or {}
    users = {u.get("id"): u for u in includes.get("users") or [] if isinstance(u, dict)}
    media = {m.get("media_key"): m for m in includes.get("media") or [] if isinstance(m, dict)}
    records: dict[str, PostRecord] = {}
    for tweet in payload.get("data") or []:
        if isinstance(tweet, dict) and isinstance(tweet.get("id"), str) and tweet["id"]:
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
    return PostRecord(
        # A post withheld in some countries comes with its text: it was seen, so it is available, and where it is
        # withheld is the reason (it was "withheld", a gone status, and its text went unchecked).
        platform="twitter", post_id=tweet["id"], url=status_url(tweet["id"], user.get("username")),
        status="available", method=METHOD, reason=_withheld(tweet.get("withheld")),
        author_handle=user.get("username"), author_name=user.get("name"), author_id=tweet.get("author_id"),
        # A post over 280 characters (a "note tweet") has its `text` cut; the whole of it is note_tweet's.
        text=long_post_text(tweet.get("text"), tweet.get("note_tweet")), lang=tweet.get("lang"),
        created_at=iso_utc(tweet.get("created_at")),
        media=tuple(items),
        references=tuple({"type": r.get("type"), "id": r.get("id")} for r in tweet.get("referenced_tweets") or []),
        # a note tweet's links are in its own entities (its text is note_tweet's)
        links=links_of((tweet.get("note_tweet") or {}).get("entities") or tweet.get("entities")),
        edits=_edits(tweet),
    )


def _edits(tweet: Mapping[str, Any]) -> tuple[str, ...]:
    """Every version's id of an edited post, oldest first (`edit_history_tweet_ids`, a default field since 2022), or
    () for a post never edited (its own id alone). The API answers the version asked for, not the latest (edits29)."""
    ids = tweet.get("edit_history_tweet_ids")
    found = tuple(str(i) for i in ids if isinstance(i, (str, int))) if isinstance(ids, list) else ()
    return found if len(found) > 1 else ()


def _withheld(withheld: Any) -> str | None:
    """Where a post the API gave is withheld ("withheld in DE, FR"; "withheld (copyright)"), or None."""
    if not isinstance(withheld, dict) or not withheld:
        return None
    countries = [str(c) for c in withheld.get("country_codes") or []]
    return "withheld" + (f" in {', '.join(countries)}" if countries else "") + (
        " (copyright)" if withheld.get("copyright") else "")
