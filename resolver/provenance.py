"""The provenance report's content: every embed with what the article says and what the sources say, each fact
tied to the recorded fetch behind it (method, UTC time, fetch-log id, body sha256), and consistency checks.

Pure over an article's result (pipeline.ArticleResult: its resolutions, posts, archives and credited images) and
the store's records. Renderers (Markdown, JSON, HTML) live in report.py; the JSON form is described by
schema/report.schema.json.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from datetime import datetime
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from resolver import __version__, platforms, quotes
from resolver.errors import NOT_CHECKED as NOT_CHECKED_BY_CONFIG, not_mapped_words, refused_by_config
from resolver.archive import (SECRET_NOT_SENT, WITHHELD, Takes, carried_secret, lookup_error, looked_up, not_replayed,
                              of_the_same_post, replay_miss)
from resolver.fetch import MediaFile, atproto
from resolver.fetch.oembed import METHOD as OEMBED
from resolver.fetch.records import ARCHIVED_COPY, TITLE, json_text_kind, link_map
from resolver.fetch.wayback import NOT_LOOKED_UP, READ_WHEN, captured_at, differences, where_looked
from resolver.identify import NOT_CHECKED   # an identification that looked at nothing (offline, a failed listing)
from resolver.placeholders import is_placeholder, real, without_lead
from resolver.model import unsettles_checks, unshown
from resolver.platforms import bluesky, mastodon, reddit, x
from resolver.redact import NO_SECRETS, Redactor
from resolver.settings import origin_of

if TYPE_CHECKING:
    from cache import Store
    from resolver.archive import ArchivedUrl
    from resolver.article import Article
    from resolver.extract.incomplete import FailedStep
    from resolver.extract.published import Published
    from resolver.fetch import FetchedPost
    from resolver.fetch.records import PostRecord
    from resolver.identify import Identification
    from resolver.model import Embed
    from resolver.pipeline import ArticleResult
    from resolver.session import Session

SCHEMA = "https://github.com/embed-resolver/embed-resolver/schema/report.schema.json"
GONE = ("deleted", "suspended", "not_found", "protected", "withheld", "age_restricted")
QUOTE_CHARS = 600
NO_ARCHIVE_LOOKUP = "offline: no archive lookup was made; snapshots shown are the ones already in the cache"


def quote(article: Article, span: list[int] | tuple[int, int], redactor: Redactor | None = None) -> str:
    """The article's own rendering of an embed: its span as text (tags stripped from HTML), shortened; a configured
    secret in it redacted before it is cut (a scraped tweet's t.co link carrying a token, review27a #2)."""
    start, end = span
    raw = article.text[start:end]
    if article.kind == "html":
        raw = re.sub(r"<script\b.*?</script>|<style\b.*?</style>", " ", raw, flags=re.S | re.I)
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    text = " ".join(raw.split())
    if redactor is not None:
        text = redactor.shown(text)
    words = without_lead(text)
    if text and is_placeholder(words):
        # Instagram's embed code says "View this post on Instagram A post shared by …" until its script runs:
        # no words of the post, and the report quoted them as the article's rendering (newuser27 §10).
        return PLACEHOLDER_QUOTE.format(shown=_shortened(text, QUOTE_CHARS - len(PLACEHOLDER_QUOTE)))
    return _shortened(words, QUOTE_CHARS)


PLACEHOLDER_QUOTE = "(the page shows a placeholder here, not the post's words: “{shown}”)"


def _placeholder_shown(quoted: str) -> str | None:
    """The placeholder's words in a quote `quote()` marked as one (extraction left the embed's text null)."""
    before, after = PLACEHOLDER_QUOTE.split("{shown}")
    return quoted[len(before):-len(after)] if quoted.startswith(before) and quoted.endswith(after) else None


def _shortened(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def check(name: str, result: str, evidence: str, changes: list[str] | None = None) -> dict[str, Any]:
    """One check: pass / warn / fail / skip, its evidence in words, and each word changed (`post → article`)."""
    found: dict[str, Any] = {"name": name, "result": result, "evidence": evidence}
    if changes:
        found["changes"] = changes
    return found


def _day(value: str | None) -> str | None:
    return value[:10] if value else None


def _days_apart(a: str, b: str) -> int:
    from datetime import date

    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


# The inhabited time zones, in minutes from UTC: UTC-11:00 to UTC+14:00, on quarter hours, but not every quarter
# hour (no one lives at UTC+00:30 or UTC+10:45; newuser28b). An embed code dates a post in its maker's zone (UTC-12
# has no one to make one). The offsets in use in the tz database, standard and daylight saving time.
INHABITED_ZONES = tuple(sorted(
    [h * 60 for h in range(-11, 15)] + [-9 * 60 - 30, -3 * 60 - 30, -2 * 60 - 30, 3 * 60 + 30, 4 * 60 + 30,
                                        5 * 60 + 30, 5 * 60 + 45, 6 * 60 + 30, 8 * 60 + 45, 9 * 60 + 30,
                                        10 * 60 + 30, 12 * 60 + 45, 13 * 60 + 45]))
ZONE_STEP = 15


def _day_verdict(said: str, created: str) -> tuple[str, str] | None:
    """(result, what to add to the evidence) for the article's date against a post's creation: the same day passes;
    another day passes only if some inhabited time zone's local date at that moment is the article's (named: "in
    time zones from UTC+01 to UTC+14"), else fails. A creation known to the day only: one day apart warns, as no
    zone can be ruled out. None when `created` is no ISO date."""
    from datetime import date, datetime, timedelta, timezone

    try:
        apart = _days_apart(said, created[:10])
        moment = datetime.fromisoformat(created.replace("Z", "+00:00")) if len(created) > 10 else None
    except ValueError:
        return None
    if apart == 0:
        return "pass", ""
    if moment is None:
        return ("warn", " (one day apart: a time zone?)") if apart == 1 else ("fail", "")
    moment = moment.astimezone(timezone.utc) if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    start = datetime.combine(date.fromisoformat(said), datetime.min.time(), timezone.utc)
    # local = moment + offset falls on the article's day for offsets in [start - moment, start + 1 day - moment):
    # the quarter hours in it, of the zones in use
    low = -((moment - start) // timedelta(minutes=ZONE_STEP)) * ZONE_STEP
    high = -((moment - start - timedelta(days=1)) // timedelta(minutes=ZONE_STEP)) * ZONE_STEP - ZONE_STEP
    zones = [zone for zone in INHABITED_ZONES if low <= zone <= high]
    if not zones:
        return "fail", ""
    return "pass", f" (the article's date there in time zones from {_zone(zones[0])} to {_zone(zones[-1])})"


def minted_that_day(said: str | None, post_id: str, platform: str = x.PLATFORM) -> bool:
    """Whether an X post id (or a Bluesky post's TID key, a Mastodon snowflake) may have been minted on the day `said` (ISO) in some
    inhabited time zone, as the snowflake-date check has it; True when the day or the id's time is not known, or the
    platform's ids tell none (nothing rules it out)."""
    minted = bluesky.tid_time(post_id) if platform == bluesky.PLATFORM else \
        mastodon.id_time(post_id) if platform == mastodon.PLATFORM else \
        x.snowflake_time(post_id) if platform == x.PLATFORM else None
    if not said or minted is None:
        return True
    verdict = _day_verdict(said, minted.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return verdict is None or verdict[0] != "fail"


def another_post(post_id: str, handle: str | None) -> str:
    """How evidence names a post a link leads to that is not the one in question: "@town_hall's post 1503… of
    2022-03-14" (the day its id was minted, UTC)."""
    minted = x.snowflake_time(post_id)
    return (f"@{handle}'s post" if handle else "post") + f" {post_id}" + \
        (f" of {minted.strftime('%Y-%m-%d')}" if minted else "")


def _zone(minutes: int) -> str:
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'-' if minutes < 0 else '+'}{hours:02d}" + (f":{rest:02d}" if rest else "")


def said_by_post(post: dict[str, Any] | None) -> tuple[dict[str, Any] | None, str]:
    """What the post said, to hold the article against: the live record when the post is available (or withheld
    in some countries, with its text), else the earliest archived copy that holds its text (#9 §2), else the last
    recorded answer that showed it available (`last_available`, newuser31 #1); and how evidence names a capture or
    that answer ("" for live)."""
    if post is None:
        return None, ""
    # A post withheld in some countries is whole elsewhere: the X API gives its text with the country codes.
    if post["status"] == "available" or post["status"] == "withheld" and post.get("text"):
        return post, ""
    copy = next((c for c in post.get("archived") or [] if c["status"] == ARCHIVED_COPY and c.get("text")), None)
    if copy is not None:
        return copy, f"per the capture of {_utc(copy['captured_at'])}"
    seen = post.get("last_available")
    if seen is None:
        return None, ""
    # The tool's own answer from before the post went: the verdict rests on that earlier observation, and says so
    # (newuser31 #1: a misquote's fail became "no available post text" once the post was deleted).
    return seen, f"{last_seen(seen)} (now: {STATUS_WORDS.get(post['status'], (post['status'],))[0]})"


def said_kind(post: dict[str, Any] | None, found: dict[str, Any] | None) -> str | None:
    """What the text `said_by_post` found is: "title" (an oEmbed title, not the post's words) or "text". The live
    answer's is read from its method; a capture's or a gone post's last answer's is the kind its record gave
    (review31r3: a gone post's last oEmbed title was compared as its words, and failed a right caption)."""
    if found is None:
        return None
    return json_text_kind(found) if found is post else found.get("text_kind")


def seen_edit(post: dict[str, Any] | None, found: dict[str, Any] | None) -> str | None:
    """The id of the edit a gone post's last recorded answer (`last_available`, when the checks rest on it) was: its
    words and time are that edit's, not what an article could quote before it; None otherwise."""
    seen: dict[str, Any] | None = post.get("last_available") if post is not None else None
    if post is None or seen is None:
        return None
    if found is not seen:
        return None
    edits = seen.get("edits") or []
    return edits[-1] if edits and edits[-1] != post["post_id"] and seen.get("method") not in ASKED_VERSION \
        and not seen.get("stale_edit") else None


SEEN_EDIT = ("; that answer was an edit of this post ({edit}): the article may quote an earlier version, which no "
             "answer read holds, so this is no fail")


def seen_versions(post: dict[str, Any] | None, found: dict[str, Any] | None) -> list[str]:
    """The other versions a gone post's last recorded answer (`last_available`, when the checks rest on it) lists
    beside the one it holds, when it holds this post's own words (an edit asked for by its own id lists those before
    it, edits31; the X API's lists those after too): an article may quote one of them (review31r3). [] otherwise."""
    seen: dict[str, Any] | None = post.get("last_available") if post is not None else None
    if post is None or seen is None or found is not seen or seen_edit(post, found):
        return []
    return [i for i in seen.get("edits") or [] if i != post["post_id"]]


SEEN_VERSIONS = ("; that answer lists other versions of this post ({ids}): the article may quote one, whose words no "
                 "answer read holds, so this is no fail")


def last_seen(seen: dict[str, Any]) -> str:
    """How evidence names the last recorded answer that showed a post available: "per syndication fetch #1 of
    2026-11-29T14:39:30Z, when the post was last seen available"."""
    when = seen.get("fetched_at") or seen.get("observed_at")
    at = f"{when[:19]}Z" if when else (seen.get("answered_at_unknown") or "a time not known")
    return f"per {seen['method']} fetch #{seen['fetch_id']} of {at}, when the post was last seen available"


def _utc(value: str) -> str:
    """'2021-05-03T09:12:40.123456Z' -> '2021-05-03T09:12:40Z': to the second, in the one form (ISO 8601, Z) a report
    gives every time in (newuser38a F11: "capture of 2024-03-07 08:15:00 UTC" beside "2024-03-07T08:15:00Z")."""
    return value.replace(" ", "T").removesuffix("Z").removesuffix(" UTC")[:19] + "Z"


def _per(source: str, evidence: str) -> str:
    return f"{source}: {evidence}" if source else evidence


def author_check(embed: dict[str, Any], post: dict[str, Any] | None, *, store: Store | None = None,
                 guess: Guess | None = None, credited: tuple[str, str] | None = None,
                 credited_title: str | None = None) -> dict[str, Any]:
    """`guess`: the article's encoding, guessed unsure (`unsure_guess`): a name that differs only in letters beyond
    ASCII may be the guess's, not a name changed (review37b). `credited`: (name, line) of a video's credit line the
    article writes after its embed, `credited_title`: the title its embed code gives it (`video_credit`). A forward's
    check says whose words they are, and passes no more: the account that posted it is not their author
    (newuser44a #4: a Ukrainian channel's forward of a Russian one's post passed as the Ukrainian channel's words)."""
    checked = _author_check(embed, post, store=store, guess=guess, credited=credited, credited_title=credited_title)
    said, _ = said_by_post(post)
    if said is None:
        return checked
    from resolver.fetch.telegram import forward_said

    forward = forward_said(said.get("references") or (), (said.get("author") or {}).get("handle"))
    if forward is None:
        return checked
    result = "warn" if checked["result"] in ("pass", "skip") else checked["result"]
    # the account is who posted it, not the words' author: said so, where "the post's author" would say otherwise
    evidence = checked["evidence"].replace("the post's author", "the account that posted it")
    return {**checked, "result": result, "evidence": f"the post is {forward}, not its own; {evidence}"}


def _author_check(embed: dict[str, Any], post: dict[str, Any] | None, *, store: Store | None = None,
                  guess: Guess | None = None, credited: tuple[str, str] | None = None,
                  credited_title: str | None = None) -> dict[str, Any]:
    said, source = said_by_post(post)
    if said is None:
        return check("author", "skip", "no available post or archived copy to compare with")
    if post is not None and post.get("platform") == bluesky.PLATFORM:
        by_account = _bluesky_account_check(embed, said, source, post, store)
        if by_account is not None:
            return by_account
    if not said["author"]["handle"]:   # Threads' oEmbed names nobody: the post is there, its author not said
        return check("author", "skip", _per(source, "the source names no author of this post"))
    found = said["author"]["handle"]
    if not embed.get("author_handle"):
        if credited is not None:
            return _credited_video_check(credited, said, source)
        return check("author", "skip", _per(source, f"the article names no handle; the post's author is @{found}"
                                                    + _titled(credited_title, said)))
    if _page_number(embed["author_handle"], found, post):
        return check("author", "skip", _per(source, f"the article's URL names the page by its number "
                                                    f"({embed['author_handle']}), the source by its name @{found}: "
                                                    "not comparable"))
    if embed["author_handle"].casefold() != found.casefold():
        checked = _handle_check(embed["author_handle"], said, source, post, store, name=real(embed.get("author_name")))
        if embed.get("detector") in LINKS:   # the handle is the URL's, not words of the article's (newuser34 #2)
            checked["evidence"] = checked["evidence"].replace("article says @", "the link's URL names @", 1)
        return checked
    if embed.get("detector") in LINKS:
        return _link_author_check(embed, said, source)
    name, found_name = real(embed.get("author_name")), said["author"]["name"]
    if name and found_name:
        compared = quotes.compare_names(name, found_name)
        if compared.result != "pass":
            doubt = read_otherwise(name, found_name, compared, guess, what="name", compare=quotes.compare_names) \
                if guess is not None else None
            return check("author", "warn", _per(source, f"handle @{found} matches; {compared.evidence}"
                                                        + (doubt or " (names change)")),
                         [str(c) for c in compared.changes])
    return check("author", "pass", _per(source, f"@{found}" + (f" ({found_name})" if found_name else "")))


# A video's credit line just after its embed: "Video: Riverton Fire Department / YouTube", "(Footage: Jane Roe via
# YouTube)", "Video by Jane Roe", "Video credit: Jane Roe". The name runs to its platform, a bar or the line's end; a
# bare "Video: …" names a credit only with its platform after it (else it may be a caption: "Video: the meeting").
_ON_YOUTUBE = r"\s*(?:/|\||\bvia\b|\bon\b)\s*youtube\b.*"
CREDIT_LINE_RE = re.compile(r"^\W{0,3}(?:video|footage|clip)\s*(?:"
                            rf"(?::\s*(?P<name>[^/|()\n]{{2,80}}?){_ON_YOUTUBE})"
                            r"|(?:(?:credit\s*:|by\b|courtesy\s+of\b)\s*(?P<named>[^/|()\n]{2,80}?)"
                            rf"(?:{_ON_YOUTUBE}|\)?\W*))"
                            r")$", re.I)
# An iframe title that names nothing (YouTube's own embed code, WordPress' fallbacks).
GENERIC_TITLES = frozenset({"", "youtube video player", "youtube", "youtube video", "video", "embedded video",
                            "embedded content", "video player", "iframe"})
BLOCK_TAGS_RE = re.compile(r"</?(?:p|div|br|li|figcaption|figure|h\d|section|article|blockquote|iframe|tr|td)\b[^>]*>",
                           re.I)

# Where the next embed begins: a credit line after it is its own, not the video's before it.
NEXT_EMBED_RE = re.compile(r"<(?:iframe|blockquote|lite-youtube|video|embed|object)\b", re.I)


def video_credit(article: Article, span: Sequence[int]) -> tuple[tuple[str, str] | None, str | None]:
    """What an article says of a video it embeds, beside its URL: ((name, line) of a credit line in the first line
    after the embed, or None; the title its iframe gives, or None). WordPress writes the video's title in the iframe's
    `title` (newuser41a #6: a re-upload's channel was never set against the channel the article credits)."""
    start, end = span
    tag = article.text[start:end]
    title = None
    if article.kind == "html":
        found = re.match(r"<iframe\b[^>]*?\stitle\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", tag, re.I)
        shown = " ".join(html.unescape(found.group(1) or found.group(2) or "").split()) if found else ""
        title = shown if shown.casefold() not in GENERIC_TITLES else None
    after = article.text[end:end + 600]
    if article.kind == "html":
        if (other := NEXT_EMBED_RE.search(after)) is not None:   # a line after the next embed is that one's (review42a)
            after = after[:other.start()]
        after = html.unescape(re.sub(r"<[^>]+>", " ", BLOCK_TAGS_RE.sub("\n", after)))
    line = next((" ".join(ln.split()) for ln in after.split("\n") if ln.strip()), "")
    credit = CREDIT_LINE_RE.match(line)
    name = (credit.group("name") or credit.group("named")).strip(" .,;:-") if credit else ""
    if credit and not credit.group("name") and not _name_like(name):   # "Video by the … shows flames": a caption
        name = ""
    return ((name, line) if name else None), title


# The words in lower case a name may hold ("the Sheriff", "Jane Roe via Storyful", "Jane Roe's YouTube channel")
NAME_LOWER_WORDS = frozenset({"of", "the", "and", "de", "la", "le", "du", "des", "von", "van", "der", "y", "e", "via",
                              "for", "at", "on", "youtube", "channel", "video", "videos"})


def _name_like(name: str) -> bool:
    """Whether words after "Video by" are a name, not a sentence going on ("the department shows flames near Route 9",
    review42a): every word capitalised (or in no cased script), or one of the few lower-case words a name holds."""
    return all(not word[0].islower() or word.casefold().rstrip("'’s") in NAME_LOWER_WORDS
               or word.casefold() in NAME_LOWER_WORDS for word in name.split())


def _titled(title: str | None, said: dict[str, Any]) -> str:
    """The title the article's embed code gives a video, beside the title its answer gives, when the two differ."""
    theirs = said.get("text") if (said.get("text_kind") or json_text_kind(said)) == TITLE else None
    if not title or theirs is None or " ".join(str(theirs).split()).casefold() == title.casefold():
        return ""
    return f"; the article's embed code titles the video “{title}”, the source titles it “{theirs}”"


def _credited_video_check(credited: tuple[str, str], said: dict[str, Any], source: str) -> dict[str, Any]:
    """A video the article credits by name (a credit line, no handle) against the channel its source names: a warn at
    most, a display name alone being no proof (a channel may be named otherwise than its owner)."""
    name, line = credited
    handle, found_name = said["author"]["handle"], said["author"]["name"]
    author = f"@{handle}" + (f" ({found_name})" if found_name else "")
    words = [w for w in _name_words(name)
             if w not in TITLES and w not in NAME_LINKS and w not in VIDEO_PLATFORM_WORDS and len(w) > 1]
    if not words:   # "Video courtesy of the Sheriff": nothing to weigh, no pass (review42a: it passed, any channel)
        return check("author", "skip", _per(source, f"the article credits “{name}” (“{line}”), which names no one the "
                                                    f"check can hold against the video's channel, {author}"))
    missing = [w for w in words if not _names_author(w, handle, found_name)]
    if missing:   # a channel sharing one word of the name ("Riverton") is not the credited channel (lead, stop 41)
        some = "" if len(missing) == len(words) else f"its name or handle holds none of {', '.join(missing)}: "
        return check("author", "warn", _per(source, f"the article credits “{name}” (“{line}”); the video's channel is "
                                                    f"{author}: {some}it may be a re-upload, not the credited "
                                                    "channel's (a name only, no handle: not a fail)"))
    return check("author", "pass", _per(source, f"the article credits “{name}” (“{line}”); the video's channel is "
                                                f"{author}"))


# Words of a video's credit that name its platform, not whom it credits ("Jane Roe's YouTube channel", review42a)
VIDEO_PLATFORM_WORDS = frozenset({"youtube", "channel", "video", "videos"})


# Words that join a name's words ("City of Riverton", "Jones and Sons"): no channel name need hold them.
NAME_LINKS = frozenset({"of", "the", "and", "de", "la", "le", "du", "des", "von", "van", "der", "y", "e"})


# Words of a name that name no one in particular: a title before it ("Mayor Jones") or alone ("The Chancellor", whom
# the name check cannot hold against the author's name), a post's platform.
TITLES = frozenset("mayor councilor councillor council senator sen rep representative governor gov president vice "
                   "minister prime premier chancellor king queen prince princess pope ambassador general sheriff "
                   "bishop spokesman spokeswoman spokesperson official officials mp dr mr mrs ms prof professor judge "
                   "chief officer secretary deputy commissioner the on x twitter".split())


def _link_author_check(embed: dict[str, Any], said: dict[str, Any], source: str) -> dict[str, Any]:
    """A link's author check: the handle is the link's URL's, so it says nothing of whom the article quotes. The name
    the article gives just before the link (`extract.beside`) is weighed loosely: a warn only where none of its words
    is in the post's author's name or handle ("Mayor Jones" before a link to @CouncilorSmith's post passed as the
    author, newuser34 #2)."""
    handle, found_name = said["author"]["handle"], said["author"]["name"]
    author = f"@{handle}" + (f" ({found_name})" if found_name else "")
    name = real(embed.get("author_name"))
    if not name:
        return check("author", "pass", _per(source, f"the link names {author}, the post's author; the article's "
                                                    "naming of the speaker was not read"))
    # a role or a body ("Die Ministerin", "La Préfecture", German capitals as any noun's) names no one to hold against
    # the author, as an English title does (newuser46a #5); a name beside it still does ("Die Ministerin Anna Muster")
    # but a German compound's part that says which body is held against it ("Innen" of "Innenministerium", review46g)
    parts = [quotes.role_qualifier(w) for w in name.split() if quotes.names_a_role(w)]
    named = " ".join(w for w in name.split() if not quotes.names_a_role(w))
    words = [w for w in _name_words(named) if w not in TITLES and len(w) > 1]
    words += [w for w in parts if w and not _begins_author(w, handle, found_name)]
    if words and not any(_names_author(w, handle, found_name) for w in words):
        return check("author", "warn", _per(source, f"the article names “{name}” beside the link to this post; its "
                                                    f"author is {author}: the quote may be given to the wrong "
                                                    "speaker"))
    return check("author", "pass", _per(source, f"the link names {author}, the post's author; the article names "
                                                f"“{name}” beside it"))


# A run of a name's letters this long inside a handle names it ("white" in @WhiteHouse); a shorter one may be chance
# ("lo" in @CouncilorSmith).
INSIDE_HANDLE = 4


def _name_words(name: str) -> list[str]:
    """A name's words as compared with an author's: case folded, accents aside ("José" is "Jose")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.findall(r"\w+", plain.casefold())


def _begins_author(part: str, handle: str, name: str | None) -> bool:
    """Whether the first part of a German compound role (`quotes.role_qualifier`, its joining "s" aside) begins a word
    of the post's author's name or handle ("finanz" of "Finanzministerium": "Bundesministerium der Finanzen")."""
    stem = part.removesuffix("s") if part.endswith(("ungs", "ts", "ns")) else part
    theirs = [*_name_words(name or ""), *_name_words(" ".join(re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", handle)))]
    return len(stem) >= INSIDE_HANDLE and any(w.startswith(stem) for w in theirs)


def _names_author(word: str, handle: str, name: str | None) -> bool:
    """Whether one word of the name an article gives (folded, `_name_words`) names a post's author: a word of the
    author's name or of the handle's CamelCase ("Trump" of @realDonaldTrump), or a run of the handle's letters long
    enough not to be chance (`INSIDE_HANDLE`)."""
    theirs = {*_name_words(name or ""), *_name_words(" ".join(re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", handle))),
              handle.casefold()}
    return word in theirs or len(word) >= INSIDE_HANDLE and word in handle.casefold()


def _bluesky_account_check(embed: dict[str, Any], said: dict[str, Any], source: str, post: dict[str, Any],
                           store: Store | None) -> dict[str, Any] | None:
    """A Bluesky account is named by handle or by DID (its lasting id): DID is compared with DID and handle with
    handle, never one with the other (newuser31 #3: the article's handle against the answer's DID failed, "may be
    misattributed"). The same DID under another handle is the account's post shown under a handle that is not its
    own now (`_bluesky_other_handle`). None: the handles decide, as on any platform."""
    ours, our_did = _bluesky_names(embed.get("author_handle"), _bluesky_actor(embed.get("post_id")))
    theirs, their_did = _bluesky_names(said["author"]["handle"], said["author"].get("id"))
    if not (theirs or their_did) and said["author"]["handle"]:   # "handle.invalid" alone: no author named
        return check("author", "skip", _per(source, "the source names no handle of the post's author (Bluesky's "
                                                    f"“{bluesky.INVALID_HANDLE}”: one it could not verify) and no DID"))
    if our_did and their_did and our_did != their_did:
        return check("author", "fail", _per(source, f"the article names account {our_did}, the post's author is "
                                                    f"{their_did}: the post may be misattributed"))
    if our_did and our_did == their_did:
        if ours and theirs and ours.casefold() != theirs.casefold():
            return _bluesky_other_handle(embed, said, source, post, store, ours, our_did)
        if ours and not theirs:   # the handle the article shows is not said by the source
            return check("author", "skip", _per(source, f"cannot tell: the article shows @{ours} for account "
                                                        f"{our_did}, the source names that account only by its id; "
                                                        f"whether @{ours} is its handle, nothing here says"))
        if not ours:
            return check("author", "pass", _per(source, f"the same account {bluesky.label(theirs, our_did)}"))
        return None
    if ours and theirs or not (ours or our_did) or not (theirs or their_did):
        return None
    article = f"@{ours}" if ours else f"the account only by its id {our_did}"
    found = f"@{theirs}" if theirs else f"the account only by its id {their_did}"
    return check("author", "skip", _per(source, f"cannot tell: the article names {article}, the source names {found} "
                                                "(a DID is an account's id, not a handle), and nothing here ties the "
                                                "two"))


def _bluesky_other_handle(embed: dict[str, Any], said: dict[str, Any], source: str, post: dict[str, Any],
                          store: Store | None, ours: str, did: str) -> dict[str, Any]:
    """The article's embed code names the post's account by DID and shows another handle than the account's now. The
    DID makes the post that account's; whether the handle shown was ever its own only a recorded answer showing it
    for this account (the same DID) says: then a warn citing it (a rename). With none, it warned "the same account,
    per its DID" (newuser40a #4), which a forged embed showing an official handle and name passed as well: a fail,
    as Mastodon's `_handle_check`, saying what is known and what is not; a warn when the display names agree (a
    renamed handle, the name kept, is the likelier reading), still saying no record shows the handle."""
    theirs, found_name = said["author"]["handle"], said["author"]["name"]
    sightings = store.author_sightings(bluesky.PLATFORM, ours, post_id=post["post_id"], author_id=did) \
        if store is not None and post.get("post_id") else []
    for sighting in sightings:
        seen_id = (json.loads(sighting["record"]).get("author") or {}).get("id")
        if seen_id not in (None, did):
            continue
        when = sighting["answered_at_unknown"] or sighting["fetched_at"]   # a replay's time is no time of it
        return check("author", "warn", _per(source, f"handle changed: the article shows @{ours}, the account {did} "
                                                    f"is @{theirs} now; fetch #{sighting['fetch_id']} "
                                                    f"({sighting['method']}, {when}) showed @{ours} as this account "
                                                    f"(post {sighting['post_id']})"))
    name = real(embed.get("author_name"))
    shown = f"@{ours}" + (f" (“{name}”)" if name else "")
    now = f"@{theirs}" + (f" (“{found_name}”)" if found_name else "")
    known = (f"the article shows {shown} for account {did}, the post's author by its DID, which is {now} now; no "
             f"recorded fetch shows @{ours} as this account")
    if name and found_name and quotes.compare_names(name, found_name).result == "pass":
        return check("author", "warn", _per(source, f"{known}: its handle renamed since, or one never its own (not "
                                                    "known which); the names agree"))
    return check("author", "fail", _per(source, f"{known}: the post may be shown as another account's, or the "
                                                "account renamed"))


def _bluesky_names(handle: str | None, did: str | None) -> tuple[str | None, str | None]:
    """(handle, DID) of an account named by either: a DID where a handle was kept (a cache from before newuser31
    #3, a link by DID) is the id. `handle.invalid` (the AppView's word for a handle it could not verify) is no
    handle: held against a real one, it failed the post's true author (review41a)."""
    if bluesky.is_did(handle):
        return None, did or handle
    if handle and handle.casefold() == bluesky.INVALID_HANDLE:
        handle = None
    return handle or None, did if bluesky.is_did(did) else None


def _bluesky_actor(post_id: str | None) -> str | None:
    """The account a Bluesky post id names (`<handle or did>/<rkey>`): by DID, the article's embed code ties the
    account to the post."""
    named = bluesky.split_post_id(post_id or "")
    return named[0] if named is not None and bluesky.is_did(named[0]) else None


def _page_number(said: str, found: str, post: dict[str, Any] | None) -> bool:
    """Whether the article names a Facebook page or profile by its number (/20531316728/posts/…, as Facebook's own
    embed code does) where the source names it by its user name, which is never all digits: one account, two names
    nothing here ties (review30r3)."""
    return post is not None and post.get("platform") == "facebook" and said.isascii() and said.isdigit() \
        and not found.isdigit()


def _handle_check(old: str, said: dict[str, Any], source: str, post: dict[str, Any] | None,
                  store: Store | None, *, name: str | None = None) -> dict[str, Any]:
    """The article's handle is not the post's author's. A renamed account (the same account id, or this very post,
    under the article's handle in a recorded fetch) warns, citing that fetch; with no such record it fails: the
    post may be misattributed. The display names tell the two readings apart (newuser42b #5: a renamed account and
    words put under another account got the same fail and words): the article's `name` and the author's agreeing
    (and no record showing the handle on another account) warn, a rename or another account under the name, as
    Bluesky's `_bluesky_other_handle`, but fail where the handles look alike (`handles_alike`: an impostor's marks);
    differing, the fail says so."""
    found, found_id = said["author"]["handle"], said["author"].get("id")
    post_id = post["post_id"] if post is not None else None
    sightings = store.author_sightings(post["platform"], old, post_id=post_id, author_id=found_id) \
        if store is not None and post is not None and post_id else []
    for sighting in sightings:
        seen_id = (json.loads(sighting["record"]).get("author") or {}).get("id")
        when = sighting["answered_at_unknown"] or sighting["fetched_at"]   # a replay's time is no time of it
        fetch = f"fetch #{sighting['fetch_id']} ({sighting['method']}, {when})"
        if found_id and seen_id == found_id:
            return check("author", "warn", _per(source, f"handle changed: @{old} is now @{found}, the same account "
                                                        f"(id {found_id}) per {fetch}, which showed post "
                                                        f"{sighting['post_id']} by @{old}"))
        if sighting["post_id"] == post_id:
            return check("author", "warn", _per(source, f"handle changed: @{old} is now @{found}: {fetch} showed "
                                                        f"this post by @{old}, and a post keeps its author"))
    found_name = said["author"].get("name")
    named = quotes.compare_names(name, found_name).result if name and found_name else None
    elsewhere = bool(sightings) or (store is not None and post is not None and found_id is not None
                                    and store.handle_on_another_account(post["platform"], old, found_id))
    if named == "pass" and elsewhere:   # the handle was seen on another account: the names weigh nothing
        named = None
    known = (f"article says @{old}" + (f" (“{name}”)" if named else "") + f", the post's author is @{found}"
             + (f" (“{found_name}”)" if named else "") + f"; no recorded fetch shows @{old} as this account"
             + (f" (id {found_id})" if found_id else ""))
    if named == "pass" and handles_alike(old, found):
        return check("author", "fail", _per(source, f"{known}; the handles look alike (@{old}, @{found}) and the "
                                                    f"display names agree (“{found_name}”): an account made to pass "
                                                    "as another, or one renamed (not known which)"))
    if named == "pass":
        return check("author", "warn", _per(source, f"{known}, but the display names agree: the account renamed, or "
                                                    "another account showing the same display name, which anyone can "
                                                    "copy (not known which)"))
    if named is not None and named != "pass":
        return check("author", "fail", _per(source, f"{known}, and the display names differ too: the post is "
                                                    "likely misattributed (unless the account changed its name "
                                                    "as well)"))
    return check("author", "fail", _per(source, f"{known}: the post may be misattributed, or the account renamed"))


# What an impostor's handle writes for the real one's, read alike: figures for the letters they look like, "rn" for "m",
# "vv" for "w"; case, "_" and "." aside (review43b: "@river_dezk" showing "River Desk" warned as @river_desk renamed).
_HANDLE_LETTERS = str.maketrans("0135$|!i", "olesslll", "_.")
# Handles this short one letter apart are not read as alike: short names differ by a letter as often as not.
HANDLE_ALIKE_LETTERS = 5


def _handle_seen(handle: str) -> str:
    return platforms.lookalike.as_seen(handle).casefold().replace("rn", "m").replace("vv", "w").translate(
        _HANDLE_LETTERS)


def handles_alike(one: str, other: str) -> bool:
    """Whether two handles look alike: the same as read (`_handle_seen`), or one letter added, dropped, changed or two
    swapped ("river_dezk", "rlver_desk", "river_desk_", "rivre_desk" of "river_desk"). An account made to pass as
    another copies its display name and takes such a handle: the names agreeing then are no sign of a rename."""
    a, b = _handle_seen(one), _handle_seen(other)
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < HANDLE_ALIKE_LETTERS:
        return False   # "jay" and "joy" are as often two people
    if len(a) > len(b):
        a, b = b, a
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    if len(a) < len(b):
        return a[at:] == b[at + 1:]
    return a[at + 1:] == b[at + 1:] or a[at:at + 2] == b[at:at + 2][::-1] and a[at + 2:] == b[at + 2:]


def date_checks(embed: dict[str, Any], post: dict[str, Any] | None, post_id: str | None = None, *,
                unread: FailedStep | None = None) -> list[dict[str, Any]]:
    """The article's date against the post's created_at (live, or its capture's), and against the snowflake time
    (which outlives the post). `post_id`: the embed's, or the identified post's; `unread`: the date reader failed on
    the article (a bug, #10), so a date it shows and did not read was not checked."""
    said = embed.get("date") if not is_placeholder(embed.get("date_text")) else None
    checks = []
    found, source = said_by_post(post)
    created_at = found.get("created_at") if found else None
    lead, posted = "", "post created"
    original = x.snowflake_time(post["post_id"]) if post is not None and found is post and edit_of(post) else None
    if original is not None:
        # the live created_at is the edit's: the post is as old as its id (verdict28)
        lead = f"the post was edited: {created_at} is its edit's time; "
        created_at, posted = original.strftime("%Y-%m-%dT%H:%M:%SZ"), "the original posted"
    created = _day(created_at)
    if not said and unread is not None and embed.get("date_text") and not is_placeholder(embed.get("date_text")):
        checks.append(check("date", "skip", f"not checked: the date reader failed on this article "
                                            f"({unread.kind}: {unread.message}), “{embed['date_text']}” was not read"))
    elif not said and embed.get("date_text") and not is_placeholder(embed.get("date_text")) \
            and len(readings := _date_readings(embed["date_text"])) > 1:
        checks.append(_date_of_two_readings(embed["date_text"], readings, created_at, source))
    elif not said and embed.get("date_text") and not is_placeholder(embed.get("date_text")) \
            and _names_no_day(embed["date_text"]):
        checks.append(check("date", "skip", f"the article shows a month and a year, no day (“{embed['date_text']}”): "
                                            "it is not compared"))
    elif not said and embed.get("date_text") and not is_placeholder(embed.get("date_text")) \
            and _lunar_hijri(embed["date_text"]):
        checks.append(check("date", "skip", f"the article shows a date of the Hijri (lunar) calendar "
                                            f"(“{embed['date_text']}”), which the tool does not convert: its months "
                                            "start at the new moon's sighting, a day apart from country to country; "
                                            "it is not compared"))
    elif not said and embed.get("date_text") and not is_placeholder(embed.get("date_text")):
        # words the date table does not read ("6 Δεκ 2022"): a date all the same, not none (newuser32b #7)
        turned = _weekday_turned(embed["date_text"])
        checks.append(check("date", "skip", f"the article shows a date it could not read (“{embed['date_text']}”"
                                            + (f": {turned}, and which of the two is meant the words do not say"
                                               if turned else "") + "): it is not compared"))
    elif not said and embed.get("detector") in LINKS:   # its prose may date it: nothing read it (newuser34 #3)
        checks.append(check("date", "skip", "no date was read for this post (the article links it; a date in its "
                                            "prose is not read)"))
    elif not said:
        checks.append(check("date", "skip", "the article shows no date for this post"))
    elif created and (verdict := _day_verdict(said, created_at or created)) is None:
        checks.append(check("date", "skip", _per(source, f"the post's date is not one to compare: {created_at}")))
    elif created and verdict is not None:
        result, zones = verdict
        stamp = f"{created_at} (its id's time)" if original is not None else created_at
        result, unknown = _date_history_not_known(said, result, post if found is post else None, created_at)
        if result == "fail" and (edit := seen_edit(post, found)):   # the edit's time, not the original's
            result, unknown = "warn", (f"; that answer was an edit of this post ({edit}): its time is the edit's, "
                                       "not the original's, so this is no fail")
        checks.append(check("date", result, _per(source, f"{lead}article {said}{_order_read(embed, said)}, {posted} "
                                                         f"{stamp}{zones}{unknown}" + _swapped(said, created_at, result))))
    else:
        checks.append(check("date", "skip", "no available post or archived copy with a date to compare with"))
        checks += _date_against_key(said, embed.get("platform"), post_id or embed.get("post_id"))
    if post is not None and found is post and embed.get("platform") == "twitter":
        checks += _date_against_id(post, created_at if original is None else found.get("created_at"))
    post_id = post_id or embed.get("post_id")
    minted = x.snowflake_time(post_id) if embed.get("platform") == "twitter" and post_id else None
    if said and minted:
        stamp = minted.strftime("%Y-%m-%dT%H:%M:%SZ")
        result, zones = _day_verdict(said, stamp) or ("skip", "")
        checks.append(check("snowflake-date", result, f"article {said}, id {post_id} was minted {stamp}{zones}"
                                                      + _swapped(said, stamp, result)))
    return checks


def _swapped(said: str, created_at: str | None, result: str) -> str:
    """" (day and month swapped?)" after a failed date check whose article day, its day and month swapped, is the
    post's day ("3 de octubre de 2022" for a post of 2022-03-10: newuser45a #11); "" otherwise. A hint, no reading: the
    check still fails, the article's words being what they are."""
    if result != "fail" or not created_at or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", said):
        return ""
    year, month, day = said.split("-")
    return " (day and month swapped?)" if month != day and int(day) <= 12 and f"{year}-{day}-{month}" == created_at[:10] \
        else ""


def _date_against_key(said: str | None, platform: Any, post_id: str | None) -> list[dict[str, Any]]:
    """The `id-date` check of a Mastodon or Bluesky post no answer dates (newuser40a #3): the article's day against
    the time the post's id holds, said as that and never as a fetched date. What it is worth: Mastodon's id is
    minted by the instance from the post's time (its snowflake), a remote copy's from the time the origin claims;
    Bluesky's record key (a TID) is written by the author's client, which may write any time. Each is a reading of the
    URL, no recorded answer: a day that agrees passes, one that does not warns, never fails. [] for an X post (its
    `snowflake-date`), an id that holds no time, or no day said."""
    if not said or not post_id or platform not in (mastodon.PLATFORM, bluesky.PLATFORM):
        return []
    minted = mastodon.id_time(post_id) if platform == mastodon.PLATFORM else bluesky.tid_time(post_id)
    if minted is None:
        return []
    stamp = minted.strftime("%Y-%m-%dT%H:%M:%SZ")
    result, zones = _day_verdict(said, stamp) or ("skip", "")
    whose = ("the instance mints it from the post's time; a copy's on another instance, from the time its origin "
             "claims"
             if platform == mastodon.PLATFORM else
             "the author's client writes it when posting, and may write any time")
    return [check("id-date", "warn" if result == "fail" else result,
                  f"article {said}, the post's id {post_id.rpartition('/')[2]} holds the time {stamp}{zones}: read "
                  f"from the id, not a fetched date ({whose})"
                  + ("; not the article's day, which no fetched date contradicts: a doubt, no fail"
                     if result == "fail" else ""))]


_DOTTED_DATE_RE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?![\d.]\d)")


def _order_read(embed: dict[str, Any], said: str) -> str:
    """" (“03.12.2022” read day first: …)" after the article's day where extraction read a dotted date both orders
    read by the language of its page or embed, or by the article's other dates (newuser46a #8): the reading, and why;
    "" for any other date."""
    written = embed.get("date_text") or ""
    weekday = _weekday_reading(written)
    if weekday is not None and weekday[0] == said:   # "Mo., 12.09.2022" (review47b)
        return (f" (“{written}” read {' or '.join(_date_readings(written)[said])}: its weekday, “{weekday[1]}”, is "
                "that day's, not the other reading's)")
    if not _DOTTED_DATE_RE.search(written) or len(readings := _date_readings(written)) < 2 or said not in readings:
        return ""
    return (f" (“{written}” read {' or '.join(readings[said])}: written with dots, as German, French and most of "
            "Europe write a date, day.month.year, which the page's or the embed's language or the article's other "
            "dates say it is; the US never writes dots)")


def _date_readings(date_text: str) -> dict[str, tuple[str, ...]]:
    """`dates.date_readings`, imported only for a date the article shows and extraction did not read: the extract
    package is no import of a report's (#14)."""
    from resolver.extract.dates import date_readings

    return date_readings(date_text)


def _weekday_reading(date_text: str) -> tuple[str, str] | None:
    """`dates.weekday_reading` of the date the article shows (imported as `_date_readings`), with the weekday's word as
    written; None where its weekday settles no reading."""
    if not date_text[:1].isalpha():   # a weekday first, or no need to look (#14)
        return None
    from resolver.extract.dates import WEEKDAY_RE, weekday_reading

    day, found = weekday_reading(date_text), WEEKDAY_RE.match(date_text)
    return (day, found.group("weekday")) if day is not None and found is not None else None


def _weekday_turned(date_text: str) -> str | None:
    """`dates.weekday_turned` of a date the article shows and extraction did not read (imported as `_date_readings`):
    its weekday another day's (newuser46a #11)."""
    from resolver.extract.dates import parse_date, weekday_turned

    return weekday_turned(date_text, parse_date(date_text))


def _names_no_day(date_text: str) -> bool:
    """`dates.names_no_day`, imported only for a date the article shows and extraction did not read (as
    `_date_readings`)."""
    from resolver.extract.dates import names_no_day

    return names_no_day(date_text)


def _lunar_hijri(date_text: str) -> bool:
    """`dates.lunar_hijri`, imported only for a date the article shows and extraction did not read (as
    `_date_readings`)."""
    from resolver.extract.dates import lunar_hijri

    return lunar_hijri(date_text)


def _date_of_two_readings(date_text: str, readings: dict[str, tuple[str, ...]], created_at: str | None,
                          source: str) -> dict[str, Any]:
    """The date check of an article's date whose month word names two months by language ("listopada": October in
    Croatian, November in Polish) where neither the page nor the post says which: a warn naming each reading and
    which the post's date fits, never a fail (the month guessed wrong failed an honest article: fixnu32h); a skip
    with no post date to hold it against. A numeric date both orders read ("12/09/2022") is named by its orders."""
    if all(label.endswith(" first") for labels in readings.values() for label in labels):   # "12/09/2022" (sig34)
        named = " or ".join(f"{day} read {' or '.join(orders)}" for day, orders in readings.items())
        said = f"“{date_text}” is {named}, and nothing in the article says which order it is written in"
    else:
        named = " or ".join(f"{day} in {', '.join(languages) or 'another language'}"
                            for day, languages in readings.items())
        said = f"“{date_text}” is {named}, and neither the page nor the post says which language it is written in"
    verdicts = {day: _day_verdict(day, created_at) for day in readings} if created_at else {}
    if not verdicts or None in verdicts.values():
        return check("date", "skip", f"{said}: it is not compared")
    fits = [f"{day} ({', '.join(readings[day])})" for day, verdict in verdicts.items() if verdict and verdict[0] == "pass"]
    return check("date", "warn", _per(source, f"{said}; post created {created_at}: it fits "
                                              + (" and ".join(fits) if fits else "neither")))


def _date_history_not_known(said: str, result: str, post: dict[str, Any] | None,
                            created_at: str | None) -> tuple[str, str]:
    """A date check of a post whose edit history is not known rests on it when the time its answer gives (an edit's,
    if it was edited: syndication answers with the latest version) and its id's time (the original's) give other
    verdicts: then it says so and is a warn (edits30). Else (result, "")."""
    if post is None or not created_at or _asked_version(post) or not _history_not_known(post):
        return result, ""
    minted = x.snowflake_time(post["post_id"])
    stamp = minted.strftime("%Y-%m-%dT%H:%M:%SZ") if minted else None
    by_id = _day_verdict(said, stamp) if stamp else None
    if by_id is None or by_id[0] == result:
        return result, ""
    return "warn", (f"; {NOT_KNOWN_WHY}, so {created_at} may be an edit's time: the post's id was minted {stamp}, "
                    f"which gives {by_id[0]}: no fail")


# How far an X answer's created_at may be from its id's minting time: the id holds the time to the millisecond, the
# answer gives it to the second (syndication's ".000Z"); a few seconds more for any rounding.
ID_TIME_SLACK_S = 5
EDIT_WINDOW_S = 3600   # X lets a post be edited for an hour after it was posted


def _date_against_id(post: dict[str, Any], created_at: str | None) -> list[dict[str, Any]]:
    """A warn when an X post's live answer gives a created_at more than a few seconds off the time the id of the
    version it holds was minted (newuser30b #8: 33 hours off passed): X mints a post's id when the post is made, so
    the answer, or its date, is not this post's as X gave it (another post's answer under this id, a date altered,
    in a third party's WARC say). A warn, not a fail: what it doubts is the source, not the article (whose date the
    snowflake-date check holds against the id itself); [] when they agree or either is not known."""
    if not post.get("post_id"):
        return []
    version = edit_of(post) or post["post_id"]   # an edit's answer gives the edit's time, minted with its id
    minted = x.snowflake_time(version)
    try:
        given = datetime.fromisoformat((created_at or "").replace("Z", "+00:00"))
    except ValueError:
        return []
    if minted is None or given.tzinfo is None or len(created_at or "") <= 10:   # a day alone is no time to compare
        return []
    off = (given - minted).total_seconds()
    if abs(off) <= ID_TIME_SLACK_S:
        return []
    if _history_not_known(post) and 0 < off <= EDIT_WINDOW_S + ID_TIME_SLACK_S:
        return []   # maybe an edit's time, its id not known: the date check says so (edits30), no doubt of the source
    return [check("source-date", "warn", f"the source's date, {created_at}, is {_duration(abs(off))} "
                                         f"{'after' if off > 0 else 'before'} the time its id {version} was minted, "
                                         f"{minted.strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3]}Z: an X post's id holds when "
                                         "it was created, so this answer, or its date, is not this post's as X gave it")]


def _title_check(said: str, title: str, source: str) -> dict[str, Any]:
    """A Reddit embed code's title held against the thread's (newuser46c #5: a title reworded from "East bridge … 6pm"
    to "West bridge … 8pm" was "not compared"): the code shows the title, so title is compared with title, a changed
    word or figure failing as a quote's does."""
    compared = quotes.compare(said, title)
    evidence = _per(source, f"compared titles (the embed code shows the thread's title, as the source gives it): "
                            f"{compared.evidence}")
    if compared.result != "pass":
        evidence += f"; the thread's title: “{title}”"
    return check("text", compared.result, evidence, [str(c) for c in compared.changes])


def _duration(seconds: float) -> str:
    """"33 h 56 min", "3 min 51 s", "12 s": to the minute past an hour, else to the second."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    if hours:
        return f"{hours} h {rest // 60} min" if rest // 60 else f"{hours} h"
    return f"{rest // 60} min {rest % 60} s" if rest >= 60 else f"{rest} s"


WHOLE_COPIES = ("html-blockquote",)   # detectors whose text is an embed code's copy of the whole post


def text_check(embed: dict[str, Any], post: dict[str, Any] | None,
               resolutions: list[dict[str, Any]] | None = None, published: Published | None = None,
               guess: Guess | None = None) -> dict[str, Any]:
    """The article's quote of the post, word by word (#9 §1): a changed word fails and shows. A link of the
    article's that `resolutions` show leads to another post (the post it quoted) is that post's, not a link the
    quote changed (review28). `published`: the article's own date, which a quote of an edit must not be before
    (edits31). `guess`: the article's encoding, guessed unsure (`unsure_guess`): a change only in letters beyond
    ASCII may be the guess's (review37b)."""
    said = embed.get("text")
    if said and post is not None:
        for other in resolutions or ():
            if other.get("post_id") and other["post_id"] != post["post_id"]:
                said = said.replace(other["url"], " ")
    if is_placeholder(said):
        if embed.get("platform") == "instagram" and embed.get("detector") not in LINKS \
                and not (said_by_post(post)[0] or {}).get("text"):
            return check("text", "skip", _no_caption(embed, said, post))
        return check("text", "skip", _no_text_read(embed, said))
    found, source = said_by_post(post)
    if found is None or not found.get("text"):
        if embed.get("platform") == "instagram" and embed.get("detector") not in LINKS and said:
            return check("text", "skip", _quote_unchecked(said, post))
        return check("text", "skip", "no available post text or archived copy to compare with")
    if said_kind(post, found) == TITLE:   # a video's, a thread's title: no words to quote
        title = " ".join(found["text"].split())
        if embed.get("platform") == reddit.PLATFORM and embed.get("detector") in WHOLE_COPIES and said:
            return _title_check(said, title, source)
        return check("text", "skip", f"the source gives the post's title, not its words: “{title}” is not compared")
    if embed.get("platform") == reddit.PLATFORM and embed.get("detector") in WHOLE_COPIES and source:
        # the embed code shows the thread's title, the capture its words: no title to compare them with
        words = " ".join(found["text"].split())
        return check("text", "skip", _per(source, f"the embed code shows the thread's title, the capture its words "
                                                  f"(“{words}”): a title is not compared with words"))
    compared = own_paragraph(quotes.compare(said or "", found["text"], links=link_map(found.get("links")),
                                            lang=found.get("lang"), quote_lang=embed.get("lang")), embed, post)
    evidence = compared.evidence
    if compared.result != "pass" and (compared.extra_before or compared.extra_after):
        evidence += f"; the post says: “{' '.join(found['text'].split())}”"
    result = compared.result
    undone_only = compared.result == "warn" and _left_out(compared) \
        and not (compared.extra_before or compared.extra_after)
    if (result == "pass" or undone_only) and embed.get("detector") in WHOLE_COPIES \
            and compared.matched < compared.post_words and not compared.truncated and not compared.beyond_cut:
        # An embed code's blockquote shows the post whole: shorter, it was trimmed (or the post edited since), and
        # a trimmed "Not." changes what the post says. A cut the article marks with "…" stays a partial quote. The
        # quote check may have named the "Not." already (quotes30b): the trimming is said too.
        result = "warn"
        evidence += (f"; an embed code shows the post whole, this one only part of it (trimmed, or the post "
                     f"edited since?); the post says: “{' '.join(found['text'].split())}”")
    changes = [str(c) for c in compared.changes]
    if compared.result == "fail":   # every word that differs, its ends' too (a warn names them in its evidence)
        changes += quotes.edge_changes(compared)
    later = later_versions(post) if post is not None and not source else []
    earlier = earlier_versions(post) if post is not None and not source else []
    if result != "pass" and not source and post is not None and edit_of(post):
        result, evidence, changes = _edited_text(said or "", post, evidence, changes, embed=embed)
    elif result == "pass" and not source and post is not None and edit_of(post):
        # the words of the edit syndication answered with: an article dated before it was posted could not quote them
        result, evidence = _dated_before(published, (result, evidence, changes), edit_of(post) or "",
                                         post.get("created_at"))[:2]
    elif (later or earlier) and post is not None:
        # The source gave the version asked for; an article may quote another: held against each read (edits30,
        # edits31: an edit asked for by its own id has earlier versions).
        result, evidence, changes = _versions_text(said or "", post, earlier, later, (result, evidence, changes),
                                                   published)
    elif compared.result == "fail" and not source:
        captured = _as_captured(said or "", post)
        if captured:
            # The article quotes what the post said when captured; the live post was edited since: an edit to
            # show with its date, not a misquote (#9 §2).
            copy, held = captured[0]
            return check("text", "warn", f"the live post differs: {evidence}; the capture of "
                                         f"{_utc(copy['captured_at'])} holds the article's words: {held.evidence} "
                                         "(edited since?)", changes)
    if result != "pass" and not source and post is not None and _history_not_known(post):
        # Cached before edit ids were recorded, its answer's body not kept: an edit would look like this (edits29).
        result, evidence = "warn" if result == "fail" else result, evidence + HISTORY_NOT_KNOWN
    if result != "pass" and (edit := seen_edit(post, found)):
        result, evidence = "warn" if result == "fail" else result, evidence + SEEN_EDIT.format(edit=edit)
    elif result != "pass" and (others := seen_versions(post, found)):
        result, evidence = "warn" if result == "fail" else result, evidence + SEEN_VERSIONS.format(ids=", ".join(others))
    if embed.get("detector") in LINKS:
        result, evidence = _beside_link(result, evidence, compared, said or "", found["text"],
                                        embed.get("text_confidence"))
        if _video_post(embed, post):
            evidence += VIDEO_CAPTION
    elif result == "fail" and embed.get("text_confidence") == "uncertain" and not compared.turned:
        # Where an uncertain text starts or ends is a reading of the page (words in no <p>, run-on prose): a change
        # found may be the reading's, and a correct quote failed `--fail-on fail` (review27b §1). Not another figure or
        # a negation between words both sides share, which no reading of the ends makes (newuser37 §9: "3 → 12"
        # warned in a signed plain-text quote).
        result, evidence = "warn", evidence + UNCERTAIN_TEXT
    if result == "fail" and guess is not None and (doubt := read_otherwise(said or "", found["text"], compared, guess)):
        result, evidence = "warn", evidence + doubt
    if result != "pass" and not source and post is not None \
            and (theirs := _quoted_words(said or "", embed, post, compared.matched)):
        evidence += theirs
    # not where the quote's words are mostly the post's, word for word: those were compared (review43b)
    if result != "pass" and "translation" not in evidence and compared.matched * 2 < compared.said_words \
            and (scripts := _other_script(said or "", found["text"])):
        lang = f", lang “{found['lang']}”" if found.get("lang") else ""
        result, evidence = _translation_turned(
            result, evidence, f"the post is written in {scripts[1]} letters{lang}, the article's words in {scripts[0]}: "
                              "they may be a translation, which is not compared word by word: compare by hand",
            said or "", found["text"], embed, negation=quotes.negates_with_words(said or "", found["text"]),
            negation_fails=False, post_lang=found.get("lang"))
    elif result != "pass" and not compared.translated and compared.matched * 2 < compared.said_words \
            and (pair := quotes.uk_ru_pair(quotes.tokens(said or ""), quotes.tokens(found["text"]))):
        result, evidence = _translation_turned(
            result, evidence, f"the quote reads as {pair[0]}, the post as {pair[1]}{'' if pair[2] else ' (not sure)'}: "
                              f"they may be a translation ({quotes.UK_RU_PAIR}), which is not compared word by word: "
                              "compare by hand", said or "", found["text"], embed, negation=True, negation_fails=pair[2],
            post_lang=found.get("lang"))
    added, dropped = quotes.disclosures(said or "", found["text"])
    # past the source's own cut, whether the post carries the article's tag is not known (its check says so)
    added = [w for w in added if w.casefold() not in quotes.normalise(compared.beyond_cut).casefold().split()]
    if added or dropped:
        # a sponsorship tag added or dropped: never a pass, never only "glued on" (newuser44c #10)
        notes = quotes.disclosure_notes(added, dropped, cut=compared.truncated or bool(compared.platform_cut))
        extra = quotes.tokens(f"{compared.extra_before} {compared.extra_after}")
        if extra and {w.casefold() for w in extra} <= {w.casefold() for w in added}:   # the tag is all that is extra
            evidence = evidence.replace(f" {quotes.GLUED_ON}", "")
        result, evidence = "warn" if result == "pass" else result, f"{'; '.join(notes)}; {evidence}"
        changes = [*changes, *notes]
        found_check = check("text", result, _per(source, evidence), changes)
        found_check["disclosure"] = {"added": added, "dropped": dropped}
        return found_check
    return check("text", result, _per(source, evidence), changes)


def _translation_turned(result: str, evidence: str, translation: str, said: str, post_text: str,
                        embed: dict[str, Any], *, negation: bool, negation_fails: bool,
                        post_lang: str | None = None) -> tuple[str, str]:
    """A verdict on words that may be a translation (`translation` says why), with what it may have changed named
    (`quotes.translation_turns`: a figure not among the post's, a negation added or dropped when `negation`): a fail
    where the figure (or, `negation_fails`, the negation) is unambiguous, the quote is tied to the post (not a link's
    prose of uncertain reach) and nothing said it is no fail (an edit), else the warn, naming it (newuser44a #5)."""
    langs = (quotes.language_code(embed.get("lang")), quotes.language_code(post_lang))
    notes, figure, negated = quotes.translation_turns(quotes.tokens(said), quotes.tokens(post_text), negation=negation,
                                                      langs=langs)
    link = embed.get("detector") in LINKS
    if (figure or negated and negation_fails) and (not link or embed.get("text_confidence") == "high") \
            and "no fail" not in evidence:
        return "fail", (f"{BESIDE if link else 'the quote'} may be a translation that changes what the post says: "
                        f"{notes.removeprefix('; ')}{', the same digits in another order' if figure else ''} (the "
                        f"quote: “{' '.join(said.split())}”; the post: “{' '.join(post_text.split())}”); {translation}")
    return result, f"{evidence}; {translation}{notes}"


def _other_script(said: str, post_text: str) -> tuple[str, str] | None:
    """(the quote's script, the post's) when most letters of each are of another script ("Latin", "Hebrew"): the
    quote may be a translation, which word by word is "mostly not the post's" (newuser42b #9). None otherwise."""
    def named(char: str) -> str:
        words = unicodedata.name(char, "OTHER").split()
        first = words[1] if words[0] in ("FULLWIDTH", "HALFWIDTH") and len(words) > 1 else words[0]
        return "CJK" if first in ("CJK", "HIRAGANA", "KATAKANA") else first.title()   # one writing: Japanese mixes them

    def script(text: str) -> str | None:
        counted = Counter(named(char) for char in text if char.isalpha())
        return counted.most_common(1)[0][0] if counted else None
    ours, theirs = script(said), script(post_text)
    return (ours, theirs) if ours and theirs and ours != theirs else None


def _quoted_words(said: str, embed: dict[str, Any], post: dict[str, Any], ours: int) -> str:
    """"; the article's words are those of the post it quotes, @X's <id> (“…”), not this post's" when the words the
    article shows for a quote-post are the quoted post's (its answer gives them): they were put under the quoting
    account, and the change list alone hid whose they are (newuser42b #3). "" otherwise, and where the quoted post
    holds no more of them than this post's own words (`ours` of them, word for word): a quote-post often repeats the
    words it quotes, and its own words, one dropped, were said to be the quoted post's (review43b)."""
    for reference in post.get("references") or ():
        if reference.get("type") != "quoted" or not reference.get("text"):
            continue
        compared = quotes.compare(said, reference["text"], lang=post.get("lang"), quote_lang=embed.get("lang"))
        if compared.matched <= ours:
            continue
        if compared.result == "pass" or (compared.result == "warn" and compared.matched * 2 > compared.post_words):
            who = f"@{reference['handle']}'s" if reference.get("handle") else "post"
            return (f"; the article's words are those of the post it quotes, {who} {reference['id']} "
                    f"(“{' '.join(reference['text'].split())}”), not this post's: they are shown under the quoting "
                    "account")
    return ""


OWN_PARAGRAPH = ", in the embed code's own paragraph, where the page wrote them: words the post never said"


def own_paragraph(compared: quotes.Comparison, embed: dict[str, Any], post: dict[str, Any] | None
                  ) -> quotes.Comparison:
    """A comparison whose words at the quote's ends are not the post's, where they stand in the `<p>` of an embed
    code's blockquote (its text read sure): a fail, since the page wrote them there (newuser38a #3: "… every bid
    published. Bribes were paid." warned "glued on by the page or a scraper?"). A scraped text's ends are a reading,
    and what embed code carries beside the words (its signature, hashtags, mentions; links are set aside already)
    no misquote: those still warn."""
    from dataclasses import replace

    if compared.result != "warn" or not (compared.extra_before or compared.extra_after) \
            or embed.get("detector") not in WHOLE_COPIES or embed.get("text_confidence") != "high":
        return compared
    handles = {h.casefold() for h in (embed.get("author_handle"), (post or {}).get("author_handle")) if h}
    if all(_carried_by_embed_code(words, handles) for words in (compared.extra_before, compared.extra_after) if words):
        return compared
    return replace(compared, result="fail", evidence=compared.evidence.replace(f" {quotes.GLUED_ON}", OWN_PARAGRAPH))


def _carried_by_embed_code(words: str, handles: set[str]) -> bool:
    """Whether words beside a post's in its embed code are what the code itself may carry: hashtags and mentions
    alone, or its signature ("Mara Quill @MaraQuill March 4 2024", naming the author's handle, or any when none is
    known)."""
    said = words.split()
    return all(w[:1] in "#@" for w in said) or _WIDGET_WORDS_RE.fullmatch(words) is not None or any(
        w.startswith("@") and (not handles or w[1:].casefold() in handles) for w in said)


# A widget's or a CMS's words inside an embed card, no one's quote: "Read more", "Show this thread", "Translate post"
# A reply's "Replying to @CityDesk (and @Port)", the platform's line above a reply's words (review39a)
_WIDGET_WORDS_RE = re.compile(r"(?:read|see|show|view)\s+(?:more|this\s+thread|the\s+(?:full\s+)?(?:thread|post|tweet)"
                              r"|on\s+(?:twitter|x))|translate\s+(?:post|tweet)"
                              r"|replying\s+to\s+@\w+(?:(?:\s*,\s*|\s+and\s+|\s+)@\w+)*(?:\s+and\s+\d+\s+others?)?",
                              re.IGNORECASE)


def _left_out(compared: quotes.Comparison) -> bool:
    """Whether a comparison warns of what the post says around the quoted words that the quote leaves out: a negation
    or a frame that denies them, a "Not." after them, a debunk label."""
    return bool(compared.left_out or compared.left_out_in_clause or compared.left_out_after or compared.undone)


# An article's encoding guessed unsure: (the encoding its text was read in, the rivals that read it otherwise)
Guess = tuple[str, tuple[str, ...]]


def unsure_guess(article: Article) -> Guess | None:
    """The article's encoding and its rivals when it was guessed unsure (no charset, not UTF-8, and other encodings
    read the bytes into other letters as plausibly); None when declared, given or sure."""
    if not article.encoding_detected or not article.encoding_rivals or not article.encoding:
        return None
    return article.encoding, tuple(article.encoding_rivals)


def read_otherwise(said: str, post_text: str, compared: quotes.Comparison, guess: Guess, *, what: str = "quote",
                   compare: Callable[[str, str], quotes.Comparison] = quotes.compare) -> str | None:
    """Why the changes of a quote (`what`: or a name, `compare` then `quotes.compare_names`) may be the encoding
    guess's, not the article's, or None: every change is in letters beyond ASCII, which the unsure guess read
    (review37b: a cp1250 page guessed cp1252 failed "Jiří → Jiøí", a misquote the article never made). A rival whose
    reading of the article's bytes is the post's words is named."""
    if not compared.changes or any((c.post + c.article).isascii() for c in compared.changes):
        return None
    encoding, rivals = guess
    for rival in rivals:
        try:
            again = said.encode(encoding).decode(rival)
        except (UnicodeError, LookupError):   # the quote holds a letter its encoding cannot write (an entity's)
            continue
        if compare(again, post_text).result == "pass":
            return (f"; the article's encoding was guessed, unsure ({encoding}), and {rival} reads the {what} as the "
                    "post gives it: the change may be the guess's, not the article's (give --encoding)")
    return (f"; the article's encoding was guessed, unsure ({encoding}; {', '.join(rivals)} read it otherwise), and "
            "every change is in letters beyond ASCII: it may be the guess's, not the article's (give --encoding)")


# Detectors that found a link, whose words are the article's, never a copy of the post's.
LINKS = ("html-link", "html-text-url", "text-url", "text-media-link", "html-source")


def _no_caption(embed: dict[str, Any], said: str | None, post: dict[str, Any] | None) -> str:
    """Why an Instagram embed's text check skipped: its code shows Instagram's placeholder, not the caption, and
    Instagram's oEmbed answer (Graph instagram_oembed: embed code and author, no caption) holds none to compare a
    quote with. "The article quotes no text of this post" was said beside a caption quoted next to the embed
    (newuser44c #3): words outside the embed code are not read as its quote."""
    quoted = embed.get("quote") or ""
    # the placeholder's words in another language ("Ver esta publicación en Instagram") are no placeholder the table
    # knows: its words as shown, never an empty quote ('', newuser45a #8)
    known = said or _placeholder_shown(quoted)
    shown = _shortened(" ".join((known or quoted or "").split()), 80)
    why = ("the post was not fetched" if post is None else
           "Instagram's oEmbed answer holds no caption" if post.get("status") == "available" else
           "no answer or archived copy holds its caption")
    # words the placeholder table does not know (a card in another language, or a caption whose markup a CMS stripped)
    # are said as words not read, never as Instagram's placeholder (review46a)
    placeholder = (f"Instagram's placeholder ('{shown}'), not the post's caption" if known and shown else
                   f"words ('{shown}') not read as the post's caption" if shown else
                   "no words of the post's (no caption)")
    return (f"not checked: the embed code shows {placeholder}, and {why}: "
            "a caption the article quotes beside the embed could not be compared (compare it by hand)")


def _quote_unchecked(said: str, post: dict[str, Any] | None) -> str:
    """Why the quote an article gives beside an Instagram embed code (`beside.embed_quote`) was not compared: nothing
    holds the caption to compare it with (newuser44c #3: "the article quotes no text of this post" was said)."""
    quoted = " ".join(said.split())
    quoted = quoted if len(quoted) <= 120 else f"{quoted[:119]}…"
    why = ("the post was not fetched" if post is None else
           "Instagram's answer holds no caption" if post.get("status") == "available" else
           "no answer or archived copy holds its caption")
    return f"{why}: the article's quote could not be checked (“{quoted}”: compare it by hand)"


def _no_text_read(embed: dict[str, Any], said: str | None) -> str:
    """Why a text check skipped with no words of the article's: a placeholder shown, a link, or words shown that
    were not read as the post's (an embed code whose reader takes none: stating "the article quotes no text" there
    was false, newuser29 #3)."""
    quoted = embed.get("quote") or ""
    shown = said if said and said.strip() else _placeholder_shown(quoted)
    if shown:
        return f"the article quotes no text of this post (it shows a placeholder: '{' '.join(shown.split())[:80]}')"
    if quoted.strip() and embed.get("detector") not in LINKS:
        return f"no text of this post was read from the article, which shows here: '{_shortened(quoted, 120)}' " \
               "(not compared)"
    if embed.get("detector") in LINKS and QUOTE_MARKS_RE.search(quoted):   # the link's own words (newuser39a §4)
        return QUOTED_LINK.format(words=_shortened(QUOTE_MARKS_RE.sub("", quoted).strip(), 120))
    if embed.get("detector") in LINKS:   # words quoted around a link may be there, unread (newuser34 #1)
        return NO_WORDS_BESIDE
    return "the article quotes no text of this post"


# Words quoted beside a link the reader leaves unread, named as such: "no quoted words were read" alone was taken for
# "the article quotes nothing" where the quote was the link's own words or the link sat inside it (newuser39a §4).
NO_WORDS_BESIDE = ("not checked: the article links this post; no quoted words were read beside the link (quoted "
                   "words the link is set inside, or that are its own words, are not read)")
QUOTED_LINK = ("not checked: the article links this post with quoted words as the link's own (“{words}”), which are "
               "not read as the post's (a link set in quoted words may name a story, not quote the post): compare "
               "them by hand")
QUOTE_MARKS_RE = re.compile("[“”\"«»„]")
BESIDE = "the words quoted beside the link"
# Fewer of a quote's words than this share found in the post: the quote is of something else, or rewritten whole.
LEAST_SHARED = 0.5
# Fewer than this, with two changes or more: as likely another post of the same person's, which a link's prose cannot
# tell apart (review34r6), so a change warns (quotes35); not where a change turns the post around, another figure or a
# negation dropped (quotes.turns_around: review35r2).
MOSTLY_SHARED = 2 / 3
# A quote in the link's sentence (`"…," Smith <a>posted</a>`) that holds at least this many of the post's words, word
# for word, with no change but those that turn the post around (another figure, a negation dropped or added, a cut of
# either): the post's own sentence, changed, not another post's (newuser42b #2: "We will cut 300 jobs …" of "We won't
# cut 300 jobs …", 12 of 13 words, warned "they may quote something else"). A short phrase ("Costs rose 21 percent
# this year") may be another post's of the same person, and still warns.
THIS_POSTS_WORDS = 8


def _this_posts_words(compared: quotes.Comparison) -> bool:
    """Whether a quote in a weaker reading is the post's own words changed: each change turns them around, between
    words both sides share, and the shared words are many (THIS_POSTS_WORDS) and most of the quote's."""
    real = [c for c in compared.changes if quotes.is_change(c)]
    # a negation dropped at the start of the post's sentence the quote opens as its own ("Vamos a subir" of "No vamos a
    # subir", `opens`) is no reading of where the quote starts either (review43b)
    return (compared.turned or any(c.opens for c in real)) and bool(real) \
        and all(quotes.turns_around(c) or c.cuts for c in real) \
        and compared.matched >= max(THIS_POSTS_WORDS, MOSTLY_SHARED * compared.said_words)


# What a video's text check compared: words beside a video's link may be what is said in it (newuser47b #3)
VIDEO_CAPTION = ("; the post is a video: the article's words were compared with its caption (the post's words), not "
                 "with what is said in the video, which is never checked")
_REEL_PAGES = ("/reel/", "/reels/", "/tv/")


def _video_post(embed: dict[str, Any], post: dict[str, Any] | None) -> bool:
    """Whether the post is a video, its words a caption: a TikTok video (not a photo post's `/photo/` page), an
    embed of kind "video" (Facebook, YouTube, Vimeo), an Instagram reel, or a post whose answer gives a video."""
    shown = embed.get("shown_url") or ""
    if embed.get("platform") == "tiktok":
        return "/photo/" not in shown
    if embed.get("kind") == "video" or embed.get("platform") == "instagram" and any(p in shown for p in _REEL_PAGES):
        return True
    return any(m.get("type") in ("video", "animated_gif") for m in (post or {}).get("media") or ())


# Words beside a link the article gives as another's report of the post ("…», según publicó el diario …", "…,”
# according to the Ledger": `extract.beside.REPORTED_AFTER_RE`): the article may quote that report to say it is wrong,
# so a change warns, named, and never fails; they were dropped unread (newuser45a #2).
REPORTED = "reported"
REPORTED_NOTE = ("; the article gives these words as another's report of the post (“según …” or “according to …” "
                 "after them): it may quote that report to say it is wrong, so this is no fail")


def _beside_link(result: str, evidence: str, compared: quotes.Comparison, said: str, post_text: str,
                 confidence: str | None) -> tuple[str, str]:
    """The verdict on words quoted beside a link (`extract.beside`): they may quote something else, which the
    evidence says; a quote that shares little with the post warns as such, never fails; a change fails only where
    the markup ties the words to the link (a colon after it, a pull-quote it signs), and warns elsewhere (newuser34
    #1: a prose quote with 12 changed to 21 passed --fail-on fail)."""
    post = " ".join(post_text.split())
    if result == "pass":
        return result, f"{BESIDE}: {evidence}"
    if confidence == REPORTED:   # "«…», según publicó el diario …": compared as a prose quote, never failed
        result, evidence = _beside_link(result, evidence, compared, said, post_text, "uncertain")
        return "warn", evidence + REPORTED_NOTE
    if compared.translated:   # a translation's words are not the post's by nature: said so, not "mostly not" (newuser44a #5)
        if result == "fail" and confidence != "high":
            return "warn", f"{BESIDE}: {evidence} (they may quote something else, so this is no fail); the post says: “{post}”"
        return result, f"{BESIDE}: {evidence}; the post says: “{post}”"
    if result == "warn" and not compared.changes and _left_out(compared):
        # a run of the post's words, word for word, leaving out what denies them: as an embed's trimmed quote says
        # it, with the post's words (newuser38a #4), not "differ from the post"
        return result, f"{BESIDE}: {evidence}; the post says: “{post}”"
    if compared.matched < LEAST_SHARED * max(compared.said_words, 1):
        return "warn", (f"{BESIDE} are mostly not the post's (they may quote something else): “{' '.join(said.split())}”"
                        f"; the post says: “{post}”")
    if result == "fail" and confidence != "high" and _this_posts_words(compared):
        return result, (f"{BESIDE} differ from the post: {evidence} (a quote in the link's sentence; but "
                        f"{compared.matched} of its {compared.said_words} words are the post's, word for word around "
                        "a changed figure or negation: this post's words, changed)")
    if result == "fail" and confidence != "high":
        return "warn", f"{BESIDE} differ from the post: {evidence} (they may quote something else, so this is no fail)"
    if result == "fail" and compared.matched < MOSTLY_SHARED * compared.said_words and len(compared.changes) > 1 \
            and not any(map(quotes.turns_around, compared.changes)) \
            and not quotes.other_figures(said, post_text):   # "300" → "3000", dropped "not": this post's
        return "warn", (f"{BESIDE} differ from the post: {evidence} ({compared.matched} of their "
                        f"{compared.said_words} words are the post's: they may quote another post, so this is no fail)")
    return result, f"{BESIDE} differ from the post: {evidence}"


def other_text_checks(result: ArticleResult, data: dict[str, Any], redactor: Redactor,
                      published: Published | None = None) -> list[dict[str, Any]]:
    """A text check for each further place the article shows the post with words of its own (`other_words`), as for
    the embed's own words, naming where: one post has one status, and every quote of it is checked (newuser29b §1:
    an embed code pasted again with a word changed was never compared)."""
    checks = []
    for place in data.get("other_words") or ():
        start, end = place["span"]
        found = text_check(data | {"text": place["text"], "detector": place["detector"],
                                   "text_confidence": place["text_confidence"],
                                   "quote": quote(result.article, place["span"], redactor)},
                           data["post"], data["resolutions"], published, unsure_guess(result.article))
        if place.get("unshown"):
            checks.append(unsettled_check(found | {"evidence": f"the page holds the post again at characters "
                                                               f"{start}–{end}: " + found["evidence"]},
                                          unshown(place["unshown"])))
            continue
        checks.append(found | {"evidence": f"the article shows the post again at characters {start}–{end}: "
                                           + found["evidence"]})
    return checks


# Methods that answer an edited post's id with the version asked for, not the latest (X API v2; syndication gives
# the latest edit).
ASKED_VERSION = ("x-api",)


def _text_method(post: dict[str, Any]) -> str | None:
    return (post.get("field_sources") or {}).get("text") or post.get("method")


def _asked_version(post: dict[str, Any]) -> bool:
    """Whether a post's live answer is the version asked for, not the latest edit: the X API's always; syndication's
    when it was stale, listing later versions after it (left32)."""
    return _text_method(post) in ASKED_VERSION or bool(post.get("stale_edit"))


def edit_of(post: dict[str, Any]) -> str | None:
    """The id of the later version a post's live answer is (its source answered the original's id with an edit),
    or None: that answer's text and time are the edit's, not what an article written before it could quote."""
    edits = post.get("edits") or []
    return edits[-1] if edits and edits[-1] != post["post_id"] and post["status"] == "available" \
        and not _asked_version(post) else None


EDITS_BEGAN = "2022-09-01T00:00:00Z"   # X's edit button, first to its staff: a post minted before was never edited
NOT_KNOWN_WHY = ("the post's edit history is not known (it was cached before edits were recorded, and its answer's "
                 "body was not kept: `fetch --refresh` asks again)")
HISTORY_NOT_KNOWN = f"; {NOT_KNOWN_WHY}, so a difference may be an edit: no fail"


def _history_not_known(post: dict[str, Any]) -> bool:
    """Whether a post may have been edited with nothing recorded of it: cached before edit ids were recorded, with no
    kept answer to read them from (fetch.EDITS_NOT_KNOWN), and minted since X's edits began."""
    if (post.get("field_sources") or {}).get("edits") != "not known" or post.get("platform", "twitter") != "twitter":
        return False
    minted = x.snowflake_time(post["post_id"])
    if minted is None:   # no mint time: unknown, unless a sequential id of before snowflakes (2010), older still
        return not (post["post_id"].isascii() and post["post_id"].isdigit() and int(post["post_id"]) < x.FIRST_SNOWFLAKE)
    return minted.strftime("%Y-%m-%dT%H:%M:%SZ") >= EDITS_BEGAN


def later_versions(post: dict[str, Any]) -> list[str]:
    """The ids of the versions made after the one a post's live answer holds (the X API gives the version asked
    for), whose words were not read: an article may quote one of them (edits29)."""
    edits = list(post.get("edits") or [])
    if post["status"] != "available" or not _asked_version(post) or post["post_id"] not in edits:
        return []
    return edits[edits.index(post["post_id"]) + 1:]


def earlier_versions(post: dict[str, Any]) -> list[str]:
    """The ids of the versions made before the one a post's live answer holds, when that answer is the version asked
    for (the X API's; syndication's for an edit asked for by its own id): an article may quote one (edits31)."""
    edits = list(post.get("edits") or [])
    if not edits or post["status"] != "available" or post["post_id"] not in edits or edit_of(post):
        return []
    return edits[:edits.index(post["post_id"])]


Held = tuple[str, str, list[str]]   # a text check's result, evidence and changes


def _versions_text(said: str, post: dict[str, Any], earlier: list[str], later: list[str], asked: Held,
                   published: Published | None = None) -> Held:
    """The text check of a post whose source gave the version asked for, with other versions: later ones (edits30),
    earlier ones (an edit asked for by its own id, edits31). Its words pass as any post's; the other versions read by
    their own ids (`versions`) are held against the quote next: one matching passes, naming it and when it was
    posted (the article quotes what the post says now, or said then); matching none, with every version read, is
    held against the closest (a fail is a misquote of every version); with a version not read it warns, as its words
    may be the article's. A capture holding the article's words is cited, and makes a fail a warn: the sources
    disagree on what the post said. A quote of an edit by an article dated before it was posted warns."""
    result, evidence, changes = asked
    note = _versions_note(post, earlier, later)
    if result == "pass":
        passed: Held = ("pass", f"{evidence}; {note}; the article quotes this version", changes)
        return _dated_before(published, passed, post["post_id"], post.get("created_at")) if earlier else passed
    read = {v["post_id"]: v for v in post.get("versions") or () if v.get("text")}
    held = [(read[i], quotes.compare(said, read[i]["text"], links=link_map(read[i].get("links")),
                                          lang=read[i].get("lang")))
            for i in earlier + later if i in read]

    def which(version: dict[str, Any]) -> str:
        return "earlier" if version["post_id"] in earlier else "later"
    for version, compared in held:
        if compared.result == "pass":
            passed = ("pass", (f"{note}; the article quotes the {which(version)} version {_version_named(version)}: "
                               f"{compared.evidence}; the version asked for says otherwise: {evidence}"), [])
            edit = post["edits"].index(version["post_id"]) > 0
            return _dated_before(published, passed, version["post_id"], version.get("created_at")) if edit else passed
    against = f"against this version's text, {evidence}" + "".join(
        f"; against the {which(v)} version {_version_named(v)}, {c.evidence}" for v, c in held)
    unread = [i for i in earlier + later if i not in read]
    if unread:
        kind = "an earlier" if set(unread) <= set(earlier) else "a later" if not set(unread) & set(earlier) \
            else "another"
        result, evidence = "warn", f"{note}; the article may quote {kind} version, {_unread(post, unread)}: {against}"
    else:
        best = min([(result, changes)] + [(c.result, [str(x) for x in c.changes]) for _, c in held],
                   key=lambda r: (r[0] != "warn", len(r[1])))
        result, changes, evidence = best[0], best[1], f"{note}; the quote matches no version: {against}"
    captured = _as_captured(said, post)
    if captured:
        copy, compared = captured[0]
        result = "warn"
        evidence += f"; the capture of {_utc(copy['captured_at'])} holds the article's words: {compared.evidence}"
    return result, evidence, changes


def _dated_before(published: Published | None, passed: Held, version: str, posted: str | None) -> Held:
    """A pass against the words of an edit, `version`, made a warn when the article's own date is before that
    version was posted (its `created_at`, else its id's time): the article cannot have quoted those words then, and
    was updated since, or its date is wrong (edits31). A date the page wrote with no zone, or a day alone, is taken
    at the latest it can be in UTC (`Published.latest`); an article with no date is as before. One the page says it
    modified after the version was posted, at the earliest its modified date can mean, quotes the words as updated:
    a pass, naming both dates (review31r1: it warned "cannot have quoted these words then")."""
    if published is None:
        return passed
    minted = x.snowflake_time(version)
    at = _instant(posted) or minted
    if at is None or published.latest >= at:
        return passed
    result, evidence, changes = passed
    dated = (f"{evidence}; but the article is dated {published.written} (its {published.source}), before the "
             f"version it quotes, {version}, was posted ({at.strftime('%Y-%m-%dT%H:%M:%SZ')})")
    modified = published.modified
    if modified is not None and modified.earliest is not None and modified.earliest >= at:
        return result, (f"{dated}, and modified {modified.written} (its {modified.source}), after the version it "
                        "quotes was posted: it quotes these words as updated"), changes
    return "warn", f"{dated}: it cannot have quoted these words then (updated since?)", changes


def _instant(value: str | None) -> datetime | None:
    """A UTC ISO time ("2021-05-03T09:32:40Z") as an aware datetime, or None."""
    from datetime import timezone

    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _version_named(version: dict[str, Any]) -> str:
    """A later version as evidence names it: its id, when it was posted, the fetch that gave it."""
    posted = version.get("created_at") or (
        minted.strftime("%Y-%m-%dT%H:%M:%SZ") if (minted := x.snowflake_time(version["post_id"])) else None)
    fetch = f"{version['method']}, fetch #{version['fetch_id']}" if version.get("fetch_id") else version["method"]
    return f"{version['post_id']}, posted {_utc(posted) if posted else 'at a time not known'} ({fetch})"


def _unread(post: dict[str, Any], unread: list[str]) -> str:
    """Why the words of `unread` versions are not known: the read that failed; a source that gives only a post's
    latest version (syndication); or a post cached before every version was read (edits29: none; edits30: the
    latest only), which `fetch --refresh` reads (edits31)."""
    failed = {v["post_id"]: v for v in post.get("versions") or () if not v.get("text")}
    method = _text_method(post)
    why = [f"{i}: {failed[i].get('reason') or failed[i]['status']}" if i in failed
           else f"{i}: not asked for ({method}'s answer was a stale version, this one listed after it)"
           if post.get("stale_edit") and method not in ASKED_VERSION
           else f"{i}: {method} gives only a post's latest version" if method not in ASKED_VERSION
           else f"{i}: not asked for when the post was cached: `fetch --refresh` reads it" for i in unread]
    return f"whose words were not read ({'; '.join(why)})"


def _versions_note(post: dict[str, Any], earlier: list[str], later: list[str]) -> str:
    def listed(ids: list[str], kind: str) -> str:
        return f"{len(ids)} {kind} version{'s' * (len(ids) > 1)}: {', '.join(ids)}"
    gave = f"{_text_method(post)} gave the version asked for, {post['post_id']}"
    if not earlier:
        return f"the post was edited since ({gave}, and lists {listed(later, 'later')})"
    if not later:
        return f"the post was edited before this version ({gave}, an edit of {listed(earlier, 'earlier')})"
    return (f"the post was edited before this version and since ({gave}, an edit of {listed(earlier, 'earlier')}, "
            f"and lists {listed(later, 'later')})")


def _edited_text(said: str, post: dict[str, Any], evidence: str, changes: list[str], *,
                 embed: dict[str, Any] | None = None) -> tuple[str, str, list[str]]:
    """The text check of a quote that differs from an edited post's live (edited) words: a capture holding the
    article's words passes; with one edit only (two versions), captures holding other words than the edit's hold the
    original, whenever taken (X's page for the original id shows it after the edit too), and the quote is held
    against it; captures that disagree on it are no ground for a verdict; else the article may quote a version
    nothing read shows, which is no fail (verdict28, review28c §3). A capture whose words cannot be tied to the
    original (`_untied`) grounds no verdict, and one that rests on a single capture says so (edits29)."""
    method = (post.get("field_sources") or {}).get("text") or post.get("method")
    edited = f"the post was edited since ({method} answered with {edit_of(post)}, an edit of this post)"
    others = _other_versions(post)
    loose = {id(c): why for c in others if (why := _untied(c, post)) is not None}
    holding = [c for c in _as_captured(said, post) if id(c[0]) not in loose]
    if holding:
        copy, compared = holding[0]
        return "pass", (f"{edited}; the capture of {_utc(copy['captured_at'])} holds the article's words: "
                        f"{compared.evidence}" + (ALONE if len(holding) == 1 else "")), []
    tied = [c for c in others if id(c) not in loose]
    cited = ", of ".join(_utc(c["captured_at"]) for c in others)
    against_edit = f"against the edited text, {evidence}"
    if len(post["edits"]) != 2 or not others:
        if not others:
            return "warn", f"{edited}; the article may quote an earlier version, which no capture read holds: " \
                           f"{against_edit}", changes
        return "warn", (f"{edited}, {len(post['edits']) - 1} times; the article may quote a version other than "
                        f"those read: {len(others)} capture(s) read hold other words than the edit's (the capture of "
                        f"{cited}), and the quote does not match them either: {against_edit}"), changes
    if not tied:
        return "warn", (f"{edited}, once; not sure which words were the original: " + "; ".join(
            f"the capture of {_utc(c['captured_at'])} holds other words than the edit's but cannot be tied to the "
            f"original ({loose[id(c)]})" for c in others) + f": {against_edit}"), changes
    original = tied[0]
    if any(not _same_version(original, other) for other in tied[1:]):
        cited = ", of ".join(_utc(c["captured_at"]) for c in tied)
        return "warn", (f"{edited}, once; not sure which words were the original: {len(tied)} captures read hold "
                        f"other words than the edit's and disagree (the capture of {cited}): {against_edit}"), changes
    compared = own_paragraph(quotes.compare(said, original["text"], links=link_map(original.get("links")),
                                            lang=original.get("lang")), embed or {}, post)
    when = "before" if original["captured_at"] < (post.get("created_at") or "") else "after"
    return compared.result, (f"{edited}, once: the capture of {_utc(original['captured_at'])}, {when} the edit, "
                             f"holds the original{ALONE if len(tied) == 1 else ''}: {compared.evidence}"), \
        [str(c) for c in compared.changes]


ALONE = " (the one capture read that does: the verdict rests on it alone)"
# Capture forms that show the post found by its own id (the version that id is, whenever captured: X's page for an
# edited post's original id shows the original); a head's og tags and a JSON answer may show the latest version.
BY_ID_FORMS = ("classic-permalink", "mobile-legacy", "react-dom")
ANSWER_FORMS = ("syndication", "oembed", "api-v1.1", "api-v2", "adaptive")


# What a capture read was, in words (JSON keeps the parser's `form`; the README's "Capture forms" lists both): "(none)"
# read as "no capture" or "no status", "(page-head)" as nothing at all (newuser35 F6); a check's evidence too
# (review35r5: "a page's head (page-head)")
FORM_WORDS = {
    "classic-permalink": "classic post page", "mobile-legacy": "old mobile post page",
    "react-dom": "post page as a browser built it", "page-head": "page head tags only",
    "x-shell": "x.com page shell, head tags only", "syndication": "syndication JSON", "oembed": "oEmbed JSON",
    "api-v1.1": "X API v1.1 JSON", "api-v2": "X API v2 JSON", "adaptive": "X timeline JSON",
    "none": "no post markup recognised",
}


def form_words(form: str | None) -> str:
    """A capture's form as a report names it ("page head tags only"); an unknown one as it is."""
    return FORM_WORDS.get(form or "none", form or "")


def _untied(copy: dict[str, Any], post: dict[str, Any]) -> str | None:
    """Why an edited post's capture holding other words than the edit's cannot be tied to the original version, or
    None when it can: it must be a capture of the original's id, and either taken before the first edit's id was
    minted (nothing else existed) or a page that shows the post found by that id (edits29: a reply's page, a head's
    og:description, a JSON answer giving the latest version were taken for the original)."""
    original = copy.get("original") or ""
    shown = _id_named(original)
    if shown != post["post_id"]:
        return f"it is a capture of {original}, not of the original's id" if original else "its URL is not known"
    edit = _first_edit_time(post)
    if edit is not None and copy["captured_at"] < edit or copy.get("form") in BY_ID_FORMS:
        return None
    form = copy.get("form") or "unknown"
    kind = "an answer" if form in ANSWER_FORMS else "a page's head"
    return (f"taken after the edit ({_utc(edit) if edit else 'time unknown'}), {kind} ({form_words(form)}), which may "
            "show either version")


def _id_named(url: str) -> str | None:
    """The post id a captured URL names: a status page's, or a JSON endpoint's id= or url= parameter's."""
    ref = x.parse_url(url) if url else None
    if ref is not None and ref.post_id:
        return ref.post_id
    found = re.search(r"[?&]id=(\d{1,20})\b|status(?:es)?(?:/|%2F)(\d{1,20})", url)
    return (found.group(1) or found.group(2)) if found else None


def _first_edit_time(post: dict[str, Any]) -> str | None:
    """When the version after the post's was made: its id's (snowflake) time, UTC ISO."""
    versions = list(post.get("edits") or [])
    at = versions.index(post["post_id"]) + 1 if post["post_id"] in versions else 1
    minted = x.snowflake_time(versions[at]) if at < len(versions) else None
    return minted.strftime("%Y-%m-%dT%H:%M:%SZ") if minted else None


def _other_versions(post: dict[str, Any]) -> list[dict[str, Any]]:
    """The captures read that hold other words than an edited post's live answer (its edit): another version, or a
    misread. Those taken before the edit come first (then by time): time breaks a tie, it decides nothing."""
    edit = {"text": post["text"], "links": post.get("links")}
    others = [c for c in post.get("archived") or [] if c["status"] == ARCHIVED_COPY and c.get("text")
              and not _same_version(c, edit)]
    return sorted(others, key=lambda c: (c["captured_at"] >= (post.get("created_at") or ""), c["captured_at"]))


def _same_version(one: dict[str, Any], other: dict[str, Any]) -> bool:
    """Do two copies of a post hold the same words (one may be cut short of the other's: a partial copy)?"""
    return quotes.compare(one["text"], other["text"], links=link_map(other.get("links"))).result == "pass" \
        or quotes.compare(other["text"], one["text"], links=link_map(one.get("links"))).result == "pass"


UNCERTAIN_TEXT = ("; the article's text is uncertain (where the post's words start or end on the page is a reading), "
                  "so this is no fail")


def _as_captured(said: str, post: dict[str, Any] | None) -> list[tuple[dict[str, Any], quotes.Comparison]]:
    """The archived copies that hold the article's words (a pass against each), in the order read."""
    found = []
    for copy in (post or {}).get("archived") or []:
        if copy["status"] == ARCHIVED_COPY and copy.get("text"):
            compared = quotes.compare(said, copy["text"], links=link_map(copy.get("links")), lang=copy.get("lang"))
            if compared.result == "pass":
                found.append((copy, compared))
    return found


def archived_copy_check(post: dict[str, Any] | None,
                        lookups: Sequence[dict[str, Any]] = ()) -> dict[str, Any] | None:
    """What the archived copies read add: a gone post's words recovered, or how live and archived differ. `lookups`:
    the embed's archive lookups, whose failed capture lists a check of no capture read cites."""
    if post is None:
        return None
    copies = post.get("archived") or []
    telling = [c for c in copies if c["status"] == ARCHIVED_COPY and c.get("text")]
    differences = post.get("differences") or []
    if post["status"] == "available":
        if differences:
            return check("archived-copy", "warn", "live and archived differ: " + "; ".join(
                _difference(d) for d in differences), [c for d in differences for c in d["changes"]])
        if telling:
            return check("archived-copy", "pass", f"the capture of {_utc(telling[0]['captured_at'])} says the same")
        return None
    if post["status"] not in READ_WHEN and not _refused_video(post):
        return None
    if telling:
        first = telling[0]
        return check("archived-copy", "pass", f"{post_is(post['status'])}; the capture of "
                                              f"{_utc(first['captured_at'])} holds its words ({first['capture']})")
    if copies:
        reasons = "; ".join(sorted({c.get("reason") or c["status"] for c in copies}))
        return check("archived-copy", "warn", f"{len(copies)} capture(s) read, none holds the post's words ({reasons})")
    return check("archived-copy", "skip", f"{post_is(post['status'])}; {_none_read(post, lookups)}")


def _refused_video(post: dict[str, Any]) -> bool:
    """A TikTok video its oEmbed refused to give (the 400 `oembed.refused` reads), an Instagram post Meta's refused to
    embed (Graph's error 100): an error whose captures the fetch reads, as it may be removed or private, and whose
    copies are checked as a gone post's are (fixleft43a)."""
    from resolver.fetch.oembed import refused

    return refused(post)


def _none_read(post: dict[str, Any], lookups: Sequence[dict[str, Any]]) -> str:
    """Why no capture of a gone post was read: its capture lists failed, cited (newuser35 F8: "no capture of it could be
    read" when no read had been tried), or none could be."""
    failed = [found for found in lookups if found.get("error") and _prefix(found)]
    lookup = post.get("archive_lookup") or ""
    if post.get("platform") and not captures_read(post):   # none asked for (newuser46c #6: "could be read")
        from resolver.origins import PLATFORM_NAMES

        return (f"{PLATFORM_NAMES.get(post['platform'], post['platform'])} captures are not read, so whether one "
                "holds its words is not known")
    if not failed and not lookup.startswith("error: "):
        if _NO_ARCHIVE.get() and not lookups:   # none looked for, now or before (review43a: "could be read")
            return ("not read: this report was made with --no-archive, which asks no archive, so whether a capture "
                    "holds its words is not known")
        return "no capture of it could be read"
    errors = [found["error"] for found in failed] or [lookup.removeprefix("error: ")]
    if all(map(refused_by_config, errors)):   # the config's choice, no failure (review43a, as newuser42a #2)
        return (f"not read: the archive's lists of its captures were not asked: {not_mapped_words(errors[0])}; so "
                "whether a capture holds its words is not known")
    why = "; ".join(dict.fromkeys(found["error"] for found in failed)) or lookup.removeprefix("error: ")
    return (f"not read: the archive's lists of its captures failed ({why}), so no capture was read and whether one "
            "holds its words is not known" + (f" (per the {lookups_text(failed)})" if failed else ""))


def post_is(status: str) -> str:
    """A post's status as evidence says it, in words ("the post is not found"), never its code ("not_found")."""
    if status == "suspended":
        return "the post's account is suspended"
    words = STATUS_WORDS.get(status, (status.replace("_", " "), ""))[0]
    return f"the post is {words}"


def _difference(found: dict[str, Any]) -> str:
    field = found["field"].replace("_", " ")
    live_at = f" ({provenance_text(found['live_source'])})" if found.get("live_source") else ""
    changes = f" ({'; '.join(found['changes'])})" if found.get("changes") else ""
    return (f"{field}: '{found['archived']}' in the capture of {_utc(found['archived_at'])}, "
            f"'{found['live']}' live{live_at}{changes}")


def identification_check(identified: dict[str, Any] | None, photo_elsewhere: str | None = None) -> dict[str, Any] | None:
    """How a link-less remnant's post was found, or why none was accepted (#9 §3). `photo_elsewhere`: the post its
    photo link leads to, not its own ("@town_hall's post … of …", see pipeline.photo_elsewhere), named beside."""
    reused = f"its photo link leads to {photo_elsewhere} (a re-used photo?)" if photo_elsewhere else None
    if identified is None:
        return check("identification", "skip", f"not identified; {reused}") if reused else None
    cited = listings_cited(identified)
    if identified["post_id"]:
        return check("identification", "pass" if identified["confidence"] >= 0.8 else "warn",
                     f"identified as {identified['post_id']} by its words (confidence {identified['confidence']:.2f}): "
                     f"{identified['reason']}{cited}" + (f"; {reused}" if reused else ""))
    if identified["verdict"] == NOT_CHECKED:
        return check("identification", "skip", (f"not identified; {reused}; {identified['reason']}" if reused
                                                else identified["reason"]) + cited)
    return check("identification", "skip", (f"not identified; {reused}; {identified['reason']}" if reused
                                            else f"not identified: {identified['reason']}") + cited)


def media_check(embed: dict[str, Any], post: dict[str, Any] | None, resolutions: list[dict[str, Any]]) -> dict[str, str]:
    links = embed.get("media_links") or []
    wrong = [r for r in resolutions if r["url"] in links and r.get("post_id")
             and embed.get("post_id") and r["post_id"] != embed["post_id"]]
    if wrong:
        # X itself writes a re-used photo's link to the post it was first posted with: not the article's error
        # (newuser28b; this failed before)
        led = "; ".join(f"{r['url']} leads to {another_post(r['post_id'], _handle_in(r))}" for r in wrong)
        return check("media", "warn", f"{led}, not the one embedded (a re-used photo?)")
    if not post or post["status"] != "available":
        return check("media", "skip", "no available post to compare with")
    media = post.get("media") or []
    # an oEmbed thumbnail (every YouTube video has one) is a picture of the post, not media an article links
    thumbnails = [m["url"] for m in media if m.get("type") == "thumbnail"]
    if thumbnails and len(thumbnails) == len(media):
        return check("media", "skip", f"the source gives only a thumbnail of the post ({', '.join(thumbnails)}), no "
                                      f"media an article would link: nothing to compare")
    found = len(media) - len(thumbnails)
    if not links and not found and embed.get("media_marker"):   # Bluesky's embed code says it has some (platforms30)
        return check("media", "skip", f"the article's embed code marks an image or embed (“{embed['media_marker']}”); "
                                      "the source gives no media to compare with")
    if not links:
        return check("media", "skip" if not found else "warn",
                     "no media link in the article" + (f"; the post has {found} media" if found else ""))
    # An edit may change a post's media, and an answer of a post whose edit history is not known may be an edit's:
    # a difference then rests on that history, and says so (edits30).
    unknown = HISTORY_NOT_KNOWN if not _asked_version(post) and _history_not_known(post) else ""
    # An edited post's media are one version's (syndication's answer: its latest; the X API's: the one asked for):
    # said, and a difference is no fail, as another version's may be the article's (edits31).
    version = _media_version(post)
    if found == 0:
        return check("media", "warn" if unknown or version else "fail",
                     f"the article shows {len(links)} media link(s); the post has no media now{unknown}{version}")
    if found >= len(links):
        return check("media", "pass", f"article links {len(links)} media ({', '.join(links)}); the post has "
                                      f"{found}{version}")
    return check("media", "warn", f"article links {len(links)} media ({', '.join(links)}); the post has "
                                  f"{found}{unknown}{version}")


def _media_version(post: dict[str, Any]) -> str:
    """Which version of an edited post its media are, as a media check says it ("; compared with the media of version
    <id> (syndication's answer), posted …; the post has 2 versions (…), …"), or "" for a post not known edited."""
    edits = list(post.get("edits") or [])
    if len(edits) < 2:
        return ""
    method = (post.get("field_sources") or {}).get("media") or post.get("method")
    edit = edit_of(post)
    answer = f"{method}'s answer, an edit of the post asked for" if edit else f"{method}'s answer"
    posted = post.get("created_at") or (
        minted.strftime("%Y-%m-%dT%H:%M:%SZ") if (minted := x.snowflake_time(edit or post["post_id"])) else None)
    return (f"; compared with the media of version {edit or post['post_id']} ({answer}), posted "
            f"{_utc(posted) if posted else 'at a time not known'}; the post has {len(edits)} versions "
            f"({', '.join(edits)}), and another version's media may differ")


def _handle_in(resolution: dict[str, Any]) -> str | None:
    """The handle the URL a link ended at names (twitter.com/town_hall/status/…), if it names one."""
    ref = x.parse_url(resolution.get("canonical_url") or resolution.get("final_url") or "")
    return ref.author_handle if ref else None


def archive_check(post: dict[str, Any] | None, snapshots: list[dict[str, Any]], looked_up: bool,
                  error: str | None = None, looked_for: str | None = None,
                  lookups: list[dict[str, Any]] | None = None, story: bool = False,
                  comment: bool = False) -> dict[str, Any]:
    """Is the post preserved? "No archived copy" only when an archive lookup answered; else "not checked". A copy
    is an HTTP 200 capture (as `stats`' at_risk_embeds counts), or a capture read that holds the post's words: the
    service's 404 or a redirect captured in its place is none. "None found" says where it was looked for: the
    post's pages its capture lookup listed (under each handle, renamed28), else the URL the archive was asked
    about (`looked_for`). A gone post nobody archived warns "at risk": whether the world kept a copy is no error of
    the article's, and `--fail-on fail` failed an article for it (newuser28b §6). The evidence names the `lookups`
    it rests on (`archive_lookups`). `story`: the embed is an Instagram story, no post, whose URL is looked up all the
    same (`_story_archive_check`). `comment`: the embed is a comment, which is not fetched."""
    if comment and not post and not snapshots and not looked_up and not error:
        # newuser46c #6: "the post was not fetched" of a comment, as if its captures had been looked for
        return check("archive", "skip", COMMENT_NOT_LOOKED_UP)
    found = _story_archive_check(snapshots, looked_up, error, looked_for) if story and not post else \
        _archive_check(post, snapshots, looked_up, error, looked_for)
    if post and found["result"] == "skip" and refused_by_config(error) and not looked_up and not snapshots \
            and (asked := [f for f in lookups or () if not refused_by_config(f.get("error"))]):
        found = check("archive", "skip", _partly_refused(error, asked))
    said = lookups_text(lookups or [], said=found["evidence"])
    why = _under_other_handles(looked_for, lookups or [])
    return found | {"evidence": f"{found['evidence']} (per the {said}{why})"} if said and (post or story) else found


COMMENT_NOT_LOOKED_UP = ("a comment: comments are not fetched, and the archive is not asked for their captures (the "
                         "thread's are looked up when the thread is embedded or fetched)")
STORY_GONE = "a story is no post: Instagram shows it for a day after it is posted, then no more"
STORY_UNREAD = ("not read: whether one holds the story is not known (Instagram shows a story only to logged-in "
                "viewers, and a capture of its URL is most often its login page)")
STORY_SAVE = ("a story can be kept only while it lasts, by a viewer logged in to Instagram: a screenshot or a screen "
              "recording, with its URL and the time it was seen")


def _story_archive_check(snapshots: list[dict[str, Any]], looked_up: bool, error: str | None,
                         looked_for: str | None) -> dict[str, Any]:
    """The archive check of an Instagram story an article links (newuser44c #8: "the post was not fetched", no lookup
    made): the captures the archive lists of its URL, named and not read, or none found, with what can be done."""
    if not looked_up and not snapshots:
        if error:
            return check("archive", "skip", f"not known: {_lookup_not_made(error)}; {STORY_GONE}")
        if _NO_ARCHIVE.get():
            return check("archive", "skip", "not checked: this report was made with --no-archive, which asks no "
                                            f"archive; whether an archived copy exists is not known; {STORY_GONE}")
        return check("archive", "skip", "not checked: no archive lookup of this story has been made (embed-resolver "
                                        f"archive looks it up); {STORY_GONE}")
    good = [s for s in snapshots if s.get("status") == "200"]
    if good:
        last = max(good, key=lambda s: s["timestamp"])
        listed = f"{len(good)} captures" if len(good) > 1 else "a capture"
        return check("archive", "warn", f"{STORY_GONE}; the archive lists {listed} of its URL (HTTP 200, latest "
                                        f"{captured_at(last['timestamp'])}), {STORY_UNREAD}: {last['url']}")
    where = f" for {looked_for}" if looked_for else ""
    return check("archive", "warn", f"at risk: {STORY_GONE}, and no archived copy was found{where}; {STORY_SAVE}")


def _partly_refused(error: str | None, asked: list[dict[str, Any]]) -> str:
    """The archive check of a post whose capture lists the config refused while other lookups were asked (the
    availability API's origin mapped, the CDX one's not): "not looked up" was said of lookups that were made, and
    cited (review43a). What was asked, and what it answered: no capture named, which alone does not tell that none
    exists."""
    answers = "; ".join(f"{LOOKUP_NAMES[f['service']]} of {f['url']}: "
                        + (f"{f['error']}" if f.get("error") else "it named no capture") for f in asked)
    return (f"not known: the archive's lists of its captures were not asked: {not_mapped_words(error)}; asked: "
            f"{answers}; which alone does not tell whether an archived copy exists")


def _under_other_handles(looked_for: str | None, lookups: list[dict[str, Any]]) -> str:
    """Why an X post's check cites lookups of URLs under another handle than the link's: "; the archive was asked
    under @RivertonRoads (too), the handle the post's answer gives (X serves the post by its id under any handle)"
    (newuser38a F11: the claim named the link's URL, the evidence only another, with no word why); "" otherwise."""
    ref = x.parse_url(looked_for or "")
    if ref is None or not ref.post_id or not ref.author_handle:
        return ""
    own = ref.author_handle.casefold()
    asked = [r.author_handle for found in lookups if (r := x.parse_url(found.get("url") or "")) is not None
             and r.post_id == ref.post_id and r.author_handle]
    others = list(dict.fromkeys(h for h in asked if h.casefold() != own))
    if not others:
        return ""
    too = " too" if any(h.casefold() == own for h in asked) else ""
    return (f"; the archive was asked under {', '.join('@' + h for h in others)}{too}, the handle the post's answer "
            "gives (X serves the post by its id under any handle)")


def _lookup_not_made(error: str) -> str:
    """Why a lookup gave no list, in words: withheld on purpose, not in the replayed files, refused by the config
    (newuser42a #2), or failed."""
    if error.startswith(WITHHELD):
        return error.removeprefix(WITHHELD)
    if not_replayed(error):
        return f"not looked up: {replay_miss(error)}"
    if refused_by_config(error):
        return f"not looked up: {not_mapped_words(error)}"
    return f"the archive lookup failed ({error})"


def _archive_check(post: dict[str, Any] | None, snapshots: list[dict[str, Any]], looked_up: bool,
                   error: str | None, looked_for: str | None) -> dict[str, Any]:
    if not post:
        return check("archive", "skip", "the post was not fetched")
    if not looked_up and not snapshots:
        if error and error.startswith(WITHHELD):   # not made, on purpose: says why, and that a copy is not known
            return check("archive", "skip", f"not known: {error.removeprefix(WITHHELD)}")
        if not_replayed(error):   # a replay whose files hold no lookup of it: none was made (reports36)
            return check("archive", "skip", f"not known: not looked up: {replay_miss(error)}")
        if refused_by_config(error):   # the config's choice: not asked (newuser42a #2)
            return check("archive", "skip", f"not known: not looked up: {not_mapped_words(error)}")
        if error:
            return check("archive", "skip", f"not known: the archive lookup failed ({error})")
        if _NO_ARCHIVE.get():   # the user's choice: no archive was asked (newuser42a #2)
            return check("archive", "skip", "not checked: this report was made with --no-archive, which asks no "
                                            "archive; whether an archived copy exists is not known")
        if post.get("archive_lookup") == NOT_LOOKED_UP:
            return check("archive", "skip", "not checked: the post's archived copies were not looked up (the run "
                                            "that fetched it was stopped first); whether a copy exists is not known")
        return check("archive", "skip", "not checked: no archive lookup of this post has been made "
                                        "(embed-resolver archive looks it up)")
    copies = archived_copies(post, snapshots)
    unread = [] if copies else unread_captures(post, snapshots)
    rest = [s for s in snapshots if s not in unread]
    others = "" if copies or not rest else _no_copies(post, rest)
    listed = _listed_unread(unread, post)
    pages = post.get("archive_looked_under") if post.get("archive_lookup") == "answered" else None
    if pages and looked_for and post.get("platform") == bluesky.PLATFORM and any(
            form not in pages for form in re.split(r", | and ", looked_for.split(" (not looked up")[0])):
        pages = None   # the report looked it up under more names than the fetch's lists (the handle its embed shows)
    where = f" {where_looked(pages)}" if pages else f" for {looked_for}" if looked_for else ""
    if post["status"] in ("unknown", "error") and not copies:
        # a post the config let no source be asked answered nothing (review44c: "answered with errors" said it did)
        why = "" if post["status"] != "error" else " (no source was asked: refused by [origins])" \
            if refused_by_config(post.get("reason")) else " (the sources answered with errors)"
        known = f"; {listed}" if listed else f"{where}{others}"
        return check("archive", "skip", f"the post's status is not known{why}; no archived copy is known{known}")
    if post["status"] in GONE:
        if copies:
            last = max(copies, key=lambda s: s["timestamp"])
            return check("archive", "warn", f"{post_is(post['status'])}; an archived copy exists: {last['url']}"
                                            f"{filed_under_a_handle(last['url'])}")
        if listed and error:   # another form's lookup failed: a copy may be filed there
            why = _lookup_not_made(error)
            return check("archive", "warn", f"{post_is(post['status'])} and no archived copy is known; {listed}; "
                                            f"whether another capture exists is not known: {why}")
        if others and error and not listed:   # captures read, none the post; another form's lookup failed
            why = _lookup_not_made(error)
            return check("archive", "warn", f"{post_is(post['status'])} and no archived copy is known{others}; "
                                            f"whether another capture exists is not known: {why}")
        if listed:   # a capture of the post's page nobody read may be a "post not found" page (review33r4)
            return check("archive", "warn", f"at risk: {post_is(post['status'])} and no archived copy is known; "
                                            f"{listed}")
        return check("archive", "warn", f"at risk: {post_is(post['status'])} and no archived copy was found{where}"
                                        f"{others}")
    if copies:
        latest = max(copies, key=lambda s: s["timestamp"])["url"]
        return check("archive", "pass", f"{len(copies)} archived cop{'y' if len(copies) == 1 else 'ies'}, latest "
                                        f"{latest}{filed_under_a_handle(latest)}")
    return check("archive", "warn", f"no archived copy was found{where}{others} (archive it: embed-resolver archive "
                                    "--save)")


def _no_copies(post: dict[str, Any], snapshots: list[dict[str, Any]]) -> str:
    """Why the captures listed are no copy: what those read showed instead of the post ("1 capture listed; it shows
    the suspended-account page, not the post"), and the others' HTTP statuses."""
    misread = {url: why for url, why in read_as_not_the_post(post).items()
               if any(s["url"] == url and s.get("status") == "200" for s in snapshots)}
    shown = sorted({misread[s["url"]] for s in snapshots if s["url"] in misread})
    rest = [str(s.get("status") or "status not known") for s in snapshots if s["url"] not in misread]
    said = []
    if shown:
        listed = len(snapshots) - len(rest)
        said.append(f"{listed} capture{'s' * (listed > 1)} listed; " + (
            shown[0].replace("the capture ", "it ", 1) if len(shown) == 1 and shown[0].startswith("the capture ")
            else f"read, none is the post: {'; '.join(shown)}"))
    if rest:
        redirects = any(status.startswith("3") for status in rest) and post["status"] not in GONE
        said.append(f"{len(rest)} {'other ' * bool(shown)}capture{'s' * (len(rest) > 1)}, none an HTTP 200 page: "
                    f"{', '.join(rest)}" + ("; where a redirect leads is not looked up here" if redirects else ""))
    return f" ({'; '.join(said)})"


def read_as_not_the_post(post: dict[str, Any] | None) -> dict[str, str]:
    """The snapshots (by URL) the tool read and found to hold no words of the post (a suspended-account page, a
    login wall, a page shell), each with what the reading said: none is a copy (newuser32 #2). A capture read
    once as the post is a copy, whatever another reading said."""
    copies = [c for c in (post or {}).get("archived") or [] if c.get("capture")]
    held = {c["capture"] for c in copies if c["status"] == ARCHIVED_COPY and c.get("text")}
    return {c["capture"].replace("id_/", "/", 1): c.get("reason") or f"the capture shows the post {c['status']}"
            for c in copies if c["capture"] not in held}


def filed_under_a_handle(copy: str) -> str:
    """A word when the archived copy `copy` is filed under a Bluesky handle URL: a handle can move to another account,
    so the capture may be another account's page (review33r4: "an archived copy exists: <capture under the handle>"
    was said as plainly as of one under the post's DID). Under a DID, or of another platform: nothing."""
    captured = platforms.archived_capture(copy)
    ref = platforms.parse_url(captured[0]) if captured is not None else None
    handle = ref.author_handle if ref is not None and ref.platform == bluesky.PLATFORM else None
    if not handle or bluesky.is_did(handle):
        return ""
    return f" (filed under the handle {handle}, which may have named another account when it was captured)"


def captures_read(post: dict[str, Any] | None) -> bool:
    """Whether the tool reads the captures of the post's platform (resolver.fetch.wayback reads X's and Telegram's):
    of any other platform, an HTTP 200 capture of the post's page is not known to hold the post (it may be the
    platform's "post not found" page)."""
    from resolver.fetch import CAPTURES_READ

    return (post or {}).get("platform") in CAPTURES_READ


def unread_captures(post: dict[str, Any] | None, snapshots: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The HTTP 200 snapshots of a post no copy because nobody read them: of a post not available now (a capture of a
    post available now is of its page: README "Archived copies"), those of a platform whose captures the tool does not
    read (review33r4: a capture of a gone Bluesky post's page was "an archived copy exists"), and on X those beyond
    the captures read (`read_captures` reads three: capture34, the others were each "an archived copy"). Whether one
    holds the post is not known."""
    if post is None or post.get("status") == "available":
        return []
    good = [s for s in snapshots if s.get("status") == "200"]
    if not captures_read(post):
        return good
    read = {c["capture"].replace("id_/", "/", 1) for c in post.get("archived") or [] if c.get("capture")} | set(
        post.get("captures_held_before") or [])
    return [s for s in good if s["url"] not in read]


def _listed_unread(unread: list[dict[str, Any]], post: dict[str, Any] | None = None) -> str:
    """How a check says the captures listed but not read: "a capture is listed (HTTP 200, <time>, not read: whether
    it holds the post is not known): <url>", naming the latest; after the captures of `post` read, none of them the
    post, "3 captures read, none holds the post (what they show); 2 more listed, not read (…)" (capture34)."""
    if not unread:
        return ""
    last = max(unread, key=lambda s: s["timestamp"])
    where = f"{last['url']}{filed_under_a_handle(last['url'])}"
    read = len((post or {}).get("archived") or [])
    if read:
        shown = sorted(set(read_as_not_the_post(post).values()))
        more = f"HTTP 200, {captured_at(last['timestamp'])}; whether it holds" if len(unread) == 1 else \
            f"HTTP 200, latest {captured_at(last['timestamp'])}; whether any holds"
        return (f"{read} capture{'s' * (read > 1)} read, none holds the post"
                + (f" ({'; '.join(shown)})" if shown else "")
                + f"; {len(unread)} more listed, not read ({more} the post is not known): {where}")
    lookup = (post or {}).get("archive_lookup") or ""
    if lookup.startswith("error: ") and "could not be read" in lookup:   # why: a read failed (a 503), said
        where += f"; {lookup.removeprefix('error: ')}"
    many = f"{len(unread)} captures are listed (HTTP 200, latest {captured_at(last['timestamp'])}, not read: whether " \
           f"any holds the post is not known)"
    one = f"a capture is listed (HTTP 200, {captured_at(last['timestamp'])}, not read: whether it holds the post is " \
          f"not known)"
    return f"{one if len(unread) == 1 else many}: {where}"


def archived_copies(post: dict[str, Any] | None, snapshots: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The copies of the post ({url, timestamp: YYYYMMDDhhmmss}): its HTTP 200 snapshots not read as something else
    than the post (none of a post not available whose captures the tool does not read: `unread_captures`), and every
    capture read that holds its words (under x.com, say, where the snapshots of its twitter.com URL are redirects)."""
    misread = read_as_not_the_post(post)
    unread = {s["url"] for s in unread_captures(post, snapshots)}
    found = {s["url"]: s["timestamp"] for s in snapshots
             if s.get("status") == "200" and s["url"] not in misread and s["url"] not in unread}
    for copy in (post or {}).get("archived") or []:
        if copy["status"] == ARCHIVED_COPY and copy.get("text"):
            found.setdefault(copy["capture"].replace("id_/", "/", 1), re.sub(r"\D", "", copy["captured_at"])[:14])
    return [{"url": url, "timestamp": stamp} for url, stamp in found.items()]


def _plain(text: str) -> str:
    """Words only, case folded: how names in credits are compared."""
    return " ".join(t for t in quotes.tokens(text, by_character=False) if t != quotes.ELLIPSIS).casefold()


def _within(part: str, whole: str) -> bool:
    """Whether the words of `part` (some) are a run of the words of `whole`: "Fiction" is in "Dee Fiction", "Ann
    Lee" is not in "Joann Leeds" (letters are not words), and nothing is in a byline of no words ("-")."""
    small, big = part.split(), whole.split()
    return bool(small) and any(big[i:i + len(small)] == small for i in range(len(big) - len(small) + 1))


# words beside an organisation's name that make it no other organisation: a notice's, a company's form, "the"
_FORM_WORDS = frozenset({"ltd", "limited", "inc", "llc", "plc", "co", "corp", "gmbh", "ag", "sa", "srl", "company",
                         "group", "a", "an"})


def _qualified_in(said: str, fields: Sequence[str], written: str = "") -> str | None:
    """The part of a file's organisation field (as written) in which the article's organisation (`said`, word-folded)
    is found only inside a longer name whose other words qualify it: "Defence Ministry" in "Russian Defence Ministry",
    "Ministry of Defence" in "Ministry of Defence of Ukraine" (review45a: each passed as one organisation, the
    article's credit not saying which ministry). None when some part names it with only a notice's words, a company's
    form or "the" besides ("The Riverton Post", "© 2024 Harbour Pictures Ltd."), a lender's courtesy words ("Courtesy
    of Harbour Pictures"), or an agency's own desk or region ("Getty Images Europe", "dpa-Zentralbild": `written`, the
    article's organisation as written, names the agency the part names; review46f: each warned), or when no part holds
    it."""
    qualified = None
    agencies = _agencies_named(written or said, whole=True)
    for field in fields:
        for part in _CREDIT_PARTS.split(field):
            words = _plain(part).split()
            if words[:1] == ["courtesy"]:
                words = words[2:] if words[1:2] == ["of"] else words[1:]
            if agencies and agencies <= _agencies_named(part) and _within(said, _plain(part)):
                return None
            small = said.split()
            at = next((i for i in range(len(words) - len(small) + 1) if words[i:i + len(small)] == small), None)
            if not small or at is None:
                continue
            rest = words[:at] + words[at + len(small):]
            if all(w in _NOTICE_WORDS or w in _FORM_WORDS or w.isdigit() for w in rest):
                return None
            qualified = qualified or part.strip()
    return qualified


def _qualified_warning(credit: dict[str, Any], said: str, part: str, inside: str, before: str = "") -> dict[str, str]:
    """The warn of an organisation the file names only qualified (`_qualified_in`): both names, never a pass."""
    return check("image-metadata", "warn", f"{before}article credits '{said}', the file names '{part}' ({inside}): the "
                                           f"file's name says more than the article's (which one, whose), so whether "
                                           f"they are one organisation is not known")


def other_credits(credits: list[dict[str, Any]], images: Mapping[str, dict[str, Any]] | None = None
                  ) -> list[list[dict[str, str]]]:
    """Each credit's `other-credits` checks: a warning for each other credit of the same photo (sizes aside) naming
    someone else, a person or an agency, so that a page crediting a photo two ways (its og:image:alt one way, its
    JSON-LD another: newuser35b #6) says so beside both. A credit naming less (an agency alone beside a person and
    that agency) is no disagreement, nor are the credits one line gives ("Photos by Ann Lee, left, and Bo Chan/AP"
    for a composite: one span); credits are numbered as the reports number them. Two addresses of one photo by
    their shape (`same_photo`) are decided by their files when both were fetched (`images`: by URL, their facts):
    one file, or one picture at another size (the same perceptual hash); two files of addresses that differ only in
    their query are two photos, and of another size's address (a crop, a thumbnail: their hashes apart) not known to
    be one, as two that differ only in their query and were not fetched (newuser42a #12: `plain.jpg?v=4` and `?v=5`,
    each credit listing its own URL, were "this image"; review43a: an og:image crop's credit was no longer held
    against the photo's)."""
    from resolver.extract.html_credits import same_photo

    found: list[list[dict[str, str]]] = [[] for _ in credits]
    for i, one in enumerate(credits):
        for j, other in enumerate(credits):
            if i == j or one["span"] == other["span"] or not one.get("image") or not other.get("image") \
                    or not same_photo(one["image"], other["image"]) or not _credits_disagree(one, other):
                continue
            where = other["source"] + (f" {other['form']}" if other["source"] == "attribute" and other.get("form")
                                       else "")
            names = " / ".join(v for v in (other.get("creator"), other.get("organization")) if v)
            files = _one_file(one["image"], other["image"], images or {})
            if files == "" and _query_apart(one["image"], other["image"]):
                continue   # two files, two pictures: two versions of the address (?v=4, ?v=5), two photos
            if files == "":
                # another size's address, another file and hash: a crop (og:image's 1200x630) or a small thumbnail
                # hashes apart from its photo, so nothing says it is another photo (review43a: nothing was said)
                found[i].append(check("other-credits", "warn", f"credit {j + 1} ({where}) credits {names} an image "
                                      f"whose address names this photo at another size ({other['image']}), but whose "
                                      "file and perceptual hash differ from this one's: if it is the same photo "
                                      "(another crop or size), the page credits it in more than one way"
                                      f"{_in_two_scripts(one, other)}; whether they are one photo is not known"))
                continue
            if files is None and _query_apart(one["image"], other["image"]):
                found[i].append(check("other-credits", "warn", f"credit {j + 1} ({where}) credits {names} an image "
                                      f"whose address differs from this one's only in its query ({other['image']}): "
                                      "if it is the same photo, the page credits it in more than one way"
                                      f"{_in_two_scripts(one, other)}; the files were not both fetched, so whether "
                                      "they are one photo is not known"))
                continue
            found[i].append(check("other-credits", "warn", f"credit {j + 1} ({where}) credits this image to {names}: "
                                                            f"the page credits it in more than one way"
                                                            f"{_in_two_scripts(one, other)}{files or ''}"))
    return found


def _in_two_scripts(one: dict[str, Any], other: dict[str, Any]) -> str:
    """What the other-credits warning adds when two credits of one photo name their creators in two scripts ("Іван
    Петренко" in the caption, "Ivan Petrenko" in the JSON-LD creditText): they may be one person's name
    transliterated, which cannot be told, as the caption against the file's By-line says (fixname43); the
    organisations' difference, if they differ too. "" when the names are in one script, or one is the other in
    look-alike letters ("Іvаn Реtrоv": no transliteration)."""
    a, b = one.get("creator"), other.get("creator")
    scripts = _other_script(a, b) if a and b else None
    if not a or not b or scripts is None or _look_alike(a, b):
        return ""
    pair = (f"'{a}' ({scripts[0]} letters) and '{b}' ({scripts[1]} letters) are written in different scripts and may "
            "be one person's name transliterated, which cannot be told")
    if _disagree(_agency_of(one.get("organization")), _agency_of(other.get("organization"))):
        return f": the organisations differ ('{one['organization']}', '{other['organization']}'); the names {pair}"
    return f", or one way in two scripts: not known: {pair}"


def _one_file(a: str, b: str, images: Mapping[str, dict[str, Any]]) -> str | None:
    """Whether the files of two addresses of one photo by their shape are one photo: "" when both were fetched and are
    two pictures; the words saying why they are one (one file, one picture at another size) when so; None when the
    files were not both fetched (or the addresses are one)."""
    one, other = images.get(a) or {}, images.get(b) or {}
    if a == b or not one.get("sha256") or not other.get("sha256"):
        return None
    if one["sha256"] == other["sha256"]:
        return f" (its image {b} is the same file, sha256 {other['sha256']})"
    if one.get("phash") and one.get("phash") == other.get("phash"):
        return f" (its image {b} is the same picture at another size, by their perceptual hashes)"
    return ""


def _query_apart(a: str, b: str) -> bool:
    """Two addresses that differ only in their query (`plain.jpg?v=4`, `plain.jpg?v=5`)."""
    return a != b and a.partition("?")[0].partition("#")[0] == b.partition("?")[0].partition("#")[0]


def _credits_disagree(one: dict[str, Any], other: dict[str, Any]) -> bool:
    """Do two credits name different people, or different organisations (an agency under two names is one, in any
    script the views know it by: "Reuters" and "رويترز"; a name is one with or without its accents: "Carla Díaz")?"""
    return _disagree(one.get("creator"), other.get("creator")) \
        or _disagree(_agency_of(one.get("organization")), _agency_of(other.get("organization")))


def _disagree(one: str | None, other: str | None) -> bool:
    """Do two names, both given, differ by their words (neither's a run of the other's), accents aside?"""
    a, b = _unaccented(_plain(one or "")), _unaccented(_plain(other or ""))
    return bool(a and b and not (_within(a, b) or _within(b, a)))


def _agency_of(organization: str | None) -> str | None:
    """An organisation as `agency_key` compares it: each part of its slash chain that cache/agencies.py names (one
    list for extraction and the research views, in several scripts) as that agency's key."""
    from resolver.extract.credit_names import agency_key

    return agency_key(organization)


# The Arabic yeh, alef maksura and kaf as Persian writes them: one name in windows-1256 sites' letters and Persian's
_AS_PERSIAN = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"})


def _one_name(one: str, other: str) -> bool:
    """Whether two word-folded names (`_plain`) are one, the words of either a run of the other's: compared without
    their marks (Latin accents, Arabic vowel marks: "Carla Díaz" and "Carla Diaz", "مُحَمَّد" and "محمد"), the Arabic
    yeh and kaf as the Persian ones ("مريم رضايي" and "مریم رضایی"), and in scripts without Latin letters, words a ZWNJ
    joins as spaced ("علی‌رضا" and "علی رضا"). review44a: each failed as two people; the page's other credits held
    them one already (`_credits_disagree`)."""
    if _within(one, other) or _within(other, one):
        return True
    a, b = (_unaccented(name).translate(_AS_PERSIAN) for name in (one, other))
    if _within(a, b) or _within(b, a):
        return True
    return bool(a) and not any("a" <= c <= "z" for c in a + b) and a.replace(" ", "") == b.replace(" ", "")


def _unaccented(text: str) -> str:
    """Text without its combining marks: "díaz" as "diaz"."""
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def agency_name_checks(credit: dict[str, Any]) -> list[dict[str, str]]:
    """Why a credit naming an agency by a short name that is also something else ("AA", "EPA", "تسنیم") is uncertain,
    when only its place made it a credit ("Two batteries (AA)": credits36); nothing otherwise."""
    from resolver.extract.credit_names import BY_PLACE_FORMS, ambiguous_agency

    if credit.get("form") not in BY_PLACE_FORMS or credit.get("creator") or credit.get("split_confidence") != "uncertain":
        return []
    also = ambiguous_agency(credit.get("organization"))
    return [check("agency-name", "warn", f"'{credit['organization']}' is {also}: read as the agency by its place "
                                         "alone, no credit word names it")] if also else []


def relative_image(credit: dict[str, Any]) -> bool:
    """The credit's image is named by a relative address (`/img/x.jpg`, `//host/x.jpg`) that no URL of the article
    made absolute (`pipeline.images_at`): no address to ask for, so never fetched."""
    from resolver.workers import has_scheme

    return bool(credit.get("image")) and not has_scheme(str(credit["image"]))


# A platform as a credit names it ("Instagram", "X", "Bluesky"), as embeds name theirs (`Embed.platform`)
CREDITED_PLATFORMS = {"x": "twitter", "bsky": "bluesky"}


def account_embeds(credit: dict[str, Any], embeds: list[dict[str, Any]]) -> list[int]:
    """The numbers (as reports number embeds) of the article's embeds by the account a social-post credit names
    ("Photo: Instagram/@jane" beside embed 1 by @jane on Instagram, newuser44c #4): the credit names that post's
    account, which says nothing of whether the picture is that post's. [] for any other credit."""
    if credit.get("kind") != "social-post" or not credit.get("creator") or not credit.get("organization"):
        return []
    platform = str(credit["organization"]).casefold()
    platform = CREDITED_PLATFORMS.get(platform, platform)
    account = str(credit["creator"]).lstrip("@").casefold()
    return [number for number, embed in enumerate(embeds, start=1)
            if embed.get("platform") == platform and _embeds_account(embed).lstrip("@").casefold() == account]


def _embeds_account(embed: dict[str, Any]) -> str:
    """The account an embed's post is by: the one its source (or a capture) named, else the handle the article wrote
    (its URL or embed code). A post fetched as another account's is not the written handle's (review45c: a credit
    naming @jane was "the account of embed 1" beside embed 1's failed author check, the post @bob's)."""
    said, _ = said_by_post(embed.get("post"))
    return ((said or {}).get("author") or {}).get("handle") or embed.get("author_handle") or ""


def credit_checks(credit: dict[str, Any], facts: dict[str, Any] | None) -> list[dict[str, str]]:
    """The article's photo credit against the credit fields inside the image file."""
    if not credit.get("image"):
        return [check("image-metadata", "skip", "the credit is tied to no image")]
    if relative_image(credit):   # a page read from a file: no URL to read its address against (newuser42a #1)
        return [check("image-metadata", "skip", f"its address {credit['image']} is relative, and the article's own "
                                                "URL is not known: the image could not be checked; give the "
                                                "article's URL rather than a file to check it")]
    if not facts or facts.get("error"):
        reason = (facts or {}).get("error") or "the image was not fetched"
        if (refused := MediaFile(str(credit["image"]), error=reason)).refused:   # the config's choice (newuser39b #6)
            reason = f"the image was not asked: {refused.refusal}"
        return [check("image-metadata", "skip", reason)]
    embedded = facts.get("credit") or {}
    unsure = facts.get("credit_unsure") or {}
    if not embedded and not unsure:
        if credit.get("kind") == "screenshot":   # a screen capture keeps no camera's or agency's fields (newuser46a #7)
            return [check("image-metadata", "skip", "a screenshot: its file carries no credit metadata, as expected "
                                                    "of a screen capture; nothing to hold the credit against")]
        return [check("image-metadata", "warn", "the image file carries no credit metadata")]
    people = [embedded[k] for k in PERSON_FIELDS if _plain(embedded.get(k) or "")]
    orgs = [embedded[k] for k in ORG_FIELDS if _plain(embedded.get(k) or "")]
    said_people = _plain(credit.get("creator") or "")
    said_org = _plain(credit.get("organization") or "")
    inside = "; ".join(f"{k}: {v}" for k, v in embedded.items())
    if unsure and (found := _unsure_checked(credit, unsure, said_people if not people else "",
                                            said_org if not orgs and not (said_people and people) else "", orgs,
                                            inside)):
        return [found]
    if not embedded:
        return [check("image-metadata", "warn", "the image file carries no credit metadata read with certainty (its "
                                                "fields name no character set and are not UTF-8)")]
    if credit.get("kind") == "handout" and not said_people and _no_giver(said_org) \
            and (given := _givers(embedded)):
        # "Photo: Handout", "Foto: Divulgação": whose handout it is the article does not say; the file's names are
        # not the article's credit (fixnu45d: "nothing comparable"; "Riverton Police/Handout" passed on its word)
        return [check("image-metadata", "warn", f"the article credits a handout and does not say whose; the file "
                                                f"names {given}: the article's credit names no one to check against "
                                                f"them (file: {inside})")]
    if credit.get("kind") == "courtesy" and not said_people and said_org and people:
        # "Photo courtesy of Jane Doe": a lender, not said to be who made it (newuser42a #6); the file's creator
        # named so is one name both give (review43a: "nothing comparable" was said of it)
        if any(_one_name(said_org, _plain(p)) for p in people):
            return [check("image-metadata", "pass", f"the article names who lent the picture, "
                                                    f"'{credit['organization']}', and the file's creator field holds "
                                                    f"that name ({inside})")]
        if not orgs:
            return [check("image-metadata", "skip", f"the article names only who lent the picture, "
                                                    f"'{credit['organization']}', not who made it, and the file names "
                                                    f"no organisation: nothing to hold the lender against "
                                                    f"(file: {inside})")]
    if credit.get("kind") == "rights-reserved" and not said_people and not said_org and (people or orgs):
        # "Crédit photo : DR": droits réservés, no author named, where the file names one: both said, never a pass nor
        # "nothing comparable" (newuser46a #10). A file's own "DR" or "Tous droits réservés" names no one either
        # (review46h: "the file names DR" was said)
        if not (authors := [v for v in dict.fromkeys([*people, *orgs]) if _names_an_author(v)]):
            return [check("image-metadata", "skip", f"neither the caption nor the file names an author (DR: rights "
                                                    f"reserved; file: {inside}): nothing to compare")]
        return [check("image-metadata", "warn", f"the caption names no author (DR: rights reserved); the file names "
                                                f"{', '.join(authors)} ({inside})")]
    if credit.get("kind") == "screenshot" and not said_people and people:
        # "Foto: Screenshot/YouTube" beside a file whose by-line or Artist names a photographer: the caption says no
        # one made the picture, the file that someone did; "nothing comparable" was said (review46h)
        shot_from = credit.get("organization") or ""
        if shot_from and any(_one_name(said_org, _plain(p)) for p in people):
            return [check("image-metadata", "skip", f"the caption calls the picture a screenshot taken from "
                                                    f"'{shot_from}' and the file names that name as its creator; who "
                                                    f"made the picture the caption does not say ({inside})")]
        taken = f" taken from '{shot_from}'" if shot_from else ""
        return [check("image-metadata", "warn", f"the caption calls the picture a screenshot{taken} and names no one "
                                                f"who made it; the file names {', '.join(dict.fromkeys(people))} as "
                                                f"its creator: a photograph's credit, or the file's own ({inside})")]
    if said_people and people:
        if any(_one_name(said_people, _plain(p)) for p in people):
            return [_same_creator_agency(credit, orgs, [said_people, *map(_plain, people)], inside)]
        if not _plain(embedded.get("byline") or ""):
            # EXIF Artist and XMP dc:creator are often a camera's owner setting or an editing tool's preset, not the
            # picture's credit (newuser31 #7); the IPTC By-line is what a wire agency sets for each picture.
            named = "; ".join(f"{k}: {embedded[k]}" for k in ("artist", "creator") if _plain(embedded.get(k) or ""))
            return [check("image-metadata", "warn", f"article credits '{credit['creator']}', the file's {named}: "
                                                    f"EXIF Artist and XMP dc:creator are often a camera owner's or an "
                                                    f"editing tool's setting, not the photo's credit, so this is no "
                                                    f"fail (file: {inside})")]
        if (scripts := _byline_script(credit["creator"], embedded["byline"], [said_people, *map(_plain, people)])) \
                and not _look_alike(credit["creator"], embedded["byline"]):
            # "محمد سالم" beside a by-line "Mohammed Salem": a transliteration varies (Mohammed, Muhammad, Mohamed),
            # so whether they are one person is not known; never a fail, never a pass (fixnu43a's note). A by-line
            # in letters drawn as the caption's ("Іvаn Реtrоv" in Cyrillic І а Р е о) is no transliteration.
            return [_names_in_two_scripts(credit, embedded["byline"], scripts, orgs,
                                          [said_people, *map(_plain, people)], inside)]
        return [check("image-metadata", "fail", f"article credits '{credit['creator']}', the file says {inside}")]
    if origin := _via_originator(credit):   # "X via AP": whose picture it is, not only who sent it (newuser44a #2)
        return [_originator_checked(credit, origin, embedded, orgs, said_people, people, inside)]
    return [_organisation_checked(credit, orgs, said_people, people, inside)]


# The words of a rights-reserved notice in a file's field ("DR", "D.R.", "Tous droits réservés"; German, Spanish,
# Italian, Portuguese: "Alle Rechte vorbehalten", review47a): they name no author
_RIGHTS_RESERVED_WORDS = frozenset({"dr", "d", "r", "droits", "réservés", "reserves", "tous", "c", "alle", "rechte",
                                    "vorbehalten", "todos", "los", "os", "derechos", "direitos", "reservados",
                                    "tutti", "i", "diritti", "riservati"})


def _names_an_author(value: str) -> bool:
    """Does a file's credit field name someone, not only say rights are reserved ("© DR", "Tous droits réservés")?"""
    return any(w not in _RIGHTS_RESERVED_WORDS and w not in _NAMES_NO_ONE and not w.isdigit()
               for w in _plain(value).split())


def _no_giver(said_org: str) -> bool:
    """Whether a handout credit's organisation (word-folded) names no giver: none, or only a handout's own words
    ("Handout", "Handout photo", "Divulgação")."""
    from resolver.extract.credit_names import LABELS

    words = set(LABELS["handout"].replace("|", " ").split()) | {"photo", "foto", "image", "picture"}
    return all(w in words or _unaccented(w) in words for w in said_org.split())


def _givers(embedded: dict[str, str]) -> str:
    """What a file's credit fields name besides a handout's words and a notice's ("byline 'Jane Roe', credit_line
    'Riverton Police'"), "" when nothing."""
    found = []
    for key in (*PERSON_FIELDS, *ORG_FIELDS):
        for part in _CREDIT_PARTS.split(embedded.get(key) or ""):
            words = _plain(part).split()
            if any(w not in _NAMES_NO_ONE and not _no_giver(w) and not w.isdigit() for w in words) \
                    and (said := f"{key} '{part.strip()}'") not in found:
                found.append(said)
    return ", ".join(found)


def _organisation_checked(credit: dict[str, Any], orgs: list[str], said_people: str, people: list[str],
                          inside: str) -> dict[str, str]:
    """The check of a credit's organisation against the file's organisation fields, no creator compared: agencies
    cache/agencies.py knows, none in common, fail; one in common, or the words within the file's, pass."""
    said_org = _plain(credit.get("organization") or "")
    if said_org and orgs:
        said_agencies, file_agencies = _agencies_compared(credit, orgs, [said_people, *map(_plain, people)])
        if said_agencies and file_agencies and not said_agencies & file_agencies:
            why = _not_one_agency_shown(credit, orgs, said_agencies, file_agencies)
            if why:
                return check("image-metadata", "warn", f"article credits '{credit['organization']}' "
                                                       f"({', '.join(sorted(said_agencies))}), the file names "
                                                       f"{', '.join(sorted(file_agencies))} ({inside}): {why}")
            return check("image-metadata", "fail", f"the agency does not match: article credits "
                                                   f"'{credit['organization']}' ({', '.join(sorted(said_agencies))}), the "
                                                   f"file names {', '.join(sorted(file_agencies))} ({inside})")
        if said_agencies & file_agencies:
            return check("image-metadata", "pass", f"organisation matches the file ({inside})")
        if any(_within(said_org, _plain(o)) for o in orgs):
            if part := _qualified_in(said_org, orgs, credit["organization"]):
                return _qualified_warning(credit, credit["organization"], part, inside)
            return check("image-metadata", "pass", f"organisation matches the file ({inside})")
        return check("image-metadata", "warn", f"article credits '{credit['organization']}', the file says {inside}")
    return check("image-metadata", "skip", f"nothing comparable (file: {inside})")


# "X via AGENCY" in an organisation: X whose picture it is, the agency that passed it on ("Royal Navy/Handout via Reuters")
_VIA_SPLIT = re.compile(r"\s+via\s+(?!.*\s+via\s)", re.IGNORECASE)
_ROLE_ONLY = frozenset({"handout", "pool", "handout photo", "pool photo", "file", "file photo"})


def _via_originator(credit: dict[str, Any]) -> tuple[str, str] | None:
    """(the originator, the agency that passed the picture on) of a credit "X via AGENCY" with no person compared
    ("Ukrainian Presidential Press Service via AP"; "Royal Navy/Handout via Reuters", read as the creator Royal Navy
    and the organisation Reuters, a handout); None when it names no originator ("Pool via AP") or is no such credit."""
    organization = credit.get("organization") or ""
    if credit.get("creator") and credit.get("kind") == "handout" and organization:
        return credit["creator"], organization
    parts = _VIA_SPLIT.split(organization)
    if credit.get("creator") or len(parts) != 2:
        return None
    named = [part for part in re.split(r"\s*/\s*", parts[0]) if _plain(part) and _plain(part) not in _ROLE_ONLY]
    return ("/".join(named), parts[1]) if named and parts[1].strip() else None


def _originator_checked(credit: dict[str, Any], origin: tuple[str, str], embedded: dict[str, str], orgs: list[str],
                        said_people: str, people: list[str], inside: str) -> dict[str, str]:
    """The check of a credit "X via AGENCY" (`origin`: X, AGENCY): the agency as any organisation's, and X, whose
    picture it is, against every credit field of the file (IPTC: the Credit Line is the credit the supplier asks for;
    the IIM Source names the original owner of the picture's content). X named there: the agency's check; another
    originator named: a warn naming both (a fail when both are agencies the table knows, none in common); only the
    agency named: a warn saying X was not checked. Never a pass on the agency alone (newuser44a #2)."""
    originator, agency = origin
    base = _organisation_checked(credit, orgs, said_people, people, inside)
    if base["result"] == "fail":
        return base
    names = [said_people, *map(_plain, people)]
    fields = [(key, value) for key, value in embedded.items() if key in PERSON_FIELDS + ORG_FIELDS and _plain(value)]
    theirs = _agencies_named(originator, people=names, whole=True)
    named = _agencies_named(" / ".join(value for _, value in fields), people=names, whole=True)
    if _within(_plain(originator), _plain(" / ".join(value for _, value in fields))) or theirs & named:
        if not theirs & named and (part := _qualified_in(_plain(originator), [value for _, value in fields], originator)):
            return _qualified_warning(credit, originator, part, inside,
                                      f"the originator is named in the file only inside a longer name; "
                                      f"{'the agency matches the file' if base['result'] == 'pass' else base['evidence']}; ")
        if base["result"] == "pass":
            return check("image-metadata", "pass", f"the originator '{originator}' and the agency match the file "
                                                   f"({inside})")
        return check("image-metadata", base["result"], f"the originator '{originator}' is named in the file; "
                                                       f"{base['evidence']}")
    agency_words = "the agency matches the file" if base["result"] == "pass" else base["evidence"]
    others = named - _agencies_named(agency, people=names, whole=True)
    if theirs and others:
        why = _not_one_agency_shown(credit, orgs)
        return check("image-metadata", "warn" if why else "fail",
                     f"the originator does not match: article credits the picture to '{originator}' "
                     f"({', '.join(sorted(theirs))}), passed on by {agency}; the file names "
                     f"{', '.join(sorted(others))} ({inside})" + (f": {why}" if why else ""))
    if found := _other_names(fields, names):
        key, other = found
        scripts = _other_script(originator, other)
        return check("image-metadata", "warn",
                     f"the file names another originator than the article's: article credits the picture to "
                     f"'{originator}', passed on by {agency}; the file's {key} says '{other}' ({inside}): "
                     + (f"written in {scripts[0]} and {scripts[1]} letters, they may be one name translated; "
                        if scripts else "")
                     + f"whether they are one originator is not known; {agency_words}, and {agency} only passed the "
                       f"picture on: check whose picture it is")
    if others:   # "Stringer/Reuters" beside AP's Credit Line: the file names another agency, never "only the agency"
        return check("image-metadata", "warn",   # (review46b: "STR" became a no-one's word, and nothing was said)
                     f"the file names another originator than the article's: article credits the picture to "
                     f"'{originator}', passed on by {agency}; the file names {', '.join(sorted(others))} ({inside}): "
                     f"whether they are one originator is not known; {agency_words}, and {agency} only passed the "
                     f"picture on: check whose picture it is")
    return check("image-metadata", "warn", f"{agency_words}, the originator '{originator}' was not checked: the file "
                                           f"names only the agency ({inside})")


def _other_names(fields: list[tuple[str, str]], people: Sequence[str]) -> tuple[str, str] | None:
    """The first (field, words) of a file's credit fields, its Source first, that names someone besides an agency the
    table knows and a notice's words: "Пресс-служба Министерства обороны РФ" does, "AP", "© 2022 The Associated
    Press" do not. None when none does."""
    order = {key: i for i, key in enumerate(("source", "byline", "credit_line", "copyright", "artist", "creator"))}
    for key, value in sorted(fields, key=lambda field: order.get(field[0], len(order))):
        for part in _CREDIT_PARTS.split(value):
            words = _plain(part).split()
            # the file's own by-line is among `people`, which would blank "AP Photo" into no agency: an agency is
            # looked for in the part as written (review45a: "the file's byline says 'AP Photo'", another originator)
            if any(w not in _NAMES_NO_ONE and not w.isdigit() for w in words) \
                    and not _agencies_named(part, people=[p for p in people if _plain(p) != _plain(value)],
                                            whole=True):
                return key, part.strip()
    return None



def _byline_script(creator: str, byline: str, people: Sequence[str]) -> tuple[str, str] | None:
    """(the caption's script, the by-line's) when the by-line names its people only in another script than the
    caption's name ("Mohammed Salem", "Mohammed Salem / رويترز": an agency's name is no person's); None when a part
    of it is written in the caption's script ("Ivan Petrov / Иван Петров" beside "Сергей Орлов": a name in one script
    that differs), all are in one, or it names no one (`_NO_ONES_WORDS`, an agency: "Reuters", "REUTERS/Staff").
    `people`: the caption's name first, the only one whose words are no agency's (review44a: the by-line itself was
    passed, so a by-line "Reuters" was a name and said to be the caption's name perhaps transliterated)."""
    names = [part for part in _CREDIT_PARTS.split(byline)
             if part and any(c.isalpha() for c in part) and not _agencies_named(part, people=people[:1], whole=True)
             and not set(_plain(part).split()) <= _NO_ONES_WORDS]
    found = [_other_script(creator, name) for name in names]
    if not found or any(scripts is None for scripts in found):
        return None
    return _other_script(creator, " ".join(names))


def _look_alike(one: str, other: str) -> bool:
    """Whether one name's words, as they look (look-alike letters of other scripts as the Latin ones), are a run of
    the other's: "Іvаn Реtrоv" (Cyrillic І а Р е о) and "Ivan Petrov"."""
    a, b = (_plain(platforms.lookalike.as_seen(name)) for name in (one, other))
    return _within(a, b) or _within(b, a)


def _names_in_two_scripts(credit: dict[str, Any], byline: str, scripts: tuple[str, str], orgs: list[str],
                          names: list[str], inside: str) -> dict[str, str]:
    """The check of a credit whose creator is written in another script than the file's IPTC By-line ("Иван Петров"
    beside "Ivan Petrov", or the other way round): whether they are one person's name transliterated is not known, a
    warn saying so. An agency beside them checks as beside a matching creator: two agencies cache/agencies.py knows,
    none in common, still fail."""
    unknown = (f"not known: article credits '{credit['creator']}' ({scripts[0]} letters), the file's by-line "
               f"'{byline}' ({scripts[1]} letters): the names are written in different scripts and may be one "
               "person's name transliterated, which cannot be told")
    said_org = _plain(credit.get("organization") or "")
    if said_org and orgs:
        said, named = _agencies_compared(credit, orgs, names)
        if said and named and not said & named:
            why = _not_one_agency_shown(credit, orgs, said, named)
            if not why:
                return check("image-metadata", "fail", f"the agency does not match: article credits "
                                                       f"'{credit['organization']}' ({', '.join(sorted(said))}), the "
                                                       f"file names {', '.join(sorted(named))} ({inside}); and {unknown}")
            return check("image-metadata", "warn", f"{unknown}; article credits '{credit['organization']}' "
                                                   f"({', '.join(sorted(said))}), the file names "
                                                   f"{', '.join(sorted(named))}: {why} (file: {inside})")
        if said & named or any(_within(said_org, _plain(o)) for o in orgs) and not _qualified_in(said_org, orgs, credit["organization"]):
            return check("image-metadata", "warn", f"{unknown}; the agency matches (file: {inside})")
    return check("image-metadata", "warn", f"{unknown} (file: {inside})")


PERSON_FIELDS = ("byline", "artist", "creator")
ORG_FIELDS = ("credit_line", "source", "copyright")


def _unsure_checked(credit: dict[str, Any], unsure: dict[str, str], said_people: str, said_org: str,
                    orgs: list[str], inside: str) -> dict[str, str] | None:
    """The check of an article's credit against the file's credit fields that name no character set and read as no
    text for sure (`media.credit_unsure`: windows-1256 Arabic is mojibake in cp1252, and failed a right credit,
    newuser43a #2), or None when none of them is of the kind the article names and no sure field decides. One of
    their likeliest readings giving the article's name word for word passes, the encoding named: a wrong reading
    does not make the name credited. Else what the file says is not known: never a fail on a reading not sure.
    A creator so matched has its agency checked as a sure one's (`_same_creator_agency` against the file's sure
    organisation fields; its unsure ones' readings must give it), and a creator no reading gives is not known
    whatever the organisation (review44a: both passed, "Sara / Reuters" beside a file's AP or another By-line)."""
    from resolver.fetch.media import said_readings, unsure_reading

    read = {name: unsure_reading(bytes.fromhex(value)) or [] for name, value in unsure.items()}

    def reading(said: str, fields: tuple[str, ...]) -> tuple[str, str, str] | None:
        for name in (name for name in fields if read.get(name)):
            for encoding, text in read[name]:
                if _one_name(said, _plain(text)) or fields is ORG_FIELDS and (
                        (agencies := _agencies_named(said, whole=True)) and agencies & _agencies_named(text, whole=True)):
                    return name, encoding, text
        return None

    def not_known(asked: list[str], what: str) -> dict[str, str]:
        said = "; ".join(f"{name}: {said_readings(read[name])}" for name in asked)
        return check("image-metadata", "warn", f"not known: {what}the file's {' and '.join(asked)} could not be read "
                                               f"with certainty (its bytes are not UTF-8 and name no character set), "
                                               f"and none of its likeliest readings gives the article's credit ({said})")

    people_asked = [name for name in PERSON_FIELDS if read.get(name)] if said_people else []
    orgs_unsure = [name for name in ORG_FIELDS if read.get(name)]
    orgs_asked = orgs_unsure if said_org else []
    if people_asked:
        if (found := reading(said_people, PERSON_FIELDS)) is None:
            return not_known(people_asked + orgs_asked, "")
        name, encoding, text = found
        matched = (f"creator matches the file read as {encoding}: its {name} names no character set, and read as "
                   f"{encoding} it says '{text}'")
        organisation = _plain(credit.get("organization") or "")
        if organisation and orgs:   # the file's sure organisation fields say the agency, as beside a sure creator
            agency = _same_creator_agency(credit, orgs, [said_people, _plain(text)], inside)
            if agency["result"] != "pass":
                return check("image-metadata", agency["result"], f"{agency['evidence']}; the creator matches the "
                                                                 f"file's {name} read as {encoding} (it names no "
                                                                 f"character set): '{text}'")
        elif organisation and orgs_unsure:
            if (agency_read := reading(organisation, ORG_FIELDS)) is None:
                return not_known(orgs_unsure, f"{matched}, but the article's organisation "
                                              f"'{credit['organization']}' is not in the file as read: ")
            matched += f"; its {agency_read[0]} read as {agency_read[1]} says '{agency_read[2]}'"
        return check("image-metadata", "pass", matched)
    if not orgs_asked:
        return None
    if (found := reading(said_org, ORG_FIELDS)) is None:
        return not_known(orgs_asked, "")
    name, encoding, text = found
    return check("image-metadata", "pass", f"organisation matches the file read as {encoding}: its {name} names no "
                                           f"character set, and read as {encoding} it says '{text}'")


def _same_creator_agency(credit: dict[str, Any], orgs: list[str], names: list[str], inside: str) -> dict[str, str]:
    """The check of a credit whose creator the file names: a pass, unless the organisations differ (newuser38a #1:
    "Tom Alder/Reuters" passed beside a file's "Tom Alder/AP"). Two agencies cache/agencies.py knows, none in common:
    a fail naming both; an organisation it does not know, whose words the other side lacks: a warn; a file whose
    organisation fields hold only the photographer's name (or none): nothing to compare, a pass."""
    said_org = _plain(credit.get("organization") or "")
    passed = check("image-metadata", "pass", f"creator matches the file ({inside})")
    if not said_org or not orgs:
        return passed
    said, named = _agencies_compared(credit, orgs, names)
    if said and named:
        if said & named:
            return passed
        why = _not_one_agency_shown(credit, orgs, said, named)
        if why:
            return check("image-metadata", "warn", f"the creator matches; article credits '{credit['organization']}' "
                                                   f"({', '.join(sorted(said))}), the file names "
                                                   f"{', '.join(sorted(named))} ({inside}): {why}")
        return check("image-metadata", "fail", f"the creator matches, the agency does not: article credits "
                                               f"'{credit['organization']}' ({', '.join(sorted(said))}), the file "
                                               f"names {', '.join(sorted(named))} ({inside})")
    named = _agencies_named(" / ".join(orgs), people=names)
    if any(_within(said_org, _plain(o)) for o in orgs) and (part := _qualified_in(said_org, orgs, credit["organization"])):
        return _qualified_warning(credit, credit["organization"], part, inside, "the creator matches; ")
    if any(_within(said_org, _plain(o)) for o in orgs) or not named and not any(_rest(o, names) for o in orgs):
        return passed
    return check("image-metadata", "warn", f"the creator matches; article credits the organisation "
                                           f"'{credit['organization']}', the file says {inside}: whether they are one "
                                           "organisation is not known")


# words an organisation field carries beside a name that name no organisation ("© 2024 Tom Alder. All rights reserved")
_NOT_AN_ORGANISATION = frozenset({"photo", "photograph", "photos", "by", "credit", "copyright", "c", "all", "rights",
                                  "reserved", "image", "picture", "pictures"})


def _rest(field: str, names: list[str]) -> bool:
    """Whether a file's organisation field names something beside the people named (`names`, word-folded) and the
    words of a notice: "Tom Alder/Harbour Pictures" does, "© 2024 Tom Alder" does not."""
    words = _plain(field).split()
    for name in sorted((n.split() for n in names if n), key=len, reverse=True):
        for i in range(len(words) - len(name), -1, -1):
            if words[i:i + len(name)] == name:
                del words[i:i + len(name)]
    return any(w not in _NOT_AN_ORGANISATION and not w.isdigit() for w in words)


def _agencies_named(text: str, *, people: Sequence[str] = (), whole: bool = False) -> set[str]:
    """The agencies of cache/agencies.py (by their key: "AP", "Reuters") any of whose names is a run of the words of
    `text` (case-folded as `_plain` folds them): "Copyright 2024 The Associated Press" names AP, "Tom Alder/Thomson
    Reuters" Reuters, "AFP/Getty Images" AFP and Getty Images; "Apex Images" none (words, not letters). A name of
    three letters or fewer counts only in capitals or as its agency writes it ("AP", "dpa"): "Harrisburg, Pa." is
    no PA. The words of `people` (word-folded names of the photographer) are no agency: "© Wafa Haddad" is no WAFA.

    `whole`: only an agency named on its own, a part of `text` between separators ("/", ",", "via", "for"…) that
    holds nothing but agency names and a notice's words ("AP Photo", "Copyright 2024 The Associated Press", "Xinhua
    News Agency", "AP-ANSA"): "J. Paul Getty Museum", "Isna Hotel" and "EFE Photography" name none (review39a)."""
    found: set[str] = set()
    for part in _CREDIT_PARTS.split(text) if whole else [text]:
        written = [t for t in quotes.tokens(part, by_character=False) if t != quotes.ELLIPSIS]
        folded = [w.casefold() for w in written]
        _blank_people(folded, people)
        named: list[tuple[int, int, str]] = []
        for name, agency in _agency_words().items():
            words = name.split()
            for i in range(len(folded) - len(words) + 1):
                if folded[i:i + len(words)] == words and (len(words) > 1 or len(name) > 3 or not name.isascii()
                                                           or written[i] in (written[i].upper(), agency)):
                    named.append((i, i + len(words), agency))
        if not whole:
            found.update(agency for _, _, agency in named)
            continue
        covered = [w == "" or w in _NOTICE_WORDS or w.isdigit() for w in folded]
        for start, end, _ in named:
            covered[start:end] = [True] * (end - start)
        if named and all(covered):
            found.update(agency for _, _, agency in named)
    return found


def _blank_people(folded: list[str], people: Sequence[str]) -> None:
    """Blank (in place) each run of `folded` that is one of `people`'s names, longest first."""
    for name in sorted((n.split() for n in people if n), key=len, reverse=True):
        for i in range(len(folded) - len(name), -1, -1):
            if folded[i:i + len(name)] == name:
                folded[i:i + len(name)] = [""] * len(name)


# where a credit line's parts meet: "Tom Alder/AP", "Handout via Reuters", "Getty Images for Acme", "Harrisburg, Pa.",
# "Copyright Thomson Reuters 2024. Image provided courtesy of AFP"
_CREDIT_PARTS = re.compile(r"[/,;|()\[\]:+]|\.(?=\s|$)|\s[-–—]\s|\b(?:via|for|and|by|from|with)\b", re.IGNORECASE)

# words beside an agency's name that name no other organisation ("AP Photo", "Xinhua News Agency", "PA Images")
_NOTICE_WORDS = frozenset({"photo", "photos", "photograph", "photographer", "copyright", "c", "all", "rights",
                           "reserved", "image", "images", "picture", "pictures", "the", "news", "agency", "wire",
                           "staff", "file", "pool", "handout"})
# A by-line's words that name no one: a desk's, a notice's ("Staff", "Handout", "AFP Photo / Stringer")
_NO_ONES_WORDS = _NOTICE_WORDS | {"stringer", "str", "unknown", "anonymous"}
# Words of a file's credit field that name no originator (`_other_names`): those, "Uncredited", and Getty Images'
# copyright notice "This content is subject to copyright." (review45a: each was said "another originator")
_NAMES_NO_ONE = _NO_ONES_WORDS | {"uncredited", "this", "content", "is", "subject", "to"}


def _agencies_compared(credit: dict[str, Any], orgs: list[str], people: Sequence[str]) -> tuple[set[str], set[str]]:
    """The agencies the caption's organisation and the file's organisation fields name whole (`_agencies_named`), for
    a pass when they share one and a fail when they share none. When they share one only as a word of another name
    ("Getty Images" beside "Getty Center, Los Angeles"), neither: ({}, {}), and the words are compared as any
    organisation's (review39a: that passed as "organisation matches")."""
    said, named = (_agencies_named(credit["organization"], people=people, whole=True),
                   _agencies_named(" / ".join(orgs), people=people, whole=True))
    if said & named:
        return said & named, said & named
    if _agencies_named(credit["organization"], people=people) & _agencies_named(" / ".join(orgs), people=people):
        return set(), set()
    return said, named


# organisations that sell other agencies' photos under their own name ("AFP via Getty Images")
_DISTRIBUTORS = frozenset({"Getty Images"})


def _not_one_agency_shown(credit: dict[str, Any], orgs: list[str], *sides: set[str]) -> str:
    """Why two different agencies on the caption and in the file (`sides`) show no misattribution, or "": a pool or
    handout photo is sent out by several agencies at once, and a side naming only a distributor ("Getty Images")
    may name the seller of the other side's agency's photo; "AFP/Getty Images" beside "Reuters" is a fail
    (review39a)."""
    words = set(_plain(" / ".join([credit.get("organization") or "", *orgs])).split())
    if words & {"pool", "handout"}:
        kind = "pool" if "pool" in words else "handout"
        return f"a {kind} photo is sent out by several agencies at once, so whether this is a wrong credit is not known"
    for side in sides:
        if side and side <= _DISTRIBUTORS:
            return (f"{', '.join(sorted(side))} distributes other agencies' photos, so whether this is a wrong credit "
                    "is not known")
    return ""


def _agency_words() -> dict[str, str]:
    """Each agency name of cache/agencies.py, word-folded as `_plain` folds a credit, and its agency's key."""
    global _AGENCY_WORDS
    if _AGENCY_WORDS is None:
        from cache.agencies import AGENCIES

        _AGENCY_WORDS = {_plain(name): agency for agency, names in AGENCIES.items() for name in names if _plain(name)}
    return _AGENCY_WORDS


_AGENCY_WORDS: dict[str, str] | None = None


def provenance_text(source: dict[str, Any], *, body: str = "body") -> str:
    """The fetch behind a fact, as every format says it: "syndication, <URL>, 2026-11-29T08:08:52Z, fetch #2, body
    478f7a7a8e80…" (each part only when known; `body`: how the hash is named). One function for the fact table,
    archive lookups, hops, captures and image files, so Markdown and HTML say the same (newuser28b §3)."""
    unknown = source.get("answered_at_unknown")   # no time is given then, not even the observation's (replay29)
    when = None if unknown else source.get("fetched_at") or source.get("observed_at")
    replayed = source.get("via") == "warc" or bool(source.get("warc_file"))   # a post's source, or any citation
    status = source.get("http_status")
    parts = [source.get("method"), source.get("url"), f"HTTP {status}" if status is not None else None,
             None if replayed else when or unknown,
             f"fetch #{source['fetch_id']}" if source.get("fetch_id") else None]
    if source.get("body_sha256"):
        parts.append(f"{body} {source['body_sha256'][:12]}…" + (" (secret redacted)" if source.get("body_redacted")
                                                                else ""))
    kept = source.get("warc_record")
    if kept and not replayed:   # a live answer written to a WARC: where a reader finds it anywhere (newuser32 #6)
        parts.append(f"WARC {kept['file']} at offset {kept['offset']}"
                     + (f", record {kept['record_id']}" if kept.get("record_id") else ""))
    # a request no replayed file held: no answer, so no file it was replayed from (reports36: a lookup's miss was cited
    # "replayed from WARC run.warc.gz, not in the replayed WARC files")
    if replayed and unknown and (not source.get("warc_file") or status is None and not source.get("body_sha256")):
        parts.append(unknown)
    elif replayed:   # when the source answered is the record's WARC-Date: the replay's own time is no fact (reuse28)
        parts.append(f"replayed from WARC {source.get('warc_file') or '(file not recorded)'}"
                     + (f", record {kept['record_id']}" if kept and kept.get("record_id") else "")
                     + (f", answered at {when}" if when else f", {unknown}" if unknown else ""))
    parts.append(via_origin(source))
    return ", ".join(p for p in parts if p)


LOOKUP_NAMES = {"cdx": "CDX lookup", "availability": "availability lookup"}


def lookups_text(lookups: list[dict[str, Any]], *, said: str = "") -> str:
    """The archive lookups an archive fact rests on: "CDX lookup of https://twitter.com/…, 2026-…Z, fetch #7, body
    …; availability lookup of …" ("" when none is recorded). A lookup the config refused is cited "not asked", and
    why once, at the end, unless `said` (the evidence it follows) says it already: a sealed run's check repeated the
    refusal, each with its CDX query's URL, once per page of the post looked under (review43a: 6 times)."""
    reasons = list(dict.fromkeys(not_mapped_words(f["error"]) for f in lookups if refused_by_config(f.get("error"))))
    cited = "; ".join(f"{LOOKUP_NAMES[found['service']]} of " + ("URLs starting with " if _prefix(found) else "")
                      + provenance_text({k: v for k, v in found.items() if k != "method"
                                         } | ({"url": f"{found['url']} near {found['near']}"} if found.get("near") else {}))
                      + (", not asked (refused by the config)" if refused_by_config(found.get("error"))
                         else f", {found['error']}" if found.get("error") else "") for found in lookups)
    unsaid = [reason for reason in reasons if reason not in said]
    return cited + "".join(f"; not asked: {reason}" for reason in unsaid)


def _prefix(lookup: dict[str, Any]) -> bool:
    """Whether a CDX lookup listed every URL under its URL (`matchType=prefix`, as a gone post's capture lists are
    asked): cited as such, so it is not read as a second exact lookup of the same URL."""
    return "matchType=prefix" in (lookup.get("query") or "")


def archive_lookups(urls: list[str], store: Store | None, redactor: Redactor,
                    takes: Takes | None = None) -> list[dict[str, Any]]:
    """The recorded archive lookups of a post's URLs (`archive.lookup`'s CDX and availability queries): per query
    the answer a lookup reads (the latest 200, else the latest failure), with its URL looked up, the query sent,
    UTC time, fetch-log id, HTTP status and body hash. A URL carrying a secret was never looked up. `takes`: which
    fetch-log rows the run may cite (`Session.takes_cached`: under --replay, those replayed from its WARC files)."""
    from resolver.archive import availability_query, form_availability_query, form_query, lookup_forms

    if store is None:
        return []
    found: list[dict[str, Any]] = []
    for url in dict.fromkeys(u for u in urls if carried_secret(u, redactor) is None):
        # a CDX lookup of the URL in any case, as `archive.lookup_state` reads it "looked up" (the archive lists it
        # so: review33r1, a report said "no snapshot found" on a lookup under another spelling, citing none); an X
        # post's under each of its pages the lookup listed (`lookup_forms`, archive35), each cited as asked
        forms = lookup_forms(url, store, redactor)
        for form in forms if forms != (url,) else ():
            row = _answer_of([r for r in store.cdx_lists_any_case(form_query(form, url))
                              if takes is None or takes([r["id"]])])
            if row is not None and not any(f["fetch_id"] == row["id"] for f in found):
                found.append(_lookup_of(row, "cdx", _asked(row, url) if form == url else f"https://{_asked(row, form)}",
                                        redactor))
        cdx = store.cdx_lists_any_case(form_query(url, url)) if forms == (url,) else []
        # an availability query near the article's date (`&timestamp=`) is a lookup too: rebuilt without it, one
        # that found nothing was cited nowhere (newuser33 #3); each query sent is cited, one asked under another
        # spelling of the URL too, as the lookup reads it (runs34)
        available = store.availability_any_case(availability_query(url), with_params=True)
        for form in forms if forms != (url,) else ():   # asked when a CDX list failed (`archive.lookup`, newuser39a #1)
            available += store.availability_any_case(form_availability_query(form), with_params=True)
        for service, rows in (("cdx", cdx), *(("availability", [r for r in available if r["url"].lower() == query])
                                              for query in dict.fromkeys(r["url"].lower() for r in available))):
            row = _answer_of([r for r in rows if takes is None or takes([r["id"]])])
            if row is not None and not any(f["fetch_id"] == row["id"] for f in found):
                asked = _asked(row, url)
                if service == "availability" and asked == url:   # or one of the post's other pages, as asked
                    asked = next((page for page in (_asked(row, f"https://{f}") for f in forms if f != url)
                                  if page.lower() == _query_url(row).lower()), asked)
                found.append(_lookup_of(row, service, asked, redactor))
    return found


def _answer_of(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Of one query's fetch-log rows (oldest first), the answer a lookup reads: the latest 200, else the latest."""
    return next((r for r in reversed(rows) if _answered(r)), rows[-1] if rows else None)


def _fetch_listed(post: FetchedPost, forms: list[str | None], redactor: Redactor) -> bool:
    """Whether the capture lists a post's fetch asked (`wayback.queries_under` its pages) hold each of `forms`, the
    URLs a report looks up for it: a prefix list holds every URL under it."""
    from resolver.fetch import wayback

    queries = [q.lower() for q in wayback.queries_under(post.archive_looked_under, redactor)]
    return all(any(re.sub(r"^https?://(?:www\.)?", "", form).lower().startswith(q) for q in queries)
               for form in forms if form)


def capture_lookups(post: dict[str, Any] | None, lookups: list[dict[str, Any]], store: Store | None,
                    redactor: Redactor, takes: Takes | None = None) -> list[dict[str, Any]]:
    """The capture lists a gone post's lookup asked (`wayback.read_captures`: its page on twitter.com, x.com and
    mobile.twitter.com under each handle, its syndication and oEmbed answers) and `lookups` does not cite: a "no
    archived copy ... also on x.com" rests on each of them, and cited only the twitter.com one (newuser33 #1)."""
    pages = (post or {}).get("archive_looked_under")
    if store is None or not pages:
        return []
    from resolver.fetch import wayback

    known = {found["fetch_id"] for found in lookups}
    found = []
    for query in wayback.queries_under(pages, redactor):
        row = _answer_of([r for r in wayback.listings_in_store(query, store) if takes is None or takes([r["id"]])])
        if row is not None and row["id"] not in known:
            found.append(_lookup_of(row, "cdx", f"https://{query}", redactor))
    return found


def _asked(row: dict[str, Any], url: str) -> str:
    """The URL a lookup's query asked about, as spelt there (`url` in another case, or `url` itself)."""
    from urllib.parse import parse_qs

    asked = parse_qs(urlsplit(row["url"]).query).get("url", [url])[0]
    return asked if asked.lower() == url.lower() else url


def _query_url(row: dict[str, Any]) -> str:
    """The URL a lookup's query asked about, as its query spells it ("" when it names none)."""
    from urllib.parse import parse_qs

    return parse_qs(urlsplit(row["url"]).query).get("url", [""])[0]


def _near(query: str) -> str | None:
    """The moment an availability query asked for the capture closest to (its `timestamp`, YYYYMMDDhhmmss or a
    leading part of it) as a date, and a time when it gives one; None when it gives none. Two availability lookups of
    one URL, one near the article's date and one not, were cited alike (newuser34 #7)."""
    from urllib.parse import parse_qs

    stamp = parse_qs(urlsplit(query).query).get("timestamp", [""])[0]
    if not (stamp.isdigit() and stamp.isascii() and 4 <= len(stamp) <= 14):
        return stamp or None
    if len(stamp) > 8:
        return captured_at(stamp)
    return "-".join(part for part in (stamp[:4], stamp[4:6], stamp[6:8]) if part)


def _answered(row: dict[str, Any]) -> bool:
    """A lookup's row that is an answer: a 200 whose body was taken (a row may say the 200 of a body refused past
    the cap or cut short, with its error_kind)."""
    return row["status"] == 200 and not row.get("error_kind")


def _lookup_of(row: dict[str, Any], service: str, url: str, redactor: Redactor) -> dict[str, Any]:
    """An archive lookup's fetch-log row as a report cites it."""
    error = None if _answered(row) else (f"{row['error_kind']}: {row['error']}" if row.get("error_kind")
                                         else f"HTTP {row['status']}")
    return {"service": service, "url": redactor.url(url), "query": redactor.url(row["url"]), "near": _near(row["url"]),
            **fetch_time(row),
            "fetch_id": row["id"], "status": row["status"], "body_sha256": row["body_sha256"], "error": error}


def fetch_time(fetch: dict[str, Any] | None) -> dict[str, Any]:
    """When a fetch-log row's answer was given, as every report cites it: `fetched_at`, or None with the reason
    in `answered_at_unknown` for an answer replayed from a WARC record that gave no time (replay29: the replay's own
    time was given as the source's); and `warc_file`, the WARC it was replayed from (None: a live answer), so the
    time reads as the record's (replay30: a replayed hop was cited as if fetched then). With no row: all None."""
    unknown = (fetch or {}).get("answered_at_unknown")
    return {"fetched_at": None if fetch is None or unknown else fetch["fetched_at"], "answered_at_unknown": unknown,
            "warc_file": replayed_from(fetch), "warc_record": warc_record(fetch),
            "body_sha256": fetch.get("body_sha256") if fetch else None, **contacted(fetch)}


def contacted(fetch: dict[str, Any] | None) -> dict[str, Any]:
    """Which server answered a fetch-log row when an [origins] override sent it elsewhere: `contacted_origin` (the
    origin of its `contacted_url`, no path, no user info) and `overridden_origin` (the public origin its URL names,
    which did not answer it); both None when the URL's own origin was contacted. Every citation says so: a report
    citing cdn.syndication.twimg.com for a mirror's answer states that X gave an answer it never gave (newuser35 F2)."""
    unknown = (fetch or {}).get("contacted_unknown")
    if unknown:   # an older version's replay: its contacted_url is no fact (m064)
        return {"contacted_origin": None, "overridden_origin": None, "contacted_unknown": unknown}
    went = (fetch or {}).get("contacted_url")
    if not fetch or not went or _sent_as(went) == _sent_as(fetch["url"]):
        return {"contacted_origin": None, "overridden_origin": None}
    return {"contacted_origin": origin_of(went), "overridden_origin": origin_of(fetch["url"])}


def _sent_as(url: str) -> str:
    """The origin a request for `url` goes to, as httpx writes it: an internationalised host in its ASCII form, the
    one contacted_url keeps (review35r5: https://bücher.example/… cited "via configured origin
    https://xn--bcher-kva.example", an override that never was)."""
    import httpx

    try:
        return origin_of(str(httpx.URL(url)))
    except (httpx.InvalidURL, UnicodeError, ValueError):
        return origin_of(url)


def _overrides(value: Any) -> Iterator[tuple[str, str]]:
    """Every (public origin, origin contacted) a part of a report cites (`contacted`)."""
    if isinstance(value, dict):
        if value.get("contacted_origin") and value.get("overridden_origin"):
            yield value["overridden_origin"], value["contacted_origin"]
        for inner in value.values():
            yield from _overrides(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _overrides(inner)


def origins_note(report: dict[str, Any]) -> str | None:
    """The header's word that [origins] overrides answered for the services the report cites, or None: none did
    (newuser35 F2: nothing in a report said a configured mirror, not X or the Internet Archive, had answered)."""
    pairs = sorted(set(_overrides([report.get("embeds"), report.get("credits")])))
    if not pairs:
        return None
    # "sent to", not "answered by": a request the server refused or let time out is cited too (review35r5)
    named = ", ".join(f"{public} (sent to {went})" for public, went in pairs)
    return (f"Requests for {named} went through [origins] overrides: another server than the service named was "
            "asked, and each citation says so (\"via configured origin …\"); the fetch log's contacted_url and the "
            "WARC's WARC-Embed-Resolver-Contacted-URI keep the URL contacted")


# The keys of a fetch a citation names (`provenance_text`), as a capture, a hop or a copy's line picks them
CITED_KEYS = ("fetched_at", "answered_at_unknown", "warc_file", "fetch_id", "body_sha256", "warc_record",
              "contacted_origin", "overridden_origin", "contacted_unknown")


def via_origin(source: dict[str, Any]) -> str | None:
    """"via configured origin http://127.0.0.1:8735 for cdn.syndication.twimg.com", or None: no override; "which
    server answered is not known: …" for an answer an older version's replay recorded (m064)."""
    if source.get("contacted_unknown"):
        return f"which server answered is not known: {source['contacted_unknown']}"
    if not source.get("contacted_origin"):
        return None
    return (f"via configured origin {source['contacted_origin']} for "
            f"{urlsplit(source.get('overridden_origin') or '').netloc or 'another origin'}")


def warc_record(fetch: dict[str, Any] | None) -> dict[str, Any] | None:
    """Where an answer is in a WARC, as a reader finds it again on any machine: the file's NAME (the path is this
    machine's, or was another's before `cache merge`) and the response record's byte offset; with the body's sha256,
    which the record's payload digest matches. Its WARC-Record-ID, which finds the record in any copy of the file,
    re-packed too (None: recorded before the cache kept it), and for a replayed answer the file's sha256 (a file
    written by --warc grows while it is written: None) (replay33). For a live answer written by --warc and a
    replayed one alike; None for an answer in no WARC. "fetch #N" is this cache's number, which a merge renumbers
    (newuser32 #6)."""
    if not fetch or not fetch.get("warc_file") or fetch.get("warc_offset") is None:
        return None
    return {"file": PurePath(_warc_path(fetch) or fetch["warc_file"]).name, "offset": fetch["warc_offset"],
            "record_id": fetch.get("warc_record_id"),
            "sha256": fetch.get("warc_sha256") if fetch.get("via") == "warc" else None}


def replayed_from(fetch: dict[str, Any] | None) -> str | None:
    """The WARC file a fetch-log row was replayed from, None for a live answer (written to a WARC by --warc or not):
    in a --replay run, the path this run replayed the same bytes from (the file's sha256), which the row may name
    otherwise (replay33: a WARC replayed again from a copy was named by the first replay's path)."""
    return _warc_path(fetch) if fetch and fetch.get("via") == "warc" else None


# In a --replay run's report (`build`): the path each replayed file was read from in this run, by its sha256
_REPLAYED_AS: ContextVar[Mapping[str, str]] = ContextVar("replayed_as", default={})
# The report being built was made with --no-archive (`build`'s `no_archive`): its archive checks say so
_NO_ARCHIVE: ContextVar[bool] = ContextVar("no_archive", default=False)


def _warc_path(fetch: dict[str, Any]) -> str | None:
    """The WARC path a fetch-log row names, or in a --replay run the path this run replayed the same file from."""
    path: str | None = fetch.get("warc_file")
    return _REPLAYED_AS.get().get(fetch.get("warc_sha256") or "", path) if fetch.get("via") == "warc" else path


def _listing_lookups(snapshots: list[dict[str, Any]], lookups: list[dict[str, Any]], store: Store | None,
                     redactor: Redactor, takes: Takes | None = None) -> list[dict[str, Any]]:
    """The lookups that listed `snapshots` and are not among `lookups` (an availability query near a date, a
    listing of the captures of a gone post's every URL form): a snapshot shown names the answer that listed it."""
    from urllib.parse import parse_qs, urlsplit

    known = {found["fetch_id"] for found in lookups}
    found = []
    for fetch_id in dict.fromkeys(s["fetch_id"] for s in snapshots if s.get("fetch_id") and s["fetch_id"] not in known):
        row = store.fetch(fetch_id) if store is not None and (takes is None or takes([fetch_id])) else None
        if row:
            service = "availability" if row.get("purpose") == "wayback-available" else "cdx"
            url = (parse_qs(urlsplit(row["url"]).query).get("url") or [row["url"]])[0]
            found.append(_lookup_of(row, service, url, redactor))
    return found


def sources_of(post: PostRecord, store: Store | None) -> list[dict[str, Any]]:
    """Every observation behind a post: method, status, UTC time, fetch-log id and the body's sha256."""
    if store is None:
        return []
    row = store.post_row(post.platform, post.post_id)
    if row is None:
        return []
    found = []
    last_fetch: dict[str, int] = {}   # per method, the fetch of its previous observation: where its tries start
    for observation in store.observations(row["id"]):
        fetch = store.fetch(observation["fetch_id"]) if observation["fetch_id"] else None
        since = last_fetch.get(observation["method"], 0)
        if fetch:
            last_fetch[observation["method"]] = fetch["id"]
        tries = sum(1 for f in store.fetches_for(fetch["url"]) if since < f["id"] <= fetch["id"]) \
            if fetch and observation["status"] == "error" else None
        found.append({"method": observation["method"], "status": observation["status"],
                      "reason": observation.get("reason"), "tries": tries,
                      # an answer with no known time gives its observation none either: it was dated to the replay
                      "observed_at": None if fetch and fetch.get("answered_at_unknown") else observation["observed_at"],
                      "fetch_id": observation["fetch_id"], **fetch_time(fetch), **asked(fetch),
                      "body_sha256": fetch["body_sha256"] if fetch else None,
                      # the body kept is not the one received: a configured secret was redacted out of it (#11)
                      "body_redacted": store.body_redacted(fetch["body_sha256"])
                      if fetch and fetch["body_sha256"] else None,
                      "via": fetch.get("via") if fetch else None,
                      # replayed: the WARC file the answer came from; fetched_at is then its record's WARC-Date
                      "warc_file": replayed_from(fetch)})
    return found


def asked(fetch: dict[str, Any] | None) -> dict[str, Any]:
    """What a fetch-log row asked and what it was answered: the public URL (the fetch log's `url`, a configured
    secret already redacted; never `contacted_url`, the address an [origins] mapping sent it to), the HTTP method
    and status (None: no response arrived). All None with no row (newuser31 #6)."""
    return {"url": fetch["url"] if fetch else None, "http_method": fetch["method"] if fetch else None,
            "http_status": fetch["status"] if fetch else None}


def source_of(post: dict[str, Any], field: str) -> dict[str, Any]:
    """The observation that gave a field: its method, time, fetch-log id and body hash."""
    method = (post.get("field_sources") or {}).get(field) or post.get("method")
    by_method = [s for s in post.get("sources") or [] if s["method"] == method]
    # The answer the post's record rests on (its fetch ids): an older answer recorded later (a WARC replayed into the
    # cache) is not it (review31r3: "as of 2023" beside a status a 2026 answer gave)
    rests_on = set(post.get("fetch_ids") or ())
    for source in reversed(by_method):
        if source.get("fetch_id") in rests_on and source.get("status") == post.get("status"):
            return source
    # Else the latest answer that said what the post's view says: a later failed fetch (a 500) keeps the view of an
    # earlier answer (cache.Store.record_observation), and is not where its facts come from.
    for source in reversed(by_method):
        if source.get("status") == post.get("status"):
            return source
    return by_method[-1] if by_method else {"method": method}


def failed_beside(post: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The sources that ended in an error in the fetch the post's status comes from (syndication's HTTP 500 beside
    oEmbed's 404): the status rests on the others alone, and a report says so (newuser28b §5). None for a post
    whose status is not known: every source failed, and that is its status."""
    if post is None or post.get("status") in ("error", "unknown"):
        return []
    said = source_of(post, "status")
    # a source [origins] only_configured refused was not asked: the status's reason says so (newuser43b #1, #9)
    return [s for s in post.get("sources") or [] if s["status"] == "error" and _asked_with(s, post, said)
            and s["method"] not in ("wayback", said.get("method")) and not refused_by_config(s.get("reason"))]


def _asked_with(source: dict[str, Any], post: dict[str, Any], said: dict[str, Any]) -> bool:
    """Whether `source` was asked in the fetch the post's status comes from (`said`): its answer is one the post's
    record rests on (its fetch ids). Not by time: each observation is at its own fetch's time (asof34), which two
    sources asked one after the other do not share. A record of no fetch ids (an old cache's) by the time of its
    write, as before."""
    rests_on = set(post.get("fetch_ids") or ())
    if rests_on:
        return source.get("fetch_id") in rests_on
    return bool(source.get("observed_at")) and source.get("observed_at") == said.get("observed_at")


def disagreeing(post: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The sources that said something else of what the post is than the one its status rests on (`fetch
    --all-methods`: syndication's stale 200 beside oEmbed's 404), each its own answer, cited: the JSON kept the
    disagreement, the Markdown and HTML said "available" and named no other source (newuser35 F1)."""
    return _said_beside(post, CONTRADICTS)


def available_elsewhere(post: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The sources that said "withheld" beside a status "available", or "available" beside "withheld": both true at
    once (a post withheld in the country it was asked from is shown in others), said as such, not as a disagreement
    (reports36: the status check warned "which the other contradicts: not sure")."""
    return _said_beside(post, ELSEWHERE)


def _said_beside(post: dict[str, Any] | None, relation: str) -> list[dict[str, Any]]:
    """The sources whose answer of what the post is stands in `relation` (`status_relation`) to its status."""
    said = (post or {}).get("disagreements", {}).get("status") or {}
    if post is None or len(set(said.values())) < 2:
        return []
    rests_on, status = set(post.get("fetch_ids") or ()), source_of(post, "status")
    found = []
    for method, other in said.items():
        if method == status.get("method") or status_relation(other, post["status"]) != relation:
            continue
        mine = [s for s in post.get("sources") or [] if s["method"] == method and s["status"] == other]
        source = next((s for s in reversed(mine) if s.get("fetch_id") in rests_on), mine[-1] if mine else None)
        found.append(source or {"method": method, "status": other})
    return found


# How one source's answer of what a post is stands to another's (`status_relation`).
SAME, NO_REASON, ELSEWHERE, CONTRADICTS = "same", "no-reason", "elsewhere", "contradicts"


def status_relation(said: str, status: str) -> str:
    """How `said` stands to `status`: the same; a not found that only gives no reason a gone post's status gives
    (oEmbed answers 404 for every gone post: review35r5); withheld beside available (withheld in some countries,
    shown elsewhere: both true); else a contradiction. The fetch table and the reports both judge by it."""
    if said == status:
        return SAME
    if _no_reason_against(said, status):
        return NO_REASON
    if {said, status} == {"withheld", "available"}:
        return ELSEWHERE
    return CONTRADICTS


def _no_reason_against(said: str, status: str) -> bool:
    """Whether `said` ("not found": a 404, an empty answer) only fails to give the reason `status` gives a gone post
    (deleted, suspended, protected…), which contradicts nothing: oEmbed answers 404 for every gone post, and the fetch
    never lets a not found outweigh a reason (`records._status_from`). review35r5: `fetch --all-methods` of a deleted
    post warned "the sources disagree … not sure" on its tombstone and oEmbed's 404."""
    return "not_found" in (said, status) and said in GONE and status in GONE


def status_said(said: dict[str, str], status: str, method: str | None) -> list[str]:
    """What the methods said of what a post is, in words, for `fetch`'s own table (`said`: method → status, as
    `records.merge` keeps it): a disagreement only when one contradicts the status, withheld beside available as
    both, and a not found beside a gone post's reason as no contradiction. Before, the table printed "methods disagree
    on status: {'syndication': 'deleted', 'oembed': 'not_found'}" for every difference (reports36)."""
    words = {m: f"{m} said {STATUS_WORDS.get(s, (s,))[0]}" for m, s in said.items()}
    others = {m: status_relation(s, status) for m, s in said.items() if m != method}
    lines = []
    if CONTRADICTS in others.values():
        lines.append("the sources disagree on what the post is: " + "; ".join(words.values()))
    elsewhere = [m for m, r in others.items() if r == ELSEWHERE]
    if elsewhere:
        both = sorted([method or "", *elsewhere], key=lambda m: said.get(m) != "withheld")
        lines.append("withheld in some countries, available elsewhere: "
                     + "; ".join(words[m] for m in both if m in words))
    lines += [f"{words[m]}, which gives no reason: no contradiction of {STATUS_WORDS.get(status, (status,))[0]}"
              for m, r in others.items() if r == NO_REASON]
    return lines


def said_otherwise(source: dict[str, Any]) -> str:
    """A source that disagrees, in words: "oembed said not found: oEmbed answered 404"."""
    words = STATUS_WORDS.get(source["status"], (source["status"], ""))[0]
    return f"{source['method']} said {words}" + (f": {source['reason']}" if source.get("reason") else "")


def cited_said(source: dict[str, Any]) -> str:
    """`said_otherwise` with its fetch, for the Status row: "oembed said not found: … (fetch #7)"."""
    return f"{said_otherwise(source)} (fetch #{source['fetch_id']})" if source.get("fetch_id") else said_otherwise(source)


def status_check(post: dict[str, Any] | None) -> dict[str, Any] | None:
    """A warn when the sources disagree on what the post is, naming each source and the answer it gave; None when
    they agree (no check is added then: one source's answer is the status, cited beside it)."""
    others = disagreeing(post)
    if post is not None and not others and available_elsewhere(post):
        return _withheld_elsewhere_check(post)
    if post is None or not others:
        return None
    said = source_of(post, "status")
    cited = "; ".join(f"{said_otherwise(s)} ({provenance_text(s)})" for s in others)
    return check("status", "warn", f"the sources disagree on what the post is: {said_otherwise(said)} "
                                   f"({provenance_text(said)}); {cited}: the status shown "
                                   f"({STATUS_WORDS.get(post['status'], (post['status'],))[0]}) is {said.get('method')}'s "
                                   "answer, which the other contradicts: not sure")


def _withheld_elsewhere_check(post: dict[str, Any]) -> dict[str, Any]:
    """A pass naming both answers when one source saw the post withheld and another saw it: a post withheld in the
    country it was asked from is shown in others (reports36: it warned as a contradiction)."""
    both = sorted([source_of(post, "status"), *available_elsewhere(post)], key=lambda s: s.get("status") != "withheld")
    cited = "; ".join(f"{said_otherwise(s)} ({provenance_text(s)})" for s in both)
    return check("status", "pass", f"withheld in some countries, available elsewhere: {cited}: a post withheld where "
                                   "it was asked from is shown in other countries, so the answers do not contradict "
                                   "each other")


def failure_text(source: dict[str, Any]) -> str:
    """A failed source in words: "syndication answered HTTP 500 (fetch #59, after 4 tries)"."""
    tries = source.get("tries")
    return (source.get("reason") or f"{source['method']} ended in an error") + " (" + ", ".join(filter(None, (
        f"fetch #{source['fetch_id']}" if source.get("fetch_id") else None,
        f"after {tries} tr{'y' if tries == 1 else 'ies'}" if tries else None, via_origin(source)))) + ")"


def failed_sources(embeds: list[dict[str, Any]]) -> list[str]:
    """The "could not be reached" lines of posts whose status rests on some sources while others failed."""
    found = []
    for embed in embeds:
        post = embed["post"]
        failures = failed_beside(post)
        if not failures:
            continue
        said = source_of(post, "status")
        rest = sorted({s["method"] for s in post["sources"] if _asked_with(s, post, said)
                       and s["status"] != "error" and s["method"] != "wayback"})
        found.append(f"{post['platform']} post {post['post_id']}: {'; '.join(failure_text(f) for f in failures)}; "
                     f"its status ({embed['status']['words']}) rests on {' and '.join(rest)}"
                     + (" alone" if len(rest) == 1 else ""))
    return found


def answered_not_the_post(embeds: list[dict[str, Any]]) -> list[str]:
    """The posts whose status is not known though their source answered, each line as `unreachable` words it: every
    live source asked answered HTTP 2xx with a page that is not the post (t.me's widget page showing other posts of
    the channel). Reached: "could not be reached" was untrue of them (newuser44a #10)."""
    found = []
    for embed in embeds:
        post = embed.get("post") or {}
        live = [s for s in post.get("sources") or () if s.get("method") != "wayback"]
        if embed.get("same_post_as") or post.get("status") != "unknown" or not live or not all(
                s.get("status") == "unknown" and 200 <= (s.get("http_status") or 0) < 300 for s in live):
            continue
        found.append(f"{post['platform']} post {post['post_id']}: {post.get('reason') or post['status']}")
    return list(dict.fromkeys(found))


def unreachable(result: ArticleResult) -> list[str]:
    """What could not be reached, in words a reader understands."""
    # a link or a post the config refused was not asked: said as not checked, not as could not be reached
    # (newuser43b #9)
    found = [f"link {r.value.url}: {_without_kind(r.value.error) if r.value.unavailable else r.value.error}"
             for r in result.resolutions or () if r.value.error and not r.value.refused]
    for post in result.posts or ():
        record = post.value.record
        if record.status in ("error", "unknown") and not post.value.refused:   # "never fetched" (offline): unknown
            found.append(f"{record.platform} post {record.post_id}: {record.reason or record.status}")
    archives = result.archives or ()
    # a lookup the config refused was not asked: no "could not be reached" (newuser42a #2); a post's archive check
    # says so
    found += [f"archive lookup of {a.url}: {a.error.removeprefix(WITHHELD)}" for a in archives
              if a.error and not a.unavailable and not a.refused]
    # an image the config refused was not asked: its credit's check says so, once (newuser39b #6)
    found += [f"image {i.url}: {i.error}" for i in result.credited_images or () if i.error and not i.refused]
    if any(a.unavailable for a in archives):
        found.append(NO_ARCHIVE_LOOKUP)
    return found


def _without_kind(error: str) -> str:
    """"not_cached: offline, and …" as a reader reads it: "offline, and …", as a post never fetched says it."""
    return error.partition(": ")[2] or error


def _resolution(resolution: dict[str, Any], store: Store | None) -> dict[str, Any]:
    """A resolution as a report shows it: the chain by hop (each with the UTC time of its fetch), where it ends (its
    status, whether it is gone, a doubt that it is the link's end: newuser35c), and the post it names."""
    return ({k: resolution[k] for k in ("url", "final_url", "canonical_url", "error", "from_cache", "final_status",
                                        "gone", "unsure")}
            | {"likely_end": (resolution.get("likely_end") or {}).get("url")}
            | {"hops": [{k: h[k] for k in ("url", "status", "location", "fetch_id")} | {"error": h.get("error")}
                        | _fetched_at(store, h["fetch_id"]) for h in resolution["hops"]],
               "post_id": (resolution.get("post") or {}).get("post_id")})


def _fetched_at(store: Store | None, fetch_id: int | None) -> dict[str, Any]:
    """When the fetch-log row `fetch_id` was answered (`fetch_time`; None when there is none to read)."""
    return fetch_time(store.fetch(fetch_id) if store is not None and fetch_id else None)


# Post status in words, and its tone: "ok", "gone" or "unknown" (grey: not known is not an error, #9 §5).
STATUS_WORDS = {
    "available": ("available", "ok"), "deleted": ("deleted", "gone"), "suspended": ("account suspended", "gone"),
    "protected": ("protected: followers only", "gone"), "withheld": ("withheld in some countries", "gone"),
    "age_restricted": ("age-restricted", "gone"), "not_found": ("not found", "gone"),
    "unknown": ("not known", "unknown"), "error": ("not known: the sources answered with errors", "unknown"),
    "not_cached": ("not known: not in the cache (offline)", "unknown"),
    "not_fetched": ("not looked up", "unknown"),
    "not_confirmed": ("not confirmed as a post", "unknown"),   # a link read as a post by its shape alone (left31)
    "not_identified": ("not identified", "unknown"),   # a flattened post that kept no link (newuser29b §2)
}


# What YouTube's oEmbed answering 200 tells of a video: it exists and its owner lets it be embedded. An age-restricted
# or region-blocked video answers 200 as well (newuser41a #5), so "available" would say more than the answer knows.
# A video blocked for copyright answers 200 too while its owner allows embedding (Tyrrrz/YoutubeExplode#163), so the
# limits are not age and region alone (review42a: "can be embedded; age or region limits not known" said it plays).
YOUTUBE_OEMBED_AVAILABLE = ("exists and its owner allows embedding, per YouTube's oEmbed; whether it plays (age, region, "
                            "copyright or other limits) is not known")


def status_badge(code: str, *, id_doubt: str | None = None, moved: str | None = None) -> dict[str, str]:
    """The badge of a status code. A post gone or not found under an id read with a doubt (`Embed.id_doubt`) says so,
    in the grey of what is not known: the post the article shows may exist under its real id, or be no post at all
    (review31r4). So does a Bluesky post not found under the account its handle names now (`moved`, its words:
    atproto.moved_words): the handle may have moved, and the post exist under the account that had it (#15)."""
    words, tone = STATUS_WORDS.get(code, (code.replace("_", " "), "unknown"))
    if moved and code == "not_found":
        words, tone = moved, "unknown"
    if id_doubt and tone == "gone":
        words, tone = f"{words} (uncertain id)", "unknown"
    return {"code": code, "words": words, "tone": tone}


def build(result: ArticleResult, *, store: Store | None, generated_at: str | None = None,
          redactor: Redactor = NO_SECRETS, replay: dict[str, Any] | None = None,
          takes: Takes | None = None, offline: bool = False, started_at: str | None = None,
          no_archive: bool = False) -> dict[str, Any]:
    """The report for one article, after resolve, fetch and archive lookups ran (or were answered by the cache).
    `redactor`: the run's (its configured secrets), to tell which URLs carry one; `replay`: the run's WARC replay, if
    any (`replay_of`): a replayed answer is cited from the path this run read its file from (`replayed_from`);
    `takes`: which fetch-log rows the run's archive facts may rest on (`Session.takes_cached`: under --replay, only
    those replayed from its WARC files; None: any the cache holds); `offline`: the run asked nothing (its `answers`
    say so); `started_at`: when the run began (`Session.started_at`), to tell the answers it asked from those the
    cache gave; `no_archive`: the run asked no archive (`report --no-archive`), as its archive checks say."""
    replayed_as = dict(zip(replay.get("sha256") or (), replay["files"])) if replay else {}
    token, unasked = _REPLAYED_AS.set(replayed_as), _NO_ARCHIVE.set(no_archive)
    try:
        return _build(result, store=store, generated_at=generated_at, redactor=redactor, replay=replay, takes=takes,
                      offline=offline, started_at=started_at)
    finally:
        _REPLAYED_AS.reset(token)
        _NO_ARCHIVE.reset(unasked)


def _build(result: ArticleResult, *, store: Store | None, generated_at: str | None, redactor: Redactor,
           replay: dict[str, Any] | None, takes: Takes | None, offline: bool, started_at: str | None
           ) -> dict[str, Any]:
    from cache import utc_now

    from resolver.pipeline import closed_of, not_read_of, post_of_embed, same_posts

    posts = {index: post_of_embed(result, index) for index in range(len(result.embeds))}
    same = same_posts(result)
    identified = {i.embed: i.value for i in result.identifications or ()}
    archives = {a.url: a for a in result.archives or () if not a.unavailable}   # offline: the cache's snapshots
    images = {i.url: i.to_json() for i in result.credited_images or ()}
    from resolver.extract.incomplete import attempt, collecting

    with collecting() as failed:   # a bug in the page's own date loses that date alone, and the report says so (#10)
        dated = attempt(PUBLISHED_STEP, article_published, result.article, fallback=None)
    if failed:
        result = result.replaced(incomplete=(*result.incomplete, *failed))
    embeds = [_embed(result, index, embed, posts.get(index), identified.get(index), archives, store, redactor, takes,
                     dated)
              | {"same_post_as": same[index] + 1 if index in same else None}   # as reports number embeds
              for index, embed in enumerate(result.embeds)]
    credits = []
    for credit in result.credits:
        data = credit.to_json()
        facts = images.get(credit.image or "")
        data["image_metadata"] = ({k: facts.get(k) for k in ("url", "mime", "width", "height", "sha256", "credit",
                                                             "c2pa", "error", "fetch_id")}
                                  # fields read as no text for sure, when the file has some (newuser43a #2)
                                  | ({"credit_unsure": facts["credit_unsure"]} if facts.get("credit_unsure") else {})
                                  | _fetched_at(store, facts.get("fetch_id")) if facts else None)
        data["checks"] = credit_checks(data, facts) + agency_name_checks(data)
        credits.append(data)
    for data, others in zip(credits, other_credits(credits, images)):
        data["checks"] += others
        data["account_embeds"] = account_embeds(data, embeds)
    answered = answered_not_the_post(embeds)
    missing = [line for line in unreachable(result) if line not in answered] + failed_sources(embeds)
    return {
        "$schema": SCHEMA, "generated_by": f"embed-resolver {__version__}", "generated_at": generated_at or utc_now(),
        "article": _article(result, store) | {"published": dated.to_json() if dated else None,
                                              "warnings": _links_followed(result, store, redactor, takes, embeds)},
        "summary": summarise(embeds, credits, missing, not_read=not_read_of(result.unsupported, result.podcasts),
                             closed=closed_of(result.unsupported)),
        "embeds": embeds, "credits": credits, "unreachable": missing, "answered_not_the_post": answered,
        "replay": replay,
        "answers": answers_used(embeds, credits, offline=offline, started_at=started_at),
        "warc_files_cited": warc_files_cited(embeds, credits, store),
        "evidence_failed": evidence_failed(embeds, credits, store),
    }


def evidence_failed(embeds: list[dict[str, Any]], credits: list[dict[str, Any]], store: Store | None
                    ) -> list[dict[str, Any]]:
    """The cited evidence in the database that is not what it cites (newuser44b #2, #8): a kept body cited by its
    sha256 that does not hash to it or cannot be unpacked (damaged or altered in the database), and a post row whose
    words are not those its cited fetch's body gives when read again as the fetch read it. Each names the body and
    fetch or the embed; what rests on it is not known. Only the bodies and rows this report cites are read."""
    if store is None:
        return []
    failed = []
    bodies: dict[str, Any] = {}
    for cited in _with_bodies([*embeds, *credits]):
        bodies.setdefault(cited["body_sha256"], cited.get("fetch_id"))
    for sha256, fetch_id in bodies.items():
        if why := store.body_damage(sha256):
            fetches = [fetch_id] if isinstance(fetch_id, int) else store.fetches_of_body(sha256)
            failed.append({"kind": "body", "body_sha256": sha256, "fetch_ids": fetches, "embed": None,
                           "why": f"{why}: the database is damaged or altered, and what this body gave is not known"})
    for number, embed in enumerate(embeds, 1):
        failed += _post_row_failed(number, embed.get("post"), store, set(bodies))
    return failed


def _with_bodies(value: Any) -> Iterator[dict[str, Any]]:
    """Every dict in a report's items that cites a kept body by its sha256."""
    if isinstance(value, dict):
        if isinstance(value.get("body_sha256"), str):
            yield value
        for item in value.values():
            yield from _with_bodies(item)
    elif isinstance(value, list):
        for item in value:
            yield from _with_bodies(item)


def _post_row_failed(number: int, post: dict[str, Any] | None, store: Store, cited: set[str]) -> list[dict[str, Any]]:
    """Whether an embed's post row, and each observation of it from a fetch the report cites, holds the words that
    fetch's kept body gives when read again (resolver.fetch.reparse): a row edited in the database gave "The source
    says" words its cited body does not hold (newuser44b #2)."""
    from resolver.fetch.reparse import reparse_observation
    from resolver.verify import READ_OTHERWISE, fields_not_read_again

    row = store.post_row(post["platform"], post["post_id"]) if post and post.get("post_id") else None
    if row is None or post is None:
        return []
    fetch_ids = {*(post.get("fetch_ids") or []), *(a.get("fetch_id") for a in post.get("archived") or [])}
    failed, kept_texts = [], set()
    for observation in store.observations(row["id"]):
        if not observation.get("record"):
            continue
        kept = json.loads(observation["record"])
        kept_texts.add(kept.get("text"))   # the row's words are one of its observations', cited or not
        if observation.get("fetch_id") not in fetch_ids:
            continue
        again = reparse_observation(row, observation, store)
        if again is None:   # no body (a damaged one is said above)
            continue
        if differing := fields_not_read_again(kept, again):
            failed.append({"kind": "post", "embed": number, "fetch_ids": [observation["fetch_id"]],
                           "body_sha256": store.fetch(observation["fetch_id"]).get("body_sha256"),
                           "why": (f"the post row's {differing} from fetch #{observation['fetch_id']} are not those "
                                   "its body gives when read again by this version: the row does not match its cited "
                                   f"fetch ({READ_OTHERWISE}), and what the source said is not known")})
    if row.get("text") and kept_texts - {None} and row["text"] not in kept_texts and not failed:
        failed.append({"kind": "post", "embed": number, "fetch_ids": sorted(i for i in fetch_ids if i), "body_sha256": None,
                       "why": ("the post row's words are none of those its cited fetches recorded: the row does not "
                               "match its cited fetches, and what the source said is not known")})
    return failed


def report_differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What two JSON reports of one article conclude differently, a line each ("embed 1: status deleted, now
    available"): the article's bytes, each embed's URL and status and its checks' results, each credit's, and the
    hashes cited (every body and file sha256 in the embeds and credits); [] when they agree. Times, fetch numbers,
    paths and the words of the evidence are not compared: a re-run cites the same answers under other numbers
    (newuser38a F10)."""
    lines = []
    if old.get("article", {}).get("sha256") != new["article"]["sha256"]:
        lines.append(f"article: sha256 {old.get('article', {}).get('sha256')}, now {new['article']['sha256']}")
    for kind in ("embeds", "credits"):
        was, now = old.get(kind) or [], new.get(kind) or []
        if len(was) != len(now):
            lines.append(f"{kind}: {len(was)}, now {len(now)}")
        for number, (a, b) in enumerate(zip(was, now), 1):
            lines += [f"{kind[:-1]} {number}: {line}" for line in _item_differences(a, b)]
    was, now = _hashes([*old.get("embeds", []), *old.get("credits", [])]), _hashes([*new["embeds"], *new["credits"]])
    lines += [f"hash cited before, not now: {h}" for h in sorted(was - now)]
    lines += [f"hash cited now, not before: {h}" for h in sorted(now - was)]
    lines += _warc_differences(old.get("warc_files_cited") or [], new.get("warc_files_cited") or [])
    from resolver.report import evidence_failed_line, failed_record_line

    # a cited record now found altered is a difference whatever the earlier report said of it (newuser44b #1: an
    # edited record gave "same verdicts, statuses and hashes"); its words are no evidence
    lines += [f"WARC {failed_record_line(entry, failed)}"
              for entry in new.get("warc_files_cited") or [] for failed in entry.get("records_failed") or []]
    lines += [f"evidence failed: {evidence_failed_line(failed)}" for failed in new.get("evidence_failed") or []]
    return lines


def _warc_differences(old: list[Any], new: list[Any]) -> list[str]:
    """How the WARC files cited changed between two reports: a file cited or not, found on this machine or not, how
    many of its cited records it holds. A WARC gone, cut or bit-flipped was "same verdicts, statuses and hashes"
    (newuser44b #4). The file's sha256 is left out: a later run appending to it changes it."""
    def held(entry: dict[str, Any]) -> str:
        if entry.get("path") is None:
            return f"not found on this machine ({entry.get('records')} records cited)"
        return f"holds {_records_held(entry)}"

    def files(listed: list[Any]) -> dict[str, list[str]]:
        # every file of a name (archive.warc.gz beside the database and court/archive.warc.gz are two, review39a):
        # one entry per name kept the last, and the other's loss was "same" (review45b)
        grouped: dict[str, list[str]] = {}
        for f in listed:
            if isinstance(f, dict):
                grouped.setdefault(str(f.get("file")), []).append(held(f))
        return grouped

    was, now = files(old), files(new)
    lines = [f"WARC {name}: cited before, not now" for name in was if name not in now]
    lines += [f"WARC {name}: cited now, not before" for name in now if name not in was]
    for name in was.keys() & now.keys():
        before, after = list(was[name]), list(now[name])
        for same in list(before):   # the files of a name paired by what each holds, then in order
            if same in after:
                before.remove(same)
                after.remove(same)
        lines += [f"WARC {name}: {a}, now {b}" for a, b in zip(before, after)]
        lines += [f"WARC {name} ({a}): cited before, not now" for a in before[len(after):]]
        lines += [f"WARC {name} ({b}): cited now, not before" for b in after[len(before):]]
    return sorted(lines)


def _records_held(entry: dict[str, Any]) -> str:
    cited, missing = entry.get("records"), entry.get("records_not_found")
    count = cited - missing if isinstance(cited, int) and isinstance(missing, int) else "?"
    return f"{count} of the {cited} records cited"


def comparison_scope(report: dict[str, Any]) -> str:
    """What `report --compare` compared and what it did not, for the line saying two reports agree: the WARC files'
    records found (each file's count), never their sha256 (a later run appends to the file); a cited record's digests
    are checked by the report itself, any failure a difference (newuser44b #1, #4)."""
    cited = [f for f in report.get("warc_files_cited") or [] if isinstance(f, dict)]
    found = "; ".join(f"{f.get('file')}: " + (_records_held(f) if f.get("path") is not None
                                                else "not found on this machine") for f in cited)
    scope = f"WARC records found as before ({found})" if cited else "no WARC record cited"
    unchecked = ("; not compared: the WARC files' sha256 (a later run appending to a file changes it), nor records "
                 "the report does not cite (check a whole file with `warcio check FILE`)") if cited else ""
    return scope + unchecked


def _item_differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    lines = [f"{key} {old.get(key)}, now {new.get(key)}" for key in ("url",) if old.get(key) != new.get(key)]
    status = [(item.get("status") or {}).get("code") if isinstance(item.get("status"), dict) else item.get("status")
              for item in (old, new)]
    if status[0] != status[1]:
        lines.append(f"status {status[0]}, now {status[1]}")
    # checks paired by name (and by what a repeated one is about), never by place: a check added before others
    # shifted them, and the comparison named checks that had not changed (newuser44b #3)
    was, now = _checks_by_key(old.get("checks") or []), _checks_by_key(new.get("checks") or [])
    for key, (name, result) in was.items():
        if key not in now:
            lines.append(f"check {name} ({result}) no longer made")
        elif now[key][1] != result:
            lines.append(f"check {name} {result}, now {now[key][1]}")
    lines += [f"check {name} ({result}) made now, not before" for key, (name, result) in now.items() if key not in was]
    return lines


def _checks_by_key(checks: list[Any]) -> dict[tuple[str, str], tuple[str, Any]]:
    """An item's checks by a key that stays when other checks come or go: the check's name, with what a check made
    once per other item is about (`other-credits`: "credit 2 (...)"), else its place among the checks of its name."""
    keyed: dict[tuple[str, str], tuple[str, Any]] = {}
    seen: dict[str, int] = {}
    for item in checks:
        if not isinstance(item, dict):
            continue
        name = str(item.get("name"))
        about = re.match(r"credit \d+\b", str(item.get("evidence") or "")) if name == "other-credits" else None
        seen[name] = seen.get(name, 0) + 1
        key = (name, about.group(0) if about else str(seen[name]))
        keyed[key] = (name + (f" on {about.group(0)}" if about else f" #{seen[name]}" if seen[name] > 1 else ""),
                      item.get("result"))
    return keyed


def _hashes(value: Any) -> set[str]:
    """Every sha256 a report's items cite (a body's, an image file's, an article's), a WARC file's aside (its hash is
    of the whole file, which a later run appends to)."""
    if isinstance(value, list):
        return {h for item in value for h in _hashes(item)}
    if not isinstance(value, dict):
        return set()
    found = {v for k, v in value.items() if k in ("body_sha256", "sha256") and isinstance(v, str)}
    return found | {h for k, v in value.items() if k != "warc_record" for h in _hashes(v)}


def warc_files_cited(embeds: list[dict[str, Any]], credits: list[dict[str, Any]], store: Store | None
                     ) -> list[dict[str, Any]]:
    """Each WARC file the report cites a record of, so a witness knows which files to hand over and can fix their
    content (newuser38a F9: "WARC archive.warc.gz", written beside the database and never named by the user, was
    cited by name only): its name as cited, where it is on this machine now (the path the fetch log keeps, or in a
    --replay run the path replayed; else the file of that name beside the database; None: not found) and whether
    that is the database's folder (where `scan --archive` writes one unless told otherwise), how many of
    its records are cited, and its sha256 and size as the report is made (None when not found). A file --warc writes
    grows with every run appending to it, so its hash is the file's at report time, and no record's
    (`warc_record.sha256` stays null for a live answer)."""
    from pathlib import Path

    rows: dict[int, str] = {}   # fetch id -> the name cited
    for cited in _cited_records([*embeds, *credits]):
        rows.setdefault(cited["fetch_id"], cited["warc_record"]["file"])
    found: dict[str, dict[str, Any]] = {}   # the path a row keeps -> where that file is now
    files: dict[tuple[str, str], dict[str, Any]] = {}
    records: dict[tuple[str, str], dict[Any, tuple[str | None, str | None]]] = {}   # offset -> record id, body sha256
    read = {fetch_id: store.fetch(fetch_id) if store is not None else None for fetch_id in rows}
    kept: dict[str, list[tuple[int, str]]] = {}   # the path a row keeps -> (offset, record id) of the records cited
    replayed = _REPLAYED_AS.get()   # a file this run replays is the file read, wherever a copy of it lies
    for fetch_id, name in rows.items():
        row = read[fetch_id]
        if row and row.get("warc_offset") is not None and row.get("warc_record_id") \
                and not (row.get("via") == "warc" and (row.get("warc_sha256") or "") in replayed):
            kept.setdefault(_warc_path(row) or name, []).append((row["warc_offset"], row["warc_record_id"]))
    for fetch_id, name in rows.items():
        row = read[fetch_id]
        recorded = (_warc_path(row) if row else None) or name
        if recorded not in found:
            found[recorded] = _warc_file_now(recorded, store, kept.get(recorded, []))
        # one entry per file found, not per name: archive.warc.gz beside the database and court/archive.warc.gz are
        # two files to hand over (review39a: the second's records were counted under the first's path and hash)
        key = (name, found[recorded]["path"] or "")
        files.setdefault(key, found[recorded] | {"file": name})
        at = row["warc_offset"] if row and row.get("warc_offset") is not None else ("fetch", fetch_id)
        records.setdefault(key, {})[at] = (row.get("warc_record_id"), row.get("body_sha256")) if row else (None, None)
    listed = []
    for key, entry in sorted(files.items()):
        cited = records[key]
        # a file of the cited name that does not hold the cited records at their offsets (another case's WARC beside
        # a moved cache, or the file begun anew) is no file to hand over, and is said to be none (review39a); a record
        # there whose digests fail, or whose payload is not the body the fetch log keeps, was changed since it was
        # written, and is named (newuser44b #1: an edited record was listed as sound)
        checked = [] if entry["path"] is None else [
            (offset, record_id, record_check(Path(entry["path"]), offset, record_id, body, store))
            for offset, (record_id, body) in cited.items()]
        missing = len(cited) if entry["path"] is None else sum(why is None for _, _, why in checked)
        failed = [{"offset": offset, "record_id": record_id, "why": why}
                  for offset, record_id, why in checked if why]
        listed.append(entry | {"records": len(cited), "records_not_found": missing, "records_failed": failed})
    return listed


def _cited_records(value: Any) -> Iterator[dict[str, Any]]:
    """Every cited answer (a dict with a fetch_id and a warc_record) in a report's embeds or credits."""
    if isinstance(value, dict):
        if value.get("warc_record") and isinstance(value.get("fetch_id"), int):
            yield value
        for item in value.values():
            yield from _cited_records(item)
    elif isinstance(value, list):
        for item in value:
            yield from _cited_records(item)


def record_check(path: PurePath, offset: Any, record_id: str | None, body_sha256: str | None,
                 store: Store | None = None) -> str | None:
    """What the file holds of a cited record at `offset` (a fetch-log row's; else no offset is known): None when no
    record is there, or not the one of `record_id` when the row keeps it; "" when it is there and sound; else why it is
    not: its own WARC-Payload-Digest or WARC-Block-Digest fails (warcio's check), or its payload is not the body
    whose sha256 the fetch log keeps (newuser44b #1). A revisit record (a payload one run wrote twice, the second time
    as a revisit of the first) holds no payload: the payload digest it names is held to the body the store keeps, else
    to the record it refers to, found by the fetch log and checked as one (review45b: its empty payload was said to
    be "not the body the fetch log keeps", and `cache verify` called every revisit a run wrote changed)."""
    from pathlib import Path

    from resolver.warc import read_record

    held = read_record(Path(path), offset) if isinstance(offset, int) else None
    if held is None or held.record_id is None or (record_id is not None and held.record_id != record_id):
        return None
    if held.failed:
        return f"{'; '.join(held.failed)}: its payload was changed after it was written"
    if held.refers_to is not None:
        return _revisit_check(Path(path), held, body_sha256, store)
    if body_sha256 and held.payload_sha256 is None:   # encoded, and not decodable as its head says (review46c)
        return (f"its payload does not decode as its HTTP head's Content-Encoding or Transfer-Encoding says: it is not "
                f"the body {body_sha256} the fetch log keeps, which was read from it")
    if body_sha256 and held.payload_sha256 is not None and held.payload_sha256 != body_sha256:
        return (f"its payload has sha256 {held.payload_sha256}, not the body {body_sha256} the fetch log keeps: "
                "one of them was changed")
    return ""


def _revisit_check(path: PurePath, held: Any, body_sha256: str | None, store: Store | None) -> str:
    """`record_check` of a revisit record: "" when the payload it names is the body the fetch log keeps (that body
    hashed, when kept) and the record it refers to is that payload's, named as it is (read whole and held to it: its
    id, WARC-Target-URI and -Date, payload digest, payload sha256); else why not. That record is found by the fetch
    log, else in the file itself (review46c: a revisit whose reference no row cited, or whose body was kept, was
    "sound" without its reference read, and one edited to name another payload or record passed `cache verify` while
    --replay refused the file)."""
    from pathlib import Path

    from resolver.warc import answered_at, payload_digest_of, read_record, record_offsets, same_digest

    # a server-not-modified revisit (a crawler's 304) names no payload of its own: a stop-44 replay answered it with
    # its original's, which is what its row's body is held to (review46c: "naming the payload (none) … changed")
    named = held.payload_digest or ""
    unnamed = not named and (held.profile or "").endswith("/revisit/server-not-modified")
    unlike = (f"it is a revisit record naming the payload {named or '(none)'}, which is not the body {body_sha256} the "
              "fetch log keeps: one of them was changed")
    kept = store.body(body_sha256) if body_sha256 and store is not None else None
    if kept is not None and not unnamed and payload_digest_of(named, kept) is not True:
        return unlike
    refers_id, refers_url = held.refers_to
    at = store.warc_offset_of(refers_url, refers_id) if refers_id and refers_url and store is not None else None
    if at is None and refers_id:   # no row cites it by that URL (a replayed file's, or a URL the log spells otherwise)
        at = record_offsets(Path(path)).get(refers_id)
    if at is None:
        return (f"it is a revisit record of {refers_id or '(no WARC-Refers-To)'}, which the file does not hold: the "
                "payload it names is in no record there, and is not checked")
    original = read_record(Path(path), at)
    if (original is None or original.record_id != refers_id) and refers_id and \
            (found := record_offsets(Path(path)).get(refers_id)) is not None and found != at:
        # the bytes before it changed length (newuser47c #2): the record it refers to is found by its id, and held to it
        original = read_record(Path(path), found)
    if original is None or original.record_id != refers_id:
        return (f"it is a revisit record of {refers_id}, which is not at offset {at:,} where the fetch log has it: "
                "the file was changed")
    if original.failed:
        return f"it is a revisit record of {refers_id}, whose {'; '.join(original.failed)}"
    if not unnamed and not same_digest(original.payload_digest, named) or (
            body_sha256 and original.payload_sha256 is not None and original.payload_sha256 != body_sha256):
        return unlike

    def instant(date: str | None) -> str | None:   # to the second: a crawler may write one with a fraction, one not
        return (answered_at(date) or "")[:19] or None

    said_date, is_date = instant(held.refers_date), instant(original.date)
    for header, says, is_, differ in (
            ("WARC-Refers-To-Target-URI", refers_url, original.target_uri, refers_url and refers_url != original.target_uri),
            ("WARC-Refers-To-Date", held.refers_date, original.date, said_date and is_date and said_date != is_date)):
        if differ:
            return (f"it is a revisit record whose {header} is {says}, where the record it refers to ({refers_id}) "
                    f"has {is_}: the file was changed")
    return ""


def _warc_file_now(recorded: str, store: Store | None, cited: Sequence[tuple[int, str]] = ()) -> dict[str, Any]:
    """Where the WARC file a fetch-log row names is on this machine now, with its sha256 and size: a copy of it beside
    the database, holding a record cited (`cited`: offset, record id), when the database was copied there with it
    (a hand-over folder; fix47a #3: the original at the path kept was cited, its path and hash, not the file handed
    over), else the path kept, else the file of its name beside the database (a cache moved with its WARC files)."""
    from pathlib import Path

    # the store's own lookup (a cache moved with its WARC files: beside the database); with no store, the path kept
    path: Path | None = store.warc_file_here(recorded) if store is not None else \
        (Path(recorded) if Path(recorded).is_file() else None)
    if path is not None and store is not None:
        copy = store.path.parent / Path(recorded).name
        if copy.absolute() != path and copy.is_file() and not _same_file(path, copy) and _holds_any(copy, cited):
            path = copy.absolute()
    if path is None:
        return {"path": None, "beside_database": False, "sha256": None, "bytes": None}
    digest, size = file_sha256(path)
    beside = store is not None and path.absolute().parent == store.path.absolute().parent
    return {"path": str(path.absolute()), "beside_database": beside, "sha256": digest, "bytes": size}


def _same_file(one: PurePath, other: PurePath) -> bool:
    import os

    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _holds_any(path: PurePath, cited: Sequence[tuple[int, str]]) -> bool:
    """Whether the WARC file at `path` holds one of the records `cited` (offset, record id) where the fetch log cites
    it: a copy of the file, not another file of its name (another case's WARC, one begun anew)."""
    from pathlib import Path

    from resolver.warc import read_record

    return any((held := read_record(Path(path), offset)) is not None and held.record_id == record_id
               for offset, record_id in cited)


# sha256 state per WARC file: a report run hashes only the bytes appended since the last report (WARC files only
# grow: a corpus's reports, each appending to the one beside the database, would hash it whole once per article),
# with the first and the last SEAM bytes hashed up to there, read again to see the start is unchanged (review39a)
_HASHED: dict[tuple[str, int], tuple[int, Any, bytes]] = {}
SEAM = 1 << 16


def file_sha256(path: PurePath) -> tuple[str, int]:
    """(sha256, size) of a file as it is now. A file hashed before (same path and inode) that has only grown is hashed
    from where the last hash ended; one that shrank, or whose first or last bytes hashed before are not as they were
    (rewritten in place: `cp` over it, a torn tail cut and records appended past the old end), is hashed whole."""
    import hashlib
    import os

    with open(path, "rb") as stream:
        stat = os.fstat(stream.fileno())
        key = (str(path), stat.st_ino)
        done, state, seams = _HASHED.get(key, (0, None, b""))
        if state is None or stat.st_size < done or _seams(stream, done) != seams:
            done, state = 0, hashlib.sha256()
        state = state.copy()
        stream.seek(done)
        while chunk := stream.read(1 << 20):
            state.update(chunk)
            done += len(chunk)
        _HASHED[key] = (done, state, _seams(stream, done))
        return state.hexdigest(), done


def _seams(stream: Any, end: int) -> bytes:
    """The digest of a file's first and last SEAM bytes before `end`: what `file_sha256` reads again to trust a hash
    of the bytes up to `end` it made before."""
    import hashlib

    stream.seek(0)
    first = stream.read(min(SEAM, end))
    stream.seek(max(end - SEAM, 0))
    return hashlib.sha256(first + stream.read(end - max(end - SEAM, 0))).digest()


def article_published(article: Article) -> Published | None:
    """The date an HTML article's page gives itself (extract.published), or None: plain text states none we read."""
    from resolver.extract.published import published

    return published(article.text) if article.kind == "html" else None


def as_of(post: dict[str, Any] | None) -> str | None:
    """When the answer a post's status rests on was given (its fetch's time, a replayed record's WARC-Date), None
    when no answer was (not fetched, not in the cache): a status a week old reads as such (newuser31 #4)."""
    if post is None or not post.get("sources"):
        return None
    said = source_of(post, "status")
    return said.get("fetched_at") or said.get("observed_at") if said.get("fetch_id") else None


def answers_used(embeds: list[dict[str, Any]], credits: list[dict[str, Any]], *, offline: bool,
                 started_at: str | None = None) -> dict[str, Any]:
    """How old the answers a report cites are: the newest and oldest fetch time among its posts' statuses, the last
    answers of posts gone since, link hops, archive lookups, captures read and image files (UTC; None with none),
    how many of them give no time (replayed from WARC records with none: review31r3, they were not counted, and a
    report resting on them said no answer was used), how many requests the replayed WARC files did not hold (no answer:
    `not_in_warc`, in no other count), and whether the run was offline. `started_at`: when the run
    began; an answer given before it was taken from the cache, not asked by this run (`cached`, with the newest and
    oldest such), whatever its age (replay32: one an hour old read as got now); the WARC files the answers were
    replayed from (`warc_files`)."""
    cited: list[dict[str, Any]] = []   # every answer cited, with its fetch-log id and time (None: not known)
    for embed in embeds:
        post = embed["post"] or {}
        said = source_of(post, "status") if post.get("sources") else {}
        cited += [{"fetch_id": said["fetch_id"], "fetched_at": embed["status"].get("as_of"),
                   "answered_at_unknown": said.get("answered_at_unknown"), "warc_file": said.get("warc_file")}
                  if said.get("fetch_id") else {},
                  post.get("last_available") or {}, *(post.get("archived") or []),
                  *(h for r in embed["resolutions"] for h in r["hops"]), *embed["archive_lookups"]]
    cited += [c.get("image_metadata") or {} for c in credits]
    known = [t for c in cited if (t := c.get("fetched_at"))]
    # a request the replayed WARC files did not hold had no answer: counted apart, never as one used (newuser38a F8)
    from resolver.warc import not_in_the_warcs

    missing = {c.get("fetch_id") or -i for i, c in enumerate(cited, 1) if not_in_the_warcs(c.get("answered_at_unknown"))}
    cited = [c for c in cited if not not_in_the_warcs(c.get("answered_at_unknown"))]
    # each answer once (a hop two embeds share, a post's status and its last answer): the ones a count is of
    answers = list({c.get("fetch_id") or -i: c for i, c in enumerate(cited, 1)
                    if c.get("fetched_at") or c.get("answered_at_unknown")}.values())
    cached = [c for c in answers if started_at is not None and (c.get("fetched_at") or "") < started_at]
    taken = [t for c in cached if (t := c.get("fetched_at"))]
    return {"offline": offline, "newest": max(known, default=None), "oldest": min(known, default=None),
            "undated": sum(1 for c in cited if c.get("answered_at_unknown") and not c.get("fetched_at")),
            "run_started_at": started_at, "count": len(answers), "cached": len(cached),
            "cached_newest": max(taken, default=None), "cached_oldest": min(taken, default=None),
            "warc_files": sorted({c["warc_file"] for c in answers if c.get("warc_file")}), "not_in_warc": len(missing)}


CACHED_AFTER_S = 3600   # a report that does not say when its run began: answers all older than this were not got by it


def cache_note(report: dict[str, Any]) -> str | None:
    """The header line of a report made from the cache, in full or in part: --offline, or some answer it cites was
    given before its run began (taken from the cache, not asked: replay32, an hour's grace before), how old the
    newest and oldest are, so a status a week old does not read as today's (newuser31 #4); None for a report
    resting on answers got now, and for a --replay run's (`replayed_note` says where its answers come from)."""
    answers = report.get("answers") or {}
    if report.get("replay"):
        return None
    undated = answers.get("undated") or 0
    if answers.get("offline"):
        return "made --offline, nothing was asked; " + _dated_words(
            answers.get("newest"), answers.get("oldest"), undated, report["generated_at"],
            missing=answers.get("not_in_warc") or 0)
    if answers.get("run_started_at") is None:   # a report made before the run's start was recorded
        age = _age(answers["newest"], report["generated_at"]) if answers.get("newest") else None
        if age is None or age < CACHED_AFTER_S:
            return None
        return _dated_words(answers["newest"], answers.get("oldest"), undated, report["generated_at"])
    cached, count = answers.get("cached") or 0, answers.get("count") or 0
    if not cached:
        return None
    lead = ("every answer used was taken from the cache, none was asked in this run" if cached == count else
            f"{cached} of the {count} answers used were taken from the cache, not asked in this run")
    return f"{lead}; " + _dated_words(answers.get("cached_newest"), answers.get("cached_oldest"), undated,
                                      report["generated_at"], subject="the newest of them" if cached != count else None)


def replayed_note(report: dict[str, Any]) -> str | None:
    """The header line of a --replay run's report: the WARC files its answers were replayed from and when they were
    captured (their WARC-Dates: the newest and oldest, how long before the report), in place of a "From the cache"
    line (replay32: a replay's report said it was made from the cache)."""
    replay = report.get("replay")
    if not replay:
        return None
    answers = report.get("answers") or {}
    files = ", ".join(answers.get("warc_files") or replay["files"])
    dated = _dated_words(answers.get("newest"), answers.get("oldest"), answers.get("undated") or 0,
                         report["generated_at"], word="captured", none="no replayed answer was used",
                         missing=answers.get("not_in_warc") or 0)
    return f"made from the replayed WARC {files}: {dated}"


def made_from(report: dict[str, Any]) -> str | None:
    """Where a report's answers came from, for its line in an index, when not all from its run's requests: "made
    from the cache, --offline: …", "made from the cache: …" (every answer taken from it), "3 of its 7 answers from
    the cache: …", "made from the replayed WARC run.warc.gz: …captured…"; None for one resting on answers got now,
    and for an entry an earlier version indexed without its `answers` (replay32: the index never said)."""
    answers = report.get("answers")
    if not answers or not report.get("generated_at"):
        return None
    if report.get("replay"):
        return replayed_note(report)
    now, undated = report["generated_at"], answers.get("undated") or 0
    if answers.get("offline"):
        return "made from the cache, --offline: " + _dated_words(answers.get("newest"), answers.get("oldest"),
                                                                 undated, now, missing=answers.get("not_in_warc") or 0)
    if answers.get("run_started_at") is None:   # a report made before the run's start was recorded
        return f"made from the cache: {note}" if (note := cache_note(report)) else None
    cached, count = answers.get("cached") or 0, answers.get("count") or 0
    if not cached:
        return None
    lead = "made from the cache" if cached == count else f"{cached} of its {count} answers from the cache"
    return f"{lead}: " + _dated_words(answers.get("cached_newest"), answers.get("cached_oldest"), undated, now,
                                      subject=None if cached == count else "the newest of them")


def index_note(reports: list[dict[str, Any]]) -> str | None:
    """The header line of an index whose every report rests on answers not asked by its run: all from the cache
    (--offline, or each answer taken from it), or all replayed from WARC files; with the newest and oldest answer
    among them. None otherwise, when no report used an answer (each line says an --offline one's), and when an entry
    does not say (indexed by an earlier version)."""
    if not reports or any(not r.get("answers") or not r.get("generated_at") for r in reports) or not any(
            r["answers"].get("count") or r["answers"].get("undated") for r in reports):
        return None
    if all(r.get("replay") for r in reports):
        where, word = "from the replayed WARC " + ", ".join(sorted(
            {f for r in reports for f in r["answers"].get("warc_files") or r["replay"]["files"]})), "captured"
    elif all(not r.get("replay") and _all_cached(r["answers"]) for r in reports):
        where, word = "from the cache", "from"
    else:
        return None
    times = [t for r in reports for t in (r["answers"].get("newest"), r["answers"].get("oldest")) if t]
    undated = sum(r["answers"].get("undated") or 0 for r in reports)
    missing = sum(r["answers"].get("not_in_warc") or 0 for r in reports)
    now = max(r["generated_at"] for r in reports)
    return f"Every report here was made {where}: " + _dated_words(
        max(times, default=None), min(times, default=None), undated, now, word=word, missing=missing).replace(
        " before this report", " before the last report")


def _all_cached(answers: dict[str, Any]) -> bool:
    """Whether every answer a report cites came from the cache: made --offline, or each one (one at least) given
    before its run began."""
    return bool(answers.get("offline")) or answers.get("run_started_at") is not None and \
        0 < (answers.get("count") or 0) == (answers.get("cached") or 0)


def _dated_words(newest: str | None, oldest: str | None, undated: int, now: str, *, word: str = "from",
                 subject: str | None = None, none: str = "no recorded answer was used", missing: int = 0) -> str:
    """"the newest answer used is from <time>, 7 days before this report (the oldest from <time>)", with how many
    give no time (replayed from WARC records with none: review31r3 counted them apart), and how many requests the
    replayed WARC files did not hold (`missing`: no answer, none used; newuser38a F8)."""
    absent = f"; {missing} request{'s' * (missing != 1)} not in the replayed WARC files, so no answer used" \
        if missing else ""
    return _answer_words(newest, oldest, undated, now, word=word, subject=subject, none=none) + absent


def _answer_words(newest: str | None, oldest: str | None, undated: int, now: str, *, word: str, subject: str | None,
                  none: str) -> str:
    age = _age(newest, now) if newest else None
    if newest is None or age is None:
        return (f"the {undated} answer{'s' * (undated != 1)} used give{'s' * (undated == 1)} no time (replayed from "
                "WARC records with none)") if undated else none
    verb = "is from" if word == "from" else f"was {word}"
    older = f" (the oldest {word} {oldest[:19]}Z)" if oldest and oldest[:19] != newest[:19] else ""
    more = f"; {undated} more give{'s' * (undated == 1)} no time (replayed from WARC records with none)" \
        if undated else ""
    return (f"{subject or 'the newest answer used'} {verb} {newest[:19]}Z, {_age_words(age)} before this "
            f"report{older}{more}")


def _age(then: str, now: str) -> float | None:
    try:
        return (datetime.fromisoformat(now.replace("Z", "+00:00"))
                - datetime.fromisoformat(then.replace("Z", "+00:00"))).total_seconds()
    except ValueError:
        return None


def _age_words(seconds: float) -> str:
    """"7 days", "1 day", else as `_duration` says it ("3 h 12 min")."""
    days = int(seconds // 86400)
    return f"{days} day{'s' * (days != 1)}" if days else _duration(max(seconds, 0))


def replay_of(session: Session) -> dict[str, Any] | None:
    """What a report says of a --replay run: the WARC files, and the time cached answers were aged from (the
    replayed records' oldest WARC-Date, Session._now_us; null when no record gives one: then now), for cache_ttl."""
    if session.replay is None:
        return None
    return {"files": [str(path) for path in session.replay.paths],
            "sha256": [session.replay.digests[str(path)] for path in session.replay.paths],
            "answers_aged_from": session.replay.answered_from,
            "cache_ttl_days": session.settings.cache_ttl_days, "offline": session.offline}


def replay_note(replay: dict[str, Any] | None) -> str | None:
    """The line a Markdown or HTML report gives a --replay run: which files, and what a cached answer's age is
    measured from (replay29: it was now, and nothing said so)."""
    if not replay:
        return None
    files = ", ".join(replay["files"])
    if replay.get("offline"):   # replay30: it said the replay answered while offline read no record of it
        return (f"answers replayed from {files} only (--offline): what the cache holds replayed from them, whatever "
                "its age, and their records; nothing else is asked")
    since = replay["answers_aged_from"]
    ttl = f"{replay['cache_ttl_days']:g} days"
    if since is None:
        return (f"answers replayed from {files}; no record gives the time its source answered, so a cached "
                f"answer's age (cache_ttl, {ttl}) is measured from now")
    return (f"answers replayed from {files}; a cached answer's age (cache_ttl, {ttl}) is measured from the "
            f"replayed records' time, {since} (their oldest WARC-Date), not from now")


def _embed(result: ArticleResult, index: int, embed: Embed, post: FetchedPost | None,
           identification: Identification | None, archives: dict[str, ArchivedUrl],
           store: Store | None, redactor: Redactor, takes: Takes | None = None,
           published: Published | None = None) -> dict[str, Any]:
    from resolver.pipeline import photo_elsewhere

    # The checks weigh what the page wrote against what the source answered, each as shown: `embed` is the embed
    # with a configured secret redacted (`result.written(index)` as `Redactor.shown` shows it), and the source's side
    # goes through the same redactor. Its answer was redacted as it came in (http.py), or was cached before the key
    # was set and holds it: a handle that merely contains the key ("tonRoads" in @RivertonRoads) was compared
    # redacted with the post's in full, failed as "may be misattributed", and its evidence printed the key
    # (review28c #1). The same redaction of both sides keeps equal what the page and the source wrote alike.
    data = embed.said_json(embed.to_json())
    data["quote"] = quote(result.article, embed.span, redactor)
    # a comment's post: where the comment is, never what it is (newuser36 #1)
    data["parent"] = platforms.parent_of(embed.url) if embed.kind == "comment" else None
    data["resolutions"] = redactor.shown_json(
        [_resolution(r.value.to_json(), store) for r in result.resolutions or () if r.embed == index])
    data["identified"] = redactor.shown_json(_identified(identification, store, redactor, takes))
    data["post"] = redactor.shown_json(_post(post, store, takes)) if post else None
    post_id = embed.post_id or (post.record.post_id if post else None)   # identified, or where its link led
    minted = x.snowflake_time(post_id) if embed.platform == "twitter" and post_id else None
    data["snowflake_time"] = minted.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z" if minted else None
    moved = atproto.moved_words(post.record) if post else None
    data["status"] = status_badge(_status_code(embed, post), id_doubt=embed.id_doubt, moved=moved) \
        | {"as_of": as_of(data["post"])}
    if data["status"]["code"] == "available" and post and post.record.platform == "youtube" \
            and post.record.method == OEMBED:
        data["status"]["words"] = YOUTUBE_OEMBED_AVAILABLE   # what a 200 tells, no more (newuser41a #5)
    if post is not None and post.refused:   # no source asked, by the config's choice: none answered (review44c)
        data["status"]["words"] = NOT_CHECKED_BY_CONFIG
    if embed.kind == "comment" and data["status"]["code"] == "not_fetched":   # nothing is asked of a comment
        data["status"]["words"] = "not fetched (a comment)"
    if data["status"]["code"] == "not_confirmed":   # a link read as a post by its shape, which no answer confirmed
        data["kind"] = "link"   # is not called a post, in any format (urlforms32)
    written = result.real_url(embed.url)   # the URL looked up, or withheld for the secret it carries (#11)
    url = (post.record.url if post else None) or written
    failed, snapshots, looked, looked_for = _archive_answer([url, written], archives, store, redactor, takes)
    from resolver.pipeline import archive_forms

    others = [form for form in archive_forms(result, index)[1:]   # its URL under another name of its account
              if form not in (url, written) and carried_secret(form, redactor) is None]
    if others and not (failed or "").startswith(WITHHELD):
        failed, snapshots, looked, looked_for = _every_form((failed, snapshots, looked, looked_for), [
            _archive_answer([form], archives, store, redactor, takes) for form in others])
    # A gone post's captures listed by the fetch (every form of its URL answered) is a lookup that answered too; not
    # over a form whose own lookup failed that the fetch's lists do not hold (a Bluesky post's URL under the handle
    # its embed shows, which no answer gave: the fetch listed its DID's page alone, fediarch41).
    if not looked and post is not None and post.archive_lookup == "answered":
        looked = not failed or post.record.platform not in (mastodon.PLATFORM, bluesky.PLATFORM) \
            or _fetch_listed(post, [url, written, *others], redactor)
    data["archive_lookups"] = archive_lookups([url, written, *others], store, redactor, takes) if not failed or \
        not failed.startswith(WITHHELD) else []
    data["snapshots"] = _with_fetch([{k: s.get(k) for k in ("service", "url", "timestamp", "status", "original")}
                                     for s in snapshots], data["archive_lookups"], store, takes)
    data["archive_lookups"] += capture_lookups(data["post"], data["archive_lookups"], store, redactor, takes)
    data["archive_lookups"] += _listing_lookups(data["snapshots"], data["archive_lookups"], store, redactor, takes)
    data["archive_looked_up"] = looked
    data["page_copies"] = page_copies([url, written, *others], data["post"], store, redactor, takes)
    # the copies every part of the report counts: its URL's HTTP 200 snapshots and the captures read that hold its
    # words (filed under x.com, found by a prefix query): the Archived line said "no snapshot found" beside one
    data["archived_copies"] = archived_copies(data["post"], data["snapshots"])
    reused = photo_elsewhere(result, index)   # the original of a re-used photo, which is not the flattened post
    data["photo_elsewhere"] = another_post(reused.record.post_id, reused.author) if reused is not None else None
    checks = [identification_check(data["identified"], data["photo_elsewhere"]), status_check(data["post"]),
              author_check(data, data["post"], store=store, guess=unsure_guess(result.article),
                           **_video_credit(result.article, embed)),
              *date_checks(data, data["post"], post_id, unread=_failed_step(result, "dates")),
              text_check(data, data["post"], data["resolutions"], published, unsure_guess(result.article)),
              *other_text_checks(result, data, redactor, published),
              media_check(data, data["post"], data["resolutions"]),
              archive_check(data["post"], data["snapshots"], looked, failed, looked_for, data["archive_lookups"],
                            story=embed.kind == "story" and embed.platform == "instagram",
                            comment=embed.kind == "comment"),
              archived_copy_check(data["post"], data["archive_lookups"])]
    # a copy no reader sees, an embed code naming two posts, or a signature whose candidate is another account's
    # linked post (or the post it quotes) is no pass or fail of the article (newuser37 #1, #2; review37e)
    why = unshown(embed.unshown) if embed.unshown else f"uncertain id: {embed.id_doubt}" \
        if unsettles_checks(embed.id_doubt) else None
    data["checks"] = [c if why is None else unsettled_check(c, why) for c in checks if c is not None]
    if result.mojibake is not None and index in result.mojibake["embeds"]:   # newuser44d #4
        data["checks"] = [c | {"evidence": c["evidence"] + MOJIBAKE_COMPARED} if c["name"] in ("text", "author")
                          and c["result"] != "skip" else c for c in data["checks"]]
    if post is None and embed.kind in ("short-link", "media-link"):
        _followed(data)
    return data


def _followed(data: dict[str, Any]) -> None:
    """A short link's embed that `scan --resolve` followed and no post was fetched for: the id of what it led to,
    a comment's thread and Status, or why its end is not known, as `resolve` says them, for the JSON and the report
    (newuser46c #3: "no post id yet: the link hides it" under the line showing it followed to a comment)."""
    own = next((r for r in data["resolutions"] if r.get("url") == data.get("url")), None)
    if own is not None and own.get("post_id"):
        data["post_id"] = own["post_id"]
        end = platforms.parse_url(own.get("canonical_url") or "")
        if end is not None and end.kind == "comment":
            data["parent"] = end.parent
            data["status"]["words"] = "not fetched (a comment)"
    elif own is not None and own.get("unsure") and not own.get("error"):
        data["status"]["words"] = "unsure: where the link leads was not seen"


# What a check of the article's words says when they were read repaired of the page's mojibake (newuser44d #4)
MOJIBAKE_COMPARED = ("; the article's words were compared as repaired of the page's mojibake (UTF-8 once read as "
                     "Windows-1252: see the article's mojibake warning), not as the page writes them")


def _video_credit(article: Article, embed: Embed) -> dict[str, Any]:
    """The credit and embed title of a YouTube video the article names no channel of (`video_credit`)."""
    if embed.platform != "youtube" or embed.author_handle:
        return {}
    credited, title = video_credit(article, embed.span)
    return {"credited": credited, "credited_title": title}


# The checks that weigh the article's copy of a post (its author, date, words, media, which post it is), as against
# what is known of the post itself (its status, its archived copies).
CHECKS_OF_THE_COPY = frozenset({"identification", "author", "date", "snowflake-date", "id-date", "text", "media"})


def unsettled_check(found: dict[str, Any], why: str) -> dict[str, Any]:
    """A check of a copy the page does not show (`Embed.unshown`, `Place.unshown`), or of an embed code naming two
    posts or a signature whose candidate is another account's post (`model.unsettles_checks`), `why` saying which: no
    pass or fail of what the article shows, it warns
    (newuser37 #1: a forged embed code inside <template> got "pass author", and a hidden forged copy failed the
    article's text where the copy shown was right; #2: a blockquote naming one post in data-tweet-id and another in
    its link passed every check for the link's)."""
    if found["name"] not in CHECKS_OF_THE_COPY or found["result"] not in ("pass", "fail"):
        return found
    return found | {"result": "warn", "evidence": f"{why}, so this is no {found['result']} of what the article "
                                                  f"shows: {found['evidence']}"}


def _with_fetch(snapshots: list[dict[str, Any]], lookups: list[dict[str, Any]],
                store: Store | None, takes: Takes | None = None) -> list[dict[str, Any]]:
    """The snapshots, each with the fetch-log id of the answer that listed it (the cache's snapshot row, when the
    run `takes` its fetch, else the CDX lookup's), its `original` left out."""
    kept: dict[str, int] = {}
    for original in dict.fromkeys(s.get("original") for s in snapshots):
        if store is not None and original:
            kept |= {row["url"]: row["fetch_id"] for row in _taken(store.snapshots_for(original), takes)
                     if row.get("fetch_id")}
    cdx = next((found["fetch_id"] for found in lookups if found["service"] == "cdx" and found["error"] is None), None)
    return [{k: v for k, v in s.items() if k != "original"} | {"fetch_id": kept.get(s["url"], cdx)} for s in snapshots]


def _archive_answer(urls: list[str], archives: dict[str, ArchivedUrl], store: Store | None, redactor: Redactor,
                    takes: Takes | None = None) -> tuple[str | None, list[dict[str, Any]], bool, str | None]:
    """(why the archive gave no answer, the snapshots, whether a lookup answered, the URL it answered for) for a
    post known by `urls` (its URL, then the embed's: the first this run looked up is used). A lookup that failed (a 503) answered nothing: "not
    known", never "no archived copy"; what the cache holds from an earlier lookup stands. A URL carrying a secret
    is never looked up (#11): its answer says so, whatever another form of the post's URL answered (it lists no
    capture under this one), and the cache's snapshots of it are not shown (an earlier version may have listed
    them, secret and all). Results are keyed by their redacted URL, as `archive_urls` returns them. What the cache
    holds is read only from the fetches the run `takes` (under --replay, its WARC files': replay29c, a replay of a
    WARC with no archive lookup listed an earlier live run's snapshots, "looked up", as the replay's)."""
    urls = list(dict.fromkeys(urls))
    what = next(filter(None, (carried_secret(u, redactor) for u in urls)), None)
    if what is not None:
        return SECRET_NOT_SENT.format(what=what), [], False, None
    archived, asked = next(((found, u) for u in urls if (found := archives.get(redactor.url(u)))), (None, None))
    failed = archived.error if archived is not None else (
        next(filter(None, (lookup_error(store, u, takes) for u in urls)), None) if store is not None else None)
    snapshots = of_the_same_post(asked, [s.to_json() for s in archived.lookup.snapshots]) \
        if archived and asked and not failed else (_taken(cached_snapshots(urls[0], store), takes) if store is not None else [])
    if archived is None or failed:   # what the cache holds from an earlier lookup stands
        asked = next((u for u in urls if looked_up(store, u, takes)), None) if store is not None else None
    return failed, snapshots, asked is not None, redactor.url(asked) if asked is not None else None


def page_copies(urls: list[str], post: dict[str, Any] | None, store: Store | None, redactor: Redactor,
                takes: Takes | None = None) -> list[dict[str, Any]]:
    """The copies `archive` took of a post's page (`archive.live_copy`, fetch-log purpose archive-live, each hop a
    WARC record): per copy the URL copied, the status it ended with, each hop cited as every answer is (URL, HTTP
    status, time, fetch, body, WARC record), and a `note` when that status disagrees with the post's. No report named
    them: an exhibit's WARC held a 404 copy of a post the report called available, unexplained (newuser33 #5)."""
    from resolver.archive import LIVE, copy_rows

    if store is None:
        return []
    canonical = [ref.url for u in urls if (ref := platforms.parse_url(u)) is not None and ref.post_id]
    found: list[dict[str, Any]] = []
    seen: set[int] = set()
    for url in dict.fromkeys(u for u in [*urls, *canonical] if carried_secret(u, redactor) is None):
        for row in store.fetches_for(url):
            if row["purpose"] != LIVE or row["id"] in seen or (takes is not None and not takes([row["id"]])):
                continue
            hops = copy_rows(row, store, takes)
            seen.update(hop["id"] for hop in hops)
            last = hops[-1]
            found.append({"url": redactor.url(url), "status": last["status"],
                          "hops": [_hop_of(hop, redactor) for hop in hops],
                          "note": _copy_note(last["status"], post)})
    return _no_answer_once(found)


def _no_answer_once(copies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The copies that got no answer, alike (one URL, one hop, one error: a refusal by [origins] only_configured each
    run, each article), listed once, the latest, its note naming the fetches it stands for: a refused copy of one URL
    was listed three times (newuser44b #12)."""
    alike: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for copy in copies:
        hop = copy["hops"][0]
        if copy["status"] is None and len(copy["hops"]) == 1 and hop.get("error"):
            alike.setdefault((copy["url"], hop["error"]), []).append(copy)
    kept = []
    for copy in copies:
        same = alike.get((copy["url"], copy["hops"][0].get("error"))) if copy["status"] is None else None
        if not same or len(same) == 1:
            kept.append(copy)
        elif copy is max(same, key=lambda c: c["hops"][0]["fetch_id"] or 0):
            fetches = ", ".join(sorted((f"#{c['hops'][0]['fetch_id']}" for c in same), key=lambda n: int(n[1:])))
            kept.append(copy | {"note": f"the same no-answer {len(same)} times (fetches {fetches}): listed once, the "
                                        "latest"})
    return kept


def _hop_of(row: dict[str, Any], redactor: Redactor) -> dict[str, Any]:
    """One hop of a page copy as a report cites it."""
    error = f"{row['error_kind']}: {row['error']}" if row.get("error_kind") else None
    return {"url": redactor.url(row["url"]), "status": row["status"], "fetch_id": row["id"], **fetch_time(row),
            "error": redactor.text(error) if error else None}


def _copy_note(status: int | None, post: dict[str, Any] | None) -> str | None:
    """A word when a page copy's status disagrees with the post's: the post's status rests on its source's answer,
    and a post's page answers a tool otherwise than a reader (it may need JavaScript or a login, or answer a shell)."""
    if post is None or status is None:
        return None
    if post["status"] == "available" and not 200 <= status < 300:
        return (f"its page answered HTTP {status} while the post is available by its source's answer: a post's page "
                "may need JavaScript or a login, or answer a tool otherwise than a reader; the post's status rests on "
                "its source's answer, not on this copy")
    if post["status"] in GONE and 200 <= status < 300:
        return (f"its page answered HTTP {status} while {post_is(post['status'])}: a post's page may answer with a "
                "page shell that needs JavaScript to say the post is gone; this copy is no sign the post is there")
    return None


ArchiveAnswer = tuple[str | None, list[dict[str, Any]], bool, str | None]   # what `_archive_answer` gives


def _every_form(first: ArchiveAnswer, others: list[ArchiveAnswer]) -> ArchiveAnswer:
    """The archive's answer for a post asked under several URLs (`pipeline.archive_forms`: a Bluesky post by DID
    and by handle), from each one's `_archive_answer`: the snapshots of all; "looked up" when every form's lookup
    answered, and then for all of them ("… for <by DID> and <by handle>": newuser33 #2, the DID URL alone was named,
    and a capture under the handle missed); a form whose lookup failed makes "no copy" not known, as one lookup's
    failure does; a form never looked up (a cache from before) is named as such, never counted as asked."""
    answers = [first, *others]
    snapshots = list({s["url"]: s for answer in answers for s in answer[1]}.values())
    failed = next((answer[0] for answer in answers if answer[0]), None)
    asked = [answer[3] for answer in answers if answer[2] and answer[3]]
    if failed or not asked:
        return failed, snapshots, False, None
    named = asked[0] if len(asked) == 1 else f"{', '.join(asked[:-1])} and {asked[-1]}"
    missing = len(answers) - len(asked)
    if missing:
        named += f" (not looked up under {missing} other form{'s' * (missing > 1)} of its URL)"
    return None, snapshots, True, named


def cached_snapshots(url: str, store: Store) -> list[dict[str, Any]]:
    """The cache's snapshots of `url` as a CDX lookup of it lists them: under it in any case (the archive files
    captures under a urlkey in lower case, so a lookup of one spelling of a post lists the captures of every
    spelling), less those of another post (`of_the_same_post`). Matched by exact text, an article spelling the
    handle in another case than the captures cited none of them from the cache (urlforms31, #15)."""
    return of_the_same_post(url, store.snapshots_any_case([url]))


def _taken(rows: list[dict[str, Any]], takes: Takes | None) -> list[dict[str, Any]]:
    """The cache's rows (snapshots) whose fetch the run `takes` (all of them when None), as new dicts."""
    return [dict(row) for row in rows if takes is None or takes([row.get("fetch_id")])]


def _post(post: FetchedPost, store: Store | None, takes: Takes | None = None) -> dict[str, Any]:
    sources = sources_of(post.record, store)
    found = differences(post.record, None, [(c.captured_at, c.url, c.record) for c in post.archived])
    data = post.to_json() | {"sources": sources}
    # each difference names the live answer it rests on, as every other line names its fetch (newuser31 #7), and its
    # time is that answer's: the observation's recording time was given, which is no fetch's (newuser33 #4)
    data["differences"] = [d.to_json() | _live_answer(source_of(data, d.field)) for d in found]
    data["archived"] = [copy | _fetch_facts(store, copy.get("fetch_id")) for copy in data["archived"]]
    read = {copy["capture"].replace("id_/", "/", 1) for copy in data["archived"] if copy.get("capture")}
    held = [url for url in _held_before(post, store, takes) if url not in read]
    if held:   # only those this view did not read itself
        data["captures_held_before"] = held
    data["last_available"] = last_available(post.record, store, takes) if post.record.status != "available" else None
    return data


# What cites an answer as every other line does (`provenance_text`): a replayed one by its WARC file and record, one
# of no known time by why, each when known
LIVE_SOURCE_KEYS = ("answered_at_unknown", "warc_file", "warc_record", "contacted_origin", "overridden_origin",
                    "contacted_unknown")


def _held_before(post: FetchedPost, store: Store | None, takes: Takes | None) -> list[str]:
    """The captures (…/web/<time>/<url>) an earlier run read and found to hold the post, which this run did not read
    (its lookup failed, say): read, so never "not read" (`unread_captures`), and a copy. Each capture as its newest
    reading says, read again with today's parsers (`archived_in_store`, as an offline report reads it): one read as
    the post and later as X's login wall is no copy (review34r1: any reading ever "archived-copy" made it one)."""
    if store is None or post.post_row is None or not store.db.execute(
            "SELECT 1 FROM post_observations WHERE post_row = ? AND method = 'wayback' AND status = 'archived-copy' "
            "LIMIT 1", [post.post_row]).fetchone():
        return []   # never read as the post: nothing to read again (most posts, #14)
    from resolver.fetch import archived_in_store

    copies = archived_in_store({"id": post.post_row, "post_id": post.record.post_id}, store, takes=takes)
    return [copy.url.replace("id_/", "/", 1) for copy in copies if copy.says_something]


def _live_answer(said: dict[str, Any]) -> dict[str, Any]:
    """A difference's live side as cited: the answer's method, time and fetch-log id, and for a replayed answer its
    WARC file and record (`live_source`; review33r5: a --replay report cited it as a fetch made at its WARC-Date),
    and that time as `live_at`; both None when no recorded fetch gave it."""
    if not said.get("fetch_id"):
        return {"live_at": None, "live_source": None}
    return {"live_at": said.get("fetched_at"),
            "live_source": {k: said.get(k) for k in ("method", "fetched_at", "fetch_id")}
            | {k: said[k] for k in LIVE_SOURCE_KEYS if said.get(k) is not None}}


def last_available(post: PostRecord, store: Store | None, takes: Takes | None = None) -> dict[str, Any] | None:
    """The last recorded live answer that showed a post available, for a post not available now: that answer's
    record (author, text, created_at, links) with its method, fetch-log id, time and body hash; None when no
    recorded answer the run `takes` showed it (newuser31 #1: the checks fell to "skip" though the cache held it)."""
    row = store.post_row(post.platform, post.post_id) if store is not None else None
    if store is None or row is None:
        return None
    # the newest answer, by when it was given: an older one can be recorded later (a WARC replayed into the cache,
    # review31r3); an undated one (replayed from a record with no time) only when no dated one showed it
    observations = sorted(store.observations(row["id"]), key=lambda o: (o["observed_at"] is not None,
                                                                        o["observed_at"] or "", o["id"]))
    for observation in reversed(observations):
        if observation["status"] != "available" or observation["method"] == "wayback" \
                or not observation["fetch_id"] or not observation["record"] \
                or (takes is not None and not takes([observation["fetch_id"]])):
            continue
        record = json.loads(observation["record"])
        fetch = store.fetch(observation["fetch_id"])
        return {k: record.get(k) for k in ("author", "text", "text_kind", "created_at", "links", "edits")} | {
            "method": observation["method"], "fetch_id": observation["fetch_id"],
            "observed_at": observation["observed_at"], **fetch_time(fetch), **asked(fetch),
            "body_sha256": fetch["body_sha256"] if fetch else None,
            # cited as every other answer is: a body kept with a secret redacted out of it says so (review31r3)
            "body_redacted": store.body_redacted(fetch["body_sha256"]) if fetch and fetch["body_sha256"] else None}
    return None


def _fetch_facts(store: Store | None, fetch_id: int | None) -> dict[str, Any]:
    """A capture's fetch as the report cites it: its UTC time and body hash (none known: None)."""
    fetch = store.fetch(fetch_id) if store is not None and fetch_id else None
    return fetch_time(fetch) | {"body_sha256": fetch["body_sha256"] if fetch else None}


def _status_code(embed: Embed, post: FetchedPost | None) -> str:
    if post is None:
        return "not_identified" if embed.kind in ("post", "comment") and not embed.post_id else "not_fetched"
    return "not_cached" if post.unavailable else post.record.status


def _identified(identification: Identification | None, store: Store | None = None,
                redactor: Redactor = NO_SECRETS, takes: Takes | None = None) -> dict[str, Any] | None:
    """A flattened post's identification as a report gives it, with `lookups`: the account's CDX listings its verdict
    rests on, cited as every lookup is (newuser35 F3: "no capture listed by CDX …" cited none)."""
    if identification is None:
        return None
    evidence = identification.evidence
    if identification.unavailable:
        # Offline with nothing kept: nobody looked, which is not "no post matched" (#9 §5).
        return {"post_id": None, "confidence": 0.0, "verdict": NOT_CHECKED, "candidates": [], "lookups": [],
                "reason": "not checked: the account's captures are not in the cache (offline)"}
    lookups = _listing_lookups([{"fetch_id": i} for i in evidence.get("listed_by") or ()], [], store, redactor, takes)
    if identification.verdict == NOT_CHECKED:   # the listing failed (a 503): nobody looked either
        return {"post_id": None, "confidence": 0.0, "verdict": NOT_CHECKED, "candidates": [], "lookups": lookups,
                "reason": f"not checked: the archive's list of the account's posts could not be read "
                          f"({identification.error})"}
    return {"post_id": identification.post_id, "confidence": identification.confidence,
            "verdict": identification.verdict,
            "reason": evidence.get("reason") or evidence.get("error") or identification.verdict,
            "candidates": evidence.get("candidates") or [], "lookups": lookups}


def listings_cited(identified: dict[str, Any]) -> str:
    """" (per the CDX lookup of URLs starting with twitter.com/…, time, fetch #N, …)" after an identification's
    verdict: the account's listings it rests on ("" when none is recorded)."""
    said = lookups_text(identified.get("lookups") or [])
    return f" (per the {said})" if said else ""


PUBLISHED_STEP = "published date"   # the report's step reading the page's own date (extract.published)


def _failed_step(result: ArticleResult, step: str) -> FailedStep | None:
    """The failure of step `step` of the article's reading, if it failed (#10)."""
    return next((failed for failed in result.incomplete if failed.step == step), None)


def _article(result: ArticleResult, store: Store | None) -> dict[str, Any]:
    article = result.article
    scanned = None
    if store is not None:
        row = store.article_by_sha256(article.sha256)
        scanned = row["first_scanned_at"] if row else None
    # `truncated`: what this input's own record says. The cache's article row may hold a mark another record of
    # the same bytes gave; this report is on this record.
    return {"source": article.source, "url": result.url, "record_id": result.record_id, "warc_date": result.warc_date,
            "final_url": result.final_url, "sha256": article.sha256, "kind": article.kind, "encoding": article.encoding,
            "encoding_detected": article.encoding_detected, "encoding_rival": article.encoding_rival,
            "encoding_rivals": list(article.encoding_rivals), "encoding_given_at": article.encoding_given_at,
            "scanned_at": scanned, "truncated": result.truncated, "warnings": result.warnings_json,
            "incomplete": [failed.to_json() for failed in result.incomplete]}


def _links_followed(result: ArticleResult, store: Store | None, redactor: Redactor, takes: Takes | None,
                    embeds: Sequence[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """The article's warnings, its t.co links that no embed carries told apart: those a `resolve` (`--text-links`)
    has followed already, the cache holding where each leads, said with the fetches that found it, as a
    "links-followed" warning; "links-not-followed" and the step of following them only for the others. The report
    asked for the command after it had run, and never said where the links led (newuser42b #7). A resolution that
    failed, or (under --replay) one whose fetches the run may not read, is no link followed."""
    said = result.warnings_json
    unfollowed = result.unfollowed
    if store is None or unfollowed is None:
        return said
    links = list(unfollowed.links) or [unfollowed.first]
    rows = store.latest_resolutions(links)
    followed = {link: row for link in links if (row := rows.get(link)) is not None and not row.get("error")
                and row.get("final_url") and row.get("fetch_ids") and (takes is None or takes(list(row["fetch_ids"])))}
    if not followed:
        return said
    from resolver.prose_links import LinksNotFollowed
    from resolver.resolve import kept_resolution

    left = [link for link in links if link not in followed]
    unsaid = [LinksNotFollowed(len(left), redactor.page_url(left[0]), tuple(left)).to_json()] if left else []
    # the report's embeds by the post each shows (its own id, or its post's): a link that leads to one of them is
    # checked there (review44d: said "not among this report's embeds nor checked here" of the article's own embed)
    numbered: dict[tuple[Any, Any], int] = {}
    for number, data in enumerate(embeds, 1):
        for key in ((data.get("platform"), data.get("post_id")),
                    ((data.get("post") or {}).get("platform"), (data.get("post") or {}).get("post_id"))):
            if key[1]:
                numbered.setdefault(key, number)
    shown: list[dict[str, Any]] = []
    for link, row in followed.items():
        post = row.get("post") or {}
        # what its end answered, as `resolve` says it: a gone page (404, 410), or one not seen (a 403, a sign-in
        # page, a parked domain) is no page the link leads to (review44d: said as "→ <end>" alone)
        end = kept_resolution(row)
        unsure = end.unsure
        shown.append({"url": redactor.page_url(link), "final_url": redactor.url(row["final_url"]),
                      "post_id": post.get("post_id"), "platform": post.get("platform"),
                      "resolved_at": row.get("resolved_at"), "fetch_ids": list(row["fetch_ids"]),
                      "status": end.final_status, "gone": end.gone,
                      "unsure": redactor.text(unsure) if unsure else None,
                      "embed": numbered.get((post.get("platform"), post.get("post_id")))})
    many = len(shown) != 1
    each = "; ".join(
        f"{f['url']} → {f['final_url']} ("
        + (f"the {f['platform']} post of embed {f['embed']}, checked there; " if f["post_id"] and f["embed"]
           else f"a {f['platform']} post, not among this report's embeds nor checked here; " if f["post_id"] else "")
        + (f"its end answered {f['status']}: the page is gone; " if f["gone"] else "")
        + (f"{f['unsure']}; " if f["unsure"] else "")
        + f"resolved {_utc(f['resolved_at']) if f['resolved_at'] else 'at a time not recorded'}, "
        + ", ".join(f"fetch #{i}" for i in f["fetch_ids"]) + ")" for f in shown)
    message = (f"{len(shown)} t.co link{'s' * many} in the text, in no embed, {'were' if many else 'was'} followed by "
               f"an earlier embed-resolver resolve: {each}")
    return [*(w for w in said if w.get("kind") != "links-not-followed"), *unsaid,
            {"kind": "links-followed", "links": shown, "message": message}]


def own_checks(embed: dict[str, Any], embeds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An embed's checks less those the embed showing the same post (`same_post_as`) already gives word for word:
    the post's own facts, checked again under a short link to it, are counted once (newuser29 #11)."""
    if not embed.get("same_post_as"):
        return list(embed["checks"])
    said = {(c["name"], c["result"], c["evidence"]) for c in embeds[embed["same_post_as"] - 1]["checks"]}
    return [c for c in embed["checks"] if (c["name"], c["result"], c["evidence"]) not in said]


def summarise(embeds: list[dict[str, Any]], credits: list[dict[str, Any]], unreachable: list[str], *,
              not_read: dict[str, int] | None = None, closed: int = 0) -> dict[str, Any]:
    """Counts of what was looked up, and only that: a 0 never stands for "not asked" (#9 §5). `not_read`: the posts
    of services no step reads, by service (`pipeline.not_read_of`), `closed` of them of closed services: no embeds,
    counted apart so that the totals add up (fixleft46b)."""
    counted = [own_checks(e, embeds) for e in embeds]
    results = Counter(c["result"] for checks in counted + [cr["checks"] for cr in credits] for c in checks)
    failed = [f"embed {i + 1}: {c['name']}: {c['evidence']}" for i, checks in enumerate(counted) for c in checks
              if c["result"] == "fail"]
    failed += [f"credit {i + 1}: {c['name']}: {c['evidence']}" for i, cr in enumerate(credits) for c in cr["checks"]
               if c["result"] == "fail"]
    # a post two embeds show (a short link to one the article embeds) counted once (newuser29 #11); a post the article
    # shows is a post whose status is to be known, whether or not it was identified (newuser29b §2: a flattened post
    # with no link was counted nowhere, and the summary said there was no embedded post)
    # a playlist, a channel's uploads, a timeline, a story, a clip or a live stream is no post (platforms.NOT_POSTS),
    # even with the list's id in post_id: never looked up, never a post whose status is to be known (review38c: two
    # playlists and a timeline were "not looked up 2", "the status of 0 of the 2 posts")
    not_posts = [e for e in embeds if (e["platform"], e.get("kind") or "") in platforms.NOT_POSTS]
    posts = [e for e in embeds if (e["post"] is not None or e.get("post_id") or e["status"]["code"] == "not_identified")
             and not e.get("same_post_as") and (e["post"] is not None or e not in not_posts)]
    known = [e for e in posts if e["status"]["tone"] != "unknown"]
    checked = [e for e in posts if e["post"] and e["archive_looked_up"]]
    with_copy = sum(1 for e in checked if archived_copies(e["post"], e["snapshots"]))
    remnants = [e for e in embeds if e.get("identified") is not None]
    return {
        "embeds": len(embeds), "credits": len(credits), "not_posts": len(not_posts),
        "by_platform": dict(Counter(e["platform"] for e in embeds)),
        "by_status": dict(Counter(e["status"]["words"] for e in posts)),
        "posts": {"named": len(posts), "status_known": len(known), "status_not_known": len(posts) - len(known),
                  "gone": sum(1 for e in posts if e["status"]["tone"] == "gone")},   # newuser41a #7
        "checks": {k: results.get(k, 0) for k in ("pass", "warn", "fail", "skip")},
        "failed": failed,
        "archive": {"looked_up": len(checked), "with_copy": with_copy, "without_copy": len(checked) - with_copy,
                    "not_checked": len(posts) - len(checked)},
        "without_archive": len(checked) - with_copy if checked else None,
        "identification": {"remnants": len(remnants),
                           "identified": sum(1 for e in remnants if e["identified"]["post_id"]),
                           "not_identified": sum(1 for e in remnants if not e["identified"]["post_id"]
                                                 and e["identified"]["verdict"] != NOT_CHECKED),
                           "not_checked": sum(1 for e in remnants if e["identified"]["verdict"] == NOT_CHECKED)},
        "unreachable": len(unreachable),
        "not_read": {"count": sum((not_read or {}).values()), "by_service": dict(not_read or {}), "closed": closed},
    }
