"""Every Threads URL shape, read into a PostRef: post pages on threads.net and threads.com, their embeds, and the
older /t/<code> share links."""

from __future__ import annotations

from resolver.lazy import LazyPattern
from resolver.model import PostRef
from resolver.platforms import urls

PLATFORM = "threads"
DOMAINS = frozenset({"threads.net", "threads.com"})
MARKERS = ("threads.",)
SOURCE_SHAPES = {"threads.net": ("/post/",), "threads.com": ("/post/",)}

SHORTCODE = LazyPattern(r"^[A-Za-z0-9_-]{5,64}$")
USER = LazyPattern(r"^[A-Za-z0-9_.]{1,30}$")


def parse(url: str) -> PostRef | None:
    """threads.net/@user/post/<code>[/embed] (threads.com too) and threads.net/t/<code>."""
    split = urls.split(url)
    if split is None:
        return None
    parts = split.parts
    if len(parts) >= 3 and parts[0].startswith("@") and parts[1] == "post" and SHORTCODE.match(parts[2]):
        user = parts[0][1:]
        if not USER.match(user):
            return None
        return PostRef(PLATFORM, "post", f"https://www.threads.net/@{user}/post/{parts[2]}", parts[2], user)
    if len(parts) == 2 and parts[0] == "t" and SHORTCODE.match(parts[1]):
        return PostRef(PLATFORM, "post", f"https://www.threads.net/t/{parts[1]}", parts[1])
    return None
