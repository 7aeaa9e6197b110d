"""X posts from the public syndication endpoint that embed renderers use (cdn.syndication.twimg.com/tweet-result).

react-tweet's handling is the reference: 200 + __typename TweetTombstone is a tombstone, 200 + {} and 404 are
not found, other non-2xx are errors; check the Content-Type is JSON before parsing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from resolver import jsonparse
from resolver.fetch.records import TOMBSTONE, Media, PostRecord, links_of, long_post_text
from resolver.fetch.token import syndication_token
from resolver.platforms.x import status_url

BASE = "https://cdn.syndication.twimg.com"
# The feature flags public embed renderers send (react-tweet's list).
FEATURES = ("tfw_timeline_list:;tfw_follower_count_sunset:true;tfw_tweet_edit_backend:on;tfw_refsrc_session:on;"
            "tfw_fosnr_soft_interventions_enabled:on;tfw_show_birdwatch_pivots_enabled:on;"
            "tfw_show_business_verified_badge:on;tfw_duplicate_scribes_to_settings:on;"
            "tfw_use_profile_image_shape_enabled:on;tfw_show_blue_verified_badge:on;tfw_legacy_timeline_sunset:true;"
            "tfw_show_gov_verified_badge:on;tfw_show_business_affiliate_badge:on;tfw_tweet_edit_frontend:on")
METHOD = "syndication"


def request_url(post_id: str, *, lang: str = "en") -> str:
    """The tweet-result URL for a post id: the id must be digits, at most 40 of them."""
    if not post_id.isdigit() or len(post_id) > 40:
        raise ValueError(f"not a post id: {post_id!r}")
    query = urlencode({"id": post_id, "lang": lang, "features": FEATURES, "token": syndication_token(post_id)})
    return f"{BASE}/tweet-result?{query}"


def replay_key(url: str) -> str:
    """The form of a URL a WARC record answers by: a tweet-result request without its `token`, its parameters in
    order of name, so a crawler's record (the real token, computed from the id: fetch/token.py; its client's order of
    parameters) answers the request asked here, whose `token` the tool's own WARC keeps as REDACTED (newuser30b #2:
    only the tool's own WARCs ever answered). The token changes no answer; `id`, `lang` (a tombstone's words are in
    it) and `features` (which fields the answer holds: an edit's history) are kept. Any other URL is itself."""
    from urllib.parse import parse_qsl

    prefix = f"{BASE}/tweet-result?"
    if not url.startswith(prefix):
        return url
    params = sorted((k, v) for k, v in parse_qsl(url[len(prefix):], keep_blank_values=True) if k != "token")
    return prefix + urlencode(params)


def _record(post_id: str, status: str, reason: str | None = None, **fields: Any) -> PostRecord:
    return PostRecord(platform="twitter", post_id=post_id, url=status_url(post_id, fields.get("author_handle")),
                      status=status, method=METHOD, reason=reason, **fields)


# X's words for a protected account's post: "You’re unable to view this Post because this account owner limits who
# can view their Posts" (newuser32c #1: neither "protected" nor "approved followers", read as unknown, and the oEmbed
# 404 that followed made the post "not found", a dead embed), its Twitter-era form with "Tweets", the older ones.
PROTECTED_WORDS = ("protected", "approved followers", "limits who can view", "confirmed followers")


def _tombstone_status(text: str) -> str:
    lowered = text.lower()
    for words, status in ((("deleted",), "deleted"), (("suspended",), "suspended"),
                          (PROTECTED_WORDS, "protected"), (("withheld",), "withheld"),
                          (("age-restricted", "age restricted", "sensitive", "adult"), "age_restricted")):
        if any(word in lowered for word in words):
            return status
    return "unknown"


def iso_utc(value: str | None) -> str | None:
    """'2023-09-17T15:52:15.000Z' -> '2023-09-17T15:52:15Z'; None for no time, or one that is no text."""
    if not value or not isinstance(value, str):
        return None
    from datetime import datetime, timezone

    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return parsed.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(post_id: str, status: int | None, content_type: str, body: bytes) -> PostRecord:
    """A PostRecord from one tweet-result response. Pure: the raw answer is the evidence, this reads it."""
    if status == 404:
        return _record(post_id, "not_found", "syndication answered 404")
    if status == 429:
        return _record(post_id, "error", "rate-limited by the syndication endpoint (429)")
    if status is None or not 200 <= status < 300:
        return _record(post_id, "error", f"syndication answered HTTP {status}")
    if "json" not in content_type.lower():
        return _record(post_id, "error", f"syndication answered {content_type or 'no content type'}, not JSON")
    try:
        data = jsonparse.loads(body)
    except ValueError as exc:
        return _record(post_id, "error", f"syndication sent malformed JSON: {exc}")
    if isinstance(data, dict) and isinstance(data.get("data"), dict) and "__typename" in data["data"]:
        data = data["data"]   # the shape proxies such as react-tweet's API route return
    if not isinstance(data, dict) or not data:
        return _record(post_id, "not_found", "syndication answered with an empty object")
    if data.get("__typename") == "TweetTombstone":
        return _tombstone(post_id, data.get("tombstone"))
    typename = data.get("__typename")
    if typename not in (None, "Tweet") or (typename is None and not ("id_str" in data or "text" in data)):
        # no tweet and no tombstone (an error object, a shape this reader does not know): it says nothing of the post
        shape = f"a {typename}" if isinstance(typename, str) else f"an object with keys {', '.join(sorted(data)[:5])}"
        return _record(post_id, "unknown", f"syndication answered {shape}, not a post")
    # which post it is: id_str, else the number (an answer naming another post only so was this one, review30n)
    answered = str(data.get("id_str") or data.get("id") or post_id)
    if answered != post_id and post_id not in _edits(data):
        # another post (not an edit of this one): what it says is not what this post says
        return _record(post_id, "unknown", f"syndication answered with post {answered}, not {post_id}")
    record = _tweet(post_id, data)
    if answered != post_id:   # the text and the time are those of that version: the checks must know (verdict28)
        versions = [i for i in _edits(data) if i != answered] + [answered]
        record = replace(record, edits=tuple(versions))
        if record.reason is None:
            record = replace(record, reason=f"syndication answered with {answered}, an edit of this post")
    elif len(_edits(data)) > 1 and post_id in _edits(data):
        # asked for a version by its own id and answered with it: its history lists the versions before it, which an
        # article may quote (newuser31 #2: dropped, a right quote of the original failed, the post never said to be
        # edited), and any after it (a stale answer, `isStaleEdit`: left32, the same)
        versions = _edits(data)
        at = versions.index(post_id)
        earlier, later = versions[:at], versions[at + 1:]
        record = replace(record, edits=tuple(versions), stale_edit=bool(later))
        if record.reason is None:
            record = replace(record, reason="syndication lists " + " and ".join(
                f"{len(ids)} {kind} version{'s' * (len(ids) > 1)}" for ids, kind in ((earlier, "earlier"),
                                                                                   (later, "later")) if ids)
                + f" of this post: {', '.join(earlier + later)}")
    return record


def _tombstone(post_id: str, tombstone: Any) -> PostRecord:
    """A TweetTombstone's record: its words ({"text": {"text": "..."}}) say why the post is not shown. One of
    another shape (a string, a list) is not read: before, it raised AttributeError, an internal error (review30n)."""
    if tombstone is not None and not isinstance(tombstone, dict):
        return _record(post_id, "unknown", "syndication answered a tombstone of a shape this reader does not know")
    said = (tombstone or {}).get("text")
    text = said.get("text") if isinstance(said, dict) else said
    if not text or not isinstance(text, str):
        return _record(post_id, "age_restricted", "tombstone without text (age-restricted or sensitive media)")
    return _record(post_id, _tombstone_status(text), f"{TOMBSTONE}{text}")


def _edits(data: dict[str, Any]) -> list[str]:
    """The ids of every version of an edited post (edit_control.edit_tweet_ids), as strings."""
    control = data.get("edit_control")
    ids = control.get("edit_tweet_ids") if isinstance(control, dict) else None
    return [str(i) for i in ids] if isinstance(ids, list) else []


def _tweet(post_id: str, data: dict[str, Any]) -> PostRecord:
    user = data.get("user") if isinstance(data.get("user"), dict) else None
    media = tuple(_media(m) for m in _as_list(data.get("mediaDetails"))
                  if isinstance(m, dict) and isinstance(m.get("media_url_https"), str))
    references = []
    if isinstance(data.get("quoted_tweet"), dict) and data["quoted_tweet"].get("id_str"):
        quoted = data["quoted_tweet"]
        reference = {"type": "quoted", "id": str(quoted["id_str"])}
        # its words and author as the answer gives them: an article may show them as the quoting post's (newuser42b #3)
        by = quoted.get("user") if isinstance(quoted.get("user"), dict) else {}
        reference |= {key: value for key, value in (("text", quoted.get("text")), ("handle", by.get("screen_name")))
                      if isinstance(value, str) and value}
        references.append(reference)
    if data.get("in_reply_to_status_id_str"):
        references.append({"type": "replied_to", "id": data["in_reply_to_status_id_str"]})
    fields = dict(
        author_handle=(user or {}).get("screen_name"), author_name=(user or {}).get("name"),
        author_id=(user or {}).get("id_str"), text=long_post_text(data.get("text"), data.get("note_tweet")),
        lang=data.get("lang"),
        created_at=iso_utc(data.get("created_at")), media=media, references=tuple(references),
        links=links_of(data.get("entities")),
    )
    if user is None:
        # Seen for suspended authors: a Tweet-shaped answer with no `user` (react-tweet issue #144).
        return _record(post_id, "suspended", "tweet returned without its author", **fields)
    return _record(post_id, "available", None, **fields)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _media(item: dict[str, Any]) -> Media:
    info = _as_dict(item.get("original_info"))
    variants = tuple(
        {"bitrate": v.get("bitrate"), "content_type": v.get("content_type"), "url": v.get("url")}
        for v in _as_list(_as_dict(item.get("video_info")).get("variants")) if isinstance(v, dict))
    kind = item.get("type") or "photo"
    return Media(url=item["media_url_https"], type=kind, width=info.get("width"), height=info.get("height"),
                 alt=item.get("ext_alt_text"), preview_url=item["media_url_https"] if variants else None,
                 variants=variants)
