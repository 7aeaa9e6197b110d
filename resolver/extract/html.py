"""Embeds and credits in an HTML page: parsed once with lxml, walked once, spans mapped back to the page source.

A page with none of the markers an embed or credit needs is not parsed at all (the hot path of a corpus run).
Embeds are found here; credits by `html_credits`; spans by `spans`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from html import unescape
from typing import Any

from resolver import platforms
from resolver.extract import html_credits, tweet_text
from resolver.extract import text as text_detectors
from resolver.extract.dates import parse_date
from resolver.extract.dom import class_set, compiled_xpath, element_text, inside, parse, text_with_breaks
from resolver.extract.spans import SourceMap, lower_keeping_offsets
from resolver.model import Credit, Embed
from resolver.platforms import x

# A page with none of these is not parsed. Plain substring tests, likeliest first: most pages answer at once.
MARKERS = (*platforms.PAGE_MARKERS, "credit", "Credit", "CREDIT", "copyright", "Copyright", "©", "&copy;",
           "figcaption", "(@", "photographer", "Photographer", "ImageObject", "FIGCAPTION", "IFRAME")


def has_markers(page: str) -> bool:
    return any(marker in page for marker in MARKERS)


# Cheap checks on the lower-cased raw source decide which passes a page needs; each pass selects in C.
# Regexes here start with a literal so the engine skips ahead instead of trying every position.
HREF_RE = re.compile(
    r"""href\s*=\s*["']?((?:https?:)?//(?:[a-z0-9-]+\.)*(?:"""
    rf"""{platforms.DOMAIN_PATTERN}|{platforms.mastodon.HOST_PATTERN})/[^"'\s>]*)""")
STRUCTURE_TAGS = ("blockquote", "iframe", "amp-twitter", "amp-instagram", "amp-youtube", "amp-facebook", "amp-vimeo",
                  "lite-youtube", "lite-vimeo", "script", "figure")
_XPATHS = {
    "fb": "//div[contains(@class,'fb-post') or contains(@class,'fb-video')]",
    "signature": "//p[contains(.,'(@')] | //blockquote[not(@class)][contains(.,'(@')]",
}
TWEET_CLASSES = frozenset({"twitter-tweet", "twitter-video"})


SIGNATURE_IN_QUOTE_RE = re.compile(r"(?:(?:—|–|-{1,2})\s*(?P<name>[^()]*?)\s*)?\(@(?P<handle>[A-Za-z0-9_]{1,15})\)")


def _is_tweet_blockquote(classes: set[str]) -> bool:
    """widgets.js markup (twitter-tweet), or a CMS's own tweet card (BuzzFeed's subbuzz-tweet__container)."""
    return bool(classes & TWEET_CLASSES) or any("tweet__" in c or c.endswith("-tweet") for c in classes)


def _tweet_from_blockquote(el: Any, smap: SourceMap, detector: str = "html-blockquote") -> Embed | None:
    """A tweet blockquote: text, lang, author, date, status URL and the links its text carries."""
    status = None
    date_text = None
    for a in el.iter("a"):
        ref = x.parse_url(a.get("href") or "")
        if ref is not None and ref.kind == "post":
            status, date_text = ref, element_text(a) or None
    paras = _tweet_paragraphs(el)
    text = "\n".join(t for t in (text_with_breaks(p) for p in paras) if t) or None
    media, links = _tweet_links(paras)
    # widgets.js form: "— Name (@handle) <a>date</a>"; a name counts only after the dash. The signature is the
    # last such group: the tweet's own words may mention "(@someone)".
    signature = None
    for signature in SIGNATURE_IN_QUOTE_RE.finditer(element_text(el)):
        pass
    name, handle = _card_author(el) if signature is None else (
        (signature.group("name") or "").strip() or None, signature.group("handle"))
    if status is None and handle is None:
        return None
    handle = handle or (status.author_handle if status else None)
    lang = (paras[0].get("lang") if paras else None) or el.get("data-lang")
    needle = next(iter(class_set(el) & TWEET_CLASSES), None) or (el.get("class") or "").split(" ")[0] or None
    return Embed(
        platform="twitter", kind="post",
        url=x.status_url(status.post_id, handle) if status and status.post_id else f"https://twitter.com/{handle}",
        detector=detector, span=smap.span(el, needle),
        post_id=status.post_id if status else None, author_handle=handle, author_name=name,
        date_text=date_text, date=parse_date(date_text or ""), text=text, lang=lang or None,
        text_confidence=tweet_text.HIGH if text else None,
        media_links=tuple(dict.fromkeys(media)), links=tuple(dict.fromkeys(links)),
    )


def _tweet_paragraphs(el: Any) -> list[Any]:
    """The paragraphs that hold the tweet's words: every <p> but the one carrying the signature or date link."""
    paras = []
    for p in el.iter("p"):
        words = element_text(p)
        if words[:1] in ("—", "–") or words.startswith("-") or any(
                (ref := x.parse_url(a.get("href") or "")) is not None and ref.kind == "post" for a in p.iter("a")):
            continue
        paras.append(p)
    return paras


def _tweet_links(paras: list[Any]) -> tuple[list[str], list[str]]:
    """(media links, other links) in a tweet's text."""
    media, links = [], []
    for a in (a for p in paras for a in p.iter("a")):
        href, label = (a.get("href") or "").strip(), element_text(a)
        ref = x.parse_url(label) if label.lower().startswith(("pic.twitter.com", "pic.x.com")) else None
        if ref is not None and ref.kind == "media-link":
            media.append(ref.url)
        if href.startswith(("http://", "https://")) and "/hashtag/" not in href and not href.endswith("?ref_src=twsrc%5Etfw"):
            links.append(href)
    return media, links


def _card_author(el: Any) -> tuple[str | None, str | None]:
    """(name, handle) from a tweet card's own author elements, when it has no widgets.js signature."""
    name = handle = None
    for child in el.iter():
        css = child.get("class") or "" if isinstance(child.tag, str) else ""
        if name is None and ("display-name" in css or "fullname" in css):
            name = element_text(child) or None
        elif handle is None and ("username" in css or "screen-name" in css or "screenname" in css):
            handle = element_text(child).lstrip("@") or None
    return name, handle if handle and x.HANDLE_RE.match(handle) else None


def _embed_from_url(url: str, el: Any, smap: SourceMap, detector: str, needle: str | None = None) -> Embed | None:
    ref = platforms.parse_url(url)
    if ref is None or not platforms.is_embed(ref):
        return None
    return Embed(
        platform=ref.platform, kind=ref.kind, url=ref.url, detector=detector,
        span=smap.span(el, needle), post_id=ref.post_id, author_handle=ref.author_handle,
        media_links=(ref.url,) if ref.kind == "media-link" else (),
    )


def _embed_at(el: Any, smap: SourceMap) -> Embed | None:
    """The embed an element is, by its tag and class, or None. Elements inside a claimed embed never get here."""
    tag, classes = el.tag, class_set(el)
    if tag == "blockquote":
        if _is_tweet_blockquote(classes):
            return _tweet_from_blockquote(el, smap)
        if "instagram-media" in classes:
            return _instagram(el, smap)
        if "tiktok-embed" in classes:
            return _embed_from_url(el.get("cite") or "", el, smap, "html-blockquote", "tiktok-embed")
        if "bluesky-embed" in classes:
            return _blueskyish(el, smap)
        if "text-post-media" in classes:
            return _embed_from_url(el.get("data-text-post-permalink") or "", el, smap, "html-blockquote", "text-post-media")
        if classes & {"reddit-embed-bq", "reddit-card"}:
            url = next((a.get("href") for a in el.iter("a") if "/comments/" in (a.get("href") or "")), "")
            return _embed_from_url(url, el, smap, "html-blockquote", "reddit-")
        return None
    if tag == "iframe":
        tweet_id = el.get("data-tweet-id") or ""
        if x.ID_RE.match(tweet_id):   # widgets.js already ran: the rendered iframe keeps only the id
            return _embed_from_url(x.status_url(tweet_id), el, smap, "html-iframe", tweet_id)
        src = el.get("src") or el.get("data-src") or ""
        if "/twitterembed/" in src.lower() or (el.get("id") or "").startswith("tweetframe"):
            return _hosted_tweet(el, src, smap)
        return _embed_from_url(src, el, smap, "html-iframe", src[:60] or None) if src else None
    if tag == "amp-twitter":
        tweet_id = el.get("data-tweetid") or ""
        if x.ID_RE.match(tweet_id):
            return _embed_from_url(x.status_url(tweet_id), el, smap, "html-amp", tweet_id)
        return None
    if tag in ("amp-instagram", "amp-youtube", "amp-vimeo", "lite-youtube", "lite-vimeo", "amp-facebook"):
        return _custom_element(el, smap)
    if tag == "script":
        post = el.get("data-telegram-post")
        if post:
            ref = platforms.telegram.parse_post_attribute(post)
            if ref is not None:
                return Embed(platform="telegram", kind="post", url=ref.url, detector="html-script",
                             span=smap.span(el, "data-telegram-post"), post_id=ref.post_id, author_handle=ref.author_handle)
        return None
    if tag == "div" and classes & {"fb-post", "fb-video"}:
        return _embed_from_url(el.get("data-href") or "", el, smap, "html-xfbml", el.get("data-href"))
    if tag == "figure" and "wp-block-embed" in classes:
        url = element_text(el).split(" ")[0] if element_text(el) else ""
        return _embed_from_url(url, el, smap, "html-wp-embed", "wp-block-embed")
    if tag == "a":
        if "twitter-timeline" in classes:
            ref = x.parse_url(el.get("href") or "")
            if ref is not None:
                return Embed(platform="twitter", kind="timeline", url=ref.url, detector="html-timeline",
                             span=smap.span(el, "twitter-timeline"), author_handle=ref.author_handle)
            return None
        href = el.get("href") or ""
        embed = _embed_from_url(href, el, smap, "html-link", href[:80]) if href else None
        return embed if embed is not None and embed.kind != "timeline" else None   # a profile link is no embed
    return None


HOSTED_TWEET_RE = re.compile(r"^\s*Twitter:\s*(?P<name>[^\n]{1,60}?)\s+[-–—]\s+(?P<text>.+)$", re.DOTALL)


def _hosted_tweet(el: Any, src: str, smap: SourceMap) -> Embed | None:
    """A tweet a publisher re-hosts in its own iframe (the Telegraph's TwitterEmbed pages). The page keeps no
    status link, only a <noframe> fallback 'Twitter: Name - text'; the iframe id's digits are no exact post id
    (they went through a JavaScript number), so none is claimed."""
    fallback = re.sub(r"<[^>]*>", "", el.text or "")
    found = HOSTED_TWEET_RE.match(unescape(fallback))
    if found is None:
        return None
    text = re.sub(r"[ \t\r\n\u00a0]+", " ", found.group("text")).strip()
    return Embed(platform="twitter", kind="post", url=("https:" + src) if src.startswith("//") else src,
                 detector="html-iframe", span=smap.span(el, src[:60] or None), author_name=found.group("name").strip(),
                 text=text or None, text_confidence=tweet_text.HIGH if text else None)


def _instagram(el: Any, smap: SourceMap) -> Embed | None:
    """blockquote.instagram-media; older versions name the author in 'A post shared by Name (@handle)'."""
    url = el.get("data-instgrm-permalink") or next((a.get("href") for a in el.iter("a") if a.get("href")), "")
    embed = _embed_from_url(url or "", el, smap, "html-blockquote", "instagram-media")
    shared = text_detectors.INSTAGRAM_RE.search(element_text(el))
    if embed is None or shared is None:
        return embed
    date_text = shared.group("date")
    return replace(embed, author_handle=shared.group("handle").rstrip("."),
                   author_name=(shared.group("name") or "").strip() or None,
                   date_text=date_text, date=parse_date(date_text or ""))


def _custom_element(el: Any, smap: SourceMap) -> Embed | None:
    tag = el.tag
    if tag in ("lite-youtube", "amp-youtube"):
        vid = el.get("videoid") or el.get("data-videoid") or ""
        return _embed_from_url(f"https://www.youtube.com/watch?v={vid}", el, smap, "html-custom-element", vid or None)
    if tag == "amp-instagram":
        code = el.get("data-shortcode") or ""
        return _embed_from_url(f"https://www.instagram.com/p/{code}/", el, smap, "html-amp", code or None)
    if tag in ("amp-vimeo", "lite-vimeo"):
        vid = el.get("data-videoid") or el.get("videoid") or ""
        return _embed_from_url(f"https://vimeo.com/{vid}", el, smap, "html-custom-element", vid or None)
    if tag == "amp-facebook":
        return _embed_from_url(el.get("data-href") or "", el, smap, "html-amp", None)
    return None


def _blueskyish(el: Any, smap: SourceMap) -> Embed | None:
    ref = platforms.bluesky.parse(el.get("data-bluesky-uri") or "")
    if ref is None:
        return None
    para = next(el.iter("p"), None)
    handle_link = next((a for a in el.iter("a") if element_text(a).startswith("@")), None)
    date_link = list(el.iter("a"))[-1] if len(list(el.iter("a"))) else None
    whole = element_text(el)
    name = re.search(r"(?:—|–)\s*(?P<name>[^(]*?)\s*\(", whole)
    date_text = element_text(date_link) if date_link is not None else None
    return Embed(
        platform="bluesky", kind="post", url=ref.url, detector="html-blockquote", span=smap.span(el, "bluesky-embed"),
        post_id=ref.post_id, author_handle=element_text(handle_link)[1:] if handle_link is not None else ref.author_handle,
        author_name=name.group("name").strip() if name else None, text=element_text(para) if para is not None else None,
        date_text=date_text, date=parse_date(date_text or ""), lang=(para.get("lang") if para is not None else None) or None,
    )


def scan(page: str) -> tuple[list[Embed], list[Credit]]:
    """Every embed and credit in an HTML page, in order of appearance, each once."""
    if not has_markers(page):
        return [], []
    root = parse(page)
    if root is None:
        return [], []
    lower = lower_keeping_offsets(page)
    smap = SourceMap(page, lower)
    embeds: list[Embed] = []
    claimed: set[Any] = set()
    furniture: list[Any] = []
    for el in _embed_candidates(root, page, lower, furniture=furniture):
        if claimed and inside(el, claimed):
            continue
        embed = _embed_at(el, smap)
        if embed is not None:
            embeds.append(embed)
            claimed.add(el)
    credits = html_credits.find_credits(root, smap, claimed=claimed, embed_spans=[e.span for e in embeds])
    taken = [e.span for e in embeds] + [a for e in embeds for a in e.also_at]
    taken += [smap.span(el) for el in furniture]
    embeds.extend(_source_urls(page, lower, taken=taken))
    if "(@" in page and text_detectors.SIGNATURE_RE.search(page):
        for el in compiled_xpath(_XPATHS["signature"])(root):
            if not (claimed and inside(el, claimed)):
                embeds.extend(_signatures_in(el, smap))
    return _dedupe(embeds), credits


def _embed_candidates(root: Any, page: str, lower: str, *, furniture: list[Any]) -> Iterator[Any]:
    """Structural embeds first (so they claim the links inside them), then links to posts in the prose; links
    in the site's own furniture go to `furniture` instead."""
    for el in root.iter(*STRUCTURE_TAGS):
        if el.tag != "script" or el.get("data-telegram-post"):
            yield el
    if "fb-post" in lower or "fb-video" in lower:
        yield from compiled_xpath(_XPATHS["fb"])(root)
    timelines = "twitter-timeline" in lower
    # Hrefs found in the source, as the DOM will give them (entities decoded), that name a post.
    found = {unescape(page[m.start(1): m.end(1)]) for m in HREF_RE.finditer(lower)}
    wanted = {h for h in found if (ref := platforms.parse_url(h)) is not None and ref.kind != "timeline"}
    if wanted or timelines:
        for el in root.iter("a"):
            href = (el.get("href") or "").strip()
            if href in wanted or (timelines and "twitter-timeline" in (el.get("class") or "")):
                container = _site_furniture_around(el)
                if container is None:
                    yield el
                elif container not in furniture:
                    furniture.append(container)


# Where a site keeps its own feeds and "follow us" blocks: a link to a post there is no embed of the article.
# Layout classes mention sidebars and footers too ("l-sidebar-fixed l-article-body-segment", "no-sidebar",
# "subbuzz__figure-footer"), so a class counts only as a social feed ("twitter-widget", "CN_WidgetsTwitterFeed",
# "footer-instagram-widget") or as the site's own footer or sidebar ("site-footer", "sidebar").
FURNITURE_TAGS = frozenset({"footer", "nav", "aside"})
SOCIAL_PARTS = frozenset({"twitter", "instagram", "facebook", "social", "tweets", "insta"})
FEED_PARTS = frozenset({"widget", "widgets", "feed", "feeds", "timeline", "follow", "followus"})
SITE_FURNITURE = frozenset({"footer", "sidebar", "site-footer", "page-footer", "global-footer", "site-sidebar",
                            "widget-area", "follow-us", "social-follow", "social-icons"})
CLASS_PART_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _site_furniture_around(el: Any) -> Any | None:
    """The site furniture a link sits in (a footer, nav or aside outside the article, a social feed), or None."""
    in_article = False
    for anc in el.iterancestors():
        tag = anc.tag
        if tag in ("article", "main"):
            in_article = True
        elif tag in FURNITURE_TAGS and not in_article and not any(a.tag in ("article", "main") for a in anc.iterancestors()):
            return anc
        for token in f"{anc.get('class') or ''} {anc.get('id') or ''}".split():
            parts = {p.lower() for p in CLASS_PART_RE.findall(token)}
            if token.lower() in SITE_FURNITURE or parts & SOCIAL_PARTS and parts & FEED_PARTS:
                return anc
    return None


# Post URLs kept in script data or escaped markup: found by their host with str.find (C speed), read from there.
SOURCE_HOSTS = platforms.SOURCE_SHAPES
SOURCE_TAIL_RE = re.compile(r"""(?:\\?/|\\u002[fF])[^\s"'<>&]{4,200}""")
# JSON keeps "/" as "\/" or "\u002F" (Fox News' page state); read either as a plain slash.
JSON_SLASH_RE = re.compile(r"\\/|\\u002[fF]")
HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")


def _source_urls(page: str, lower: str, *, taken: list[tuple[int, int]]) -> list[Embed]:
    """Post URLs the markup keeps outside elements: in a script's JSON state, or in an escaped embed inside an
    attribute (frameworks render embeds from data). Only posts and videos count; anything inside a span an
    element-level detector took is left to it."""
    found = []
    for host, shapes in SOURCE_HOSTS.items():
        at = lower.find(host)
        while at >= 0:
            begin = at
            while begin > 0 and lower[begin - 1] in HOST_CHARS:
                begin -= 1
            escaped = lower.rfind("\\u002f", max(0, begin - 1), at)
            begin = escaped + 6 if escaped >= 0 else begin   # "\u002Fwww.instagram.com": the u002f is no host
            tail = SOURCE_TAIL_RE.match(page, at + len(host))
            if tail and any(shape in JSON_SLASH_RE.sub("/", tail.group(0)) for shape in shapes) \
                    and not any(s <= begin < e for s, e in taken):
                ref = platforms.parse_url("https://" + JSON_SLASH_RE.sub("/", page[begin:tail.end()]))
                if ref is not None and ref.kind in ("post", "video") and ref.post_id:
                    found.append(Embed(platform=ref.platform, kind=ref.kind, url=ref.url, detector="html-source",
                                       span=(begin, tail.end()), post_id=ref.post_id, author_handle=ref.author_handle))
            at = lower.find(host, at + len(host))
    return found



def _signatures_in(el: Any, smap: SourceMap) -> list[Embed]:
    """A tweet flattened inside the page itself (a class-less blockquote, a paragraph): the text detector on its text."""
    text = el.text_content()
    if "(@" not in text:
        return []
    span = smap.span(el)
    return [replace(e, span=span, detector="html-text-signature") for e in text_detectors.find_signatures(text)]


DETECTOR_RANK = {"html-blockquote": 0, "html-amp": 1, "html-iframe": 2, "html-wp-embed": 3, "html-xfbml": 3,
                 "html-script": 3, "html-custom-element": 3, "html-text-signature": 4, "html-timeline": 5, "html-link": 6,
                 "html-source": 7}


def _dedupe(embeds: list[Embed]) -> list[Embed]:
    """One embed per post: the richest detection wins, the other places it appears go to `also_at`."""
    best: dict[str, Embed] = {}
    order: list[str] = []
    for embed in embeds:
        # One post, one embed, whatever handle each link spells (a widget may name another account).
        key = (f"{embed.platform}:{embed.kind}:{embed.post_id}" if embed.post_id
               else embed.url if embed.kind != "post" else f"{embed.url}#{embed.span[0]}")
        if key not in best:
            best[key] = embed
            order.append(key)
            continue
        kept = best[key]
        winner, loser = (embed, kept) if DETECTOR_RANK.get(embed.detector, 9) < DETECTOR_RANK.get(kept.detector, 9) else (kept, embed)
        best[key] = replace(winner, also_at=tuple(sorted(set(winner.also_at + loser.also_at + (loser.span,)))))
    return sorted((best[k] for k in order), key=lambda e: e.span)
