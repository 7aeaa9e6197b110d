"""An archived copy of an Instagram post's page, read into a PostRecord: what a capture of
`https://www.instagram.com/p/<code>/` says the post was (its caption, its account, when it was posted) when it was
captured, for a post removed or made private since that an article embeds (Meta's oEmbed then answers its error 100,
and holds no caption even for a live post).

The page, by era (pages saved from instagram.com, as yt-dlp's Instagram extractor and link previewers read them):
- until about 2022, the post's data in `window._sharedData = {…};`: `entry_data.PostPage[0].graphql.shortcode_media`
  (`shortcode`, `edge_media_to_caption.edges[0].node.text` the caption, `taken_at_timestamp` epoch seconds, `owner`
  with `username`, `full_name`, `id`), or, before it, `entry_data.PostPage[0].media` (`code`, `caption`, `date`,
  `owner`); a logged-in page set it in `window.__additionalDataLoaded('<path>', {"graphql": {"shortcode_media": …}})`;
- every era, the head: `og:title` "NAME on Instagram: “caption”" (straight quotes in later years, and often cut
  short), `og:description` "N Likes, N Comments - NAME (@user) on Instagram: “caption”" (or "@user on Instagram: …"
  with no name), in later years "N likes, N comments - user on Month D, YYYY: "caption"." (a day, no time or zone),
  `og:url` and `<link rel="canonical">` naming the post's page.

A capture is this post's only when a URL the page names itself by (og:url, canonical) or the page's data holds its
code (codes are case-sensitive: CDX files `CqR…` and `cqr…` under one lower-case key). The page Instagram serves to
logged-out clients (its login page, og:url its home page), an account's page, another post's page, or its "Sorry,
this page isn't available." page is never taken as the post, and its words are never read as the caption. Pure.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from resolver.fetch.captured import assigned_object, meta_tags, not_shown, page_soup
from resolver.fetch.captured import epoch as _epoch
from resolver.fetch.captured import object_at as _object
from resolver.fetch.captured import said as _said
from resolver.fetch.records import CUT_MARK, PostRecord
from resolver.placeholders import real
from resolver.platforms import instagram

if TYPE_CHECKING:   # bs4 is loaded when a page is read (#14)
    from bs4 import BeautifulSoup

SITE = "https://www.instagram.com"
LOGIN_WALL = "Instagram's login page (what it serves to logged-out clients)"
NO_CAPTION = "the captured page shows the post, with no caption: no words of it to compare"
CUT = "the page's head gives the caption cut short: the text is its opening words"
EARLY = timedelta(seconds=60)
_SHARED = re.compile(r"window\._sharedData\s*=\s*")
_ADDITIONAL = re.compile(r"window\.__additionalDataLoaded\s*\(\s*(['\"])[^'\"]*\1\s*,\s*")
_COUNT = r"[\d.,]+[KkMm]?"
# og:description, 2014-2022: "12 Likes, 3 Comments - Name (@user) on Instagram: “caption”" (or "- @user on …")
_CLASSIC = re.compile(rf"{_COUNT} Likes?, {_COUNT} Comments? - (?:(?P<name>.+?) \(@(?P<user>[A-Za-z0-9_.]{{1,30}})\)|"
                      rf"@(?P<bare>[A-Za-z0-9_.]{{1,30}})) on Instagram: [“\"](?P<text>.*)", re.S)
# og:description, later: "42 likes, 1 comments - user on January 9, 2024: "caption"."
_DATED = re.compile(rf"{_COUNT} likes?, {_COUNT} comments? - (?P<user>[A-Za-z0-9_.]{{1,30}}) on "
                    r"(?P<day>[A-Z][a-z]+ \d{1,2}, \d{4}): [“\"](?P<text>.*)", re.S)
# og:title: "Name on Instagram: “caption”"
_TITLE = re.compile(r"(?P<name>.+?) on Instagram: [“\"](?P<text>.*)", re.S)


def capture_pages(code: str) -> list[str]:
    """Where captures of the post's page live, no scheme (CDX is asked by prefix, so `?utm_source=…` and `?hl=en` are
    under them): its /p/ page, and its /reel/ page (a reel's link, filed apart)."""
    return [f"www.instagram.com/p/{code}/", f"www.instagram.com/reel/{code}/"]


def names_post(original: str, code: str) -> bool:
    """Whether a captured URL is this post's page (its code, in its case: `/<user>/p/<code>/`, `/reel/`, `/tv/` too);
    a comment's page under it is not."""
    ref = instagram.parse(original)
    return ref is not None and ref.kind == "post" and ref.post_id == code


def _record(code: str, status: str, method: str, reason: str | None = None, **fields: Any) -> PostRecord:
    return PostRecord(platform=instagram.PLATFORM, post_id=code, url=instagram.post_url(code), status=status,
                      method=method, reason=reason, **fields)


def read_capture(code: str, status: int | None, content_type: str, body: bytes, method: str,
                 original: str | None = None) -> tuple[PostRecord, str, tuple[str, ...]]:
    """(the record, the form, notes) of one capture of the post's page: "shared-data" (the page's data of its
    post), "page-head" (its head alone), "none" (no page of the post)."""
    unshown = not_shown(status, content_type, body, "instagram.com", "post")
    if unshown is not None:
        return _record(code, unshown[0], method, unshown[1]), "none", ()
    soup = page_soup(body)
    og = meta_tags(soup)
    canonical = soup.find("link", rel="canonical")
    named = [urljoin(f"{SITE}/", url) for url in (og.get("og:url"), str(canonical.get("href")) if canonical is not None
                                                  else None) if url]
    media = _media(body)
    held = str(media.get("shortcode") or media.get("code") or "") if media else ""
    others = sorted({ref.post_id for ref in map(instagram.parse, named) if ref is not None and ref.kind == "post"
                     and ref.post_id and ref.post_id != code} | ({held} if held and held != code else set()))
    if others:
        return _record(code, "unknown", method, f"the captured page is the post {others[0]} "
                                                f"({instagram.post_url(others[0])}), not this one"), "none", ()
    own = held == code or any(names_post(url, code) for url in named)
    if not media and _login_wall(soup, og, named):   # served at the post's URL too, where it may name the post
        return _record(code, "unknown", method, f"the capture shows {LOGIN_WALL}, not the post"), "none", ()
    if not own:
        return _record(code, "unknown", method, f"the capture shows {_page_named(soup, og, named)}, not the post"), \
            "none", ()
    if media:
        return _from_media(code, method, media)
    return _from_head(code, method, og)


def _from_media(code: str, method: str, media: dict[str, Any]) -> tuple[PostRecord, str, tuple[str, ...]]:
    owner = _object(media, "owner")
    edges = _object(media, "edge_media_to_caption").get("edges")
    node = _object(edges[0], "node") if isinstance(edges, list) and edges and isinstance(edges[0], dict) else {}
    text = node.get("text") if isinstance(node.get("text"), str) else media.get("caption")
    created, notes = _timed(code, _epoch(media.get("taken_at_timestamp") or media.get("date")))
    owner_id = owner.get("id")
    fields = {"author_handle": _said(owner.get("username")), "author_name": _said(owner.get("full_name")),
              "author_id": str(owner_id) if isinstance(owner_id, (str, int)) and not isinstance(owner_id, bool)
              and str(owner_id) else None, "created_at": created}
    if not created and not notes:
        notes = ("the captured page gives no time the post was made (no taken_at_timestamp): no date is taken",)
    caption = real(text.strip()) if isinstance(text, str) else None
    if not caption:
        return _record(code, "unknown", method, NO_CAPTION, **fields), "shared-data", notes
    return _record(code, "available", method, text=caption, **fields), "shared-data", notes


def _from_head(code: str, method: str, og: dict[str, str]) -> tuple[PostRecord, str, tuple[str, ...]]:
    """The caption, account and day the head's og:description and og:title give; the whole caption of either before
    one cut short."""
    described = (og.get("og:description") or og.get("description") or "").strip()
    title = (og.get("og:title") or "").strip()
    handle = name = day = None
    found: list[tuple[str, bool]] = []
    if classic := _CLASSIC.fullmatch(described):
        handle, name = classic.group("user") or classic.group("bare"), classic.group("name")
        found.append(_closed(classic.group("text")))
    elif dated := _DATED.fullmatch(described):
        handle, day = dated.group("user"), dated.group("day")
        found.append(_closed(dated.group("text")))
    if titled := _TITLE.fullmatch(title):
        name = name or titled.group("name")
        found.append(_closed(titled.group("text")))
    notes: list[str] = []
    if day:
        notes.append(f"the page gives the day it was posted, {day}, with no time or time zone: no date is taken "
                     "from it")
    fields = {"author_handle": _said(handle), "author_name": _said(name)}
    whole = [text for text, cut in found if not cut and real(text)]
    opening = [text for text, cut in found if cut and real(text)]
    if whole:
        return _record(code, "available", method, text=real(whole[0]), **fields), "page-head", tuple(notes)
    if opening:   # ended with the cut's mark, as every source cut short is: the words after it are not compared
        # as glued on (review45e: a quote of the whole caption warned of "words that are not the post's")
        start = max(opening, key=len)
        return _record(code, "available", method, text=real(start if start.endswith(("...", CUT_MARK)) else
                                                            start + CUT_MARK), **fields), "page-head", (CUT, *notes)
    if found:
        return _record(code, "unknown", method, NO_CAPTION, **fields), "page-head", tuple(notes)
    return _record(code, "unknown", method, "the captured page names the post, but its head holds no caption in a "
                                            "form Instagram gave one (og:title “NAME on Instagram: …”, "
                                            "og:description “… on Instagram: …”)", **fields), "none", tuple(notes)


def _closed(text: str) -> tuple[str, bool]:
    """A caption from the head, without its closing quote (and the later form's closing period), and whether it is
    cut (no closing quote, or a closing "..." or "…")."""
    text = text.strip()
    closed = re.fullmatch(r"(.*?)[”\"]\.?", text, re.S)
    if closed:
        inner = closed.group(1).strip()
        return inner, inner.endswith(("...", "…"))
    return text, True


def _timed(code: str, created: str | None) -> tuple[str | None, tuple[str, ...]]:
    """The post's time, unless it is before its code's id was minted (two clocks: a minute's grace): a time of no post
    of this code."""
    minted = instagram.code_time(code)
    if created and minted is not None and \
            datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc) < minted - EARLY:
        return None, (f"the captured page gives the post's time as {created}, before its code's id was minted "
                      f"({minted.strftime('%Y-%m-%dT%H:%M:%SZ')}): no date is taken",)
    return created, ()


def _media(body: bytes) -> dict[str, Any]:
    """The post's data the page sets: `_sharedData`'s PostPage, or `__additionalDataLoaded`'s; {} with none."""
    shared = assigned_object(_SHARED, body)
    pages = _object(shared, "entry_data").get("PostPage")
    page = pages[0] if isinstance(pages, list) and pages and isinstance(pages[0], dict) else {}
    media = _object(_object(page, "graphql"), "shortcode_media") or _object(page, "media")
    if media:
        return media
    return _object(_object(assigned_object(_ADDITIONAL, body), "graphql"), "shortcode_media")


def _title(soup: BeautifulSoup) -> str:
    title_tag = soup.find("title")
    return " ".join(title_tag.get_text().split())[:120] if title_tag is not None else ""


def _login_wall(soup: BeautifulSoup, og: dict[str, str], named: list[str]) -> bool:
    """Whether the page is Instagram's login page, as logged-out clients get it in a post's place: it names itself
    by the login page or the home page (og:url "https://instagram.com/"), its description is the site's
    "Create an account or log in to Instagram - …", or its title is "Login • Instagram"."""
    described = og.get("og:description") or og.get("description") or ""
    return described.startswith("Create an account or log in to Instagram") or _title(soup).startswith("Login") \
        or any([p for p in urlsplit(url).path.split("/") if p][:2] in ([], ["accounts", "login"]) for url in named)


def _page_named(soup: BeautifulSoup, og: dict[str, str], named: list[str]) -> str:
    """What a page that is not the post's is: an account's page, the "not available" page, another."""
    title = _title(soup)
    for url in named:
        parts = [p for p in urlsplit(url).path.split("/") if p]
        if len(parts) == 1 and instagram.USER.match(parts[0]) and parts[0] not in instagram.NOT_USERS:
            return f"the account page {instagram.profile_url(parts[0])}"
    if "isn't available" in soup.get_text(" ")[:4000] or title.startswith("Page Not Found"):
        return "Instagram's “Sorry, this page isn't available.” page"
    return f"a page that does not name the post (its title: “{title}”)" if title else \
        "a page that does not name the post (no og:url, canonical link or data of its code)"


__all__ = ["capture_pages", "names_post", "read_capture"]
