"""Every literal the raw passes over a page's source look for, found in one pass (#14).

A page's scan searched its source once per kind of needle: the post hosts in script data, the JSON credit keys,
`credit=`, the "(@" of a flattened tweet's signature (each a regex or `str.find` pass, 0.1 ms or so on a median
page). Hyperscan finds them all in one pass over the page's UTF-8 bytes. The needles are ASCII, and an ASCII byte
in UTF-8 is always that character, so the k-th place a needle's bytes are is the k-th place the string holds it:
each is found in the string near its byte offset (never after it, and at most the page's count of extra UTF-8
bytes before it), from just after the needle's previous place on.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import Any


class Needles:
    """Where each needle starts in a page, in page order: all of them, overlapping ones too, as a `str.find` loop
    from each start + 1 would list them."""

    def __init__(self, page: str, needles: Sequence[str], *, utf8: bytes | None = None) -> None:
        self.needles = tuple(needles)
        if utf8 is None:   # a decoded page may hold lone surrogates: encoded as three non-ASCII bytes each
            utf8 = page.encode("utf-8", "surrogatepass") if not page.isascii() else page.encode("ascii")
        found: list[list[int]] = [[] for _ in self.needles]
        _database(self.needles).scan(utf8, match_event_handler=_collect, context=found, scratch=_scratch(self.needles))
        extra = len(utf8) - len(page)   # 0 for an ASCII page: byte offsets are its offsets
        self.starts: dict[str, list[int]] = {}
        for needle, ends in zip(self.needles, found):
            ends.sort()
            self.starts[needle] = (_in_string(page, needle, ends, extra) if extra
                                   else [end - len(needle) for end in ends])

    def within(self, needle: str, start: int, end: int) -> list[int]:
        """Where `needle` starts in page[start:end] and ends within it, as `page.find(needle, start, end)` finds."""
        starts = self.starts[needle]
        return starts[bisect_left(starts, start):bisect_left(starts, end - len(needle) + 1)]


def _in_string(page: str, needle: str, ends: list[int], extra: int) -> list[int]:
    """Where the needle whose UTF-8 bytes end at `ends` starts in the string. A search window per place: from
    just after the previous place (or `extra` characters before the byte offset, if later) to the byte offset,
    so the windows never overlap and a page is read at most once per needle, however many non-ASCII bytes it has."""
    starts: list[int] = []
    previous = -1
    for end in ends:
        at = end - len(needle)
        previous = page.find(needle, max(previous + 1, at - extra), at + len(needle))
        starts.append(previous)
    return starts


def _collect(index: int, start: int, end: int, flags: int, found: list[list[int]]) -> None:
    found[index].append(end)


@lru_cache(maxsize=16)
def _database(needles: tuple[str, ...]) -> Any:
    """The needles compiled, once per process (0.3 ms), when a page first needs them."""
    import hyperscan   # imported only when a page is searched: a plain start-up needs none of it

    database = hyperscan.Database()
    database.compile(expressions=[b"".join(b"\\x%02x" % byte for byte in needle.encode("ascii")) for needle in needles],
                     ids=list(range(len(needles))), elements=len(needles), flags=[0] * len(needles))
    return database


def _scratch(needles: tuple[str, ...]) -> Any:
    """A scratch space for one search: hyperscan's is not to be shared between threads, and costs 1 us."""
    import hyperscan

    return hyperscan.Scratch(_database(needles))
