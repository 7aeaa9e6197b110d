"""oEmbed: one provider table for every platform that offers it, and the parsers for its answers.

X's oEmbed (publish.twitter.com) has no created_at field: the date and text are read from its `html`, which is
the same blockquote an article embeds, so the article detector reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from typing import Any
from urllib.parse import urlencode, urlsplit

from resolver import jsonparse
from resolver.fetch.records import Media, PostRecord
from resolver.platforms import bluesky, facebook, mastodon, reddit


@dataclass(frozen=True)
class Provider:
    platform: str
    endpoint: str                  # "{origin}" is replaced by the post's own origin (Mastodon instances)
    token: str | None = None       # name of the Settings field holding an access token, when one is needed
    # Where the token travels. The Graph API (graph.facebook.com) takes it as `Authorization: Bearer`, which keeps
    # it out of URLs, logs and WARC target URIs (#11); Threads' documentation shows only the query parameter, so
    # it stays there, and is redacted wherever the URL is kept.
    token_in: str = "query"        # "query" | "header"
    # Asked without the token when none is set: Meta lifted the token requirement of all its oEmbed APIs on June 15,
    # 2026 (its reference pages oembed-post, oembed-video, instagram-oembed: tokenless, up to 1,000 requests per
    # endpoint an hour, [limits] in budgets.DEFAULT_LIMITS); a token, when set, is still sent (newuser41a #4)
    token_optional: bool = False


@dataclass(frozen=True)
class Request:
    """One oEmbed request: the URL and the headers to send with it."""

    url: str
    headers: dict[str, str]


PROVIDERS: dict[str, Provider] = {
    "twitter": Provider("twitter", "https://publish.twitter.com/oembed"),
    "youtube": Provider("youtube", "https://www.youtube.com/oembed"),
    "vimeo": Provider("vimeo", "https://vimeo.com/api/oembed.json"),
    "tiktok": Provider("tiktok", "https://www.tiktok.com/oembed"),
    "reddit": Provider("reddit", "https://www.reddit.com/oembed"),
    "bluesky": Provider("bluesky", "https://embed.bsky.app/oembed"),
    "mastodon": Provider("mastodon", "{origin}/api/oembed"),
    "flickr": Provider("flickr", "https://www.flickr.com/services/oembed/"),
    "instagram": Provider("instagram", "https://graph.facebook.com/v16.0/instagram_oembed", token="meta_access_token",
                          token_in="header", token_optional=True),
    "facebook": Provider("facebook", "https://graph.facebook.com/v16.0/oembed_post", token="meta_access_token",
                         token_in="header", token_optional=True),
    "threads": Provider("threads", "https://graph.threads.net/v1.0/oembed", token="meta_access_token",
                        token_optional=True),
}
# Facebook's videos and reels have an oEmbed endpoint of their own (Graph API reference: oembed-video; the legacy
# oEmbed's URL schemes sent /<page>/videos/<id> and video.php to the video endpoint): a post's endpoint for a video
# answers for none (newuser41a #4: videos and reels were asked at oembed_post).
FACEBOOK_VIDEO_ENDPOINT = "https://graph.facebook.com/v16.0/oembed_video"
METHOD = "oembed"
# The platforms whose answer has no text field but an embed code in `html` that shows the post's words: Facebook's
# (Graph API oembed_post: no `title`; its `fb-post` code's <p>). Their text is the post's words (records.OEMBED_WORDS).
HTML_WORDS = frozenset({"facebook"})
# Bluesky's answer (bskyweb's embedr) has no `title` either: its `html` is the post's blockquote, with the words and
# the date, read only when the code names the post asked (`_bluesky_words`).
# The post Bluesky's embed code names: <blockquote class="bluesky-embed" data-bluesky-uri="at://<did>/...">.
BLUESKY_URI_RE = re.compile(r"""data-bluesky-uri\s*=\s*["']([^"']+)["']""")
# The handle ending Bluesky's `author_name`: "<display name> (@<handle>)" or "@<handle>" (bskyweb's embedr).
BLUESKY_AUTHOR_RE = re.compile(r"(?:\s\(@([^\s()@]+)\)|^@([^\s()@]+))\Z")
# The providers whose `author_name` is the account's user name, not a display name: Reddit's oEmbed answers the
# poster's "<name>" (the u/<name> of its card) and no `author_url` (platforms30).
USER_NAME_AUTHORS = frozenset({"reddit"})


# The article's own forms of an Instagram post's URL that Instagram's oEmbed schemes list besides /p/ (oEmbed's
# providers.json: instagram.com/reel/*, /tv/*; /reels/* is not listed, and is asked as /p/). TikTok's schemes list
# /video/ and nothing says its oEmbed answers /photo/: a photo post is asked as /video/ (fixleft46b).
SCHEME_FORMS = {"instagram": ("https://www.instagram.com/reel/", "https://www.instagram.com/tv/")}


def asked_url(platform: str, post_url: str, shown: str | None = None) -> str:
    """The post's URL to ask the provider about: the article's own form (`Target.shown`) where the provider's oEmbed
    schemes list it, else the canonical `post_url`."""
    return shown if shown and shown.startswith(SCHEME_FORMS.get(platform, ())) else post_url


def request(platform: str, post_url: str, *, access_token: str | None = None) -> Request:
    """The oEmbed request for a post URL: the token, when the provider needs one, in a header where the endpoint
    accepts one, else in the query."""
    provider = PROVIDERS[platform]
    if provider.token and access_token and provider.token_in == "header":
        return Request(request_url(platform, post_url), {"Authorization": f"Bearer {access_token}"})
    return Request(request_url(platform, post_url, access_token=access_token), {})


def request_url(platform: str, post_url: str, *, access_token: str | None = None) -> str:
    """The oEmbed request for a post URL. Tokens travel in the query only for the providers that require them."""
    provider = PROVIDERS[platform]
    split = urlsplit(post_url)
    endpoint = provider.endpoint.replace("{origin}", f"{split.scheme}://{split.netloc}")
    if platform == "facebook" and (ref := facebook.parse(post_url)) is not None and ref.kind == "video":
        endpoint = FACEBOOK_VIDEO_ENDPOINT
    params: dict[str, str] = {"url": post_url, "format": "json"}
    if platform == "twitter":
        params.update({"omit_script": "1", "dnt": "true"})
    if provider.token and access_token:
        params["access_token"] = access_token
    return f"{endpoint}?{urlencode(params)}"


def _record(platform: str, post_id: str, url: str, status: str, reason: str | None = None, **fields: Any) -> PostRecord:
    return PostRecord(platform=platform, post_id=post_id, url=url, status=status, method=METHOD, reason=reason, **fields)


def parse(platform: str, post_id: str, url: str, status: int | None, content_type: str, body: bytes) -> PostRecord:
    """A PostRecord from one oEmbed answer. 404 is not found; 401/403 mean private or not embeddable."""
    if status == 404:
        return _record(platform, post_id, url, "not_found", "oEmbed answered 404")
    if status in (401, 403) and platform == "twitter":
        return _record(platform, post_id, url, "protected", f"oEmbed answered {status} (private, protected or "
                                                            "not embeddable)")
    if platform in GRAPH_PLATFORMS and status is not None and 400 <= status < 500 \
            and _graph_code(body) in GRAPH_RATE_LIMITS:
        # Graph's rate limits come as a 4xx and its error object, no 429: passing, asked again by the next run, never a
        # lasting refusal kept for error_ttl (review42a: a tokenless run past 1,000 an hour kept every later post a day)
        return _record(platform, post_id, url, "error", f"{RATE_LIMITED} ({_refusal(platform, status, body)[2:]})")
    if status in (401, 403) and platform in GRAPH_PLATFORMS and (said := _refusal(platform, status, body)):
        # Graph refusing the caller (code 10: no permission; 4, 613: rate limits), in its own words: nothing it says of
        # the post (review42a: read as YouTube's 401, "private, or its owner turned embedding off")
        return _record(platform, post_id, url, "error", f"oEmbed answered HTTP {status}{said}")
    if status in (401, 403):
        # YouTube answers 401 for a public video whose owner turned embedding off as for a private one
        return _record(platform, post_id, url, "unknown", f"oEmbed answered {status}: private, or its owner turned "
                                                          "embedding off (not known which)")
    if status == 429:
        return _record(platform, post_id, url, "error", f"{RATE_LIMITED} (429)")
    if status is None or not 200 <= status < 300:
        return _record(platform, post_id, url, "error", f"oEmbed answered HTTP {status}" + _refusal(platform, status,
                                                                                                      body))
    if "json" not in content_type.lower():
        # A host asked at its own origin (Mastodon's /api/oembed) that answers a page gave an answer, no oEmbed one: it
        # says nothing of a post, which is not known, and no error of the host (identity33, #15: it was stored as an
        # `error`, and the views said so where the report said "not confirmed as a post")
        return _record(platform, post_id, url, "unknown" if PROVIDERS[platform].endpoint.startswith("{origin}")
                       else "error", f"oEmbed answered {content_type or 'no content type'}, not JSON")
    try:
        data = jsonparse.loads(body)
    except ValueError as exc:
        return _record(platform, post_id, url, "error", f"oEmbed sent malformed JSON: {exc}")
    if not isinstance(data, dict):
        return _record(platform, post_id, url, "error", "oEmbed answer is not a JSON object")
    if "type" not in data:   # the spec's required field: without it, an error object, not the post's embed
        return _record(platform, post_id, url, "unknown",
                       f"oEmbed answered an object with keys {', '.join(sorted(data)[:5])}, not an embed")
    if platform == "twitter":
        return _twitter(post_id, url, data)
    author_url = data.get("author_url") or ""
    handle = _string(data.get("author_unique_id")) or _handle_from(platform, _string(author_url) or "")
    name = _string(data.get("author_name"))
    if platform == "reddit" and (gone := reddit.gone_said(name, _string(data.get("title")))) is not None:
        # a thread its author deleted, or its moderators removed, said so; its author alone "[deleted]" (the thread
        # may be up, the account gone: "unknown", the lead), never plainly "available" (newuser46c #2: "available", its Author row "[deleted]", no word "deleted" anywhere); its
        # captures are then read (wayback.READ_WHEN), as a gone post's are
        title = _string(data.get("title"))
        return _record(platform, post_id, url, gone[0], gone[1],
                       text=title if title and not reddit.placeholder(title) else None)
    if platform in USER_NAME_AUTHORS and handle is None and name and reddit.NAME.match(name):
        # only a user name is one: an account deleted since is "[deleted]", no other author (review30r3)
        handle, name = name, None
    if name and handle and name.lstrip("@").casefold() == handle.casefold():
        name = None   # the user name again (Instagram's answer), no display name to compare with the article's
    author_id = None
    if platform == "instagram":
        handle, name = _instagram_author(post_id, handle, name, _string(data.get("html")) or "")
    if platform == "bluesky":
        handle, name, author_id = _bluesky_author(post_id, handle, name, _string(data.get("html")) or "")
    if platform == "threads":
        named = _threads_post(_string(data.get("html")) or "")
        if named is not None and named[0] != post_id:   # another post's code: what it says is not this post's
            return _record(platform, post_id, url, "unknown", f"oEmbed answered with the embed code of post "
                                                              f"{named[0]}, not {post_id}")
        handle = handle or (named[1] if named is not None else None)
    thumbnail = data.get("thumbnail_url")
    media = (Media(url=thumbnail, type="thumbnail", width=_int(data.get("thumbnail_width")),
                   height=_int(data.get("thumbnail_height"))),) if isinstance(thumbnail, str) else ()
    text = _embed_code_words(platform, post_id, _string(data.get("html")) or "") if platform in HTML_WORDS \
        else _string(data.get("title"))
    created_at = lang = None
    if platform == "bluesky" and author_id is not None \
            and _bluesky_did(post_id, _string(data.get("html")) or "") == author_id:
        # the code is this post's (its record key, and its account's DID tied to the answer's): its words and its
        # day, as the article's embed code is read (newuser40a #3: neither was read, every quote and date "skip").
        # A DID kept from `author_url` alone is the account's, not the code's: a code of another of its posts (another
        # key) showed that post's words and day as this one's (review41a)
        text, created_at, lang = _bluesky_words(_string(data.get("html")) or "")
    return _record(platform, post_id, url, "available", author_name=name, author_handle=handle, author_id=author_id,
                   text=text, created_at=created_at, lang=lang, media=media)


# The platforms whose oEmbed is Meta's Graph API, whose error answers are {"error": {"message", "type", "code", …}}
GRAPH_PLATFORMS = frozenset({"instagram", "facebook", "threads"})
REFUSED_UNSAID = "removed, private or restricted, or a URL it cannot read: not known which"
TIKTOK_REFUSAL = "TikTok answers so for a video it will not give"
META_REFUSAL = "Meta answers so for a post it will not embed"
# Graph's error codes of its rate limits (its rate-limiting reference: 4 the app's, 17 a user's, 32 a page's, 613 a
# custom one), which it answers with a 4xx, not 429
GRAPH_RATE_LIMITS = frozenset({4, 17, 32, 613})
# How a rate-limited answer's reason begins: a passing error, never a lasting refusal (fetch._lasting_error)
RATE_LIMITED = "rate-limited by the oEmbed endpoint"


def _graph_code(body: bytes) -> int | None:
    """The code of Graph's error object in an answer's body, or None."""
    try:
        data = jsonparse.loads(body) if body else None
    except ValueError:
        return None
    error = data.get("error") if isinstance(data, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    return code if isinstance(code, int) and not isinstance(code, bool) else None


def _refusal(platform: str, status: int | None, body: bytes) -> str:
    """What a platform's refusal says, in its own words, and what it is known to mean (newuser41a #7: "oEmbed answered
    HTTP 400" alone). TikTok answers 400 {"code": 400, "message": "Something went wrong"} for a video it will not give,
    and documents no meaning; Graph's error object names its code and message (code 100, an invalid parameter, for a
    post it will not embed). "" when the answer holds no such words."""
    if status is None or not 400 <= status < 500 or not body:
        return ""
    try:
        data = jsonparse.loads(body)
    except ValueError:
        return ""
    if not isinstance(data, dict):
        return ""
    if platform in GRAPH_PLATFORMS and isinstance(data.get("error"), dict):
        error = data["error"]
        code, message = error.get("code"), _said(error.get("message"))
        said = f": Graph's error {code}" if isinstance(code, int) else ": Graph's error"
        said += f" “{message}”" if message else ""
        return said + (f" ({META_REFUSAL}: {REFUSED_UNSAID})" if code == 100 else "")
    if platform == "tiktok" and status == 400:
        message = _said(data.get("message"))
        return (f": “{message}”" if message else "") + f" ({TIKTOK_REFUSAL}: {REFUSED_UNSAID}, or a fault of its own)"
    return ""


def refused(record: PostRecord | dict[str, Any]) -> bool:
    """Whether the record (or a report's post) is TikTok's refusal to give a video (its oEmbed's 400, said by
    `_refusal`), or Meta's to embed an Instagram post (Graph's error 100): an error, kept for `error_ttl`, whose post
    may be removed or private, so its archived copies are read (fixleft43a; fixnu45b: an Instagram post's too)."""
    platform, status, reason = (record.get("platform"), record.get("status"), record.get("reason")) \
        if isinstance(record, dict) else (record.platform, record.status, record.reason)
    said = TIKTOK_REFUSAL if platform == "tiktok" else META_REFUSAL if platform == "instagram" else None
    return said is not None and status == "error" and said in (reason or "")


def _said(value: Any) -> str | None:
    """A platform's message, on one line and cut short (it is quoted, not read)."""
    if not isinstance(value, str) or not value.strip():
        return None
    line = " ".join(value.split())
    return line if len(line) <= 200 else line[:199] + "…"


def _bluesky_author(post_id: str, named: str | None, author_name: str | None,
                    html: str) -> tuple[str | None, str | None, str | None]:
    """(handle, display name, DID) of a Bluesky answer. `author_url` names the account by handle or by DID (the
    form every embed code links): a DID is the account's id, never a handle, and the handle is then the "(@handle)"
    tail of `author_name` (newuser31 #3). The DID is the embed code's (`_bluesky_did`) or `author_url`'s, kept only
    when the two do not disagree and it is the asked post's account when the post was asked by DID."""
    from_code = _bluesky_did(post_id, html)
    if named is None or not bluesky.is_did(named):
        return named, _bluesky_name(author_name, named), from_code
    handle = _bluesky_tail(author_name)
    asked = bluesky.split_post_id(post_id)
    tied = from_code in (None, named) and (asked is None or not bluesky.is_did(asked[0]) or asked[0] == named)
    return handle, _bluesky_name(author_name, handle) if handle else author_name, named if tied else None


def _instagram_author(post_id: str, handle: str | None, author_name: str | None,
                      html: str) -> tuple[str | None, str | None]:
    """(handle, display name) of an Instagram answer. Its embed code's "A post shared by Name (@handle)" line names
    both, read as the article's embed code is (only when the code is this post's); else `author_name`, Instagram's
    user name (no display name), is the handle. Neither was read: the author check skipped, "the source names no
    author", where the article's embed code named another account (newuser39a §5). Meta's 2025 answer has no
    `author_name`: the line is then the only author."""
    from resolver.extract.html import scan
    from resolver.platforms import instagram

    embed = next((e for e in scan(html)[0] if e.platform == "instagram"), None) if "shared by" in html else None
    if embed is not None and embed.post_id == post_id and embed.author_handle:
        return embed.author_handle, embed.author_name
    if handle is None and author_name and instagram.USER.match(author_name.lstrip("@")):
        return author_name.lstrip("@"), None
    return handle, author_name


def _threads_post(html: str) -> tuple[str, str | None] | None:
    """(shortcode, author's user name) of the post Threads' embed code names: its `data-text-post-permalink`
    (https://www.threads.net/@<user>/post/<code>), read as the article's embed code is. Threads' oEmbed answer has
    no author field (html, provider_name, provider_url, type, version, width): the permalink is the only place it
    names the post's author, and a link naming another user was credited to that user (newuser40a #1). None when
    the answer holds no Threads embed code."""
    if "text-post-media" not in html:
        return None
    from resolver.extract.html import scan

    embed = next((e for e in scan(html)[0] if e.platform == "threads" and e.post_id), None)
    return (embed.post_id, embed.author_handle) if embed is not None and embed.post_id else None


def _bluesky_tail(author_name: str | None) -> str | None:
    """The handle Bluesky's `author_name` ends with: "<display name> (@<handle>)", or "@<handle>" alone. The last
    parenthesis, as the display name (the account's own words) comes first and may hold one too."""
    found = BLUESKY_AUTHOR_RE.search(author_name or "")
    handle = found.group(1) or found.group(2) if found else None
    return handle if handle and bluesky.ACTOR.match(handle) and not bluesky.is_did(handle) else None


def _bluesky_did(post_id: str, html: str) -> str | None:
    """The DID of the account whose post the answer's embed code names (`data-bluesky-uri`, at://<did>/...): the
    account's lasting id, which ties it to the handle of `author_url` (urlforms31). Only when the code names this
    post: its record key, and its DID when the post was asked by DID."""
    found = BLUESKY_URI_RE.search(html)
    ref = bluesky.parse(unescape(found.group(1))) if found else None
    named = bluesky.split_post_id(ref.post_id or "") if ref is not None else None
    asked = bluesky.split_post_id(post_id)
    if named is None or asked is None or not named[0].startswith("did:") or named[1] != asked[1]:
        return None
    return named[0] if not asked[0].startswith("did:") or asked[0] == named[0] else None


def _embed_code_words(platform: str, post_id: str, html: str) -> str | None:
    """The post's words in the embed code an answer's `html` holds, read as the article's embed code is; None when
    it shows none, or shows another post (its words are not this post's)."""
    from resolver.extract.html import scan

    embed = next((e for e in scan(html)[0] if e.platform == platform), None)
    return embed.text if embed is not None and embed.post_id == post_id else None


def _bluesky_words(html: str) -> tuple[str | None, str | None, str | None]:
    """(words, day, language) Bluesky's embed code shows: its <p>, and its date link read as a day only ("March 10,
    2026 at 9:14 AM" names no zone: a day, never a time, as X's oEmbed date)."""
    from resolver.extract.html import scan

    embed = next((e for e in scan(html)[0] if e.platform == "bluesky"), None)
    return (embed.text, embed.date, embed.lang) if embed is not None else (None, None, None)


def _twitter(post_id: str, url: str, data: dict[str, Any]) -> PostRecord:
    from resolver.extract.html import scan
    from resolver.platforms.x import parse_url, status_url

    embeds, _ = scan(_string(data.get("html")) or "")
    embed = next((e for e in embeds if e.platform == "twitter"), None)
    answered = embed.post_id if embed is not None and embed.post_id else post_id
    if answered != post_id:   # another post: what it says is not what this post says
        return PostRecord(platform="twitter", post_id=post_id, url=url, status="unknown", method=METHOD,
                          reason=f"oEmbed answered with post {answered}, not {post_id}")
    author = parse_url(_string(data.get("author_url")) or "")
    handle = (author.author_handle if author else None) or (embed.author_handle if embed else None)
    return PostRecord(
        platform="twitter", post_id=post_id, url=status_url(post_id, handle), status="available", method=METHOD,
        author_handle=handle, author_name=_string(data.get("author_name")),
        text=embed.text if embed else None, lang=embed.lang if embed else None,
        # oEmbed gives only the day, as the embed prints it; kept as a date, never as a time.
        created_at=embed.date if embed else None,
    )


def _handle_from(platform: str, author_url: str) -> str | None:
    """The author's handle in an answer's `author_url`, in the form the platform's URL parser writes it: a Mastodon
    account qualified with its instance (newuser29 §1), a YouTube channel's @handle only, else the URL's last path
    segment."""
    if platform == "mastodon":
        return mastodon.account_handle(author_url)
    parts = [p for p in urlsplit(author_url).path.split("/") if p]
    if platform == "youtube":   # a channel's /@handle; /channel/<id> and a legacy /user/<name> name none (platforms30)
        return parts[0][1:] or None if len(parts) == 1 and parts[0].startswith("@") else None
    return parts[-1].lstrip("@") if parts else None


def _bluesky_name(author_name: str | None, handle: str | None) -> str | None:
    """The display name in Bluesky's `author_name`, which its oEmbed writes "<display name> (@<handle>)", or
    "@<handle>" for an account with none (bluesky-social/social-app, bskyweb/cmd/embedr): the tail cut only when it is
    the post's own handle, so a name is shown once and compared as a name (newuser29 §2)."""
    if author_name is None or not handle:
        return author_name
    if author_name == f"@{handle}":
        return None
    tail = f" (@{handle})"
    return (author_name[: -len(tail)].strip() or None) if author_name.endswith(tail) else author_name


def _string(value: Any) -> str | None:
    """A field's value when it is a non-empty string (an answer is read, never trusted to have the types it should)."""
    return value if isinstance(value, str) and value.strip() else None


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):   # 1e400 and Infinity read as infinity (review30n)
        return None
