"""One URL parser per platform other than X. Each reads a URL into a PostRef or returns None."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, unquote, urlsplit

from resolver.model import PostRef

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
SHORTCODE = re.compile(r"^[A-Za-z0-9_-]{5,64}$")
DIGITS = re.compile(r"^[0-9]{1,25}$")
MASTODON_ID = re.compile(r"^[0-9]{6,20}$")


def _split(url: str) -> tuple[str, list[str], dict[str, list[str]]]:
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    split = urlsplit(url if "://" in url else "https://" + url)
    host = (split.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    return host, [p for p in split.path.split("/") if p], parse_qs(split.query)


def youtube(url: str) -> PostRef | None:
    """watch?v=, youtu.be/, /embed/, youtube-nocookie.com, /shorts/, /live/, /v/."""
    host, parts, query = _split(url)
    video = None
    if len(parts) >= 2 and parts[:2] == ["embed", "videoseries"] and query.get("list"):
        playlist = query["list"][0]
        return PostRef("youtube", "playlist", f"https://www.youtube.com/playlist?list={playlist}", playlist)
    if host == "youtu.be" and parts:
        video = parts[0]
    elif host in ("youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com"):
        if parts[:1] == ["watch"]:
            video = next(iter(query.get("v") or []), None)
        elif len(parts) >= 2 and parts[0] in ("embed", "shorts", "live", "v", "e"):
            video = parts[1]
    if video is None or not YOUTUBE_ID.match(video):
        return None
    return PostRef("youtube", "video", f"https://www.youtube.com/watch?v={video}", video)


def instagram(url: str) -> PostRef | None:
    """instagram.com/p/CODE, /reel/CODE, /tv/CODE, also /<user>/p/CODE."""
    host, parts, _ = _split(url)
    if host not in ("instagram.com", "instagr.am"):
        return None
    for i, part in enumerate(parts[:-1]):
        if part in ("p", "reel", "reels", "tv") and SHORTCODE.match(parts[i + 1]):
            code = parts[i + 1]
            return PostRef("instagram", "post", f"https://www.instagram.com/p/{code}/", code)
    return None


def tiktok(url: str) -> PostRef | None:
    """tiktok.com/@user/video/ID, /embed/v2/ID; vm.tiktok.com/X is a short link."""
    host, parts, _ = _split(url)
    if host in ("vm.tiktok.com", "vt.tiktok.com") and parts:
        return PostRef("tiktok", "short-link", f"https://{host}/{parts[0]}/")
    if host not in ("tiktok.com", "m.tiktok.com"):
        return None
    if len(parts) >= 3 and parts[0].startswith("@") and parts[1] in ("video", "photo") and DIGITS.match(parts[2]):
        user = parts[0][1:]
        return PostRef("tiktok", "post", f"https://www.tiktok.com/@{user}/video/{parts[2]}", parts[2], user)
    if parts[:1] == ["embed"] and parts and DIGITS.match(parts[-1]):
        return PostRef("tiktok", "post", f"https://www.tiktok.com/@/video/{parts[-1]}", parts[-1])
    return None


def facebook(url: str) -> PostRef | None:
    """Posts, videos, photos, permalink.php, watch/?v=, and plugins/{post,video}.php?href=<post URL>."""
    host, parts, query = _split(url)
    if host == "fb.watch" and parts:
        return PostRef("facebook", "short-link", f"https://fb.watch/{parts[0]}/")
    if host not in ("facebook.com", "m.facebook.com", "web.facebook.com", "business.facebook.com"):
        return None
    if parts[:1] == ["plugins"]:
        href = next(iter(query.get("href") or []), None)
        return facebook(unquote(href)) if href else None
    if parts[:1] == ["watch"] and query.get("v"):
        vid = query["v"][0]
        return PostRef("facebook", "video", f"https://www.facebook.com/watch/?v={vid}", vid)
    if parts[:1] == ["permalink.php"] and query.get("story_fbid"):
        story, owner = query["story_fbid"][0], (query.get("id") or [""])[0]
        return PostRef("facebook", "post", f"https://www.facebook.com/permalink.php?story_fbid={story}&id={owner}", story)
    if parts[:1] == ["photo.php"] and query.get("fbid"):
        fbid = query["fbid"][0]
        return PostRef("facebook", "photo", f"https://www.facebook.com/photo.php?fbid={fbid}", fbid)
    if len(parts) >= 3 and parts[1] in ("posts", "videos", "photos"):
        kind = {"posts": "post", "videos": "video", "photos": "photo"}[parts[1]]
        item = parts[-1]
        path = "/".join(parts[:3]) if kind != "photo" else "/".join(parts)
        return PostRef("facebook", kind, f"https://www.facebook.com/{path}/", item, parts[0])
    return None


def telegram(url: str) -> PostRef | None:
    """t.me/<channel>/<id> (also telegram.me, t.me/s/<channel>/<id>)."""
    host, parts, _ = _split(url)
    if host not in ("t.me", "telegram.me", "telegram.dog"):
        return None
    if parts[:1] == ["s"]:
        parts = parts[1:]
    if len(parts) >= 2 and DIGITS.match(parts[1]) and re.match(r"^[A-Za-z0-9_]{3,64}$", parts[0]):
        return PostRef("telegram", "post", f"https://t.me/{parts[0]}/{parts[1]}", parts[1], parts[0])
    return None


def telegram_post(value: str) -> PostRef | None:
    """The `data-telegram-post="channel/123"` attribute of Telegram's widget script."""
    return telegram("https://t.me/" + value.strip().strip("/"))


def reddit(url: str) -> PostRef | None:
    """reddit.com/r/<sub>/comments/<id>/..., redd.it/<id>."""
    host, parts, _ = _split(url)
    if host == "redd.it" and parts:
        return PostRef("reddit", "post", f"https://redd.it/{parts[0]}", parts[0])
    if host not in ("reddit.com", "old.reddit.com", "new.reddit.com", "np.reddit.com", "m.reddit.com"):
        return None
    if len(parts) >= 4 and parts[0] == "r" and parts[2] == "comments":
        sub, post = parts[1], parts[3]
        return PostRef("reddit", "post", f"https://www.reddit.com/r/{sub}/comments/{post}/", post)
    return None


def bluesky(url: str) -> PostRef | None:
    """bsky.app/profile/<actor>/post/<rkey> and at://<did>/app.bsky.feed.post/<rkey>."""
    text = url.strip()
    if text.startswith("at://"):
        parts = text[5:].split("/")
        if len(parts) == 3 and parts[1] == "app.bsky.feed.post":
            actor, rkey = parts[0], parts[2]
            return PostRef("bluesky", "post", f"https://bsky.app/profile/{actor}/post/{rkey}", rkey, actor)
        return None
    host, parts, _ = _split(text)
    if host not in ("bsky.app", "staging.bsky.app"):
        return None
    if len(parts) >= 4 and parts[0] == "profile" and parts[2] == "post":
        return PostRef("bluesky", "post", f"https://bsky.app/profile/{parts[1]}/post/{parts[3]}", parts[3], parts[1])
    return None


def mastodon(url: str) -> PostRef | None:
    """Any instance: https://<instance>/@user/<id>[/embed], /users/<user>/statuses/<id>.

    Mastodon has no fixed host, so the path shape decides; the numeric id must look like a Mastodon id.
    """
    host, parts, _ = _split(url)
    if not host or "." not in host:
        return None
    if len(parts) >= 2 and parts[0].startswith("@") and MASTODON_ID.match(parts[1]):
        user = parts[0][1:]
        if "@" in user or not user or host in ("tiktok.com", "threads.net", "threads.com", "medium.com"):
            return None
        return PostRef("mastodon", "post", f"https://{host}/@{user}/{parts[1]}", parts[1], f"{user}@{host}")
    if len(parts) >= 4 and parts[0] == "users" and parts[2] == "statuses" and MASTODON_ID.match(parts[3]):
        return PostRef("mastodon", "post", f"https://{host}/@{parts[1]}/{parts[3]}", parts[3], f"{parts[1]}@{host}")
    return None


def threads(url: str) -> PostRef | None:
    """threads.net/@user/post/<code> (threads.com too)."""
    host, parts, _ = _split(url)
    if host not in ("threads.net", "threads.com"):
        return None
    if len(parts) >= 3 and parts[0].startswith("@") and parts[1] == "post" and SHORTCODE.match(parts[2]):
        user = parts[0][1:]
        return PostRef("threads", "post", f"https://www.threads.net/@{user}/post/{parts[2]}", parts[2], user)
    return None


def vimeo(url: str) -> PostRef | None:
    """vimeo.com/<id> and player.vimeo.com/video/<id>."""
    host, parts, _ = _split(url)
    if host == "player.vimeo.com" and len(parts) >= 2 and parts[0] == "video" and DIGITS.match(parts[1]):
        return PostRef("vimeo", "video", f"https://vimeo.com/{parts[1]}", parts[1])
    if host == "vimeo.com" and parts and DIGITS.match(parts[-1]):
        return PostRef("vimeo", "video", f"https://vimeo.com/{parts[-1]}", parts[-1])
    return None


# Which parser owns which host (without "www."); Mastodon has no fixed host and is asked last.
BY_HOST: dict[str, Callable[[str], PostRef | None]] = {
    **dict.fromkeys(("youtu.be", "youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com"), youtube),
    **dict.fromkeys(("instagram.com", "instagr.am"), instagram),
    **dict.fromkeys(("tiktok.com", "m.tiktok.com", "vm.tiktok.com", "vt.tiktok.com"), tiktok),
    **dict.fromkeys(("facebook.com", "m.facebook.com", "web.facebook.com", "business.facebook.com", "fb.watch"), facebook),
    **dict.fromkeys(("t.me", "telegram.me", "telegram.dog"), telegram),
    **dict.fromkeys(("reddit.com", "old.reddit.com", "new.reddit.com", "np.reddit.com", "m.reddit.com", "redd.it"), reddit),
    **dict.fromkeys(("bsky.app", "staging.bsky.app"), bluesky),
    **dict.fromkeys(("threads.net", "threads.com"), threads),
    **dict.fromkeys(("vimeo.com", "player.vimeo.com"), vimeo),
}
