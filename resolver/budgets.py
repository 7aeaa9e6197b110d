"""Per-service rate budgets: token buckets by URL prefix, so a run stays under a service's published limits.

Wayback allows roughly 15 Save Page Now requests and 30 CDX requests a minute per IP and blocks for minutes past
that; these are the defaults, and `[limits]` in the config changes or adds any ("prefix" = requests a minute).
The prefix is matched on the original URL (before any [origins] override), longest first.

There is no module-level state: one `Budgets` object belongs to one run (resolver.session.Session), so every
article of a run draws on the same buckets.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import asyncio

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


async def _sleep(seconds: float) -> None:
    """asyncio.sleep, asyncio imported when a bucket first waits (a plain scan loads no event loop, #14)."""
    import asyncio

    await asyncio.sleep(seconds)

DEFAULT_LIMITS: dict[str, float] = {
    "https://web.archive.org/save": 15,
    "https://web.archive.org/save/status": 120,   # polling a job is not a capture
    "https://web.archive.org/cdx": 30,
    "https://archive.org/wayback/available": 30,
    "https://web.archive.org/web/": 480,        # 80% of the 600/min memento limit
    "https://t.me/": 30,   # Telegram publishes no limit for its public pages: one request every 2 s, as a reader would
    # Meta's oEmbed without a token: 1,000 requests an endpoint an hour (its oembed-post reference); a token raises it
    # to 5 million a day, which [limits] "<endpoint>" = 0 lets a run use (newuser41a #4)
    "https://graph.facebook.com/v16.0/instagram_oembed": 16,
    "https://graph.facebook.com/v16.0/oembed_post": 16,
    "https://graph.facebook.com/v16.0/oembed_video": 16,
    "https://graph.threads.net/v1.0/oembed": 16,
}


class TokenBucket:
    """`rate` tokens a minute, at most `capacity` saved up; acquire() waits for a token, never spins."""

    def __init__(self, per_minute: float, *, capacity: float | None = None, clock: Clock = time.monotonic,
                 sleep: Sleep = _sleep) -> None:
        self.rate = per_minute / 60.0
        self.capacity = capacity if capacity is not None else max(1.0, per_minute / 4)
        self.tokens = self.capacity
        self.clock = clock
        self.sleep = sleep
        self.updated = clock()
        self._lock: asyncio.Lock | None = None   # made in the event loop that first waits

    def _refill(self) -> None:
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    def wait_time(self) -> float:
        """Seconds until a token is free (0 when one is)."""
        self._refill()
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    async def acquire(self) -> None:
        if self._lock is None:
            import asyncio

            self._lock = asyncio.Lock()
        async with self._lock:
            while (wait := self.wait_time()) > 0:
                await self.sleep(wait)
            self.tokens -= 1


class Budgets:
    """The token buckets of one run, one per limited URL prefix, made on first use.

    `clock` and `sleep` are seams: a test passes a fake clock whose sleep advances it, and sees who waited."""

    def __init__(self, limits: Mapping[str, float] | None = None, *, clock: Clock = time.monotonic,
                 sleep: Sleep = _sleep) -> None:
        self.limits = {**DEFAULT_LIMITS, **(limits or {})}
        self.clock, self.sleep = clock, sleep
        self._buckets: dict[str, TokenBucket] = {}

    def bucket_for(self, url: str) -> TokenBucket | None:
        """The bucket that governs a URL (the longest matching prefix), or None when no limit applies."""
        prefix = max((p for p in self.limits if url.startswith(p)), key=len, default=None)
        if prefix is None or self.limits[prefix] <= 0:
            return None
        if prefix not in self._buckets:
            self._buckets[prefix] = TokenBucket(self.limits[prefix], clock=self.clock, sleep=self.sleep)
        return self._buckets[prefix]

    async def acquire(self, url: str) -> None:
        """Wait for a token of the URL's bucket, if it has one."""
        bucket = self.bucket_for(url)
        if bucket is not None:
            await bucket.acquire()

    def wait_time(self, url: str) -> float:
        """Seconds a request to this URL would wait now for its budget (0 when it would not)."""
        bucket = self.bucket_for(url)
        return bucket.wait_time() if bucket is not None else 0.0
