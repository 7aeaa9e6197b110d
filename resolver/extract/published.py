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

# (pattern, source), in order of trust: a meta tag a CMS writes for the article itself first.
_META = r"<meta\b[^>]*?\b(?:property|name|itemprop)\s*=\s*[\"']?{}[\"']?[\s/>][^>]*>"
_SOURCES = (
    (re.compile(_META.format(r"article:published_time"), re.IGNORECASE), "article:published_time"),
    (re.compile(_META.format(r"datePublished"), re.IGNORECASE), "microdata datePublished"),
)
_CONTENT = re.compile(r"\bcontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.IGNORECASE)
_JSON_LD = re.compile(r"\"datePublished\"\s*:\s*\"([^\"]{1,64})\"")
_WRITTEN = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
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
    """The article's date its page states, or None when it states none that reads as a date."""
    for pattern, source in _SOURCES:
        for tag in pattern.finditer(html):
            content = _CONTENT.search(tag.group(0))
            found = _read(next((g for g in content.groups() if g is not None), ""), source) if content else None
            if found is not None:
                return found
    if "application/ld+json" in html:
        for match in _JSON_LD.finditer(html):
            found = _read(match.group(1), "JSON-LD datePublished")
            if found is not None:
                return found
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
