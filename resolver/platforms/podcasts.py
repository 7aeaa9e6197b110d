"""Podcast episodes and shows on Spotify and Apple Podcasts: the tool checks none (no source for them is read), and
says so rather than let an article's episode embed vanish from its output (newuser41a #9). Read here only to be
named: `episodes()` finds them in a page, `is_podcast()` tells a URL given to `fetch`."""

from __future__ import annotations

import html

from resolver.lazy import LazyPattern, lazy_dataclass

# open.spotify.com/episode/<id>, /show/<id>, their players /embed/episode/<id> and /embed-podcast/episode/<id> (the
# older one); podcasts.apple.com/<cc>/podcast/<slug>/id<show>[?i=<episode>] and its player embed.podcasts.apple.com.
SPOTIFY_RE = LazyPattern(r"https?://open\.spotify\.com/(?:intl-[a-z]{2}/)?(?:embed(?:-podcast)?/)?(episode|show)/"
                          r"([A-Za-z0-9]{22})\b[^\s\"'<>]*")
APPLE_RE = LazyPattern(r"https?://(?:embed\.)?podcasts\.apple\.com/(?:[a-z]{2}/)?podcast/(?:[^/\s\"'<>?]+/)?id(\d+)"
                        r"(?:[?&][^\s\"'<>]*)?")
APPLE_EPISODE_RE = LazyPattern(r"[?&](?:amp;)?i=(\d+)")
NOT_SUPPORTED = "podcast episodes (Spotify, Apple Podcasts) are not supported"
# What every URL the patterns read holds: a page holding neither is read no further. Searched for in the scan's needle
# pass where it ran (`extract.html.podcasts_held`): two searches of the string cost a median page 0.13 ms (perf47).
NEEDLES = ("spotify.com", "podcasts.apple.com")


@lazy_dataclass(frozen=True)
class Episode:
    service: str    # "Spotify" | "Apple Podcasts"
    episode: str    # the episode's id, or the show's when the URL names no episode
    url: str        # the first URL of it in the page, as written (entities read)
    show: bool = False   # a show's player, no episode named


def episodes(page: str, held: frozenset[str] | None = None) -> list[Episode]:
    """Each podcast episode a page names, and each show whose player it embeds, once, in the order first named. A link
    to a show's page is neither, as a link to an account's page is no post: a site's footer icons linking to its own
    podcast (review42a: said "2 podcast episodes … not checked" on every article of the site). `held`: which of
    NEEDLES the page holds, when a pass over it found that already; else it is searched here."""
    if not (held if held is not None else any(needle in page for needle in NEEDLES)):   # most pages: no regex run
        return []
    found: dict[tuple[str, str], tuple[int, Episode]] = {}
    for match in SPOTIFY_RE.finditer(page):
        show = match.group(1) == "show"
        if show and "/embed" not in match.group(0):
            continue
        key = ("Spotify", match.group(2))
        found.setdefault(key, (match.start(), Episode(*key, html.unescape(match.group(0)), show)))
    for match in APPLE_RE.finditer(page):
        episode = APPLE_EPISODE_RE.search(match.group(0))
        if episode is None and not match.group(0).split("//", 1)[-1].startswith("embed."):
            continue
        key = ("Apple Podcasts", episode.group(1) if episode else match.group(1))
        found.setdefault(key, (match.start(), Episode(*key, html.unescape(match.group(0)), episode is None)))
    return [episode for _, episode in sorted(found.values(), key=lambda at: at[0])]


def is_podcast(url: str) -> bool:
    """Whether a URL names a Spotify or Apple Podcasts episode or show."""
    return bool(SPOTIFY_RE.fullmatch(url) or APPLE_RE.fullmatch(url))


def not_supported_note(found: list[Episode]) -> str:
    """What a scan and a report say of the podcast episodes a page names."""
    counts: dict[str, int] = {}
    for episode in found:
        counts[episode.service] = counts.get(episode.service, 0) + 1
    each = ", ".join(f"{service} {count}" for service, count in counts.items())
    plural = "s" if len(found) != 1 else ""
    shows = sum(episode.show for episode in found)
    many = (f"podcast show{plural}" if shows == len(found) else f"podcast episode{plural} or show{plural}" if shows
            else f"podcast episode{plural}")
    return (f"{len(found)} {many} ({each}) not checked: podcast episodes are not supported (no source of Spotify or "
            f"Apple Podcasts is read); first {found[0].url}")
