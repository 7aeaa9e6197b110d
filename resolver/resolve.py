"""Link resolution, one hop at a time: every hop is checked by the guard and written to the fetch log before the next.

Parse order for where a hop leads: the Location header of a 3xx, then a Refresh header, then an HTML meta refresh,
then the `location.replace("...")` of the JS-free redirect pages shorteners (t.co) serve to browsers.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import unescape
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from resolver import platforms
from resolver.end_pages import (MAX_NAMED, PARKING_SITES, READ_FROM_PAGE, PageReading, links_named, parking_refresh,
                                read_end_page, sign_in_address, site)
from resolver.errors import NON_PUBLIC, NotMapped
from resolver.guard import non_public_by_name
from resolver.http import (NOT_CACHED, PASSING_KINDS, Deadline, FetchOutcome, Ledger, asked_to_wait, fetch,
                           passing_failure)
from resolver.model import evolve
from resolver.platforms import unsupported, x
from resolver.platforms.canonical import canonical_url
from resolver.redact import PLAIN_URL, REDACTED
from resolver.session import NotCached

if TYPE_CHECKING:
    from resolver.model import Embed, PostRef
    from resolver.redact import Redactor
    from resolver.session import Session
    from resolver.settings import Settings

META_REFRESH_RE = re.compile(
    r"""<meta[^>]*?http-equiv\s*=\s*["']?refresh["']?[^>]*?content\s*=\s*["']?\s*(\d*)(?:\.\d*)?\s*;?\s*url\s*=\s*"""
    r"""['"]?([^"'>\s]+)""", re.IGNORECASE)
# A meta refresh after longer than this is a page reloading itself now and then (a live blog), not a redirect
# (Scrapy's METAREFRESH_MAXDELAY); so is one to the page itself, whatever its delay.
MAX_REFRESH_DELAY_S = 100
# A Refresh header's value, as a meta refresh's content: a delay, then the URL ("url=" optional, as the HTML spec
# reads it). A delay alone is a reload, and so is an empty "url=" (review30r2: it was read as the URL "url=").
REFRESH_HEADER_RE = re.compile(r"""\s*(\d*)(?:\.\d*)?(?:\s*[;,]\s*|\s+)(?:url\s*=\s*|(?!url\s*=))['"]?([^"'\s]+)""",
                               re.IGNORECASE)
JS_REPLACE_RE = re.compile(r"""location\.replace\(\s*["']([^"']+)["']\s*\)""")
_HAS_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")


@dataclass(frozen=True)
class Hop:
    url: str
    status: int | None
    location: str | None
    elapsed_ms: float
    fetch_id: int | None = None
    via: str | None = None             # how it pointed on: "header" | "refresh-header" | "meta-refresh" | "javascript"
    # Its answer came from a non-public address that only allow_private let through (FetchOutcome.non_public)
    non_public: bool = False
    # Not asked by this resolution: the redirect an earlier run recorded (its fetch row, `fetch_id`, within the TTL),
    # whose chain was cut after it (Ctrl-C); the chain went on from where it pointed (interrupts31, #13).
    kept: bool = False
    # Why a hop has no status, when it is known: "timed out after 0.5 s". A hop that timed out read as one with no
    # response at all (servers31, left32).
    error: str | None = None
    # What the page that ended the chain says it is, read from its words (resolver/end_pages.py): "parked" |
    # "notice", the words it was read by, and a notice's links to other sites (resolution36: a parked domain and the
    # post inside an interstitial were an end like any other). Kept with the hop, so a cached answer says the same.
    page: str | None = None
    page_words: str | None = None
    names: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        # Written out rather than `plain(self)`, as Resolution.to_json (#13); tests/test_model.py keeps it in step.
        return {"url": self.url, "status": self.status, "location": self.location, "elapsed_ms": self.elapsed_ms,
                "fetch_id": self.fetch_id, "via": self.via, "non_public": self.non_public, "kept": self.kept,
                "error": self.error, "page": self.page, "page_words": self.page_words, "names": list(self.names)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Hop":
        """A kept hop (one kept before a field was added has its default)."""
        names = data.get("names")
        return cls(**data) if not names else cls(**{**data, "names": tuple(names)})


@dataclass(frozen=True)
class Destination:
    """What a link ends at, as the URL parsers read it: platform, kind, id, handle, canonical URL, and a
    snowflake's creation time (it outlives the post)."""

    platform: str
    kind: str
    post_id: str | None
    author_handle: str | None
    url: str
    # The id's time, as the report JSON names it: `created_at` is the post's own time wherever the JSON has one
    # (newuser30 #4: a scan line had both under that name, the id's 6 months from the post's in the fixture)
    snowflake_time: str | None = None
    # Where the link starts the video, in seconds (`PostRef.start_seconds`): `resolve` of a timed link said the video
    # alone (newuser41a #10). None: it names no moment, or kept before it was read.
    start_seconds: int | None = None

    def to_json(self) -> dict[str, Any]:
        # Written out rather than `plain(self)`, as Resolution.to_json (#13); tests/test_model.py keeps it in step.
        return {"platform": self.platform, "kind": self.kind, "post_id": self.post_id,
                "author_handle": self.author_handle, "url": self.url, "snowflake_time": self.snowflake_time,
                "start_seconds": self.start_seconds}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Destination":
        """A kept destination: one kept before the field's rename (or merged in from such a cache) says `created_at`."""
        fields = dict(data)
        if "created_at" in fields:
            fields.setdefault("snowflake_time", fields.pop("created_at"))
        return cls(**fields)


# An end that says its page is gone: the link is dead, and where it led is known.
GONE_STATUSES = (404, 410)


@dataclass(frozen=True)
class Resolution:
    url: str
    final_url: str | None
    canonical_url: str | None
    hops: tuple[Hop, ...] = ()
    post: Destination | None = None
    error: str | None = None           # "<kind>: <message>"
    from_cache: bool = False
    unavailable: bool = False          # offline and not cached
    resolution_id: int | None = None   # its row in the cache's resolutions table
    # The redirect wrapper the link was given as (Facebook's link shim, Google's redirect), read with no request: the
    # link followed, `url`, is the target it names (newuser46c #1: l.facebook.com was asked, its 404 taken as the
    # link's). None: the link was followed as given. Not kept in the cache: the target's row is the answer.
    unwrapped_from: str | None = None
    # Where the link ended as it led there, when a configured secret was redacted out of `post` (its handle, its
    # path: #11): the steps ask for the post by it (`end`). Never kept, printed or compared.
    real_post: Destination | None = field(default=None, repr=False, compare=False)

    @property
    def failed(self) -> bool:
        """The link ended in an error (an offline "not cached" is unavailable, not failed; a hop `[origins]
        only_configured` refused is not checked, `refused`, newuser43b #9)."""
        return self.error is not None and not self.unavailable and not self.refused

    @property
    def refused(self) -> bool:
        """A hop's origin `[origins] only_configured` left unmapped: not followed, by the user's own config."""
        from resolver.errors import refused_by_config

        return refused_by_config(self.error)

    @property
    def final_status(self) -> int | None:
        """What the end answered: its hop's status, when the chain ended at a page it asked (None: an error, or a post
        URL, which ends the chain with no request)."""
        hops = self.hops
        if self.error is not None or not hops or hops[-1].url != self.final_url:
            return None
        return hops[-1].status

    @property
    def gone(self) -> bool:
        """The link ended at a page that is gone (404, 410): an answer, not a failure, as a gone post is (newuser35c:
        with `error` null it read as a live page)."""
        return self.final_status in GONE_STATUSES

    @property
    def unsure(self) -> str | None:
        """Why the end may not be where the link leads, or whether a page is there at all, or None. An end that
        answered a 4xx other than 404/410 (403, 451, 401...) showed no page: not known to be there, nor gone
        (review36b). An end page whose words read as a parked domain, or as a notice, says so, and a notice the one
        post it names (resolution36); a notice its own host redirected the link to, a sign-in page it was redirected
        to, a lapsed domain's script-only or refreshed parking lander, a page with no text but a script sending on
        (resolution37). A link on a host no parser knows as a shortener that answered 200 itself, with
        no redirect, may be a short link whose page is a notice ("you are leaving"), an interstitial or a parked
        domain: not known, and said so rather than read as its end (newuser35c). Read from the hops alone, so a cached
        answer says the same."""
        status = self.final_status
        if status is not None and 400 <= status < 500 and status not in GONE_STATUSES:
            # a 403 (a login, a wall kept from programs), a 451 (withheld), a 401...: no page was seen, so neither
            # live nor gone (review36b: read as a live end)
            return f"{self.final_url} answered {status}: its page was not seen, so whether it is there is not known"
        if status != 200:
            return None
        hops = self.hops
        end = hops[-1]
        if end.page == "parked" or len(hops) > 1 and site(end.url) in PARKING_SITES:
            other = ", on another domain than the link's," if site(end.url) != site(self.url) else ""
            words = end.page_words if end.page == "parked" else "a parking service's site"
            return f"{end.url}{other} reads as a parked domain (\"{words}\"): the page the link led to may be gone"
        itself = len(hops) == 1 and hops[0].via is None and platforms.parse_url(self.url) is None
        said = f"{self.url} answered 200 itself, with no redirect" if itself else f"{end.url} answered 200"
        if end.page == "notice":
            # a shortener's own warning page, which its host redirected the link to (bit.ly's "this link has been
            # flagged": resolution37)
            own = ", on the link's own site after a redirect," if len(hops) > 1 and site(end.url) == site(self.url) \
                else ""
            return f"{said}{own or ','} a page that reads as a notice (\"{end.page_words}\") {_naming(end.names)}"
        if len(hops) > 1 and (end.page == "sign-in" or sign_in_address(end.url)):
            # a login wall the link was sent to (a /login?next= page, a sign-in form): the page it leads to was not
            # shown (resolution37: read as a live end)
            told = (["its address"] if sign_in_address(end.url) else []) \
                + ([end.page_words] if end.page == "sign-in" and end.page_words else [])
            return (f"{end.url} answered 200 after a redirect, a sign-in page ({', '.join(told)}): the page the link "
                    "leads to was not seen, so whether it is there is not known")
        if end.page == "script" and end.names:
            return (f"{said}, a page with no text but a script sending the reader to {end.names[0]}: where the link "
                    "leads is not known")
        if (sent := self._sent_home()) is not None:
            return (f"{sent} redirected to its site's home page, {self.final_url}: a page that is gone often does, so "
                    "whether it is there is not known")
        if not itself:
            return None
        return (f"{said}: if it is a short link, this page (a notice, an interstitial, a parked domain) may not be "
                "where it leads")

    @property
    def likely_end(self) -> Destination | None:
        """The one post the page the chain ended at names, when that page reads as a notice ("you are leaving") or is a
        short link's page naming no next hop: likely where the link leads, read from the page, not a redirect
        (resolution36). Never `post`: nothing sent the link there."""
        end = self.hops[-1] if self.hops else None
        if end is None or end.status != 200 or end.url != self.final_url \
                or self.error is not None and not self.error.startswith(NO_REDIRECT):
            return None
        return _likely(end.names) if end.page == "notice" or self.error is not None else None

    def _sent_home(self) -> str | None:
        """The page of a site that redirected to that site's home page where the chain ended (a removed page often
        does: a soft 404), or None. Read from the hops' URLs alone (review36b): a link that led to the home page
        itself, or a move between http and https, www. or not, of the home page, is no such sign."""
        host, home = _site_page(self.final_url or "")
        if not home:
            return None
        for hop in reversed(self.hops[:-1]):
            hop_host, hop_home = _site_page(hop.url)
            if hop_host != host:
                return None
            if not hop_home:
                return hop.url
        return None

    @property
    def end(self) -> Destination | None:
        """The post the link ended at, to be asked for: as it led there, not as kept (left28: a gone post's archive
        forms were looked up under twitter.com/REDACTED/...)."""
        return self.real_post or self.post

    def to_json(self) -> dict[str, Any]:
        """Every field but `unavailable` (the article's JSON says that once for all its steps)."""
        # Written out rather than `plain(self)`: a warm run makes it for every link of every article, and the
        # generic walk was most of that (#13). tests/test_model.py keeps it in step with the fields.
        post = self.post
        return {"url": self.url, "final_url": self.final_url, "canonical_url": self.canonical_url,
                "hops": [hop.to_json() for hop in self.hops], "post": post.to_json() if post is not None else None,
                "error": self.error, "from_cache": self.from_cache, "resolution_id": self.resolution_id,
                "unwrapped_from": self.unwrapped_from, "final_status": self.final_status, "gone": self.gone, "unsure": self.unsure,
                "likely_end": likely.to_json() if (likely := self.likely_end) is not None else None}


NO_REDIRECT = "no-redirect:"


def _likely(names: tuple[str, ...]) -> Destination | None:
    """The post a page names, when it names exactly one link and that link is a post's."""
    ref = platforms.parse_url(names[0]) if len(names) == 1 else None
    return _described(ref) if ref is not None and ref.kind in ("post", "video") else None


def _naming(names: tuple[str, ...]) -> str:
    """What a notice page names, as its link's doubt ends: one post (its likely end), one other link, several, none."""
    likely = _likely(names)
    if likely is not None:
        return f"naming one post, {likely.url}: likely where the link leads {READ_FROM_PAGE}"
    if len(names) > 1:
        many = f"{len(names)} or more" if len(names) == MAX_NAMED else str(len(names))
        return f"naming {many} links: where the link leads is not known"
    if names:
        return f"naming one link, {names[0]}, no post: this page may not be where the link leads"
    return "naming no link to another site: this page may not be where the link leads"


HOME_PATH = re.compile(r"/?(?:(?:index|default|home)\.[a-z]{2,5})?\Z", re.IGNORECASE)


def _site_page(url: str) -> tuple[str, bool]:
    """A URL's site (its host, without "www.") and whether it is the site's home page (the root, or /index.html, no
    query)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    return host, bool(host) and not parts.query and HOME_PATH.match(parts.path) is not None


def describe(url: str) -> Destination | None:
    """What a final URL is (platform, kind, id, handle, canonical URL), plus a snowflake's creation time."""
    return _described(platforms.parse_url(url))


def _described(ref: PostRef | None) -> Destination | None:
    """describe() of a URL already parsed (#14: each hop's URL was parsed up to three times)."""
    if ref is None:
        return None
    created = x.snowflake_time(ref.post_id) if ref.platform == "twitter" and ref.post_id else None
    return Destination(ref.platform, ref.kind, ref.post_id, ref.author_handle, ref.url,
                       created.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z" if created else None, ref.start_seconds)


# How much of a page `next_hop` reads for a refresh (a <meta refresh>, a location.replace).
REFRESH_WINDOW = 65536


def _may_refresh(outcome: FetchOutcome) -> bool:
    """Whether an answer's body may name its next hop: a 200 HTML page (or one of no stated type)."""
    return outcome.status == 200 and "html" in outcome.headers.get("content-type", "html")


def next_hop(outcome: FetchOutcome, current: str) -> tuple[str, str] | None:
    """Where a response points on, and how, or None when it is the end of the chain."""
    if outcome.status is not None and 300 <= outcome.status < 400 and outcome.location:
        return _join(current, outcome.location.strip()), "header"
    header = REFRESH_HEADER_RE.match(outcome.headers.get("refresh", "")) if outcome.status == 200 else None
    if header:   # browsers follow it on any content type (review30n: the link was said to end at its page)
        target = _refreshed(current, header.group(1), header.group(2))
        if target is not None:
            return target, "refresh-header"
    if _may_refresh(outcome):
        head = outcome.body[:REFRESH_WINDOW].decode("utf-8", "replace")
        meta = META_REFRESH_RE.search(head)
        target = _refreshed(current, meta.group(1), unescape(meta.group(2))) if meta else None
        if target is not None:
            return target, "meta-refresh"
        script = JS_REPLACE_RE.search(head)
        if script:
            return _join(current, unescape(script.group(1).replace("\\/", "/"))), "javascript"
    return None


def _refreshed(current: str, delay: str, target: str) -> str | None:
    """Where a refresh (meta or header) after `delay` seconds sends the page, or None when it only reloads it: to
    the page itself, or after more than MAX_REFRESH_DELAY_S."""
    joined = _join(current, target)
    reload = joined.partition("#")[0] == current.partition("#")[0]
    return joined if int(delay or 0) <= MAX_REFRESH_DELAY_S and not reload else None


def _join(current: str, target: str) -> str:
    """The next hop's URL. One no parser accepts ("http://[::1") is kept as it is, and `_follow` ends the chain
    there as an invalid URL (#12: urljoin's ValueError ended the whole command with an internal error). An absolute
    URL that splitting and joining gives back unchanged (nearly every Location) is what urljoin would answer, with
    no parsing of either URL (#14); not with a ";", whose empty parameters urljoin drops."""
    if ";" not in target and PLAIN_URL.match(target):
        return target
    try:
        return urljoin(current, target)
    except ValueError:
        return target


def _normalise(url: str) -> str:
    url = url.strip()
    return url if _HAS_SCHEME.match(url) else "https://" + url


async def resolve(url: str, *, session: Session, follow_all: bool = False) -> Resolution:
    """Follow a link to its end, hop by hop. A cached answer within the TTL (offline: of any age) makes no request;
    --refresh takes none from before the run."""
    given = _normalise(url)
    url = unwrapped(given)
    cached = _cached(url, session)
    resolution = cached if cached is not None else await _resolve_afresh(url, session=session, follow_all=follow_all)
    return _as_given(resolution, given, session)


def unwrapped(url: str) -> str:
    """The link a redirect wrapper (Facebook's link shim l.facebook.com/l.php?u=…, Google's google.com/url?q=…) names,
    read from its query with no request, normalised; any other URL as it is. The wrapper's own host is never asked:
    its answer (a 404, a "you are leaving" page) is not the link's, and the shim's `h` token stays here, as
    `scan --resolve` and a wrapped post URL already read it (newuser46c #1)."""
    target = platforms.link_target(url)
    return url if target == url else _normalise(target)


def _as_given(resolution: Resolution, given: str, session: Session) -> Resolution:
    """A resolution of the link a wrapper named, told of the wrapper it was given as (redacted, as every URL shown)."""
    if resolution.url == given or unwrapped(given) == given:
        return resolution
    return evolve(resolution, unwrapped_from=session.redactor.url(given))


async def _resolve_afresh(url: str, *, session: Session, follow_all: bool) -> Resolution:
    """`resolve` of a normalised URL the cache was asked about already (resolve_many asks for all at once)."""
    ref = platforms.parse_url(url)
    ledger = Ledger()
    if ref is not None and _ends_here(ref, url, ("post", "comment", "video", "timeline"), session=session, follow_all=follow_all):
        resolution = Resolution(url, url, ref.url, (), _described(ref))   # a post URL needs no request
    else:
        with ledger.kept(session.store):   # a chain cut short: its hops' rows are written alone (newuser30 #8)
            resolution = await _follow(url, ref, session=session, follow_all=follow_all, ledger=ledger)
    return _finish(resolution, session, ledger)


def _cached(url: str, session: Session) -> Resolution | None:
    return _cached_many([url], session)[0]


def _cached_many(urls: list[str], session: Session) -> list[Resolution | None]:
    """Each URL's cached resolution the run accepts, or None; read in one query (#13: a warm run asks for every
    link of every article)."""
    if session.store is None or not urls:   # --refresh: `cached_since` takes only what this run got
        return [None] * len(urls)
    # The cache keeps URLs redacted (#11): look up the same form. An indexed read: fast. A URL with a secret in it
    # shares that form with every URL that differs from it only in the secret (`?key=AAA`, `?key=BBB`): its row may
    # be another link's, so it is never answered from the cache.
    keys = [session.redactor.url(url) for url in urls]
    since = session.cached_since()
    rows = session.store.latest_resolutions(keys, since=since)
    # a link kept under another spelling of the same request (review44c: `https://T.CO/abc` offline was "never
    # resolved" where `https://t.co/abc` was): looked up for the links the cache does not hold as written
    alike = {key: same for key in keys if key not in rows and (same := same_request(key)) != key}
    if alike:
        rows |= {key: row for key, row in zip(alike, map(session.store.latest_resolutions(
            list(alike.values()), since=since).get, alike.values())) if row is not None}
    not_taken = session.not_taken(i for row in rows.values() for i in row["fetch_ids"] or ())
    return [_answer(url, rows[key], session, not_taken) if key in rows and key == url else None
            for url, key in zip(urls, keys, strict=True)]


_ORIGIN = re.compile(r"(https?)://([a-z0-9.-]+?)(?::(\d+))?(?=[/?#]|\Z)", re.IGNORECASE | re.ASCII)


def same_request(url: str) -> str:
    """`url` with its origin spelt as a request for it is sent, as httpx sends it (the scheme and host in lower case,
    no default port), else `url` as it is. Nothing else is rewritten: a fragment is part of what a link names
    (`twitter.com/#!/user/status/1`, Vimeo's `#t=65`), and a trailing dot, an IDNA name or user info is another
    request or none."""
    found = _ORIGIN.match(url)
    if found is None:
        return url
    scheme, host, port = found.group(1).lower(), found.group(2), found.group(3)
    if host.endswith(".") or not host or ".." in host:
        return url
    default = {"http": "80", "https": "443"}[scheme]
    port = "" if port is None or port.lstrip("0") == default else f":{port}"
    return f"{scheme}://{host.lower()}{port}" + url[found.end():]


# A link whose end was kept redacted (a handle that is a secret): the cache no longer holds where it leads.
END_WITHHELD = (f"{NOT_CACHED}: offline, and where this link leads was kept with a secret redacted out of it: the "
                "post cannot be asked for by it")


def _answer(url: str, row: dict[str, Any], session: Session, not_taken: set[int]) -> Resolution | None:
    """A cached row as this run's answer, or None to resolve again. Offline, a row these settings would not give
    is not known, and says why (review28c #6: "this URL was never resolved", which the cache contradicts). One
    whose end was redacted (`twitter.com/REDACTED/status/…`) cannot say which post to ask for, and asking by the
    redacted one is a wrong lookup (left28): online the link is followed again; offline it is not known.
    `not_taken`: the fetch-log rows of them all this run does not take answers from (`Session.not_taken`: under
    --replay, those not replayed from its WARC files; live, those of no known age), read at once."""
    if not_taken.intersection(row["fetch_ids"] or ()):
        return None   # not this run's answer (under --replay, not its WARC's; live, of no known age): asked again
    declined = _declined(row, session.settings)
    if declined is not None:
        return Resolution(url, None, None, error=not_cached(declined), unavailable=True) if session.offline else None
    if not session.offline and _passing(row["error"]):
        return _failed_this_run(url, row, session)
    if _end_redacted(row):
        return None if not session.offline else Resolution(url, None, None, error=END_WITHHELD, unavailable=True)
    return _from_row(url, row)


# How a link's failure this run already got is said by the later articles naming it (runs34).
FAILED_THIS_RUN = "failed earlier in this run: "


def _failed_this_run(url: str, row: dict[str, Any], session: Session) -> Resolution | None:
    """A link's passing failure (a 503, a timeout) as the answer of the run that got it, said as such, or None when an
    earlier run got it (asked again). One attempt a link a run, as a hop (runs33) and a post's failed sources have:
    each later article of a run of thousands followed a failing link again (runs34). Not under --replay, whose WARC
    answers each time; --refresh's cut-off is `started_at` too, so it reuses what it got itself."""
    if session.replay is not None or (row["resolved_at"] or "") < session.started_at:
        if session.replay is None:
            session.links_asked_again.add(url)
        return None
    kind, _, said = str(row["error"]).partition(": ")
    return evolve(_from_row(url, row), error=f"{kind}: {FAILED_THIS_RUN}{said}")


def _end_redacted(row: dict[str, Any]) -> bool:
    """Whether a cached resolution's end had a secret redacted out of it: as the row says (v23), so an account really
    named REDACTED is answered like any other (secrets29: followed again on every online run, "not in the cache"
    offline); a row recorded before the cache said is judged by the "REDACTED" in it."""
    if row.get("end_redacted") is not None:
        return bool(row["end_redacted"])
    post = row["post"]
    return bool(post) and (REDACTED in post["url"] or post.get("author_handle") == REDACTED)


def not_cached(why: str) -> str:
    """An offline link's error when no cached answer is this run's: `why` says what the cache holds of it."""
    return f"{NOT_CACHED}: offline, and this URL was {why}"


# Failures that may not happen again: an online run asks again rather than repeat them from the cache for the
# whole TTL (offline shows them: they are what was last known). A refused or looping chain is a lasting answer, under
# the settings that gave it (`_declined`). What a replayed WARC lacked says nothing of the link: no live run takes it
# (`Session.takes_cached`).
PASSING = (*(f"{kind}:" for kind in PASSING_KINDS), "http-429:", "http-5")
NEVER_RESOLVED = not_cached("never resolved")
TOO_MANY_HOPS = "too-many-hops:"


def _passing(error: str | None) -> bool:
    return error is not None and error.startswith(PASSING)


def _declined(row: dict[str, Any], settings: Settings) -> str | None:
    """Why a cached chain is not what this run's settings would give again, or None when it is (newuser28 #3: the
    cache was keyed by URL alone, so a refusal was replayed to a run with allow_private set, "set allow_private =
    true to allow", and a chain to an internal address resolved with it was served to a run with the guard on as a
    clean answer). A refusal of a non-public address holds only without allow_private; a chain that reached an
    address only allow_private admits (a hop's `non_public`), only with it. A chain of n hops was followed within
    n - 1 redirects: it holds under any max_redirects that allows them (a loop is found again, a clean end reached
    again), and a too-many-hops answer under exactly the max_redirects it ran out of. Offline too: a chain these
    settings would not give is not their answer, and is not known. A hop kept before hops said `non_public` is
    judged by its host alone (`non_public_by_name`: an IP literal, localhost); one at another name that then
    resolved to a private address cannot be told (--refresh resolves it again)."""
    hops, error = row["hops"] or [], row["error"] or ""
    if error.startswith(f"{NotMapped.kind}:"):   # a refusal of the config that ran ([origins] only_configured)
        # run again online, it is refused again: the key to map, as the online refusal names it (newuser46a #9)
        allow = error.partition("; to allow it, ")[2]
        return ("refused only because [origins] only_configured did not map its origin; to allow it, "
                + (allow or "map its origin in [origins] (or set only_configured = false)")
                + ", then run without --offline")
    allowed = settings.max_redirects + 1
    if len(hops) > allowed:
        return (f"resolved under another max_redirects (its chain needs {len(hops) - 1} or more, this run has "
                f"{settings.max_redirects}); run with it, or without --offline")
    if error.startswith(TOO_MANY_HOPS) and len(hops) != allowed:
        return (f"resolved under another max_redirects (it ran out of {len(hops) - 1}, this run has "
                f"{settings.max_redirects}); run with it, or without --offline")
    if settings.allow_private:
        if error.startswith("unsafe:") and NON_PUBLIC in error:
            return "refused only because allow_private was not set; run without it, or without --offline"
        return None
    admitted = next((hop["url"] for hop in hops if _non_public(hop)), None)
    if admitted is not None:
        return f"resolved only with allow_private set (a non-public address, {admitted}); run with it, or without " \
               "--offline"
    return None


def _non_public(hop: dict[str, Any]) -> bool:
    """Whether a cached hop's answer came through allow_private: as it says, or, kept before hops said so, as its
    host's name alone tells."""
    said = hop.get("non_public")
    return bool(said) if said is not None else non_public_by_name(hop["url"])


def kept_resolution(row: dict[str, Any]) -> Resolution:
    """A resolution the cache keeps (a `latest_resolutions` row), read as this version reads it: where it ended and
    what its end answered (`gone`, `unsure`), as `resolve` says them."""
    return _from_row(row["url"], row)


def _from_row(url: str, cached: dict[str, Any]) -> Resolution:
    return Resolution(url, cached["final_url"], cached["canonical_url"],
                      tuple(Hop.from_json(h) for h in cached["hops"] or []),
                      _read_now(Destination.from_json(cached["post"])) if cached["post"] else None, cached["error"],
                      from_cache=True, resolution_id=cached["id"])


def _read_now(end: Destination) -> Destination:
    """A cached end's id and URL as this version reads its URL: an older one kept a Telegram, Bluesky or Mastodon
    post's bare number or key, and the post was asked for (offline, not found) under it for the whole cache TTL
    (urlforms30, #15)."""
    ref = platforms.parse_url(end.url)
    if ref is None or (ref.platform, ref.kind) != (end.platform, end.kind) or (ref.post_id, ref.url) == (end.post_id,
                                                                                                         end.url):
        return end
    return evolve(end, post_id=ref.post_id, url=ref.url)


async def _follow(url: str, ref: PostRef | None, *, session: Session, follow_all: bool, ledger: Ledger) -> Resolution:
    """The chain from `url` (`ref`: what the URL parsers make of it)."""
    hops: list[Hop] = []
    seen: set[str] = set()
    current = url
    max_redirects, link_deadline = session.settings.max_redirects, session.settings.link_deadline
    # the whole chain's deadline, every hop and retry in it (review30n: slow hops each within the per-fetch deadline
    # held one link for minutes); its network time only: our own rate-limit waits are not counted (left32)
    until = Deadline(link_deadline) if link_deadline else None
    while True:
        if current in seen:
            return Resolution(url, current, None, tuple(hops), None, f"redirect-loop: {current} was already visited")
        if len(hops) >= max_redirects + 1:
            return Resolution(url, current, None, tuple(hops), None,
                              f"{TOO_MANY_HOPS} more than {max_redirects} redirects")
        seen.add(current)
        if (stop := unsupported.hop_stop(current)) is not None:
            # a closed service's host, a not-supported service's post: not asked, said (fixleft46b)
            return Resolution(url, current, None, tuple(hops), None, stop)
        if until is not None and until.passed():   # ran out between two hops: this one is not asked
            return Resolution(url, current, None, tuple(hops), None, _out_of_time(session.settings, current, hops))
        # A body past the cap, or still arriving at the deadline (a stream), is cut, not an error: where the answer
        # points is known (its status, its Location, a refresh in its first bytes); a link to a 25 MB PDF ends at
        # the PDF, one to a live stream at the stream.
        kept = _kept_redirect(current, session)
        reading: PageReading | None = None
        if kept is not None:
            outcome, onward = kept, next_hop(kept, current)
            ledger.date(kept.fetch_id, kept.fetched_at)
        else:
            outcome, onward, reading = await _hop(current, session=session, ledger=ledger, until=until)
        if outcome.unavailable:   # offline: no hop was made
            return Resolution(url, None, None, error=NEVER_RESOLVED, unavailable=True)
        hops.append(Hop(current, outcome.status, outcome.location, round(outcome.elapsed_ms, 1), outcome.fetch_id,
                        onward[1] if onward else None, outcome.non_public, kept=kept is not None,
                        error=_timed_out(outcome), page=reading.reads_as if reading else None,
                        page_words=reading.words if reading else None, names=reading.names if reading else ()))
        if outcome.error_kind == "timeout" and until is not None and until.passed():
            return Resolution(url, current, None, tuple(hops), None,
                              _out_of_time(session.settings, current, hops[:-1]))
        earlier = FAILED_THIS_RUN if outcome.via == FAILED_HOP else ""
        if outcome.problem is not None:
            kind, _, said = outcome.problem.partition(": ")
            return Resolution(url, current, None, tuple(hops), None, f"{kind}: {earlier}{said}")
        if onward is None and outcome.status is not None and (outcome.status >= 500 or outcome.status == 429):
            # the server failed or still refused us (retries spent): where the link goes is not known; another 4xx
            # is a destination, a page that is gone (#12)
            wait = asked_to_wait(outcome)
            return Resolution(url, current, None, tuple(hops), None,
                              f"http-{outcome.status}: {earlier}{current} answered {outcome.status}"
                              + (f"; {wait}" if wait else ""))
        if onward is None and outcome.status is not None and 300 <= outcome.status < 400:
            # a redirect that names no Location has not said where the link goes
            return Resolution(url, current, None, tuple(hops), None, f"no-redirect: {current} answered "
                              f"{outcome.status} without a Location: where it leads is not known")
        if onward is None and ref is not None and ref.kind in ("short-link", "media-link") \
                and outcome.status is not None and 200 <= outcome.status < 300:
            # a short link's page that names no next hop (a script form not read here, an error page served as 200)
            # has not said where it goes: the link is not its own destination
            likely = _likely(reading.names) if reading is not None else None
            return Resolution(url, current, None, tuple(hops), None, f"{NO_REDIRECT} {current} answered "
                              f"{outcome.status} and named no next hop: where it leads is not known"
                              + (f"; the page names one post, {likely.url} {READ_FROM_PAGE}" if likely else ""))
        if onward is None and outcome.cut_at_deadline and _may_refresh(outcome) \
                and len(outcome.body) < REFRESH_WINDOW:
            # a page cut at the deadline before the bytes a refresh is read in (review31r2): its refresh may come
            # after the cut, so it has not said where the link goes (a stream that is no page ends here)
            return Resolution(url, current, None, tuple(hops), None, f"timeout: {current} answered 200, its page "
                              f"still arriving at {outcome.cut_at_deadline}: its first {len(outcome.body):,} bytes "
                              "named no next hop, so where it leads is not known")
        if onward is None:   # `ref` is what the parsers make of `current`: canonical_url(current) is its URL
            return Resolution(url, current, ref.url if ref is not None else canonical_url(current), tuple(hops),
                              _described(ref))
        current = onward[0]
        try:
            scheme = urlsplit(current).scheme
        except ValueError as exc:   # a Location no parser accepts: this link's error, not the command's (#12)
            return Resolution(url, current, None, tuple(hops), None, f"invalid-url: refused {current}: {exc}")
        if scheme not in ("http", "https"):
            return Resolution(url, current, None, tuple(hops), None,
                              f"unsafe: refused {current}: only http and https are fetched")
        ref = platforms.parse_url(current)
        if ref is not None and _ends_here(ref, current, ("post", "comment", "video"), session=session, follow_all=follow_all):
            return Resolution(url, current, ref.url, tuple(hops), _described(ref))


# What a kept hop's answer needs of its headers: where it points (read once, `onward`), its type, a wait it asks for
# (`asked_to_wait`). The rest are in its fetch-log row; a run of 10,000 links keeps 20,000 hops.
_HOP_HEADERS = frozenset({"location", "refresh", "content-type", "retry-after", "x-rate-limit-reset"})
_WAITS = frozenset({"retry-after", "x-rate-limit-reset"})   # when to ask again, read from the moment it is read
FAILED_HOP = "failed-this-run"   # the `via` of a hop's passing failure kept for the run's other links


def _read_end(outcome: FetchOutcome, url: str, onward: tuple[str, str] | None) -> PageReading | None:
    """What a chain's end page says it is (a parked domain, a notice and the links it names: end_pages), read while
    its body is at hand; a short link's own page naming no next hop, the links it names (its only clue to where the
    link leads). None for any other answer."""
    if onward is not None or outcome.error is not None or outcome.cut or outcome.cut_at_deadline \
            or not _may_refresh(outcome):
        return None   # a body cut at the cap is its head, not a page of that size (review37a)
    reading = read_end_page(outcome.body, url)
    if reading is not None:
        return reading
    ref = platforms.parse_url(url)
    if ref is None or ref.kind not in ("short-link", "media-link"):
        return None
    names = links_named(outcome.body, url)
    return PageReading(None, None, names) if names else None


async def _hop(url: str, *, session: Session, ledger: Ledger, until: Deadline | None
               ) -> tuple[FetchOutcome, tuple[str, str] | None, PageReading | None]:
    """One hop's answer and where it points on: asked once a run, however many links lead through it (a t.co link
    to pic.twitter.com/X and an embed linking pic.twitter.com/X itself were two requests, at once or one after the
    other: runs33, #13). Its fetch-log row is held in a ledger of its own that each resolution resting on it shares
    (`Ledger.share`, as an X API batch's): the first resolution written writes it, the others cite the same row. An
    answer that came whole is kept for the rest of the run without its body (where it points is read once); a
    timeout at a link's deadline, a refusal, a body cut at a deadline or a failure whose retry the link's deadline
    left no time for (review35r4) is its own resolution's (its deadline), and not kept. A 429, a 5xx or a timeout within the link's time (a failure that may pass) is kept for the run too,
    marked FAILED_HOP: every other link through it says it "failed earlier in this run" (archive35: a link through a
    failing shortener hop asked it again, one request a link; one attempt a hop a run, as runs34 made it for a
    link); its Retry-After is not kept (read again at that later moment, it named a time the server never gave,
    review33r3). The next run asks again. What an end page says of itself (`_read_end`) is read once too, and kept
    with the answer."""
    async def ask() -> tuple[FetchOutcome, tuple[str, str] | None, Ledger, Deadline | None, PageReading | None]:
        own = Ledger()
        outcome = await fetch(session, url, purpose="resolve", ledger=own, cut_bodies=True, until=until)
        onward = next_hop(outcome, url) if outcome.error is None else None
        parking = parking_refresh(onward[0]) if onward is not None and onward[1] != "header" else None
        reading: PageReading | None
        if onward is not None and parking is not None:
            # a lapsed domain's page refreshing (or scripted) to a parking service: read as parked from the bytes at
            # hand, and the service is not asked (resolution37)
            how = "a script sending" if onward[1] == "javascript" else "a refresh"
            onward, reading = None, PageReading("parked", f"{how} to {parking}", ())
        else:
            reading = _read_end(outcome, url, onward)
        # the deadline that cut this answer, when it was this asker's link's: at the deadline, or a retry it left no
        # time for (a link with more time would have made it: review35r4)
        cut_by = until if until is not None and (outcome.retry_cut or until.passed() and (
            outcome.error_kind == "timeout" or outcome.cut_at_deadline)) else None
        if outcome.status is not None and outcome.error is None and not outcome.cut_at_deadline \
                and not passing_failure(outcome.error_kind, outcome.status):
            kept = {k: v for k, v in outcome.headers.items() if k in _HOP_HEADERS}
            session.hops[url] = (evolve(outcome, body=b"", headers=kept), onward, own, reading)
        elif cut_by is None and not outcome.cut_at_deadline and session.replay is None \
                and passing_failure(outcome.error_kind, outcome.status):
            kept = {k: v for k, v in outcome.headers.items() if k in _HOP_HEADERS - _WAITS}
            session.hops[url] = (evolve(outcome, body=b"", headers=kept, via=FAILED_HOP), None, own, None)
        return outcome, onward, own, cut_by, reading
    known = session.hops.get(url)
    if known is not None:
        outcome, onward, own, reading = known
    else:
        outcome, onward, own, cut_by, reading = await session.in_flight.once(("hop", url), ask)
        if cut_by is not None and cut_by is not until and (until is None or not until.passed()):
            # joined another link's request, which that link's deadline cut: this link's own deadline has time left,
            # and it is not told of a timeout it did not spend (review33r3): it asks within its own
            outcome, onward, own, _, reading = await ask()
    ledger.share(own)
    return outcome, onward, reading


def _kept_redirect(url: str, session: Session) -> FetchOutcome | None:
    """The redirect `url` answered a resolution of an earlier run whose chain was cut after it (its hop rows were
    written alone, newuser30 #8), read again from its fetch row: the resumed chain goes on from where it pointed
    rather than from its start. Only a plain redirect (a 3xx naming its Location in a header: all there is to know
    of it is in the row; a page's refresh or script needs its body, not kept) that is the URL's latest resolve
    answer, within the TTL, from a public address, its URL and Location holding no secret and none redacted out of
    them (a row is kept redacted: its Location is then not where the link went, left28); never under --refresh,
    offline, --replay, or into a WARC (the run's file must hold every exchange its resolutions rest on)."""
    store = session.store
    if store is None or session.refresh or session.offline or session.replay is not None or session.warc is not None \
            or session.redactor.url(url) != url:
        return None
    since = session.cached_since()
    rows = [row for row in store.fetches_for(url) if row["purpose"] == "resolve"]
    if not rows or since is None:
        return None
    row = rows[-1]
    headers = json.loads(row["headers"] or "{}")
    location = headers.get("location")
    if row["fetched_at"] < since or row["status"] is None or not 300 <= row["status"] < 400 or row["error_kind"] \
            or row["non_public"] or not location or REDACTED in location or REDACTED in row["url"] \
            or session.redactor.url(location) != location or not session.takes_cached([row["id"]]):
        return None
    return FetchOutcome(url, row["contacted_url"] or url, row["method"] or "GET", row["fetched_at"], row["status"],
                        headers, elapsed_ms=row["elapsed_ms"] or 0.0, fetch_id=row["id"], via="cache")


def _timed_out(outcome: FetchOutcome) -> str | None:
    """A hop's "timed out after N s" (the time its last attempt took); None for any other outcome. (A body still
    arriving at the deadline is cut, not a timeout: that hop has its status.)"""
    if outcome.error_kind != "timeout":
        return None
    return f"timed out after {outcome.elapsed_ms / 1000:.1f} s"


def _out_of_time(settings: Settings, current: str, before: list[Hop]) -> str:
    """A link's error when its deadline ran out at `current`, after the hops `before` it (a passing failure)."""
    return (f"timeout: no complete answer within the link's {settings.link_deadline:g}s deadline (link_deadline): "
            f"it ran out at {current}, after {len(before)} hop{'s' if len(before) != 1 else ''}")


def _ends_here(ref: PostRef, url: str, kinds: tuple[str, ...], *, session: Session, follow_all: bool) -> bool:
    """Whether a link ends at `url` with no request: a post's URL (of `kinds`), unless --follow-all, and unless its
    host is a non-public address by name (a Mastodon post's host may be any name, "social.localhost" too): that
    hop goes to the guard, which refuses it as any other (review29: a redirect to one was reported as a post)."""
    if ref.kind not in kinds or follow_all:
        return False
    return session.settings.allow_private or not non_public_by_name(url)


def _finish(resolution: Resolution, session: Session, ledger: Ledger) -> Resolution:
    """Record a resolution together with the fetch-log rows of its hops, in one transaction (an offline "not
    cached" answer is no fact, and is not recorded). What is recorded and returned has its URLs redacted."""
    resolution = _redacted(resolution, session.redactor)
    store = session.store
    if store is None or resolution.unavailable:
        return resolution
    from resolver import __version__

    # times35: at its hops' latest fetch (a live one's fetched_at, a replayed one's WARC-Date), not at this write,
    # after the answers (by a slow hop's answering time, and the other links of its chunk)
    resolved_at, unknown = ledger.time_of([h.fetch_id for h in resolution.hops],
                                          default=(ledger.observed_at(), ledger.answered_at_unknown()))
    with ledger.transaction(store) as real:
        resolution = evolve(resolution, hops=tuple(evolve(h, fetch_id=real(h.fetch_id)) for h in resolution.hops))
        row_id = store.record_resolution({
            "url": resolution.url, "final_url": resolution.final_url, "canonical_url": resolution.canonical_url,
            "hops": [h.to_json() for h in resolution.hops],
            "post": resolution.post.to_json() if resolution.post else None, "error": resolution.error,
            "resolved_at": resolved_at, "answered_at_unknown": unknown,
            "fetch_ids": [h.fetch_id for h in resolution.hops if h.fetch_id],
            "tool_version": __version__, "end_redacted": int(resolution.real_post is not None),
        })
    return evolve(resolution, resolution_id=row_id)


def _redacted(resolution: Resolution, redactor: Redactor) -> Resolution:
    """The resolution as it is kept and shown: secrets out of its URLs and its error (#11). Nearly every URL has
    nothing to redact: then the same objects are kept, with no copy (#14)."""
    def url(value: str | None) -> str | None:
        return redactor.url(value) if value is not None else None

    def hop(h: Hop) -> Hop:
        new_url, location = redactor.url(h.url), url(h.location)
        names = tuple(redactor.url(name) for name in h.names)
        return h if new_url == h.url and location == h.location and names == h.names \
            else evolve(h, url=new_url, location=location, names=names)
    post = resolution.post
    if post is not None and (redactor.url(post.url) != post.url or post.author_handle is not None
                             and redactor.shown(post.author_handle) != post.author_handle):
        # the handle as the URL: a handle that is a secret was kept and printed in `resolutions[].post` (left28)
        post = evolve(post, url=redactor.url(post.url),
                      author_handle=redactor.shown(post.author_handle) if post.author_handle else None)
    changed = {"url": redactor.url(resolution.url), "final_url": url(resolution.final_url),
               "canonical_url": url(resolution.canonical_url),
               "error": redactor.text(resolution.error) if resolution.error else None,
               "hops": tuple(hop(h) for h in resolution.hops), "post": post}
    if all(value == getattr(resolution, name) for name, value in changed.items()):
        return resolution
    return evolve(resolution, **changed, real_post=resolution.post if post is not resolution.post else None)


def links_of(embed: Embed) -> list[str]:
    """The links an embed carries that resolution can say more about: t.co, pic.twitter.com, short links."""
    links = list(embed.links) + list(embed.media_links)
    if embed.kind in ("media-link", "short-link"):
        links.append(embed.url)
    return list(dict.fromkeys(links))


async def resolve_many(urls: Iterable[str], *, session: Session, follow_all: bool = False,
                       on_done: Callable[[Resolution], None] | None = None) -> list[Resolution]:
    """Resolve many links at once: a global limit (concurrency) and a polite per-host limit (per_host). Links the
    cache answers are answered here, in order, with no task each (#14: a warm run is nearly all of those)."""
    given = [_normalise(link) for link in urls]
    links = [unwrapped(link) for link in given]   # a wrapper's target followed, not the wrapper (newuser46c #1)
    if links != given:
        results = await resolve_many(links, session=session, follow_all=follow_all, on_done=on_done)
        return [_as_given(result, link, session) for result, link in zip(results, given, strict=True)]
    answered = _cached_many(links, session)
    if on_done is not None:
        for cached in answered:
            if cached is not None:
                on_done(cached)
    missing = [link for link, cached in zip(links, answered, strict=True) if cached is None]
    if not missing:
        return [cached for cached in answered if cached is not None]
    if session.cache_only:
        raise NotCached(missing[0])
    import asyncio   # here: a run the cache answers starts no event loop (#14)

    per_host: dict[str, asyncio.Semaphore] = {}
    # Each distinct link is followed once, however often it is asked for (the cache was asked about all of them
    # above, so a second ask could only find what the first one records meanwhile).
    asked = Counter(_normalise(link) for link in missing)
    fresh: dict[str, Resolution] = {}

    async def one(url: str) -> None:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:   # "http://[::1": resolve() says why it is refused (#11: an internal error before)
            host = ""
        gate = per_host.setdefault(host, asyncio.Semaphore(session.settings.per_host))

        async def follow() -> Resolution:
            async with gate:
                # followed to its end by another article's step since the cache was asked above (no longer in
                # flight, now cached): its answer, not a second request (newuser32c #5)
                kept = _cached(url, session)
                return kept if kept is not None else await _resolve_afresh(url, session=session, follow_all=follow_all)
        # Another article's step following the same link now: its answer is this one's (one request a run, #13).
        result = fresh[url] = await session.in_flight.once(("link", url, follow_all), follow)
        if on_done is not None:
            for _ in range(asked[url]):
                on_done(result)

    # `concurrency` workers take the links in order, one at a time: the global limit. Not a task a link waiting its
    # turn (#14: 10,000 waiting tasks were ten times the objects the garbage collector walks, and their scheduling).
    waiting = iter(asked)

    async def worker() -> None:
        for url in waiting:
            await one(url)

    await asyncio.gather(*(worker() for _ in range(min(max(session.settings.concurrency, 1), len(asked)))))
    return [cached if cached is not None else fresh[_normalise(link)]
            for link, cached in zip(links, answered, strict=True)]
