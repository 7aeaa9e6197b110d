"""Hosts made to look like a platform's own: why a link's host is none of the platform's though written to pass for
one, in words. Only the host is read; nothing on it is ever asked (newuser37 §7: X's; verdicts38: Bluesky's)."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from urllib.parse import SplitResult

# Letters of other scripts drawn like Latin ones (Unicode's confusables, the common ones), mapped to the Latin letter
# they look like: "pаssed" with a Cyrillic а reads "passed" (quotes, review28), "t.me/wаrmonitor" t.me/warmonitor.
LATIN_LOOKALIKES = str.maketrans(
    "аеорсухѕіјԁһԛԝӏвкмнтАВЕКМНОРСТХЅІЈҮԚԜ" "οαινκρτυΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxsijdhqwlbkmhtABEKMHOPCTXSIJYQW" "oaivkptuABEZHIKMNOPTYX")


def as_seen(text: str) -> str:
    """`text` as it looks: its look-alike letters of other scripts as the Latin ones (`LATIN_LOOKALIKES`)."""
    return text.translate(LATIN_LOOKALIKES)


def letters_named(written: str, seen: str) -> str:
    """Each letter of `written` that `seen` (`as_seen(written)`) reads as another, named: "CYRILLIC SMALL LETTER A
    U+0430 in place of a"."""
    return "; ".join(dict.fromkeys(f"{unicodedata.name(c, 'U+%04X' % ord(c))} U+{ord(c):04X} in place of {s}"
                                   for c, s in zip(written, seen) if c != s))


# A host's letters with the dot written otherwise are named only for hosts of this many letters or more: "x-com" or
# "xcom" is as often another site (the dot written as "-" or left out: "bsky-app.com", "twittercom.example").
DOT_LETTERS = 7


def why(split: SplitResult, copied: tuple[str, ...], own: Collection[str]) -> str | None:
    """Why `split`'s host passes for one of `copied` (the platform's hosts a link made to pass copies) and is not
    one, in words; None when it is not made so. `own`: every host of the platform's, a user name before "@" among them
    naming one ("bsky.app@evil.example")."""
    host = (split.hostname or "").rstrip(".")
    if split.username and split.username.lower().rstrip(".") in own:
        return f"“{split.username}@” before it is a user name, not the host"
    under = next((h for h in copied if host.startswith(h + ".")), None)
    if under is not None:
        return f"a host under {host[len(under) + 1:]}"
    return next(filter(None, (_letters_off(host, h) for h in copied)), None) \
        or next(filter(None, (_dot_otherwise(host, h) for h in copied)), None)


def _letters_off(host: str, real: str) -> str | None:
    """How `host` differs from the host `real` of its length: letters of other scripts in place of some of its own
    (each named), or one ASCII letter off ("twltter.com"); None otherwise."""
    if len(host) != len(real) or host == real:
        return None
    off = [(i, c) for i, c in enumerate(host) if c != real[i]]
    if all(not c.isascii() for _, c in off):
        return "; ".join(f"{unicodedata.name(c, 'U+%04X' % ord(c))} U+{ord(c):04X} in place of {real[i]}"
                         for i, c in off)
    # one letter off a short host is as often another site ("y.com" of "x.com"): only twitter.com's are said
    return f"one letter off {real}" if len(off) == 1 and "twitter" in real and off[0][1] != "." else None


def _dot_otherwise(host: str, real: str) -> str | None:
    """How `host`'s first label is `real` (one dot) with its dot written as a hyphen or left out, under another
    domain ("bsky-app.com", "bskyapp.com"); None otherwise, and for a short host's (DOT_LETTERS)."""
    name, dot, end = real.partition(".")
    first, _, rest = host.lower().removeprefix("www.").partition(".")
    if not dot or "." in end or not rest or len(name + end) < DOT_LETTERS:
        return None
    if first == f"{name}-{end}":
        return f"{real} with “-” for its dot"
    return f"{real} with its dot left out" if first == name + end else None
