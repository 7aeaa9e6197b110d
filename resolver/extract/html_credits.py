"""Photo credits in an HTML page: credit elements and classes, figcaptions, credit attributes (data-credit,
copyright=), credits inside alt and caption attributes, JSON-LD ImageObjects, and credit lines in the page's
running text. The words themselves are read by `credits` (shared with plain text).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from html import unescape
from typing import Any

from resolver.extract import credits as credit_patterns
from resolver.extract.credit_names import split_credit
from resolver.extract.dom import compiled_xpath, element_text, inside, spaced_text
from resolver.extract.spans import SourceMap, element_end
from resolver.model import Credit

# Class values that mark a credit or caption, or a "related" box (whose contents are not the article's).
CLASS_VALUE_RE = re.compile(
    r"""class\s*=\s*["']([^"'<>]*?(?:credit|copyright|photographer|attribution|image-source|photo-source|caption"""
    r"""|related)[^"'<>]*)["']""")
CREDIT_WORDS = ("credit", "copyright", "photographer", "attribution", "image-source", "photo-source", "caption")
CREDIT_WORD_RE = re.compile("|".join(CREDIT_WORDS))
# Elements whose class holds a credit word, in one fixed expression: page text never becomes XPath (#11: a class
# value with a control character in it made lxml refuse the expression and stopped a whole batch).
_LOWERED = "translate(., 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
CREDIT_CLASS_XPATH = "//@class[" + " or ".join(f"contains({_LOWERED}, '{word}')" for word in CREDIT_WORDS) + "]/.."
# Words a credit line in prose carries (lower-case "photo" is too common in prose to be a hint). Case-sensitive,
# so the engine can skip quickly; each hit is then read in its own text node only.
PROSE_HINT_RE = re.compile(r"Photo|PHOTO|\(photo|Credit|CREDIT|©|Getty|GETTY|REUTERS|AFP|EPA|\(AP\b|AP\)|Courtesy|Foto"
                           r"|Image(?: credit|:| by| via| courtesy| copyright)|Screen(?:shot|grab)|Illustration(?::| by)")
CREDIT_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:photo-?credits?|image-?credits?|img-?credits?|media-?credits?|picture-?credits?|caption-?credits?"
    r"|credits?(?!-?card)|copyright|photographer|photo-?byline|credit-?line|attribution|image-source|photo-source)(?:$|[\s_-])",
    re.IGNORECASE,
)
# Classes that name a source without saying it is a photo's: they count only next to an image.
WEAK_CLASS_RE = re.compile(r"credit|copyright|photographer|byline", re.IGNORECASE)
CREDIT_ITEMPROPS = frozenset({"creditText", "copyrightHolder", "copyrightNotice"})
# Attributes that hold a credit as their whole value, and attributes that hold a caption a credit may end.
WHOLE_ATTRS = frozenset({"data-credit", "data-photo-credit", "data-image-credit", "data-copyright", "data-photographer",
                         "copyright", "photographer", "credit"})
CAPTION_ATTRS = frozenset({"alt", "alttext", "data-alt", "caption", "data-caption"})
ATTRIBUTE_RE = re.compile(r"""\s([a-z][a-z0-9:_-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# A caption attribute is read only when it holds one of these (most alt texts describe, and are skipped at once).
CAPTION_HINT_RE = re.compile(r"[(\[/©]|credit|photo|getty|courtesy|image:|foto|copyright")
CREDIT_ATTR_NAME_RE = re.compile(r"\s(?:data-)?(?:alt|caption|alttext|credit|copyright|photographer|[a-z-]*credit)\s*=")
IMAGE_ATTR_RE = re.compile(
    r"""\s(?:src|data-src|data-lazy-src|data-original|data-image|data-img|srcset|data-srcset)\s*=\s*["']?([^"'\s>,]+)""")
TAG_NAME_RE = re.compile(r"<([a-z][a-z0-9-]*)")
CREDIT_ATTR_RE = re.compile(r"credit=")
NOT_CREDIT_TAGS = frozenset({"meta", "link", "script", "style"})
MAX_JSONLD_BYTES = 2_000_000


def find_credits(root: Any, smap: SourceMap, *, claimed: set[Any], embed_spans: list[tuple[int, int]]) -> list[Credit]:
    """Every photo credit in a parsed page, in order, outside the embeds (`claimed` elements, `embed_spans`)."""
    credits: list[Credit] = []
    credited: set[Any] = set()
    blocks = _tag_blocks(smap.lower)
    class_hits = [(m.start(), m.group(1)) for m in _outside(CLASS_VALUE_RE, smap.lower, blocks)]
    candidates = _credit_candidates(root, smap.lower, class_hits)
    # Elements holding a credit element: they leave the credit to it (marked once, not searched per element).
    holders = {anc for el in candidates if _is_credit_element(el) for anc in el.iterancestors()}
    for el in candidates:
        if not (claimed and inside(el, claimed)):
            credits.extend(_credits_at(el, smap, credited, holders))
    blocks = sorted(blocks + _related_boxes(smap.lower, class_hits))
    read_tags: set[int] = set()
    outside = [c.span for c in credits] + embed_spans
    credits.extend(_attribute_credits(smap.page, smap.lower, blocks=blocks, taken=outside, read_tags=read_tags))
    credits.extend(_prose_credits(smap.page, smap.lower, blocks=blocks, taken=[c.span for c in credits] + embed_spans,
                                  read_tags=read_tags))
    return sorted(credits, key=lambda c: c.span)


def _image_for(el: Any) -> str | None:
    """The image a caption or credit belongs to: the enclosing figure's first img, or the one img of a small parent.
    Lazy-loaded images keep their address in data-src or srcset while src holds a placeholder."""
    figure = next(el.iterancestors("figure"), None)
    images = list(figure.iter("img")) if figure is not None else []
    parent = el.getparent()
    for _ in range(2):   # the credit's parent, or the container around it ("figure-footer" beside the image)
        if images or parent is None or parent.tag in ("body", "html", "main", "article", "section"):
            break
        found = list(parent.iter("img"))
        images = found if len(found) == 1 else []
        parent = parent.getparent() if not found else None
    for img in images:
        for attr in ("src", "data-src", "data-lazy-src", "data-original", "srcset", "data-srcset"):
            src = (img.get(attr) or "").strip().split(" ")[0]
            if src and not src.startswith("data:"):
                return src
    return None


def _credit_from_element(el: Any, smap: SourceMap, source: str, needle: str | None) -> list[Credit]:
    """A credit element (class="credit", itemprop="creditText", a figure's cite) is a credit as a whole,
    prefix words aside."""
    raw = spaced_text(el)
    if not raw or len(raw) > 200:
        return []
    span, image = smap.span(el, needle), _image_for(el)
    form = "css-class" if source == "caption" else "itemprop"
    if el.get("itemprop") == "copyrightHolder" and not credit_patterns.find_credits(raw, caption=True):
        value = credit_patterns.strip_prefix(raw)
        return [Credit(raw=raw, source=source, span=span, organization=value, image=image, form=form)] \
            if credit_patterns.looks_like_credit_value(value, strict=False) else []
    return [Credit(raw=raw, source=source, span=span, creator=creator, organization=organization, image=image,
                   form=form if how == "whole" else how)
            for creator, organization, how in credit_patterns.read_whole(raw)]


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
    if "<![CDATA[" in raw_json:   # some CMSs wrap the JSON as XML character data, sometimes commented out for JS
        raw_json = re.sub(r"(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>", "", raw_json)
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
            creator, split_org = split_credit(credit_patterns.strip_prefix(credit_text))
            holder = holder or split_org
        found.append(Credit(raw=raw, source="json-ld", span=smap.span(el, "ld+json"), creator=creator,
                            organization=holder, image=image if isinstance(image, str) else None, form="json-ld"))
    return found


def _prose_credits(page: str, lower: str, *, blocks: list[tuple[int, int]], taken: list[tuple[int, int]],
                   read_tags: set[int]) -> list[Credit]:
    """Credits in running text ('(AP Photo/Jane Doe)' in a paragraph): each hint word's own text node is read,
    outside scripts, styles, footers and whatever an element-level detector already took. A node that ends in
    a credit's opening words ('Image Credit: <em>Getty</em>') is read on to the end of its block. A hint inside
    a start tag sends that tag's alt and caption attributes to be read ('alt="... (Photo by Jane Doe/AP)"')."""
    found: list[Credit] = []
    done_until = -1
    starts = [b[0] for b in blocks]
    for at in _hints_outside(page, blocks):
        if at < done_until or any(s <= at < e for s, e in taken):
            continue
        node_start = page.rfind(">", 0, at) + 1
        tag_open = page.rfind("<", node_start - 1, at)
        if tag_open >= node_start:   # inside a start tag
            done_until = _start_tag_end(lower, tag_open)
            if tag_open not in read_tags:
                read_tags.add(tag_open)
                found.extend(_tag_credits(page, lower, tag_open, done_until, blocks=blocks, starts=starts, taken=taken))
            continue
        if _in_ranges(blocks, starts, at):
            continue   # in a script, style, footer, nav or related box
        node_end = page.find("<", at)
        node_end = len(page) if node_end < 0 else node_end
        done_until = node_end
        text = page[node_start:node_end]
        if len(text) > 2000:
            continue
        if "&" in text:   # entities change lengths: the node's span stands for each credit in it
            credits = [replace(c, span=(node_start, node_end))
                       for c in credit_patterns.find_credits(unescape(text), source="text")]
        else:
            credits = credit_patterns.find_credits(text, source="text", offset=node_start)
        if not credits and text.rstrip().endswith(OPENING_ENDS) and credit_patterns.PREFIX_END_RE.search(text[-60:]):
            block_end = _block_end(lower, node_end)
            whole = unescape(re.sub(r"<[^>]*>", "", page[node_start:block_end]))
            credits = [replace(c, span=(node_start, block_end))
                       for c in credit_patterns.find_credits(whole, source="text")]
            done_until = block_end
        found.extend(credits)
    return found


OPENING_ENDS = (":", "：", "by", "via", "of", "…", "...", "copyright", "Copyright", "courtesy", "Courtesy")


def _hints_outside(page: str, blocks: list[tuple[int, int]]) -> Iterator[int]:
    """Where a credit word occurs outside scripts, styles, footers, navs and related boxes: the regex runs
    only over the gaps between them (a quarter of a page's bytes is often script)."""
    return (hit.start() for hit in _outside(PROSE_HINT_RE, page, blocks))


def _block_end(lower: str, at: int) -> int:
    """Where the block an inline run belongs to ends: the next block-level tag, within 300 characters."""
    ends = [p for p in (lower.find(t, at, at + 300) for t in ("</p", "<br", "</div", "</figcaption", "</li", "</td",
                                                            "</span", "<p")) if p >= 0]
    return min(ends) if ends else min(len(lower), at + 300)


def _attribute_credits(page: str, lower: str, *, blocks: list[tuple[int, int]], taken: list[tuple[int, int]],
                       read_tags: set[int]) -> list[Credit]:
    """Credits kept whole in data-credit and its kin, read from the source (fast, exact spans). Alt, caption and
    copyright= attributes (the Telegraph's <image>) are read where the prose pass finds a credit word in them."""
    found: list[Credit] = []
    starts = [b[0] for b in blocks]
    for hit in _outside(CREDIT_ATTR_RE, lower, blocks):   # data-credit, data-photo-credit, credit=...
        tag_start = lower.rfind("<", 0, hit.start())
        if tag_start not in read_tags:
            read_tags.add(tag_start)
            tag_end = _start_tag_end(lower, tag_start)
            found.extend(_tag_credits(page, lower, tag_start, tag_end, blocks=blocks, starts=starts, taken=taken))
    return found


def _start_tag_end(lower: str, start: int) -> int:
    """Just after the start tag that begins at `start`: the first '>' outside quoted attribute values."""
    end = lower.find(">", start)
    while end >= 0 and lower.count('"', start, end) % 2:
        end = lower.find(">", end + 1)
    return len(lower) if end < 0 else end + 1


def _tag_credits(page: str, lower: str, tag_start: int, tag_end: int, *, blocks: list[tuple[int, int]],
                 starts: list[int], taken: list[tuple[int, int]]) -> list[Credit]:
    """Credits in one start tag's attributes: whole in data-credit and its kin, at the end of alt or caption."""
    if not CREDIT_ATTR_NAME_RE.search(lower, tag_start, tag_end):
        return []   # a credit word in a URL or class: no attribute that could hold a credit
    tag = TAG_NAME_RE.match(lower, tag_start)
    if tag is None or tag.group(1) in NOT_CREDIT_TAGS or any(s <= tag_start < e for s, e in taken) \
            or _in_ranges(blocks, starts, tag_start):
        return []
    found: list[Credit] = []
    span, image = (tag_start, tag_end), None
    for attr in ATTRIBUTE_RE.finditer(lower, tag_start, tag_end):
        name, group = attr.group(1), 2 if attr.group(2) is not None else 3
        whole = name in WHOLE_ATTRS
        if not (whole or name in CAPTION_ATTRS and CAPTION_HINT_RE.search(attr.group(group))):
            continue
        value = unescape(page[attr.start(group): attr.end(group)]).strip()
        if not value:
            continue
        if image is None:
            src = IMAGE_ATTR_RE.search(page, tag_start, tag_end)
            image = src.group(1) if src and not src.group(1).startswith("data:") else ""
        if whole:
            found.extend(_whole_attribute_credit(value, name, span, image or None))
        else:
            found.extend(replace(c, span=span, form=name) for c in credit_patterns.find_credits(
                value, source="attribute", image=image or None, caption=True))
    return found


def _whole_attribute_credit(value: str, attr: str, span: tuple[int, int], image: str | None) -> list[Credit]:
    return [Credit(raw=value, source="attribute", span=span, creator=creator, organization=organization,
                   image=image, form=attr) for creator, organization, _ in credit_patterns.read_whole(value)]


RELATED_BOX_RE = re.compile(r"""<(div|section|aside|ul)\b[^>]*?\bclass\s*=\s*["'][^"'>]*?\brelated""")


def _tag_blocks(lower: str) -> list[tuple[int, int]]:
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


def _related_boxes(lower: str, class_hits: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Ranges of "related" boxes (other stories' teasers): their images and credits are not the article's."""
    ranges = []
    box_end = -1
    for at, value in class_hits:
        if at < box_end or "related" not in value:
            continue   # inside the previous box, or no box
        tag_start = lower.rfind("<", 0, at)
        box = RELATED_BOX_RE.match(lower, tag_start)
        if box is not None and box.end() > at:
            box_end = element_end(lower, box.group(1), tag_start)
            ranges.append((tag_start, box_end))
    return ranges


def _outside(pattern: re.Pattern[str], text: str, blocks: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """A pattern's matches in the gaps between blocks (sorted ranges, possibly nested or overlapping)."""
    at = 0
    for start, end in blocks + [(len(text), len(text))]:
        if start > at:
            yield from pattern.finditer(text, at, start)
        at = max(at, end)


def _in_ranges(ranges: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    i = bisect_right(starts, at) - 1
    return any(ranges[j][0] <= at < ranges[j][1] for j in range(max(0, i - 3), i + 1))


def _credit_candidates(root: Any, lower: str, class_hits: list[tuple[int, str]]) -> list[Any]:
    """Credit candidates in document order, from one XPath built from the cheap checks that fired on this page.
    Attribute axes (//@class[...]/..) test only the elements that carry the attribute: much faster than //*[...]."""
    paths = []
    if "ld+json" in lower:
        paths.append("//script[@type='application/ld+json']")
    if any(CREDIT_WORD_RE.search(value) for _, value in class_hits):
        paths.append(CREDIT_CLASS_XPATH)
    if "itemprop" in lower and ("credittext" in lower or "copyright" in lower):
        paths.append("//@itemprop[.='creditText' or .='copyrightHolder' or .='copyrightNotice']/..")
    if "<figcaption" in lower:
        paths.append("//figcaption")
    if "<cite" in lower:
        paths.append("//figure//cite")   # a figure's cite is its credit (Vox Media's Chorus)
    return compiled_xpath(" | ".join(paths))(root) if paths else []


def _is_credit_element(el: Any) -> bool:
    return isinstance(el.tag, str) and (
        (el.get("itemprop") or "") in CREDIT_ITEMPROPS or bool(CREDIT_CLASS_RE.search(el.get("class") or "")))


def _credits_at(el: Any, smap: SourceMap, credited: set[Any], holders: set[Any]) -> list[Credit]:
    if credited and inside(el, credited):
        return []
    found = _element_credits(el, smap, credited, holders)
    if found and _in_page_footer(el):
        return []   # a site's own copyright line is no photo credit
    return found


def _element_credits(el: Any, smap: SourceMap, credited: set[Any], holders: set[Any]) -> list[Credit]:
    tag = el.tag
    if tag == "script" and (el.get("type") or "").lower() == "application/ld+json":
        return _credits_from_jsonld(el, smap)
    itemprop = el.get("itemprop") or ""
    css = el.get("class") or ""
    if itemprop in CREDIT_ITEMPROPS or CREDIT_CLASS_RE.search(css):
        if el in holders and any(_is_credit_element(child) and credit_patterns.strip_prefix(element_text(child))
                                 for child in el.iterdescendants()):
            return []   # the innermost credit element is read: "Image copyright" + <span>Getty Images</span>
        credited.add(el)
        itemprop = itemprop if itemprop in CREDIT_ITEMPROPS else ""   # itemprop="caption" says nothing of credit
        weak = not itemprop and not WEAK_CLASS_RE.search(css)
        if "author" in css.lower() or not itemprop and _image_for(el) is None and ("opyright" in css or weak):
            return []   # an author's byline; "copyright" or "attribution" with no image near it is no photo's
        found = _credit_from_element(el, smap, "caption", itemprop or None)
        # "attribution" alone also marks a story's source ("Tech Insider"): there a supplier must be named
        return [c for c in found if c.organization] if weak else found
    if tag == "cite":   # a figure's <cite> is its credit (Vox Media's Chorus)
        credited.add(el)
        return _credit_from_element(el, smap, "caption", None)
    if tag == "figcaption" or "caption" in css:
        if el in holders:
            return []   # the child is read on its own, as the credit element it is
        credited.add(el)
        return _figcaption_credits(el, smap)
    return []


def _figcaption_credits(el: Any, smap: SourceMap) -> list[Credit]:
    """Credits in a caption's words; else the caption's last line when it is only a credit
    ('Andrew Harnik/Shutterstock', 'Adam Maida for BuzzFeed News')."""
    text = spaced_text(el)
    found = credit_patterns.find_credits(text, source="caption", caption=True)
    if not found:
        children = [c for c in el if isinstance(c.tag, str)]
        for candidate in dict.fromkeys([text, spaced_text(children[-1]) if children else text]):
            split = credit_patterns.bare_credit(candidate)
            if split is not None:
                found = [Credit(raw=candidate, source="caption", span=(0, 0), creator=split[0],
                                organization=split[1], form="caption-line")]
                break
    if not found:
        return []
    span, image = smap.span(el), _image_for(el)   # only for captions that credit: most do not
    return [replace(c, span=span, image=image) for c in found]


FOOTER_PART_RE = re.compile(r"(?:^|[-_])footer(?:$|[-_])", re.IGNORECASE)
NOT_FOOTER_RE = re.compile(r"figure|caption|image|media|photo|card|embed|article", re.IGNORECASE)


def _in_page_footer(el: Any) -> bool:
    """In the site's footer or nav: a <footer>/<nav>, or a class naming a footer that is not a figure's."""
    for anc in (el, *el.iterancestors()):
        if anc.tag in ("footer", "nav"):
            return True
        names = f"{anc.get('class') or ''} {anc.get('id') or ''}"
        if "ooter" in names or "OOTER" in names:
            for token in names.split():
                if FOOTER_PART_RE.search(token) and not NOT_FOOTER_RE.search(token):
                    return True
    return False
