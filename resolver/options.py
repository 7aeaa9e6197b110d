"""What a run asks of the fetching and archiving steps: plain dataclasses in a module that imports nothing heavy,
so a plain `scan` (which fetches and archives nothing) can name them without loading the HTTP stack (#14)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FetchOptions:
    all_methods: bool = False        # ask every method, not only until one answers
    media: bool = True               # download and analyse photos, posters and thumbnails
    download_video: bool = False
    keep_media_dir: Path | None = None
    archived: bool = True            # read the archived copies of posts the live sources cannot show (#9)
    cached: bool = True              # answer from the cache within the TTL; `archive` asks the sources, so its
    #                                  WARC holds every answer a replay of `fetch` needs (#9 §6): False takes only
    #                                  what this run asked (newuser35 F7: each article asked its posts again)


@dataclass(frozen=True)
class ArchiveOptions:
    save: bool = False
    max_age_days: float = 30.0
    near: str | None = None           # YYYYMMDD: prefer the snapshot closest to this day
    poll_every: float = 2.0
    live_copy: bool = True            # also fetch each URL itself (into the WARC, when one is open)
