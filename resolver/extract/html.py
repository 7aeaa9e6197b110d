"""Embeds and credits in an HTML page: parsed once with lxml, walked once, spans mapped back to the page source.

A page with none of the markers an embed or credit needs is not parsed at all (the hot path of a corpus run).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from html import unescape
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from resolver import platforms
from resolver.extract import credits as credit_patterns
from resolver.extract import text as text_detectors
from resolver.extract.dates import parse_date
from resolver.model import Credit, Embed
from resolver.platforms import x

# A page with none of these is not parsed. Plain substring tests, likeliest first: most pages answer at once.
MARKERS = ("twitter", "youtu", "credit", "Credit", "CREDIT", "copyright", "Copyright", "©", "&copy;", "instagram",
           "figcaption", "facebook", "(@", "tiktok", "t.me/", "telegram", "reddit", "bsky", "bluesky", "mastodon",
           "threads.", "vimeo", "fb.watch", "x.com/", "photographer", "Photographer", "ImageObject", "Twitter",
           "YouTube", "Instagram", "FIGCAPTION", "IFRAME")


def has_markers(page: str) -> bool:
    return any(marker in page for marker in MARKERS)


# Cheap checks on the lower-cased raw source decide which passes a page needs; each pass selects in C.
# Regexes here start with a literal so the engine skips ahead instead of trying every position.
HREF_RE = re.compile(
    r"""href\s*=\s*["']?((?:https?:)?//(?:[a-z0-9-]+\.)*(?:twitter\.com|x\.com|instagram\.com|youtube\.com|youtu\.be"""
    r"""|youtube-nocookie\.com|tiktok\.com|facebook\.com|fb\.watch|t\.me|telegram\.me|reddit\.com|redd\.it|bsky\.app"""
    r"""|threads\.net|threads\.com|vimeo\.com|[a-z0-9-]+\.[a-z]{2,}(?=/@))/[^"'\s>]*)""")
CLASS_VALUE_RE = re.compile(r"""class\s*=\s*["']([^"'<>]*?(?:credit|copyright|photographer)[^"'<>]*)["']""")
STRUCTURE_TAGS = ("blockquote", "iframe", "amp-twitter", "amp-instagram", "amp-youtube", "amp-facebook", "amp-vimeo",
                  "lite-youtube", "lite-vimeo", "script", "figure")
IMG_ATTR_RE = re.compile(r"data-(?:photo-|image-)?(?:credit|copyright|photographer)\s*=")
# Words a credit line in prose carries (lower-case "photo" is too common in prose to be a hint). Case-sensitive,
# so the engine can skip quickly; each hit is then read in its own text node only.
PROSE_HINT_RE = re.compile(r"Photo|PHOTO|Credit|CREDIT|©|Getty|REUTERS|AFP|Courtesy|Image(?: credit|:| by| courtesy)"
                           r"|Screen(?:shot|grab)|Illustration(?::| by)")
_XPATHS = {
    "fb": "//div[contains(@class,'fb-post') or contains(@class,'fb-video')]",
    "signature": "//p[contains(.,'(@')] | //blockquote[not(@class)][contains(.,'(@')]",
}
_compiled: dict[str, Any] = {}


def _select(root: Any, name: str, **variables: str) -> list[Any]:
    """Elements for one pass, by a compiled XPath (compiled once, on first use)."""
    if name not in _compiled:
        from lxml import etree

        _compiled[name] = etree.XPath(_XPATHS[name])
    return _compiled[name](root, **variables)


CREDIT_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:photo-?credits?|image-?credits?|img-?credits?|media-?credits?|picture-?credits?|caption-?credits?"
    r"|credits?(?!-?card)|copyright|photographer|photo-?byline|credit-?line)(?:$|[\s_-])",
    re.IGNORECASE,
)
CREDIT_ITEMPROPS = frozenset({"creditText", "copyrightHolder", "copyrightNotice"})
IMG_CREDIT_ATTRS = ("data-credit", "data-photo-credit", "data-image-credit", "data-copyright", "data-photographer")
CREDIT_PREFIX_RE = re.compile(
    r"^\s*(?:(?:photo(?:graph)?|image|picture|video|illustration)s?\s*(?:credits?)?\s*(?:[:：]|by\b)|credits?\s*[:：]|source\s*[:：])\s*",
    re.IGNORECASE,
)
COPYRIGHT_PREFIX_RE = re.compile(r"^(?:(?:©|\(c\)|copyright)\s*)+(?:(?:19|20)\d{2}(?:\s*[–-]\s*(?:19|20)\d{2})?)?\s*", re.IGNORECASE)
TWEET_CLASSES = frozenset({"twitter-tweet", "twitter-video"})
MAX_JSONLD_BYTES = 2_000_000


class SourceMap:
    """Finds an element's character range in the page source from lxml's sourceline and a distinguishing needle."""

    def __init__(self, page: str, lower: str | None = None) -> None:
        self.page = page
        self.lower = lower if lower is not None else page.lower()
        self._line_starts: list[int] | None = None
        self._last = (0, 1)   # (position, its line), for counting lines onward

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:   # built on first use: most pages need few spans
            from itertools import accumulate

            self._line_starts = [0, *accumulate(len(line) + 1 for line in self.page.split("\n"))]
        return self._line_starts

    def span(self, el: Any, needle: str | None = None) -> tuple[int, int]:
        tag = (el.tag if isinstance(el.tag, str) else "script").lower()
        opener = "<" + tag
        # The DOM decodes entities the source keeps (&#038;, &amp;): only the part before the first & is sure.
        needle = (needle or "").split("&")[0].lower() or None
        start = self._by_needle(opener, needle, el.sourceline) if needle and len(needle) >= 4 else -1
        if start < 0:
            start = self._by_line(el, opener, needle)
        if start < 0 and needle:
            start = self._by_line(el, opener, None)   # the first such tag on the element's line
        if start < 0:
            return (0, 0)
        return (start, self._end(tag, start))

    def _by_needle(self, opener: str, needle: str, line: int | None) -> int:
        """The start tag that holds the needle and begins on the element's own line, found without the line
        table: search the needle, then count lines incrementally (elements come mostly in document order)."""
        at = self.lower.find(needle)
        while at >= 0:
            tag_start = self.lower.rfind("<", 0, at)
            tag_end = self.lower.find(">", tag_start)
            # libxml2 may give a start tag written over several lines any of its lines
            if self.lower.startswith(opener, tag_start) and tag_end > at \
                    and (line is None or self._line_at(tag_start) <= line <= self._line_at(tag_end)):
                return tag_start
            at = self.lower.find(needle, at + len(needle))
        return -1

    def _line_at(self, pos: int) -> int:
        last_pos, last_line = self._last if self._last[0] <= pos else (0, 1)
        line = last_line + self.page.count("\n", last_pos, pos)
        self._last = (pos, line)
        return line

    def _by_line(self, el: Any, opener: str, needle: str | None) -> int:
        line = el.sourceline or 1
        pos = self.line_starts[min(line, len(self.line_starts)) - 1]
        for _ in range(200):
            found = self.lower.find(opener, pos)
            if found < 0:
                return -1
            tag_end = self.lower.find(">", found)
            if needle is None or needle in self.lower[found: tag_end + 1]:
                return found
            pos = found + 1
        return -1

    def _end(self, tag: str, start: int) -> int:
        open_end = self.lower.find(">", start)
        if open_end < 0:
            return len(self.page)
        if tag in ("img", "br", "meta", "link", "input", "source"):
            return open_end + 1
        depth = 0
        for match in re.finditer(rf"<(/?){re.escape(tag)}\b", self.lower[start: start + 400_000]):
            depth += -1 if match.group(1) else 1
            if depth == 0:
                close = self.lower.find(">", start + match.start())
                return close + 1 if close >= 0 else len(self.page)
        return open_end + 1


def _classes(el: Any) -> set[str]:
    return set((el.get("class") or "").split())


def _text(el: Any) -> str:
    return re.sub(r"[ \t\r\n\u00a0]+", " ", el.text_content()).strip()


def _parse(page: str) -> Any:
    import lxml.html  # lazy: `--help` must not pay for lxml
    from lxml import etree

    # lxml refuses str input that carries an XML encoding declaration; blank it, keeping every offset.
    if page.lstrip().startswith("<?xml"):
        page = re.sub(r"<\?xml[^>]*\?>", lambda m: " " * len(m.group(0)), page, count=1)
    try:
        return lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return None


def _inside(el: Any, claimed: set[Any]) -> bool:
    return any(anc in claimed for anc in el.iterancestors())


def _tweet_from_blockquote(el: Any, smap: SourceMap, detector: str = "html-blockquote") -> Embed | None:
    """A blockquote.twitter-tweet: text, lang, author, date, status URL and the links its text carries."""
    status = None
    date_text = None
    for a in el.iter("a"):
        ref = x.parse_url(a.get("href") or "")
        if ref is not None and ref.kind == "post":
            status, date_text = ref, _text(a) or None
    para = next(el.iter("p"), None)
    text = _text(para) if para is not None else None
    media, links = [], []
    for a in (para.iter("a") if para is not None else ()):
        href, label = (a.get("href") or "").strip(), _text(a)
        ref = x.parse_url(label) if label.lower().startswith(("pic.twitter.com", "pic.x.com")) else None
        if ref is not None and ref.kind == "media-link":
            media.append(ref.url)
        if href.startswith(("http://", "https://")) and "/hashtag/" not in href and not href.endswith("?ref_src=twsrc%5Etfw"):
            links.append(href)
    whole = _text(el)
    tail = whole[len(text):] if text and whole.startswith(text) else whole
    name = handle = None
    # widgets.js form: "— Name (@handle) <a>date</a>"; a name counts only after the dash.
    signature = re.search(r"(?:(?:—|–|-{1,2})\s*(?P<name>[^()]*?)\s*)?\(@(?P<handle>[A-Za-z0-9_]{1,15})\)", tail)
    if signature:
        name, handle = (signature.group("name") or "").strip() or None, signature.group("handle")
    if status is None and handle is None:
        return None
    handle = handle or (status.author_handle if status else None)
    lang = (para.get("lang") if para is not None else None) or el.get("data-lang")
    return Embed(
        platform="twitter", kind="post",
        url=x.status_url(status.post_id, handle) if status and status.post_id else f"https://twitter.com/{handle}",
        detector=detector, span=smap.span(el, next(iter(_classes(el) & TWEET_CLASSES), None)),
        post_id=status.post_id if status else None, author_handle=handle, author_name=name,
        date_text=date_text, date=parse_date(date_text or ""), text=text or None, lang=lang or None,
        media_links=tuple(dict.fromkeys(media)), links=tuple(dict.fromkeys(links)),
    )


def _embed_from_url(url: str, el: Any, smap: SourceMap, detector: str, needle: str | None = None) -> Embed | None:
    ref = platforms.parse_url(url)
    if ref is None or ref.kind in ("short-link", "profile"):
        return None
    return Embed(
        platform=ref.platform, kind=ref.kind, url=ref.url, detector=detector,
        span=smap.span(el, needle), post_id=ref.post_id, author_handle=ref.author_handle,
        media_links=(ref.url,) if ref.kind == "media-link" else (),
    )


def _embed_at(el: Any, smap: SourceMap) -> Embed | None:
    """The embed an element is, by its tag and class, or None. Elements inside a claimed embed never get here."""
    tag, classes = el.tag, _classes(el)
    if tag == "blockquote":
        if classes & TWEET_CLASSES:
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
        src = el.get("src") or el.get("data-src") or ""
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
            ref = platforms.others.telegram_post(post)
            if ref is not None:
                return Embed(platform="telegram", kind="post", url=ref.url, detector="html-script",
                             span=smap.span(el, "data-telegram-post"), post_id=ref.post_id, author_handle=ref.author_handle)
        return None
    if tag == "div" and classes & {"fb-post", "fb-video"}:
        return _embed_from_url(el.get("data-href") or "", el, smap, "html-xfbml", el.get("data-href"))
    if tag == "figure" and "wp-block-embed" in classes:
        url = _text(el).split(" ")[0] if _text(el) else ""
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


def _instagram(el: Any, smap: SourceMap) -> Embed | None:
    """blockquote.instagram-media; older versions name the author in 'A post shared by Name (@handle)'."""
    url = el.get("data-instgrm-permalink") or next((a.get("href") for a in el.iter("a") if a.get("href")), "")
    embed = _embed_from_url(url or "", el, smap, "html-blockquote", "instagram-media")
    shared = text_detectors.INSTAGRAM_RE.search(_text(el))
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
    ref = platforms.others.bluesky(el.get("data-bluesky-uri") or "")
    if ref is None:
        return None
    para = next(el.iter("p"), None)
    handle_link = next((a for a in el.iter("a") if _text(a).startswith("@")), None)
    date_link = list(el.iter("a"))[-1] if len(list(el.iter("a"))) else None
    whole = _text(el)
    name = re.search(r"(?:—|–)\s*(?P<name>[^(]*?)\s*\(", whole)
    date_text = _text(date_link) if date_link is not None else None
    return Embed(
        platform="bluesky", kind="post", url=ref.url, detector="html-blockquote", span=smap.span(el, "bluesky-embed"),
        post_id=ref.post_id, author_handle=_text(handle_link)[1:] if handle_link is not None else ref.author_handle,
        author_name=name.group("name").strip() if name else None, text=_text(para) if para is not None else None,
        date_text=date_text, date=parse_date(date_text or ""), lang=(para.get("lang") if para is not None else None) or None,
    )


def _image_for(el: Any) -> str | None:
    """The image a caption or credit belongs to: the enclosing figure's first img, or the one img of a small parent."""
    figure = next(el.iterancestors("figure"), None)
    parent = el.getparent()
    if figure is not None:
        images = list(figure.iter("img"))
    elif parent is not None and parent.tag not in ("body", "html", "main", "article", "section"):
        images = list(parent.iter("img"))
        images = images if len(images) == 1 else []
    else:
        images = []
    for img in images:
        src = img.get("src") or img.get("data-src") or img.get("data-lazy-src")
        if src and not src.startswith("data:"):
            return src
    return None


def _credit_from_element(el: Any, smap: SourceMap, source: str, needle: str | None) -> list[Credit]:
    """A credit element (class="credit", itemprop="creditText") is a credit as a whole, prefix words aside."""
    raw = _text(el)
    if not raw or len(raw) > 200:
        return []
    span, image = smap.span(el, needle), _image_for(el)
    found = credit_patterns.find_credits(raw, source=source, image=image)
    if found:
        return [replace(c, span=span) for c in found]
    value = CREDIT_PREFIX_RE.sub("", raw).strip()
    value = COPYRIGHT_PREFIX_RE.sub("", value).strip()
    if not credit_patterns.looks_like_credit_value(value, strict=False) or len(value.split()) > 14:
        return []
    creator: str | None
    organization: str | None
    if el.get("itemprop") == "copyrightHolder":
        creator, organization = None, value
    else:
        creator, organization = credit_patterns.split_credit(value)
    return [Credit(raw=raw, source=source, span=span, creator=creator, organization=organization,
                   image=image, form="css-class" if source == "caption" else "itemprop")]


def _jsonld_objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _jsonld_objects(value)
    elif isinstance(data, list):
        for item in data:
            yield from _jsonld_objects(item)


def _name_of(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _name_of(value.get("name"))
    if isinstance(value, list) and value:
        names = [n for n in (_name_of(v) for v in value) if n]
        return ", ".join(names) or None
    return None


def _credits_from_jsonld(el: Any, smap: SourceMap) -> list[Credit]:
    """schema.org ImageObject credits: creditText, creator, copyrightHolder, copyrightNotice, tied to url/contentUrl."""
    raw_json = el.text or ""
    if not raw_json.strip() or len(raw_json) > MAX_JSONLD_BYTES:
        return []
    try:
        data = json.loads(raw_json)
    except ValueError:
        return []
    found = []
    for obj in _jsonld_objects(data):
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if "ImageObject" not in kinds and "Photograph" not in kinds:
            continue
        credit_text = _name_of(obj.get("creditText"))
        creator = _name_of(obj.get("creator")) or _name_of(obj.get("author"))
        holder = _name_of(obj.get("copyrightHolder"))
        notice = _name_of(obj.get("copyrightNotice"))
        if not (credit_text or creator or holder or notice):
            continue
        image = obj.get("contentUrl") or obj.get("url")
        raw = credit_text or notice or " / ".join(v for v in (creator, holder) if v)
        if credit_text and not creator:
            creator, split_org = credit_patterns.split_credit(credit_text)
            holder = holder or split_org
        found.append(Credit(raw=raw, source="json-ld", span=smap.span(el, "ld+json"), creator=creator,
                            organization=holder, image=image if isinstance(image, str) else None, form="json-ld"))
    return found


def scan(page: str) -> tuple[list[Embed], list[Credit]]:
    """Every embed and credit in an HTML page, in order of appearance, each once."""
    if not has_markers(page):
        return [], []
    root = _parse(page)
    if root is None:
        return [], []
    lower = _lower(page)
    smap = SourceMap(page, lower)
    embeds: list[Embed] = []
    claimed: set[Any] = set()
    for el in _embed_candidates(root, page, lower):
        if claimed and _inside(el, claimed):
            continue
        embed = _embed_at(el, smap)
        if embed is not None:
            embeds.append(embed)
            claimed.add(el)
    credits: list[Credit] = []
    credited: set[Any] = set()
    for el in _credit_candidates(root, page, lower):
        if not (claimed and _inside(el, claimed)):
            credits.extend(_credits_at(el, smap, credited))
    credits.extend(_prose_credits(page, lower, taken=[c.span for c in credits] + [e.span for e in embeds]))
    embeds.extend(_source_urls(page, lower, taken=[e.span for e in embeds] + [a for e in embeds for a in e.also_at]))
    if "(@" in page and text_detectors.SIGNATURE_RE.search(page):
        for el in _select(root, "signature"):
            if not (claimed and _inside(el, claimed)):
                embeds.extend(_signatures_in(el, smap))
    return _dedupe(embeds), sorted(credits, key=lambda c: c.span)


def _embed_candidates(root: Any, page: str, lower: str) -> Iterator[Any]:
    """Structural embeds first (so they claim the links inside them), then links to posts in the prose."""
    for el in root.iter(*STRUCTURE_TAGS):
        if el.tag != "script" or el.get("data-telegram-post"):
            yield el
    if "fb-post" in lower or "fb-video" in lower:
        yield from _select(root, "fb")
    timelines = "twitter-timeline" in lower
    # Hrefs found in the source, as the DOM will give them (entities decoded), that name a post.
    found = {unescape(page[m.start(1): m.end(1)]) for m in HREF_RE.finditer(lower)}
    wanted = {h for h in found if (ref := platforms.parse_url(h)) is not None and ref.kind != "timeline"}
    if wanted or timelines:
        for el in root.iter("a"):
            href = (el.get("href") or "").strip()
            if href in wanted or (timelines and "twitter-timeline" in (el.get("class") or "")):
                yield el


# Post URLs kept in script data or escaped markup: found by their host with str.find (C speed), read from there.
SOURCE_HOSTS = {"twitter.com": ("/status",), "youtube.com": ("/embed/", "watch?v="), "youtube-nocookie.com": ("/embed/",),
                "instagram.com": ("/p/", "/reel/"), "tiktok.com": ("/video/",)}
SOURCE_TAIL_RE = re.compile(r"""(?:\\?/)[^\s"'<>&]{4,200}""")
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
            tail = SOURCE_TAIL_RE.match(page, at + len(host))
            if tail and any(shape in tail.group(0).replace("\\/", "/") for shape in shapes) \
                    and not any(s <= begin < e for s, e in taken):
                ref = platforms.parse_url("https://" + page[begin:tail.end()].replace("\\/", "/"))
                if ref is not None and ref.kind in ("post", "video") and ref.post_id:
                    found.append(Embed(platform=ref.platform, kind=ref.kind, url=ref.url, detector="html-source",
                                       span=(begin, tail.end()), post_id=ref.post_id, author_handle=ref.author_handle))
            at = lower.find(host, at + len(host))
    return found


def _lower(page: str) -> str:
    """page.lower() when it keeps every offset (nearly always); else only ASCII letters are lowered."""
    lowered = page.lower()
    if len(lowered) == len(page):
        return lowered
    return page.translate({c: c + 32 for c in range(65, 91)})


def _prose_credits(page: str, lower: str, *, taken: list[tuple[int, int]]) -> list[Credit]:
    """Credits in running text ('(AP Photo/Jane Doe)' in a paragraph): each hint word's own text node is read,
    outside tags, scripts, styles, footers and whatever an element-level detector already took."""
    found: list[Credit] = []
    done_until = -1
    blocks = _blocks(lower)
    starts = [b[0] for b in blocks]
    for hit in PROSE_HINT_RE.finditer(page):
        at = hit.start()
        if at < done_until or any(s <= at < e for s, e in taken):
            continue
        node_start = page.rfind(">", 0, at) + 1
        if page.rfind("<", node_start - 1, at) >= node_start or _in_ranges(blocks, starts, at):
            continue   # inside a tag, or in a script, style, footer or nav
        node_end = page.find("<", at)
        node_end = len(page) if node_end < 0 else node_end
        done_until = node_end
        text = page[node_start:node_end]
        if len(text) > 2000:
            continue
        for credit in credit_patterns.find_credits(text, source="text", offset=node_start):
            if credit.form != "copyright":   # a page's own copyright notice is no photo credit
                found.append(credit)
    return found


def _blocks(lower: str) -> list[tuple[int, int]]:
    """Ranges of script, style, footer and nav elements in the source, sorted: text there is no article prose."""
    ranges = []
    for tag in ("script", "style", "footer", "nav"):
        at = lower.find("<" + tag)
        while at >= 0:
            end = lower.find("</" + tag, at)
            end = len(lower) if end < 0 else end
            ranges.append((at, end))
            at = lower.find("<" + tag, end)
    return sorted(ranges)


def _in_ranges(ranges: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    i = bisect_right(starts, at) - 1
    return any(ranges[j][0] <= at < ranges[j][1] for j in range(max(0, i - 3), i + 1))


def _credit_candidates(root: Any, page: str, lower: str) -> list[Any]:
    """Credit candidates in one traversal: a predicate built from the cheap checks that fired on this page."""
    tests = []
    if "ld+json" in lower:
        tests.append("(self::script and @type='application/ld+json')")
    if IMG_ATTR_RE.search(lower):
        tests.append("(self::img and (@data-credit or @data-photo-credit or @data-image-credit or @data-copyright"
                     " or @data-photographer))")
    # class values come from CLASS_VALUE_RE, which admits no quote: safe inside an XPath string literal
    tests += [f"@class='{_original_case(page, lower, v)}'" for v in dict.fromkeys(
        m.group(1) for m in CLASS_VALUE_RE.finditer(lower))]
    if "itemprop" in lower and ("credittext" in lower or "copyright" in lower):
        tests.append("@itemprop='creditText' or @itemprop='copyrightHolder' or @itemprop='copyrightNotice'")
    if "<figcaption" in lower:
        tests.append("self::figcaption")
    if not tests:
        return []
    expression = "//*[" + " or ".join(tests) + "]"
    if expression not in _compiled:
        from lxml import etree

        if len(_compiled) > 512:
            _compiled.clear()
        _compiled[expression] = etree.XPath(expression)
    return _compiled[expression](root)


def _original_case(page: str, lower: str, value: str) -> str:
    """A class value found in the lower-cased page, as the page spells it (XPath compares exactly)."""
    at = lower.find(value)
    return page[at: at + len(value)] if at >= 0 else value


def _credits_at(el: Any, smap: SourceMap, credited: set[Any]) -> list[Credit]:
    tag = el.tag
    if credited and _inside(el, credited):
        return []
    if any(anc.tag in ("footer", "nav") for anc in el.iterancestors()):
        return []   # a site's own copyright line is no photo credit
    if tag == "script" and (el.get("type") or "").lower() == "application/ld+json":
        return _credits_from_jsonld(el, smap)
    if tag == "img":
        for attr in IMG_CREDIT_ATTRS:
            value = (el.get(attr) or "").strip()
            if value and credit_patterns.looks_like_credit_value(value, strict=False):
                creator, organization = credit_patterns.split_credit(CREDIT_PREFIX_RE.sub("", value))
                src = el.get("src") or el.get("data-src")
                return [Credit(raw=value, source="attribute", span=smap.span(el, attr), creator=creator,
                               organization=organization, image=src, form=attr)]
        return []
    itemprop = el.get("itemprop") or ""
    css = el.get("class") or ""
    if itemprop in CREDIT_ITEMPROPS or CREDIT_CLASS_RE.search(css):
        credited.add(el)
        if "opyright" in css and not itemprop and _image_for(el) is None:
            return []   # "copyright" with no image near it is the page's notice, not a photo's
        return _credit_from_element(el, smap, "caption", itemprop or None)
    if tag == "figcaption":
        has_credit_child = any(
            CREDIT_CLASS_RE.search(child.get("class") or "") or (child.get("itemprop") or "") in CREDIT_ITEMPROPS
            for child in el.iterdescendants() if isinstance(child.tag, str)
        )
        if has_credit_child:
            return []   # the child is read on its own, as the credit element it is
        credited.add(el)
        text = _text(el)
        span, image = smap.span(el), _image_for(el)
        return [replace(c, span=span) for c in credit_patterns.find_credits(text, source="caption", image=image)]
    return []


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
