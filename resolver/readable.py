"""How much readable text a page holds: a page with no embed and almost no text (a login wall, a paywall, a
consent page) is said to be maybe no article, so "no embedded post was found" is not read as a fact of the
article (newuser30 #3). Pure: a page's text in, a finding out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Fewer characters of readable text than this, and no embed: the page may not be the article. A news article is
# hundreds of words; a login wall's "Sign in / Subscribe to keep reading" is a few dozen characters. The corpus's
# real HTML articles hold 600 or more (scripts/check_thin_pages.py checks none is warned of).
MIN_READABLE_CHARS = 200
# What is no article text: code, styling, and the page's furniture (menus, buttons, its header and footer). Not
# a form: ASP.NET pages hold their whole body in one (a corpus article read as 9 characters).
NOT_TEXT = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "button",
            "select", "iframe")


@dataclass(frozen=True)
class ThinPage:
    """A page holding only `chars` characters of readable text, titled `title` (None: no title)."""

    chars: int
    title: str | None
    embeds: int = 0

    @property
    def message(self) -> str:
        title = f" (title {self.title!r})" if self.title else ""
        return (f"the page holds only {self.chars} characters of text{title}: it may not be the article (a login or "
                f"paywall page, a consent wall); {self.embeds} embeds found in it")

    def to_json(self) -> dict[str, Any]:
        return {"kind": "thin-page", "chars": self.chars, "title": self.title, "message": self.message}


def thin_page(text: str, kind: str, *, embeds: int, utf8: bytes | None = None) -> ThinPage | None:
    """The finding for a page with no embed and fewer than MIN_READABLE_CHARS characters of readable text (an HTML
    page's body without NOT_TEXT, white space collapsed; a text's own), else None. A page with an embed is not
    measured: what it holds was found in it (and a scan of thousands of articles is not slowed by a second parse)."""
    if embeds:
        return None
    if kind != "html":
        chars = _collapsed_length(text)
        return ThinPage(chars, None) if chars < MIN_READABLE_CHARS else None
    from resolver.extract import html

    chars, title = html.measured(text) or _html_text(text, utf8)
    return ThinPage(chars, title) if chars < MIN_READABLE_CHARS else None


def _html_text(page: str, utf8: bytes | None) -> tuple[int, str | None]:
    """(characters of readable text in the body, the page's title), on a parse of its own: for a page the
    extraction did not parse whole (no marker of anything it looks for, or cut into slices)."""
    from resolver.extract.dom import parse

    tree = parse(page, utf8=utf8)
    if tree is None:
        return _collapsed_length(page), None
    return measure(tree)


def measure(tree: Any) -> tuple[int, str | None]:
    """(characters of readable text in the body, white space collapsed, the page's title) of a parsed page. The
    body loses NOT_TEXT: the tree's last use. The extraction measures its own parse of a page with no embed
    (`resolver.extract.html.scan`), which has lost its scripts, styles, navs, the site's footers and "related"
    boxes already."""
    found = tree.css_first("title")
    title = " ".join(found.text().split()) or None if found is not None else None
    tree.strip_tags(list(NOT_TEXT))
    body = tree.body
    return _collapsed_length(body.text(separator=" ") if body is not None else ""), title


def _collapsed_length(text: str) -> int:
    """The length of `text` with each run of white space one space and none at its ends, without making that
    string (`str.split` splits at the white space `\\s` matches)."""
    words = text.split()
    return sum(map(len, words)) + len(words) - 1 if words else 0
