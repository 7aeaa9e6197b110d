"""An archived copy of a YouTube watch page, read into a PostRecord: what a capture of
`https://www.youtube.com/watch?v=<id>` says the video was (its title, channel, upload date and description) when it
was captured, for a video removed since that an article cites.

The markup, by era (pages saved from youtube.com, as scrapers of them read them):
- the head, every era: `<link rel="canonical">` (relative, `/watch?v=<id>`, on old pages), `og:url`, `og:title`,
  `og:description` (the description's first 160 or so characters), `og:video:url` (the player);
- the schema.org microdata of the video, `<div id="watch7-content" itemscope itemtype="http://schema.org/VideoObject">`
  (2013 on): `link[itemprop=url]`, `meta[itemprop=name]` (the title), `meta[itemprop=description]` (cut short),
  `meta[itemprop=channelId]`, `meta[itemprop=videoId]`, `span[itemprop=author]` holding the channel's
  `link[itemprop=url]` (`/user/<name>`, `/channel/<id>`, later `/@<handle>`) and, on later pages, its
  `link[itemprop=name]`; `meta[itemprop=datePublished]` and `uploadDate` (a day, "2014-08-12", until about 2023;
  then a time with its zone, "2021-09-06T19:59:20-07:00"; a video kept private after its upload has two: the date
  the page shows is the one it was published);
- the old desktop page's body (until 2020): `#eow-title`, the channel's name in `.yt-user-info a`, the whole
  description in `#eow-description`;
- the player's data, `var ytInitialPlayerResponse = {…};` (2020 on; in 2020 `window["ytInitialPlayerResponse"] =
  {…};`): `videoDetails` (`videoId`, `title`, `author`,
  `channelId`, `shortDescription`: the whole description), `playabilityStatus` (`status` "OK", or "ERROR" with the
  reason "Video unavailable" where a removed video's page says so), `microformat.playerMicroformatRenderer`
  (`uploadDate`, `ownerProfileUrl`); before it, a removed video's page said why in `#unavailable-message` ("This video
  has been removed by the user."), with no video's microdata.

A capture is this video's only when the page names it (its videoId, og:url, canonical link, microdata URL or player
data): one naming another video, a channel's page, YouTube's home page after a redirect, the consent page or a
"Video unavailable" page is never taken as it. og:video:tag (the uploader's keywords) is never a channel or a name.
Pure.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from resolver.fetch.captured import assigned_object, meta_tags, not_shown, page_soup, utc
from resolver.fetch.records import CUT_MARK, PostRecord
from resolver.placeholders import real
from resolver.platforms import youtube

if TYPE_CHECKING:   # bs4 is loaded when a page is read (#14)
    from bs4 import BeautifulSoup, Tag

SITE = "https://www.youtube.com"
TITLE_AND_DESCRIPTION = "the text is the video's title, then its description, as the captured watch page gave them"
MAYBE_CUT = "maybe"
MAY_BE_CUT = ("the description is the captured page's head's, which YouTube cuts to its first 160 or so characters "
              "without always marking the cut: the whole description was not read, and \"…\" marks where it may go on")
# `var ytInitialPlayerResponse = {…}`, or in 2020 `window["ytInitialPlayerResponse"] = {…}` (review43c)
_PLAYER = re.compile(r"""ytInitialPlayerResponse(?:["']\])?\s*=\s*""")
_SITE_SAYS = (   # the opening words of YouTube's description of itself, as its pages in these languages give it
    "enjoy the videos and music you love", "profitez des vidéos et de la musique que vous aimez",
    "disfruta los videos y la música que te encantan", "aproveite os vídeos e músicas que você adora",
    "youtube でお気に入りの動画や音楽を楽しみ")
_CHANNEL_PATH = re.compile(r"^/(?:@[^/]+|channel/[^/]+|user/[^/]+|c/[^/]+)/?")


def is_video_id(post_id: str) -> bool:
    """A YouTube video's id (11 letters, digits, `-` or `_`): what tells a video from an X post (digits alone: an id
    of eleven digits is an X post's, no video's id seen is all digits) where the archive's readers are given an id."""
    return bool(youtube.VIDEO_ID.match(post_id)) and not post_id.isdigit()


def capture_pages(video_id: str) -> list[str]:
    """Where captures of the video's page live, no scheme (CDX is asked by prefix, so `&feature=…` and `&t=…` are
    under them): its watch page (CDX files www. and the bare host as one), the mobile site's, its Shorts page."""
    return [f"www.youtube.com/watch?v={video_id}", f"m.youtube.com/watch?v={video_id}",
            f"www.youtube.com/shorts/{video_id}"]


def names_post(original: str, video_id: str) -> bool:
    """Whether a captured URL is this video's page (ids are case-sensitive: CDX lists any case under one key)."""
    ref = youtube.parse(original)
    return ref is not None and ref.kind == "video" and ref.post_id == video_id


def _record(video_id: str, status: str, method: str, reason: str | None = None, **fields: Any) -> PostRecord:
    return PostRecord(platform=youtube.PLATFORM, post_id=video_id, url=youtube.video_url(video_id), status=status,
                      method=method, reason=reason, **fields)


def read_capture(video_id: str, status: int | None, content_type: str, body: bytes, method: str,
                 original: str | None = None) -> tuple[PostRecord, str, tuple[str, ...]]:
    """(the record, the form, notes) of one capture of the video's page: "player-response" (the player's data),
    "watch-microdata" (the page's schema.org microdata), "page-head" (its head alone), "none" (no page of it)."""
    unshown = not_shown(status, content_type, body, "youtube.com", "video")
    if unshown is not None:
        return _record(video_id, unshown[0], method, unshown[1]), "none", ()
    soup = page_soup(body)
    og = meta_tags(soup)
    scope = _video_scope(soup)
    player = _player_response(body)
    details = _object(player, "videoDetails")
    named = _named_urls(soup, og, scope)
    ids = {ref.post_id for ref in map(youtube.parse, named) if ref is not None and ref.kind == "video" and ref.post_id}
    ids |= {i for i in (_prop(scope, "videoId"), details.get("videoId")) if isinstance(i, str) and i}
    if ids - {video_id}:
        other = sorted(ids - {video_id})[0]
        return _record(video_id, "unknown", method, f"the captured page is the video {other} "
                                                    f"({youtube.video_url(other)}), not this one"), "none", ()
    playable = _object(player, "playabilityStatus")
    if playable.get("status") == "ERROR":
        said = str(playable.get("reason") or "an error")
        return _record(video_id, "unknown", method, f"the capture shows YouTube's notice “{said}” in the video's "
                                                    "place, not the video"), "none", ()
    notice = soup.select_one("#unavailable-message")
    said = " ".join(notice.get_text(" ").split()) if notice is not None else ""
    if said and not details and not _prop(scope, "videoId"):   # the old page's player said why, and no video is shown
        return _record(video_id, "unknown", method, f"the capture shows YouTube's notice “{said}” in the video's "
                                                    "place, not the video"), "none", ()
    if not ids:
        return _record(video_id, "unknown", method, f"the capture shows {_page_named(soup, named)}, not the "
                                                    "video"), "none", ()
    return _read_video(video_id, method, soup, og, scope, player)


def _read_video(video_id: str, method: str, soup: BeautifulSoup, og: dict[str, str], scope: Tag | BeautifulSoup,
                player: dict[str, Any]) -> tuple[PostRecord, str, tuple[str, ...]]:
    """The video's title, channel, day and description from a page that names it: the player's data first (whole),
    then the microdata, then the head."""
    details = _object(player, "videoDetails")
    micro = _object(_object(player, "microformat"), "playerMicroformatRenderer")
    eow = soup.select_one("#eow-title")
    title = _said(details.get("title"), _prop(scope, "name"), og.get("og:title"),
                  eow.get("title") if eow is not None else None)
    title = None if title in ("YouTube", "- YouTube") else title   # the site's name: a page with no video's title
    author = scope.select_one("[itemprop=author]")
    link_name = author.select_one("link[itemprop=name]") if author is not None else None
    old_name = soup.select_one(".yt-user-info a")
    channel = _said(details.get("author"), micro.get("ownerChannelName"),
                    link_name.get("content") if link_name is not None else None,
                    old_name.get_text(" ", strip=True) if old_name is not None else None)
    author_url = author.select_one("link[itemprop=url]") if author is not None else None
    profile = _said(micro.get("ownerProfileUrl"), author_url.get("href") if author_url is not None else None)
    channel_id = _said(details.get("channelId"), _prop(scope, "channelId"))
    description, cut = _description(soup, og, scope, details)
    # the day it was published, as the page shows it ("Published on", "Premiered"); its file's upload may be months
    # before, while it was private: never the video's date, only where the page gives no other (review43c)
    day = _said(micro.get("publishDate"), _prop(scope, "datePublished"), micro.get("uploadDate"),
                _prop(scope, "uploadDate"))
    status = str(_object(player, "playabilityStatus").get("status") or "OK")
    # a premiere or live stream captured before it aired: its page's day is the start it was scheduled for, which
    # may have moved, never a day it was published (review43c43)
    upcoming = details.get("isUpcoming") is True or status == "LIVE_STREAM_OFFLINE"
    created = utc(day) if day and not upcoming else None
    notes = [TITLE_AND_DESCRIPTION] if description else []
    if cut is True:
        notes.append("the description is cut short on the captured page: its first words only")
    elif cut == MAYBE_CUT:
        description = f"{description}{CUT_MARK}"
        notes.append(MAY_BE_CUT)
    if day and details.get("isUpcoming") is True:
        notes.append(f"captured before it aired (a premiere or a live stream): the page gives the start it was "
                     f"scheduled for, {day}, not a day it was published: no date is taken from it")
    elif day and upcoming:   # offline: not yet aired, or a stream ended with no replay yet
        notes.append(f"captured while the premiere or live stream was offline (not yet aired, or ended): the page "
                     f"gives {day}, which may be the start it was scheduled for, not a day it was published: no date "
                     "is taken from it")
    elif day and not created:
        notes.append(f"the page gives the upload day {day}, no time or time zone: no date is taken from it")
    if status != "OK":
        notes.append(f"when captured, YouTube did not play it to a visitor ({status})")
    form = "player-response" if details else "watch-microdata" if _prop(scope, "videoId") else "page-head"
    fields = {"author_name": channel, "author_handle": _handle(profile), "author_id": channel_id}
    if not title:
        return _record(video_id, "unknown", method, "the captured page names the video but holds no title of it",
                       **fields), form, tuple(notes)
    text = f"{title}\n\n{description}" if description else title
    return _record(video_id, "available", method, text=text, created_at=created, **fields), form, tuple(notes)


def _video_scope(soup: BeautifulSoup) -> Tag | BeautifulSoup:
    """The page's schema.org VideoObject element (the watch page's own video), else the whole page (flat microdata)."""
    found = soup.select_one('[itemtype*="schema.org/VideoObject" i]')
    return found if found is not None else soup


def _object(data: dict[str, Any], key: str) -> dict[str, Any]:
    """`data[key]` when it is an object, else {} (the player's data is read as it comes)."""
    found = data.get(key)
    return found if isinstance(found, dict) else {}


def _prop(scope: Tag | BeautifulSoup, name: str) -> str | None:
    """A `meta[itemprop=name]`'s content of the video itself, never of its author or thumbnail within it."""
    for meta in scope.find_all("meta", attrs={"itemprop": name}):
        if meta.find_parent(attrs={"itemprop": ("author", "thumbnail")}) is None:
            return str(meta.get("content") or "").strip() or None
    return None


def _named_urls(soup: BeautifulSoup, og: dict[str, str], scope: Tag | BeautifulSoup) -> list[str]:
    """The URLs the page names itself by: og:url, the canonical link (relative on old pages), the microdata's URL,
    og:video:url (the player's); never a link of the channel's or a thumbnail's."""
    canonical = soup.find("link", rel="canonical")
    found = [og.get("og:url"), str(canonical.get("href")) if canonical is not None else None, og.get("og:video:url")]
    for link in scope.find_all("link", attrs={"itemprop": "url"}):
        if link.find_parent(attrs={"itemprop": ("author", "thumbnail")}) is None:
            found.append(str(link.get("href") or ""))
    return [urljoin(f"{SITE}/", url) for url in found if url]


def _player_response(body: bytes) -> dict[str, Any]:
    """The player's data the page sets (`ytInitialPlayerResponse = {…}`), or {} (an old page, or no such data)."""
    return assigned_object(_PLAYER, body)


def _said(*values: Any) -> str | None:
    """The first value that is words (a string, no placeholder), stripped."""
    for value in values:
        if isinstance(value, str) and (kept := real(" ".join(value.split()))):
            return kept
    return None


def _description(soup: BeautifulSoup, og: dict[str, str], scope: Tag | BeautifulSoup,
                 details: dict[str, Any]) -> tuple[str | None, bool | str]:
    """(the description, whether it is cut short: True, False, or MAYBE_CUT): the player's whole one, the old page's
    `#eow-description`, else the microdata's or the head's, which YouTube cuts to their first 160 or so characters,
    ending them with "..." or not (ytdl-org/youtube-dl#25937): one that does not is MAYBE_CUT, never whole."""
    whole = details.get("shortDescription")
    if isinstance(whole, str):   # the whole description, "" for a video with none (its head then holds the site's)
        return whole.strip() or None, False
    eow = soup.select_one("#eow-description")
    if eow is not None:
        for br in eow.find_all("br"):
            br.replace_with("\n")
        lines = [" ".join(line.split()) for line in eow.get_text().split("\n")]
        if text := "\n".join(lines).strip():
            return text, False
    short = _said(*(said for said in (_prop(scope, "description"), og.get("og:description"))
                    if not _site_description(said)))
    return (short, short.endswith(("...", "…")) or MAYBE_CUT) if short else (None, False)


def _site_description(said: str | None) -> bool:
    """Whether a head's description is YouTube's own description of itself (in the capture's language), what the
    page of a video with no description carries in its place: never the video's words."""
    words = " ".join(re.sub(r"[^\w]+", " ", (said or "").casefold()).split())
    return words.startswith(_SITE_SAYS)


def _handle(profile: str | None) -> str | None:
    """The channel's @handle in its URL (`/@handle`); `/channel/<id>` and a legacy `/user/<name>` name none, as the
    oEmbed reader reads `author_url` (platforms30)."""
    parts = [p for p in urlsplit(profile or "").path.split("/") if p]
    return parts[0][1:] or None if len(parts) == 1 and parts[0].startswith("@") else None


def _page_named(soup: BeautifulSoup, named: list[str]) -> str:
    """What a page that names no video is: a channel's page, the consent page, YouTube's home page, or another."""
    channel = next((url for url in named if _CHANNEL_PATH.match(urlsplit(url).path)), None)
    if channel is not None:
        return f"the channel page {channel}"
    title_tag = soup.find("title")
    title = " ".join(title_tag.get_text().split())[:120] if title_tag is not None else ""
    if any(urlsplit(url).hostname == "consent.youtube.com" for url in named) or title.startswith("Before you continue"):
        return "YouTube's consent page"
    if any(urlsplit(url).path in ("", "/") for url in named):
        return "YouTube's home page (the video's URL redirected there)"
    return f"a page that names no video (its title: “{title}”)" if title else "a page that names no video"
