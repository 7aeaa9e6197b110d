"""The Wayback Machine: look up snapshots (availability API, CDX), list the captures under a URL, and save what
has none recent (Save Page Now 2). Reading a capture is fetch/wayback.py's; identification is identify.py's.

Formats as in shared/reference/wayback: availability `status` is a string; CDX `output=json` starts with a
header row; a blocked site is a 403 with the reason in X-Archive-Wayback-Runtime-Error; SPN2 answers a POST
/save with a job id (or `job_id: null` when a recent capture exists) and /save/status/<job> with pending,
success or error (`status_ext`).
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote_plus, urlencode, urlsplit

from resolver import jsonparse, platforms
from resolver.errors import refused_by_config
from resolver.http import NOT_IN_WARC, FetchOutcome, Ledger, fetch
from resolver.options import ArchiveOptions
from resolver.platforms.canonical import canonical_url
from resolver.platforms.x import status_subpage
from resolver.redact import REDACTED, URL_NOT_KNOWN
from resolver.settings import Settings

if TYPE_CHECKING:
    from cache import Store
    from resolver.redact import Redactor
    from resolver.session import Session

AVAILABILITY = "https://archive.org/wayback/available"
CDX = "https://web.archive.org/cdx/search/cdx"
SAVE = "https://web.archive.org/save"
WEB = "https://web.archive.org/web"
CDX_FIELDS = "urlkey,timestamp,original,mimetype,statuscode,digest,length"
# CDX lists the first `limit` captures, oldest first; `limit=-N` lists the last N (wayback-cdx-server README, "Query
# Result Limits"). A URL with more than CDX_LIMIT captures has its last LATEST_ROWS asked for too: its latest
# capture (and the latest good one `recent` looks for) is among them, never the CDX_LIMIT-th.
CDX_LIMIT = 10_000
LATEST_ROWS = 100
NO_KEYS = "no Internet Archive keys (IA_ACCESS_KEY, IA_SECRET_KEY): not saved"
KEYS_HINT = "check IA_ACCESS_KEY and IA_SECRET_KEY"
SECRET_KEPT = "not saved: the URL carries a secret ({what}); saving it would publish it in the public archive"
PRIVATE_KEPT = ("not saved: {what}, which only its members can open: the archive would capture a login page, and "
                "submitting it would hand the link to a public archive")
NOT_SAVED_UNKNOWN = ("not saved: the URL was read with a secret redacted out of it (REDACTED), and the URL it stands "
                     "for is not known")
WITHHELD = "withheld: "   # the kind of a lookup's error when it was not made, on purpose


def replay_miss(error: str | None) -> str:
    """A replay miss's words without its kind: "not in the replayed WARC files (run.warc.gz): GET <URL>"."""
    return (error or "").removeprefix(f"{NOT_IN_WARC}:").strip()


def not_replayed(error: str | None) -> bool:
    """Whether a lookup's error is a --replay run's files not holding it ("not-in-warc: …"): the archive was never
    asked, so nothing failed, as what --offline does not look up (reports36: `--replay report` exited 1)."""
    return error is not None and error.startswith(f"{NOT_IN_WARC}:")
SECRET_NOT_SENT = (WITHHELD + "not looked up: the URL carries a secret ({what}), which asking the archive would send "
                   "it; whether an archived copy exists is not known")

# A link only a private channel's members can open (`platforms.private_link`, a `t.me/c/…` post): never sent to the
# archive, as it is never fetched (review40a: `scan --archive`, `report` and `archive` sent it to CDX and the
# availability API, and took a live copy of it from t.me).
PRIVATE_NOT_LOOKED_UP = (WITHHELD + "not looked up: {what}, which only its members can open: asking the archive would "
                         "hand the link to a third party, and a capture of it holds a login page, not the post")

# A CDN's signed URL that expires (TikTok's thumbnails: x-expires and x-signature, made anew by every oEmbed answer):
# a lookup of that one address is not one of the image (newuser29 #12).
EXPIRING_NOT_LOOKED_UP = (WITHHELD + "not looked up: a signed URL that expires ({what}), made anew each time the post "
                          "is asked; whether the image was archived is not known")
# TikTok's CDN, Amazon's (and CloudFront's), Instagram's and Facebook's (`oe` the expiry in hex, `oh` its hash)
_EXPIRY_PARAMS = ("x-expires", "x-amz-expires", "expires", "oe")
_SIGNATURE_PARAMS = ("x-signature", "x-amz-signature", "signature", "oh")


def expiring_signature(url: str) -> str | None:
    """The expiry and signature parameters of a signed URL that expires ("x-expires, x-signature"), or None."""
    names = {name.lower(): name for name, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True)}
    expiry = next((names[n] for n in _EXPIRY_PARAMS if n in names), None)
    signature = next((names[n] for n in _SIGNATURE_PARAMS if n in names), None)
    return f"{expiry}, {signature}" if expiry and signature else None


@dataclass(frozen=True)
class Snapshot:
    service: str
    url: str
    timestamp: str
    original: str
    status: str | None = None
    digest: str | None = None
    mimetype: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"service": self.service, "url": self.url, "timestamp": self.timestamp, "status": self.status,
                "original": self.original, "digest": self.digest}


@dataclass(frozen=True)
class Lookup:
    url: str
    snapshots: tuple[Snapshot, ...] = ()
    closest: Snapshot | None = None
    error: str | None = None
    unavailable: bool = False         # offline: nothing was asked
    capped: bool = False              # CDX listed no more than its limit: there are at least this many captures
    from_cache: bool = False          # its CDX answer was the cache's, no request made (an error says so)
    asked: tuple[str, ...] = ()       # the URLs CDX was asked about (`lookup_forms`): `url`, or an X post's pages

    @property
    def earliest(self) -> Snapshot | None:
        return min(self.snapshots, key=lambda s: s.timestamp, default=None)

    @property
    def latest(self) -> Snapshot | None:
        return max(self.snapshots, key=lambda s: s.timestamp, default=None)


def snapshot_url(timestamp: str, original: str) -> str:
    return f"{WEB}/{timestamp}/{original}"


_TIMESTAMP = re.compile(r"\d{4,14}")
WAYBACK_CAPTURE_RE = re.compile(r"https?://web\.archive\.org/web/\d+/")


def wayback_timestamp(value: object) -> str | None:
    """A Wayback timestamp (YYYYMMDDhhmmss, possibly shorter) that names a real moment, else None. An answer's row
    without one is no capture a report can date, nor one `recent` can judge (#12: fuzzing found them raising)."""
    if not isinstance(value, str) or not _TIMESTAMP.fullmatch(value):
        return None
    padded = value.ljust(14, "0")
    try:
        if padded.isascii():   # read by slicing (#14: strptime was most of reading a CDX list of 10,000 captures)
            datetime(int(padded[:4]), int(padded[4:6]), int(padded[6:8]), int(padded[8:10]), int(padded[10:12]),
                     int(padded[12:]))
        else:   # other digits \d matches, which strptime reads in some places only
            datetime.strptime(padded, "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return value


def parse_availability(body: bytes) -> Snapshot | None:
    """The closest snapshot of an availability answer, or None ({"archived_snapshots": {}}). ValueError when the
    body is not such an answer."""
    data = jsonparse.loads(body)
    snapshots = data.get("archived_snapshots") if isinstance(data, dict) else None
    closest = (snapshots.get("closest") if isinstance(snapshots, dict) else None) or {}
    # Its URL becomes a report's "wayback" href: a capture's address in the Wayback Machine, nothing else (a
    # javascript: one ran on a click; review30n: one on another host was linked as the capture, whole as its
    # "original"); and "available" is true, not any truthy value ("false").
    url = closest.get("url") if isinstance(closest, dict) and closest.get("available") is True else None
    capture = WAYBACK_CAPTURE_RE.match(url) if isinstance(url, str) else None
    if capture is None or not isinstance(url, str):
        return None
    original = url[capture.end():]
    status = _field(closest.get("status")) or None
    timestamp = wayback_timestamp(closest.get("timestamp"))
    if timestamp is None:
        return None
    return Snapshot("wayback", "https://" + url.split("://", 1)[1], timestamp, original, status)


def parse_cdx(body: bytes) -> list[Snapshot]:
    """CDX output=json: a header row of field names, then one row per capture. ValueError when the body is not that
    (fuzzing found other JSON raising TypeError, KeyError and AttributeError, #12)."""
    text = body.decode("utf-8", "replace").strip()
    if not text:
        return []
    rows = jsonparse.loads(text)
    if not rows:
        return []
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise ValueError("CDX answer is not a JSON list of rows")
    header = [str(name) for name in rows[0]]
    found = []
    for row in rows[1:]:
        item = dict(zip(header, row, strict=False))
        if wayback_timestamp(item.get("timestamp")) is None or not isinstance(item.get("original"), str):
            continue
        found.append(Snapshot("wayback", snapshot_url(item["timestamp"], item["original"]), item["timestamp"],
                              item["original"], _field(item.get("statuscode")), _field(item.get("digest")),
                              _field(item.get("mimetype"))))
    return found


def _field(value: Any) -> str | None:
    """A CDX field as the text CDX sends: a number where text was due read as text, anything else (a list, an
    object, true) as no value (review30n: a statuscode of 200, not "200", raised in `latest_good`)."""
    return value if isinstance(value, str) else str(value) if type(value) in (int, float) else None


def _cdx_error(outcome: FetchOutcome) -> str | None:
    if outcome.problem:
        return outcome.problem
    if outcome.status == 403:
        return _blocked(outcome.headers.get("x-archive-wayback-runtime-error"), outcome.body)
    if outcome.status != 200:
        return f"cdx: HTTP {outcome.status}"
    return None


def _blocked(runtime_error: str | None, body: bytes) -> str:
    """A blocked site's 403: the reason, from X-Archive-Wayback-Runtime-Error or the body ("Blocked Site Error")."""
    reason = runtime_error or body.decode("utf-8", "replace")
    return f"blocked: {reason.strip().rsplit(': ', 1)[-1]}"


def of_the_same_post(url: str, snapshots: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The snapshots listed for `url` less those of another post than it names: CDX lists a YouTube video's id in
    another case (another video) under the same lower-case urlkey, and a report cited that video's captures as this
    one's. An X handle in any case is the same post; a URL naming no post keeps what was listed (urlforms31, #15),
    but a platform's short link keeps only its own code: t.co/AbC and t.co/abc are two links (review31r2)."""
    key = platforms.post_key(url)
    if key is None:
        ref = platforms.parse_url(url) if platforms.archived_capture(url) is None else None
        if ref is None or ref.kind != "short-link":
            return snapshots
        code = _short_code(url)
        return [s for s in snapshots if s.get("original") in (url, None) or _short_code(str(s["original"])) == code]
    keys = {original: _of_the_post(original, key)   # each spelling parsed once: a post may have 10,000 captures
            for original in {str(s["original"]) for s in snapshots if s.get("original") not in (url, None)}}
    return [s for s in snapshots if s.get("original") in (url, None) or keys[str(s["original"])]]


def _of_the_post(original: str, key: tuple[str, str, str] | None) -> bool:
    """Whether a capture's URL is the page of the post `key` names, or names no post: not another post's, and not
    the post's /likes, /retweets, /photo/1 or /analytics page (reports36: a prefix list counted them as its
    snapshots, and a cache written before keeps them)."""
    found = platforms.post_key(original)
    return found is None or found == key and not status_subpage(original)


def _short_code(url: str) -> str:
    """A short link's code as the server reads it: its path and query, case kept, less a last slash (the host, its
    case and the scheme say nothing of which link it is)."""
    split = urlsplit(url.strip())
    return split.path.rstrip("/") + ("?" + split.query if split.query else "")


def lookup_url(url: str, *, prefix: bool = False, last: int | None = None) -> str:
    """The CDX query for a URL (with `prefix`, every URL under it; with `last`, its last `last` captures): the fetch
    log holding the exact one says the URL was looked up."""
    params = {"url": url, "output": "json", "fl": CDX_FIELDS, "limit": str(-last if last else CDX_LIMIT)}
    if prefix:   # not `collapse=digest` (archive38): see cache.store.COLLAPSED_CDX
        params["matchType"] = "prefix"
    return f"{CDX}?{urlencode(params)}"


def lookup_forms(url: str, store: Store | None = None, redactor: Redactor | None = None) -> tuple[str, ...]:
    """The URLs `lookup` lists in CDX for `url`: the URL as written, but for an X post its canonical page on
    twitter.com under its handle and each handle the cache knows it under, and on the host the URL was written on
    when that is x.com or mobile.twitter.com (`wayback.page_queries`, no scheme, each a prefix query: `?s=20`, a
    trailing slash or /photo/1 are filed under longer keys). An X post spelt `mobile.twitter.com/…?s=20`, `x.com/…`
    or `/i/web/status/<id>` was listed under that spelling alone, and its captures under its canonical page were
    missed: a gone post with captures read "no snapshot" (archive35). The queries are among those
    `wayback.read_captures` sends, so a gone post's fetch and its lookup share their answers; the other hosts are
    listed by that fetch alone (three lists for every post would triple the lookups CDX's rate allows). The URL as
    written is looked up too, exactly, when no page's prefix covers it (`/i/web/status/<id>`, vxtwitter.com). A
    handle "REDACTED" while a secret is set is no handle (as the fetch step's `_capture_handles`): with no other
    handle known, the URL as written is looked up. A public Telegram channel's post likewise: its pages on t.me,
    t.me/s (the web preview) and telegram.me (`telegram.page_forms`, newuser39a #1)."""
    ref = platforms.parse_url(url) if platforms.archived_capture(url) is None else None
    if ref is not None and ref.platform == platforms.telegram.PLATFORM:
        forms = platforms.telegram.page_forms(ref)   # its web preview and telegram.me page (newuser39a #1)
    elif ref is None or ref.platform != platforms.x.PLATFORM or ref.kind != "post" or not ref.post_id:
        return (url,)
    else:
        from resolver.fetch import wayback

        handle = ref.author_handle if ref.author_handle and ref.author_handle != platforms.x.UNKNOWN_HANDLE else None
        known = store.post_handles(ref.platform, ref.post_id) if store is not None else []
        handles = [h for h in (handle, *known) if h != REDACTED or redactor is None or not redactor.secrets]
        if handle is not None and not any(handles):
            return (url,)
        host = (urlsplit(url.strip()).hostname or "").lower().removeprefix("www.")
        forms = tuple(form for form in wayback.page_queries(ref.post_id, handles, ref.platform)
                      if form.startswith("twitter.com/") or form.startswith(f"{host}/"))
    if not forms:
        return (url,)
    # the URL as written, exactly, unless a page's prefix covers it (`?s=20`): a capture of `/i/web/status/<id>` or
    # of vxtwitter.com's page, as the article linked it, was listed by no form (review35r4: "no snapshot")
    parts = urlsplit(url.strip())
    written = f"{(parts.hostname or '').lower().removeprefix('www.')}{parts.path}?{parts.query}".lower()
    return forms if any(written.startswith(form.lower()) for form in forms) else (*forms, url)


def form_query(form: str, url: str, *, last: int | None = None) -> str:
    """The CDX query `lookup` sends for one of `url`'s `lookup_forms`: exact for the URL itself, else a prefix."""
    return lookup_url(form, last=last) if form == url else lookup_url(form, prefix=True, last=last)


def availability_query(url: str, *, near: str | None = None) -> str:
    """The availability API's query for a URL (with `near`, the capture closest to that time), asked under the URL's
    canonical form: the archive reads `http://www.twitter.com/JaneDoe/status/1/` and `https://x.com/janedoe/status/1`
    as one URL, and an answer kept for one was asked again for the other (runs34). Kept and read in any case
    (`_asked`), as the archive reads it."""
    return f"{AVAILABILITY}?{urlencode({'url': canonical_url(url), **({'timestamp': near} if near else {})})}"


def form_availability_query(form: str, *, near: str | None = None) -> str:
    """The availability API's query for one of a URL's `lookup_forms` other than the URL itself (no scheme: https
    supplied), that page as written: `availability_query` makes every page of a post its canonical URL again."""
    return f"{AVAILABILITY}?{urlencode({'url': 'https://' + form, **({'timestamp': near} if near else {})})}"


def _asked(store: Store, url: str, purpose: str) -> list[dict[str, Any]]:
    """The fetch rows of a lookup query, oldest first: a CDX list's or an availability answer's in any case, as the
    archive reads the URL in them (#15), any other's by its exact URL."""
    if purpose == "wayback-cdx":
        return store.cdx_lists_any_case(url)
    return store.availability_any_case(url) if purpose == "wayback-available" else store.fetches_for(url)


def _listed(outcome: FetchOutcome) -> tuple[list[Snapshot], str | None]:
    """The snapshots of a CDX answer, or why there are none to read."""
    error = _cdx_error(outcome)
    if error is not None:
        return [], error
    try:
        return parse_cdx(outcome.body), None
    except (ValueError, TypeError) as exc:
        return [], f"cdx: malformed answer: {exc}"


def _available(outcome: FetchOutcome) -> tuple[list[Snapshot], str | None]:
    """The closest snapshot of an availability answer, if it names one (its errors are not the lookup's: CDX's are)."""
    if outcome.status != 200:
        return [], None
    try:
        closest = parse_availability(outcome.body)
    except (ValueError, AttributeError):
        closest = None
    return ([closest] if closest is not None else []), None


def kept_cdx_error(row: dict[str, Any], body: bytes | None) -> str | None:
    """Why a CDX answer kept in the fetch log (its row, its kept body) lists nothing to read, as the lookup that
    made it said (_cdx_error, _listed); None when it is a CDX list."""
    if row.get("error_kind"):
        return f"{row['error_kind']}: {row['error']}"
    if row["status"] == 403:
        headers = {k.lower(): v for k, v in json.loads(row.get("headers") or "{}").items()}
        return _blocked(headers.get("x-archive-wayback-runtime-error"), body or b"")
    if row["status"] != 200:
        return f"cdx: HTTP {row['status']}"
    try:
        parse_cdx(body or b"")
    except (ValueError, TypeError) as exc:
        return f"cdx: malformed answer: {exc}"
    return None


Takes = Callable[[list[int | None]], bool]   # whether fetch-log rows may answer the run (`Session.takes_cached`)


def looked_up(store: Store, url: str, takes: Takes | None = None) -> bool:
    """Whether an archive lookup of `url` ever got an answer (a snapshot list, even an empty one); `takes`: of the
    lookups the run may read (under --replay, those of its WARC files)."""
    return lookup_state(store, url, takes)[0]


def lookup_error(store: Store, url: str, takes: Takes | None = None) -> str | None:
    """Why the last archive lookup of `url` failed, when no lookup of it ever answered: what an offline run says of
    it, as the run that made it did ("cdx: HTTP 503"). None when one answered or none was made."""
    return lookup_state(store, url, takes)[1]


def lookup_state(store: Store, url: str, takes: Takes | None = None) -> tuple[bool, str | None]:
    """(`looked_up`, `lookup_error`) of `url` from its lookups in the fetch log (those `takes` takes): looked up when
    the list of each of its `lookup_forms` answered; else the first failure known."""
    states = [_query_state(store, form_query(form, url), takes) for form in lookup_forms(url, store)]
    if all(looked for looked, _ in states):
        return True, None
    return False, next((error for _, error in states if error), None)


def _query_state(store: Store, query: str, takes: Takes | None) -> tuple[bool, str | None]:
    """(answered, why not) of one CDX query, from one read of its rows in the fetch log."""
    rows = [row for row in store.cdx_lists_any_case(query) if takes is None or takes([row["id"]])]
    if not rows:
        return False, None
    # An answer is a 200 that is a CDX list, as the lookup that made it read it (review30n: an HTML error page
    # answered with 200 was "looked up", no error, no capture: no copy). Newest first: the answer that counts is
    # nearly always the last row, so one kept body is read.
    if any(row["status"] == 200 and _kept_error(store, row) is None for row in reversed(rows)):
        return True, None
    return False, _kept_error(store, rows[-1])


def embed_lookup_state(store: Store, url: str, *, platform: str | None = None, post_id: str | None = None,
                       handle: str | None = None) -> tuple[bool, str | None]:
    """(`looked_up`, `lookup_error`) of an embed, from the fetch log: the lookup of its URL (`scan --archive`), and
    for an X or Telegram post the lookup of its captures as the fetch step makes it (wayback.read_captures: prefix queries of its
    page on twitter.com, x.com and mobile.twitter.com under each handle it may be filed under, and of its JSON
    answers). Only the first was read: a gone post whose captures `--fetch` looked up was said "never looked up in
    the archive" (newuser32c #6, #13). A lookup stopped part way is no answer."""
    looked, error = lookup_state(store, url)
    from resolver.fetch import CAPTURES_READ

    if looked or platform not in CAPTURES_READ or not post_id or platform == "telegram" and post_id.startswith("c/"):
        return looked, error
    from resolver.fetch import wayback

    handles = [handle, *store.post_handles(platform, post_id)]
    outcome = wayback.lookup_outcome_in_store(post_id, handles, store, platform=platform)
    if outcome == wayback.ANSWERED:
        return True, None
    if outcome is not None and outcome.startswith("error: ") and error is None:
        return False, outcome.removeprefix("error: ")
    return False, error


def _kept_error(store: Store, row: dict[str, Any]) -> str | None:
    """`kept_cdx_error` of a CDX fetch row, its kept body read from the store."""
    return kept_cdx_error(row, store.body(row["body_sha256"]) if row["body_sha256"] else None)


async def lookup(url: str, *, session: Session, near: str | None = None) -> Lookup:
    """Every capture CDX lists for a URL (earliest, latest, count), and the one closest to `near` (YYYYMMDD...).
    Kept answers to the same two queries within the cache TTL (any age offline) are read again rather than asked
    twice, as resolutions are: a warm `report` asks nothing (#14). A URL carrying a secret is not looked up: the
    archive would be sent the secret, and its answers echo it (into the WARC, the kept bodies and the captures
    recorded); the lookup's error says why, and whether a copy exists is then not known."""
    what = carried_secret(url, session.redactor)
    if what is not None:
        return Lookup(url, error=SECRET_NOT_SENT.format(what=what))
    private = platforms.private_link(url)
    if private is not None:
        return Lookup(url, error=PRIVATE_NOT_LOOKED_UP.format(what=private))
    signed = expiring_signature(url)
    if signed is not None:
        return Lookup(url, error=EXPIRING_NOT_LOOKED_UP.format(what=signed))
    forms = lookup_forms(url, session.store, session.redactor)
    listed = [await _listed_under(session, form, url) for form in forms]
    snapshots = list({(s.timestamp, s.original, s.digest): s for one in listed for s in one.snapshots}.values())
    error = next((one.error for one in listed if one.error), None)
    # offline, a list never asked leaves what the others lack unknown: the lookup was not made
    unavailable = any(one.unavailable for one in listed)
    capped = any(one.capped for one in listed)
    _, (found, _) = await _asked_or_kept(session, availability_query(url, near=near),
                                         purpose="wayback-available", found_via="availability", read=_available)
    # a CDX list failed and the URL's own answer names no capture: the availability API is asked under the post's
    # other pages in turn (its web preview, newuser39a #1), as CDX was; it answers when CDX does not (newuser35 F8)
    asked = canonical_url(url).lower()
    for form in (f for f in forms if f != url and f"https://{f}".lower() != asked) \
            if not found and error is not None else ():
        _, (found, _) = await _asked_or_kept(session, form_availability_query(form, near=near),
                                             purpose="wayback-available", found_via="availability", read=_available)
        if found:
            break
    # the archive files a URL under its lower-case key: a YouTube id in another case, another video, is listed and
    # named closest under it too (and read from the cache in any case): only the captures of what `url` names count
    same = {row["original"] for row in of_the_same_post(url, [{"original": o} for o in
                                                              {s.original for s in (*snapshots, *found)}])}
    snapshots = [s for s in snapshots if s.original in same]
    closest = next((s for s in found if s.original in same), None)
    if closest is None and near and snapshots:
        closest = min(snapshots, key=lambda s: abs(int(s.timestamp[:14].ljust(14, "0")) - int(near.ljust(14, "0"))))
    return Lookup(url, tuple(snapshots), closest, error, unavailable=unavailable, capped=capped,
                  from_cache=all(one.from_cache for one in listed), asked=forms)


async def _listed_under(session: Session, form: str, url: str) -> Listing:
    """What CDX lists under one of `url`'s `lookup_forms`; a list as long as CDX's limit is followed by its latest
    captures (`capped`)."""
    cdx, (snapshots, error) = await _asked_or_kept(session, form_query(form, url), purpose="wayback-cdx",
                                                   found_via="cdx", read=_listed)
    capped = error is None and _rows(cdx) >= CDX_LIMIT
    unavailable = cdx.unavailable
    if capped:
        tail, (last, tail_error) = await _asked_or_kept(session, form_query(form, url, last=LATEST_ROWS),
                                                        purpose="wayback-cdx", found_via="cdx", read=_listed)
        unavailable = tail.unavailable   # offline, the latest never listed: not in the cache, no failed lookup
        snapshots = list({(s.timestamp, s.original, s.digest): s for s in snapshots + last}.values())
        if tail_error:   # the latest listed is then the CDX_LIMIT-th, not the latest: said, not hidden
            error = f"{tail_error} (listing the latest captures; the first {CDX_LIMIT:,} were listed)"
    if form != url:   # a prefix lists every longer URL too (`…/status/<id>9`, no post): only the post's own count
        key = platforms.post_key(url)   # and only its page: not its /likes, /retweets, /photo/1 (reports36)
        keys = {original: platforms.post_key(original) == key and _of_the_post(original, key)
                for original in {s.original for s in snapshots}}
        snapshots = [s for s in snapshots if keys[s.original]]
    return Listing(form, tuple(snapshots), error, unavailable=unavailable, from_cache=cdx.via == KEPT, capped=capped)


async def named_capture(url: str, *, session: Session, near: str | None = None) -> Snapshot | None:
    """The HTTP 200 capture the availability API names for `url` (closest to `near`, YYYYMMDD), or None: read when
    every CDX list of a post's captures failed, as it is a known capture of the post's URL (newuser35 F8: a 503 left
    it unread, the deleted post's words not recovered)."""
    if carried_secret(url, session.redactor) is not None:
        return None
    _, (found, _) = await _asked_or_kept(session, availability_query(url, near=near), purpose="wayback-available",
                                         found_via="availability", read=_available)
    return next((s for s in found if s.status in (None, "200")), None)


def _rows(outcome: FetchOutcome) -> int:
    """How many capture rows a CDX JSON answer holds (rows parse_cdx skips included): as many as the limit, and
    there may be more."""
    try:
        rows = jsonparse.loads(outcome.body) if outcome.status == 200 and outcome.body.strip() else []
    except ValueError:
        return 0
    return max(len(rows) - 1, 0) if isinstance(rows, list) else 0


KEPT = "cache"    # the `via` of an outcome read again from the fetch log and kept bodies: no request was made
Read = Callable[[FetchOutcome], tuple[list[Snapshot], str | None]]   # what an answer lists, or why nothing


async def _asked_or_kept(session: Session, url: str, *, purpose: str, found_via: str,
                         read: Read) -> tuple[FetchOutcome, tuple[list[Snapshot], str | None]]:
    """The latest kept 200 answer to `url` the run's cache policy accepts (via KEPT, its fetch row's id), else a
    request; with what `read` finds in it. A new answer's snapshots are recorded in one transaction with its fetch
    row (#11: when the row was written first, a kill before the snapshots left an answer the next run read again
    from the cache, its snapshots never recorded)."""
    kept = _kept_outcome(session, url, purpose)
    if kept is not None:
        return kept, read(kept)
    if session.cache_only:
        from resolver.session import NotCached

        raise NotCached(url)   # a request is made in the event loop, where other askers can wait for it
    # Articles looking the same query up at once (the run's concurrency, all waiting on the archive's rate budget)
    # each sent it: now the first asks, and the others wait for its answer, as for a post or a hop (newuser34 #5: 8
    # CDX requests for one post over 17 drafts). One after the other, the kept answer above is read.
    key = url.lower() if purpose in ("wayback-cdx", "wayback-available") else url   # read in any case (`_asked`)
    return await session.in_flight.once(("archive", key), partial(_ask_archive, session, url, purpose, found_via, read))


def _kept_outcome(session: Session, url: str, purpose: str) -> FetchOutcome | None:
    """The kept answer to `url` (via KEPT, its fetch row's id) the run's cache policy accepts, or None."""
    kept: tuple[dict[str, Any], bytes | None] | None = _kept(session, url, purpose)
    if kept is None and session.offline:
        kept = _kept_failure(session, url, purpose)
    if kept is None:
        return None
    row, body = kept
    return FetchOutcome(url, row["contacted_url"] or url, row["method"] or "GET", row["fetched_at"], row["status"],
                        json.loads(row["headers"] or "{}"), body or b"", error_kind=row["error_kind"],
                        error=row["error"], fetch_id=row["id"], via=KEPT)


async def _ask_archive(session: Session, url: str, purpose: str, found_via: str,
                       read: Read) -> tuple[FetchOutcome, tuple[list[Snapshot], str | None]]:
    """`url` asked of the archive, its fetch row written with the snapshots it lists; read from the cache instead
    when another asker's answer was kept while this one waited for it and was stopped."""
    kept = _kept_outcome(session, url, purpose)
    if kept is not None:
        return kept, read(kept)
    ledger = Ledger()
    with ledger.kept(session.store):   # cancelled between two attempts: the first one's row is written alone
        outcome = await fetch(session, url, purpose=purpose, keep_body=True, ledger=ledger)
    found = read(outcome)
    store = session.store
    if store is not None and ledger.rows:
        # An answer that lists no snapshot (no captures, an error) is written alone: its row is the record of the
        # lookup, read again within the TTL and asked of by `looked_up`.
        # times35: at the lookup's fetch time (a replayed one's WARC-Date), not at this write, after the answer
        observed_at, _ = ledger.time_of([outcome.fetch_id], default=(ledger.observed_at(), None))
        with ledger.transaction(store) as real:
            outcome = replace(outcome, fetch_id=real(outcome.fetch_id))
            _record_snapshots(store, found[0], found_via, outcome.fetch_id, observed_at)
    return outcome, found


@dataclass(frozen=True)
class Listing:
    """What CDX lists under a URL (with `prefix`, every URL that starts with it)."""

    url: str
    snapshots: tuple[Snapshot, ...] = ()
    error: str | None = None
    unavailable: bool = False         # offline, and never listed
    from_cache: bool = False          # a kept answer within the cache TTL, no request made
    capped: bool = False              # as long as CDX's limit, and its latest captures listed too (`lookup`)
    fetch_id: int | None = None       # the fetch-log row of the answer (or failure) listed: what a verdict cites


async def list_captures(url: str, *, session: Session, prefix: bool = False) -> Listing:
    """The captures CDX lists for a URL, every one recorded as a snapshot with the answer's fetch row. A kept answer
    to the same query within the cache TTL (any age offline) is read again rather than asked twice: identification
    lists a whole account (#9 §3) and CDX allows 30 requests a minute. A URL carrying a secret is not listed, as
    `lookup` does not look one up (#11: a configured key as an account's handle went to CDX)."""
    what = carried_secret(url if "://" in url else f"https://{url}", session.redactor)
    if what is not None:
        return Listing(url, error=SECRET_NOT_SENT.format(what=what))
    private = platforms.private_link(url if "://" in url else f"https://{url}")
    if private is not None:
        return Listing(url, error=PRIVATE_NOT_LOOKED_UP.format(what=private))
    outcome, (snapshots, error) = await _asked_or_kept(session, lookup_url(url, prefix=prefix), purpose="wayback-cdx",
                                                       found_via="cdx", read=_listed)
    return Listing(url, tuple(snapshots), error, unavailable=outcome.unavailable, from_cache=outcome.via == KEPT,
                   fetch_id=outcome.fetch_id)


def _kept(session: Session, url: str, purpose: str) -> tuple[dict[str, Any], bytes] | None:
    """The fetch row and kept body of the latest 200 answer to `url` the run's cache policy accepts. A CDX list asked
    under the URL in another case is the same list (the archive lists a URL in any case): a post another article
    spelt with its handle in another case was listed again, and offline its captures were not known (#15); an
    availability answer likewise (runs34)."""
    store = session.store
    if store is None:
        return None
    since = session.cached_since()   # under --refresh, this run's answers only
    rows = _asked(store, url, purpose)
    if not session.offline:   # a list an earlier version asked collapsed may lack the latest captures: asked again
        from cache.store import COLLAPSED_CDX

        rows = [row for row in rows if not row["url"].endswith(COLLAPSED_CDX)]
    for row in reversed(rows):
        if row["status"] == 200 and row["body_sha256"] and (since is None or row["fetched_at"] >= since) \
                and session.takes_cached([row["id"]]):
            body = store.body(row["body_sha256"])
            if body is not None:
                return row, body
    return None


def _kept_failure(session: Session, url: str, purpose: str) -> tuple[dict[str, Any], bytes | None] | None:
    """Offline, with no kept answer to `url`: its latest lookup, when that failed (a 503, a timeout), with its kept
    body. It is what the cache knows of the lookup, read as the run that made it read it, and a failure read from the
    cache is one (runs33: the report's body said "the archive lookup failed" and the run exited 0, "not looked up").
    Online such a lookup is asked again (a passing failure); a URL never looked up stays "not looked up". A CDX list
    in any case, as `_kept`."""
    store = session.store
    if store is None:
        return None
    rows = [row for row in _asked(store, url, purpose) if session.takes_cached([row["id"]])]
    if not rows:
        return None
    row = rows[-1]
    if row["status"] == 200:   # an answer whose body is not kept: nothing to read, no failure known
        return None
    return row, store.body(row["body_sha256"]) if row["body_sha256"] else None


def _record_snapshots(store: Store, snapshots: list[Snapshot], found_via: str, fetch_id: int | None,
                      observed_at: str | None) -> None:
    store.record_snapshots([{"service": s.service, "original": s.original, "url": s.url, "timestamp": s.timestamp,
                             "status": s.status, "digest": s.digest, "mimetype": s.mimetype, "found_via": found_via,
                             "observed_at": observed_at, "fetch_id": fetch_id} for s in snapshots])


def latest_good(lookup_result: Lookup) -> Snapshot | None:
    """The latest good capture (a 2xx answer). A redirect or an error page captured is no copy: twitter.com has
    answered post URLs with a redirect since 2023, so their recent captures are 302s."""
    good = [s for s in (*lookup_result.snapshots, lookup_result.closest)
            if s is not None and (s.status or "").startswith("2")]
    return max(good, key=lambda s: s.timestamp, default=None)


def _taken(snapshot: Snapshot) -> datetime:
    return datetime.strptime(snapshot.timestamp[:14].ljust(14, "0"), "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)


def recent(lookup_result: Lookup, max_age_days: float) -> bool:
    """Is the latest good capture within max_age_days of now?"""
    latest = latest_good(lookup_result)
    return latest is not None and datetime.now(timezone.utc) - _taken(latest) <= timedelta(days=max_age_days)


def saved_recently(store: Store, url: str, max_age_days: float) -> bool:
    """Did a save of `url` end within max_age_days in a capture (made, or a recent one Save Page Now named)? The CDX
    answer kept for the cache TTL predates it and does not list it: without this, each run submitted it again."""
    row = store.latest_save(url, post=post_of(url))
    if row is None or row["status"] not in ("success", "recent") or not row["updated_at"]:
        return False
    ended = datetime.fromisoformat(row["updated_at"].replace("Z", "+00:00"))
    return datetime.now(timezone.utc) - ended <= timedelta(days=max_age_days)


def post_of(url: str) -> tuple[str, str] | None:
    """(platform, post id) of the post a URL is the own page of, the same for every spelling of it (X reads a handle
    in any case): what the saves queue knows a save by, besides its URL (#15). Only an X status's page on X
    (`x.status_page_id`): elsewhere a URL naming a post may be another page, whose capture is not the post's (a
    comment under it: a Reddit comment permalink, t.me/<channel>/<n>?comment=, YouTube's &lc=; a preview proxy's
    mirror, the embed's iframe), and a save there is of its URL alone (review33r1)."""
    from resolver.platforms import x

    post_id = x.status_page_id(url)
    return (x.PLATFORM, post_id) if post_id is not None else None


# -- Save Page Now 2 ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SaveResult:
    url: str
    status: str                       # "success" | "pending" | "error" | "recent" | "gave_up" | "no-keys" | "offline"
    #                                   | "submitted" (a job whose outcome is not known yet)
    #                                   | "refused" (the URL carries a secret: never submitted)
    job_id: str | None = None
    snapshot_url: str | None = None
    timestamp: str | None = None
    status_ext: str | None = None
    message: str | None = None
    unavailable: bool = False         # offline: nothing was submitted

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> SaveResult:
        """A row of the cache's saves queue."""
        return cls(row["url"], row["status"], row["job_id"], row["snapshot_url"], row["timestamp"], row["status_ext"],
                   row["message"])

    def to_json(self) -> dict[str, Any]:
        return {"job_id": self.job_id, "status": self.status, "snapshot_url": self.snapshot_url,
                "timestamp": self.timestamp, "status_ext": self.status_ext, "message": self.message}


def _auth(settings: Settings) -> dict[str, str] | None:
    if not (settings.ia_access_key and settings.ia_secret_key):
        return None
    return {"Accept": "application/json", "Authorization": f"LOW {settings.ia_access_key}:{settings.ia_secret_key}"}


SUBMITTED = "submitted"   # a saves row between its submission and the job's outcome
REFUSED = "refused"      # a URL carrying a secret: never submitted
# A save's outcomes: what an offline run can show as they are.
ENDED = ("success", "error", "recent", "gave_up", REFUSED)
OFFLINE_SAVE = "offline: not submitted (queued for the next online run)"
OFFLINE_SUBMITTED = "offline: submitted as job {job}, its outcome not known (the next online run asks about the job)"
OFFLINE = "offline"   # a save asked for offline of a URL no run queued: nothing is submitted offline, keys or not


async def save(url: str, *, session: Session, poll_every: float = 2.0,
               queued: dict[str, Any] | None = None) -> SaveResult:
    """Submit one capture and poll its job until success, error or save_timeout. Never reports a give-up as done.

    With `queued` (its row in the cache's saves queue), what the save does is recorded in that row with the fetch
    rows behind it, in one transaction each (#11): the job id with the submission ("submitted"), the outcome with
    the polls. A row an earlier run left "submitted" (killed while polling) has its job polled, not submitted
    again: a second submission is a second capture."""
    unmapped = _unmapped(url, session.settings)
    if unmapped is not None:   # the config's refusal, not the URL's: a queued row stays for a run that maps its origin
        return unmapped
    refused = _refused(url, session.redactor)
    if refused is not None:   # a row an earlier version queued: never submitted, and its URL redacted in the queue
        if queued is not None and session.store is not None:
            session.store.update_save(queued["id"], refused.to_json() | {"status": REFUSED, "url": refused.url})
        return refused
    headers = _auth(session.settings)
    if headers is None:
        return SaveResult(url, "no-keys", message=NO_KEYS)
    ledger = Ledger()
    job_id = queued["job_id"] if queued is not None and queued["status"] == SUBMITTED else None
    with ledger.kept(session.store):   # stopped while polling: the polls answered are in the fetch log
        if not job_id:
            submitted = await _submit(url, session, headers, ledger)
            _record_save(submitted, session, queued, ledger)
            if submitted.status != SUBMITTED or submitted.job_id is None:
                return submitted
            job_id = submitted.job_id
        result = await _poll(url, job_id, session=session, headers=headers, every=poll_every, ledger=ledger)
    _record_save(result, session, queued, ledger)
    return result


async def _submit(url: str, session: Session, headers: dict[str, str], ledger: Ledger) -> SaveResult:
    """POST /save: a job id ("submitted"), or what stopped it."""
    submitted = await fetch(session, SAVE, method="POST", purpose="wayback-save", headers=headers,
                            data={"url": url, "skip_first_archive": "1"}, keep_body=True, ledger=ledger)
    if submitted.problem or submitted.status != 200:
        reason = submitted.problem or f"HTTP {submitted.status}" + (
            f": the archive refused the keys; {KEYS_HINT}" if submitted.status in (401, 403) else "")
        return SaveResult(url, "pending" if submitted.status == 429 or submitted.error else "error", message=reason,
                          unavailable=submitted.unavailable)
    answer = _spn_answer(submitted.body)
    if answer is None:
        return SaveResult(url, "error", message="Save Page Now answered something that is not a JSON object")
    if answer.get("status") == "error":
        return SaveResult(url, "error", status_ext=_text(answer.get("status_ext")),
                          message=_text(answer.get("message")))
    job_id = answer.get("job_id")
    if not job_id:
        return SaveResult(url, "recent", message=_text(answer.get("message")))
    if not isinstance(job_id, str):
        return SaveResult(url, "error", message="Save Page Now answered with a job id that is not a string")
    return SaveResult(url, SUBMITTED, job_id)


def carried_secret(url: str, redactor: Redactor) -> str | None:
    """The secret a URL carries, as a reader may be told of it without it ("token=…", "a password"), or None when
    the redactor finds none in it."""
    redacted = redactor.url(url)
    if redacted == url:
        return None
    names = re.findall(r"([^?&#=/]+)=REDACTED", unquote_plus(redacted))
    if names:
        return ", ".join(f"{name}=…" for name in dict.fromkeys(names))
    return "a password" if ":REDACTED@" in redacted else "a configured key"


# A save of a URL `[origins] only_configured` refuses, its origin unmapped (fix47a #2)
UNMAPPED_KEPT = ("not saved: {words}, and [origins] only_configured = true lets no other origin be contacted: Save Page "
                 "Now would fetch it for this run (and publish it); to allow it, add \"{origin}\" = \"<origin>\" to "
                 "[origins]")


def _unmapped(url: str, settings: Settings) -> SaveResult | None:
    """The save of a URL whose origin `[origins] only_configured` refuses, refused: Save Page Now would fetch it on
    the run's behalf, the contact the setting forbids, and publish it (fix47a #2: a pic.twitter.com link whose page
    copy was "not checked: refused by [origins]" was submitted all the same). A refusal of the config, not of the URL:
    it is not recorded in the saves queue, and a run that maps the origin saves it. None for any other URL."""
    from resolver.errors import NOT_MAPPED_WORDS
    from resolver.http import refused_unmapped

    if not refused_unmapped(url, settings):
        return None
    import httpx

    from resolver.transport import _origin

    try:
        origin = _origin(httpx.URL(url))
    except (ValueError, httpx.InvalidURL):
        origin = url
    return SaveResult(url, REFUSED, message=UNMAPPED_KEPT.format(words=NOT_MAPPED_WORDS, origin=origin))


def _refused(url: str, redactor: Redactor) -> SaveResult | None:
    """The save of a URL that carries a secret, refused (its URL redacted): Save Page Now publishes what it is given
    in the public Wayback Machine, secret and all; and of a link the tool knows is private (`platforms.private_link`:
    a private Telegram channel's post was submitted, newuser39a #11). None for any other URL."""
    what = carried_secret(url, redactor)
    if what is not None:
        return SaveResult(redactor.url(url), REFUSED, message=SECRET_KEPT.format(what=what))
    private = platforms.private_link(url)
    return None if private is None else SaveResult(redactor.url(url), REFUSED, message=PRIVATE_KEPT.format(what=private))


def _spn_answer(body: bytes) -> dict[str, Any] | None:
    """A Save Page Now answer as the JSON object it should be, else None (#12: a list or a string raised)."""
    try:
        answer = jsonparse.loads(body)
    except ValueError:
        return None
    return answer if isinstance(answer, dict) else None


def _unread_status(outcome: FetchOutcome) -> str | None:
    """Why a job's status answer says nothing of the job ("was HTTP 404", "was not JSON"), or None: a JSON object."""
    if outcome.problem or outcome.status != 200:
        return f"did not come ({outcome.problem})" if outcome.problem else f"was HTTP {outcome.status}"
    try:
        answer = jsonparse.loads(outcome.body)
    except ValueError:
        return "was not JSON"
    return None if isinstance(answer, dict) else "was not a JSON object"


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _record_save(result: SaveResult, session: Session, queued: dict[str, Any] | None, ledger: Ledger) -> None:
    """The save's fetch rows and what they say of it, in one transaction. An offline non-answer records nothing
    (nothing was asked; the row stays as it was). Without a queue row (a save asked for directly), the rows are
    written alone: there is no row of ours for them to change."""
    store = session.store
    if store is None or result.unavailable or (queued is None and not ledger.rows):
        return
    with ledger.transaction(store):
        if queued is not None:
            store.update_save(queued["id"], result.to_json() | {"status": result.status})


async def _poll(url: str, job_id: str, *, session: Session, headers: dict[str, str], every: float,
                ledger: Ledger) -> SaveResult:
    """Ask about a job until it ends or save_timeout passes; every poll's row is held in `ledger`, for the outcome."""
    settings = session.settings
    loop = asyncio.get_running_loop()
    deadline = loop.time() + settings.save_timeout
    wait = every
    while True:
        status = await fetch(session, f"{SAVE}/status/{job_id}", purpose="wayback-save", headers=headers,
                             keep_body=True, ledger=ledger)
        if status.unavailable:
            return SaveResult(url, SUBMITTED, job_id, message="offline: the job was not asked about",
                              unavailable=True)
        unread = _unread_status(status)
        if unread is None:
            answer = _spn_answer(status.body) or {}
            if answer.get("status") == "success":
                timestamp = wayback_timestamp(answer.get("timestamp"))
                if timestamp is None:   # before: a snapshot at web/None/... called a success (#12)
                    return SaveResult(url, "error", job_id,
                                      message="Save Page Now reported success without the capture's timestamp")
                return _success(url, job_id, timestamp, answer, session.redactor)
            if answer.get("status") == "error":
                return SaveResult(url, "error", job_id, status_ext=_text(answer.get("status_ext")),
                                  message=_text(answer.get("message")))
        if loop.time() + wait > deadline:   # pending only when Save Page Now said so (review30n)
            return SaveResult(url, "gave_up", job_id, message=f"job still pending after {settings.save_timeout:g}s"
                              if unread is None else f"the job's status was not known after "
                              f"{settings.save_timeout:g}s: its last status answer {unread}")
        await asyncio.sleep(wait)
        wait = min(wait * 2, 30.0)


def _success(url: str, job_id: str, timestamp: str, answer: dict[str, Any], redactor: Redactor) -> SaveResult:
    """What a job's success says of `url`. Its `original_url` is the page captured: `url` as Save Page Now spells it
    (`same_page`), a success; the page a redirect from `url` led to (SPN follows up to 3, and `url` is then among the
    `resources` its browser loaded), a success said to be of that page, unless `url` names a post and that page is
    not it (a login page); any other page, no capture of `url` known (fix47a: a success for another URL was taken
    for ours, its snapshot given as ours)."""
    from resolver.platforms.canonical import same_page

    captured = answer.get("original_url")
    captured = captured if isinstance(captured, str) and captured.strip() else url
    if same_page(url, captured):
        return SaveResult(url, "success", job_id, snapshot_url(timestamp, captured), timestamp)
    shown = redactor.url(captured)
    capture = snapshot_url(timestamp, shown)
    resources = answer.get("resources")
    redirected = isinstance(resources, list) and any(isinstance(r, str) and same_page(url, r) for r in resources)
    if not redirected:
        return SaveResult(url, "error", job_id, message=(
            f"Save Page Now reported a capture of another URL, {shown} ({capture}), not of this one, and its answer "
            "shows no redirect from this one to it: whether this URL was captured is not known"))
    if platforms.post_key(url) is not None:   # a post's URL led elsewhere: that page is no copy of the post
        return SaveResult(url, "error", job_id, message=(
            f"Save Page Now was redirected from this URL to {shown} and captured that page ({capture}), which is "
            "not the post: the post was not captured"))
    return SaveResult(url, "success", job_id, capture, timestamp,
                      message=f"captured after a redirect to {shown}: the capture is of that page")


async def process_queue(*, session: Session, poll_every: float = 2.0,
                        on_saved: Callable[[], None] | None = None) -> list[SaveResult]:
    """Work through the unfinished saves in the cache (this run's and any an earlier run left, a job submitted
    but never seen to end included), oldest first; `on_saved` is called as each one ends. A save an offline run
    could not submit stays in the queue as it was."""
    store = session.store
    if store is None:
        return []
    done = []
    for row in store.pending_saves():
        done.append(await _save_once(row, session=session, poll_every=poll_every))
        if on_saved is not None:
            on_saved()
    return done


async def _save_once(row: dict[str, Any], *, session: Session, poll_every: float) -> SaveResult:
    """One queued save, made once however many steps work through the queue at the same time: each article's
    step does, and one that took the queue before another's save of a row ended submitted it again (#13: every
    URL of a corpus run once per article in flight, each a capture of its own and a request of the 15 a minute)."""
    async def once() -> SaveResult:
        latest = session.store.latest_save(row["url"]) if session.store is not None else None
        if latest is not None and latest["id"] == row["id"] and latest["status"] not in ("pending", SUBMITTED):
            return SaveResult.from_row(latest)   # ended since the queue was read
        return await save(row["url"], session=session, poll_every=poll_every,
                          queued=latest if latest is not None and latest["id"] == row["id"] else row)
    return await session.in_flight.once(("save", row["id"]), once)


# -- archiving a list of URLs -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReplayedCopy:
    """A page's copy replayed from a WARC record (`archive --replay`): no live copy, but the crawl's, dated by its
    record (newuser30b #6: it was given as `live_status` and `warc`, with no date, as if taken by this run)."""

    file: str
    offset: int
    url: str
    status: int | None
    warc_date: str | None                  # the record's WARC-Date, as the cache writes times; None: not known
    answered_at_unknown: str | None = None  # why there is no date

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "offset": self.offset, "url": self.url, "status": self.status,
                "warc_date": self.warc_date, "answered_at_unknown": self.answered_at_unknown}


@dataclass(frozen=True)
class ArchivedUrl:
    """One URL archived: its snapshots, what a save did, and where its live copy is in the WARC."""

    url: str
    lookup: Lookup
    saved: SaveResult | None = None
    live_status: int | None = None
    warc: tuple[str, int] | None = None   # (file, offset) of the live copy's response record
    live_url: str | None = None           # where the live copy ended, its redirects followed
    # When an earlier run took the live copy the WARC holds (UTC ISO 8601), kept rather than taken again; None: this
    # run took it (or none was taken)
    live_kept: str | None = None
    # Why no copy of the page was taken (a timeout; under --replay, not in the replayed WARC files): a step that failed
    live_error: str | None = None
    replayed: ReplayedCopy | None = None   # the copy replayed from a WARC record, under --replay (not live_*)
    # The captures of the post a fetch in this run read (`wayback.ArchivedCopy`), what each was found to be: `archive`
    # says them, and never "not read" of the closest when it was (newuser44a #8)
    read: tuple[Any, ...] = ()

    @property
    def closest_read(self) -> Any | None:
        """The capture read (an `ArchivedCopy`) that is the lookup's closest, or None when none read is."""
        closest = self.lookup.closest
        if closest is None:
            return None
        return next((c for c in self.read if c.timestamp == closest.timestamp
                     and c.original.casefold() == closest.original.casefold()), None)

    @property
    def error(self) -> str | None:
        return self.lookup.error

    @property
    def unavailable(self) -> bool:
        """Offline, the lookup could not be made, or a save asked for could not be submitted."""
        return self.lookup.unavailable or (self.saved is not None and self.saved.unavailable)

    @property
    def refused(self) -> bool:
        """`[origins] only_configured` refused the lookup, the archive's origin unmapped: not asked, by the user's own
        config, and no failure (newuser42a #2: a sealed run's report exited 1 for each credited image's lookup)."""
        return refused_by_config(self.error)

    @property
    def failed(self) -> bool:
        """The lookup ended in an error, or a save did (or gave up waiting). A lookup withheld on purpose (a URL
        carrying a secret) did not fail: it says why, as a refused save does, and the exit code is not raised for it
        (signed image URLs are common: a scan --archive of such pages would exit 1 for a policy, not a failure)."""
        save_failed = self.saved is not None and self.saved.status in ("error", "gave_up")
        lookup_failed = self.error is not None and not self.error.startswith(WITHHELD) and not not_replayed(self.error) \
            and not self.refused
        return not self.unavailable and (lookup_failed or save_failed or self.live_error is not None
                                         and not refused_by_config(self.live_error))   # newuser43b #9

    def to_json(self) -> dict[str, Any]:
        found = self.lookup

        def snapshot(s: Snapshot | None) -> dict[str, Any] | None:
            return s.to_json() if s else None
        # A lookup that failed with nothing listed says nothing of how many captures there are: null, not 0.
        count = None if found.error and not found.snapshots else len(found.snapshots)
        return {"url": self.url, "snapshots": [s.to_json() for s in found.snapshots], "count": count,
                "count_capped": found.capped,
                "earliest": snapshot(found.earliest), "latest": snapshot(found.latest),
                # listed, not read by `archive` (newuser41a #8); read by the fetch of the post it archived for
                "closest": snapshot(found.closest), "closest_read": self.closest_read is not None,
                "read": [c.to_json() for c in self.read],
                "error": found.error, "from_cache": found.from_cache,
                "looked_up_as": list(found.asked),
                "saved": self.saved.to_json() if self.saved else None,
                "warc": {"file": self.warc[0], "offset": self.warc[1]} if self.warc else None,
                "live_status": self.live_status, "live_url": self.live_url, "live_kept": self.live_kept,
                "live_error": self.live_error, "replayed": self.replayed.to_json() if self.replayed else None}


async def archive_urls(urls: list[str], *, session: Session, options: ArchiveOptions = ArchiveOptions(),
                       near: dict[str, str] | None = None, on_done: Callable[[], None] | None = None,
                       read: Mapping[str, Sequence[int]] | None = None,
                       on_result: Callable[[int, ArchivedUrl], None] | None = None) -> list[ArchivedUrl]:
    """For each URL: a live copy (into the WARC when one is open), its snapshots, and a save when none is recent.
    `on_done` is called as each URL's lookup is done (a progress bar counts them). `read`: the URLs read from an
    answer rather than given by a page or the user, each with the fetch-log rows of that answer; one that may hold a
    secret a redaction took out (`Session.redaction_made`) is not known, and is not asked for (secrets29).
    `on_result(index, archived)` is called with each URL's result, in the order given, as soon as it and every one
    before it are done (its save ended, or none to make): `archive --json` prints each then, and a run killed keeps
    what it finished (fix47a #4: every line was printed at the end)."""
    found: list[ArchivedUrl] = []
    given = _InOrder(on_result, session.redactor)
    read = read or {}
    for url in dict.fromkeys(urls):
        if url in read and session.redaction_made(url, read[url]):
            refused = SaveResult(url, REFUSED, message=NOT_SAVED_UNKNOWN) if options.save else None
            found.append(ArchivedUrl(url, Lookup(url, error=URL_NOT_KNOWN), refused))
        else:
            found.append(await _archive_one(url, session, options, (near or {}).get(url) or options.near))
        if on_done is not None:
            on_done()
        given.ready(found, lambda a: not options.save or a.saved is not None)
    if options.save:
        def ended(a: ArchivedUrl) -> bool:   # its save ended in the queue: said now, before the saves after it
            row = session.store.latest_save(a.url, post=post_of(a.url)) if session.store is not None else None
            return a.saved is not None or row is not None and row["status"] not in ("pending", SUBMITTED)

        saved = await _saves([a.url for a in found if a.saved is None], session, options.poll_every,
                             on_saved=lambda: given.ready(found, ended, fill=_queued_result(session)))
        found = [a if a.saved is not None else replace(a, saved=saved.get(a.url)) for a in found]
    given.ready(found, lambda a: True)
    return [_redacted(a, session.redactor) for a in found]


class _InOrder:
    """Hands each archived URL to `on_result` in the order given, once it and every one before it are done."""

    def __init__(self, on_result: Callable[[int, ArchivedUrl], None] | None, redactor: Redactor) -> None:
        self.on_result, self.redactor, self.given = on_result, redactor, 0

    def ready(self, found: list[ArchivedUrl], done: Callable[[ArchivedUrl], bool],
              fill: Callable[[ArchivedUrl], ArchivedUrl] | None = None) -> None:
        if self.on_result is None:
            return
        while self.given < len(found) and done(found[self.given]):
            if fill is not None:
                found[self.given] = fill(found[self.given])
            self.on_result(self.given, _redacted(found[self.given], self.redactor))
            self.given += 1


def _queued_result(session: Session) -> Callable[[ArchivedUrl], ArchivedUrl]:
    """An archived URL with the save its latest queue row records, when it has none yet."""
    def fill(found: ArchivedUrl) -> ArchivedUrl:
        row = session.store.latest_save(found.url, post=post_of(found.url)) if session.store is not None else None
        return found if found.saved is not None or row is None else replace(found, saved=SaveResult.from_row(row))
    return fill


def _redacted(found: ArchivedUrl, redactor: Redactor) -> ArchivedUrl:
    """The archived URL as it is shown and passed on: a URL carrying a secret (and its captures, its error) with the
    secret redacted, as a resolution is; where the live copy ended, redacted too (a redirect may carry a token)."""
    live_url = redactor.url(found.live_url) if found.live_url else None
    if carried_secret(found.url, redactor) is None:
        return replace(found, live_url=live_url)

    def snapshot(s: Snapshot) -> Snapshot:
        return replace(s, url=redactor.url(s.url), original=redactor.url(s.original))
    lookup = found.lookup
    lookup = replace(lookup, url=redactor.url(lookup.url), snapshots=tuple(map(snapshot, lookup.snapshots)),
                     closest=snapshot(lookup.closest) if lookup.closest else None,
                     error=redactor.text(lookup.error) if lookup.error else None)
    return replace(found, url=redactor.url(found.url), lookup=lookup, live_url=live_url)


async def _archive_one(url: str, session: Session, options: ArchiveOptions, near: str | None) -> ArchivedUrl:
    from resolver.http import check_host, plain_url
    from resolver.platforms.unsupported import closed_why

    if not plain_url(url):   # a plain one passes: an offline run then never imports httpx (#14)
        import httpx

        try:
            check_host(httpx.URL(url))   # "https://xn--/x" too: no live copy, no save of a name no lookup takes (#12)
        except httpx.InvalidURL as exc:   # "http://[::1": asked of no archive, never queued for a save (#11)
            return ArchivedUrl(url, Lookup(url, error=f"invalid-url: refused {session.redactor.url(url)}: {exc}"))
    # a private channel's post is never asked, its page no more than the archive (review40a): t.me shows no post there
    # nor a closed service's host (Storify, Vine, Google+): its captures are what is left (newuser44d #5)
    live = await live_copy(url, session) if options.live_copy and platforms.private_link(url) is None \
        and closed_why(url) is None else None
    found = await lookup(url, session=session, near=near)
    # A URL carrying a secret is never queued: Save Page Now would publish the secret.
    saved = (_refused(url, session.redactor) or _unmapped(url, session.settings)) if options.save else None
    # A lookup that could not be made (offline) says nothing of how recent the captures are: queue nothing.
    if options.save and saved is None and session.store is not None and not found.unavailable:
        if recent(found, options.max_age_days):
            saved = _spared(url, latest_good(found), options.max_age_days)
        elif not saved_recently(session.store, url, options.max_age_days):
            session.store.queue_save(url, post=post_of(url))
    return ArchivedUrl(url, found, saved, **_page_copy(live, session))


def _page_copy(live: FetchOutcome | None, session: Session) -> dict[str, Any]:
    """The ArchivedUrl fields of a page's copy: taken live (into the run's WARC), kept from an earlier run, replayed
    from a WARC record (dated by it), or why there is none (newuser30b #6: a page not in the replayed WARC files was
    `live_status: null` with no reason, and no failed step). Offline, no copy was asked for: nothing to say."""
    from resolver.http import NOT_CACHED

    if live is None:
        return {}
    if live.status is None:
        return {"live_error": session.redactor.text(live.problem or "no answer")} \
            if live.error_kind != NOT_CACHED else {}
    if live.via == "warc" and live.warc_file and live.warc_offset is not None:
        return {"replayed": ReplayedCopy(live.warc_file, live.warc_offset, session.redactor.url(live.url), live.status,
                                         None if live.answered_at_unknown else live.fetched_at,
                                         live.answered_at_unknown)}
    warc = (live.warc_file, live.warc_offset) if live.warc_file and live.warc_offset is not None else None
    # A copy kept is an earlier run's; one this run took for another article is this run's copy (newuser35 F7: it was
    # said "kept: taken … by an earlier run", and "--refresh takes it again", which a --refresh run does not)
    earlier = live.via == KEPT and live.fetched_at < session.started_at
    return {"live_status": live.status, "warc": warc, "live_url": live.url,
            "live_kept": live.fetched_at if earlier else None}


def _spared(url: str, good: Snapshot | None, max_age_days: float) -> SaveResult:
    """A save not submitted because a good capture is recent enough: "recent", with that capture (before, `saved`
    was null, as if no save had been asked for)."""
    when = f"a good capture from {_taken(good):%Y-%m-%dT%H:%M:%SZ}" if good else "a good capture"
    return SaveResult(url, "recent", snapshot_url=good.url if good else None,
                      timestamp=good.timestamp if good else None,
                      message=f"not submitted: {when} is newer than --max-age ({max_age_days:g} days)")


LIVE = "archive-live"   # the fetch-log purpose of a live copy's requests


async def live_copy(url: str, session: Session) -> FetchOutcome:
    """The page itself, its redirects followed hop by hop (each hop through the guard, logged and in the WARC):
    twitter.com answers a post URL with a 301 to x.com, and a local copy of that 301 alone holds no post (#9 §6).
    Its fetch rows are written as they come, alone: a live copy is no fact stored elsewhere, its rows (pointing at
    its WARC records) are all the record of it. A copy the run's WARC already holds from within the cache TTL is
    kept rather than taken again (`kept_copy`; its outcome's `via` is KEPT). One copy of a URL is taken at a time
    in a run: articles archived at once that name it wait for the one under way and are given it (newuser35 F7:
    each passed the check before the other's copy was written, and the WARC got two copies milliseconds apart)."""
    return await session.in_flight.once((LIVE, url), partial(_take_copy, url, session))


async def _take_copy(url: str, session: Session) -> FetchOutcome:
    kept = kept_copy(url, session)
    if kept is not None:
        return kept
    outcome = await fetch(session, url, purpose=LIVE)
    seen = {url}
    while (onward := _live_onward(outcome, seen, session.settings.max_redirects)) is not None:
        outcome = await fetch(session, onward, purpose=LIVE)
    return outcome


def _live_onward(outcome: FetchOutcome, seen: set[str], max_redirects: int) -> str | None:
    """Where a live copy goes on from a redirect (noted in `seen`), or None where it ends: no redirect, a loop, a
    scheme other than http(s), or more than max_redirects."""
    from urllib.parse import urljoin

    if outcome.status not in (301, 302, 303, 307, 308) or not outcome.location or len(seen) > max_redirects:
        return None
    try:
        onward = urljoin(outcome.url, outcome.location.strip())
    except ValueError:   # a Location no parser accepts ends the live copy there (#12: it ended the run)
        return None
    if onward in seen or not onward.startswith(("http://", "https://")):
        return None
    seen.add(onward)
    return onward


def kept_copy(url: str, session: Session) -> FetchOutcome | None:
    """The live copy of `url` the run's WARC already holds, every hop of it, taken within the cache TTL (offline: of
    any age), as the outcome its last hop had (via KEPT, no body); else None, and it is taken again (newuser28 #10:
    a warm `scan --archive` downloaded every post page and media file again and grew the WARC on every run). Not
    with --refresh (one this run took aside), nor for a URL carrying a secret (the log keeps it redacted: its rows may be another URL's), nor
    when the latest copy of a hop is a server error or a 429 (passing), nor when the file no longer holds the record
    the fetch log names."""
    store, writer = session.store, session.warc
    if store is None or writer is None:
        return None
    since, seen = session.cached_since(in_its_warc=True), {url}   # under --refresh, this run's copies only
    outcome = _kept_hop(url, session, since)
    while outcome is not None and (onward := _live_onward(outcome, seen, session.settings.max_redirects)) is not None:
        outcome = _kept_hop(onward, session, since)
    return outcome


def _kept_hop(url: str, session: Session, since: str | None) -> FetchOutcome | None:
    store, writer = session.store, session.warc
    if store is None or writer is None or session.redactor.url(url) != url:
        return None
    path, named = writer.recorded, {}
    for row in reversed(store.fetches_for(url)):
        if row["purpose"] != LIVE or row["via"] != "live" or not row["warc_file"]:
            continue
        if row["warc_file"] not in named:   # the same file, by the path kept or found beside the database (archive38)
            here = store.warc_file_here(row["warc_file"])
            named[row["warc_file"]] = here is not None and str(here) == path
        if not named[row["warc_file"]]:
            continue
        status = row["status"]
        if (since is not None and row["fetched_at"] < since) or status is None or status == 429 or status >= 500 \
                or row["warc_offset"] is None or not writer.holds(row["warc_offset"], url, status):
            return None
        return replace(_row_outcome(row, url), via=KEPT, warc_file=path, warc_offset=row["warc_offset"],
                       warc_record_id=row.get("warc_record_id"))
    return None


def _row_outcome(row: dict[str, Any], url: str) -> FetchOutcome:
    """A fetch-log row as the outcome it recorded (no body)."""
    return FetchOutcome(url, row["contacted_url"] or url, row["method"] or "GET", row["fetched_at"], row["status"],
                        json.loads(row["headers"] or "{}"), fetch_id=row["id"])


def copy_rows(first: dict[str, Any], store: Store, takes: Takes | None = None) -> list[dict[str, Any]]:
    """The fetch rows of the page copy `live_copy` began with the row `first`: its redirects followed as it followed
    them (`_live_onward`), each onward hop the next copy request of the URL the one before led to; those `takes`
    takes (a report cites each, newuser33 #5)."""
    rows, seen = [first], {first["url"]}
    while (onward := _live_onward(_row_outcome(rows[-1], rows[-1]["url"]), seen, MAX_COPY_HOPS)) is not None:
        following = next((row for row in store.fetches_for(onward) if row["purpose"] == LIVE
                          and row["id"] > rows[-1]["id"] and (takes is None or takes([row["id"]]))), None)
        if following is None:
            break
        rows.append(following)
    return rows


MAX_COPY_HOPS = 50   # a cap on reading a copy's hops back (a loop ends them first: each URL once); `live_copy` took
# no more than the run's max_redirects


def _offline_save(url: str, row: dict[str, Any] | None) -> SaveResult:
    """What an offline run says of a save asked for: an ended one as it ended, else not submitted (unavailable)."""
    if row is None:
        return SaveResult(url, OFFLINE, message="not submitted: the run is offline", unavailable=True)
    if row["status"] in ENDED:
        return SaveResult.from_row(row)
    if row["status"] == SUBMITTED and row["job_id"]:   # submitted, not queued (a run killed while polling; fix47a #4)
        return replace(SaveResult.from_row(row), message=OFFLINE_SUBMITTED.format(job=row["job_id"]), unavailable=True)
    return replace(SaveResult.from_row(row), message=OFFLINE_SAVE, unavailable=True)


async def _saves(urls: list[str], session: Session, poll_every: float,
                 on_saved: Callable[[], None] | None = None) -> dict[str, SaveResult]:
    """Work through the save queue (`on_saved` called as each save in it ends), then what became of each URL's
    latest save."""
    store = session.store
    if session.offline:
        # Nothing can be submitted or asked about, keys or not: a save not ended says so (not a bare "pending"), one
        # never queued says it was not submitted (#11: it was null with keys, "no-keys" without), unavailable.
        rows = {url: store.latest_save(url, post=post_of(url)) if store is not None else None for url in urls}
        return {url: _offline_save(url, row) for url, row in rows.items()}
    if _auth(session.settings) is None:
        return {url: SaveResult(url, "no-keys", message=NO_KEYS) for url in urls}
    if store is None:
        return {}
    await process_queue(session=session, poll_every=poll_every, on_saved=on_saved)
    rows = {url: store.latest_save(url, post=post_of(url)) for url in urls}
    return {url: SaveResult.from_row(row) for url, row in rows.items() if row is not None}
