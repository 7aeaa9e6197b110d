"""The t.co links an article holds outside its embeds: a bare t.co link names no post (X wraps every link in one),
so no detector reports it and `scan --resolve` does not follow it; counted, so that a scan's count of embeds is not
read as every link it passed over (newuser35c #3: 632 short links in prose, and the summary said nothing of them).
Pure: a page's text and its embeds in, a finding out."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import field
from typing import TYPE_CHECKING, Any

from resolver import platforms
from resolver.lazy import LazyPattern, lazy_dataclass

if TYPE_CHECKING:
    from resolver.article import Article
    from resolver.model import Embed

# In HTML, a link is an anchor's href (a t.co URL in a script or a meta tag is no link of the text); in plain text,
# the URL itself, with or without its scheme. Each ".co/" is found case-blind (its first character a literal, re's
# fast search applies), a "t" before it, and what comes before that read there (#14: a case-blind regex trying every
# href took 8 ms on a 180 KiB page; a search of the page in lower case 0.69 ms a corpus page, the lowering 0.45 of
# it, which made a whole process's scan 24% slower (the lead, stop 35); this takes about 0.1 ms).
DOT_CO = re.compile(r"\.co/", re.IGNORECASE)
SHORT_HOST = "t.co/"
CODE_RE = LazyPattern(r"[A-Za-z0-9]+")
# An anchor's own href: `<a ... href=`, not a head's `<link href>` nor a script's `a.href = "…"` (review36b: both
# counted, and an anchor inside an HTML comment, which `_commented` leaves out).
BEFORE_IN_HTML = LazyPattern(r"""<a\s[^<>]*?\bhref\s*=\s*["']?\s*(?:https?:)?//\Z""", re.IGNORECASE)
COMMENT_RE = LazyPattern(r"<!--.*?-->", re.DOTALL)
TAG_REACH = 2000   # how far before a link its anchor's "<a" is looked for (its other attributes)
BEFORE_IN_TEXT = LazyPattern(r"""(?:\A|[^\w./@-])(?:https?://)?\Z""", re.IGNORECASE)
HOW_TO_FOLLOW = "`embed-resolver resolve --text-links ARTICLE` follows them"   # not `resolve` alone (newuser38a #7)


@lazy_dataclass(frozen=True)
class LinksNotFollowed:
    """`count` distinct t.co links in an article's text that no embed carries, `first` the first of them."""

    count: int
    first: str
    links: tuple[str, ...] = field(default=(), compare=False)   # all of them, in the page's order

    @property
    def message(self) -> str:
        many = self.count != 1
        return (f"{self.count} t.co link{'s' * many} in the text {'are' if many else 'is'} in no embed and not "
                f"followed (the first: {self.first}): {HOW_TO_FOLLOW}")

    def to_json(self) -> dict[str, Any]:
        return {"kind": "links-not-followed", "count": self.count, "first": self.first, "message": self.message}


def links_not_followed(text: str, kind: str, embeds: Iterable[Embed], *,
                       starts: Iterable[int] | None = None) -> LinksNotFollowed | None:
    """The t.co links of a page (`kind` "html": its anchors; "text": its URLs) that none of `embeds` carries, or None.
    `starts`: where "t.co/" stands in `text` in any ASCII case, in order, when a pass over the page has found that
    already (the extraction's needles: `html.short_link_starts`); else the text is searched for it here."""
    html = kind == "html"
    before, reach = (BEFORE_IN_HTML, TAG_REACH) if html else (BEFORE_IN_TEXT, 40)
    found: dict[str, None] = {}
    comments: list[tuple[int, int]] | None = None
    for start in starts if starts is not None else short_link_starts(text):
        code = CODE_RE.match(text, start + len(SHORT_HOST))
        if code is None or not before.search(text, max(0, start - reach), start):
            continue
        if html:
            if comments is None:   # read once, at the first link found: most pages hold none
                comments = [m.span() for m in COMMENT_RE.finditer(text)] if "<!--" in text else []
            if _commented(comments, start):
                continue
        found[f"https://t.co/{code.group()}"] = None
    # Only a link holding "t.co" in some case can be a t.co link (its host is those letters, lower-cased): the others
    # are not parsed (#14: every link of every embed parsed, on pages with a t.co link, was 0.03 ms a corpus page).
    # A URL's parser drops a tab, LF or CR anywhere in it ("https://t.\nco/Ab12" is Ab12's link), and a Facebook link
    # shim names its target percent-encoded ("l.php?u=https%3A%2F%2Ft%2Eco%2FAb12"): a link holding a character that
    # is not printable, or a "%", is parsed too (review37d).
    carried = {_key(link) for e in embeds for link in (e.url, *e.links, *e.media_links)
               if "t.co" in link.lower() or "%" in link or not link.isprintable()} if found else set()
    for link in carried.intersection(found):
        del found[link]
    if not found:
        return None
    return LinksNotFollowed(len(found), next(iter(found)), tuple(found))


def text_links(article: Article) -> list[str]:
    """The t.co links of an article's text that none of its embeds carries, in its order: what `resolve --text-links`
    follows (newuser38a #7: the hint for them named `resolve`, which refused a file)."""
    from resolver.extract import find_all

    found = links_not_followed(article.text, article.kind, find_all(article.text, article.kind)[0])
    return list(found.links) if found is not None else []


def short_link_starts(text: str) -> Iterator[int]:
    """Where "t.co/" stands in `text`, in any case, in order. No other character matches one of its letters
    case-blind (no Kelvin-sign kin for t, c or o), so these are the places of its ASCII case forms."""
    for hit in DOT_CO.finditer(text):
        start = hit.start() - 1
        if start >= 0 and text[start] in "tT":
            yield start


def _commented(comments: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` is inside one of the (start, end) spans of HTML comments, in their order."""
    i = bisect.bisect_right(comments, at, key=lambda span: span[0]) - 1
    return i >= 0 and comments[i][0] <= at < comments[i][1]


def _key(link: str) -> str:
    """A t.co link as its parser writes it ("https://t.co/<code>"), so one written with http:// or no scheme is the
    same link; any other link as it is."""
    if link.startswith("https://t.co/") and CODE_RE.fullmatch(link, len("https://t.co/")):
        return link   # as its parser writes it already (most links a post's markup holds): not parsed (#14)
    ref = platforms.parse_url("https:" + link if link.startswith("//") else link)
    return ref.url if ref is not None and ref.kind == "short-link" and ref.platform == platforms.x.PLATFORM else link
