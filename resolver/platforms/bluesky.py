"""Every Bluesky URL shape, read into a PostRef: post pages on bsky.app and other AppView hosts, AT URIs, and
the iframe that embed.bsky.app's script puts in place of a blockquote.bluesky-embed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from urllib.parse import urlsplit

from resolver.lazy import LazyPattern
from resolver.model import PostRef
from resolver.platforms import lookalike as lookalikes
from resolver.platforms import urls

PLATFORM = "bluesky"
DOMAINS = frozenset({"bsky.app", "bsky.dev"})
MARKERS = ("bsky", "bluesky")
SOURCE_SHAPES = {"bsky.app": ("/post/",)}
# An AT URI in prose: at://<did or handle>/app.bsky.feed.post/<rkey>
AT_URI_PATTERN = r"\bat://[A-Za-z0-9._:%-]+/app\.bsky\.feed\.post/[A-Za-z0-9._:~-]+"

POST_COLLECTION = "app.bsky.feed.post"
# A handle (name.example.org) or a DID (did:plc:..., did:web:...).
ACTOR = LazyPattern(r"^(?:did:[a-z]+:[A-Za-z0-9._:%-]{1,2048}|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$")
RECORD_KEY = LazyPattern(r"^[A-Za-z0-9._:~-]{1,512}$")
# A TID ("timestamp identifier"), the record key type app.bsky.feed.post's lexicon gives posts: 13 characters of
# base32-sortable (2-7, a-z), the first of 2-7 or a-j (atproto spec, "Record Key Type: tid"). The parser takes any
# record key's syntax; text extraction reads a post's key as a TID where a URL runs into the next words (newuser31b).
TID = LazyPattern(r"^[2-7a-j][2-7a-z]{12}$")
TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"


def tid_time(post_id: str) -> datetime | None:
    """When a post's key, a TID, says it was made (UTC): 53 bits of microseconds since 1970 before 10 bits of clock
    id (atproto spec); None for a key that is no TID. `post_id` is the key or "<account>/<key>". The key is the
    client's to choose, so the day it names is a hint, as an X id's is, never proof. The spec's top bit is always 0:
    a key of `TID`'s shape with it set (a first character of c-j) is no TID, and its "time" (2255 to 2540) none a
    post was made at (review41a)."""
    key = post_id.rpartition("/")[2]
    if not TID.match(key):
        return None
    value = 0
    for char in key:
        value = value * 32 + TID_ALPHABET.index(char)
    if value >> 63:
        return None
    return datetime.fromtimestamp((value >> 10) / 1_000_000, tz=timezone.utc)


# What Bluesky's AppView (and so its oEmbed answer and the embed code its app writes) shows as the handle of an account
# whose handle it could not verify (a custom domain whose DNS record lapsed): no handle at all (atproto's handle spec).
INVALID_HANDLE = "handle.invalid"


def is_invalid_handle(handle: str | None) -> bool:
    """Whether a handle is `INVALID_HANDLE`: no account's name, so never shown, compared or looked up as one."""
    return bool(handle) and str(handle).casefold() == INVALID_HANDLE


def is_did(actor: str | None) -> bool:
    """Whether an account name is a DID (did:plc:…, did:web:…): the account's lasting id, never compared as a
    handle (newuser31 #3)."""
    return bool(actor) and str(actor).startswith("did:")


def label(handle: str | None, did: str | None) -> str:
    """An account as a report shows it: "@handle (did:…)", "@handle", or the DID alone, never "@did:…" nor, with the
    DID known, "@handle.invalid"."""
    if handle and is_did(handle):
        handle, did = None, did or handle
    if is_invalid_handle(handle) and did:   # Bluesky's "handle.invalid" names no account: its DID does (review42c)
        handle = None
    if handle:
        return f"@{handle}" + (f" ({did})" if did else "")
    return did or ""


def profile_url(actor: str) -> str:
    """An account's page on the main AppView."""
    return f"https://bsky.app/profile/{actor}"


def post_url(actor: str, rkey: str) -> str:
    """Canonical post URL on the main AppView."""
    return f"https://bsky.app/profile/{actor}/post/{rkey}"


def parse(url: str) -> PostRef | None:
    """bsky.app/profile/<handle or did>/post/<rkey> (also staging.bsky.app, main.bsky.dev), the embed iframe
    embed.bsky.app/embed/<did>/app.bsky.feed.post/<rkey>, and at://<did>/app.bsky.feed.post/<rkey>."""
    text = url.strip()
    if text.startswith("at://"):
        pieces = text[5:].split("?")[0].split("/")
        return _post(*pieces) if len(pieces) == 3 else None
    split = urls.split(text)
    if split is None:
        return None
    parts = split.parts
    if split.host == "embed.bsky.app" and len(parts) == 4 and parts[0] == "embed":
        return _post(parts[1], parts[2], parts[3])
    if len(parts) >= 4 and parts[0] == "profile" and parts[2] == "post":
        return _post(parts[1], POST_COLLECTION, parts[3])
    return None


# The hosts a link made to pass for Bluesky's copies: its AppView's (verdicts38)
_COPIED_HOSTS = ("bsky.app",)


def lookalike(url: str) -> str | None:
    """Why a link with a post's path (/profile/<account>/post/<key>) is on no Bluesky host though made to look so, in
    words ("its link goes to bsky-app.com (bsky.app with “-” for its dot): not a Bluesky address"), as X's are named
    (`x.lookalike`); None for Bluesky's own links and any other. Only the host is read: nothing on it is asked."""
    split = urls.split(url)
    if split is None or split.host in DOMAINS or split.host.endswith(tuple("." + d for d in DOMAINS)):
        return None
    parts = split.parts
    if len(parts) < 4 or parts[0] != "profile" or parts[2] != "post":
        return None
    whole = urlsplit(url.strip() if "://" in url else "https://" + url.strip())
    why = lookalikes.why(whole, _COPIED_HOSTS, DOMAINS)
    return f"its link goes to {(whole.hostname or '').rstrip('.')} ({why}): not a Bluesky address" if why else None


def _post(actor: str, collection: str, rkey: str) -> PostRef | None:
    if collection != POST_COLLECTION or not ACTOR.match(actor) or not RECORD_KEY.match(rkey):
        return None
    if not actor.startswith("did:"):
        actor = actor.lower()   # a handle is a domain name: Ann.Example.COM is ann.example.com (#15)
    return PostRef(PLATFORM, "post", post_url(actor, rkey), post_id(actor, rkey), actor)


def url_forms(url: str, actors: Sequence[str | None]) -> list[str]:
    """A post's page under each name of its account known (`actors`: handles and DIDs): an embed shows the handle
    and links the post by DID, and the archive files each URL apart, so a capture under one is not listed under the
    other (newuser33 #2). The URL given first; each form once (a handle in lower case, as `parse` reads it)."""
    ref = parse(url)
    found = split_post_id(ref.post_id) if ref is not None and ref.post_id else None
    if found is None:
        return [url]
    names = [(actor or "").removeprefix("@") for actor in actors]
    return list(dict.fromkeys([url, *(post_url(name if is_did(name) else name.lower(), found[1])
                                      for name in names if name and ACTOR.match(name)
                                      and not is_invalid_handle(name))]))   # a page of no account (review42c)


def post_id(actor: str, rkey: str) -> str:
    """A post's id: its account and record key, `<handle or did>/<rkey>`. A record key counts within its account's
    repository (at://<did>/app.bsky.feed.post/<rkey>), so the key alone made two accounts' posts one (#15)."""
    return f"{actor}/{rkey}"


def split_post_id(value: str) -> tuple[str, str] | None:
    """(account, record key) of a post id (`post_id`), or None for a bare record key (a cache from before #15)."""
    actor, slash, rkey = value.rpartition("/")
    return (actor, rkey) if slash and actor else None
