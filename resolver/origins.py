"""Every origin a run may contact: the services it asks (built from the endpoints the fetchers and the archive code
use, so the list cannot drift from them) and the hosts of the link forms it follows, and what else it may be led to.

Read by `embed-resolver config origins`, by the refusal `[origins] only_configured = true` gives (which service an
unmapped origin is), and by the README's list, which a test holds against this table (newuser31 #5, #11).
"""

from __future__ import annotations

from dataclasses import dataclass

from resolver.settings import origin_of

# Hosts that answer plain http as they answer https, with the same redirect to a link's end: t.co (`curl -I
# http://t.co/d` gave "301 Moved Permanently, location: https://twitter.com/dhelder"; every page before 2014 wrote
# its links http://t.co/…). A mapping of https://t.co serves its http links too (newuser44d #8: they were refused
# under only_configured, the advice naming only https://t.co, or went to the real t.co with https://t.co mapped).
SAME_OVER_HTTP = frozenset({"t.co"})

# tweepy's own host for the X API v2 (BaseClient.request); tests/test_origins.py reads tweepy's source for it.
X_API = "https://api.twitter.com"
PLATFORM_NAMES = {"twitter": "X", "youtube": "YouTube", "vimeo": "Vimeo", "tiktok": "TikTok", "reddit": "Reddit",
                  "bluesky": "Bluesky", "mastodon": "Mastodon", "flickr": "Flickr", "instagram": "Instagram",
                  "facebook": "Facebook", "threads": "Threads", "telegram": "Telegram"}


@dataclass(frozen=True)
class Origin:
    origin: str        # scheme://host, as an [origins] key is written
    kind: str          # "service": asked by the tool itself; "link": a link form the tool follows to its end
    service: str
    used_for: str


@dataclass(frozen=True)
class NotFixed:
    """Hosts no table can name in advance: an [origins] key is needed for each one met, under only_configured."""

    what: str
    why: str


NOT_FIXED = (
    NotFixed("article URLs", "an article given as a URL (scan, report) is fetched from its own host"),
    NotFixed("redirect targets", "each hop of a link is followed to wherever its Location (or page) leads"),
    NotFixed("media URLs", "photos, videos and thumbnails are downloaded from the hosts the answers name "
                           "(pbs.twimg.com, video.twimg.com, i.ytimg.com, …)"),
    NotFixed("credited images", "an image a photo credit names is downloaded to read its IPTC/EXIF"),
    NotFixed("Mastodon instances", "a Mastodon post's oEmbed is asked of its own instance (https://<instance>)"),
)


def table() -> list[Origin]:
    """The services first (X, then the oEmbed providers, then the Internet Archive), then the link hosts; one row per
    origin and kind."""
    from resolver import archive
    from resolver.fetch import atproto, oembed, syndication, telegram
    from resolver.platforms import facebook, tiktok, x

    rows = [Origin(X_API, "service", "X API", "X posts, when an X bearer token is set"),
            Origin(origin_of(syndication.BASE), "service", "X syndication", "X posts (the embed widget's answers)")]
    providers: dict[str, list[str]] = {}
    for provider in oembed.PROVIDERS.values():
        if "{origin}" not in provider.endpoint:   # Mastodon: each post's own instance (NOT_FIXED)
            providers.setdefault(origin_of(provider.endpoint), []).append(PLATFORM_NAMES[provider.platform])
    rows += [Origin(o, "service", f"{' and '.join(names)} oEmbed", "posts of " + " and ".join(names))
             for o, names in providers.items()]
    rows.append(Origin(origin_of(atproto.BASE), "service", "Bluesky AppView",
                       "the account a handle names now, when a post linked by it is not found"))
    rows.append(Origin(origin_of(telegram.BASE), "service", "Telegram widget",
                       "posts of public Telegram channels (the embed widget's page of each)"))
    archived = {origin_of(archive.AVAILABILITY): "Wayback availability lookups",
                origin_of(archive.CDX): "Wayback CDX listings, captures, Save Page Now"}   # SAVE, WEB: here too
    rows += [Origin(o, "service", "Internet Archive", used_for) for o, used_for in archived.items()]
    links = [(f"https://{h}", "X short link") for h in sorted(x.SHORT_HOSTS)] + [
        ("https://pic.twitter.com", "X media link"), ("https://fb.watch", "Facebook short link"),
        (facebook.BASE, "Facebook share link"), ("https://www.instagram.com", "Instagram share link"),
        ("https://www.reddit.com", "Reddit share link")] + [
        (f"https://{h}", "TikTok short link") for h in sorted(tiktok.SHORT_HOSTS)] + [
        ("https://www.tiktok.com", "TikTok short link")]
    # https://t.co serves an old page's http://t.co/… links too (transport.SAME_OVER_HTTP, newuser44d #8)
    rows += [Origin(o, "link", service, "followed hop by hop to the post it leads to"
                    + (" (its http:// links too)" if o.removeprefix("https://") in SAME_OVER_HTTP else ""))
             for o, service in links]
    return rows


def service_of(origin: str) -> str | None:
    """What the table calls an origin ("X media link"), or None for one it does not list."""
    return next((row.service for row in table() if row.origin == origin), None)
