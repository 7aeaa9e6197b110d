"""Photo credits in an HTML page: credit elements and classes, figcaptions, image attributes, JSON-LD ImageObjects,
and credit lines in the page's running text. The words themselves are read by `credits` (shared with plain text).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from resolver.extract import credits as credit_patterns
from resolver.extract.dom import compiled_xpath, element_text, inside
from resolver.extract.spans import SourceMap
from resolver.model import Credit

CLASS_VALUE_RE = re.compile(r"""class\s*=\s*["']([^"'<>]*?(?:credit|copyright|photographer)[^"'<>]*)["']""")
IMG_ATTR_RE = re.compile(r"data-(?:photo-|image-)?(?:credit|copyright|photographer)\s*=")
# Words a credit line in prose carries (lower-case "photo" is too common in prose to be a hint). Case-sensitive,
# so the engine can skip quickly; each hit is then read in its own text node only.
PROSE_HINT_RE = re.compile(r"Photo|PHOTO|Credit|CREDIT|©|Getty|REUTERS|AFP|Courtesy|Image(?: credit|:| by| courtesy)"
                           r"|Screen(?:shot|grab)|Illustration(?::| by)")
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
MAX_JSONLD_BYTES = 2_000_000


def find_credits(root: Any, smap: SourceMap, *, claimed: set[Any], embed_spans: list[tuple[int, int]]) -> list[Credit]:
    """Every photo credit in a parsed page, in order, outside the embeds (`claimed` elements, `embed_spans`)."""
    credits: list[Credit] = []
    credited: set[Any] = set()
    for el in _credit_candidates(root, smap.page, smap.lower):
        if not (claimed and inside(el, claimed)):
            credits.extend(_credits_at(el, smap, credited))
    credits.extend(_prose_credits(smap.page, smap.lower, taken=[c.span for c in credits] + embed_spans))
    return sorted(credits, key=lambda c: c.span)


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
    raw = element_text(el)
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
    return compiled_xpath("//*[" + " or ".join(tests) + "]")(root)


def _original_case(page: str, lower: str, value: str) -> str:
    """A class value found in the lower-cased page, as the page spells it (XPath compares exactly)."""
    at = lower.find(value)
    return page[at: at + len(value)] if at >= 0 else value


def _credits_at(el: Any, smap: SourceMap, credited: set[Any]) -> list[Credit]:
    tag = el.tag
    if credited and inside(el, credited):
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
        text = element_text(el)
        span, image = smap.span(el), _image_for(el)
        return [replace(c, span=span) for c in credit_patterns.find_credits(text, source="caption", image=image)]
    return []

