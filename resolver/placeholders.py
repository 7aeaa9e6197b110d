"""Words that pages show instead of a post: never a text, a name or a date (#9 §5).

An embed that did not render, a capture of a page whose post was gone, the React shell's noscript block: each
holds a sentence that looks like content. Reading "Tweet may have been deleted" as the post's text would make a
check compare an article against it, and "Twitter" as the author's name would make one fail.
"""

from __future__ import annotations

import re
import unicodedata

from resolver.lazy import LazyPattern

# Whole values that say nothing (after case, spaces and trailing punctuation are set aside).
EXACT = frozenset({
    "twitter", "x", "x (formerly twitter)", "instagram", "facebook", "tiktok", "loading", "loading…", "tweet",
    "post", "see more", "view on twitter", "view on x", "view on instagram", "view on threads", "log in", "sign up",
    "age-restricted adult content",
    "image or embed",   # Bluesky's embed code for a post's image or embed, in brackets (newuser29 §9)
})


def _every_wording(*sentences: str) -> tuple[str, ...]:
    """Each sentence as X says it and as Twitter said it: "post" for "tweet", "X" for "Twitter" (#9 §5: "This
    Post is from a suspended account." was taken for a text where "This Tweet is ..." was not)."""
    forms = []
    for sentence in sentences:
        for post in ("tweet", "post"):
            for site in ("twitter", "x"):
                forms.append(sentence.replace("tweet", post).replace("twitter", site))
    return tuple(dict.fromkeys(forms))


# Sentences that start a placeholder whatever follows ("View this post on Instagram A post shared by ..."), with
# straight apostrophes (curly ones are straightened first), each a whole phrase: a word boundary after it. X's, in
# every wording, then the others.
PREFIXES = (*_every_wording(
    "tweet may have been deleted", "this tweet is from a suspended account",
    "this tweet is from an account that no longer exists", "this tweet was withheld", "this tweet has been withheld",
    "you're unable to view this tweet", "this tweet violated the twitter rules",
), "age-restricted adult content. this content might not be appropriate",
    "view this post on instagram", "a post shared by", "javascript is not available",
    "sorry, that page doesn't exist", "hmm...this page doesn't exist", "we've detected that javascript is disabled",
    "don't miss what's happening", "this content isn't available", "watch on youtube",
    # the login wall's description of the site, in og:description where the post's words were (review28)
    "from breaking news and entertainment to sports and politics, get the full story",
)
# Sentences a real post may start with ("Sign up for Xbox Game Pass...", "Something went wrong at the plant",
# review27b §2): a placeholder only as the whole value or followed by nothing but their own tail (TAIL_RE).
GENERIC = (*_every_wording(
    "this tweet was deleted", "this tweet has been deleted", "this tweet is unavailable", "tweet unavailable",
    "log in to twitter", "sign up for twitter",
), "something went wrong", "loading...", "loading…", "content not available", "this page doesn't exist")
_EVERY_PHRASE = PREFIXES + GENERIC   # a value starting with none of them is none
TAIL_RE = LazyPattern(r"(?:[\s.!…,:;—–-]*(?:learn more|try reloading|try again(?: later)?"
                      r"|please try again(?: later)?|try searching for something else|but don't fret"
                      r"|let's give it another shot|log in|sign up"
                      r"|by the (?:tweet|post) author))*"
                      r"[\s.!…,:;—–-]*")
# The words of X's minimal embed code's only link, which widgets.js replaces with the post ("View post on X", the
# reference sample's Spanish "Ver publicación en X (@USERNAME)"), in the languages its publish page writes, X's
# wording and Twitter's (#10: the French, German, Dutch, Japanese... were taken as the post's text): the whole
# value, a handle after it or not.
EMBED_LINK_WORDINGS = (
    r"view (?:post|tweet) on (?:x|twitter)",                          # English
    r"ver (?:publicación|post|tweet) en (?:x|twitter)",               # Spanish
    r"voir (?:la publication|le post|le tweet) sur (?:x|twitter)",    # French
    r"(?:post|beitrag|tweet) auf (?:x|twitter) ansehen",              # German
    r"bekijk (?:bericht|post|tweet) op (?:x|twitter)",                # Dutch
    r"ver (?:publicação|post|tweet) no (?:x|twitter)",                # Portuguese
    r"visualizza (?:il )?(?:post|tweet) su (?:x|twitter)",            # Italian
    r"(?:x|twitter) ?で(?:ポスト|ツイート)を(?:見る|表示)",            # Japanese
)
EMBED_LINK_RE = re.compile(r"(?:" + "|".join(EMBED_LINK_WORDINGS) + r")(?: \(@[a-z0-9_]{1,15}\))?")
# A number a CMS puts after a whole-value placeholder, numbering a page's embeds ("View post on X 2", "Tweet (3)").
COUNTER_RE = re.compile(r" (?:\d{1,3}|\(\d{1,3}\)|#\d{1,3})$")
# What an embed code shows ahead of the post's own words until its platform's script replaces it.
EMBED_CODE_LEAD_RE = LazyPattern(r"view this post on instagram\b[\s.:]*", re.IGNORECASE)
# What an embed code shows after the post's own words: embed.bsky.app's link to the post in place of its image or
# embed, "[image or embed]", after a line break the text may have lost (newuser29 §9).
EMBED_CODE_TAIL_RE = LazyPattern(r"\s*\[image or embed\]\s*\Z", re.IGNORECASE)
_EDGE_RE = re.compile(r"^[\s\"'“”‘’«»(\[]+|[\s\"'“”‘’«»)\].!:;,]+$")


def is_placeholder(value: str | None) -> bool:
    """True when a value is empty or one of the sentences pages show instead of a post."""
    if value is None:
        return True
    text = " ".join(unicodedata.normalize("NFKC", value).split()).casefold().replace("’", "'")
    if not text:
        return True
    bare = _EDGE_RE.sub("", text)
    if not bare or _starts_with_one(text) or _starts_with_one(bare):
        return True
    whole = COUNTER_RE.sub("", text)   # a whole value is one, numbered or not
    return whole in EXACT or _EDGE_RE.sub("", whole) in EXACT or EMBED_LINK_RE.fullmatch(whole) is not None


def _starts_with_one(text: str) -> bool:
    """Whether `text` starts with a placeholder sentence as a whole phrase (not "sign up for x" of "Sign up for
    Xbox"), a generic one being all of it but its own tail ("Something went wrong. Try reloading.")."""
    if not text.startswith(_EVERY_PHRASE):   # one C call: most values start with none (#14)
        return False
    for phrase in PREFIXES:
        if text.startswith(phrase) and not text[len(phrase):len(phrase) + 1].isalnum():
            return True
    return any(text.startswith(phrase) and TAIL_RE.fullmatch(text[len(phrase):]) is not None for phrase in GENERIC)


def real(value: str | None) -> str | None:
    """The value, or None when it is a placeholder: what a parser keeps."""
    return None if is_placeholder(value) else (value or "").strip()


def without_lead(text: str) -> str:
    """`text` without an embed code's leading placeholder ("View this post on Instagram"): a captioned embed code
    holds the caption after it."""
    lead = EMBED_CODE_LEAD_RE.match(text)
    return text[lead.end():] if lead else text


def without_tail(text: str) -> str:
    """`text` without an embed code's trailing placeholder ("[image or embed]"): no word of the post."""
    return EMBED_CODE_TAIL_RE.sub("", text)
