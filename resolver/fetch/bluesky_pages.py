"""An archived copy of a Bluesky post page, read into a PostRecord: what a capture of
`https://bsky.app/profile/<handle or did>/post/<rkey>` says the post said when it was captured.

The markup (bskyweb's templates/post.html, which the AppView's web server renders for a post before the app loads):
the head's `og:title` "Display name (@handle)" (or "@handle"), `og:url` (the URL asked), `og:description` and
`description` (the post's text), `article:published_time` (the post's indexedAt), `profile:username` (the handle) and
`<link rel="alternate" href="at://<did>/app.bsky.feed.post/<rkey>">`, the post's AT URI; and a `<noscript>` block,
`#bsky_post_summary`, with `#bsky_display_name`, `#bsky_handle`, `#bsky_did`, `#bsky_post_text` and
`#bsky_post_indexedat`. A post whose author shows it only to signed-in readers has the handle and the sentence "This
author has chosen to make their posts visible only to people who are signed in." in its place; a post that is gone
(or a page captured before the server rendered posts) has none of it.

A capture is this post's only when it names it: the record key, and the account: the DID when the post is known by
its DID; when it is known by a handle, that handle, or the DID of the URL it was captured under (a handle names
whichever account holds it at the time, so another handle shown is never taken as a rename: README "Bluesky
handles"). Pure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resolver.fetch.captured import meta_tags, not_shown, page_soup, utc
from resolver.fetch.records import PostRecord
from resolver.placeholders import real
from resolver.platforms import bluesky, mastodon

if TYPE_CHECKING:   # bs4 is loaded when a page is read (#14)
    from bs4 import BeautifulSoup, Tag

SIGNED_IN_ONLY = "This author has chosen to make their posts visible only to people who are signed in."
INDEXED = ("the date is the time Bluesky's AppView indexed the post (its page's article:published_time), which is "
           "when it was posted but for a post imported or written with a time of its own")


def is_post_id(post_id: str) -> bool:
    """A Bluesky post's id as platforms.bluesky writes it, `<handle or did>/<rkey>` (a Mastodon post's
    `<instance>/<number>` is not one: resolver.fetch.mastodon is asked first)."""
    found = bluesky.split_post_id(post_id)
    return found is not None and bool(bluesky.ACTOR.match(found[0])) and bool(bluesky.RECORD_KEY.match(found[1])) \
        and not mastodon.LEGACY_STATUS_ID.match(found[1])


def capture_pages(post_id: str, actors: list[str | None] | tuple[str | None, ...]) -> list[str]:
    """Where captures of the post live, no scheme: its page on bsky.app under its own account name, then under each
    other name known for its account (its handle, its DID): the archive files each URL apart."""
    actor, rkey = bluesky.split_post_id(post_id) or ("", post_id)
    names = [actor, *(a.removeprefix("@") for a in actors if a)]
    return list(dict.fromkeys(f"bsky.app/profile/{name if bluesky.is_did(name) else name.lower()}/post/{rkey}"
                              for name in names if name and bluesky.ACTOR.match(name)
                              and not bluesky.is_invalid_handle(name)))   # a page of no account (review42c)


def names_post(original: str, post_id: str) -> bool:
    """Whether a captured URL is a page of this post's record key (under any name of its account: the lists asked
    are of the names known for it), never a post whose key begins with this one's."""
    ref = bluesky.parse(original)
    found = bluesky.split_post_id(ref.post_id or "") if ref is not None else None
    return found is not None and found[1] == post_id.rpartition("/")[2]


def _record(post_id: str, status: str, method: str, reason: str | None = None, **fields: Any) -> PostRecord:
    actor, rkey = bluesky.split_post_id(post_id) or ("", post_id)
    return PostRecord(platform=bluesky.PLATFORM, post_id=post_id, url=bluesky.post_url(actor, rkey), status=status,
                      method=method, reason=reason, **fields)


def read_capture(post_id: str, status: int | None, content_type: str, body: bytes, method: str,
                 original: str | None = None) -> tuple[PostRecord, str, tuple[str, ...]]:
    """(the record, the form, notes) of one capture of the post's page: "noscript" (the summary block), "page-head"
    (its head alone), "none" (no page of the post). `original`: the URL captured."""
    unshown = not_shown(status, content_type, body, "bsky.app", "post")
    if unshown is not None:
        return _record(post_id, unshown[0], method, unshown[1]), "none", ()
    soup = page_soup(body)
    og = meta_tags(soup)
    summary = _summary(soup)
    shown = {key: _text_of(summary, f"#bsky_{key}") for key in
             ("display_name", "handle", "did", "post_text", "post_indexedat")}
    uri = next((bluesky.parse(str(link.get("href"))) for link in soup.find_all("link", href=True)
                if str(link.get("href")).startswith("at://")), None)
    asked = bluesky.parse(og.get("og:url", "")) if og.get("og:url") else None
    if SIGNED_IN_ONLY in (shown["post_text"] or "", og.get("og:description", "")):
        return _record(post_id, "unknown", method, "the capture shows Bluesky's notice that the author shows their "
                                                   "posts only to signed-in readers, not the post"), "none", ()
    keys = {key for key in map(_key, (uri, asked)) if key}
    rkey = post_id.rpartition("/")[2]
    if keys - {rkey}:
        return _record(post_id, "unknown", method, f"the captured page is the post {sorted(keys - {rkey})[0]}, not "
                                                   "this one"), "none", ()
    did = shown["did"] or (uri.author_handle if uri is not None and bluesky.is_did(uri.author_handle) else None)
    name, titled = _title(og.get("og:title", ""))
    handle = shown["handle"] or titled or og.get("profile:username") or None
    if not keys or not (did or handle):
        return _record(post_id, "unknown", method, f"the capture shows {_page_named(soup)}, not the post"), "none", ()
    other = _another_account(post_id, did, handle, original)
    if other is not None:   # no name of that account kept as this post's: the archive is never asked under it
        return _record(post_id, "unknown", method, other), "none", ()
    fields = {"author_handle": handle, "author_id": did, "author_name": real(shown["display_name"]) or name}
    text = real(shown["post_text"]) or real(og.get("og:description")) or None
    stamp = shown["post_indexedat"] or og.get("article:published_time")
    created = utc(stamp) if stamp else None
    form = "noscript" if summary is not None else "page-head"
    if not text:
        return _record(post_id, "unknown", method, "the captured page holds no words of the post (an image or a "
                                                   "video alone, or an empty summary)", **fields), form, ()
    return _record(post_id, "available", method, text=text, created_at=created, **fields), form, \
        (INDEXED,) if created else ()


def _key(ref: Any) -> str | None:
    """The record key of a post a parsed URL names, or None."""
    found = bluesky.split_post_id(ref.post_id or "") if ref is not None and ref.kind == "post" else None
    return found[1] if found else None


def _summary(soup: BeautifulSoup) -> Tag | None:
    """The noscript summary block, parsed as elements whichever way the parser kept a <noscript>'s content."""
    found = soup.select_one("#bsky_post_summary")
    if found is not None:
        return found
    for noscript in soup.find_all("noscript"):
        if "bsky_post_summary" in noscript.decode_contents():
            return page_soup(noscript.decode_contents().encode()).select_one("#bsky_post_summary")
    return None


def _text_of(element: Tag | None, selector: str) -> str | None:
    found = element.select_one(selector) if element is not None else None
    if found is None:
        return None
    lines = [" ".join(line.split()) for line in found.get_text().strip().split("\n")]
    return "\n".join(lines).strip() or None


def _title(value: str) -> tuple[str | None, str | None]:
    """og:title "Display name (@handle)" or "@handle": (the name, the handle)."""
    value = value.strip()
    if value.startswith("@") and " " not in value:
        return None, value[1:] or None
    name, _, rest = value.rpartition(" (@")
    return (real(name) or None, rest[:-1] or None) if rest.endswith(")") and name else (None, None)


def _page_named(soup: BeautifulSoup) -> str:
    title = soup.find("title")
    shown = " ".join(title.get_text().split())[:120] if title else ""
    return f"a page that holds no post (its title: “{shown}”)" if shown else "a page that holds no post"


def _another_account(post_id: str, did: str | None, handle: str | None, original: str | None) -> str | None:
    """Why the captured post is not known to be this account's, or None. A post known by its DID: the page's DID.
    Known by a handle: the page's handle, or the DID of the URL captured (a name the fetch had for the account)."""
    actor = post_id.rpartition("/")[0]
    captured = bluesky.parse(original) if original else None
    under = captured.author_handle if captured is not None else None
    if bluesky.is_did(actor):
        if did == actor:
            return None
        return f"the captured post is {bluesky.label(handle, did)}'s, not {actor}'s" if did else \
            f"the capture names @{handle}, not the post's account {actor}"
    if handle and handle.lower() == actor.lower() or did is not None and under is not None and did == under:
        return None
    return (f"the captured post is {bluesky.label(handle, did)}'s, not @{actor}'s: a handle names whichever account "
            "holds it, and the capture does not tie this one to the post's")
