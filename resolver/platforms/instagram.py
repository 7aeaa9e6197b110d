"""Every Instagram URL shape, read into a PostRef: posts, reels, IGTV, their embeds, and share-sheet links."""

from __future__ import annotations

from datetime import datetime, timezone

from resolver.lazy import LazyPattern
from resolver.model import PostRef
from resolver.platforms import urls

PLATFORM = "instagram"
DOMAINS = frozenset({"instagram.com", "instagr.am"})
MARKERS = ("instagram", "Instagram", "instagr.am")
SOURCE_SHAPES = {"instagram.com": ("/p/", "/reel/")}

SHORTCODE = LazyPattern(r"^[A-Za-z0-9_-]{5,64}$")
# A public post's code: its media id in base64url, 11 characters since about 2016, 10 before (yt-dlp's test URLs have
# both). A private post's is longer; Threads posts, Instagram media, have the same codes. Text extraction tells by it
# where a URL run into the next words may end (newuser31b §1).
PUBLIC_CODE = LazyPattern(r"^[A-Za-z0-9_-]{10,11}$")
COMMENT_ID = LazyPattern(r"^[1-9][0-9]{5,24}$")
POST_WORDS = frozenset({"p", "reel", "reels", "tv"})
# Words after /reels/ that name a page, not a post: instagram.com/reels/audio/<id> is a sound's page (#15).
NOT_CODES = frozenset({"audio", "videos"})
# An account name, as in instagram.com/<user>/p/<code>/, and the site's own first path words that are none.
USER = LazyPattern(r"^[A-Za-z0-9_.]{1,30}$")
# A story item's media id (/stories/<user>/<id>/): digits, as a post's media id is.
STORY_ID = LazyPattern(r"^[1-9][0-9]{5,24}$")
NOT_USERS = frozenset({"explore", "stories", "accounts", "web", "about", "developer", "legal", "direct", "embed"})


# A public code's media id in Instagram's own base64 alphabet; its top 41 bits are the milliseconds since Instagram's
# id epoch when the id was minted ("Sharding & IDs at Instagram"; 1314220021721 ms, as decoders of the ids use: it
# gives yt-dlp's test posts their `timestamp` to the second, aye83DjauH 1371748545, BA-pQFBG8HZ 1453760977).
CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
ID_EPOCH_MS = 1314220021721


def code_time(code: str) -> datetime | None:
    """When a public post's media id was minted (UTC, to the millisecond), from its code: the media is made then, and
    posted then or later. None for a code of another shape (a private post's longer one) or a time no id could hold."""
    if not PUBLIC_CODE.match(code):
        return None
    media_id = 0
    for char in code:
        media_id = media_id * 64 + CODE_ALPHABET.index(char)
    if media_id >= 1 << 64:
        return None
    try:
        minted = datetime.fromtimestamp(((media_id >> 23) + ID_EPOCH_MS) / 1000, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return minted if minted <= datetime.now(timezone.utc) else None


def profile_url(handle: str) -> str:
    """An account's page: what a caption remnant with no post link points at."""
    return f"https://www.instagram.com/{handle}/"


def post_url(code: str) -> str:
    """Canonical post URL: /p/<code>/ serves posts, reels and IGTV alike."""
    return f"https://www.instagram.com/p/{code}/"


def parse(url: str) -> PostRef | None:
    """/p/<code>, /reel/, /reels/, /tv/, also after a user name (/<user>/reel/<code>) and with /embed/[captioned/],
    their words in any case (/P/<code>: newuser36 #4); instagram.com/share/[p|reel/]<token> is a short link to resolve
    (the token is not the post's code); /p/<code>/c/<id>/ is a comment under the post; /stories/<user>/<media id>/ is
    a story item (kind "story"), no post."""
    split = urls.split(url)
    if split is None:
        return None
    parts = split.parts
    words = tuple(part.lower() for part in parts[:3])   # the site's path words, in any case; a code keeps its own
    if words[:1] == ("stories",):
        return _story(parts)
    if words[:1] == ("explore",):
        return None
    if words[:1] == ("share",) and len(parts) >= 2:
        return PostRef(PLATFORM, "short-link", "https://www.instagram.com/" + "/".join(words[:1] + parts[1:3]) + "/")
    for i, part in enumerate(words):
        if part in POST_WORDS and i + 1 < len(parts):
            code = parts[i + 1]
            if code in NOT_CODES or not SHORTCODE.match(code):
                return None
            # /<user>/p/<code>/ names the account too (newuser31b §11)
            user = parts[0] if i == 1 and USER.match(parts[0]) and parts[0] not in NOT_USERS else None
            # a reel's or IGTV page (/reel/, /reels/, /tv/, after its account's name too) is kept as the article wrote
            # it, beside the canonical /p/ (fixleft46b); /embed/ after the code is the same page's player
            shown = f"https://www.instagram.com/{parts[0] + '/' if user else ''}{part}/{code}/" if part != "p" else None
            ref = PostRef(PLATFORM, "post", post_url(code), code, user.lower() if user else None, shown=shown)
            return _comment_in(ref, parts[i + 2:], url)
    return None


def _comment_in(post: PostRef, rest: tuple[str, ...], url: str) -> PostRef:
    """The post, or the comment the path after its code names: c/<id>/ (a comment), c/<id>/r/<id>/ (a reply to
    one), each its own post by its own author (newuser36 #1: it was read as the post). Ids are numbers; the path
    words in any case, as the post's (/P/<code>/C/<id>/ was read as the post: review36e)."""
    words = tuple(part.lower() for part in rest[:3])
    if words[:1] != ("c",):
        return post
    ids = rest[1:2] + (rest[3:4] if words[2:3] == ("r",) else ())
    if not ids or not all(COMMENT_ID.match(i) for i in ids):
        return post.comment(None, url.strip())
    return post.comment(ids[-1], f"{post.url}c/{ids[-1]}/")


def _story(parts: tuple[str, ...]) -> PostRef | None:
    """A story item, /stories/<user>/<media id>/: one account's photo or video, gone from Instagram a day after it was
    posted, that no post URL names (newuser36 #5: dropped without a word). Its own kind, with its account and no post
    id: no post is fetched for it. None for the account's stories page and for a highlight (/stories/highlights/)."""
    if len(parts) < 3 or not USER.match(parts[1]) or parts[1].lower() in ("highlights", *NOT_USERS) \
            or not STORY_ID.match(parts[2]):
        return None
    user = parts[1].lower()
    return PostRef(PLATFORM, "story", f"https://www.instagram.com/stories/{user}/{parts[2]}/", None, user)
