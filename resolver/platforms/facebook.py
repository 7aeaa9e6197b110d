"""Every Facebook URL shape, read into a PostRef: page and group posts, videos, reels, photos, the embed plugins,
and the share-sheet links (fb.watch, facebook.com/share/...), which are short links to resolve."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import unquote

from resolver.lazy import LazyPattern
from resolver.model import PostRef
from resolver.platforms import urls
from resolver.platforms.urls import SplitURL

PLATFORM = "facebook"
DOMAINS = frozenset({
    "facebook.com", "fb.watch",
    "facebookwkhpilnemxj7asaniu7vnjjbiltxjqhye3mhbshg7kx5tfyd.onion",   # Facebook's own onion service
})
MARKERS = ("facebook", "fb.watch")
# Where script data keeps a post or a video: paths only they have (a page's own link and a share button have none).
SOURCE_SHAPES = {"facebook.com": ("/posts/", "/videos/", "/reel/", "permalink.php", "story.php", "video.php",
                                 "post.php", "/watch")}

# Numeric ids, and the opaque "pfbid0..." ids Facebook has given posts since 2022.
# No numeric id starts with 0: "0123" would be a second post 123 (#15).
POST_ID = LazyPattern(r"^(?:[1-9][0-9]{0,24}|pfbid[A-Za-z0-9]{10,120})$")
DIGITS = LazyPattern(r"^[1-9][0-9]{0,24}$")
TOKEN = LazyPattern(r"^[A-Za-z0-9_-]{4,40}$")
BASE = "https://www.facebook.com"
# First path words that are site sections, never a page name in /<page>/posts/<id>.
RESERVED = frozenset({"groups", "watch", "events", "share", "sharer", "plugins", "reel", "ads", "flx", "photo",
                      "media", "stories", "hashtag", "search", "login", "marketplace", "gaming"})
# Facebook's link shim: every outbound link on Facebook (and in pages copied from it) is written
# l.facebook.com/l.php?u=<the target, percent-encoded>&h=<a token>; the target is the link it names (newuser36 #4).
SHIM_HOSTS = frozenset({"l.facebook.com", "lm.facebook.com"})
# Script plugins whose iframe carries the embedded post's own URL in ?href= (embedded posts, videos, comments).
PLUGINS = frozenset({"post.php", "video.php", "comment_embed.php"})


def parse(url: str) -> PostRef | None:
    """Posts (/<page>/posts/<id>, permalink.php, story.php, groups), videos (/<page>/videos/[vb.<n>/]<id>,
    video.php?v=, watch?v=, watch/live, reel/<id>, video/embed?video_id=), photos (photo.php?fbid=, /photos/),
    embed plugins (plugins/post.php?href=...), localised hosts (zh-hk.facebook.com); fb.watch/<code> and
    facebook.com/share/[p|v|r/]<token> are short links to resolve. A post's URL with ?comment_id= (what
    plugins/comment_embed.php embeds) is that comment, its own post (newuser36 #1: it was read as the post)."""
    split = urls.split(url)
    if split is None:
        return None
    parts = split.parts
    if split.host == "fb.watch":
        if not parts or not TOKEN.match(parts[0]):
            return None
        return PostRef(PLATFORM, "short-link", f"https://fb.watch/{parts[0]}/")
    if parts[:1] == ("share",) and len(parts) >= 2 and TOKEN.match(parts[-1]):
        return PostRef(PLATFORM, "short-link", f"{BASE}/{'/'.join(parts[:3])}/")
    if parts[:1] == ("plugins",) and len(parts) == 2 and parts[1] in PLUGINS:
        href = split.arg("href")
        ref = parse(unquote(href)) if href and href.startswith(("http", "//")) else None
        return shown_by_comment_plugin(ref, url) if parts[1] == "comment_embed.php" else shown_by_post_plugin(ref)
    ref = _by_query(split) or _by_path(parts)
    if ref is not None and ref.kind == "video" and "t=" in split.query_text:
        # ?t=95: where the link starts the video, as fb.watch's redirect writes it (newuser41a #10: it was dropped)
        ref = replace(ref, start_seconds=urls.moment(split.arg("t") or ""))
    return _comment_on(ref, split, url) if ref is not None and "comment_id" in split.query_text else ref


def shown_by_post_plugin(ref: PostRef | None) -> PostRef | None:
    """What Facebook's post and video plugins (plugins/post.php, div.fb-post, div.fb-video) show for the link they
    were given: the post, even when the link names a comment under it (a link copied from a notification keeps
    ?comment_id=); only the comment plugin shows a comment (review36e: the post was read as a comment, unfetched)."""
    if ref is None or ref.kind != "comment" or ref.parent is None:
        return ref
    return parse(ref.parent)


def shown_by_comment_plugin(ref: PostRef | None, url: str) -> PostRef | None:
    """What Facebook's comment plugin (plugins/comment_embed.php, div.fb-comment-embed), given the link `ref` was read
    from and written `url`, shows: the comment the link names, or a comment whose id is not known when it names
    none, never the post it is under (newuser36 #1)."""
    if ref is None or ref.kind == "comment":
        return ref
    return ref.comment(None, url.strip())


def _comment_on(ref: PostRef, split: SplitURL, url: str) -> PostRef:
    """The comment a post's URL names by ?comment_id= (a reply by &reply_comment_id=), as Facebook's embedded
    comments name one, or the post when it names none. Its id is the Graph API's, "<post id>_<comment id>"."""
    given = split.arg("reply_comment_id") or split.arg("comment_id")
    if given is None:
        return ref
    cid = given if DIGITS.match(given) else _decoded_comment_id(given)
    if cid is None or ref.post_id is None:
        return ref.comment(None, url.strip())
    joiner = "&" if "?" in ref.url else "?"
    return ref.comment(f"{ref.post_id}_{cid}", f"{ref.url}{joiner}comment_id={cid}")


def _decoded_comment_id(value: str) -> str | None:
    """A comment id as newer links write it: base64 of "comment:<post id>_<comment id>"; None if it is not one."""
    import base64   # here: a plain scan loads no module it does not use (tests/test_startup.py)

    try:
        plain = value.rstrip("=").replace("-", "+").replace("_", "/")   # either alphabet, padding or none
        decoded = base64.b64decode(plain + "=" * (-len(plain) % 4), validate=True).decode("ascii")
    except (ValueError, UnicodeDecodeError):
        return None
    found = re.fullmatch(r"comment:[0-9]+_([1-9][0-9]{0,24})", decoded)
    return found.group(1) if found else None


def shim_target(split: SplitURL) -> str | None:
    """The link a Facebook link shim (l.facebook.com/l.php?u=…) names, decoded; None for any other URL, or a shim
    whose target is no web link. `platforms.parse_url` reads the target as the link: it may be any platform's."""
    if split.host not in SHIM_HOSTS or split.parts != ("l.php",):
        return None
    target = (split.arg("u") or "").strip()
    return target if target[:7].lower() == "http://" or target[:8].lower() == "https://" else None


def _by_query(split: SplitURL) -> PostRef | None:
    """The forms whose id is a query parameter."""
    first = split.parts[0] if split.parts else ""
    video = None
    if first in ("watch", "video.php") and split.arg("v"):
        video = split.arg("v")   # watch/?v=, watch/live/?v=, video.php?v=
    elif split.parts[:2] == ("video", "embed") and split.arg("video_id"):
        video = split.arg("video_id")
    if video is not None:
        return PostRef(PLATFORM, "video", f"{BASE}/watch/?v={video}", video) if DIGITS.match(video) else None
    story = split.arg("story_fbid")
    if first in ("permalink.php", "story.php") and story and POST_ID.match(story):
        owner = split.arg("id")
        canonical = f"{BASE}/permalink.php?story_fbid={story}" + (f"&id={owner}" if owner else "")
        return PostRef(PLATFORM, "post", canonical, story)
    fbid = split.arg("fbid")
    if first in ("photo.php", "photo") and fbid and DIGITS.match(fbid):
        return PostRef(PLATFORM, "photo", f"{BASE}/photo.php?fbid={fbid}", fbid)
    return None


def _by_path(parts: tuple[str, ...]) -> PostRef | None:
    """The forms whose id is a path segment."""
    if len(parts) >= 4 and parts[0] == "groups" and parts[2] in ("posts", "permalink"):
        post = parts[-1]   # /groups/<g>/posts/<id>/, also with a segment between
        if POST_ID.match(post):
            return PostRef(PLATFORM, "post", f"{BASE}/groups/{parts[1]}/posts/{post}/", post)
        return None
    if len(parts) == 2 and DIGITS.match(parts[1]):
        if parts[0] == "reel":
            return PostRef(PLATFORM, "video", f"{BASE}/reel/{parts[1]}/", parts[1])
        if parts[0] == "watchparty":
            return PostRef(PLATFORM, "video", f"{BASE}/watchparty/{parts[1]}/", parts[1])
        if parts[0] == "events":
            return PostRef(PLATFORM, "event", f"{BASE}/events/{parts[1]}/", parts[1])
    if len(parts) < 3 or parts[0] in RESERVED:
        return None
    page, section = parts[0], parts[1]
    if section == "posts" and POST_ID.match(parts[2]):
        return PostRef(PLATFORM, "post", f"{BASE}/{page}/posts/{parts[2]}/", parts[2], page)
    # /videos/<id>/, /videos/vb.<n>/<id>/, /videos/<title-slug>/<id>/; /photos/a.<album>/<id>/: the id comes last.
    ids = [p for p in parts[2:] if DIGITS.match(p)]
    if section == "videos" and ids:
        return PostRef(PLATFORM, "video", f"{BASE}/{page}/videos/{ids[-1]}/", ids[-1], page)
    if section == "photos" and ids:
        return PostRef(PLATFORM, "photo", f"{BASE}/photo.php?fbid={ids[-1]}", ids[-1], page)
    return None
