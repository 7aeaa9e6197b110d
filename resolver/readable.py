"""How much readable text a page holds: a page with almost no text (a login wall, a paywall, a consent page) is said
to be maybe no article, so "no embedded post was found" is not read as a fact of the article (newuser30 #3), nor
a stray embed of the site's own on such a page as the article's (servers31). Pure: a page's text in, a finding out."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from resolver.lazy import LazyPattern, lazy_dataclass

# Fewer characters of readable text than this: the page may not be the article. A news article is
# hundreds of words; a login wall's "Sign in / Subscribe to keep reading" is a few dozen characters. The corpus's
# real HTML articles hold 600 or more (scripts/check_thin_pages.py checks none is warned of).
MIN_READABLE_CHARS = 200
# What is no article text: code, styling, and the page's furniture (menus, buttons, its header and footer). Not
# a form: ASP.NET pages hold their whole body in one (a corpus article read as 9 characters).
NOT_TEXT = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "button",
            "select", "iframe")


@lazy_dataclass(frozen=True)
class ThinPage:
    """A page holding only `chars` characters of readable text, titled `title` (None: no title)."""

    chars: int
    title: str | None
    embeds: int = 0
    # the posts, videos and photos of services no step reads that the page names (`unsupported_said`'s count), and
    # those services: a page of a Storify story and a Vine is not said to be no article with no word of them
    # (newuser44d #2)
    others: int = 0
    services: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        title = f" (title {self.title!r})" if self.title else ""
        if self.others:
            named = self.services[0] if len(self.services) == 1 else \
                f"{', '.join(self.services[:-1])} and {self.services[-1]}"
            besides = f"{self.others} embeds and links" if self.others > 1 else "1 embed or link"
            if self.embeds:
                besides = f"{self.embeds} embed{'s' if self.embeds > 1 else ''} and {besides}"
            return (f"the page holds only {self.chars} characters of text besides {besides} of services the tool "
                    f"does not read ({named}){title}: if the article is more than those, this may not be it (a login "
                    "or paywall page, a consent wall)")
        if self.embeds:   # links only (thin_page): worded so as not to discredit an article of one post and a line
            posts = "that post" if self.embeds == 1 else "those posts"
            return (f"the page holds only {self.chars} characters of text besides its {self.embeds} "
                    f"embed{'s' if self.embeds > 1 else ''}{title}: if the article is more than {posts}, this may "
                    f"not be it (a login or paywall page, a consent wall), and the "
                    f"embed{'s' if self.embeds > 1 else ''} the site's own (a share or follow link)")
        return (f"the page holds only {self.chars} characters of text{title}: it may not be the article (a login or "
                f"paywall page, a consent wall); {self.embeds} embeds found in it")

    def to_json(self) -> dict[str, Any]:
        return {"kind": "thin-page", "chars": self.chars, "title": self.title, "message": self.message}


# How an embed found only as a link or a URL is found (a share, follow or "latest" link is one): on a page of almost
# no text, it may be the site's own, not the article's. Any other detector read the platform's own embed markup
# (a blockquote, an iframe, its remnant in a text): the page shows the post, as a real one-post article does.
LINK_DETECTORS = frozenset({"html-link", "html-intent", "html-text-url", "html-source", "text-url", "text-media-link",
                            "text-post-media"})


def posts_shown(embeds: Iterable[Any]) -> int:
    """How many of `embeds` (resolver.model.Embed) a page shows as the platform's own embed markup."""
    return sum(1 for embed in embeds if embed.detector not in LINK_DETECTORS)


def thin_page(text: str, kind: str, *, embeds: int, shown: int = 0, utf8: bytes | None = None) -> ThinPage | None:
    """The finding for a page with fewer than MIN_READABLE_CHARS characters of readable text (an HTML page's body
    without NOT_TEXT, white space collapsed; a text's own), else None; `embeds`: how many were found in it, `shown`:
    how many of them as embed markup. A page whose embeds are only links is measured too (servers31: a login wall
    carrying one stray link to a post was not), on the extraction's own parse, so a scan of thousands of articles
    is not slowed by a second parse. A page that shows a post in its embed markup is not: a real article may be
    one post and a line, and the post was found in it."""
    if shown:
        return None
    if kind != "html":
        chars = _collapsed_length(text, enough=MIN_READABLE_CHARS)
        return ThinPage(chars, None, embeds) if chars < MIN_READABLE_CHARS else None
    from resolver.extract import html

    kept = html.measured(text, enough=MIN_READABLE_CHARS)
    if kept is not None and kept[0] < MIN_READABLE_CHARS and _RELATED_RE.search(text) is not None:
        kept = None   # the extraction's parse lost its "related" boxes, maybe the article's wrapper (review30r2)
    chars, title = kept or _html_text(text, utf8, enough=MIN_READABLE_CHARS)
    return ThinPage(chars, title, embeds) if chars < MIN_READABLE_CHARS else None


# A word the extraction reads as a "related" box's class (`html_credits.RELATED_CLASS_RE`): it removes such boxes
# from its parse, and an article held in one ("story has-related-links") measured 0 characters there. A page that
# measures thin there and holds the word is measured on a parse of its own, which keeps them: thin pages are few.
_RELATED_RE = LazyPattern("related", re.IGNORECASE)


def readable_chars(page: str, utf8: bytes | None = None, *, enough: int | None = None) -> int:
    """The characters of readable text in an HTML page's body (`_html_text`'s), on a parse of its own: a link's end
    page, measured to tell a notice's few lines from a story quoting its words (resolver/end_pages.py)."""
    return _html_text(page, utf8, enough=enough)[0]


def _html_text(page: str, utf8: bytes | None, *, enough: int | None = None) -> tuple[int, str | None]:
    """(characters of readable text in the body, the page's title), on a parse of its own: for a page the
    extraction did not parse whole (no marker of anything it looks for, or cut into slices). A page of more tags
    than any article is parsed in the extraction's slices (`html.chunks`), each measured: whole, 100,000 unclosed
    <div>s cost lexbor quadratic time, which the slices exist to avoid (#12; review30r2). `enough`: as `measure`'s."""
    from resolver.extract.dom import parse
    from resolver.extract.html import chunks

    slices = chunks(page)
    if len(slices) > 1:
        measures = [measure(tree, enough=enough) for start, end in slices if (tree := parse(page[start:end])) is not None]
        counted = [chars for chars, _ in measures if chars]
        return sum(counted) + len(counted) - 1 if counted else 0, next((t for _, t in measures if t), None)
    tree = parse(page, utf8=utf8)
    if tree is None:
        return _collapsed_length(page, enough=enough), None
    return measure(tree, enough=enough)


def measure(tree: Any, *, enough: int | None = None) -> tuple[int, str | None]:
    """(characters of readable text in the body, white space collapsed, the page's title) of a parsed page. The
    body loses NOT_TEXT: the tree's last use. The extraction measures its own parse of a page with no embed
    (`resolver.extract.html.scan`), which has lost its scripts, styles, navs, the site's footers and "related"
    boxes already. `enough`: a count of at least that many is only a lower bound (`_collapsed_length`)."""
    found = tree.css_first("title")
    title = " ".join(found.text().split()) or None if found is not None else None
    tree.strip_tags(list(NOT_TEXT))
    body = tree.body
    return _collapsed_length(body.text(separator=" ") if body is not None else "", enough=enough), title


def _collapsed_length(text: str, *, enough: int | None = None) -> int:
    """The length of `text` with each run of white space one space and none at its ends, without making that
    string (`str.split` splits at the white space `\\s` matches). With `enough`, a length of at least `enough` may
    be that of a prefix (a lower bound): an article's text is not split whole to learn it is not thin (splitting an
    article's body was half of its measure, #14). A prefix's collapsed length is never more than the whole's: its
    words are the whole's first ones, the last maybe cut."""
    if enough is not None:
        end = 4 * enough + 64
        while end < len(text):
            if (found := _collapsed_length(text[:end])) >= enough:
                return found
            end *= 4
    words = text.split()
    return sum(map(len, words)) + len(words) - 1 if words else 0
