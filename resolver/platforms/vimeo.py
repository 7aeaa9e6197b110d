"""Every Vimeo URL shape, read into a PostRef: video pages, unlisted links with their hash, review pages, videos
inside channels, groups, albums and showcases, and the players."""

from __future__ import annotations

from dataclasses import replace

from resolver.lazy import LazyPattern
from resolver.model import PostRef
from resolver.platforms import urls

PLATFORM = "vimeo"
DOMAINS = frozenset({"vimeo.com"})
MARKERS = ("vimeo",)
SOURCE_SHAPES = {"vimeo.com": ("/",)}   # vimeo.com/<n>, player.vimeo.com/video/<n>: the parser tells

VIDEO_ID = LazyPattern(r"^[1-9][0-9]{0,11}$")   # no leading zero: "0796..." would be a second video (#15)
# An unlisted video's private hash: vimeo.com/<id>/<hash>, player ?h=<hash>. It can be all digits (#15).
HASH = LazyPattern(r"^[0-9a-f]{6,20}$")
# /<collection>/<name>/<id> and /<collection>/<name>/video[s]/<id>: a video seen inside a collection.
COLLECTIONS = frozenset({"channels", "groups", "album", "showcase"})


def video_url(video_id: str, unlisted_hash: str | None = None) -> str:
    """Canonical video URL; an unlisted video keeps its hash, without which nobody can open it."""
    return f"https://vimeo.com/{video_id}/{unlisted_hash}" if unlisted_hash else f"https://vimeo.com/{video_id}"


def parse(url: str) -> PostRef | None:
    """vimeo.com/<id>, vimeo.com/<id>/<hash> (unlisted), /<user>/review/<id>/<hash>, /channels/<c>/<id>,
    /groups/<g>/videos/<id>, /album/<a>/video/<id>, /showcase/<s>/video/<id>, player.vimeo.com/video/<id>[?h=],
    moogaloop.swf?clip_id=<id>. Albums, showcases, channels, users and live events are not videos."""
    split = urls.split(url)
    ref = _parse(split) if split is not None else None
    if ref is None or not split or not split.fragment.startswith("t="):
        return ref
    # #t=1m5s, #t=65s, #t=65: where the link starts the video (newuser41a #10: it was dropped)
    return replace(ref, start_seconds=urls.moment(split.fragment[2:]))


def _parse(split: urls.SplitURL) -> PostRef | None:
    parts = split.parts
    if split.host == "player.vimeo.com":
        if len(parts) >= 2 and parts[0] == "video":
            return _video(parts[1], split.arg("h"))
        return None
    if split.host != "vimeo.com":
        return None
    if parts[:1] == ("moogaloop.swf",):
        return _video(split.arg("clip_id") or "", None)   # the old Flash embed
    if parts and VIDEO_ID.match(parts[0]):
        return _video(parts[0], parts[1] if len(parts) == 2 else None)
    if len(parts) >= 4 and parts[1] == "review":
        return _video(parts[2], parts[3])
    if len(parts) >= 3 and parts[0] in COLLECTIONS:
        rest = parts[2:]
        if rest[:1] in (("video",), ("videos",)):
            rest = rest[1:]
        return _video(rest[0], None) if len(rest) == 1 else None
    return None


def _video(video_id: str, unlisted_hash: str | None) -> PostRef | None:
    if not VIDEO_ID.match(video_id):
        return None
    if unlisted_hash is not None and not HASH.match(unlisted_hash):
        unlisted_hash = None
    return PostRef(PLATFORM, "video", video_url(video_id, unlisted_hash), video_id)
