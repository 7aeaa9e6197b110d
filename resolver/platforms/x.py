"""Every X/Twitter URL shape, read into a PostRef. The only X URL parser: extraction, resolution and reports call it."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from urllib.parse import SplitResult, parse_qs, urlsplit

from resolver.lazy import LazyPattern
from resolver.model import PostRef
from resolver.platforms import lookalike as lookalikes
from resolver.platforms import urls
from resolver.platforms.urls import segments

PLATFORM = "twitter"
ONION = "twitter3e4tixl4xyajtrzo62zg5vztmjuricljdp2c5kshju4avyoid.onion"   # X's own onion service
STATUS_HOSTS = frozenset({
    "twitter.com", "www.twitter.com", "mobile.twitter.com", "m.twitter.com",
    "x.com", "www.x.com", "mobile.x.com", ONION,
    # Preview proxies that mirror the status path one for one.
    "fxtwitter.com", "vxtwitter.com", "fixupx.com", "fixvx.com", "nitter.net",
})
# The preview proxies among them: a status shown on another site, not its own page on X (`status_page_id`)
PROXY_HOSTS = frozenset({"fxtwitter.com", "vxtwitter.com", "fixupx.com", "fixvx.com", "nitter.net"})
# X's own hosts: one site, whose every page twitter.com (and mobile.) answers with a 301 to x.com since 2023
OWN_HOSTS = STATUS_HOSTS - PROXY_HOSTS
EMBED_HOSTS = frozenset({"platform.twitter.com", "syndication.twitter.com"})
MEDIA_HOSTS = frozenset({"pic.twitter.com", "pic.x.com"})
MEDIA_CODE_RE = LazyPattern(r"[A-Za-z0-9]+")   # a pic.twitter.com code, as a t.co one: letters and digits only
# A t.co code's length since 2011, and so a pic.twitter.com one's: a shorter code may be one cut by a copy
MEDIA_CODE_LENGTH = 10
SHORT_HOSTS = frozenset({"t.co"})
# Every domain above: the registry hands any URL on them, or on their subdomains, to this parser.
DOMAINS = frozenset({"twitter.com", "x.com", "t.co", "fxtwitter.com", "vxtwitter.com", "fixupx.com", "fixvx.com",
                     "nitter.net", ONION})
# x.com as script data writes it too ("x.com\/", "x.com\u002F"): a page whose only post was one was skipped unscanned.
MARKERS = ("twitter", "x.com/", "x.com\\/", "x.com\\u002", "Twitter")
SOURCE_SHAPES = {"twitter.com": ("/status",), "x.com": ("/status",)}   # x.com: what X writes since 2023
# The start of a status URL as prose spells it, e.g. at the end of a flattened embed's signature line.
URL_START = r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/"
# /i/<path>/<id> forms that name a status: video and card players of the old web client (#15).
PLAYER_PATHS = (("i", "videos", "tweet"), ("i", "videos"), ("i", "cards", "tfw", "v1"))
# Web Intents that act on one status: /intent/like?tweet_id=, /intent/retweet?tweet_id=, /intent/tweet?in_reply_to=
INTENT_PARAMS = {"like": "tweet_id", "favorite": "tweet_id", "retweet": "tweet_id", "tweet": "in_reply_to"}

HANDLE_RE = re.compile(r"^[A-Za-z0-9_]{1,15}$")
# A status id: a snowflake (a signed 64-bit number, so at most 19 digits) or an older sequential id, never with a
# leading zero ("0020" would be a second post 20, #15).
ID_RE = re.compile(r"^[1-9][0-9]{0,18}$")
MAX_ID = (1 << 63) - 1
# Path words that are not handles: /i/web/status/ID and friends, and site pages.
RESERVED = frozenset({
    "i", "home", "search", "hashtag", "intent", "share", "settings", "explore", "notifications",
    "messages", "login", "signup", "tos", "privacy", "about", "widgets", "compose", "statuses",
})
UNKNOWN_HANDLE = "i"
TWITTER_EPOCH_MS = 1288834974657
# The first snowflake id; smaller ids are sequential (2006-2010) and carry no time.
FIRST_SNOWFLAKE = 29700859247


def status_url(post_id: str, handle: str | None = None) -> str:
    """Canonical post URL. twitter.com, not x.com: archives hold most captures under the old host."""
    return f"https://twitter.com/{handle or UNKNOWN_HANDLE}/status/{post_id}"


def profile_url(handle: str) -> str:
    """An account's page: what a flattened tweet that kept no link points at."""
    return f"https://twitter.com/{handle}"


def snowflake_time(post_id: str | int) -> datetime | None:
    """When a snowflake id was minted (UTC), or None for the pre-2010 sequential ids and anything that is not an
    id (fuzzing found '' and 23-digit ids raising, #12)."""
    if isinstance(post_id, str) and not (post_id.isascii() and post_id.isdigit()):
        return None
    value = int(post_id)
    if value < FIRST_SNOWFLAKE or value >= 1 << 63:
        return None
    return datetime.fromtimestamp(((value >> 22) + TWITTER_EPOCH_MS) / 1000, tz=timezone.utc)


def _post(post_id: str, handle: str | None) -> PostRef | None:
    if not ID_RE.match(post_id) or int(post_id) > MAX_ID:
        return None
    if handle is not None and (handle.lower() in RESERVED or not HANDLE_RE.match(handle)):
        handle = None
    return PostRef("twitter", "post", status_url(post_id, handle), post_id, handle)


def _status_path(parts: list[str]) -> PostRef | None:
    """Read /<handle>/status/<id>[/photo/1], /i/web/status/<id>, /statuses/<id>, /i/videos/tweet/<id>."""
    for prefix in PLAYER_PATHS:
        if tuple(parts[:len(prefix)]) == prefix and len(parts) == len(prefix) + 1:
            return _post(parts[-1], None)
    # Only where X puts it: /<handle>/status/<id>, /i/web/status/<id>, /statuses/<id>. "status" deeper in a site
    # page's path (/search/status/20, /i/lists/status/20, /<handle>/lists/status/20) names no post (#15).
    if len(parts) >= 2 and parts[0] == "statuses":
        return _post(parts[1], None)
    if len(parts) >= 4 and parts[:3] == ["i", "web", "status"]:
        return _post(parts[3], None)
    if len(parts) >= 3 and parts[1] in ("status", "statuses"):
        if parts[0] != UNKNOWN_HANDLE and parts[0].lower() in RESERVED:
            return None
        return _post(parts[2], parts[0])
    return None


_MARKDOWN_UNDERSCORE_RE = re.compile(r"(?:\\|%5[Cc])_")


def status_page_id(url: str) -> str | None:
    """The id of the status whose own page on X a URL is: /<handle>/status/<id> (the handle in any case, /photo/1),
    /i/web/status/<id>, /statuses/<id> on twitter.com or x.com. None for any other URL, even one naming a status: a
    preview proxy's mirror, the embed's iframe, a player, a Web Intent, a `#!/` link (whose page is the home page):
    another page, whose capture is not the status's (review33r1)."""
    split = _split(url)
    if split is None or split.fragment.startswith("!/"):
        return None
    host = (split.hostname or "").lower().rstrip(".")
    if host not in STATUS_HOSTS or host in PROXY_HOSTS:
        return None
    parts = [_MARKDOWN_UNDERSCORE_RE.sub("_", p) for p in segments(split.path)]
    if any(tuple(parts[:len(prefix)]) == prefix for prefix in PLAYER_PATHS):
        return None
    ref = _status_path(parts)
    return ref.post_id if ref is not None else None


def handle_folded(path: str) -> str:
    """A path on X's own hosts with the handle opening it in lower case, as X reads it (`/RivertonRoads/media` and
    `/rivertonroads/media` are one account's page); the rest kept as it is: a Space's or a list's id is not a handle
    (`/i/spaces/1YqKDqDXAbXxx`), and its case is its own (review47e)."""
    first, slash, rest = path.removeprefix("/").partition("/")
    if HANDLE_RE.match(first) and first.lower() not in RESERVED:
        first = first.lower()
    return "/" * path.startswith("/") + first + slash + rest


def status_subpage(url: str) -> str | None:
    """The page of a post a status URL names past the post's own ("likes", "retweets", "photo/1", "analytics"), or
    None for the post's own page (a trailing slash or a query is still it) and for a URL naming no status: a capture
    of `/status/<id>/likes` is a list of likers, not the post (reports36: a prefix lookup counted them as its
    snapshots)."""
    split = _split(url)
    parts = segments(split.path) if split is not None else []
    for at in range(len(parts) - 1):
        if parts[at] in ("status", "statuses") and parts[at + 1].isdigit():
            return "/".join(parts[at + 2:]) or None
    return None


def _split(url: str) -> SplitResult | None:
    """The URL's parts, a scheme supplied where it has none ("//x.com/…", "x.com/…"), direction marks left out
    (`urls.without_marks`: an embed code's date link copied from right-to-left text); None when it cannot be read."""
    url = urls.without_marks(url.strip())
    if url.startswith("//"):
        url = "https:" + url
    try:
        return urlsplit(url if "://" in url else "https://" + url)
    except ValueError:
        return None


# The hosts a link made to pass for X's copies: X's own, not its proxies (newuser37 §7)
_COPIED_HOSTS = ("twitter.com", "x.com", "mobile.twitter.com", "www.twitter.com", "mobile.x.com", "www.x.com")


def lookalike(url: str) -> str | None:
    """Why a link with a status path is on no X host though made to look so, in words ("its link goes to twitter.cоm
    (CYRILLIC SMALL LETTER O U+043E in place of o): not an X address"); None for X's own links and any other. Only
    the host is read: nothing on it is ever asked (newuser37 §7: the report said the article "kept no link")."""
    split = _split(url)
    if split is None or parse_url(url) is not None or _status_path(list(segments(split.path))) is None:
        return None
    why = lookalikes.why(split, _COPIED_HOSTS, STATUS_HOSTS)
    return f"its link goes to {(split.hostname or '').rstrip('.')} ({why}): not an X address" if why else None


def parse_url(url: str) -> PostRef | None:
    """Read any X/Twitter URL: status, embed iframe, pic.twitter.com, t.co, timeline. None if it is not X's."""
    split = _split(url)
    if split is None:
        return None
    host = (split.hostname or "").lower().rstrip(".")
    parts = list(segments(split.path))
    if host in STATUS_HOSTS:
        # "ESA\_Rosetta": a Markdown-escaped underscore a CMS left in the link (Wired); no handle holds a backslash
        parts = [_MARKDOWN_UNDERSCORE_RE.sub("_", p) for p in parts]
        # Old hash-bang links: https://twitter.com/#!/jack/status/20
        if split.fragment.startswith("!/"):
            parts = list(segments(split.fragment[2:]))
        post = _status_path(parts) or _intent(parts, split.query)
        if post is not None:
            return post
        return _timeline(parts)
    if host in EMBED_HOSTS:
        ids = parse_qs(split.query).get("id") or parse_qs(split.query).get("tweet_id")
        if ids and ID_RE.match(ids[0]):
            return _post(ids[0], None)
        return None
    if host in MEDIA_HOSTS and parts:
        if not MEDIA_CODE_RE.fullmatch(parts[0]):
            return None   # "pic.twitter.com/Ab3dE-⏎f9GhK": a PDF's hyphen at a line end, the code cut (newuser33b #5)
        return PostRef("twitter", "media-link", f"https://pic.twitter.com/{parts[0]}")
    if host in SHORT_HOSTS and parts:
        return PostRef("twitter", "short-link", f"https://t.co/{parts[0]}")
    return None


def _intent(parts: list[str], query: str) -> PostRef | None:
    """A Web Intent on one status (like, retweet, reply): it names the status by its id."""
    if len(parts) != 2 or parts[0] != "intent" or parts[1] not in INTENT_PARAMS:
        return None
    ids = parse_qs(query.replace("&amp;", "&")).get(INTENT_PARAMS[parts[1]])
    return _post(ids[0], None) if ids else None


MEDIA_PAGES = ("photo", "video")


def shows_media(url: str) -> bool:
    """Whether a URL shows a post's attached photo or video: pic.twitter.com, or a status URL ending in /photo/N or
    /video/N. Such a link in a post's words is its own media; a bare status link may be another post it quotes."""
    ref = parse_url(url)
    if ref is None or ref.kind not in ("post", "media-link"):
        return False
    if ref.kind == "media-link":
        return True
    split = _split(url)
    parts = [p for p in split.path.split("/") if p] if split is not None else []
    return len(parts) >= 2 and parts[-2] in MEDIA_PAGES and parts[-1].isdigit()


def shows_video(url: str) -> bool:
    """Whether a status URL ends in /video/N: the link shows the post's video, so its words are a video's caption."""
    if parse_url(url) is None:
        return False
    split = _split(url)
    parts = [p for p in split.path.split("/") if p] if split is not None else []
    return len(parts) >= 2 and parts[-2] == "video" and parts[-1].isdigit()


def parse(url: str) -> PostRef | None:
    """The registry's name for `parse_url`: every platform module has a `parse`."""
    return parse_url(url)


def _timeline(parts: list[str]) -> PostRef | None:
    """twitter.com/<handle> and twitter.com/<handle>/lists/<slug> (a.twitter-timeline)."""
    if not parts or parts[0].lower() in RESERVED or not HANDLE_RE.match(parts[0]):
        return None
    handle = parts[0]
    if len(parts) >= 3 and parts[1] == "lists":
        return PostRef("twitter", "timeline", f"https://twitter.com/{handle}/lists/{parts[2]}", None, handle)
    if len(parts) == 1 or parts[1] in ("likes", "media", "with_replies"):
        return PostRef("twitter", "timeline", f"https://twitter.com/{handle}", None, handle)
    return None
