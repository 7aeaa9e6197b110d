"""An archived copy of a Mastodon status page, read into a PostRecord: what a capture of
`https://<instance>/@<user>/<id>` (or `/users/<user>/statuses/<id>`) says the post said when it was captured.

The markup (Mastodon's own views, app/views/statuses/show.html.haml and _detailed_status.html.haml):
- since 4.0 the page is the web app with a server-rendered head: `og:url` (the status's short URL,
  `https://<instance>/@<user>/<id>`), `og:title` "Display name (@user@instance)", `og:published_time` (ISO 8601),
  `profile:username` (user@instance), `og:description` (StatusesHelper#status_description: "Attached: 1 image" and/or
  "Content warning: …" first, joined " · "; then, when there is no content warning, the status's text and its poll's
  options, blocks joined by a blank line) and `<link rel="alternate" type="application/activity+json">` naming the
  status's ActivityPub id (`https://<instance>/users/<user>/statuses/<id>`);
- before 4.0 the page rendered the status too: the focal `.detailed-status` (ancestors and replies are `.status`
  entries around it) with `.status__content .e-content`, `.p-name`, `.display-name__account`, `data.dt-published`
  and the permalink `a.detailed-status__datetime`.

A capture is this post's only when the page names it: its og:url, its activity+json link or the focal status's
permalink names this instance and id (and the user the capture was filed under, when both say one). A capture of the
account's page (a deleted status's URL redirected there), of another status, or of a page naming none is never taken
as the post. Pure.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from resolver.fetch.captured import meta_tags, not_shown, page_soup, utc
from resolver.fetch.records import PostRecord
from resolver.placeholders import real
from resolver.platforms import mastodon, urls

if TYPE_CHECKING:   # bs4 is loaded when a page is read (#14)
    from bs4 import BeautifulSoup, Tag

_TITLE_RE = re.compile(r"(.*?)\s*\((@?[^()\s@]+@[^()\s@]+)\)\s*")
# The first block of og:description when the status has media or a content warning (English, Mastodon's default
# locale: another locale's words are not known, and such a block is left in the text, said in a note).
_ATTACHED_RE = re.compile(r"Attached: \d+ (?:image|video|audio)s?(?: · \d+ (?:image|video|audio)s?)*")
_WARNING_RE = re.compile(r"Content warning: (.*)", re.S)
# Where a status is filed besides its page: Mastodon's web routes that are pages about another thing (who boosted
# it, who favourited it, and since 4.5 the posts quoting it: review42c, it was read as a capture of the post) name the
# status but show a list, not its words.
_NOT_THE_STATUS = ("reblogs", "favourites", "quotes")
# A block shaped as Mastodon's own lines are in every locale, "<label>: <what>" ("Inhaltswarnung: …", "Angehängt: 1
# Bild", "Avertissement de contenu : …", a full-width colon too)
_LABELLED_RE = re.compile(r"[^\n:：]{1,40}?\s?(?::\s+|：\s*)\S")   # not a link's "https://"
# Its media line in any locale: "<label>: <count> <kind>", kinds joined " · " ("Angehängt: 1 Bild · 2 Videos")
_MEDIA_LINE_RE = re.compile(r"[^\n:：]{1,40}?\s?[:：]\s*\d+ [^\s·]+(?: · \d+ [^\s·]+)*")


def is_post_id(post_id: str) -> bool:
    """A Mastodon post's id as platforms.mastodon writes it, `<instance>/<id>`: an instance's domain (a dot in it, a
    port perhaps) and a number; what tells it from an X post's number, a Telegram `<channel>/<n>` (no dot) and a
    Bluesky `<account>/<key>` (a key is no number of 6 digits or more) where the archive's readers get an id only."""
    host, slash, number = post_id.rpartition("/")
    return bool(slash) and "." in host and "/" not in host and bool(mastodon.LEGACY_STATUS_ID.match(number))


def _split(post_id: str) -> tuple[str, str]:
    host, _, number = post_id.rpartition("/")
    return host.lower(), number


def capture_pages(post_id: str, handles: list[str | None] | tuple[str | None, ...]) -> list[str]:
    """Where captures of the post live, no scheme (CDX is asked by prefix, which lists its `/embed` page too): its
    page `/@<user>/<id>` and its ActivityPub URL `/users/<user>/statuses/<id>` under each account known for it (a
    remote account's status under `/@user@domain/<id>`, the id this instance's); the old web UI's
    `/web/statuses/<id>` when no account is known."""
    host, number = _split(post_id)
    domain = host.split(":")[0]
    pages: list[str] = []
    for handle in handles:
        user, _, where = (handle or "").removeprefix("@").partition("@")
        if not user or not mastodon.REMOTE_USER.match(f"{user}@{where or domain}"):
            continue
        if (where or domain).lower() == domain:
            pages += [f"{host}/@{user}/{number}", f"{host}/users/{user}/statuses/{number}"]
        else:
            pages.append(f"{host}/@{user}@{where.lower()}/{number}")
    return list(dict.fromkeys(pages)) or [f"{host}/web/statuses/{number}"]


def names_post(original: str, post_id: str) -> bool:
    """Whether a captured URL is this post's page (its page, its embed, its ActivityPub URL), never another status
    whose id begins with this one's, nor the pages of who boosted, favourited or quoted it."""
    ref = mastodon.parse(original)
    split = urls.split(original)
    return ref is not None and ref.kind == "post" and (ref.post_id or "").lower() == post_id.lower() and \
        split is not None and split.parts[-1:] not in [(page,) for page in _NOT_THE_STATUS]


def post_page(post_id: str) -> str:
    """The post's page by its instance and id alone (the web UI's `/web/statuses/<id>`): no account named."""
    host, number = _split(post_id)
    return f"https://{host}/web/statuses/{number}"


def _record(post_id: str, status: str, method: str, reason: str | None = None, url: str | None = None,
            **fields: Any) -> PostRecord:
    return PostRecord(platform=mastodon.PLATFORM, post_id=post_id, url=url or post_page(post_id),
                      status=status, method=method, reason=reason, **fields)


def read_capture(post_id: str, status: int | None, content_type: str, body: bytes, method: str,
                 original: str | None = None) -> tuple[PostRecord, str, tuple[str, ...]]:
    """(the record, the form, notes) of one capture of the post's page: "status-page" (the post rendered, before
    Mastodon 4.0), "page-head" (its og: tags), "none" (no page of the post). `original`: the URL captured, whose
    user (when it names one) the page must name too."""
    unshown = not_shown(status, content_type, body, "the instance", "post")
    if unshown is not None:
        return _record(post_id, unshown[0], method, unshown[1]), "none", ()
    soup = page_soup(body)
    og = meta_tags(soup)
    named = [og.get("og:url")] + [str(link.get("href")) for link in soup.find_all("link", href=True)
                                  if "activity+json" in str(link.get("type") or "") or "canonical" in
                                  (link.get("rel") or [])]
    focal = _focal(soup, post_id)
    refs = [ref for ref in map(_post_ref, [*named, _permalink(focal)]) if ref is not None]
    other = next((ref for ref in refs if (ref.post_id or "").lower() != post_id.lower()), None)
    if other is not None:
        return _record(post_id, "unknown", method, f"the captured page is the status {other.url}, not this one"), \
            "none", ()
    account = next((url for url in named if url and mastodon.account_handle(url)), None)
    if refs and focal is None and not _status_head(soup, og):
        # the web app's shell (`/web/statuses/<id>`, a remote account's `/@user@domain/<id>`): its og:url is the URL
        # asked, its title and description the server's (review41d)
        return _record(post_id, "unknown", method, "the capture shows the instance's web app page (its head names "
                                                   f"the server, “{og.get('og:title', '')}”, not a status), not the "
                                                   "post"), "none", ()
    if not refs:
        why = f"the account page {account}" if account else _page_named(soup)
        return _record(post_id, "unknown", method, f"the capture shows {why}, not the post"), "none", ()
    user = _user_differs(refs, og, original)
    if user is not None:
        return _record(post_id, "unknown", method, user, url=refs[0].url), "none", ()
    if focal is not None:
        return _from_status(post_id, focal, og, method, refs[0].url)
    return _from_head(post_id, og, method, refs[0].url, _interface_language(soup))


def _status_head(soup: BeautifulSoup, og: dict[str, str]) -> bool:
    """Whether the page's head is a status's (app/views/statuses/show.html.haml: og:type "article", the status's
    activity+json link), not the server's that every page of the web app carries (shared/_og.html.haml: og:type
    "website", the URL asked as og:url, the server's name and description)."""
    return og.get("og:type", "").strip().lower() == "article" or any(
        "activity+json" in str(link.get("type") or "") for link in soup.find_all("link", href=True))


def _interface_language(soup: BeautifulSoup) -> str | None:
    """The language the page's own words (its "Attached: …", "Content warning: …") are in: `<html lang>`, the
    instance's locale; None when the page does not say."""
    html = soup.find("html")
    lang = str(html.get("lang") or "").strip() if html is not None else ""
    return lang or None


def _post_ref(url: str | None) -> Any:
    ref = mastodon.parse(url) if url else None
    return ref if ref is not None and ref.kind == "post" else None


def _user_differs(refs: list[Any], og: dict[str, str], original: str | None) -> str | None:
    """Why the page is not the post of the user its capture was filed under, or None: the page's og:url, permalink
    and title name one account, the captured URL's (when it names one) that account too."""
    said = {ref.author_handle.lower() for ref in refs if ref.author_handle}
    titled = _title(og.get("og:title", ""))[1]
    captured = _post_ref(original)
    shown = next(iter(said), None) or titled
    if len(said) > 1:
        return f"the captured page names two accounts ({', '.join(sorted(said))}), not one post's"
    if captured is not None and captured.author_handle and shown and captured.author_handle.lower() != shown.lower():
        return f"the captured page is @{shown}'s status, not @{captured.author_handle}'s"
    return None


def _title(value: str) -> tuple[str | None, str | None]:
    """og:title "Display name (@user@instance)": (the name, the handle user@instance)."""
    found = _TITLE_RE.fullmatch(value or "")
    if found is None:
        return None, None
    return real(found.group(1)) or None, mastodon.handle(found.group(2).removeprefix("@"), "")


def _page_named(soup: BeautifulSoup) -> str:
    title = soup.find("title")
    shown = " ".join(title.get_text().split())[:120] if title else ""
    return f"a page that names no status (its title: “{shown}”)" if shown else "a page that names no status"


def _from_head(post_id: str, og: dict[str, str], method: str, url: str,
               interface: str | None = None) -> tuple[PostRecord, str, tuple[str, ...]]:
    """The status's head since Mastodon 4.0: its words are og:description's, less the block that says its media or
    its content warning; a status behind a content warning has no words there. `interface`: the page's language,
    whose words for those blocks are known in English only."""
    name, handle = _title(og.get("og:title", ""))
    handle = handle or mastodon.handle(og.get("profile:username", ""), url.split("/")[2])
    created = utc(og["og:published_time"]) if og.get("og:published_time") else None
    fields = {"author_name": name, "author_handle": handle, "created_at": created, "lang": og.get("og:locale") or None}
    text, notes = _description(og.get("og:description") or og.get("description") or "", interface)
    if text is None:
        why = notes[0] if notes else "the capture's head holds no words of the post"
        return _record(post_id, "unknown", method, why, url=url, **fields), "page-head", ()
    return _record(post_id, "available", method, url=url, text=text, **fields), "page-head", notes


def _description(value: str, interface: str | None = None) -> tuple[str | None, tuple[str, ...]]:
    """(the status's words, notes) of its og:description: a first block saying "Attached: …" is no words of it; a
    "Content warning: …" block stands for the words, which the head does not give. On a page in another language
    (the instance's locale: "Inhaltswarnung: …", "Angehängt: 1 Bild") those blocks' words are not known: a lone
    block shaped "<label>: …" may be the warning alone (a status behind one has no other block), never taken as the
    words; a first block of that shape with a count before the words is taken as its media line, said (review41d)."""
    blocks = [block.strip() for block in value.replace("\r\n", "\n").split("\n\n")]
    poll: tuple[str, ...] = ()
    if len(blocks) > 1 and all(line.startswith("[ ] ") for line in blocks[-1].split("\n")):
        # StatusesHelper#poll_summary: the poll's options, Mastodon's rendering, not the author's words (review41d)
        poll = (f"the capture's description ends with the post's poll ({'; '.join(blocks[-1].split(chr(10)))}): its "
                "options are not read as the post's words",)
        blocks = blocks[:-1]
    first = blocks[0] if blocks else ""
    if interface and not interface.lower().startswith("en") and _LABELLED_RE.match(first):
        if len(blocks) == 1 and not poll:   # a status behind a warning shows neither its words nor its poll
            return None, (f"the capture's page is in the instance's language ({interface}): its description "
                          f"“{first[:80]}” may be the post's content warning or media line in that language, not "
                          "its words",)
        if _MEDIA_LINE_RE.fullmatch(first):
            return (real("\n\n".join(b for b in blocks[1:] if b)) or None), (
                f"the capture's description begins “{first}”, taken as its media line in the instance's language "
                f"({interface}): the post's media are not read",) + poll
    parts = [p.strip() for p in first.split(" · ")]
    warning = next((_WARNING_RE.fullmatch(p) for p in parts if _WARNING_RE.fullmatch(p)), None)
    if warning is not None:
        return None, (f"the capture's description shows only the post's content warning (“{warning.group(1)}”), "
                      "not its words",)
    notes: tuple[str, ...] = ()
    if _ATTACHED_RE.fullmatch(first):
        blocks = blocks[1:]
        notes = (f"the capture's description says “{first}”: the post's media are not read",)
    text = "\n\n".join(b for b in blocks if b)
    return (real(text) or None), notes + poll


def _focal(soup: BeautifulSoup, post_id: str) -> Tag | None:
    """The post's own status before Mastodon 4.0: the `.detailed-status` (or a `.status`) whose permalink names it;
    the ancestors and replies around it name theirs."""
    for element in soup.select(".detailed-status, .status"):
        ref = _post_ref(_permalink(element))
        if ref is not None and (ref.post_id or "").lower() == post_id.lower():
            return element
    return None


def _permalink(element: Tag | None) -> str | None:
    if element is None:
        return None
    link = element.select_one("a.detailed-status__datetime[href], a.status__relative-time[href]")
    return str(link.get("href")) if link is not None else None


def _from_status(post_id: str, status: Tag, og: dict[str, str], method: str,
                 url: str) -> tuple[PostRecord, str, tuple[str, ...]]:
    content = status.select_one(".status__content .e-content, .e-content")
    text = _words(content) if content is not None else None
    name_element = status.select_one(".display-name__html, .p-name")
    account = status.select_one(".display-name__account")
    name = " ".join(name_element.get_text(" ").split()) if name_element is not None else None
    handle = mastodon.handle(" ".join(account.get_text().split()).removeprefix("@"), url.split("/")[2]) \
        if account is not None else _title(og.get("og:title", ""))[1]
    stamp = status.select_one("data.dt-published[value]")
    time = status.select_one("time[datetime]")
    created = utc(str(stamp.get("value"))) if stamp is not None else \
        utc(str(time.get("datetime"))) if time is not None else None
    fields = {"author_name": real(name) or None, "author_handle": handle, "created_at": created}
    if not text:
        return _record(post_id, "unknown", method, "the captured status shows no words of the post", url=url,
                       **fields), "status-page", ()
    return _record(post_id, "available", method, url=url, text=text, **fields), "status-page", ()


def _words(element: Tag) -> str:
    """A status's words: its paragraphs apart by a blank line, a <br> a line break, an invisible span (the part of a
    link Mastodon hides) kept, as its text is the link's."""
    for br in element.find_all("br"):
        br.replace_with("\n")
    paragraphs = element.find_all("p") or [element]
    blocks = ["\n".join(" ".join(line.split()) for line in p.get_text().split("\n")).strip() for p in paragraphs]
    return "\n\n".join(b for b in blocks if b)
