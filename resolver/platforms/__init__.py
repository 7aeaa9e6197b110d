"""URL parsers, one per platform. `parse_url` asks each in turn; nothing here touches the network."""

from __future__ import annotations

from resolver.model import PostRef
from resolver.platforms import others, x


def parse_url(url: str) -> PostRef | None:
    """What a URL points at (platform, kind, id, canonical URL), or None when no platform claims it."""
    if not url or len(url) > 4096:
        return None
    try:
        found = x.parse_url(url)
        if found is not None:
            return found
        for parser in others.PARSERS:
            found = parser(url)
            if found is not None:
                return found
    except ValueError:  # urlsplit on a malformed netloc ("http://[::1")
        return None
    return None


__all__ = ["parse_url", "x", "others"]
