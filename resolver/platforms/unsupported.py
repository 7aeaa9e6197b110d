"""Posts and videos of platforms the tool reads no source of (VK, Rutube, OK), and Telegram's invite links (a link to
join a chat, no post): named so that an article's VK widget or Rutube player does not vanish from its output while
its Spotify player is said not supported (newuser44a #3). Read here only to be named, never fetched: `found()` finds
them in a page, `why_not(url)` says why `fetch` asks nothing of one.

The forms: VK's post widget, `VK.Widgets.Post("<element>", <owner_id>, <post_id>, '<hash>')` (its openapi.js) and
AMP's `<amp-vk data-embedtype="post" data-owner-id data-post-id>`; a VK post's page `vk.com/wall<owner>_<post>` (a
community's owner id is negative); VK's video player `vk.com/video_ext.php?oid=<owner>&id=<video>` and a video's page
`vk.com/video<owner>_<video>` (also on vkvideo.ru); Rutube's player `rutube.ru/play/embed/<32 hex>` and a video's page
`rutube.ru/video/<32 hex>/`; OK's player `ok.ru/videoembed/<n>` and a video's page `ok.ru/video/<n>`; Telegram's
invite links `t.me/+<hash>` and `t.me/joinchat/<hash>` (telegram.me too).

Also the services of an older web (newuser44d #2, #5): Tumblr's posts (its embed `<div class="tumblr-post"
data-href="https://embed.tumblr.com/embed/post/<key>/<id>">`, a post's page `<blog>.tumblr.com/post/<id>` or
`www.tumblr.com/<blog>/<id>`) and Flickr's photos where a page embeds one (`<a data-flickr-embed="true"
href="https://www.flickr.com/photos/<user>/<id>/…">`, embedr's code; a link to a photo in a credit is the credit's
source, no embed), which live on and are not read; and three closed ones, whose hosts are asked nothing: Storify
(closed on 16 May 2018; its embed `<iframe src="//storify.com/<user>/<story>/embed">` or `<script
src="//storify.com/<user>/<story>.js">`), Vine (its app closed on 17 January 2017 and vine.co became a read-only
archive; a post's page `vine.co/v/<id>`, its embed `…/embed/simple` or `/embed/postcard`, AMP's `<amp-vine
data-vineid>`) and Google+ (closed to consumers on 2 April 2019; a post's page `plus.google.com/<user>/posts/<id>`,
its embed `<div class="g-post" data-href>`).

Also Twitch's clips and past broadcasts (newuser47b #1), which a video desk embeds beside YouTube's: a clip's player
`clips.twitch.tv/embed?clip=<slug>&parent=<host>` and its pages `clips.twitch.tv/<slug>` and
`www.twitch.tv/<channel>/clip/<slug>` (m. too); a video's player `player.twitch.tv/?video=v<id>&parent=<host>` and its
page `www.twitch.tv/videos/<id>`. A channel's page and its live player (`?channel=`) name no clip or video.

Also Weibo's posts (late47c): a post's page `weibo.com/<uid>/<mid>` (www. too; its mid, 9 characters in base 62, is
its id written otherwise: `weibo_id`), `weibo.com/detail/<id>` (16 digits), `m.weibo.cn/status/<id or mid>` and
`m.weibo.cn/detail/<id or mid>`; a `widget.weibo.com/…` iframe only where its query names such a page (percent-encoded
or not): its list, profile and follow widgets name a user, no post. A user's page, `weibo.com/u/<uid>`, and a share
button's `service.weibo.com/share/…` name none.

And Naver Blog's posts (late47c): a post's page `blog.naver.com/<blog id>/<logNo>` (m. too; logNo 12 digits) and the
`PostView.naver?blogId=<id>&logNo=<n>` (`.nhn`) a blog's frame loads; a blog's home, its list of posts
(`PostList.naver`) and Naver's share button name none.

And LINE VOOM's posts (fix48a), LINE's timeline renamed in 2021: a post's page `linevoom.line.me/post/<post id>` or
`linevoom.line.me/post/<home id>/<post id>` (`timeline.line.me/post/<home id>/<post id>` before the rename; a post's
id 16 to 20 digits, 19 in every one seen) and LINE's URL scheme for an official account's post,
`line.me/R/home/public/post?id=<LINE ID>&postId=<post id>` (its developer docs). A user's page (`/user/…`), an
account's VOOM (`home/public/main`), an add-friend link (`R/ti/p/`) and LINE's share button name none."""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterator, Mapping, Sequence

from resolver.lazy import LazyPattern, lazy_dataclass

_HOST = r"https?://(?:(?:www|m)\.)?"
VK_WALL_RE = LazyPattern(_HOST + r"vk\.com/(?:[^\s\"'<>?#]*\?(?:[^\s\"'<>#]*&(?:amp;)?)?w=)?wall(-?\d{1,12})_(\d{1,12})"
                        r"\b[^\s\"'<>]*")
VK_VIDEO_RE = LazyPattern(_HOST + r"(?:vk\.com|vkvideo\.ru)/(?:video|clip)(-?\d{1,12})_(\d{1,12})\b[^\s\"'<>]*")
VK_PLAYER_RE = LazyPattern(_HOST + r"(?:vk\.com|vkvideo\.ru)/video_ext\.php\?[^\s\"'<>]*")
VK_PLAYER_ARG_RE = LazyPattern(r"[?&](?:amp;)?(oid|id)=(-?\d{1,12})\b")
VK_WIDGET_RE = LazyPattern(r"VK\.Widgets\.Post\(\s*[\"'][^\"']*[\"']\s*,\s*(-?\d{1,12})\s*,\s*(\d{1,12})")
AMP_VK_RE = LazyPattern(r"<amp-vk\b[^>]*>", re.IGNORECASE)
AMP_VK_ARG_RE = LazyPattern(r"""\bdata-(embedtype|owner-id|post-id)\s*=\s*["']?(-?[\w]+)""", re.IGNORECASE)
RUTUBE_RE = LazyPattern(_HOST + r"rutube\.ru/(?:play/embed|video|shorts)/([0-9a-f]{32})\b[^\s\"'<>]*")
OK_RE = LazyPattern(_HOST + r"ok\.ru/(?:video|videoembed|live)/(\d{1,20})\b[^\s\"'<>]*")
# An invite's hash has letters; t.me/+<digits> is a phone number's link, no invite.
INVITE_RE = LazyPattern(r"https?://(?:t\.me|telegram\.me|telegram\.dog)/(?:\+|joinchat/)"
                       r"((?=[A-Za-z0-9_-]*[A-Za-z_-])[A-Za-z0-9_-]{6,64})\b[^\s\"'<>]*", re.IGNORECASE)
# Each begins with its host's name, a literal the regex engine finds fast (a leading "(?:https?:)?//" made it try
# every place of a page: each pattern cost a fifth of a median page's scan, #14); `_written` reads the scheme and
# any subdomain before it: relative to the page's scheme ("//storify.com/…") as the old embed codes wrote them.
_TAIL = r"\b[^\s\"'<>\\]*"
STORIFY_RE = LazyPattern(r"storify\.com/(?!(?:about|api|blog|faq|help|login|privacy|search|signup|tos)/)"
                         r"([A-Za-z0-9_.-]{1,40})/([A-Za-z0-9_-]{1,160}?)(?:\.js|/embed)?(?=[\s\"'<>?#/&\\]|$)")
VINE_RE = LazyPattern(r"vine\.co/v/([A-Za-z0-9]{5,20})" + _TAIL)
AMP_VINE_RE = LazyPattern(r"<amp-vine\b[^>]*?\bdata-vineid\s*=\s*[\"']?([A-Za-z0-9]{5,20})", re.IGNORECASE)
GOOGLE_PLUS_RE = LazyPattern(r"plus\.google\.com/(?:u/\d{1,2}/)?(?:b/\d{1,30}/)?([+\w.%-]{1,100})/posts/"
                             r"([A-Za-z0-9_-]{5,40})" + _TAIL)
TUMBLR_RE = LazyPattern(r"tumblr\.com/(?:embed/post/[\w-]{1,60}/|post/|(?!(?:share|widgets|oembed|tagged|search|blog|"
                        r"dashboard|explore|login|register|policy|docs|about|help|apps)/)[a-z0-9-]{1,60}/)(\d{6,20})" + _TAIL)
# The host before each: "" or "www." (Storify, Vine), "" (Google+), a Tumblr embed's "embed.", a blog's name, "www.".
_SUBDOMAIN_RE = LazyPattern(r"(?:https?:)?//([a-z0-9.-]{0,64}\.)?\Z", re.IGNORECASE)
# A clip's slug: capitalised words ending in an emote's name ("FancyBraveOtterKappa"), since 2021 with "-" and a random
# tail; each pattern begins with its host's name, as the others here do (`_written` reads what stands before it)
_TWITCH_SLUG = r"(?!(?:create|embed|api|login|directory|videos?|clips?)\b)([A-Za-z][A-Za-z0-9_-]{3,99})"
TWITCH_CLIP_RE = LazyPattern(r"clips\.twitch\.tv/(?:embed\?(?:[^\s\"'<>#]*?&(?:amp;)?)?clip=)?" + _TWITCH_SLUG + _TAIL)
TWITCH_CHANNEL_CLIP_RE = LazyPattern(r"twitch\.tv/[A-Za-z0-9_]{1,25}/clip/" + _TWITCH_SLUG + _TAIL)
TWITCH_VIDEO_RE = LazyPattern(r"twitch\.tv/videos/(\d{5,12})" + _TAIL)
TWITCH_PLAYER_RE = LazyPattern(r"player\.twitch\.tv/\?(?:[^\s\"'<>#]*?&(?:amp;)?)?video=v?(\d{5,12})" + _TAIL)
_TWITCH = ((TWITCH_CLIP_RE, "clip", ("",)), (TWITCH_CHANNEL_CLIP_RE, "clip", ("", "www.", "m.")),
           (TWITCH_VIDEO_RE, "video", ("", "www.", "m.")), (TWITCH_PLAYER_RE, "video", ("",)))
# A post's mid: 9 characters of base 62, one at least a capital or a digit (a user's page's lowercase word,
# "followers", is none)
_WEIBO_MID = r"(?=[A-Za-z0-9]{0,8}[A-Z0-9])[A-Za-z0-9]{9}"
WEIBO_RE = LazyPattern(r"weibo\.com/(?:\d{5,12}/(" + _WEIBO_MID + r")|detail/(\d{16}))(?!\w)" + _TAIL)
WEIBO_MOBILE_RE = LazyPattern(r"weibo\.cn/(?:status|detail)/(\d{16}|" + _WEIBO_MID + r")(?!\w)" + _TAIL)
WEIBO_WIDGET_RE = LazyPattern(r"widget\.weibo\.com/[^\s\"'<>\\]*")
# The post a widget's query names, once its URL is decoded
WEIBO_NAMED_RE = LazyPattern(r"//(?:(?:www\.)?weibo\.com/(?:\d{5,12}/(" + _WEIBO_MID + r")|detail/(\d{16}))|m\.weibo\.cn/"
                             r"(?:status|detail)/(\d{16}|" + _WEIBO_MID + r"))(?![\w])")
_WEIBO: tuple[tuple[LazyPattern, tuple[str, ...]], ...] = ((WEIBO_RE, ("", "www.")), (WEIBO_MOBILE_RE, ("m.",)))
NAVER_BLOG_RE = LazyPattern(r"blog\.naver\.com/(?:([A-Za-z0-9_-]{2,30})/(\d{12})(?!\w)|PostView\.(?:naver|nhn)\?)"
                            + _TAIL)
NAVER_ARG_RE = LazyPattern(r"[?&](?:amp;)?(blogId|logNo)=([A-Za-z0-9_-]{1,30})")
# LINE VOOM's post page (and the older timeline's), then LINE's URL scheme's post of an official account
LINE_POST_RE = LazyPattern(r"(?:linevoom|timeline)\.line\.me/post/(?:[A-Za-z0-9_-]{2,64}/)?(\d{16,20})(?!\w)"
                           + _TAIL)
LINE_SCHEME_RE = LazyPattern(r"line\.me/R/home/public/post\?[^\s\"'<>\\]*")
LINE_ARG_RE = LazyPattern(r"[?&](?:amp;)?(id|postId)=([A-Za-z0-9._%-]{1,64})")
_BASE62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
FLICKR_EMBED = "data-flickr-embed"
FLICKR_PHOTO_RE = LazyPattern(r"https?://(?:www\.)?flickr\.com/photos/[\w@.-]{1,60}/(\d{5,20})" + _TAIL, re.IGNORECASE)
# The closed services, when and what of them stands: said wherever one is named, and their hosts are asked nothing.
CLOSED = {"Storify": "Storify closed on 16 May 2018", "Google+": "Google+ closed on 2 April 2019",
          "Vine": "Vine's app closed on 17 January 2017 (its site stayed as a read-only archive)"}
CLOSED_HOSTS = {"storify.com": "Storify", "www.storify.com": "Storify", "vine.co": "Vine", "www.vine.co": "Vine",
                "plus.google.com": "Google+"}
# What each service's items are (VK's, Rutube's and OK's posts and videos by `video`).
_KIND = {"Storify": "story", "Flickr": "photo", "Vine": "video", "Google+": "post", "Tumblr": "post", "Weibo": "post",
         "Naver Blog": "post", "LINE VOOM": "post"}
_KINDS = {"Storify": ("stories",), "Flickr": ("photos",), "Vine": ("videos",), "Google+": ("posts",),
          "Tumblr": ("posts",), "Twitch": ("clips", "videos"), "Weibo": ("posts",),
          "Naver Blog": ("posts",), "LINE VOOM": ("posts",)}
_PLURAL = {"post": "posts", "clip": "clips", "video": "videos", "photo": "photos", "story": "stories"}   # the order said
# Each pattern runs only on a page holding one of its words: most pages hold none (a page's VK or Telegram share
# button names vk.com and t.me, never these). The words are needles of the extraction's one pass over an HTML page
# (`extract.html.unsupported_held`); a page that pass did not search is searched here, first for BROAD words, which
# every one of them holds (a VK widget loads vk.com's openapi.js): 22 searches of a median page were 19% of its scan,
# hyperscan's pass finds them at no cost worth counting (#14).
MARKED = (
    (VK_WALL_RE, ("vk.com/wall", "w=wall")), (VK_WIDGET_RE, ("VK.Widgets.Post",)), (AMP_VK_RE, ("<amp-vk",)),
    (VK_VIDEO_RE, ("vk.com/video", "vk.com/clip", "vkvideo.ru/video", "vkvideo.ru/clip")),
    (VK_PLAYER_RE, ("video_ext.php",)), (RUTUBE_RE, ("rutube.ru/",)), (OK_RE, ("ok.ru/video", "ok.ru/live")),
    (INVITE_RE, ("t.me/+", "me/joinchat/", "telegram.me/+", "telegram.dog/+", "dog/joinchat/")),
    (STORIFY_RE, ("storify.com/",)), (VINE_RE, ("vine.co/v/",)), (AMP_VINE_RE, ("<amp-vine",)),
    (GOOGLE_PLUS_RE, ("plus.google.com/",)), (TUMBLR_RE, ("tumblr.com/post/", "embed.tumblr.com/", "www.tumblr.com/")),
    (FLICKR_PHOTO_RE, (FLICKR_EMBED,)), *((pattern, ("twitch.tv/",)) for pattern, _, _ in _TWITCH),
    (WEIBO_RE, ("weibo.com/",)), (WEIBO_MOBILE_RE, ("weibo.cn/",)), (WEIBO_WIDGET_RE, ("widget.weibo.com/",)),
    (NAVER_BLOG_RE, ("blog.naver.com/",)), (LINE_POST_RE, ("linevoom.line.me/post/", "timeline.line.me/post/")),
    (LINE_SCHEME_RE, ("line.me/R/home/public/post?",)))
NEEDLES = tuple(dict.fromkeys(marker for _, markers in MARKED for marker in markers))
# The patterns each needle marks, run on a page holding it (a set's test of MARKED's tuples took 0.02 ms a page).
_MARKING = {needle: tuple(pattern for pattern, markers in MARKED if needle in markers) for needle in NEEDLES}
# The patterns that open with their one needle, as written: a match starts only where the needle does (`_matches`).
AT_NEEDLE = {GOOGLE_PLUS_RE: "plus.google.com/", VINE_RE: "vine.co/v/", WEIBO_RE: "weibo.com/", WEIBO_MOBILE_RE: "weibo.cn/",
             WEIBO_WIDGET_RE: "widget.weibo.com/", NAVER_BLOG_RE: "blog.naver.com/",
             LINE_SCHEME_RE: "line.me/R/home/public/post?"}
BROAD = ("vk", ".ru/", "/+", "joinchat/", "storify.com/", "vine", "plus.google.com/", "tumblr.com/", FLICKR_EMBED,
         "twitch.tv/", "weibo.c", "blog.naver.com/", "line.me/post/", "home/public/post?")
INVITE = "an invite link to a chat, not a post"
INVITE_SERVICE = "Telegram invite"


@lazy_dataclass(frozen=True)
class Unsupported:
    service: str    # "VK" | "Rutube" | "OK" | "Tumblr" | "Flickr" | "Storify" | "Vine" | "Google+" | "Twitch"
                    # | "Weibo" | "Naver Blog" | "LINE VOOM" | "Telegram invite"
    key: str        # the post's or video's id on its service (a VK post "-123_456"), or the invite's hash
    url: str        # the first URL of it in the page, as written (entities read), or the post's URL a widget names
    video: bool = False
    written: str = ""   # the URL as the page wrote it, when `url` says it otherwise (a Storify story's embed)

    @property
    def kind(self) -> str:
        """"post", "clip", "video", "photo" or "story"."""
        if self.service == "Twitch":   # a clip's key "clip/<slug>", a past broadcast's "video/<id>"
            return self.key.split("/", 1)[0]
        return _KIND.get(self.service) or ("video" if self.video else "post")


def found(page: str, held: Collection[str] | None = None) -> list[Unsupported]:
    """Each VK, Rutube or OK post or video a page embeds or links, and each Telegram invite link, once (by its id),
    in the order first named. A VK widget's post and a link to it are one post. `held`: which of NEEDLES the page
    holds, when a pass over it found that already (a mapping: where each starts in it); else it is searched here."""
    if held is None:
        if not any(word in page for word in BROAD):
            return []
        held = frozenset(needle for needle in NEEDLES if needle in page)
    run = {pattern for needle in held for pattern in _MARKING.get(needle, ())}
    if not run:   # most pages: no regex run at all
        return []
    seen: dict[tuple[str, str], tuple[int, Unsupported]] = {}

    def add(at: int, item: Unsupported) -> None:
        key = (item.service, item.key)
        if key not in seen or at < seen[key][0]:
            seen[key] = (at, item)

    for match in VK_WALL_RE.finditer(page) if VK_WALL_RE in run else ():
        add(match.start(), Unsupported("VK", f"wall{match.group(1)}_{match.group(2)}", html.unescape(match.group(0))))
    for match in VK_WIDGET_RE.finditer(page) if VK_WIDGET_RE in run else ():
        key = f"wall{match.group(1)}_{match.group(2)}"
        add(match.start(), Unsupported("VK", key, f"https://vk.com/{key}"))
    for match in AMP_VK_RE.finditer(page) if AMP_VK_RE in run else ():
        args = {name.lower(): value for name, value in AMP_VK_ARG_RE.findall(match.group(0))}
        if args.get("embedtype", "").lower() == "post" and args.get("owner-id") and args.get("post-id"):
            key = f"wall{args['owner-id']}_{args['post-id']}"
            add(match.start(), Unsupported("VK", key, f"https://vk.com/{key}"))
    for match in VK_VIDEO_RE.finditer(page) if VK_VIDEO_RE in run else ():
        add(match.start(), Unsupported("VK", f"video{match.group(1)}_{match.group(2)}", html.unescape(match.group(0)),
                                       True))
    for match in VK_PLAYER_RE.finditer(page) if VK_PLAYER_RE in run else ():
        args = dict(VK_PLAYER_ARG_RE.findall(match.group(0)))
        if "oid" in args and "id" in args:
            add(match.start(), Unsupported("VK", f"video{args['oid']}_{args['id']}", html.unescape(match.group(0)), True))
    for match in RUTUBE_RE.finditer(page) if RUTUBE_RE in run else ():
        add(match.start(), Unsupported("Rutube", match.group(1), html.unescape(match.group(0)), True))
    for match in OK_RE.finditer(page) if OK_RE in run else ():
        add(match.start(), Unsupported("OK", match.group(1), html.unescape(match.group(0)), True))
    for match in INVITE_RE.finditer(page) if INVITE_RE in run else ():
        add(match.start(), Unsupported(INVITE_SERVICE, match.group(1), html.unescape(match.group(0))))
    for match in STORIFY_RE.finditer(page) if STORIFY_RE in run else ():
        if (written := _written(page, match, ("", "www."))) is not None:
            user, story = match.group(1), match.group(2)
            add(match.start(), Unsupported("Storify", f"{user}/{story}".lower(), f"https://storify.com/{user}/{story}",
                                           written=written))
    for match in _matches(VINE_RE, page, held) if VINE_RE in run else ():
        if (written := _written(page, match, ("", "www."))) is not None:
            add(match.start(), Unsupported("Vine", match.group(1), f"https://vine.co/v/{match.group(1)}", True,
                                           written=written))
    for match in AMP_VINE_RE.finditer(page) if AMP_VINE_RE in run else ():
        add(match.start(), Unsupported("Vine", match.group(1), f"https://vine.co/v/{match.group(1)}", True))
    for match in _matches(GOOGLE_PLUS_RE, page, held) if GOOGLE_PLUS_RE in run else ():
        if (written := _written(page, match, ("",))) is not None:
            add(match.start(), Unsupported("Google+", f"{match.group(1)}/{match.group(2)}", _https(written),
                                           written=written))
    for match in TUMBLR_RE.finditer(page) if TUMBLR_RE in run else ():
        # a blog's post page, <blog>.tumblr.com/post/<id>; www.tumblr.com/<blog>/<id>; embed.tumblr.com/embed/post/
        segment = match.group(0)[len("tumblr.com/"):].split("/", 1)[0]
        hosts = ("embed.",) if segment == "embed" else None if segment == "post" else ("www.",)
        if (written := _written(page, match, hosts)) is not None:
            add(match.start(), Unsupported("Tumblr", match.group(1), _https(written), written=written))
    for pattern, kind, subdomains in _TWITCH:
        for match in pattern.finditer(page) if pattern in run else ():
            if (written := _written(page, match, subdomains)) is not None:
                add(match.start(), Unsupported("Twitch", f"{kind}/{match.group(1)}", _https(written), kind == "video",
                                               written=written))
    for pattern, weibo_hosts in _WEIBO:
        for match in _matches(pattern, page, held) if pattern in run else ():
            if (written := _written(page, match, weibo_hosts)) is not None:
                add(match.start(), Unsupported("Weibo", weibo_id(match.group(1) or match.group(2)), _https(written),
                                               written=written))
    for match in _matches(WEIBO_WIDGET_RE, page, held) if WEIBO_WIDGET_RE in run else ():
        from urllib.parse import unquote

        if (written := _written(page, match, ("",))) is not None and (
                named := WEIBO_NAMED_RE.search(unquote(written))) is not None:
            add(match.start(), Unsupported("Weibo", weibo_id(next(group for group in named.groups() if group)),
                                           "https:" + named.group(0), written=written))
    for match in _matches(NAVER_BLOG_RE, page, held) if NAVER_BLOG_RE in run else ():
        if (written := _written(page, match, ("", "m."))) is None:
            continue
        if match.group(1) is not None:
            blog, post = match.group(1), match.group(2)
        else:   # PostView's query, in either order
            args = dict(NAVER_ARG_RE.findall(match.group(0)))
            blog, post = args.get("blogId", ""), args.get("logNo", "")
            if not blog or not (post.isdigit() and len(post) == 12):
                continue
        add(match.start(), Unsupported("Naver Blog", f"{blog.lower()}/{post}", _https(written), written=written))
    for match in LINE_POST_RE.finditer(page) if LINE_POST_RE in run else ():
        if (written := _written(page, match, ("",))) is not None:
            add(match.start(), Unsupported("LINE VOOM", match.group(1), _https(written), written=written))
    for match in _matches(LINE_SCHEME_RE, page, held) if LINE_SCHEME_RE in run else ():
        args = dict(LINE_ARG_RE.findall(match.group(0)))
        post = args.get("postId", "")
        if args.get("id") and post.isdigit() and 16 <= len(post) <= 20 and (
                written := _written(page, match, ("",))) is not None:
            add(match.start(), Unsupported("LINE VOOM", post, _https(written), written=written))
    if FLICKR_PHOTO_RE in run:   # a photo a page embeds: the href of embedr's <a data-flickr-embed>
        at = page.find(FLICKR_EMBED)
        while at >= 0:
            tag = page[page.rfind("<", 0, at) + 1:page.find(">", at) % (len(page) + 1)]
            if (photo := FLICKR_PHOTO_RE.search(tag)) is not None:
                add(at, Unsupported("Flickr", photo.group(1), html.unescape(photo.group(0))))
            at = page.find(FLICKR_EMBED, at + 1)
    return [item for _, item in sorted(seen.values(), key=lambda at: at[0])]


def weibo_id(written: str) -> str:
    """A Weibo post's id (16 digits) from its id or its mid, the same number in base 62 ("0-9a-zA-Z") written by
    groups of 4 characters from the right, each 7 digits ("z0JH2lOMb": 35, 0175648, 5200075)."""
    if written.isdigit() and len(written) > 9:
        return written
    digits = ""
    for end in range(len(written), 0, -4):
        value = 0
        for char in written[max(0, end - 4):end]:
            value = value * 62 + _BASE62.index(char)
        digits = (str(value) if end <= 4 else f"{value:07d}") + digits
    return digits


def _matches(pattern: LazyPattern, page: str, held: Collection[str]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(page)`, for a pattern opening with the one needle `AT_NEEDLE` names: tried only where the
    scan's pass found that needle (`held`'s starts, in page order), as finditer would have met them. A page's Google+
    share buttons (most corpus pages have one) made a search of the whole page 0.1 ms of its 1.3 outside extraction
    (perf47, #14)."""
    starts: Sequence[int] | None = held.get(AT_NEEDLE[pattern]) if isinstance(held, Mapping) else None
    if not starts:   # where the needle starts is not known: the whole page
        yield from pattern.finditer(page)
        return
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(page, start)) is not None:
            end = match.end()
            yield match


def _written(page: str, match: re.Match[str], hosts: tuple[str, ...] | None) -> str | None:
    """The URL a match of a pattern beginning with its host's name stands in, as written (entities read), when the
    page writes a scheme ("https://", "http://" or a relative "//") and one of `hosts` (a subdomain, "" for none;
    None: any blog's name, not www) before it; else None (a name in prose, "notvine.co", "www.storify.com.evil")."""
    before = _SUBDOMAIN_RE.search(page, max(0, match.start() - 80), match.start())
    if before is None:
        return None
    subdomain = (before.group(1) or "").lower()
    if hosts is None:
        if subdomain in ("", "www.", "embed.") or subdomain.count(".") != 1:
            return None
    elif subdomain not in hosts:
        return None
    return html.unescape(page[before.start():match.end()])


def _https(written: str) -> str:
    return "https:" + written if written.startswith("//") else written


def why_not(url: str) -> str | None:
    """Why `fetch` asks nothing of a URL given (a VK, Rutube or OK post or video; a Telegram invite link), or None."""
    url = url.strip()
    if (photo := FLICKR_PHOTO_RE.fullmatch(url)) is not None:   # a photo's page: embedded or not, none is read
        items = [Unsupported("Flickr", photo.group(1), url)]
    else:
        items = found(url)
    # the post's URL, not a page naming one; a closed service's with anything after it ("/", "?…")
    if len(items) != 1 or url not in (items[0].url, items[0].written) and not (
            items[0].service in CLOSED and items[0].written and url.startswith(items[0].written)):
        return None
    item = items[0]
    if item.service == INVITE_SERVICE:
        return INVITE
    what = _PLURAL[item.kind]
    if item.service in CLOSED:
        return (f"{CLOSED[item.service]} (no source of {item.service} is read); an archived copy may survive: "
                f"`embed-resolver archive {url}` looks it up in the Wayback Machine")
    return f"{item.service} {what} are not supported (no source of {item.service} is read)"


def closed_why(url: str) -> str | None:
    """Why `resolve` asks nothing of a URL on a closed service's host (storify.com, vine.co, plus.google.com): its
    host is gone or serves none of its posts, and a request would only be said a network failure (newuser44d #5)."""
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    if (service := CLOSED_HOSTS.get(host)) is None:
        return None
    return (f"{CLOSED[service]}; a closed service's host is asked nothing; an archived copy may survive: "
            f"`embed-resolver archive {url.strip()}` looks it up in the Wayback Machine")


def hop_stop(url: str) -> str | None:
    """Why a link's chain stops at `url` with no request (`resolve`'s error), or None: a closed service's host
    (Storify, Vine, Google+: "closed: …") or a post or video of a service the tool reads no source of (Tumblr,
    Flickr's photos, VK, OK, Rutube: "not-supported: …"), reached by a redirect. Following on asked a dead host, or a
    live one for an answer no step reads (fixnu45a's "left")."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        # the host as a request reaches it: any case, the root's dot ("vine.co."), a default port (review46f: each
        # read as another host's, and asked)
        host, port = (parts.hostname or "").lower().rstrip("."), parts.port
    except ValueError:
        return None
    if (service := CLOSED_HOSTS.get(host)) is not None:
        return (f"closed: not followed to {url}: {CLOSED[service]} (an archived copy may survive: `embed-resolver "
                f"archive {url}` looks it up in the Wayback Machine); it was asked nothing")
    if not any(word in host for word in _SERVICE_HOSTS):   # most hops: no service's host, no pattern run
        return None
    plain = urlunsplit((parts.scheme.lower(), host if port in (None, 80, 443) else f"{host}:{port}", parts.path,
                        parts.query, parts.fragment))
    why = why_not(plain)
    if why is None or why == INVITE:
        return None
    return f"not-supported: not followed to {url}: {why}; it was asked nothing"


# The hosts `why_not` reads a post or video of (`hop_stop` runs its patterns only on one of these)
_SERVICE_HOSTS = ("tumblr.com", "flickr.com", "vk.com", "vkvideo.ru", "ok.ru", "rutube.ru", "twitch.tv", "weibo.c",
                  "blog.naver.com", "line.me")


def not_supported_note(items: list[Unsupported]) -> str:
    """What a scan and a report say of the posts and videos of services no step reads (VK, Rutube, OK, Tumblr,
    Flickr's photos), of closed services (Storify, Vine, Google+: when each closed, and where a copy may survive)
    and of the Telegram invite links a page names: counted by service, the first named."""
    live = [item for item in items if item.service != INVITE_SERVICE and item.service not in CLOSED]
    closed = [item for item in items if item.service in CLOSED]
    invites = [item for item in items if item.service == INVITE_SERVICE]
    said: list[str] = []
    if live:
        names, each = _services(live)
        groups: dict[tuple[str, ...], list[str]] = {}   # services by what of theirs is not read
        for service in dict.fromkeys(item.service for item in live):
            groups.setdefault(_KINDS.get(service, ("posts", "videos")), []).append(service)
        what = _joined([f"{_joined(services)} {_joined(list(kinds))}" for kinds, services in groups.items()])
        said.append(f"{len(live)} {_counted(live)} ({each}) not checked: {what} are not supported "
                    f"(no source of {names} is read); first {live[0].url}")
    if closed:
        names, each = _services(closed)
        when = _joined([CLOSED[service] for service in dict.fromkeys(item.service for item in closed)])
        said.append(f"{len(closed)} {_counted(closed)} ({each}) not checked: {when}; nothing was asked of them, and "
                    f"an archived copy may survive (`embed-resolver archive URL` looks one up); first {closed[0].url}")
    if invites:
        plural = "s" if len(invites) != 1 else ""
        said.append(f"{len(invites)} Telegram invite link{plural} not checked: {INVITE}; first {invites[0].url}")
    return "; ".join(said)


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _services(items: list[Unsupported]) -> tuple[str, str]:
    """The services named ("VK, Rutube and OK") and each one's count ("VK 2, Rutube 1, OK 1")."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item.service] = counts.get(item.service, 0) + 1
    return _joined(list(counts)), ", ".join(f"{service} {count}" for service, count in counts.items())


def _counted(items: list[Unsupported]) -> str:
    """What the items are: "post", "videos", "posts and videos", "stories, videos and posts"."""
    kinds = sorted({item.kind for item in items}, key=list(_PLURAL).index)
    if len(kinds) == 1:
        return kinds[0] if len(items) == 1 else _PLURAL[kinds[0]]
    return _joined([_PLURAL[kind] for kind in kinds]) if len(items) > 1 else " or ".join(kinds)
