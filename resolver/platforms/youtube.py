"""Every YouTube URL shape, read into a PostRef: watch pages, share links, embeds, Shorts, live, and the mirrors
that carry a YouTube id unchanged."""

from __future__ import annotations

from dataclasses import replace

from resolver.lazy import LazyPattern
from resolver.model import PostRef
from resolver.platforms import urls
from resolver.platforms.urls import SplitURL

PLATFORM = "youtube"
DOMAINS = frozenset({
    "youtube.com", "youtu.be", "youtube-nocookie.com", "youtubekids.com",
    # Front ends and mirrors that keep the YouTube id (each is in yt-dlp's test suite).
    "invidio.us", "invidious.io", "vid.plus", "zwearz.com",
})
# Substrings one of these URLs always has: a page without any is not searched for YouTube links.
MARKERS = ("youtu", "YouTube", "invidio", "vid.plus", "zwearz")
# Where a page's script data keeps video URLs: host, and a path piece the URL must have.
# /v/: the Flash player of 2006-2010, in <embed src> and <param name="movie" value> (newuser44d #1).
SOURCE_SHAPES = {"youtube.com": ("/embed/", "watch?v=", "/v/"), "youtube-nocookie.com": ("/embed/", "/v/")}

VIDEO_ID = LazyPattern(r"^[A-Za-z0-9_-]{11}$")
# A comment's id ("Ugz…AaABAg", 26 characters; older ones other lengths), a reply's with ".<its own part>" after its
# thread's: never 11 characters, so never a video's id.
COMMENT_ID = LazyPattern(r"^[A-Za-z0-9_-]{12,64}(?:\.[A-Za-z0-9_-]{4,64})?$")
CLIP_ID = LazyPattern(r"^Ug[A-Za-z0-9_-]{20,60}$")   # a clip's id: "Ugkx" and 32 more characters
# An id written in prose run into the next word with no space ("youtu.be/<id>The end", "…XcQthen"): an id has exactly
# 11 characters, so the letters after them are the word's (review31r4).
# An id run into the next word: Latin letters to the URL's end ("…/dQw4w9WgXcQThen"), or any letter no id holds, as
# Chinese, Japanese, Thai or Russian text glues a link to its words ("…/dQw4w9WgXcQ视频", review41e: it was missed).
GLUED_ID = LazyPattern(r"(?:[?&]v=|youtu\.be/|/(?:embed|shorts|live|v|e|watch)/)[A-Za-z0-9_-]{11}"
                       r"(?=[A-Za-z]+\Z|[^\W\d_\x00-\x7f])")
# Eleven-letter path words that are not ids: /embed/live_stream?channel=... and /embed/videoseries?list=... (#15).
NOT_IDS = frozenset({"live_stream", "videoseries"})
UPLOADS_LIST = LazyPattern(r"UU[\w-]{22}")   # a channel id is "UC" and 22 more characters
# Hosts whose first path segment is the id itself (the share sheet's youtu.be/<id>).
ID_PATH_HOSTS = frozenset({"youtu.be", "vid.plus", "redirect.invidious.io"})
# /<form>/<id>: embed iframes, Shorts, live, the old Flash players, and /watch/<id> on mirrors.
PATH_FORMS = frozenset({"embed", "shorts", "live", "v", "e", "watch"})


PLAYERS = frozenset({("embed",), ("v",), ("e",)})   # the player's paths: what it shows is the video


def video_url(video_id: str) -> str:
    """Canonical video URL."""
    return f"https://www.youtube.com/watch?v={video_id}"


def parse(url: str) -> PostRef | None:
    """watch?v= (and watch_popup, /?v=, #/watch?v=, escaped queries), youtu.be/, /embed/, youtube-nocookie.com,
    /shorts/, /live/, /v/, attribution_link?u=, youtubekids.com and mirrors; an embed/videoseries or a
    /playlist?list= is a playlist, a /clip/<id> a clip (its own kind: no video id). Any of them but the player with
    &lc=<id> is that comment under the video."""
    split = urls.split(url)
    if split is None:
        return None
    if split.parts[:1] in PLAYERS and len(split.parts) == 2 and "&" in split.parts[1] and not split.query_text:
        # The Flash player's own embed code wrote its options after an "&" and no "?": /v/<id>&hl=en&fs=1
        # (newuser44d #1: it was no video)
        player_id, _, options = split.parts[1].partition("&")
        split = replace(split, parts=(split.parts[0], player_id), query_text=options.replace("&amp;", "&"))
    elif split.parts in ((), ("watch",)) and split.fragment.startswith("!v=") and not split.query_text:
        # The 2010 site's "#!" links: watch#!v=<id>&feature=related
        split = replace(split, query_text=split.fragment[1:], fragment="")
    if split.parts[:1] == ("clip",) and len(split.parts) == 2 and CLIP_ID.match(split.parts[1]):
        # a clip: a few seconds of a video a viewer cut, which names neither the video nor its time (newuser36 #5)
        return PostRef(PLATFORM, "clip", f"https://www.youtube.com/clip/{split.parts[1]}")
    # the player's embed/videoseries and the list's own page, /playlist?list= (YouTube's oEmbed provider entry lists
    # it; fix48a: a link to it was no embed at all)
    listed = split.parts[:2] == ("embed", "videoseries") or split.parts == ("playlist",)
    playlist = split.arg("list") if listed else None
    if playlist:
        # "UU" + a channel id's tail is the channel's uploads: its feed, as an X timeline is, not a post
        kind = "timeline" if UPLOADS_LIST.fullmatch(playlist) else "playlist"
        return PostRef(PLATFORM, kind, f"https://www.youtube.com/playlist?list={playlist}", playlist)
    video = _video_id(split)
    if video is None or not VIDEO_ID.match(video) or video in NOT_IDS:
        return None
    start = start_seconds(split)
    end = urls.moment(split.arg("end") or "") if "end=" in split.query_text else None
    # an end at or before the start stops nothing the link shows: no stretch "at 1:30 to 0:30" (review41e)
    ref = PostRef(PLATFORM, "video", video_url(video), video, start_seconds=start,
                  end_seconds=end if end is not None and (start is None or end > start) else None)
    # the player (/embed/<id>, /v/<id>, /e/<id>) plays the video whatever comment its link names (review36e)
    comment = split.arg("lc") if "lc=" in split.query_text and split.parts[:1] not in PLAYERS else None
    if comment is None:
        return ref
    # &lc=<id>: a link to one comment under the video (YouTube's "copy link" of a comment), its own post
    # (newuser36 #1: it was read as the video)
    if not COMMENT_ID.match(comment):
        return ref.comment(None, url.strip())
    return ref.comment(comment, f"{ref.url}&lc={comment}")


def start_seconds(split: SplitURL) -> int | None:
    """Where a link starts its video, in seconds: ?start=95 (embeds), ?t=125, ?t=2m5s, ?t=1h2m5s, #t=1m30s and
    ?time_continue=42; None when it names no time, or 0."""
    fragment = split.fragment[2:] if split.fragment.startswith("t=") else None
    return urls.moment(split.arg("start") or split.arg("t") or fragment or split.arg("time_continue") or "")


def _video_id(split: SplitURL, *, nested: bool = False) -> str | None:
    parts = split.parts
    if split.host in ID_PATH_HOSTS and parts and VIDEO_ID.match(parts[0]):
        return parts[0]
    if not parts and split.fragment.startswith("/") and not nested:
        # The old mobile site routed in the fragment: m.youtube.com/#/watch?v=<id>
        inner = urls.split("https://youtube.com" + split.fragment)
        return _video_id(inner, nested=True) if inner else None
    if not parts or parts[0] in ("watch", "watch_popup"):
        if split.arg("v"):
            return split.arg("v")
    if len(parts) >= 2 and parts[0] in PATH_FORMS:
        return parts[1]
    target = split.arg("u") or ""
    if parts[:1] == ("attribution_link",) and target.startswith("/") and not nested:
        # Old share links: attribution_link?a=...&u=/watch?v=<id>&feature=share
        inner = urls.split("https://youtube.com" + target)
        return _video_id(inner, nested=True) if inner else None
    return None
