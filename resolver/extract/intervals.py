"""Sets of source ranges asked "is this position (or range) taken?" in logarithmic time, so a detector checking
each of its hits against everything found before stays linear on a page of a million hits (#12)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class Intervals:
    """Half-open ranges [start, end); overlapping and touching ranges are merged."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self.extend(ranges)

    def extend(self, ranges: Iterable[tuple[int, int]]) -> None:
        """Add ranges (a batch at a time: each batch costs one sort, however many come)."""
        added = [r for r in ranges if r[1] > r[0]]
        if not added:
            return   # credit patterns add a batch per form, most of them empty (#14)
        merged: list[list[int]] = []
        for start, end in sorted([*zip(self._starts, self._ends), *added]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [r[0] for r in merged]
        self._ends = [r[1] for r in merged]

    def __contains__(self, at: int) -> bool:
        """Does a range hold this position?"""
        i = bisect_right(self._starts, at) - 1
        return i >= 0 and at < self._ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Does a range share a position with [start, end)?"""
        i = bisect_left(self._starts, end) - 1
        return i >= 0 and self._ends[i] > start

    def __bool__(self) -> bool:
        return bool(self._starts)
