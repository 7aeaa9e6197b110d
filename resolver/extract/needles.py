"""Every literal the raw passes over a page's source look for, found in one pass (#14).

A page's scan searched its source once per kind of needle: the post hosts in script data, the JSON credit keys,
`credit=`, the "(@" of a flattened tweet's signature (each a regex or `str.find` pass, 0.1 ms or so on a median
page). Hyperscan finds them all in one pass over the page's UTF-8 bytes. The needles are ASCII, and an ASCII byte
in UTF-8 is always that character, so the k-th place a needle's bytes are is the k-th place the string holds it:
each is found in the string near its byte offset (never after it, and at most the page's count of extra UTF-8
bytes before it), from the place of the needle met before it on. A needle may be caseless (`credit=`: HTML names
are, #11): found in any ASCII case, by hyperscan and in the string alike.

Hyperscan has no wheel for some platforms (Linux aarch64 none after 0.7.23), so it is optional: where it cannot be
imported, the same starts are found in the string with `re`, and every hinted name is taken as one the page may
hold (`_found_in_string`; chosen once, when a page is first searched). A process's first pages, up to SMALL_BUDGET
characters in all, are searched without it whatever the platform, their names and words read from their bytes as the
database reads them (`_found_in_small`): a one-file scan of a page of up to 100,000 characters neither imports
hyperscan nor compiles the database (perf35b).
"""

from __future__ import annotations

import os
import re
import threading
from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache
from re import Pattern
from typing import Any

from resolver.lazy import LazyPattern


class Needles:
    """Where each needle starts in a page, in page order: all of them, overlapping ones too, as a `str.find` loop
    from each start + 1 would list them; which of the attribute `names` asked about the page may give an
    element; and which of the `words` asked about the page may give a tag or attribute name or an attribute's
    value (`may_write`)."""

    def __init__(self, page: str, needles: Sequence[str], *, caseless: Collection[str] = (),
                 names: Sequence[str] = (), words: Sequence[str] = (), utf8: bytes | None = None,
                 optional: Sequence[str] = ()) -> None:
        """`optional`: needles (exact case) found only where hyperscan's pass searches the page, at no cost worth
        counting; elsewhere (the string's search, several times dearer a needle) they are not in `starts`, and the
        caller searches for them itself if it must (perf36)."""
        self.needles = tuple(needles)
        kinds = tuple(needle in caseless for needle in self.needles)
        asked, asked_words = tuple(names), tuple(words)
        if len(page) < _SMALL_LEFT[0]:   # the process has not searched enough yet to pay for hyperscan's database
            _SMALL_LEFT[0] -= len(page)
            self.starts, found_names, found_words = _found_in_small(page, self.needles, kinds, asked, utf8,
                                                                    words=asked_words)
        else:
            _SMALL_LEFT[0] = 0   # hyperscan's search from now on: its database is compiled once
            hyperscan = hyperscan_module()
            if hyperscan is None:
                self.starts, found_names = _found_in_string(page, self.needles, kinds, asked)
                found_words = list(asked_words)   # each may be written, as each name may be held
            else:
                self.needles += tuple(optional)
                kinds += (False,) * len(optional)
                self.starts, found_names, found_words = _found_in_bytes(hyperscan, page, self.needles, kinds, asked,
                                                                        utf8, words=asked_words)
        self.asked, self.asked_words = frozenset(asked), frozenset(asked_words)
        self.names, self.words = frozenset(found_names), frozenset(found_words)

    def may_hold(self, name: str) -> bool:
        """May the page give an element the attribute `name`? Yes for a name it was not asked about."""
        return name not in self.asked or name in self.names

    def may_write(self, *words: str) -> bool:
        """May the page give an element a tag name, an attribute name or an attribute value holding one of the
        `words` (in any ASCII case, as tag and attribute names, quirks-mode class selectors and `i` selectors
        match)? Yes for a word it was not asked about."""
        return any(word not in self.asked_words or word in self.words for word in words)

    def within(self, needle: str, start: int, end: int) -> list[int]:
        """Where `needle` starts in page[start:end] and ends within it, as `page.find(needle, start, end)` finds."""
        starts = self.starts[needle]
        return starts[bisect_left(starts, start):bisect_left(starts, end - len(needle) + 1)]


def _found_in_bytes(hyperscan: Any, page: str, needles: tuple[str, ...], kinds: tuple[bool, ...],
                    asked: tuple[str, ...], utf8: bytes | None,
                    words: tuple[str, ...] = ()) -> tuple[dict[str, list[int]], list[str], list[str]]:
    """(where each needle starts, the names the page may hold, the words it may write) from one hyperscan pass over
    the page's bytes."""
    if utf8 is None:   # a decoded page may hold lone surrogates: encoded as three non-ASCII bytes each
        utf8 = page.encode("utf-8", "surrogatepass") if not page.isascii() else page.encode("ascii")
    found: list[list[int]] = [[] for _ in (*needles, *asked, *words, *(REFERENCE_PREFIXES if words else ()))]
    if found:   # hyperscan compiles no empty set
        database = _database(needles, kinds, asked, words)
        database.scan(utf8, match_event_handler=_collect, context=found, scratch=_scratch(hyperscan, database))
    names = [name for name, ends in zip(asked, found[len(needles):]) if ends]
    written = [word for word, ends in zip(words, found[len(needles) + len(asked):]) if ends]
    if len(written) < len(words):   # a reference may write any word's letters: then every word may be written
        references = found[len(needles) + len(asked) + len(words):]
        named, numeric = references[:len(NAMED_REFERENCES)], references[len(NAMED_REFERENCES):]
        starts = [ends[0] - len(prefix) for prefix, ends in zip(REFERENCE_PREFIXES[len(NAMED_REFERENCES):], numeric)
                  if ends]
        if any(named) or starts and LETTER_REFERENCE_RE.search(utf8, min(starts)):
            written = list(words)
    extra = len(utf8) - len(page)   # 0 for an ASCII page: byte offsets are its offsets
    if extra:
        return _in_string(page, needles, kinds, found, extra), names, written
    return {needle: sorted(end - len(needle) for end in ends) for needle, ends in zip(needles, found)}, names, written


# The characters a process searches in the string, its names and words in its bytes (`_found_in_small`), before
# hyperscan: importing it and compiling the database cost a process 6-8 ms, once; the string's search costs about
# 25 ns a character more than hyperscan's (0.21 against 0.04 ms a 7,900-character page, 0.039 against 0.032 a
# 600-character one). So the first pages, while they add up to no more than SMALL_BUDGET characters, are searched in
# the string (2.5 ms at most), and hyperscan only once a process has searched more: a one-file scan of a page of up
# to 100,000 characters never pays for it, a corpus run pays for both at most (perf35b, #14). Either way the same
# starts, names and words (tests/test_html_detector.py).
SMALL_BUDGET = 100_000
_SMALL_LEFT = [SMALL_BUDGET]   # what is left of it in this process


def _found_in_small(page: str, needles: tuple[str, ...], kinds: tuple[bool, ...], asked: tuple[str, ...],
                    utf8: bytes | None, words: tuple[str, ...] = ()) -> tuple[dict[str, list[int]], list[str], list[str]]:
    """What `_found_in_bytes` finds, for a small page and without hyperscan: the needles' starts as
    `_found_in_string` finds them; the names and words as the database's patterns find them, in the page's bytes
    with their ASCII letters folded (hyperscan's caseless flag folds those only): a name between one of BEFORE_NAME
    and one of AFTER_NAME, a word or a reference's prefix anywhere."""
    starts, _ = _found_in_string(page, needles, kinds, ())
    if utf8 is None:
        utf8 = page.encode("utf-8", "surrogatepass")
    folded = utf8.lower()   # ASCII letters only
    names = [name for name in asked if _held(folded, name.encode("utf-8").lower())]
    written = [word for word in words if word.encode("utf-8").lower() in folded]
    if len(written) < len(words):   # a reference may write any word's letters: then every word may be written
        first = folded.find(b"&#")   # where the first numeric prefix stands: each starts so
        while first >= 0 and not folded.startswith(_NUMERIC_PREFIXES, first):
            first = folded.find(b"&#", first + 1)
        if any(name in folded for name in _NAMED_PREFIXES) or first >= 0 and LETTER_REFERENCE_RE.search(utf8, first):
            written = list(words)
    return starts, names, written


def _held(folded: bytes, name: bytes) -> bool:
    """Whether `name` stands in `folded` as the database's pattern for it finds it: after one of BEFORE_NAME and
    before one of AFTER_NAME."""
    at = folded.find(name, 1)
    while at >= 0:
        end = at + len(name)
        if folded[at - 1] in _BEFORE_NAME and end < len(folded) and folded[end] in _AFTER_NAME:
            return True
        at = folded.find(name, at + 1)
    return False


def _found_in_string(page: str, needles: tuple[str, ...], kinds: tuple[bool, ...], asked: tuple[str, ...]) -> tuple[dict[str, list[int]], list[str]]:
    """What `_found_in_bytes` finds, without hyperscan: the needles by one regex pass per last character (the
    engine scans for the character, then tries each needle ending in it as a look-behind: every place counts,
    overlapping ones too); every name asked as one the page may hold. A `str.find` loop per needle took 0.59 ms a
    median page against 0.28. Caseless needles with a common stem are found by it (`_caseless_in_bytes`)."""
    starts: dict[str, list[int]] = {needle: [] for needle in needles}
    stems = _stems(tuple(needle for needle, kind in zip(needles, kinds) if kind))
    if stems:
        starts.update(_caseless_in_bytes(page, stems))   # the others as below
        needles = tuple(needle for needle, kind in zip(needles, kinds) if not kind)
        kinds = (False,) * len(needles)
    for search, group in _end_searches(needles, kinds):
        for hit in search.finditer(page):
            end = hit.end()
            for needle, caseless in group:
                if (_ends_caselessly(page, needle, end) if caseless   # a start < 0 gives too short a slice
                        else page.startswith(needle, end - len(needle))):
                    starts[needle].append(end - len(needle))
    # Every name asked may be held: checking them here (the page's bytes lower-cased, a find loop per name) cost
    # 0.33 ms a median page, more than the 0.1 ms of selections it spares; lexbor is asked for each, as before (#14).
    return starts, list(asked)


def _stems(folding: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The caseless needles in groups, each with a common stem `_caseless_in_bytes` finds them by: one group when
    they all share one; else those of each first letter, when each group's stem is 4 characters or more (the
    `credit` attributes and `<amp-img`: one needle beside them took the stem's pass from all, 0.66 -> 0.92 ms a
    corpus page of a one-file scan, review43c); else none (the post hosts: a look-behind pass finds them)."""
    if len(folding) < 2:
        return ()
    if os.path.commonprefix([needle.lower() for needle in folding]):
        return (folding,)
    groups: dict[str, list[str]] = {}
    for needle in folding:
        groups.setdefault(needle[:1].lower(), []).append(needle)
    if all(len(os.path.commonprefix([needle.lower() for needle in group])) >= 4 for group in groups.values()):
        return tuple(tuple(group) for group in groups.values())
    return ()


def _caseless_in_bytes(page: str, stems: tuple[tuple[str, ...], ...]) -> dict[str, list[int]]:
    """Where each needle of `stems` (caseless, in groups each with a common stem: `_stems`) starts: at the places its
    group's stem is in the page's UTF-8 bytes lower-cased (ASCII letters only fold, as hyperscan's caseless flag
    folds), placed in the string as `_found_in_bytes` places them. A needle ending in a common character (`credit `
    and its kin: a blank, review27b #8) took its look-behind at each such character: 0.64 ms a median corpus page for
    all needles; this way 0.40-0.46 against the old needles' 0.35-0.36 (measured in one run)."""
    needles = tuple(needle for group in stems for needle in group)
    utf8 = page.encode("utf-8", "surrogatepass")
    folded = utf8.lower()
    ends: list[list[int]] = []
    for group in stems:
        lowered = [needle.lower().encode("ascii") for needle in group]
        stem = lowered[0][:len(os.path.commonprefix(lowered))]
        group_ends: list[list[int]] = [[] for _ in group]
        at = folded.find(stem)
        while at >= 0:
            for found, low in zip(group_ends, lowered):
                if folded.startswith(low, at):
                    found.append(at + len(low))
            at = folded.find(stem, at + 1)
        ends += group_ends
    extra = len(utf8) - len(page)
    if extra:
        return _in_string(page, needles, (True,) * len(needles), ends, extra)
    return {needle: [end - len(needle) for end in found] for needle, found in zip(needles, ends)}


@lru_cache(maxsize=16)
def _end_searches(needles: tuple[str, ...],
                  kinds: tuple[bool, ...]) -> list[tuple[Pattern[str], list[tuple[str, bool]]]]:
    """A regex per last character (and case) of the needles: the character, then a look-behind per needle."""
    groups: dict[tuple[str, bool], list[tuple[str, bool]]] = {}
    for needle, caseless in dict.fromkeys(zip(needles, kinds)):
        groups.setdefault((needle[-1], caseless), []).append((needle, caseless))
    return [(re.compile(re.escape(last) + "(?:" + "|".join(f"(?<={re.escape(needle)})" for needle, _ in group) + ")",
                        re.IGNORECASE | re.ASCII if caseless else 0), group)
            for (last, caseless), group in groups.items()]


def _ends_caselessly(page: str, needle: str, end: int) -> bool:
    """Does `needle`, in any ASCII case, end at `end`? (Only ASCII letters fold: a Kelvin sign is no 'k'.)"""
    written = page[end - len(needle):end]
    return written.isascii() and written.lower() == needle.lower()


def _in_string(page: str, needles: tuple[str, ...], kinds: tuple[bool, ...], found: list[list[int]],
               extra: int) -> dict[str, list[int]]:
    """Where each needle, whose UTF-8 bytes end at `found[i]`, starts in the string. The places of all needles are
    taken in byte order, each found with a `str.find` from the place before it (or from the needle's own previous
    place, if later; or `extra` characters before its byte offset, if later still) to its byte offset: the windows
    do not overlap, so a page is read at most once in all, however many non-ASCII bytes it has (#14). A caseless
    needle is found with a caseless search instead of `str.find`."""
    starts: dict[str, list[int]] = {needle: [] for needle in needles}
    finds = {needle: _caseless(page, needle) if caseless else page.find for needle, caseless in zip(needles, kinds)}
    hits = sorted((end - len(needle), needle) for needle, ends in zip(needles, found) for end in ends)
    before = 0   # where the previous place of any needle is in the string
    for at, needle in hits:
        own = starts[needle]
        before = finds[needle](needle, max(before, own[-1] + 1 if own else 0, at - extra), at + len(needle))
        own.append(before)
    return starts


def _caseless(page: str, needle: str) -> Callable[[str, int, int], int]:
    """`page.find` for `needle` in any ASCII case: ASCII letters only are folded, as hyperscan's caseless flag and
    HTML's tokenizer fold them (a Kelvin sign is no 'k')."""
    search = _caseless_pattern(needle).search

    def find(_: str, start: int, end: int) -> int:
        hit = search(page, start, end)
        return hit.start() if hit else -1
    return find


@lru_cache(maxsize=64)
def _caseless_pattern(needle: str) -> Pattern[str]:
    return re.compile(re.escape(needle), re.IGNORECASE | re.ASCII)


def _collect(index: int, start: int, end: int, flags: int, found: list[list[int]]) -> None:
    found[index].append(end)


# An attribute's name, as HTML's tokenizer reads one: after white space, a '/' or a quoted value's closing quote,
# and up to white space, '/', '=' or '>'; in any case (it lower-cases ASCII letters only, as a caseless hyperscan
# pattern matches). A page where no such run spells a name gives no element that attribute (#14). A tag the page
# ends inside gives no element at all, so a name at the very end is none (`\z` in the pattern cost 90 ms to compile).
BEFORE_NAME, AFTER_NAME = "\t\n\f\r /\"'", "\t\n\f\r /=>"
_BEFORE_NAME, _AFTER_NAME = frozenset(BEFORE_NAME.encode("ascii")), frozenset(AFTER_NAME.encode("ascii"))


def _literal(text: str) -> bytes:
    """Every byte as \\xHH: an expression is a C string, and nothing in it is read as a pattern's syntax."""
    return b"".join(b"\\x%02x" % byte for byte in text.encode("utf-8"))


# A character reference that may write a word's letter, hyphen or underscore in an attribute's value: a decimal or
# hexadecimal one for an ASCII letter, "-" or "_" (with or without its ";"), or a named one: `&fjlig;` ("fj"),
# `&lowbar;` and `&UnderBar;` ("_": "__source" is a word; "_&#95;source" wrote it unseen, resolution36's hypothesis
# find). No other named reference writes one of them (`&plus;` writes "+"). On 3 of 146 real pages (e-mail
# addresses written so). Every such reference starts with one of REFERENCE_PREFIXES, which the hyperscan pass looks
# for (caseless: "&#X2D"); only where one is (34 pages of 146: "&#8217;" starts with "&#82") is the page searched
# with `re`, from the first. As a pattern in the database, the search cost 30-80 ms more to compile at start-up (#14).
LETTER_CODES = (45, *range(65, 91), 95, *range(97, 123))
NAMED_REFERENCES = ("&fjlig", "&lowbar", "&UnderBar")
REFERENCE_PREFIXES = (*NAMED_REFERENCES, *(f"&#{code}" for code in LETTER_CODES), "&#0",
                      *(f"&#x{code:x}" for code in LETTER_CODES), "&#x0")
LETTER_REFERENCE = (r"&#(?:0*(?:45|6[5-9]|[78][0-9]|9[05789]|1[01][0-9]|12[0-2])(?![0-9])"
                    r"|[xX]0*(?:2[dD]|4[1-9a-fA-F]|5[0-9aAfF]|6[1-9a-fA-F]|7[0-9aA])(?![0-9a-fA-F]))")
LETTER_REFERENCE_RE = LazyPattern(LETTER_REFERENCE.encode("ascii"))
# REFERENCE_PREFIXES as `_found_in_small` finds them in a page's folded bytes: the named one, and the numeric ones
# (each starts with "&#").
_NAMED_PREFIXES = tuple(prefix.encode("ascii").lower() for prefix in NAMED_REFERENCES)
_NUMERIC_PREFIXES = tuple(prefix.encode("ascii").lower() for prefix in REFERENCE_PREFIXES[len(NAMED_REFERENCES):])
assert all(prefix.startswith(b"&#") for prefix in _NUMERIC_PREFIXES)
# The same in a page's text, `&fjlig` too: where a page may write a marker's letters as references (#10).
WRITES_LETTERS_RE = LazyPattern(LETTER_REFERENCE + "".join(f"|{name}" for name in NAMED_REFERENCES))


class _Scratches(threading.local):
    """Each thread's scratch space for each database it searched with (kept with the database, so its id stays its)."""

    def __init__(self) -> None:
        self.kept: dict[int, tuple[Any, Any]] = {}


_SCRATCHES = _Scratches()


def _scratch(hyperscan: Any, database: Any) -> Any:
    """This thread's scratch space for `database`: made on its first search here, then kept. Hyperscan's is not to be
    shared between threads; one made per search cost a page about 10 us, twice (#14)."""
    kept = _SCRATCHES.kept.get(id(database))
    if kept is None or kept[0] is not database:
        if len(_SCRATCHES.kept) >= 32:   # more databases than the caches hold (16 and 4): the evicted ones let go
            _SCRATCHES.kept.clear()
        kept = _SCRATCHES.kept[id(database)] = (database, hyperscan.Scratch(database))
    return kept[1]


@lru_cache(maxsize=16)
def _database(needles: tuple[str, ...], kinds: tuple[bool, ...], names: tuple[str, ...],
              words: tuple[str, ...] = ()) -> Any:
    """The needles, names and words compiled, once per process (a few ms), when a page first needs them. A thread's
    searches share its scratch space (`_scratch`): hyperscan's is not to be shared between threads."""
    hyperscan: Any = hyperscan_module()
    database = hyperscan.Database()
    asked = [b"[%s]%s[%s]" % (_literal(BEFORE_NAME), _literal(name), _literal(AFTER_NAME)) for name in names]
    asked += [_literal(word) for word in (*words, *(REFERENCE_PREFIXES if words else ()))]
    expressions = [_literal(needle) for needle in needles] + asked
    flags = [hyperscan.HS_FLAG_CASELESS if caseless else 0 for caseless in kinds]
    flags += [hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SINGLEMATCH] * len(asked)
    database.compile(expressions=expressions, ids=list(range(len(expressions))), elements=len(expressions),
                     flags=flags)
    return database


def literal_starts(text: str, literals: tuple[str, ...]) -> list[int] | None:
    """Where any of `literals` (any characters) starts in `text`, in order, each place once, from one hyperscan pass
    over the text's UTF-8 bytes; None where hyperscan cannot be imported. A literal's bytes start at a character's
    first byte, so each byte offset is placed in the string by counting the characters before it (one pass)."""
    hyperscan = hyperscan_module()
    if hyperscan is None:
        return None
    utf8 = text.encode("utf-8", "surrogatepass")
    database, sizes = _literal_database(literals)
    found: list[list[int]] = [[] for _ in literals]
    database.scan(utf8, match_event_handler=_collect, context=found, scratch=_scratch(hyperscan, database))
    starts = sorted({end - size for size, ends in zip(sizes, found) for end in ends})
    if len(utf8) == len(text):
        return starts
    places, before, chars = [], 0, 0
    for at in starts:
        chars += len(utf8[before:at].decode("utf-8", "surrogatepass"))
        before = at
        places.append(chars)
    return places


@lru_cache(maxsize=4)
def _literal_database(literals: tuple[str, ...]) -> tuple[Any, list[int]]:
    """The literals compiled (about 1 ms), and the length of each in UTF-8 bytes."""
    hyperscan: Any = hyperscan_module()
    database = hyperscan.Database()
    database.compile(expressions=[_literal(literal) for literal in literals], ids=list(range(len(literals))),
                     elements=len(literals), flags=[0] * len(literals))
    return database, [len(literal.encode("utf-8")) for literal in literals]


@lru_cache(maxsize=1)
def hyperscan_module() -> Any | None:
    """hyperscan, imported when a page is first searched (a plain start-up needs none of it); None where it cannot
    be (no wheel for the platform): the needles are then found in the string (`_found_in_string`)."""
    try:
        import hyperscan
    except ImportError:
        return None
    return hyperscan
