"""URL parsers, one module per platform, registered in one table; nothing here touches the network.

A platform module knows every URL shape of its platform and exposes PLATFORM, DOMAINS (its hosts: a URL on one of
them or on a subdomain goes to it), MARKERS (substrings a page with one of its URLs contains), SOURCE_SHAPES (where
script data keeps its post URLs) and `parse(url) -> PostRef | None`. Adding a platform is one module and one entry
in PLATFORMS. The HTML and text detectors take their host lists and URL patterns from here.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from urllib.parse import unquote, urlsplit
from collections.abc import Sequence
from types import ModuleType

from resolver.lazy import LazyPattern
from resolver.model import PostRef
from resolver.platforms import lookalike
from resolver.platforms import (bluesky, facebook, instagram, mastodon, reddit, telegram, threads, tiktok, urls,
                                vimeo, x, youtube)

# Platforms with hosts of their own. Mastodon has none: it is asked last, for hosts nobody else owns.
PLATFORMS: tuple[ModuleType, ...] = (x, youtube, instagram, facebook, tiktok, reddit, vimeo, telegram, bluesky, threads)
BY_DOMAIN: dict[str, ModuleType] = {domain: module for module in PLATFORMS for domain in module.DOMAINS}

# For the detectors: every platform domain as a regex alternation (longest first), the substrings that make a
# page worth searching, and where script data keeps post URLs (host -> path pieces).
DOMAIN_PATTERN = "|".join(re.escape(d) for d in sorted(BY_DOMAIN, key=lambda d: (-len(d), d)))
PAGE_MARKERS: tuple[str, ...] = tuple(dict.fromkeys(m for module in (*PLATFORMS, mastodon) for m in module.MARKERS))
SOURCE_SHAPES: dict[str, tuple[str, ...]] = {host: shapes for module in PLATFORMS
                                             for host, shapes in module.SOURCE_SHAPES.items()}


def link_doubt(ref: PostRef, url: str) -> str | None:
    """Why a link alone (in prose, an anchor, script data) names `ref` only by a reading, or None: a Mastodon post
    known by its path's shape alone (`mastodon.shape_only`, newuser31b §6). Embed codes are their platform's word."""
    return mastodon.shape_only(url) if ref.platform == mastodon.PLATFORM else None


def platform_of(host: str) -> ModuleType | None:
    """The platform module that owns a host (or the domain it is a subdomain of), or None."""
    domain = urls.domain_of(host.lower().rstrip("."), BY_DOMAIN)
    return BY_DOMAIN[domain] if domain is not None else None


# A Wayback Machine capture link: web.archive.org/web/<timestamp>[<replay flag>]/<the URL captured>, its own scheme
# optional (prose writes it as shown: "web.archive.org/web/2026.../https://t.me/...").
CAPTURE_RE = re.compile(r"(?:(?:https?:)?//)?(?:web\.)?archive\.org/web/(?P<ts>\d{4,14})(?P<flag>[a-z]{2}_)?/"
                        r"(?:(?P<scheme>https?):/{1,2})?(?P<rest>[^/\s]+\.[^/\s]+(?:/.*)?)$", re.IGNORECASE)


def archived_capture(url: str) -> tuple[str, str] | None:
    """(the URL captured, the capture's URL written in full) when `url` is a link to one Wayback Machine capture;
    None for any other URL, a listing ("/web/2026*/...") or a timestamp naming no moment. An article linking a
    capture of a post names that post, and a report says it pointed at a copy of a stated date (#15)."""
    found = CAPTURE_RE.match(url.strip())
    if found is None:
        return None
    stamp = found.group("ts")
    try:
        datetime.strptime(stamp.ljust(14, "0"), "%Y%m%d%H%M%S")
    except ValueError:
        return None
    inner = f"{(found.group('scheme') or 'https').lower()}://{found.group('rest')}"
    return inner, f"https://web.archive.org/web/{stamp}{(found.group('flag') or '').lower()}/{inner}"


# What a link of a kind that is no post names, as a report says it (newuser36 #5: a story, a clip and a live stream
# were dropped without a word; they are embeds of their own kind, with no post id, and no post is looked up for them).
NOT_POSTS: dict[tuple[str, str], str] = {
    (instagram.PLATFORM, "story"): "an Instagram story (a photo or video of the account's, gone from Instagram a day "
                                   "after it was posted: archive it while it lasts)",
    (youtube.PLATFORM, "clip"): "a YouTube clip (a few seconds of a video, cut by a viewer), which names neither "
                                "the video nor its time",
    (tiktok.PLATFORM, "live"): "a TikTok live stream (the account's broadcast, which shows whatever is live when "
                               "it is opened)",
    # feeds: what they show changes after the article was written (fixnu36b's left alone: "the article kept no link")
    (youtube.PLATFORM, "playlist"): "a YouTube playlist (videos someone listed, which shows whatever the list holds "
                                    "when it is opened)",
    (youtube.PLATFORM, "timeline"): "a YouTube channel's uploads (its videos as a list, which shows whatever the "
                                    "channel has posted when it is opened)",
    (mastodon.PLATFORM, mastodon.ACTIVITY): "a Mastodon activity (…/statuses/<id>/activity: the ActivityPub record "
                                            "of a boost by the account the link names, whose post is another "
                                            "account's and is not named by the link, or of that account's own "
                                            "post; the link does not say which)",
    (x.PLATFORM, "timeline"): "an X account's timeline (or one of its lists: whatever was posted there when it is "
                              "opened)",
}
# Those whose page `fetch` asks nothing of: the URL says all there is, and its page names no post (newuser47b #6: it
# asked youtube.com or tiktok.com, then said "it is no post" alone). An X timeline's link keeps its own words (an
# account's page: `cli._account_page`), an Instagram story its own (`cli._no_post_kind`).
ASKED_NOTHING = frozenset({(youtube.PLATFORM, "clip"), (youtube.PLATFORM, "playlist"), (youtube.PLATFORM, "timeline"),
                           (tiktok.PLATFORM, "live")})


# Google's redirect: a Google Docs export wraps every link as google.com/url?q=<the target>&sa=D&source=editors&…, a
# search result as google.com/url?…&url=<the target>&usg=…. The target, decoded, is the link (as Facebook's link
# shim's is): the post it names is the embed, and what is looked up or followed is the target, never google.com.
GOOGLE_HOSTS = frozenset({"google.com"})   # `urls.split` leaves out a leading "www."


def redirect_target(split: urls.SplitURL) -> str | None:
    """The web link a Google redirect (google.com/url?q=… or ?url=…) names, decoded; None for any other URL, or one
    whose target is no web link."""
    if split.host not in GOOGLE_HOSTS or split.parts != ("url",):
        return None
    target = (split.arg("q") or split.arg("url") or "").strip()
    return target if target[:7].lower() == "http://" or target[:8].lower() == "https://" else None


# The outbound-link wrappers of other platforms, by host: (the query word naming the target, the paths it is on):
# Instagram's l.instagram.com/?u=<target>&e=<token>, Reddit's out.reddit.com/t3_<id>?url=<target>&token=<token>,
# Tumblr's t.umblr.com/redirect?z=<target>&t=<token> (newuser46c #1: `resolve` asked the wrapper, not the link),
# YouTube's youtube.com/redirect?q=<target>&redir_token=<token> (a video description's links: fix47c, #13).
OUTBOUND: dict[str, tuple[str, str | None]] = {"l.instagram.com": ("u", None), "out.reddit.com": ("url", "*"),
                                               "t.umblr.com": ("z", "redirect"), "youtube.com": ("q", "redirect"),
                                               "m.youtube.com": ("q", "redirect")}
# Outlook's Safe Links, on a host of its region (eur01., nam12., ...): <region>.safelinks.protection.outlook.com/
# ?url=<target>&data=<the recipient's address and ids>&sdata=<a signature>&reserved=0 (fix47c, #13): a link pasted
# from an e-mail. Its target is the link; the wrapper is never asked, and its data never shown (redact.py).
SAFELINKS_SUFFIX = ".safelinks.protection.outlook.com"
SAFELINKS = ("url", None)
# The wrappers' hosts a link on no platform's host may be on (`extract.html` picks the links to read by their host)
WRAPPER_HOSTS = ("google.com", "t.umblr.com", "safelinks.protection.outlook.com")


def _outbound_target(split: urls.SplitURL) -> str | None:
    """The web link an `OUTBOUND` wrapper names, decoded; None for any other URL, or one naming no web link."""
    word, path = OUTBOUND.get(split.host) or (SAFELINKS if split.host.endswith(SAFELINKS_SUFFIX) else ("", ""))
    # the path: none (None), any one part ("*": out.reddit.com's t3_<id>), or that one part
    fits = not split.parts if path is None else len(split.parts) <= 1 if path == "*" else split.parts == (path,)
    if not word or not fits:
        return None
    target = (split.arg(word) or "").strip()
    return target if target[:7].lower() == "http://" or target[:8].lower() == "https://" else None


def link_target(url: str) -> str:
    """The link a redirect wrapper (Google's redirect, Facebook's link shim, Instagram's, Reddit's, Tumblr's and
    YouTube's outbound links, Outlook's Safe Links) leads to, decoded; any other URL as it is. A post's links are
    reported so: a Google Docs export wrapped each in google.com/url?q= (newuser37b #5)."""
    for _ in range(WRAPPED_DEPTH):   # a wrapper in a wrapper: a link copied from one export into another (review38b)
        low = url[:40].lower()
        if "google." not in low and "facebook." not in low and "l.instagram." not in low and "out.reddit." not in low \
                and "t.umblr." not in low and "safelinks." not in low and "youtube.com/redirect" not in low:
            return url   # none of those hosts: not split (most links)
        split = urls.split(url)
        target = wrapped_target(split) if split is not None else None
        if not target:
            return url
        url = target
    return url


def wrapped_target(split: urls.SplitURL) -> str | None:
    """The web link a redirect wrapper names (one wrapper: `link_target` reads one inside another), decoded; None
    for a URL that is no wrapper, or one naming no web link."""
    if split.host in GOOGLE_HOSTS:
        return redirect_target(split)
    if split.host in OUTBOUND or split.host.endswith(SAFELINKS_SUFFIX):
        return _outbound_target(split)
    return facebook.shim_target(split)


WRAPPED_DEPTH = 8   # wrappers read one inside another, at most (each is shorter than the last: a bound, not a limit)


def parse_url(url: str) -> PostRef | None:
    """What a URL points at (platform, kind, id, canonical URL), or None when no platform claims it. A Wayback
    Machine capture link points at the post captured (`archived_capture`), Facebook's link shim and Google's
    redirect at their target."""
    if not url or len(url) > 4096:
        return None
    url = urls.without_marks(url.strip())   # "t.me/\u200fchannel/1" is t.me/channel/1 (newuser39a #2)
    capture = archived_capture(url)
    url = capture[0] if capture is not None else url
    if url.startswith("at://"):
        return bluesky.parse(url)
    if url[:3].lower() == "tg:":   # Telegram's app link to a post: the post's t.me URL (never asked by tg:)
        return telegram.parse_app_link(url)
    split = urls.split(url)
    if split is None:
        return None
    # Facebook's link shim names the link it leads to (newuser36 #4), Google's redirect too (newuser37b #5), and the
    # other wrappers (fix47c #3: a post linked through l.instagram.com, out.reddit.com, t.umblr.com, YouTube's
    # redirect or Outlook's Safe Links was no embed)
    if (target := wrapped_target(split)) is not None:
        return parse_url(target)
    module = platform_of(split.host)
    if module is None and split.host in GOOGLE_HOSTS:
        return None
    return module.parse(url) if module is not None else mastodon.parse(url)


def post_key(url: str) -> tuple[str, str, str] | None:
    """(platform, kind, id) of what a URL names by an id (a post, a video), the same for every spelling of it: X
    reads a handle in any case, so `twitter.com/rivertonroads/status/<id>` and `x.com/RivertonRoads/status/<id>` have
    one key, where a YouTube video id in another case is another video. None for a URL naming nothing by an id, or a
    capture of one (a copy, not the thing)."""
    ref = parse_url(url) if archived_capture(url) is None else None
    return (ref.platform, ref.kind, ref.post_id) if ref is not None and ref.post_id else None


def parent_of(url: str) -> str | None:
    """The post a comment's URL names it under (canonical URL), or None for a URL naming no comment: where the
    comment is, never what it is (newuser36 #1)."""
    ref = parse_url(url)
    return ref.parent if ref is not None else None


def url_forms(url: str, actors: Sequence[str | None]) -> list[str]:
    """Every URL of the post `url` names that the archive files apart, under each name of its account known
    (`actors`), `url` first: a Bluesky post's page under its DID and under its handle (newuser33 #2). An X post's
    other hosts are listed by its capture lookup (fetch/wayback.py `capture_queries`); other platforms: `url` alone."""
    ref = parse_url(url)
    return bluesky.url_forms(url, actors) if ref is not None and ref.platform == bluesky.PLATFORM else [url]


# How a sentence names an address of each platform ("not an X address"), for `lookalike_link`.
ADDRESS_OF = {x.PLATFORM: "an X", youtube.PLATFORM: "a YouTube", instagram.PLATFORM: "an Instagram",
              facebook.PLATFORM: "a Facebook", tiktok.PLATFORM: "a TikTok", reddit.PLATFORM: "a Reddit",
              vimeo.PLATFORM: "a Vimeo", telegram.PLATFORM: "a Telegram", bluesky.PLATFORM: "a Bluesky",
              threads.PLATFORM: "a Threads", mastodon.PLATFORM: "a Mastodon"}
def comment_said(ref: PostRef) -> str:
    """A comment as `fetch` and the report say it: "a Reddit comment (t1_mq8aa02) under thread 1k4qqq1 in
    r/Marlowcity" (newuser46c #3, #7: "it is no post", or "not looked up" of a share link followed to one)."""
    article = ADDRESS_OF.get(ref.platform, "a")
    said = f"{article} comment" + (f" ({ref.post_id})" if ref.post_id else "")
    thread = parse_url(ref.parent) if ref.parent else None
    if thread is not None and thread.post_id:
        said += f" under {'thread' if ref.platform == reddit.PLATFORM else 'post'} {thread.post_id}"
    elif ref.parent:
        said += f" under {ref.parent}"
    if ref.platform == reddit.PLATFORM and reddit.subreddit(ref.url) and (split := urls.split(ref.url)) is not None:
        said += f" in r/{split.parts[1]}"   # as written: the subreddit's own case
    return said


# What a post's id is called on a platform, where a look-alike letter in it is said (fixleft42a: "names the account
# Cаbcdef" of an Instagram shortcode named an account no link names); "post id" elsewhere.
ID_WORD = {instagram.PLATFORM: "shortcode", youtube.PLATFORM: "video id"}
# A name in a link's path that is no account's, by the part before it: a subreddit, a Facebook group.
NAME_WORD = {(reddit.PLATFORM, "r"): ("subreddit", "r/"), (facebook.PLATFORM, "groups"): ("group", "")}


def beyond_ascii(url: str) -> bool:
    """Whether a URL holds letters beyond ASCII, written or escaped ("@G%D0%B0rgron", as a browser's copy of a link
    escapes "@Gаrgron"): the links `lookalike_link` reads. Most hold none: one scan of the string."""
    return not url.isascii() or "%" in url and not unquote(url).isascii() or "xn--" in url or "XN--" in url


def _idna_shown(url: str) -> tuple[str, str, str] | None:
    """(the URL with its host as a browser shows it, the host as written, as shown) for a host written in IDNA's ASCII
    form ("xn--twtter-qvf.com", as a browser copies "twіtter.com" with a Cyrillic і); None for any other, or one that
    decodes to nothing valid."""
    try:
        split = urlsplit(url.strip() if "://" in url else "https://" + url.strip())
        host = (split.hostname or "").rstrip(".")
        shown = ".".join(label.encode("ascii").decode("idna") if label.casefold().startswith("xn--") else label
                         for label in host.split("."))
    except (ValueError, UnicodeError):
        return None
    at = url.casefold().find(host.casefold())
    return (url[:at] + shown + url[at + len(host):], url[at:at + len(host)], shown) if shown != host and at >= 0 \
        else None


def lookalike_link(url: str) -> tuple[str, str, bool] | None:
    """(platform, why in words, whether the post it names is still read by its id) of a link written to pass for a
    platform's post link and not one, or None. Either its host is made to look like the platform's (letters of other
    scripts in place of some of its own, "t.mе", "twіtter.com"; and X's and Bluesky's other disguises, `x.lookalike`),
    or, on the platform's own host, the account it names is written with such letters ("t.me/wаrmonitor/1",
    "twitter.com/MoInfo_Gаza/status/N"): no account is spelt so, and the link passes for the real account's post. Such
    links vanished from reports with no word (newuser39a #6): a deceptive link is a finding. An X status link keeps its
    id, as a TikTok video link does (each shows the post by its id, whatever account the link names); any other names
    no post. Only the link is read:
    nothing on its host is ever asked. A link escaped is read as its letters (`beyond_ascii`)."""
    if url.isascii() and "%" in url and not (shown := unquote(url)).isascii():
        url = shown   # a browser's copy of "t.me/wаrmonitor/1": "t.me/w%D0%B0rmonitor/1" (fixleft42a)
    if url.isascii() and ("xn--" in url or "XN--" in url) and (idna := _idna_shown(url)) is not None:
        # a browser's copy of "twіtter.com/…" (a host mixing scripts is shown and copied in IDNA's ASCII form): said
        # as the host it shows, named as written (review43b: no embed, no word)
        said = lookalike_link(idna[0])
        if said is not None:
            return said[0], said[1].replace(f"goes to {idna[2]} (", f"goes to {idna[1]}, shown as {idna[2]} (", 1), \
                said[2]
    if url.isascii():
        if "status" not in url and "/i/" not in url and "/post/" not in url:
            return None   # no post path of X's (`x._status_path`) or Bluesky's: most links, asked nothing more
        why = x.lookalike(url) or bluesky.lookalike(url)
        if why is None:
            return None
        return (x.PLATFORM if why.endswith("not an X address") else bluesky.PLATFORM), why, False
    try:
        split = urlsplit(url.strip() if "://" in url else "https://" + url.strip())
        host = (split.hostname or "").rstrip(".")
    except ValueError:
        return None
    digits = in_other_digits(url)
    if digits is not None:   # "t.me/ostannews/۴۵۲۱": said, never read as post 4521 (newuser43a #5)
        named, written, names, _ = digits
        word, plain = ID_WORD.get(named.platform, "post id"), _ascii_digits(written)
        return named.platform, (f"its link names the post by the {word} {written} in {names} digits, which reads "
                                f"{plain} in ASCII digits: no {ADDRESS_OF[named.platform].split(' ', 1)[1]} link "
                                f"writes an id so, and it names no post; not read as {plain}"), False
    seen = lookalike.as_seen(url)
    if not seen.isascii() or seen == url:
        return None   # letters of another script that look like no Latin one: another name, not a disguise
    ref = parse_url(seen)
    if ref is None or not ref.post_id or not is_embed(ref) or ref.platform not in ADDRESS_OF:
        return None
    module = platform_of(host)
    if module is None and ref.platform == mastodon.PLATFORM and not host.isascii():   # any host may be an instance
        why = lookalike.letters_named(host, lookalike.as_seen(host))
        return ref.platform, f"its link goes to {host} ({why}): not the Mastodon instance {lookalike.as_seen(host)}", False
    if module is None and ref.platform != mastodon.PLATFORM:   # the host itself: "t.mе" is not t.me
        why = lookalike.letters_named(host, lookalike.as_seen(host))
        return ref.platform, f"its link goes to {host} ({why}): not {ADDRESS_OF[ref.platform]} address", False
    return _lookalike_in_path(url, split.path, ref)


def _ascii_digits(text: str) -> str:
    """`text` with every decimal digit of another script (Arabic-Indic, Persian, Devanagari...) as its ASCII digit."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in text)


_DIGITS_RE = LazyPattern(r"\d+")   # any script's (Python's \d)


def in_other_digits(url: str) -> tuple[PostRef, str, str, str] | None:
    """(the post a link would name with its digits read as ASCII ones, the id as the link writes it, the digits'
    script as Unicode names them, the link in ASCII digits) of a post link whose id is written in another script's
    digits ("t.me/ostannews/۴۵۲۱", "x.com/h/status/١٥٦٩…"), or None. No platform's link writes an id so: the link names
    no post, and the post the digits would name is never taken for it (newuser43a #5: such links vanished unsaid)."""
    if url.isascii() or not any(c.isdecimal() and not c.isascii() for c in url):
        return None
    plain = _ascii_digits(url)
    ref = parse_url(plain if "://" in plain else "https://" + plain.strip())
    if ref is None or not ref.post_id or not is_embed(ref) or ref.platform not in ADDRESS_OF:
        return None
    as_written = parse_url(url if "://" in url else "https://" + url.strip())
    if as_written is not None and as_written.post_id == ref.post_id:
        return None   # the id is in ASCII digits, the others elsewhere: a Reddit post's title, "t=٤٥" (review44b)
    written = next((m.group() for m in _DIGITS_RE.finditer(url) if not m.group().isascii()), "")
    names = " and ".join(dict.fromkeys(unicodedata.name(c, "").rsplit(" DIGIT ", 1)[0]
                                       for c in written if not c.isascii()))
    return ref, written, names, plain


def lookalike_account(platform: str, account: str) -> str | None:
    """Why an account an embed code shows with letters of another script in place of Latin ones ("@jаy.bsky.team")
    is no account of `platform`'s, in words; None for a name all in Latin letters or all in another script."""
    seen = lookalike.as_seen(account)
    if account.isascii() or not seen.isascii() or not any(c.isascii() and c.isalpha() for c in account):
        return None
    return (f"its embed code shows the account @{account} ({lookalike.letters_named(account, seen)}), which passes "
            f"for @{seen}: no {ADDRESS_OF[platform].split(' ', 1)[1]} account is spelt so; the post is read by its id, "
            f"not as {seen}'s")


def _lookalike_in_path(url: str, path: str, ref: PostRef) -> tuple[str, str, bool] | None:
    """`lookalike_link` of a link on the platform's own host whose path holds look-alike letters: what the part so
    written is, said for what it is: the post's id ("its link names the post by the shortcode Cаbcdef": no id holds
    such a letter, and no account is named), a subreddit or group, or an account; None when it is words after the id
    (a Reddit link's title, which names nothing: Reddit shows the post by its id)."""
    named = lookalike.letters_named(path, lookalike.as_seen(path))
    if not named:
        return None
    parts = path.split("/")
    at = next((i for i, part in enumerate(parts) if not part.isascii()), 0)
    written = parts[at].removeprefix("@")
    if not any(c.isascii() and c.isalpha() for c in written):
        return None   # a name all in another script ("Москва"): a name of its own, not one made to pass for another
    real = lookalike.as_seen(written)
    platform_name = ADDRESS_OF[ref.platform].split(" ", 1)[1]
    key = ref.post_id or ""
    for i, part in enumerate(parts):
        if part and (key == part or key.endswith("/" + part)) and i < at:
            return None   # words after the post's id ("/comments/abc123/<title>"): no name
    if key and lookalike.as_seen(parts[at]) in (key, key.rpartition("/")[2]):
        word = ID_WORD.get(ref.platform, "post id")
        return ref.platform, (f"its link names the post by the {word} {written} ({named}), which passes for {real}: "
                              f"no {platform_name} {word} holds such a letter"), False
    kind, prefix = NAME_WORD.get((ref.platform, parts[at - 1] if at else ""), ("account", ""))
    # X, TikTok, Facebook and Instagram show a post by its id, whatever account the link names; Mastodon serves
    # /@user/<id> only under the post's own account, so the link names no post of the real one
    again = parse_url(url)
    keeps = again is not None and again.post_id == ref.post_id and ref.platform != mastodon.PLATFORM
    spelt = "no subreddit" if kind == "subreddit" else f"no {platform_name} {kind}"
    return ref.platform, (f"its link names the {kind} {prefix}{written} ({named}), which passes for {prefix}{real}: "
                          f"{spelt} is spelt so"
                          + ("; the post is read by its id, not as " + real + "'s" if keeps else "")), keeps


def private_link(url: str) -> str | None:
    """What a link the tool knows only members can open names ("a private Telegram channel's post"), or None: such a
    link is never submitted to a public archive (newuser39a #11)."""
    ref = parse_url(url) if archived_capture(url) is None else None
    if ref is not None and ref.platform == telegram.PLATFORM and telegram.is_private(ref):
        return "a private Telegram channel's " + ("comment" if ref.kind == "comment" else "post")
    return None


def is_embed(ref: PostRef) -> bool:
    """Whether a detector reports a URL as an embed. Not a profile or an event page (a link to "the event" is no
    embedded post); a short link only when its platform's short links lead to its own posts (vm.tiktok.com,
    fb.watch, instagram.com/share/...): X wraps every link in t.co, so a bare t.co link names no post (#15)."""
    return ref.kind not in ("profile", "event") and not (ref.kind == "short-link" and ref.platform == x.PLATFORM)


__all__ = ["ADDRESS_OF", "ASKED_NOTHING", "beyond_ascii", "in_other_digits", "lookalike_account", "lookalike_link", "private_link", "BY_DOMAIN", "NOT_POSTS", "archived_capture", "link_doubt", "DOMAIN_PATTERN", "PAGE_MARKERS", "PLATFORMS",
           "SOURCE_SHAPES", "WRAPPER_HOSTS", "comment_said", "wrapped_target", "is_embed", "link_target", "parent_of", "parse_url", "post_key", "url_forms",
           "platform_of", "bluesky", "facebook", "instagram", "mastodon", "reddit", "telegram", "threads", "tiktok",
           "vimeo", "x", "youtube"]
