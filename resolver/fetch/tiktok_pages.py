"""An archived copy of a TikTok video's page, read into a PostRecord: what a capture of
`https://www.tiktok.com/@<user>/video/<id>` says the video was (its caption, its account's handle and name, when it
was posted) when it was captured, for a video removed since that an article cites.

The page's state, by era (pages saved from tiktok.com, as scrapers of them read them, yt-dlp's TikTok extractor
among them):
- from about 2023, `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">`, its
  `__DEFAULT_SCOPE__["webapp.video-detail"]`: `statusCode` (0 when the page shows the video; another code, and often
  a `statusMsg`, in a removed or private video's place) and `itemInfo.itemStruct`: `id`, `desc` (the caption),
  `createTime` (epoch seconds, a number or a string), `author` an object (`uniqueId`: the handle, `nickname`: the
  name shown, `id`);
- before it, `<script id="SIGI_STATE" type="application/json">` (or `id="sigi-persisted-data"`, set as
  `window['SIGI_STATE']=…;`): `VideoPage.statusCode`, and `ItemModule` keyed by video id (the page's video, and the
  others of the rail beside it), each with `desc` and `createTime`, and its `author` in one of two forms: an object
  as above, or a string, the handle, with the name shown in the item's own `nickname` and the account's id in
  `authorId` (yt-dlp reads both: `('uniqueId', 'author')` of the author object or of the item itself);
- the head, every era: `og:url` and `<link rel="canonical">` naming the page's video or account.

A capture is this video's only when the page's state holds it under its id (itemStruct's `id`, ItemModule's key) and
no URL the page names itself by is another video's: one of another video, the account's page, TikTok's home page, its
login page or a "video currently unavailable" page (a `statusCode` other than 0) is never taken as it. Pure.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from resolver.fetch.captured import assigned_object, meta_tags, not_shown, page_soup
from resolver.fetch.captured import epoch as _epoch
from resolver.fetch.captured import object_at as _object
from resolver.fetch.captured import said as _said
from resolver.fetch.records import PostRecord
from resolver.placeholders import real
from resolver.platforms import tiktok

if TYPE_CHECKING:   # bs4 is loaded when a page is read (#14)
    from bs4 import BeautifulSoup

SITE = "https://www.tiktok.com"
_SIGI_ASSIGNED = re.compile(r"""window\[['"]SIGI_STATE['"]\]\s*=\s*""")
NO_CAPTION = "the captured page shows the video, with no caption: no words of it to compare"
NO_TIME = "the captured page gives no time the video was posted (no createTime of it): no date is taken"
EARLY = timedelta(seconds=60)   # how much earlier than its id's time a createTime may be: two clocks, not one


def capture_pages(video_id: str, handles: list[str | None]) -> list[str]:
    """Where captures of the video's page live, no scheme (CDX is asked by prefix, so `?lang=en` and
    `?is_from_webapp=1` are under them): its page under each handle it may be filed under (CDX files each apart; a
    handle is any case, its urlkey lower case), or under `/@/` (the page TikTok serves for an unknown author) with
    none."""
    distinct: dict[str, str] = {}
    for handle in handles:
        if handle:
            distinct.setdefault(handle.casefold(), handle.lstrip("@"))
    return [f"www.tiktok.com/@{handle}/video/{video_id}" for handle in distinct.values() or [""]]


def names_post(original: str, video_id: str) -> bool:
    """Whether a captured URL is this video's page (its id, under any account: a re-poster's handle names the same
    video)."""
    ref = tiktok.parse(original)
    return ref is not None and ref.kind == "post" and ref.post_id == video_id


def _record(video_id: str, status: str, method: str, reason: str | None = None, handle: str | None = None,
            **fields: Any) -> PostRecord:
    return PostRecord(platform=tiktok.PLATFORM, post_id=video_id, url=tiktok.post_url(video_id, handle),
                      status=status, method=method, reason=reason, author_handle=handle, **fields)


def read_capture(video_id: str, status: int | None, content_type: str, body: bytes, method: str,
                 original: str | None = None) -> tuple[PostRecord, str, tuple[str, ...]]:
    """(the record, the form, notes) of one capture of the video's page: "universal-data" (the state of 2023 on),
    "sigi-state" (the state before it), "none" (no page of it)."""
    unshown = not_shown(status, content_type, body, "tiktok.com", "video")
    if unshown is not None:
        return _record(video_id, unshown[0], method, unshown[1]), "none", ()
    soup = page_soup(body)
    named = _named_urls(soup)
    others = sorted({ref.post_id for ref in map(tiktok.parse, named)
                     if ref is not None and ref.kind == "post" and ref.post_id and ref.post_id != video_id})
    if not others and (page := _other_page(named)) is not None:   # its state may list the video among others
        return _record(video_id, "unknown", method, f"the capture shows {page}, not the video"), "none", ()
    scope = _universal(soup)
    detail = scope.get("webapp.video-detail") if isinstance(scope.get("webapp.video-detail"), dict) else None
    sigi = _sigi(soup, body) if detail is None else {}
    if detail is not None:
        form = "universal-data"
        item = _object(_object(detail, "itemInfo"), "itemStruct")
        code, said = detail.get("statusCode"), detail.get("statusMsg")
        held = str(item.get("id") or "") if item else ""
    else:
        form = "sigi-state"
        items = _object(sigi, "ItemModule")
        item = _object(items, video_id)
        code, said = _object(sigi, "VideoPage").get("statusCode"), _object(sigi, "VideoPage").get("statusMsg")
        # an account's page lists its videos in ItemModule too: the video's own page says it is one (its VideoPage,
        # or a URL naming the video)
        own = "VideoPage" in sigi or any(names_post(url, video_id) for url in named)
        held = video_id if item and own else ""
        if not item and len(items) == 1:
            held = str(next(iter(items)))   # the page of one other video
    if held and held != video_id:
        others = sorted(set(others) | {held})
    if others:
        return _record(video_id, "unknown", method, f"the captured page is the video {others[0]} "
                                                    f"({tiktok.post_url(others[0])}), not this one"), "none", ()
    if code not in (None, 0, "0"):
        words = f" “{' '.join(str(said).split())}”" if isinstance(said, str) and said.strip() else ""
        return _record(video_id, "unknown", method, f"the capture shows TikTok's notice (statusCode {code}{words}) in "
                                                    "the video's place, not the video"), "none", ()
    if not item or held != video_id:
        return _record(video_id, "unknown", method, f"the capture shows {_page_named(soup, named)}, not the "
                                                    "video"), "none", ()
    return _read_video(video_id, method, item, form)


def _read_video(video_id: str, method: str, item: dict[str, Any],
                form: str) -> tuple[PostRecord, str, tuple[str, ...]]:
    """The caption, the account and the time from the video's item: its `author` an object, or (SIGI_STATE) the
    handle as a string with the name shown and the account's id beside it in the item."""
    author = item.get("author")
    if isinstance(author, dict):
        handle, name, author_id = _said(author.get("uniqueId")), _said(author.get("nickname")), author.get("id")
    else:
        handle, name, author_id = _said(author), _said(item.get("nickname")), item.get("authorId")
    created = _epoch(item.get("createTime"))
    minted = tiktok.id_time(video_id)
    notes: tuple[str, ...] = () if created else (NO_TIME,)
    if created and minted is not None and \
            datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc) < minted - EARLY:
        # TikTok mints the id at the upload and posts the video then or later: a time before it is none of this
        # video's (review44d: shown as its "Archived date")
        notes = (f"the captured page gives the video's createTime as {created}, before its id was minted "
                 f"({minted.strftime('%Y-%m-%dT%H:%M:%SZ')}): no date is taken",)
        created = None
    fields = {"author_name": name, "author_id": str(author_id) if isinstance(author_id, (str, int)) and
              not isinstance(author_id, bool) and str(author_id) else None, "created_at": created}
    text = item.get("desc")
    caption = real(text.strip()) if isinstance(text, str) else None
    if not caption:
        return _record(video_id, "unknown", method, NO_CAPTION, handle, **fields), form, notes
    return _record(video_id, "available", method, None, handle, text=caption, **fields), form, notes


def _universal(soup: BeautifulSoup) -> dict[str, Any]:
    """`__DEFAULT_SCOPE__` of the page's `__UNIVERSAL_DATA_FOR_REHYDRATION__` script, or {}."""
    script = soup.find("script", id="__UNIVERSAL_DATA_FOR_REHYDRATION__")
    data = _json(script.string or "" if script is not None else "")
    return _object(data, "__DEFAULT_SCOPE__")


def _sigi(soup: BeautifulSoup, body: bytes) -> dict[str, Any]:
    """The SIGI_STATE the page carries: its JSON script (`id="SIGI_STATE"` or `"sigi-persisted-data"`), or the
    object set as `window['SIGI_STATE']=…;`; {} with none."""
    for name in ("SIGI_STATE", "sigi-persisted-data"):
        script = soup.find("script", id=name)
        if script is not None and (data := _json(script.string or "")):
            return data
    return assigned_object(_SIGI_ASSIGNED, body)


def _json(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _named_urls(soup: BeautifulSoup) -> list[str]:
    """The URLs the page names itself by: og:url and the canonical link."""
    og = meta_tags(soup)
    canonical = soup.find("link", rel="canonical")
    found = [og.get("og:url"), str(canonical.get("href")) if canonical is not None else None]
    return [urljoin(f"{SITE}/", url) for url in found if url]


def _other_page(named: list[str]) -> str | None:
    """The page a capture names itself as when that is no video's: an account's page (whose state lists its videos,
    this one among them), the login page, TikTok's home page; None when it names none of those."""
    for url in named:
        parts = [p for p in urlsplit(url).path.split("/") if p]
        if len(parts) == 1 and parts[0].startswith("@") and len(parts[0]) > 1:
            return f"the account page {tiktok.profile_url(parts[0][1:])}"
        if parts[:1] == ["login"]:
            return "TikTok's login page"
    if any(urlsplit(url).path in ("", "/") for url in named):
        return "TikTok's home page (the video's URL redirected there)"
    return None


def _page_named(soup: BeautifulSoup, named: list[str]) -> str:
    """What a page that holds no video is: an account's page, the login page, TikTok's home page, or another."""
    if (page := _other_page(named)) is not None:
        return page
    title_tag = soup.find("title")
    title = " ".join(title_tag.get_text().split())[:120] if title_tag is not None else ""
    return f"a page that holds no video (its title: “{title}”)" if title else "a page that holds no video"
