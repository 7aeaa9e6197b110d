"""Per-service rate budgets: token buckets by URL prefix, so a run stays under a service's published limits.

Wayback allows roughly 15 Save Page Now requests and 30 CDX requests a minute per IP and blocks for minutes past
that; these are the defaults, and `[limits]` in the config changes or adds any ("prefix" = requests a minute).
The prefix is matched on the original URL (before any [origins] override), longest first.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping

DEFAULT_LIMITS: dict[str, float] = {
    "https://web.archive.org/save": 15,
    "https://web.archive.org/save/status": 120,   # polling a job is not a capture
    "https://web.archive.org/cdx": 30,
    "https://archive.org/wayback/available": 30,
    "https://web.archive.org/web/": 480,        # 80% of the 600/min memento limit
}


class TokenBucket:
    """`rate` tokens a minute, at most `capacity` saved up; acquire() waits for a token, never spins."""

    def __init__(self, per_minute: float, *, capacity: float | None = None, clock=time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.capacity = capacity if capacity is not None else max(1.0, per_minute / 4)
        self.tokens = self.capacity
        self.clock = clock
        self.updated = clock()
        self._lock = asyncio.Lock()

    def _refill(self) -> None:
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    def wait_time(self) -> float:
        """Seconds until a token is free (0 when one is)."""
        self._refill()
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    async def acquire(self) -> None:
        async with self._lock:
            while (wait := self.wait_time()) > 0:
                await asyncio.sleep(wait)
            self.tokens -= 1


_buckets: dict[tuple[str, float, int], TokenBucket] = {}


def limits_for(settings_limits: Mapping[str, float]) -> dict[str, float]:
    return {**DEFAULT_LIMITS, **settings_limits}


def budget_for(url: str, settings: object) -> TokenBucket | None:
    """The bucket that governs a URL, shared by every request of this process (and event loop) to that prefix."""
    limits = limits_for(getattr(settings, "limits", {}) or {})
    prefix = max((p for p in limits if url.startswith(p)), key=len, default=None)
    if prefix is None or limits[prefix] <= 0:
        return None
    try:
        loop_id = id(asyncio.get_running_loop())
    except RuntimeError:
        loop_id = 0
    key = (prefix, float(limits[prefix]), loop_id)
    if key not in _buckets:
        _buckets[key] = TokenBucket(limits[prefix])
    return _buckets[key]
