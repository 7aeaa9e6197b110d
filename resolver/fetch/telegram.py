"""Telegram's public pages of a channel post, read into a PostRecord (method "telegram-widget"): the widget page
`https://t.me/<channel>/<n>?embed=1&mode=tme` that Telegram's embed script loads in its iframe, asked live, and, in
archived copies, that page, the web preview `t.me/s/<channel>` (the same message markup, a page of posts) and the
post's own page `t.me/<channel>/<n>`.

The markup (as scrapers of it read it: snscrape's telegram module, and the widget readers that find a deleted post
by its error element): each message is a `div.tgme_widget_message[data-post="<channel>/<n>"]`; its words are in
`.tgme_widget_message_text` (a reply's quote of another message is in `.tgme_widget_message_reply`, not the post's
words); the channel's name in `.tgme_widget_message_owner_name` (the preview) or `.tgme_widget_message_author_name`
(the widget); the date in `a.tgme_widget_message_date time[datetime]` (the widget: `time.datetime`); photos as a
`background-image:url('…')` of `a.tgme_widget_message_photo_wrap`, a video's poster of `.tgme_widget_message_video_thumb`.
A forward names whom it is from in its bubble, before its words: `.tgme_widget_message_forwarded_from` ("Forwarded
from"), its `.tgme_widget_message_forwarded_from_name` an `<a href="https://t.me/<channel>/<n>">` (a channel's post)
or a `<span>` with no link (an account that hides itself), as captured pages of t.me show it (newuser44a #4).
A post that is not there (deleted, or never posted) is answered HTTP 200 with `div.tgme_widget_message_error`
"Post not found". The message's `data-post` names the channel as its owner writes it, the author's handle.

A private channel's post (`t.me/c/<chat>/<n>`) is never asked: only a member's logged-in client shows it. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from resolver.fetch.captured import is_page, page_soup, utc
from resolver.fetch.records import Media, PostRecord
from resolver.platforms import telegram

if TYPE_CHECKING:   # bs4 is loaded when a page is read (#14)
    from bs4 import BeautifulSoup, Tag

BASE = "https://t.me"
METHOD = "telegram-widget"
PURPOSE = "telegram-widget"
PRIVATE = ("a private channel's post (t.me/c/…): only a member's logged-in app shows it, so it is not asked "
           "(nor its archived copies: the archive holds its login page)")
NOT_FOUND_WORDS = re.compile(r"not\s+found", re.IGNORECASE)
_CHANNEL_URL = re.compile(r"https://(?:t\.me|telegram\.me)/(?:s/)?([A-Za-z0-9_]{3,64})/?")
_STYLE_URL = re.compile(r"""background-image\s*:\s*url\(\s*['"]?([^'")]+)['"]?\s*\)""")


def is_private(post_id: str) -> bool:
    """A private channel's post: `c/<chat>/<n>` (platforms.telegram)."""
    return post_id.startswith("c/")


def is_post_id(post_id: str) -> bool:
    """A public channel post's id as platforms.telegram writes it, `<channel>/<n>`: what tells a Telegram post from
    an X one (a number alone) where the archive's readers are given an id only."""
    channel, _, number = post_id.partition("/")
    return bool(telegram.CHANNEL.match(channel)) and bool(telegram.MESSAGE_ID.match(number))


def widget_url(post_id: str) -> str:
    """The widget page of a public channel's post, as Telegram's embed script loads it."""
    return f"{BASE}/{post_id}?embed=1&mode=tme"


def post_url(post_id: str) -> str:
    return f"{BASE}/{post_id}"


def capture_pages(post_id: str) -> list[str]:
    """Where captures of a post live, no scheme (as CDX is asked by prefix): its page (its widget page, `?embed=1`,
    is under it), then the web preview's page of it, a URL of its own to the archive, then its page on telegram.me:
    the pages a report's lookup lists (platforms.telegram.post_pages), so none it lists goes unread (review40a)."""
    return list(telegram.post_pages(post_id))


def names_post(original: str, post_id: str) -> bool:
    """Whether a captured URL is this post's page (its page, its widget, its web preview; the channel in any case),
    never a comment under it or a post whose number begins with this one's."""
    ref = telegram.parse(original)
    return ref is not None and ref.kind == "post" and ref.post_id == post_id.lower()


# How far from the post a paged preview's `before`/`after` may be and the page still hold it: a page shows about 20
# messages, and deleted messages and service messages leave gaps in the numbers.
PAGED_REACH = 100


def paged_query(post_id: str) -> str:
    """The one CDX list (a prefix, no scheme) of the channel's web preview paged back, `t.me/s/<channel>?before=M`:
    where a post whose own pages were never captured may be held (its "load more" pages, as crawlers follow them)."""
    return f"t.me/s/{post_id.partition('/')[0]}?before="


def paged_previews(snapshots: Iterable[Any], post_id: str, limit: int) -> list[Any]:
    """The captures of the channel's web preview paged by `?before=M` (M above the post's number) or `?after=M` (M
    below it) that may hold the post, nearest first (then earliest), one per content digest, at most `limit`: a
    page of this channel alone (any case), no other query (a search, `?q=`), within PAGED_REACH of the post. Which
    message a page holds is known only by reading it: `read_capture` takes the post's own message, never another."""
    from resolver.platforms import urls

    channel, _, number = post_id.lower().partition("/")
    near: list[tuple[int, str, Any]] = []
    for snap in snapshots:
        split = urls.split(snap.original or "")
        if split is None or split.host not in ("t.me", "telegram.me") or [p.lower() for p in split.parts] != [
                "s", channel] or (snap.mimetype or "") == "warc/revisit":
            continue
        args = [arg.partition("=") for arg in split.query_text.split("&") if arg]
        if len(args) != 1 or args[0][0] not in ("before", "after") or not telegram.MESSAGE_ID.match(args[0][2]):
            continue
        distance = int(args[0][2]) - int(number) if args[0][0] == "before" else int(number) - int(args[0][2])
        if 0 < distance <= PAGED_REACH and snap.status in (None, "", "-", "200"):
            near.append((distance, snap.timestamp, snap))
    chosen: list[Any] = []
    seen: set[str] = set()
    for _, _, snap in sorted(near, key=lambda found: found[:2]):
        if len(chosen) < limit and (snap.digest or snap.timestamp) not in seen:
            seen.add(snap.digest or snap.timestamp)
            chosen.append(snap)
    return chosen


def _record(post_id: str, status: str, method: str, reason: str | None = None, **fields: Any) -> PostRecord:
    return PostRecord(platform=telegram.PLATFORM, post_id=post_id, url=post_url(post_id), status=status,
                      method=method, reason=reason, **fields)


def read_widget(post_id: str, status: int | None, content_type: str, body: bytes,
                method: str = METHOD) -> tuple[PostRecord, str]:
    """(the record, the form) of one answer of t.me for the post: "widget" or "web-preview" (its message, on the
    widget's page or among the channel's posts), "error" (the widget's
    error element: "not found" when it says so), "page" (a page that holds neither: the post's own page, whose head
    cannot tell the post's words from the channel's description), "none" (no page of t.me)."""
    if status in (404, 410):
        return _record(post_id, "not_found", method, f"t.me answered HTTP {status}"), "none"
    if status == 429 or status is None or status >= 500:
        return _record(post_id, "error", method, f"t.me answered HTTP {status}"), "none"
    if 300 <= status < 400:
        return _record(post_id, "unknown", method, f"t.me answered a redirect (HTTP {status}), not the post's "
                                                   "page"), "none"
    if status != 200:
        return _record(post_id, "error", method, f"t.me answered HTTP {status}"), "none"
    if not is_page(content_type, body):
        return _record(post_id, "unknown", method, f"t.me answered {content_type or 'no content type'}, not a "
                                                   "page"), "none"
    soup = page_soup(body)
    message = _message(soup, post_id)
    if message is not None:   # a page of the channel's posts is its web preview (t.me/s/)
        return _from_message(post_id, message, method), "web-preview" if soup.select_one(
            ".tgme_channel_history") else "widget"
    error = soup.select_one(".tgme_widget_message_error")
    if error is not None:
        words = " ".join(error.get_text(" ").split())
        if NOT_FOUND_WORDS.search(words):
            return _record(post_id, "not_found", method, f"Telegram's widget answered \"{words}\""), "error"
        return _record(post_id, "unknown", method, f"Telegram's widget answered \"{words or 'an error'}\""), "error"
    others = [m.get("data-post") for m in soup.select(".tgme_widget_message[data-post]")]
    if others:
        return _record(post_id, "unknown", method, "the page shows other posts of the channel "
                                                   f"({', '.join(str(o) for o in others[:3])}), not this one"), "page"
    return _record(post_id, "unknown", method, "the page holds no message of the post (the post's own page: its "
                                               "head does not tell the post's words from the channel's)"), "page"


def _message(soup: BeautifulSoup, post_id: str) -> Tag | None:
    """The message element of this post (`data-post`, the channel in any case): a preview page shows many."""
    for element in soup.select("div.tgme_widget_message[data-post]"):
        if str(element.get("data-post") or "").strip().strip("/").lower() == post_id.lower():
            return element
    return None


def _from_message(post_id: str, message: Tag, method: str) -> PostRecord:
    named = str(message.get("data-post") or "").strip().strip("/")
    channel = named.split("/")[0] if "/" in named else None
    owner = message.select_one(".tgme_widget_message_owner_name, .tgme_widget_message_author_name")
    name = " ".join(owner.get_text(" ").split()) if owner is not None else None
    text_element = next((t for t in message.select(".tgme_widget_message_text")
                         if not t.find_parent(class_="tgme_widget_message_reply")), None)
    text = _words(text_element) if text_element is not None else None
    time = message.select_one("a.tgme_widget_message_date time[datetime], time.datetime[datetime], "
                              ".tgme_widget_message_meta time[datetime]")
    created = utc(str(time.get("datetime"))) if time is not None else None
    return _record(post_id, "available", method, author_handle=channel, author_name=name or None,
                   text=text or None, created_at=created, media=_media(message), references=_forwarded(message))


def forward_said(references: Iterable[Mapping[str, Any]], by: str | None) -> str | None:
    """What a report says of a forwarded post: "a forward: its words are NAME's (URL), which @BY forwarded", as the
    page named the original (a name with no link: an account that hides itself); None for a post that is no forward
    (newuser44a #4)."""
    forward = next((r for r in references if r.get("type") == "forwarded_from"), None)
    if forward is None:
        return None
    name, url = forward.get("name"), forward.get("url")
    whose = (f"{name}'s ({url})" if name and url else f"{name}'s (the page links no account: one that hides itself)"
             if name else f"those of {url}" if url else "another's, whom the page does not name")
    return f"a forward: its words are {whose}, which {f'@{by}' if by else 'this channel'} forwarded"


def _forwarded(message: Tag) -> tuple[dict[str, str], ...]:
    """Whom a forward is from, as the message names it: `{"type": "forwarded_from", "name"}`, with the `id`, `handle`
    and `url` of the channel's post its link names (or the channel's alone: `handle`, `url`); () for no forward. A
    reply's quote of another message is not this message's (newuser44a #4: a forward was read as the forwarding
    channel's own words)."""
    marked = next((m for m in message.select(".tgme_widget_message_forwarded_from")
                   if not m.find_parent(class_="tgme_widget_message_reply")), None)
    if marked is None:
        return ()
    named = marked.select_one(".tgme_widget_message_forwarded_from_name")
    words = " ".join((named or marked).get_text(" ").split())
    name = words if named is not None else re.sub(r"^forwarded\s+from\s*", "", words, flags=re.IGNORECASE)
    found: dict[str, str] = {"type": "forwarded_from"}
    href = str(named.get("href") or "").strip() if named is not None and named.name == "a" else ""
    ref = telegram.parse(href) if href else None
    if ref is not None and ref.kind == "post" and ref.post_id and not is_private(ref.post_id):
        found |= {"id": ref.post_id, "handle": ref.author_handle or ref.post_id.split("/")[0]}
    elif href and (channel := _CHANNEL_URL.fullmatch(href)) is not None:
        found |= {"handle": channel.group(1)}
    if name:
        found["name"] = name
    if href.startswith(("https://t.me/", "https://telegram.me/")):
        found["url"] = href
    return (found,)


def _words(element: Tag) -> str:
    """A message's words: a <br> a line break, the rest its text."""
    for br in element.find_all("br"):
        br.replace_with("\n")
    lines = [" ".join(line.split()) for line in element.get_text().split("\n")]
    return "\n".join(lines).strip()


def _media(message: Tag) -> tuple[Media, ...]:
    found: list[Media] = []
    for photo in message.select("a.tgme_widget_message_photo_wrap"):
        url = _style_url(photo)
        if url:
            found.append(Media(url=url, type="photo"))
    for video in message.select(".tgme_widget_message_video_player"):
        thumb = video.select_one(".tgme_widget_message_video_thumb")
        source = video.select_one("video[src]")
        poster = _style_url(thumb) if thumb is not None else None
        src = str(source.get("src")) if source is not None else None
        if poster or src:
            found.append(Media(url=src or poster or "", type="video", preview_url=poster,
                               variants=({"content_type": "video/mp4", "url": src},) if src else ()))
    return tuple(found)


def _style_url(element: Tag) -> str | None:
    found = _STYLE_URL.search(str(element.get("style") or ""))
    return found.group(1) if found and found.group(1).startswith("https://") else None


def read_capture(post_id: str, status: int | None, content_type: str, body: bytes,
                 method: str) -> tuple[PostRecord, str, tuple[str, ...]]:
    """An archived copy of a Telegram page (`read_widget` with the archive's method): a capture that holds the
    message but no words of it says so, never an available post with no text."""
    record, form = read_widget(post_id, status, content_type, body, method)
    if status is not None and status >= 400:
        record = _record(post_id, "not_found" if status in (404, 410) else "unknown", method,
                         f"the capture is t.me's HTTP {status} answer")
    notes: tuple[str, ...] = ()
    if record.status == "available" and not record.text:
        notes = ("the captured message holds no words (a photo or video alone)",)
        from dataclasses import replace

        record = replace(record, status="unknown", reason="the capture holds no text of the post")
    return record, form, notes
