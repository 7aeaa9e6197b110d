"""The article's own pictures: its og:image and the images in its body or its figures, as the page writes their
addresses, for saying which of them no credit names (newuser42a #11: an image with no credit was never named, so an
editor could not tell "no credit found" from "not looked at"). Pure: a parsed page in, addresses out.

Only content pictures: never a data: URI, an icon, a logo, an avatar, a tracking pixel or a spacer (by its address,
its class, id or alt words, a size of its own under 100 pixels or a style hiding it), nor an image in the page's
navigation, footer, asides, related-story lists, share bars, advert slots or an embedded post (a post's media are the
post's).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from resolver.extract.dom import parse, select
from resolver.lazy import LazyPattern

OG_IMAGE_NAMES = ("og:image", "og:image:url", "og:image:secure_url")
# The attributes an <img> names its picture in, the lazy-loaded ones first (their src is often a placeholder)
LAZY_ATTRS = ("data-src", "data-lazy-src", "data-original", "src")
# Words of an address, a class, an id or an alt text that say the image is no article picture
NOT_CONTENT_RE = LazyPattern(
    r"logos?(?:[^a-z]|$)"   # "fblogo.jpg", "site-logo.png": a logo's name ends in it
    r"|(?:^|[^a-z])(?:icons?|favicon|avatars?|gravatar|sprites?|pixel|spacer|blank|transparent|placeholder"
    r"|tracking|tracker|beacon|badge|emoji|1x1|profile[-_]?(?:pic|photo|image)|author|headshot|mugshot|byline"
    r"|loader|loading|spinner|advert|sponsor)(?:[^a-z]|$)", 0)
# Containers whose images are the page's furniture, another story's or a post's, not the article's pictures
# (not <header>: an article's own header holds its lead picture)
FURNITURE_TAGS = frozenset({"nav", "footer", "aside", "blockquote", "form", "noscript", "svg"})
FURNITURE_CLASS_RE = LazyPattern(
    r"(?:^|[^a-z])(?:related|recommend|more-stories|read-more|promo|newsletter|share|social|sharing|comments?"
    r"|author|byline|avatar|sidebar|widget|advert|sponsor|outbrain|taboola|teaser|card-list|trending|most-read"
    r"|twitter-tweet|instagram-media|tiktok-embed)(?:[^a-z]|$)"
    # an advert's slot: "ad", "ad-slot", "div-gpt-ad-1" (review45c), a word of its own between spaces, hyphens or
    # underscores: never the letters of a generated class name's hash ("css-1ad2x9", "sc-3ad1c0e2-0", review46b)
    r"|(?:^|(?<=[\s_-]))(?:ads?|adslot|dfp|gpt)(?=[\s_-]|$)")
# An advertising or audience-measuring service's address: its picture is a pixel or an advert (review45c)
# ("adsystem", "adservice" as a host's word: "amazon-adsystem.com", never "roadservice-crew.jpg", review46b)
TRACKER_RE = LazyPattern(r"scorecardresearch|doubleclick|googlesyndication|googleadservices|(?<![a-z])adsystem"
                         r"|(?<![a-z])adservice"
                         r"|quantserve|facebook\.com/tr\b")
# A picture drawn hidden or tiny by its style (a tracking pixel's "display:none", "width:1px;height:1px")
HIDDEN_STYLE_RE = LazyPattern(r"display\s*:\s*none|visibility\s*:\s*hidden|(?:^|[;\s])(?:width|height)\s*:\s*(\d{1,2})(?:\.\d+)?px")
SMALL = 100   # a picture drawn smaller than this (width or height in its own attributes) is an icon or a pixel


@dataclass(frozen=True)
class ShownImage:
    """One of the article's pictures: its address as the page writes it (maybe relative) and where it stands."""

    url: str
    where: str   # "og:image" | "article"
    # the image's other addresses (its src beside a lazy data-src, its srcset's): a credit tied to any is its credit
    # (review45c: one tied to the src of an <img> whose data-src was listed named it as a picture with no credit)
    others: tuple[str, ...] = ()


def content_images_of(page: str, *, utf8: bytes | None = None) -> list[ShownImage]:
    """`content_images` of an HTML page, parsed here (`utf8`: as `dom.parse`). A parse and walks of its own: the
    walks alone were 2.5% of a scan's time over the corpus (#14: a scan may grow by 2% at most for this), so made
    on the report's path alone (`workers.extract_item` with `texts`), never a plain scan's."""
    tree = parse(page, utf8=utf8)
    return content_images(tree) if tree is not None else []


def content_images(tree: Any) -> list[ShownImage]:
    """The article's og:image(s) and the content pictures of its body (the only <article>, or of several the one with
    most text; with none, the page's <figure>s), each address once, in page order."""
    root = tree.root
    if root is None:
        return []
    found: list[ShownImage] = []
    seen: set[str] = set()
    # The head's og:image (a page's head is small: a walk of it alone), then the <article>s by their tag name, faster
    # than a selector's walk of the whole tree
    heads = select(tree.head, "meta[property^='og:image'], meta[name^='og:image']") if tree.head is not None else []
    for el in heads:
        if (el.attrs.get("property") or el.attrs.get("name")) in OG_IMAGE_NAMES:
            url = (el.attrs.get("content") or "").strip()
            if url and url not in seen and _content_address(url):
                seen.add(url)
                found.append(ShownImage(url, "og:image"))
    articles = tree.tags("article")
    if articles:
        body = max(articles, key=lambda el: len(el.text(deep=True) or "")) if len(articles) > 1 else articles[0]
        images = select(body, "img, amp-img")
    else:
        images = select(tree.body or root, "figure img, figure amp-img, [itemprop='articleBody'] img")
    for el in images:
        url = _address(el)
        if url and url not in seen and _content_image(el, url):
            seen.add(url)
            found.append(ShownImage(url, "article", tuple(other for other in _addresses(el) if other != url)))
    return found


def _addresses(el: Any) -> list[str]:
    """Every address an <img> names its picture by (its lazy attributes, src, srcsets), as written, each once."""
    attributes = el.attributes
    found: list[str] = []
    for name in LAZY_ATTRS:
        value = (attributes.get(name) or "").strip()
        if value and not value.startswith("data:") and value not in found:
            found.append(value)
    for name in ("data-srcset", "srcset"):
        for candidate in (attributes.get(name) or "").split(","):
            value = candidate.strip().split(" ")[0]
            if value and not value.startswith("data:") and value not in found:
                found.append(value)
    return found


def _address(el: Any) -> str | None:
    """The picture's address: a lazy-loading attribute's before a src that may be a placeholder; a srcset's first."""
    attributes = el.attributes
    for name in LAZY_ATTRS:
        value = (attributes.get(name) or "").strip()
        if value and not value.startswith("data:"):
            return value
    for name in ("data-srcset", "srcset"):
        value = (attributes.get(name) or "").strip()
        if value and not value.startswith("data:"):
            return value.split(",")[0].strip().split(" ")[0] or None
    return None


def _content_address(url: str) -> bool:
    """An address that may be a content picture: no data: URI, no icon's, logo's, pixel's or vector drawing's."""
    lowered = url.lower()
    path = lowered.split("?")[0].split("#")[0]
    return not lowered.startswith(("data:", "javascript:", "about:")) and not path.endswith((".svg", ".ico")) \
        and NOT_CONTENT_RE.search(path) is None and TRACKER_RE.search(lowered) is None


def _content_image(el: Any, url: str) -> bool:
    """Is an <img> one of the article's pictures: a content address, no icon's words in its class, id or alt, no
    size of its own under `SMALL`, and in no container of the page's furniture or of an embedded post?"""
    if not _content_address(url):
        return False
    attributes = el.attributes
    words = " ".join(attributes.get(name) or "" for name in ("class", "id", "alt", "role")).lower()
    if NOT_CONTENT_RE.search(words) or attributes.get("aria-hidden") == "true" \
            or attributes.get("role") == "presentation" or "hidden" in attributes:
        return False
    if (style := attributes.get("style")) and HIDDEN_STYLE_RE.search(style.lower()):
        return False   # drawn hidden, or under 100 pixels wide or high (review45c)
    for name in ("width", "height"):
        size = (attributes.get(name) or "").strip().removesuffix("px")
        if size.isdigit() and int(size) < SMALL:
            return False
    node = el.parent
    while node is not None and node.tag not in ("body", "html", "-undef"):
        if node.tag in FURNITURE_TAGS:
            return False
        marks = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower() \
            if node.attributes else ""
        if marks.strip() and FURNITURE_CLASS_RE.search(marks):
            return False
        node = node.parent
    return True
