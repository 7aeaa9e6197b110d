"""Words that pages show instead of a post: never a text, a name or a date (#9 §5).

An embed that did not render, a capture of a page whose post was gone, the React shell's noscript block: each
holds a sentence that looks like content. Reading "Tweet may have been deleted" as the post's text would make a
check compare an article against it, and "Twitter" as the author's name would make one fail.
"""

from __future__ import annotations

import re
import unicodedata

# Whole values that say nothing (after case, spaces and trailing punctuation are set aside).
EXACT = frozenset({
    "twitter", "x", "x (formerly twitter)", "instagram", "facebook", "tiktok", "loading", "loading…", "tweet",
    "post", "see more", "view on twitter", "view on x", "view on instagram", "log in", "sign up",
})
# Sentences that start a placeholder whatever follows ("View this post on Instagram A post shared by ...").
PREFIXES = (
    "tweet may have been deleted", "this tweet was deleted", "this tweet has been deleted",
    "this tweet is unavailable", "this post is unavailable", "this tweet is from a suspended account",
    "this tweet is from an account that no longer exists", "this post was deleted", "this tweet was withheld",
    "you're unable to view this tweet", "you’re unable to view this tweet", "this tweet has been withheld",
    "view this post on instagram", "a post shared by", "javascript is not available", "something went wrong",
    "sorry, that page doesn't exist", "sorry, that page doesn’t exist", "hmm...this page doesn't exist",
    "hmm...this page doesn’t exist", "this page doesn't exist", "this page doesn’t exist",
    "we've detected that javascript is disabled", "we’ve detected that javascript is disabled",
    "log in to twitter", "log in to x", "sign up for twitter", "don't miss what's happening",
    "don’t miss what’s happening", "loading...", "loading…", "content not available", "this content isn't available",
    "this content isn’t available", "post unavailable", "tweet unavailable", "watch on youtube",
)
_EDGE_RE = re.compile(r"^[\s\"'“”‘’«»(\[]+|[\s\"'“”‘’«»)\].!:;,]+$")


def is_placeholder(value: str | None) -> bool:
    """True when a value is empty or one of the sentences pages show instead of a post."""
    if value is None:
        return True
    text = " ".join(unicodedata.normalize("NFKC", value).split()).casefold()
    if not text:
        return True
    bare = _EDGE_RE.sub("", text)
    return not bare or bare in EXACT or text in EXACT or text.startswith(PREFIXES) or bare.startswith(PREFIXES)


def real(value: str | None) -> str | None:
    """The value, or None when it is a placeholder: what a parser keeps."""
    return None if is_placeholder(value) else (value or "").strip()
