"""An archived copy of a Reddit thread's page, read into a PostRecord: who posted the thread, its words and when, as a
capture of `https://www.reddit.com/r/<sub>/comments/<id>/…` shows them, for a thread deleted or removed since (Reddit's
oEmbed then names its author "[deleted]", or answers 404) that an article embeds (newuser46c #2, #6).

The page, by era (pages saved from reddit.com, as link previewers and archivers read them):
- the current site ("shreddit"): a `<shreddit-post>` element whose attributes name the thread: `id` "t3_<id>",
  `permalink` "/r/<sub>/comments/<id>/<slug>/", `author`, `post-title`, `created-timestamp` (ISO 8601 with its
  offset), `subreddit-prefixed-name`; its words in `<div slot="text-body">`;
- old.reddit.com (and the site before 2018): a `div.thing` with `data-fullname` "t3_<id>", `data-permalink`,
  `data-author`, `data-timestamp` (epoch milliseconds); its title in `a.title`, its words in the thing's
  `div.usertext-body div.md`.

A capture is this thread's only when the element holds its id (by `id`/`data-fullname`, or by its permalink). Reddit's
login or "over 18" interstitial, a subreddit's page, another thread's page or a comment's are never taken as the
thread, and their words are never read as its. A Reddit id is a base-36 counter, no clock: a capture's time cannot be
held against the id, as an X post's can (said where the time is taken). A `.json` capture of the thread's listing is
not read (said so). Pure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resolver.fetch.captured import meta_tags, not_shown, page_soup, said, utc
from resolver.fetch.records import PostRecord
from resolver.placeholders import real
from resolver.platforms import reddit

if TYPE_CHECKING:   # bs4 is loaded when a page is read (#14)
    from bs4 import BeautifulSoup, Tag

NO_WORDS = "the captured page shows the thread, with no words of its own (its title alone: “{title}”)"
NO_CLOCK = ("a Reddit id is a counter, not a clock: the time the page gives cannot be held against the thread's id")


def capture_pages(post_id: str, thread: str | None = None) -> list[str]:
    """Where captures of the thread's page live, no scheme (CDX is asked by prefix: its slug and `?utm_…` are under
    them): its page under its subreddit (or user) on www. and old.reddit.com when `thread` (its canonical URL) names
    one, else `/comments/<id>/` on both, which Reddit redirects to it (a capture there is most often that redirect)."""
    found = reddit.parse(thread) if thread else None
    path = found.url.split("://", 1)[1].split("/", 1)[1] if found is not None and found.post_id == post_id \
        and found.kind == "post" else f"comments/{post_id}/"
    return [f"www.reddit.com/{path}", f"old.reddit.com/{path}"]


def names_post(original: str, post_id: str) -> bool:
    """Whether a captured URL is this thread's page (a comment's page under it is not)."""
    found = reddit.parse(original)
    return found is not None and found.kind == "post" and found.post_id == post_id


def _record(post_id: str, status: str, method: str, reason: str | None = None, **fields: Any) -> PostRecord:
    return PostRecord(platform=reddit.PLATFORM, post_id=post_id, url=f"https://www.reddit.com/comments/{post_id}/",
                      status=status, method=method, reason=reason, **fields)


def read_capture(post_id: str, status: int | None, content_type: str, body: bytes, method: str,
                 original: str | None = None) -> tuple[PostRecord, str, tuple[str, ...]]:
    """(the record, the form, notes) of one capture of the thread's page: "shreddit-post", "old-reddit-thing", or
    "none" (no page of this thread)."""
    unshown = not_shown(status, content_type, body, "reddit.com", "thread")
    if unshown is not None:
        reason = unshown[1] + ("; a .json capture of the thread is not read" if "json" in content_type.lower() else "")
        return _record(post_id, unshown[0], method, reason), "none", ()
    soup = page_soup(body)
    for form, element, fields in (("shreddit-post", *_shreddit(soup, post_id)), ("old-reddit-thing",
                                                                                  *_old_thing(soup, post_id))):
        if element is None:
            continue
        return _from_fields(post_id, method, form, fields)
    other = _other_thread(soup, post_id)
    if other:
        return _record(post_id, "unknown", method, f"the captured page is the thread {other}, not this one"), \
            "none", ()
    title = " ".join(soup.title.get_text().split())[:120] if soup.title is not None else ""
    shown = f"a page that does not show the thread (its title: “{title}”)" if title else \
        "a page that does not show the thread (no shreddit-post or thing element of its id)"
    return _record(post_id, "unknown", method, f"the capture shows {shown}: a login or age page, or a subreddit's, "
                                               "is never read as the thread"), "none", ()


def _from_fields(post_id: str, method: str, form: str,
                 fields: dict[str, str | None]) -> tuple[PostRecord, str, tuple[str, ...]]:
    author = fields.get("author")
    handle = author if author and reddit.NAME.match(author) and not reddit.placeholder(author) else None
    words, title = fields.get("text"), fields.get("title")
    notes: tuple[str, ...] = ()
    if fields.get("created_at"):
        notes = (NO_CLOCK,)
    record_fields: dict[str, Any] = {"author_handle": handle, "created_at": fields.get("created_at")}
    if not words or reddit.placeholder(words):
        why = NO_WORDS.format(title=title) if title and not reddit.placeholder(title) else \
            "the captured page shows the thread, with no words or title of it"
        if words and reddit.placeholder(words):
            why = f"the captured page shows the thread already gone (its words “{words.strip()}”)"
        return _record(post_id, "unknown", method, why, **record_fields), form, notes
    return _record(post_id, "available", method, text=words, **record_fields), form, notes


def _shreddit(soup: BeautifulSoup, post_id: str) -> tuple[Tag | None, dict[str, str | None]]:
    """The page's <shreddit-post> of this thread and what it says, or (None, {})."""
    for element in soup.find_all("shreddit-post"):
        if not _is_thread(element.get("id"), element.get("permalink"), post_id):
            continue
        body = _own(element, element.select('[slot="text-body"]'), "shreddit-post")
        return element, {"author": said(element.get("author")), "title": said(element.get("post-title")),
                         "created_at": utc(str(element.get("created-timestamp") or "")) if
                         element.get("created-timestamp") else None,
                         "text": real(_words(body)) if body is not None else None}
    return None, {}


def _old_thing(soup: BeautifulSoup, post_id: str) -> tuple[Tag | None, dict[str, str | None]]:
    """old.reddit.com's `div.thing` of this thread (a link, "t3_") and what it says, or (None, {})."""
    from resolver.fetch.captured import epoch

    for element in soup.find_all("div", class_="thing"):
        if not _is_thread(element.get("data-fullname"), element.get("data-permalink"), post_id):
            continue
        title = element.find("a", class_="title")
        body = _own(element, element.select("div.usertext-body div.md"), "div", "thing")
        stamp = str(element.get("data-timestamp") or "")
        return element, {"author": said(element.get("data-author")),
                         "title": said(title.get_text()) if title is not None else None,
                         # milliseconds, 13 digits (2001 to 2286); a stamp of another length is no time we can
                         # tell (ten digits read as ms were a day of January 1970: review46j)
                         "created_at": epoch(stamp[:-3]) if stamp.isdecimal() and len(stamp) == 13 else None,
                         "text": real(_words(body)) if body is not None else None}
    return None, {}


def _own(element: Tag, found: list[Tag], name: str, class_: str | None = None) -> Tag | None:
    """The first of `found` (under `element`) that is the element's own, not a nested thread's: a crosspost's
    shreddit-post or thing holds the thread it shares, with that thread's words (review46j)."""
    for candidate in found:
        parent = candidate.find_parent(name, class_=class_) if class_ else candidate.find_parent(name)
        if parent is element:
            return candidate
    return None


def _is_thread(fullname: Any, permalink: Any, post_id: str) -> bool:
    """Whether an element's `t3_<id>` name, or its permalink, is this thread's."""
    if isinstance(fullname, str) and fullname.startswith("t3_"):
        return fullname == f"t3_{post_id}"
    return isinstance(permalink, str) and names_post(f"https://www.reddit.com{permalink}", post_id)


def _other_thread(soup: BeautifulSoup, post_id: str) -> str | None:
    """The id of another thread the page is of (its canonical URL or og:url names it), or None."""
    canonical = soup.find("link", rel="canonical")
    for url in (meta_tags(soup).get("og:url"), str(canonical.get("href")) if canonical is not None else None):
        found = reddit.parse(url) if url else None
        if found is not None and found.post_id and found.post_id != post_id and found.kind == "post":
            return found.post_id
    return None


def _words(element: Tag) -> str:
    """An element's words, a paragraph a line, a <br> a line break, as the page shows them: no space added at a tag
    (review47a: "Riverton , they say" of a link before a comma, "content policy . ]" of Reddit's notice)."""
    for br in element.find_all("br"):
        br.replace_with("\n")

    def lines(block: Tag) -> str:
        return "\n".join(" ".join(line.split()) for line in block.get_text().split("\n") if line.strip())
    # words in no <p>: a space at each tag, as before, not one block's last word glued to the next's first
    return "\n".join(p for p in map(lines, element.find_all("p")) if p) or " ".join(element.get_text(" ").split())


__all__ = ["capture_pages", "names_post", "read_capture"]
