"""An article's own date, as its page states it: `<meta property="article:published_time">` (Open Graph),
`itemprop="datePublished"` (schema.org microdata), a JSON-LD `datePublished`. Pure; read only by a report (a scan
never asks for it), so it costs a scan nothing.

What is read is what the page wrote: a date ("2021-05-03"), a time with its zone ("2021-05-03T11:20:00+02:00") or
without one ("2021-05-03T11:20:00"). `latest_utc` says how late, at most, that can be in UTC: a written zone is exact;
with none the page's zone is not known, and a time may be as late as 12 hours past it in UTC (UTC-12 is the
westernmost zone), a date as late as noon UTC of the next day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

# The meta tags that date an article, by what names them, in order of trust: a CMS's tag for the article itself first.
_META_SOURCES = (("article:published_time", "article:published_time"), ("datepublished", "microdata datePublished"))
_NAMED = re.compile(r"""\b(?:property|name|itemprop)\s{0,20}=\s{0,20}["']?([\w:.-]{1,64})""", re.IGNORECASE)
_CONTENT = re.compile(r"""\bcontent\s{0,20}=\s{0,20}(?:"([^"]{0,200})"|'([^']{0,200})'|([^\s>"']{1,200}))""", re.IGNORECASE)
_JSON_LD = re.compile(r"\"datePublished\"\s{0,20}:\s{0,20}\"([^\"]{1,64})\"")
_WRITTEN = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_META_OPEN = re.compile(r"<meta\b", re.IGNORECASE)
_LD_JSON = re.compile(r"application/ld\+json", re.IGNORECASE)
LONGEST_TAG = 4_000   # a <meta> longer than this is no date's
WESTMOST = timedelta(hours=12)   # UTC-12: how far behind UTC a page's own clock may be


@dataclass(frozen=True)
class Published:
    """The date an article's page gives itself: as written, where it was read, and how late in UTC it may be."""

    written: str
    source: str                      # "article:published_time" | "microdata datePublished" | "JSON-LD datePublished"
    latest: datetime                 # the latest UTC instant `written` can mean

    def to_json(self) -> dict[str, str]:
        return {"date": self.written, "source": self.source}


def published(html: str) -> Published | None:
    """The article's date its page states, or None when it states none that reads as a date. Linear in the page: each
    `<meta` is read up to its `>` once, and the next looked for past it (a pattern spanning a tag's attributes read
    the rest of a page of unclosed tags for each one: 40 KB took 6 s)."""
    found: dict[str, Published] = {}
    sources = dict(_META_SOURCES)
    opened = _META_OPEN.search(html)
    while opened is not None:
        end = html.find(">", opened.start())
        if end == -1:
            break
        if end - opened.start() <= LONGEST_TAG:
            tag = html[opened.start():end]
            source = next((sources[n] for n in (m.group(1).lower() for m in _NAMED.finditer(tag)) if n in sources),
                          None)
            if source is not None and source not in found:
                content = _CONTENT.search(tag)
                value = next((g for g in content.groups() if g is not None), "") if content else ""
                dated = _read(value, source)
                if dated is not None:
                    found[source] = dated
        opened = _META_OPEN.search(html, end)
    for _name, source in _META_SOURCES:
        if source in found:
            return found[source]
    if _LD_JSON.search(html):
        for match in _JSON_LD.finditer(html):
            dated = _read(match.group(1), "JSON-LD datePublished")
            if dated is not None:
                return dated
    return None


def _read(value: str, source: str) -> Published | None:
    written = value.strip()
    if not _WRITTEN.fullmatch(written):
        return None
    try:
        moment = datetime.fromisoformat(written.replace("Z", "+00:00"))
    except ValueError:   # no real day (February 30), or an hour 25
        return None
    if len(written) == 10:   # a date alone: its last instant, in the westernmost zone
        latest = moment.replace(tzinfo=timezone.utc) + timedelta(days=1) + WESTMOST
    elif moment.tzinfo is None:
        latest = moment.replace(tzinfo=timezone.utc) + WESTMOST
    else:
        latest = moment.astimezone(timezone.utc)
    return Published(written, source, latest)
