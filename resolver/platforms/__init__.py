"""URL parsers, one per platform. `parse_url` asks each in turn; nothing here touches the network."""

from __future__ import annotations

from urllib.parse import urlsplit

from resolver.model import PostRef
from resolver.platforms import others, x


def parse_url(url: str) -> PostRef | None:
    """What a URL points at (platform, kind, id, canonical URL), or None when no platform claims it."""
    if not url or len(url) > 4096:
        return None
    if url.startswith("at://"):
        return others.bluesky(url)
    if url.startswith("//"):
        url = "https:" + url   # protocol-relative, as embed iframes often are
    try:
        host = (urlsplit(url.strip() if "://" in url else "https://" + url.strip()).hostname or "").lower()
        if host.startswith("www."):
            host = host[4:]
        parser = others.BY_HOST.get(host)
        if parser is not None:
            return parser(url)
        found = x.parse_url(url)
        if found is not None:
            return found
        return others.mastodon(url)   # any host: the path shape decides
    except ValueError:  # urlsplit on a malformed netloc ("http://[::1")
        return None


__all__ = ["parse_url", "x", "others"]
