"""An article's own date, as its page states it: `<meta property="article:published_time">` (Open Graph),
`itemprop="datePublished"` (schema.org microdata), a JSON-LD `datePublished`; and when it was last modified
(`article:modified_time`, `dateModified`). Pure; read only by a report (a scan never asks for it), so it costs a scan
nothing. JSON-LD is parsed, and only the page's own node is read: a top-level one (or one of its `@graph`), an
Article's over any other; a related article's, a reader comment's, or two articles' that disagree give no date
(review31r1: the first "datePublished" anywhere in the page was taken). What an HTML comment holds is not read.

What is read is what the page wrote: a date ("2021-05-03"), a time with its zone ("2021-05-03T11:20:00+02:00") or
without one ("2021-05-03T11:20:00"). `latest_utc` says how late, at most, that can be in UTC: a written zone is exact;
with none the page's zone is not known, and a time may be as late as 12 hours past it in UTC (UTC-12 is the
westernmost zone), a date as late as noon UTC of the next day. `earliest_utc` is the other bound: 14 hours before
(UTC+14 is the easternmost zone), a date from 10:00 UTC of the day before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from resolver.extract.script_credits import is_article, parsed_jsonld, schema_types

# The meta tags that date an article, by what names them, in order of trust: a CMS's tag for the article itself first.
_META_SOURCES = (("article:published_time", "article:published_time"), ("datepublished", "microdata datePublished"))
_MODIFIED_SOURCES = (("article:modified_time", "article:modified_time"), ("datemodified", "microdata dateModified"))
_NAMED = re.compile(r"""\b(?:property|name|itemprop)\s{0,20}=\s{0,20}["']?([\w:.-]{1,64})""", re.IGNORECASE)
_CONTENT = re.compile(r"""\bcontent\s{0,20}=\s{0,20}(?:"([^"]{0,200})"|'([^']{0,200})'|([^\s>"']{1,200}))""", re.IGNORECASE)
_WRITTEN = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_META_OPEN = re.compile(r"<meta\b", re.IGNORECASE)
_LD_JSON = re.compile(r"application/ld\+json", re.IGNORECASE)
_SCRIPT_OPEN = re.compile(r"<script\b", re.IGNORECASE)
_SCRIPT_CLOSE = re.compile(r"</script\s*>", re.IGNORECASE)
LONGEST_TAG = 4_000   # a <meta> longer than this is no date's
WESTMOST = timedelta(hours=12)   # UTC-12: how far behind UTC a page's own clock may be
EASTMOST = timedelta(hours=14)   # UTC+14: how far ahead
# An article's own node (script_credits.is_article: NewsArticle, BlogPosting, LiveBlogPosting, Report...) dates the
# page; any other typed node (a Comment, a WebSite, an ItemList) dates something else. A node with no type, or a web
# page's, counts when no article's is there.
_PAGE_TYPES = frozenset("WebPage ItemPage AboutPage".split())


@dataclass(frozen=True)
class Published:
    """The date an article's page gives itself: as written, where it was read, and how late in UTC it may be."""

    written: str
    source: str                      # "article:published_time" | "microdata datePublished" | "JSON-LD datePublished"
    latest: datetime                 # the latest UTC instant `written` can mean
    earliest: datetime | None = None   # the earliest
    modified: Published | None = None   # when the page says it was last modified, if it says

    def to_json(self) -> dict[str, str]:
        return {"date": self.written, "source": self.source}


def published(html: str) -> Published | None:
    """The article's date its page states, or None when it states none that reads as a date, or several that
    disagree; with its modified date when it states one. Linear in the page: each `<meta` is read up to its `>` once,
    and the next looked for past it (a pattern spanning a tag's attributes read the rest of a page of unclosed tags
    for each one: 40 KB took 6 s); each JSON-LD script is parsed once."""
    html = _without_comments(html)
    found: dict[str, Published] = {}
    sources = dict(_META_SOURCES + _MODIFIED_SOURCES)
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
    modified = next((found[source] for _name, source in _MODIFIED_SOURCES if source in found), None)
    for _name, source in _META_SOURCES:
        if source in found:
            return _with_modified(found[source], modified)
    node = _json_ld_node(html) if _LD_JSON.search(html) else None
    if node is None:
        return None
    dated = _read(node["datePublished"], "JSON-LD datePublished")
    if dated is None:
        return None
    changed = node.get("dateModified")
    return _with_modified(dated, (_read(changed, "JSON-LD dateModified") if isinstance(changed, str) else None)
                          or modified)


def _with_modified(dated: Published, modified: Published | None) -> Published:
    from dataclasses import replace

    return replace(dated, modified=modified) if modified is not None else dated


def _without_comments(html: str) -> str:
    """The page with what its HTML comments hold taken out ("<!-- <meta …> -->" is no tag of the page)."""
    if "<!--" not in html:
        return html
    kept, at = [], 0
    while (opened := html.find("<!--", at)) != -1:
        kept.append(html[at:opened])
        closed = html.find("-->", opened + 4)
        at = len(html) if closed == -1 else closed + 3
    kept.append(html[at:])
    return " ".join(kept)


def _json_ld_node(html: str) -> dict[str, Any] | None:
    """The JSON-LD node that is the page's own article, with a string `datePublished`: of the top-level nodes (each
    script's object, the objects of its list or `@graph`), the Articles' if any, else the untyped or WebPage ones;
    None when none, or when those left disagree on the date (which one is the page's?). Nodes inside nodes (a
    related article, a comment, an image) date something else."""
    nodes: list[dict[str, Any]] = []
    opened = _SCRIPT_OPEN.search(html)
    while opened is not None:
        end = html.find(">", opened.start())
        if end == -1:
            break
        closed = _SCRIPT_CLOSE.search(html, end)
        body_end = closed.start() if closed else len(html)
        if _LD_JSON.search(html, opened.start(), end):
            nodes += _top_nodes(html[end + 1:body_end])
        opened = _SCRIPT_OPEN.search(html, closed.end()) if closed else None
    dated = [n for n in nodes if isinstance(n.get("datePublished"), str)]
    articles = [n for n in dated if is_article(n)]
    chosen = articles or [n for n in dated if not schema_types(n) or schema_types(n) & _PAGE_TYPES]
    return chosen[0] if chosen and len({n["datePublished"].strip() for n in chosen}) == 1 else None


def _top_nodes(raw: str) -> list[dict[str, Any]]:
    data = parsed_jsonld(raw)
    top = data if isinstance(data, list) else [data]
    nodes = [n for n in top if isinstance(n, dict)]
    graphs = [n["@graph"] for n in nodes if isinstance(n.get("@graph"), list)]
    return nodes + [n for graph in graphs for n in graph if isinstance(n, dict)]


def _read(value: str, source: str) -> Published | None:
    written = value.strip()
    if not _WRITTEN.fullmatch(written):
        return None
    try:
        moment = datetime.fromisoformat(written.replace("Z", "+00:00"))
    except ValueError:   # no real day (February 30), or an hour 25
        return None
    if len(written) == 10:   # a date alone: its last instant, in the westernmost zone; its first, in the easternmost
        latest = moment.replace(tzinfo=timezone.utc) + timedelta(days=1) + WESTMOST
        earliest = moment.replace(tzinfo=timezone.utc) - EASTMOST
    elif moment.tzinfo is None:
        latest = moment.replace(tzinfo=timezone.utc) + WESTMOST
        earliest = moment.replace(tzinfo=timezone.utc) - EASTMOST
    else:
        latest = earliest = moment.astimezone(timezone.utc)
    return Published(written, source, latest, earliest)
