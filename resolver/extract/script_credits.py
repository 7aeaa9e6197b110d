"""Photo credits kept only in a page's script data: page state (`window.__data = {...}`, a config object), a
WordPress REST `wp:featuredmedia` object, an image gallery's JSON (#11).

Page state also holds other stories' images (related links, promos, the next article), so a credit is taken only
when the image it belongs to is shown by this article: the image node's own URL is the page's og:image, a JSON-LD
article's image, or an image the article body renders (an <img> or <source> outside related boxes, footers, navs and
asides), the same image at another size counting as the same (`image_keys`); or the image is one the article's own
object in the page state keeps as its media (the object naming the page's canonical URL as its own: a Next.js
slideshow the page shows no <img> of). A credit on an image the page does not show is not taken: a wrong credit in
a report is worse than none.

An image node is a JSON object whose own URL (`url`, `src`, `href`, `source_url`, `contentUrl`, or such a key's
`primary`) is an image file, or whose content type is an image's; its credit fields (`credit`, `creditText`,
`copyrightHolder`, ...), a credit line in its caption, and its `authors` beside a `source` name are read, the fuller
of two readings of one node kept.
Pure: no network.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache, partial
from html import unescape
from typing import Any
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

from resolver import jsonparse
from resolver.extract import credits as credit_patterns
from resolver.extract.dom import AncestorMemo, select
from resolver.lazy import LazyPattern
from resolver.extract.needles import Needles
from resolver.extract.spans import SourceMap
from resolver.model import Credit

# Where a credit can sit: after the colon of a credit key (`"credit":`, `"photoCredit":`, `"creditText":`,
# `"copyrightHolder":`, `"photographer":`), or of a source naming who supplied an image (NBC News'
# `"source":{"name":`); in JSON in an attribute, its quotes written `&quot;`. One pass over the page: the engine's
# scan for ':' is a tight loop, each colon after a quote or ';' trying the look-behinds (the one-character test
# first: 0.8 of the time), where a `str.find` per key was a pass each (#14: eleven substring tests cost a fifth of
# a scan). A `"caption":` only when its string holds an agency's slash ("... REUTERS/Jane Doe", "AP Photo/Jane
# Doe"): pages keep many captions, few of them credits (Reuters' slideshow images, #11). Each key ends in e, n, r
# or t (`&quot;` too): tested first, a colon after any other key tries no look-behind, so the caption's costs
# nothing measurable (#14).
ANCHOR_RE = LazyPattern(r':(?<=[entr][";]:)(?:(?<=redit":)|(?<=creditText":)|(?<=Holder":)|(?<="photographer":)'
                       r'|(?<="source":)(?=\{"name")|(?<=redit&quot;:)|(?<=Holder&quot;:)'
                       r'|(?<="caption":)(?="(?:[^"\\]|\\.){0,2000}?(?:[A-Z]{2}|Reuters|Photo)/ ?[A-Z]))')
# What ANCHOR_RE's look-behinds hold, each ending at the colon it matches at: found with the page's other needles
# (`needles.Needles`), ANCHOR_RE is tried only at their colons (#14).
ANCHOR_KEYS = ('redit":', 'creditText":', 'Holder":', '"photographer":', '"source":', 'redit&quot;:', 'Holder&quot;:',
               '"caption":')
# The data attribute a JSON anchor is in (the BBC's video placeholders' data-media-meta), in any case, as HTML names
# are (#11).
ATTRIBUTE_NAME_RE = LazyPattern(r'\s(data-[a-z0-9-]+)\s*=\s*"', re.IGNORECASE | re.ASCII)
SCRIPT_OPEN, SCRIPT_CLOSE = "<script", "</script"
CASED_SCRIPT_RE = LazyPattern(r"</?(?!script)(?i:script)", re.ASCII)   # `<SCRIPT>`, `</Script>`: a tag name in capitals
SCRIPT_TAG_RE = LazyPattern(r"<(/?)(?i:script)", re.ASCII)   # SCRIPT_OPEN (group 1 empty) or SCRIPT_CLOSE, in any case
TOKEN_RE = LazyPattern(r'[{}\[\]"]')
WHOLE_KEYS = ("credit", "creditText", "credits", "copyrightHolder", "photoCredit", "imageCredit", "photo_credit",
              "image_credit", "photographer")
NAME_KEYS = ("authors", "author", "creator", "photographers")
URL_KEYS = ("url", "src", "href", "source_url", "contentUrl", "contentURL", "imageUrl", "image_url")
IMAGE_PATH_RE = LazyPattern(r"\.(?:jpe?g|png|gif|webp|avif)$", re.IGNORECASE)
TYPE_KEYS = ("content_type", "contentType", "mimeType", "mime_type")   # "image/jpeg": an image whatever its URL
# Query parameters that size an image rather than name it (an image named by its query: Reuters' `/resources/r/?
# ...&i=1478767273&r=LYNX...&w=800`)
SIZE_PARAMS = frozenset({"w", "h", "width", "height", "q", "quality", "dpr", "fit", "auto", "fm", "format", "resize"})
REACH = 8_000         # characters looked back from a credit key for the objects around it
MAX_ANCHORS = 500     # credit keys read on one page: each may look back REACH, so a page of keys stays linear (#12)
LEVELS = 3            # objects looked through, innermost first, for the image node a credit key sits in (a
                      # WordPress image's credit sits in its media_details.image_meta: three)
MAX_NODE = 20_000     # an image node is small; a larger object is a story or the page's state, and so are those
                      # around it: not parsed (#14: the objects around a story's credit keys were most of the cost)
# Size names: WordPress's "-1024x683", "-scaled", "-e1574186678" (an edited copy), a retina "@2x", NPR's "-s1100-c50".
SIZE_SUFFIX_RE = LazyPattern(r"(?:-\d{2,5}x\d{2,5}|-scaled|-e\d{9,}|@\dx|-s\d{2,5}(?:-c\d{1,3})?)+$")
HASH_SEGMENT_RE = LazyPattern(r"[0-9a-f]{24,}")   # a content hash naming the image (the Guardian's /img/media/<sha1>/)
NOT_ARTICLE_TAGS = frozenset({"footer", "nav", "aside"})
OTHER_STORIES_RE = LazyPattern(r"related|promo|recommend|most-?(?:popular|read|viewed)|trending|sidebar|teaser"
                               r"|outbrain|taboola|onward|more-?(?:stories|from|news)|next-?(?:article|story)|footer",
                               re.IGNORECASE)
ARTICLE_TYPES = ("Article", "BlogPosting", "Report")


def find_anchors(page: str, needles: Needles) -> tuple[list[int], list[int]] | None:
    """Where the page names a credit key in JSON: (in script data, in an attribute's JSON), each the position of
    the key's colon; None when it names none, as most pages do: then nothing more is done (#14). `needles`: the
    page's needles, ANCHOR_KEYS among them."""
    colons = sorted({start + len(key) - 1 for key in ANCHOR_KEYS for start in needles.starts[key]})
    in_json: list[int] = []
    in_attribute: list[int] = []
    for colon in colons:
        if ANCHOR_RE.match(page, colon):
            (in_json if page[colon - 1] == '"' else in_attribute).append(colon)
    return (in_json, in_attribute) if in_json or in_attribute else None


@lru_cache(maxsize=1024)   # a page asks for a node's image's keys several times (#11: a fifth of Reuters' scan)
def image_keys(url: str) -> frozenset[str]:
    """What names an image whatever its size: its path without scheme, host (CDN shards differ) or query (width,
    quality, signature); a content-hash segment; the file name without its extension, extra suffixes
    (NBC News' ".nbcnews-fp-1200-630") or WordPress size names, when it is distinctive (12 characters or more,
    letters and digits). `4800.jpg` is not: the Guardian names an image by its hash, and a crop by a segment."""
    split = _image_path(url)
    if split is None:
        return NO_KEYS
    parts, path = split
    if not IMAGE_PATH_RE.search(path):
        return _query_keys(parts, path)
    keys = {"path:" + path}
    segments = path.split("/")
    keys.update("id:" + s for s in segments[:-1] if HASH_SEGMENT_RE.fullmatch(s))
    stem = SIZE_SUFFIX_RE.sub("", segments[-1].split(".")[0])
    if len(stem) >= 12 and re.search(r"[a-z]", stem) and re.search(r"\d", stem):
        keys.add("id:" + stem)
    return frozenset(keys)


@lru_cache(maxsize=1024)
def photo_key(url: str) -> str | None:
    """What names one photo whatever its size, strictly: its server (`_server`), folder and file name less extension
    and size names (scheme and query aside: widths differ), or for an image named by its query, that query less its
    sizes (`_query_keys`); None when nothing names it. Stricter than `image_keys`, which matches a script node's image
    to a shown one: a folder every image of a site shares (Squarespace's 24-hex site id) or one file name in two
    folders named two photos as one, and one photographer's credits on them were merged (review26b); so did one path
    on two servers (#10), as `sizes_apart` already told apart."""
    split = _image_path(url)
    if split is None:
        return None
    parts, path = split
    if not IMAGE_PATH_RE.search(path):
        return next(iter(_query_keys(parts, path)), None)
    folder, _, name = path.rpartition("/")
    return f"{_server(parts)}{folder}/{SIZE_SUFFIX_RE.sub('', name.split('.')[0])}"


# A folder naming an image's size: "w620", "1200w", "620x349", "resize-620", a transform's "c_fill,w_620" (a video
# codec's "h264" is none); and a CDN's short hash ahead of the path, which differs with the size (the Globe and Mail's
# "/4e8/..." and "/078/..."): one with a digit, not a word written in hex letters ("bad", "fed": review27b #3).
SIZE_FOLDER_RE = LazyPattern(r"(?!h26[1-6]$)[wh]\d{2,5}|\d{2,5}[wh]|\d{2,5}x\d{2,5}|"
                             r"(?:resized?|size|fit|crop|thumb|width)[=_,-]?"
                             r"\d{2,5}(?:x\d{2,5})?|(?:[a-z]{1,2}_[\w.:]+,)*[wh]_\d{2,5}(?:,[a-z]{1,2}_[\w.:]+)*")
SHARD_FOLDER_RE = LazyPattern(r"(?=[a-f]*\d)[0-9a-f]{3}")


def sizes_apart(a: str, b: str) -> bool:
    """Are two image addresses one photo in two size folders: the same file name under folders
    that differ only where both name a size, and, besides, in the CDN's three-character hash ahead of the path (the
    Globe and Mail's `/4e8/.../ALTERNATES/w220/web-dip29nw1.JPG` and `/078/.../w620/web-dip29nw1.JPG`, #11)? A
    folder differing in anything else (a site's, a section's, a year's, "a" and "b") is another photo's (review26b),
    and so is a file on another server (`_server`: two sites may name two photos alike, review27b #3)."""
    parts_a, parts_b = _raw_parts(a), _raw_parts(b)
    if parts_a[-1] != parts_b[-1] or len(parts_a) != len(parts_b) or not any(
            one != other and SIZE_FOLDER_RE.fullmatch(one) and SIZE_FOLDER_RE.fullmatch(other)
            for one, other in zip(parts_a, parts_b)):
        return False   # most pairs asked (asked before any parse): two files, or one name in folders no size tells
        # apart (a CDN that names every photo "920x920.jpg" in its own folder)
    split_a, split_b = _image_path(a), _image_path(b)
    if split_a is None or split_b is None or not (IMAGE_PATH_RE.search(split_a[1]) and IMAGE_PATH_RE.search(split_b[1])):
        return False
    if _server(split_a[0]) != _server(split_b[0]):
        return False
    folders_a, folders_b = split_a[1].split("/"), split_b[1].split("/")
    if len(folders_a) != len(folders_b) or folders_a[-1] != folders_b[-1]:
        return False
    sized = False
    for at, (one, other) in enumerate(zip(folders_a[:-1], folders_b[:-1])):
        if one == other:
            continue
        if SIZE_FOLDER_RE.fullmatch(one) and SIZE_FOLDER_RE.fullmatch(other):
            sized = True
        elif not (at == 1 and SHARD_FOLDER_RE.fullmatch(one) and SHARD_FOLDER_RE.fullmatch(other)):
            return False
    return sized


def _server(parts: SplitResult) -> str:
    """The server an image address names, as "one photo" compares it: its host and port, case aside and a leading
    "www." aside; the scheme aside (http, https and a protocol-relative `//` fetch one server's file). A relative
    address gives "" (the page's own server, which is not known here: never the same as a named one)."""
    return parts.netloc.lower().rpartition("@")[2].removeprefix("www.")


def file_of(url: str) -> tuple[str, int]:
    """An address's file name as written and how many parts it has: what two addresses `sizes_apart` share."""
    parts = _raw_parts(url)
    return parts[-1], len(parts)


def _raw_parts(url: str) -> list[str]:
    """An address as written, lower-cased, query and fragment aside, split at each '/'."""
    return url.split("#", 1)[0].split("?", 1)[0].lower().split("/")


def _image_path(url: str) -> tuple[SplitResult, str] | None:
    """An image URL split, and its path decoded, lower-cased, without a closing '/'; None when it does not parse."""
    try:
        parts = urlsplit(unescape(url.strip()))
        return parts, unquote(parts.path).lower().rstrip("/")
    except ValueError:
        return None


def _query_keys(parts: SplitResult, path: str) -> frozenset[str]:
    """An image whose path names no image file is named by its host, path and query less its size parameters
    (Reuters' `/resources/r/?m=02&d=...&i=...&r=...`); none when nothing but sizes is left."""
    try:
        kept = sorted((k.lower(), v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                      if k.lower() not in SIZE_PARAMS)
    except ValueError:
        return NO_KEYS
    if not kept:
        return NO_KEYS
    return frozenset({f"query:{parts.netloc.lower()}{path}?" + "&".join(f"{k}={v}" for k, v in kept)})


IMAGE_ATTRS = ("src", "data-src", "data-lazy-src", "data-original", "srcset", "data-srcset")
OG_IMAGE_NAMES = ("og:image", "og:image:url", "og:image:secure_url")


class ShownImages:
    """Which of the image nodes' images (`wanted`: their URLs) the article shows, by `image_keys`: og:image, JSON-LD
    articles' images, and the <img>/<source> of the article body. Filled from each parse of the page (a large page
    is parsed in slices). Only an image that may be a node's is looked at further (#14: working out the keys of
    each of the 45 MB page's images, and whether it sits in the article, cost 57 ms of its scan's 720)."""

    def __init__(self, wanted: Iterable[str]) -> None:
        self.wanted = {key for url in wanted for key in image_keys(url)}
        self.keys: set[str] = set()   # the wanted keys of the images the article shows
        self.own_urls: list[str] = []  # the page's own URL: its canonical link, its og:url
        # Each wanted key's runs of letters and digits, by its longest: what a URL's plain path must all hold
        self._runs: dict[str, list[frozenset[str]]] | None = {}
        for key in self.wanted:
            runs = RUN_RE.findall(key.split(":", 1)[1].split("?", 1)[0])   # a query's are not in a URL's path
            if not runs:   # none expected (an image file's name has an extension); such a key rules nothing out
                self._runs = None
                break
            self._runs.setdefault(max(reversed(runs), key=len), []).append(frozenset(runs))
        self._of_url: dict[str, frozenset[str]] = {}      # a URL -> the wanted keys of its image
        self._of_value: dict[str, list[frozenset[str]]] = {}   # an attribute's value -> those of its URLs'

    def shows(self, url: str) -> bool:
        """Does the article show the image at `url`, one of the wanted?"""
        return not self.keys.isdisjoint(image_keys(url))

    def add_tree(self, tree: Any, related: list[Any], jsonld: list[Any]) -> None:
        """The images a parse of the page shows; `jsonld`: its JSON-LD scripts (the credit pass selected them)."""
        root = tree.root
        if root is None:
            return
        if not self.own_urls and tree.head is not None:   # the first parse holds the page's head
            self.own_urls = [url for el in select(tree.head, "link[rel~='canonical'], meta[property='og:url']")
                             if (url := (el.attrs.get("href") or el.attrs.get("content") or "").strip())]
        articles = []   # selected with og:image, in one walk of the tree (the parser puts each in the body)
        for el in select(root, "meta[property^='og:image'], meta[name^='og:image'], article"):
            if el.tag == "article":
                articles.append(el)
            elif (el.attrs.get("property") or el.attrs.get("name")) in OG_IMAGE_NAMES:
                self.keys |= self._wanted_keys(el.attrs.get("content") or "")
        for script in jsonld:
            for url in _jsonld_article_images(script.text(deep=True) or ""):
                self.keys |= self._wanted_keys(url)
        outside = _outside_memo(related)
        for el in select(_article_body(tree, articles), "img, source"):
            # One dict of the element's attributes: `attrs.get` raises and catches a KeyError for each name missing.
            attributes = el.attributes
            found = [keys for name in IMAGE_ATTRS if (value := attributes.get(name)) for keys in self._in_value(value)]
            # The walk up the tree, only for an image that is wanted and not known to be shown yet
            if found and not all(keys <= self.keys for keys in found) and outside(el.parent):
                self.keys.update(*found)

    def _in_value(self, value: str) -> list[frozenset[str]]:
        """The wanted keys of each image an attribute's value names that has some (a srcset names several)."""
        found = self._of_value.get(value)
        if found is None:
            if self._runs is not None and value.isascii() and not ESCAPE_RE.search(value) \
                    and self._runs.keys().isdisjoint(RUN_RE.findall(value.lower())):
                found = []   # a plain value: its URLs' paths' runs are among its own (spaces and commas part them)
            else:
                found = [keys for candidate in value.split(",")
                         if (keys := self._wanted_keys(candidate.strip().split(" ")[0]))]
            self._of_value[value] = found
        return found

    def _wanted_keys(self, url: str) -> frozenset[str]:
        """The wanted keys of the image at `url`: its `image_keys` that a node's image has too."""
        keys = self._of_url.get(url)
        if keys is None:
            keys = (frozenset(image_keys(url) & self.wanted) or NO_KEYS) if self._may_be_wanted(url) else NO_KEYS
            self._of_url[url] = keys
        return keys

    def _may_be_wanted(self, url: str) -> bool:
        """Can `url` be a wanted image? False only when it cannot: when its path (what comes before '?' or '#') is
        plain ASCII, every key of the image is a stretch of it that no letter or digit borders, so each run of
        letters and digits of a wanted key it has is one of the runs of that path."""
        if not url or url.startswith("data:"):
            return False
        plain = PLAIN_PATH_RE.match(url).end()   # type: ignore[union-attr]  # matches at worst ""
        path = url[:plain]
        if self._runs is None or plain < len(url) and url[plain] not in "?#" or not path.isascii():
            return True   # an escape or a control character in the path, or a non-ASCII one: image_keys decides
        runs = set(RUN_RE.findall(path.lower()))
        return any(key_runs <= runs for run in runs.intersection(self._runs) for key_runs in self._runs[run])


# What comes before a URL's query or fragment, up to its first character that image_keys may read otherwise than
# as written: an HTML or percent escape, a tab or line break (urlsplit drops them).
PLAIN_PATH_RE = LazyPattern(r"[^?#%&\t\r\n]*")
ESCAPE_RE = LazyPattern(r"[%&\t\r\n]")
RUN_RE = LazyPattern(r"[a-z0-9]+")
NO_KEYS: frozenset[str] = frozenset()   # one object for the many URLs that are no node's image


def attribute_credits(tree: Any, smap: SourceMap, related: list[Any], anchors: list[int]) -> list[Credit]:
    """Credits of the image nodes in JSON kept in a data attribute of an element of the article, where a rendered
    image would count (the BBC's video placeholders' `data-media-meta`: the image the player shows until it plays),
    with the attribute's value as their span. `anchors`: where such JSON names a credit key (`find_anchors`)."""
    page = smap.page
    names: set[str] = set()
    for at in anchors:
        if smap.start <= at < smap.end:
            tag = page.rfind("<", smap.start, at)
            held = [m.group(1) for m in ATTRIBUTE_NAME_RE.finditer(page, max(tag, 0), at)]
            names.update(name.lower() for name in held[-1:])   # as the parser names it
    outside = _outside_memo(related)
    found: list[Credit] = []
    for name in sorted(names):   # a name of letters, digits and hyphens: safe in a selector
        for el in select(_article_body(tree), f"[{name}]"):
            try:
                data = jsonparse.loads(el.attrs.get(name) or "")
            except ValueError:
                continue
            if not outside(el):
                continue
            span = _attribute_span(page, smap.span(el)[0], name)
            for obj in json_objects(data):
                url = own_image_url(obj)
                if url is not None:
                    found += [replace(c, source="attribute", form="json-attribute")
                              for c in _node_credits(obj, url, lambda path: span)]
    return found


def _attribute_span(page: str, tag_start: int, name: str) -> tuple[int, int]:
    """The value of attribute `name` of the start tag at `tag_start`, quotes left out."""
    written = re.compile(f'{re.escape(name)}="', re.IGNORECASE | re.ASCII).search(page, tag_start,
                                                                                 page.find(">", tag_start) + 1)
    if written is None:
        return tag_start, tag_start + 1
    start = written.end()
    end = page.find('"', start)
    return (start, end) if end >= 0 else (tag_start, tag_start + 1)


def _outside_memo(related: list[Any]) -> AncestorMemo:
    """Is an element outside related boxes, footers, navs, asides and what a class or id names as other stories'
    (promos, recommendations, most read, sidebars, next article)? Leaving one out only loses a credit."""
    boxes = {box.mem_id for box in related}

    def step(node: Any, above: bool) -> bool:
        tag = node.tag
        if not above or tag in ("html", "body"):   # the body's classes name the page's ads, not a box
            return above
        if node.mem_id in boxes or tag in NOT_ARTICLE_TAGS:
            return False
        attrs = node.attrs   # a dict built at each access
        return not OTHER_STORIES_RE.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}")

    return AncestorMemo(step, True)


def _article_body(tree: Any, articles: list[Any] | None = None) -> Any:
    """The article: the only <article>, or of several (teaser cards are <article>s too) the one with most text;
    the body when there is none. `articles`: the page's <article>s, when they were selected already."""
    body = tree.body or tree.root
    if articles is None:
        articles = select(body, "article")
    if not articles:
        return body
    return max(articles, key=lambda el: len(el.text(deep=True) or ""))


def _jsonld_article_images(raw: str) -> Iterator[str]:
    try:
        data = jsonparse.loads(raw)
    except ValueError:
        return
    for obj in json_objects(data):
        if is_article(obj):
            for key in ("image", "thumbnailUrl"):
                yield from _urls(obj.get(key))


MAX_JSONLD_BYTES = 2_000_000   # a JSON-LD script longer than this is no page's metadata: not parsed


def parsed_jsonld(raw: str) -> Any:
    """A JSON-LD script's content, parsed; None when it is empty, longer than MAX_JSONLD_BYTES or no JSON. Some CMSs
    wrap the JSON as XML character data, sometimes commented out for JavaScript."""
    if not raw.strip() or len(raw) > MAX_JSONLD_BYTES:
        return None
    if "<![CDATA[" in raw:
        raw = re.sub(r"(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>", "", raw)
    try:
        return jsonparse.loads(raw)
    except ValueError:
        return None


def schema_types(obj: dict[str, Any]) -> set[str]:
    """A JSON-LD node's schema.org types: its `@type`, a name or a list of names."""
    kind = obj.get("@type")
    return {k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)}


def is_article(obj: dict[str, Any]) -> bool:
    """Whether a JSON-LD node is an article's (NewsArticle, BlogPosting, LiveBlogPosting, Report...)."""
    return any(k.endswith(ARTICLE_TYPES) for k in schema_types(obj))


def json_objects(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in parsed JSON, outermost first, each before what it holds. Walked with a stack of its own, not
    by recursion: a generator per level made each object pass up through every level above it, so 600 KB of objects
    under 800 levels of lists took 10 s instead of 0.1 s (#12)."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            yield value
            stack.extend(reversed(value.values()))
        elif isinstance(value, list):
            stack.extend(reversed(value))


def _urls(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _urls(item)
    elif isinstance(value, dict):
        for key in ("url", "contentUrl"):
            if isinstance(value.get(key), str):
                yield value[key]


ImageNode = tuple[dict[str, Any], int, int, str]   # the object, its start and end in the page, its image URL


def image_nodes(page: str, anchors: list[int]) -> list[ImageNode]:
    """The image nodes in the page's scripts (JSON-LD aside: `html_credits` reads it) that hold a credit key.
    `anchors`: the colons of the credit keys in script data (`find_anchors`), in order."""
    found: list[ImageNode] = []
    nodes = _Nodes(page)
    scripts = _Scripts(page)
    for colon in anchors[:MAX_ANCHORS]:
        at = page.rfind('"', 0, colon - 1)   # the key's opening quote
        script = scripts.around(at)
        if script is None or found and found[-1][1] <= at < found[-1][2]:
            continue   # outside script text, or in a node already found
        # A caption is its image's own string: the object holding it is the node, or there is none (#11: the
        # captions of Reuters' untyped slideshow copies looked through two more objects each)
        node = nodes.image_node(at, script, levels=1 if page.startswith('"caption"', at) else LEVELS)
        if node is not None:
            found.append(node)
    return found


def find_credits(page: str, nodes: list[ImageNode], shown: ShownImages) -> list[Credit]:
    """Credits of the image nodes (`image_nodes`) whose image the article shows, each with the span of the words
    it was read from."""
    found: list[Credit] = []
    seen: set[tuple[str, str | None, str | None]] = set()   # page state often holds an image twice
    tied = [shown.shows(url) for _, _, _, url in nodes]
    if not all(tied) and shown.own_urls:   # the images the article's own object in page state holds are its own
        untied = [node[1] for node, known in zip(nodes, tied) if not known]
        for url in _own_object_images(page, untied, shown.own_urls):
            shown.keys |= shown.wanted & image_keys(url)
        tied = [known or shown.shows(url) for (_, _, _, url), known in zip(nodes, tied)]
    read: dict[str, list[dict[str, Any]]] = {}   # an image URL -> its nodes read: the same node twice is read once
    for (obj, start, end, url), known in zip(nodes, tied):
        if known and obj not in read.setdefault(url, []):
            read[url].append(obj)
            for credit in _node_credits(obj, url, partial(_literal_span, page, start, end)):
                if (url, credit.creator, credit.organization) not in seen:
                    seen.add((url, credit.creator, credit.organization))
                    found.append(credit)
    return found


# The keys by which a story object names its own page; the keys under which it keeps its own images (its body's,
# a slideshow's), and those naming other stories' (related, recirculation, the next article).
OWN_URL_KEYS = ("canonical", "url", "canonicalUrl", "canonical_url")
OWN_MEDIA_KEY_RE = LazyPattern(r"image|photo|picture|media|gallery|slide|asset|body|content|lead|hero|figure",
                               re.IGNORECASE)
OTHER_STORIES_KEY_RE = LazyPattern(rf"{OTHER_STORIES_RE.pattern}|recirc|next|prev|more|other|stor(?:y|ies)|article"
                                   r"|card|tease|feed", re.IGNORECASE)
STORY_KEYS = ("headline", "hed", "canonical", "canonicalUrl", "url", "href", "link")


def _own_object_images(page: str, starts: list[int], own_urls: list[str]) -> Iterator[str]:
    """The image URLs of the page's own story object in the scripts holding the image nodes starting at `starts`
    (in page order): an object of the script whose `canonical` or `url` is the page's canonical URL or og:url,
    and its images kept under keys that name its own media (`images`, a body item's `asset`), never under keys or
    in objects that are other stories (`related_stories`, a story card with its own headline or URL). Next.js page
    state keeps a slideshow's images there, the page showing none as an <img> (Reuters, #11)."""
    scripts = _Scripts(page)
    searched: set[int] = set()
    read: set[int] = set()   # the objects read: page state repeats the article's URL
    for at in starts:
        text = scripts.around(at)
        if text is None or text in searched:
            continue
        searched.add(text)
        end = scripts.text[1]
        for url in {form for own in own_urls for form in (own, own.replace("/", "\\/"))}:
            quoted = f'"{url}"'
            hit = page.find(quoted, text, end)
            while hit >= 0:
                if any(page.startswith(f'"{key}":', hit - len(key) - 3) for key in OWN_URL_KEYS):
                    yield from _story_images(page, hit, text, url, read)
                hit = page.find(quoted, hit + len(quoted), end)


def _story_images(page: str, hit: int, floor: int, url: str, done: set[int]) -> Iterator[str]:
    """The own images of the object around the URL string at `hit`, when that object names its page by it and
    is not in `done` (then added to it)."""
    start = next(_enclosing_objects(page, hit, floor), None)
    if start is None or start in done:
        return
    done.add(start)
    try:
        obj, _ = jsonparse.raw_decode(page, start)
    except ValueError:
        return
    if isinstance(obj, dict) and any(obj.get(key) == url.replace("\\/", "/") for key in OWN_URL_KEYS):
        yield from _own_images(obj, 0)


def _own_images(obj: dict[str, Any], depth: int) -> Iterator[str]:
    for key, value in obj.items():
        if depth > 6 or not OWN_MEDIA_KEY_RE.search(key) or OTHER_STORIES_KEY_RE.search(key):
            continue
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, dict):
                continue
            url = own_image_url(item)
            if url is not None:
                yield url
            elif not any(key in item for key in STORY_KEYS):   # another story, in the body or a slot of its own
                yield from _own_images(item, depth + 1)


class _Scripts:
    """The script a position is in, asked in page order: the page's scripts are found going forwards, each once,
    those ending before the position skipped unread (JSON-LD's left to `html_credits`). Script tags are looked for
    as written in lower case; at the first position found in none, a page that writes one in capitals (`<SCRIPT>`) has
    its script tags in any case found in one pass and is searched again from its start (#11: such a page gave no
    credit). Most pages are never searched for capitals: each of their credit keys is in a lower-case script."""

    def __init__(self, page: str) -> None:
        self.page = page
        self.checked = False   # has the page been searched for a script tag in capitals?
        self.tags: dict[str, list[int]] | None = None   # where it writes each tag in any case, when it has one
        self._start()

    def _start(self) -> None:
        self.text = (-1, -1)    # the last script found: its text's start and end
        self.json_ld = False
        self.next_open = self._find(SCRIPT_OPEN, 0, len(self.page))

    def around(self, at: int) -> int | None:
        """Where the text of the script holding `at` starts, or None."""
        start = self._around(at)
        if start is None and not self.checked:
            self.checked = True
            if CASED_SCRIPT_RE.search(self.page) is not None:
                self.tags = {SCRIPT_OPEN: [], SCRIPT_CLOSE: []}
                for found in SCRIPT_TAG_RE.finditer(self.page):
                    self.tags[SCRIPT_CLOSE if found.group(1) else SCRIPT_OPEN].append(found.start())
                self._start()
                start = self._around(at)
        return start

    def _find(self, tag: str, start: int, end: int) -> int:
        """`str.find` of a script tag (SCRIPT_OPEN or SCRIPT_CLOSE) in page[start:end], in any case on a page known
        to write one in capitals."""
        if self.tags is None:
            return self.page.find(tag, start, end)
        found = self.tags[tag]
        i = bisect_left(found, start)
        return found[i] if i < len(found) and found[i] + len(tag) <= end else -1

    def _rfind(self, tag: str, start: int, end: int) -> int:
        """`str.rfind` of a script tag in page[start:end], as `_find`."""
        if self.tags is None:
            return self.page.rfind(tag, start, end)
        found = self.tags[tag]
        i = bisect_right(found, end - len(tag)) - 1
        return found[i] if i >= 0 and found[i] >= start else -1

    def _around(self, at: int) -> int | None:
        page = self.page
        if 0 <= self.next_open < at:
            self._skip(at)
        while 0 <= self.next_open < at:
            gt = page.find(">", self.next_open)
            tag_end = gt + 1 if gt >= 0 else len(page)   # a start tag cut off by the page's end holds no text
            close = self._find(SCRIPT_CLOSE, tag_end, len(page))
            close = len(page) if close < 0 else close
            self.text, self.json_ld = (tag_end, close), "ld+json" in page[self.next_open:tag_end].lower()
            self.next_open = self._find(SCRIPT_OPEN, close, len(page))
        start, end = self.text
        return start if start <= at < end and not self.json_ld else None

    def _skip(self, at: int) -> None:
        """Past the scripts that end before `at`, unread (#14: reading each script of the 45 MB page to reach its
        credit keys was a pass over it). A script's text ends at its first "</script", so every script opened
        before the last "</script" ahead of `at` has ended there, and the next one opens at the next "<script";
        unless that "</script" is inside a script's start tag (`<script data-x="</script>">`): then none is
        skipped."""
        page = self.page
        close = self._rfind(SCRIPT_CLOSE, self.next_open, at)
        if close < 0:
            return
        opened = self._rfind(SCRIPT_OPEN, self.next_open, close)
        if opened >= 0 and page.find(">", opened, close) < 0:
            return
        self.text, self.json_ld = (-1, -1), False
        self.next_open = self._find(SCRIPT_OPEN, close, len(page))


class _Nodes:
    """The objects around the credit keys of one page, each parsed once: the keys of a list of stories share their
    outer objects, which were parsed again for each key (#14: 9 ms on a page of 20 such keys, 3 now)."""

    def __init__(self, page: str) -> None:
        self.page = page
        self.parents: dict[int, list[int]] = {}   # an object's start -> the starts of the objects around it
        self.parsed: dict[int, tuple[dict[str, Any], int, str | None] | None] = {}   # start -> (object, end, URL)

    def image_node(self, at: int, floor: int, *, levels: int = LEVELS) -> ImageNode | None:
        """(object, start, end, its image URL) of the innermost object around `at` that is an image node, looking
        through at most `levels` objects; None when none is."""
        starts: list[int] = []
        for start in _enclosing_objects(self.page, at, floor):
            starts.append(start)
            if start in self.parents:
                starts += self.parents[start]
                break
            if len(starts) == levels:
                break
        if levels == LEVELS:   # a shorter look did not find all the parents it may be asked for
            for i, start in enumerate(starts):
                self.parents.setdefault(start, starts[i + 1:])
        for start in starts[:levels]:
            if start not in self.parsed:
                self.parsed[start] = self._parse(start)
            parsed = self.parsed[start]
            if parsed is None:
                return None
            obj, end, url = parsed
            if url is not None:
                return obj, start, end, url
        return None

    def _parse(self, start: int) -> tuple[dict[str, Any], int, str | None] | None:
        try:   # parsed from a slice: an object longer than MAX_NODE stops the parse at the slice's end
            obj, size = jsonparse.raw_decode(self.page[start:start + MAX_NODE])
        except ValueError:
            return None
        return (obj, start + size, own_image_url(obj)) if isinstance(obj, dict) else None


def _enclosing_objects(page: str, at: int, floor: int, *, arrays: bool = False) -> Iterator[int]:
    """Starts of the JSON objects around position `at` (outside any string), innermost first (`arrays`: and of the
    arrays): the brackets and quotes before it read backwards, a quote escaped by an odd run of backslashes being no
    quote. Read in steps of STEP characters: an image node's start is near its credit (#14: tokenising REACH at once
    cost 0.7 ms per credit key on a page of large state)."""
    depth, in_string = 0, False
    floor = max(floor, at - REACH)
    high = at
    while high > floor:
        low = max(floor, high - STEP)
        for pos in reversed([m.start() for m in TOKEN_RE.finditer(page, low, high)]):
            char = page[pos]
            if char == '"':
                slashes = 0
                while page[pos - 1 - slashes] == "\\":
                    slashes += 1
                if slashes % 2 == 0:
                    in_string = not in_string
            elif in_string:
                continue
            elif char in "}]":
                depth += 1
            elif depth:
                depth -= 1
            elif char == "{" or arrays:
                yield pos
        high = low


STEP = 1_024
# The name a JSON or JavaScript value is kept under, right before it: `"key":`, `key:`, `name =`.
KEY_BEFORE_RE = LazyPattern(r'(?:"([^"\\]{1,80})"|([A-Za-z_$][\w$.]{0,79}))\s*[:=]\s*$')


def keys_around(page: str, at: int, floor: int, *, start: int | None = None) -> list[str]:
    """The keys a script's JSON keeps the string holding `at` under, and the objects and arrays around it, innermost
    first, read backwards no further than `floor` and REACH from the string's start (script32: a post URL in a
    "trending" module is the site's, one in the story's "body" the article's). Empty when `at` is in no string.
    `start`: where that string opens, when the caller has found it (`far_string_start`, a long body's)."""
    if start is None:
        start = _string_start(page, at, max(floor, at - REACH))
    if start is None:
        return []
    floor = max(floor, start - REACH)
    keys = [_key_before(page, start, floor)]
    keys += [_key_before(page, opened, floor) for opened in _enclosing_objects(page, start, floor, arrays=True)]
    return [key for key in keys if key]


def string_start_near(page: str, at: int, floor: int) -> int | None:
    """Where the string holding `at` opens, looked for no further back than REACH (and `floor`)."""
    return _string_start(page, at, max(floor, at - REACH))


def _string_start(page: str, at: int, floor: int) -> int | None:
    """Where the string holding `at` opens: the last quote before it that no odd run of backslashes escapes."""
    pos = at
    while (quote := page.rfind('"', floor, pos)) >= 0:
        slashes = 0
        while quote - 1 - slashes >= floor and page[quote - 1 - slashes] == "\\":
            slashes += 1
        if slashes % 2 == 0:
            return quote
        pos = quote
    return None


# A quote no odd run of backslashes escapes, from the run's start (the look-behind reads before a search's start).
QUOTE_RE = LazyPattern(r'(?<!\\)(?:\\\\)*"')
# What stands before a JSON or JavaScript string's opening quote (past blanks); a closing quote has the string's text.
OPENS_AFTER = frozenset(':[,{(=+')


def far_string_start(page: str, at: int, floor: int) -> int | None:
    """Where the string holding `at` opens when it is further back than REACH (a story's body HTML of 50,000
    characters kept as one JSON string, review32r2): the last unescaped quote before `at`, searched back in windows
    growing fourfold, and None unless it opens a string."""
    high, size = at, REACH
    while high > floor:
        low = max(floor, high - size)
        while low > floor and page[low - 1] == "\\":   # a run of backslashes is read whole, in one window
            low -= 1
        last = None
        for last in QUOTE_RE.finditer(page, low, high):
            pass
        if last is not None:
            quote = last.end() - 1
            before = page[max(floor, quote - 40):quote].rstrip()
            return quote if before and before[-1] in OPENS_AFTER else None
        high, size = low, size * 4
    return None


def more_of_string(page: str, since: int, at: int, floor: int) -> bool:
    """Does no unescaped quote stand between `since` and `at`: is `at` in the same string as `since`?"""
    while since > floor and page[since - 1] == "\\":
        since -= 1
    return QUOTE_RE.search(page, since, at) is None


def _key_before(page: str, at: int, floor: int) -> str | None:
    found = KEY_BEFORE_RE.search(page, max(floor, at - 100), at)
    return (found.group(1) or found.group(2)) if found else None


def own_image_url(obj: dict[str, Any]) -> str | None:
    """The object's own image URL (`url`, `src`, ..., or that key's `primary`), when it names an image file or the
    object's content type is an image's: the object is then the image, not a story that has one (a story's image
    sits under `image` or `teaseImage`)."""
    typed = any(isinstance(kind := obj.get(key), str) and kind.startswith("image/") for key in TYPE_KEYS)
    for key in URL_KEYS:
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("primary")
        if isinstance(value, str) and (typed and value.strip() or _is_image_url(value)):
            return value
    return None


def _is_image_url(value: str) -> bool:
    try:
        return bool(IMAGE_PATH_RE.search(urlsplit(value.strip()).path))
    except ValueError:
        return False


def _node_credits(obj: dict[str, Any], url: str, locate: Callable[[tuple[str, ...]], tuple[int, int]]) -> list[Credit]:
    """The credits an image node states, the fuller kept where one reading holds another ('Getty Images for X'
    beside '(Photo by Jane Doe/Getty Images for X)'); `locate` gives the span of the words at a key path."""
    read: list[tuple[str, str | None, str | None, str, tuple[int, int]]] = []   # raw, creator, org, form, span
    for path, value in _fields(obj):
        key = path[-1]
        if key in WHOLE_KEYS and isinstance(value, str):
            span = locate(path)
            read += [(value, c, o, form, span) for c, o, form in credit_patterns.read_whole(value)]
        elif key == "caption":
            text = value.get("rendered") if isinstance(value, dict) else value
            if isinstance(text, str) and credit_patterns.might_have_credit(text):
                span = locate(path)
                words = " ".join(unescape(re.sub(r"<[^>]*>", " ", text)).split())
                read += [(c.raw, c.creator, c.organization, c.form or "caption", span)
                         for c in credit_patterns.find_credits(words, caption=True)]
    names = next((n for n in (name_of(obj.get(k)) for k in NAME_KEYS) if n), None)
    source = obj.get("source")
    supplier = source.get("name") if isinstance(source, dict) else None
    if isinstance(supplier, str) and supplier.strip():
        raw = f"{names} / {supplier.strip()}" if names else supplier.strip()
        first = next(((k,) for k in NAME_KEYS if names and name_of(obj.get(k))), ("source",))
        span = (locate(first)[0], locate(("source",))[1])
        read += [(raw, c, o, form, span) for c, o, form in credit_patterns.read_whole(raw)]
    found: dict[tuple[str | None, str | None], Credit] = {}
    for raw, c, o, form, span in read:
        if (c, o) not in found and not any(_holds(other, (raw, c, o)) for other in read):
            found[c, o] = Credit(raw=raw, source="script-data", span=span, creator=c, organization=o, image=url,
                                 form=f"script-data-{form}")
    return list(found.values())


def _holds(fuller: tuple[Any, ...], other: tuple[Any, ...]) -> bool:
    """Does one reading say all another does, and more? Names compared case-folded."""
    pairs = [(a.casefold() if a else None, b.casefold() if b else None) for a, b in ((fuller[1], other[1]),
                                                                                       (fuller[2], other[2]))]
    if fuller[0] != other[0] and other[0].casefold() in fuller[0].casefold():
        return True   # the same words read inside a longer statement: an image's IPTC credit within its caption
    return all(b is None or a == b for a, b in pairs) and any(a != b for a, b in pairs)


def _fields(obj: dict[str, Any], path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(key path, value) of the node's fields and of the objects in it that are not images of their own (a
    WordPress image's `media_details.image_meta`, not its `sizes`)."""
    for key, value in obj.items():
        if isinstance(value, dict) and key != "caption":
            if own_image_url(value) is None and len(path) < 3:
                yield from _fields(value, (*path, key))
        else:
            yield (*path, key), value


def name_of(value: Any) -> str | None:
    """The name a JSON value gives: a string, an object's `name`, or a list's names joined."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return name_of(value.get("name"))
    if isinstance(value, list):
        return ", ".join(n for n in (name_of(v) for v in value) if n) or None
    return None


LITERAL_RE = LazyPattern(r'\s*:\s*(?:[\[{]\s*)*(?:"(?:name|rendered)"\s*:\s*)?"((?:[^"\\]|\\.)*)"')


def _literal_span(page: str, start: int, end: int, path: tuple[str, ...]) -> tuple[int, int]:
    """Where the string a key path leads to stands in the source, quotes left out (JSON keeps an object's keys in
    order, so each key is looked for after the one before it); the node's own span when it cannot be found."""
    at = start
    for key in path:
        found = page.find(f'"{key}"', at, end)
        if found < 0:
            return start, end
        at = found + len(key) + 2
    literal = LITERAL_RE.match(page, at, end)
    return literal.span(1) if literal else (start, end)
