"""Normalised post records, and merging what several methods said, field by field, with the source of each.

Pure: parsers turn a raw response into a PostRecord, so a parser fix re-derives every record from stored bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from resolver.model import plain

# Which method to believe first when several answered (the X API outranks syndication outranks oEmbed).
METHOD_RANK = {"x-api": 0, "syndication": 1, "oembed": 2}
# How a syndication tombstone's reason starts: its words follow. A tombstone says the post exists (or existed) and is
# not shown, whether or not its words are read as a status.
TOMBSTONE = "tombstone: "
WAYBACK = "wayback"   # the method of an observation read from an archived copy (fetch.wayback)
# The stored status of a capture read that holds the post: a status of its own, never "available", which is what a
# live source says of the post now (newuser33 #8: a deleted post's capture read "available" in JSON `sources[]`).
ARCHIVED_COPY = "archived-copy"
# What a post's `text` is. An oEmbed answer's `title` names a video, a photo or a Reddit thread, or says nothing of the
# post (older Mastodon's "New status by <user>"): a title, shown as one, never compared as what the post says
# (newuser29 §8), and said so in the JSON (`text_kind`, platforms30). oEmbed gives the post's own words only for X and
# Facebook and Bluesky, read from the embed code in its `html`, and for TikTok, whose title is the video's caption.
OEMBED_WORDS = frozenset({"twitter", "facebook", "tiktok", "bluesky"})
TITLE, TEXT = "title", "text"
MERGED_FIELDS = ("author_handle", "author_name", "author_id", "text", "lang", "created_at", "media", "references",
                 "links")


def observation_status(record: PostRecord) -> str:
    """The status an observation of `record` is stored with: a live answer's own; "archived-copy" for a capture read
    that holds the post (a capture that does not keeps the reading's: "unknown"). cache/migrations.py m046."""
    return ARCHIVED_COPY if record.method == WAYBACK and record.status == "available" else record.status


@dataclass(frozen=True)
class Media:
    url: str
    type: str                                   # "photo" | "video" | "animated_gif" | "thumbnail"
    width: int | None = None
    height: int | None = None
    alt: str | None = None
    preview_url: str | None = None
    variants: tuple[dict[str, Any], ...] = ()   # video: {"bitrate", "content_type", "url"}
    media_key: str | None = None

    def to_json(self) -> dict[str, Any]:
        """`plain(self)`, written out (#13: made for every media item of every post a warm run shows)."""
        return {"url": self.url, "type": self.type, "width": self.width, "height": self.height, "alt": self.alt,
                "preview_url": self.preview_url, "variants": plain(self.variants) if self.variants else [],
                "media_key": self.media_key}


@dataclass(frozen=True)
class Version:
    """Another version of an edited post, read by its own id in the run that read the post (edits30: the X API
    answers the version asked for, so an article quoting the latest one could only warn; edits31: every version). `fetch_id` is the fetch
    that gave it; with no words read (`text` None), `status` and `reason` say why."""

    post_id: str
    status: str
    method: str
    text: str | None = None
    created_at: str | None = None               # that version's time: when it was posted
    links: tuple[dict[str, str], ...] = ()
    fetch_id: int | None = None
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"post_id": self.post_id, "status": self.status, "method": self.method, "text": self.text,
                "created_at": self.created_at, "links": plain(self.links) if self.links else [],
                "fetch_id": self.fetch_id, "reason": self.reason}


def version_from_json(data: dict[str, Any]) -> Version:
    return Version(**{k: v for k, v in data.items() if k != "links"}, links=tuple(data.get("links") or ()))


@dataclass(frozen=True)
class PostRecord:
    """What one method said of one post, at one time."""

    platform: str
    post_id: str
    url: str
    status: str
    method: str | None          # None: no method was asked (offline, and the post never fetched)
    reason: str | None = None                   # why a status other than available (a tombstone's words...)
    author_handle: str | None = None
    author_name: str | None = None
    author_id: str | None = None
    text: str | None = None
    lang: str | None = None
    created_at: str | None = None               # UTC, ISO 8601 with Z
    media: tuple[Media, ...] = ()
    references: tuple[dict[str, str], ...] = ()  # {"type": "quoted"|"replied_to"|"retweeted", "id": ...}
    fetch_ids: tuple[int, ...] = ()
    from_cache: bool = False
    field_sources: dict[str, str] = field(default_factory=dict)
    disagreements: dict[str, dict[str, Any]] = field(default_factory=dict)
    # An edited post: every version's id, oldest first. Syndication answers the original's id with the latest edit
    # (the last): the text, media and created_at are that version's, and the article may quote an earlier one
    # (verdict28). The X API answers the version asked for, and lists the later ones after it (edits29).
    edits: tuple[str, ...] = ()
    # The post's t.co links as its answer expanded them (entities.urls: {"url", "expanded_url", "display_url"}):
    # the article may show the address one leads to, which the text check weighs against it (renamed28, #9).
    links: tuple[dict[str, str], ...] = ()
    # The other versions of an edited post the X API gave by their own ids (edits31: every one), each with the
    # fetch behind it; an article may quote one of them.
    versions: tuple[Version, ...] = ()
    # Syndication answered the id asked with that version itself, its history listing later versions after it (its
    # `isStaleEdit`): as the X API's, the answer is the version asked for, and `edits[-1]` is a later version whose
    # words it does not give, not the answer's (left32: read as never edited, a right quote of the edit failed).
    stale_edit: bool = False

    @property
    def text_kind(self) -> str | None:
        """"title" when `text` is a title (`OEMBED_WORDS`), "text" when it is the post's words, None with no text."""
        return text_kind(self.platform, self.field_sources.get("text") or self.method, self.text)

    def to_json(self) -> dict[str, Any]:
        """The fields in their order (`text_kind` after `text`), the author's three last as one "author" object. Written out rather than
        `plain(self)` and reordered (#13: made for every post of every article a warm run shows);
        tests/test_model.py keeps it in step with the fields."""
        return {"platform": self.platform, "post_id": self.post_id, "url": self.url, "status": self.status,
                "method": self.method, "reason": self.reason, "text": self.text, "text_kind": self.text_kind, "lang": self.lang,
                "created_at": self.created_at, "media": [m.to_json() for m in self.media],
                "references": plain(self.references) if self.references else [], "fetch_ids": list(self.fetch_ids),
                "from_cache": self.from_cache, "field_sources": dict(self.field_sources),
                "disagreements": plain(self.disagreements), "edits": list(self.edits),
                "links": plain(self.links) if self.links else [],
                "versions": [v.to_json() for v in self.versions], "stale_edit": self.stale_edit,
                "author": {"handle": self.author_handle, "name": self.author_name, "id": self.author_id}}


def text_kind(platform: str, method: str | None, text: str | None) -> str | None:
    """What a post's text given by `method` is: "title" (an oEmbed title: not the post's words), "text", or None
    when there is none. The one rule the JSON, the reports and the text check follow."""
    if not text:
        return None
    return TITLE if method == "oembed" and platform not in OEMBED_WORDS else TEXT


def json_text_kind(post: dict[str, Any]) -> str | None:
    """`text_kind` of a post's JSON (a report's `post`), from what it holds: the method that gave its text."""
    method = (post.get("field_sources") or {}).get("text") or post.get("method")
    return text_kind(post.get("platform") or "", method, post.get("text"))


def json_text(value: Any) -> str | None:
    """A post's text as Twitter's JSON gives it (syndication, API v1.1 and v2) holds &, < and > escaped as &amp;
    &lt; &gt;: the characters the post says. &amp; last, so a post that says "&lt;" keeps it."""
    if not isinstance(value, str):
        return None
    return value.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


# The links X writes after a cut long post's words (its own address, its media): after them nothing is the post's.
_TRAILING_LINKS_RE = re.compile(r"(?:\s*https?://t\.co/\S+)*\s*\Z")
CUT_MARK = "…"   # how a source's text cut short ends: resolver.quotes reads the words after it as unchecked


def long_post_text(text: Any, note_tweet: Any) -> str | None:
    """A post's text from an X answer (syndication, API v2) with its `note_tweet`: a long post's (up to 25,000
    characters) `text` is only its start, cut (inside a word, with "…" or without, a t.co link after), and the whole
    is `note_tweet.text` when the answer holds it. Without that, the start is marked cut as its source is (…, before
    the trailing links): the words after the cut are not known, and are not compared as if the post ended there (#9:
    an article quoting the post whole "changed" the cut word)."""
    whole = note_tweet.get("text") if isinstance(note_tweet, dict) else None
    if isinstance(whole, str) and whole.strip():
        return json_text(whole)
    found = json_text(text)
    if found is None or not isinstance(note_tweet, dict):
        return found
    links = _TRAILING_LINKS_RE.search(found)
    words = found[:links.start() if links else len(found)].rstrip()
    if not words or words.endswith((CUT_MARK, "...")):
        return found
    return words + CUT_MARK + (found[links.start():] if links else "")


def record_from_json(data: dict[str, Any]) -> PostRecord:
    """The inverse of to_json, for records read back from the cache."""
    data = dict(data)
    data.pop("text_kind", None)   # made from the other fields, never stored apart from them
    author = data.pop("author", None) or {}
    media = tuple(Media(**{**m, "variants": tuple(m.get("variants") or ())}) for m in data.pop("media", None) or [])
    return PostRecord(**{k: v for k, v in data.items()
                         if k not in ("references", "fetch_ids", "edits", "links", "versions")},
                      author_handle=author.get("handle"), author_name=author.get("name"), author_id=author.get("id"),
                      media=media, references=tuple(data.get("references") or ()),
                      fetch_ids=tuple(data.get("fetch_ids") or ()), edits=tuple(data.get("edits") or ()),
                      links=tuple(data.get("links") or ()),
                      versions=tuple(version_from_json(v) for v in data.get("versions") or ()))


def links_of(entities: Any) -> tuple[dict[str, str], ...]:
    """A post's t.co links and where they lead, from an answer's `entities.urls` (syndication, API v1.1 and v2 all
    give url, expanded_url and display_url): each with the t.co URL and the address it expands to, in order."""
    urls = entities.get("urls") if isinstance(entities, dict) else None
    found = []
    for item in urls if isinstance(urls, list) else ():
        if isinstance(item, dict) and isinstance(item.get("url"), str) and isinstance(item.get("expanded_url"), str):
            found.append({"url": item["url"], "expanded_url": item["expanded_url"],
                          "display_url": str(item.get("display_url") or "")})
    return tuple(found)


def link_map(links: Any) -> dict[str, str]:
    """`PostRecord.links` (or its JSON) as t.co URL -> the address it leads to, as `quotes.compare` takes it."""
    return {link["url"]: link["expanded_url"] for link in links or () if isinstance(link, dict)
            and isinstance(link.get("url"), str) and isinstance(link.get("expanded_url"), str)}


def current_view(runs: list[PostRecord]) -> PostRecord:
    """A post's current view from each run's merged answer, oldest first, as the runs made it: the latest that says
    what the post is, else the latest (an error or an unknown keeps what an earlier run knew). Before, the latest
    was handed to record_observation, which kept the view the old parser had made whenever the new reading said
    less: a post misread as "suspended" stayed so."""
    return next((r for r in reversed(runs) if r.status not in ("error", "unknown")), runs[-1])


def merge(records: list[PostRecord]) -> PostRecord:
    """One record from several methods' answers: each field from the best-ranked method that has it,
    the method noted per field, and the values that disagree kept as evidence."""
    ranked = sorted(records, key=lambda r: METHOD_RANK.get(r.method or "none", 9))
    best = _status_from(ranked)
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    disagreements: dict[str, dict[str, Any]] = {}
    for name in MERGED_FIELDS:
        seen = {r.method or "none": getattr(r, name) for r in ranked if getattr(r, name) not in (None, (), "")}
        if not seen:
            continue
        method = next(iter(seen))
        values[name], sources[name] = seen[method], method
        if len({_comparable(v) for v in seen.values()}) > 1:
            disagreements[name] = {m: _plain(v) for m, v in seen.items()}
    sources["status"] = best.method or "none"
    said = {r.method or "none": r.status for r in ranked if r.status not in ("error", "unknown")
            or r.method == best.method}
    if len(set(said.values())) > 1:   # the methods do not agree on what the post is: shown, not only stored
        disagreements["status"] = said
    versions = next((r.versions for r in ranked if r.versions), ())
    fetch_ids = tuple(i for r in ranked for i in r.fetch_ids) + tuple(v.fetch_id for v in versions if v.fetch_id)
    return replace(best, **values, fetch_ids=fetch_ids, field_sources=sources, disagreements=disagreements,
                   method=best.method, versions=versions, reason=_with_not_asked(best, ranked))


# "syndication not asked: its origin is not mapped in [origins], …; to allow it, add … to [origins]" (`merge`)
_NOT_ASKED_RE = re.compile(r"(?:^|; )([\w-]+) not asked: (its origin is not mapped in \[origins\].*? to \[origins\])")


def not_asked(record: PostRecord) -> list[tuple[str, str]]:
    """(method, why) of each method `[origins] only_configured` refused for the answer (`merge` says them)."""
    return [(m.group(1), m.group(2)) for m in _NOT_ASKED_RE.finditer(record.reason or "")]


def _with_not_asked(best: PostRecord, ranked: list[PostRecord]) -> str | None:
    """The answer's reason, and after it each method `[origins] only_configured` refused (its origin unmapped): the
    status rests on the others alone, and a method that could have said more was not asked (newuser43b #1: a
    deleted post, syndication refused, was "not_found via oembed" with no word of it). A run that maps the origin
    asks again (`fetch._from_cache`)."""
    from resolver.errors import not_mapped_words, refused_by_config

    said = [f"{r.method} not asked: {not_mapped_words(r.reason)}" for r in ranked
            if r is not best and r.method and r.status == "error" and refused_by_config(r.reason)]
    return "; ".join([best.reason, *said] if best.reason else said) if said else best.reason


def _status_from(ranked: list[PostRecord]) -> PostRecord:
    """The answer whose status the post takes: the best-ranked that says what the post is. But "not found" (a 404,
    an empty answer: also what a wrong id gets) never outweighs a source that says why the post is not shown
    (deleted, suspended, protected...: the post exists or existed), whichever ranks first; and a tombstone whose words
    say no status (the post exists, not shown, the reason not read) leaves it not known, never "not found"
    (newuser32c #1: a protected post's tombstone, then oEmbed's 404, made it "not found", a dead embed, and no
    disagreement was said). A post shown ("available") keeps the ranking: a cached answer may show a post since gone."""
    said = [r for r in ranked if r.status not in ("error", "unknown")]
    if not said:   # a method's failure outweighs another's refusal by [origins] (newuser43b #9): the post failed
        from resolver.errors import refused_by_config

        return next((r for r in ranked if not refused_by_config(r.reason)), ranked[0])
    if said[0].status != "not_found":
        return said[0]
    hidden = next((r for r in said if r.status not in ("not_found", "available")), None)
    if hidden is not None:
        return hidden
    tombstone = next((r for r in ranked if r.status == "unknown" and (r.reason or "").startswith(TOMBSTONE)), None)
    if tombstone is not None and said:
        why = "; ".join(f"{r.method} said not found ({r.reason})" if r.reason else f"{r.method} said not found"
                        for r in said)
        return replace(tombstone, reason=f"{tombstone.reason}; {why}: the answers disagree")
    return said[0]


def _comparable(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    if isinstance(value, tuple):
        return tuple(getattr(v, "url", str(v)) for v in value)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [plain(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
    return value
