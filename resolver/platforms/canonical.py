"""One canonical form per URL (#9 §4): what resolution stores as `canonical_url` and what reports group by.

A post URL becomes its platform's canonical post URL (the parsers in this package decide). Any other URL keeps
its path and its own parameters, in order and byte for byte, and loses what only says where a click came from:
scheme and host in lower case, no default port, no fragment, no tracking parameters. `final_url` is never
passed through here: it stays exactly what the server gave.
"""

from __future__ import annotations

from urllib.parse import unquote_plus, urlsplit, urlunsplit

# Parameters that identify a campaign, a click or a share sheet, never the page (exact names; utm_* by prefix).
TRACKING = frozenset({"fbclid", "gclid", "igshid", "mc_cid", "mc_eid", "ref_src", "ref_url", "si"})
# X share-sheet parameters: on status URLs only (elsewhere `s` and `t` can be a page's own, a YouTube start time).
X_STATUS_TRACKING = frozenset({"s", "t"})
DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """The canonical form of a URL: the platform's post URL for a post, else the URL without tracking."""
    from resolver import platforms
    from resolver.platforms import x

    ref = platforms.parse_url(url)
    if ref is not None:
        return ref.url
    try:
        split = urlsplit(url.strip())
        port = split.port
    except ValueError:   # a malformed netloc or port: nothing canonical to say, keep it as given
        return url
    scheme, host = split.scheme.lower(), (split.hostname or "").lower()
    if not scheme or not host:
        return url
    is_x_status = host in x.STATUS_HOSTS and "/status" in split.path
    query = "&".join(part for part in split.query.split("&") if part and not _tracking(part, is_x_status))
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != DEFAULT_PORTS.get(scheme):
        netloc += f":{port}"
    if split.username is not None:
        netloc = split.netloc.rsplit("@", 1)[0] + "@" + netloc
    path = split.path or ("/" if scheme in DEFAULT_PORTS else "")
    return urlunsplit((scheme, netloc, path, query, ""))


def _tracking(part: str, is_x_status: bool) -> bool:
    name = unquote_plus(part.split("=", 1)[0]).lower()
    return name.startswith("utm_") or name in TRACKING or (is_x_status and name in X_STATUS_TRACKING)


# Characters a path or query keeps as they are when two spellings are compared (RFC 3986's unreserved and
# sub-delims, and the separators): every other one is compared percent-encoded, in upper case.
_PATH_SAFE = "/:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"


def same_page(one: str, other: str) -> bool:
    """Whether two URLs name one page as the Wayback Machine files it: a post under any spelling of it (another X
    host, a handle in another case), else alike once the scheme (http, https), a www., a default port, the host's
    case, a last slash, a fragment and how a character is percent-encoded are set aside, and on X's own hosts which
    of them it is and the handle's case (`twitter.com/RivertonRoads` is `x.com/rivertonroads`, review47e: where
    twitter.com sends every browser). A path's and a query's case and order are otherwise kept: `/Story` and
    `/story`, `?page=2` and none, are other pages (fix47a: Save Page Now's success for another URL was taken for
    our URL's)."""
    from resolver import platforms
    from resolver.platforms.x import status_subpage

    key = platforms.post_key(one)
    if key is not None or platforms.post_key(other) is not None:
        return key == platforms.post_key(other) and status_subpage(one) == status_subpage(other)
    return _page_form(one) == _page_form(other)


def _page_form(url: str) -> tuple[str, int | None, str, str] | str:
    """(host, port, path, query) of `url` as `same_page` compares them; the URL itself when it is none to split."""
    from urllib.parse import quote, unquote

    from resolver.platforms import x

    try:
        split = urlsplit(url.strip())
        port = split.port
    except ValueError:
        return url
    if not split.hostname:
        return url
    host, path = split.hostname.lower().removeprefix("www."), unquote(split.path)
    if host in x.OWN_HOSTS:   # one site: twitter.com and mobile. answer each page with a 301 to x.com
        host, path = "x.com", x.handle_folded(path)
    path = quote(path, safe=_PATH_SAFE).rstrip("/")
    query = quote(unquote(split.query), safe=_QUERY_SAFE)
    return host, None if port in DEFAULT_PORTS.values() else port, path, query
