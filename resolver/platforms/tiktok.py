"""Every TikTok URL shape, read into a PostRef: video and photo pages, the embed players, share links."""

from __future__ import annotations

from datetime import datetime, timezone

from resolver.lazy import LazyPattern
from resolver.model import PostRef
from resolver.platforms import urls

PLATFORM = "tiktok"
DOMAINS = frozenset({"tiktok.com", "tiktokv.com"})
MARKERS = ("tiktok",)
SOURCE_SHAPES = {"tiktok.com": ("/video/",)}

POST_ID = LazyPattern(r"^[1-9][0-9]{0,24}$")   # no leading zero: "0730..." would be a second post (#15)
CODE = LazyPattern(r"^[A-Za-z0-9_-]{4,40}$")
# Short-link hosts of the share sheet: the code hides the post until the link is followed.
SHORT_HOSTS = frozenset({"vm.tiktok.com", "vt.tiktok.com"})
# /<word>/<id> and /<word>/<version>/<id>: the embed players and the share page.
EMBED_PATHS = (("embed", "v2"), ("embed",), ("player", "v1"), ("share", "video"))
# A TikTok (and Douyin) id is 64 bits whose top 32 are the second it was minted, as an X id's top bits are its time
# (Steel et al., "Just Another Hour on TikTok", arXiv 2504.13279; unfurl's parse_tiktok): the service began in 2016.
IDS_TIMED_FROM = datetime(2016, 9, 1, tzinfo=timezone.utc)


def profile_url(user: str) -> str:
    """An account's page: what a scraped embed's remnant with no post link points at."""
    return f"https://www.tiktok.com/@{user}"


def post_url(post_id: str, user: str | None = None) -> str:
    """Canonical post URL. TikTok serves /@/video/<id> when the author is not known."""
    return f"https://www.tiktok.com/@{user or ''}/video/{post_id}"


def id_time(post_id: str) -> datetime | None:
    """When a video's id was minted (UTC, to the second): its top 32 bits; None for an id that is no 64-bit number or
    holds no time TikTok could have minted (before 2016: a short or made-up number)."""
    if not post_id.isascii() or not post_id.isdigit() or len(post_id) > 20 or int(post_id) >= 1 << 64:
        return None
    minted = datetime.fromtimestamp(int(post_id) >> 32, tz=timezone.utc)
    return minted if minted >= IDS_TIMED_FROM else None


def parse(url: str) -> PostRef | None:
    """/@user/video/<id>, /@user/photo/<id>, /embed/v2/<id>, /embed/<id>, /player/v1/<id>, /share/video/<id>
    (tiktok.com and tiktokv.com), m.tiktok.com/v/<id>.html; vm.tiktok.com/<code>, vt.tiktok.com/<code> and
    tiktok.com/t/<code> are short links to resolve; /@user/live is an account's live stream (kind "live")."""
    split = urls.split(url)
    if split is None:
        return None
    parts = split.parts
    if split.host in SHORT_HOSTS:
        return _short(f"https://{split.host}/", parts)
    if parts[:1] == ("t",):
        return _short("https://www.tiktok.com/t/", parts[1:])
    if len(parts) == 2 and parts[0].startswith("@") and len(parts[0]) > 1 and parts[1] == "live":
        # an account's live stream: one person's content at one time, no post (newuser36 #5: dropped)
        return PostRef(PLATFORM, "live", f"https://www.tiktok.com/{parts[0]}/live", None, parts[0][1:])
    if len(parts) >= 3 and parts[0].startswith("@") and parts[1] in ("video", "photo") and POST_ID.match(parts[2]):
        user = parts[0][1:] or None
        # a photo post's page (/photo/) is kept as the article wrote it, beside the canonical /video/ (fixleft46b)
        shown = f"https://www.tiktok.com/{parts[0]}/photo/{parts[2]}" if parts[1] == "photo" else None
        return PostRef(PLATFORM, "post", post_url(parts[2], user), parts[2], user, shown=shown)
    for prefix in EMBED_PATHS:
        rest = parts[len(prefix):]
        if parts[:len(prefix)] == prefix and len(rest) == 1 and POST_ID.match(rest[0]):
            return PostRef(PLATFORM, "post", post_url(rest[0]), rest[0])
    if parts[:1] == ("v",) and len(parts) == 2 and parts[1].endswith(".html") and POST_ID.match(parts[1][:-5]):
        return PostRef(PLATFORM, "post", post_url(parts[1][:-5]), parts[1][:-5])   # the old mobile share page
    return None


def _short(base: str, rest: tuple[str, ...]) -> PostRef | None:
    if not rest or not CODE.match(rest[0]):
        return None
    return PostRef(PLATFORM, "short-link", f"{base}{rest[0]}/")
