"""Sets of source ranges asked "is this position (or range) taken?" in logarithmic time, so a detector checking
each of its hits against everything found before stays linear on a page of a million hits (#12)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable


class Intervals:
    """Half-open ranges [start, end); overlapping ranges are merged as they come."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        merged: list[list[int]] = []
        for start, end in sorted(r for r in ranges if r[1] > r[0]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        for start, end in merged:
            self._starts.append(start)
            self._ends.append(end)

    def __contains__(self, at: int) -> bool:
        """Does a range hold this position?"""
        i = bisect_right(self._starts, at) - 1
        return i >= 0 and at < self._ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Does a range share a position with [start, end)?"""
        i = bisect_left(self._starts, end) - 1
        return i >= 0 and self._ends[i] > start

    def add(self, start: int, end: int) -> None:
        """Add a range that overlaps none already here (checked with `overlaps` first)."""
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)

    def __bool__(self) -> bool:
        return bool(self._starts)
