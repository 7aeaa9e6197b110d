"""Mastodon posts on any instance. Mastodon has no fixed host, so the path shape decides: the registry asks this
parser last, for hosts no other platform owns."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from resolver.lazy import LazyPattern
from resolver.model import PostRef
from resolver.platforms import urls

PLATFORM = "mastodon"
SNOWFLAKES_FROM = datetime(2017, 1, 1, tzinfo=timezone.utc)   # ids made before are counted, not timed
MARKERS = ("mastodon",)
# A link host in markup that may be an instance: any domain, and the port an instance may serve on, followed by /@
# or /users/ (HTML detector's href pattern; a port's posts were missed, urlforms31).
PORT_PATTERN = r"(?::[0-9]{1,5}+)?"
HOST_PATTERN = rf"[a-z0-9-]+\.[a-z]{{2,}}+{PORT_PATTERN}(?=/@|/users/|/web/(?:@|statuses/))"   # /web/: the old web UI
# A page naming no platform may still hold a post of an instance named anything: its path is the marker (#11).
# Loose (the parser decides), and searched only on pages with no other marker.
MARKER_RE = LazyPattern(r"/(?:@[\w.-]+(?:@[\w.-]+)?|users/[\w.-]+/statuses|web/statuses)/\d{15,19}(?!\d)")

# Status ids are snowflakes, 15 to 19 digits, since Mastodon 2.0 (2017); so strict because any site may use
# /@name/<number> paths (#11). The short sequential ids before them are taken only on a host named for Mastodon.
# Neither starts with 0: "0109..." would be a second post 109... (#15).
STATUS_ID = LazyPattern(r"^[1-9][0-9]{14,18}$")
LEGACY_STATUS_ID = LazyPattern(r"^[1-9][0-9]{5,18}$")
# An account of another instance as its reader's instance shows it: user@domain.
REMOTE_USER = LazyPattern(r"^([\w.-]+)@((?:[a-z0-9-]+\.)+[a-z0-9-]{2,})$", re.IGNORECASE)
# An instance has a domain name (its accounts are user@domain), whose last label is a top-level domain, never a
# number: "127.0.0.1", "127.1" and "0x7f.1" are addresses, which name no instance (#15).
TOP_LABEL = LazyPattern(r"^[a-z][a-z0-9-]*$")
# Sites that use /@user/<number> paths for something else; and hosts whose user@host is no fediverse account: the
# largest mail services' (an e-mail address written "@jane@gmail.com") and Bluesky's ("@jane@bsky.social" is a
# Bluesky handle written as a fediverse one), which a scraped signature made Mastodon posts on (review34r3).
NOT_INSTANCES = frozenset({"tiktok.com", "threads.net", "threads.com", "medium.com",
                           "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com",
                           "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net",
                           "web.de", "mail.ru", "yandex.ru", "qq.com", "163.com", "bsky.social", "bsky.app"})
# A few of the largest general instances, which a link alone names as Mastodon's (`shape_only`). Any other host's
# /@name/<number> may be a post or a site's own page (newuser31b §6): the link says which it is only with a second
# sign, or with its doubt said. A short list on purpose: one that ages only leaves a post's doubt said.
KNOWN_INSTANCES = frozenset({"mastodon.social", "mastodon.online", "mastodon.world", "mstdn.social", "mas.to",
                             "hachyderm.io", "fosstodon.org", "infosec.exchange", "journa.host", "newsie.social",
                             "mastodon.cloud", "mstdn.jp", "chaos.social", "universeodon.com", "techhub.social"})
SHAPE_ONLY = ("a Mastodon post by its path's shape alone (/@name/<number>) on a host not known as an instance: it may "
              "be the site's own page")


# What may follow a post's id in a link to it: nothing, its embed page, the web app's pages of its boosts, favourites
# and (Mastodon 4.5) quotes (about the post, which they show). Mastodon's routes serve no other: anything else named no
# post of the account and was read as its post (newuser40a #2); a link to the quotes page was dropped (review41a).
WEB_PAGES = frozenset({(), ("embed",), ("reblogs",), ("favourites",), ("quotes",)})
# `/users/<user>/statuses/<id>/activity`: the ActivityPub activity of a status, an Announce when the status is a
# boost (its post another account's, which the link does not name), a Create when it is the account's own post. The
# link does not say which: an embed of its own kind, no post (`platforms.NOT_POSTS`).
ACTIVITY = "activity"


def handle(user: str, host: str) -> str | None:
    """The one form of a Mastodon handle, `user@domain`: a bare user is qualified with the host that showed it (the
    same name on two instances is two accounts), an account of another instance (`user@other.instance`) keeps its
    own domain. The URL parser and the oEmbed reader both write it, so the author check compares like with like
    (newuser29 §1: "stormchaser@mastodon.social" against "stormchaser" failed every fetched post). None when `user`
    is no user."""
    if "@" in user:
        remote = REMOTE_USER.match(user)
        return f"{remote.group(1)}@{remote.group(2).lower()}" if remote else None
    return f"{user}@{host}" if user else None


def profile_url(account: str) -> str | None:
    """An account's page on its own instance, https://<instance>/@user, for a handle `user@instance` (a scraped
    signature's "(@jane@hachyderm.io)"); None when `account` names no instance (a host of NOT_INSTANCES: Threads'
    fediverse handles are "@jane@threads.net"; an address, "jane@127.0.0.12", as `parse` holds: review34r3)."""
    remote = REMOTE_USER.match(account)
    host = remote.group(2).lower() if remote else ""
    if remote is None or host in NOT_INSTANCES or not TOP_LABEL.match(host.rpartition(".")[2]):
        return None
    return f"https://{host}/@{remote.group(1)}"


def account_handle(url: str) -> str | None:
    """The handle of an account URL, https://<instance>/@user (or /@user@other.instance, /users/user), as an
    oEmbed answer's `author_url` gives it; None for any other URL."""
    split = urls.split(url)
    if split is None or not split.parts or "." not in split.host:
        return None
    parts = split.parts
    if parts[0].startswith("@") and len(parts) == 1:
        return handle(parts[0][1:], split.host)
    if parts[0] == "users" and len(parts) == 2:
        return handle(parts[1], split.host)
    return None


def shape_only(url: str) -> str | None:
    """Why a link the parser reads as a Mastodon post may be none (SHAPE_ONLY), or None when a second sign says it
    is: a host named for Mastodon or one of KNOWN_INSTANCES, an account of another instance in the path
    (/@user@other.instance/, Mastodon's own form), ActivityPub's /users/<user>/statuses/ path, or the embed's URL
    (<post>/embed). The embed code itself (an iframe, blockquote.mastodon-embed) is the instance's word: its
    detectors do not ask."""
    split = urls.split(url)
    if split is None or not split.parts:
        return None
    host, parts = split.host, split.parts[1:] if split.parts[:1] == ("web",) else split.parts
    if not parts:
        return None
    if "mastodon" in host or "mstdn" in host or host in KNOWN_INSTANCES or parts[0] == "users" \
            or "@" in parts[0][1:] or parts[2:3] == ("embed",):
        return None
    return SHAPE_ONLY


def parse(url: str) -> PostRef | None:
    """https://<instance>/@user/<id>[/embed] (or a WEB_PAGES page of it), /@user@other.instance/<id> and
    /users/<user>/statuses/<id>; the old web UI's /web/@user/<id> and /web/statuses/<id> (which names no account), still in many articles (newuser36
    #4: dropped); the numeric id must look like a Mastodon id. The post id is `<instance>/<id>`: an instance numbers
    its own statuses, so the number alone made two instances' posts one (#15)."""
    split = urls.split(url)
    if split is None or split.host in NOT_INSTANCES or not TOP_LABEL.match(split.host.rpartition(".")[2]) \
            or "." not in split.host:
        return None
    web = split.parts[:1] == ("web",)
    parts = split.parts[1:] if web else split.parts
    # A non-default port is part of where the post is (its oEmbed is asked there); the handle is user@domain.
    host = split.host if split.port in (None, 80, 443) else f"{split.host}:{split.port}"
    domain = split.host
    status_id = LEGACY_STATUS_ID if "mastodon" in host else STATUS_ID
    if len(parts) >= 2 and parts[0].startswith("@") and status_id.match(parts[1]) and parts[2:] in WEB_PAGES:
        user = parts[0][1:]
        author = handle(user, domain)
        # The URL stays this instance's, a remote user's too: the id is its own, not the other instance's.
        return PostRef(PLATFORM, "post", f"https://{host}/@{user}/{parts[1]}", f"{host}/{parts[1]}",
                       author) if author else None
    if len(parts) >= 4 and parts[0] == "users" and parts[2] == "statuses" and status_id.match(parts[3]) \
            and parts[4:] == ("activity",) and not web:
        # an ActivityPub activity: a boost (Announce) of a post of any account, or a post's Create: not known which,
        # so no post, and none of the link's account (newuser40a #2)
        return PostRef(PLATFORM, ACTIVITY, f"https://{host}/users/{parts[1]}/statuses/{parts[3]}/activity") \
            if handle(parts[1], domain) else None
    if len(parts) >= 4 and parts[0] == "users" and parts[2] == "statuses" and status_id.match(parts[3]) \
            and parts[4:] in ((), ("embed",)):
        author = handle(parts[1], domain)
        return PostRef(PLATFORM, "post", f"https://{host}/@{parts[1]}/{parts[3]}", f"{host}/{parts[3]}",
                       author) if author else None
    if web and len(parts) == 2 and parts[0] == "statuses" and status_id.match(parts[1]):
        return PostRef(PLATFORM, "post", f"https://{host}/web/statuses/{parts[1]}", f"{host}/{parts[1]}")
    return None


def id_time(post_id: str) -> datetime | None:
    """When a post's id says it was made (UTC): Mastodon's ids are its time in milliseconds shifted 16 bits (a
    snowflake); None for an id that is no number or made before them (pre-2017 ids count up). `post_id` is the id or
    "<instance>/<id>"."""
    key = post_id.rpartition("/")[2]
    if not key.isascii() or not key.isdigit() or len(key) > 19:
        return None
    made = datetime.fromtimestamp((int(key) >> 16) / 1000, tz=timezone.utc)
    return made if made >= SNOWFLAKES_FROM else None
