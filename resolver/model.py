"""The values extraction produces: frozen, JSON-ready, with a span into the input."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, TypeVar

from resolver.lazy import lazy_dataclass

T = TypeVar("T")


def plain(value: Any) -> Any:
    """dataclasses.asdict for our frozen values, without its deep copy of every leaf: the leaves here (str, int,
    float, bool, None) cannot change, and asdict's copying was a quarter of a warm-cache run's time (#13).
    A tuple comes out as a list (unlike asdict): the result holds only JSON's types, so a library caller's
    `to_json()` equals the CLI's parsed `--json` line (newuser36b #2). Each dataclass's field names are looked up
    once (#14: a warm run makes the JSON of every step result of every article)."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    names = _FIELDS.get(kind)
    if names is None and kind not in _NOT_DATACLASSES:
        if is_dataclass(kind):
            names = _FIELDS[kind] = tuple(f.name for f in fields(kind))
        else:
            _NOT_DATACLASSES.add(kind)
    # Leaves are kept as they are without a call each (#13: most fields are leaves).
    if names is not None:
        return {name: v if type(v) in _LEAVES else plain(v) for name in names for v in (getattr(value, name),)}
    if isinstance(value, (list, tuple)):
        return [v if type(v) in _LEAVES else plain(v) for v in value]
    if isinstance(value, dict):
        return {k: v if type(v) in _LEAVES else plain(v) for k, v in value.items()}
    return value


def evolve(instance: T, **changes: Any) -> T:
    """`dataclasses.replace` for our frozen values (no __post_init__, no InitVar, no __slots__), at a fraction of
    its cost: its field introspection and __init__ were about 3% of a resolve run's CPU (#14). An unknown name is a
    TypeError, as there."""
    known = instance.__dataclass_fields__   # type: ignore[attr-defined]
    for name in changes:
        if name not in known:
            raise TypeError(f"{type(instance).__name__} has no field {name!r}")
    new = object.__new__(type(instance))
    new.__dict__.update(instance.__dict__)
    new.__dict__.update(changes)
    return new


_LEAVES = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}
_NOT_DATACLASSES: set[type] = set()


@dataclass(frozen=True)
class PostRef:
    """What a URL points at, as one platform parser reads it (no network)."""

    platform: str                 # "twitter", "youtube", ...
    kind: str                     # "post", "comment", "media-link", "short-link", "timeline", "profile", "video";
    #                               no post: "story", "clip", "live" (`platforms.NOT_POSTS`)
    url: str                      # canonical URL
    post_id: str | None = None
    author_handle: str | None = None
    start_seconds: int | None = None   # a video link's start time (YouTube's ?t=, ?start=): the moment it cites
    # A comment's: the canonical URL of the post it is under. A comment is its own post, by its own author: the post
    # named here is where it is, never what it is (newuser36 #1). None for anything else.
    parent: str | None = None
    # Where an embed link stops its video (YouTube's player's &end=45), in seconds; None when it names none.
    end_seconds: int | None = None
    # The post's URL in the form the link writes it, where that is not the canonical `url` (a TikTok photo post's
    # /@user/photo/<id>, an Instagram /reel/, /reels/ or /tv/ page): what a reader of the article finds, shown beside
    # the canonical URL that matches and merges (fixleft46b). None: the link writes the canonical form. Not compared:
    # two forms of one post are one post.
    shown: str | None = field(default=None, compare=False)

    def comment(self, comment_id: str | None, url: str) -> PostRef:
        """The comment `comment_id` under this post, at `url` (canonical): its own post, by an author the URL does not
        name (the account in it is the post's). `comment_id` None: the URL names a comment whose id cannot be read,
        said so rather than taken for this post (newuser36 #1)."""
        return PostRef(self.platform, "comment", url, comment_id, parent=self.url)


def unshown(where: str) -> str:
    """How scan, JSON and every report say a copy the page keeps without showing it (`Embed.unshown`, newuser37 #1)."""
    return f"not shown on the page ({where})"


TWO_POSTS = "the embed code names post"


def two_posts(first: str, where: str, second: str, beside: str) -> str:
    """The `id_doubt` of one embed code that names two posts (newuser37 #2): both ids, and where each is named ("the
    embed code names post 1 in data-tweet-id and 2 in its link"). Its checks warn, never pass (`names_two_posts`)."""
    return f"{TWO_POSTS} {first} in {where} and {second} in {beside}"


def names_two_posts(id_doubt: str | None) -> bool:
    return bool(id_doubt) and (id_doubt or "").startswith(TWO_POSTS)


ANOTHER_ACCOUNT = "the link names a post by @"


def another_accounts_link(linked: str, signed: str) -> str:
    """The `id_doubt` of a flattened post whose candidate id is another account's post linked at the end of its words
    or under its signature (newuser37 §6): the post itself, or the post it quotes (a flattened quote post ends its
    words with the quoted post's link, review37e). Its checks warn (`unsettles_checks`)."""
    return f"{ANOTHER_ACCOUNT}{linked}; the signature says @{signed}"


ANOTHER_DAY = "the link names a post made on "


def another_days_link(minted: str, said: str, linked: str | None = None, signed: str | None = None) -> str:
    """The `id_doubt` of a flattened X post whose link, after its date or alone under its signature, names a post
    minted on another day (`minted`, UTC) than the signature's (`said`, as written): the post itself, its date
    mistyped, or another post of the account's (t21: it was taken with no doubt, or left its own embed with no word of
    the conflict). `linked`: the link's account when it is another's than `signed`. Its checks warn."""
    if linked is not None and signed is not None:
        return f"{ANOTHER_ACCOUNT}{linked} made on {minted} (UTC); the signature says @{signed}, {said}"
    return f"{ANOTHER_DAY}{minted} (UTC); the signature says {said}"


ACCOUNT_BY_DID = "the link names the post's account by DID "
# How `platforms.lookalike_link`'s doubt of a link naming an account (or a post's id) with look-alike letters starts.
LOOKALIKE_NAME = "its link names the "


def names_a_lookalike(id_doubt: str | None) -> bool:
    """Whether a doubt says the link names an account written with letters of another script ("its link names the
    account MoInfo_Gаza (…), which passes for MoInfo_Gaza")."""
    return bool(id_doubt) and (id_doubt or "").startswith(LOOKALIKE_NAME) and ", which passes for " in (id_doubt or "")


def account_by_did(did: str, signed: str) -> str:
    """The `id_doubt` of a flattened Bluesky post whose id is the post its link names by its account's DID, made on
    the signature's day (newuser38b #1): Bluesky's embed code links by DID and shows the handle only in the
    signature, so the two are one post if the DID is the handle's, which nothing offline tells. A fetch whose answer
    names the DID's handle settles it (`pipeline.settled_by_answer`); until then its checks warn."""
    return f"{ACCOUNT_BY_DID}{did}, not checked to be @{signed}'s, the signature's account"   # no ";": see `settled_by_answer`


KEPT_APART = "the link below it names a post of "


def kept_apart(handle: str, minted: str, said: str) -> str:
    """The `id_doubt` of a flattened Mastodon or Bluesky post with no id whose account's post is linked alone under
    its signature, made (its id's time) on no day the signature's may be in some time zone: that link is not taken
    for this post, and stays an embed of its own (newuser40a #8: "not identified" beside it, with no word of why the
    two were not one). Its post is not named, so nothing here is checked against it."""
    return (f"{KEPT_APART}@{handle}'s made on {minted} (UTC), not on the signature's day ({said}): another post of the "
            "account's, or its date mistyped (not known which), so it is not taken for this one and is its own embed")


def unsettles_checks(id_doubt: str | None) -> bool:
    """Whether an embed's id is in such doubt that the checks of the article's copy can neither pass nor fail: an
    embed code naming two posts, or a signature whose candidate is another account's linked post or one of another
    day, or a post its link names by a DID not known to be the signature's handle's."""
    return names_two_posts(id_doubt) or (id_doubt or "").startswith((ANOTHER_ACCOUNT, ANOTHER_DAY, ACCOUNT_BY_DID))


@lazy_dataclass(frozen=True)
class Place:
    """Another place an article shows an embed's post, with words of its own: an embed code pasted twice, the
    second with a word changed, is one post whose every quote is checked (newuser29b §1)."""

    span: tuple[int, int]
    detector: str
    text: str
    text_confidence: str | None = None
    unshown: str | None = None   # why the page does not show this copy (`Embed.unshown`), or None

    def to_json(self) -> dict[str, Any]:
        said = {"span": list(self.span), "detector": self.detector, "text": self.text,
                "text_confidence": self.text_confidence}
        return said if self.unshown is None else said | {"unshown": self.unshown}   # a key only where it says one


@dataclass(frozen=True)
class Embed:
    """One embedded post (or timeline, or media link) found in an article."""

    platform: str
    kind: str                     # a PostRef's kind, or "unidentified": a post the page shows but names by no id or URL
    url: str
    detector: str                 # "html-blockquote" | "html-iframe" | "html-link" | "text-signature" | ...
    span: tuple[int, int]         # character range in the decoded input, so a report can quote it
    post_id: str | None = None
    author_handle: str | None = None
    author_name: str | None = None
    date_text: str | None = None
    date: str | None = None       # ISO 8601 date parsed from date_text, when it could be
    text: str | None = None
    # "high" when the markup or the layout bounds the text; "uncertain" when where it starts or ends is a
    # reading of run-on prose (the quote checks settle it against the fetched post); None with no text.
    text_confidence: str | None = None
    lang: str | None = None
    media_links: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    also_at: tuple[tuple[int, int], ...] = field(default=())   # further spans of the same embed
    # The Wayback Machine capture the article linked instead of the post itself (its URL, with the capture's
    # timestamp), or None: a copy of a stated date, not the live post (#15).
    linked_capture: str | None = None
    # Where in the video the article's link starts it, in seconds (YouTube's ?start=95, ?t=125, &t=2m5s): the moment
    # the article cites (newuser29 #10). None: the link names none.
    start_seconds: int | None = None
    # those of `also_at` whose words differ from `text` (and from each other's): each is checked in its turn
    other_words: tuple[Place, ...] = field(default=())
    # The words an embed code shows in place of the post's media (Bluesky's "[image or embed]" link): the post has an
    # image or an embed, which the article's copy does not show (platforms30). None: the code marks none.
    media_marker: str | None = None
    # Why the post's id, or that the link names a post at all, is a reading the article's words do not settle: the
    # URL runs into the next word and where its id ends is a guess, or a path's shape alone calls a host a Mastodon
    # instance (newuser31b §1, §6). None: the URL names the post plainly.
    id_doubt: str | None = None
    # Where the page keeps this embed without showing it: "inside <template>", "inside an HTML comment", "inside
    # <div style="display:none">", "inside <svg>". A copy no reader sees is not the article's claim; a forged one may
    # be kept there for crawlers (newuser37 #1). None: the page shows it (a <noscript> copy too: shown with scripts
    # off, and read by crawlers and archives).
    unshown: str | None = None
    # Each place of the post that names a moment of the video, (its span, the start in seconds), in the page's order,
    # when the post is shown in more than one place: one video cited at 1:32 and at 14:05 keeps both, each where it is
    # written (newuser41a #3). Empty: one place, whose moment is `start_seconds`.
    moments: tuple[tuple[tuple[int, int], int], ...] = field(default=())
    # The other accounts the post's links name it under (a TikTok video's id under a re-poster's handle: the id alone
    # names the video, whose author is the account its platform answers for): said, never merged silently (newuser41a
    # #13). Empty: every place names the same account, or none.
    other_handles: tuple[str, ...] = field(default=())
    # Where the embed's own link stops the video (YouTube's player's &end=45): the article cites 0:15 to 0:45
    # (newuser41a #10: the end was dropped). None: it names none.
    end_seconds: int | None = None
    # The post's URL as the article writes it where that is not `url`, the canonical form the tool matches, merges and
    # fetches by (a TikTok photo post's /@user/photo/<id>, an Instagram /reel/, /reels/ or /tv/ page): shown beside it
    # in every output, and asked of the archive first (fixleft46b). None: the article writes the canonical form.
    shown_url: str | None = None

    def to_json(self) -> dict[str, Any]:
        # Written out rather than `plain(self)`: a corpus run makes it for every embed, and the generic walk over
        # fields() was most of an article's cost outside extraction (#14). tests/test_model.py keeps the keys in
        # step with the fields.
        return {"platform": self.platform, "kind": self.kind, "url": self.url, "detector": self.detector,
                "span": list(self.span), "post_id": self.post_id, "author_handle": self.author_handle,
                "author_name": self.author_name, "date_text": self.date_text, "date": self.date, "text": self.text,
                "text_confidence": self.text_confidence, "lang": self.lang, "media_links": list(self.media_links),
                "links": list(self.links), "also_at": [list(s) for s in self.also_at],
                "linked_capture": self.linked_capture, "start_seconds": self.start_seconds,
                "other_words": [p.to_json() for p in self.other_words], "media_marker": self.media_marker,
                "id_doubt": self.id_doubt, "unshown": self.unshown,
                "moments": [{"span": list(span), "start_seconds": seconds} for span, seconds in self.moments],
                "other_handles": list(self.other_handles), "end_seconds": self.end_seconds,
                "shown_url": self.shown_url}

    def said_json(self, data: dict[str, Any]) -> dict[str, Any]:
        """Its JSON (`data`, its `to_json()`) as the outputs give it: with `"author_name_from":
        "article-words-beside-link"` when its `author_name` is the article's words beside a link (`named_beside`).
        Not in `to_json`, which the cache records column by column: it follows from the detector and the name."""
        return data | {"author_name_from": NAMED_BESIDE} if self.named_beside else data

    @property
    def named_beside(self) -> bool:
        """Its `author_name` is the article's words beside a link to the post ("Councilman Rory Vance replied on
        Twitter"), not a name its embed code signs it with: a speaker the article names, not the post's author. Said
        so in the outputs' JSON (`said_json`), the scan table and the report's author check (newuser44d #9)."""
        return self.author_name is not None and self.detector in BESIDE_LINK_DETECTORS


# The detectors of a post's link alone, whose `author_name` is read from the article's words beside the link
BESIDE_LINK_DETECTORS = frozenset({"html-link", "html-text-url", "text-url", "text-media-link", "html-source"})
NAMED_BESIDE = "article-words-beside-link"   # `author_name_from` of such an embed's name


@dataclass(frozen=True)
class Credit:
    """One photo credit: the raw words and, where the form allows, who and which organisation."""

    raw: str
    source: str                   # "text" | "caption" | "json-ld" | "attribute" | "script-data"
    span: tuple[int, int]
    creator: str | None = None
    organization: str | None = None
    image: str | None = None      # the img src (or ImageObject url) the credit belongs to, when known
    form: str | None = None       # which pattern matched, e.g. "photo-credit", "agency-photo", "css-class"
    # "high" when evidence split the names into creator and organisation (a known agency, an organisation word, a
    # common first name, "Name via Outlet", a schema.org field); "uncertain" when a name was taken as a person or
    # an organisation by default (#11); None when the credit names nobody.
    split_confidence: str | None = None
    # further places the same credit is printed for the same photo (NPR's caption, after it, its "enlarge" copy, #11)
    also_at: tuple[tuple[int, int], ...] = field(default=())
    # What kind of picture the credit's label says it is, a label being no one's name (newuser35b #1, #3): "file"
    # (file photo, Archiv, صورة أرشيفية), "handout" (Handout, Cedida), "courtesy" (courtesy of), "stock" (Symbolbild),
    # "private" (Privat) or "rights-reserved" (DR, droits réservés); a US paper's "staff" (Staff photo by), "submitted"
    # and "contributed" (sent in: who took it not said, newuser44d #3); "reproduction" (Reprodução: taken from the
    # platform or outlet named) and "screenshot" (captura de pantalla), newuser45a #5, #6. None: the credit carries
    # no such label.
    kind: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"raw": self.raw, "source": self.source, "span": list(self.span), "creator": self.creator,
                "organization": self.organization, "image": self.image, "form": self.form,
                "split_confidence": self.split_confidence, "also_at": [list(s) for s in self.also_at],
                "kind": self.kind}
