"""Mastodon posts on any instance. Mastodon has no fixed host, so the path shape decides: the registry asks this
parser last, for hosts no other platform owns."""

from __future__ import annotations

import re

from resolver.model import PostRef
from resolver.platforms import urls

PLATFORM = "mastodon"
MARKERS = ("mastodon",)
# A link host in markup that may be an instance: any domain followed by /@ (HTML detector's href pattern).
HOST_PATTERN = r"[a-z0-9-]+\.[a-z]{2,}(?=/@)"

STATUS_ID = re.compile(r"^[0-9]{6,20}$")
# Sites that use /@user/<number> paths for something else.
NOT_INSTANCES = frozenset({"tiktok.com", "threads.net", "threads.com", "medium.com"})


def parse(url: str) -> PostRef | None:
    """https://<instance>/@user/<id>[/embed] and /users/<user>/statuses/<id>; the numeric id must look like a
    Mastodon id."""
    split = urls.split(url)
    if split is None or "." not in split.host or split.host in NOT_INSTANCES:
        return None
    host, parts = split.host, split.parts
    if len(parts) >= 2 and parts[0].startswith("@") and STATUS_ID.match(parts[1]):
        user = parts[0][1:]
        if not user or "@" in user:
            return None
        return PostRef(PLATFORM, "post", f"https://{host}/@{user}/{parts[1]}", parts[1], f"{user}@{host}")
    if len(parts) >= 4 and parts[0] == "users" and parts[2] == "statuses" and STATUS_ID.match(parts[3]):
        return PostRef(PLATFORM, "post", f"https://{host}/@{parts[1]}/{parts[3]}", parts[3], f"{parts[1]}@{host}")
    return None
