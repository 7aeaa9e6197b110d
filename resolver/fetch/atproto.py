"""Who a Bluesky handle names now, and whether that account holds a post: the public AppView's XRPC queries
com.atproto.identity.resolveHandle and app.bsky.feed.getPostThread (no key needed).

A handle is a domain name an account may give up, and another take: a post linked by its handle whose oEmbed
answers 404 may exist under the DID of the account that had the handle then. It is asked of the account the handle
names now, so a report says "not found under the handle's current account" rather than a plain "not found"
(identity33, #15). An embed that carries its post's DID (data-bluesky-uri, an at:// URI) is asked by it, and
nothing here is asked."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from resolver import jsonparse
from resolver.fetch.records import PostRecord
from resolver.http import FetchOutcome, Ledger, fetch
from resolver.platforms import bluesky

if TYPE_CHECKING:
    from resolver.fetch import Target
    from resolver.session import Session

BASE = "https://public.api.bsky.app"   # Bluesky's public AppView: its app.bsky.* and identity queries need no key
PURPOSE = "bluesky-xrpc"
NOT_FOUND_THREADS = ("app.bsky.feed.defs#notFoundPost",)
# How a report words such a "not found", in the grey of what is not known (the post may exist under another DID):
# the handle names another account now, or none.
MOVED = "not found under the handle's current account"
UNNAMED = "not found under the handle"


def resolve_handle_url(handle: str) -> str:
    return f"{BASE}/xrpc/com.atproto.identity.resolveHandle?{urlencode({'handle': handle})}"


def post_thread_url(did: str, rkey: str) -> str:
    """The post alone (depth 0, no parents): whether the account's repository holds it is all that is asked."""
    uri = f"at://{did}/{bluesky.POST_COLLECTION}/{rkey}"
    return f"{BASE}/xrpc/app.bsky.feed.getPostThread?{urlencode({'uri': uri, 'depth': 0, 'parentHeight': 0})}"


def _answer(outcome: FetchOutcome) -> dict[str, Any] | None:
    """An XRPC answer's JSON object (a 200's output, or a 400's {"error", "message"}); None for anything else (no
    answer, a 5xx, a page): nothing to read."""
    if outcome.status not in (200, 400) or "json" not in outcome.headers.get("content-type", "").lower():
        return None
    try:
        data = jsonparse.loads(outcome.body)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def read_did(outcome: FetchOutcome) -> tuple[str | None, bool]:
    """(the DID a resolveHandle answer gives, whether it said the handle names no account)."""
    data = _answer(outcome)
    if data is None:
        return None, False
    did = data.get("did") if outcome.status == 200 else None
    if isinstance(did, str) and bluesky.is_did(did) and bluesky.ACTOR.match(did):
        return did, False
    return None, outcome.status == 400 and data.get("error") == "InvalidRequest"


def read_thread(outcome: FetchOutcome, did: str) -> bool | None:
    """Whether a getPostThread answer shows the post under `did` (True), says it is not found (False), or neither
    (None: no answer, an error, another post)."""
    data = _answer(outcome)
    if data is None:
        return None
    if outcome.status == 400:
        return False if data.get("error") == "NotFound" else None
    thread = data.get("thread")
    if not isinstance(thread, dict):
        return None
    if thread.get("$type") in NOT_FOUND_THREADS or thread.get("notFound") is True:
        return False
    post = thread.get("post")
    author = post.get("author") if isinstance(post, dict) else None
    return True if isinstance(author, dict) and author.get("did") == did else None


async def under_current_account(target: Target, record: PostRecord, session: Session,
                                ledger: Ledger | None) -> PostRecord:
    """A Bluesky post linked by handle whose oEmbed answered "not found", asked of the account its handle names now:
    the record's reason says what that showed, its fetch rows added. A post named by DID, or an AppView giving no
    answer, leaves the record as it was."""
    named = bluesky.split_post_id(target.post_id)
    if record.status != "not_found" or named is None or bluesky.is_did(named[0]):
        return record
    handle, rkey = named
    resolved = await fetch(session, resolve_handle_url(handle), purpose=PURPOSE, keep_body=True, ledger=ledger)
    did, unnamed = read_did(resolved)
    if unnamed:
        return _said(record, f"{UNNAMED}: {handle} names no account now (it may have moved to another name)",
                     resolved)
    if did is None:
        return record
    asked = await fetch(session, post_thread_url(did, rkey), purpose=PURPOSE, keep_body=True, ledger=ledger)
    shown = read_thread(asked, did)
    if shown is False:
        return _said(record, f"{MOVED} ({did}): the handle may have moved to another account, under which the post "
                             "may exist", resolved, asked)
    if shown is True:
        return _said(record, f"{record.reason or 'oEmbed answered not found'}, but the Bluesky AppView has the post "
                             f"under the handle's account ({did})", resolved, asked, status="unknown")
    return record


def _said(record: PostRecord, reason: str, *outcomes: FetchOutcome, status: str | None = None) -> PostRecord:
    fetch_ids = tuple(record.fetch_ids) + tuple(o.fetch_id for o in outcomes if o.fetch_id)
    return replace(record, status=status or record.status, reason=reason, fetch_ids=fetch_ids)


def moved_words(record: PostRecord) -> str | None:
    """The words a Bluesky "not found" asked of the account its handle names now is said in (MOVED, UNNAMED), or
    None for any other record: not known to be gone."""
    reason = record.reason or ""
    if record.platform != bluesky.PLATFORM or record.status != "not_found":
        return None
    return next((words for words in (MOVED, UNNAMED) if reason.startswith(words)), None)
