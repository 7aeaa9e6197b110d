"""Where an lxml element sits in the page source: lxml gives a line, the source gives the character range.

Spans let a report quote the article's own rendering of an embed or credit, so they must point at the element's
start tag even when entities, multi-line start tags or several elements on one line get in the way.
"""

from __future__ import annotations

import re
from typing import Any


class SourceMap:
    """Finds an element's character range in the page source from lxml's sourceline and a distinguishing needle."""

    def __init__(self, page: str, lower: str | None = None) -> None:
        self.page = page
        self.lower = lower if lower is not None else page.lower()
        self._line_starts: list[int] | None = None
        self._last = (0, 1)   # (position, its line), for counting lines onward
        # Each element gets one span and each start tag one element: two tweets on one line of a minified page
        # are told apart by the start tags already given out. Keys keep lxml's proxies alive, so an element
        # asked for again is the same key.
        self._spans: dict[Any, tuple[int, int]] = {}
        self._given: set[int] = set()

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:   # built on first use: most pages need few spans
            from itertools import accumulate

            self._line_starts = [0, *accumulate(map((1).__add__, map(len, self.page.split("\n"))))]
        return self._line_starts

    def span(self, el: Any, needle: str | None = None) -> tuple[int, int]:
        """(start, end) of the element in the page: its start tag to its end tag; (0, 0) when not found."""
        if el not in self._spans:
            self._spans[el] = self._find(el, needle)
            self._given.add(self._spans[el][0])
        return self._spans[el]

    def _find(self, el: Any, needle: str | None) -> tuple[int, int]:
        tag = (el.tag if isinstance(el.tag, str) else "script").lower()
        opener = "<" + tag
        # The DOM decodes entities the source keeps (&#038;, &amp;): only the part before the first & is sure.
        needle = (needle or "").split("&")[0].lower() or None
        start = self._by_needle(opener, needle, el.sourceline) if needle and len(needle) >= 4 else -1
        if start < 0:
            start = self._by_line(el, opener, needle)
        if start < 0 and needle:
            start = self._by_line(el, opener, None)   # the first such tag on the element's line
        if start < 0:
            return (0, 0)
        return (start, self._end(tag, start))

    def _by_needle(self, opener: str, needle: str, line: int | None) -> int:
        """The start tag that holds the needle and begins on the element's own line, found without the line
        table: search the needle, then count lines incrementally (elements come mostly in document order)."""
        at = self.lower.find(needle)
        while at >= 0:
            tag_start = self.lower.rfind("<", 0, at)
            tag_end = self.lower.find(">", tag_start)
            # libxml2 may give a start tag written over several lines any of its lines
            if self.lower.startswith(opener, tag_start) and tag_end > at and tag_start not in self._given \
                    and (line is None or self._line_at(tag_start) <= line <= self._line_at(tag_end)):
                return tag_start
            at = self.lower.find(needle, at + len(needle))
        return -1

    def _line_at(self, pos: int) -> int:
        last_pos, last_line = self._last if self._last[0] <= pos else (0, 1)
        line = last_line + self.page.count("\n", last_pos, pos)
        self._last = (pos, line)
        return line

    def _by_line(self, el: Any, opener: str, needle: str | None) -> int:
        line = el.sourceline or 1
        pos = self.line_starts[min(line, len(self.line_starts)) - 1]
        for _ in range(200):
            found = self.lower.find(opener, pos)
            if found < 0:
                return -1
            tag_end = self.lower.find(">", found)
            if (needle is None or needle in self.lower[found: tag_end + 1]) and found not in self._given:
                return found
            pos = found + 1
        return -1

    def _end(self, tag: str, start: int) -> int:
        return element_end(self.lower, tag, start)


def element_end(lower: str, tag: str, start: int) -> int:
    """Where the element whose start tag begins at `start` ends in the (lower-cased) source: after its matching
    end tag, nesting counted; after its start tag for void elements or when no end is found."""
    open_end = lower.find(">", start)
    if open_end < 0:
        return len(lower)
    if tag in ("img", "br", "meta", "link", "input", "source"):
        return open_end + 1
    depth = 0
    if tag not in _TAG_RES:
        _TAG_RES[tag] = re.compile(rf"<(/?){re.escape(tag)}\b")
    for match in _TAG_RES[tag].finditer(lower, start, start + 400_000):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            close = lower.find(">", match.start())
            return close + 1 if close >= 0 else len(lower)
    return open_end + 1


_TAG_RES: dict[str, re.Pattern[str]] = {}


def lower_keeping_offsets(page: str) -> str:
    """page.lower() when it keeps every offset (nearly always); else only ASCII letters are lowered."""
    lowered = page.lower()
    if len(lowered) == len(page):
        return lowered
    return page.translate({c: c + 32 for c in range(65, 91)})

