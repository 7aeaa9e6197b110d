"""Reading a URL into the pieces every platform parser looks at: host, path segments, query, fragment."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import cached_property, lru_cache
from urllib.parse import parse_qs, urlsplit

from resolver.lazy import LazyPattern

# A percent-escaped unreserved character (a letter, a digit, "-", ".", "_", "~") is that character (RFC 3986
# §6.2.2.2): twitter.com/jack/%73tatus/20 is post 20. An escaped "/" or "?" stays escaped, inside its segment.
_ESCAPED_UNRESERVED = LazyPattern(r"%(2[DdEe]|3[0-9]|[46][1-9A-Fa-f]|[57][0-9Aa]|5[Ff]|7[Ee])")


# Unicode's direction marks (format characters, category Cf): the left-to-right and right-to-left marks, the Arabic
# letter mark, the embeddings, overrides and isolates. Right-to-left text copied from a page or a messenger carries
# them inside links ("t.me/\u200fchannel/1", "tiktok.com/@\u200fname/video/N"), and no URL holds one: a link is read
# without them, written or percent-escaped as a browser leaves them in an href (newuser39a #2).
DIRECTION_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_MARK_RE = LazyPattern(f"[{DIRECTION_MARKS}]|%E2%80%8[EF]|%E2%80%A[A-E]|%E2%81%A[6-9]|%D8%9C", re.IGNORECASE)


def without_marks(url: str) -> str:
    """`url` without the direction marks (`DIRECTION_MARKS`) in it, written or escaped; most URLs as they are."""
    if url.isascii() and "%" not in url:
        return url
    return _MARK_RE.sub("", url)


MOMENT_RE = LazyPattern(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?")


def moment(value: str) -> int | None:
    """A video's moment as links write it ("95", "95s", "2m5s", "1h2m5s"), in seconds; None for none, or 0."""
    match = MOMENT_RE.fullmatch(value.strip()) if value else None
    if match is None or not any(match.groups()):
        return None
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds or None


@dataclass(frozen=True)
class SplitURL:
    host: str                        # lower-case, without a leading "www." or a trailing "."
    parts: tuple[str, ...]           # the non-empty path segments
    query_text: str                  # the query as written, "&amp;" read as "&"
    fragment: str
    port: int | None = None          # as written; None when the URL names none

    @cached_property
    def query(self) -> dict[str, list[str]]:
        """The query's parameters, read when first asked: most URLs' platforms never ask (#14)."""
        return parse_qs(self.query_text)

    def arg(self, name: str) -> str | None:
        """The first value of a query parameter, or None."""
        values = self.query.get(name)
        return values[0] if values else None


# `platforms.parse_url` splits a URL to find its platform, and that platform's parser splits it again; mastodon's
# `shape_only` after `parse` a third time. The last few answers are kept (a split is pure and frozen; callers read
# it and never change its query), so one URL is read once (#14).
@lru_cache(maxsize=64)
def split(url: str) -> SplitURL | None:
    """Split a URL, with or without a scheme, protocol-relative too; None when it cannot be read.

    A query that was HTML-escaped once or more (`watch?feature=player_embedded&amp;amp;v=...`, as scrapers and
    CMSs leave it) is unescaped first, so its parameters keep their names (#15). The answer is shared by every
    caller asking about the same URL: read it, never change it.
    """
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    try:
        parsed = urlsplit(url if "://" in url else "https://" + url)
        host = (parsed.hostname or "").lower().rstrip(".")   # "example.org." is the fully qualified same host
        port = parsed.port
    except ValueError:   # a malformed netloc ("http://[::1") or port
        return None
    if host.startswith("www."):
        host = host[4:]
    query = parsed.query
    while "&amp;" in query:
        query = query.replace("&amp;", "&")
    return SplitURL(host, segments(parsed.path), query, parsed.fragment, port)


def segments(path: str) -> tuple[str, ...]:
    """A path's non-empty segments, escaped unreserved characters read as themselves."""
    if "%" in path:
        path = _ESCAPED_UNRESERVED.sub(lambda m: chr(int(m.group(1), 16)), path)
    return tuple(p for p in path.split("/") if p)


def domain_of(host: str, domains: Container[str]) -> str | None:
    """The domain in `domains` that `host` is, or is a subdomain of (label by label: "xt.co" is not "t.co")."""
    labels = host.split(".")
    for i in range(len(labels) - 1):
        candidate = ".".join(labels[i:])
        if candidate in domains:
            return candidate
    return None
