"""What the readers of a post's archived page share (Telegram's widget and preview pages, Mastodon's and Bluesky's
post pages, TikTok's and Instagram's): the page parsed, its head's meta tags, whether a capture is a page at all, a
page's time as UTC, the plain values of a page's data (an object under a key, words said, epoch seconds)."""

from __future__ import annotations

import warnings
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:   # bs4 is loaded when a page is read (#14)
    import re

    from bs4 import BeautifulSoup


def assigned_object(assignment: re.Pattern[str], body: bytes) -> dict[str, Any]:
    """The first JSON object a page's script sets where `assignment` matches ("ytInitialPlayerResponse = {…}",
    "window['SIGI_STATE']={…}"), read to its end whatever follows it; {} with none (an old page, or no such data)."""
    import json

    text = body.decode("utf-8", "replace")
    for found in assignment.finditer(text):
        try:
            data, _ = json.JSONDecoder().raw_decode(text, found.end())
        except ValueError:
            continue
        if isinstance(data, dict):
            return data
    return {}


def page_soup(body: bytes) -> BeautifulSoup:
    """A captured page parsed (lxml's parser; an XHTML page's "parsed as HTML" warning silenced: it is read so)."""
    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(body, "lxml")


def is_page(content_type: str, body: bytes) -> bool:
    """Whether a capture is a page (HTML by its type, or markup by its first byte), not an image, a feed or nothing."""
    return "html" in content_type.lower() or body.lstrip()[:1] == b"<"


def not_shown(status: int | None, content_type: str, body: bytes, server: str, thing: str) -> tuple[str, str] | None:
    """(the state, why) of a capture that cannot show the post or video at all: the server's error answer kept by the
    archive (404 and 410 say it was gone then: "not_found"; any other, "unknown"), or no page (an image, a redirect's
    empty body). None for a page, which the reader then reads. `server`: who answered ("bsky.app", "the instance");
    `thing`: what the page should be of ("post", "video")."""
    if status is not None and status >= 300:
        return "not_found" if status in (404, 410) else "unknown", f"the capture is {server}'s HTTP {status} answer"
    if not is_page(content_type, body):
        return "unknown", f"the capture is {content_type or 'no page'}, not the {thing}'s page"
    return None


def meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    """A page's <meta> tags by property or name ("og:url", "description"): the last of each, its content."""
    return {str(m.get("property") or m.get("name")): str(m.get("content") or "") for m in soup.find_all("meta")
            if (m.get("property") or m.get("name")) and m.get("content") is not None}


def utc(value: str) -> str | None:
    """A page's time ("2024-03-06T07:41:22+00:00", a `<time datetime>` or an og: tag's) as UTC ISO 8601 with Z; None
    for one no time reads, or one with no zone (no instant)."""
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def object_at(data: dict[str, Any], key: str) -> dict[str, Any]:
    """The object a page's data holds under `key`; {} for anything else."""
    found = data.get(key)
    return found if isinstance(found, dict) else {}


def said(value: Any) -> str | None:
    """Words a page's data gives (a name, a handle), their spaces made one; None for no words or a placeholder."""
    from resolver.placeholders import real

    return real(" ".join(value.split())) if isinstance(value, str) and value.strip() else None


def epoch(value: Any) -> str | None:
    """Epoch seconds, a number or a string (`createTime`, `taken_at_timestamp`), as UTC ISO 8601; None for anything
    else."""
    # isdecimal, not isdigit: "²" is a digit int() cannot read (review46d: a ValueError out of a capture's reading)
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).isdecimal() or int(value) <= 0:
        return None
    try:
        return datetime.fromtimestamp(int(value), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (OverflowError, OSError, ValueError):
        return None
