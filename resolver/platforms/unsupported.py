"""Posts and videos of platforms the tool reads no source of (VK, Rutube, OK), and Telegram's invite links (a link to
join a chat, no post): named so that an article's VK widget or Rutube player does not vanish from its output while
its Spotify player is said not supported (newuser44a #3). Read here only to be named, never fetched: `found()` finds
them in a page, `why_not(url)` says why `fetch` asks nothing of one.

The forms: VK's post widget, `VK.Widgets.Post("<element>", <owner_id>, <post_id>, '<hash>')` (its openapi.js) and
AMP's `<amp-vk data-embedtype="post" data-owner-id data-post-id>`; a VK post's page `vk.com/wall<owner>_<post>` (a
community's owner id is negative); VK's video player `vk.com/video_ext.php?oid=<owner>&id=<video>` and a video's page
`vk.com/video<owner>_<video>` (also on vkvideo.ru); Rutube's player `rutube.ru/play/embed/<32 hex>` and a video's page
`rutube.ru/video/<32 hex>/`; OK's player `ok.ru/videoembed/<n>` and a video's page `ok.ru/video/<n>`; Telegram's
invite links `t.me/+<hash>` and `t.me/joinchat/<hash>` (telegram.me too)."""

from __future__ import annotations

import html
import re

from resolver.lazy import LazyPattern, lazy_dataclass

_HOST = r"https?://(?:(?:www|m)\.)?"
VK_WALL_RE = LazyPattern(_HOST + r"vk\.com/(?:[^\s\"'<>?#]*\?(?:[^\s\"'<>#]*&(?:amp;)?)?w=)?wall(-?\d{1,12})_(\d{1,12})"
                        r"\b[^\s\"'<>]*")
VK_VIDEO_RE = LazyPattern(_HOST + r"(?:vk\.com|vkvideo\.ru)/(?:video|clip)(-?\d{1,12})_(\d{1,12})\b[^\s\"'<>]*")
VK_PLAYER_RE = LazyPattern(_HOST + r"(?:vk\.com|vkvideo\.ru)/video_ext\.php\?[^\s\"'<>]*")
VK_PLAYER_ARG_RE = LazyPattern(r"[?&](?:amp;)?(oid|id)=(-?\d{1,12})\b")
VK_WIDGET_RE = LazyPattern(r"VK\.Widgets\.Post\(\s*[\"'][^\"']*[\"']\s*,\s*(-?\d{1,12})\s*,\s*(\d{1,12})")
AMP_VK_RE = LazyPattern(r"<amp-vk\b[^>]*>", re.IGNORECASE)
AMP_VK_ARG_RE = LazyPattern(r"""\bdata-(embedtype|owner-id|post-id)\s*=\s*["']?(-?[\w]+)""", re.IGNORECASE)
RUTUBE_RE = LazyPattern(_HOST + r"rutube\.ru/(?:play/embed|video|shorts)/([0-9a-f]{32})\b[^\s\"'<>]*")
OK_RE = LazyPattern(_HOST + r"ok\.ru/(?:video|videoembed|live)/(\d{1,20})\b[^\s\"'<>]*")
# An invite's hash has letters; t.me/+<digits> is a phone number's link, no invite.
INVITE_RE = LazyPattern(r"https?://(?:t\.me|telegram\.me|telegram\.dog)/(?:\+|joinchat/)"
                       r"((?=[A-Za-z0-9_-]*[A-Za-z_-])[A-Za-z0-9_-]{6,64})\b[^\s\"'<>]*", re.IGNORECASE)
# Each pattern runs only on a page holding one of its words: most pages hold none (a page's VK or Telegram share
# button names vk.com and t.me, never these). The words are needles of the extraction's one pass over an HTML page
# (`extract.html.unsupported_held`); a page that pass did not search is searched here, first for BROAD words, which
# every one of them holds (a VK widget loads vk.com's openapi.js): 22 searches of a median page were 19% of its scan,
# hyperscan's pass finds them at no cost worth counting (#14).
MARKED = (
    (VK_WALL_RE, ("vk.com/wall", "w=wall")), (VK_WIDGET_RE, ("VK.Widgets.Post",)), (AMP_VK_RE, ("<amp-vk",)),
    (VK_VIDEO_RE, ("vk.com/video", "vk.com/clip", "vkvideo.ru/video", "vkvideo.ru/clip")),
    (VK_PLAYER_RE, ("video_ext.php",)), (RUTUBE_RE, ("rutube.ru/",)), (OK_RE, ("ok.ru/video", "ok.ru/live")),
    (INVITE_RE, ("t.me/+", "me/joinchat/", "telegram.me/+", "telegram.dog/+", "dog/joinchat/")))
NEEDLES = tuple(dict.fromkeys(marker for _, markers in MARKED for marker in markers))
BROAD = ("vk", ".ru/", "/+", "joinchat/")
INVITE = "an invite link to a chat, not a post"
INVITE_SERVICE = "Telegram invite"


@lazy_dataclass(frozen=True)
class Unsupported:
    service: str    # "VK" | "Rutube" | "OK" | "Telegram invite"
    key: str        # the post's or video's id on its service (a VK post "-123_456"), or the invite's hash
    url: str        # the first URL of it in the page, as written (entities read), or the post's URL a widget names
    video: bool = False


def found(page: str, held: frozenset[str] | None = None) -> list[Unsupported]:
    """Each VK, Rutube or OK post or video a page embeds or links, and each Telegram invite link, once (by its id),
    in the order first named. A VK widget's post and a link to it are one post. `held`: which of NEEDLES the page
    holds, when a pass over it found that already; else it is searched here."""
    if held is None:
        if not any(word in page for word in BROAD):
            return []
        held = frozenset(needle for needle in NEEDLES if needle in page)
    run = {pattern for pattern, markers in MARKED if not held.isdisjoint(markers)}
    if not run:   # most pages: no regex run at all
        return []
    seen: dict[tuple[str, str], tuple[int, Unsupported]] = {}

    def add(at: int, item: Unsupported) -> None:
        key = (item.service, item.key)
        if key not in seen or at < seen[key][0]:
            seen[key] = (at, item)

    for match in VK_WALL_RE.finditer(page) if VK_WALL_RE in run else ():
        add(match.start(), Unsupported("VK", f"wall{match.group(1)}_{match.group(2)}", html.unescape(match.group(0))))
    for match in VK_WIDGET_RE.finditer(page) if VK_WIDGET_RE in run else ():
        key = f"wall{match.group(1)}_{match.group(2)}"
        add(match.start(), Unsupported("VK", key, f"https://vk.com/{key}"))
    for match in AMP_VK_RE.finditer(page) if AMP_VK_RE in run else ():
        args = {name.lower(): value for name, value in AMP_VK_ARG_RE.findall(match.group(0))}
        if args.get("embedtype", "").lower() == "post" and args.get("owner-id") and args.get("post-id"):
            key = f"wall{args['owner-id']}_{args['post-id']}"
            add(match.start(), Unsupported("VK", key, f"https://vk.com/{key}"))
    for match in VK_VIDEO_RE.finditer(page) if VK_VIDEO_RE in run else ():
        add(match.start(), Unsupported("VK", f"video{match.group(1)}_{match.group(2)}", html.unescape(match.group(0)),
                                       True))
    for match in VK_PLAYER_RE.finditer(page) if VK_PLAYER_RE in run else ():
        args = dict(VK_PLAYER_ARG_RE.findall(match.group(0)))
        if "oid" in args and "id" in args:
            add(match.start(), Unsupported("VK", f"video{args['oid']}_{args['id']}", html.unescape(match.group(0)), True))
    for match in RUTUBE_RE.finditer(page) if RUTUBE_RE in run else ():
        add(match.start(), Unsupported("Rutube", match.group(1), html.unescape(match.group(0)), True))
    for match in OK_RE.finditer(page) if OK_RE in run else ():
        add(match.start(), Unsupported("OK", match.group(1), html.unescape(match.group(0)), True))
    for match in INVITE_RE.finditer(page) if INVITE_RE in run else ():
        add(match.start(), Unsupported(INVITE_SERVICE, match.group(1), html.unescape(match.group(0))))
    return [item for _, item in sorted(seen.values(), key=lambda at: at[0])]


def why_not(url: str) -> str | None:
    """Why `fetch` asks nothing of a URL given (a VK, Rutube or OK post or video; a Telegram invite link), or None."""
    items = found(url.strip())
    if len(items) != 1 or items[0].url != url.strip():   # the URL is the post's, not a page naming one
        return None
    item = items[0]
    if item.service == INVITE_SERVICE:
        return INVITE
    what = "videos" if item.video else "posts"
    return f"{item.service} {what} are not supported (no source of {item.service} is read)"


def not_supported_note(items: list[Unsupported]) -> str:
    """What a scan and a report say of the VK, Rutube and OK posts and videos and the Telegram invite links a page
    names: counted by service, the first named."""
    posts = [item for item in items if item.service != INVITE_SERVICE]
    invites = [item for item in items if item.service == INVITE_SERVICE]
    said: list[str] = []
    if posts:
        counts: dict[str, int] = {}
        for item in posts:
            counts[item.service] = counts.get(item.service, 0) + 1
        each = ", ".join(f"{service} {count}" for service, count in counts.items())
        services = list(counts)
        names = services[0] if len(services) == 1 else ", ".join(services[:-1]) + " and " + services[-1]
        videos = sum(item.video for item in posts)
        many = len(posts) != 1
        what = ("videos" if many else "video") if videos == len(posts) else ("posts" if many else "post") \
            if not videos else "posts and videos" if many else "post or video"
        said.append(f"{len(posts)} {what} ({each}) not checked: {names} posts and videos are not supported (no source "
                    f"of {names} is read); first {posts[0].url}")
    if invites:
        plural = "s" if len(invites) != 1 else ""
        said.append(f"{len(invites)} Telegram invite link{plural} not checked: {INVITE}; first {invites[0].url}")
    return "; ".join(said)
