"""What an archived copy of a post says (#9 §2): every form a Wayback capture of a tweet takes, read into a
PostRecord with method "wayback".

A raw capture (`/web/<timestamp>id_/<original>`) holds the original service's bytes, so the forms are the ones
twitter.com and its endpoints served over the years (shared/reference/wayback/tweet_captures/README.md):

- classic permalink pages (2012-2020): `div.tweet[data-tweet-id]` with `p.tweet-text`, `data-screen-name`,
  `data-name`, `span._timestamp[data-time-ms]`. Ancestors come before the post and replies after it, so the
  element is found by the post's id, never by being first;
- the legacy mobile site: `div.tweet-text[data-id]`, `.fullname strong`, `span.username`, `div.metadata a`
  (US Pacific time, no epoch);
- the React app as a browser rendered it: `article[data-testid=tweet]`, `[data-testid=tweetText]`,
  `[data-testid=User-Names]`, `time[datetime]`;
- pages where only the head carries the post: `<title>Name on Twitter: "text"</title>` (localised, ` / Twitter`
  in the React era, `Twitter / handle: text...` truncated in 2012), `og:title`, `og:description` (in “ ” until
  the X era), and the X crawler shell's `og:title` "Name (@handle) on X";
- captured JSON: syndication `tweet-result`, publish.twitter.com oEmbed, API v1.1 `statuses/show` (and its
  error bodies), the v2 `/2/tweets`, and the adaptive `globalObjects` envelope.

Placeholders ("JavaScript is not available.", "Tweet may have been deleted") are never a text, name or date.
Archived markup is old and messy: beautifulsoup4 reads it (lxml stays for extraction's hot path). Pure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from resolver import jsonparse
from resolver.fetch import (bluesky_pages, instagram_pages, mastodon, oembed, reddit_pages, syndication, telegram,
                            tiktok_pages, xapi, youtube_pages)
from resolver.fetch.captured import page_soup
from resolver.fetch.records import ARCHIVED_COPY, WAYBACK, PostRecord, json_text, links_of
from resolver.placeholders import is_placeholder, real
from resolver.platforms import bluesky as platforms_bluesky
from resolver.platforms import instagram as platforms_instagram
from resolver.platforms import mastodon as platforms_mastodon
from resolver.platforms import reddit as platforms_reddit
from resolver.platforms import tiktok as platforms_tiktok
from resolver.platforms import youtube as platforms_youtube
from resolver.platforms import x
from resolver.redact import NO_SECRETS, Redactor

if TYPE_CHECKING:   # bs4 is loaded when a capture is read: a run that reads none does not pay for it (#14)
    from bs4 import BeautifulSoup, Tag

    from resolver.http import Ledger

METHOD = WAYBACK
WEB = "https://web.archive.org/web"


@dataclass(frozen=True)
class CaptureReading:
    """What one capture says: the record, which form the capture took, and what the reader noticed."""

    record: PostRecord
    form: str                      # "classic-permalink" | "mobile-legacy" | "react-dom" | "page-head" | "x-shell"
    #                                | "syndication" | "oembed" | "api-v1.1" | "api-v2" | "adaptive" | "none"
    notes: tuple[str, ...] = ()    # "the title is cut (...)", "date from the page's US Pacific time"...


def raw_url(timestamp: str, original: str) -> str:
    """The raw capture: `id_` asks Wayback for the original bytes, without its toolbar or rewritten links."""
    return f"{WEB}/{timestamp}id_/{original}"


def read(post_id: str, status: int | None, content_type: str, body: bytes,
         original: str | None = None, platform: str | None = None) -> CaptureReading:
    """Read one capture of the post `post_id` (the HTTP status and content type the capture recorded; `original`, the
    URL captured). A Telegram post's (its id `<channel>/<n>`, never an X post's number) is read by
    resolver.fetch.telegram, a Mastodon post's (`<instance>/<id>`) by resolver.fetch.mastodon. A TikTok video's id is
    all digits, as an X post's is: its `platform` says it is one (resolver.fetch.tiktok_pages)."""
    if _is_tiktok(platform):
        record, form, notes = tiktok_pages.read_capture(post_id, status, content_type, body, METHOD, original)
        return CaptureReading(record, form, notes)
    if _is_instagram(platform):   # a code of 11 characters, as a YouTube video's id is
        record, form, notes = instagram_pages.read_capture(post_id, status, content_type, body, METHOD, original)
        return CaptureReading(record, form, notes)
    if platform == platforms_reddit.PLATFORM:   # a base-36 id, any length: told by its platform (newuser46c #6)
        record, form, notes = reddit_pages.read_capture(post_id, status, content_type, body, METHOD, original)
        return CaptureReading(record, form, notes)
    if telegram.is_post_id(post_id):
        record, form, notes = telegram.read_capture(post_id, status, content_type, body, METHOD)
        return CaptureReading(record, form, notes)
    if mastodon.is_post_id(post_id):
        record, form, notes = mastodon.read_capture(post_id, status, content_type, body, METHOD, original)
        return CaptureReading(record, form, notes)
    if bluesky_pages.is_post_id(post_id):   # a Bluesky post's (`<handle or did>/<rkey>`) by resolver.fetch.bluesky
        record, form, notes = bluesky_pages.read_capture(post_id, status, content_type, body, METHOD, original)
        return CaptureReading(record, form, notes)
    if youtube_pages.is_video_id(post_id):   # a YouTube video's watch page (its id: 11 characters, not all digits)
        record, form, notes = youtube_pages.read_capture(post_id, status, content_type, body, METHOD, original)
        return CaptureReading(record, form, notes)
    data = _json(content_type, body)
    if data is not None:
        return _read_json(post_id, status, data)
    if status is not None and status >= 400:
        return _reading(post_id, "not_found" if status in (404, 410) else "unknown", "none",
                        reason=f"the capture is the service's HTTP {status} answer")
    soup = page_soup(body)   # the legacy mobile site's XHTML-MP, with an <?xml?> prolog, is HTML all the same
    for reader in (_classic, _mobile, _react):
        found = reader(post_id, soup)
        if found is not None:
            return _with_head(found, post_id, soup)
    return _head_only(post_id, soup)


def _is_tiktok(platform: str | None) -> bool:
    """Whether the post is a TikTok video: its id, all digits, is told from an X post's by its platform alone (every
    other platform's by its id's shape), so the functions reading captures are given it."""
    return platform == platforms_tiktok.PLATFORM


def _is_instagram(platform: str | None) -> bool:
    """Whether the post is an Instagram post: its code (11 characters since about 2016) is told from a YouTube video's
    id by its platform alone."""
    return platform == platforms_instagram.PLATFORM


# -- records ----------------------------------------------------------------------------------------------------

def _reading(post_id: str, status: str, form: str, *, reason: str | None = None, notes: tuple[str, ...] = (),
             **fields: Any) -> CaptureReading:
    handle = fields.get("author_handle")
    fields = {k: (real(v) if k in ("text", "author_name") else v) for k, v in fields.items()}
    if status == "available" and not fields.get("text"):
        status, reason = "unknown", reason or "the capture holds no text of the post"
    record = PostRecord(platform="twitter", post_id=post_id, url=x.status_url(post_id, handle), status=status,
                        method=METHOD, reason=reason, **fields)
    return CaptureReading(record, form, notes)


def _as_wayback(record: PostRecord | None, post_id: str, form: str) -> CaptureReading:
    if record is None:
        return _reading(post_id, "unknown", form, reason="the captured answer does not hold this post")
    text, name = real(record.text), real(record.author_name)
    status = record.status
    reason = record.reason
    if status == "available" and not text:
        status, reason = "unknown", "the captured answer holds no text of the post"
    return CaptureReading(replace(record, method=METHOD, text=text, author_name=name, status=status, reason=reason),
                          form)


# -- JSON -------------------------------------------------------------------------------------------------------

def _json(content_type: str, body: bytes) -> Any:
    head = body.lstrip()[:1]
    if "json" not in content_type.lower() and head not in (b"{", b"["):
        return None
    try:
        return jsonparse.loads(body)
    except ValueError:
        return None


def _read_json(post_id: str, status: int | None, data: Any) -> CaptureReading:
    ok = status is None or 200 <= status < 300
    if not isinstance(data, dict) or not data:
        return _reading(post_id, "unknown", "none", reason="the captured JSON is empty or not an object")
    if "globalObjects" in data:
        return _adaptive(post_id, data)
    if isinstance(data.get("html"), str) and ("author_name" in data or "provider_name" in data):
        body = json.dumps(data).encode()
        return _as_wayback(oembed.parse("twitter", post_id, x.status_url(post_id), 200, "application/json", body),
                           post_id, "oembed")
    inner = data["data"] if isinstance(data.get("data"), dict) and "__typename" in data["data"] else data
    if "__typename" in inner or re.match(r"\d{4}-\d{2}-\d{2}T", str(inner.get("created_at") or "")):
        # tweet-result (react-tweet's proxy wraps it in {"data": ...}); its dates are ISO, v1.1's are not
        return _as_wayback(syndication.parse(post_id, status or 200, "application/json", json.dumps(data).encode()),
                           post_id, "syndication")
    if "data" in data or ("errors" in data and any("type" in e for e in data["errors"] if isinstance(e, dict))):
        records = xapi.parse([post_id], {**data, "data": _as_list(data.get("data"))})
        return _as_wayback(records.get(post_id), post_id, "api-v2")
    if "errors" in data:
        return _v1_errors(post_id, data["errors"])
    if "id_str" in data and ok:
        return _v1(post_id, data, {}, "api-v1.1")
    return _reading(post_id, "unknown", "none", reason="the captured JSON is in no known form")


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if isinstance(value, dict) else []


# API v1.1 error codes (what a capture of statuses/show holds when the post was already gone).
V1_ERRORS = {144: "not_found", 34: "not_found", 179: "protected", 63: "suspended", 64: "suspended",
             421: "not_found", 422: "not_found"}


def _v1_errors(post_id: str, errors: Any) -> CaptureReading:
    first: dict[str, Any] = next((e for e in errors if isinstance(e, dict)), {}) if isinstance(errors, list) else {}
    code = first.get("code")
    status = V1_ERRORS.get(code, "unknown") if isinstance(code, int) else "unknown"
    return _reading(post_id, status, "api-v1.1", reason=f"when captured, the API said: {first.get('message')} "
                                                       f"(code {first.get('code')})")


def _v1(post_id: str, tweet: dict[str, Any], users: dict[str, Any], form: str) -> CaptureReading:
    if str(tweet.get("id_str")) != post_id:
        return _reading(post_id, "unknown", form, reason=f"the captured answer is post {tweet.get('id_str')}, "
                                                         "not this one")
    user: dict[str, Any] = tweet["user"] if isinstance(tweet.get("user"), dict) else \
        users.get(str(tweet.get("user_id_str"))) or {}
    references = []
    for key, kind in (("retweeted_status", "retweeted"), ("quoted_status", "quoted")):
        if isinstance(tweet.get(key), dict) and tweet[key].get("id_str"):
            references.append({"type": kind, "id": tweet[key]["id_str"]})
    if tweet.get("in_reply_to_status_id_str"):
        references.append({"type": "replied_to", "id": tweet["in_reply_to_status_id_str"]})
    return _reading(post_id, "available", form, text=json_text(tweet.get("full_text") or tweet.get("text")),
                    author_handle=user.get("screen_name"), author_name=user.get("name"),
                    author_id=user.get("id_str") or tweet.get("user_id_str"), lang=tweet.get("lang"),
                    created_at=_v1_time(tweet.get("created_at")), references=tuple(references),
                    links=links_of(tweet.get("entities")))


def _v1_time(value: Any) -> str | None:
    """'Thu Nov 08 02:31:41 +0000 2012' -> '2012-11-08T02:31:41Z'."""
    try:
        moment = datetime.strptime(str(value), "%a %b %d %H:%M:%S %z %Y")
    except ValueError:
        return None
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _adaptive(post_id: str, data: dict[str, Any]) -> CaptureReading:
    objects = data.get("globalObjects") or {}
    tweet = (objects.get("tweets") or {}).get(post_id)
    if not isinstance(tweet, dict):
        return _reading(post_id, "unknown", "adaptive", reason="the captured timeline does not hold this post")
    return _v1(post_id, tweet, objects.get("users") or {}, "adaptive")


# -- HTML: the post's own markup --------------------------------------------------------------------------------

def _text(element: Tag) -> str:
    """An element's text as the API gives it: emoji images as their alt, links as their t.co address."""
    for img in element.find_all("img"):
        img.replace_with(str(img.get("alt") or ""))
    for br in element.find_all("br"):
        br.replace_with("\n")
    for link in element.find_all("a", href=True):
        href = str(link["href"])
        if re.match(r"https?://t\.co/", href):
            link.replace_with(f" {href} ")
    for hidden in element.select(".visuallyhidden, .u-hiddenVisually"):
        hidden.decompose()
    text = element.get_text()
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def _epoch(value: Any, scale: int) -> str | None:
    try:
        moment = datetime.fromtimestamp(int(str(value)) / scale, tz=timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _classic(post_id: str, soup: BeautifulSoup) -> CaptureReading | None:
    tweet = soup.find(True, attrs={"data-tweet-id": post_id, "class": re.compile(r"\btweet\b")})
    if tweet is None:
        # Late-2019 pages cleaned by tools keep .permalink-tweet without data-tweet-id; trust it only alone.
        focal = soup.select(".permalink-tweet")
        if len(focal) != 1 or focal[0].get("data-tweet-id") not in (None, post_id):
            return None
        tweet = focal[0]
    paragraph = tweet.select_one("p.tweet-text, p.js-tweet-text")
    if paragraph is None:
        return None
    stamp = tweet.select_one("._timestamp[data-time-ms], ._timestamp[data-time], [data-time]")
    created = (_epoch(stamp.get("data-time-ms"), 1000) or _epoch(stamp.get("data-time"), 1)) if stamp else None
    name = tweet.get("data-name") or _text_of(tweet.select_one(".fullname"))
    handle = tweet.get("data-screen-name") or _handle(_text_of(tweet.select_one(".username")))
    return _reading(post_id, "available", "classic-permalink", text=_text(paragraph), author_name=name,
                    author_handle=handle, author_id=tweet.get("data-user-id"), lang=paragraph.get("lang"),
                    created_at=created)


def _mobile(post_id: str, soup: BeautifulSoup) -> CaptureReading | None:
    holder = soup.find("div", attrs={"class": "tweet-text", "data-id": post_id})
    if holder is None:
        return None
    table = holder.find_parent("table") or soup
    content = holder.select_one(".dir-ltr, .dir-rtl") or holder
    name = _text_of(table.select_one(".user-info .fullname strong, .user-info .fullname"))
    handle = _handle(_text_of(table.select_one(".user-info .username, .username")))
    shown = _text_of(table.select_one(".metadata a, .metadata"))
    created, notes = _pacific(shown)
    return _reading(post_id, "available", "mobile-legacy", text=_text(content), author_name=name,
                    author_handle=handle, created_at=created, notes=notes)


def _pacific(shown: str | None) -> tuple[str | None, tuple[str, ...]]:
    """'1:05 PM - 18 Feb 2015' as logged-out pages showed it: US Pacific time, read into UTC."""
    match = re.search(r"(\d{1,2}):(\d{2})\s*([AP]M)\s*-\s*(\d{1,2}) ([A-Za-z]{3})\w* (\d{4})", shown or "")
    if not match:
        return None, ()
    from zoneinfo import ZoneInfo

    hour, minute, half, day, month, year = match.groups()
    try:
        local = datetime.strptime(f"{day} {month} {year} {int(hour) % 12 + (12 if half == 'PM' else 0)}:{minute}",
                                  "%d %b %Y %H:%M")
    except ValueError:
        return None, ()
    moment = local.replace(tzinfo=ZoneInfo("America/Los_Angeles")).astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:00Z"), ("date from the page's US Pacific time, to the minute",)


def _react(post_id: str, soup: BeautifulSoup) -> CaptureReading | None:
    for article in soup.select('article[data-testid="tweet"]'):
        link = article.find("a", href=re.compile(rf"/status/{post_id}(?:[/?#]|$)"))
        time = link.find("time") if link is not None else None
        if time is None:
            continue   # a reply or an ancestor: the post's own article links its id around its time
        body = article.select_one('[data-testid="tweetText"]')
        names = article.select_one('[data-testid="User-Names"], [data-testid="User-Name"]')
        spans = [s.get_text(" ", strip=True) for s in names.find_all("span")] if names else []
        handle = next((_handle(s) for s in spans if s.startswith("@")), None)
        name = next((s for s in spans if s and not s.startswith("@") and s != "·"), None)
        created = _iso(time.get("datetime"))
        return _reading(post_id, "available", "react-dom", text=_text(body) if body else None, author_name=name,
                        author_handle=handle, lang=body.get("lang") if body else None, created_at=created)
    return None


def _iso(value: Any) -> str | None:
    return syndication.iso_utc(str(value)) if value else None


def _text_of(element: Tag | None) -> str | None:
    if element is None:
        return None
    return _text(element) or None


def _handle(value: str | None) -> str | None:
    found = re.search(r"@\s*([A-Za-z0-9_]{1,15})\b", value or "") or re.fullmatch(r"\s*([A-Za-z0-9_]{1,15})\s*",
                                                                               value or "")
    return found.group(1) if found else None


# -- HTML: the head ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Head:
    """What a page's head says of a post: the X crawler shell, non-JS React captures and classic pages have it."""

    text: str | None = None
    name: str | None = None
    handle: str | None = None
    post_id: str | None = None     # from og:url, canonical link or app links
    truncated: bool = False
    form: str = "page-head"
    page: str | None = None        # the URL the head names when it is no post's (an account's page)


def read_head(soup: BeautifulSoup) -> Head:
    """og:description / og:title / <title> / og:url, placeholders refused. The description is a post's words only
    on a post's page: the head names a post's URL, or its titles are a post's ("Name on Twitter", "Name (@handle)
    on X"); an account's page (its bio), the login wall (the site's blurb) or a search page says other things
    there (review28)."""
    og = {str(m.get("property") or m.get("name")): str(m.get("content") or "") for m in soup.find_all("meta")
          if (m.get("property") or m.get("name")) and m.get("content") is not None}
    title_tag = soup.find("title")
    title = " ".join(title_tag.get_text().split()) if title_tag else ""
    name = handle = text = None
    truncated = False
    form = "page-head"
    og_title = og.get("og:title") or og.get("title") or ""
    on_x = re.fullmatch(r"(.+?) \(@([A-Za-z0-9_]{1,15})\) on X", og_title)
    if on_x:
        name, handle, form = on_x.group(1), on_x.group(2), "x-shell"
    elif on := re.fullmatch(r"(.+?) on (?:Twitter|X)", og_title):   # "Name on X": the X era's browser pages
        name = on.group(1)
    canonical = soup.find("link", rel="canonical")
    named = [og.get(key) for key in ("og:url", "al:ios:url", "al:android:url")]
    named.append(str(canonical.get("href")) if canonical else None)
    post_id = next((found for found in map(_id_in, named) if found), None)
    page = next((url for url in named if url and url.startswith("http")), None) if post_id is None else None
    described = og.get("og:description") or og.get("description")
    if described and page is None and (post_id or name):
        text = _unquote(described)
    said = re.fullmatch(r'(.+?) \S+ (Twitter|X): "(.*)"(?: / \2)?', title, re.S)
    if said:
        name = name or said.group(1)
        text = text or said.group(3)
    old = re.fullmatch(r"Twitter / ([A-Za-z0-9_]{1,15}): (.*)", title, re.S)
    if old:
        handle = handle or old.group(1)
        if not text:
            text = old.group(2)
            truncated = text.endswith(("...", "…"))
    url_handle = _url_handle(og.get("og:url")) or _url_handle(str(canonical.get("href")) if canonical else None)
    return Head(real(text), real(name), handle or url_handle, post_id, truncated, form, page)


def _unquote(value: str) -> str:
    """og:description wrapped in “ ” (2014-2022) loses the wrapping; the X era's plain value is kept."""
    value = value.strip()
    if len(value) >= 2 and value[0] == "“" and value[-1] == "”":
        return value[1:-1]
    return value


def _id_in(value: str | None) -> str | None:
    if not value:
        return None
    found = re.search(r"/status(?:es)?/(\d{1,20})|status(?:_|\?)id=(\d{1,20})", value)
    return (found.group(1) or found.group(2)) if found else None


def _url_handle(value: str | None) -> str | None:
    ref = x.parse_url(value) if value else None
    return ref.author_handle if ref is not None else None


def _head_only(post_id: str, soup: BeautifulSoup) -> CaptureReading:
    head = read_head(soup)
    shown = head.post_id or _shown_post(soup)
    if shown and shown != post_id:
        return _reading(post_id, "unknown", head.form, reason=f"the captured page is post {shown}, not this one")
    if head.page is not None:
        what = "the account page" if _url_handle(head.page) else "the page"
        return _reading(post_id, "unknown", head.form, reason=f"the captured page is {what} {head.page}, not a post")
    if not head.text:
        page = _placeholder_page(soup)
        return _reading(post_id, "unknown", "none" if not head.name else head.form,
                        reason=f"the capture shows {page}, not the post" if page
                        else "the capture holds no text of the post (a page shell)" if head.name or _shell(soup)
                        else _no_tweet_page(soup))
    notes = ("the title is cut: the text is the post's opening words",) if head.truncated else ()
    return _reading(post_id, "available", head.form, text=head.text, author_name=head.name,
                    author_handle=head.handle, notes=notes)


def _shell(soup: BeautifulSoup) -> bool:
    """X's own page with nothing filled in: its app's root, or a title that is only the site's name."""
    title = soup.find("title")
    return soup.find(id="react-root") is not None or title is not None and title.get_text().strip() in ("Twitter", "X")


def _no_tweet_page(soup: BeautifulSoup) -> str:
    """Why a capture is read as no copy when no reader knows its page: said, with its title, rather than "a page
    shell" (newuser37 §8: a capture fetched and logged was "not read")."""
    title = soup.find("title")
    shown = " ".join(title.get_text().split())[:120] if title else ""
    return ("fetched, but its page is not a tweet page we can read: no post's markup (classic, mobile or React) and no "
            "post's title or og: tags" + (f" (its title: “{shown}”)" if shown else " (it has no title)"))


# What X shows in a post's place, by a word of its placeholder sentence: a capture of it is no copy (newuser32 #2).
_PLACEHOLDER_PAGES = (("suspended account", "the suspended-account page"),
                      ("no longer exists", "the page of an account that no longer exists"),
                      ("withheld", "the withheld-post page"), ("deleted", "the deleted-post page"),
                      ("violated", "the rules-violation page"), ("unable to view", "the page of a post X does not show"))


# The login wall X shows a logged-out visitor in a post's place, by its titles ("Log in to X / X") or heading.
_LOGIN_WALL_RE = re.compile(r"(?:log in|sign in|sign up)(?: to| for)? (?:x|twitter)\b(?: / (?:x|twitter))?",
                            re.IGNORECASE)


def _placeholder_page(soup: BeautifulSoup) -> str | None:
    """Which placeholder page a capture with no text of the post is, by a placeholder sentence its body shows as a
    whole string ("This Post is from a suspended account. Learn more"), or the login wall by its titles or heading;
    None when it shows none of those: a report said "a page shell or a placeholder" of a login wall (newuser33 #7)."""
    title = soup.find("title")
    titles = [title.get_text() if title else "", *(str(m.get("content") or "") for m in soup.find_all(
        "meta", attrs={"property": "og:title"}))]
    headings = [h.get_text() for h in soup.find_all(["h1", "h2"])]
    if any(_LOGIN_WALL_RE.fullmatch(" ".join(said.split())) for said in titles + headings):
        return "the login wall"
    for said in (soup.body.stripped_strings if soup.body else ()):
        page = next((page for word, page in _PLACEHOLDER_PAGES if word in said.lower()), None)
        if page and is_placeholder(said):
            return page
    return None


def _shown_post(soup: BeautifulSoup) -> str | None:
    """The id of the post a page is about, from its body when its head names none: the classic focal tweet, the
    mobile page's main tweet, the React article that links its id around its time. A page saved without og:url
    whose title quotes another post is that post's (review28)."""
    focal = soup.select_one(".permalink-tweet[data-tweet-id], .main-tweet .tweet-text[data-id]")
    if focal is not None:
        return str(focal.get("data-tweet-id") or focal.get("data-id"))
    for article in soup.select('article[data-testid="tweet"]'):
        for link in article.find_all("a", href=re.compile(r"/status/\d+")):
            if link.find("time") is not None:
                return _id_in(str(link["href"]))
    return None


def _with_head(found: CaptureReading, post_id: str, soup: BeautifulSoup) -> CaptureReading:
    """Fill what the post's markup lacked (a name, a handle) from the head, when the head names the same post."""
    record = found.record
    if record.author_name and record.author_handle:
        return found
    head = read_head(soup)
    if head.post_id not in (None, post_id):
        return found
    handle = record.author_handle or head.handle
    return replace(found, record=replace(record, author_name=record.author_name or head.name,
                                         author_handle=handle, url=x.status_url(post_id, handle)))


# -- live against archived -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Difference:
    """A field the live sources and an archived copy disagree on (an edited post, a changed display name)."""

    field: str                     # "text" | "author_name" | "author_handle"
    live: str
    live_at: str | None            # when the live source said it (UTC ISO)
    archived: str
    archived_at: str               # the capture's time (UTC ISO)
    capture: str | None = None
    changes: tuple[str, ...] = ()  # word by word, archived → live

    def describe(self) -> str:
        words = f" ({'; '.join(self.changes)})" if self.changes else ""
        return (f"{self.field.replace('_', ' ')}: the capture of {self.archived_at} says '{self.archived}'; "
                f"live{f' ({self.live_at})' if self.live_at else ''} '{self.live}'{words}")

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "live": self.live, "live_at": self.live_at, "archived": self.archived,
                "archived_at": self.archived_at, "capture": self.capture, "changes": list(self.changes)}


def differences(live: PostRecord | None, live_at: str | None,
                captures: list[tuple[str, str | None, PostRecord]]) -> list[Difference]:
    """Where each archived copy (captured_at, capture URL, record) differs from the live record, by words."""
    from resolver import quotes

    if live is None or live.status != "available":
        return []
    found = []
    for captured_at, capture, record in captures:
        if record.status != "available":
            continue
        if live.text and record.text:
            compared = quotes.compare(live.text, record.text)
            # A capture cut short ("Twitter / handle: words...") says nothing of the words after its cut.
            beyond = compared.said_words != compared.matched and not compared.beyond_cut
            if compared.changes or compared.matched != compared.post_words or beyond:
                found.append(Difference("text", live.text, live_at, record.text, captured_at, capture,
                                        tuple(str(c) for c in compared.changes)))
        if live.author_name and record.author_name:
            compared = quotes.compare_names(live.author_name, record.author_name)
            if compared.result != "pass":
                found.append(Difference("author_name", live.author_name, live_at, record.author_name, captured_at,
                                        capture, tuple(str(c) for c in compared.changes)))
        if live.author_handle and record.author_handle and \
                live.author_handle.casefold() != record.author_handle.casefold():
            found.append(Difference("author_handle", live.author_handle, live_at, record.author_handle, captured_at,
                                    capture))
    return found


def captured_at(timestamp: str) -> str:
    """A Wayback timestamp (YYYYMMDDhhmmss, possibly shorter) as UTC ISO 8601."""
    padded = (timestamp + "00000000000000")[:14]
    moment = datetime.strptime(padded, "%Y%m%d%H%M%S")
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


# -- reading the captures of a post (I/O) -----------------------------------------------------------------------

# Statuses whose archived copies are read by default: what the live sources could not show.
READ_WHEN = ("deleted", "suspended", "protected", "not_found", "unknown", "withheld", "age_restricted")


def reads_captures(record: PostRecord) -> bool:
    """Whether a fetch reads a post's captures by default: the live sources could not show it (READ_WHEN), or
    they showed a version of an edited post, whose other versions an article may quote (verdict28; the edit asked for
    by its own id too, edits31), or TikTok refused to give the video (its oEmbed's lasting 400, "Something went wrong":
    what a removed video gets, or a private one, or a fault of TikTok's own; an error all the same, `oembed.refused`)."""
    return record.status in READ_WHEN or bool(record.edits) or oembed.refused(record)


MAX_CAPTURES = 3        # per post: the earliest captures of distinct content, then the latest
_RAW_RE = re.compile(r"/web/(\d{4,14})id_/(.+)$")


@dataclass(frozen=True)
class ArchivedCopy:
    """One archived copy of a post, as read: what it says, which capture it is, and the fetch behind it."""

    timestamp: str                 # Wayback's YYYYMMDDhhmmss
    original: str                  # the URL that was captured
    form: str
    record: PostRecord             # method "wayback"
    notes: tuple[str, ...] = ()
    fetch_id: int | None = None

    @property
    def url(self) -> str:
        return raw_url(self.timestamp, self.original)

    @property
    def captured_at(self) -> str:
        return captured_at(self.timestamp)

    @property
    def says_something(self) -> bool:
        return self.record.status == "available" and bool(self.record.text)

    def to_json(self) -> dict[str, Any]:
        record = self.record.to_json()
        return {"capture": self.url, "captured_at": self.captured_at, "original": self.original, "form": self.form,
                # as the cache's observation says it: "available" is what a live answer says (newuser44a #7)
                "status": ARCHIVED_COPY if record["status"] == "available" else record["status"],
                "reason": record["reason"], "text": record["text"],
                "author": record["author"], "created_at": record["created_at"], "lang": record["lang"],
                "links": record["links"],
                # a copy's references when it has any: a Telegram forward's origin (newuser44a #4)
                **({"references": record["references"]} if record["references"] else {}),
                "notes": list(self.notes), "fetch_id": self.fetch_id}


def capture_queries(post_id: str, handles: Sequence[str | None], platform: str | None = None,
                    shown: str | None = None) -> list[str]:
    """Where captures of a post live, most telling first: its page on each host CDX files apart (twitter.com;
    x.com, where twitter.com has answered with a 301 since 2023; mobile.twitter.com), under each handle it may be
    filed under (CDX lists each URL apart, review28), then the JSON endpoints embeds read. A Telegram post's: its
    page (its widget's, `?embed=1`, under it) and its web preview's (telegram.capture_pages)."""
    if telegram.is_post_id(post_id):
        return telegram.capture_pages(post_id)
    if (pages := _own_pages(post_id, handles, platform, shown)) is not None:
        return pages
    pages = _pages(post_id, handles)
    return page_queries(post_id, handles) + [
        f"cdn.syndication.twimg.com/tweet-result?id={post_id}", f"publish.twitter.com/oembed?url=https://{pages[0]}"]


def page_queries(post_id: str, handles: Sequence[str | None], platform: str | None = None) -> list[str]:
    """The post's page on each host CDX files apart (twitter.com, x.com, mobile.twitter.com) under each handle
    (`_pages`), no scheme, as a prefix query asks them: `capture_queries` without the JSON answers, what
    `archive.lookup` lists for an X post (archive35)."""
    if telegram.is_post_id(post_id):
        return telegram.capture_pages(post_id)
    if (pages := _own_pages(post_id, handles, platform)) is not None:
        return pages
    pages = _pages(post_id, handles)
    return [form for page in pages for form in (page, f"x.com/{page.removeprefix('twitter.com/')}", f"mobile.{page}")] \
        + [page.replace("/i/status/", "/i/web/status/") if "/i/status/" in page else page.replace("/status/", "/statuses/")
           for page in pages if "/i/status/" in page or old_form(post_id)]


# Until 2012 pages and Twitter's own links wrote a post's page `twitter.com/<handle>/statuses/<id>`, which CDX files
# apart from `/status/`, and no prefix of one covers the other but the account's every post (newuser44d #6: an
# article of 2011 linking the /statuses/ form got "no archived copy found" with that form never asked). A post of no
# known account is listed under `/i/status/<id>` and the `/i/web/status/<id>` Twitter's truncated texts linked.
OLD_FORM_BEFORE = datetime(2012, 1, 1, tzinfo=timezone.utc)


def old_form(post_id: str) -> bool:
    """Whether an X post is of the years its page was also written `/statuses/<id>`: minted before 2012, or a
    pre-snowflake id (2006-2010)."""
    if not (post_id.isascii() and post_id.isdigit()) or len(post_id) > 19:
        return False
    minted = x.snowflake_time(post_id)
    return minted < OLD_FORM_BEFORE if minted is not None else int(post_id) < x.FIRST_SNOWFLAKE


def _own_pages(post_id: str, handles: Sequence[str | None], platform: str | None = None,
               shown: str | None = None) -> list[str] | None:
    """A Mastodon or Bluesky post's pages, a YouTube or TikTok video's, where each reader lists them (its page under
    each name, its embed and mobile pages): the same for its captures, its page queries and its pages. None for an X
    post (or a Telegram one, whose three lists differ). `shown`: the article's own form of a TikTok or Instagram
    post's URL (`Embed.shown_url`: a /photo/, /reel/, /reels/ or /tv/ page), asked first: a photo post's captures are
    filed under its /photo/ page, which no canonical form names (fixleft46b)."""
    if _is_tiktok(platform):
        return _shown_first(shown, tiktok_pages.capture_pages(post_id, list(handles)))
    if _is_instagram(platform):
        return _shown_first(shown, instagram_pages.capture_pages(post_id))
    if platform == platforms_reddit.PLATFORM:   # its page under its subreddit, which the thread's URL names
        return reddit_pages.capture_pages(post_id, shown)
    if mastodon.is_post_id(post_id):
        return mastodon.capture_pages(post_id, list(handles))
    if bluesky_pages.is_post_id(post_id):
        return bluesky_pages.capture_pages(post_id, list(handles))
    if youtube_pages.is_video_id(post_id):
        return youtube_pages.capture_pages(post_id)
    return None


def _shown_first(shown: str | None, pages: list[str]) -> list[str]:
    """`pages` (no scheme) with the article's own form first, each once."""
    if not shown:
        return pages
    first = shown.removeprefix("https://")
    return [first, *(page for page in pages if page != first)]


def _pages(post_id: str, handles: Sequence[str | None], platform: str | None = None,
           shown: str | None = None) -> list[str]:
    """The post's page on twitter.com (no scheme, as CDX is asked) under each handle given, each once whatever its
    case; under /i/ with none. A Telegram post's page: t.me/<channel>/<n>."""
    if telegram.is_post_id(post_id):
        return [f"t.me/{post_id}"]
    if (pages := _own_pages(post_id, handles, platform, shown)) is not None:
        return pages
    distinct: dict[str, str] = {}
    for handle in handles:
        if handle:
            distinct.setdefault(handle.casefold(), handle)   # the first spelling, in order: handles are any case
    return [f"twitter.com/{handle}/status/{post_id}" for handle in distinct.values() or [x.UNKNOWN_HANDLE]]


def looked_under(post_id: str, handles: Sequence[str | None], redactor: Redactor | None = None,
                 platform: str | None = None, shown: str | None = None) -> tuple[str, ...]:
    """The post's pages a lookup under `handles` lists (`capture_queries` lists each on x.com and
    mobile.twitter.com too), but those that carry one of the run's secrets (not listed): what a report names when
    it found no copy, never a bare "no archived copy" (renamed28, #9)."""
    listed, _ = _not_withheld(_pages(post_id, handles, platform, shown), redactor or NO_SECRETS)
    return tuple(f"https://{page}" for page in listed)


def queries_under(pages: Sequence[str], redactor: Redactor | None = None) -> list[str]:
    """The capture lists (`capture_queries`) a lookup under `pages` (`looked_under`: https://twitter.com/<handle>/
    status/<id>, each handle asked) asked, less those that carry one of the run's secrets: what a report cites."""
    if not pages:
        return []
    parts = [page.removeprefix("https://").split("/") for page in pages]
    if parts[0][0] == "t.me" and len(parts[0]) == 3:   # a Telegram post's page (`_pages`)
        return _not_withheld(telegram.capture_pages("/".join(parts[0][1:])), redactor or NO_SECRETS)[0]
    if platforms_mastodon.parse(pages[0]) is not None or platforms_bluesky.parse(pages[0]) is not None \
            or platforms_youtube.parse(pages[0]) is not None or platforms_tiktok.parse(pages[0]) is not None \
            or platforms_instagram.parse(pages[0]) is not None or platforms_reddit.parse(pages[0]) is not None:
        # a Mastodon or Bluesky post's pages, a YouTube or TikTok video's: each a list of its own
        return _not_withheld([page.removeprefix("https://") for page in pages], redactor or NO_SECRETS)[0]
    handles = [found[1] for found in parts if len(found) == 4]
    listed, _ = _not_withheld(capture_queries(parts[0][-1], handles), redactor or NO_SECRETS)
    return listed


def where_looked(pages: Sequence[str]) -> str:
    """Where a lookup under `pages` (`looked_under`) looked, as a report says it after "no archived copy found"."""
    named = pages[0] if len(pages) == 1 else f"{', '.join(pages[:-1])} and {pages[-1]}"
    if named.startswith(f"{telegram.BASE}/"):
        post_id = named.removeprefix(telegram.BASE + '/')
        return (f"under {named} (its widget page too), nor as the web preview's {telegram.BASE}/s/{post_id}, nor "
                f"on https://telegram.me/{post_id}")
    if platforms_mastodon.parse(pages[0]) is not None:
        return f"under {named} (its embed page too)"
    if platforms_bluesky.parse(pages[0]) is not None or platforms_youtube.parse(pages[0]) is not None \
            or platforms_tiktok.parse(pages[0]) is not None or platforms_instagram.parse(pages[0]) is not None \
            or platforms_reddit.parse(pages[0]) is not None:
        return f"under {named}"
    older = " and as twitter.com/i/web/status/…" if "/i/status/" in pages[0] else " and as twitter.com/…/statuses/…" \
        if old_form(pages[0].rstrip("/").rsplit("/", 1)[-1]) else ""
    return (f"under {named}, {'each ' * (len(pages) > 1)}also on x.com and mobile.twitter.com{older}, nor among its "
            "syndication and oEmbed answers")


def choose_captures(snapshots: Any, post_id: str, limit: int = MAX_CAPTURES,
                    platform: str | None = None) -> list[Any]:
    """The captures worth reading: of this post (its id in the URL), the original answer (not a redirect, not
    a revisit record), one per content digest; the earliest first, then the latest."""
    fitting = []
    seen: set[str] = set()
    for snap in sorted(snapshots, key=lambda s: s.timestamp):
        if not _names_post(snap.original, post_id, platform) or (snap.mimetype or "") == "warc/revisit":
            continue
        if snap.status not in (None, "", "-", "200", "404", "410"):
            continue
        key = snap.digest or snap.timestamp
        if key not in seen:
            seen.add(key)
            fitting.append(snap)
    if len(fitting) <= limit:
        return fitting
    return fitting[: limit - 1] + fitting[-1:]


def _names_post(original: str, post_id: str, platform: str | None = None) -> bool:
    if _is_tiktok(platform):
        return tiktok_pages.names_post(original, post_id)
    if _is_instagram(platform):
        return instagram_pages.names_post(original, post_id)
    if platform == platforms_reddit.PLATFORM:
        return reddit_pages.names_post(original, post_id)
    if telegram.is_post_id(post_id):
        return telegram.names_post(original, post_id)
    if mastodon.is_post_id(post_id):
        return mastodon.names_post(original, post_id)
    if bluesky_pages.is_post_id(post_id):
        return bluesky_pages.names_post(original, post_id)
    if youtube_pages.is_video_id(post_id):
        return youtube_pages.names_post(original, post_id)
    ref = x.parse_url(original)
    if ref is not None and ref.post_id:
        return ref.post_id == post_id
    return re.search(rf"[?&](?:id=|url=[^&]*/status/){post_id}(?:\D|$)", original) is not None or \
        re.search(rf"status%2F{post_id}(?:\D|$)", original) is not None


ANSWERED = "answered"   # a post's archive_lookup when every CDX list asked answered (an empty one included)
# A cached post whose copies a fetch reads, with no lookup of them in the cache: its run was stopped between the
# source's answer and the archive (Ctrl-C: interrupts31), or fetched without them. Whether a copy exists is not
# known: never "no copy"; an online run with archived copies on asks the archive alone.
NOT_LOOKED_UP = "not looked up"


def lookup_outcome(errors: list[str], asked: int) -> str | None:
    """What a post's archive lookup came to, as `archive_lookup` says it: None when no list was asked, "answered"
    when every one answered, else "error: <why>" (how many failed, when not all did)."""
    if not asked:
        return None
    if not errors:
        return ANSWERED
    return f"error: {errors[0]}" + (f" ({len(errors)} of {asked} capture lists)" if len(errors) < asked else "")


async def read_captures(post_id: str, handles: Sequence[str | None], *, session: Any, ledger: Ledger,
                        limit: int | None = None, platform: str | None = None,
                        shown: str | None = None) -> tuple[tuple[ArchivedCopy, ...], str | None]:
    """Read a post's archived copies through the one HTTP layer (fetch log, body kept, WARC, budgets): the CDX
    list of each place captures live, then the raw captures, until one says what the post said. The captures'
    fetch rows are held in `ledger`, to be written with the post's observations (#11), those of reads that gave no
    copy too (they are part of how the post was looked for); each CDX answer is written with its snapshots as it
    comes. With the copies, what the lookup came to (lookup_outcome): a list that could not be read (a 503, a 429,
    an HTML page) is no "no copy"."""
    from resolver import archive

    limit = limit or session.settings.captures   # `--captures`, else MAX_CAPTURES
    copies: list[ArchivedCopy] = []
    errors: list[str] = []
    unread: list[str] = []
    asked = 0
    read_before: set[str] = set()   # a capture two lists name is read once (newuser33 #9: fetched twice)
    queries, withheld = _not_withheld(capture_queries(post_id, handles, platform, shown), session.redactor)
    for query in queries:
        listing = await archive.list_captures(query, session=session, prefix=True)
        if not listing.unavailable:   # offline and never listed: not asked
            asked += 1
            errors += [listing.error] if listing.error else []
        fresh = [s for s in listing.snapshots if raw_url(s.timestamp, s.original) not in read_before]
        for snap in choose_captures(fresh, post_id, limit - len(copies), platform):
            read_before.add(raw_url(snap.timestamp, snap.original))
            copy = await read_one(post_id, snap.timestamp, snap.original, session, ledger, unread=unread,
                                  platform=platform, listed={"digest": snap.digest, "status": snap.status,
                                                             "mimetype": snap.mimetype})
            if copy is not None:
                copies.append(copy)
        if any(c.says_something for c in copies) or len(copies) >= limit:
            break
    if telegram.is_post_id(post_id) and queries and not any(c.says_something for c in copies) \
            and len(copies) < limit:
        paged, listing = await _paged_copies(post_id, read_before, session, ledger, unread, limit - len(copies))
        copies += paged
        if not listing.unavailable:   # offline and never listed: not asked
            asked += 1
            errors += [listing.error] if listing.error else []
    if errors and not copies and queries:   # the lists failed: the capture the availability API names is still read
        copies += await _named_copy(post_id, f"https://{queries[0]}", read_before, session, ledger, unread, platform)
    outcome = _with_unread(lookup_outcome(errors, asked), unread if not copies else [])
    return tuple(copies), _with_withheld(outcome, withheld, len(queries), bool(copies))


async def _paged_copies(post_id: str, read_before: set[str], session: Any, ledger: Ledger, unread: list[str],
                        limit: int) -> tuple[list[ArchivedCopy], Any]:
    """The copies of a Telegram post in captures of its channel's web preview paged by `?before=` (`telegram.
    paged_query`, one CDX list), those that may hold it nearest first (`telegram.paged_previews`), until one gives
    its words; and the list (archive.Listing). Asked only when the post's own pages gave no copy (fixleft46c)."""
    from resolver import archive

    listing = await archive.list_captures(telegram.paged_query(post_id), session=session, prefix=True)
    copies: list[ArchivedCopy] = []
    for snap in telegram.paged_previews(listing.snapshots, post_id, limit):
        if raw_url(snap.timestamp, snap.original) in read_before:
            continue
        read_before.add(raw_url(snap.timestamp, snap.original))
        copy = await read_one(post_id, snap.timestamp, snap.original, session, ledger, unread=unread,
                              listed={"digest": snap.digest, "status": snap.status, "mimetype": snap.mimetype})
        if copy is not None:
            copies.append(copy)
            if copy.says_something:
                break
    return copies, listing


async def _named_copy(post_id: str, page: str, read_before: set[str], session: Any, ledger: Ledger,
                      unread: list[str], platform: str | None = None) -> list[ArchivedCopy]:
    """The copy in the capture the availability API names for the post's page, closest to the day its id was minted
    (when gone, a post's words are likeliest in its first captures); [] when it names none, or that one was read."""
    from resolver import archive

    minted = platforms_instagram.code_time(post_id) if _is_instagram(platform) \
        else None if _is_tiktok(platform) or telegram.is_post_id(post_id) or youtube_pages.is_video_id(post_id) \
        else platforms_mastodon.id_time(post_id) if mastodon.is_post_id(post_id) \
        else platforms_bluesky.tid_time(post_id) if bluesky_pages.is_post_id(post_id) else x.snowflake_time(post_id)
    snap = await archive.named_capture(page, session=session, near=minted.strftime("%Y%m%d") if minted else None)
    if snap is None or raw_url(snap.timestamp, snap.original) in read_before:
        return []
    copy = await read_one(post_id, snap.timestamp, snap.original, session, ledger, unread=unread, platform=platform)
    return [copy] if copy is not None else []


def _not_withheld(queries: list[str], redactor: Redactor) -> tuple[list[str], list[str]]:
    """(the URL forms to list, why the others are not listed): a form that carries a secret (a configured key as
    the post's handle) is not sent to CDX, as archive.lookup sends no URL that carries one (#11); the reason says
    what it carries, never the secret."""
    from resolver import archive

    kept, withheld = [], []
    for query in queries:
        what = archive.carried_secret(f"https://{query}", redactor)
        if what is None:
            kept.append(query)
        else:
            withheld.append(what)
    return kept, withheld


def _with_withheld(outcome: str | None, withheld: list[str], listed: int, copies: bool) -> str | None:
    """A lookup some of whose URL forms were withheld: not "answered" (the captures under those forms were never
    listed, so an empty `archived` is no "no copy"), and no failure either; a failed list still says it failed
    (it is asked again)."""
    from resolver import archive

    if not withheld or outcome is not None and outcome.startswith("error: "):
        return outcome
    return (f"{archive.WITHHELD}not looked up under {len(withheld)} of its {len(withheld) + listed} URL forms: they "
            f"carry a secret ({withheld[0]}), which asking the archive would send it"
            + ("" if copies else "; whether an archived copy exists is not known"))


def _unread(timestamp: str, status: int | None, problem: str | None) -> str | None:
    """Why a listed capture could not be read (no answer, a 429, a 5xx), or None: then Wayback answered for it."""
    why = problem or (f"HTTP {status}" if status is not None and (status == 429 or status >= 500) else None)
    return f"the capture of {timestamp} could not be read ({why})" if why else None


def _with_unread(outcome: str | None, unread: list[str]) -> str | None:
    """A lookup whose lists answered but whose listed captures could not be read, none of them: no "answered",
    which an empty `archived` would be read as "no copy" by; what is in them is not known."""
    if outcome != ANSWERED or not unread:
        return outcome
    return f"error: {unread[0]}" + (f" (and {len(unread) - 1} more)" if len(unread) > 1 else "")


def lookup_outcome_in_store(post_id: str, handles: Sequence[str | None], store: Any, *,
                            copies: int | Sequence[ArchivedCopy] = 0,
                            redactor: Redactor | None = None,
                            takes: Callable[[list[int]], bool] | None = None,
                            limit: int = MAX_CAPTURES, platform: str | None = None,
                            shown: str | None = None) -> str | None:
    """What the last archive lookup of a post came to, from the fetch log (a post answered from the cache): each
    capture list's latest answer, as read_captures asked them; with no copy (`copies`: the copies recorded, or
    how many), the captures they list whose last read failed. A lookup stopped part way (a list it goes on to
    never asked, or a capture read as a copy whose reading was not recorded) is NOT_LOOKED_UP: it is not finished,
    and an online run redoes it (newuser32 #1). The forms that carry one of the run's secrets (`redactor`) were not asked. `takes`:
    whether a fetch row may answer this run (`Session.takes_cached`: under --replay, those of its WARC files)."""
    from resolver import archive

    errors: list[str] = []
    unread: list[str] = []
    asked = 0
    unfinished = False
    queries, withheld = _not_withheld(capture_queries(post_id, handles, platform, shown), redactor or NO_SECRETS)
    for query in queries:
        rows = [row for row in listings_in_store(query, store) if takes is None or takes([row["id"]])]
        if not rows:
            # A list read_captures goes on to (no copy said the post's words yet) that was never asked: the lookup
            # was stopped before it (newuser32 #1: Ctrl-C between two lists read back as "answered", no copy).
            unfinished = unfinished or not _lookup_done(copies, limit)
            continue
        asked += 1
        last = rows[-1]
        body = store.body(last["body_sha256"]) if last["body_sha256"] else None
        error = archive.kept_cdx_error(last, body)
        errors += [error] if error else []
        if not error and not copies:
            more, lost = _unread_in_store(post_id, body or b"", store, takes, platform)
            unread += more
            unfinished = unfinished or lost
    outcome = _with_unread(lookup_outcome(errors, asked), unread)
    if unfinished and asked and outcome == ANSWERED:
        return NOT_LOOKED_UP   # not finished: what a copy would say is not known; an online run redoes it
    return _with_withheld(outcome, withheld, len(queries), bool(copies))


def listings_in_store(query: str, store: Any) -> list[dict[str, Any]]:
    """The fetch rows of a capture list asked under any case, oldest first: the Wayback Machine reads a URL in any
    case (its urlkey is lower case), so a post's lookup under /river_desk/ is its lookup under /River_Desk/
    (review32r3: a post linked by another article as /River_Desk/ read "not looked up", and was looked up again)."""
    from resolver import archive

    return store.cdx_lists_any_case(archive.lookup_url(query, prefix=True))


def _lookup_done(copies: int | Sequence[ArchivedCopy], limit: int = MAX_CAPTURES) -> bool:
    """Whether read_captures stops after the copies read so far: one says the post's words, or there are as many as
    it reads (a count alone: whether one says the words is not known, so only the count can say it stopped)."""
    if isinstance(copies, int):
        return copies >= limit
    return any(c.says_something for c in copies) or len(copies) >= limit


def _unread_in_store(post_id: str, cdx: bytes, store: Any, takes: Callable[[list[int]], bool] | None = None,
                     platform: str | None = None) -> tuple[list[str], bool]:
    """The captures a kept CDX answer lists that read_captures would read, whose last read failed or that were never
    read: the lookup that listed them was stopped first (review30r4: a run stopped by Ctrl-C keeps the listing's row,
    and with no read of its capture the lookup came out "answered", no copy). With them, whether one of them was
    read as a copy whose reading was never recorded (its row is written with the post's answer when the run is
    stopped, its reading with the lookup's end: newuser32 #1); asked only of a post with no recorded copy."""
    from resolver import archive

    unread = []
    lost = False
    for snap in choose_captures(archive.parse_cdx(cdx), post_id, platform=platform):
        rows = [row for row in store.fetches_for(raw_url(snap.timestamp, snap.original))
                if takes is None or takes([row["id"]])]
        if not rows:
            unread.append(f"the capture of {snap.timestamp} was listed but never read")
        else:
            last = rows[-1]
            problem = f"{last['error_kind']}: {last['error']}" if last["error_kind"] else None
            why = _unread(snap.timestamp, last["status"], problem)
            unread += [why] if why else []
            lost = lost or problem is None and "memento-datetime" in json.loads(last["headers"] or "{}")
    return unread, lost


async def read_one(post_id: str, timestamp: str, original: str, session: Any, ledger: Ledger, *,
                   unread: list[str] | None = None, platform: str | None = None,
                   listed: Mapping[str, Any] | None = None) -> ArchivedCopy | None:
    """One raw capture, fetched and read; None when Wayback has no such capture (or it could not be fetched: why,
    added to `unread`). The fetch row is held in `ledger` (the copy's fetch_id is its placeholder) until the copy
    is recorded. `listed`: the CDX row that listed it (its digest, status, mimetype), which the body is held to."""
    from resolver.http import fetch

    outcome = await fetch(session, raw_url(timestamp, original), purpose="wayback-capture", keep_body=True,
                          ledger=ledger)
    why = _unread(timestamp, outcome.status, outcome.problem)
    if why is not None and unread is not None and not outcome.unavailable:
        unread.append(why)
    if outcome.problem is not None:
        return None
    if "memento-datetime" not in outcome.headers and outcome.status != 200:
        # Wayback's own "not archived" page, or a redirect to another memento: not this capture.
        return None
    notes = _header_notes(outcome.headers)
    reading = read(post_id, outcome.status, outcome.headers.get("content-type", ""), outcome.body, original, platform)
    reading = _not_before_its_id(post_id, timestamp, reading, platform)
    reading = held_to_digest(reading, listed, outcome.status, outcome.headers, outcome.body, post_id)
    record = replace(reading.record, fetch_ids=tuple(i for i in (outcome.fetch_id,) if i))
    return ArchivedCopy(timestamp, original, reading.form, record, reading.notes + notes, outcome.fetch_id)


# How long before a post's id was minted a capture may be and still show it: Wayback's clock and X's (TikTok's) are
# not one.
CLOCKS_APART_S = 60


def _not_before_its_id(post_id: str, timestamp: str, reading: CaptureReading,
                       platform: str | None = None) -> CaptureReading:
    """The reading of a capture of the X post or the TikTok video `post_id` (each id all digits: the platform says
    which, as each holds its time in its own bits), said not to show the post when Wayback made it more than a
    minute before the post's id was minted: X and TikTok mint the id when the post is made, so such a capture is of
    another page or misdated, whatever it holds (newuser43a #8: it was read as the post, and its date passed the date
    check; review44d: a TikTok video's too)."""
    if not _is_tiktok(platform) and not _is_instagram(platform) and (
            mastodon.is_post_id(post_id) or bluesky_pages.is_post_id(post_id)):
        return _not_before_its_key(post_id, timestamp, reading)
    minted = None
    record = reading.record
    # a TikTok capture with no caption still gives the video's account and time (tiktok_pages.NO_CAPTION): made before
    # the id, it gives neither
    shows = record.status == "available" or (_is_tiktok(platform) or _is_instagram(platform)) and bool(
        record.author_handle or record.author_name or record.author_id or record.created_at)
    if shows and len(timestamp) == 14:
        minted = platforms_tiktok.id_time(post_id) if _is_tiktok(platform) else \
            platforms_instagram.code_time(post_id) if _is_instagram(platform) else x.snowflake_time(post_id)
    if minted is None:
        return reading
    if (before := _made_before(minted, timestamp)) is None:
        return reading
    reason = (f"the capture was made {captured_at(timestamp)}, {before} before the post's id {post_id} was minted "
              f"({minted.strftime('%Y-%m-%dT%H:%M:%SZ')}): it cannot show that post")
    if _is_tiktok(platform) or _is_instagram(platform):
        # the video's (the post's) own record (its platform, its URL with no handle): none of what it said
        # (its URL from the id alone: a TikTok video's names no handle, where the capture's record named its own)
        own = platforms_tiktok if _is_tiktok(platform) else platforms_instagram
        return CaptureReading(PostRecord(platform=own.PLATFORM, post_id=post_id, url=own.post_url(post_id),
                                         status="unknown", method=METHOD, reason=reason), reading.form, reading.notes)
    return _reading(post_id, "unknown", reading.form, reason=reason, notes=reading.notes)


def _made_before(minted: datetime, timestamp: str) -> str | None:
    """How long before `minted` a capture of a 14-digit `timestamp` was made ("2 h 5 min", "7 min"), or None when it
    was not made more than the clocks' slack (CLOCKS_APART_S) before it."""
    made = datetime.strptime(timestamp, "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
    early = (minted - made).total_seconds()
    if early <= CLOCKS_APART_S:
        return None
    hours, minutes = divmod(int(early) // 60, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


def _not_before_its_key(post_id: str, timestamp: str, reading: CaptureReading) -> CaptureReading:
    """The reading of a capture of a Mastodon status or a Bluesky post held against the time its id says the post was
    made: a Mastodon id of 2.0 or later is that time in milliseconds shifted 16 bits; a Bluesky post's record key is a
    TID, 53 bits of microseconds. A capture Wayback made more than a minute before then cannot show the post (a
    redirect, another page at the URL, the server's error page before the post was written): whatever it holds, none
    of its words, account or time is taken, nor its error answer as the post being gone (fixleft46c). A Mastodon id of
    before 2.0 is a count, no time: the capture is read, and a note says its time could not be held against the
    post's."""
    fediverse = mastodon.is_post_id(post_id)
    minted = platforms_mastodon.id_time(post_id) if fediverse else platforms_bluesky.tid_time(post_id)
    record = reading.record
    if minted is None or len(timestamp) != 14:
        shows = record.status == "available" or bool(record.author_handle or record.author_id or record.created_at)
        if fediverse and minted is None and shows:
            number = post_id.rpartition("/")[2]
            return replace(reading, notes=reading.notes + (
                f"the post's id {number} is of before Mastodon 2.0 (a count, no time): whether the capture was made "
                "after the post was written is not known",))
        return reading
    if (before := _made_before(minted, timestamp)) is None:
        return reading
    when = minted.strftime("%Y-%m-%dT%H:%M:%SZ")
    key = post_id.rpartition("/")[2]
    if fediverse:
        head = "captured before the post existed"
        reason = f"{before} before the post's id {key} was minted ({when}): it cannot show that post"
        url = mastodon.post_page(post_id)
    else:   # a TID is the posting app's to write: the time it names is when the post was made only if the app says so
        head = "captured before the time the post's record key names"
        reason = (f"{before} before the time its record key {key} names ({when}): if the app that posted it wrote the "
                  "key when posting, as Bluesky's own app does, it cannot show that post (the key is the posting "
                  "app's to choose)")
        actor = post_id.rpartition("/")[0]
        url = platforms_bluesky.post_url(actor, key)
    return CaptureReading(PostRecord(
        platform=platforms_mastodon.PLATFORM if fediverse else platforms_bluesky.PLATFORM, post_id=post_id, url=url,
        status="unknown", method=METHOD, reason=f"{head}: the capture was made {captured_at(timestamp)}, {reason}"),
        reading.form)   # nor the reader's notes, of what the page said


def held_to_digest(reading: CaptureReading, listed: Mapping[str, Any] | None, status: int | None,
                   headers: Mapping[str, str], body: bytes, post_id: str) -> CaptureReading:
    """The reading of a raw (id_) capture held to the digest the CDX row that listed it gives: the base32 SHA-1 of the
    capture's original payload (CDX server docs; not of what Wayback's rewritten page serves). A body whose SHA-1 is
    another is not the capture listed, and is no evidence: its reading becomes "unknown" (newuser44b #11). Only where
    the format makes a mismatch one: a 200 listed as a 200, no revisit record (its digest is the payload it points
    to), and no sign the payload digested is other than the body read (a Content-Encoding, or the original's
    encoding Wayback reports in X-Archive-Orig-Content-Encoding/-Transfer-Encoding: the digest may be of the encoded
    or chunked bytes); otherwise a mismatch is said in a note, as not compared."""
    import base64
    import hashlib

    digest = str((listed or {}).get("digest") or "").strip().upper()
    if len(digest) != 32 or status != 200 or reading.record.status == "unknown":
        return reading
    read_sha1 = base64.b32encode(hashlib.sha1(body).digest()).decode()
    if read_sha1 == digest:
        return reading
    lower = {k.lower(): v for k, v in headers.items()}
    encoded = [name for name in ("content-encoding", "x-archive-orig-content-encoding",
                                 "x-archive-orig-transfer-encoding")
               if (lower.get(name) or "identity").strip().lower() not in ("identity", "")]
    said = f"the archive's CDX digest {digest} is not the SHA-1 of the body read ({read_sha1})"
    listed = listed or {}
    if encoded or str(listed.get("status") or "") != "200" or (listed.get("mimetype") or "") == "warc/revisit":
        why = (f"the answer carried {', '.join(encoded)}" if encoded else "the CDX row is no 200 response record")
        return replace(reading, notes=(*reading.notes, f"{said}; not compared: {why}, so the digest may be of "
                                                       "other bytes than those read"))
    return _reading(post_id, "unknown", reading.form, notes=reading.notes,
                    reason=f"{said}: the body is not the capture the archive lists, so what it says is not known")


_DIGEST_SAID = re.compile(r"^the archive's CDX digest ([A-Z2-7]{32}) is not the SHA-1 of the body read .*: the body is "
                          r"not the capture the archive lists")


def listed_in_record(stored: PostRecord | Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The CDX digest a capture's stored record was found not to match when it was read (`held_to_digest`), as a
    listing to hold its body to again: a warm run reads no snapshots table (its cached steps read only the rows their
    memo names, #13), and the record keeps the verdict of the listing it was read from."""
    status, reason = (stored.get("status"), stored.get("reason")) if isinstance(stored, Mapping) else \
        (stored.status, stored.reason) if stored is not None else (None, None)
    found = _DIGEST_SAID.match(str(reason or "")) if status == "unknown" else None
    return {"digest": found.group(1), "status": "200", "mimetype": None} if found else None


NO_MEMENTO_HEADER = "the answer carried no Memento-Datetime header (Wayback sends one with each capture)"


def _header_notes(headers: Mapping[str, str]) -> tuple[str, ...]:
    """What a capture's answer headers leave unsaid: a 200 with no Memento-Datetime is the bytes of the capture asked
    for from a replay that sends no header of it, read and said (newuser37 §8: fetched, logged, then dropped, and the
    report said "not read"); said again wherever the copy is rebuilt from its fetch row (review37e: offline it was
    not)."""
    return () if "memento-datetime" in headers else (NO_MEMENTO_HEADER,)


def with_real_ids(copy: ArchivedCopy, real_id: Callable[[int | None], int | None]) -> ArchivedCopy:
    """The copy with its fetch row's placeholder (a ledger's) replaced by the row's id, once written."""
    return replace(copy, fetch_id=real_id(copy.fetch_id), record=replace(copy.record, fetch_ids=tuple(
        i for i in map(real_id, copy.record.fetch_ids) if i is not None)))


def original_of(raw: str) -> str | None:
    """The URL a raw capture's address (`raw_url`) captured, or None for another address."""
    found = _RAW_RE.search(raw or "")
    return found.group(2) if found else None


def copy_from_fetch(post_id: str, fetch_row: dict[str, Any], body: bytes | None,
                    stored: PostRecord | None, platform: str | None = None,
                    listed: Mapping[str, Any] | None = None, damaged: str | None = None) -> ArchivedCopy | None:
    """An archived copy rebuilt from the cache: the fetch row says which capture, the kept body is read again
    with today's parsers (the stored record when the body was not kept), held to the CDX row that `listed` it.
    `damaged`: why the kept body is not what its hash names (Store.damaged): the copy says nothing."""
    found = _RAW_RE.search(fetch_row.get("url") or "")
    if found is None:
        return None
    timestamp, original = found.group(1), found.group(2)
    if body is not None:
        headers = json.loads(fetch_row.get("headers") or "{}")
        reading = read(post_id, fetch_row.get("status"), headers.get("content-type", ""), body, original, platform)
        reading = _not_before_its_id(post_id, timestamp, reading, platform)
        reading = held_to_digest(reading, listed, fetch_row.get("status"), headers, body, post_id)
        record = replace(reading.record, fetch_ids=(fetch_row["id"],))
        return ArchivedCopy(timestamp, original, reading.form, record, reading.notes + _header_notes(headers),
                            fetch_row["id"])
    if damaged is not None:   # kept, and not what its hash names: what the capture said is not known (newuser44b #8)
        record = PostRecord(
            platform=stored.platform if stored else "twitter", post_id=post_id,
            url=stored.url if stored else x.status_url(post_id), status="unknown", method=METHOD,
            reason=(f"the capture's kept body {fetch_row.get('body_sha256')} is damaged or altered in the database "
                    f"({damaged}): what it said is not known"), fetch_ids=(fetch_row["id"],))
        return ArchivedCopy(timestamp, original, "unknown", record, (), fetch_row["id"])
    if stored is None:
        return None
    return ArchivedCopy(timestamp, original, "unknown", stored, ("the capture's body was not kept",), fetch_row["id"])


__all__ = ["ANSWERED", "ArchivedCopy", "CaptureReading", "Difference", "capture_queries", "choose_captures",
           "copy_from_fetch", "lookup_outcome", "lookup_outcome_in_store", "read_captures", "Head", "captured_at",
           "differences", "raw_url", "read", "read_head", "with_real_ids"]
