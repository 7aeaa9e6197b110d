"""A Wayback Machine on the fake internet: CDX (exact and prefix), the availability API and raw `id_` captures,
in the formats of shared/reference/wayback (CDX `output=json` with a header row; a capture carries
`Memento-Datetime`, a `Link` header and `x-archive-src`; what was never archived is a 404 without them)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from werkzeug.wrappers import Request, Response

HEADER = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]


@dataclass(frozen=True)
class Capture:
    timestamp: str                 # YYYYMMDDhhmmss
    original: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200

    @property
    def digest(self) -> str:
        return base64.b32encode(hashlib.sha1(self.body).digest()).decode()

    def row(self) -> list[str]:
        return [urlkey(self.original), self.timestamp, self.original, self.content_type.split(";")[0],
                str(self.status), self.digest, str(len(self.body))]


def urlkey(url: str) -> str:
    """The SURT key CDX files a URL under and compares a query with: no scheme and no www., the host's labels
    reversed, and all of it in lower case (the Wayback Machine's canonicaliser lower-cases the path as well as the
    host: a lookup of twitter.com/rivertonroads/status/<id> lists the captures of .../RivertonRoads/..., each row
    keeping the spelling it was captured under in `original`)."""
    bare = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", url)   # only a leading scheme: a query may hold a URL
    host, _, rest = bare.partition("/")
    return ",".join(reversed(host.lower().removeprefix("www.").split("."))) + ")/" + rest.lower()


def serve(fakenet, captures: list[Capture]) -> None:
    """Route web.archive.org (CDX and each capture) and archive.org (availability) on the fake internet."""

    def cdx(request: Request) -> Response:
        wanted = urlkey(request.args.get("url", ""))
        prefix = request.args.get("matchType") == "prefix"
        # In urlkey order (then time), as CDX lists them; `limit=N` the first N rows, `limit=-N` the last N (with
        # or without fastLatest=true, which may only make it faster), as the CDX server's README says.
        rows = sorted(c.row() for c in captures
                      if (urlkey(c.original).startswith(wanted) if prefix else urlkey(c.original) == wanted))
        rows = _collapsed(rows, request.args.getlist("collapse"))
        limit = int(request.args.get("limit") or len(rows))
        rows = rows[limit:] if limit < 0 else rows[:limit]
        return Response(json.dumps([HEADER, *rows] if rows else []), content_type="application/json")

    def available(request: Request) -> Response:
        wanted = urlkey(request.args.get("url", ""))
        hits = [c for c in captures if urlkey(c.original) == wanted]
        if not hits:
            return Response(json.dumps({"url": request.args.get("url"), "archived_snapshots": {}}),
                            content_type="application/json")
        last = max(hits, key=lambda c: c.timestamp)
        return Response(json.dumps({"url": request.args.get("url"), "archived_snapshots": {"closest": {
            "status": str(last.status), "available": True, "timestamp": last.timestamp,
            "url": f"http://web.archive.org/web/{last.timestamp}/{last.original}"}}}), content_type="application/json")

    fakenet.route("web.archive.org", "/cdx/search/cdx", cdx)
    fakenet.route("archive.org", "/wayback/available", available)
    for capture in captures:
        fakenet.route("web.archive.org", f"/web/{capture.timestamp}id_/{capture.original}", _memento(capture))


def _collapsed(rows: list[list[str]], fields: list[str]) -> list[list[str]]:
    """`collapse=FIELD` (or `FIELD:N`, its first N characters) as the CDX server's README says it works: of ADJACENT
    rows (in urlkey, then time order) with the same value, only the first is listed; the same value further on, after
    another, is listed again."""
    for spec in fields:
        name, _, length = spec.partition(":")
        column = HEADER.index(name)
        kept: list[list[str]] = []
        for row in rows:
            value = row[column][:int(length)] if length else row[column]
            previous = kept[-1][column][:int(length)] if kept and length else kept[-1][column] if kept else None
            if value != previous:
                kept.append(row)
        rows = kept
    return rows


def _memento(capture: Capture):
    taken = format_datetime(datetime.strptime(capture.timestamp, "%Y%m%d%H%M%S"), usegmt=False).replace("-0000", "GMT")

    def answer(request: Request) -> Response:
        link = (f'<{capture.original}>; rel="original", <https://web.archive.org/web/timemap/link/{capture.original}>; '
                f'rel="timemap"; type="application/link-format", <https://web.archive.org/web/{capture.timestamp}/'
                f'{capture.original}>; rel="memento"; datetime="{taken}"')
        return Response(capture.body, status=capture.status, content_type=capture.content_type, headers={
            "Memento-Datetime": taken, "Link": link, "x-archive-src": "spn2-20210503/capture.warc.gz",
            "x-ts": str(capture.status)})
    return answer


def classic_page(post_id: str, handle: str, name: str, text: str, *, epoch: int | None = None) -> bytes:
    """A small classic permalink page (2014-2019 markup) for a fictional post: head title and og tags, the post's
    div.tweet with its data attributes, p.tweet-text and the _timestamp."""
    from html import escape

    stamp = (f'<small class="time"><a href="/{handle}/status/{post_id}" class="tweet-timestamp"><span class="_timestamp"'
             f' data-time="{epoch}" data-time-ms="{epoch * 1000}">date</span></a></small>') if epoch else ""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(name)} on Twitter: '
            f'&quot;{escape(text)}&quot;</title><link rel="canonical" href="https://twitter.com/{handle}/status/{post_id}">'
            f'<meta property="og:url" content="https://twitter.com/{handle}/status/{post_id}">'
            f'<meta property="og:title" content="{escape(name)} on Twitter">'
            f'<meta property="og:description" content="“{escape(text)}”"></head><body class="PermalinkPage">'
            f'<div class="permalink-inner permalink-tweet-container"><div class="tweet permalink-tweet js-original-tweet"'
            f' data-tweet-id="{post_id}" data-screen-name="{handle}" data-name="{escape(name)}">{stamp}'
            f'<div class="js-tweet-text-container"><p class="TweetTextSize TweetTextSize--jumbo js-tweet-text tweet-text"'
            f' lang="en">{escape(text)}</p></div></div></div></body></html>').encode()


def serve_save_page_now(fakenet, *, timestamp: str = "20261125230000") -> list[str]:
    """Save Page Now 2 on the fake internet (shared/reference/wayback: POST /save answers a job id, and
    /save/status/<job> the job's outcome, here a success at `timestamp`). Returns the URLs submitted, in order: a
    test asserts what was (and what never was) sent to be published."""
    submitted: list[str] = []

    def save(request: Request) -> Response:
        url = request.form.get("url", "")
        submitted.append(url)
        job = f"spn2-{hashlib.sha1(url.encode()).hexdigest()}"
        fakenet.route("web.archive.org", f"/save/status/{job}", lambda _: Response(json.dumps({
            "status": "success", "job_id": job, "original_url": url, "timestamp": timestamp, "duration_sec": 3.1,
            "resources": [url]}), content_type="application/json"))
        return Response(json.dumps({"url": url, "job_id": job}), content_type="application/json")

    fakenet.route("web.archive.org", "/save", save)
    return submitted
